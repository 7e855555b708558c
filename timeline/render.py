"""Render a timeline: plain-text table, Markdown table, JSON."""

from __future__ import annotations

import json
import textwrap

from timeline.events import Event
from timeline.pipeline import Timeline
from timeline.publication import PublicationContext

__all__ = ["as_json", "markdown", "publication_line", "table"]


def _when(event: Event) -> str:
    """EDTF for a day or a calendar unit ("2022-03-18", "2022-02"); else the most likely day."""
    time = event.time
    if time.is_exact or not time.weights:
        return time.edtf()
    return time.most_likely.isoformat() + "?"


def _likely_range(event: Event) -> str:
    """The 90% credible interval, when the time is not a single day or calendar unit."""
    time = event.time
    if time.is_exact or not time.weights:
        return ""
    lo, hi = time.interval(0.9)
    if lo == hi:
        return ""
    return f"{lo.isoformat()}..{hi.isoformat()[5:] if lo.year == hi.year else hi.isoformat()}"


def _sources(event: Event, short: bool = True) -> str:
    names = []
    for mention in event.mentions:
        name = mention.document.split("_")[0] if short else mention.document
        names.append(f"{name}:{mention.sentence}")
    return ", ".join(dict.fromkeys(names))


def publication_line(document: str, context: PublicationContext) -> str:
    """One line: document, most likely day, 50% and 90% intervals."""
    if context.status == "unknown":
        return f"{document}: unknown (no clue ties it to the calendar)"
    lo50, hi50 = context.interval_50
    lo90, hi90 = context.interval_90
    label = "known" if context.status == "known" else "inferred"
    return f"{document}: {context.most_likely} ({label}; 50% {lo50}..{hi50}; 90% {lo90}..{hi90})"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def table(timeline: Timeline, width: int = 110) -> str:
    """A plain-text table: one row per event, ordered by time."""
    lines = ["Publication dates"]
    lines += ["  " + publication_line(d.id, timeline.publications[d.id]) for d in timeline.documents]
    lines.append("")
    text_width = width - 58
    header = f"{'#':>3}  {'when':<12} {'90% interval':<23} {'event':<{text_width}} {'source':<14}"
    lines += [header, "-" * len(header)]
    for number, event in enumerate(timeline.events, 1):
        wrapped = textwrap.wrap(event.text, text_width) or [""]
        when = f"{_when(event):<12} {_likely_range(event):<23}"
        lines.append(f"{number:>3}  {when} {wrapped[0]:<{text_width}} {_sources(event):<14}")
        lines += [f"{'':>3}  {'':<36} {more}" for more in wrapped[1:2]]
    lines.append("")
    lines.append("when: a day or calendar unit (EDTF), or the most likely day followed by ?; source: document:sentence")
    lines.append("")
    lines.append(f"{_count(len(timeline.events), 'event')} from {_count(len(timeline.documents), 'document')}")
    return "\n".join(lines)


def markdown(timeline: Timeline) -> str:
    """A Markdown table (for docs and notebooks)."""
    lines = ["| document | publication (most likely) | 90% interval |", "|---|---|---|"]
    for document in timeline.documents:
        context = timeline.publications[document.id]
        lo, hi = context.interval_90
        most = context.most_likely or "unknown"
        lines.append(f"| {document.id} | {most} | {lo} .. {hi} |")
    lines += ["", "| # | when | 90% interval | event | sources |", "|---|---|---|---|---|"]
    for number, event in enumerate(timeline.events, 1):
        text = event.text.replace("|", "\\|")
        lines.append(f"| {number} | `{_when(event)}` | {_likely_range(event)} | {text} | {_sources(event)} |")
    return "\n".join(lines)


def as_json(timeline: Timeline, indent: int | None = 2) -> str:
    """The documented JSON form of a timeline."""
    return json.dumps(timeline.as_dict(), indent=indent, ensure_ascii=False)
