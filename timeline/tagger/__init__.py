"""Find temporal expressions in one fast pass and parse their unanchored meaning.

`scan(text)` returns mentions with meanings only; `tag(text, reference)`
also anchors them (TIMEX3 value and calendar interval). The language knowledge
lives in `timeline/data/grammar/`; this package is the small engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from timeline.errors import InputError
from timeline.meaning import (
    CalendarDate,
    CalendarSpan,
    ClockTime,
    EventAnchored,
    Meaning,
    PartOfDay,
    Tense,
    WeekdayRef,
    WeekendRef,
)
from timeline.mention import Mention
from timeline.tagger.builders import BUILDERS, Built, Context
from timeline.tagger.clause import analysing
from timeline.tagger.grammar import Grammar, fold, load_grammar
from timeline.uncertain import UncertainTime

if TYPE_CHECKING:
    from timeline.knowledge import KnowledgeBase

__all__ = ["load_grammar", "scan", "tag"]


def _spans(grammar: Grammar, text: str) -> Iterator[tuple[int, int, str, Built]]:
    """Raw matches: (start, end, rule name, Built), left to right, non-overlapping.

    At each word start only the rules that can begin with its first two words
    and go on with what follows its first word (or number) are tried, in
    grammar order (`grammar.rules_at`); the first that matches (and is not
    vetoed by its builder) wins. `grammar.word_starts` skips the word starts
    where no rule can be tried.
    """
    position = 0
    folded = fold(text)
    rules_at = grammar.rules_at
    for word in grammar.word_starts(text, folded):
        start_at = word.start(1)
        if start_at < position:
            continue
        for rule in rules_at(word, folded):
            match = rule.regex.match(text, start_at)
            if match is None:
                continue
            values = match.groupdict()
            start, end = match.span("timex") if values.get("timex") else match.span()
            built = BUILDERS[rule.build](values, Context(text, start, end, grammar, start_at))
            if built is None:
                continue
            yield start, end, rule.name, built
            position = end if rule.consume == "timex" else match.end()
            break


def scan(text: str) -> list[Mention]:
    """Every temporal expression of `text` with its unanchored meaning."""
    if not isinstance(text, str):
        raise InputError(f"text must be str, not {type(text).__name__}")
    grammar = load_grammar()
    mentions = []
    with analysing(text) as clauses:
        for start, end, rule, built in _spans(grammar, text):
            tense = clauses.tense(start, end) if _needs_tense(built.meaning) else Tense.UNKNOWN
            mentions.append(
                Mention(
                    start=start,
                    end=end,
                    text=text[start:end],
                    kind=built.kind,
                    meaning=built.meaning,
                    rule=rule,
                    tense=tense,
                    mod=built.mod,
                    event=built.event,
                )
            )
    return mentions


#: Texts shorter than this (a sentence or two) say too little to judge their subject.
_JUDGE_DOMAIN_FROM = 400


def _needs_tense(meaning: Meaning) -> bool:
    """Only weekdays, weekends, calendar dates and seasons are resolved by tense."""
    if isinstance(meaning, PartOfDay | ClockTime):
        return meaning.base is not None and _needs_tense(meaning.base)
    return isinstance(meaning, WeekdayRef | WeekendRef | CalendarDate | CalendarSpan)


def tag(
    text: str,
    reference: date | str | UncertainTime | None = None,
    *,
    kind: str | None = None,
    knowledge: KnowledgeBase | bool | None = True,
) -> list[Mention]:
    """Temporal expressions of `text`, anchored to `reference` when given.

    `reference` is the publication day (a date, `YYYY-MM-DD` or an
    `UncertainTime`). Without it, mentions carry meanings but no values;
    use `infer_publication` to get a reference for undated text.
    `kind` is `"news"` or `"narrative"` (default: detected).
    `knowledge` resolves event-anchored expressions (True: the shipped base).
    """
    from timeline.anchor import anchor_mentions
    from timeline.document import parse_day

    mentions = scan(text)
    if reference is None:
        return mentions
    if not isinstance(reference, UncertainTime):
        reference = parse_day(reference)
    base = _knowledge(knowledge)
    if base is not None and not any(_counts_from_event(m.meaning) for m in mentions):
        base = None  # only event-anchored expressions consult it: no need to judge the text's subject
    elif base is not None and len(text) >= _JUDGE_DOMAIN_FROM:
        base = base.relevant_to(text)  # a chronology of one war says nothing about unrelated articles
    return anchor_mentions(mentions, reference, kind, base)


def _counts_from_event(meaning: Meaning | None) -> bool:
    """Whether a meaning (or the day it is a time of) counts from a named event."""
    if isinstance(meaning, PartOfDay | ClockTime):
        return _counts_from_event(meaning.base)
    return isinstance(meaning, EventAnchored)


def _knowledge(knowledge: KnowledgeBase | bool | None) -> KnowledgeBase | None:
    if knowledge is True:
        from timeline.knowledge import default_knowledge

        return default_knowledge()
    if knowledge is False:
        return None
    return knowledge
