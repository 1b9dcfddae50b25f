"""Knowledge for the open conversation, between the service and the widgets that show it.

The Knowledge tab's suggestions follow what the customer just said (asked a pause after a burst of
messages: the newest wins), its search, an answer's preview, and the one-click insert that fills
the customer's and order's details into the reply; the composer's ``/`` offers the same answers.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from agent_desk.services.knowledge import KnowledgeService, Situation
from agent_desk.store import queries
from agent_desk.store.store import ChangeSet
from agent_desk.ui.bridge import MessageBridge
from agent_desk.ui.changes import ChangeHub
from agent_desk.ui.conversation import Composer
from agent_desk.ui.intents import IntentRunner
from agent_desk.ui.knowledge_panel import KnowledgePanel
from agent_desk.ui.latest import Debounce

SUGGEST_PAUSE_MS = 250  # messages come in bursts: ask once they pause


class KnowledgeController(QObject):
    """Keeps the Knowledge tab and the composer's answers in step with the open conversation.

    Args:
        current: the open conversation's id (None: none is open).
        selected_order: the order selected in the 360, if any.
    """

    def __init__(
        self,
        knowledge: KnowledgeService,
        panel: KnowledgePanel,
        composer: Composer,
        runner: IntentRunner,
        bridge: MessageBridge,
        hub: ChangeHub,
        *,
        current: Callable[[], str | None],
        selected_order: Callable[[], str | None],
    ) -> None:
        super().__init__(panel)
        self.knowledge = knowledge
        self.panel = panel
        self.composer = composer
        self.runner = runner
        self.bridge = bridge
        self._current = current
        self._selected_order = selected_order
        self.situation: Situation | None = None
        self.suggestions = Debounce("suggestions", SUGGEST_PAUSE_MS, self.suggest_now, self)
        panel.insert_requested.connect(self.insert_answer)
        panel.feedback_given.connect(self.feedback)
        panel.search_changed.connect(self.search)
        panel.preview_requested.connect(self.preview)
        composer.canned_query.connect(self.canned_query)
        composer.canned_chosen.connect(self.insert_answer)
        hub.subscribe(self._articles_changed, {"article"}, name="knowledge")

    def _articles_changed(self, changes: ChangeSet | None) -> None:
        self.knowledge.apply(changes)
        self.suggest_soon()

    def _scenario_labels(self) -> dict[str, str]:
        return queries.scenario_labels(self.knowledge.store)

    def suggest_soon(self) -> None:
        """The conversation moved on: suggestions again once the messages pause."""
        if self._current():
            self.suggestions.soon()

    def suggest_now(self) -> None:
        self.suggestions.cancel()
        current = self._current()
        if not current:
            return
        self.situation = self.knowledge.situation(current, self._selected_order())
        if self.situation is None:
            return
        result = self.knowledge.suggest(self.situation)
        self.panel.show_result(result, self._scenario_labels())

    def search(self, text: str) -> None:
        if text.strip():
            found = self.knowledge.search(text, k=20)
            self.panel.show_search(found, self._scenario_labels())
        else:
            self.suggest_now()

    def preview(self, article_id: str) -> None:
        filled = self.knowledge.answer(article_id, self.situation)
        self.panel.set_preview(filled.text if filled else "")

    def insert_answer(self, article_id: str) -> None:
        """One click: the answer, with this customer's and order's details, into the reply."""
        current = self._current()
        if not current:
            return
        if self.situation is None or self.situation.conversation_id != current:
            self.situation = self.knowledge.situation(current, self._selected_order())
        filled = self.knowledge.answer(article_id, self.situation)
        if filled is None:
            return
        self.composer.insert_answer(filled.text)
        self.feedback(article_id, "inserted")

    def feedback(self, article_id: str, kind: str) -> None:
        conv_id = self._current()
        done = self.runner.run(
            self.tr("Answer feedback"),
            lambda: self.knowledge.feedback(article_id, kind, conv_id),
        )
        if done is not None and kind != "inserted":
            self.bridge.info(self.tr("Thank you: your rating helps everyone."))

    def canned_query(self, text: str) -> None:
        current = self._current()
        if text.strip():
            found = self.knowledge.search(text, k=8)
        else:  # just "/": what the conversation suggests
            situation = self.knowledge.situation(current) if current else None
            found = self.knowledge.suggest(situation).suggestions if situation else []
        self.composer.offer_canned([(s.id, s.title) for s in found])

    def stop(self) -> None:
        self.suggestions.cancel()
