"""Tag your own text when you know its publication date.

``timeline.tag(text, reference=...)`` finds the temporal expressions and puts
each on the calendar relative to the reference day.
"""

from __future__ import annotations

import timeline

TEXT = (
    "Russia said on Saturday that it had used its Kinzhal hypersonic missile on Friday. "
    "The strike came more than three weeks into the invasion, which began on Feb. 24. "
    "Talks are due to resume next week, and officials expect a decision by the end of March."
)
PUBLISHED = "2022-03-19"


def main() -> None:
    print(f"Published {PUBLISHED}")
    print(f"{'expression':<24} {'type':<9} {'value':<16} {'EDTF':<25} interval")
    for mention in timeline.tag(TEXT, reference=PUBLISHED):
        if mention.time is not None:
            edtf = mention.time.edtf()
            interval = f"{mention.time.earliest}..{mention.time.latest}"
        else:  # most durations and sets have a value but no place on the calendar
            edtf, interval = "-", "-"
        value = mention.value or "-"
        if mention.mod:
            value += f" ({mention.mod})"
        print(f"{mention.text!r:<24} {mention.kind:<9} {value:<16} {edtf:<25} {interval}")


if __name__ == "__main__":
    main()
