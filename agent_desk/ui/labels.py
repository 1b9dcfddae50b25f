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


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def channel(value: str | None) -> str:
    names: dict[str, str] = {
        Channel.CHAT: _t("Chat"),
        Channel.EMAIL: _t("Email"),
        Channel.PHONE: _t("Phone"),
        Channel.SOCIAL: _t("Social"),
        Channel.APP: _t("App"),
    }
    return names.get(value or "", value or "")


def status(value: str | None) -> str:
    names: dict[str, str] = {
        ConversationStatus.OPEN: _t("Open"),
        ConversationStatus.PENDING: _t("Pending"),
        ConversationStatus.SNOOZED: _t("Snoozed"),
        ConversationStatus.RESOLVED: _t("Resolved"),
    }
    return names.get(value or "", value or "")


def priority(value: str | None) -> str:
    names: dict[str, str] = {
        Priority.LOW: _t("Low"),
        Priority.NORMAL: _t("Normal"),
        Priority.HIGH: _t("High"),
        Priority.URGENT: _t("Urgent"),
    }
    return names.get(value or "", value or "")


def tier(value: str | None) -> str:
    names: dict[str, str] = {
        ValueTier.STANDARD: _t("Standard"),
        ValueTier.SILVER: _t("Silver"),
        ValueTier.GOLD: _t("Gold"),
        ValueTier.PLATINUM: _t("Platinum"),
    }
    return names.get(value or "", value or "")


def stage(value: str | None) -> str:
    names: dict[str, str] = {
        LifecycleStage.NEW: _t("New customer"),
        LifecycleStage.GROWING: _t("Growing"),
        LifecycleStage.MATURE: _t("Mature"),
        LifecycleStage.DECLINING: _t("Declining"),
        LifecycleStage.CHURNED: _t("Churned"),
    }
    return names.get(value or "", value or "")


def order_status(value: str | None) -> str:
    names: dict[str, str] = {
        OrderStatus.PENDING_PAYMENT: _t("Awaiting payment"),
        OrderStatus.PAID: _t("Paid"),
        OrderStatus.SHIPPED: _t("Shipped"),
        OrderStatus.DELIVERED: _t("Delivered"),
        OrderStatus.CANCELLED: _t("Cancelled"),
        OrderStatus.REFUNDED: _t("Refunded"),
        OrderStatus.PARTIALLY_REFUNDED: _t("Partially refunded"),
    }
    return names.get(value or "", value or "")


def shipment_status(value: str | None) -> str:
    names: dict[str, str] = {
        ShipmentStatus.NOT_SHIPPED: _t("Not shipped"),
        ShipmentStatus.LABEL_CREATED: _t("Label created"),
        ShipmentStatus.IN_TRANSIT: _t("In transit"),
        ShipmentStatus.OUT_FOR_DELIVERY: _t("Out for delivery"),
        ShipmentStatus.DELIVERED: _t("Delivered"),
        ShipmentStatus.EXCEPTION: _t("Delivery problem"),
        ShipmentStatus.RETURNED: _t("Returned"),
    }
    return names.get(value or "", value or "")


def identity_kind(value: str | None) -> str:
    names: dict[str, str] = {
        IdentityKind.PHONE: _t("Phone"),
        IdentityKind.EMAIL: _t("Email"),
        IdentityKind.WECHAT_ID: _t("WeChat"),
        IdentityKind.APP_USER_ID: _t("App account"),
    }
    return names.get(value or "", value or "")


def presence(value: str | None) -> str:
    names: dict[str, str] = {
        Presence.AVAILABLE: _t("Available"),
        Presence.BUSY: _t("Busy"),
        Presence.AWAY: _t("Away"),
        Presence.OFFLINE: _t("Offline"),
    }
    return names.get(value or "", value or "")


def role(value: str | None) -> str:
    names: dict[str, str] = {
        Role.AGENT: _t("Agent"),
        Role.EXPERT: _t("Expert"),
        Role.SUPERVISOR: _t("Supervisor"),
        Role.ADMIN: _t("Administrator"),
    }
    return names.get(value or "", value or "")


def sla_state(value: str | None) -> str:
    names: dict[str, str] = {
        SlaState.NONE: _t("Nothing owed"),
        SlaState.ON_TARGET: _t("On target"),
        SlaState.AT_RISK: _t("At risk"),
        SlaState.BREACHED: _t("Breached"),
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
