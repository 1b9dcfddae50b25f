"""Authority: what an agent may do on their own, and when an action needs a supervisor.

Pure policy evaluation, shared by the server (which enforces it on every request) and the client
(which shows it before the agent confirms: "up to ¥800 for this Gold customer; ¥2,350 of today's
¥5,000 left"). No I/O; money is integer minor units of ``Policy.currency``.

The policy is a table of :class:`Limit` rows — one per role × value tier × action type — plus a
daily total per role. :func:`evaluate` answers one question for one intended action:

- ``allowed=False``: the request is refused outright (the role never acts, e.g. experts, or the
  amount is more than the order has left to refund);
- ``allowed=True, needs_approval=False``: within the requester's own authority — it runs now;
- ``allowed=True, needs_approval=True``: valid but beyond it — it becomes an approval request,
  and ``reason_code`` names the limit it crossed.

Usage (the client, with the records it synced)::

    policy = policy_from_dict(policy_record)
    decision = evaluate(policy, role=Role.AGENT, tier=ValueTier.GOLD, action=ActionType.REFUND,
                        amount_minor=19_900, currency="CNY", order_total_minor=19_900,
                        refundable_minor=19_900, used_today_minor=265_000)
    decision.limit_minor, decision.remaining_minor   # 80_000, 235_000
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from agent_desk.core.enums import ActionType, Role, ValueTier
from agent_desk.core.money import format_money

# Money an agent moves on their own and that counts against the daily total. A reship has a
# value (the items sent again) and needs authority by that value, but it is not money paid out.
# Cancelling gives the customer's payment back: it counts when money goes back (a paid order).
MONEY_ACTIONS: frozenset[ActionType] = frozenset(
    {
        ActionType.REFUND,
        ActionType.REFUND_NO_RETURN,
        ActionType.COUPON,
        ActionType.STORE_CREDIT,
        ActionType.REFUND_SHIPPING,
        ActionType.CANCEL_ORDER,
    }
)
DAILY_TOTAL_ACTIONS = MONEY_ACTIONS
# What a customer was given for their trouble: the per-customer total over the window. (Not a
# cancellation, which returns their own money for goods that never left, nor a reship.)
COMPENSATION_ACTIONS: frozenset[ActionType] = MONEY_ACTIONS - {ActionType.CANCEL_ORDER}
# Actions paid out of the order's payment: never more than was paid minus already refunded.
REFUND_ACTIONS: frozenset[ActionType] = frozenset(
    {
        ActionType.REFUND,
        ActionType.REFUND_NO_RETURN,
        ActionType.REFUND_SHIPPING,
        ActionType.CANCEL_ORDER,
    }
)

# Decision.reason_code values.
WITHIN_AUTHORITY = "within_authority"
ROLE_CANNOT_ACT = "role_cannot_act"  # refused: this role has no authority at all
AMOUNT_EXCEEDS_REFUNDABLE = "amount_exceeds_refundable"  # refused
NOT_AUTHORIZED_FOR_TIER = "not_authorized_for_tier"  # approval: not for this tier / action
OVER_ACTION_LIMIT = "over_action_limit"  # approval: above the per-action maximum
OVER_DAILY_TOTAL = "over_daily_total"  # approval: above what is left of today's total
CURRENCY_NOT_IN_POLICY = "currency_not_in_policy"  # approval: limits are in another currency
OVER_ORDER_LIMIT = "over_order_limit"  # approval: this type on this order, over the window
OVER_CUSTOMER_LIMIT = "over_customer_limit"  # approval: this type for this customer, window
OVER_CUSTOMER_TOTAL = "over_customer_total"  # approval: all compensation for this customer
OVER_COUNT_LIMIT = "over_count_limit"  # approval: e.g. a second reship of one order
OVER_DAYS_LIMIT = "over_days_limit"  # approval: a longer extension than the role may give


class PolicyError(ValueError):
    """The policy is malformed (duplicate rows, negative amounts, shares outside 0..1 …)."""


@dataclass(frozen=True, slots=True)
class Limit:
    """What one role may do for one value tier with one action type, on its own authority."""

    role: Role
    tier: ValueTier
    action: ActionType
    allowed: bool = True
    max_minor: int | None = None  # per action; None: no amount limit
    max_share: float | None = None  # of the order's total (0..1); None: no share limit
    # over the policy's window (rolling, ``window_days``), this action type, this one included:
    per_order_minor: int | None = None  # on one order
    per_customer_minor: int | None = None  # for one customer
    max_per_order: int | None = None  # how many times on one order (ever), this one included
    max_days: int | None = None  # extend_return_window: the most days per extension


@dataclass(frozen=True, slots=True)
class Policy:
    version: int
    currency: str
    limits: tuple[Limit, ...]
    daily_total_minor: Mapping[str, int] = field(default_factory=dict)  # role -> minor units
    window_days: int = 30  # the rolling window of the per-order and per-customer limits
    # role -> tier -> minor units: all compensation (COMPENSATION_ACTIONS) for one customer
    customer_total_minor: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    def limit(self, role: Role, tier: ValueTier, action: ActionType) -> Limit | None:
        for row in self.limits:
            if row.role is role and row.tier is tier and row.action is action:
                return row
        return None

    def can_act(self, role: Role) -> bool:
        """Whether the role has any authority at all (else its requests are refused)."""
        return any(row.role is role and row.allowed for row in self.limits)

    def daily_total(self, role: Role) -> int | None:
        value = self.daily_total_minor.get(role.value)
        return None if value is None else int(value)

    def customer_total(self, role: Role, tier: ValueTier) -> int | None:
        value = self.customer_total_minor.get(role.value, {}).get(tier.value)
        return None if value is None else int(value)

    def validate(self) -> None:
        if len(self.currency) != 3 or not self.currency.isalpha() or not self.currency.isupper():
            raise PolicyError("the currency must be an ISO-4217 code such as CNY")
        if self.version < 1:
            raise PolicyError("the version starts at 1")
        seen: set[tuple[Role, ValueTier, ActionType]] = set()
        for row in self.limits:
            key = (row.role, row.tier, row.action)
            if key in seen:
                raise PolicyError(
                    f"two limits for {row.role.value}/{row.tier.value}/{row.action.value}"
                )
            seen.add(key)
            if row.max_minor is not None and row.max_minor < 0:
                raise PolicyError("max_minor cannot be negative")
            if row.max_share is not None and not 0.0 <= row.max_share <= 1.0:
                raise PolicyError("max_share is a share of the order total between 0 and 1")
            for name in ("per_order_minor", "per_customer_minor", "max_days"):
                value = getattr(row, name)
                if value is not None and value < 0:
                    raise PolicyError(f"{name} cannot be negative")
            if row.max_per_order is not None and row.max_per_order < 1:
                raise PolicyError("max_per_order is at least 1 (not allowed: allowed=false)")
        if not 1 <= self.window_days <= 90:
            raise PolicyError("window_days is between 1 and 90")
        for role, tiers in self.customer_total_minor.items():
            if role not in {r.value for r in Role}:
                raise PolicyError(f"unknown role {role!r} in customer_total_minor")
            for tier, total in tiers.items():
                if tier not in {t.value for t in ValueTier}:
                    raise PolicyError(f"unknown tier {tier!r} in customer_total_minor")
                if total < 0:
                    raise PolicyError("a customer total cannot be negative")
        for role, total in self.daily_total_minor.items():
            if role not in {r.value for r in Role}:
                raise PolicyError(f"unknown role {role!r} in daily_total_minor")
            if total < 0:
                raise PolicyError("a daily total cannot be negative")


@dataclass(frozen=True, slots=True)
class CaseUse:
    """What was already done for this case, as the limits count it (``core.resolution.case_use``
    works it out from the actions executed over the policy's window)."""

    order_type_minor: int = 0  # this action type on this order
    customer_type_minor: int = 0  # this action type for this customer
    customer_total_minor: int = 0  # all compensation for this customer
    order_type_count: int = 0  # times this action type ran on this order (ever)


@dataclass(frozen=True, slots=True)
class Crossing:
    """One limit the action goes beyond (so a supervisor must approve it).

    ``limit`` and ``used`` are minor units of the policy currency, a count, or days (``unit``).
    """

    code: str
    limit: int | None
    used: int = 0
    unit: str = "money"  # money | count | days


@dataclass(frozen=True, slots=True)
class Allowance:
    """One limit that applies, and how much of it is used before this action (for display:
    "¥600 of ¥1,000 left for this customer in 30 days")."""

    kind: str  # per_action | per_order | per_customer | customer_total | daily_total | count | days
    limit: int
    used: int = 0
    unit: str = "money"

    @property
    def left(self) -> int:
        return max(0, self.limit - self.used)


@dataclass(frozen=True, slots=True)
class Decision:
    """The answer for one intended action. Amounts are minor units of the policy currency."""

    allowed: bool  # False: refused outright
    needs_approval: bool  # True: valid but beyond the requester's own authority
    reason_code: str  # one of the module's reason constants (the first limit crossed)
    limit_minor: int | None  # the per-action maximum here (None: no amount limit)
    remaining_minor: int | None  # what is left of today's total before this action
    daily_total_minor: int | None  # today's total for the role (None: no daily total)
    message: str  # English, every limit crossed named, for logs, audit and API messages
    crossed: tuple[Crossing, ...] = ()  # every limit this action goes beyond
    allowances: tuple[Allowance, ...] = ()  # every limit that applies, with what is used

    @property
    def within_authority(self) -> bool:
        return self.allowed and not self.needs_approval


def _share_of(total_minor: int, share: float) -> int:
    """``share`` of an amount, rounded down, in integers (basis points): never a float sum."""
    basis_points = round(share * 10_000)
    return total_minor * basis_points // 10_000


def evaluate(
    policy: Policy,
    *,
    role: Role,
    tier: ValueTier,
    action: ActionType,
    amount_minor: int,
    currency: str,
    order_total_minor: int | None = None,
    refundable_minor: int | None = None,
    used_today_minor: int = 0,
    for_approval: bool = False,
    use: CaseUse | None = None,
    days: int | None = None,
) -> Decision:
    """Decide whether ``role`` may run ``action`` for a ``tier`` customer on its own authority.

    Args:
        amount_minor: the money the action moves (a reship: the value of the items sent again;
            0 for actions without an amount).
        currency: the action's (= the order's) currency.
        order_total_minor: the order's total, for share limits (None: share limits are skipped).
        refundable_minor: paid minus already refunded, for refund-like actions (None: unknown).
        used_today_minor: what this agent already moved today (policy currency).
        for_approval: evaluating an approver rather than a requester: an amount in another
            currency than the policy's is accepted on the approver's judgement (amount limits
            cannot be compared); every other limit still applies.
        use: what was already done for this order and customer over the policy's window (None:
            nothing, e.g. a preview before anything synced); the cumulative limits count it.
        days: the days an extension of the return window asks for.
    """
    daily = policy.daily_total(role)
    counts = action in DAILY_TOTAL_ACTIONS and currency == policy.currency
    remaining = None if daily is None else max(0, daily - used_today_minor)
    case = use or CaseUse()

    def decide(
        allowed: bool,
        approval: bool,
        code: str,
        limit: int | None,
        message: str,
        crossed: tuple[Crossing, ...] = (),
        allowances: tuple[Allowance, ...] = (),
    ) -> Decision:
        return Decision(
            allowed, approval, code, limit, remaining, daily, message, crossed, allowances
        )

    if not policy.can_act(role):
        return decide(False, False, ROLE_CANNOT_ACT, None, f"{_a(role)} cannot run actions")
    if (
        action in REFUND_ACTIONS
        and refundable_minor is not None
        and amount_minor > refundable_minor
    ):
        return decide(
            False,
            False,
            AMOUNT_EXCEEDS_REFUNDABLE,
            None,
            f"{format_money(amount_minor, currency)} is more than the "
            f"{format_money(refundable_minor, currency)} left to refund on this order",
        )
    row = policy.limit(role, tier, action)
    if row is None or not row.allowed:
        crossing = Crossing(NOT_AUTHORIZED_FOR_TIER, None)
        return decide(
            True,
            True,
            NOT_AUTHORIZED_FOR_TIER,
            None,
            f"{_a(role)} may not {_verb(action)} for a {tier.value} customer on their own",
            (crossing,),
        )
    amount_cap = row.max_minor
    comparable = currency == policy.currency
    if not comparable and amount_minor > 0 and amount_cap is not None:
        if not for_approval:
            return decide(
                True,
                True,
                CURRENCY_NOT_IN_POLICY,
                None,
                f"limits are in {policy.currency}; an amount in {currency} needs a supervisor",
                (Crossing(CURRENCY_NOT_IN_POLICY, None),),
            )
        amount_cap = None  # not comparable: the approver's judgement decides
    share_cap = (
        None
        if row.max_share is None or order_total_minor is None
        else _share_of(order_total_minor, row.max_share)
    )
    caps = [c for c in (amount_cap, share_cap) if c is not None]
    limit = min(caps) if caps else None

    allowances: list[Allowance] = []
    crossed: list[Crossing] = []
    reasons: list[str] = []
    money = format_money
    window = policy.window_days

    def money_limit(kind: str, code: str, cap: int | None, used: int, why: str) -> None:
        if cap is None or not comparable:
            return
        allowances.append(Allowance(kind, cap, used))
        if amount_minor > 0 and used + amount_minor > cap:
            crossed.append(Crossing(code, cap, used))
            reasons.append(why.format(used=money(used, currency), cap=money(cap, currency)))

    if limit is not None:
        allowances.append(Allowance("per_action", limit, 0))
        if amount_minor > limit:
            crossed.append(Crossing(OVER_ACTION_LIMIT, limit, 0))
            reasons.append(
                f"{money(amount_minor, currency)} is above the {money(limit, currency)} "
                f"{_a(role)} may {_verb(action)} for a {tier.value} customer"
            )
    money_limit(
        "per_order",
        OVER_ORDER_LIMIT,
        row.per_order_minor,
        case.order_type_minor,
        "{used} " + f"{_done(action)} on this order in {window} days; "
        "the limit is {cap} per order",
    )
    money_limit(
        "per_customer",
        OVER_CUSTOMER_LIMIT,
        row.per_customer_minor,
        case.customer_type_minor,
        "{used} " + f"{_done(action)} for this customer in {window} days; "
        "the limit is {cap} per customer",
    )
    if action in COMPENSATION_ACTIONS:
        money_limit(
            "customer_total",
            OVER_CUSTOMER_TOTAL,
            policy.customer_total(role, tier),
            case.customer_total_minor,
            "{used} " + f"given to this customer in {window} days; "
            f"{_a(role)} gives a {tier.value} customer at most " + "{cap}",
        )
    if row.max_per_order is not None:
        allowances.append(Allowance("count", row.max_per_order, case.order_type_count, "count"))
        if case.order_type_count + 1 > row.max_per_order:
            crossed.append(
                Crossing(OVER_COUNT_LIMIT, row.max_per_order, case.order_type_count, "count")
            )
            reasons.append(
                f"this order already had {case.order_type_count} × {_verb(action)}; "
                f"{_a(role)} may {_verb(action)} {row.max_per_order}× per order"
            )
    if row.max_days is not None and days is not None:
        allowances.append(Allowance("days", row.max_days, 0, "days"))
        if days > row.max_days:
            crossed.append(Crossing(OVER_DAYS_LIMIT, row.max_days, 0, "days"))
            reasons.append(f"{days} days is more than the {row.max_days} {_a(role)} may give")
    if counts and remaining is not None:
        allowances.append(Allowance("daily_total", daily or 0, used_today_minor))
        if amount_minor > remaining:
            crossed.append(Crossing(OVER_DAILY_TOTAL, daily, used_today_minor))
            reasons.append(
                f"{money(amount_minor, currency)} is more than the "
                f"{money(remaining, currency)} left of today's {money(daily or 0, currency)}"
            )
    if crossed:
        return decide(
            True,
            True,
            crossed[0].code,
            limit,
            "; ".join(reasons),
            tuple(crossed),
            tuple(allowances),
        )
    return decide(
        True,
        False,
        WITHIN_AUTHORITY,
        limit,
        describe(policy, limit, remaining, tier),
        (),
        tuple(allowances),
    )


def describe(
    policy: Policy, limit_minor: int | None, remaining_minor: int | None, tier: ValueTier
) -> str:
    """ "up to ¥800.00 for this gold customer; ¥2,350.00 of today's ¥5,000.00 left" (English)."""
    cur = policy.currency
    head = "no amount limit" if limit_minor is None else f"up to {format_money(limit_minor, cur)}"
    text = f"{head} for this {tier.value} customer"
    if remaining_minor is not None:
        return text + f"; {format_money(remaining_minor, cur)} of today's total left"
    return text


def _done(action: ActionType) -> str:
    return {
        ActionType.REFUND: "refunded",
        ActionType.REFUND_NO_RETURN: "refunded without a return",
        ActionType.RESHIP: "reshipped",
        ActionType.COUPON: "given in coupons",
        ActionType.STORE_CREDIT: "given in store credit",
        ActionType.CANCEL_ORDER: "returned by cancelling",
        ActionType.REFUND_SHIPPING: "refunded for shipping",
        ActionType.EXPEDITE_SHIPPING: "spent on express shipping",
        ActionType.EXTEND_RETURN_WINDOW: "extended",
    }[action]


def _a(role: Role) -> str:
    return f"{'an' if role.value[0] in 'aeiou' else 'a'} {role.value}"


def _verb(action: ActionType) -> str:
    return {
        ActionType.REFUND: "refund",
        ActionType.REFUND_NO_RETURN: "refund without a return",
        ActionType.RESHIP: "reship",
        ActionType.COUPON: "give a coupon",
        ActionType.STORE_CREDIT: "give store credit",
        ActionType.CANCEL_ORDER: "cancel an order",
        ActionType.REFUND_SHIPPING: "refund shipping",
        ActionType.EXPEDITE_SHIPPING: "expedite shipping",
        ActionType.EXTEND_RETURN_WINDOW: "extend the return window",
    }[action]


# --- (de)serialisation: the ``authority_policy`` record's data ---------------------------------


def _optional_int(row: Mapping[str, Any], key: str) -> int | None:
    value = row.get(key)
    return None if value is None else int(value)


def policy_from_dict(data: Mapping[str, Any]) -> Policy:
    """A policy from its record (``AuthorityPolicyData`` as JSON); raises PolicyError.

    ``cumulative`` holds the policy-wide cumulative settings (``window_days`` and
    ``customer_total_minor``); a record without it has no cumulative limits.
    """
    try:
        limits = tuple(
            Limit(
                role=Role(row["role"]),
                tier=ValueTier(row["tier"]),
                action=ActionType(row["action"]),
                allowed=bool(row.get("allowed", True)),
                max_minor=_optional_int(row, "max_minor"),
                max_share=None if row.get("max_share") is None else float(row["max_share"]),
                per_order_minor=_optional_int(row, "per_order_minor"),
                per_customer_minor=_optional_int(row, "per_customer_minor"),
                max_per_order=_optional_int(row, "max_per_order"),
                max_days=_optional_int(row, "max_days"),
            )
            for row in data.get("limits", [])
        )
        daily = {str(k): int(v) for k, v in dict(data.get("daily_total_minor", {})).items()}
        cumulative = dict(data.get("cumulative") or {})
        customer = {
            str(role): {str(tier): int(v) for tier, v in dict(tiers).items()}
            for role, tiers in dict(cumulative.get("customer_total_minor") or {}).items()
        }
        policy = Policy(
            version=int(data.get("version", 1)),
            currency=str(data.get("currency", "")),
            limits=limits,
            daily_total_minor=daily,
            window_days=int(cumulative.get("window_days", 30)),
            customer_total_minor=customer,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise PolicyError(f"malformed policy: {exc}") from None
    policy.validate()
    return policy


def policy_to_dict(policy: Policy) -> dict[str, Any]:
    """The JSON-ready fields of the record (without ``id`` and ``updated_at``)."""
    return {
        "version": policy.version,
        "currency": policy.currency,
        "limits": [
            {
                "role": row.role.value,
                "tier": row.tier.value,
                "action": row.action.value,
                "allowed": row.allowed,
                "max_minor": row.max_minor,
                "max_share": row.max_share,
                "per_order_minor": row.per_order_minor,
                "per_customer_minor": row.per_customer_minor,
                "max_per_order": row.max_per_order,
                "max_days": row.max_days,
            }
            for row in policy.limits
        ],
        "daily_total_minor": dict(policy.daily_total_minor),
        "cumulative": {
            "window_days": policy.window_days,
            "customer_total_minor": {k: dict(v) for k, v in policy.customer_total_minor.items()},
        },
    }


# --- the defaults that ship ---------------------------------------------------------------------

_TIERS = (ValueTier.STANDARD, ValueTier.SILVER, ValueTier.GOLD, ValueTier.PLATINUM)
_NO = -1  # in the tables below: not on this role's own authority for this tier
_ANY = None  # allowed, no amount limit

# yuan per tier (standard, silver, gold, platinum); converted to fen below
_AGENT: dict[ActionType, tuple[int | None, ...]] = {
    ActionType.REFUND: (200, 500, 800, 2_000),
    ActionType.REFUND_NO_RETURN: (_NO, _NO, 300, 800),
    ActionType.RESHIP: (200, 500, 1_000, 3_000),
    ActionType.COUPON: (50, 100, 200, 300),
    ActionType.STORE_CREDIT: (50, 100, 200, 500),
    ActionType.CANCEL_ORDER: (_ANY, _ANY, _ANY, _ANY),
    ActionType.REFUND_SHIPPING: (15, 20, 30, 50),
    ActionType.EXPEDITE_SHIPPING: (_ANY, _ANY, _ANY, _ANY),
    ActionType.EXTEND_RETURN_WINDOW: (_ANY, _ANY, _ANY, _ANY),
}
_SUPERVISOR: dict[ActionType, tuple[int | None, ...]] = {
    ActionType.REFUND: (2_000, 5_000, 8_000, 20_000),
    ActionType.REFUND_NO_RETURN: (500, 1_000, 2_000, 5_000),
    ActionType.RESHIP: (2_000, 5_000, 10_000, 30_000),
    ActionType.COUPON: (200, 500, 1_000, 2_000),
    ActionType.STORE_CREDIT: (500, 1_000, 2_000, 5_000),
    ActionType.CANCEL_ORDER: (_ANY, _ANY, _ANY, _ANY),
    ActionType.REFUND_SHIPPING: (100, 100, 100, 100),
    ActionType.EXPEDITE_SHIPPING: (_ANY, _ANY, _ANY, _ANY),
    ActionType.EXTEND_RETURN_WINDOW: (_ANY, _ANY, _ANY, _ANY),
}
# a refund is never more than the order: share limit 100% (what is left is checked separately)
_SHARE = {ActionType.REFUND: 1.0, ActionType.REFUND_NO_RETURN: 1.0, ActionType.REFUND_SHIPPING: 1.0}
# cumulative limits (over the 30-day window): the per-action limit holds for one order in all
# (five refunds of ¥200 are one refund of ¥1,000), twice that for one customer
_PER_ORDER = {
    ActionType.REFUND,
    ActionType.REFUND_NO_RETURN,
    ActionType.REFUND_SHIPPING,
    ActionType.RESHIP,
}
_PER_CUSTOMER = _PER_ORDER | {ActionType.COUPON, ActionType.STORE_CREDIT}
_COUNTS = {
    Role.AGENT: {
        ActionType.RESHIP: 1,
        ActionType.EXTEND_RETURN_WINDOW: 1,
        ActionType.EXPEDITE_SHIPPING: 1,
        ActionType.REFUND_SHIPPING: 1,
    },
    Role.SUPERVISOR: {
        ActionType.RESHIP: 2,
        ActionType.EXTEND_RETURN_WINDOW: 2,
        ActionType.EXPEDITE_SHIPPING: 2,
        ActionType.REFUND_SHIPPING: 1,
    },
}
_DAYS = {Role.AGENT: 30, Role.SUPERVISOR: 90}
# all compensation for one customer in 30 days, yuan per tier
_CUSTOMER_TOTAL = {
    Role.AGENT: (400, 1_000, 1_600, 4_000),
    Role.SUPERVISOR: (4_000, 10_000, 16_000, 40_000),
}


def _rows(role: Role, table: Mapping[ActionType, tuple[int | None, ...]]) -> Iterable[Limit]:
    for action, per_tier in table.items():
        for tier, yuan in zip(_TIERS, per_tier, strict=True):
            cap = None if yuan is None or yuan == _NO else yuan * 100
            yield Limit(
                role=role,
                tier=tier,
                action=action,
                allowed=yuan != _NO,
                max_minor=cap,
                max_share=_SHARE.get(action),
                per_order_minor=cap if action in _PER_ORDER else None,
                per_customer_minor=None if cap is None or action not in _PER_CUSTOMER else 2 * cap,
                max_per_order=_COUNTS.get(role, {}).get(action),
                max_days=_DAYS.get(role) if action is ActionType.EXTEND_RETURN_WINDOW else None,
            )


def _admin_rows() -> Iterable[Limit]:
    for action in ActionType:
        for tier in _TIERS:
            yield Limit(Role.ADMIN, tier, action, True, None, _SHARE.get(action))


DEFAULT_POLICY = Policy(
    version=1,
    currency="CNY",
    limits=(
        *_rows(Role.AGENT, _AGENT),
        *_rows(Role.SUPERVISOR, _SUPERVISOR),
        *_admin_rows(),
    ),  # experts: no rows, no authority
    daily_total_minor={
        Role.AGENT.value: 500_000,  # ¥5,000
        Role.SUPERVISOR.value: 5_000_000,  # ¥50,000
        Role.ADMIN.value: 20_000_000,  # ¥200,000
    },
    window_days=30,
    customer_total_minor={
        role.value: {tier.value: yuan * 100 for tier, yuan in zip(_TIERS, per_tier, strict=True)}
        for role, per_tier in _CUSTOMER_TOTAL.items()
    },
)
