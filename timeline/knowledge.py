"""A knowledge base of dated reference events ("the invasion", "the fall of Bakhmut").

Undated articles date themselves through clues such as "three weeks into the
invasion" or "a day after troops withdrew from Severodonetsk". Resolving those
clues needs a list of events with known days; this module holds that list,
finds the events a phrase refers to, and loads user files in the same format.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
import importlib.resources
import json
import math
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from timeline.errors import InputError

__all__ = [
    "PRECISIONS",
    "KnowledgeBase",
    "ReferenceEvent",
    "default_knowledge",
    "load_knowledge",
    "normalise_tokens",
]

PRECISIONS = ("day", "month", "year")

_DEFAULT_RESOURCE = "data/knowledge/russia_ukraine_war.json"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

# Function words carry no meaning of their own: phrases are compared without them.
_STOPWORDS = frozenset(
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "and", "or",
        "with", "into", "onto", "over", "near", "its", "it", "his", "her", "their",
        "this", "that", "these", "those",
    }
)  # fmt: skip
_QUOTE_FOLDS = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "“": '"', "”": '"', "–": "-", "—": "-"}
)
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")

# Scoring: a name or alias written out is strong evidence, scattered clue words weaker.
_ALIAS_FACTOR = 0.9
_CLUE_CEILING = 0.6
_UNPLACED_FACTOR = 0.7  # two keywords without a place are weaker than keyword + place
_CORROBORATION = 0.25


def normalise_tokens(text: str) -> tuple[str, ...]:
    """Lowercase word tokens without accents, possessives or punctuation.

    "Russia’s full-scale invasion" -> ("russia", "full", "scale", "invasion");
    "1,000 days" -> ("1000", "days"); "Bürgenstock" -> ("burgenstock",).
    """
    folded = text.translate(_QUOTE_FOLDS)
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = _THOUSANDS.sub("", folded.lower())
    return tuple(_strip_possessive(word) for word in _WORD.findall(folded))


def _strip_possessive(word: str) -> str:
    if word.endswith("'s"):
        word = word[:-2]
    return word.replace("'", "")


def _content_tokens(text: str) -> tuple[str, ...]:
    """The tokens of `text` that carry meaning (function words dropped)."""
    return tuple(token for token in normalise_tokens(text) if token not in _STOPWORDS)


def _last_day_of(day: dt.date, precision: str) -> dt.date:
    if precision == "year":
        return dt.date(day.year, 12, 31)
    if precision == "month":
        return dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    return day


def _check_end(instance: ReferenceEvent, _attribute: attrs.Attribute, end: dt.date | None) -> None:
    if end is not None and end < instance.date:
        raise ValueError(f"end {end} is before date {instance.date}")


def _check_precision(instance: ReferenceEvent, _attribute: attrs.Attribute, precision: str) -> None:
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, not {precision!r}")
    if precision == "month" and instance.date.day != 1:
        raise ValueError("an event of month precision must be dated on the 1st of its month")
    if precision == "year" and (instance.date.month, instance.date.day) != (1, 1):
        raise ValueError("an event of year precision must be dated on 1 January")


def _check_salience(
    _instance: ReferenceEvent, _attribute: attrs.Attribute, salience: float
) -> None:
    if not 0.0 < salience <= 1.0:
        raise ValueError(f"salience must lie in (0, 1], not {salience}")


def _check_id(_instance: ReferenceEvent, _attribute: attrs.Attribute, event_id: str) -> None:
    if not event_id or any(ch.isspace() for ch in event_id):
        raise ValueError(f"id must be a non-empty string without spaces, not {event_id!r}")


def _check_names(_instance: ReferenceEvent, _attribute: attrs.Attribute, names: tuple) -> None:
    if not any(_content_tokens(name) for name in names):
        raise ValueError("an event needs at least one name")


def _strings(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen
class ReferenceEvent:
    """A dated event that news text refers to by name ("the Wagner mutiny").

    `date` is the first day (the 1st of the month or year for coarser
    `precision`), `end` the last day of a multi-day event; `counts_from`
    holds the nouns by which writers count time from it ("N weeks into the invasion").
    """

    id: str = attrs.field(validator=_check_id)
    date: dt.date
    end: dt.date | None = attrs.field(default=None, validator=_check_end)
    precision: str = attrs.field(default="day", validator=_check_precision)
    names: tuple[str, ...] = attrs.field(default=(), converter=_strings, validator=_check_names)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    keywords: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    places: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    counts_from: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    salience: float = attrs.field(default=0.5, converter=float, validator=_check_salience)
    source: str | None = None

    @property
    def first_day(self) -> dt.date:
        """The earliest day the event may have started."""
        return self.date

    @property
    def last_day(self) -> dt.date:
        """The latest day the event may have lasted to (`end`, or the end of its month/year)."""
        return max(self.end or self.date, _last_day_of(self.date, self.precision))


class _Kind(enum.Enum):
    """What a term of an event is: names and aliases are strong, keywords and places clues."""

    NAME = "name"
    ALIAS = "alias"
    KEYWORD = "keyword"
    PLACE = "place"


@attrs.frozen
class _Term:
    """One phrase of one event, as content tokens."""

    tokens: tuple[str, ...]
    event: int
    kind: _Kind


def _terms_of(event: ReferenceEvent, number: int) -> Iterator[_Term]:
    # A counting noun of two words or more names the event too ("the invasion of
    # Crimea"); one word ("war") is too common to be a name.
    counted = tuple(text for text in event.counts_from if len(_content_tokens(text)) >= 2)
    for kind, texts in (
        (_Kind.NAME, event.names),
        (_Kind.ALIAS, event.aliases + counted),
        (_Kind.KEYWORD, event.keywords),
        (_Kind.PLACE, event.places),
    ):
        for tokens in dict.fromkeys(_content_tokens(text) for text in texts):
            if tokens:
                yield _Term(tokens, number, kind)


def _phrase_strength(phrase: tuple[str, ...]) -> float:
    """Longer names are more specific: 1 word 0.70, 2 words 0.85, 3 or more 1.0."""
    return min(1.0, 0.55 + 0.15 * len(phrase))


@attrs.define
class _Evidence:
    """What one text says about one event: the best name found and the clue terms."""

    named: float = 0.0
    keywords: set[tuple[str, ...]] = attrs.Factory(set)
    places: set[tuple[str, ...]] = attrs.Factory(set)

    def add(self, term: _Term) -> None:
        if term.kind is _Kind.NAME:
            self.named = max(self.named, _phrase_strength(term.tokens))
        elif term.kind is _Kind.ALIAS:
            self.named = max(self.named, _ALIAS_FACTOR * _phrase_strength(term.tokens))
        elif term.kind is _Kind.KEYWORD:
            self.keywords.add(term.tokens)
        else:
            self.places.add(term.tokens)

    def strength(self, clue_weights: Mapping[tuple[str, ...], float]) -> float:
        """In [0, 1]: a name found counts most, clues (a keyword and a place, or two keywords) less."""
        clues = 0.0
        if self.keywords and (self.places or len(self.keywords) >= 2):
            weight = sum(clue_weights[term] for term in self.keywords | self.places)
            ceiling = _CLUE_CEILING if self.places else _CLUE_CEILING * _UNPLACED_FACTOR
            clues = ceiling * (1.0 - math.exp(-weight))
        strong, weak = max(self.named, clues), min(self.named, clues)
        return min(1.0, strong + _CORROBORATION * weak)


@attrs.frozen
class _Index:
    """Terms by their first token (so a text is scanned once), clue weights, counting nouns."""

    terms_by_first_token: Mapping[str, tuple[_Term, ...]]
    clue_weights: Mapping[tuple[str, ...], float]
    counting: Mapping[tuple[str, ...], tuple[ReferenceEvent, ...]]

    @classmethod
    def build(cls, events: tuple[ReferenceEvent, ...]) -> _Index:
        by_first: dict[str, list[_Term]] = {}
        clue_counts: dict[tuple[str, ...], int] = {}
        for number, event in enumerate(events):
            for term in _terms_of(event, number):
                by_first.setdefault(term.tokens[0], []).append(term)
                if term.kind in (_Kind.KEYWORD, _Kind.PLACE):
                    clue_counts[term.tokens] = clue_counts.get(term.tokens, 0) + 1
        return cls(
            terms_by_first_token={token: tuple(terms) for token, terms in by_first.items()},
            # A clue shared by many events ("missile", "Kyiv") says less than a rare one.
            clue_weights={term: 1.0 / math.sqrt(n) for term, n in clue_counts.items()},
            counting=_counting_index(events),
        )

    def evidence(self, tokens: tuple[str, ...]) -> dict[int, _Evidence]:
        """Every event any term of which occurs in `tokens`, with what was found.

        A name found inside a longer name of another event does not count:
        "the invasion of Crimea" names the seizure of Crimea, not "the invasion".
        """
        hits: list[tuple[int, int, _Term]] = []
        for start, token in enumerate(tokens):
            for term in self.terms_by_first_token.get(token, ()):
                end = start + len(term.tokens)
                if tokens[start:end] == term.tokens:
                    hits.append((start, end, term))
        names = [(s, e, t.event) for s, e, t in hits if t.kind in (_Kind.NAME, _Kind.ALIAS)]
        found: dict[int, _Evidence] = {}
        for start, end, term in hits:
            if term.kind in (_Kind.NAME, _Kind.ALIAS) and any(
                s <= start and end <= e and e - s > end - start and event != term.event
                for s, e, event in names
            ):
                continue
            found.setdefault(term.event, _Evidence()).add(term)
        return found


def _counting_index(
    events: tuple[ReferenceEvent, ...],
) -> dict[tuple[str, ...], tuple[ReferenceEvent, ...]]:
    grouped: dict[tuple[str, ...], list[ReferenceEvent]] = {}
    for event in events:
        for noun in dict.fromkeys(_content_tokens(noun) for noun in event.counts_from):
            if noun:
                grouped.setdefault(noun, []).append(event)
    return {noun: tuple(_by_salience(found)) for noun, found in grouped.items()}


def _by_salience(events: Sequence[ReferenceEvent]) -> list[ReferenceEvent]:
    return sorted(events, key=lambda event: (-event.salience, event.date, event.id))


def _spans_longest_first(tokens: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """Every contiguous span, longest first, rightmost (the head noun) first among equals."""
    for width in range(len(tokens), 0, -1):
        for start in range(len(tokens) - width, -1, -1):
            yield tokens[start : start + width]


def _event_tuple(events: Iterable[ReferenceEvent]) -> tuple[ReferenceEvent, ...]:
    return tuple(events)


def _unique_ids(_instance: KnowledgeBase, _attribute: attrs.Attribute, events: tuple) -> None:
    seen: set[str] = set()
    for event in events:
        if event.id in seen:
            raise ValueError(f"duplicate event id {event.id!r}")
        seen.add(event.id)


@attrs.frozen
class KnowledgeBase:
    """A named set of reference events, indexed for matching free-text phrases."""

    events: tuple[ReferenceEvent, ...] = attrs.field(converter=_event_tuple, validator=_unique_ids)
    name: str = ""
    _index: _Index = attrs.field(init=False, repr=False, eq=False)
    _by_id: Mapping[str, ReferenceEvent] = attrs.field(init=False, repr=False, eq=False)
    _domain: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    _generic: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    #: The domain names as `_PROPER_WORD` finds them, in one regex ("Kyiv|Ukraine|..."): None without names.
    _domain_words: re.Pattern[str] | None = attrs.field(init=False, repr=False, eq=False)
    #: The bases this one was merged from: each judges its own domain.
    parts: tuple[KnowledgeBase, ...] = attrs.field(default=(), repr=False, eq=False, kw_only=True)

    @_index.default
    def _build_index(self) -> _Index:
        return _Index.build(self.events)

    @_by_id.default
    def _build_by_id(self) -> Mapping[str, ReferenceEvent]:
        return {event.id: event for event in self.events}

    @_domain.default
    def _build_domain(self) -> frozenset[str]:
        return _domain_names(self.events)

    @_domain_words.default
    def _build_domain_words(self) -> re.Pattern[str] | None:
        if not self._domain:
            return None
        names = "|".join(sorted((re.escape(name.capitalize()) for name in self._domain), key=len, reverse=True))
        return re.compile(_PROPER_WORD_BOUNDS.format(word=names))

    @_generic.default
    def _build_generic(self) -> frozenset[str]:
        """Name stems of the base's main participants ("Russia", "Ukraine"): they qualify nothing."""
        counts: Counter[str] = Counter()
        for event in self.events:
            counts.update(_name_stems(event))
        return frozenset(stem for stem, n in counts.items() if n >= max(3, len(self.events) // 5))

    @property
    def domain(self) -> frozenset[str]:
        """The proper names this base is about (lowercase): those recurring across its events."""
        return self._domain

    def covers(self, text: str) -> bool:
        """Whether a document is about what this base knows: it names two of its recurring names.

        A chronology of one war says nothing about unrelated news, where its
        "the invasion" would be some other invasion. A base without recurring
        proper names (anchors learned from a corpus) covers every text.
        """
        if self._domain_words is None:
            return True
        seen: set[str] = set()
        for found in self._domain_words.finditer(text, 0, 20000):
            seen.add(found.group())
            if len(seen) >= 2:
                return True
        return False

    @classmethod
    def empty(cls) -> KnowledgeBase:
        """A knowledge base without events: switches event-anchored dating off."""
        return cls(events=(), name="empty")

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[ReferenceEvent]:
        return iter(self.events)

    def get(self, event_id: str) -> ReferenceEvent | None:
        """The event with this id, or None."""
        return self._by_id.get(event_id)

    def span(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day covered by any event (None when empty)."""
        if not self.events:
            return None
        return (
            min(event.first_day for event in self.events),
            max(event.last_day for event in self.events),
        )

    def merged(self, other: KnowledgeBase) -> KnowledgeBase:
        """Both sets of events; where ids collide, `other`'s event wins."""
        combined = dict(self._by_id)
        combined.update((event.id, event) for event in other.events)
        name = "+".join(part for part in (self.name, other.name) if part)
        parts = (*(self.parts or (self,)), *(other.parts or (other,)))
        return KnowledgeBase(events=tuple(combined.values()), name=name, parts=parts)

    def relevant_to(self, text: str) -> KnowledgeBase | None:
        """This base restricted to the parts whose domain the text is about (None: no part).

        A user's flood events merged with the war chronology still apply to a
        flood report; the chronology does not.
        """
        parts = self.parts or (self,)
        kept = tuple(part for part in parts if part.covers(text))
        if len(kept) == len(parts):
            return self
        if not kept:
            return None
        merged = kept[0]
        for part in kept[1:]:
            merged = merged.merged(part)
        return merged

    def match(self, phrase: str, limit: int = 5) -> list[tuple[ReferenceEvent, float]]:
        """Events that `phrase` (a noun phrase or a whole clause) probably refers to.

        Scores lie in (0, 1], best first; text that names no known event gives [].
        """
        tokens = tuple(t for t in normalise_tokens(phrase) if t not in _STOPWORDS)
        if not tokens or limit <= 0:
            return []
        scored: list[tuple[ReferenceEvent, float]] = []
        for number, evidence in self._index.evidence(tokens).items():
            strength = evidence.strength(self._index.clue_weights)
            if strength > 0.0:
                event = self.events[number]
                scored.append((event, strength * (0.5 + 0.5 * event.salience)))
        scored.sort(key=lambda pair: (-pair[1], -pair[0].salience, pair[0].date, pair[0].id))
        return scored[:limit]

    def counting_events(self, noun: str) -> list[ReferenceEvent]:
        """Events from which "N weeks into <noun>" counts ("the invasion", "the war"), most salient first.

        A proper name this base does not know in the phrase ("Iraq's invasion",
        "World War") means another event: nothing is returned.
        """
        names = {w.lower()[:5] for w in _PROPER_WORD.findall(noun)} - _FUNCTION_STEMS
        if self._domain and not names <= {name[:5] for name in self._domain}:
            return []
        specific = names - self._generic if self._domain else set()  # a base without names cannot check them
        for span in _spans_longest_first(_content_tokens(noun)):
            found = self._index.counting.get(span)
            if found:
                return _about(list(found), specific) or _about([e for e, _ in self.match(noun)], specific)
        return []


#: Capitalised in names ("White House", "Black Sea") but common words: no evidence of a domain.
_COMMON_IN_NAMES = frozenset("black white red house palace sea river new north south east west great".split())
#: Capitalised only at the start of a sentence ("As the invasion entered...").
_FUNCTION_WORDS = frozenset("as the a an its this that his her their our since after before when while but and".split())
_FUNCTION_STEMS = frozenset(word[:5] for word in _FUNCTION_WORDS)
#: A capitalised word standing alone (possessive allowed): what `_PROPER_WORD` and a base's domain regex share.
_PROPER_WORD_BOUNDS = r"(?<![\w’'])({word})(?=[’']s\b|[^\w’']|$)"
_PROPER_WORD = re.compile(_PROPER_WORD_BOUNDS.format(word="[A-Z][a-z]+"))


def _name_stems(event: ReferenceEvent) -> set[str]:
    """Five-letter stems of the proper names in an event's names, aliases and places."""
    phrases = (*event.names, *event.aliases, *event.places)
    return {w.lower()[:5] for phrase in phrases for w in _PROPER_WORD.findall(phrase)}


def _about(events: list[ReferenceEvent], stems: set[str]) -> list[ReferenceEvent]:
    """The events whose names or places cover every given name stem ("of Crimea").

    Stems let "Russia's invasion" match the "Russian invasion" and "Donbass" "Donbas".
    """
    if not stems:
        return events
    return [event for event in events if stems <= _name_stems(event)]


#: Fewer events than this (a user's own short list) define no domain.
_MIN_EVENTS_FOR_DOMAIN = 40


def _domain_names(events: tuple[ReferenceEvent, ...]) -> frozenset[str]:
    counts: Counter[str] = Counter()
    for event in events:
        phrases = (*event.names, *event.aliases, *event.places)
        counts.update({w.lower() for phrase in phrases for w in _PROPER_WORD.findall(phrase)})
    if len(events) < _MIN_EVENTS_FOR_DOMAIN:
        return frozenset()  # a handful of events defines no domain: they apply everywhere
    threshold = max(3, len(events) // 40)
    return frozenset(name for name, n in counts.items() if n >= threshold) - _COMMON_IN_NAMES


# --- loading -------------------------------------------------------------------------

_EVENT_FIELDS = frozenset(attrs.fields_dict(ReferenceEvent))
_LIST_FIELDS = ("names", "aliases", "keywords", "places", "counts_from")


def load_knowledge(path: str | os.PathLike[str]) -> KnowledgeBase:
    """Read a knowledge-base JSON file; malformed content raises InputError naming the spot."""
    origin = os.fspath(path)
    try:
        with open(origin, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as error:
        raise InputError(
            f"{origin}: cannot read knowledge file: {error.strerror or error}"
        ) from error
    except UnicodeDecodeError as error:
        raise InputError(f"{origin}: knowledge file is not UTF-8 text") from error
    return _parse_knowledge(text, origin)


@functools.lru_cache(maxsize=1)
def default_knowledge() -> KnowledgeBase:
    """The shipped chronology of Russia's war against Ukraine (2013-2025), loaded once."""
    resource = importlib.resources.files("timeline").joinpath(_DEFAULT_RESOURCE)
    return _parse_knowledge(resource.read_text(encoding="utf-8"), f"timeline/{_DEFAULT_RESOURCE}")


def _parse_knowledge(text: str, origin: str) -> KnowledgeBase:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{origin}: invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from error
    if not isinstance(document, dict):
        raise InputError(f"{origin}: expected a JSON object with an 'events' list")
    raw_events = document.get("events")
    if not isinstance(raw_events, list):
        raise InputError(f"{origin}: 'events' must be a list of event objects")
    name = document.get("name", "")
    if not isinstance(name, str):
        raise InputError(f"{origin}: 'name' must be a string")
    events: list[ReferenceEvent] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(raw_events):
        event = _parse_event(raw, _Location(origin, number))
        if event.id in seen:
            raise InputError(
                f"{origin}: event #{number} ({event.id!r}): duplicate id, first used by event #{seen[event.id]}"
            )
        seen[event.id] = number
        events.append(event)
    return KnowledgeBase(events=tuple(events), name=name)


@attrs.frozen
class _Location:
    """Where in a knowledge file an event stands, for error messages."""

    origin: str
    number: int
    event_id: str | None = None

    def error(self, message: str) -> InputError:
        label = f"event #{self.number}" + (f" ({self.event_id!r})" if self.event_id else "")
        return InputError(f"{self.origin}: {label}: {message}")


def _parse_event(raw: object, where: _Location) -> ReferenceEvent:
    if not isinstance(raw, dict):
        raise where.error("expected a JSON object")
    event_id = raw.get("id")
    if not isinstance(event_id, str) or not event_id:
        raise where.error("'id' must be a non-empty string")
    where = attrs.evolve(where, event_id=event_id)
    unknown = sorted(set(raw) - _EVENT_FIELDS)
    if unknown:
        raise where.error(
            f"unknown field(s) {', '.join(map(repr, unknown))}; allowed: {', '.join(sorted(_EVENT_FIELDS))}"
        )
    if "date" not in raw:
        raise where.error("'date' is missing")
    if not raw.get("names"):
        raise where.error("'names' is missing or empty")
    fields: dict[str, Any] = {
        "id": event_id,
        "date": _parse_day(raw["date"], "date", where),
        "end": None if raw.get("end") is None else _parse_day(raw["end"], "end", where),
        "precision": _parse_string(raw.get("precision", "day"), "precision", where),
        "salience": _parse_salience(raw.get("salience", 0.5), where),
        "source": None
        if raw.get("source") is None
        else _parse_string(raw["source"], "source", where),
    }
    for field in _LIST_FIELDS:
        fields[field] = _parse_string_list(raw.get(field, []), field, where)
    try:
        return ReferenceEvent(**fields)
    except ValueError as error:
        raise where.error(str(error)) from error


def _parse_day(value: object, field: str, where: _Location) -> dt.date:
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        raise where.error(f"'{field}' must be an ISO date string YYYY-MM-DD, not {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise where.error(f"'{field}' {value!r} is not a calendar date ({error})") from error


def _parse_string(value: object, field: str, where: _Location) -> str:
    if not isinstance(value, str):
        raise where.error(f"'{field}' must be a string, not {type(value).__name__}")
    return value


def _parse_string_list(value: object, field: str, where: _Location) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise where.error(f"'{field}' must be a list of strings")
    return tuple(value)


def _parse_salience(value: object, where: _Location) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise where.error(f"'salience' must be a number in (0, 1], not {value!r}")
    return float(value)
