"""The scanner's shortcuts give what the plain definitions give.

`Grammar.word_starts` must find every `WORD_START` match where `Grammar.rules_at`
has rules to try (and none without candidate rules), those must keep every
candidate rule that matches, and `Clauses` must find exactly what `tense_at`
finds window by window.
"""

from __future__ import annotations

import random
import re

import pytest

from timeline.meaning import Tense
from timeline.tagger import clause, load_grammar, scan
from timeline.tagger.grammar import WORD_START, _alternation, fold, followers, second_key, word_key

_PIECES = (
    "Friday", "FRIDAY", "friday", "May", "MAY", "2022", "1990s", "the", "THE", "in", "last", "week", "Jan.",
    "\u212aelvin", "\u0130", "\u00c9t\u00e9", "\u017f", "\u03a3", "\u0663", "’", "'", "-", "/", "@", "#",
    " ", "  ", "\n", "\u00a0", "\t", ".", ",", "5", "days", "ago", "o'clock", "’s", "mid-", "x",
)


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        pieces = rng.choices(_PIECES, k=rng.randrange(1, 40))
        texts.append(("" if rng.random() < 0.3 else " ").join(pieces))
    return texts


def _keys(found: re.Match[str]) -> tuple[int, str, str | None]:
    return found.start(1), word_key(found.group(1)), second_key(found.group(2))


@pytest.mark.parametrize("seed", range(3))
def test_word_starts_have_every_word_start_with_rules_to_try(seed: int) -> None:
    grammar = load_grammar()
    for text in _texts(seed, 400) + _follower_texts(seed, 200):
        folded = fold(text)
        starts = list(map(_keys, WORD_START.finditer(folded)))
        found = [_keys(found) for found in grammar.word_starts(text)]
        with_rules = [_keys(w) for w in WORD_START.finditer(folded) if grammar.rules_at(w, folded)]
        with_candidates = [keys for keys in starts if grammar.candidates(keys[1], keys[2])]
        assert set(with_rules) <= set(found) <= set(with_candidates), text
        assert found == sorted(found), text


@pytest.mark.parametrize("seed", range(3))
def test_rules_to_try_are_candidates_and_keep_every_rule_that_matches(seed: int) -> None:
    grammar = load_grammar()
    for text in _texts(seed, 400) + _follower_texts(seed, 600):
        folded = fold(text)
        for found in WORD_START.finditer(folded):
            candidates = grammar.candidates(*_keys(found)[1:])
            tried = grammar.rules_at(found, folded)
            assert [rule for rule in candidates if rule in tried] == list(tried), (text, found.start(1))
            missed = [rule.name for rule in candidates if rule not in tried and rule.regex.match(text, found.start(1))]
            assert missed == [], (text, found.start(1))


def test_factored_alternation_prefers_the_longer_form() -> None:
    body = _alternation(["mar", "march", "march madness", "may"], case_sensitive=False)
    pattern = re.compile(rf"(?:{body})", re.IGNORECASE)
    assert pattern.match("March  Madness").group() == "March  Madness"
    assert pattern.match("MARCHING").group() == "MARCH"
    assert pattern.match("mars").group() == "mar"


_CUE_PIECES = (
    "will", "said", "was", "is due to", "going to", "had been due to", "won't", "he'll", "it’ll", "rock'n'roll",
    "a'b'c'd", "Friday", "announced", "Announced", "succeeded", "to", "be", "been", "named", "held", "as soon as",
    "Mr.", "Feb.", "U.S.", ".", ",", ";", "\n\n", "\n", "’", "'", "expected", "on", "the", "1998", "!", "?", ":",
    "(", ")", "ahead", "of", "   ", "x", "ed", "red", "tomorrow", "yesterday", "is", "set", "for",
)


@pytest.mark.parametrize("seed", range(3))
def test_shared_clause_analysis_is_tense_at(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clause.Clauses, "INDEX_SPACING", 10**9)
    rng = random.Random(seed)
    for _ in range(150):
        pieces = rng.choices(_CUE_PIECES, k=rng.randrange(1, 150))
        text = "".join(piece + rng.choice(("", " ", " ", "  ")) for piece in pieces)
        shared = clause.Clauses(text)
        for _ in range(15):
            start = rng.randrange(len(text))
            end = min(len(text), start + rng.randrange(1, 12))
            assert shared.tense(start, end) == clause.tense_at(text, start, end), (text, start, end)


def test_repeated_mentions_keep_their_tense() -> None:
    text = "They met on Friday and will meet on Monday. " * 200
    tenses = {(m.text, m.tense) for m in scan(text) if m.text in ("Friday", "Monday")}
    assert tenses == {("Friday", Tense.PAST), ("Monday", Tense.FUTURE)}


_FOLLOWER_PIECES = (
    "5", "1998", "12", "0", "3.5", "1,400", "2022-03-18", "10/12/2020", "\u0663", "1990s", "90", "24th",
    ".", ",", "-", "%", "'", "’", "/", ":", "s", "th", "st", "x", "$", "(", " ", " ", "  ", "\t", "\n", "\x0b",
    "\u00a0", "\u2003", "days", "DAYS", "Days", "day\u017f", "\u212aM", "years", "a.m.", "am", "PM", "million",
    "year-old", "-year", "-long", "o'clock", "in the morning", "times a", "times", "and a half", "to", "or",
    "more", "BC", "B.C.", "Jan", "January", "of", "quarter", "first", "1/2", "ago", "into the war",
    "after the invasion", "per", "hours", "minutes", "weeks", "\u00e9t\u00e9", "y" * 70, "days\u00b2", "the", "The",
    "a", "A", "an", "early", "mid", "late", "'90s", "’90s", "AD", "A.D.", "year", "years", "quarter", "ago",
    "last", "next", "this", "week", "weeks'", "one", "two", "twenty-four", "hundred", "few", "couple of", "May",
    "Friday", "noon", "since", "\u212a", "\u0130", "\u017f", "\x0c", " " * 70,
)


def _follower_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        pieces = rng.choices(_FOLLOWER_PIECES, k=rng.randrange(1, 12))
        texts.append("".join(piece + rng.choice(("", "", " ", "  ")) for piece in pieces))
    return texts


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\d{1,4} (?:days?|weeks)(?![\w])", {"day", "days", "weeks"}),
        (r"\d{1,2}(?:st|th)(?=\W|$)", {"+s", "+t"}),
        (r"\d{1,3}(?:,\d{3})+ (?:people|men)\b(?![\w])", {"people", "men"}),
        (r"(?P<a>\d\d)(?P<sep>[/.])\d\d(?P=sep)x", {"+/", "+."}),  # "12.34.x": the number is "12.34"
        (r"\d{4}", None),  # the match may end after the number
        (r"\d+ \w+", None),  # a word this analysis does not spell out
        (r"\d+ days", None),  # "days" may go on ("dayside")
    ],
)
def test_followers_of_a_number(pattern: str, expected: set[str] | None) -> None:
    assert followers(pattern, "#") == (None if expected is None else frozenset(expected))


@pytest.mark.parametrize(
    ("pattern", "first", "expected"),
    [
        (r"(?:the )?(?:early )?\d{4}s(?![\w])", "the", {"early", "#"}),
        (r"(?:the )?(?:early )?\d{4}s(?![\w])", "early", {"#"}),
        (r"an? (?:few|couple of) days(?![\w])", "a", {"few", "couple"}),
        (r"an? (?:few|couple of) days(?![\w])", "an", {"few", "couple"}),
        (r"the(?:ir|se)? days(?![\w])", "the", {"days"}),  # "their", "these" are other first words
        (r"['’]\d0s(?![\w])", "'", {"+0", "+1", "+2", "+3", "+4", "+5", "+6", "+7", "+8", "+9"}),
        (r"a\.m\.", "a", {"+."}),
        (r"the(?:\s+\w+)?", "the", None),  # the match may end after "the"
    ],
)
def test_followers_of_a_word(pattern: str, first: str, expected: set[str] | None) -> None:
    assert followers(pattern, first) == (None if expected is None else frozenset(expected))
