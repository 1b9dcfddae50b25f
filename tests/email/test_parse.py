"""The email channel's parsing layer against a corpus of real-world-shaped mail.

Each corpus file has one row in ``EXPECTED`` saying what it must parse to; the unit tables
below pin the pieces (ids, quote stripping, HTML, charsets, file names, sniffing, limits);
the property tests feed the parser hostile bytes and check it only ever refuses cleanly.
"""

from __future__ import annotations

import email
import pickle
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent_desk.server.channels.email.parse import (
    Bounce,
    Limits,
    MailRefused,
    ParsedMail,
    decode_payload,
    extract_ids,
    html_to_text,
    normalise_message_id,
    parse_mail,
    safe_filename,
    sniff_type,
    strip_quotes,
)
from tests.email import corpus

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
LONG_NAME = ("订单20261030破损照片" * 10)[:116] + ".jpg"


@dataclass(frozen=True)
class Expect:
    """What one corpus file must parse to; empty tuples and None mean "check it is empty"."""

    subject: str
    from_address: str | None
    from_name: str = ""
    message_id: str | None = None  # None: a real id is present (any); "synthetic": none was
    body: str | None = None  # exact, when given
    body_has: tuple[str, ...] = ()
    body_lacks: tuple[str, ...] = ()
    text_has: tuple[str, ...] = ()
    in_reply_to: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    attachments: tuple[tuple[str, str, int], ...] = ()  # filename, sniffed type, size
    auto_reply: str | None = None
    bounce: Bounce | None = None
    html_only: bool = False
    forwarded: bool = False
    date: datetime | None = field(default=None)


def _ids(*ids: str) -> tuple[str, ...]:
    return ids


EXPECTED: dict[str, Expect] = {
    "01-gmail-reply-en.eml": Expect(
        subject="Re: Where is my parcel? [#AD-4F7K2M]",
        from_address="jane.doe@example.com",
        from_name="Jane Doe",
        message_id="<CAJx3kQ+7bY2vXz-Lq0N9wPd@mail.example.com>",
        body=(
            'Hi,\n\nThe tracking page still says "label created" and it has been six days'
            " since you wrote that the parcel was handed to the courier. Order 20261028-5531."
            " Could you check with them, please?\n\nThanks,\nJane"
        ),
        text_has=("> Your order 20261028-5531 was handed", "Jane Doe\n+1 555 0100"),
        in_reply_to=_ids("<ad-8f2c1e.1762164000@agent-desk>"),
        references=_ids("<ad-8f2c1e.1762164000@agent-desk>"),
        date=datetime(2026, 11, 3, 11, 42, 1, tzinfo=UTC),
    ),
    "02-gmail-reply-zh.eml": Expect(
        subject="回复：我的退款什么时候到账？",
        from_address="zhangsan@example.cn",
        from_name="张三",
        body=(
            "你好，\n\n我上周三申请的退款（订单号 20261025-1187）到现在还没到账，"
            "支付宝里也看不到任何记录。麻烦帮我查一下，谢谢！\n\n张三"
        ),
        text_has=("在 2026年11月3日周二 10:00，客服 <support@shop.example> 写道：",),
        in_reply_to=_ids("<ad-9d41aa.1762164000@agent-desk>"),
        references=_ids("<ad-9d41aa.1762164000@agent-desk>"),
        date=datetime(2026, 11, 3, 13, 5, 30, tzinfo=UTC),
    ),
    "03-outlook-reply-en.eml": Expect(
        subject="RE: Wrong size delivered - order 20261030-0042",
        from_address="tom.baker@example.com",
        from_name="Tom Baker",
        message_id="<DB9PR03MB7417C0A1E2B3D4F5@DB9PR03MB7417.eurprd03.prod.mail.example>",
        body=(
            "Hello,\n\nI ordered the rain jacket in size M but the parcel contained an XL."
            " I would like to exchange it, not refund it. Do I need to print a return label"
            " myself?\n\nBest regards,\nTom Baker"
        ),
        body_lacks=("____", "From:", "Original Message", "photo of the size label"),
        text_has=("-----Original Message-----",),
        in_reply_to=_ids("<ad-11c0de.1762100100@agent-desk>"),
        references=_ids("<ad-11c0de.1762100100@agent-desk>"),
    ),
    "04-outlook-reply-zh.eml": Expect(
        subject="回复: 尺码不对",
        from_address="lilei@example.cn",
        from_name="李雷",
        body=(
            "您好：\n\n收到的运动鞋是42码，我下单时选的是41码，订单号 20261029-3306。"
            "请问怎么换货？需要我先寄回吗？\n\n李雷"
        ),
        body_lacks=("发件人", "多大的尺码"),
        in_reply_to=_ids("<ad-5e6f70.1762068600@agent-desk>"),
        references=_ids("<ad-5e6f70.1762068600@agent-desk>"),
    ),
    "05-foxmail-qq-reply.eml": Expect(
        subject="回复：商品破损",
        from_address="wangfang@qq.example",
        from_name="王芳",
        message_id="<tencent_5C2D1F0E8B7A6D4C3B2A1F0E@qq.example>",
        body=(
            "你好，快递盒子被压扁了，里面的台灯灯罩裂了一道缝，底座也松了。"
            "订单 20261031-0509，能补发一个灯罩吗？\n\n王芳"
        ),
        body_lacks=("原始邮件", "很抱歉"),
        in_reply_to=_ids("<ad-2c3d4e.1762135200@agent-desk>"),
        references=_ids("<ad-2c3d4e.1762135200@agent-desk>"),
    ),
    "06-iphone-reply-zh.eml": Expect(
        subject="Re: 您的订单已签收",
        from_address="liu.min@example.cn",
        from_name="刘敏",
        body="收到的杯子有一个裂了，能补发一个吗？订单 20261029-7720。",
        text_has=("发自我的iPhone", "> 您好，您的订单已签收"),
        in_reply_to=_ids("<ad-7a8b9c.1762135200@agent-desk>"),
        references=_ids("<ad-7a8b9c.1762135200@agent-desk>"),
    ),
    "07-iphone-reply-en.eml": Expect(
        subject="Re: Your parcel was delivered",
        from_address="sam.lee@example.com",
        from_name="Sam Lee",
        body=(
            "The box arrived crushed and the lamp shade is cracked right across. Can you send"
            " a replacement shade? I still have the packaging."
        ),
        in_reply_to=_ids("<ad-3f4e5d.1762171200@agent-desk>"),
        references=_ids("<ad-3f4e5d.1762171200@agent-desk>"),
        date=datetime(2026, 11, 3, 12, 14, 9, tzinfo=UTC),
    ),
    "08-qqmail-mobile-zh.eml": Expect(
        subject="回复：快递未送达",
        from_address="chenjing@qq.example",
        from_name="陈静",
        body="好的，那我等快递员明天再送一次。如果还是送不到，请直接给我退款。",
        body_lacks=("来自 QQ邮箱", "写道"),
        in_reply_to=_ids("<ad-6b7c8d.1762135200@agent-desk>"),
        references=_ids("<ad-6b7c8d.1762135200@agent-desk>"),
    ),
    "09-gbk-body.eml": Expect(
        subject="包裹在哪里？",
        from_address="liuyang@example.cn",
        from_name="刘洋",
        body=(
            "你好，\n\n我在11月1日下的订单（20261101-3302）显示已发货，但是物流信息已经三天"
            "没有更新了，一直停在“深圳转运中心”。请问包裹现在在哪里？\n\n刘洋"
        ),
    ),
    "10-gb2312-label-gbk-chars.eml": Expect(
        subject="换货：李堃的衬衫尺码",
        from_address="wangzhe@example.cn",
        from_name="王喆",
        body_has=("我是王喆", "收件人：李堃", "杭州市西湖区文三路 123 号"),
        body_lacks=("\ufffd",),
    ),
    "11-gb18030-body.eml": Expect(
        subject="收件人姓名有生僻字",
        from_address="jixiang@example.cn",
        from_name="𠮷祥",
        body=(
            "您好，我的名字里有生僻字“𠮷”，快递单上被打成了问号，快递员找不到人 😟。\n\n"
            "订单 20261027-4410，请帮忙把收件人改成：𠮷祥，谢谢 👍"
        ),
    ),
    "12-big5-body.eml": Expect(
        subject="包裹還沒收到",
        from_address="lin.zm@example.tw",
        from_name="林志明",
        message_id="<000001db2c3d$4e5f6a70$7b8c9d0e$@example.tw>",
        body=(
            "您好，\n\n我在 11 月 2 日訂購的藍芽耳機（訂單 20261102-6621）到現在還沒收到，"
            "物流頁面一直顯示「配送中」。請問包裹在哪裡？\n\n林志明"
        ),
    ),
    "13-big5-label-hkscs-chars.eml": Expect(
        subject="我冇收到包裹",
        from_address="chan.taiman@example.hk",
        from_name="陳大文",
        body=(
            "你好，我嘅訂單（20261031-2208）話已經派送咗，但係我冇收到。"
            "係咪寄咗去錯地址？麻煩幫我查下，唔該。\n\n陳大文"
        ),
    ),
    "14-thunderbird-flowed-qp.eml": Expect(
        subject="Re: Your order 20261026-1450 is on its way",
        from_address="marie.dubois@example.com",
        from_name="Marie Dubois",
        body=(
            "Hello,\n\nthe café table I ordered (order 20261026-1450) arrived with one leg"
            " shorter than the others, so it wobbles. I would prefer a refund over a"
            " replacement.\n\nRegards,\nMarie Dubois"
        ),
        text_has=("> Dear Marie, thank you for your order. It will be delivered tomorrow.",),
        in_reply_to=_ids("<ad-0a1b2c.1762101000@agent-desk>"),
        references=_ids("<ad-0a1b2c.1762101000@agent-desk>"),
        date=datetime(2026, 11, 3, 8, 55, 18, tzinfo=UTC),
    ),
    "15-encoded-words.eml": Expect(
        subject="修改收货地址 / change delivery address",
        from_address="chen.meiling@example.tw",
        from_name="陳美玲",
        cc=("family@example.tw", "jose.garcia@example.com"),
        body_has=("台北市大安區復興南路一段 100 號 5 樓", "Please update the address"),
    ),
    "16-html-only.eml": Expect(
        subject="Wrong items in order 20261101-7781",
        from_address="olivia.brown@example.com",
        from_name="Olivia Brown",
        html_only=True,
        body=(
            "Hello Shop Support,\n\n"
            "I received the wrong items in order 20261101-7781"
            " (https://shop.example/orders/20261101-7781):\n\n"
            "Item | Ordered | Received\n"
            "Ceramic mug | 2 × blue | 2 × green\n"
            "Tea towel | 1 | 0\n\n"
            "Please send the right ones & a return label — I'll post the green mugs back."
            " My notes say <keep the box>.\n\n"
            "Thanks,\nOlivia Brown\nolivia.brown@example.com"
        ),
        body_lacks=("document.cookie", "alert", "font-family", "Preview:", "pixel.tracker"),
    ),
    "17-related-inline-image.eml": Expect(
        subject="花瓶碎了（附照片）",
        from_address="zhaoli@example.cn",
        from_name="赵丽",
        body_has=("花瓶瓶口碎了一块", "订单 20261030-2241"),
        attachments=(("IMG_2041.jpg", "image/jpeg", 622),),
    ),
    "18-attachments-pdf-image.eml": Expect(
        subject="发票抬头开错了",
        from_address="zhouqiang@example.cn",
        from_name="周强",
        body_has=("抬头开错了",),
        attachments=(("发票.pdf", "application/pdf", 283), ("订单截图.png", "image/png", 73)),
    ),
    "19-hostile-filenames.eml": Expect(
        subject="破损照片",
        from_address="wanghong@example.cn",
        from_name="王红",
        body_has=("一共七张",),
        attachments=(
            ("passwd", "image/png", 69),
            ("damage_photo__.jpg", "image/jpeg", 122),
            ("_CON.txt", "text/plain", 28),
            (LONG_NAME, "image/jpeg", 142),
            ("photo_gpj.exe", "application/x-msdownload", 136),
            ("attachment.gif", "image/gif", 43),
            ("收据.jpg", "image/jpeg", 102),
        ),
    ),
    "20-lying-types.eml": Expect(
        subject="Broken suitcase handle - refund please",
        from_address="noah.wilson@example.com",
        from_name="Noah Wilson",
        body_has=("The suitcase handle snapped on first use.",),
        attachments=(
            ("photo.png", "application/pdf", 278),
            ("readme.txt", "application/x-msdownload", 136),
            ("receipt.pdf", "application/zip", 159),
        ),
    ),
    "21-auto-submitted.eml": Expect(
        subject="Out of office: Re: Your refund for order 20261020-1200",
        from_address="emma.clark@example.com",
        from_name="Emma Clark",
        body_has=("out of the office",),
        in_reply_to=_ids("<ad-aa11bb.1762167600@agent-desk>"),
        auto_reply="Auto-Submitted: auto-replied",
    ),
    "22-x-autoreply.eml": Expect(
        subject="回复：您的订单已发货",
        from_address="sunyue@qq.example",
        from_name="孙悦",
        body_has=("假期自动回复",),
        auto_reply="X-Autoreply: yes",
    ),
    "23-x-autorespond.eml": Expect(
        subject="Re: Your exchange request",
        from_address="liam.scott@example.com",
        from_name="Liam Scott",
        body_has=("travelling this week",),
        auto_reply="X-Autorespond: Vacation message from liam.scott@example.com",
    ),
    "24-precedence-bulk.eml": Expect(
        subject="Your weekly shipping digest",
        from_address="news@courier.example",
        from_name="Courier Weekly",
        body_has=("new pickup points",),
        auto_reply="Precedence: bulk",
    ),
    "25-precedence-auto-reply.eml": Expect(
        subject="已收到您的来信",
        from_address="service@supplier.example.cn",
        from_name="供应商客服",
        body_has=("系统自动发送",),
        auto_reply="Precedence: auto_reply",
    ),
    "26-exchange-oof.eml": Expect(
        subject="自动回复: 关于您的退货申请",
        from_address="wulei@corp.example.cn",
        from_name="吴磊",
        body_has=("休假",),
        in_reply_to=_ids("<ad-cc22dd.1762170000@agent-desk>"),
        auto_reply="X-Auto-Response-Suppress: All",
    ),
    "27-null-return-path.eml": Expect(
        subject="[Case 88123] We have received your request",
        from_address="helpdesk@courier.example",
        from_name="Example Courier Helpdesk",
        body_has=("Your case number is 88123.",),
        auto_reply="Return-Path: <>",
    ),
    "28-auto-submitted-no.eml": Expect(
        subject="Can I still return the boots?",
        from_address="ava.martin@example.com",
        from_name="Ava Martin",
        body=(
            "Hello, I bought winter boots 35 days ago (order 20260929-0777) and they are too"
            " narrow.\nCan I still return them, or is the 30-day window strict?\n\nAva"
        ),
    ),
    "29-dsn-bounce-permanent.eml": Expect(
        subject="Undelivered Mail Returned to Sender",
        from_address="mailer-daemon@mx.example.cn",
        from_name="Mail Delivery System",
        text_has=("could not\nbe delivered",),
        auto_reply="Content-Type: multipart/report; report-type=delivery-status",
        bounce=Bounce(
            original_message_id="<ad-3b9d2f.1762143600@agent-desk>",
            recipient="nobody@example.cn",
            status="5.1.1",
            diagnostic=(
                "550 5.1.1 <nobody@example.cn>: Recipient address rejected:"
                " User unknown in virtual mailbox table"
            ),
            permanent=True,
        ),
    ),
    "30-dsn-delayed.eml": Expect(
        subject="Delayed Mail (still being retried)",
        from_address="postmaster@mx.shop.example",
        from_name="Mail Delivery Subsystem",
        body_has=("暂时未能投递",),
        body_lacks=("Your refund of 59.00 CNY",),
        auto_reply="Content-Type: multipart/report; report-type=delivery-status",
        bounce=Bounce(
            original_message_id="<ad-77aa88.1762172400@agent-desk>",
            recipient="slow@qq.example",
            status="4.4.1",
            diagnostic="451 4.4.1 mx3.qq.example: connection timed out",
            permanent=False,
        ),
    ),
    "31-no-message-id.eml": Expect(
        subject="Please cancel my order",
        from_address="mia.turner@example.com",
        from_name="Mia Turner",
        message_id="synthetic",
        body_has=("please cancel order 20261103-1010",),
    ),
    "32-forwarded-gmail.eml": Expect(
        subject="Fwd: Order confirmation 20261031-7781",
        from_address="amy.chen@example.com",
        from_name="Amy Chen",
        forwarded=True,
        body_has=(
            "I was charged twice",
            "---------- Forwarded message ---------",
            "From: Example Shop <orders@shop.example>",
            "1 x Bluetooth speaker    39.00 USD",
        ),
    ),
    "33-forwarded-zh.eml": Expect(
        subject="Fwd: 订单确认 20261031-7782",
        from_address="zhoujie@example.cn",
        from_name="周杰",
        forwarded=True,
        body_has=("我付了两次款", "---------- 转发的邮件 ---------", "蓝牙音箱 × 1"),
    ),
    "34-forwarded-outlook-zh.eml": Expect(
        subject="转发: 您的退款已受理",
        from_address="huanglei@example.cn",
        from_name="黄蕾",
        forwarded=True,
        body_has=("钱一直没到", "发件人: 客服 <support@shop.example>", "您的退款 ￥128.00 已受理"),
    ),
    "35-reply-old-conversation.eml": Expect(
        subject="Re: Re: Replacement kettle [#AD-5M8T2Q]",
        from_address="lucas.green@example.com",
        from_name="Lucas Green",
        body=(
            "Hi again,\n\nthe replacement kettle you sent in September has now stopped working"
            " too.\nIt does not switch on at all. What can we do?\n\nLucas"
        ),
        in_reply_to=_ids("<ad-0f1e2d.1758200000@agent-desk>"),
        references=_ids(
            "<lucas-first-0912@example.com>",
            "<ad-a1a1a1.1757800000@agent-desk>",
            "<lucas-second-0915@example.com>",
            "<ad-0f1e2d.1758200000@agent-desk>",
        ),
    ),
    "36-stranger-token.eml": Expect(
        subject="Re: 订单问题 [#AD-7Q3XK9]",
        from_address="zhengwei@qq.example",
        from_name="郑伟",
        body="你好，我是收件人的家人，他让我问一下这个订单什么时候能到，我们下周要出门。",
    ),
    "37-broken-boundary.eml": Expect(
        subject="Missing parcel",
        from_address="ethan.hall@example.com",
        from_name="Ethan Hall",
        body=(
            "My parcel (order 20261027-5151) was marked delivered yesterday, but it is\n"
            "not here and none of my neighbours have it."
        ),
    ),
    "38-malformed-headers.eml": Expect(
        subject="退款申请 订单20261101-4545",
        from_address="wangfang@example.cn",
        from_name="王芳",
        message_id="<20261103101010.12345@example.cn>",
        body_has=("我要退款，商品和描述不符，颜色差很多。",),
    ),
    "39-apple-mixed-inline.eml": Expect(
        subject="Scratched table top",
        from_address="grace.young@example.com",
        from_name="Grace Young",
        body=(
            "The table top arrived with a long scratch, see this photo:\n\n"
            "Could you send a new top, or should I return the whole table?\n\nGrace"
        ),
        attachments=(("scratch.jpg", "image/jpeg", 222),),
    ),
    "40-read-receipt.eml": Expect(
        subject="Read: Your return label",
        from_address="henry.king@example.com",
        from_name="Henry King",
        body_has=("Your message was read",),
        auto_reply="Content-Type: multipart/report; report-type=disposition-notification",
    ),
    "41-qq-html-only-reply.eml": Expect(
        subject="回复：您的订单已签收",
        from_address="mali@qq.example",
        from_name="马丽",
        html_only=True,
        body="衣服收到了，但是袖子上有一块污渍，洗不掉。可以退货吗？\n\n马丽",
        text_has=("------------------ 原始邮件 ------------------", "> 您好，您的订单"),
    ),
}


def _check_invariants(mail: ParsedMail) -> None:
    """What holds for every parsed mail, whatever went in."""
    for value in (mail.text, mail.body):
        assert CONTROL.search(value) is None
        assert "\r" not in value
    for value in (mail.subject, mail.from_name, *(v for _, v in mail.headers)):
        assert CONTROL.search(value) is None
        assert "\n" not in value
    assert mail.message_id.startswith("<") and mail.message_id.endswith(">")
    assert all(i.startswith("<") and i.endswith(">") for i in (*mail.references, *mail.in_reply_to))
    assert mail.date is None or mail.date.tzinfo is UTC
    for attachment in mail.attachments:
        assert attachment.filename and len(attachment.filename) <= 120
        assert not set(attachment.filename) & set('/\\:*?"<>|\x00')


# ---- the corpus -------------------------------------------------------------------------


def test_the_corpus_is_fully_described() -> None:
    """Every file has an expectation and a README line, and there are enough of them."""
    readme = (corpus.CORPUS / "README.md").read_text(encoding="utf-8")
    assert sorted(EXPECTED) == corpus.names()
    assert len(corpus.names()) >= 28
    missing = [name for name in corpus.names() if f"`{name}`" not in readme]
    assert missing == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file_parses_to_what_it_should(name: str) -> None:
    expect = EXPECTED[name]
    mail = parse_mail(corpus.load(name))
    _check_invariants(mail)

    assert mail.subject == expect.subject
    assert (mail.from_address, mail.from_name) == (expect.from_address, expect.from_name)
    assert corpus.OUR_ADDRESS in mail.to
    assert mail.cc == expect.cc
    if expect.message_id == "synthetic":
        assert mail.synthetic_id
        assert re.fullmatch(r"<[0-9a-f]{64}@synthetic\.agent-desk>", mail.message_id)
    else:
        assert not mail.synthetic_id
        assert mail.message_id == (expect.message_id or mail.message_id)
    assert (mail.in_reply_to, mail.references) == (expect.in_reply_to, expect.references)
    if expect.date is not None:
        assert mail.date == expect.date

    if expect.body is not None:
        assert mail.body == expect.body
    for fragment in expect.body_has:
        assert fragment in mail.body
    for fragment in expect.body_lacks:
        assert fragment not in mail.body
    for fragment in expect.text_has:
        assert fragment in mail.text

    found = tuple((a.filename, a.content_type, a.size) for a in mail.attachments)
    assert found == expect.attachments
    assert (mail.auto_reply, mail.bounce) == (expect.auto_reply, expect.bounce)
    assert (mail.html_only, mail.forwarded) == (expect.html_only, expect.forwarded)


def test_inline_image_is_marked_with_its_content_id() -> None:
    (image,) = parse_mail(corpus.load("17-related-inline-image.eml")).attachments
    assert (image.inline, image.content_id) == (True, "photo-1@example.cn")
    assert image.data.startswith(b"\xff\xd8\xff")


def test_attachments_without_content_id_are_not_inline() -> None:
    mail = parse_mail(corpus.load("39-apple-mixed-inline.eml"))
    assert [(a.inline, a.content_id) for a in mail.attachments] == [(False, None)]


def test_declared_types_are_kept_beside_the_sniffed_ones() -> None:
    mail = parse_mail(corpus.load("20-lying-types.eml"))
    assert [(a.declared_type, a.type_mismatch) for a in mail.attachments] == [
        ("image/png", True),
        ("text/plain", True),
        ("application/pdf", True),
    ]
    honest = parse_mail(corpus.load("18-attachments-pdf-image.eml"))
    assert [a.type_mismatch for a in honest.attachments] == [False, False]


def test_broken_mail_reports_its_defects() -> None:
    assert (
        "StartBoundaryNotFoundDefect" in parse_mail(corpus.load("37-broken-boundary.eml")).defects
    )
    mail = parse_mail(corpus.load("38-malformed-headers.eml"))
    assert mail.date is None  # "2026-11-03 25:61:00"
    assert "MissingHeaderBodySeparatorDefect" in mail.defects
    assert ("X-Note", "tab here, bell and nul inside") in mail.headers


def test_headers_are_decoded_in_order() -> None:
    mail = parse_mail(corpus.load("15-encoded-words.eml"))
    names = [name for name, _ in mail.headers]
    assert names[:4] == ["Received", "From", "To", "Cc"]
    headers = dict(mail.headers)
    assert headers["From"] == "陳美玲 <chen.meiling@example.tw>"
    assert headers["To"] == '"Shop Support 客服" <support@shop.example>'
    assert headers["Cc"] == "謝謝你們 <family@example.tw>, José García <jose.garcia@example.com>"


def test_synthetic_id_is_stable_and_depends_on_the_mail() -> None:
    raw = corpus.load("31-no-message-id.eml")
    first = parse_mail(raw).message_id
    assert parse_mail(raw).message_id == first
    # another relay hop (a new Received line, CRLF line ends) is the same mail
    relayed = b"Received: from relay.example by mx.shop.example; Tue, 3 Nov 2026\r\n" + raw.replace(
        b"\n", b"\r\n"
    )
    assert parse_mail(relayed).message_id == first
    assert parse_mail(raw.replace(b"blender", b"toaster")).message_id != first


# ---- generated mails and limits ---------------------------------------------------------


def test_a_20_mb_attachment_is_refused_with_the_figures() -> None:
    raw = corpus.big_attachment_mail(20)
    with pytest.raises(MailRefused) as whole:
        parse_mail(raw)
    assert whole.value.code == "too_large"
    assert whole.value.reason == "the mail is 27.4 MB; the limit is 15.0 MB"
    with pytest.raises(MailRefused) as one:
        parse_mail(raw, Limits(max_bytes=64 * 1024 * 1024))
    assert one.value.code == "attachment_too_large"
    assert one.value.reason == "the attachment 'photos.zip' is 20.0 MB; the limit is 10.0 MB"


def test_an_attachment_within_the_limit_is_kept() -> None:
    mail = parse_mail(corpus.big_attachment_mail(2))
    (archive,) = mail.attachments
    assert (archive.filename, archive.content_type, archive.size) == (
        "photos.zip",
        "application/zip",
        2 * 1024 * 1024,
    )


def test_too_many_parts_are_refused() -> None:
    with pytest.raises(MailRefused) as refused:
        parse_mail(corpus.many_parts_mail(150))
    assert refused.value.code == "too_many_parts"
    assert refused.value.reason == "the mail has 152 MIME parts; the limit is 100"
    assert len(parse_mail(corpus.many_parts_mail(98)).attachments) == 98


def test_deep_nesting_is_refused_cleanly() -> None:
    def nested(levels: int) -> bytes:
        parts = b"".join(
            b"Content-Type: multipart/mixed; boundary=b%d\n\n--b%d\n" % (i, i)
            for i in range(levels)
        )
        return b"From: a@example.com\nSubject: deep\n" + parts + b"\nhello\n"

    for levels in (40, 1200):
        with pytest.raises(MailRefused) as refused:
            parse_mail(nested(levels))
        assert refused.value.code == "unparseable"
        assert "nested" in refused.value.reason


@pytest.mark.parametrize(
    ("raw", "code", "reason"),
    [
        (b"", "empty", "the mail is empty (0 bytes)"),
        (b" \r\n\r\n", "empty", "the mail is blank (5 bytes)"),
        (b"\x00\x01\x02 not a mail", "unparseable", "the data has no mail headers"),
    ],
)
def test_nothing_to_read_is_refused(raw: bytes, code: str, reason: str) -> None:
    with pytest.raises(MailRefused) as refused:
        parse_mail(raw)
    assert (refused.value.code, refused.value.reason, str(refused.value)) == (code, reason, reason)


def test_mail_refused_survives_pickling() -> None:
    copy = pickle.loads(pickle.dumps(MailRefused("too_large", "the mail is 1.0 MB")))
    assert (copy.code, copy.reason) == ("too_large", "the mail is 1.0 MB")


def test_long_text_is_cut_with_a_marker_line() -> None:
    raw = b"From: a@example.com\nSubject: long\n\n" + b"0123456789" * 2000
    mail = parse_mail(raw, Limits(max_body_chars=1000))
    assert mail.truncated
    assert mail.text.startswith("0123456789" * 100)
    assert mail.text.endswith(
        "[… the message was cut: it has 20,000 characters; the limit is 1,000]"
    )
    assert mail.body == mail.text
    assert not parse_mail(raw).truncated


def test_a_cut_reply_still_loses_its_quotes() -> None:
    quoted = "\n".join(f"> old line {n}" for n in range(500))
    raw = f"From: a@example.com\nSubject: Re: x\n\nNew words.\n\nOn Tue, 3 Nov 2026 a@b.c wrote:\n{quoted}\n"
    mail = parse_mail(raw.encode(), Limits(max_body_chars=2000))
    assert mail.truncated
    assert mail.body == "New words."


# ---- message ids ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<abc@example.com>", "<abc@example.com>"),
        ("  <abc@example.com> (added by relay)", "<abc@example.com>"),
        ("< abc@example.com >", "<abc@example.com>"),
        ("abc@example.com", "<abc@example.com>"),
        ("<CaseKept.X@Example.COM>", "<CaseKept.X@Example.COM>"),
        ("<1234>", "<1234>"),
        ("", None),
        ("no id here", None),
        ("<>", None),
    ],
)
def test_normalise_message_id(value: str, expected: str | None) -> None:
    assert normalise_message_id(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<a@x> <b@x>\r\n\t<c@x>", ("<a@x>", "<b@x>", "<c@x>")),
        ("<a@x>,<b@x>, <a@x>", ("<a@x>", "<b@x>")),
        ("a@x b@x", ("<a@x>", "<b@x>")),
        ("<a@x> (Jane's message of Tue)", ("<a@x>",)),
        ("", ()),
    ],
)
def test_extract_ids(value: str, expected: tuple[str, ...]) -> None:
    assert extract_ids(value) == expected


def test_overlong_references_keep_the_root_and_the_latest() -> None:
    ids = " ".join(f"<{n}@example.com>" for n in range(300))
    raw = f"From: a@example.com\nSubject: x\nReferences: {ids}\n\nhi\n".encode()
    references = parse_mail(raw).references
    assert len(references) == 100
    assert references[0] == "<0@example.com>"
    assert references[1:] == tuple(f"<{n}@example.com>" for n in range(201, 300))


# ---- the quote stripper -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Yes please.\n\nOn Tue, Nov 3, 2026 at 10:00 AM Shop <s@shop.example> wrote:\n> Refund?",
            "Yes please.",
            id="gmail-en",
        ),
        pytest.param(
            "好的\n\n在 2026年11月3日周二 10:00，客服 <s@shop.example> 写道：\n> 您好",
            "好的",
            id="gmail-zh",
        ),
        pytest.param(
            "好的\n\n客服 <s@shop.example> 于2026年11月3日周二 10:00写道：\n> 您好",
            "好的",
            id="gmail-zh-new",
        ),
        pytest.param(
            "OK\n\n-----Original Message-----\nFrom: Shop\nSent: Monday\n\nold",
            "OK",
            id="original-message",
        ),
        pytest.param(
            "OK\n\nFrom: Shop <s@shop.example>\nSent: Monday, November 2, 2026 4:15 PM\n"
            "To: Tom\nSubject: RE: x\n\nold",
            "OK",
            id="outlook-en-block",
        ),
        pytest.param(
            "OK\n\n*From:* Shop <s@shop.example>\n*Sent:* Monday\n*To:* Tom\n\nold",
            "OK",
            id="outlook-bold-block",
        ),
        pytest.param(
            "好\n\n发件人：客服 <s@shop.example>\n发送时间：2026年11月2日 15:30\n"
            "收件人：李雷\n主题：回复：尺码\n\n旧的",
            "好",
            id="outlook-zh-fullwidth-colons",
        ),
        pytest.param(
            "好\n\n寄件者: 客服\n寄件日期: 2026年11月2日\n收件者: 陳\n主旨: 訂單\n\n舊的",
            "好",
            id="outlook-zh-hant",
        ),
        pytest.param(
            "好\n\n------------------ 原始邮件 ------------------\n发件人: 客服\n\n旧",
            "好",
            id="qq",
        ),
        pytest.param("好\n\n---- 回复的原邮件 ----\n旧", "好", id="netease"),
        pytest.param(
            "Thanks\n\n-- \nJane Doe\nACME Ltd\n+1 555 0100", "Thanks", id="dash-signature"
        ),
        pytest.param("收到\n\n发自我的iPhone", "收到", id="iphone-zh"),
        pytest.param("Got it\n\nSent from my iPhone", "Got it", id="iphone-en"),
        pytest.param("好的\n\n来自 QQ邮箱", "好的", id="qqmail"),
        pytest.param("OK\n\nGet Outlook for Android", "OK", id="outlook-mobile"),
        pytest.param(
            "On Tue, 3 Nov 2026 at 10:00, Shop <s@shop.example> wrote:\n> q\n\nmy answer",
            "my answer",
            id="bottom-posted",
        ),
        pytest.param(
            "> q1\nanswer1\n> q2\nanswer2\n\n> rest",
            "> q1\nanswer1\n> q2\nanswer2",
            id="inline-answers-keep-their-questions",
        ),
        pytest.param(
            "See below.\n\n---------- Forwarded message ---------\nFrom: Shop\nDate: x\n"
            "Subject: y\n\n> quoted in the forward\nbody",
            "See below.\n\n---------- Forwarded message ---------\nFrom: Shop\nDate: x\n"
            "Subject: y\n\n> quoted in the forward\nbody",
            id="forward-marker-keeps-everything-after",
        ),
        pytest.param(
            "I paid 20 and the seller wrote:\nit ships today",
            "I paid 20 and the seller wrote:\nit ships today",
            id="wrote-without-a-date-or-address-is-text",
        ),
        pytest.param(
            "Before\n--\n" + "\n".join(f"line {n}" for n in range(20)),
            "Before\n--\n" + "\n".join(f"line {n}" for n in range(20)),
            id="long-block-after-dashes-is-not-a-signature",
        ),
        pytest.param("From: Shanghai\nTo: Beijing\n", "From: Shanghai\nTo: Beijing", id="two-keys"),
        pytest.param("> only a quote\n> nothing else", "", id="only-history"),
    ],
)
def test_strip_quotes(text: str, expected: str) -> None:
    assert strip_quotes(text) == expected


@pytest.mark.parametrize(
    "name",
    [
        "01-gmail-reply-en.eml",
        "02-gmail-reply-zh.eml",
        "03-outlook-reply-en.eml",
        "05-foxmail-qq-reply.eml",
        "07-iphone-reply-en.eml",
    ],
)
def test_the_html_alternative_strips_to_the_same_body(name: str) -> None:
    """Gmail's blockquote, Outlook's divRplyFwdMsg and QQ's rule strip like their plain text."""
    message = email.message_from_bytes(corpus.load(name), policy=policy.default)
    assert isinstance(message, EmailMessage)
    [html] = [part for part in message.walk() if part.get_content_type() == "text/html"]
    assert strip_quotes(html_to_text(decode_payload(html))) == parse_mail(corpus.load(name)).body


def test_strip_quotes_keeps_a_forward_whole() -> None:
    text = "FYI\n\n________________________________\n发件人: 客服\n发送时间: x\n主题: y\n\n退款通知"
    assert strip_quotes(text, forwarded=True) == text


def test_reply_that_is_only_history_falls_back_to_the_text() -> None:
    raw = "From: a@example.com\nSubject: Re: x\n\n> everything quoted\n> here\n\n-- \nA\n"
    mail = parse_mail(raw.encode())
    assert mail.body == "> everything quoted\n> here"


# ---- HTML to text -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("a<br>b<br><br>c", "a\nb\n\nc"),
        ("<p>one</p><p>two</p>", "one\n\ntwo"),
        ("<div>one</div><div><br></div><div>two</div>", "one\n\ntwo"),
        ("<ul><li>x</li><li>y</li></ul><ol><li>a<li>b</ol>", "- x\n- y\n1. a\n2. b"),
        ('<a href="https://x.example/o">order</a>', "order (https://x.example/o)"),
        ('<a href="https://x.example/">https://x.example/</a>', "https://x.example/"),
        ('<a href="mailto:a@b.example">write</a>', "write (a@b.example)"),
        ('<a href="javascript:steal()">click</a>', "click"),
        ("&lt;b&gt; &amp; &#x4e2d; &nbsp;x", "<b> & 中 x"),
        ("<script>alert(1)</script>ok<style>p{}</style>", "ok"),
        ("ok<script>never closed", "ok"),
        ('<div style="display: none">hidden</div>shown', "shown"),
        ('<img src="https://t.example/p.gif" width="1" height="1" alt="pixel">x', "x"),
        ('<img src="cid:a" alt="photo">', "[photo]"),
        ("<blockquote>q<blockquote>qq</blockquote></blockquote>a", "> q\n> > qq\na"),
        ("<pre>  a\n    b</pre>", "  a\n    b"),
        ("<head><title>T</title></head><body>b</body>", "b"),
        ("<table><tr><td>x</td><td>y</td></tr></table>", "x | y"),
        ("<!-- comment --><![CDATA[x]]><?php echo 1 ?>text", "text"),
    ],
)
def test_html_to_text(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


# ---- charsets ---------------------------------------------------------------------------


def _part(data: bytes, content_type: str, cte: str = "8bit") -> EmailMessage:
    raw = f"Content-Type: {content_type}\nContent-Transfer-Encoding: {cte}\n\n".encode() + data
    message = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


@pytest.mark.parametrize(
    ("data", "content_type", "expected"),
    [
        ("李堃 王喆 朱镕基".encode("gbk"), "text/plain; charset=gb2312", "李堃 王喆 朱镕基"),
        ("𠮷 😟 €".encode("gb18030"), "text/plain; charset=gb2312", "𠮷 😟 €"),
        ("我嘅訂單冇到".encode("big5hkscs"), "text/plain; charset=big5", "我嘅訂單冇到"),
        ("包裹".encode("gbk"), "text/plain", "包裹"),
        ("包裹".encode(), "text/plain; charset=x-unknown-charset", "包裹"),
        ("café".encode("cp1252"), "text/plain; charset=iso-8859-1", "café"),
        (b"a\r\nb\rc\x00d\x1be\tf", "text/plain; charset=utf-8", "a\nb\ncde\tf"),
        (b"ok \xff\xfe end", "text/plain; charset=utf-8", "ok \ufffd\ufffd end"),
        (b"x", "text/plain; charset=base64", "x"),
        (
            '<meta charset="gbk"><p>退款</p>'.encode("gbk"),
            "text/html",
            '<meta charset="gbk"><p>退款</p>',
        ),
    ],
)
def test_decode_payload(data: bytes, content_type: str, expected: str) -> None:
    assert decode_payload(_part(data, content_type)) == expected


def test_decode_payload_on_broken_base64_does_not_raise() -> None:
    assert isinstance(decode_payload(_part(b"5Lit5paH!!!*", "text/plain", "base64")), str)


# ---- file names and types ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content_type", "expected"),
    [
        ("../../etc/passwd", "text/plain", "passwd"),
        ("C:\\Users\\x\\Desktop\\photo.jpg", "image/jpeg", "photo.jpg"),
        ("bad\x00name\x07.txt", "text/plain", "bad_name_.txt"),
        ("CON.txt", "text/plain", "_CON.txt"),
        ("lpt1", "text/plain", "_lpt1"),
        ("con.tar.gz", "application/gzip", "_con.tar.gz"),
        ("invoice\u202efdp.exe", "application/x-msdownload", "invoice_fdp.exe"),
        ('a<b>c:d"e|f?g*h.pdf', "application/pdf", "a_b_c_d_e_f_g_h.pdf"),
        ("  ..hidden. ", "text/plain", "hidden"),
        ("=?utf-8?B?5Y+R56Wo?=.pdf", "application/pdf", "发票.pdf"),
        (None, "image/png", "attachment.png"),
        ("", "application/x-unknown", "attachment"),
        ("../", "application/pdf", "attachment.pdf"),
        ("x" * 300 + ".jpeg", "image/jpeg", "x" * 115 + ".jpeg"),
        ("y" * 300, "text/plain", "y" * 120),
    ],
)
def test_safe_filename(name: str | None, content_type: str, expected: str) -> None:
    assert safe_filename(name, content_type) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n...", "application/pdf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        (b"\xff\xd8\xff\xe1", "image/jpeg"),
        (b"GIF89a\x01\x00", "image/gif"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "image/webp"),
        (
            b"PK\x03\x04" + b"\x00" * 26 + b"[Content_Types].xml word/document.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            b"PK\x03\x04" + b"\x00" * 26 + b"[Content_Types].xml xl/workbook.xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (b"PK\x03\x04\x14\x00", "application/zip"),
        (b"\x1f\x8b\x08\x00", "application/gzip"),
        (b"MZ\x90\x00\x03", "application/x-msdownload"),
        (b"\x7fELF\x02\x01", "application/x-executable"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"),
        ("订单号 123\r\n".encode(), "text/plain"),
        ("订单号".encode("gbk"), "text/plain"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html>", "text/html"),
        (b'<?xml version="1.0"?><svg xmlns="x">', "image/svg+xml"),
        (b"\x00\x01\x02\x03binary", "application/octet-stream"),
        (b"", "application/octet-stream"),
    ],
)
def test_sniff_type(data: bytes, expected: str) -> None:
    assert sniff_type(data) == expected


# ---- properties -------------------------------------------------------------------------

TOKENS = [
    b"\n",
    b"\r\n",
    b"\n\n",
    b"--",
    b"=?",
    b"?=",
    b"=?utf-8?B?",
    b"=?gb2312?Q?",
    b";",
    b'"',
    b"<",
    b">",
    b"\\",
    b"\x00",
    b"\xff",
    b"\xa1\xa1",
    b"boundary=",
    b"charset=",
    b"filename*0*=",
    b"%",
    b"'",
    b"(",
    b"@",
    b":",
    b"Content-Type: multipart/mixed; boundary=x\n\n--x\n",
    b"Content-Type: message/rfc822\n\n",
    b"Content-Transfer-Encoding: base64\n",
]


def _parse_or_refuse(raw: bytes) -> None:
    try:
        mail = parse_mail(raw)
    except MailRefused as refused:
        assert refused.code in (
            "too_large",
            "too_many_parts",
            "attachment_too_large",
            "unparseable",
            "empty",
        )
        assert refused.reason
        return
    _check_invariants(mail)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_parse_or_are_refused(raw: bytes) -> None:
    _parse_or_refuse(raw)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(sorted(EXPECTED)),
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=1 << 20),
            st.integers(min_value=0, max_value=40),
            st.one_of(st.sampled_from(TOKENS), st.binary(max_size=6)),
        ),
        min_size=1,
        max_size=12,
    ),
)
def test_mangled_corpus_mail_parses_or_is_refused(
    name: str, edits: list[tuple[int, int, bytes]]
) -> None:
    data = bytearray(corpus.load(name))
    for position, cut, insert in edits:
        at = position % (len(data) + 1)
        data[at : at + cut] = insert
    _parse_or_refuse(bytes(data))


_TAGS = ["p", "div", "span", "b", "a", "table", "tr", "td", "ul", "li", "blockquote", "br",
         "img", "script", "style", "pre", "h1", "font", "o:p"]  # fmt: skip
_ATTRS = ['', ' href="https://x.example/a"', ' style="display:none"', ' alt="pic"',
          ' href="javascript:x()"', " width=1 height=1", ' class="gmail_quote"']  # fmt: skip
_html_piece = st.one_of(
    st.text(
        alphabet=st.characters(blacklist_characters="<>&", blacklist_categories=["Cs"]), max_size=12
    ),
    st.builds(lambda t, a: f"<{t}{a}>", st.sampled_from(_TAGS), st.sampled_from(_ATTRS)),
    st.builds(lambda t: f"</{t}>", st.sampled_from(_TAGS)),
    st.sampled_from(["<!-- c -->", "&nbsp;", "&amp;", "&#20013;", "<!DOCTYPE html>", "<br/>"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_html_piece, max_size=40))
def test_html_never_leaks_markup(pieces: list[str]) -> None:
    html = "".join(pieces)
    text = html_to_text(html)
    assert "<" not in text
    assert CONTROL.search(text) is None
    raw = (
        "From: a@example.com\nSubject: x\nContent-Type: text/html; charset=utf-8\n\n" + html
    ).encode("utf-8", "surrogatepass")
    try:
        mail = parse_mail(raw)
    except MailRefused:
        return
    assert "<" not in mail.text and "<" not in mail.body
    _check_invariants(mail)


_LINES = [
    "Thanks!",
    "我的包裹还没到。",
    "",
    "> quoted",
    ">",
    "-- ",
    "--",
    "Sent from my iPhone",
    "发自我的iPhone",
    "On Tue, Nov 3, 2026 at 10:00 AM Shop <s@shop.example> wrote:",
    "在 2026年11月3日周二 10:00，客服 <s@shop.example> 写道：",
    "-----Original Message-----",
    "------------------ 原始邮件 ------------------",
    "From: Shop <s@shop.example>",
    "Sent: Monday",
    "To: Tom",
    "Subject: x",
    "发件人: 客服",
    "发送时间: 2026年11月2日",
    "---------- Forwarded message ---------",
    "________________________________",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_LINES), st.text(max_size=20)), max_size=30))
def test_strip_quotes_only_removes_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    stripped = strip_quotes(text)
    assert len(stripped) <= len(text.strip())
    source = {line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")}
    assert all(line.strip() in source for line in stripped.split("\n") if stripped)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_normalised_ids_are_fixed_points(value: str) -> None:
    normalised = normalise_message_id(value)
    if normalised is not None:
        assert normalise_message_id(normalised) == normalised
        assert extract_ids(normalised) == (normalised,)
