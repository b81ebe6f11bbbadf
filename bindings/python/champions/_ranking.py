"""Rankings: the result of Network.rank(), as records, DataFrames and plots."""

import ctypes
import math

import numpy as np

from . import _lib
from ._handle import Handle

lib = _lib.lib
CRITERIA = _lib.CRITERIA
DIAGNOSTICS = _lib.DIAGNOSTICS
COUNT_KEYS = ("reach", "ties", "mutual")  # whole numbers, shown as int
# The criteria and diagnostics of a JSON "people" entry, in the order the
# library writes them (activity first), named by the library.
_NUMBER_KEYS = ("activity", *(c for c in CRITERIA if c != "activity"), *DIAGNOSTICS)
# The keys of a JSON "people" entry (docs/format.md), in order; "confidence"
# only when the ranking has it.
RECORD_KEYS = ("id", "team", "group", "listed", "eligible", "rank", "score", *_NUMBER_KEYS,
               "percentiles", "flags", "explanation")
CONFIDENCE_KEYS = ("rank_low", "rank_high", "top_share")
ENGLISH = _lib.LANGUAGES.index("en")
_SUMMARY_FLOATS = ("reciprocity", "cross_team_share")
assert set(_SUMMARY_FLOATS) <= set(_lib.SUMMARY_ITEMS) and "activity" in CRITERIA


def _optional(x):
    return None if math.isnan(x) else x


def _nullable(values):
    """A float64 column as a list, None for NaN."""
    out = values.astype(object)
    out[np.isnan(values)] = None
    return out.tolist()


def _records(c):
    """JSON "people" entries (SPEC 5) from columns as Ranking._columns() has them."""
    eligible = c["rank"] > 0
    rank = c["rank"].astype(object)
    rank[~eligible] = None
    columns = {"id": c["id"], "team": c["team"], "group": c["group"],
               "listed": [g is not None for g in c["group"]], "eligible": eligible.tolist(),
               "rank": rank.tolist(), "score": _nullable(c["score"])}
    for key in _NUMBER_KEYS:
        columns[key] = c[key].astype(np.int64).tolist() if key in COUNT_KEYS else _nullable(c[key])
    percentiles = zip(*(c["percentiles." + k].tolist() for k in CRITERIA))
    columns["percentiles"] = [dict(zip(CRITERIA, p)) if e else None
                              for p, e in zip(percentiles, columns["eligible"])]
    columns["flags"] = [_flag_names(f) for f in c["flags"].tolist()]
    columns["explanation"] = [x or None for x in c["explanation"]]
    keys = RECORD_KEYS
    if "confidence.rank_low" in c:
        keys = (*RECORD_KEYS, "confidence")
        low, high = c["confidence.rank_low"].tolist(), c["confidence.rank_high"].tolist()
        share = c["confidence.top_share"].tolist()
        columns["confidence"] = [dict(zip(CONFIDENCE_KEYS, (lo, hi, sh))) if e else None
                                 for lo, hi, sh, e in zip(low, high, share, columns["eligible"])]
    return [dict(zip(keys, row)) for row in zip(*(columns[k] for k in keys))]


def _flag_names(bits):
    """The names of the flags set in a champ_ranking_flags() value."""
    return [name for k, name in enumerate(_lib.FLAGS) if bits >> k & 1]


def _sized_text(fn, *args):
    """A text of the library asked for its size first (champ_ranking_explain's protocol)."""
    needed = ctypes.c_size_t()
    _lib.check(fn(*args, None, 0, ctypes.byref(needed)))
    buf = ctypes.create_string_buffer(needed.value)
    _lib.check(fn(*args, buf, needed.value, None))
    return buf.raw[:needed.value - 1].decode("utf-8")


def _criterion(name):
    return _lib.pick(name, CRITERIA, "criterion")


def _size(n, name):
    """A count argument: an int >= 0."""
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise ValueError(f"{name}: expected an integer >= 0, got {n!r}")
    return int(n)


class Ranking(Handle):
    """Every person with metrics: eligible people first by rank, then the
    others by id. Independent of the network it came from."""

    _free = staticmethod(lib.champ_ranking_free)

    @classmethod
    def _wrap(cls, pointer):
        r = cls.__new__(cls)
        Handle.__init__(r, pointer)
        r._cache = None
        return r

    def __len__(self):
        return lib.champ_ranking_count(self._handle())

    def __iter__(self):
        """The people in output order (eligible ones by rank, then the
        others by id), each as the record to_records() gives."""
        return iter(self.to_records())

    def __repr__(self):
        if self.closed:
            return "<champions.Ranking closed>"
        s = self.summary
        return f"<champions.Ranking: {s['eligible']} eligible of {s['people']} people>"

    # -- network-wide facts --------------------------------------------

    @property
    def summary(self):
        """The network summary as a dict (None for null), with the ranking's
        "warnings": the keys and values of the JSON output's summary
        ("dropped_zero" only for a Viva Insights person-to-person query)."""
        h = self._handle()
        out = {}
        for item, key in enumerate(_lib.SUMMARY_ITEMS):
            x = lib.champ_ranking_summary(h, item)
            if key in _SUMMARY_FLOATS:
                out[key] = _optional(x)
            elif not math.isnan(x):
                out[key] = int(x)
        out["warnings"] = [message for _, message in self.warnings]
        return out

    @property
    def warnings(self):
        """Why the data or the options may not support this ranking as meant:
        a list of (kind, sentence), kind one of champions.WARNINGS
        ("no_audience", "empty_window", ...)."""
        h = self._handle()
        out = []
        for i in range(lib.champ_ranking_warning_count(h)):
            kind = ctypes.c_int()
            message = lib.champ_ranking_warning(h, i, ctypes.byref(kind))
            out.append((_lib.WARNINGS[kind.value], message.decode("utf-8")))
        return out

    @property
    def audience(self):
        """The audience groups reach counted people of (empty: other teams)."""
        h = self._handle()
        return [lib.champ_ranking_audience_group(h, i).decode("utf-8")
                for i in range(lib.champ_ranking_audience_group_count(h))]

    @property
    def weights(self):
        """Each criterion's share of the score: score = sum of share x percentile."""
        h = self._handle()
        return {c: lib.champ_ranking_weight(h, i) for i, c in enumerate(CRITERIA)}

    @property
    def bridging_exact(self):
        """True when bridging is exact betweenness, False when sampled."""
        return bool(lib.champ_ranking_bridging_exact(self._handle()))

    @property
    def bridging_sources(self):
        """How many sources the bridging computation used."""
        return lib.champ_ranking_bridging_sources(self._handle())

    @property
    def bridging_estimate(self):
        """The estimate of sampled bridging (champions.ESTIMATES): "pivots",
        or "linear" when rank(estimate="linear") sampled it; "pivots" when
        bridging is exact."""
        return _lib.ESTIMATES[lib.champ_ranking_bridging_estimate(self._handle())]

    @property
    def top_n(self):
        """The top the ranking was made with (rank(top=...), default 10):
        the top of the confidence's share and of teams()."""
        return lib.champ_ranking_top(self._handle())

    @property
    def resamples(self):
        """The bootstrap resamples behind the confidence (0: none)."""
        return lib.champ_ranking_resamples(self._handle())

    @property
    def confidence(self):
        """With rank(confidence=B): a DataFrame of the eligible people by
        rank with their rank, rank_low and rank_high (5th and 95th
        percentile of the rank over the resamples), top_share (the share of
        resamples with them in the top) and tier (ranks the resamples
        cannot tell apart share one). None without confidence."""
        import pandas as pd

        if not self.resamples:
            return None
        c = self._columns()
        eligible = c["rank"] > 0
        return pd.DataFrame({"id": np.array(c["id"], dtype=object)[eligible],
                             "rank": c["rank"][eligible],
                             "rank_low": c["confidence.rank_low"][eligible],
                             "rank_high": c["confidence.rank_high"][eligible],
                             "top_share": c["confidence.top_share"][eligible],
                             "tier": c["tier"][eligible]})

    @property
    def min_group_size(self):
        """Teams with fewer listed people are pooled in teams() and plot_teams()."""
        return lib.champ_ranking_min_group_size(self._handle())

    def teams(self, top=None):
        """The team table: one row per team with at least min_group_size
        listed people, then "(no team)", then "(small teams)" pooling the
        others (the smallest teams join the pool when it would be too small
        to show; a withheld figure is <NA>). Columns: team, pooled, listed,
        eligible, champions (eligible people ranked 1 to `top`, default the
        ranking's top; 0: every eligible person), teams (how many teams the
        row holds)."""
        import pandas as pd

        h = self._handle()
        top = self.top_n if top is None else _size(top, "top")
        rows = lib.champ_ranking_team_count(h)
        frame = {"team": [lib.champ_ranking_team_name(h, k).decode("utf-8")
                          for k in range(rows)],
                 "pooled": [bool(lib.champ_ranking_team_pooled(h, k)) for k in range(rows)]}
        for item, name in enumerate(_lib.TEAM_ITEMS):
            values = np.empty(rows, dtype=np.float64)
            _lib.check(lib.champ_ranking_team_table(h, top, item, values.ctypes.data))
            missing = np.isnan(values)
            frame[name] = pd.arrays.IntegerArray(np.where(missing, 0, values).astype(np.int64),
                                                 missing)
        return pd.DataFrame(frame)

    def teams_json(self, top=None):
        """The team table as `champions teams --format json` writes it."""
        top = self.top_n if top is None else _size(top, "top")
        return _lib.written(lib.champ_ranking_write_teams_to, self._handle(),
                            _lib.FORMATS.index("json"), top)

    def shadow_of(self, person_id):
        """Whom a person flagged "shadow" copies: (their id, the share of
        their tie volume alike, 0 to 1); None for a person not flagged."""
        share = ctypes.c_double()
        other = lib.champ_ranking_shadow_of(self._handle(), self._find(person_id),
                                            ctypes.byref(share))
        return None if other is None else (other.decode("utf-8"), share.value)

    def report(self, path=None, tracking=None, lang="en"):
        """The stakeholder report (`champions report`): one self-contained
        HTML page (inline styles and SVG charts, no script, nothing fetched)
        with the method, the top champions (top_n) and why, the champions
        per team (small teams pooled), the data and its caveats; with a
        Tracking (Network.track(), of the same network and options), its
        KPI per period, the goal's status when it has a goal, and the
        rising champions. lang: "en" or "nl" (champions.LANGUAGES). Writes
        the page to `path` (str or os.PathLike; it appears only when
        complete) and returns None, or returns it as a str when path is
        None."""
        if lang not in _lib.LANGUAGES:
            raise _lib.ArgumentError(f"lang: expected one of {', '.join(_lib.LANGUAGES)}, "
                                     f"not {lang!r}")
        t = g = None
        if tracking is not None:
            t = tracking._handle()
            g = tracking._goal._handle() if tracking._goal is not None else None
        html = _lib.written(lib.champ_report_write_to, self._handle(), t, g,
                            _lib.LANGUAGES.index(lang))
        if path is None:
            return html
        _lib.write_text(path, html)
        return None

    def explain(self, person_id, criterion=None):
        """Why person_id ranks where they do, in a sentence (the JSON's
        "explanation"; for a person who is not eligible, why not); with a
        criterion, that criterion in words ("in touch with 35 of the 41
        other teams (top 1%)")."""
        i = self._find(person_id)
        if criterion is None:
            return _sized_text(lib.champ_ranking_explain, self._handle(), i, ENGLISH)
        return _sized_text(lib.champ_ranking_explain_criterion, self._handle(), i,
                           _criterion(criterion), ENGLISH)

    def figure(self, person_id, criterion):
        """A criterion's figure short enough for a table cell or a chart
        label: "153/214 mutual", "35/41 teams", "top 2%", "189 sent"."""
        return _sized_text(lib.champ_ranking_figure, self._handle(), self._find(person_id),
                           _criterion(criterion), ENGLISH)

    # -- columns ---------------------------------------------------------

    def _texts(self, fn, *args):
        """A text column (NUL-separated in one call), in output order."""
        if len(self) == 0:
            return []
        return _sized_text(fn, self._handle(), *args).split("\0")

    def _doubles(self, fn, *args):
        out = np.empty(len(self), dtype=np.float64)
        _lib.check(fn(self._handle(), *args, out.ctypes.data))
        return out

    def _columns(self):
        """Every column in output order, read once with one C call each."""
        if self._cache is None:
            ranks = np.empty(len(self), dtype=np.uintp)
            _lib.check(lib.champ_ranking_ranks(self._handle(), ranks.ctypes.data))
            texts = lib.champ_ranking_texts
            team = [t or None for t in self._texts(texts, _lib.TEXT_TEAM)]
            group = [g or None for g in self._texts(texts, _lib.TEXT_GROUP)]
            cols = {"id": self._texts(texts, _lib.TEXT_ID), "team": team, "group": group,
                    "rank": ranks.astype(np.int64),
                    "score": self._doubles(lib.champ_ranking_scores)}
            for i, c in enumerate(CRITERIA):
                cols[c] = self._doubles(lib.champ_ranking_values, i)
                cols["percentiles." + c] = self._doubles(lib.champ_ranking_percentiles, i)
            for i, d in enumerate(DIAGNOSTICS):
                cols[d] = self._doubles(lib.champ_ranking_diagnostics, i)
            flags = np.empty(len(self), dtype=np.uintc)
            _lib.check(lib.champ_ranking_flag_sets(self._handle(), flags.ctypes.data))
            cols["flags"] = flags
            cols["explanation"] = self._texts(lib.champ_ranking_explanations, ENGLISH)
            if self.resamples:
                cols.update(self._intervals())
            self._cache = cols
        return self._cache

    def _intervals(self):
        """The confidence columns: rank_low, rank_high (0 when none), top_share, tier."""
        n = len(self)
        low, high, tier = (np.empty(n, dtype=np.uintp) for _ in range(3))
        share = np.empty(n, dtype=np.float64)
        _lib.check(lib.champ_ranking_intervals(self._handle(), low.ctypes.data, high.ctypes.data,
                                               share.ctypes.data, tier.ctypes.data))
        return {"confidence.rank_low": low.astype(np.int64),
                "confidence.rank_high": high.astype(np.int64),
                "confidence.top_share": share, "tier": tier.astype(np.int64)}

    # -- records and frames ------------------------------------------------

    def to_records(self):
        """A list of dicts with the keys of the JSON "people" entries (SPEC 5),
        in output order; None where the JSON has null."""
        return _records(self._columns())

    def _find(self, person_id):
        """The output position of person_id; KeyError when absent."""
        if not isinstance(person_id, str):
            raise KeyError(person_id)
        i = ctypes.c_size_t()
        status = lib.champ_ranking_find(self._handle(),
                                        person_id.encode("utf-8", "surrogatepass"),
                                        ctypes.byref(i))
        if status == _lib.ERR_NOT_FOUND:
            raise KeyError(person_id)
        _lib.check(status)
        return i.value

    def __getitem__(self, person_id):
        """The record of one person, by id (KeyError when absent)."""
        i = self._find(person_id)
        h = self._handle()

        def text(fn):
            s = fn(h, i)
            return [None if s is None else s.decode("utf-8")]

        row = {"id": text(lib.champ_ranking_id), "team": text(lib.champ_ranking_team),
               "group": text(lib.champ_ranking_group),
               "rank": np.array([lib.champ_ranking_rank(h, i)], dtype=np.int64),
               "score": np.array([lib.champ_ranking_score(h, i)])}
        for k, c in enumerate(CRITERIA):
            row[c] = np.array([lib.champ_ranking_value(h, i, k)])
            row["percentiles." + c] = np.array([lib.champ_ranking_percentile(h, i, k)])
        for k, d in enumerate(DIAGNOSTICS):
            row[d] = np.array([lib.champ_ranking_diagnostic(h, i, k)])
        row["flags"] = np.array([lib.champ_ranking_flags(h, i)])
        eligible = lib.champ_ranking_eligible(h, i)
        row["explanation"] = [_sized_text(lib.champ_ranking_explain, h, i, ENGLISH)
                              if eligible else None]
        if self.resamples:
            low, high, share = ctypes.c_size_t(), ctypes.c_size_t(), ctypes.c_double()
            lib.champ_ranking_interval(h, i, ctypes.byref(low), ctypes.byref(high),
                                       ctypes.byref(share))
            row.update({"confidence.rank_low": np.array([low.value]),
                        "confidence.rank_high": np.array([high.value]),
                        "confidence.top_share": np.array([share.value])})
        return _records(row)[0]

    def __contains__(self, person_id):
        try:
            self._find(person_id)
        except KeyError:
            return False
        return True

    def to_pandas(self):
        """A DataFrame, one row per person in output order, with the record
        keys as columns and the percentiles as "percentiles.<criterion>"
        (as pandas.json_normalize(to_records()) names them). Ineligible
        people have rank <NA> (dtype Int64) and NaN score and percentiles;
        cross_share is NaN where the JSON has null."""
        import pandas as pd

        c = self._columns()
        rank = c["rank"]
        frame = {"id": c["id"], "team": c["team"], "group": c["group"],
                 "listed": np.array([g is not None for g in c["group"]], dtype=bool),
                 "eligible": rank > 0,
                 "rank": pd.arrays.IntegerArray(rank, rank == 0),
                 "score": c["score"]}
        for key in _NUMBER_KEYS:
            frame[key] = c[key].astype(np.int64) if key in COUNT_KEYS else c[key]
        for k in CRITERIA:
            frame["percentiles." + k] = c["percentiles." + k]
        frame["flags"] = [_flag_names(f) for f in c["flags"].tolist()]
        frame["explanation"] = [x or None for x in c["explanation"]]
        columns = [*(k for k in RECORD_KEYS if k != "percentiles"),
                   *("percentiles." + k for k in CRITERIA)]
        if "confidence.rank_low" in c:
            eligible = rank > 0
            for k in ("rank_low", "rank_high"):
                values = c["confidence." + k]
                frame["confidence." + k] = pd.arrays.IntegerArray(values, ~eligible)
                columns.append("confidence." + k)
            frame["confidence.top_share"] = c["confidence.top_share"]
            columns.append("confidence.top_share")
        return pd.DataFrame(frame, columns=columns)

    def top(self, n=10):
        """The first n champions (eligible people by rank) as a DataFrame."""
        return self.to_pandas().head(min(_size(n, "n"), self.summary["eligible"]))

    # -- the library's own writers -------------------------------------

    def _write(self, fmt, top):
        """The library's writer for format `fmt` (a name of champions.FORMATS),
        collected from its write callback."""
        return _lib.written(lib.champ_ranking_write_to, self._handle(), _lib.FORMATS.index(fmt),
                            _size(top, "top"))

    def to_json(self, top=0):
        """The JSON object the demo writes with --format json (top 0 = all)."""
        return self._write("json", top)

    def to_csv(self, top=0):
        """The CSV the demo writes with --format csv (top 0 = all)."""
        return self._write("csv", top)

    def to_gexf(self, top=0):
        """The tie graph as GEXF, for Gephi (top 0 = everyone): people with
        every field of their record, ties weighted w(u,v)."""
        return self._write("gexf", top)

    def to_graphml(self, top=0):
        """The tie graph as GraphML, for networkx, igraph and yEd."""
        return self._write("graphml", top)

    def ties(self):
        """The tie graph as three columns: each directed pair u -> v with
        w(u,v) > 0 as the output positions of u and v and the weight
        (numpy arrays, by u's position, then v's)."""
        h = self._handle()
        n = lib.champ_ranking_tie_count(h)
        sources = np.empty(n, dtype=np.uintp)
        targets = np.empty(n, dtype=np.uintp)
        weights = np.empty(n, dtype=np.float64)
        _lib.check(lib.champ_ranking_ties(h, sources.ctypes.data, targets.ctypes.data,
                                          weights.ctypes.data))
        return sources, targets, weights

    def to_networkx(self):
        """The tie graph as a networkx DiGraph: every person a node (keyed
        by id) with the fields of their record as attributes (percentiles
        as pct_<criterion>), every tie an edge with its "weight"."""
        import networkx as nx

        records = self.to_records()
        G = nx.DiGraph()
        for r in records:
            attrs = {k: v for k, v in r.items() if k not in ("id", "percentiles")}
            for c, p in (r["percentiles"] or {}).items():
                attrs["pct_" + c] = p
            G.add_node(r["id"], **attrs)
        sources, targets, weights = self.ties()
        ids = [r["id"] for r in records]
        G.add_weighted_edges_from((ids[u], ids[v], w) for u, v, w in
                                  zip(sources.tolist(), targets.tolist(), weights.tolist()))
        return G

    # -- plots -------------------------------------------------------------

    def contributions(self, top=None):
        """Each eligible person's score split into its criteria: share of the
        criterion times its percentile; the row sums are the scores."""
        import pandas as pd

        frame = self.to_pandas()
        eligible = frame[frame["eligible"]]
        if top is not None:
            eligible = eligible.head(_size(top, "top"))
        shares = self.weights
        parts = {c: shares[c] * eligible["percentiles." + c].to_numpy() for c in CRITERIA}
        return pd.DataFrame({"id": eligible["id"], "team": eligible["team"], **parts},
                            index=eligible.index)

    def plot(self, top=10, ax=None, title=None):
        """The top champions as horizontal bars split into each criterion's
        share of the score, labelled "id (team)". Returns the Axes."""
        from ._plot import plot_breakdown

        return plot_breakdown(self, top, ax, title)

    def plot_teams(self, top=20, ax=None, title=None):
        """How many of the top champions each team has (top None: every
        eligible person). Returns the Axes."""
        from ._plot import plot_teams

        return plot_teams(self, top, ax, title)
