#!/bin/sh
# One short fuzz run of one harness (the meson tests of suite 'fuzz'):
#   run_fuzz.sh HARNESS DICT MAX_LEN CORPUS REGRESSIONS ARTIFACTS SECONDS
# 1. replays every file of REGRESSIONS (inputs that once failed) once;
# 2. fuzzes for SECONDS (CHAMP_FUZZ_SECONDS overrides) on a temporary copy
#    of the seed corpus CORPUS: the source tree is never written.
# Any crash, leak, undefined behaviour, timeout (10 s) or memory blow-up
# (2 GB) fails the run; the input is kept in ARTIFACTS and shown here.
set -eu
harness=$1 dict=$2 max_len=$3 corpus=$4 regressions=$5 artifacts=$6
seconds=${CHAMP_FUZZ_SECONDS:-$7}

work=$(mktemp -d "${TMPDIR:-/tmp}/champ-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$artifacts" "$work/corpus"
cp -R "$corpus/." "$work/corpus/"

show_artifacts() {
    for f in "$artifacts"/*; do
        [ -f "$f" ] || continue
        [ "$f" -nt "$work" ] || continue
        echo "== $f ($(wc -c <"$f") bytes; reproduce: $harness $f)"
        od -A d -c "$f" | head -n 40
    done
}

set -- -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" -dict="$dict" \
    -artifact_prefix="$artifacts/"

if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    echo "== replaying $(ls -A "$regressions" | wc -l) regression inputs"
    if ! "$harness" "$@" "$regressions"/*; then
        show_artifacts
        exit 1
    fi
fi

echo "== fuzzing for $seconds s from $(ls -A "$work/corpus" | wc -l) seeds"
if ! "$harness" "$@" -max_total_time="$seconds" -print_final_stats=1 "$work/corpus"; then
    show_artifacts
    exit 1
fi
echo "== corpus: $(ls -A "$work/corpus" | wc -l) inputs"
