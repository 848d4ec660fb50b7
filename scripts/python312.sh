#!/bin/sh
# Prints a working Python 3.12 interpreter. A pyenv shim named python3.12 may exist without the
# version being active, so each candidate is run, not just looked up.
for candidate in python3.12 /usr/bin/python3.12 /usr/local/bin/python3.12 \
                 "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12*/bin/python3.12; do
    if "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 12)' >/dev/null 2>&1; then
        echo "$candidate"
        exit 0
    fi
done
echo "MENTARI needs Python 3.12: install python3.12 (apt-get install python3.12 or pyenv install 3.12)" >&2
exit 1
