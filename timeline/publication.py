"""Infer each article's publication context: a distribution over days.

Every clue in the text is a likelihood over candidate publication days: a
count from a known event ("more than three weeks into the invasion"), a
weekday ("said Saturday"), a year-less date ("Feb. 24"), a forthcoming event
("a summit on June 15"), an explicit date, or a known event the article
reports. Each clue is a mixture "right with its confidence, uninformative
otherwise" (so one odd clue cannot make the answer impossible); the product
over clues is normalised over a grid of days, and each clue's influence is
measured by leaving it out. Reference events come
from a knowledge base and from the corpus itself (see `infer_corpus`).
"""

from __future__ import annotations

import functools
import math
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from importlib import resources
from typing import Any

import attrs
import numpy as np

from timeline.anchor import Frame, detect_kind, resolve
from timeline.document import Document
from timeline.knowledge import KnowledgeBase, ReferenceEvent, default_knowledge
from timeline.meaning import (
    Anchor,
    CalendarDate,
    ClockTime,
    EventAnchored,
    EventRelation,
    Meaning,
    PartOfDay,
    Relative,
    Shift,
    Tense,
    Unit,
    WeekdayRef,
    WeekendRef,
)
from timeline.mention import Mention
from timeline.sentences import sentence_of, split_sentences
from timeline.tagger import scan
from timeline.uncertain import Granularity, UncertainTime

__all__ = ["Clue", "Conflict", "Evidence", "PublicationContext", "infer_corpus", "infer_document"]


@functools.lru_cache(maxsize=1)
def _settings() -> dict[str, Any]:
    source = resources.files("timeline") / "data" / "publication.toml"
    return tomllib.loads(source.read_text(encoding="utf-8"))


# --- public values ---------------------------------------------------------------


@attrs.frozen
class Evidence:
    """One clue and how much it moved the distribution.

    `influence` is the total-variation distance between the final
    distribution and the one obtained without this clue (0: no effect, 1: it
    decided everything). `favours` is the range of days the clue prefers.
    """

    kind: str
    text: str
    spans: tuple[tuple[int, int], ...]
    description: str
    influence: float
    favours: tuple[date, date] | None

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "text": self.text,
            "spans": [list(s) for s in self.spans],
            "description": self.description,
            "influence": round(self.influence, 4),
            "favours": [d.isoformat() for d in self.favours] if self.favours else None,
        }


@attrs.frozen
class Conflict:
    """A clue the rest of the evidence contradicts, with the mentions involved."""

    clue: Evidence
    message: str


@attrs.frozen
class PublicationContext:
    """What is known of a document's publication day.

    `status` is `"known"` (given by the user or metadata), `"inferred"`
    (from clues) or `"unknown"` (no clue fixes it in the calendar: `time`
    is then the widest window, uniform, and `most_likely` is None).
    """

    document: str
    time: UncertainTime
    status: str
    evidence: tuple[Evidence, ...] = ()
    conflicts: tuple[Conflict, ...] = ()

    @property
    def most_likely(self) -> date | None:
        return None if self.status == "unknown" else self.time.most_likely

    def interval(self, mass: float = 0.9) -> tuple[date, date]:
        if self.status == "unknown":
            return self.time.earliest, self.time.latest
        return self.time.interval(mass)

    @property
    def interval_50(self) -> tuple[date, date]:
        return self.interval(0.5)

    @property
    def interval_90(self) -> tuple[date, date]:
        return self.interval(0.9)

    def as_dict(self, top: int = 400) -> dict[str, object]:
        """The `publication` record of `timeline date --format jsonl`.

        `distribution` holds the most probable days that together carry 99% of
        the probability (at most `top` of them), in date order.
        """
        lo, hi = self.interval_90
        distribution: dict[str, float] = {}
        if self.status != "unknown":
            ranked = sorted(self.time.distribution().items(), key=lambda item: -item[1])
            held, kept = 0.0, []
            for day, p in ranked[:top]:
                kept.append((day, p))
                held += p
                if held >= 0.99:
                    break
            distribution = {d.isoformat(): round(p, 6) for d, p in sorted(kept)}
        return {
            "status": self.status,
            "most_likely": self.most_likely.isoformat() if self.most_likely else None,
            "earliest": self.time.earliest.isoformat(),
            "latest": self.time.latest.isoformat(),
            "interval_50": [d.isoformat() for d in self.interval_50],
            "interval_90": [lo.isoformat(), hi.isoformat()],
            "distribution": distribution,
            "evidence": [e.as_dict() for e in self.evidence],
            "conflicts": [{"message": c.message, "spans": [list(s) for s in c.clue.spans]} for c in self.conflicts],
        }


@attrs.frozen
class Clue:
    """What some text says about the publication day (ordinal day numbers).

    `shape` is the clue's relative preference over days; inference
    normalises it over the grid into a density `q` and uses the mixture
    `(1 - confidence) / width + confidence * q`: with probability
    `1 - confidence` the clue is wrong (the event was misidentified, the
    convention does not hold) and says nothing. `anchors` are calendar days
    the clue is about; they bound the grid. `absolute` says whether the clue
    ties publication to the calendar (a weekday alone does not).
    """

    kind: str
    text: str
    spans: tuple[tuple[int, int], ...]
    description: str
    shape: Callable[[np.ndarray], np.ndarray] = attrs.field(eq=False, repr=False)
    confidence: float = 0.9
    anchors: tuple[date, ...] = ()
    absolute: bool = True
    lower_bound: date | None = None


# --- helpers -----------------------------------------------------------------------

_REPORTING = re.compile(
    r"(?:said|says|told|announced|reported|wrote|added|stated|confirmed|tweeted|posted)\s{1,3}(?:on\s{1,3})?$",
    re.IGNORECASE,
)


#: Words that put a named event after the time of writing ("a forthcoming summit").
_FORTHCOMING = re.compile(
    r"\b(?:will|shall|forthcoming|upcoming|planned|scheduled|set to|expected to|next|ahead of|to be held|"
    # "due to meet", not "due to its invasion" (because of)
    r"due to (?:be|begin|start|meet|hold|take|open|vote|arrive|visit|travel|sign|announce|return|resume|"
    r"launch|hear|rule|speak|testify|appear|leave|expire|end|close))\b",
    re.IGNORECASE,
)


#: Words just before a date that make it a deadline or a target, not a past
#: day: "bonds due 1993", "by the end of 1990", "until 1994", "expires on Dec. 31".
_DEADLINE_BEFORE = re.compile(
    r"\b(?:due|by|until|till|through|into|beyond|before|expir\w{0,3}|matur\w{0,3}|puttable|callable|redeemable)"
    r"(?:\s{1,3}(?:on|in|the|end|start|beginning|middle|of|year|late|early|mid)){0,4}\s{1,3}$",
    re.IGNORECASE,
)
#: Words earlier in the clause that make what follows hypothetical or planned.
_PROSPECTIVE_CLAUSE = re.compile(
    r"\b(?:will|would|won[’']t|wouldn[’']t|could|might|should|shall|expects?|expected|plans?|planned|"
    r"intends?|intended|aims?|hopes?|projects?|projected|forecasts?|predicts?|predicted|promise[sd]?|"
    r"estimated?|target(?:ed|s)?|pledged?)\b[^.;!?]{0,60}$",
    re.IGNORECASE,
)
#: Nouns right after a date that make it the subject of a forecast ("1990 earnings").
_FORECAST_AFTER = re.compile(
    r"(?:\s{1,3}[\w’'-]{1,20}){0,2}?\s{1,3}(?:earnings|profits?|estimates?|projections?|forecasts?|budgets?|"
    r"targets?|outlook|goals?|results|guidance)\b",
    re.IGNORECASE,
)


def _prospective(text: str, mention: Mention) -> bool:
    """Whether a date reads as a deadline, target or forecast rather than a past day."""
    before = text[max(0, mention.start - 80) : mention.start]
    return bool(
        _DEADLINE_BEFORE.search(before[-40:])
        or _PROSPECTIVE_CLAUSE.search(before)
        or _FORECAST_AFTER.match(text, mention.end, min(len(text), mention.end + 50))
    )


def _sentence_of(spans: list[tuple[int, int]], position: int) -> tuple[int, int]:
    return sentence_of(spans, position)[1]


def _reported(text: str, mention: Mention) -> bool:
    """True for "said Saturday": the weekday dates the report, not the event."""
    return bool(_REPORTING.search(text[max(0, mention.start - 30) : mention.start]))


def _day_meaning(meaning: Meaning) -> bool:
    """Meanings whose date follows the publication day (weekdays, offsets, year-less dates)."""
    match meaning:
        case WeekdayRef() | WeekendRef():
            return True
        case Shift(anchor=Anchor.PUBLICATION, amount=amount):
            return amount is not None
        case Relative(anchor=Anchor.PUBLICATION):
            return True
        case CalendarDate(year=None, month=month):
            return month is not None
        case PartOfDay(base=base) | ClockTime(base=base):
            return base is not None and _day_meaning(base)
    return False


def _is_today(meaning: Meaning) -> bool:
    """"today", "tonight", "this morning": the writing day itself, too weak to date a named event."""
    if isinstance(meaning, PartOfDay | ClockTime):
        return meaning.base is None or _is_today(meaning.base)
    return isinstance(meaning, Relative) and meaning.unit is Unit.DAY and meaning.offset == 0


def _reach(meaning: Meaning) -> int:
    """A bound, in days, on how far a meaning's date can lie from the publication day."""
    match meaning:
        case WeekdayRef() | WeekendRef():
            return 15
        case Shift(amount=amount, unit=unit):
            return int((amount or 0) * unit.days + 2 * unit.days) + 2
        case Relative(unit=unit, offset=offset):
            return int((abs(offset) + 1) * unit.days) + 8
        case CalendarDate():
            return 740
        case PartOfDay(base=base) | ClockTime(base=base):
            return _reach(base) if base is not None else 2
    return 0


def _confidence(score: float) -> float:
    """How sure a knowledge-base match is, from its score (a ramp fitted on generated articles)."""
    ramp = _settings()["confidence"]
    share = (score - ramp["zero_at"]) / (ramp["full_at"] - ramp["zero_at"])
    return max(0.0, min(ramp["max"], share))


def _frame(day: date, tense: Tense, knowledge: KnowledgeBase | None) -> Frame:
    return Frame(day, day, tense, knowledge)


# --- clue builders ----------------------------------------------------------------


@attrs.frozen
class _Context:
    text: str
    mentions: Sequence[Mention]
    sentences: list[tuple[int, int]]
    knowledge: KnowledgeBase | None
    _matches: dict[tuple[int, int], list[tuple[ReferenceEvent, float]]] = attrs.field(factory=dict)

    def alternatives(self, span: tuple[int, int], min_score: float) -> list[tuple[ReferenceEvent, float]]:
        """The known events a sentence may name: the best match and close rivals (within 80%)."""
        if self.knowledge is None:
            return []
        if span not in self._matches:
            self._matches[span] = self.knowledge.match(self.text[span[0] : span[1]], limit=3)
        found = self._matches[span]
        if not found or found[0][1] < min_score:
            return []
        return [(event, score) for event, score in found if score >= 0.8 * found[0][1]]


def _weekday_clues(ctx: _Context) -> list[Clue]:
    params = _settings()["weekday"]
    confidence = params["confidence"]
    seen: dict[tuple[int, str], list[Mention]] = {}
    for mention in ctx.mentions:
        meaning = mention.meaning
        if isinstance(meaning, PartOfDay | ClockTime) and isinstance(meaning.base, WeekdayRef):
            meaning = meaning.base
        if not isinstance(meaning, WeekdayRef) or meaning.offset == 0:
            continue
        if meaning.offset == -1:
            mode = "last"
        elif meaning.offset == 1 or mention.tense is Tense.FUTURE:
            mode = "future"
        else:
            mode = "past"
        seen.setdefault((meaning.weekday, mode), []).append(mention)
    clues = []
    for (weekday, mode), mentions in seen.items():
        table = np.asarray(params[mode], dtype=float)

        def shape(days: np.ndarray, weekday: int = weekday, table: np.ndarray = table, mode: str = mode) -> np.ndarray:
            publication_weekday = (days - 1) % 7 + 1  # date.fromordinal(1) is a Monday
            delta = (publication_weekday - weekday) % 7 if mode != "future" else (weekday - publication_weekday) % 7
            return table[delta]

        name = mentions[0].text
        clues.append(
            Clue(
                "weekday",
                name,
                tuple((m.start, m.end) for m in mentions),
                f"{mode} weekday '{name}' ({len(mentions)} mention{'s' * (len(mentions) > 1)})",
                shape,
                confidence,
                absolute=False,
            )
        )
    return clues


def _elapsed_window(relation: EventRelation, amount: float, unit: Unit, mod: str | None, verb: str) -> tuple[float, float, float]:
    """(low, high, tail) in days since the event for an event-anchored count."""
    size = unit.days
    if relation is EventRelation.ANNIVERSARY:
        return amount * size, amount * size + 1, 3.0  # the day itself or the day after
    if relation is EventRelation.ORDINAL:
        low = (amount - 1) * size
        high = low + (size / 3 if verb in ("entered", "enters", "entering") else size)
        return low, high, size / 3
    base = amount * size
    if unit is Unit.DAY:
        low, high = base - 1, base + 1
    else:
        low, high = base, base + size
    if mod in ("MORE_THAN", "EQUAL_OR_MORE"):
        low, high = base, base + max(size, 7)
    elif mod in ("LESS_THAN", "EQUAL_OR_LESS"):
        low, high = base - max(size, 7), base
    elif mod == "APPROX":
        low, high = base * 0.85 - 1, base * 1.15 + 1
    return low, high, max(2.0, size / 2)


def _months_after(start: date, meaning: EventAnchored, mod: str | None) -> float | None:
    """Days from `start` to the start of the counted month/year, by the calendar."""
    import pendulum

    assert meaning.amount is not None
    months = int(meaning.amount) * (12 if meaning.unit is Unit.YEAR else 1)
    if meaning.relation is EventRelation.ORDINAL:
        months -= 12 if meaning.unit is Unit.YEAR else 1
    elif mod in ("LESS_THAN", "EQUAL_OR_LESS"):
        return None
    shifted = pendulum.Date(start.year, start.month, start.day).add(months=months)
    return float(shifted.toordinal() - start.toordinal())


def _counting_event(ctx: _Context, noun: str) -> ReferenceEvent | None:
    if ctx.knowledge is None:
        return None
    counted = ctx.knowledge.counting_events(noun)
    return counted[0] if counted else None


def _dominant_event(ctx: _Context) -> ReferenceEvent | None:
    for mention in ctx.mentions:
        if isinstance(mention.meaning, EventAnchored) and mention.meaning.event:
            event = _counting_event(ctx, mention.meaning.event)
            if event is not None:
                return event
    for noun in ("invasion", "war", "conflict"):
        if re.search(rf"\b{noun}\b", ctx.text, re.IGNORECASE):
            event = _counting_event(ctx, noun)
            if event is not None:
                return event
    return None


def _event_count_clues(ctx: _Context) -> list[Clue]:
    confidence = _settings()["elapsed"]["confidence"]
    clues = []
    for mention in ctx.mentions:
        meaning = mention.meaning
        if not isinstance(meaning, EventAnchored) or meaning.relation not in (
            EventRelation.ELAPSED,
            EventRelation.ORDINAL,
            EventRelation.SINCE,
            EventRelation.ANNIVERSARY,
        ):
            continue
        event = _counting_event(ctx, meaning.event) if meaning.event else _dominant_event(ctx)
        if event is None:
            continue
        start = event.first_day.toordinal()
        if meaning.relation is EventRelation.SINCE or meaning.amount is None:
            clues.append(
                Clue(
                    "event-since",
                    mention.text,
                    ((mention.start, mention.end),),
                    f"after {event.id} ({event.first_day})",
                    functools.partial(_recent_or_background, start=start, recency=_settings()["recency"]),
                    confidence,
                    (event.first_day,),
                    lower_bound=event.first_day,
                )
            )
            continue
        verb_window = ctx.text[max(0, mention.start - 25) : mention.start].lower().split()
        verb = verb_window[-2] if len(verb_window) >= 2 else ""
        low, high, tail = _elapsed_window(meaning.relation, meaning.amount, meaning.unit, mention.mod, verb)
        if meaning.unit in (Unit.MONTH, Unit.YEAR) and meaning.amount == int(meaning.amount):
            calendar_low = _months_after(event.first_day, meaning, mention.mod)
            if calendar_low is not None:
                high += calendar_low - low
                low = calendar_low

        def shape(days: np.ndarray, start: int = start, low: float = low, high: float = high, tail: float = tail) -> np.ndarray:
            x = days - start
            gap = np.where(x < low, low - x, x - high)
            return np.where((x >= low) & (x <= high), 1.0, np.exp(-np.maximum(gap, 0) / tail))

        lo_day = event.first_day + timedelta(days=math.ceil(low))
        clues.append(
            Clue(
                "event-count",
                ctx.text[mention.start : min(len(ctx.text), mention.end + 40)].split(".")[0],
                ((mention.start, mention.end),),
                f"{mention.text} counted from {event.id} ({event.first_day}): "
                f"{lo_day}..{event.first_day + timedelta(days=math.floor(high))}",
                shape,
                confidence,
                (event.first_day,),
                lower_bound=lo_day,
            )
        )
    return clues


def _dated_mention_near(ctx: _Context, mention: Mention) -> Mention | None:
    """The day-level expression of the same sentence that an event-relative offset hangs on."""
    lo, hi = _sentence_of(ctx.sentences, mention.start)
    best = None
    for other in ctx.mentions:
        if other is mention or not lo <= other.start < hi or not _day_meaning(other.meaning):
            continue
        if best is None or abs(other.start - mention.start) < abs(best.start - mention.start):
            best = other
    return best


def _dated_hits(mention: Mention, event: ReferenceEvent, offset_days: float) -> dict[int, float]:
    """Publication days (ordinals) on which the mention's date falls on the event's days."""
    tolerance = _settings()["elapsed"]["day_tolerance"] if isinstance(mention.meaning, Shift) else {"0": 1.0}
    best_weight = max(tolerance.values())
    first = event.first_day + timedelta(days=round(offset_days))
    last = event.last_day + timedelta(days=round(offset_days))
    reach = _reach(mention.meaning)
    hits: dict[int, float] = {}
    for ordinal in range(first.toordinal() - reach, last.toordinal() + reach + 1):
        resolved = resolve(mention.meaning, _frame(date.fromordinal(ordinal), mention.tense, None))
        if resolved is None or resolved.earliest is None or resolved.latest is None:
            continue
        hit = 0.0
        for shift_text, weight in tolerance.items():
            shift = timedelta(days=int(shift_text))
            if resolved.earliest + shift <= last and first <= resolved.latest + shift:
                hit = max(hit, weight / best_weight)
        if hit:
            hits[ordinal] = hit
    return hits


def _event_dated_clue(
    mention: Mention,
    alternatives: list[tuple[ReferenceEvent, float]],
    offset_days: float = 0.0,
    label: str = "",
) -> Clue | None:
    """The mention's date (a function of publication) falls on one of the events' days."""
    total = math.fsum(score for _, score in alternatives)
    maps = [(score / total, _dated_hits(mention, event, offset_days)) for event, score in alternatives]
    maps = [(share, hits) for share, hits in maps if hits]
    if not maps:
        return None

    arrays = [(share, np.fromiter(hits, dtype=np.int64), np.fromiter(hits.values(), dtype=float)) for share, hits in maps]

    def shape(days: np.ndarray) -> np.ndarray:
        out = np.zeros(len(days))
        for share, keys, values in arrays:
            index = keys - days[0]
            inside = (index >= 0) & (index < len(days))
            np.add.at(out, index[inside], share * values[inside])
        return out

    alternatives[0][0]
    favoured = [date.fromordinal(o) for o, h in maps[0][1].items() if h >= 0.99]
    names = " or ".join(f"{e.id} ({e.first_day})" for e, _ in alternatives)
    return Clue(
        "event-dated",
        mention.text,
        ((mention.start, mention.end),),
        f"'{mention.text}' {label}dates {names}, match {alternatives[0][1]:.2f}",
        shape,
        _confidence(alternatives[0][1]),
        tuple(e.first_day for e, _ in alternatives),
        lower_bound=min(favoured) if favoured and mention.tense is not Tense.FUTURE and len(maps) == 1 else None,
    )


def _event_dated_clues(ctx: _Context) -> list[Clue]:
    if ctx.knowledge is None:
        return []
    params = _settings()["event_dated"]
    clues = []
    for mention in ctx.mentions:
        meaning = mention.meaning
        if isinstance(meaning, EventAnchored) and meaning.relation in (EventRelation.AFTER, EventRelation.BEFORE):
            clue = _offset_event_clue(ctx, mention, meaning, params["min_score"])
            if clue is not None:
                clues.append(clue)
            continue
        if not _day_meaning(meaning) or _reported(ctx.text, mention) or _is_today(meaning):
            continue
        sentence = _sentence_of(ctx.sentences, mention.start)
        alternatives = _not_counted_from(ctx, sentence, ctx.alternatives(sentence, params["min_score"]))
        if alternatives:
            clue = _event_dated_clue(mention, alternatives)
            if clue is not None:
                clues.append(clue)
    return clues


def _not_counted_from(
    ctx: _Context,
    sentence: tuple[int, int],
    alternatives: list[tuple[ReferenceEvent, float]],
    offsets: bool = True,
) -> list[tuple[ReferenceEvent, float]]:
    """Drop the events the sentence counts from or relates to ("three weeks into the flood",
    "a day after troops withdrew"): they are named as references, not dated by its day.
    With `offsets` false, a sentence relating its day to an event keeps it."""
    lo, hi = sentence
    named: set[str] = set()
    for other in ctx.mentions:
        if lo <= other.start < hi and isinstance(other.meaning, EventAnchored):
            if other.meaning.relation in (EventRelation.BEFORE, EventRelation.AFTER):
                if offsets:
                    return []  # the offset clue dates the sentence's day against the event
                continue
            event = _counting_event(ctx, other.meaning.event) if other.meaning.event else None
            if event is not None:
                named.add(event.id)
    return [(event, score) for event, score in alternatives if event.id not in named]


def _offset_event_clue(ctx: _Context, mention: Mention, meaning: EventAnchored, min_score: float) -> Clue | None:
    assert ctx.knowledge is not None
    matches = ctx.knowledge.match(meaning.event, limit=3)
    if not matches or matches[0][1] < min_score or meaning.amount is None:
        return None
    alternatives = [(e, x) for e, x in matches if x >= 0.8 * matches[0][1]]
    sign = 1 if meaning.relation is EventRelation.AFTER else -1
    offset = sign * meaning.amount * meaning.unit.days
    dated = _dated_mention_near(ctx, mention)
    if dated is None:
        return None
    return _event_dated_clue(dated, alternatives, offset, label=f"({mention.text} {meaning.relation.value} it) ")


def _event_mention_clues(ctx: _Context) -> list[Clue]:
    """Known events the article reports: published after past ones, before future ones."""
    params = _settings()["event_mention"]
    best: dict[tuple[str, ...], tuple[list[tuple[ReferenceEvent, float]], tuple[int, int]]] = {}
    for span in ctx.sentences:
        # An event the sentence counts from has its own, sharper clue (one fact, counted once).
        alternatives = _not_counted_from(ctx, span, ctx.alternatives(span, params["min_score"]), offsets=False)
        if not alternatives:
            continue
        key = tuple(sorted(e.id for e, _ in alternatives))
        if key not in best or alternatives[0][1] > best[key][0][0][1]:
            best[key] = (alternatives, span)
    clues = []
    for alternatives, (lo, hi) in best.values():
        future = bool(_FORTHCOMING.search(ctx.text, lo, hi))
        total = math.fsum(score for _, score in alternatives)
        starts = tuple((e.first_day.toordinal(), score / total) for e, score in alternatives)
        shape = functools.partial(_mixture_bound, starts=starts, future=future, recency=_settings()["recency"])
        sentence = " ".join(ctx.text[lo:hi].split())
        names = " or ".join(f"{e.id} ({e.first_day})" for e, _ in alternatives)
        clues.append(
            Clue(
                "event-mention",
                sentence[:90],
                ((lo, hi),),
                f"{'before' if future else 'after'} {names}, match {alternatives[0][1]:.2f}",
                shape,
                _confidence(alternatives[0][1]) * params["confidence"],
                tuple(e.first_day for e, _ in alternatives),
                lower_bound=None if future or len(alternatives) > 1 else alternatives[0][0].first_day,
            )
        )
    return clues


def _mixture_bound(
    days: np.ndarray, starts: tuple[tuple[int, float], ...], future: bool, recency: dict[str, float]
) -> np.ndarray:
    """After (or before) one of the events; after a reported event, usually soon after."""
    out = np.zeros(len(days))
    for start, share in starts:
        if future:
            out += share * _normalised((days < start).astype(float))
        else:
            out += share * _recent_or_background(days, start, recency)
    return out


def _recent_or_background(days: np.ndarray, start: int, recency: dict[str, float]) -> np.ndarray:
    """Publication after a reported event: recent news (a heavy-tailed gap) or background (any later day).

    Both parts are normalised here, so the share of recent news is what
    `recency.share` says whatever the length of the window.
    """
    after = (days >= start).astype(float)
    gap = np.maximum(days - start, 0)
    soon = after * (1 + gap / recency["scale"]) ** -recency["power"]
    # Background: attention to a past event decays slowly, about as 1/gap, so a
    # mention years later is far likelier than one a century later.
    later = after * (1 + gap / recency["background_scale"]) ** -1.0
    return recency["share"] * _normalised(soon) + (1 - recency["share"]) * _normalised(later)


def _normalised(values: np.ndarray) -> np.ndarray:
    total = float(values.sum())
    return values / total if total > 0 else values


def _heavy_tail(days: np.ndarray, start: int, scale: float, power: float) -> np.ndarray:
    """Zero before `start`, then (1 + gap/scale)^-power: soon after is likely, years after possible."""
    gap = (days - start).astype(float)
    return np.where(gap >= 0, (1 + np.maximum(gap, 0) / scale) ** -power, 0.0)


def _at_or_after(days: np.ndarray, start: int) -> np.ndarray:
    return (days >= start).astype(float)


def _before(days: np.ndarray, start: int) -> np.ndarray:
    return (days < start).astype(float)


def _calendar_clues(ctx: _Context) -> list[Clue]:
    """Year-less dates (same or next year) and explicit dates (bounds)."""
    settings = _settings()
    clues: list[Clue] = []
    latest_past: tuple[date, Mention] | None = None
    latest_target: tuple[date, Mention] | None = None  # a deadline or forecast: weak evidence
    earliest_future: tuple[date, Mention] | None = None
    yearless: dict[tuple[int, int | None, bool], list[Mention]] = {}
    for mention in ctx.mentions:
        meaning = mention.meaning
        if not isinstance(meaning, CalendarDate):
            continue
        if meaning.year is None:
            if meaning.month is not None and meaning.year_offset is None and meaning.direction is None:
                yearless.setdefault((meaning.month, meaning.day, mention.tense is Tense.FUTURE), []).append(mention)
            continue
        try:
            day = date(meaning.year, meaning.month or 1, meaning.day or 1)
        except ValueError:
            continue
        if mention.tense is Tense.FUTURE:
            # A bare future year ("in 2025") bounds too loosely to count.
            if meaning.month is not None and (earliest_future is None or day < earliest_future[0]):
                earliest_future = (day, mention)
        elif _prospective(ctx.text, mention):
            if latest_target is None or day > latest_target[0]:
                latest_target = (day, mention)
        elif latest_past is None or day > latest_past[0]:
            latest_past = (day, mention)
    explicit = settings["explicit"]
    if latest_past is not None:
        day, mention = latest_past
        description = f"after the latest past date mentioned, {day}"
        clues.append(_after_date_clue(mention, day, description, explicit["confidence"], lower_bound=day))
    if latest_target is not None and (latest_past is None or latest_target[0] > latest_past[0]):
        day, mention = latest_target
        description = f"after a date that may be a deadline or forecast, {day}"
        clues.append(_after_date_clue(mention, day, description, explicit["target_confidence"]))
    if earliest_future is not None:
        day, mention = earliest_future
        clues.append(
            Clue(
                "explicit-date",
                mention.text,
                ((mention.start, mention.end),),
                f"before the forthcoming date {day}",
                functools.partial(_before, start=day.toordinal() + 1),
                explicit["confidence"],
                (day,),
            )
        )
    for (month, day_of_month, future), mentions in yearless.items():
        clues.append(_yearless_clue(month, day_of_month, future, mentions))
    return clues


def _after_date_clue(
    mention: Mention, day: date, description: str, confidence: float, lower_bound: date | None = None
) -> Clue:
    """Publication after an explicit date, with the heavy-tailed gap of news citing background dates.

    `lower_bound` marks a firm date, one an event clue about the same day replaces.
    """
    explicit = _settings()["explicit"]
    return Clue(
        "explicit-date",
        mention.text,
        ((mention.start, mention.end),),
        description,
        functools.partial(_heavy_tail, start=day.toordinal(), scale=explicit["scale"], power=explicit["power"]),
        confidence,
        (day,),
        lower_bound=lower_bound,
    )


#: date.toordinal() of 1970-01-01, the numpy datetime64 epoch.
_EPOCH = 719163


def _yearless_gaps(days: np.ndarray, month: int, day: int, future: bool) -> np.ndarray:
    """Days since the latest (or until the next) month/day, for each publication day."""
    stamps = (days - _EPOCH).astype("datetime64[D]")
    years = stamps.astype("datetime64[Y]").astype(np.int64)  # years since 1970
    best = np.full(len(days), np.inf)
    for shift in (-1, 0, 1):
        months = ((years + shift) * 12 + (month - 1)).astype("datetime64[M]")
        candidate = months.astype("datetime64[D]") + np.timedelta64(day - 1, "D")
        gap = (candidate - stamps).astype(np.int64) if future else (stamps - candidate).astype(np.int64)
        valid = gap >= (1 if future else 0)
        best = np.where(valid & (gap < best), gap, best)
    return best


def _yearless_clue(month: int, day_of_month: int | None, future: bool, mentions: list[Mention]) -> Clue:
    params = _settings()["yearless"]
    scale = params["future_scale"] if future else params["past_scale"]

    def shape(days: np.ndarray) -> np.ndarray:
        return np.exp(-_yearless_gaps(days, month, day_of_month or 15, future) / scale)

    text = mentions[0].text
    return Clue(
        "yearless-date",
        text,
        tuple((m.start, m.end) for m in mentions),
        f"{'forthcoming' if future else 'past'} year-less date '{text}'",
        shape,
        params["confidence"],
        absolute=False,
    )


# --- inference ---------------------------------------------------------------------


def document_clues(document: Document, knowledge: KnowledgeBase | None, mentions: Sequence[Mention] | None = None) -> list[Clue]:
    """Every clue the document's text gives about its publication day."""
    mentions = scan(document.text) if mentions is None else mentions
    if knowledge is not None:
        knowledge = knowledge.relevant_to(document.text)  # a war chronology says nothing about other news
    ctx = _Context(document.text, mentions, split_sentences(document.text), knowledge)
    events = _event_count_clues(ctx) + _event_dated_clues(ctx) + _event_mention_clues(ctx)
    calendar = _calendar_clues(ctx)
    # "the battle of Debaltseve on Jan. 14, 2015": the date is the known event's
    # day, so publication-after-it is one fact, counted once (by the event clue).
    bounds = {clue.lower_bound for clue in events if clue.lower_bound is not None}
    calendar = [
        clue
        for clue in calendar
        if not (
            clue.kind == "explicit-date"
            and clue.lower_bound is not None
            and any(abs((clue.lower_bound - bound).days) <= 1 for bound in bounds)
        )
    ]
    if (document.kind or detect_kind(mentions)) == "narrative":
        # A history's weekdays and year-less days are days of its story, told long
        # before it was written: they say nothing about when.
        return events + [clue for clue in calendar if clue.kind != "yearless-date"]
    return events + calendar + _weekday_clues(ctx)


def _grid(clues: Sequence[Clue]) -> tuple[int, int] | None:
    """Candidate days: the whole window, once some clue ties the text to the calendar.

    Every clue may be wrong, so no clue may cut the support: priors and
    likelihoods make far days unlikely, never impossible.
    """
    if not any(clue.absolute and clue.anchors for clue in clues):
        return None
    grid = _settings()["grid"]
    first = date.fromisoformat(grid["unknown_first"])
    last = date.fromisoformat(grid["unknown_last"])
    return first.toordinal(), last.toordinal()


def _favoured(logs: np.ndarray, lo: int) -> tuple[date, date] | None:
    """The days a clue prefers: within a factor two of its best."""
    keep = np.flatnonzero(logs >= logs.max() - math.log(2))
    if len(keep) == len(logs):
        return None
    return date.fromordinal(lo + int(keep[0])), date.fromordinal(lo + int(keep[-1]))


def _unknown(document: Document, clues: Sequence[Clue]) -> PublicationContext:
    grid = _settings()["grid"]
    window = UncertainTime.uniform(
        date.fromisoformat(grid["unknown_first"]), date.fromisoformat(grid["unknown_last"]), Granularity.UNKNOWN
    )
    evidence = tuple(Evidence(c.kind, c.text, c.spans, c.description + " (no calendar anchor)", 0.0, None) for c in clues)
    return PublicationContext(document.id, window, "unknown", evidence)


def infer_document(
    document: Document,
    knowledge: KnowledgeBase | None = None,
    mentions: Sequence[Mention] | None = None,
    extra: Sequence[Clue] = (),
) -> PublicationContext:
    """The publication context of one document (its known date if it has one).

    `extra` clues come from outside the text (the rest of a corpus).
    """
    if document.publication is not None:
        return PublicationContext(document.id, document.publication, "known")
    own = document_clues(document, knowledge, mentions)
    if not own:
        return _unknown(document, own)  # the text says nothing: the corpus alone is no evidence about it
    clues = own + list(extra)
    bounds = _grid(clues)
    if bounds is None:
        return _unknown(document, clues)
    lo, hi = bounds
    days = np.arange(lo, hi + 1, dtype=np.int64)
    logs = [_mixture_logs(c, days) for c in clues]
    total = np.sum(logs, axis=0)
    posterior = _softmax(total)
    evidence = []
    for clue, column in zip(clues, logs, strict=True):
        without = _softmax(total - column)
        influence = float(0.5 * np.abs(posterior - without).sum())
        favours = _favoured(column, lo) if clue.absolute else None  # a weekday favours a weekly pattern
        item = Evidence(clue.kind, clue.text, clue.spans, clue.description, influence, favours)
        evidence.append((item, _doubt(clue, column, posterior)))
    conflicts = _conflicts(evidence)
    keep = _mass_kept(posterior)
    time = UncertainTime.from_distribution(
        {date.fromordinal(int(d)): float(p) for d, p in zip(days[keep], posterior[keep], strict=True)}
    )
    ranked = sorted((item for item, _ in evidence), key=lambda e: -e.influence)
    return PublicationContext(document.id, time, "inferred", tuple(ranked), conflicts)


def _doubt(clue: Clue, column: np.ndarray, posterior: np.ndarray) -> float:
    """Posterior probability that the clue is in its "wrong" component, given everything."""
    wrong = (1 - clue.confidence) / len(column)
    return float(np.sum(posterior * wrong / np.exp(column)))


def _conflicts(evidence: list[tuple[Evidence, float]]) -> tuple[Conflict, ...]:
    """Clues the rest of the evidence makes more likely wrong than right."""
    conflicts = []
    for item, doubt in evidence:
        if doubt < 0.5 or item.favours is None:
            continue
        rivals = [other for other, _ in evidence if other is not item and other.favours is not None]
        rival = max(rivals, key=lambda e: e.influence, default=None)
        against = f" and '{rival.text}' ({rival.kind}) points to {rival.favours[0]}..{rival.favours[1]}" if rival and rival.favours else ""
        conflicts.append(
            Conflict(
                item,
                f"{item.kind} clue '{item.text}' points to {item.favours[0]}..{item.favours[1]}{against}; "
                f"given the other clues it is probably wrong (p={doubt:.2f})",
            )
        )
    return tuple(conflicts)


def _mass_kept(posterior: np.ndarray, mass: float = 0.999999) -> np.ndarray:
    """The days that hold `mass` of the probability (the negligible tail is dropped)."""
    order = np.argsort(posterior)[::-1]
    held = np.cumsum(posterior[order])
    count = int(np.searchsorted(held, mass)) + 1
    keep = np.zeros(len(posterior), dtype=bool)
    keep[order[:count]] = True
    return keep


def _mixture_logs(clue: Clue, days: np.ndarray) -> np.ndarray:
    """log((1 - c) / width + c * q(d)) with q the clue's shape normalised over the grid."""
    shape = np.asarray(clue.shape(days), dtype=float)
    total = float(shape.sum())
    if total <= 0 or not math.isfinite(total):
        return np.zeros(len(days))  # the clue says nothing within the grid
    return np.log((1 - clue.confidence) / len(days) + clue.confidence * shape / total)


def _softmax(logs: np.ndarray) -> np.ndarray:
    weights = np.exp(logs - logs.max())
    return weights / weights.sum()


def infer_corpus(
    documents: Iterable[Document],
    knowledge: KnowledgeBase | bool | None = True,
    rounds: int = 3,
) -> dict[str, PublicationContext]:
    """Infer the documents of a corpus jointly.

    Round one infers each document alone. Then event anchors are learned from
    the documents ("invaded Ukraine on Feb. 24" plus another's "invasion of
    Ukraine in February 2022" give the invasion day) and every document is
    inferred again with them, until nothing moves. Last, each document hears
    what the others' days say (`_Neighbours`): a year-less "Feb. 24" and a
    weekday get their year from articles gathered with them.
    """
    from timeline.corpus import learn_anchors

    docs = list(documents)
    base = default_knowledge() if knowledge is True else (knowledge or None)
    mentions = {doc.id: scan(doc.text) for doc in docs}
    contexts = {doc.id: infer_document(doc, base, mentions[doc.id]) for doc in docs}
    merged = base
    for _ in range(max(0, rounds - 1)):
        learned = learn_anchors(docs, mentions, contexts)
        if not len(learned):
            break
        merged = learned if base is None else learned.merged(base)
        updated = {doc.id: infer_document(doc, merged, mentions[doc.id]) for doc in docs}
        done = all(_same(updated[k], contexts[k]) for k in contexts)
        contexts = updated
        if done:
            break
    neighbours = _Neighbours.of(contexts)
    if neighbours is None:
        return contexts
    final = {}
    for doc in docs:
        clue = neighbours.clue_for(doc.id)
        final[doc.id] = contexts[doc.id] if clue is None else infer_document(doc, merged, mentions[doc.id], (clue,))
    return final


@attrs.frozen
class _Neighbours:
    """What the other articles of a corpus say about one article's day.

    Articles gathered together tend to be from the same period: with
    probability `cohesion` (fitted on the corpus, see `_cohesion`) an article
    was published near the days of the others (a heavy-tailed kernel around
    each of their distributions), otherwise the corpus says nothing about it.
    Each article sees the others only (leave one out), so no article confirms
    itself; articles with a vague or unknown day are left out of the sum.
    """

    first: int  # ordinal of index 0
    total: np.ndarray  # summed smoothed distributions of the informative articles
    own: dict[str, np.ndarray]  # each informative article's smoothed distribution
    cohesion: float  # the estimated probability that an article is near the others

    @classmethod
    def of(cls, contexts: Mapping[str, PublicationContext]) -> _Neighbours | None:
        params = _settings()["corpus"]
        informative = {
            key: context
            for key, context in contexts.items()
            if context.status != "unknown"
            and (context.interval_90[1] - context.interval_90[0]).days < params["max_width"]
        }
        if len(informative) < params["min_articles"]:
            return None
        grid = _settings()["grid"]
        first = date.fromisoformat(grid["unknown_first"]).toordinal()
        size = date.fromisoformat(grid["unknown_last"]).toordinal() - first + 1
        reach = int(params["reach"])
        offsets = np.arange(-reach, reach + 1, dtype=float)
        kernel = (1 + np.abs(offsets) / params["scale"]) ** -params["power"]
        kernel /= kernel.sum()
        spreads = {}
        for key, context in informative.items():
            spread = np.zeros(size)
            for day, p in context.time.distribution().items():
                index = day.toordinal() - first
                if 0 <= index < size:
                    spread[index] += p
            spreads[key] = spread
        own = {key: _smooth(spread, kernel) for key, spread in spreads.items()}
        total = np.sum(list(own.values()), axis=0)
        cohesion = min(_cohesion(spreads, own, total), params["max_cohesion"])
        return cls(first, total, own, cohesion)

    def clue_for(self, key: str) -> Clue | None:
        density, others = _leave_one_out(self.total, self.own, key)
        if others < 1:
            return None
        first = self.first

        def shape(days: np.ndarray) -> np.ndarray:
            index = np.clip(days - first, 0, len(density) - 1)
            return density[index]

        return Clue(
            "corpus",
            "the other articles of the corpus",
            (),
            f"near the days of the corpus's {others} other dated article{'s' if others != 1 else ''}"
            f" (cohesion {self.cohesion:.2f})",
            shape,
            self.cohesion,
            (date.fromordinal(first + int(np.argmax(density))),),
        )


def _leave_one_out(total: np.ndarray, own: Mapping[str, np.ndarray], key: str) -> tuple[np.ndarray, int]:
    """The mean smoothed distribution of the informative articles other than `key`, and their number."""
    mine = own.get(key)
    others = len(own) - (mine is not None)
    density = total - mine if mine is not None else total
    return np.maximum(density, 0.0) / max(others, 1), others


def _cohesion(spreads: Mapping[str, np.ndarray], own: Mapping[str, np.ndarray], total: np.ndarray) -> float:
    """How often an article of this corpus lies near the others, estimated from the dated ones (EM).

    Each dated article (`spreads`: its distribution on the grid) is either
    near the others (density: theirs, smoothed) or anywhere in the window; the
    mixture weight is fitted by expectation-maximisation with a uniform
    Beta(1, 1) prior.
    """
    width = len(total)
    near: list[tuple[np.ndarray, np.ndarray]] = []
    for key, spread in spreads.items():
        density, _ = _leave_one_out(total, own, key)
        days = np.flatnonzero(spread)
        near.append((density[days], spread[days]))
    cohesion = 0.5
    for _ in range(50):
        shares = [
            float(np.sum(w * cohesion * f / (cohesion * f + (1 - cohesion) / width))) for f, w in near
        ]
        updated = (sum(shares) + 1) / (len(shares) + 2)
        if abs(updated - cohesion) < 1e-4:
            cohesion = updated
            break
        cohesion = updated
    return cohesion


def _smooth(values: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """`values` convolved with a centred `kernel`, same length (FFT: the grid spans two centuries)."""
    size = len(values) + len(kernel) - 1
    length = 1 << (size - 1).bit_length()
    full = np.fft.irfft(np.fft.rfft(values, length) * np.fft.rfft(kernel, length), length)[:size]
    half = len(kernel) // 2
    return np.maximum(full[half : half + len(values)], 0.0)


def _same(a: PublicationContext, b: PublicationContext) -> bool:
    return a.status == b.status and a.time.most_likely == b.time.most_likely and a.interval_90 == b.interval_90
