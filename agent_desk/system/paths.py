"""Where the client keeps its files: per-user app directories and per-profile paths.

A *profile* is one (server URL, username) pair. Each profile has its own SQLite cache and log
directory, so two accounts (or two servers) never share a cache; the user configuration file is
shared by all profiles.

Layout (platformdirs decides the roots; ``AGENT_DESK_HOME`` or ``home=`` replaces all of them)::

    <data root>/profiles/<slug>/cache.sqlite3
    <log root>/<slug>/agent-desk.log
    <config dir>/config.toml

With a home override: ``<home>/data``, ``<home>/logs`` and ``<home>/config``. Tests always use the
override so they never touch the developer's own directories.

Nothing here creates directories on construction; call :meth:`ProfilePaths.ensure_dirs`.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs

HOME_ENV = "AGENT_DESK_HOME"
MANAGED_CONFIG_ENV = "AGENT_DESK_MANAGED_CONFIG"

CONFIG_FILE_NAME = "config.toml"
MANAGED_FILE_NAME = "managed.toml"
DB_FILE_NAME = "cache.sqlite3"

# Linux convention is a lower-case, dashed directory name; macOS and Windows use the product name.
APP_NAME = "AgentDesk" if sys.platform in ("win32", "darwin") else "agent-desk"

_DEFAULT_PORTS = {"http": 80, "https": 443}
_SAFE_RUN = re.compile(r"[^a-z0-9._-]+")
_DOTS = re.compile(r"\.{2,}")
_MAX_READABLE = 64
_HASH_CHARS = 10  # longer than any port number, so a hashed slug never equals a plain one


@dataclass(frozen=True)
class Profile:
    """One account on one server: the unit that owns a cache, a log directory and a token.

    Args:
        server_url: ``http`` or ``https`` URL of the Agent Desk server.
        username: the login name on that server.

    Raises:
        ValueError: the URL is not an http(s) URL with a host, or the username is empty.
    """

    server_url: str
    username: str

    def __post_init__(self) -> None:
        if not self.username or not self.username.strip():
            raise ValueError("a profile needs a username")
        parts = urlsplit(self.server_url)
        if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
            raise ValueError(
                "a profile's server URL must be an http:// or https:// URL with a host"
            )
        try:
            _ = parts.port
        except ValueError as exc:
            raise ValueError("the server URL has an invalid port") from exc

    @property
    def slug(self) -> str:
        """A readable, filesystem-safe and unique name, e.g. ``agent@127.0.0.1-8765``.

        The readable part is ``user@host-port`` (effective port, lower case). When that would lose
        information (characters outside ``[a-z0-9._-]``, upper case, a URL path, too long) a hash
        of the full identity is appended, so distinct profiles never share a slug. ``http`` and
        ``https`` on the same host and port give the same slug: they are the same endpoint.
        """
        parts = urlsplit(self.server_url)
        host = parts.hostname or ""
        port = parts.port or _DEFAULT_PORTS[parts.scheme]
        path = parts.path.rstrip("/")
        user = self.username.strip()
        user_safe = _DOTS.sub(".", _SAFE_RUN.sub("_", user.lower())).strip(".")
        host_safe = _DOTS.sub(".", _SAFE_RUN.sub("_", host.lower())).strip(".")
        readable = f"{user_safe or '_'}@{host_safe or '_'}-{port}"
        lossless = (
            user_safe == user
            and host_safe == host
            and not path
            and not parts.query
            and len(readable) <= _MAX_READABLE
        )
        if lossless:
            return readable
        identity = f"{host}:{port}{path}?{parts.query}\n{user}"
        digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:_HASH_CHARS]
        return f"{readable[:_MAX_READABLE]}-{digest}"


@dataclass(frozen=True)
class AppDirs:
    """The app's per-user root directories (not per profile).

    ``private_roots`` are directories this app owns; they and everything below them that we
    create get mode 0700 on POSIX.
    """

    data_root: Path
    config_dir: Path
    log_root: Path
    private_roots: tuple[Path, ...]

    @property
    def config_path(self) -> Path:
        """The user configuration file, shared by all profiles."""
        return self.config_dir / CONFIG_FILE_NAME


def app_dirs(
    home: str | os.PathLike[str] | None = None, *, environ: Mapping[str, str] | None = None
) -> AppDirs:
    """Resolve the app's root directories.

    Args:
        home: put everything under this directory instead of the platform's locations.
        environ: environment to read ``AGENT_DESK_HOME`` from (default ``os.environ``); the
            argument wins over the variable.
    """
    env = os.environ if environ is None else environ
    if home is None and env.get(HOME_ENV, "").strip():
        home = env[HOME_ENV].strip()
    if home is not None:
        base = Path(home).expanduser().absolute()
        return AppDirs(
            data_root=base / "data",
            config_dir=base / "config",
            log_root=base / "logs",
            private_roots=(base,),
        )
    data_root = platformdirs.user_data_path(APP_NAME, appauthor=False)
    config_dir = platformdirs.user_config_path(APP_NAME, appauthor=False)
    log_root = platformdirs.user_log_path(APP_NAME, appauthor=False)
    return AppDirs(
        data_root=data_root,
        config_dir=config_dir,
        log_root=log_root,
        private_roots=(data_root, config_dir, log_root),
    )


@dataclass(frozen=True)
class ProfilePaths:
    """Paths of one profile under the app's roots.

    Use :meth:`for_profile` for the usual case; ``ProfilePaths(app_dirs(home), profile)``
    when the roots are already resolved.
    """

    root: AppDirs
    profile: Profile

    @classmethod
    def for_profile(
        cls,
        profile: Profile,
        home: str | os.PathLike[str] | None = None,
        *,
        environ: Mapping[str, str] | None = None,
    ) -> ProfilePaths:
        return cls(app_dirs(home, environ=environ), profile)

    @property
    def slug(self) -> str:
        return self.profile.slug

    @property
    def data_dir(self) -> Path:
        return self.root.data_root / "profiles" / self.profile.slug

    @property
    def db_path(self) -> Path:
        """The profile's SQLite cache file."""
        return self.data_dir / DB_FILE_NAME

    @property
    def log_dir(self) -> Path:
        return self.root.log_root / self.profile.slug

    @property
    def config_dir(self) -> Path:
        """The app's configuration directory (shared across profiles)."""
        return self.root.config_dir

    @property
    def config_path(self) -> Path:
        """The user configuration file ``config.toml`` (shared across profiles)."""
        return self.root.config_path

    def ensure_dirs(self) -> ProfilePaths:
        """Create the data, log and config directories (0700 on POSIX); returns ``self``."""
        for directory in (self.data_dir, self.log_dir, self.config_dir):
            make_private_dir(directory, self.root.private_roots)
        return self


def make_private_dir(path: Path, private_roots: tuple[Path, ...] = ()) -> None:
    """Create ``path``; the directories from its private root down get mode 0700 on POSIX.

    Parents above the private root (``~/.local/share``, say) are created with default
    permissions and never changed. Existing directories inside the root are tightened to 0700.
    """
    root = next((r for r in private_roots if path == r or r in path.parents), None)
    if root is None:
        chain = [path]
        root = path
    else:
        chain = [root, *(p for p in reversed(path.parents) if root in p.parents), path]
        chain = list(dict.fromkeys(chain))  # root == path gives a duplicate
    root.parent.mkdir(parents=True, exist_ok=True)
    for directory in chain:
        directory.mkdir(mode=0o700, exist_ok=True)
        if os.name == "posix" and (directory.stat().st_mode & 0o777) != 0o700:
            directory.chmod(0o700)


def managed_config_path(environ: Mapping[str, str] | None = None) -> Path:
    """The machine-wide managed (rollout) configuration file for this OS.

    ``AGENT_DESK_MANAGED_CONFIG`` overrides it (tests, unusual deployments).
    """
    env = os.environ if environ is None else environ
    override = env.get(MANAGED_CONFIG_ENV, "").strip()
    if override:
        return Path(override).expanduser().absolute()
    if sys.platform == "win32":
        program_data = env.get("PROGRAMDATA") or env.get("ProgramData") or r"C:\ProgramData"
        return Path(program_data) / "AgentDesk" / MANAGED_FILE_NAME
    if sys.platform == "darwin":
        return Path("/Library/Application Support/AgentDesk") / MANAGED_FILE_NAME
    return Path("/etc/agent-desk") / MANAGED_FILE_NAME
