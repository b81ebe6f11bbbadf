"""Importers through the binding: every fixture form ranks exactly as its
JSON equivalent; the equivalents are what the independent reading of the
contract (tests/reference/importers.py) makes of the fixtures; the real
networks of ../shared/data rank the same as CSV as they do as JSON; zips
read from memory; the tie graph comes out as networkx, GEXF and GraphML
with the JSON's values."""

import csv
import io
import json
import os
import re
import shutil
import zipfile

import networkx as nx
import pytest

import champions
import importers  # tests/reference, on the path through conftest
from conftest import NETWORKS, REPO, export_of

FIXTURES = os.path.join(REPO, "tests", "data", "import")
CSV_COLUMNS = {"from": "Sender", "to": "Recipient", "time": "SentAt", "type": "Channel",
               "weight": "Weight"}

# (fixture, load() keywords, equivalent JSON, rows of weight 0: None for a
# form that has no such count, whose summary then has no such key)
CASES = [
    ("csv/sent.csv", {"columns": CSV_COLUMNS, "people": "csv/people.csv"},
     "csv/expected.json", None),
    ("viva-p2p/query.csv", {}, "viva-p2p/expected.json", 0),
    ("viva-p2p/query.csv", {"weight_column": "Strong_tie_score"},
     "viva-p2p/expected-strong-ties.json", 2),
    ("slack", {}, "slack/expected.json", None),
    ("slack.zip", {}, "slack/expected.json", None),
    ("viva-engage", {}, "viva-engage/expected.json", None),
    ("viva-engage.zip", {}, "viva-engage/expected.json", None),
]


def fixture(name):
    return os.path.join(FIXTURES, name)


def ranked(net):
    """The ranking's JSON, and its dropped_zero set apart (None when absent)."""
    with net, net.rank() as res:
        doc = json.loads(res.to_json())
        assert res.summary.get("dropped_zero") == doc["summary"].get("dropped_zero")
    zero = doc["summary"].pop("dropped_zero", None)
    return doc, zero


def keywords(kw):
    return {k: fixture(v) if k == "people" else v for k, v in kw.items()}


@pytest.mark.parametrize("name,kw,expected,zero", CASES, ids=[f"{c[0]}{c[1] and '+'}"
                                                              for c in CASES])
def test_fixture_ranks_as_its_json(name, kw, expected, zero):
    got, got_zero = ranked(champions.load(fixture(name), **keywords(kw)))
    want, want_zero = ranked(champions.load(fixture(expected)))
    assert got == want
    assert (got_zero, want_zero) == (zero, None)


@pytest.mark.parametrize("name,kw,expected,zero", CASES, ids=[c[0] for c in CASES])
def test_equivalents_are_the_references(name, kw, expected, zero):
    """The committed equivalents are what the independent reading makes of
    the fixtures (they were written by it; this keeps them so)."""
    path = fixture(name)
    if name.startswith("csv/"):
        export = importers.apply_people(importers.csv_export(path, kw["columns"]),
                                        importers.people_table(fixture(kw["people"])))
    elif name.startswith("viva-p2p/"):
        export, dropped = importers.p2p_export(path, kw.get("weight_column"))
        assert dropped == zero
    elif name.startswith("slack"):
        export = importers.slack_export(path)
    else:
        export = importers.engage_export(path)
    with open(fixture(expected), encoding="utf-8") as f:
        assert json.load(f) == export


def test_forms_given_and_zips_from_memory():
    data = open(fixture("slack.zip"), "rb").read()
    want, _ = ranked(champions.load(fixture("slack")))
    assert ranked(champions.Network.from_json(data))[0] == want
    assert ranked(champions.Network.from_json(data, form="slack"))[0] == want
    assert ranked(champions.load(fixture("slack.zip"), form="slack"))[0] == want
    with pytest.raises(champions.InputError, match=r"not a Viva Engage export: it has no "
                                                   r"Users\.csv"):
        champions.load(fixture("slack"), form="viva-engage")
    with pytest.raises(ValueError, match=r"^form: expected one of detect, json, jsonl, csv, "
                                         r"viva-p2p, slack, viva-engage"):
        champions.load(fixture("slack"), form="teams")


def test_option_errors_name_the_option():
    with pytest.raises(champions.ArgumentError, match=r"^columns: unknown field "
                                                      r"\"sender\""):
        champions.load(fixture("csv/sent.csv"), columns={"sender": "Sender"})
    with pytest.raises(champions.InputError, match=r'no column "Sender2" for "from"'):
        champions.load(fixture("csv/sent.csv"), columns={"from": "Sender2"})
    with pytest.raises(champions.FileError, match=r"/nonexistent/people\.csv: cannot open"):
        champions.load(fixture("viva-engage"), people="/nonexistent/people.csv")


def write_csv_form(export, folder):
    """A shared-data network as a CSV of interactions and a people table."""
    inter = os.path.join(folder, "interactions.csv")
    with open(inter, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["from", "to", "time", "type", "weight"])
        for i in export["interactions"]:
            w.writerow([i["from"], i["to"], i.get("time", ""), i.get("type", ""),
                        repr(float(i["weight"])) if "weight" in i else ""])
    people = None
    if "people" in export:
        people = os.path.join(folder, "people.csv")
        with open(people, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["id", "team", "group"])
            for p in export["people"]:
                w.writerow([p["id"], p.get("team") or "", p.get("group") or ""])
    return inter, people


@pytest.mark.parametrize("name", NETWORKS)
def test_real_networks_rank_the_same_as_csv(tmp_path, name):
    """Through CSV, the interactions come first and the people table after:
    the JSON export to compare with lists them in that order too, so that
    people are numbered alike."""
    export = export_of(name)
    inter, people = write_csv_form(export, str(tmp_path))
    reordered = {"interactions": export["interactions"]}
    if "people" in export:
        reordered["people"] = export["people"]
    doc = tmp_path / "export.json"
    doc.write_text(json.dumps(reordered), encoding="utf-8")
    got, _ = ranked(champions.load(inter, people=people))
    want, _ = ranked(champions.load(str(doc)))
    assert got == want


def test_tie_graph_in_networkx_gexf_and_graphml(tmp_path):
    with champions.load(fixture("viva-engage")) as net, net.rank() as res:
        records = {r["id"]: r for r in res}
        G = res.to_networkx()
        (tmp_path / "t.gexf").write_text(res.to_gexf(), encoding="utf-8")
        (tmp_path / "t.graphml").write_text(res.to_graphml(), encoding="utf-8")
        assert res.ties()[0].size == G.number_of_edges() == 5
    for graph in (G, nx.read_gexf(str(tmp_path / "t.gexf")),
                  nx.read_graphml(str(tmp_path / "t.graphml"))):
        assert set(graph.nodes) == set(records)
        for pid, r in records.items():
            node = graph.nodes[pid]
            for key in ("team", "rank", "score", "reach", "cross_share"):
                assert node.get(key) == r[key] or (r[key] is None and key not in node)
            if r["eligible"]:
                assert node["pct_bridging"] == r["percentiles"]["bridging"]
        assert graph["1500000002"]["1500000001"]["weight"] == 1
        assert sum(d["weight"] for _, _, d in graph.edges(data=True)) == 5
