"""The HTTP API over real HTTP: uvicorn on a loopback port, SQLite and PostgreSQL."""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import sqlalchemy as sa
from httpx_sse import connect_sse

from agent_desk.core.ids import new_id
from agent_desk.protocol import ChangesResponse, MutationsResponse
from agent_desk.protocol.signing import signed_headers
from agent_desk.server.storage import schema as t
from tests.server.conftest import TEST_SECRET_KEY, Running
from tests.server.world import INBOUND_SECRET, PASSWORD


def pull_all(
    client: httpx.Client, after: str | None = None, limit: int = 1000
) -> tuple[list[dict], str, int]:
    records: list[dict] = []
    pages = 0
    cursor = after
    while True:
        params = {"limit": limit} | ({"after": cursor} if cursor else {})
        reply = client.get("/changes", params=params)
        reply.raise_for_status()
        page = ChangesResponse.model_validate(reply.json())
        records.extend(c.model_dump() for c in page.changes)
        cursor = page.cursor
        pages += 1
        if not page.has_more:
            return records, cursor, pages


def latest(records: list[dict]) -> dict[tuple[str, str], dict]:
    out: dict[tuple[str, str], dict] = {}
    for r in records:
        out[(r["entity"], r["id"])] = r
    return out


# --- authentication -------------------------------------------------------------------------


def test_login_me_logout(running: Running) -> None:
    anon = running.client()
    reply = anon.post("/auth/login", json={"username": "alice", "password": PASSWORD})
    assert reply.status_code == 200
    body = reply.json()
    assert body["agent"]["username"] == "alice" and body["agent"]["role"] == "agent"
    assert datetime.fromisoformat(body["expires_at"]) > datetime.now(UTC) + timedelta(hours=1)
    assert len(body["token"]) >= 40
    headers = {"Authorization": f"Bearer {body['token']}"}
    assert anon.get("/me", headers=headers).json()["username"] == "alice"
    # the token is stored hashed, never as given
    with running.db.read() as conn:
        stored = conn.execute(sa.select(t.auth_tokens.c.token_hash)).scalars().all()
    assert body["token"] not in stored
    assert anon.post("/auth/logout", headers=headers).status_code == 204
    after = anon.get("/me", headers=headers)
    assert after.status_code == 401 and after.json()["error"]["code"] == "unauthorized"


def test_bad_password_and_unknown_user(running: Running) -> None:
    anon = running.client()
    for username in ("alice", "nobody"):
        reply = anon.post("/auth/login", json={"username": username, "password": "wrong"})
        assert reply.status_code == 401
        assert reply.json()["error"]["code"] == "bad_credentials"
    assert anon.get("/changes").status_code == 401
    assert anon.get("/changes", headers={"Authorization": "Bearer nope"}).status_code == 401


def test_expired_token_is_refused(running: Running) -> None:
    client = running.client("alice")
    assert client.get("/me").status_code == 200
    with running.db.write() as tx:
        tx.conn.execute(
            sa.update(t.auth_tokens).values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    reply = client.get("/me")
    assert reply.status_code == 401


def test_login_throttled_after_repeated_failures(sqlite_running: Running) -> None:
    anon = sqlite_running.client()
    for _ in range(10):
        anon.post("/auth/login", json={"username": "anna", "password": "x"})
    reply = anon.post("/auth/login", json={"username": "anna", "password": PASSWORD})
    assert reply.status_code == 429
    assert reply.json()["error"]["code"] == "too_many_attempts"


# --- change feed ----------------------------------------------------------------------------


def test_pull_pages_until_done_and_resumes(running: Running) -> None:
    sam = running.client("sam")
    everything, cursor, _ = pull_all(sam, limit=1000)
    small, small_cursor, small_pages = pull_all(sam, limit=3)
    assert small_pages > 3
    assert latest(everything).keys() == latest(small).keys()
    assert cursor == small_cursor
    entities = {r["entity"] for r in everything}
    assert {
        "team",
        "agent",
        "customer",
        "order",
        "conversation",
        "message",
        "sla_policy",
    } <= entities
    assert all("password_hash" not in r["data"] for r in everything if r["entity"] == "agent")
    # nothing new: an empty page with the same cursor
    again = sam.get("/changes", params={"after": cursor}).json()
    assert again["changes"] == [] and again["cursor"] == cursor and again["has_more"] is False
    # a change shows up after the cursor
    result = running.mutate(sam, "presence.set", {"presence": "busy"})
    assert result["status"] == "applied"
    fresh, _, _ = pull_all(sam, after=cursor)
    assert [(r["entity"], r["data"]["presence"]) for r in fresh] == [("agent", "busy")]


def test_bad_cursors(running: Running) -> None:
    sam = running.client("sam")
    assert (
        sam.get("/changes", params={"after": "garbage"}).json()["error"]["code"] == "invalid_cursor"
    )
    reply = sam.get("/changes", params={"after": "abcdef-1"})
    assert reply.status_code == 410 and reply.json()["error"]["code"] == "reset_required"
    _, cursor, _ = pull_all(sam)
    epoch = cursor.split("-")[0]
    ahead = sam.get("/changes", params={"after": f"{epoch}-999999999"})
    assert ahead.status_code == 410
    mismatch = sam.get("/changes", params={"schema_version": 999})
    assert mismatch.status_code == 409 and mismatch.json()["error"]["code"] == "schema_mismatch"


# --- mutations ------------------------------------------------------------------------------


def test_claim_then_someone_else_is_refused(running: Running) -> None:
    w = running.world
    conv = w.conversations["a_unassigned"]
    anna, alice = running.client("anna"), running.client("alice")
    first = running.mutate(anna, "conversation.claim", {"conversation_id": conv})
    assert first["status"] == "applied" and first["result"]["assignee_id"] == w.agents["anna"]
    second = running.mutate(alice, "conversation.claim", {"conversation_id": conv})
    assert second["status"] == "rejected" and second["error"]["code"] == "already_assigned"
    again = running.mutate(anna, "conversation.claim", {"conversation_id": conv})
    assert again["status"] == "applied"


def test_every_mutation_applies_and_reaches_the_feed(running: Running) -> None:
    w = running.world
    alice, sam = running.client("alice"), running.client("sam")
    _, cursor, _ = pull_all(alice)
    conv = w.conversations["a_open"]
    msg_id, note_id = new_id(), new_id()
    until = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    steps = [
        (
            alice,
            "message.send",
            {"conversation_id": conv, "message_id": msg_id, "body": "您好，马上为您查询"},
        ),
        (
            alice,
            "note.add",
            {"conversation_id": conv, "message_id": note_id, "body": "check the warehouse"},
        ),
        (alice, "conversation.mark_read", {"conversation_id": conv}),
        (alice, "conversation.set_priority", {"conversation_id": conv, "priority": "high"}),
        (alice, "conversation.snooze", {"conversation_id": conv, "until": until}),
        (alice, "conversation.set_status", {"conversation_id": conv, "status": "pending"}),
        (alice, "customer.set_note", {"customer_id": w.customers["c_a"], "note": "prefers email"}),
        (alice, "presence.set", {"presence": "away"}),
        (sam, "conversation.share", {"conversation_id": conv, "agent_id": w.agents["erin"]}),
        (sam, "conversation.unshare", {"conversation_id": conv, "agent_id": w.agents["erin"]}),
        (sam, "conversation.assign", {"conversation_id": conv, "agent_id": w.agents["anna"]}),
        (
            running.client("anna"),
            "conversation.set_status",
            {"conversation_id": conv, "status": "resolved"},
        ),
    ]
    for client, name, args in steps:
        result = running.mutate(client, name, args)
        assert result["status"] == "applied", (name, result)
    records, _, _ = pull_all(alice, after=cursor)
    got = latest(records)
    conversation = got[("conversation", conv)]["data"]
    assert conversation["status"] == "resolved" and conversation["assignee_id"] == w.agents["anna"]
    assert conversation["priority"] == "high" and conversation["resolved_at"]
    assert conversation["first_response_at"] and conversation["waiting_since"] is None
    assert got[("message", msg_id)]["data"]["kind"] == "outbound"
    assert got[("message", note_id)]["data"]["kind"] == "note"
    assert got[("customer", w.customers["c_a"])]["data"]["agent_note"] == "prefers email"
    assert got[("agent", w.agents["alice"])]["data"]["presence"] == "away"
    assert got[("read_state", f"{conv}:{w.agents['alice']}")]["data"]["last_read_seq"] == 3
    assert got[("conversation_share", f"{conv}:{w.agents['erin']}")]["op"] == "delete"


def test_reply_restarts_clocks_and_inbound_runs_next_response_clock(running: Running) -> None:
    alice = running.client("alice")
    conv = running.world.conversations["a_open"]
    sent = running.mutate(
        alice, "message.send", {"conversation_id": conv, "message_id": new_id(), "body": "hi"}
    )
    assert sent["status"] == "applied"
    with running.db.read() as conn:
        row = conn.execute(sa.select(t.conversations).where(t.conversations.c.id == conv)).one()
    assert row.response_due_at is None and row.first_response_at is not None


def test_rejections_carry_codes(running: Running) -> None:
    w = running.world
    alice, erin = running.client("alice"), running.client("erin")
    cases = [
        (alice, "no.such", {}, "unknown_mutation"),
        (alice, "conversation.claim", {"conversation_id": w.conversations["b_open"]}, "not_found"),
        (alice, "conversation.claim", {"conversation_id": new_id()}, "not_found"),
        (
            alice,
            "conversation.claim",
            {"conversation_id": w.conversations["a_open"], "x": 1},
            "invalid_args",
        ),
        (
            alice,
            "message.send",
            {"conversation_id": w.conversations["a_open"], "message_id": "not-a-uuid", "body": "x"},
            "invalid_args",
        ),
        (
            alice,
            "message.send",
            {
                "conversation_id": w.conversations["a_open"],
                "message_id": new_id(),
                "body": "a\x00b",
            },
            "invalid_args",
        ),
        (
            alice,
            "message.send",
            {
                "conversation_id": w.conversations["a_open"],
                "message_id": new_id(),
                "body": "x" * 100_001,
            },
            "invalid_args",
        ),
        (
            alice,
            "conversation.snooze",
            {"conversation_id": w.conversations["a_open"], "until": "2001-01-01T00:00:00+00:00"},
            "invalid_args",
        ),
        (
            alice,
            "conversation.set_status",
            {"conversation_id": w.conversations["a_open"], "status": "snoozed"},
            "invalid_args",
        ),
        (
            running.client("anna"),
            "message.send",
            {"conversation_id": w.conversations["a_open"], "message_id": new_id(), "body": "x"},
            "forbidden",
        ),
        (
            erin,
            "message.send",
            {"conversation_id": w.conversations["a_shared"], "message_id": new_id(), "body": "x"},
            "forbidden",
        ),
        (erin, "conversation.claim", {"conversation_id": w.conversations["a_shared"]}, "forbidden"),
        (
            alice,
            "conversation.assign",
            {"conversation_id": w.conversations["a_open"], "agent_id": w.agents["bob"]},
            "forbidden",
        ),
    ]
    for client, name, args, code in cases:
        result = running.mutate(client, name, args)
        assert result["status"] == "rejected", (name, args, result)
        assert result["error"]["code"] == code, (name, result)
    # experts may add notes on what is shared with them
    note = running.mutate(
        erin,
        "note.add",
        {
            "conversation_id": w.conversations["a_shared"],
            "message_id": new_id(),
            "body": "try a reship",
        },
    )
    assert note["status"] == "applied"


def test_rejected_mutation_is_recorded_and_replayed(running: Running) -> None:
    alice = running.client("alice")
    mid = new_id()
    args = {"conversation_id": running.world.conversations["b_open"]}
    first = running.mutate(alice, "conversation.claim", args, mutation_id=mid)
    second = running.mutate(alice, "conversation.claim", args, mutation_id=mid)
    assert first["status"] == second["status"] == "rejected"
    assert second["replayed"] is True and first["replayed"] is False
    assert first["error"] == second["error"]


def test_snoozed_conversation_wakes_up(running: Running) -> None:
    alice = running.client("alice")
    conv = running.world.conversations["a_open"]
    until = datetime.now(UTC) + timedelta(milliseconds=600)
    assert (
        running.mutate(
            alice, "conversation.snooze", {"conversation_id": conv, "until": until.isoformat()}
        )["status"]
        == "applied"
    )
    deadline = time.monotonic() + 10
    status = "snoozed"
    while time.monotonic() < deadline and status == "snoozed":
        time.sleep(0.1)
        with running.db.read() as conn:
            status = conn.execute(
                sa.select(t.conversations.c.status).where(t.conversations.c.id == conv)
            ).scalar_one()
    assert status == "open"


# --- server-sent events ---------------------------------------------------------------------


def test_poke_reaches_listener_and_last_event_id_is_honoured(running: Running) -> None:
    alice, bob = running.client("alice"), running.client("bob")
    _, cursor, _ = pull_all(alice)
    events: list[tuple[str, str]] = []
    got_poke = threading.Event()
    heartbeat = threading.Event()

    def listen() -> None:
        with connect_sse(
            alice, "GET", "/events", headers={"Last-Event-ID": cursor}, timeout=15
        ) as source:
            for sse in source.iter_sse():
                events.append((sse.event, sse.id or ""))
                if sse.event == "heartbeat":
                    heartbeat.set()
                if sse.event == "poke":
                    got_poke.set()
                    return

    thread = threading.Thread(target=listen, daemon=True)
    thread.start()
    assert heartbeat.wait(5), "no heartbeat (configured at 1 s)"
    assert not got_poke.is_set(), "Last-Event-ID equal to the newest cursor must not poke"
    # a change in another team is invisible to alice: no poke
    running.mutate(
        bob,
        "note.add",
        {
            "conversation_id": running.world.conversations["b_open"],
            "message_id": new_id(),
            "body": "x",
        },
    )
    time.sleep(0.5)
    assert not got_poke.is_set()
    started = time.monotonic()
    running.mutate(
        running.client("anna"),
        "note.add",
        {
            "conversation_id": running.world.conversations["a_open"],
            "message_id": new_id(),
            "body": "y",
        },
    )
    assert got_poke.wait(5)
    assert time.monotonic() - started < 5
    thread.join(5)
    poke_id = next(i for e, i in events if e == "poke")
    fresh = alice.get("/changes", params={"after": cursor}).json()
    assert fresh["cursor"] == poke_id
    assert [c["entity"] for c in fresh["changes"]] == ["message", "conversation"]


def test_listener_without_last_event_id_is_poked_at_once(running: Running) -> None:
    erin = running.client("erin")
    with connect_sse(erin, "GET", "/events", timeout=10) as source:
        first = next(source.iter_sse())
    assert first.event == "poke"
    assert json.loads(first.data)["cursor"] == first.id


# --- inbound --------------------------------------------------------------------------------


def _deliver(
    running: Running, channel: str, payload: dict, secret: str = INBOUND_SECRET
) -> httpx.Response:
    body = json.dumps(payload, ensure_ascii=False).encode()
    return httpx.post(
        f"{running.url}/api/v1/inbound/{channel}",
        content=body,
        headers={
            **signed_headers(secret.encode(), channel, body),
            "Content-Type": "application/json",
        },
        timeout=10,
    )


def test_inbound_signature(running: Running) -> None:
    payload = {"external_id": "m1", "sender": {"email": "new@example.com"}, "body": "hello"}
    bad = _deliver(running, "email", payload, secret="wrong-secret")
    assert bad.status_code == 401 and bad.json()["error"]["code"] == "bad_signature"
    unsigned = httpx.post(f"{running.url}/api/v1/inbound/email", json=payload)
    assert unsigned.status_code == 401
    ok = _deliver(running, "email", payload)
    assert ok.status_code == 200 and ok.json()["created_customer"] is True
    again = _deliver(running, "email", payload)
    assert (
        again.json()["duplicate"] is True and again.json()["message_id"] == ok.json()["message_id"]
    )
    assert _deliver(running, "fax", payload).status_code == 422


def test_inbound_resolves_identity_across_channels_and_continues(running: Running) -> None:
    w = running.world
    by_email = _deliver(
        running,
        "chat",
        {
            "external_id": "x1",
            "sender": {"email": " C_A@Example.com ", "phone": "138 0013 8000"},
            "body": "我的快递到哪了",
        },
    ).json()
    assert by_email["customer_id"] == w.customers["c_a"] and not by_email["created_customer"]
    assert by_email["created_conversation"] is False  # c_a has open chats: continued
    by_phone = _deliver(
        running,
        "phone",
        {"external_id": "x2", "sender": {"phone": "+86 138-0013-8000"}, "body": "call"},
    ).json()
    assert by_phone["customer_id"] == w.customers["c_a"]  # the phone learnt above
    assert by_phone["created_conversation"] is True
    follow = _deliver(
        running, "phone", {"external_id": "x3", "sender": {"phone": "13800138000"}, "body": "again"}
    ).json()
    assert follow["conversation_id"] == by_phone["conversation_id"]
    stranger = _deliver(
        running,
        "social",
        {"external_id": "x4", "sender": {"wechat_id": "wx_zhang"}, "body": "在吗"},
    ).json()
    assert stranger["created_customer"] and stranger["created_conversation"]
    no_identity = _deliver(
        running, "chat", {"external_id": "x5", "sender": {"name": "anon"}, "body": "?"}
    )
    assert (
        no_identity.status_code == 422 and no_identity.json()["error"]["code"] == "invalid_identity"
    )
    bad_phone = _deliver(
        running, "chat", {"external_id": "x6", "sender": {"phone": "12"}, "body": "?"}
    )
    assert bad_phone.status_code == 422
    # the new conversation reaches the team's agents through the feed, with its SLA clock running
    records, _, _ = pull_all(running.client("anna"))
    conv = latest(records)[("conversation", stranger["conversation_id"])]["data"]
    assert conv["status"] == "open" and conv["assignee_id"] is None
    assert conv["response_due_at"] and conv["waiting_since"]
    assert ("customer", stranger["customer_id"]) in latest(records)


def test_inbound_reopens_snoozed(running: Running) -> None:
    alice = running.client("alice")
    conv = running.world.conversations["a_open"]
    until = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    running.mutate(alice, "conversation.snooze", {"conversation_id": conv, "until": until})
    reply = _deliver(
        running,
        "chat",
        {"external_id": "s1", "sender": {"email": "c_a@example.com"}, "body": "hello?"},
    ).json()
    with running.db.read() as conn:
        status = conn.execute(
            sa.select(t.conversations.c.status).where(
                t.conversations.c.id == reply["conversation_id"]
            )
        ).scalar_one()
    assert status == "open"


# --- robustness -----------------------------------------------------------------------------


def test_malformed_bodies_get_4xx_with_code(running: Running) -> None:
    alice = running.client("alice")
    for body in (b"", b"{", b"[]", b'{"client_id": 1}', b'{"client_id":"c","mutations":"x"}'):
        reply = alice.post("/mutations", content=body, headers={"Content-Type": "application/json"})
        assert 400 <= reply.status_code < 500, body
        assert reply.json()["error"]["code"]
    huge = alice.post(
        "/mutations", content=b"x" * (9 * 1024 * 1024), headers={"Content-Type": "application/json"}
    )
    assert huge.status_code == 413 and huge.json()["error"]["code"] == "too_large"
    assert alice.get("/nope").json()["error"]["code"] == "not_found"


def test_health_and_openapi(running: Running) -> None:
    health = httpx.get(f"{running.url}/api/v1/health").json()
    assert health["status"] == "ok" and health["schema_version"] >= 1
    spec = httpx.get(f"{running.url}/openapi.json").json()
    for path in (
        "/api/v1/auth/login",
        "/api/v1/changes",
        "/api/v1/mutations",
        "/api/v1/events",
        "/api/v1/inbound/{channel}",
    ):
        assert path in spec["paths"]


def test_batch_results_in_order(running: Running) -> None:
    alice = running.client("alice")
    conv = running.world.conversations["a_open"]
    ids = [new_id() for _ in range(5)]
    reply = alice.post(
        "/mutations",
        json={
            "client_id": "c1",
            "mutations": [
                {
                    "id": i,
                    "name": "message.send",
                    "args": {"conversation_id": conv, "message_id": i, "body": f"#{n}"},
                }
                for n, i in enumerate(ids)
            ],
        },
    )
    results = MutationsResponse.model_validate(reply.json()).results
    assert [r.id for r in results] == ids and all(r.status == "applied" for r in results)
    seqs = [r.result["seq"] for r in results]
    assert seqs == sorted(seqs) and len(set(seqs)) == 5


@pytest.mark.parametrize("username", ["alice"])
def test_message_id_cannot_be_reused_for_a_different_message(
    running: Running, username: str
) -> None:
    client = running.client(username)
    conv = running.world.conversations["a_open"]
    mid = new_id()
    first = running.mutate(
        client,
        "message.send",
        {"conversation_id": conv, "message_id": mid, "body": "a"},
        client_id="one",
    )
    other = running.mutate(
        client,
        "message.send",
        {"conversation_id": conv, "message_id": mid, "body": "a"},
        client_id="two",
    )
    assert first["status"] == "applied"
    assert other["status"] == "rejected" and other["error"]["code"] == "duplicate_id"


@pytest.mark.postgres
def test_two_server_processes_on_one_postgresql_poke_each_other(pg_url: str) -> None:
    """A change applied through server A pokes a listener connected to server B."""
    from agent_desk.server.config import ServerSettings
    from agent_desk.server.http.runner import ServerThread
    from agent_desk.server.storage.db import Database
    from tests.server.conftest import start_server

    a = start_server(pg_url)
    db_b = Database(pg_url)
    b = ServerThread(
        ServerSettings(
            database_url=pg_url,
            port=0,
            inbound_secret=INBOUND_SECRET,
            heartbeat_s=1.0,
            secret_key=TEST_SECRET_KEY,
        ),
        db=db_b,
    ).start()
    try:
        listener = httpx.Client(base_url=b.url + "/api/v1", timeout=15)
        token = a.client("alice").headers["Authorization"]
        listener.headers["Authorization"] = token
        _, cursor, _ = pull_all(listener)
        got = threading.Event()
        ids: list[str] = []

        def listen() -> None:
            with connect_sse(
                listener, "GET", "/events", headers={"Last-Event-ID": cursor}
            ) as source:
                for sse in source.iter_sse():
                    if sse.event == "poke":
                        ids.append(sse.id)
                        got.set()
                        return

        thread = threading.Thread(target=listen, daemon=True)
        thread.start()
        time.sleep(0.3)
        result = a.mutate(
            a.client("anna"),
            "note.add",
            {
                "conversation_id": a.world.conversations["a_open"],
                "message_id": new_id(),
                "body": "cross-process",
            },
        )
        assert result["status"] == "applied"
        assert got.wait(5), "server B never poked its listener"
        thread.join(5)
        assert ids[0] != cursor
        listener.close()
    finally:
        b.stop()
        db_b.dispose()
        a.close()
