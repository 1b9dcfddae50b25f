"""The queue row's scenario and request, worked out in a real cache file beside a real knowledge
index, and kept until the customer writes again (issue 14, item 3)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from agent_desk.core.knowledge import Article
from agent_desk.store import queries
from agent_desk.store.customer_requests import CustomerRequests
from agent_desk.store.knowledge import KnowledgeIndex
from agent_desk.store.local import Me
from agent_desk.store.store import Store

DEMO = Path(__file__).resolve().parent.parent / "data" / "knowledge" / "demo_articles.jsonl"
ME = Me("agent-me", "team-a")


def articles() -> list[Article]:
    with DEMO.open(encoding="utf-8") as fh:
        return [Article.from_mapping(json.loads(line)) for line in fh if line.strip()]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    found = Store(tmp_path / "cache.db")
    yield found
    found.close()


@pytest.fixture
def index(store: Store) -> KnowledgeIndex:
    built = KnowledgeIndex(store.conn)
    built.ensure_schema()
    built.rebuild(articles())
    return built


def write(store: Store, conv_id: str, said: list[tuple[str, str]], subject: str = "") -> None:
    """A conversation and its messages, (kind, body) in order, as sync writes them."""
    with store.transaction() as tx:
        tx.write("customer", {"id": f"cu-{conv_id}", "name": "Li Na"})
        tx.write(
            "conversation",
            {
                "id": conv_id,
                "customer_id": f"cu-{conv_id}",
                "channel": "chat",
                "subject": subject,
                "status": "open",
                "priority": "normal",
                "team_id": ME.team_id,
                "last_message_preview": said[-1][1] if said else "",
                "message_count": len(said),
            },
        )
        for seq, (kind, body) in enumerate(said, start=1):
            tx.write("message", message(conv_id, seq, kind, body))


def message(conv_id: str, seq: int, kind: str, body: str) -> dict[str, Any]:
    return {"id": f"{conv_id}-{seq}", "conversation_id": conv_id, "kind": kind, "body": body,
            "seq": seq}  # fmt: skip


def add(store: Store, conv_id: str, kind: str, body: str) -> None:
    with store.transaction() as tx:
        seq = tx.conn.execute(
            "SELECT max(seq) FROM messages WHERE conversation_id = ?", (conv_id,)
        ).fetchone()[0]
        tx.write("message", message(conv_id, seq + 1, kind, body))
        tx.update("conversation", conv_id, last_message_preview=body)


def row(store: Store, conv_id: str) -> dict[str, Any]:
    return queries.queue_rows(store, [conv_id], ME)[conv_id]


def test_the_row_says_the_scenario_and_the_request_not_the_filler(
    store: Store, index: KnowledgeIndex
) -> None:
    write(
        store,
        "parcel",
        [
            (
                "inbound",
                "你好，我的订单 DD202611190001 显示已发货，物流好几天没更新了，包裹到哪了？",
            ),
            ("system", "会话已分配给 李娜"),
            ("outbound", "您好，我是李娜，这边马上帮您查一下物流，请稍等"),
            ("inbound", "好的，麻烦快一点"),
            ("inbound", "在吗？"),
        ],
    )
    write(store, "hello", [("inbound", "在吗？")], subject="发票抬头开错了，能重开吗")
    write(store, "quiet", [("outbound", "Your order has shipped")], subject="")
    requests = CustomerRequests(store, index)

    before = row(store, "parcel")
    assert before["request_text"] is None and before["last_message_preview"] == "在吗？"
    assert requests.ensure(["parcel", "hello", "quiet"]) == 3

    parcel = row(store, "parcel")
    assert parcel["request_scenario"] == "where_is_my_parcel"
    assert parcel["request_text"].startswith("你好，我的订单 DD202611190001 显示已发货")
    hello = row(store, "hello")  # only a filler: the subject says what it is
    assert (hello["request_text"], hello["request_scenario"]) == (
        "发票抬头开错了，能重开吗",
        "invoice",
    )
    quiet = row(store, "quiet")  # the customer said nothing: no request, no scenario
    assert (quiet["request_text"], quiet["request_scenario"]) == ("", None)


def test_worked_out_once_then_again_only_when_the_customer_writes(
    store: Store, index: KnowledgeIndex
) -> None:
    write(store, "c", [("inbound", "我的快递三天没有物流更新了，包裹到哪了？")])
    requests = CustomerRequests(store, index)
    assert requests.ensure(["c"]) == 1
    assert requests.ensure(["c"]) == 0  # kept: nothing new

    add(store, "c", "outbound", "我帮您查一下")  # the agent's words change nothing
    add(store, "c", "note", "催件工单已提交")
    assert requests.ensure(["c"]) == 0

    add(store, "c", "inbound", "在吗？")  # a filler: looked at, and the row stays as it was
    assert requests.ensure(["c"]) == 1
    assert row(store, "c")["request_scenario"] == "where_is_my_parcel"
    assert row(store, "c")["request_text"] == "我的快递三天没有物流更新了，包裹到哪了？"

    add(store, "c", "inbound", "另外上个月的退款什么时候到账？还没收到退款")  # a new question
    assert requests.ensure(["c"]) == 1
    assert row(store, "c")["request_text"] == "另外上个月的退款什么时候到账？还没收到退款"
    assert row(store, "c")["request_scenario"] == "refund_status"


def test_no_scenario_yet_is_looked_at_again_when_the_articles_change(store: Store) -> None:
    write(store, "c", [("inbound", "衣服尺码偏小，想换大一号")])
    index = KnowledgeIndex(store.conn)
    index.ensure_schema()  # no articles yet (the first sync has not brought them)
    requests = CustomerRequests(store, index)
    assert requests.ensure(["c"]) == 1
    assert row(store, "c")["request_scenario"] is None
    assert requests.ensure(["c"]) == 0

    index.rebuild(articles())
    assert requests.ensure(["c"]) == 1
    assert row(store, "c")["request_scenario"] == "size_advice"
    assert row(store, "c")["request_text"] == "衣服尺码偏小，想换大一号"


def test_next_case_is_the_most_urgent_waiting_one_that_is_mine_or_nobodys(store: Store) -> None:
    with store.transaction() as tx:
        for conv_id, assignee, team, waiting, breach in (
            ("mine-waiting", ME.agent_id, ME.team_id, "2025-03-01T09:00:00.000000Z", "2025-03-01T09:30:00.000000Z"),
            ("mine-answered", ME.agent_id, ME.team_id, None, "2025-03-01T08:00:00.000000Z"),
            ("nobodys", None, ME.team_id, "2025-03-01T09:00:00.000000Z", "2025-03-01T09:10:00.000000Z"),
            ("other-team", None, "team-b", "2025-03-01T09:00:00.000000Z", "2025-03-01T08:00:00.000000Z"),
            ("theirs", "agent-b", ME.team_id, "2025-03-01T09:00:00.000000Z", "2025-03-01T08:00:00.000000Z"),
        ):  # fmt: skip
            tx.write(
                "conversation",
                {"id": conv_id, "customer_id": "cu", "channel": "chat", "subject": "",
                 "status": "open", "priority": "normal", "assignee_id": assignee, "team_id": team,
                 "waiting_since": waiting, "response_breach_at": breach},
            )  # fmt: skip
    now = "2025-03-01T09:05:00.000000Z"
    assert queries.next_case(store, ME, may_claim=True, now=now) == "nobodys"  # breaches first
    assert queries.next_case(store, ME, may_claim=True, skip="nobodys", now=now) == "mine-waiting"
    assert queries.next_case(store, ME, may_claim=False, now=now) == "mine-waiting"
    assert queries.next_case(store, ME, may_claim=False, skip="mine-waiting", now=now) is None
