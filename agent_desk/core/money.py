"""Money and dates as customers and agents read them — one formatting for the window, the
server's customer messages and the knowledge answers. Money is always integer minor units."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

_CURRENCIES: dict[str, tuple[str, int]] = {
    "CNY": ("¥", 2),
    "RMB": ("¥", 2),
    "USD": ("$", 2),
    "EUR": ("€", 2),
    "GBP": ("£", 2),
    "HKD": ("HK$", 2),
    "TWD": ("NT$", 2),
    "JPY": ("¥", 0),
    "KRW": ("₩", 0),
}


def currency_exponent(currency: str) -> int:
    """Digits after the decimal point for the currency (2 for CNY, 0 for JPY)."""
    return _CURRENCIES.get(currency.upper(), ("", 2))[1]


def format_money(minor: int, currency: str) -> str:
    """``12345, "CNY"`` → ``¥123.45``; unknown currencies as ``123.45 XYZ``."""
    symbol, exponent = _CURRENCIES.get(currency.upper(), ("", 2))
    sign = "-" if minor < 0 else ""
    amount = abs(minor) / (10**exponent)
    number = f"{amount:,.{exponent}f}"
    if symbol:
        return f"{sign}{symbol}{number}"
    return f"{sign}{number} {currency.upper()}"


def parse_moment(value: Any) -> datetime | None:
    """A datetime from a datetime or ISO text (``Z`` accepted); None when it is neither."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    return None


def format_date(value: Any, locale: str | None) -> str | None:
    """A date (datetime, date or ISO text) the way a customer reads it in ``locale``."""
    moment: date | None
    if isinstance(value, datetime):
        moment = value.date()
    elif isinstance(value, date):
        moment = value
    else:
        parsed = parse_moment(value)
        moment = parsed.date() if parsed else None
    if moment is None:
        return None
    if locale and locale.lower().startswith("zh"):
        return f"{moment.year}年{moment.month}月{moment.day}日"
    return f"{moment.day} {moment.strftime('%b')} {moment.year}"
