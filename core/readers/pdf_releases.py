"""The pdfminer.six and pdfplumber releases the fast PDF paths were checked against.

The fast paths (pdf_content, pdf_objects, pdf_text, pdf_tables) rebuild what pdfplumber and
pdfminer build, leaning on their private state; with any other release the readers keep the
libraries' own code (the same text, slower). Add a release here only after reading its diff
and running tests/core/readers/test_pdf_fast_paths.py and test_pdf_content.py with it.
"""
import pdfminer
import pdfplumber

PDFMINER = ("20260107",)
# 0.11.11 changed only display.py (page images) and PdfminerException's message
PDFPLUMBER = ("0.11.10", "0.11.11")


def pdfminer_checked() -> bool:
    return pdfminer.__version__ in PDFMINER


def pdfplumber_checked() -> bool:
    return pdfplumber.__version__ in PDFPLUMBER and pdfminer_checked()
