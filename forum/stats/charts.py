"""The geometry of /stats' charts, drawn as SVG by templates/stats/_charts.html.

Server-side SVG reads without JavaScript, scales to any width (a viewBox, width 100%)
and prints; each chart has a title, a description and a table beside it. Only numbers
are computed here: the template writes every element, so all text is escaped there.
"""
import math

WIDTH = 480  # a 360 px screen shows it at three quarters: 15 px labels read at 11 px
LINE_HEIGHT = 220
LEFT, RIGHT, TOP, BOTTOM = 52, 12, 12, 28  # the plot's margins, for the axes' labels
BAR_ROW = 40  # one bar of a bar chart: its label on a line of its own, the bar below
BAR_SHOWN = 15  # bars of a bar chart at most; its table lists every row


def nice_top(value):
    """The smallest 1, 2 or 5 × 10^k not below value (at least 1): the axis' top."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def line_chart(labels, series):
    """A line per (name, values) over labels: points, the axis' ticks, the labels shown."""
    top = nice_top(max((max(values, default=0) for _n, values in series), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, LINE_HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(labels) - 1, 1)

    def x(i):
        return round(LEFT + i * step, 1)

    def y(value):
        return round(TOP + plot_h * (1 - value / top), 1)

    lines = [{"name": name, "points": " ".join(f"{x(i)},{y(v)}" for i, v in enumerate(values))}
             for name, values in series]
    shown = sorted({0, len(labels) // 2, len(labels) - 1}) if labels else []
    return {"width": WIDTH, "height": LINE_HEIGHT, "left": LEFT, "right": WIDTH - RIGHT,
            "bottom": LINE_HEIGHT - BOTTOM, "lines": lines,
            "y_ticks": [{"y": y(v), "value": v} for v in sorted({0, top // 2, top})],
            "x_ticks": [{"x": x(i), "label": labels[i]} for i in shown]}


def bar_chart(rows):
    """A horizontal bar per (label, value), the first BAR_SHOWN in the order given; each
    label above its bar, so a long unit name keeps the whole width."""
    rows = rows[:BAR_SHOWN]
    top = nice_top(max((value for _l, value in rows), default=0))
    plot_w = WIDTH - RIGHT - 60  # room for the value after the bar
    bars = [{"label": label, "value": value, "y": TOP + i * BAR_ROW,
             "width": round(plot_w * value / top, 1)} for i, (label, value) in enumerate(rows)]
    return {"width": WIDTH, "height": TOP * 2 + BAR_ROW * len(rows), "left": 4,
            "bar_height": 14, "label_height": 18, "bars": bars}
