#!/usr/bin/python3
"""Seeded generator of realistic champions exports (SPEC 2) for benchmarks.

    generate.py --size S|M|L [--people N] [--interactions M] [--seed 1]
                [--jsonl] OUT

Sizes: S = 10k people / 200k interactions, M = 100k / 2M, L = 1M / 20M
(about 1.8 GB of JSON).  --people / --interactions override the preset.
The same arguments give the same bytes (numpy's PCG64 seeded from --seed;
the work is split into fixed time slices, each with its own spawned
generator).  JSON Lines (--jsonl, or an OUT ending in .jsonl/.ndjson) writes
the person lines first, then one interaction per line.  A sidecar
OUT.meta.json records the parameters (benchmarks/run reuses a file whose
sidecar matches).

The model
---------
Organisation.  N people (listed and unlisted together) in teams of 5-50
(sizes from a lognormal with median 12, clipped), teams in departments of
3-12 teams.  Team names "d0012-t03" (department 12, its team 3).  Ids are
"p" + 7 digits ("p0000123"), assigned in random order, so an id says nothing
about the team.  8 % of the teams are partner teams (group "partner"), 2 %
of the other people are "contractor", the rest "staff" (for a fifth of the
staff the "group" member is left out: it defaults to "staff").  1 % of the
listed people have "team": null.  2 % of the people are *unlisted*: they
send and receive interactions but are not in the people list (leavers,
external addresses).  The people list is written in id order.

Activity.  Each person has an activity weight exp(1.1 z) (lognormal, heavy
tailed: the busiest 1 % send about 10 % of the originals) and a popularity
weight exp(0.6 (0.6 z + 0.8 z')), correlated with activity.  A sender is
drawn in proportion to activity.  Each person also has a cross-team
propensity c ~ Beta(2, 4.67) (mean 0.3).

Targets.  With probability 1 - c the target is in the sender's team, with
probability 2c/3 in another team of the same department, with c/3 anywhere
in the organisation (so about 70 / 20 / 10 %); inside the chosen scope the
target is drawn in proportion to popularity, never the sender.  0.1 % of
the originals are self-interactions (notes to self; the library counts and
drops them).

Types.  Originals are "message" 55 %, "reaction" 28 %, "mention" 17 %.
Replies: an original within the team is answered with probability 0.40,
within the department 0.30, elsewhere 0.20 (about 36 % overall) by a
"reply" interaction from the target back to the sender, a lognormal delay
later (median 20 minutes, long tail into days).  So roughly a quarter of
the records are replies and most busy ties are mutual.  3 % of the records
carry an explicit "weight" (2, 3, 0.5 or 1.5).

Times.  All in 2025 (UTC).  Days are weighted: weekdays 1, Saturday 0.12,
Sunday 0.08, August x0.6, 22 Dec - 1 Jan x0.3; time of day is working hours
in CET (normal around 13:00, sd 2.6 h) for 88 %, uniform for 12 %.  Written
as RFC 3339 with milliseconds and "Z" (80 %, "2025-03-01T09:30:00.123Z"),
RFC 3339 with a "+01:00" offset and whole seconds (5 %, the same instant in
CET, "2025-03-01T10:30:00+01:00") or integer Unix seconds (15 %,
1740821400).  The interactions are
written in non-decreasing time order (a reply is held back until its time
comes).

Exact count: the last slice is generated with a margin and then thinned at
random to land exactly on --interactions records.

Implementation: everything is numpy; each time slice (about 400k records)
is formatted as a fixed-width byte matrix padded with NUL bytes, and the NULs
are squeezed out, so memory stays bounded (about 1 GB at L) and L takes a
few minutes.
"""

import argparse
import json
import os
import sys

import numpy as np

GENERATOR_VERSION = 2
SIZES = {"S": (10_000, 200_000), "M": (100_000, 2_000_000), "L": (1_000_000, 20_000_000)}

YEAR_START = 1735689600          # 2025-01-01T00:00:00Z
YEAR_DAYS = 365
YEAR_END = YEAR_START + YEAR_DAYS * 86400

P_KIND_REPLY = np.array([0.40, 0.30, 0.20])   # team, department, anywhere
ORIG_TYPES = np.array([0.55, 0.28, 0.17])     # message, reaction, mention
TYPE_NAMES = [b"message", b"reaction", b"mention", b"reply"]
WEIGHT_TEXT = [b"", b',"weight":2', b',"weight":3', b',"weight":0.5', b',"weight":1.5']
WEIGHT_P = np.array([0.4, 0.2, 0.3, 0.1])
P_WEIGHT = 0.03
P_SELF = 0.001
P_UNIX, P_OFFSET = 0.15, 0.05
P_UNLISTED = 0.02
SLICE_RECORDS = 400_000


# ------------------------------------------------------------ organisation


class Org:
    pass


def build_org(n, rng):
    """Teams, departments, weights.  Internal person index i is team-contiguous."""
    sizes = []
    total = 0
    while total < n:
        batch = np.clip(np.rint(rng.lognormal(np.log(12.0), 0.55, 4096)), 5, 50).astype(np.int64)
        for s in batch:
            if total >= n:
                break
            sizes.append(int(s))
            total += int(s)
    over = total - n
    sizes[-1] -= over
    if sizes[-1] < 5 and len(sizes) > 1:        # fold a tiny last team into the previous
        c = sizes.pop() + sizes.pop()
        sizes += [c] if c <= 50 else [c // 2, c - c // 2]
    sizes = np.array(sizes, dtype=np.int64)
    nteams = len(sizes)
    team_start = np.concatenate([[0], np.cumsum(sizes)])
    # departments of 3-12 teams
    dsz = []
    t = 0
    while t < nteams:
        k = int(rng.integers(3, 13))
        dsz.append(min(k, nteams - t))
        t += k
    dsz = np.array(dsz, dtype=np.int64)
    ndept = len(dsz)
    dept_team_start = np.concatenate([[0], np.cumsum(dsz)])
    team_dept = np.repeat(np.arange(ndept), dsz)
    team_in_dept = np.arange(nteams) - dept_team_start[team_dept]

    o = Org()
    o.n = n
    o.nteams = nteams
    o.team_of = np.repeat(np.arange(nteams), sizes)
    o.team_start = team_start
    o.dept_of_team = team_dept
    o.dept_start = team_start[dept_team_start[:-1]]     # person index range of a department
    o.dept_end = team_start[dept_team_start[1:]]
    o.dept_nteams = dsz

    z = rng.standard_normal(n)
    z2 = rng.standard_normal(n)
    o.activity = np.exp(1.1 * z)
    o.popularity = np.exp(0.6 * (0.6 * z + 0.8 * z2))
    o.cross = rng.beta(2.0, 4.67, n)
    o.act_cdf = np.cumsum(o.activity)
    o.pop_cum = np.concatenate([[0.0], np.cumsum(o.popularity)])

    # ids in random order
    o.idnum = rng.permutation(n)
    width = max(7, len(str(n - 1)))
    o.id_bytes = np.empty((n, 1 + width), dtype=np.uint8)
    o.id_bytes[:, 0] = ord("p")
    o.id_bytes[:, 1:] = digits(o.idnum, width)
    o.id_width = 1 + width

    # people attributes
    partner_team = rng.random(nteams) < 0.08
    group = np.where(partner_team[o.team_of], 1, 0)          # 0 staff, 1 partner, 2 contractor
    group[(group == 0) & (rng.random(n) < 0.02)] = 2
    o.group = group
    o.omit_group = (group == 0) & (rng.random(n) < 0.2)
    o.null_team = rng.random(n) < 0.01
    o.unlisted = rng.random(n) < P_UNLISTED
    dw = len(str(max(ndept - 1, 0)))
    dw = max(dw, 3)
    tw = max(2, len(str(int(dsz.max()) - 1)))
    o.team_names = ["d%0*d-t%0*d" % (dw, team_dept[t], tw, team_in_dept[t]) for t in range(nteams)]
    return o


def digits(x, width):
    """(n, width) ASCII digits of non-negative integers, zero padded."""
    x = np.asarray(x, dtype=np.int64)
    out = np.empty((len(x), width), dtype=np.uint8)
    for k in range(width):
        out[:, width - 1 - k] = (x // 10 ** k) % 10 + 48
    return out


# ------------------------------------------------------------ time model


def day_weights():
    d = np.arange(YEAR_DAYS)
    dates = np.datetime64("2025-01-01") + d
    wd = (d + 2) % 7                    # 2025-01-01 is a Wednesday (0 = Monday)
    w = np.where(wd == 5, 0.12, np.where(wd == 6, 0.08, 1.0))
    month = dates.astype("datetime64[M]").astype(int) % 12 + 1
    dom = (dates - dates.astype("datetime64[M]")).astype(int) + 1
    w = np.where(month == 8, w * 0.6, w)
    w = np.where(((month == 12) & (dom >= 22)) | ((month == 1) & (dom == 1)), w * 0.3, w)
    return w


def draw_times(rng, n, days, dw):
    """n Unix times in milliseconds on the given days (weights dw)."""
    p = dw / dw.sum()
    day = rng.choice(days, size=n, p=p)
    work = rng.random(n) < 0.88
    hours = np.where(work, np.clip(rng.normal(13.0, 2.6, n), 6.0, 21.99) - 1.0,   # CET -> UTC
                     rng.random(n) * 24.0)
    ms = np.clip((hours * 3600000).astype(np.int64), 0, 86399999)
    return (YEAR_START + day.astype(np.int64) * 86400) * 1000 + ms


# ------------------------------------------------------------ interactions


def draw_originals(o, rng, n_orig, days, dw):
    """Return dict of arrays for n_orig original interactions."""
    u = rng.random(n_orig) * o.act_cdf[-1]
    src = np.minimum(np.searchsorted(o.act_cdf, u, side="right"), o.n - 1)
    c = o.cross[src]
    r = rng.random(n_orig)
    kind = np.where(r < 1 - c, 0, np.where(r < 1 - c / 3, 1, 2))     # team, dept, anywhere
    team = o.team_of[src]
    ts, te = o.team_start[team], o.team_start[team + 1]
    dept = o.dept_of_team[team]
    kind[(kind == 1) & (o.dept_nteams[dept] < 2)] = 2
    pc = o.pop_cum
    r2 = rng.random(n_orig)
    lo = np.zeros(n_orig)
    span = np.full(n_orig, pc[-1])
    m0 = kind == 0
    lo[m0] = pc[ts[m0]]
    span[m0] = pc[te[m0]] - pc[ts[m0]]
    m1 = kind == 1
    ds, de = o.dept_start[dept[m1]], o.dept_end[dept[m1]]
    team_w = pc[te[m1]] - pc[ts[m1]]
    lo[m1] = pc[ds]
    span[m1] = (pc[de] - pc[ds]) - team_w
    x = lo + r2 * span
    x[m1] = np.where(x[m1] >= pc[ts[m1]], x[m1] + team_w, x[m1])      # skip the own team
    dst = np.searchsorted(pc, x, side="right") - 1
    # keep inside the scope (rounding at the edges)
    dst[m0] = np.clip(dst[m0], ts[m0], te[m0] - 1)
    dst[m1] = np.clip(dst[m1], o.dept_start[dept[m1]], o.dept_end[dept[m1]] - 1)
    dst = np.clip(dst, 0, o.n - 1)
    # never the sender: next member of the team (or next person)
    same = dst == src
    ts_s, te_s = ts[same], te[same]
    nxt = np.where(kind[same] == 2, (src[same] + 1) % o.n,
                   ts_s + (src[same] - ts_s + 1) % (te_s - ts_s))
    dst[same] = nxt
    # deliberate self-interactions
    selfm = rng.random(n_orig) < P_SELF
    dst[selfm] = src[selfm]
    typ = rng.choice(3, size=n_orig, p=ORIG_TYPES)
    typ[selfm] = 0
    t = draw_times(rng, n_orig, days, dw)
    reply = (rng.random(n_orig) < P_KIND_REPLY[kind]) & ~selfm
    return {"src": src, "dst": dst, "time": t, "type": typ}, reply


def make_replies(rng, orig, reply):
    idx = np.flatnonzero(reply)
    delay = np.maximum(30_000, rng.lognormal(np.log(1_200_000.0), 1.5, len(idx))).astype(np.int64)
    return {"src": orig["dst"][idx], "dst": orig["src"][idx],
            "time": orig["time"][idx] + delay, "type": np.full(len(idx), 3)}


def cat(a, b):
    return {k: np.concatenate([a[k], b[k]]) for k in a}


def take(a, idx):
    return {k: v[idx] for k, v in a.items()}


# ------------------------------------------------------------ formatting


def _const(s):
    return np.frombuffer(s, dtype=np.uint8)


def _padded(strings, width):
    return np.array(strings, dtype="S%d" % width).view(np.uint8).reshape(len(strings), width)


TYPE_TAB = _padded(TYPE_NAMES, 8)
WEIGHT_TAB = _padded(WEIGHT_TEXT, 13)


def rfc3339(t, offset_hours):
    """(n, 19) ASCII 'YYYY-MM-DDThh:mm:ss' of t + offset (seconds)."""
    local = t + offset_hours * 3600
    day = local // 86400
    sod = local - day * 86400
    dt = day.astype("datetime64[D]")
    y = dt.astype("datetime64[Y]").astype(np.int64) + 1970
    mstart = dt.astype("datetime64[M]")
    mo = mstart.astype(np.int64) % 12 + 1
    d = (dt - mstart).astype(np.int64) + 1
    out = np.empty((len(t), 19), dtype=np.uint8)
    out[:, 0:4] = digits(y, 4)
    out[:, 4] = ord("-")
    out[:, 5:7] = digits(mo, 2)
    out[:, 7] = ord("-")
    out[:, 8:10] = digits(d, 2)
    out[:, 10] = ord("T")
    out[:, 11:13] = digits(sod // 3600, 2)
    out[:, 13] = ord(":")
    out[:, 14:16] = digits(sod // 60 % 60, 2)
    out[:, 16] = ord(":")
    out[:, 17:19] = digits(sod % 60, 2)
    return out


def format_records(o, rec, tfmt, wsel, last_sep):
    """Bytes of the records, each followed by ',\\n' (document) or '\\n'.
    tfmt: 0 Z, 1 +01:00, 2 Unix; wsel: index into WEIGHT_TEXT.
    last_sep: separator of the last record (None: same as the others)."""
    n = len(rec["src"])
    parts = [
        _const(b'{"from":"'), o.id_bytes[rec["src"]], _const(b'","to":"'), o.id_bytes[rec["dst"]],
        _const(b'","time":'), None, _const(b',"type":"'), TYPE_TAB[rec["type"]], _const(b'"'),
        WEIGHT_TAB[wsel], _const(b"}"), None,
    ]
    tv = np.zeros((n, 27), dtype=np.uint8)
    tms = rec["time"]
    t = tms // 1000
    m = tfmt == 0                       # "2025-03-01T09:30:00.123Z"
    if m.any():
        tv[m, 0] = ord('"')
        tv[m, 1:20] = rfc3339(t[m], 0)
        tv[m, 20] = ord(".")
        tv[m, 21:24] = digits(tms[m] % 1000, 3)
        tv[m, 24:26] = _const(b'Z"')
    m = tfmt == 1                       # "2025-03-01T10:30:00+01:00"
    if m.any():
        tv[m, 0] = ord('"')
        tv[m, 1:20] = rfc3339(t[m], 1)
        tv[m, 20:27] = _const(b'+01:00"')
    m = tfmt == 2                       # 1740821400
    if m.any():
        tv[m, 0:10] = digits(t[m], 10)
    parts[5] = tv
    sep = np.zeros((n, 2), dtype=np.uint8)
    sep[:, :len(o.sep)] = _const(o.sep)
    if last_sep is not None and n:
        sep[-1] = _const(b"\n\0")
    parts[11] = sep
    widths = [p.shape[-1] for p in parts]
    mat = np.empty((n, sum(widths)), dtype=np.uint8)
    pos = 0
    for p, w in zip(parts, widths):
        mat[:, pos:pos + w] = p
        pos += w
    flat = mat.ravel()
    return flat[flat != 0]


def people_bytes(o, jsonl):
    order = np.argsort(o.idnum)              # people in id order
    order = order[~o.unlisted[order]]
    groups = ["staff", "partner", "contractor"]
    ids = o.id_bytes[order].view("S%d" % o.id_width).ravel()
    lines = []
    for k, i in enumerate(order.tolist()):
        team = "null" if o.null_team[i] else '"%s"' % o.team_names[o.team_of[i]]
        if o.omit_group[i]:
            lines.append('{"id":"%s","team":%s}' % (ids[k].decode(), team))
        else:
            lines.append('{"id":"%s","team":%s,"group":"%s"}' % (ids[k].decode(), team,
                                                                 groups[o.group[i]]))
    sep = "\n" if jsonl else ",\n"
    return (sep.join(lines) + "\n").encode("ascii"), len(lines)


# ------------------------------------------------------------ driver


def generate(out, n_people, n_inter, seed=1, jsonl=False, progress=None):
    ss = np.random.SeedSequence(seed)
    org_ss, slice_ss = ss.spawn(2)
    o = build_org(n_people, np.random.default_rng(org_ss))
    o.sep = b"\n" if jsonl else b",\n"

    dw_all = day_weights()
    est_ratio = 1.36
    n_orig_total = int(round(n_inter / est_ratio))
    k_slices = int(min(YEAR_DAYS, max(4, -(-n_inter // SLICE_RECORDS))))
    day_edges = np.linspace(0, YEAR_DAYS, k_slices + 1).round().astype(int)
    slice_w = np.array([dw_all[day_edges[k]:day_edges[k + 1]].sum() for k in range(k_slices)])
    orig_per_slice = np.floor(n_orig_total * slice_w / slice_w.sum()).astype(np.int64)
    rngs = [np.random.default_rng(s) for s in slice_ss.spawn(k_slices)]

    tmp = out + ".tmp"
    emitted = 0
    orig_done = 0
    made = 0
    pending = None
    with open(tmp, "wb") as f:
        pb, n_listed = people_bytes(o, jsonl)
        if jsonl:
            f.write(pb)
        else:
            f.write(b'{"people":[\n' + pb[:-1] + b'\n],"interactions":[\n')
        del pb
        for k in range(k_slices):
            rng = rngs[k]
            days = np.arange(day_edges[k], day_edges[k + 1])
            last = k == k_slices - 1
            n_orig = int(orig_per_slice[k])
            if last:
                ratio = made / orig_done if orig_done else est_ratio
                remaining = n_inter - emitted - (len(pending["src"]) if pending else 0)
                n_orig = max(0, int(np.ceil(remaining / ratio * 1.05)) + 16)
            orig, reply = draw_originals(o, rng, n_orig, days, dw_all[days])
            rec = cat(orig, make_replies(rng, orig, reply))
            orig_done += n_orig
            made += len(rec["src"])
            if pending is not None:
                rec = cat(pending, rec)
            slice_end = (YEAR_START + int(day_edges[k + 1]) * 86400) * 1000
            if last:
                rec["time"] = np.minimum(rec["time"], YEAR_END * 1000 - 1)
                need = n_inter - emitted
                if len(rec["src"]) < need:
                    raise RuntimeError("generator fell short by %d records" % (need - len(rec["src"])))
                keep = np.sort(rng.choice(len(rec["src"]), size=need, replace=False))
                rec = take(rec, keep)
                pending = None
            else:
                later = rec["time"] >= slice_end
                pending = take(rec, np.flatnonzero(later))
                rec = take(rec, np.flatnonzero(~later))
            n = len(rec["src"])
            tfmt = np.where(rng.random(n) < P_UNIX, 2,
                            np.where(rng.random(n) < P_OFFSET / (1 - P_UNIX), 1, 0))
            wsel = np.where(rng.random(n) < P_WEIGHT, 1 + rng.choice(4, size=n, p=WEIGHT_P), 0)
            # formats without milliseconds: the time itself is whole seconds,
            # so the written times are non-decreasing exactly
            rec["time"] = np.where(tfmt == 0, rec["time"], rec["time"] // 1000 * 1000)
            order = np.argsort(rec["time"], kind="stable")
            rec = take(rec, order)
            tfmt, wsel = tfmt[order], wsel[order]
            buf = format_records(o, rec, tfmt, wsel, last_sep=("\n" if (last and not jsonl) else None))
            f.write(buf.tobytes())
            emitted += n
            if progress:
                progress(k + 1, k_slices, emitted)
        if not jsonl:
            f.write(b"]}\n")
    os.replace(tmp, out)
    meta = {"generator_version": GENERATOR_VERSION, "seed": seed, "people": n_people,
            "interactions": n_inter, "jsonl": bool(jsonl), "listed": n_listed,
            "teams": o.nteams, "departments": int(len(o.dept_nteams)),
            "bytes": os.path.getsize(out)}
    with open(out + ".meta.json", "w") as f:
        json.dump(meta, f, indent=1)
        f.write("\n")
    return meta


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=sorted(SIZES), default="S")
    ap.add_argument("--people", type=int)
    ap.add_argument("--interactions", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jsonl", action="store_true",
                    help="JSON Lines (default: by the .jsonl/.ndjson extension)")
    ap.add_argument("-q", "--quiet", action="store_true")
    ap.add_argument("out")
    a = ap.parse_args(argv)
    n_people, n_inter = SIZES[a.size]
    if a.people is not None:
        n_people = a.people
    if a.interactions is not None:
        n_inter = a.interactions
    if n_people < 10 or n_inter < 1:
        ap.error("need at least 10 people and 1 interaction")
    jsonl = a.jsonl or a.out.endswith((".jsonl", ".ndjson"))

    def progress(k, total, emitted):
        if not a.quiet:
            print("\rslice %d/%d, %d interactions" % (k, total, emitted), end="", file=sys.stderr)

    meta = generate(a.out, n_people, n_inter, a.seed, jsonl, progress)
    if not a.quiet:
        print("\n%s: %d bytes, %d people (%d listed), %d teams, %d interactions"
              % (a.out, meta["bytes"], n_people, meta["listed"], meta["teams"], n_inter),
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
