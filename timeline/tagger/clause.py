"""The clause around an expression: its tense, and where it starts and ends.

News conventions hang on tense: a bare "Friday" in a past-tense clause is the
latest Friday on or before publication, in a future-tense clause the next one.
The verb nearest to the expression decides: in "said Friday it would meet",
"said" governs "Friday", not "would". The cue words are in the lexicon
(`tense_cues`); any other lowercase "-ed" word is a past cue.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from itertools import accumulate, compress, repeat
from operator import or_

from timeline.meaning import Tense
from timeline.tagger.grammar import load_grammar

__all__ = ["Clauses", "analysing", "clause_bounds", "tense_at"]

_BOUNDARY = re.compile(r"[.;!?\n:,“”\"()\[\]]")
#: A sentence end: [.;!?] before a space, not after an abbreviation-like capitalised
#: word ("Mr.", "Feb."), or a blank line. Each branch starts with its own literal
#: so that the regex engine skips to those characters in its fast search loop.
_SENTENCE = re.compile(
    "|".join(rf"\{c}(?<!\b[A-Z]\{c})(?<!\b[A-Z][a-z]\{c})(?<!\b[A-Z][a-z][a-z]\{c})(?=\s)" for c in ".;!?")
    + r"|\n\s*\n"
)
_TOKEN = re.compile(r"[A-Za-z]+(?:[’'][A-Za-z]+|)")  # `(?:...|)`, not `(?:...)?`: no repeat machinery
#: The same patterns captured whole, so that `split` keeps what they match.
_TOKENS = re.compile(f"({_TOKEN.pattern})")
_BOUNDARIES = re.compile(f"({_BOUNDARY.pattern})")
#: Up to the last `_BOUNDARY` character (the greedy run backs off to it, in C).
_LAST_BOUNDARY = re.compile(f"(?s:.*){_BOUNDARY.pattern}")
#: The endings of the folded words `_inflection` can give a tense to.
_INFLECTED = ("ed", "'ll")
_TENSES = {"future": Tense.FUTURE, "past": Tense.PAST}
_PASSIVE_AUXILIARIES = frozenset({"be", "been", "being"})  # their participle takes the auxiliary's tense


def clause_bounds(
    text: str, start: int, end: int, reach: int = 160, boundary: re.Pattern[str] = _BOUNDARY
) -> tuple[int, int]:
    """The comma/sentence-delimited segment around `[start, end)`."""
    left = max(0, start - reach)
    if boundary is _BOUNDARY:
        last = _LAST_BOUNDARY.match(text, left, start)
        lo = last.end() if last else left
    else:
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
    current = _analysis.get()
    if current is not None and current.text is text:
        return current.tense(start, end)
    return _tense_in_windows(text, start, end)


def _tense_in_windows(text: str, start: int, end: int | None = None) -> Tense:
    """`tense_at` without the shared analysis: the tokens of its windows only."""
    end = start + 1 if end is None else end
    lo, hi = clause_bounds(text, start, end)
    found = _nearest_cue(text, start, end, lo, hi)
    if found is None and _parenthesised(text, lo, hi):
        found = _nearest_cue(text, start, end, *clause_bounds(text, lo - 1, hi + 1))
    if found is None:
        found = _nearest_cue(text, start, end, *clause_bounds(text, start, end, 200, _SENTENCE))
    if found is not None:
        return found
    return Tense.PRESENT if text[lo:start].strip() or text[end:hi].strip() else Tense.UNKNOWN


def _parenthesised(text: str, lo: int, hi: int) -> bool:
    """Whether the clause `[lo, hi)` is a parenthesis ("at 4 in the morning (4 a.m. Thursday)"): it takes the tense around it."""
    return text[lo - 1 : lo] == "(" and text[hi : hi + 1] == ")"


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
    """Tense cues in `[lo, hi)`, left to right, with their end (or start) offsets.

    Only a starter of a cue phrase or an inflected word ("-ed", "'ll") can be a cue.
    """
    cues, starters, not_past = _cue_tables()
    window = text[lo:hi]
    pieces = _TOKENS.split(window)  # gap, token, gap, ..., token, gap
    written = pieces[1::2]
    words = _words(written, window)
    offsets: list[int] | None = None
    after = 0  # a cue phrase takes its words: the next cue starts after it
    for i, word in enumerate(words):  # a window holds a few words: a plain loop costs least
        if i < after or not (word in starters or word.endswith(_INFLECTED)):
            continue
        size, kind = _phrase_at(words, i, cues) if word in starters else (1, None)
        passive = i > 0 and words[i - 1] in _PASSIVE_AUXILIARIES
        if passive and size == 1 and kind == "past":
            kind = None  # "will be paid": the auxiliary's tense, not the participle's
        if kind is None and not passive:
            kind = _inflection(word, written[i], not_past)  # "will be named": "will" decides
        if kind in _TENSES:
            if offsets is None:
                offsets = list(accumulate(map(len, pieces)))  # token i spans offsets[2i:2i+2]
            yield lo + (offsets[2 * i] if at_start else offsets[2 * (i + size) - 1]), _TENSES[kind]
        after = i + size


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


@functools.lru_cache(maxsize=1)
def _phrase_sizes() -> dict[str, tuple[int, ...]]:
    """For each word a cue phrase starts with, the word counts of those phrases (up to four), longest first."""
    sizes: dict[str, set[int]] = {}
    for phrase in _cue_tables()[0]:
        words = phrase.split()
        if len(words) <= 4:
            sizes.setdefault(words[0], set()).add(len(words))
    return {word: tuple(sorted(counts, reverse=True)) for word, counts in sizes.items()}


def _phrase_at(words: list[str], i: int, cues: dict[str, str]) -> tuple[int, str | None]:
    """The longest cue phrase (up to four words) starting at word `i`: (length, kind)."""
    for size in _phrase_sizes().get(words[i], ()):
        if i + size <= len(words):
            kind = cues.get(" ".join(words[i : i + size]))
            if kind is not None:
                return size, kind
    return 1, None


# --- the same analysis, amortised over the mentions of one text ------------------------


_analysis: ContextVar[Clauses | None] = ContextVar("clause_analysis", default=None)


@contextlib.contextmanager
def analysing(text: str) -> Iterator[Clauses]:
    """Within this block, `tense_at(text, ...)` reuses one `Clauses(text)`."""
    token = _analysis.set(Clauses(text))
    try:
        yield _analysis.get()  # type: ignore[misc]
    finally:
        _analysis.reset(token)


class Clauses:
    """`tense_at` for many expressions of one text, each in bounded time.

    Sparse expressions read their own windows, as `tense_at` does. Once they are
    dense, the text is cut into cue tokens once; each expression then looks only
    at the tokens of its clause that can be cues, found by bisection.
    The results are those of `tense_at` exactly: a clause window that starts or
    ends inside a word re-tokenises just that edge, as `_cues` would.
    """

    #: Expressions are analysed window by window until they come more than one per this
    #: many characters (over the whole text, or over the text read so far once there are
    #: `INDEX_AFTER` of them); then cutting the whole text once costs less.
    INDEX_SPACING = 100
    INDEX_AFTER = 4

    def __init__(self, text: str) -> None:
        self.text = text
        self._built = False
        self._calls = 0
        self._boundaries: list[int] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        #: The tokens as written, and their folded words.
        self._written: list[str] = []
        self._words: list[str] = []
        #: The tense kind of each written form that has one ("announced": past).
        self._kinds: dict[str, str] = {}
        #: Indices of the tokens that start a cue phrase or are cues themselves.
        self._interesting: list[int] = []

    def _build(self) -> None:
        """Cut the text into tokens and clause boundaries, with the regex engine doing the walking.

        Splitting on a captured pattern gives gaps and tokens in turn, so their
        running lengths are the token offsets. Only the written forms that end
        like an inflection are classified one by one.
        """
        _, starters, not_past = _cue_tables()
        pieces = _TOKENS.split(self.text)  # gap, token, gap, ..., token, gap
        offsets = list(accumulate(map(len, pieces)))
        self._starts, self._ends = offsets[0:-1:2], offsets[1::2]
        self._written = written = pieces[1::2]
        self._words = words = _words(written, self.text)
        inflected = set(compress(zip(words, written, strict=True), map(str.endswith, words, repeat(_INFLECTED))))
        kinds = {form: kind for word, form in inflected if (kind := _inflection(word, form, not_past)) is not None}
        cue_like = map(or_, map(starters.__contains__, words), map(kinds.__contains__, written))
        self._kinds = kinds
        self._interesting = list(compress(itertools.count(), cue_like))
        self._boundaries = list(accumulate(map(len, _BOUNDARIES.split(self.text))))[0:-1:2]
        self._built = True

    def tense(self, start: int, end: int | None = None) -> Tense:
        """`tense_at(self.text, start, end)`."""
        text = self.text
        if not self._built:
            self._calls += 1
            read = len(text) if self._calls <= self.INDEX_AFTER else start
            if self._calls * self.INDEX_SPACING <= read:  # sparse windows cost less than the whole text
                return _tense_in_windows(text, start, end)
            self._build()
        end = start + 1 if end is None else end
        lo, hi = self._clause(start, end)
        found = self._nearest_cue(start, end, lo, hi)
        if found is None and _parenthesised(text, lo, hi):
            found = self._nearest_cue(start, end, *self._clause(lo - 1, hi + 1))
        if found is None:
            found = self._nearest_cue(start, end, *clause_bounds(text, start, end, 200, _SENTENCE))
        if found is not None:
            return found
        return Tense.PRESENT if text[lo:start].strip() or text[end:hi].strip() else Tense.UNKNOWN

    def _clause(self, start: int, end: int, reach: int = 160) -> tuple[int, int]:
        """`clause_bounds(text, start, end)`: `_BOUNDARY` is one character, so bisection finds the same."""
        boundaries = self._boundaries
        left = max(0, start - reach)
        last = bisect_left(boundaries, start) - 1
        lo = boundaries[last] + 1 if last >= 0 and boundaries[last] >= left else left
        limit = min(len(self.text), end + reach)
        after = bisect_left(boundaries, end)
        hi = boundaries[after] if after < len(boundaries) and boundaries[after] < limit else limit
        return lo, hi

    def _nearest_cue(self, start: int, end: int, lo: int, hi: int) -> Tense | None:
        """`_nearest_cue(text, start, end, lo, hi)`."""
        best: tuple[int, Tense] | None = None
        for cue_end, tense in self._cues(lo, start):
            best = (start - cue_end, tense)
        for cue_start, tense in self._cues(end, hi, at_start=True):
            if best is None or cue_start - end < best[0]:
                best = (cue_start - end, tense)
            break
        return best[1] if best is not None else None

    def _window(self, lo: int, hi: int) -> tuple[list[_Token], int, int, list[_Token]]:
        """The tokens `_TOKEN.finditer(text, lo, hi)` finds: (head, first, stop, tail).

        `head` are those it finds before falling in step with the whole-text
        tokens (when `lo` cuts a word), then come whole-text tokens
        `[first, stop)`, and `tail` is the token cut at `hi`, if any.
        """
        text, starts, ends = self.text, self._starts, self._ends
        head: list[_Token] = []
        at = lo
        while True:
            inside = bisect_right(starts, at) - 1
            if inside < 0 or not starts[inside] < at < ends[inside]:
                break
            token = _TOKEN.search(text, at, hi)
            if token is None:
                return head, 0, 0, []
            head.append(_token(token))
            at = token.end()
        first = bisect_left(starts, at)
        stop = max(first, bisect_right(ends, hi))
        if stop < len(starts) and starts[stop] < hi:
            cut = _TOKEN.match(text, starts[stop], hi)
            if cut is not None:
                return head, first, stop, [_token(cut)]
        return head, first, stop, []

    def _cues(self, lo: int, hi: int, at_start: bool = False) -> Iterator[tuple[int, Tense]]:
        """`_cues(text, lo, hi, at_start)`, stepping over the tokens that cannot be cues."""
        if lo >= hi:
            return
        head, first, stop, tail = self._window(lo, hi)
        if not head and not tail:
            found = bisect_left(self._interesting, first)
            if found == len(self._interesting) or self._interesting[found] >= stop:
                return  # the common case far from any cue
        cues, starters, not_past = _cue_tables()
        written, words, kinds, interesting = self._written, self._words, self._kinds, self._interesting
        n_head, n_middle = len(head), stop - first
        count = n_head + n_middle + len(tail)

        def token(i: int) -> _Token:
            """Token `i` of the window (a whole-text one is made up on demand)."""
            if i < n_head:
                return head[i]
            if i >= n_head + n_middle:
                return tail[0]
            g = first + i - n_head
            return (self._starts[g], self._ends[g], "", "")

        def word(i: int) -> str:
            return words[first + i - n_head] if n_head <= i < n_head + n_middle else token(i)[2]

        i = 0
        while i < count:
            in_middle = n_head <= i < n_head + n_middle
            if in_middle:  # only tokens in `interesting` can be cues or start one
                found = bisect_left(interesting, first + i - n_head)
                target = interesting[found] if found < len(interesting) else stop
                i = n_head + min(target, stop) - first
                if i >= count:
                    return
                in_middle = i < n_head + n_middle
            current = word(i)
            size, kind = _phrase_window(word, i, count, cues) if current in starters else (1, None)
            passive = i > 0 and word(i - 1) in _PASSIVE_AUXILIARIES
            if passive and size == 1 and kind == "past":
                kind = None  # "will be paid"
            if kind is None and not passive:
                kind = kinds.get(written[first + i - n_head]) if in_middle else _inflection(current, token(i)[3], not_past)
            if kind in _TENSES:
                yield token(i)[0] if at_start else token(i + size - 1)[1], _TENSES[kind]
            i += size


#: A token of a window: start, end, folded word, written form.
_Token = tuple[int, int, str, str]


def _token(found: re.Match[str]) -> _Token:
    written = found.group()
    return found.start(), found.end(), _word(written), written


def _word(written: str) -> str:
    """A token's folded word: lowercase, with a straight apostrophe."""
    return written.lower().replace("’", "'")


def _words(written: list[str], text: str) -> list[str]:
    """`_word` of each token of `text`."""
    words = list(map(str.lower, written))
    if "’" in text:
        return list(map(str.replace, words, repeat("’"), repeat("'")))
    return words


def _phrase_window(word: Callable[[int], str], i: int, count: int, cues: dict[str, str]) -> tuple[int, str | None]:
    """`_phrase_at` over the window's words."""
    for size in _phrase_sizes().get(word(i), ()):
        if i + size <= count:
            kind = cues.get(" ".join(word(j) for j in range(i, i + size)))
            if kind is not None:
                return size, kind
    return 1, None
