"""Load the grammar data files and compile them into one scanner.

The lexicon (``data/grammar/lexicon.toml``) holds vocabularies; the rules
(``data/grammar/grammar.toml``) hold patterns that refer to them. Everything is
compiled once into a single alternation so that a text is scanned in one pass.
All quantifiers are bounded, so scanning stays linear on hostile input.
"""

from __future__ import annotations

import functools
import re
import tomllib
from datetime import date
from importlib import resources
from typing import Any

import attrs

__all__ = ["Example", "Grammar", "Rule", "load_grammar"]

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
        """Read ``"said <<Friday>> => DATE 2022-03-18 [MOD]"``."""
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
    group: str  # the name of this rule's group in the compiled union
    subgroups: tuple[tuple[str, str], ...]  # (group in union, name in rule)


@attrs.frozen
class Grammar:
    """The compiled scanner plus the tables the builders read."""

    rules: tuple[Rule, ...]
    tables: dict[str, dict[str, Any]]
    scanner: re.Pattern[str]
    reference: date
    by_group: dict[str, Rule]

    def lookup(self, table: str, phrase: str) -> Any:
        """The value of ``phrase`` in ``table`` (whitespace and case folded)."""
        return self.tables[table].get(_fold(phrase))


def _fold(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split()).rstrip(".")


def _alternation(words: list[str], case_sensitive: bool) -> str:
    """Longest-first alternation of table entries, spaces as whitespace runs."""
    forms: set[str] = set()
    for word in words:
        if case_sensitive:
            capitalised = " ".join(w[:1].upper() + w[1:] for w in word.split(" "))
            forms.update({word.capitalize(), word.upper(), capitalised})
        else:
            forms.add(word)
    escaped = []
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        pieces = [re.escape(p) for p in form.split(" ")]
        escaped.append(_WS.join(pieces).replace("'", "['’]"))
    body = "|".join(escaped)
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


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
        rf"(?:{_WS}(?:of|in|on|against|with){_WS}(?:the{_WS})?(?-i:[A-Z])[\w'’-]{{1,30}}(?:{_WS}(?-i:[A-Z])[\w'’-]{{1,30}})?)?"
        r"(?!\w)"
    )
    return {
        "NUMERAL": numeral,
        "AMOUNT": amount,
        "DAYNUM": r"(?<![\d.,])(?:3[01]|[12]\d|0?[1-9])(?!\d|[.,:]\d)",
        "YEAR": r"(?<![\d.,])(?:1[6-9]\d\d|20\d\d)(?!\d|,\d)",
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


_GROUP = re.compile(r"\(\?P<([a-z_0-9]+)>")
_BACKREF = re.compile(r"\(\?P=([a-z_0-9]+)\)")


def _rename_groups(pattern: str, prefix: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    names = _GROUP.findall(pattern)
    renamed = _GROUP.sub(lambda m: f"(?P<{prefix}{m.group(1)}>", pattern)
    renamed = _BACKREF.sub(lambda m: f"(?P={prefix}{m.group(1)})", renamed)
    return renamed, tuple((prefix + n, n) for n in names)


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

    rules = []
    branches = []
    for index, raw in enumerate(spec["rule"]):
        group = f"r{index}"
        body, subgroups = _rename_groups(_expand(raw["pattern"], placeholders), f"{group}_")
        branches.append(f"(?P<{group}>{body})")
        rules.append(
            Rule(
                name=raw["name"],
                pattern=raw["pattern"],
                build=raw["build"],
                consume=raw.get("consume", "match"),
                examples=tuple(Example.parse(e, raw["name"]) for e in raw.get("examples", ())),
                negatives=tuple(raw.get("negatives", ())),
                group=group,
                subgroups=subgroups,
            )
        )
    union = r"(?<![\w\-/@#])(?:" + "|".join(branches) + r")(?![\w])"
    scanner = re.compile(union, re.IGNORECASE)
    return Grammar(
        rules=tuple(rules),
        tables=tables,
        scanner=scanner,
        reference=date.fromisoformat(spec["reference"]),
        by_group={r.group: r for r in rules},
    )
