"""Build the Qt translations: ``i18n/*.ts`` (committed) -> ``i18n/*.qm`` (built, not committed).

    python -m agent_desk.i18n_build            # lrelease every i18n/*.ts into i18n/*.qm
    python -m agent_desk.i18n_build --update   # first lupdate the .ts files from the sources

Uses the Linguist tools that ship with PySide6; needs no display and imports no Qt module (nor
anything from ``agent_desk.ui``), so it can run in a bare setup script.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N_DIR = ROOT / "i18n"
LANGUAGES = ("zh_CN", "zh_TW", "en")


class ToolError(RuntimeError):
    """A Linguist tool is missing or failed; the message carries its output."""


def source_files(root: Path = ROOT) -> list[Path]:
    """The Python files whose ``tr()``/``translate()`` calls feed the .ts files."""
    return [root / "agent_desk" / "app.py", *sorted((root / "agent_desk" / "ui").glob("*.py"))]


def ts_files(i18n_dir: Path = I18N_DIR) -> list[Path]:
    return [i18n_dir / f"agent_desk_{lang}.ts" for lang in LANGUAGES]


def find_tool(name: str) -> list[str]:
    """The command that runs Qt's ``name`` (``lrelease`` or ``lupdate``) from PySide6.

    In order: the ``pyside6-<name>`` launcher beside the running interpreter (the venv's bin or
    Scripts), the binary inside the installed PySide6 package (what that launcher runs), then
    ``pyside6-<name>`` on PATH.
    """
    exe = ".exe" if sys.platform == "win32" else ""
    beside = Path(sys.executable).parent / f"pyside6-{name}{exe}"  # not resolved: venv symlinks
    if beside.is_file():
        return [str(beside)]
    spec = importlib.util.find_spec("PySide6")  # locates the package without importing Qt
    for location in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(location) / f"{name}{exe}"
        if binary.is_file():
            return [str(binary)]
    on_path = shutil.which(f"pyside6-{name}")
    if on_path:
        return [on_path]
    raise ToolError(f"cannot find Qt's {name}: install PySide6-Essentials into this environment")


def run_tool(cmd: list[str]) -> str:
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)  # noqa: S603
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0:
        raise ToolError(f"{' '.join(cmd)} exited with {done.returncode}:\n{output}")
    return output


def update(
    i18n_dir: Path | None = None, *, sources: Sequence[Path] | None = None, root: Path = ROOT
) -> str:
    """Merge the sources' strings into the .ts files (lupdate -no-obsolete); returns its report."""
    targets = ts_files(i18n_dir or I18N_DIR)
    files = list(sources) if sources is not None else source_files(root)
    cmd = [*find_tool("lupdate"), *map(str, files), "-no-obsolete", "-ts", *map(str, targets)]
    return run_tool(cmd)


def build(i18n_dir: Path | None = None) -> list[Path]:
    """Compile every ``*.ts`` in ``i18n_dir`` (default: the repository's i18n/) into a .qm beside
    it; returns the .qm paths. Raises ToolError if there is nothing to build or lrelease fails."""
    directory = i18n_dir or I18N_DIR
    sources = sorted(directory.glob("*.ts"))
    if not sources:
        raise ToolError(f"no .ts files in {directory}")
    lrelease = find_tool("lrelease")
    built = []
    for ts in sources:
        qm = ts.with_suffix(".qm")
        run_tool([*lrelease, "-silent", str(ts), "-qm", str(qm)])
        if not qm.is_file():
            raise ToolError(f"lrelease did not write {qm}")
        built.append(qm)
    return built


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m agent_desk.i18n_build",
        description="Build i18n/*.qm from i18n/*.ts with PySide6's lrelease.",
    )
    parser.add_argument("--i18n-dir", type=Path, default=None, help="default: the repo's i18n/")
    parser.add_argument(
        "--update", action="store_true", help="run lupdate on the sources first (for translators)"
    )
    args = parser.parse_args(argv)
    try:
        if args.update:
            print(update(args.i18n_dir))
        built = build(args.i18n_dir)
    except ToolError as exc:
        print(f"i18n_build: {exc}", file=sys.stderr)
        return 1
    print(f"i18n_build: built {', '.join(p.name for p in built)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
