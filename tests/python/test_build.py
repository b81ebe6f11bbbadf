"""Networks built from Python data equal the same network read from JSON:
from_pandas, from_networkx, the batch calls and the single calls; bad rows
are refused whole, with the row named."""

import datetime as dt
import warnings
import json

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import champions
from conftest import NETWORKS, export_of


def frames(export):
    people = pd.DataFrame(export["people"]) if "people" in export else None
    return pd.DataFrame(export["interactions"]), people


def ranked_json(net, **kw):
    with net, net.rank(**kw) as res:
        return res.to_json()


def window_of(export):
    """A window over the middle of the timed interactions, or no window."""
    times = sorted(i["time"] for i in export["interactions"] if "time" in i)
    return {"since": times[len(times) // 4], "until": times[3 * len(times) // 4]} if times else {}


@pytest.mark.parametrize("name", NETWORKS)
def test_from_pandas_equals_the_json_file(export_path, name):
    export = export_of(name)
    interactions, people = frames(export)
    for kw in ({}, window_of(export)):
        want = ranked_json(champions.load(export_path(name)), **kw)
        assert ranked_json(champions.Network.from_pandas(interactions, people), **kw) == want


def graph_of(export):
    G = nx.MultiDiGraph()
    for p in export["people"]:
        G.add_node(p["id"], **{k: v for k, v in p.items() if k != "id"})
    for i in export["interactions"]:
        G.add_edge(i["from"], i["to"], **{k: v for k, v in i.items() if k not in ("from", "to")})
    return G


def export_in_graph_order(G):
    """The JSON export of G, people and interactions in networkx's order."""
    people = [{"id": n, **d} for n, d in G.nodes(data=True)]
    interactions = [{"from": u, "to": v, **d} for u, v, d in G.edges(data=True)]
    return {"people": people, "interactions": interactions}


@pytest.mark.parametrize("name", NETWORKS)
def test_from_networkx_equals_the_json_file(tmp_path, name):
    export = export_of(name)
    G = graph_of(export)
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(export_in_graph_order(G)), encoding="utf-8")
    for kw in ({}, window_of(export)):
        want = ranked_json(champions.load(str(path)), **kw)
        assert ranked_json(champions.Network.from_networkx(G), **kw) == want


def test_from_networkx_undirected_and_integer_nodes():
    G = nx.Graph()
    G.add_node(1, team="A")
    G.add_node(2, team="B", group="partner")
    G.add_edge(1, 2, weight=2.5)
    G.add_edge(2, 3)
    net = champions.Network()
    net.add_person("1", "A")
    net.add_person("2", "B", "partner")
    net.add_person("3")
    for u, v, w in (("1", "2", 2.5), ("2", "3", 1), ("2", "1", 2.5), ("3", "2", 1)):
        net.add_interaction(u, v, weight=w)
    assert ranked_json(champions.Network.from_networkx(G)) == ranked_json(net)


def test_single_calls_and_batches_agree():
    export = export_of("workplace-invs13")
    one = champions.Network()
    for p in export["people"]:
        one.add_person(p["id"], p.get("team"), p.get("group"))
    for i in export["interactions"]:
        one.add_interaction(i["from"], i["to"], i.get("time"), i.get("type"), i.get("weight", 1))
    batch = champions.Network()
    batch.add_people([p["id"] for p in export["people"]], [p.get("team") for p in export["people"]])
    ix = export["interactions"]
    batch.add_interactions([i["from"] for i in ix], [i["to"] for i in ix],
                           [i.get("time") for i in ix], [i.get("type") for i in ix])
    kw = window_of(export)
    assert ranked_json(one, **kw) == ranked_json(batch, **kw)


def test_time_columns_in_every_form_agree():
    base = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.timezone.utc)
    stamps = [base + dt.timedelta(hours=h, microseconds=250000) for h in range(8)]
    ids = ["a", "b", "c", "d"]
    frame = pd.DataFrame({"from": [ids[k % 4] for k in range(8)],
                          "to": [ids[(k + 1 + k // 4) % 4] for k in range(8)]})
    unix = np.array([s.timestamp() for s in stamps])
    forms = {
        "seconds": unix,
        "aware": pd.Series(stamps),                                   # datetime64[ns, UTC]
        "other zone": pd.Series(stamps).dt.tz_convert("Europe/Brussels"),
        "naive = UTC": pd.Series([s.replace(tzinfo=None) for s in stamps]),
        "RFC 3339": [s.isoformat() for s in stamps],
        "RFC 3339 with offset": [s.astimezone(dt.timezone(dt.timedelta(hours=-5))).isoformat()
                                 for s in stamps],
        "objects": [s.to_pydatetime() if hasattr(s, "to_pydatetime") else s for s in stamps],
    }
    window = {"since": stamps[2], "until": "2026-03-01T15:30:00.25Z"}
    results = {}
    for form, times in forms.items():
        net = champions.Network.from_pandas(frame.assign(time=list(times) if isinstance(times, list)
                                                         else times))
        with net, net.rank(**window) as res:
            assert res.summary["interactions"] == 4, form     # hours 2..5
            assert res.summary["dropped_window"] == 4, form
            results[form] = res.to_json()
    assert len(set(results.values())) == 1


def test_missing_values_mean_absent():
    frame = pd.DataFrame({"from": ["a", "b", "a"], "to": ["b", "a", "c"],
                          "time": [np.nan, 10.0, None], "type": [None, "reply", np.nan],
                          "weight": [np.nan, 2.0, None]})
    people = pd.DataFrame({"id": ["a", "b"], "team": ["T", np.nan], "group": [None, "partner"]})
    explicit = champions.Network()
    explicit.add_person("a", "T")
    explicit.add_person("b", None, "partner")
    explicit.add_interaction("a", "b")
    explicit.add_interaction("b", "a", 10, "reply", 2)
    explicit.add_interaction("a", "c")
    assert ranked_json(champions.Network.from_pandas(frame, people)) == ranked_json(explicit)


def test_integer_ids_become_text():
    frame = pd.DataFrame({"from": [1, 2], "to": [2, 1]})
    with champions.Network.from_pandas(frame) as net, net.rank() as res:
        assert sorted(r["id"] for r in res.to_records()) == ["1", "2"]


def test_a_bad_row_is_named_and_nothing_is_added():
    net = champions.Network()
    net.add_interaction("a", "b")
    with pytest.raises(champions.InputError,
                       match=r"^interactions\[2\]\.weight: expected a finite number > 0$"):
        net.add_interactions(["x", "y", "z"], ["y", "z", "x"], weight=[1, 2, -1])
    with pytest.raises(champions.InputError,
                       match=r"^interactions\[1\]\.time: expected an RFC 3339"):
        net.add_interactions(["x", "y"], ["y", "z"], time=["2026-01-01T00:00:00Z", "soon"])
    with pytest.raises(champions.InputError, match=r"^interactions\[1\]\.to: invalid UTF-8$"):
        net.add_interactions(["x", "y"], ["y", "\udcff"])
    with pytest.raises(ValueError, match=r"^interactions\[1\]\.from: missing value$"):
        net.add_interactions(["x", None], ["y", "z"])
    with pytest.raises(ValueError, match=r"^interactions\.to: expected 2 values, got 1$"):
        net.add_interactions(["x", "y"], ["y"])
    with pytest.raises(ValueError, match=r"^interactions\[1\]\.from: contains a NUL character$"):
        net.add_interactions(["x", "y\0z"], ["y", "z"])
    with pytest.raises(champions.InputError,
                       match=r'^people\[1\]\.id: duplicate person id "p"$'):
        net.add_people(["p", "p"])
    with pytest.raises(TypeError, match=r"^interactions\.weight: expected numbers"):
        net.add_interactions(["x"], ["y"], weight=["heavy"])
    assert len(net) == 2 and net.interaction_count == 1
    with net.rank() as res:
        assert res.summary["listed"] == 2  # the failed people batch listed nobody


def test_single_calls_check_their_arguments():
    net = champions.Network()
    with pytest.raises(champions.InputError, match=r"^id: expected a non-empty string$"):
        net.add_person("")
    with pytest.raises(TypeError, match=r"^team: expected a string, got int$"):
        net.add_person("p", 7)
    with pytest.raises(champions.InputError, match=r"^weight: expected a finite number > 0$"):
        net.add_interaction("a", "b", weight=0)
    with pytest.raises(champions.InputError, match=r"^time: expected an RFC 3339"):
        net.add_interaction("a", "b", time="tomorrow")
    with pytest.raises(champions.InputError, match=r"no time zone: add Z for UTC"):
        net.add_interaction("a", "b", time="2026-01-01T10:00:00")
    with pytest.raises(ValueError, match=r"^to: contains a NUL character$"):
        net.add_interaction("a", "b\0c")
    assert len(net) == 0


def test_from_json_text_and_bytes():
    text = json.dumps({"interactions": [{"from": "a", "to": "b"}, {"from": "b", "to": "a"}]})
    assert ranked_json(champions.Network.from_json(text)) == \
        ranked_json(champions.Network.from_json(text.encode()))
    with pytest.raises(champions.InputError, match=r"^line 1, column \d+: "):
        champions.Network.from_json('{"interactions": [}')


def test_a_date_is_midnight_utc():
    net = champions.Network()
    net.add_interaction("a", "b", time=dt.date(2026, 1, 1))
    net.add_interaction("b", "a", time="2026-01-02")
    since = champions.parse_time(dt.date(2026, 1, 2))
    assert since == champions.parse_time("2026-01-02T00:00:00Z") == 1767312000
    with pytest.warns(champions.DataWarning):  # no teams
        res = net.rank(since=since)
    assert res.summary["interactions"] == 1


def test_float_id_columns_are_refused():
    """pandas reads integer ids with a blank cell as floats: 1001.0 would be
    a new, unlisted person. Refused, naming the row and the fix."""
    interactions = pd.DataFrame({"from": [1001, 1002, None], "to": [1002, 1001, 1001]})
    assert interactions["from"].dtype.kind == "f"
    with pytest.raises(ValueError, match=r"^interactions\[0\]\.from: 1001\.0 is a floating-point "
                                         r"number, not text .*dtype=str"):
        champions.Network.from_pandas(interactions)
    people = pd.DataFrame({"id": ["1001", "1002"], "team": [1.0, float("nan")]})
    with pytest.raises(ValueError, match=r"^people\[0\]\.team: 1\.0 is a floating-point"):
        champions.Network.from_pandas(pd.DataFrame({"from": ["1001"], "to": ["1002"]}), people)
    # integers and text are fine, and so is a column with nothing in it
    people = pd.DataFrame({"id": [1001, 1002], "team": [float("nan")] * 2})
    net = champions.Network.from_pandas(pd.DataFrame({"from": [1001], "to": [1002]}), people)
    with pytest.warns(champions.DataWarning, match="no one has a team"), net.rank() as res:
        assert {p["id"] for p in res} == {"1001", "1002"}


def test_from_networkx_without_teams_warns():
    G = nx.DiGraph()
    G.add_edge("a", "b")
    with pytest.warns(champions.DataWarning, match=r"no node has a 'team' attribute"):
        champions.Network.from_networkx(G).close()
    G.nodes["a"]["dept"] = "X"
    with pytest.warns(champions.DataWarning, match=r"no node has a 'department' attribute"):
        champions.Network.from_networkx(G, team="department").close()
    G.nodes["a"]["team"] = "X"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        champions.Network.from_networkx(G).close()
