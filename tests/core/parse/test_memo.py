"""The parser's memos: bounded, and all emptied by forget_documents without naming them."""
from core.parse import memo, printed_sum, sections, tokens
from core.parse.memo import document_memo, forget_documents, make_room, memoised, remember
from core.parse.parser import parse
from core.readers.dispatch import read_document


def test_remember_empties_a_full_memo_before_storing():
    kept: dict = {}
    for n in range(3):
        assert remember(kept, n, n * 10, bound=3) == n * 10
    assert kept == {0: 0, 1: 10, 2: 20}
    assert remember(kept, 3, 30, bound=3) == 30
    assert kept == {3: 30}  # (emptied whole, then the new answer kept)


def test_make_room_empties_only_when_what_comes_would_not_fit():
    kept = {n: n for n in range(3)}
    make_room(kept, bound=5, adding=2)
    assert len(kept) == 3
    make_room(kept, bound=5, adding=3)
    assert kept == {}


def test_memoised_works_once_a_text_and_answers_the_same():
    calls: list[str] = []
    kept = document_memo()

    @memoised(kept)
    def shout(text: str) -> str:
        """Loud."""
        calls.append(text)
        return text.upper()

    assert [shout("a"), shout("b"), shout("a")] == ["A", "B", "A"]
    assert calls == ["a", "b"]
    assert shout.__name__ == "shout" and shout.__doc__ == "Loud."
    forget_documents()
    assert kept == {}
    assert shout("a") == "A" and calls == ["a", "b", "a"]


def test_forget_documents_empties_the_memos_a_parse_filled():
    text = ("一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
            "申请人情况 自然人\n1.属于国家秘密 0 0 0 0 0 0 0\n四、政府信息公开行政复议、行政诉讼情况\n")
    document = read_document("a.txt", text.encode("utf-8"))
    first = parse(document)
    filled = [tokens._KEPT_PIECES, sections._MATCHED]
    assert all(filled)
    assert any(m is printed_sum._PLAIN for m in memo._DOCUMENT_MEMOS)
    forget_documents()
    assert not any(memo._DOCUMENT_MEMOS)
    assert parse(document).cells == first.cells  # (the memos only saved work)
