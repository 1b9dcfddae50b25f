"""The client process dies (SIGKILL) between its local write and its push: nothing is lost."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.sync.conftest import Backend, Client, make_client

pytestmark = pytest.mark.asyncio

WRITER = textwrap.dedent(
    """
    import json, os, signal, sys
    from agent_desk.core.enums import Role
    from agent_desk.services.desk import DeskService
    from agent_desk.store.local import Me
    from agent_desk.store.store import Store

    path, agent_id, team_id, conversation_id = sys.argv[1:5]
    store = Store(path)
    desk = DeskService(store, Me(agent_id, team_id), Role.AGENT)
    message_id, _ = desk.send_reply(conversation_id, "written just before the crash")
    print(json.dumps({"message_id": message_id}), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # no push, no close, no atexit
    """
)


async def test_killed_after_local_write_delivers_once_after_restart(
    backend: Backend, tmp_path: Path, clients: list[Client]
) -> None:
    path = tmp_path / "alice.db"
    alice = await make_client(backend, "alice", path)
    await alice.engine.sync_once()
    me = alice.engine.me
    await alice.close()

    conv = backend.world.conversations["a_open"]
    done = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-c", WRITER, str(path), me.agent_id, me.team_id or "", conv],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ | {"PYTHONPATH": os.getcwd()},
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    message_id = json.loads(done.stdout)["message_id"]

    restarted = await make_client(backend, "alice", path)
    clients.append(restarted)
    assert restarted.store.outbox_size() == 1
    row = restarted.store.row("SELECT delivery FROM messages WHERE id = ?", (message_id,))
    assert row == {"delivery": "queued"}
    await restarted.engine.sync_once()
    await restarted.engine.sync_once()  # a second round must not send it again
    count = backend.message_count(message_id)
    assert count == 1
    assert restarted.store.row("SELECT delivery FROM messages WHERE id = ?", (message_id,)) == {
        "delivery": "sent"
    }
