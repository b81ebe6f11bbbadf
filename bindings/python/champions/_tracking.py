"""The programme over time: a Tracking (every period's KPIs and rising
champions) and the goal it is measured against."""

import json
import os

from . import _lib
from ._handle import Handle

lib = _lib.lib


class _Goal(Handle):
    """A goal file read by the library (what champ_goal_read checks)."""

    _free = staticmethod(lib.champ_goal_free)

    def __init__(self, goal):
        if isinstance(goal, dict):
            data = json.dumps(goal).encode("utf-8")
            pointer = _lib.new_handle(lib.champ_goal_read_memory, data, len(data), b"goal")
        elif isinstance(goal, (str, bytes, os.PathLike)):
            pointer = _lib.new_handle(lib.champ_goal_read, os.fsencode(goal))
        else:
            raise TypeError(f"goal: expected a path or a dict, got {type(goal).__name__}")
        super().__init__(pointer)

    @property
    def scenario(self):
        s = lib.champ_goal_scenario(self._handle())
        return _lib.SCENARIOS[s] if s >= 0 else None

    def text(self):
        """What, who and why: the goal in words (None when absent)."""
        h = self._handle()
        return {key: _decode(getattr(lib, f"champ_goal_{key}")(h))
                for key in ("name", "kpi", "what", "who", "why")}


def _decode(value):
    return None if value is None else value.decode("utf-8")


class Tracking(Handle):
    """Every calendar period of a network ranked (Network.track()): per
    period its window, summary, KPIs, champions and rising champions; and,
    with a goal, how the goal stands. Independent of its network.

    len(t) is the number of periods; t.periods lists them as the JSON
    output's records; t.to_pandas() is one row per period; t.plot() draws a
    KPI over time with the goal's target."""

    _free = staticmethod(lib.champ_tracking_free)

    def __init__(self, pointer, goal=None, audience=False):
        super().__init__(pointer)
        self._goal = goal
        self._audience = audience  # reach counted an audience (the plot's default KPI)
        self._goal_baseline = lib.champ_goal_baseline_period(goal._handle()) if goal else 0

    def close(self):
        super().close()
        goal, self._goal = getattr(self, "_goal", None), None
        if goal is not None:
            goal.close()

    def __len__(self):
        return lib.champ_tracking_count(self._handle())

    def __repr__(self):
        if self.closed:
            return "<champions.Tracking closed>"
        return (f"<champions.Tracking: {len(self)} {self.period}s, top {self.top}, "
                f"scenario {self.scenario}>")

    @property
    def period(self):
        return _lib.PERIODS[lib.champ_tracking_period(self._handle())]

    @property
    def top(self):
        """How many champions a period has."""
        return lib.champ_tracking_top(self._handle())

    @property
    def scenario(self):
        s = lib.champ_tracking_scenario(self._handle())
        return _lib.SCENARIOS[s] if s >= 0 else None

    def _write(self, fmt):
        goal = self._goal._handle() if self._goal is not None else None
        return _lib.written(lib.champ_tracking_write_to, self._handle(), goal,
                            _lib.FORMATS.index(fmt))

    def to_json(self):
        """The JSON object `champions track --format json` writes (with the
        goal's status when there is a goal)."""
        return self._write("json")

    def to_csv(self):
        """The CSV `champions track --format csv` writes: one row per period."""
        return self._write("csv")

    @property
    def periods(self):
        """The periods as the JSON output's records: since, until, summary
        (with its warnings), kpis (with the champions) and rising."""
        return json.loads(self.to_json())["periods"]

    @property
    def goal(self):
        """How the goal stands (name, kpi, target, deadline, baseline,
        latest, progress, on_track), or None without a goal."""
        if self._goal is None:
            return None
        return json.loads(self.to_json())["goal"]

    @property
    def goal_text(self):
        """The goal in words: name, kpi, what, who, why (None without a goal)."""
        return None if self._goal is None else self._goal.text()

    def to_pandas(self):
        """One row per period: since and until (UTC timestamps), the
        summary's numbers, the KPIs (champions as a list of ids), rising (a
        list of ids, best first) and warnings (a list of sentences)."""
        import pandas as pd

        rows = []
        for p in self.periods:
            row = {"since": p["since"], "until": p["until"]}
            row.update({k: v for k, v in p["summary"].items() if k != "warnings"})
            row.update(p["kpis"])
            row["rising"] = [r["id"] for r in p["rising"]]
            row["warnings"] = p["summary"]["warnings"]
            rows.append(row)
        frame = pd.DataFrame(rows)
        for column in ("since", "until"):
            frame[column] = pd.to_datetime(frame[column], utc=True)
        return frame

    def plot(self, kpi=None, ax=None, title=None):
        """A KPI over the periods, for a slide: the values, and with a goal
        on that KPI its baseline, target and trend to the deadline. kpi: a
        name of champions.KPIS or "summary.<item>"; by default the goal's
        KPI, else champion_reach (audience_reached with an audience).
        Returns the Axes."""
        from ._plot import plot_tracking

        return plot_tracking(self, kpi, ax, title)
