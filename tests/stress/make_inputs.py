#!/usr/bin/python3
"""Exports of real networks for the stress test, converted from the shared
data folder with tests/reference/convert.py.

    make_inputs.py CONVERT_PY DATA_DIR OUT...

Each OUT is named NAME.json or NAME.jsonl after a network of convert.py.
When the data folder cannot be read, every OUT gets one line saying so
instead of failing the build: the stress test then fails with that line
(nothing skips itself; see docs/testing.md)."""

import importlib.util
import os
import sys


def main():
    sys.dont_write_bytecode = True  # nothing written into the source tree
    convert_py, data, outs = sys.argv[1], sys.argv[2], sys.argv[3:]
    spec = importlib.util.spec_from_file_location("convert", convert_py)
    convert = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(convert)
    for out in outs:
        name = os.path.basename(out).rsplit(".", 1)[0]
        try:
            convert.write(convert.convert(name, data), out)
        except (OSError, ValueError, KeyError) as e:
            with open(out, "w", encoding="utf-8") as f:
                f.write("shared data missing: cannot convert %s from %s (%s)\n" % (name, data, e))
    return 0


if __name__ == "__main__":
    sys.exit(main())
