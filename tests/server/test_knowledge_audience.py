"""An article's audience travels end to end: `agent-desk-server import-articles` stores it, the
feed carries it, the client's cache and knowledge index keep it; an import that changes only the
audience reaches the client too; a supervisor's `article.create` can write internal guidance."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from agent_desk.core.ids import new_id
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database
from agent_desk.services.knowledge import KnowledgeService
from tests.sync.conftest import Backend, Client, make_client

pytestmark = pytest.mark.asyncio

ANSWER = {
    "id": "parcel-answer",
    "title": "包裹运输中",
    "body": "{customer_name}您好，您的包裹由{carrier}运输中，单号 {tracking_no}，预计 {eta} 送达。",
    "scenario": "where_is_my_parcel",
    "tags": ["物流"],
    "locale": "zh_CN",
}
GUIDANCE = {
    "id": "parcel-guidance",
    "title": "物流 72 小时未更新：提交催件工单",
    "body": "客服可在快递后台提交催件工单，并在备注里记录工单号；回复客户时告知预计送达时间。",
    "scenario": "where_is_my_parcel",
    "tags": ["物流", "催件"],
    "locale": "zh_CN",
    "audience": "internal",
}


def _import(backend: Backend, path: Path, lines: list[dict[str, object]]) -> str:
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "agent_desk.server.cli",
            "import-articles",
            str(path),
            "--database-url",
            backend.db_url,
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


async def _synced(client: Client, knowledge: KnowledgeService) -> None:
    before = len(client.changes)
    await client.engine.sync_once()
    for changes in client.changes[before:]:
        knowledge.apply(changes)


async def test_the_audience_survives_import_sync_and_the_client_cache(
    backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    kb = tmp_path / "kb.jsonl"
    _import(backend, kb, [ANSWER, GUIDANCE])
    db = Database(backend.db_url)
    try:
        with db.read() as conn:
            stored = dict(conn.execute(sa.select(t.articles.c.title, t.articles.c.audience)).all())
    finally:
        db.dispose()
    assert stored == {ANSWER["title"]: "customer", GUIDANCE["title"]: "internal"}

    alice = await make_client(backend, "alice", tmp_path / "alice.db")
    clients.append(alice)
    knowledge = KnowledgeService(alice.store, alice.desk)
    await _synced(alice, knowledge)
    cached = {
        r["title"]: r["audience"]
        for r in alice.store.rows(
            "SELECT title, audience FROM articles WHERE scenario = ?", ("where_is_my_parcel",)
        )
    }
    assert cached == stored
    result = knowledge.index.suggest("物流一直没更新，包裹到哪了？催一下", k=10)
    audiences = {s.title: s.audience for s in result.suggestions}
    assert audiences.get(GUIDANCE["title"]) == "internal", "guidance is still offered, marked"
    assert audiences.get(ANSWER["title"]) == "customer"
    assert result.suggestions[0].insertable, "the first suggestion is one that may be sent"
    guidance_id = next(s.id for s in result.suggestions if s.title == GUIDANCE["title"])
    article = knowledge.article(guidance_id)
    assert article is not None and not article.insertable

    # the company decides the guidance is fine to send after all: only the audience changes
    assert "0 new, 1 updated" in _import(
        backend, kb, [ANSWER, {**GUIDANCE, "audience": "customer"}]
    )
    await _synced(alice, knowledge)
    row = alice.store.row("SELECT audience FROM articles WHERE id = ?", (guidance_id,))
    assert row is not None and row["audience"] == "customer"
    again = knowledge.index.suggest("物流一直没更新，包裹到哪了？催一下", k=10)
    assert {s.id: s.audience for s in again.suggestions}[guidance_id] == "customer"


async def test_a_supervisor_writes_internal_guidance(
    backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    sam = await make_client(backend, "sam", tmp_path / "sam.db")
    clients.append(sam)
    alice = await make_client(backend, "alice", tmp_path / "alice.db")
    clients.append(alice)
    article_id = new_id()
    created = await sam.transport.push(
        new_id(),
        [
            {
                "id": new_id(),
                "name": "article.create",
                "args": {
                    "article_id": article_id,
                    "title": "Before promising a refund",
                    "body": "Check which stage the order is in before promising a refund.",
                    "scenario": "cancel_order",
                    "locale": "en",
                    "audience": "internal",
                },
            }
        ],
    )
    assert created.results[0].status == "applied", created.results[0]
    await alice.engine.sync_once()
    row = alice.store.row("SELECT audience, version FROM articles WHERE id = ?", (article_id,))
    assert row == {"audience": "internal", "version": 1}
