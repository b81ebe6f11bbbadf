"""Every ctypes prototype of the binding (champions._lib.PROTOTYPES) against
the header's declarations, type by type: the header is parsed, each C type
maps to the ctypes types that can carry it, and a prototype that names a
wrong one (size_t passed as int, a double as a float, an argument missing)
fails here rather than corrupting memory at run time."""

import ctypes
import os
import re

import pytest

from champions import _lib
from conftest import REPO

HEADER = os.path.join(REPO, "include", "champions.h")
ENUMS = ("champ_status", "champ_criterion", "champ_diagnostic", "champ_summary_item",
         "champ_format", "champ_text", "champ_input", "champ_warning", "champ_scenario",
         "champ_period", "champ_kpi", "champ_flag", "champ_language", "champ_team_item",
         "champ_estimate")
HANDLES = ("champ_network", "champ_options", "champ_ranking", "champ_read_options",
           "champ_tracking", "champ_goal")
C = ctypes


def allowed(ctype):
    """The ctypes types that may stand for the C type `ctype` (normalised:
    single spaces, '*' attached to the type)."""
    t = re.sub(r"\bconst\b\s*", "", ctype).replace(" ", "")
    if t == "void":
        return [None]
    if t in ENUMS or t == "int":
        return [C.c_int]
    if t == "size_t":
        return [C.c_size_t]
    if t == "unsigned":
        return [C.c_uint]
    if t == "double":
        return [C.c_double]
    if t == "uint64_t":
        return [C.c_uint64]
    if t == "char*":  # text in, or a buffer to fill (passed as an address)
        return [C.c_char_p] if "const" in ctype else [C.c_void_p]
    if t == "champ_progress_fn":
        return [_lib.PROGRESS]
    if t == "champ_write_fn":
        return [_lib.WRITE]
    if t in {h + "**" for h in HANDLES}:
        return [C.POINTER(C.c_void_p)]
    if t in {h + "*" for h in HANDLES} | {"void*", "FILE*", "char**"}:
        return [C.c_void_p]
    if t in ("size_t*", "double*", "champ_warning*", "int*", "unsigned*"):
        base = {"size_t*": C.c_size_t, "double*": C.c_double, "champ_warning*": C.c_int,
                "int*": C.c_int, "unsigned*": C.c_uint}[t]
        # one value out (a pointer), or a column out (an array's address)
        return [C.POINTER(base), C.c_void_p]
    raise AssertionError(f"no rule for the C type {ctype!r}")


def declarations():
    """name: (return type, [parameter types]) of every CHAMP_EXTERN function."""
    text = open(HEADER, encoding="utf-8").read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    out = {}
    for ret, name, params in re.findall(
            r"CHAMP_EXTERN\s+([^;(]*?)\s*\b(champ_\w+)\s*\(([^)]*)\)\s*;", text):
        types = []
        for param in (p.strip() for p in params.split(",")):
            if param == "void" or not param:
                continue
            types.append(re.sub(r"\s*\b\w+$", "", param) if re.search(r"[\w*]\s*\w+$", param)
                         and not param.endswith("*") else param)
        out[name] = (ret.strip(), types)
    return out


DECLARED = declarations()


def test_the_header_parses_and_every_function_has_a_prototype():
    assert len(DECLARED) > 75
    assert set(DECLARED) == set(_lib.PROTOTYPES)


@pytest.mark.parametrize("name", sorted(DECLARED))
def test_prototype_matches_the_header(name):
    ret, params = DECLARED[name]
    restype, argtypes = _lib.PROTOTYPES[name]
    assert restype in allowed(ret), f"{name} returns {ret}, the binding says {restype}"
    assert len(argtypes) == len(params), f"{name}({', '.join(params)}): {len(argtypes)} given"
    for i, (c_type, py_type) in enumerate(zip(params, argtypes)):
        assert py_type in allowed(c_type), \
            f"{name} argument {i + 1} is {c_type}, the binding says {py_type}"


def test_callback_types_match_their_typedefs():
    text = open(HEADER, encoding="utf-8").read()
    for typedef, ftype in (("champ_progress_fn", _lib.PROGRESS),
                           ("champ_write_fn", _lib.WRITE)):
        ret, params = re.search(r"typedef\s+(\w+)\s*\(\*" + typedef + r"\)\(([^)]*)\)",
                                text).groups()
        params = [re.sub(r"\s*\b\w+$", "", p.strip()) for p in params.split(",")]
        assert ftype._restype_ in allowed(ret)
        assert len(ftype._argtypes_) == len(params)
        for c_type, py_type in zip(params, ftype._argtypes_):
            ok = allowed(c_type) + ([C.c_void_p] if "char*" in c_type.replace(" ", "") else [])
            assert py_type in ok, f"{typedef}: {c_type} as {py_type}"


def test_a_wrong_prototype_is_caught():
    """The check itself can fail: size_t declared as int, a missing argument."""
    ret, params = DECLARED["champ_ranking_rank"]
    assert C.c_int not in allowed(params[1])
    assert len(params) == 2 and C.c_size_t in allowed(ret)
    assert C.c_float not in allowed("double")
