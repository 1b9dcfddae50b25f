"""Named mutations and their argument shapes.

A mutation is an intent ("claim this conversation"), not a row diff. Its name and argument
shape are frozen once released; a changed shape gets a new name with a ``_v2`` suffix.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from agent_desk.core.enums import ActionType, ConversationStatus, Presence, Priority
from agent_desk.core.links import attachment_url_problem
from agent_desk.protocol.entities import Attachment
from agent_desk.protocol.wire import MAX_BODY_CHARS

_ID = Field(min_length=1, max_length=64)
Tag = Annotated[str, StringConstraints(min_length=1, max_length=50)]


class Args(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MutationName(StrEnum):
    CONVERSATION_CLAIM = "conversation.claim"
    CONVERSATION_ASSIGN = "conversation.assign"
    CONVERSATION_SET_STATUS = "conversation.set_status"
    CONVERSATION_SNOOZE = "conversation.snooze"
    CONVERSATION_SET_PRIORITY = "conversation.set_priority"
    CONVERSATION_MARK_READ = "conversation.mark_read"
    CONVERSATION_SHARE = "conversation.share"
    CONVERSATION_UNSHARE = "conversation.unshare"
    MESSAGE_SEND = "message.send"
    NOTE_ADD = "note.add"
    MESSAGE_RETRY_DELIVERY = "message.retry_delivery"
    CUSTOMER_SET_NOTE = "customer.set_note"
    PRESENCE_SET = "presence.set"
    ARTICLE_CREATE = "article.create"
    ARTICLE_UPDATE = "article.update"
    ARTICLE_RETIRE = "article.retire"
    ARTICLE_FEEDBACK = "article.feedback"
    ACTION_REQUEST = "action.request"
    ACTION_APPROVE = "action.approve"
    ACTION_DENY = "action.deny"


class ConversationRef(Args):
    conversation_id: str = _ID


class ClaimArgs(ConversationRef):
    pass


class AssignArgs(ConversationRef):
    agent_id: str | None = Field(default=None, max_length=64)
    """None returns the conversation to the team's unassigned queue."""


class SetStatusArgs(ConversationRef):
    status: ConversationStatus


class SnoozeArgs(ConversationRef):
    until: datetime


class SetPriorityArgs(ConversationRef):
    priority: Priority


class MarkReadArgs(ConversationRef):
    up_to_message_id: str | None = Field(default=None, max_length=64)
    """Read up to this message; None means everything in the conversation."""


class ShareArgs(ConversationRef):
    agent_id: str = _ID


class AttachmentIn(Attachment):
    """An attachment sent with a reply: only addresses ``core.links`` allows are stored."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("url")
    @classmethod
    def _allowed_address(cls, url: str | None) -> str | None:
        if url is not None:
            problem = attachment_url_problem(url)
            if problem is not None:
                raise ValueError(problem)
        return url


class MessageSendArgs(ConversationRef):
    message_id: str = _ID
    body: str = Field(min_length=1, max_length=MAX_BODY_CHARS)
    attachments: list[AttachmentIn] = Field(default_factory=list, max_length=20)


class RetryDeliveryArgs(Args):
    """Send a reply whose delivery to the customer failed once more."""

    message_id: str = _ID


class NoteAddArgs(ConversationRef):
    message_id: str = _ID
    body: str = Field(min_length=1, max_length=MAX_BODY_CHARS)


class CustomerSetNoteArgs(Args):
    customer_id: str = _ID
    note: str = Field(max_length=10_000)


class PresenceSetArgs(Args):
    presence: Presence


class ArticleCreateArgs(Args):
    """Supervisors and admins write knowledge; ``scenario`` is the company's own key."""

    article_id: str = _ID
    title: str = Field(min_length=1, max_length=300)
    body: str = Field(min_length=1, max_length=50_000)
    scenario: str = Field(min_length=1, max_length=64, pattern=r"^[^\s].*$")
    scenario_label: str | None = Field(default=None, max_length=200)
    tags: list[Tag] = Field(default_factory=list, max_length=30)
    locale: Literal["zh_CN", "zh_TW", "en"]
    status: Literal["draft", "published"] = "published"
    # an answer customers may be sent, or guidance for agents that is never put into a reply
    audience: Literal["customer", "internal"] = "customer"


class ArticleUpdateArgs(Args):
    """A new version; refused if ``version`` is not the current one (someone edited it)."""

    article_id: str = _ID
    version: int = Field(ge=1)
    title: str | None = Field(default=None, min_length=1, max_length=300)
    body: str | None = Field(default=None, min_length=1, max_length=50_000)
    scenario: str | None = Field(default=None, min_length=1, max_length=64)
    tags: list[Tag] | None = Field(default=None, max_length=30)
    status: Literal["draft", "published"] | None = None
    audience: Literal["customer", "internal"] | None = None


class ArticleRetireArgs(Args):
    article_id: str = _ID


class ArticleFeedbackArgs(Args):
    article_id: str = _ID
    kind: Literal["inserted", "helpful", "not_helpful"]
    conversation_id: str | None = Field(default=None, max_length=64)


class ActionParams(Args):
    """Typed parameters; which apply depends on the type (the catalog lists them)."""

    amount_minor: int | None = Field(default=None, ge=1, le=10**12)  # refund, credit
    line_skus: list[Annotated[str, StringConstraints(min_length=1, max_length=64)]] | None = Field(
        default=None, max_length=50
    )  # refund_no_return, reship: which items
    days: int | None = Field(default=None, ge=1, le=90)  # extend_return_window
    coupon_value_minor: int | None = Field(default=None, ge=1, le=10**9)
    # reship as an exchange: for an order line's sku, the variant (another size or colour of
    # the same item, one of the line's ``variants``) to send instead
    replacements: (
        dict[
            Annotated[str, StringConstraints(min_length=1, max_length=64)],
            Annotated[str, StringConstraints(min_length=1, max_length=64)],
        ]
        | None
    ) = Field(default=None, max_length=50)


class ActionRequestArgs(Args):
    """Run a resolution action (or, beyond the agent's authority, ask a supervisor).

    The server decides everything money depends on — the customer's tier, the order's state,
    what was paid and refunded, the agent's limits and today's total — from its own data; the
    client sends only what the agent chose.
    """

    action_id: str = _ID  # client-made UUID: a retried request is the same action
    conversation_id: str = _ID
    order_id: str | None = Field(default=None, max_length=64)
    type: ActionType
    params: ActionParams = Field(default_factory=ActionParams)
    currency: str = Field(min_length=3, max_length=3)  # must be the order's
    reason_code: str = Field(min_length=1, max_length=40)
    note: str = Field(default="", max_length=2000)


class ActionDecideArgs(Args):
    action_id: str = _ID
    note: str = Field(default="", max_length=2000)


MUTATIONS: dict[str, type[Args]] = {
    MutationName.CONVERSATION_CLAIM: ClaimArgs,
    MutationName.CONVERSATION_ASSIGN: AssignArgs,
    MutationName.CONVERSATION_SET_STATUS: SetStatusArgs,
    MutationName.CONVERSATION_SNOOZE: SnoozeArgs,
    MutationName.CONVERSATION_SET_PRIORITY: SetPriorityArgs,
    MutationName.CONVERSATION_MARK_READ: MarkReadArgs,
    MutationName.CONVERSATION_SHARE: ShareArgs,
    MutationName.CONVERSATION_UNSHARE: ShareArgs,
    MutationName.MESSAGE_SEND: MessageSendArgs,
    MutationName.NOTE_ADD: NoteAddArgs,
    MutationName.MESSAGE_RETRY_DELIVERY: RetryDeliveryArgs,
    MutationName.CUSTOMER_SET_NOTE: CustomerSetNoteArgs,
    MutationName.PRESENCE_SET: PresenceSetArgs,
    MutationName.ARTICLE_CREATE: ArticleCreateArgs,
    MutationName.ARTICLE_UPDATE: ArticleUpdateArgs,
    MutationName.ARTICLE_RETIRE: ArticleRetireArgs,
    MutationName.ARTICLE_FEEDBACK: ArticleFeedbackArgs,
    MutationName.ACTION_REQUEST: ActionRequestArgs,
    MutationName.ACTION_APPROVE: ActionDecideArgs,
    MutationName.ACTION_DENY: ActionDecideArgs,
}
