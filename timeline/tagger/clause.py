"""The clause around an expression: its tense, and where it starts and ends.

News conventions hang on tense: a bare "Friday" in a past-tense clause is the
latest Friday on or before publication, in a future-tense clause the next one.
"""

from __future__ import annotations

import re

from timeline.meaning import Tense

__all__ = ["clause_bounds", "tense_at"]

_BOUNDARY = re.compile(r"[.;!?\n:,“”\"()\[\]]")
_FUTURE = re.compile(
    r"(?<![\w’'])(?:will|won[’']t|shall|[’']ll|going to|is to|are to|was to|were to|plans? to|planned|"
    r"scheduled|expected to|due to|set to|upcoming|forthcoming|would|intends? to|aims? to|"
    r"to be held|next|ahead of|until|tomorrow)(?![\w’'])",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"(?<![\w’'])(?:was|were|had|did|said|told|[a-z]{2,}ed|began|came|went|took|made|held|"
    r"met|hit|fell|saw|left|fought|struck|spoke|wrote|gave|ago|yesterday|last)(?![\w’'])",
    re.IGNORECASE,
)


def clause_bounds(text: str, start: int, end: int, reach: int = 160) -> tuple[int, int]:
    """The comma/sentence-delimited segment around ``[start, end)``."""
    left = max(0, start - reach)
    before = text[left:start]
    cut = None
    for cut in _BOUNDARY.finditer(before):
        pass
    lo = left + cut.end() if cut else left
    after = _BOUNDARY.search(text, end, min(len(text), end + reach))
    hi = after.start() if after else min(len(text), end + reach)
    return lo, hi


def tense_at(text: str, start: int, end: int | None = None) -> Tense:
    """Tense of the clause containing the expression at ``start``."""
    end = start + 1 if end is None else end
    lo, hi = clause_bounds(text, start, end)
    clause = text[lo:start] + " " + text[end:hi]
    if _FUTURE.search(clause):
        return Tense.FUTURE
    if _PAST.search(clause):
        return Tense.PAST
    return Tense.PRESENT if clause.strip() else Tense.UNKNOWN
