"""The timeline picture: articles and statements over time, by topic, as an SVG with fixed bytes, and its text alternative (pure).

Dates are placed honestly: a date whose possible days all fall in one month (or quarter, or
year: the unit depends on how many years the archive covers) is counted in that bar; one whose
days run over several is drawn as a span across all of them, never at its first day; an
unknown or open-ended date is counted in the caption and not drawn. Topics are small
multiples, one row each, because an article can carry several and a stack would count it twice.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath

from archive.edtf import certain_year, edtf_bounds
from archive.markup import html_text, one_line
from archive.model import Archive

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
BINS_PER_YEAR = {"month": 12, "quarter": 4, "year": 1}
# Up to 72 bars across the width: a bar stays about 7 px wide at the content column's 770 px.
MOST_BARS = 72
MOST_TOPIC_ROWS = 8  # past this, the smaller topics share a last row
SPAN_STEP, SPAN_STEPS = 0.065, 5  # inches of stacked spans per date, up to this many; more share that depth
LABEL_CHARS = 60

# Exact glyphs as paths: a reader without DejaVu Sans (a copy opened from file://) sees the labels
# where they were measured, never overlapping; the words themselves are in <title>, <desc> and the table.
STYLE = {
    "svg.fonttype": "path",
    "svg.hashsalt": "statement-archive-chart",
    "text.parse_math": False,  # an annotation's "$" is a dollar sign, not mathematics
}
# The font matplotlib ships, by file: a system's own DejaVu Sans may be another version.
FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
# A white card: dark text keeps at least 4.5:1 contrast there, whatever the page's light or dark scheme.
CARD, EDGE, INK, MUTED, GRID = "#ffffff", "#c8c8c8", "#1f1f1f", "#595959", "#e2e2e2"
ARTICLE, STATEMENT, SPAN = "#1f5f9e", "#6a3d9a", "#b0500b"

WIDTH = 8.0  # inches, 576 pt
LEFT, RIGHT, TOP, LABEL_GAP, AXIS, FOOTER = 0.45, 0.25, 0.62, 0.2, 0.32, 0.22


@dataclass(frozen=True, slots=True)
class Span:
    """Dates whose possible days run over several bins: `count` of them, all from bin `first` to bin `last`."""

    first: int
    last: int
    count: int


@dataclass(frozen=True, slots=True)
class Series:
    """One row of the picture: dates counted in the one bin they fall in, spans, and the dates that cannot be drawn."""

    label: str
    total: int
    counts: tuple[tuple[int, int], ...]  # (bin, count), bins in order
    spans: tuple[Span, ...]
    undated: int  # unknown or not read
    open_ended: int  # open at one end ("2021/..", "..2021"): no span to draw
    years: tuple[int, int] | None  # the first and last year the drawn dates allow; None when nothing is drawn

    @property
    def spanned(self) -> int:
        return sum(span.count for span in self.spans)


@dataclass(frozen=True, slots=True)
class Timeline:
    """What the picture shows: bins of `unit` from `first` to `last` (whole years), articles, statements, topics."""

    unit: str  # "month" | "quarter" | "year"
    first: int
    last: int
    articles: Series
    statements: Series
    topics: tuple[Series, ...]


def count_timeline(archive: Archive) -> Timeline:
    """Articles, statements and each topic's articles placed in bins; the unit is the finest that fits MOST_BARS."""
    article_dates, statement_dates = _dates(archive)
    covered = [y for y in (_years(article_dates), _years(statement_dates)) if y] or [(0, 0)]
    years = (min(y[0] for y in covered), max(y[1] for y in covered))
    unit = next(u for u, n in BINS_PER_YEAR.items() if (years[1] - years[0] + 1) * n <= MOST_BARS or u == "year")
    per_year = BINS_PER_YEAR[unit]
    return Timeline(
        unit,
        years[0] * per_year,
        years[1] * per_year + per_year - 1,
        _series("Articles", article_dates, unit),
        _series("Statements", statement_dates, unit),
        _topic_series(archive, unit),
    )


def _dates(archive: Archive) -> tuple[list[str], list[str]]:
    """Every article's published date, and every statement's own date or else its article's."""
    published = {a.id: a.date.published for a in archive.articles}
    return list(published.values()), [s.statement.date or published[s.statement.article] for s in archive.statements]


def _years(dates: list[str]) -> tuple[int, int] | None:
    """The first and last year that closed dates allow."""
    closed = [b for b in map(_closed_bounds, dates) if b]
    return (min(b[0].year for b in closed), max(b[1].year for b in closed)) if closed else None


def _date_kind(value: str) -> str:
    """"closed" (a first and a last possible day), "open-ended" ("2021/..", "..2021", "XXXX") or "undated" (unknown, not read)."""
    bounds = edtf_bounds(value) if value else None
    if bounds is None:
        return "undated"
    return "open-ended" if datetime.date.min in bounds or datetime.date.max in bounds else "closed"


def _closed_bounds(value: str) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day a date allows, or None when it is not closed."""
    return edtf_bounds(value) if _date_kind(value) == "closed" else None


def _bin(day: datetime.date, unit: str) -> int:
    """The bin a day falls in: months, quarters or years counted from year 0."""
    return day.year * BINS_PER_YEAR[unit] + (day.month - 1) * BINS_PER_YEAR[unit] // 12


def _series(label: str, dates: list[str], unit: str) -> Series:
    counts: dict[int, int] = {}
    spans: dict[tuple[int, int], int] = {}
    undated = open_ended = 0
    for value in dates:
        kind = _date_kind(value)
        if kind != "closed":
            undated += kind == "undated"
            open_ended += kind == "open-ended"
            continue
        earliest, latest = edtf_bounds(value)
        first, last = _bin(earliest, unit), _bin(latest, unit)
        if first == last:
            counts[first] = counts.get(first, 0) + 1
        else:
            spans[first, last] = spans.get((first, last), 0) + 1
    return Series(
        label,
        len(dates),
        tuple(sorted(counts.items())),
        tuple(Span(first, last, n) for (first, last), n in sorted(spans.items())),
        undated,
        open_ended,
        _years(dates),
    )


def _topic_series(archive: Archive, unit: str) -> tuple[Series, ...]:
    """A row per topic, most articles first; past MOST_TOPIC_ROWS the rest share one row, an article counted once."""
    names = {t.id: t.name for t in archive.registry.topics}
    members: dict[str, list[str]] = {}
    for article in archive.articles:
        for topic in sorted({t.topic for t in article.topics}):
            members.setdefault(topic, []).append(article.id)
    ranked = sorted(members, key=lambda t: (-len(members[t]), names.get(t, t), t))
    shown = ranked if len(ranked) <= MOST_TOPIC_ROWS else ranked[: MOST_TOPIC_ROWS - 1]
    dates = {a.id: a.date.published for a in archive.articles}
    rows = [_series(names.get(t, t), [dates[a] for a in members[t]], unit) for t in shown]
    rest = ranked[len(shown):]
    if rest:
        others = sorted({a for t in rest for a in members[t]})
        rows.append(_series(f"{len(rest)} other topics", [dates[a] for a in others], unit))
    return tuple(rows)


def bin_label(index: int, unit: str) -> str:
    """A bin as a reader names it: "February 2026", "Q1 2026" or "2026"."""
    year, part = divmod(index, BINS_PER_YEAR[unit])
    return {"month": f"{MONTHS[part]} {year}", "quarter": f"Q{part + 1} {year}", "year": str(year)}[unit]


def chart_summary(archive: Archive) -> tuple[str, str]:
    """The picture's text alternative (one short paragraph) and a Markdown table of articles and statements by year."""
    return describe_timeline(count_timeline(archive)), year_table(archive)


def describe_timeline(timeline: Timeline) -> str:
    """E.g. "5 articles from 2021 to 2026; most in February 2026 (2); 1 with an uncertain date shown as a span; 48 statements."."""
    articles = timeline.articles
    if not articles.total:
        return "No articles yet."
    parts = [_plural(articles.total, "article")]
    if articles.years:
        first, last = articles.years
        parts[0] += f" from {first} to {last}" if first != last else f" in {first}"
    most = max((n for _, n in articles.counts), default=0)
    busiest = [index for index, n in articles.counts if n == most]
    if len(busiest) == 1:
        parts.append(f"most in {bin_label(busiest[0], timeline.unit)} ({most})")
    elif busiest:
        parts.append(f"at most {most} a {timeline.unit}")
    if articles.spanned:
        parts.append(f"{articles.spanned} with uncertain dates shown as spans" if articles.spanned > 1 else "1 with an uncertain date shown as a span")
    if articles.open_ended:
        parts.append(f"{articles.open_ended} with an open-ended date, not drawn")
    if articles.undated:
        parts.append(f"{articles.undated} undated")
    return "; ".join(parts) + f"; {_plural(timeline.statements.total, 'statement')}."


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def year_table(archive: Archive) -> str:
    """Articles and statements by the year their date surely falls in; dates spanning years, open or unknown on rows of their own."""
    rows: dict[str, list[int]] = {}
    for column, dates in enumerate(_dates(archive)):
        for value in dates:
            kind = _date_kind(value)
            year = certain_year(value) if kind == "closed" else None
            key = str(year) if year else "spanning years" if kind == "closed" else kind
            rows.setdefault(key, [0, 0])[column] += 1
    order = sorted((k for k in rows if k.isdigit()), key=int) + [k for k in ("spanning years", "open-ended", "undated") if k in rows]
    lines = ["| Year | Articles | Statements |", "| --- | ---: | ---: |"]
    lines += [f"| {key} | {rows[key][0]} | {rows[key][1]} |" for key in order]
    return "\n".join(lines) + "\n"


def render_chart(archive: Archive) -> str:
    """The picture as SVG text, the same bytes for the same archive, with a <title> and a <desc>."""
    timeline = count_timeline(archive)
    title = f"Articles and statements by {timeline.unit}"
    desc = describe_timeline(timeline) + " Rows: " + "; ".join(f"{one_line(row.label)} ({row.total})" for row, _, _ in _rows(timeline)) + "."
    with matplotlib.rc_context(STYLE):
        figure = _draw(timeline, title)
        out = io.StringIO()
        # No metadata: matplotlib would write its version, and the time of "now" unless told otherwise.
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    svg = out.getvalue()
    head = '<svg role="img" aria-labelledby="chart-title chart-desc" '
    start = svg.index(">", svg.index("<svg ")) + 1
    labels = f'\n <title id="chart-title">{html_text(title)}</title>\n <desc id="chart-desc">{html_text(desc)}</desc>'
    return svg[:start].replace("<svg ", head, 1) + labels + svg[start:]


def _font(size: float) -> FontProperties:
    return FontProperties(fname=FONT, size=size)


def coverage(spans: tuple[Span, ...]) -> tuple[tuple[int, int], ...]:
    """For each bin, how many spanned dates may fall in it: the spans stacked, each as a bar over its whole range."""
    stacked: dict[int, int] = {}
    for span in spans:
        for index in range(span.first, span.last + 1):
            stacked[index] = stacked.get(index, 0) + span.count
    return tuple(sorted(stacked.items()))


def _rows(timeline: Timeline) -> list[tuple[Series, str, float]]:
    """The rows drawn, each with its colour and the height in inches of its tallest bar; no statement row without statements."""
    rows = [(timeline.articles, ARTICLE, 1.0)] + ([(timeline.statements, STATEMENT, 0.55)] if timeline.statements.total else [])
    return rows + [(row, ARTICLE, 0.34) for row in timeline.topics]


def _draw(timeline: Timeline, title: str) -> Figure:
    """The figure: a white card, the title and key, one row of bars and spans per series, the years behind and below them."""
    rows = _rows(timeline)
    stacks = [coverage(series.spans) for series, _, _ in rows]
    bands = [SPAN_STEP * min(max((n for _, n in stack), default=0), SPAN_STEPS) for stack in stacks]
    heights = [LABEL_GAP + bars + band + 0.08 for (_, _, bars), band in zip(rows, bands)]
    undrawn = [_plural(n, noun) for noun, s in (("article", timeline.articles), ("statement", timeline.statements)) if (n := s.undated + s.open_ended)]
    height = TOP + sum(heights) + AXIS + (FOOTER if undrawn else 0)
    figure = Figure(figsize=(WIDTH, height), facecolor=CARD, edgecolor=EDGE, linewidth=1.5)
    figure.text(LEFT / WIDTH, 1 - 0.22 / height, title, fontproperties=_font(11), color=INK, va="center")
    unit = timeline.unit
    key = f"Bars: dates within one {unit}.  Orange, under the line: dates known only to a range, each a bar over every {unit} it may fall in, stacked."
    figure.text(LEFT / WIDTH, 1 - 0.44 / height, key, fontproperties=_font(7), color=MUTED, va="center")
    left, width = LEFT / WIDTH, (WIDTH - LEFT - RIGHT) / WIDTH
    edges = (timeline.first, timeline.last + 1)
    _year_axis(figure.add_axes((left, (height - TOP - sum(heights)) / height, width, sum(heights) / height)), timeline, edges)
    top = height - TOP
    for (series, colour, bars), stack, band, row_height in zip(rows, stacks, bands, heights):
        top -= row_height
        axes = figure.add_axes((left, top / height, width, (row_height - LABEL_GAP) / height))
        _draw_row(axes, series.counts, colour, bars, stack, band, edges)
        label = f"{one_line(series.label)[:LABEL_CHARS]} ({series.total})"
        axes.text(0, 1, label, transform=axes.transAxes, fontproperties=_font(8),
                  color=INK if series in timeline.topics else ARTICLE if series is timeline.articles else STATEMENT, va="bottom", ha="left")
    if undrawn:
        note = f"Not drawn: {' and '.join(undrawn)} undated or open-ended."
        figure.text(LEFT / WIDTH, 0.11 / height, note, fontproperties=_font(7), color=MUTED, va="center")
    return figure


def _bar_outlines(counts: tuple[tuple[int, float], ...]) -> list[list[tuple[float, float]]]:
    """One closed outline per run of neighbouring non-empty bins, so empty bins cost no bytes."""
    outlines: list[list[tuple[float, float]]] = []
    previous = None
    for index, count in counts:
        if previous != index - 1:
            outlines.append([(index, 0)])
        outlines[-1] += [(index, count), (index + 1, count)]
        previous = index
    return [outline + [(outline[-1][0], 0), outline[0]] for outline in outlines]


def _draw_row(axes, counts, colour: str, bars: float, stack, band: float, edges: tuple[int, int]) -> None:
    """Counts as bars `bars` inches tall at most above the baseline; the stacked spans `band` inches deep at most below it."""
    tallest = max((n for _, n in counts), default=0)
    deepest = max((n for _, n in stack), default=0)
    per_inch = max(tallest, 1) * 1.08 / bars
    axes.set_xlim(*edges)
    axes.set_ylim(-(band + 0.08) * per_inch, bars * per_inch)
    for shape, fill in ((counts, colour), (tuple((i, -n * band * per_inch / deepest) for i, n in stack), SPAN)):
        outlines = _bar_outlines(shape)
        if outlines:
            axes.add_patch(PathPatch(MplPath.make_compound_path(*map(MplPath, outlines)), facecolor=fill, linewidth=0))
    axes.axhline(0, color=MUTED, linewidth=0.6)
    ticks = [(tallest, str(tallest), MUTED)] if tallest else []
    ticks += [(-band * per_inch, str(deepest), SPAN)] if deepest > 1 else []  # one bar is plainly one date
    axes.set_xticks([])
    axes.set_yticks([y for y, _, _ in ticks], [text for _, text, _ in ticks], fontproperties=_font(7))
    for label, (_, _, tint) in zip(axes.get_yticklabels(), ticks):
        label.set_color(tint)
    axes.tick_params(axis="y", length=0, pad=3)
    axes.set_facecolor("none")
    for spine in axes.spines.values():
        spine.set_visible(False)


def _year_axis(axes, timeline: Timeline, edges: tuple[int, int]) -> None:
    """Behind every row: light lines between years, and the years' labels at the foot (every year, or every 2nd, 5th, 10th...)."""
    per_year = BINS_PER_YEAR[timeline.unit]
    first, last = timeline.first // per_year, timeline.last // per_year
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10_000) if (last - first + 1) / s <= 12)
    axes.set_xlim(*edges)
    axes.set_yticks([])
    axes.set_facecolor("none")
    for spine in axes.spines.values():
        spine.set_visible(False)
    if step == 1:  # a line at each new year, the label under the year's middle
        lines = [y * per_year for y in range(first + 1, last + 1)]
        labelled = list(range(first, last + 1))
        places = [y * per_year + per_year / 2 for y in labelled]
    else:  # a line and a label at each year divisible by the step
        labelled = list(range(-(-first // step) * step, last + 1, step))
        lines = places = [y * per_year for y in labelled]
    axes.vlines(lines, 0, 1, transform=axes.get_xaxis_transform(), color=GRID, linewidth=0.6)
    axes.set_xticks(places, [str(y) for y in labelled], fontproperties=_font(7.5), color=INK)
    axes.tick_params(axis="x", length=0, pad=4)
