#!/bin/sh
# CI step (run by scripts/dev.sh test): the stress suite (tests/stress) in a
# build with ThreadSanitizer, every report fatal. Eight threads read and
# rank at once, with the library's own bridging workers under them; see
# tests/stress/stress.c. One suppression, tests/stress/tsan.supp: glibc's
# mktime() (called by libzip) locks with an internal lock TSan cannot see.
# Otherwise TSan reported nothing, inside libzip included (the library no
# longer links igraph or libgomp). helgrind was tried too: 30x
# slower than TSan and false reports in glibc's thread-stack cache. The
# metrics suite runs here too: its PageRank check is large enough for the
# kernel's two threads (the stress inputs are not); so do the bridging suite
# (the kernel's parts on threads) and the trust suite (confidence's
# resamples, and the JSON/CSV writers' parts on threads, forced on a
# thousand people) and the reader suite (every document read again with
# its interactions in two parts, the second on a thread). Only these programs and the stress inputs are built
# here. Names its test log in $CHAMP_CI_LOGS.
set -eu
cd "$(dirname "$0")/../.."

dir=build-tsan
[ -f "$dir/build.ninja" ] ||
    meson setup "$dir" -Db_sanitize=thread -Db_lundef=false
meson compile -C "$dir" stress stress-inputs test_metrics test_bridging test_trust test_reader
# The log is named first: a failed run must still be counted.
if [ -n "${CHAMP_CI_LOGS:-}" ]; then
    echo "$PWD/$dir/meson-logs/testlog.json" >>"$CHAMP_CI_LOGS"
fi
# halt_on_error: the first report fails the test (exit code 66), whatever
# the comparisons say. history_size: the other access of a race is shown
# with its stack even late in a long run.
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 history_size=4 suppressions=$PWD/tests/stress/tsan.supp" \
    meson test -C "$dir" --no-rebuild --suite stress --suite metrics --suite bridging \
        --suite trust --suite reader --print-errorlogs
