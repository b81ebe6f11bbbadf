"""The example notebook runs top to bottom, so it can never rot, and says
what it claims: the checks below run in the notebook's own kernel, each
after the cell that makes what it checks (the notebook itself stays an
analyst's example, without asserts)."""

import os

import nbclient
import nbformat

from conftest import REPO

# (a line of the cell after which to check, the check)
CHECKS = [
    ('summary = pd.DataFrame(', '''
assert res.summary["people"] == 1005 and res.summary["teams"] == 42
assert res.summary["interactions"] + res.summary["dropped_self"] == 25571
assert [kind for kind, _ in res.warnings] == ["no_tie_depth"]
assert res.summary["warnings"] == [sentence for _, sentence in res.warnings]
'''),
    ('top = res.top(10)', '''
assert len(top) == 10 and top["rank"].tolist() == list(range(1, 11))
assert top["score"].is_monotonic_decreasing and top["score"].between(0, 1).all()
'''),
    ('weights = pd.Series(res.weights', 'assert abs(weights.sum() - 1) < 1e-9'),
    ('per_team = res.top(20)', 'assert per_team.sum() == 20'),
    ('interactions = pd.read_csv("email-eu-2004.csv.gz")', '''
assert len(interactions) == 175851 and (interactions["from"] != interactions["to"]).all()
assert interactions["from"].isin(people["id"]).all() and interactions["to"].isin(people["id"]).all()
'''),
    ('whole = timed.rank()', '''
assert timed.rank(since=pd.Timestamp("2004-03-01")).summary == res_after.summary
n_before, n_after = res_before.summary["interactions"], res_after.summary["interactions"]
assert n_before + n_after == whole.summary["interactions"] == len(interactions)
assert res_before.summary["dropped_window"] == n_after
assert res_after.summary["dropped_window"] == n_before
'''),
    ('both["gain"] =', '''
assert len(both) == len(people) and len(ranked_twice) > 0
'''),
    ('newcomers = both[', '''
assert len(newcomers) == len(top20_after - top20_before)
assert (newcomers["rank_after"] <= 20).all()
'''),
    ('partner_goal = scenario.rank(audience="partner")', '''
assert (people_scenario["group"] == "partner").sum() == 51
assert partner_goal.summary["eligible"] == default_goal.summary["eligible"] < res.summary["eligible"]
assert (partner_goal.top(10)["group"] == "staff").all()
'''),
    ('tracking = stream.track(', '''
assert kpis["month"].tolist() == ["2004-01", "2004-02", "2004-03", "2004-04"]
assert kpis["interactions"].sum() == len(interactions)
assert kpis["champions"].map(len).tolist() == [10] * 4 and kpis["retained"].isna().tolist()[0]
assert tracking.scenario == goal["scenario"] and tracking.goal["kpi"] == goal["kpi"]
'''),
    ('ax = tracking.plot()', '''
assert "target 32 by 2004-06-30" in [line.get_label() for line in ax.get_lines()]
'''),
    ('months_as_champion = ', '''
assert months_as_champion.sum() == 40
'''),
    ('full = res.to_pandas()', '''
assert len(full) == res.summary["people"] and full["eligible"].sum() == res.summary["eligible"]
'''),
]


def with_checks(nb):
    """The notebook with each check as a code cell after its cell."""
    cells = []
    pending = list(CHECKS)
    for cell in nb.cells:
        cells.append(cell)
        for marker, check in list(pending):
            if cell.cell_type == "code" and marker in cell.source:
                cells.append(nbformat.v4.new_code_cell(check.strip()))
                pending.remove((marker, check))
    assert not pending, f"no cell of the notebook has {[m for m, _ in pending]}"
    nb.cells = cells
    return nb


def test_notebook_runs_top_to_bottom():
    path = os.path.join(REPO, "examples", "champions.ipynb")
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), \
        "the notebook is stored without outputs"
    assert not any("assert " in c.source for c in nb.cells if c.cell_type == "code"), \
        "checks belong in this test, not in the analyst's notebook"
    nb = with_checks(nb)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": os.path.dirname(path)}})
    client.execute()  # raises CellExecutionError, naming the cell, on any error
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if "image/png" in o.get("data", {})]
    assert len(images) >= 3, "the notebook's plots came out"
