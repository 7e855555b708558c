"""Properties of publication-date inference on generated articles with a known publication day.

The articles come from :mod:`timeline.synthetic`: every clue in them is true
for the publication day, so the inferred distribution must never rule that day
out. (Calibration itself -- how often intervals cover it -- is measured by
benchmarks/calibration.py.)
"""

from __future__ import annotations

import calendar
import math
import random
import re
from datetime import date

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from timeline.document import Document
from timeline.knowledge import KnowledgeBase, default_knowledge
from timeline.publication import PublicationContext, infer_corpus, infer_document
from timeline.synthetic import (
    STYLES,
    SyntheticArticle,
    article_strategy,
    articles,
    generate_article,
)

KNOWLEDGE = default_knowledge()
PROPERTY = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,  # the same examples on every run: a failure here is reproducible
    phases=[Phase.explicit, Phase.generate],  # shrinking an article takes minutes and adds little
    suppress_health_check=[HealthCheck.too_slow],
)


def _where(article: SyntheticArticle) -> str:
    return f"\npublished {article.publication}, styles {article.styles}\n{article.text}"


def _check_well_formed(context: PublicationContext, article: SyntheticArticle) -> None:
    """A distribution that sums to one, a mode inside it, nested intervals."""
    time = context.time
    where = _where(article)
    assert time.earliest <= time.most_likely <= time.latest, where
    if context.status == "unknown":
        assert context.most_likely is None, where
        return
    assert context.status == "inferred", where
    likely = context.most_likely
    assert likely is not None and time.earliest <= likely <= time.latest, where
    total = math.fsum(time.distribution().values())
    assert abs(total - 1.0) < 1e-6, f"distribution sums to {total}" + where
    for mass in (0.5, 0.9):
        lo, hi = context.interval(mass)
        assert time.earliest <= lo <= hi <= time.latest, where
    lo50, hi50 = context.interval_50
    lo90, hi90 = context.interval_90
    assert lo90 <= lo50 and hi50 <= hi90, "the 50% interval is not inside the 90% one" + where


def _check_support(context: PublicationContext, article: SyntheticArticle) -> None:
    """The true day is never ruled out (unknown: it lies in the unknown window)."""
    time = context.time
    what = "unknown window" if context.status == "unknown" else "support"
    assert time.earliest <= article.publication <= time.latest, (
        f"true day outside the {what} {time.earliest}..{time.latest}" + _where(article)
    )


@PROPERTY
@given(article_strategy(KNOWLEDGE))
def test_true_day_within_support(article: SyntheticArticle) -> None:
    context = infer_document(Document("a", article.text), KNOWLEDGE)
    _check_well_formed(context, article)
    _check_support(context, article)


@PROPERTY
@given(article_strategy(KNOWLEDGE))
def test_without_knowledge(article: SyntheticArticle) -> None:
    context = infer_document(Document("a", article.text), None)
    _check_well_formed(context, article)
    _check_support(context, article)


@settings(PROPERTY, max_examples=6)
@given(st.randoms(use_true_random=False), st.dates(date(2014, 3, 1), date(2025, 9, 24)))
def test_corpus_of_one_week_keeps_true_days(rng: random.Random, week: date) -> None:
    members = [
        generate_article(
            rng, KNOWLEDGE, publication=week.fromordinal(week.toordinal() + rng.randint(0, 6))
        )
        for _ in range(5)
    ]
    docs = [Document(f"d{i}", a.text) for i, a in enumerate(members)]
    contexts = infer_corpus(docs, knowledge=KNOWLEDGE)
    for doc, article in zip(docs, members, strict=True):
        _check_well_formed(contexts[doc.id], article)
        _check_support(contexts[doc.id], article)


# --- the generator itself ----------------------------------------------------------------


def test_generator_is_reproducible() -> None:
    first = [(a.text, a.publication) for a in articles(11, 20, KNOWLEDGE)]
    again = [(a.text, a.publication) for a in articles(11, 20, KNOWLEDGE)]
    assert first == again


def test_generator_covers_every_style() -> None:
    seen = {style for a in articles(3, 1500, KNOWLEDGE) for style in a.styles}
    assert seen == set(STYLES)


def test_generator_without_knowledge_uses_no_events() -> None:
    empty = KnowledgeBase.empty()
    for article in articles(5, 200, empty):
        assert not any(style.startswith(("event-", "count-")) for style in article.styles)


_WEEKDAY = re.compile(
    r"(?:said |on |early |late |last )?(?P<name>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: night| morning)?"
)
_MONTH_DAY = re.compile(r"(?P<month>[A-Z][a-z]+)\.? (?P<day>\d{1,2})(?:, (?P<year>\d{4}))?")
_DAY_MONTH = re.compile(r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+)(?: (?P<year>\d{4}))?")
_MONTHS = {name[:3]: number for number, name in enumerate(calendar.month_name) if name}


@PROPERTY
@given(article_strategy(KNOWLEDGE))
def test_generated_dates_are_written_correctly(article: SyntheticArticle) -> None:
    """Every weekday or calendar date written in the text names the day recorded for it."""
    assert set(article.styles) <= set(STYLES)
    if "no-clue" in article.styles:
        assert article.styles == ("no-clue",) and not article.events
    for phrase, day in article.events:
        if match := _WEEKDAY.fullmatch(phrase):
            assert calendar.day_name[day.weekday()] == match["name"], (phrase, day)
            assert abs((day - article.publication).days) <= 7, (phrase, day)
        elif match := _MONTH_DAY.fullmatch(phrase) or _DAY_MONTH.fullmatch(phrase):
            assert (_MONTHS[match["month"][:3]], int(match["day"])) == (day.month, day.day), (
                phrase,
                day,
            )
            assert match["year"] is None or int(match["year"]) == day.year, (phrase, day)
