"""Find temporal expressions in one fast pass and parse their unanchored meaning.

``scan(text)`` returns mentions with meanings only; ``tag(text, reference)``
also anchors them (TIMEX3 value and calendar interval). The language knowledge
lives in ``timeline/data/grammar/``; this package is the small engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from timeline.errors import InputError
from timeline.mention import Mention
from timeline.tagger.builders import BUILDERS, Context
from timeline.tagger.clause import tense_at
from timeline.tagger.grammar import Grammar, load_grammar
from timeline.uncertain import UncertainTime

if TYPE_CHECKING:
    from timeline.knowledge import KnowledgeBase

__all__ = ["load_grammar", "scan", "tag"]


def _spans(grammar: Grammar, text: str) -> Iterator[tuple[int, int, str, object]]:
    """Raw matches: (start, end, rule name, Built), left to right, non-overlapping."""
    search = grammar.scanner.search
    position = 0
    length = len(text)
    while position < length:
        match = search(text, position)
        if match is None:
            return
        group = match.lastgroup
        assert group is not None
        rule = grammar.by_group[group]
        values = {short: match.group(full) for full, short in rule.subgroups}
        start, end = match.span(f"{group}_timex") if values.get("timex") else match.span()
        built = BUILDERS[rule.build](values, Context(text, start, end, grammar))
        if built is None:
            position = match.start() + 1
            continue
        yield start, end, rule.name, built
        position = end if rule.consume == "timex" else match.end()
        position = max(position, match.start() + 1)


def scan(text: str) -> list[Mention]:
    """Every temporal expression of ``text`` with its unanchored meaning."""
    if not isinstance(text, str):
        raise InputError(f"text must be str, not {type(text).__name__}")
    grammar = load_grammar()
    mentions = []
    for start, end, rule, built in _spans(grammar, text):
        mentions.append(
            Mention(
                start=start,
                end=end,
                text=text[start:end],
                kind=built.kind,  # type: ignore[attr-defined]
                meaning=built.meaning,  # type: ignore[attr-defined]
                rule=rule,
                tense=tense_at(text, start, end),
                mod=built.mod,  # type: ignore[attr-defined]
                event=built.event,  # type: ignore[attr-defined]
            )
        )
    return mentions


def tag(
    text: str,
    reference: date | str | UncertainTime | None = None,
    *,
    kind: str | None = None,
    knowledge: KnowledgeBase | None | bool = True,
) -> list[Mention]:
    """Temporal expressions of ``text``, anchored to ``reference`` when given.

    ``reference`` is the publication day (a date, ``YYYY-MM-DD`` or an
    :class:`UncertainTime`). Without it, mentions carry meanings but no values;
    use :func:`timeline.infer_publication` to get a reference for undated text.
    ``kind`` is ``"news"`` or ``"narrative"`` (default: detected).
    ``knowledge`` resolves event-anchored expressions (True: the shipped base).
    """
    from timeline.anchor import anchor_mentions
    from timeline.document import parse_day

    mentions = scan(text)
    if reference is None:
        return mentions
    if not isinstance(reference, UncertainTime):
        reference = parse_day(reference)
    return anchor_mentions(mentions, reference, kind, _knowledge(knowledge))


def _knowledge(knowledge: KnowledgeBase | None | bool) -> KnowledgeBase | None:
    if knowledge is True:
        try:
            from timeline.knowledge import default_knowledge
        except ImportError:  # pragma: no cover - during development only
            return None
        return default_knowledge()
    if knowledge is False:
        return None
    return knowledge
