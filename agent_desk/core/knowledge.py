"""Knowledge suggestions, the pure part: text → terms, scenarios, ranking, placeholders.

Nothing here touches SQLite or Qt; ``agent_desk.store.knowledge`` keeps the full-text index and
calls these functions for everything that is about language rather than storage.

Terms. Text is normalised (NFKC, so full-width ``ＡＢＣ１２３？`` becomes ``ABC123?``; case folding;
Latin diacritics removed) and cut into *terms*, the same way for articles and for queries:

- a run of Latin letters and digits is a word; an apostrophe between letters is dropped
  (``isn't`` → ``isnt``) and words get a light English stemming (Porter's step 1 plus the final
  ``e``/double ``l`` of step 5: ``refunds``/``refunded`` → ``refund``, ``received`` → ``receiv``);
- a run of CJK characters (Han, kana, Hangul) becomes its overlapping character bigrams
  (``退款到账`` → ``退款 款到 到账``), a single character run its unigram. Chinese has no spaces and
  many key terms are two characters, so bigrams find ``退款`` wherever it is written, inside any
  sentence, without a dictionary; ``bench/knowledge_bench.py --tokenizers`` has the measurement;
- everything else (punctuation, emoji, symbols) separates terms.

The index stores the terms space-separated in an FTS5 table with the ``unicode61`` tokenizer, so
the index, the vocabulary, the scenario model and the highlighting all see the same terms.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import pairwise
from typing import Any

from agent_desk.core.money import currency_exponent, format_date, format_money, parse_moment

KNOWN_LOCALES: tuple[str, ...] = ("zh_CN", "zh_TW", "en")
"""The locales an article may be written in (the same as the app's translations)."""

CUSTOMER = "customer"
INTERNAL = "internal"
AUDIENCES: tuple[str, ...] = (CUSTOMER, INTERNAL)
"""Whom an article is written for: ``customer`` (an answer an agent may send as it is) or
``internal`` (guidance for agents: shown to them, never put into a reply)."""

MAX_TERM_CHARS = 64  # longer "words" are hashes, URLs, base64: never worth indexing

# --- normalisation and terms -----------------------------------------------------------------

_CJK = (
    "\u3040-\u30ff"  # hiragana, katakana
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uf900-\ufaff"  # compatibility ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\U00020000-\U0003134f"  # extensions B-G
)
_CJK_RUN = re.compile(f"[{_CJK}]+")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_WORD = re.compile(r"[^\W_]+")
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’](?=[^\W\d_])")
_DIACRITICS = re.compile("[\u0300-\u036f]+")
_LATIN_WORD = re.compile(r"[a-z]+")


def normalize(text: str) -> str:
    """NFKC (full-width → ASCII), case folding, Latin diacritics removed."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if not folded.isascii():
        folded = unicodedata.normalize(
            "NFC", _DIACRITICS.sub("", unicodedata.normalize("NFD", folded))
        )
    return folded


def is_cjk(char: str) -> bool:
    return _CJK_CHAR.match(char) is not None


def _vowel(word: str, i: int) -> bool:
    ch = word[i]
    if ch in "aeiou":
        return True
    return ch == "y" and i > 0 and not _vowel(word, i - 1)


def _measure(stem: str) -> int:
    """Porter's m: the number of vowel-consonant sequences in ``stem``."""
    m, i, n = 0, 0, len(stem)
    while i < n and not _vowel(stem, i):
        i += 1
    while i < n:
        while i < n and _vowel(stem, i):
            i += 1
        if i >= n:
            break
        while i < n and not _vowel(stem, i):
            i += 1
        m += 1
    return m


def _has_vowel(stem: str) -> bool:
    return any(_vowel(stem, i) for i in range(len(stem)))


def _double_consonant(word: str) -> bool:
    return len(word) >= 2 and word[-1] == word[-2] and not _vowel(word, len(word) - 1)


def _cvc(word: str) -> bool:
    n = len(word)
    return (
        n >= 3
        and not _vowel(word, n - 3)
        and _vowel(word, n - 2)
        and not _vowel(word, n - 1)
        and word[-1] not in "wxy"
    )


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Light English stemming: Porter's step 1 (plurals, -ed, -ing, y → i) and step 5.

    Only lowercase ASCII words of three or more letters are stemmed; anything else is returned
    as it is. The derivational steps 2-4 are left out on purpose: they conflate too much for
    short support texts (``general``/``generate``) and make misspellings harder to correct.
    """
    if len(word) <= 2 or not word.isascii() or not word.isalpha():
        return word
    w = word
    # step 1a
    if w.endswith("sses") or w.endswith("ies"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    # step 1b
    again = False
    if w.endswith("eed"):
        if _measure(w[:-3]) > 0:
            w = w[:-1]
    elif w.endswith("ed") and _has_vowel(w[:-2]):
        w, again = w[:-2], True
    elif w.endswith("ing") and _has_vowel(w[:-3]):
        w, again = w[:-3], True
    if again:
        if w.endswith(("at", "bl", "iz")):
            w += "e"
        elif _double_consonant(w) and w[-1] not in "lsz":
            w = w[:-1]
        elif _measure(w) == 1 and _cvc(w):
            w += "e"
    # step 1c
    if w.endswith("y") and _has_vowel(w[:-1]):
        w = w[:-1] + "i"
    # step 5a, 5b
    if w.endswith("e"):
        m = _measure(w[:-1])
        if m > 1 or (m == 1 and not _cvc(w[:-1])):
            w = w[:-1]
    if w.endswith("ll") and _measure(w) > 1:
        w = w[:-1]
    return w or word


def _word_term(word: str) -> str | None:
    if len(word) > MAX_TERM_CHARS:
        return None
    return stem(word)


def _cjk_terms(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


_TOKEN = re.compile(f"([{_CJK}]+)|([^\\W_{_CJK}]+)")


def terms(text: str) -> list[str]:
    """The index terms of ``text``, in order, with repeats (see the module docstring)."""
    normal = normalize(text)
    if "'" in normal or "’" in normal:
        normal = _APOSTROPHE.sub("", normal)
    out: list[str] = []
    for run, word in _TOKEN.findall(normal):
        if run:
            if len(run) == 1:
                out.append(run)
            else:
                out.extend([a + b for a, b in pairwise(run)])
        elif len(word) <= MAX_TERM_CHARS:
            out.append(stem(word))
    return out


def index_text(text: str) -> str:
    """What the FTS5 table stores for ``text``: its terms, space-separated."""
    return " ".join(terms(text))


@dataclass(frozen=True)
class Term:
    """One term of a text, with the span of the original text it came from."""

    term: str
    start: int
    end: int
    cjk: bool


@lru_cache(maxsize=4096)
def _normal_char(ch: str) -> str:
    return normalize(ch)


def terms_with_spans(text: str) -> list[Term]:
    """Like :func:`terms`, but each term knows where it is in ``text`` (for highlighting).

    Characters are normalised one at a time here, so this is slower than :func:`terms`; it is
    meant for the few articles shown, not for indexing.
    """
    normal_text, origin = _normal_with_origin(text)
    drop = {m.start() for m in _APOSTROPHE.finditer(normal_text)}
    if drop:
        kept = [i for i in range(len(normal_text)) if i not in drop]
        normal_text = "".join(normal_text[i] for i in kept)
        origin = [origin[i] for i in kept]
    out: list[Term] = []
    for run in re.finditer(f"[{_CJK}]+|[^\\W_{_CJK}]+", normal_text):
        s, chunk = run.start(), run.group()
        if is_cjk(chunk[0]):
            if len(chunk) == 1:
                out.append(Term(chunk, origin[s], origin[s] + 1, True))
                continue
            for i in range(len(chunk) - 1):
                out.append(Term(chunk[i : i + 2], origin[s + i], origin[s + i + 1] + 1, True))
        else:
            term = _word_term(chunk)
            if term is not None:
                out.append(Term(term, origin[s], origin[s + len(chunk) - 1] + 1, False))
    return out


def detect_language(text: str) -> str | None:
    """``"zh"``, ``"en"`` or None (no letters): the language a customer is writing in.

    Chinese wins when CJK characters are at least a quarter as many as Latin letters, so a
    Chinese sentence with an English word in it (``我的order还没到``) is Chinese.
    """
    cjk = len(_CJK_CHAR.findall(text))
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    if cjk == 0 and latin == 0:
        return None
    return "zh" if cjk > 0 and cjk * 4 >= latin else "en"


def locale_language(locale: str) -> str:
    """``zh_CN`` → ``zh``."""
    return locale.split("_", 1)[0].split("-", 1)[0].lower()


def language_locale(language: str) -> str:
    """The default locale of a detected language."""
    return {"zh": "zh_CN", "en": "en"}.get(language, language)


# --- misspellings ---------------------------------------------------------------------------


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of neighbours is one edit), capped at limit+1."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, prev2[j - 2] + 1)
            cur[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[-1], limit + 1)


def allowed_edits(word: str) -> int:
    """Edits a misspelled word may be away from the word meant: 1, or 2 from 7 letters on."""
    if len(word) < 4:
        return 0
    return 2 if len(word) >= 7 else 1


def _grams(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


class Speller:
    """Finds vocabulary words within a few edits of a word (for misspelled English queries).

    Candidates come from an inverted index of letter bigrams (a word within ``d`` edits shares
    all but at most ``3d`` of its padded bigrams with the other), and are then checked with
    :func:`edit_distance`. Only Latin words of three or more letters are indexed.
    """

    def __init__(self, vocabulary: Mapping[str, int]) -> None:
        self._df = {w: n for w, n in vocabulary.items() if len(w) >= 3 and _is_latin(w)}
        self._by_gram: dict[str, list[str]] = {}
        for word in self._df:
            for gram in _grams(word):
                self._by_gram.setdefault(gram, []).append(word)

    def __len__(self) -> int:
        return len(self._df)

    def corrections(self, surface: str, term: str, limit: int = 3) -> list[str]:
        """Vocabulary terms near ``term`` (the stem of ``surface``), nearest and commonest first.

        The allowed distance comes from the length of what the customer typed (``surface``).
        """
        edits = allowed_edits(surface)
        if edits == 0 or not _is_latin(term):
            return []
        grams = _grams(term)
        shared: Counter[str] = Counter()
        for gram in grams:
            shared.update(self._by_gram.get(gram, ()))
        found: list[tuple[int, int, str]] = []
        for word, common in shared.items():
            if abs(len(word) - len(term)) > edits:
                continue
            if common < max(len(word), len(term)) + 1 - 3 * edits:
                continue
            distance = edit_distance(term, word, edits)
            if 0 < distance <= edits:
                found.append((distance, -self._df[word], word))
        found.sort()
        if not found:
            return []
        nearest = found[0][0]
        return [w for d, _n, w in found if d == nearest][:limit]


def _is_latin(word: str) -> bool:
    return _LATIN_WORD.fullmatch(word) is not None


# --- articles and suggestions ------------------------------------------------------------------


class ArticleError(ValueError):
    """An article record is not usable (missing field, wrong type, unknown locale)."""


@dataclass(frozen=True)
class Usage:
    """How agents used an article: inserted into a reply, marked helpful or not helpful."""

    inserted: int = 0
    helpful: int = 0
    not_helpful: int = 0


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    body: str
    scenario: str
    tags: tuple[str, ...] = ()
    locale: str = "zh_CN"
    status: str = "published"
    version: int = 1
    usage: Usage = field(default_factory=Usage)
    audience: str = CUSTOMER

    @property
    def insertable(self) -> bool:
        """May go into a reply to the customer (internal guidance never does)."""
        return self.audience == CUSTOMER

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Article:
        """An article from its JSON shape (the import file's line, or a cache row).

        ``tags`` may be a list or a JSON-encoded list (as the cache stores it). Raises
        :class:`ArticleError` naming what is wrong.
        """
        if not isinstance(data, Mapping):
            raise ArticleError("an article must be a JSON object")
        for name in ("id", "title", "body", "scenario", "locale"):
            value = data.get(name)
            if not isinstance(value, str):
                raise ArticleError(f"{name!r} must be a string")
            if name in ("id", "scenario", "locale") and not value.strip():
                raise ArticleError(f"{name!r} must not be empty")
        locale = str(data["locale"])
        if locale not in KNOWN_LOCALES:
            raise ArticleError(f"unknown locale {locale!r} (known: {', '.join(KNOWN_LOCALES)})")
        tags = data.get("tags", [])
        if isinstance(tags, str):
            try:
                tags = json.loads(tags)
            except ValueError as exc:
                raise ArticleError("'tags' is not a JSON list") from exc
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ArticleError("'tags' must be a list of strings")
        status = data.get("status", "published")
        if not isinstance(status, str):
            raise ArticleError("'status' must be a string")
        version = data.get("version", 1)
        if not isinstance(version, int) or isinstance(version, bool):
            raise ArticleError("'version' must be an integer")
        audience = data.get("audience")
        if audience is None:  # written before articles had an audience: a customer answer
            audience = CUSTOMER
        if audience not in AUDIENCES:
            raise ArticleError(f"'audience' must be one of: {', '.join(AUDIENCES)}")
        usage = data.get("usage") or {}
        if not isinstance(usage, Mapping):
            raise ArticleError("'usage' must be an object")
        counts = {
            "inserted": usage.get("inserted", data.get("inserted_count", 0)),
            "helpful": usage.get("helpful", data.get("helpful_count", 0)),
            "not_helpful": usage.get("not_helpful", data.get("not_helpful_count", 0)),
        }
        for name, count in counts.items():
            if not isinstance(count, int) or isinstance(count, bool) or count < 0:
                raise ArticleError(f"usage {name!r} must be a non-negative integer")
        return cls(
            id=str(data["id"]),
            title=str(data["title"]),
            body=str(data["body"]),
            scenario=str(data["scenario"]),
            tags=tuple(tags),
            locale=locale,
            status=status,
            version=version,
            usage=Usage(**counts),
            audience=str(audience),
        )


@dataclass(frozen=True)
class Suggestion:
    """One suggested (or found) article.

    ``why`` holds short machine-readable reasons the UI translates, each a dict with a ``kind``:
    ``matched`` (``terms`` as written in the article, ``field``: title, tags or body),
    ``spelling`` (``typed``, ``read_as``), ``scenario`` (``scenario``, ``confidence``),
    ``context`` (``order_no``, ``state``, optionally ``cue``), ``locale`` (``locale``),
    ``usage`` (``helpful``, ``inserted``, ``not_helpful``). ``snippet`` is plain text from the
    body around the best match (at most 160 characters); ``matched`` the matched text as it
    appears in the article, for highlighting. ``audience``: see :data:`AUDIENCES`.
    """

    id: str
    title: str
    scenario: str
    locale: str
    score: float
    why: list[dict[str, Any]]
    snippet: str
    matched: list[str]
    audience: str = CUSTOMER

    @property
    def insertable(self) -> bool:
        return self.audience == CUSTOMER

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "scenario": self.scenario,
            "locale": self.locale,
            "audience": self.audience,
            "score": round(self.score, 4),
            "why": self.why,
            "snippet": self.snippet,
            "matched": self.matched,
        }


def answers_first(suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    """Customer-facing answers before internal guidance, each group in its own order.

    Guidance stays among the suggestions (the agent reads it), but the first suggestion, the
    one an agent inserts without looking further, is always an answer when there is one.
    """
    ranked = list(suggestions)
    return [s for s in ranked if s.insertable] + [s for s in ranked if not s.insertable]


@dataclass(frozen=True)
class SuggestResult:
    suggestions: list[Suggestion]
    scenario: str | None
    confidence: float
    scores: list[tuple[str, float]] = field(default_factory=list)
    locale: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "suggestions": [s.to_json() for s in self.suggestions],
            "scenario": self.scenario,
            "confidence": round(self.confidence, 4),
            "scenario_scores": [[name, round(p, 4)] for name, p in self.scores],
            "locale": self.locale,
        }


# --- the scenario model ----------------------------------------------------------------------

TITLE_WEIGHT = 3.0
TAGS_WEIGHT = 3.0
BODY_WEIGHT = 1.0


def weighted_terms(
    title: Iterable[str], tags: Iterable[str], body: Iterable[str]
) -> dict[str, float]:
    """Term weights of an article's terms: title and tags count three times the body."""
    counts: dict[str, float] = {}
    for field_terms, weight in ((title, TITLE_WEIGHT), (tags, TAGS_WEIGHT), (body, BODY_WEIGHT)):
        for term in field_terms:
            counts[term] = counts.get(term, 0.0) + weight
    return counts


def training_terms(article: Article) -> dict[str, float]:
    """What an article teaches the scenario model (see :func:`weighted_terms`)."""
    return weighted_terms(terms(article.title), terms(" ".join(article.tags)), terms(article.body))


@dataclass(frozen=True)
class ScenarioPrediction:
    scenario: str | None
    confidence: float
    scores: list[tuple[str, float]]


class ScenarioModel:
    """Multinomial naive Bayes over the index terms, learned from the articles themselves.

    Each scenario is a class; its term counts are the :func:`training_terms` of its articles
    (whatever the scenarios are called: the model knows only what the articles say). Query terms
    are weighted by their inverse document frequency in the index, so words every article uses
    (``您好``, ``order``) say little, and the log-likelihoods are divided by a temperature that
    grows with the square root of the query weight, which keeps long messages from producing
    absurdly certain posteriors. Scenarios have equal priors: a company with many invoice
    articles does not make every message an invoice question. ``predict`` gives None below
    ``threshold``.
    """

    def __init__(
        self,
        counts: Mapping[str, Mapping[str, float]],
        *,
        smoothing: float = 7.0,
        threshold: float = 0.2,
        temperature: float = 0.5,
    ) -> None:
        self.threshold = threshold
        self.temperature = temperature
        self.scenarios = sorted(name for name, c in counts.items() if c)
        vocabulary: set[str] = set()
        for name in self.scenarios:
            vocabulary.update(counts[name])
        self._vocabulary_size = max(1, len(vocabulary))
        self._counts = {name: dict(counts[name]) for name in self.scenarios}
        self._totals = {name: float(sum(counts[name].values())) for name in self.scenarios}
        # Laplace smoothing relative to the data: the pseudo-count per term is ``smoothing``
        # times an average scenario's mass per vocabulary term, so the model behaves the same
        # for 100 articles or 50,000. Strong smoothing (the prior outweighs the data) makes a
        # term count for being typical of a scenario more than for being frequent in it.
        mean_total = sum(self._totals.values()) / max(1, len(self.scenarios))
        self.alpha = max(1e-3, smoothing * mean_total / self._vocabulary_size)
        # log P(term | scenario) of a term the scenario never uses, and for each term the
        # scenarios that do use it with how much more likely it is there (a sparse table: a
        # prediction costs the number of (term, scenario) pairs that occur, not terms x scenarios)
        self._unseen: dict[str, float] = {}
        self._lift: dict[str, dict[str, float]] = {}
        for name in self.scenarios:
            self._tabulate(name, self._counts[name])

    def _tabulate(self, name: str, terms_changed: Iterable[str]) -> None:
        denominator = self._totals[name] + self.alpha * self._vocabulary_size
        unseen = math.log(self.alpha / denominator)
        changed_unseen = self._unseen.get(name) != unseen
        self._unseen[name] = unseen
        counts = self._counts[name]
        # the denominator moved: every gain of this scenario changes, not only the new terms'
        for term in counts if changed_unseen else terms_changed:
            count = counts.get(term)
            if count is None:
                continue
            self._lift.setdefault(term, {})[name] = (
                math.log((count + self.alpha) / denominator) - unseen
            )
        for term in terms_changed:
            if term not in counts:
                row = self._lift.get(term)
                if row is not None:
                    row.pop(name, None)
                    if not row:
                        del self._lift[term]

    def update(self, changes: Mapping[str, Mapping[str, float]]) -> None:
        """Add weighted term counts per scenario (negative to take articles away).

        For a few changed articles: only the scenarios touched are re-tabulated, and the
        smoothing stays as it was computed (a full rebuild of the model recomputes it).
        """
        for name, delta in changes.items():
            counts = self._counts.setdefault(name, {})
            for term, weight in delta.items():
                value = counts.get(term, 0.0) + weight
                if value > 1e-6:
                    counts[term] = value
                else:
                    counts.pop(term, None)
            self._totals[name] = float(sum(counts.values()))
            if not counts:
                del self._counts[name]
                del self._totals[name]
                self._unseen.pop(name, None)
                for term in delta:
                    row = self._lift.get(term)
                    if row is not None:
                        row.pop(name, None)
                        if not row:
                            del self._lift[term]
                continue
            self._tabulate(name, delta)
        self.scenarios = sorted(self._counts)

    def __contains__(self, term: str) -> bool:
        return term in self._lift

    def log_likelihood(self, scenario: str, term: str) -> float:
        denominator = self._totals[scenario] + self.alpha * self._vocabulary_size
        return math.log((self._counts[scenario].get(term, 0.0) + self.alpha) / denominator)

    def predict(self, weighted: Mapping[str, float]) -> ScenarioPrediction:
        """The scenario of a text given as term → weight (e.g. count x idf)."""
        known = {t: w for t, w in weighted.items() if t in self._lift and w > 0}
        if not self.scenarios or not known:
            return ScenarioPrediction(None, 0.0, [])
        mass = sum(known.values())
        temperature = self.temperature * max(1.0, math.sqrt(mass))
        sums = {name: mass * unseen for name, unseen in self._unseen.items()}
        for term, weight in known.items():
            for name, gain in self._lift.get(term, {}).items():
                sums[name] += weight * gain
        logits = {name: value / temperature for name, value in sums.items()}
        top = max(logits.values())
        exp = {name: math.exp(v - top) for name, v in logits.items()}
        total = sum(exp.values())
        ranked = sorted(((name, e / total) for name, e in exp.items()), key=lambda p: -p[1])
        best, confidence = ranked[0]
        return ScenarioPrediction(
            best if confidence >= self.threshold else None, confidence, ranked[:5]
        )


# --- the customer's context -----------------------------------------------------------------

LOGISTICS_PLACEHOLDERS = frozenset({"carrier", "tracking_no", "eta"})
REFUND_PLACEHOLDERS = frozenset({"refund_amount"})
_IN_TRANSIT = {"label_created", "in_transit", "out_for_delivery", "exception"}

# Generic words for "it arrived broken": a lexical cue about the goods, not about any scenario
# name. What they lift is learned: articles that use {refund_amount}, and the scenario the
# scenario model reads into these very words.
DAMAGE_CUES_ZH = (
    "破损", "损坏", "坏了", "摔坏", "压坏", "碎了", "破了", "裂了", "裂开", "划痕", "变形", "漏液",
    "瑕疵", "有坏", "坏的",
)  # fmt: skip
DAMAGE_CUES_EN = frozenset(
    stem(w)
    for w in (
        "damaged", "damage", "broken", "broke", "cracked", "crack", "shattered", "smashed",
        "dented", "scratched", "scratch", "torn", "leaking", "defective", "faulty", "crushed",
    )
)  # fmt: skip
DAMAGE_PROBE = "破损 损坏 坏了 damaged broken cracked"


def _get(obj: Any, key: str) -> Any:
    if obj is None:
        return None
    if isinstance(obj, Mapping):
        return obj.get(key)
    return getattr(obj, key, None)


def _shipment(order: Any) -> Any:
    shipment = _get(order, "shipment")
    if isinstance(shipment, str):  # the cache keeps it JSON-encoded
        try:
            shipment = json.loads(shipment)
        except ValueError:
            return None
    return shipment


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return str(getattr(value, "value", value))


@dataclass(frozen=True)
class Context:
    """What the agent's screen knows about the customer: the 360 and their orders.

    Shapes are the protocol's (``CustomerData``, ``OrderData``) as dicts or models; only a few
    fields are read: ``customer.name``/``locale``, ``order.order_no``/``status``/``currency``/
    ``total_minor``/``payment.refunded_minor`` and ``order.shipment`` ``status``/``carrier``/
    ``tracking_no``/``eta``.
    """

    customer: Any = None
    orders: Sequence[Any] = ()
    order_id: str | None = None
    scenario: str | None = None  # the scenario detected in the conversation, if any

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Context:
        if not isinstance(data, Mapping):
            raise ValueError("the context must be a JSON object")
        customer = data.get("customer")
        orders = data.get("orders") or []
        order_id = data.get("order_id")
        if customer is not None and not isinstance(customer, Mapping):
            raise ValueError("'customer' must be an object")
        if not isinstance(orders, list) or not all(isinstance(o, Mapping) for o in orders):
            raise ValueError("'orders' must be a list of objects")
        if order_id is not None and not isinstance(order_id, str):
            raise ValueError("'order_id' must be a string")
        scenario = data.get("scenario")
        if scenario is not None and not isinstance(scenario, str):
            raise ValueError("'scenario' must be a string")
        return cls(customer=customer, orders=tuple(orders), order_id=order_id, scenario=scenario)

    def customer_locale(self) -> str | None:
        locale = _get(self.customer, "locale")
        return str(locale) if locale else None

    def order(self, text: str = "") -> Any:
        """The order the conversation is about.

        The selected one (``order_id``); else one whose number the text mentions; else the one
        the scenario points to (:func:`scenario_order`: the refunded order for "where is my
        refund"); else the most recently placed one.
        """
        if not self.orders:
            return None
        if self.order_id is not None:
            for order in self.orders:
                if _get(order, "id") == self.order_id or _get(order, "order_no") == self.order_id:
                    return order
        folded = normalize(text)
        for order in self.orders:
            number = _get(order, "order_no")
            if number and normalize(str(number)) in folded:
                return order
        pointed = scenario_order(self.orders, self.scenario)
        if pointed is not None:
            return pointed
        return max(self.orders, key=lambda o: str(_get(o, "placed_at") or ""))


# Which of the customer's orders a scenario is about, when the agent chose none and the
# conversation names none. Scenario ids are the shipped knowledge base's (``server/demo``); a
# company's own scenario this table does not know points nowhere (the latest order is used).
ORDER_FOCUS: dict[str, str] = {
    "refund_status": "refunded",
    "where_is_my_parcel": "on_its_way",
    "delivery_delay": "on_its_way",
    "cancel_order": "not_shipped",
    "damaged_item": "delivered",
    "return_exchange": "delivered",
}
_REFUNDED_STATES = {"refunded", "partially_refunded"}
_CLOSED_STATES = {"cancelled", "refunded"}


def _has_refund(order: Any) -> bool:
    refunded = _get(_payment(order), "refunded_minor")
    if isinstance(refunded, int) and refunded > 0:
        return True
    return _text(_get(order, "status")) in _REFUNDED_STATES


def _on_its_way(order: Any) -> bool:
    ship_state = _text(_get(_shipment(order), "status"))
    return ship_state in _IN_TRANSIT or (
        _text(_get(order, "status")) == "shipped" and ship_state in (None, "not_shipped")
    )


def _not_shipped(order: Any) -> bool:
    if _text(_get(order, "status")) in _CLOSED_STATES | {"shipped", "delivered"}:
        return False
    return _text(_get(_shipment(order), "status")) in (None, "not_shipped", "label_created")


def _delivered(order: Any) -> bool:
    ship_state = _text(_get(_shipment(order), "status"))
    return ship_state == "delivered" or (
        ship_state is None and _text(_get(order, "status")) == "delivered"
    )


_FOCUS: dict[str, tuple[Callable[[Any], bool], Callable[[Any], Any]]] = {
    # focus: (which orders qualify, when each one last moved that way)
    "refunded": (
        _has_refund,
        lambda o: _get(_payment(o), "refunded_at") or _get(o, "placed_at"),
    ),
    "on_its_way": (_on_its_way, lambda o: _get(o, "placed_at")),
    "not_shipped": (_not_shipped, lambda o: _get(o, "placed_at")),
    "delivered": (
        _delivered,
        lambda o: _get(_shipment(o), "delivered_at") or _get(o, "placed_at"),
    ),
}


def case_scenario(detected: str | None, answered: str | None = None) -> str | None:
    """The scenario that decides which order the case is about: the scenario of the answer the
    agent inserted, when it points to a kind of order (their choice of answer says what the case
    is about, whatever the model read), else the one detected in the conversation."""
    return answered if answered in ORDER_FOCUS else detected


def scenario_order(orders: Sequence[Any], scenario: str | None) -> Any:
    """The order ``scenario`` points to among ``orders``, or None.

    "Where is my refund" (``refund_status``): the most recently refunded order (a refunded
    amount on its payment, or a refunded status). Parcel and delay questions: the most recent
    order on its way. Cancelling: the most recent order not shipped yet (nor closed). Damaged
    items and returns: the most recently delivered order. Other scenarios, or no order of that
    kind: None.
    """
    focus = ORDER_FOCUS.get(scenario or "")
    if focus is None:
        return None
    qualifies, when = _FOCUS[focus]
    found = [o for o in orders if qualifies(o)]
    if not found:
        return None
    return max(found, key=lambda o: str(when(o) or ""))


@dataclass(frozen=True)
class ContextSignal:
    """A fact from the context that lifts some articles (see :func:`context_signals`)."""

    kind: str  # "logistics" | "damage" | "refund" | "cancel"
    order_no: str
    state: str
    cue: str | None = None

    def evidence(self) -> list[str]:
        """Terms this fact adds to the scenario model's input (what such articles contain).

        The logistics placeholders, and for damage the damage words and the refund
        placeholder: a placeholder is written into the articles that need it, so the model has
        learned which scenarios use it.
        """
        if self.kind == "logistics":
            return terms("{carrier} {tracking_no} {eta}")
        if self.kind == "refund":
            return terms(REFUND_PROBE + " {refund_amount}")
        if self.kind == "cancel":
            return terms(CANCEL_PROBE)
        return terms(DAMAGE_PROBE + " {refund_amount}")

    def reason(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": "context", "order_no": self.order_no, "state": self.state}
        if self.cue:
            out["cue"] = self.cue
        return out


# Generic words for "where is my money": with an order that was refunded, a question about that
# refund, not about the parcel the latest order is.
REFUND_CUES_ZH = ("退款", "退钱", "退的钱", "钱退", "到账", "退回来")
REFUND_CUES_EN = frozenset(stem(w) for w in ("refund", "refunded", "reimbursement", "reimbursed"))
REFUND_PROBE = "退款 到账 refund"


CANCEL_CUES_ZH = ("取消", "不想要了", "不要了", "退单")
CANCEL_PROBE = "取消订单 cancel order"
CANCEL_CUES_EN = frozenset(stem(w) for w in ("cancel", "cancelled", "canceled", "cancellation"))


def _first_cue(text: str, chinese: Iterable[str], english: frozenset[str]) -> str | None:
    """The first cue of a kind in the text: a Chinese phrase it contains, or an English word
    whose stem is one of ``english``."""
    folded = normalize(text)
    for cue in chinese:
        if cue in folded:
            return cue
    for word in _WORD.findall(folded):
        if stem(word) in english:
            return str(word)
    return None


def cancel_cue(text: str) -> str | None:
    """The first "I don't want it any more" word in the text, if any."""
    return _first_cue(text, CANCEL_CUES_ZH, CANCEL_CUES_EN)


def refund_cue(text: str) -> str | None:
    """The first "my money back" word in the text, if any."""
    found = _first_cue(text, REFUND_CUES_ZH, REFUND_CUES_EN)
    return found or ("money back" if "money back" in normalize(text) else None)


def damage_cue(text: str) -> str | None:
    """The first "it arrived broken" word in the text, if any."""
    return _first_cue(text, DAMAGE_CUES_ZH, DAMAGE_CUES_EN)


def context_signals(context: Context | None, text: str) -> list[ContextSignal]:
    """Generic facts of the order that make some answers more likely, whatever the scenarios.

    - An order on its way (shipment ``label_created``, ``in_transit``, ``out_for_delivery`` or
      ``exception``, or an order ``shipped`` without a shipment state) is a *logistics* signal:
      articles whose body uses ``{carrier}``, ``{tracking_no}`` or ``{eta}`` are lifted.
    - A delivered order and a damage word in the text (破损, 坏了, broken, damaged, …) is a
      *damage* signal: articles that use ``{refund_amount}`` and articles of the scenario the
      scenario model reads into damage words are lifted.
    - A refund word (退款, 到账, refund, …) without a damage word, and an order that was
      refunded (the one the case is about, else the latest refunded one), is a *refund* signal:
      the question is about that money, not about whatever the latest order is doing; articles
      that use ``{refund_amount}`` are lifted, and no logistics signal is read.
    - A cancel word (取消, 不要了, cancel, …) and an order not shipped yet is a *cancel* signal:
      the customer wants out of the order ("还没发货的话帮我取消" is not a dispatch question); its
      evidence is the cancelling words, and no logistics signal is read.
    """
    if context is None:
        return []
    order = context.order(text)
    if order is None:
        return []
    money = refund_cue(text)
    if money is not None and damage_cue(text) is None:
        refunded = order if _has_refund(order) else scenario_order(context.orders, "refund_status")
        if refunded is not None:
            number = str(_get(refunded, "order_no") or _get(refunded, "id") or "")
            return [ContextSignal("refund", number, "refunded", money)]
    number = str(_get(order, "order_no") or _get(order, "id") or "")
    shipment = _shipment(order)
    ship_state = _text(_get(shipment, "status"))
    order_state = _text(_get(order, "status"))
    signals: list[ContextSignal] = []
    on_its_way = ship_state in _IN_TRANSIT or (
        order_state == "shipped" and ship_state in (None, "not_shipped")
    )
    cancelling = cancel_cue(text)
    if cancelling is not None and ship_state in (None, "not_shipped", "label_created"):
        signals.append(ContextSignal("cancel", number, ship_state or "not_shipped", cancelling))
    elif on_its_way and cancelling is None:
        signals.append(ContextSignal("logistics", number, ship_state or "shipped"))
    delivered = ship_state == "delivered" or order_state == "delivered"
    cue = damage_cue(text) if delivered else None
    if cue is not None:
        signals.append(ContextSignal("damage", number, "delivered", cue))
    return signals


# --- ranking ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RankWeights:
    """How much each signal adds to an article's relevance (relevance is 0..1, best = 1)."""

    title: float = 4.0  # bm25 column weights
    tags: float = 2.5
    body: float = 1.0
    spelling: float = 0.6  # a corrected word counts this much of a word typed right
    scenario: float = 0.8  # x the posterior of the article's scenario
    locale: float = 0.5  # the article is in the customer's language
    usage: float = 0.08  # x a bounded log score of helpful / inserted / not helpful
    context_evidence: float = 0.5  # weight of each context term in the scenario model's input
    logistics: float = 0.5  # a shipment on its way and the article uses logistics placeholders
    damage_refund: float = 0.3  # a delivered order reported damaged and the article refunds
    refund: float = 0.4  # a refund asked about, the order was refunded, the article says how much
    damage_scenario: float = 0.3  # ... and the article is of the scenario damage words suggest
    candidates: int = 50  # how many bm25 hits are re-ranked


def usage_score(usage: Usage) -> float:
    """-1..1: helpful and inserted count up, not helpful down, each log-scaled."""
    raw = (
        math.log1p(usage.helpful) + 0.5 * math.log1p(usage.inserted) - math.log1p(usage.not_helpful)
    )
    return max(-1.0, min(1.0, raw / math.log1p(100)))


def placeholders(body: str) -> set[str]:
    return {m.group(1) for m in _PLACEHOLDER.finditer(body)}


# --- snippets and highlighting ---------------------------------------------------------------


_LATIN_RUN = re.compile(f"[^\\W_{_CJK}]+(?:['’][^\\W_{_CJK}]+)*")


def _normal_with_origin(text: str) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, where it came from in ``text``."""
    whole = normalize(text)
    if len(whole) == len(text):
        return whole, list(range(len(text)))
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        normal = _normal_char(ch)
        chars.extend(normal)
        origin.extend([i] * len(normal))
    return "".join(chars), origin


def match_spans(text: str, wanted: Iterable[str]) -> list[tuple[int, int]]:
    """Where the terms in ``wanted`` occur in ``text``; overlapping spans merged.

    CJK terms are found as substrings of the normalised text, Latin terms word by word (an
    inflected form matches its stem: ``refunds`` for ``refund``).
    """
    targets = set(wanted)
    if not targets:
        return []
    normal, origin = _normal_with_origin(text)
    spans: list[tuple[int, int]] = []
    latin: set[str] = set()
    for term in targets:
        if not is_cjk(term[0]):
            latin.add(term)
            continue
        start = normal.find(term)
        while start != -1:
            spans.append((origin[start], origin[start + len(term) - 1] + 1))
            start = normal.find(term, start + 1)
    if latin:
        for match in _LATIN_RUN.finditer(normal):
            word = match.group().replace("'", "").replace("’", "")
            if _word_term(word) in latin:
                spans.append((origin[match.start()], origin[match.end() - 1] + 1))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def surfaces(text: str, spans: Iterable[tuple[int, int]]) -> list[str]:
    """The distinct texts of ``spans`` in order of first appearance."""
    seen: dict[str, None] = {}
    for start, end in spans:
        seen.setdefault(text[start:end], None)
    return list(seen)


SNIPPET_CHARS = 160


def snippet(body: str, spans: Sequence[tuple[int, int]], limit: int = SNIPPET_CHARS) -> str:
    """A plain-text excerpt of ``body`` of at most ``limit`` characters around the best match.

    The window holding the most matched spans wins (the earliest among equals); it starts a
    little before its first match; an ellipsis marks each cut end.
    """
    flat = " ".join(body.split())
    if len(flat) <= limit:
        return flat
    if spans and flat != body:
        spans = match_spans(flat, _terms_at(body, spans))
    best_start = 0
    if spans:
        best_count = -1
        for start, _end in spans:
            count = sum(1 for s, e in spans if s >= start and e <= start + limit - 2)
            if count > best_count:
                best_count, best_start = count, start
        best_start = max(0, best_start - 20)
    window = limit - (1 if best_start == 0 else 2)
    end = min(len(flat), best_start + window)
    if end == len(flat):
        best_start = max(0, len(flat) - (limit - 1))
    text = flat[best_start:end] if end < len(flat) else flat[best_start:]
    prefix = "…" if best_start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    out = prefix + text + suffix
    return out[:limit]


def _terms_at(text: str, spans: Iterable[tuple[int, int]]) -> set[str]:
    out: set[str] = set()
    for start, end in spans:
        out.update(terms(text[start:end]))
    return out


# --- placeholders ------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """Where the ``{placeholders}`` are in a text (to mark them for the agent)."""
    return [m.span() for m in _PLACEHOLDER.finditer(text)]


def unfilled_placeholders(text: str) -> list[str]:
    """The ``{placeholders}`` left in a reply, in order, each once: a reply with one would
    show the customer a template's gap (the composer refuses to send it; so does the server)."""
    return list(dict.fromkeys(m.group(0) for m in _PLACEHOLDER.finditer(text)))


@dataclass(frozen=True)
class Unfilled:
    """A placeholder left as written; ``start``/``end`` are its span in the filled text."""

    name: str
    start: int
    end: int


@dataclass(frozen=True)
class ReplyWarning:
    """Something in a reply that is probably wrong for this case: the agent looks before sending.

    ``kind`` is :data:`PAST_DATE` (a date already past where the reply promises one, such as a
    filled ``{eta}`` the shipment has outlived) or :data:`AMOUNT` (money that is neither the
    order's total, nor what was paid, nor what was refunded). ``text`` is as written in the
    reply, ``start``/``end`` its span there. A warning, not a refusal: the agent may know better.
    """

    kind: str
    text: str
    start: int
    end: int


PAST_DATE = "past_date"
AMOUNT = "amount"


@dataclass(frozen=True)
class Filled:
    text: str
    unfilled: list[Unfilled]
    warnings: list[ReplyWarning] = field(default_factory=list)


def placeholder_values(customer: Any, order: Any, *, locale: str | None = None) -> dict[str, str]:
    """The placeholder values the customer and order give (missing ones are absent)."""
    values: dict[str, str] = {}
    name = _get(customer, "name")
    if name:
        values["customer_name"] = str(name)
    locale = locale or _text(_get(customer, "locale"))
    if order is not None:
        number = _get(order, "order_no")
        if number:
            values["order_no"] = str(number)
        currency = _get(order, "currency")
        total = _get(order, "total_minor")
        if isinstance(currency, str) and isinstance(total, int):
            values["order_total"] = format_money(total, currency)
        payment = _get(order, "payment")
        if isinstance(payment, str):
            try:
                payment = json.loads(payment)
            except ValueError:
                payment = None
        refunded = _get(payment, "refunded_minor")
        if isinstance(currency, str) and isinstance(refunded, int) and refunded > 0:
            values["refund_amount"] = format_money(refunded, currency)
        shipment = _shipment(order)
        for key in ("carrier", "tracking_no"):
            value = _get(shipment, key)
            if value:
                values[key] = str(value)
        eta = format_date(_get(shipment, "eta"), locale)
        if eta:
            values["eta"] = eta
    return values


def fill(
    body: str,
    customer: Any = None,
    order: Any = None,
    *,
    locale: str | None = None,
    extra: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> Filled:
    """Fill an answer's ``{placeholders}`` from the customer (360) and the selected order.

    Known names: ``{customer_name}``, ``{order_no}``, ``{carrier}``, ``{tracking_no}``, ``{eta}``
    (a date, written for ``locale`` or the customer's locale), ``{refund_amount}`` (the order's
    refunded money, when there is one), ``{order_total}``; ``extra`` adds or overrides values
    (e.g. a refund amount the agent just decided). Any ``{name}`` without a value is kept as
    written and reported with its span in the filled text, for the UI to highlight. An
    ``{eta}`` filled from a shipment whose estimate is already past (before ``now``'s day; now
    when not given) is reported in ``warnings``: the customer would be promised yesterday.
    """
    values = placeholder_values(customer, order, locale=locale)
    if extra:
        values.update(extra)
    eta_past = False
    if "eta" in values and not (extra and "eta" in extra):
        eta_day = _day(_get(_shipment(order), "eta"))
        eta_past = eta_day is not None and eta_day < (now or datetime.now(UTC)).date()
    warnings: list[ReplyWarning] = []
    out: list[str] = []
    unfilled: list[Unfilled] = []
    length = 0
    last = 0
    for match in _PLACEHOLDER.finditer(body):
        before = body[last : match.start()]
        out.append(before)
        length += len(before)
        name = match.group(1)
        value = values.get(name)
        if value is None:
            value = match.group(0)
            unfilled.append(Unfilled(name, length, length + len(value)))
        elif name == "eta" and eta_past:
            warnings.append(ReplyWarning(PAST_DATE, value, length, length + len(value)))
        out.append(value)
        length += len(value)
        last = match.end()
    out.append(body[last:])
    return Filled("".join(out), unfilled, warnings)


# --- facts in a reply that may be wrong ------------------------------------------------------


def _day(value: Any) -> date | None:
    """The calendar day of a datetime, a date or ISO text (the day ``format_date`` writes)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    moment = parse_moment(value)
    return moment.date() if moment is not None else None


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = f"({'|'.join(_MONTHS)})[a-z]*\\.?"
# the dates format_date writes (2026年12月3日, 3 Dec 2026), and the other common ways to write one
_DATES = (
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"), "ymd"),
    (re.compile(rf"\b(\d{{1,2}})\s+{_MONTH},?\s+(\d{{4}})\b", re.IGNORECASE), "dmy"),
    (
        re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE),
        "mdy",
    ),
    (re.compile(r"(?<![\d.])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.])"), "ymd"),
)
# words that make a date a promise ("arriving by …", "预计 … 送达"), looked for in the same
# sentence just before or after it
_PROMISE_ZH = ("预计", "预期", "之前", "以前", "前送达", "前到", "前发", "前寄", "前完成", "会在",
               "将在", "将于", "会于", "届时", "最晚", "最迟")  # fmt: skip
_PROMISE_EN = re.compile(
    r"\b(by|before|until|within|estimated?|expected|expect|eta|arriv\w*|will|should|due|"
    r"scheduled)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[。！？!?;；\n]|\.(?:\s|$)")
_BEFORE_CHARS, _AFTER_CHARS = 28, 12


def _found_dates(text: str) -> list[tuple[int, int, date]]:
    found: list[tuple[int, int, date]] = []
    taken: list[tuple[int, int]] = []
    for pattern, order in _DATES:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            a, b, c = match.groups()
            try:
                if order == "ymd":
                    day = date(int(a), int(b), int(c))
                elif order == "dmy":
                    day = date(int(c), _MONTHS.index(b.lower()) + 1, int(a))
                else:
                    day = date(int(c), _MONTHS.index(a.lower()) + 1, int(b))
            except ValueError:  # 2026年2月30日: not a date
                continue
            taken.append((start, end))
            found.append((start, end, day))
    return found


def _promised(text: str, start: int, end: int) -> bool:
    """Whether the sentence around ``text[start:end]`` promises it (a future date is meant)."""
    before = text[max(0, start - _BEFORE_CHARS) : start]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    after = text[end : end + _AFTER_CHARS]
    cut = _SENTENCE_END.search(after)
    if cut:
        after = after[: cut.start()]
    near = before + " " + after
    return any(cue in near for cue in _PROMISE_ZH) or _PROMISE_EN.search(near) is not None


_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MONEY = re.compile(
    rf"(?<![A-Za-z])(?P<sign>US\$|HK\$|NT\$|RMB|CNY|USD|[¥￥$€£])\s?(?P<a>{_NUMBER})"
    rf"|(?P<b>{_NUMBER})\s?(?P<code>CNY|USD|RMB)(?![A-Za-z])"
)
_SIGN_CURRENCIES: dict[str, frozenset[str]] = {
    "¥": frozenset({"CNY", "RMB", "JPY"}),
    "￥": frozenset({"CNY", "RMB", "JPY"}),
    "RMB": frozenset({"CNY", "RMB"}),
    "CNY": frozenset({"CNY", "RMB"}),
    "$": frozenset({"USD"}),
    "US$": frozenset({"USD"}),
    "USD": frozenset({"USD"}),
    "HK$": frozenset({"HKD"}),
    "NT$": frozenset({"TWD"}),
    "€": frozenset({"EUR"}),
    "£": frozenset({"GBP"}),
}


def _payment(order: Any) -> Any:
    payment = _get(order, "payment")
    if isinstance(payment, str):  # the cache keeps it JSON-encoded
        try:
            payment = json.loads(payment)
        except ValueError:
            return None
    return payment


def order_amounts(order: Any) -> set[int]:
    """The order's money a reply may name, in minor units: total, paid and refunded."""
    payment = _payment(order)
    amounts = {
        value
        for value in (
            _get(order, "total_minor"),
            _get(payment, "paid_minor"),
            _get(payment, "refunded_minor"),
        )
        if isinstance(value, int) and not isinstance(value, bool) and value > 0
    }
    return amounts


def _minor(number: str, currency: str) -> int | None:
    try:
        value = Decimal(number.replace(",", "")) * (10 ** currency_exponent(currency))
    except InvalidOperation:
        return None
    return int(value) if value == value.to_integral_value() else None


def reply_warnings(
    text: str, order: Any, now: datetime, *, known_minor: Iterable[int] = ()
) -> list[ReplyWarning]:
    """What in a reply is probably wrong for the case's order, in text order (the one rule the
    composer applies when an answer is inserted and before a reply is sent).

    - A date before ``now``'s day that the sentence promises (``预计 … 送达``, ``arriving by …``,
      ``the current estimate is …``): the customer would be told to wait for yesterday. Dates as
      ``format_date`` writes them (``2026年12月3日``, ``3 Dec 2026``), ``Dec 3, 2026`` and ISO.
    - Money written with a currency sign or code (``¥699.00``, ``$12.50``, ``699 CNY``, as
      ``format_money`` writes it) that is not in the order's currency, or is none of the order's
      total, paid and refunded amounts nor one of ``known_minor`` (e.g. a refund just asked for).
      Without an order, amounts are not checked.
    """
    warnings: list[ReplyWarning] = []
    today = now.date()
    for start, end, day in _found_dates(text):
        if day < today and _promised(text, start, end):
            warnings.append(ReplyWarning(PAST_DATE, text[start:end], start, end))
    currency = _get(order, "currency") if order is not None else None
    if isinstance(currency, str) and currency:
        currency = currency.upper()
        allowed = order_amounts(order) | {k for k in known_minor if k > 0}
        for match in _MONEY.finditer(text):
            sign = match.group("sign") or match.group("code")
            number = match.group("a") or match.group("b")
            minor = _minor(number, currency)
            if currency in _SIGN_CURRENCIES.get(sign, frozenset()) and minor in allowed:
                continue
            warnings.append(ReplyWarning(AMOUNT, match.group(0), *match.span()))
    warnings.sort(key=lambda w: w.start)
    return warnings
