"""Behaviour of the tagger on realistic news text (reference: Friday 2022-03-18)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from timeline.anchor import detect_kind
from timeline.errors import InputError
from timeline.meaning import Tense
from timeline.mention import Mention
from timeline.tagger import scan, tag
from timeline.uncertain import Granularity, UncertainTime

REFERENCE = date(2022, 3, 18)  # a Friday

PARAGRAPH = (
    "KYIV, Ukraine (AP) — Russian forces shelled Mariupol on Friday, two days after "
    "Ukrainian troops withdrew from the port. The city has been under siege for "
    "more than three weeks, and five days ago a theatre sheltering civilians was hit. "
    "Peace talks will resume next week, officials said, and the president will meet "
    "European leaders on Monday. Fighting first erupted on Feb. 24, 2022; last "
    "year the Kremlin denied any plan to invade."
)


def _summary(mentions: list[Mention]) -> list[tuple[str, str, str | None, str | None]]:
    return [(m.text, m.kind, m.value, m.mod) for m in mentions]


def _only(text: str, reference: date = REFERENCE) -> Mention:
    mentions = tag(text, reference)
    assert len(mentions) == 1, _summary(mentions)
    return mentions[0]


# --- a realistic paragraph ----------------------------------------------------------


def test_paragraph_values() -> None:
    assert _summary(tag(PARAGRAPH, REFERENCE)) == [
        ("Friday", "DATE", "2022-03-18", None),
        ("two days", "DURATION", "P2D", None),
        ("more than three weeks", "DURATION", "P3W", "MORE_THAN"),
        ("five days ago", "DATE", "2022-03-13", None),
        ("next week", "DATE", "2022-W12", None),
        ("Monday", "DATE", "2022-03-21", None),
        ("Feb. 24, 2022", "DATE", "2022-02-24", None),
        ("last year", "DATE", "2021", None),
    ]


def test_paragraph_spans_point_into_text() -> None:
    mentions = tag(PARAGRAPH, REFERENCE)
    for mention in mentions:
        assert PARAGRAPH[mention.start : mention.end] == mention.text
    assert PARAGRAPH.index("on Friday") + 3 == mentions[0].start
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_paragraph_times() -> None:
    by_text = {m.text: m.time for m in tag(PARAGRAPH, REFERENCE)}
    assert by_text["Friday"] == UncertainTime.exact(REFERENCE)
    assert by_text["next week"] is not None
    assert (by_text["next week"].earliest, by_text["next week"].latest) == (
        date(2022, 3, 21),
        date(2022, 3, 27),
    )
    assert by_text["more than three weeks"] is None  # durations have no calendar time


def test_reference_may_be_a_string() -> None:
    assert _summary(tag(PARAGRAPH, "2022-03-18")) == _summary(tag(PARAGRAPH, REFERENCE))


# --- typography ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saturday’s attacks killed 12", ("Saturday", "2022-03-12")),
        ("Saturday's attacks killed 12", ("Saturday", "2022-03-12")),
        ("the talks on\u00a0Feb.\u00a024 failed", ("Feb.\u00a024", "2022-02-24")),
        ("shelling resumed on\u00a0Wednesday", ("Wednesday", "2022-03-16")),
        ("“Friday” was quiet", ("Friday", "2022-03-18")),
        ("(Thursday)", ("Thursday", "2022-03-17")),
        ("a ceasefire—on Tuesday—collapsed", ("Tuesday", "2022-03-15")),
    ],
)
def test_quotes_and_spaces(text: str, expected: tuple[str, str]) -> None:
    mention = _only(text)
    assert (mention.text, mention.value) == expected
    assert text[mention.start : mention.end] == mention.text


def test_missing_space_after_full_stop() -> None:
    text = "Ukrainian troops withdrew.On Friday the mayor spoke."
    mention = _only(text)
    assert (mention.start, mention.end, mention.value) == (29, 35, "2022-03-18")


def test_brackets() -> None:
    text = "The strike [on Friday] hit a school."
    mention = _only(text)
    assert (mention.text, mention.start, mention.value) == ("Friday", 15, "2022-03-18")


# --- no false positives -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose 10 times over.",
        "a 17-year-old girl was among the dead",
        "S-300/400 air-defence systems",
        "an Su-25 jet was downed",
        "Tu-22M3 bombers took off",
        "1,400 people were evacuated",
        "Russia fired 48 cruise missiles",
        "May I ask a question?",
        "they march through the city",
        "the Sunday Times reported",
        "inflation reached 5% in the region",
        "a loan of $500 million",
    ],
)
def test_no_false_positive(text: str) -> None:
    assert _summary(tag(text, REFERENCE)) == []


# --- tense decides bare weekdays ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "tense"),
    [
        ("The leaders will meet on Monday.", "2022-03-21", Tense.FUTURE),
        ("The leaders met on Monday.", "2022-03-14", Tense.PAST),
        ("The leaders are expected to meet on Monday.", "2022-03-21", Tense.FUTURE),
        ("The leaders said on Monday that talks failed.", "2022-03-14", Tense.PAST),
        ("The winner will be named on Monday.", "2022-03-21", Tense.FUTURE),
        ("The winner was named on Monday.", "2022-03-14", Tense.PAST),
        ("The dividend will be paid on Monday.", "2022-03-21", Tense.FUTURE),
        ("The team will fly out (on Monday), its coach said.", "2022-03-21", Tense.FUTURE),
    ],
)
def test_tense_decides_weekday(text: str, value: str, tense: Tense) -> None:
    mention = _only(text)
    assert (mention.text, mention.value, mention.tense) == ("Monday", value, tense)


def test_weekday_of_the_reference_is_the_reference_day() -> None:
    """News style: a bare "Friday" in a story published on Friday is that day, in any tense."""
    assert _only("The ministry said on Friday.").value == "2022-03-18"
    assert _only("The ministry will decide on Friday.").value == "2022-03-18"
    assert _only("The ministry will decide next Friday.").value == "2022-03-25"


# --- scan and tag contracts ------------------------------------------------------------


def test_scan_leaves_value_unset() -> None:
    mentions = scan(PARAGRAPH)
    assert len(mentions) == len(tag(PARAGRAPH, REFERENCE))
    assert all(m.value is None and m.time is None for m in mentions)
    assert all(m.meaning is not None for m in mentions)


def test_tag_without_reference_is_scan() -> None:
    assert tag(PARAGRAPH) == scan(PARAGRAPH)


def test_empty_text() -> None:
    assert scan("") == []
    assert tag("", REFERENCE) == []


@pytest.mark.parametrize("text", [None, b"on Friday", 42, ["on Friday"]])
def test_scan_rejects_non_text(text: object) -> None:
    with pytest.raises(InputError, match="text must be str"):
        scan(text)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        tag(text, REFERENCE)  # type: ignore[arg-type]


@pytest.mark.parametrize("reference", ["yesterday", "2022-02-30", "", 3.5])
def test_tag_rejects_bad_reference(reference: object) -> None:
    with pytest.raises(InputError):
        tag("on Friday", reference)  # type: ignore[arg-type]


# --- malformed dates ------------------------------------------------------------------


def _valid_day_value(value: str | None) -> bool:
    """True unless ``value`` looks like a YYYY-MM-DD day that the calendar lacks."""
    if value is None or not re.match(r"\d{4}-\d\d-\d\d", value):
        return True
    date.fromisoformat(value[:10])  # raises on an impossible day
    return True


@pytest.mark.parametrize(
    "text",
    [
        "Feb. 30",
        "on Feb. 30, 2022",
        "February 30, 2021",
        "Thursday, Feb. 30",
        "31 April",
        "30 February 2020",
        "April 31st",
        "2022-02-30",
        "31/04/2022",
        "30.02.2022",
        "Feb. 29",
        "Feb. 0",
        "Feb. 30 at noon",
    ],
)
def test_malformed_dates_never_crash(text: str) -> None:
    for mention in tag(text, REFERENCE):
        assert _valid_day_value(mention.value)
        assert text[mention.start : mention.end] == mention.text


def test_impossible_day_falls_back_to_month() -> None:
    mention = _only("Feb. 30")
    february = UncertainTime.uniform(date(2022, 2, 1), date(2022, 2, 28), Granularity.MONTH)
    assert (mention.value, mention.time) == ("2022-02", february)


def test_leap_day_is_kept_in_leap_years() -> None:
    assert _only("29 February 2024").value == "2024-02-29"


def test_in_the_past_amount_is_one_duration() -> None:
    mention = _only("Civilians died in the past three weeks.")
    assert (mention.text, mention.kind, mention.value) == ("the past three weeks", "DURATION", "P3W")


# --- event-anchored expressions about other or later events ---------------------------


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Prices have doubled since the invasion began.", date(2021, 1, 1)),
        # TE3 AP900816-0139: an older invasion must not count from the 2022 one.
        ("Oil prices have soared since Iraq's invasion of Kuwait began.", date(1990, 8, 16)),
    ],
)
def test_since_event_after_the_reference(text: str, reference: date) -> None:
    """'since <event>' before the event happened, or about another event, claims no interval."""
    for mention in tag(text, reference):
        assert mention.time is None or mention.time.latest <= reference


# --- expressions that refer back to a period already named ------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He left for Florida in June 2019 and came back later that year.", ("later that year", "2019")),
        ("Imports reached $4 million in 2018, a small share of all imports that year.", ("that year", "2018")),
        ("In March, the board received an offer. The following month, it sold the unit.", ("The following month", "2022-04")),
        ("Last year the plant closed; the next year it reopened.", ("the next year", "2022")),
    ],
)
def test_anaphoric_periods_follow_the_period_named(text: str, expected: tuple[str, str]) -> None:
    """'that year', 'the following month' count from the period the text last named, not publication."""
    found = {m.text: m.value for m in tag(text, REFERENCE)}
    assert found[expected[0]] == expected[1], found


def test_previous_weekday_counts_from_the_day_told() -> None:
    mentions = tag("Shares fell on Wednesday, down 3% from the previous Wednesday.", REFERENCE)
    assert [(m.text, m.value) for m in mentions] == [
        ("Wednesday", "2022-03-16"),
        ("the previous Wednesday", "2022-03-09"),
    ]


# --- dates a change points to ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The board created the post, effective Aug. 1.", ("Aug. 1", "2022-08-01")),
        ("The court extended the order through July.", ("July", "2022-07")),
        ("The dividend was paid Aug. 1.", ("Aug. 1", "2021-08-01")),
        ("The plant closed in July.", ("July", "2021-07")),
    ],
)
def test_past_tense_dates_the_decision_not_its_target(text: str, expected: tuple[str, str]) -> None:
    """A past verb puts a year-less date in the past, unless the date is what the change points to."""
    found = {m.text: m.value for m in tag(text, REFERENCE)}
    assert found[expected[0]] == expected[1], found


# --- histories move forward --------------------------------------------------------------


def test_history_dates_without_year_follow_the_story_forward() -> None:
    text = (
        "In March 1864, Grant took command of the Union armies. On 2 September, Atlanta fell. "
        "Sherman reached Savannah on 21 December. In 1916 the offensive began; in December, the army withdrew."
    )
    found = {m.text: m.value for m in tag(text, "2010-05-01", kind="narrative")}
    assert found["2 September"] == "1864-09-02"  # not the nearer 1863-09-02
    assert found["21 December"] == "1864-12-21"
    assert found["December"] == "1916-12"  # "in 1916": the story's year, not the December before


def test_a_report_full_of_this_years_dates_is_news() -> None:
    text = "Talks began on March 3, 2022, resumed on March 7, 2022 and stalled on March 9, 2022. They resume Friday."
    mentions = scan(text)
    assert detect_kind(mentions, date(2022, 3, 18)) == "news"
    assert detect_kind(mentions, date(2030, 1, 1)) == "narrative"  # the same text read as a chronology


def test_a_time_of_day_falls_on_the_date_written_after_it() -> None:
    text = "In early August 1945 the war went on. Japan's surrender was broadcast at noon on 15 August 1945."
    found = {m.text: (m.kind, m.value) for m in tag(text, "2010-05-01", kind="narrative")}
    assert found["noon"] == ("TIME", "1945-08-15T12:00")  # not noon of the story's day, 1945-08-01
    assert found["15 August 1945"] == ("DATE", "1945-08-15")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fleet was destroyed on 24 June 1340 off Sluys.", ("24 June 1340", "1340-06-24")),
        ("Henry died in January 1547.", ("January 1547", "1547-01")),
        ("In the 1370s the French recovered.", ("the 1370s", "137")),
        ("The war lasted from 1337 to the fall of Bordeaux.", ("1337", "1337")),
    ],
)
def test_years_before_1600_in_date_contexts(text: str, expected: tuple[str, str]) -> None:
    found = {m.text: m.value for m in tag(text, "2010-05-01", kind="narrative")}
    assert found.get(expected[0]) == expected[1], found


def test_bare_numbers_before_1600_stay_counts() -> None:
    assert tag("There were 1500 cases and the index rose to 1453 points.", REFERENCE) == []


def test_the_following_month_name_counts_from_the_period_last_named() -> None:
    found = {m.text: m.value for m in tag("The treaty was signed in May 1998 and ratified the following August.", REFERENCE)}
    assert found["the following August"] == "1998-08"


def test_the_story_steps_forward_not_back() -> None:
    text = (
        "The army reached Borodino on 7 September 1812. Napoleon entered Moscow a week later. "
        "Fires broke out that night. Paulus surrendered on 31 January 1943, having been promoted "
        "the previous day, and the last troops gave up two days later. Today the field is a museum."
    )
    found = {m.text: m.value for m in tag(text, "2010-05-01", kind="narrative")}
    assert found["that night"] == "1812-09-14TNI"  # "a week later" moved the story seven days
    assert found["the previous day"] == "1943-01-30"
    assert found["two days later"] == "1943-02-02"  # counted from 31 January, not from the glance back
    assert found["Today"] == "PRESENT_REF"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The battle was fought July 1-3, 1863, near Gettysburg.", ("July 1-3, 1863", "1863-07-01")),
        ("Talks were held on July 1 and 3, 1863, at the inn.", ("July 1", "1863-07-01")),
        ("The summit will be held on April 24 and 25, 1999.", ("April 24", "1999-04-24")),
    ],
)
def test_a_range_of_days_takes_the_year_written_after_it(text: str, expected: tuple[str, str]) -> None:
    found = {m.text: m.value for m in tag(text, REFERENCE)}
    assert found[expected[0]] == expected[1], found


def test_a_history_that_names_its_year_once_is_a_narrative() -> None:
    text = (
        "Argentina had claimed the islands since 1833. On 19 March 1982 scrap-metal workers landed on South "
        "Georgia. On 2 April Argentine forces invaded. On 25 April British forces recaptured South Georgia, "
        "and on 14 June the garrison surrendered."
    )
    assert detect_kind(scan(text), date(2010, 5, 1)) == "narrative"
    found = {m.text: m.value for m in tag(text, "2010-05-01")}
    assert found["14 June"] == "1982-06-14"


def test_a_history_weekday_is_the_next_one_in_the_story() -> None:
    text = "On 5 December 1941 the fleet closed in. The first wave struck at 7:48 a.m. on Sunday. Hitler declared war on Thursday."
    found = {m.text: m.value for m in tag(text, "2010-05-01", kind="narrative")}
    assert found["7:48 a.m. on Sunday"] == "1941-12-07T07:48"
    assert found["Thursday"] == "1941-12-11"


def test_a_range_of_days_is_one_interval() -> None:
    (mention,) = tag("The battle was fought on 1–3 July 1863 near Gettysburg.", REFERENCE)
    assert (mention.text, mention.value) == ("1–3 July 1863", "1863-07-01")
    assert mention.time is not None
    assert (mention.time.earliest, mention.time.latest) == (date(1863, 7, 1), date(1863, 7, 3))


def test_after_a_range_of_days_the_story_goes_on_from_its_last_day() -> None:
    text = "On 4 June 1944 the weather broke. Paratroopers dropped on the night of 5–6 June, and troops landed at 6:30 a.m."
    found = {m.text: m.value for m in tag(text, "2010-05-01", kind="narrative")}
    assert found["6:30 a.m."] == "1944-06-06T06:30"


def test_a_parenthesis_takes_the_tense_around_it() -> None:
    text = "The father will leave at 4 in the morning (4 a.m. Thursday), Castro said."
    found = {m.text: m.value for m in tag(text, date(2022, 3, 16))}  # a Wednesday
    assert found["4 a.m. Thursday"] == "2022-03-17T04:00"  # "will leave", not "said"


def test_a_history_moves_on_with_the_seasons_it_names_but_not_with_its_deadlines() -> None:
    text = (
        "By mid-1942 Japan controlled the Pacific. The following spring the offensive resumed; that autumn it "
        "stalled. In 1916 the Germans attacked Verdun, and the fighting continued until December. The British "
        "opened the Somme offensive on 1 July."
    )
    found = {m.text: m.value for m in tag(text, "2010-05-01", kind="narrative")}
    assert found["The following spring"] == "1943-SP"
    assert found["that autumn"] == "1943-FA"  # the story is in 1943 now
    assert found["December"] == "1916-12"
    assert found["1 July"] == "1916-07-01"  # "until December" did not move the story


def test_a_range_of_years_with_a_short_end_is_one_interval() -> None:
    (mention,) = tag("Veterans of the 1914-18 war gathered.", REFERENCE)
    assert (mention.text, mention.value) == ("1914-18", "1914")
    assert mention.time is not None
    assert (mention.time.earliest, mention.time.latest) == (date(1914, 1, 1), date(1918, 12, 31))
