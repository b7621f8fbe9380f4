"""The Chinese translation loads and covers the main window (screenshot in artifacts/)."""

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from ui.app import I18N, install_translations, make_main_window

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture
def chinese(styled_app):
    before = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    installed = install_translations(styled_app, QLocale("zh_CN"))
    yield installed
    for t in installed:
        styled_app.removeTranslator(t)
    QLocale.setDefault(before)


def test_every_string_is_translated():
    ts = (I18N / "satchel_zh_CN.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in ts
    assert (I18N / "satchel_zh_CN.qm").stat().st_size > 1000


def test_chinese_main_window(qtbot, chinese, sample_store):
    assert chinese, "satchel_zh_CN.qm did not load"
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
    qtbot.wait(60)
    ARTIFACTS.mkdir(exist_ok=True)
    window.grab().save(str(ARTIFACTS / "11_zh_CN_contacts.png"))
    window.show_view(0)
    qtbot.wait(60)
    window.grab().save(str(ARTIFACTS / "12_zh_CN_today.png"))
    window.bridge.close()
