"""Publication-date inference on real dated news with the dates hidden.

The TempEval-3 dev corpus (TimeBank + AQUAINT, 1989-1998) is unrelated to the
shipped knowledge base, so this measures what the text alone gives: explicit
and year-less dates, weekdays, and anchors shared across the corpus.

Usage: python benchmarks/publication_real.py [GOLD.jsonl] [--knowledge]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import date
from pathlib import Path

from timeline import Document
from timeline.publication import infer_corpus

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("gold", nargs="?", default=str(SHARED / "data" / "te3_tbaq.jsonl"))
    parser.add_argument("--knowledge", action="store_true", help="also use the shipped knowledge base")
    args = parser.parse_args()
    with open(args.gold, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    truth = {r["id"]: date.fromisoformat(r["dct"]) for r in records}
    documents = [Document(r["id"], r["text"]) for r in records]
    started = time.perf_counter()
    contexts = infer_corpus(documents, knowledge=args.knowledge)
    elapsed = time.perf_counter() - started
    inferred = [c for c in contexts.values() if c.status == "inferred"]
    exact = within1 = within7 = covered90 = covered50 = 0
    widths = []
    errors = []
    for context in inferred:
        true = truth[context.document]
        assert context.most_likely is not None
        error = abs((context.most_likely - true).days)
        errors.append(error)
        exact += error == 0
        within1 += error <= 1
        within7 += error <= 7
        lo, hi = context.interval_90
        covered90 += lo <= true <= hi
        widths.append((hi - lo).days + 1)
        lo, hi = context.interval_50
        covered50 += lo <= true <= hi
    unknown = [c for c in contexts.values() if c.status == "unknown"]
    unknown_covered = sum(c.time.earliest <= truth[c.document] <= c.time.latest for c in unknown)
    n = len(inferred) or 1
    print(f"documents: {len(documents)}  inferred: {len(inferred)}  unknown: {len(unknown)}  ({elapsed:.1f}s)")
    print(f"most likely exact: {exact / n:.3f}   within 1 day: {within1 / n:.3f}   within 7 days: {within7 / n:.3f}")
    print(f"90% interval coverage: {covered90 / n:.3f}   50% coverage: {covered50 / n:.3f}")
    if widths:
        print(f"median 90% width: {statistics.median(widths)} days   median error: {statistics.median(errors)} days")
    print(f"unknown documents whose support holds the truth: {unknown_covered}/{len(unknown)}")


if __name__ == "__main__":
    main()
