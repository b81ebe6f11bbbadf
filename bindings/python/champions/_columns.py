"""Columns across the C boundary in one piece: a column of strings becomes one
UTF-8 buffer and an array of pointers into it; numbers become contiguous
float64 arrays. No Python call per cell on the C side."""

import numpy as np


def missing_mask(values):
    """True where a value is None or NaN (pandas' NA and NaT included)."""
    obj = np.asarray(values, dtype=object)
    if obj.ndim != 1:
        raise ValueError("expected a one-dimensional column")
    try:
        import pandas
    except ImportError:
        return np.fromiter((v is None or v != v for v in obj), dtype=bool, count=len(obj))
    return np.asarray(pandas.isna(obj), dtype=bool)


def at_row(name, i):
    """The place of row i of a column, in the C library's form:
    ("interactions.from", 12) -> "interactions[12].from"."""
    table, _, member = name.partition(".")
    return f"{table}[{i}].{member}" if member else f"{name}[{i}]"


def _refuse_floats(items, missing, name):
    """Ids, teams, groups and types are text. A float among them is almost
    always a column of integers that pandas read as float because of a blank
    cell: 1001 became 1001.0, which would be a person of its own."""
    for i, v in enumerate(items):
        if isinstance(v, (float, np.floating)) and not missing[i]:
            raise ValueError(f"{at_row(name, i)}: {v!r} is a floating-point number, not text "
                             "(a column of integers with a blank cell reads as float in "
                             "pandas: read it as text, e.g. pandas.read_csv(..., dtype=str))")


def _as_list(values, name):
    if hasattr(values, "tolist") and getattr(values, "ndim", 1) == 1:
        return values.tolist()  # numpy arrays, pandas Series: fast, Python objects
    if getattr(values, "ndim", 1) != 1 or isinstance(values, (str, bytes)):
        raise ValueError(f"{name}: expected a one-dimensional column")
    return list(values)


class TextColumn:
    """A column of strings (None or NaN: absent) as `const char *const *`.

    `address` is the pointer array's address, or None when every value is
    absent and the column may be left out. Keep the object alive while C
    reads it: it owns the buffer the pointers point into."""

    def __init__(self, values, name, required=False):
        items = _as_list(values, name)
        self.length = len(items)
        self.address = None
        missing = None
        try:
            joined = "\0".join(items)  # all text: the fast path
        except TypeError:
            # Absent values (None, NaN) or other values (integers as ids, by str()).
            column = np.empty(self.length, dtype=object)
            column[:] = items
            missing = missing_mask(column)
            _refuse_floats(items, missing, name)
            if required and missing.any():
                first = int(np.argmax(missing))
                raise ValueError(f"{at_row(name, first)}: missing value") from None
            if missing.all():
                return
            joined = "\0".join("" if m else str(v) for v, m in zip(items, missing.tolist()))
        if self.length == 0:
            return
        # Lone surrogates pass through as bytes that C refuses as invalid
        # UTF-8, naming the row.
        self._data = (joined + "\0").encode("utf-8", "surrogatepass")
        raw = np.frombuffer(self._data, dtype=np.uint8)
        ends = np.flatnonzero(raw == 0)
        if len(ends) != self.length:
            bad = next(i for i, s in enumerate(items) if "\0" in str(s))
            raise ValueError(f"{at_row(name, bad)}: contains a NUL character")
        starts = np.empty(self.length, dtype=np.uintp)
        starts[0] = 0
        starts[1:] = ends[:-1] + 1
        self._pointers = starts + np.uintp(raw.ctypes.data)
        if missing is not None:
            self._pointers[missing] = 0
        self.address = self._pointers.ctypes.data


def float_column(values, name, length):
    """A float64 column of `length` values as a contiguous array."""
    try:
        arr = np.ascontiguousarray(values, dtype=np.float64)
    except (TypeError, ValueError) as e:
        raise TypeError(f"{name}: expected numbers ({e})") from None
    if arr.shape != (length,):
        raise ValueError(f"{name}: expected {length} values, got {arr.size}")
    return arr
