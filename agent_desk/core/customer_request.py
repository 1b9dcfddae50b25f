"""What the customer asks: the most informative of their recent messages (the queue row's text).

While they wait, customers write "在吗？", "hello?", "好的，麻烦快一点", "thanks": the last message
says little about the case. :func:`customer_request` picks, from the customer's recent messages,
the one that says the most. A message earns a point for each of: it names an order (or a
tracking number), it has a problem or product word (refund, 尺码, broken…), it is long enough once
greetings, fillers and acknowledgements are taken out. The highest total wins, the newest among
equals; a message with no point is not "real content". With none, the conversation's subject.

The caller gives only what the customer wrote (inbound messages): agent replies, internal notes
and system lines never count. Pure: no I/O, the same on every side that shows a queue.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

RECENT_MESSAGES = 8  # the customer's last few messages: older ones are the case's history
REQUEST_CHARS = 120  # what a queue row shows at most
LONG_ENOUGH = 12  # content units (a Chinese character 1, a word 2): the message says something

# An order or tracking number: a short letter prefix and 4+ digits (SO-1234, DD202610244862,
# SF9731200416466) or 8+ digits; not a phone's last four digits or "20000mAh".
_ORDER = re.compile(
    r"(?<![A-Za-z0-9])(?:#?[A-Za-z]{1,4}-?\d{4,}|\d{8,})(?![A-Za-z0-9])", re.IGNORECASE
)
_PIECES = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+(?:['’][a-z]+)?")

# Greetings, fillers, acknowledgements, nudges and particles (Chinese), longest first when matched.
_ZH_FILLER_WORDS = (
    "在吗 在么 在不在 有人吗 有人在吗 人呢 还在吗 你好 您好 你们好 哈喽 嗨 亲 亲亲 客服 "
    "请问 好的 好吧 好 嗯嗯 嗯 哦 噢 喔 行 可以 收到 知道了 明白了 明白 了解 谢谢 谢啦 谢 "
    "多谢 感谢 辛苦了 辛苦 麻烦了 麻烦 快点 快一点 快些 尽快 赶紧 回复 回个话 处理 一下 "
    "帮忙 挺急的 很急 着急 急 查到了吗 查到没 有结果了吗 有结果吗 怎么样了 怎么没人回复 "
    "怎么没人理 没人理 没人回 等了好久 好久 等着 等等 再等等 稍等 那我 那 我 的 了 吗 呢 "
    "吧 啊 呀 哈 哇 啦 么 嘛 喂 在 等 再 太好了 效率真高 应该的 没问题 对 是的 是 不客气"
)
_ZH_FILLERS = frozenset(_ZH_FILLER_WORDS.split())
# one pass, left to right, the longest filler first at each place (what is left is content)
_ZH_FILLER = re.compile("|".join(re.escape(w) for w in sorted(_ZH_FILLERS, key=len, reverse=True)))
_EN_FILLERS = frozenset(
    {
        "hi", "hello", "hey", "hiya", "there", "ok", "okay", "k", "kk", "thanks", "thank", "thx",
        "ty", "you", "cheers", "great", "perfect", "cool", "nice", "alright", "right", "sure",
        "yes", "yeah", "yep", "no", "nope", "please", "pls", "plz", "any", "update", "updates",
        "news", "luck", "still", "is", "are", "am", "anyone", "anybody", "someone", "somebody",
        "hurry", "get", "back", "to", "me", "soon", "asap", "it's", "its", "it", "a", "bit",
        "urgent", "following", "follow", "up", "on", "this", "been", "waiting", "wait", "while",
        "i", "i'm", "i'll", "will", "just", "that", "works", "for", "the", "quick", "help",
        "fingers", "crossed", "appreciate", "so", "well", "oh", "hmm", "good", "morning",
        "afternoon", "evening", "dear", "sir", "madam", "team", "support", "there's", "u", "r",
        "lol", "very", "much", "again", "now", "here", "got", "received", "understood", "fine",
    }
)  # fmt: skip
# Words of a problem or a product: a message with one says what the case is about.
_ZH_PROBLEM_WORDS = (
    "订单 单号 物流 快递 包裹 发货 送到 到货 没到 没收到 收不到 签收 配送 派送 退款 退货 "
    "差价 换货 换 尺码 码数 大小 偏大 偏小 破损 坏 损坏 碎 质量 故障 维修 保修 售后 发票 "
    "开票 取消 地址 优惠券 优惠 活动 折扣 价格 降价 支付 付款 扣款 扣了 退回 登录 验证码 "
    "账号 密码 现货 库存 颜色 型号 尺寸 充电 蓝牙 屏幕 漏发 少发 错发 发错 运费 漏 丢"
)
_ZH_PROBLEM = re.compile("|".join(re.escape(w) for w in _ZH_PROBLEM_WORDS.split()))
_EN_PROBLEM = re.compile(
    r"\b(?:order|parcel|packag|tracking|track|ship|deliver|arriv|courier|refund|return|"
    r"exchang|swap|size|fit|small|large|big|damag|broke|crack|defect|fault|stopped|invoice|"
    r"receipt|vat|cancel|address|coupon|promo|discount|voucher|price|sale|payment|pay|paid|"
    r"charg|card|login|log in|password|account|verif|warranty|repair|stock|material|colou?r|"
    r"battery|screen\b|missing|wrong|lost|item|product)",
)

_ORDER_WORDS = re.compile(r"订单号?|单号|\border(?: number| no\.?)?\b")


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _zh_content(run: str) -> int:
    """Characters of a Chinese run that are not fillers (matched longest first, anywhere)."""
    return len(_ZH_FILLER.sub("", run))


def content_units(text: str) -> int:
    """How much ``text`` says once greetings, fillers, acknowledgements and order numbers are
    taken out: a Chinese character counts 1, another word 2."""
    units = 0
    for piece in _PIECES.findall(_ORDER.sub(" ", _normal(text))):
        if piece[0] >= "\u3400":
            units += _zh_content(piece)
        elif piece.replace("’", "'") not in _EN_FILLERS:
            units += 2
    return units


def is_filler(text: str) -> bool:
    """Nothing but greetings, fillers, acknowledgements or nudges ("在吗？", "ok", "hello?")."""
    return content_units(text) == 0 and not _ORDER.search(text)


@dataclass(frozen=True, slots=True)
class Weight:
    """What a message says: each true field is one point (:attr:`points`)."""

    order: bool  # names an order or tracking number
    problem: bool  # has a problem or product word
    long: bool  # long enough without its fillers

    @property
    def points(self) -> int:
        return int(self.order) + int(self.problem) + int(self.long)


@lru_cache(maxsize=4096)  # a row is weighed twice (the request, then what is new)
def weigh(text: str) -> Weight:
    normal = _normal(text)
    order = _ORDER.search(normal) is not None
    if order:  # "订单号是 DD…": the number already says it is about an order
        normal = _ORDER_WORDS.sub(" ", _ORDER.sub(" ", normal))
    return Weight(
        order=order,
        problem=_ZH_PROBLEM.search(normal) is not None or _EN_PROBLEM.search(normal) is not None,
        long=content_units(text) >= LONG_ENOUGH,
    )


def has_content(text: str) -> bool:
    """Real content: at least one point (:func:`weigh`)."""
    return weigh(text).points > 0


def _one_line(text: str) -> str:
    return " ".join(text.split())[:REQUEST_CHARS]


def best_message(messages: Sequence[str]) -> int | None:
    """The index of the most informative of ``messages`` (oldest first; only the last
    :data:`RECENT_MESSAGES` are read), or None when none has real content."""
    best: int | None = None
    best_points = 0
    for index in range(max(0, len(messages) - RECENT_MESSAGES), len(messages)):
        points = weigh(messages[index]).points
        if points and points >= best_points:  # the newest among equals
            best, best_points = index, points
    return best


def customer_request(messages: Sequence[str], subject: str = "") -> str:
    """What a queue row says the customer asks, on one line.

    Args:
        messages: what the customer wrote in the conversation, oldest first.
        subject: the conversation's subject (an email's, or the first message's words).
    """
    index = best_message(messages)
    if index is not None:
        return _one_line(messages[index])
    if subject.strip():
        return _one_line(subject)
    return _one_line(messages[-1]) if messages else ""


def scenario_text(messages: Sequence[str], subject: str = "") -> str:
    """What the scenario is detected from when the request alone says none: the subject and
    the customer's recent messages that have real content (fillers only add noise), oldest
    first."""
    recent = [m for m in messages[-RECENT_MESSAGES:] if has_content(m)]
    parts = list(recent)
    if subject.strip() and not is_filler(subject) and not any(subject in m for m in recent):
        parts.insert(0, subject)
    if not parts:
        parts = [customer_request(messages, subject)]
    return "\n".join(p.strip() for p in parts if p.strip())


def settled_scenario(
    previous: str | None, detected: str | None, *, new_content: bool
) -> str | None:
    """A conversation's scenario stays as first detected unless the customer wrote something new
    with real content (``new_content``) that reads as another one; an undetectable text never
    takes a scenario away."""
    if previous is None:
        return detected
    if detected is not None and new_content:
        return detected
    return previous


def scenario_tag(label: str, *, chinese: bool) -> str:
    """The short form of a scenario's label in the agent's language: a label written in both
    ("包裹在哪 · Where is my parcel") gives the half in that language; any other as it is."""
    parts = [p.strip() for p in label.split("·") if p.strip()]
    if len(parts) < 2:
        return label.strip()
    cjk = [p for p in parts if any("\u3400" <= ch <= "\u9fff" for ch in p)]
    other = [p for p in parts if p not in cjk]
    if chinese and cjk:
        return cjk[0]
    if not chinese and other:
        return other[0]
    return label.strip()
