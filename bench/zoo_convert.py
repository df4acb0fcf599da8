"""The converters people push reports through, each a route from a rendered source to one output file.

Sources: `web` (the web page, UTF-8 or GBK), `site` (the report as a real site's page,
bench/zoo_sites.py), `word` (the .docx), and two LibreOffice products of
the .docx: `pdf` and `doc`. A route runs only when its tool is installed; LibreOffice converts many
files per call (its start-up is slow) with its own profile.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

# One LibreOffice profile per build process: two builds sharing a profile block each other.
LO_PROFILE = f"file:///tmp/lo-zoo-{os.getpid()}"
LO_BATCH = 60

# LibreOffice "Text (encoded)" character sets -> (our label, Python codec)
LO_TEXT_ENCODINGS = {"UTF8": ("utf-8-sig", "utf-8-sig"), "MS_936": ("gbk", "gbk"),
                     "GB_18030": ("gb18030", "gb18030"), "UNICODE": ("utf-16", "utf-16")}


@dataclass(frozen=True)
class Route:
    name: str  # converter name as the score tables print it
    source: str  # web | site | word | pdf | doc
    ext: str  # the output's extension
    tool: str  # what must be installed: a command, "py:module" or "soffice"
    encodings: tuple[str, ...] = ("utf-8",)  # what the output may be written in (one chosen per output)
    lo_filter: str = ""  # LibreOffice --convert-to target, "{enc}" replaced by the charset
    opt_in: bool = False  # built only when named (--converters): keeps the default zoo of a seed unchanged

    def available(self) -> bool:
        if self.tool.startswith("py:"):
            return importlib.util.find_spec(self.tool[3:]) is not None
        return shutil.which(self.tool) is not None


ROUTES = (
    Route("web", "web", "html", "python", ("utf-8", "gbk")),
    Route("w3m", "web", "txt", "w3m"),
    Route("lynx", "web", "txt", "lynx"),
    Route("html2text", "web", "md", "py:html2text"),
    Route("pandoc-html-plain", "web", "txt", "pandoc"),
    Route("pandoc-html-markdown", "web", "md", "pandoc"),
    Route("pandoc-html-gfm", "web", "md", "pandoc"),
    Route("lo-web-txt", "web", "txt", "soffice", tuple(LO_TEXT_ENCODINGS), "txt:Text (encoded):{enc}"),
    Route("lo-web-pdf", "web", "pdf", "soffice", ("binary",), "pdf:writer_web_pdf_Export"),
    Route("docx", "word", "docx", "python", ("binary",)),
    Route("lo-txt", "word", "txt", "soffice", tuple(LO_TEXT_ENCODINGS), "txt:Text (encoded):{enc}"),
    Route("lo-html", "word", "html", "soffice", ("utf-8",), "html:HTML (StarWriter)"),
    Route("lo-pdf", "pdf", "pdf", "soffice", ("binary",)),  # the .docx's PDF made for the pdf routes
    Route("lo-doc", "doc", "doc", "soffice", ("binary",)),  # the .docx saved as Word 97
    Route("pandoc-docx-plain", "word", "txt", "pandoc"),
    Route("pandoc-docx-markdown", "word", "md", "pandoc"),
    Route("pandoc-docx-gfm", "word", "md", "pandoc"),
    Route("docx2txt", "word", "txt", "docx2txt"),
    Route("mammoth-html", "word", "html", "py:mammoth"),
    Route("mammoth-md", "word", "md", "py:mammoth"),
    Route("mammoth-raw", "word", "txt", "py:mammoth"),
    Route("pdftotext", "pdf", "txt", "pdftotext", ("utf-8", "gbk")),
    Route("pdftotext-layout", "pdf", "txt", "pdftotext", ("utf-8", "gbk")),
    Route("pdftotext-raw", "pdf", "txt", "pdftotext", ("utf-8", "gbk")),
    Route("pdfplumber", "pdf", "txt", "py:pdfplumber"),
    Route("antiword", "doc", "txt", "antiword"),
    Route("catdoc", "doc", "txt", "catdoc"),  # catdoc has no CJK output charset but UTF-8
)
# A .txt holding the page's HTML (issue 8, cause 4): the saved page source, and a page whose
# article sits in a script string with escaped quotes. Opt-in, added after /work/zoo was built.
ROUTES += (
    Route("web-source-txt", "web", "txt", "python", ("page",), opt_in=True),
    Route("web-script-txt", "web", "txt", "python", ("page",), opt_in=True),
)
# A PDF drawn straight from the report with reportlab (bench/zoo_pdf.py): fonts, borders and glyph
# placement as Word, WPS and print-to-PDF drivers make them. Opt-in, added after /work/zoo was built.
ROUTES += (Route("rl-pdf", "report", "pdf", "py:reportlab", ("binary",), opt_in=True),)

# Web pages as real sites publish them (issue html27, bench/zoo_sites.py): Word's and WPS's HTML, a
# CMS editor's article inside the site's page, tables split at blocks or page breaks. Opt-in.
ROUTES += tuple(Route(name, "site", "html", "python", ("utf-8", "gbk"), opt_in=True)
                for name in ("word-html", "wps-html", "cms-html", "split-html"))
# Those site pages as text (issue sitetext28): what an auditor gets from a browser's dump or a
# page-to-text tool. Named <site kind>-<tool>, e.g. cms-html-w3m; the page is the site route's own.
SITE_KINDS = ("word-html", "wps-html", "cms-html", "split-html")
SITE_TEXT_TOOLS = {"w3m": ("txt", "w3m"), "lynx": ("txt", "lynx"), "html2text": ("md", "py:html2text"),
                   "pandoc-html-plain": ("txt", "pandoc")}
ROUTES += tuple(Route(f"{kind}-{tool}", "sitetext", ext, needs, opt_in=True)
                for kind in SITE_KINDS for tool, (ext, needs) in SITE_TEXT_TOOLS.items())


def site_text_parts(route: Route) -> tuple[str, str]:
    """(site kind, text tool) of a sitetext route."""
    kind = next(k for k in SITE_KINDS if route.name.startswith(k + "-"))
    return kind, route.name[len(kind) + 1:]


def lo_convert(files: list[Path], target: str, outdir: Path) -> None:
    """Convert files with one LibreOffice call per batch; outputs land in outdir as stem.ext."""
    outdir.mkdir(parents=True, exist_ok=True)
    for i in range(0, len(files), LO_BATCH):
        subprocess.run(["soffice", f"-env:UserInstallation={LO_PROFILE}", "--headless", "--convert-to", target,
                        "--outdir", str(outdir)] + [str(f) for f in files[i:i + LO_BATCH]],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=1800)


def _run(cmd: list[str], stdin: bytes | None = None) -> bytes:
    return subprocess.run(cmd, input=stdin, capture_output=True, timeout=120).stdout


def _html2text(page: str, rng_choice: Callable) -> str:
    import html2text
    h = html2text.HTML2Text()
    h.ignore_links = True
    h.body_width = rng_choice((0, 78))
    h.pad_tables = rng_choice((False, True))
    return h.handle(page)


def _mammoth(route: str, docx_path: Path) -> str:
    import mammoth
    with open(docx_path, "rb") as handle:
        if route == "mammoth-html":
            body = mammoth.convert_to_html(handle).value
            return f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{body}</body></html>'
        if route == "mammoth-md":
            return mammoth.convert_to_markdown(handle).value
        return mammoth.extract_raw_text(handle).value


def _pdfplumber(pdf_path: Path) -> str:
    import pdfplumber
    with pdfplumber.open(str(pdf_path)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _script_page(page: str) -> str:
    """The page with its article moved into a JavaScript string, as some sites serve it."""
    start, end = page.index('<div class="article">'), page.index("</div>\n<div class=\"footer\">") + len("</div>")
    article = page[start:end].replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    script = ('<div id="zoom"></div>\n<script type="text/javascript">\n'
              f'var articleContent = "{article}";\n'
              'document.getElementById("zoom").innerHTML = articleContent;\n</script>')
    return page[:start] + script + page[end:]


def run_tool(route: Route, source: Path, page_text: str, page_charset: str, encoding: str,
             rng_choice: Callable) -> bytes:
    """One output of a non-LibreOffice route, as bytes in the chosen encoding."""
    name = route.name
    if name in ("web", "web-source-txt"):
        return source.read_bytes()
    if name == "web-script-txt":
        return _script_page(page_text).encode(page_charset)
    if name in ("docx", "lo-pdf", "lo-doc"):
        return source.read_bytes()
    if name == "w3m":
        return _run(["w3m", "-dump", "-cols", str(rng_choice((80, 132, 200))), "-T", "text/html",
                     "-I", page_charset, "-O", "UTF-8", str(source)])
    if name == "lynx":
        return _run(["lynx", "-dump", "-nolist", f"-assume_charset={page_charset}", "-display_charset=utf-8",
                     f"-width={rng_choice((80, 132, 200))}", str(source)])
    if name == "html2text":
        return _html2text(page_text, rng_choice).encode("utf-8")
    if name.startswith("pandoc-"):
        _, kind, fmt = name.split("-")
        if kind == "html":
            return _run(["pandoc", "-f", "html", "-t", fmt], stdin=page_text.encode("utf-8"))
        return _run(["pandoc", "-f", "docx", "-t", fmt, str(source)])
    if name == "docx2txt":
        return _run(["docx2txt", str(source), "-"])
    if name.startswith("mammoth-"):
        return _mammoth(name, source).encode("utf-8")
    if name.startswith("pdftotext"):
        mode = name.split("-")[1:]
        return _run(["pdftotext", "-enc", "GBK" if encoding == "gbk" else "UTF-8"]
                    + [f"-{m}" for m in mode] + [str(source), "-"])
    if name == "pdfplumber":
        return _pdfplumber(source).encode("utf-8")
    if name == "antiword":
        return _run(["antiword", "-m", "UTF-8.txt", "-w", "0", str(source)])
    if name == "catdoc":
        return _run(["catdoc", "-d", "utf-8", "-w", str(source)])
    raise KeyError(name)
