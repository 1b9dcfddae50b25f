"""Entity records as they travel in the change feed (``ChangeRecord.data``).

Times are ISO-8601 UTC; money is integer minor units plus an ISO-4217 currency code.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from agent_desk.core.enums import (
    ActionStatus,
    ActionType,
    ArticleStatus,
    Channel,
    ConversationStatus,
    IdentityKind,
    LifecycleStage,
    MessageKind,
    OrderStatus,
    Presence,
    Priority,
    Role,
    ShipmentStatus,
    ValueTier,
)


class Record(BaseModel):
    """Entity data: unknown fields from a newer server are kept, not rejected."""

    model_config = ConfigDict(extra="allow")


class TeamData(Record):
    id: str
    name: str


class AgentData(Record):
    id: str
    username: str
    display_name: str
    role: Role
    team_id: str | None
    skills: list[str] = Field(default_factory=list)
    presence: Presence
    max_concurrent: int
    locale: str = "zh_CN"
    active: bool = True


class Identity(Record):
    kind: IdentityKind
    value: str
    verified: bool = False


class CustomerData(Record):
    id: str
    name: str
    identities: list[Identity] = Field(default_factory=list)
    attributes: dict[str, Any] = Field(default_factory=dict)
    tags: list[str] = Field(default_factory=list)
    lifecycle_stage: LifecycleStage
    value_tier: ValueTier
    lifetime_value_minor: int
    currency: str
    agent_note: str = ""
    locale: str = "zh_CN"
    created_at: datetime
    updated_at: datetime


class Variant(Record):
    sku: str
    title: str


class OrderLine(Record):
    sku: str
    title: str
    quantity: int
    unit_price_minor: int
    # the sizes or colours the item comes in (the ordered one too, in the shop's order): a
    # reship may send another of them instead (an exchange)
    variants: list[Variant] = Field(default_factory=list)


class Payment(Record):
    method: str
    status: str
    paid_minor: int
    refunded_minor: int = 0
    paid_at: datetime | None = None
    refunded_at: datetime | None = None  # the latest refund (what the 360 shows beside it)
    shipping_minor: int = 0  # the shipping fee paid with the order (part of paid_minor)
    shipping_refunded_minor: int = 0


class Shipment(Record):
    status: ShipmentStatus
    carrier: str | None = None
    tracking_no: str | None = None
    shipped_at: datetime | None = None
    eta: datetime | None = None
    delivered_at: datetime | None = None


class OrderData(Record):
    id: str
    order_no: str
    customer_id: str
    status: OrderStatus
    currency: str
    total_minor: int
    lines: list[OrderLine]
    payment: Payment
    shipment: Shipment
    placed_at: datetime
    updated_at: datetime


class ConversationData(Record):
    id: str
    customer_id: str
    channel: Channel
    subject: str
    status: ConversationStatus
    priority: Priority
    assignee_id: str | None
    team_id: str | None
    created_at: datetime
    updated_at: datetime
    last_message_at: datetime | None
    last_message_preview: str
    message_count: int
    snoozed_until: datetime | None = None
    resolved_at: datetime | None = None
    waiting_since: datetime | None = None
    first_response_at: datetime | None = None
    response_due_at: datetime | None = None
    response_breach_at: datetime | None = None
    resolution_due_at: datetime | None = None
    resolution_breach_at: datetime | None = None
    csat_score: int | None = None


class Attachment(Record):
    name: str = Field(max_length=255)
    content_type: str = Field(max_length=127)
    size: int = Field(ge=0)
    url: str | None = Field(default=None, max_length=2048)


class MessageData(Record):
    id: str
    conversation_id: str
    kind: MessageKind
    author_agent_id: str | None
    author_customer_id: str | None
    body: str
    attachments: list[Attachment] = Field(default_factory=list)
    created_at: datetime
    seq: int
    # an outbound message's way to the customer: queued, sent, delivered, read or failed
    delivery_status: str | None = None
    delivery_error: str | None = None


class ArticleData(Record):
    id: str
    title: str
    body: str
    scenario: str
    tags: list[str] = Field(default_factory=list)
    locale: str
    status: ArticleStatus
    version: int
    updated_at: datetime
    inserted_count: int = 0
    helpful_count: int = 0
    not_helpful_count: int = 0
    # "customer" (an answer to send) or "internal" (guidance for agents, never sent); records
    # of a server that predates audiences are customer answers
    audience: str = "customer"


class ScenarioData(Record):
    id: str  # the key articles name in ``scenario``
    label: str
    updated_at: datetime


class SlaPolicyData(Record):
    id: str  # the channel name
    channel: Channel
    first_response_target_s: int
    first_response_breach_s: int
    next_response_target_s: int
    next_response_breach_s: int
    resolution_target_s: int
    resolution_breach_s: int


class ConversationShareData(Record):
    id: str  # "<conversation_id>:<agent_id>"
    conversation_id: str
    agent_id: str
    shared_by: str | None
    created_at: datetime


class ReadStateData(Record):
    id: str  # "<conversation_id>:<agent_id>"
    conversation_id: str
    agent_id: str
    last_read_seq: int
    read_at: datetime


class ActionParam(Record):
    name: str  # amount_minor | line_skus | days | coupon_value_minor | note
    kind: str  # money | lines | days | text
    required: bool = False


class ReasonCode(Record):
    code: str
    label_zh: str
    label_en: str


class ActionTypeData(Record):
    """One entry of the server's action catalog (entity ``action_type``, id = the type)."""

    id: ActionType
    label_zh: str
    label_en: str
    params: list[ActionParam] = Field(default_factory=list)
    reason_codes: list[ReasonCode] = Field(default_factory=list)
    needs_order: bool = True
    moves_money: bool = True  # counts against the limits and the daily total
    template_zh: str  # the customer-facing message; {amount}, {order_no}, {days}, {code}…
    template_en: str


class AuthorityLimit(Record):
    """What one role may do for one value tier with one action type, on its own authority."""

    role: Role
    tier: ValueTier
    action: ActionType
    allowed: bool = True
    max_minor: int | None = None  # per action; None: no amount limit
    max_share: float | None = None  # of the order's total (0..1); None: no share limit
    # cumulative, over the policy's window (core.authority):
    per_order_minor: int | None = None
    per_customer_minor: int | None = None
    max_per_order: int | None = None
    max_days: int | None = None


class AuthorityCumulative(Record):
    window_days: int = 30
    customer_total_minor: dict[str, dict[str, int]] = Field(default_factory=dict)


class AuthorityPolicyData(Record):
    """The authority policy (entity ``authority_policy``, id ``current``): visible to everyone,
    enforced by the server. Anything valid but beyond it becomes an approval request."""

    id: str
    version: int
    currency: str
    limits: list[AuthorityLimit]
    daily_total_minor: dict[str, int]  # per role: money an agent moves per day on their own
    cumulative: AuthorityCumulative = Field(default_factory=AuthorityCumulative)
    updated_at: datetime


class ActionData(Record):
    """A resolution action, requested, approved or denied, executed or failed (entity
    ``action``; visible with its conversation)."""

    id: str
    type: ActionType
    status: ActionStatus
    conversation_id: str
    customer_id: str
    order_id: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    amount_minor: int = 0  # money it moves (refunds, credit, coupon value)
    currency: str
    reason_code: str
    note: str = ""
    requested_by: str
    requested_at: datetime
    approval_reason: str = ""  # why it needed approval (the limit it passed)
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision_note: str = ""
    executed_at: datetime | None = None
    result: dict[str, Any] = Field(default_factory=dict)  # refund id, coupon code, new ETA…
    customer_message: str = ""
    error_code: str | None = None
    error_message: str | None = None


class AuthorityUsageData(Record):
    """What an agent has used of today's total (entity ``authority_usage``, id
    ``<agent_id>:<yyyy-mm-dd>``; only that agent and supervisors see it)."""

    id: str
    agent_id: str
    day: str
    used_minor: int
    currency: str


ENTITY_MODELS: dict[str, type[Record]] = {
    "team": TeamData,
    "agent": AgentData,
    "customer": CustomerData,
    "order": OrderData,
    "conversation": ConversationData,
    "message": MessageData,
    "article": ArticleData,
    "scenario": ScenarioData,
    "action_type": ActionTypeData,
    "authority_policy": AuthorityPolicyData,
    "action": ActionData,
    "authority_usage": AuthorityUsageData,
    "sla_policy": SlaPolicyData,
    "conversation_share": ConversationShareData,
    "read_state": ReadStateData,
}
