"""Split news text into sentences, without breaking on "Feb." or "U.S."."""

from __future__ import annotations

import re

__all__ = ["sentence_of", "split_sentences"]

#: Words that end with a full stop without ending the sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr gen col lt sgt capt gov sen rep rev prof no vs etc inc corp ltd co "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
    "u.s u.k u.n e.u a.m p.m approx est".split()
)
_CANDIDATE = re.compile(r"[.!?]+[”\"’')\]]*(?=\s|$)|\n")
_LAST_WORD = re.compile(r"([\w.]{1,12})[.!?]*[”\"’')\]]*$")


def _ends_sentence(text: str, end: int, mark: str) -> bool:
    if mark == "\n" or mark[0] in "!?":
        return True
    word = _LAST_WORD.search(text, max(0, end - 14), end)
    if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
        return False
    following = text[end : end + 3].lstrip()
    return not following[:1].islower() and not following[:1].isdigit()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (whitespace-only spans dropped)."""
    spans = []
    start = 0
    for mark in _CANDIDATE.finditer(text):
        if _ends_sentence(text, mark.end(), mark.group()):
            if text[start : mark.end()].strip():
                spans.append((start, mark.end()))
            start = mark.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def sentence_of(spans: list[tuple[int, int]], position: int) -> tuple[int, tuple[int, int]]:
    """The number and span of the sentence holding `position`."""
    for number, (lo, hi) in enumerate(spans):
        if lo <= position < hi:
            return number, (lo, hi)
    return 0, (position, position + 1)
