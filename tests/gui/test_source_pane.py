"""The 原文 panel (gui/source_pane.py) as the auditor reads it beside the findings."""
from pathlib import Path

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



def test_a_value_far_along_a_long_row_is_scrolled_into_sight_when_a_report_opens(qtbot):
    # qa15: a Markdown report (pandoc's gfm of a web page, tests/fixtures/source_pane; kept under a
    # suffix no reader takes) prints a 表三 row as its label then a cell for each value: as the
    # report opened, the 原文 banded the row's label, its value out of sight to the right (the
    # scroll bar's range was still that of the lines measured so far)
    text = (Path(__file__).resolve().parents[1] / "fixtures" / "source_pane"
            / "s77-r0001-pandoc-html-gfm.md.source").read_text(encoding="utf-8")
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(330, 200)
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_text(text)
    at = text.index("25", text.index("一、本年新收政府信息公开申请数量"))
    pane.show_cell("表三「一、本年新收政府信息公开申请数量」×「自然人」", (at, at + 2))
    editor = pane.editor

    def value_in_sight() -> bool:
        caret = editor.cursorRect()
        return 0 <= caret.left() and caret.right() <= editor.viewport().width()
    # the text is long: its vertical scroll bar comes, narrowing the view (the lines are measured again)
    qtbot.waitUntil(editor.verticalScrollBar().isVisible)
    qtbot.waitUntil(lambda: editor.viewport().width() < 320)
    qtbot.waitUntil(value_in_sight, timeout=2000)
    assert editor.horizontalScrollBar().value() > 0  # scrolled to it, not there from the start


def test_a_value_reached_from_one_further_right_keeps_its_row_label_in_sight(qtbot):
    # qa21: at 1366 the panel is about 320 pixels wide. A value reached from a cell further right
    # was centred (QPlainTextEdit.ensureCursorVisible): a row whose label and value fit the panel
    # showed 「…国家秘密　0」 or only 「0　0　0」, the label's start out of sight to the left.
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(320, 200)
    pane.show()
    qtbot.waitExposed(pane)
    metrics = QFontMetrics(pane.editor.font())
    label = "（三）不予公开　1.属于国家秘密"
    while metrics.horizontalAdvance(label) < pane.editor.viewport().width() * 0.7:
        label = "三、本年度办理结果" + label  # label and value fit, but not centred on the value
    long_row = "一、本年新收政府信息公开申请数量" + "\t0" * 12 + "\t99"
    text = f"{long_row}\n{label}\t7\t0\t0\n"
    pane.set_text(text)
    far = text.index("99")
    pane.show_cell("表三「一、本年新收政府信息公开申请数量」×「总计」", (far, far + 2))
    bar = pane.editor.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0)
    seven = text.index("\t7") + 1
    pane.show_cell("表三「1.属于国家秘密」×「自然人」", (seven, seven + 1))
    qtbot.wait(50)  # the sideways scroll comes on the next turn of the event loop
    assert bar.value() == 0  # the label from its first character, and the value
    caret = pane.editor.cursorRect()
    assert 0 <= caret.left() and caret.right() <= pane.editor.viewport().width()


def test_a_value_far_along_a_long_row_keeps_its_row_label_pinned_in_sight(qtbot):
    # ux68/ux69: at 1366 the panel is about 330 pixels wide; a value far along a Markdown table's
    # row was scrolled into sight alone (「| 25 | 63 |」), its row's label out of sight to the left.
    # The label is pinned at the left edge, beside the value, not over it.
    text = (Path(__file__).resolve().parents[1] / "fixtures" / "source_pane"
            / "s77-r0001-pandoc-html-gfm.md.source").read_text(encoding="utf-8")
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(330, 200)
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_text(text)
    assert pane.shown_row_label() == ""
    at = text.index("25", text.index("一、本年新收政府信息公开申请数量"))
    pane.show_cell("表三「一、本年新收政府信息公开申请数量」×「自然人」", (at, at + 2))
    editor = pane.editor
    qtbot.waitUntil(lambda: editor.horizontalScrollBar().value() > 0)
    qtbot.waitUntil(lambda: pane.shown_row_label() != "")
    shown = pane.shown_row_label()
    assert shown.endswith("申请数量") and "|" not in shown, shown
    assert pane.pin.toolTip() == "一、本年新收政府信息公开申请数量"
    caret = editor.cursorRect()
    assert pane.pin.geometry().right() < caret.left() - 2  # the value (its end at the caret) uncovered
    assert pane.pin.geometry().top() == caret.top()  # on the value's line
    # scrolled back to the line's start, the label is there itself: no pin over it
    editor.horizontalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: pane.shown_row_label() == "")
    # another report's text: nothing pinned
    pane.set_text("二、上年结转政府信息公开申请数量\t12\t0")
    assert pane.shown_row_label() == ""


def test_the_pinned_label_of_a_text_export_row_holds_no_value(qtbot):
    # a lynx export spaces a row's values once: 「…不再处理其政府信息公开申请 0 0」; the pin beside
    # the second value read 「…公开申请 0」, as if the label ended in a number
    label = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    line = "   " + label + " 0 " + "0 " * 30 + "7"
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(330, 200)
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_text(line + "\n")
    at = line.rindex("7")
    pane.show_cell("表三「2.申请人逾期未按收费通知要求缴纳费用…」×「总计」", (at, at + 1))
    qtbot.waitUntil(lambda: pane.shown_row_label() != "")
    assert pane.pin.toolTip() == label
    assert pane.shown_row_label().endswith("政府信息公开申请")
