"""The translations: every string in the code is translated, the .ts files are current, and the
built .qm files really change what the window shows."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from agent_desk import i18n_build

I18N = i18n_build.I18N_DIR
LANGUAGES = i18n_build.LANGUAGES
TRANSLATED = ("zh_CN", "zh_TW")  # en is the source language: its translations equal the sources
# Names that stay as they are in every language.
PROPER_NAMES = {"Agent Desk"}
PLACEHOLDER = re.compile(r"\{\d*\}|%L?\d+|%n")
LETTER = re.compile(r"[A-Za-z]")
CJK = re.compile(r"[\u3400-\u9fff]")
# Common characters written differently in Simplified and Traditional Chinese (position for
# position), to catch a string pasted into the wrong file.
SIMPLIFIED = "们这个为对发设务户话队选择认统线时间删请输关开动来说录号码网络讯见显态单价门东车长书应总图标签条记备阶级满读负责识库处闲离团给载败订预计达视当荐围补现传帐"
TRADITIONAL = "們這個為對發設務戶話隊選擇認統線時間刪請輸關開動來說錄號碼網絡訊見顯態單價門東車長書應總圖標籤條記備階級滿讀負責識庫處閒離團給載敗訂預計達視當薦圍補現傳帳"
WRONG_SCRIPT = {"zh_CN": set(TRADITIONAL), "zh_TW": set(SIMPLIFIED)}
UPDATE_HINT = (
    "run `.venv/bin/python -m agent_desk.i18n_build --update`, translate the new messages "
    "(see i18n/README.md), then run this test again"
)


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    forms: tuple[str, ...]  # the translation (one form, or the plural forms)
    kind: str | None  # the translation's type attribute: None when finished

    @property
    def key(self) -> tuple[str, str]:
        return (self.context, self.source)

    def __str__(self) -> str:
        return f"{self.context}: {self.source!r}"


def read_ts(path: Path) -> tuple[str | None, list[Message]]:
    root = ET.parse(path).getroot()
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                forms: tuple[str, ...] = ()
                kind: str | None = "missing"
            else:
                numerus = translation.findall("numerusform")
                forms = (
                    tuple(f.text or "" for f in numerus) if numerus else (translation.text or "",)
                )
                kind = translation.get("type")
            messages.append(Message(name, message.findtext("source") or "", forms, kind))
    return root.get("language"), messages


def declares(declared: str | None, language: str) -> bool:
    """lupdate writes language="en_US" into agent_desk_en.ts; zh_CN and zh_TW stay as they are."""
    return declared is not None and (declared == language or declared.startswith(language + "_"))


def problems(language: str, messages: list[Message]) -> list[str]:
    found = []
    for m in messages:
        if m.kind is not None:
            found.append(f"{m} is {m.kind}")
            continue
        if not m.forms or not all(f.strip() for f in m.forms):
            found.append(f"{m} has an empty translation")
            continue
        want = Counter(PLACEHOLDER.findall(m.source))
        for form in m.forms:
            if Counter(PLACEHOLDER.findall(form)) != want:
                found.append(f"{m} -> {form!r}: placeholders differ")
            if language not in TRANSLATED:
                continue
            wrong = sorted(set(form) & WRONG_SCRIPT[language])
            if wrong:
                found.append(f"{m} -> {form!r}: wrong script for {language}: {''.join(wrong)}")
            if not LETTER.search(m.source) or m.source in PROPER_NAMES:
                continue  # "{0} · {1}" and names may stay as they are
            if form == m.source:
                found.append(f"{m} is not translated (the translation repeats the source)")
            elif not CJK.search(form):
                found.append(f"{m} -> {form!r}: no Chinese in the translation")
    return found


def test_script_tables_line_up() -> None:
    assert len(SIMPLIFIED) == len(TRADITIONAL)
    assert all(s != t for s, t in zip(SIMPLIFIED, TRADITIONAL, strict=True))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_finished(language: str) -> None:
    path = I18N / f"agent_desk_{language}.ts"
    declared, messages = read_ts(path)
    assert declares(declared, language), declared
    assert messages, f"{path.name} holds no messages"
    found = problems(language, messages)
    assert not found, f"{path.name}:\n  " + "\n  ".join(found)
    if language == "en":
        differ = [f"{m} -> {m.forms!r}" for m in messages if m.forms != (m.source,)]
        assert not differ, "en translations should equal their sources:\n  " + "\n  ".join(differ)


def test_ts_files_hold_the_same_messages() -> None:
    keys = {lang: [m.key for m in read_ts(I18N / f"agent_desk_{lang}.ts")[1]] for lang in LANGUAGES}
    for lang in LANGUAGES:
        duplicates = [k for k, n in Counter(keys[lang]).items() if n > 1]
        assert not duplicates, f"{lang}: duplicate messages {duplicates}"
    assert set(keys["zh_CN"]) == set(keys["zh_TW"]) == set(keys["en"])


def test_ts_files_are_current(tmp_path: Path) -> None:
    """lupdate over today's sources adds no message without a finished translation, and drops
    none: the committed .ts files are exactly what the code asks for."""
    for lang in LANGUAGES:
        shutil.copy(I18N / f"agent_desk_{lang}.ts", tmp_path)
    i18n_build.update(tmp_path)
    for lang in LANGUAGES:
        before = {m.key for m in read_ts(I18N / f"agent_desk_{lang}.ts")[1]}
        declared, after = read_ts(tmp_path / f"agent_desk_{lang}.ts")
        assert declares(declared, lang), declared
        new = [str(m) for m in after if m.key not in before]
        gone = sorted(before - {m.key for m in after})
        untranslated = problems(lang, after)
        assert not (new or gone or untranslated), (
            f"agent_desk_{lang}.ts is stale ({UPDATE_HINT}):\n"
            + "".join(f"  new in the code: {s}\n" for s in new)
            + "".join(f"  no longer in the code: {c}: {s!r}\n" for c, s in gone)
            + "".join(f"  {p}\n" for p in untranslated)
        )


def test_lrelease_finds_nothing_invalid(tmp_path: Path) -> None:
    """Qt's own checks: accelerators, surrounding whitespace, ending punctuation, place markers."""
    strict = [*i18n_build.find_tool("lrelease"), "-fail-on-invalid", "-fail-on-unfinished"]
    for lang in LANGUAGES:
        ts = I18N / f"agent_desk_{lang}.ts"
        i18n_build.run_tool([*strict, "-silent", str(ts), "-qm", str(tmp_path / f"{lang}.qm")])


@pytest.fixture(scope="module")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("qm")
    for lang in LANGUAGES:
        shutil.copy(I18N / f"agent_desk_{lang}.ts", directory)
    built = i18n_build.build(directory)
    assert sorted(p.name for p in built) == sorted(f"agent_desk_{lang}.qm" for lang in LANGUAGES)
    return directory


@pytest.fixture
def installed(qapp) -> Iterator[list[QTranslator]]:
    """Translators a test installs on the application, removed again afterwards."""
    translators: list[QTranslator] = []
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
        translator.setParent(None)  # install_translator parents it to the app; let it go


@pytest.mark.parametrize(
    ("language", "online", "claim"),
    [("zh_CN", "在线", "接手"), ("zh_TW", "線上", "接手"), ("en", "Online", "Claim")],
)
def test_built_qm_translates(
    qapp, qm_dir: Path, installed: list[QTranslator], language: str, online: str, claim: str
) -> None:
    translator = QTranslator()
    assert translator.load(str(qm_dir / f"agent_desk_{language}.qm"))
    # Everything in the .ts made it into the .qm.
    _, messages = read_ts(I18N / f"agent_desk_{language}.ts")
    missing = [str(m) for m in messages if translator.translate(m.context, m.source) != m.forms[0]]
    assert not missing, "not in the .qm: " + ", ".join(missing)

    assert qapp.installTranslator(translator)
    installed.append(translator)
    assert QCoreApplication.translate("ConnectionView", "Online") == online
    assert QCoreApplication.translate("ConversationPanel", "Claim") == claim
    assert (
        QCoreApplication.translate("PresenceControl", "Load {0}/{1}").format(2, 5).endswith("2/5")
    )


def test_window_widgets_pick_up_the_translation(
    qapp, qtbot, qm_dir: Path, installed: list[QTranslator], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's own loader finds the .qm by language, and self.tr() in the widgets uses it."""
    from agent_desk import app
    from agent_desk.ui.conversation import ConversationPanel

    monkeypatch.setattr(app, "I18N", qm_dir)
    translator = app.install_translator(qapp, "zh_TW")
    assert translator is not None
    installed.append(translator)
    panel = ConversationPanel()
    qtbot.addWidget(panel)
    assert panel.claim.text() == "接手"
    assert panel.resolve.text() == "解決"
    assert panel.composer.send.text() == "傳送"
    assert panel.composer.note_mode.text() == "內部備註"


def test_unknown_language_falls_back_to_the_source(qapp, qm_dir: Path, monkeypatch) -> None:
    from agent_desk import app

    monkeypatch.setattr(app, "I18N", qm_dir)
    assert app.install_translator(qapp, "xx_XX") is None
    assert QCoreApplication.translate("ConnectionView", "Online") == "Online"
