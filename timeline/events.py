"""Find the events that time expressions date, and merge them across documents.

An event is the clause a temporal expression dates, told in a document.
Reporting verbs date the report, not the event reported: in "the ministry
said Friday that troops had entered Mariupol" the event is the entry, which
happened on or shortly before Friday. The same event told by several
documents becomes one entry whose time is the intersection of its mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import timedelta

import attrs

from timeline.document import Document
from timeline.meaning import CalendarSpan, Duration, Recurrence, Reference
from timeline.mention import Mention
from timeline.sentences import sentence_of, split_sentences
from timeline.uncertain import Granularity, UncertainTime

__all__ = ["Event", "EventMention", "extract_events", "merge_events"]


@attrs.frozen
class EventMention:
    """Where an event is told: document, sentence number (from 1), character span of the sentence."""

    document: str
    sentence: int
    start: int
    end: int
    text: str
    timex: Mention
    reported: bool = False

    def as_dict(self) -> dict[str, object]:
        return {"document": self.document, "sentence": self.sentence, "start": self.start, "end": self.end}


@attrs.frozen
class Event:
    """One real-world event on the timeline, with every place it is told."""

    id: str
    text: str
    time: UncertainTime
    mentions: tuple[EventMention, ...]

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.document for m in self.mentions))

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "text": self.text,
            "time": {
                "most_likely": self.time.most_likely.isoformat(),
                "earliest": self.time.earliest.isoformat(),
                "latest": self.time.latest.isoformat(),
                "edtf": self.time.edtf(),
                "granularity": self.time.granularity.value,
            },
            "mentions": [m.as_dict() for m in self.mentions],
        }


_REPORTING = re.compile(
    r"\b(?:said|says|told|announced|reported|wrote|added|stated|confirmed|tweeted|claimed|warned)"
    r"(?:\s{1,3}(?:on|in|late|early))?\s{1,3}$",
    re.IGNORECASE,
)
_THAT = re.compile(r"\b(?:said|says|told \w+|announced|reported|confirmed|claimed|warned)\b[^.]{0,40}?\bthat\s", re.IGNORECASE)
_QUOTE = re.compile(r"[“\"]([^”\"]{12,400})[”\"]")
_LEADING = re.compile(r"^(?:\W|but|and|so|yet|meanwhile|still|also|however|earlier|later|then)+\s*", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]+")
_STOP = frozenset(
    "the a an of to in on at by for from with and or but that this these those is are was were be been has have had "
    "said says told its it his her their they he she we as after before during into over than more about also would will "
    "not no there which who what when while".split()
)
#: Reported events happened on the report day or shortly before it.
_REPORTED_LAG = (0.55, 0.25, 0.12, 0.08)


def _datable(mention: Mention) -> bool:
    """Expressions that date something: dates and times, not durations, sets or "now"."""
    if mention.kind not in ("DATE", "TIME") or mention.time is None:
        return False
    if isinstance(mention.meaning, Reference | Duration | Recurrence):
        return False
    if isinstance(mention.meaning, CalendarSpan) and mention.time.width > 3700:
        return False
    return mention.time.granularity not in (Granularity.UNKNOWN, Granularity.CENTURY)


def _clean(text: str) -> str:
    text = " ".join(text.split())
    text = _LEADING.sub("", text).strip(" ,;:–—-")
    if len(text) > 220:
        text = text[:217].rsplit(" ", 1)[0] + "…"
    return text[:1].upper() + text[1:]


_CLAUSE_BREAK = re.compile(r";|\s[—–]\s|,\s(?:and|but|while|whereas|although|though)\s|\s(?:while|whereas)\s")
#: A clause shorter than this is not a readable event on its own: keep the sentence.
_MIN_CLAUSE = 40


def _clause(text: str, sentence: tuple[int, int], mention: Mention) -> tuple[int, int]:
    """The clause of the sentence that holds the mention ("X in 2008, and Y in 2022")."""
    lo, hi = sentence
    start, end = lo, hi
    for cut in _CLAUSE_BREAK.finditer(text, lo, hi):
        if cut.end() <= mention.start:
            start = cut.end()
        elif cut.start() >= mention.end:
            end = cut.start()
            break
    if end - start < _MIN_CLAUSE:
        return lo, hi
    return start, end


def _event_text(document: Document, sentence: tuple[int, int], mention: Mention) -> tuple[str, bool]:
    """The clause the mention dates, and whether it was reported (said X that ...)."""
    lo, hi = sentence
    text = document.text
    before = text[lo : mention.start]
    reported = bool(_REPORTING.search(before))
    if reported:
        that = _THAT.search(text, mention.start - 30 if mention.start - 30 > lo else lo, hi)
        if that is not None:
            return _clean(text[that.end() : hi]), True
        quote = _QUOTE.search(text, lo, hi)
        if quote is not None:
            return _clean(quote.group(1)), True
    start, end = _clause(text, sentence, mention)
    return _clean(text[start:end]), reported


def _reported_time(time: UncertainTime) -> UncertainTime:
    """A reported event: on the report day or in the days before it."""
    weights: dict = {}
    for day, p in time.distribution().items():
        for lag, share in enumerate(_REPORTED_LAG):
            moved = day - timedelta(days=lag)
            weights[moved] = weights.get(moved, 0.0) + p * share
    return UncertainTime.from_distribution(weights, time.granularity)


def extract_events(document: Document, mentions: Sequence[Mention]) -> list[Event]:
    """One event per dating expression of an anchored document.

    In a sentence with both a report date ("said Saturday") and an event date
    ("[on Friday]"), the event date wins: the report adds no event of its own.
    """
    sentences = split_sentences(document.text)
    candidates: dict[int, list[EventMention]] = {}
    for mention in mentions:
        if not _datable(mention):
            continue
        number, span = sentence_of(sentences, mention.start)
        text, reported = _event_text(document, span, mention)
        if len(text) >= 8:
            told = EventMention(document.id, number + 1, span[0], span[1], text, mention, reported)
            candidates.setdefault(number, []).append(told)
    events: list[Event] = []
    for told_in_sentence in candidates.values():
        direct = [t for t in told_in_sentence if not t.reported]
        for told in direct or told_in_sentence:
            time = told.timex.time
            assert time is not None
            if told.reported and time.width <= 7:
                time = _reported_time(time)
            events.append(Event(f"{document.id}#{len(events)}", told.text, time, (told,)))
    return events


def _content(text: str) -> frozenset[str]:
    return frozenset(w.lower().replace("’", "'") for w in _WORD.findall(text) if w.lower() not in _STOP)


def _same_event(a: Event, b: Event) -> bool:
    if set(a.documents) & set(b.documents):
        return False
    if a.time.latest < b.time.earliest or b.time.latest < a.time.earliest:
        return False
    words_a, words_b = _content(a.text), _content(b.text)
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / len(words_a | words_b) >= 0.35


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Merge the same event told by several documents; order by time."""
    merged: list[Event] = []
    for event in sorted(events, key=lambda e: (e.time.earliest, e.time.latest)):
        for index, kept in enumerate(merged):
            if kept.time.earliest > event.time.latest:
                break
            if _same_event(kept, event):
                time = kept.time.intersect(event.time) or kept.time
                merged[index] = attrs.evolve(kept, time=time, mentions=kept.mentions + event.mentions)
                break
        else:
            merged.append(event)
    ordered = sorted(merged, key=lambda e: (e.time.most_likely, e.time.earliest, e.time.latest, e.id))
    return [attrs.evolve(e, id=f"e{n + 1}") for n, e in enumerate(ordered)]

