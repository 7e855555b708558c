"""Builders: turn a rule's matched groups into an unanchored meaning.

Each builder is named by the `build` field of a grammar rule. It returns a
`Built` (TIMEX3 type, meaning, mod, event phrase) or None to veto the
match when the context shows it is not temporal ("May I", "2000 people").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable

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
    Unit,
    WeekdayRef,
    WeekendRef,
)
from timeline.tagger.grammar import Grammar

__all__ = ["BUILDERS", "Built", "Context"]

Groups = dict[str, str | None]


@attrs.frozen
class Built:
    kind: str
    meaning: Meaning
    mod: str | None = None
    event: str | None = None


@attrs.frozen
class Context:
    """The text around a match, for builders that veto on context."""

    text: str
    start: int
    end: int
    grammar: Grammar
    match_start: int = -1

    def event_before(self) -> str | None:
        """The event noun phrase ending just before the match ("the invasion entered...")."""
        window = self.text[max(0, self.match_start - 120) : self.match_start]
        found = self.grammar.event_before.search(window)
        return found.group(1) if found else None

    def word_before(self) -> str:
        """The lowercase word just before the match ('' at the start)."""
        window = self.text[max(0, self.start - 30) : self.start]
        found = _LAST_WORD.search(window)
        return found.group(1).lower() if found else ""

    def char_before(self) -> str:
        stripped = self.text[max(0, self.start - 5) : self.start].rstrip()
        return stripped[-1:] if stripped else ""

    def word_after(self) -> str:
        """The word just after the match, case kept ('' if punctuation comes first)."""
        found = _NEXT_WORD.match(self.text, self.end, min(len(self.text), self.end + 40))
        return found.group(1) if found else ""

    def char_after(self) -> str:
        stripped = self.text[self.end : self.end + 5].lstrip()
        return stripped[:1]


_LAST_WORD = re.compile(r"([A-Za-z]+)\W{0,3}$")
_NEXT_WORD = re.compile(r"[ \t\u00a0]{1,3}([\w’'-]{1,30})")

# --- shared readers ---------------------------------------------------------


def _int(g: Groups, name: str) -> int | None:
    """A numeric group as an int (None when the group did not match)."""
    raw = g.get(name)
    return int(raw) if raw else None


def _amount(grammar: Grammar, raw: str | None) -> float | None:
    """'five' -> 5, '1,400' -> 1400, 'twenty-four' -> 24, 'several' -> None."""
    if raw is None:
        return 1.0
    text = " ".join(raw.lower().replace("-", " ").split())
    half = 0.0
    if text.endswith(" and a half"):
        half, text = 0.5, text[: -len(" and a half")]
    if grammar.lookup("vague_amounts", text) is not None:
        return None
    if text.replace(",", "").replace(".", "", 1).isdigit():
        return float(text.replace(",", "")) + half
    direct = grammar.lookup("numbers", text)
    if direct is not None:
        return float(direct) + half
    total = 0.0
    for word in text.split():
        if word == "and":
            continue
        if word == "hundred":
            total = max(total, 1.0) * 100
            continue
        value = grammar.lookup("numbers", word)
        if value is None:
            return None
        total += value
    return total + half


def _unit(grammar: Grammar, raw: str | None) -> tuple[Unit, float]:
    """A unit word as (Unit, multiplier): 'fortnight' is two weeks."""
    name = grammar.lookup("units", raw or "") or "DAY"
    if name == "FORTNIGHT":
        return Unit.WEEK, 2.0
    return Unit[name], 1.0


def _ordinal(grammar: Grammar, raw: str) -> int | None:
    text = raw.lower()
    digits = re.match(r"(\d{1,4})(?:st|nd|rd|th)$", text)
    if digits:
        return int(digits.group(1))
    value = grammar.lookup("ordinals", text)
    if value is not None:
        return int(value)
    tens, _, unit = text.partition("-")
    if unit:
        head = grammar.lookup("numbers", tens)
        tail = grammar.lookup("ordinals", unit)
        if head is not None and tail is not None:
            return int(head) + int(tail)
    return None


def _mod(grammar: Grammar, g: Groups) -> str | None:
    """The TIMEX3 mod of an approximator inside ("more than") or before ("about") the extent."""
    if g.get("approx"):
        return grammar.lookup("approximators", g["approx"] or "")
    if g.get("outer"):
        return grammar.lookup("outer_approximators", g["outer"] or "")
    return None


_FRACTIONS = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75}


def _counted(grammar: Grammar, g: Groups) -> float | None:
    """The amount of an "amount unit" match (a range's lower end), plus "1/2" or "and a half"."""
    raw = g.get("amount") or g.get("amount2")
    amount = _amount(grammar, raw)
    if amount is not None and g.get("frac"):
        amount += _FRACTIONS[g["frac"] or ""]
    if amount is not None and g.get("andhalf"):
        amount += 0.5  # "a minute and a half"
    return amount


def _part(grammar: Grammar, part: str | None) -> str | None:
    return grammar.lookup("period_parts", part) if part else None


def _month(grammar: Grammar, raw: str | None) -> int | None:
    return grammar.lookup("months", raw) if raw else None


def _event(raw: str | None) -> str | None:
    return " ".join(raw.split()) if raw else None


# --- event-anchored -----------------------------------------------------------


def event_elapsed(g: Groups, ctx: Context) -> Built | None:
    amount = _amount(ctx.grammar, g.get("amount"))
    unit, factor = _unit(ctx.grammar, g.get("unit"))
    event = _event(g.get("event")) or ""
    meaning = EventAnchored(event, EventRelation.ELAPSED, _scale(amount, factor), unit)
    return Built("DURATION", meaning, _mod(ctx.grammar, g), event or None)


def event_ordinal(g: Groups, ctx: Context) -> Built | None:
    number = _ordinal(ctx.grammar, g.get("ord") or "")
    if number is None or number < 1:
        return None
    unit_word = (g.get("unit") or "").lower()
    event = _event(g.get("event") or ctx.event_before()) or ""
    if not event:
        return None
    if unit_word == "anniversary":
        return Built("DATE", EventAnchored(event, EventRelation.ANNIVERSARY, number, Unit.YEAR), event=event)
    unit, factor = _unit(ctx.grammar, unit_word)
    meaning = EventAnchored(event, EventRelation.ORDINAL, number * factor, unit)
    return Built("DATE", meaning, event=event)


_WEEK_POSITIONS = {"first": "START", "opening": "START", "last": "END", "final": "END", "closing": "END"}


def week_of_month(g: Groups, ctx: Context) -> Built | None:
    """ "The last week of March 1945": the month, its part in `mod` (a week has no value of its own inside a month)."""
    month = _month(ctx.grammar, g.get("month"))
    if month is None:
        return None
    return Built("DATE", CalendarDate(_int(g, "year"), month), _WEEK_POSITIONS.get((g.get("pos") or "").lower(), "MID"))


def event_since(g: Groups, ctx: Context) -> Built | None:
    event = _event(g.get("event") or g.get("event2")) or ""
    return Built("DURATION", EventAnchored(event, EventRelation.SINCE), event=event)


def event_offset(g: Groups, ctx: Context) -> Built | None:
    amount = _amount(ctx.grammar, g.get("amount"))
    unit, factor = _unit(ctx.grammar, g.get("unit"))
    direction = (g.get("dir") or "").lower()
    relation = EventRelation.BEFORE if direction in ("before", "prior to") else EventRelation.AFTER
    event = _event(g.get("event")) or ""
    meaning = EventAnchored(event, relation, _scale(amount, factor), unit)
    return Built("DURATION", meaning, _mod(ctx.grammar, g), event)


def _scale(amount: float | None, factor: float) -> float | None:
    return None if amount is None else amount * factor


# --- calendar dates -----------------------------------------------------------


def date(g: Groups, ctx: Context) -> Built | None:
    if ctx.word_after().lower() in ("percent", "per", "times", "million", "billion") or ctx.char_after() == "%":
        return None
    month = _month(ctx.grammar, g.get("month") or g.get("month2"))
    if month is None and (g.get("month") or "").isdigit():
        month = _int(g, "month")
    day_text = g.get("day") or g.get("day2")
    day = int(day_text) if day_text else None
    year = _int(g, "year")
    if year is None and day is not None and g.get("month"):
        year = _range_year(ctx)  # "July 1-3, 1863", "April 24 and 25, 1999"
    if day is not None and not _valid_day(year, month, day):
        day = None  # "Feb. 30": keep what is certain, the month
    base = CalendarDate(year, month, day, passed=year is None and _has_passed(ctx), target=year is None and _is_target(ctx))
    mod = _part(ctx.grammar, g.get("part"))
    if g.get("hour"):
        return Built("TIME", ClockTime(int(g["hour"] or 0), int(g.get("minute") or 0), base))
    return Built("DATE", base, mod)


def day_range(g: Groups, ctx: Context) -> Built | None:
    """ "1–3 July 1863", "July 1-3, 1863": TIMEX3 gives the first day; the interval runs to the last."""
    month = _month(ctx.grammar, g.get("month") or g.get("month2"))
    first, last, year = _int(g, "day") or _int(g, "day2"), _int(g, "last") or _int(g, "last2"), _int(g, "year")
    if month is None or first is None or last is None or not first < last or not _valid_day(year, month, last):
        return None
    return Built("DATE", CalendarDate(year, month, first, last_day=last))


#: The end of a range of days whose year is written once, after it: "-3, 1863", " and 25, 1999".
_RANGE_END_YEAR = re.compile(r"(?:[–-]|[ \t]{1,3}(?:and|to|through|or)[ \t]{1,3})\d{1,2}(?:st|nd|rd|th)?,?[ \t]{1,3}(\d{4})(?!\d|,\d)")


def _range_year(ctx: Context) -> int | None:
    found = _RANGE_END_YEAR.match(ctx.text, ctx.end, min(len(ctx.text), ctx.end + 30))
    return int(found.group(1)) if found else None


def week_of_date(g: Groups, ctx: Context) -> Built | None:
    """ "The week of March 9": the week that contains the day."""
    month = _month(ctx.grammar, g.get("month") or g.get("month2"))
    day, year = _int(g, "day") or _int(g, "day2"), _int(g, "year")
    if month is None or day is None or not _valid_day(year, month, day):
        return None
    unit = Unit.WEEKEND if (g.get("unit") or "").lower() == "weekend" else Unit.WEEK
    return Built("DATE", CalendarDate(year, month, day, period=unit))


def _valid_day(year: int | None, month: int | None, day: int) -> bool:
    if month is None:
        return 1 <= day <= 31
    last = calendar.monthrange(year if year is not None else 2000, month)[1]
    return 1 <= day <= last


def numeric_date(g: Groups, ctx: Context) -> Built | None:
    a, b = int(g["a"] or 0), int(g["b"] or 0)
    year_text = g["year"] or ""
    year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
    if len(year_text) == 2 and int(year_text) > 50:
        year -= 100
    european = g.get("sep") == "." or a > 12
    day, month = (a, b) if european else (b, a)
    if not 1 <= month <= 12 or not _valid_day(year, month, day):
        return None
    return Built("DATE", CalendarDate(year, month, day))


_RELATION = {
    "last": -1,
    "this past": -1,
    "the past": -1,
    "past": -1,
    "previous": -1,
    "the previous": -1,
    "the last": -1,
    "this": 0,
    "the current": 0,
    "current": 0,
    "the same": 0,
    "next": 1,
    "coming": 1,
    "this coming": 1,
    "the coming": 1,
    "the next": 1,
    "the following": 1,
}


def _relation(raw: str | None) -> int | None:
    return _RELATION.get(" ".join(raw.lower().split())) if raw else None


def month_relative(g: Groups, ctx: Context) -> Built | None:
    month = _month(ctx.grammar, g.get("month"))
    relation = _relation(g.get("rel"))
    mod = _part(ctx.grammar, g.get("part"))
    if " year" in ctx.text[ctx.start : ctx.end].lower()[-6:]:
        return Built("DATE", CalendarDate(None, month, None, year_offset=relation), mod)
    if relation == 0:
        return Built("DATE", CalendarDate(None, month, None, year_offset=0), mod)
    return Built("DATE", CalendarDate(None, month, None, direction=relation), mod)


#: "The following August": the first after the story's time; "the previous May": the last before it.
_MONTH_DETERMINERS = {"that": None, "the following": 1, "the next": 1, "the previous": -1, "the preceding": -1}


def month_alone(g: Groups, ctx: Context) -> Built | None:
    month = _month(ctx.grammar, g.get("month"))
    mod = _part(ctx.grammar, g.get("part"))
    word = (g.get("month") or "").rstrip(".")
    det = " ".join((g.get("det") or "").lower().split())
    if det:
        if word.lower() in ("may", "march") and det == "that":
            return None  # "he said that May would resign"
        direction = _MONTH_DETERMINERS[det]
        return Built("DATE", CalendarDate(None, month, None, direction=direction, from_story=direction is not None), mod)
    if mod is None and not _month_in_context(word, ctx):
        return None
    if len(word) == 3 and word.lower() in ("mar", "jun", "jul", "sat"):
        return None
    return Built("DATE", CalendarDate(None, month, None, passed=_has_passed(ctx), target=_is_target(ctx)), mod)


def _has_passed(ctx: Context) -> bool:
    """A date after "ended" or "since" lies on or before the time of writing."""
    return bool(ctx.grammar.lookup("passed_markers", ctx.word_before()))


def _is_target(ctx: Context) -> bool:
    """A date after "until" or "effective" is where a change or plan points, not when it was made."""
    return bool(ctx.grammar.lookup("target_markers", ctx.word_before()))


def _month_in_context(word: str, ctx: Context) -> bool:
    """A bare month name is a date after a preposition or determiner ("in March", "the June deal")."""
    grammar = ctx.grammar
    before = ctx.word_before()
    determiner = bool(grammar.lookup("determiners", before)) or _after_possessive(ctx)
    if not (grammar.lookup("date_context", before) or determiner):
        return False
    verb_like = word.lower() in ("may", "march")
    if verb_like and before in ("and", "or", "to", "as", "that"):
        return False  # "they may march", "to march", "he said that May would resign"
    after = ctx.word_after()
    if verb_like and determiner and grammar.lookup("march_followers", after.lower()):
        return False  # "the March on Washington"
    named = after[:1].isupper() and grammar.lookup("months", after) is None
    # "March Madness", "the June Uprising", "Janos Martonyi and Jan Kavan"; but "in December Eisenhower was named"
    return not (named and (verb_like or determiner or before in ("and", "or") or len(word) <= 3))


def _after_possessive(ctx: Context) -> bool:
    """The match follows a possessive: "the company's 1989 results"."""
    return re.search(r"\w[’']s?\s{1,3}$", ctx.text[max(0, ctx.start - 8) : ctx.start]) is not None


def holiday(g: Groups, ctx: Context) -> Built | None:
    """Fixed ("Christmas") and weekday-bound ("Thanksgiving") holidays."""
    year, direction = _int(g, "year"), _relation(g.get("rel"))
    if g.get("moveable"):
        spec = ctx.grammar.lookup("moveable_holidays", g["moveable"] or "")
        first, weekday = (int(part) for part in spec.split())
        return Built("DATE", CalendarDate(year, first // 100, first % 100, direction=direction, weekday=weekday))
    code = ctx.grammar.lookup("holidays", g.get("holiday") or "")
    if code is None:
        return None
    return Built("DATE", CalendarDate(year, code // 100, code % 100, direction=direction))


#: A bare four-digit number before this is a count ("1500 cases") unless the
#: words before say it is a year (rule early_year: "in 1453").
_EARLIEST_BARE_YEAR = 1600


def year(g: Groups, ctx: Context) -> Built | None:
    value = int(g["year"] or 0)
    if value < _EARLIEST_BARE_YEAR:
        return None
    mod = _part(ctx.grammar, g.get("part"))
    if ctx.text[ctx.end : ctx.end + 1] == "." and ctx.text[ctx.end + 1 : ctx.end + 2].isdigit():
        return None  # "closed at 2082.1"
    if ctx.text[ctx.end : ctx.end + 1] in ("-", "/") and ctx.text[ctx.end + 1 : ctx.end + 2].isdigit():
        if ctx.text[ctx.end + 2 : ctx.end + 4].isdigit() and ctx.text[ctx.end + 3 : ctx.end + 5].isdigit() is False:
            return None
        if ctx.text[ctx.end + 3 : ctx.end + 4] in ("-", "/"):
            return None  # a malformed numeric date such as 2022-13-45
    if ctx.char_before() in _CURRENCY or ctx.char_after() == "%":
        return None  # "$2022 in cash", "2000%"
    if mod is None and not g.get("fiscal") and not _year_in_context(ctx):
        return None
    return Built("DATE", CalendarDate(value), mod)



def year_range(g: Groups, ctx: Context) -> Built | None:
    """ "The 1914-18 war": the first year's value, an interval to the end of the last.

    A range written with both years in full ("1939–1945") stays two expressions.
    """
    first = _int(g, "year") or 0
    last = first // 100 * 100 + (_int(g, "last") or 0)
    if not first < last <= first + 99 or first < _EARLIEST_BARE_YEAR:
        return None  # "1998-09" is a month; "1950-49" no range
    return Built("DATE", CalendarDate(first, last_year=last))


def prefixed_year(g: Groups, ctx: Context) -> Built | None:
    """ "The post-1959 politics", "pre-2014 borders": the year the period is measured from."""
    return Built("DATE", CalendarDate(_int(g, "year")))


def early_year(g: Groups, ctx: Context) -> Built | None:
    """A year before 1600 ("in 1589", "around 800 AD"): only where the context says it is one."""
    return Built("DATE", CalendarDate(_int(g, "year") or _int(g, "short")))


def _year_in_context(ctx: Context) -> bool:
    """A bare four-digit number is a year where the words around say so.

    News style writes counts of a thousand and more with a comma ("2,000
    people"), so a number that modifies a noun is a year ("the 1992 protests",
    "his 1996 campaign"), unless the noun is plural without a determiner
    before the number ("2000 people") or a unit ("1500 km").
    """
    after = ctx.word_after()
    if after[:1].isdigit():
        return False
    before = ctx.word_before()
    grammar = ctx.grammar
    determined = bool(grammar.lookup("determiners", before)) or _after_possessive(ctx)
    plural = after.islower() and after.endswith("s") and after not in ("was", "is", "has", "as", "its")
    if plural and not determined:
        return False  # "2000 people", "1999 dollars"
    if grammar.lookup("date_context", before) or grammar.lookup("year_context", before) or determined:
        return True
    previous = ctx.char_before()
    if previous in ("(", ",", "[", "—", "–", ";", ":"):
        return True
    following = ctx.char_after()
    if following in ("", ".", ",", ";", ")", "]", ":", "!", "?", "—", "–"):
        return True
    if not after.isalpha() or not after.islower() or plural or grammar.lookup("not_year_followers", after):
        return False
    label = _LAST_WORD.search(ctx.text[max(0, ctx.start - 30) : ctx.start])
    return not (label and label.group(1)[:1].isupper())  # "Flight 1549 landed", "Windows 2000 users"


def spelled_year(g: Groups, ctx: Context) -> Built | None:
    """ "Nineteen ninety-six", "the year two thousand", "January nineteen ninety-seven"."""
    value = _spelled_year(ctx.grammar, g)
    text = ctx.text[ctx.start : ctx.end].lower()
    if value is None or (text.startswith("two thousand") and not _year_in_context(ctx)):
        return None  # "two thousand people"
    if g.get("season"):
        code = ctx.grammar.lookup("seasons", g["season"] or "")
        return Built("DATE", CalendarSpan(Unit.SEASON, _SEASON_INDEX[code], value))
    return Built("DATE", CalendarDate(value, _month(ctx.grammar, g.get("month"))))


def _spelled_year(grammar: Grammar, g: Groups) -> int | None:
    """The year of a spelled-out year match."""
    if not g.get("century"):
        rest = g.get("ones2")
        return 2000 + int(grammar.lookup("year_teens", rest) or grammar.lookup("year_ones", rest)) if rest else 2000
    century = int(grammar.lookup("year_centuries", g["century"] or ""))
    if g.get("hundred"):
        return century * 100
    if g.get("teen"):
        return century * 100 + int(grammar.lookup("year_teens", g["teen"] or ""))
    if g.get("oh"):
        return century * 100 + int(grammar.lookup("year_ones", g["oh"] or ""))
    tens = int(grammar.lookup("year_tens", g.get("tens") or "") or 0)
    return century * 100 + tens + int(grammar.lookup("year_ones", g.get("ones") or "") or 0)


def decade(g: Groups, ctx: Context) -> Built | None:
    words = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
             "seventies": 7, "eighties": 8, "nineties": 9}
    if g.get("decade"):
        index = int(g["decade"] or 0)
    else:
        digit = int(g["short"] or 0) if g.get("short") else words[(g.get("word") or "").lower()]
        index = 190 + digit if digit else 200
    span = CalendarSpan(Unit.DECADE, index)
    return Built("DATE", span, _part(ctx.grammar, g.get("part")))


def century(g: Groups, ctx: Context) -> Built | None:
    number = _ordinal(ctx.grammar, g.get("ord") or "")
    if number is None or not 1 <= number <= 30:
        return None
    span = CalendarSpan(Unit.CENTURY, number - 1, bc=bool(g.get("era")))
    return Built("DATE", span, _part(ctx.grammar, g.get("part")))


def bc_date(g: Groups, ctx: Context) -> Built | None:
    """ "15 March 44 BC", "January 49 BC", "44 BC": a date before the Christian era."""
    month = _month(ctx.grammar, g.get("month") or g.get("month2"))
    day = _int(g, "day") or _int(g, "day2")
    if day is not None and not _valid_day(None, month, day):
        day = None
    return Built("DATE", CalendarDate(_int(g, "year"), month, day, bc=True), _part(ctx.grammar, g.get("part")))


_SEASON_INDEX = {"SP": 1, "SU": 2, "FA": 3, "WI": 4}


def season(g: Groups, ctx: Context) -> Built | None:
    code = ctx.grammar.lookup("seasons", g.get("season") or "")
    if code is None:
        return None
    year_value = _int(g, "year")
    span = CalendarSpan(Unit.SEASON, _SEASON_INDEX[code], year_value, _relation(g.get("rel")))
    return Built("DATE", span, _part(ctx.grammar, g.get("part")))


def season_alone(g: Groups, ctx: Context) -> Built | None:
    """ "Over the summer", "that winter": the season nearest the story (by tense), or the story's own."""
    det = (g.get("det") or "").strip().lower()
    if not (det or ctx.grammar.lookup("season_prepositions", ctx.word_before())):
        return None  # "prices fall"
    code = ctx.grammar.lookup("seasons", g.get("season") or "")
    if code is None or (det == "" and (g.get("season") or "").lower() == "fall"):
        return None  # "since fall" is too often the verb or the decline
    offset = 0 if det == "that" else None
    span = CalendarSpan(Unit.SEASON, _SEASON_INDEX[code], None, offset)
    return Built("DATE", span, {"early": "START", "mid": "MID", "late": "END"}.get((g.get("part") or "").lower()))


_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4, "final": 4, "last": 4}


def quarter(g: Groups, ctx: Context) -> Built | None:
    index = int(g["qn"] or 0) if g.get("qn") else _QUARTERS[(g.get("qord") or "").lower()]
    year_text = g.get("year") or g.get("yr")
    year_value = int(year_text) if year_text else None
    offset = None if year_value else _relation(g.get("yrel"))
    shift = -1 if g.get("ago") else 0  # "the year-ago third quarter"
    return Built("DATE", CalendarSpan(Unit.QUARTER, index, year_value, offset, shift))


def reporting_period(g: Groups, ctx: Context) -> Built | None:
    """ "The latest quarter", "the year-ago period": reporting periods counted from now.

    A bare "the quarter" is the one just reported (the current one in a
    future-tense clause); a year-ago one is five quarters back from the current.
    """
    from timeline.meaning import Tense
    from timeline.tagger.clause import tense_at

    text = ctx.text[ctx.start : ctx.end].lower()
    offsets = [ctx.grammar.lookup("period_modifiers", w) for w in re.findall(r"[a-z]+(?:-[a-z]+)?|most recent", text)]
    known = [o for o in offsets if isinstance(o, int)]
    if g.get("ago") or g.get("lastyear"):
        known.append(-5)  # "the quarter a year ago", "last year's quarter"
    if known:
        return Built("DATE", Relative(Unit.QUARTER, min(known)))
    if (g.get("unit") or "").lower() == "period" or g.get("which"):
        return None  # "the same period": a period of the story, not of the calendar
    future = tense_at(ctx.text, ctx.start, ctx.end) is Tense.FUTURE
    return Built("DATE", Relative(Unit.QUARTER, 0 if future else -1))


def half(g: Groups, ctx: Context) -> Built | None:
    index = 1 if (g.get("half") or "").lower() == "first" else 2
    year_value = _int(g, "year")
    rel = (g.get("rel") or "").lower()
    offset = None if year_value else (0 if rel == "the" else _relation(rel))  # "of the year": this one
    return Built("DATE", CalendarSpan(Unit.HALF, index, year_value, offset))


# --- counted from the anchor ------------------------------------------------------

_BACKWARD = {"ago", "earlier", "before", "previously", "back"}
_FROM_PUBLICATION = {"ago", "from now", "hence", "back"}


def shift(g: Groups, ctx: Context) -> Built | None:
    amount = _counted(ctx.grammar, g)
    unit, factor = _unit(ctx.grammar, g.get("unit"))
    word = " ".join((g.get("dir") or "").lower().split())
    direction = -1 if word in _BACKWARD else 1
    anchor = Anchor.PUBLICATION if word in _FROM_PUBLICATION else Anchor.NARRATIVE
    mod = _mod(ctx.grammar, g)
    if amount == 1 and unit is Unit.YEAR and direction == -1 and mod is None:
        compared = _compared_period(ctx)
        if compared is not None:
            return Built("DATE", compared)
    meaning = Shift(_scale(amount, factor), unit, direction, anchor)
    return Built("DATE", meaning, mod)


def year_earlier(g: Groups, ctx: Context) -> Built | None:
    """ "Year-earlier results": the compared period a year back, or the previous year."""
    compared = _compared_period(ctx)
    return Built("DATE", compared or Relative(Unit.YEAR, -1))


#: Reporting periods a text compares with "a year earlier": the quarter just
#: named ("third-quarter profit rose from $5 million a year earlier") is the
#: one a year back; other periods (nine months, the fiscal year) keep the year.
_PERIOD_BEFORE = re.compile(
    r"\b(?:(?P<ord>(?i:first|second|third|fourth)|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?quarter|"
    r"(?P<quarter>(?:the|latest|same|that|this|its|ago|earlier|comparable|current) quarter|(?i:quarterly))|"
    r"(?P<other>(?:three|six|nine|twelve) months|(?:first|second) half|(?:fiscal|full|calendar) year|year ended))\b",
)


def _compared_period(ctx: Context) -> Meaning | None:
    """The quarter a year before the one the text last named, if it named one."""
    named = list(_PERIOD_BEFORE.finditer(ctx.text, max(0, ctx.start - 500), ctx.start))
    last = named[-1] if named else None
    if last is None or last.group("other"):
        return None
    if last.group("ord"):
        return CalendarSpan(Unit.QUARTER, _QUARTERS[last.group("ord").lower()], year_shift=-1)
    return Relative(Unit.QUARTER, -5)


def shift_in(g: Groups, ctx: Context) -> Built | None:
    from timeline.meaning import Tense
    from timeline.tagger.clause import tense_at

    amount = _amount(ctx.grammar, g.get("amount"))
    unit, factor = _unit(ctx.grammar, g.get("unit"))
    mod = _mod(ctx.grammar, g)
    if ctx.word_before() == "in" and amount is not None and tense_at(ctx.text, ctx.start) is Tense.FUTURE:
        return Built("DATE", Shift(amount * factor, unit, 1), mod)
    return Built("DURATION", Duration(_scale(amount, factor), unit), mod)


_NARRATIVE_PARTS = {"morning": "MO", "evening": "EV", "night": "NI", "afternoon": "AF"}


#: The event after "the day before/after": a noun phrase or a clause up to the next punctuation.
_EVENT_AFTER = re.compile(r"[ \t]{1,3}((?:the|a|an|his|her|their|its|[a-z]+)\b[^.,;:!?\n\"“”()]{2,80}?)(?=[.,;:!?\n\"“”()]|$)")


def narrative_day(g: Groups, ctx: Context) -> Built | None:
    phrase = " ".join(ctx.text[ctx.start : ctx.end].lower().split())
    if phrase.startswith(("the day before", "the day after")):
        before = phrase.startswith("the day before")
        event = _EVENT_AFTER.match(ctx.text, ctx.end, min(len(ctx.text), ctx.end + 90))
        if event is not None:  # "the day before the vote": counted from the vote, not from the story
            relation = EventRelation.BEFORE if before else EventRelation.AFTER
            return Built("DATE", EventAnchored(event.group(1), relation, 1.0, Unit.DAY, point=True), event=event.group(1))
        return Built("DATE", Relative(Unit.DAY, -1 if before else 1, Anchor.NARRATIVE))
    words = phrase.split()
    noun = words[-1]
    if phrase.startswith(("that ", "later that", "earlier that")) or words[1] == "same":
        offset = 0
    elif words[1] in ("next", "following"):
        offset = 1
    else:
        offset = -1
    if noun in _NARRATIVE_PARTS:
        return Built("TIME", PartOfDay(_NARRATIVE_PARTS[noun], Relative(Unit.DAY, offset, Anchor.NARRATIVE)))
    unit, _ = _unit(ctx.grammar, noun)
    anchor = Anchor.STORY if unit in (Unit.MONTH, Unit.YEAR) else Anchor.NARRATIVE  # "later that year": the year last named
    return Built("DATE", Relative(unit, offset, anchor))


def relative_unit(g: Groups, ctx: Context) -> Built | None:
    if (g.get("unit") or "").istitle() and (g.get("rel") or "").istitle():
        return None  # "This Week" (a programme), "Next Year in Jerusalem"
    unit = Unit[ctx.grammar.lookup("calendar_units", g.get("unit") or "") or "DAY"]
    rel = " ".join((g.get("rel") or "").lower().split())
    offset = _relation(rel) or 0
    mod = _part(ctx.grammar, g.get("part"))
    if g.get("end"):
        mod = "END"
    if rel in ("the past", "the last") and ctx.word_before() in ("for", "throughout") and unit is not Unit.DECADE:
        return Built("DURATION", Duration(1, unit), mod)  # "for the past week": how long
    if unit is Unit.WEEKEND:
        return Built("DATE", WeekendRef(offset), mod)
    if unit is Unit.DAY and rel in ("next", "the next", "the following", "the previous"):
        return Built("DATE", Relative(Unit.DAY, offset, Anchor.NARRATIVE), mod)
    return Built("DATE", Relative(unit, offset), mod)


def current_unit(g: Groups, ctx: Context) -> Built | None:
    """ "For the year", "the end of the month": the period the story is in (the latest: the one before)."""
    if not (g.get("part") or g.get("inside") or ctx.grammar.lookup("period_prepositions", ctx.word_before())):
        return None  # "The year was hard": a subject, not a time adverbial
    if (g.get("unit") or "").lower() == "day" and not g.get("inside"):
        return None  # "in the day", "at the end of the day": only "earlier/later in the day"
    unit = Unit[ctx.grammar.lookup("calendar_units", g.get("unit") or "") or "YEAR"]
    if ctx.word_after().lower() in ("ended", "ending", "ends", "through", "to"):
        return Built("DURATION", Duration(1, unit))  # "the year ended Sept. 30"
    which = (g.get("which") or "").lower()
    offset = -1 if which.startswith("latest") else 0
    mod = _part(ctx.grammar, g.get("part")) or {"early": "START", "late": "END"}.get((g.get("inside") or "").lower())
    anchor = Anchor.PUBLICATION if which.startswith("current") else Anchor.NARRATIVE  # "the current year": now
    return Built("DATE", Relative(unit, offset, anchor), mod)


def unit_end(g: Groups, ctx: Context) -> Built | None:
    """ "Year-end", "the month's end": the end of the current period."""
    unit = Unit[ctx.grammar.lookup("calendar_units", g.get("unit") or "") or "YEAR"]
    return Built("DATE", Relative(unit, 0, Anchor.NARRATIVE), "END")


def weekend(g: Groups, ctx: Context) -> Built | None:
    return Built("DATE", WeekendRef(None))


# --- days, weekdays, clock ------------------------------------------------------


def clock(g: Groups, ctx: Context) -> Built | None:
    after = ctx.word_after().lower()
    if after in ("million", "billion", "percent", "per", "times", "trillion") or ctx.char_after() == "%":
        return None
    if ctx.word_before() in ("version", "v", "article", "section", "chapter", "verse", "no", "number", "high"):
        return None  # "version 10.12", "High Noon"
    if ctx.char_before() in _CURRENCY or (g.get("h24") and not _clock_context(g, ctx)):
        return None  # "$17.50", "off 17.01"
    named = (g.get("named") or "").lower()
    if named:
        hour, minute = (24, 0) if named == "midnight" else (12, 0)  # midnight ends its day: T24:00
    elif g.get("h12"):
        hour, minute = int(g["h12"] or 0) % 12, int(g.get("m12") or 0)
        if (g.get("ampm") or "").lower().startswith("p"):
            hour += 12
    else:
        hour, minute = int(g["h24"] or 0), int(g.get("m24") or 0)
    base: Meaning | None = None
    if g.get("weekday"):
        base = _date_after(ctx, after_on=False) or WeekdayRef(ctx.grammar.lookup("weekdays", g["weekday"] or ""), target=_is_target(ctx))
    elif g.get("deictic"):
        base = Relative(Unit.DAY, ctx.grammar.lookup("deictic_days", g["deictic"] or "") or 0)
    elif g.get("month"):
        base = CalendarDate(_int(g, "year"), _month(ctx.grammar, g.get("month")), _int(g, "day"))
    else:
        base = _date_after(ctx)  # "noon on 15 August": the date is its own expression
    mod = "APPROX" if g.get("approx") else None
    return Built("TIME", ClockTime(hour, minute, base), mod)


_CURRENCY = frozenset("$£€¥₴₽#")  # "#" is the pound sign of some wire feeds


def _clock_context(g: Groups, ctx: Context) -> bool:
    """A 24-hour "17.50" is a time only with a colon, a leading zero, a zone, "hours" or "at"."""
    matched = ctx.text[ctx.start : ctx.end]
    if ":" in matched or matched.startswith("0") or g.get("tz") or g.get("weekday") or g.get("deictic"):
        return True
    if re.search(r"(?:hours|hrs|h)$", matched):
        return True
    return bool(ctx.grammar.lookup("clock_prepositions", ctx.word_before()))


def clock_in_part(g: Groups, ctx: Context) -> Built | None:
    """ "4 in the morning", "eight in the evening": a clock hour of a part of the day."""
    raw = (g.get("hour") or "").lower()
    hour = int(raw) if raw.isdigit() else int(ctx.grammar.lookup("numbers", raw) or 0)
    pod = (g.get("pod") or "").lower()
    if ctx.word_after().lower() in ("papers", "paper", "edition", "news"):
        return None  # "one in the morning papers"
    if pod == "morning":
        hour %= 12
    elif hour < 12 and not (pod == "night" and hour <= 4):
        hour += 12  # "eight in the evening", "ten at night"; but "two in the night" stays early
    return Built("TIME", ClockTime(hour, 0))


def deictic_part(g: Groups, ctx: Context) -> Built | None:
    if g.get("dpart"):
        spec = ctx.grammar.lookup("deictic_parts", g["dpart"] or "")
        offset_text, part = spec.split()
        offset = int(offset_text)
    else:
        offset = ctx.grammar.lookup("deictic_days", g.get("dday") or g.get("dday2") or "") or 0
        part = ctx.grammar.lookup("parts_of_day", g.get("pod") or g.get("pod2") or "") or "DT"
    return Built("TIME", PartOfDay(part, Relative(Unit.DAY, offset)))


def deictic_day(g: Groups, ctx: Context) -> Built | None:
    offset = ctx.grammar.lookup("deictic_days", g.get("dday") or "")
    if offset is None:
        return None
    part = (g.get("part") or "").lower()
    mod = {"early": "START", "late": "END"}.get(part)
    return Built("DATE", Relative(Unit.DAY, int(offset)), mod)


def weekday(g: Groups, ctx: Context) -> Built | None:
    number = ctx.grammar.lookup("weekdays", g.get("weekday") or "")
    if number is None:
        return None
    follower = ctx.word_after().lower()
    if not g.get("pod") and ctx.grammar.lookup("weekday_name_followers", follower):
        return None  # "Sunday Times", "Sunday School"
    if len((g.get("weekday") or "").rstrip(".")) <= 4 and ctx.text[ctx.end : ctx.end + 1] != ".":
        return None  # "Sun Microsystems", "Wed" without its abbreviation dot
    if not g.get("pod") and ctx.word_after()[:1].isupper() and ctx.word_before() in ("bloody", "black", "super"):
        return None
    rel = " ".join((g.get("rel") or "").lower().split())
    offset = {"last": -1, "next": 1, "coming": 1, "this coming": 1, "this": 0}.get(rel)
    if rel.startswith("the "):  # "the previous Friday": the one before the day just told
        base = WeekdayRef(int(number), 1 if rel == "the following" else -1, Anchor.NARRATIVE)
    else:
        base = WeekdayRef(
            int(number), offset, passed=offset is None and _possessive_of_past(ctx), target=_is_target(ctx)
        )
    part = (g.get("part") or "").lower()
    mod = "START" if part.startswith("early") else "END" if part.startswith("late") else None
    if g.get("pod"):
        code = ctx.grammar.lookup("parts_of_day", g["pod"] or "") or "DT"
        return Built("TIME", PartOfDay(code, base), mod)
    return Built("DATE", base, mod)


def _possessive_of_past(ctx: Context) -> bool:
    """ "Wednesday's ruling": an event named by its weekday has happened, unless awaited ("ahead of Sunday's vote")."""
    if ctx.text[ctx.end : ctx.end + 2] not in ("'s", "’s"):
        return False
    before = " ".join(ctx.text[max(0, ctx.start - 30) : ctx.start].lower().split())
    return not any(before.endswith(cue) for cue in ctx.grammar.tables["awaiting_cues"])


#: A date just after a time of day: "noon on 15 August 1945", "4 a.m. on Sunday, 24 February"
#: (or after its weekday: "7:48 a.m. on Sunday, 7 December 1941").
_ON_DATE = re.compile(
    r",?[ \t]{1,3}(?P<on>on[ \t]{1,3})?(?:[A-Z][a-z]{2,8}day,?[ \t]{1,3})?(?:the[ \t]{1,3})?"
    r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:[ \t]{1,3}of)?[ \t]{1,3}(?P<month>[A-Z][a-z]{2,8}\.?)"
    r"|(?P<month2>[A-Z][a-z]{2,8}\.?)[ \t]{1,3}(?P<day2>\d{1,2})(?!\d))"
    r"(?:,?[ \t]{1,3}(?P<year>\d{4})(?!\d))?"
)


def _date_after(ctx: Context, after_on: bool = True) -> CalendarDate | None:
    """The date written just after a time of day (after "on" if `after_on`), which that time falls on."""
    found = _ON_DATE.match(ctx.text, ctx.end, min(len(ctx.text), ctx.end + 60))
    if found is None or (after_on and not found.group("on")):
        return None
    month = _month(ctx.grammar, (found.group("month") or found.group("month2")).rstrip("."))
    day, year = int(found.group("day") or found.group("day2")), _int(found.groupdict(), "year")
    if month is None or not _valid_day(year, month, day):
        return None
    return CalendarDate(year, month, day)


def part_of_day(g: Groups, ctx: Context) -> Built | None:
    code = ctx.grammar.lookup("parts_of_day", g.get("pod") or "")
    if not ctx.grammar.lookup("part_of_day_prepositions", ctx.word_before()):
        return None  # "morning papers", "the evening news"
    if code is None or ctx.word_after().lower() == "of":
        return None  # "on the night of the vote": an event's time, not a calendar one
    month = _month(ctx.grammar, g.get("month") or g.get("month2"))
    day = _int(g, "day") or _int(g, "day2")
    base: Meaning | None = None
    if month and day and _valid_day(_int(g, "year"), month, day):
        base = CalendarDate(_int(g, "year"), month, day)
    elif g.get("dday"):
        base = Relative(Unit.DAY, int(ctx.grammar.lookup("deictic_days", g["dday"] or "") or 0))
    else:
        base = _date_after(ctx)
    return Built("TIME", PartOfDay(code, base))


# --- durations ------------------------------------------------------------------


def duration(g: Groups, ctx: Context) -> Built | None:
    raw_amount = g.get("amount") or g.get("amount2")
    unit_word = g.get("unit") or g.get("unit2")
    word = (unit_word or "").lower()
    plural = word.endswith("s") and word not in ("hrs", "mins", "secs", "yrs")
    amount = _counted(ctx.grammar, g) if raw_amount else (None if plural else 1.0)
    unit, factor = _unit(ctx.grammar, unit_word)
    single = (raw_amount or "a").lower() in ("a", "an", "one")
    if re.fullmatch(r"(?:1[6-9]|20)\d\d", raw_amount or "") and not g.get("rel"):
        return None  # "the 1988 quarter", "the 1988 second quarter": a year
    if single and word in ("second", "night", "quarter", "min", "sec") and not _stands_alone(ctx):
        return None  # "a second round", "a quarter of the population"
    if (amount is not None and amount == 0) or ctx.word_after().lower() in ("old", "older", "younger"):
        return None  # "zero days", ages ("52 years old")
    if word.startswith("quarter") and not g.get("rel") and _fraction_of(ctx):
        return None  # "three-quarters of its food": a fraction
    if _is_title(raw_amount, unit_word, ctx):
        return None  # CBS's "60 Minutes", "the 24 Hours of Le Mans": a name
    if single and _is_rate(g, ctx):
        return Built("SET", Recurrence(unit, factor))  # "$500 million a year"
    if (raw_amount or "").lower() == "one" and word == "day" and ctx.grammar.lookup("one_day_subjects", ctx.word_before()):
        return Built("DATE", Reference("FUTURE_REF"))  # "Islam will one day be ..."
    meaning = Duration(_scale(amount, factor), unit)
    return Built("DURATION", meaning, _mod(ctx.grammar, g))


def _fraction_of(ctx: Context) -> bool:
    """ "(three) quarters of the vote / of its food": a share of something, not months ("of losses")."""
    found = re.match(r"[ \t]{1,3}of[ \t]{1,3}([A-Za-z]+)", ctx.text[ctx.end : ctx.end + 30])
    return found is not None and bool(ctx.grammar.lookup("determiners", found.group(1).lower()))


def _is_title(raw_amount: str | None, unit_word: str | None, ctx: Context) -> bool:
    """A capitalised unit in running text names a show, a race or a war, not a stretch of time.

    CBS's "60 Minutes", "the 24 Hours of Le Mans", "the Hundred Days", "the
    Hundred Years' War", "the Six-Day War", "the Seven Days Battles".
    """
    if not (unit_word or "").istitle():
        return False
    if ctx.text[ctx.end : ctx.end + 1] in ("'", "’") or ctx.word_after()[:1].isupper():
        return (raw_amount or "").istitle() or not (raw_amount or "").isalpha()  # "Years' War", "Six-Day War"
    before = ctx.text[max(0, ctx.start - 30) : ctx.start].rstrip()
    if before[-1:] in ("\"", "“", "'", "‘", "`"):
        return True
    if before[-1:] in (".", "!", "?", ""):
        return False  # "Days later, ...": a sentence starts
    found = _LAST_WORD.search(before)
    return found is not None and found.group(1).islower()


def _is_rate(g: Groups, ctx: Context) -> bool:
    """ "a year" after a quantity ("$500 million a year", "four flights a week") is a rate."""
    if (g.get("amount") or "").lower() not in ("a", "an", "per") or g.get("approx") or g.get("outer"):
        return False
    window = ctx.text[max(0, ctx.start - 30) : ctx.start]
    found = _QUANTITY_BEFORE.search(window)
    return found is not None


#: A quantity ending at most two words before "a year": "$500 million", "four flights".
_QUANTITY_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|thousand|hundreds?|dozens?|cents|dollars|pence|once|twice|times|"
    r"two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|sixty|several|many))"
    r"[\w,.'’-]{0,20}(?:[ \t]{1,3}[A-Za-z][\w’'-]{0,20}){0,2}[ \t]{1,3}$"
)


def _stands_alone(ctx: Context) -> bool:
    return ctx.char_after() in ("", ".", ",", ";", ")", ":") or ctx.word_after().lower() in (
        "later", "earlier", "before", "after", "ago", "or", "and",
    )


def vague_duration(g: Groups, ctx: Context) -> Built | None:
    word = (g.get("units") or "").lower()
    unit, factor = _unit(ctx.grammar, word)
    couple = "couple" in (g.get("vague") or "").lower()  # "the next couple of years": two
    return Built("DURATION", Duration(2 * factor if couple else None, unit))


# --- sets and references -----------------------------------------------------------


def set_word(g: Groups, ctx: Context) -> Built | None:
    spec = ctx.grammar.lookup("set_words", g.get("word") or "")
    if spec is None or _classifies_noun(ctx):
        return None  # "a quarterly dividend", "average daily volume", "a quarterly cash dividend"
    code, _, part = spec.partition(" ")
    return Built("SET", _recurrence_from_code(code, part or None))


_TWO_WORDS_AFTER = re.compile(r"[ \t]{1,3}([a-z][\w’'-]{0,30})(?:[ \t]{1,3}([a-z][\w’'-]{0,30}))?")


def _classifies_noun(ctx: Context) -> bool:
    """A frequency adjective before a noun it merely classifies, next or one word on."""
    found = _TWO_WORDS_AFTER.match(ctx.text, ctx.end, min(len(ctx.text), ctx.end + 70))
    if found is None:
        return False
    first, second = found.groups()
    lookup = ctx.grammar.lookup
    return bool(lookup("set_classified_nouns", first) or (second and second != "of" and lookup("set_classified_nouns", second)))


def _recurrence_from_code(code: str, part: str | None) -> Recurrence:
    found = re.fullmatch(r"P(T?)(\d+)([A-Z])", code)
    if found is None:
        raise ValueError(f"bad set code {code}")
    time, number, letter = found.groups()
    unit = {"D": Unit.DAY, "W": Unit.WEEK, "M": Unit.MINUTE if time else Unit.MONTH,
            "Y": Unit.YEAR, "H": Unit.HOUR}[letter]
    return Recurrence(unit, int(number), part=part)


def set_every(g: Groups, ctx: Context) -> Built | None:
    raw = (g.get("amount") or "").lower()
    amount = 2.0 if raw == "other" else (_amount(ctx.grammar, raw) if raw else 1.0)
    grammar = ctx.grammar
    if g.get("weekday"):
        number = grammar.lookup("weekdays", g["weekday"] or "") or grammar.lookup("weekdays_plural", g["weekday"] or "")
        part = grammar.lookup("parts_of_day", g.get("pod") or "") if g.get("pod") else None
        return Built("SET", Recurrence(Unit.WEEK, 1, weekday=int(number), part=part))
    if g.get("month"):
        return Built("SET", Recurrence(Unit.YEAR, 1, month=_month(grammar, g["month"])))
    if g.get("season"):
        return Built("SET", Recurrence(Unit.YEAR, 1, season=grammar.lookup("seasons", g["season"] or "")))
    unit, factor = _unit(grammar, g.get("unit"))
    return Built("SET", Recurrence(unit, (amount or 1.0) * factor))


def set_times(g: Groups, ctx: Context) -> Built | None:
    unit, factor = _unit(ctx.grammar, g.get("unit"))
    return Built("SET", Recurrence(unit, factor))


def reference(g: Groups, ctx: Context) -> Built | None:
    value = ctx.grammar.lookup("references", g.get("ref") or "")
    if value is None or ctx.text[ctx.end : ctx.end + 1] == "-":
        return None  # "now-defunct"
    if " " not in (g.get("ref") or "") and _is_connective(ctx):
        return None  # "as soon as", "soon after", "now that"
    after = ctx.word_after().lower()
    counted = after[:1].isdigit() or ctx.grammar.lookup("numbers", after) or ctx.grammar.lookup("vague_amounts", after)
    if " " in (g.get("ref") or "") and counted:
        return None  # "the past three summers": a span, not the past
    return Built("DATE", Reference(value))


def _is_connective(ctx: Context) -> bool:
    """ "As soon as", "soon after", "now that": the word joins clauses, it names no time."""
    before = ctx.word_before() if ctx.char_before().isalpha() else ""
    after = ctx.word_after().lower()
    grammar = ctx.grammar
    return bool(grammar.lookup("reference_vetoes_before", before) or grammar.lookup("reference_vetoes_after", after))


BUILDERS: dict[str, Callable[[Groups, Context], Built | None]] = {
    name: function
    for name, function in globals().items()
    if callable(function)
    and getattr(function, "__module__", None) == __name__
    and not name.startswith("_")
    and name not in ("Built", "Context")
}
