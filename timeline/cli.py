"""The timeline command: tag, date and build.

These output shapes are stable contracts that users script against:

- `timeline tag FILES [--dct D] [--format text|jsonl]`
- `timeline date FILES [--format text|jsonl]`
- `timeline build FILES [--format table|markdown|json]`
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from timeline.document import Document, load, parse_day
from timeline.errors import TimelineError
from timeline.knowledge import KnowledgeBase
from timeline.pipeline import anchored_mentions, reconstruct, resolve_knowledge
from timeline.publication import PublicationContext, infer_corpus
from timeline.render import as_json, markdown, publication_line, table
from timeline.uncertain import UncertainTime

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Reconstruct an uncertainty-aware timeline of events from (undated) news articles.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("files", nargs="+", help=".txt files (id = file name), .jsonl files or folders")
        knowledge = sub.add_mutually_exclusive_group()
        knowledge.add_argument("--no-knowledge", action="store_true", help="do not use the shipped knowledge base")
        knowledge.add_argument("--knowledge", metavar="FILE", help="add a knowledge-base JSON file to the shipped one")
        sub.add_argument(
            "--kind",
            choices=("news", "narrative"),
            help="anchor relative dates to publication (news) or to the latest date told (narrative); default: detect",
        )
        sub.add_argument(
            "--timezone",
            metavar="ZONE",
            help="read timestamp dct values in this zone, e.g. Europe/Kyiv (a UTC evening is the next day there)",
        )

    tag = commands.add_parser("tag", help="find and normalise temporal expressions (TIMEX3)")
    common(tag)
    tag.add_argument("--dct", help="publication date YYYY-MM-DD for every document (overrides inference)")
    tag.add_argument("--format", choices=("text", "jsonl"), default="text")

    date = commands.add_parser("date", help="infer each document's publication date")
    common(date)
    date.add_argument("--format", choices=("text", "jsonl"), default="text")

    build = commands.add_parser("build", help="build the ordered timeline of events")
    common(build)
    build.add_argument("--format", choices=("table", "markdown", "json"), default="table")
    return parser


def _knowledge(args: argparse.Namespace) -> KnowledgeBase | None:
    if args.no_knowledge:
        return None
    return resolve_knowledge(args.knowledge or True)


def _documents(args: argparse.Namespace, dct: str | None = None) -> list[Document]:
    docs = list(load(args.files, args.timezone))
    if dct is not None or args.kind is not None:
        day = UncertainTime.exact(parse_day(dct, args.timezone)) if dct is not None else None
        docs = [Document(d.id, d.text, day or d.publication, d.source, args.kind or d.kind) for d in docs]
    return docs


def _contexts(docs: list[Document], knowledge: KnowledgeBase | None) -> dict[str, PublicationContext]:
    return infer_corpus(docs, knowledge if knowledge is not None else False)


def _tag(args: argparse.Namespace, out: TextIO) -> None:
    knowledge = _knowledge(args)
    docs = _documents(args, args.dct)
    contexts = _contexts(docs, knowledge)
    for doc in docs:
        mentions = anchored_mentions(doc, contexts[doc.id], knowledge)
        if args.format == "jsonl":
            out.write(json.dumps({"id": doc.id, "timexes": [m.timex() for m in mentions]}, ensure_ascii=False) + "\n")
            continue
        out.write(f"# {publication_line(doc.id, contexts[doc.id])}\n")
        for m in mentions:
            mod = f" mod={m.mod}" if m.mod else ""
            out.write(f"{m.start:>6}-{m.end:<6} {m.kind:<8} {m.value or '':<22} {m.text!r}{mod}\n")


def _date(args: argparse.Namespace, out: TextIO) -> None:
    docs = _documents(args)
    contexts = _contexts(docs, _knowledge(args))
    for doc in docs:
        context = contexts[doc.id]
        if args.format == "jsonl":
            out.write(json.dumps({"id": doc.id, "publication": context.as_dict()}, ensure_ascii=False) + "\n")
            continue
        out.write(publication_line(doc.id, context) + "\n")
        for item in context.evidence[:5]:
            out.write(f"    {item.influence:5.2f}  {item.kind:<14} {item.description}\n")
        for conflict in context.conflicts:
            out.write(f"    conflict: {conflict.message}\n")


def _build(args: argparse.Namespace, out: TextIO) -> None:
    knowledge = _knowledge(args)
    result = reconstruct(_documents(args), knowledge if knowledge is not None else False)
    if args.format == "json":
        out.write(as_json(result) + "\n")
    elif args.format == "markdown":
        out.write(markdown(result) + "\n")
    else:
        out.write(table(result) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    handlers = {"tag": _tag, "date": _date, "build": _build}
    try:
        handlers[args.command](args, sys.stdout)
    except TimelineError as error:
        print(f"timeline: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    return 0
