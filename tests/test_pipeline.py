"""The whole pipeline: events found, merged across documents and ordered."""

from __future__ import annotations

from pathlib import Path

import timeline
from timeline import Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_seeds_timeline() -> None:
    result = timeline.reconstruct(timeline.load_folder(SEEDS))
    assert len(result.events) >= 20
    texts = {d.id: d.text for d in result.documents}
    for event in result.events:
        assert event.time.earliest <= event.time.most_likely <= event.time.latest
        for told in event.mentions:
            assert 0 <= told.start < told.end <= len(texts[told.document])
    likely = [e.time.most_likely for e in result.events]
    assert likely == sorted(likely)


def test_reported_event_is_the_event_not_the_saying() -> None:
    doc = Document(
        "d",
        "Russia's defense ministry said Friday that the army had made a breakthrough in Mariupol.",
        "2022-03-19",
    )
    (event,) = timeline.reconstruct([doc]).events
    assert event.text.startswith("The army had made a breakthrough")
    assert event.mentions[0].reported
    assert event.time.latest.isoformat() == "2022-03-18"
    assert event.time.earliest < event.time.latest  # on Friday or shortly before


def test_same_event_in_two_documents_is_merged() -> None:
    docs = [
        Document("a", "Russian troops withdrew from Kherson on Friday, officials said.", "2022-11-12"),
        Document("b", "On Friday Russian troops withdrew from Kherson after months of fighting.", "2022-11-13"),
    ]
    result = timeline.reconstruct(docs, knowledge=False)
    merged = [e for e in result.events if len(e.mentions) == 2]
    assert merged and merged[0].time.most_likely.isoformat() == "2022-11-11"


def test_undated_document_without_clues_adds_no_dated_events() -> None:
    result = timeline.reconstruct([Document("x", "Officials met on Friday to discuss the plan.")])
    assert result.publications["x"].status == "unknown"
    assert result.events == ()


def test_unknown_publication_keeps_what_does_not_depend_on_it() -> None:
    doc = Document("u", "Officials met on Friday for three weeks of talks, as they did in the 1990s, and again on Feb. 24.")
    result = timeline.reconstruct([doc])
    assert result.publications["u"].status == "unknown"
    values = {m.text: m.value for m in result.mentions["u"]}
    assert values["Friday"] == "XXXX-WXX-5"
    assert values["three weeks"] == "P3W"
    assert values["the 1990s"] == "199"
    assert values["Feb. 24"] == "XXXX-02-24"
