"""Files an auditor's folder holds beside the reports, none of them a report, and what each costs:

    python bench/nonreports.py DEST [--ms] [--write-only]

Writes into DEST (made if missing) six texts that are no 政府信息公开工作年度报告 but look like
what sits beside them: a long Markdown list naming the tables' row labels (a reviewer's notes),
a 2 MB program log, a CSV of numbers (a spreadsheet exported), a plain Chinese article about
政务公开 (it says 政府信息公开 and 申请 early), a meeting notice with a small table of its
attendees, and a big web page with no report. Each is made from a fixed seed: the same bytes
every run. Then prints each file's M instructions, read + parse + check as for a report met for
the first time (bench/first_counts.py's single valgrind run), or with --ms its milliseconds
(best of 3, the host's speed swings: a rough figure). The goal (issue 10): no input on a slow
path, ≤ 20 ms ≈ 150 M instructions a file. Every file must end listed as no report
(parser.NOT_A_REPORT) or at least without a crash: the script prints each one's problems.

Counted 2026-12-07 (one first_counts run, the fixtures' zoo README with them), at 32773f31 → after
the notes' 表三 no longer read as a table and the lines holding a word found by their offsets:
notice 7.7 → 7.7 M, article 9.1 → 9.1, Markdown list 224.2 → 102.2, portal page 268.6 → 245.4,
log (2 MB) 319.0 → 319.2, CSV 402.0 → 356.3, zoo README 539.3 → 249.8. Left: the log's and
the CSV's cost is their reading (a Line and its Cells made for each of 21 868 lines, 72 000
fields), some 0.16 and 0.9 M a KB, a report's ~1 M a KB.

At 6aaedaf4 (a plain text's lines made when first asked for, parse telling a text holding none of
the words a section or a table is found by from its text alone: names_no_table), against
df27c568 in one first_counts run with the zoo README: log 318.8 → 173.9 M, CSV 356.2 → 124.9,
notice 7.7 → 7.8, article 9.2 → 9.1, Markdown list 104.1 → 103.4, portal page 245.5 → 245.9, zoo
README 253.3 → 254.8 (alone: 271.8 → 272.3). Left: the log's 174 M is hashing its 2 MB (sha256,
67 M), decoding it (12 M) and looking for garbled letters (lost.py's _may_hold_garbled, 68 M);
the portal page and the README name 政府信息公开 or the tables' words, so they are parsed as
reports whose tables are missing: the page's cost is lxml's parse and the stylesheet's rendering
of its text (~135 M), the README's its 4 000 lines of table words.

slow68 (each file alone, `bench/first_counts.py FILE`, 6bf6361f → after): log 173.9 → 128.8 M (the
garbled-letter test finds a letter's group by its UTF-8 lead byte, memchr, before looking for its
letters: 75 → 30 M; sha256's 56 M stay: natively it is the cheapest of hashlib's hashes here, SHA-NI,
which valgrind does not run, and the review database keys on it), CSV 126.7 → 50.6 (a CSV holding no
quote, tab, NUL, CR or pipe is its text with a tab for each comma, not parsed by the csv module),
Markdown list 106.0 → 106.8 (it holds a Latin-1 letter: the UTF-8 is made, then the Latin-1 as
before), the zoo README 280.8 → 249.7 (glued_zeros_as_digits no longer searches a text holding
no zero character for one, 2 × 13 M; the "[TABLE]" placeholder looked at around each one, 21.5 M),
portal page 265.6 → 264.3 (the first page of a process: 44 M of it import lxml and compile the
HTML reader; libxml2's parse ~79 M, whether given str or UTF-8 bytes, the stylesheet ~69 M, the
page's parse 16 M). Left in the zoo README (~250 M): the reader's 758 pipe rows 41 M, parse ~72 M
(glued_t3 29 M, lost_text_flags' garbled-pair search 13 M), the check ~53 M (_flat_prose 19 M,
document_rules 20 M, _prose_says 9 M).
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.template import T2_2019, T2_2021, T3_2021, T4  # noqa: E402

_LABELS = [row.label for table in (T2_2021, T2_2019, T3_2021, T4) for row in table.rows]
_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
_TOOLS = ["pandoc", "html2text", "lynx", "w3m", "pdftotext -layout", "pdftotext -raw", "antiword", "catdoc",
          "docx2txt", "LibreOffice"]
_PHRASES = ["读作", "漏读", "错位到下一行", "被并入上一行", "读成空白", "多读了一个0", "与原文一致", "已核对"]
_SENTENCES = [
    "本市持续深化政务公开，围绕群众关切推进重点领域信息公开。",
    "各级行政机关认真贯彻落实《中华人民共和国政府信息公开条例》，依法依规办理政府信息公开申请。",
    "市政府办公室牵头组织开展政务公开培训，参训人员覆盖全市各部门。",
    "通过政府网站、政务新媒体、新闻发布会等渠道及时发布权威信息，回应社会关切。",
    "进一步规范依申请公开工作流程，完善登记、审核、答复、归档等环节。",
    "加强政府信息公开平台建设，优化栏目设置，提升信息检索的便利程度。",
    "对公众提出的申请，严格按照法定时限作出答复，确保答复内容准确、依据充分。",
    "推进决策公开，对涉及群众切身利益的重要政策，在出台前广泛征求社会意见。",
    "2023年，全市共组织政策解读活动多场，发布图文解读、视频解读等多种形式的解读材料。",
    "下一步，将继续加强组织领导，压实工作责任，推动政务公开工作再上新台阶。",
]


def markdown_list(rng: random.Random) -> str:
    """A reviewer's notes: a long Markdown list, each item naming a file and one of the tables'
    row labels with a column and a number (≈180 KB, no heading of a report's sections)."""
    lines = ["# 转换器输出样本说明", "", "每个样本一行：文件名，它说明了什么。", ""]
    for n in range(900):
        label = rng.choice(_LABELS)
        lines.append(f"- `q{rng.randint(22, 31)}0{rng.randint(1, 8)}-r{n:04d}-{rng.choice(_TOOLS).replace(' ', '')}.txt`："
                     f"{rng.choice(_TOOLS)} 的输出，表{rng.choice('二三四')}「{label}」×{rng.choice(_COLUMNS)} "
                     f"{rng.randint(0, 999)} {rng.choice(_PHRASES)}（应为 {rng.randint(0, 999)}），"
                     f"{rng.choice(_PHRASES)}；「{rng.choice(_LABELS)}」行的 {rng.randint(1, 7)} 个值随之后移。")
        if n % 60 == 59:
            lines += ["", f"## 第 {n // 60 + 2} 批", ""]
    return "\n".join(lines) + "\n"


def program_log(rng: random.Random) -> str:
    """A program's log, ≈2 MB: timestamps, levels, numbers, paths, a Chinese message now and then."""
    lines = []
    size = 0
    second = 0
    while size < 2_000_000:
        second += rng.randint(0, 3)
        stamp = f"2026-12-{1 + second // 86400:02d} {second // 3600 % 24:02d}:{second // 60 % 60:02d}:{second % 60:02d}"
        kind = rng.random()
        if kind < 0.6:
            line = (f"{stamp} INFO  worker[{rng.randint(1, 8)}] parsed /data/年报/{rng.randint(2019, 2024)}/"
                    f"{rng.randint(1000, 9999)}.pdf in {rng.randint(3, 900)} ms ({rng.randint(1, 40)} pages, "
                    f"{rng.randint(100, 90000)} bytes)")
        elif kind < 0.85:
            line = f"{stamp} DEBUG cache hit {rng.getrandbits(64):016x} size={rng.randint(1, 9999)} age={rng.randint(0, 86400)}s"
        elif kind < 0.97:
            line = f"{stamp} WARN  第 {rng.randint(1, 40)} 页未找到文字层，跳过 ({rng.randint(0, 99)} {rng.randint(0, 99)} {rng.randint(0, 99)})"
        else:
            line = f"{stamp} ERROR 连接超时：retry {rng.randint(1, 5)}/5 after {rng.randint(100, 5000)} ms"
        lines.append(line)
        size += len(line.encode()) + 1
    return "\n".join(lines) + "\n"


def numbers_csv(rng: random.Random) -> str:
    """A spreadsheet saved as CSV: a Chinese header, then 8 000 rows of codes and counts."""
    rows = ["序号,单位代码,单位名称,年度,收文数,发文数,办结数,满意率,经费（万元）"]
    for n in range(1, 8001):
        rows.append(f"{n},{rng.randint(100000, 999999)},单位{rng.randint(1, 300)},{rng.randint(2019, 2024)},"
                    f"{rng.randint(0, 5000)},{rng.randint(0, 5000)},{rng.randint(0, 5000)},"
                    f"{rng.randint(80, 100)}.{rng.randint(0, 9)},{rng.randint(0, 99999) / 100:.2f}")
    return "\n".join(rows) + "\n"


def article(rng: random.Random) -> str:
    """A plain article about 政务公开 (≈40 KB): 政府信息公开 and 申请 in its first lines, numbers in
    its sentences, headings of its own but none of a report's tables."""
    parts = ["关于全市政务公开工作情况的综述", "", "各位代表：",
             "现将本市政府信息公开和依申请公开工作开展情况报告如下。"]
    for n, heading in enumerate(["一、总体情况", "二、主要做法", "三、存在问题", "四、下一步打算"] * 3):
        parts += ["", heading]
        for _ in range(8):
            parts.append("".join(rng.choice(_SENTENCES) for _ in range(rng.randint(2, 5)))
                         + f"全年累计{rng.randint(10, 9999)}次，同比增长{rng.randint(1, 40)}.{rng.randint(0, 9)}%。")
    return "\n".join(parts) + "\n"


def meeting_notice(rng: random.Random) -> str:
    """A notice of a meeting on the annual reports, with a small table of who attends."""
    lines = ["关于召开2023年度政府信息公开工作年度报告编制工作会议的通知", "",
             "各区人民政府，市政府各部门：",
             "为做好2023年度政府信息公开工作年度报告编制和发布工作，经研究，决定召开工作会议。现将有关事项通知如下：",
             "一、会议时间", "2024年1月10日上午9:00", "二、会议地点", "市政府第三会议室",
             "三、参会人员", "各单位分管负责同志和政务公开工作人员各1名。", "",
             "| 序号 | 单位 | 参会人数 | 联系电话 |", "|---|---|---|---|"]
    for n in range(1, 31):
        lines.append(f"| {n} | 单位{n} | {rng.randint(1, 3)} | 0{rng.randint(10, 99)}-{rng.randint(10000000, 99999999)} |")
    lines += ["", "四、有关要求",
              "（一）请各单位对照《政府信息公开工作年度报告格式》，认真核对本年新收政府信息公开申请数量、"
              "上年结转政府信息公开申请数量、行政复议和行政诉讼等数据。",
              "（二）请于1月8日前报送参会回执。", "", "市政府办公室", "2024年1月3日"]
    return "\n".join(lines) + "\n"


def web_page(rng: random.Random) -> str:
    """A portal's big page (≈1 MB): navigation, news lists, a data table, scripts; no report."""
    html = ["<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>某市人民政府门户网站</title>",
            "<script>var cfg = {" + ",".join(f"k{n}: {n * 7}" for n in range(400)) + "};</script></head><body>",
            "<ul class=\"nav\">" + "".join(f"<li><a href=\"/c{n}\">栏目{n}</a></li>" for n in range(60)) + "</ul>"]
    for block in range(60):
        html.append(f"<h2>信息公开专栏 {block}</h2><ul>")
        for n in range(60):
            html.append(f"<li><a href=\"/art/{block}/{n}.html\">{rng.choice(_SENTENCES)[:24]}</a>"
                        f"<span>2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}</span></li>")
        html.append("</ul>")
    html.append("<table><tr><th>指标</th><th>2022</th><th>2023</th><th>增长</th></tr>")
    for n in range(200):
        html.append(f"<tr><td>指标{n}</td><td>{rng.randint(0, 9999)}</td><td>{rng.randint(0, 9999)}</td>"
                    f"<td>{rng.randint(-50, 50)}%</td></tr>")
    html.append("</table></body></html>")
    return "\n".join(html) + "\n"


FILES = {
    "转换器样本说明.md": markdown_list,
    "系统运行日志.txt": program_log,
    "统计数据导出.csv": numbers_csv,
    "政务公开工作综述.txt": article,
    "关于召开年度报告编制工作会议的通知.txt": meeting_notice,
    "门户网站首页.html": web_page,
}


def write(dest: Path) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in FILES.items():
        path = dest / name
        path.write_text(make(random.Random(name)), encoding="utf-8")
        written.append(path)
    return written


def milliseconds(paths: list[Path]) -> None:
    from bench.make_folder import text_sources
    from core.check.rules import check
    from core.parse.parser import parse
    from core.pipeline import load_report
    from core.readers.dispatch import read_bytes, read_document
    for source in text_sources():  # (imports and compiled patterns warmed, as first_counts does)
        check(parse(read_document(source, read_bytes(source)[0])))
    for path in paths:
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            report = load_report(path)
            check(report)
            best = min(best, time.perf_counter() - start)
        print(f"{best * 1000:8.1f} ms  {path.stat().st_size / 1024:7.0f} KB  {path.name}  {report.problems}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dest")
    parser.add_argument("--ms", action="store_true", help="milliseconds instead of instructions")
    parser.add_argument("--write-only", action="store_true")
    args = parser.parse_args()
    paths = write(Path(args.dest))
    if args.write_only:
        return 0
    if args.ms:
        milliseconds(paths)
        return 0
    return subprocess.run([sys.executable, str(ROOT / "bench" / "first_counts.py"), *map(str, paths)]).returncode


if __name__ == "__main__":
    sys.exit(main())
