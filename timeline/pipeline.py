"""Run every stage: tag, infer publication, anchor, find events, merge and order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import attrs

from timeline.anchor import anchor_mentions, anchor_without_publication
from timeline.document import Document
from timeline.events import Event, extract_events, merge_events
from timeline.knowledge import KnowledgeBase, default_knowledge
from timeline.mention import Mention
from timeline.publication import PublicationContext, infer_corpus
from timeline.tagger import scan

__all__ = ["Timeline", "anchored_mentions", "reconstruct", "resolve_knowledge"]


@attrs.frozen
class Timeline:
    """The result: documents, their publication contexts, anchored mentions and ordered events."""

    documents: tuple[Document, ...]
    publications: Mapping[str, PublicationContext]
    mentions: Mapping[str, tuple[Mention, ...]]
    events: tuple[Event, ...]

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def as_dict(self) -> dict[str, object]:
        """The JSON document of `timeline build --format json`."""
        return {
            "documents": [
                {
                    "id": d.id,
                    "source": d.source,
                    "publication": self.publications[d.id].as_dict(top=30),
                    "timexes": len(self.mentions.get(d.id, ())),
                }
                for d in self.documents
            ],
            "events": [e.as_dict() for e in self.events],
        }


def resolve_knowledge(knowledge: KnowledgeBase | str | Path | bool | None) -> KnowledgeBase | None:
    """True: the shipped base; False/None: none; a path: the shipped base plus that file."""
    from timeline.knowledge import load_knowledge

    if knowledge is True:
        return default_knowledge()
    if knowledge is False or knowledge is None:
        return None
    if isinstance(knowledge, KnowledgeBase):
        return knowledge
    return default_knowledge().merged(load_knowledge(knowledge))


def anchored_mentions(
    document: Document,
    publication: PublicationContext,
    knowledge: KnowledgeBase | None,
    mentions: tuple[Mention, ...] | None = None,
) -> tuple[Mention, ...]:
    """The document's mentions anchored to its (possibly uncertain) publication day."""
    found = tuple(scan(document.text)) if mentions is None else mentions
    if publication.status == "unknown":
        return tuple(anchor_without_publication(found, document.kind))
    if knowledge is not None:
        knowledge = knowledge.relevant_to(document.text)
    return tuple(anchor_mentions(found, publication.time, document.kind, knowledge))


def reconstruct(
    documents: Iterable[Document],
    knowledge: KnowledgeBase | str | Path | bool | None = True,
) -> Timeline:
    """The ordered, uncertainty-aware timeline of a set of documents."""
    docs = tuple(documents)
    base = resolve_knowledge(knowledge)
    publications = infer_corpus(docs, base if base is not None else False)
    mentions = {d.id: anchored_mentions(d, publications[d.id], base) for d in docs}
    told = [event for d in docs for event in extract_events(d, mentions[d.id])]
    return Timeline(docs, publications, mentions, tuple(merge_events(told)))
