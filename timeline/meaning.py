"""Unanchored meanings of temporal expressions.

The tagger turns "five days ago" into `Shift(5, DAY, -1)` and "Feb. 24" into
`CalendarDate(None, 2, 24)`: what the words say, before anyone knows the
publication day. The anchoring stage (`anchor`) turns a meaning
plus a reference into TIMEX3 values and `UncertainTime`.
"""

from __future__ import annotations

import enum

import attrs

__all__ = [
    "Anchor",
    "CalendarDate",
    "CalendarSpan",
    "ClockTime",
    "Duration",
    "EventAnchored",
    "EventRelation",
    "Meaning",
    "PartOfDay",
    "Recurrence",
    "Reference",
    "Relative",
    "Shift",
    "Tense",
    "Unit",
    "WeekdayRef",
    "WeekendRef",
]


class Unit(enum.Enum):
    """Calendar units, with their TIMEX3 duration letter."""

    SECOND = "S"
    MINUTE = "TM"  # "T" marks time units in TIMEX3 durations (PT5M)
    HOUR = "H"
    DAY = "D"
    WEEKEND = "WE"
    WEEK = "W"
    MONTH = "M"
    SEASON = "SE"
    QUARTER = "Q"
    HALF = "H1"
    YEAR = "Y"
    DECADE = "DE"
    CENTURY = "CE"

    @property
    def days(self) -> float:
        """Average length in days (for likelihoods and comparisons)."""
        return _UNIT_DAYS[self]

    @property
    def is_time(self) -> bool:
        return self in (Unit.SECOND, Unit.MINUTE, Unit.HOUR)


_UNIT_DAYS = {
    Unit.SECOND: 1 / 86400,
    Unit.MINUTE: 1 / 1440,
    Unit.HOUR: 1 / 24,
    Unit.DAY: 1.0,
    Unit.WEEKEND: 2.0,
    Unit.WEEK: 7.0,
    Unit.MONTH: 30.44,
    Unit.SEASON: 91.3,
    Unit.QUARTER: 91.3,
    Unit.HALF: 182.6,
    Unit.YEAR: 365.25,
    Unit.DECADE: 3652.5,
    Unit.CENTURY: 36525.0,
}


class Tense(enum.Enum):
    """Tense of the clause around an expression (decides bare weekdays)."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    UNKNOWN = "unknown"


class Anchor(enum.Enum):
    """What a relative expression counts from."""

    PUBLICATION = "publication"  # the document's creation time ("five days ago")
    NARRATIVE = "narrative"  # the running reference time ("three days later")
    STORY = "story"  # the period the text last named, at any granularity ("later that year")


@attrs.frozen
class CalendarDate:
    """An explicit, possibly partial date: "Feb. 24, 2022", "Feb. 24", "2022", "the 24th".

    A missing year is chosen at anchoring time: `year_offset` counts from the
    anchor's year ("June last year" -> -1); `direction` -1 means the latest
    such month before the anchor's month ("last May"), +1 the first after it.
    `weekday` moves the day to the first such weekday on or after it (US
    Thanksgiving is the first Thursday from Nov. 22); `period` widens the day
    to the week (or other unit) that contains it. A `passed` date is the
    latest such date on or before the anchor, whatever the tense says; a
    `target` date is one a change or plan points to ("postponed until Nov.
    16", "effective Feb. 1"): the verb's tense dates the decision, not the
    date, so its nearest occurrence is kept unless it lies well past.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    year_offset: int | None = None
    direction: int | None = None
    weekday: int | None = None  # the first such ISO weekday on or after the day (Thanksgiving)
    period: Unit | None = None  # the period containing the day ("the week of March 6": WEEK)
    passed: bool = False  # known to lie on or before the anchor ("the year ended Jan. 31", "since June")
    target: bool = False  # pointed to by "until", "effective", ...: the clause's tense does not date it
    bc: bool = False  # a year Before Christ ("15 March 44 BC"): written BC0044-03-15, off our calendar
    from_story: bool = False  # `direction` counts from the period last named ("the following August")
    last_day: int | None = None  # a range of days ("1–3 July 1863"): the value names the first
    last_year: int | None = None  # a range of years ("the 1914-18 war"): the value names the first


@attrs.frozen
class CalendarSpan:
    """A named stretch of a year or era: seasons, quarters, halves, decades, centuries.

    `index` is the season (1 spring .. 4 winter), quarter (1-4), half (1-2),
    decade (199 for the 1990s) or century (19 for the 20th century).
    `offset` is set instead of `year` for "last summer" (-1), "this quarter" (0).
    `year_shift` moves the nearest occurrence by whole years: the third
    quarter compared "a year earlier" is the nearest third quarter, -1.
    """

    unit: Unit
    index: int
    year: int | None = None
    offset: int | None = None
    year_shift: int = 0
    bc: bool = False  # "the 5th century BC": BC04


@attrs.frozen
class Relative:
    """A calendar unit counted from the anchor: today (0 DAY), last week (-1 WEEK)."""

    unit: Unit
    offset: int
    anchor: Anchor = Anchor.PUBLICATION


@attrs.frozen
class Shift:
    """A distance from the anchor: "five days ago", "two weeks later", "in a month".

    `amount` is None for vague amounts ("days ago", "within weeks").
    """

    amount: float | None
    unit: Unit
    direction: int  # -1 before the anchor, +1 after it
    anchor: Anchor = Anchor.PUBLICATION


@attrs.frozen
class WeekdayRef:
    """A weekday: `offset` None for bare ("Friday"), -1 last, 0 this, +1 next.

    `anchor` NARRATIVE counts from the story's day: "the previous Friday" is
    the Friday before the day just told, not before publication. A `passed`
    weekday lies on or before the anchor whatever the clause's tense: news
    writes "Wednesday's ruling" of a ruling already made. A `target` weekday
    is a deadline ("has until 9 a.m. Tuesday"): unless the clause is in the
    past tense, it is the next such day.
    """

    weekday: int  # ISO: Monday = 1 .. Sunday = 7
    offset: int | None = None
    anchor: Anchor = Anchor.PUBLICATION
    passed: bool = False
    target: bool = False


@attrs.frozen
class WeekendRef:
    """A weekend: `offset` None for bare ("the weekend"), -1 last, 0 this, +1 next."""

    offset: int | None = None


@attrs.frozen
class PartOfDay:
    """A part of a day (MO, AF, EV, NI, DT) of a base day meaning or of an unknown day."""

    part: str
    base: Meaning | None = None


@attrs.frozen
class ClockTime:
    """A clock time, optionally of a base day meaning."""

    hour: int
    minute: int = 0
    base: Meaning | None = None


@attrs.frozen
class Duration:
    """A length of time; `amount` None for vague ("for days" -> PXD)."""

    amount: float | None
    unit: Unit


@attrs.frozen
class Recurrence:
    """A set of times: "daily" (1 DAY), "every week", "each Monday", "nightly", "each July", "every spring"."""

    unit: Unit
    amount: float = 1
    weekday: int | None = None
    part: str | None = None
    month: int | None = None  # "each July": XXXX-07
    season: str | None = None  # "every spring": XXXX-SP


@attrs.frozen
class Reference:
    """Deictic references: `PRESENT_REF` (now), `PAST_REF` (recently), `FUTURE_REF`."""

    value: str


class EventRelation(enum.Enum):
    """How an event-anchored expression relates its reference to the named event."""

    ELAPSED = "elapsed"  # "three weeks into the invasion": reference = event + amount
    ORDINAL = "ordinal"  # "entered its fifth month", "the 100th day of": inside unit #n
    SINCE = "since"  # "since the invasion began": reference after the event
    BEFORE = "before"  # "a day before the summit": expression = event - amount
    AFTER = "after"  # "a day after troops withdrew": expression = event + amount
    ANNIVERSARY = "anniversary"  # "the first anniversary of the invasion": the day event + amount years


@attrs.frozen
class EventAnchored:
    """An expression counted from a named event: "three weeks into the invasion".

    `event` is the event phrase as written ("the invasion", "troops withdrew").
    For ELAPSED and ORDINAL the publication (or narrative) time is what is
    dated; for BEFORE/AFTER the expression itself is dated relative to the event.
    """

    event: str
    relation: EventRelation
    amount: float | None = None
    unit: Unit = Unit.DAY
    point: bool = False  # "the day after the vote" names that day (a DATE), "a day after" a distance


Meaning = (
    CalendarDate
    | CalendarSpan
    | Relative
    | Shift
    | WeekdayRef
    | WeekendRef
    | PartOfDay
    | ClockTime
    | Duration
    | Recurrence
    | Reference
    | EventAnchored
)
