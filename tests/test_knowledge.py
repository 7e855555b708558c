"""The shipped knowledge base, phrase matching, counting nouns and user files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.errors import InputError
from timeline.knowledge import (
    KnowledgeBase,
    ReferenceEvent,
    default_knowledge,
    load_knowledge,
    normalise_tokens,
)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_knowledge()


def best_id(kb: KnowledgeBase, phrase: str) -> str | None:
    found = kb.match(phrase)
    return found[0][0].id if found else None


def write_knowledge(tmp_path: Path, events: list[dict[str, Any]], name: str = "user") -> Path:
    path = tmp_path / "user.json"
    path.write_text(json.dumps({"name": name, "events": events}), encoding="utf-8")
    return path


def user_event(**overrides: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "id": "village-fair",
        "date": "2023-05-04",
        "names": ["the village fair"],
        "keywords": ["fair"],
    }
    event.update(overrides)
    return event


# --- the shipped file ----------------------------------------------------------------


def test_shipped_file_has_enough_events(kb: KnowledgeBase) -> None:
    assert kb.name == "russia-ukraine-war"
    assert len(kb) >= 130
    assert len(list(kb)) == len(kb)


def test_shipped_ids_are_unique(kb: KnowledgeBase) -> None:
    ids = [event.id for event in kb]
    assert len(ids) == len(set(ids))


def test_shipped_dates_lie_in_the_covered_years(kb: KnowledgeBase) -> None:
    for event in kb:
        assert date(2013, 11, 1) <= event.date <= date(2025, 12, 31), event.id
        assert event.end is None or event.date <= event.end <= date(2025, 12, 31), event.id
    first, last = kb.span() or (None, None)
    assert first == date(2013, 11, 21)
    assert last is not None and last.year == 2025


def test_shipped_years_are_all_covered(kb: KnowledgeBase) -> None:
    assert {event.date.year for event in kb} >= set(range(2014, 2026))


def test_shipped_keywords_are_lowercase(kb: KnowledgeBase) -> None:
    for event in kb:
        assert all(keyword == keyword.lower() for keyword in event.keywords), event.id


@pytest.mark.parametrize(
    ("event_id", "day"),
    [
        ("full-scale-invasion", date(2022, 2, 24)),
        ("kerch-bridge-explosion", date(2022, 10, 8)),
        ("kakhovka-dam", date(2023, 6, 6)),
        ("kursk-incursion", date(2024, 8, 6)),
        ("crimea-annexation", date(2014, 3, 18)),
        ("crimea-referendum", date(2014, 3, 16)),
        ("mh17", date(2014, 7, 17)),
        ("minsk-ii", date(2015, 2, 12)),
        ("kerch-strait-incident", date(2018, 11, 25)),
        ("zelensky-inauguration", date(2019, 5, 20)),
        ("recognition-dpr-lpr", date(2022, 2, 21)),
        ("belarus-talks-2022", date(2022, 2, 28)),
        ("mariupol-maternity-hospital", date(2022, 3, 9)),
        ("mariupol-theatre", date(2022, 3, 16)),
        ("istanbul-talks-2022", date(2022, 3, 29)),
        ("kramatorsk-station-strike", date(2022, 4, 8)),
        ("eu-candidate-status", date(2022, 6, 23)),
        ("grain-deal", date(2022, 7, 22)),
        ("mobilisation-2022", date(2022, 9, 21)),
        ("annexation-2022", date(2022, 9, 30)),
        ("kherson-liberation", date(2022, 11, 11)),
        ("bakhmut-fall", date(2023, 5, 20)),
        ("wagner-mutiny", date(2023, 6, 23)),
        ("grain-deal-end", date(2023, 7, 17)),
        ("prigozhin-death", date(2023, 8, 23)),
        ("navalny-death", date(2024, 2, 16)),
        ("avdiivka-withdrawal", date(2024, 2, 17)),
        ("crocus-city-hall-attack", date(2024, 3, 22)),
        ("kharkiv-offensive-2024", date(2024, 5, 10)),
        ("okhmatdyt-strike", date(2024, 7, 8)),
        ("oreshnik-strike", date(2024, 11, 21)),
        ("gas-transit-end", date(2025, 1, 1)),
        ("oval-office-meeting", date(2025, 2, 28)),
        ("istanbul-talks-2025", date(2025, 5, 16)),
        ("operation-spiderweb", date(2025, 6, 1)),
        ("alaska-summit", date(2025, 8, 15)),
    ],
)
def test_well_known_dates(kb: KnowledgeBase, event_id: str, day: date) -> None:
    event = kb.get(event_id)
    assert event is not None
    assert event.date == day


def test_multi_day_events_carry_their_last_day(kb: KnowledgeBase) -> None:
    severodonetsk = kb.get("severodonetsk-withdrawal")
    kinzhal = kb.get("kinzhal-first-use")
    summit = kb.get("ukraine-peace-summit-2024")
    assert severodonetsk is not None and severodonetsk.end == date(2022, 6, 25)
    assert kinzhal is not None and kinzhal.date == date(2022, 3, 18)  # the strike on Deliatyn
    assert kinzhal.end == date(2022, 3, 19)  # the day Russia announced it
    assert summit is not None and summit.date == date(2024, 6, 15)
    assert summit.last_day == date(2024, 6, 16)


def test_month_precision_spans_the_whole_month(kb: KnowledgeBase) -> None:
    buildup = kb.get("buildup-autumn-2021")
    assert buildup is not None and buildup.precision == "month"
    assert (buildup.first_day, buildup.last_day) == (date(2021, 11, 1), date(2021, 11, 30))


def test_default_knowledge_is_cached() -> None:
    assert default_knowledge() is default_knowledge()


# --- matching ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the invasion", "full-scale-invasion"),
        ("Russia's full-scale invasion of Ukraine", "full-scale-invasion"),
        ("Russia’s full-scale invasion", "full-scale-invasion"),
        ("Ukrainian troops withdrew from the city of Severodonetsk", "severodonetsk-withdrawal"),
        ("most troops had withdrawn from Sievierodonetsk", "severodonetsk-withdrawal"),
        ("first use of the Kinzhal hypersonic missile", "kinzhal-first-use"),
        (
            "Russia used its newest Kinzhal hypersonic missiles for the first time",
            "kinzhal-first-use",
        ),
        ("peace summit in Switzerland", "ukraine-peace-summit-2024"),
        ("the Bürgenstock summit", "ukraine-peace-summit-2024"),
        ("the explosion on the Crimean bridge", "kerch-bridge-explosion"),
        ("the destruction of the Kakhovka dam", "kakhovka-dam"),
        ("the sinking of the Moskva", "moskva-sinking"),
        ("the Wagner mutiny", "wagner-mutiny"),
        ("Ukraine's incursion into the Kursk region", "kursk-incursion"),
        ("the downing of MH17", "mh17"),
        ("Russia annexed Crimea", "crimea-annexation"),
        ("the strike on the Kramatorsk railway station", "kramatorsk-station-strike"),
        ("the fall of Bakhmut", "bakhmut-fall"),
        ("Russia's partial mobilization", "mobilisation-2022"),
        ("the first direct talks between Ukrainian and Russian officials", "belarus-talks-2022"),
        ("ukrainian forces retook kherson", "kherson-liberation"),
        (
            "heavy shelling of Mariupol's drama theater, where civilians were sheltering",
            "mariupol-theatre",
        ),
    ],
)
def test_match_finds_the_event(kb: KnowledgeBase, phrase: str, expected: str) -> None:
    assert best_id(kb, phrase) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "the company reported quarterly earnings",
        "",
        "   ",
        "the of and in",
        "Tomatoes grow best in full sun",
    ],
)
def test_match_ignores_unrelated_text(kb: KnowledgeBase, phrase: str) -> None:
    assert kb.match(phrase) == []


def test_match_is_ordered_and_limited(kb: KnowledgeBase) -> None:
    found = kb.match("talks in Istanbul", limit=2)
    assert len(found) == 2
    assert {event.id for event, _ in found} == {"istanbul-talks-2022", "istanbul-talks-2025"}
    assert found[0][1] >= found[1][1]
    assert kb.match("talks in Istanbul", limit=0) == []


def test_written_name_beats_scattered_clues(kb: KnowledgeBase) -> None:
    by_name = {event.id: score for event, score in kb.match("the Kerch bridge explosion")}
    by_clues = {event.id: score for event, score in kb.match("a blast in Kerch")}
    assert by_name["kerch-bridge-explosion"] > by_clues["kerch-bridge-explosion"]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("in the eighth year of the invasion of Crimea", "crimea-parliament-seized"),
        ("since the war in eastern Ukraine began", "war-in-donbas"),
        ("three weeks into the invasion of Ukraine", "full-scale-invasion"),
    ],
)
def test_a_longer_name_beats_the_generic_one_inside_it(kb: KnowledgeBase, phrase: str, expected: str) -> None:
    # "the invasion" is an alias of the full-scale invasion; "the invasion of
    # Crimea" names another event and must not count for it.
    assert best_id(kb, phrase) == expected
    if expected != "full-scale-invasion":
        assert "full-scale-invasion" not in {event.id for event, _ in kb.match(phrase)}


def test_spelling_variants_of_places(kb: KnowledgeBase) -> None:
    kharkiv = {event.id for event, _ in kb.match("the counteroffensive in the Kharkiv region")}
    kharkov = {event.id for event, _ in kb.match("the counteroffensive in the Kharkov region")}
    assert "kharkiv-counteroffensive" in kharkiv
    assert kharkiv == kharkov


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_match_never_fails_and_scores_lie_in_unit_interval(text: str) -> None:
    found = default_knowledge().match(text)
    assert len(found) <= 5
    scores = [score for _, score in found]
    assert all(0.0 < score <= 1.0 for score in scores)
    assert scores == sorted(scores, reverse=True)


CLUE_SOUP = [
    "Kyiv",
    "withdrew",
    "invasion",
    "the",
    "missile",
    "Kinzhal",
    "Crimea",
    "dam",
    "’s",
    ",",
]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(CLUE_SOUP), max_size=12))
def test_match_on_clue_soup_keeps_scores_in_unit_interval(words: list[str]) -> None:
    for _, score in default_knowledge().match(" ".join(words), limit=50):
        assert 0.0 < score <= 1.0


def test_normalise_tokens_folds_quotes_possessives_and_accents() -> None:
    assert normalise_tokens("Russia’s full-scale war") == ("russia", "full", "scale", "war")
    assert normalise_tokens("the Ukrainians' “defence”") == ("the", "ukrainians", "defence")
    assert normalise_tokens("1,000 days in Bürgenstock") == ("1000", "days", "in", "burgenstock")


# --- counting nouns ------------------------------------------------------------------


@pytest.mark.parametrize(
    "noun",
    ["invasion", "the invasion", "the war", "Russia's full-scale invasion", "the conflict"],
)
def test_counting_events_of_the_invasion(kb: KnowledgeBase, noun: str) -> None:
    assert kb.counting_events(noun)[0].id == "full-scale-invasion"


def test_counting_events_of_the_donbas_war(kb: KnowledgeBase) -> None:
    assert kb.counting_events("the war in Donbas")[0].id == "war-in-donbas"
    assert kb.counting_events("the conflict in the east")[0].id == "war-in-donbas"


def test_counting_events_of_unknown_nouns(kb: KnowledgeBase) -> None:
    assert kb.counting_events("the summit") == []
    assert kb.counting_events("") == []


# --- the value types -----------------------------------------------------------------


def test_reference_event_validates_itself() -> None:
    with pytest.raises(ValueError, match="before"):
        ReferenceEvent(id="x", date=date(2022, 3, 2), end=date(2022, 3, 1), names=("x",))
    with pytest.raises(ValueError, match="precision"):
        ReferenceEvent(id="x", date=date(2022, 3, 1), precision="week", names=("x",))
    with pytest.raises(ValueError, match="1st"):
        ReferenceEvent(id="x", date=date(2022, 3, 5), precision="month", names=("x",))
    with pytest.raises(ValueError, match="salience"):
        ReferenceEvent(id="x", date=date(2022, 3, 1), names=("x",), salience=0.0)
    with pytest.raises(ValueError, match="salience"):
        ReferenceEvent(id="x", date=date(2022, 3, 1), names=("x",), salience=1.5)
    with pytest.raises(ValueError, match="name"):
        ReferenceEvent(id="x", date=date(2022, 3, 1), names=())


def test_knowledge_base_rejects_duplicate_ids() -> None:
    event = ReferenceEvent(id="x", date=date(2022, 3, 1), names=("x",))
    with pytest.raises(ValueError, match="duplicate"):
        KnowledgeBase(events=(event, event))


def test_empty_knowledge_base() -> None:
    empty = KnowledgeBase.empty()
    assert len(empty) == 0
    assert empty.span() is None
    assert empty.match("the invasion") == []
    assert empty.counting_events("invasion") == []
    assert empty.get("full-scale-invasion") is None


# --- user files ----------------------------------------------------------------------


def test_user_file_loads_and_matches(tmp_path: Path) -> None:
    path = write_knowledge(
        tmp_path,
        [user_event(places=["Lviv"], counts_from=["fair"], salience=0.9, end="2023-05-06")],
    )
    user = load_knowledge(path)
    assert user.name == "user"
    fair = user.get("village-fair")
    assert fair is not None and fair.last_day == date(2023, 5, 6)
    assert best_id(user, "people came to the village fair") == "village-fair"
    assert user.counting_events("the fair")[0].id == "village-fair"


def test_merged_overrides_same_ids(tmp_path: Path, kb: KnowledgeBase) -> None:
    override = user_event(id="kakhovka-dam", date="2023-06-07", names=["Kakhovka dam breach"])
    user = load_knowledge(write_knowledge(tmp_path, [override, user_event()]))
    merged = kb.merged(user)
    assert len(merged) == len(kb) + 1
    replaced = merged.get("kakhovka-dam")
    assert replaced is not None and replaced.date == date(2023, 6, 7)
    assert merged.get("village-fair") is not None
    original = kb.get("kakhovka-dam")
    assert original is not None and original.date == date(2023, 6, 6)
    assert best_id(merged, "the village fair") == "village-fair"


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ([user_event(date="2022-02-30")], r"event #0 \('village-fair'\).*2022-02-30"),
        ([user_event(date="24 Feb 2022")], r"'date' must be an ISO date"),
        ([user_event(date=20220224)], r"'date' must be an ISO date"),
        ([user_event(end="2023-05-01")], r"before"),
        ([user_event(names=[])], r"'names' is missing or empty"),
        ([{"id": "no-names", "date": "2023-05-04"}], r"event #0 \('no-names'\): 'names'"),
        ([user_event(names="the fair")], r"'names' must be a list of strings"),
        ([user_event(keywords=["fair", 3])], r"'keywords' must be a list of strings"),
        ([user_event(salience="high")], r"'salience' must be a number"),
        ([user_event(salience=True)], r"'salience' must be a number"),
        ([user_event(salience=2)], r"salience must lie in"),
        ([user_event(precision="week")], r"precision must be one of"),
        ([user_event(alias=["typo"])], r"unknown field\(s\) 'alias'"),
        ([user_event(), user_event()], r"event #1 \('village-fair'\): duplicate id"),
        ([{"date": "2023-05-04", "names": ["x"]}], r"event #0: 'id' must be"),
        (["not an object"], r"event #0: expected a JSON object"),
    ],
)
def test_malformed_user_files_raise_input_error(
    tmp_path: Path, events: list[Any], message: str
) -> None:
    path = write_knowledge(tmp_path, events)
    with pytest.raises(InputError, match=message) as raised:
        load_knowledge(path)
    assert str(path) in str(raised.value)


def test_malformed_documents_raise_input_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"events": [', encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.json: invalid JSON at line 1"):
        load_knowledge(path)
    path.write_text('{"events": {}}', encoding="utf-8")
    with pytest.raises(InputError, match="'events' must be a list"):
        load_knowledge(path)
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(InputError, match="expected a JSON object"):
        load_knowledge(path)
    with pytest.raises(InputError, match=r"missing\.json: cannot read"):
        load_knowledge(tmp_path / "missing.json")
