"""Resolution actions: ``action.request``, ``action.approve``, ``action.deny``.

Everything money depends on comes from the server's own data — the customer's value tier, the
order's payment and shipment, the requester's role, today's used total — never from the request
(whose extra fields the argument model refuses). A request is checked in this order:

1. the conversation, with visibility (another team's → ``not_found``), and the right to act on it;
2. the order: the conversation's customer's (else ``not_found``), locked for the transaction
   (``tx.lock_key("order", id)`` + ``SELECT … FOR UPDATE`` on PostgreSQL; SQLite has one writer);
3. the catalog: a known reason code, the type's parameters, an order if the type needs one;
4. the order's state, by the rule book both sides share (``core.resolution.plan_action``: its
   refusal codes are listed there);
5. the authority (``core.authority.evaluate``) with today's total of the requester and what was
   done for this order and customer over the policy's window (``core.resolution.case_use``),
   under a lock per agent and one per customer, so concurrent requests cannot both spend the
   same remainder; every limit crossed is named in the approval request.

Within authority it runs at once through the commerce adapter; beyond it, it is stored as
``pending_approval`` with the limit it crossed. A supervisor or admin other than the requester
approves (re-validated against the order as it is then, and against the approver's own limits) or
denies it. Every step — and every refusal — is audited; results reach clients through the feed:
the action, the order, the customer, the agent's usage, a system line in the conversation and the
customer-facing message.

Today's total is the UTC day: executed money-moving actions (``core.authority.DAILY_TOTAL_ACTIONS``)
in the policy currency whose ``authorized_by`` is the agent (the requester, or the approver of an
approved action).
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta
from functools import partial
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from agent_desk.core import authority, catalog, playbook, resolution, sla
from agent_desk.core.authority import DAILY_TOTAL_ACTIONS, Decision
from agent_desk.core.enums import (
    ActionStatus,
    ActionType,
    MessageKind,
    Role,
    ValueTier,
)
from agent_desk.core.errors import (
    AmountExceedsRefundable,
    DomainError,
    Forbidden,
    InvalidArguments,
    InvalidState,
    NotAllowed,
    NotFound,
)
from agent_desk.core.ids import is_valid_id
from agent_desk.core.money import format_money
from agent_desk.core.resolution import OrderFacts, PastAction, Plan
from agent_desk.protocol import MutationError, MutationIn
from agent_desk.protocol import mutations as m
from agent_desk.server.audit import log as audit
from agent_desk.server.auth.accounts import Viewer
from agent_desk.server.cases.timeline import (
    append_message,
    clock_of,
    clock_values,
    preview,
    require_actor,
    update_conversation,
)
from agent_desk.server.feed.records import conversation_scope
from agent_desk.server.feed.visibility import can_see_conversation, load_conversation
from agent_desk.server.mutations.handler import Handler
from agent_desk.server.resolution.authority_policy import current_policy
from agent_desk.server.resolution.commerce import Commerce, CommerceRefused, Execution
from agent_desk.server.resolution.daily_spend import day_of, publish_usage, used_on
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Scope, WriteTx, utcnow

log = logging.getLogger(__name__)

Result = dict[str, Any]
_Row = sa.Row[Any]
_MESSAGE_NS = uuid.UUID("6f1d3c2a-9b7e-4e55-8a0c-2d4f6b8e1a37")


def _audit(tx: WriteTx, what: str, actor_id: str | None, action_id: str, **detail: Any) -> None:
    """One audit entry about an action (its request, approval, denial, execution, failure)."""
    audit.record(tx, what, actor_id=actor_id, entity="action", entity_id=action_id, **detail)


# --- loading ------------------------------------------------------------------------------------


def _customer(conn: Connection, customer_id: str) -> _Row:
    return conn.execute(sa.select(t.customers).where(t.customers.c.id == customer_id)).one()


def _order(tx: WriteTx, order_id: str, customer_id: str) -> dict[str, Any]:
    tx.lock_key("order", order_id)
    query = sa.select(t.orders).where(t.orders.c.id == order_id)
    if tx.dialect == "postgresql":
        query = query.with_for_update()
    row = tx.conn.execute(query).first()
    if row is None or row.customer_id != customer_id:
        raise NotFound("order not found")  # another customer's order: as if it did not exist
    return dict(row._mapping)


def _agent(conn: Connection, agent_id: str) -> _Row:
    return conn.execute(sa.select(t.agents).where(t.agents.c.id == agent_id)).one()


def _action(tx: WriteTx, action_id: str) -> _Row | None:
    query = sa.select(t.actions).where(t.actions.c.id == action_id)
    if tx.dialect == "postgresql":
        query = query.with_for_update()
    return tx.conn.execute(query).first()


# --- messages -----------------------------------------------------------------------------------


def _zh(locale: str) -> bool:
    return locale.lower().startswith("zh")


def _name(agent: _Row, zh: bool) -> str:
    head, _, tail = str(agent.display_name).partition(" ")
    if tail and any("\u4e00" <= ch <= "\u9fff" for ch in head):
        return head if zh else tail
    return str(agent.display_name)


def _message_id(action_id: str, step: str) -> str:
    return str(uuid.uuid5(_MESSAGE_NS, f"{action_id}:{step}"))


def _what(action: _Row, zh: bool, order_no: str | None) -> str:
    kind = ActionType(action.type)
    label = catalog.CATALOG[kind]["label_zh" if zh else "label_en"]
    amount = (
        f" {format_money(int(action.amount_minor), action.currency)}" if action.amount_minor else ""
    )
    reason = catalog.reason_label(kind, action.reason_code, zh)
    if zh:
        where = f"订单 {order_no}，" if order_no else ""
        return f"「{label}」{amount}（{where}原因：{reason}）"
    where = f"order {order_no}, " if order_no else ""
    return f"“{label}”{amount} ({where}reason: {reason})"


_ZH_LIMITS = {
    authority.OVER_ACTION_LIMIT: "超出单笔权限 {limit}",
    authority.OVER_ORDER_LIMIT: "该订单 {days} 天内已处理 {used}，每单上限 {limit}",
    authority.OVER_CUSTOMER_LIMIT: "该客户 {days} 天内已处理 {used}，每位客户上限 {limit}",
    authority.OVER_CUSTOMER_TOTAL: "该客户 {days} 天内已获补偿 {used}，补偿总额上限 {limit}",
    authority.OVER_DAILY_TOTAL: "今日已用 {used}，每日额度 {limit}",
    authority.OVER_COUNT_LIMIT: "该订单已处理 {used} 次，每单最多 {limit} 次",
    authority.OVER_DAYS_LIMIT: "超过可延长的 {limit} 天",
    authority.CURRENCY_NOT_IN_POLICY: "非政策币种的金额需主管审批",
    authority.NOT_AUTHORIZED_FOR_TIER: "该客户等级不在本人权限内",
}


def _why(decision: Decision, zh: bool, currency: str, window_days: int) -> str:
    """Every limit the request crossed, in the conversation's language."""
    if not zh:
        return decision.message
    parts = []
    for crossing in decision.crossed:

        def shown(value: int | None, unit: str = crossing.unit) -> str:
            if value is None:
                return ""
            return format_money(value, currency) if unit == "money" else str(value)

        text = _ZH_LIMITS.get(crossing.code, "超出本人权限")
        parts.append(
            text.format(limit=shown(crossing.limit), used=shown(crossing.used), days=window_days)
        )
    return "；".join(parts) or "超出本人权限"


def _crossings(decision: Decision) -> list[dict[str, Any]]:
    """The limits crossed, for the client to name them in the agent's language."""
    return [
        {"code": c.code, "limit": c.limit, "used": c.used, "unit": c.unit} for c in decision.crossed
    ]


def _past(
    conn: Connection, customer_id: str, order_id: str | None, now: datetime, window_days: int
) -> list[PastAction]:
    """Executed actions the cumulative limits count: the customer's over the window, and every
    one on this order (for the per-order counts)."""
    a = t.actions.c
    since = now - timedelta(days=window_days)
    recent = a.executed_at >= since
    where = recent if order_id is None else sa.or_(recent, a.order_id == order_id)
    rows = conn.execute(
        sa.select(a.type, a.amount_minor, a.currency, a.executed_at, a.order_id).where(
            a.customer_id == customer_id, a.status == ActionStatus.EXECUTED.value, where
        )
    ).all()
    past = [PastAction.of(dict(r._mapping)) for r in rows]
    return [x for x in past if x is not None]


def _order_facts(order: dict[str, Any] | None) -> OrderFacts | None:
    return None if order is None else OrderFacts.of(order)


def _authority(
    tx: WriteTx,
    viewer: Viewer,
    customer: _Row,
    kind: ActionType,
    plan: Plan,
    order: dict[str, Any] | None,
    currency: str,
    now: datetime,
    *,
    for_approval: bool,
) -> tuple[authority.Policy, int, Decision]:
    """The viewer's authority for this action on this case: (policy, today's use, decision).

    Locks first — the agent's (one agent's requests spend today's total in turn) and the
    customer's (the cumulative allowance is spent in turn) — then counts what was done.
    """
    policy = current_policy(tx.conn)
    tx.lock_key("authority", viewer.agent_id)
    tx.lock_key("customer_authority", customer.id)
    used = used_on(tx.conn, viewer.agent_id, day_of(now), policy.currency)
    facts = _order_facts(order)
    order_id = None if order is None else str(order["id"])
    use = resolution.case_use(
        kind,
        facts,
        _past(tx.conn, customer.id, order_id, now, policy.window_days),
        now=now,
        window_days=policy.window_days,
        currency=currency,
    )
    decision = authority.evaluate(
        policy,
        role=viewer.role,
        tier=ValueTier(customer.value_tier),
        action=kind,
        amount_minor=plan.amount_minor,
        currency=currency,
        order_total_minor=plan.order_total_minor,
        refundable_minor=plan.refundable_minor,
        used_today_minor=used,
        for_approval=for_approval,
        use=use,
        days=plan.days,
    )
    return policy, used, decision


def _system(tx: WriteTx, conv_id: str, step: str, action_id: str, body: str) -> None:
    """A system line in the conversation's timeline (internal: the customer never sees it)."""
    conv = tx.conn.execute(sa.select(t.conversations).where(t.conversations.c.id == conv_id)).one()
    message_id = _message_id(action_id, step)
    if tx.conn.execute(sa.select(t.messages.c.id).where(t.messages.c.id == message_id)).first():
        return
    seq, _ = append_message(tx, conv, message_id=message_id, kind=MessageKind.SYSTEM, body=body)
    update_conversation(tx, conv, message_count=seq)


def _tell_customer(tx: WriteTx, action: _Row, body: str, step: str = "customer") -> None:
    """The customer-facing message, sent as the requester in the conversation (delivered on the
    customer's channel like any reply)."""
    conv = tx.conn.execute(
        sa.select(t.conversations).where(t.conversations.c.id == action.conversation_id)
    ).one()
    message_id = _message_id(action.id, step)
    seq, now = append_message(
        tx,
        conv,
        message_id=message_id,
        kind=MessageKind.OUTBOUND,
        body=body,
        author_agent_id=action.requested_by,
    )
    update_conversation(
        tx,
        conv,
        message_count=seq,
        last_message_at=now,
        last_message_preview=preview(body),
        **clock_values(sla.on_outbound(clock_of(conv), now)),
    )


# --- the customer's compensation summary (Customer 360) ------------------------------------------


def refresh_compensation(tx: WriteTx, customer_id: str, now: datetime) -> None:
    """``customer.attributes["compensation"]``: what this customer got, when, by whom.

    Carried on the customer record (visible with any of their conversations) so the 360 shows
    past compensation even from conversations of other teams.
    """
    conn = tx.conn
    a = t.actions.c
    recent = conn.execute(
        sa.select(
            a.id,
            a.type,
            a.amount_minor,
            a.currency,
            a.executed_at,
            a.authorized_by,
            a.requested_by,
            a.order_id,
            a.reason_code,
        )
        .where(a.customer_id == customer_id, a.status == ActionStatus.EXECUTED.value)
        .order_by(a.executed_at.desc())
        .limit(20)
    ).all()
    year_ago = now - timedelta(days=365)
    customer = _customer(conn, customer_id)
    total = conn.execute(
        sa.select(sa.func.coalesce(sa.func.sum(a.amount_minor), 0)).where(
            a.customer_id == customer_id,
            a.status == ActionStatus.EXECUTED.value,
            a.executed_at >= year_ago,
            a.currency == customer.currency,
            a.type.in_([x.value for x in DAILY_TOTAL_ACTIONS]),
        )
    ).scalar_one()
    credit = conn.execute(
        sa.select(t.store_credit.c.balance_minor).where(
            t.store_credit.c.customer_id == customer_id,
            t.store_credit.c.currency == customer.currency,
        )
    ).scalar_one_or_none()
    coupons = conn.execute(
        sa.select(t.coupons)
        .where(
            t.coupons.c.customer_id == customer_id,
            t.coupons.c.redeemed_at.is_(None),
            t.coupons.c.expires_at > now,
        )
        .order_by(t.coupons.c.expires_at)
        .limit(10)
    ).all()
    summary = {
        "total_12m_minor": int(total),
        "currency": customer.currency,
        "store_credit_minor": int(credit or 0),
        "coupons": [
            {
                "code": c.code,
                "value_minor": int(c.value_minor),
                "currency": c.currency,
                "expires_at": c.expires_at.isoformat(),
            }
            for c in coupons
        ],
        "recent": [
            {
                "action_id": r.id,
                "type": r.type,
                "amount_minor": int(r.amount_minor),
                "currency": r.currency,
                "at": r.executed_at.isoformat() if r.executed_at else None,
                "by": r.requested_by,
                "approved_by": r.authorized_by if r.authorized_by != r.requested_by else None,
                "order_id": r.order_id,
                "reason_code": r.reason_code,
            }
            for r in recent
        ],
    }
    # every executed action of the last 90 days: what the client's preview counts against the
    # cumulative limits, the same way the server does (core.resolution.case_use)
    since = now - timedelta(days=resolution.SUMMARY_WINDOW_DAYS)
    executed = conn.execute(
        sa.select(a.type, a.amount_minor, a.currency, a.executed_at, a.order_id).where(
            a.customer_id == customer_id,
            a.status == ActionStatus.EXECUTED.value,
            a.executed_at >= since,
        )
    ).all()
    past = [x for x in (PastAction.of(dict(r._mapping)) for r in executed) if x is not None]
    summary["window_days"] = resolution.SUMMARY_WINDOW_DAYS
    summary["window"] = resolution.summary_window(past, now)
    attributes = dict(customer.attributes or {})
    attributes["compensation"] = summary
    conn.execute(
        sa.update(t.customers)
        .where(t.customers.c.id == customer_id)
        .values(attributes=attributes, updated_at=now)
    )
    tx.changed("customer", customer_id, Scope(customer_id=customer_id))


# --- execution ----------------------------------------------------------------------------------

_METHOD = {
    ActionType.REFUND: "refund",
    ActionType.REFUND_NO_RETURN: "refund_no_return",
    ActionType.RESHIP: "reship",
    ActionType.COUPON: "coupon",
    ActionType.STORE_CREDIT: "store_credit",
    ActionType.CANCEL_ORDER: "cancel",
    ActionType.REFUND_SHIPPING: "refund_shipping",
    ActionType.EXPEDITE_SHIPPING: "expedite",
    ActionType.EXTEND_RETURN_WINDOW: "extend_return_window",
}


def _publish_action(tx: WriteTx, action: _Row) -> None:
    tx.changed("action", action.id, conversation_scope(action.conversation_id, action.customer_id))


def _reload(tx: WriteTx, action_id: str) -> _Row:
    return tx.conn.execute(sa.select(t.actions).where(t.actions.c.id == action_id)).one()


def _fail(
    tx: WriteTx, action: _Row, actor: _Row, error: DomainError, now: datetime, **values: Any
) -> _Row:
    tx.conn.execute(
        sa.update(t.actions)
        .where(t.actions.c.id == action.id)
        .values(
            status=ActionStatus.FAILED.value,
            error_code=error.code[:40],
            error_message=error.message[:2000],
            **values,
        )
    )
    failed = _reload(tx, action.id)
    customer = _customer(tx.conn, action.customer_id)
    zh = _zh(customer.locale)
    order_no = _order_no(tx.conn, action.order_id)
    what = _what(failed, zh, order_no)
    body = f"{what} 未能执行：{error.message}" if zh else f"{what} could not run: {error.message}"
    _system(tx, action.conversation_id, "failed", action.id, body)
    _audit(
        tx,
        "action.failed",
        actor.id,
        action.id,
        type=action.type,
        amount_minor=int(action.amount_minor),
        currency=action.currency,
        order_id=action.order_id,
        code=error.code,
        why=error.message[:500],
    )
    _publish_action(tx, failed)
    log.info("action %s failed: %s", action.id, error.code)
    return failed


def _order_no(conn: Connection, order_id: str | None) -> str | None:
    if order_id is None:
        return None
    return conn.execute(sa.select(t.orders.c.order_no).where(t.orders.c.id == order_id)).scalar()


def _execute(
    tx: WriteTx,
    commerce: Commerce,
    action: _Row,
    *,
    authorizer: _Row,
    approver: _Row | None,
    order: dict[str, Any] | None,
    customer: _Row,
    plan: Plan,
    now: datetime,
) -> _Row:
    """Carry the action out through the commerce adapter, then tell everyone."""
    kind = ActionType(action.type)
    ex = Execution(
        action_id=action.id,
        customer_id=action.customer_id,
        currency=action.currency,
        amount_minor=int(action.amount_minor),
        order=order,
        line_skus=plan.line_skus,
        days=plan.days,
        replacements=plan.replacements,
        now=now,
    )
    savepoint = tx.conn.begin_nested()
    try:
        outcome = getattr(commerce, _METHOD[kind])(tx, ex)
    except CommerceRefused as exc:
        savepoint.rollback()
        return _fail(tx, action, authorizer, exc, now, authorized_by=None)
    savepoint.commit()
    message = resolution.customer_message(
        kind,
        plan,
        customer_name=str(customer.name),
        locale=str(customer.locale or "zh_CN"),
        order_no=None if order is None else str(order["order_no"]),
        currency=action.currency,
        result=outcome.result,
    )
    tx.conn.execute(
        sa.update(t.actions)
        .where(t.actions.c.id == action.id)
        .values(
            status=ActionStatus.EXECUTED.value,
            executed_at=now,
            result=outcome.result,
            customer_message=message,
            authorized_by=authorizer.id,
        )
    )
    done = _reload(tx, action.id)
    if order is not None:
        after = tx.conn.execute(sa.select(t.orders).where(t.orders.c.id == order["id"])).one()
        tx.changed("order", after.id, Scope(customer_id=after.customer_id))
    _audit(
        tx,
        "action.executed",
        authorizer.id,
        action.id,
        type=action.type,
        amount_minor=int(action.amount_minor),
        currency=action.currency,
        order_id=action.order_id,
        customer_id=action.customer_id,
        requested_by=action.requested_by,
        approved_by=approver.id if approver is not None else None,
        reason_code=action.reason_code,
        result=outcome.result,
    )
    zh = _zh(customer.locale)
    requester = _agent(tx.conn, action.requested_by)
    what = _what(done, zh, None if order is None else str(order["order_no"]))
    if zh:
        body = f"{_name(requester, True)} 执行了{what}"
        if approver is not None:
            body += f"，已由 {_name(approver, True)} 批准"
        body += "。"
    else:
        body = f"{_name(requester, False)} ran {what}"
        if approver is not None:
            body += f", approved by {_name(approver, False)}"
        body += "."
    _system(tx, action.conversation_id, "executed", action.id, body)
    _tell_customer(tx, done, message)
    refresh_compensation(tx, action.customer_id, now)
    publish_usage(tx, authorizer.id, day_of(now))
    _publish_action(tx, done)
    return done


def _outcome(action: _Row, decision: Decision | None = None) -> Result:
    out: Result = {
        "action_id": action.id,
        "status": action.status,
        "type": action.type,
        "amount_minor": int(action.amount_minor),
        "currency": action.currency,
        "approval_reason": action.approval_reason,
        "result": action.result,
        "customer_message": action.customer_message,
        "error_code": action.error_code,
        "error_message": action.error_message,
    }
    if decision is not None:
        out["limit_minor"] = decision.limit_minor
        out["remaining_minor"] = decision.remaining_minor
        out["daily_total_minor"] = decision.daily_total_minor
    return out


# --- the handlers -------------------------------------------------------------------------------


def request(
    tx: WriteTx, viewer: Viewer, args: m.ActionRequestArgs, *, commerce: Commerce
) -> Result:
    if not is_valid_id(args.action_id):
        raise InvalidArguments("action_id must be a UUID made by the client")
    conv = load_conversation(tx.conn, viewer, args.conversation_id, for_update=True)
    require_actor(viewer, conv)
    tx.lock_key("action", args.action_id)
    if _action(tx, args.action_id) is not None:
        raise InvalidArguments("an action with this id exists", code="duplicate_id")
    kind = args.type
    if args.reason_code not in catalog.reason_codes(kind):
        raise InvalidArguments(f"{args.reason_code!r} is not a reason for {kind.value}")
    customer = _customer(tx.conn, conv.customer_id)
    order = None if args.order_id is None else _order(tx, args.order_id, customer.id)
    plan = resolution.plan_action(
        kind,
        args.params.model_dump(exclude_none=True),
        _order_facts(order),
        customer_currency=str(customer.currency),
        currency=args.currency,
    )
    now = utcnow()
    policy, used, decision = _authority(
        tx, viewer, customer, kind, plan, order, args.currency, now, for_approval=False
    )
    tier = ValueTier(customer.value_tier)
    if not decision.allowed:
        if decision.reason_code == authority.AMOUNT_EXCEEDS_REFUNDABLE:
            raise AmountExceedsRefundable(decision.message)
        raise NotAllowed(decision.message)
    pending = decision.needs_approval
    tx.conn.execute(
        sa.insert(t.actions).values(
            id=args.action_id,
            type=kind.value,
            status=(ActionStatus.PENDING_APPROVAL if pending else ActionStatus.EXECUTED).value,
            conversation_id=conv.id,
            customer_id=customer.id,
            order_id=None if order is None else order["id"],
            params=args.params.model_dump(exclude_none=True),
            amount_minor=plan.amount_minor,
            currency=args.currency,
            reason_code=args.reason_code,
            note=args.note,
            requested_by=viewer.agent_id,
            requested_at=now,
            approval_reason=f"{decision.reason_code}: {decision.message}" if pending else "",
            decision_note="",
            result={"approval": {"crossed": _crossings(decision)}} if pending else {},
            customer_message="",
        )
    )
    action = _reload(tx, args.action_id)
    _audit(
        tx,
        "action.requested",
        viewer.agent_id,
        action.id,
        type=kind.value,
        conversation_id=conv.id,
        customer_id=customer.id,
        order_id=action.order_id,
        amount_minor=plan.amount_minor,
        currency=args.currency,
        reason_code=args.reason_code,
        role=viewer.role.value,
        tier=tier.value,
        used_today_minor=used,
        limit_minor=decision.limit_minor,
        remaining_minor=decision.remaining_minor,
        refundable_minor=plan.refundable_minor,
        decision=decision.reason_code,
    )
    requester = _agent(tx.conn, viewer.agent_id)
    if pending:
        zh = _zh(customer.locale)
        what = _what(action, zh, None if order is None else str(order["order_no"]))
        why = _why(decision, zh, args.currency, policy.window_days)
        if zh:
            body = f"{_name(requester, True)} 申请{what}，{why}，等待主管审批。"
        else:
            body = f"{_name(requester, False)} asked a supervisor to approve {what}: {why}."
        _system(tx, conv.id, "requested", action.id, body)
        _publish_action(tx, action)
        return _outcome(action, decision)
    done = _execute(
        tx,
        commerce,
        action,
        authorizer=requester,
        approver=None,
        order=order,
        customer=customer,
        plan=plan,
        now=now,
    )
    return _outcome(done, decision)


def _decidable(tx: WriteTx, viewer: Viewer, action_id: str, verb: str) -> _Row:
    if viewer.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise Forbidden(f"only supervisors and admins {verb} actions")
    tx.lock_key("action", action_id)  # two approvals of one action: the second waits, then sees it
    action = _action(tx, action_id)
    if action is None or not can_see_conversation(tx.conn, viewer, action.conversation_id):
        raise NotFound("action not found")
    if action.requested_by == viewer.agent_id:
        raise Forbidden(f"you cannot {verb} your own request")
    if action.status != ActionStatus.PENDING_APPROVAL.value:
        raise InvalidState(f"the action is {action.status}, not waiting for approval")
    return action


def approve(tx: WriteTx, viewer: Viewer, args: m.ActionDecideArgs, *, commerce: Commerce) -> Result:
    action = _decidable(tx, viewer, args.action_id, "approve")
    load_conversation(tx.conn, viewer, action.conversation_id, for_update=True)
    approver = _agent(tx.conn, viewer.agent_id)
    customer = _customer(tx.conn, action.customer_id)
    order = None if action.order_id is None else _order(tx, action.order_id, customer.id)
    kind = ActionType(action.type)
    now = utcnow()
    decided = {"decided_by": viewer.agent_id, "decided_at": now, "decision_note": args.note}
    try:  # the order as it is now: it may have been refunded or shipped meanwhile
        plan = resolution.plan_action(
            kind,
            m.ActionParams.model_validate(action.params).model_dump(exclude_none=True),
            _order_facts(order),
            customer_currency=str(customer.currency),
            currency=action.currency,
        )
    except DomainError as exc:
        _audit(
            tx,
            "action.approved",
            viewer.agent_id,
            action.id,
            note=args.note[:500],
            requested_by=action.requested_by,
        )
        failed = _fail(tx, action, approver, exc, now, **decided)
        return _outcome(failed)
    _policy, used, decision = _authority(
        tx, viewer, customer, kind, plan, order, action.currency, now, for_approval=True
    )
    if not decision.within_authority:
        raise NotAllowed(f"beyond your own authority too ({decision.message}); ask an admin")
    tx.conn.execute(sa.update(t.actions).where(t.actions.c.id == action.id).values(**decided))
    _audit(
        tx,
        "action.approved",
        viewer.agent_id,
        action.id,
        note=args.note[:500],
        requested_by=action.requested_by,
        amount_minor=plan.amount_minor,
        currency=action.currency,
        role=viewer.role.value,
        used_today_minor=used,
        limit_minor=decision.limit_minor,
    )
    done = _execute(
        tx,
        commerce,
        _reload(tx, action.id),
        authorizer=approver,
        approver=approver,
        order=order,
        customer=customer,
        plan=plan,
        now=now,
    )
    return _outcome(done, decision)


def deny(tx: WriteTx, viewer: Viewer, args: m.ActionDecideArgs) -> Result:
    action = _decidable(tx, viewer, args.action_id, "deny")
    load_conversation(tx.conn, viewer, action.conversation_id, for_update=True)
    now = utcnow()
    tx.conn.execute(
        sa.update(t.actions)
        .where(t.actions.c.id == action.id)
        .values(
            status=ActionStatus.DENIED.value,
            decided_by=viewer.agent_id,
            decided_at=now,
            decision_note=args.note,
        )
    )
    denied = _reload(tx, action.id)
    _audit(
        tx,
        "action.denied",
        viewer.agent_id,
        action.id,
        note=args.note[:500],
        requested_by=action.requested_by,
        type=action.type,
        amount_minor=int(action.amount_minor),
        currency=action.currency,
    )
    customer = _customer(tx.conn, action.customer_id)
    zh = _zh(customer.locale)
    who = _name(_agent(tx.conn, viewer.agent_id), zh)
    what = _what(denied, zh, _order_no(tx.conn, action.order_id))
    note = f"：{args.note}" if zh and args.note else (f": {args.note}" if args.note else "")
    body = f"{who} 驳回了{what}{note}" if zh else f"{who} denied {what}{note}"
    _system(tx, action.conversation_id, "denied", action.id, body[:4000])
    # the customer was told a supervisor decides: they hear the outcome either way
    told = playbook.denied_message(
        ActionType(action.type),
        amount_minor=int(action.amount_minor),
        currency=action.currency,
        customer_name=str(customer.name),
        order_no=_order_no(tx.conn, action.order_id),
        locale=str(customer.locale or "zh_CN"),
    )
    _tell_customer(tx, denied, told, step="denied-customer")
    _publish_action(tx, denied)
    return _outcome(denied)


def handlers(commerce: Commerce) -> dict[str, Handler]:
    """The action mutations, carried out through ``commerce`` (passed to ``create_app``)."""
    return {
        m.MutationName.ACTION_REQUEST: partial(request, commerce=commerce),
        m.MutationName.ACTION_APPROVE: partial(approve, commerce=commerce),
        m.MutationName.ACTION_DENY: deny,
    }


# --- refusals -----------------------------------------------------------------------------------


def _text(value: Any, limit: int = 64) -> str | None:
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return str(value)[:limit]
    return None


def audit_refusal(
    tx: WriteTx, viewer: Viewer, client_id: str, mutation: MutationIn, error: MutationError
) -> None:
    """Every refused action mutation is audited, with what it asked for (from the raw args)."""
    args = mutation.args if isinstance(mutation.args, dict) else {}
    raw = args.get("params")
    params: dict[str, Any] = raw if isinstance(raw, dict) else {}
    _audit(
        tx,
        "action.refused",
        viewer.agent_id,
        _text(args.get("action_id")) or f"{client_id}:{mutation.id}"[:160],
        mutation=mutation.name[:64],
        code=error.code,
        why=error.message[:500],
        role=viewer.role.value,
        type=_text(args.get("type")),
        conversation_id=_text(args.get("conversation_id")),
        order_id=_text(args.get("order_id")),
        amount_minor=_text(params.get("amount_minor") or params.get("coupon_value_minor")),
        currency=_text(args.get("currency")),
        fields=sorted(str(k)[:40] for k in args)[:20],
    )
