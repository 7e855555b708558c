"""Load the grammar data files and compile them into one scanner.

The lexicon (`data/grammar/lexicon.toml`) holds vocabularies; the rules
(`data/grammar/grammar.toml`) hold patterns that refer to them. Everything is
compiled once into a single alternation so that a text is scanned in one pass.
All quantifiers are bounded, so scanning stays linear on hostile input.
"""

from __future__ import annotations

import functools
import re
import string
import tomllib
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from importlib import resources
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import attrs

__all__ = ["Example", "Follow", "Grammar", "Rule", "fold", "followers", "load_grammar"]

_WS = r"\s{1,3}"

#: Compound number words up to ninety-nine ("twenty-four", "twenty four").
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"


@attrs.frozen
class Example:
    """A grammar example: text, expected extent, TIMEX3 type, value and mod."""

    text: str
    start: int
    end: int
    kind: str | None
    value: str | None
    mod: str | None
    rule: str

    @classmethod
    def parse(cls, spec: str, rule: str) -> Example:
        """Read `"said <<Friday>> => DATE 2022-03-18 [MOD]"`."""
        text, _, expected = spec.partition(" => ")
        fields = expected.split()
        if "<<" in text:
            start = text.index("<<")
            end = text.index(">>") - 2
            text = text.replace("<<", "").replace(">>", "")
        else:
            start, end = 0, len(text)
        return cls(
            text,
            start,
            end,
            fields[0] if fields else None,
            fields[1] if len(fields) > 1 else None,
            fields[2] if len(fields) > 2 else None,
            rule,
        )


@attrs.frozen
class Rule:
    """One grammar rule: a pattern, its builder's name, and its examples."""

    name: str
    pattern: str
    build: str
    consume: str
    examples: tuple[Example, ...]
    negatives: tuple[str, ...]
    regex: re.Pattern[str]


@attrs.frozen
class Grammar:
    """The compiled scanner plus the tables the builders read.

    `first_words` maps the first word a match can start with (lowercase
    letters, `#` for a digit, `'` for an apostrophe) to the rules that can
    start with it; `follow` narrows each of those to the rules that can go on
    with what follows the first word (`Follow`), and `rules_at` gives the
    rules the scanner tries at a word start. `word_starts` finds the word
    starts where some rule can be tried (see `trigger_pattern`), so that the
    scanner skips every other word in C.
    """

    rules: tuple[Rule, ...]
    tables: dict[str, dict[str, Any]]
    first_words: dict[str, dict[str, tuple[Rule, ...]]]
    follow: dict[str, dict[str, Follow]]
    reference: date
    event_before: re.Pattern[str]

    @functools.cached_property
    def trigger(self) -> Trigger:
        """The trigger for any text (compiled on first use)."""
        return Trigger.compile(self.follow, _UNICODE)

    @functools.cached_property
    def trigger_ascii(self) -> Trigger:
        """The trigger for ASCII-only text (compiled on first use)."""
        return Trigger.compile(self.follow, _ASCII)

    def word_starts(self, text: str, folded: str | None = None) -> Iterator[re.Match[str]]:
        """`WORD_START` matches where some rule can be tried, left to right, on folded text.

        Offsets are those of `text`; the groups are folded words (same keys).
        `folded` is `fold(text)`, when the caller has it.
        """
        trigger = self.trigger_ascii if text.isascii() else self.trigger
        folded = fold(text) if folded is None else folded
        first = trigger.at_start.match(folded)
        if first is not None:
            yield first
        yield from trigger.after.finditer(folded)

    def lookup(self, table: str, phrase: str) -> Any:
        """The value of `phrase` in `table` (whitespace and case folded)."""
        return self.tables[table].get(_fold(phrase))

    def candidates(self, first: str, second: str | None) -> tuple[Rule, ...]:
        """The rules that can start with these two words, in rule order."""
        table = self.first_words.get(first)
        if table is None:
            return ()
        return table.get(second or ANY) or table.get(ANY) or ()

    def rules_at(self, word: re.Match[str], folded: str) -> tuple[Rule, ...]:
        """The `candidates` of a `WORD_START` match on `folded` that can go on with what follows its first token."""
        token, second = word.group(1, 2)
        table = self.follow.get(token)  # a folded word that is a key is its own key
        if table is None:
            table = self.follow.get(word_key(token))
            if table is None:
                return ()
        follow = (table.get(second) or table.get(second_key(second) or ANY)) if second else None
        if follow is None or not follow.every:
            follow = table[ANY]
        if not follow.narrows:
            return follow.every
        if token.isdigit():
            key = number_follower(folded, word.start(1))
        elif second is not None and len(second) < _WORD_RUN:
            key = word_follower(second)  # the trigger read it: a word (or digit) after a short gap
        else:
            key = follower_key(folded, word.end(1))
        return follow.after(key)


def fold(text: str) -> str:
    """`text` with ASCII capitals (and the Kelvin sign) in lowercase; offsets and keys are kept (`_FOLD`)."""
    return text.lower() if text.isascii() else text.translate(_FOLD)


#: Word starts the scanner looks at: a run of letters, a digit, or an apostrophe,
#: with the next word when only whitespace separates them.
WORD_START = re.compile(r"(?<![\w\-/@#])([^\W\d_]+|\d|['’])(?:(?=[ \t\u00a0\r\n]{1,3}([^\W\d_]+|\d))|)")


def second_key(token: str | None) -> str | None:
    """The dispatch key of the word after a word start (None: punctuation or nothing)."""
    if token is None:
        return None
    return "#" if token.isdigit() else token.lower()


def word_key(token: str) -> str:
    """The dispatch key of a word start (see `first_words`)."""
    if token.isdigit():
        return "#"
    if token == "’":
        return "'"
    return token.lower()


#: What may follow a first word before the second (as in `WORD_START`).
_GAP = r"[ \t\u00a0\r\n]{1,3}"

#: The only non-ASCII character whose lowercase is an ASCII letter (Unicode 15).
_KELVIN = "\u212a"

#: ASCII capitals (and the Kelvin sign) to lowercase. The trigger reads a copy of
#: the text folded so, where each letter of a key is one literal character (the
#: regex engine checks literal branches inline, character classes by a call).
#: Folding keeps every offset, and `word_key`/`second_key` of every word.
_FOLD = str.maketrans({**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}, _KELVIN: "k"})


@attrs.frozen
class _Classes:
    """The character classes of `WORD_START`, and what they are on ASCII-only text."""

    before: str  # a character no word start follows
    letter: str
    digit: str


_UNICODE = _Classes(before=r"[^\w\-/@#]", letter=r"[^\W\d_]", digit=r"\d")
_ASCII = _Classes(before=r"[^A-Za-z0-9_\-/@#]", letter="[A-Za-z]", digit="[0-9]")


@attrs.frozen
class Trigger:
    """`WORD_START` restricted to the word starts where `Grammar.rules_at` finds rules.

    It runs on the folded text (`_FOLD`). `at_start` matches at position 0;
    `after` matches the character before a word start (so that the regex
    engine skips to such characters in its fast search loop), with the word
    groups captured in a lookahead, so that each match consumes one character.
    """

    at_start: re.Pattern[str]
    after: re.Pattern[str]

    @classmethod
    def compile(cls, follow: dict[str, dict[str, Follow]], classes: _Classes) -> Trigger:
        body = trigger_pattern(follow, classes)
        return cls(re.compile(body), re.compile(f"{classes.before}(?={body})"))


def trigger_pattern(follow: dict[str, dict[str, Follow]], classes: _Classes = _UNICODE) -> str:
    """`WORD_START` without its lookbehind, restricted to the word starts where `Grammar.rules_at` finds rules.

    A lookahead tests the first word against a trie of the dispatch keys, on
    folded text, then what follows it: the second word, for first words whose
    rules all name it, or what the rules that take any second word can go on
    with (`Follow`). The test is exact for `word_key`/`second_key`: a letter of
    a key matches every character whose `str.lower()` is that letter; what
    follows may be tested loosely (`rules_at` decides). Every part is bounded,
    so the scan stays linear.
    """
    alternatives = []
    letters: dict[str, str] = {}
    ends = f"(?!{classes.letter})"
    for first, table in sorted(follow.items()):
        follow_test = _follow_test(first, table, classes)
        if first == "#":
            alternatives.append(classes.digit + follow_test)
        elif first == "'":
            alternatives.append("['’]" + follow_test)
        else:
            letters[first] = ends + follow_test
    if letters:
        alternatives.append(_trie(letters))
    body = "|".join(alternatives) or "(?!)"
    word = f"({classes.letter}+|{classes.digit})"
    return rf"(?=(?:{body})){word[:-1]}|['’])(?:(?={_GAP}{word})|)"


def _follow_test(first: str, table: dict[str, Follow], classes: _Classes) -> str:
    """What must follow `first` for `Grammar.rules_at` to find rules ('': anything)."""
    anything = table[ANY]
    if anything.every and (anything.any_follower or first == "#" or len(first) > _SHORT_WORD):
        return ""  # some rule goes on with anything; the trigger does not read numbers; a rarer word
    tests = []
    if len(table) > 1:
        tests.append(_second_words((s for s in table if s != ANY), classes))
    if anything.every:
        tests.append(_followers_test(anything, classes))
    return f"(?:{'|'.join(tests)})" if tests else "(?!)"


def _second_words(seconds: Iterable[str], classes: _Classes) -> str:
    """A lookahead for a second word among `seconds` (`#`: a digit)."""
    alternatives = []
    words = {}
    for second in seconds:
        if second == "#":
            alternatives.append(classes.digit)
        else:
            words[second] = f"(?!{classes.letter})"
    if words:
        alternatives.append(_trie(words))
    if not alternatives:
        return "(?!)"
    return f"(?={_GAP}(?:{'|'.join(alternatives)}))"


#: A first word whose rules take any second word but not any follower is tested on its followers
#: in the trigger (the other word starts are skipped in C) when it is short, hence frequent in
#: text ("the", "a", "an", an apostrophe); a longer one is let through, and `Grammar.rules_at`
#: sorts its followers out. Each test makes the trigger longer to compile.
_SHORT_WORD = 3


def _followers_test(follow: Follow, classes: _Classes) -> str:
    """A lookahead, on folded text, that holds wherever `follower_key` may find a key of `follow` or none."""
    keys = set(follow.by_key)
    words = {key: r"(?![^\W\d_])" for key in keys if key[0] in _LETTERS}
    gap = rf"\s{{1,{_WORD_RUN - 1}}}+"  # possessive: what comes next is what follows the whole gap
    glued = sorted(key[1:] for key in keys if key.startswith(GLUED) and len(key) == 2)
    # Where `follower_key` gives up: a gap at its bound, or something not ASCII next or in the word.
    if classes is _ASCII:
        tests = [rf"\s{{{_WORD_RUN}}}"]
    else:
        tests = [rf"\s{{0,{_WORD_RUN - 1}}}+(?:\s|[a-z]{{0,{_WORD_RUN - 1}}}+[^\W\d_a-z]|[^\x00-\x7f])"]
    if glued:
        tests.append("[" + "".join(re.escape(c) for c in glued) + "]")
    if words:
        tests.append(gap + _trie(words))
    if NUMBER in keys:
        tests.append(gap + r"\d")
    if OTHER in keys:
        tests.append(gap + r"(?![^\W\d_]|\d)")
    return f"(?={'|'.join(tests)})"


def _trie(words: dict[str, str]) -> str:
    """An alternation of `words` (each followed by its own suffix) factored by prefix, for folded text."""
    tree: dict[str, Any] = {}
    for word, suffix in words.items():
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = suffix

    def emit(node: dict[str, Any]) -> str:
        alternatives = [node[""]] if "" in node else []
        alternatives += [_folded_char(char) + emit(child) for char, child in sorted(node.items()) if char]
        return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"

    return emit(tree)


def _folded_char(char: str) -> str:
    """What matches, in folded text, every character whose `str.lower()` is `char`."""
    if char.isascii():
        return re.escape(char)  # every source of an ASCII lowercase letter folds to it
    sources = _lowercase_sources().get(char, set()) | {char}
    return "[" + "".join(re.escape(c) for c in sorted(sources)) + "]"


@functools.lru_cache(maxsize=1)
def _lowercase_sources() -> dict[str, set[str]]:
    """For each single character, the characters that lowercase to it (non-ASCII keys only)."""
    sources: dict[str, set[str]] = {}
    for code in range(0x110000):
        lower = chr(code).lower()
        if len(lower) == 1:
            sources.setdefault(lower, set()).add(chr(code))
    return sources


#: What follows the first token of a match (see `followers`), besides a lowercase word:
GLUED = "+"  # no whitespace before the next character: "+" and that character
NUMBER = "#"  # whitespace, then a digit
OTHER = "?"  # whitespace, then neither a letter nor a digit

#: A number is digit runs joined by single points or commas ("1,400", "2.5").
_SEPARATORS = frozenset(".,")
_DIGITS = frozenset("0123456789")
_LETTERS = frozenset(string.ascii_lowercase)
_LETTER = re.compile(r"[^\W\d_]")
#: Longest word `followers` spells out before it gives up (the lexicon's are shorter).
_LONGEST_FOLLOWER = 40


class _Anything(Exception):
    """A match may go on with anything after its first token."""


#: Reading states of `followers`: before the match; in its first word (`("first", letters read)`)
#: or number (`("separator", ".")` just after a point or comma); just after that token; in the
#: whitespace after it; in the next word (`("word", letters so far)`).
_State = tuple[Any, ...]
_START: _State = ("start",)
_IN_DIGITS: _State = ("digits",)
_AFTER: _State = ("after",)
_IN_GAP: _State = ("gap",)


def followers(pattern: str, first: str) -> frozenset[str] | None:
    """What can follow the first token of a match of `pattern` that starts with `first` (None: anything).

    `first` is a dispatch key (`word_key`): a lowercase word, `#` for a number
    (as `number_follower` reads it) or `'` for an apostrophe. What follows is a
    lowercase word after whitespace, or `NUMBER`, `GLUED` + a character, `OTHER`
    (as `follower_key` reads it). The reading follows every path of the regex,
    ignoring lookarounds (paths may only be fewer), except a lookahead that no
    letter follows, which ends the word; a backreference reads whatever its
    group can. None when a match can end before the word does, or when the
    pattern reads characters this analysis does not spell out.
    """
    found: set[str] = set()
    items, groups = _parsed(pattern)
    try:
        left = _advance(items, {_START}, _Reading(first, found, groups))
    except _Anything:
        return None
    return None if left else frozenset(found)


@functools.lru_cache(maxsize=256)
def _parsed(pattern: str) -> tuple[list, dict[int, list]]:
    """The parse tree of a rule's regex, and the items of its numbered groups (read, never changed)."""
    items = list(sre_parse.parse(pattern, re.IGNORECASE))
    groups: dict[int, list] = {}
    _collect_groups(items, groups)
    return items, groups


@attrs.frozen
class _Reading:
    """What `followers` reads for: the first token, the followers found so far, the regex's groups."""

    first: str
    found: set[str]
    groups: dict[int, list]


def _collect_groups(items: list, groups: dict[int, list]) -> None:
    """The items of each numbered group of a parsed regex, for its backreferences."""
    for op, av in items:
        if op is sre.SUBPATTERN:
            if av[0] is not None:
                groups[av[0]] = list(av[3])
            _collect_groups(list(av[3]), groups)
        elif op is sre.BRANCH:
            for alternative in av[1]:
                _collect_groups(list(alternative), groups)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            _collect_groups(list(av[2]), groups)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            _collect_groups(list(av[1]), groups)


def _advance(items: list, states: set[_State], reading: _Reading) -> set[_State]:
    """The states after reading `items` from `states`."""
    for op, av in items:
        if not states:
            break
        states = _read_item(op, av, states, reading)
    return states


def _read_item(op: Any, av: Any, states: set[_State], reading: _Reading) -> set[_State]:
    if op in (sre.LITERAL, sre.IN):
        chars = {chr(av)} if op is sre.LITERAL else _class_chars(av)
        if chars is None or any(not c.isascii() and c.lower() != c.upper() for c in chars):
            raise _Anything  # a class not spelled out, or a letter whose case folding is not ASCII's
        return {after for state in states for char in chars if (after := _read_char(state, char.lower(), reading))}
    if op is sre.BRANCH:
        return set().union(*(_advance(list(alternative), states, reading) for alternative in av[1]))
    if op is sre.SUBPATTERN:
        return _advance(list(av[3]), states, reading)
    if op is sre.GROUPREF and av in reading.groups:
        return _advance(reading.groups[av], states, reading)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, inner = av
        for _ in range(low):
            states = _advance(list(inner), states, reading)
        reached, fresh, count = set(states), states, low
        while fresh and count < high:  # until no new state: each state reads on the same way
            fresh = _advance(list(inner), fresh, reading) - reached
            reached |= fresh
            count += 1
        return reached
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        if not _no_letter_next(op, av):
            return states
        reading.found.update(state[1] for state in states if state[0] == "word")
        return {state for state in states if state[0] != "word"}
    if op is sre.AT:
        return states
    raise _Anything


def _read_char(state: _State, char: str, reading: _Reading) -> _State | None:
    """The state after `char` (lowercase); None when the path ends (or does not start with `first`)."""
    where, first, found = state[0], reading.first, reading.found
    if where == "start":
        if first == "#":
            return _IN_DIGITS if char in _DIGITS else None
        if first == "'":
            return _AFTER if char in "'’" else None
        return ("first", 1) if char == first[0] else None
    if where == "first":
        if state[1] < len(first):
            return ("first", state[1] + 1) if char == first[state[1]] else None
        if _LETTER.match(char):
            return None  # a longer first word
        where = "after"
    if where == "digits":
        if char in _DIGITS:
            return _IN_DIGITS
        if char in _SEPARATORS:
            return ("separator", char)
        where = "after"
    if where == "after":
        if char.isspace():
            return _IN_GAP
        found.add(GLUED + char)
        return None
    if where == "separator":  # the number goes on only with a digit
        if char in _DIGITS:
            return _IN_DIGITS
        found.add(GLUED + state[1])
        return None
    if where == "gap":
        if char.isspace():
            return _IN_GAP
        if char in _LETTERS:
            return ("word", char)
        found.add(NUMBER if char in _DIGITS else OTHER)
        return None
    if char in _LETTERS:
        if len(state[1]) >= _LONGEST_FOLLOWER:
            raise _Anything
        return ("word", state[1] + char)
    found.add(state[1])
    return None


def _no_letter_next(op: Any, av: Any) -> bool:
    """Whether a lookaround says that no ASCII letter comes next (`(?![\\w])`, `(?=\\W|$)`)."""
    direction, items = av
    if direction != 1 or len(items) != 1:
        return False
    alternatives = [list(a) for a in items[0][1][1]] if items[0][0] is sre.BRANCH else [list(items)]
    if op is sre.ASSERT_NOT:
        return any(len(a) == 1 and _covers_letters(*a[0]) for a in alternatives)
    return all(a and _excludes_letters(*a[0]) for a in alternatives)


def _covers_letters(op: Any, av: Any) -> bool:
    if op is not sre.IN:
        return False
    if (sre.CATEGORY, sre.CATEGORY_WORD) in av:
        return True
    chars = _class_chars(av)
    return chars is not None and set(string.ascii_letters) <= chars


def _excludes_letters(op: Any, av: Any) -> bool:
    if op is sre.AT:
        return av in (sre.AT_END, sre.AT_END_STRING)
    if op is not sre.IN:
        return False
    if av == [(sre.CATEGORY, sre.CATEGORY_NOT_WORD)]:
        return True
    chars = _class_chars(av)
    return chars is not None and not any(c.lower() in _LETTERS for c in chars)


#: Bounds of what `number_follower` and `follower_key` read, so that a start costs little whatever
#: follows; a number, gap or word at its bound may go on, and keeps every rule.
_NUMBER_RUN, _NUMBER_PARTS, _WORD_RUN = 20, 6, 64
_NUMBER = re.compile(rf"[0-9]{{1,{_NUMBER_RUN}}}(?:[.,][0-9]{{1,{_NUMBER_RUN}}}){{0,{_NUMBER_PARTS}}}")
_NUMBER_GOES_ON = re.compile(r"[.,]?[0-9]")
_FOLLOWING = re.compile(rf"(\s{{1,{_WORD_RUN}}})([^\W\d_]{{1,{_WORD_RUN}}}|\d|)|")
#: A number (digit runs joined by single points or commas, not going on past the bounds), then what
#: follows it as `follower_key` reads it.
_NUMBER_FOLLOWING = re.compile(rf"{_NUMBER.pattern}(?!{_NUMBER_GOES_ON.pattern})(?:{_FOLLOWING.pattern})")


def follower_key(folded: str, at: int) -> str | None:
    """What follows a first token ending at `at`, as `followers` names it (None: unknown).

    Anything not ASCII (where case folding and Unicode classes could disagree
    with the analysis), and a gap at its bound, is unknown.
    """
    found = _FOLLOWING.match(folded, at)
    assert found is not None  # the empty branch always matches
    return _follower(folded, found)


def number_follower(folded: str, at: int) -> str | None:
    """`follower_key` after the number starting at `at` (None: unknown, or a number beyond the bounds)."""
    found = _NUMBER_FOLLOWING.match(folded, at)
    return None if found is None else _follower(folded, found)


def _follower(folded: str, found: re.Match[str]) -> str | None:
    """`follower_key` from a `_FOLLOWING` match (at its end, when it read nothing)."""
    gap, word = found.group(1, 2)
    if gap is None:
        following = folded[found.end() : found.end() + 1]
        return GLUED + following if following.isascii() else None
    if len(gap) == _WORD_RUN:
        return None
    if not word:
        return OTHER if folded[found.end() : found.end() + 1].isascii() else None
    return word_follower(word)


def word_follower(word: str) -> str | None:
    """`follower_key` of a word or digit after whitespace shorter than `_WORD_RUN` (None: not ASCII)."""
    if not word.isascii():
        return None
    return NUMBER if word.isdigit() else word.lower()


@attrs.frozen
class Follow:
    """Candidate rules narrowed by what follows the first token of a word start (see `followers`).

    `by_key` maps a follower to the rules that can go on with it, in rule order;
    `default` are the rules that can go on with anything; `every` all of them.
    `narrows`: whether what follows can leave out some rule.
    """

    every: tuple[Rule, ...]
    by_key: dict[str, tuple[Rule, ...]]
    default: tuple[Rule, ...]
    narrows: bool

    @classmethod
    def of(cls, rules: tuple[Rule, ...], follows: list[frozenset[str] | None]) -> Follow:
        """`follows[i]` are the followers of `rules[i]` (None: any)."""
        pairs = list(zip(rules, follows, strict=True))
        keys = set().union(*(f for f in follows if f is not None))
        by_key = {key: tuple(r for r, f in pairs if f is None or key in f) for key in keys}
        default = tuple(r for r, f in pairs if f is None)
        return cls(rules, by_key, default, narrows=default != rules)

    @property
    def any_follower(self) -> bool:
        """Whether some rule can go on with anything."""
        return bool(self.default)

    def after(self, key: str | None) -> tuple[Rule, ...]:
        """The rules that can go on with the follower `key` of the first token (None: unknown)."""
        return self.every if key is None else self.by_key.get(key, self.default)


class _Unbounded(Exception):
    """A rule can start with any word: it cannot be dispatched."""


ANY = "*"
Words = tuple[str, str]


def first_words_of(pattern: str) -> set[Words]:
    """The first two words a regex can match: `(first, second)` pairs.

    Words are lowercase letter runs; `#` stands for a digit and `'` for an
    apostrophe. The second word is `*` when anything may follow the first
    (the match can end there, or continues with punctuation or digits).
    """
    budget = [400_000]

    def walk(items: list, i: int, state: tuple[tuple[str, ...], str], cont: Callable) -> set[Words]:
        budget[0] -= 1
        if budget[0] < 0:
            raise _Unbounded
        if i == len(items):
            return cont(state)
        op, av = items[i]

        def rest(next_state: tuple[tuple[str, ...], str]) -> set[Words]:
            return walk(items, i + 1, next_state, cont)

        if op is sre.LITERAL:
            return _step(state, {chr(av)}, rest)
        if op is sre.IN:
            return _step(state, _class_chars(av), rest)
        if op is sre.BRANCH:
            out: set[Words] = set()
            for alternative in av[1]:
                out |= walk(list(alternative), 0, state, rest)
            return out
        if op is sre.SUBPATTERN:
            return walk(list(av[3]), 0, state, rest)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, inner = av
            out = rest(state) if low == 0 else set()
            if high >= 1:
                out |= walk(list(inner), 0, state, rest)
            return out
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return rest(state)
        return {_pair(state)}  # the rest may be anything

    def _step(state: tuple[tuple[str, ...], str], chars: set[str] | None, rest: Callable) -> set[Words]:
        words, current = state
        if chars is None:
            return {_pair(state)}
        out: set[Words] = set()
        for char in chars:
            lower = char.lower()
            if lower.isalpha():
                out |= rest((words, current + lower))
            elif lower.isspace():
                if current:
                    done = (*words, current)
                    out |= {(done[0], done[1])} if len(done) == 2 else rest((done, ""))
                elif words:
                    out |= rest((words, ""))  # more whitespace between the words
                else:
                    raise _Unbounded  # a match starting with a space
            else:
                token = "#" if lower.isdigit() else "'" if lower in "'’" else None
                if not words and not current:
                    if token is None:
                        raise _Unbounded  # a match starting with punctuation
                    out.add((token, ANY))
                elif len(words) == 1 and not current and token == "#":
                    out.add((words[0], "#"))  # "the 1990s": a number as the second word
                else:
                    out.add(_pair(state))
        return out

    def finish(state: tuple[tuple[str, ...], str]) -> set[Words]:
        return {_pair(state)} if state[0] or state[1] else set()

    return walk(list(sre_parse.parse(pattern, re.IGNORECASE)), 0, ((), ""), finish)


def _pair(state: tuple[tuple[str, ...], str]) -> Words:
    """The (first, second) words of a walk state; `*` where the second is open."""
    words, current = state
    done = (*words, current) if current else words
    if not done:
        raise _Unbounded
    return (done[0], done[1]) if len(done) >= 2 else (done[0], ANY)


def _class_chars(items: list) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < 64:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            chars.update("0123456789")
        elif op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            chars.add(" ")
        else:
            return None
    return chars


@functools.lru_cache(maxsize=4096)
def _fold(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split()).rstrip(".")


#: Words that stay lowercase inside capitalised names ("Fourth of July").
_LOWER_IN_TITLES = frozenset("of the and a an in on at for to".split())


def _alternation(words: list[str], case_sensitive: bool) -> str:
    """Longest-first alternation of table entries, spaces as whitespace runs."""
    forms: set[str] = set()
    for word in words:
        if case_sensitive:
            capitalised = " ".join(w[:1].upper() + w[1:] for w in word.split(" "))
            title = " ".join(w if w in _LOWER_IN_TITLES else w[:1].upper() + w[1:] for w in word.split(" "))
            forms.update({word.capitalize(), word.upper(), capitalised, title[:1].upper() + title[1:]})
        else:
            forms.add(word)
    body = _factored(forms, case_sensitive)
    if body is None:
        escaped = []
        for form in sorted(forms, key=lambda f: (-len(f), f)):
            pieces = [re.escape(p) for p in form.split(" ")]
            escaped.append(_WS.join(pieces).replace("'", "['’]"))
        body = "|".join(escaped)
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


def _factored(forms: set[str], case_sensitive: bool) -> str | None:
    """The longest-first alternation of `forms` factored into a prefix tree.

    The regex engine tries alternatives one by one; a tree tries each
    character once. It matches what the flat alternation matches, and prefers
    the same alternative: two forms can both match at one place only when one
    is a prefix of the other, and the tree, like the flat longest-first list,
    tries the longer one first (branches before the end of a shorter form).
    Forms the argument does not cover (non-ASCII letters, curly apostrophes,
    doubled spaces) keep the flat list (None).
    """
    units_of: set[tuple[str, ...]] = set()
    for form in forms:
        if not form.isascii() or "  " in form or form != form.strip() or not form:
            return None
        folded = form if case_sensitive else form.lower()
        units_of.add(tuple(_WS if c == " " else "['’]" if c == "'" else re.escape(c) for c in folded))
    tree: dict[str, Any] = {}
    for units in units_of:
        node = tree
        for unit in units:
            node = node.setdefault(unit, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [unit + emit(child) for unit, child in sorted(node.items()) if unit]
        if "" in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return f"(?:{'|'.join(branches)})"

    return emit(tree)


#: Lower-case regions that complete an event noun phrase ("the war in the east").
_REGIONS = rf"(?:(?:north|south)?(?:east|west)|north|south)(?:ern)?(?![\w'’-])(?:{_WS}(?-i:[A-Z])[\w'’-]{{1,30}})?"


def _builtins(alternations: dict[str, str]) -> dict[str, str]:
    numeral = r"(?<!\d[.,])(?:\d{1,3}(?:,\d{3})+|\d{1,4}(?:\.\d{1,2})?)(?![\d])"
    compound = rf"(?:(?:{_TENS})(?:[- ](?:{_UNITS_WORDS}))?)"
    word = rf"(?:(?:(?:a|one|two|three|four|five|six|seven|eight|nine){_WS})?hundred(?:{_WS}and)?{_WS})?(?:{compound}|{alternations['NUMBERS']})"
    amount = rf"(?:{numeral}|{alternations['VAGUE_AMOUNTS']}|{word})(?:{_WS}and{_WS}a{_WS}half)?"
    ordinal = rf"(?:{alternations['ORDINALS']}|(?:{_TENS})-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|(?<![\d.,])\d{{1,4}}(?:st|nd|rd|th))"
    event_np = (
        rf"(?:(?:the|its|this|that|his|her|their|our|a|an){_WS})?"
        rf"(?:[\w'’-]{{1,30}}{_WS}){{0,3}}?"
        rf"(?:{alternations['EVENT_NOUNS']})"
        rf"(?:{_WS}(?:of|in|on|against|with){_WS}(?:the{_WS})?(?!(?:{alternations['WEEKDAYS']}|{alternations['MONTHS']})\b)"
        rf"(?:(?-i:[A-Z])[\w'’-]{{1,30}}(?:{_WS}(?-i:[A-Z])[\w'’-]{{1,30}})?|{_REGIONS}))?"
        r"(?!\w)"
    )
    return {
        "NUMERAL": numeral,
        "AMOUNT": amount,
        "DAYNUM": r"(?<![\d.,])(?:3[01]|[12]\d|0?[1-9])(?!\d|[.,:]\d)",
        "YEAR": r"(?<![\d.,])(?:1\d\d\d|20\d\d)(?!\d|,\d)",  # 1000-2099; a bare year must be 1600+ (builders.year)
        "ORD": ordinal,
        "EVENTNP": event_np,
    }


def _expand(pattern: str, placeholders: dict[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in placeholders:
            raise KeyError(f"unknown placeholder {{{name}}} in grammar")
        return placeholders[name]

    # Spaces first (placeholders contain their own whitespace classes).
    spaced = pattern.replace(" ", _WS)
    return re.sub(r"\{([A-Z_]+)\}", replace, spaced)


def _merge_any(seconds: dict[str, list[int]], rules: list[Rule]) -> dict[str, tuple[Rule, ...]]:
    """Each second word's rules plus those that accept any second word, in rule order."""
    anywhere = set(seconds.get(ANY, ()))
    merged = {word: tuple(rules[i] for i in sorted(anywhere | set(ix))) for word, ix in seconds.items()}
    merged[ANY] = tuple(rules[i] for i in sorted(anywhere))
    return merged


def _read_toml(name: str) -> dict[str, Any]:
    source = resources.files("timeline") / "data" / "grammar" / name
    return tomllib.loads(source.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def load_grammar() -> Grammar:
    """Compile the shipped grammar (once per process)."""
    lexicon = _read_toml("lexicon.toml")
    spec = _read_toml("grammar.toml")
    case_sensitive = set(lexicon.pop("case_sensitive", []))
    tables = {name: {_fold(k): v for k, v in table.items()} for name, table in lexicon.items()}
    alternations = {
        name.upper(): _alternation(list(table), name in case_sensitive)
        for name, table in lexicon.items()
    }
    placeholders = alternations | _builtins(alternations)

    rules: list[Rule] = []
    first_words: dict[str, dict[str, list[int]]] = {}
    for index, raw in enumerate(spec["rule"]):
        body = _expand(raw["pattern"], placeholders)
        try:
            starts = first_words_of(body)
        except _Unbounded:
            raise ValueError(f"rule {raw['name']} may start with any word; anchor it on a keyword") from None
        for first, second in starts:
            first_words.setdefault(first, {}).setdefault(second, []).append(index)
        rules.append(
            Rule(
                name=raw["name"],
                pattern=raw["pattern"],
                build=raw["build"],
                consume=raw.get("consume", "match"),
                examples=tuple(Example.parse(e, raw["name"]) for e in raw.get("examples", ())),
                negatives=tuple(raw.get("negatives", ())),
                regex=re.compile(rf"(?:{body})(?![\w])", re.IGNORECASE),
            )
        )
    event_before = re.compile(rf"({placeholders['EVENTNP']})(?:{_WS}has)?{_WS}$", re.IGNORECASE)
    dispatch = {first: _merge_any(seconds, rules) for first, seconds in first_words.items()}
    follow = {first: _follow_table(first, table) for first, table in dispatch.items()}
    return Grammar(
        rules=tuple(rules),
        tables=tables,
        first_words=dispatch,
        follow=follow,
        reference=date.fromisoformat(spec["reference"]),
        event_before=event_before,
    )


def _follow_table(first: str, table: dict[str, tuple[Rule, ...]]) -> dict[str, Follow]:
    """`Follow` of each second word's rules: those that take any second word are narrowed by their followers."""
    anything = table[ANY]
    follows = {rule.name: followers(rule.regex.pattern, first) for rule in anything}
    return {
        second: Follow.of(rules, [follows[rule.name] if rule in anything else None for rule in rules])
        for second, rules in table.items()
    }
