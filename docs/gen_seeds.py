"""Write ``seeds.md`` at docs build time from the live pipeline (run by mkdocs-gen-files).

The page is never pasted: every build runs ``timeline.reconstruct`` on the five
seed articles and renders the result with ``timeline.render.markdown``.
"""

from __future__ import annotations

from pathlib import Path

import mkdocs_gen_files

import timeline
from timeline.render import markdown

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

INTRO = """# Seeds timeline

The five undated articles in `seeds/`, run through the whole pipeline. This page
is **generated at every docs build** by `docs/gen_seeds.py`, which calls

```python
result = timeline.reconstruct(timeline.load_folder("seeds"))
timeline.render.markdown(result)
```

so it always shows what the current code produces (errors included: nothing
here has been corrected by hand). The same timeline in a terminal:
`make timeline` or `timeline build seeds/*.txt`.

## Publication dates and events

The first table gives each article's most likely publication day and its 90%
interval; the second lists the events in time order. *when (EDTF)* is the
event's whole support written as [EDTF](concepts.md#edtf-strings) (a day, a
month, a year, `day?` for a day held with at least 80% probability, or
`[first..last]`); *most likely* is its mode; *sources* are
`document-prefix:sentence` (sentences counted from 1).

"""

EVIDENCE_INTRO = """
## Why these publication dates

The five most influential clues per article (`influence` is how far the
distribution moves when the clue is left out: 0 none, 1 everything; see
[evidence and conflicts](concepts.md#evidence-and-conflicts)).

"""


def _evidence(result: timeline.Timeline) -> str:
    lines = []
    for document in result.documents:
        context = result.publications[document.id]
        lines += [f"### {document.id}", "", "| influence | kind | description |", "|---|---|---|"]
        for item in context.evidence[:5]:
            text = item.description.replace("|", "\\|")
            lines.append(f"| {item.influence:.2f} | `{item.kind}` | {text} |")
        if not context.evidence:
            lines.append("| | | no clue |")
        for conflict in context.conflicts:
            lines += ["", f'!!! warning "Conflict"\n    {conflict.message}']
        lines.append("")
    return "\n".join(lines)


def page() -> str:
    """The whole Markdown page."""
    result = timeline.reconstruct(timeline.load_folder(SEEDS))
    return INTRO + markdown(result) + "\n" + EVIDENCE_INTRO + _evidence(result)


with mkdocs_gen_files.open("seeds.md", "w") as handle:
    handle.write(page())
