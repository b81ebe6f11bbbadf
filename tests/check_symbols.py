#!/usr/bin/env python3
"""The exported symbols of libchampions.so are exactly the functions that
include/champions.h declares: nothing internal leaks, nothing documented is
missing."""
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


def main():
    header, library = sys.argv[1], sys.argv[2]
    want, have = declared(header), exported(library)
    ok = True
    for name in sorted(want - have):
        print(f"declared but not exported: {name}")
        ok = False
    for name in sorted(have - want):
        print(f"exported but not declared: {name}")
        ok = False
    print(f"{len(want)} declared, {len(have)} exported")
    return 0 if ok and want else 1


if __name__ == "__main__":
    sys.exit(main())
