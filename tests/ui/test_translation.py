"""The Chinese translation: every tr() string in ui/ has a finished translation in the .ts (the
source is scanned with lupdate, as resources/i18n/update_translations.py does), translations
keep their placeholders, accelerators, plural marks and markup, the .qm is compiled from the
.ts, and the main window, the import dialog and the duplicates review show Chinese
(screenshots in artifacts/)."""

from __future__ import annotations

import ast
import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from app.io.errors import FileUnreadable
from ui.app import I18N, install_translations, make_main_window

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
TS = I18N / "satchel_zh_CN.ts"
FIX = ROOT / "tests" / "app" / "io" / "fixtures"
CJK = re.compile(r"[\u3400-\u9fff]")


def _updater():
    spec = importlib.util.spec_from_file_location("update_translations",
                                                  I18N / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(root: ET.Element) -> dict[tuple[str, str], ET.Element]:
    return {(ctx.findtext("name") or "", m.findtext("source")): m
            for ctx in root.iter("context") for m in ctx.iter("message")}


def _texts(message: ET.Element) -> list[str]:
    """The translation's text, or each plural form's."""
    tr = message.find("translation")
    if message.get("numerus") == "yes":
        return [f.text or "" for f in tr.iter("numerusform")]
    return [tr.text or ""]


@pytest.fixture(scope="module")
def ts_messages() -> dict[tuple[str, str], ET.Element]:
    return _messages(ET.parse(TS).getroot())


@pytest.fixture
def chinese(styled_app):
    before = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    installed = install_translations(styled_app, QLocale("zh_CN"))
    assert installed, "satchel_zh_CN.qm did not load"
    yield installed
    for t in installed:
        styled_app.removeTranslator(t)
    QLocale.setDefault(before)


# -- the .ts against the source ------------------------------------------------------------

def test_every_tr_string_in_the_source_has_a_finished_translation(ts_messages):
    found = _messages(_updater().catalog().getroot())
    # the scan reaches every folder of ui/, the newer dialogs included
    contexts = {ctx for ctx, _ in found}
    assert {"MainWindow", "ImportDialog", "ReviewDialog", "MergeDialog", "ScanDialog",
            "SyncStatusWidget", "SyncSettingsDialog", "ConflictsDialog", "Dedup",
            "Format"} <= contexts
    assert len(found) > 400
    missing = [key for key in found if key not in ts_messages]
    unfinished = [key for key, m in ts_messages.items() if key in found and (
        m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not all(t.strip() for t in _texts(m)))]
    assert not missing, "not in the .ts (run resources/i18n/update_translations.py): " + \
        "; ".join(f"{c}: {s!r}" for c, s in missing)
    assert not unfinished, "no finished translation: " + \
        "; ".join(f"{c}: {s!r}" for c, s in unfinished)


def test_the_ts_has_no_unfinished_or_empty_entry(ts_messages):
    text = TS.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    empty = [key for key, m in ts_messages.items() if not all(t.strip() for t in _texts(m))]
    assert not empty, empty


PLACEHOLDERS = re.compile(r"\{\w*(?::[^}]*)?\}|%(?:\d+|[nvmp])")  # {0} {file} {n:,} %n
TAG = re.compile(r"</?\w+[^>]*>")


def _accelerator(text: str) -> bool:
    """Whether the text has an &-accelerator (a translation may pick another letter, to avoid
    a clash in its own language; 名称(&N) is the Chinese way of writing it)."""
    text = re.sub(r"&&|&\w+;", "", text)
    return bool(re.search(r"&[^\s]", text))


def test_translations_keep_placeholders_accelerators_plurals_and_markup(ts_messages):
    problems = []
    for (ctx, source), m in ts_messages.items():
        for text in _texts(m):
            where = f"{ctx}: {source!r} -> {text!r}"
            if sorted(PLACEHOLDERS.findall(source)) != sorted(PLACEHOLDERS.findall(text)):
                problems.append("placeholders differ: " + where)
            if _accelerator(source) != _accelerator(text):
                problems.append("accelerator differs: " + where)
            if sorted(TAG.findall(source)) != sorted(TAG.findall(text)):
                problems.append("markup differs: " + where)
            if re.search(r"[A-Za-z]{3}", source) and not CJK.search(text) \
                    and source.strip() not in ("Satchel",):
                problems.append("not Chinese: " + where)
    assert not problems, "\n".join(problems)


def test_the_qm_is_compiled_from_the_ts(ts_messages):
    translator = QTranslator()
    assert translator.load(str(I18N / "satchel_zh_CN.qm"))
    stale = []
    for (ctx, source), m in ts_messages.items():
        disambiguation = m.findtext("comment")
        n = 2 if m.get("numerus") == "yes" else -1
        got = translator.translate(ctx, source, disambiguation, n)
        if got != _texts(m)[0]:
            stale.append(f"{ctx}: {source!r} -> {got!r}")
    assert not stale, "run resources/i18n/update_translations.py:\n" + "\n".join(stale)


# a context lupdate took from `something.tr(...)` where something is not `self`: at run time
# Qt looks the string up under the object's class, so this translation is never used
KNOWN_DEAD_CONTEXTS: set[str] = set()


def test_every_context_is_one_the_app_looks_up(ts_messages):
    updater = _updater()
    files = updater._sources()
    usable = set(updater.helper_contexts(files).values())
    for path in files:
        source = path.read_text(encoding="utf-8")
        usable |= {n.name for n in ast.walk(ast.parse(source)) if isinstance(n, ast.ClassDef)}
        usable |= set(re.findall(r"\.translate\(\s*\"(\w+)\"", source))
    dead = {ctx for ctx, _ in ts_messages} - usable
    assert dead <= KNOWN_DEAD_CONTEXTS, dead


# -- what users see ------------------------------------------------------------------------

def _visible_texts(widget: QWidget) -> list[str]:
    out = []
    for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        if w.isVisibleTo(widget) and w.text().strip():
            out.append(w.text())
    return out


def _clipped(widget: QWidget) -> list[str]:
    """Buttons and one-line labels whose text is wider than the widget shows it."""
    out = []
    for w in widget.findChildren(QAbstractButton) + widget.findChildren(QLabel):
        if not w.isVisibleTo(widget) or not w.text().strip():
            continue
        if isinstance(w, QLabel) and (w.wordWrap() or "<" in w.text()):
            continue
        if w.sizeHint().width() > w.width() + 1:
            out.append(f"{w.__class__.__name__} {w.text()!r}: needs {w.sizeHint().width()} px, "
                       f"has {w.width()}")
    return out


def _header_texts(table) -> list[str]:
    model = table.model()
    return [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]


def _save(qtbot, widget: QWidget, name: str) -> Path:
    qtbot.wait(80)  # let pending layout requests run, as they would before a paint
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    assert widget.grab().save(str(path))
    return path


def test_chinese_main_window(qtbot, chinese, sample_store):
    window = make_main_window(sample_store)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    sidebar = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert sidebar == ["今天", "联系人", "公司", "商机", "活动记录"]
    window.show_view(1)
    assert window.contacts.summary.text() == "19 位联系人"
    assert "公司地址（来自" in window.contacts.detail.browser.toPlainText()
    _save(qtbot, window, "11_zh_CN_contacts.png")
    window.show_view(0)
    _save(qtbot, window, "12_zh_CN_today.png")
    window.bridge.close()


def test_chinese_import_dialog(qtbot, chinese, store):
    from ui.importing import open_import_dialog

    dialog = open_import_dialog(None, store, [str(FIX / "broken.vcf"), str(FIX / "google.csv")])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "preview", timeout=20000)
    assert dialog.windowTitle() == "导入通讯录"
    assert dialog.heading.text() == "尚未写入任何数据。导入 2 个文件 将会："
    assert dialog.go_button.text() == "导入" and dialog.cancel_button.text() == "取消"
    assert _header_texts(dialog.table) == ["文件", "记录", "结果", "名称", "公司", "详情"]
    assert "新增 <b>" in dialog.counts.text() and "跳过 <b>" in dialog.counts.text()
    model = dialog.table.model()
    outcomes = {model.index(r, 2).data() for r in range(model.rowCount())}
    assert outcomes <= {"新增", "已更新", "未变", "已关联", "已跳过"} and "已跳过" in outcomes
    reasons = {model.index(r, 5).data() for r in range(model.rowCount())} - {""}
    assert reasons and all(CJK.search(r) for r in reasons), reasons
    english = [t for t in _visible_texts(dialog) if not CJK.search(t)]
    assert not english, english
    assert "名片缺少 END:VCARD（文件可能不完整）" in reasons
    _save(qtbot, dialog, "13_zh_CN_import_preview.png")
    assert not _clipped(dialog), _clipped(dialog)
    dialog.reject()


def test_why_a_record_is_skipped_and_why_a_file_cannot_be_read_in_chinese(chinese):
    """app.io's own sentences (app.io.errors.Message) reach the rep translated, through the
    readers that say them; a file is named without its folder."""
    from app.io.ldif import read_ldif
    from app.io.reader import open_source
    from app.io.vcard import read_vcards
    from ui.importing.messages import translated

    group = b"BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nFN:VIP\r\nEND:VCARD\r\n"
    (_, skipped), = read_vcards(group, "g.vcf")
    assert translated(skipped.reason).startswith("联系人分组（VIP）")
    assert str(skipped.reason).startswith("a contact group (VIP), not a person")  # --json
    (_, skipped), = read_ldif("dn: cn=VIP\nobjectclass: groupOfNames\ncn: VIP\n", "g.ldif")
    assert translated(skipped.reason).startswith("邮件列表（VIP）")
    with pytest.raises(FileUnreadable) as exc:
        open_source("/tmp/somewhere/photo.vcf", data=b"\x89PNG\r\n\x1a\n" + bytes(64))
    said, = exc.value.messages
    assert translated(said) == ("photo.vcf 是PNG 图片，不是通讯录。请选择 vCard（.vcf）、CSV、LDIF 或 "
                                "Excel（.xlsx、.xls）文件。")
    assert str(exc.value).startswith("/tmp/somewhere/photo.vcf is a PNG image, not an address")
    assert translated("as it is") == "as it is"


def test_every_message_of_app_io_is_translated_with_its_placeholders(chinese):
    """Every `Message("…")` template under app/ is in the .qm (update_translations.py puts it
    there) with the same named placeholders, so formatting it cannot fail."""
    from PySide6.QtCore import QCoreApplication

    templates = _updater().message_templates()
    assert len(templates) > 30
    wrong = []
    for template in templates:
        said = QCoreApplication.translate("ImportMessage", template)
        if not CJK.search(said) or \
                sorted(PLACEHOLDERS.findall(said)) != sorted(PLACEHOLDERS.findall(template)):
            wrong.append(f"{template!r} -> {said!r}")
    assert not wrong, "\n".join(wrong)


def test_chinese_column_mapping(qtbot, chinese, store):
    from ui.importing import open_import_dialog

    dialog = open_import_dialog(None, store, [str(FIX / "unknown_headers.csv")])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "mapping", timeout=20000)
    assert _header_texts(dialog.map_table) == ["列", "首行内容", "Satchel 字段"]
    assert dialog.go_button.text() == "继续"
    combo = dialog.map_table.cellWidget(0, 2)
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items[0] == "（忽略）" and {"姓名", "公司", "手机", "邮箱"} <= set(items)
    assert all(CJK.search(t) for t in items), items
    _save(qtbot, dialog, "17_zh_CN_import_mapping.png")
    assert not _clipped(dialog), _clipped(dialog)
    dialog.reject()



def test_chinese_duplicates_review_and_merge(qtbot, chinese, store, dups):
    pytest.importorskip("app.dedup.candidates")
    from ui.dedup import MergeDialog, open_review_dialog

    dialog = open_review_dialog(None, store)
    qtbot.addWidget(dialog)
    dialog.resize(980, 600)
    qtbot.waitUntil(lambda: dialog.state != "searching", timeout=30000)
    assert dialog.state == "review"
    assert dialog.windowTitle() == "查找重复项"
    assert re.fullmatch(r"还有 \d+ 组待处理。", dialog.status.text())
    assert [dialog.skip_button.text(), dialog.not_same_button.text(),
            dialog.merge_button.text(), dialog.close_button.text()] == \
        ["跳过", "不是重复", "合并…", "关闭"]
    row = next(i for i, p in enumerate(dialog.pairs()) if {p.a, p.b} == {dups["keep"], dups["lose"]})
    dialog.list.setCurrentRow(row)
    reasons = dialog.reasons.text()
    assert reasons.startswith("公司 · ") and "可能重复：" in reasons
    assert "相同" in reasons and not re.search(r"\bsame\b|\bdifferent\b", reasons), reasons
    assert dialog.table.horizontalHeaderItem(0).text() == "字段"
    labels = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    assert "名称" in labels and all(CJK.search(t) for t in labels), labels
    english = [t for t in _visible_texts(dialog) if not CJK.search(t)]
    assert not english, english
    _save(qtbot, dialog, "14_zh_CN_duplicates.png")
    assert not _clipped(dialog), _clipped(dialog)

    merge = MergeDialog(dialog, store, "company", dups["keep"], dups["lose"])
    qtbot.addWidget(merge)
    merge.show()
    qtbot.waitExposed(merge)
    assert merge.windowTitle() == "合并公司"
    assert merge.merge_button.text() == "合并" and merge.cancel_button.text() == "取消"
    texts = _visible_texts(merge)
    assert "保留：" in texts and {"字段", "名称", "地址", "电话", "网站", "备注"} <= set(texts)
    _save(qtbot, merge, "15_zh_CN_merge.png")
    assert not _clipped(merge), _clipped(merge)
    merge.reject()
    dialog.close()


def test_chinese_sync_settings(qtbot, chinese, store):
    from ui.sync.settings_dialog import SyncSettingsDialog

    dialog = SyncSettingsDialog(None, store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "同步设置"
    assert {"总部服务器地址", "设备令牌", "同步间隔"} <= set(_visible_texts(dialog))
    assert dialog.interval.suffix() == " 分钟"
    _save(qtbot, dialog, "16_zh_CN_sync_settings.png")
    assert not _clipped(dialog), _clipped(dialog)
    dialog.reject()


def test_chinese_sync_status(qtbot, chinese, store):
    from tests.ui.test_sync_ui import _window

    win, widget = _window(qtbot, store)
    qtbot.waitExposed(win)
    assert widget.label.text() == "未设置同步"
    assert widget.sync_button.text() == "立即同步"
    assert not _clipped(widget), _clipped(widget)
    widget.bridge.close()
