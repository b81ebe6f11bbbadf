#!/bin/sh
# One entry point for a fresh Debian 12 machine:
#   sh scripts/dev.sh demo   install what is missing, build, rank the bundled export,
#                            track its timed e-mail stream against a goal and
#                            write the report of it (build/report.html)
#   sh scripts/dev.sh test   install what is missing, build, run every test:
#                            the plain build, under valgrind, and a build with
#                            AddressSanitizer + UndefinedBehaviorSanitizer
set -eu
cd "$(dirname "$0")/.."

PACKAGES="gcc libc6-dev locales pkg-config meson ninja-build libigraph-dev libzip-dev zlib1g-dev libsodium-dev libdouble-conversion-dev libcjson-dev check \
valgrind binutils git python3 python3-numpy python3-igraph python3-pytest python3-networkx \
python3-scipy python3-pandas python3-matplotlib python3-nbclient python3-nbformat \
python3-ipykernel python3-venv python3-pip python3-mesonpy python3-tqdm python3-pil python3-html5lib \
chromium clang libclang-rt-14-dev g++"

install_missing() {
    missing=""
    for p in $PACKAGES; do
        dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    echo "installing:$missing"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
}

# meson runs on Debian's /usr/bin/python3, which sees python3-numpy and
# python3-igraph; a pyenv python3 first on PATH does not matter here. Every
# part of the test suite is required here (they are 'auto' by default, for a
# quick first build by hand), so that a missing dependency fails the setup.
ALL_TESTS="-Dunit_tests=enabled -Dpython_tests=enabled -Dcxx_tests=enabled"
configure() {
    dir=$1
    shift
    [ -f "$dir/build.ninja" ] || meson setup "$dir" $ALL_TESTS "$@"
    meson compile -C "$dir"
}

summarise() {
    /usr/bin/python3 - "$@" <<'PY'
import json, sys
passed = failed = 0
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        result = json.loads(line)["result"]
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or not passed else 0)
PY
}

case "${1:-}" in
demo)
    install_missing
    configure build
    ./build/examples/champions rank examples/email-eu-core.json
    echo
    ./build/examples/champions track --people examples/email-eu-people.csv \
        --goal examples/goal.json examples/email-eu-2004.csv.gz
    ./build/examples/champions report --people examples/email-eu-people.csv \
        --goal examples/goal.json examples/email-eu-2004.csv.gz -o build/report.html
    echo
    echo "The report for stakeholders: build/report.html (open it in a browser)"
    ;;
test)
    install_missing
    configure build
    status=0
    meson test -C build --print-errorlogs || status=1
    meson test -C build --setup valgrind --print-errorlogs || status=1
    configure build-sanitize -Db_sanitize=address,undefined -Db_lundef=false
    meson test -C build-sanitize --setup sanitize --print-errorlogs || status=1
    # Further steps (fuzzing, race detection): each runs meson test in a
    # build of its own and names its test log in $CHAMP_CI_LOGS.
    CHAMP_CI_LOGS=$(mktemp)
    export CHAMP_CI_LOGS
    for step in scripts/ci.d/*.sh; do
        [ -e "$step" ] || continue
        echo "== $step"
        sh "$step" || status=1
    done
    summarise build/meson-logs/testlog.json build/meson-logs/testlog-valgrind.json \
        build-sanitize/meson-logs/testlog-sanitize.json $(cat "$CHAMP_CI_LOGS") || status=1
    rm -f "$CHAMP_CI_LOGS"
    exit $status
    ;;
*)
    echo "usage: sh scripts/dev.sh demo|test" >&2
    exit 2
    ;;
esac
