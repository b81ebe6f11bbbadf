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
# The keys of a JSON "people" entry (docs/format.md), in order.
RECORD_KEYS = ("id", "team", "group", "listed", "eligible", "rank", "score", *_NUMBER_KEYS,
               "percentiles")
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
    return [dict(zip(RECORD_KEYS, row)) for row in zip(*(columns[k] for k in RECORD_KEYS))]


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

    # -- columns ---------------------------------------------------------

    def _texts(self, column):
        h, n = self._handle(), len(self)
        if n == 0:
            return []
        needed = ctypes.c_size_t()
        _lib.check(lib.champ_ranking_texts(h, column, None, 0, ctypes.byref(needed)))
        buf = ctypes.create_string_buffer(needed.value)
        _lib.check(lib.champ_ranking_texts(h, column, buf, needed.value, None))
        return buf.raw[:needed.value - 1].decode("utf-8").split("\0")

    def _doubles(self, fn, *args):
        out = np.empty(len(self), dtype=np.float64)
        _lib.check(fn(self._handle(), *args, out.ctypes.data))
        return out

    def _columns(self):
        """Every column in output order, read once with one C call each."""
        if self._cache is None:
            ranks = np.empty(len(self), dtype=np.uintp)
            _lib.check(lib.champ_ranking_ranks(self._handle(), ranks.ctypes.data))
            team = [t or None for t in self._texts(_lib.TEXT_TEAM)]
            group = [g or None for g in self._texts(_lib.TEXT_GROUP)]
            cols = {"id": self._texts(_lib.TEXT_ID), "team": team, "group": group,
                    "rank": ranks.astype(np.int64),
                    "score": self._doubles(lib.champ_ranking_scores)}
            for i, c in enumerate(CRITERIA):
                cols[c] = self._doubles(lib.champ_ranking_values, i)
                cols["percentiles." + c] = self._doubles(lib.champ_ranking_percentiles, i)
            for i, d in enumerate(DIAGNOSTICS):
                cols[d] = self._doubles(lib.champ_ranking_diagnostics, i)
            self._cache = cols
        return self._cache

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
        return pd.DataFrame(frame, columns=[*RECORD_KEYS[:-1],
                                            *("percentiles." + k for k in CRITERIA)])

    def top(self, n=10):
        """The first n champions (eligible people by rank) as a DataFrame."""
        return self.to_pandas().head(min(_size(n, "n"), self.summary["eligible"]))

    # -- the library's own writers -------------------------------------

    def _write(self, fmt, top):
        """The library's writer for format `fmt` (a name of champions.FORMATS),
        collected from its write callback."""
        pieces = []

        def collect(user, data, length):
            pieces.append(ctypes.string_at(data, length))
            return 0

        callback = _lib.WRITE(collect)
        _lib.check(lib.champ_ranking_write_to(self._handle(), _lib.FORMATS.index(fmt),
                                              _size(top, "top"), callback, None))
        return b"".join(pieces).decode("utf-8")

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
