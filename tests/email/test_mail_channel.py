"""The email channel against real mail servers (issue 15): a customer's mail in dovecot becomes
a conversation, the agent's reply leaves through aiosmtpd with the threading headers, and the
customer's answer to it comes back into the same conversation with the quote stripped. Threading,
dedupe, loops, bounces, failed mail and attachments, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from agent_desk.core.ids import new_id
from agent_desk.server.channels.email import ingest
from agent_desk.server.channels.email.parse import MailRefused, parse_mail
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import utcnow
from tests.email import corpus
from tests.email.mailtest import (
    SUPPORT,
    Mailbox,
    claim,
    connect_mailbox,
    customer_mail,
    delivery_of,
    reply,
    wait_for,
)
from tests.email.servers import Dovecot, SmtpRecorder
from tests.server.conftest import start_server

CUSTOMER = "li.wei@example.cn"


def token_of(mailbox: Mailbox, conversation_id: str) -> str:
    """The conversation's token, as its replies' subjects carry it."""
    with mailbox.running.db.read() as conn:
        return str(
            conn.execute(
                sa.select(t.mail_threads.c.token).where(
                    t.mail_threads.c.conversation_id == conversation_id
                )
            ).scalar_one()
        )


def test_mail_in_reply_out_answer_threads_back_with_the_quote_stripped(mailbox: Mailbox) -> None:
    raw, first_id = customer_mail(
        CUSTOMER, "订单 20261103 还没到", "你好，我的包裹一周了还没到，请帮我查一下。", name="李伟"
    )
    mailbox.deliver(raw)
    message = mailbox.taken(first_id)
    conv = mailbox.conversation(message.conversation_id)
    assert conv.channel == "email"
    assert conv.subject == "订单 20261103 还没到"
    assert message.body == "你好，我的包裹一周了还没到，请帮我查一下。"
    running = mailbox.running

    claim(running, conv.id)
    reply_id = reply(running, conv.id, "您好，包裹已在派送中，预计明天送达。")
    [sent] = mailbox.smtp.wait_for(1, within=15)
    mail = sent.message
    assert sent.rcpt_tos == (CUSTOMER,)
    assert sent.tls, "STARTTLS, verified against the mail server's CA"
    assert sent.auth_user == SUPPORT
    assert mail["From"].addresses[0].addr_spec == SUPPORT
    assert mail["From"].addresses[0].display_name == "Alice · Shop Support"  # as configured
    assert mail["In-Reply-To"] == first_id
    assert first_id in mail["References"]
    token = ingest.TOKEN_RE.search(mail["Subject"])
    assert token is not None and mail["Subject"].startswith("Re: 订单 20261103 还没到")
    assert mail.get_content().strip() == "您好，包裹已在派送中，预计明天送达。"
    assert "Auto-Submitted" not in mail, "an agent's reply is a person's mail"
    wait_for(lambda: delivery_of(running, reply_id).status == "sent", what="sent")
    our_id = mail["Message-ID"]

    answer = (
        "谢谢，收到了！\n\n"
        "发件人: Shop Support <support@example.test>\n"
        "发送时间: 2026年12月3日 10:00\n"
        "收件人: 李伟\n"
        "主题: Re: 订单 20261103 还没到\n\n"
        "您好，包裹已在派送中，预计明天送达。\n"
    )
    raw, answer_id = customer_mail(
        CUSTOMER, mail["Subject"], answer, in_reply_to=our_id, references=(first_id, our_id)
    )
    mailbox.deliver(raw)
    second = mailbox.taken(answer_id)
    assert second.conversation_id == conv.id
    assert second.body == "谢谢，收到了！"
    original = running.client("alice").get(f"/messages/{second.id}/original")
    assert original.status_code == 200
    assert "预计明天送达" in original.json()["text"], "the original keeps the quote"
    assert ["In-Reply-To", our_id] in [list(h) for h in original.json()["headers"]]
    assert running.client("bob").get(f"/messages/{second.id}/original").status_code == 404


def test_references_alone_and_the_customers_own_token_thread(mailbox: Mailbox) -> None:
    raw, first_id = customer_mail(CUSTOMER, "Wrong size", "The shoes are too small.")
    mailbox.deliver(raw)
    conv_id = mailbox.taken(first_id).conversation_id
    token = token_of(mailbox, conv_id)

    raw, by_refs = customer_mail(
        CUSTOMER, "Re: Wrong size", "Also the colour.", references=("<unknown@x>", first_id)
    )
    mailbox.deliver(raw)
    assert mailbox.taken(by_refs).conversation_id == conv_id

    raw, by_token = customer_mail(CUSTOMER, f"Re: Wrong size [#AD-{token}]", "Any news?")
    mailbox.deliver(raw)
    assert mailbox.taken(by_token).conversation_id == conv_id


def test_a_strangers_mail_with_someones_token_opens_its_own_conversation(mailbox: Mailbox) -> None:
    raw, first_id = customer_mail(CUSTOMER, "退款", "我要退款。")
    mailbox.deliver(raw)
    conv_id = mailbox.taken(first_id).conversation_id
    token = token_of(mailbox, conv_id)
    stranger, _ = customer_mail(  # like corpus/36: someone quoting another's token
        "zhengwei@qq.example", f"Re: 订单问题 [#AD-{token}]", "我的订单也有问题，请回复。"
    )
    mailbox.deliver(stranger)
    wait_for(lambda: len(mailbox.email_conversations()) == 2, what="a second conversation")
    theirs = mailbox.email_conversations()[1]
    assert theirs.id != conv_id
    assert theirs.customer_id != mailbox.conversation(conv_id).customer_id
    assert mailbox.conversation(conv_id).message_count == 1, "nothing merged into theirs"


def test_a_reply_to_a_resolved_conversation_reopens_it_unless_it_is_old(mailbox: Mailbox) -> None:
    running = mailbox.running
    raw, first_id = customer_mail(CUSTOMER, "Damaged", "The cup arrived broken.")
    mailbox.deliver(raw)
    conv_id = mailbox.taken(first_id).conversation_id
    with running.db.write() as tx:
        tx.conn.execute(
            sa.update(t.conversations)
            .where(t.conversations.c.id == conv_id)
            .values(status="resolved", resolved_at=utcnow() - timedelta(days=2))
        )
    raw, again = customer_mail(CUSTOMER, "Re: Damaged", "Still broken", in_reply_to=first_id)
    mailbox.deliver(raw)
    assert mailbox.taken(again).conversation_id == conv_id
    assert mailbox.conversation(conv_id).status == "open", "reopened"

    with running.db.write() as tx:
        tx.conn.execute(
            sa.update(t.conversations)
            .where(t.conversations.c.id == conv_id)
            .values(status="resolved", resolved_at=utcnow() - timedelta(days=90))
        )
    raw, late = customer_mail(CUSTOMER, "Re: Damaged", "Another one broke", in_reply_to=again)
    mailbox.deliver(raw)
    new_conv = mailbox.taken(late).conversation_id
    assert new_conv != conv_id, "resolved 90 days ago: a new conversation"
    assert mailbox.conversation(conv_id).status == "resolved"


def test_the_same_mail_twice_and_mail_without_message_id_twice_are_one_message_each(
    mailbox: Mailbox,
) -> None:
    raw, first_id = customer_mail(CUSTOMER, "Hello", "Where is my parcel?")
    mailbox.deliver(raw)
    uid = mailbox.deliver(raw)  # the same mail again (a client that sent it twice)
    no_id = corpus.load("31-no-message-id.eml")
    mailbox.deliver(no_id)
    last = mailbox.deliver(no_id)
    assert last > uid
    mailbox.caught_up_to(last)
    assert len(mailbox.messages_with(first_id)) == 1
    with mailbox.running.db.read() as conn:
        count = conn.execute(
            sa.select(sa.func.count())
            .select_from(t.messages)
            .where(t.messages.c.kind == "inbound")
            .join(t.conversations, t.conversations.c.id == t.messages.c.conversation_id)
            .where(t.conversations.c.channel == "email")
        ).scalar_one()
    assert count == 2, "two distinct mails, each once"


@pytest.mark.allow_log_warnings  # the change is logged, and the recreated mailbox drops IDLE
def test_a_changed_uidvalidity_reads_the_mailbox_again_without_duplicates(
    mailbox: Mailbox,
) -> None:
    ids = []
    for n in range(3):
        raw, header_id = customer_mail(CUSTOMER, f"Question {n}", f"Question number {n}")
        mailbox.deliver(raw)
        ids.append(header_id)
    for header_id in ids:
        mailbox.taken(header_id)
    before = mailbox.state().uidvalidity
    mailbox.dovecot.reset_uidvalidity(SUPPORT)
    raw, fresh = customer_mail(CUSTOMER, "Question 3", "A new one")
    mailbox.deliver(raw)
    mailbox.taken(fresh)
    assert mailbox.state().uidvalidity != before
    for header_id in ids:
        assert len(mailbox.messages_with(header_id)) == 1


def test_auto_replies_bounces_and_our_own_mail_open_nothing_and_a_bounce_fails_the_delivery(
    mailbox: Mailbox,
) -> None:
    running = mailbox.running
    raw, first_id = customer_mail(CUSTOMER, "Refund", "Please refund order 1001.")
    mailbox.deliver(raw)
    conv_id = mailbox.taken(first_id).conversation_id
    claim(running, conv_id)
    reply_id = reply(running, conv_id, "Refunded.")
    [sent] = mailbox.smtp.wait_for(1, within=15)
    wait_for(lambda: delivery_of(running, reply_id).status == "sent", what="sent")

    bounce = _point_bounce_at(
        corpus.load("29-dsn-bounce-permanent.eml"), sent.message["Message-ID"], CUSTOMER
    )
    for name in ("21-auto-submitted.eml", "22-x-autoreply.eml", "24-precedence-bulk.eml"):
        mailbox.deliver(corpus.load(name))
    own, _ = customer_mail(SUPPORT, "Copy", "Our own mail")
    mailbox.deliver(own)
    last = mailbox.deliver(bounce)
    mailbox.caught_up_to(last)
    assert len(mailbox.email_conversations()) == 1, "none of them opened a conversation"
    ignored = mailbox.failed(status="ignored")
    assert sorted(r.code for r in ignored) == [
        "auto_reply",
        "auto_reply",
        "auto_reply",
        "bounce",
        "own_address",
    ]
    row = delivery_of(running, reply_id)
    assert row.status == "failed"
    assert "5.1.1" in (row.last_error or "")
    assert len(mailbox.smtp.messages) == 1, "nothing answered the auto-replies"


def _point_bounce_at(raw: bytes, message_id: str, recipient: str) -> bytes:
    """The corpus bounce, about our real reply."""
    import re

    raw = re.sub(rb"<[^<>@\s]+@agent-desk[^<>\s]*>", message_id.encode(), raw)
    return re.sub(rb"rfc822;\s*\S+@\S+", b"rfc822; " + recipient.encode(), raw)


@pytest.mark.allow_log_warnings  # the suppression is logged
def test_an_address_that_keeps_bouncing_is_suppressed(mailbox: Mailbox) -> None:
    running = mailbox.running
    raw, first_id = customer_mail(CUSTOMER, "Hi", "Hello?")
    mailbox.deliver(raw)
    conv_id = mailbox.taken(first_id).conversation_id
    claim(running, conv_id)
    template = corpus.load("29-dsn-bounce-permanent.eml")
    for n in range(ingest.SUPPRESS_AFTER):
        reply_id = reply(running, conv_id, f"Reply {n}")
        wait_for(lambda r=reply_id: delivery_of(running, r).status == "sent", what="sent")
        sent = mailbox.smtp.messages[-1].message
        bounce = _point_bounce_at(template, sent["Message-ID"], CUSTOMER)
        uid = mailbox.deliver(bounce.replace(b"<20261103042002.", f"<{n}.20261103042002.".encode()))
        mailbox.caught_up_to(uid)
    blocked = reply(running, conv_id, "One more")
    wait_for(lambda: delivery_of(running, blocked).status == "failed", what="failed")
    assert "suppressed" in delivery_of(running, blocked).last_error
    assert len(mailbox.smtp.messages) == ingest.SUPPRESS_AFTER


@pytest.mark.allow_log_warnings  # the refused mail is logged
def test_a_20_mb_attachment_goes_to_failed_mail_and_stays_in_the_mailbox(
    mailbox: Mailbox,
) -> None:
    big = corpus.big_attachment_mail(20)
    uid = mailbox.deliver(big)
    mailbox.caught_up_to(uid)
    [row] = mailbox.failed(status="failed")
    assert row.code == "too_large"
    assert "MB" in row.reason and "limit" in row.reason
    assert uid in mailbox.dovecot.uids(SUPPORT), "left in the mailbox"
    assert "\\Seen" not in mailbox.dovecot.flags(SUPPORT)[uid], "not even marked read"
    assert mailbox.email_conversations() == []


def test_an_attachment_is_listed_and_downloaded_only_by_who_may_see_it(mailbox: Mailbox) -> None:
    pdf = b"%PDF-1.4\n" + b"0" * 5000 + b"\n%%EOF\n"
    raw, header_id = customer_mail(
        CUSTOMER,
        "Invoice",
        "See the invoice.",
        attachments=(("../../发票.pdf", "image/png", pdf),),
    )
    mailbox.deliver(raw)
    message = mailbox.taken(header_id)
    [listed] = message.attachments
    assert listed["name"] == "发票.pdf"
    assert listed["content_type"] == "application/pdf", "sniffed, not the declared image/png"
    assert listed["size"] == len(pdf)
    path = listed["url"].removeprefix("/api/v1")
    running = mailbox.running
    claim(running, message.conversation_id)
    got = running.client("alice").get(path)
    assert got.status_code == 200
    assert got.content == pdf
    assert got.headers["content-type"] == "application/octet-stream"
    assert got.headers["content-disposition"].startswith("attachment;")
    assert got.headers["x-content-type-options"] == "nosniff"
    assert running.client("bob").get(path).status_code == 404, "another team's agent"
    assert running.client().get(path).status_code == 401

    # the agent's reply carries the file back and a link: the file as a MIME part, the link as
    # a line under the text
    result = running.mutate(
        running.client("alice"),
        "message.send",
        {
            "conversation_id": message.conversation_id,
            "message_id": new_id(),
            "body": "Here is the corrected invoice and your return label.",
            "attachments": [
                {**listed, "name": "发票.pdf"},
                {
                    "name": "Return label",
                    "content_type": "application/pdf",
                    "size": 1200,
                    "url": "https://shop.example/labels/1001.pdf",
                },
            ],
        },
    )
    assert result["status"] == "applied", result
    [sent] = mailbox.smtp.wait_for(1, within=15)
    [part] = list(sent.message.iter_attachments())
    assert part.get_filename() == "发票.pdf"
    assert part.get_content() == pdf
    text = sent.message.get_body(("plain",)).get_content()
    assert "Return label: https://shop.example/labels/1001.pdf" in text


def test_smtp_451_is_tried_again_and_550_fails_with_the_servers_words(mailbox: Mailbox) -> None:
    running = mailbox.running
    raw, first_id = customer_mail(CUSTOMER, "Hi", "Hello")
    mailbox.deliver(raw)
    conv_id = mailbox.taken(first_id).conversation_id
    claim(running, conv_id)
    mailbox.smtp.script("RCPT", "451 4.3.0 try again later")
    later = reply(running, conv_id, "First")
    wait_for(lambda: delivery_of(running, later).status == "sent", within=20, what="sent")
    assert delivery_of(running, later).attempts == 2
    mailbox.smtp.refuse_recipient(CUSTOMER, "550 5.1.1 <li.wei@example.cn>: user unknown")
    refused = reply(running, conv_id, "Second")
    wait_for(lambda: delivery_of(running, refused).status == "failed", what="failed")
    row = delivery_of(running, refused)
    assert row.attempts == 1
    assert "550" in row.last_error and "user unknown" in row.last_error


def test_every_corpus_mail_is_taken_in_or_listed_never_dropped(mailbox: Mailbox) -> None:
    distinct: set[str] = set()
    refused = 0
    for name in corpus.names():
        try:
            distinct.add(parse_mail(corpus.load(name)).message_id)
        except MailRefused:
            refused += 1
    uids = [mailbox.deliver(corpus.load(name)) for name in corpus.names()]
    mailbox.caught_up_to(max(uids), within=30)
    with mailbox.running.db.read() as conn:
        taken = conn.execute(
            sa.select(sa.func.count()).select_from(t.mail_ids).where(t.mail_ids.c.direction == "in")
        ).scalar_one()
    assert taken == len(distinct), "each distinct mail once: a conversation, or ignored"
    assert len(mailbox.failed(status="failed")) == refused
    for row in mailbox.failed():
        assert row.reason, "every listed mail says why"


@pytest.mark.allow_log_warnings  # each failed sign-in is logged
@pytest.mark.parametrize("problem", ["password", "tls"])
def test_health_tells_auth_from_tls_errors(
    db_url: str, dovecot: Dovecot, smtp_recorder: SmtpRecorder, tmp_path: Path, problem: str
) -> None:
    running = start_server(db_url, mail_refresh_s=0.2)
    try:
        if problem == "password":
            box = connect_mailbox(running, dovecot, smtp_recorder, tmp_path)
            (tmp_path / "mailbox-password").write_text("wrong\n", encoding="utf-8")
        else:
            box = connect_mailbox(running, dovecot, smtp_recorder, tmp_path, ca_file="")
        state = wait_for(lambda: (s := box.state()) is not None and s.last_error_kind and s)
        assert state.last_error_kind == {"password": "auth", "tls": "tls"}[problem]
        assert state.last_fetch_at is None
    finally:
        running.close()
