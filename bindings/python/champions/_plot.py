"""Plots for reports (matplotlib, imported only here)."""

from ._lib import CRITERIA

# One colour per criterion, kept across plots (matplotlib's colour-blind
# friendly "tableau" order).
COLOURS = {"reciprocity": "#4e79a7", "reach": "#f28e2b", "bridging": "#59a14f",
           "influence": "#e15759", "activity": "#b07aa1"}
NO_TEAM = "no team"


def _axes(ax, rows):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=(10, max(3.0, 0.45 * rows + 1.6)), layout="constrained")
    return ax


def plot_breakdown(ranking, top, ax, title):
    parts = ranking.contributions(top)
    ax = _axes(ax, len(parts))
    y = list(range(len(parts)))[::-1]  # rank 1 at the top
    left = [0.0] * len(parts)
    for c in CRITERIA:
        widths = parts[c].tolist()
        ax.barh(y, widths, left=left, color=COLOURS[c], label=c, height=0.7)
        left = [a + b for a, b in zip(left, widths)]
    for yi, total in zip(y, left):
        ax.text(total + 0.01, yi, f"{total:.2f}", va="center", fontsize=9)
    ax.set_yticks(y, [f"{i + 1}. {pid}" + ("" if t is None else f" ({t})")
                      for i, (pid, t) in enumerate(zip(parts["id"], parts["team"]))])
    ax.set_xlim(0, 1.08)
    ax.set_xlabel("score = sum of each criterion's share \u00d7 percentile")
    # Above the bars, not over them: the top scores reach the right edge.
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=len(CRITERIA), fontsize=9,
              frameon=False)
    ax.set_title(title or f"Top {len(parts)} champions: what makes their score", pad=24)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def plot_teams(ranking, top, ax, title):
    from matplotlib.ticker import MaxNLocator

    champions = ranking.contributions(top)
    counts = champions["team"].fillna(NO_TEAM).value_counts(sort=False)
    counts = counts.sort_values(ascending=True, kind="stable")
    ax = _axes(ax, len(counts))
    ax.barh(range(len(counts)), counts.to_numpy(), color=COLOURS["reach"], height=0.7)
    ax.set_yticks(range(len(counts)), counts.index.tolist())
    ax.set_xlabel("champions")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    label = f"the top {len(champions)}" if top is not None else "all eligible people"
    ax.set_title(title or f"Champions per team, among {label}")
    ax.spines[["top", "right"]].set_visible(False)
    return ax
