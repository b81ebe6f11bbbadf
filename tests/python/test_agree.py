"""The binding gives exactly what the demo gives: for every network of the
shared data and every option set of tests/reference/agree.py, the JSON of
Ranking.to_json() equals `champions rank --format json` byte for byte, and
to_records()/summary equal the parsed JSON."""

import json

import pytest

import agree  # tests/reference/agree.py: the option sets, as CLI arguments
import champions
from conftest import NETWORKS, run_demo

CASES = [(name, *case) for name in NETWORKS for case in agree.CASES[name]]


def _pairs(text):
    return [item.split("=", 1) for item in text.split(",")]


def kwargs_of(cli):
    """Network.rank() keywords and to_json()'s top for the demo's options."""
    kw, top = {}, 0
    it = iter(cli)
    for flag in it:
        value = next(it)
        if flag == "--weights":
            kw["weights"] = {k: float(v) for k, v in _pairs(value)}
        elif flag == "--type-weight":
            kw.setdefault("type_weights", {}).update((k, float(v)) for k, v in _pairs(value))
        elif flag in ("--since", "--until"):
            kw[flag[2:]] = value  # text, parsed by the library as the demo does
        elif flag == "--min-activity":
            kw["min_activity"] = float(value)
        elif flag == "--reciprocity-prior":
            kw["reciprocity_prior"] = float(value)
        elif flag == "--min-tie-weight":
            kw["min_tie_weight"] = float(value)
        elif flag in ("--samples", "--seed"):
            kw[flag[2:]] = int(value)
        elif flag == "--champion-groups":
            kw["champion_groups"] = value.split(",")
        elif flag == "--audience":
            kw["audience"] = value.split(",")
        elif flag == "--top":
            top = int(value)
        else:
            raise AssertionError(f"no translation for {flag}")
    return kw, top


@pytest.mark.parametrize("name,case,cli,suffix", [
    (c[0], c[1], c[2], c[3] if len(c) > 3 else ".json") for c in CASES],
    ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_binding_equals_demo(export_path, name, case, cli, suffix):
    path = export_path(name, suffix)
    want = run_demo("--format", "json", *cli, path)
    kw, top = kwargs_of(cli)
    with champions.load(path) as net, net.rank(**kw) as res:
        assert res.to_json(top) == want
        doc = json.loads(want)
        assert res.summary == doc["summary"]
        assert res.to_records()[:top or None] == doc["people"]


def test_csv_equals_demo(export_path):
    path = export_path("lazega-advice")
    want = run_demo("--format", "csv", "--champion-groups", "partner,associate", path)
    with champions.load(path) as net:
        assert net.rank(champion_groups=["partner", "associate"]).to_csv() == want
