"""Plots for reports (matplotlib, imported only here)."""

import textwrap

from ._lib import CRITERIA

# One colour per criterion, kept across plots (matplotlib's colour-blind
# friendly "tableau" order).
COLOURS = {"reciprocity": "#4e79a7", "reach": "#f28e2b", "bridging": "#59a14f",
           "influence": "#e15759", "activity": "#b07aa1"}
LABEL_WIDTH = 28  # characters per line of a bar's label; longer ones wrap
FIGURE_FONT = 8   # points, of the figures written on the bars
FIGURE_GID = "criterion-figure"  # the gid of those texts


def _axes(ax, rows, lines=1):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    height = max(3.0, (0.45 + 0.15 * (lines - 1)) * rows + 1.6)
    _, ax = plt.subplots(figsize=(10, height), layout="constrained")
    return ax


def _wrap(label):
    """A label on lines of at most LABEL_WIDTH characters, so that a long id
    or team name does not squeeze the chart (at spaces and hyphens, inside
    a word only when it must)."""
    return "\n".join(textwrap.wrap(label, LABEL_WIDTH, break_long_words=True)) or label


def _nothing_to_show(ax, ranking, title):
    """An empty chart that says why instead of a blank "Top 0"."""
    ax = _axes(ax, 3)
    reasons = [message for _, message in ranking.warnings
               if message.startswith(("no one is eligible", "the window kept"))]
    text = "No one is eligible: there are no champions to show."
    if reasons:
        text += "\n" + "\n".join(textwrap.fill(r[0].upper() + r[1:], 80) for r in reasons)
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, fontsize=11,
            wrap=True)
    ax.set_axis_off()
    ax.set_title(title or "No champions to show")
    return ax


def _luminance(colour):
    """Relative luminance (WCAG 2) of a "#rrggbb" colour."""
    def channel(c):
        c = int(c, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(colour[i:i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _text_colour(background):
    """White or near-black, whichever contrasts more with the background."""
    lum = _luminance(background)
    dark = "#1a1a1a"
    white_contrast = 1.05 / (lum + 0.05)
    dark_contrast = (lum + 0.05) / (_luminance(dark) + 0.05)
    return "white" if white_contrast >= dark_contrast else dark


def _label_segments(ax, bars, texts, colour):
    """Write each text inside its bar segment where it fits, in the colour
    that reads best on the segment's; the figures of a segment too narrow
    are left out rather than spilling over its neighbours."""
    fig = ax.figure
    fig.canvas.draw()  # sizes are known once drawn
    renderer = fig.canvas.get_renderer()
    for bar, text in zip(bars, texts):
        x, y = bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2
        label = ax.text(x, y, text, ha="center", va="center", color=_text_colour(colour),
                        fontsize=FIGURE_FONT, gid=FIGURE_GID)
        inner = bar.get_window_extent(renderer).width - 4
        if label.get_window_extent(renderer).width > inner:
            label.remove()


def plot_breakdown(ranking, top, ax, title):
    parts = ranking.contributions(top)
    if len(parts) == 0:
        return _nothing_to_show(ax, ranking, title)
    labels = [_wrap(f"{i + 1}. {pid}" + ("" if t is None else f" ({t})"))
              for i, (pid, t) in enumerate(zip(parts["id"], parts["team"]))]
    ax = _axes(ax, len(parts), max(label.count("\n") + 1 for label in labels))
    y = list(range(len(parts)))[::-1]  # rank 1 at the top
    left = [0.0] * len(parts)
    # the library's figures, as the demo's table shows them
    figures = [{c: ranking.figure(pid, c) for c in CRITERIA} for pid in parts["id"]]
    segments = []
    for c in CRITERIA:
        widths = parts[c].tolist()
        bars = ax.barh(y, widths, left=left, color=COLOURS[c], label=c, height=0.7)
        segments.append((bars, [f[c] for f in figures], COLOURS[c]))
        left = [a + b for a, b in zip(left, widths)]
    for yi, total in zip(y, left):
        ax.text(total + 0.01, yi, f"{total:.3f}", va="center", fontsize=9)
    ax.set_yticks(y, labels)
    ax.set_xlim(0, 1.1)
    ax.set_xlabel("score = sum of each criterion's share \u00d7 percentile; "
                  "on the bars, the figures behind each criterion")
    # Above the bars, not over them: the top scores reach the right edge.
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=len(CRITERIA), fontsize=9,
              frameon=False)
    ax.set_title(title or f"Top {len(parts)} champions: what makes their score", pad=24)
    ax.spines[["top", "right"]].set_visible(False)
    for bars, texts, colour in segments:
        _label_segments(ax, bars, texts, colour)
    return ax


def plot_teams(ranking, top, ax, title):
    from matplotlib.ticker import MaxNLocator

    if ranking.summary["eligible"] == 0:
        return _nothing_to_show(ax, ranking, title)
    table = ranking.teams(0 if top is None else top)
    withheld = table["champions"].isna()
    shown = table[~withheld & (table["champions"] > 0)]
    shown = shown.sort_values("champions", ascending=True, kind="stable")
    labels = [_wrap(team if not pooled else f"{team}: {teams} teams")
              for team, pooled, teams in zip(shown["team"], shown["pooled"], shown["teams"])]
    ax = _axes(ax, max(len(shown), 1), max([label.count("\n") + 1 for label in labels] or [1]))
    counts = shown["champions"].astype(int).tolist()
    bars = ax.barh(range(len(shown)), counts, color=COLOURS["reach"], height=0.7)
    ax.bar_label(bars, padding=3, fontsize=9)
    ax.set_yticks(range(len(shown)), labels)
    note = (f"teams of fewer than {ranking.min_group_size} listed people are pooled"
            + ("; the pool is too small to show" if withheld.any() else ""))
    ax.set_xlabel(f"champions ({note})")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    label = f"the top {top}" if top is not None else "all eligible people"
    ax.set_title(title or f"Champions per team, among {label}")
    ax.spines[["top", "right"]].set_visible(False)
    return ax


# What each KPI counts, as an axis says it.
KPI_LABELS = {"active_people": "people active", "champion_reciprocity": "champions' reciprocity",
              "champion_reach": "teams the champions reach",
              "audience_reached": "audience people the champions reach",
              "retained": "share of champions retained"}
KPI_COLOUR = "#4e79a7"
GOAL_COLOUR = "#e15759"


def _utc(text):
    from datetime import datetime

    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _kpi_values(periods, kpi):
    item = kpi[len("summary."):] if kpi.startswith("summary.") else None
    values = []
    for p in periods:
        v = p["summary"].get(item) if item else p["kpis"].get(kpi)
        if v is not None and not isinstance(v, (int, float)):
            raise ValueError(f"kpi: {kpi!r} is not a number per period")
        values.append(float("nan") if v is None else float(v))
    return values


def plot_tracking(tracking, kpi, ax, title):
    """A KPI per period; with a goal on it, the target by the deadline and
    the least-squares trend from the baseline period that decides
    on_track."""
    import matplotlib.dates as mdates
    import numpy as np

    periods, goal = tracking.periods, tracking.goal
    if kpi is None:
        kpi = goal["kpi"] if goal else ("audience_reached" if tracking._audience
                                        else "champion_reach")
    values = _kpi_values(periods, kpi)
    when = [_utc(p["since"]) for p in periods]
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(10, 4.5), layout="constrained")
    label = KPI_LABELS.get(kpi, kpi.replace("summary.", "").replace("_", " "))
    ax.plot(when, values, marker="o", color=KPI_COLOUR, label=label)
    default_title = f"{label[0].upper() + label[1:]}, per {tracking.period}"
    if goal and goal["kpi"] == kpi:
        deadline = _utc(goal["deadline"])
        ax.axhline(goal["target"], color=GOAL_COLOUR, linestyle="--",
                   label=f"target {goal['target']:g} by {deadline:%Y-%m-%d}")
        ax.axvline(deadline, color=GOAL_COLOUR, linestyle=":", linewidth=1)
        start = tracking._goal_baseline
        x = np.array([w.timestamp() for w in when[start:]])
        y = np.array(values[start:])
        keep = ~np.isnan(y)
        if keep.sum() >= 2:
            slope, intercept = np.polyfit(x[keep], y[keep], 1)
            ends = np.array([x[keep][0], deadline.timestamp()])
            ax.plot([when[start:][int(np.argmax(keep))], deadline], slope * ends + intercept,
                    color="#9c9c9c", linestyle="-.", label="trend")
        status = "on track" if goal["on_track"] else "behind"
        default_title = (f"{goal['name']}: {goal['progress']:.0%} of the way from "
                         f"{goal['baseline']:g}, {status}")
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_ylabel(label)
    ax.set_title(title or default_title)
    ax.legend(frameon=False, fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    return ax
