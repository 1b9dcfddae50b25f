"""Real mail servers for the email channel's tests: dovecot (IMAP), aiosmtpd (SMTP) and a small
OAuth2 provider (token + introspection endpoints), all on 127.0.0.1.

- ``Dovecot``: Debian's dovecot (``dovecot-imapd``) started as a child process with its own
  configuration, maildirs and passwd-file under a temporary directory. Users sign in with their
  password (PLAIN/LOGIN) or, when a ``TokenEndpoint`` is given, with an OAuth2 access token
  (XOAUTH2/OAUTHBEARER: dovecot's ``oauth2`` passdb asks the endpoint's introspection URL).
  With ``tls=True`` the IMAP port offers STARTTLS and a second port speaks implicit TLS
  (``imaps``), with a certificate from a private CA (``ca_file``).
- ``SmtpRecorder``: an aiosmtpd server that records what it is sent, can answer RCPT/MAIL/DATA
  with scripted replies (``451 …`` then ``250``), and checks AUTH PLAIN/LOGIN and XOAUTH2.
- ``TokenEndpoint``: issues access tokens for refresh tokens (counting refreshes), expires and
  revokes them on request, and answers dovecot's token introspection.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import email
import email.policy
import functools
import grp
import ipaddress
import json
import logging
import os
import pwd
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qs, quote

import imapclient
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session, TLSSetupException
from imapclient import imap_utf7

HOST = "127.0.0.1"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


# --- TLS: a private CA and a server certificate for 127.0.0.1 / localhost -----------------------


@dataclass(frozen=True)
class TlsCertificate:
    """A server certificate signed by a throw-away CA: clients verify it with ``ca_file``."""

    ca_file: Path  # the CA's certificate (PEM): what a client trusts
    cert_file: Path  # the server's certificate followed by the CA's (PEM chain)
    key_file: Path  # the server's private key (PEM, unencrypted)

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context

    def client_context(self) -> ssl.SSLContext:
        """A verifying client context that trusts this CA (and nothing else)."""
        return ssl.create_default_context(cafile=str(self.ca_file))


def make_certificate(
    directory: Path | str,
    hostnames: Sequence[str] = ("localhost",),
    ips: Sequence[str] = (HOST,),
) -> TlsCertificate:
    """Write a CA and a server certificate for ``hostnames``/``ips`` into ``directory``."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    not_before, not_after = now - dt.timedelta(hours=1), now + dt.timedelta(days=30)

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Agent Desk test mail CA")])
    ca_ski = x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key())
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ca_ski, critical=False)
        .sign(ca_key, hashes.SHA256())
    )

    key = ec.generate_private_key(ec.SECP256R1())
    names: list[x509.GeneralName] = [x509.DNSName(h) for h in hostnames]
    names += [x509.IPAddress(ipaddress.ip_address(ip)) for ip in ips]
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostnames[0])]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )

    pem = serialization.Encoding.PEM
    ca_file = directory / "mail-ca.pem"
    cert_file = directory / "mail-server.pem"
    key_file = directory / "mail-server.key"
    ca_file.write_bytes(ca_cert.public_bytes(pem))
    cert_file.write_bytes(cert.public_bytes(pem) + ca_cert.public_bytes(pem))
    key_file.touch(mode=0o600)
    key_file.write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return TlsCertificate(ca_file, cert_file, key_file)


# --- OAuth2: a token endpoint and the introspection endpoint dovecot asks ----------------------


@dataclass
class _AccessToken:
    user: str
    expires_at: float  # time.time()
    revoked: bool = False

    def active(self) -> bool:
        return not self.revoked and time.time() < self.expires_at


class TokenEndpoint:
    """A small OAuth2 provider on 127.0.0.1.

    ``POST /token`` (``grant_type=refresh_token``) issues a fresh access token for a refresh
    token made by ``refresh_token_for(user)``; unknown or revoked refresh tokens get
    400 ``invalid_grant``, a wrong client id/secret 401 ``invalid_client``. ``POST /introspect``
    (``token=…``, RFC 7662) says whether an access token is active and whose it is — dovecot's
    oauth2 passdb asks it at every XOAUTH2 sign-in. ``replies`` scripts the next answers of
    ``/token`` (e.g. ``(503, {"error": "temporarily_unavailable"})``) before normal service.
    """

    def __init__(
        self,
        *,
        client_id: str = "agent-desk-test",
        client_secret: str = "test-client-secret",
        expires_in: int = 3600,
        rotate_refresh_tokens: bool = False,
        scope: str = "https://mail.example.test/",
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.expires_in = expires_in  # seconds, for tokens issued from now on
        self.rotate_refresh_tokens = rotate_refresh_tokens  # a new refresh token each time
        self.scope = scope
        self.replies: list[tuple[int, dict[str, Any]]] = []
        self.requests: list[dict[str, str]] = []  # every /token form (secrets included)
        self.refresh_count = 0  # access tokens issued through /token
        self.introspection_count = 0
        self._lock = threading.Lock()
        self._refresh: dict[str, str] = {}  # refresh token → user
        self._access: dict[str, _AccessToken] = {}
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # lifecycle
    def start(self) -> TokenEndpoint:
        server = ThreadingHTTPServer((HOST, 0), _TokenHandler)
        server.daemon_threads = True
        server.endpoint = self  # type: ignore[attr-defined]
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, args=(0.05,), name="token-endpoint", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    def __enter__(self) -> TokenEndpoint:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "TokenEndpoint is not started"
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def token_url(self) -> str:
        return f"{self.url}/token"

    @property
    def introspection_url(self) -> str:
        return f"{self.url}/introspect"

    # tokens
    def refresh_token_for(self, user: str) -> str:
        token = "rt-" + secrets.token_urlsafe(18)
        with self._lock:
            self._refresh[token] = user.lower()
        return token

    def access_token_for(self, user: str, expires_in: float | None = None) -> str:
        """An access token issued directly (no refresh counted)."""
        token = "at-" + secrets.token_urlsafe(24)
        lifetime = self.expires_in if expires_in is None else expires_in
        with self._lock:
            self._access[token] = _AccessToken(user.lower(), time.time() + lifetime)
        return token

    def expire(self, access_token: str | None = None, *, user: str | None = None) -> None:
        """Expire one access token, or all of a user's, or all of them (no argument)."""
        with self._lock:
            for token, info in self._access.items():
                if access_token in (None, token) and user in (None, info.user):
                    info.expires_at = min(info.expires_at, time.time() - 1)

    def revoke(self, refresh_token: str) -> None:
        with self._lock:
            self._refresh.pop(refresh_token, None)

    def is_active(self, access_token: str, user: str | None = None) -> bool:
        with self._lock:
            info = self._access.get(access_token)
            return (
                info is not None and info.active() and (user is None or info.user == user.lower())
            )

    def user_of(self, access_token: str) -> str | None:
        with self._lock:
            info = self._access.get(access_token)
            return info.user if info is not None and info.active() else None

    # requests
    def _grant(
        self, form: dict[str, str], basic: tuple[str, str] | None
    ) -> tuple[int, dict[str, Any]]:
        with self._lock:
            self.requests.append(dict(form))
            if self.replies:
                return self.replies.pop(0)
        client_id, client_secret = basic or (
            form.get("client_id", ""),
            form.get("client_secret", ""),
        )
        if client_id != self.client_id or (
            self.client_secret and client_secret != self.client_secret
        ):
            return 401, {"error": "invalid_client"}
        if form.get("grant_type") != "refresh_token":
            return 400, {"error": "unsupported_grant_type"}
        with self._lock:
            user = self._refresh.get(form.get("refresh_token", ""))
            if user is None:
                return 400, {"error": "invalid_grant", "error_description": "unknown token"}
            self.refresh_count += 1
            token = "at-" + secrets.token_urlsafe(24)
            self._access[token] = _AccessToken(user, time.time() + self.expires_in)
            answer: dict[str, Any] = {
                "access_token": token,
                "expires_in": self.expires_in,
                "token_type": "Bearer",
                "scope": self.scope,
            }
            if self.rotate_refresh_tokens:
                del self._refresh[form["refresh_token"]]
                new = "rt-" + secrets.token_urlsafe(18)
                self._refresh[new] = user
                answer["refresh_token"] = new
        return 200, answer

    def _introspect(self, token: str) -> dict[str, Any]:
        with self._lock:
            self.introspection_count += 1
            info = self._access.get(token)
            if info is None or not info.active():
                return {"active": False}
            return {
                "active": True,
                "email": info.user,
                "username": info.user,
                "exp": int(info.expires_at),
                "scope": self.scope,
                "client_id": self.client_id,
                "token_type": "Bearer",
            }


class _TokenHandler(BaseHTTPRequestHandler):
    server: ThreadingHTTPServer

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _reply(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _form(self) -> dict[str, str]:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        return {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}

    def _bearer(self) -> str:
        header = self.headers.get("Authorization", "")
        return header[7:].strip() if header.lower().startswith("bearer ") else ""

    def do_POST(self) -> None:
        endpoint: TokenEndpoint = self.server.endpoint  # type: ignore[attr-defined]
        path = self.path.split("?", 1)[0]
        if path == "/token":
            basic = None
            header = self.headers.get("Authorization", "")
            if header.lower().startswith("basic "):
                with contextlib.suppress(ValueError):
                    user, _, pw = base64.b64decode(header[6:]).decode().partition(":")
                    basic = (user, pw)
            self._reply(*endpoint._grant(self._form(), basic))
        elif path == "/introspect":
            self._reply(200, endpoint._introspect(self._form().get("token") or self._bearer()))
        else:
            self._reply(404, {"error": "not_found"})

    def do_GET(self) -> None:  # introspection_mode = auth (a Bearer header)
        endpoint: TokenEndpoint = self.server.endpoint  # type: ignore[attr-defined]
        if self.path.split("?", 1)[0] == "/introspect":
            self._reply(200, endpoint._introspect(self._bearer()))
        else:
            self._reply(404, {"error": "not_found"})


# --- dovecot --------------------------------------------------------------------------------


class DovecotError(RuntimeError):
    """dovecot did not start (the message carries its log)."""


def dovecot_binary() -> str | None:
    """The dovecot to run: $AGENT_DESK_TEST_DOVECOT, else dovecot on PATH or in /usr/sbin."""
    named = os.environ.get("AGENT_DESK_TEST_DOVECOT")
    if named:
        return named if os.access(named, os.X_OK) else None
    return shutil.which("dovecot") or (
        "/usr/sbin/dovecot" if os.access("/usr/sbin/dovecot", os.X_OK) else None
    )


@functools.cache
def dovecot_version() -> str | None:
    binary = dovecot_binary()
    if binary is None:
        return None
    try:
        out = subprocess.run(
            [binary, "--version"], capture_output=True, text=True, timeout=10, check=False
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return None
    return out[0] if out else None


def _check_name(value: str, what: str) -> None:
    if not value or any(c in value for c in ":/\\\n\r\t\0 ") or value.startswith("."):
        raise ValueError(f"a {what} dovecot's passwd-file cannot hold: {value!r}")


class Dovecot:
    """dovecot on 127.0.0.1 with its own configuration, users and maildirs (see module doc).

    ``users`` maps user names (lower case, e.g. ``support@example.test``) to passwords; more
    can be added with ``add_user`` before or after ``start``. ``token_endpoint`` enables
    XOAUTH2/OAUTHBEARER sign-in with that endpoint's access tokens (the same users, a token's
    user must be the one signing in). ``tls`` adds STARTTLS on ``port`` and implicit TLS on
    ``tls_port``, with ``certificate`` (made on the fly when not given; ``ca_file`` trusts it).
    """

    def __init__(
        self,
        users: Mapping[str, str] | None = None,
        *,
        token_endpoint: TokenEndpoint | None = None,
        tls: bool = True,
        certificate: TlsCertificate | None = None,
        binary: str | None = None,
        start_timeout: float = 10.0,
    ) -> None:
        self._users: dict[str, str] = {}
        self.directory: Path | None = None
        for name, password in (users or {}).items():
            self.add_user(name, password)
        self.token_endpoint = token_endpoint
        self.tls = tls
        self.certificate = certificate
        self.binary = binary or dovecot_binary() or "dovecot"
        self.start_timeout = start_timeout
        self.port = 0
        self.tls_port = 0
        self.started_in = 0.0  # seconds start() took, for the curious
        self._process: subprocess.Popen[bytes] | None = None

    # users
    def add_user(self, name: str, password: str | None = None) -> str:
        """Add (or re-password) a user; returns the password (random when not given)."""
        name = name.lower()
        password = password or secrets.token_urlsafe(12)
        _check_name(name, "user name")
        _check_name(password, "password")
        self._users[name] = password
        if self.directory is not None:
            self._write_passwd()
        return password

    def password(self, user: str) -> str:
        return self._users[user.lower()]

    @property
    def users(self) -> list[str]:
        return list(self._users)

    def _write_passwd(self) -> None:
        """One passwd-file per user (``users/NAME``): dovecot opens a new user's file at once,
        where a shared file is re-read at most once a second."""
        assert self.directory is not None
        folder = self.directory / "users"
        folder.mkdir(exist_ok=True)
        folder.chmod(0o755)
        for user, password in self._users.items():
            path = folder / user
            line = f"{user}:{{PLAIN}}{password}\n"
            with contextlib.suppress(OSError):
                if path.read_text(encoding="utf-8") == line:
                    continue
            changed = path.exists()
            temp = folder / f".{user}.new"
            temp.write_text(line, encoding="utf-8")
            temp.chmod(0o644)
            temp.replace(path)
            if changed and self._process is not None:
                # a new password for a known user: dovecot looks at the file again in the
                # next second of its clock (and sees the new size or mtime)
                time.sleep(1.05 - time.time() % 1)

    # addresses
    @property
    def ca_file(self) -> Path:
        assert self.certificate is not None, "Dovecot(tls=True) has a certificate once started"
        return self.certificate.ca_file

    def url(self, user: str, tls: bool = False, mailbox: str = "INBOX") -> str:
        """``imap://user@127.0.0.1:PORT/INBOX`` (STARTTLS port) or ``imaps://…`` (TLS port)."""
        if tls:
            assert self.tls, "Dovecot(tls=False) has no imaps port"
            return f"imaps://{quote(user, safe='')}@{HOST}:{self.tls_port}/{quote(mailbox)}"
        return f"imap://{quote(user, safe='')}@{HOST}:{self.port}/{quote(mailbox)}"

    @property
    def version(self) -> str | None:
        return dovecot_version()

    # lifecycle
    def start(self) -> Dovecot:
        assert self._process is None, "dovecot already started"
        began = time.monotonic()
        self.directory = Path(tempfile.mkdtemp(prefix="agent-desk-dovecot-"))
        self.directory.chmod(0o755)  # dovecot's unprivileged processes read the passwd-file
        try:
            if self.tls and self.certificate is None:
                self.certificate = make_certificate(self.directory / "tls")
            for attempt in range(3):  # a free port may be taken before dovecot binds it
                self.port = free_port()
                self.tls_port = free_port() if self.tls else 0
                self._configure()
                (self.directory / "dovecot.log").unlink(missing_ok=True)
                if self._launch(last=attempt == 2):
                    break
        except BaseException:
            self.stop()
            raise
        self.started_in = time.monotonic() - began
        return self

    def _configure(self) -> None:
        assert self.directory is not None
        d = self.directory
        for sub in ("base", "state"):
            (d / sub).mkdir(exist_ok=True)
            (d / sub).chmod(0o755)
        if os.geteuid() == 0:
            # root: mail belongs to the `mail` user, dovecot's helpers run as its own users
            uid, gid = pwd.getpwnam("mail").pw_uid, grp.getgrnam("mail").gr_gid
            internal_user, internal_group, login_user = "dovecot", "dovecot", "dovenull"
        else:  # a developer's account: every dovecot process runs as that user
            uid, gid = os.geteuid(), os.getegid()
            internal_user = login_user = pwd.getpwuid(uid).pw_name
            internal_group = grp.getgrgid(gid).gr_name
        mail = d / "mail"
        mail.mkdir(exist_ok=True)
        mail.chmod(0o700)
        os.chown(mail, uid, gid)
        self._write_passwd()
        passdbs = f"""passdb {{
  driver = passwd-file
  args = scheme=PLAIN {d}/users/%u
  mechanisms = plain login
}}
"""
        mechanisms = "plain login"
        if self.token_endpoint is not None:
            mechanisms += " xoauth2 oauthbearer"
            (d / "oauth2.conf.ext").write_text(
                f"""introspection_url = {self.token_endpoint.introspection_url}
introspection_mode = post
force_introspection = yes
username_attribute = email
active_attribute = active
active_value = true
timeout_msecs = 5000
""",
                encoding="utf-8",
            )
            (d / "oauth2.conf.ext").chmod(0o644)
            passdbs += f"""passdb {{
  driver = oauth2
  args = {d}/oauth2.conf.ext
  mechanisms = xoauth2 oauthbearer
}}
"""
        if self.tls:
            assert self.certificate is not None
            ssl_conf = f"""ssl = yes
ssl_cert = <{self.certificate.cert_file}
ssl_key = <{self.certificate.key_file}
"""
            if Path("/usr/share/dovecot/dh.pem").exists():
                ssl_conf += "ssl_dh = </usr/share/dovecot/dh.pem\n"
        else:
            ssl_conf = "ssl = no\n"
        (d / "dovecot.conf").write_text(
            f"""# written by tests/email/servers.py
base_dir = {d}/base
state_dir = {d}/state
log_path = {d}/dovecot.log
instance_name = agent-desk-test-{d.name}
protocols = imap
listen = {HOST}
{ssl_conf}disable_plaintext_auth = no
auth_mechanisms = {mechanisms}
auth_verbose = yes
auth_failure_delay = 0
mail_location = maildir:{d}/mail/%u
mail_fsync = never
mailbox_idle_check_interval = 1 secs
first_valid_uid = {uid}
last_valid_uid = {uid}
default_internal_user = {internal_user}
default_internal_group = {internal_group}
default_login_user = {login_user}
# "/" between mailbox levels as Gmail and Exchange have it (Maildir++ keeps "." on disk)
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
    auto = create
  }}
  mailbox Drafts {{
    special_use = \\Drafts
    auto = create
  }}
  mailbox Trash {{
    special_use = \\Trash
    auto = create
  }}
  mailbox Junk {{
    special_use = \\Junk
    auto = create
  }}
}}
{passdbs}userdb {{
  driver = static
  args = uid={uid} gid={gid} home={d}/mail/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    port = {self.port}
  }}
  inet_listener imaps {{
    port = {self.tls_port}
  }}
}}
service anvil {{
  chroot =
  # no growing delays after failed sign-ins (tests fail sign-ins on purpose)
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
""",
            encoding="utf-8",
        )

    def _launch(self, last: bool) -> bool:
        """Start dovecot and wait for its greeting; False when a port was taken (retry)."""
        assert self.directory is not None
        d = self.directory
        with (d / "stdout.log").open("wb") as out:
            self._process = subprocess.Popen(
                [self.binary, "-F", "-c", str(d / "dovecot.conf")],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stop() kills them all
            )
        deadline = time.monotonic() + self.start_timeout
        ports = [p for p in (self.port, self.tls_port) if p]
        while True:
            if self._process.poll() is not None:
                log = self.log_text()
                self._process = None
                if "Address already in use" in log and not last:
                    return False
                raise DovecotError(f"dovecot exited at start:\n{log}")
            if all(self._greets(p) for p in ports[:1]) and all(self._accepts(p) for p in ports[1:]):
                return True
            if time.monotonic() > deadline:
                log = self.log_text()
                self._kill()
                raise DovecotError(
                    f"dovecot did not accept connections within {self.start_timeout:g} s:\n{log}"
                )
            time.sleep(0.01)

    @staticmethod
    def _accepts(port: int) -> bool:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return True
        except OSError:
            return False

    @staticmethod
    def _greets(port: int) -> bool:
        try:
            with socket.create_connection((HOST, port), timeout=2) as sock:
                return sock.recv(200).startswith(b"* OK")
        except OSError:
            return False

    def log_text(self) -> str:
        """dovecot's log (and whatever it printed before it opened the log)."""
        if self.directory is None:
            return ""
        parts = []
        for name in ("stdout.log", "dovecot.log"):
            with contextlib.suppress(OSError):
                parts.append((self.directory / name).read_text(errors="replace"))
        return "\n".join(p for p in parts if p).strip()

    def _kill(self, grace: float = 0.2) -> None:
        """SIGTERM to the whole process group (open sessions get ``* BYE``), then SIGKILL:
        dovecot's master at times takes one to five seconds to wind its children down."""
        process, self._process = self._process, None
        if process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(grace)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(5)

    def restart(self, downtime: float = 0.0) -> None:
        """Stop dovecot (sessions get ``* BYE``, then connections are refused for ``downtime``
        seconds) and start it again on the same ports with the same users and mail."""
        assert self.directory is not None, "dovecot is not started"
        self._kill()
        if downtime:
            time.sleep(downtime)
        if not self._launch(last=True):
            raise DovecotError(f"dovecot could not restart:\n{self.log_text()}")

    def stop(self) -> None:
        self._kill()
        if self.directory is not None:
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory = None

    def __enter__(self) -> Dovecot:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # a client, and what tests do with one
    def client(
        self, user: str, password: str | None = None, *, tls: bool = False
    ) -> imapclient.IMAPClient:
        """A signed-in IMAPClient (use it as a context manager: it logs out)."""
        if tls:
            assert self.certificate is not None
            client = imapclient.IMAPClient(
                HOST,
                self.tls_port,
                ssl=True,
                ssl_context=self.certificate.client_context(),
                timeout=10,
            )
        else:
            client = imapclient.IMAPClient(HOST, self.port, ssl=False, timeout=10)
        try:
            client.login(user, password if password is not None else self.password(user))
        except BaseException:
            client.shutdown()
            raise
        return client

    def create_mailbox(self, user: str, mailbox: str) -> None:
        with self.client(user) as c:
            if not c.folder_exists(mailbox):
                c.create_folder(mailbox)

    def append(
        self,
        user: str,
        raw: bytes | str,
        mailbox: str = "INBOX",
        flags: Iterable[str | bytes] = (),
        msg_time: dt.datetime | None = None,
    ) -> int:
        """Put a message into a mailbox (created when missing); returns its UID."""
        data = raw.encode() if isinstance(raw, str) else raw
        with self.client(user) as c:
            if mailbox.upper() != "INBOX" and not c.folder_exists(mailbox):
                c.create_folder(mailbox)
            reply = c.append(mailbox, data, flags=tuple(flags), msg_time=msg_time)
        # b"[APPENDUID <uidvalidity> <uid>] Append completed."
        text = reply.decode() if isinstance(reply, bytes) else str(reply)
        return int(text.split("]", 1)[0].split()[-1])

    def uids(self, user: str, mailbox: str = "INBOX") -> list[int]:
        with self.client(user) as c:
            c.select_folder(mailbox, readonly=True)
            return sorted(int(u) for u in c.search("ALL"))

    def flags(self, user: str, mailbox: str = "INBOX") -> dict[int, set[str]]:
        """Each message's flags by UID (``{"\\\\Seen", "$Label"}``)."""
        with self.client(user) as c:
            c.select_folder(mailbox, readonly=True)
            found = c.get_flags(c.search("ALL"))
        return {
            int(uid): {f.decode() if isinstance(f, bytes) else f for f in fl}
            for uid, fl in found.items()
        }

    def messages(self, user: str, mailbox: str = "INBOX") -> dict[int, bytes]:
        """Each message's raw bytes by UID (read with BODY.PEEK: flags stay as they are)."""
        with self.client(user) as c:
            c.select_folder(mailbox, readonly=True)
            uids = c.search("ALL")
            found = c.fetch(uids, ["BODY.PEEK[]"]) if uids else {}
        return {int(uid): data[b"BODY[]"] for uid, data in found.items()}

    def expunge(self, user: str, uids: Iterable[int], mailbox: str = "INBOX") -> None:
        with self.client(user) as c:
            c.select_folder(mailbox)
            c.delete_messages(list(uids))
            c.expunge()

    def uidvalidity(self, user: str, mailbox: str = "INBOX") -> int:
        with self.client(user) as c:
            return int(c.folder_status(mailbox, [b"UIDVALIDITY"])[b"UIDVALIDITY"])

    def _doveadm(self, *args: str) -> str:
        assert self.directory is not None, "dovecot is not started"
        doveadm = Path(self.binary).with_name("doveadm")
        command = [str(doveadm) if doveadm.exists() else "doveadm"]
        done = subprocess.run(
            [*command, "-c", str(self.directory / "dovecot.conf"), *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        if done.returncode != 0:
            raise DovecotError(f"doveadm {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def sessions(self, user: str) -> list[int]:
        """The pids of ``user``'s open IMAP sessions (``doveadm who``)."""
        lines = self._doveadm("who", "-1", user.lower()).splitlines()[1:]
        return [int(line.split()[2]) for line in lines if line.split()[:1] == [user.lower()]]

    def kick(self, user: str, within: float = 5.0) -> None:
        """Disconnect ``user``'s open sessions (each gets ``* BYE Server shutting down.``), as a
        server restart would; returns once they are gone."""
        if not self.sessions(user):
            return
        with contextlib.suppress(DovecotError):  # non-zero when they left meanwhile
            self._doveadm("kick", user.lower())
        deadline = time.monotonic() + within
        while self.sessions(user):
            if time.monotonic() > deadline:
                raise DovecotError(f"{user}'s sessions are still open after {within:g} s")
            time.sleep(0.02)

    def _maildir(self, user: str, mailbox: str) -> Path:
        assert self.directory is not None, "dovecot is not started"
        home = self.directory / "mail" / user.lower()
        if mailbox.upper() == "INBOX":
            return home
        encoded: bytes = imap_utf7.encode(mailbox)
        name = encoded.decode("ascii").replace("/", ".")
        return home / ("." + name)

    def reset_uidvalidity(
        self, user: str, mailbox: str = "INBOX", *, keep_messages: bool = True
    ) -> int:
        """Make the mailbox start over as a server rebuilding it would: a new UIDVALIDITY, and
        the messages (kept unless ``keep_messages=False``) numbered again from UID 1.

        The user's open sessions are disconnected first (``kick``: ``* BYE``) — an open session
        under a rebuilt mailbox would only get "internal error" answers from dovecot. Done by
        removing the maildir's ``dovecot-uidlist`` and indexes; dovecot takes the next
        UIDVALIDITY from its ``dovecot-uidvalidity`` counter, so the value always changes.
        Returns the new UIDVALIDITY.
        """
        before = self.uidvalidity(user, mailbox)
        self.kick(user)
        folder = self._maildir(user, mailbox)
        for path in folder.glob("dovecot-uidlist*"):
            path.unlink(missing_ok=True)
        for path in folder.glob("dovecot.index*"):
            path.unlink(missing_ok=True)
        if not keep_messages:
            for sub in ("cur", "new"):
                for path in (folder / sub).glob("*"):
                    path.unlink(missing_ok=True)
        after = self.uidvalidity(user, mailbox)
        assert after != before, f"UIDVALIDITY stayed {before}"
        return after


# --- SMTP -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceivedMail:
    """One message an SmtpRecorder accepted."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes
    message: EmailMessage  # parsed with email.policy.default (line ends "\n")
    auth_user: str | None  # who signed in (AUTH), if anyone
    tls: bool  # the session was encrypted (STARTTLS or implicit TLS)
    mail_options: tuple[str, ...] = ()
    rcpt_options: tuple[str, ...] = ()


@dataclass(frozen=True)
class SmtpEvent:
    """A command the recorder answered with something else than success (or AUTH at all)."""

    command: str  # "MAIL", "RCPT", "DATA", "AUTH", "STARTTLS" (a failed handshake)
    argument: str  # the address, the AUTH mechanism and user
    reply: str


class _Session(Session):
    # aiosmtpd 1.4's Session.login_data is a property that logs a deprecation warning each
    # time the server itself sets it after AUTH; a plain attribute keeps the test log clean
    login_data: Any = None


class _SMTP(SMTP):
    def _create_session(self) -> Session:
        return _Session(self.loop)


class _Controller(Controller):
    def factory(self) -> SMTP:
        return _SMTP(self.handler, **self.SMTP_kwargs)


@dataclass
class _Script:
    queued: dict[str, list[str]] = field(default_factory=dict)
    recipients: dict[str, str] = field(default_factory=dict)  # address → permanent reply


class SmtpRecorder:
    """aiosmtpd on 127.0.0.1 that records what it is sent.

    ``users`` (name → password) enables AUTH PLAIN/LOGIN; ``token_endpoint`` enables XOAUTH2
    with that endpoint's access tokens; ``require_auth`` refuses MAIL before AUTH (530).
    ``tls``: "none", "starttls" (offered on the port) or "implicit" (``smtps://``), with
    ``certificate`` (made on the fly when not given). ``replies`` scripts the first answers
    to MAIL/RCPT/DATA, e.g. ``{"RCPT": ["451 4.3.0 try later"]}``; ``script()`` adds more.
    """

    def __init__(
        self,
        users: Mapping[str, str] | None = None,
        *,
        token_endpoint: TokenEndpoint | None = None,
        require_auth: bool = False,
        tls: Literal["none", "starttls", "implicit"] = "none",
        require_starttls: bool = False,
        certificate: TlsCertificate | None = None,
        replies: Mapping[str, Sequence[str]] | None = None,
        data_size_limit: int = 32 * 1024 * 1024,
        hostname: str = "smtp.example.test",
    ) -> None:
        self.users = {k.lower(): v for k, v in (users or {}).items()}
        self.token_endpoint = token_endpoint
        self.require_auth = require_auth
        self.tls = tls
        self.require_starttls = require_starttls
        self.certificate = certificate
        self.data_size_limit = data_size_limit
        self.hostname = hostname
        self.port = 0
        self.events: list[SmtpEvent] = []
        self._received: list[ReceivedMail] = []
        self._cond = threading.Condition()
        self._script = _Script()
        self._controller: Controller | None = None
        self._temp: Path | None = None
        for command, answers in (replies or {}).items():
            self.script(command, *answers)

    # scripting
    def script(self, command: str, *replies: str) -> None:
        """Answer the next ``command`` ("MAIL", "RCPT", "DATA") with these replies, in turn."""
        command = command.upper()
        assert command in ("MAIL", "RCPT", "DATA"), command
        for reply in replies:
            assert reply[:3].isdigit() and reply[0] in "2345", f"not an SMTP reply: {reply!r}"
        with self._cond:
            self._script.queued.setdefault(command, []).extend(replies)

    def refuse_recipient(self, address: str, reply: str = "550 5.1.1 user unknown") -> None:
        """Always answer RCPT TO:<address> with ``reply``."""
        with self._cond:
            self._script.recipients[address.lower()] = reply

    def _scripted(self, command: str, argument: str) -> str | None:
        with self._cond:
            reply = None
            if command == "RCPT":
                reply = self._script.recipients.get(argument.lower())
            queued = self._script.queued.get(command)
            if reply is None and queued:
                reply = queued.pop(0)
            if reply is not None:
                self.events.append(SmtpEvent(command, argument, reply))
                self._cond.notify_all()
            return reply

    # results
    @property
    def messages(self) -> list[ReceivedMail]:
        with self._cond:
            return list(self._received)

    def wait_for(self, count: int = 1, within: float = 5.0) -> list[ReceivedMail]:
        """The first ``count`` messages once that many arrived (AssertionError after ``within``
        seconds, saying what did arrive and what was refused)."""
        with self._cond:
            if not self._cond.wait_for(lambda: len(self._received) >= count, within):
                raise AssertionError(
                    f"expected {count} message(s) within {within:g} s, received "
                    f"{len(self._received)}; refused/AUTH: {self.events}"
                )
            return list(self._received[:count])

    def wait_for_event(self, command: str, within: float = 5.0) -> SmtpEvent:
        """The first event of ``command`` ("AUTH", "STARTTLS", "RCPT", …), waiting for it."""

        def found() -> SmtpEvent | None:
            return next((e for e in self.events if e.command == command.upper()), None)

        with self._cond:
            if not self._cond.wait_for(lambda: found() is not None, within):
                raise AssertionError(f"no {command} event within {within:g} s: {self.events}")
            event = found()
            assert event is not None
            return event

    def clear(self) -> None:
        with self._cond:
            self._received.clear()
            self.events.clear()

    def _record(self, mail: ReceivedMail) -> None:
        with self._cond:
            self._received.append(mail)
            self._cond.notify_all()

    def _event(self, event: SmtpEvent) -> None:
        with self._cond:
            self.events.append(event)
            self._cond.notify_all()

    # addresses
    @property
    def ca_file(self) -> Path:
        assert self.certificate is not None, "SmtpRecorder(tls='none') has no certificate"
        return self.certificate.ca_file

    def url(self, user: str) -> str:
        scheme = "smtps" if self.tls == "implicit" else "smtp"
        return f"{scheme}://{quote(user, safe='')}@{HOST}:{self.port}"

    # lifecycle
    def start(self) -> SmtpRecorder:
        assert self._controller is None, "SmtpRecorder already started"
        if self.tls != "none" and self.certificate is None:
            self._temp = Path(tempfile.mkdtemp(prefix="agent-desk-smtp-"))
            self.certificate = make_certificate(self._temp)
        kwargs: dict[str, Any] = {
            "server_hostname": self.hostname,
            "auth_require_tls": False,  # loopback
            "authenticator": self._authenticate,
            "data_size_limit": self.data_size_limit,
            "ready_timeout": 10.0,
        }
        excluded = []
        if not self.users:
            excluded += ["PLAIN", "LOGIN"]
        if self.token_endpoint is None:
            excluded.append("XOAUTH2")
        if excluded:
            kwargs["auth_exclude_mechanism"] = excluded
        if self.tls == "starttls":
            assert self.certificate is not None
            kwargs["tls_context"] = self.certificate.server_context()
            kwargs["require_starttls"] = self.require_starttls
        elif self.tls == "implicit":
            assert self.certificate is not None
            kwargs["ssl_context"] = self.certificate.server_context()
        for attempt in range(3):
            self.port = free_port()
            controller = _Controller(_Handler(self), hostname=HOST, port=self.port, **kwargs)
            try:
                controller.start()
            except OSError:
                if attempt == 2:
                    raise
                continue
            self._controller = controller
            break
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
        if self._temp is not None:
            shutil.rmtree(self._temp, ignore_errors=True)
            self._temp = None

    def __enter__(self) -> SmtpRecorder:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # AUTH PLAIN / LOGIN (aiosmtpd's built-in mechanisms call this)
    def _authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        assert isinstance(data, LoginPassword)
        user = data.login.decode("utf-8", "replace").lower()
        ok = self.users.get(user) == data.password.decode("utf-8", "replace")
        self._event(SmtpEvent("AUTH", f"{mechanism} {user}", "235" if ok else "535"))
        if ok:
            return AuthResult(success=True, auth_data=user)
        return AuthResult(success=False, handled=False)


class _Handler:
    def __init__(self, recorder: SmtpRecorder) -> None:
        self.recorder = recorder

    async def auth_XOAUTH2(self, server: SMTP, args: list[str]) -> AuthResult:
        """XOAUTH2 (``user=…\\x01auth=Bearer …\\x01\\x01``) against the TokenEndpoint."""
        recorder = self.recorder
        assert recorder.token_endpoint is not None
        if len(args) > 1:
            try:
                blob = base64.b64decode(args[1], validate=True)
            except ValueError:
                await server.push("501 5.5.2 Can't decode base64")
                return AuthResult(success=False, handled=True)
        else:
            answer = await server.challenge_auth("", encode_to_b64=False)
            if not isinstance(answer, bytes):
                return AuthResult(success=False, handled=True)
            blob = answer
        fields = dict(
            part.split("=", 1)
            for part in blob.decode("utf-8", "replace").split("\x01")
            if "=" in part
        )
        user = fields.get("user", "").lower()
        auth = fields.get("auth", "")
        token = auth[7:] if auth.lower().startswith("bearer ") else ""
        if token and recorder.token_endpoint.is_active(token, user):
            recorder._event(SmtpEvent("AUTH", f"XOAUTH2 {user}", "235"))
            return AuthResult(success=True, auth_data=user)
        recorder._event(SmtpEvent("AUTH", f"XOAUTH2 {user}", "535"))
        # as Gmail does: a JSON error as a challenge, the client answers with an empty line
        error = json.dumps({"status": "401", "schemes": "bearer", "scope": "mail"}).encode()
        await server.challenge_auth(error)
        return AuthResult(
            success=False, handled=False, message="535 5.7.8 Username and Password not accepted"
        )

    async def handle_exception(self, error: Exception) -> str:
        if isinstance(error, TLSSetupException):
            # a client that refuses the certificate during STARTTLS: what a test may want to
            # see, not an error of the server's (aiosmtpd would log it as one)
            cause = error.__cause__ or error
            self.recorder._event(SmtpEvent("STARTTLS", "", f"handshake failed: {cause}"))
            return "454 4.7.0 TLS not available due to temporary reason"
        logging.getLogger("mail.log").exception("SmtpRecorder: SMTP session exception")
        return f"500 Error: ({error.__class__.__name__}) {error}"

    async def handle_MAIL(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        mail_options: list[str],
    ) -> str:
        recorder = self.recorder
        if recorder.require_auth and not session.authenticated:
            reply = "530 5.7.0 Authentication required"
            recorder._event(SmtpEvent("MAIL", address, reply))
            return reply
        scripted = recorder._scripted("MAIL", address)
        if scripted is not None:
            return scripted
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        scripted = self.recorder._scripted("RCPT", address)
        if scripted is not None:
            return scripted
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        recorder = self.recorder
        scripted = recorder._scripted("DATA", ",".join(envelope.rcpt_tos))
        if scripted is not None:
            return scripted
        raw = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        # parsed with "\n" line ends, as the email package works (``raw`` keeps CRLF)
        message = email.message_from_bytes(raw.replace(b"\r\n", b"\n"), policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        recorder._record(
            ReceivedMail(
                mail_from=envelope.mail_from or "",
                rcpt_tos=tuple(envelope.rcpt_tos),
                raw=raw,
                message=message,
                auth_user=session.auth_data if session.authenticated else None,
                tls=session.ssl is not None
                or (
                    server.transport is not None
                    and server.transport.get_extra_info("ssl_object") is not None
                ),
                mail_options=tuple(envelope.mail_options),
                rcpt_options=tuple(envelope.rcpt_options),
            )
        )
        return f"250 2.0.0 Ok: queued as {len(recorder.messages)}"


__all__ = [
    "HOST",
    "Dovecot",
    "DovecotError",
    "ReceivedMail",
    "SmtpEvent",
    "SmtpRecorder",
    "TlsCertificate",
    "TokenEndpoint",
    "dovecot_binary",
    "dovecot_version",
    "free_port",
    "make_certificate",
]
