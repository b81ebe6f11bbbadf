#!/bin/sh
# The long fuzz run of docs/fuzzing.md: each harness in turn (never two at
# once), at the lowest priority, until RUNS executions or SECONDS, whichever
# comes first, on a copy of its seed corpus under OUT.
#   sh tests/fuzz/long_run.sh BUILD_DIR OUT [RUNS] [SECONDS] [HARNESS...]
# BUILD_DIR holds tests/fuzz/fuzz_* (a -Dfuzz=true build); OUT gets per
# harness corpus-<name>/ (the grown corpus), artifacts-<name>/ (any finding)
# and <name>.log (libFuzzer's output with its final stats).
set -u
here=$(cd "$(dirname "$0")" && pwd)
build=$1 out=$2 runs=${3:-10000000} seconds=${4:-900}
shift 2
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
harnesses=${*:-time cli read_json read_jsonl read_csv read_export goal}

export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
mkdir -p "$out"
for name in $harnesses; do
    case $name in
    time) dict=champions.dict max_len=256 ;;
    cli) dict=cli.dict max_len=1024 ;;
    read_csv) dict=csv.dict max_len=16384 ;;
    read_export) dict=export.dict max_len=16384 ;;
    goal) dict=goal.dict max_len=4096 ;;
    *) dict=champions.dict max_len=16384 ;;
    esac
    mkdir -p "$out/corpus-$name" "$out/artifacts-$name"
    cp -R "$here/corpus/$name/." "$out/corpus-$name/"
    start=$(date +%s)
    nice -n 19 "$build/tests/fuzz/fuzz_$name" -runs="$runs" -max_total_time="$seconds" \
        -max_len="$max_len" -dict="$here/$dict" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$out/artifacts-$name/" \
        "$out/corpus-$name" >"$out/$name.log" 2>&1
    code=$?
    end=$(date +%s)
    [ $code -eq 0 ] || status=1
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$name.log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$out/$name.log")
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$out/$name.log")
    echo "$name: exit $code, ${execs:-?} executions in $((end - start)) s, ${rate:-?}/s," \
        "peak RSS ${rss:-?} MB, corpus $(ls -A "$out/corpus-$name" | wc -l) inputs," \
        "findings $(ls -A "$out/artifacts-$name" | wc -l)"
done
exit $status
