"""Self-checks of the reference implementation (run with /usr/bin/python3 -m pytest).

Each tiny example's expected values are worked out by hand in the comments.
The last tests check the converted real networks against the counts that
each PROVENANCE.md in the shared data folder states.
"""

import json
import math
import os
import sys

import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import reference  # noqa: E402
import convert  # noqa: E402

DATA = convert.DEFAULT_DATA


def run(doc, **opts):
    return reference.rank(reference.from_dict(doc), **opts)


def by_id(res):
    return {p["id"]: p for p in res["people"]}


# ---------------------------------------------------------------- example 1
#
# people a (X), b (X), c (Y)
#   a->b w1, b->a w2, a->c w1 (message), a->c w1 (reaction), c->c (self)
# w(a,b)=1  w(b,a)=2  w(a,c)=2
EX1 = {
    "people": [{"id": "a", "team": "X"}, {"id": "b", "team": "X"},
               {"id": "c", "team": "Y", "group": ""}],
    "interactions": [
        {"from": "a", "to": "b"},
        {"from": "b", "to": "a", "weight": 2},
        {"from": "a", "to": "c"},
        {"from": "a", "to": "c", "type": "reaction"},
        {"from": "c", "to": "c"},
    ],
}


def pagerank_by_hand(n, edges, d=0.85):
    """Solve PR = (1-d)/n + d (P^T PR + dangling/n) as a linear system."""
    out = np.zeros(n)
    for u, v, w in edges:
        out[u] += w
    M = np.zeros((n, n))
    for u, v, w in edges:
        M[v, u] += w / out[u]
    for u in range(n):
        if out[u] == 0:
            M[:, u] = 1.0 / n
    A = np.eye(n) - d * M
    x = np.linalg.solve(A, np.full(n, (1 - d) / n))
    return x / x.sum()


def test_ex1_counts_and_summary():
    r = run(EX1)
    s = r["summary"]
    # 3 people, all listed; c has activity 0 -> not eligible (min_activity 1)
    assert s["people"] == 3 and s["listed"] == 3 and s["eligible"] == 2
    # 4 kept interactions, 1 self
    assert s["interactions"] == 4 and s["dropped_self"] == 1 and s["dropped_window"] == 0
    # tie pairs {a,b} (mutual) and {a,c}: R = 1/2
    assert s["ties"] == 2 and s["mutual_ties"] == 1 and s["reciprocity"] == 0.5
    # teams X, Y; pairs with known teams: {a,b} same, {a,c} differ -> 0.5
    assert s["teams"] == 2 and s["cross_team_share"] == 0.5


def test_ex1_person_metrics():
    p = by_id(run(EX1))
    # activity = out-weight, received = in-weight
    assert (p["a"]["activity"], p["b"]["activity"], p["c"]["activity"]) == (3, 2, 0)
    assert (p["a"]["received"], p["b"]["received"], p["c"]["received"]) == (2, 1, 2)
    assert (p["a"]["ties"], p["b"]["ties"], p["c"]["ties"]) == (2, 1, 1)
    assert (p["a"]["mutual"], p["b"]["mutual"], p["c"]["mutual"]) == (1, 1, 0)
    # reciprocity, alpha=2, R=0.5: a (1+1)/(2+2)=0.5, b (1+1)/(1+2)=2/3, c (0+1)/(1+2)=1/3
    assert p["a"]["reciprocity"] == pytest.approx(0.5)
    assert p["b"]["reciprocity"] == pytest.approx(2 / 3)
    assert p["c"]["reciprocity"] == pytest.approx(1 / 3)
    # reach: a (X) sees {X, Y} -> 1 other team; b sees X only -> 0; c (Y) sees X -> 1
    assert (p["a"]["reach"], p["b"]["reach"], p["c"]["reach"]) == (1, 0, 1)
    # cross_share: a: volume b 1+2=3, c 2+0=2 -> 2/5; b: 0/3; c: 2/2
    assert p["a"]["cross_share"] == pytest.approx(0.4)
    assert p["b"]["cross_share"] == 0
    assert p["c"]["cross_share"] == 1
    # bridging: tie graph b - a - c, n=3: a lies on the one b..c path, /((2*1)/2)=1
    assert (p["a"]["bridging"], p["b"]["bridging"], p["c"]["bridging"]) == (1, 0, 0)
    # influence: PageRank of a->b (1), a->c (2), b->a (2), c dangling
    # (index a=0, b=1, c=2); solved as a linear system:
    pr = pagerank_by_hand(3, [(0, 1, 1), (0, 2, 2), (1, 0, 2)])
    # ~ a 0.37443, b 0.25974, c 0.36583
    for k, i in (("a", 0), ("b", 1), ("c", 2)):
        assert p[k]["influence"] == pytest.approx(pr[i], abs=1e-12)
    assert sum(x["influence"] for x in p.values()) == pytest.approx(1)
    assert p["a"]["influence"] > p["c"]["influence"] > p["b"]["influence"]
    # groups: "" and absent -> staff
    assert p["c"]["group"] == "staff" and p["c"]["team"] == "Y"


def test_ex1_score_and_order():
    r = run(EX1)
    p = by_id(r)
    # eligible a, b (N=2): percentiles are 0 or 1
    # reciprocity a .5 < b .667 -> a 0, b 1; reach a 1 > b 0; bridging a 1 > b 0;
    # influence a > b; activity a 3 > b 2
    assert p["a"]["percentiles"] == {"reciprocity": 0, "reach": 1, "bridging": 1,
                                     "influence": 1, "activity": 1}
    # score a = .25 + .15 + .15 + .15 = .70 ; b = .30
    assert p["a"]["score"] == pytest.approx(0.70)
    assert p["b"]["score"] == pytest.approx(0.30)
    assert [x["id"] for x in r["people"]] == ["a", "b", "c"]
    assert (p["a"]["rank"], p["b"]["rank"], p["c"]["rank"]) == (1, 2, None)
    assert p["c"]["score"] is None and p["c"]["percentiles"] is None
    # custom weights: only reciprocity -> b first with 1.0
    r2 = run(EX1, weights={"reciprocity": 1, "reach": 0, "bridging": 0,
                           "influence": 0, "activity": 0})
    assert [x["id"] for x in r2["people"]] == ["b", "a", "c"]
    assert r2["people"][0]["score"] == 1.0
    # weights left out keep their defaults: activity 0.85 (+ .30 + .25 + .15 + .15)
    r3 = run(EX1, weights={"activity": 0.85})
    assert by_id(r3)["b"]["score"] == pytest.approx(0.30 / 1.70)


def test_ex1_type_weights():
    # reaction weight 0: w(a,c)=1 ; interactions still counts 4 kept
    p = by_id(run(EX1, type_weights={"reaction": 0}))
    assert p["a"]["activity"] == 2 and p["c"]["received"] == 1
    # message weight 0: only a->c (reaction, 1) remains as an edge
    r = run(EX1, type_weights={"message": 0})
    s = r["summary"]
    assert s["interactions"] == 4 and s["ties"] == 1 and s["mutual_ties"] == 0
    p = by_id(r)
    assert p["b"]["ties"] == 0 and p["b"]["cross_share"] is None
    assert p["b"]["activity"] == 0 and not p["b"]["eligible"]
    # reaction 0.5 -> w(a,c) = 1.5
    assert by_id(run(EX1, type_weights={"reaction": 0.5}))["a"]["activity"] == 2.5


def test_min_activity_and_groups():
    # min_activity 2.5: only a (3) eligible -> pct 1, score 1
    r = run(EX1, min_activity=2.5)
    assert r["summary"]["eligible"] == 1
    assert r["people"][0]["id"] == "a" and r["people"][0]["score"] == 1.0
    assert r["people"][0]["percentiles"]["reach"] == 1.0
    # champion group nobody has -> nobody eligible, everybody sorted by id
    r = run(EX1, champion_groups=["partner"])
    assert r["summary"]["eligible"] == 0
    assert [x["id"] for x in r["people"]] == ["a", "b", "c"]


# ---------------------------------------------------------------- window
#
# a->b t=100, a->b t=200, b->a "1970-01-01T00:05:00Z" (=300), b->c no time,
# c->c t=100 (self), a->c "1970-01-01T01:03:20+01:00" (= 200)
WIN = {
    "people": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
    "interactions": [
        {"from": "a", "to": "b", "time": 100},
        {"from": "a", "to": "b", "time": 200.0},
        {"from": "b", "to": "a", "time": "1970-01-01T00:05:00Z"},
        {"from": "b", "to": "c"},
        {"from": "c", "to": "c", "time": 100},
        {"from": "a", "to": "c", "time": "1970-01-01T01:03:20.000+01:00"},
    ],
}


def test_window():
    # no window: 5 kept, 1 self
    s = run(WIN)["summary"]
    assert (s["interactions"], s["dropped_self"], s["dropped_window"]) == (5, 1, 0)
    # [150, 300): keeps the two t=200 ones; drops 100, 300 (until exclusive), no-time
    r = run(WIN, since=150, until=300)
    s = r["summary"]
    assert (s["interactions"], s["dropped_self"], s["dropped_window"]) == (2, 1, 3)
    p = by_id(r)
    assert p["a"]["activity"] == 2 and p["b"]["received"] == 1 and p["c"]["received"] == 1
    # since only (inclusive): [200, inf): 200, 200, 300 -> 3 kept, 100 + no-time dropped
    s = run(WIN, since="1970-01-01T00:03:20Z")["summary"]
    assert (s["interactions"], s["dropped_window"]) == (3, 2)
    # until only: (-inf, 200): just t=100
    s = run(WIN, until=200)["summary"]
    assert (s["interactions"], s["dropped_window"]) == (1, 4)
    # people still include everyone from non-self interactions outside the window
    assert s["people"] == 3


def test_time_parsing():
    t = reference.parse_time
    assert t("1970-01-01T00:00:00Z") == 0
    assert t("2026-03-01T09:30:00Z") == 1772357400
    assert t("2026-03-01T10:30:00.25+01:00") == 1772357400.25
    assert t("2026-03-01T04:00:00-05:30") == 1772357400
    assert t(12.5) == 12.5
    for bad in ("2026-03-01", "2026-02-30T00:00:00Z", "2026-03-01T09:30:00", True):
        with pytest.raises(ValueError):
            t(bad)


# ---------------------------------------------------------------- people rules

def test_unlisted_people():
    # z is used but not listed; x->x self creates nobody
    doc = {"people": [{"id": "a", "team": "T"}, {"id": "b", "team": None}],
           "interactions": [{"from": "a", "to": "b"}, {"from": "z", "to": "a"},
                            {"from": "x", "to": "x"}]}
    r = run(doc)
    p = by_id(r)
    assert r["summary"]["people"] == 3 and r["summary"]["listed"] == 2
    assert "x" not in p
    assert p["z"]["listed"] is False and p["z"]["group"] is None and p["z"]["team"] is None
    assert p["z"]["eligible"] is False and p["z"]["activity"] == 1
    # b: team unknown -> cross_share null; reach = known teams among T(b) = {T} -> 1
    assert p["b"]["team"] is None and p["b"]["cross_share"] is None and p["b"]["reach"] == 1
    # a: T(a) = {b, z}, both unknown team -> reach 0, cross_share 0
    assert p["a"]["reach"] == 0 and p["a"]["cross_share"] == 0
    # cross_team_share: no pair with both teams known -> null; teams = 1
    assert r["summary"]["cross_team_share"] is None and r["summary"]["teams"] == 1
    # unlisted z comes after eligible ones, ordered by id with the others
    assert [x["id"] for x in r["people"]] == ["a", "b", "z"]


def test_no_people_member():
    doc = {"interactions": [{"from": "b", "to": "a"}, {"from": "a", "to": "c"}]}
    r = run(doc)
    assert r["summary"]["listed"] == 3 and r["summary"]["teams"] == 0
    for x in r["people"]:
        assert x["listed"] and x["group"] == "staff" and x["team"] is None
        assert x["reach"] == 0 and x["cross_share"] is None
    assert r["summary"]["eligible"] == 2   # c has activity 0


def test_jsonl_same_as_json(tmp_path):
    j = tmp_path / "x.json"
    jl = tmp_path / "x.jsonl"
    j.write_text(json.dumps(EX1))
    jl.write_text("\n".join(json.dumps(x) for x in EX1["people"] + EX1["interactions"]) + "\n\n")
    assert reference.rank(reference.load(str(j))) == reference.rank(reference.load(str(jl)))
    # JSON Lines without person lines = no people member
    jl.write_text("\n".join(json.dumps(x) for x in EX1["interactions"]))
    r = reference.rank(reference.load(str(jl)))
    assert r["summary"]["listed"] == 3


def test_bad_input():
    bad = [
        {"people": [{"id": "a"}, {"id": "a"}], "interactions": []},
        {"people": [{"id": ""}], "interactions": []},
        {"interactions": [{"from": "a"}]},
        {"interactions": [{"from": "a", "to": 3}]},
        {"interactions": [{"from": "a", "to": "b", "weight": 0}]},
        {"interactions": [{"from": "a", "to": "b", "weight": "1"}]},
        {"interactions": [{"from": "a", "to": "b", "time": "yesterday"}]},
    ]
    for doc in bad:
        with pytest.raises(ValueError):
            reference.from_dict(doc)
    with pytest.raises(ValueError):
        run(EX1, weights={c: 0 for c in reference.CRITERIA})


# ---------------------------------------------------------------- audience

def test_audience_reach():
    # a (staff) ties with b, c (citizen), d (visitor), e (staff), f unlisted
    doc = {"people": [{"id": "a", "team": "T"}, {"id": "b", "group": "citizen"},
                      {"id": "c", "group": "citizen"}, {"id": "d", "group": "visitor"},
                      {"id": "e", "team": "T"}],
           "interactions": [{"from": "a", "to": x} for x in "bcdef"]
           + [{"from": "b", "to": "a"}, {"from": "b", "to": "c"}]}
    p = by_id(run(doc, audience=["citizen"]))
    assert p["a"]["reach"] == 2          # b, c
    assert p["b"]["reach"] == 1          # c (a is staff)
    assert p["f"]["reach"] == 0
    p = by_id(run(doc, audience=["citizen", "visitor"]))
    assert p["a"]["reach"] == 3
    p = by_id(run(doc, audience=["staff"]))
    assert p["a"]["reach"] == 1 and p["b"]["reach"] == 1 and p["c"]["reach"] == 1  # e; a; a


# ---------------------------------------------------------------- bridging

def test_bridging_path():
    # undirected path a-b-c-d-e (edge directions mixed, one mutual)
    doc = {"interactions": [{"from": "a", "to": "b"}, {"from": "c", "to": "b"},
                            {"from": "c", "to": "d"}, {"from": "d", "to": "c"},
                            {"from": "d", "to": "e"}]}
    p = by_id(run(doc))
    # b on a-c, a-d, a-e = 3; c on a-d, a-e, b-d, b-e = 4; d = 3; / (4*3/2 = 6)
    assert p["b"]["bridging"] == pytest.approx(0.5)
    assert p["c"]["bridging"] == pytest.approx(4 / 6)
    assert p["d"]["bridging"] == pytest.approx(0.5)
    assert p["a"]["bridging"] == 0 and p["e"]["bridging"] == 0


def test_bridging_square_with_two_paths():
    # 4-cycle a-b-c-d-a: pair (a,c) has two shortest paths (via b, via d) -> b gets 1/2,
    # pair (b,d) -> a, c get 1/2 each; normalised by (3*2/2 = 3) -> 1/6 each
    doc = {"interactions": [{"from": "a", "to": "b"}, {"from": "b", "to": "c"},
                            {"from": "c", "to": "d"}, {"from": "d", "to": "a"}]}
    for x in run(doc)["people"]:
        assert x["bridging"] == pytest.approx(1 / 6)


def test_two_people_bridging_zero():
    doc = {"interactions": [{"from": "a", "to": "b"}]}
    for x in run(doc)["people"]:
        assert x["bridging"] == 0


# ---------------------------------------------------------------- influence

def test_influence_cycle_and_weights():
    # directed cycle -> uniform 1/3
    doc = {"interactions": [{"from": "a", "to": "b"}, {"from": "b", "to": "c"},
                            {"from": "c", "to": "a"}]}
    for x in run(doc)["people"]:
        assert x["influence"] == pytest.approx(1 / 3)
    # weights matter: a->b 3, a->c 1, b->a 1, c->a 1
    doc = {"interactions": [{"from": "a", "to": "b", "weight": 3}, {"from": "a", "to": "c"},
                            {"from": "b", "to": "a"}, {"from": "c", "to": "a"}]}
    p = by_id(run(doc))
    pr = pagerank_by_hand(3, [(0, 1, 3), (0, 2, 1), (1, 0, 1), (2, 0, 1)])
    for k, i in (("a", 0), ("b", 1), ("c", 2)):
        assert p[k]["influence"] == pytest.approx(pr[i], abs=1e-12)


# ---------------------------------------------------------------- percentiles

def test_percentile_ties():
    # [1, 1+1e-12, 2, 2, 3]: groups {1,1+e}, {2,2}, {3}; N=5
    # -> (0 + 1/2)/4 = .125 ; (2 + 1/2)/4 = .625 ; (4 + 0)/4 = 1
    got = reference.percentiles([2, 1, 3, 1 + 1e-12, 2])
    assert list(got) == [0.625, 0.125, 1.0, 0.125, 0.625]
    # anchored, not chained: 1+1.2e-9 is too far from 1, the group's first
    # value, although it is within 1e-9 of 1+.6e-9
    got = reference.percentiles([1, 1 + 0.6e-9, 1 + 1.2e-9, 5])
    assert list(got) == [1 / 6, 1 / 6, 2 / 3, 1.0]
    # zeros tie; N == 1 -> 1
    assert list(reference.percentiles([0, 0, 0])) == [0.5, 0.5, 0.5]
    assert list(reference.percentiles([7])) == [1.0]


def test_rank_ties_bytewise():
    # a perfectly symmetric pair: equal scores; bytewise "Z" (0x5a) < "a" (0x61)
    doc = {"interactions": [{"from": "a", "to": "Z"}, {"from": "Z", "to": "a"}]}
    r = run(doc)
    assert [x["id"] for x in r["people"]] == ["Z", "a"]
    assert [x["rank"] for x in r["people"]] == [1, 2]
    assert r["people"][0]["score"] == r["people"][1]["score"] == 0.5
    # non-ASCII sorts after ASCII (UTF-8 bytes)
    doc = {"interactions": [{"from": "\u00e9", "to": "z"}, {"from": "z", "to": "\u00e9"}]}
    assert [x["id"] for x in run(doc)["people"]] == ["z", "\u00e9"]


def test_reciprocity_prior():
    # a<->b mutual, a->c: R = 1/2
    doc = {"interactions": [{"from": "a", "to": "b"}, {"from": "b", "to": "a"},
                            {"from": "a", "to": "c"}, {"from": "d", "to": "d"}]}
    # prior 0: plain mutual/ties: a 1/2, b 1, c 0
    p = by_id(run(doc, reciprocity_prior=0))
    assert (p["a"]["reciprocity"], p["b"]["reciprocity"], p["c"]["reciprocity"]) == (0.5, 1, 0)
    # prior 5: a (1 + 2.5)/(2 + 5) = .5 ; b (1 + 2.5)/6 = 7/12 ; c 2.5/6 = 5/12
    p = by_id(run(doc, reciprocity_prior=5))
    assert p["a"]["reciprocity"] == pytest.approx(0.5)
    assert p["b"]["reciprocity"] == pytest.approx(7 / 12)
    assert p["c"]["reciprocity"] == pytest.approx(5 / 12)


def test_prior_zero_no_ties_is_zero():
    doc = {"people": [{"id": "lonely"}, {"id": "a"}, {"id": "b"}],
           "interactions": [{"from": "a", "to": "b"}]}
    p = by_id(run(doc, reciprocity_prior=0))
    assert p["lonely"]["reciprocity"] == 0 and p["lonely"]["ties"] == 0


def test_igraph_reciprocity_matches_R():
    import igraph
    d = convert.convert("krackhardt-friends", DATA)
    r = reference.rank(reference.from_dict(d))
    ids = {p["id"]: i for i, p in enumerate(d["people"])}
    g = igraph.Graph(n=len(ids), edges=[(ids[i["from"]], ids[i["to"]]) for i in d["interactions"]],
                     directed=True)
    assert r["summary"]["reciprocity"] == pytest.approx(g.reciprocity(mode="ratio"))


def test_networkx_bridging_and_pagerank_agree():
    import networkx as nx
    d = convert.convert("krackhardt-advice", DATA)
    r = by_id(reference.rank(reference.from_dict(d)))
    G = nx.DiGraph()
    G.add_nodes_from(p["id"] for p in d["people"])
    G.add_edges_from((i["from"], i["to"]) for i in d["interactions"])
    bc = nx.betweenness_centrality(G.to_undirected(), normalized=True)
    pr = nx.pagerank(G, alpha=0.85, tol=1e-14, max_iter=10000)
    for k in r:
        assert r[k]["bridging"] == pytest.approx(bc[k], abs=1e-12)
        assert r[k]["influence"] == pytest.approx(pr[k], abs=1e-9)


# ---------------------------------------------------------------- provenance counts

def directed_cross_share(d):
    team = {p["id"]: p["team"] for p in d["people"]}
    inter = d["interactions"]
    return sum(team[i["from"]] != team[i["to"]] for i in inter) / len(inter)


# name: (people, directed ties incl. self, reciprocated share of directed edges,
#        directed-edge share crossing teams, teams)
PROV = {
    "email-eu-core": (1005, 25571, 0.6934, 0.6368, 42),
    "krackhardt-advice": (21, 190, 0.4737, 0.7579, 5),
    "krackhardt-friends": (21, 102, 0.451, 0.6275, 5),
    "krackhardt-reports": (21, 20, 0.0, 0.2, 5),
    "lazega-advice": (71, 892, 0.3924, 0.2152, 3),
    "lazega-cowork": (71, 1104, 0.6848, 0.2292, 3),
    "lazega-friends": (71, 575, 0.6122, 0.1426, 3),
    "uk-faculty": (81, 817, 0.5875, 0.186, 4),
}


@pytest.mark.parametrize("name", sorted(PROV))
def test_provenance_counts(name):
    people, arcs, recip, cross, teams = PROV[name]
    d = convert.convert(name, DATA)
    r = reference.rank(reference.from_dict(d))
    s = r["summary"]
    assert s["people"] == people and s["teams"] == teams
    assert len(d["interactions"]) == arcs
    assert s["interactions"] + s["dropped_self"] == arcs
    # PROVENANCE "reciprocated share" = arcs whose reverse exists / all arcs
    assert 2 * s["mutual_ties"] / arcs == pytest.approx(recip, abs=5e-5)
    assert directed_cross_share(d) == pytest.approx(cross, abs=5e-5)
    if name.startswith("lazega"):
        groups = [p["group"] for p in d["people"]]
        assert groups.count("partner") == 36 and groups.count("associate") == 35
        # default champion group "staff": nobody eligible; partners when asked
        assert s["eligible"] == 0
        r2 = reference.rank(reference.from_dict(d), champion_groups=["partner"])
        assert r2["summary"]["eligible"] <= 36
    if name == "email-eu-core":
        assert s["dropped_self"] == 642


def test_provenance_workplace():
    d = convert.convert("workplace-invs13", DATA)
    s = reference.rank(reference.from_dict(d))["summary"]
    assert (s["people"], s["interactions"], s["ties"], s["teams"]) == (92, 9827, 755, 5)
    assert directed_cross_share(d) == pytest.approx(0.1797, abs=5e-5)
    times = [i["time"] for i in d["interactions"]]
    assert (min(times), max(times)) == (28820, 1016440)


def test_provenance_email_eu_full():
    d = convert.convert("email-eu-full", DATA)
    s = reference.rank(reference.from_dict(d))["summary"]
    # 998 people, 741,831 pair events, 25,755 size-1 e-mails (self)
    assert (s["people"], s["interactions"], s["dropped_self"]) == (998, 741831, 25755)
    team = {p["id"]: p["team"] for p in d["people"]}
    pairs = [i for i in d["interactions"] if i["from"] != i["to"]]
    same = sum(team[i["from"]] == team[i["to"]] for i in pairs) / len(pairs)
    assert same == pytest.approx(0.6117, abs=5e-5)
    times = [i["time"] for i in d["interactions"]]
    assert (min(times), max(times)) == (1064021027, 1133480281)
    # PROVENANCE: 100 % of the two-person e-mails (id - 1) are edges of email-Eu-core
    folder = os.path.join(DATA, "email-Eu-full-simplices-ScHoLP")
    nverts = convert._gz_ints(os.path.join(folder, "email-Eu-nverts.txt.gz"))
    core = convert.convert("email-eu-core", DATA)
    arcs = {(i["from"], i["to"]) for i in core["interactions"]}
    k = 0
    two = hit = 0
    for nv in nverts:       # walk the interactions set by set
        m = 1 if nv == 1 else nv * (nv - 1) // 2
        if nv == 2:
            i = d["interactions"][k]
            two += 1
            hit += (i["from"], i["to"]) in arcs or (i["to"], i["from"]) in arcs
        k += m
    assert k == len(d["interactions"])
    assert two == 173288 and hit == two


def test_demo_export_matches_conversion():
    path = os.path.join(HERE, "..", "..", "examples", "email-eu-core.json")
    with open(path, encoding="utf-8") as f:
        assert json.load(f) == convert.convert("email-eu-core", DATA)
