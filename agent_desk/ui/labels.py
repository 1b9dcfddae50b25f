"""Translated names for the domain's values (channel, status, tier…), in one place.

Data values travel as English identifiers (``"in_transit"``); what the agent reads is the label in
their language. An unknown value (a newer server) is shown as it came, never hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from agent_desk.core.enums import (
    Channel,
    ConversationStatus,
    IdentityKind,
    LifecycleStage,
    OrderStatus,
    Presence,
    Priority,
    Role,
    ShipmentStatus,
    SlaState,
    ValueTier,
)


def channel(value: str | None) -> str:
    names: dict[str, str] = {
        Channel.CHAT: QCoreApplication.translate("Labels", "Chat"),
        Channel.EMAIL: QCoreApplication.translate("Labels", "Email"),
        Channel.PHONE: QCoreApplication.translate("Labels", "Phone"),
        Channel.SOCIAL: QCoreApplication.translate("Labels", "Social"),
        Channel.APP: QCoreApplication.translate("Labels", "App"),
    }
    return names.get(value or "", value or "")


def status(value: str | None) -> str:
    names: dict[str, str] = {
        ConversationStatus.OPEN: QCoreApplication.translate("Labels", "Open"),
        ConversationStatus.PENDING: QCoreApplication.translate("Labels", "Pending"),
        ConversationStatus.SNOOZED: QCoreApplication.translate("Labels", "Snoozed"),
        ConversationStatus.RESOLVED: QCoreApplication.translate("Labels", "Resolved"),
    }
    return names.get(value or "", value or "")


def priority(value: str | None) -> str:
    names: dict[str, str] = {
        Priority.LOW: QCoreApplication.translate("Labels", "Low"),
        Priority.NORMAL: QCoreApplication.translate("Labels", "Normal"),
        Priority.HIGH: QCoreApplication.translate("Labels", "High"),
        Priority.URGENT: QCoreApplication.translate("Labels", "Urgent"),
    }
    return names.get(value or "", value or "")


def tier(value: str | None) -> str:
    names: dict[str, str] = {
        ValueTier.STANDARD: QCoreApplication.translate("Labels", "Standard"),
        ValueTier.SILVER: QCoreApplication.translate("Labels", "Silver"),
        ValueTier.GOLD: QCoreApplication.translate("Labels", "Gold"),
        ValueTier.PLATINUM: QCoreApplication.translate("Labels", "Platinum"),
    }
    return names.get(value or "", value or "")


def stage(value: str | None) -> str:
    names: dict[str, str] = {
        LifecycleStage.NEW: QCoreApplication.translate("Labels", "New customer"),
        LifecycleStage.GROWING: QCoreApplication.translate("Labels", "Growing"),
        LifecycleStage.MATURE: QCoreApplication.translate("Labels", "Mature"),
        LifecycleStage.DECLINING: QCoreApplication.translate("Labels", "Declining"),
        LifecycleStage.CHURNED: QCoreApplication.translate("Labels", "Churned"),
    }
    return names.get(value or "", value or "")


def order_status(value: str | None) -> str:
    names: dict[str, str] = {
        OrderStatus.PENDING_PAYMENT: QCoreApplication.translate("Labels", "Awaiting payment"),
        OrderStatus.PAID: QCoreApplication.translate("Labels", "Paid"),
        OrderStatus.SHIPPED: QCoreApplication.translate("Labels", "Shipped"),
        OrderStatus.DELIVERED: QCoreApplication.translate("Labels", "Delivered"),
        OrderStatus.CANCELLED: QCoreApplication.translate("Labels", "Cancelled"),
        OrderStatus.REFUNDED: QCoreApplication.translate("Labels", "Refunded"),
        OrderStatus.PARTIALLY_REFUNDED: QCoreApplication.translate("Labels", "Partially refunded"),
    }
    return names.get(value or "", value or "")


def shipment_status(value: str | None) -> str:
    names: dict[str, str] = {
        ShipmentStatus.NOT_SHIPPED: QCoreApplication.translate("Labels", "Not shipped"),
        ShipmentStatus.LABEL_CREATED: QCoreApplication.translate("Labels", "Label created"),
        ShipmentStatus.IN_TRANSIT: QCoreApplication.translate("Labels", "In transit"),
        ShipmentStatus.OUT_FOR_DELIVERY: QCoreApplication.translate("Labels", "Out for delivery"),
        ShipmentStatus.DELIVERED: QCoreApplication.translate("Labels", "Delivered"),
        ShipmentStatus.EXCEPTION: QCoreApplication.translate("Labels", "Delivery problem"),
        ShipmentStatus.RETURNED: QCoreApplication.translate("Labels", "Returned"),
    }
    return names.get(value or "", value or "")


def identity_kind(value: str | None) -> str:
    names: dict[str, str] = {
        IdentityKind.PHONE: QCoreApplication.translate("Labels", "Phone"),
        IdentityKind.EMAIL: QCoreApplication.translate("Labels", "Email"),
        IdentityKind.WECHAT_ID: QCoreApplication.translate("Labels", "WeChat"),
        IdentityKind.APP_USER_ID: QCoreApplication.translate("Labels", "App account"),
    }
    return names.get(value or "", value or "")


def presence(value: str | None) -> str:
    names: dict[str, str] = {
        Presence.AVAILABLE: QCoreApplication.translate("Labels", "Available"),
        Presence.BUSY: QCoreApplication.translate("Labels", "Busy"),
        Presence.AWAY: QCoreApplication.translate("Labels", "Away"),
        Presence.OFFLINE: QCoreApplication.translate("Labels", "Offline"),
    }
    return names.get(value or "", value or "")


def role(value: str | None) -> str:
    names: dict[str, str] = {
        Role.AGENT: QCoreApplication.translate("Labels", "Agent"),
        Role.EXPERT: QCoreApplication.translate("Labels", "Expert"),
        Role.SUPERVISOR: QCoreApplication.translate("Labels", "Supervisor"),
        Role.ADMIN: QCoreApplication.translate("Labels", "Administrator"),
    }
    return names.get(value or "", value or "")


def sla_state(value: str | None) -> str:
    names: dict[str, str] = {
        SlaState.NONE: QCoreApplication.translate("Labels", "Nothing owed"),
        SlaState.ON_TARGET: QCoreApplication.translate("Labels", "On target"),
        SlaState.AT_RISK: QCoreApplication.translate("Labels", "At risk"),
        SlaState.BREACHED: QCoreApplication.translate("Labels", "Breached"),
    }
    return names.get(value or "", value or "")


def money(minor: int | None, currency: str | None) -> str:
    """Integer minor units as the agent reads them: ``¥1,393.00`` / ``US$12.50``."""
    if minor is None:
        return "—"
    symbols = {"CNY": "¥", "USD": "US$", "EUR": "€", "GBP": "£", "JPY": "¥", "HKD": "HK$"}
    digits = 0 if currency == "JPY" else 2
    amount = f"{minor / (10**digits):,.{digits}f}"
    symbol = symbols.get(currency or "")
    return f"{symbol}{amount}" if symbol else f"{amount} {currency or ''}".strip()


def mutation(name: str | None) -> str:
    """What kind of change a queued or refused mutation is, as the agent calls it."""
    names: dict[str, str] = {
        "message.send": QCoreApplication.translate("Labels", "Reply"),
        "note.add": QCoreApplication.translate("Labels", "Internal note"),
        "message.retry_delivery": QCoreApplication.translate("Labels", "Delivery retry"),
        "conversation.claim": QCoreApplication.translate("Labels", "Claim"),
        "conversation.assign": QCoreApplication.translate("Labels", "Assignment"),
        "conversation.set_status": QCoreApplication.translate("Labels", "Status change"),
        "conversation.snooze": QCoreApplication.translate("Labels", "Snooze"),
        "conversation.set_priority": QCoreApplication.translate("Labels", "Priority change"),
        "conversation.mark_read": QCoreApplication.translate("Labels", "Read mark"),
        "conversation.share": QCoreApplication.translate("Labels", "Invitation"),
        "conversation.unshare": QCoreApplication.translate("Labels", "Invitation withdrawn"),
        "customer.set_note": QCoreApplication.translate("Labels", "Customer note"),
        "presence.set": QCoreApplication.translate("Labels", "Availability"),
        "article.feedback": QCoreApplication.translate("Labels", "Answer feedback"),
    }
    return names.get(name or "", name or "")
