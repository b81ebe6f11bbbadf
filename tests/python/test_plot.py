"""Plots: saved figures have the size asked for, the bars are the scores
split by criterion, team counts are right; matplotlib and pandas are only
imported when asked for."""

import struct
import subprocess
import sys
from collections import Counter, defaultdict

import matplotlib
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import champions  # noqa: E402
from conftest import BUNDLED  # noqa: E402


@pytest.fixture(scope="module")
def res():
    with champions.load(BUNDLED) as net:
        r = net.rank(weights={"activity": 0.4})
    yield r
    r.close()


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def bars_by_row(ax):
    """{y centre: [(left, width, colour)]} of the axes' bars."""
    rows = defaultdict(list)
    for patch in ax.patches:
        y = round(patch.get_y() + patch.get_height() / 2, 6)
        rows[y].append((patch.get_x(), patch.get_width(), patch.get_facecolor()))
    return rows


def tick_labels(ax):
    """The y tick labels from the top of the axes down."""
    ticks = sorted(zip(ax.get_yticks(), ax.get_yticklabels()), key=lambda p: -p[0])
    return [label.get_text() for _, label in ticks]


def test_breakdown_bars_are_the_scores(res, tmp_path):
    ax = res.plot(top=12)
    path = tmp_path / "top.png"
    ax.figure.savefig(path, dpi=100)
    width, height = png_size(path)
    assert (width, height) == (1000, round(100 * (0.45 * 12 + 1.6)))
    top = res.to_records()[:12]
    rows = bars_by_row(ax)
    assert len(rows) == 12
    shares = res.weights
    for k, y in enumerate(sorted(rows, reverse=True)):  # rank 1 is the top row
        bars = sorted(rows[y])
        person = top[k]
        assert len(bars) == 5
        for (left, w, _), c in zip(bars, champions.CRITERIA):
            assert w == pytest.approx(shares[c] * person["percentiles"][c], abs=1e-12)
        assert bars[-1][0] + bars[-1][1] == pytest.approx(person["score"], abs=1e-12)
    assert tick_labels(ax)[:2] == [f"1. {top[0]['id']} ({top[0]['team']})",
                                f"2. {top[1]['id']} ({top[1]['team']})"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(champions.CRITERIA)
    plt.close(ax.figure)


def test_team_counts(res, tmp_path):
    ax = res.plot_teams(top=30)
    path = tmp_path / "teams.png"
    ax.figure.savefig(path, dpi=50)
    assert png_size(path)[0] == 500
    # teams of fewer than 5 listed people only ever show pooled
    records = res.to_records()
    listed = Counter(r["team"] for r in records if r["listed"])
    small = {t for t, n in listed.items() if n < 5}
    assert small and sum(listed[t] for t in small) >= 5  # a pool big enough to show
    want = Counter("(small teams)" if r["team"] in small else r["team"] for r in records[:30])
    pool_label = f"(small teams): {len(small)} teams"
    got = {label.get_text().replace("\n", " "): patch.get_width()
           for label, patch in zip(ax.get_yticklabels(), ax.patches)}
    assert got == {pool_label if t == "(small teams)" else t: n for t, n in want.items()}
    assert sum(got.values()) == 30
    widths = [p.get_width() for p in ax.patches]
    assert widths == sorted(widths)  # the largest team on top
    plt.close(ax.figure)


def test_plots_draw_into_given_axes_and_name_unknown_teams():
    net = champions.Network()
    net.add_interaction("a", "b")
    net.add_interaction("b", "a")
    res = net.rank()
    fig, (left, right) = plt.subplots(1, 2)
    assert res.plot(ax=left) is left and res.plot_teams(ax=right) is right
    assert tick_labels(left) == ["1. a", "2. b"]
    # two people without a team are fewer than the minimum group: not shown
    assert tick_labels(right) == [] and "too small to show" in right.get_xlabel()
    plt.close(fig)
    for k in range(6):
        net.add_interaction(f"p{k}", "a")
    ax = net.rank().plot_teams()
    assert tick_labels(ax) == ["(no team)"]
    plt.close(ax.figure)
    small = net.rank(min_group_size=2, allow_small_groups=True)
    assert small.teams()["team"].tolist() == ["(no team)"]


def test_plain_use_imports_neither_pandas_nor_matplotlib():
    code = ("import sys, champions\n"
            f"res = champions.load({BUNDLED!r}).rank()\n"
            "res.to_records(); res.to_json(); res.summary\n"
            "print(sorted(m for m in ('pandas', 'matplotlib') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def figure_texts(ax):
    return [t for t in ax.texts if t.get_gid() == "criterion-figure"]


def segment_texts(ax):
    """The figures written on the bars."""
    return [t.get_text() for t in figure_texts(ax)]


def test_the_figures_behind_each_criterion_are_on_the_bars(res):
    ax = res.plot(top=10)
    texts = segment_texts(ax)
    first = res.to_records()[0]
    teams = res.summary["teams"] - 1  # the other teams
    # the library's figures: "35/41 teams", "153/214 mutual", "189 sent", "top 1%"
    assert f"{first['reach']}/{teams} teams" in texts
    assert f"{first['mutual']}/{first['ties']} mutual" in texts
    assert f"{first['activity']:g} sent" in texts
    assert any(t.startswith("top ") for t in texts)
    assert all(res.figure(first["id"], c) in texts for c in champions.CRITERIA)
    # dark text on the light orange of reach, white on the darker blue
    colours = {t.get_text(): t.get_color() for t in figure_texts(ax)}
    assert colours[f"{first['reach']}/{teams} teams"] != "white"
    assert colours[f"{first['mutual']}/{first['ties']} mutual"] == "white"
    # every text that was kept lies inside its segment
    renderer = ax.figure.canvas.get_renderer()
    for text in figure_texts(ax):
        box = text.get_window_extent(renderer)
        assert any(p.get_window_extent(renderer).x0 <= box.x0 and
                   box.x1 <= p.get_window_extent(renderer).x1 for p in ax.patches)
    plt.close(ax.figure)
    with champions.load(BUNDLED) as net, net.rank(audience="staff") as audience:
        ax = audience.plot(top=3)
        assert f"{audience.to_records()[0]['reach']} reached" in segment_texts(ax)
        plt.close(ax.figure)


def test_long_ids_and_team_names_wrap(tmp_path):
    """A long id or team name wraps onto lines of its own; the bars keep
    most of the width."""
    long_id = "a-person-with-a-really-rather-long-identifier-from-hr"
    long_team = "Directorate of Communications and Stakeholder Engagement"
    net = champions.Network()
    for i, pid in enumerate((long_id, "b", "c")):
        net.add_person(pid, long_team if i == 0 else "T")
    for u, v in ((long_id, "b"), ("b", long_id), ("b", "c"), ("c", long_id)):
        net.add_interaction(u, v)
    with net.rank() as r:
        ax = r.plot()
        labels = tick_labels(ax)
        wrapped = next(label for label in labels if "really" in label)
        assert "\n" in wrapped and all(len(line) <= 28 for line in wrapped.split("\n"))
        ax.figure.savefig(tmp_path / "long.png", dpi=100)
        renderer = ax.figure.canvas.get_renderer()
        axes_box = ax.get_window_extent(renderer)
        assert axes_box.width > 0.55 * ax.figure.bbox.width
        plt.close(ax.figure)
        ax = r.plot_teams()
        assert all(len(line) <= 28 for label in tick_labels(ax) for line in label.split("\n"))
        plt.close(ax.figure)


def test_nothing_to_show_says_why():
    with champions.load(BUNDLED) as net, net.rank(since="2030-01-01") as r:
        for plot in (r.plot, r.plot_teams):
            ax = plot()
            texts = " ".join(t.get_text() for t in ax.texts)
            assert "No one is eligible" in texts and "The window kept no interactions" in texts
            assert not ax.patches and "Top 0" not in ax.get_title()
            plt.close(ax.figure)
