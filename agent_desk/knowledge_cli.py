"""`agent-desk knowledge …`: import articles into a knowledge index and ask it for suggestions.

    agent-desk knowledge import FILE.jsonl --db PATH
    agent-desk knowledge suggest --db PATH --json [--k 5] [--context FILE.json] [--locale L] TEXT

No Qt and no server: the index is the same one the desktop client keeps in its cache
(:class:`agent_desk.store.knowledge.KnowledgeIndex`). ``import`` reads one article per line
(``{"id", "title", "body", "scenario", "tags", "locale"}``; optional ``status``, ``version``,
``usage`` and ``audience``: ``"customer"``, the default, for an answer agents may send, or
``"internal"`` for guidance to agents that is never put into a reply), checks every line
before writing anything, and then adds or replaces the articles in one transaction: the
``articles`` table (the cache's schema) and the index. ``PATH`` may be a client cache file.
``suggest`` prints ``{"suggestions": [{"id", "scenario", "audience", "score", "why", …}],
"scenario": …}``, customer-facing answers before internal guidance.

Exit codes: 0 done; 2 usage error, unreadable or invalid input (nothing imported).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from agent_desk.core.knowledge import KNOWN_LOCALES, Article, ArticleError, Context
from agent_desk.store import schema
from agent_desk.store.knowledge import KnowledgeIndex

EXIT_OK, EXIT_USAGE = 0, 2


class CliError(Exception):
    """A problem with the command's input, said in one line."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="agent-desk knowledge", description="Knowledge index: import and suggest."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    imp = commands.add_parser("import", help="add or replace articles from a JSONL file")
    imp.add_argument("file", type=Path, help="one article per line (JSON)")
    imp.add_argument("--db", type=Path, required=True, help="SQLite file (created if missing)")
    imp.add_argument("--json", action="store_true", help="print one JSON object")
    sug = commands.add_parser("suggest", help="suggest articles for a customer's text")
    sug.add_argument("text", help="what the customer wrote (the last messages)")
    sug.add_argument("--db", type=Path, required=True, help="SQLite file with the index")
    sug.add_argument("--json", action="store_true", help="print one JSON object")
    sug.add_argument("--k", type=int, default=5, help="how many suggestions (default 5)")
    sug.add_argument("--context", type=Path, help="JSON: {customer, orders, order_id}")
    sug.add_argument("--locale", help=f"prefer this locale ({', '.join(KNOWN_LOCALES)})")
    return parser


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA busy_timeout=5000")
    return conn


def read_articles(path: Path) -> list[Article]:
    """Every article of a JSONL file, or a :class:`CliError` naming the first bad line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"cannot read {path}: {exc}") from exc
    articles: list[Article] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CliError(f"{path}: line {number}: not JSON ({exc.msg})") from exc
        try:
            article = Article.from_mapping(data)
        except ArticleError as exc:
            raise CliError(f"{path}: line {number}: {exc}") from exc
        if article.id in seen:
            raise CliError(
                f"{path}: line {number}: id {article.id!r} already on line {seen[article.id]}"
            )
        seen[article.id] = number
        articles.append(article)
    return articles


def import_articles(path: Path, db: Path) -> dict[str, Any]:
    """Check the whole file, then write the ``articles`` rows and the index in one transaction."""
    articles = read_articles(path)
    conn = _connect(db)
    try:
        schema.migrate(conn)
        columns = {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
        index = KnowledgeIndex(conn)
        conn.execute("BEGIN IMMEDIATE")
        try:
            index.ensure_schema()
            for article in articles:
                _write_article(conn, article, columns)
            changed = index.upsert(articles)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return {"imported": len(articles), "changed": changed, "indexed": index.count()}
    finally:
        conn.close()


def _write_article(conn: sqlite3.Connection, article: Article, columns: set[str]) -> None:
    row: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "body": article.body,
        "scenario": article.scenario,
        "tags": json.dumps(list(article.tags), ensure_ascii=False),
        "locale": article.locale,
        "status": article.status,
        "version": article.version,
        "inserted_count": article.usage.inserted,
        "helpful_count": article.usage.helpful,
        "not_helpful_count": article.usage.not_helpful,
        "audience": article.audience,
    }
    names = [n for n in row if n in columns]
    updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != "id")
    conn.execute(
        f"INSERT INTO articles ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)}) "  # noqa: S608
        f"ON CONFLICT (id) DO UPDATE SET {updates}",
        [row[n] for n in names],
    )


def read_context(path: Path) -> Context:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"cannot read {path}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise CliError(f"{path}: not JSON ({exc.msg}, line {exc.lineno})") from exc
    try:
        return Context.from_json(data)
    except ValueError as exc:
        raise CliError(f"{path}: {exc}") from exc


def suggest(args: argparse.Namespace) -> dict[str, Any]:
    if args.k < 1:
        raise CliError("--k must be at least 1")
    if args.locale is not None and args.locale not in KNOWN_LOCALES:
        raise CliError(f"unknown locale {args.locale!r} (known: {', '.join(KNOWN_LOCALES)})")
    if not args.db.exists():
        raise CliError(f"{args.db} does not exist (run `agent-desk knowledge import` first)")
    context = read_context(args.context) if args.context else None
    conn = _connect(args.db)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if "knowledge_doc" not in tables:
            raise CliError(f"{args.db} has no knowledge index (run `agent-desk knowledge import`)")
        index = KnowledgeIndex(conn)
        result = index.suggest(args.text, k=args.k, context=context, locale=args.locale)
        data = result.to_json()
        if args.json:
            # the fixed evaluation interface: exactly these two keys at the top
            return {"suggestions": data["suggestions"], "scenario": data["scenario"]}
        return data
    finally:
        conn.close()


def _print_suggestions(data: dict[str, Any]) -> None:
    scenario = data["scenario"] or "-"
    print(f"scenario: {scenario} ({data['confidence']:.2f})")
    for i, s in enumerate(data["suggestions"], start=1):
        print(f"{i}. {s['title']}  [{s['id']} · {s['scenario']} · {s['score']:.3f}]")
        print(f"   {s['snippet']}")
        kinds = ", ".join(w["kind"] for w in s["why"])
        print(f"   why: {kinds}")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        if args.command == "import":
            report = import_articles(args.file, args.db)
            if args.json:
                print(json.dumps(report, sort_keys=True))
            else:
                print(
                    f"imported {report['imported']} articles ({report['changed']} changed); "
                    f"{report['indexed']} in the index"
                )
            return EXIT_OK
        data = suggest(args)
    except CliError as exc:
        print(f"agent-desk knowledge: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except sqlite3.DatabaseError as exc:
        print(f"agent-desk knowledge: {args.db}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        _print_suggestions(data)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
