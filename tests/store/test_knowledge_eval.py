"""The labelled evaluation set (bench/knowledge_eval.py): the suggestions must beat plain FTS5
BM25 on the same index, on the part tuned on and on the part held out, and detect the scenario
of most utterances."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import knowledge_eval


@pytest.fixture(scope="module")
def scores() -> dict[str, knowledge_eval.Score]:
    conn = sqlite3.connect(":memory:")
    try:
        return knowledge_eval.evaluate(knowledge_eval.load_index(conn))
    finally:
        conn.close()


@pytest.mark.parametrize("part", ["tune", "held_out"])
def test_suggestions_beat_the_bm25_baseline(scores, part: str) -> None:
    s = scores[part]
    assert s.n >= 90
    assert s.top3 > s.base_top3, (s.top3, s.base_top3)
    assert s.top1 >= s.base_top1, (s.top1, s.base_top1)
    assert s.top3_lenient > s.base_top3_lenient


@pytest.mark.parametrize("part", ["tune", "held_out"])
def test_the_scenario_of_most_utterances_is_detected(scores, part: str) -> None:
    assert scores[part].rate("scenario") >= 0.7
