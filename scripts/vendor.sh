#!/bin/sh
# Vendor htmx from the npm registry into pwa/static/vendor/htmx/ (committed, so `make run`
# never needs npm). The tarball is checked against the integrity hash pinned here, not the one
# the registry reports today: a changed or replaced release must fail loudly, not ship.
#
#   sh scripts/vendor.sh          fetch, verify, unpack (needs npm)
#   sh scripts/vendor.sh --check  verify the committed copy matches the pinned release
set -eu

HTMX_VERSION=2.0.11
HTMX_INTEGRITY="sha512-Thx/WtpeOQqSrqBCw/A1cwGJGg4UrVa3+sW0GmrM3p4gJgO89ecH4qtbnyzDDWFvBTqjnIMCgELTNt636dtamA=="
# sha256 of dist/htmx.min.js inside that tarball, so --check works without npm.
HTMX_MIN_SHA256=d6fdc75f204e6bdefa99b69bf1e6d4ac69b8a364f77929f45c13476b4000f717

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST="$ROOT/pwa/static/vendor/htmx"

check() {
    echo "$HTMX_MIN_SHA256  $DEST/htmx.min.js" | sha256sum -c --quiet -
    [ "$(cat "$DEST/VERSION")" = "$HTMX_VERSION" ]
}

if [ "${1:-}" = "--check" ]; then
    check && echo "htmx $HTMX_VERSION: vendored copy verified"
    exit
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "htmx.org@$HTMX_VERSION" >/dev/null)
TARBALL="$WORK/htmx.org-$HTMX_VERSION.tgz"

# npm's integrity string is "sha512-" + base64 of the tarball's SHA-512.
ACTUAL="sha512-$(openssl dgst -sha512 -binary "$TARBALL" | base64 -w0)"
if [ "$ACTUAL" != "$HTMX_INTEGRITY" ]; then
    echo "htmx.org@$HTMX_VERSION tarball does not match the pinned integrity:" >&2
    echo "  expected $HTMX_INTEGRITY" >&2
    echo "  got      $ACTUAL" >&2
    exit 1
fi

tar -xzf "$TARBALL" -C "$WORK" package/dist/htmx.min.js package/LICENSE
mkdir -p "$DEST"
cp "$WORK/package/dist/htmx.min.js" "$DEST/htmx.min.js"
cp "$WORK/package/LICENSE" "$DEST/LICENSE"
echo "$HTMX_VERSION" > "$DEST/VERSION"
check
echo "htmx $HTMX_VERSION vendored into pwa/static/vendor/htmx/"
