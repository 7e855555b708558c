"""UncertainTime: construction, queries, EDTF output and intersection."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.uncertain import Granularity, UncertainTime, day_range

MARCH_18 = date(2022, 3, 18)


def _mass(time: UncertainTime, lo: date, hi: date) -> float:
    return math.fsum(time.probability(d) for d in day_range(lo, hi))


# --- construction ---------------------------------------------------------------------


def test_from_distribution_normalises() -> None:
    time = UncertainTime.from_distribution(
        {date(2022, 3, 1): 2.0, date(2022, 3, 2): 6.0, date(2022, 3, 4): 2.0}
    )
    assert (time.earliest, time.latest, time.most_likely) == (
        date(2022, 3, 1),
        date(2022, 3, 4),
        date(2022, 3, 2),
    )
    assert time.weights == pytest.approx((0.2, 0.6, 0.0, 0.2))
    assert math.fsum(time.distribution().values()) == pytest.approx(1.0)
    assert time.probability(date(2022, 3, 3)) == 0.0
    assert time.probability(date(2022, 3, 5)) == 0.0


def test_from_distribution_drops_zero_and_non_finite_weights() -> None:
    time = UncertainTime.from_distribution(
        {
            date(2022, 1, 1): 0.0,
            date(2022, 3, 10): 1.0,
            date(2022, 3, 11): 1.0,
            date(2022, 6, 1): math.nan,
            date(2022, 7, 1): math.inf,
            date(2022, 8, 1): -3.0,
        }
    )
    assert (time.earliest, time.latest) == (date(2022, 3, 10), date(2022, 3, 11))
    assert time.weights == ()  # equal weights are stored as uniform


def test_from_distribution_needs_positive_weight() -> None:
    with pytest.raises(ValueError, match="positive"):
        UncertainTime.from_distribution({MARCH_18: 0.0})
    with pytest.raises(ValueError):
        UncertainTime.from_distribution({})


def test_mode_ties_pick_the_first_day() -> None:
    time = UncertainTime.from_distribution(
        {date(2022, 3, 1): 1.0, date(2022, 3, 2): 3.0, date(2022, 3, 3): 3.0}
    )
    assert time.most_likely == date(2022, 3, 2)


def test_validators_reject_latest_before_earliest() -> None:
    with pytest.raises(ValueError, match="before earliest"):
        UncertainTime(MARCH_18, MARCH_18 - timedelta(days=1), MARCH_18)
    with pytest.raises(ValueError):
        UncertainTime.uniform(MARCH_18, date(2022, 3, 1))


def test_validators_reject_mode_outside_support() -> None:
    with pytest.raises(ValueError, match="outside"):
        UncertainTime(date(2022, 3, 1), date(2022, 3, 5), MARCH_18)


def test_validators_reject_weights_of_wrong_length() -> None:
    with pytest.raises(ValueError, match="one probability per day"):
        UncertainTime(date(2022, 3, 1), date(2022, 3, 3), date(2022, 3, 1), weights=(0.5, 0.5))


def test_frozen() -> None:
    time = UncertainTime.exact(MARCH_18)
    with pytest.raises(AttributeError):
        time.earliest = date(2000, 1, 1)  # type: ignore[misc]


# --- queries ---------------------------------------------------------------------------


def test_exact_and_uniform() -> None:
    exact = UncertainTime.exact(MARCH_18)
    assert (exact.width, exact.is_exact, exact.probability(MARCH_18)) == (1, True, 1.0)
    march = UncertainTime.uniform(date(2022, 3, 1), date(2022, 3, 31), Granularity.MONTH)
    assert (march.width, march.is_exact) == (31, False)
    assert march.probability(MARCH_18) == pytest.approx(1 / 31)


def test_interval_of_uniform_holds_the_mass() -> None:
    march = UncertainTime.uniform(date(2022, 3, 1), date(2022, 3, 31))
    lo, hi = march.interval(0.9)
    assert march.earliest <= lo <= hi <= march.latest
    assert _mass(march, lo, hi) >= 0.9
    assert march.interval(1.0) == (march.earliest, march.latest)


def test_interval_of_peaked_distribution_grows_around_the_mode() -> None:
    time = UncertainTime.from_distribution(
        {MARCH_18 + timedelta(days=k): 1.0 / (1 + abs(k)) ** 3 for k in range(-10, 11)}
    )
    lo, hi = time.interval(0.9)
    assert lo <= MARCH_18 <= hi
    assert _mass(time, lo, hi) >= 0.9
    assert (hi - lo).days < 20


@pytest.mark.parametrize("mass", [0.0, -0.1, 1.5])
def test_interval_rejects_bad_mass(mass: float) -> None:
    with pytest.raises(ValueError):
        UncertainTime.exact(MARCH_18).interval(mass)


def test_shifted() -> None:
    time = UncertainTime.from_distribution({date(2022, 3, 1): 1.0, date(2022, 3, 3): 3.0})
    moved = time.shifted(10)
    assert (moved.earliest, moved.latest, moved.most_likely) == (
        date(2022, 3, 11),
        date(2022, 3, 13),
        date(2022, 3, 13),
    )
    assert moved.weights == time.weights


# --- EDTF ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("time", "edtf"),
    [
        (UncertainTime.exact(MARCH_18), "2022-03-18"),
        (UncertainTime.uniform(date(2022, 3, 1), date(2022, 3, 31), Granularity.MONTH), "2022-03"),
        (UncertainTime.uniform(date(2024, 2, 1), date(2024, 2, 29), Granularity.MONTH), "2024-02"),
        (UncertainTime.uniform(date(2022, 1, 1), date(2022, 12, 31), Granularity.YEAR), "2022"),
        (UncertainTime.uniform(date(2020, 1, 1), date(2029, 12, 31), Granularity.DECADE), "202X"),
        (UncertainTime.uniform(date(2022, 3, 14), date(2022, 3, 20)), "[2022-03-14..2022-03-20]"),
        (UncertainTime.uniform(date(2022, 3, 1), date(2022, 3, 30)), "[2022-03-01..2022-03-30]"),
        (
            UncertainTime.from_distribution({MARCH_18: 9.0, date(2022, 3, 19): 1.0}),
            "2022-03-18?",
        ),
        (
            UncertainTime.from_distribution({MARCH_18: 1.0, date(2022, 3, 19): 1.0, date(2022, 3, 20): 2.0}),
            "[2022-03-18..2022-03-20]",
        ),
    ],
)
def test_edtf(time: UncertainTime, edtf: str) -> None:
    assert time.edtf() == edtf


def test_describe_adds_the_credible_interval() -> None:
    time = UncertainTime.from_distribution(
        {MARCH_18 + timedelta(days=k): 1.0 / (1 + abs(k)) ** 3 for k in range(-10, 11)}
    )
    lo, hi = time.interval(0.9)
    assert time.describe() == f"{time.edtf()} (90%: {lo.isoformat()}..{hi.isoformat()})"
    assert UncertainTime.exact(MARCH_18).describe() == "2022-03-18"


# --- intersection ---------------------------------------------------------------------


def test_intersect_uniform_overlap() -> None:
    march = UncertainTime.uniform(date(2022, 3, 1), date(2022, 3, 31), Granularity.MONTH)
    week = UncertainTime.uniform(date(2022, 3, 28), date(2022, 4, 3), Granularity.WEEK)
    both = march.intersect(week)
    assert both is not None
    assert (both.earliest, both.latest, both.weights) == (date(2022, 3, 28), date(2022, 3, 31), ())
    assert both.granularity is Granularity.WEEK  # the finer of the two


def test_intersect_multiplies_distributions() -> None:
    first = UncertainTime.from_distribution({date(2022, 3, 1): 1.0, date(2022, 3, 2): 3.0})
    second = UncertainTime.from_distribution({date(2022, 3, 1): 3.0, date(2022, 3, 2): 1.0, date(2022, 3, 3): 4.0})
    both = first.intersect(second)
    assert both is not None
    assert (both.earliest, both.latest) == (date(2022, 3, 1), date(2022, 3, 2))
    assert both.probability(date(2022, 3, 1)) == pytest.approx(0.5)


def test_intersect_disjoint_is_none() -> None:
    assert UncertainTime.exact(MARCH_18).intersect(UncertainTime.exact(date(2022, 3, 19))) is None


def test_intersect_with_zero_overlap_mass_is_none() -> None:
    gap = UncertainTime.from_distribution({date(2022, 3, 1): 1.0, date(2022, 3, 3): 1.0})
    assert gap.intersect(UncertainTime.exact(date(2022, 3, 2))) is None


def test_intersect_is_symmetric() -> None:
    a = UncertainTime.from_distribution({date(2022, 3, 1): 1.0, date(2022, 3, 4): 2.0})
    b = UncertainTime.uniform(date(2022, 3, 2), date(2022, 3, 10))
    assert a.intersect(b) == b.intersect(a)


# --- properties -----------------------------------------------------------------------

distributions = st.dictionaries(
    st.dates(date(2000, 1, 1), date(2000, 4, 30)),
    st.floats(min_value=1e-6, max_value=1e6, allow_nan=False, allow_infinity=False),
    min_size=1,
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(distributions, st.floats(min_value=0.01, max_value=1.0))
def test_distribution_properties(weights: dict[date, float], mass: float) -> None:
    time = UncertainTime.from_distribution(weights)
    assert time.earliest <= time.most_likely <= time.latest
    assert (time.earliest, time.latest) == (min(weights), max(weights))
    assert math.fsum(time.distribution().values()) == pytest.approx(1.0)
    mode = time.probability(time.most_likely)
    assert all(time.probability(d) <= mode + 1e-12 for d in weights)
    lo, hi = time.interval(mass)
    assert time.earliest <= lo <= hi <= time.latest
    assert _mass(time, lo, hi) >= mass - 1e-9


@settings(max_examples=200, deadline=None)
@given(distributions, distributions)
def test_intersection_properties(a: dict[date, float], b: dict[date, float]) -> None:
    first, second = UncertainTime.from_distribution(a), UncertainTime.from_distribution(b)
    both = first.intersect(second)
    if both is None:
        assert not set(a) & set(b)
        return
    assert max(first.earliest, second.earliest) <= both.earliest
    assert both.latest <= min(first.latest, second.latest)
    assert both.earliest <= both.most_likely <= both.latest
    assert math.fsum(both.distribution().values()) == pytest.approx(1.0)
