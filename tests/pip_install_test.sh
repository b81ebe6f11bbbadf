#!/bin/sh
# `pip install .` the way an analyst does it, offline: a venv from Debian's
# python3 that sees the system packages (numpy, pandas, meson-python), the
# project's files copied out of the tree (pip builds in place), then the
# binding's agreement tests run against the installed package -- not the
# build tree. Usage: pip_install_test.sh SOURCE_DIR DEMO
set -eu
src=$1
demo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Tracked and new files, as a fresh clone plus uncommitted work would have them.
mkdir "$work/src"
git -C "$src" ls-files -z --cached --others --exclude-standard |
    (cd "$src" && xargs -0 tar -cf - --) | tar -C "$work/src" -xf -

/usr/bin/python3 -m venv --system-site-packages "$work/venv"
"$work/venv/bin/pip" install --quiet --no-index --no-build-isolation "$work/src"

cd "$work"
env -u PYTHONPATH -u CHAMPIONS_LIBRARY "$work/venv/bin/python" - "$work/venv" <<'PY'
import os, sys
import champions
venv = os.path.realpath(sys.argv[1])
package = os.path.dirname(os.path.realpath(champions.__file__))
assert package.startswith(venv), package
assert champions.library_path == os.path.join(package, "libchampions.so.0"), champions.library_path
print("installed", champions.__version__, "at", package)
PY
env -u PYTHONPATH -u CHAMPIONS_LIBRARY CHAMPIONS_DEMO="$demo" \
    "$work/venv/bin/python" -m pytest -q -p no:cacheprovider "$src/tests/python/test_agree.py"
