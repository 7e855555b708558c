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
