"""The clause around an expression: its tense, and where it starts and ends.

News conventions hang on tense: a bare "Friday" in a past-tense clause is the
latest Friday on or before publication, in a future-tense clause the next one.
The verb nearest to the expression decides: in "said Friday it would meet",
"said" governs "Friday", not "would".
"""

from __future__ import annotations

import re

from timeline.meaning import Tense

__all__ = ["clause_bounds", "tense_at"]

_BOUNDARY = re.compile(r"[.;!?\n:,“”\"()\[\]]")
_SENTENCE = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z][a-z])[.;!?](?=\s)|\n\s*\n")
_FUTURE = (
    r"will|won[’']t|shall|[’']ll|going to|is to|are to|was to|were to|plans? to|planning to|planned to|"
    r"scheduled|expected to|(?:is|are|[’']s) due to|due to (?:be|begin|start|arrive|open|close|expire)|set to|upcoming|forthcoming|would|intends? to|aims? to|"
    r"to be held|next(?! to)|ahead of|tomorrow|expects?|anticipates?|forecasts?|as early as|as soon as|"
    r"hopes? to|wants? to|promised to|vowed to|threatened to"
)
_PAST = (
    r"(?:had been|was|were) (?:due|scheduled|expected|set|supposed) to|was|were|had|did|said|told|(?!(?:succe|ne|proce|exce|spe|fe|se|inde|bre|gre|hundr|kindr|sacr|nak|wick|sh|emb|b|r)ed\b)(?-i:[a-z]{2,}ed)|began|came|went|took|made|held|"
    r"met|hit|fell|saw|left|fought|struck|spoke|wrote|gave|ago|yesterday|last|since|"
    r"rose|won|lost|sold|paid|bought|became|found|got|kept|led|ran|sent|shot|stood|thought|"
    r"brought|broke|chose|drove|flew|grew|knew|laid|meant|put|quit|read|rang|said|set|shut|"
    r"slid|sank|sought|spent|split|stole|swore|threw|tore|withdrew|woke|wore"
)
#: Tense cues, future ones first so that "planned to" (also "-ed") counts as future.
_CUES = re.compile(rf"(?<![\w’'])(?:(?P<future>{_FUTURE})|(?P<past>{_PAST}))(?![\w’'])", re.IGNORECASE)


def clause_bounds(text: str, start: int, end: int, reach: int = 160, boundary: re.Pattern[str] = _BOUNDARY) -> tuple[int, int]:
    """The comma/sentence-delimited segment around ``[start, end)``."""
    left = max(0, start - reach)
    cuts = [found.end() for found in boundary.finditer(text, left, start)]
    lo = cuts[-1] if cuts else left
    after = boundary.search(text, end, min(len(text), end + reach))
    hi = after.start() if after else min(len(text), end + reach)
    return lo, hi


def tense_at(text: str, start: int, end: int | None = None) -> Tense:
    """Tense of the clause containing the expression at ``start``: its nearest tense cue's.

    A clause without a cue ("In January, the company ...") takes the tense of
    its sentence.
    """
    end = start + 1 if end is None else end
    lo, hi = clause_bounds(text, start, end)
    found = _nearest_cue(text, start, end, lo, hi)
    if found is None:
        found = _nearest_cue(text, start, end, *clause_bounds(text, start, end, 200, _SENTENCE))
    if found is not None:
        return found
    return Tense.PRESENT if text[lo:start].strip() or text[end:hi].strip() else Tense.UNKNOWN


def _nearest_cue(text: str, start: int, end: int, lo: int, hi: int) -> Tense | None:
    """The tense of the cue nearest to ``[start, end)`` within ``[lo, hi)``."""
    best: tuple[int, Tense] | None = None
    for found in _CUES.finditer(text, lo, start):
        best = (start - found.end(), _tense_of(found))
    for found in _CUES.finditer(text, end, hi):
        distance = found.start() - end
        if best is None or distance < best[0]:
            best = (distance, _tense_of(found))
        break
    return best[1] if best is not None else None


def _tense_of(found: re.Match[str]) -> Tense:
    return Tense.FUTURE if found.group("future") else Tense.PAST
