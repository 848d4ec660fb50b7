#!/bin/sh
# Vendor the Balinese-script subset of Noto Sans Balinese (SIL OFL 1.1) from the npm registry
# (@fontsource/noto-sans-balinese) into pwa/static/vendor/noto-sans-balinese/. Only the
# Balinese block at weight 400 (30 KB): Latin text never uses a web font (2G budget), and the
# file is linked only when the Aksara Bali display option is on. Committed, so `make run`
# never needs npm; the tarball must match the integrity pinned here.
#
#   sh scripts/vendor-noto-balinese.sh          fetch, verify, unpack (needs npm)
#   sh scripts/vendor-noto-balinese.sh --check  verify the committed copy
set -eu

VERSION=5.3.0
INTEGRITY="sha512-UEm2Jq6EBHfPHrYzO7ztVdoEOGkkRkCr96Syy+HRfp5V1q59Qu10HSQZeQwChpmhXpJ62UBmlSndGUYx8vadxA=="
FILE=noto-sans-balinese-balinese-400-normal.woff2
FILE_SHA256=05df47a5952996831d01fff1eb38f9ad809d6fb9ad5d8bc5b7774e0bea95aa89

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST="$ROOT/pwa/static/vendor/noto-sans-balinese"

check() {
    echo "$FILE_SHA256  $DEST/$FILE" | sha256sum -c --quiet -
    [ "$(cat "$DEST/VERSION")" = "$VERSION" ]
}

if [ "${1:-}" = "--check" ]; then
    check && echo "Noto Sans Balinese $VERSION: vendored subset verified"
    exit
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "@fontsource/noto-sans-balinese@$VERSION" >/dev/null)
TARBALL="$WORK/fontsource-noto-sans-balinese-$VERSION.tgz"
ACTUAL="sha512-$(openssl dgst -sha512 -binary "$TARBALL" | base64 -w0)"
if [ "$ACTUAL" != "$INTEGRITY" ]; then
    echo "@fontsource/noto-sans-balinese@$VERSION does not match the pinned integrity" >&2
    exit 1
fi
tar -xzf "$TARBALL" -C "$WORK"
mkdir -p "$DEST"
cp "$WORK/package/files/$FILE" "$DEST/$FILE"
cp "$WORK/package/LICENSE" "$DEST/OFL.txt"
echo "$VERSION" > "$DEST/VERSION"
check
echo "Noto Sans Balinese $VERSION (Balinese subset, 400) vendored into $DEST"
