"""Internal guidance in the knowledge index and the cache: suggestions carry each article's
audience, put customer-facing answers first, and an index or cache made before audiences existed
is brought up to date (not left reading every article as a customer answer)."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

from agent_desk.store import schema
from agent_desk.store.knowledge import KnowledgeIndex
from tests.store.test_knowledge_index import ARTICLES, BY_ID, in_transit_context

PARCEL = "我的包裹物流 48 小时没有更新了，到底到哪了？"
GUIDANCE = "where_is_my_parcel-02-zh_CN"  # "物流信息超过 48 小时未更新的处理方法": to agents


def _index(path: Path) -> tuple[sqlite3.Connection, KnowledgeIndex]:
    conn = sqlite3.connect(path, isolation_level=None)
    index = KnowledgeIndex(conn)
    index.ensure_schema()
    return conn, index


def test_the_demo_marks_guidance_written_to_agents_as_internal() -> None:
    assert BY_ID[GUIDANCE].audience == "internal"
    assert BY_ID["where_is_my_parcel-01-zh_CN"].audience == "customer"
    internal = {a.id.rsplit("-", 1)[0] for a in ARTICLES if a.audience == "internal"}
    scenarios = {a.scenario for a in ARTICLES}
    # every scenario keeps customer-facing answers in both languages
    for scenario in scenarios:
        for locale in ("zh_CN", "en"):
            assert any(
                a.scenario == scenario and a.locale == locale and a.insertable for a in ARTICLES
            ), (scenario, locale)
    # both languages of a topic have one audience
    for article in ARTICLES:
        assert (article.id.rsplit("-", 1)[0] in internal) == (article.audience == "internal")


def test_suggestions_carry_the_audience_and_put_answers_first(tmp_path: Path) -> None:
    conn, index = _index(tmp_path / "kb.db")
    try:
        index.rebuild(ARTICLES)
        # the guidance is the best lexical match for this message: among the suggestions,
        # marked, but after every customer-facing answer
        found = index.search(PARCEL, k=10)
        assert found[0].id == GUIDANCE and found[0].audience == "internal"
        result = index.suggest(PARCEL, k=5, context=in_transit_context())
        ids = [s.id for s in result.suggestions]
        assert GUIDANCE in ids, ids
        audiences = [s.audience for s in result.suggestions]
        assert audiences == sorted(audiences, key=lambda a: a != "customer"), audiences
        assert result.suggestions[0].insertable
        assert result.to_json()["suggestions"][ids.index(GUIDANCE)]["audience"] == "internal"
    finally:
        conn.close()


def test_an_audience_change_alone_is_applied_without_reindexing(tmp_path: Path) -> None:
    conn, index = _index(tmp_path / "kb.db")
    try:
        index.rebuild(ARTICLES)
        changed = dataclasses.replace(BY_ID[GUIDANCE], audience="customer", version=2)
        index.upsert([changed])
        assert {s.id: s.audience for s in index.search(PARCEL, k=10)}[GUIDANCE] == "customer"
    finally:
        conn.close()


def test_an_index_made_before_audiences_learns_them_from_the_cache(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn)
    for article in ARTICLES:
        conn.execute(
            "INSERT INTO articles (id, title, body, scenario, tags, locale, status, version, "
            "audience) VALUES (?, ?, ?, ?, ?, ?, 'published', 1, ?)",
            (
                article.id,
                article.title,
                article.body,
                article.scenario,
                json.dumps(list(article.tags), ensure_ascii=False),
                article.locale,
                article.audience,
            ),
        )
    index = KnowledgeIndex(conn)
    index.ensure_schema()
    index.rebuild_from_table()
    # what an index file written by the previous version looks like: no audience column
    conn.execute("ALTER TABLE knowledge_doc DROP COLUMN audience")
    conn.close()

    conn, index = _index(path)
    try:
        index.refresh_from_table()
        assert {s.id: s.audience for s in index.search(PARCEL, k=10)}[GUIDANCE] == "internal"
    finally:
        conn.close()


def test_a_cache_from_before_audiences_pulls_its_articles_again(tmp_path: Path) -> None:
    for with_articles in (True, False):
        conn = sqlite3.connect(tmp_path / f"v6-{with_articles}.db", isolation_level=None)
        for n, step in enumerate(schema.MIGRATIONS[:6], start=1):
            conn.executescript(f"BEGIN;\n{step}\nPRAGMA user_version = {n};\nCOMMIT;")
        conn.execute("INSERT INTO sync_state (key, value) VALUES ('cursor', '42')")
        if with_articles:
            conn.execute(
                "INSERT INTO articles (id, title, body, scenario, locale, status, version) "
                "VALUES ('a1', 't', 'b', 's', 'en', 'published', 1)"
            )
        assert schema.migrate(conn) == 6
        cursor = conn.execute("SELECT value FROM sync_state WHERE key = 'cursor'").fetchone()
        if with_articles:
            # its rows would all read "customer": the next pull brings the real audiences
            assert cursor is None
            assert conn.execute("SELECT audience FROM articles").fetchone() == ("customer",)
        else:
            assert cursor == ("42",)
        conn.close()
