"""The composition root: settings, store, sync engine, services, the qasync loop, the window.

Builds everything, wires it, and owns shutdown. Nothing else creates long-lived objects.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import qasync
from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFormLayout, QLineEdit

from agent_desk.core.enums import Role
from agent_desk.services.desk import DeskService
from agent_desk.store.local import Me
from agent_desk.store.store import Store
from agent_desk.sync.engine import SyncEngine
from agent_desk.sync.transport import SyncError, Transport
from agent_desk.system.config import load_config
from agent_desk.system.logging_setup import setup_logging
from agent_desk.system.paths import Profile, ProfilePaths
from agent_desk.system.runtime import settle_after_startup
from agent_desk.system.secrets import SecretStore, SecretStoreError
from agent_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

I18N = Path(__file__).resolve().parent.parent / "i18n"


@dataclass
class Session:
    store: Store
    transport: Transport
    engine: SyncEngine
    desk: DeskService
    window: MainWindow


class SignInDialog(QDialog):
    def __init__(self, server_url: str, username: str | None) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Sign in to Agent Desk"))
        self.server = QLineEdit(server_url, self)
        self.username = QLineEdit(username or "", self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Server"), self.server)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(buttons)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="agent-desk", description="Agent Desk, the agent's window.")
    p.add_argument(
        "--demo",
        action="store_true",
        help="start the embedded demo server with sample data and sign in as agent",
    )
    p.add_argument(
        "--simulator-rate",
        type=float,
        default=6.0,
        help="with --demo: new customer messages per minute (default 6)",
    )
    p.add_argument("--no-simulator", action="store_true", help="with --demo: no customer simulator")
    p.add_argument("--server", help="server URL")
    p.add_argument("--user", help="username")
    p.add_argument("--lang", choices=["zh_CN", "zh_TW", "en", "system"], help="language")
    p.add_argument(
        "--self-test",
        action="store_true",
        help="start, sign in, sync, paint the window once, exit 0 (or not, saying why)",
    )
    p.add_argument(
        "--screenshot",
        metavar="PNG",
        help="with --self-test: open the first conversation and save the window",
    )
    return p


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Our strings and Qt's own (OK, Cancel, context menus) in the chosen language."""
    name = QLocale.system().name() if language == "system" else language
    if name.startswith("zh_") and name not in ("zh_CN", "zh_TW"):
        name = "zh_TW" if name in ("zh_HK", "zh_MO") else "zh_CN"
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{name}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
    translator = QTranslator(app)
    if translator.load(str(I18N / f"agent_desk_{name}.qm")):
        app.installTranslator(translator)
        return translator
    return None


async def _start(args: argparse.Namespace) -> tuple[Session, object | None]:
    overrides: dict[str, object] = {}
    demo = None
    password: str | None = None
    if args.demo:
        from agent_desk.server.cli import demo_server

        rate = None if args.no_simulator else args.simulator_rate
        demo = await asyncio.to_thread(demo_server, simulator_rate=rate)
        overrides.update(server_url=demo.url, username="agent")
        password = "demo"  # noqa: S105 - the demo accounts' published password
    if args.server:
        overrides["server_url"] = args.server
    if args.user:
        overrides["username"] = args.user
    settings = load_config(cli=overrides).settings
    username = settings.username
    server_url = settings.server_url
    if not args.demo and (username is None or not args.self_test):
        dialog = SignInDialog(server_url, username)
        if args.self_test or dialog.exec() != QDialog.DialogCode.Accepted:
            raise SystemExit(
                "sign-in cancelled" if not args.self_test else "--self-test needs --demo"
            )
        server_url, username, password = (
            dialog.server.text().strip(),
            dialog.username.text().strip(),
            dialog.password.text(),
        )
    assert username is not None
    profile = Profile(server_url, username)
    paths = ProfilePaths.for_profile(profile).ensure_dirs()
    setup_logging(paths.log_dir, settings.log_level)
    store = Store(paths.db_path)
    secrets = SecretStore(allow_insecure=settings.allow_insecure_keyring)
    verify: bool | str = str(settings.ca_bundle) if settings.ca_bundle else settings.verify_tls
    transport = Transport(server_url, verify=verify, timeout=settings.request_timeout_s)
    try:
        transport.token = secrets.get_token(profile)
    except SecretStoreError:
        transport.token = None
    if password is not None:
        try:
            reply = await transport.login(username, password)
            with store.transaction() as tx:
                tx.set_state("agent_id", reply.agent.id)
                tx.set_state("team_id", reply.agent.team_id)
                tx.set_state("role", reply.agent.role.value)
            with contextlib.suppress(SecretStoreError):
                secrets.set_token(profile, reply.token)
        except SyncError as exc:
            if store.state("agent_id") is None:
                raise SystemExit(f"cannot sign in: {exc.message}") from exc
            log.info("starting offline from the cache: %s", exc.message)
    agent_id = store.state("agent_id")
    if agent_id is None:
        raise SystemExit("sign in first")
    me = Me(agent_id, store.state("team_id"))
    role = Role(store.state("role") or "agent")
    engine = SyncEngine(store, transport, me)
    desk = DeskService(store, me, role)
    window_state = QSettings(str(paths.config_dir / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, desk, window_state)
    engine.connect(on_change=window.refresh_soon, on_status=window.show_status)
    desk.subscribe(window.refresh)
    desk.subscribe(lambda _c: engine.trigger())
    return Session(store, transport, engine, desk, window), demo


async def _run(app: QApplication, args: argparse.Namespace) -> int:
    try:
        session, demo = await _start(args)
    except SystemExit as exc:
        print(f"agent-desk: {exc}", file=sys.stderr)
        return 1
    try:
        if args.self_test:
            await session.engine.sync_once()
            session.window.refresh(None)
            session.window.show()
            app.processEvents()
            if args.screenshot:
                session.window.queue.selectRow(0)
                app.processEvents()
            image = session.window.grab()
            if args.screenshot:
                image.save(args.screenshot)
            if image.isNull() or (
                session.window.model.rowCount() == 0 and not session.store.counts()["conversation"]
            ):
                print("agent-desk: self-test failed: nothing to show", file=sys.stderr)
                return 1
            print(
                f"agent-desk: self-test ok ({session.store.counts()['conversation']} conversations)"
            )
            return 0
        session.window.show()
        settle_after_startup()
        closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def quitting() -> None:
            if not closed.done():
                closed.set_result(None)

        app.aboutToQuit.connect(quitting)
        runner = asyncio.create_task(session.engine.run(), name="sync")
        await closed
        runner.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await runner
        return 0
    except SyncError as exc:
        print(f"agent-desk: {exc.message}", file=sys.stderr)
        return 1
    finally:
        session.window.shutdown()
        await session.engine.stop()
        await session.transport.aclose()
        session.store.close()
        if demo is not None:
            demo.stop()  # type: ignore[attr-defined]


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Agent Desk")
    install_translator(app, args.lang or load_config().settings.language)  # type: ignore[arg-type]
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    sys.set_asyncgen_hooks(
        firstiter=loop._asyncgen_firstiter_hook,
        finalizer=loop._asyncgen_finalizer_hook,
    )
    with loop:
        return int(loop.run_until_complete(_run(app, args)))  # type: ignore[arg-type]
