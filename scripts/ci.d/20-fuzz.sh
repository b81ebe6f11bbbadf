#!/bin/sh
# CI step (run by scripts/dev.sh test): the libFuzzer harnesses of tests/fuzz
# in a clang build with AddressSanitizer + UndefinedBehaviorSanitizer. Each
# harness replays tests/fuzz/regressions/<harness> and fuzzes for 60 s on a
# temporary copy of its seed corpus (two at a time on two cores: about two
# and a half minutes with the build). Names its test log in $CHAMP_CI_LOGS.
set -eu
cd "$(dirname "$0")/../.."

dir=build-fuzz
[ -f "$dir/build.ninja" ] ||
    CC=clang CXX=clang++ meson setup "$dir" -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false \
        -Dtests=true -Dexamples=true -Dunit_tests=disabled -Dpython_tests=disabled \
        -Dcxx_tests=disabled
meson compile -C "$dir"
# The log is named first: a failed run must still be counted.
[ -n "${CHAMP_CI_LOGS:-}" ] && echo "$PWD/$dir/meson-logs/testlog.json" >>"$CHAMP_CI_LOGS"
meson test -C "$dir" --suite fuzz --print-errorlogs
