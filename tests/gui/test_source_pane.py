"""The 原文 panel (gui/source_pane.py) as the auditor reads it beside the findings."""
from gui.qt import QFontMetrics, QRect, Qt, QtGui
from gui.source_pane import SourcePane


def test_the_caption_names_the_cell_and_its_text_whole_in_a_narrow_panel(qtbot):
    # at 1366×768 the panel is about 370 pixels wide: the caption was cut after 「自 (its tooltip,
    # which held the rest, is out of the keyboard's reach)
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(370, 300)
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_text("二、上年结转政府信息公开申请数量\t12\t0")
    pane.show_cell("表三「二、上年结转政府信息公开申请数量」×「自然人」", (17, 19))
    document = QtGui.QTextDocument()
    document.setHtml(pane.caption.text())
    shown = document.toPlainText()
    assert shown.endswith("原文「12」")
    caption = pane.caption
    qtbot.waitUntil(lambda: QFontMetrics(caption.font()).boundingRect(
        QRect(0, 0, caption.contentsRect().width(), 10_000), int(Qt.TextFlag.TextWordWrap), shown).height()
        <= caption.contentsRect().height())


def test_a_report_without_text_shows_no_highlight_left_from_the_report_before(qtbot):
    # opening an unreadable file after a report with a cell selected left the yellow band of that
    # cell's line over the empty panel, where （没有可显示的原文） belongs
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.set_text("二、上年结转政府信息公开申请数量\t12\t0")
    pane.show_cell("表三「二、上年结转政府信息公开申请数量」×「自然人」", (17, 19))
    assert pane.editor.extraSelections()
    pane.set_text("")
    assert pane.editor.extraSelections() == []
    assert pane.highlighted_span is None
