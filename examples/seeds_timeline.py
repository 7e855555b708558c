"""Print the timeline of the five seed articles through the Python API.

Run from anywhere: ``python examples/seeds_timeline.py``. The seeds are found
relative to this file, so the current directory does not matter.
"""

from __future__ import annotations

from pathlib import Path

import timeline
from timeline.render import table

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main() -> None:
    documents = timeline.load_folder(SEEDS)
    result = timeline.reconstruct(documents)  # tag, infer publication, anchor, events, merge

    print("Publication dates (most likely day, 90% interval)")
    for document in result.documents:
        context = result.publications[document.id]
        if context.status == "unknown":
            print(f"  {document.id}: unknown")
            continue
        first, last = context.interval_90
        print(f"  {document.id}: {context.most_likely}  90% {first}..{last}  ({context.status})")
    print()
    print(table(result))


if __name__ == "__main__":
    main()
