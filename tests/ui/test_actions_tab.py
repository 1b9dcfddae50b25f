"""The Actions tab on the real demo server, offscreen: a VIP customer's damaged-item
conversation is settled with a refund in two interactions (the form's preview is the review: it
shows the amount, the authority left and the customer's message; one Confirm runs it); the server moves the money once and tells the
customer; an action queued offline that became invalid comes back refused, visibly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from agent_desk.core.ids import new_id
from agent_desk.core.money import format_money
from agent_desk.server.storage import schema as t
from agent_desk.ui.actions_panel import ActionsPanel
from tests.system.conftest import isolated_env, memory_keyring, set_backend  # noqa: F401
from tests.system.keyrings import MemoryKeyring
from tests.ui.windows import demo_desk, demo_session, post_inbound, supervisor_mutates

pytestmark = pytest.mark.asyncio


def _vip_cases(store, agent_id: str):  # type: ignore[no-untyped-def]
    """Platinum customers of the agent with a delivered one-item order the agent may refund."""
    rows = store.rows(
        "SELECT c.id AS conv, c.channel, c.customer_id, o.id AS order_id, o.order_no, o.lines, "
        "o.payment, o.total_minor, o.currency FROM conversations c "
        "JOIN customers cu ON cu.id = c.customer_id "
        "JOIN orders o ON o.customer_id = c.customer_id "
        "WHERE c.assignee_id = ? AND c.status != 'resolved' AND cu.value_tier = 'platinum' "
        "AND o.status = 'delivered' AND json_array_length(o.lines) = 1 "
        "AND o.total_minor BETWEEN 5000 AND 150000 ORDER BY o.placed_at DESC",
        (agent_id,),
    )
    assert len({r["order_id"] for r in rows}) >= 2, "the demo has such customers and orders"
    return rows


async def test_a_vip_damaged_item_is_refunded_in_two_interactions(
    qapp,
    memory_keyring: MemoryKeyring,  # noqa: F811 - the system tests' fixture
    isolated_env: Path,  # noqa: F811
) -> None:
    async with demo_session(qapp) as (desk, session, db):
        window, store = session.window, session.store
        case = _vip_cases(store, session.engine.me.agent_id)[0]
        identity = store.row(
            "SELECT kind, value FROM customer_identities WHERE customer_id = ? LIMIT 1",
            (case["customer_id"],),
        )
        await post_inbound(
            desk.demo.url,
            case["channel"],
            {identity["kind"]: identity["value"]},
            f"订单 {case['order_no']} 收到的东西是坏的，外壳都摔裂了，怎么办？",
            "damaged-vip-1",
        )
        await session.engine.sync_once()
        window.show()
        window.case.show_conversation(case["conv"])  # opening the conversation
        window.side.setCurrentWidget(window.actions_panel)
        panel: ActionsPanel = window.actions_panel
        assert panel.order.currentData() == case["order_id"], "the order the customer names"
        refundable = json.loads(case["payment"])["paid_minor"] - json.loads(case["payment"]).get(
            "refunded_minor", 0
        )
        line = json.loads(case["lines"])[0]
        item_value = min(int(line["unit_price_minor"]) * int(line["quantity"]), refundable)

        panel.type_buttons["refund"].click()  # 1: refund (amount, reason filled from the case)
        assert panel.reason.currentData() == "damaged"
        summary = panel.preview.text()  # the review is the form's preview
        proposal = panel.proposal
        assert proposal is not None and proposal.amount_minor == item_value
        assert f"Refund {format_money(item_value, case['currency'])}" in summary  # the amount
        left = proposal.decision.remaining_minor - item_value  # the authority left, exactly
        assert f"Left of today's total after this: {format_money(left, 'CNY')}" in summary
        assert proposal.customer_message in summary  # the message the customer will get
        assert format_money(item_value, case["currency"]) in proposal.customer_message
        assert panel.confirm.text() == f"Confirm: Refund {format_money(item_value, 'CNY')}"
        refreshes = panel.refreshes
        panel.confirm.click()  # 2: confirm
        assert panel.proposal is not None and not panel.proposal.decision.needs_approval
        assert panel.refreshes == refreshes + 1, "one refund, one refresh of the tab"
        assert window.focusWidget() is window.conversation.composer.editor, "to the reply"
        assert window.bridge.history[-1][1].startswith("Done"), "the outcome is told"

        await session.engine.sync_once()
        await session.engine.sync_once()
        with db.read() as conn:
            ledger = conn.execute(
                sa.select(t.ledger.c.amount_minor, t.ledger.c.kind).where(
                    t.ledger.c.order_id == case["order_id"]
                )
            ).all()
            said = conn.execute(
                sa.select(t.messages.c.kind, t.messages.c.body).where(
                    t.messages.c.conversation_id == case["conv"]
                )
            ).all()
        assert [(r.amount_minor, r.kind) for r in ledger] == [(item_value, "refund")]
        assert any(m.kind == "outbound" and case["order_no"] in m.body for m in said), (
            "the customer is told"
        )
        executed = store.row(
            "SELECT status, amount_minor FROM actions WHERE conversation_id = ? "
            "ORDER BY requested_at DESC LIMIT 1",
            (case["conv"],),
        )
        assert executed == {"status": "executed", "amount_minor": item_value}
        window.refresh(None)
        compensation = window.customer.compensation.text()
        assert (
            "Refund" in compensation and format_money(item_value, case["currency"]) in compensation
        )

        # nothing to move is not offered: zero is not a refund
        panel.type_buttons["refund"].click()
        panel.amount.setValue(0)
        assert not panel.confirm.isEnabled()

        # queued, not yet at the server (as offline): shown as waiting; meanwhile a supervisor
        # refunds that order in full at the server; the queued refund is refused, visibly
        other = next(
            r
            for r in _vip_cases(store, session.engine.me.agent_id)
            if r["order_id"] != case["order_id"]
        )
        window.case.show_conversation(other["conv"])
        panel.select_order(other["order_id"])
        panel.type_buttons["refund"].click()
        if panel.reason.currentData() is None:  # nothing in this case names a reason
            panel.reason.setCurrentIndex(panel.reason.findData("customer_request"))
        panel.confirm.click()
        history = [panel.history_model.text(r) for r in panel.history_model.rows]
        assert any("will run when back online" in h for h in history)
        paid = json.loads(other["payment"])["paid_minor"] - json.loads(other["payment"]).get(
            "refunded_minor", 0
        )
        await supervisor_mutates(
            desk.demo.url,
            "action.request",
            {
                "action_id": new_id(),
                "conversation_id": other["conv"],
                "order_id": other["order_id"],
                "type": "refund",
                "params": {"amount_minor": paid},
                "currency": other["currency"],
                "reason_code": "customer_request",
            },
        )
        await session.engine.sync_once()
        window.refresh(None)
        mine = store.row(
            "SELECT status, error_code FROM actions WHERE conversation_id = ? AND requested_by = ? "
            "ORDER BY requested_at DESC LIMIT 1",
            (other["conv"], session.engine.me.agent_id),
        )
        # refunded in full meanwhile: not eligible again (issue 11), told in the agent's words
        assert mine == {"status": "refused", "error_code": "order_closed"}
        history = [panel.history_model.text(r) for r in panel.history_model.rows]
        assert any("refused by the server" in h for h in history), history
        assert any("refunded in full: nothing more to do" in h for h in history), history
        assert not any("refunded in full already" in h for h in history)  # not the server's English
        assert window.banner.kind == "error" and "refused" in window.banner.text.text()


async def test_beyond_authority_a_supervisor_approves_in_their_window(
    qapp,
    qtbot,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,  # noqa: F811
    isolated_env: Path,  # noqa: F811
) -> None:
    from agent_desk.core.enums import Role
    from agent_desk.services.desk import DeskService
    from agent_desk.store.local import Me
    from agent_desk.store.store import Store
    from agent_desk.sync.engine import SyncEngine
    from agent_desk.sync.transport import Transport
    from tests.sync.conftest import Client
    from tests.ui.windows import make_window

    desk = demo_desk(qapp)
    session = await desk.first_session()
    assert session is not None
    transport = Transport(desk.demo.url, timeout=10)
    reply = await transport.login("supervisor", "demo")
    me = Me(reply.agent.id, reply.agent.team_id)
    sup_store = Store(tmp_path / "supervisor.db")
    supervisor = Client(
        sup_store,
        transport,
        SyncEngine(sup_store, transport, me),
        DeskService(sup_store, me, Role.SUPERVISOR),
    )
    try:
        await session.engine.sync_once()
        store, window = session.store, session.window
        # a standard customer's order worth more than an agent's own refund limit for them
        case = store.row(
            "SELECT c.id AS conv, o.id AS order_id, o.total_minor FROM conversations c "
            "JOIN customers cu ON cu.id = c.customer_id JOIN orders o ON o.customer_id = cu.id "
            "WHERE c.assignee_id = ? AND c.status != 'resolved' AND cu.value_tier = 'standard' "
            "AND o.status = 'delivered' AND o.total_minor > 30000 "
            "AND json_extract(o.payment, '$.refunded_minor') = 0 LIMIT 1",
            (session.engine.me.agent_id,),
        )
        assert case is not None
        window.show()
        window.case.show_conversation(case["conv"])
        panel = window.actions_panel
        panel.select_order(case["order_id"])
        panel.type_buttons["refund"].click()
        if panel.reason.currentData() is None:  # nothing in the case names one: never guessed
            assert not panel.confirm.isEnabled()
            panel.reason.setCurrentIndex(panel.reason.findData("customer_request"))
        assert panel.proposal is not None and panel.proposal.decision.needs_approval
        assert panel.confirm.text() == "Ask for approval"
        composer = window.conversation.composer
        composer.clear()
        panel.confirm.click()
        # the customer should hear why they wait: proposed in the reply box, not sent
        proposed = composer.editor.toPlainText()
        assert "approve" in proposed or "审批" in proposed, proposed
        assert format_money(panel.history_model.rows[0]["amount_minor"], "CNY") in proposed
        assert window.focusWidget() is composer.editor
        await session.engine.sync_once()
        row = store.row(
            "SELECT id, status FROM actions WHERE conversation_id = ? ORDER BY requested_at DESC",
            (case["conv"],),
        )
        assert row["status"] == "pending_approval"

        await supervisor.engine.sync_once()
        sup_window = make_window(supervisor, tmp_path)
        qtbot.addWidget(sup_window)
        approvals = sup_window.actions_panel.approvals_model
        assert row["id"] in [r["id"] for r in approvals.rows]
        n = [r["id"] for r in approvals.rows].index(row["id"])
        sup_window.actions_panel.approvals.setCurrentIndex(approvals.index(n))
        sup_window.actions_panel.decision_note.setText("VIP in all but name; approved")
        sup_window.actions_panel.approve.click()
        # decided here: it leaves the list at once, so nobody approves it twice
        assert row["id"] not in [r["id"] for r in approvals.rows]
        await supervisor.engine.sync_once()
        await session.engine.sync_once()
        done = store.row("SELECT status, decided_by FROM actions WHERE id = ?", (row["id"],))
        assert done == {"status": "executed", "decided_by": supervisor.engine.me.agent_id}
        window.refresh(None)
        told = [text for _level, text, _title in window.bridge.history]
        assert any(t.startswith("Approved: Refund") for t in told), told
        sup_window.close()
    finally:
        await supervisor.close()
        await session.close()
        desk.demo.stop()
