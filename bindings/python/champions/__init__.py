"""champions: find an organisation's social business champions.

    import champions
    net = champions.load("export.json")
    res = net.rank(weights={"activity": 0.1})
    res.summary          # the network summary, with its warnings
    res.to_pandas()      # one row per person
    res.plot()           # the top champions, score split by criterion
    res.explain("p-17")  # why someone ranks where they do
    t = net.track(period="month", scenario="citizens", goal="goal.json")
    t.to_pandas()        # one row per period: KPIs, champions, rising
    t.plot()             # a KPI over time with the goal's target

A thin layer over libchampions (the C library, loaded with ctypes): every
number comes from the library, errors carry its messages. Set
CHAMPIONS_LIBRARY to load a library other than the one beside this package.
"""

from ._lib import (CRITERIA, DIAGNOSTICS, ESTIMATES, FLAGS, FORMATS, INPUTS, KPIS, PERIODS, SCENARIOS,
                   SUMMARY_ITEMS, WARNINGS, ArgumentError, CancelledError, DataWarning, Error,
                   FileError, InputError, InternalError, NotFoundError, OutOfMemoryError,
                   LANGUAGES)
from ._lib import path as library_path
from ._lib import version as library_version
from ._network import Network, defaults, flags, load, pseudonym, scenarios
from ._ranking import Ranking
from ._tracking import Tracking
from ._time import seconds as _seconds

__version__ = library_version


def parse_time(value):
    """Unix seconds for a datetime (UTC when it has no zone), a date (00:00
    UTC), an RFC 3339 string or Unix seconds, by the library's rules."""
    return _seconds(value, "time")


__all__ = ["ArgumentError", "CRITERIA", "CancelledError", "DIAGNOSTICS", "DataWarning", "ESTIMATES", "Error",
           "FLAGS", "FORMATS", "FileError", "INPUTS", "InputError", "InternalError", "KPIS",
           "LANGUAGES",
           "Network", "NotFoundError", "OutOfMemoryError", "PERIODS", "Ranking", "SCENARIOS",
           "SUMMARY_ITEMS", "Tracking", "WARNINGS", "defaults", "flags", "library_path",
           "library_version", "load", "parse_time", "pseudonym", "scenarios"]
