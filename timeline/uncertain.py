"""Uncertain calendar times: a support, a distribution over days, a granularity.

Every date the library states is an `UncertainTime`. Days are the
atoms; coarser statements ("March 2022") are uniform over their days and
remember their granularity so that they print as `2022-03`, not as a range.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta

import attrs

__all__ = ["Granularity", "UncertainTime", "day_range"]


class Granularity(enum.Enum):
    """The natural unit of a statement about time, finest first."""

    TIME = "time"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    UNKNOWN = "unknown"


def day_range(first: date, last: date) -> Iterator[date]:
    """Every day from `first` to `last`, both included."""
    for n in range((last - first).days + 1):
        yield first + timedelta(days=n)


def _check_weights(instance: UncertainTime, _attribute: attrs.Attribute, weights: tuple) -> None:
    if weights and len(weights) != (instance.latest - instance.earliest).days + 1:
        raise ValueError("weights must give one probability per day of the support")


@attrs.frozen
class UncertainTime:
    """A time known to lie in `[earliest, latest]` (days, both included).

    `weights` holds one probability per day of the support, in order; an
    empty tuple means uniform. `most_likely` is the mode (the first of them on
    ties). `granularity` says what the statement is about: a day, a month...
    """

    earliest: date
    latest: date = attrs.field()
    most_likely: date = attrs.field()
    granularity: Granularity = Granularity.DAY
    weights: tuple[float, ...] = attrs.field(default=(), validator=_check_weights, repr=False)

    @latest.validator
    def _check_order(self, _attribute: attrs.Attribute, value: date) -> None:
        if value < self.earliest:
            raise ValueError(f"latest {value} is before earliest {self.earliest}")

    @most_likely.validator
    def _check_mode(self, _attribute: attrs.Attribute, value: date) -> None:
        if not self.earliest <= value <= self.latest:
            raise ValueError(f"most likely {value} is outside [{self.earliest}, {self.latest}]")

    # -- construction -------------------------------------------------------

    @classmethod
    def exact(cls, day: date, granularity: Granularity = Granularity.DAY) -> UncertainTime:
        """A single, certain day."""
        return cls(day, day, day, granularity)

    @classmethod
    def uniform(
        cls, earliest: date, latest: date, granularity: Granularity = Granularity.DAY
    ) -> UncertainTime:
        """Every day of `[earliest, latest]` equally likely."""
        return cls(earliest, latest, earliest, granularity)

    @classmethod
    def from_distribution(
        cls, probabilities: Mapping[date, float], granularity: Granularity = Granularity.DAY
    ) -> UncertainTime:
        """Normalise a day -> weight mapping (zero weights are outside the support)."""
        positive = {d: p for d, p in probabilities.items() if p > 0 and math.isfinite(p)}
        if not positive:
            raise ValueError("a distribution needs at least one day with positive weight")
        earliest, latest = min(positive), max(positive)
        total = math.fsum(positive.values())
        weights = tuple(positive.get(d, 0.0) / total for d in day_range(earliest, latest))
        mode = earliest + timedelta(days=max(range(len(weights)), key=weights.__getitem__))
        if len(set(weights)) == 1:
            weights = ()
        return cls(earliest, latest, mode, granularity, weights)

    # -- queries ------------------------------------------------------------

    @property
    def width(self) -> int:
        """Number of days in the support."""
        return (self.latest - self.earliest).days + 1

    @property
    def is_exact(self) -> bool:
        return self.earliest == self.latest

    def probability(self, day: date) -> float:
        """Probability that the time falls on `day`."""
        if not self.earliest <= day <= self.latest:
            return 0.0
        if not self.weights:
            return 1.0 / self.width
        return self.weights[(day - self.earliest).days]

    def distribution(self) -> dict[date, float]:
        """Day -> probability over the whole support."""
        return {d: self.probability(d) for d in day_range(self.earliest, self.latest)}

    def interval(self, mass: float = 0.9) -> tuple[date, date]:
        """Shortest-ish credible interval: grow around the mode, highest side first."""
        if not 0 < mass <= 1:
            raise ValueError("mass must be in (0, 1]")
        if not self.weights:
            # Uniform: a centred sub-interval holding `mass`.
            keep = max(1, math.ceil(self.width * mass - 1e-9))
            start = (self.width - keep) // 2
            return self.earliest + timedelta(days=start), self.earliest + timedelta(
                days=start + keep - 1
            )
        w = self.weights
        lo = hi = (self.most_likely - self.earliest).days
        total = w[lo]
        while total < mass - 1e-9 and (lo > 0 or hi < len(w) - 1):
            left = w[lo - 1] if lo > 0 else -1.0
            right = w[hi + 1] if hi < len(w) - 1 else -1.0
            if left >= right:
                lo -= 1
                total += left
            else:
                hi += 1
                total += right
        return self.earliest + timedelta(days=lo), self.earliest + timedelta(days=hi)

    def shifted(self, days: int) -> UncertainTime:
        """The same uncertainty moved by `days`."""
        delta = timedelta(days=days)
        return attrs.evolve(
            self,
            earliest=self.earliest + delta,
            latest=self.latest + delta,
            most_likely=self.most_likely + delta,
        )

    def intersect(self, other: UncertainTime) -> UncertainTime | None:
        """Both statements at once (product of distributions), or None if incompatible."""
        lo, hi = max(self.earliest, other.earliest), min(self.latest, other.latest)
        if lo > hi:
            return None
        product = {d: self.probability(d) * other.probability(d) for d in day_range(lo, hi)}
        if not any(p > 0 for p in product.values()):
            return None
        finer = min(self.granularity, other.granularity, key=_GRANULARITY_ORDER.index)
        return UncertainTime.from_distribution(product, finer)

    # -- writing ------------------------------------------------------------

    def edtf(self) -> str:
        """One EDTF string: `2022-03-18`, `2022-03`, `2022-03-18?`, `[a..b]`."""
        if self.is_exact:
            return self.earliest.isoformat()
        calendar = _calendar_unit(self.earliest, self.latest)
        if calendar is not None and not self.weights:
            return calendar
        if self.weights and self.probability(self.most_likely) >= 0.8:
            return f"{self.most_likely.isoformat()}?"
        if self.granularity in (Granularity.MONTH, Granularity.YEAR) and calendar:
            return f"{calendar}?"
        return f"[{self.earliest.isoformat()}..{self.latest.isoformat()}]"

    def describe(self) -> str:
        """Short human text: the EDTF plus the 90% interval when it is informative."""
        text = self.edtf()
        if self.weights and not self.is_exact:
            lo, hi = self.interval(0.9)
            if (lo, hi) != (self.earliest, self.latest) or text.endswith("?"):
                text += f" (90%: {lo.isoformat()}..{hi.isoformat()})"
        return text


_GRANULARITY_ORDER = list(Granularity)


def _calendar_unit(first: date, last: date) -> str | None:
    """The EDTF name of `[first, last]` if it is exactly a month, year or decade."""
    if first.day == 1 and first.month == 1 and last.month == 12 and last.day == 31:
        if first.year == last.year:
            return f"{first.year:04d}"
        if first.year % 10 == 0 and last.year == first.year + 9:
            return f"{first.year // 10:03d}X"
    if first.day == 1 and first.year == last.year and first.month == last.month:
        following = (last + timedelta(days=1)).day == 1
        if following:
            return f"{first.year:04d}-{first.month:02d}"
    return None


def span_of(times: Iterable[UncertainTime]) -> tuple[date, date] | None:
    """The union support of several times, or None for none."""
    times = list(times)
    if not times:
        return None
    return min(t.earliest for t in times), max(t.latest for t in times)
