"""Knowledge suggestions against the labelled evaluation set, beside a plain FTS5 BM25 baseline.

    .venv/bin/python bench/knowledge_eval.py [--json] [--misses N]

The set (tests/data/knowledge/eval.jsonl, 311 utterances, written by hand before any tuning) is
scored over the demo articles (tests/data/knowledge/demo_articles.jsonl) twice: on the ``tune``
part and on the ``held_out`` part nobody tuned on. For each part, one line per figure:

- top-1 / top-3: the expected article is the first / among the first three suggestions
  (strict), and the same counting any article the set lists as ``acceptable`` (lenient).
  Articles have an audience: customer-facing answers, and internal guidance for agents that a
  suggestion list puts after the answers (it is never the one to insert). So "first" means the
  first of the expected article's audience: for an answer, the first answer; for guidance, the
  first guidance (among the first three, like top-3). The baseline is counted the same way;
- scenario accuracy: the detected scenario is the expected one (no detection counts as wrong);
- the same top-1 / top-3 for the baseline: FTS5 ``bm25()`` over the OR of the utterance's terms,
  no field weights, no spelling, no scenario, no language, on the very same index.

Also run by tests/store/test_knowledge_eval.py, which asserts that the suggestions beat the
baseline on both parts.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agent_desk.core.knowledge import Article  # noqa: E402
from agent_desk.store.knowledge import KnowledgeIndex  # noqa: E402

DATA = ROOT / "tests" / "data" / "knowledge"


@dataclass
class Score:
    n: int = 0
    top1: int = 0
    top3: int = 0
    top1_lenient: int = 0
    top3_lenient: int = 0
    scenario: int = 0
    base_top1: int = 0
    base_top3: int = 0
    base_top1_lenient: int = 0
    base_top3_lenient: int = 0
    misses: list[dict[str, object]] = field(default_factory=list)

    def rate(self, name: str) -> float:
        return getattr(self, name) / self.n if self.n else 0.0


def load_index(conn: sqlite3.Connection) -> KnowledgeIndex:
    index = KnowledgeIndex(conn)
    index.ensure_schema()
    with (DATA / "demo_articles.jsonl").open(encoding="utf-8") as f:
        index.rebuild(Article.from_mapping(json.loads(line)) for line in f if line.strip())
    return index


def evaluate(index: KnowledgeIndex) -> dict[str, Score]:
    scores = {"tune": Score(), "held_out": Score()}
    with (DATA / "eval.jsonl").open(encoding="utf-8") as f:
        cases = [json.loads(line) for line in f if line.strip()]
    audience = dict(index.conn.execute("SELECT article_id, audience FROM knowledge_doc"))

    def first_of(ids: list[str], kind: str) -> str | None:
        """The first article of ``ids`` written for ``kind`` (an answer, or guidance)."""
        return next((i for i in ids if audience.get(i) == kind), None)

    for case in cases:
        score = scores[case["split"]]
        expected = case["expected_article"]
        kind = audience.get(expected, "customer")
        good = {expected, *case.get("acceptable", [])}
        result = index.suggest(case["text"], k=3)
        got = [s.id for s in result.suggestions]
        base = index.baseline(case["text"], k=3)
        score.n += 1
        score.top1 += first_of(got, kind) == expected
        score.top3 += expected in got
        score.top1_lenient += bool(got) and (got[0] in good or first_of(got, kind) in good)
        score.top3_lenient += bool(good & set(got))
        score.scenario += result.scenario == case["expected_scenario"]
        score.base_top1 += first_of(base, kind) == expected
        score.base_top3 += expected in base
        score.base_top1_lenient += bool(base) and (base[0] in good or first_of(base, kind) in good)
        score.base_top3_lenient += bool(good & set(base))
        if expected not in got:
            score.misses.append(
                {
                    "id": case["id"],
                    "text": case["text"],
                    "expected": expected,
                    "got": got,
                    "scenario": result.scenario,
                }
            )
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="also print one JSON line")
    parser.add_argument("--misses", type=int, default=0, help="print N misses per part")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    conn = sqlite3.connect(":memory:")
    index = load_index(conn)
    scores = evaluate(index)
    print(f"knowledge evaluation: {index.count()} articles, {time.perf_counter() - started:.1f} s")
    out: dict[str, dict[str, float]] = {}
    for part, s in scores.items():
        out[part] = {
            name: round(s.rate(name), 3)
            for name in (
                "top1",
                "top3",
                "top1_lenient",
                "top3_lenient",
                "scenario",
                "base_top1",
                "base_top3",
                "base_top1_lenient",
                "base_top3_lenient",
            )
        } | {"n": s.n}
        r = out[part]
        print(
            f"[{part}] n={s.n}: suggestions top-1 {r['top1']:.1%} top-3 {r['top3']:.1%} "
            f"(lenient {r['top1_lenient']:.1%} / {r['top3_lenient']:.1%}), "
            f"scenario {r['scenario']:.1%} | baseline BM25 top-1 {r['base_top1']:.1%} "
            f"top-3 {r['base_top3']:.1%} (lenient {r['base_top1_lenient']:.1%} / "
            f"{r['base_top3_lenient']:.1%})"
        )
        for miss in s.misses[: args.misses]:
            print(
                f"  miss {miss['id']}: {miss['text']!r} expected {miss['expected']} "
                f"got {miss['got']} scenario {miss['scenario']}"
            )
    if args.json:
        print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
