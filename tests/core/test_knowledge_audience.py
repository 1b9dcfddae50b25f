"""Whom an article is written for: a customer-facing answer (the default, and what records from
before audiences are) or internal guidance for agents; suggestions put the answers first."""

from __future__ import annotations

import pytest

from agent_desk.core.knowledge import Article, ArticleError, Suggestion, answers_first

BASE = {"id": "a1", "title": "t", "body": "b", "scenario": "s", "locale": "en"}


@pytest.mark.parametrize(
    ("given", "audience", "insertable"),
    [
        ({}, "customer", True),  # an import line or a record from before audiences
        ({"audience": None}, "customer", True),  # a cache row whose column is NULL
        ({"audience": "customer"}, "customer", True),
        ({"audience": "internal"}, "internal", False),
    ],
)
def test_the_audience_is_read_with_customer_as_the_default(
    given: dict[str, object], audience: str, insertable: bool
) -> None:
    article = Article.from_mapping(BASE | given)
    assert article.audience == audience
    assert article.insertable is insertable


@pytest.mark.parametrize("bad", ["agents", "Internal", "", 1, True, ["internal"]])
def test_an_unknown_audience_is_refused(bad: object) -> None:
    with pytest.raises(ArticleError, match="audience"):
        Article.from_mapping(BASE | {"audience": bad})


def _suggestion(article_id: str, audience: str) -> Suggestion:
    return Suggestion(article_id, article_id, "s", "en", 1.0, [], "", [], audience)


def test_answers_come_before_guidance_each_in_its_own_order() -> None:
    ranked = [
        _suggestion("g1", "internal"),
        _suggestion("a1", "customer"),
        _suggestion("g2", "internal"),
        _suggestion("a2", "customer"),
    ]
    assert [s.id for s in answers_first(ranked)] == ["a1", "a2", "g1", "g2"]
    only_guidance = [_suggestion("g1", "internal"), _suggestion("g2", "internal")]
    assert [s.id for s in answers_first(only_guidance)] == ["g1", "g2"]
    assert answers_first([]) == []
    assert _suggestion("g1", "internal").to_json()["audience"] == "internal"
