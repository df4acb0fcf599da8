"""The zoo's web pages as real sites publish them (bench/zoo_sites.py): each carries every number of
its truth as a cell of a table, the page's furniture around it, and is built only when named."""
from __future__ import annotations

import json
import re

from lxml import etree

from bench.zoo_build import build
from bench.zoo_convert import ROUTES
from bench.zoo_render import grids
from bench.zoo_sites import SITE_ROUTES, site_page
from bench.zoo_tables import generate


def _cells(page: str) -> list[str]:
    """The text of every table cell of the page that shows (hidden elements left out)."""
    root = etree.fromstring(page, etree.HTMLParser())
    for hidden in root.xpath("//*[contains(translate(@style, ' ', ''), 'display:none')]"):
        hidden.getparent().remove(hidden)
    return ["".join(td.itertext()).strip() for td in root.iter("td")]


def test_each_site_route_prints_every_value_of_the_grids_in_order():
    for report in generate(seed=27, count=6):
        wanted = [c.text for grid in grids(report).values() for row in grid for c in row
                  if re.fullmatch(r"[0-9.]+", c.text)]
        for route in SITE_ROUTES:
            page = site_page(route, report, "utf-8", f"27:{report.name}")
            numbers = [text for text in _cells(page) if re.fullmatch(r"[0-9.]+", text)]
            assert numbers == wanted, (route, report.name)


def test_site_pages_carry_furniture_numbers_and_word_markup():
    report = generate(seed=27, count=1)[0]
    cms = site_page("cms-html", report, "utf-8", "27:x")
    assert "浏览次数" in cms and "联系电话" in cms and "TRS_Editor" in cms
    word = site_page("word-html", report, "gbk", "27:y")
    assert "MsoNormal" in word and "<td width=" in word
    wps = site_page("wps-html", report, "gbk", "27:z")
    assert " x:num>" in wps and "<col " in wps


def test_site_routes_are_built_only_when_named(tmp_path):
    assert all(r.opt_in and r.source == "site" for r in ROUTES if r.name in SITE_ROUTES)
    manifest = build(tmp_path, seed=5, count=3, per_report=2, only=("cms-html", "word-html"), log=lambda *a: None)
    assert manifest["outputs"] == 6 and manifest["skipped"] == []
    for truth in tmp_path.glob("*.json"):
        if truth.name != "manifest.json":
            assert json.loads(truth.read_text(encoding="utf-8"))["zoo"]["source"] == "site"
