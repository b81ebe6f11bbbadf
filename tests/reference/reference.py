#!/usr/bin/python3
"""Independent reference implementation of SPEC 4 (numpy + python-igraph).

    reference.py [OPTIONS] FILE        # prints the SPEC 5 JSON object

Options mirror `champions rank` (SPEC 5): --weights, --since, --until,
--type-weight (repeatable, comma lists), --min-activity, --champion-groups,
--audience, --reciprocity-prior, --samples (only 0 or >= people: exact
betweenness is the only mode here), --seed (ignored), --top.

Library use:

    from reference import load, rank
    res = rank(load("export.json"), weights={"activity": 0.1}, since=..., ...)

Decisions where SPEC 4 is silent follow the C library: people = listed + every id of a
non-self interaction (in or out of the window); self-interactions create
nobody and always count in dropped_self; `interactions` = kept (non-self,
in window) even when a type weight of 0 makes them weightless; percentile
ties are grouped with a relative tolerance of 1e-9 from the smallest value of
each group; reciprocity
with α = 0 and no ties is 0.
"""

import argparse
import calendar
import json
import math
import re
import sys

import numpy as np
import igraph

VERSION = "0.1.0"
CRITERIA = ("reciprocity", "reach", "bridging", "influence", "activity")
DEFAULT_WEIGHTS = {"reciprocity": 0.30, "reach": 0.25, "bridging": 0.15,
                   "influence": 0.15, "activity": 0.15}
TIE_TOL = 1e-9
EXACT_LIMIT = 1e9

# ---------------------------------------------------------------- input


class InputError(ValueError):
    pass


_RFC3339 = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


def parse_time(value, where="time"):
    """Unix seconds (int/float) or RFC 3339 string -> float seconds."""
    if isinstance(value, bool):
        raise InputError("%s: expected a number or an RFC 3339 date-time" % where)
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise InputError("%s: expected a finite time" % where)
        return float(value)
    if isinstance(value, str):
        m = _RFC3339.match(value)
        if not m:
            raise InputError("%s: bad RFC 3339 date-time %r" % (where, value))
        y, mo, d, h, mi, s = (int(m.group(i)) for i in range(1, 7))
        if not (1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]
                and h < 24 and mi < 60 and s < 61):
            raise InputError("%s: bad RFC 3339 date-time %r" % (where, value))
        t = calendar.timegm((y, mo, d, h, mi, min(s, 59), 0, 0, 0)) + (s - min(s, 59))
        if m.group(7):
            t += float(m.group(7))
        z = m.group(8)
        if z not in ("Z", "z"):
            sign = 1 if z[0] == "+" else -1
            t -= sign * (int(z[1:3]) * 3600 + int(z[4:6]) * 60)
        return float(t)
    raise InputError("%s: expected a number or an RFC 3339 date-time" % where)


def parse_cli_time(text):
    """--since/--until: RFC 3339 or Unix seconds."""
    try:
        v = float(text)
        if math.isfinite(v):
            return v
    except ValueError:
        pass
    return parse_time(text, "time")


class Network:
    """people: list of (id, team|None, group) ; interactions: parallel lists."""

    def __init__(self):
        self.people = []            # (id, team or None, group)
        self.has_people = False
        self.src = []
        self.dst = []
        self.time = []              # float or None
        self.type = []
        self.weight = []


def _person(obj, where, net, seen):
    if not isinstance(obj, dict):
        raise InputError("%s: expected an object" % where)
    pid = obj.get("id")
    if not isinstance(pid, str) or pid == "":
        raise InputError("%s.id: expected a non-empty string" % where)
    if pid in seen:
        raise InputError("%s.id: duplicate person id %r" % (where, pid))
    seen.add(pid)
    team = obj.get("team")
    if team is not None and not isinstance(team, str):
        raise InputError("%s.team: expected a string or null" % where)
    group = obj.get("group")
    if group is not None and not isinstance(group, str):
        raise InputError("%s.group: expected a string or null" % where)
    net.people.append((pid, team if team else None, group if group else "staff"))


def _interaction(obj, where, net):
    if not isinstance(obj, dict):
        raise InputError("%s: expected an object" % where)
    for k in ("from", "to"):
        if k not in obj:
            raise InputError("%s.%s: missing" % (where, k))
        if not isinstance(obj[k], str):
            raise InputError("%s.%s: expected a string" % (where, k))
    t = obj.get("time")
    t = None if t is None else parse_time(t, where + ".time")
    ty = obj.get("type")
    if ty is None:
        ty = "message"
    elif not isinstance(ty, str):
        raise InputError("%s.type: expected a string" % where)
    w = obj.get("weight", 1)
    if (isinstance(w, bool) or not isinstance(w, (int, float)) or not math.isfinite(w)
            or w <= 0):
        raise InputError("%s.weight: expected a finite number > 0" % where)
    net.src.append(obj["from"])
    net.dst.append(obj["to"])
    net.time.append(t)
    net.type.append(ty)
    net.weight.append(float(w))


def load(path):
    """Read a .json document or a .jsonl/.ndjson JSON Lines export."""
    net = Network()
    seen = set()
    if path.endswith((".jsonl", ".ndjson")):
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    raise InputError("%s:%d:%d: %s" % (path, lineno, e.colno, e.msg))
                where = "line %d" % lineno
                if isinstance(obj, dict) and "from" in obj:
                    _interaction(obj, where, net)
                elif isinstance(obj, dict) and "id" in obj:
                    net.has_people = True
                    _person(obj, where, net, seen)
                else:
                    raise InputError("%s: neither a person nor an interaction" % where)
        return net
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return loads(text)


def loads(text):
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError("%d:%d: %s" % (e.lineno, e.colno, e.msg))
    return from_dict(doc)


def from_dict(doc):
    net = Network()
    if not isinstance(doc, dict):
        raise InputError("expected a JSON object")
    seen = set()
    if doc.get("people") is not None:
        if not isinstance(doc["people"], list):
            raise InputError("people: expected an array")
        net.has_people = True
        for i, p in enumerate(doc["people"]):
            _person(p, "people[%d]" % i, net, seen)
    inter = doc.get("interactions", [])
    if not isinstance(inter, list):
        raise InputError("interactions: expected an array")
    for i, it in enumerate(inter):
        _interaction(it, "interactions[%d]" % i, net)
    return net


# ---------------------------------------------------------------- metrics


def percentiles(values):
    """Mid-rank percentiles; a value within a relative 1e-9 of its group's
    smallest value belongs to that group."""
    v = np.asarray(values, dtype=float)
    n = len(v)
    out = np.empty(n)
    if n == 0:
        return out
    if n == 1:
        out[:] = 1.0
        return out
    order = np.argsort(v, kind="stable")
    s = v[order]
    start = 0
    for i in range(1, n + 1):
        if i == n or s[i] - s[start] > TIE_TOL * max(abs(s[i]), abs(s[start])):
            e = i - start
            out[order[start:i]] = (start + (e - 1) / 2.0) / (n - 1)
            start = i
    return out


def _weights(weights):
    w = dict(DEFAULT_WEIGHTS)
    for k, x in (weights or {}).items():
        if k not in w:
            raise ValueError("unknown criterion %r" % k)
        if not (x >= 0 and math.isfinite(x)):
            raise ValueError("weight of %s must be finite and >= 0" % k)
        w[k] = float(x)
    if sum(w.values()) <= 0:
        raise ValueError("all weights are 0")
    return w


def rank(net, weights=None, since=None, until=None, type_weights=None, min_activity=1,
         champion_groups=("staff",), audience=None, reciprocity_prior=2, samples=0,
         seed=1, min_tie_weight=0):
    W = _weights(weights)
    alpha = float(reciprocity_prior)
    if not (alpha >= 0 and math.isfinite(alpha)):
        raise ValueError("reciprocity_prior must be finite and >= 0")
    since = None if since is None else parse_cli_time(since) if isinstance(since, str) else float(since)
    until = None if until is None else parse_cli_time(until) if isinstance(until, str) else float(until)
    tw = dict(type_weights or {})
    champion_groups = set(champion_groups)
    audience = set(audience) if audience else None

    # --- people: listed, then every id used by a non-self interaction
    index = {}
    ids, teams, groups, listed = [], [], [], []
    for pid, team, group in net.people:
        index[pid] = len(ids)
        ids.append(pid)
        teams.append(team)
        groups.append(group)
        listed.append(True)
    for a, b in zip(net.src, net.dst):
        if a == b:
            continue
        for x in (a, b):
            if x not in index:
                index[x] = len(ids)
                ids.append(x)
                teams.append(None)
                if net.has_people:
                    groups.append(None)
                    listed.append(False)
                else:
                    groups.append("staff")
                    listed.append(True)
    n = len(ids)

    # --- interactions
    windowed = since is not None or until is not None
    lo = -math.inf if since is None else since
    hi = math.inf if until is None else until
    dropped_self = dropped_window = 0
    ks, kd, kw, kt = [], [], [], []
    for a, b, t, ty, w in zip(net.src, net.dst, net.time, net.type, net.weight):
        if a == b:
            dropped_self += 1
            continue
        if windowed and (t is None or not (lo <= t < hi)):
            dropped_window += 1
            continue
        ks.append(index[a])
        kd.append(index[b])
        kw.append(w * tw.get(ty, 1.0))
        kt.append(t)
    kept = len(ks)
    ks = np.asarray(ks, dtype=np.int64)
    kd = np.asarray(kd, dtype=np.int64)
    kw = np.asarray(kw, dtype=float)

    # w(u,v) per ordered pair (summed in input order)
    code = ks * n + kd
    ucode, inv = np.unique(code, return_inverse=True)
    wsum = np.bincount(inv, weights=kw, minlength=len(ucode)) if len(ucode) else np.zeros(0)
    pos = wsum > 0
    eu = ucode[pos] // n if n else ucode[pos]
    ev = ucode[pos] % n if n else ucode[pos]
    ew = wsum[pos]

    activity = np.bincount(eu, weights=ew, minlength=n).astype(float)
    received = np.bincount(ev, weights=ew, minlength=n).astype(float)

    # undirected tie pairs (a < b), volume, mutual flag
    pa = np.minimum(eu, ev)
    pb = np.maximum(eu, ev)
    pcode, pinv, pcount = np.unique(pa * n + pb, return_inverse=True, return_counts=True)
    ta = pcode // n if n else pcode
    tb = pcode % n if n else pcode
    tvol = np.bincount(pinv, weights=ew, minlength=len(pcode)) if len(pcode) else np.zeros(0)
    tmut = pcount == 2
    # SPEC 10.4: only ties of volume >= min_tie_weight count from here on
    counted = tvol >= min_tie_weight
    ta, tb, tvol, tmut = ta[counted], tb[counted], tvol[counted], tmut[counted]
    pcode = pcode[counted]
    n_ties = len(pcode)
    n_mutual = int(tmut.sum())
    R = n_mutual / n_ties if n_ties else 0.0

    ties = np.bincount(ta, minlength=n) + np.bincount(tb, minlength=n)
    mutual = np.bincount(ta[tmut], minlength=n) + np.bincount(tb[tmut], minlength=n)
    ties = ties.astype(np.int64)
    mutual = mutual.astype(np.int64)

    den = ties + alpha
    with np.errstate(invalid="ignore", divide="ignore"):
        recip = np.where(den > 0, (mutual + alpha * R) / np.where(den > 0, den, 1), 0.0)

    # teams as integer codes (-1 unknown)
    team_names = sorted({t for t in teams if t is not None})
    tcode = {t: i for i, t in enumerate(team_names)}
    tc = np.array([tcode[t] if t is not None else -1 for t in teams], dtype=np.int64)

    # both directions of every tie pair: (v, u, volume)
    dv = np.concatenate([ta, tb])
    du = np.concatenate([tb, ta])
    dvol = np.concatenate([tvol, tvol])

    if audience is None:
        tv, tu = tc[dv], tc[du]
        m = (tu >= 0) & (tu != tv)     # unknown v (-1): every known team counts
        vt = np.unique(dv[m] * (len(team_names) + 1) + tu[m])
        reach = np.bincount(vt // (len(team_names) + 1), minlength=n).astype(np.int64)
    else:
        aud = np.array([g in audience if g is not None else False for g in groups], dtype=bool)
        reach = np.bincount(dv[aud[du]], minlength=n).astype(np.int64)

    tv, tu = tc[dv], tc[du]
    cross_vol = np.bincount(dv[(tv >= 0) & (tu >= 0) & (tu != tv)],
                            weights=dvol[(tv >= 0) & (tu >= 0) & (tu != tv)], minlength=n)
    tot_vol = np.bincount(dv, weights=dvol, minlength=n)
    cross_share = [None if (tc[i] < 0 or ties[i] == 0) else float(cross_vol[i] / tot_vol[i])
                   for i in range(n)]

    both = (tc[ta] >= 0) & (tc[tb] >= 0)
    nb = int(both.sum())
    cross_team_share = float(((tc[ta] != tc[tb]) & both).sum() / nb) if nb else None

    # bridging: exact betweenness on the undirected simple tie graph
    if samples and samples < n:
        raise NotImplementedError("reference implements exact betweenness only")
    if not samples and n * n_ties > EXACT_LIMIT:
        raise NotImplementedError("auto mode would sample; reference is exact only")
    if n >= 3:
        ug = igraph.Graph(n=n, edges=list(zip(ta.tolist(), tb.tolist())), directed=False)
        bridging = np.asarray(ug.betweenness(directed=False), dtype=float) / ((n - 1) * (n - 2) / 2.0)
    else:
        bridging = np.zeros(n)

    # influence: PageRank (PRPACK) on G
    if n > 0:
        dg = igraph.Graph(n=n, edges=list(zip(eu.tolist(), ev.tolist())), directed=True)
        influence = np.asarray(dg.pagerank(directed=True, weights=ew.tolist() if len(ew) else None,
                                           damping=0.85, implementation="prpack"), dtype=float)
    else:
        influence = np.zeros(0)

    listed_a = np.array(listed, dtype=bool)
    eligible = np.array([listed[i] and groups[i] in champion_groups and activity[i] >= min_activity
                         for i in range(n)], dtype=bool)
    el = np.flatnonzero(eligible)
    values = {"reciprocity": recip, "reach": reach.astype(float), "bridging": bridging,
              "influence": influence, "activity": activity}
    pct = {c: percentiles(values[c][el]) for c in CRITERIA}
    wsum_c = sum(W[c] for c in CRITERIA)
    score = np.zeros(len(el))
    for c in CRITERIA:
        score = score + W[c] * pct[c]
    score = score / wsum_c

    bid = [ids[i].encode("utf-8") for i in range(n)]
    order_el = sorted(range(len(el)), key=lambda k: (-score[k], bid[el[k]]))
    rank_of = {}
    for r, k in enumerate(order_el, 1):
        rank_of[el[k]] = (r, k)
    flags = _flags(n, activity, received, ta, tb, tvol, [el[k] for k in order_el], ks, kd, kt,
                   since, until)
    others = sorted((i for i in range(n) if not eligible[i]), key=lambda i: bid[i])

    def num(x):
        x = float(x)
        return int(x) if x.is_integer() and abs(x) < 2 ** 53 else x

    people = []
    for i in [el[k] for k in order_el] + others:
        rec = {"id": ids[i], "team": teams[i], "group": groups[i], "listed": bool(listed[i]),
               "eligible": bool(eligible[i])}
        if eligible[i]:
            r, k = rank_of[i]
            rec["rank"] = r
            rec["score"] = float(score[k])
        else:
            rec["rank"] = None
            rec["score"] = None
        rec.update({
            "activity": num(activity[i]), "reciprocity": float(recip[i]),
            "reach": int(reach[i]), "bridging": float(bridging[i]),
            "influence": float(influence[i]), "received": num(received[i]),
            "ties": int(ties[i]), "mutual": int(mutual[i]), "cross_share": cross_share[i],
        })
        rec["percentiles"] = ({c: float(pct[c][rank_of[i][1]]) for c in CRITERIA}
                              if eligible[i] else None)
        rec["flags"] = flags[i]
        people.append(rec)

    summary = {
        "people": n, "listed": int(listed_a.sum()), "eligible": int(len(el)),
        "interactions": kept, "dropped_self": dropped_self, "dropped_window": dropped_window,
        "ties": n_ties, "mutual_ties": n_mutual, "reciprocity": R,
        "teams": len(team_names), "cross_team_share": cross_team_share,
    }
    return {"version": VERSION, "summary": summary, "people": people}


def _flags(n, activity, received, ta, tb, tvol, by_rank, ks, kd, kt, since, until):
    """SPEC 10.4's flags per person (the thresholds of docs/metrics.md), as
    lists of names in the order of champions.FLAGS."""
    flags = [[] for _ in range(n)]
    # volume of each counted tie, per person
    nbr = [dict() for _ in range(n)]
    for a, b, w in zip(ta.tolist(), tb.tolist(), tvol.tolist()):
        nbr[a][b] = w
        nbr[b][a] = w
    for v in range(n):
        if activity[v] >= 10 and activity[v] >= 10 * received[v]:
            flags[v].append("broadcaster")
        total = sum(nbr[v].values())
        if total > 0 and max(nbr[v].values()) > 0.5 * total:
            flags[v].append("one_partner")
    # shadow: among the first 100 ranks, >= 5 ties, weighted Jaccard >= 0.9
    # with someone ranked higher, the two left out of each other's ties
    top = by_rank[:100]
    for j, v in enumerate(top):
        if j == 0 or len(nbr[v]) < 5:
            continue
        best = 0.0
        for u in top[:j]:
            keys = (set(nbr[v]) | set(nbr[u])) - {u, v}
            common = sum(min(nbr[v].get(x, 0), nbr[u].get(x, 0)) for x in keys)
            either = sum(max(nbr[v].get(x, 0), nbr[u].get(x, 0)) for x in keys)
            best = max(best, common / either if either else 0.0)
        if best >= 0.9:
            flags[v].append("shadow")
    # closed group: a connected group of >= 2 at most a tenth of the largest
    g = igraph.Graph(n=n, edges=list(zip(ta.tolist(), tb.tolist())), directed=False)
    parts = g.connected_components()
    largest = max((len(c) for c in parts), default=0)
    for c in parts:
        if len(c) >= 2 and 10 * len(c) <= largest:
            for v in c:
                flags[v].append("closed_group")
    # new: first kept timed interaction in the last tenth of the window
    timed = [(t, a, b) for a, b, t in zip(ks, kd, kt) if t is not None]
    if timed:
        start = min(t for t, _, _ in timed) if since is None else since
        end = max(t for t, _, _ in timed) if until is None else until
        first = {}
        for t, a, b in timed:
            for x in (a, b):
                first[x] = min(first.get(x, math.inf), t)
        if end > start:
            late = end - (end - start) * 10 / 100
            for x, t in first.items():
                if t >= late:
                    flags[x].append("new")
    order = ("broadcaster", "one_partner", "shadow", "closed_group", "new")
    return [sorted(f, key=order.index) for f in flags]


# ---------------------------------------------------------------- CLI


def _kv_list(items, what):
    out = {}
    for item in items:
        for part in item.split(","):
            if not part:
                continue
            k, sep, v = part.partition("=")
            if not sep:
                raise ValueError("%s: expected NAME=VALUE, got %r" % (what, part))
            out[k] = float(v)
    return out


def options_from_args(a):
    opts = {}
    if a.weights:
        opts["weights"] = _kv_list(a.weights, "--weights")
    if a.since is not None:
        opts["since"] = parse_cli_time(a.since)
    if a.until is not None:
        opts["until"] = parse_cli_time(a.until)
    if a.type_weight:
        opts["type_weights"] = _kv_list(a.type_weight, "--type-weight")
    if a.min_activity is not None:
        opts["min_activity"] = a.min_activity
    if a.champion_groups is not None:
        opts["champion_groups"] = [g for g in a.champion_groups.split(",") if g]
    if a.audience is not None:
        opts["audience"] = [g for g in a.audience.split(",") if g]
    if a.reciprocity_prior is not None:
        opts["reciprocity_prior"] = a.reciprocity_prior
    if a.samples is not None:
        opts["samples"] = a.samples
    if a.seed is not None:
        opts["seed"] = a.seed
    if a.min_tie_weight is not None:
        opts["min_tie_weight"] = a.min_tie_weight
    return opts


def cli_parser():
    ap = argparse.ArgumentParser(description="reference ranking (SPEC 4/5)")
    ap.add_argument("file")
    ap.add_argument("--weights", action="append")
    ap.add_argument("--since")
    ap.add_argument("--until")
    ap.add_argument("--type-weight", action="append")
    ap.add_argument("--min-activity", type=float)
    ap.add_argument("--champion-groups")
    ap.add_argument("--audience")
    ap.add_argument("--reciprocity-prior", type=float)
    ap.add_argument("--samples", type=int)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--min-tie-weight", type=float)
    ap.add_argument("--top", type=int, default=0)
    ap.add_argument("--format", choices=["json"], default="json")
    ap.add_argument("--indent", type=int)
    return ap


def run_cli(net, args):
    """Rank NET with `champions rank` style ARGS (no FILE); returns the JSON object."""
    a = cli_parser().parse_args(["-"] + list(args))
    res = rank(net, **options_from_args(a))
    if a.top:
        res["people"] = res["people"][:a.top]
    return res


def main(argv=None):
    a = cli_parser().parse_args(argv)
    try:
        res = rank(load(a.file), **options_from_args(a))
    except (ValueError, OSError) as e:
        print("%s: %s" % (a.file, e), file=sys.stderr)
        return 1
    if a.top:
        res["people"] = res["people"][:a.top]
    json.dump(res, sys.stdout, indent=a.indent, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
