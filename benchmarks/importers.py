#!/usr/bin/python3
"""Benchmarks of issue 11: reading the platform forms (SPEC 8), one table.

    benchmarks/importers.py [--only tokenizer,csv,p2p,slack,engage,json]
                            [--repeat 3] [--data /work/bench-data] [--seed 1]
                            [--library PATH] [--venv /work/bench-venv]
                            [--csv-rows N] [--json OUT] [--generate-only]

Workloads (generated, seeded, into the data folder; reused when the
.meta.json sidecar beside them matches the generator's parameters):

  csv      interactions-20M.csv: a plain CSV of interactions (from, to, time,
           type, weight), 20M rows, about 1 GB: ids "p-012345" of 1M people
           with heavy-tailed activity (lognormal), 70 % of targets in the
           sender's team of 12, RFC 3339 times (Z, +01:00, milliseconds),
           types with 2 % quoted values holding a comma ("meeting, 1:1"),
           weights 1, 2, 3, 0.5, 1.5; 0.1 % self-interactions
  p2p      viva-p2p-100k.csv: a Viva Insights person-to-person query, 100k
           people (GUIDs) x 26 weekly MetricDate (US dates, 1/5/2025), about
           1.2 collaborator rows per person and week (3.1M rows), the metric
           and HR columns of a real query (Organization with commas quoted)
  slack    slack-500x200/ and slack-500x200.zip: a Slack export of 20k users
           (40 bots), 500 channels x 200 day files (100,000 files) of 5-20
           messages each, pretty-printed as Slack writes them (4 spaces,
           "\\/" in URLs, \\u escapes), with user_profile and blocks, thread
           parents and replies (30 % of the replies without parent_user_id),
           thread broadcasts, mentions, reactions, joins and bot posts; the
           zip deflated by Python's zipfile, with one top folder as Slack's
  engage   viva-engage-2M/: a Viva Engage export, Users.csv of 50k users
           and Messages.csv of 2M messages (60 % replies, bodies with commas,
           doubled quotes and line ends, 1 % deleted, 2 % senders not in
           Users.csv)
  json     M.json of benchmarks/generate.py (100k people, 2M interactions),
           the JSON reader for reference
  tokenizer  benchmarks/csv_tokenizer.c (built here with cc against
           lib/csv.c, lib/errors.c and -lcsv) over bench.csv when present,
           the interactions CSV, the P2P query and Messages.csv: lib/csv.c's
           scanner against libcsv, and a memchr pass over the bytes

Every measurement runs alone in its own child process (this script with
--child): the child imports what it needs, then times only the reading with
time.perf_counter() and time.process_time() (CPU of all its threads), and
reports what it read (rows, people, interactions) on stdout as JSON; the
parent takes the child's peak memory (ru_maxrss) from os.wait4. The
library is champions.load(path) of the Python binding: one C call
(champ_network_read), so the time is the C reader's. Peers run in the venv
(--venv) when they need pyarrow, polars or orjson, else in /usr/bin/python3.
Medians of --repeat runs (the rounds are interleaved: every tool once, then
again); ratios are peer / champions. Before the runs the inputs are read
once (untimed) so that they are in the page cache.

The library is copied to a temporary folder at the start (the build may
change while the benchmark runs); its SHA-256 prefix is in the output.
"""

import argparse
import datetime as dt
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from generate import digits, rfc3339  # noqa: E402  (the generators' ASCII columns)
PY = "/usr/bin/python3"
GENERATOR_VERSION = 1
ALL = ("tokenizer", "csv", "p2p", "slack", "engage", "json")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ====================================================================== data


def read_meta(path):
    try:
        with open(path + ".meta.json") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def write_meta(path, meta):
    with open(path + ".meta.json", "w") as f:
        json.dump(meta, f, indent=1)
        f.write("\n")


def prepared(path, params):
    """The sidecar of `path` when it was made with these parameters."""
    meta = read_meta(path)
    if meta and os.path.exists(path) and all(meta.get(k) == v for k, v in params.items()):
        return meta
    return None


def padded(strings):
    import numpy as np
    width = max(len(s) for s in strings)
    return np.array(strings, dtype="S%d" % width).view(np.uint8).reshape(len(strings), width)


YEAR_START = 1735689600          # 2025-01-01T00:00:00Z
YEAR = 365 * 86400


# ---------------------------------------------------------------- plain CSV

CSV_TYPES = [b"message", b"reply", b"reaction", b"mention", b'"meeting, 1:1"',
             b'"call, video"']
CSV_TYPE_P = [0.50, 0.25, 0.13, 0.10, 0.01, 0.01]
CSV_WEIGHTS = [b"1", b"2", b"0.5", b"1.5", b"3"]
CSV_WEIGHT_P = [0.85, 0.07, 0.04, 0.02, 0.02]
CSV_CHUNK = 1_000_000


def gen_csv(path, rows, people, seed):
    """The plain CSV of interactions, written a chunk of 1M rows at a time
    (each a NUL-padded byte matrix whose NULs are squeezed out)."""
    import numpy as np
    ss = np.random.SeedSequence([seed, 11, 1])
    org_ss, chunk_ss = ss.spawn(2)
    rng = np.random.default_rng(org_ss)
    z = rng.standard_normal(people)
    act_cdf = np.cumsum(np.exp(1.1 * z))
    pop_cdf = np.cumsum(np.exp(0.6 * (0.6 * z + 0.8 * rng.standard_normal(people))))
    ids = np.empty((people, 8), dtype=np.uint8)           # "p-012345", random order
    ids[:, 0:2] = np.frombuffer(b"p-", dtype=np.uint8)
    ids[:, 2:] = digits(rng.permutation(people), 6)
    types, weights = padded(CSV_TYPES), padded(CSV_WEIGHTS)
    chunks = -(-rows // CSV_CHUNK)
    seen = np.zeros(people, dtype=bool)
    self_rows = 0
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(b"from,to,time,type,weight\n")
        for k, cs in enumerate(chunk_ss.spawn(chunks)):
            r = np.random.default_rng(cs)
            n = min(CSV_CHUNK, rows - k * CSV_CHUNK)
            src = np.minimum(np.searchsorted(act_cdf, r.random(n) * act_cdf[-1]), people - 1)
            team = src // 12
            local = r.random(n) < 0.7
            dst = np.where(local, np.minimum(team * 12 + r.integers(0, 12, n), people - 1),
                           np.minimum(np.searchsorted(pop_cdf, r.random(n) * pop_cdf[-1]),
                                      people - 1))
            same = dst == src
            dst[same] = (dst[same] + 1) % people
            selfm = r.random(n) < 0.001
            dst[selfm] = src[selfm]
            self_rows += int(selfm.sum())
            seen[src[~selfm]] = True        # a self-interaction alone adds no one
            seen[dst[~selfm]] = True
            t0 = YEAR_START + YEAR * k // chunks
            t1 = YEAR_START + YEAR * (k + 1) // chunks
            t = np.sort(r.integers(t0, t1, n))
            fmt = r.choice(3, size=n, p=[0.85, 0.10, 0.05])   # Z, +01:00, .mmmZ
            tv = np.zeros((n, 25), dtype=np.uint8)
            m = fmt == 0
            tv[m, :19] = rfc3339(t[m], 0)
            tv[m, 19] = ord("Z")
            m = fmt == 1
            tv[m, :19] = rfc3339(t[m], 1)
            tv[m, 19:25] = np.frombuffer(b"+01:00", dtype=np.uint8)
            m = fmt == 2
            tv[m, :19] = rfc3339(t[m], 0)
            tv[m, 19] = ord(".")
            tv[m, 20:23] = digits(r.integers(0, 1000, int(m.sum())), 3)
            tv[m, 23] = ord("Z")
            comma = np.full((n, 1), ord(","), dtype=np.uint8)
            parts = [ids[src], comma, ids[dst], comma, tv, comma,
                     types[r.choice(len(CSV_TYPES), size=n, p=CSV_TYPE_P)], comma,
                     weights[r.choice(len(CSV_WEIGHTS), size=n, p=CSV_WEIGHT_P)],
                     np.full((n, 1), ord("\n"), dtype=np.uint8)]
            mat = np.concatenate(parts, axis=1).ravel()
            f.write(mat[mat != 0].tobytes())
    os.replace(tmp, path)
    return {"rows": rows, "self_rows": self_rows, "people_seen": int(seen.sum())}


# ---------------------------------------------------------------- Viva Insights P2P

P2P_HEADER = ("PrimaryCollaborator_PersonId,SecondaryCollaborator_PersonId,MetricDate,"
              "Diverse_tie_score,Diverse_tie_type,Strong_tie_score,Strong_tie_type,"
              "PrimaryCollaborator_Organization,SecondaryCollaborator_Organization,"
              "PrimaryCollaborator_LevelDesignation,SecondaryCollaborator_LevelDesignation,"
              "PrimaryCollaborator_FunctionType,SecondaryCollaborator_FunctionType\n")
LEVELS = ["Junior IC", "Senior IC", "Manager", "Senior Manager", "Director", "Executive"]
FUNCTIONS = ["Finance", "Sales", "Engineering", "HR", "Marketing", "Operations", "Legal",
             "Research", "Support", "IT"]
REGIONS = ["EMEA", "APAC", "Americas"]


def gen_p2p(path, people, weeks, per_week, seed):
    """A Viva Insights person-to-person query: for each week, each person
    with Poisson(per_week) collaborators (70 % in their team of 12)."""
    import uuid

    import numpy as np
    rng = np.random.default_rng(np.random.SeedSequence([seed, 11, 2]))
    guid = [str(uuid.UUID(bytes=rng.bytes(16), version=4)) for _ in range(people)]
    orgs = []
    for i in range(300):
        name = "%s %03d" % (FUNCTIONS[i % len(FUNCTIONS)], i)
        orgs.append('"%s, %s"' % (name, REGIONS[i % 3]) if i % 4 == 0 else name)
    team = np.arange(people) // 12
    org = rng.integers(0, len(orgs), people // 12 + 1)[team]
    level = rng.choice(len(LEVELS), people, p=[0.35, 0.3, 0.2, 0.08, 0.05, 0.02])
    func = org % len(FUNCTIONS)
    z = rng.standard_normal(people)
    act = np.exp(0.8 * z)
    act_p = act / act.sum()
    rows = 0
    first = dt.date(2025, 1, 5)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(P2P_HEADER)
        for w in range(weeks):
            day = first + dt.timedelta(weeks=w)
            date = "%d/%d/%d" % (day.month, day.day, day.year)
            moved = rng.random(people) < 0.003              # some people change team
            org[moved] = rng.integers(0, len(orgs), int(moved.sum()))
            n = rng.poisson(per_week * people)
            src = rng.choice(people, n, p=act_p)
            local = rng.random(n) < 0.7
            dst = np.where(local, np.minimum(team[src] * 12 + rng.integers(0, 12, n), people - 1),
                           rng.integers(0, people, n))
            same = dst == src
            dst[same] = (dst[same] + 1) % people
            dscore = np.round(rng.gamma(1.5, 0.4, n), 2)
            sscore = np.round(rng.gamma(1.2, 0.7, n), 2)
            dtype_ = np.where(dscore > 0.6, "Diverse", "None")
            stype = np.where(sscore > 1.0, "Strong", np.where(sscore > 0.3, "Weak", "None"))
            out = []
            for i in range(n):
                s, d = src[i], dst[i]
                out.append(f"{guid[s]},{guid[d]},{date},{dscore[i]},{dtype_[i]},{sscore[i]},"
                           f"{stype[i]},{orgs[org[s]]},{orgs[org[d]]},{LEVELS[level[s]]},"
                           f"{LEVELS[level[d]]},{FUNCTIONS[func[s]]},{FUNCTIONS[func[d]]}\n")
            f.write("".join(out))
            rows += n
    os.replace(tmp, path)
    return {"rows": rows, "self_rows": 0}


# ---------------------------------------------------------------- Slack

WORDS = ("the budget draft figures check review deploy staging release notes meeting "
         "tomorrow today please thanks agreed update ticket customer design doc plan "
         "question answer quick sync later done fixed broken test build pipeline metrics "
         "dashboard report week sprint goal roadmap launch team lunch coffee call slides "
         "numbers data query sample bug issue merge branch approve comment feedback idea "
         "café résumé naïve über").split()
EMOJI = ["+1", "eyes", "tada", "pray", "white_check_mark", "heart", "joy", "rocket",
         "raised_hands", "100", "fire", "thinking_face"]
FIRST = ["Ann", "Bob", "Cem", "Dia", "Eva", "Femke", "Gert", "Hana", "Ivo", "Jorge", "Kim",
         "Lena", "Mo", "Noor", "Olu", "Piet", "Qing", "Rosa", "Sven", "Tess", "Umar", "Vera",
         "Wim", "Xu", "Yara", "Zoë"]
LAST = ["Jansen", "de Vries", "Yılmaz", "Müller", "Bakker", "Visser", "Smit", "Meijer",
        "de Boer", "Mulder", "Dekker", "Bos", "Vos", "Peters", "Hendriks", "O'Neill"]


def js(s):
    """A JSON string as Slack writes it: \\u escapes and "\\/" for "/"."""
    return json.dumps(s).replace("/", "\\/")


def slack_id(rng_int, prefix):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    out = []
    x = int(rng_int)
    for _ in range(10):
        out.append(alphabet[x % 36])
        x //= 36
    return prefix + "".join(out)


def gen_slack(folder, zip_path, users, bots, channels, days, seed):
    """A Slack workspace export: users.json, channels.json and 500 channel
    folders of day files, pretty-printed as Slack does; then the zip."""
    import random

    import numpy as np
    rng = np.random.default_rng(np.random.SeedSequence([seed, 11, 3]))
    R = random.Random(seed * 1000 + 113)
    top = os.path.basename(folder)
    tmp = folder + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    uid = []
    taken = set()
    while len(uid) < users:
        u = slack_id(rng.integers(0, 36 ** 10), "U0")[:11]
        if u not in taken:
            taken.add(u)
            uid.append(u)
    is_bot = np.zeros(users, dtype=bool)
    is_bot[rng.choice(users, bots, replace=False)] = True
    names = [(FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)]) for i in range(users)]
    ulines = []
    for i, u in enumerate(uid):
        first, last = names[i]
        real = "%s %s" % (first, last)
        handle = "%s.%s%d" % (first.lower(), last.lower().replace(" ", ""), i)
        avatar = "%012x" % R.getrandbits(48)
        if is_bot[i]:
            ulines.append(
                '    {\n        "id": %s,\n        "team_id": "T0WORK",\n        "name": %s,\n'
                '        "deleted": false,\n        "profile": {\n            "bot_id": %s,\n'
                '            "real_name": %s,\n            "image_72": %s\n        },\n'
                '        "is_bot": true,\n        "is_app_user": false,\n        "updated": %d\n    }'
                % (js(u), js("bot-%d" % i), js("B" + u[1:]), js("Bot %d" % i),
                   js("https://avatars.slack-edge.com/2025-01-01/%s_72.png" % avatar),
                   1735000000 + i))
            continue
        ulines.append(
            '    {\n        "id": %s,\n        "team_id": "T0WORK",\n        "name": %s,\n'
            '        "deleted": %s,\n        "color": "9f69e7",\n        "real_name": %s,\n'
            '        "tz": "Europe\\/Amsterdam",\n        "tz_label": "Central European Time",\n'
            '        "tz_offset": 3600,\n        "profile": {\n            "title": %s,\n'
            '            "phone": "",\n            "skype": "",\n            "real_name": %s,\n'
            '            "real_name_normalized": %s,\n            "display_name": %s,\n'
            '            "status_text": "",\n            "status_emoji": "",\n'
            '            "avatar_hash": "%s",\n            "email": %s,\n'
            '            "image_72": %s,\n            "first_name": %s,\n'
            '            "last_name": %s,\n            "team": "T0WORK"\n        },\n'
            '        "is_admin": %s,\n        "is_owner": false,\n        "is_primary_owner": false,\n'
            '        "is_restricted": false,\n        "is_ultra_restricted": false,\n'
            '        "is_bot": false,\n        "is_app_user": false,\n        "updated": %d,\n'
            '        "is_email_confirmed": true\n    }'
            % (js(u), js(handle), "true" if i % 97 == 0 else "false", js(real),
               js(FUNCTIONS[i % len(FUNCTIONS)] + " " + LEVELS[i % len(LEVELS)]), js(real),
               js(real), js(handle), avatar, js(handle + "@example.org"),
               js("https://secure.gravatar.com/avatar/%s.jpg?s=72&d=https://a.slack-edge.com/df10d/img/avatars/ava_0001-72.png" % avatar),
               js(first), js(last), "true" if i % 500 == 0 else "false", 1735000000 + i))
    ulines.append('    {\n        "id": "USLACKBOT",\n        "team_id": "T0WORK",\n'
                  '        "name": "slackbot",\n        "real_name": "Slackbot",\n'
                  '        "is_bot": false\n    }')
    with open(os.path.join(tmp, "users.json"), "w") as f:
        f.write("[\n" + ",\n".join(ulines) + "\n]")
    humans = np.flatnonzero(~is_bot)
    bot_ids = np.flatnonzero(is_bot)
    act = np.exp(1.0 * rng.standard_normal(len(humans)))
    # channels: members drawn by activity, sizes heavy-tailed
    chans = []
    clines = []
    for c in range(channels):
        size = int(min(len(humans), max(3, rng.lognormal(np.log(25), 0.9))))
        members = humans[rng.choice(len(humans), size, replace=False, p=act / act.sum())]
        name = "ch-%03d-%s" % (c, WORDS[c % len(WORDS)].encode("ascii", "ignore").decode() or "x")
        chans.append((name, members))
        clines.append('    {\n        "id": %s,\n        "name": %s,\n        "created": %d,\n'
                      '        "creator": %s,\n        "is_archived": false,\n'
                      '        "is_general": %s,\n        "members": [\n%s\n        ],\n'
                      '        "topic": {\n            "value": "",\n            "creator": "",\n'
                      '            "last_set": 0\n        },\n        "purpose": {\n'
                      '            "value": %s,\n            "creator": %s,\n'
                      '            "last_set": 1735000000\n        }\n    }'
                      % (js(slack_id(c * 7919 + 13, "C0")[:11]), js(name), 1735000000 + c,
                         js(uid[members[0]]), "true" if c == 0 else "false",
                         ",\n".join("            " + js(uid[m]) for m in members),
                         js("Talk about %s, %s" % (WORDS[c % 40], WORDS[(c * 7) % 40])),
                         js(uid[members[0]])))
    with open(os.path.join(tmp, "channels.json"), "w") as f:
        f.write("[\n" + ",\n".join(clines) + "\n]")
    with open(os.path.join(tmp, "integration_logs.json"), "w") as f:
        f.write("[]")
    # day files: `days` weekdays of 2025 per channel (each its own run of dates)
    weekdays = [dt.date(2025, 1, 1) + dt.timedelta(d) for d in range(365)]
    weekdays = [d for d in weekdays if d.weekday() < 5]
    files = messages = 0
    msg_bytes = 0
    for c, (name, members) in enumerate(chans):
        os.makedirs(os.path.join(tmp, name))
        start = int(rng.integers(0, len(weekdays) - days + 1))
        mact = act[np.searchsorted(humans, members)]
        mp = mact / mact.sum()
        for d in weekdays[start:start + days]:
            n = int(rng.integers(5, 21))
            base = int(dt.datetime(d.year, d.month, d.day, 7, tzinfo=dt.timezone.utc).timestamp())
            secs = np.sort(rng.integers(0, 11 * 3600, n))
            authors = members[rng.choice(len(members), n, p=mp)]
            msgs = []
            parents = []                    # (ts, author) of this file's threads
            for j in range(n):
                ts = "%d.%06d" % (base + int(secs[j]), R.randrange(1000000))
                roll = R.random()
                if roll < 0.02:             # a join
                    u = uid[authors[j]]
                    msgs.append('    {\n        "type": "message",\n        "subtype": "channel_join",\n'
                                '        "ts": "%s",\n        "user": %s,\n        "text": %s\n    }'
                                % (ts, js(u), js("<@%s> has joined the channel" % u)))
                    continue
                if roll < 0.05:             # an integration's post: no user
                    msgs.append('    {\n        "type": "message",\n        "subtype": "bot_message",\n'
                                '        "text": %s,\n        "ts": "%s",\n        "username": "deploybot",\n'
                                '        "bot_id": "B0DEPLOY01",\n        "icons": {\n'
                                '            "image_48": "https:\\/\\/a.slack-edge.com\\/bot_48.png"\n        }\n    }'
                                % (js("Deployed build %d to staging" % R.randrange(10000)), ts))
                    continue
                author = uid[authors[j]] if roll >= 0.07 else uid[bot_ids[R.randrange(len(bot_ids))]]
                words = R.choices(WORDS, k=R.randrange(3, 40))
                mentioned = []
                if R.random() < 0.15:
                    for _ in range(R.choice((1, 1, 1, 2, 3))):
                        if R.random() < 0.005:
                            m = slack_id(R.randrange(36 ** 10), "U9")[:11]   # another workspace
                        else:
                            m = uid[members[R.randrange(len(members))]]
                        mentioned.append(m)
                        words.insert(R.randrange(len(words) + 1),
                                     "<@%s>" % m if R.random() < 0.8 else "<@%s|%s>" % (m, "someone"))
                if R.random() < 0.08:
                    words.append("<https://example.org/docs/%d|the doc>" % R.randrange(10000))
                text = " ".join(words)
                fields = ['        "client_msg_id": "%08x-%04x-4%03x-a%03x-%012x"'
                          % (R.getrandbits(32), R.getrandbits(16), R.getrandbits(12),
                             R.getrandbits(12), R.getrandbits(48)),
                          '        "type": "message"', '        "text": %s' % js(text),
                          '        "user": %s' % js(author), '        "ts": "%s"' % ts]
                sub = None
                if parents and R.random() < 0.35:           # a thread reply
                    pts, pauthor = parents[R.randrange(len(parents))]
                    fields.append('        "thread_ts": "%s"' % pts)
                    if R.random() < 0.7:
                        fields.append('        "parent_user_id": %s' % js(pauthor))
                    if R.random() < 0.03:
                        sub = "thread_broadcast"
                elif R.random() < 0.25:                     # a thread parent
                    parents.append((ts, author))
                    fields.append('        "thread_ts": "%s"' % ts)
                    fields.append('        "reply_count": %d' % R.randrange(1, 6))
                    fields.append('        "latest_reply": "%s"' % ts)
                if sub:
                    fields.insert(1, '        "subtype": "%s"' % sub)
                fields += ['        "team": "T0WORK"', '        "user_team": "T0WORK"',
                           '        "source_team": "T0WORK"']
                if R.random() < 0.6:
                    fields.append('        "user_profile": {\n            "avatar_hash": "g%011x",\n'
                                  '            "image_72": "https:\\/\\/secure.gravatar.com\\/avatar\\/%032x.jpg?s=72",\n'
                                  '            "first_name": "Ann",\n            "real_name": "Ann Jansen",\n'
                                  '            "display_name": "ann",\n            "team": "T0WORK",\n'
                                  '            "name": "ann.jansen",\n            "is_restricted": false,\n'
                                  '            "is_ultra_restricted": false\n        }'
                                  % (R.getrandbits(44), R.getrandbits(128)))
                if R.random() < 0.5:
                    elems = ['                            {\n                                "type": "user",\n'
                             '                                "user_id": %s\n                            }' % js(m)
                             for m in mentioned]
                    elems.append('                            {\n                                "type": "text",\n'
                                 '                                "text": %s\n                            }'
                                 % js(" ".join(w for w in words if not w.startswith("<"))))
                    fields.append('        "blocks": [\n            {\n                "type": "rich_text",\n'
                                  '                "block_id": "%05x",\n                "elements": [\n'
                                  '                    {\n                        "type": "rich_text_section",\n'
                                  '                        "elements": [\n%s\n                        ]\n'
                                  '                    }\n                ]\n            }\n        ]'
                                  % (R.getrandbits(20), ",\n".join(elems)))
                if R.random() < 0.25:
                    reactions = []
                    for e in R.sample(EMOJI, R.choice((1, 1, 1, 2, 2, 3))):
                        who = {uid[members[R.randrange(len(members))]]
                               for _ in range(R.choice((1, 1, 1, 2, 3, 5)))}
                        reactions.append('            {\n                "name": "%s",\n'
                                         '                "users": [\n%s\n                ],\n'
                                         '                "count": %d\n            }'
                                         % (e, ",\n".join("                    " + js(w) for w in sorted(who)),
                                            len(who)))
                    fields.append('        "reactions": [\n%s\n        ]' % ",\n".join(reactions))
                msgs.append("    {\n" + ",\n".join(fields) + "\n    }")
            body = "[\n" + ",\n".join(msgs) + "\n]"
            with open(os.path.join(tmp, name, d.isoformat() + ".json"), "w") as f:
                f.write(body)
            files += 1
            messages += n
            msg_bytes += len(body)
    if os.path.exists(folder):
        shutil.rmtree(folder)
    os.replace(tmp, folder)
    # the zip: one top folder, as Slack hands it out
    ztmp = zip_path + ".tmp"
    entries = 0
    with zipfile.ZipFile(ztmp, "w", zipfile.ZIP_DEFLATED) as z:
        for root, dirs, names in os.walk(folder):
            dirs.sort()
            for nm in sorted(names):
                p = os.path.join(root, nm)
                rel = os.path.relpath(p, folder)
                info = zipfile.ZipInfo(top + "/" + rel, date_time=(2026, 1, 2, 12, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                with open(p, "rb") as f:
                    z.writestr(info, f.read())
                entries += 1
    os.replace(ztmp, zip_path)
    return {"day_files": files, "messages": messages, "day_bytes": msg_bytes, "entries": entries,
            "folder_bytes": tree_bytes(folder)}


def tree_bytes(folder):
    total = 0
    for root, _, names in os.walk(folder):
        for nm in names:
            total += os.path.getsize(os.path.join(root, nm))
    return total


def tree_files(folder):
    return sum(len(names) for _, _, names in os.walk(folder))


# ---------------------------------------------------------------- Viva Engage

MSG_HEADER = ["id", "replied_to_id", "thread_id", "conversation_id", "group_id", "group_name",
              "participants", "in_private_group", "in_private_conversation", "sender_id",
              "sender_type", "sender_name", "sender_email", "body", "api_url", "attachments",
              "deleted_by_id", "deleted_by_type", "created_at", "deleted_at"]
USER_HEADER = ["id", "name", "email", "job_title", "location", "department", "api_url",
               "joined_at", "deleted_by_id", "deleted_by_type", "state", "deleted_at",
               "suspended_by_id", "suspended_by_type", "suspended_at", "guest", "verified_admin",
               "supervisor_admin", "can_delete_messages"]
TOWNS = ["Den Haag", "Utrecht", "Amsterdam", "Rotterdam", "Groningen", "Eindhoven"]


def gen_engage(folder, users, messages, seed):
    import csv
    import random

    import numpy as np
    rng = np.random.default_rng(np.random.SeedSequence([seed, 11, 4]))
    R = random.Random(seed * 1000 + 114)
    tmp = folder + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    depts = ["Beleid %d" % i for i in range(120)] + ['Data, Onderzoek & Statistiek %d' % i
                                                     for i in range(30)]
    uids = [1500000001 + i for i in range(users)]
    udept = rng.integers(0, len(depts), users)
    with open(os.path.join(tmp, "Users.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(USER_HEADER)
        for i, u in enumerate(uids):
            name = "%s %s" % (FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)])
            email = "user%d@example.org" % i
            deleted = i % 200 == 7
            w.writerow([u, name, email, FUNCTIONS[i % len(FUNCTIONS)] + " advisor",
                        TOWNS[i % len(TOWNS)], depts[udept[i]] if i % 50 else "",
                        "https://www.yammer.com/api/v1/users/%d" % u,
                        "2024-05-01 08:00:00 UTC", 1500000001 if deleted else "",
                        "user" if deleted else "", "soft_delete" if deleted else "active",
                        "2025-01-01 00:00:00 UTC" if deleted else "", "", "", "", "false",
                        "false", "false", "false"])
    groups = [(88001 + g, "Groep %d%s" % (g, ", intern" if g % 5 == 0 else ""))
              for g in range(400)]
    act = np.exp(1.1 * rng.standard_normal(users))
    senders = rng.choice(users, messages, p=act / act.sum())
    external = rng.random(messages) < 0.02
    times = YEAR_START + np.sort(rng.integers(0, YEAR, messages))
    group_of = rng.integers(0, len(groups), messages)
    sender_of = {}
    thread_of = {}
    recent = []                         # recent message ids, to reply to
    rows = replies = 0
    with open(os.path.join(tmp, "Messages.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(MSG_HEADER)
        buf = []
        for i in range(messages):
            mid = 2700000001 + i
            sid = 1600000001 + i % 997 if external[i] else uids[senders[i]]
            if recent and R.random() < 0.6:
                parent = recent[-1 - min(len(recent) - 1, int(R.expovariate(1 / 200)))]
                thread, gi = thread_of[parent]
                replies += 1
            else:
                parent, thread, gi = "", mid, int(group_of[i])
            thread_of[mid] = (thread, gi)
            sender_of[mid] = sid
            recent.append(mid)
            if len(recent) > 20000:
                del recent[:10000]
            words = R.choices(WORDS, k=R.randrange(4, 45))
            if R.random() < 0.2:
                words.insert(R.randrange(len(words)), "wel,")
            if R.random() < 0.05:
                words.insert(R.randrange(len(words)), '"totaal"')
            if R.random() < 0.05:
                words.insert(R.randrange(len(words)), "\n")
            body = " ".join(words).replace(" \n ", "\n")
            private = R.random() < 0.05
            deleted = R.random() < 0.01
            created = dt.datetime.fromtimestamp(int(times[i]), dt.timezone.utc)
            gid, gname = groups[gi]
            buf.append([mid, parent, thread, mid if private else "", "" if private else gid,
                        "" if private else gname,
                        "user:%d,user:%d" % (sid, uids[(i * 7) % users]) if private else "",
                        "false", "true" if private else "false", sid, "user",
                        "Person %d" % (sid % 100000), "p%d@example.org" % sid, body,
                        "https://www.yammer.com/api/v1/messages/%d" % mid,
                        "uploadedfile:%d" % (mid + 5) if R.random() < 0.03 else "",
                        sid if deleted else "", "user" if deleted else "",
                        created.strftime("%Y-%m-%d %H:%M:%S UTC"),
                        (created + dt.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M:%S UTC")
                        if deleted else ""])
            rows += 1
            if len(buf) == 100000:
                w.writerows(buf)
                buf = []
        w.writerows(buf)
    if os.path.exists(folder):
        shutil.rmtree(folder)
    os.replace(tmp, folder)
    return {"messages": rows, "replies": replies, "users": users}


# ---------------------------------------------------------------- preparing

def prepare(form, a):
    """The input(s) of a form, generated when missing or stale: {name: path}
    and the generator's metadata."""
    d = a.data
    if form == "csv":
        path = os.path.join(d, "interactions-%dM.csv" % (a.csv_rows // 1_000_000))
        params = {"generator": "importers.py csv", "generator_version": GENERATOR_VERSION,
                  "seed": a.seed, "rows": a.csv_rows, "people": 1_000_000}
        meta = prepared(path, params)
        if not meta:
            log("generating %s ..." % path)
            t = time.perf_counter()
            meta = dict(params, **gen_csv(path, a.csv_rows, 1_000_000, a.seed))
            meta["bytes"] = os.path.getsize(path)
            write_meta(path, meta)
            log("  %.1f s, %.1f MB" % (time.perf_counter() - t, meta["bytes"] / 1e6))
        return {"csv": path}, meta
    if form == "p2p":
        path = os.path.join(d, "viva-p2p-100k.csv")
        params = {"generator": "importers.py p2p", "generator_version": GENERATOR_VERSION,
                  "seed": a.seed, "people": 100_000, "weeks": 26, "per_week": 1.2}
        meta = prepared(path, params)
        if not meta:
            log("generating %s ..." % path)
            t = time.perf_counter()
            meta = dict(params, **gen_p2p(path, 100_000, 26, 1.2, a.seed))
            meta["bytes"] = os.path.getsize(path)
            write_meta(path, meta)
            log("  %.1f s, %.1f MB" % (time.perf_counter() - t, meta["bytes"] / 1e6))
        return {"p2p": path}, meta
    if form == "slack":
        folder = os.path.join(d, "slack-500x200")
        zpath = folder + ".zip"
        params = {"generator": "importers.py slack", "generator_version": GENERATOR_VERSION,
                  "seed": a.seed, "users": 20_000, "bots": 40, "channels": 500, "days": 200}
        meta = prepared(folder, params)
        if not meta or not os.path.exists(zpath):
            log("generating %s and %s ..." % (folder, zpath))
            t = time.perf_counter()
            meta = dict(params, **gen_slack(folder, zpath, 20_000, 40, 500, 200, a.seed))
            meta["zip_bytes"] = os.path.getsize(zpath)
            write_meta(folder, meta)
            log("  %.1f s, folder %.1f MB, zip %.1f MB" % (
                time.perf_counter() - t, meta["folder_bytes"] / 1e6, meta["zip_bytes"] / 1e6))
        return {"slack": folder, "slack-zip": zpath}, meta
    if form == "engage":
        folder = os.path.join(d, "viva-engage-2M")
        params = {"generator": "importers.py engage", "generator_version": GENERATOR_VERSION,
                  "seed": a.seed, "users": 50_000, "messages": 2_000_000}
        meta = prepared(folder, params)
        if not meta:
            log("generating %s ..." % folder)
            t = time.perf_counter()
            meta = dict(params, **gen_engage(folder, 50_000, 2_000_000, a.seed))
            meta["folder_bytes"] = tree_bytes(folder)
            write_meta(folder, meta)
            log("  %.1f s, %.1f MB" % (time.perf_counter() - t, meta["folder_bytes"] / 1e6))
        return {"engage": folder}, meta
    if form == "json":
        path = os.path.join(d, "M.json")
        if not os.path.exists(path):
            log("generating %s (benchmarks/generate.py --size M) ..." % path)
            subprocess.run([PY, os.path.join(HERE, "generate.py"), "--size", "M", path],
                           check=True)
        return {"json": path}, read_meta(path) or {}
    raise ValueError(form)


def warm(path):
    """Read a file or a folder once, so that the timed runs find it cached."""
    if os.path.isdir(path):
        for root, _, names in os.walk(path):
            for nm in names:
                with open(os.path.join(root, nm), "rb") as f:
                    while f.read(1 << 24):
                        pass
    else:
        with open(path, "rb") as f:
            while f.read(1 << 24):
                pass


# ====================================================================== children


def child(tool, path):
    """Run in the child: read `path` with `tool`, print what was read."""
    import resource
    out = {}
    if tool in ("champions", "champions-tz"):
        sys.path.insert(0, os.path.join(REPO, "bindings", "python"))
        import champions

        def run():
            net = champions.load(path)
            return {"people": len(net), "interactions": net.interaction_count}
    elif tool in ("pandas-c", "pandas-pyarrow"):
        import pandas as pd
        engine = tool.split("-")[1]

        def run():
            if os.path.isdir(path):                  # Viva Engage: both tables
                m = pd.read_csv(os.path.join(path, "Messages.csv"), engine=engine)
                u = pd.read_csv(os.path.join(path, "Users.csv"), engine=engine)
                return {"rows": len(m), "users": len(u)}
            return {"rows": len(pd.read_csv(path, engine=engine))}
    elif tool == "polars":
        import polars as pl

        def run():
            if os.path.isdir(path):
                m = pl.read_csv(os.path.join(path, "Messages.csv"))
                u = pl.read_csv(os.path.join(path, "Users.csv"))
                return {"rows": m.height, "users": u.height}
            return {"rows": pl.read_csv(path).height}
    elif tool in ("reference", "reference-orjson"):
        sys.path.insert(0, os.path.join(REPO, "tests", "reference"))
        import importers as ref
        if tool == "reference-orjson":
            import types

            import orjson
            ref.json = types.SimpleNamespace(loads=orjson.loads)

        def run():
            if os.path.isdir(path) and os.path.exists(os.path.join(path, "users.json")):
                ex = ref.slack_export(path)
            elif os.path.isdir(path):
                ex = ref.engage_export(path)
            else:
                ex, _ = ref.p2p_export(path)
            inter = ex["interactions"]
            ids = {p["id"] for p in ex["people"]}
            ids.update(i["from"] for i in inter)
            ids.update(i["to"] for i in inter)
            selfs = sum(1 for i in inter if i["from"] == i["to"])
            return {"people": len(ids), "interactions": len(inter) - selfs, "self": selfs}
    else:
        raise SystemExit("unknown tool " + tool)
    ru0 = resource.getrusage(resource.RUSAGE_SELF)
    out["rss_before_kib"] = ru0.ru_maxrss
    c0, t0 = time.process_time(), time.perf_counter()
    result = run()
    out["seconds"] = time.perf_counter() - t0
    out["cpu_seconds"] = time.process_time() - c0
    ru1 = resource.getrusage(resource.RUSAGE_SELF)
    out["user_seconds"] = ru1.ru_utime - ru0.ru_utime
    out["sys_seconds"] = ru1.ru_stime - ru0.ru_stime
    out.update(result)
    sys.stdout.write(json.dumps(out) + "\n")
    sys.stdout.flush()
    os._exit(0)     # no teardown of what was read: freeing is not reading


def measure(cmd, env):
    """Run cmd once: its JSON report, wall time, peak RSS (MiB) and CPU."""
    out = tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, start_new_session=True)
    try:
        _, status, ru = os.wait4(proc.pid, 0)
    except BaseException:
        os.killpg(proc.pid, 9)
        os.wait4(proc.pid, 0)
        raise
    wall = time.perf_counter() - t0
    out.seek(0)
    err.seek(0)
    text = out.read().decode(errors="replace").strip().splitlines()
    code = os.waitstatus_to_exitcode(status)
    if code != 0 or not text:
        tail = err.read().decode(errors="replace").strip().splitlines()
        return {"status": "failed", "detail": "exit %d: %s" % (code, tail[-1] if tail else "")}
    r = json.loads(text[-1])
    r.update(status="ok", wall=wall, peak_mib=ru.ru_maxrss / 1024,
             child_cpu=ru.ru_utime + ru.ru_stime)
    return r


def median_of(runs):
    ok = [r for r in runs if r.get("status") == "ok"]
    if len(ok) < len(runs):
        return next(r for r in runs if r.get("status") != "ok")
    m = dict(ok[0])
    for k in ("seconds", "cpu_seconds", "user_seconds", "sys_seconds", "wall", "peak_mib",
              "child_cpu", "rss_before_kib"):
        if k in ok[0]:
            m[k] = statistics.median(r[k] for r in ok)
    m["all_seconds"] = [round(r["seconds"], 3) for r in ok]
    return m


# ====================================================================== the tokenizer


def build_tokenizer(bindir):
    exe = os.path.join(bindir, "csv_tokenizer")
    cmd = ["cc", "-std=c11", "-O2", "-g", "-D_DEFAULT_SOURCE",
           "-I" + os.path.join(REPO, "include"), "-I" + os.path.join(REPO, "build", "include"),
           os.path.join(HERE, "csv_tokenizer.c"), os.path.join(REPO, "lib", "csv.c"),
           os.path.join(REPO, "lib", "errors.c"), "-lcsv", "-o", exe]
    subprocess.run(cmd, check=True)
    return exe


def run_tokenizer(a, files, bindir, results):
    exe = build_tokenizer(bindir)
    for name, path in files:
        warm(path)
        runs = {m: [] for m in ("memchr", "ours", "libcsv")}
        for _ in range(a.repeat):
            for m in runs:
                p = subprocess.run([exe, m, path], capture_output=True, text=True)
                if p.returncode:
                    raise SystemExit("csv_tokenizer %s %s: %s" % (m, path, p.stderr))
                runs[m].append(json.loads(p.stdout))
        row = {"file": name, "path": path, "bytes": os.path.getsize(path)}
        for m, rs in runs.items():
            row[m] = {"mb_per_s": statistics.median(r["mb_per_s"] for r in rs),
                      "seconds": statistics.median(r["seconds"] for r in rs),
                      "all_mb_per_s": [r["mb_per_s"] for r in rs],
                      "records": rs[0]["records"], "fields": rs[0]["fields"],
                      "field_bytes": rs[0]["field_bytes"]}
        o, l = row["ours"], row["libcsv"]
        row["agree"] = o["records"] == l["records"] and o["fields"] == l["fields"]
        row["field_bytes_agree"] = o["field_bytes"] == l["field_bytes"]
        if not row["agree"]:
            log("  DISAGREE on %s: ours %d records %d fields, libcsv %d records %d fields" % (
                name, o["records"], o["fields"], l["records"], l["fields"]))
        log("  tokenizer %s: memchr %.0f, ours %.0f, libcsv %.0f MB/s (records %d, fields %d%s)"
            % (name, row["memchr"]["mb_per_s"], o["mb_per_s"], l["mb_per_s"], o["records"],
               o["fields"], "" if row["agree"] else ", DISAGREE"))
        results["tokenizer"].append(row)


# ====================================================================== the importers


def plan(form, inputs, meta, venv_ok):
    """(label, input name, tool, python) of the runs of a form."""
    vpy = os.path.join(ARGS.venv, "bin", "python")
    venv = [("pandas-pyarrow", vpy), ("polars", vpy)] if venv_ok else []
    if form == "csv":
        return [("csv", "champions", PY), ("csv", "pandas-c", PY)] + \
               [("csv",) + v for v in venv]
    if form == "p2p":
        return [("p2p", "champions", PY), ("p2p", "pandas-c", PY)] + \
               [("p2p",) + v for v in venv] + [("p2p", "reference", PY)]
    if form == "slack":
        runs = [("slack", "champions", PY), ("slack-zip", "champions", PY),
                ("slack-zip", "champions-tz", PY), ("slack", "reference", PY)]
        if venv_ok:
            runs.append(("slack", "reference-orjson", vpy))
        return runs
    if form == "engage":
        return [("engage", "champions", PY), ("engage", "reference", PY),
                ("engage", "pandas-c", PY)] + [("engage",) + v for v in venv]
    if form == "json":
        return [("json", "champions", PY)]
    raise ValueError(form)


def child_env(tool, library):
    env = dict(os.environ)
    env["CHAMPIONS_LIBRARY"] = library
    env.pop("TZ", None)
    if tool == "champions-tz":
        env["TZ"] = ":/etc/localtime"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def input_size(path, meta, name):
    if name == "slack":
        return meta.get("folder_bytes") or tree_bytes(path)
    if name == "engage":
        return meta.get("folder_bytes") or tree_bytes(path)
    return os.path.getsize(path)


def check(form, name, tool, r, meta, ref):
    """What a run read against what the input holds (or the reference
    reading of the same run): a list of disagreements."""
    bad = []
    if r.get("status") != "ok":
        return bad
    if form in ("csv", "p2p"):
        rows = meta["rows"]
        if "rows" in r and r["rows"] != rows:
            bad.append("rows %d, expected %d" % (r["rows"], rows))
        if "interactions" in r and r["interactions"] != rows - meta["self_rows"]:
            bad.append("interactions %d, expected %d - %d self" % (
                r["interactions"], rows, meta["self_rows"]))
        if form == "csv" and "people" in r and r["people"] != meta["people_seen"]:
            bad.append("people %d, expected %d" % (r["people"], meta["people_seen"]))
    if form in ("p2p", "slack", "engage") and tool.startswith("champions") and ref:
        for k in ("people", "interactions"):
            if r[k] != ref[k]:
                bad.append("%s %d, the reference reading %d" % (k, r[k], ref[k]))
    if form == "engage" and "rows" in r:
        if r["rows"] != meta["messages"] or r["users"] != meta["users"]:
            bad.append("rows %d / users %d, expected %d / %d" % (
                r["rows"], r["users"], meta["messages"], meta["users"]))
    if form == "json" and tool == "champions":
        exp = {"people": 99_999, "interactions": 1_998_556}
        if meta.get("people") == 100_000 and meta.get("interactions") == 2_000_000:
            for k, v in exp.items():
                if r[k] != v:
                    bad.append("%s %d, expected %d" % (k, r[k], v))
    return bad


def run_form(form, a, library, venv_ok, results):
    inputs, meta = prepare(form, a)
    for p in inputs.values():
        warm(p)
    runs = plan(form, inputs, meta, venv_ok)
    got = {i: [] for i in range(len(runs))}
    for rnd in range(a.repeat):
        for i, (name, tool, py) in enumerate(runs):
            cmd = [py, os.path.abspath(__file__), "--child", tool, inputs[name]]
            r = measure(cmd, child_env(tool, library))
            got[i].append(r)
            if r.get("status") == "ok":
                log("  %s %s round %d: %.2f s, %.0f MiB" % (name, tool, rnd + 1, r["seconds"],
                                                           r["peak_mib"]))
            else:
                log("  %s %s round %d: %s" % (name, tool, rnd + 1, r.get("detail")))
    ref = None
    for i, (name, tool, py) in enumerate(runs):
        if tool == "reference":
            ref = median_of(got[i])
    for i, (name, tool, py) in enumerate(runs):
        m = median_of(got[i])
        m.update(form=form, input=name, tool=tool, path=inputs[name],
                 bytes=input_size(inputs[name], meta, name))
        if name in ("slack", "slack-zip"):
            m["files"] = meta.get("entries")
            m["json_bytes"] = meta.get("folder_bytes")
            m["zip_bytes"] = meta.get("zip_bytes")
        m["checks"] = check(form, name, tool, m, meta, ref)
        for c in m["checks"]:
            log("  CHECK %s %s: %s" % (name, tool, c))
        results["runs"].append(m)
    results["meta"][form] = meta


# ====================================================================== the tables

WHAT = {
    "champions": "champions.load: parse, validate, intern ids, parse times, build the network",
    "champions-tz": "the same with TZ=:/etc/localtime",
    "pandas-c": "pandas.read_csv(engine='c'): columns into memory (times stay text)",
    "pandas-pyarrow": "pandas.read_csv(engine='pyarrow'): columns into memory, multi-threaded",
    "polars": "polars.read_csv: columns into memory, multi-threaded",
    "reference": "tests/reference/importers.py: the same reading in Python (json/csv modules)",
    "reference-orjson": "the same with orjson.loads for json.loads",
}


def fmt_s(x):
    return "%.2f s" % x if x < 100 else "%.0f s" % x


def table(results):
    lines = []
    runs = results["runs"]
    if runs:
        lines += ["| form | input | tool | median s | MB/s | files/s | peak MiB | CPU s (user + sys) | "
                  "peer ÷ champions (time, memory) |",
                  "|---|---|---|---|---|---|---|---|---|"]
        base = {(r["form"], r["input"]): r for r in runs
                if r["tool"] == "champions" and r.get("status") == "ok"}
        for r in runs:
            if r.get("status") != "ok":
                why = r.get("detail", "failed").split(". ")[0]
                lines.append("| %s | %.0f MB | %s | fails: %s | | | | | |" % (
                    r["form"], r["bytes"] / 1e6, r["tool"], why))
                continue
            size = r.get("json_bytes") or r["bytes"]
            mbs = size / 1e6 / r["seconds"]
            files = "%.0f" % (r["files"] / r["seconds"]) if r.get("files") else ""
            b = base.get((r["form"], r["input"]))
            ratio = ""
            if b and r is not b and not r["tool"].startswith("champions"):
                t, m = r["seconds"] / b["seconds"], r["peak_mib"] / b["peak_mib"]
                ratio = "%s×, %.1f×" % ("%.1f" % t if t >= 1 else "%.2f" % t, m)
            elif b and r["tool"] == "champions-tz":
                ratio = "%.2f× of TZ unset" % (r["seconds"] / b["seconds"])
            inp = {"slack": "folder", "slack-zip": "zip (%.0f MB)" % (r["zip_bytes"] / 1e6)
                   if r.get("zip_bytes") else "zip"}.get(r["input"], "%.0f MB" % (r["bytes"] / 1e6))
            lines.append("| %s | %s | %s | %s | %.0f | %s | %.0f | %.2f + %.2f | %s |" % (
                r["form"], inp, r["tool"], fmt_s(r["seconds"]), mbs, files, r["peak_mib"],
                r["user_seconds"], r["sys_seconds"], ratio))
        lines.append("")
        lines.append("MB/s: the input's bytes (for Slack the JSON of the folder, for the zip too) "
                     "over the median time; peak MiB: the child's ru_maxrss (interpreter and "
                     "imports included; before reading: %s)." % ", ".join(
                         "%s %.0f MiB" % (t, statistics.median(
                             r["rss_before_kib"] / 1024 for r in runs
                             if r["tool"] == t and r.get("status") == "ok"))
                         for t in sorted({r["tool"] for r in runs if r.get("status") == "ok"})))
    if results["tokenizer"]:
        lines += ["", "| CSV file | MB | records | fields | memchr MB/s | lib/csv.c MB/s | "
                  "libcsv MB/s | lib/csv.c ÷ libcsv | agree |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for t in results["tokenizer"]:
            lines.append("| %s | %.0f | %s | %s | %.0f | %.0f | %.0f | %.2f× | %s |" % (
                t["file"], t["bytes"] / 1e6, format(t["ours"]["records"], ","),
                format(t["ours"]["fields"], ","), t["memchr"]["mb_per_s"],
                t["ours"]["mb_per_s"], t["libcsv"]["mb_per_s"],
                t["ours"]["mb_per_s"] / t["libcsv"]["mb_per_s"],
                "yes" if t["agree"] else "NO"))
    return "\n".join(lines)


# ====================================================================== main


ARGS = None


def main():
    global ARGS
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default=",".join(ALL))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--data", default="/work/bench-data")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--library", default=os.path.join(REPO, "build", "lib", "libchampions.so.0"))
    ap.add_argument("--venv", default="/work/bench-venv")
    ap.add_argument("--csv-rows", type=int, default=20_000_000)
    ap.add_argument("--json", dest="json_out")
    ap.add_argument("--generate-only", action="store_true")
    a = ARGS = ap.parse_args()
    forms = [f for f in a.only.split(",") if f]
    for f in forms:
        if f not in ALL:
            ap.error("--only: unknown %s (expected %s)" % (f, ",".join(ALL)))
    os.makedirs(a.data, exist_ok=True)
    if a.generate_only:
        for f in forms:
            if f != "tokenizer":
                prepare(f, a)
        return
    tmp = tempfile.mkdtemp(prefix="champions-importers-")
    try:
        library = os.path.join(tmp, "libchampions.so.0")
        shutil.copy2(os.path.realpath(a.library), library)
        with open(library, "rb") as f:
            lib_sha = hashlib.sha256(f.read()).hexdigest()[:12]
        vpy = os.path.join(a.venv, "bin", "python")
        venv_ok = os.path.exists(vpy) and subprocess.run(
            [vpy, "-c", "import polars, pyarrow, orjson"], capture_output=True).returncode == 0
        if not venv_ok:
            log("no venv with polars, pyarrow and orjson at %s: those peers are left out" % a.venv)
        versions = subprocess.run(
            [vpy if venv_ok else PY, "-c",
             "import json, numpy, pandas\nv = {'numpy': numpy.__version__, 'pandas': pandas.__version__}\n"
             "try:\n import polars, pyarrow, orjson\n v.update(polars=polars.__version__, "
             "pyarrow=pyarrow.__version__, orjson=orjson.__version__)\nexcept ImportError: pass\n"
             "print(json.dumps(v))"], capture_output=True, text=True).stdout
        results = {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                   "machine": "%s, %d cores" % (cpu_name(), os.cpu_count()),
                   "library": {"path": a.library, "sha256": lib_sha,
                               "mtime": dt.datetime.fromtimestamp(
                                   os.path.getmtime(os.path.realpath(a.library))).isoformat(
                                   timespec="seconds")},
                   "versions": json.loads(versions or "{}"), "repeat": a.repeat,
                   "runs": [], "tokenizer": [], "meta": {}}
        log("library %s (sha256 %s), %s" % (a.library, lib_sha, results["versions"]))
        for f in forms:
            if f == "tokenizer":
                continue
            log("== %s" % f)
            run_form(f, a, library, venv_ok, results)
            save(a, results)
        if "tokenizer" in forms:
            log("== tokenizer")
            files = []
            bench = os.path.join(a.data, "bench.csv")
            if os.path.exists(bench):
                files.append(("bench.csv", bench))
            for form, key, rel in (("csv", "csv", None), ("p2p", "p2p", None),
                                   ("engage", "engage", "Messages.csv")):
                inputs, _ = prepare(form, a)
                p = inputs[key] if rel is None else os.path.join(inputs[key], rel)
                files.append((os.path.basename(p) if rel is None else
                              os.path.basename(inputs[key]) + "/" + rel, p))
            run_tokenizer(a, files, tmp, results)
            save(a, results)
        print("%s, %s, library sha256 %s; medians of %d\n" % (
            results["date"], results["machine"], lib_sha, a.repeat))
        print(table(results))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def save(a, results):
    if a.json_out:
        with open(a.json_out, "w") as f:
            json.dump(results, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
