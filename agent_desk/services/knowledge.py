"""Knowledge for the open conversation: suggestions, manual search, filled answers, feedback.

The index lives in the cache file beside the ``articles`` table sync keeps
(``store/knowledge.py``); this service keeps it current from change-sets and builds the
customer's context (their 360 and orders) from the cache. No widgets; works offline.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, replace
from typing import Any

from agent_desk.core.knowledge import (
    Article,
    Context,
    Filled,
    Suggestion,
    SuggestResult,
    case_scenario,
    fill,
)
from agent_desk.services.desk import DeskService
from agent_desk.store.knowledge import KnowledgeIndex
from agent_desk.store.store import ChangeSet, Row, Store

log = logging.getLogger(__name__)

RECENT_CUSTOMER_MESSAGES = 3  # what the customer "just said": the last few of their messages


@dataclass(frozen=True, slots=True)
class Situation:
    """What a suggestion is computed from: the customer's recent words and their context.

    ``context.scenario`` decides which order the case is about when the agent chose none and
    the text names none (:meth:`with_scenario`); ``detected`` is the scenario the suggestions
    read into the conversation.
    """

    conversation_id: str
    text: str
    context: Context
    locale: str | None
    detected: str | None = None

    def with_scenario(self, detected: str | None, *, answered: str | None = None) -> Situation:
        """With the scenario the suggestions detected and the one of the answer the agent
        inserted (``core.knowledge.case_scenario`` decides which points to the order)."""
        scenario = case_scenario(detected, answered)
        return replace(self, context=replace(self.context, scenario=scenario), detected=detected)

    def order(self) -> Any:
        """The order the case is about (``core.knowledge.Context.order``'s rule)."""
        return self.context.order(self.text)

    def order_id(self) -> str | None:
        order = self.order()
        value = order.get("id") if isinstance(order, dict) else None
        return str(value) if value else None


class KnowledgeService:
    def __init__(self, store: Store, desk: DeskService) -> None:
        self.store = store
        self.desk = desk
        self.index = KnowledgeIndex(store.conn)
        self.index.ensure_schema()

    # --- keeping the index current -----------------------------------------------------------

    def catch_up(self) -> int:
        """Index whatever differs from the cached articles (start-up, after a first sync)."""
        return self.index.refresh_from_table()

    def apply(self, changes: ChangeSet | None) -> int:
        """A sync (or local) change-set: re-index the articles it names."""
        if changes is None:
            return self.catch_up()
        ids = changes.ids.get("article")
        if not ids:
            return 0
        if len(ids) > 200:  # a first sync brings them all: one rebuild beats many upserts
            return self.catch_up()
        return self.index.update_from_table(ids)

    # --- the open conversation ---------------------------------------------------------------

    def situation(self, conversation_id: str, order_id: str | None = None) -> Situation | None:
        conv = self.store.row(
            "SELECT id, customer_id, subject FROM conversations WHERE id = ?", (conversation_id,)
        )
        if conv is None:
            return None
        recent = self.store.rows(
            "SELECT body FROM messages WHERE conversation_id = ? AND kind = 'inbound' "
            "ORDER BY seq IS NULL, seq DESC, created_at DESC LIMIT ?",
            (conversation_id, RECENT_CUSTOMER_MESSAGES),
        )
        said = [r["body"] for r in reversed(recent)]
        # the subject (the customer's first words) keeps the topic when the latest messages
        # are only "ok, sent it" and "hurry please"
        if conv["subject"] and not any(conv["subject"] in body for body in said):
            said.insert(0, conv["subject"])
        text = "\n".join(said)
        customer = self.store.row("SELECT * FROM customers WHERE id = ?", (conv["customer_id"],))
        orders = self.store.rows(
            "SELECT * FROM orders WHERE customer_id = ? ORDER BY placed_at DESC LIMIT 50",
            (conv["customer_id"],),
        )
        for order in orders:
            for key in ("lines", "payment", "shipment"):
                order[key] = _json(order.get(key))
        locale = (customer or {}).get("locale")
        return Situation(
            conversation_id,
            text,
            Context(customer=customer, orders=tuple(orders), order_id=order_id),
            str(locale) if locale else None,
        )

    def suggest(self, situation: Situation, *, k: int = 5) -> SuggestResult:
        return self.index.suggest(situation.text, k=k, context=situation.context)

    def search(self, text: str, *, k: int = 20) -> list[Suggestion]:
        return self.index.search(text, k=k)

    def article(self, article_id: str) -> Article | None:
        row = self.store.row("SELECT * FROM articles WHERE id = ?", (article_id,))
        return Article.from_mapping(row) if row is not None else None

    def answer(self, article_id: str, situation: Situation | None) -> Filled | None:
        """The article's body with the customer's details filled in (what gets inserted)."""
        article = self.article(article_id)
        if article is None:
            return None
        if situation is None:
            return fill(article.body)
        return fill(
            article.body,
            situation.context.customer,
            situation.order(),
            locale=situation.locale or article.locale,
        )

    def feedback(self, article_id: str, kind: str, conversation_id: str | None) -> ChangeSet:
        """``inserted`` / ``helpful`` / ``not_helpful``, through the outbox (works offline)."""
        return self.desk.article_feedback(article_id, kind, conversation_id)

    def selected_order(self, situation: Situation) -> Row | None:
        order = situation.order()
        return dict(order) if isinstance(order, dict) else None


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value
