"""Who sees what, over real HTTP: a table of every role against every route.

The tables below are the specification (see agent_desk/server/visibility.py):

- supervisors (sam) and admins (root) see everything;
- agents see their team's conversations and those shared with them (alice, anna: team A;
  bob: team B);
- the expert (erin, no team) sees only what is shared with her (a_shared);
- a customer and their orders come with any visible conversation of theirs;
- teams, agents, SLA policies and articles are public to signed-in users;
- a read_state reaches only its own agent.

Every id a caller may not see is answered exactly like an id that does not exist.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from httpx_sse import connect_sse

from agent_desk.core.ids import new_id
from agent_desk.protocol import ChangesResponse
from agent_desk.server.feed.records import PUBLIC
from agent_desk.server.storage import schema as t
from tests.server.conftest import Running
from tests.server.world import World

USERS = ("alice", "anna", "bob", "erin", "sam", "root")
ALL_CONVERSATIONS = frozenset({"a_open", "a_unassigned", "b_open", "a_shared"})
ALL_CUSTOMERS = frozenset({"c_a", "c_b", "c_shared"})

VISIBLE_CONVERSATIONS: dict[str, frozenset[str]] = {
    "alice": frozenset({"a_open", "a_unassigned", "a_shared"}),
    "anna": frozenset({"a_open", "a_unassigned", "a_shared"}),
    "bob": frozenset({"b_open"}),
    "erin": frozenset({"a_shared"}),
    "sam": ALL_CONVERSATIONS,
    "root": ALL_CONVERSATIONS,
}
VISIBLE_CUSTOMERS: dict[str, frozenset[str]] = {
    "alice": frozenset({"c_a", "c_shared"}),
    "anna": frozenset({"c_a", "c_shared"}),
    "bob": frozenset({"c_b"}),
    "erin": frozenset({"c_shared"}),
    "sam": ALL_CUSTOMERS,
    "root": ALL_CUSTOMERS,
}
SEES_EVERYTHING = frozenset({"sam", "root"})
# the one share in the world: a_shared with erin; it travels with its conversation
WORLD_SHARES = frozenset({("a_shared", "erin")})

# the conversation each user may act on (assignee, an unassigned one, or a supervisor's)
ACTS_ON = {
    "alice": "a_open",
    "anna": "a_unassigned",
    "bob": "b_open",
    "sam": "b_open",
    "root": "a_open",
}

# names of every mutation that carries a conversation_id, with valid other arguments
CONVERSATION_MUTATIONS = (
    "conversation.claim",
    "conversation.assign",
    "conversation.set_status",
    "conversation.snooze",
    "conversation.set_priority",
    "conversation.mark_read",
    "conversation.share",
    "conversation.unshare",
    "message.send",
    "note.add",
)

# routes that are open without a bearer token (inbound has its own HMAC signature)
UNAUTHENTICATED_ROUTES = frozenset(
    {
        ("GET", "/api/v1/health"),
        ("POST", "/api/v1/auth/login"),
        ("POST", "/api/v1/inbound/{channel}"),
        ("POST", "/api/v1/deliveries/receipts"),  # signed by the connection, like inbound
        # the web chat's visitors carry their own token (test_widget tries them all)
        ("POST", "/api/v1/widget/session"),
        ("GET", "/api/v1/widget/messages"),
        ("POST", "/api/v1/widget/messages"),
        ("POST", "/api/v1/widget/receipts"),
        ("GET", "/api/v1/widget/events"),
    }
)


def _args_for(name: str, conversation_id: str, w: World) -> dict[str, Any]:
    until = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    return {
        "conversation.claim": {},
        "conversation.assign": {"agent_id": w.agents["alice"]},
        "conversation.set_status": {"status": "pending"},
        "conversation.snooze": {"until": until},
        "conversation.set_priority": {"priority": "high"},
        "conversation.mark_read": {},
        "conversation.share": {"agent_id": w.agents["erin"]},
        "conversation.unshare": {"agent_id": w.agents["erin"]},
        "message.send": {"message_id": new_id(), "body": "hello"},
        "note.add": {"message_id": new_id(), "body": "a note"},
    }[name] | {"conversation_id": conversation_id}


# --- helpers ------------------------------------------------------------------------------------


def pull(client: httpx.Client, after: str | None = None) -> tuple[list[dict], str]:
    """Every page after ``after``: the records in order and the final cursor."""
    records: list[dict] = []
    cursor = after
    while True:
        params: dict[str, Any] = {"limit": 500} | ({"after": cursor} if cursor else {})
        reply = client.get("/changes", params=params)
        assert reply.status_code == 200, reply.text
        page = ChangesResponse.model_validate(reply.json())
        records.extend(c.model_dump() for c in page.changes)
        cursor = page.cursor
        if not page.has_more:
            return records, cursor


def latest(records: Iterable[dict]) -> dict[tuple[str, str], dict]:
    out: dict[tuple[str, str], dict] = {}
    for r in records:
        out[(r["entity"], r["id"])] = r
    return out


def batch(running: Running, client: httpx.Client, mutations: list[tuple[str, dict]]) -> list[dict]:
    """Send mutations in one request; each is still applied in a transaction of its own."""
    body = {
        "client_id": "visibility-" + new_id(),
        "mutations": [{"id": new_id(), "name": name, "args": args} for name, args in mutations],
    }
    reply = client.post("/mutations", json=body)
    assert reply.status_code == 200, reply.text
    results = reply.json()["results"]
    assert len(results) == len(mutations)
    return results


def high_water(running: Running) -> int:
    with running.db.read() as conn:
        return int(
            conn.execute(sa.select(sa.func.coalesce(sa.func.max(t.changes.c.seq), 0))).scalar_one()
        )


def messages_of(running: Running, conversation_id: str) -> set[str]:
    with running.db.read() as conn:
        return set(
            conn.execute(
                sa.select(t.messages.c.id).where(t.messages.c.conversation_id == conversation_id)
            ).scalars()
        )


@dataclass
class Names:
    """Turns server ids back into the world's names, so failures read as a table."""

    w: World

    def __post_init__(self) -> None:
        self.conv = {v: k for k, v in self.w.conversations.items()}
        self.cust = {v: k for k, v in self.w.customers.items()}
        self.order = {v: k for k, v in self.w.orders.items()}
        self.agent = {v: k for k, v in self.w.agents.items()}

    def pair(self, key: str) -> tuple[str, str]:
        conv, agent = key.split(":", 1)
        return self.conv.get(conv, conv), self.agent.get(agent, agent)


def feed_view(records: list[dict], names: Names) -> dict[str, set]:
    """What a pulled feed holds, by category, in the world's names."""
    view: dict[str, set] = {
        k: set()
        for k in (
            "conversation",
            "customer",
            "order",
            "message_conversation",
            "message",
            "conversation_share",
            "read_state",
            "team",
            "agent",
            "sla_policy",
            "article",
            "action_type",
            "authority_policy",
            "delete",
            "other",
        )
    }
    for (entity, entity_id), r in latest(records).items():
        if r["op"] == "delete":
            view["delete"].add((entity, entity_id))
            continue
        data = r["data"]
        if entity == "conversation":
            view["conversation"].add(names.conv.get(entity_id, entity_id))
        elif entity == "customer":
            view["customer"].add(names.cust.get(entity_id, entity_id))
        elif entity == "order":
            view["order"].add(names.order.get(entity_id, entity_id))
            assert data["customer_id"] == names.w.customers[names.order[entity_id]]
        elif entity == "message":
            view["message"].add(entity_id)
            conv = data["conversation_id"]
            view["message_conversation"].add(names.conv.get(conv, conv))
        elif entity in ("conversation_share", "read_state"):
            view[entity].add(names.pair(entity_id))
        elif entity == "agent":
            view["agent"].add(names.agent.get(entity_id, entity_id))
        elif entity in ("team", "sla_policy", "article", "action_type", "authority_policy"):
            view[entity].add(entity_id)
        else:
            view["other"].add((entity, entity_id))
    return view


def visible_messages(running: Running, conversations: Iterable[str]) -> set[str]:
    ids = [running.world.conversations[c] for c in conversations]
    with running.db.read() as conn:
        return set(
            conn.execute(
                sa.select(t.messages.c.id).where(t.messages.c.conversation_id.in_(ids))
            ).scalars()
        )


def expected_view(running: Running, user: str, read_states: dict[str, set]) -> dict[str, set]:
    w = running.world
    convs = VISIBLE_CONVERSATIONS[user]
    customers = VISIBLE_CUSTOMERS[user]
    with running.db.read() as conn:
        sla_ids = set(conn.execute(sa.select(t.sla_policies.c.channel)).scalars())
        article_ids = set(conn.execute(sa.select(t.articles.c.id)).scalars())
        action_types = set(conn.execute(sa.select(t.action_types.c.id)).scalars())
    return {
        "conversation": set(convs),
        "customer": set(customers),
        "order": set(customers),  # one order per customer, named after it
        "message_conversation": set(convs),
        "message": visible_messages(running, convs),
        "conversation_share": {s for s in WORLD_SHARES if s[0] in convs},
        "read_state": read_states.get(user, set()),
        "team": {w.team_a, w.team_b},
        "agent": set(USERS),
        "sla_policy": sla_ids,
        "article": article_ids,
        "action_type": action_types,  # the catalog and the authority policy: everyone's
        "authority_policy": {"current"},
        "delete": set(),
        "other": set(),
    }


def expected_newest_seq(running: Running, user: str) -> int:
    """The newest change row this user may see, decided from the tables above (not the server)."""
    w = running.world
    me = w.agents[user]
    convs = {w.conversations[c] for c in VISIBLE_CONVERSATIONS[user]}
    customers = {w.customers[c] for c in VISIBLE_CUSTOMERS[user]}
    newest = 0
    with running.db.read() as conn:
        for row in conn.execute(sa.select(t.changes)):
            if row.audience_agent_id is not None:
                visible = row.audience_agent_id == me
            elif user in SEES_EVERYTHING or row.public:
                visible = True
            elif row.conversation_id is not None:
                visible = row.conversation_id in convs
            else:
                visible = row.customer_id in customers
            if visible:
                newest = max(newest, int(row.seq))
    return newest


def make_activity(running: Running, clients: dict[str, httpx.Client]) -> dict[str, set]:
    """Some traffic on top of the world: notes, every user's own read state, public knowledge.

    Returns the read_state each user should see (their own only).
    """
    w = running.world
    c = w.conversations
    for user, conv in (("alice", "a_open"), ("bob", "b_open"), ("erin", "a_shared")):
        note = {"conversation_id": c[conv], "message_id": new_id(), "body": f"{user} was here"}
        assert running.mutate(clients[user], "note.add", note)["status"] == "applied"
    reads = {
        "alice": "a_open",
        "anna": "a_unassigned",
        "bob": "b_open",
        "erin": "a_shared",
        "sam": "b_open",
        "root": "a_open",
    }
    for user, conv in reads.items():
        result = running.mutate(
            clients[user], "conversation.mark_read", {"conversation_id": c[conv]}
        )
        assert result["status"] == "applied", (user, result)
    # published knowledge and an SLA policy, as an admin import would write them
    with running.db.write() as tx:
        now = datetime.now(UTC)
        article_id = new_id()
        tx.conn.execute(
            sa.insert(t.articles).values(
                id=article_id,
                title="Returns",
                body="Within 7 days.",
                scenario="returns",
                tags=[],
                locale="en",
                status="published",
                version=1,
                updated_at=now,
            )
        )
        tx.conn.execute(
            sa.update(t.sla_policies)
            .where(t.sla_policies.c.channel == "email")
            .values(first_response_target_s=3600, first_response_breach_s=7200)
        )
        tx.changed("article", article_id, PUBLIC)
        tx.changed("sla_policy", "email", PUBLIC)
    # the last word is team B's, so team A's newest visible change is older than the feed's end
    note = {"conversation_id": c["b_open"], "message_id": new_id(), "body": "late"}
    assert running.mutate(clients["bob"], "note.add", note)["status"] == "applied"
    return {user: {(conv, user)} for user, conv in reads.items()}


def _diff(expected: dict[str, set], got: dict[str, set]) -> dict[str, dict[str, set]]:
    return {
        k: {"missing": expected[k] - got[k], "unexpected": got[k] - expected[k]}
        for k in expected
        if expected[k] != got[k]
    }


# --- GET /changes and GET /events ---------------------------------------------------------------


def test_full_pull_matrix(running: Running) -> None:
    """Each role's full pull holds exactly what the tables say, nothing more, nothing less."""
    clients = {u: running.client(u) for u in USERS}
    read_states = make_activity(running, clients)
    names = Names(running.world)
    problems = {}
    for user in USERS:
        records, _ = pull(clients[user])
        got = feed_view(records, names)
        diff = _diff(expected_view(running, user, read_states), got)
        if diff:
            problems[user] = diff
    assert problems == {}


def test_events_first_poke_is_newest_visible(running: Running) -> None:
    """The first poke of /events carries the newest change one may see (not the feed's end)."""
    clients = {u: running.client(u) for u in USERS}
    make_activity(running, clients)
    _, end = pull(clients["sam"])
    epoch = end.split("-")[0]
    got, want = {}, {}
    for user in USERS:
        with connect_sse(clients[user], "GET", "/events", timeout=10) as source:
            first = next(source.iter_sse())
        assert first.event == "poke", (user, first.event)
        got[user] = first.id
        newest = expected_newest_seq(running, user)
        want[user] = f"{epoch}-{newest}"
        # /changes agrees: nothing visible after the poke's cursor, something right at it
        after = clients[user].get("/changes", params={"after": first.id}).json()
        assert after["changes"] == [], (user, after["changes"])
        at = clients[user].get("/changes", params={"after": f"{epoch}-{newest - 1}"}).json()
        assert at["changes"], user
    assert got == want
    # team A's and the expert's newest are older than the last (team B) change
    assert got["bob"] == got["sam"] == end
    assert got["alice"] != end and got["erin"] != end


def test_read_state_reaches_only_its_agent(running: Running) -> None:
    w = running.world
    alice, bob, sam = running.client("alice"), running.client("bob"), running.client("sam")
    cursors = {name: pull(client)[1] for name, client in (("bob", bob), ("sam", sam))}
    for conv in ("a_open", "a_shared"):
        done = running.mutate(
            alice, "conversation.mark_read", {"conversation_id": w.conversations[conv]}
        )
        assert done["status"] == "applied"
    mine = {f"{w.conversations[c]}:{w.agents['alice']}" for c in ("a_open", "a_shared")}
    alice_full = {r["id"] for r in pull(alice)[0] if r["entity"] == "read_state"}
    assert alice_full == mine
    for name, client in (("bob", bob), ("sam", sam), ("root", running.client("root"))):
        for records in (pull(client)[0], pull(client, cursors.get(name))[0]):
            assert [r for r in records if r["entity"] == "read_state"] == [], name
    # nor do they get poked for it: their newest visible change is unchanged
    with connect_sse(sam, "GET", "/events", timeout=10) as source:
        assert next(source.iter_sse()).id == cursors["sam"]


# --- POST /mutations: smuggled ids ---------------------------------------------------------------


def _smuggle_table(running: Running, user: str) -> list[tuple[str, dict, str]]:
    """(mutation name, args, what it smuggles) — every one must be refused with not_found."""
    w = running.world
    ghost_conv, ghost_customer, ghost_message = new_id(), new_id(), new_id()
    rows: list[tuple[str, dict, str]] = []
    hidden_convs = sorted(ALL_CONVERSATIONS - VISIBLE_CONVERSATIONS[user])
    for name in CONVERSATION_MUTATIONS:
        rows.append((name, _args_for(name, ghost_conv, w), "nonexistent"))
        for conv in hidden_convs:
            rows.append((name, _args_for(name, w.conversations[conv], w), conv))
    rows.append(("customer.set_note", {"customer_id": ghost_customer, "note": "x"}, "nonexistent"))
    for cust in sorted(ALL_CUSTOMERS - VISIBLE_CUSTOMERS[user]):
        rows.append(("customer.set_note", {"customer_id": w.customers[cust], "note": "x"}, cust))
    # a message id of another conversation, on one the caller may read
    own = w.conversations[sorted(VISIBLE_CONVERSATIONS[user])[0]]
    rows.append(
        (
            "conversation.mark_read",
            {"conversation_id": own, "up_to_message_id": ghost_message},
            "nonexistent",
        )
    )
    for conv in sorted(ALL_CONVERSATIONS):
        if w.conversations[conv] == own:
            continue
        for message_id in sorted(messages_of(running, w.conversations[conv])):
            args = {"conversation_id": own, "up_to_message_id": message_id}
            rows.append(("conversation.mark_read", args, f"message of {conv}"))
    # agent ids are public, but one that does not exist is not_found too
    if user in ACTS_ON:
        conv = w.conversations[ACTS_ON[user]]
        for name in ("conversation.assign", "conversation.share"):
            rows.append(
                (name, {"conversation_id": conv, "agent_id": new_id()}, "nonexistent agent")
            )
    return rows


def _check_smuggling(running: Running, users: Iterable[str]) -> None:
    clients = {u: running.client(u) for u in USERS}
    make_activity(running, clients)
    before = high_water(running)
    problems: list[tuple] = []
    for user in users:
        table = _smuggle_table(running, user)
        results = batch(running, clients[user], [(name, args) for name, args, _ in table])
        reference: dict[str, dict] = {}  # the answer to a nonexistent id, per mutation name
        for (name, args, what), result in zip(table, results, strict=True):
            error = result.get("error") or {}
            if result["status"] != "rejected" or error.get("code") != "not_found":
                problems.append((user, name, what, result["status"], error))
                continue
            key = name + (":message" if "up_to_message_id" in args else "")
            key += ":agent" if what == "nonexistent agent" else ""
            if what == "nonexistent":
                reference[key] = error
            elif key in reference and error != reference[key]:
                problems.append(
                    (user, name, what, "differs from nonexistent", error, reference[key])
                )
    assert problems == []
    assert high_water(running) == before, "a refused mutation left a change behind"


def test_smuggled_ids_matrix(sqlite_running: Running) -> None:
    """Every role × every mutation carrying an id × every id it may not see."""
    _check_smuggling(sqlite_running, USERS)


@pytest.mark.parametrize(
    "db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
def test_smuggled_ids_representative(running: Running) -> None:
    """The same matrix for an agent and the expert, on PostgreSQL."""
    _check_smuggling(running, ("bob", "erin"))


def test_visible_but_not_allowed_is_forbidden(running: Running) -> None:
    w = running.world
    c = w.conversations
    until = (datetime.now(UTC) + timedelta(hours=1)).isoformat()

    def on(conv: str, **extra: Any) -> dict:
        return {"conversation_id": c[conv], **extra}

    table: dict[str, list[tuple[str, dict]]] = {
        # a_open is alice's: anna sees it but may not change it
        "anna": [
            ("conversation.assign", on("a_open", agent_id=w.agents["anna"])),
            ("conversation.set_status", on("a_open", status="pending")),
            ("conversation.snooze", on("a_open", until=until)),
            ("conversation.set_priority", on("a_open", priority="high")),
            ("conversation.share", on("a_open", agent_id=w.agents["erin"])),
            ("conversation.unshare", on("a_shared", agent_id=w.agents["erin"])),
            ("message.send", on("a_open", message_id=new_id(), body="hi")),
            # the customer's note belongs to whoever owns their case (alice), not to onlookers
            ("customer.set_note", {"customer_id": w.customers["c_a"], "note": "anna was here"}),
        ],
        # the expert advises with notes only
        "erin": [
            ("conversation.claim", on("a_shared")),
            ("conversation.assign", on("a_shared", agent_id=w.agents["alice"])),
            ("conversation.set_status", on("a_shared", status="resolved")),
            ("conversation.snooze", on("a_shared", until=until)),
            ("conversation.set_priority", on("a_shared", priority="urgent")),
            ("conversation.share", on("a_shared", agent_id=w.agents["bob"])),
            ("conversation.unshare", on("a_shared", agent_id=w.agents["alice"])),
            ("message.send", on("a_shared", message_id=new_id(), body="hi")),
            ("customer.set_note", {"customer_id": w.customers["c_shared"], "note": "vip"}),
        ],
        # only a supervisor moves a conversation to another team
        "alice": [("conversation.assign", on("a_open", agent_id=w.agents["bob"]))],
        "bob": [("conversation.assign", on("b_open", agent_id=w.agents["alice"]))],
    }
    before = high_water(running)
    problems = []
    for user, rows in table.items():
        for (name, _args), result in zip(
            rows, batch(running, running.client(user), rows), strict=True
        ):
            if result["status"] != "rejected" or result["error"]["code"] != "forbidden":
                problems.append((user, name, result))
    assert problems == []
    assert high_water(running) == before
    # what they may do on the same conversations still works
    allowed = [
        ("anna", "note.add", on("a_open", message_id=new_id(), body="fyi")),
        ("erin", "note.add", on("a_shared", message_id=new_id(), body="try a reship")),
        ("erin", "conversation.mark_read", on("a_shared")),
        ("alice", "customer.set_note", {"customer_id": w.customers["c_a"], "note": "vip"}),
        ("sam", "customer.set_note", {"customer_id": w.customers["c_shared"], "note": "vip"}),
    ]
    for user, name, args in allowed:
        assert running.mutate(running.client(user), name, args)["status"] == "applied", (user, name)


# --- authentication on every route ---------------------------------------------------------------


def test_every_route_needs_a_session(running: Running) -> None:
    """All routes in the OpenAPI document refuse a missing or bad token with 401."""
    spec = httpx.get(f"{running.url}/openapi.json", timeout=10).json()
    routes = [(method.upper(), path) for path, ops in spec["paths"].items() for method in ops]
    assert ("GET", "/api/v1/changes") in routes and ("POST", "/api/v1/mutations") in routes
    bodies = {
        "/api/v1/mutations": {
            "client_id": "c",
            "mutations": [{"id": "1", "name": "presence.set", "args": {"presence": "away"}}],
        },
    }
    bad_headers = [
        {},
        {"Authorization": "Bearer not-a-token"},
        {"Authorization": "Bearer"},
        {"Authorization": "Basic YWxpY2U6Y29ycmVjdCBob3JzZQ=="},
        {"Authorization": "Bearer " + "x" * 5000},
    ]
    checked, problems = 0, []
    with httpx.Client(base_url=running.url, timeout=10) as anon:
        for method, path in routes:
            if (method, path) in UNAUTHENTICATED_ROUTES:
                continue
            for headers in bad_headers:
                kwargs: dict[str, Any] = {"headers": headers}
                if method in ("POST", "PUT", "PATCH"):
                    kwargs["json"] = bodies.get(path, {})
                # streamed, so that an /events that forgot to authenticate cannot hang the test
                with anon.stream(method, path, **kwargs) as reply:
                    status = reply.status_code
                    code = reply.read() and reply.json()["error"]["code"] if status == 401 else None
                presented = headers.get("Authorization", "").startswith("Bearer ")
                if (method, path) == ("POST", "/api/v1/auth/logout") and presented:
                    # signing out is idempotent: any presented bearer token is "revoked" (a no-op
                    # for one that is unknown or expired), so a client can always clean up; only a
                    # request without a bearer token is refused.
                    ok = status == 204
                else:
                    ok = status == 401 and code == "unauthorized"
                if not ok:
                    problems.append((method, path, headers, status))
                checked += 1
    assert problems == []
    assert checked >= 5 * 5  # me, changes, mutations, events, logout — each with 5 bad headers
    # and the open ones really are open
    assert httpx.get(f"{running.url}/api/v1/health", timeout=10).status_code == 200
    assert httpx.get(f"{running.url}/openapi.json", timeout=10).status_code == 200


# --- access granted and revoked ------------------------------------------------------------------


def _case_view(records: list[dict], running: Running) -> dict[str, set]:
    return feed_view(records, Names(running.world))


def test_share_delivers_history_and_unshare_deletes(running: Running) -> None:
    w = running.world
    b_open = w.conversations["b_open"]
    sam, erin = running.client("sam"), running.client("erin")
    note = {"conversation_id": b_open, "message_id": new_id(), "body": "history"}
    assert running.mutate(running.client("bob"), "note.add", note)["status"] == "applied"
    _, cursor = pull(erin)

    shared = running.mutate(
        sam, "conversation.share", {"conversation_id": b_open, "agent_id": w.agents["erin"]}
    )
    assert shared["status"] == "applied"
    # the poke for the grant arrives at once for a listener resuming from before it
    with connect_sse(
        erin, "GET", "/events", headers={"Last-Event-ID": cursor}, timeout=10
    ) as source:
        poke = next(source.iter_sse())
    assert poke.event == "poke" and poke.id != cursor
    records, cursor = pull(erin, cursor)
    got = _case_view(records, running)
    assert got["conversation"] == {"b_open"}
    assert got["message"] == messages_of(running, b_open) and len(got["message"]) == 2
    assert got["customer"] == {"c_b"} and got["order"] == {"c_b"}
    assert got["conversation_share"] == {("b_open", "erin")}
    assert got["delete"] == set()
    # the grant is real: she may now add a note, and the conversation is in a fresh pull
    note = {"conversation_id": b_open, "message_id": new_id(), "body": "expert advice"}
    assert running.mutate(erin, "note.add", note)["status"] == "applied"
    assert _case_view(pull(erin)[0], running)["conversation"] == {"a_shared", "b_open"}
    _, cursor = pull(erin, cursor)

    unshared = running.mutate(
        sam, "conversation.unshare", {"conversation_id": b_open, "agent_id": w.agents["erin"]}
    )
    assert unshared["status"] == "applied"
    records, _ = pull(erin, cursor)
    assert latest(records)[("conversation", b_open)]["op"] == "delete"
    assert all(r["op"] == "delete" for r in records), records
    # and it is gone for good
    note = {"conversation_id": b_open, "message_id": new_id(), "body": "too late"}
    gone = running.mutate(erin, "note.add", note)
    assert gone["status"] == "rejected" and gone["error"]["code"] == "not_found"
    fresh = _case_view(pull(erin)[0], running)
    assert fresh["conversation"] == {"a_shared"} and fresh["customer"] == {"c_shared"}
    assert fresh["order"] == {"c_shared"} and fresh["message_conversation"] == {"a_shared"}


def test_move_to_another_team_delivers_history(running: Running) -> None:
    w = running.world
    b_open = w.conversations["b_open"]
    sam, alice, anna, bob = (running.client(u) for u in ("sam", "alice", "anna", "bob"))
    note = {"conversation_id": b_open, "message_id": new_id(), "body": "bob's history"}
    assert running.mutate(bob, "note.add", note)["status"] == "applied"
    cursors = {"alice": pull(alice)[1], "anna": pull(anna)[1]}

    moved = running.mutate(
        sam, "conversation.assign", {"conversation_id": b_open, "agent_id": w.agents["alice"]}
    )
    assert moved["status"] == "applied" and moved["result"]["team_id"] == w.team_a
    for user, client in (("alice", alice), ("anna", anna)):
        records, _ = pull(client, cursors[user])
        got = _case_view(records, running)
        assert got["conversation"] == {"b_open"}, user
        conv = latest(records)[("conversation", b_open)]["data"]
        assert conv["team_id"] == w.team_a and conv["assignee_id"] == w.agents["alice"]
        assert got["message"] == messages_of(running, b_open) and len(got["message"]) == 2
        assert got["customer"] == {"c_b"} and got["order"] == {"c_b"}
    note = {"conversation_id": b_open, "message_id": new_id(), "body": "mine now"}
    assert running.mutate(alice, "message.send", note)["status"] == "applied"
    # team B no longer sees it at all
    note = {"conversation_id": b_open, "message_id": new_id(), "body": "still here?"}
    refused = running.mutate(bob, "note.add", note)
    assert refused["status"] == "rejected" and refused["error"]["code"] == "not_found"
    fresh = _case_view(pull(bob)[0], running)
    assert fresh["conversation"] == set() and fresh["customer"] == set() and fresh["order"] == set()
    assert fresh["message"] == set()


def test_move_to_another_team_deletes_it_for_the_old_team(sqlite_running: Running) -> None:
    running = sqlite_running
    w = running.world
    b_open = w.conversations["b_open"]
    bob = running.client("bob")
    _, cursor = pull(bob)
    moved = running.mutate(
        running.client("sam"),
        "conversation.assign",
        {"conversation_id": b_open, "agent_id": w.agents["alice"]},
    )
    assert moved["status"] == "applied"
    records, _ = pull(bob, cursor)
    assert ("conversation", b_open) in latest(records)
    assert latest(records)[("conversation", b_open)]["op"] == "delete"
