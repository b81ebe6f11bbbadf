"""The loader, exceptions, ownership of handles, memory over many cycles and
threads."""

import gc
import os
import re
import subprocess
import sys
import threading

import pytest

import champions
from champions import _lib
from conftest import BUNDLED, REPO


def run_python(code, **env):
    """Run code in a fresh interpreter with this test's environment."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, **env})


def test_library_is_the_one_asked_for():
    want = os.environ.get("CHAMPIONS_LIBRARY")
    assert want, "meson test sets CHAMPIONS_LIBRARY to the built library"
    assert champions.library_path == want
    assert champions.library_version == champions.__version__
    version = open(os.path.join(REPO, "meson.build")).read().split("version: '")[1].split("'")[0]
    assert champions.library_version == version


def test_a_missing_library_is_one_clear_import_error():
    proc = run_python("import champions", CHAMPIONS_LIBRARY="/nonexistent/libchampions.so.0")
    assert proc.returncode == 1
    assert "ImportError: champions: cannot load libchampions; tried" in proc.stderr
    assert "/nonexistent/libchampions.so.0" in proc.stderr and "CHAMPIONS_LIBRARY" in proc.stderr


@pytest.mark.parametrize("version,ok", [("0.2.0", True), ("0.2.7", True), ("0.4.0", True),
                                        ("0.1.0", False), ("1.0.0", False), ("x.y", False)])
def test_version_check(version, ok):
    if ok:
        _lib._check_version(version, "lib")
    else:
        with pytest.raises(ImportError, match="champions: lib"):
            _lib._check_version(version, "lib")


def test_every_prototype_is_declared_and_exported():
    header = open(os.path.join(REPO, "include", "champions.h")).read()
    declared = set(re.findall(r"CHAMP_EXTERN[^;(]*?\b(champ_\w+)\s*\(", header))
    assert len(declared) > 40 and declared == set(_lib.PROTOTYPES)


def test_unreadable_file_is_an_os_error(tmp_path):
    missing = str(tmp_path / "missing.json")
    with pytest.raises(OSError) as info:
        champions.load(missing)
    assert isinstance(info.value, champions.FileError)
    assert str(info.value).startswith(missing + ": ")
    assert info.value.status == "CHAMP_ERR_IO"
    # a directory is read as a platform export; one that is none says so
    with pytest.raises(champions.InputError, match="neither a Slack export"):
        champions.load(str(tmp_path))


def test_bad_content_is_an_input_error_naming_the_place(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"interactions": [\n  {"from": "a", "to": "b"},\n  {"from": "a" "to": "c"}]}')
    with pytest.raises(ValueError) as info:
        champions.load(str(path))
    assert isinstance(info.value, champions.InputError)
    assert info.value.status == "CHAMP_ERR_PARSE"
    assert str(info.value).startswith(f"{path}: line 3, column 16: ")
    path.write_text('{"interactions": [{"from": "a", "to": "b", "weight": -1}]}')
    with pytest.raises(champions.InputError, match=r"interactions\[0\]\.weight") as info:
        champions.load(str(path))
    assert info.value.status == "CHAMP_ERR_SCHEMA"


def test_handles_close_once_and_refuse_use_after():
    net = champions.load(BUNDLED)
    res = net.rank()
    net.close()
    net.close()
    assert net.closed and "closed" in repr(net)
    with pytest.raises(ValueError, match="this Network is closed"):
        net.rank()
    assert res.summary["people"] == 1005  # a ranking outlives its network
    with res:
        pass
    assert res.closed
    with pytest.raises(ValueError, match="this Ranking is closed"):
        len(res)


def test_objects_alive_at_exit_are_freed_quietly():
    code = ("import champions, sys\n"
            f"net = champions.load({BUNDLED!r})\n"
            "res = net.rank()\n"
            "cycle = [net, res]; cycle.append(cycle)\n"
            "sys.modules['keep'] = res\n")
    proc = run_python(code)
    # nothing on stderr but the one warning about the data (no_tie_depth)
    assert proc.returncode == 0
    assert [line.split(": ")[1] for line in proc.stderr.splitlines()] == ["DataWarning"]


def resident_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_no_growth_over_a_thousand_cycles(export_path):
    path = export_path("lazega-advice")

    def cycle(k):
        if k % 2:  # half closed by hand, half left to the garbage collector
            with champions.load(path) as net, net.rank(samples=8) as res:
                res.to_records()
        else:
            res = champions.load(path).rank(min_activity=2)
            res.to_pandas()
            res.to_json()

    for k in range(200):
        cycle(k)
    gc.collect()
    before = resident_bytes()
    for k in range(1000):
        cycle(k)
    gc.collect()
    growth = resident_bytes() - before
    # one leaked network or ranking per cycle would be well over 20 MB
    assert growth < 4 * 2**20, f"resident memory grew by {growth} bytes"


def test_four_threads_give_the_single_threaded_results(export_path):
    names = ["lazega-advice", "uk-faculty", "workplace-invs13", "email-eu-core"]
    paths = [export_path(n) for n in names]
    options = [{}, {"samples": 16, "seed": 5}, {"since": 100000, "until": 900000},
               {"audience": "staff"}]

    def rank(path, kw):
        with champions.load(path) as net, net.rank(**kw) as res:
            return res.to_json()

    want = [rank(p, kw) for p, kw in zip(paths, options)]
    got = [[] for _ in paths]
    errors = []

    def work(i):
        try:
            for _ in range(5):
                got[i].append(rank(paths[i], options[i]))
        except Exception as e:  # reported below, in the main thread
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(paths))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for i, runs in enumerate(got):
        assert runs == [want[i]] * 5, names[i]


def test_errors_stay_on_their_thread(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2")
    messages = {}

    def fail(i):
        try:
            champions.load(str(bad) if i % 2 else str(tmp_path / f"missing-{i}.json"))
        except champions.Error as e:
            messages[i] = str(e)

    threads = [threading.Thread(target=fail, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, message in messages.items():
        assert message.startswith(str(bad) if i % 2 else str(tmp_path / f"missing-{i}.json"))
    assert len(messages) == 8


def test_progress_reaches_python_and_can_stop_the_call(export_path):
    path = export_path("lazega-advice")
    seen = []
    with champions.load(path, progress=lambda phase, done: seen.append((phase, done))) as net:
        assert seen[0][0] == "read" and seen[-1] == ("read", 1.0)
        seen.clear()
        with net.rank(progress=lambda phase, done: seen.append((phase, done))):
            pass
        phases = [p for i, (p, _) in enumerate(seen) if i == 0 or seen[i - 1][0] != p]
        assert phases == ["graph", "ties", "influence", "bridging", "ranking"]
        assert all(0 <= d <= 1 for _, d in seen) and seen[-1] == ("ranking", 1.0)

        with pytest.raises(champions.CancelledError,
                           match=r"^cancelled by the progress callback \(influence\)$") as info:
            net.rank(progress=lambda phase, done: phase != "influence")
        assert info.value.status == "CHAMP_ERR_CANCELLED"

        class Stop(Exception):
            pass

        def interrupt(phase, done):
            if phase == "bridging":
                raise Stop(phase)

        with pytest.raises(Stop, match="bridging"):
            net.rank(progress=interrupt)
        with pytest.raises(TypeError, match="progress"):
            net.rank(progress="yes")
        assert net.rank().summary["people"] == 71  # the network is still fine
    with pytest.raises(champions.CancelledError, match=r": cancelled by the progress callback"):
        champions.load(path, progress=lambda phase, done: False)


def test_progress_true_draws_a_bar_or_a_line(export_path, capfd, monkeypatch):
    path = export_path("lazega-advice")
    with champions.load(path) as net:
        net.rank(progress=True).close()
        assert "bridging" in capfd.readouterr().err  # tqdm, from Debian's python3-tqdm
        monkeypatch.setitem(sys.modules, "tqdm.auto", None)  # as if tqdm were missing
        net.rank(progress=True).close()
        err = capfd.readouterr().err
        assert "\rbridging   100%" in err and err.endswith("\r")
