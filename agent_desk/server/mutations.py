"""Applying named mutations exactly once per (client_id, mutation id).

Each mutation runs in its own transaction: the stored outcome of an earlier attempt is replayed
(``replayed: true``); otherwise the handler runs inside a savepoint, and its outcome — applied or
rejected with a code — is stored with the mutation so a retry, even a concurrent one, gets the very
same answer. A refusal is permanent: the client shows it and moves on, the queue never wedges.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from agent_desk.core import sla
from agent_desk.core.enums import ConversationStatus, MessageKind, Role
from agent_desk.core.errors import (
    AlreadyAssigned,
    DomainError,
    Forbidden,
    InvalidArguments,
    InvalidState,
    NotFound,
)
from agent_desk.core.ids import is_valid_id
from agent_desk.protocol import MUTATIONS, MutationError, MutationIn, MutationResult
from agent_desk.protocol import mutations as m
from agent_desk.server import actions, audit
from agent_desk.server import schema as t
from agent_desk.server.auth import Viewer
from agent_desk.server.db import Database, Scope, WriteTx, utcnow
from agent_desk.server.records import PUBLIC, publish_case
from agent_desk.server.timeline import (
    _preview,
    _require_actor,
    append_message,
    clock_of,
    clock_values,
    load_policy,
    update_conversation,
)
from agent_desk.server.visibility import can_see_conversation, can_see_customer, load_conversation

log = logging.getLogger(__name__)

Result = dict[str, Any]
_Row = sa.Row[Any]


_AUDITED_REFUSALS = frozenset({"forbidden", "not_found"})  # probing or a client bug


def _digest(name: str, args: dict[str, Any]) -> str:
    canonical = json.dumps({"name": name, "args": args}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def has_nul(value: Any) -> bool:
    """PostgreSQL text cannot hold NUL; refuse it everywhere rather than fail later."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(has_nul(k) or has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_nul(v) for v in value)
    return False


def _existing_message(conn: Connection, message_id: str) -> _Row | None:
    return conn.execute(sa.select(t.messages).where(t.messages.c.id == message_id)).first()


def _claim(tx: WriteTx, viewer: Viewer, args: m.ClaimArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id, for_update=True)
    if viewer.role is Role.EXPERT:
        raise Forbidden("experts do not take conversations")
    if conv.assignee_id == viewer.agent_id:
        return {"assignee_id": viewer.agent_id}
    if conv.assignee_id is not None:
        raise AlreadyAssigned("another agent has already claimed this conversation")
    if conv.status == ConversationStatus.RESOLVED:
        raise InvalidState("the conversation is resolved; reopen it first")
    values: dict[str, Any] = {"assignee_id": viewer.agent_id}
    if conv.status == ConversationStatus.SNOOZED:
        values.update(status=ConversationStatus.OPEN.value, snoozed_until=None)
    update_conversation(tx, conv, **values)
    return {"assignee_id": viewer.agent_id}


def _agent(conn: Connection, agent_id: str) -> _Row:
    row = conn.execute(
        sa.select(t.agents).where(t.agents.c.id == agent_id, t.agents.c.active.is_(True))
    ).first()
    if row is None:
        raise NotFound("agent not found")
    return row


def _assign(tx: WriteTx, viewer: Viewer, args: m.AssignArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id, for_update=True)
    _require_actor(viewer, conv)
    values: dict[str, Any] = {"assignee_id": args.agent_id}
    moved_team = False
    if args.agent_id is not None:
        target = _agent(tx.conn, args.agent_id)
        if target.role == Role.EXPERT.value:
            raise InvalidArguments("experts are invited with conversation.share, not assigned")
        if target.team_id != conv.team_id:
            if not viewer.sees_everything:
                raise Forbidden("only a supervisor moves a conversation to another team")
            if target.team_id is not None:
                values["team_id"] = target.team_id
                moved_team = True
    update_conversation(tx, conv, **values)
    audit.record(
        tx,
        "conversation.assign",
        actor_id=viewer.agent_id,
        entity="conversation",
        entity_id=conv.id,
        before=conv.assignee_id,
        after=args.agent_id,
        team_before=conv.team_id,
        team_after=values.get("team_id", conv.team_id),
    )
    if moved_team:
        publish_case(tx, conv.id)
        _retract_from_team(tx, conv.id, conv.team_id)
    return {"assignee_id": args.agent_id, "team_id": values.get("team_id", conv.team_id)}


def _retract_from_team(tx: WriteTx, conversation_id: str, team_id: str | None) -> None:
    """Agents of the team a conversation left get a delete, unless it is shared with them."""
    if team_id is None:
        return
    for row in tx.conn.execute(
        sa.select(t.agents.c.id, t.agents.c.role, t.agents.c.team_id).where(
            t.agents.c.team_id == team_id
        )
    ):
        viewer = Viewer(row.id, Role(row.role), row.team_id)
        if not can_see_conversation(tx.conn, viewer, conversation_id):
            tx.changed(
                "conversation", conversation_id, Scope(audience_agent_id=row.id), op="delete"
            )


def _set_status(tx: WriteTx, viewer: Viewer, args: m.SetStatusArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id, for_update=True)
    _require_actor(viewer, conv)
    if args.status is ConversationStatus.SNOOZED:
        raise InvalidArguments("use conversation.snooze to snooze")
    now = utcnow()
    clock = clock_of(conv)
    values: dict[str, Any] = {"status": args.status.value, "snoozed_until": None}
    if args.status is ConversationStatus.RESOLVED:
        values.update(resolved_at=now, **clock_values(sla.on_resolved(clock)))
    elif conv.status == ConversationStatus.RESOLVED:  # reopened
        policy = load_policy(tx.conn, conv.channel)
        values.update(resolved_at=None, **clock_values(sla.on_opened(clock, policy, now)))
    update_conversation(tx, conv, **values)
    return {"status": args.status.value}


def _snooze(tx: WriteTx, viewer: Viewer, args: m.SnoozeArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id, for_update=True)
    _require_actor(viewer, conv)
    until = args.until
    if until.tzinfo is None:
        raise InvalidArguments("the snooze time needs a time zone")
    now = utcnow()
    if until <= now:
        raise InvalidArguments("the snooze time is in the past")
    if until > now + timedelta(days=90):
        raise InvalidArguments("a conversation can be snoozed for 90 days at most")
    if conv.status == ConversationStatus.RESOLVED:
        raise InvalidState("a resolved conversation cannot be snoozed")
    update_conversation(tx, conv, status=ConversationStatus.SNOOZED.value, snoozed_until=until)
    return {"status": ConversationStatus.SNOOZED.value, "snoozed_until": until.isoformat()}


def _set_priority(tx: WriteTx, viewer: Viewer, args: m.SetPriorityArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id, for_update=True)
    _require_actor(viewer, conv)
    update_conversation(tx, conv, priority=args.priority.value)
    return {"priority": args.priority.value}


def _mark_read(tx: WriteTx, viewer: Viewer, args: m.MarkReadArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id)
    seq = int(conv.message_count)
    if args.up_to_message_id is not None:
        msg = _existing_message(tx.conn, args.up_to_message_id)
        if msg is None or msg.conversation_id != conv.id:
            raise NotFound("message not found in this conversation")
        seq = int(msg.seq)
    rs = t.read_states
    key = (rs.c.conversation_id == conv.id) & (rs.c.agent_id == viewer.agent_id)
    current = tx.conn.execute(sa.select(rs.c.last_read_seq).where(key)).scalar_one_or_none()
    if current is not None and current >= seq:
        return {"last_read_seq": int(current)}
    now = utcnow()
    if current is None:
        tx.conn.execute(
            sa.insert(rs).values(
                conversation_id=conv.id, agent_id=viewer.agent_id, last_read_seq=seq, read_at=now
            )
        )
    else:
        tx.conn.execute(sa.update(rs).where(key).values(last_read_seq=seq, read_at=now))
    tx.changed(
        "read_state", f"{conv.id}:{viewer.agent_id}", Scope(audience_agent_id=viewer.agent_id)
    )
    return {"last_read_seq": seq}


def _share(tx: WriteTx, viewer: Viewer, args: m.ShareArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id, for_update=True)
    _require_actor(viewer, conv)
    target = _agent(tx.conn, args.agent_id)
    cs = t.conversation_shares
    key = (cs.c.conversation_id == conv.id) & (cs.c.agent_id == target.id)
    if tx.conn.execute(sa.select(cs.c.agent_id).where(key)).first() is None:
        tx.conn.execute(
            sa.insert(cs).values(
                conversation_id=conv.id,
                agent_id=target.id,
                shared_by=viewer.agent_id,
                created_at=utcnow(),
            )
        )
        tx.changed("conversation_share", f"{conv.id}:{target.id}", Scope(conversation_id=conv.id))
        audit.record(
            tx,
            "conversation.share",
            actor_id=viewer.agent_id,
            entity="conversation",
            entity_id=conv.id,
            agent_id=target.id,
        )
        publish_case(tx, conv.id)
    return {"shared_with": target.id}


def _unshare(tx: WriteTx, viewer: Viewer, args: m.ShareArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id, for_update=True)
    if viewer.agent_id != args.agent_id:  # anyone may leave; removing others needs authority
        _require_actor(viewer, conv)
    cs = t.conversation_shares
    key = (cs.c.conversation_id == conv.id) & (cs.c.agent_id == args.agent_id)
    if tx.conn.execute(sa.delete(cs).where(key)).rowcount:
        tx.changed(
            "conversation_share",
            f"{conv.id}:{args.agent_id}",
            Scope(conversation_id=conv.id),
            op="delete",
        )
        audit.record(
            tx,
            "conversation.unshare",
            actor_id=viewer.agent_id,
            entity="conversation",
            entity_id=conv.id,
            agent_id=args.agent_id,
        )
        target = tx.conn.execute(sa.select(t.agents).where(t.agents.c.id == args.agent_id)).first()
        if target is not None:
            still = Viewer(target.id, Role(target.role), target.team_id)
            if not can_see_conversation(tx.conn, still, conv.id):
                tx.changed("conversation", conv.id, Scope(audience_agent_id=target.id), op="delete")
    return {"unshared": args.agent_id}


def _write_message(
    tx: WriteTx,
    viewer: Viewer,
    conv: _Row,
    message_id: str,
    body: str,
    kind: MessageKind,
    attachments: list[dict[str, Any]] | None = None,
) -> tuple[int, Any, str]:
    """Checks shared by replies and notes, then the message itself."""
    text = body.strip()
    if not text:
        raise InvalidArguments("the message is empty")
    if not is_valid_id(message_id):
        raise InvalidArguments("message_id must be a UUID made by the client")
    if _existing_message(tx.conn, message_id) is not None:
        raise InvalidArguments("a message with this id already exists", code="duplicate_id")
    seq, now = append_message(
        tx,
        conv,
        message_id=message_id,
        kind=kind,
        body=text,
        author_agent_id=viewer.agent_id,
        attachments=attachments,
    )
    return seq, now, text


def _send(tx: WriteTx, viewer: Viewer, args: m.MessageSendArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id, for_update=True)
    _require_actor(viewer, conv)
    attachments = [a.model_dump(mode="json") for a in args.attachments]
    seq, now, text = _write_message(
        tx, viewer, conv, args.message_id, args.body, MessageKind.OUTBOUND, attachments
    )
    values: dict[str, Any] = {
        "message_count": seq,
        "last_message_at": now,
        "last_message_preview": _preview(text),
        **clock_values(sla.on_outbound(clock_of(conv), now)),
    }
    if conv.assignee_id is None:
        values["assignee_id"] = viewer.agent_id  # answering a waiting customer takes the case
    if conv.status == ConversationStatus.SNOOZED:
        values.update(status=ConversationStatus.PENDING.value, snoozed_until=None)
    update_conversation(tx, conv, **values)
    return {"message_id": args.message_id, "seq": seq, "created_at": now.isoformat()}


def _note(tx: WriteTx, viewer: Viewer, args: m.NoteAddArgs) -> Result:
    conv = load_conversation(tx.conn, viewer, args.conversation_id, for_update=True)
    seq, now, _ = _write_message(tx, viewer, conv, args.message_id, args.body, MessageKind.NOTE)
    update_conversation(tx, conv, message_count=seq)
    return {"message_id": args.message_id, "seq": seq, "created_at": now.isoformat()}


def _customer_note(tx: WriteTx, viewer: Viewer, args: m.CustomerSetNoteArgs) -> Result:
    if not can_see_customer(tx.conn, viewer, args.customer_id):
        raise NotFound("customer not found")
    tx.conn.execute(
        sa.update(t.customers)
        .where(t.customers.c.id == args.customer_id)
        .values(agent_note=args.note, updated_at=utcnow())
    )
    tx.changed("customer", args.customer_id, Scope(customer_id=args.customer_id))
    return {"customer_id": args.customer_id}


def _presence(tx: WriteTx, viewer: Viewer, args: m.PresenceSetArgs) -> Result:
    tx.conn.execute(
        sa.update(t.agents)
        .where(t.agents.c.id == viewer.agent_id)
        .values(presence=args.presence.value)
    )
    tx.changed("agent", viewer.agent_id, PUBLIC)
    return {"presence": args.presence.value}


# --- knowledge -------------------------------------------------------------------------------


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


def _article_create(tx: WriteTx, viewer: Viewer, args: m.ArticleCreateArgs) -> Result:
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
            version=1,
            updated_at=utcnow(),
            updated_by=viewer.agent_id,
        )
    )
    tx.changed("article", args.article_id, PUBLIC)
    _audit_article(tx, viewer, "article.create", args.article_id, scenario=args.scenario)
    return {"article_id": args.article_id, "version": 1}


def _article_update(tx: WriteTx, viewer: Viewer, args: m.ArticleUpdateArgs) -> Result:
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
    tx.changed("article", row.id, PUBLIC)
    _audit_article(tx, viewer, "article.update", row.id, version=version)
    return {"article_id": row.id, "version": version}


def _article_retire(tx: WriteTx, viewer: Viewer, args: m.ArticleRetireArgs) -> Result:
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
        tx.changed("article", row.id, PUBLIC)
        _audit_article(tx, viewer, "article.retire", row.id)
    return {"article_id": row.id, "status": "retired"}


_FEEDBACK_COLUMNS = {
    "inserted": "inserted_count",
    "helpful": "helpful_count",
    "not_helpful": "not_helpful_count",
}


def _article_feedback(tx: WriteTx, viewer: Viewer, args: m.ArticleFeedbackArgs) -> Result:
    row = _article(tx, args.article_id)
    if args.conversation_id is not None and not can_see_conversation(
        tx.conn, viewer, args.conversation_id
    ):
        raise NotFound("conversation not found")
    tx.conn.execute(
        sa.insert(t.article_feedback).values(
            article_id=row.id,
            agent_id=viewer.agent_id,
            kind=args.kind,
            conversation_id=args.conversation_id,
            at=utcnow(),
        )
    )
    column = t.articles.c[_FEEDBACK_COLUMNS[args.kind]]
    tx.conn.execute(
        sa.update(t.articles).where(t.articles.c.id == row.id).values({column: column + 1})
    )
    tx.changed("article", row.id, PUBLIC)
    return {"article_id": row.id, "kind": args.kind}


Handler = Callable[[WriteTx, Viewer, Any], Result]

HANDLERS: dict[str, Handler] = {
    m.MutationName.CONVERSATION_CLAIM: _claim,
    m.MutationName.CONVERSATION_ASSIGN: _assign,
    m.MutationName.CONVERSATION_SET_STATUS: _set_status,
    m.MutationName.CONVERSATION_SNOOZE: _snooze,
    m.MutationName.CONVERSATION_SET_PRIORITY: _set_priority,
    m.MutationName.CONVERSATION_MARK_READ: _mark_read,
    m.MutationName.CONVERSATION_SHARE: _share,
    m.MutationName.CONVERSATION_UNSHARE: _unshare,
    m.MutationName.MESSAGE_SEND: _send,
    m.MutationName.NOTE_ADD: _note,
    m.MutationName.CUSTOMER_SET_NOTE: _customer_note,
    m.MutationName.PRESENCE_SET: _presence,
    m.MutationName.ARTICLE_CREATE: _article_create,
    m.MutationName.ARTICLE_UPDATE: _article_update,
    m.MutationName.ARTICLE_RETIRE: _article_retire,
    m.MutationName.ARTICLE_FEEDBACK: _article_feedback,
    m.MutationName.ACTION_REQUEST: actions.request,
    m.MutationName.ACTION_APPROVE: actions.approve,
    m.MutationName.ACTION_DENY: actions.deny,
}
assert set(HANDLERS) == set(MUTATIONS), "every protocol mutation needs a handler"


def _run_handler(tx: WriteTx, viewer: Viewer, mutation: MutationIn) -> MutationResult:
    model = MUTATIONS.get(mutation.name)
    if model is None:
        return _rejected(mutation.id, "unknown_mutation", f"unknown mutation {mutation.name!r}")
    if has_nul(mutation.args):
        return _rejected(mutation.id, "invalid_args", "text must not contain NUL characters")
    try:
        args = model.model_validate(mutation.args)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "args"
        return _rejected(mutation.id, "invalid_args", f"{where}: {first.get('msg', 'invalid')}")
    mark = tx.mark()
    savepoint = tx.conn.begin_nested()
    try:
        result = HANDLERS[mutation.name](tx, viewer, args)
    except DomainError as exc:
        savepoint.rollback()
        tx.rollback_to(mark)
        return _rejected(mutation.id, exc.code, exc.message)
    savepoint.commit()
    return MutationResult(id=mutation.id, status="applied", result=result)


def _rejected(mutation_id: str, code: str, message: str) -> MutationResult:
    return MutationResult(
        id=mutation_id, status="rejected", error=MutationError(code=code, message=message)
    )


def apply_mutation(
    db: Database, viewer: Viewer, client_id: str, mutation: MutationIn
) -> MutationResult:
    digest = _digest(mutation.name, mutation.args)
    am = t.applied_mutations
    for attempt in range(3):
        try:
            with db.write() as tx:
                tx.lock_key("mutation", client_id, mutation.id)
                stored = tx.conn.execute(
                    sa.select(am).where(
                        am.c.client_id == client_id, am.c.mutation_id == mutation.id
                    )
                ).first()
                if stored is not None:
                    if stored.agent_id != viewer.agent_id or stored.args_digest != digest:
                        return _rejected(
                            mutation.id,
                            "mutation_id_reused",
                            "this mutation id was already used for a different mutation",
                        )
                    return MutationResult(
                        id=mutation.id,
                        status=stored.status,
                        result=stored.result,
                        error=MutationError(**stored.error) if stored.error else None,
                        replayed=True,
                    )
                outcome = _run_handler(tx, viewer, mutation)
                tx.conn.execute(
                    sa.insert(am).values(
                        client_id=client_id,
                        mutation_id=mutation.id,
                        agent_id=viewer.agent_id,
                        name=mutation.name[:64],
                        args_digest=digest,
                        status=outcome.status,
                        result=outcome.result,
                        error=outcome.error.model_dump() if outcome.error else None,
                        applied_at=utcnow(),
                    )
                )
                if outcome.error is not None and mutation.name.startswith("action."):
                    actions.audit_refusal(tx, viewer, client_id, mutation, outcome.error)
                elif outcome.error is not None and outcome.error.code in _AUDITED_REFUSALS:
                    audit.record(
                        tx,
                        "mutation.refused",
                        actor_id=viewer.agent_id,
                        entity="mutation",
                        entity_id=f"{client_id}:{mutation.id}",
                        name=mutation.name[:64],
                        code=outcome.error.code,
                    )
                if outcome.status == "rejected":
                    log.info(
                        "mutation %s rejected: %s",
                        mutation.name,
                        outcome.error and outcome.error.code,
                    )
                return outcome
        except IntegrityError:
            if attempt == 2:
                raise
            log.info("mutation %s raced a duplicate; replaying", mutation.id)
    raise AssertionError("unreachable")
