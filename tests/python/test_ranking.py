"""Ranking as records and DataFrames: dtypes, NaN/NA for ineligible people,
lookups, the criterion shares; rank() options and their errors."""

import datetime as dt
import math
import warnings

import numpy as np
import pandas as pd
import pytest

import champions
from conftest import BUNDLED


@pytest.fixture(scope="module")
def res():
    with champions.load(BUNDLED) as net:
        r = net.rank(min_activity=5)
    yield r
    r.close()


def test_frame_columns_and_dtypes(res):
    df = res.to_pandas()
    assert len(df) == len(res) == res.summary["people"] == 1005
    expected = {"id": object, "team": object, "group": object, "listed": bool, "eligible": bool,
                "rank": pd.Int64Dtype(), "score": np.float64, "activity": np.float64,
                "reciprocity": np.float64, "reach": np.int64, "bridging": np.float64,
                "influence": np.float64, "received": np.float64, "ties": np.int64,
                "mutual": np.int64, "cross_share": np.float64, "flags": object,
                "explanation": object}
    expected.update({"percentiles." + c: np.float64 for c in champions.CRITERIA})
    assert list(df.columns) == list(expected)
    for column, dtype in expected.items():
        assert df[column].dtype == dtype, column
    # with confidence, its three columns come last
    with res_with_confidence() as r:
        df = r.to_pandas()
        assert list(df.columns) == [*expected, "confidence.rank_low", "confidence.rank_high",
                                    "confidence.top_share"]
        assert df["confidence.rank_low"].dtype == pd.Int64Dtype()
        assert df["confidence.top_share"].dtype == np.float64


def res_with_confidence():
    net = champions.Network()
    for k in range(12):
        net.add_interaction(f"p{k}", f"p{(k + 1) % 12}")
        net.add_interaction(f"p{(k + 1) % 12}", f"p{k}", weight=1 + k % 3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", champions.DataWarning)
        return net.rank(confidence=5)


def test_ineligible_people_have_na_rank_and_nan_scores(res):
    df = res.to_pandas()
    eligible = df["eligible"]
    n = res.summary["eligible"]
    assert 0 < n < len(df) and eligible.sum() == n
    assert eligible.iloc[:n].all() and not eligible.iloc[n:].any()  # eligible first
    assert df["rank"].iloc[:n].tolist() == list(range(1, n + 1))
    assert df["rank"].iloc[n:].isna().all()
    pct = df[["score"] + ["percentiles." + c for c in champions.CRITERIA]]
    assert pct.iloc[n:].isna().all().all() and pct.iloc[:n].notna().all().all()
    assert (df["activity"].iloc[n:] < 5).all()            # min_activity=5
    assert df["id"].iloc[n:].is_monotonic_increasing      # the others by id
    assert df["score"].iloc[:n].is_monotonic_decreasing


def test_frame_is_json_normalize_of_the_records(res):
    records = res.to_records()
    normal = pd.json_normalize(records)
    df = res.to_pandas()
    assert list(df.columns) == [c for c in normal.columns if c != "percentiles"]
    for column in df.columns:
        if column not in ("id", "team", "group", "listed", "eligible", "flags", "explanation"):
            got = df[column].astype("float64").to_numpy()
            want = normal[column].astype("float64").to_numpy()
            assert np.array_equal(got, want, equal_nan=True), column
        else:
            assert df[column].tolist() == normal[column].tolist(), column


def test_records_match_lookups_and_the_getters(res):
    records = res.to_records()
    for record in records[:3] + records[-3:]:
        assert res[record["id"]] == record
    assert records[-1]["rank"] is None and records[-1]["percentiles"] is None
    assert isinstance(records[0]["reach"], int) and isinstance(records[0]["rank"], int)
    assert "e0000" in res and "nobody" not in res
    with pytest.raises(KeyError):
        res["nobody"]


def test_top_is_the_first_champions(res):
    top = res.top(5)
    assert top["rank"].tolist() == [1, 2, 3, 4, 5]
    assert len(res.top(10_000)) == res.summary["eligible"]
    assert len(res.top(0)) == 0
    for bad in (-1, 2.5, True):
        with pytest.raises(ValueError, match=r"^n: expected an integer >= 0"):
            res.top(bad)
        with pytest.raises(ValueError, match=r"^top: expected an integer >= 0"):
            res.to_json(bad)


def test_scores_are_shares_times_percentiles(res):
    shares = res.weights
    assert shares == pytest.approx({"reciprocity": 0.30, "reach": 0.25, "bridging": 0.15,
                                    "influence": 0.15, "activity": 0.15})
    parts = res.contributions()
    df = res.to_pandas()
    assert np.allclose(parts[list(champions.CRITERIA)].sum(axis=1),
                       df.loc[parts.index, "score"], rtol=0, atol=1e-12)


def test_summary_types(res):
    s = res.summary
    assert list(s) == ["people", "listed", "eligible", "interactions", "dropped_self",
                       "dropped_window", "ties", "mutual_ties", "reciprocity", "teams",
                       "cross_team_share", "warnings"]
    # dropped_zero: only for a Viva Insights person-to-person query
    assert list(s) == [*(k for k in champions.SUMMARY_ITEMS if k != "dropped_zero"), "warnings"]
    # the bundled export records each pair's e-mail once, and says so
    assert [kind for kind, _ in res.warnings] == ["no_tie_depth"]
    assert s["warnings"] == [sentence for _, sentence in res.warnings]
    assert all(type(s[k]) is int for k in s
               if k not in ("reciprocity", "cross_team_share", "warnings"))
    assert isinstance(s["reciprocity"], float)
    assert res.bridging_exact is True and res.bridging_sources == 1005


def test_null_cross_team_share_is_none():
    net = champions.Network()
    net.add_interaction("a", "b")
    with net.rank() as res:
        assert res.summary["cross_team_share"] is None
        assert res.to_records()[0]["cross_share"] is None
        assert math.isnan(res.to_pandas()["cross_share"][0])


def test_empty_network():
    with champions.Network() as net, net.rank() as res:
        assert len(res) == 0 and res.to_records() == [] and len(res.to_pandas()) == 0
        assert res.summary["people"] == 0


def test_rank_options_reach_the_library():
    with champions.load(BUNDLED) as net:
        base = net.rank()
        assert net.rank(weights={"activity": 0.15}).to_json() == base.to_json()
        audience = net.rank(audience="staff", champion_groups="staff")
        assert audience.to_json() == net.rank(audience=["staff"]).to_json() != base.to_json()
        sampled = net.rank(samples=64, seed=3)
        assert not sampled.bridging_exact and sampled.bridging_sources == 64
        assert sampled.to_json() == net.rank(samples=64, seed=3).to_json()
        assert net.rank(champion_groups=[]).summary["eligible"] == 0
        assert net.rank(type_weights={"email": 0}).summary["ties"] == 0


def test_window_accepts_datetimes_strings_and_seconds():
    net = champions.Network()
    for k, t in enumerate([0, 3600, 7200, 10800]):
        net.add_interaction("a", "b" if k % 2 else "c", t)
    epoch = dt.datetime(1970, 1, 1)
    forms = [(3600, 10800), ("1970-01-01T01:00:00Z", "1970-01-01T03:00:00+00:00"),
             (epoch + dt.timedelta(hours=1), epoch + dt.timedelta(hours=3)),
             (np.datetime64("1970-01-01T01:00"), pd.Timestamp("1970-01-01T03:00", tz="UTC"))]
    for since, until in forms:
        with net.rank(since=since, until=until) as res:
            assert res.summary["interactions"] == 2 and res.summary["dropped_window"] == 2


@pytest.mark.parametrize("kw,error,message", [
    ({"weights": {"reach": 0, "reciprocity": 0, "bridging": 0, "influence": 0, "activity": 0}},
     champions.ArgumentError, r"^weights: at least one criterion needs a weight > 0$"),
    ({"weights": {"fame": 1}}, ValueError, r"^weights: unknown criterion 'fame'"),
    ({"weights": {"reach": -1}}, champions.ArgumentError, r"^weights\['reach'\]: "),
    ({"weights": {"reach": "high"}}, TypeError, r"^weights\['reach'\]: expected a number"),
    ({"since": 10, "until": 10}, champions.ArgumentError, r"since"),
    ({"since": "last week"}, champions.InputError, r"^since: expected an RFC 3339"),
    ({"until": float("inf")}, ValueError, r"^until: expected finite Unix seconds"),
    ({"since": "2026-01-01T00:00:00"}, champions.InputError, r"^since: .*\(no time zone"),
    ({"type_weights": {"email": -2}}, champions.ArgumentError, r"^type_weights\['email'\]: "),
    ({"min_activity": float("nan")}, ValueError, r"^min_activity: expected a number, got NaN"),
    ({"reciprocity_prior": -1}, champions.ArgumentError, r"^reciprocity_prior: "),
    ({"samples": -1}, ValueError, r"^samples: expected an integer from 0"),
    ({"samples": 2.5}, TypeError, r"^samples: expected an integer"),
    ({"seed": 2**64}, ValueError, r"^seed: expected an integer from 0"),
    ({"estimate": "adaptive"}, ValueError, r"^estimate: expected one of pivots, linear, got "),
    ({"champion_groups": 3}, TypeError, r"^champion_groups: expected a group name"),
    ({"audience": [None]}, TypeError, r"^audience: expected a string, got NoneType"),
])
def test_bad_options_raise_with_the_place(kw, error, message):
    with champions.load(BUNDLED) as net:
        with pytest.raises(error, match=message):
            net.rank(**kw)


def test_iterating_yields_the_people_in_output_order(res):
    people = list(res)
    assert people == res.to_records()
    assert [p["rank"] for p in people[:3]] == [1, 2, 3]
    first = next(iter(res))
    assert first == res[first["id"]]
    assert sum(1 for p in res if p["eligible"]) == res.summary["eligible"]


def test_an_absent_id_is_a_key_error(res):
    with pytest.raises(KeyError):
        res["nobody"]
    with pytest.raises(KeyError):
        res[17]
    assert "nobody" not in res and 17 not in res and res.to_records()[0]["id"] in res
    assert issubclass(champions.NotFoundError, KeyError)


def test_names_come_from_the_library():
    assert champions.CRITERIA == ("reciprocity", "reach", "bridging", "influence", "activity")
    assert champions.DIAGNOSTICS == ("received", "ties", "mutual", "cross_share")
    assert champions.FORMATS == ("json", "csv", "gexf", "graphml")
    assert champions.INPUTS == ("detect", "json", "jsonl", "csv", "viva-p2p", "slack",
                                "viva-engage")
    assert "no_audience" in champions.WARNINGS and "empty_window" in champions.WARNINGS
    assert champions.ESTIMATES == ("pivots", "linear")


def test_the_bridging_estimate():
    """estimate="linear" samples bridging with linear scaling: the ranking
    says so, and its bridging differs from the pivots' from the same
    sources; exact bridging stays exact (and says pivots)."""
    with champions.load(BUNDLED) as net:
        with net.rank(samples=64) as pivots, net.rank(samples=64, estimate="linear") as linear:
            assert (pivots.bridging_estimate, linear.bridging_estimate) == ("pivots", "linear")
            assert not linear.bridging_exact and linear.bridging_sources == 64
            a = pivots.to_pandas().set_index("id")["bridging"]
            b = linear.to_pandas().set_index("id")["bridging"].reindex(a.index)
            assert (a != b).sum() > 100
        with net.rank() as exact, net.rank(estimate="linear") as exact_too:
            assert exact_too.bridging_exact and exact_too.bridging_estimate == "pivots"
            assert exact.to_records() == exact_too.to_records()


def test_defaults_are_the_librarys():
    d = champions.defaults()
    assert d == {"weights": {"reciprocity": 0.30, "reach": 0.25, "bridging": 0.15,
                             "influence": 0.15, "activity": 0.15},
                 "min_activity": 1.0, "champion_groups": ["staff"], "audience": [],
                 "reciprocity_prior": 2.0, "samples": 0, "seed": 1, "estimate": "pivots",
                 "scenario": None,
                 "top": 10, "period": "month", "min_tie_weight": 0.0, "confidence": 0,
                 "min_group_size": 5}


def test_rank_sets_only_what_the_caller_gave(monkeypatch):
    """Options left at None never reach the library, so its defaults rule."""
    from champions import _lib
    called = []
    for name in [n for n in _lib.PROTOTYPES if n.startswith("champ_options_set_")]:
        original = getattr(_lib.lib, name)
        monkeypatch.setattr(_lib.lib, name,
                            lambda *a, _n=name, _f=original: called.append(_n) or _f(*a))
    with champions.load(BUNDLED) as net:
        net.rank().close()
        assert called == ["champ_options_set_progress"]
        called.clear()
        net.rank(seed=3, audience="staff", weights={"reach": 0.5}).close()
        assert sorted(called) == ["champ_options_set_audience_groups",
                                  "champ_options_set_progress", "champ_options_set_seed",
                                  "champ_options_set_weight"]


def test_warnings_reach_python_and_the_summary():
    with champions.load(BUNDLED) as net:
        with pytest.warns(champions.DataWarning,
                          match=r'^no one is in the audience group "citizen": reach is 0'):
            r = net.rank(audience="citizen")
        with r:
            assert r.warnings[:1] == [("no_audience", 'no one is in the audience group '
                                                      '"citizen": reach is 0 for everyone')]
            assert [kind for kind, _ in r.warnings] == ["no_audience", "no_tie_depth"]
            assert r.summary["warnings"] == [sentence for _, sentence in r.warnings]
            assert r.audience == ["citizen"]
        with pytest.warns(champions.DataWarning, match="none of the 24929 has a time"):
            net.rank(since="2026-01-01").close()
