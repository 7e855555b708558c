"""Learn reference events from the corpus itself.

One article's "invaded Ukraine on Feb. 24" and another's "invasion of Ukraine
in February 2022" together give the invasion day, even without a knowledge
base. Each explicit (possibly partial) date written next to an event noun is
a set of possible days for that event; the sets of all documents are
intersected, and tight results become reference events.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from timeline.document import Document
from timeline.knowledge import KnowledgeBase, ReferenceEvent
from timeline.meaning import CalendarDate
from timeline.mention import Mention
from timeline.tagger.clause import clause_bounds

if TYPE_CHECKING:
    from timeline.publication import PublicationContext

__all__ = ["learn_anchors"]

#: Years a year-less date may fall in when nothing else says.
_YEARS = range(1990, 2036)
_WORD = re.compile(r"[a-z][a-z-]+")
_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")


def _settings() -> dict:
    from timeline.publication import _settings as publication_settings

    return publication_settings()


def _possible_days(meaning: CalendarDate) -> set[int] | None:
    """Every day a partial date can denote, as ordinals (None if too vague)."""
    if meaning.month is None or meaning.year_offset is not None or meaning.direction is not None:
        return None
    years = [meaning.year] if meaning.year is not None else list(_YEARS)
    days: set[int] = set()
    for year in years:
        if meaning.day is not None:
            try:
                days.add(date(year, meaning.month, meaning.day).toordinal())
            except ValueError:
                continue
        elif meaning.year is not None:
            first = date(year, meaning.month, 1)
            following = date(year + (meaning.month == 12), meaning.month % 12 + 1, 1)
            days.update(range(first.toordinal(), following.toordinal()))
    return days or None


def _clause(text: str, mention: Mention) -> str:
    lo, hi = clause_bounds(text, mention.start, mention.end, reach=90)
    return text[lo:hi]


def _event_nouns(clause: str) -> set[str]:
    verbs = _settings()["event_verbs"]
    return {verbs[w] for w in _WORD.findall(clause.lower()) if w in verbs}


def _names(clause: str) -> set[str]:
    """Capitalised words after the clause's first word: the places and actors named with the event."""
    return set(_NAME.findall(clause)[1:]) if clause[:1].isupper() else set(_NAME.findall(clause))


def learn_anchors(
    documents: Sequence[Document],
    mentions: Mapping[str, Sequence[Mention]],
    contexts: Mapping[str, PublicationContext] | None = None,
) -> KnowledgeBase:
    """Reference events the documents agree on, as a knowledge base."""
    candidates: dict[str, list[tuple[set[int], str]]] = {}
    names: dict[str, Counter[str]] = {}
    for document in documents:
        for mention in mentions.get(document.id, ()):
            if not isinstance(mention.meaning, CalendarDate):
                continue
            days = _possible_days(mention.meaning)
            if days is None:
                continue
            clause = _clause(document.text, mention)
            for noun in _event_nouns(clause):
                candidates.setdefault(noun, []).append((days, document.id))
                names.setdefault(noun, Counter()).update(_names(clause))
    events = [
        event for noun, sets in candidates.items() if (event := _agreed_event(noun, sets, names[noun])) is not None
    ]
    return KnowledgeBase(tuple(events), name="corpus")


def _agreed_event(noun: str, sets: list[tuple[set[int], str]], names: Counter[str]) -> ReferenceEvent | None:
    votes: Counter[int] = Counter()
    for days, _ in sets:
        votes.update(days)
    if not votes:
        return None
    top = max(votes.values())
    best = sorted(day for day, count in votes.items() if count == top)
    if len(best) > 31 or (top < 2 and len(best) > 1) or best[-1] - best[0] > 31:
        return None
    first, last = date.fromordinal(best[0]), date.fromordinal(best[-1])
    sources = sorted({doc for days, doc in sets if best[0] in days})
    synonyms = tuple(_settings().get("event_synonyms", {}).get(noun, ()))
    verbs = tuple(word for word, named in _settings()["event_verbs"].items() if named == noun and word != noun)
    return ReferenceEvent(
        id=f"corpus-{noun}",
        date=first,
        end=last if last > first else None,
        precision="day",
        names=(noun,),
        aliases=(f"the {noun}",),
        keywords=(noun, *verbs),
        places=tuple(name for name, _ in names.most_common(4)),
        counts_from=(noun, *synonyms),
        salience=0.9 if top >= 2 else 0.6,
        source="corpus: " + ", ".join(sources),
    )


