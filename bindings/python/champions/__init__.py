"""champions: find an organisation's social business champions.

    import champions
    net = champions.load("export.json")
    res = net.rank(weights={"activity": 0.1})
    res.summary          # the network summary (SPEC 4.9)
    res.to_pandas()      # one row per person
    res.plot()           # the top champions, score split by criterion

A thin layer over libchampions (the C library, loaded with ctypes): every
number comes from the library, errors carry its messages. Set
CHAMPIONS_LIBRARY to load a library other than the one beside this package.
"""

from ._lib import (ArgumentError, CRITERIA, CancelledError, Error, FileError, InputError,
                   InternalError, OutOfMemoryError)
from ._lib import path as library_path
from ._lib import version as library_version
from ._network import Network, load
from ._ranking import Ranking
from ._time import seconds as _seconds

__version__ = library_version


def parse_time(value):
    """Unix seconds for a datetime (UTC when it has no zone), an RFC 3339
    string or Unix seconds, by the rules of the export format (SPEC 2)."""
    return _seconds(value, "time")


__all__ = ["ArgumentError", "CRITERIA", "CancelledError", "Error", "FileError", "InputError", "InternalError",
           "Network", "OutOfMemoryError", "Ranking", "library_path", "library_version", "load",
           "parse_time"]
