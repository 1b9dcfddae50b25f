"""`agent-desk knowledge import|suggest` as other tools run it: a subprocess, real files, JSON."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parent / "data" / "knowledge" / "demo_articles.jsonl"
DEMO_COUNT = sum(1 for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip())


def knowledge(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "agent_desk", "knowledge", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    if check:
        assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "knowledge.db"
    done = knowledge("import", DEMO, "--db", path)
    assert f"imported {DEMO_COUNT} articles" in done.stdout
    return path


def suggest(db: Path, text: str, *extra: str | Path) -> dict[str, object]:
    done = knowledge("suggest", "--db", db, "--json", *extra, text)
    data = json.loads(done.stdout)
    assert isinstance(data, dict)
    return data


def test_import_then_suggest_round_trip(db: Path) -> None:
    data = suggest(db, "退款")
    assert set(data) == {"suggestions", "scenario"}
    assert data["scenario"] == "refund_status"
    suggestions = data["suggestions"]
    assert isinstance(suggestions, list) and len(suggestions) == 5
    for s in suggestions:
        assert {"id", "scenario", "audience", "score", "why"} <= set(s)
        assert isinstance(s["score"], float) and isinstance(s["why"], list)
    assert suggestions[0]["scenario"] == "refund_status"
    english = suggest(db, "refnd", "--k", "3")
    assert len(english["suggestions"]) == 3  # type: ignore[arg-type]
    top = english["suggestions"][0]  # type: ignore[index]
    assert top["scenario"] == "refund_status" and top["id"].endswith("-en")
    assert any(w["kind"] == "spelling" for w in top["why"])


def test_the_file_holds_the_cache_schema_and_the_index(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == DEMO_COUNT
        assert conn.execute("SELECT count(*) FROM knowledge_doc").fetchone()[0] == DEMO_COUNT
        # the audience of each line is kept: guidance for agents stays marked as such
        guidance = "where_is_my_parcel-02-zh_CN"
        assert conn.execute(
            "SELECT a.audience, d.audience FROM articles a "
            "JOIN knowledge_doc d ON d.article_id = a.id WHERE a.id = ?",
            (guidance,),
        ).fetchone() == ("internal", "internal")
        assert conn.execute(
            "SELECT audience FROM articles WHERE id = 'where_is_my_parcel-01-zh_CN'"
        ).fetchone() == ("customer",)
        tags = conn.execute("SELECT tags FROM articles WHERE id = 'invoice-01-en'").fetchone()[0]
        assert json.loads(tags) == ["发票", "invoice", "电子发票"]
    finally:
        conn.close()


def test_context_file_lifts_logistics(db: Path, tmp_path: Path) -> None:
    context = tmp_path / "context.json"
    context.write_text(
        json.dumps(
            {
                "customer": {"id": "cu1", "name": "Ann", "locale": "en"},
                "orders": [
                    {
                        "id": "o1",
                        "order_no": "DD1",
                        "status": "shipped",
                        "currency": "CNY",
                        "total_minor": 100,
                        "shipment": {"status": "in_transit", "carrier": "SF", "tracking_no": "1"},
                    }
                ],
                "order_id": "o1",
            }
        ),
        encoding="utf-8",
    )
    data = suggest(db, "any update?", "--context", context)
    top = data["suggestions"][0]  # type: ignore[index]
    assert {"kind": "context", "order_no": "DD1", "state": "in_transit"} in top["why"]


def test_text_output_without_json(db: Path) -> None:
    done = knowledge("suggest", "--db", db, "尺码")
    assert done.stdout.startswith("scenario: size_advice")
    assert "1. " in done.stdout


def test_a_bad_line_names_its_number_and_imports_nothing(tmp_path: Path) -> None:
    lines = DEMO.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "knowledge.db"
    good = tmp_path / "good.jsonl"
    good.write_text("\n".join(lines[:10]) + "\n", encoding="utf-8")
    knowledge("import", good, "--db", path)
    for number, broken, message in [
        (4, "{not json", "line 4: not JSON"),
        (3, json.dumps({"id": "x", "title": "t", "body": "b", "scenario": "s", "tags": [],
                        "locale": "fr"}), "line 3: unknown locale 'fr'"),
        (2, json.dumps({"id": "x", "title": "t"}), "line 2: 'body' must be a string"),
        (5, lines[0], "line 5: id 'where_is_my_parcel-01-zh_CN' already on line 1"),
    ]:  # fmt: skip
        bad = tmp_path / "bad.jsonl"
        body = lines[10:20]
        body.insert(number - 1, broken)
        if number == 5:
            body = [lines[0], *lines[10:13], broken]
        bad.write_text("\n".join(body) + "\n", encoding="utf-8")
        done = knowledge("import", bad, "--db", path, check=False)
        assert done.returncode == 2
        assert message in done.stderr, done.stderr
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 10
            assert conn.execute("SELECT count(*) FROM knowledge_doc").fetchone()[0] == 10
        finally:
            conn.close()


def test_usage_errors(db: Path, tmp_path: Path) -> None:
    done = knowledge("suggest", "--db", db, "--json", "--locale", "fr_FR", "x", check=False)
    assert done.returncode == 2 and "unknown locale 'fr_FR'" in done.stderr
    done = knowledge("suggest", "--db", tmp_path / "missing.db", "--json", "x", check=False)
    assert done.returncode == 2 and "does not exist" in done.stderr
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    done = knowledge("suggest", "--db", empty, "--json", "x", check=False)
    assert done.returncode == 2 and "no knowledge index" in done.stderr
    bad_context = tmp_path / "context.json"
    bad_context.write_text("[1, 2", encoding="utf-8")
    done = knowledge("suggest", "--db", db, "--json", "--context", bad_context, "x", check=False)
    assert done.returncode == 2 and "not JSON" in done.stderr
    done = knowledge("import", tmp_path / "nope.jsonl", "--db", db, check=False)
    assert done.returncode == 2 and "cannot read" in done.stderr
    done = knowledge("suggest", "--db", db, "--k", "0", "x", check=False)
    assert done.returncode == 2 and "--k" in done.stderr


def test_import_into_a_client_cache_file(tmp_path: Path) -> None:
    from agent_desk.store.store import Store

    store = Store(tmp_path / "cache.db")
    store.close()
    knowledge("import", DEMO, "--db", tmp_path / "cache.db", "--json")
    reopened = Store(tmp_path / "cache.db")  # still a valid cache at the newest schema
    try:
        assert reopened.counts()["article"] == DEMO_COUNT
    finally:
        reopened.close()
