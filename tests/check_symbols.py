#!/usr/bin/env python3
"""The exported symbols of libchampions.so are exactly the functions that
include/champions.h declares and exactly the committed list
lib/champions.symbols: nothing internal leaks, nothing documented is
missing, and no symbol appears or disappears without a deliberate change of
the ABI list. Usage: check_symbols.py HEADER LIBRARY SYMBOL_LIST"""
import re
import subprocess
import sys


def declared(header):
    text = open(header, encoding="utf-8").read()
    return set(re.findall(r"CHAMP_EXTERN[^;(]*?\b(champ_\w+)\s*\(", text))


def exported(library):
    out = subprocess.run(["nm", "-D", "--defined-only", library], check=True,
                         capture_output=True, text=True).stdout
    return {line.split()[-1] for line in out.splitlines()
            if line.split() and line.split()[-2] in ("T", "D", "B", "R")}


def committed(path):
    return {line.strip() for line in open(path, encoding="utf-8")
            if line.strip() and not line.startswith("#")}


def main():
    header, library, listed = sys.argv[1], sys.argv[2], sys.argv[3]
    want, have, abi = declared(header), exported(library), committed(listed)
    ok = True
    for name in sorted(abi - have):
        print(f"in {listed} but not exported (an ABI break): {name}")
        ok = False
    for name in sorted(have - abi):
        print(f"exported but not in {listed} (add it there deliberately): {name}")
        ok = False
    for name in sorted(want - have):
        print(f"declared but not exported: {name}")
        ok = False
    for name in sorted(have - want):
        print(f"exported but not declared: {name}")
        ok = False
    print(f"{len(want)} declared, {len(have)} exported, {len(abi)} in the ABI list")
    return 0 if ok and want else 1


if __name__ == "__main__":
    sys.exit(main())
