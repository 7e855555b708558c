"""The clause around an expression: its tense, and where it starts and ends.

News conventions hang on tense: a bare "Friday" in a past-tense clause is the
latest Friday on or before publication, in a future-tense clause the next one.
The verb nearest to the expression decides: in "said Friday it would meet",
"said" governs "Friday", not "would". The cue words are in the lexicon
(`tense_cues`); any other lowercase "-ed" word is a past cue.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from timeline.meaning import Tense
from timeline.tagger.grammar import load_grammar

__all__ = ["clause_bounds", "tense_at"]

_BOUNDARY = re.compile(r"[.;!?\n:,“”\"()\[\]]")
_SENTENCE = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z][a-z])[.;!?](?=\s)|\n\s*\n")
_TOKEN = re.compile(r"[A-Za-z]+(?:[’'][A-Za-z]+)?")
_TENSES = {"future": Tense.FUTURE, "past": Tense.PAST}
_PASSIVE_AUXILIARIES = frozenset({"be", "been", "being"})  # their participle takes the auxiliary's tense


def clause_bounds(
    text: str, start: int, end: int, reach: int = 160, boundary: re.Pattern[str] = _BOUNDARY
) -> tuple[int, int]:
    """The comma/sentence-delimited segment around `[start, end)`."""
    left = max(0, start - reach)
    lo = left
    for found in boundary.finditer(text, left, start):
        lo = found.end()
    after = boundary.search(text, end, min(len(text), end + reach))
    hi = after.start() if after else min(len(text), end + reach)
    return lo, hi


def tense_at(text: str, start: int, end: int | None = None) -> Tense:
    """Tense of the clause containing the expression at `start`: its nearest tense cue's.

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
    """The tense of the cue nearest to `[start, end)` within `[lo, hi)`."""
    best: tuple[int, Tense] | None = None
    for cue_end, tense in _cues(text, lo, start):
        best = (start - cue_end, tense)
    for cue_start, tense in _cues(text, end, hi, at_start=True):
        if best is None or cue_start - end < best[0]:
            best = (cue_start - end, tense)
        break
    return best[1] if best is not None else None


def _cues(text: str, lo: int, hi: int, at_start: bool = False) -> Iterator[tuple[int, Tense]]:
    """Tense cues in `[lo, hi)`, left to right, with their end (or start) offsets."""
    cues, starters, not_past = _cue_tables()
    tokens = list(_TOKEN.finditer(text, lo, hi))
    words = [token.group().lower().replace("’", "'") for token in tokens]
    i = 0
    while i < len(tokens):
        size, kind = _phrase_at(words, i, cues) if words[i] in starters else (1, None)
        if kind is None and not (i and words[i - 1] in _PASSIVE_AUXILIARIES):
            kind = _inflection(words[i], tokens[i].group(), not_past)  # "will be named": "will" decides
        if kind in _TENSES:
            yield (tokens[i].start() if at_start else tokens[i + size - 1].end()), _TENSES[kind]
        i += size


@functools.lru_cache(maxsize=1)
def _cue_tables() -> tuple[dict[str, str], frozenset[str], dict[str, int]]:
    """The cue phrases, the words they start with, and the "-ed" words that are no past."""
    tables = load_grammar().tables
    cues = tables["tense_cues"]
    return cues, frozenset(phrase.split()[0] for phrase in cues), tables["not_past_ed"]


def _inflection(word: str, written: str, not_past: dict[str, int]) -> str | None:
    """ "he'll" is future; a lowercase "-ed" word ("announced") is past, bar "succeed" and kin."""
    if word.endswith("'ll"):
        return "future"
    if word.endswith("ed") and len(word) > 3 and written.islower() and word not in not_past:
        return "past"
    return None


def _phrase_at(words: list[str], i: int, cues: dict[str, str]) -> tuple[int, str | None]:
    """The longest cue phrase (up to four words) starting at word `i`: (length, kind)."""
    for size in (4, 3, 2, 1):
        if i + size <= len(words):
            kind = cues.get(" ".join(words[i : i + size]))
            if kind is not None:
                return size, kind
    return 1, None
