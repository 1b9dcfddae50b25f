"""Replies leave the server (issue 13): every outbound message is queued for delivery in the
transaction that writes it, and the server's sender POSTs it, signed, to the channel's webhook —
a real HTTP receiver on loopback — retrying what may succeed later, failing what cannot, with the
state on the message in the change feed; receivers confirm with signed receipts."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from agent_desk.core.errors import InvalidArguments
from agent_desk.core.ids import new_id
from agent_desk.protocol.signing import signed_headers
from agent_desk.server.channels import connections, delivery
from agent_desk.server.http.runner import ServerThread
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database
from tests.server.conftest import Running, start_server
from tests.server.receiver import Receiver

SECRET = "test-webhook-secret-0123456789abcdef"


def wait_for(condition: Callable[[], Any], within: float = 15.0) -> Any:
    deadline = time.monotonic() + within
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


def connect(running: Running, receiver: Receiver | None, **settings: Any) -> str:
    """A webhook connection on chat (the test world's channel) pointing at ``receiver``."""
    with running.db.write() as tx:
        made, _secret = connections.add(
            tx,
            running.box,
            name=f"hook-{new_id()[:8]}",
            kind="webhook",
            channel="chat",
            settings={"outbound_url": receiver.url if receiver else "", **settings},
            secret=SECRET,
        )
    return made.id


def reply(running: Running, client: httpx.Client, body: str = "Your parcel left today") -> str:
    message_id = new_id()
    result = running.mutate(
        client,
        "message.send",
        {
            "conversation_id": running.world.conversations["a_open"],
            "message_id": message_id,
            "body": body,
        },
    )
    assert result["status"] == "applied", result
    return message_id


def state(running: Running, message_id: str) -> tuple[str, str | None, int]:
    with running.db.read() as conn:
        row = conn.execute(
            sa.select(
                t.deliveries.c.status, t.deliveries.c.last_error, t.deliveries.c.attempts
            ).where(t.deliveries.c.message_id == message_id)
        ).one()
    return row.status, row.last_error, row.attempts


def message_in_feed(client: httpx.Client, message_id: str) -> dict[str, Any]:
    """The message as an agent's client pulls it (the newest version in the feed)."""
    found: dict[str, Any] = {}
    after = None
    while True:
        params: dict[str, Any] = {"limit": 1000}
        if after:
            params["after"] = after
        page = client.get("/changes", params=params).json()
        for change in page["changes"]:
            assert change["entity"] not in ("channel_connection", "delivery")
            if change["entity"] == "message" and change["id"] == message_id:
                found = change["data"]
        after = page["cursor"]
        if not page["has_more"]:
            return found


def receipt(running: Running, delivery_id: str, status: str, *, secret: str = SECRET, **extra):  # type: ignore[no-untyped-def]
    body = json.dumps({"delivery_id": delivery_id, "status": status, **extra}).encode()
    headers = signed_headers(secret.encode(), "chat", body)
    headers["Content-Type"] = "application/json"
    return httpx.post(
        f"{running.url}/api/v1/deliveries/receipts", content=body, headers=headers, timeout=10
    )


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver(SECRET, "chat").up()
    yield r
    r.down()


def test_a_reply_reaches_the_webhook_signed_and_receipts_move_it_to_read(
    running: Running, receiver: Receiver, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    connect(running, receiver)
    alice = running.client("alice")
    message_id = reply(running, alice)
    wait_for(lambda: state(running, message_id)[0] == "sent")
    assert receiver.bad_signatures == 0
    [(delivery_id, times)] = receiver.accepted.items()
    assert times == 1
    payload = receiver.payloads[delivery_id]
    assert set(payload) == {
        "delivery_id",
        "conversation_id",
        "message_id",
        "channel",
        "customer",
        "body",
        "attachments",
        "sent_at",
    }
    assert payload["delivery_id"] == delivery_id and payload["message_id"] == message_id
    assert payload["body"] == "Your parcel left today" and payload["channel"] == "chat"
    assert payload["customer"] == {  # who they are on this channel, no other address
        "id": running.world.customers["c_a"],
        "identity": {"kind": "email", "value": "c_a@example.com"},
    }
    assert message_in_feed(alice, message_id)["delivery_status"] == "sent"

    assert receipt(running, delivery_id, "delivered").json()["status"] == "delivered"
    assert receipt(running, delivery_id, "read").json()["status"] == "read"
    assert receipt(running, delivery_id, "delivered").json()["status"] == "read", "no going back"
    assert receipt(running, delivery_id, "failed", reason="late").json()["status"] == "read"
    assert message_in_feed(alice, message_id)["delivery_status"] == "read"

    forged = receipt(running, delivery_id, "failed", secret="not-the-connections-secret-xx")
    assert forged.status_code == 401
    unknown = receipt(running, new_id(), "read")
    assert unknown.status_code == 401, "an unknown delivery looks like a bad signature"
    assert SECRET not in caplog.text, "the secret is never logged"


def test_five_hundreds_then_ok_is_one_delivery(running: Running, receiver: Receiver) -> None:
    connect(running, receiver)
    receiver.script = [500, 503]
    message_id = reply(running, running.client("alice"))
    wait_for(lambda: state(running, message_id)[0] == "sent")
    assert [a["status"] for a in receiver.attempts] == [500, 503, 200]
    assert len({a["delivery_id"] for a in receiver.attempts}) == 1, "one id on every attempt"
    assert list(receiver.accepted.values()) == [1]
    assert state(running, message_id)[2] == 3


def test_a_receiver_down_for_a_while_gets_it_once_when_back(running: Running) -> None:
    receiver = Receiver(SECRET, "chat")  # not up: connections are refused
    connect(running, receiver)
    message_id = reply(running, running.client("alice"))
    wait_for(lambda: state(running, message_id)[2] >= 2)  # tried, and tried again
    assert state(running, message_id)[0] in ("queued", "sending")
    assert "cannot reach" in (state(running, message_id)[1] or "")
    receiver.up()
    try:
        wait_for(lambda: state(running, message_id)[0] == "sent", within=20)
        assert list(receiver.accepted.values()) == [1]
    finally:
        receiver.down()


def test_retry_after_is_honoured(running: Running, receiver: Receiver) -> None:
    connect(running, receiver)
    receiver.script = [(429, {"Retry-After": "2"})]
    message_id = reply(running, running.client("alice"))
    wait_for(lambda: state(running, message_id)[0] == "sent")
    refused, accepted = receiver.attempts  # timed where they arrived, not when the test looked
    assert [refused["status"], accepted["status"]] == [429, 200]
    assert accepted["at"] - refused["at"] >= 1.9, "not before the receiver asked"


def test_a_4xx_fails_at_once_with_the_reason_and_the_agent_retries_it(
    running: Running, receiver: Receiver
) -> None:
    connect(running, receiver)
    receiver.script = [404]
    alice = running.client("alice")
    message_id = reply(running, alice)
    wait_for(lambda: state(running, message_id)[0] == "failed")
    _status, error, attempts = state(running, message_id)
    assert attempts == 1, "a refusal is not retried"
    assert error is not None and error.startswith("refused: HTTP 404")
    shown = message_in_feed(alice, message_id)
    assert shown["delivery_status"] == "failed"
    assert "HTTP 404" in shown["delivery_error"] and "no such customer" in shown["delivery_error"]

    bob = running.client("bob")  # not hers to retry
    refused = running.mutate(bob, "message.retry_delivery", {"message_id": message_id})
    assert refused["status"] == "rejected"
    again = running.mutate(alice, "message.retry_delivery", {"message_id": message_id})
    assert again["status"] == "applied", again
    wait_for(lambda: state(running, message_id)[0] == "sent")
    assert list(receiver.accepted.values()) == [1]
    once_more = running.mutate(alice, "message.retry_delivery", {"message_id": message_id})
    assert once_more["status"] == "rejected", "only a failed delivery goes again"


def test_attempts_are_bounded_and_an_admin_requeues_the_failed(running: Running) -> None:
    receiver = Receiver(SECRET, "chat")  # down for good
    connection_id = connect(running, receiver, max_attempts=2)
    message_id = reply(running, running.client("alice"))
    wait_for(lambda: state(running, message_id)[0] == "failed")
    _status, error, attempts = state(running, message_id)
    assert attempts == 2 and error is not None and error.startswith("gave_up: 2 attempts")
    with running.db.read() as conn:
        failed = delivery.failed(conn, connection_id)
    assert [r.message_id for r in failed] == [message_id]
    receiver.up()
    try:
        with running.db.write() as tx:
            delivery.requeue(tx, failed[0].id, actor_id=None, via="test")
        wait_for(lambda: state(running, message_id)[0] == "sent")
    finally:
        receiver.down()


def test_a_channel_without_a_connection_fails_visibly(running: Running) -> None:
    alice = running.client("alice")
    message_id = reply(running, alice)
    status, error, _ = state(running, message_id)
    assert status == "failed" and error is not None and error.startswith("no_connection")
    assert message_in_feed(alice, message_id)["delivery_status"] == "failed"


def test_deliveries_queued_when_the_server_stops_are_sent_after_it_restarts(
    db_url: str,
) -> None:
    running = start_server(db_url)
    receiver = Receiver(SECRET, "chat")  # down while the server runs
    try:
        connect(running, receiver)
        alice = running.client("alice")
        ids = [reply(running, alice, f"reply {n}") for n in range(3)]
        wait_for(lambda: all(state(running, i)[2] >= 1 for i in ids))
        settings = running.server.settings
        running.server.stop()
        receiver.up()
        again = ServerThread(settings, db=running.db).start()
        try:
            wait_for(lambda: all(state(running, i)[0] == "sent" for i in ids), within=20)
        finally:
            again.stop()
        assert sorted(receiver.accepted.values()) == [1, 1, 1]
    finally:
        receiver.down()
        for client in running.clients:
            client.close()
        running.db.dispose()


@pytest.mark.postgres
def test_two_servers_on_postgresql_send_each_delivery_once(pg_url: str) -> None:
    first = start_server(pg_url)
    receiver = Receiver(SECRET, "chat").up()
    other_db = Database(pg_url)  # its own engine and pool, as another process has
    second = ServerThread(first.server.settings, db=other_db).start()
    try:
        connect(first, receiver)
        alice = first.client("alice")
        ids = [reply(first, alice, f"reply {n}") for n in range(40)]
        wait_for(lambda: all(state(first, i)[0] == "sent" for i in ids), within=30)
        assert len(receiver.accepted) == 40
        assert set(receiver.accepted.values()) == {1}, "no delivery sent twice"
        assert len(receiver.attempts) == 40
    finally:
        second.stop()
        other_db.dispose()
        receiver.down()
        first.close()


def test_a_delivery_left_mid_send_by_a_killed_sender_is_sent_when_its_lease_runs_out(
    running: Running, receiver: Receiver
) -> None:
    """What a process killed while sending leaves behind: a claimed row whose sender is gone."""
    connect(running, receiver)
    receiver.down()  # the first attempt fails, so the row is ours to doctor
    receiver_port = receiver.port
    message_id = reply(running, running.client("alice"))
    wait_for(lambda: state(running, message_id)[2] >= 1)
    with running.db.write() as tx:
        tx.conn.execute(
            sa.update(t.deliveries)
            .where(t.deliveries.c.message_id == message_id)
            .values(
                status="sending",
                claimed_until=datetime.now(UTC) - timedelta(seconds=1),  # its lease ran out
                next_attempt_at=datetime.now(UTC) + timedelta(hours=1),
            )
        )
    assert receiver.port == receiver_port
    receiver.up()
    wait_for(lambda: state(running, message_id)[0] == "sent", within=20)
    assert list(receiver.accepted.values()) == [1]


def test_inbound_is_signed_with_the_connections_secret(running: Running) -> None:
    connect(running, None)
    body = json.dumps(
        {"external_id": "hook-1", "sender": {"email": "c_a@example.com"}, "body": "hello"}
    ).encode()

    def post(secret: str) -> int:
        headers = signed_headers(secret.encode(), "chat", body)
        headers["Content-Type"] = "application/json"
        return httpx.post(
            f"{running.url}/api/v1/inbound/chat", content=body, headers=headers, timeout=10
        ).status_code

    assert post(SECRET) == 200  # the connection's own secret
    assert post("another-secret-entirely-0123456789") == 401
    with running.db.write() as tx:  # switched off: its secret no longer opens the door
        for found in connections.all_connections(tx.conn):
            connections.update(tx, found.id, enabled=False)
    assert post(SECRET) == 401


def test_outbound_points_a_webhook_at_a_receiver(running: Running) -> None:
    with pytest.raises(InvalidArguments, match="no enabled webhook connection serves app"):
        connections.apply_outbound(running.db, (("app", "http://127.0.0.1:9/x"),))
    connect(running, None)
    connections.apply_outbound(running.db, (("chat", "http://127.0.0.1:9/hook"),))
    with running.db.read() as conn:
        [found] = connections.all_connections(conn)
    assert found.outbound_url == "http://127.0.0.1:9/hook"
