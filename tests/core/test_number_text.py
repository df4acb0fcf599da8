"""One way to write a value as text (core.model.number_text), shared by the window's tables, the
findings and the exports: the same value reads the same everywhere."""
from __future__ import annotations

from core.export.common import format_value
from core.model import number_text


def test_a_value_reads_as_the_report_would_print_it():
    assert number_text(12) == "12"
    assert number_text(30.0) == "30"  # a float that is a whole number: no ".0"
    assert number_text(12.5) == "12.5"
    assert number_text(25.1001) == "25.1001"  # 251001元 in 万元: every decimal kept
    assert number_text(-3) == "-3"
    assert number_text(1e16) == "10000000000000000"  # never "1e+16"


def test_the_noise_of_float_arithmetic_is_not_shown():
    assert number_text(37.9 - 25.1) == "12.8"  # 12.799999999999997 in binary
    assert number_text(0.1 + 0.2) == "0.3"
    assert number_text(1 / 3) == "0.333333"
    assert number_text(1 / 3, places=4) == "0.3333"  # a finding's message keeps four


def test_an_export_writes_a_change_as_the_window_shows_it():
    assert format_value(37.9 - 25.1) == "12.8"
    assert format_value(30.0) == "30"
    assert format_value(None) == "空白"
