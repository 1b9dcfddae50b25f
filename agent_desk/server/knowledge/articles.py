"""Knowledge articles on the server: ``article.create`` / ``update`` / ``retire`` (supervisors
and admins; versioned, audited) and ``article.feedback`` from everyone."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from agent_desk.core.errors import Forbidden, InvalidArguments, InvalidState, NotFound
from agent_desk.core.ids import is_valid_id
from agent_desk.protocol import mutations as m
from agent_desk.server.audit import log as audit
from agent_desk.server.auth.accounts import Viewer
from agent_desk.server.feed.records import PUBLIC, publish_article
from agent_desk.server.feed.visibility import can_see_conversation
from agent_desk.server.mutations.handler import Handler, Result
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import WriteTx, utcnow

_Row = sa.Row[Any]


def _audit_article(
    tx: WriteTx, viewer: Viewer, action: str, article_id: str, **detail: Any
) -> None:
    audit.record(
        tx, action, actor_id=viewer.agent_id, entity="article", entity_id=article_id, **detail
    )


def _require_editor(viewer: Viewer) -> None:
    if not viewer.sees_everything:
        raise Forbidden("only supervisors and admins edit knowledge articles")


def _ensure_scenario(tx: WriteTx, key: str, label: str | None) -> None:
    found = tx.conn.execute(sa.select(t.scenarios).where(t.scenarios.c.id == key)).first()
    if found is None:
        tx.conn.execute(
            sa.insert(t.scenarios).values(id=key, label=label or key, updated_at=utcnow())
        )
    elif label and label != found.label:
        tx.conn.execute(
            sa.update(t.scenarios)
            .where(t.scenarios.c.id == key)
            .values(label=label, updated_at=utcnow())
        )
    else:
        return
    tx.changed("scenario", key, PUBLIC)


def _article(tx: WriteTx, article_id: str) -> _Row:
    row = tx.conn.execute(sa.select(t.articles).where(t.articles.c.id == article_id)).first()
    if row is None:
        raise NotFound("article not found")
    return row


def article_create(tx: WriteTx, viewer: Viewer, args: m.ArticleCreateArgs) -> Result:
    _require_editor(viewer)
    if not is_valid_id(args.article_id):
        raise InvalidArguments("article_id must be a UUID")
    exists = tx.conn.execute(
        sa.select(t.articles.c.id).where(t.articles.c.id == args.article_id)
    ).first()
    if exists is not None:
        raise InvalidArguments("an article with this id exists")
    _ensure_scenario(tx, args.scenario, args.scenario_label)
    tx.conn.execute(
        sa.insert(t.articles).values(
            id=args.article_id,
            title=args.title,
            body=args.body,
            scenario=args.scenario,
            tags=list(args.tags),
            locale=args.locale,
            status=args.status,
            audience=args.audience,
            version=1,
            updated_at=utcnow(),
            updated_by=viewer.agent_id,
        )
    )
    publish_article(tx, args.article_id, args.status)
    _audit_article(tx, viewer, "article.create", args.article_id, scenario=args.scenario)
    return {"article_id": args.article_id, "version": 1}


def article_update(tx: WriteTx, viewer: Viewer, args: m.ArticleUpdateArgs) -> Result:
    _require_editor(viewer)
    row = _article(tx, args.article_id)
    if row.status == "retired":
        raise InvalidState("the article is retired")
    if row.version != args.version:
        raise InvalidState(
            f"the article changed meanwhile (version {row.version}); reload and edit again"
        )
    values: dict[str, Any] = {
        k: v
        for k, v in {
            "title": args.title,
            "body": args.body,
            "scenario": args.scenario,
            "tags": list(args.tags) if args.tags is not None else None,
            "status": args.status,
            "audience": args.audience,
        }.items()
        if v is not None
    }
    if args.scenario is not None:
        _ensure_scenario(tx, args.scenario, None)
    version = row.version + 1
    tx.conn.execute(
        sa.update(t.articles)
        .where(t.articles.c.id == row.id)
        .values(**values, version=version, updated_at=utcnow(), updated_by=viewer.agent_id)
    )
    publish_article(tx, row.id, values.get("status", row.status), was=row.status)
    _audit_article(tx, viewer, "article.update", row.id, version=version)
    return {"article_id": row.id, "version": version}


def article_retire(tx: WriteTx, viewer: Viewer, args: m.ArticleRetireArgs) -> Result:
    _require_editor(viewer)
    row = _article(tx, args.article_id)
    if row.status != "retired":
        tx.conn.execute(
            sa.update(t.articles)
            .where(t.articles.c.id == row.id)
            .values(
                status="retired",
                version=row.version + 1,
                updated_at=utcnow(),
                updated_by=viewer.agent_id,
            )
        )
        publish_article(tx, row.id, "retired", was=row.status)
        _audit_article(tx, viewer, "article.retire", row.id)
    return {"article_id": row.id, "status": "retired"}


_FEEDBACK_COLUMNS = {
    "inserted": "inserted_count",
    "helpful": "helpful_count",
    "not_helpful": "not_helpful_count",
}
_VOTES = ("helpful", "not_helpful")


def article_feedback(tx: WriteTx, viewer: Viewer, args: m.ArticleFeedbackArgs) -> Result:
    """Counted once per agent, article and conversation: one insert, one vote (a changed vote
    moves from helpful to not helpful, it is not added); none on drafts or retired articles."""
    row = _article(tx, args.article_id)
    if row.status != "published":
        raise InvalidState("feedback is taken on published articles only")
    if args.conversation_id is not None and not can_see_conversation(
        tx.conn, viewer, args.conversation_id
    ):
        raise NotFound("conversation not found")
    tx.lock_key("article_feedback", row.id, viewer.agent_id)
    fb = t.article_feedback
    same_case = (
        fb.c.conversation_id.is_(None)
        if args.conversation_id is None
        else fb.c.conversation_id == args.conversation_id
    )
    kinds = _VOTES if args.kind in _VOTES else (args.kind,)
    earlier = tx.conn.execute(
        sa.select(fb.c.id, fb.c.kind).where(
            fb.c.article_id == row.id,
            fb.c.agent_id == viewer.agent_id,
            same_case,
            fb.c.kind.in_(kinds),
        )
    ).first()
    if earlier is not None and earlier.kind == args.kind:
        return {"article_id": row.id, "kind": args.kind, "counted": False}
    counts: dict[str, Any] = {}
    column = t.articles.c[_FEEDBACK_COLUMNS[args.kind]]
    counts[column.name] = column + 1
    if earlier is None:
        tx.conn.execute(
            sa.insert(fb).values(
                article_id=row.id,
                agent_id=viewer.agent_id,
                kind=args.kind,
                conversation_id=args.conversation_id,
                at=utcnow(),
            )
        )
    else:  # the agent changed their vote
        tx.conn.execute(sa.update(fb).where(fb.c.id == earlier.id).values(kind=args.kind))
        old = t.articles.c[_FEEDBACK_COLUMNS[earlier.kind]]
        counts[old.name] = (
            sa.func.max(old - 1, 0) if tx.dialect == "sqlite" else sa.func.greatest(old - 1, 0)
        )
    tx.conn.execute(sa.update(t.articles).where(t.articles.c.id == row.id).values(counts))
    publish_article(tx, row.id, row.status)
    return {"article_id": row.id, "kind": args.kind, "counted": True}


HANDLERS: dict[str, Handler] = {
    m.MutationName.ARTICLE_CREATE: article_create,
    m.MutationName.ARTICLE_UPDATE: article_update,
    m.MutationName.ARTICLE_RETIRE: article_retire,
    m.MutationName.ARTICLE_FEEDBACK: article_feedback,
}
