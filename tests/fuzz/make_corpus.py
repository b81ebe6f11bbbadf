#!/usr/bin/python3
"""Write the seed corpus of the libFuzzer harnesses (tests/fuzz/corpus/<harness>).

    /usr/bin/python3 tests/fuzz/make_corpus.py [--data ../shared/data]

Seeds come from the tests (tests/data/reader, tests/data/import, the CSV and
zip cases of tests/bad, examples/goal.json and the goals of tests/test_track.c,
the JSON snippets of
tests/test_reader.c, the times of tests/test_time.c, the command lines of
tests/test_cli.py), cut-down copies of examples/email-eu-core.json and a few
small networks of ../shared/data converted with tests/reference/convert.py.
Every seed is at most the harness's -max_len (tests/fuzz/meson.build), so
that libFuzzer does not cut it; the whole corpus stays well under 2 MB.
The output is deterministic: rerunning it rewrites the same files.
"""
import argparse
import codecs
import json
import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
MAX_LEN = {"read_json": 16384, "read_jsonl": 16384, "read_csv": 16384, "read_export": 16384,
           "goal": 4096, "time": 256, "cli": 1024}
IMPORT = os.path.join(ROOT, "tests", "data", "import")
BAD = os.path.join(ROOT, "tests", "bad", "corpus")
# The first byte of a read_csv seed picks its read options (fuzz_read_csv.c)
CSV_DETECT, CSV_MAPPED, CSV_P2P = b"\0", b"\1", b"\2"
# ... and of a read_export seed, the importer (fuzz_read_export.c)
SLACK, ENGAGE = b"\0", b"\1"
# Seeds taken from the snippets of the unit tests: enough for every rule, few
# enough that the corpus stays under 200 files.
SNIPPETS = {"read_json": 60, "read_jsonl": 30}
TIMES = 40


def c_strings(path):
    """Each run of adjacent C string literals in a C file, decoded to bytes."""
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    literal = r'"(?:[^"\\\n]|\\.)*"'
    for m in re.finditer(r"(?:%s\s*)+" % literal, text):
        out = b""
        for piece in re.findall(literal, m.group(0)):
            # C escapes (\" \\ \n \xHH \ooo) as Python reads them; others stay as written.
            out += codecs.escape_decode(piece[1:-1].encode("utf-8"))[0]
        yield out


def spread(items, k):
    """k items taken evenly through the list (all of them when it is shorter)."""
    if len(items) <= k:
        return list(items)
    return [items[i * len(items) // k] for i in range(k)]


def compact(doc):
    return json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode()


def as_lines(doc, crlf=False):
    end = "\r\n" if crlf else "\n"
    lines = [json.dumps(p, ensure_ascii=False) for p in doc.get("people", [])]
    lines += [json.dumps(i, ensure_ascii=False) for i in doc.get("interactions", [])]
    return (end.join(lines) + end).encode()


def cut(doc, n):
    """The first n interactions and the people they name (plus two others)."""
    inter = doc["interactions"][:n]
    ids = {x["from"] for x in inter} | {x["to"] for x in inter}
    people = [p for p in doc.get("people", []) if p["id"] in ids]
    extra = [p for p in doc.get("people", []) if p["id"] not in ids][:2]
    out = {"interactions": inter}
    if "people" in doc:
        out = {"people": people + extra, "interactions": inter}
    return out


def fit(doc, limit, encode):
    """The largest cut of doc whose encoding fits in limit bytes."""
    lo, hi = 1, len(doc["interactions"])
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if len(encode(cut(doc, mid))) <= limit:
            lo = mid
        else:
            hi = mid - 1
    return cut(doc, lo)


def read(*parts):
    with open(os.path.join(*parts), "rb") as f:
        return f.read()


def named_files(folder):
    """The files of an export folder as fuzz_read_export.c reads them:
    "name\\0bytes\\0name\\0bytes..." in path order (the expected*.json
    equivalents left out)."""
    out = []
    for top, dirs, names in sorted(os.walk(folder)):
        dirs.sort()
        for name in sorted(names):
            if not name.startswith("expected"):
                path = os.path.join(top, name)
                out.append(os.path.relpath(path, folder).encode() + b"\0" + read(path))
    return b"\0".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    args = ap.parse_args()
    sys.path.insert(0, os.path.join(ROOT, "tests", "reference"))
    import convert  # noqa: E402

    corpus = {name: {} for name in MAX_LEN}

    def add(harness, name, data):
        if isinstance(data, str):
            data = data.encode()
        if len(data) > MAX_LEN[harness]:
            raise SystemExit(f"{harness}/{name}: {len(data)} bytes > -max_len")
        if data not in corpus[harness].values():
            corpus[harness][name] = data

    # The readers: tests/data/reader and the snippets of tests/test_reader.c
    for form in ("json", "jsonl"):
        for name in sorted(os.listdir(os.path.join(ROOT, "tests", "data", "reader"))):
            add("read_" + form, "test-data-" + name,
                open(os.path.join(ROOT, "tests", "data", "reader", name), "rb").read())
    snippets = {"read_json": [], "read_jsonl": []}
    for s in c_strings(os.path.join(ROOT, "tests", "test_reader.c")):
        if s[:1] not in (b"{", b"[", b" ", b"\n", b"\xef") or len(s) < 2:
            continue
        harness = "read_jsonl" if b"}\n{" in s or b"}\r\n{" in s else "read_json"
        if s.startswith(b'{"id"') or s.startswith(b'{"from"'):
            harness = "read_jsonl"
        if s not in snippets[harness]:
            snippets[harness].append(s)
    for harness, found in snippets.items():
        for i, s in enumerate(spread(found, SNIPPETS[harness])):
            add(harness, f"test-reader-{i:03d}", s)

    # Hand-made edge cases
    add("read_json", "edge-empty-object", b"{}")
    add("read_json", "edge-bom", b'\xef\xbb\xbf{"people":[{"id":"a"}]}')
    add("read_json", "edge-unicode",
        '{"people":[{"id":"\\u00e9\\ud83d\\ude00","team":"\u00e9quipe"}],'
        '"interactions":[{"from":"\\u00e9\\ud83d\\ude00","to":"\u2026","type":"reaction",'
        '"weight":1e-300,"time":"2024-02-29T23:59:60.999+23:59"}]}'.encode())
    add("read_json", "edge-numbers",
        b'{"interactions":[{"from":"a","to":"b","time":-0,"weight":9007199254740993},'
        b'{"from":"b","to":"a","time":1.5e9,"weight":1e308},'
        b'{"from":"a","to":"c","time":-62135596800,"weight":0.1}]}')
    add("read_json", "edge-lone-record", b'{"from":"a","to":"b"}')
    add("read_jsonl", "edge-blank-lines", b'\n\n{"id":"a"}\n\n{"from":"a","to":"b"}\n\n')
    add("read_jsonl", "edge-no-final-newline", b'{"id":"a","group":"partner"}\n{"from":"b","to":"a"}')

    # Cut-down copies of the bundled export
    core = json.load(open(os.path.join(ROOT, "examples", "email-eu-core.json"), encoding="utf-8"))
    for k in (3, 40):
        add("read_json", f"email-eu-core-{k}", compact(cut(core, k)))
        add("read_jsonl", f"email-eu-core-{k}", as_lines(cut(core, k)))
    add("read_json", "email-eu-core-16k", compact(fit(core, MAX_LEN["read_json"], compact)))
    add("read_json", "email-eu-core-pretty-4k",
        json.dumps(fit(core, 4096, lambda d: json.dumps(d, indent=1).encode()),
                   indent=1).encode())
    add("read_jsonl", "email-eu-core-16k", as_lines(fit(core, MAX_LEN["read_jsonl"], as_lines)))

    # Small real networks of ../shared/data
    for name in ("krackhardt-advice", "lazega-cowork", "uk-faculty", "workplace-invs13",
                 "email-eu-full"):
        try:
            doc = convert.convert(name, args.data)
        except Exception as e:  # missing data: say so, keep the rest
            print(f"warning: {name}: {e}", file=sys.stderr)
            continue
        add("read_json", name, compact(fit(doc, 12000, compact)))
        add("read_jsonl", name, as_lines(fit(doc, 12000, as_lines)))
        if name == "workplace-invs13":
            add("read_jsonl", name + "-crlf", as_lines(fit(doc, 3000, as_lines), crlf=True))

    # The CSV forms: the fixtures of tests/data/import, the CSV cases of
    # tests/bad and edge cases
    add("read_csv", "csv-sent-mapped", CSV_MAPPED + read(IMPORT, "csv", "sent.csv"))
    add("read_csv", "csv-people", CSV_DETECT + read(IMPORT, "csv", "people.csv"))
    add("read_csv", "p2p-query", CSV_DETECT + read(IMPORT, "viva-p2p", "query.csv"))
    add("read_csv", "p2p-query-weighted", CSV_P2P + read(IMPORT, "viva-p2p", "query.csv"))
    for name in sorted(os.listdir(BAD)):
        if name.startswith(("csv-", "p2p-")):
            add("read_csv", "bad-" + name, CSV_DETECT + read(BAD, name))
    add("read_csv", "edge-quotes", CSV_DETECT + b'\xef\xbb\xbffrom,to,time,type\r\n'
        b'"a,1","b ""q""",2026-03-01,"multi\r\nline"\r\n"b ""q""","a,1",,\r\n')
    add("read_csv", "edge-no-final-newline", CSV_DETECT + b"from,to\na,b\nb,a")
    add("read_csv", "edge-dates", CSV_P2P + b"PrimaryCollaborator_PersonId,"
        b"SecondaryCollaborator_PersonId,MetricDate,Strong_tie_score,"
        b"PrimaryCollaborator_FunctionType,SecondaryCollaborator_FunctionType\n"
        b"a,b,12/31/2025,0,x,y\nb,a,2026-02-29,1.5,,y\na,c,1/1/2026,2,z,\n")

    # The platform exports: the fixtures as named files ("name\0bytes\0..."),
    # their zips, and the zipped cases of tests/bad
    add("read_export", "slack-folder", SLACK + named_files(os.path.join(IMPORT, "slack")))
    add("read_export", "engage-folder",
        ENGAGE + named_files(os.path.join(IMPORT, "viva-engage")))
    add("read_export", "slack-zip", SLACK + read(IMPORT, "slack.zip"))
    add("read_export", "engage-zip", SLACK + read(IMPORT, "viva-engage.zip"))
    for name in sorted(os.listdir(BAD)):
        if name.endswith(".zip"):
            add("read_export", "bad-" + name, SLACK + read(BAD, name))
    add("read_export", "edge-slack-minimal", SLACK + b'users.json\0[{"id":"U1"},{"id":"U2"}]\0'
        b'channels.json\0[{"id":"C1","name":"g"}]\0g/2026-01-01.json\0'
        b'[{"type":"message","user":"U1","ts":"1.000001","reply_count":1,'
        b'"thread_ts":"1.000001"},{"type":"message","user":"U2","ts":"2.5",'
        b'"thread_ts":"1.000001","text":"<@U1>",'
        b'"reactions":[{"name":"+1","users":["U1"],"count":1}]}]')
    add("read_export", "edge-engage-minimal", ENGAGE + b"Users.csv\0id,email,state\n"
        b"1,a@x,active\n2,b@x,active\n\0Messages.csv\0"
        b"id,replied_to_id,sender_id,created_at,deleted_at\n"
        b"10,,1,2026-01-01T00:00:00Z,\n11,10,2,2026-01-02 10:00:00 UTC,\n")

    # Goals: the example, and every goal of tests/test_track.c
    add("goal", "example", read(ROOT, "examples", "goal.json"))
    goals = [s for s in c_strings(os.path.join(ROOT, "tests", "test_track.c"))
             if s.startswith(b"{") or s.startswith(b"[")]
    for i, s in enumerate(goals):
        add("goal", f"test-track-{i:02d}", s)

    # Times: every literal of tests/test_time.c that looks like one, and columns
    times = []
    for s in c_strings(os.path.join(ROOT, "tests", "test_time.c")):
        if 0 < len(s) <= MAX_LEN["time"] and (s[:1].isdigit() or s[:1] in b"-+.") \
                and s not in times:
            times.append(s)
    for i, s in enumerate(spread(times, TIMES)):
        add("time", f"test-time-{i:03d}", s)
    add("time", "empty", b"")
    add("time", "column", b"2026-03-01T09:30:00Z\n1772357400\n\x7f\n-3.5\n2024-02-29 12:00:00z")
    add("time", "column-bad", b"1970-01-01T00:00:00Z\n2023-02-29T00:00:00Z\nx")
    add("time", "number-long", b"0." + b"0" * 40 + b"1e45")
    add("time", "number-fast", b"-123456789012345678e-22")

    # The demo's command lines (arguments separated by NUL)
    cli = [
        ["--help"], ["--version"], ["--version", "extra"], ["--frobnicate"], [],
        ["rank"], ["rank", "--help"], ["rank", "export.json"], ["rank", "-"],
        ["rank", "--format", "json", "--top", "5", "export.json"],
        ["rank", "--format=csv", "--audience", "dept-4,partner", "--samples", "64", "x.json"],
        ["rank", "--weights", "reciprocity=0.3,reach=0.25,bridging=0,influence=1,activity=0.05",
         "x.jsonl"],
        ["rank", "--since", "2026-01-01T00:00:00Z", "--until", "1772357400.5", "x"],
        ["rank", "--since", "-3600", "x"], ["rank", "--since=1", "--until=1", "x"],
        ["rank", "--type-weight", "reaction=0.5,reply=2", "--type-weight=message=0", "x"],
        ["rank", "--min-activity", "-2.5", "--reciprocity-prior=0", "--seed",
         "18446744073709551615", "x"],
        ["rank", "--champion-groups", "staff,partner", "--", "-dash.json"],
        ["rank", "--champion-groups="], ["rank", "--top=99999999999999999999999999", "x"],
        ["rank", "--weights=reach=1,,activity=2", "x"], ["rank", "--help=yes", "x"],
        ["rank", "a", "b"], ["rank", "x", "--top"],
        ["rank", "--weights", "reciprocity=0,reach=0,bridging=0,influence=0,activity=0", "x"],
        ["rank", "--input", "csv", "--columns", "from=Sender,to=Recipient,time=SentAt",
         "--people", "people.csv", "sent.csv"],
        ["rank", "--input=viva-p2p", "--weight-column", "Strong_tie_score", "--hrvar",
         "FunctionType", "--format", "gexf", "query.csv"],
        ["rank", "--format=graphml", "--input", "slack", "export.zip"],
        ["rank", "--columns", "from=,to=b,from=c", "--weight-column=", "x"],
        ["track", "--period", "week", "--top", "3", "--goal", "goal.json", "--scenario",
         "citizens", "--format", "csv", "x.jsonl"],
        ["track", "--period=quarter", "--top=0", "--format=gexf", "x"],
        ["scenarios"], ["scenarios", "--help"], ["track", "--help"],
    ]
    for i, argv in enumerate(cli):
        add("cli", f"argv-{i:02d}", b"\0".join(a.encode() for a in argv))

    total = 0
    for harness, files in corpus.items():
        folder = os.path.join(HERE, "corpus", harness)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        for name, data in sorted(files.items()):
            with open(os.path.join(folder, name), "wb") as f:
                f.write(data)
            total += len(data)
        print(f"{harness}: {len(files)} seeds, {sum(map(len, files.values()))} bytes")
    print(f"total {sum(map(len, corpus.values()))} files, {total} bytes")


if __name__ == "__main__":
    main()
