"""The composition root: settings, store, sync engine, services, the qasync loop, the window.

Builds everything, wires it, and owns shutdown. Nothing else creates long-lived objects.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from agent_desk.core.attention import AttentionPrefs
from agent_desk.services import session as sessions
from agent_desk.services.actions import ActionsService
from agent_desk.services.desk import DeskService
from agent_desk.services.knowledge import KnowledgeService
from agent_desk.services.mail import MailService
from agent_desk.store.store import Store
from agent_desk.sync.engine import SyncEngine
from agent_desk.sync.transport import SyncError, Transport, Unreachable
from agent_desk.system.config import (
    ConfigError,
    LoadedConfig,
    Settings,
    load_config,
    save_user_settings,
)
from agent_desk.system.logging_setup import setup_logging
from agent_desk.system.paths import HOME_ENV, Profile, ProfilePaths
from agent_desk.system.runtime import settle_after_startup
from agent_desk.system.secrets import KeyringSecurity, SecretStore
from agent_desk.ui.bridge import MessageBridge
from agent_desk.ui.changes import ChangeHub
from agent_desk.ui.intents import IntentRunner
from agent_desk.ui.links import UrlOpener
from agent_desk.ui.mail import FileQuestions
from agent_desk.ui.main_window import MainWindow, WindowParts
from agent_desk.ui.settings_dialog import SavedSettings, SettingsDialog, prefs_from_settings
from agent_desk.ui.sign_in import AttemptResult, Credentials, SignInDialog

log = logging.getLogger(__name__)

I18N = Path(__file__).resolve().parent.parent / "i18n"


@dataclass
class Session:
    """One signed-in account: its cache, connection, engine, use cases and window."""

    profile: Profile
    store: Store
    transport: Transport
    engine: SyncEngine
    desk: DeskService
    window: MainWindow
    secrets: SecretStore
    ended: asyncio.Future[str] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )
    tasks: set[asyncio.Task[Any]] = field(default_factory=set)

    def spawn(self, coro: Any, name: str) -> None:
        """Fire and forget, but keep a reference and log what went wrong."""
        task = asyncio.ensure_future(coro)
        task.set_name(name)
        self.tasks.add(task)

        def done(t: asyncio.Task[Any]) -> None:
            self.tasks.discard(t)
            if not t.cancelled() and t.exception() is not None:
                log.error("task %s failed", name, exc_info=t.exception())

        task.add_done_callback(done)

    def end(self, why: str) -> None:
        if not self.ended.done():
            self.ended.set_result(why)

    async def close(self) -> None:
        self.window.shutdown()
        self.window.close()  # no paint may read the cache once it is closed
        self.window.deleteLater()
        for task in list(self.tasks):
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        await self.engine.stop()
        await self.transport.aclose()
        self.store.close()


def compose_window(
    store: Store,
    desk: DeskService,
    window_state: QSettings,
    *,
    prefs: AttentionPrefs | None = None,
    opener: UrlOpener | None = None,
    typing: Callable[[str], None] | None = None,
    mail: MailService | None = None,
    files: FileQuestions | None = None,
) -> MainWindow:
    """One signed-in window and the long-lived objects it works with: the knowledge and actions
    services, the message bridge, the change hub and the intent runner. Every local change
    reaches the hub (and through it every view that shows it) the moment it is written.
    ``mail`` fetches a mail's original and attachments (none: the window says it is offline);
    ``files`` is how saving a file asks first (the real dialogs unless a test answers)."""
    bridge = MessageBridge()
    hub = ChangeHub()
    parts = WindowParts(
        store=store,
        desk=desk,
        knowledge=KnowledgeService(store, desk),
        actions=ActionsService(store, desk),
        bridge=bridge,
        hub=hub,
        runner=IntentRunner(bridge, hub),
        **({"typing": typing} if typing is not None else {}),
        mail=mail,
    )
    desk.subscribe(hub.publish)
    window = MainWindow(parts, window_state, opener=opener, prefs=prefs, files=files)
    bridge.setParent(window)  # they live as long as the window
    hub.setParent(window)
    return window


def _settle(future: asyncio.Future[int], value: int) -> None:
    if not future.done():
        future.set_result(value)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="agent-desk", description="Agent Desk, the agent's window.")
    p.add_argument(
        "--demo",
        action="store_true",
        help="start the embedded demo server with sample data and sign in as agent "
        "(or as --user: agent2, expert, supervisor, admin)",
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
    p.add_argument(
        "--profile",
        metavar="DIR",
        help="keep cache, settings and logs under DIR (a second account side by side, a kiosk)",
    )
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
    QLocale.setDefault(QLocale(name))  # dates, numbers and server-given labels follow it too
    translator = QTranslator(app)
    if translator.load(str(I18N / f"agent_desk_{name}.qm")):
        app.installTranslator(translator)
        return translator
    return None


class Desk:
    """The running application: turns settings and a sign-in into sessions, one at a time."""

    def __init__(
        self,
        app: QApplication,
        args: argparse.Namespace,
        loaded: LoadedConfig,
        overrides: dict[str, object],
    ) -> None:
        self.app = app
        self.args = args
        self._overrides = overrides
        self.loaded = loaded
        self.settings: Settings = loaded.settings
        self.secrets = SecretStore(allow_insecure=self.settings.allow_insecure_keyring)
        self.demo: Any = None
        self.session: Session | None = None  # the one running now
        self.terminating = False
        self.theme_watcher: Any = None  # set by main(): the system's light/dark switch
        self.sign_out_notice = ""
        self._logging_for: Path | None = None

    # --- building a session --------------------------------------------------------------------

    def _transport(self, server_url: str) -> Transport:
        s = self.settings
        verify: bool | str = str(s.ca_bundle) if s.ca_bundle else s.verify_tls
        return Transport(server_url, verify=verify, timeout=s.request_timeout_s)

    def _open(self, profile: Profile) -> tuple[ProfilePaths, Store]:
        paths = ProfilePaths.for_profile(profile).ensure_dirs()
        if self._logging_for != paths.log_dir:
            setup_logging(paths.log_dir, self.settings.log_level)
            self._logging_for = paths.log_dir
        return paths, Store(paths.db_path)

    def _build(
        self, profile: Profile, paths: ProfilePaths, store: Store, transport: Transport
    ) -> Session:
        account = sessions.account_of(store)
        assert account is not None
        engine = SyncEngine(store, transport, account.me)
        desk = DeskService(store, account.me, account.role)
        window_state = QSettings(str(paths.config_dir / "window.ini"), QSettings.Format.IniFormat)
        window = compose_window(
            store,
            desk,
            window_state,
            prefs=prefs_from_settings(self.settings),
            typing=engine.note_typing,
            mail=MailService(transport),
        )
        session = Session(profile, store, transport, engine, desk, window, self.secrets)
        engine.connect(on_change=window.hub.publish_soon, on_status=window.show_status)
        desk.subscribe(lambda _c: engine.trigger())
        window.sync_requested.connect(engine.trigger)
        if self.theme_watcher is not None:
            # a bound method: Qt drops the connection when the window is destroyed
            self.theme_watcher.changed.connect(window.theme_changed)
        window.settings_requested.connect(lambda: self.open_settings(window))
        window.sign_out_requested.connect(lambda: session.spawn(self.sign_out(session), "sign-out"))
        window.show_status(engine.status)
        return session

    async def _attempt(self, creds: Credentials) -> tuple[AttemptResult, Session | None]:
        try:
            profile = Profile(creds.server_url, creds.username)
        except ValueError:
            return AttemptResult(False, "bad_url"), None
        paths, store = self._open(profile)
        transport = self._transport(profile.server_url)
        try:
            await sessions.sign_in(
                store, transport, self.secrets, profile, creds.password, remember=creds.remember
            )
        except asyncio.CancelledError:  # the agent cancelled while "Signing in…"
            await transport.aclose()
            store.close()
            raise
        except SyncError as exc:
            offline = isinstance(exc, Unreachable) and sessions.account_of(store) is not None
            await transport.aclose()
            store.close()
            code = exc.code
            if code in ("too_many_attempts", "rate_limited") or "429" in exc.message:
                code = "locked_out"
            elif code not in ("unreachable", "server_error", "schema_mismatch", "wrong_profile"):
                code = "refused"
            return AttemptResult(False, code, exc.message, offline_possible=offline), None
        return AttemptResult(True), self._build(profile, paths, store, transport)

    async def _dialog(
        self, server_url: str, username: str | None, notice: str = ""
    ) -> Session | None:
        if self.terminating:  # quitting (SIGTERM): nobody is there to sign in
            return None
        built: list[Session] = []
        offline_profile: list[Profile] = []

        async def attempt(creds: Credentials) -> AttemptResult:
            result, session = await self._attempt(creds)
            if session is not None:
                built.append(session)
            elif result.offline_possible:
                offline_profile[:] = [Profile(creds.server_url, creds.username)]
            return result

        status = self.secrets.backend_status()
        dialog = SignInDialog(
            attempt,
            server_url=server_url,
            username=username,
            remember_available=status.security is KeyringSecurity.SECURE
            or self.secrets.allow_insecure,
            remember_problem=status.detail,
        )
        offline: list[bool] = []
        dialog.work_offline.connect(lambda: offline.append(True))
        if notice:
            dialog.show_error(notice)
        finished: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        dialog.finished.connect(lambda code: _settle(finished, code))
        dialog.open()
        await finished
        if built:
            self._remember_account(built[0].profile)
            return built[0]
        if offline and offline_profile:
            return self._offline(offline_profile[0])
        return None

    def _remember_account(self, profile: Profile) -> None:
        """The next start offers (or resumes) the same account: server and username go to the
        user's config file (never the password; the token only to the keyring)."""
        wanted = {"server_url": profile.server_url, "username": profile.username}
        changes = {k: v for k, v in wanted.items() if k not in self.loaded.locked}
        try:
            save_user_settings(changes)
        except ConfigError as exc:
            log.info("the account is not remembered in the settings: %s", exc)
            return
        self.loaded = load_config(cli=self._overrides)
        self.settings = self.loaded.settings

    def _offline(self, profile: Profile) -> Session | None:
        paths, store = self._open(profile)
        if sessions.account_of(store) is None:
            store.close()
            return None
        transport = self._transport(profile.server_url)
        sessions.resume(transport, self.secrets, profile)
        return self._build(profile, paths, store, transport)

    def open_settings(self, window: MainWindow) -> None:
        dialog = SettingsDialog.for_config(self.loaded, window)

        def saved(result: SavedSettings) -> None:
            window.attention.set_prefs(result.prefs)
            self.loaded = load_config(cli=self._overrides)
            self.settings = self.loaded.settings
            if result.language_changed:
                window.bridge.info(
                    QCoreApplication.translate(
                        "Desk", "The new language applies the next time Agent Desk starts."
                    )
                )

        dialog.saved.connect(saved)
        dialog.open()

    async def first_session(self) -> Session | None:
        args, settings = self.args, self.settings
        if args.demo:
            from agent_desk.server.demo.launch import demo_server

            rate = None if args.no_simulator else args.simulator_rate
            self.demo = await asyncio.to_thread(demo_server, simulator_rate=rate)
            if self.terminating:  # SIGTERM while the demo was starting
                return None
            # --user: the demo as another of its accounts (agent2, expert, supervisor, admin)
            username = getattr(args, "user", None) or "agent"
            creds = Credentials(self.demo.url, username, "demo", remember=False)
            result, session = await self._attempt(creds)
            if session is None:
                raise SystemExit(f"cannot sign in to the demo: {result.detail or result.code}")
            return session
        if settings.username:
            # a remembered session: start from the cache right away (offline if need be); the
            # first sync tells whether the token still works
            profile = Profile(settings.server_url, settings.username)
            paths = ProfilePaths.for_profile(profile)
            if paths.db_path.exists():
                transport = self._transport(profile.server_url)
                if sessions.resume(transport, self.secrets, profile):
                    paths, store = self._open(profile)
                    if sessions.account_of(store) is not None:
                        return self._build(profile, paths, store, transport)
                    store.close()
                await transport.aclose()
        if args.self_test:
            raise SystemExit("--self-test needs --demo or a remembered session")
        return await self._dialog(settings.server_url, settings.username)

    # --- running -------------------------------------------------------------------------------

    async def sign_out(self, session: Session) -> None:
        waiting = session.store.outbox_size()
        if waiting:
            with contextlib.suppress(SyncError):
                await asyncio.wait_for(session.engine.sync_once(), 10)
            waiting = session.store.outbox_size()
        if waiting:
            box = QMessageBox(session.window)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(QCoreApplication.translate("Desk", "Sign out"))
            box.setText(
                QCoreApplication.translate(
                    "Desk",
                    "{0} changes are not sent yet. They stay on this computer and are sent "
                    "after you sign in again. Sign out anyway?",
                ).format(waiting)
            )
            box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            finished: asyncio.Future[int] = asyncio.get_running_loop().create_future()
            box.finished.connect(lambda code: _settle(finished, code))
            box.open()
            if await finished != QMessageBox.StandardButton.Yes:
                return
        problem = await sessions.sign_out(session.transport, self.secrets, session.profile)
        if problem:
            log.info("sign-out: %s", problem)
            self.sign_out_notice = QCoreApplication.translate(
                "Desk",
                "You are signed out on this computer. The server could not be told, so that "
                "session ends at the server when it expires.",
            )
        session.end("signed_out")

    async def run_session(self, session: Session) -> str:
        window = session.window
        window.show()
        settle_after_startup()

        def quitting() -> None:
            session.end("quit")

        self.app.aboutToQuit.connect(quitting)
        window.destroyed.connect(quitting)
        self.app.setQuitOnLastWindowClosed(False)
        window.installEventFilter(_CloseWatcher(window, quitting))
        runner = asyncio.create_task(session.engine.run(), name="sync")
        try:
            return await session.ended
        finally:
            runner.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await runner
            with contextlib.suppress(RuntimeError, TypeError):
                self.app.aboutToQuit.disconnect(quitting)

    def terminate(self) -> None:
        """Quit as the window's Quit does (SIGTERM): the session ends, a dialog is dismissed."""
        self.terminating = True
        if self.session is not None:
            self.session.end("quit")
            return
        for widget in self.app.topLevelWidgets():
            if widget.isVisible():
                widget.close()

    async def self_test(self, session: Session) -> int:
        try:
            await session.engine.sync_once()
        except SyncError as exc:
            print(f"agent-desk: self-test failed: {exc.message}", file=sys.stderr)
            return 1
        window = session.window
        window.refresh(None)
        window.show()
        self.app.processEvents()
        if self.args.screenshot:
            window.queue.selectRow(0)
            self.app.processEvents()
        image = window.grab()
        if self.args.screenshot:
            image.save(self.args.screenshot)
        conversations = session.store.counts()["conversation"]
        if image.isNull() or (window.model.rowCount() == 0 and not conversations):
            print("agent-desk: self-test failed: nothing to show", file=sys.stderr)
            return 1
        print(f"agent-desk: self-test ok ({conversations} conversations)")
        return 0

    async def run(self) -> int:
        try:
            try:
                session = await self.first_session()
            except SystemExit as exc:
                print(f"agent-desk: {exc}", file=sys.stderr)
                return 1
            while session is not None:
                self.session = session
                try:
                    if self.args.self_test:
                        return await self.self_test(session)
                    if self.terminating:
                        return 0
                    why = await self.run_session(session)
                finally:
                    self.session = None
                    await session.close()
                if why != "signed_out" or self.terminating:
                    return 0
                notice, self.sign_out_notice = self.sign_out_notice, ""
                session = await self._dialog(session.profile.server_url, None, notice)
            return 0
        finally:
            if self.demo is not None:
                self.demo.stop()


class _CloseWatcher(QObject):
    """Ends the session when its window closes (the app keeps running for a new sign-in)."""

    def __init__(self, window: MainWindow, on_close: Callable[[], None]) -> None:
        super().__init__(window)
        self._on_close = on_close

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self._on_close()
        return False


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.profile:
        os.environ[HOME_ENV] = str(Path(args.profile).expanduser().resolve())
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Agent Desk")
    app.setDesktopFileName("agent-desk")
    overrides: dict[str, object] = {}
    if args.server:
        overrides["server_url"] = args.server
    if args.user:
        overrides["username"] = args.user
    loaded = load_config(cli=overrides)
    for problem in loaded.problems:
        print(f"agent-desk: {problem}", file=sys.stderr)
    install_translator(app, args.lang or loaded.settings.language)
    from agent_desk.ui import theme

    app.setWindowIcon(theme.app_icon())
    app.setStyleSheet(theme.stylesheet(theme.current_theme()))
    watcher = theme.ThemeWatcher(app)
    watcher.changed.connect(lambda t: app.setStyleSheet(theme.stylesheet(t)))
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    sys.set_asyncgen_hooks(
        firstiter=loop._asyncgen_firstiter_hook,
        finalizer=loop._asyncgen_finalizer_hook,
    )
    desk = Desk(app, args, loaded, overrides)
    desk.theme_watcher = watcher
    # SIGTERM (a logout, a rollout tool, systemd) quits like the window's Quit: the session
    # ends the normal way, the embedded demo stops and removes its temporary database. Python
    # runs signal handlers only between its own bytecodes, so a timer gives it the chance every
    # 250 ms; the handler hands the work to the loop.
    signal.signal(signal.SIGTERM, lambda *_: loop.call_soon_threadsafe(desk.terminate))
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(250)
    with loop:
        return int(loop.run_until_complete(desk.run()))
