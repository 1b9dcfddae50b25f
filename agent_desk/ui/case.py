"""The open conversation — the case the agent is on — and what they do with it.

Opening a conversation fills the conversation panel, the customer's 360, the Knowledge tab and
the Actions tab; a change-set that concerns it re-reads only what it changed. Every intent on the
case (claim, reply, resolve, snooze, retry…) goes through the intent runner, so a refusal is
told the same way everywhere and the views refresh once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QSettings

from agent_desk.core.enums import ConversationStatus, Role
from agent_desk.services.actions import ActionsService
from agent_desk.services.desk import DeskService
from agent_desk.store import queries
from agent_desk.store.store import ChangeSet, Row
from agent_desk.ui.actions_panel import ActionsPanel
from agent_desk.ui.bridge import MessageBridge
from agent_desk.ui.changes import ChangeHub
from agent_desk.ui.conversation import ConversationPanel, plain, snooze_until
from agent_desk.ui.customer_panel import CustomerPanel
from agent_desk.ui.intents import IntentRunner
from agent_desk.ui.knowledge_controller import KnowledgeController
from agent_desk.ui.queue_panel import QueuePanel

log = logging.getLogger(__name__)

# what the 360's compensation line is read from
COMPENSATION_ENTITIES = frozenset({"action", "order", "customer"})
# what a change must name to concern the open conversation (touches_conversation decides)
CASE_ENTITIES = frozenset({"conversation", "message", "customer", "order", "agent"})


class CaseController(QObject):
    """The conversation the agent has open, and the intents on it.

    Args:
        is_active: whether the window is the active one (what is on an active window's screen
            has been read).
        typing: tells the server the agent is typing a reply in a conversation (a hint).
    """

    def __init__(
        self,
        desk: DeskService,
        actions: ActionsService,
        runner: IntentRunner,
        bridge: MessageBridge,
        hub: ChangeHub,
        settings: QSettings,
        *,
        queue: QueuePanel,
        conversation: ConversationPanel,
        customer: CustomerPanel,
        actions_panel: ActionsPanel,
        knowledge: KnowledgeController,
        is_active: Callable[[], bool],
        typing: Callable[[str], None] = lambda _conversation_id: None,
    ) -> None:
        super().__init__(conversation)
        self.desk = desk
        self.store = desk.store
        self.me = desk.me
        self.actions = actions
        self.runner = runner
        self.bridge = bridge
        self.settings = settings
        self.queue = queue
        self.conversation = conversation
        self.customer = customer
        self.actions_panel = actions_panel
        self.knowledge = knowledge
        self._is_active = is_active
        self._typing = typing
        self.current: str | None = None
        self.can_act = False  # may the agent change the open conversation (claim, resolve…)

        queue.conversation_selected.connect(self.open_conversation)
        queue.claim_requested.connect(self.claim_id)
        queue.view_changed.connect(self._queue_changed)
        conversation.claim_requested.connect(self.claim)
        conversation.resolve_requested.connect(self.resolve)
        conversation.reopen_requested.connect(self.reopen)
        conversation.snooze_requested.connect(self.snooze)
        conversation.retry_requested.connect(self.retry)
        conversation.composer.submitted.connect(self.reply)
        conversation.composer.draft_changed.connect(self._draft_changed)
        conversation.composer.typing.connect(self._typed)
        customer.conversation_requested.connect(self.show_conversation)
        customer.note_saved.connect(self.save_customer_note)
        # the order the case is about: the agent's selection in the 360 decides it; the answers,
        # the 360's selection and the Actions tab's order follow it
        customer.order_selected.connect(knowledge.order_selected)
        knowledge.order_changed.connect(customer.select_order)
        knowledge.order_changed.connect(actions_panel.select_order)
        actions_panel.reply_proposed.connect(self._propose_reply)
        actions_panel.finished.connect(self.conversation.composer.editor.setFocus)
        knowledge.suggested.connect(lambda result: actions_panel.set_scenario(result.scenario))
        hub.subscribe(self._case_changed, CASE_ENTITIES, name="case")
        hub.subscribe(self._compensation_changed, COMPENSATION_ENTITIES, name="compensation")

    # --- opening -------------------------------------------------------------------------------

    def has_conversation(self) -> bool:
        return self.current is not None

    def may_act(self) -> bool:
        return self.current is not None and self.can_act

    def show_conversation(self, conv_id: str) -> None:
        """Open a conversation from anywhere (palette, 360, notification)."""
        if conv_id != self.current:
            self.open_conversation(conv_id)

    def open_conversation(self, conv_id: str, *, customer_changed: bool = True) -> None:
        conv = queries.conversation(self.store, conv_id)
        if conv is None:
            return
        switching = conv_id != self.current
        if switching:
            self.conversation.composer.flush_draft()
        self.current = conv_id
        self.queue.show_selected(conv_id)  # the highlighted row is the open one, or none
        agents = queries.agent_names(self.store)
        customer = conv.get("customer") or {}
        names = dict(agents)
        names["customer"] = plain(customer.get("name")) or self.tr("Customer")
        assignee_id = conv.get("assignee_id")
        assignee = (
            self.tr("you")
            if assignee_id == self.me.agent_id
            else agents.get(assignee_id or "", self.tr("unassigned"))
        )
        self.can_act = self.desk.may_change(conv)
        expert = self.desk.role is Role.EXPERT
        self.conversation.show_conversation(
            conv,
            names,
            assignee,
            mine=assignee_id == self.me.agent_id,
            can_act=self.can_act,
            can_write=self.can_act or expert,
        )
        composer = self.conversation.composer
        if switching:
            draft = self.desk.draft(conv_id)
            if draft is None:
                composer.clear()
            else:
                composer.set_draft(draft.body, draft.note_mode)
            self.settings.setValue("window/conversation", conv_id)
        if expert:  # experts advise through internal notes only
            composer.force_note_mode()
        if switching or self._is_active():
            self._mark_read(conv)  # what is on the agent's screen has been read
        if switching or customer_changed:
            self.customer.show_customer(
                queries.customer_360(self.store, conv["customer_id"]), new_case=switching
            )
        # the note follows who owns the customer's conversations (a claim or a transfer changes it)
        self.customer.set_note_editable(self.desk.may_edit_customer_note(conv["customer_id"]))
        if switching:
            self._switched(conv)

    def _switched(self, conv: Row) -> None:
        self.knowledge.panel.new_conversation()
        self.knowledge.suggest_now()  # a new conversation: its answers at once
        situation = self.knowledge.situation
        said = situation.text if situation else ""
        about = situation.order() if situation else None
        customer = conv.get("customer") or {}
        self.actions_panel.show_conversation(
            conv["id"],
            conv["customer_id"],
            str(customer.get("locale") or "zh_CN"),
            said,
            str(about["id"]) if isinstance(about, dict) else None,
            self.knowledge.scenario,
        )
        self.customer.show_compensation(self.actions.compensation(conv["customer_id"]))

    def _propose_reply(self, text: str) -> None:
        """What the customer should hear now (e.g. while a supervisor decides): into the reply,
        for the agent to read and send."""
        composer = self.conversation.composer
        composer.insert_answer(text)  # it takes the focus

    def _mark_read(self, conv: Row) -> None:
        inbound = [m for m in conv["messages"] if m["kind"] == "inbound"]
        if not inbound:
            return
        read = queries.last_read_seq(self.store, conv["id"], self.me.agent_id)
        newest = max(int(m.get("seq") or 0) for m in inbound)
        if read is None or read < newest:
            self.runner.run(
                self.tr("Mark as read"), lambda: self.desk.mark_read(str(conv["id"])), quiet=True
            )

    def restore(self) -> None:
        """Open the conversation that was open when the window last closed."""
        saved = self.settings.value("window/conversation")
        if saved and queries.conversation(self.store, str(saved)) is not None:
            self.show_conversation(str(saved))

    # --- reacting ------------------------------------------------------------------------------

    def _case_changed(self, changes: ChangeSet | None) -> None:
        if not self.current:
            return
        touched = queries.touches_conversation(self.store, self.current, changes)
        if touched is not None:
            self.open_conversation(self.current, customer_changed=touched.customer)
            self.knowledge.suggest_soon()

    def _compensation_changed(self, _changes: ChangeSet | None) -> None:
        if self.current and self.actions_panel.customer_id:
            self.customer.show_compensation(
                self.actions.compensation(self.actions_panel.customer_id)
            )

    def _queue_changed(self) -> None:
        if self.current:
            self.queue.show_selected(self.current)

    # --- intents -------------------------------------------------------------------------------

    def next_waiting(self) -> None:
        """Take the next case (Ctrl+Shift+N): the most urgent conversation waiting for this
        agent, one of theirs whose customer waits or else one nobody has
        (``queries.next_case``); claim it if nobody has it and the agent may; open it with the
        keyboard in the reply box.

        The agent stays in the tab they were working: the case is selected there and scrolled
        to, and stays listed even if the tab would no longer list it (Unassigned, once claimed;
        a filter that hides it) until they move on — open another conversation, or change the
        tab, search, filters or sort. Switching them to another tab would lose their place.
        """
        may_claim = self.desk.role is not Role.EXPERT
        conv_id = queries.next_case(self.store, self.me, may_claim=may_claim, skip=self.current)
        if conv_id is None:
            self.bridge.info(self.tr("Nobody is waiting. Well done."))
            return
        self.queue.keep_shown(conv_id)
        self.show_conversation(conv_id)
        known, assignee = queries.assignee_of(self.store, conv_id)
        if known and assignee is None and may_claim:
            self.claim()
        self.queue.reveal(conv_id)
        self.conversation.composer.editor.setFocus()

    def claim(self) -> None:
        if self.current:
            conv_id = self.current
            self.runner.run(self.tr("Claim"), lambda: self.desk.claim(conv_id))

    def claim_id(self, conv_id: str) -> None:
        self.show_conversation(conv_id)
        known, assignee = queries.assignee_of(self.store, conv_id)
        if known and assignee is None:
            self.claim()

    def resolve(self) -> None:
        self._set_status(self.tr("Resolve"), ConversationStatus.RESOLVED)

    def reopen(self) -> None:
        self._set_status(self.tr("Reopen"), ConversationStatus.OPEN)

    def _set_status(self, title: str, status: ConversationStatus) -> None:
        if self.current:
            conv_id = self.current
            self.runner.run(title, lambda: self.desk.set_status(conv_id, status))

    def snooze(self, until: datetime) -> None:
        if self.current:
            conv_id = self.current
            self.runner.run(self.tr("Snooze"), lambda: self.desk.snooze(conv_id, until))

    def snooze_hour(self) -> None:
        self.snooze(snooze_until("1h"))

    def retry(self, message_id: str) -> None:
        self.runner.run(self.tr("Retry"), lambda: self.desk.retry(message_id))

    def retry_all(self) -> None:
        if self.current:
            for message_id in queries.failed_message_ids(self.store, self.current):
                self.retry(message_id)

    def reply(self, text: str, as_note: bool) -> None:
        conv_id = self.current
        if not conv_id:
            return

        def send() -> tuple[str, ChangeSet]:
            if as_note:
                return self.desk.add_note(conv_id, text)
            return self.desk.send_reply(conv_id, text)

        def sent(_sent: tuple[str, ChangeSet]) -> None:
            self.conversation.composer.clear()

        if self.runner.run(self.tr("Send"), send, done=sent) is not None:
            self.conversation.messages.scrollToBottom()

    def _typed(self) -> None:
        if self.current and self.can_act:
            self._typing(self.current)

    def _draft_changed(self, text: str, as_note: bool) -> None:
        if self.current:
            self.desk.save_draft(self.current, text, as_note)

    def save_customer_note(self, customer_id: str, text: str) -> None:
        self.runner.run(
            self.tr("Agent note"),
            lambda: self.desk.set_customer_note(customer_id, text),
            done=lambda _changes: self.customer.note_was_saved(text),
        )
