"""The authority policy: visible to everyone, changed only by admins (API and CLI), validated,
versioned, audited, published — and enforced from the version in force."""

from __future__ import annotations

import json

import sqlalchemy as sa

from agent_desk.core import authority
from agent_desk.server.storage import schema as t
from tests.server.conftest import Running
from tests.server.test_actions import REQUEST, audit_rows, refund_args
from tests.server.test_api import latest, pull_all
from tests.server.test_operations import _cli


def _body(**changes: int) -> dict:
    data = authority.policy_to_dict(authority.DEFAULT_POLICY)
    for row in data["limits"]:
        key = f"{row['role']}_{row['tier']}_{row['action']}"
        if key in changes:
            row["max_minor"] = changes[key]
    return {
        "currency": data["currency"],
        "limits": data["limits"],
        "daily_total_minor": data["daily_total_minor"],
    }


def test_everyone_reads_it_only_admins_change_it(running: Running) -> None:
    alice, sam, root = running.client("alice"), running.client("sam"), running.client("root")
    shown = alice.get("/authority-policy").json()
    assert shown["version"] == 1 and shown["currency"] == "CNY"
    assert len(shown["limits"]) == len(authority.DEFAULT_POLICY.limits)

    body = _body(agent_gold_refund=10_000)  # ¥100 for an agent and a gold customer
    for client in (alice, sam):
        refused = client.put("/authority-policy", json=body)
        assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"
    assert [r["detail"]["role"] for r in audit_rows(running, "authority_policy.refused")] == [
        "agent",
        "supervisor",
    ]
    changed = root.put("/authority-policy", json=body | {"expected_version": 1})
    assert changed.status_code == 200, changed.text
    assert changed.json()["version"] == 2
    assert changed.json()["updated_by"] == running.world.agents["root"]
    stale = root.put("/authority-policy", json=body | {"expected_version": 1})
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "invalid_state"

    # enforced at once: ¥150 is now above an agent's limit for this gold customer
    outcome = running.mutate(alice, REQUEST, refund_args(running, 15_000))
    assert outcome["result"]["status"] == "pending_approval"
    assert outcome["result"]["limit_minor"] == 10_000
    # published to every client
    seen = latest(pull_all(alice)[0])
    assert seen[("authority_policy", "current")]["data"]["version"] == 2
    updates = audit_rows(running, "authority_policy.update")
    assert len(updates) == 1 and updates[0]["detail"]["before"]["version"] == 1


def test_invalid_policies_are_refused(running: Running) -> None:
    root = running.client("root")
    body = _body()
    duplicate = body | {"limits": body["limits"] + body["limits"][:1]}
    cases = [
        duplicate,
        body | {"currency": "cny"},
        body | {"daily_total_minor": {"agent": -1}},
        body | {"daily_total_minor": {"wizard": 5}},
        body | {"limits": [body["limits"][0] | {"max_share": 1.5}]},
        body | {"limits": [body["limits"][0] | {"tier": "diamond"}]},
        body | {"tier_override": "platinum"},
    ]
    for bad in cases:
        reply = root.put("/authority-policy", json=bad)
        assert reply.status_code == 422, (bad, reply.text)
        assert reply.json()["error"]["code"] in ("invalid_policy", "invalid_request")
    assert root.get("/authority-policy").json()["version"] == 1


def test_cli_policy_show_set_reset(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    shown = _cli("policy", "show", "--database-url", url)
    assert shown.returncode == 0, shown.stderr
    current = json.loads(shown.stdout)
    assert current["version"] == 1
    for row in current["limits"]:
        if row["role"] == "agent" and row["action"] == "coupon":
            row["max_minor"] = 1_000
    path = tmp_path / "policy.json"
    path.write_text(json.dumps(current), encoding="utf-8")
    done = _cli("policy", "set", str(path), "--database-url", url)
    assert done.returncode == 0, done.stderr
    assert "version 1 -> 2" in done.stdout
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(current | {"currency": "yuan"}), encoding="utf-8")
    refused = _cli("policy", "set", str(bad), "--database-url", url)
    assert refused.returncode == 2 and "unchanged" in refused.stderr
    reset = _cli("policy", "reset", "--database-url", url)
    assert reset.returncode == 0 and "version 2 -> 3" in reset.stdout
    after = json.loads(_cli("policy", "show", "--database-url", url).stdout)
    coupon = next(r for r in after["limits"] if r["role"] == "agent" and r["action"] == "coupon")
    assert coupon["max_minor"] == 5_000 and after["version"] == 3
    verified = _cli("audit", "verify", "--database-url", url)
    assert verified.returncode == 0 and "2 rows" in verified.stdout

    from agent_desk.server.storage.db import Database

    db = Database(url)
    with db.read() as conn:
        actions = conn.execute(sa.select(t.audit_log.c.action)).scalars().all()
    db.dispose()
    assert actions == ["authority_policy.update", "authority_policy.reset"]


# --- cumulative limits (issue 11) -----------------------------------------------------------------


def test_cumulative_settings_are_set_shown_and_validated(running: Running) -> None:
    root = running.client("root")
    body = _body() | {
        "cumulative": {"window_days": 14, "customer_total_minor": {"agent": {"gold": 50_000}}}
    }
    reply = root.put("/authority-policy", json=body)
    assert reply.status_code == 200, reply.text
    shown = running.client("alice").get("/authority-policy").json()
    assert shown["cumulative"] == {
        "window_days": 14,
        "customer_total_minor": {"agent": {"gold": 50_000}},
    }
    for bad in ({"window_days": 0}, {"window_days": 365}, {"customer_total_minor": {"x": {}}}):
        refused = root.put("/authority-policy", json=_body() | {"cumulative": bad})
        assert refused.status_code == 422, (bad, refused.text)


def test_a_policy_from_before_the_cumulative_limits_gets_the_defaults_once(
    running: Running,
) -> None:
    """A server upgraded past migration 0004 keeps its own amounts and gains the cumulative
    limits, as a new audited version (never silently)."""
    from agent_desk.server.storage.migrate import migrate

    old = authority.policy_to_dict(authority.DEFAULT_POLICY)
    for row in old["limits"]:
        for key in ("per_order_minor", "per_customer_minor", "max_per_order", "max_days"):
            row.pop(key)
        if row["role"] == "agent" and row["action"] == "refund":
            row["max_minor"] = 12_300
    with running.db.write() as tx:
        tx.conn.execute(
            sa.update(t.authority_policies).values(limits=old["limits"], cumulative={}, version=7)
        )
    migrate(running.db)
    migrate(running.db)  # once only
    policy = running.client("alice").get("/authority-policy").json()
    assert policy["version"] == 8
    assert policy["cumulative"]["window_days"] == 30
    refund = next(
        r
        for r in policy["limits"]
        if (r["role"], r["tier"], r["action"]) == ("agent", "gold", "refund")
    )
    assert refund["max_minor"] == 12_300 and refund["per_order_minor"] == 12_300
    assert refund["per_customer_minor"] == 24_600
    assert len(audit_rows(running, "authority_policy.upgrade")) == 1
