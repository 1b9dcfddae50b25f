"""The web chat widget's API, attacked over raw HTTP (issue 13): a visitor sees only their own
conversation (other visitors' tokens and ids tried everywhere), an identity counts only with the
shop's signature over all of it, hostile and huge bodies, a flood from one visitor, and the
page's security headers."""

from __future__ import annotations

import httpx
import pytest

from agent_desk.core.ids import new_id
from agent_desk.server.channels import connections
from agent_desk.server.channels.widget import identity_signature
from tests.server.conftest import Running

VISITOR = "X-Agent-Desk-Visitor"


@pytest.fixture
def widget_secret(running: Running) -> str:
    with running.db.write() as tx:
        _made, secret = connections.add(
            tx,
            running.box,
            name="web chat",
            kind="widget",
            channel="chat",
            settings={"allowed_origins": ["https://shop.example"]},
        )
    return secret


def session(running: Running, **body: object) -> tuple[httpx.Client, dict]:
    http = httpx.Client(base_url=running.url + "/api/v1/widget", timeout=30)
    running.clients.append(http)
    reply = http.post("/session", json=body)
    assert reply.status_code == 200, reply.text
    started = reply.json()
    http.headers[VISITOR] = started["token"]
    return http, started


def say(http: httpx.Client, body: str) -> httpx.Response:
    return http.post("/messages", json={"client_id": new_id(), "body": body})


def test_a_visitor_sees_only_their_own_conversation(running: Running, widget_secret: str) -> None:
    anna_page, _ = session(running)
    ben_page, _ = session(running)
    mine = say(anna_page, "我的订单到哪了？").json()
    say(ben_page, "ben's question")
    assert [m["body"] for m in anna_page.get("/messages").json()["messages"]] == [
        "我的订单到哪了？"
    ]
    assert [m["body"] for m in ben_page.get("/messages").json()["messages"]] == ["ben's question"]

    # ben acknowledging anna's message, or anyone without a token, gets nothing
    assert ben_page.post(
        "/receipts", json={"message_ids": [mine["id"]], "status": "read"}
    ).json() == {"acknowledged": 0}
    anonymous = httpx.Client(base_url=running.url + "/api/v1/widget", timeout=30)
    running.clients.append(anonymous)
    for headers in ({}, {VISITOR: "made-up"}, {VISITOR: "x" * 199}):
        assert anonymous.get("/messages", headers=headers).status_code == 401
        assert (
            anonymous.post(
                "/messages", json={"client_id": "1", "body": "hi"}, headers=headers
            ).status_code
            == 401
        )
        assert anonymous.get("/events", headers=headers).status_code == 401
    # the token is never accepted in the URL
    token = anna_page.headers[VISITOR]
    assert anonymous.get(f"/messages?token={token}").status_code == 401

    # an agent's note on anna's conversation never reaches her page; their replies do
    agent = running.client("sam")
    conv = running.mutate(agent, "conversation.claim", {"conversation_id": _conv(running, mine)})
    assert conv["status"] == "applied", conv
    note = running.mutate(
        agent,
        "note.add",
        {"conversation_id": _conv(running, mine), "message_id": new_id(), "body": "VIP, be quick"},
    )
    assert note["status"] == "applied"
    reply = running.mutate(
        agent,
        "message.send",
        {"conversation_id": _conv(running, mine), "message_id": new_id(), "body": "马上帮您查"},
    )
    assert reply["status"] == "applied"
    seen = anna_page.get("/messages").json()["messages"]
    assert [(m["from"], m["body"], m["author"]) for m in seen] == [
        ("visitor", "我的订单到哪了？", ""),
        ("agent", "马上帮您查", ""),  # agents' names only if the connection says so
    ]
    assert [m["body"] for m in ben_page.get("/messages").json()["messages"]] == ["ben's question"]


def _conv(running: Running, message: dict) -> str:
    import sqlalchemy as sa

    from agent_desk.server.storage import schema as t

    with running.db.read() as conn:
        return str(
            conn.execute(
                sa.select(t.messages.c.conversation_id).where(t.messages.c.id == message["id"])
            ).scalar_one()
        )


def test_an_identity_counts_only_with_the_shops_signature(
    running: Running, widget_secret: str
) -> None:
    email = "c_a@example.com"  # the test world's customer A
    forged = {"user_id": "", "email": email, "phone": "", "signature": "0" * 64}
    page, started = session(running, identity=forged)
    assert started["verified"] is False
    assert page.get("/messages").json()["messages"] == [], "not merged into customer A"

    # Chatwoot's mistake: a signature over the user id alone would let the email be swapped
    only_id = identity_signature(widget_secret, "u-1", "", "")
    swapped = {"user_id": "u-1", "email": email, "phone": "", "signature": only_id}
    _page, started = session(running, identity=swapped)
    assert started["verified"] is False

    signed = {
        "user_id": "u-1",
        "email": email,
        "phone": "",
        "signature": identity_signature(widget_secret, "u-1", email, ""),
    }
    page, started = session(running, identity=signed)
    assert started["verified"] is True
    history = [m["body"] for m in page.get("/messages").json()["messages"]]
    assert "hello from a_open" in history, "customer A's own chat history"
    assert "hello from b_open" not in history


def test_hostile_huge_and_flooding_visitors(running: Running, widget_secret: str) -> None:
    page, _ = session(running)
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    stored = say(page, hostile).json()
    assert stored["body"] == hostile, "kept as text; the page inserts it with textContent"
    assert say(page, "x" * 4001).json()["error"]["code"] == "too_large"
    huge = page.post(
        "/messages",
        content=b'{"client_id": "1", "body": "' + b"x" * (10 * 1024 * 1024) + b'"}',
        headers={"Content-Type": "application/json"},
    )
    assert huge.status_code == 413
    assert say(page, "   ").status_code == 422

    flood = [say(page, f"spam {n}") for n in range(50)]
    codes = [r.status_code for r in flood]
    assert codes.count(200) <= 10 and codes.count(429) >= 40
    refused = next(r for r in flood if r.status_code == 429)
    assert refused.json()["error"]["code"] == "rate_limited"  # the page tells the visitor
    again = page.post("/messages", json={"client_id": "same", "body": "once"})
    assert again.status_code == 429


def test_the_page_is_served_with_a_strict_policy(running: Running, widget_secret: str) -> None:
    page = httpx.get(f"{running.url}/widget", timeout=30)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "frame-ancestors https://shop.example" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert '<script src="/widget/widget.js"' in page.text and "innerHTML" not in page.text
    script = httpx.get(f"{running.url}/widget/widget.js", timeout=30)
    assert script.status_code == 200 and "innerHTML" not in script.text
    for name in ("../../config.py", "index.html.bak", "%2e%2e%2fapp.py"):
        assert httpx.get(f"{running.url}/widget/{name}", timeout=30).status_code == 404


def test_no_widget_connection_no_page(running: Running) -> None:
    assert httpx.get(f"{running.url}/widget", timeout=30).status_code == 404
    reply = httpx.post(f"{running.url}/api/v1/widget/session", json={}, timeout=30)
    assert reply.status_code == 404


def test_only_who_may_reply_says_they_are_typing(running: Running, widget_secret: str) -> None:
    page, _ = session(running)
    conv = _conv(running, say(page, "hello?").json())
    alice = running.client("alice")
    assert running.mutate(alice, "conversation.claim", {"conversation_id": conv})["status"] == (
        "applied"
    )
    # another team's agent and an expert do not see it; a colleague may not answer alice's case
    for name, expected in (("bob", 404), ("erin", 404), ("anna", 403)):
        reply = running.client(name).post(f"/conversations/{conv}/typing")
        assert reply.status_code == expected, (name, reply.text)
    assert alice.post(f"/conversations/{conv}/typing").status_code == 204
    with httpx.stream(
        "GET",
        f"{running.url}/api/v1/widget/events",
        headers={VISITOR: page.headers[VISITOR]},
        timeout=10,
    ) as events:
        seen = ""
        for line in events.iter_lines():
            seen += line + "\n"
            if '"typing": true' in seen and "hello?" in seen:
                break
    assert "event: messages" in seen and "hello?" in seen


def test_the_server_refuses_a_reply_with_a_templates_gap(running: Running) -> None:
    """The rule the composer shows (core.knowledge.unfilled_placeholders), enforced here too."""
    alice = running.client("alice")
    result = running.mutate(
        alice,
        "message.send",
        {
            "conversation_id": running.world.conversations["a_open"],
            "message_id": new_id(),
            "body": "您的退款 {refund_amount} 已原路退回",
        },
    )
    assert result["status"] == "rejected", result
    assert result["error"]["code"] == "unfilled_placeholder", result
