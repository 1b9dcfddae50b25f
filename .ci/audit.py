"""Security checks of the README's test command: bandit on the code, pip-audit on the installed
environment. Exit 1 on a finding that pyproject.toml does not list with a reason.

    .venv/bin/python .ci/audit.py

- bandit, medium and high severity, configured by ``[tool.bandit]`` (its ``skips`` say why);
  the server is scanned a second time with nothing skipped.
- pip-audit asks PyPI's per-version JSON (``/pypi/<name>/<version>/json``) for every installed
  distribution. Where a network does not serve that (some mirrors only serve the project JSON),
  pip-audit reports the package as "not found" and *no known vulnerabilities* — which would be a
  false all-clear. So every package it could not audit is looked up again in the project JSON,
  whose ``vulnerabilities`` describe the newest release: when that is the installed version, it
  is audited that way; otherwise it is counted, by name, as not audited. The summary line says
  how many packages were audited and how.
- Accepted findings: ``[tool.agent-desk.audit] ignore = [{id = "...", reason = "..."}]``.
"""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def accepted() -> dict[str, str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = config.get("tool", {}).get("agent-desk", {}).get("audit", {}).get("ignore", [])
    return {item["id"]: item["reason"] for item in listed}


def run_bandit() -> bool:
    ok = True
    for args in (
        ["-c", "pyproject.toml", "-r", "agent_desk"],
        ["-r", "agent_desk/server"],  # the server: nothing skipped
    ):
        done = subprocess.run([str(VENV_BIN / "bandit"), "-q", "-ll", *args], cwd=ROOT, check=False)
        ok = ok and done.returncode == 0
    print(f"bandit: {'no' if ok else 'some'} medium or high findings", flush=True)
    return ok


def installed_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def project_vulnerabilities(name: str, version: str) -> list[dict[str, object]] | None:
    """The newest release's vulnerabilities from the project JSON, when it is ``version``."""
    url = f"https://pypi.org/pypi/{name}/json"
    try:
        with urllib.request.urlopen(url, timeout=20) as reply:
            data = json.load(reply)
    except (urllib.error.URLError, TimeoutError, ValueError):
        return None
    if data.get("info", {}).get("version") != version:
        return None
    return [v for v in data.get("vulnerabilities") or [] if not v.get("withdrawn")]


def run_pip_audit() -> bool:
    done = subprocess.run(
        [str(VENV_BIN / "pip-audit"), "--progress-spinner", "off", "-f", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(done.stdout)
    except ValueError:
        print(f"pip-audit failed to run: {done.stderr.strip()[-500:]}", file=sys.stderr)
        return False
    ignore = accepted()
    findings: list[str] = []
    by_version = by_project = 0
    not_audited: list[str] = []
    for dep in report.get("dependencies", []):
        name = dep["name"]
        version = dep.get("version") or installed_version(name)
        if "skip_reason" not in dep:
            by_version += 1
            vulns = dep.get("vulns", [])
        else:
            found = project_vulnerabilities(name, version)
            if found is None:
                not_audited.append(f"{name} {version}")
                continue
            by_project += 1
            vulns = [{"id": v.get("id"), "fix_versions": v.get("fixed_in")} for v in found]
        for vuln in vulns:
            vid = str(vuln.get("id"))
            if vid in ignore:
                print(f"pip-audit: {name} {version}: {vid} accepted: {ignore[vid]}")
            else:
                findings.append(f"{name} {version}: {vid} (fixed in {vuln.get('fix_versions')})")
    total = by_version + by_project + len(not_audited)
    print(
        f"pip-audit: {by_version + by_project} of {total} installed packages audited "
        f"({by_version} by version, {by_project} as the newest release); "
        f"{len(findings)} unaccepted vulnerabilities",
        flush=True,
    )
    if not_audited:
        print(
            "pip-audit: not audited (no vulnerability data for this version reachable from "
            f"here): {', '.join(not_audited)}",
            flush=True,
        )
    for line in findings:
        print(f"pip-audit: VULNERABLE {line}", file=sys.stderr)
    return not findings


def main() -> int:
    ok = run_bandit()
    ok = run_pip_audit() and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
