"""Networks: loading exports, building from Python data, ranking."""

import ctypes
import datetime
import math
import os
import warnings

import numpy as np

from . import _lib, _time
from ._columns import TextColumn, float_column
from ._handle import Handle
from ._progress import Listener
from ._ranking import Ranking
from ._tracking import Tracking, _Goal

lib = _lib.lib


def _text(value, name):
    if not isinstance(value, str):
        raise TypeError(f"{name}: expected a string, got {type(value).__name__}")
    if "\0" in value:  # C would see the text cut short there
        raise ValueError(f"{name}: contains a NUL character")
    return value.encode("utf-8", "surrogatepass")


def _optional_text(value, name):
    return None if value is None else _text(value, name)


class _ReadOptions(Handle):
    """How to read an input: what load() and from_json() take."""

    _free = staticmethod(lib.champ_read_options_free)

    def __init__(self, form=None, people=None, columns=None, weight_column=None, hrvar=None,
                 listener=None):
        super().__init__(_lib.new_handle(lib.champ_read_options_new))
        try:
            self._set(form, people, columns, weight_column, hrvar, listener)
        except BaseException:
            self.close()
            raise

    def _call(self, fn, *args, name):
        _lib.check_named(fn(self._ptr, *args), name)

    def _set(self, form, people, columns, weight_column, hrvar, listener):
        if form is not None:
            self._call(lib.champ_read_options_set_input, _lib.pick(form, _lib.INPUTS, "form"),
                       name="form")
        if people is not None:
            self._call(lib.champ_read_options_set_people, os.fsencode(people), name="people")
        for field, column in dict(columns or {}).items():
            self._call(lib.champ_read_options_set_column, _text(field, "columns"),
                       _text(column, f"columns[{field!r}]"), name="columns")
        if weight_column is not None:
            self._call(lib.champ_read_options_set_weight_column,
                       _text(weight_column, "weight_column"), name="weight_column")
        if hrvar is not None:
            self._call(lib.champ_read_options_set_hrvar, _text(hrvar, "hrvar"), name="hrvar")
        if listener is not None:
            self._call(lib.champ_read_options_set_progress, listener.pointer, None,
                       name="progress")


def load(path, form=None, people=None, columns=None, weight_column=None, hrvar=None,
         progress=None):
    """Read a network from a file, or from the folder of a Slack or Viva
    Engage export. The form is decided by the content (never the name)
    unless `form` is one of champions.INPUTS: "json", "jsonl", "csv",
    "viva-p2p", "slack", "viva-engage".

    people: the path of a people table (CSV: id, team, group) read with any
    form; its entries win over the input's. columns: {field: column} for
    CSV inputs whose columns are named otherwise ({"from": "Sender"}).
    weight_column, hrvar: for Viva Insights queries, the metric weighing
    each row and the HR attribute of the teams (None: the library's
    defaults, every row weighing 1 and its default attribute).

    Raises OSError (champions.FileError) when the input cannot be read,
    champions.InputError (a ValueError) for bad content; messages name the
    file, the line and the column. progress: None, True (a bar) or a
    callable(phase, done), as for rank()."""
    listener = Listener(progress)
    with _ReadOptions(form, people, columns, weight_column, hrvar, listener) as options:
        return Network._wrap(_lib.new_handle(lib.champ_network_read, os.fsencode(path),
                                             options._ptr, checker=listener.check))


class Network(Handle):
    """People and their interactions, as loaded; rank it with rank().

    Without add_person() (or a people list), every id counts as a listed
    member of "staff" with an unknown team (SPEC 2)."""

    _free = staticmethod(lib.champ_network_free)

    def __init__(self):
        super().__init__(_lib.new_handle(lib.champ_network_new))

    @classmethod
    def _wrap(cls, pointer):
        net = cls.__new__(cls)
        Handle.__init__(net, pointer)
        return net

    @classmethod
    def from_json(cls, text, form=None):
        """A network from an export held in a str or bytes, read as load()
        reads a file (form None: decided by the content; a CSV or a zip
        archive in memory reads too)."""
        data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text)
        with _ReadOptions(form) as options:
            return cls._wrap(_lib.new_handle(lib.champ_network_read_memory, data, len(data),
                                             None, options._ptr))

    # -- people and interactions ---------------------------------------

    def add_person(self, id, team=None, group=None):
        """List a person. team None is unknown; group None is "staff"."""
        _lib.check(lib.champ_network_add_person(self._handle(), _text(id, "id"),
                                                _optional_text(team, "team"),
                                                _optional_text(group, "group")))

    def add_interaction(self, from_, to, time=None, type=None, weight=1.0):
        """Record that `from_` acted on `to`; time as for rank()'s since."""
        _lib.check(lib.champ_network_add_interaction(
            self._handle(), _text(from_, "from"), _text(to, "to"),
            _time.seconds(time, "time"), _optional_text(type, "type"), float(weight)))

    def add_people(self, ids, teams=None, groups=None):
        """List many people in one call; all or nothing. Columns are
        sequences, numpy arrays or pandas Series of equal length; None or
        NaN in teams/groups is an unknown team / "staff"."""
        ids = TextColumn(ids, "people.id", required=True)
        cols = [self._optional_column(c, name, ids.length)
                for c, name in ((teams, "people.team"), (groups, "people.group"))]
        _lib.check(lib.champ_network_add_people(self._handle(), ids.length, ids.address,
                                                *(c.address if c else None for c in cols)))

    def add_interactions(self, from_, to, time=None, type=None, weight=None):
        """Record many interactions in one call; all or nothing. time is a
        column as in from_pandas(); None leaves a column out (no time, type
        "message", weight 1)."""
        src = TextColumn(from_, "interactions.from", required=True)
        dst = TextColumn(to, "interactions.to", required=True)
        n = src.length
        if dst.length != n:
            raise ValueError(f"interactions.to: expected {n} values, got {dst.length}")
        types = self._optional_column(type, "interactions.type", n)
        times = None if time is None else float_column(_time.column(time, "interactions.time"),
                                                      "interactions.time", n)
        weights = None
        if weight is not None:
            # A missing weight is an absent one: 1, as in an export.
            weights = float_column(weight, "interactions.weight", n).copy()
            weights[np.isnan(weights)] = 1.0
        _lib.check(lib.champ_network_add_interactions(
            self._handle(), n, src.address, dst.address,
            None if times is None else times.ctypes.data,
            types.address if types else None,
            None if weights is None else weights.ctypes.data))

    @staticmethod
    def _optional_column(values, name, length):
        if values is None:
            return None
        column = TextColumn(values, name)
        if column.length != length:
            raise ValueError(f"{name}: expected {length} values, got {column.length}")
        return column

    @classmethod
    def from_pandas(cls, interactions, people=None, *, from_="from", to="to", time="time",
                    type="type", weight="weight", id="id", team="team", group="group"):
        """A network from DataFrames with the columns of an export (SPEC 2).

        `interactions` needs the `from_` and `to` columns; `time`, `type` and
        `weight` are used when present (times: Unix seconds, datetime64 --
        without a zone taken as UTC -- or RFC 3339 strings). `people`, when
        given, needs `id` and may have `team` and `group`. Keyword arguments
        rename the columns. Missing values (None, NaN, NaT) mean absent.
        Errors name the row position, e.g. interactions[12].weight."""
        net = cls()
        try:
            if people is not None:
                net.add_people(people[id], _get(people, team), _get(people, group))
            net.add_interactions(interactions[from_], interactions[to],
                                 _get(interactions, time), _get(interactions, type),
                                 _get(interactions, weight))
        except BaseException:
            net.close()
            raise
        return net

    @classmethod
    def from_networkx(cls, G, team="team", group="group", weight="weight", time="time",
                      type="type"):
        """A network from a networkx graph: every node is a listed person
        (id = str(node), team and group from node attributes), every edge an
        interaction (weight, time and type from edge attributes; weight 1
        when absent). An undirected edge counts in both directions; each edge
        of a multigraph is one interaction."""
        nodes = list(G.nodes(data=True))
        edges = list(G.edges(data=True))
        if team is not None and nodes and not any(team in d for _, d in nodes):
            warnings.warn(f"no node has a {team!r} attribute: everyone's team is unknown, so "
                          "reach across teams will be 0 for everyone (name the attribute with "
                          "team=...)", _lib.DataWarning, stacklevel=2)
        if not G.is_directed():
            edges += [(v, u, d) for u, v, d in edges]
        net = cls()
        try:
            net.add_people([str(n) for n, _ in nodes], [d.get(team) for _, d in nodes],
                           [d.get(group) for _, d in nodes])
            net.add_interactions([str(u) for u, _, _ in edges], [str(v) for _, v, _ in edges],
                                 _edge_column(edges, time, None), _edge_column(edges, type, None),
                                 _edge_column(edges, weight, 1.0))
        except BaseException:
            net.close()
            raise
        return net

    # -- reading -------------------------------------------------------

    # -- privacy ------------------------------------------------------------

    def pseudonymize(self, key, teams=False):
        """Replace every id, in place, by its pseudonym under `key` ("p-" and
        16 hex digits of HMAC-SHA256, as champions.pseudonym() gives it),
        and with teams=True every team name ("t-"). People are then in the
        order of their pseudonyms and interactions in the order of their
        content (time, sender, receiver, ...), so nothing of the input's
        order is left either. key: the key's bytes (at least 16), or a
        pathlib.Path of the key file. Returns None."""
        data = _key(key)
        _lib.check(lib.champ_network_pseudonymize(self._handle(), data, len(data),
                                                  1 if teams else 0))

    def to_json(self, lines=False):
        """The network as an export: the JSON document (lines=False) or JSON
        Lines, as `champions pseudonymize` writes it; read back, it is the
        same network (self-interactions aside, which are not kept)."""
        form = _lib.INPUTS.index("jsonl" if lines else "json")
        return _lib.written(lib.champ_network_write_to, self._handle(), form)

    def __len__(self):
        """People in the network, listed and unlisted."""
        return lib.champ_network_person_count(self._handle())

    @property
    def interaction_count(self):
        """Interactions stored (self-interactions excluded)."""
        return lib.champ_network_interaction_count(self._handle())

    def __repr__(self):
        if self.closed:
            return "<champions.Network closed>"
        return f"<champions.Network: {len(self)} people, {self.interaction_count} interactions>"

    def rank(self, *, scenario=None, weights=None, since=None, until=None, type_weights=None,
             min_activity=None, champion_groups=None, audience=None, reciprocity_prior=None,
             samples=None, seed=None, estimate=None, min_tie_weight=None, confidence=None,
             top=None, min_group_size=None, allow_small_groups=False, progress=None):
        """Rank the champions. Every option left at None keeps the library's
        default (champions.defaults() lists them).

        scenario: a start scenario's preset (champions.scenarios():
        "colleagues", "recruitment", "citizens", "visitors"); audience and
        champion_groups given explicitly win over it.
        weights: {criterion: weight}; criteria left out keep their defaults.
        since/until: a datetime (UTC when it has no zone), a date (00:00
        UTC), an RFC 3339 string or Unix seconds; keeps since <= time <
        until. type_weights: {type: multiplier}. min_activity: eligible only
        with activity >= it. champion_groups / audience: a group name or a
        list. reciprocity_prior: alpha >= 0. samples: bridging sources, 0 =
        automatic. seed: of the source sampling and the resamples.
        estimate: of sampled bridging (champions.ESTIMATES), "pivots" (the
        default) or "linear" (linear scaling: closer to exact from the same
        sources). min_tie_weight: a tie counts for ties, mutual ties, reach and
        bridging only when its weights both ways add up to it (type
        weights included). confidence: B bootstrap resamples (0: none);
        each eligible person's record then has "confidence" {rank_low,
        rank_high, top_share}, and Ranking.confidence their tiers. top: the
        top of the confidence's share and of the team table (default 10).
        min_group_size: teams with fewer listed people are pooled in
        Ranking.teams() and plot_teams(); below the default (5) only with
        allow_small_groups=True. progress: None, True (a
        tqdm bar when tqdm is installed, else a line on stderr) or a
        callable(phase, done) that may return False, or raise, to stop the
        ranking (champions.CancelledError, or its exception). Ctrl-C stops
        it too. Returns a Ranking; each of its warnings (no one in an
        audience group, a window that kept nothing, ...) is also issued as
        a champions.DataWarning."""
        handle = self._handle()
        listener = Listener(progress)
        with _Options() as options:
            options.set(scenario=scenario, weights=weights, since=since, until=until,
                        type_weights=type_weights, min_activity=min_activity,
                        champion_groups=champion_groups, audience=audience,
                        reciprocity_prior=reciprocity_prior, samples=samples, seed=seed,
                        estimate=estimate, min_tie_weight=min_tie_weight,
                        confidence=confidence, top=top, min_group_size=min_group_size,
                        allow_small_groups=allow_small_groups)
            options._call(lib.champ_options_set_progress, listener.pointer, None, name="progress")
            ranking = Ranking._wrap(_lib.new_handle(lib.champ_rank, handle, options._ptr,
                                                    checker=listener.check))
        for _, message in ranking.warnings:
            warnings.warn(message, _lib.DataWarning, stacklevel=2)
        return ranking

    def track(self, period=None, scenario=None, top=None, goal=None, *, weights=None,
              since=None, until=None, type_weights=None, min_activity=None,
              champion_groups=None, audience=None, reciprocity_prior=None, samples=None,
              seed=None, estimate=None, min_tie_weight=None, progress=None):
        """Follow the champions over time: rank every calendar period (UTC)
        from the first timed interaction to the last, each as rank() ranks
        its window, with its KPIs and rising champions.

        period: "week" (from Monday), "month" or "quarter" (None: the
        library's default, champions.defaults()["period"]). top: how many
        champions a period has. goal: a goal file's path or a dict with its
        members (name, kpi, target, deadline; scenario, baseline_period,
        what, who, why): the Tracking then tells how it stands; its
        scenario applies when `scenario` is None. The other options are
        rank()'s. Warnings that hold for some periods are issued once each
        as a champions.DataWarning, naming the periods. Returns a Tracking."""
        handle = self._handle()
        listener = Listener(progress)
        goal_handle = None if goal is None else _Goal(goal)
        try:
            if scenario is None and goal_handle is not None:
                scenario = goal_handle.scenario
            with _Options() as options:
                options.set(scenario=scenario, weights=weights, since=since, until=until,
                            type_weights=type_weights, min_activity=min_activity,
                            champion_groups=champion_groups, audience=audience,
                            reciprocity_prior=reciprocity_prior, samples=samples, seed=seed,
                            estimate=estimate, min_tie_weight=min_tie_weight, top=top,
                            period=period)
                options._call(lib.champ_options_set_progress, listener.pointer, None,
                              name="progress")
                audience_used = lib.champ_options_audience_group_count(options._ptr) > 0
                pointer = _lib.new_handle(lib.champ_track, handle, options._ptr,
                                          checker=listener.check)
        except BaseException:
            if goal_handle is not None:
                goal_handle.close()
            raise
        tracking = Tracking(pointer, goal_handle, audience_used)
        if goal_handle is not None:
            try:
                tracking.goal  # a goal that does not fit the data fails here, not later
            except BaseException:
                tracking.close()
                raise
        _warn_once_per_sentence(tracking)
        return tracking

    def report(self, path=None, *, period=None, goal=None, lang="en", top=None, **options):
        """The stakeholder report, as `champions report` writes it: the
        network ranked with the options (rank()'s keywords; top: the
        champions shown), and, when it has timed interactions, tracked per
        `period` against `goal` (track()'s) for the programme's section.
        Without times there is no such section; a goal then raises
        champions.InputError. Writes the page to `path`, or returns it as a
        str when path is None (Ranking.report())."""
        ranking = self.rank(top=top, **options)
        track_options = {k: v for k, v in options.items()
                         if k not in ("confidence", "min_group_size", "allow_small_groups")}
        tracking = None
        try:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", _lib.DataWarning)  # rank() issued them
                    tracking = self.track(period=period, top=top, goal=goal, **track_options)
            except _lib.InputError:  # no timed interaction: nothing to track
                if goal is not None:
                    raise
            return ranking.report(path, tracking, lang)
        finally:
            if tracking is not None:
                tracking.close()
            ranking.close()

def _warn_once_per_sentence(tracking):
    """Each warning sentence of the periods once, with the periods it holds
    for (as the demo prints them)."""
    h = tracking._handle()
    seen = {}
    for i in range(len(tracking)):
        for k in range(lib.champ_tracking_warning_count(h, i)):
            text = lib.champ_tracking_warning(h, i, k, None).decode("utf-8")
            seen.setdefault(text, []).append(i)
    for text, where in seen.items():
        starts = [datetime.datetime.fromtimestamp(lib.champ_tracking_since(h, i),
                                                  datetime.timezone.utc).strftime("%Y-%m-%d")
                  for i in where]
        where_text = "every period" if len(where) == len(tracking) else ", ".join(starts)
        warnings.warn(f"{where_text}: {text}", _lib.DataWarning, stacklevel=3)


def _get(frame, column):
    return frame[column] if column is not None and column in frame else None


def _edge_column(edges, key, default):
    if key is None or not any(key in d for _, _, d in edges):
        return None
    return [d.get(key, default) for _, _, d in edges]


def _names(value, name):
    if isinstance(value, str):
        value = [value]
    try:
        items = list(value)
    except TypeError:
        raise TypeError(f"{name}: expected a group name or a list of them") from None
    return [_text(v, name) for v in items]


class _Options(Handle):
    _free = staticmethod(lib.champ_options_free)

    def __init__(self):
        super().__init__(_lib.new_handle(lib.champ_options_new))

    def _call(self, fn, *args, name):
        _lib.check_named(fn(self._ptr, *args), name)

    def set(self, *, scenario=None, weights, since, until, type_weights, min_activity,
            champion_groups, audience, reciprocity_prior, samples, seed, estimate=None,
            min_tie_weight=None, confidence=None, top=None, period=None, min_group_size=None,
            allow_small_groups=False):
        """Set what the caller gave; the rest keeps the library's defaults."""
        if scenario is not None:
            self._call(lib.champ_options_set_scenario,
                       _lib.pick(scenario, _lib.SCENARIOS, "scenario"), name="scenario")
        if period is not None:
            self._call(lib.champ_options_set_period, _lib.pick(period, _lib.PERIODS, "period"),
                       name="period")
        if top is not None:
            self._call(lib.champ_options_set_top, _count(top, "top"), name="top")
        for criterion, w in dict(weights or {}).items():
            if criterion not in _lib.CRITERIA:
                raise ValueError(f"weights: unknown criterion {criterion!r}; expected one of "
                                 + ", ".join(_lib.CRITERIA))
            self._call(lib.champ_options_set_weight, _lib.CRITERIA.index(criterion),
                       _number(w, f"weights[{criterion!r}]"), name=f"weights[{criterion!r}]")
        if since is not None or until is not None:
            self._call(lib.champ_options_set_window, _time.seconds(since, "since"),
                       _time.seconds(until, "until"), name="since/until")
        for kind, w in dict(type_weights or {}).items():
            self._call(lib.champ_options_set_type_weight, _text(kind, "type_weights"),
                       _number(w, f"type_weights[{kind!r}]"), name=f"type_weights[{kind!r}]")
        if min_activity is not None:
            self._call(lib.champ_options_set_min_activity,
                       _number(min_activity, "min_activity"), name="min_activity")
        for setter, groups, name in ((lib.champ_options_set_champion_groups, champion_groups,
                                      "champion_groups"),
                                     (lib.champ_options_set_audience_groups, audience,
                                      "audience")):
            if groups is None:
                continue
            names = _names(groups, name)
            array = (ctypes.c_char_p * max(len(names), 1))(*names)
            self._call(setter, ctypes.addressof(array), len(names), name=name)
        if reciprocity_prior is not None:
            self._call(lib.champ_options_set_reciprocity_prior,
                       _number(reciprocity_prior, "reciprocity_prior"), name="reciprocity_prior")
        if samples is not None:
            self._call(lib.champ_options_set_bridging_samples, _count(samples, "samples"),
                       name="samples")
        if seed is not None:
            self._call(lib.champ_options_set_seed, _count(seed, "seed", 2**64 - 1), name="seed")
        if estimate is not None:
            self._call(lib.champ_options_set_bridging_estimate,
                       _lib.pick(estimate, _lib.ESTIMATES, "estimate"), name="estimate")
        if min_tie_weight is not None:
            self._call(lib.champ_options_set_min_tie_weight,
                       _number(min_tie_weight, "min_tie_weight"), name="min_tie_weight")
        if confidence is not None:
            self._call(lib.champ_options_set_confidence, _count(confidence, "confidence"),
                       name="confidence")
        if not isinstance(allow_small_groups, bool):
            raise TypeError("allow_small_groups: expected True or False")
        if allow_small_groups:
            self._call(lib.champ_options_allow_small_groups, 1, name="allow_small_groups")
        if min_group_size is not None:
            self._call(lib.champ_options_set_min_group_size,
                       _count(min_group_size, "min_group_size"), name="min_group_size")


def _number(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
        raise TypeError(f"{name}: expected a number, got {type(value).__name__}")
    value = float(value)
    if math.isnan(value):
        raise ValueError(f"{name}: expected a number, got NaN")
    return value


def defaults():
    """The library's default options, as rank() and track() take them."""
    with _Options() as options:
        h = options._ptr
        return {
            "weights": {c: lib.champ_options_get_weight(h, i)
                        for i, c in enumerate(_lib.CRITERIA)},
            "min_activity": lib.champ_options_get_min_activity(h),
            "champion_groups": [lib.champ_options_champion_group(h, i).decode("utf-8")
                                for i in range(lib.champ_options_champion_group_count(h))],
            "audience": [lib.champ_options_audience_group(h, i).decode("utf-8")
                         for i in range(lib.champ_options_audience_group_count(h))],
            "reciprocity_prior": lib.champ_options_get_reciprocity_prior(h),
            "samples": lib.champ_options_get_bridging_samples(h),
            "seed": lib.champ_options_get_seed(h),
            "estimate": _lib.ESTIMATES[lib.champ_options_get_bridging_estimate(h)],
            "scenario": None if lib.champ_options_get_scenario(h) < 0
            else _lib.SCENARIOS[lib.champ_options_get_scenario(h)],
            "top": lib.champ_options_get_top(h),
            "period": _lib.PERIODS[lib.champ_options_get_period(h)],
            "min_tie_weight": lib.champ_options_get_min_tie_weight(h),
            "confidence": lib.champ_options_get_confidence(h),
            "min_group_size": lib.champ_options_get_min_group_size(h),
        }


def scenarios():
    """The method's start scenarios: {name: what reach counts in it}."""
    return {name: lib.champ_scenario_description(i).decode("utf-8")
            for i, name in enumerate(_lib.SCENARIOS)}


def flags():
    """The guards' flags: {name: the rule, with its threshold}."""
    return {name: lib.champ_flag_description(i).decode("utf-8")
            for i, name in enumerate(_lib.FLAGS)}


def _key(key):
    """A key's bytes: given as bytes, or read from a key file (a Path)."""
    if isinstance(key, (bytes, bytearray, memoryview)):
        return bytes(key)
    if isinstance(key, os.PathLike):
        with open(key, "rb") as f:
            return f.read()
    raise TypeError("key: expected the key as bytes or the key file as a pathlib.Path, got "
                    f"{type(key).__name__}")


def pseudonym(name, key, team=False):
    """The pseudonym of an id (or, team=True, of a team name) under `key`
    (bytes, or a pathlib.Path of the key file): "p-" (or "t-") and the first
    16 hex digits of HMAC-SHA256(key, name), as pseudonymize() and
    `champions pseudonymize` make them. How the holder of the key finds the
    person behind a pseudonym: compute the pseudonyms of the staff list."""
    data = _key(key)
    out = ctypes.create_string_buffer(32)
    _lib.check(lib.champ_pseudonym(data, len(data), 1 if team else 0, _text(name, "name"), out))
    return out.value.decode("ascii")


def _count(value, name, maximum=2**63 - 1):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name}: expected an integer, got {type(value).__name__}")
    if not 0 <= value <= maximum:
        raise ValueError(f"{name}: expected an integer from 0 to {maximum}, got {value}")
    return int(value)
