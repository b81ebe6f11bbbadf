"""Shared fixtures of the Python binding's tests.

Run by `meson test` (suite "python"), which points the binding at the
freshly built library: PYTHONPATH=bindings/python,
CHAMPIONS_LIBRARY=<build>/lib/libchampions.so.0, CHAMPIONS_DEMO=<build>/
examples/champions, CHAMP_SHARED_DATA=../shared/data. Nothing skips: a
missing demo or data folder is a failure."""

import json
import os
import subprocess
import sys

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "tests", "reference"))
sys.dont_write_bytecode = True

import convert  # noqa: E402  (the shared data → SPEC 2 exports)

BUNDLED = os.path.join(REPO, "examples", "email-eu-core.json")
NETWORKS = convert.NETWORKS


def pytest_configure(config):
    # Many rankings here warn on purpose (no teams, an audience nobody is
    # in); the tests of warnings catch them with pytest.warns.
    config.addinivalue_line("filterwarnings", "ignore::champions.DataWarning")


def demo_path():
    path = os.environ.get("CHAMPIONS_DEMO")
    assert path and os.access(path, os.X_OK), "CHAMPIONS_DEMO must name the built demo"
    return path


def run_demo(*args):
    """The demo's stdout for `champions rank ARGS`; fails the test on an error."""
    proc = subprocess.run([demo_path(), "rank", *args], capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout.decode("utf-8")  # not text=True: CSV rows end in CR LF


@pytest.fixture(scope="session")
def export_path(tmp_path_factory):
    """export_path(name, suffix=".json"): a shared-data network converted to
    an export once per session (the data folder is only read)."""
    folder = tmp_path_factory.mktemp("exports")
    made = {}

    def get(name, suffix=".json"):
        key = (name, suffix)
        if key not in made:
            path = str(folder / (name + suffix))
            convert.write(export_of(name), path)
            made[key] = path
        return made[key]

    return get


_exports = {}


def export_of(name):
    """The export of a shared-data network as a dict (cached)."""
    if name not in _exports:
        _exports[name] = convert.convert(name)
    return _exports[name]


def read_json(text):
    return json.loads(text)
