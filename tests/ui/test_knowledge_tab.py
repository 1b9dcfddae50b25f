"""The Knowledge tab on the real demo server, offscreen: a customer writes about a late parcel
and a logistics answer appears with no click; inserting it fills in that customer's carrier and
tracking number; the feedback reaches the server; '/' offers canned replies; hostile article
text stays plain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database
from tests.system.conftest import isolated_env, memory_keyring, set_backend  # noqa: F401
from tests.system.keyrings import MemoryKeyring
from tests.ui.windows import demo_desk, post_inbound, wait_until

pytestmark = pytest.mark.asyncio

LOGISTICS = {"where_is_my_parcel", "delivery_delay"}


async def test_a_late_parcel_message_brings_a_logistics_answer_that_fills_the_order(
    qapp,
    memory_keyring: MemoryKeyring,  # noqa: F811 - the system tests' fixture
    isolated_env: Path,  # noqa: F811
) -> None:
    desk = demo_desk(qapp)
    session = await desk.first_session()
    assert session is not None
    db = Database(desk.demo.settings.database_url)
    runner = None
    try:
        await session.engine.sync_once()
        window, store = session.window, session.store
        # a conversation of the agent whose customer's latest order is on its way
        row = store.row(
            "SELECT c.id AS conv, c.customer_id, o.order_no, o.shipment FROM conversations c "
            "JOIN orders o ON o.customer_id = c.customer_id "
            "WHERE c.assignee_id = ? AND c.status != 'resolved' "
            "AND json_extract(o.shipment, '$.status') = 'in_transit' "
            "AND o.placed_at = (SELECT max(placed_at) FROM orders WHERE customer_id = c.customer_id) "
            "LIMIT 1",
            (session.engine.me.agent_id,),
        )
        assert row is not None, "the demo has an in-transit order for one of the agent's customers"
        shipment = json.loads(row["shipment"])
        identity = store.row(
            "SELECT kind, value FROM customer_identities WHERE customer_id = ? AND kind = 'email'",
            (row["customer_id"],),
        ) or store.row(
            "SELECT kind, value FROM customer_identities WHERE customer_id = ? LIMIT 1",
            (row["customer_id"],),
        )
        channel = store.row("SELECT channel FROM conversations WHERE id = ?", (row["conv"],))[
            "channel"
        ]
        window.show()
        window.case.show_conversation(row["conv"])
        window.side.setCurrentWidget(window.knowledge_panel)
        import asyncio

        runner = asyncio.create_task(session.engine.run())
        await wait_until(lambda: session.engine.status.state.value == "online")
        await asyncio.sleep(0.3)

        # the customer writes (through the demo's signed inbound webhook, as its simulator does)
        await post_inbound(
            desk.demo.url,
            channel,
            {identity["kind"]: identity["value"]},
            "我的包裹怎么还没到？物流好几天都没更新了，急用！",
            "late-parcel-1",
        )
        panel = window.knowledge_panel

        def logistics_on_top() -> bool:
            items = panel.model.items
            return (
                bool(items)
                and items[0].scenario in LOGISTICS
                and "物流"
                in " ".join(
                    m["body"]
                    for m in store.rows(
                        "SELECT body FROM messages WHERE conversation_id = ? AND kind = 'inbound'",
                        (row["conv"],),
                    )
                )
            )

        await wait_until(logistics_on_top, within=3.0)  # no click: the message did it
        top = panel.model.items[0]
        assert any(r["kind"] == "scenario" for r in top.why)
        panel.list.setCurrentIndex(panel.model.index(0))
        # pick the first suggestion that uses the tracking details, and insert it
        with_tracking = next(
            n
            for n, s in enumerate(panel.model.items)
            if "{tracking_no}"
            in store.row("SELECT body FROM articles WHERE id = ?", (s.id,))["body"]
        )
        panel.list.setCurrentIndex(panel.model.index(with_tracking))
        article_id = panel.current_id()
        panel.insert.click()
        text = window.conversation.composer.editor.toPlainText()
        assert shipment["tracking_no"] in text and shipment["carrier"] in text
        assert "{tracking_no}" not in text and "{carrier}" not in text

        # the insert counts as usage, once, on the server
        await session.engine.sync_once()
        with db.read() as conn:
            counted = conn.execute(
                sa.select(t.articles.c.inserted_count).where(t.articles.c.id == article_id)
            ).scalar_one()
        assert counted == 1

        # canned replies: "/" and a few letters offer answers; choosing one replaces "/…"
        composer = window.conversation.composer
        composer.clear()
        composer.editor.setFocus()
        composer.editor.insertPlainText("/发票")
        assert composer.canned.items, "a '/' line offers answers"
        composer.canned_chosen.emit(composer.canned.items[0][0])
        assert not composer.editor.toPlainText().startswith("/")
        assert "发票" in composer.editor.toPlainText()
    finally:
        if runner is not None:
            runner.cancel()
            await asyncio.gather(runner, return_exceptions=True)
        db.dispose()
        await session.close()
        desk.demo.stop()
