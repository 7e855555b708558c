"""The scanner's shortcuts give what the plain definitions give.

`Grammar.word_starts` must find exactly the `WORD_START` matches that have
candidate rules, and `Clauses` exactly what `tense_at` finds window by window.
"""

from __future__ import annotations

import random
import re

import pytest

from timeline.meaning import Tense
from timeline.tagger import clause, load_grammar, scan
from timeline.tagger.grammar import WORD_START, _alternation, digit_followers, second_key, word_key

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
def test_word_starts_are_the_word_starts_with_candidates(seed: int) -> None:
    grammar = load_grammar()
    for text in _texts(seed, 400):
        expected = [
            keys for keys in map(_keys, WORD_START.finditer(text)) if grammar.candidates(keys[1], keys[2])
        ]
        assert [_keys(found) for found in grammar.word_starts(text)] == expected, text


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


_DIGIT_PIECES = (
    "5", "1998", "12", "0", "3.5", "1,400", "2022-03-18", "10/12/2020", "\u0663", "1990s", "90", "24th",
    ".", ",", "-", "%", "'", "’", "/", ":", "s", "th", "st", "x", "$", "(", " ", " ", "  ", "\t", "\n", "\x0b",
    "\u00a0", "\u2003", "days", "DAYS", "Days", "day\u017f", "\u212aM", "years", "a.m.", "am", "PM", "million",
    "year-old", "-year", "-long", "o'clock", "in the morning", "times a", "times", "and a half", "to", "or",
    "more", "BC", "B.C.", "Jan", "January", "of", "quarter", "first", "1/2", "ago", "into the war",
    "after the invasion", "per", "hours", "minutes", "weeks", "\u00e9t\u00e9", "y" * 70, "\u00b2",
)


@pytest.mark.parametrize("seed", range(3))
def test_digit_starts_keep_every_rule_that_matches(seed: int) -> None:
    grammar = load_grammar()
    assert grammar.digits is not None
    rng = random.Random(seed)
    for _ in range(600):
        pieces = rng.choices(_DIGIT_PIECES, k=rng.randrange(1, 12))
        text = "".join(piece + rng.choice(("", "", " ", "  ")) for piece in pieces)
        for found in WORD_START.finditer(text):
            if word_key(found.group(1)) != "#":
                continue
            kept = grammar.digits.rules_at(text, found.start(1))
            matching = [rule for rule in grammar.digits.every if rule.regex.match(text, found.start(1))]
            assert [rule for rule in matching if rule not in kept] == [], (text, found.start(1))


@pytest.mark.parametrize(
    ("pattern", "followers"),
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
def test_digit_followers(pattern: str, followers: set[str] | None) -> None:
    found = digit_followers(pattern)
    assert found == (None if followers is None else frozenset(followers))
