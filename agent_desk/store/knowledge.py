"""The local knowledge index: FTS5 over pre-computed terms, in any SQLite connection.

The index lives in the client's cache file (built from the ``articles`` table that sync keeps,
see :meth:`KnowledgeIndex.rebuild_from_table` and :meth:`KnowledgeIndex.update_from_table`) or
in a standalone file (``agent-desk knowledge import … --db PATH``). Its tables:

- ``knowledge_doc``: one row per indexed (published) article: its text as written (for snippets,
  highlighting and re-indexing), scenario, locale, audience, version, usage counts, and whether
  its body uses logistics or refund placeholders (for the context lifts). Its ``rowid`` is the
  FTS rowid. Internal guidance is indexed and suggested like any answer, but a suggestion list
  puts the customer-facing answers first (:func:`agent_desk.core.knowledge.answers_first`).
- ``knowledge_fts``: a contentless FTS5 table (``unicode61 remove_diacritics 2``) over the
  *terms* of title, tags and body (Latin words lightly stemmed, CJK character bigrams; see
  :mod:`agent_desk.core.knowledge`). Contentless keeps the file small; a row is removed with
  FTS5's ``delete`` command and the terms re-computed from ``knowledge_doc``, which is why the
  term scheme has a version in ``knowledge_meta`` and a change of it rebuilds the index.
- ``knowledge_vocab``: an ``fts5vocab`` view of the index: term → number of articles. Read once
  into memory (for the misspelling corrector, and to leave out query terms that most articles
  contain); changes made through the same :class:`KnowledgeIndex` are applied to it in place,
  and a change made through another connection (``knowledge_meta.generation`` moved) makes the
  next query read it again.
- ``knowledge_scenario_terms``: the scenario model's weighted term counts per scenario, kept
  up to date article by article, so the model never has to re-read the articles.

Why bigrams and not FTS5's trigram tokenizer: trigram cannot match a two-character Chinese term
(退款, 物流, 尺码) inside a customer's sentence, and the ``LIKE`` fallback for short terms costs a
scan (on SQLite 3.40.1 a one-column two-character ``LIKE`` on a trigram table even returns no
rows). The measurements are in ``bench/knowledge_bench.py --tokenizers`` and the README.

Call :meth:`KnowledgeIndex.ensure_schema` once per connection before anything else.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from agent_desk.core.knowledge import (
    BODY_WEIGHT,
    DAMAGE_PROBE,
    LOGISTICS_PLACEHOLDERS,
    REFUND_PLACEHOLDERS,
    TAGS_WEIGHT,
    TITLE_WEIGHT,
    Article,
    ArticleError,
    Context,
    ContextSignal,
    RankWeights,
    ScenarioModel,
    ScenarioPrediction,
    Speller,
    Suggestion,
    SuggestResult,
    Usage,
    allowed_edits,
    answers_first,
    context_signals,
    detect_language,
    language_locale,
    locale_language,
    match_spans,
    normalize,
    placeholders,
    snippet,
    stem,
    surfaces,
    terms,
    terms_with_spans,
    usage_score,
    weighted_terms,
)

__all__ = [
    "Article",
    "ArticleError",
    "Context",
    "KnowledgeIndex",
    "SuggestResult",
    "Suggestion",
    "Usage",
]

log = logging.getLogger(__name__)

TERMS_VERSION = "1"  # bump when core.knowledge.terms() changes what it produces
MAX_SUGGEST_CHARS = 1000  # suggestions read the end of the conversation, not all of it
MAX_SEARCH_CHARS = 200
MAX_QUERY_TERMS = 32
# Posting entries one query may read: terms are taken rarest first until this many article
# occurrences are reached (bench: p95 stays under budget at 50,000 articles). A term in more
# than half the articles is never used: BM25 gives it almost no weight anyway.
POSTINGS_BUDGET = 12_000
USAGE_KINDS = ("inserted", "helpful", "not_helpful")
_UNICODE61_WORD = re.compile(r"[^\W_]+")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS knowledge_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS knowledge_doc (
    rowid INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    tags TEXT NOT NULL,             -- JSON list
    body TEXT NOT NULL,
    scenario TEXT NOT NULL,
    locale TEXT NOT NULL,
    version INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,      -- of the indexed text: unchanged text is not re-indexed
    logistics INTEGER NOT NULL,     -- body uses {carrier}, {tracking_no} or {eta}
    refund INTEGER NOT NULL,        -- body uses {refund_amount}
    inserted INTEGER NOT NULL DEFAULT 0,
    helpful INTEGER NOT NULL DEFAULT 0,
    not_helpful INTEGER NOT NULL DEFAULT 0,
    audience TEXT NOT NULL DEFAULT 'customer'  -- customer | internal (core.knowledge.AUDIENCES)
);
CREATE INDEX IF NOT EXISTS ix_knowledge_doc_scenario ON knowledge_doc (scenario, locale);
CREATE TABLE IF NOT EXISTS knowledge_scenario_terms (
    scenario TEXT NOT NULL, term TEXT NOT NULL, weight REAL NOT NULL,
    PRIMARY KEY (scenario, term)
) WITHOUT ROWID;
"""
_FTS = """
CREATE VIRTUAL TABLE IF NOT EXISTS knowledge_fts USING fts5(
    title, tags, body, content='', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS knowledge_vocab USING fts5vocab(knowledge_fts, 'row');
"""


@dataclass(frozen=True)
class _Prepared:
    """An article with its terms computed once (for the index and the scenario model)."""

    article: Article
    title: list[str]
    tags: list[str]
    body: list[str]
    fingerprint: str
    logistics: bool
    refund: bool

    @classmethod
    def of(cls, article: Article) -> _Prepared:
        tags_json = json.dumps(list(article.tags), ensure_ascii=False)
        digest = hashlib.blake2b(digest_size=12)
        for part in (TERMS_VERSION, article.title, tags_json, article.body, article.scenario):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        digest.update(article.locale.encode())
        used = placeholders(article.body)
        return cls(
            article=article,
            title=terms(article.title),
            tags=terms(" ".join(article.tags)),
            body=terms(article.body),
            fingerprint=digest.hexdigest(),
            logistics=bool(used & LOGISTICS_PLACEHOLDERS),
            refund=bool(used & REFUND_PLACEHOLDERS),
        )

    def fts_row(self, rowid: int) -> tuple[int, str, str, str]:
        return (rowid, " ".join(self.title), " ".join(self.tags), " ".join(self.body))

    def training(self) -> dict[str, float]:
        return weighted_terms(self.title, self.tags, self.body)

    def term_set(self) -> set[str]:
        return {*self.title, *self.tags, *self.body}


@dataclass
class _Doc:
    rowid: int
    article_id: str
    title: str
    tags: list[str]
    body: str
    scenario: str
    locale: str
    version: int
    logistics: bool
    refund: bool
    usage: Usage
    audience: str = "customer"


@dataclass
class _Query:
    """A text turned into what the index is asked."""

    language: str | None
    counts: Counter[str]  # every term of the text
    match: list[str]  # the terms the MATCH uses (rarest first, within the postings budget)
    corrections: dict[str, list[str]]  # typed word -> vocabulary terms it probably meant
    prefix: str | None = None  # search-as-you-type: the last word, unfinished


@dataclass
class _Candidate:
    doc: _Doc
    relevance: float = 0.0
    via_correction: bool = False
    score: float = 0.0


class KnowledgeIndex:
    """Knowledge suggestions and search over one SQLite connection.

    The caller owns the connection and its thread. Writes join the caller's transaction when
    one is open, and otherwise run in their own (``BEGIN IMMEDIATE`` … ``COMMIT``).
    """

    def __init__(self, conn: sqlite3.Connection, weights: RankWeights | None = None) -> None:
        self.conn = conn
        self.weights = weights or RankWeights()
        self._generation: str | None = None
        self._df: dict[str, int] = {}
        self._articles = 0
        self._speller: Speller | None = None
        self._model: ScenarioModel | None = None
        self._damage_scenario: str | None = None
        self._locales: list[str] | None = None
        self._delta: list[tuple[_Prepared, int]] = []
        self._delta_broken = False
        self._plain_generation: Any = None

    # --- schema ------------------------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create the index tables; rebuild the terms if the term scheme changed."""
        with self._write():
            for statement in _SCHEMA.strip().split(";\n"):
                if statement.strip():
                    self.conn.execute(statement)
            columns = {r[1] for r in self.conn.execute("PRAGMA table_info(knowledge_doc)")}
            if "audience" not in columns:  # an index made before articles had an audience
                self.conn.execute(
                    "ALTER TABLE knowledge_doc ADD COLUMN audience TEXT NOT NULL DEFAULT 'customer'"
                )
            for statement in _FTS.strip().split(";\n"):
                if statement.strip():
                    self.conn.execute(statement)
            found = self.conn.execute(
                "SELECT value FROM knowledge_meta WHERE key = 'terms_version'"
            ).fetchone()
            if found is None:
                self._set_meta("terms_version", TERMS_VERSION)
                self._bump()
            elif found[0] != TERMS_VERSION:
                log.info("knowledge terms changed (%s -> %s): re-indexing", found[0], TERMS_VERSION)
                self._reindex_all()
                self._set_meta("terms_version", TERMS_VERSION)

    def _reindex_all(self) -> None:
        articles = [self._article(doc) for doc in self._docs_where("1", ())]
        self._clear()
        self._insert([_Prepared.of(a) for a in articles])
        self._bump()

    @staticmethod
    def _article(doc: _Doc) -> Article:
        return Article(
            id=doc.article_id,
            title=doc.title,
            body=doc.body,
            scenario=doc.scenario,
            tags=tuple(doc.tags),
            locale=doc.locale,
            version=doc.version,
            usage=doc.usage,
            audience=doc.audience,
        )

    # --- writing -----------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[None]:
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO knowledge_meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def _bump(self) -> None:
        """Say the index changed (other connections reload their caches); keep ours current.

        Articles added and removed since the last bump are applied to the in-memory vocabulary
        and scenario model when those were current before, so a few changed articles do not
        cost a full reload (about 300 ms at 50,000 articles). Should the caller's transaction
        roll back, the stored generation no longer matches ours and the next query reloads.
        """
        found = self.conn.execute(
            "SELECT value FROM knowledge_meta WHERE key = 'generation'"
        ).fetchone()
        old = found[0] if found else None
        new = str(int(old) + 1 if old else 1)
        self._set_meta("generation", new)
        if self._model is not None and not self._delta_broken and self._generation == old:
            self._apply_delta()
            self._generation = new
        self._delta.clear()
        self._delta_broken = False

    def _apply_delta(self) -> None:
        assert self._model is not None
        changes: dict[str, dict[str, float]] = {}
        vocabulary_changed = False
        for prepared, sign in self._delta:
            for term in prepared.term_set():
                count = self._df.get(term, 0) + sign
                if count > 0:
                    vocabulary_changed |= count == 1 and sign > 0
                    self._df[term] = count
                else:
                    self._df.pop(term, None)
                    vocabulary_changed = True
            self._articles += sign
            counts = changes.setdefault(prepared.article.scenario, {})
            for term, weight in prepared.training().items():
                counts[term] = counts.get(term, 0.0) + sign * weight
        self._model.update(changes)
        if vocabulary_changed:
            self._speller = None
        self._locales = None
        self._damage_scenario = self._model.predict(
            self._weighted(Counter(terms(DAMAGE_PROBE)))
        ).scenario

    def _clear(self) -> None:
        self._delta_broken = True
        self.conn.execute("INSERT INTO knowledge_fts (knowledge_fts) VALUES ('delete-all')")
        self.conn.execute("DELETE FROM knowledge_doc")
        self.conn.execute("DELETE FROM knowledge_scenario_terms")

    def _insert(self, prepared: Sequence[_Prepared]) -> None:
        """Add articles that are not in the index (rows, terms, scenario counts)."""
        if not prepared:
            return
        start = int(
            self.conn.execute("SELECT coalesce(max(rowid), 0) FROM knowledge_doc").fetchone()[0]
        )
        self.conn.executemany(
            "INSERT INTO knowledge_doc (rowid, article_id, title, tags, body, scenario, locale, "
            "version, fingerprint, logistics, refund, inserted, helpful, not_helpful, audience) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    start + i + 1,
                    p.article.id,
                    p.article.title,
                    json.dumps(list(p.article.tags), ensure_ascii=False),
                    p.article.body,
                    p.article.scenario,
                    p.article.locale,
                    p.article.version,
                    p.fingerprint,
                    int(p.logistics),
                    int(p.refund),
                    p.article.usage.inserted,
                    p.article.usage.helpful,
                    p.article.usage.not_helpful,
                    p.article.audience,
                )
                for i, p in enumerate(prepared)
            ],
        )
        self.conn.executemany(
            "INSERT INTO knowledge_fts (rowid, title, tags, body) VALUES (?, ?, ?, ?)",
            [p.fts_row(start + i + 1) for i, p in enumerate(prepared)],
        )
        self._add_training(prepared, 1.0)
        self._delta.extend((p, 1) for p in prepared)

    def _add_training(self, prepared: Iterable[_Prepared], sign: float) -> None:
        totals: dict[str, dict[str, float]] = {}
        for p in prepared:
            counts = totals.setdefault(p.article.scenario, {})
            get = counts.get
            fields = ((p.title, TITLE_WEIGHT), (p.tags, TAGS_WEIGHT), (p.body, BODY_WEIGHT))
            for field_terms, weight in fields:
                for term in field_terms:
                    counts[term] = get(term, 0.0) + sign * weight
        self.conn.executemany(
            "INSERT INTO knowledge_scenario_terms (scenario, term, weight) VALUES (?, ?, ?) "
            "ON CONFLICT (scenario, term) DO UPDATE SET weight = weight + excluded.weight",
            [(s, t, w) for s, counts in totals.items() for t, w in counts.items()],
        )
        if sign < 0:
            self.conn.execute("DELETE FROM knowledge_scenario_terms WHERE weight < 1e-6")

    def _remove(self, docs: Sequence[_Doc]) -> None:
        """Take articles out of the index (the FTS rows need the terms they were indexed with)."""
        if not docs:
            return
        prepared = [_Prepared.of(self._article(d)) for d in docs]
        self.conn.executemany(
            "INSERT INTO knowledge_fts (knowledge_fts, rowid, title, tags, body) "
            "VALUES ('delete', ?, ?, ?, ?)",
            [p.fts_row(d.rowid) for p, d in zip(prepared, docs, strict=True)],
        )
        self._add_training(prepared, -1.0)
        self._delta.extend((p, -1) for p in prepared)
        self.conn.executemany(
            "DELETE FROM knowledge_doc WHERE rowid = ?", [(d.rowid,) for d in docs]
        )

    def rebuild(self, articles: Iterable[Article]) -> int:
        """Replace the whole index with ``articles`` (only published ones are indexed)."""
        prepared = _unique([_Prepared.of(a) for a in articles if a.status == "published"])
        with self._write():
            self._clear()
            self._insert(prepared)
            self._bump()
        return len(prepared)

    def upsert(self, articles: Iterable[Article]) -> int:
        """Add or replace articles; a draft or retired one leaves the index. Returns changes.

        An article whose text, scenario and locale did not change is not re-indexed: only its
        version, usage counts and audience are updated (cheap, for feedback that arrives through
        sync).
        """
        wanted = list(articles)
        if not wanted:
            return 0
        changed = 0
        with self._write():
            existing = {d.article_id: d for d in self._docs_by_article([a.id for a in wanted])}
            gone: list[_Doc] = []
            fresh: list[_Prepared] = []
            for article in {a.id: a for a in wanted}.values():
                doc = existing.get(article.id)
                if article.status != "published":
                    if doc is not None:
                        gone.append(doc)
                    continue
                prepared = _Prepared.of(article)
                if doc is not None:
                    stored = self.conn.execute(
                        "SELECT fingerprint FROM knowledge_doc WHERE rowid = ?", (doc.rowid,)
                    ).fetchone()[0]
                    if stored == prepared.fingerprint:
                        self._update_counts(article)
                        continue
                    gone.append(doc)
                fresh.append(prepared)
            self._remove(gone)
            self._insert(fresh)
            changed = len(gone) + len(fresh)
            if changed:
                self._bump()
        return changed

    def _update_counts(self, article: Article) -> None:
        self.conn.execute(
            "UPDATE knowledge_doc SET version = ?, inserted = ?, helpful = ?, not_helpful = ?, "
            "audience = ? WHERE article_id = ?",
            (
                article.version,
                article.usage.inserted,
                article.usage.helpful,
                article.usage.not_helpful,
                article.audience,
                article.id,
            ),
        )

    def delete(self, ids: Iterable[str]) -> int:
        """Take articles out of the index; returns how many were in it."""
        with self._write():
            docs = self._docs_by_article(list(ids))
            self._remove(docs)
            if docs:
                self._bump()
        return len(docs)

    def record_usage(self, article_id: str, kind: str) -> None:
        """Count one use locally (``inserted``, ``helpful`` or ``not_helpful``) right away.

        The server's counts, arriving through sync, replace the local ones on the next
        :meth:`update_from_table`.
        """
        if kind not in USAGE_KINDS:
            raise ValueError(f"unknown usage kind {kind!r}")
        with self._write():
            self.conn.execute(
                f"UPDATE knowledge_doc SET {kind} = {kind} + 1 WHERE article_id = ?",
                (article_id,),
            )

    # --- the cache's articles table ---------------------------------------------------------

    def _table_articles(self, where: str, params: Sequence[Any]) -> list[Article]:
        columns = {r[1] for r in self.conn.execute("PRAGMA table_info(articles)")}
        counts = [
            c
            for c in ("inserted_count", "helpful_count", "not_helpful_count", "audience")
            if c in columns
        ]
        select = ", ".join(
            ["id", "title", "body", "scenario", "tags", "locale", "status", "version", *counts]
        )
        cur = self.conn.execute(f"SELECT {select} FROM articles WHERE {where}", tuple(params))
        names = [d[0] for d in cur.description]
        out = []
        for row in cur.fetchall():
            data = dict(zip(names, row, strict=True))
            try:
                out.append(Article.from_mapping(data))
            except ArticleError as exc:
                log.warning("article %s not indexed: %s", data.get("id"), exc)
        return out

    def rebuild_from_table(self) -> int:
        """Index every published article of the ``articles`` table (after a first sync)."""
        return self.rebuild(self._table_articles("status = 'published'", ()))

    def update_from_table(self, ids: Iterable[str]) -> int:
        """Bring the given articles up to date from the ``articles`` table (a sync change-set).

        Missing, draft and retired articles leave the index.
        """
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return 0
        found: list[Article] = []
        for chunk in _chunks(wanted, 500):
            marks = ", ".join("?" for _ in chunk)
            found.extend(self._table_articles(f"id IN ({marks})", chunk))
        present = {a.id for a in found}
        with self._write():
            changed = self.upsert(found)
            changed += self.delete([i for i in wanted if i not in present])
        return changed

    def refresh_from_table(self) -> int:
        """Find what differs from the ``articles`` table (by version and usage) and update it."""
        columns = {r[1] for r in self.conn.execute("PRAGMA table_info(articles)")}
        usage = (
            " OR d.inserted != a.inserted_count OR d.helpful != a.helpful_count"
            " OR d.not_helpful != a.not_helpful_count"
            if "helpful_count" in columns
            else ""
        )
        if "audience" in columns:
            usage += " OR d.audience != a.audience"
        stale = [
            r[0]
            for r in self.conn.execute(
                "SELECT a.id FROM articles a LEFT JOIN knowledge_doc d ON d.article_id = a.id "
                "WHERE (a.status = 'published' AND (d.rowid IS NULL OR d.version != a.version"
                f"{usage})) OR (a.status != 'published' AND d.rowid IS NOT NULL)"
            )
        ]
        stale += [
            r[0]
            for r in self.conn.execute(
                "SELECT d.article_id FROM knowledge_doc d "
                "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.article_id)"
            )
        ]
        return self.update_from_table(stale)

    # --- reading -----------------------------------------------------------------------------

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM knowledge_doc").fetchone()[0])

    def _docs_where(self, where: str, params: Sequence[Any]) -> list[_Doc]:
        rows = self.conn.execute(
            "SELECT rowid, article_id, title, tags, body, scenario, locale, version, logistics, "
            f"refund, inserted, helpful, not_helpful, audience FROM knowledge_doc WHERE {where}",
            tuple(params),
        ).fetchall()
        return [
            _Doc(
                rowid=int(r[0]),
                article_id=r[1],
                title=r[2],
                tags=list(json.loads(r[3])),
                body=r[4],
                scenario=r[5],
                locale=r[6],
                version=int(r[7]),
                logistics=bool(r[8]),
                refund=bool(r[9]),
                usage=Usage(int(r[10]), int(r[11]), int(r[12])),
                audience=r[13],
            )
            for r in rows
        ]

    def _docs_by_article(self, ids: Sequence[str]) -> list[_Doc]:
        out: list[_Doc] = []
        for chunk in _chunks(list(ids), 500):
            marks = ", ".join("?" for _ in chunk)
            out.extend(self._docs_where(f"article_id IN ({marks})", chunk))
        return out

    def _docs_by_rowid(self, rowids: Sequence[int], *, text: bool = True) -> dict[int, _Doc]:
        """The docs of these rowids; without ``text`` title, tags and body are left empty."""
        out: dict[int, _Doc] = {}
        unique = list(dict.fromkeys(rowids))
        for chunk in _chunks(unique, 500):
            marks = ", ".join("?" for _ in chunk)
            if text:
                found = self._docs_where(f"rowid IN ({marks})", chunk)
            else:
                rows = self.conn.execute(
                    "SELECT rowid, article_id, scenario, locale, version, logistics, refund, "
                    "inserted, helpful, not_helpful, audience FROM knowledge_doc "
                    f"WHERE rowid IN ({marks})",
                    tuple(chunk),
                ).fetchall()
                found = [
                    _Doc(
                        rowid=int(r[0]),
                        article_id=r[1],
                        title="",
                        tags=[],
                        body="",
                        scenario=r[2],
                        locale=r[3],
                        version=int(r[4]),
                        logistics=bool(r[5]),
                        refund=bool(r[6]),
                        usage=Usage(int(r[7]), int(r[8]), int(r[9])),
                        audience=r[10],
                    )
                    for r in rows
                ]
            for doc in found:
                out[doc.rowid] = doc
        return out

    def _locales_of(self, language: str | None) -> list[str]:
        """The indexed locales of a language (all of them for None)."""
        if self._locales is None:
            self._locales = [
                r[0] for r in self.conn.execute("SELECT DISTINCT locale FROM knowledge_doc")
            ]
        if language is None:
            return self._locales
        return [x for x in self._locales if locale_language(x) == language]

    def _refresh_caches(self) -> None:
        """Reload the vocabulary and the scenario model when the index changed (any connection)."""
        found = self.conn.execute(
            "SELECT value FROM knowledge_meta WHERE key = 'generation'"
        ).fetchone()
        generation = found[0] if found else None
        if generation == self._generation and self._model is not None:
            return
        self._df = {term: int(n) for term, n in self.conn.execute(
            "SELECT term, doc FROM knowledge_vocab"
        )}  # fmt: skip
        self._articles = self.count()
        counts: dict[str, dict[str, float]] = {}
        for scenario, term, weight in self.conn.execute(
            "SELECT scenario, term, weight FROM knowledge_scenario_terms"
        ):
            counts.setdefault(scenario, {})[term] = float(weight)
        self._model = ScenarioModel(counts)
        self._speller = None
        self._damage_scenario = None
        damage = self._model.predict(self._weighted(Counter(terms(DAMAGE_PROBE))))
        if damage.scenario is not None:
            self._damage_scenario = damage.scenario
        self._generation = generation
        self._locales = None

    @property
    def vocabulary(self) -> Mapping[str, int]:
        """Term → number of indexed articles that contain it."""
        self._refresh_caches()
        return self._df

    def scenario_model(self) -> ScenarioModel:
        self._refresh_caches()
        assert self._model is not None
        return self._model

    def generation(self) -> str | None:
        """Changes whenever the indexed articles do (what the scenario model learned from); read
        from the index itself, without loading the vocabulary or the model."""
        found = self.conn.execute(
            "SELECT value FROM knowledge_meta WHERE key = 'generation'"
        ).fetchone()
        return str(found[0]) if found else None

    def scenario_of(self, text: str) -> ScenarioPrediction:
        """The scenario of ``text`` from its own words (no spelling corrections, no customer
        context): cheap enough for every row of a queue (~20 µs at a few hundred articles)."""
        self._refresh_caches()
        assert self._model is not None
        return self._model.predict(self._weighted(Counter(terms(text[-MAX_SUGGEST_CHARS:]))))

    def _speller_now(self) -> Speller:
        if self._speller is None:
            self._speller = Speller(self._df)
        return self._speller

    def _too_common(self, term: str) -> bool:
        """In more than half the articles ("the", "您"): FTS5's BM25 gives such a term (almost)
        no weight, and reading its postings is what makes a query slow."""
        return self._articles >= 20 and self._df.get(term, 0) > self._articles / 2

    def _idf(self, term: str) -> float:
        df = self._df.get(term, 0)
        return math.log(1.0 + (self._articles + 1) / (df + 0.5))

    def _weighted(self, counts: Mapping[str, float]) -> dict[str, float]:
        return {t: n * self._idf(t) for t, n in counts.items()}

    # --- queries -----------------------------------------------------------------------------

    def _query(self, text: str, *, prefix_last: bool = False) -> _Query:
        self._refresh_caches()
        counts = Counter(terms(text))
        corrections: dict[str, list[str]] = {}
        prefix: str | None = None
        words = _latin_words(text)
        if words and prefix_last and text == text.rstrip():
            last_term = words[-1][1]
            if last_term not in self._df and len(last_term) >= 2:
                prefix = last_term
        for surface, term in words:
            if term in self._df or term in corrections or term == prefix:
                continue
            found = self._corrections(surface, term)
            if found:
                corrections[term] = found
        # Corrections first (a misspelled word is often the key word), within half the budget;
        # then the text's own terms, rarest first, within what is left.
        fixes = _within_budget(
            sorted({t for found in corrections.values() for t in found}, key=self._df.__getitem__),
            self._df,
            POSTINGS_BUDGET // 2,
        )
        usable = [t for t in counts if t in self._df]
        common = [t for t in usable if self._too_common(t)]
        usable = [t for t in usable if t not in common] or sorted(common, key=self._df.__getitem__)[
            :1
        ]
        usable.sort(key=lambda t: (self._df[t], t))
        chosen = _within_budget(
            usable, self._df, POSTINGS_BUDGET - sum(self._df[t] for t in fixes), at_least=1
        )
        return _Query(
            language=detect_language(text),
            counts=counts,
            match=chosen,
            corrections={
                typed: [t for t in found if t in fixes] for typed, found in corrections.items()
            },
            prefix=prefix,
        )

    def _corrections(self, surface: str, term: str) -> list[str]:
        """Vocabulary words a word missing from the vocabulary was probably meant to be.

        Without a dictionary a correct word the articles never use looks like a typo, so the
        rules are strict: a word of four or more letters, a stem of four or more, the same
        first letter (typos rarely hit it), no word that more than half the articles contain.
        """
        if allowed_edits(surface) == 0 or len(term) < 4:
            return []
        return [
            t
            for t in self._speller_now().corrections(surface, term)
            if t[0] == term[0] and not self._too_common(t)
        ]

    def _bm25(
        self, match: str, limit: int, weights: tuple[float, float, float]
    ) -> list[tuple[int, float]]:
        rows = self.conn.execute(
            "SELECT rowid, bm25(knowledge_fts, ?, ?, ?) AS r FROM knowledge_fts "
            "WHERE knowledge_fts MATCH ? ORDER BY r LIMIT ?",
            (*weights, match, limit),
        ).fetchall()
        return [(int(r[0]), -float(r[1])) for r in rows]

    def _lexical(self, query: _Query, limit: int) -> dict[int, tuple[float, bool]]:
        """rowid → (relevance 0..1, only through a corrected word) for the best bm25 hits."""
        w = self.weights
        columns = (w.title, w.tags, w.body)
        raw: dict[int, float] = {}
        via: set[int] = set()
        parts = [f'"{t}"' for t in query.match]
        if query.prefix:
            parts.append(f'"{query.prefix}"*')
        if parts:
            for rowid, score in self._bm25(" OR ".join(parts), limit, columns):
                raw[rowid] = score
        fixes = sorted({t for found in query.corrections.values() for t in found})
        if fixes:
            for rowid, score in self._bm25(" OR ".join(f'"{t}"' for t in fixes), limit, columns):
                if rowid not in raw:
                    via.add(rowid)
                raw[rowid] = raw.get(rowid, 0.0) + w.spelling * score
        if not raw:
            return {}
        best = max(raw.values()) or 1.0
        return {rowid: (score / best, rowid in via) for rowid, score in raw.items()}

    def _prediction(
        self, query: _Query, signals: Sequence[ContextSignal] = ()
    ) -> ScenarioPrediction:
        assert self._model is not None
        weighted: dict[str, float] = self._weighted(query.counts)
        for signal in signals:
            for term in signal.evidence():
                weighted[term] = weighted.get(
                    term, 0.0
                ) + self.weights.context_evidence * self._idf(term)
        for found in query.corrections.values():
            for term in found:
                weighted[term] = weighted.get(term, 0.0) + self.weights.spelling * self._idf(
                    term
                ) / len(found)
        return self._model.predict(weighted)

    def suggest(
        self,
        text: str,
        *,
        k: int = 5,
        context: Context | None = None,
        locale: str | None = None,
    ) -> SuggestResult:
        """The ``k`` best answers to what the customer just wrote.

        ``text`` is the last customer messages (newest last; only the end is read). Articles are
        found with BM25 (title > tags > body) over an OR of the text's terms, misspelled English
        words also count as the vocabulary words they are probably meant to be (at a lower
        weight), and the best hits are re-ranked with: the scenario detected from the text (by
        its probability), the language (``locale``, else the text's, else the customer's),
        usage, and the customer's context (:func:`agent_desk.core.knowledge.context_signals`).
        Of the ``k`` best, customer-facing answers come before internal guidance: the first
        suggestion is one an agent may send.
        """
        text = text[-MAX_SUGGEST_CHARS:]
        query = self._query(text)
        signals = context_signals(context, text)
        prediction = self._prediction(query, signals)
        chosen_locale = self._locale(locale, query.language, context)
        result = self._rank(query, prediction, chosen_locale, signals, k, scenario_boost=True)
        return replace(result, suggestions=answers_first(result.suggestions))

    def search(self, text: str, *, k: int = 20, locale: str | None = None) -> list[Suggestion]:
        """The manual search box: the same index and ranking, an unfinished last word matches
        as a prefix, and the scenario counts only when it is obvious (confidence ≥ 0.8)."""
        text = text[:MAX_SEARCH_CHARS]
        query = self._query(text, prefix_last=True)
        prediction = self._prediction(query)
        obvious = prediction.scenario is not None and prediction.confidence >= 0.8
        chosen_locale = self._locale(locale, query.language, None)
        result = self._rank(query, prediction, chosen_locale, [], k, scenario_boost=obvious)
        return result.suggestions

    def baseline(self, text: str, *, k: int = 5, tokenizer: str = "terms") -> list[str]:
        """Plain FTS5 BM25 for the evaluation: no field weights, no re-ranking, no corrections.

        ``tokenizer="terms"``: the same index and terms as :meth:`suggest`, so the comparison
        shows what the ranking adds. ``tokenizer="unicode61"``: what FTS5 does out of the box,
        a ``unicode61`` table over the raw title, tags and body (built in a TEMP table on first
        use) queried with an OR of the text's words; Chinese runs are single "words" there.
        """
        text = text[-MAX_SUGGEST_CHARS:]
        if tokenizer == "terms":
            query_terms = sorted(set(terms(text)))
            table = "knowledge_fts"
        elif tokenizer == "unicode61":
            self._plain_table()
            query_terms = sorted(set(_UNICODE61_WORD.findall(normalize(text))))
            table = "temp.knowledge_plain"
        else:
            raise ValueError(f"unknown baseline tokenizer {tokenizer!r}")
        if not query_terms:
            return []
        rows = self.conn.execute(
            f"SELECT d.article_id FROM {table} f JOIN knowledge_doc d ON d.rowid = f.rowid "
            f"WHERE {table.split('.')[-1]} MATCH ? ORDER BY bm25({table.split('.')[-1]}) "
            "LIMIT ?",
            (" OR ".join(f'"{t}"' for t in query_terms), k),
        ).fetchall()
        return [r[0] for r in rows]

    def _plain_table(self) -> None:
        generation = self.conn.execute(
            "SELECT value FROM knowledge_meta WHERE key = 'generation'"
        ).fetchone()
        if self._plain_generation == generation and generation is not None:
            return
        self.conn.execute("DROP TABLE IF EXISTS temp.knowledge_plain")
        self.conn.execute("CREATE VIRTUAL TABLE temp.knowledge_plain USING fts5(title, tags, body)")
        self.conn.execute(
            "INSERT INTO temp.knowledge_plain (rowid, title, tags, body) "
            "SELECT rowid, title, tags, body FROM knowledge_doc"
        )
        self._plain_generation = generation

    @staticmethod
    def _locale(locale: str | None, language: str | None, context: Context | None) -> str | None:
        if locale:
            return locale
        if language:
            return language_locale(language)
        return context.customer_locale() if context is not None else None

    # --- ranking -----------------------------------------------------------------------------

    def _extra_candidates(
        self,
        prediction: ScenarioPrediction,
        signals: Sequence[ContextSignal],
        locale: str | None,
        scenario_boost: bool,
    ) -> list[int]:
        """Articles the text may not name but the scenario or the order points at."""
        locales = self._locales_of(locale_language(locale) if locale else None)
        if not locales:
            return []
        within = f"locale IN ({', '.join('?' for _ in locales)})"
        wanted: list[int] = []
        for signal in signals:
            if signal.kind == "logistics":
                where = "logistics = 1"
                params: tuple[Any, ...] = ()
            elif signal.kind == "refund":
                where = "refund = 1"
                params = ()
            elif signal.kind == "damage":
                where = "(refund = 1 OR scenario = ?)"
                params = (self._damage_scenario or "",)
            else:  # a cancel: the words it adds to the scenario model are its whole effect
                continue
            wanted += [
                int(r[0])
                for r in self.conn.execute(
                    f"SELECT rowid FROM knowledge_doc WHERE {where} AND {within} "
                    "ORDER BY helpful DESC, inserted DESC, rowid LIMIT 20",
                    (*params, *locales),
                )
            ]
        if scenario_boost and prediction.scenario is not None:
            wanted += [
                int(r[0])
                for r in self.conn.execute(
                    f"SELECT rowid FROM knowledge_doc WHERE scenario = ? AND {within} "
                    "ORDER BY helpful DESC, inserted DESC, rowid LIMIT 10",
                    (prediction.scenario, *locales),
                )
            ]
        return wanted

    def _rank(
        self,
        query: _Query,
        prediction: ScenarioPrediction,
        locale: str | None,
        signals: Sequence[ContextSignal],
        k: int,
        *,
        scenario_boost: bool,
    ) -> SuggestResult:
        w = self.weights
        lexical = self._lexical(query, w.candidates)
        extra = self._extra_candidates(prediction, signals, locale, scenario_boost)
        docs = self._docs_by_rowid([*lexical, *extra], text=False)
        posterior = dict(prediction.scores) if scenario_boost else {}
        if scenario_boost and prediction.scenario is None:
            posterior = {}
        language = locale_language(locale) if locale else None
        ranked: list[tuple[_Candidate, list[dict[str, Any]]]] = []
        for rowid, doc in docs.items():
            relevance, via = lexical.get(rowid, (0.0, False))
            cand = _Candidate(doc, relevance, via)
            why: list[dict[str, Any]] = []
            score = relevance
            p = posterior.get(doc.scenario, 0.0)
            if p > 0:
                score += w.scenario * p
                if doc.scenario == prediction.scenario:
                    why.append(
                        {
                            "kind": "scenario",
                            "scenario": doc.scenario,
                            "confidence": round(prediction.confidence, 3),
                        }
                    )
            if language is not None:
                if doc.locale == locale:
                    score += w.locale
                    why.append({"kind": "locale", "locale": doc.locale})
                elif locale_language(doc.locale) == language:
                    score += 0.8 * w.locale
                    why.append({"kind": "locale", "locale": doc.locale})
            for signal in signals:
                if signal.kind == "logistics" and doc.logistics:
                    score += w.logistics
                    why.append(signal.reason())
                elif signal.kind == "refund" and doc.refund:
                    score += w.refund
                    why.append(signal.reason())
                elif signal.kind == "damage":
                    lift = 0.0
                    if doc.refund:
                        lift += w.damage_refund
                    if self._damage_scenario is not None and doc.scenario == self._damage_scenario:
                        lift += w.damage_scenario
                    if lift:
                        score += lift
                        why.append(signal.reason())
            use = usage_score(doc.usage)
            if use:
                score += w.usage * use
                why.append(
                    {
                        "kind": "usage",
                        "helpful": doc.usage.helpful,
                        "inserted": doc.usage.inserted,
                        "not_helpful": doc.usage.not_helpful,
                    }
                )
            cand.score = score
            ranked.append((cand, why))
        ranked.sort(key=lambda pair: (-pair[0].score, pair[0].doc.article_id))
        best = ranked[: max(0, k)]
        full = self._docs_by_rowid([c.doc.rowid for c, _why in best])
        for cand, _why in best:
            cand.doc = full[cand.doc.rowid]
        suggestions = [self._suggestion(c, why, query) for c, why in best]
        return SuggestResult(
            suggestions=suggestions,
            scenario=prediction.scenario,
            confidence=prediction.confidence,
            scores=prediction.scores,
            locale=locale,
        )

    def _suggestion(self, cand: _Candidate, why: list[dict[str, Any]], query: _Query) -> Suggestion:
        doc = cand.doc
        wanted = set(query.match)
        fixed: dict[str, str] = {}
        for typed, found in query.corrections.items():
            for term in found:
                wanted.add(term)
                fixed.setdefault(term, typed)
        matched_why: list[dict[str, Any]] = []
        all_surfaces: list[str] = []
        body_spans: list[tuple[int, int]] = []
        tags_text = " · ".join(doc.tags)
        prefix = query.prefix
        used: set[str] = set()
        for name, text in (("title", doc.title), ("tags", tags_text), ("body", doc.body)):
            spans = match_spans(text, wanted)
            if prefix:
                spans = sorted({*spans, *_prefix_spans(text, prefix)})
            if not spans:
                continue
            if name == "body":
                body_spans = spans
            found = surfaces(text, spans)
            used.update(terms(" ".join(found)))
            matched_why.append({"kind": "matched", "terms": found, "field": name})
            for surface in found:
                if surface not in all_surfaces:
                    all_surfaces.append(surface)
        spelled = [
            {"kind": "spelling", "typed": typed, "read_as": term}
            for term, typed in fixed.items()
            if term in used
        ]
        return Suggestion(
            id=doc.article_id,
            title=doc.title,
            scenario=doc.scenario,
            locale=doc.locale,
            score=cand.score,
            why=[*matched_why, *spelled, *why],
            snippet=snippet(doc.body, body_spans),
            matched=all_surfaces,
            audience=doc.audience,
        )


def _prefix_spans(text: str, prefix: str) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in terms_with_spans(text) if t.term.startswith(prefix)]


def _latin_words(text: str) -> list[tuple[str, str]]:
    """(surface, term) of each Latin word of the text."""
    out = []
    for word in normalize(text).replace("'", "").replace("’", "").split():
        for part in _split_latin(word):
            out.append((part, stem(part)))
    return out


def _split_latin(word: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    for ch in word:
        if "a" <= ch <= "z":
            current.append(ch)
        else:
            if current:
                parts.append("".join(current))
            current = []
    if current:
        parts.append("".join(current))
    return parts


def _within_budget(
    ordered: Sequence[str], df: Mapping[str, int], budget: int, *, at_least: int = 0
) -> list[str]:
    """The first terms of ``ordered`` whose article counts add up to at most ``budget``."""
    chosen: list[str] = []
    postings = 0
    for term in ordered:
        if len(chosen) >= at_least and (
            len(chosen) >= MAX_QUERY_TERMS or postings + df[term] > budget
        ):
            break
        chosen.append(term)
        postings += df[term]
    return chosen


def _unique(prepared: list[_Prepared]) -> list[_Prepared]:
    """The last article of each id wins."""
    return list({p.article.id: p for p in prepared}.values())


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
