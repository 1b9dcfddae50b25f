from __future__ import annotations

import os
import stat
import tomllib
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from agent_desk.system.config import (
    ConfigFileError,
    InvalidSetting,
    Layer,
    LockedSetting,
    ProblemKind,
    Settings,
    Severity,
    dumps_toml,
    load_config,
    load_settings,
    save_user_settings,
)

allow_warnings = pytest.mark.allow_log_warnings


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """(user file, managed file) paths in tmp_path, not yet written."""
    return tmp_path / "config.toml", tmp_path / "managed.toml"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _load(
    files: tuple[Path, Path],
    environ: dict[str, str] | None = None,
    cli: dict[str, object] | None = None,
):
    user, managed = files
    return load_config(user_path=user, managed_path=managed, environ=environ or {}, cli=cli)


# --- layering -----------------------------------------------------------------------------------


def test_defaults_without_any_file(files: tuple[Path, Path]) -> None:
    settings, problems = load_settings(
        user_path=files[0], managed_path=files[1], environ={}, cli=None
    )
    assert settings == Settings()
    assert problems == []
    assert settings.verify_tls is True and settings.allow_insecure_keyring is False
    assert settings.server_url == "http://127.0.0.1:8765"


def test_user_file_applies(files: tuple[Path, Path]) -> None:
    _write(
        files[0],
        'server_url = "https://desk.example.com/"\nusername = "agent"\nlanguage = "zh-cn"\n'
        'request_timeout_s = 30\nsounds = false\nlog_level = "debug"\n',
    )
    loaded = _load(files)
    assert loaded.problems == []
    s = loaded.settings
    assert s.server_url == "https://desk.example.com"
    assert s.username == "agent" and s.language == "zh_CN" and s.log_level == "DEBUG"
    assert s.request_timeout_s == 30.0 and isinstance(s.request_timeout_s, float)
    assert s.sounds is False
    assert loaded.sources["server_url"] is Layer.USER and "verify_tls" not in loaded.sources


def test_env_overrides_user_file(files: tuple[Path, Path]) -> None:
    _write(files[0], 'language = "en"\nrequest_timeout_s = 30\nnotifications = true\n')
    loaded = _load(
        files,
        environ={
            "AGENT_DESK_LANGUAGE": "zh_TW",
            "AGENT_DESK_REQUEST_TIMEOUT_S": "12.5",
            "AGENT_DESK_NOTIFICATIONS": "off",
            "AGENT_DESK_SOUNDS": "",  # empty counts as unset
            "AGENT_DESK_PORT": "1",  # the server's variables are none of our business
        },
    )
    assert loaded.problems == []
    s = loaded.settings
    assert (s.language, s.request_timeout_s, s.notifications, s.sounds) == (
        "zh_TW",
        12.5,
        False,
        True,
    )
    assert loaded.sources["language"] is Layer.ENVIRONMENT


def test_cli_overrides_env(files: tuple[Path, Path]) -> None:
    _write(files[0], 'username = "from-file"\n')
    loaded = _load(
        files,
        environ={"AGENT_DESK_USERNAME": "from-env", "AGENT_DESK_SLA_REMINDERS": "false"},
        cli={"username": "from-cli", "sla_reminders": None, "request_timeout_s": "20"},
    )
    assert loaded.problems == []
    assert loaded.settings.username == "from-cli"
    assert loaded.settings.sla_reminders is False, "None on the command line means not given"
    assert loaded.settings.request_timeout_s == 20.0
    assert loaded.sources["username"] is Layer.COMMAND_LINE


@allow_warnings
def test_managed_lock_beats_user_file_env_and_cli(files: tuple[Path, Path]) -> None:
    user, managed = files
    _write(
        managed,
        '# company rollout\nserver_url = "https://desk.corp.example"\n'
        'language = "zh_CN"\nlocked = ["server_url"]\n',
    )
    _write(user, 'language = "en"\nserver_url = "https://evil.example"\n')
    loaded = _load(
        files,
        environ={"AGENT_DESK_SERVER_URL": "https://env.example"},
        cli={"server_url": "https://cli.example"},
    )
    s = loaded.settings
    assert s.server_url == "https://desk.corp.example"
    assert s.language == "en", "an unlocked managed value is only a default"
    assert loaded.locked == frozenset({"server_url"})
    assert loaded.sources["server_url"] is Layer.MANAGED

    ignored = loaded.ignored_overrides
    assert [p.layer for p in ignored] == [Layer.USER, Layer.ENVIRONMENT, Layer.COMMAND_LINE]
    assert all(p.key == "server_url" and p.severity is Severity.WARNING for p in ignored)
    assert ignored[0].file == user and ignored[0].line == 2
    assert str(managed) in ignored[0].message and "ignored" in ignored[0].message
    assert "AGENT_DESK_SERVER_URL" in str(ignored[1])
    assert loaded.problems == ignored


@allow_warnings
def test_locked_table_sets_and_locks(files: tuple[Path, Path], tmp_path: Path) -> None:
    user, managed = files
    ca = _write(tmp_path / "corp-ca.pem", "-----BEGIN CERTIFICATE-----\n")
    _write(
        managed,
        f'notifications = false\n\n[locked]\nca_bundle = "{ca}"\nverify_tls = true\n',
    )
    _write(user, 'ca_bundle = ""\nverify_tls = false\nnotifications = true\n')
    loaded = _load(files, environ={"AGENT_DESK_VERIFY_TLS": "0"})
    assert loaded.settings.ca_bundle == ca
    assert loaded.settings.verify_tls is True
    assert loaded.settings.notifications is True
    assert loaded.locked == frozenset({"ca_bundle", "verify_tls"})
    assert {(p.key, p.layer) for p in loaded.ignored_overrides} == {
        ("ca_bundle", Layer.USER),
        ("verify_tls", Layer.USER),
        ("verify_tls", Layer.ENVIRONMENT),
    }
    assert all(p.kind is ProblemKind.LOCKED for p in loaded.problems)


@allow_warnings
def test_lock_without_a_managed_value_locks_the_default(files: tuple[Path, Path]) -> None:
    _write(files[1], 'locked = ["allow_insecure_keyring"]\n')
    loaded = _load(files, cli={"allow_insecure_keyring": True})
    assert loaded.settings.allow_insecure_keyring is False
    assert [p.key for p in loaded.ignored_overrides] == ["allow_insecure_keyring"]


@allow_warnings
def test_lock_list_naming_unknown_settings(files: tuple[Path, Path]) -> None:
    _write(files[1], 'locked = ["server_url", "colour"]\n')
    loaded = _load(files)
    assert loaded.locked == frozenset({"server_url"})
    (problem,) = loaded.problems
    assert problem.kind is ProblemKind.UNKNOWN_KEY and "colour" in problem.message
    assert problem.file == files[1] and problem.line == 1


# --- bad files ----------------------------------------------------------------------------------


@allow_warnings
def test_syntax_error_names_file_and_line_and_other_layers_still_apply(
    files: tuple[Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    user, managed = files
    _write(managed, 'language = "zh_TW"\n')
    _write(user, 'username = "agent"\nsounds = false\nrequest_timeout_s = = 3\nlanguage = "en"\n')
    settings, problems = load_settings(
        user_path=user,
        managed_path=managed,
        environ={"AGENT_DESK_NOTIFICATIONS": "false"},
    )
    (problem,) = problems
    assert problem.kind is ProblemKind.SYNTAX and problem.severity is Severity.ERROR
    assert problem.file == user and problem.line == 3 and problem.column is not None
    text = str(problem)
    assert str(user) in text and "line 3" in text and "TOML syntax error" in text
    # The broken user file is skipped as a whole; defaults, managed and env still apply.
    assert settings.username is None and settings.sounds is True
    assert settings.language == "zh_TW" and settings.notifications is False
    assert "line 3" in caplog.text


@allow_warnings
def test_syntax_error_at_end_of_document(files: tuple[Path, Path]) -> None:
    _write(files[0], 'username = "agent"\nlanguage = "en')
    (problem,) = _load(files).problems
    assert problem.kind is ProblemKind.SYNTAX and problem.line is not None


@allow_warnings
def test_wrong_type_names_key_and_line_and_keeps_the_rest_of_the_file(
    files: tuple[Path, Path],
) -> None:
    _write(files[0], '# mine\nlanguage = "en"\n\nrequest_timeout_s = "fast"\nsounds = false\n')
    settings, problems = load_settings(user_path=files[0], managed_path=files[1], environ={})
    (problem,) = problems
    assert problem.key == "request_timeout_s" and problem.line == 4 and problem.file == files[0]
    assert problem.kind is ProblemKind.INVALID_VALUE
    assert "request_timeout_s" in str(problem) and "line 4" in str(problem)
    assert "number" in problem.message and "fast" not in problem.message
    assert settings.request_timeout_s == Settings().request_timeout_s
    assert settings.language == "en" and settings.sounds is False


@allow_warnings
@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('server_url = "ftp://desk.example.com"', "server_url"),
        ('server_url = "desk.example.com"', "server_url"),
        ('server_url = "https://"', "server_url"),
        ('server_url = "https://desk.example.com/?a=1"', "server_url"),
        ('server_url = "https://desk.example.com:99999"', "server_url"),
        ("server_url = 42", "server_url"),
        ('language = "fr"', "language"),
        ('log_level = "loud"', "log_level"),
        ('verify_tls = "no"', "verify_tls"),
        ("notifications = 1", "notifications"),
        ("request_timeout_s = 0", "request_timeout_s"),
        ("request_timeout_s = 10000", "request_timeout_s"),
        ("request_timeout_s = nan", "request_timeout_s"),
        ("request_timeout_s = true", "request_timeout_s"),
        ('ca_bundle = "missing.pem"', "ca_bundle"),
        ('username = "a\\u0007b"', "username"),
    ],
)
def test_invalid_values_are_reported_and_skipped(
    files: tuple[Path, Path], line: str, key: str
) -> None:
    _write(files[0], f"sounds = false\n{line}\n")
    loaded = _load(files)
    (problem,) = loaded.problems
    assert (problem.key, problem.line, problem.kind) == (key, 2, ProblemKind.INVALID_VALUE)
    assert getattr(loaded.settings, key) == getattr(Settings(), key)
    assert loaded.settings.sounds is False


@allow_warnings
def test_credentials_in_the_server_url_are_refused_and_not_echoed(
    files: tuple[Path, Path],
) -> None:
    _write(files[0], 'server_url = "https://agent:s3cret-pw@desk.example.com"\n')
    (problem,) = _load(files).problems
    assert "user name or password" in problem.message
    assert "s3cret-pw" not in str(problem)


@allow_warnings
def test_unknown_keys_and_tables_are_warned_about(files: tuple[Path, Path]) -> None:
    _write(files[0], 'token = "x"\nsounds = false\n\n[ui]\ntheme = "dark"\n')
    loaded = _load(files)
    assert [(p.key, p.line, p.kind) for p in loaded.problems] == [
        ("token", 1, ProblemKind.UNKNOWN_KEY),
        ("ui", None, ProblemKind.UNKNOWN_KEY),
    ]
    assert all(p.severity is Severity.WARNING for p in loaded.problems)
    assert loaded.settings.sounds is False


@allow_warnings
def test_bad_environment_value_names_the_variable(files: tuple[Path, Path]) -> None:
    loaded = _load(files, environ={"AGENT_DESK_REQUEST_TIMEOUT_S": "fast"})
    (problem,) = loaded.problems
    assert problem.file is None and problem.layer is Layer.ENVIRONMENT
    assert str(problem).startswith("environment variable AGENT_DESK_REQUEST_TIMEOUT_S:")


@allow_warnings
def test_unknown_cli_key(files: tuple[Path, Path]) -> None:
    (problem,) = _load(files, cli={"colour": "blue"}).problems
    assert problem.kind is ProblemKind.UNKNOWN_KEY and problem.layer is Layer.COMMAND_LINE


@allow_warnings
def test_unreadable_and_non_utf8_files(files: tuple[Path, Path]) -> None:
    user, managed = files
    managed.mkdir()  # reading a directory fails
    user.write_bytes(b'sounds = false\nusername = "\xff"\n')
    loaded = _load(files)
    kinds = {(p.layer, p.kind) for p in loaded.problems}
    assert kinds == {(Layer.MANAGED, ProblemKind.UNREADABLE), (Layer.USER, ProblemKind.SYNTAX)}
    utf8 = next(p for p in loaded.problems if p.layer is Layer.USER)
    assert utf8.line == 2 and "UTF-8" in utf8.message
    assert loaded.settings == Settings()


def test_ca_bundle_relative_to_the_config_file(files: tuple[Path, Path], tmp_path: Path) -> None:
    _write(tmp_path / "ca.pem", "pem")
    _write(files[0], 'ca_bundle = "ca.pem"\n')
    assert _load(files).settings.ca_bundle == tmp_path / "ca.pem"


# --- security notices ---------------------------------------------------------------------------


@allow_warnings
def test_verify_tls_off_is_a_reported_warning(
    files: tuple[Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    _write(files[0], 'server_url = "https://desk.example.com"\nverify_tls = false\n')
    loaded = _load(files)
    assert loaded.settings.verify_tls is False
    (problem,) = loaded.problems
    assert problem.kind is ProblemKind.INSECURE and problem.severity is Severity.WARNING
    assert problem.key == "verify_tls" and problem.line == 2 and problem.file == files[0]
    assert any(r.levelname == "WARNING" and "verify_tls" in r.getMessage() for r in caplog.records)


@allow_warnings
def test_plain_http_to_another_machine_is_warned_about(files: tuple[Path, Path]) -> None:
    (problem,) = _load(files, environ={"AGENT_DESK_SERVER_URL": "http://desk.example.com"}).problems
    assert problem.kind is ProblemKind.INSECURE and problem.key == "server_url"
    for loopback in ("http://localhost:8765", "http://127.0.0.2", "http://[::1]:1"):
        assert _load(files, cli={"server_url": loopback}).problems == []


# --- default locations --------------------------------------------------------------------------


def test_default_paths_follow_the_environment(isolated_env: Path, tmp_path: Path) -> None:
    (isolated_env / "config").mkdir(parents=True)
    _write(isolated_env / "config" / "config.toml", "sounds = false\n")
    loaded = load_config()
    assert loaded.user_path == isolated_env / "config" / "config.toml"
    assert loaded.managed_path == tmp_path / "no-managed.toml"
    assert loaded.settings.sounds is False


# --- saving -------------------------------------------------------------------------------------


def test_save_then_load(files: tuple[Path, Path], tmp_path: Path) -> None:
    user, managed = files
    ca = _write(tmp_path / "ca.pem", "pem")
    path = save_user_settings(
        {
            "server_url": "https://desk.example.com/",
            "username": "agent",
            "language": "zh_TW",
            "request_timeout_s": 25,
            "ca_bundle": ca,
            "sounds": False,
        },
        user_path=user,
        managed_path=managed,
    )
    assert path == user
    s = _load(files).settings
    assert s.server_url == "https://desk.example.com" and s.username == "agent"
    assert s.language == "zh_TW" and s.request_timeout_s == 25.0 and s.ca_bundle == ca
    assert s.sounds is False
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ca.pem", "config.toml"], "no temp file"
    if os.name == "posix":
        assert stat.S_IMODE(user.stat().st_mode) == 0o600


def test_save_keeps_other_content_and_none_removes(files: tuple[Path, Path]) -> None:
    user, managed = files
    _write(
        user,
        '# comment\nsounds = false\nlanguage = "en"\nfuture_key = [1, 2]\n\n[plugin]\nx = "y"\n',
    )
    save_user_settings(
        {"language": None, "notifications": False}, user_path=user, managed_path=managed
    )
    doc = tomllib.loads(user.read_text(encoding="utf-8"))
    assert doc == {
        "sounds": False,
        "future_key": [1, 2],
        "plugin": {"x": "y"},
        "notifications": False,
    }


def test_save_refuses_locked_keys_and_writes_nothing(files: tuple[Path, Path]) -> None:
    user, managed = files
    _write(managed, 'server_url = "https://desk.corp.example"\nlocked = ["server_url"]\n')
    _write(user, "sounds = false\n")
    before = user.read_bytes()
    with pytest.raises(LockedSetting) as info:
        save_user_settings(
            {"sounds": True, "server_url": "https://x.example"},
            user_path=user,
            managed_path=managed,
        )
    assert info.value.key == "server_url" and str(managed) in str(info.value)
    assert user.read_bytes() == before


@pytest.mark.parametrize(
    "changes",
    [{"token": "abc"}, {"request_timeout_s": "fast"}, {"server_url": "ftp://x"}, {"sounds": "no"}],
)
def test_save_refuses_unknown_and_invalid(
    files: tuple[Path, Path], changes: dict[str, object]
) -> None:
    with pytest.raises(InvalidSetting):
        save_user_settings(changes, user_path=files[0], managed_path=files[1])
    assert not files[0].exists()


def test_save_does_not_overwrite_a_broken_file(files: tuple[Path, Path]) -> None:
    user, managed = files
    _write(user, "sounds = false\nlanguage = \n")
    before = user.read_bytes()
    with pytest.raises(ConfigFileError) as info:
        save_user_settings({"sounds": True}, user_path=user, managed_path=managed)
    assert info.value.line == 2 and str(user) in str(info.value)
    assert user.read_bytes() == before


def test_save_creates_the_config_directory(isolated_env: Path) -> None:
    path = save_user_settings({"sounds": False})
    assert path == isolated_env / "config" / "config.toml"
    assert load_config().settings.sounds is False
    if os.name == "posix":
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_toml_writer_round_trips_what_tomllib_reads() -> None:
    doc: dict[str, object] = {
        "plain": "text",
        "tricky": 'quote " backslash \\ newline \n tab \t bell \x07 del \x7f 中文 ✓',
        "needs quotes": 1,
        "neg": -3,
        "pi": 3.25,
        "big": 1e300,
        "flag": True,
        "when": datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC),
        "day": date(2025, 1, 2),
        "at": time(3, 4, 5),
        "list": [1, "two", [3.5], {"inline": True}],
        "empty": {},
        "table": {"a": 1, "sub": {"b": "c", "deeper": {"d": []}}},
    }
    assert tomllib.loads(dumps_toml(doc)) == doc
