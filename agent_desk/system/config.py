"""Layered client configuration.

Layers, lowest first; a higher layer overrides a lower one key by key:

1. built-in defaults (:class:`Settings`);
2. the machine-wide *managed* file (``managed.toml``, for rollouts; see
   :func:`agent_desk.system.paths.managed_config_path`);
3. the user file (``config.toml`` in the app's config directory);
4. environment variables ``AGENT_DESK_<KEY>`` (e.g. ``AGENT_DESK_SERVER_URL``);
5. the command line (a mapping of setting name to value; ``None`` means "not given").

The managed file may *lock* keys so that layers 3-5 cannot change them, either with a
``[locked]`` table (the values there are set and locked) or with a top-level list
``locked = ["server_url", "ca_bundle"]`` (locks the values set at top level, or the defaults).
Ignored overrides are reported as problems.

Loading never raises because of a bad file or value: every problem becomes a
:class:`ConfigProblem` naming the file and line (or the environment variable), the bad layer's
value is skipped, and the other layers still apply. Problems are also logged as warnings.
Values are never echoed in problems, in case a secret was pasted into the wrong place; the
configuration never holds secrets (tokens live in the keyring only).

Example managed file::

    server_url = "https://desk.example.com"
    locked = ["server_url", "verify_tls"]

    [locked]
    ca_bundle = "/etc/ssl/certs/example-ca.pem"
"""

from __future__ import annotations

import ipaddress
import logging
import math
import os
import re
import tempfile
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal, cast, get_args
from urllib.parse import urlsplit

from agent_desk.system.paths import app_dirs, make_private_dir, managed_config_path

log = logging.getLogger(__name__)

Language = Literal["zh_CN", "zh_TW", "en", "system"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
LOG_LEVELS: tuple[LogLevel, ...] = get_args(LogLevel)

ENV_PREFIX = "AGENT_DESK_"
DEFAULT_SERVER_URL = "http://127.0.0.1:8765"
MIN_TIMEOUT_S = 1.0
MAX_TIMEOUT_S = 300.0


@dataclass(frozen=True)
class Settings:
    """The client's effective settings (all layers applied)."""

    server_url: str = DEFAULT_SERVER_URL
    username: str | None = None
    language: Language = "system"
    ca_bundle: Path | None = None
    """A PEM file with the CA certificate(s) to trust for the server (private CA)."""
    verify_tls: bool = True
    request_timeout_s: float = 15.0
    notifications: bool = True
    sounds: bool = True
    sla_reminders: bool = True
    log_level: LogLevel = "INFO"
    allow_insecure_keyring: bool = False


SETTING_KEYS: tuple[str, ...] = tuple(f.name for f in fields(Settings))


class Layer(StrEnum):
    DEFAULTS = "defaults"
    MANAGED = "managed"
    USER = "user"
    ENVIRONMENT = "environment"
    COMMAND_LINE = "command line"


class Severity(StrEnum):
    ERROR = "error"
    """Something the user wrote was not used."""
    WARNING = "warning"
    """Used or deliberately ignored, but the user should know (TLS off, a locked key)."""


class ProblemKind(StrEnum):
    UNREADABLE = "unreadable"
    SYNTAX = "syntax"
    INVALID_VALUE = "invalid_value"
    UNKNOWN_KEY = "unknown_key"
    LOCKED = "locked"
    INSECURE = "insecure"


@dataclass(frozen=True)
class ConfigProblem:
    """One thing wrong with (or worth knowing about) the configuration.

    Attributes:
        file: the file it is in, or ``None`` for the environment and the command line.
        line: 1-based line in ``file`` when known.
        key: the setting concerned, when there is one.
        message: a sentence for the user, already naming the key.
    """

    file: Path | None
    line: int | None
    key: str | None
    message: str
    layer: Layer
    kind: ProblemKind
    severity: Severity = Severity.ERROR
    column: int | None = None

    @property
    def location(self) -> str:
        if self.file is not None:
            where = str(self.file)
            if self.line is not None:
                where += f", line {self.line}"
                if self.column is not None:
                    where += f", column {self.column}"
            return where
        if self.layer is Layer.ENVIRONMENT and self.key is not None:
            return f"environment variable {env_var(self.key)}"
        if self.layer is Layer.COMMAND_LINE:
            return "command line"
        return str(self.layer)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass(frozen=True)
class LoadedConfig:
    """Everything :func:`load_config` learned.

    Attributes:
        settings: the effective settings.
        problems: problems in the order found.
        locked: keys the managed file locks (a settings page shows them read-only).
        sources: for each key not at its default, the layer its value came from.
        user_path / managed_path: the files that were consulted.
    """

    settings: Settings
    problems: list[ConfigProblem]
    locked: frozenset[str]
    sources: Mapping[str, Layer]
    user_path: Path
    managed_path: Path

    @property
    def ignored_overrides(self) -> list[ConfigProblem]:
        return [p for p in self.problems if p.kind is ProblemKind.LOCKED]


class ConfigError(Exception):
    """Saving the configuration was refused."""


class LockedSetting(ConfigError):
    def __init__(self, key: str, managed_path: Path) -> None:
        super().__init__(f"{key} is locked by the managed configuration {managed_path}")
        self.key = key


class InvalidSetting(ConfigError):
    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key


class ConfigFileError(ConfigError):
    def __init__(self, path: Path, line: int | None, message: str) -> None:
        where = f"{path}, line {line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


def env_var(key: str) -> str:
    """The environment variable for a setting: ``server_url`` -> ``AGENT_DESK_SERVER_URL``."""
    return ENV_PREFIX + key.upper()


# --- value parsing ------------------------------------------------------------------------------


class _Invalid(Exception):
    pass


_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


def _type_name(raw: object) -> str:
    if isinstance(raw, bool):
        return "a boolean"
    if isinstance(raw, int | float):
        return "a number"
    if isinstance(raw, str):
        return "a string"
    if isinstance(raw, list):
        return "an array"
    if isinstance(raw, dict):
        return "a table"
    return f"a {type(raw).__name__}"


def _parse_bool(raw: object, from_text: bool, base: Path | None) -> bool:
    if isinstance(raw, bool):
        return raw
    if from_text and isinstance(raw, str):
        text = raw.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise _Invalid("must be true or false (also accepted: 1/0, yes/no, on/off)")
    raise _Invalid(f"must be true or false, not {_type_name(raw)}")


def _parse_timeout(raw: object, from_text: bool, base: Path | None) -> float:
    value: float
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        value = float(raw)
    elif from_text and isinstance(raw, str):
        try:
            value = float(raw.strip())
        except ValueError:
            raise _Invalid("must be a number of seconds") from None
    else:
        raise _Invalid(f"must be a number of seconds, not {_type_name(raw)}")
    if not math.isfinite(value) or not MIN_TIMEOUT_S <= value <= MAX_TIMEOUT_S:
        raise _Invalid(f"must be between {MIN_TIMEOUT_S:g} and {MAX_TIMEOUT_S:g} seconds")
    return value


def _require_str(raw: object, what: str) -> str:
    if not isinstance(raw, str):
        raise _Invalid(f"must be {what}, not {_type_name(raw)}")
    return raw.strip()


def _parse_server_url(raw: object, from_text: bool, base: Path | None) -> str:
    text = _require_str(raw, "a URL string")
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https"):
        raise _Invalid("must start with http:// or https://")
    if not parts.hostname:
        raise _Invalid("must name a host, e.g. https://desk.example.com")
    if parts.username is not None or parts.password is not None:
        raise _Invalid("must not contain a user name or password")
    if parts.query or parts.fragment:
        raise _Invalid("must not contain a query (?...) or fragment (#...)")
    try:
        _ = parts.port
    except ValueError:
        raise _Invalid("has an invalid port") from None
    return parts._replace(scheme=parts.scheme.lower()).geturl().rstrip("/")


def _parse_username(raw: object, from_text: bool, base: Path | None) -> str | None:
    text = _require_str(raw, "a string")
    if any(ord(c) < 32 for c in text):
        raise _Invalid("must not contain control characters")
    if len(text) > 256:
        raise _Invalid("is too long (at most 256 characters)")
    return text or None


def _parse_language(raw: object, from_text: bool, base: Path | None) -> Language:
    text = _require_str(raw, "a string").replace("-", "_")
    for language in LANGUAGES:
        if text.lower() == language.lower():
            return language
    raise _Invalid(f"must be one of {', '.join(LANGUAGES)}")


def _parse_log_level(raw: object, from_text: bool, base: Path | None) -> LogLevel:
    text = _require_str(raw, "a string").upper()
    for level in LOG_LEVELS:
        if text == level:
            return level
    raise _Invalid(f"must be one of {', '.join(LOG_LEVELS)}")


def _parse_ca_bundle(raw: object, from_text: bool, base: Path | None) -> Path | None:
    if isinstance(raw, Path):
        raw = str(raw)
    text = _require_str(raw, "a file path string")
    if not text:
        return None
    path = Path(text).expanduser()
    if not path.is_absolute():
        path = (base or Path.cwd()) / path
    if not path.is_file():
        raise _Invalid(f"names a CA bundle that does not exist or is not a file: {path}")
    return path


_Parser = Callable[[object, bool, Path | None], object]

_PARSERS: dict[str, _Parser] = {
    "server_url": _parse_server_url,
    "username": _parse_username,
    "language": _parse_language,
    "ca_bundle": _parse_ca_bundle,
    "verify_tls": _parse_bool,
    "request_timeout_s": _parse_timeout,
    "notifications": _parse_bool,
    "sounds": _parse_bool,
    "sla_reminders": _parse_bool,
    "log_level": _parse_log_level,
    "allow_insecure_keyring": _parse_bool,
}
assert set(_PARSERS) == set(SETTING_KEYS), "every setting needs a parser"


# --- reading files ------------------------------------------------------------------------------

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_END = re.compile(r"\s*\(at end of document\)\s*$")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_ARRAY_TABLE_HEADER = re.compile(r"^\s*\[\[")


@dataclass(frozen=True)
class _TomlFile:
    path: Path
    text: str
    doc: dict[str, object]

    def line_of(self, key: str, table: str | None = None) -> int | None:
        """Best-effort line number of ``key = ...`` in ``[table]`` (``None``: top level)."""
        quoted = re.escape(key)
        assignment = re.compile(rf"""^\s*(?:{quoted}|"{quoted}"|'{quoted}')\s*=""")
        current: str | None = None
        for number, line in enumerate(self.text.splitlines(), start=1):
            if _ARRAY_TABLE_HEADER.match(line):
                current = "\0array"
                continue
            header = _TABLE_HEADER.match(line)
            if header:
                current = header.group(1).strip().strip("\"'")
                continue
            if current == table and assignment.match(line):
                return number
        return None


def _read_toml(path: Path, layer: Layer, problems: list[ConfigProblem]) -> _TomlFile | None:
    """Parse a TOML file; a missing file is no problem, anything else wrong is reported."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        problems.append(
            ConfigProblem(
                path,
                None,
                None,
                f"cannot be read ({exc.strerror or type(exc).__name__}); it was skipped",
                layer,
                ProblemKind.UNREADABLE,
            )
        )
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = data[: exc.start].count(b"\n") + 1
        problems.append(
            ConfigProblem(
                path,
                bad_line,
                None,
                "is not valid UTF-8 text; the file was skipped",
                layer,
                ProblemKind.SYNTAX,
            )
        )
        return None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line: int | None = getattr(exc, "lineno", None)  # Python >= 3.14 has these attributes
        column: int | None = getattr(exc, "colno", None)
        position = _TOML_POSITION.search(message)
        if position:
            line, column = int(position.group(1)), int(position.group(2))
            message = message[: position.start()]
        elif _TOML_END.search(message):
            line = text.count("\n") + 1
            message = _TOML_END.sub("", message)
        else:
            message = message.split("\n", 1)[0]
        problems.append(
            ConfigProblem(
                path,
                line,
                None,
                f"TOML syntax error: {message}; the whole file was skipped",
                layer,
                ProblemKind.SYNTAX,
                column=column,
            )
        )
        return None
    return _TomlFile(path, text, doc)


# --- layering -----------------------------------------------------------------------------------


@dataclass
class _Builder:
    managed_path: Path
    problems: list[ConfigProblem] = field(default_factory=list)
    values: dict[str, object] = field(default_factory=dict)
    sources: dict[str, Layer] = field(default_factory=dict)
    origins: dict[str, tuple[Path | None, int | None]] = field(default_factory=dict)
    locked: set[str] = field(default_factory=set)

    def problem(
        self,
        layer: Layer,
        kind: ProblemKind,
        message: str,
        *,
        key: str | None = None,
        file: Path | None = None,
        line: int | None = None,
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.problems.append(ConfigProblem(file, line, key, message, layer, kind, severity))

    def apply(
        self,
        layer: Layer,
        entries: Iterable[tuple[str, object]],
        *,
        from_text: bool,
        source: _TomlFile | None = None,
        table: str | None = None,
    ) -> None:
        file = source.path if source is not None else None
        base = file.parent if file is not None else None
        for key, raw in entries:
            line = source.line_of(key, table) if source is not None else None
            if key not in _PARSERS:
                self.problem(
                    layer,
                    ProblemKind.UNKNOWN_KEY,
                    f"unknown setting {key!r} was ignored",
                    key=key,
                    file=file,
                    line=line,
                    severity=Severity.WARNING,
                )
                continue
            if key in self.locked and layer is not Layer.MANAGED:
                self.problem(
                    layer,
                    ProblemKind.LOCKED,
                    f"{key} is locked by the managed configuration {self.managed_path}; "
                    f"the value from the {_layer_phrase(layer)} was ignored",
                    key=key,
                    file=file,
                    line=line,
                    severity=Severity.WARNING,
                )
                continue
            try:
                value = _PARSERS[key](raw, from_text, base)
            except _Invalid as exc:
                self.problem(
                    layer,
                    ProblemKind.INVALID_VALUE,
                    f"{key} {exc}; this value was ignored",
                    key=key,
                    file=file,
                    line=line,
                )
                continue
            self.values[key] = value
            self.sources[key] = layer
            self.origins[key] = (file, line)


def _layer_phrase(layer: Layer) -> str:
    return {
        Layer.USER: "user configuration file",
        Layer.ENVIRONMENT: "environment",
        Layer.COMMAND_LINE: "command line",
    }.get(layer, str(layer))


def _apply_managed(builder: _Builder, managed: _TomlFile) -> None:
    doc = dict(managed.doc)
    locked_spec = doc.pop("locked", None)
    lock_table: dict[str, object] = {}
    lock_names: list[str] = []
    if isinstance(locked_spec, dict):
        lock_table = locked_spec
    elif isinstance(locked_spec, list):
        for name in locked_spec:
            if isinstance(name, str) and name in _PARSERS:
                lock_names.append(name)
            else:
                builder.problem(
                    Layer.MANAGED,
                    ProblemKind.UNKNOWN_KEY,
                    f"locked names an unknown setting {name!r}; it was ignored",
                    file=managed.path,
                    line=managed.line_of("locked"),
                    severity=Severity.WARNING,
                )
    elif locked_spec is not None:
        builder.problem(
            Layer.MANAGED,
            ProblemKind.INVALID_VALUE,
            "locked must be a list of setting names or a [locked] table; it was ignored",
            key="locked",
            file=managed.path,
            line=managed.line_of("locked"),
        )
    builder.apply(Layer.MANAGED, doc.items(), from_text=False, source=managed)
    builder.apply(
        Layer.MANAGED, lock_table.items(), from_text=False, source=managed, table="locked"
    )
    builder.locked.update(lock_names)
    builder.locked.update(key for key in lock_table if key in _PARSERS)


def _read_locks(managed_path: Path) -> frozenset[str]:
    managed = _read_toml(managed_path, Layer.MANAGED, [])
    if managed is None:
        return frozenset()
    builder = _Builder(managed_path)
    _apply_managed(builder, managed)
    return frozenset(builder.locked)


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def load_config(
    *,
    user_path: str | os.PathLike[str] | None = None,
    managed_path: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
    cli: Mapping[str, object] | None = None,
    home: str | os.PathLike[str] | None = None,
) -> LoadedConfig:
    """Load the settings from all layers. Never raises because of a bad file or value.

    Args:
        user_path: the user file; default ``config.toml`` in the app's config directory
            (see ``home``).
        managed_path: the managed file; default per OS or ``AGENT_DESK_MANAGED_CONFIG``.
        environ: the environment (default ``os.environ``); only ``AGENT_DESK_<KEY>`` for known
            keys is read, an empty value counts as unset.
        cli: command-line values by setting name; ``None`` values are skipped. Strings are
            parsed like environment values.
        home: base-directory override, as for :func:`agent_desk.system.paths.app_dirs`.
    """
    env = os.environ if environ is None else environ
    managed_file = Path(managed_path) if managed_path is not None else managed_config_path(env)
    user_file = (
        Path(user_path) if user_path is not None else app_dirs(home, environ=env).config_path
    )
    builder = _Builder(managed_file)

    managed = _read_toml(managed_file, Layer.MANAGED, builder.problems)
    if managed is not None:
        _apply_managed(builder, managed)

    user = _read_toml(user_file, Layer.USER, builder.problems)
    if user is not None:
        builder.apply(Layer.USER, user.doc.items(), from_text=False, source=user)

    env_entries = [
        (key, env[env_var(key)]) for key in SETTING_KEYS if env.get(env_var(key), "").strip()
    ]
    builder.apply(Layer.ENVIRONMENT, env_entries, from_text=True)

    if cli:
        cli_entries = [(key, value) for key, value in cli.items() if value is not None]
        builder.apply(Layer.COMMAND_LINE, cli_entries, from_text=True)

    settings = replace(Settings(), **cast(dict[str, Any], builder.values))
    _security_notices(builder, settings)
    for problem in builder.problems:
        log.warning("configuration: %s", problem)
    return LoadedConfig(
        settings=settings,
        problems=builder.problems,
        locked=frozenset(builder.locked),
        sources=dict(builder.sources),
        user_path=user_file,
        managed_path=managed_file,
    )


def _security_notices(builder: _Builder, settings: Settings) -> None:
    if not settings.verify_tls:
        layer = builder.sources.get("verify_tls", Layer.DEFAULTS)
        file, line = builder.origins.get("verify_tls", (None, None))
        builder.problem(
            layer,
            ProblemKind.INSECURE,
            "verify_tls is off: the server's TLS certificate is not checked, so the connection "
            "(and your sign-in) can be intercepted. Prefer ca_bundle for a private CA.",
            key="verify_tls",
            file=file,
            line=line,
            severity=Severity.WARNING,
        )
    parts = urlsplit(settings.server_url)
    if parts.scheme == "http" and not _is_loopback(parts.hostname or ""):
        layer = builder.sources.get("server_url", Layer.DEFAULTS)
        file, line = builder.origins.get("server_url", (None, None))
        builder.problem(
            layer,
            ProblemKind.INSECURE,
            "server_url uses plain http:// to another machine: the sign-in token and all "
            "conversations travel unencrypted. Use https://.",
            key="server_url",
            file=file,
            line=line,
            severity=Severity.WARNING,
        )


def load_settings(
    *,
    user_path: str | os.PathLike[str] | None = None,
    managed_path: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
    cli: Mapping[str, object] | None = None,
    home: str | os.PathLike[str] | None = None,
) -> tuple[Settings, list[ConfigProblem]]:
    """:func:`load_config`, returning only the settings and the problems."""
    loaded = load_config(
        user_path=user_path, managed_path=managed_path, environ=environ, cli=cli, home=home
    )
    return loaded.settings, loaded.problems


# --- saving -------------------------------------------------------------------------------------


def save_user_settings(
    changes: Mapping[str, object],
    *,
    user_path: str | os.PathLike[str] | None = None,
    managed_path: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
    home: str | os.PathLike[str] | None = None,
) -> Path:
    """Write user-level changes to the user file atomically; returns the file's path.

    A ``None`` value removes the key (the lower layers apply again). Other keys already in the
    file are kept; comments and formatting are not (the file is rewritten). Nothing is written
    if any change is refused.

    Raises:
        InvalidSetting: an unknown key or an invalid value.
        LockedSetting: the managed configuration locks the key.
        ConfigFileError: the existing user file is unreadable or not valid TOML (it is left
            as it is rather than overwritten).
    """
    env = os.environ if environ is None else environ
    managed_file = Path(managed_path) if managed_path is not None else managed_config_path(env)
    user_file = (
        Path(user_path) if user_path is not None else app_dirs(home, environ=env).config_path
    )
    locked = _read_locks(managed_file)

    updates: dict[str, object] = {}
    removals: set[str] = set()
    for key, raw in changes.items():
        if key not in _PARSERS:
            raise InvalidSetting(key, "is not a known setting")
        if key in locked:
            raise LockedSetting(key, managed_file)
        if raw is None:
            removals.add(key)
            continue
        try:
            value = _PARSERS[key](raw, False, user_file.parent)
        except _Invalid as exc:
            raise InvalidSetting(key, str(exc)) from None
        if value is None:
            removals.add(key)
        else:
            updates[key] = str(value) if isinstance(value, Path) else value

    problems: list[ConfigProblem] = []
    existing = _read_toml(user_file, Layer.USER, problems)
    if problems:
        first = problems[0]
        raise ConfigFileError(
            user_file, first.line, f"{first.message}; fix or remove the file to save settings"
        )
    document = dict(existing.doc) if existing is not None else {}
    for key in removals:
        document.pop(key, None)
    document.update(updates)

    make_private_dir(user_file.parent, (user_file.parent,))
    _atomic_write_text(user_file, _HEADER + dumps_toml(document))
    log.info("saved user settings: %s", ", ".join(sorted(set(updates) | removals)) or "nothing")
    return user_file


_HEADER = "# Agent Desk user settings. The app rewrites this file; comments are not kept.\n"


def _atomic_write_text(path: Path, text: str) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)  # os.replace: atomic on POSIX and Windows
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# --- a small TOML writer (tomllib only reads) --------------------------------------------------

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
_ESCAPES["\r"] = "\\r"


def _toml_string(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _toml_string(key)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, Path):
        return _toml_string(str(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        items = cast(dict[str, object], value)
        inner = ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in items.items())
        return "{" + inner + "}" if inner else "{}"
    raise TypeError(f"cannot write a {type(value).__name__} to TOML")


def dumps_toml(document: Mapping[str, object]) -> str:
    """Serialise what ``tomllib`` can produce (tables, arrays, scalars, dates) back to TOML."""
    lines: list[str] = []
    _dump_table(document, [], lines)
    return "\n".join(lines).lstrip("\n") + "\n"


def _dump_table(table: Mapping[str, object], prefix: list[str], lines: list[str]) -> None:
    subtables: list[tuple[str, Mapping[str, object]]] = []
    if prefix:
        lines.append("")
        lines.append("[" + ".".join(_toml_key(part) for part in prefix) + "]")
    for key, value in table.items():
        if isinstance(value, dict):
            subtables.append((key, cast(dict[str, object], value)))
        else:
            lines.append(f"{_toml_key(key)} = {_toml_value(value)}")
    for key, sub in subtables:
        _dump_table(sub, [*prefix, key], lines)
