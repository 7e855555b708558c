"""Every grammar rule's examples and negatives, run against the whole tagger.

The examples live beside the rules in ``timeline/data/grammar/grammar.toml``
and are anchored to the grammar's fixed reference date (2022-03-18).
"""

from __future__ import annotations

import pytest

from timeline.tagger import load_grammar, tag
from timeline.tagger.grammar import Example

GRAMMAR = load_grammar()


def _example_params() -> list:
    return [
        pytest.param(example, id=f"{rule.name}: {example.text}")
        for rule in GRAMMAR.rules
        for example in rule.examples
    ]


def _negative_params() -> list:
    return [
        pytest.param(rule.name, text, id=f"{rule.name}: {text}")
        for rule in GRAMMAR.rules
        for text in rule.negatives
    ]


def _found(text: str) -> list[tuple]:
    return [
        (m.start, m.end, m.text, m.kind, m.value, m.mod, m.rule)
        for m in tag(text, GRAMMAR.reference)
    ]


@pytest.mark.parametrize("example", _example_params())
def test_example(example: Example) -> None:
    expected = (
        example.start,
        example.end,
        example.text[example.start : example.end],
        example.kind,
        example.value,
        example.mod,
    )
    found = _found(example.text)
    assert [f[:6] for f in found] == [expected], f"found {found}"


@pytest.mark.parametrize(("rule", "text"), _negative_params())
def test_negative(rule: str, text: str) -> None:
    found = _found(text)
    assert not [f for f in found if f[6] == rule], f"found {found}"


def test_every_rule_has_examples() -> None:
    assert not [rule.name for rule in GRAMMAR.rules if not rule.examples]


def test_examples_and_negatives_are_collected() -> None:
    assert len(_example_params()) >= len(GRAMMAR.rules)
    assert _negative_params()
