"""The vocabulary of the support domain. One name per idea, everywhere."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    AGENT = "agent"
    EXPERT = "expert"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Presence(StrEnum):
    AVAILABLE = "available"
    BUSY = "busy"
    AWAY = "away"
    OFFLINE = "offline"


class Channel(StrEnum):
    CHAT = "chat"
    EMAIL = "email"
    PHONE = "phone"
    SOCIAL = "social"
    APP = "app"


class ConversationStatus(StrEnum):
    OPEN = "open"
    PENDING = "pending"
    SNOOZED = "snoozed"
    RESOLVED = "resolved"


class Priority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class MessageKind(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"
    NOTE = "note"
    SYSTEM = "system"


class IdentityKind(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    WECHAT_ID = "wechat_id"
    APP_USER_ID = "app_user_id"


class LifecycleStage(StrEnum):
    NEW = "new"
    GROWING = "growing"
    MATURE = "mature"
    DECLINING = "declining"
    CHURNED = "churned"


class ValueTier(StrEnum):
    STANDARD = "standard"
    SILVER = "silver"
    GOLD = "gold"
    PLATINUM = "platinum"


class OrderStatus(StrEnum):
    PENDING_PAYMENT = "pending_payment"
    PAID = "paid"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"
    PARTIALLY_REFUNDED = "partially_refunded"


class ShipmentStatus(StrEnum):
    NOT_SHIPPED = "not_shipped"
    LABEL_CREATED = "label_created"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    DELIVERED = "delivered"
    EXCEPTION = "exception"
    RETURNED = "returned"


class SlaState(StrEnum):
    NONE = "none"  # nothing is owed to the customer right now
    ON_TARGET = "on_target"
    AT_RISK = "at_risk"
    BREACHED = "breached"


class ArticleStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    RETIRED = "retired"


class ActionType(StrEnum):
    """Resolution actions an agent can run on the spot (the server's catalog names them)."""

    REFUND = "refund"  # full or partial, to the original payment
    REFUND_NO_RETURN = "refund_no_return"  # the customer keeps the item
    RESHIP = "reship"  # a replacement / the same items again
    COUPON = "coupon"  # compensation coupon
    STORE_CREDIT = "store_credit"
    CANCEL_ORDER = "cancel_order"  # only before shipment
    REFUND_SHIPPING = "refund_shipping"
    EXPEDITE_SHIPPING = "expedite_shipping"
    EXTEND_RETURN_WINDOW = "extend_return_window"


class ActionStatus(StrEnum):
    PENDING_APPROVAL = "pending_approval"  # above the requester's authority: a supervisor decides
    EXECUTED = "executed"
    DENIED = "denied"  # a supervisor said no
    FAILED = "failed"  # the commerce system refused it at execution
