#!/usr/bin/python3
"""Write the small export of the allocation-failure test, in both forms.

    /usr/bin/python3 tests/alloc/make_export.py tests/alloc

Seeded and deterministic: export.json (document form) and export.jsonl (JSON
Lines) describe the same network. The export is small (48 listed people, 210
interactions) but reaches every path of the reader and of a ranking:

- people with teams, an unknown team (null, "", absent), groups staff (absent,
  null, ""), partner and citizen; ids and teams with escapes (\\u, surrogate
  pairs, \\", \\/) and long escaped strings that grow the decoding buffer;
- interactions between listed people, with unlisted people (ids only in
  interactions) and to oneself (dropped); times as RFC 3339 with offsets and
  fractions, as integer and fractional Unix seconds and as numbers too long for
  the fast path (strtod in the C locale); weights absent, null, integer and
  fractional; types reply, mention, reaction, message, null, "" and absent;
- members the format ignores (nested objects and arrays), a byte order mark in
  the document, CRLF and blank lines in JSON Lines;
- two components, one of them a small team of its own, so bridging sees
  several.
"""
import json
import random
import sys

BASE = 1772323200  # 2026-03-01T00:00:00Z


def esc(s):
    """JSON string with every non-ASCII character escaped as \\u."""
    return json.dumps(s, ensure_ascii=True)


def rfc3339(t, rnd):
    import datetime
    off = rnd.choice([0, 0, 60, -330, 120])
    dt = datetime.datetime.fromtimestamp(t, datetime.timezone(datetime.timedelta(minutes=off)))
    frac = rnd.choice(["", "", ".25", ".000001", ".5"])
    zone = "Z" if off == 0 else dt.strftime("%z")[:3] + ":" + dt.strftime("%z")[3:]
    sep = rnd.choice(["T", "T", "t", " "])
    return dt.strftime("%Y-%m-%d") + sep + dt.strftime("%H:%M:%S") + frac + zone


def main(out_dir):
    rnd = random.Random(5)
    teams = ["Finance", "Sales", "R&D \u00e9quipe", "Support", "Legal/Compliance", "Ops \U0001F680"]
    people = []
    for i in range(48):
        pid = "p-%02d" % i
        if i == 7:
            pid = "p-\u00e9-07"
        if i == 8:
            pid = 'p-"quoted"-08'
        if i == 9:
            pid = "p-\U0001F600-09"
        rec = {"id": pid}
        if i >= 44:
            rec["team"] = "Island"  # its own component
        elif i % 11 == 3:
            rec["team"] = None
        elif i % 11 == 5:
            rec["team"] = ""
        elif i % 11 != 8:
            rec["team"] = teams[i % len(teams)]
        g = i % 9
        if g == 1:
            rec["group"] = "partner"
        elif g in (2, 6):
            rec["group"] = "citizen"
        elif g == 3:
            rec["group"] = None
        elif g == 4:
            rec["group"] = ""
        elif g == 5:
            rec["group"] = "staff"
        if i == 10:
            rec["note"] = {"tags": ["a", {"b": [1, 2.5, None, True, False]}], "x": -0.0}
        if i == 11:
            rec["team"] = "A very long team name \u00e0 " * 12  # > 256 bytes escaped
        people.append(rec)
    ids = [p["id"] for p in people]
    main_ids = ids[:44]
    island = ids[44:]
    unlisted = ["u-outside-1", "u-\u00fc-2", "u-3"]
    types = ["reply", "mention", "reaction", "message", None, "", "absent"]
    inter = []
    for k in range(210):
        if k % 37 == 5:
            a = b = rnd.choice(main_ids)  # to oneself: dropped
        elif k % 23 == 7:
            a, b = rnd.choice(unlisted), rnd.choice(main_ids)
            if k % 2:
                a, b = b, a
        elif k % 19 == 4:
            a, b = rnd.sample(island, 2)
        else:
            a, b = rnd.sample(main_ids, 2)
            if k % 3 == 0 and inter:  # answer an earlier one: mutual ties
                prev = rnd.choice(inter)
                if prev["from"] in main_ids and prev["to"] in main_ids and prev["from"] != prev["to"]:
                    a, b = prev["to"], prev["from"]
        rec = {"from": a, "to": b}
        t = BASE + rnd.randrange(0, 30 * 86400)
        form = k % 6
        if form == 0:
            rec["time"] = rfc3339(t, rnd)
        elif form == 1:
            rec["time"] = t
        elif form == 2:
            rec["time"] = t + 0.5
        elif form == 3:
            # more than 19 significant digits: strtod in the C locale
            rec["time"] = "RAW:%d.123456789012345678901" % t
        elif form == 4:
            rec["time"] = None
        # form 5: absent
        ty = types[k % len(types)]
        if ty != "absent":
            rec["type"] = ty
        wk = k % 5
        if wk == 0:
            rec["weight"] = 2
        elif wk == 1:
            rec["weight"] = 0.75
        elif wk == 2:
            rec["weight"] = None
        elif wk == 3:
            rec["weight"] = "RAW:1.00000000000000000000001"
        if k == 17:
            rec["meta"] = [[], {}, {"deep": [[[1]]]}, "x\\y\u2028"]
        inter.append(rec)

    def dump(rec):
        parts = []
        for key, v in rec.items():
            if isinstance(v, str) and v.startswith("RAW:"):
                parts.append("%s: %s" % (esc(key), v[4:]))
            else:
                text = json.dumps(v, ensure_ascii=True)
                if key == "team":
                    text = text.replace("/", "\\/")  # the optional escape of '/'
                parts.append("%s: %s" % (esc(key), text))
        return "{" + ", ".join(parts) + "}"

    doc = "\ufeff{\n  \"exported\": {\"by\": \"alloc test\", \"at\": \"2026-04-01T00:00:00Z\"},\n"
    doc += "  \"people\": [\n    " + ",\n    ".join(dump(p) for p in people) + "\n  ],\n"
    doc += "  \"interactions\": [\n    " + ",\n    ".join(dump(r) for r in inter) + "\n  ]\n}\n"
    with open(out_dir + "/export.json", "w", encoding="utf-8", newline="") as f:
        f.write(doc)
    lines = []
    for i, p in enumerate(people):
        lines.append(dump(p) + ("\r\n" if i % 5 == 0 else "\n"))
        if i == 20:
            lines.append("\n")
    for k, r in enumerate(inter):
        lines.append(dump(r) + ("\r\n" if k % 7 == 0 else "\n"))
        if k == 100:
            lines.append("   \n")
    with open(out_dir + "/export.jsonl", "w", encoding="utf-8", newline="") as f:
        f.write("".join(lines))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
