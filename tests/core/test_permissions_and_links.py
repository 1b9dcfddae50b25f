"""The rules written once in core: who may change what, and where an attachment may point."""

from __future__ import annotations

import pytest

from agent_desk.core import permissions
from agent_desk.core.enums import Role
from agent_desk.core.links import attachment_url_problem, may_open_attachment
from agent_desk.core.text import unstorable

ME, OTHER = "me", "other"

CONVERSATION_GRID = [
    # role, assignee, may change
    (Role.AGENT, None, True),
    (Role.AGENT, ME, True),
    (Role.AGENT, OTHER, False),
    (Role.EXPERT, None, False),
    (Role.EXPERT, ME, False),
    (Role.SUPERVISOR, OTHER, True),
    (Role.ADMIN, OTHER, True),
]


@pytest.mark.parametrize(("role", "assignee", "allowed"), CONVERSATION_GRID)
def test_who_may_change_a_conversation(role: Role, assignee: str | None, allowed: bool) -> None:
    assert permissions.may_change_conversation(role, ME, assignee) is allowed
    refusal = permissions.conversation_change_refusal(role, ME, assignee)
    assert (refusal is None) is allowed


NOTE_GRID = [
    # role, assignees of the customer's visible conversations, may edit the note
    (Role.AGENT, [ME], True),
    (Role.AGENT, [OTHER, ME], True),
    (Role.AGENT, [None], False),  # an unassigned case: claim it first
    (Role.AGENT, [OTHER], False),
    (Role.AGENT, [], False),
    (Role.EXPERT, [ME], False),
    (Role.EXPERT, [OTHER], False),
    (Role.SUPERVISOR, [], True),
    (Role.ADMIN, [OTHER], True),
]


@pytest.mark.parametrize(("role", "assignees", "allowed"), NOTE_GRID)
def test_who_may_change_the_customer_note(
    role: Role, assignees: list[str | None], allowed: bool
) -> None:
    assert permissions.may_edit_customer_note(role, ME, assignees) is allowed


@pytest.mark.parametrize(
    "url",
    [
        "https://files.example.com/a.pdf",
        "http://example.com/x?y=1",
        "HTTPS://Example.COM/a",
        "https://例子.测试/图片.png",
        "/api/v1/attachments/0b9c8a52/scan.pdf",
    ],
)
def test_allowed_attachment_addresses(url: str) -> None:
    assert attachment_url_problem(url) is None
    assert may_open_attachment(url)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>x</script>",
        "vbscript:x",
        "//evil.example/x",
        "https:evil.example",
        "https://user:pw@example.com/",
        "https://example.com/a b",
        "https://example.com/\x00",
        "https://example.com/\n",
        "/api/v1/attachments/../../etc/passwd",
        "/etc/passwd",
        "ftp://example.com/a",
        "https://" + "a" * 2100 + ".com",
    ],
)
def test_refused_attachment_addresses(url: str) -> None:
    assert attachment_url_problem(url) is not None
    assert not may_open_attachment(url)


def test_text_that_cannot_be_stored_is_named() -> None:
    assert unstorable({"a": ["ok", {"b": "fine"}]}) is None
    assert "NUL" in (unstorable({"a": "x\x00"}) or "")
    assert "surrogate" in (unstorable({"a": ["\ud800"]}) or "")
    assert "surrogate" in (unstorable({"\udfff": 1}) or "")  # keys too
