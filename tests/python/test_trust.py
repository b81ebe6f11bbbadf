"""Trust (SPEC 10): the guards against gaming on the real networks of the
shared data, explanations that say the record's own figures, pseudonyms as
documented, small teams pooled in every team-level output, and confidence
that is repeatable.

Each gaming pattern is built here from a shared-data export (deterministic:
sorted ids, fixed seeds, no timing) and each test fails when the guard it
checks is taken out of the library."""

import copy
import ctypes
import hashlib
import hmac
import json
import math
import os
import random
import re

import matplotlib
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import champions  # noqa: E402
from champions import _lib  # noqa: E402  (champ_ranking_shadow_of has no wrapper)
from conftest import REPO, export_of  # noqa: E402

LAZEGA_GROUPS = ["partner", "associate"]  # as tests/reference/agree.py ranks them
TIMED_STREAM = os.path.join(REPO, "examples", "email-eu-2004.csv.gz")
TIMED_PEOPLE = os.path.join(REPO, "examples", "email-eu-people.csv")
TIMED_END = 1083369600  # 2004-05-01: the end of the bundled stream (convert.TIMED_DEMO_SPAN)
KEY = bytes(range(32))


# -- helpers: exports with a gaming pattern added --------------------------


def export(name):
    """A fresh copy of a shared-data network's export (a dict)."""
    return copy.deepcopy(export_of(name))


def rank(doc, **options):
    with champions.Network.from_json(json.dumps(doc)) as net:
        return net.rank(**options)


def teams_of(doc):
    """{team: sorted ids of its people} of an export."""
    out = {}
    for p in doc["people"]:
        if p.get("team"):
            out.setdefault(p["team"], []).append(p["id"])
    return {t: sorted(ids) for t, ids in sorted(out.items())}


def add_shadow(doc, original, shadow="zz-shadow"):
    """A new person in the original's team who gets a copy of every message
    the original gets and sends a copy of every message the original sends
    (a reply-all copy)."""
    team = next(p["team"] for p in doc["people"] if p["id"] == original)
    doc["people"].append({"id": shadow, "team": team})
    copies = []
    for i in doc["interactions"]:
        if i["from"] == i["to"]:
            continue
        if i["from"] == original:
            copies.append({**i, "from": shadow})
        elif i["to"] == original:
            copies.append({**i, "to": shadow})
    doc["interactions"] += copies
    return doc


def networker_messages(teams, start=None):
    """(from, to, time) of a new account that writes once to two people of
    every team, each answering once; times from `start` on, a minute apart
    (None: untimed)."""
    out = []
    for ids in teams.values():
        for pid in ids[:2]:
            t = None if start is None else start + 120 * len(out)
            out.append(("zz-networker", pid, t))
            out.append((pid, "zz-networker", None if t is None else t + 60))
    return out


def add_ring(doc, size=5, rounds=30):
    """`size` new people, of the network's teams in turn, messaging only one
    another, `rounds` times each way."""
    teams = list(teams_of(doc))
    ring = [f"zz-ring-{k}" for k in range(size)]
    for k, pid in enumerate(ring):
        doc["people"].append({"id": pid, "team": teams[k % len(teams)]})
    for _ in range(rounds):
        for a in ring:
            doc["interactions"] += [{"from": a, "to": b} for b in ring if b != a]
    return ring


def add_reaction_farmer(doc, people=300, times=3, seed=13):
    """A new person who reacts `times` times to each of `people` colleagues
    drawn with a fixed seed (reactions only, nobody answers)."""
    ids = sorted(p["id"] for p in doc["people"])
    targets = random.Random(seed).sample(ids, people)
    doc["people"].append({"id": "zz-farmer", "team": doc["people"][0]["team"]})
    for _ in range(times):
        doc["interactions"] += [{"from": "zz-farmer", "to": t, "type": "reaction"}
                                for t in targets]
    return doc


def whole(x):
    return abs(x - round(x)) < 1e-9


def place(records, person, criterion):
    """1 + the eligible people with a larger value of the criterion."""
    value = person[criterion]
    return 1 + sum(1 for r in records if r["eligible"] and r[criterion] > value * (1 + 1e-9))


def shadow_of(ranking, person_id):
    """champ_ranking_shadow_of(): (id, similarity) or None."""
    similarity = ctypes.c_double()
    like = _lib.lib.champ_ranking_shadow_of(ranking._handle(), ranking._find(person_id),
                                            ctypes.byref(similarity))
    return None if like is None else (like.decode("utf-8"), similarity.value)


@pytest.fixture(scope="module")
def core():
    """email-eu-core and its ranking with the default options."""
    doc = export("email-eu-core")
    r = rank(doc)
    yield doc, r
    r.close()


# -- gaming patterns ----------------------------------------------------------


def test_the_real_top_ten_carry_no_flags():
    for name, options in (("email-eu-core", {}), ("uk-faculty", {}),
                          ("lazega-advice", {"champion_groups": LAZEGA_GROUPS}),
                          ("lazega-cowork", {"champion_groups": LAZEGA_GROUPS}),
                          ("lazega-friends", {"champion_groups": LAZEGA_GROUPS})):
        with rank(export(name), **options) as r:
            top = r.to_records()[:10]
            assert [p["rank"] for p in top] == list(range(1, 11)), name
            assert {p["id"]: p["flags"] for p in top} == {p["id"]: [] for p in top}, name
            assert all("flagged" not in p["explanation"] for p in top), name


def test_a_reply_all_shadow_of_the_top_person_is_flagged(core):
    doc, base = core
    original = base.to_records()[0]["id"]
    with rank(add_shadow(copy.deepcopy(doc), original)) as r:
        shadow = r["zz-shadow"]
        assert shadow["eligible"] and shadow["rank"] <= 100  # where shadows are looked for
        assert shadow["ties"] == r[original]["ties"] and shadow["ties"] >= 5
        assert "shadow" in shadow["flags"]
        assert "shadow" not in r[original]["flags"]  # the original is not a copy of the copy
        assert r[original]["rank"] < shadow["rank"]
        like, similarity = shadow_of(r, "zz-shadow")
        assert like == original and 0.9 <= similarity <= 1
        assert shadow_of(r, original) is None
        assert f'shadow of "{original}" (rank {r[original]["rank"]},' in shadow["explanation"]
        assert r.explain("zz-shadow") == shadow["explanation"]
        # nobody else picked up a flag from the copy
        flagged = {p["id"] for p in r.to_records()[:10] if p["flags"]}
        assert flagged <= {"zz-shadow"}


def test_a_networker_with_times_is_flagged_new():
    """Two messages to every department at the end of the bundled timed
    stream (email-eu-full, Jan-Apr 2004), each answered once."""
    with champions.load(TIMED_STREAM, people=TIMED_PEOPLE) as net:
        teams = teams_of(export_of("email-eu-core"))
        net.add_person("zz-networker", "dept-1")
        for a, b, t in networker_messages(teams, start=TIMED_END - 3 * 86400):
            net.add_interaction(a, b, t)
        r = net.rank()
    with r:
        p = r["zz-networker"]
        assert p["eligible"] and p["reach"] == len(teams) - 1
        assert p["rank"] <= 10  # the pattern works: the flag is what tells it
        assert "new" in p["flags"]
        # the stream counts every e-mail, so its ties have depth: no warning of that
        assert "no_tie_depth" not in [kind for kind, _ in r.warnings]
        assert p["explanation"].endswith("flagged: new")
        # the real top 10 of the stream is not new
        assert all("new" not in q["flags"] for q in r.to_records()[:10] if q["id"] != p["id"])


@pytest.fixture(scope="module")
def networker_confidence(core):
    """The untimed networker on email-eu-core, ranked with 50 resamples."""
    doc = copy.deepcopy(core[0])
    doc["people"].append({"id": "zz-networker", "team": "dept-1"})
    doc["interactions"] += [{"from": a, "to": b, "type": "email"}
                            for a, b, _ in networker_messages(teams_of(core[0]))]
    r = rank(doc, confidence=50)
    yield r
    r.close()


def test_an_untimed_networker_is_answered_by_the_no_tie_depth_warning(networker_confidence):
    """Without times nothing can say the account is new, and on this network
    (one e-mail per pair, everyone's ties as thin as the networker's) no
    figure of the person tells it from a colleague who works with them all.
    What the library says is that the data cannot tell them apart (the
    no_tie_depth warning), with the confidence of 10.1 in the record and the
    sentence."""
    r = networker_confidence
    assert r.resamples == 50
    p = r["zz-networker"]
    assert p["rank"] <= 10  # the pattern works on this data
    assert "new" not in p["flags"]
    kinds = [kind for kind, _ in r.warnings]
    assert "no_tie_depth" in kinds
    said = dict(r.warnings)["no_tie_depth"]
    assert "cannot tell a single exchange from a working relationship" in said
    assert said in r.summary["warnings"]
    c = p["confidence"]
    assert set(c) == {"rank_low", "rank_high", "top_share"}
    assert 1 <= c["rank_low"] <= p["rank"] <= c["rank_high"] <= r.summary["eligible"] + 1
    assert 0 <= c["top_share"] <= 1 and whole(c["top_share"] * 50)
    assert p["explanation"].startswith(
        f"Ranks {p['rank']} of {r.summary['eligible']:,} "
        f"({c['rank_low']} to {c['rank_high']} in 90% of 50 resamples)")
    row = r.confidence.set_index("id").loc["zz-networker"]
    assert (row["rank_low"], row["rank_high"], row["top_share"]) == (
        c["rank_low"], c["rank_high"], c["top_share"])


def test_a_closed_ring_is_flagged_closed_group():
    doc = export("uk-faculty")
    ring = add_ring(doc)
    with rank(doc) as r:
        records = {p["id"]: p for p in r.to_records()}
        for pid in ring:
            assert records[pid]["eligible"]
            assert records[pid]["flags"] == ["closed_group"], pid
            assert records[pid]["explanation"].endswith("flagged: closed_group")
        assert min(records[pid]["rank"] for pid in ring) <= 10  # the ring works
        # the faculty itself is one connected group: nobody else is flagged so
        others = [p for p in records.values() if p["id"] not in ring]
        assert not any("closed_group" in p["flags"] for p in others)


def test_a_one_direction_export_is_warned_about():
    """The SocioPatterns workplace contacts list each contact once, from
    one badge to the other: R = 0."""
    doc = export("workplace-invs13")
    with pytest.warns(champions.DataWarning, match=r"the export may hold one direction only"):
        r = rank(doc)
    with r:
        assert r.summary["reciprocity"] < 0.05
        assert "one_direction" in [kind for kind, _ in r.warnings]
        assert any("one direction only" in w for w in r.summary["warnings"])
    # the same contacts written both ways: no warning
    doc["interactions"] += [{**i, "from": i["to"], "to": i["from"]} for i in doc["interactions"]]
    with rank(doc) as r:
        assert r.summary["reciprocity"] > 0.05
        assert "one_direction" not in [kind for kind, _ in r.warnings]


def test_a_reaction_farmer_loses_reach_and_bridging_to_the_tie_guard(core):
    doc = add_reaction_farmer(copy.deepcopy(core[0]))
    with rank(doc) as r:  # unguarded, the farmer has the most reach and bridging
        records = r.to_records()
        farmer = r["zz-farmer"]
        assert farmer["ties"] == 300
        assert place(records, farmer, "reach") == 1 and place(records, farmer, "bridging") == 1
    with rank(doc, type_weights={"reaction": 0.1}, min_tie_weight=1) as r:
        records = r.to_records()
        farmer = r["zz-farmer"]
        assert farmer["eligible"]  # still active: 900 reactions of weight 0.1 ...
        assert farmer["activity"] == pytest.approx(90.0)
        # ... but no reaction tie reaches the minimum weight
        assert (farmer["ties"], farmer["reach"], farmer["bridging"]) == (0, 0, 0)
        n = r.summary["eligible"]
        assert place(records, farmer, "reach") > n // 2
        assert place(records, farmer, "bridging") > n // 2
        assert farmer["percentiles"]["reach"] < 0.25 and farmer["percentiles"]["bridging"] < 0.25
        assert farmer["rank"] > 100
        assert "no contacts" in r.explain("zz-farmer", "reciprocity")


# -- explanations ---------------------------------------------------------------


def number(x):
    """A number as the library's English sentences write it."""
    return f"{x:,.0f}" if x == math.floor(x) else f"{x:,.1f}"


def band(pct):
    top = pct >= 0.5
    share = 100 * (1 - pct if top else pct)
    percent = min(50, max(1, math.ceil(share - 1e-6)))
    return f"{'top' if top else 'bottom'} {percent}%"


def test_figures_and_sentences_say_the_records_numbers(core):
    _, r = core
    records = r.to_records()
    teams = r.summary["teams"]
    eligible = r.summary["eligible"]
    for p in records[:10] + records[400:405] + records[eligible - 3:eligible]:
        pid = p["id"]
        mutual, ties = p["mutual"], p["ties"]
        assert r.figure(pid, "reciprocity") == f"{mutual:,}/{ties:,} mutual"
        assert r.figure(pid, "reach") == f"{p['reach']}/{teams - 1} teams"
        assert r.figure(pid, "activity") == f"{number(p['activity'])} sent"
        for c in ("bridging", "influence"):
            assert r.figure(pid, c) == band(p["percentiles"][c]), (pid, c)
        phrase = r.explain(pid, "reciprocity")
        if ties > 1:
            assert phrase.startswith(f"{mutual:,} of their {ties:,} contacts answer")
        assert phrase.endswith(f"({100 * mutual / ties:.0f}%, "
                               f"{band(p['percentiles']['reciprocity'])})")
        assert r.explain(pid, "reach") == (f"in touch with {p['reach']} of the {teams - 1} other "
                                           f"teams ({band(p['percentiles']['reach'])})")
        for c in ("bridging", "influence"):
            if c == "bridging" and p[c] == 0:
                continue
            assert r.explain(pid, c).startswith(f"#{place(records, p, c):,} of {eligible:,} at ")
        plural = "" if p["activity"] == 1 else "s"
        assert r.explain(pid, "activity") == (f"sent {number(p['activity'])} interaction{plural} "
                                              f"({band(p['percentiles']['activity'])})")
        sentence = p["explanation"]
        assert sentence == r.explain(pid)
        assert sentence.startswith(f"Ranks {p['rank']:,} of {eligible:,}: ")
        # its strongest criterion, said in the words of explain(pid, criterion)
        strongest = max(champions.CRITERIA, key=lambda c: (p["percentiles"][c], r.weights[c]))
        assert sentence.split(": ", 1)[1].startswith(r.explain(pid, strongest))
    # the example of SPEC 10.2, on the network it came from
    top = records[0]
    assert r.figure(top["id"], "reciprocity") == f"{top['mutual']}/{top['ties']} mutual"
    assert f"{top['mutual']} of their {top['ties']} contacts answer both ways" \
        in top["explanation"]


def test_a_criterion_in_the_bottom_quarter_is_said_to_be(core):
    _, r = core
    for p in r.to_records()[:r.summary["eligible"]]:
        weakest = min(p["percentiles"].values())
        said = "in the bottom quarter: " in p["explanation"]
        assert said == (weakest < 0.25), p["id"]


def test_explaining_someone_who_is_not_eligible():
    doc = {"people": [{"id": "ann", "team": "A"}, {"id": "bob", "team": "B"},
                      {"id": "cem", "team": "A", "group": "partner"},
                      {"id": "dee", "team": "B"}],
           "interactions": [{"from": "ann", "to": "bob"}, {"from": "bob", "to": "ann"},
                            {"from": "cem", "to": "ann"}, {"from": "ann", "to": "zed"},
                            {"from": "zed", "to": "bob"}, {"from": "bob", "to": "dee"}]}
    with rank(doc) as r:
        assert r.explain("cem") == ('Not eligible: their group "partner" is not a champion '
                                    'group; flagged: one_partner')
        assert r.explain("zed") == "Not eligible: the people list does not list them"
        assert r.explain("dee") == ("Not eligible: an activity of 0 is below the minimum of 1; "
                                    "flagged: one_partner")  # all they have is bob's message
        for pid in ("cem", "zed", "dee"):
            record = r[pid]
            assert not record["eligible"] and record["explanation"] is None
            assert "(not eligible, so not placed)" in r.explain(pid, "activity")
        df = r.to_pandas().set_index("id")
        assert df.loc[["cem", "zed", "dee"], "explanation"].isna().all()
        with pytest.raises(KeyError):
            r.explain("nobody")
        with pytest.raises(ValueError, match="criterion: expected one of"):
            r.explain("ann", "fame")
    with rank(export("lazega-advice")) as r:  # partners and associates, no staff
        assert r.summary["eligible"] == 0
        assert r.explain("l01") == ('Not eligible: their group "partner" is not a champion '
                                    'group')


# -- pseudonyms -------------------------------------------------------------------


def hmac_pseudonym(name, key, prefix="p-"):
    return prefix + hmac.new(key, name.encode("utf-8"), hashlib.sha256).hexdigest()[:16]


def test_pseudonyms_are_hmac_sha256_truncated(tmp_path):
    key_file = tmp_path / "key"
    key_file.write_bytes(KEY)
    for name in ("e0062", "p-17", "ünïcödé", "a", "x" * 300, "Finance, EMEA"):
        want = hmac_pseudonym(name, KEY)
        assert re.fullmatch(r"p-[0-9a-f]{16}", want)
        assert champions.pseudonym(name, KEY) == want
        assert champions.pseudonym(name, key_file) == want
        assert champions.pseudonym(name, KEY, team=True) == hmac_pseudonym(name, KEY, "t-")
    assert champions.pseudonym("e0062", KEY[::-1]) != champions.pseudonym("e0062", KEY)


def test_a_short_key_is_refused_without_being_shown():
    secret = b"SECRETKEY"
    with pytest.raises(champions.ArgumentError) as error:
        champions.pseudonym("e0062", secret)
    assert "SECRET" not in str(error.value)
    with champions.Network() as net:
        net.add_interaction("a", "b")
        with pytest.raises(champions.ArgumentError) as error:
            net.pseudonymize(secret)
        assert "SECRET" not in str(error.value)
        assert '"a"' in net.to_json()  # unchanged on error


def entries(text, lines):
    """(people, interactions) of an export written as JSON or JSON Lines."""
    if not lines:
        doc = json.loads(text)
        return doc.get("people", []), doc["interactions"]
    rows = [json.loads(line) for line in text.splitlines()]
    return [r for r in rows if "from" not in r], [r for r in rows if "from" in r]


@pytest.mark.parametrize("lines", [False, True])
def test_pseudonymize_leaves_no_original_id(lines):
    doc = export("lazega-advice")
    originals = {p["id"] for p in doc["people"]}
    team_names = {p["team"] for p in doc["people"]}
    with champions.Network.from_json(json.dumps(doc)) as net:
        net.pseudonymize(KEY, teams=True)
        text = net.to_json(lines=lines)
    for pid in originals:  # "l01".."l71": no hexadecimal digit "l"
        assert pid not in text
    for team in team_names:
        assert team not in text
    people, interactions = entries(text, lines)
    assert {p["id"] for p in people} == {hmac_pseudonym(pid, KEY) for pid in originals}
    assert {i[k] for i in interactions for k in ("from", "to")} <= {p["id"] for p in people}
    assert len(interactions) == len(doc["interactions"])
    assert {p["team"] for p in people} == {hmac_pseudonym(t, KEY, "t-") for t in team_names}
    assert {p.get("group") for p in people} == set(LAZEGA_GROUPS)  # kinds stay


def test_pseudonymized_network_ranks_as_the_original():
    doc = export("uk-faculty")
    with champions.Network.from_json(json.dumps(doc)) as net:
        with net.rank() as r:
            want = {hmac_pseudonym(p["id"], KEY): p for p in r.to_records()}
        net.pseudonymize(KEY)
        with champions.Network.from_json(net.to_json()) as back, back.rank() as r:
            got = {p["id"]: p for p in r.to_records()}
    assert set(got) == set(want)
    for pid, p in got.items():
        assert p["team"] == want[pid]["team"]
        assert p["score"] == pytest.approx(want[pid]["score"], abs=1e-12)
        for c in (*champions.CRITERIA, "ties", "mutual"):
            assert p[c] == pytest.approx(want[pid][c], rel=1e-9, abs=1e-15), (pid, c)


def test_the_input_order_is_not_kept():
    """People listed by name, interactions grouped by sender: pseudonymised,
    the output's order says nothing of either -- people by pseudonym,
    interactions by time, then sender and receiver -- and a shuffled copy of
    the same records gives the same output, byte for byte."""
    names = [f"{first}.{last}@example.org" for first in ("anna", "bert", "carla", "dirk")
             for last in ("jansen", "de vries", "bakker")]
    rng = random.Random(5)
    interactions = [{"from": a, "to": b, "time": 1767225600 + rng.randrange(10**6),
                     "type": rng.choice(["email", "reply"])}
                    for a in names for b in rng.sample(names, 4) if a != b]
    interactions += [{"from": a, "to": names[0]} for a in names[1:4]]  # untimed
    doc = {"people": [{"id": n, "team": "T" + n[0]} for n in names],
           "interactions": interactions}
    shuffled = {"people": rng.sample(doc["people"], len(names)),
                "interactions": rng.sample(interactions, len(interactions))}
    texts = []
    for d in (doc, shuffled):
        with champions.Network.from_json(json.dumps(d)) as net:
            net.pseudonymize(KEY)
            texts.append(net.to_json())
    assert texts[0] == texts[1]
    out = json.loads(texts[0])
    ids = [p["id"] for p in out["people"]]
    assert ids == sorted(ids) == sorted(hmac_pseudonym(n, KEY) for n in names)
    times = [i.get("time") for i in out["interactions"]]
    untimed = times.count(None)
    assert untimed == 3 and all(t is None for t in times[:untimed])
    stamps = [champions.parse_time(t) for t in times[untimed:]]
    assert stamps == sorted(stamps)
    senders = [i["from"] for i in out["interactions"][:untimed]]
    assert senders == sorted(senders)
    assert len(out["interactions"]) == len(interactions)


def test_the_same_key_gives_the_same_pseudonyms_across_networks_and_months():
    mapped = []
    for name in ("lazega-advice", "lazega-friends"):
        with champions.Network.from_json(json.dumps(export(name))) as net:
            before = [p["id"] for p in json.loads(net.to_json())["people"]]
            net.pseudonymize(KEY)
            after = [p["id"] for p in json.loads(net.to_json())["people"]]
        # listed in the pseudonyms' order, not the input's
        assert after == sorted(hmac_pseudonym(pid, KEY) for pid in before)
        mapped.append({pid: hmac_pseudonym(pid, KEY) for pid in before})
    assert mapped[0] == mapped[1] and len(mapped[0]) == 71
    # the static e-mail network and a month of the timed stream share their ids
    with champions.Network.from_json(json.dumps(export("email-eu-core"))) as net:
        net.pseudonymize(KEY)
        core_ids = {p["id"] for p in json.loads(net.to_json())["people"]}
    with champions.load(TIMED_STREAM, people=TIMED_PEOPLE) as net:
        net.pseudonymize(KEY)
        stream_ids = {p["id"] for p in json.loads(net.to_json())["people"]}
    assert core_ids == stream_ids and len(core_ids) == 1005
    with champions.Network.from_json(json.dumps(export("lazega-advice"))) as net:
        net.pseudonymize(KEY[::-1])
        other = {p["id"] for p in json.loads(net.to_json())["people"]}
    assert not other & set(mapped[0].values())


# -- small teams pooled -------------------------------------------------------------


def listed_per_team(doc):
    out = {}
    for p in doc["people"]:
        out[p.get("team")] = out.get(p.get("team"), 0) + 1
    return out


def test_small_teams_are_pooled_in_the_team_table():
    """uk-faculty: schools of 33, 27, 19 and 2 people. The school of 2 is
    pooled, and the pool, too small alone, takes the next smallest school."""
    doc = export("uk-faculty")
    sizes = listed_per_team(doc)
    assert sorted(sizes.values()) == [2, 19, 27, 33]
    with rank(doc) as r:
        assert r.min_group_size == 5 and r.top_n == 10
        table = r.teams()
        assert list(table.columns) == ["team", "pooled", "listed", "eligible", "champions",
                                       "teams"]
        assert table["team"].tolist() == ["school-1", "school-2", "(small teams)"]
        assert table["pooled"].tolist() == [False, False, True]
        assert table["teams"].tolist() == [1, 1, 2]
        assert table["listed"].tolist() == [sizes["school-1"], sizes["school-2"],
                                            sizes["school-3"] + sizes["school-4"]]
        assert (table["listed"] >= r.min_group_size).all()
        assert table["champions"].sum() == 10
        assert table["eligible"].sum() == r.summary["eligible"]
        assert r.teams(0)["champions"].tolist() == table["eligible"].tolist()
        # teams_json is the same table
        doc_json = json.loads(r.teams_json())
        assert (doc_json["min_group_size"], doc_json["top"]) == (5, 10)
        assert doc_json["teams"] == [
            {"team": t, "pooled": pooled, "listed": int(a), "eligible": int(b),
             "champions": int(c), "teams": int(n)}
            for t, pooled, a, b, c, n in table.itertuples(index=False)]
        assert "school-3" not in r.teams_json() and "school-4" not in r.teams_json()
        assert json.loads(r.teams_json(top=0))["teams"][0]["champions"] == \
            table["eligible"][0]
    # allowed explicitly, a smaller minimum shows the school of 2
    with rank(doc, min_group_size=2, allow_small_groups=True) as r:
        assert r.teams()["team"].tolist() == ["school-1", "school-2", "school-3", "school-4"]
    with pytest.raises(champions.ArgumentError, match=r"3 is below the default 5"):
        rank(doc, min_group_size=3)


def test_a_pool_smaller_than_the_minimum_is_withheld():
    doc = {"people": [{"id": "a", "team": "A"}, {"id": "b", "team": "A"},
                      {"id": "c", "team": "B"}, {"id": "d", "team": "B"}],
           "interactions": [{"from": x, "to": y} for x in "abcd" for y in "abcd" if x != y]}
    with rank(doc) as r:
        table = r.teams()
        assert table["team"].tolist() == ["(small teams)"]
        assert table["listed"].isna().all() and table["champions"].isna().all()
        assert json.loads(r.teams_json())["teams"] == [
            {"team": "(small teams)", "pooled": True, "listed": None, "eligible": None,
             "champions": None, "teams": 2}]
        ax = r.plot_teams()
        shown = [t.get_text() for t in ax.get_yticklabels()]
        assert shown == [] and not ax.patches
        assert "too small to show" in ax.get_xlabel()
        plt.close(ax.figure)


def figure_text(ax):
    """Every text of a plot: tick labels, bar labels, axis labels, title."""
    texts = [t.get_text() for t in ax.get_yticklabels() + ax.get_xticklabels() + ax.texts]
    return " | ".join(texts + [ax.get_xlabel(), ax.get_ylabel(), ax.get_title()])


def test_plot_teams_never_shows_a_small_team():
    doc = export("uk-faculty")
    with rank(doc) as r:
        ax = r.plot_teams(top=None)  # every eligible person: every team has champions
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert sorted(labels) == ["(small teams): 2 teams", "school-1", "school-2"]
        text = figure_text(ax)
        assert "school-3" not in text and "school-4" not in text
        assert "fewer than 5 listed people are pooled" in ax.get_xlabel()
        counts = dict(zip(labels, (p.get_width() for p in ax.patches)))
        assert counts["(small teams): 2 teams"] == r.teams(0)["champions"].iloc[-1]
        plt.close(ax.figure)
    with rank(doc, min_group_size=2, allow_small_groups=True) as r:
        ax = r.plot_teams(top=None)
        assert "school-4" in [t.get_text() for t in ax.get_yticklabels()]
        plt.close(ax.figure)


# -- confidence -------------------------------------------------------------------


@pytest.fixture(scope="module")
def faculty():
    with champions.Network.from_json(json.dumps(export("uk-faculty"))) as net:
        yield net


def test_confidence_is_repeatable(faculty):
    with faculty.rank(confidence=100) as a, faculty.rank(confidence=100) as b:
        assert a.to_json() == b.to_json()
        pd.testing.assert_frame_equal(a.confidence, b.confidence)
        assert a.warnings == b.warnings
    with faculty.rank(confidence=100, seed=2) as c, faculty.rank(confidence=100) as a:
        assert not a.confidence.equals(c.confidence)  # the seed draws the resamples
        # the ranking itself is the same whatever the resamples
        plain = faculty.rank()
        strip = ("confidence", "explanation")
        for x, y, z in zip(a.to_records(), c.to_records(), plain.to_records()):
            assert {k: v for k, v in x.items() if k not in strip} == \
                {k: v for k, v in z.items() if k not in strip}
            assert {k: v for k, v in y.items() if k not in strip} == \
                {k: v for k, v in z.items() if k not in strip}
        plain.close()


def test_confidence_frame(faculty):
    with faculty.rank() as plain:
        assert plain.confidence is None and plain.resamples == 0
    with faculty.rank(confidence=200, top=10) as r:
        assert r.resamples == 200
        df = r.confidence
        assert list(df.columns) == ["id", "rank", "rank_low", "rank_high", "top_share", "tier"]
        assert [str(t) for t in df.dtypes] == ["object", "int64", "int64", "int64", "float64",
                                               "int64"]
        n = r.summary["eligible"]
        assert len(df) == n and df["rank"].tolist() == list(range(1, n + 1))
        records = r.to_records()
        assert df["id"].tolist() == [p["id"] for p in records[:n]]
        assert all(p["confidence"] is None for p in records[n:])
        for row, p in zip(df.itertuples(index=False), records):
            assert p["confidence"] == {"rank_low": row.rank_low, "rank_high": row.rank_high,
                                       "top_share": row.top_share}
            assert 1 <= row.rank_low <= row.rank_high <= n + 1
            assert 0 <= row.top_share <= 1 and whole(row.top_share * 200)
            # nearest-rank percentiles: the share agrees with the interval
            if row.rank_high <= 10:
                assert row.top_share >= 0.95
            if row.rank_low > 10:
                assert row.top_share < 0.05
        # the tiers, by their rule
        tier, opener = 1, df.iloc[0]
        for row in df.itertuples(index=False):
            if row.rank > 1 and row.rank_low > opener.rank_high:
                tier, opener = tier + 1, row
            assert row.tier == tier, row.id
        frame = r.to_pandas().iloc[:n]
        assert frame["confidence.rank_low"].tolist() == df["rank_low"].tolist()
        assert frame["confidence.rank_high"].tolist() == df["rank_high"].tolist()
        assert np.array_equal(frame["confidence.top_share"].to_numpy(), df["top_share"])
        # the top is that of the share
        with faculty.rank(confidence=200, top=3) as small:
            assert (small.confidence["top_share"] <= df["top_share"]).all()
