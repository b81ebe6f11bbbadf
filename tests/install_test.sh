#!/bin/sh
# Install the freshly built project into a temporary DESTDIR and build a C
# client with `pkg-config champions`, the way an HR tool links it; then run
# the installed demo. Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1
src=$2
# meson points LD_LIBRARY_PATH at the build tree: nothing here may use it.
unset LD_LIBRARY_PATH
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

meson install -C "$build" --destdir "$work/root" --no-rebuild --quiet
pc=$(find "$work/root" -name champions.pc | head -n 1)
[ -n "$pc" ] || { echo "champions.pc was not installed"; exit 1; }
# Only our .pc is visible: a client of the shared library must not need
# another .pc (nor get igraph's include paths).
export PKG_CONFIG_LIBDIR="$(dirname "$pc")"
export PKG_CONFIG_PATH=""
# The .pc names the real prefix; point it into the DESTDIR copy.
prefix="$work/root$(pkg-config --variable=prefix champions)"
cflags=$(pkg-config --define-variable=prefix="$prefix" --cflags champions)
libs=$(pkg-config --define-variable=prefix="$prefix" --libs champions)
libdir=$(pkg-config --define-variable=prefix="$prefix" --variable=libdir champions)
case "$cflags $libs" in
*igraph*) echo "pkg-config champions hands igraph to clients: $cflags $libs"; exit 1 ;;
esac
[ -e "$libdir/libchampions.so.0" ] || { echo "no libchampions.so.0 in $libdir"; exit 1; }
# Nor does the library load igraph or an OpenMP runtime into the client:
# igraph is the tests' reference only.
needed=$(readelf -d "$libdir/libchampions.so.0" | grep NEEDED)
case "$needed" in
*igraph*|*gomp*) echo "libchampions.so.0 needs igraph or libgomp: $needed"; exit 1 ;;
esac

# A library built with -Db_sanitize needs its client built the same way.
sanitize=""
if readelf -d "$libdir/libchampions.so.0" | grep -q 'libasan'; then
    sanitize="-fsanitize=address,undefined"
fi
cc -std=c99 -Wall -Werror $sanitize $cflags "$src/tests/install_client.c" -o "$work/client" $libs
LD_LIBRARY_PATH="$libdir" "$work/client" "$src/examples/email-eu-core.json"

# The examples, built from source against the installed library only (its
# header and pkg-config file, no build tree): what an outside project does.
# The demo's output must equal the installed demo's, byte for byte.
cc -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Werror $sanitize $cflags "$src"/examples/*.c \
    -o "$work/demo-from-source" $libs -lm
LD_LIBRARY_PATH="$libdir" ldd "$work/demo-from-source" | grep libchampions | grep -qF "$libdir" ||
    { echo "the example did not load the installed library"; exit 1; }
LD_LIBRARY_PATH="$libdir" "$work/demo-from-source" rank --format json --top 5 \
    "$src/examples/email-eu-core.json" > "$work/from-source.json"

demo=$(find "$work/root" -path '*/bin/champions' | head -n 1)
[ -n "$demo" ] || { echo "the champions demo was not installed"; exit 1; }
LD_LIBRARY_PATH="$libdir" "$demo" rank --top 3 "$src/examples/email-eu-core.json"
LD_LIBRARY_PATH="$libdir" "$demo" rank --format json --top 5 "$src/examples/email-eu-core.json" \
    > "$work/installed.json"
cmp "$work/installed.json" "$work/from-source.json" ||
    { echo "the example built from source disagrees with the installed demo"; exit 1; }
echo "install test passed"
