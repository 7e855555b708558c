"""Infer when an undated paragraph was published, and why.

The result is a distribution over days: the most likely day, 50% and 90%
intervals, and the evidence (each clue with its influence on the answer).
"""

from __future__ import annotations

import timeline

TEXT = (
    "Russian forces pounded Kharkiv on Monday, an attack that overshadowed the first direct "
    "talks between Ukrainian and Russian officials since President Vladimir Putin began his "
    "invasion five days ago. A curfew imposed on Saturday was lifted in Kyiv."
)


def main() -> None:
    context = timeline.infer_publication(TEXT)
    assert isinstance(context, timeline.PublicationContext)  # one text in, one context out
    print(f"status:       {context.status}")
    print(f"most likely:  {context.most_likely}")
    print(f"50% interval: {context.interval_50[0]}..{context.interval_50[1]}")
    print(f"90% interval: {context.interval_90[0]}..{context.interval_90[1]}")
    print(
        f"probability of the most likely day: {context.time.probability(context.time.most_likely):.2f}"
    )
    print("evidence (influence, kind, description):")
    for item in context.evidence:
        print(f"  {item.influence:.2f}  {item.kind:<14} {item.description}")
    for conflict in context.conflicts:
        print(f"  conflict: {conflict.message}")


if __name__ == "__main__":
    main()
