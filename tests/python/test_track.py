"""The programme (SPEC 9) in Python: every period of a tracking equals the
ranking of its window, on every timed network of ../shared/data and the
bundled stream; the KPIs recomputed here from the raw interactions; goals,
the DataFrame and the plot."""

import json
import math
import os
import warnings

import numpy as np
import pytest

import champions
from conftest import REPO, export_of

STREAM = os.path.join(REPO, "examples", "email-eu-2004.csv.gz")
PEOPLE = os.path.join(REPO, "examples", "email-eu-people.csv")
GOAL = os.path.join(REPO, "examples", "goal.json")


def citizens_every_seventh(export):
    """The export with every seventh listed person in the group "citizen",
    so that an audience scenario has an audience on real data."""
    doc = {"people": [dict(p) for p in export["people"]],
           "interactions": export["interactions"]}
    for k, p in enumerate(doc["people"]):
        if k % 7 == 3:
            p["group"] = "citizen"
    return doc


def network(case):
    if case == "email-eu-2004":
        return champions.load(STREAM, people=PEOPLE), None
    export = citizens_every_seventh(export_of(case))
    return champions.Network.from_json(json.dumps(export)), export


# (network, period, scenario): every timed network of the shared data, and
# the bundled stream; each with a period that gives it several periods
CASES = [("email-eu-full", "quarter", "citizens"), ("workplace-invs13", "week", "citizens"),
         ("email-eu-2004", "month", None)]


def stream_interactions():
    import csv
    import gzip

    with gzip.open(STREAM, "rt", encoding="ascii") as f:
        rows = list(csv.DictReader(f))
    with open(PEOPLE, encoding="ascii") as f:
        people = list(csv.DictReader(f))
    return ({"people": [{"id": p["id"], "team": p["team"]} for p in people],
             "interactions": [{"from": r["from"], "to": r["to"], "time": float(r["time"])}
                              for r in rows]})


def expected_kpis(export, since, until, champions_now, audience):
    """active_people, champion_reach and audience_reached of one period,
    from the raw interactions (SPEC 9.2), independent of the library."""
    team = {p["id"]: p.get("team") for p in export["people"]}
    group = {p["id"]: p.get("group") or "staff" for p in export["people"]}
    active, ties = set(), {}
    for i in export["interactions"]:
        t = i.get("time")
        if t is None or not since <= t < until or i["from"] == i["to"]:
            continue
        active.update((i["from"], i["to"]))
        ties.setdefault(i["from"], set()).add(i["to"])
        ties.setdefault(i["to"], set()).add(i["from"])
    own = {team.get(c) for c in champions_now}
    reached = set().union(*(ties.get(c, set()) for c in champions_now)) if champions_now else set()
    reach = {team.get(u) for u in reached if team.get(u) and team.get(u) not in own}
    audience_people = {u for u in reached if audience and group.get(u) in audience}
    return len(active), len(reach), len(audience_people)


@pytest.mark.parametrize("case,period,scenario", CASES, ids=[c[0] for c in CASES])
def test_periods_are_windowed_rankings_and_kpis_add_up(case, period, scenario):
    net, export = network(case)
    if export is None:
        export = stream_interactions()
    with net:
        t = net.track(period=period, scenario=scenario)
        periods = t.periods
        assert len(periods) >= 2
        assert t.period == period and t.scenario == scenario and t.top == 10
        previous = None
        audience = ["citizen"] if scenario == "citizens" else []
        for i, p in enumerate(periods):
            since, until = champions.parse_time(p["since"]), champions.parse_time(p["until"])
            with net.rank(since=since, until=until, scenario=scenario) as r:
                doc = json.loads(r.to_json())
                ranks = {q["id"]: q["rank"] for q in doc["people"]}
            # the period is the ranking of its window
            assert p["summary"] == doc["summary"]
            eligible = [q["id"] for q in doc["people"] if q["eligible"]]
            kpis = p["kpis"]
            assert kpis["champions"] == eligible[:10]
            # the KPIs, recomputed from the raw interactions
            active, reach, reached = expected_kpis(export, since, until, kpis["champions"],
                                                   audience)
            assert (kpis["active_people"], kpis["champion_reach"],
                    kpis["audience_reached"]) == (active, reach, reached)
            recip = [q["reciprocity"] for q in doc["people"][:len(kpis["champions"])]]
            if recip:
                assert math.isclose(kpis["champion_reciprocity"], sum(recip) / len(recip),
                                    rel_tol=0, abs_tol=1e-12)
            else:
                assert kpis["champion_reciprocity"] is None
            # retained and rising against the period before
            if previous is None:
                assert kpis["retained"] is None and p["rising"] == []
            else:
                before, before_ranks = previous
                kept = [c for c in before if c in kpis["champions"]]
                assert kpis["retained"] == (len(kept) / len(before) if before else None)
                rising = [{"id": c, "rank": k + 1, "previous_rank": before_ranks.get(c)}
                          for k, c in enumerate(kpis["champions"]) if c not in before]
                assert p["rising"] == rising
            previous = (kpis["champions"], ranks)
        t.close()


def test_the_tracking_as_a_table_and_a_goal():
    net = champions.load(STREAM, people=PEOPLE)
    t = net.track(goal=GOAL)
    net.close()
    frame = t.to_pandas()
    assert len(frame) == len(t) == 4
    assert str(frame["since"].dtype) == "datetime64[ns, UTC]"
    assert list(frame["since"].dt.month) == [1, 2, 3, 4]
    for column in ("active_people", "champions", "champion_reach", "retained", "rising",
                   "interactions", "warnings"):
        assert column in frame
    assert frame["interactions"].sum() == 175851
    assert frame["champions"].map(len).tolist() == [10, 10, 10, 10]
    goal = t.goal
    assert list(goal) == ["name", "kpi", "target", "deadline", "baseline", "latest",
                          "progress", "on_track"]
    assert goal["baseline"] == frame["champion_reach"][0]
    assert goal["latest"] == frame["champion_reach"][3]
    assert goal["progress"] == pytest.approx((goal["latest"] - goal["baseline"])
                                             / (goal["target"] - goal["baseline"]))
    # on_track: the least-squares line through (start, value) at the deadline
    x = frame["since"].map(lambda d: d.timestamp()).to_numpy()
    slope, intercept = np.polyfit(x, frame["champion_reach"].to_numpy(float), 1)
    at_deadline = slope * champions.parse_time(goal["deadline"]) + intercept
    assert goal["on_track"] == (at_deadline >= goal["target"])
    assert t.scenario == "colleagues"  # the goal's
    assert t.goal_text["why"].startswith("Knowledge")
    assert json.loads(t.to_json())["goal"] == goal
    assert t.to_csv().splitlines()[0].startswith("since,until,people,")
    t.close()


def test_goals_as_dicts_and_their_errors():
    with champions.load(STREAM, people=PEOPLE) as net:
        t = net.track(scenario="colleagues", top=3, goal={
            "name": "g", "kpi": "summary.interactions", "target": 60000,
            "deadline": "2004-12-31", "baseline_period": 1})
        assert t.top == 3 and t.goal["baseline"] == 47688
        t.close()
        with pytest.raises(champions.InputError, match="goal: kpi: unknown KPI \"reach\""):
            net.track(goal={"name": "g", "kpi": "reach", "target": 1, "deadline": "2004-12-31"})
        with pytest.raises(champions.InputError, match="deadline: .* is before the first period"):
            net.track(goal={"name": "g", "kpi": "active_people", "target": 1,
                            "deadline": "2003-01-01"})
        with pytest.raises(champions.InputError, match="the goal is for the scenario citizens, "
                                                       "the tracking's is colleagues"):
            net.track(scenario="colleagues", goal={"name": "g", "kpi": "active_people",
                                                   "target": 1, "deadline": "2004-12-31",
                                                   "scenario": "citizens"})
        with pytest.raises(champions.FileError):
            net.track(goal="/nonexistent/goal.json")
        with pytest.raises(TypeError):
            net.track(goal=42)
        with pytest.raises(ValueError, match="period: expected one of week, month, quarter"):
            net.track(period="day")
        with pytest.raises(ValueError, match="scenario: expected one of colleagues"):
            net.rank(scenario="citizen")


def test_names_defaults_and_warnings():
    assert champions.SCENARIOS == ("colleagues", "recruitment", "citizens", "visitors")
    assert champions.PERIODS == ("week", "month", "quarter")
    assert champions.KPIS == ("active_people", "champion_reciprocity", "champion_reach",
                              "audience_reached", "retained")
    assert list(champions.scenarios()) == list(champions.SCENARIOS)
    assert "audience group \"visitor\"" in champions.scenarios()["visitors"]
    d = champions.defaults()
    assert (d["scenario"], d["top"], d["period"]) == (None, 10, "month")
    with champions.load(STREAM) as net, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        net.track().close()
    texts = [str(w.message) for w in caught if issubclass(w.category, champions.DataWarning)]
    # no people list: no teams, said once for every period
    assert texts == ["every period: no one has a team, so reach across teams is 0 for "
                     "everyone (the input has no people list)"]


def test_the_plot(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    with champions.load(STREAM, people=PEOPLE) as net:
        t = net.track(goal=GOAL)
    ax = t.plot()
    lines = {line.get_label(): line for line in ax.get_lines()}
    values = list(lines["teams the champions reach"].get_ydata())
    assert values == list(t.to_pandas()["champion_reach"].astype(float))
    assert "target 32 by 2004-06-30" in lines
    assert lines["target 32 by 2004-06-30"].get_ydata()[0] == 32
    assert "trend" in lines
    assert "25% of the way from 28, behind" in ax.get_title()
    ax.figure.savefig(tmp_path / "track.png")
    assert (tmp_path / "track.png").stat().st_size > 10000
    other = t.plot(kpi="summary.interactions", title="E-mails per month")
    assert other.get_title() == "E-mails per month"
    assert "trend" not in [line.get_label() for line in other.get_lines()]
    with pytest.raises(ValueError, match="not a number per period"):
        t.plot(kpi="champions")
    t.close()
