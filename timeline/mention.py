"""A temporal expression found in text: its span, meaning and, once anchored, value."""

from __future__ import annotations

import attrs

from timeline.meaning import Meaning, Tense
from timeline.uncertain import UncertainTime

__all__ = ["Mention"]

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


@attrs.frozen
class Mention:
    """One temporal expression.

    `start`/`end` are character offsets into the document text
    (`text == document.text[start:end]`). `kind` is the TIMEX3 type.
    `meaning` is what the words say before anchoring; `value`, `mod` and
    `time` are filled by anchoring (`value` is the TIMEX3 value, `time`
    the calendar interval it denotes with its uncertainty, None for durations
    and sets). `event` names the event an event-anchored expression counts
    from; `rule` the grammar rule that found it.
    """

    start: int
    end: int = attrs.field()
    text: str
    kind: str = attrs.field(validator=attrs.validators.in_(TIMEX_TYPES))
    meaning: Meaning = attrs.field()
    rule: str = attrs.field()
    tense: Tense = Tense.UNKNOWN
    mod: str | None = None
    value: str | None = None
    time: UncertainTime | None = None
    event: str | None = None

    @end.validator
    def _check_span(self, _attribute: attrs.Attribute, value: int) -> None:
        if not 0 <= self.start < value:
            raise ValueError(f"bad span [{self.start}, {value})")

    def anchored(self, value: str | None, time: UncertainTime | None) -> Mention:
        """This mention with its TIMEX3 value and calendar interval (as `attrs.evolve`, at half its cost)."""
        return Mention(
            start=self.start,
            end=self.end,
            text=self.text,
            kind=self.kind,
            meaning=self.meaning,
            rule=self.rule,
            tense=self.tense,
            mod=self.mod,
            value=value,
            time=time,
            event=self.event,
        )

    def timex(self) -> dict[str, object]:
        """The TIMEX3 record used by `timeline tag --format jsonl`."""
        record: dict[str, object] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.kind,
            "value": self.value,
        }
        if self.mod:
            record["mod"] = self.mod
        return record
