"""Times to Unix seconds, by the library's own rules: a datetime, a date, an
RFC 3339 string or Unix seconds. A datetime without a time zone is taken as
UTC, never as the machine's local time; a date is 00:00 UTC that day, as the
library reads "2026-03-01"."""

import ctypes
import datetime as _dt
import math
import numbers
import re

import numpy as np

from . import _lib
from ._columns import TextColumn, at_row, missing_mask


def _datetime_seconds(value):
    if value.tzinfo is None:
        value = value.replace(tzinfo=_dt.timezone.utc)
    # Whole seconds and microseconds apart, so that no precision is lost.
    delta = value - _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
    return delta.days * 86400 + delta.seconds + delta.microseconds / 1e6


def seconds(value, name):
    """Unix seconds for one time; NaN for None."""
    if value is None:
        return math.nan
    if isinstance(value, np.datetime64):
        value = value.astype("datetime64[us]").item()
    if isinstance(value, _dt.datetime):
        return _datetime_seconds(value)
    if isinstance(value, _dt.date):
        return _datetime_seconds(_dt.datetime(value.year, value.month, value.day))
    if isinstance(value, str):
        out = ctypes.c_double()
        text = value.encode("utf-8", "surrogatepass")
        status = _lib.lib.champ_parse_time(ctypes.byref(out), text)
        if status:
            exc = _lib.error(status)
            exc.args = (f"{name}: {exc.args[0]}",)
            raise exc
        return out.value
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        value = float(value)
        if not math.isfinite(value):
            raise ValueError(f"{name}: expected finite Unix seconds, got {value}")
        return value
    raise TypeError(f"{name}: expected a datetime, a date, an RFC 3339 string or Unix "
                    f"seconds, got {type(value).__name__}")


def _datetime64_seconds(arr):
    ns = arr.astype("datetime64[ns]").astype(np.int64)
    out = (ns // 1_000_000_000).astype(np.float64) + (ns % 1_000_000_000) / 1e9
    out[np.isnat(arr)] = np.nan
    return out


def column(values, name):
    """Unix seconds for a column of times: numbers, datetime64 (with or
    without a time zone) or objects (strings by the library's parser,
    datetimes, None/NaN for no time). Returns a float64 array, NaN for none."""
    try:
        import pandas
    except ImportError:
        pandas = None
    if pandas is not None and isinstance(values, pandas.Series):
        if isinstance(values.dtype, pandas.DatetimeTZDtype):
            values = values.dt.tz_convert("UTC").dt.tz_localize(None)
        values = values.to_numpy()
    arr = np.asarray(values)
    if arr.dtype.kind in "iuf":
        out = arr.astype(np.float64)
        if np.isinf(out).any():
            bad = int(np.argmax(np.isinf(out)))
            raise ValueError(f"{at_row(name, bad)}: expected finite Unix seconds")
        return out
    if arr.dtype.kind == "M":
        return _datetime64_seconds(arr)
    if arr.dtype.kind == "b":
        raise TypeError(f"{name}: expected times, got booleans")
    obj = np.asarray(values, dtype=object)
    missing = missing_mask(obj)
    present = obj[~missing]
    if all(isinstance(v, str) for v in present):
        texts = TextColumn(obj, name)
        out = np.empty(len(obj), dtype=np.float64)
        if texts.address is None:
            out.fill(np.nan)
            return out
        status = _lib.lib.champ_parse_times(out.ctypes.data, len(obj), texts.address)
        if status:
            exc = _lib.error(status)  # "times[12]: ...", said in the column's terms
            exc.args = (re.sub(r"^times\[(\d+)\]", lambda m: at_row(name, m[1]), exc.args[0]),)
            raise exc
        return out
    out = np.full(len(obj), np.nan)
    for i in np.flatnonzero(~missing):
        out[i] = seconds(obj[i], at_row(name, i))
    return out
