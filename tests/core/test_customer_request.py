"""What the customer asks: the most informative recent message, not "在吗？" (issue 14, item 3)."""

from __future__ import annotations

import pytest

from agent_desk.core.customer_request import (
    RECENT_MESSAGES,
    best_message,
    customer_request,
    has_content,
    is_filler,
    scenario_tag,
    scenario_text,
    settled_scenario,
    weigh,
)

FILLERS = [
    "在吗？",
    "在吗在吗",
    "还在吗？",
    "有人吗",
    "你好",
    "您好！",
    "好的，麻烦快一点",
    "麻烦快点，谢谢",
    "挺急的，麻烦快点处理",
    "查到了吗？",
    "等了好久了…",
    "怎么没人回复了",
    "好的，那我再等等",
    "OK 谢谢",
    "太好了，效率真高👍",
    "？？",
    "ok",
    "OK!",
    "thanks",
    "Thank you so much!",
    "hello?",
    "Hello? Been waiting a while.",
    "Is anyone there?",
    "Any update?",
    "It's a bit urgent, thanks.",
    "Please get back to me soon.",
    "Following up on this.",
    "   ",
]

CONTENT = [
    "订单 SO-1234 还没到，已经5天了",
    "我的快递到哪了？",
    "退款什么时候到账",
    "衣服尺码偏小，想换大一号",
    "买的加绒连帽卫衣连不上蓝牙了，重置也没用",
    "Where is my parcel?",
    "I'd like a refund please",
    "The zipper broke after two days.",
    "It's order DD202610244862 btw.",
    "I'd like it a little roomy so I can layer underneath.",  # long enough, no keyword
]


@pytest.mark.parametrize("text", FILLERS)
def test_greetings_fillers_and_acknowledgements_say_nothing(text: str) -> None:
    assert is_filler(text)
    assert not has_content(text)


@pytest.mark.parametrize("text", CONTENT)
def test_a_problem_a_product_an_order_or_enough_words_is_content(text: str) -> None:
    assert not is_filler(text)
    assert has_content(text)


def test_the_newest_message_with_content_is_the_request() -> None:
    said = ["我的快递到哪了？", "在吗？", "衣服尺码偏小，想换大一号", "好的，麻烦快一点", "ok"]
    assert customer_request(said) == "衣服尺码偏小，想换大一号"


def test_an_order_number_wins_over_a_newer_message_that_only_complains() -> None:
    said = [
        "订单 SO-1234 还没到，已经5天了",
        "之前也是这样，说好两天到结果拖了一周…",  # long enough: one point, the order has two
        "在吗？",
        "好的，麻烦快一点，那个东西我挺急着用的",
    ]
    assert weigh(said[0]).order and weigh(said[0]).points > weigh(said[1]).points
    assert customer_request(said) == "订单 SO-1234 还没到，已经5天了"
    english = ["Where is order SO-98765? It has not arrived", "Still nothing arrived", "hello?"]
    assert customer_request(english) == "Where is order SO-98765? It has not arrived"


def test_a_bare_order_number_does_not_beat_the_question_it_belongs_to() -> None:
    said = ["买不锈钢刀具五件套的时候忘记勾选开发票了，现在还能补开吗？", "订单号是 DD202610244862"]
    assert customer_request(said) == said[0]


def test_no_content_falls_back_to_the_subject_then_the_newest_message() -> None:
    assert (
        customer_request(["在吗？", "hello?"], "物流查询：订单 DD2026") == "物流查询：订单 DD2026"
    )
    assert customer_request(["在吗？", "有人吗"]) == "有人吗"
    assert customer_request([], "Refund request") == "Refund request"
    assert customer_request([]) == ""


def test_only_the_recent_messages_count_and_the_text_is_one_line() -> None:
    old = "订单 SO-1234 的包裹破损了，想退款，已经等了很多天了"
    said = [old] + ["I'd like it a little roomy so I can layer underneath."] * RECENT_MESSAGES
    assert best_message(said) == len(said) - 1  # the strong one is too old to be read
    assert customer_request(["我的\n\n快递   到哪了？"]) == "我的 快递 到哪了？"
    assert len(customer_request(["退款 " + "很久" * 200])) == 120


def test_the_scenario_is_read_from_content_and_subject_not_from_fillers() -> None:
    text = scenario_text(["我的快递到哪了？", "在吗？", "麻烦快点，谢谢"], "物流查询")
    assert text == "物流查询\n我的快递到哪了？"
    assert scenario_text(["在吗？"]) == "在吗？"  # nothing else to read


def test_a_detected_scenario_stays_unless_new_content_says_another() -> None:
    assert settled_scenario(None, "where_is_my_parcel", new_content=False) == "where_is_my_parcel"
    assert settled_scenario("where_is_my_parcel", "invoice", new_content=False) == (
        "where_is_my_parcel"
    )
    assert settled_scenario("where_is_my_parcel", None, new_content=True) == "where_is_my_parcel"
    assert settled_scenario("where_is_my_parcel", "refund_status", new_content=True) == (
        "refund_status"
    )
    assert settled_scenario(None, None, new_content=True) is None


def test_a_bilingual_label_gives_the_half_in_the_agents_language() -> None:
    label = "包裹在哪 · Where is my parcel"
    assert scenario_tag(label, chinese=False) == "Where is my parcel"
    assert scenario_tag(label, chinese=True) == "包裹在哪"
    assert scenario_tag("Where is my parcel", chinese=True) == "Where is my parcel"
    assert scenario_tag("发票", chinese=False) == "发票"
