#!/usr/bin/env python3
"""Test the tie-table path of docs/scaling.md: an export aggregated to
weighted ties with DuckDB SQL must rank as the export itself does.

    /work/venv-bench/bin/python benchmarks/ties_path.py [EXPORT] [options]

EXPORT (default /work/bench-data/M.json): a JSON export (.json), JSON
Lines (.jsonl) or a CSV of interactions (from,to[,time,type,weight]).

1. The export is loaded into DuckDB as the table the warehouse would hold,
   interactions(sender, recipient, sent_at, type, weight), and its people
   list written as people.csv (id,team,group) -- timed apart: in the
   warehouse the data is already there.
2. The tie table is made with the SQL of docs/scaling.md (TIES_SQL below,
   printed by --show-sql) and written to CSV: ties-year.csv (one row per
   directed pair), ties-typed.csv (the same with type weights in a CASE),
   ties-month.csv (one row per pair and calendar month, UTC).
3. `champions rank --format json` ranks the export and the tie tables, each
   run alone, from a copy of the demo and its library made at the start
   (wall time; peak RSS as GNU time reports it; per phase the time and the
   largest anonymous and file-backed RSS, from /proc every 20 ms), and
   every person's values are compared:

   year         export vs ties-year.csv, default options
   year-b0      the same with --weights bridging=0 (ranks without bridging)
   typed        export --type-weight T vs ties-typed.csv, both with
                --weights bridging=0 (so ranks compare even where bridging
                is sampled)
   month        export --since/--until the busiest month vs ties-month.csv
                with the same window
   months-year  export (the year run) vs ties-month.csv without a window
   track        `champions track --period month` of the export vs of
                ties-month.csv, both with --weights bridging=0: every
                period's KPIs, champions and rising champions

   Equal means within 1e-9 relative. Bridging is compared apart: sampled
   sources are drawn by person index, and a person's index is the order in
   which the input first names them, which aggregation changes.

Options: --champions PATH (default build/examples/champions), --work DIR
(kept; default a temporary folder, removed at the end unless --keep),
--type-weight (default reaction=0,mention=0.3: a weight 0 and one that is
not a binary fraction), --month YYYY-MM (default the busiest), --samples K
(passed to every ranking), --configs (default
year,year-b0,typed,month,months-year,track), --threads N (DuckDB, default
1), --people FILE.csv (for a CSV export), --json OUT, --show-sql.

Needs the duckdb module: /usr/bin/python3 -m venv --system-site-packages
/work/venv-bench && /work/venv-bench/bin/pip install duckdb.
"""
import argparse
import glob
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_EXPORT = "/work/bench-data/M.json"
PHASES = ("read", "graph", "ties", "influence", "bridging", "ranking",
          "track")  # track: the periods of `champions track`
VALUES = ("activity", "received", "ties", "mutual", "reciprocity", "reach", "influence",
          "cross_share")
TOL = 1e-9

# ---------------------------------------------------------------- the SQL

# The aggregation of docs/scaling.md, DuckDB dialect: {w} is the weight
# times the CASE of the type weights, {period} the period column.
TIES_SQL = """\
WITH weighted AS (
  SELECT sender, recipient,{period}
         {w} AS w
  FROM interactions
  WHERE sender <> recipient
)
SELECT sender, recipient,{period_key}
       SUM(w) AS weight,
       COUNT(*) AS interactions
FROM weighted
GROUP BY sender, recipient{period_key_group}
HAVING SUM(w) > 0"""

PERIOD_MONTH = "\n         CAST(date_trunc('month', timezone('UTC', sent_at)) AS DATE) AS period,"


def type_weight_case(weights):
    """The CASE of SPEC 3's type weights: an absent or empty type is "message"."""
    if not weights:
        return ""
    lines = [" * CASE COALESCE(NULLIF(type, ''), 'message')"]
    for name, w in weights:
        lines.append("             WHEN '%s' THEN %s" % (name.replace("'", "''"), w))
    lines.append("             ELSE 1 END")
    return "\n".join(lines)


def weight_expr(weights):
    return "CAST(COALESCE(weight, 1) AS DOUBLE)" + type_weight_case(weights)


def ties_sql(weights, period):
    return TIES_SQL.format(w=weight_expr(weights),
                           period=PERIOD_MONTH if period else "",
                           period_key=" period," if period else "",
                           period_key_group=", period" if period else "")


def parse_type_weights(text):
    out = []
    for part in filter(None, (text or "").split(",")):
        name, _, w = part.partition("=")
        float(w)
        out.append((name, w))
    return out


# ---------------------------------------------------------------- staging

TIME_SQL = """CASE WHEN t IS NULL OR t = '' THEN NULL
            WHEN regexp_full_match(t, '-?[0-9]+(\\.[0-9]*)?') THEN to_timestamp(CAST(t AS DOUBLE))
            ELSE CAST(t AS TIMESTAMPTZ) END"""


def stage(con, path, people_csv, people_out):
    """Load the export as the warehouse's tables: interactions and people.
    Returns whether a people list was written to people_out."""
    q = path.replace("'", "''")
    if path.endswith(".csv"):
        con.execute("""CREATE TABLE raw AS SELECT * FROM read_csv('%s', header = true,
                       all_varchar = true)""" % q)
        cols = {r[0].lower(): r[0] for r in con.execute("DESCRIBE raw").fetchall()}

        def col(name):
            return '"%s"' % cols[name] if name in cols else "NULL"

        con.execute("""CREATE TABLE staged AS SELECT %s AS sender, %s AS recipient, %s AS t,
                       %s AS type, CAST(NULLIF(%s, '') AS DOUBLE) AS weight FROM raw"""
                    % (col("from"), col("to"), col("time"), col("type"), col("weight")))
        con.execute("DROP TABLE raw")
        has_people = bool(people_csv)
        if has_people:
            shutil.copyfile(people_csv, people_out)
            con.execute("CREATE TABLE people AS SELECT * FROM read_csv('%s', header = true, "
                        "all_varchar = true)" % people_csv.replace("'", "''"))
    else:
        if path.endswith((".jsonl", ".ndjson")):
            con.execute("""CREATE TABLE raw AS SELECT * FROM read_json('%s',
                format = 'newline_delimited', columns = {
                  'id': 'VARCHAR', 'team': 'VARCHAR', 'group': 'VARCHAR',
                  'from': 'VARCHAR', 'to': 'VARCHAR', 'time': 'VARCHAR',
                  'type': 'VARCHAR', 'weight': 'DOUBLE'})""" % q)
            con.execute("""CREATE TABLE staged AS SELECT "from" AS sender, "to" AS recipient,
                           "time" AS t, type, weight FROM raw WHERE "from" IS NOT NULL""")
            con.execute("""CREATE TABLE people AS SELECT id, team, "group" FROM raw
                           WHERE "from" IS NULL AND id IS NOT NULL""")
            has_people = con.execute("SELECT count(*) FROM people").fetchone()[0] > 0
        else:
            con.execute("""CREATE TABLE raw AS SELECT * FROM read_json('%s',
                format = 'unstructured', records = true,
                maximum_object_size = %d, columns = {
                  'people': 'STRUCT(id VARCHAR, team VARCHAR, "group" VARCHAR)[]',
                  'interactions': 'STRUCT("from" VARCHAR, "to" VARCHAR, "time" VARCHAR,
                                          type VARCHAR, weight DOUBLE)[]'})"""
                        % (q, os.path.getsize(path) + (1 << 20)))
            has_people = con.execute("SELECT people IS NOT NULL FROM raw").fetchone()[0]
            con.execute("""CREATE TABLE staged AS SELECT i."from" AS sender, i."to" AS recipient,
                           i."time" AS t, i.type, i.weight
                           FROM (SELECT unnest(interactions) AS i FROM raw)""")
            con.execute("""CREATE TABLE people AS SELECT p.id, p.team, p."group"
                           FROM (SELECT unnest(people) AS p FROM raw)""")
        con.execute("DROP TABLE raw")
        if has_people:
            con.execute("COPY people TO '%s' (HEADER)" % people_out.replace("'", "''"))
    con.execute("""CREATE TABLE interactions AS SELECT sender, recipient, %s AS sent_at,
                   type, weight FROM staged""" % TIME_SQL)
    con.execute("DROP TABLE staged")
    return has_people


def aggregate(con, sql, out):
    t = time.perf_counter()
    con.execute("COPY (%s\nORDER BY ALL) TO '%s' (HEADER)" % (sql, out.replace("'", "''")))
    return time.perf_counter() - t


# ---------------------------------------------------------------- ranking


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:12]


def snapshot(champions, work):
    """A copy of the demo and its library (it finds it at $ORIGIN/../lib),
    so that a rebuild during the run cannot mix two libraries."""
    src_lib = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(champions))), "lib")
    os.makedirs(os.path.join(work, "snapshot", "bin"), exist_ok=True)
    os.makedirs(os.path.join(work, "snapshot", "lib"), exist_ok=True)
    exe = os.path.join(work, "snapshot", "bin", "champions")
    shutil.copy2(champions, exe)
    lib = None
    for path in glob.glob(os.path.join(src_lib, "libchampions.so*")):
        if os.path.isfile(path):
            dst = os.path.join(work, "snapshot", "lib", os.path.basename(path))
            shutil.copy2(os.path.realpath(path), dst)
            if path.endswith(".so.0"):
                lib = dst
    return exe, "champions %s, libchampions.so.0 %s" % (sha(exe), sha(lib) if lib else "?")


def rss_of(pid):
    """(RssAnon, RssFile) of pid in KiB, or None once it is gone."""
    try:
        with open("/proc/%d/status" % pid) as f:
            text = f.read()
    except OSError:
        return None
    got = dict(re.findall(r"^(RssAnon|RssFile):\s+(\d+)", text, re.M))
    if "RssAnon" not in got:
        return None
    return int(got["RssAnon"]), int(got.get("RssFile", 0))


def child_of(pid):
    """The first child of pid (the champions under /usr/bin/time), or None."""
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            kids = f.read().split()
        return int(kids[0]) if kids else None
    except OSError:
        return None


def rank(champions, args, out_path, sub="rank"):
    """One `champions SUB --format json ARGS` into out_path, alone; its wall
    time, peak RSS and phases (seconds, max anon MiB, max file MiB).

    The child is started by GNU time, whose report of its child's peak is
    the peak: ru_maxrss of a child forked from this process (DuckDB and
    the rankings loaded) would start at this process's size, since Linux
    carries the high-water mark across exec."""
    env = dict(os.environ, CHAMPIONS_PROGRESS="always")
    cmd = [champions, sub, "--format", "json"] + args
    rfd, wfd = os.pipe()
    marks, stderr_lines, peaks = [], [], {}
    current = ["start"]
    done = threading.Event()
    peak_file = out_path + ".peak"
    with open(out_path, "wb") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", peak_file] + cmd,
                                stdout=out, stderr=wfd, env=env)
    os.close(wfd)

    def read_progress():
        # The demo writes each update whole ("\rphase  NN%", one write of a
        # few bytes, atomic on a pipe): stamp every part when it arrives, not
        # when the next update's "\r" does (benchmarks/run does the same).
        while True:
            chunk = os.read(rfd, 65536)
            if not chunk:
                break
            now = time.perf_counter() - t0
            for part in chunk.replace(b"\n", b"\r").split(b"\r"):
                words = part.split()
                name = words[0].decode(errors="replace") if words else ""
                if name in PHASES:
                    if name != current[0]:
                        marks.append((name, now))
                        current[0] = name
                elif part.strip():
                    stderr_lines.append(part.decode(errors="replace"))
        os.close(rfd)

    def sample():
        pid = None
        while not done.is_set():
            pid = pid or child_of(proc.pid)
            r = rss_of(pid) if pid else None
            if r:
                a, f = peaks.get(current[0], (0, 0))
                peaks[current[0]] = (max(a, r[0]), max(f, r[1]))
            done.wait(0.02)

    threads = [threading.Thread(target=read_progress, daemon=True),
               threading.Thread(target=sample, daemon=True)]
    for th in threads:
        th.start()
    try:
        _, status, _ = os.wait4(proc.pid, 0)
    except BaseException:               # interrupted: take the child with us
        proc.kill()
        proc.wait()
        raise
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    for th in threads:
        th.join(5)
    code = proc.returncode
    if code != 0:
        raise SystemExit("champions failed (%d): %s\n%s" % (code, " ".join(cmd),
                                                            "\n".join(stderr_lines[-5:])))
    with open(peak_file) as f:
        peak_kib = int(f.read().split()[-1])
    os.unlink(peak_file)
    phases = []
    for k, (name, t) in enumerate(marks):
        end = marks[k + 1][1] if k + 1 < len(marks) else wall
        a, f = peaks.get(name, (0, 0))
        phases.append({"phase": name, "s": end - t, "anon_mib": a / 1024, "file_mib": f / 1024})
    return {"cmd": cmd, "wall": wall, "peak_mib": peak_kib / 1024, "phases": phases,
            "stderr": stderr_lines}


# ---------------------------------------------------------------- comparing


def rel(a, b):
    if a is None or b is None:
        return 0.0 if a is None and b is None else math.inf
    if a == b:
        return 0.0
    return abs(a - b) / max(abs(a), abs(b))


def spearman(xs, ys):
    def ranks(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2
            i = j + 1
        return r
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    sxy = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    sxx = sum((a - mx) ** 2 for a in rx)
    syy = sum((b - my) ** 2 for b in ry)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 1.0


def compare(raw_path, ties_path):
    with open(raw_path) as f:
        a = json.load(f)
    with open(ties_path) as f:
        b = json.load(f)
    pa = {p["id"]: p for p in a["people"]}
    pb = {p["id"]: p for p in b["people"]}
    res = {"people": (len(pa), len(pb)),
           "only_raw": sorted(set(pa) - set(pb))[:5], "only_ties": sorted(set(pb) - set(pa))[:5],
           "n_only_raw": len(set(pa) - set(pb)), "n_only_ties": len(set(pb) - set(pa))}
    common = sorted(set(pa) & set(pb))
    worst = {}
    for k in VALUES + ("score",):
        m, who = 0.0, None
        for i in common:
            x, y = pa[i].get(k), pb[i].get(k)
            d = rel(x, y) if k != "score" else (
                0.0 if x == y else math.inf if x is None or y is None else abs(x - y))
            if d > m:
                m, who = d, i
        worst[k] = (m, who)
    res["max_rel"] = worst
    res["over_tol"] = {k: sum(rel(pa[i].get(k), pb[i].get(k)) > TOL for i in common)
                       for k in VALUES}
    res["eligible_differ"] = sum(pa[i]["eligible"] != pb[i]["eligible"] or
                                 pa[i]["listed"] != pb[i]["listed"] or
                                 pa[i].get("team") != pb[i].get("team") or
                                 pa[i].get("group") != pb[i].get("group") for i in common)
    res["rank_differ"] = sum(pa[i]["rank"] != pb[i]["rank"] for i in common)
    ra = [p["id"] for p in a["people"] if p["rank"] is not None]
    rb = [p["id"] for p in b["people"] if p["rank"] is not None]
    res["top20_common"] = len(set(ra[:20]) & set(rb[:20]))
    res["top100_common"] = len(set(ra[:100]) & set(rb[:100]))
    res["first_rank_differ"] = next((k + 1 for k, (x, y) in enumerate(zip(ra, rb)) if x != y),
                                    None)
    br = [(pa[i]["bridging"], pb[i]["bridging"]) for i in common]
    res["bridging_max_rel"] = max((rel(x, y) for x, y in br), default=0.0)
    res["bridging_over_tol"] = sum(rel(x, y) > TOL for x, y in br)
    res["bridging_spearman"] = spearman([x for x, _ in br], [y for _, y in br])
    top_a = sorted(common, key=lambda i: -pa[i]["bridging"])[:100]
    top_b = sorted(common, key=lambda i: -pb[i]["bridging"])[:100]
    res["bridging_top100_common"] = len(set(top_a) & set(top_b))
    flag_diff, flag_who = {}, {}
    for i in common:
        fa, fb = set(pa[i].get("flags") or []), set(pb[i].get("flags") or [])
        for fl in fa ^ fb:
            flag_diff[fl] = flag_diff.get(fl, 0) + 1
            flag_who.setdefault(fl, []).append(("raw" if fl in fa else "ties") + ":" + i)
    res["flags_differ"] = flag_diff
    res["flags_examples"] = {fl: who[:3] for fl, who in flag_who.items()}
    sa, sb = a["summary"], b["summary"]
    res["summary_differ"] = {k: (sa.get(k), sb.get(k)) for k in set(sa) | set(sb)
                             if k != "warnings" and rel_any(sa.get(k), sb.get(k)) > TOL}
    res["warnings"] = (sa.get("warnings"), sb.get("warnings"))
    return res


def compare_track(raw_path, ties_path):
    """Per period: the KPIs (numbers within 1e-9), the champions, the rising
    champions and the summary."""
    with open(raw_path) as f:
        a = json.load(f)
    with open(ties_path) as f:
        b = json.load(f)
    pa, pb = a["periods"], b["periods"]
    res = {"periods": (len(pa), len(pb)), "bounds_differ": 0, "kpis_differ": {},
           "rising_differ": 0, "summary_differ": {}}
    for x, y in zip(pa, pb):
        res["bounds_differ"] += (x["since"], x["until"]) != (y["since"], y["until"])
        for k in set(x["kpis"]) | set(y["kpis"]):
            if rel_any(x["kpis"].get(k), y["kpis"].get(k)) > TOL:
                res["kpis_differ"][k] = res["kpis_differ"].get(k, 0) + 1
        res["rising_differ"] += x["rising"] != y["rising"]
        for k in set(x["summary"]) | set(y["summary"]):
            if k != "warnings" and rel_any(x["summary"].get(k), y["summary"].get(k)) > TOL:
                res["summary_differ"][k] = res["summary_differ"].get(k, 0) + 1
    return res


def rel_any(x, y):
    if isinstance(x, (int, float)) and isinstance(y, (int, float)):
        return rel(float(x), float(y))
    return 0.0 if x == y else math.inf


# ---------------------------------------------------------------- report


def mib(path):
    return os.path.getsize(path) / 2**20


def show_run(label, r):
    ph = "  ".join("%s %.2f s (%.0f+%.0f MiB)" % (p["phase"], p["s"], p["anon_mib"], p["file_mib"])
                   for p in r["phases"])
    print("  %-28s %7.2f s  peak %6.0f MiB   %s" % (label, r["wall"], r["peak_mib"], ph))


def show_compare(name, c):
    vals = ", ".join("%s %.1e" % (k, c["max_rel"][k][0]) for k in VALUES)
    over = {k: v for k, v in c["over_tol"].items() if v}
    print("  %s: people %d / %d (only in raw %d, only in ties %d); team/group/listed/eligible "
          "differ %d" % (name, c["people"][0], c["people"][1], c["n_only_raw"],
                         c["n_only_ties"], c["eligible_differ"]))
    print("    max relative difference: %s" % vals)
    print("    values over %.0e: %s" % (TOL, over or "none"))
    print("    ranks: %d people differ (first at rank %s); top 20 in common %d, top 100 %d; "
          "max absolute score difference %.1e"
          % (c["rank_differ"], c["first_rank_differ"], c["top20_common"], c["top100_common"],
             c["max_rel"]["score"][0]))
    print("    bridging (%s): max relative difference %.1e, %d people over %.0e, Spearman %.4f, "
          "top 100 by bridging in common %d"
          % ("exact" if c["bridging_exact"] else "sampled",
             c["bridging_max_rel"], c["bridging_over_tol"], TOL, c["bridging_spearman"],
             c["bridging_top100_common"]))
    print("    flags differ: %s%s" % (c["flags_differ"] or "none",
                                   " (e.g. %s)" % c["flags_examples"] if c["flags_differ"] else ""))
    print("    summary differs: %s" % (c["summary_differ"] or "nothing"))
    if c["warnings"][0] != c["warnings"][1]:
        print("    warnings: raw %s / ties %s" % c["warnings"])
    if c["n_only_raw"] or c["n_only_ties"]:
        print("    e.g. only in raw %s, only in ties %s" % (c["only_raw"], c["only_ties"]))


# ---------------------------------------------------------------- main


def show_track(name, c):
    print("  %s: periods %d / %d, bounds differ in %d; KPIs differ: %s; rising champions "
          "differ in %d periods; summary differs: %s"
          % (name, c["periods"][0], c["periods"][1], c["bounds_differ"],
             c["kpis_differ"] or "none", c["rising_differ"],
             ", ".join("%s in %d periods" % kv for kv in sorted(c["summary_differ"].items()))
             or "nothing"))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("export", nargs="?", default=DEFAULT_EXPORT)
    ap.add_argument("--champions", default=os.path.join(REPO, "build", "examples", "champions"))
    ap.add_argument("--work")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--type-weight", default="reaction=0,mention=0.3")
    ap.add_argument("--month")
    ap.add_argument("--samples")
    ap.add_argument("--configs", default="year,year-b0,typed,month,months-year,track")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--people")
    ap.add_argument("--json")
    ap.add_argument("--show-sql", action="store_true")
    a = ap.parse_args(argv)
    weights = parse_type_weights(a.type_weight)
    configs = a.configs.split(",")
    if a.show_sql:
        print(ties_sql([], False) + ";\n\n" + ties_sql(weights, True) + ";")
        return
    try:
        import duckdb
    except ImportError:
        raise SystemExit("no duckdb module: run with /work/venv-bench/bin/python "
                         "(pip install duckdb in a venv)")
    work = a.work or tempfile.mkdtemp(prefix="ties_path.")
    os.makedirs(work, exist_ok=True)
    p = lambda name: os.path.join(work, name)
    champions, version = snapshot(a.champions, work)
    try:
        head = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip()
    except OSError:
        head = "?"
    report = {"export": a.export, "build": version, "head": head, "export_mib": mib(a.export), "duckdb": duckdb.__version__,
              "threads": a.threads, "runs": {}, "compare": {}}
    print("export %s: %.1f MiB; work folder %s; duckdb %s, %d thread(s)"
          % (a.export, mib(a.export), work, duckdb.__version__, a.threads))
    print("build (copied for the run): %s; HEAD %s" % (version, head), flush=True)

    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    con.execute("SET threads = %d" % a.threads)
    t = time.perf_counter()
    has_people = stage(con, a.export, a.people, p("people.csv"))
    report["stage_s"] = time.perf_counter() - t
    n_inter, n_self = con.execute("SELECT count(*), count(*) FILTER (sender = recipient) "
                                  "FROM interactions").fetchone()
    month = a.month
    if not month:
        month = con.execute("""SELECT strftime(date_trunc('month', timezone('UTC', sent_at)),
                               '%Y-%m') AS m FROM interactions WHERE sent_at IS NOT NULL
                               GROUP BY m ORDER BY count(*) DESC, m LIMIT 1""").fetchone()[0]
    y, mo = map(int, month.split("-"))
    since, until = "%04d-%02d-01" % (y, mo), ("%04d-%02d-01" % (y + mo // 12, mo % 12 + 1))
    print("staged in DuckDB in %.2f s: %d interactions (%d self), people list: %s"
          % (report["stage_s"], n_inter, n_self, "yes" if has_people else "no"), flush=True)

    tables = {"ties-year.csv": ([], False)}
    if "typed" in configs:
        tables["ties-typed.csv"] = (weights, False)
    if {"month", "months-year", "track"} & set(configs):
        tables["ties-month.csv"] = ([], True)
    report["tables"] = {}
    for name, (w, period) in tables.items():
        secs = aggregate(con, ties_sql(w, period), p(name))
        rows = con.execute("SELECT count(*) FROM read_csv('%s')" % p(name)).fetchone()[0]
        report["tables"][name] = {"s": secs, "rows": rows, "mib": mib(p(name))}
        print("aggregated %-15s %.2f s: %d rows, %.1f MiB" % (name, secs, rows, mib(p(name))),
              flush=True)
    # Who the raw export has and a tie table may not: people all of whose
    # interactions weigh 0 once the type weights apply.
    if weights and "typed" in configs:
        zero_only = con.execute("""
            WITH w AS (SELECT sender, recipient, %s AS x
                       FROM interactions WHERE sender <> recipient),
                 ends AS (SELECT sender AS id, x FROM w UNION ALL SELECT recipient, x FROM w)
            SELECT count(*) FROM (SELECT id FROM ends GROUP BY id HAVING max(x) = 0)
            WHERE id NOT IN (SELECT id FROM people)""" % weight_expr(weights)
            if has_people else "SELECT 0").fetchone()[0]
        report["unlisted_zero_only"] = zero_only
        print("unlisted people whose every interaction weighs 0 with --type-weight %s: %d"
              % (a.type_weight, zero_only))
    con.close()

    people = ["--people", p("people.csv")] if has_people else []
    raw_people = ["--people", a.people] if a.people else []
    ties_cols = ["--columns", "from=sender,to=recipient"]
    month_cols = ["--columns", "from=sender,to=recipient,time=period"]
    extra = ["--samples", a.samples] if a.samples else []
    typed_opts = ["--type-weight", a.type_weight, "--weights", "bridging=0"]
    window = ["--since", since, "--until", until]
    plan = {
        "year": (["raw-year", [a.export] + raw_people],
                 ["ties-year", [p("ties-year.csv")] + ties_cols + people]),
        "year-b0": (["raw-year-b0", [a.export] + raw_people + ["--weights", "bridging=0"]],
                    ["ties-year-b0", [p("ties-year.csv")] + ties_cols + people
                     + ["--weights", "bridging=0"]]),
        "typed": (["raw-typed", [a.export] + raw_people + typed_opts],
                  ["ties-typed", [p("ties-typed.csv")] + ties_cols + people
                   + ["--weights", "bridging=0"]]),
        "month": (["raw-month", [a.export] + raw_people + window],
                  ["ties-month", [p("ties-month.csv")] + month_cols + people + window]),
        "months-year": (["raw-year", [a.export] + raw_people],
                        ["ties-months-year", [p("ties-month.csv")] + month_cols + people]),
        "track": (["raw-track", ["--period", "month", a.export] + raw_people
                   + ["--weights", "bridging=0"]],
                  ["ties-track", ["--period", "month", p("ties-month.csv")] + month_cols + people
                   + ["--weights", "bridging=0"]]),
    }
    print("\nrankings (each alone; phase: seconds (max anonymous + file-backed RSS)):")
    for c in configs:
        for label, args in plan[c]:
            if label in report["runs"]:
                continue
            r = rank(champions, args + extra, p(label + ".json"),
                     "track" if c == "track" else "rank")
            report["runs"][label] = r
            show_run(label, r)
            sys.stdout.flush()
    print("\ncomparison (relative differences; equal = within %.0e):" % TOL)
    for c in configs:
        (la, _), (lb, _) = plan[c]
        if c == "track":
            res = compare_track(p(la + ".json"), p(lb + ".json"))
            report["compare"][c] = res
            show_track("track (champions track --period month, --weights bridging=0)", res)
            continue
        res = compare(p(la + ".json"), p(lb + ".json"))
        with open(p(la + ".json")) as f:
            summ = json.load(f)["summary"]
        res["raw_summary"] = summ
        k = int(a.samples) if a.samples else 0
        exact = k >= summ["people"] if k else summ["people"] * summ["ties"] <= 1e9
        res["bridging_exact"] = exact
        report["compare"][c] = res
        title = {"year": "year (default options)",
                 "year-b0": "year-b0 (--weights bridging=0)",
                 "typed": "typed (--type-weight %s, --weights bridging=0)" % a.type_weight,
                 "month": "month %s (--since %s --until %s)" % (month, since, until),
                 "months-year": "months-year (the monthly table, no window)"}[c]
        show_compare(title, res)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(report, f, indent=1, default=str)
    if not a.keep and not a.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
