"""Synthetic news-like articles with a known publication day.

Calibration needs articles whose publication day is known and whose temporal
clues are *true* for that day. This module writes such articles: it draws a
publication day, then phrases zero to six independent clues about it the way
news writers do -- "said Saturday", "will meet Monday", "five days ago" about a
known event (sometimes counting the first day as day one), "more than three
weeks into the invasion", "as the war entered its fifth month", "on Feb. 24",
"a summit on June 15", "after the Bucha massacre", "in February 2022" -- among
filler sentences that say nothing about time.

The generator knows the calendar, the knowledge base's events and news
conventions; it knows nothing of how `publication` weighs clues,
so measuring inference on its output is an honest test.

Usable from benchmarks (`articles(seed, n)`, a plain `Random`)
and from property tests (`article_strategy()`, a hypothesis strategy;
hypothesis is imported only there, as it is a development dependency).
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, TypeVar

import attrs

from timeline.knowledge import KnowledgeBase, ReferenceEvent, default_knowledge

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "STYLES",
    "SyntheticArticle",
    "article_strategy",
    "articles",
    "generate_article",
]

#: Publication days are drawn uniformly in this period (the knowledge base's years).
FIRST_DAY = date(2014, 3, 1)
LAST_DAY = date(2025, 9, 30)

T = TypeVar("T")


@attrs.frozen
class SyntheticArticle:
    """A generated article: its text, true publication day, dated references and clue styles.

    `events` pairs each dated phrase of the text with the day it denotes
    (`("said Saturday", 2022-03-19)`, `("the invasion", 2022-02-24)`);
    `styles` names the kinds of clue the text holds, in order
    (`("no-clue",)` for an article without any).
    """

    text: str
    publication: date
    events: tuple[tuple[str, date], ...] = ()
    styles: tuple[str, ...] = ()

    @property
    def clue_count(self) -> int:
        return 0 if self.styles == ("no-clue",) else len(self.styles)


@attrs.frozen
class _Clue:
    sentence: str
    style: str
    events: tuple[tuple[str, date], ...] = ()


# --- words ------------------------------------------------------------------------------

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_AP_MONTHS = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
_MONTHS = tuple(calendar.month_name[m] for m in range(1, 13))
_NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
)  # fmt: skip
_ORDINAL_WORDS = (
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
    "ninth", "tenth", "11th", "12th",
)  # fmt: skip

_SUBJECTS = (
    "Ukrainian officials", "the regional governor", "Ukraine's military", "Russia's Defense Ministry",
    "President Volodymyr Zelenskyy", "Kremlin spokesman Dmitry Peskov", "the city's mayor",
    "a senior U.S. official", "Ukraine's General Staff", "local authorities", "Ukraine's foreign minister",
    "the U.N. human rights office", "emergency services", "a spokesperson for the air force",
    "NATO's secretary-general", "the European Commission", "police", "the prosecutor general's office",
)  # fmt: skip
_ACTIONS = (
    "Russian drones struck energy infrastructure in the Odesa region",
    "a missile hit an apartment building in Kharkiv",
    "air defenses shot down most of the incoming drones",
    "Ukrainian forces repelled several assaults near Pokrovsk",
    "two civilians were killed in shelling of a village",
    "a power outage left thousands of homes without heat",
    "lawmakers approved a bill on military recruitment",
    "rescuers pulled three people from the rubble",
    "a train carrying evacuees arrived in Lviv",
    "shelling damaged a school and a hospital",
    "the two sides exchanged the bodies of fallen soldiers",
    "a drone attack set fire to an oil depot across the border",
    "investigators opened a criminal case",
    "the central bank raised its key interest rate",
    "a convoy of aid trucks reached the front-line town",
    "officials announced new sanctions against Russian banks",
    "the government ordered the evacuation of several villages",
    "a fuel depot burned for hours after a strike",
)  # fmt: skip
_FUTURE_ACTIONS = (
    "will meet European leaders", "will travel to Brussels", "will address parliament",
    "will hold talks with the Polish president", "will visit Washington",
    "will present a new aid package", "will announce a reshuffle of the government",
    "will meet defense ministers", "will chair an emergency session",
)  # fmt: skip
_FUTURE_FRAMES = (
    "A vote on the bill is scheduled for {when}.",
    "Negotiators are expected to meet again {when}.",
    "Foreign ministers will gather in Warsaw {when}.",
    "A donors' conference is due to open in Rome {when}.",
    "The next round of consultations will take place {when}.",
    "The court is expected to rule {when}.",
)
_CITIES = (
    "Kyiv",
    "Kharkiv",
    "Odesa",
    "Dnipro",
    "Zaporizhzhia",
    "Lviv",
    "Mykolaiv",
    "Sumy",
    "Poltava",
)
_DATELINES = (
    "KYIV, Ukraine (AP) — ", "KHARKIV, Ukraine (AP) — ", "MOSCOW (AP) — ", "BRUSSELS (AP) — ",
    "WASHINGTON (AP) — ", "Kyiv (Reuters) - ", "LVIV, Ukraine — ", "DNIPRO, Ukraine (AP) — ",
)  # fmt: skip
_FILLERS = (
    "Residents lined up for water at a distribution point near the railway station.",
    "The strike left a crater several meters deep in the courtyard.",
    "Firefighters worked through the night to put out the blaze.",
    "Prices for bread and fuel have risen sharply, shopkeepers said.",
    "Many families have moved into basements and metro stations.",
    "The governor urged residents to heed air raid alerts.",
    "Western officials have promised more air defense systems.",
    "Both sides claim to have inflicted heavy losses.",
    "Volunteers delivered food and medicine to elderly residents.",
    "The claims could not be independently verified.",
    "Schools in the region have switched to online classes.",
    "The ministry did not give details of the damage.",
    "Analysts say the front line has barely moved.",
    "The exchange was mediated by the United Arab Emirates.",
    "Power engineers were working to restore electricity.",
    "The mayor called the attack an act of terror.",
    "A local hospital said it was treating several wounded.",
    "Ukraine has repeatedly asked its allies for long-range weapons.",
    "Moscow denies targeting civilians.",
    "The death toll is expected to rise, officials warned.",
    "Some of the debris fell on a kindergarten.",
    "Farmers in the area have struggled to export their grain.",
    "Ukraine's air force said it intercepted dozens of drones.",
    "The Kremlin has not commented on the report.",
    "The European Union is Ukraine's largest donor.",
    "Thousands of people remain without running water.",
    "Officials described the situation at the front as difficult but under control.",
    "The fighting has displaced millions of people.",
    "Rescue teams searched the rubble with dogs.",
    "Energy workers repaired damaged power lines under fire.",
)
# Background sentences that say what the story is about (most war stories have one).
_CONTEXT = (
    "Russia has denied targeting civilian infrastructure in Ukraine.",
    "Ukraine's Western allies have pledged further military aid.",
    "Ukrainian and Russian officials traded accusations over the attack.",
    "Moscow says its forces strike only military targets in Ukraine.",
    "Kyiv has urged its partners to tighten sanctions on Russia.",
    "Russian forces continue to press along the front line in eastern Ukraine.",
    "The Kremlin accuses Kyiv of sabotaging peace efforts.",
    "Ukraine's energy grid has been a frequent target of Russian missiles.",
)
_VAGUE_FILLERS = (
    "Attacks on the city have intensified in recent weeks.",
    "The town has been under fire for months.",
    "Similar strikes have hit the region in recent days.",
    "Tensions have risen steadily over the past year.",
    "The talks have stalled repeatedly.",
)

# Words in an event's names that mark something scheduled (so news can announce it ahead).
_SCHEDULED = frozenset(
    {"summit", "talks", "election", "referendum", "referendums", "meeting", "conference",
     "inauguration", "vote", "negotiations", "round", "visit", "call", "truce", "exercises"}
)  # fmt: skip


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _number(rng: random.Random, n: int) -> str:
    """A count as writers put it: words up to ten (AP), digits above."""
    if n <= 10 and rng.random() < 0.9:
        return _NUMBER_WORDS[n]
    return f"{n:,}" if n >= 1000 and rng.random() < 0.7 else str(n)


def _ordinal(n: int) -> str:
    if n < len(_ORDINAL_WORDS) and n <= 10:
        return _ORDINAL_WORDS[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n:,}{suffix}" if n >= 1000 else f"{n}{suffix}"


def _plural(unit: str, n: int) -> str:
    return unit if n == 1 else unit + "s"


def _month_day(rng: random.Random, day: date) -> str:
    """A year-less date: AP style ("Feb. 24", "March 3") mostly, sometimes spelled out or British."""
    roll = rng.random()
    if roll < 0.65:
        return f"{_AP_MONTHS[day.month - 1]} {day.day}"
    if roll < 0.9:
        return f"{_MONTHS[day.month - 1]} {day.day}"
    return f"{day.day} {_MONTHS[day.month - 1]}"


def _full_date(rng: random.Random, day: date) -> str:
    roll = rng.random()
    if roll < 0.6:
        return f"{_AP_MONTHS[day.month - 1]} {day.day}, {day.year}"
    if roll < 0.85:
        return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _full_months(start: date, end: date) -> int:
    """Whole calendar months from `start` to `end` (`end` >= `start`)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    while months > 0 and _add_months(start, months) > end:
        months -= 1
    return months


def _weighted(rng: random.Random, options: Sequence[tuple[T, float]]) -> T:
    total = sum(w for _, w in options)
    pick = rng.random() * total
    for value, weight in options:
        pick -= weight
        if pick < 0:
            return value
    return options[-1][0]


# --- how events are written --------------------------------------------------------------


def _with_article(name: str) -> str:
    """'the Bucha massacre', 'Minsk II', "Biden's visit to Kyiv"."""
    words = name.split()
    if "'" in words[0] or "’" in words[0] or name.lower().startswith(("the ", "a ")):
        return name
    proper = all(w[:1].isupper() or w[:1].isdigit() for w in words)
    if proper and len(words) <= 2 and not name.endswith(("Protocol", "Bridge", "summit")):
        return name
    return "the " + name


# Verbs that make some aliases clauses ("Kherson fell") rather than names to put after "the".
_CLAUSE_VERBS = frozenset(
    "freed fell liberated sworn took won died drove entered leaves declared claims halts unveils "
    "orders called shoots quit shot ousted".split()
)


def _noun_phrase(alias: str) -> bool:
    return (
        len(alias) > 3
        and not alias.startswith(("'", "‘"))
        and not _CLAUSE_VERBS & set(alias.lower().split())
    )


def _event_phrase(rng: random.Random, event: ReferenceEvent) -> str:
    """How an article names a known event: its name, an alias, sometimes with its place."""
    choices = list(event.names) + [a for a in event.aliases if _noun_phrase(a)]
    phrase = _with_article(rng.choice(choices))
    places = [p for p in event.places if p.lower() not in phrase.lower()]
    if places and rng.random() < 0.2:
        phrase += f" in {rng.choice(places)}"
    return phrase


def _cased(noun: str, event: ReferenceEvent) -> str:
    """A lower-case counting noun ("war in donbas") with its proper nouns capitalised."""
    known: dict[str, str] = {"ukraine": "Ukraine", "russian": "Russian", "russia": "Russia"}
    for text in (*event.names, *event.aliases, *event.places):
        for word in text.split():
            if word[:1].isupper():
                known.setdefault(word.lower().strip(",.'"), word.strip(",."))
    return " ".join(known.get(w, w) for w in noun.split())


def _counting_noun(rng: random.Random, event: ReferenceEvent) -> str:
    noun = _cased(rng.choice(event.counts_from), event)
    if noun.startswith(("russian ", "Russian ")) or rng.random() < 0.8:
        return "the " + noun
    return "Russia's " + noun


# --- the generator -----------------------------------------------------------------------


@attrs.define
class _Writer:
    rng: random.Random
    publication: date
    knowledge: KnowledgeBase

    # -- helpers --

    def ago(self, days: int) -> date:
        return self.publication - timedelta(days=days)

    def past_events(self, low: int, high: int) -> list[ReferenceEvent]:
        """Known events that began `low`..`high` days before publication."""
        return [
            e for e in self.knowledge.events if low <= (self.publication - e.first_day).days <= high
        ]

    def past_event(self, completed: bool = False) -> ReferenceEvent | None:
        """A known past event, recent ones more often (news reports what just happened)."""
        rng = self.rng
        band = _weighted(rng, [((0, 10), 0.4), ((11, 180), 0.3), ((0, 100_000), 0.3)])
        for low, high in (band, (0, 100_000)):
            found = [
                e
                for e in self.past_events(low, high)
                if not completed or e.last_day <= self.publication
            ]
            if found:
                return rng.choice(found)
        return None

    def counted_events(self) -> list[ReferenceEvent]:
        """Events one counts time from ("into the invasion") that began before publication."""
        return [
            e
            for e in self.knowledge.events
            if e.counts_from
            and e.first_day < self.publication
            and (e.end is None or e.end >= self.publication)
        ]

    def yearless_ok(self, day: date) -> bool:
        """Whether writers leave out the year: a day of this year (AP style), or of the last few months."""
        return day.year == self.publication.year or abs((self.publication - day).days) <= 90

    def subject(self) -> str:
        return self.rng.choice(_SUBJECTS)

    def action(self) -> str:
        return self.rng.choice(_ACTIONS)

    # -- weekdays --

    def weekday_past(self) -> _Clue:
        rng = self.rng
        reported = rng.random() < 0.5
        if reported:  # "said Saturday": the report is usually from the same day or the day before
            delta = _weighted(
                rng, list(zip(range(7), (0.45, 0.38, 0.07, 0.04, 0.03, 0.015, 0.015), strict=True))
            )
        else:  # the event itself: a little further back on average
            delta = _weighted(
                rng, list(zip(range(7), (0.25, 0.38, 0.14, 0.09, 0.06, 0.04, 0.04), strict=True))
            )
        day = self.ago(delta)
        name = _WEEKDAYS[day.weekday()]
        if reported:
            sentence = rng.choice(
                (
                    f"{_cap(self.action())}, {self.subject()} said {name}.",
                    f"{_cap(self.subject())} said {name} that {self.action()}.",
                    f"{_cap(self.subject())} told reporters on {name} that {self.action()}.",
                    f"{_cap(self.subject())} said in a statement {name}.",
                )
            )
            phrase = f"said {name}"
        else:
            phrase = rng.choice(
                (f"on {name}", f"early {name}", f"{name} night", f"late {name}", f"{name} morning")
            )
            sentence = rng.choice(
                (
                    f"{_cap(self.action())} {phrase}.",
                    f"{_cap(phrase)}, {self.action()}.",
                    f"{_cap(self.action())} {phrase}, {self.subject()} said.",
                )
            )
        return _Clue(sentence, "weekday-past", ((phrase, day),))

    def weekday_last(self) -> _Clue:
        rng = self.rng
        delta = _weighted(
            rng, list(zip(range(1, 8), (0.1, 0.2, 0.2, 0.15, 0.15, 0.1, 0.1), strict=True))
        )
        day = self.ago(delta)
        phrase = f"last {_WEEKDAYS[day.weekday()]}"
        sentence = rng.choice(
            (
                f"{_cap(self.action())} {phrase}.",
                f"{_cap(self.subject())} said {phrase} that {self.action()}.",
            )
        )
        return _Clue(sentence, "weekday-last", ((phrase, day),))

    def weekday_future(self) -> _Clue:
        rng = self.rng
        delta = _weighted(
            rng, list(zip(range(7), (0.06, 0.34, 0.2, 0.14, 0.11, 0.08, 0.07), strict=True))
        )
        day = self.publication + timedelta(days=delta)
        name = _WEEKDAYS[day.weekday()]
        when = rng.choice((name, f"on {name}"))
        if rng.random() < 0.6:
            sentence = f"{_cap(self.subject())} {rng.choice(_FUTURE_ACTIONS)} {when}."
        else:
            sentence = rng.choice(_FUTURE_FRAMES).format(when=when)
        return _Clue(sentence, "weekday-future", ((when, day),))

    # -- calendar dates --

    def yearless_past(self) -> _Clue:
        rng = self.rng
        for _ in range(10):
            band = _weighted(rng, [((1, 45), 0.6), ((46, 200), 0.3), ((201, 330), 0.1)])
            day = self.ago(rng.randint(*band))
            if self.yearless_ok(day):
                break
        else:
            day = self.ago(rng.randint(1, 45))
        text = _month_day(rng, day)
        sentence = rng.choice(
            (
                f"{_cap(self.action())} on {text}.",
                f"Since {text}, {rng.choice(('the town has been without power', 'more than 200 people have been evacuated', 'the bridge has been closed to traffic'))}.",
                f"{_cap(self.subject())} said the operation began on {text}.",
                f"In a speech on {text}, {self.subject()} called for more air defenses.",
                f"The agreement was signed on {text}.",
            )
        )
        return _Clue(sentence, "yearless-past", ((text, day),))

    def yearless_future(self) -> _Clue:
        rng = self.rng
        band = _weighted(rng, [((1, 30), 0.6), ((31, 90), 0.3), ((91, 200), 0.1)])
        day = self.publication + timedelta(days=rng.randint(*band))
        text = _month_day(rng, day)
        if rng.random() < 0.5:
            sentence = f"{_cap(self.subject())} {rng.choice(_FUTURE_ACTIONS)} on {text}."
        else:
            sentence = rng.choice(
                (
                    f"A summit on {text} is expected to discuss security guarantees.",
                    f"Leaders will meet in {rng.choice(('Vienna', 'Rome', 'Warsaw', 'Helsinki'))} on {text}.",
                    f"The new rules take effect on {text}, officials said.",
                    rng.choice(_FUTURE_FRAMES).format(when=f"on {text}"),
                )
            )
        return _Clue(sentence, "yearless-future", ((text, day),))

    def explicit_past(self) -> _Clue:
        rng = self.rng
        band = _weighted(rng, [((0, 30), 0.3), ((31, 365), 0.3), ((366, 3000), 0.4)])
        day = self.ago(rng.randint(*band))
        kind = _weighted(rng, [("full", 0.4), ("month", 0.4), ("year", 0.2)])
        if kind == "full":
            text = _full_date(rng, day)
            sentence = rng.choice(
                (
                    f"The agreement was signed on {text}.",
                    f"{_cap(self.action())} on {text}.",
                    f"{_cap(self.subject())} last visited the area on {text}.",
                )
            )
        elif kind == "month":
            text = f"{_MONTHS[day.month - 1]} {day.year}"
            sentence = rng.choice(
                (
                    f"The village has been under Russian control since {text}.",
                    f"{_cap(self.subject())} first raised the issue in {text}.",
                    f"Similar strikes hit the city in {text}.",
                )
            )
        else:
            text = str(day.year)
            sentence = rng.choice(
                (
                    f"The plant was damaged in {text} and never fully repaired.",
                    f"The current governor took office in {text}.",
                )
            )
        return _Clue(sentence, "explicit-past", ((text, day),))

    # -- known events --

    def event_past(self) -> _Clue | None:
        rng = self.rng
        event = self.past_event(completed=True)
        if event is None:
            return None
        e = _event_phrase(rng, event)
        sentence = rng.choice(
            (
                f"After {e}, {self.action()}.",
                f"{_cap(self.subject())} said {e} had changed the course of the war.",
                f"Officials compared the situation to {e}.",
                f"It was the worst such incident since {e}, {self.subject()} said.",
                f"{_cap(e)} drew international attention.",
                f"Many residents still remember {e}.",
                f"{_cap(self.subject())} spoke about {e} in an interview.",
            )
        )
        return _Clue(sentence, "event-past", ((e, event.first_day),))

    def event_future(self) -> _Clue | None:
        rng = self.rng
        horizon = self.publication + timedelta(days=90)
        found = [
            e
            for e in self.knowledge.events
            if self.publication < e.first_day <= horizon
            and any(
                w in _SCHEDULED for text in (*e.names, *e.aliases) for w in text.lower().split()
            )
        ]
        if not found:
            return None
        event = rng.choice(found)
        e = _event_phrase(rng, event)
        gap = (event.first_day - self.publication).days
        roll = rng.random()
        if roll < 0.4:
            sentence = rng.choice(
                (
                    f"{_cap(self.subject())} will attend {e}.",
                    f"Diplomats are preparing for {e}, which is expected to focus on security guarantees.",
                    f"Preparations are under way ahead of {e}.",
                )
            )
            return _Clue(sentence, "event-future", ((e, event.first_day),))
        if roll < 0.7 and gap <= 6:
            when = _WEEKDAYS[event.first_day.weekday()]
        else:
            when = _month_day(rng, event.first_day)
        sentence = rng.choice(
            (
                f"{_cap(e)} is scheduled for {when}.",
                f"{_cap(self.subject())} will attend {e} on {when}.",
            )
        )
        return _Clue(
            sentence, "event-future-dated", ((e, event.first_day), (when, event.first_day))
        )

    def event_weekday(self) -> _Clue | None:
        """A known event of the past week dated by its weekday ("talks Tuesday in Turkey")."""
        rng = self.rng
        found = self.past_events(0, 6)
        if not found:
            return None
        event = rng.choice(found)
        e = _event_phrase(rng, event)
        name = _WEEKDAYS[event.first_day.weekday()]
        sentence = rng.choice(
            (
                f"{_cap(e)} on {name} drew international attention.",
                f"{_cap(self.subject())} commented on {e}, which took place {name}.",
                f"{_cap(name)}'s news of {e} {rng.choice(('shocked', 'surprised', 'angered'))} many.",
            )
        )
        return _Clue(sentence, "event-weekday", ((e, event.first_day), (name, event.first_day)))

    def event_date(self) -> _Clue | None:
        """A known past event with its date (year-less as writers do: this year or the last few months)."""
        rng = self.rng
        event = self.past_event()
        if event is None or event.precision != "day":
            return None
        e = _event_phrase(rng, event)
        text = (
            _month_day(rng, event.first_day)
            if self.yearless_ok(event.first_day) and rng.random() < 0.8
            else _full_date(rng, event.first_day)
        )
        sentence = rng.choice(
            (
                f"{_cap(e)} on {text} {rng.choice(('made headlines around the world', 'drew international attention', 'shocked the country'))}.",
                f"Since {e} on {text}, {self.action()}.",
                f"{_cap(self.subject())} recalled {e} on {text}.",
            )
        )
        return _Clue(sentence, "event-date", ((e, event.first_day), (text, event.first_day)))

    def event_ago(self) -> _Clue | None:
        """ "began his invasion five days ago": counted from the event, sometimes from day one."""
        rng = self.rng
        found = self.past_events(1, 70)
        if not found:
            return None
        event = rng.choice(found)
        gap = (self.publication - event.first_day).days
        if gap <= 13 or rng.random() < 0.3:
            # Counting the first day as day one gives one more; a story filed the evening
            # before publication gives one less.
            n = gap + _weighted(rng, [(0, 0.65), (1, 0.2), (-1, 0.15)])
            if n < 1:
                n = gap
            amount = "a day" if n == 1 else f"{_number(rng, n)} days"
        else:
            weeks = round(gap / 7)
            if abs(gap - 7 * weeks) > 2 or weeks < 1:
                return None
            amount = "a week" if weeks == 1 else f"{_number(rng, weeks)} weeks"
        if event.counts_from and rng.random() < 0.6:
            noun = rng.choice(event.counts_from).split()[-1]
            sentence = rng.choice(
                (
                    f"Russia launched its {noun} {amount} ago.",
                    f"Putin began his {noun} {amount} ago, and {self.action()}.",
                )
            )
            e = f"its {noun}"
        else:
            e = _event_phrase(rng, event)
            sentence = rng.choice(
                (
                    f"{_cap(e)} came {amount} ago.",
                    f"{_cap(self.subject())} recalled {e} {amount} ago.",
                    f"Just {amount} ago, {e} shook the region.",
                )
            )
        return _Clue(
            sentence, "event-ago", ((e, event.first_day), (f"{amount} ago", event.first_day))
        )

    def event_offset(self) -> _Clue | None:
        """ "On Saturday, a day after <event>": a dated expression offset from a known event."""
        rng = self.rng
        k = _weighted(rng, [(1, 0.5), (2, 0.25), (3, 0.1), (7, 0.15)])
        band = _weighted(rng, [((k, k + 10), 0.4), ((k + 11, k + 180), 0.3), ((k, k + 300), 0.3)])
        found = [e for e in self.past_events(*band) if e.precision == "day"]
        if not found:
            found = [e for e in self.past_events(k, k + 300) if e.precision == "day"]
        if not found:
            return None
        event = rng.choice(found)
        day = event.first_day + timedelta(days=k)
        gap = (self.publication - day).days
        amount = {1: "a day", 7: "a week"}.get(k, f"{_number(rng, k)} days")
        if gap <= 6:
            when = _WEEKDAYS[day.weekday()]
        elif self.yearless_ok(day):
            when = _month_day(rng, day)
        else:
            when = _full_date(rng, day)
        e = _event_phrase(rng, event)
        sentence = rng.choice(
            (
                f"On {when}, {amount} after {e}, {self.action()}.",
                f"{_cap(self.action())} on {when}, {amount} after {e}.",
            )
        )
        return _Clue(sentence, "event-offset", ((e, event.first_day), (when, day)))

    # -- counts from an event --

    def count_into(self) -> _Clue | None:
        """ "more than three weeks into the invasion", "nearly four months into the war"."""
        rng = self.rng
        counted = self.counted_events()
        if not counted:
            return None
        event = rng.choice(counted)
        start, today = event.first_day, self.publication
        gap = (today - start).days
        options: list[tuple[str, int, str]] = []  # (modifier, amount, unit)
        if 1 <= gap <= 120:
            for n in {gap, gap + 1}:  # "the invasion, 23 days in": day one counted or not
                options.append(("", n, "day"))
            round_below = gap // 10 * 10
            if 10 <= round_below < gap:
                options.append(("more than ", round_below, "day"))
            round_above = -(-gap // 10) * 10
            if 0 < round_above - gap <= 4:
                options.append(("nearly ", round_above, "day"))
        if 7 <= gap <= 140:
            weeks, rest = divmod(gap, 7)
            if rest <= 2:
                options.append(("", weeks, "week"))
            if rest >= 1:
                options.append(("more than ", weeks, "week"))
            if rest >= 4:
                options.append(("nearly ", weeks + 1, "week"))
            if rest <= 1 or rest >= 6:
                options.append(("about ", round(gap / 7), "week"))
        months = _full_months(start, today)
        if 1 <= months <= 36:
            rest = (today - _add_months(start, months)).days
            if rest <= 10:
                options.append(("", months, "month"))
            if rest >= 3:
                options.append(("more than ", months, "month"))
            short = (_add_months(start, months + 1) - today).days
            if 1 <= short <= 12:
                options.append(("nearly ", months + 1, "month"))
                options.append(("almost ", months + 1, "month"))
            if rest <= 4 or short <= 4:
                options.append(("about ", months if rest <= 4 else months + 1, "month"))
        years = months // 12
        if years >= 1:
            rest = (today - _add_months(start, 12 * years)).days
            if rest <= 30:
                options.append(("", years, "year"))
            if rest >= 10:
                options.append(("more than ", years, "year"))
            short = (_add_months(start, 12 * (years + 1)) - today).days
            if 1 <= short <= 45:
                options.append(("nearly ", years + 1, "year"))
        if not options:
            return None
        modifier, n, unit = rng.choice(options)
        amount = f"{modifier}{_number(rng, n)} {_plural(unit, n)}"
        noun = _counting_noun(rng, event)
        sentence = rng.choice(
            (
                f"{_cap(amount)} into {noun}, {self.action()}.",
                f"{_cap(self.action())} {amount} into {noun}.",
                f"Now {amount} into {noun}, {self.subject()} {rng.choice(_FUTURE_ACTIONS)}.",
            )
        )
        return _Clue(sentence, "count-into", ((noun, start), (f"{amount} into", today)))

    def count_entered(self) -> _Clue | None:
        """ "as the war entered its fifth month": a unit boundary passed in the last few days."""
        rng = self.rng
        counted = self.counted_events()
        if not counted:
            return None
        event = rng.choice(counted)
        start, today = event.first_day, self.publication
        gap = (today - start).days
        options: list[tuple[int, str]] = []
        months = _full_months(start, today)
        if 1 <= months <= 24 and (today - _add_months(start, months)).days <= 6:
            options.append((months + 1, "month"))
        if months >= 12 and months % 12 == 0 and (today - _add_months(start, months)).days <= 10:
            options.append((months // 12 + 1, "year"))
        if gap >= 7 and gap % 7 <= 2 and gap // 7 <= 20:
            options.append((gap // 7 + 1, "week"))
        if gap >= 1 and (gap + 1) % 50 in (0, 1) and gap <= 1500:
            options.append((gap + 1 if (gap + 1) % 50 == 0 else gap, "day"))
        if not options:
            return None
        n, unit = rng.choice(options)
        noun = _counting_noun(rng, event)
        verb = (
            rng.choice(("entered", "entered", "has entered", "enters", "marked", "reached"))
            if unit == "day"
            else rng.choice(("entered", "has entered", "enters", "moved into"))
        )
        sentence = rng.choice(
            (
                f"As {noun} {verb} its {_ordinal(n)} {unit}, {self.action()}.",
                f"{_cap(noun)} {verb} its {_ordinal(n)} {unit}, and {self.action()}.",
            )
        )
        return _Clue(
            sentence, "count-entered", ((noun, start), (f"{verb} its {_ordinal(n)} {unit}", today))
        )

    def count_nth(self) -> _Clue | None:
        """ "on the 100th day of the war", "in the third week of the invasion"."""
        rng = self.rng
        counted = self.counted_events()
        if not counted:
            return None
        event = rng.choice(counted)
        start, today = event.first_day, self.publication
        gap = (today - start).days
        unit = _weighted(rng, [("day", 0.6), ("week", 0.15), ("month", 0.15), ("year", 0.1)])
        if unit == "day" and gap > 1100:
            unit = "year"
        if unit == "day":
            # Publication on day N (the first day is day one), or the morning after.
            n = gap + 1 if rng.random() < 0.8 or gap == 0 else gap
        elif unit == "week":
            n = gap // 7 + 1
        elif unit == "month":
            n = _full_months(start, today) + 1
        else:
            n = _full_months(start, today) // 12 + 1
        noun = _counting_noun(rng, event)
        phrase = f"the {_ordinal(n)} {unit} of {noun}"
        sentence = rng.choice(
            (
                f"{_cap(self.action())} on {phrase}."
                if unit == "day"
                else f"{_cap(self.action())} in {phrase}.",
                f"On {phrase}, {self.action()}."
                if unit == "day"
                else f"In {phrase}, {self.action()}.",
            )
        )
        return _Clue(sentence, "count-nth", ((noun, start), (phrase, today)))

    def count_mark(self) -> _Clue | None:
        """ "as the war passed the eight-month mark", "the first anniversary of the invasion"."""
        rng = self.rng
        counted = self.counted_events()
        if not counted:
            return None
        event = rng.choice(counted)
        start, today = event.first_day, self.publication
        options: list[tuple[str, int, str]] = []  # (verb, amount, unit)
        for unit, step in (("month", 1), ("year", 12)):
            for n in range(1, 13 if unit == "month" else 12):
                mark = _add_months(start, n * step)
                offset = (today - mark).days
                if 0 <= offset <= 10:
                    options.append(("passed", n, unit))
                if -10 <= offset <= -1:
                    options.append(("neared", n, unit))
                    options.append(("approached", n, unit))
                if 0 <= offset <= 1:
                    options.append(("reached", n, unit))
                    options.append(("anniversary", n, unit))
        for n in (100, 200, 300, 500, 1000):
            offset = (today - start).days - n
            if 0 <= offset <= 7:
                options.append(("passed", n, "day"))
            if -1 <= offset <= 1:
                options.append(("reached", n, "day"))
        if not options:
            return None
        verb, n, unit = rng.choice(options)
        noun = _counting_noun(rng, event)
        if verb == "anniversary":
            if unit == "year":
                phrase = f"the {_ordinal(n)} anniversary of {noun}"
            else:
                phrase = f"the {_number(rng, n).replace(',', '')}-{unit} anniversary of {noun}"
            sentence = rng.choice(
                (
                    f"{_cap(self.subject())} marked {phrase}.",
                    f"Ukrainians marked {phrase} with a minute of silence.",
                )
            )
        else:
            size = f"{n:,}" if n >= 1000 else (_NUMBER_WORDS[n] if n <= 10 else str(n))
            phrase = f"{noun} {verb} the {size}-{unit} mark"
            sentence = rng.choice(
                (f"As {phrase}, {self.action()}.", f"{_cap(self.action())} as {phrase}.")
            )
        return _Clue(sentence, "count-mark", ((noun, start), (phrase, today)))

    def count_since(self) -> _Clue | None:
        rng = self.rng
        counted = self.counted_events()
        if not counted:
            return None
        event = rng.choice(counted)
        noun = _counting_noun(rng, event)
        since = rng.choice(
            (f"since {noun} began", f"since the start of {noun}", f"since the beginning of {noun}")
        )
        sentence = rng.choice(
            (
                f"More than {rng.randint(2, 40)},000 people have been evacuated from the region {since}.",
                f"The city has been shelled almost daily {since}.",
                f"{_cap(self.subject())} said it was the largest attack {since}.",
            )
        )
        return _Clue(sentence, "count-since", ((noun, event.first_day),))


#: Each clue's style and how often it is chosen (before checking that it applies).
_STYLE_WEIGHTS: tuple[tuple[str, Callable[[_Writer], _Clue | None], float], ...] = (
    ("weekday-past", _Writer.weekday_past, 0.17),
    ("weekday-last", _Writer.weekday_last, 0.03),
    ("weekday-future", _Writer.weekday_future, 0.06),
    ("yearless-past", _Writer.yearless_past, 0.09),
    ("yearless-future", _Writer.yearless_future, 0.05),
    ("explicit-past", _Writer.explicit_past, 0.09),
    ("event-past", _Writer.event_past, 0.12),
    ("event-future", _Writer.event_future, 0.04),
    ("event-weekday", _Writer.event_weekday, 0.04),
    ("event-date", _Writer.event_date, 0.04),
    ("event-ago", _Writer.event_ago, 0.05),
    ("event-offset", _Writer.event_offset, 0.03),
    ("count-into", _Writer.count_into, 0.07),
    ("count-entered", _Writer.count_entered, 0.03),
    ("count-nth", _Writer.count_nth, 0.03),
    ("count-mark", _Writer.count_mark, 0.03),
    ("count-since", _Writer.count_since, 0.03),
)

#: Every style tag an article can carry.
STYLES: tuple[str, ...] = (
    *(name for name, _, _ in _STYLE_WEIGHTS),
    "event-future-dated",
    "no-clue",
)

_CLUE_COUNTS = ((0, 0.08), (1, 0.22), (2, 0.22), (3, 0.18), (4, 0.13), (5, 0.10), (6, 0.07))


def _resolve_knowledge(knowledge: KnowledgeBase | None) -> KnowledgeBase:
    return default_knowledge() if knowledge is None else knowledge


def generate_article(
    rng: random.Random,
    knowledge: KnowledgeBase | None = None,
    *,
    publication: date | None = None,
    clues: int | None = None,
) -> SyntheticArticle:
    """One article with a true publication day (drawn uniformly unless given) and 0..6 clues."""
    kb = _resolve_knowledge(knowledge)
    if publication is None:
        publication = FIRST_DAY + timedelta(days=rng.randint(0, (LAST_DAY - FIRST_DAY).days))
    writer = _Writer(rng, publication, kb)
    wanted = _weighted(rng, _CLUE_COUNTS) if clues is None else clues
    made: list[_Clue] = []
    for _ in range(wanted):
        for _attempt in range(12):
            build = _weighted(rng, [(fn, w) for _, fn, w in _STYLE_WEIGHTS])
            clue = build(writer)
            if clue is not None:
                made.append(clue)
                break
    sentences = [c.sentence for c in made]
    fillers = rng.sample(_FILLERS, rng.randint(1 if made else 2, 5))
    if rng.random() < 0.85:
        fillers.append(rng.choice(_CONTEXT))
    if rng.random() < 0.25:
        fillers.append(rng.choice(_VAGUE_FILLERS))
    for filler in fillers:
        sentences.insert(rng.randint(0, len(sentences)), filler)
    paragraphs: list[str] = []
    for sentence in sentences:
        if paragraphs and rng.random() < 0.6:
            paragraphs[-1] += " " + sentence
        else:
            paragraphs.append(sentence)
    text = "\n\n".join(paragraphs)
    if rng.random() < 0.5:
        text = rng.choice(_DATELINES) + text
    styles = tuple(dict.fromkeys(c.style for c in made)) or ("no-clue",)
    events = tuple(pair for c in made for pair in c.events)
    return SyntheticArticle(text, publication, events, styles)


def articles(
    seed: int, n: int, knowledge: KnowledgeBase | None = None
) -> Iterator[SyntheticArticle]:
    """`n` articles from a seeded generator (the same seed gives the same articles)."""
    rng = random.Random(seed)
    kb = _resolve_knowledge(knowledge)
    for _ in range(n):
        yield generate_article(rng, kb)


def article_strategy(knowledge: KnowledgeBase | None = None) -> SearchStrategy[SyntheticArticle]:
    """A hypothesis strategy of generated articles (hypothesis is needed only here)."""
    from hypothesis import strategies as st

    kb = _resolve_knowledge(knowledge)
    return st.randoms(use_true_random=False).map(lambda rng: generate_article(rng, kb))
