"""Knowledge for the open conversation, between the service and the widgets that show it.

The Knowledge tab's suggestions follow what the customer just said (asked a pause after a burst of
messages: the newest wins), its search, an answer's preview, and the one-click insert that fills
the customer's and order's details into the reply; the composer's ``/`` offers the same answers.

The order the answers are filled from follows the agent's focus: the order they selected in the
360, else the one the conversation names or its scenario points to (``Situation.order``). When
that order changes, an inserted answer the agent has not edited is filled again for it; an
edited one is left as the agent wrote it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from agent_desk.core.knowledge import Suggestion, SuggestResult
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
REMEMBERED_INSERTS = 5  # the answers inserted into one reply that may still be refilled


@dataclass(frozen=True, slots=True)
class InsertedAnswer:
    """An answer put into the reply: which article, the exact text, and where it starts (an
    index into the composer's plain text)."""

    conversation_id: str
    article_id: str
    text: str
    start: int

    def locate(self, text: str) -> int | None:
        """Where this answer is in ``text``, unchanged: where it was put, or (the agent typed
        before it) its only occurrence; None when it was edited or removed."""
        end = self.start + len(self.text)
        if text[self.start : end] == self.text:
            return self.start
        if self.text and text.count(self.text) == 1:
            return text.index(self.text)
        return None


def _utf16(text: str, index: int) -> int:
    """A Python index into ``text`` as a Qt text position (UTF-16 code units)."""
    return len(text[:index].encode("utf-16-le")) // 2


def _index(text: str, position: int) -> int:
    """A Qt text position (UTF-16 code units) as a Python index into ``text``."""
    return len(text.encode("utf-16-le")[: 2 * position].decode("utf-16-le", errors="ignore"))


def _replace(editor: QPlainTextEdit, start: int, end: int, new: str) -> None:
    """Replace ``[start, end)`` of the editor's text with ``new`` (one undo step); the agent's
    cursor stays where it was."""
    text = editor.toPlainText()
    cursor = QTextCursor(editor.document())
    cursor.setPosition(_utf16(text, start))
    cursor.setPosition(_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(new)


class KnowledgeController(QObject):
    """Keeps the Knowledge tab and the composer's answers in step with the open conversation.

    Args:
        current: the open conversation's id (None: none is open).
        selected_order: the order the agent selected in the 360 themselves, if any.

    Signals: ``suggested(SuggestResult)``: new suggestions for the open conversation, with
    the scenario read into it (the Actions tab and the case bar propose what fits).
    ``order_changed(order_id)``: the order the open case is about changed (another conversation,
    the agent selected another in the 360, or the conversation now names or points to another);
    answers are filled from it, the 360 shows it selected and the Actions tab preselects it.
    """

    suggested = Signal(object)
    order_changed = Signal(str)

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
        self.scenario: str | None = None  # what the customer's words are about (the model's)
        self.result: SuggestResult | None = None  # the last suggestions, for _result_of
        self._result_of: str | None = None
        self.inserted: list[InsertedAnswer] = []  # answers in the reply that may be refilled
        self._answered: tuple[str, str] | None = None  # (conversation, scenario) last inserted
        self._order: tuple[str, str | None] | None = None  # (conversation, order) answers use
        self.suggestions = Debounce("suggestions", SUGGEST_PAUSE_MS, self.suggest_now, self)
        panel.insert_requested.connect(self.insert_answer)
        panel.feedback_given.connect(self.feedback)
        panel.search_changed.connect(self.search)
        panel.preview_requested.connect(self.preview)
        composer.canned_query.connect(self.canned_query)
        composer.canned_chosen.connect(self.insert_answer)
        composer.set_order_source(self.case_order)
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
        result = self._read_situation(current)
        if result is None:
            return
        self.panel.show_result(result, self._scenario_labels())
        self.scenario, self.result, self._result_of = result.scenario, result, current
        self.suggested.emit(result)
        self._follow_order()

    def _read_situation(self, conversation_id: str) -> SuggestResult | None:
        """The conversation's situation (with the scenario its suggestions detect, which points
        to the order the case is about) into ``self.situation``; the suggestions."""
        situation = self.knowledge.situation(conversation_id, self._selected_order())
        if situation is None:
            self.situation = None
            return None
        result = self.knowledge.suggest(situation)
        self.situation = situation.with_scenario(
            result.scenario, answered=self._answered_scenario(conversation_id)
        )
        return result

    def _answered_scenario(self, conversation_id: str) -> str | None:
        answered = self._answered
        return answered[1] if answered is not None and answered[0] == conversation_id else None

    def best_answer(self) -> Suggestion | None:
        """The first suggestion the customer may read (guidance for agents is never inserted)."""
        if self.result is None or self._result_of != self._current():
            return None
        shown = self.result.suggestions
        return next((s for s in shown if getattr(s, "audience", "customer") == "customer"), None)

    def order_selected(self, _order_id: str) -> None:
        """The agent selected an order in the 360: suggestions, preview and untouched answers
        for it, at once."""
        self.suggest_now()

    def _follow_order(self) -> None:
        situation = self.situation
        if situation is None:
            return
        order_id = situation.order_id()
        key = (situation.conversation_id, order_id)
        if key == self._order:
            return
        same_case = self._order is not None and self._order[0] == situation.conversation_id
        self._order = key
        if not same_case:  # another conversation: only its own answers may be refilled
            self.inserted = [a for a in self.inserted if a.conversation_id == key[0]]
        if order_id:
            self.order_changed.emit(order_id)
        if same_case:
            self._refill()
            article_id = self.panel.current_id()
            if article_id:
                self.preview(article_id)

    def _refill(self) -> None:
        """The case's order changed: each inserted answer still in the reply exactly as it was
        inserted is filled again for the new order; one the agent edited stays as it is."""
        situation = self.situation
        if situation is None or not self.inserted:
            return
        editor = self.composer.editor
        text = editor.toPlainText()
        if not text.strip():  # sent or cleared: nothing left to refill
            self.inserted = []
            return
        located: list[tuple[int, InsertedAnswer]] = []
        edited = 0
        for answer in self.inserted:
            start = answer.locate(text)
            if start is None:
                edited += 1
            else:
                located.append((start, answer))
        located.sort(key=lambda pair: pair[0])
        kept: list[InsertedAnswer] = []
        shift, reached = 0, 0
        for start, answer in located:
            if start < reached:  # two records of one text: it is there once
                continue
            reached = start + len(answer.text)
            filled = self.knowledge.answer(answer.article_id, situation)
            new = filled.text if filled is not None else answer.text
            at = start + shift
            if new != answer.text:
                _replace(editor, at, at + len(answer.text), new)
                shift += len(new) - len(answer.text)
            kept.append(replace(answer, text=new, start=at))
        self.inserted = kept
        if edited:
            order = situation.order()
            number = str(order.get("order_no") or "") if isinstance(order, dict) else ""
            self.bridge.info(
                self.tr(
                    "The answer you edited was left as you wrote it: check that it fits order {0}."
                ).format(number)
            )

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
        article = self.knowledge.article(article_id)
        if article is not None and not article.insertable:
            # guidance written to agents never reaches the customer, whatever the gesture
            self.bridge.info(
                self.tr("That is guidance for agents: it is never put into a reply to a customer.")
            )
            return
        if self.situation is None or self.situation.conversation_id != current:
            self._read_situation(current)
        if article is not None and self.situation is not None:
            # the answer the agent chose says what the case is about: a refund answer is
            # filled from the refunded order even if the words read as something else
            self._answered = (current, article.scenario)
            self.situation = self.situation.with_scenario(
                self.situation.detected, answered=article.scenario
            )
        filled = self.knowledge.answer(article_id, self.situation)
        if filled is None:
            return
        self.composer.insert_answer(filled.text, warnings=filled.warnings)
        self._remember(current, article_id, filled.text)
        self.feedback(article_id, "inserted")
        self._follow_order()  # the 360 and the Actions tab show the order it was filled from

    def _remember(self, conversation_id: str, article_id: str, inserted: str) -> None:
        """Where the answer went, if it is in the reply as filled (to refill it later)."""
        editor = self.composer.editor
        text = editor.toPlainText()
        end = _index(text, editor.textCursor().position())
        start = end - len(inserted)
        if not inserted or start < 0 or text[start:end] != inserted:
            return
        others = [a for a in self.inserted if a.conversation_id == conversation_id]
        self.inserted = [
            *others[-(REMEMBERED_INSERTS - 1) :],
            InsertedAnswer(conversation_id, article_id, inserted, start),
        ]

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
            found = self.knowledge.search(text, k=16)
        else:  # just "/": what the conversation suggests
            situation = self.knowledge.situation(current) if current else None
            found = self.knowledge.suggest(situation, k=10).suggestions if situation else []
        # canned replies are sent as they are: customer-facing answers only, never guidance
        answers = [s for s in found if s.insertable][:8]
        self.composer.offer_canned([(s.id, s.title) for s in answers])

    def case_order(self) -> dict[str, Any] | None:
        """The order the open case is about: what the composer checks a reply's facts against."""
        current = self._current()
        if not current:
            return None
        situation = self.situation
        if situation is None or situation.conversation_id != current:
            situation = self.knowledge.situation(current, self._selected_order())
        return self.knowledge.selected_order(situation) if situation is not None else None

    def stop(self) -> None:
        self.suggestions.cancel()
