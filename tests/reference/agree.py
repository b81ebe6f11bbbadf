#!/usr/bin/python3
"""Check that `champions rank --format json` agrees with reference.py.

    agree.py --champions build/examples/champions [--data ../shared/data]
             [--only NAME[,NAME...]] [--case SUBSTRING] [--tmp DIR] [--keep]
             [--max-diffs N] [-v]

For every network of convert.py (or those given with --only) the network is
converted into a temporary export, and for each option set below the CLI and
the reference are run on it and compared: the same people in the same order,
every key present, every number equal to 1e-9 (absolute, or relative to the
larger magnitude), every null/bool/string equal, the summary equal (its warnings only checked
for their shape: a list of sentences).
One line per case, then `N passed, M failed`; exit status 1 on any failure.
"""

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

import convert  # noqa: E402
import reference  # noqa: E402

TOL = 1e-9

W_BRIDGE = ["--weights", "reciprocity=0.1,reach=0.1,bridging=0.4,influence=0.3,activity=0.1"]
W_ACT = ["--weights", "reciprocity=0,reach=0,bridging=0,influence=0,activity=1"]

COMMON = [
    ("default", []),
    ("weights-bridging", W_BRIDGE),
    ("weights-activity-only", W_ACT),
    ("min-activity-2", ["--min-activity", "2"]),
    ("prior-0", ["--reciprocity-prior", "0"]),
    ("prior-5", ["--reciprocity-prior", "5"]),
    ("min-tie-weight-3", ["--min-tie-weight", "3"]),
]

# (case name, CLI options, file suffix) per network; suffix ".jsonl" selects
# the JSON Lines export
CASES = {
    "email-eu-core": COMMON + [
        ("type-weight-email-0.5", ["--type-weight", "email=0.5"]),
        ("type-weight-email-0", ["--type-weight", "email=0,reply=3"]),
        ("type-weight-min-tie-weight", ["--type-weight", "email=0.5",
                                        "--min-tie-weight", "2"]),
        ("window-untimed", ["--since", "0"]),
        ("audience-staff", ["--audience", "staff"]),
        ("top-10", ["--top", "10"]),
    ],
    "email-eu-full": [
        ("default", []),
        ("default-jsonl", [], ".jsonl"),
        ("window-2004-jsonl", ["--since", "2004-01-01T00:00:00Z",
                               "--until", "2005-01-01T00:00:00+00:00"], ".jsonl"),
        ("window-unix-prior-0", ["--since", "1100000000", "--until", "1120000000",
                                 "--reciprocity-prior", "0", "--min-activity", "2"]),
        ("weights-type-weight", W_BRIDGE + ["--type-weight", "email=0.25"]),
        ("window-min-tie-weight-jsonl", ["--since", "2004-06-01T00:00:00Z",
                                         "--min-tie-weight", "4"], ".jsonl"),
    ],
    "krackhardt-advice": COMMON + [
        ("samples-exact", ["--samples", "1000", "--seed", "7"]),
        ("audience-staff", ["--audience", "staff"]),
    ],
    "krackhardt-friends": COMMON + [
        ("min-activity-5-weights", ["--min-activity", "5"] + W_BRIDGE),
    ],
    "krackhardt-reports": COMMON + [
        ("min-activity-0", ["--min-activity", "0"]),
    ],
    "lazega-advice": COMMON + [
        ("champions-partner", ["--champion-groups", "partner"]),
        ("champions-both", ["--champion-groups", "partner,associate"]),
        ("partner-audience-associate", ["--champion-groups", "partner",
                                        "--audience", "associate"]),
        ("both-prior-0-min-3", ["--champion-groups", "staff,partner,associate",
                                "--reciprocity-prior", "0", "--min-activity", "3"]),
    ],
    "lazega-cowork": COMMON + [
        ("champions-partner", ["--champion-groups", "partner"]),
        ("associate-audience-partner", ["--champion-groups", "associate",
                                        "--audience", "partner"]),
        ("both-weights", ["--champion-groups", "associate,partner"] + W_BRIDGE),
    ],
    "lazega-friends": COMMON + [
        ("champions-partner", ["--champion-groups", "partner"]),
        ("champions-both-audience-both", ["--champion-groups", "partner,associate",
                                          "--audience", "partner,associate"]),
        ("associate-prior-5", ["--champion-groups", "associate",
                               "--reciprocity-prior", "5"]),
    ],
    "uk-faculty": COMMON + [
        ("min-activity-10", ["--min-activity", "10"]),
        ("weights-activity-heavy", ["--weights",
                                    "reciprocity=0.05,reach=0.05,bridging=0.05,"
                                    "influence=0.05,activity=0.8"]),
    ],
    "workplace-invs13": COMMON + [
        ("window-unix", ["--since", "300000", "--until", "700000"]),
        ("window-rfc3339", ["--since", "1970-01-04T11:20:00Z",
                            "--until", "1970-01-09T02:26:40+02:00"]),
        ("since-only", ["--since", "500000"]),
        ("until-only-min-5", ["--until", "400000", "--min-activity", "5"]),
        ("type-weight-contact", ["--type-weight", "contact=0.5", "--type-weight", "other=2"]),
        ("window-weights-prior-0", ["--since", "100000", "--until", "900000",
                                    "--reciprocity-prior", "0"] + W_BRIDGE),
    ],
}

SUMMARY_KEYS = ["people", "listed", "eligible", "interactions", "dropped_self",
                "dropped_window", "ties", "mutual_ties", "reciprocity", "teams",
                "cross_team_share"]
PERSON_KEYS = ["id", "team", "group", "listed", "eligible", "rank", "score", "activity",
               "reciprocity", "reach", "bridging", "influence", "received", "ties",
               "mutual", "cross_share", "percentiles", "flags"]


def same(a, b):
    """Equal JSON scalars: numbers to TOL (absolute or relative), others exactly."""
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if not (math.isfinite(a) and math.isfinite(b)):
            return a == b
        d = abs(a - b)
        return d <= TOL or d <= TOL * max(abs(a), abs(b))
    return type(a) is type(b) and a == b


def fmt(x):
    return json.dumps(x)


def compare(got, want, max_diffs):
    """List of human-readable differences (got = CLI, want = reference)."""
    diffs = []

    def add(msg):
        diffs.append(msg)

    if not isinstance(got, dict):
        return ["output is not a JSON object"]
    if not isinstance(got.get("version"), str):
        add("version: expected a string, got %s" % fmt(got.get("version")))
    for k in sorted(set(got) - {"version", "summary", "people"}):
        add("extra top-level key %r" % k)
    gs, ws = got.get("summary"), want["summary"]
    if not isinstance(gs, dict):
        add("summary: missing or not an object")
    else:
        for k in SUMMARY_KEYS:
            if k not in gs:
                add("summary.%s: missing (reference %s)" % (k, fmt(ws[k])))
            elif not same(gs[k], ws[k]):
                add("summary.%s: champions %s, reference %s" % (k, fmt(gs[k]), fmt(ws[k])))
        # The warnings are sentences about the data (docs/format.md), checked
        # by the C and CLI suites; here only their shape.
        warnings = gs.get("warnings")
        if not (isinstance(warnings, list) and all(isinstance(w, str) and w for w in warnings)):
            add("summary.warnings: expected a list of sentences, got %s" % fmt(warnings))
        for k in sorted(set(gs) - set(SUMMARY_KEYS) - {"warnings"}):
            add("summary: extra key %r" % k)
    gp, wp = got.get("people"), want["people"]
    if not isinstance(gp, list):
        add("people: missing or not an array")
        return diffs
    if len(gp) != len(wp):
        add("people: champions lists %d, reference %d" % (len(gp), len(wp)))
    gids = [p.get("id") for p in gp]
    wids = [p["id"] for p in wp]
    if gids != wids:
        wpos = {x: i for i, x in enumerate(wids)}
        wby = {p["id"]: p for p in wp}
        gby = {p.get("id"): p for p in gp}
        missing = [x for x in wids if x not in gby]
        extra = [x for x in gids if x not in wby]
        if missing:
            add("people: missing in champions: %s" % ", ".join(missing[:10]))
        if extra:
            add("people: not in reference: %s" % ", ".join(map(str, extra[:10])))
        shown = 0
        for i, (g, w) in enumerate(zip(gids, wids)):
            if g != w:
                gsc = wby.get(g, {}).get("score")
                wsc = wby[w]["score"]
                near = (isinstance(gsc, float) and isinstance(wsc, float)
                        and abs(gsc - wsc) <= 1e-12)
                add("order: position %d: champions %s (reference position %s, ref score %r), "
                    "reference %s (ref score %r)%s"
                    % (i, g, wpos.get(g), gsc, w, wsc,
                       " [near-tie: scores within 1e-12]" if near else ""))
                shown += 1
                if shown >= 5:
                    break
    wby = {p["id"]: p for p in wp}
    for g in gp:
        pid = g.get("id")
        w = wby.get(pid)
        if w is None:
            continue
        for k in PERSON_KEYS:
            if k not in g:
                add("person %s: %s missing (reference %s)" % (pid, k, fmt(w[k])))
                continue
            if k == "percentiles":
                gv, wv = g[k], w[k]
                if gv is None or wv is None:
                    if not (gv is None and wv is None):
                        add("person %s: percentiles champions %s, reference %s"
                            % (pid, fmt(gv), fmt(wv)))
                    continue
                if not isinstance(gv, dict):
                    add("person %s: percentiles not an object" % pid)
                    continue
                for c in reference.CRITERIA:
                    if c not in gv:
                        add("person %s: percentiles.%s missing" % (pid, c))
                    elif not same(gv[c], wv[c]):
                        add("person %s: percentiles.%s champions %s, reference %s"
                            % (pid, c, fmt(gv[c]), fmt(wv[c])))
                for c in sorted(set(gv) - set(reference.CRITERIA)):
                    add("person %s: percentiles: extra key %r" % (pid, c))
            elif not same(g[k], w[k]):
                add("person %s: %s champions %s, reference %s" % (pid, k, fmt(g[k]), fmt(w[k])))
        # The explanation is a sentence built from the figures checked here
        # (the C and Python suites check its figures); here only its shape.
        explanation = g.get("explanation", "missing")
        if not (explanation is None if w["rank"] is None else isinstance(explanation, str)):
            add("person %s: explanation %s" % (pid, fmt(explanation)))
        for k in sorted(set(g) - set(PERSON_KEYS) - {"explanation"}):
            add("person %s: extra key %r" % (pid, k))
    return diffs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--champions", required=True, help="path of the champions executable")
    ap.add_argument("--data", default=convert.DEFAULT_DATA)
    ap.add_argument("--only", action="append", help="network name(s), comma separated")
    ap.add_argument("--case", help="run only cases whose name contains this")
    ap.add_argument("--tmp", help="folder for the converted exports (default: a temp folder)")
    ap.add_argument("--keep", action="store_true", help="keep the temp folder and CLI outputs")
    ap.add_argument("--max-diffs", type=int, default=12, help="differences shown per case")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per CLI run")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)

    exe = os.path.abspath(a.champions)
    if not os.access(exe, os.X_OK):
        print("agree.py: %s is not an executable" % exe, file=sys.stderr)
        return 2
    names = convert.NETWORKS
    if a.only:
        names = [x for o in a.only for x in o.split(",") if x]
        for x in names:
            if x not in CASES:
                print("agree.py: unknown network %r" % x, file=sys.stderr)
                return 2
    if a.tmp:
        os.makedirs(a.tmp, exist_ok=True)
        tmp = a.tmp
    else:
        tmp = tempfile.mkdtemp(prefix="champions-agree-")

    passed = failed = 0
    try:
        for name in names:
            cases = [c for c in CASES[name] if not a.case or a.case in c[0]]
            if not cases:
                continue
            export = convert.convert(name, a.data)
            files = {}
            nets = {}
            for c in cases:
                suffix = c[2] if len(c) > 2 else ".json"
                if suffix not in files:
                    path = os.path.join(tmp, name + suffix)
                    convert.write(export, path, suffix == ".jsonl")
                    files[suffix] = path
                    nets[suffix] = reference.load(path)
            del export
            for c in cases:
                case, opts = c[0], c[1]
                suffix = c[2] if len(c) > 2 else ".json"
                path = files[suffix]
                cmd = [exe, "rank", "--format", "json"] + opts + [path]
                label = "%s %s" % (name, case)
                t0 = time.time()
                # the CLI runs while the reference computes (2 cores)
                out_path = os.path.join(tmp, "%s.%s.out.json" % (name, case))
                with open(out_path, "wb") as out, tempfile.TemporaryFile() as err:
                    proc = subprocess.Popen(cmd, stdout=out, stderr=err)
                    try:
                        want = reference.run_cli(nets[suffix], opts)
                        ref_err = None
                    except Exception as e:  # noqa: BLE001
                        want, ref_err = None, "%s: %s" % (type(e).__name__, e)
                    try:
                        rc = proc.wait(timeout=a.timeout)
                    except subprocess.TimeoutExpired:
                        proc.kill()
                        proc.wait()
                        rc = "timeout"
                    err.seek(0)
                    stderr = err.read().decode("utf-8", "replace").strip()
                dt = time.time() - t0
                diffs = []
                if ref_err:
                    diffs.append("reference failed: " + ref_err)
                if rc != 0:
                    diffs.append("champions exit status %s: %s" % (rc, stderr[:500]))
                else:
                    try:
                        with open(out_path, encoding="utf-8") as f:
                            got = json.load(f)
                    except (ValueError, UnicodeDecodeError) as e:
                        got = None
                        diffs.append("champions output is not JSON: %s" % e)
                    if got is not None and want is not None:
                        diffs.extend(compare(got, want, a.max_diffs))
                if not a.keep:
                    try:
                        os.remove(out_path)
                    except OSError:
                        pass
                if diffs:
                    failed += 1
                    print("FAIL %s (%.1fs): %d difference(s)" % (label, dt, len(diffs)))
                    print("     $ %s" % " ".join(cmd))
                    for d in diffs[:a.max_diffs]:
                        print("     " + d)
                    if len(diffs) > a.max_diffs:
                        print("     ... %d more" % (len(diffs) - a.max_diffs))
                else:
                    passed += 1
                    print("ok   %s (%.1fs)" % (label, dt))
                    if a.verbose:
                        print("     $ %s" % " ".join(cmd))
                sys.stdout.flush()
            del nets
    finally:
        if not a.tmp and not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
