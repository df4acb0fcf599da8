"""UTF-8 Chinese that lynx read as GB2312 (a UTF-8 page declaring gb2312): the template's phrases put back."""
from __future__ import annotations

from pathlib import Path

from core.readers.lossy_gb2312 import lynx_prints, read_as_gb2312, restore
from core.readers.lossy_utf8 import LOST_CELL
from core.readers.text import UTF8_READ_AS_GB2312, read_text

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def lynx(text: str) -> str:
    """What lynx prints of UTF-8 text it took for GB2312, each line on its own (a line starts with
    no byte waiting for its pair), the bytes it printed alone moved as read_as_gb2312 moves them."""
    return "\n".join("".join(lynx_prints(line.encode("utf-8"))) for line in text.split("\n"))


def lone(byte: int) -> str:
    return chr(0xE000 + byte)


def test_what_lynx_prints_of_utf8_it_takes_for_gb2312():
    # (checked against lynx 2.9 -dump -display_charset=utf-8 of a page declaring gb2312: its bytes
    # c2 9f etc. are U+009F, moved here). 「江」 e6 b1 9f: e6 b1 is GB2312's 「姹」, 9f prints alone;
    # 「生」 e7 94 9f: e7 before 94 is dropped; 「环境」 …af e5 a2 83: af e5 is no GB2312 character,
    # dropped, and a2 before 83 too
    assert lynx_prints("江1州2市3 生a态 环境局".encode("utf-8")) == [
        "姹", lone(0x9F), "1", "宸", lone(0x9E), "2", "甯", lone(0x82), "3", " ", lone(0x94), lone(0x9F), "a",
        lone(0x80), lone(0x81), " ", lone(0x8E), lone(0x83), "灞", lone(0x80)]
    # ASCII is never taken into a pair (GB2312's second bytes are 0xA1 or over): no digit is lost,
    # and every Chinese character prints something
    assert lynx_prints("共12件，3".encode("utf-8"))[1:3] == ["1", "2"]
    assert "".join(lynx_prints("1件2".encode("utf-8"))) == "1浠2"
    assert all(lynx_prints(char.encode("utf-8")) for char in "一、总体情况规章行政许可—／无０１２３４５６７８９")


def test_a_phrase_standing_alone_is_put_back_and_a_unit_after_its_number():
    text = lynx("   一、总体情况\n\n   规章\n\n   0\n")
    assert text == f"   涓{lone(0x80)}{lone(0x80)}{lone(0x81)}{lone(0x80)}讳{lone(0x93)}{lone(0x83)}{lone(0x85)}" \
        f"{lone(0x86)}\n\n   瑙{lone(0x84)}绔{lone(0xA0)}\n\n   0\n"
    assert restore(text) == "   一、总体情况\n\n   规章\n\n   0\n"
    # the units print unlike each other and unlike a row's number mark (「3、」): each put back, a
    # digit alone too
    assert restore(lynx("   40件\n   4项\n   8300元\n   3.0349万元\n")) == "   40件\n   4项\n   8300元\n   3.0349万元\n"
    # a cell of full-width digits or a placeholder, its bytes lost: one unreadable cell
    assert restore(lynx("   １２\n   —\n")) == f"   {LOST_CELL}\n   {LOST_CELL}\n"


def test_only_such_pages_are_read_so():
    assert read_as_gb2312("二、主动公开政府信息情况 12件".encode("utf-8") * 40) is None
    assert read_as_gb2312(("一、总体情况" + "\u0085" * 60).encode("utf-8")) is None  # no GB2312 pairs
    assert read_as_gb2312(("总体情况" * 30).encode("gbk")) is None  # no UTF-8
    # UTF-8 read as Latin-1 with every byte kept prints its bytes 0x80–0x9F alone too, but no pair
    assert read_as_gb2312(("一、总体情况。行政规范性文件" * 20).encode("utf-8").decode("latin-1").encode("utf-8")) is None
    path = ZOO / "w1304-r0017-word-html-lynx.txt"
    assert read_as_gb2312(path.read_bytes()) is not None


def test_the_reader_says_what_it_did():
    path = ZOO / "w1304-r0017-word-html-lynx.txt"
    doc = read_text(str(path), path.read_bytes())
    assert doc.problems == [UTF8_READ_AS_GB2312]
    assert "二、主动公开政府信息情况" in doc.text and "（三）不予公开" in doc.text
    assert not any("\u0080" <= c <= "\u00a0" or "\ue000" <= c <= "\ue0ff" for c in doc.text)  # (marks)


def test_a_wrapped_label_is_put_back_wrapped_where_lynx_wrapped_it():
    # lynx wraps a long label in its cell: put back whole on its first line, its second line would
    # hold white space only, which a table printed a cell a line reads as a blank cell (w2203 r0034:
    # 部分公开's 63 read as 商业企业's). Each line keeps a piece of the label, as lynx prints one it read
    label = "（二）部分公开（区分处理的，只计这一情况，不计其他情形）"
    text = lynx(f"   {label[:21]}\n   {label[21:]}\n\n   63\n")
    lines = restore(text).split("\n")
    assert [line.strip() != "" for line in lines[:2]] == [True, True]
    assert "".join(line.strip() for line in lines[:2]) == label
    assert lines[2:] == ["", "   63", ""]
    # a group's label printed a character a line stays whole on its first line (found whole)
    text = lynx("".join(f"   {c}\n" for c in "（四）无法提供") + "\n   1.本机关不掌握相关政府信息\n")
    assert restore(text).split("\n")[0] == "   （四）无法提供"
