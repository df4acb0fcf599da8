"""The bundled samples (resources/samples/): what a newcomer sees on the first start."""
from pathlib import Path

from core.check.rules import check
from core.pipeline import load_report, report_files
from core.template import all_paths

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"
WITH_ERROR = SAMPLES / "0-示例-含一处错误_鼓楼区人民政府2021.txt"
SEED = SAMPLES / "003_2385a1ea8664f14a.txt"
PLANTED = "section3.granted.natural"  # （一）予以公开 × 自然人: 12 in the seed, 15 in the sample


def test_samples_are_five_published_reports_and_one_with_a_planted_error():
    names = sorted(p.name for p in report_files(SAMPLES))
    assert len(names) == 6 and names[0] == WITH_ERROR.name  # listed first
    assert WITH_ERROR.read_text(encoding="utf-8").startswith("【示例文件，不是鼓楼区人民政府发布的原文")


def test_the_planted_error_is_found_and_the_suggestion_restores_the_printed_value():
    seed, sample = load_report(SEED), load_report(WITH_ERROR)
    assert (sample.agency, sample.year, sample.template) == (seed.agency, seed.year, seed.template)
    differing = [p for p in all_paths("2021") if sample.value(p) != seed.value(p)]
    assert differing == [PLANTED]
    assert (seed.value(PLANTED), sample.value(PLANTED)) == (12, 15)
    assert check(seed) == []
    errors = [f for f in check(sample) if f.severity == "error"]
    assert errors and all(f.suggestion.cell == PLANTED and f.suggestion.value == 12 for f in errors)
