"""The server's rooms stay rooms: no import circle inside ``agent_desk.server``, and no module
reaches into another module's underscore names."""

from __future__ import annotations

import ast
from pathlib import Path

import grimp

SERVER = Path(__file__).resolve().parents[2] / "agent_desk" / "server"


def test_no_import_circle_in_the_server() -> None:
    graph = grimp.build_graph("agent_desk", include_external_packages=False)
    modules = {m for m in graph.modules if m.startswith("agent_desk.server")}
    edges = {
        m: {d for d in graph.find_modules_directly_imported_by(m) if d in modules} for m in modules
    }
    circles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                circles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for module in sorted(modules):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_no_module_imports_another_modules_private_names() -> None:
    offenders = []
    for path in SERVER.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported: set[str] = set()  # local names bound by imports from our own package
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("agent_desk"):
                for alias in node.names:
                    imported.add(alias.asname or alias.name)
                    if _private(alias.name):
                        offenders.append(f"{path.relative_to(SERVER)}: {node.module}.{alias.name}")
        for node in ast.walk(tree):  # module._name
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in imported
                and _private(node.attr)
            ):
                offenders.append(f"{path.relative_to(SERVER)}: {node.value.id}.{node.attr}")
    assert offenders == []


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))
