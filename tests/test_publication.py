"""Publication-context inference: real behaviour on small articles and the seeds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import timeline
from timeline import Document, KnowledgeBase
from timeline.publication import infer_corpus, infer_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _infer(text: str, knowledge: bool = True) -> timeline.PublicationContext:
    base = timeline.default_knowledge() if knowledge else None
    return infer_document(Document("t", text), base)


def test_known_date_overrides_inference() -> None:
    context = infer_document(Document("t", "Five days into the invasion.", "2023-05-01"))
    assert context.status == "known"
    assert context.most_likely == date(2023, 5, 1)
    assert context.time.is_exact


def test_no_clue_is_unknown_not_a_guess() -> None:
    context = _infer("The weather was mild and the market was busy.")
    assert context.status == "unknown"
    assert context.most_likely is None
    assert context.time.width > 365 * 100
    assert context.as_dict()["most_likely"] is None


def test_weekday_alone_is_unknown_but_reported_as_evidence() -> None:
    context = _infer("Officials said Saturday that talks would continue.")
    assert context.status == "unknown"
    assert any(e.kind == "weekday" for e in context.evidence)


def test_elapsed_count_and_weekday_pin_the_day() -> None:
    context = _infer(
        "Fighting raged in Ukraine more than three weeks into the invasion, the Russian ministry said Saturday."
    )
    assert context.status == "inferred"
    # AP style: "said Saturday" is written on the Saturday or the day after.
    assert context.most_likely in (date(2022, 3, 19), date(2022, 3, 20))
    lo, hi = context.interval_90
    assert lo <= date(2022, 3, 19) and date(2022, 3, 20) <= hi
    assert abs(sum(context.time.distribution().values()) - 1) < 1e-9


def test_offset_from_known_event_allows_the_day_one_count() -> None:
    context = _infer("Putin began his invasion of Ukraine five days ago, Russian officials said on Monday.")
    assert context.most_likely in (date(2022, 2, 28), date(2022, 3, 1))
    lo, hi = context.interval_90
    assert lo <= date(2022, 2, 28) and date(2022, 3, 1) <= hi


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("More than six years into the war in the east, aid trucks reached Donetsk and Luhansk.", date(2014, 4, 12)),
        ("On the 899th day of Russia's conflict in the east, a missile hit Kharkiv in Ukraine.", date(2014, 4, 12)),
        ("In the eighth year of the invasion of Crimea, Ukraine's grid failed in Kherson.", date(2014, 2, 27)),
    ],
)
def test_counting_from_the_event_the_noun_phrase_names(text: str, start: date) -> None:
    # The noun phrase runs on to "in the east" / "of Crimea": not the 2022 invasion.
    context = _infer(text)
    counts = [e for e in context.evidence if e.kind == "event-count"]
    assert counts and str(start) in counts[0].description
    assert context.most_likely is not None and context.most_likely < date(2022, 2, 24)


def test_one_fact_is_counted_once() -> None:
    # The sentence names the annexation (an event mention) and counts from it
    # ("since the beginning of"); the date is the battle's own day. Each fact
    # gives one clue, or the recency preference would be squared.
    since = _infer("Thousands of people in Ukraine have been evacuated since the beginning of the annexation of Crimea.")
    assert [e.kind for e in since.evidence] == ["event-since"]
    dated = _infer("Officials in Kyiv, Ukraine, recalled the battle for Debaltseve on Jan. 14, 2015.")
    assert [e.kind for e in dated.evidence] == ["event-mention"]
    # After 2015 for sure, with years later still well possible.
    lo, hi = dated.interval_90
    assert lo == date(2015, 1, 14) and hi > date(2020, 1, 1)


@pytest.mark.parametrize(
    "text",
    [
        "The company sold $100 million of 9% notes due Nov. 1, 2009, on Monday, March 6, 1989.",
        "The firm said on March 6, 1989, that it wouldn't be profitable until 1994.",
        "The analyst trimmed his 1995 earnings estimate after the results of March 6, 1989.",
    ],
)
def test_deadlines_and_forecasts_are_not_lower_bounds(text: str) -> None:
    # Real news (financial pages above all) names maturities and targets years
    # ahead; taken as past days they would put publication years too late.
    context = _infer(text, knowledge=False)
    lo, hi = context.interval_90
    assert lo <= date(1989, 3, 6) <= hi


def test_entered_its_fifth_month() -> None:
    context = _infer("As Russia's invasion of Ukraine entered its fifth month, missiles hit Lviv early Saturday.")
    assert date(2022, 6, 24) <= context.most_likely <= date(2022, 7, 10)
    assert context.most_likely.isoweekday() in (6, 7)


def test_evidence_is_ranked_by_influence() -> None:
    context = _infer("More than three weeks into the invasion, Ukrainian officials in Kyiv said Saturday.")
    influences = [e.influence for e in context.evidence]
    assert influences == sorted(influences, reverse=True)
    assert context.evidence[0].influence > 0.1


def test_contradictory_clues_are_reported_and_the_answer_stays_possible() -> None:
    context = _infer(
        "As Russia's invasion of Ukraine entered its fifth month, shelling continued. "
        "Separately, officials said the war was only five days old, as the invasion began five days ago."
    )
    assert context.status == "inferred"
    assert context.conflicts, "two incompatible counts must be reported"
    assert all(c.clue.spans for c in context.conflicts)
    assert context.time.earliest <= context.time.most_likely <= context.time.latest


def test_corpus_teaches_the_invasion_date_without_knowledge_base() -> None:
    docs = [
        Document("a", "Russian forces invaded Ukraine on Feb. 24, officials recalled."),
        Document("b", "Moldova suspended its role after Russia's invasion of Ukraine in February 2022."),
        Document("c", "Fighting raged in Ukraine more than three weeks into the invasion, the Russian ministry said Saturday."),
    ]
    contexts = infer_corpus(docs, knowledge=False)
    assert contexts["c"].status == "inferred"
    assert contexts["c"].most_likely in (date(2022, 3, 19), date(2022, 3, 20))


def test_empty_knowledge_base_and_empty_text() -> None:
    context = infer_document(Document("t", ""), KnowledgeBase.empty())
    assert context.status == "unknown"


def test_infer_publication_accepts_text_and_documents() -> None:
    single = timeline.infer_publication("Officials in Kyiv said Monday the Russian invasion began five days ago.")
    assert isinstance(single, timeline.PublicationContext)
    many = timeline.infer_publication([Document("x", "Nothing here.")])
    assert isinstance(many, dict) and many["x"].status == "unknown"


@pytest.mark.parametrize(
    ("seed", "lo", "hi"),
    [
        ("000_4dc428acbec87f2f.txt", date(2022, 3, 18), date(2022, 3, 21)),
        ("001_653f096f723bf98c.txt", date(2024, 6, 1), date(2024, 6, 8)),
        ("002_d457f11cc40cd8e1.txt", date(2022, 2, 27), date(2022, 3, 2)),
        ("003_db1a9f3a81fb83d4.txt", date(2022, 6, 25), date(2022, 6, 27)),
        ("004_7c0fd61f95ef5008.txt", date(2022, 3, 29), date(2022, 3, 31)),
    ],
)
def test_seed_publication_days(seed: str, lo: date, hi: date) -> None:
    documents = timeline.load_folder(SEEDS)
    contexts = infer_corpus(documents, knowledge=True)
    context = contexts[seed]
    assert context.most_likely is not None and lo <= context.most_likely <= hi


def test_user_events_apply_outside_the_shipped_domain(tmp_path: Path) -> None:
    user = tmp_path / "floods.json"
    user.write_text(
        '{"name": "floods", "events": [{"id": "riverside-flood", "date": "2023-04-12", '
        '"names": ["the flood crisis"], "aliases": ["the flood"], "keywords": ["flood"], '
        '"places": ["Riverside"], "counts_from": ["flood", "flood crisis"], "salience": 0.9}]}',
        encoding="utf-8",
    )
    merged = timeline.resolve_knowledge(user)
    assert merged is not None
    article = Document("f", "Three weeks into the flood crisis, the Riverside bridge reopened on Wednesday.")
    context = infer_document(article, merged)
    assert context.most_likely == date(2023, 5, 3)  # the Wednesday three weeks after the flood


def test_corpus_neighbours_give_a_relative_article_its_year() -> None:
    # Alone, a weekday and a year-less date tie nothing to a year: unknown.
    relative = "The ministry said Saturday that the ceasefire agreed on March 12 was holding."
    alone = infer_document(Document("c", relative), None)
    assert alone.status == "unknown"
    dated = [
        Document("a", "Talks resumed.", "2019-03-18"),
        Document("b", "Talks stalled.", "2019-03-20"),
        Document("d", "Talks ended.", "2019-03-21"),
    ]
    joint = infer_corpus([*dated, Document("c", relative)], knowledge=False)
    context = joint["c"]
    assert context.status == "inferred"
    # The Saturday after March 12 near the others' days: 2019-03-16 (or the next one).
    assert context.most_likely in (date(2019, 3, 16), date(2019, 3, 23))
    corpus = [e for e in context.evidence if e.kind == "corpus"]
    assert corpus and "3 other dated articles" in corpus[0].description
    # Honest about the chance that the article is from another time: mass stays elsewhere.
    assert context.time.width > 365


def test_corpus_alone_does_not_date_an_article_without_clues() -> None:
    dated = [Document("a", "Talks resumed.", "2019-03-18"), Document("b", "Talks stalled.", "2019-03-20")]
    joint = infer_corpus([*dated, Document("c", "The weather was mild.")], knowledge=False)
    assert joint["c"].status == "unknown"


def test_scattered_corpus_has_low_cohesion() -> None:
    # Dated articles decades apart say little about each other.
    dated = [Document(str(y), "Talks resumed.", f"{y}-06-01") for y in (1950, 1975, 2000, 2025)]
    relative = Document("c", "The ministry said Saturday that the ceasefire agreed on March 12 was holding.")
    context = infer_corpus([*dated, relative], knowledge=False)["c"]
    corpus = [e for e in context.evidence if e.kind == "corpus"]
    cohesion = float(corpus[0].description.rsplit("cohesion ", 1)[1].rstrip(")"))
    assert cohesion < 0.5


def test_a_historys_story_days_say_nothing_about_when_it_was_written() -> None:
    history = (Path(__file__).resolve().parents[1] / "examples" / "history.txt").read_text(encoding="utf-8")
    context = _infer(history)
    assert {e.kind for e in context.evidence} == {"explicit-date"}  # no year-less or weekday clues
    assert context.interval(0.9)[0] >= date(1982, 3, 19)
