"""The use cases the window calls. Each applies its change locally and appends its mutation to
the outbox in one transaction, tells listeners what changed, and nudges the sync engine.

No widgets and no network here: everything runs (and is tested) on a plain asyncio loop or none.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from agent_desk.core import permissions
from agent_desk.core.enums import ConversationStatus, Presence, Priority, Role
from agent_desk.core.errors import AlreadyAssigned, Forbidden, InvalidArguments, NotFound, TooLarge
from agent_desk.core.ids import new_id
from agent_desk.core.knowledge import unfilled_placeholders
from agent_desk.protocol import MAX_BODY_CHARS, MUTATIONS, MutationName
from agent_desk.store import drafts, local, queries
from agent_desk.store.drafts import Draft
from agent_desk.store.local import Me
from agent_desk.store.store import ChangeSet, Row, Store, Tx, to_time

M = MutationName


class DeskService:
    """Signals (callbacks): ``on_change(ChangeSet)`` after every local change."""

    def __init__(
        self, store: Store, me: Me, role: Role, on_change: Callable[[ChangeSet], None] | None = None
    ) -> None:
        self.store = store
        self.me = me
        self.role = role
        self._listeners: list[Callable[[ChangeSet], None]] = [on_change] if on_change else []

    def subscribe(self, listener: Callable[[ChangeSet], None]) -> None:
        self._listeners.append(listener)

    def _run(
        self, name: MutationName, args: dict[str, Any], check: Callable[[Tx], None] | None = None
    ) -> ChangeSet:
        MUTATIONS[name].model_validate(args)  # the same rules the server applies to the shape
        with self.store.transaction() as tx:
            if check is not None:
                check(tx)
            local.enqueue(tx, new_id(), name.value, args, self.me)
            changes = tx.changes
        for listener in self._listeners:
            listener(changes)
        return changes

    def run_mutation(
        self, name: MutationName, args: dict[str, Any], check: Callable[[Tx], None] | None = None
    ) -> ChangeSet:
        """For the other services (actions, knowledge): the same one-transaction path."""
        return self._run(name, args, check)

    def _conversation(self, tx: Tx, conversation_id: str) -> Row:
        conv = tx.get("conversation", conversation_id)
        if conv is None:
            raise NotFound("conversation not found")
        return conv

    def _require(self, tx: Tx, conversation_id: str) -> None:
        self._conversation(tx, conversation_id)

    def may_change(self, conv: Row) -> bool:
        """May this agent claim, reply to, resolve or snooze the conversation? (The server's
        rule, ``core.permissions``: not an expert; a supervisor always; an agent when it is
        theirs or nobody's.)"""
        return permissions.may_change_conversation(
            self.role, self.me.agent_id, conv.get("assignee_id")
        )

    def may_edit_customer_note(self, customer_id: str) -> bool:
        """The assignee of one of the customer's conversations, or a supervisor (the server's
        rule, ``core.permissions``)."""
        assignees = queries.customer_assignees(self.store.conn, customer_id)
        return permissions.may_edit_customer_note(self.role, self.me.agent_id, assignees)

    def _owner_check(self, conversation_id: str) -> Callable[[Tx], None]:
        def check(tx: Tx) -> None:
            conv = self._conversation(tx, conversation_id)
            refusal = permissions.conversation_change_refusal(
                self.role, self.me.agent_id, conv.get("assignee_id")
            )
            if refusal is not None:
                raise Forbidden(refusal)

        return check

    # --- conversations -------------------------------------------------------------------------

    def claim(self, conversation_id: str) -> ChangeSet:
        def check(tx: Tx) -> None:
            conv = self._conversation(tx, conversation_id)
            if self.role is Role.EXPERT:
                raise Forbidden("experts do not take conversations")
            if conv["assignee_id"] not in (None, self.me.agent_id):
                raise AlreadyAssigned("another agent has already claimed this conversation")

        return self._run(M.CONVERSATION_CLAIM, {"conversation_id": conversation_id}, check)

    def assign(self, conversation_id: str, agent_id: str | None) -> ChangeSet:
        return self._run(
            M.CONVERSATION_ASSIGN,
            {"conversation_id": conversation_id, "agent_id": agent_id},
            self._owner_check(conversation_id),
        )

    def set_status(self, conversation_id: str, status: ConversationStatus) -> ChangeSet:
        if status is ConversationStatus.SNOOZED:
            raise InvalidArguments("use snooze to snooze")
        return self._run(
            M.CONVERSATION_SET_STATUS,
            {"conversation_id": conversation_id, "status": status.value},
            self._owner_check(conversation_id),
        )

    def snooze(self, conversation_id: str, until: datetime) -> ChangeSet:
        return self._run(
            M.CONVERSATION_SNOOZE,
            {"conversation_id": conversation_id, "until": until.isoformat()},
            self._owner_check(conversation_id),
        )

    def set_priority(self, conversation_id: str, priority: Priority) -> ChangeSet:
        return self._run(
            M.CONVERSATION_SET_PRIORITY,
            {"conversation_id": conversation_id, "priority": priority.value},
            self._owner_check(conversation_id),
        )

    def mark_read(self, conversation_id: str) -> ChangeSet:
        return self._run(
            M.CONVERSATION_MARK_READ,
            {"conversation_id": conversation_id},
            lambda tx: self._require(tx, conversation_id),
        )

    # --- messages ------------------------------------------------------------------------------

    def _text(self, body: str) -> str:
        text = body.strip()
        if not text:
            raise InvalidArguments("the message is empty", code="empty_message")
        if len(text) > MAX_BODY_CHARS:
            raise TooLarge(f"a message can have at most {MAX_BODY_CHARS} characters")
        if "\x00" in text:
            raise InvalidArguments("the message contains a NUL character", code="invalid_text")
        return text

    def send_reply(
        self, conversation_id: str, body: str, *, message_id: str | None = None
    ) -> tuple[str, ChangeSet]:
        text = self._text(body)
        gaps = unfilled_placeholders(text)
        if gaps:  # core.knowledge's rule, which the server applies too
            raise InvalidArguments(
                f"fill in {', '.join(gaps)} before sending", code="unfilled_placeholder"
            )
        message_id = message_id or new_id()
        owner_check = self._owner_check(conversation_id)

        def check(tx: Tx) -> None:
            owner_check(tx)
            drafts.discard(tx, conversation_id)

        changes = self._run(
            M.MESSAGE_SEND,
            {"conversation_id": conversation_id, "message_id": message_id, "body": text},
            check,
        )
        return message_id, changes

    def add_note(self, conversation_id: str, body: str) -> tuple[str, ChangeSet]:
        text = self._text(body)
        message_id = new_id()

        def check(tx: Tx) -> None:
            self._conversation(tx, conversation_id)
            drafts.discard(tx, conversation_id)

        changes = self._run(
            M.NOTE_ADD,
            {"conversation_id": conversation_id, "message_id": message_id, "body": text},
            check,
        )
        return message_id, changes

    def retry(self, message_id: str) -> ChangeSet:
        """A failed message again: one the server refused (a new mutation), or one the channel
        did not take (the server sends its delivery again)."""
        row = self.store.row("SELECT delivery FROM messages WHERE id = ?", (message_id,))
        if row is not None and row["delivery"] == "failed":
            return self.retry_message(message_id)
        return self.retry_delivery(message_id)

    def retry_delivery(self, message_id: str) -> ChangeSet:
        """Send again a reply the channel did not take (its delivery failed at the server)."""
        row = self.store.row(
            "SELECT conversation_id, kind, delivery_status FROM messages WHERE id = ?",
            (message_id,),
        )
        if row is None or row["kind"] != "outbound" or row["delivery_status"] != "failed":
            raise InvalidArguments("only a failed delivery can be retried", code="not_failed")
        return self._run(
            M.MESSAGE_RETRY_DELIVERY,
            {"message_id": message_id},
            self._owner_check(str(row["conversation_id"])),
        )

    def retry_message(self, message_id: str) -> ChangeSet:
        """Send a failed reply again (a new mutation for the same message)."""
        row = self.store.row("SELECT * FROM messages WHERE id = ?", (message_id,))
        if row is None or row["delivery"] != "failed":
            raise InvalidArguments("only a failed message can be retried", code="not_failed")
        name = M.MESSAGE_SEND if row["kind"] == "outbound" else M.NOTE_ADD
        with self.store.transaction() as tx:
            tx.delete("message", message_id)
            local.enqueue(
                tx,
                new_id(),
                name.value,
                {
                    "conversation_id": row["conversation_id"],
                    "message_id": message_id,
                    "body": row["body"],
                },
                self.me,
            )
            changes = tx.changes
        for listener in self._listeners:
            listener(changes)
        return changes

    # --- drafts (local only: no mutation) --------------------------------------------------------

    def draft(self, conversation_id: str) -> Draft | None:
        return drafts.load(self.store, conversation_id)

    def save_draft(self, conversation_id: str, body: str, note_mode: bool) -> None:
        drafts.save(self.store, conversation_id, body, note_mode)

    # --- customers and me ----------------------------------------------------------------------

    def set_customer_note(self, customer_id: str, note: str) -> ChangeSet:
        def check(tx: Tx) -> None:
            if tx.get("customer", customer_id) is None:
                raise NotFound("customer not found")
            refusal = permissions.customer_note_refusal(
                self.role, self.me.agent_id, queries.customer_assignees(tx.conn, customer_id)
            )
            if refusal is not None:
                raise Forbidden(refusal)

        return self._run(M.CUSTOMER_SET_NOTE, {"customer_id": customer_id, "note": note}, check)

    def article_feedback(
        self, article_id: str, kind: str, conversation_id: str | None = None
    ) -> ChangeSet:
        """The agent inserted an answer, or rated it helpful / not helpful (through the outbox:
        it works offline, and the server counts it once)."""

        def check(tx: Tx) -> None:
            if tx.get("article", article_id) is None:
                raise NotFound("article not found")

        args: dict[str, Any] = {"article_id": article_id, "kind": kind}
        if conversation_id is not None:
            args["conversation_id"] = conversation_id
        return self._run(M.ARTICLE_FEEDBACK, args, check)

    def set_presence(self, presence: Presence) -> ChangeSet:
        return self._run(M.PRESENCE_SET, {"presence": presence.value})

    # --- what the agent should know ------------------------------------------------------------

    def rejections(self) -> list[Row]:
        return queries.rejections(self.store)

    def acknowledge_rejections(self, mutation_ids: list[str]) -> ChangeSet:
        with self.store.transaction() as tx:
            tx.conn.executemany(
                "UPDATE rejections SET acknowledged = 1 WHERE mutation_id = ?",
                [(m,) for m in mutation_ids],
            )
            tx.changes.rejections = True
            return tx.changes

    @staticmethod
    def stamp(moment: datetime) -> str:
        return to_time(moment)
