"""The knowledge index over real SQLite files: what it finds, why, and how it stays current."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from agent_desk.core.knowledge import Article, Context, Usage, terms
from agent_desk.store.knowledge import KnowledgeIndex
from agent_desk.store.store import Store

DEMO = Path(__file__).resolve().parent.parent / "data" / "knowledge" / "demo_articles.jsonl"
LOGISTICS = ("{carrier}", "{tracking_no}", "{eta}")


def demo_articles() -> list[Article]:
    with DEMO.open(encoding="utf-8") as fh:
        return [Article.from_mapping(json.loads(line)) for line in fh if line.strip()]


ARTICLES = demo_articles()
BY_ID = {a.id: a for a in ARTICLES}


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


@pytest.fixture
def index(tmp_path: Path) -> Iterator[KnowledgeIndex]:
    conn = connect(tmp_path / "knowledge.db")
    built = KnowledgeIndex(conn)
    built.ensure_schema()
    built.rebuild(ARTICLES)
    yield built
    conn.close()


def in_transit_context() -> Context:
    return Context.from_json(
        {
            "customer": {"id": "cu1", "name": "Ann Lee", "locale": "en"},
            "orders": [
                {
                    "id": "o1",
                    "order_no": "DD20251101",
                    "customer_id": "cu1",
                    "status": "shipped",
                    "currency": "CNY",
                    "total_minor": 19_900,
                    "placed_at": "2025-11-01T10:00:00Z",
                    "shipment": {
                        "status": "in_transit",
                        "carrier": "SF Express",
                        "tracking_no": "SF100200300",
                        "eta": "2025-11-05T18:00:00Z",
                    },
                }
            ],
        }
    )


def test_two_character_chinese_queries_find_their_articles(index: KnowledgeIndex) -> None:
    for query, scenario in (("退款", "refund_status"), ("物流", None), ("尺码", "size_advice")):
        result = index.suggest(query)
        assert len(result.suggestions) == 5, query
        for s in result.suggestions:
            article = BY_ID[s.id]
            assert query in article.title + article.body + "".join(article.tags), (query, s.id)
            assert s.locale == "zh_CN"
            assert query in s.matched
        if scenario:
            assert result.scenario == scenario
            assert result.suggestions[0].scenario == scenario


def test_refund_queries_put_refund_articles_first(index: KnowledgeIndex) -> None:
    zh = index.suggest("退款")
    assert zh.suggestions[0].scenario == "refund_status"
    assert "退款" in zh.suggestions[0].title
    en = index.suggest("refnd")
    assert en.scenario == "refund_status"
    top = en.suggestions[0]
    assert top.locale == "en" and "refund" in top.title.lower()
    assert {"kind": "spelling", "typed": "refnd", "read_as": "refund"} in top.why
    assert any("refund" in m.lower() for m in top.matched)
    for s in en.suggestions[:3]:
        assert "refund" in (s.title + BY_ID[s.id].body).lower()


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("I haven't recieved my parcel", "receiv"), ("wrong delivery adress", "address")],
)
def test_misspellings_count_as_the_words_meant(
    index: KnowledgeIndex, typed: str, meant: str
) -> None:
    result = index.suggest(typed)
    spelled = [w for s in result.suggestions for w in s.why if w["kind"] == "spelling"]
    assert any(w["read_as"] == meant for w in spelled)


def test_mixed_language_and_full_width(index: KnowledgeIndex) -> None:
    mixed = index.suggest("我的order还没到，物流信息在哪里查")
    assert mixed.locale == "zh_CN"
    assert mixed.suggestions[0].locale == "zh_CN"
    assert mixed.scenario in ("where_is_my_parcel", "delivery_delay")
    wide = index.suggest("ＲＥＦＵＮＤ ｔｉｍｅｓ")
    assert wide.suggestions[0].id == "refund_status-01-en"


def test_reasons_say_why(index: KnowledgeIndex) -> None:
    result = index.suggest("退款多久到账")
    top = result.suggestions[0]
    kinds = [w["kind"] for w in top.why]
    assert "matched" in kinds and "locale" in kinds
    title_match = next(w for w in top.why if w["kind"] == "matched" and w["field"] == "title")
    assert set(title_match["terms"]) <= set(top.matched)
    for term in title_match["terms"]:
        assert term in top.title
    scenario = next(w for w in top.why if w["kind"] == "scenario")
    assert scenario == {
        "kind": "scenario",
        "scenario": result.scenario,
        "confidence": round(result.confidence, 3),
    }
    assert {"kind": "locale", "locale": "zh_CN"} in top.why
    for s in result.suggestions:
        assert len(s.snippet) <= 160
        assert all(m in BY_ID[s.id].title + " · ".join(BY_ID[s.id].tags) + BY_ID[s.id].body
                   for m in s.matched)  # fmt: skip
        json.dumps(s.to_json(), ensure_ascii=False)  # JSON all the way down


def test_locale_follows_the_text_then_the_argument(index: KnowledgeIndex) -> None:
    assert index.suggest("refund times").suggestions[0].locale == "en"
    assert index.suggest("退款").suggestions[0].locale == "zh_CN"
    forced = index.suggest("refund", locale="zh_CN")
    assert forced.locale == "zh_CN"
    assert forced.suggestions[0].locale == "zh_CN"  # its English tag "refund" matches


def test_an_order_in_transit_lifts_logistics_answers(index: KnowledgeIndex) -> None:
    plain = index.suggest("any update?")
    lifted = index.suggest("any update?", context=in_transit_context())
    top = lifted.suggestions[0]
    assert any(p in BY_ID[top.id].body for p in LOGISTICS)
    assert {"kind": "context", "order_no": "DD20251101", "state": "in_transit"} in top.why
    ids = [s.id for s in lifted.suggestions]
    refunds = [i for i in ids if BY_ID[i].scenario == "refund_status"]
    for refund in refunds:
        assert ids.index(refund) > 0
    # without the order, the same words are not about logistics in particular
    assert plain.suggestions[0].id != top.id or plain.scenario != lifted.scenario
    assert lifted.scenario in ("where_is_my_parcel", "delivery_delay")


def test_a_delivered_order_reported_broken_lifts_damage_answers(index: KnowledgeIndex) -> None:
    context = Context.from_json(
        {
            "orders": [
                {
                    "id": "o2",
                    "order_no": "DD2",
                    "status": "delivered",
                    "currency": "CNY",
                    "total_minor": 5_000,
                    "shipment": {"status": "delivered", "carrier": "YTO"},
                }
            ]
        }
    )
    for text in ("坏了", "it's broken"):
        result = index.suggest(text, context=context)
        top = result.suggestions[0]
        assert top.scenario == "damaged_item", text
        assert any(w["kind"] == "context" and w["state"] == "delivered" for w in top.why)


def test_a_refund_asked_about_is_not_read_as_the_latest_parcel(index: KnowledgeIndex) -> None:
    """ "Where is my refund?" from a customer whose latest order is on its way and an older one
    was refunded: a question about that money (issue 14: it was read as "where is my parcel")."""
    data = json.loads(json.dumps(in_transit_context().orders[0]))
    older = {
        **data,
        "id": "o0",
        "order_no": "DD20251020",
        "status": "partially_refunded",
        "placed_at": "2025-10-20T10:00:00Z",
        "payment": {"paid_minor": 19_900, "refunded_minor": 5_000},
        "shipment": {"status": "delivered", "carrier": "SF Express"},
    }
    context = Context.from_json({"customer": {"locale": "en"}, "orders": [data, older]})
    for text in ("Hi, where is my refund?", "我的退款怎么还没到账？"):
        result = index.suggest(text, context=context)
        assert result.scenario == "refund_status", text
        top = result.suggestions[0]
        assert "{refund_amount}" in BY_ID[top.id].body, text
        assert any(
            (w["kind"], w.get("order_no"), w.get("state")) == ("context", "DD20251020", "refunded")
            for w in top.why
        ), top.why
    # the parcel question stays a parcel question
    assert index.suggest("where is my parcel?", context=context).scenario != "refund_status"


def test_cancelling_an_order_not_shipped_is_not_a_dispatch_question(index: KnowledgeIndex) -> None:
    """ "还没发货的话帮我取消" names dispatch; with an order not shipped it is a cancellation."""
    order = json.loads(json.dumps(in_transit_context().orders[0]))
    order.update(status="paid", shipment={"status": "label_created"})
    context = Context.from_json({"orders": [order]})
    for text in ("订单 DD20251101 我不想要了，还没发货的话帮我取消吧", "Please cancel my order"):
        result = index.suggest(text, context=context)
        assert result.scenario == "cancel_order", (text, result.scores[:2])
        assert not any(
            w.get("state") == "label_created" and "cue" not in w for w in result.suggestions[0].why
        ), "no logistics lift"


def test_usage_lifts_an_article_and_says_so(index: KnowledgeIndex) -> None:
    before = [s.id for s in index.suggest("退款").suggestions]
    last = before[-1]
    for _ in range(40):
        index.record_usage(last, "helpful")
    index.record_usage(last, "inserted")
    after = index.suggest("退款").suggestions
    moved = next(s for s in after if s.id == last)
    assert [s.id for s in after].index(last) < before.index(last)
    assert {"kind": "usage", "helpful": 40, "inserted": 1, "not_helpful": 0} in moved.why
    with pytest.raises(ValueError, match="usage kind"):
        index.record_usage(last, "loved")


def test_search_box_matches_prefixes_and_ignores_the_scenario(index: KnowledgeIndex) -> None:
    found = index.search("refu")
    assert found and all("refu" in (s.title + BY_ID[s.id].body).lower() for s in found[:5])
    invoices = index.search("发票", k=20)
    assert len(invoices) >= 10
    assert all("发票" in BY_ID[s.id].title + BY_ID[s.id].body + "".join(BY_ID[s.id].tags)
               for s in invoices)  # fmt: skip
    assert index.search("") == []
    assert index.search("😀") == []


def test_baseline_is_plain_bm25(index: KnowledgeIndex) -> None:
    ids = index.baseline("退款多久到账", k=3)
    assert len(ids) == 3 and all(i in BY_ID for i in ids)
    assert index.baseline("") == []


def test_long_text_is_cut_not_choked_on(index: KnowledgeIndex) -> None:
    text = ("随便说点什么 " * 150_000) + "我的退款到账了吗"
    result = index.suggest(text)
    assert any("退款" in s.matched for s in result.suggestions)
    assert index.suggest("").suggestions == []
    assert index.suggest("😀🎉").suggestions == []


def test_renamed_scenarios_are_detected_the_same(tmp_path: Path) -> None:
    names = sorted({a.scenario for a in ARTICLES})
    rename = {name: f"S-{i + 1:02d}" for i, name in enumerate(names)}
    conn = connect(tmp_path / "renamed.db")
    renamed = KnowledgeIndex(conn)
    renamed.ensure_schema()
    renamed.rebuild(dataclasses.replace(a, scenario=rename[a.scenario]) for a in ARTICLES)
    original = KnowledgeIndex(connect(tmp_path / "original.db"))
    original.ensure_schema()
    original.rebuild(ARTICLES)
    for text in ("退款", "refnd", "怎么开发票", "my coupon code does not work", "收到的杯子破损了"):
        a, b = original.suggest(text), renamed.suggest(text)
        assert b.scenario == (rename[a.scenario] if a.scenario else None), text
        assert [s.id for s in a.suggestions] == [s.id for s in b.suggestions]


def test_upsert_delete_and_unchanged_articles(index: KnowledgeIndex) -> None:
    assert index.count() == len(ARTICLES)
    same = BY_ID["invoice-01-en"]
    assert index.upsert([dataclasses.replace(same, usage=Usage(helpful=2))]) == 0
    new = Article(
        id="kb-new",
        title="Gift wrapping for presents",
        body="We wrap any order in recycled paper for free; choose gift wrap at checkout.",
        scenario="gift_wrap",
        tags=("gift", "wrap"),
        locale="en",
    )
    assert index.upsert([new]) == 1
    found = index.suggest("can you gift wrap it")
    assert found.suggestions[0].id == "kb-new"
    assert found.scenario == "gift_wrap"  # learned from one article
    edited = dataclasses.replace(new, title="Gift wrapping and greeting notes", version=2)
    assert index.upsert([edited]) == 2  # out with the old terms, in with the new
    assert index.search("greeting")[0].id == "kb-new"
    assert index.upsert([dataclasses.replace(edited, status="retired")]) == 1
    assert index.count() == len(ARTICLES)
    assert all(s.id != "kb-new" for s in index.search("gift wrap"))
    assert index.delete(["invoice-01-en", "nope"]) == 1
    assert index.count() == len(ARTICLES) - 1
    assert all(s.id != "invoice-01-en" for s in index.search("发票 invoice", k=50))


def test_caches_follow_changes_made_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    writer = KnowledgeIndex(connect(path))
    writer.ensure_schema()
    writer.rebuild(ARTICLES[:100])
    reader = KnowledgeIndex(connect(path))
    assert all(s.scenario != "invoice" for s in reader.suggest("发票").suggestions)  # none yet
    writer.upsert(ARTICLES[100:])
    assert reader.suggest("发票").scenario == "invoice"
    # the writer kept its caches current in place; a fresh index agrees with it
    fresh = KnowledgeIndex(connect(path))
    assert dict(writer.vocabulary) == dict(fresh.vocabulary)
    for text in ("退款", "refnd", "物流", "发票"):
        assert [s.id for s in writer.suggest(text).suggestions] == [
            s.id for s in fresh.suggest(text).suggestions
        ]


def test_a_rolled_back_write_leaves_no_trace(index: KnowledgeIndex) -> None:
    index.suggest("发票")
    conn = index.conn
    conn.execute("BEGIN IMMEDIATE")
    index.delete([a.id for a in ARTICLES if a.scenario == "invoice"])
    conn.execute("ROLLBACK")
    assert index.count() == len(ARTICLES)
    assert index.suggest("发票").scenario == "invoice"


def test_term_scheme_change_reindexes(tmp_path: Path) -> None:
    conn = connect(tmp_path / "old.db")
    old = KnowledgeIndex(conn)
    old.ensure_schema()
    old.rebuild(ARTICLES)
    conn.execute("UPDATE knowledge_meta SET value = '0' WHERE key = 'terms_version'")
    again = KnowledgeIndex(conn)
    again.ensure_schema()
    assert again.count() == len(ARTICLES)
    assert again.suggest("退款").suggestions[0].scenario == "refund_status"
    assert set(again.vocabulary) == {t for a in ARTICLES for t in terms(
        f"{a.title} {' '.join(a.tags)} {a.body}")}  # fmt: skip


def _article_row(article: Article, **changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "id": article.id,
        "title": article.title,
        "body": article.body,
        "scenario": article.scenario,
        "tags": list(article.tags),
        "locale": article.locale,
        "status": "published",
        "version": 1,
        "updated_at": "2025-11-01T00:00:00Z",
    }
    row.update(changes)
    return row


def test_built_from_the_cache_articles_table(tmp_path: Path) -> None:
    store = Store(tmp_path / "cache.db")
    with store.transaction() as tx:
        for article in ARTICLES:
            tx.write("article", _article_row(article))
        tx.write("article", _article_row(ARTICLES[0], id="draft-1", status="draft"))
    index = KnowledgeIndex(store.conn)
    index.ensure_schema()
    assert index.rebuild_from_table() == len(ARTICLES)
    assert index.suggest("退款").suggestions[0].scenario == "refund_status"
    # sync changes a few rows: the change-set's ids bring the index up to date
    with store.transaction() as tx:
        tx.write(
            "article",
            _article_row(
                BY_ID["invoice-01-en"], title="Invoices for gift cards", version=2, helpful_count=9
            ),
        )
        tx.update("article", "invoice-02-en", status="retired")
        tx.delete("article", "invoice-03-en")
        tx.write("article", _article_row(ARTICLES[0], id="draft-1", status="published"))
    changed = index.update_from_table(
        ["invoice-01-en", "invoice-02-en", "invoice-03-en", "draft-1"]
    )
    assert changed == 5  # one re-indexed (out + in), two gone, one new
    assert index.count() == len(ARTICLES) - 1  # +1 published draft, -2
    hit = index.search("gift cards")[0]
    assert hit.id == "invoice-01-en"
    assert any(w["kind"] == "usage" and w["helpful"] == 9 for w in hit.why)
    # usage only: counts follow without re-indexing
    with store.transaction() as tx:
        tx.update("article", "invoice-01-en", helpful_count=11)
    assert index.refresh_from_table() == 0
    hit = index.search("gift cards")[0]
    assert any(w["kind"] == "usage" and w["helpful"] == 11 for w in hit.why)
    # a full diff finds what a missed change-set left behind
    with store.transaction() as tx:
        tx.delete("article", "invoice-04-en")
        tx.write(
            "article", _article_row(BY_ID["invoice-05-en"], title="Merged invoices", version=3)
        )
    assert index.refresh_from_table() == 3
    assert index.search("merged")[0].id == "invoice-05-en"
    store.close()


def test_a_bad_cache_row_is_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = Store(tmp_path / "cache.db")
    with store.transaction() as tx:
        tx.write("article", _article_row(ARTICLES[0]))
        tx.write("article", _article_row(ARTICLES[1], id="bad", locale="xx_YY"))
    index = KnowledgeIndex(store.conn)
    index.ensure_schema()
    assert index.rebuild_from_table() == 1
    assert any("bad" in r.getMessage() for r in caplog.records)
    store.close()


test_a_bad_cache_row_is_skipped_with_a_warning = pytest.mark.allow_log_warnings(
    test_a_bad_cache_row_is_skipped_with_a_warning
)


def test_out_of_the_box_baseline_cannot_read_chinese_sentences(index: KnowledgeIndex) -> None:
    assert index.baseline("refund times", k=1, tokenizer="unicode61") == ["refund_status-01-en"]
    # a Chinese sentence is one unicode61 "word": nothing has it
    assert index.baseline("我的退款到账了吗", tokenizer="unicode61") == []
    assert index.baseline("我的退款到账了吗")  # our terms find it
    with pytest.raises(ValueError, match="tokenizer"):
        index.baseline("x", tokenizer="jieba")
