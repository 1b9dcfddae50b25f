"""Applying named mutations exactly once per (client_id, mutation id).

Each mutation runs in its own transaction: the stored outcome of an earlier attempt is replayed
(``replayed: true``); otherwise the handler runs inside a savepoint, and its outcome — applied or
rejected with a code — is stored with the mutation so a retry, even a concurrent one, gets the very
same answer. A refusal is permanent: the client shows it and moves on, the queue never wedges.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError

from agent_desk.core.errors import DomainError
from agent_desk.core.text import unstorable
from agent_desk.protocol import MUTATIONS, MutationError, MutationIn, MutationResult
from agent_desk.server.audit import log as audit
from agent_desk.server.auth.accounts import Viewer
from agent_desk.server.cases import mutations as cases
from agent_desk.server.knowledge import articles
from agent_desk.server.mutations.handler import Handler
from agent_desk.server.resolution import actions
from agent_desk.server.resolution.commerce import Commerce
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database, WriteTx, utcnow

log = logging.getLogger(__name__)


_AUDITED_REFUSALS = frozenset({"forbidden", "not_found"})  # probing or a client bug


def handlers(commerce: Commerce) -> dict[str, Handler]:
    """Every protocol mutation's handler; resolution actions run through ``commerce``."""
    table: dict[str, Handler] = {
        **cases.HANDLERS,
        **articles.HANDLERS,
        **actions.handlers(commerce),
    }
    missing = set(MUTATIONS) - set(table)
    if missing:
        raise RuntimeError(f"mutations without a handler: {sorted(missing)}")
    return table


def _digest(name: str, args: dict[str, Any]) -> str:
    canonical = json.dumps({"name": name, "args": args}, sort_keys=True, ensure_ascii=False)
    # "surrogatepass": a lone surrogate in the args is refused later, its digest still stable
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def _run_handler(
    table: Mapping[str, Handler], tx: WriteTx, viewer: Viewer, mutation: MutationIn
) -> MutationResult:
    model = MUTATIONS.get(mutation.name)
    if model is None:
        return _rejected(mutation.id, "unknown_mutation", f"unknown mutation {mutation.name!r}")
    problem = unstorable(mutation.args)
    if problem is not None:
        return _rejected(mutation.id, "invalid_args", problem)
    try:
        args = model.model_validate(mutation.args)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "args"
        return _rejected(mutation.id, "invalid_args", f"{where}: {first.get('msg', 'invalid')}")
    mark = tx.mark()
    savepoint = tx.conn.begin_nested()
    try:
        result = table[mutation.name](tx, viewer, args)
    except DomainError as exc:
        savepoint.rollback()
        tx.rollback_to(mark)
        return _rejected(mutation.id, exc.code, exc.message)
    savepoint.commit()
    return MutationResult(id=mutation.id, status="applied", result=result)


def _rejected(mutation_id: str, code: str, message: str) -> MutationResult:
    return MutationResult(
        id=mutation_id, status="rejected", error=MutationError(code=code, message=message)
    )


def apply_mutation(
    db: Database,
    table: Mapping[str, Handler],
    viewer: Viewer,
    client_id: str,
    mutation: MutationIn,
) -> MutationResult:
    """Apply one mutation at most once; a retry (even a concurrent one) gets the stored outcome."""
    digest = _digest(mutation.name, mutation.args)
    am = t.applied_mutations
    for attempt in range(3):
        try:
            with db.write() as tx:
                tx.lock_key("mutation", client_id, mutation.id)
                stored = tx.conn.execute(
                    sa.select(am).where(
                        am.c.client_id == client_id, am.c.mutation_id == mutation.id
                    )
                ).first()
                if stored is not None:
                    if stored.agent_id != viewer.agent_id or stored.args_digest != digest:
                        return _rejected(
                            mutation.id,
                            "mutation_id_reused",
                            "this mutation id was already used for a different mutation",
                        )
                    return MutationResult(
                        id=mutation.id,
                        status=stored.status,
                        result=stored.result,
                        error=MutationError(**stored.error) if stored.error else None,
                        replayed=True,
                    )
                outcome = _run_handler(table, tx, viewer, mutation)
                tx.conn.execute(
                    sa.insert(am).values(
                        client_id=client_id,
                        mutation_id=mutation.id,
                        agent_id=viewer.agent_id,
                        name=mutation.name[:64],
                        args_digest=digest,
                        status=outcome.status,
                        result=outcome.result,
                        error=outcome.error.model_dump() if outcome.error else None,
                        applied_at=utcnow(),
                    )
                )
                if outcome.error is not None and mutation.name.startswith("action."):
                    actions.audit_refusal(tx, viewer, client_id, mutation, outcome.error)
                elif outcome.error is not None and outcome.error.code in _AUDITED_REFUSALS:
                    audit.record(
                        tx,
                        "mutation.refused",
                        actor_id=viewer.agent_id,
                        entity="mutation",
                        entity_id=f"{client_id}:{mutation.id}",
                        name=mutation.name[:64],
                        code=outcome.error.code,
                    )
                if outcome.status == "rejected":
                    log.info(
                        "mutation %s rejected: %s",
                        mutation.name,
                        outcome.error and outcome.error.code,
                    )
                return outcome
        except IntegrityError:
            if attempt == 2:
                raise
            log.info("mutation %s raced a duplicate; replaying", mutation.id)
    raise AssertionError("unreachable")
