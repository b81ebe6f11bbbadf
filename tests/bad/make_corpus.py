#!/usr/bin/env python3
"""Writes the corpus of bad exports, tests/bad/corpus/, from the table below:
each case is a file name and its exact bytes. The expected status and
message of each is in tests/bad/expected.txt, checked by test_bad.c.
Run it again after adding a case (it rewrites every file of the table):
    /usr/bin/python3 tests/bad/make_corpus.py"""
import io
import os
import zipfile

BOM = b"\xef\xbb\xbf"
P = b'{"people":[{"id":"a","team":"t"},{"id":"b"}],"interactions":['


def ix(member):
    """A document whose only interaction carries `member` (raw JSON bytes)."""
    return P + b'{"from":"a","to":"b",' + member + b"}]}"


def person(members):
    return b'{"people":[{' + members + b"}]}"


CASES = [
    # -- not JSON at all, or cut short
    ("empty.json", b""),
    ("blank.json", b"  \n\t\n"),
    ("truncated-object.json", b'{"people":[{"id":"a"}'),
    ("truncated-string.json", b'{"people":[{"id":"a'),
    ("truncated-escape.json", b'{"people":[{"id":"a\\'),
    ("truncated-number.json", b'{"interactions":[{"from":"a","to":"b","weight":1e'),
    ("truncated-literal.json", b'{"people":nul'),
    ("truncated.jsonl", b'{"id":"a"}\n{"from":"a","to":'),
    ("bom-only.json", BOM),
    ("two-boms.json", BOM + BOM + b'{"people":[]}'),
    ("bom-mid-file.json", b'{"people":[]}' + BOM),
    ("trailing-garbage.json", b'{"people":[]} x'),
    ("two-documents.json", b"{}{}"),
    ("top-level-array.json", b'[{"id":"a"}]'),
    ("top-level-string.json", b'"people"'),
    ("top-level-number.json", b"42"),
    # -- JSON that is not quite JSON
    ("trailing-comma-array.json", b'{"people":[{"id":"a"},]}'),
    ("trailing-comma-object.json", b'{"people":[{"id":"a",}]}'),
    ("single-quotes.json", b"{'people':[]}"),
    ("unquoted-key.json", b"{people:[]}"),
    ("comment.json", b'{/* export */"people":[]}'),
    ("missing-colon.json", b'{"people" []}'),
    ("missing-comma.json", b'{"people":[{"id":"a"} {"id":"b"}]}'),
    ("raw-tab-in-string.json", b'{"people":[{"id":"a\tb"}]}'),
    ("raw-newline-in-string.json", b'{"people":[{"id":"a\nb"}]}'),
    ("nul-byte-in-string.json", b'{"people":[{"id":"a\x00b"}]}'),
    ("bad-escape.json", b'{"people":[{"id":"a\\x41"}]}'),
    ("bad-unicode-escape.json", b'{"people":[{"id":"\\u12G4"}]}'),
    ("lone-high-surrogate.json", b'{"people":[{"id":"\\ud800"}]}'),
    ("lone-low-surrogate.json", b'{"people":[{"id":"\\udc00x"}]}'),
    ("escaped-nul.json", b'{"people":[{"id":"a\\u0000b"}]}'),
    # -- bytes that are not UTF-8
    ("invalid-utf8.json", b'{"people":[{"id":"\xff"}]}'),
    ("overlong-utf8.json", b'{"people":[{"id":"\xc0\xaf"}]}'),
    ("utf8-surrogate.json", b'{"people":[{"id":"\xed\xa0\x80"}]}'),
    ("truncated-utf8.json", b'{"people":[{"id":"\xe2\x82"}]}'),
    ("invalid-utf8-in-key.json", b'{"people":[{"id":"a","\xfe":1}]}'),
    ("latin1-team.json", b'{"people":[{"id":"a","team":"Caf\xe9"}]}'),
    ("utf16le.json", '{"people":[]}'.encode("utf-16-le")),
    ("utf16-with-bom.json", '{"people":[]}'.encode("utf-16")),
    ("utf32be.json", '{"people":[]}'.encode("utf-32-be")),
    # -- numbers
    ("number-leading-zero.json", ix(b'"weight":01')),
    ("number-bare-minus.json", ix(b'"weight":-')),
    ("number-plus-sign.json", ix(b'"weight":+1')),
    ("number-hex.json", ix(b'"weight":0x10')),
    ("number-dot-first.json", ix(b'"weight":.5')),
    ("number-too-long.json", ix(b'"weight":1.' + b"0" * 100)),
    ("nan-literal.json", ix(b'"weight":NaN')),
    ("infinity-literal.json", ix(b'"weight":Infinity')),
    ("minus-infinity-literal.json", ix(b'"weight":-Infinity')),
    ("weight-overflows.json", ix(b'"weight":1e999')),
    ("weight-underflows-to-zero.json", ix(b'"weight":1e-400')),
    ("weight-zero.json", ix(b'"weight":0')),
    ("weight-negative.json", ix(b'"weight":-1')),
    ("weight-string.json", ix(b'"weight":"1"')),
    ("weight-bool.json", ix(b'"weight":true')),
    ("time-overflows.json", ix(b'"time":1e999')),
    # -- the shape of the document
    ("people-object.json", b'{"people":{"id":"a"}}'),
    ("people-null.json", b'{"people":null}'),
    ("interactions-string.json", b'{"interactions":"none"}'),
    ("person-string.json", b'{"people":["a"]}'),
    ("interaction-array.json", b'{"interactions":[["a","b"]]}'),
    ("duplicate-top-level-key.json", b'{"people":[],"people":[]}'),
    ("nested-too-deep.json", person(b'"id":"a","extra":' + b"[" * 600 + b"]" * 600)),
    ("nested-too-deep-unclosed.json", b'{"extra":' + b"[" * 100000),
    # -- people
    ("person-without-id.json", person(b'"team":"t"')),
    ("person-empty-id.json", person(b'"id":""')),
    ("person-numeric-id.json", person(b'"id":17')),
    ("person-null-id.json", person(b'"id":null')),
    ("person-duplicate-member.json", person(b'"id":"a","id":"b"')),
    ("person-team-number.json", person(b'"id":"a","team":5')),
    ("person-group-array.json", person(b'"id":"a","group":[]')),
    ("duplicate-person.json", b'{"people":[{"id":"a"},{"id":"b"},{"id":"a"}]}'),
    ("id-too-long.json", person(b'"id":"' + b"x" * 5000 + b'"')),
    ("team-too-long.json", person(b'"id":"a","team":"' + "é".encode() * 2049 + b'"')),
    ("escaped-id-too-long.json", person(b'"id":"' + b"\\u00e9" * 2049 + b'"')),
    ("type-too-long.jsonl", b'{"from":"a","to":"b","type":"' + b"t" * 4097 + b'"}\n'),
    # -- interactions
    ("interaction-without-from.json", P + b'{"to":"b"}]}'),
    ("interaction-without-to.json", P + b'{"from":"a"}]}'),
    ("interaction-empty-to.json", P + b'{"from":"a","to":""}]}'),
    ("interaction-numeric-from.json", P + b'{"from":1,"to":"b"}]}'),
    ("interaction-type-number.json", ix(b'"type":3')),
    ("time-month-13.json", ix(b'"time":"2026-13-01T00:00:00Z"')),
    ("time-february-30.json", ix(b'"time":"2026-02-30T00:00:00Z"')),
    ("time-without-offset.json", ix(b'"time":"2026-03-01T09:30:00"')),
    ("time-date-only.json", ix(b'"time":"2026-03-01"')),
    ("time-bool.json", ix(b'"time":true')),
    ("time-object.json", ix(b'"time":{"s":1}')),
    ("error-in-later-row.json", b'{"interactions":[' + b'{"from":"a","to":"b"},' * 1233
     + b'{"from":"a","to":"b","weight":-2}]}'),
    # -- JSON Lines
    ("line-not-object.jsonl", b'{"id":"a"}\n[1,2]\n'),
    ("line-broken.jsonl", b'{"id":"a"}\n{"id":"b"}\n{"from":"a" "to":"b"}\n'),
    ("line-two-objects.jsonl", b'{"id":"a"} {"id":"b"}\n'),
    ("line-duplicate-person.jsonl", b'{"id":"a"}\n{"id":"a"}\n'),
    ("line-bad-weight.jsonl", b'{"from":"a","to":"b"}\n\n{"from":"a","to":"b","weight":0}\n'),
    ("line-without-id-or-from.jsonl", b'{"id":"a"}\n{"team":"t"}\n'),
    ("line-document.jsonl", b'{"from":"a","to":"b"}\n{"people":[{"id":"a"}]}\n'),
]


def zipped(files):
    """A zip archive of {name: bytes}, deterministic."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 3, 6, 12, 0, 0)), data)
    return buf.getvalue()


C = b"from,to,time,type,weight\r\n"
P2P = (b"PrimaryCollaborator_PersonId,SecondaryCollaborator_PersonId,MetricDate,"
       b"PrimaryCollaborator_Organization,SecondaryCollaborator_Organization\r\n")
USERS = b'[{"id":"U1"},{"id":"U2"}]'
CHANNELS = b'[{"id":"C1","name":"general"}]'
DAY = "general/2026-03-02.json"


def slack(day=b'[{"user":"U1","text":"<@U2>","ts":"1772442000.000100"}]', users=USERS,
          channels=CHANNELS):
    files = {"users.json": users, "channels.json": channels, DAY: day}
    return zipped({k: v for k, v in files.items() if v is not None})


ENGAGE_USERS = b"id,name,department\r\n1,Ann,Beleid\r\n2,Bob,Data\r\n"
MESSAGES = b"id,replied_to_id,sender_id,body,created_at,deleted_at\r\n"


def engage(messages, users=ENGAGE_USERS):
    return zipped({"Users.csv": users, "Messages.csv": messages})


def size_lie(archive):
    """The archive with its first entry's size in the central directory
    made about 4 GB (the data stays a few bytes)."""
    at = archive.index(b"PK\x01\x02") + 24  # the uncompressed size field
    return archive[:at] + b"\xf0\xff\xff\xff" + archive[at + 4:]


# The other forms (SPEC 8): CSV, Viva Insights, Slack and Viva Engage
# exports, the last two as zip archives.
CASES += [
    ("csv-unclosed-quote.csv", C + b'a,b,1,"reply,1\r\nb,a,2,message,1\r\n'),
    ("csv-text-after-quote.csv", C + b'a,b,1,"reply"x,1\r\n'),
    ("csv-field-count.csv", C + b"a,b,1,reply,1\r\nb,a,2,reply\r\n"),
    ("csv-bad-time.csv", C + b"a,b,2026-03-01T25:00:00Z,reply,1\r\n"),
    ("csv-time-without-zone.csv", C + b"a,b,2026-03-01 09:30:00,reply,1\r\n"),
    ("csv-bad-weight.csv", C + b"a,b,1,reply,heavy\r\n"),
    ("csv-zero-weight.csv", C + b"a,b,1,reply,0\r\n"),
    ("csv-empty-from.csv", C + b",b,1,reply,1\r\n"),
    ("csv-invalid-utf8.csv", C + b"a,\xff\xfe\xfd,1,reply,1\r\n"),
    ("csv-nul-in-field.csv", C + b"a,b,1,re\x00ply,1\r\n"),
    ("csv-header-only.csv", C),
    ("csv-no-to-column.csv", b"from,recipient\r\na,b\r\n"),
    ("csv-semicolons.csv", b"from;to;time\r\na;b;1\r\n"),
    ("csv-id-too-long.csv", C + b"a," + b"b" * 4097 + b",1,reply,1\r\n"),
    ("p2p-bad-date.csv", P2P + b"p1,p2,13/45/2026,Finance,Sales\r\n"),
    ("p2p-empty-secondary.csv", P2P + b"p1,,3/1/2026,Finance,Sales\r\n"),
    ("p2p-header-only.csv", P2P),
    ("zip-garbage.zip", b"PK\x03\x04" + b"\x00" * 40),
    ("zip-neither.zip", zipped({"notes.txt": b"hello"})),
    ("zip-size-lie.zip", size_lie(engage(MESSAGES + b"10,,1,Hi,2026-03-02 09:00:00 UTC,\r\n"))),
    ("slack-users-not-array.zip", slack(users=b'{"id":"U1"}')),
    ("slack-user-without-id.zip", slack(users=b'[{"name":"ann"}]')),
    ("slack-duplicate-user.zip", slack(users=b'[{"id":"U1"},{"id":"U1"}]')),
    ("slack-channel-without-name.zip", slack(channels=b'[{"id":"C1"}]')),
    ("slack-broken-day.zip", slack(day=b'[{"user":"U1","ts":"1772442000.1",}]')),
    ("slack-bad-ts.zip", slack(day=b'[{"user":"U1","text":"<@U2>","ts":"yesterday"}]')),
    ("slack-user-number.zip", slack(day=b'[{"user":7,"text":"<@U2>","ts":"1"}]')),
    ("slack-message-without-ts.zip", slack(day=b'[{"user":"U1","text":"<@U2>"}]')),
    ("slack-no-interactions.zip", slack(day=b'[{"user":"U1","text":"hello","ts":"1"}]')),
    ("engage-no-messages.zip", zipped({"Users.csv": ENGAGE_USERS})),
    ("engage-bad-created-at.zip", engage(MESSAGES + b"10,,1,Hi,2026-03-02 09:00:00 UTC,\r\n"
                                         b"11,10,2,Re,yesterday,\r\n")),
    ("engage-no-sender-column.zip", engage(b"id,replied_to_id,created_at\r\n10,,2026\r\n")),
    ("engage-empty-sender.zip", engage(MESSAGES + b"10,,1,Hi,2026-03-02 09:00:00 UTC,\r\n"
                                       b"11,10,,Re,2026-03-02 10:00:00 UTC,\r\n")),
    ("engage-duplicate-user.zip", engage(MESSAGES, users=ENGAGE_USERS + b"1,Ann again,X\r\n")),
    ("engage-no-replies.zip", engage(MESSAGES + b"10,,1,Hi,2026-03-02 09:00:00 UTC,\r\n")),
]


def main():
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
    os.makedirs(here, exist_ok=True)
    names = [name for name, _ in CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    for name, data in CASES:
        with open(os.path.join(here, name), "wb") as f:
            f.write(data)
    print(f"{len(CASES)} cases in {here}")


if __name__ == "__main__":
    main()
