"""Local effects of mutations, the outbox, applying pulled pages, and the rebase.

Local state is always *server state + the mutations the server has not reflected yet*. A row a
pending mutation changes is first copied to ``shadows`` (the server's version). After each pull,
shadowed rows are reset to the server's version and the still-pending mutations are replayed on
top; a rejected mutation simply is not replayed again. Messages an agent wrote that the server
refused stay visible as *failed* instead of disappearing.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from agent_desk.core import sla
from agent_desk.core.enums import Channel
from agent_desk.protocol import ChangeRecord, MutationName
from agent_desk.store.store import ENTITY_TABLES, ChangeSet, Row, Store, Tx, now_text

log = logging.getLogger(__name__)

M = MutationName
_MESSAGE_MUTATIONS = (M.MESSAGE_SEND.value, M.NOTE_ADD.value)


@dataclass(frozen=True, slots=True)
class Me:
    agent_id: str
    team_id: str | None


def _conversation(tx: Tx, conversation_id: str) -> Row | None:
    tx.ensure_shadow("conversation", conversation_id)
    return tx.get("conversation", conversation_id)


def _policy(tx: Tx, channel: str) -> sla.SlaPolicy:
    row = tx.get("sla_policy", channel)
    if row is None:
        return sla.DEFAULT_POLICIES[Channel(channel)]
    fields = {k: row[k] for k in row if k.endswith("_s")}
    return sla.SlaPolicy(Channel(channel), **fields)


def apply_local(
    tx: Tx, name: str, args: dict[str, Any], at: str, me: Me, *, acked: bool = False
) -> None:
    """The optimistic effect of one mutation (also used to replay it in a rebase)."""
    conv_id = str(args.get("conversation_id", ""))
    if name == M.CONVERSATION_CLAIM:
        conv = _conversation(tx, conv_id)
        if conv is not None and conv["assignee_id"] in (None, me.agent_id):
            values: dict[str, Any] = {"assignee_id": me.agent_id}
            if conv["status"] == "snoozed":
                values.update(status="open", snoozed_until=None)
            tx.update("conversation", conv_id, **values)
    elif name == M.CONVERSATION_ASSIGN:
        if _conversation(tx, conv_id) is not None:
            tx.update("conversation", conv_id, assignee_id=args.get("agent_id"))
    elif name == M.CONVERSATION_SET_STATUS:
        conv = _conversation(tx, conv_id)
        if conv is not None:
            values = {"status": args["status"], "snoozed_until": None}
            if args["status"] == "resolved":
                values.update(
                    resolved_at=at,
                    waiting_since=None,
                    response_due_at=None,
                    response_breach_at=None,
                    resolution_due_at=None,
                    resolution_breach_at=None,
                )
            tx.update("conversation", conv_id, **values)
    elif name == M.CONVERSATION_SNOOZE:
        if _conversation(tx, conv_id) is not None:
            tx.update("conversation", conv_id, status="snoozed", snoozed_until=args["until"])
    elif name == M.CONVERSATION_SET_PRIORITY:
        if _conversation(tx, conv_id) is not None:
            tx.update("conversation", conv_id, priority=args["priority"])
    elif name == M.CONVERSATION_MARK_READ:
        key = f"{conv_id}:{me.agent_id}"
        tx.ensure_shadow("read_state", key)
        conv = tx.get("conversation", conv_id)
        if conv is not None:
            current = tx.get("read_state", key)
            seq = int(conv["message_count"] or 0)
            if current is None or int(current["last_read_seq"]) < seq:
                tx.write(
                    "read_state",
                    {
                        "id": key,
                        "conversation_id": conv_id,
                        "agent_id": me.agent_id,
                        "last_read_seq": seq,
                        "read_at": at,
                    },
                )
    elif name in (M.CONVERSATION_SHARE, M.CONVERSATION_UNSHARE):
        key = f"{conv_id}:{args['agent_id']}"
        tx.ensure_shadow("conversation_share", key)
        if name == M.CONVERSATION_SHARE:
            tx.write(
                "conversation_share",
                {
                    "id": key,
                    "conversation_id": conv_id,
                    "agent_id": args["agent_id"],
                    "shared_by": me.agent_id,
                    "created_at": at,
                },
            )
        elif tx.get("conversation_share", key) is not None:
            tx.delete("conversation_share", key)
    elif name in _MESSAGE_MUTATIONS:
        _local_message(tx, name, args, at, me, acked)
    elif name == M.MESSAGE_RETRY_DELIVERY:
        message_id = str(args["message_id"])
        tx.ensure_shadow("message", message_id)
        if tx.get("message", message_id) is not None:
            tx.update("message", message_id, delivery_status="queued", delivery_error=None)
    elif name == M.CUSTOMER_SET_NOTE:
        tx.ensure_shadow("customer", args["customer_id"])
        if tx.get("customer", args["customer_id"]) is not None:
            tx.update("customer", args["customer_id"], agent_note=args["note"])
    elif name == M.PRESENCE_SET:
        tx.ensure_shadow("agent", me.agent_id)
        if tx.get("agent", me.agent_id) is not None:
            tx.update("agent", me.agent_id, presence=args["presence"])
    elif name == M.ARTICLE_FEEDBACK:
        article_id = str(args["article_id"])
        tx.ensure_shadow("article", article_id)
        article = tx.get("article", article_id)
        column = f"{args['kind']}_count"
        if article is not None and column in article:
            tx.update("article", article_id, **{column: int(article[column] or 0) + 1})
    elif name == M.ACTION_REQUEST:
        _local_action(tx, args, at, me, acked)
    elif name in (M.ACTION_APPROVE, M.ACTION_DENY):
        action_id = str(args["action_id"])
        tx.ensure_shadow("action", action_id)
        if tx.get("action", action_id) is not None:  # the server decides; this marks it sent
            tx.update(
                "action", action_id, decided_by=me.agent_id, decision_note=args.get("note", "")
            )
    elif name in (M.ARTICLE_CREATE, M.ARTICLE_UPDATE, M.ARTICLE_RETIRE):
        pass  # knowledge is edited by supervisors on the server; the feed brings the result
    else:
        log.warning("no local effect for mutation %s", name)


def _local_action(tx: Tx, args: dict[str, Any], at: str, me: Me, acked: bool) -> None:
    """A requested action shows at once, marked as waiting for the server (which decides
    whether it runs, waits for approval, or is refused)."""
    action_id = str(args["action_id"])
    existing = tx.get("action", action_id)
    if existing is not None and existing["delivery"] == "sent":
        return  # the server's record is here already
    tx.ensure_shadow("action", action_id)
    conv = tx.get("conversation", str(args["conversation_id"]))
    params = args.get("params") or {}
    amount = params.get("amount_minor") or params.get("coupon_value_minor") or 0
    tx.write(
        "action",
        {
            "id": action_id,
            "type": args["type"],
            "status": "queued",
            "conversation_id": args["conversation_id"],
            "customer_id": conv["customer_id"] if conv else "",
            "order_id": args.get("order_id"),
            "params": params,
            "amount_minor": int(amount),
            "currency": args["currency"],
            "reason_code": args["reason_code"],
            "note": args.get("note", ""),
            "requested_by": me.agent_id,
            "requested_at": at,
            "delivery": "sent" if acked else "queued",
            "error_code": None,
            "error_message": None,
        },
    )


def _local_message(tx: Tx, name: str, args: dict[str, Any], at: str, me: Me, acked: bool) -> None:
    message_id = args["message_id"]
    existing = tx.get("message", message_id)
    if existing is not None and existing["delivery"] == "sent" and existing["seq"] is not None:
        return  # the server's copy is here already
    tx.ensure_shadow("message", message_id)
    conv = _conversation(tx, args["conversation_id"])
    kind = "outbound" if name == M.MESSAGE_SEND else "note"
    tx.write(
        "message",
        {
            "id": message_id,
            "conversation_id": args["conversation_id"],
            "kind": kind,
            "author_agent_id": me.agent_id,
            "author_customer_id": None,
            "body": args["body"],
            "attachments": args.get("attachments", []),
            "created_at": at,
            "seq": None,
            "delivery": "sent" if acked else "queued",
            "error_code": None,
            "error_message": None,
        },
    )
    if conv is None:
        return
    values: dict[str, Any] = {"message_count": int(conv["message_count"] or 0) + 1}
    if kind == "outbound":
        values.update(
            last_message_at=at,
            last_message_preview=" ".join(args["body"].split())[:120],
            waiting_since=None,
            response_due_at=None,
            response_breach_at=None,
            first_response_at=conv["first_response_at"] or at,
        )
        if conv["assignee_id"] is None:
            values["assignee_id"] = me.agent_id
    tx.update("conversation", conv["id"], **values)


# --- the outbox ----------------------------------------------------------------------------


def enqueue(tx: Tx, mutation_id: str, name: str, args: dict[str, Any], me: Me) -> None:
    """Apply a mutation locally and append it to the outbox, in the caller's transaction."""
    at = now_text()
    apply_local(tx, name, args, at, me)
    tx.conn.execute(
        "INSERT INTO outbox (mutation_id, name, args, created_at) VALUES (?, ?, ?, ?)",
        (mutation_id, name, json.dumps(args, ensure_ascii=False), at),
    )
    tx.changes.outbox = True


def pending(store: Store, limit: int = 100) -> list[Row]:
    found = store.rows(
        "SELECT seq, mutation_id, name, args, created_at FROM outbox WHERE state = 'pending' "
        "ORDER BY seq LIMIT ?",
        (limit,),
    )
    for row in found:
        row["args"] = json.loads(row["args"])
    return found


def pending_summary(store: Store) -> dict[str, int]:
    """How many mutations of each name wait to be sent (what an offline banner tells)."""
    return {
        str(name): int(count)
        for name, count in store.conn.execute(
            "SELECT name, count(*) FROM outbox WHERE state = 'pending' GROUP BY name ORDER BY name"
        )
    }


def acknowledge(store: Store, mutation_ids: list[str]) -> ChangeSet:
    """The server applied these: keep them (acked) until the next pull brings their effect."""
    with store.transaction() as tx:
        for mutation_id in mutation_ids:
            row = tx.conn.execute(
                "SELECT name, args FROM outbox WHERE mutation_id = ?", (mutation_id,)
            ).fetchone()
            if row is None:
                continue
            tx.conn.execute(
                "UPDATE outbox SET state = 'acked' WHERE mutation_id = ?", (mutation_id,)
            )
            if row[0] in _MESSAGE_MUTATIONS:
                message_id = json.loads(row[1])["message_id"]
                if tx.get("message", message_id) is not None:
                    tx.update(
                        "message", message_id, delivery="sent", error_code=None, error_message=None
                    )
            elif row[0] == M.ACTION_REQUEST:
                action_id = json.loads(row[1])["action_id"]
                if tx.get("action", action_id) is not None:
                    tx.update("action", action_id, delivery="sent")
        tx.changes.outbox = True
        return tx.changes


def reject(store: Store, mutation_id: str, code: str, message: str, me: Me) -> ChangeSet:
    """The server refused this for good: record it, undo its local effect, keep failed replies."""
    with store.transaction() as tx:
        row = tx.conn.execute(
            "SELECT name, args, created_at FROM outbox WHERE mutation_id = ?", (mutation_id,)
        ).fetchone()
        if row is None:
            return tx.changes
        name, args_text, created_at = row
        tx.conn.execute("DELETE FROM outbox WHERE mutation_id = ?", (mutation_id,))
        tx.conn.execute(
            "INSERT OR REPLACE INTO rejections (mutation_id, name, args, code, message, created_at,"
            " rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (mutation_id, name, args_text, code, message[:500], created_at, now_text()),
        )
        failed_message = refused_action = None
        if name in _MESSAGE_MUTATIONS:
            failed_message = json.loads(args_text)["message_id"]
            tx.drop_shadow("message", failed_message)  # keep the agent's words, marked failed
        elif name == M.ACTION_REQUEST:
            refused_action = json.loads(args_text)["action_id"]
            tx.drop_shadow("action", refused_action)  # keep it, with the server's reason
        rebase(tx, me)
        if refused_action is not None and tx.get("action", refused_action) is not None:
            tx.update(
                "action",
                refused_action,
                status="refused",
                delivery="refused",
                error_code=code,
                error_message=message[:500],
            )
        if failed_message is not None and tx.get("message", failed_message) is not None:
            tx.update(
                "message",
                failed_message,
                delivery="failed",
                error_code=code,
                error_message=message[:500],
            )
        tx.changes.outbox = tx.changes.rejections = True
        return tx.changes


def rebase(tx: Tx, me: Me) -> None:
    """Reset shadowed rows to the server's version and replay the outbox on top."""
    restored = tx.restore_shadows()
    if not restored:
        return
    tx.conn.execute("DELETE FROM shadows")
    for name, args_text, created_at, state in tx.conn.execute(
        "SELECT name, args, created_at, state FROM outbox ORDER BY seq"
    ).fetchall():
        apply_local(tx, name, json.loads(args_text), created_at, me, acked=state == "acked")


def apply_page(
    store: Store, records: list[ChangeRecord], cursor: str, me: Me, *, last_page: bool = True
) -> ChangeSet:
    """One pulled page and its cursor, in one transaction; then the rebase.

    Mutations the server acknowledged are dropped after the *last* page of a pull: only then is
    their effect certain to be in what was pulled.
    """
    with store.transaction() as tx:
        for record in records:
            if record.op == "upsert" and record.data is not None:
                data = dict(record.data)
                data["id"] = record.id
                if record.entity == "message":
                    data.update(delivery="sent", error_code=None, error_message=None)
                elif record.entity == "action":
                    data["delivery"] = "sent"
                if tx.shadowed(record.entity, record.id):
                    tx.set_shadow(record.entity, record.id, data)
                if record.entity in ENTITY_TABLES:
                    tx.write(record.entity, data)
            elif record.op == "delete":
                if tx.shadowed(record.entity, record.id):
                    tx.set_shadow(record.entity, record.id, None)
                if record.entity in ENTITY_TABLES:
                    tx.delete(record.entity, record.id)
        tx.set_state("cursor", cursor)
        tx.set_state("last_sync_at", now_text())
        if last_page and tx.conn.execute("DELETE FROM outbox WHERE state = 'acked'").rowcount:
            tx.changes.outbox = True
        rebase(tx, me)
        return tx.changes
