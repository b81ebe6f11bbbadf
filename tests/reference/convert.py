#!/usr/bin/python3
"""Convert the real networks in the shared data folder to the champions
JSON export format (SPEC 2).

    convert.py --list
    convert.py [--data DIR] [--jsonl] NAME OUT.json|OUT.jsonl
    convert.py --demo OUT.json          # the bundled examples/email-eu-core.json
    convert.py --timed-demo OUT.csv.gz  # the bundled examples/email-eu-2004.csv.gz
    convert.py --demo-people OUT.csv    # the bundled examples/email-eu-people.csv

`convert(name, data_dir=None) -> dict` returns {"people": [...],
"interactions": [...]}.  The data folder is only read, never written.

Id schemes (zero-padded so that bytewise id order equals numeric order):
  email-eu-core, email-eu-full   "e0000".."e1004"  (SNAP email-Eu-core node id;
                                  ScHoLP ids are SNAP id + 1, see PROVENANCE)
  krackhardt-*                   "k01".."k21"
  lazega-*                       "l01".."l71"
  uk-faculty                     "f01".."f81"
  workplace-invs13               "w035".."w987"    (SocioPatterns badge id)
"""

import argparse
import csv
import gzip
import json
import os
import sys

# ../shared/data beside the repository, unless CHAMP_SHARED_DATA says otherwise.
DEFAULT_DATA = os.environ.get("CHAMP_SHARED_DATA") or os.path.normpath(os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data"))

NETWORKS = [
    "email-eu-core",
    "email-eu-full",
    "krackhardt-advice",
    "krackhardt-friends",
    "krackhardt-reports",
    "lazega-advice",
    "lazega-cowork",
    "lazega-friends",
    "uk-faculty",
    "workplace-invs13",
]


def _read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _read_pairs(path):
    """Whitespace separated integer rows (tolerates CR/LF and blank lines)."""
    rows = []
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if parts:
                rows.append([int(p) for p in parts])
    return rows


def _gz_ints(path):
    with gzip.open(path, "rt", encoding="ascii") as f:
        return [int(line) for line in f if line.strip()]


def _eid(n):
    return "e%04d" % n


def _email_labels(data):
    labels = {}
    for node, dept in _read_pairs(os.path.join(data, "email-Eu-core",
                                               "email-Eu-core-department-labels.txt")):
        labels[node] = dept
    return labels


def _email_eu_core(data):
    labels = _email_labels(data)
    people = [{"id": _eid(n), "team": "dept-%d" % labels[n]} for n in sorted(labels)]
    known = set(labels)
    inter = []
    for u, v in _read_pairs(os.path.join(data, "email-Eu-core", "email-Eu-core.txt")):
        if u not in known or v not in known:
            raise ValueError("email-Eu-core: edge %d %d uses an unlabelled node" % (u, v))
        inter.append({"from": _eid(u), "to": _eid(v), "type": "email"})
    return {"people": people, "interactions": inter}


def _email_eu_full(data):
    folder = os.path.join(data, "email-Eu-full-simplices-ScHoLP")
    nverts = _gz_ints(os.path.join(folder, "email-Eu-nverts.txt.gz"))
    simplices = _gz_ints(os.path.join(folder, "email-Eu-simplices.txt.gz"))
    times = _gz_ints(os.path.join(folder, "email-Eu-times.txt.gz"))
    if len(nverts) != len(times) or sum(nverts) != len(simplices):
        raise ValueError("email-Eu ScHoLP files are not aligned")
    labels = _email_labels(data)
    seen = set()
    inter = []
    pos = 0
    for k, t in zip(nverts, times):
        members = [m - 1 for m in simplices[pos:pos + k]]   # ScHoLP id = SNAP id + 1
        pos += k
        seen.update(members)
        if k == 1:
            inter.append({"from": _eid(members[0]), "to": _eid(members[0]),
                          "time": t, "type": "email"})
            continue
        for i in range(k):
            a = _eid(members[i])
            for j in range(i + 1, k):
                inter.append({"from": a, "to": _eid(members[j]), "time": t, "type": "email"})
    missing = [m for m in seen if m not in labels]
    if missing:
        raise ValueError("email-Eu: %d ids without a department label" % len(missing))
    # people: everybody who appears in the stream (998), with the core labels
    people = [{"id": _eid(n), "team": "dept-%d" % labels[n]} for n in sorted(seen)]
    return {"people": people, "interactions": inter}


def _networkdata(data, folder, prefix, idfmt, person):
    nodes = _read_csv(os.path.join(data, folder, prefix + "_nodes.csv"))
    edges = _read_csv(os.path.join(data, folder, prefix + "_edges.csv"))
    ids = {}
    people = []
    for row in nodes:
        n = int(row["id"])
        ids[n] = idfmt % n
        p = {"id": ids[n]}
        p.update(person(row))
        people.append(p)
    inter = []
    for row in edges:
        it = {"from": ids[int(row["from"])], "to": ids[int(row["to"])]}
        if "weight" in row:
            w = float(row["weight"])
            it["weight"] = int(w) if w == int(w) else w
        inter.append(it)
    return {"people": people, "interactions": inter}


def _krackhardt(rel):
    def conv(data):
        return _networkdata(data, "krackhardt-hightech", "ht_" + rel, "k%02d",
                            lambda r: {"team": "dept-%d" % int(r["dept"])})
    return conv


_STATUS = {1: "partner", 2: "associate"}


def _lazega(rel):
    def conv(data):
        return _networkdata(data, "lazega-lawfirm", "law_" + rel, "l%02d",
                            lambda r: {"team": "office-%d" % int(r["office"]),
                                       "group": _STATUS[int(r["status"])]})
    return conv


def _uk_faculty(data):
    return _networkdata(data, "uk-faculty", "UKfaculty", "f%02d",
                        lambda r: {"team": "school-%d" % int(r["Group"])})


def _workplace(data):
    folder = os.path.join(data, "sociopatterns-workplace-InVS13")
    people = []
    ids = {}
    for row in _read_csv(os.path.join(folder, "workplace_meta.csv")):
        n = int(row["nodeName"])
        ids[n] = "w%03d" % n
        people.append({"id": ids[n], "team": row["class"]})
    inter = []
    for t, i, j in _read_pairs(os.path.join(folder, "workplace.dat")):
        inter.append({"from": ids[i], "to": ids[j], "time": t, "type": "contact"})
    people.sort(key=lambda p: p["id"])
    return {"people": people, "interactions": inter}


_CONVERTERS = {
    "email-eu-core": _email_eu_core,
    "email-eu-full": _email_eu_full,
    "krackhardt-advice": _krackhardt("advice"),
    "krackhardt-friends": _krackhardt("friends"),
    "krackhardt-reports": _krackhardt("reports"),
    "lazega-advice": _lazega("advice"),
    "lazega-cowork": _lazega("cowork"),
    "lazega-friends": _lazega("friends"),
    "uk-faculty": _uk_faculty,
    "workplace-invs13": _workplace,
}


def convert(name, data_dir=None):
    """Return the SPEC 2 export (a dict) of network NAME."""
    if name not in _CONVERTERS:
        raise KeyError("unknown network %r (known: %s)" % (name, ", ".join(NETWORKS)))
    return _CONVERTERS[name](data_dir or DEFAULT_DATA)


def _dump(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def write_json(export, path):
    """Compact layout: one person / one interaction per line."""
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"people":[\n')
        f.write(",\n".join(_dump(p) for p in export.get("people", [])))
        f.write('\n],"interactions":[\n')
        f.write(",\n".join(_dump(i) for i in export["interactions"]))
        f.write("\n]}\n")


def write_jsonl(export, path):
    """JSON Lines: person lines first, then one interaction per line."""
    with open(path, "w", encoding="utf-8") as f:
        for p in export.get("people", []):
            f.write(_dump(p) + "\n")
        for i in export["interactions"]:
            f.write(_dump(i) + "\n")


def write(export, path, jsonl=None):
    if jsonl is None:
        jsonl = path.endswith((".jsonl", ".ndjson"))
    (write_jsonl if jsonl else write_json)(export, path)


# The timed demo: the e-mail stream of email-eu-full in the first four
# months of 2004 (UTC), self-e-mails left out, as CSV (from,to,time).
TIMED_DEMO_SPAN = (1072915200, 1083369600)  # 2004-01-01, 2004-05-01


def write_timed_demo(path, data_dir=None):
    start, end = TIMED_DEMO_SPAN
    stream = convert("email-eu-full", data_dir)["interactions"]
    rows = [(i["from"], i["to"], i["time"]) for i in stream
            if start <= i["time"] < end and i["from"] != i["to"]]
    text = "from,to,time\n" + "".join("%s,%s,%d\n" % r for r in rows)
    # mtime 0 and no file name: the same bytes on every run
    with open(path, "wb") as f, gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) as z:
        z.write(text.encode("ascii"))


def write_demo_people(path, data_dir=None):
    """The people of email-eu-core with their departments, as the people
    table (id,team) that goes with the timed demo."""
    people = convert("email-eu-core", data_dir)["people"]
    with open(path, "w", encoding="ascii", newline="") as f:
        f.write("id,team\n" + "".join("%s,%s\n" % (p["id"], p["team"]) for p in people))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", action="store_true", help="list the network names")
    ap.add_argument("--data", default=DEFAULT_DATA, help="shared data folder (read only)")
    ap.add_argument("--jsonl", action="store_true",
                    help="write JSON Lines (default: by the .jsonl/.ndjson extension)")
    ap.add_argument("--demo", metavar="OUT", help="write the bundled email-eu-core demo export")
    ap.add_argument("--timed-demo", metavar="OUT",
                    help="write the bundled timed e-mail CSV (email-eu-full, Jan-Apr 2004)")
    ap.add_argument("--demo-people", metavar="OUT",
                    help="write the bundled people table of the timed demo (id,team)")
    ap.add_argument("name", nargs="?")
    ap.add_argument("out", nargs="?")
    a = ap.parse_args(argv)
    if a.list:
        print("\n".join(NETWORKS))
        return 0
    if a.demo:
        write_json(convert("email-eu-core", a.data), a.demo)
        return 0
    if a.timed_demo:
        write_timed_demo(a.timed_demo, a.data)
        return 0
    if a.demo_people:
        write_demo_people(a.demo_people, a.data)
        return 0
    if not a.name or not a.out:
        ap.error("NAME and OUT are required")
    if a.name not in _CONVERTERS:
        ap.error("unknown network %r; try --list" % a.name)
    write(convert(a.name, a.data), a.out, True if a.jsonl else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
