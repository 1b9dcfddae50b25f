"""Knowledge on the server: supervisors write articles (versioned, retired, audited), everyone's
usage feedback is counted, and articles and scenarios reach every client through the feed."""

from __future__ import annotations

import sqlalchemy as sa

from agent_desk.core.ids import new_id
from agent_desk.server.storage import schema as t
from tests.server.conftest import Running
from tests.server.test_api import latest, pull_all


def _create(running: Running, client, **extra) -> tuple[str, dict]:  # type: ignore[no-untyped-def]
    article_id = new_id()
    args = {
        "article_id": article_id,
        "title": "退款多久到账",
        "body": "{customer_name}您好，退款 {refund_amount} 将在 1-3 个工作日内原路退回。",
        "scenario": "退款进度",
        "scenario_label": "退款进度查询",
        "tags": ["退款", "refund"],
        "locale": "zh_CN",
    } | extra
    return article_id, running.mutate(client, "article.create", args)


def test_supervisors_write_articles_agents_do_not(running: Running) -> None:
    sam, alice = running.client("sam"), running.client("alice")
    refused = running.mutate(
        alice,
        "article.create",
        {
            "article_id": new_id(),
            "title": "x",
            "body": "y",
            "scenario": "s",
            "locale": "en",
        },
    )
    assert refused["status"] == "rejected" and refused["error"]["code"] == "forbidden"
    article_id, created = _create(running, sam)
    assert created["status"] == "applied" and created["result"]["version"] == 1

    # versioned edits: a stale version is refused, the right one bumps it
    stale = running.mutate(
        sam, "article.update", {"article_id": article_id, "version": 2, "title": "new"}
    )
    assert stale["status"] == "rejected" and stale["error"]["code"] == "invalid_state"
    updated = running.mutate(
        sam,
        "article.update",
        {"article_id": article_id, "version": 1, "title": "退款什么时候到账", "tags": ["退款"]},
    )
    assert updated["result"]["version"] == 2
    assert running.mutate(alice, "article.retire", {"article_id": article_id})["status"] == (
        "rejected"
    )
    retired = running.mutate(sam, "article.retire", {"article_id": article_id})
    assert retired["result"]["status"] == "retired"
    with running.db.read() as conn:
        row = conn.execute(sa.select(t.articles).where(t.articles.c.id == article_id)).one()
        actions = conn.execute(
            sa.select(t.audit_log.c.action).where(t.audit_log.c.entity_id == article_id)
        ).scalars()
        assert row.status == "retired" and row.version == 3 and row.title == "退款什么时候到账"
        assert sorted(actions) == ["article.create", "article.retire", "article.update"]

    # every client sees the article (its last version) and its scenario with the label
    records, _cursor, _pages = pull_all(alice)
    seen = latest(records)
    article = seen[("article", article_id)]["data"]
    assert article["status"] == "retired" and article["version"] == 3
    assert seen[("scenario", "退款进度")]["data"]["label"] == "退款进度查询"


def test_feedback_is_counted_once_per_mutation_and_reaches_everyone(running: Running) -> None:
    sam, alice, bob = running.client("sam"), running.client("alice"), running.client("bob")
    article_id, _ = _create(running, sam, locale="zh_CN")
    mutation_id = new_id()
    for _ in range(3):  # a retried feedback mutation counts once
        result = running.mutate(
            alice,
            "article.feedback",
            {"article_id": article_id, "kind": "inserted"},
            mutation_id=mutation_id,
        )
        assert result["status"] == "applied"
    running.mutate(alice, "article.feedback", {"article_id": article_id, "kind": "helpful"})
    running.mutate(bob, "article.feedback", {"article_id": article_id, "kind": "not_helpful"})
    unknown = running.mutate(bob, "article.feedback", {"article_id": new_id(), "kind": "helpful"})
    assert unknown["error"]["code"] == "not_found"
    bad = running.mutate(bob, "article.feedback", {"article_id": article_id, "kind": "love"})
    assert bad["error"]["code"] == "invalid_args"
    records, _cursor, _pages = pull_all(bob)
    data = latest(records)[("article", article_id)]["data"]
    assert (data["inserted_count"], data["helpful_count"], data["not_helpful_count"]) == (1, 1, 1)
    with running.db.read() as conn:
        kinds = conn.execute(
            sa.select(t.article_feedback.c.kind).where(
                t.article_feedback.c.article_id == article_id
            )
        ).scalars()
        assert sorted(kinds) == ["helpful", "inserted", "not_helpful"]


def test_feedback_names_only_a_conversation_the_agent_may_see(running: Running) -> None:
    sam, alice = running.client("sam"), running.client("alice")
    article_id, _ = _create(running, sam)
    other_team = running.world.conversations["b_open"]
    smuggled = running.mutate(
        alice,
        "article.feedback",
        {"article_id": article_id, "kind": "inserted", "conversation_id": other_team},
    )
    assert smuggled["status"] == "rejected" and smuggled["error"]["code"] == "not_found"


def test_import_articles_command_creates_updates_and_refuses_a_bad_file(tmp_path) -> None:
    import json
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'kb.db'}"
    kb = tmp_path / "kb.jsonl"
    lines = [
        {
            "id": "rf-1",
            "title": "退款多久到账",
            "body": "1-3 个工作日",
            "scenario": "退款",
            "tags": ["退款"],
            "locale": "zh_CN",
        },
        {
            "id": "ship-1",
            "title": "Where is my parcel",
            "body": "Track {tracking_no}",
            "scenario": "shipping",
            "tags": [],
            "locale": "en",
        },
    ]
    kb.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "agent_desk.server.cli",
                "import-articles",
                *args,
                "--database-url",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )

    done = run(str(kb))
    assert done.returncode == 0, done.stderr
    assert "2 new, 0 updated" in done.stdout
    lines[0]["body"] = "1-3 个工作日，原路退回"
    kb.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    again = run(str(kb))
    assert "0 new, 1 updated" in again.stdout, again.stdout
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(lines[0], ensure_ascii=False) + "\n{not json\n")
    refused = run(str(bad))
    assert refused.returncode == 2 and "bad.jsonl:2" in refused.stderr
    from agent_desk.server.storage.db import Database

    db = Database(url)
    try:
        with db.read() as conn:
            rows = conn.execute(sa.select(t.articles.c.version, t.articles.c.body)).all()
            scenarios = set(conn.execute(sa.select(t.scenarios.c.id)).scalars())
    finally:
        db.dispose()
    assert sorted(r.version for r in rows) == [1, 2] and len(rows) == 2
    assert scenarios == {"退款", "shipping"}
