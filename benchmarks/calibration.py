"""Calibration of publication-date inference on generated articles.

Generates articles with a known publication day (timeline.synthetic), infers
each one's publication distribution and reports how often the most likely day
is exact (or within a day), how often the 50% and 90% intervals cover the true
day (90% target: 0.88 to 0.95), how wide they are, how often the answer is
"unknown" -- overall, per clue style and per number of clues, so that any
miscalibration can be traced to the kind of clue behind it.

Runs: the shipped knowledge base on --n articles; no knowledge base on a tenth
of them; infer_corpus on n/100 small corpora of 5 articles from the same week,
and as many from the same year (each compared with the articles inferred alone).

Usage: python benchmarks/calibration.py [--n 10000] [--quick] [--seed 7] [--workers 2]
       [--misses K] [--json OUT.json] [--no-corpus] [--no-kb-off] [--corpora N]
       [--corpus-only] [--set KEY=VALUE ...]

``--set recency.scale=120`` tries a publication.toml value for one run without
editing the file; ``--misses K`` prints articles whose 90% interval missed.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import statistics
import sys
import time
import tomllib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from timeline.document import Document
from timeline.knowledge import KnowledgeBase, default_knowledge
from timeline.publication import PublicationContext, infer_corpus, infer_document
from timeline.synthetic import FIRST_DAY, LAST_DAY, SyntheticArticle, articles, generate_article

Record = dict[str, Any]

# --- workers --------------------------------------------------------------------------------

_KNOWLEDGE: KnowledgeBase | None = None


def _init_worker(overrides: dict[str, Any]) -> None:
    global _KNOWLEDGE
    _KNOWLEDGE = default_knowledge()
    if overrides:
        _override(overrides)


def _override(overrides: dict[str, Any]) -> None:
    """Try parameter values without editing publication.toml (``--set recency.scale=200``)."""
    import copy

    from timeline import publication

    settings = copy.deepcopy(publication._settings())
    for key, value in overrides.items():
        *path, name = key.split(".")
        target = settings
        for part in path:
            target = target[part]
        if name not in target:
            raise SystemExit(f"--set {key}: no such parameter")
        target[name] = value
    publication._settings = lambda: settings  # type: ignore[assignment]


def _parse_overrides(items: list[str]) -> dict[str, Any]:
    overrides = {}
    for item in items:
        key, _, value = item.partition("=")
        overrides[key.strip()] = tomllib.loads(f"v = {value}")["v"]
    return overrides


def _score(context: PublicationContext, truth: date) -> Record:
    lo90, hi90 = context.interval_90
    lo50, hi50 = context.interval_50
    likely = context.most_likely
    return {
        "status": context.status,
        "exact": likely == truth,
        "within1": likely is not None and abs((likely - truth).days) <= 1,
        "error": None if likely is None else (likely - truth).days,
        "cover90": lo90 <= truth <= hi90,
        "cover50": lo50 <= truth <= hi50,
        "width90": (hi90 - lo90).days + 1,
        "width50": (hi50 - lo50).days + 1,
        "support": context.time.earliest <= truth <= context.time.latest,
        "interval90": [lo90.isoformat(), hi90.isoformat()],
    }


def _one(task: tuple[int, str, str, tuple[str, ...], bool]) -> Record:
    index, text, truth, styles, use_kb = task
    knowledge = _KNOWLEDGE if use_kb else None
    record: Record = {"index": index, "styles": list(styles), "truth": truth}
    try:
        context = infer_document(Document(f"a{index}", text), knowledge)
        record.update(_score(context, date.fromisoformat(truth)))
    except Exception as error:  # a crash is a result to report, not a reason to stop
        record.update(crash=f"{type(error).__name__}: {error}")
    return record


def _corpus(task: tuple[int, list[tuple[str, str, tuple[str, ...]]]]) -> list[Record]:
    index, members = task
    docs = [Document(f"c{index}-{i}", text) for i, (text, _, _) in enumerate(members)]
    records = []
    try:
        joint = infer_corpus(docs, knowledge=_KNOWLEDGE)
        for doc, (_, truth, styles) in zip(docs, members, strict=True):
            alone = infer_document(doc, _KNOWLEDGE)
            day = date.fromisoformat(truth)
            record: Record = {"index": index, "styles": list(styles), "truth": truth}
            record.update(_score(joint[doc.id], day))
            record["alone"] = _score(alone, day)
            records.append(record)
    except Exception as error:
        records.append(
            {"index": index, "styles": [], "truth": "", "crash": f"{type(error).__name__}: {error}"}
        )
    return records


# --- running --------------------------------------------------------------------------------


def _run(
    label: str,
    function: Callable[[Any], Any],
    tasks: Sequence[Any],
    pool: Any,
    flatten: bool = False,
) -> tuple[list[Record], float]:
    started = time.perf_counter()
    results: list[Record] = []
    step = max(1, len(tasks) // 20)
    chunks = max(1, min(50, len(tasks) // 40))
    for done, result in enumerate(pool.imap_unordered(function, tasks, chunksize=chunks), start=1):
        results.extend(result if flatten else [result])
        if done % step == 0 or done == len(tasks):
            elapsed = time.perf_counter() - started
            print(f"  {label}: {done}/{len(tasks)} ({elapsed:.0f}s)", file=sys.stderr, flush=True)
    return results, time.perf_counter() - started


def _corpora(
    seed: int, count: int, knowledge: KnowledgeBase, days: int = 7
) -> list[tuple[int, list[tuple[str, str, tuple[str, ...]]]]]:
    """Corpora of 5 articles published within `days` days of each other."""
    rng = random.Random(seed)
    span = (LAST_DAY - FIRST_DAY).days - (days - 1)
    tasks = []
    for index in range(count):
        week = FIRST_DAY + timedelta(days=rng.randint(0, span))
        members = []
        for _ in range(5):
            day = week + timedelta(days=rng.randint(0, days - 1))
            article = generate_article(rng, knowledge, publication=day)
            members.append((article.text, day.isoformat(), article.styles))
        tasks.append((index, members))
    return tasks


# --- reporting ------------------------------------------------------------------------------


def _share(records: Iterable[Record], key: str) -> float:
    values = [bool(r[key]) for r in records]
    return sum(values) / len(values) if values else float("nan")


def _median(values: list[int]) -> float:
    return statistics.median(values) if values else float("nan")


def summary(records: list[Record]) -> dict[str, float]:
    ok = [r for r in records if "crash" not in r]
    inferred = [r for r in ok if r["status"] != "unknown"]
    unknown = [r for r in ok if r["status"] == "unknown"]
    return {
        "n": len(records),
        "crashes": len(records) - len(ok),
        "unknown": len(unknown) / len(ok) if ok else float("nan"),
        "unknown_support": _share(unknown, "support"),
        "inferred": len(inferred),
        "exact": _share(inferred, "exact"),
        "within1": _share(inferred, "within1"),
        "cover90": _share(inferred, "cover90"),
        "cover50": _share(inferred, "cover50"),
        "width90": _median([r["width90"] for r in inferred]),
        "width50": _median([r["width50"] for r in inferred]),
        "support": _share(inferred, "support"),
        "exact_all": _share(ok, "exact"),
        "within1_all": _share(ok, "within1"),
    }


def _line(name: str, s: dict[str, float]) -> str:
    return (
        f"{name:<20} {s['n']:>6} {s['unknown']:>6.1%} {s['exact']:>6.1%} {s['within1']:>6.1%} "
        f"{s['cover90']:>6.1%} {s['cover50']:>6.1%} {s['width90']:>7.0f} {s['width50']:>6.0f} {s['support']:>6.1%}"
    )


_HEADER = f"{'':<20} {'n':>6} {'unkn':>6} {'exact':>6} {'±1':>6} {'cov90':>6} {'cov50':>6} {'wid90':>7} {'wid50':>6} {'supp':>6}"


def report(
    title: str, records: list[Record], seconds: float, breakdown: bool = True
) -> dict[str, Any]:
    s = summary(records)
    print(
        f"\n== {title}: {s['n']} articles in {seconds:.0f}s ({1000 * seconds / max(1, s['n']):.0f} ms/article of wall time)"
    )
    print(
        f"most likely exact {s['exact']:.1%} (all articles: {s['exact_all']:.1%}), within ±1 day {s['within1']:.1%}; "
        f"90% interval covers {s['cover90']:.1%} (target 88-95%), 50% covers {s['cover50']:.1%}; "
        f"median width 90% {s['width90']:.0f} d, 50% {s['width50']:.0f} d"
    )
    print(
        f"unknown {s['unknown']:.1%} (support covers {s['unknown_support']:.1%} of those); "
        f"support of inferred covers {s['support']:.2%}; crashes {s['crashes']}"
    )
    print("(columns after 'unkn' are over inferred articles)")
    result: dict[str, Any] = {"summary": s}
    if not breakdown:
        return result
    ok = [r for r in records if "crash" not in r]
    tables: dict[str, dict[str, list[Record]]] = {
        "any": defaultdict(list),
        "only": defaultdict(list),
        "clues": defaultdict(list),
    }
    for r in ok:
        for style in r["styles"]:
            tables["any"][style].append(r)
        if len(r["styles"]) == 1:
            tables["only"][r["styles"][0]].append(r)
        count = 0 if r["styles"] == ["no-clue"] else len(r["styles"])
        tables["clues"][str(count)].append(r)
    for key, caption in (
        ("only", "articles whose clues are all of one style"),
        ("any", "articles with at least one clue of the style"),
        ("clues", "by number of distinct clue styles"),
    ):
        print(f"\n-- {caption}\n{_HEADER}")
        rows = {}
        for name in sorted(tables[key], key=lambda k: (len(k) > 2, k)):
            rows[name] = summary(tables[key][name])
            print(_line(name, rows[name]))
        result[key] = rows
    return result


def _misses(records: list[Record], texts: dict[int, str], limit: int) -> None:
    """Print some articles whose 90% interval misses the true day (single-style first)."""
    missed = [
        r for r in records if "crash" not in r and r["status"] != "unknown" and not r["cover90"]
    ]
    missed.sort(key=lambda r: (len(r["styles"]), r["index"]))
    by_style: dict[str, int] = defaultdict(int)
    shown = 0
    for r in missed:
        key = "+".join(r["styles"])
        if by_style[key] >= 2 or shown >= limit:
            continue
        by_style[key] += 1
        shown += 1
        print(
            f"\n[miss] #{r['index']} truth {r['truth']} 90% {r['interval90']} error {r['error']} styles {key}"
        )
        print("   " + texts[r["index"]].replace("\n\n", " / "))


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--n", type=int, default=10_000, help="articles for the knowledge-base run (default 10000)"
    )
    parser.add_argument("--quick", action="store_true", help="1000 articles")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--misses", type=int, default=0, help="print this many missed articles")
    parser.add_argument("--no-corpus", action="store_true", help="skip the infer_corpus run")
    parser.add_argument(
        "--no-kb-off", action="store_true", help="skip the run without knowledge base"
    )
    parser.add_argument("--corpora", type=int, default=0, help="corpora per corpus run (default n/100)")
    parser.add_argument("--corpus-only", action="store_true", help="only the infer_corpus runs")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a publication.toml parameter for this run (TOML value), e.g. recency.scale=200",
    )
    args = parser.parse_args(argv)
    n = 1000 if args.quick else args.n
    knowledge = default_knowledge()
    started = time.perf_counter()
    generated: list[SyntheticArticle] = list(articles(args.seed, n, knowledge))
    print(
        f"generated {n} articles (seed {args.seed}) in {time.perf_counter() - started:.1f}s",
        file=sys.stderr,
    )
    texts = {i: a.text for i, a in enumerate(generated)}
    overrides = _parse_overrides(args.set)
    results: dict[str, Any] = {"n": n, "seed": args.seed, "overrides": overrides}
    if overrides:
        print(f"overrides: {overrides}")
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    with context.Pool(args.workers, initializer=_init_worker, initargs=(overrides,)) as pool:
        tasks = [
            (i, a.text, a.publication.isoformat(), a.styles, True) for i, a in enumerate(generated)
        ]
        if not args.corpus_only:
            records, seconds = _run("knowledge base", _one, tasks, pool)
            results["kb"] = report("shipped knowledge base", records, seconds)
            results["kb"]["seconds"] = seconds
            if args.misses:
                _misses(records, texts, args.misses)
        if not args.no_kb_off and not args.corpus_only:
            off_tasks = [
                (i, text, truth, styles, False)
                for i, text, truth, styles, _ in tasks[: max(1, n // 10)]
            ]
            off, seconds = _run("no knowledge base", _one, off_tasks, pool)
            results["kb_off"] = report("no knowledge base", off, seconds, breakdown=False)
            results["kb_off"]["seconds"] = seconds
        if not args.no_corpus:
            count = args.corpora or max(10, n // 100)
            for key, days, label in (("corpus", 7, "one week"), ("corpus_year", 365, "one year")):
                corpora = _corpora(args.seed + 1, count, knowledge, days)
                joint, seconds = _run(f"corpora ({label})", _corpus, corpora, pool, flatten=True)
                results[key] = report(
                    f"infer_corpus, 5 articles from {label}", joint, seconds, breakdown=False
                )
                results[key]["seconds"] = seconds
                alone = [dict(r, **r["alone"]) for r in joint if "alone" in r]
                results[f"{key}_alone"] = report(
                    "the same articles inferred one by one", alone, 0.0, breakdown=False
                )
    total = time.perf_counter() - started
    print(f"\ntotal {total:.0f}s")
    results["seconds"] = total
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(results, handle, indent=1, default=str)
    return results


if __name__ == "__main__":
    main()
