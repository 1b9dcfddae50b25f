"""Benchmark of the knowledge index: 50,000 generated articles, mixed Chinese and English.

    .venv/bin/python bench/knowledge_bench.py [--articles 50000] [--queries 400] [--quick]
    .venv/bin/python bench/knowledge_bench.py --tokenizers [--articles 50000]

Articles are generated from the demo articles (tests/data/knowledge/demo_articles.jsonl) by
recombining them: a demo article's scenario (under one of five company prefixes, so 70 scenario
names), its title (sometimes with a qualifier), three to six sentences drawn from all articles of
that scenario and language (sometimes one from another scenario), numbers changed, two or three
of the scenario's tags. Queries are the utterances of tests/data/knowledge/eval.jsonl plus the
demo titles and the short terms 退款 / 物流 / 尺码 / refnd.

Default run (figures one per line, then one JSON line):

1. ``KnowledgeIndex.rebuild`` of all articles into a fresh SQLite file: time and file size;
2. the first suggestion (it loads the vocabulary and the scenario model), then ``suggest(k=5)``
   over the queries: p50 / p95 / max (budget p95 ≤ 15 ms);
3. the raw FTS5 ``MATCH`` + ``bm25`` query the suggestion runs first, alone, on the same index with
   the same terms: p50 / p95, and the ratio of the suggestion to it;
4. updating five articles (``upsert``) and the next suggestion after it (caches reloaded).

``--tokenizers`` measures the index options instead, on the demo articles (quality) and on the
generated ones (speed): (a) FTS5 ``trigram`` + ``LIKE`` on the base table for 1-2 character
terms, (b) our terms (CJK bigrams + stemmed words) in ``unicode61``, and, when run with a Python
that has ``pysqlite3`` (``pysqlite3-binary``: a current SQLite), (c) trigram there.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agent_desk.core.knowledge import Article, normalize, terms  # noqa: E402

DEMO = ROOT / "tests" / "data" / "knowledge" / "demo_articles.jsonl"
EVAL = ROOT / "tests" / "data" / "knowledge" / "eval.jsonl"
SEED = 20261201
BUDGET_P95_MS = 15.0
COMPANIES = ("", "acme/", "nova/", "lumen/", "kite/")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?|[^.!?]+[.!?]?")


def load_demo() -> list[Article]:
    with DEMO.open(encoding="utf-8") as fh:
        return [Article.from_mapping(json.loads(line)) for line in fh if line.strip()]


def sentences(text: str, locale: str) -> list[str]:
    if locale.startswith("zh"):
        parts = re.findall(r"[^。！？]+[。！？]?", text)
    else:
        parts = re.split(r"(?<=[.!?])\s+", text)
    return [p.strip() for p in parts if len(p.strip()) > 3]


def generate(n: int, seed: int = SEED) -> list[Article]:
    """``n`` believable articles recombined from the demo ones (see the module docstring)."""
    rng = random.Random(seed)
    demo = load_demo()
    pools: dict[tuple[str, str], list[str]] = {}
    tags: dict[str, list[str]] = {}
    by_locale: dict[str, list[str]] = {}
    for a in demo:
        found = sentences(a.body, a.locale)
        pools.setdefault((a.scenario, a.locale), []).extend(found)
        by_locale.setdefault(a.locale, []).extend(found)
        tags.setdefault(a.scenario, []).extend(a.tags)
    qualifiers = {
        "zh_CN": ["", "", "（会员版）", "（大促期间）", "（新版流程）", "：客服话术", "（海外仓）"],
        "en": ["", "", " (members)", " during sales", " (new process)", ": reply guide", " (EU)"],
    }
    out = []
    for i in range(n):
        base = rng.choice(demo)
        pool = pools[(base.scenario, base.locale)]
        body = rng.sample(pool, k=min(len(pool), rng.randint(3, 6)))
        if rng.random() < 0.3:
            body.insert(rng.randrange(len(body) + 1), rng.choice(by_locale[base.locale]))
        glue = "" if base.locale.startswith("zh") else " "
        text = re.sub(r"\d+", lambda m: str(rng.randint(1, 99)), glue.join(body))
        title = base.title + rng.choice(qualifiers[base.locale])
        picked = rng.sample(sorted(set(tags[base.scenario])), k=rng.randint(2, 3))
        out.append(
            Article(
                id=f"gen-{i:05d}",
                title=title,
                body=text,
                scenario=rng.choice(COMPANIES) + base.scenario,
                tags=tuple(picked),
                locale=base.locale,
                usage=_usage(rng),
            )
        )
    return out


def _usage(rng: random.Random) -> Any:
    from agent_desk.core.knowledge import Usage

    if rng.random() < 0.7:
        return Usage()
    return Usage(rng.randint(0, 200), rng.randint(0, 50), rng.randint(0, 10))


def queries(demo: Sequence[Article], limit: int) -> list[str]:
    found: list[str] = ["退款", "物流", "尺码", "refnd", "recieved", "adress"]
    if EVAL.exists():
        with EVAL.open(encoding="utf-8") as fh:
            found += [json.loads(line)["text"] for line in fh if line.strip()]
    found += [a.title for a in demo]
    rng = random.Random(SEED)
    rng.shuffle(found)
    return found[:limit]


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000, result


# --- the default run -------------------------------------------------------------------------


def run(n: int, n_queries: int) -> dict[str, Any]:
    import sqlite3

    from agent_desk.store.knowledge import KnowledgeIndex

    figures: dict[str, Any] = {"articles": n}
    generated = generate(n)
    demo = load_demo()
    asked = queries(demo, n_queries)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "knowledge.db"
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        index = KnowledgeIndex(conn)
        index.ensure_schema()
        build_ms, _ = timed(lambda: index.rebuild(generated))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        figures["build_s"] = round(build_ms / 1000, 2)
        figures["file_mb"] = round(os.path.getsize(path) / 1e6, 1)
        print(f"build: {n} articles in {build_ms / 1000:.2f} s, file {figures['file_mb']} MB")
        first_ms, _ = timed(lambda: index.suggest(asked[0]))
        figures["first_suggest_ms"] = round(first_ms, 1)
        print(f"first suggestion (loads vocabulary + scenario model): {first_ms:.0f} ms")
        for text in asked[:20]:  # warm the page cache
            index.suggest(text)
        latencies = []
        for text in asked:
            ms, _ = timed(lambda text=text: index.suggest(text, k=5))
            latencies.append(ms)
        p50, p95 = percentile(latencies, 50), percentile(latencies, 95)
        figures.update(
            suggest_p50_ms=round(p50, 2),
            suggest_p95_ms=round(p95, 2),
            suggest_max_ms=round(max(latencies), 2),
            queries=len(asked),
        )
        print(f"suggest p50: {p50:.2f} ms")
        print(f"suggest p95: {p95:.2f} ms (budget {BUDGET_P95_MS:.0f} ms)")
        print(f"suggest max: {max(latencies):.2f} ms")
        w = index.weights
        raw = []
        for text in asked:
            query = index._query(text)
            if not query.match:
                continue
            match = " OR ".join(f'"{t}"' for t in query.match)
            ms, _ = timed(
                lambda match=match: conn.execute(
                    "SELECT rowid, bm25(knowledge_fts, ?, ?, ?) AS r FROM knowledge_fts "
                    "WHERE knowledge_fts MATCH ? ORDER BY r LIMIT ?",
                    (w.title, w.tags, w.body, match, w.candidates),
                ).fetchall()
            )
            raw.append(ms)
        r50, r95 = percentile(raw, 50), percentile(raw, 95)
        figures.update(raw_match_p50_ms=round(r50, 2), raw_match_p95_ms=round(r95, 2))
        figures.update(ratio_p50=round(p50 / r50, 2), ratio_p95=round(p95 / r95, 2))
        print(f"raw FTS5 MATCH p50: {r50:.2f} ms, p95: {r95:.2f} ms")
        print(f"suggest / raw MATCH: {p50 / r50:.2f}x at p50, {p95 / r95:.2f}x at p95")
        rng = random.Random(SEED + 1)
        changed = [
            Article(
                id=a.id,
                title=a.title + " (edited)",
                body=a.body,
                scenario=a.scenario,
                tags=a.tags,
                locale=a.locale,
                version=a.version + 1,
            )
            for a in rng.sample(generated, 5)
        ]
        upsert_ms, _ = timed(lambda: index.upsert(changed))
        after_ms, _ = timed(lambda: index.suggest(asked[1]))
        figures.update(upsert5_ms=round(upsert_ms, 1), suggest_after_change_ms=round(after_ms, 1))
        print(f"upsert of 5 changed articles: {upsert_ms:.1f} ms")
        print(f"next suggestion (caches updated in place): {after_ms:.0f} ms")
        conn.close()
    figures["within_budget"] = figures["suggest_p95_ms"] <= BUDGET_P95_MS
    print(json.dumps(figures, ensure_ascii=False, sort_keys=True))
    return figures


# --- tokenizer options -----------------------------------------------------------------------

_LATIN = re.compile(r"[a-z0-9]+")
_CJK_RUN = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+")


def _trigram_terms(text: str) -> tuple[list[str], list[str]]:
    """(3+ character substrings for MATCH, 1-2 character terms for the LIKE fallback).

    Latin words are stemmed (a stem is a substring of its inflections, which trigram finds);
    a CJK run of three or more characters gives its 3-character windows, shorter runs go to LIKE.
    """
    normal = normalize(text)
    long_terms: list[str] = []
    short: list[str] = []
    for word in _LATIN.findall(normal):
        stem = terms(word)[0] if terms(word) else word
        (long_terms if len(stem) >= 3 else short).append(stem)
    for run in _CJK_RUN.findall(normal):
        if len(run) >= 3:
            long_terms += [run[i : i + 3] for i in range(len(run) - 2)]
        else:
            short.append(run)
    return list(dict.fromkeys(long_terms)), list(dict.fromkeys(short))


class TrigramIndex:
    """Option (a)/(c): FTS5 trigram over the normalised text, LIKE for 1-2 character terms."""

    def __init__(self, sqlite: Any, path: str, like_on_fts: bool) -> None:
        self.conn = sqlite.connect(path, isolation_level=None)
        self.like_on_fts = like_on_fts
        self.conn.executescript(
            "CREATE TABLE doc (rowid INTEGER PRIMARY KEY, id TEXT, title TEXT, tags TEXT, "
            "body TEXT);"
            "CREATE VIRTUAL TABLE tri USING fts5(title, tags, body, content='doc', "
            "content_rowid='rowid', tokenize='trigram');"
        )

    def build(self, articles: Sequence[Article]) -> None:
        self.conn.execute("BEGIN")
        self.conn.executemany(
            "INSERT INTO doc VALUES (?, ?, ?, ?, ?)",
            [
                (i + 1, a.id, normalize(a.title), normalize(" ".join(a.tags)), normalize(a.body))
                for i, a in enumerate(articles)
            ],
        )
        self.conn.execute("INSERT INTO tri (tri) VALUES ('rebuild')")
        self.conn.execute("COMMIT")
        self.n = len(articles)

    def search(self, text: str, k: int = 5) -> list[str]:
        long_terms, short = _trigram_terms(text)
        scores: dict[int, float] = {}
        if long_terms:
            match = " OR ".join('"' + t.replace('"', '""') + '"' for t in long_terms[:32])
            for rowid, r in self.conn.execute(
                "SELECT rowid, bm25(tri, 4.0, 2.5, 1.0) FROM tri WHERE tri MATCH ? "
                "ORDER BY 2 LIMIT 50",
                (match,),
            ):
                scores[rowid] = scores.get(rowid, 0.0) - r
        table = "tri" if self.like_on_fts else "doc"
        for term in short:
            pattern = f"%{term}%"
            hits = self.conn.execute(
                f"SELECT rowid, (title LIKE ?1) * 4.0 + (tags LIKE ?1) * 2.5 + (body LIKE ?1) "
                f"FROM {table} WHERE title LIKE ?1 OR tags LIKE ?1 OR body LIKE ?1",
                (pattern,),
            ).fetchall()
            if not hits:
                continue
            idf = max(0.1, __import__("math").log((self.n - len(hits) + 0.5) / (len(hits) + 0.5)))
            for rowid, weight in hits:
                scores[rowid] = scores.get(rowid, 0.0) + idf * weight
        best = sorted(scores.items(), key=lambda p: -p[1])[:k]
        wanted = ",".join(str(r) for r, _ in best) or "0"
        ids = dict(self.conn.execute(f"SELECT rowid, id FROM doc WHERE rowid IN ({wanted})"))
        return [ids[r] for r, _ in best]


class TermsIndex:
    """Option (b): our terms in unicode61, plain bm25 with field weights (no re-ranking)."""

    def __init__(self, sqlite: Any, path: str) -> None:
        self.conn = sqlite.connect(path, isolation_level=None)
        self.conn.executescript(
            "CREATE TABLE doc (rowid INTEGER PRIMARY KEY, id TEXT);"
            "CREATE VIRTUAL TABLE t USING fts5(title, tags, body, content='', "
            "tokenize='unicode61 remove_diacritics 2');"
            "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');"
        )

    def build(self, articles: Sequence[Article]) -> None:
        self.conn.execute("BEGIN")
        self.conn.executemany(
            "INSERT INTO doc VALUES (?, ?)", [(i + 1, a.id) for i, a in enumerate(articles)]
        )
        self.conn.executemany(
            "INSERT INTO t (rowid, title, tags, body) VALUES (?, ?, ?, ?)",
            [
                (
                    i + 1,
                    " ".join(terms(a.title)),
                    " ".join(terms(" ".join(a.tags))),
                    " ".join(terms(a.body)),
                )
                for i, a in enumerate(articles)
            ],
        )
        self.conn.execute("COMMIT")
        self.df = dict(self.conn.execute("SELECT term, doc FROM v").fetchall())
        self.n = len(articles)

    def search(self, text: str, k: int = 5) -> list[str]:
        wanted = [t for t in dict.fromkeys(terms(text)) if 0 < self.df.get(t, 0) <= self.n / 2]
        wanted.sort(key=lambda t: self.df[t])
        chosen, postings = [], 0
        for t in wanted[:32]:
            if chosen and postings + self.df[t] > 12_000:
                break
            chosen.append(t)
            postings += self.df[t]
        if not chosen:
            return []
        rows = self.conn.execute(
            "SELECT d.id FROM (SELECT rowid, bm25(t, 4.0, 2.5, 1.0) AS r FROM t WHERE t MATCH ? "
            "ORDER BY r LIMIT ?) f JOIN doc d ON d.rowid = f.rowid ORDER BY f.r",
            (" OR ".join(f'"{t}"' for t in chosen), k),
        ).fetchall()
        return [r[0] for r in rows]


def _quality(search: Callable[[str], list[str]], demo: Sequence[Article]) -> dict[str, Any]:
    by_id = {a.id: a for a in demo}
    out: dict[str, Any] = {}
    for term, scenario in (("退款", None), ("物流", None), ("尺码", None), ("refnd", "refund")):
        found = search(term)
        needle = scenario or term
        out[term] = sum(
            1
            for i in found
            if needle in normalize(by_id[i].title + by_id[i].body + " ".join(by_id[i].tags))
        )
    if EVAL.exists():
        with EVAL.open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        rows = [r for r in rows if r["split"] == "tune"]
        top1 = top3 = 0
        for r in rows:
            ok = {r["expected_article"], *r.get("acceptable", [])}
            found = search(r["text"])[:3]
            top1 += bool(found) and found[0] in ok
            top3 += bool(set(found) & ok)
        out["tune_top1"] = round(top1 / len(rows), 3)
        out["tune_top3"] = round(top3 / len(rows), 3)
    return out


def _speed(index: Any, articles: Sequence[Article], asked: Iterable[str]) -> dict[str, Any]:
    build_ms, _ = timed(lambda: index.build(articles))
    latencies = [timed(lambda q=q: index.search(q))[0] for q in asked]
    return {
        "build_s": round(build_ms / 1000, 2),
        "p50_ms": round(percentile(latencies, 50), 2),
        "p95_ms": round(percentile(latencies, 95), 2),
    }


def tokenizers(n: int, n_queries: int) -> dict[str, Any]:
    import sqlite3

    options: list[tuple[str, Any, Callable[[Any, str], Any]]] = [
        ("a_trigram_like_base", sqlite3, lambda m, p: TrigramIndex(m, p, like_on_fts=False)),
        ("a_trigram_like_fts", sqlite3, lambda m, p: TrigramIndex(m, p, like_on_fts=True)),
        ("b_terms_unicode61", sqlite3, lambda m, p: TermsIndex(m, p)),
    ]
    try:
        import pysqlite3.dbapi2 as modern  # type: ignore[import-not-found]

        options.append(
            ("c_pysqlite3_trigram", modern, lambda m, p: TrigramIndex(m, p, like_on_fts=True))
        )
    except ImportError:
        print("(c) skipped: pysqlite3 is not importable in this Python")
    demo = load_demo()
    generated = generate(n)
    asked = queries(demo, n_queries)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, module, make in options:
            small = make(module, str(Path(tmp) / f"{name}-demo.db"))
            small.build(demo)
            quality = _quality(small.search, demo)
            big_path = Path(tmp) / f"{name}-big.db"
            big = make(module, str(big_path))
            speed = _speed(big, generated, asked)
            speed["file_mb"] = round(os.path.getsize(big_path) / 1e6, 1)
            results[name] = {"sqlite": module.sqlite_version, **quality, **speed}
            print(f"{name} (SQLite {module.sqlite_version}): {json.dumps(results[name])}")
    print(json.dumps(results, ensure_ascii=False, sort_keys=True))
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--quick", action="store_true", help="5,000 articles")
    parser.add_argument("--tokenizers", action="store_true", help="compare the index options")
    args = parser.parse_args(argv)
    n = 5_000 if args.quick else args.articles
    if args.tokenizers:
        tokenizers(n, args.queries)
        return 0
    figures = run(n, args.queries)
    return 0 if figures["within_budget"] else 1


if __name__ == "__main__":
    sys.exit(main())
