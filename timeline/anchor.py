"""Anchor unanchored meanings to the calendar.

Given a reference day (the publication day, or each candidate day of an
inferred publication distribution), every meaning becomes a TIMEX3 value and a
calendar interval. News documents anchor to the publication day; narrative
documents (histories, chronologies) to the running reference time set by the
latest explicit date before the expression.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

import attrs

from timeline.meaning import (
    Anchor,
    CalendarDate,
    CalendarSpan,
    ClockTime,
    Duration,
    EventAnchored,
    EventRelation,
    Meaning,
    PartOfDay,
    Recurrence,
    Reference,
    Relative,
    Shift,
    Tense,
    Unit,
    WeekdayRef,
    WeekendRef,
)
from timeline.mention import Mention
from timeline.uncertain import Granularity, UncertainTime

if TYPE_CHECKING:
    from timeline.knowledge import KnowledgeBase, ReferenceEvent

__all__ = ["Resolved", "anchor_mentions", "detect_kind", "duration_value", "resolve"]

MIN_DAY = date(1, 1, 1)
MAX_DAY = date(9999, 12, 31)


@attrs.frozen
class Resolved:
    """A meaning on the calendar: TIMEX3 value and the days it covers (if any)."""

    value: str
    earliest: date | None = None
    latest: date | None = None
    granularity: Granularity = Granularity.DAY

    @property
    def is_day(self) -> bool:
        return self.earliest is not None and self.earliest == self.latest


# --- calendar helpers ----------------------------------------------------------


def _add_months(day: date, months: int) -> date:
    """`day` moved by whole months, kept inside the month it lands in (Jan. 31 + 1 month = Feb. 28)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    return first, _add_months(first, 1) - timedelta(days=1)


def _week_bounds(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.isoweekday() - 1)
    return monday, monday + timedelta(days=6)


def _week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _narrow(resolved: Resolved, mod: str | None) -> Resolved:
    """START/MID/END keep the value but narrow the interval to a third."""
    if mod not in ("START", "MID", "END") or resolved.earliest is None or resolved.latest is None:
        return resolved
    width = (resolved.latest - resolved.earliest).days + 1
    if width < 3:
        return resolved
    third = width // 3
    if mod == "START":
        lo, hi = resolved.earliest, resolved.earliest + timedelta(days=third - 1)
    elif mod == "MID":
        lo, hi = resolved.earliest + timedelta(days=third), resolved.latest - timedelta(days=third)
    else:
        lo, hi = resolved.latest - timedelta(days=third - 1), resolved.latest
    return attrs.evolve(resolved, earliest=lo, latest=hi)


def _day(day: date) -> Resolved:
    return Resolved(day.isoformat(), day, day)


def _month(year: int, month: int) -> Resolved:
    lo, hi = _month_bounds(year, month)
    return Resolved(f"{year:04d}-{month:02d}", lo, hi, Granularity.MONTH)


def _year(year: int) -> Resolved:
    return Resolved(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), Granularity.YEAR)


def _week(day: date) -> Resolved:
    lo, hi = _week_bounds(day)
    return Resolved(_week_value(day), lo, hi, Granularity.WEEK)


def _decade(index: int) -> Resolved:
    return Resolved(f"{index:03d}", date(index * 10, 1, 1), date(index * 10 + 9, 12, 31), Granularity.DECADE)


def _century(index: int) -> Resolved:
    first = max(1, index * 100)
    return Resolved(f"{index:02d}", date(first, 1, 1), date(index * 100 + 99, 12, 31), Granularity.CENTURY)


def _unit_period(day: date, unit: Unit) -> Resolved:
    """The calendar period of `unit` that contains `day`."""
    if unit is Unit.WEEK:
        return _week(day)
    if unit is Unit.WEEKEND:
        return _weekend(day)
    if unit is Unit.MONTH:
        return _month(day.year, day.month)
    if unit is Unit.QUARTER:
        return _quarter(day.year, (day.month - 1) // 3 + 1)
    if unit in (Unit.YEAR, Unit.HALF, Unit.SEASON):
        return _year(day.year)
    if unit is Unit.DECADE:
        return _decade(day.year // 10)
    if unit is Unit.CENTURY:
        return _century(day.year // 100)
    return _day(day)


def _weekend(day: date) -> Resolved:
    saturday = _week_bounds(day)[0] + timedelta(days=5)
    return Resolved(_week_value(day) + "-WE", saturday, saturday + timedelta(days=1), Granularity.WEEK)


def _quarter(year: int, index: int) -> Resolved:
    lo = date(year, 3 * index - 2, 1)
    hi = _month_bounds(year, 3 * index)[1]
    return Resolved(f"{year:04d}-Q{index}", lo, hi, Granularity.QUARTER)


_SEASON_CODES = {1: "SP", 2: "SU", 3: "FA", 4: "WI"}
_SEASON_MONTHS = {1: (3, 5), 2: (6, 8), 3: (9, 11), 4: (12, 2)}


def _season(year: int, index: int) -> Resolved:
    first, last = _SEASON_MONTHS[index]
    lo = date(year, first, 1)
    hi = _month_bounds(year + (1 if index == 4 else 0), last)[1]
    return Resolved(f"{year:04d}-{_SEASON_CODES[index]}", lo, hi, Granularity.SEASON)


def _shift_days(day: date, amount: float, unit: Unit) -> date:
    if unit in (Unit.MONTH, Unit.YEAR, Unit.DECADE, Unit.CENTURY, Unit.QUARTER, Unit.HALF) and amount == int(amount):
        months = {Unit.MONTH: 1, Unit.QUARTER: 3, Unit.HALF: 6, Unit.YEAR: 12, Unit.DECADE: 120, Unit.CENTURY: 1200}
        return _add_months(day, int(amount) * months[unit])
    return day + timedelta(days=round(amount * unit.days))


# --- values of durations and sets ------------------------------------------------------

_DURATION_LETTERS = {
    Unit.SECOND: ("T", "S"),
    Unit.MINUTE: ("T", "M"),
    Unit.HOUR: ("T", "H"),
    Unit.DAY: ("", "D"),
    Unit.WEEK: ("", "W"),
    Unit.MONTH: ("", "M"),
    Unit.QUARTER: ("", "Q"),
    Unit.YEAR: ("", "Y"),
}


def _number(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


#: Exact conversions to the next smaller unit, for fractional amounts (P2Y6M).
_SMALLER = {
    Unit.YEAR: (Unit.MONTH, 12),
    Unit.WEEK: (Unit.DAY, 7),
    Unit.DAY: (Unit.HOUR, 24),
    Unit.HOUR: (Unit.MINUTE, 60),
    Unit.MINUTE: (Unit.SECOND, 60),
}


def duration_value(amount: float | None, unit: Unit) -> str:
    """TIMEX3 duration: P5D, PT24H, P3W, PXD (vague), P20Y for two decades, P2Y6M."""
    if unit is Unit.WEEKEND:
        return "P2D" if amount == 1 else ("PXWE" if amount is None else f"P{_number(amount)}WE")
    if unit is Unit.SEASON:
        unit, amount = Unit.MONTH, (None if amount is None else amount * 3)
    if unit in (Unit.HALF, Unit.QUARTER):  # ISO 8601 has no quarter designator
        unit, amount = Unit.MONTH, (None if amount is None else amount * (6 if unit is Unit.HALF else 3))
    if unit in (Unit.DECADE, Unit.CENTURY):
        if amount is None:
            return "PXY" if unit is Unit.DECADE else "PXCE"
        unit, amount = Unit.YEAR, amount * (10 if unit is Unit.DECADE else 100)
    if amount is None:
        time, letter = _DURATION_LETTERS[unit]
        return f"P{time}X{letter}"
    return "P" + _duration_parts(amount, unit)


def _duration_parts(amount: float, unit: Unit) -> str:
    """ "2Y6M", "T5H30M": a whole part and, when exact, the fraction in the next smaller unit."""
    whole = math.floor(amount)
    smaller = _SMALLER.get(unit)
    rest = (amount - whole) * smaller[1] if smaller else 0.0
    if smaller is None or whole == 0 or rest != int(rest):
        time, letter = _DURATION_LETTERS[unit]
        return f"{time}{_number(amount)}{letter}"
    time, letter = _DURATION_LETTERS[unit]
    small_time, small_letter = _DURATION_LETTERS[smaller[0]]
    tail = f"{'T' if small_time and not time else ''}{int(rest)}{small_letter}" if rest else ""
    return f"{time}{whole}{letter}{tail}"


def _set_value(meaning: Recurrence) -> str:
    if meaning.weekday is not None:
        return f"XXXX-WXX-{meaning.weekday}" + (f"T{meaning.part}" if meaning.part else "")
    if meaning.month is not None:
        return f"XXXX-{meaning.month:02d}"
    if meaning.season is not None:
        return f"XXXX-{meaning.season}"
    return duration_value(meaning.amount, meaning.unit)


# --- resolution ------------------------------------------------------------------


@attrs.frozen
class Frame:
    """What an expression is anchored to: publication day and running reference."""

    publication: date
    narrative: date
    tense: Tense = Tense.UNKNOWN
    knowledge: KnowledgeBase | None = None
    kind: str = "news"
    story: date | None = None  # start of the period last named ("June 1998" for "later that year")
    #: In a narrative, the earliest day a year-less date may fall on: the story's
    #: year when it named just a year ("In 1916 ..."), else a month before its day.
    floor: date | None = None


def resolve(meaning: Meaning, frame: Frame, mod: str | None = None) -> Resolved | None:
    """A meaning on the calendar, or None if it names no calendar time."""
    try:
        resolved = _resolve(meaning, frame)
    except (OverflowError, ValueError):
        return None  # beyond the calendar (year 0, year 10000): unknown
    return _narrow(resolved, mod) if resolved is not None else None


def _anchor_day(anchor: Anchor, frame: Frame) -> date:
    if anchor is Anchor.STORY and frame.story is not None:
        return frame.story
    return frame.publication if anchor is Anchor.PUBLICATION else frame.narrative


def _resolve(meaning: Meaning, frame: Frame) -> Resolved | None:
    ref = frame.publication
    match meaning:
        case CalendarDate():
            return _calendar(meaning, frame)
        case CalendarSpan():
            return _span(meaning, frame)
        case Relative(unit=Unit.DAY, offset=0, anchor=Anchor.PUBLICATION) if _in_story(frame):
            return Resolved("PRESENT_REF", ref, ref)  # a history's "today": nowadays, not a day of the story
        case Relative(unit=unit, offset=offset, anchor=anchor):
            day = _anchor_day(anchor, frame)
            return _unit_period(_shift_days(day, offset, unit) if unit is not Unit.WEEKEND else day + timedelta(weeks=offset), unit)
        case Shift(amount=None, direction=direction):
            return Resolved("PAST_REF" if direction < 0 else "FUTURE_REF")
        case Shift(amount=amount, unit=unit, direction=direction, anchor=anchor):
            assert amount is not None
            day = _shift_days(_anchor_day(anchor, frame), direction * amount, unit)
            return _unit_period(day, Unit.DAY if unit.is_time else unit)
        case WeekdayRef(anchor=Anchor.PUBLICATION) if _in_story(frame):
            return _day(_weekday(meaning, frame.narrative, _weekday_tense(meaning, Tense.FUTURE)))  # a history moves on
        case WeekdayRef(anchor=anchor):
            return _day(_weekday(meaning, _anchor_day(anchor, frame), _weekday_tense(meaning, frame.tense)))
        case WeekendRef(offset=offset):
            return _weekend(_weekend_day(offset, ref, frame.tense))
        case PartOfDay(part=part, base=base):
            return _time_of(_base_day(base, frame), part)
        case ClockTime(hour=hour, minute=minute, base=base):
            return _time_of(_base_day(base, frame), f"{hour:02d}:{minute:02d}")
        case Reference(value=value):
            if value == "PRESENT_REF":
                return Resolved(value, ref, ref)
            return Resolved(value)
        case Duration(amount=amount, unit=unit):
            return Resolved(duration_value(amount, unit))
        case Recurrence():
            return Resolved(_set_value(meaning))
        case EventAnchored():
            return _event_anchored(meaning, frame)
    return None


def _time_of(day: date | None, suffix: str) -> Resolved | None:
    """A time of a known day: 2022-03-18T09:00, 2022-03-18TMO."""
    return Resolved(f"{day.isoformat()}T{suffix}", day, day, Granularity.TIME) if day else None


def _base_day(base: Meaning | None, frame: Frame) -> date | None:
    if base is None:
        return frame.narrative
    resolved = _resolve(base, frame)
    return resolved.earliest if resolved is not None and resolved.is_day else None


def _weekday(meaning: WeekdayRef, ref: date, tense: Tense) -> date:
    back = (ref.isoweekday() - meaning.weekday) % 7
    forward = (meaning.weekday - ref.isoweekday()) % 7
    if meaning.offset == -1:
        return ref - timedelta(days=back or 7)
    if meaning.offset == 1:
        return ref + timedelta(days=forward or 7)
    if meaning.offset == 0:
        return _week_bounds(ref)[0] + timedelta(days=meaning.weekday - 1)
    if tense is Tense.FUTURE:
        return ref + timedelta(days=forward)  # "will meet Friday" on a Friday: today
    return ref - timedelta(days=back)


def _weekday_tense(meaning: WeekdayRef, tense: Tense) -> Tense:
    """The clause's tense, unless the weekday says more: a past event's ("Wednesday's ruling"), a deadline's."""
    if meaning.passed:
        return Tense.PAST
    if meaning.target and tense is not Tense.PAST:
        return Tense.FUTURE
    return tense


def _weekend_day(offset: int | None, ref: date, tense: Tense) -> date:
    if offset is not None:
        return ref + timedelta(weeks=offset)
    if ref.isoweekday() >= 6:
        return ref
    return ref + timedelta(weeks=1) if tense is Tense.FUTURE else ref - timedelta(weeks=1)


#: How far back a history may step from the day it last told ("On 3 March ...
#: On 28 February, the council had met") before a year-less date moves forward.
_STORY_SLACK_DAYS = 31
#: How far (days) the nearest occurrence of a year-less date may lie after
#: publication in a past-tense clause, or before it in a future-tense clause,
#: before the tense wins and the date moves a year. The past tolerance is wide
#: because a clause's nearest verb is not always the date's ("will be paid
#: Dec. 14", "subpoenaed him to testify on Feb. 10"); a date a change points
#: to ("extended through July", "effective Feb. 1") is not dated by the
#: clause's tense at all and may lie further ahead.
_PAST_TOLERANCE_DAYS = 90
_TARGET_TOLERANCE_DAYS = 150
_FUTURE_TOLERANCE_DAYS = 30
_SPAN_TOLERANCES = (0, 45)


def _year_for_month(
    month: int,
    day: int | None,
    ref: date,
    tense: Tense,
    spread: int = 0,
    tolerances: tuple[int, int] = (_PAST_TOLERANCE_DAYS, _FUTURE_TOLERANCE_DAYS),
) -> int:
    """The year of a year-less date: its nearest occurrence, unless the tense says otherwise.

    `spread` is half the length (days) of the period around `month`/`day`
    (a quarter's 45): the tolerances count from the period's edges.
    """
    nearest = min((ref.year - 1, ref.year, ref.year + 1), key=lambda y: abs((_mid(y, month, day) - ref).days))
    distance = (_mid(nearest, month, day) - ref).days
    if tense is Tense.PAST and distance - spread > tolerances[0]:
        return nearest - 1
    if tense is Tense.FUTURE and distance + spread < -tolerances[1]:
        return nearest + 1
    return nearest


def _mid(year: int, month: int, day: int | None) -> date:
    """A representative day of a (possibly day-less) date, for distances."""
    return date(year, month, min(day, 28) if day else 15)


def _in_story(frame: Frame) -> bool:
    """Whether year-less dates follow the story rather than publication.

    The running narrative time counts only when the story is set well away
    from publication (a history, or a flashback to another year).
    """
    return frame.kind == "narrative" and abs((frame.narrative - frame.publication).days) > 183


def _yearless_reference(frame: Frame) -> tuple[date, Tense]:
    """What a year-less date is placed near: the publication day, or the story's time (tense then says nothing)."""
    if _in_story(frame):
        return frame.narrative, Tense.UNKNOWN
    return frame.publication, frame.tense


def _story_year(month: int, day: int | None, frame: Frame) -> int:
    """A history moves forward: a year-less date is its first occurrence from the story's floor on.

    "In March 1864 ... On 2 September, Atlanta fell": 1864, not the nearer 1863.
    """
    floor = frame.floor or frame.narrative - timedelta(days=_STORY_SLACK_DAYS)
    return floor.year if (month, day or 31) >= (floor.month, floor.day) else floor.year + 1


def _before_christ(meaning: CalendarDate) -> Resolved:
    """ "15 March 44 BC": TIMEX2's BC0044-03-15. Python's calendar starts in AD 1, so no interval."""
    value = f"BC{meaning.year:04d}"
    if meaning.month is not None:
        value += f"-{meaning.month:02d}" + (f"-{meaning.day:02d}" if meaning.day is not None else "")
    return Resolved(value, granularity=Granularity.DAY if meaning.day else Granularity.YEAR)


def _calendar(meaning: CalendarDate, frame: Frame) -> Resolved | None:
    if meaning.bc and meaning.year is not None:
        return _before_christ(meaning)
    ref, tense = _yearless_reference(frame)
    year, month, day = meaning.year, meaning.month, meaning.day
    if year is None and month is None:
        return _day_of_month(day, ref, tense) if day is not None else None
    if year is None:
        assert month is not None
        year = _year_of(month, day, meaning, ref, tense, frame)
    if month is None and meaning.last_year is not None:
        return Resolved(f"{year:04d}", date(year, 1, 1), date(meaning.last_year, 12, 31), Granularity.YEAR)
    if month is None:
        return _year(year)
    if day is None:
        return _month(year, month)
    found = date(year, month, day)
    if meaning.last_day is not None:
        return Resolved(found.isoformat(), found, date(year, month, meaning.last_day))
    if meaning.weekday is not None:
        found += timedelta(days=(meaning.weekday - found.isoweekday()) % 7)
    return _unit_period(found, meaning.period) if meaning.period is not None else _day(found)


def _year_of(month: int, day: int | None, meaning: CalendarDate, ref: date, tense: Tense, frame: Frame) -> int:
    """The year of a year-less month or date: "June last year", "last May", "Nov. 25"."""
    if meaning.year_offset is not None:
        return ref.year + meaning.year_offset
    if meaning.from_story and frame.story is not None:
        ref = frame.story
    if meaning.direction == -1:
        return ref.year if month < ref.month else ref.year - 1
    if meaning.direction == 1:
        return ref.year if month > ref.month else ref.year + 1
    if meaning.passed:
        return ref.year if (month, day or 1) <= (ref.month, ref.day) else ref.year - 1
    if _in_story(frame):
        return _story_year(month, day, frame)
    past_tolerance = _TARGET_TOLERANCE_DAYS if meaning.target else _PAST_TOLERANCE_DAYS
    return _year_for_month(month, day, ref, tense, 0 if day else 15, (past_tolerance, _FUTURE_TOLERANCE_DAYS))


def _day_of_month(day: int, ref: date, tense: Tense) -> Resolved | None:
    """ "The 24th": this month's, or last month's in a past-tense clause."""
    candidate = date(ref.year, ref.month, min(day, _month_bounds(ref.year, ref.month)[1].day))
    if tense is Tense.PAST and candidate > ref:
        candidate = _add_months(candidate, -1)
    return _day(candidate.replace(day=day)) if _fits(candidate, day) else None


def _fits(candidate: date, day: int) -> bool:
    return day <= _month_bounds(candidate.year, candidate.month)[1].day


def _span(meaning: CalendarSpan, frame: Frame) -> Resolved | None:
    ref, tense = _yearless_reference(frame)
    if meaning.unit is Unit.DECADE:
        return _decade(meaning.index)
    if meaning.unit is Unit.CENTURY:
        return Resolved(f"BC{meaning.index:02d}", granularity=Granularity.CENTURY) if meaning.bc else _century(meaning.index)
    if meaning.unit is Unit.QUARTER:
        return _quarter(_span_year(meaning, 3 * meaning.index - 1, ref, tense, 45), meaning.index)
    if meaning.unit is Unit.HALF:
        year = _span_year(meaning, 6 * meaning.index - 3, ref, tense, 91)
        lo = date(year, 1 if meaning.index == 1 else 7, 1)
        hi = date(year, 6, 30) if meaning.index == 1 else date(year, 12, 31)
        return Resolved(f"{year:04d}-H{meaning.index}", lo, hi, Granularity.QUARTER)
    if meaning.unit is Unit.SEASON:
        if meaning.year is not None:
            return _season(meaning.year, meaning.index)
        return _relative_season(meaning.index, meaning.offset, ref, tense)
    return None


def _span_year(meaning: CalendarSpan, middle_month: int, ref: date, tense: Tense, spread: int) -> int:
    """The year of a quarter or half: given, counted from the reference's year, or the nearest."""
    if meaning.year is not None:
        return meaning.year
    if meaning.offset is not None:
        return ref.year + meaning.offset
    # A quarter reported in the past tense has begun; one reported in the
    # future may have ended some weeks ago (results come out later).
    return _year_for_month(middle_month, None, ref, tense, spread, _SPAN_TOLERANCES) + meaning.year_shift


def _relative_season(index: int, offset: int | None, ref: date, tense: Tense) -> Resolved:
    candidates = [_season(year, index) for year in (ref.year - 2, ref.year - 1, ref.year, ref.year + 1)]
    if offset == 0 or (offset is None and tense is not Tense.PAST and tense is not Tense.FUTURE):
        for season in candidates:
            assert season.earliest is not None and season.latest is not None
            if (season.earliest.year == ref.year and season.earliest.month != 12) or season.earliest <= ref <= season.latest:
                return season
        return candidates[2]
    if offset == -1 or (offset is None and tense is Tense.PAST):
        past = [s for s in candidates if s.latest is not None and s.latest < ref]
        return past[-1]
    future = [s for s in candidates if s.earliest is not None and s.earliest > ref]
    return future[0]


def _event_anchored(meaning: EventAnchored, frame: Frame) -> Resolved | None:
    event = _reference_event(meaning, frame.knowledge)
    fallback_value = (
        duration_value(meaning.amount, meaning.unit)
        if meaning.relation is not EventRelation.ORDINAL and not meaning.point
        else "XXXX-XX-XX"
    )
    if meaning.relation is EventRelation.SINCE:
        if event is None:
            return Resolved("PXD")
        days = (frame.publication - event.date).days
        if days < 0:
            return Resolved("PXD")  # the named event comes after the reference: another event
        return Resolved(f"P{days}D", event.date, frame.publication)
    if event is None or (meaning.amount is None and meaning.relation is not EventRelation.SINCE):
        return Resolved(fallback_value)
    assert meaning.amount is not None
    if meaning.relation is EventRelation.ORDINAL:
        lo = _shift_days(event.date, meaning.amount - 1, meaning.unit)
        hi = _shift_days(event.date, meaning.amount, meaning.unit) - timedelta(days=1)
        return Resolved(lo.isoformat(), lo, max(lo, hi))
    sign = -1 if meaning.relation is EventRelation.BEFORE else 1
    day = _shift_days(event.date, sign * meaning.amount, meaning.unit)
    if meaning.relation is EventRelation.ANNIVERSARY or meaning.point:
        return Resolved(day.isoformat(), day, day)
    return Resolved(fallback_value, day, day)


_COUNTING = (EventRelation.ELAPSED, EventRelation.ORDINAL, EventRelation.SINCE, EventRelation.ANNIVERSARY)


def _reference_event(meaning: EventAnchored, knowledge: KnowledgeBase | None) -> ReferenceEvent | None:
    if knowledge is None or not meaning.event:
        return None
    if meaning.relation in _COUNTING:
        counted = knowledge.counting_events(meaning.event)
        return counted[0] if counted else None  # "Iraq's invasion" counts from no known event
    matches = knowledge.match(meaning.event, limit=1)
    return matches[0][0] if matches and matches[0][1] >= 0.5 else None


# --- documents -------------------------------------------------------------------


def detect_kind(mentions: Sequence[Mention], publication: date | None = None) -> str:
    """'news' unless the text dates itself like a history or a chronology.

    A history writes dates with their year, or names a year and then days
    without one ("In March 1982 ... on 2 April ... on 25 April"), and seldom
    counts from the time of writing ("yesterday", "on Friday"). With the
    publication day known, only years at least two years away from it count:
    a report full of this year's dates is still news.
    """
    explicit = sum(1 for m in mentions if _names_other_year(m.meaning, publication))
    deictic = sum(
        1
        for m in mentions
        if isinstance(m.meaning, WeekdayRef | Reference)
        or (isinstance(m.meaning, Relative | Shift) and getattr(m.meaning, "anchor", None) is Anchor.PUBLICATION)
    )
    yearless_days = sum(
        1
        for m in mentions
        if isinstance(m.meaning, CalendarDate) and m.meaning.year is None and m.meaning.day is not None
    )
    dated = explicit >= 3 and explicit > 2 * deictic
    told = explicit >= 2 and yearless_days >= 3 and yearless_days > 2 * deictic
    return "narrative" if dated or told else "news"


def _day_of(meaning: Meaning) -> Meaning:
    """The day a time of day falls on ("Friday" of "Friday night"), else the meaning itself."""
    return meaning.base if isinstance(meaning, PartOfDay | ClockTime) and meaning.base is not None else meaning


def _names_other_year(meaning: Meaning, publication: date | None) -> bool:
    """A date, month, season or year written with its year, away from publication if that is known."""
    meaning = _day_of(meaning)
    if not isinstance(meaning, CalendarDate | CalendarSpan) or meaning.year is None:
        return False
    if isinstance(meaning, CalendarSpan) and meaning.unit in (Unit.DECADE, Unit.CENTURY):
        return False
    return publication is None or abs(meaning.year - publication.year) >= 2


def _updates_narrative(mention: Mention, resolved: Resolved, kind: str) -> bool:
    """Whether an expression moves the story's time (the anchor of "two days later").

    In a narrative every dated day does, and so does a month, season or year
    ("in June 1944", "the following spring"): the story moves to its start.
    In news only dates that cannot have been guessed wrong do.
    """
    if mention.kind not in ("DATE", "TIME") or resolved.earliest is None:
        return False
    if _looks_back(mention.meaning):
        return False  # "the previous day", "two days earlier": a glance back; the story stays where it was
    if kind == "narrative":
        if isinstance(mention.meaning, CalendarDate) and mention.meaning.target:
            return False  # "the fighting continued until December": where it ends, not where the story is
        return resolved.granularity not in (Granularity.DECADE, Granularity.CENTURY) and not isinstance(
            mention.meaning, Reference | Duration
        )
    if not resolved.is_day:
        return False
    if isinstance(mention.meaning, CalendarDate):
        return mention.meaning.year is not None  # a guessed year must not carry the story away
    return isinstance(mention.meaning, WeekdayRef | ClockTime | PartOfDay)


def _looks_back(meaning: Meaning) -> bool:
    """A step back from the story's time ("the previous day", "three days earlier")."""
    meaning = _day_of(meaning)
    if isinstance(meaning, Relative):
        return meaning.anchor is Anchor.NARRATIVE and meaning.offset < 0
    if isinstance(meaning, Shift):
        return meaning.anchor is Anchor.NARRATIVE and meaning.direction < 0
    return False


def _story_step(meaning: Meaning, narrative: date) -> date | None:
    """Where "a week later" moves the story: seven days on, though its value is a week."""
    if not isinstance(meaning, Shift) or meaning.anchor is not Anchor.NARRATIVE or meaning.direction < 0:
        return None
    weeks = meaning.amount if meaning.unit is Unit.WEEK else None
    return narrative + timedelta(weeks=int(weeks)) if weeks is not None and float(weeks).is_integer() else None


def _is_day_range(meaning: Meaning) -> bool:
    return isinstance(meaning, CalendarDate) and meaning.last_day is not None


def anchor_on_day(
    mentions: Sequence[Mention],
    publication: date,
    kind: str,
    knowledge: KnowledgeBase | None,
) -> list[tuple[Mention, Resolved | None]]:
    """Resolve every mention of a document for one publication day."""
    narrative = publication
    story: date | None = None
    floor: date | None = None
    out: list[tuple[Mention, Resolved | None]] = []
    for mention in mentions:
        frame = Frame(publication, narrative, mention.tense, knowledge, kind, story, floor)
        resolved = resolve(mention.meaning, frame, mention.mod)
        stepped = _story_step(mention.meaning, narrative) if kind == "narrative" else None
        if stepped is not None:
            narrative, floor = stepped, stepped - timedelta(days=_STORY_SLACK_DAYS)
        elif resolved is not None and _updates_narrative(mention, resolved, kind):
            assert resolved.earliest is not None and resolved.latest is not None
            # after a range of days ("the night of 5–6 June") the story goes on from its last day
            narrative = resolved.latest if _is_day_range(mention.meaning) else resolved.earliest
            year_only = resolved.granularity is Granularity.YEAR
            floor = narrative if year_only else narrative - timedelta(days=_STORY_SLACK_DAYS)
        if resolved is not None and _names_period(mention, resolved):
            story = resolved.earliest
        out.append((mention, resolved))
    return out


def _names_period(mention: Mention, resolved: Resolved) -> bool:
    """Whether an expression names a calendar period that "that year" or "the following month" can refer back to."""
    return (
        mention.kind in ("DATE", "TIME")
        and resolved.earliest is not None
        and not isinstance(mention.meaning, Reference)
        and resolved.granularity not in (Granularity.DECADE, Granularity.CENTURY)
    )


def anchor_mentions(
    mentions: Sequence[Mention],
    publication: date | UncertainTime,
    kind: str | None = None,
    knowledge: KnowledgeBase | None = None,
    max_days: int = 400,
) -> list[Mention]:
    """Fill `value` and `time` of every mention.

    With an uncertain publication day, each candidate day is tried and the
    mention's time is the mixture of the results weighted by the day's
    probability; the value is the one at the most likely day.
    """
    kind = kind or detect_kind(mentions, publication if isinstance(publication, date) else publication.most_likely)
    if isinstance(publication, UncertainTime) and publication.is_exact:
        publication = publication.earliest
    if isinstance(publication, date):
        return [_with_resolution(m, r) for m, r in anchor_on_day(mentions, publication, kind, knowledge)]
    days = _candidate_days(publication, max_days)
    mode = publication.most_likely
    per_day = {day: anchor_on_day(mentions, day, kind, knowledge) for day, _ in days}
    anchored = []
    for index, mention in enumerate(mentions):
        at_mode = per_day[mode][index][1] if mode in per_day else None
        mixture: dict[date, float] = {}
        granularity = Granularity.DAY
        for day, weight in days:
            resolved = per_day[day][index][1]
            if resolved is None or resolved.earliest is None or resolved.latest is None:
                continue
            granularity = resolved.granularity
            _spread(mixture, resolved.earliest, resolved.latest, weight)
        time = _mixture_time(mixture, granularity, at_mode) if mention.kind in ("DATE", "TIME") or mixture else None
        anchored.append(mention.anchored(at_mode.value if at_mode else _unknown_value(mention), time))
    return anchored


def _with_resolution(mention: Mention, resolved: Resolved | None) -> Mention:
    if resolved is None:
        return attrs.evolve(mention, value=_unknown_value(mention))
    time = None
    if resolved.earliest is not None and resolved.latest is not None:
        time = UncertainTime.uniform(resolved.earliest, resolved.latest, resolved.granularity)
    return mention.anchored(resolved.value, time)


#: Two references far apart: a value equal under both does not depend on publication.
_PROBES = (date(2003, 6, 17), date(2016, 1, 9))


def anchor_without_publication(mentions: Sequence[Mention], kind: str | None = None) -> list[Mention]:
    """Values for a document whose publication day is unknown.

    What does not depend on the publication day keeps its value and interval
    ("three weeks", "March 5, 1998", "the 1990s"); the rest gets TIMEX3's
    unknown forms ("XXXX-WXX-5" for a bare Friday, "XXXX-02-24" for "Feb. 24").
    """
    kind = kind or detect_kind(mentions)
    first, second = (anchor_on_day(mentions, probe, kind, None) for probe in _PROBES)
    out = []
    for (mention, one), (_, other) in zip(first, second, strict=True):
        if one is not None and other is not None and one == other:
            out.append(_with_resolution(mention, one))
        else:
            out.append(attrs.evolve(mention, value=_unknown_value(mention)))
    return out


def _unknown_value(mention: Mention) -> str:
    meaning = _day_of(mention.meaning)
    if isinstance(meaning, WeekdayRef):
        return f"XXXX-WXX-{meaning.weekday}"
    if isinstance(meaning, CalendarDate) and meaning.year is None and meaning.month is not None:
        return f"XXXX-{meaning.month:02d}" + (f"-{meaning.day:02d}" if meaning.day else "")
    return _UNKNOWN_BY_KIND[mention.kind]


_UNKNOWN_BY_KIND = {"DATE": "XXXX-XX-XX", "TIME": "XXXX-XX-XXTXX:XX", "DURATION": "PXD", "SET": "P1D"}


def _candidate_days(publication: UncertainTime, max_days: int, mass: float = 0.995) -> list[tuple[date, float]]:
    """The most probable publication days holding `mass` of the probability (tails dropped)."""
    if publication.is_exact:
        return [(publication.earliest, 1.0)]
    distribution = sorted(publication.distribution().items(), key=lambda item: -item[1])
    kept = []
    held = 0.0
    for day, p in distribution[:max_days]:
        kept.append((day, p))
        held += p
        if held >= mass:
            break
    total = math.fsum(p for _, p in kept) or 1.0
    return [(day, p / total) for day, p in kept if p > 0]


def _spread(mixture: dict[date, float], lo: date, hi: date, weight: float) -> None:
    width = (hi - lo).days + 1
    if width > 4000:  # a century: keep the bounds, not every day
        for day in (lo, hi):
            mixture[day] = mixture.get(day, 0.0) + weight / 2
        return
    share = weight / width
    for n in range(width):
        day = lo + timedelta(days=n)
        mixture[day] = mixture.get(day, 0.0) + share


def _mixture_time(mixture: dict[date, float], granularity: Granularity, at_mode: Resolved | None) -> UncertainTime | None:
    if not mixture:
        return None
    time = UncertainTime.from_distribution(mixture, granularity)
    if at_mode is not None and at_mode.earliest is not None and not time.weights:
        return attrs.evolve(time, most_likely=max(time.earliest, min(at_mode.earliest, time.latest)))
    return time
