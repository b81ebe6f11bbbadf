#!/usr/bin/python3
"""Check that the peer pipelines compute the same ranking as the library.

    check_peers.py [--champions PATH] [--peers igraph,networkx,networkit]
                   [--venv /work/venv-bench] [--no-bridging] [--sampled-info]
                   [--top 50] [--tol 1e-6] FILE...
    check_peers.py --real [--data DIR] ...     # the small real networks too

For each FILE, `champions rank --format json FILE` is compared with each
peer's output on the same file: the summary (every number to 1e-9
relative), the same people, every score within --tol, the same order of
the first --top people, and every per-person value (activity, received,
ties, mutual, reach, reciprocity, influence, bridging, cross_share) to
--tol relative.  Where the library would sample bridging (people x ties >
10^9) the comparison is made without bridging: the library runs with
`--weights bridging=0` and the peers leave bridging out (igraph:
--no-bridging; networkx: its own sampled bridging is not compared), so the
scores are comparable.  --no-bridging forces that mode.  The networkit
peer (peer_networkit.py) runs in the --venv's Python and, like igraph, with
--no-bridging there.  Each line also gives the largest influence
(PageRank) difference, absolute and relative, the largest relative
bridging difference and how many of the library's top --top the peer has
in its own top --top.

--sampled-info: where the library samples, also run the networkit peer with
its own sampled bridging (EstimateBetweenness, 256 sources) against the
library's default (sampled) ranking, and print how close they are (not a
pass/fail check: the samples and estimators differ): Spearman correlation
of bridging over the eligible, top --top overlap by bridging and by score,
largest score difference.

--real converts the small real networks of tests/reference/convert.py
(email-eu-core, email-eu-full, krackhardt-*, lazega-*, uk-faculty,
workplace-invs13) into a temporary folder and checks them too.

Exit status 1 if any comparison fails.  One line per (file, peer).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PY = "/usr/bin/python3"
VENV = "/work/venv-bench"
DEFAULT_CHAMPIONS = os.path.join(REPO, "build", "examples", "champions")

# the library's warnings (SPEC 10: few_eligible, unstable_top, ...): not computed by the peers
SUMMARY_NOT_COMPARED = ("warnings",)
FIELDS = ("activity", "received", "ties", "mutual", "reach", "reciprocity", "influence",
          "bridging", "cross_share")


def run_json(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if p.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (" ".join(cmd), p.returncode,
                                                    p.stderr.decode(errors="replace").strip()))
    return json.loads(p.stdout)


def close(a, b, tol):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool) or isinstance(a, str) or isinstance(b, str):
        return a == b
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def compare(lib, peer, tol, top, skip_bridging):
    """-> (ok, message)"""
    problems = []
    for k, v in lib["summary"].items():
        if k in SUMMARY_NOT_COMPARED:
            continue
        if not close(v, peer["summary"].get(k), 1e-9):
            problems.append("summary.%s %r != %r" % (k, v, peer["summary"].get(k)))
    lp = {p["id"]: p for p in lib["people"]}
    pp = {p["id"]: p for p in peer["people"]}
    if set(lp) != set(pp):
        problems.append("people differ: %d only in library, %d only in peer"
                        % (len(set(lp) - set(pp)), len(set(pp) - set(lp))))
    common = set(lp) & set(pp)
    max_score = 0.0
    bad_fields = {}
    for i in common:
        a, b = lp[i], pp[i]
        for k in ("team", "group", "listed", "eligible"):
            if a[k] != b[k]:
                bad_fields.setdefault(k, [0, i])[0] += 1
        if (a["score"] is None) != (b["score"] is None):
            bad_fields.setdefault("score-null", [0, i])[0] += 1
        elif a["score"] is not None:
            d = abs(a["score"] - b["score"])
            max_score = max(max_score, d)
            if d > tol:
                bad_fields.setdefault("score", [0, i])[0] += 1
        for k in FIELDS:
            if k == "bridging" and skip_bridging:
                continue
            if not close(a[k], b[k], tol):
                bad_fields.setdefault(k, [0, i])[0] += 1
    for k, (cnt, ex) in sorted(bad_fields.items()):
        problems.append("%s differs for %d people (e.g. %s: %r vs %r)"
                        % (k, cnt, ex, lp[ex].get(k.split("-")[0]), pp[ex].get(k.split("-")[0])))
    lt = [p["id"] for p in lib["people"][:top]]
    pt = [p["id"] for p in peer["people"][:top]]
    same_top = lt == pt
    if not same_top:
        first = next(k for k in range(min(len(lt), len(pt))) if lt[k] != pt[k]) \
            if any(x != y for x, y in zip(lt, pt)) else min(len(lt), len(pt))
        problems.append("top-%d order differs from position %d" % (top, first + 1))
    ranks_equal = sum(1 for i in common if lp[i]["rank"] == pp[i]["rank"])
    msg = "%d people, max |score diff| %.2e, top-%d %s (%d/%d shared), %d/%d ranks equal" % (
        len(common), max_score, top, "same" if same_top else "DIFFERENT",
        len(set(lt) & set(pt)), len(lt), ranks_equal, len(common))
    d_inf = [(abs(lp[i]["influence"] - pp[i]["influence"]), lp[i]["influence"]) for i in common]
    if d_inf:
        worst = max(d_inf)
        msg += ", influence max |diff| %.1e (max rel %.1e)" % (
            worst[0], max((d / v for d, v in d_inf if v > 0), default=0.0))
    if not skip_bridging:
        rel = [abs(lp[i]["bridging"] - pp[i]["bridging"]) / max(abs(lp[i]["bridging"]), 1e-300)
               for i in common if lp[i]["bridging"] is not None and pp[i]["bridging"] is not None
               and (lp[i]["bridging"] or pp[i]["bridging"])]
        if rel:
            msg += ", bridging max rel diff %.1e" % max(rel)
    return not problems, msg, problems


def spearman(x, y):
    """Spearman correlation of two equal-length value lists (average ranks)."""
    from scipy.stats import spearmanr
    return float(spearmanr(x, y).correlation)


def sampled_info(lib, peer, top):
    """How close a peer's own sampled ranking is to the library's sampled one."""
    lp = {p["id"]: p for p in lib["people"]}
    pp = {p["id"]: p for p in peer["people"]}
    el = [i for i, p in lp.items() if p["eligible"] and i in pp and pp[i]["eligible"]]
    rho = spearman([lp[i]["bridging"] for i in el], [pp[i]["bridging"] for i in el])
    rank_rho = spearman([lp[i]["rank"] for i in el], [pp[i]["rank"] for i in el])

    def by_bridging(d):
        return set(sorted(el, key=lambda i: (-d[i]["bridging"], i))[:top])
    lt = [p["id"] for p in lib["people"][:top]]
    pt = [p["id"] for p in peer["people"][:top]]
    dmax = max(abs(lp[i]["score"] - pp[i]["score"]) for i in el)
    return ("bridging Spearman %.4f over %d eligible, top-%d by bridging %d shared, "
            "top-%d by score %d shared (%s), rank Spearman %.5f, max |score diff| %.3f"
            % (rho, len(el), top, len(by_bridging(lp) & by_bridging(pp)), top,
               len(set(lt) & set(pt)), "same order" if lt == pt else "order differs",
               rank_rho, dmax))


def people_ties(lib):
    s = lib["summary"]
    return s["people"], s["ties"]


def check_file(path, a, out):
    # does the library sample here?  (auto mode: exact iff people x ties <= 1e9)
    base = run_json([a.champions, "rank", "--format", "json", "--top", "1", "--weights",
                     "bridging=0", path])
    n, ties = people_ties(base)
    sampled = n * ties > 1e9
    no_br = a.no_bridging or sampled
    lib_cmd = [a.champions, "rank", "--format", "json"] + (
        ["--weights", "bridging=0"] if no_br else []) + [path]
    lib = run_json(lib_cmd)
    ok_all = True
    for peer in a.peers:
        if peer == "igraph":
            cmd = [PY, os.path.join(HERE, "peer_igraph.py"), path] + (["--no-bridging"] if no_br else [])
        elif peer == "networkit":
            cmd = [os.path.join(a.venv, "bin", "python"), os.path.join(HERE, "peer_networkit.py"),
                   path] + (["--no-bridging"] if no_br else [])
        else:
            cmd = [PY, os.path.join(HERE, "peer_networkx.py"), path]
        t1 = time.perf_counter()
        try:
            res = run_json(cmd)
        except RuntimeError as e:
            out("FAIL %s %s: %s" % (os.path.basename(path), peer, e))
            ok_all = False
            continue
        if no_br and peer == "networkx":
            # networkx computed (possibly sampled) bridging; rescore without it is not
            # possible from its output, so compare the values only
            pass
        ok, msg, problems = compare(lib, res, a.tol, a.top,
                                    skip_bridging=no_br)
        if no_br and peer == "networkx":
            # its score includes its own bridging: only values are comparable
            problems = [p for p in problems if not p.startswith(("score", "top-"))]
            ok = not problems
            msg += " (score not compared: networkx bridging is its own sample)"
        out("%s %s %s: %s%s [%s, %.1f s]" % (
            "ok  " if ok else "FAIL", os.path.basename(path), peer, msg,
            "" if not problems else "\n      " + "\n      ".join(problems[:8]),
            "bridging left out" if no_br else "exact bridging", time.perf_counter() - t1))
        ok_all &= ok
        if peer == "networkit" and sampled and a.sampled_info:
            t1 = time.perf_counter()
            own = run_json([os.path.join(a.venv, "bin", "python"),
                            os.path.join(HERE, "peer_networkit.py"), path])
            lib_sampled = run_json([a.champions, "rank", "--format", "json", path])
            out("info %s networkit, both sampling bridging their own way: %s [%.1f s]" % (
                os.path.basename(path), sampled_info(lib_sampled, own, a.top),
                time.perf_counter() - t1))
    return ok_all


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--champions", default=DEFAULT_CHAMPIONS)
    ap.add_argument("--peers", default="igraph,networkx")
    ap.add_argument("--no-bridging", action="store_true")
    ap.add_argument("--sampled-info", action="store_true",
                    help="where the library samples, also compare networkit's own sampled ranking")
    ap.add_argument("--venv", default=VENV, help="Python venv with networkit and polars")
    ap.add_argument("--top", type=int, default=50)
    ap.add_argument("--tol", type=float, default=1e-6)
    ap.add_argument("--real", action="store_true", help="also the small real networks")
    ap.add_argument("--data", help="shared data folder for --real")
    a = ap.parse_args(argv)
    a.peers = [p for p in a.peers.split(",") if p]
    for p in a.peers:
        if p not in ("igraph", "networkx", "networkit"):
            ap.error("unknown peer %r" % p)
    if not a.files and not a.real:
        ap.error("give FILEs or --real")

    def out(line):
        print(line, flush=True)

    ok = True
    files = list(a.files)
    tmp = None
    if a.real:
        sys.path.insert(0, os.path.join(REPO, "tests", "reference"))
        import convert  # noqa: E402
        tmp = tempfile.TemporaryDirectory(prefix="check_peers-")
        for name in convert.NETWORKS:
            path = os.path.join(tmp.name, name + ".json")
            convert.write(convert.convert(name, a.data), path)
            files.append(path)
    for f in files:
        ok &= check_file(f, a, out)
    if tmp:
        tmp.cleanup()
    out("all agree" if ok else "DISAGREEMENT")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
