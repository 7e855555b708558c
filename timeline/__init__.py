"""timeline: an ordered, uncertainty-aware timeline of events from news articles.

The pipeline, one module per stage::

    tagger       find temporal expressions, parse their unanchored meaning
    publication  infer each document's publication day (a distribution)
    anchor       put every expression on the calendar, with its uncertainty
    events       find the events the expressions date; merge across documents
    render       tables, Markdown, JSON

`reconstruct(documents)` runs them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import overload

from timeline.document import Document, load, load_folder, load_jsonl, load_text
from timeline.errors import InputError, TimelineError
from timeline.events import Event, EventMention
from timeline.knowledge import KnowledgeBase, ReferenceEvent, default_knowledge, load_knowledge
from timeline.mention import Mention
from timeline.pipeline import Timeline, reconstruct, resolve_knowledge
from timeline.publication import PublicationContext, infer_corpus
from timeline.tagger import scan, tag
from timeline.uncertain import Granularity, UncertainTime

__all__ = [
    "Document",
    "Event",
    "EventMention",
    "Granularity",
    "InputError",
    "KnowledgeBase",
    "Mention",
    "PublicationContext",
    "ReferenceEvent",
    "Timeline",
    "TimelineError",
    "UncertainTime",
    "default_knowledge",
    "infer_publication",
    "load",
    "load_folder",
    "load_jsonl",
    "load_knowledge",
    "load_text",
    "reconstruct",
    "scan",
    "tag",
]

__version__ = "0.1.0"


@overload
def infer_publication(  # type: ignore[overload-overlap]  # a str is one text, not an iterable of texts
    documents: Document | str, knowledge: KnowledgeBase | str | Path | bool | None = True
) -> PublicationContext: ...


@overload
def infer_publication(
    documents: Iterable[Document | str], knowledge: KnowledgeBase | str | Path | bool | None = True
) -> dict[str, PublicationContext]: ...


def infer_publication(
    documents: Document | str | Iterable[Document | str],
    knowledge: KnowledgeBase | str | Path | bool | None = True,
) -> dict[str, PublicationContext] | PublicationContext:
    """Publication contexts of documents, inferred jointly.

    Pass one document (or text) to get its `PublicationContext`, or an
    iterable to get a dict by document id. Documents with a known publication
    day keep it. `knowledge`: True for the shipped knowledge base, False for
    none, a path to add a user file, or a `KnowledgeBase`.
    """
    single = isinstance(documents, Document | str)
    items: list[Document | str] = [documents] if isinstance(documents, Document | str) else list(documents)
    docs = [d if isinstance(d, Document) else Document(f"text-{n}", d) for n, d in enumerate(items)]
    base = resolve_knowledge(knowledge)
    contexts = infer_corpus(docs, base if base is not None else False)
    return contexts[docs[0].id] if single else contexts
