from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

import pytest

from agent_desk.system.paths import (
    APP_NAME,
    AppDirs,
    Profile,
    ProfilePaths,
    app_dirs,
    make_private_dir,
    managed_config_path,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
SAFE = re.compile(r"^[a-z0-9._@-]+$")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- profile slugs ------------------------------------------------------------------------------


def test_slug_is_readable_for_a_plain_profile() -> None:
    assert Profile("http://127.0.0.1:8765", "agent").slug == "agent@127.0.0.1-8765"
    assert Profile("https://desk.example.com", "agent").slug == "agent@desk.example.com-443"
    assert Profile("http://desk.example.com/", "agent").slug == "agent@desk.example.com-80"


def test_host_case_does_not_matter() -> None:
    assert Profile("https://Desk.Example.COM", "agent").slug == "agent@desk.example.com-443"


@pytest.mark.parametrize(
    "username",
    ["Alice", "a b", "张三", "../../etc", "a/b\\c", "x:y", "con", ".hidden", "a@b", "CON.txt"],
)
def test_unsafe_usernames_give_safe_hashed_slugs(username: str) -> None:
    slug = Profile("http://127.0.0.1:8765", username).slug
    assert SAFE.match(slug), slug
    assert not slug.startswith(".")
    assert "/" not in slug and "\\" not in slug and ".." not in slug
    if username != "con":
        assert re.search(r"-[0-9a-f]{10}$", slug), slug


def test_slugs_are_unique_where_readable_parts_collide() -> None:
    profiles = [
        Profile("http://127.0.0.1:8765", "alice"),
        Profile("http://127.0.0.1:8765", "Alice"),
        Profile("http://127.0.0.1:8765", "ALICE"),
        Profile("http://127.0.0.1:8765", "a lice"),
        Profile("http://127.0.0.1:8765", "a_lice"),
        Profile("http://127.0.0.1:8765", "a/lice"),
        Profile("http://127.0.0.1:8766", "alice"),
        Profile("http://127.0.0.1:8765/tenant-a", "alice"),
        Profile("http://127.0.0.1:8765/tenant-b", "alice"),
        Profile("https://127.0.0.1", "alice"),
        Profile("http://[::1]:8765", "alice"),
        Profile("http://_1:8765", "alice"),
    ]
    slugs = [p.slug for p in profiles]
    assert len(set(slugs)) == len(slugs), slugs


def test_long_profiles_stay_short_and_distinct() -> None:
    a = Profile("https://desk.example.com", "x" * 300 + "a").slug
    b = Profile("https://desk.example.com", "x" * 300 + "b").slug
    assert a != b
    assert len(a) <= 64 + 11 and len(b) <= 64 + 11


@pytest.mark.parametrize(
    ("url", "username"),
    [("ftp://host", "agent"), ("127.0.0.1:8765", "agent"), ("http://", "agent"), ("http://h", "")],
)
def test_invalid_profiles_are_refused(url: str, username: str) -> None:
    with pytest.raises(ValueError):
        Profile(url, username)


# --- directories --------------------------------------------------------------------------------


def test_profile_paths_under_an_explicit_home(tmp_path: Path) -> None:
    profile = Profile("http://127.0.0.1:8765", "agent")
    paths = ProfilePaths.for_profile(profile, tmp_path / "h")
    assert paths.data_dir == tmp_path / "h" / "data" / "profiles" / "agent@127.0.0.1-8765"
    assert paths.db_path == paths.data_dir / "cache.sqlite3"
    assert paths.log_dir == tmp_path / "h" / "logs" / "agent@127.0.0.1-8765"
    assert paths.config_dir == tmp_path / "h" / "config"
    assert paths.config_path == tmp_path / "h" / "config" / "config.toml"
    assert not (tmp_path / "h").exists(), "constructing paths creates nothing"


def test_config_is_shared_but_data_and_logs_are_per_profile(tmp_path: Path) -> None:
    a = ProfilePaths.for_profile(Profile("http://127.0.0.1:8765", "agent"), tmp_path)
    b = ProfilePaths.for_profile(Profile("http://127.0.0.1:8765", "expert"), tmp_path)
    assert a.config_path == b.config_path
    assert a.data_dir != b.data_dir and a.db_path != b.db_path and a.log_dir != b.log_dir


def test_home_from_environment_and_argument_wins(tmp_path: Path, isolated_env: Path) -> None:
    assert app_dirs().data_root == isolated_env / "data"
    assert app_dirs(environ={"AGENT_DESK_HOME": str(tmp_path / "e")}).config_dir == (
        tmp_path / "e" / "config"
    )
    assert app_dirs(tmp_path / "arg").log_root == tmp_path / "arg" / "logs"


def test_without_override_platformdirs_decides() -> None:
    dirs = app_dirs(environ={})
    assert isinstance(dirs, AppDirs)
    for path in (dirs.data_root, dirs.config_dir, dirs.log_root):
        assert APP_NAME in path.parts
    assert dirs.config_path.name == "config.toml"


def test_ensure_dirs_creates_them(tmp_path: Path) -> None:
    paths = ProfilePaths.for_profile(Profile("http://127.0.0.1:8765", "agent"), tmp_path / "h")
    assert paths.ensure_dirs() is paths
    for directory in (paths.data_dir, paths.log_dir, paths.config_dir):
        assert directory.is_dir()
    paths.ensure_dirs()  # idempotent


@posix_only
def test_ensure_dirs_makes_private_directories(tmp_path: Path) -> None:
    home = tmp_path / "h"
    paths = ProfilePaths.for_profile(Profile("http://127.0.0.1:8765", "agent"), home).ensure_dirs()
    for directory in (
        home,
        home / "data",
        home / "data" / "profiles",
        paths.data_dir,
        home / "logs",
        paths.log_dir,
        paths.config_dir,
    ):
        assert _mode(directory) == 0o700, directory


@posix_only
def test_existing_loose_directories_are_tightened_but_not_outside_the_root(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside"
    root = outside / "root"
    leaf = root / "a" / "b"
    leaf.mkdir(parents=True)
    for p in (outside, root, root / "a", leaf):
        p.chmod(0o755)
    make_private_dir(leaf, (root,))
    assert _mode(root) == _mode(root / "a") == _mode(leaf) == 0o700
    assert _mode(outside) == 0o755


def test_managed_config_path_override(tmp_path: Path) -> None:
    target = tmp_path / "m.toml"
    assert managed_config_path({"AGENT_DESK_MANAGED_CONFIG": str(target)}) == target


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux location")
def test_managed_config_path_default_on_linux() -> None:
    assert managed_config_path({}) == Path("/etc/agent-desk/managed.toml")
