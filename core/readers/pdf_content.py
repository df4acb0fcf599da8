"""A faster tokenizer for the page content streams pdfminer interprets (through pdfplumber).

pdfminer reads a content stream through a character-class state machine: several Python calls
per token, most of a PDF's reading time. ``FastContentParser`` takes each common complete token
(a number, an operator, a name, a simple string, a hex string, a bracket) with one regular
expression and builds exactly the token the state machine builds; anything else (comments,
escapes in a string or a name, a token that may continue in the next buffer or stream, the end
of the stream, inline images) goes through pdfminer's own code, from the same position and
state. ``install()`` makes pdfminer's interpreter use it.
"""
from __future__ import annotations

import re

import pdfminer.pdfinterp
from pdfminer.psparser import HEX_PAIR, KWD, LIT, SPC, PSBaseParser

# One token after optional white space, each alternative consuming exactly what pdfminer's state
# machine consumes for it (the character classes are those of pdfminer.psparser's END_* patterns).
_TOKEN = re.compile(rb"""[ \t\n\r\f\v]*(?:
      (?P<dict><<|>>)
    | (?P<number>(?:[-+0-9])[0-9]*(?:\.[0-9]*)?|\.[0-9]*)
    | (?P<keyword>[A-Za-z][^#/%\[\]()<>{}\s]*)
    | /(?P<name>[^#/%\[\]()<>{}\s]*)
    | \((?P<string>[^()\\]*)\)
    | <(?P<hex>[0-9A-Fa-f\s]*)>
    | (?P<bracket>[\[\]{}])
)""", re.X)

_NOTHING = object()  # a lexeme the state machine drops ("-", "." alone)
_GT, _HASH = ord(">"), ord("#")


def _number(lexeme: bytes):
    try:
        return float(lexeme) if b"." in lexeme else int(lexeme)
    except ValueError:  # "-", "+.", a number too long for int(): no token, as in pdfminer
        return _NOTHING


def _name(lexeme: bytes):
    try:
        return LIT(str(lexeme, "utf-8"))
    except UnicodeDecodeError:
        return LIT(lexeme)


def _hex(lexeme: bytes) -> bytes:
    return HEX_PAIR.sub(lambda m: bytes((int(m.group(0), 16),)), SPC.sub(b"", lexeme))


class FastContentParser(pdfminer.pdfinterp.PDFContentParser):
    def nexttoken(self):
        if self._tokens or self.eof or self._parse1.__func__ is not PSBaseParser._parse_main:
            return super().nexttoken()
        buf = self.buf
        size = len(buf)
        while self.charpos < size:
            m = _TOKEN.match(buf, self.charpos)
            if m is None:
                break
            kind, end = m.lastgroup, m.end()
            start = m.start(kind)
            if kind == "number":
                if end >= size:  # the number may go on in the next buffer
                    break
                token = _number(m.group(kind))
            elif kind == "keyword":
                if end >= size:
                    break
                lexeme = m.group(kind)
                token = True if lexeme == b"true" else False if lexeme == b"false" else KWD(lexeme)
            elif kind == "name":
                if end >= size or buf[end] == _HASH:  # #xx escapes: pdfminer's own code
                    break
                start -= 1
                token = _name(m.group(kind))
            elif kind == "string":
                start -= 1
                token = m.group(kind)
            elif kind == "hex":
                if end >= size or buf[end] == _GT:  # "<..>>": pdfminer reads a dictionary end there
                    break
                start -= 1
                token = _hex(m.group(kind))
            else:  # << >> [ ] { }
                token = KWD(m.group(kind))
            self.charpos = end
            if token is not _NOTHING:
                return self.bufpos + start, token
        return super().nexttoken()


def install() -> None:
    """Have pdfminer's page interpreter read content streams with FastContentParser."""
    pdfminer.pdfinterp.PDFContentParser = FastContentParser
