"""Fill the template's tables from a Document.

Every row is anchored on its label, never on a running count of numbers: the numbers between one
row label and the next belong to the first. A row that prints fewer or more values than the
template has columns is assigned by the template's arithmetic (see reconcile.py) and flagged.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache
from itertools import chain, combinations, product
from math import inf, prod
from operator import attrgetter, is_
from typing import Iterable, Iterator, Optional, Sequence

from core.readers.document import Document, Line
from core.readers.encoding import LOSSY_PROBLEM, UTF8_READ_AS_GBK, reads_as_chinese, utf8_read_as_gbk
from core.readers.text import GBK_READ_AS_UTF8, UTF8_READ_AS_GB2312, UTF8_READ_AS_LATIN1
from core.model import (BLANK, GLUED_NO_CUT, GLUED_UNDECIDED, INFERRED, LINES_BY_SUMS, MISSING, NEIGHBOUR_MAY_HOLD, NUMBER,
                        OTHERS_MAY_BE_IN, OVERRUN, PLACED_BY_ORDER, PLACED_BY_POSITION, READING_UNDECIDED, SUBTOTAL_LEFT_OUT, SUBTOTAL_UNTOLD, BLANK_TEMPLATE,
                        ZEROS_ANY_READING, CellValue, Flag, Number, Report, blank_template, known)
from core.parse.reconcile import (assign_irregular, infer_forced, one_typo_placement, replace_short_rows, row_equations,
                                  unglue)
from core.equations import Equation, equations, is_digit_slip
from core.parse.columns import (SURE_MARGIN, T3_HEADER_WORDS, Interval, Layout, Placement, column_anchors,
                                display_width, equation_score, extents_of, width_of, moved_back_past_total,
                                header_centres, names_in_order, header_extents, line_candidates, padded_apart,
                                place_by_anchors, placed_scorer, placement_cost, positions, narrow_positions,
                                stretch_at, row_placements, with_own_pages, named_pages, scaled_pages, PlacedScore,
                                wide_positions, token_number)
from core.parse.blocks import UNDECIDED_CELL, recut_runs
from core.parse.early_values import (BY_POSITION, BY_ROW_ORDER, BY_ROW_ORDER_AND_SUMS, beside_labels,
                                     give_early_values_down, give_stray_values_down, one_a_paragraph_after_labels,
                                     placed_by_order)
from core.parse.ruled import (box_cell_text, box_columns_after_last, boxed_label_cells, cells_past_last, cells_printed_past_last,
                              box_row_values_above, cells_right_of, in_box_cell_order, on_lines_of_one_box_row,
                              values_in_cells,
                              continued_part_columns_after_last, ends_on_printed_blank, in_label_column,
                              outside_boxed_row, own_box_header, printed_blank, ruled_row, wrapped_box_numbers)
from core.parse.row_sums import parts_add_up, tokens_add_up
from core.parse.slid_cells import every_row_placed, slide_values_by_sums
from core.parse.stacked_cells import STACKED_VALUES, stacked_pair
from core.parse.space_gaps import fill_space_gaps
from core.parse.tab_breaks import fill_tab_gaps
from core.parse.label_glued import counts_glued_to_label
from core.parse.glued import CUT_LEFT_OPEN, LEFT_OPEN, MAX_DIGITS, NO_UNIQUE_CUT, completes, glued_t2, signs_printed, split_plain, t2_run_cells
from core.parse.cell_lines import alone_on_line
from core.parse.t2_short_rows import place_short_row
from core.parse.t3_placement import (agreed_rows, blank_total_placement, blank_total_search, leftmost_blank_total,
                                     traced_placement, undecided_columns,
                                     unique_placement)
from core.parse.blank_traces import blank_traces, subtotal_of_wider_row, without_subtotal_trace
from core.parse.t3_anchored import read_anchored_rows, read_as_anchored, stored_as_printed
from core.parse.open_zeros import read_open_zeros
from core.parse.grid_columns import by_header, header_padding
from core.parse.head_flows import head_rows_from_flows
from core.parse.footnotes import footnote_lines
from core.parse.column_order import put_docs_in_header_order, put_parts_in_header_order, put_t4_columns_in_header_order
from core.parse.t2_before_label import t2_values_before_labels
from core.parse.t2_before_t3 import t2_complete_columns, t2_values
from core.parse.printed_sum import confirmed_sum, t3_printed_sum
from core.parse.column_blocks import read_column_blocks
from core.parse.pdfblocks import (each_value_after_its_name, t2_column_blocks, t2_rows_after_labels_and_names,
                                  t2_rows_under_headers, t3_spill, t4_partly_under_section5, t4_printed_apart,
                                  t4_stray_values)
from core.parse.page_furniture import furniture, without
from core.parse.lost import (BLANKS_UNTRACED_ZEROS, ZEROS_UNPLACED, blank_rows, empty_line, headless_table_flags,
                             lost_character_flags, lost_text_flags, only_zeros, zero_row, zeros_in_doubt)
from core.parse.sections import find_sections, line_text, names_a_heading_word
from core.parse.stray_totals import place_stray_totals
from core.parse.early_total import read_totals_printed_early
from core.parse.lost_label import give_values_after_lost_labels
from core.parse.wrapped_remarks import wrapped_remark_numbers
from core.parse.count_before_label import give_lone_counts_down
from core.parse.t4_total_heads import t4_last_total_apart
from core.parse.spilled import after_an_unprinted_total, spilled_rows, values_line_of_next_row
from core.parse.unread import unread_cell_flags
from core.parse.wrapped_counts import (Parts, counts_over_their_units, flag_counts_over_units, read_wrapped_by_the_sums,
                                      take_wrapped_counts_down)
from core.parse.wider_parts import ZEROS_IN_A_WIDER_PART, wider_part_rows, zero_rows_in_doubt
from core.parse.fee_unit import fee_in_printed_unit
from core.parse.stored_cells import (T2_BREAK, UNREAD, row_cells_of, store_row, table_cells, table_equations,
                                     table_values, widths_of)
from core.parse.subtotal_rows import (CELLS_OF_EIGHT, ROW_OF_EIGHT, ROW_OF_EIGHT_BLANK_TOTAL, SHORT_ROW_OF_EIGHT, TAB_ROW_OF_EIGHT, ZERO_ROW_CUT_BLANK, ZERO_ROW_PRINTS_PAST_TOTAL,
                                     GAP_ROW_OF_EIGHT, ZEROS_PAST_LAST, ZEROS_PAST_LAST_UNTOLD,
                                     blank_cells_phrase, flag_lone_total, may_be_clipped, may_have_lost_a_blank, cells_add_up_as_eight, prints_as_eight, prints_as_eight_blank_total,
                                     implied_total, read_blank_lost, read_clipped, read_grid_eights_blank_total,
                                     short_row_of_eight,
                                     without_subtotal, zero_only_with_subtotal, zero_row_filling_blank_total,
                                     zero_rows_a_writer_cuts, zero_rows_past_padding, zero_table_rows_may_be_cut,
                                     zero_subtotal_row)
from core.parse.merged_cells import MERGING_FORMATS, spread_merged_cells
from core.parse.lost_order import flag_blank_rows_of_a_lost_order
from core.parse.overflow import lone_overflow_marks, overflow_cells_unread, wrapped_overflow_marks
from core.parse.metadata import read_metadata
from core.parse.paragraph_streams import fill_paragraph_gaps
from core.parse.t4 import T4_COLUMNS_KEYS, flag_unconfirmed_t4_groups, parse_t4, store_t4, t4_table_tokens
from core.parse.glued_tables import NO_CUT_ADDS_UP, glued_t3, glued_t4, uncut_rows_printing_counts
from core.parse.stream import displaced_value_rows, flag_unanchored_rows, head_rows_by_column_sums, interleaved_rows
from core.template import (DENIED, NOT_PROCESSED, OTHER, RESULT_ROWS_2019, RESULT_ROWS_2021, RESULTS, T3_2019, T3_2021,
                           T3_COLUMNS, T4, UNABLE, Row, Table, tables)
from core.parse.second_t3 import one_t3
from core.parse.t3_transposed import read_transposed_t3
from core.parse.second_tables import SECTION6_TABLE_WORDS, appended_set_problem, second_set_problem
from core.parse.labels import LABEL_NOISE, NUMBERING, find_labels, labels_behind, own_number
from core.parse.line_orders import (better_line_order, eight_reordered, lines_reordered, order_doubtful,
                                    readings_undecided)
from core.parse.plain_flow import (EITHER_HEAD_ROW, bunched_labels_cut, head_labels_printed_later, rows_run_on,
                                   short_rows_dealt, values_printed)
from core.parse.tokens import (EMPTY, NA, NUM, OVERFLOW_MARKS, TEXT, Token, ascii_digits, blank_artefacts, is_placeholder,
                               normalise, overlong_number, tokenize)

# The problem of a file read but holding no report (no table, no words of one): a file-level
# error like a file that cannot be read, which the checks leave to it (OUTPUT.md: problems)
NOT_A_REPORT = "不是政府信息公开工作年度报告（未找到报告的章节和统计表）"
# Said instead of it where the text is garbled (its reading's own problem says how): no report found
# in such a text says nothing of the file, which may well be one (a lynx dump of a report's page)
GARBLED_NO_REPORT = "文字为乱码，读不出报告的章节和统计表"
NO_REPORT = (NOT_A_REPORT, GARBLED_NO_REPORT)
_UNREADABLE = (UTF8_READ_AS_LATIN1, UTF8_READ_AS_GBK, GBK_READ_AS_UTF8, UTF8_READ_AS_GB2312)
_BOX_VERTICALS = "│┃|"  # the cell borders of w3m/lynx table dumps
# a grid cell's text holding digits that is no number: "737*", "约30", "12(注)" (a row label's
# own number, "1.属于国家秘密", is no cell)
_UNREADABLE_CELL = re.compile(r"[0-9]")
_SUB_ROW_LABEL = re.compile(r"^\d{1,2}[.、]")

ANOTHER_REPORT = "文件中在第六部分之后还有一份报告的章节和统计表（如同一页面上的另一年度报告），只读取了第一份，请核对原文件"

MARKERS_2019 = ("本年新制作数量", "本年新公开数量", "对外公开总数量", "集中采购", "对外管理服务",
                "上一年项目数量")
MARKERS_2021 = ("本年制发件数", "本年废止件数", "现行有效件数", "逾期不补正", "缴纳费用", "收费通知")


def parse(doc: Document) -> Report:
    report = Report(file=doc.path, format=doc.format, encoding=doc.encoding, text=doc.text,
                    problems=list(doc.problems))
    # (not strip(): no copy of the text) a text holding none of the words a table or a section is
    # found by: its first line asked for alone, a deferred Document's lines made only for a report
    no_table = bool(doc.text) and not doc.text.isspace() and names_no_table(doc.text)
    if not doc.text or doc.text.isspace() or not (doc.first_lines(1) if no_table else doc.lines):
        if not report.problems:
            report.problems.append("文件没有可读取的文字内容")
        return report
    read_metadata(doc, report)  # (its first lines, of a text holding no table those alone made)
    report.flags.extend(lost_text_flags(doc))
    if no_table:  # (what the stages below would find: no section, no table)
        empty: dict[int, list[Token]] = {2: [], 3: [], 4: []}
        report.template = detect_version(empty, report.year, "")
        report.cells = _unread_cells(report.template).copy()
        return _no_report(doc, report)
    sections = find_sections(doc.lines, doc.text)
    regions = {n: sections.span(n, len(doc.lines)) for n in range(1, 7)}  # (None: no heading found)
    # 表二's lines where no heading names them: the table itself (looked for once)
    t2_headless = None if regions[2] else _fallback_t2_span(doc, sections.heading_lines)
    # page numbers and repeated header rows inside the tables (表二's without its heading too)
    dropped = furniture(doc, regions if regions[2] else {**regions, 2: t2_headless})
    # and a note printed under 表三 or 表四 (「注：……网上申请 18 件……」): no row's values
    notes = footnote_lines(doc, regions)
    if notes:
        dropped = sorted(set(dropped).union(notes))
    # (their text stays in the document's: what reads runs of it, not its lines, leaves them out)
    dropped_spans = [(cell.start, cell.end) for i in dropped for cell in doc.lines[i].cells]
    if dropped:
        doc, sections = without(doc, sections, dropped)
        regions = {n: sections.span(n, len(doc.lines)) for n in range(1, 7)}
    report.sections = sorted(sections.heading_lines)
    if sections.another_report:
        report.problems.append(ANOTHER_REPORT)
    for number, span in regions.items():  # (the sections of report.sections, in order)
        if span is None:
            continue
        first, last = span
        start = doc.lines[first].cells[0].start if doc.lines[first].cells else 0
        end = doc.lines[last].cells[0].start if last < len(doc.lines) and doc.lines[last].cells \
            else len(doc.text)
        report.section_spans[number] = (start, end)

    if doc.format in MERGING_FORMATS:  # 表二's, 表三's and 表四's merged 0s over each cell they cover
        doc, merged_flags = spread_merged_cells(doc, regions)
        report.flags.extend(merged_flags)
    tokens = {n: tokenize(doc.lines, *span) if (span := regions[n]) else [] for n in (2, 3, 4)}
    if "│" in doc.text:  # a terminal's ruled box (w3m): a number wrapped in its narrow cell is one
        tokens = {n: wrapped_box_numbers(doc.text, found) for n, found in tokens.items()}
    if doc.page_starts and tokens[3] and (remarks := wrapped_remark_numbers(tokens[3], doc.text)):
        tokens[3][:] = _without(tokens[3], remarks)  # (a remark's numbers its narrow cell wrapped below its count)
    if not tokens[2] and (t2_span := t2_headless if not regions[2] else _fallback_t2_span(doc, sections.heading_lines)):
        tokens[2] = tokenize(doc.lines, *t2_span)  # no heading: the table itself
    if not tokens[3]:  # no heading: look for the table itself
        tokens[3] = _fallback_t3_tokens(doc, sections.heading_lines.values())
    if not tokens[4]:
        tokens[4] = _fallback_t4_tokens(doc)
    # cells of 表二 and 表四 printing 「###」 each a line of its own (plain pdftotext: a cell a paragraph):
    # a blank holding the cell's place for every reader, then the cell left unread (overflow.py).
    # (Not 表三's: its readers of such a stream place rows by the sums, which a blank for an unread
    # count breaks: (一)'s and (二)'s values printed after both labels were no longer told apart)
    # (looked for where the tables print 「##」: a search of their text, not of the whole)
    # a 「###」 wrapped in its narrow cell, or printed a line above or below its row (pdftotext -layout):
    # one cell of its row's line
    wrapped_overflow_marks({n: tokens[n] for n in (2, 3, 4) if tokens[n] and doc.text.find(
        "#", tokens[n][0].start, tokens[n][-1].end) >= 0}, doc.lines, doc.text)
    lone_marks = lone_overflow_marks({n: tokens[n] for n in (2, 4) if tokens[n] and doc.text.find(
        "##", tokens[n][0].start, tokens[n][-1].end) >= 0}, doc.lines)
    # (section 三's texts joined once: the version's markers and 表二's later columns look in them)
    section3_text = "".join([t.text for t in tokens[3] if t.kind == TEXT])
    report.template = detect_version(tokens, report.year, section3_text)
    templ = tables(report.template)
    # every cell unread until a row stores it: one CellValue for all of them (a CellValue is never
    # changed in place, only replaced), the template's dict of them copied
    report.cells = _unread_cells(report.template).copy()
    # 表二 in the 2019 trial's form, 表三 in 2021's (its （六） printing three rows): 表三 read as
    # printed, in 2021's rows, then its （六） rows summed into the 2019 row the report's form holds
    t3_of_2021 = report.template == "2019" and any(m in section3_text for m in _T3_MARKERS_2021) \
        and _prints_other_rows_of_2021(tokens[3])
    if t3_of_2021:
        report.cells.update(_unread_cells("2021"))
        templ = {**templ, "section3": tables("2021")["section3"]}

    if not _is_report(doc, tokens, report.template):
        return _no_report(doc, report)
    serial_header = _SERIAL_HEADER in doc.text  # (asked once: few reports print 序号 at all)
    serials = serial_numbers(templ["section2"], tokens[2]) if serial_header else []
    if serials:
        tokens[2][:] = _without(tokens[2], serials)
    *_, t2_as_printed = parse_rows(templ["section2"], tokens[2], report, t2=True, lines=doc.lines)
    # 表二 read as printed, every row found, each stored whole from the values right after its label,
    # the first a number or a placeholder: glued_t2 finds no row with nothing read to read again,
    # t2_column_blocks no row with several columns printing one value beside its label,
    # t2_rows_under_headers no text between a label and its first value (none change a thing)
    if not t2_as_printed:
        reread_glued_t2(report, templ["section2"], dropped_spans)
        t2_column_blocks(report, templ["section2"], tokens, doc.page_starts)
        if any(report.cells[path].state == MISSING for path in templ["section2"].paths()):
            # (a block printing its labels, then its names, then its cells leaves its first row unread)
            t2_rows_after_labels_and_names(report, templ["section2"], tokens[2])
    # (表二 read as printed leaves section 三's tokens as they were: their texts as joined above)
    t2_complete_columns(report, templ["section2"], tokens, section3_text if t2_as_printed else None)
    if not t2_as_printed:
        t2_rows_under_headers(report, templ["section2"], tokens[2])
        t2_values_before_labels(report, templ["section2"], tokens[2])
    if lone_marks.get(2):
        overflow_cells_unread(report, templ["section2"], lone_marks[2])
    fee_in_printed_unit(report)
    put_docs_in_header_order(report, templ["section2"], tokens[2])
    if t3_of_2021:
        report.template = "2021"  # (表三's readers and their sums: its rows' form, up to the fold)
    t3_spill(templ["section3"], tokens)
    t2_left = t2_values(tokens[3])
    if t2_left:
        left = {id(t) for t in t2_left}
        tokens[3][:] = [t for t in tokens[3] if id(t) not in left]
    # (asked here, where 表三's labels are found next: the same tokens, found once)
    tokens[3], two_t3 = one_t3(templ["section3"], tokens[3], report.year)
    if two_t3 is not None:
        report.problems.append(two_t3)
    if serial_header and _SERIAL_HEADER in section3_text and (t3_serials := serial_numbers(templ["section3"], tokens[3])):
        tokens[3][:] = _without(tokens[3], t3_serials)
        serials += t3_serials
    if serials:  # (what reads runs of the text reads them as spaces, as the page furniture)
        dropped_spans += [(t.start, t.end) for t in serials]
    t4_region = regions[4]  # (None: no heading of section 四)
    printed = t3_printed_sum(tokens[3], tokens[4], doc.lines, t4_region[1], t2_left, doc.page_starts) \
        if 3 in sections.heading_lines and t4_region is not None else None  # (its body's text bounded)
    t4_gathered = t4_stray_values(tokens, doc.lines, regions[5])
    # (its last 总计 block put back: the place of each value is the stream's, see t4_total_heads)
    t4_total_back = not t4_gathered and t4_last_total_apart(tokens, doc.lines, regions[5])
    # whether section 四 prints values of its own, judged on what parse_t4 reads: a value on the page
    # before its column heads' is another table's (p1902 r0015: 表三's 12834 229 after the heading, a
    # page break, then 表四 with its counts under section 五: read blank and flagged by nothing)
    t4_own = {4: t4_table_tokens(tokens[4], doc.page_starts) or []}
    t4_apart = not t4_gathered and not t4_total_back and t4_printed_apart(t4_own, doc.lines, regions[5])
    t4_partly = not t4_gathered and not t4_total_back and t4_partly_under_section5(t4_own, doc.lines, regions[5])
    # 表三's labels found once for the three readers, again only after one moved tokens; the values
    # each label prints before the next counted once for the last two, which act only where a label
    # before the last prints no value (a bunch: labels with only text between them) or 1 to width - 1
    # values (short_rows_dealt deals only rows before the last printing under width, one not none)
    # 表三 printed transposed (a line for each applicant column) is read by its own reader, not the rows'
    if not read_transposed_t3(report, templ["section3"], tokens[3]):
        over_units = counts_over_their_units(tokens[3], doc.text) if doc.lines else []
        found = find_labels(templ["section3"], tokens[3])
        either_head_row = head_labels_printed_later(templ["section3"], tokens[3], found)
        if either_head_row is not None:
            found = find_labels(templ["section3"], tokens[3])
        t3_values = values_printed(tokens[3], found)[:-1]
        if 0 in t3_values and bunched_labels_cut(templ["section3"], tokens[3], found):
            found = find_labels(templ["section3"], tokens[3])
            t3_values = values_printed(tokens[3], found)[:-1]
        if 0 in t3_values and rows_run_on(templ["section3"], tokens[3], found, t3_values):
            found = find_labels(templ["section3"], tokens[3])
            t3_values = values_printed(tokens[3], found)[:-1]
        width = len(templ["section3"].rows[0].columns)
        if any(0 < count < width for count in t3_values):
            short_rows_dealt(templ["section3"], tokens[3], found)
        overflowed, missing, anchored = parse_rows(templ["section3"], tokens[3], report, t2=False, lines=doc.lines,
                                                   pages=doc.page_starts,
                                                   own_grid=doc.format in _OWN_GRIDS and not doc.rows_cut_to_columns,
                                                   rows_cut=doc.rows_cut_to_columns)
        cells_by_rows = dict(report.cells) if missing else None
        # 表三 read as printed, each row's cells stored from the values printed beside its full label
        # (see read_as_anchored): read_anchored_rows has nothing to change unless a reader below
        # changes a cell (a CellValue is replaced, never changed in place)
        t3_paths = templ["section3"].paths()
        as_stored = list(map(report.cells.__getitem__, t3_paths)) if anchored else None
        reread_glued(report, templ["section3"], dropped_spans if serials else ())
        head_rows_by_column_sums(report, templ["section3"], tokens[3])
        flag_overflow_neighbours(report, templ["section3"], overflowed)
        if as_stored is None or not all(map(is_, map(report.cells.__getitem__, t3_paths), as_stored)):
            read_anchored_rows(report, templ["section3"], tokens[3], doc.page_starts)
        read_column_blocks(report, templ["section3"], tuple(doc.lines[i].cells[0].start for i in doc.page_starts
                                                            if i < len(doc.lines) and doc.lines[i].cells),
                           frozenset(dropped_spans))
        if cells_by_rows is not None:  # (rows missing)
            _say_missing_rows(report, templ["section3"], missing, cells_by_rows)
        place_stray_totals(report, templ["section3"], tokens[3])
        read_totals_printed_early(report, templ["section3"], bool(doc.page_starts))
        if either_head_row:
            one, other = (templ["section3"].row(key).label for key in either_head_row)
            report.flags.extend(Flag(f"section3.{key}", "parse", EITHER_HEAD_ROW.format(one, other))
                                for key in either_head_row)
        if "section3" in report.tables:
            _unread_cells_of_a_zero_table(report, templ["section3"], tokens[3])
            zero_table_rows_may_be_cut(report, templ["section3"])
            zero_rows_a_writer_cuts(report, templ["section3"])
        put_parts_in_header_order(report, templ["section3"], tokens[3], doc.lines, doc.page_starts)
        flag_blank_rows_of_a_lost_order(report, templ["section3"])
        if over_units:
            flag_counts_over_units(report, templ["section3"], over_units)
    if t3_of_2021:
        _fold_other_rows_of_2021(report)
        templ = tables(report.template)
    elif report.template == "2021":
        _say_other_row_of_2019(report, tokens[3], section3_text)
    parse_t4(tokens[4], report, doc.lines, pages=doc.page_starts)
    if lone_marks.get(4):
        overflow_cells_unread(report, T4, lone_marks[4])
    if t4_apart:  # (its blank cells are not the table's: its values printed elsewhere)
        report.flags.append(Flag("section4", "parse", "表四的数值印在第五部分标题之后等别处（PDF文字顺序），未能归入表格，请对照原文核对"))
    if t4_gathered:
        flag_unconfirmed_t4_groups(report)
    elif t4_partly:
        flag_unconfirmed_t4_groups(report, "印在第五部分标题之后的表四片段未能归入表格")
    reread_glued_t4(report)
    put_t4_columns_in_header_order(report, T4, tokens[4])
    # a second set of tables (another agency's) whose values were left unread: said, never mixed in
    second_set = second_set_problem(report, templ["section2"], tokens[2], tokens[4])
    if second_set is None and regions[6] is not None and not sections.another_report \
            and any(doc.text.find(word, report.section_spans[6][0]) >= 0 for word in SECTION6_TABLE_WORDS):
        second_set = appended_set_problem(report, templ["section2"], templ["section3"], tokenize(doc.lines, *regions[6]))
    if second_set is not None:
        report.problems.append(second_set)
    report.flags.extend(headless_table_flags(report))
    report.flags.extend(unread_cell_flags(report))
    report.flags.extend(lost_character_flags(report))
    report.t3_printed_sum = confirmed_sum(report, printed)
    if blank_template(report):  # every table found, nothing filled in: no report to check
        report.problems.append(BLANK_TEMPLATE)
    return report


# 表三's words only 2021's form prints: its （六）1. and 2. rows' labels
_T3_MARKERS_2021 = ("逾期不补正", "缴纳费用", "收费通知")
_OTHER_ROWS_2021 = ("other_no_correction", "other_no_fee", "other_other")
OTHER_ROWS_FOLDED = ("表三按2021年模板印出（六）其他处理的3行，本报告表二为2019年试行模板格式（两版模板混用），"
                     "按2019年模板只有「（六）其他处理」1行，已将3行各列相加填入，请对照原文核对")


def _prints_other_rows_of_2021(tokens: list[Token]) -> bool:
    """Whether 表三's text prints 2021's rows of （六）, 1. and 2. found as labels (not words of
    prose naming them)."""
    found = {key for _, key in find_labels(tables("2021")["section3"], tokens)}
    return all(key in found for key in _OTHER_ROWS_2021[:2])


OTHER_ROW_OF_2019 = ("表三的「（六）其他处理」只印有1行（2019年试行模板的格式），没有2021年模板分出的3行，"
                     "其数值无法拆分到各行，请对照原文填写")


def _say_other_row_of_2019(report: Report, tokens: list[Token], section3_text: str) -> None:
    """表三 read in 2021's rows whose （六） prints the one row of the 2019 trial's form (「（六）其他处理」
    and its values, none of 2021's rows 1.–3. found): the three rows' flags say so, rather than that
    their labels were not found."""
    missing = [i for i, f in enumerate(report.flags)
               if f.kind == "missing" and f.cell in ("section3.other_no_correction", "section3.other_no_fee", "section3.other_other")]
    if len(missing) != 3 or any(m in section3_text for m in _T3_MARKERS_2021):
        return
    if "other_processing" not in {key for _, key in find_labels(tables("2019")["section3"], tokens)}:
        return
    for i in missing:
        report.flags[i] = replace(report.flags[i], message=OTHER_ROW_OF_2019)


def _fold_other_rows_of_2021(report: Report) -> None:
    """表三 read in 2021's rows where the report's form is 2019's (its 表二 the trial's): the three
    rows of （六） summed into the one 2019 prints, column by column (a column none of them read
    stays unread), the rows' flags moved to it and one flag saying so."""
    for column in T3_COLUMNS:
        parts = [report.cells.pop(f"section3.{key}.{column.key}") for key in _OTHER_ROWS_2021]
        if all(part.state == MISSING for part in parts):
            continue
        values = [part.arithmetic for part in parts]
        total = None if None in values else sum(value or 0 for value in values)
        report.cells[f"section3.other_processing.{column.key}"] = CellValue(total, INFERRED if total is not None else MISSING)
    for index, flag in enumerate(report.flags):
        section, _, rest = flag.cell.partition(".")
        row, dot, column_key = rest.partition(".")
        if section == "section3" and row in _OTHER_ROWS_2021:
            report.flags[index] = replace(flag, cell=f"section3.other_processing{dot}{column_key}")
    report.flags.append(Flag("section3.other_processing", "inferred", OTHER_ROWS_FOLDED))
    report.template = "2019"


def _row_cut_in_two(values: list[Token], width: int) -> Optional[list[Token]]:
    """A 表三 row printed as two rows of the grid, its label spanning both (a row a PDF converter cut
    at a page's end): its counts on the first line's left cells, the rest on the second's right
    ones, each line's other cells empty. Where each column prints on exactly one of the two lines
    and the counts so joined add up (总计 = the six applicants'), the row's cells; else None."""
    first_line = values[0].line
    top = [t for t in values if t.line == first_line]
    bottom = values[len(top):]
    if len(top) < width or len(bottom) < width or any(t.line != bottom[0].line for t in bottom) \
            or any(t.kind != EMPTY for t in top[:-width] + bottom[:-width]):
        return None
    top, bottom = top[-width:], bottom[-width:]
    if any(a.kind != EMPTY and b.kind != EMPTY for a, b in zip(top, bottom)) \
            or all(t.kind == EMPTY for t in top) or all(t.kind == EMPTY for t in bottom):
        return None
    joined = [b if a.kind == EMPTY else a for a, b in zip(top, bottom)]
    if any(t.kind not in (NUM, EMPTY) for t in joined) or joined[-1].kind != NUM:
        return None
    return joined if sum(t.value or 0 for t in joined[:-1] if t.kind == NUM) == joined[-1].value else None


def _unread_cells_of_a_zero_table(report: Report, table: Table, tokens: list[Token]) -> None:
    """表三 printing no count but 0 (every value of its text a 0 or a placeholder, a blank cell
    counting 0 too): a cell no reader could place (its row's values printed apart from its label,
    its label lost) is 0 whichever of the printed cells it is. Such cells are set to 0 and their
    rows flagged; a cell read from the text is left as read."""
    cells = report.cells
    if any(t.kind == NUM and t.value != 0 for t in tokens) \
            or all(cells[path].state != MISSING for path in table.paths()) \
            or not any(t.kind in (NUM, NA) for t in tokens) \
            or any(t.kind == TEXT and _COUNT_IN_TEXT.search(t.text) for t in tokens):
        return  # (most tables print a count: the first test ends it at the first one)
    for row in table.rows:
        paths = [f"{table.section}.{row.key}.{column.key}" for column in row.columns]
        unread = [path for path in paths if report.cells[path].state == MISSING]
        if not unread:
            continue
        for path in unread:
            report.cells[path] = CellValue(0, INFERRED)
        report.flags.append(Flag(f"{table.section}.{row.key}", "inferred", f"表三只印有0和占位符，「{row.label}」行"
                                 "未能读出的单元格按0计，请对照原文核对"))


# a count inside a text token of 表三 (「12件」 glued to a word, 「共3」): not a table of zeros
_COUNT_IN_TEXT = re.compile(r"(?<![0-9.．、])[1-9][0-9]*(?![0-9]*[.．、])")


def _say_missing_rows(report: Report, table: Table, missing: list[str], cells_by_rows: dict[str, CellValue]) -> None:
    """表三's rows no row reading found values for, less those a later reader stored (glued
    digits split, column blocks): a row's cells changed since are read (a CellValue is replaced,
    never changed in place)."""
    still = [table.row(key) for key in missing
             if all(report.cells[p] is cells_by_rows[p] for p in table.row_paths(key))]
    if still:
        names = "、".join(r.label for r in still[:3]) + ("等" if len(still) > 3 else "")
        report.problems.append(f"第三部分统计表不完整：缺少{len(still)}行（{names}）")


@lru_cache(maxsize=None)
def _unread_cells(version: str) -> dict[str, CellValue]:
    """Every cell path of a template's three tables, in the order the report's cells take, each
    unread. Never changed: parse copies it (a dict's copy clones its table, some ten times as fast
    as building it again)."""
    templ = tables(version)
    return dict.fromkeys(templ["section2"].paths() + templ["section3"].paths() + templ["section4"].paths(), UNREAD)


# --- the template's version, and tables whose section heading is lost --------------------------

def detect_version(tokens: dict[int, list[Token]], year: Optional[int], section3_text: Optional[str] = None) -> str:
    """The template's version the markers of sections 二 and 三 name (`section3_text`: the texts of
    section 三's tokens joined, if the caller has them), else the year's."""
    if section3_text is None:
        section3_text = "".join([t.text for t in tokens[3] if t.kind == TEXT])
    text = "".join([t.text for t in tokens[2] if t.kind == TEXT]) + section3_text  # (a list joins faster)
    score_2019 = sum(m in text for m in MARKERS_2019)
    score_2021 = sum(m in text for m in MARKERS_2021)
    if score_2019 > score_2021:
        return "2019"
    if score_2021 > score_2019:
        return "2021"
    if year is not None:
        return "2019" if year <= 2020 else "2021"
    return "2021" if text else "unknown"


def _is_report(doc: Document, tokens: dict[int, list[Token]], template: str) -> bool:
    """Whether a text is a report, its tables found or not. Not without a year or a label of 表二
    or 表三 (a template of version "unknown" has neither), whatever else it holds: a notes file
    naming 表四's rows and quoting counts (a README among the reports), a list of samples or a
    portal's page naming 政府信息公开 and 申请, gave numbers to read or missing tables to report,
    but a report names its year."""
    if template == "unknown":
        return False
    return any(tokens.values()) or _names_the_subject(doc.text)


def _names_the_subject(text: str) -> bool:
    """Whether the text names 政府信息公开 early and 申请 anywhere: a report whose tables were
    not found (a file is said to lack them, not to be no report)."""
    return "政府信息公开" in text[:5000] and "申请" in text


# 表三's first row named, as _fallback_t3_tokens looks for it in a line normalised: its four
# characters, or the ones NFKC makes them of (U+F98E 年, U+1F21F 🈟 新; every other character
# whose NFKC holds one of the four holds more around it: 🉀 is 〔本〕)
_FIRST_T3_ROW = re.compile("本[年\uf98e][新\U0001f21f]收")


def names_no_table(text: str) -> bool:
    """Whether a text holds none of the words every way of finding a table or a section starts
    from, so that parse would find no section, no table and no report in it: a section's heading
    word (find_sections looks at no line holding none), 表二's 二十条 (_fallback_t2_span), 表三's
    first row 本年新收 (_fallback_t3_tokens), 表四's 复议后 (_fallback_t4_tokens), nor the subject
    named early (_is_report). Asked of the text alone, by `in` (a program's 2 MB log: some 3 M
    instructions), before any line is looked at: such a file (a log, a CSV of
    numbers, thousands of lines) is said to be no report without its lines made or walked."""
    if _names_the_subject(text):  # (first: its first 5 000 characters alone, where it names it)
        return False
    if not any(char in text for char in _WORD_CHARS):
        return True
    if names_a_heading_word(text) or "二十条" in text or "复议后" in text:
        return False
    return "收" not in text or _FIRST_T3_ROW.search(text) is None


# a character of each word names_no_table looks for once the subject is not named (情况, 问题,
# 事项, 概述 and 概况, 二十条, 复议后, 本年新收 and its NFKC sources), looked for first: a text
# holding none holds no word. One whose code's low byte is no ASCII letter, digit or punctuation:
# in a text of 2-byte characters `in` looks for a character by that byte (memchr), checking each
# place it finds (a log's digits would stop it at every 「6」 looking for 收, U+6536: 6.5 M
# instructions in a 2 MB log, 0.4 M for 情)
_WORD_CHARS = "情问事概二复新\U0001f21f"


def _no_report(doc: Document, report: Report) -> Report:
    """The report of a text holding none: its problem says so, or that the text is garbled."""
    if utf8_read_as_gbk(doc.text):  # (asked only here: a report's text is no such thing)
        report.problems.append(UTF8_READ_AS_GBK)
    garbled = any(problem in _UNREADABLE for problem in report.problems) \
        or (LOSSY_PROBLEM in report.problems and not reads_as_chinese(doc.text))
    report.problems.append(GARBLED_NO_REPORT if garbled else NOT_A_REPORT)
    return report


_T2_FIRST_BLOCK = re.compile(r"^\|?\s*第二十条第\(一\)项\s*\|?$")


def _fallback_t2_span(doc: Document, headings: dict[int, int]) -> Optional[tuple[int, int]]:
    """Without a section 二 heading (a site's article whose heading html2text lost with the page's
    layout table: w2508 r0031), 表二's lines: from the line that is its first block heading alone,
    「第二十条第（一）项」, up to the next section's heading, never past section 三's (the template
    prints that heading nowhere else); None if no line is."""
    if "二十条" not in doc.text:
        return None  # (each cell's text is a stretch of the Document's text)
    last = headings.get(3, len(doc.lines))
    for index in _lines_holding(doc, "二十条"):  # (a notes file naming the tables' words: 4 000 lines not walked)
        if index >= last:
            break
        raw = line_text(doc.lines[index])
        if "二十条" in raw and _T2_FIRST_BLOCK.match(normalise(raw).strip()):
            return index, min([i for i in headings.values() if i > index], default=len(doc.lines))
    return None


def _lines_holding(doc: Document, word: str) -> Iterable[int]:
    """The lines that may hold `word` in a cell, in order: the lines where the text prints it (a
    cell's text is a stretch of the Document's text), each the last line starting at or before
    the place; every line where the lines do not start in the text's order. (A text whose lines
    name a row's word in a few places, a CSV's header naming 「收文数」 over 8 000 rows, is not
    joined and searched line by line.)"""
    lines = doc.lines
    starts: list[int] = []  # where each line holding a cell starts, and that line
    numbers: list[int] = []
    for number, line in enumerate(lines):
        if line.cells:
            start = line.cells[0].start
            if starts and start < starts[-1]:
                return range(len(lines))
            starts.append(start)
            numbers.append(number)
    found: list[int] = []
    find = doc.text.find
    at = find(word)
    while at >= 0:
        place = bisect_right(starts, at) - 1
        if place >= 0 and (not found or found[-1] != numbers[place]):
            found.append(numbers[place])
        at = find(word, at + 1)
    return found


def _fallback_t3_tokens(doc: Document, headings: Iterable[int]) -> list[Token]:
    """Without a section 三 heading, start at the first short line naming the first row; end after
    the next section's heading (`headings`: their lines): no value under it is 表三's (w1903
    r0012, 表三 printed blank: its last row took 表四's). The heading's line itself is kept: a
    converter running lines together may print 表三's last rows on it (docx2txt). (Not ended at
    表四's header line where no heading is found: pq1612 r0009, docx2txt, then read its 表三's
    glued 「71」 as 71, unflagged, without the glued 表四 values on the lines after.)"""
    if "收" not in doc.text:
        return []  # (each cell's text is a stretch of the Document's text: no line holds a 收)
    for index in _lines_holding(doc, "收"):
        raw = line_text(doc.lines[index])
        if "收" not in raw:
            continue  # normalising makes 收 of no other character: the line cannot name the row
        text = normalise(raw)
        if "本年新收" in text and len(text) <= 120:
            first = max(0, index - 6)
            last = min([len(doc.lines), index + 400] + [i + 1 for i in headings if i > index])
            return tokenize(doc.lines, first, last) if _rows_named_in_order(doc.lines, first, last) else []
    return []


# 表三's rows by the words naming them, each with its place in the table (the 2019 trial's
# 「（六）其他处理」 where 2021 prints its three 其他处理 rows), and all of them looked for at once
_T3_ROW_PLACES = {word: place for place, row in enumerate(T3_2021.rows) for word in row.keywords} \
    | {word: T3_2021.rows.index(T3_2021.row("other_no_correction")) for word in T3_2019.row("other_processing").keywords}
_T3_ROW_WORDS = re.compile("|".join(sorted(_T3_ROW_PLACES, key=len, reverse=True)))


def _rows_named_in_order(lines: list[Line], first: int, last: int) -> bool:
    """Whether lines [first, last) name 表三's rows as the table prints them: each row first named
    in the template's order, but for a few words of its header (its 总计 column, a 上年结转 in a
    title). A text only naming rows (a reviewer's notes or a list of samples, one row a
    paragraph, any row anywhere: the fixtures' zoo README) names them in no order: no table of
    them to read, and reading its 400 lines as one cost more than a whole report (525 M)."""
    text = normalise("\n".join([line_text(line) for line in lines[first:last]]))
    named = list(dict.fromkeys(_T3_ROW_PLACES[m.group()] for m in _T3_ROW_WORDS.finditer(text)))
    return len(named) < 8 or 5 * _longest_rising(named) >= 3 * len(named)


def _longest_rising(values: list[int]) -> int:
    """The length of the longest strictly rising subsequence of `values`."""
    ends: list[int] = []  # ends[k]: the least last value of a rising run of k + 1
    for value in values:
        at = bisect_left(ends, value)
        ends[at:at + 1] = [value]
    return len(ends)


def _t4_header_line(doc: Document, first: int, last: int) -> Optional[int]:
    """The first line in [first, last) naming 表四's 复议后起诉, or None."""
    if "复议后" not in doc.text:
        return None  # (no cell holds it, and a line's cells are joined by spaces)
    for index in _lines_holding(doc, "复议后"):
        if not first <= index < last:
            continue
        raw = line_text(doc.lines[index])
        # normalising makes 复, 议 and 后 of no other characters: a line without 复议后 never names it
        if "复议后" in raw and "复议后起诉" in normalise(raw):
            return index
    return None


def _fallback_t4_tokens(doc: Document) -> list[Token]:
    """Without a section 四 heading (antiword drops it with 表三's body), from the line of 表四's
    header that names 复议后起诉 on."""
    index = _t4_header_line(doc, 0, len(doc.lines))
    return [] if index is None else tokenize(doc.lines, index, min(len(doc.lines), index + 60))


# --- rows -------------------------------------------------------------------------------------

def _wrapped_break(span: list[Token], at: int) -> bool:
    """Whether the text span[at] and the next text printed on a later line read as the next 表二
    block's heading (T2_BREAK) together: a heading cell wrapped over lines in a narrow column
    (pandoc's grid table: 「第二」 then 「十条第（六）项」, the blank cells beside 「第二」 the
    heading row's, not the row's before it: w2308 split-html-pandoc r0020)."""
    token = span[at]
    cut = len(token.text)
    for later in span[at + 1:]:
        if later.kind == TEXT and later.line != token.line:
            # (a heading's words across the cut: the next text alone may be the heading, and then
            # the values before it are this row's, read up to it)
            return any(m.start() < cut < m.end() for m in T2_BREAK.finditer(token.text + later.text))
    return False


def summed_prefix(values: list[Token], width: int) -> list[Token]:
    """A row printed ahead of the labels above it is followed by the values of rows whose labels
    print elsewhere: its own end where they first add up (its parts, then its 总计). All of them
    when none do (a misprinted row: the checks name what it holds)."""
    total = 0.0
    for end, token in enumerate(values[:width]):
        number = token_number(token)
        if number is None:
            break
        if end and number > 0 and abs(total - number) < 1e-9:
            return values[:end + 1]
        total += number
    return values


# the group labels 表三 prints left of its rows (normalised): a line of its own opening on one and
# printing a row's count of values is the group's sums
_GROUP_LABELS = frozenset(normalise(label) for label in (RESULTS, DENIED, UNABLE, NOT_PROCESSED, OTHER))


def _group_sums_row(span: list[Token], at: int, width: int) -> bool:
    """Whether span[at], a 表三 group label (「（三）不予公开」) opening its line, is followed on that
    line by exactly `width` values and nothing else: a row of the group's sums an agency filled in."""
    token = span[at]
    if "".join(token.text.split()) not in _GROUP_LABELS or (at and span[at - 1].line == token.line):
        return False
    after = [t for t in span[at + 1:at + 2 + width] if t.line == token.line]
    return len(after) == width and all(t.kind != TEXT for t in after)


def _remarks_column(tokens: list[Token], labels: list[tuple[int, str]]) -> bool:
    """Whether the table's header (the text before its first row label) names a 备注 column, an
    agency's remarks after the template's columns (「含网上申请30件」): text there is no cell's."""
    return any(t.kind == TEXT and "备注" in t.text for t in tokens[:labels[0][0]])


# A serial-number column (序号) before the row labels: each labelled row's line begins with its
# number, 1, 2, 3 … Read as values, each number went to the row above (the last of its values: a
# cell more than its columns, 「数字粘连」 offered); it is no cell of the template, and is dropped.
_SERIAL_HEADER = "序号"
_SERIAL_RUN = 3  # rows numbered one after another at least


def serial_numbers(table: Table, tokens: list[Token]) -> list[Token]:
    """The tokens of a serial-number column, for a table whose header names 序号 (asked only where
    the section's text holds the word): the number first on a labelled row's line, only text (a
    group's label, 「三、本年度办理结果」) between it and the row label, the rows' numbers rising by
    one from row to row. None where any labelled row's leading number breaks the count."""
    labels = find_labels(table, tokens)
    if not labels or not any(t.kind == TEXT and _SERIAL_HEADER in t.text for t in tokens[:labels[0][0]]):
        return []
    numbered: list[Token] = []  # each labelled line's leading number, once
    for index, _ in labels:
        line = tokens[index].line
        at = index - 1
        while at >= 0 and tokens[at].line == line and tokens[at].kind == TEXT:
            at -= 1
        if at < 0 or tokens[at].line != line or tokens[at].kind != NUM or (at and tokens[at - 1].line == line):
            continue
        if not numbered or numbered[-1] is not tokens[at]:
            numbered.append(tokens[at])
    if len(numbered) < _SERIAL_RUN or any(b.value != (a.value or 0) + 1 for a, b in zip(numbered, numbered[1:])):
        return []  # (numbers not counting the rows: a row's values, not its serial)
    return numbered


def _without(tokens: list[Token], dropped: list[Token]) -> list[Token]:
    ids = {id(t) for t in dropped}
    return [t for t in tokens if id(t) not in ids]


_GLUED_TO_LABEL = "「{}」行前几格的数字与行名粘连在一起（「{}」），已按本行合计拆分为{}，请对照原文核对"


def parse_rows(table: Table, tokens: list[Token], report: Report, t2: bool,
               lines: Optional[list[Line]] = None, pages: tuple[int, ...] = (), own_grid: bool = False,
               rows_cut: bool = False) -> tuple[dict[str, int], list[str], bool]:
    """Read the table's rows into the report; returns the rows printing over twice as many
    values as columns (key: how many), left as read: see flag_overflow_neighbours; (表三) the
    rows with no values beside a label of theirs; and whether the table was read as printed, each
    row's cells stored from its values: 表二 with every row found, none starting with an empty
    cell, 表三 each row found from the values beside its full label (read_as_anchored). `pages`:
    the lines beginning a page where the text marks its pages (Document.page_starts). `own_grid`:
    the file's grid rows are its own, as drawn (a web page's, a Word file's, a PDF's ruled cells:
    _on_own_grid), where no row of 8 cells was cut to 7 nor lost a blank cell without a trace.
    `rows_cut`: a web page's rows pandoc cut to its columns (Document.rows_cut_to_columns), which a
    row of 8 read so says."""
    labels = find_labels(table, tokens)
    behind: set[str] = set()
    if not t2:
        labels, behind = labels_behind(table, tokens, labels)
    if labels and len(labels) < len(table.rows):
        labels = _with_label_tails(table, tokens, labels, report.text)
    if not labels:
        report.problems.append(f"未找到{'第二部分' if t2 else '第三部分'}统计表（{table.title}）")
        report.flags.append(Flag(table.section, "missing", f"未找到统计表：{table.title}"))
        return {}, [], False
    report.tables.append(table.section)
    widths = widths_of(table)
    values_of: dict[str, list[Token]] = {}
    overlong: dict[str, Token] = {}  # rows printing a number too long to be a cell (a TEXT token)
    unreadable: dict[str, Token] = {}  # grid rows with a cell of digits and more ("737*", "约30")
    overflow: list[Token] = []  # cells printing 「###」 (OVERFLOW_MARKS)
    # (their tokens, each a cell of its own: tokens.py; looked for where the text holds one)
    first_label = labels[0][0]
    # (a cell after another on its line: a line's first 「##」 is a Markdown heading's mark)
    marks = {id(t) for before, t in zip(tokens[first_label - 1:], tokens[first_label:])
             if t.kind == TEXT and before.line == t.line and OVERFLOW_MARKS.match(t.text)} \
        if report.text.find("##", tokens[first_label].start, tokens[-1].end) >= 0 else ()
    stray: Optional[Token] = None  # such a number after the last row's line (a table's digits glued?)
    cut_blank: dict[str, list[Token]] = {}  # 表三 rows of a cell more, an empty one after their last value
    both_ends_blank: dict[str, list[Token]] = {}  # 表三 rows of a cell more on their line, empty at both ends
    gathered: dict[str, list[Token]] = {}  # 表三 rows' values before the padding is trimmed
    eights_blank_total: set[str] = set()  # such rows of 8, their 总计 empty, where the table leaves it so
    past_total: dict[str, list[Token]] = {}  # 表三 rows placed under the header, a printed blank after 总计
    ending_blank: list[str] = []  # 表三 rows printing a cell more than their columns, the last empty
    grid_eights: dict[str, list[Token]] = {}  # 表三 rows of the file's own grid a cell wider, read as their first 7
    # A table printed row by row as the template has it (most tables): every row found printed
    # exactly its columns' values, and nothing else but text, right after its label
    # (_whole_after_label); `one_line`: each on its label's line too. The readers of other layouts
    # are then not asked: each returns at once on such a table, as said where they are skipped.
    as_printed = one_line = True
    padded_right = _column_after_total(tokens, labels[0][0], lines) if not t2 and lines is not None else 0
    bounds = [i for i, _ in labels] + [len(tokens)]
    # (a table whose first row label is drawn in a ruled box, w3m's: one line looked at, not the whole text)
    boxed_table = boxed_label_cells(report.text, tokens[labels[0][0]]) > 0
    drawn_above: list[Token] = []  # a boxed row's values the box draws above its label's line
    box_cell_order: set[str] = set()  # boxed rows printing on several lines of their box row: read by its cells
    for n, (index, key) in enumerate(labels):
        last_row = n + 1 == len(labels)  # (its span runs on to the section's end: its line only)
        label_line_at = tokens[index].line
        span = tokens[index + 1:bounds[n + 1]]
        above = drawn_above
        if boxed_table:
            # a box row ends at its rule: values below the rule under this label, above the next
            # label's line in its box row, are the next row's (w3m centres a short label lower)
            drawn_above = box_row_values_above(report.text, span, tokens[index], tokens[bounds[n + 1]]) \
                if not last_row else []
            if drawn_above:
                span = [t for t in span if t not in drawn_above]
        if boxed_table and (label_cells := boxed_label_cells(report.text, tokens[index])):
            # a label drawn in a ruled box: its row's values lie in the box, right of the label
            span = [t for t in span if t.kind == TEXT or t.line == label_line_at
                    or not outside_boxed_row(report.text, label_cells, t)]
        if above:
            span = above + span  # (right of the label's cell: box_row_values_above)
        values = [token for token in span if token.kind != TEXT]
        if len(values) < len(span):  # (most rows print no text among their values: nothing to ask)
            values = []
            previous: Optional[Token] = None
            for at, token in enumerate(span):
                if token.kind == TEXT:
                    if previous is not None and previous.line == token.line != label_line_at and values \
                            and values[-1] is previous and not boxed_table \
                            and in_label_column(report.text, tokens[index], previous, token):
                        values.pop()  # no box drawn: a label column's letter left of the label's start, not a value
                    previous = token
                    if marks and id(token) in marks:
                        # a cell printing 「###」: its number, too wide for its column, is not shown
                        # (Excel), pasted as text. It holds a cell's place, its value unread
                        overflow.append(token)
                        values.append(previous := Token(EMPTY, "", token.start, token.end, token.line))
                        continue
                    if t2 and values and (T2_BREAK.search(token.text) or _wrapped_break(span, at)) \
                            and not (len(values) < widths[key] and each_value_after_its_name(table.row(key), span)):
                        break  # the next block's heading: what follows is not this row's
                    if not t2 and len(values) >= widths[key] and ("小计" in token.text or _group_sums_row(span, at, widths[key])):
                        # a group's 小计 row an agency added (「（三）不予公开 小计」, before or after
                        # the group's rows), or the group's label printing its sums on its own
                        # line: no cell of the template, its sums not this row's
                        break
                    if key not in overlong and overlong_number(token.text):
                        if not last_row or token.line == tokens[index].line:
                            overlong[key] = token
                        elif stray is None:
                            stray = token
                    elif lines and token.line == tokens[index].line and lines[token.line].grid \
                            and key not in unreadable and _UNREADABLE_CELL.search(token.text) \
                            and not _SUB_ROW_LABEL.match(token.text) \
                            and not (len(values) >= widths[key] and _remarks_column(tokens, labels)):
                        unreadable[key] = token
                    continue
                values.append(token)
                previous = token
        if boxed_table and len(values) > 1 and on_lines_of_one_box_row(report.text, values):
            values = in_box_cell_order(report.text, values)
            box_cell_order.add(key)
        width = widths[key]
        if not t2 and len(values) < width and (glued := counts_glued_to_label(report.text, tokens[index], values, width)):
            values = glued + values  # (its first counts glued to its label: label_glued.py)
            if len(glued) > 1:
                report.flags.append(Flag(f"{table.section}.{key}", "inferred", _GLUED_TO_LABEL.format(
                    table.row(key).label, "".join(t.text for t in glued), "、".join(t.text for t in glued))))
        if lines and len(values) > width:
            values = _without_cells_left_of_label(report.text, tokens[index], values, width, lines)
        if not t2 and len(values) > width:
            values = _row_cut_in_two(values, width) or values
        if t2 and len(values) < width:
            values = _zeros_apart(values, width)
        if len(values) == width > 1 and values[-1].kind == EMPTY and n + 1 < len(labels) \
                and values[-1].line == tokens[bounds[n + 1]].line != values[-2].line \
                and all(t.line == values[0].line for t in values[:-1]):
            # a row printing a cell fewer on its line, then the empty cell starting the next row's
            # line: that row's category column (merged, drawn empty), not this row's 总计
            values = values[:-1]
        if as_printed:
            as_printed = key not in behind and _whole_after_label(tokens, index, values, width)
            one_line = as_printed and one_line and all(t.line == label_line_at for t in values)
        if key in behind:
            values = summed_prefix(values, width)
        under_header = by_header(lines, tokens[index], values, width) if lines and len(values) > width else None
        padding = padded_right
        if t2 and under_header is None and lines and len(values) > width and values[-1].kind == EMPTY == values[0].kind:
            # a narrow block padded to a sheet's width: its padding goes before its blank first cells
            padding = header_padding(lines, tokens[index].line)
        # (most rows print their cells, no more: one compare)
        if len(values) > width and not t2 and under_header is None \
                and (own_line := _on_label_line(values, label_line_at)) >= width and len(values) > own_line \
                and (len(values) - own_line) % width == 0 and _prints_a_count(values[own_line:]) \
                and _rows_after_unfound(table, key, (len(values) - own_line) // width, labels):
            # a row printing its cells on its label's line (a cell more: an 8-cell row), then lines of
            # whole rows of values, as many as the rows after it whose labels the text lost (a PDF's
            # merged label cells): theirs, given them below (_give_overflow_to_unlabelled_rows). Its
            # own padding is trimmed from its own line, not from theirs
            values_of[key] = _trim_padding(values[:own_line], width, padding) + values[own_line:]
        else:
            # (a row printing no more values than its columns has no padding to trim: most rows, no call)
            values_of[key] = under_header if under_header is not None else \
                _trim_padding(values, width, padding) if len(values) > width else values
        gathered[key] = values
        # (a row printing no more values than its columns has no cell more, at an end or after its 总计,
        # and was placed under no header: most rows, nothing below to ask)
        if len(values) > width:
            # (a PDF's wrapped label prints its next line's empty cells after the row's: not the row's)
            own = _without_next_line(values, width)
            if not t2 and under_header is None and not padded_right and len(own) == width + 1 \
                    and own[0].kind == EMPTY == own[-1].kind and values_of[key] == own[1:] \
                    and all(t.line == tokens[index].line for t in own):
                both_ends_blank[key] = own
            if not t2 and under_header is None and width == len(values_of[key]) \
                    and values_of[key][-1].kind != EMPTY and len({t.text for t in values_of[key]}) > 1:
                # (a row of one number throughout, 0 0 0 0 0 0 0, reads the same in every placement)
                after = next(i for i, t in enumerate(values) if t is values_of[key][-1]) + 1
                if after < len(values) and values[after].kind == EMPTY and values[after].line == values[after - 1].line:
                    cut_blank[key] = values_of[key] + [values[after]]
            elif padded_right and under_header is not None and values[-1].kind == EMPTY and values[-2] is under_header[-1] \
                    and printed_blank(report.text[values[-1].start:values[-1].end]):
                # (a grid row placed under the header's names, a printed blank in the column after
                # 总计: a row of 8 if the converter's padding prints nothing there, weighed below)
                past_total[key] = under_header + [values[-1]]
            if len(values) == width + 1 and not t2 and values[-1].kind == EMPTY:
                ending_blank.append(key)  # (a row of a cell more ending on a blank: weighed below)
                if own_grid and lines and under_header is None and not padded_right and values_of[key] == values[:-1] \
                        and all(lines[t.line].grid for t in values):
                    grid_eights[key] = values  # (its 8 cells its own grid's: weighed once the table is stored)
    if not t2:
        for key in give_values_after_lost_labels(report, table, labels, values_of, tokens):
            as_printed = False
            gathered[key] = values_of[key]
        for key in give_lone_counts_down(report, table, tokens, labels, values_of):
            as_printed = False
            gathered[key] = values_of[key]
    for key, values in past_total.items():
        if _past_last_printed_blank(report.text, values[-1], gathered, values_of):
            cut_blank[key] = values
    for key, values in both_ends_blank.items():
        if [t.text for t in values[1:]] != [t.text for t in values[:-1]] \
                and _rows_alike_start_beside_label(table, key, gathered, widths, both_ends_blank):
            # a row of a cell more, empty at both ends, where the rows whose labels span the same
            # columns print theirs right after the label: its first cell is its 自然人, as theirs;
            # the stray one its last. The row alone cannot say (a 0 and a blank add up alike): flagged
            values_of[key] = values[:-1]
            report.flags.append(Flag(f"{table.section}.{key}", "parse", _BOTH_ENDS_BLANK.format(table.row(key).label)))
    if cut_blank and _total_column_blank(values_of, widths):
        # a table leaving its 总计 column empty: a row of a cell more whose last is empty printed
        # 8 cells, that one its 总计 (a 法人或其他组织 subtotal after 自然人, TEMPLATE.md), not
        # padding: read as printed, its values placed by the sums (flagged)
        values_of.update(cut_blank)
        eights_blank_total.update(cut_blank)
    elif not t2:
        for key, values in cut_blank.items():
            if only_zeros(values) and [t.kind == NUM for t in values[1:-1]] != [t.kind == NUM for t in values[2:]] \
                    and (_rows_alike_print_their_cells(key, gathered, widths)
                         or key in past_total or _past_last_printed_blank(report.text, values[-1], gathered, values_of)):
                # a row of 0s of a cell more, its last empty, among rows printing their 7: that
                # cell may be a stray one (read so), or the row printed 8, a 法人或其他组织 subtotal
                # 0 after 自然人 and its 总计 blank. Both add up: which cells are 0 and which blank
                # no sum can tell, and the two readings put the 0s in other cells: flagged
                report.flags.append(Flag(f"{table.section}.{key}", "parse", ZERO_ROW_CUT_BLANK.format(
                    table.row(key).label)))
    # 表三 rows of 0s printing a cell more, their last two empty, read without the last (a stray cell)
    # (a ruled box's rows of a cell more are read by the box's cells below)
    zeros_cut = _zero_rows_ending_two_blanks(ending_blank, gathered, values_of, widths,
                                             set(cut_blank) | set(both_ends_blank)) if ending_blank and not boxed_table else {}
    # 表三 rows of a box drawn a cell wider: their cells that are 0 in one reading and blank in another
    past_last, past_last_message = _zero_rows_past_last(report, tokens, labels, values_of, widths,
                                                        set(cut_blank) | set(both_ends_blank)) \
        if boxed_table and not t2 else ({}, "")
    # 表三 rows of 0s printing a cell in the column a box draws after 总计: read by the box's cells
    printed_past = _zero_rows_printing_past_last(report, tokens, labels, widths) if boxed_table and not t2 else {}
    if boxed_table and not t2:
        for key, cells in _counted_rows_printing_past_last(report, tokens, labels, values_of, widths).items():
            values_of[key] = without_subtotal(cells)  # (its 7 cells, whole: no reader places them again)
            report.flags.append(Flag(f"{table.section}.{key}", "parse", CELLS_OF_EIGHT.format(
                table.row(key).label, _PRINTED_PAST_TOTAL, cells[1].text,
                blank_cells_phrase(table.row(key), values_of[key])), (SUBTOTAL_LEFT_OUT,)))
    # 表三 rows of 0s in a later box of a split table drawn a column wider than the header's box
    in_wider_part = _zero_rows_in_a_wider_part(report, tokens, labels, values_of, widths,
                                               set(cut_blank) | set(both_ends_blank) | set(past_last) | set(printed_past)) \
        if boxed_table and not t2 else {}
    paragraph_rows: set[str] = set()
    padded_short: list[str] = []  # 表三 rows a box drew a cell wider than they print (ruled_short, read as printed)
    gap_filled: set[str] = set()  # rows whose blank cells were read from empty lines (a guess)
    gap_blanks: dict[str, list[Token]] = {}  # those blank cells, by row
    as_drawn: dict[str, list[Token]] = {}  # rows a converter padded to the table's width, read a cell fewer
    blank_total_last: set[str] = set()  # such rows whose last cell is their blank 总计, as the table's column
    blank_total_added: set[str] = set()  # rows read a cell short of a 总计 column the table leaves blank
    if lines:
        ruled_short: dict[str, list[Token]] = {}  # rows the box reads with their 总计 empty beside a count
        # the empty columns a ruled box's header draws after 总计, by where the header lies
        after_total: dict[tuple[int, int], int] = {}
        label_at: dict[str, int] = {}  # a boxed table's row -> its label's start (once a row prints too few)
        boxed: dict[str, list[Token]] = {}  # other rows the box read from fewer values: those values
        # (most tables: no row prints fewer values than its columns, and then no gap is filled, no
        # row counted out by its separators nor read again by a ruled box: none of it is asked)
        if [key for key, values in values_of.items() if len(values) < widths[key]]:
            printed_count = {key: len(values) for key, values in values_of.items() if values is not None}
            printed_ids = {id(t) for values in values_of.values() if values for t in values}
            paragraph_rows = fill_paragraph_gaps(table, tokens, labels, values_of, lines, widths, pages)
            gap_filled = {key for key, count in printed_count.items() if len(values_of[key]) != count}
            gap_blanks = {key: [t for t in values_of[key] if id(t) not in printed_ids] for key in gap_filled}
            for key in fill_tab_gaps(tokens, labels, values_of, report.text, widths, lines, totals_last=not t2):
                report.flags.append(Flag(f"{table.section}.{key}", "inferred", TAB_ROW_OF_EIGHT.format(table.row(key).label),
                                         (SUBTOTAL_UNTOLD,)))  # (read_anchored_rows leaves it so)
            if not t2:  # (lynx's rows laid out one by one, a blank cell a space wide: space_gaps.py)
                fill_space_gaps(report.text, values_of, widths)
            for key, values in values_of.items():  # a terminal's ruled box draws each row's cells
                if 0 < len(values) < widths[key]:
                    if t2 or not tokens:
                        columns_after = 0
                    else:
                        if boxed_table and not label_at:
                            label_token_of = {k: tokens[index] for index, k in labels}
                            label_at = {k: token.start for k, token in label_token_of.items()}
                        # (a split table's part printing its own header: its box's columns, not the first part's)
                        part_header = own_box_header(report.text, label_at[key], label_at, tokens[0].start) \
                            if key in label_at else None
                        header = part_header or (tokens[0].start, tokens[labels[0][0]].start)
                        # (a later part printing no header: its own box's columns, not the header's part's)
                        part_after = None if part_header or key not in label_at else continued_part_columns_after_last(
                            report.text, label_token_of[key], widths[key], tokens[0].start)
                        if header not in after_total:
                            after_total[header] = box_columns_after_last(report.text, *header, "总计")
                        columns_after = after_total[header]
                        if part_after is not None:
                            # (a part's own line lowers the header's count, and raises it only from none to
                            # one: such a part holds a row of 8 cells, a stray one after 总计 or a 法人 subtotal
                            # after 自然人; its rows are read by their cells' places, those of 0s flagged where
                            # the subtotal reading differs: wider_parts.py)
                            columns_after = 1 if part_after == 1 and not columns_after else min(columns_after, part_after)
                    values_of[key] = ruled_row(report.text, tokens, values, widths[key], columns_after) or values
                    if not t2 and len(values_of[key]) == widths[key] and _total_empty_beside_count(values_of[key]):
                        ruled_short[key] = values
                    elif not t2 and len(values_of[key]) == widths[key] > len(values):
                        boxed[key] = values
        if ruled_short and _totals_printed(values_of, widths, list(ruled_short)):
            # w3m draws a row printing a cell fewer at the table's columns, its last cell empty:
            # which cell it left out, the sums weigh (_padded_short_rows)
            values_of.update(ruled_short)
            padded_short = list(ruled_short)
        elif boxed and _total_column_blank(values_of, widths):
            # the same under a 总计 column the table leaves empty: such a row ends on two empty
            # cells beside a count, where the rows printing counts print their 其他
            values_of.update(_boxed_short_under_blank_totals(values_of, widths, boxed))
        # (after the fillers: a tab-separated grid row counts out the cell the table draws past its last)
        if not t2 and report.format in _DRAWN_TABLES:
            for key in _padded_short_rows(tokens, labels, values_of, widths, lines,
                                          {(t.start, t.end) for t in overflow}):
                as_drawn[key] = values_of[key]
                values_of[key] = values_of[key][:-1]  # (read as a row printing too few values: placed by the sums)
                as_printed = False
            # (most tables: no row of their width ends on two empty cells after printing every other;
            # a plain loop, no generator: asked of every table a converter drew)
            padded_to_width = False
            for full_key, full_values in values_of.items():
                if len(full_values) == widths[full_key] and full_values[-1].kind == EMPTY == full_values[-2].kind \
                        and all(t.kind != EMPTY for t in full_values[:-2]):
                    padded_to_width = True
                    break
            if padded_to_width and _total_column_blank(values_of, widths):
                # the same in a table that leaves 总计 empty: a row ending on two empty cells beside
                # a count drew one cell fewer than the others, padded to the table's width (pandoc's
                # Markdown of a Word table; LibreOffice's PDF of a web table, drawn a column wider
                # than 总计, its rows of 6 padded to 7): which one, the sums weigh
                drawn = {key: values[:-1] for key, values in values_of.items() if len(values) == widths[key]}
                for key, values in _boxed_short_under_blank_totals(values_of, widths, drawn).items():
                    as_drawn[key] = values_of[key]
                    values_of[key] = values
                    blank_total_last.add(key)
                    as_printed = False

    wrapped: dict[str, Parts] = {}  # 表三 rows given their counts printed above their label
    if not t2 and lines and not as_printed:  # (counts over their units, printed above their row's label)
        wrapped = take_wrapped_counts_down(table, tokens, labels, values_of, lines, report)
    if not t2 and lines:  # (rows of a cell fewer, read as printed before the positions or sums place them)
        for key in _short_of_a_blank_total(table, report.template, values_of, widths):
            last = values_of[key][-1]
            values_of[key] = [*values_of[key], Token(EMPTY, "", last.end, last.end, last.line)]
            blank_total_added.add(key)
    label_token = {key: tokens[index] for index, key in labels}
    # (a row whose values are whole, as gathered, is neither short nor long: the gaps filled
    # above and ruled_row left it as it was, so the table is still read as printed)
    as_printed = as_printed and not overlong and stray is None
    by_position: dict[str, Sequence[Optional[Token]]]  # row -> its tokens by column (None: no token there)
    # 表二 printed with no break between its cells (docx2txt): the spaces in a row are its cells' own
    # text (" -- "), no column's, and a run of digits may be several cells
    unseparated = t2 and _values_touch_words(report.text, values_of)
    if lines and t2:
        by_position = {} if unseparated else _t2_by_position(table, values_of, report, lines)
    elif lines and not (as_printed and one_line):  # (no row is irregular: the positions place none)
        by_position = _placed_by_position(table, tokens[:labels[0][0]], values_of, report, lines, label_token, pages,
                                          {key for key in box_cell_order if len(values_of[key]) == widths[key]},
                                          blank_total_added)
    else:
        by_position = {}
    # (as printed: displaced_value_rows finds no two rows other than a row's worth, head_rows_from_flows
    # no first row short of one, give_early_values_down and give_stray_values_down no row without
    # values to give any to, _give_overflow_to_unlabelled_rows no row longer than its columns,
    # recut_runs no row other than its columns to start a run at, blank_rows no row printing
    # nothing: none reads a row, also beside the rows the positions placed)
    if not t2 and not by_position and lines and not as_printed:
        displaced = displaced_value_rows(report, table, tokens, values_of, lines, labels)
        by_position.update(displaced)
        values_of.update(displaced)  # read in full: no row of them is a row of zeros to guess
    undecided: dict[str, list[int]] = {}  # 表三 row -> columns its block cuts disagree on
    misprinted: set[str] = set()  # 表三 rows the cuts read whole as the misprint (recut_runs)
    if not t2 and not as_printed:
        in_order = {k: v for k, v in values_of.items() if k not in by_position}
        beside_label: dict[str, list[Token]] = {}  # a first row read one cell short: as printed
        if lines and not by_position:  # first rows printed in stretches among the header's words
            for key, values in head_rows_from_flows(table, report.template, tokens, labels[0][0], in_order).items():
                if len(values) < widths[key]:  # (its cell printed further down: recut_runs puts it back)
                    beside_label[key], in_order[key] = in_order[key], values
                    continue
                in_order[key] = by_position[key] = values
                report.flags.append(placed_by_order(f"{table.section}.{key}", "inferred", table.row(key).label,
                                                    BY_ROW_ORDER_AND_SUMS))
        label_line = {key: token.line for key, token in label_token.items()}
        give_early_values_down(table, in_order, label_line, report)
        give_stray_values_down(table, in_order, label_line, tokens, report)
        _give_overflow_to_unlabelled_rows(table, in_order, label_line, tokens, report)
        for key, values in recut_runs(table, in_order, report.template, undecided, tokens, misprinted).items():
            if values == in_order.get(key):
                continue
            by_position[key] = values  # placed: stored as they are
            in_order.setdefault(key, [])  # a row whose label printed out of place: its values were in the run
            report.flags.append(placed_by_order(f"{table.section}.{key}", "inferred", table.row(key).label,
                                                    BY_ROW_ORDER_AND_SUMS))
        _give_run_end_to_rows_labelled_after(table, in_order, label_line, by_position, report)
        _give_overflow_a_cell_short_to_unlabelled_rows(table, in_order, by_position, tokens, report)
        for key, values in beside_label.items():
            if key not in by_position:
                in_order[key] = values
        for key, columns in undecided.items():
            row = table.row(key)
            for column in columns:
                report.flags.append(Flag(f"{table.section}.{key}.{row.columns[column].key}", "inferred",
                                         UNDECIDED_CELL.format(row.label, row.columns[column].label),
                                         (READING_UNDECIDED,)))
        values_of.update(in_order)
        if lines:
            rows = [row.key for row in table.rows if row.key in label_line and row.key in values_of]
            printed = {key: values_of[key] for key in rows if key not in by_position}
            # (only rows printing nothing are rows of blanks: commonly none, and then how the rows print is not asked)
            blank = [] if all(printed.values()) else \
                blank_rows(widths, printed, paragraph_rows, beside_labels(rows, values_of, label_line))
            for key in blank:
                if key in overlong or stray is not None:  # a number too long to read: not blank
                    continue
                label = label_token[key]
                by_position[key] = [Token(EMPTY, "", label.end, label.end, label.line)] * widths[key]
                report.flags.append(Flag(f"{table.section}.{key}", "inferred",
                                         f"「{table.row(key).label}」行未印出数值：表中空白单元格未留痕迹，按整行空白（0）读取，请对照原文核对"))
    irregular: list[str] = []
    unsummed: dict[str, list[Token]] = {}  # full rows over lines that no order of them adds up
    overflowed: dict[str, int] = {}
    unsure = {f.cell for f in report.flags if f.kind == "inferred"}  # rows placed by a guess
    drawn_whole = _on_own_grid(values_of, lines) if own_grid and lines and not t2 else frozenset()
    clipped: dict[str, list[Token]] = {}  # 表三 rows that may print a subtotal, their 总计 cut off
    lost_blank: dict[str, list[Token]] = {}  # 表三 rows that may print a subtotal and a blank left no trace
    for row in table.rows:
        if row.key not in values_of:
            report.flags.append(Flag(f"{table.section}.{row.key}", "missing",
                                     f"未找到「{row.label}」行，请对照原文填写"))
            continue
        values = values_of[row.key]
        placed = by_position.get(row.key)
        # (a cell no token was placed in is left unread: nothing readable either)
        if (row.key in overlong or stray is not None) \
                and all(t is None or t.kind == EMPTY for t in (values if placed is None else placed)):
            # nothing readable but a number too long to be a cell: its cells are unknown, not
            # blank (nor 0); the irregular rows say why and infer what the equations force
            values_of[row.key] = [t for t in values if t.kind != EMPTY]
            irregular.append(row.key)
            continue
        if placed is not None:
            store_row(report, table, row.key, placed)
            if row.key in overlong and any(t is None or t.kind == EMPTY for t in placed):  # a cell may be that number
                report.flags.append(Flag(f"{table.section}.{row.key}", "parse",
                                         _overlong_message(row.label, overlong[row.key])))
            # (a row whose cells printed apart were placed adding up with a value other than 0,
            # in a cell the cuts agree on, or read whole as the misprint the sums name, is not a
            # row of zeros: its cells not beside its label were printed elsewhere, not blank)
            if not t2 and f"{table.section}.{row.key}" in unsure and len(values) < widths[row.key] and only_zeros(values) \
                    and row.key not in misprinted and not _placed_values(by_position[row.key], undecided.get(row.key, [])):
                _zero_row_of(report, table, row)
        elif len(values) == widths[row.key]:
            reordered_lines = False
            # a 表三 row of whole counts whose 总计 is the sum of its parts as printed (most rows;
            # token_number inline): none of the tests below of a row that does not add up asks more
            adds_up = False
            printed_on: list[int] = []  # (表三: each value's line, in the row's order)
            if not t2:
                numbers = [t.value if t.kind == NUM else 0 if t.kind == EMPTY or t.kind == NA else None
                           for t in values]
                adds_up = known(numbers) and type(total := sum(numbers)) is int and total == 2 * numbers[-1]
                printed_on = [t.line for t in values]
                if not adds_up and lines and (pair := stacked_pair(values, lines)) is not None:
                    # two of its values stacked in one text block: two other rows' cells of one
                    # column (stacked_cells.py), left out: the row read from the values it printed
                    # apart, as a row printing fewer values than its columns
                    report.flags.append(Flag(f"{table.section}.{row.key}", "parse", STACKED_VALUES.format(
                        row.label, values[pair].text, values[pair + 1].text)))
                    values_of[row.key] = values[:pair] + values[pair + 2:]
                    irregular.append(row.key)
                    continue
            # (a row whose 总计 is blank printed none that reading order could have put first: its
            # lines are its cells in order, even where its largest value is not last; the lines
            # counted and compared in C, not a step of Python a value)
            if not t2 and printed_on.count(printed_on[0]) < len(printed_on) and row.key not in blank_total_added \
                    and row.key not in wrapped and row.key not in box_cell_order:
                # (wrapped counts taken down, a box's cells: their order is settled)
                if adds_up and printed_on == sorted(printed_on):
                    # printed line after line, adding up: lines_reordered's printed order, which
                    # order_doubtful and tokens_add_up find nothing wrong with
                    reordered = list(values)
                else:
                    reordered = lines_reordered(values)
                reordered_lines = reordered != values
                if reordered_lines:  # PDF reading order printed a later line first
                    report.flags.append(Flag(f"{table.section}.{row.key}", "inferred",
                                             _LINES_BY_SUMS.format(row.label), (LINES_BY_SUMS,)))
                elif not adds_up and order_doubtful(values):
                    report.flags.append(Flag(f"{table.section}.{row.key}", "parse",
                                             f"「{row.label}」行的数值分在几行印出，合计不符，各数值的次序无法确定，请对照原文核对"))
                elif not adds_up and row.key in gap_filled and not tokens_add_up(values, unknown=True):
                    # empty lines read as its blank cells, its values one a paragraph: a reading-order
                    # stream (plain pdftotext) prints another row's values there as readily, and
                    # then the row fails as a misprint would (fill_paragraph_gaps)
                    report.flags.append(Flag(f"{table.section}.{row.key}", "parse",
                                             f"「{row.label}」行每格一段印出，空白单元格按空行推断，各项之和与总计不符，"
                                             "数值可能不属本行或不在所归的列，请对照原文核对"))
                values = reordered
                if reordered_lines or not adds_up and not tokens_add_up(values, unknown=True):
                    # (a row that adds up only reordered may be a misprinted row in its printed
                    # order, its 总计 matching another order's by chance: the table weighs both)
                    unsummed[row.key] = values
            # (a row stored in another order than printed, its lines reordered, is not the row a
            # converter cut; nor one its grid shows whole, a row of 8 there printing 8 cells)
            may_be_cut = not t2 and not reordered_lines and not adds_up and row.key not in drawn_whole
            if may_be_cut and may_be_clipped(values, values_of, widths):
                clipped[row.key] = values  # (weighed by the table's sums once every row is stored)
            elif may_be_cut and may_have_lost_a_blank(values):
                lost_blank[row.key] = values  # (weighed by the table's sums the same way)
            # (a row on one line, or over lines as far apart each, shows no gap wider: most rows stop here)
            elif not t2 and values[6].line - values[0].line != 6 * (values[1].line - values[0].line) \
                    and lines and not reordered_lines \
                    and (gap := _one_wider_gap(values, lines)) is not None \
                    and zero_subtotal_row(values):
                # a row of 7 values, a cell a paragraph, one gap between them a blank cell's: the row
                # printed 8, a 法人或其他组织 subtotal of 0 after 自然人 and a blank part where the gap is
                # (q2201 r0024 lynx, mammoth): read so, flagged (read_anchored_rows leaves it so)
                gap_blank = Token(EMPTY, "", values[gap].end, values[gap].end, values[gap].line)
                report.flags.append(Flag(f"{table.section}.{row.key}", "inferred", GAP_ROW_OF_EIGHT.format(
                    row.label, report.text[values[1].start:values[1].end], row.columns[gap].label), (SUBTOTAL_UNTOLD,)))
                values = [values[0], *values[2:gap + 1], gap_blank, *values[gap + 1:6], values[6]]
                printed_on = [t.line for t in values]
            store_row(report, table, row.key, values)
            # (a row printed on one line, or a value a line, is no row readings_undecided weighs:
            # its lines as listed above, its values only put in another order since)
            if not t2 and lines and 1 < len(set(printed_on)) < len(printed_on) and readings_undecided(values, lines):
                _placement_undecided(report, table, row, values)
        else:
            irregular.append(row.key)

    short: dict[str, list[Token]] = {}  # 表三 rows placed by assign_irregular, printing too few values
    short_rows_total = not t2 and _short_rows_end_with_total([values_of[k] for k in irregular])
    # (short rows none of which can end on its 总计, in a table whose positions placed no row printing a
    # count, the rows printing none placed blank: the column left blank)
    total_unprinted = set(_short_under_an_unprinted_total(values_of, widths, report.format == "md")).intersection(irregular) \
        if irregular and not t2 and not as_printed and not short_rows_total \
        and not any(_prints_a_count([t for t in placed if t is not None]) for placed in by_position.values()) else set()
    # (read only for the irregular rows below: with none, the whole table's values go unscanned)
    words = "".join(t.text for t in tokens if t.kind == TEXT) if t2 and irregular else ""
    no_trace = not t2 and bool(irregular) and not short_rows_total and \
        (_blanks_leave_no_trace([values_of[k] for k in irregular]) or _no_zero_printed(values_of, widths))
    with_blanks: dict[str, list[Token]] = {}  # rows printing their 总计, whose other gaps are blank cells
    a_cell_short: list[str] = []  # such rows a cell short, adding up as printed (_a_cell_short_adding_up)
    # 表三 rows printing only 0s beside their label, more of them than columns (see _read_from_own_zeros)
    zeros_over: list[tuple[str, Flag, list[Token]]] = []
    for key in irregular:
        row = table.row(key)
        values = values_of[key]
        if not t2 and 1 < len(values) < widths[key] and len({t.line for t in values}) > 1 and report.format != "md" \
                and key not in wrapped:
            # a wrapped label's line printed the 总计 first (a PDF's reading order). Markdown is
            # written from a document's structure, a table cell by cell, never from a page: its
            # rows print their cells in order (reordered to add up by chance, a short row would
            # hide a misprinted 总计 and move every value a column)
            values = lines_reordered(values)
        elif not t2 and len(values) == widths[key] + 1 and report.format != "md" and key not in wrapped:
            values = eight_reordered(values)  # (the same, a row of 8: a subtotal after 自然人)
        # "政府集中采购 97": as many digits as cells would cut one digit a cell; apart from its
        # label it is one printed number (longer ones stay unread unless they end the line, as
        # below: no cut of them is sure)
        beside = t2 and len(values) == 1 and len(values[0].text) == widths[key] \
            and _set_apart(report.text, label_token[key], values[0])
        # a number alone on its line (one cell a paragraph, as mammoth prints a table), or alone
        # after its label, set apart from it ("行政处罚 2407" in a PDF's text), is one cell: nothing
        # in the layout glues it to another (docx2txt glues a row's cells to its label too)
        whole = t2 and len(values) == 1 and values[0].kind == NUM and (
            (lines and alone_on_line(lines[values[0].line], values[0]))  # (either side of `or` a bool)
            or (_set_apart(report.text, label_token[key], values[0]) and _ends_line(report.text, values[0])))
        causes: tuple[str, ...] = ()  # of the row's flag
        split = None if beside or whole else unglue(report, table, key, values)
        glued_run = None if split or beside or whole or not unseparated else _short_glued_run(report, row, values)
        if split:
            chosen = split
            # (表二's rows have no equation: only 2021's T2-2 weighs the cuts of 规章/行政规范性文件,
            # and only where the run has more than one)
            by_sums = not t2 or (report.template != "2019" and key in ("rules", "normative_docs")
                                 and len(split_plain(values[0].text, widths[key], lambda _: True)) > 1)
            how = "已按勾稽关系拆分" if by_sums else "已按各格都印有数字拆分（本行各列之间没有勾稽关系可以核对）"
            message = f"「{row.label}」行的数字粘连在一起（{values[0].text}），{how}" + \
                ("，请对照原文核对" if all(split) else "，" + LEFT_OPEN)
        elif glued_run is not None:
            chosen, message, causes = glued_run
        elif not t2 and prints_as_eight(values) and token_number(values[1]):
            # a row of 8 adding up so: 自然人, the 法人或其他组织 subtotal the template has no column
            # for, its five parts, 总计 (read as 7, its values would sit a column off). A subtotal
            # of 0 is any of the row's 0s as far as the sums tell: assign_irregular weighs it
            chosen = without_subtotal(values)
            message = ROW_OF_EIGHT.format(row.label, report.text[values[1].start:values[1].end])
            causes = (SUBTOTAL_LEFT_OUT,)
        elif not t2 and key in eights_blank_total and prints_as_eight_blank_total(values):
            chosen = without_subtotal(values)  # (its 总计 blank, as the table's column)
            message = ROW_OF_EIGHT_BLANK_TOTAL.format(row.label, report.text[values[1].start:values[1].end])
        elif len(values) == 1 and values[0].kind == NUM and len(values[0].text) >= widths[key] > 1 \
                and not beside and not whole:
            chosen = [None] * widths[key]
            message = f"「{row.label}」行的数字粘连在一起（{values[0].text}），{NO_UNIQUE_CUT}"
            causes = (GLUED_UNDECIDED,)
            if table.section == "section3" and values[0].text.isdigit() and len(values[0].text) <= MAX_DIGITS \
                    and not completes(values[0].text, widths[key], 0):
                message += f"，{NO_CUT_ADDS_UP}"  # (not even with blank cells that left no trace)
                causes += (GLUED_NO_CUT,)
            message += "，请对照原文填写"
        else:
            subtotal: Optional[Token] = None
            if short_rows_total and short_row_of_eight(values, widths[key]):
                # a row of 8 whose blanks left no trace, among short rows printing their 总计 last:
                # its subtotal left out, its other values placed as the other rows' are
                subtotal, eight_printed = values[1], len(values)
                values = values_of[key] = without_subtotal(values)
            unprinted_total = False
            if table.section == "section3":
                total_printed = (key in paragraph_rows and values == values_of[key]) or short_rows_total \
                    or (no_trace and _may_end_with_total(values)) or key in blank_total_last
                if not total_printed and subtotal is None and key in total_unprinted:
                    # its 总计 a blank cell that left no trace, after its values (a row whose
                    # 总计 is taken as printed is read from the left by blank_total_placement)
                    values = [*values, Token(EMPTY, "", values[-1].end, values[-1].end, values[-1].line)]
                    total_printed = unprinted_total = True
                if not total_printed and _a_cell_short_adding_up(values, widths[key]):
                    total_printed = True
                    a_cell_short.append(key)
                if len(values) == widths[key] + 1 and values[-1].kind != EMPTY and len({t.line for t in values}) == 1 \
                        and not any("\ufffd" in t.text for t in values):
                    # a row of 8 as its layout prints a row, on one line (a grid's row, a line of text),
                    # not adding up as 8 (or 0s and placeholders throughout): its second cell is the 法人或
                    # 其他组织 subtotal all the same (TEMPLATE.md's rows of 8), the slip the report's. Not
                    # weighed by the sums: q4101 r0042 「0 0 0 1 0 0 0 0」 (科研机构's 1 misprinted) read
                    # 0 0 0 0 0 0 0, the 1 left out as if the subtotal and the slip hidden; r0047 「－ ０ ０
                    # _ － － ０ －」 its last cell left out, 其他's ０ read under 法律服务机构. (Not an
                    # empty cell past 总计, nor a character lost in conversion: no column of the row.)
                    chosen = without_subtotal(values)
                    placement = f"，第二个数（{report.text[values[1].start:values[1].end]}）按「法人或其他组织」小计略去（模板无此列），请对照原文核对"
                else:
                    chosen = assign_irregular(report, table, key, values, total_printed=total_printed)
                    placement = ""
                if not total_printed and len(values) < widths[key]:
                    short[key] = values
                if total_printed and chosen[-1] is not None and any(token_number(t) for t in values):
                    # its cells left unprinted are blank cells: _place_again stores it with them 0
                    # (they are unknown till then, so each such row is weighed there against all)
                    with_blanks[key] = values
            elif _columns_named(words, row):
                chosen, placement = place_short_row(row, values)
                placement = f"，空白单元格未留痕迹，{placement}，请对照原文核对" if placement else ""
            else:  # its block's header names only some columns: the others print elsewhere (pdfblocks.py)
                chosen, placement = (values + [None] * widths[key])[:widths[key]], ""
            message = (_overlong_message(row.label, overlong[key]) if key in overlong
                       else f"「{row.label}」行印有{len(values)}个数值，模板为{widths[key]}列{placement or '，请对照原文核对'}" if values
                       else _stray_overlong_message(row.label, stray) if stray is not None
                       else f"「{row.label}」行未印出数值，请对照原文核对")
            if unprinted_total:
                message = _TOTAL_UNPRINTED.format(row.label, len(values) - 1, widths[key])
            if subtotal is not None:
                message = SHORT_ROW_OF_EIGHT.format(row.label, eight_printed, report.text[subtotal.start:subtotal.end])
                causes += (SUBTOTAL_LEFT_OUT,)
            if len(values) > 2 * widths[key]:
                overflowed[key] = len(values)
            if len(values) > widths[key] + 1 and key not in overlong and not only_zeros(values):
                # (one more may be a column the template has not, a subtotal's; a row printing only 0s
                # and placeholders is 0 in every cell whichever of them are its own)
                causes += (OVERRUN,)
            if not t2 and len(values) > widths[key] and key not in overlong and not only_zeros(values) \
                    and 2 * sum(1 for printed in values_of.values() if not printed) > len(values_of):
                # more values than its columns under one label while most rows found print none: a
                # stream gathered there values printed apart from their labels (plain pdftotext,
                # pq4405 r0006: 「6 6 1 1 1 1 1 1」 under 3.危及… are （一）'s, 5.'s, 8.'s …), so its
                # failing sum says nothing of the report
                causes += (OTHERS_MAY_BE_IN,)
        store_row(report, table, key, chosen)
        report.flags.append(flag := Flag(f"{table.section}.{key}", "parse", message, causes))
        if not t2 and not split and key not in overlong and widths[key] < len(values) <= 2 * widths[key] \
                and all(t.kind == NUM and t.value == 0 and t.line == label_token[key].line for t in values):
            # (0s on lines of their own, as a stream prints a table, may be other rows' cells)
            zeros_over.append((key, flag, values))
        if len(values) < widths[key] and only_zeros(values) and (not t2 or _columns_named(words, row)):
            _zero_row_of(report, table, row)  # (表二 too, where its cells print beside it: a blank is 0 there as well)
    if short and all(len(values) <= widths[key] for key, values in values_of.items()) and \
            (beside_labels(list(label_token), values_of, {key: token.line for key, token in label_token.items()})
             or one_a_paragraph_after_labels(tokens, labels, values_of)):
        # only where the text's rows are the table's: each row printing its values beside its
        # label, none more than its columns (a stream read block by block, as plain pdftotext
        # prints a table, puts values in rows not theirs, and the sums would weigh those)
        replace_short_rows(report, table, short, lambda key, placed: store_row(report, table, key, placed))
        _gaps_blank(report, table, short)
    _place_again(report, table, with_blanks)
    if not t2 and lines and any(len(values) < widths[key] for key, values in values_of.items()):
        _place_by_traces(report, table, tokens, labels, values_of, lines, widths)
    if not t2:
        _place_for_one_typo(report, table, with_blanks)
        # rows placed by where their values print, not surely (flagged), their 总计 among them: the
        # sums may move their parts too, in the columns' order the positions gave them
        by_place = {f.cell.split(".")[1] for f in report.flags if PLACED_BY_POSITION in f.causes}
        positioned = {key: printed_now for key, placed in by_position.items() if key in by_place and key not in with_blanks
                      and placed and placed[-1] is not None and placed[-1].kind == NUM
                      and 1 < len(printed_now := [t for t in placed if t is not None and t.kind != EMPTY]) < widths[key]}
        if positioned:
            _place_for_one_typo(report, table, positioned)
        if with_blanks or positioned:
            _read_one_part_subtotals(report, table, {**with_blanks, **positioned})
        if with_blanks and _all_hold(report, table):  # read one way of several that all add up?
            for key, columns in undecided_columns(report, table, with_blanks).items():
                row = table.row(key)
                names = "、".join(f"「{row.columns[c].label}」" for c in columns)
                report.flags.append(Flag(f"{table.section}.{key}", "inferred",
                                         f"「{row.label}」行：空白单元格未留痕迹，几种读法同样合计，{names}各格印的是哪个数"
                                         "无法确定，已按其中一种读取，请对照原文核对"))
        for key in with_blanks:  # (their unprinted cells are blank: 0)
            if read_open_zeros(report, list(table.row_paths(key))):
                report.flags.append(Flag(f"{table.section}.{key}", "inferred",
                                         f"「{table.row(key).label}」行：{BLANKS_UNTRACED_ZEROS}"))
        for key in a_cell_short:
            if any(report.cells[p].state == INFERRED for p in table.row_paths(key)):
                report.flags.append(Flag(f"{table.section}.{key}", "inferred", _GAPS_BLANK.format(table.row(key).label)))
    for key, columns in past_last.items():
        zeros_in_doubt(report, table, key, columns, past_last_message)
    if padded_right == 1 and not t2 and not boxed_table:
        # a grid drawn a column wider than the header's for a row of 8 cells no cell shows
        flagged = {f.cell.split(".")[1] for f in report.flags if f.cell.startswith(f"{table.section}.") and "." in f.cell}
        # (a row of a cell more its last empty, cut_blank, unflagged above: the padding every row
        # has here, so it may be the row of 8 as much as any other row of 0s)
        weighed = flagged | set(by_position) | set(irregular) | set(zeros_cut)
        past_padding, past_padding_message = zero_rows_past_padding(report.text, values_of, gathered, widths, weighed)
        for key, columns in past_padding.items():
            zeros_in_doubt(report, table, key, columns, past_padding_message, (SUBTOTAL_UNTOLD,))
    for key, columns in zeros_cut.items():
        if key not in by_position:  # (still as read from its cells: not placed otherwise)
            zeros_in_doubt(report, table, key, columns, ZEROS_PAST_LAST, (SUBTOTAL_UNTOLD,))
    for key, columns in in_wider_part.items():
        zeros_in_doubt(report, table, key, columns, ZEROS_IN_A_WIDER_PART, (SUBTOTAL_UNTOLD,))
    for key, cells in printed_past.items():
        store_row(report, table, key, cells)
        report.flags.append(Flag(f"{table.section}.{key}", "inferred", ZERO_ROW_PRINTS_PAST_TOTAL.format(
            table.row(key).label)))
    for key in padded_short:
        if columns := _gap_among_zeros(report, table, key):
            zeros_in_doubt(report, table, key, columns, _GAP_AMONG_ZEROS)
    if clipped:
        for key in read_clipped(report, table, clipped, pages, rows_cut):
            unsummed.pop(key, None)  # (read so: no order of its lines to weigh)
    if lost_blank:
        for key in read_blank_lost(report, table, lost_blank):
            unsummed.pop(key, None)
    if grid_eights:
        read_grid_eights_blank_total(report, table, {key: cells for key, cells in grid_eights.items()
                                                     if key not in by_position and key not in irregular})
    if not t2:
        _flag_spilled_rows(report, table, values_of, widths, label_token, set(by_position) | set(irregular), tokens)
        # (a row its grid shows whole printed no cell more that a converter cut: no row of 8 either)
        flag_lone_total(report, table, values_of, widths, set(by_position) | set(irregular) | drawn_whole,
                        pages, rows_cut)
        zero_row_filling_blank_total(report, table, values_of, widths, set(by_position) | set(irregular) | drawn_whole,
                                     pages, rows_cut)
    _order_lines_by_the_table(report, table, unsummed, gap_blanks)
    if wrapped:
        read_wrapped_by_the_sums(report, table, wrapped)
    missing = [r.key for r in table.rows if r.key not in values_of] if not t2 else []
    if not t2:
        # (as printed, the rows' values are as gathered, the tokens right after each label, each in
        # one place of the section's tokens: no text among them)
        if not as_printed:
            for key in interleaved_rows(report, table, tokens, {k: v for k, v in values_of.items() if k not in by_position}):
                report.flags.append(Flag(f"{table.section}.{key}", "parse",
                                         f"「{table.row(key).label}」行的数值与行标签文字交错印出，合计不符，可能读错了行，请对照原文核对",
                                         (OTHERS_MAY_BE_IN,)))
        # (a row padded to the table's width is one cell a column as drawn: no stream lost its cells)
        flag_unanchored_rows(report, table, {**values_of, **as_drawn} if as_drawn else values_of, placed=set(by_position),
                             pages=pages)
        # (as printed and none placed by position, every row found was stored from its values,
        # none None, in some order: no cell of it is unread)
        if not as_printed or by_position:
            infer_forced(report, table, present={k for k in values_of})
    if not t2 and lines and report.format in _PAGE_TEXTS and labels[0][1] not in wrapped \
            and _counts_above_first_label(tokens, labels[0][0]):
        report.flags.append(Flag(table.section, "parse", _PRINTED_ABOVE_LABELS))
    for key, token in unreadable.items():  # its cell was placed as blank: it is not
        report.flags.append(Flag(f"{table.section}.{key}", "parse",
                                 f"「{table.row(key).label}」行有单元格印为「{token.text}」，无法读作数值，请对照原文填写"))
    if overflow:
        overflow_cells_unread(report, table, overflow)
    needless = {id(flag) for key, flag, values in zeros_over if _read_from_own_zeros(report, table, key, values)}
    if needless:
        report.flags[:] = [f for f in report.flags if id(f) not in needless]
    # (as printed on the labels' lines, no row is irregular, placed, reordered, moved, zero or
    # undecided above: each row's cells are still as stored from its values, in printed order)
    if t2:  # (as printed, none placed by position: each row stored whole from its values, as read)
        return overflowed, missing, as_printed and not by_position and len(labels) == len(table.rows) \
            and all(values_of[key][0].kind != EMPTY for _, key in labels)
    # (over several lines, a row may have been stored reordered or placed by position: its cells
    # are looked at, not the whole table's tokens again as read_anchored_rows would)
    return overflowed, missing, as_printed and read_as_anchored(table, tokens, labels) \
        and (one_line or stored_as_printed(report, table, tokens, labels))


def _with_label_tails(table: Table, tokens: list[Token], labels: list[tuple[int, str]], text: str
                      ) -> list[tuple[int, str]]:
    """The labels found, and those of rows found by their last part only: a text token that is the
    end, not the whole (four characters at least, punctuation and spaces left out), of the label
    (without its numbering) of a row no label was found for, the one such token between the labels
    of the rows found before and after it in the template (a label wrapped in its cell, its first
    lines lost or printed elsewhere): the values after it are that row's, not the row's before it.
    Such a token is looked for where the text prints the label's last four characters. 表二's too:
    pandoc's grid table wraps 「其他对」 over 「外管理服务事项」, neither naming the row alone (w2703
    cms-html-pandoc-html-plain r0002: its values read as 行政许可's above it)."""
    index_of = {key: index for index, key in labels}
    added: list[tuple[int, str]] = []
    before = -1  # the label of the last row found, in the template's order
    # (a table drawn in a ruled box, w3m's: its first label's line draws the box's borders)
    boxed = "│" in text and boxed_label_cells(text, tokens[labels[0][0]]) > 0
    rows = table.rows
    for n, row in enumerate(rows):
        if row.key in index_of:
            before = index_of[row.key]
            continue
        after = next((index_of[r.key] for r in rows[n + 1:] if r.key in index_of), len(tokens))
        if after - before < 3:
            continue  # (no token between the two labels but a value or two)
        label = LABEL_NOISE.sub("", NUMBERING.sub("", row.label))
        high = tokens[after].start if after < len(tokens) else tokens[-1].end
        if boxed and (top := _boxed_label(tokens, before + 1, after, row.label, label, text)) is not None:
            added.append((top, row.key))
            continue
        if len(label) < 5:
            continue
        spots = []
        at = text.find(label[-4:], tokens[before + 1].start, high)
        while at >= 0:
            i = bisect_right(tokens, at, key=_start) - 1
            token = tokens[i]
            if token.kind == TEXT and at < token.end and 4 <= len(
                    tail := LABEL_NOISE.sub("", token.text)) < len(label) and label.endswith(tail):
                spots.append(i)
            at = text.find(label[-4:], at + 4, high)
        if len(spots) == 1:
            added.append((_label_top(tokens, before + 1, spots[0], label), row.key))
    return sorted(labels + added) if added else labels


def _boxed_label(tokens: list[Token], first: int, end: int, full: str, bare: str, text: str) -> Optional[int]:
    """The first token of tokens[first:end] whose ruled box cell (w3m), over the lines of its box
    row, holds exactly the row's label `full` (`bare`: without its numbering; the row's own number
    printed too, where it has one): a narrow cell wraps a short label 「（一）」 over 「予以公」 over
    「开」, no line of it naming the row (w3203 r0032 split-html-w3m: its 18 read as 上年结转's).
    None where no cell, or more than one box row, holds it."""
    number = own_number(full)
    spots = []
    for i in range(first, end):
        token = tokens[i]
        if token.kind != TEXT:
            continue
        cell = box_cell_text(text, token)
        if cell and LABEL_NOISE.sub("", NUMBERING.sub("", cell)) == bare and own_number(cell) == number:
            spots.append(i)
    if not spots or not on_lines_of_one_box_row(text, [tokens[spots[0]], tokens[spots[-1]]]) and len(spots) > 1:
        return None  # (the cells found lie on more than one box row, or none holds the label)
    return spots[0]


def _label_top(tokens: list[Token], first: int, tail_at: int, label: str) -> int:
    """Where the label whose end was found at tail_at starts: the first of the texts printed just
    before it (since the row found before) that continue it upwards, each with the ones below it
    an end of the label; tail_at where none does. A label wrapped over lines of its cell prints
    its row's values on one of them, not always the last (a w3m box: 「（二）部分公 │３│—│０…」
    over 「开（区分处理的…）」, or 「（二）部」, 「分公开（…不计 │0│0…」, 「其他情形）」)."""
    suffix, top = LABEL_NOISE.sub("", tokens[tail_at].text), tail_at
    for i in range(tail_at - 1, first - 1, -1):
        if tokens[i].kind != TEXT:
            continue
        above = LABEL_NOISE.sub("", NUMBERING.sub("", tokens[i].text))
        if not above or not label.endswith(above + suffix):
            break
        suffix, top = above + suffix, i
    return top


_start = attrgetter("start")


def _flag_spilled_rows(report: Report, table: Table, values_of: dict[str, list[Token]], widths: dict[str, int],
                       label_token: dict[str, Token], not_whole: set[str], tokens: list[Token]) -> None:
    """表三 rows read whole whose failing sum another reading of the text mends, or whose last
    lines of values may be the next row's (see spilled.py)."""
    labelled = [key for key in values_of if key in label_token]
    whole = {key for key in labelled if key not in not_whole and len(values_of[key]) == widths[key]}
    if len(whole) == len(labelled):
        return  # every row read whole (most tables): no short row beside one to take its values
    order = sorted(labelled, key=lambda key: label_token[key].start)
    for key, (other, moved) in spilled_rows(order, values_of, widths, whole).items():
        texts = "、".join(t.text for t in moved if t.text)
        report.flags.append(Flag(f"{table.section}.{key}", "parse",
                                 f"「{table.row(key).label}」行读满{widths[key]}列，合计不符；相邻的「{table.row(other).label}」行"
                                 f"只印有{sum(t.kind != EMPTY for t in values_of[other])}个数值，"
                                 f"本行的{texts}若属于该行，该行合计相符，各数值属于哪一行无法确定，请对照原文核对",
                                 (NEIGHBOUR_MAY_HOLD,)))
    if table.section == "section3" and (after := after_an_unprinted_total(
            order, values_of, whole, RESULT_ROWS_2019 if report.template == "2019" else RESULT_ROWS_2021)):
        report.flags.append(Flag(f"{table.section}.{after}", "parse",
                                 f"「{table.row(after).label}」行读满{widths[after]}列，紧接其上的「{table.row('total').label}」行"
                                 "未印出数值，而各项办理结果印有数值，总计行的数值当印在某处：本行的数值中哪些属于该行无法确定，请对照原文核对",
                                 (NEIGHBOUR_MAY_HOLD,)))
    text_lines = {t.line for t in tokens if t.kind == TEXT}
    label_line = {key: token.line for key, token in label_token.items()}
    for key, (other, moved) in values_line_of_next_row(order, values_of, widths, whole, label_line, text_lines).items():
        texts = " ".join(t.text for t in moved if t.text)
        report.flags.append(Flag(f"{table.section}.{key}", "parse",
                                 f"「{table.row(key).label}」行的数值分两行印出，后一行（{texts}）只有数值，紧接下一行"
                                 f"「{table.row(other).label}」的标签，而该行未印出数值：这行数值属于哪一行无法确定，请对照原文核对",
                                 (NEIGHBOUR_MAY_HOLD,)))


def _read_from_own_zeros(report: Report, table: Table, key: str, values: list[Token]) -> bool:
    """Whether a 表三 row printing only 0s beside its label, more of them than its columns, was
    read with every cell one of those 0s: whichever of them are its cells, each cell is 0, so
    that it printed too many changes no value and is not worth a flag. A cell stored from
    another row's value, or inferred, is not (another reading of the rows could give it another
    value)."""
    spans = {(t.start, t.end) for t in values}
    for column in table.row(key).columns:
        cell = report.cells.get(f"{table.section}.{key}.{column.key}")
        if cell is None or cell.state != NUMBER or cell.value != 0 or cell.span not in spans:
            return False
    return True


def _gaps_blank(report: Report, table: Table, short: dict[str, list[Token]]) -> None:
    """The cells a short row of a table read row by row left unprinted are its blank cells: 0.

    Where each row prints its values beside its label, a row printing fewer values than columns
    had its blank cells dropped without a trace, so each cell it did not print is blank, whichever
    of its columns they are (the row is flagged for that). Left unknown, the equations
    would fill them in, and a misprint beside them would be absorbed by the filled-in cells
    instead of breaking the sums that name it."""
    for key, values in short.items():
        if not values:
            continue  # a row printing nothing may have printed its values elsewhere, or lost them
        paths = list(table.row_paths(key))
        gaps = [p for p in paths if report.cells[p].state == MISSING]
        if not gaps:
            continue
        for path in gaps:
            report.cells[path] = CellValue(0, INFERRED)
        report.flags.append(Flag(f"{table.section}.{key}", "inferred", _GAPS_BLANK.format(table.row(key).label)))


_GAPS_BLANK = "「{}」行未印出的单元格按空白（0）计，请对照原文核对"


_LINES_BY_SUMS = "「{}」行的数值分在几行印出，已按各行合计关系排列，请对照原文核对"
# (CELLS_OF_EIGHT's {1}: how the row shows its 8 cells)
_PRINTED_PAST_TOTAL = "表格在总计之后多画的一列中也印了数值"
_PLACED_PAST_TOTAL = "末个数值印在总计一列之后"
_GAP_AMONG_ZEROS = ("「{0}」行比表头少印1格（转换时在行末补了空格）：按合计读出的空白格在{1}，它与相邻各个0"
                    "的先后无法确定（各种排法同样合计），均按0计，请对照原文核对")
_BOTH_ENDS_BLANK = ("「{0}」行比表头多印1格，首尾两格均空白，无法确定哪一格是多出的空格：已按其余各行的列位读取"
                    "（首格为自然人，末格视为多出），请对照原文核对")


def _order_lines_by_the_table(report: Report, table: Table, rows: dict[str, list[Token]],
                              gap_blanks: Optional[dict[str, list[Token]]] = None) -> None:
    """Full rows printed over lines that no order of the lines makes add up (a typo in them), or
    that only an order other than the printed one makes add up: the order of the lines under
    which the table's equations hold best, when it holds more of them than the order taken (the
    printed order, the one ending on the largest value, or the one adding up). A misprinted 总计
    printed first (pdfplumber prints a wrapped row's 总计 on its label's first line) otherwise
    reads as 自然人 and moves every part a column; a misprinted 总计 can also make another order
    add up by chance (49 2 … 47 read as 2 … 47 49), moving every part a column the other way,
    where the printed order fails only the row's sum and its 总计's column, crossing at the 总计.
    Where orders hold as many sums, one whose failing sums cross at a value the row prints comes
    first: a misprint is a printed value, while a crossing at a cell the row left blank needs a
    value the report never printed (2 printed under 法律服务机构 and a misprinted 总计 0, read
    with the 2 last, would ask for a 2 in the blank cell). Flagged either way.
    A row completed with one blank cell from an empty line after its values (`gap_blanks`: a row
    printing a cell fewer, one a paragraph, LibreOffice's text) is weighed with that blank in each
    of its places too: the line says nothing of which cell the row left out (q3201 r0004 lo-txt:
    「351 20 4 14 21 410」 read with 21 under 法律服务机构, whose column then fails, not under 其他)."""
    arithmetic: dict[str, Optional[Number]] = {}  # the table's cells as the sums read them, kept up to date below
    if rows:
        cells = report.cells
        arithmetic = {p: cells[p].arithmetic for p in table_cells(report.template, table.section) if p in cells}
    totals: dict[int, tuple[int, int, int]] = {}  # see compiled_sums: kept while `arithmetic` is unchanged
    for key, values in rows.items():
        paths = table.row_paths(key)
        blanks = gap_blanks.get(key) if gap_blanks else None
        orders = None
        if blanks and len(blanks) == 1 and any(t is blanks[0] for t in values):
            printed = [t for t in values if t is not blanks[0]]
            orders = [printed[:at] + blanks + printed[at:] for at in range(len(printed) + 1)]
        best = better_line_order(report.template, paths, values, arithmetic, totals, orders)
        if best is None:
            continue
        store_row(report, table, key, best)
        arithmetic.update((p, report.cells[p].arithmetic) for p in paths)
        totals.clear()
        # (the flag of the order taken, if any, no longer says how the row is read)
        report.flags[:] = [f for f in report.flags if not (f.cell == f"{table.section}.{key}" and f.kind == "inferred"
                                                           and LINES_BY_SUMS in f.causes)]
        report.flags.append(Flag(f"{table.section}.{key}", "inferred",
                                 f"「{table.row(key).label}」行的数值分在几行印出，合计不符，已按表内勾稽关系排列各行，请对照原文核对"))


def _place_again(report: Report, table: Table, rows: dict[str, list[Token]], rounds: int = 2) -> None:
    """Rows of 表三 placed one by one in table order were weighed against only the rows placed
    before them: each is weighed again against all the others (a column blank in the rows above
    ties there, not against the rows below), until no row moves. Rows placed alike can still all
    hold one column's values in the column beside it, where moving any one of them alone breaks
    as many sums as it mends: then the values of that column move together (see _column_move)."""
    if not rows:
        return
    # the table's cells as the sums read them, kept up to date by store() (a row's equations
    # are the table's: each row is weighed against them as they are now)
    arithmetic = table_values(report, table.section)
    if _all_hold(report, table, arithmetic):
        return  # every sum holds: no placement can do better
    placed: dict[str, list[Optional[Token]]] = {}

    def store(key: str, chosen: list[Optional[Token]]) -> bool:
        paths = list(table.row_paths(key))
        before = [report.cells[p].value for p in paths]
        store_row(report, table, key, chosen)
        for path, token in zip(paths, chosen):
            if token is None:
                report.cells[path] = CellValue(0, INFERRED)
        arithmetic.update((p, report.cells[p].arithmetic) for p in paths)
        placed[key] = chosen
        return [report.cells[p].value for p in paths] != before

    for _ in range(rounds):
        moved = False
        for key, values in rows.items():
            eqs = row_equations(report.template, key)
            if equation_score(eqs, arithmetic) == len(eqs):
                continue  # every sum through the row holds: no placement of it does better
            moved |= store(key, assign_irregular(report, table, key, values, total_printed=True))
        if not moved:
            break
    for _ in range(rounds):
        move = _column_move(report, table, placed, arithmetic)
        if not move:
            break
        for key, chosen in move.items():
            store(key, chosen)
    if not _all_hold(report, table, arithmetic):
        # the search above can stop where moving any one row breaks as many sums as it mends:
        # the one placement of them all under which every sum holds (or all but one misprinted
        # cell's), when there is only one, places the rows whose numbers it changes
        for key, chosen in (unique_placement(report, table, rows) or {}).items():
            store(key, chosen)
    if not _all_hold(report, table, arithmetic):
        # several placements hold every sum: the rows they all place alike are decided
        for key, chosen in agreed_rows(report, table, rows).items():
            store(key, chosen)
    # no row ends in the sum of its others: the 总计 column left blank, its values the parts'
    misprinted: list[str] = []
    from_left = blank_total_placement(table, report.template, rows, arithmetic, misprinted)
    searched: dict[str, list[Optional[Token]]] = {}
    leftmost = False  # (searched: the furthest left of several placements holding every sum)
    if not from_left and not _all_hold(report, table, arithmetic):
        # read from the left, the values break the column sums (a blank column before a value
        # left no trace: 「14811 1566 373 －」 with 科研机构 blank): the one placement they hold under
        searched, column = blank_total_search(report, table, rows)
        if column is not None:
            misprinted.append(table.rows[0].columns[column].label)
        if not searched:
            # several placements hold them: the one furthest left, as a short row reads elsewhere
            searched = leftmost_blank_total(report, table, rows)
            leftmost = bool(searched)
    for key, chosen in (from_left or searched).items():
        store(key, chosen)
        # its 总计 printed blank, as the whole column (the sums found no row printing one): not a 0
        # the parser infers, which every row's own sum would weigh against its parts
        end = max(t.end for t in chosen if t is not None)
        report.cells[table.row_paths(key)[-1]] = CellValue(None, BLANK, "", (end, end))
        report.flags.append(_blank_total_flag(table, key, misprinted, key in searched, leftmost))
    if searched:
        # the rows the placement leaves where they were print their 总计 blank as well (the column's)
        for key, values in rows.items():
            if key not in searched and any(t.kind == NUM and t.value for t in values):
                end = max(t.end for t in values)
                report.cells[table.row_paths(key)[-1]] = CellValue(None, BLANK, "", (end, end))


_PLACED_BY_TRACES = ("「{}」行：空白单元格只有一部分留下空行，已按各行空行所示的空白单元格位置排入各列"
                     "（只有这一种读法使{}合计相符），请对照原文核对")


_SUBTOTAL_BY_TRACES = ("「{0}」行各格一段，空行所示的空白单元格连同印出的数值比表头多1格：第二格（{1}）等于其后各格之和、"
                       "与自然人相加等于总计，是「法人或其他组织」小计（本行印有8格，模板无此列）。已略去小计读取，请对照原文核对")


def _place_by_traces(report: Report, table: Table, tokens: list[Token], labels: list[tuple[int, str]],
                     values_of: dict[str, list[Token]], lines: list[Line], widths: dict[str, int]) -> None:
    """表三's short rows placed again where their empty lines bound their blank cells (a web
    editor's table dumped one cell a paragraph, only some blank cells leaving a line:
    blank_traces.py) and exactly one placement keeping those bounds makes every sum hold."""
    # (a 「无」 of 「（四）无法提供」 printed a character a line is no cell: the tokenizer reads it as text)
    short = {key: values for key, values in values_of.items() if len(values) <= widths[key]}
    traces = blank_traces(tokens, labels, short, lines, widths)
    if not traces:
        return
    short = {key: values for key, values in short.items() if len(values) < widths[key]}
    subtotals: dict[str, Token] = {}  # rows printing a 法人或其他组织 subtotal, its gaps tell: it, left out
    for key, blanks in list(traces.items()):
        if key in short and (index := subtotal_of_wider_row(short[key], blanks, widths[key])) is not None:
            subtotals[key] = short[key][index]
            short[key] = short[key][:index] + short[key][index + 1:]
            traces[key] = without_subtotal_trace(blanks, index)
    placed, blank_total, misprinted = traced_placement(report, table, short, traces, _all_hold(report, table))
    if subtotals and not set(subtotals) <= set(placed):
        return  # (a row read without its subtotal only where the table's sums place it so)
    sums = "各项" if misprinted is None else f"除「{table.rows[0].columns[misprinted].label}」列（疑有笔误）外各列"
    for key, chosen in placed.items():
        paths = list(table.row_paths(key))
        store_row(report, table, key, chosen)
        for path, token in zip(paths, chosen):
            if token is None:
                report.cells[path] = CellValue(0, INFERRED)
        if blank_total and any(t is not None for t in chosen):
            end = max(t.end for t in chosen if t is not None)
            report.cells[paths[-1]] = CellValue(None, BLANK, "", (end, end))
        cell = f"{table.section}.{key}"
        # (a reading from the left, or one of several, is no longer what the row holds)
        report.flags[:] = [f for f in report.flags if not (f.cell == cell and f.kind == "inferred")]
        report.flags.append(Flag(cell, "inferred", _PLACED_BY_TRACES.format(table.row(key).label, sums)))
        if key in subtotals:
            report.flags.append(Flag(cell, "inferred", _SUBTOTAL_BY_TRACES.format(
                table.row(key).label, report.text[subtotals[key].start:subtotals[key].end]), (SUBTOTAL_LEFT_OUT,)))


def _blank_total_flag(table: Table, key: str, misprinted: list[str], searched: bool = False,
                      leftmost: bool = False) -> Flag:
    """The flag of a row read from the left because the table's 总计 column is blank
    (blank_total_placement), or `searched`: placed where the column sums hold only so (blank_total_search),
    or `leftmost` as well: the furthest left of several placements under which they hold (leftmost_blank_total)."""
    sums = f"除「{misprinted[0]}」列（疑有笔误）外各列合计相符" if misprinted else "各列合计相符"
    how = f"各数值按印出的顺序排入唯一能使{sums}的各列" if searched else f"已按顺序从左排入各列（{sums}）"
    if searched and leftmost:
        how = "能使各列合计相符的排法不止一种（哪几列空白无法确定），已按印出的顺序取最靠左的一种排入各列"
    return Flag(f"{table.section}.{key}", "inferred",
                f"「{table.row(key).label}」行的总计栏空白，空白单元格未留痕迹，{how}，请对照原文核对")


def _blank_total_by_position(report: Report, table: Table, values_of: dict[str, list[Token]],
                             out: dict[str, Sequence[Optional[Token]]]) -> None:
    """Rows of 表三 placed by their positions (`out`) where no row prints its 总计 (its column
    left blank) and the columns' sums then fail: read from the left instead where every column's
    sums then hold (blank_total_placement). The positions cannot say it where rows print at other
    offsets than the header's names (LibreOffice narrows a wrapped label's cell in some rows,
    moving their values a column right under pdftotext -layout); the sums can."""
    values: dict[str, Optional[Number]] = {}
    for row in table.rows:
        placed = out.get(row.key)
        if placed is None:
            placed = values_of.get(row.key) or []
        numbers = [token_number(t) for t in placed]
        # (a row printing nothing is a row of blanks: 0 in the sums)
        values.update(zip(table.row_paths(row.key), numbers or [0] * len(row.columns)))
    printed = {key: tokens for key, tokens in values_of.items() if tokens}
    misprinted: list[str] = []
    for key, chosen in blank_total_placement(table, report.template, printed, values, misprinted).items():
        last = next(t for t in reversed(chosen) if t is not None)
        # (its 总计 a blank cell, as printed: no value is inferred for it)
        out[key] = [*chosen[:-1], chosen[-1] or Token(EMPTY, "", last.end, last.end, last.line)]
        report.flags[:] = [f for f in report.flags if not (f.cell == f"{table.section}.{key}"
                                                           and PLACED_BY_POSITION in f.causes)]
        report.flags.append(_blank_total_flag(table, key, misprinted))


def _place_for_one_typo(report: Report, table: Table, rows: dict[str, list[Token]]) -> None:
    """Rows of 表三 printing their 总计 last, their unprinted cells blank (0), placed by the sums
    and not by where they are printed (`with_blanks` of parse_rows), placed again where every sum
    then holds, or fails through one cell only (see reconcile.one_typo_placement); they stay flagged."""
    for key, chosen in (one_typo_placement(report, table, rows) or {}).items():
        store_row(report, table, key, chosen)
        for column, token in zip(table.row(key).columns, chosen):
            if token is None:
                report.cells[f"{table.section}.{key}.{column.key}"] = CellValue(0, INFERRED)


def _read_one_part_subtotals(report: Report, table: Table, rows: dict[str, list[Token]]) -> None:
    """表三 rows printing fewer values than their columns, their blanks leaving no trace and their
    总计 last, whose second value repeats the one count other than 0 among the parts after it, the
    last 自然人 plus it (「5 1 1 6」: 自然人 5, the 法人或其他组织 subtotal 1, 商业企业 1, 总计 6): a row
    of 8 (TEMPLATE.md) or a row of 7 with a misprint, which the row alone cannot tell
    (short_row_of_eight leaves them). Read without the subtotal where every equation through the
    row then holds, the table's column sums with it, and some fails as read: a misprint leaves a
    sum failing either way (s77 r0032 「0 1 - 1 0 1」)."""
    arithmetic: Optional[dict[str, Optional[Number]]] = None
    for key, values in rows.items():
        width = len(table.row(key).columns)
        if not 4 <= len(values) < width or any(t.kind not in (NUM, NA) for t in values):
            continue
        numbers = [token_number(t) if t.kind == NUM else 0 for t in values]
        if not known(numbers) or not numbers[1] or sum(1 for n in numbers[2:-1] if n) != 1 \
                or numbers[1] != sum(numbers[2:-1]) or numbers[-1] != implied_total(numbers[0], numbers[1]):
            continue
        if arithmetic is None:
            arithmetic = table_values(report, table.section)
        eqs = row_equations(report.template, key)
        if equation_score(eqs, arithmetic) == len(eqs):
            continue  # every sum through the row holds as read
        paths = list(table.row_paths(key))
        # 自然人 first, 总计 last, the parts after the subtotal in their printed order in the part
        # columns (their blanks left no trace): the first placement under which every sum holds
        parts = values[2:-1]
        chosen = None
        for kept in combinations(range(1, width - 1), len(parts)):
            placed: list[Optional[Token]] = [values[0], *[None] * (width - 2), values[-1]]
            for column, token in zip(kept, parts):
                placed[column] = token
            trial = dict(arithmetic)
            trial.update(zip(paths, (0 if t is None else token_number(t) for t in placed)))
            if equation_score(eqs, trial) == len(eqs):
                chosen = placed
                break
        if chosen is None:
            continue
        store_row(report, table, key, chosen)
        for path, cell in zip(paths, chosen):
            if cell is None:
                report.cells[path] = CellValue(0, INFERRED)
        arithmetic.update((p, report.cells[p].arithmetic) for p in paths)
        report.flags.append(Flag(f"{table.section}.{key}", "parse", SHORT_ROW_OF_EIGHT.format(
            table.row(key).label, len(values), report.text[values[1].start:values[1].end]), (SUBTOTAL_LEFT_OUT,)))


def _all_hold(report: Report, table: Table, values: Optional[dict[str, Optional[Number]]] = None) -> bool:
    """Whether every equation of the table holds, no cell of it unknown (`values`: its cells as
    table_values reads them, where the caller keeps them up to date)."""
    eqs = table_equations(report.template, table.section)
    return equation_score(eqs, table_values(report, table.section) if values is None else values) == len(eqs)


def _column_move(report: Report, table: Table, placed: dict[str, list[Optional[Token]]],
                 known: dict[str, Optional[Number]]) -> Optional[dict[str, list[Optional[Token]]]]:
    """The rows' values of one part column moved to another part column, in every placed row
    where that column is blank and no value lies between (the printed order kept), when the
    table's equations (over `known`, the table's cells as table_values reads them) hold strictly
    better so; the best such move, or None."""
    eqs = table_equations(report.template, table.section)
    best, best_score = None, equation_score(eqs, known)
    if best_score == len(eqs):
        return None  # every sum holds
    parts = len(table.rows[0].columns) - 1
    for source in range(parts):
        for target in range(parts):
            low, high = sorted((source, target))
            moved = {}
            for key, chosen in placed.items():
                if chosen[source] is not None and chosen[target] is None \
                        and all(chosen[c] is None for c in range(low + 1, high)):
                    moved[key] = chosen[:target] + [chosen[source]] + chosen[target + 1:]
                    moved[key][source] = None
            if not moved:
                continue
            values = dict(known)
            for key, chosen in moved.items():
                paths = list(table.row_paths(key))
                values.update(zip(paths, (0 if t is None else token_number(t) for t in chosen)))
            score = equation_score(eqs, values)
            if score > best_score:
                best, best_score = moved, score
    return best


def _short_rows_end_with_total(rows: list[list[Token]]) -> bool:
    """Whether the rows printing fewer values than their columns print their 总计 last: two or
    more of those printing two counts or more, and most of them, end with the sum of the others.
    A table whose zeros print as blank cells shows so that its 总计 column is printed, so a row
    counting anything prints its 总计 (a total left blank would let the equations infer one the
    row never printed, and hide a misprinted one)."""
    read = [[token_number(t) for t in values] for values in rows if len(values) >= 2]
    summed = [numbers for numbers in read if known(numbers) and any(numbers)]
    adding = sum(abs(sum(numbers[:-1]) - numbers[-1]) < 1e-9 for numbers in summed)
    return adding >= 2 and 3 * adding >= 2 * len(summed)


def _blanks_leave_no_trace(rows: list[list[Token]]) -> bool:
    """Whether two rows printing fewer values than their columns print two counts other than 0
    and their sum last (412 126 538): no chance, so the table's blank cells leave no trace,
    however many rows a reading-order stream (plain pdftotext) muddled. A row there printing
    two values or more prints its 总计 last: one that then fails its sum is a misprint or a
    misread row, named 存疑 (it is flagged), never read so that the sum holds."""
    read = [[token_number(t) for t in values] for values in rows if len(values) >= 3]
    summed = [numbers for numbers in read if known(numbers)]
    return sum(abs(sum(numbers[:-1]) - numbers[-1]) < 1e-9 and sum(1 for n in numbers[:-1] if n) >= 2
               for numbers in summed) >= 2


def _rows_after_unfound(table: Table, key: str, count: int, labels: list[tuple[int, str]]) -> bool:
    """Whether the `count` template rows right after `key` all exist and none had its label found."""
    keys = [row.key for row in table.rows]
    following = keys[keys.index(key) + 1:keys.index(key) + 1 + count]
    found = {found_key for _, found_key in labels}
    return len(following) == count and not any(k in found for k in following)


def _on_label_line(values: list[Token], line: int) -> int:
    """How many of a row's values, from its first, print on its label's line."""
    count = 0
    for token in values:
        if token.line != line:
            break
        count += 1
    return count


def _may_end_with_total(values: list[Token]) -> bool:
    """Whether a row's last printed value can be its 总计: two values or more, the last no less
    than any other (counts are never negative). A row printing a smaller one last printed its
    总计 elsewhere, as a reading-order stream does: its values are placed by the sums."""
    numbers = [token_number(t) for t in values]
    return len(numbers) >= 2 and known(numbers) and numbers[-1] >= max(numbers[:-1])


def _a_cell_short_adding_up(values: list[Token], width: int) -> bool:
    """Whether a row prints one value fewer than its cells, every one a count, the last the sum of
    the others, two of those other than 0 (「574 63 16 0 17 670」): a blank part that left no trace
    (a row of 6, TEMPLATE.md), its 总计 printed last; which part is blank, the column sums weigh."""
    if len(values) != width - 1 or width < 3:
        return False
    numbers = [token_number(t) if t.kind == NUM else None for t in values]
    return known(numbers) and parts_add_up(numbers) and sum(1 for n in numbers[:-1] if n) >= 2


def _no_zero_printed(values_of: dict[str, list[Token]], width: dict[str, int]) -> bool:
    """Whether the table prints no 0 and no placeholder, and a row's worth of values fewer than its
    cells: its zeros are blank cells that left no trace, as many as it is short (a report counts
    nothing in most cells, so a table printing them all prints 0 or "—" somewhere)."""
    printed = [t for values in values_of.values() for t in values if t.kind in (NUM, NA)]
    return bool(printed) and all(t.kind == NUM and t.value for t in printed) \
        and len(printed) <= sum(width.values()) - max(width.values())


def flag_overflow_neighbours(report: Report, table: Table, overflowed: dict[str, int]) -> None:
    """A row printing over twice as many values as columns shows the text's rows were not cut
    where the table's are (its label stands far from its values, as plain pdftotext prints a
    table): the rows printed next to it may hold values of it, or it of theirs, even when their
    count is right. Flagged, so a sum failing through them is a doubt, not the report's mistake.
    A row holding over half the table's values shows the table prints its values apart from its
    labels (plain pdftotext's text blocks): the few printed beside another label, however far
    from it, are pieces of those blocks, not that row's (pages410-r0025: 「3.危及…」 took 一's
    first values and （一）（二）'s 自然人 column); every row read from values is flagged alike. So too
    where that row and the rows placed by order (their values printed apart from their labels)
    hold over half the table's cells (pages711-r0018: 「5.要求…确认…」 read 74 values, 18 rows were
    placed by order, and 「3.危及…」 took the 自然人 column's 6 1 0 0 0 2 2)."""
    flagged = {f.cell for f in report.flags}
    keys = [row.key for row in table.rows]
    wide: list[tuple[str, int]] = []
    # the cells of the rows whose values printed apart from their labels, placed by order
    placed_apart = sum(len(row.columns) for row in table.rows if overflowed and any(
        f.cell == f"{table.section}.{row.key}" and PLACED_BY_ORDER in f.causes for f in report.flags))
    for key, count in overflowed.items():
        if f"{table.section}.{key}" not in flagged:
            continue  # read again otherwise (its flag was replaced)
        if (count + placed_apart) * 2 > len(keys) * len(table.row(key).columns):
            wide.append((key, count))
        n = keys.index(key)
        for near in keys[max(n - 1, 0):n] + keys[n + 1:n + 2]:
            cell = f"{table.section}.{near}"
            if cell not in flagged:  # a row not found has its own flag
                report.flags.append(Flag(cell, "parse", f"相邻的「{table.row(key).label}」行印有{count}个数值"
                                                        f"（模板为{len(table.row(key).columns)}列），行的划分不可靠，"
                                                        "本行数值可能不全是本行的，请对照原文核对"))
                flagged.add(cell)
    for key, count in wide:
        for row in table.rows:
            cell = f"{table.section}.{row.key}"
            if cell not in flagged and any(getattr(report.cells.get(f"{cell}.{column.key}"), "state", None) == NUMBER
                                           for column in row.columns):
                report.flags.append(Flag(cell, "parse", f"「{table.row(key).label}」行印有{count}个数值，表格数值大多"
                                                        "与各行标签分开印出，本行数值可能不是本行的，请对照原文核对"))
                flagged.add(cell)


def reread_glued(report: Report, table: Table, dropped: Sequence[tuple[int, int]] = ()) -> None:
    """Rows whose cells a converter glued into one run of text, cut by the sums (stream.py);
    `dropped`: offsets of text that holds no cell (a serial number), read as spaces."""
    glued = glued_t3(report, table, dropped)
    for key, cells in glued.items():
        store_row(report, table, key, cells)
    _unread_whole_runs(report, table)
    if glued:
        infer_forced(report, table, present=set(glued), keep_open=uncut_rows_printing_counts(report, table))


def _unread_whole_runs(report: Report, table: Table) -> None:
    """A row whose digits the glued reader found to be several cells run together, no cut of them
    adding up, but whose standing reading holds them all as one number (docx2txt's 总计 row
    「172531234949240021300」 placed whole in 自然人): that number is no cell's value, and the
    equations would carry it into other cells. Its cell is left unread; the row keeps its flag."""
    glued_rows = {f.cell for f in report.flags if f.kind == "parse" and GLUED_NO_CUT in f.causes}
    if not glued_rows:
        return  # (commonly: no row's path built to look for it)
    width = len(table.rows[0].columns)
    for row in table.rows:
        key = f"{table.section}.{row.key}"
        if key not in glued_rows:
            continue
        numbers = [p for p, _ in row_cells_of(table, row.key) if report.cells[p].state == NUMBER]
        if len(numbers) == 1:
            raw = report.cells[numbers[0]].raw.strip()
            if raw.isdigit() and len(raw) >= width:
                report.cells[numbers[0]] = UNREAD


def _placed_values(placed: Sequence[Optional[Token]], undecided: list[int]) -> bool:
    """Whether a placed row adds up with a value other than 0 outside the cells its cuts
    disagree on (the row a cut calls misprinted is no reading of what the row printed)."""
    tokens = [t for t in placed if t is not None]
    return len(tokens) == len(placed) and tokens_add_up(tokens, unknown=True) \
        and any(t.value and i not in undecided for i, t in enumerate(tokens))  # (a value: a NUM token's)


def _overlong_message(label: str, number: Token) -> str:
    """What a row printing a number too long to be a cell says (tokens.MAX_DIGITS)."""
    digits = sum(ch.isdigit() for ch in number.text)
    return f"「{label}」行印有一个{digits}位的数字，过长（单元格数值最多{MAX_DIGITS}位），无法读取，请对照原文填写"


def _stray_overlong_message(label: str, number: Token) -> str:
    """What a row printing no value says when the table holds such a number past its last row:
    the rows' values glued into one run, it may be."""
    digits = sum(ch.isdigit() for ch in number.text)
    return (f"「{label}」行未读出数值：表中另有一个{digits}位的数字，过长（单元格数值最多{MAX_DIGITS}位），"
            f"无法读取，本行的数值可能在其中，请对照原文填写")


def _zero_row_of(report: Report, table: Table, row) -> None:
    zero_row(report, [f"{table.section}.{row.key}.{c.key}" for c in row.columns], f"{table.section}.{row.key}",
             f"「{row.label}」行")


def reread_glued_t2(report: Report, table: Table, dropped: Sequence[tuple[int, int]] = ()) -> None:
    """表二 rows whose values a converter glued to their labels, cut where the cut is sure (glued.py);
    `dropped`: the offsets of page furniture (a page number under 表二's last row), not read."""
    glued = glued_t2(report, table, dropped)
    for key, cells in glued.items():
        store_row(report, table, key, cells)
    if glued and "section2" not in report.tables:  # the section's heading was glued away
        report.tables.insert(0, "section2")
        report.problems = [p for p in report.problems if "第二部分" not in p]
        report.flags = [f for f in report.flags if f.cell != "section2"]
        report.flags.extend(Flag(f"section2.{row.key}", "missing", f"未找到「{row.label}」行，请对照原文填写")
                            for row in table.rows if row.key not in glued)


def reread_glued_t4(report: Report) -> None:
    """表四 cells a converter glued into one run of text, cut by the group sums (stream.py)."""
    glued = glued_t4(report, len(T4.rows) * len(T4_COLUMNS_KEYS))
    if glued is None:
        return
    values, cut, unsure = glued
    report.flags = [f for f in report.flags if not f.cell.startswith("section4")]
    report.problems = [p for p in report.problems if "第四部分统计表" not in p]
    if "section4" not in report.tables:
        report.tables.append("section4")
    if not values:
        zero_row(report, T4.paths(), "section4", "表四")
        return
    if unsure:  # several cuts add up: placed by guess, or cells left open
        report.flags.append(unsure)
    elif cut:
        report.flags.append(Flag("section4", "inferred", "表四的数字粘连在一起，已按各组合计关系拆分，请对照原文核对"))
    store_t4(report, values)


_LINE_OF = attrgetter("line")  # a token's line


def _placed_by_position(table: Table, header: list[Token], values_of: dict[str, list[Token]], report: Report,
                        lines: list[Line], label_of: dict[str, Token], page_starts: tuple[int, ...] = (),
                        boxed: frozenset[str] | set[str] = frozenset(),
                        blank_total: frozenset[str] | set[str] = frozenset()) -> dict[str, Sequence[Optional[Token]]]:
    """Rows of a space-aligned table that positions place better than reading order: rows that
    print too few or too many values, or whose values wrap over lines (see columns.py). A row
    printing no value at all there is a row of blanks. Where the header repeats on a later page,
    its names there say where the rows below it print (_repeated_headers). `boxed`: rows printed
    over the lines of one ruled box row, read whole by its cells (regular rows here). `blank_total`:
    rows read a cell short of a 总计 column the table leaves blank, completed by that blank: their
    lines are their cells in order (no 总计 printed that reading order could have put first), not
    reordered to end on their largest value."""
    width = len(table.rows[0].columns)
    # each row's lines, gathered once (map: asked of every table read by lines)
    lines_of = {key: set(map(_LINE_OF, values)) for key, values in values_of.items()}
    irregular = [k for k, v in values_of.items() if len(v) != width or (len(lines_of[k]) > 1 and k not in boxed)]
    if not irregular:
        return {}
    if not any(len(v) > 1 and len(lines_of[k]) == 1 for k, v in values_of.items()):
        return {}  # one value per line: positions say nothing
    # A row printing more values than columns is never placed (no two of its values may share a
    # column: row_placements leaves it out) and a row printing none is a row of blanks wherever the
    # columns lie: with only such irregular rows, the positions need only say whether the table
    # is space-aligned (a layout found under either measure), and with no row printing none, nothing.
    settled = all(not v or len(v) > width for v in map(values_of.__getitem__, irregular))
    if settled and all(values_of[k] for k in irregular):
        return {}
    # (each line looked at once, not once a value)
    plain = {n for n in set().union(*lines_of.values(), map(_LINE_OF, header))
             if not lines[n].grid and len(lines[n].cells) == 1}
    all_values = list(chain.from_iterable(values_of.values()))
    narrow = narrow_positions(report.text, all_values, plain)
    if not padded_apart(report.text, values_of, narrow):
        # no row prints values padded apart under either measure (as text extractions that part
        # values by one space print them: pdfplumber, plain pdftotext): column_anchors finds no
        # layout under either, so nothing is placed (the header and the equations not read)
        return {}
    eqs = equations(report.template)
    regular = {k: v for k, v in values_of.items() if k not in irregular}

    regular_values: dict[str, Optional[float]] = {}  # the regular rows' cells, under every placement
    for key, tokens in regular.items():
        regular_values.update(zip(table.row_paths(key), map(token_number, tokens)))
    score_numbers = placed_scorer(eqs, regular_values, table.row_paths)
    score_across: Optional[PlacedScore] = None  # (T3-1 alone, built if a page is measured on its own)

    # Terminal dumps count a CJK character as two columns, pdftotext as one: the measure under
    # which the rows fit their columns best (measured on full rows first) is the converter's.
    # Without full rows, a measure under which the header names the columns left to right, apart,
    # comes first: under the other the names fall out of order, so that measure is not the
    # converter's (and the columns it finds among the values fit them by construction).
    fits = []
    by_measure = (narrow, wide_positions(report.text, all_values, narrow))  # (the narrow ones measured once)
    repeated = _repeated_headers(report.text, lines, all_values)
    # (the pages that begin among the rows: pdftotext -layout measures each page on its own)
    value_lines = [t.line for t in all_values]
    page_lines = [line for line in page_starts if value_lines and min(value_lines) < line <= max(value_lines)]
    # (the rows the positions place: a page's layout is weighed by them, the others read as printed)
    irregular_rows = {k: values_of[k] for k in irregular} if page_lines else {}
    centres_of: dict[bool, list[Optional[float]]] = {}
    by_names_of: dict[bool, list[tuple[int, float]]] = {}  # pages of a measured layout placed by names
    for wide in (False, True):
        where = by_measure[wide]
        centres = centres_of[wide] = header_centres(report.text, header, T3_HEADER_WORDS, plain, wide)
        pages = [(below, page_centres) for below, again in repeated
                 if names_in_order(page_centres := header_centres(report.text, again, T3_HEADER_WORDS, {below}, wide),
                                   width, wide)]
        anchored = column_anchors(values_of, where, width, centres, score_numbers, pages, wide)
        if settled:
            if anchored is not None:
                blanks = {key: None if _sums_printed_counts(table, key, values_of) or _below_overfull(table, key, values_of)
                          else _row_of_blanks(report, table, key, label_of[key], width)
                          for key in irregular if not values_of[key]}
                return {key: row for key, row in blanks.items() if row is not None}
            continue
        if anchored is not None:
            named = names_in_order(centres, width, wide)
            if not anchored[1] and named:
                if page_lines and score_across is None:
                    score_across = placed_scorer(tuple(eq for eq in eqs if eq.rule == "T3-1"), regular_values,
                                                 table.row_paths)
                layout = with_own_pages(irregular_rows, where, width, anchored[0], page_lines, score_numbers,
                                        score_across) if page_lines else anchored[0]
                # (a line of a page measured on its own is not moved back under the header's 总计)
                own_from = min((line for line, _ in layout if line not in dict(anchored[0])), default=inf)
                # (a page repeating the header: its lines moved back under its own header's 总计, not
                # the first page's: pdftotext -layout lays each page out by its own measure)
                heads = [(-1, centres), *sorted(pages, key=lambda page: page[0])]
                for n, (page_from, names) in enumerate(heads):
                    end = min(own_from, heads[n + 1][0] if n + 1 < len(heads) else inf)
                    where = moved_back_past_total({key: [t for t in values if page_from <= t.line < end]
                                                   for key, values in values_of.items()}, where, names)
                if page_lines:
                    # (a page laid out wider by its own measure, weighed against its lines moved back)
                    unmoved = by_measure[wide]
                    layout, scaled = scaled_pages(values_of, irregular_rows, unmoved, width, layout, page_lines,
                                                  score_numbers, where)
                    by_names_of[wide] = [(page_first, page_end) for page_first, page_end, unsure in scaled if unsure]
                    for page_first, page_end, _ in scaled:
                        where = {**where, **{id(t): unmoved[id(t)] for values in values_of.values() for t in values
                                             if id(t) in unmoved and page_first <= t.line < page_end}}
                anchored = layout, False
            elif anchored[1] and page_lines:
                # (a page printing no full row placed by its header's names, not another page's rows)
                layout, by_names_of[wide] = named_pages(irregular_rows, where, anchored[0], page_lines,
                                                        centres if named else None, pages, score_numbers)
                layout, scaled = scaled_pages(values_of, irregular_rows, where, width, layout, page_lines, score_numbers)
                by_names_of[wide] += [(page_first, page_end) for page_first, page_end, unsure in scaled if unsure]
                anchored = layout, True
            fits.append(((not anchored[1], not named), wide, where, anchored))
    if not fits:
        return {}
    # A measure whose layout was measured on full rows comes first, then one whose header names
    # the columns in order, then the one the irregular rows fit at least cost: only the measures
    # the first two leave tied are placed to weigh that cost.
    first = min(ranks for ranks, *_ in fits)
    costed: list[tuple[float, bool, dict[int, Interval], tuple[Layout, bool], dict[str, list[Placement]]]] = []
    # (terminal dumps and pandoc pad by display width, so that measure is weighed first: the cost
    # it fits at stops the other's placing once that is sure to cost more)
    for ranks, wide, where, anchored in sorted(fits, key=lambda fit: not fit[1]):
        if ranks == first:
            beyond = min((cost for cost, *_ in costed), default=inf)
            cost, ways = placement_cost({k: values_of[k] for k in irregular}, where, anchored[0], beyond)
            costed.append((cost, wide, where, anchored, ways))
    _, chosen_wide, where, (layout, measured), ways = min(costed, key=lambda fit: fit[:2])
    # the full rows measured a column off the header's names (lynx shifts a row's cells by one
    # where a label cell spans rows, 表三's （七）总计 among them): a row lying under the header's
    # names fits the layout one column over just as well, so no row of 0s is placed for sure
    frames_differ = measured and _a_column_off(layout, centres_of[chosen_wide])
    placed = place_by_anchors({k: values_of[k] for k in irregular if values_of[k]}, where, layout, measured,
                              score_numbers, ways)
    for page_first, page_end in by_names_of.get(chosen_wide, ()):
        for key, (tokens, sure) in placed.items():
            if sure and page_first <= min(t.line for t in values_of[key]) < page_end:
                placed[key] = (tokens, False)  # (placed by a header's names: not measured)
    if table.section == "section3":
        for key, tokens in _totals_on_a_line_apart({k: values_of[k] for k in placed}, where, layout, width).items():
            if _printed_cells(tokens) != _printed_cells(placed[key][0]):  # (else placed so already, as sure as it was)
                placed[key] = (tokens, False)
    # Where the full rows print a column off the header's names (lynx), or there are none (each row
    # placed by guess), a row whose values' character columns tell how far lynx moved it is read so
    told = _told_by_names({k: values_of[k] for k in irregular if values_of[k]}, values_of, where,
                          centres_of[chosen_wide], chosen_wide, width) \
        if (frames_differ or not measured) and _in_lynx_margin(report.text, label_of.values()) else {}
    for key, tokens in told.items():
        placed[key] = (tokens, True)
    # (where each value prints, its line not moved back to put a value past 总计 under it)
    eights = _placed_as_eight({k: values_of[k] for k in placed}, by_measure[chosen_wide], layout, ways) \
        if table.section == "section3" else {}
    for key in eights:
        del placed[key]  # (stored below as read from its 8 cells)
    # Columns one space apart: the values of a row are printed one space apart, and only a wider
    # gap shows a blank cell. A row printing fewer values than columns with no such gap has its
    # blanks at its ends, and which end its positions cannot tell (lynx starts each row's values
    # right after its label): it is not placed for sure.
    crowded = any(b[0] - a[1] <= 2 for _, anchors in layout
                  for a, b in zip([x for x in anchors if x], [x for x in anchors if x][1:]))

    def gapless(values: list[Token]) -> bool:
        spans = sorted(where[id(t)] for t in values)
        return len({t.line for t in values}) == 1 and all(b[0] - a[1] <= 1 for a, b in zip(spans, spans[1:]))
    # a row printing a count other than 0 prints its 总计 (other than 0) where the table's rows do:
    # positions leaving its 总计 column empty read a row printing a cell fewer, drawn at the table's
    # columns (w3m, a PDF of a web table): which cell it left out, the sums weigh, not the positions
    short = [key for key, (tokens, _) in placed.items()
             if key not in told and (tokens[-1] is None or tokens[-1].kind == EMPTY)
             and _total_empty_beside_count([t or Token(EMPTY, "", 0, 0, 0) for t in tokens])]
    if short and _totals_printed(values_of, {key: width for key in values_of}, short):
        for key in short:
            del placed[key]  # (left to assign_irregular, flagged)
    # rows flowing over lines flush left, completed by a blank 总计 or adding up as printed: read
    # below in printed order
    for key in [key for key in placed if (key in blank_total or _adds_up_as_printed(values_of[key], width))
                and _flows_flush_left(values_of[key], report.text)]:
        del placed[key]
    out: dict[str, Sequence[Optional[Token]]] = {}
    for key in irregular:
        values = values_of[key]
        if key not in placed and len(values) == width and key in blank_total:
            out[key] = values  # (a blank 总计 added: its lines in printed order)
        elif key not in placed and len(values) == width:  # a full row wrapped over lines, not placed
            out[key] = lines_reordered(values)
            report.flags.append(Flag(f"{table.section}.{key}", "inferred",
                                     _LINES_BY_SUMS.format(table.row(key).label), (LINES_BY_SUMS,)))
        if not values_of[key]:
            row_blanks = None if _sums_printed_counts(table, key, values_of) or _below_overfull(table, key, values_of) \
                else _row_of_blanks(report, table, key, label_of[key], width)
            if row_blanks is not None:
                out[key] = row_blanks
    narrowed: Optional[set[str]] = None  # (asked of a row of zeros placed for sure, once)
    moved: Optional[set[str]] = None  # (the same)
    for key, (tokens, sure) in placed.items():
        out[key] = tokens
        numbers = [token_number(t) for t in tokens]
        adds_up = not known(numbers) or abs(sum(numbers[:-1]) - numbers[-1]) < 1e-9
        # A row of zeros, fewer than the columns, balances wherever its zeros go: the equations cannot
        # confirm its place, so only a place where every value lies in its column, its line not
        # moved, is sure (a sparse line moved by a whole column looks just like a row placed right).
        cheapest = ways[key][0] if key in ways else None
        inexact = cheapest is None or cheapest[2] > 0 or cheapest[1] >= _EXACT * len(values_of[key])
        unconfirmed = key not in told and len(values_of[key]) < width and only_zeros(values_of[key]) \
            and (inexact or frames_differ or key in (narrowed := narrowed_labels(report.text, table, label_of)
                                                     if narrowed is None else narrowed)
                 or key in (moved := lynx_labels_moved_left(report.text, table, label_of) if moved is None else moved))
        ends_unknown = crowded and len(values_of[key]) < width and gapless(values_of[key])
        if not sure or not adds_up or unconfirmed or ends_unknown:  # another placement is about as likely, or the row sum does not confirm it
            report.flags.append(Flag(f"{table.section}.{key}", "inferred",
                                     "「" + table.row(key).label + "」行" + BY_POSITION, (PLACED_BY_POSITION,)))
    for key, cells in eights.items():
        out[key] = row_cells = without_subtotal(cells)
        report.flags.append(Flag(f"{table.section}.{key}", "parse", CELLS_OF_EIGHT.format(
            table.row(key).label, _PLACED_PAST_TOTAL, cells[1].text,
            blank_cells_phrase(table.row(key), row_cells)), (SUBTOTAL_LEFT_OUT,)))
    if table.section == "section3":
        _shift_rows_by_sums(table, report, values_of, out, width)
        slide_values_by_sums(table, report, values_of, out, width)
        _blank_total_by_position(report, table, values_of, out)
    return out


def _placed_as_eight(rows: dict[str, list[Token]], where: dict[int, Interval], layout: Layout,
                     ways: dict[str, list[Placement]]) -> dict[str, list[Token]]:
    """The 表三 rows on one line, printing a count, whose last value lies a column right of 总计
    (the layout's columns and one more past 总计, a column's pitch on): the row printed 8 cells, a
    法人或其他组织 subtotal after 自然人 (TEMPLATE.md), and w3m or pandoc drew it a column wider than
    the header. Each with its 8 cells, blank ones empty, where its values fit those 8 columns better
    than the table's 7 and its cells add up only as a row of 8 (placed in 7, its values sat a column
    off: the subtotal in 自然人, or a part in 总计). `ways`: each row's placements in the 7 columns."""
    wider: Layout = []
    for first, anchors in layout:
        if anchors[0] is None or anchors[-1] is None:
            wider.append((first, [*anchors, None]))
            continue
        pitch = ((anchors[-1][0] + anchors[-1][1]) - (anchors[0][0] + anchors[0][1])) / 2 / (len(anchors) - 1)
        wider.append((first, [*anchors, (anchors[-1][0] + pitch, anchors[-1][1] + pitch)]))
    out: dict[str, list[Token]] = {}
    for key, values in rows.items():
        if not 1 < len(values) <= 8 or key not in ways or any(id(t) not in where for t in values):
            continue
        line = values[0].line
        anchors = layout[stretch_at(layout, line)][1]
        # (most rows: their last value starts inside the 总计 column or left of it)
        if anchors[-1] is None or max(where[id(t)][0] for t in values) < anchors[-1][1] \
                or any(t.line != line for t in values) or only_zeros(values):
            continue
        numbers = [0 if t.kind != NUM else token_number(t) for t in values]
        # (a row of 8 sums to twice its 总计 plus its subtotal, one of its values: a line of 7 that
        # pdftotext padded right sums to twice its 总计)
        subtotal = sum(numbers) - 2 * numbers[-1] if known(numbers) else 0
        if subtotal <= 0 or subtotal not in numbers:
            continue
        eight = row_placements({key: values}, where, wider).get(key)
        if not eight or eight[0][0][-1].kind == EMPTY or eight[0][1] >= ways[key][0][1]:
            continue  # (nothing placed past 总计, or the table's 7 columns fit as well)
        if cells_add_up_as_eight(eight[0][0]):
            out[key] = eight[0][0]
    return out


def _unnumbered(label: str) -> str:
    """A label without its leading number ("3." "3、"), or as it is when it has none. Digits only,
    not labels.py's _OWN_NUMBER (which takes 「四、」 too): narrowed_labels measures the numbered
    rows 1.–8. of one label column, and 一、本年新收 / 二、上年结转 / 四、结转下年度, printed across
    both label columns, would set the widest first line and call every numbered row narrowed
    (w1304-r0007, w2403-r0028: 表三's zero rows then read as placed by guess)."""
    digits = len(label) - len(label.lstrip("0123456789"))
    return label[digits + 1:] if digits and label[digits:digits + 1] in (".", "、", "．") else label


def narrowed_labels(text: str, table: Table, label_of: dict[str, Token]) -> set[str]:
    """The numbered rows (1.属于国家秘密 …) whose label wraps after half the width or less of the
    widest first line another numbered row prints ("3.危" / "及“三安" beside "4.保护第三方合法权益"): the
    row's label cell is narrower than the column, so the row was laid out on a grid of its own (a
    row printing a cell more, TEMPLATE.md's rows of 8, squeezed into the table's width) and where its
    values print does not say their columns. A label printed otherwise than the template's is
    left out (nothing says where it wrapped)."""
    firsts: dict[str, tuple[int, bool]] = {}  # key -> (display width of its first line, wrapped)
    for key, token in label_of.items():
        words = text[token.start:token.end].split()
        label = table.row(key).label
        whole = _unnumbered(label)
        if not words or whole == label:
            continue
        first = _unnumbered(words[-1])
        if first and first != words[-1] and whole.startswith(first):
            firsts[key] = (display_width(words[-1]), first != whole)
    if not firsts:
        return set()
    widest = max(width for width, _ in firsts.values())
    return {key for key, (width, wrapped) in firsts.items() if wrapped and 2 * width <= widest}


def lynx_labels_moved_left(text: str, table: Table, label_of: dict[str, Token]) -> set[str]:
    """In a lynx dump (_in_lynx_margin), the numbered rows after a group's first (2.重复申请 …
    5.要求行政机关确认…), or after a group's last (（六）其他处理 after 5.要求…: w3108 wps-html-lynx r0022,
    「0 - - -」 read a column left, its 0 under 自然人, not 商业企业), whose label starts left of the
    label of the row above it, by more than two
    columns: lynx lays out the last row of a group whose label cell spans rows without that cell
    (「5.要求行政机关…」 at column 13 under 「4.无正当理由…」 at 34), moving the row's cells toward its
    label by a column or more, so where its values print does not say their columns (w2708
    wps-html-lynx r0007: 「－ ０ ０ －」 read a column left, its 0s under 社会组织 and 法律服务机构, not
    法律服务机构 and 其他). pdftotext -layout and w3m print a group's labels where the PDF or the box
    has them: a label left of the one above it there moves no cell."""
    if not _in_lynx_margin(text, label_of.values()):
        return set()
    out: set[str] = set()
    # where the rows above print their labels in place: a moved row's label says nothing of it, so
    # the next row is measured against the row before it (w3208 r0037 wps-html-lynx: 2021's three
    # （六） rows all at the margin, 「－ 0 0 －」 of 2. read a column left, its 0s under 商业企业 and
    # 法律服务机构, not 科研机构 and 其他)
    in_place: dict[str, int] = {}
    for above, row in zip(table.rows, table.rows[1:]):
        here = label_of.get(row.key)
        column = display_width(text[text.rfind("\n", 0, here.start) + 1:here.start]) if here is not None else None
        over = in_place.get(above.key)
        # (a numbered row after its group's first, or the row after a group's last: 2019's single
        # 「（六）其他处理」, 「（七）总计」, whose label cell spans the group column)
        if not _ROW_NUMBER.match(above.label) or row.label[0] == "1":
            if column is not None:
                in_place[row.key] = column if over is None or column + 2 >= over else over
            continue
        if column is None or over is None:
            continue
        if column + 2 < over:
            out.add(row.key)
            in_place[row.key] = over
        else:
            in_place[row.key] = column
    return out


_ROW_NUMBER = re.compile(r"[0-9]{1,2}[.、．]")


def _a_column_off(layout: Layout, centres: list[Optional[float]]) -> bool:
    """Whether most columns the header names lie right at the measured column beside theirs, far
    nearer it than their own, all on one side: the full rows print a whole column off the header
    (the names at 78, 84, …, the columns measured at 63, 77, 83, …). (A header padded half a
    column off its values, as pdftotext -layout centres a name in a wide cell, is not.)"""
    for _, anchors in layout:
        mids = {n: (a[0] + a[1]) / 2 for n, a in enumerate(anchors) if a}
        named = [(n, c) for n, c in enumerate(centres) if c is not None]
        if len(named) < 2:
            continue
        for side in (-1, 1):
            off = sum(1 for n, c in named if n + side in mids and n in mids
                      and 3 * abs(mids[n + side] - c) <= abs(mids[n] - c))
            if off * 2 > len(named):
                return True
    return False


def _in_lynx_margin(text: str, labels: Iterable[Token]) -> bool:
    """Whether every row's label starts three columns in or more: lynx dumps a page with a margin
    of three (pdftotext -layout and w3m print a table's leftmost text at the line's start)."""
    return all(token.start - text.rfind("\n", 0, token.start) - 1 >= 3 for token in labels)


def _told_by_names(rows: dict[str, list[Token]], values_of: dict[str, list[Token]], where: dict[int, Interval],
                   centres: list[Optional[float]], wide: bool, width: int) -> dict[str, list[Token]]:
    """Rows on one line whose values' character columns say which cells they are, in a table whose
    values all print where lynx prints a cell: from its first character on, right at the start of
    the header's name of its column (a line moved by a character alike: lynx pads a line under a
    vertical label's character by one more), or left of the first name. lynx moves a row's cells
    a column or more toward its label where a label cell spans rows (no name over them then), never
    away from it. A row with a value under 总计's name is not moved; a row printing n values left of
    the first name is moved by n columns when its last value lies n names left of 总计's (so each
    value has its cell). Any other row (every shift fitting it: a 0 under 自然人's name may be
    商业企业's, moved) is not told."""
    if any(c is None for c in centres):
        return {}
    half = width_of(T3_HEADER_WORDS[0][0], wide) / 2  # (every name looked for is two characters)
    starts = [c - half for c in centres if c is not None]
    if any(b - a < 2 for a, b in zip(starts, starts[1:])):
        return {}

    def slots(values: list[Token]) -> Optional[list[int]]:
        """Each value's name (its index), -1 left of the first; None unless the line, moved by a
        character at most, prints every value so."""
        for moved in (0, -1, 1):
            out = []
            for token in values:
                at = where[id(token)][0] + moved
                if at in starts:
                    out.append(starts.index(at))
                elif where[id(token)][1] + moved <= starts[0] - 1:
                    out.append(-1)
                else:
                    break
            else:
                return out
        return None

    lines: dict[int, list[Token]] = {}
    for values in values_of.values():
        for token in values:
            if id(token) in where:
                lines.setdefault(token.line, []).append(token)
    if not lines or any(slots(v) is None for v in lines.values()):
        return {}
    out: dict[str, list[Token]] = {}
    for key, values in rows.items():
        if not values or len(values) > width or any(id(t) not in where for t in values) \
                or any(t.line != values[0].line for t in values):
            continue
        at = slots(values)
        if at is None:
            continue
        moved = at.count(-1)
        named = at[moved:]
        if not named or -1 in named or any(a >= b for a, b in zip(named, named[1:])) \
                or named[-1] + moved != width - 1:
            continue
        first = values[0]
        tokens = [Token(EMPTY, "", first.start, first.start, first.line) for _ in range(width)]
        for column, token in enumerate(values[:moved]):
            tokens[column] = token
        for slot, token in zip(named, values[moved:]):
            tokens[slot + moved] = token
        out[key] = tokens
    return out


_MOST_CHOICES = 128  # placements weighed at most for the unsure rows of 表三 (each row: as placed, or 1–2 columns either way)
_SHIFTS = (1, -1, 2, -2)  # columns a row's values may move (positive: to the left)


def _shift_rows_by_sums(table: Table, report: Report, values_of: dict[str, list[Token]],
                        out: dict[str, Sequence[Optional[Token]]], width: int) -> None:
    """表三 rows placed by position, unsure, whose values all sit one or two columns off where
    their peers print (pdftotext pads the rows after a long label group by a column more, or a
    column's values print wider than its name): moved as a whole by that many columns, when every
    sum then holds (but one a typo breaks under every choice) and no other choice of rows and
    shifts does as well. Else they stay as placed. Either way their flags stay: the sums chose,
    not the positions."""
    unsure = {f.cell.split(".")[1] for f in report.flags if f.kind == "inferred" and f.cell.startswith("section3.")
              and PLACED_BY_POSITION in f.causes}
    rows = every_row_placed(table, values_of, out, width)
    if rows is None:
        return  # a row not read: the sums cannot decide

    def printed(token: Optional[Token]) -> bool:
        return token is not None and token.kind != EMPTY

    def row_adds_up(tokens: Sequence[Optional[Token]], d: int) -> bool:
        numbers = [token_number(tokens[c + d]) if 0 <= c + d < width and printed(tokens[c + d]) else None
                   for c in range(width)]
        return numbers[-1] is None or abs(sum(n or 0 for n in numbers[:-1]) - numbers[-1]) < 1e-9

    # each unsure row's shifts keeping every printed value inside the table and its row sum whole
    options: dict[str, list[int]] = {}
    for key in out:
        at = [i for i, t in enumerate(out[key]) if printed(t)]
        if key in unsure and at:
            shifts = [d for d in _SHIFTS if 0 <= at[0] - d and at[-1] - d < width and row_adds_up(out[key], d)]
            if shifts:
                options[key] = shifts
    if prod(len(s) + 1 for s in options.values()) > _MOST_CHOICES:
        # too many to weigh: only the rows padded one column right after a blank first column
        options = {key: [1] for key in options if 1 in options[key] and not printed(out[key][0])}
    if not options or prod(len(s) + 1 for s in options.values()) > _MOST_CHOICES:
        return
    movable = list(options)
    # only the sums through the rows that may move are weighed for each choice (the template's
    # equations of a row, worked out once)
    through = list(dict.fromkeys(eq for key in movable for eq in row_equations(report.template, key)))
    column = {c.key: i for i, c in enumerate(table.rows[0].columns)}

    cells_of: dict[str, list[tuple[str, int]]] = {}  # each row's cells read: path, column
    as_printed: dict[str, Optional[float]] = {}  # each cell's value, no row moved

    def number(key: str, at: int) -> Optional[float]:
        token = rows[key][at] if 0 <= at < width else None
        return token_number(token) if printed(token) else None

    def add_cells(sums) -> None:
        for eq in sums:
            for path in eq.cells:
                if path not in as_printed:
                    _, key, name = path.split(".")
                    cells_of.setdefault(key, []).append((path, column[name]))
                    as_printed[path] = number(key, column[name])

    def numbers(moved: tuple[tuple[str, int], ...]) -> dict[str, Optional[float]]:
        """Each cell's value with these rows moved (each sum reads them from one lookup: the
        choices, up to 128, ask every cell again)."""
        if not moved:
            return as_printed
        out = dict(as_printed)
        for key, shift in moved:
            for path, at in cells_of.get(key, ()):
                out[path] = number(key, at + shift)
        return out

    def fails(eq, value: dict[str, Optional[float]]) -> bool:
        if eq.rule == "T3-3" and value[eq.left[0]] is None:
            return False  # a row leaving its 总计 blank: no row sum to check
        return not eq.holds(value.__getitem__)

    add_cells(through)
    as_placed = {eq for eq in through if fails(eq, as_printed)}
    if not as_placed:
        return  # every sum through the rows holds as placed
    eqs = table_equations(report.template, "section3")
    add_cells(eqs)
    elsewhere = sum(fails(eq, as_printed) for eq in set(eqs) - set(through))
    choices = [tuple((key, d) for key, d in zip(movable, pick) if d)
               for pick in product(*[(0, *options[key]) for key in movable])]
    results: dict[tuple[tuple[str, int], ...], set] = {}
    for choice in choices:
        value = numbers(choice)
        results[choice] = {eq for eq in through if fails(eq, value)}
    # a sum failing under every choice (a typo elsewhere) says nothing of the rows' places; more
    # than one such, and the table is too broken for the sums to decide
    always = set.intersection(*results.values())
    best = [choice for choice, failing in results.items() if failing == always]
    if elsewhere + len(always) > 1 or len(best) != 1 or not best[0]:
        return
    for key, d in best[0]:
        tokens = rows[key]
        last = [t for t in tokens if t is not None and t.kind != EMPTY][-1]  # (printed(), as mypy sees it)
        blank = Token(EMPTY, "", last.end, last.end, last.line)
        out[key] = [tokens[c + d] if 0 <= c + d < width else blank
                    for c in range(width)]


def _repeated_headers(text: str, lines: list[Line], values: list[Token]) -> list[tuple[int, list[Token]]]:
    """表三's header repeated on a later page among its rows (page furniture: its lines are not the
    document's lines any more, their text still the document's): (the first line below it, its
    lines as text tokens, for header_centres). pdftotext pads each page by its own measure, so the
    names below a page break say where the rows under them print."""
    if not values:
        return []
    first, last = values[0].start, values[-1].end  # (the rows' values, in the template's order: top to bottom)
    out: list[tuple[int, list[Token]]] = []
    at = text.find("申请人情况", first, last)
    while at >= 0:
        below = next((i for i in range(max(t.line for t in values if t.start < at), len(lines))
                      if lines[i].cells and lines[i].cells[0].start > at), None)
        if below is None or lines[below].grid or len(lines[below].cells) != 1:
            break
        start = text.rfind("\n", 0, at) + 1
        header = [Token(TEXT, piece, start + offset, start + offset + len(piece), below)
                  for offset, piece in _pieces(text[start:lines[below].cells[0].start])]
        out.append((below, header))
        at = text.find("申请人情况", lines[below].cells[0].start, last)
    return out


def _pieces(block: str) -> list[tuple[int, str]]:
    """Each line of a block of text, with its offset in it."""
    out, offset = [], 0
    for piece in block.split("\n"):
        out.append((offset, piece))
        offset += len(piece) + 1
    return out


def _row_of_blanks(report: Report, table: Table, key: str, label: Token, width: int) -> Optional[list[Token]]:
    """A row of a space-aligned table that printed no value: a row of blanks, unless its digits
    were glued to words (then None: its cells stay unread, flagged, since a row of blanks would be
    a wrong number nobody flags)."""
    if _values_glued_to_label(report.text, label):
        report.flags.append(Flag(f"{table.section}.{key}", "parse",
                                 f"「{table.row(key).label}」行的数字与行名文字粘连在一起，未能读出，请对照原文填写"))
        return None
    return [Token(EMPTY, "", label.end, label.end, label.line)] * width


def _sums_printed_counts(table: Table, key: str, values_of: dict[str, list[Token]]) -> bool:
    """Whether a row that printed no value is 表三's （七）总计 while a 办理结果 row prints a count
    other than 0: the total sums those rows (T3-2), so it is no row of blanks; its values printed
    elsewhere (plain pdftotext printing labels one after the other, then their values). Its cells
    stay unread, flagged, for the sums to infer, rather than read as 0s nobody flags."""
    if table.section != "section3" or key != "total":
        return False
    keys = [row.key for row in table.rows]
    results = keys[keys.index("carried_over") + 1:keys.index("total")]
    return any(t.kind == NUM and t.value for k in results for t in values_of.get(k, ()))


def _below_overfull(table: Table, key: str, values_of: dict[str, list[Token]]) -> bool:
    """Whether a row that printed no value comes right below a row found holding more values than
    its columns: those past its row's worth may be this row's, printed above its label (a label
    wrapping onto two lines, its values drawn level with the line above; pq4304 r0031 -layout:
    「1 0 0 0 0 1」 beside 「1.本机」, then 「2 0 0 - 2」 a page later, above 「2.没有现成信息需要另」).
    No row of blanks then: give_early_values_down gives them down, or the row stays unread, flagged.
    Only up to two rows' worth (the lower maybe a row of 8): a row holding more holds the values of
    a table printed apart from its labels (plain pdftotext's blocks), not this row's alone."""
    keys = [row.key for row in table.rows if row.key in values_of]
    at = keys.index(key)
    if at == 0:
        return False
    width = len(table.row(keys[at - 1]).columns)
    return width < len(values_of[keys[at - 1]]) <= 2 * width + 1


def _values_glued_to_label(text: str, label: Token) -> bool:
    """Whether a row that printed no value of its own had its digits glued to words instead
    (docx2txt prints a table's cells with no separator: 「1.属于国家秘密117684643013272.其他…」):
    a run of two digits in its label past the row's numbering, or opening the next line. (A number
    set apart on the label's own line is a value, or one too long for a cell, said as such.)"""
    own = NUMBERING.sub("", label.text, count=1)
    return re.search(r"\d\d", own) is not None or re.match(r"[ \t]*\n\d\d", text[label.end:label.end + 40]) is not None


_EXACT = 0.1  # cost per value of a value inside its column's extent (the tie-breaking distance to its centre)


def _t2_by_position(table: Table, values_of: dict[str, list[Token]], report: Report,
                    lines: list[Line]) -> dict[str, Sequence[Optional[Token]]]:
    """Rows of a 表二 block printing fewer values than columns on one space-aligned line (a blank
    cell leaves a gap), placed under the columns of the rows of the block that print them all,
    else under the header's column names; flagged unless clearly nearest to a full row's columns."""
    def one_plain_line(values: list[Token]) -> bool:
        return len({t.line for t in values}) == 1 and not lines[values[0].line].grid \
            and len(lines[values[0].line].cells) == 1

    # row -> (values, width, full, fits): the rows to place, each weighed under both measures first
    weighed: dict[str, tuple[list[Token], int, list[list[Token]], list]] = {}
    for row in table.rows:
        values, width = values_of.get(row.key), len(row.columns)
        if width < 2 or not values or len(values) >= width or not one_plain_line(values):
            continue
        full = [values_of[other.key] for other in table.rows
                if other.block == row.block and other.columns == row.columns and other.key != row.key
                and len(values_of.get(other.key) or []) == width and one_plain_line(values_of[other.key])]
        # (a row's values padded apart: a terminal prints a label filling its cell one space before
        # its first value, 「行政规范性 —                    212」)
        apart = any(b.start - a.end >= 2 and not report.text[a.end:b.start].strip(" ") for a, b in zip(values, values[1:]))
        padded = _padded(report.text, values[0].start) or apart
        if not full and not padded:
            continue
        printed = {t.line for t in values} | {f[0].line for f in full}
        fits = []
        for wide in (False, True):
            where = positions(report.text, values + [t for f in full for t in f], printed, wide)
            if any(id(t) not in where for t in values) or any(id(t) not in where for f in full for t in f):
                continue  # a tab before a value: its display column is unknown
            extents: Optional[list[tuple[float, float]]]
            if full:
                extents = extents_of(full, where)
            else:  # no row of the block prints every column: under the header's column names
                extents = header_extents(report.text, values[0].start, [c.label for c in row.columns], wide)
                if extents is None:
                    continue
            one_space = any(b[0] - a[1] <= 2 for a, b in zip(extents, extents[1:]))  # (extents end inclusive)
            if one_space and (full or not padded):
                continue  # values one space apart, as any text extraction prints them: no columns
            ways = line_candidates([where[id(t)] for t in values], extents, 2)
            if not full and not wide and _values_left_of_names(table, values_of, report, lines, wide):
                # (measured by characters, as pdftotext -layout pads a line: each value where its
                # cell's left edge puts it, nothing to weigh against the other measure)
                at_left_edges = _left_edge_columns([where[id(t)] for t in values], extents)
                if at_left_edges is not None:
                    ways = [(0.0, 0.0, at_left_edges)]
            # (each value starting right where its column starts: a terminal prints a cell's
            # value at its left edge, a column's name too)
            flush = all(where[id(t)][0] == extents[c][0] for t, c in zip(values, ways[0][2]))
            if one_space and not flush:
                # names filling their cells one space apart head a terminal's columns (w3m, lynx),
                # its values padded, each at its column's left edge; else no columns
                continue
            fits.append((ways[0][0], wide, ways, flush))
        if fits:
            weighed[row.key] = (values, width, full, fits)
    # One measure for the whole table: a converter pads all its lines alike (pdftotext -layout by
    # characters, a terminal by display columns), so a lone value that fits either measure's header
    # about as well (each row's cheaper one differs by hundredths) is placed by the measure that
    # fits the table's rows best together (a row of two values tells the measures far apart).
    totals = {wide: sum(fit[0] for *_, fits in weighed.values() for fit in fits if fit[1] == wide)
              for wide in (False, True)}
    table_wide = None
    if all(any(fit[1] == wide for fit in fits) for *_, fits in weighed.values() for wide in (False, True)):
        table_wide = min((False, True), key=lambda wide: (totals[wide], wide))
        # a measure under which every value starts where its column does, the other not, is the
        # converter's, whatever the costs (lynx lays 表二 out by characters, w3m by display columns)
        flush_measures = [wide for wide in (False, True)
                          if all(any(fit[1] == wide and fit[3] for fit in fits) for *_, fits in weighed.values())]
        if len(flush_measures) == 1:
            table_wide = flush_measures[0]
    out: dict[str, Sequence[Optional[Token]]] = {}
    for row in table.rows:
        if row.key not in weighed:
            continue
        values, width, full, fits = weighed[row.key]
        ways = min(fits, key=lambda fit: (fit[1] != table_wide, *fit[:2]))[2]
        cost, shift, columns = ways[0]
        tokens = [Token(EMPTY, "", values[0].start, values[0].start, values[0].line)] * width
        for token, column in zip(values, columns):
            tokens[column] = token
        out[row.key] = tokens
        if not full or not (len(ways) == 1 or ways[1][0] - cost >= SURE_MARGIN) or cost > len(values) or shift >= 2:
            report.flags.append(Flag(f"{table.section}.{row.key}", "inferred",
                                     "「" + row.label + "」行" + BY_POSITION, (PLACED_BY_POSITION,)))
    return out


def _printed_cells(tokens: Sequence[Optional[Token]]) -> list[Optional[int]]:
    """Which printed value (by identity) each column of a placed row holds, None where none."""
    return [None if t is None or t.kind == EMPTY else id(t) for t in tokens]


def _totals_on_a_line_apart(rows: dict[str, list[Token]], where: dict[int, Interval], layout: Layout,
                            width: int) -> dict[str, list[Token]]:
    """表三 rows printed over two lines, one of them holding a lone count other than 0 that the
    other line's counts add up to, two of them other than 0 or all printed left of it (pdftotext
    -layout prints a wrapped label's cells at their own heights: the 总计 beside the label's first
    line, the other cells beside its second): that count is the row's 总计, the template's sum of
    the row's cells, and the other line's values are placed by position in the columns before it.
    Any other reading breaks the row's sum; each row's tokens by column (EMPTY where none)."""
    out: dict[str, list[Token]] = {}
    before_total: Layout = [(first, [*anchors[:-1], None]) for first, anchors in layout]
    for key, values in rows.items():
        lines = sorted({t.line for t in values})
        if len(lines) != 2:
            continue
        alone = [[t for t in values if t.line == line] for line in lines]
        for lone, others in (alone, alone[::-1]):
            if len(lone) != 1 or lone[0].kind != NUM or not lone[0].value or not 1 <= len(others) < width:
                continue
            printed = [0 if t.kind == NA else token_number(t) for t in others]
            numbers = [n for n in printed if n is not None]
            if len(numbers) < len(printed) or abs(sum(numbers) - lone[0].value) > 1e-9:
                continue
            # (were the lone count a part, the row's 总计 would be the other line's one count other
            # than 0, equal to it, printed left of it though 总计 is the last column)
            right_of_all = where[id(lone[0])][0] > max(where[id(t)][1] for t in others)
            if sum(1 for n in numbers if n) < 2 and not right_of_all:
                continue
            ways = row_placements({key: others}, where, before_total).get(key)
            if ways:
                out[key] = [*ways[0][0][:-1], lone[0]]
            break
    return out


def _values_left_of_names(table: Table, values_of: dict[str, list[Token]], report: Report,
                          lines: list[Line], wide: bool) -> bool:
    """Whether a 表二 prints its values at their cells' left edges, under names centred in their
    cells: a row of one column prints its value on its label's line wholly left of its column's name
    on the header line above (a value centred or set right in its cell would lie on its name or
    right of it), and no such row prints it on or right of its name."""
    left = False
    for row in table.rows:
        values = values_of.get(row.key)
        if len(row.columns) != 1 or not values or len(values) != 1 or values[0].kind != NUM:
            continue
        value = values[0]
        if lines[value.line].grid or len(lines[value.line].cells) != 1:
            continue
        extents = header_extents(report.text, value.start, [row.columns[0].label], wide)
        where = positions(report.text, [value], {value.line}, wide)
        if extents is None or id(value) not in where:
            continue
        if where[id(value)][1] - 1 < extents[0][0]:
            left = True
        else:
            return False
    return left


def _left_edge_columns(intervals: list[tuple[int, int]], names: list[tuple[float, float]]
                       ) -> Optional[tuple[int, ...]]:
    """The columns of values printed at their cells' left edges under names centred in their cells
    (_values_left_of_names): a value on a name is that name's; one in the gap before a name is that
    name's, its cell starting left of its name (pdftotext -layout prints a CJK name in fewer
    columns than it spans, so the gap after a name is mostly the next cell's). None when two values
    fall in one column or one lies past the last name."""
    out: list[int] = []
    for start, end in intervals:
        column = next((c for c, (left, right) in enumerate(names) if left <= end - 1 and start <= right), None)
        if column is None:
            column = next((c for c, (left, _) in enumerate(names) if left > end - 1), None)
        if column is None or (out and column <= out[-1]):
            return None
        out.append(column)
    return tuple(out)


def _values_touch_words(text: str, values_of: dict[str, list[Token]]) -> bool:
    """Whether a 表二 row's value touches the words after it ("-- 525第二十条第（五）项": the next
    block's heading; a count's unit is the value's own): the export printed no break between the
    table's cells (docx2txt), nor between a row's last cell and the next label."""
    for values in values_of.values():
        for token in values:
            if token.kind in (NUM, NA) and text[token.end:token.end + 1].isalpha():
                return True
    return False


def _short_glued_run(report: Report, row, values: list[Token]
                     ) -> Optional[tuple[list[Optional[Token]], str, tuple[str, ...]]]:
    """A 表二 row printing fewer values than columns in a text that prints no break between cells
    (_values_touch_words), one of its values a run of digits that may be several cells ("-- 525":
    本年废止 5 and 现行有效 25 glued, or 52 · 5, or 525 beside a blank cell leaving no trace): its
    cells read from the run as glued_t2 reads a glued row (each cell every cut agrees on; the
    others unread), its flag saying the digits may be glued, and the flag's causes. None for a row
    whose runs are one cell each (one digit, a count closed by its unit, only 0s: a row of zeros
    whichever way it is cut) or that no cut reads."""
    width = len(row.columns)
    if not 1 <= len(values) < width or not any(
            t.kind == NUM and not t.unit and sum(ch.isdigit() for ch in ascii_digits(t.text)) > 1
            and ascii_digits(t.text).strip("0+-.,") for t in values):
        return None
    start, end = values[0].start, values[-1].end
    read = t2_run_cells(report, row, report.text[start:end], start,
                        signs_printed(report.text, *report.section_spans.get(2, (start, end))))
    if read is None:
        return None
    cells, assumed, _ = read
    printed = " ".join(report.text[start:end].split())
    head = f"「{row.label}」行印有{len(values)}个数值，模板为{width}列，数字可能粘连（{printed}）"
    if None in cells:
        return cells, f"{head}，{CUT_LEFT_OPEN}", (GLUED_UNDECIDED,)
    return cells, f"{head}，{assumed or '已拆分'}，请对照原文核对", ()


def _columns_named(words: str, row) -> bool:
    """Whether the table's words (its text tokens joined) name every column of a 表二 row: plain
    pdftotext prints a block's first column beside its labels under that column's name alone, the
    others apart, so a value there is the first column's and its row's other cells are elsewhere,
    not blank."""
    return all(re.sub(r"\s+", "", normalise(c.label)) in words for c in row.columns)


def _set_apart(text: str, label: Token, value: Token) -> bool:
    """Whether a 表二 value is printed apart from its label on the label's line ("政府集中采购 97"):
    a cell of its own, not a run of cells glued together (docx2txt glues them to the label too)."""
    return value.line == label.line and value.start > label.end and not text[label.end:value.start].strip()


def _ends_line(text: str, value: Token) -> bool:
    """Whether nothing but spaces follows a value on its line."""
    end = text.find("\n", value.end)
    return not text[value.end:end if end >= 0 else len(text)].strip()


def _padded(text: str, start: int) -> bool:
    """Whether the value at `start` is set apart as in a space-aligned table: two spaces before it
    (export artefacts such as pandoc's "[…]{style=…}" counted as spaces), or a terminal's ruled
    cell border."""
    if text[start - 1:start] in _BOX_VERTICALS:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    at = start - line_start
    return blank_artefacts(line)[max(0, at - 2):at] == "  "


def _placement_undecided(report: Report, table: Table, row, values: list[Token]) -> None:
    """Flag a row readings_undecided; a row of 0s and placeholders is 0 in every cell whichever
    order is right, so its cells are read as 0."""
    causes: tuple[str, ...] = ()
    if only_zeros(values):
        for path in table.row_paths(row.key):
            report.cells[path] = CellValue(0, INFERRED)
        message = f"「{row.label}」行的数值分在几行印出，只有0和占位符，{ZEROS_UNPLACED}"
        causes = (ZEROS_ANY_READING,)
    else:
        message = f"「{row.label}」行的数值分在几行印出，几种次序同样合计，占位符印在哪一格无法确定，请对照原文核对"
    report.flags.append(Flag(f"{table.section}.{row.key}", "inferred", message, causes))


def _zeros_apart(values: list[Token], width: int) -> list[Token]:
    """A 表二 row printing fewer values than columns, its counts with leading zeros ("015") cut into
    cells: a count never starts with 0, so each 0 before it is a cell of its own, glued by an
    export that drops cell breaks (docx2txt: 0 · 15 · — prints "015 --"). Only when the cut row
    then fills its columns exactly: otherwise the cut is not the only one."""
    if len(values) < 2:
        return values  # a row printed as one run of digits ("0026") is glued_t2's to cut and flag
    glued = [t for t in values if t.kind == NUM and len(t.text) > 1 and t.text[0] == "0" and t.text.isdigit()
             and t.text.isascii()]
    if not glued:
        return values
    zeros = {id(t): min(len(t.text) - len(t.text.lstrip("0")), len(t.text) - 1) for t in glued}  # ("000": 0 · 0 · 0)
    if len(values) + sum(zeros.values()) != width:
        return values  # (a row glued whole, "010", is cut by the sums: glued_t2)
    out: list[Token] = []
    for token in values:
        count = zeros.get(id(token), 0)
        for n in range(count):
            out.append(Token(NUM, "0", token.start + n, token.start + n + 1, token.line, 0))
        if count:
            rest = token.text[count:]
            token = Token(NUM, rest, token.start + count, token.end, token.line, int(rest))
        out.append(token)
    return out


def _whole_after_label(tokens: list[Token], index: int, values: list[Token], width: int) -> bool:
    """Whether a row's values (`values`: every token between its label, tokens[index], and the next
    label that is not text) are exactly its `width` columns' worth, printed right after its label,
    no text among them. The first and the last of them being the tokens right after the label and
    `width` places on, the `width` of them, in printed order, are the tokens in between."""
    return len(values) == width and values[0] is tokens[index + 1] and values[-1] is tokens[index + width]


def _column_after_total(tokens: list[Token], first_label: int, lines: list[Line]) -> int:
    """How many empty cells 表三's grid header, above its first row label, has after 总计 (0: none):
    columns right of the template's last, which the converter added to every row (LibreOffice's
    PDF of a web table that has one row of 8 cells gives each row of 7 an empty 8th cell; pandoc's
    Markdown of a web page keeps the cells' markup, "<span …>总计</span>", which names no word; a
    spreadsheet's sheet holding 表三 beside the wider 表四 pads each of 表三's rows to the sheet's
    width: h28 wps-html, 5 empty cells after 总计)."""
    start = tokens[0].line if tokens else 0
    for line in lines[start:tokens[first_label].line if tokens else 0]:
        if not line.grid:
            continue
        texts = ["".join(blank_artefacts(cell.text).split()) for cell in line.cells]
        if "总计" in texts and texts[-1] == "" and texts.index("总计") < len(texts) - 1 \
                and not any(texts[texts.index("总计") + 1:]):
            return len(texts) - 1 - texts.index("总计")
    return 0


# formats whose grid rows (Line.grid) are the file's own, each row's cells as printed: a web page's
# table, a Word file's, a PDF's ruled cells (a text's grid rows are a converter's pipe table)
_OWN_GRIDS = ("html", "mht", "docx", "doc", "wps", "rtf", "odt", "pdf")


def _on_own_grid(values_of: dict[str, list[Token]], lines: list[Line]) -> frozenset[str]:
    """The 表三 rows whose values all come from grid rows of the file's own (`lines` of a format in
    _OWN_GRIDS): there each cell the row prints is a cell, a blank one too, so a row printing 8
    cells (a 法人或其他组织 subtotal after 自然人, TEMPLATE.md) reads 8 values; one reading 7 printed
    7, none cut off by a converter (h2905 r0038 web page, p2702 r0003 PDF: a misprinted 总计 is
    the report's mistake, not a 总计 cut off)."""
    return frozenset(key for key, values in values_of.items()
                     if values and all(lines[t.line].grid for t in values))


_DRAWN_TABLES = ("md", "txt", "pdf")  # formats whose tables a converter drew, every row as wide as the table


def _padded_short_rows(tokens: list[Token], labels: list[tuple[int, str]], values_of: dict[str, list[Token]],
                       widths: dict[str, int], lines: list[Line], marks: set[tuple[int, int]]) -> list[str]:
    """表三 grid rows of a table a converter drew (_DRAWN_TABLES: as text, or as a PDF) that printed a
    cell fewer than the table's columns, the converter padding them with an empty cell at their end
    (pandoc's and w3m's tables draw every row as wide as the table): a row printing a count and every cell but
    its last, that one empty, where the other rows printing counts (three at least, and more than
    the rows ending empty) each print their 总计. A row printing 0s or placeholders for nothing
    leaves no cell empty, its 总计 least of all beside counts: it printed one cell fewer
    (TEMPLATE.md "rows printing 6 or 8 values"), and the cell under 总计 is not sure. Such a row is
    read as printing too few values (placed by the sums, flagged). A table whose zeros print
    blank leaves cells empty, but not its 总计 beside a count other than 0: a row ending so is one
    cell short as well (LibreOffice's PDF of a web table draws every row as wide as the table too).
    (Word's and HTML's tables keep each row's own cells: a row of 6 is read as one.) A last cell
    printing 「###」 (its span in `marks`: a cell whose number is not shown) is printed, no padding."""
    # (most tables: no row of its width ends on an empty cell after printing a count)
    ending_empty = [key for key, values in values_of.items() if values and len(values) == widths[key]
                    and values[-1].kind == EMPTY and _total_empty_beside_count(values)  # (its first test, inline)
                    and (values[-1].start, values[-1].end) not in marks]
    if not ending_empty:
        return []
    filled = 0
    for index, key in labels:
        values = values_of.get(key)
        if not values or len(values) != widths[key] or not _prints_a_count(values):
            continue
        line = tokens[index].line
        if not lines[line].grid or any(t.line != line for t in values):
            return []  # (a row not printed on its label's grid line: not such a table)
        filled += values[-1].kind != EMPTY  # (a row of blanks ending empty beside a count prints no 总计 either)
    # (two rows printing their 总计 suffice where each row ending empty leaves blanks, or prints its
    # 0s or placeholders, and its cells before the empty one add up to the last of them: the row's
    # own sum names that one its 总计 — a small agency's table prints counts in 一, （一） and （七)
    # alone; q3206 r0047 lo-web-pdf: 「1项 无 无 无 无 1项」 and the padding, in 一, 2. and （七）)
    enough = 3 if any(all(t.kind != EMPTY for t in values_of[key][:-1]) and not _adds_up_to_last(values_of[key][:-1])
                      for key in ending_empty) else 2
    return ending_empty if filled >= enough and filled > len(ending_empty) else []


def _boxed_short_under_blank_totals(values_of: dict[str, list[Token]], widths: dict[str, int],
                                    boxed: dict[str, list[Token]]) -> dict[str, list[Token]]:
    """The rows `boxed` (read by a ruled box from the values they print) of a table leaving its 总计
    column empty that end on two empty cells beside a count, every cell before printed, where the
    other rows printing counts print their 其他 (three at least, and more than these): as printed,
    a cell fewer than the table's columns, which one the sums weigh (flagged). Not where a row
    leaves a cell empty before one it prints: such a table prints its zeros (or nothing) blank, and a
    row's 其他 blank beside the others' is one more of them (the box then places each value exactly)."""
    if any(_blank_among_printed(values) for key, values in values_of.items() if len(values) == widths[key]):
        return {}
    ending = [key for key in boxed if values_of[key][-1].kind == EMPTY == values_of[key][-2].kind
              and _prints_a_count(values_of[key]) and all(t.kind != EMPTY for t in values_of[key][:-2])]
    filled = sum(1 for key, values in values_of.items() if key not in ending and len(values) == widths[key]
                 and values[-2].kind != EMPTY and _prints_a_count(values))
    return {key: boxed[key] for key in ending} if ending and filled >= 3 and filled > len(ending) else {}


def _blank_among_printed(values: list[Token]) -> bool:
    """Whether a row's cells before its 总计 hold an empty one before one printed."""
    empty = False
    for token in values[:-1]:
        if token.kind == EMPTY:
            empty = True
        elif empty:
            return True
    return False


def _totals_printed(values_of: dict[str, list[Token]], widths: dict[str, int], ending_empty: list[str]) -> bool:
    """Whether the table's rows printing a count print their 总计: three at least, and more than
    the rows `ending_empty` (a table leaving its 总计 column empty is read as printed). Or, in a
    table of fewer counts, one at least, where the one row ending empty is the table's one empty
    cell: every other row prints each of its cells, its zeros as 0s or placeholders (three rows at
    least), and a blank cell is printed nowhere else."""
    filled = sum(1 for key, values in values_of.items() if key not in ending_empty and len(values) == widths[key]
                 and values[-1].kind != EMPTY and _prints_a_count(values))
    if filled >= 3 and filled > len(ending_empty):
        return True
    return len(ending_empty) == 1 and filled >= 1 and len(values_of) >= 4 and all(
        key in ending_empty or len(values) == widths[key] and all(t.kind != EMPTY for t in values)
        for key, values in values_of.items())


_PRINTED_ABOVE_LABELS = ("表三第一个行名的上方一行印有未归入任何行的数值（各格高低不一，如单元格内数字与单位分行），"
                         "各行的数值可能归入了相邻的行，请对照原文核对")


_PAGE_TEXTS = ("txt", "pdf")  # formats printing a page's lines (a web page's or Word's table prints its rows)


def _counts_above_first_label(tokens: list[Token], first_label: int) -> bool:
    """Whether two counts or more, read by no row, print on the text line right above 表三's first
    row label: a page whose cells wrap (a count over its unit, 「25,063」 over 「个」) prints each
    row's counts above its label's line, one-line cells beside it, and the counts read after a
    label are the next row's. Which row each count is, the text's order cannot say."""
    line = tokens[first_label].line - 1
    return sum(1 for t in tokens[:first_label] if t.line == line and t.kind == NUM) >= 2


def _label_depth(row: Row) -> int:
    """How many label columns a 表三 row's label leaves to its left: none (一、二、四), the
    「三、本年度办理结果」 group ((一)…(七)), or a （n） group too (its numbered rows)."""
    return 0 if not row.group else 2 if row.group.startswith(("（", "(")) else 1


def _rows_alike_start_beside_label(table: Table, odd_key: str, gathered: dict[str, list[Token]],
                                   widths: dict[str, int], odd: dict[str, list[Token]]) -> bool:
    """Whether the rows other than `odd` whose labels span the same label columns as `odd_key`'s
    print their columns right after the label (their values `gathered`, padding kept): more of
    them print exactly their cells than a cell more starting empty (a label column split in two,
    the empty half before the values)."""
    depth = _label_depth(table.row(odd_key))
    exact = split = 0
    for key, values in gathered.items():
        if key not in odd and _label_depth(table.row(key)) == depth:
            exact += len(values) == widths[key]
            split += len(values) == widths[key] + 1 and values[0].kind == EMPTY
    return exact > split


def _zero_rows_past_last(report: Report, tokens: list[Token], labels: list[tuple[int, str]],
                         values_of: dict[str, list[Token]], widths: dict[str, int], flagged: set[str]
                         ) -> tuple[dict[str, list[int]], str]:
    """The rows of a ruled box (w3m) that printed a cell more than the header, a blank one past
    its last column (ruled.cells_past_last: the row that made w3m draw an empty column after 总计),
    printing only 0s, placeholders and blanks; each with the columns that read 0 only if the row
    printed a 法人或其他组织 subtotal after 自然人 (its 总计 blank). The box reads the extra cell as a
    stray one at the row's end; both readings add up, and which one is right no sum tells (a row
    printing a count is weighed by the sums where it is read). Only rows where the subtotal reading
    puts a 0 where the box's reads none. Where the header draws one empty column after 总计 and no
    row prints anything in it, not even a printed blank, while every row printing a count adds up
    as the box reads it (so none of them is the row printing a subtotal), the row of a cell more
    may be any row of 0s: each is in doubt alike. With the flag's message for the rows."""
    # (most boxes draw their first row's line as wide as its columns: w3m draws every row as wide as
    # the widest; and most rows' lines end on no printed blank: the header is then not read)
    if cells_right_of(report.text, tokens[labels[0][0]]) <= widths[labels[0][1]]:
        return {}, ""
    marked = [(index, key) for index, key in labels if ends_on_printed_blank(report.text, tokens[index])]
    rows = [(index, key) for index, key in marked if key not in flagged]
    after_total = box_columns_after_last(report.text, tokens[0].start, tokens[labels[0][0]].start, "总计") \
        if rows or not marked else 0
    unknown = False  # (the row that printed a cell more is not told: every row of 0s may be it)
    past: dict[str, Optional[list[str]]] = {}
    if not marked and after_total == 1 and all(
            tokens_add_up(values) for key, values in values_of.items()
            if len(values) == widths[key] and _prints_a_count(values)):
        # no row prints a blank past its last column, yet the header draws one empty column after
        # 总计: some row printed a cell more, its last empty, and w3m padded every other row alike.
        # Which row, the box does not show unless one prints something in that column
        wide = [(index, key) for index, key in labels if cells_right_of(report.text, tokens[index]) > widths[key]]
        past = {key: cells_past_last(report.text, tokens[index], widths[key], 1, padded=True) for index, key in wide}
        unknown = all(cells is not None for cells in past.values())  # (a row printing there is the one)
        rows = [(index, key) for index, key in wide if key not in flagged] if unknown else []
    doubtful: dict[str, list[int]] = {}
    for index, key in rows if after_total else ():
        cells = past[key] if unknown else cells_past_last(report.text, tokens[index], widths[key], after_total)
        if cells is None or any(ch in "123456789１２３４５６７８９" for cell in cells for ch in cell):
            continue
        zero = [any(ch in "0０" for ch in cell) for cell in cells]
        columns = zero_only_with_subtotal(zero[:-1], zero)  # (as the box reads it: the last cell a stray one)
        if columns:
            doubtful[key] = columns
    return doubtful, ZEROS_PAST_LAST_UNTOLD if unknown else ZEROS_PAST_LAST


def _one_wider_gap(values: list[Token], lines: list[Line]) -> Optional[int]:
    """Where a row of 7 values, each alone on its line, shows a blank cell between two of them: the
    lines between its values are empty and as many each, but one gap (a blank cell's paragraph,
    lynx's or mammoth's text of a table) wider; the index of the value before that gap when it lies
    among the five parts after 自然人 and a subtotal (a row of 8's blank part), else None."""
    if len(values) != 7:
        return None
    narrow = values[1].line - values[0].line
    wide = 0  # (the first gap wider than the others would stand before the subtotal: not asked)
    for n in range(1, 6):  # (a plain loop: asked of every row of 7 read as printed)
        step = values[n + 1].line - values[n].line
        if step != narrow:
            if wide or step < narrow:
                return None  # (most rows printing over lines: every gap alike, or two wider)
            wide = n
    if not wide or narrow < 1 or not all(alone_on_line(lines[t.line], t) for t in values):
        return None
    printed = {t.line for t in values}
    if not all(empty_line(lines[n]) for n in range(values[0].line + 1, values[-1].line) if n not in printed):
        return None
    return wide


def _zero_rows_ending_two_blanks(keys: list[str], gathered: dict[str, list[Token]], values_of: dict[str, list[Token]],
                                 widths: dict[str, int], weighed: set[str]) -> dict[str, list[int]]:
    """表三 rows printing a cell more than their columns on their own line, only 0s, placeholders
    and blanks, the last two empty, read without the last (a stray empty cell), among rows printing
    exactly their cells (a Word table's row of 8, q2206 r0032: 0 · · 0 · · · ·). The row may as well
    print a 法人或其他组织 subtotal after 自然人, blank, its 总计 blank: both add up, and the two
    readings put the 0s in other columns. Each with the columns 0 only in the subtotal reading
    (`keys`: the rows printing a cell more, the last empty; `weighed`: rows flagged for it already)."""
    out: dict[str, list[int]] = {}
    for key in keys:
        values, width = gathered[key], widths[key]
        if key in weighed or values[-2].kind != EMPTY:
            continue
        read = values_of.get(key)
        if read is None or len(read) != width or any(a is not b for a, b in zip(read, values)) \
                or not only_zeros(values) or len({t.line for t in values}) != 1 \
                or not _rows_alike_print_their_cells(key, gathered, widths):
            continue
        zero = [t.kind == NUM for t in values]
        if columns := zero_only_with_subtotal(zero[:-1], zero):
            out[key] = columns
    return out


def _box_draws_a_column_past_total(text: str, tokens: list[Token], labels: list[tuple[int, str]],
                                   widths: dict[str, int]) -> bool:
    """Whether a ruled box's first row has more cells than its row's width and the header draws
    one column after 总计 (w3m's box of a table some of whose rows printed 8 cells)."""
    return cells_right_of(text, tokens[labels[0][0]]) > widths[labels[0][1]] \
        and box_columns_after_last(text, tokens[0].start, tokens[labels[0][0]].start, "总计") == 1


def _zero_rows_printing_past_last(report: Report, tokens: list[Token], labels: list[tuple[int, str]],
                                  widths: dict[str, int]) -> dict[str, list[Token]]:
    """The rows of a ruled box (w3m) printing only 0s, placeholders and blanks, one of whose
    cells lies in the empty column the header draws after 总计, printing something there (a 0, a
    placeholder; a printed blank is _zero_rows_past_last's): the row printed 8 cells, one of the
    rows that made w3m draw the column, its second a 法人或其他组织 subtotal after 自然人 (TEMPLATE.md),
    its last its 总计. The box reads the row's cells without its blanks, which put its 0s in
    other columns; every reading adds up, so the box's cells say which they are: each row with
    its cells so read, the subtotal left out (as tokens, in the table's columns)."""
    text = report.text
    if not _box_draws_a_column_past_total(text, tokens, labels, widths):
        return {}  # (most boxes: no column drawn after 总计)
    rows: dict[str, list[Token]] = {}
    for index, key in labels:
        spans = cells_printed_past_last(text, tokens[index], widths[key])
        if spans is None:
            continue
        line = tokens[index].line
        cells: list[Token] = []
        for start, end in without_subtotal(spans):
            printed = text[start:end].strip()
            if not printed or printed_blank(text[start:end]):
                cells.append(Token(EMPTY, "", start, start, line))
            elif normalise(printed) == "0":
                at = text.index(printed, start, end)
                cells.append(Token(NUM, "0", at, at + len(printed), line, 0))
            elif is_placeholder(printed):
                at = text.index(printed, start, end)
                cells.append(Token(NA, normalise(printed), at, at + len(printed), line))
            else:
                break  # (a count: a row the sums weigh, not this)
        else:
            rows[key] = cells
    return rows


def _counted_rows_printing_past_last(report: Report, tokens: list[Token], labels: list[tuple[int, str]],
                                     values_of: dict[str, list[Token]], widths: dict[str, int]
                                     ) -> dict[str, list[Token]]:
    """The rows of a ruled box (w3m) printing a count, one of whose cells lies in the empty column
    the header draws after 总计 (the row printed 8 cells, one of the rows that made w3m draw the
    column), whose 8 cells as the box draws them add up only as a row of 8: 自然人, a 法人或其他组织
    subtotal (TEMPLATE.md), its five parts, 总计. Each with its 8 cells, the blank ones as empty
    tokens. The box's 7 columns hold none of it right: its values read without the one past 总计
    sit a column off (a blank 自然人 given the subtotal). Rows of 0s are
    _zero_rows_printing_past_last's."""
    text = report.text
    if not _box_draws_a_column_past_total(text, tokens, labels, widths):
        return {}  # (most boxes: no column drawn after 总计)
    rows: dict[str, list[Token]] = {}
    for index, key in labels:
        values = values_of.get(key)
        line = tokens[index].line
        if not values or len(values) > widths[key] + 1 or only_zeros(values) \
                or any(t.line != line for t in values):
            continue
        spans = cells_printed_past_last(text, tokens[index], widths[key])
        cells = values_in_cells(values, spans) if spans is not None else None
        if cells is not None and cells_add_up_as_eight(cells):
            rows[key] = cells
    return rows


def _zero_rows_in_a_wider_part(report: Report, tokens: list[Token], labels: list[tuple[int, str]],
                               values_of: dict[str, list[Token]], widths: dict[str, int], flagged: set[str]
                               ) -> dict[str, list[int]]:
    """wider_parts.zero_rows_in_doubt for a boxed 表三 whose header's box draws no column after 总计."""
    if report.text.count("┌", tokens[0].start, tokens[labels[-1][0]].start) < 2:
        return {}  # (most boxes: one box drawn above the last row, the table not split)
    label_of = {key: tokens[index] for index, key in labels}
    parts = wider_part_rows(report.text, tokens[0].start, label_of, widths)
    if not parts or box_columns_after_last(report.text, tokens[0].start, tokens[labels[0][0]].start, "总计"):
        return {}
    return zero_rows_in_doubt(report.text, parts, label_of, values_of, widths, flagged)


def _gap_among_zeros(report: Report, table: Table, key: str) -> list[int]:
    """A row printing a count and a cell fewer than its columns (a ruled box padded its end),
    stored with its one blank cell beside a 0: the blank and the 0s next to it may stand in any
    order (a 0 cell left out of the row: TEMPLATE.md "rows printing 6 or 8 values"), each adding up
    alike. The blank cell's column, when it lies so (else none)."""
    cells = [report.cells[path] for path in table.row_paths(key)]
    gaps = [n for n, cell in enumerate(cells) if cell.state == BLANK]
    if len(gaps) != 1:
        return []
    gap = gaps[0]
    for step in (-1, 1):
        n = gap + step
        if 0 <= n < len(cells) and cells[n].state == NUMBER and cells[n].value == 0:
            return gaps
    return []


def _rows_alike_print_their_cells(odd_key: str, gathered: dict[str, list[Token]], widths: dict[str, int]) -> bool:
    """Whether most rows other than `odd_key` print exactly their cells (their values `gathered`,
    padding kept): a row of a cell more is then the odd one, not a table whose rows all end on
    an empty cell (a column drawn after 总计)."""
    others = [key for key in gathered if key != odd_key]
    return 2 * sum(len(gathered[key]) == widths[key] for key in others) > len(others)


def _past_last_printed_blank(text: str, extra: Token, gathered: dict[str, list[Token]],
                             values_of: dict[str, list[Token]]) -> bool:
    """Whether a row's cell past its last column (`extra`) is one the row printed, told from the
    converter's padding: it prints a blank (a no-break space, as a web page's empty cell holds)
    where another row's cell past its last prints nothing at all. pandoc's Markdown of a web page
    pads each row to the widest row's cells with bare empty cells: a row whose cell there holds
    a printed blank printed a cell more than the header (TEMPLATE.md "rows printing 6 or 8
    values"), the others their 7."""
    if not printed_blank(text[extra.start:extra.end]):
        return False
    for key, values in gathered.items():
        last = values[-1] if values else None
        if last is not None and last is not extra and last.kind == EMPTY and values_of.get(key) \
                and last is not values_of[key][-1] and not text[last.start:last.end].strip():
            return True
    return False


def _total_column_blank(values_of: dict[str, list[Token]], widths: dict[str, int]) -> bool:
    """Whether the table leaves its 总计 column empty: its full rows printing a count end on an
    empty cell, three at least, and more of them than those printing their 总计."""
    blank = printed = 0
    for key, values in values_of.items():
        if len(values) == widths[key] and _prints_a_count(values):
            if values[-1].kind == EMPTY:
                blank += 1
            else:
                printed += 1
    return blank >= 3 and blank > printed


def _short_of_a_blank_total(table: Table, version: str, values_of: dict[str, list[Token]],
                            widths: dict[str, int]) -> list[str]:
    """The rows printing a cell fewer than their columns, where the table leaves its 总计 column
    blank without a trace (pdftotext -layout, pdfplumber and mammoth print no blank cell): the
    rows printing a count other than 0 print a cell fewer (three at least) or all of their cells
    (a 法人或其他组织 subtotal, TEMPLATE.md), and none ends on the sum of the values before it.
    Were any cell but the 总计 left out, the row's last value would be its 总计, the sum of its
    parts: a row failing that once is a misprint, every row failing it is a table whose last
    printed cell is its 其他. Each such row (of 0s too) is read as printed, its 总计 blank, where
    the table's column sums through a count then all hold, two at least (digits glued across
    cells, as docx2txt prints them, make rows fail their sums too: a column fails as well)."""
    short = [key for key, values in values_of.items()
             if len(values) == widths[key] - 1 > 1]
    if not short:
        return short  # (no row a cell fewer: the common case)
    counted = 0
    for key, values in values_of.items():
        if not _prints_a_count(values):
            continue
        numbers = [token_number(t) for t in values]
        if len(values) not in (widths[key] - 1, widths[key]) \
                or not known(numbers) or parts_add_up(numbers):
            return []
        counted += len(values) == widths[key] - 1
    if counted < 3:
        return []
    read: dict[str, Optional[float]] = {}  # the table's cells so read (a blank 总计: no sum through it)
    for key, values in values_of.items():
        numbers = [token_number(t) for t in values]
        if len(values) == widths[key] and _prints_a_count(values) and known(numbers) and not parts_add_up(numbers):
            if not may_be_clipped(values):
                continue  # (a misprinted row: the sums through it say nothing)
            numbers = without_subtotal(numbers)  # (its 总计 cut off: blank)
        if len(values) == widths[key] or key in short:
            read.update(zip(table.row_paths(key), [*numbers, None]))
    held = 0
    weighed, failing = [], []
    for eq in table_equations(version, table.section):
        numbers = [read.get(path) for path in eq.cells]
        if len({path.split(".")[1] for path in eq.cells}) == 1 or not known(numbers) or not any(numbers):
            continue  # (a row's own sum, one through a cell not read, or one of 0s says nothing)
        weighed.append(eq)
        if not eq.holds(read.__getitem__):
            failing.append(eq)
            continue
        held += 1
    if failing and not _one_misprint_mends(failing, weighed, read):
        return []
    return short if held >= 2 else []


_TOTAL_UNPRINTED = ("「{0}」行印有{1}个数值，模板为{2}列，空白单元格未留痕迹；表内印有两个以上数值的各行，末一个数都小于本行前面的数，"
                    "不会是总计：表三总计列空白，本行总计按空白计，各数按各列合计归入其余各列，请对照原文核对")


def _short_under_an_unprinted_total(values_of: dict[str, list[Token]], widths: dict[str, int],
                                    in_order: bool) -> list[str]:
    """The 表三 rows printing fewer values than their columns, a count among them, none an empty
    cell (the table's blanks leave no trace: mammoth's Markdown, lynx), in a table that prints no
    总计: no row of its width prints a count last, and every short row printing two counts or more,
    three at least, ends on a value less than one before it (and no row prints more values than
    its columns, which may hold a 总计 anywhere). A 总计 is no less than any of its
    row's parts (counts are never negative): none of those last values is a 总计, so the column is
    blank and every value a part (read into the 总计 column, 「368 113 3」's 3 made a total of 3 beside
    自然人 368, and the column sums moved the table's other values around it). Their 总计 is read
    blank, their values placed in the part columns by the sums. Only where each row prints its
    values in its cells' order: on one line, or (`in_order`) a Markdown table a cell a paragraph; a
    PDF's reading order may print a row's lines 总计 first, plain pdftotext a table's values in
    blocks apart from their rows."""
    short: list[str] = []
    ending_below = 0
    for key, values in values_of.items():
        width = widths[key]
        if len(values) == width:
            if values[-1].kind == NUM and token_number(values[-1]):
                return []  # (a row printing its 总计: the table fills the column)
            continue
        if len(values) > width:
            return []  # (a row printing more values than its columns: a 总计 among them may be anywhere)
        if not values or not _prints_a_count(values) or any(t.kind not in (NUM, NA) for t in values):
            continue
        numbers = [token_number(t) if t.kind == NUM else 0 for t in values]
        if not known(numbers) or (len(values) > 1 and not in_order and len({t.line for t in values}) > 1):
            return []
        if len(numbers) >= 2 and sum(1 for n in numbers if n) >= 2:
            if numbers[-1] >= max(numbers[:-1]):
                return []  # (a row whose last value may be its 总计)
            ending_below += 1
        short.append(key)
    return short if ending_below >= 3 else []


def _one_misprint_mends(failing: list[Equation], weighed: list[Equation], read: dict[str, Optional[float]]) -> bool:
    """Whether the column sums failing over a table read with its 总计 blank all run down one
    column, and one cell of them, printed with a slipped digit or ±1 (or a total printed not
    adding up), takes the value that makes every sum `weighed` hold: a misprint, its row's 总计
    blank, breaks its column's sums only. Digits glued across cells (docx2txt's 「73565」 for
    735 and 65) break a column too, but no slip of one cell mends it."""
    if len({path.split(".")[2] for eq in failing for path in eq.cells}) > 1:
        return False

    def at(path: str) -> float:
        value = read[path]
        assert value is not None  # the sums weighed run through cells read
        return value

    for eq in failing:
        left, right = sum(at(p) for p in eq.left), sum(at(p) for p in eq.right)
        for path in eq.cells:
            new = at(path) + (right - left if path in eq.left else left - right)
            lone_total = path == eq.left[0] and len(eq.left) == 1
            if new < 0 or not (lone_total or is_digit_slip(at(path), new)):
                continue
            trial = {**read, path: new}
            if all(e.holds(trial.__getitem__) for e in weighed):
                return True
    return False


def _prints_a_count(values: list[Token]) -> bool:
    """Whether the cells print a count other than 0 (a row's 0s and placeholders count nothing)."""
    return any(t.kind == NUM and token_number(t) for t in values)


def _adds_up_to_last(values: list[Token]) -> bool:
    """Whether a row's cells before its last (0s, placeholders and blanks as 0) add up to its last,
    a count."""
    numbers = [0 if t.kind in (EMPTY, NA) else token_number(t) for t in values]
    return values[-1].kind == NUM and known(numbers) and parts_add_up(numbers)


def _adds_up_as_printed(values: list[Token], width: int) -> bool:
    """Whether a row prints a value for each column and, in printed order, its last is the sum of
    the others (a row of 0s aside: it adds up in any order)."""
    if len(values) != width:
        return False
    numbers = [token_number(t) for t in values]
    return known(numbers) and bool(numbers[-1]) and abs(sum(numbers[:-1]) - numbers[-1]) < 1e-9


def _flows_flush_left(values: list[Token], text: str) -> bool:
    """Whether a row's values run on over lines of their own, each of those lines opening with a
    value at its very start (raw pdftotext: 「1.属于国家秘密 1613」 / 「项」 / 「417」 / 「项」 /
    「0 82 项 0 0」): a text in reading order, whose lines' character columns are no columns of the
    page (a layout's value on a line of its own prints indented to its column). Such a row read a
    cell short of a blank 总计, or adding up as printed, is its cells in printed order, not placed
    by where its values fall (q3401 r0026: six rows put 417 under 自然人 and 1613 under 社会公益组织;
    pq3504 r0031: 「638」 / 「项」 / 「51 项 14 项 0 13 项 22 项 738」 put 638 under 社会公益组织)."""
    first_line = values[0].line
    openers: dict[int, Token] = {}
    for token in values:
        if token.line != first_line and token.kind != EMPTY:
            openers.setdefault(token.line, token)
    return bool(openers) and all(text[token.start - 1:token.start] in ("\n", "") for token in openers.values())


def _total_empty_beside_count(values: list[Token]) -> bool:
    """A 表三 row's cells ending on an empty one, its 总计, after a count other than 0, that may be
    one cell short: it prints every other cell, or those before the empty one add up to the last
    of them, its 总计 (a row of blanks with one count, its 总计 left empty, is a misprint)."""
    if values[-1].kind != EMPTY or not _prints_a_count(values[:-1]):
        return False
    if all(t.kind != EMPTY for t in values[:-1]):
        return True
    return _adds_up_to_last(values[:-1])


def _without_cells_left_of_label(text: str, label: Token, values: list[Token], width: int,
                                 lines: list[Line]) -> list[Token]:
    """The row's values without the empty grid cells on its later lines that end left of where its
    label starts, while it has more cells than the template columns: a row's value cells lie right
    of its label, so such a cell is a column left of the label's (a site's layout table drawn as
    pandoc's grid, the article in its second column: its blank first column starts each line of a
    row wrapped in the narrow article, 「|      |      0      — |」), not a blank of the row."""
    if not lines[label.line].grid:
        return values
    label_column = display_width(text[text.rfind("\n", 0, label.start) + 1:label.start])
    left = 0
    kept = []
    for token in values:
        if len(values) - left > width and token.kind == EMPTY and token.line != label.line and lines[token.line].grid \
                and display_width(text[text.rfind("\n", 0, token.end) + 1:token.end]) < label_column:
            left += 1
            continue
        kept.append(token)
    return kept


def _without_next_line(values: list[Token], width: int) -> list[Token]:
    """The row's values without the empty cells after them on a later line, while it has more
    cells than the template columns: the empty label cells that start the next row's line (or
    a wrapped label's next line)."""
    while len(values) > width and values[-1].kind == EMPTY and values[-1].line != values[0].line:
        values = values[:-1]
    return values


def _trim_padding(values: list[Token], width: int, padded_right: int = 0) -> list[Token]:
    """Drop empty grid cells at a row's edges while it has more cells than the template columns.

    A Word or HTML table whose label column was split rather than merged leaves an empty cell
    between the label and the numbers; it is layout, not a printed blank. `padded_right`: the
    table's header has this many columns after 总计 (_column_after_total), so the empty cells at
    the row's end are those columns' and go first: the row's first cell, blank, keeps its place.
    Those columns add as many cells to a row: an empty cell before them is the row's own 总计,
    printed blank (a table leaving 总计 empty), and the empty label cells before the row's numbers
    go before it.
    """
    values = _without_next_line(values, width)
    if padded_right:  # the columns after 总计 (the row's last cells on its own line)
        keep = max(width, len(values) - padded_right)
        while len(values) > keep and values[-1].kind == EMPTY:
            values = values[:-1]
    if len(values) == width + 1 and values[0].kind == EMPTY and prints_as_eight(values) and token_number(values[1]):
        # a row of 8 (a 法人或其他组织 subtotal after 自然人) whose 自然人 is blank: 「| | 2 | 0 | — | 1 | 1 | | 2」
        # adds up so, not as the 7 after its first (w2803 r0019 cms-html-html2text: read 自然人 2)
        return values
    while len(values) > width and values[0].kind == EMPTY:
        values = values[1:]
    while len(values) > width and values[-1].kind == EMPTY:
        values = values[:-1]
    return values


def _overflowing_rows(table: Table, values_of: dict[str, list[Token]],
                     missing: int) -> Iterator[tuple[str, list[Token], int, list[str]]]:
    """Each row carrying its own values and more, whole rows of its width but `missing` values:
    its key, values, width and the rows after it in the template the overflow would fill (only
    where the table has that many). Read from `values_of` as the caller changes it, row by row."""
    keys = [row.key for row in table.rows]
    widths = widths_of(table)
    for index, key in enumerate(keys):
        values = values_of.get(key)
        width = widths[key]
        if not values or len(values) + missing <= width or (len(values) + missing) % width:
            continue
        extra = (len(values) + missing) // width - 1
        following = keys[index + 1:index + 1 + extra]
        if len(following) == extra:
            yield key, values, width, following


def _give_overflow_to_unlabelled_rows(table: Table, values_of: dict[str, list[Token]], label_line: dict[str, int],
                                      tokens: list[Token], report: Report) -> None:
    """Whole extra rows of values belong to the rows right after whose labels the text lacks.

    Text taken from a PDF in reading order can put a block of labels after their numbers:
    one row then carries 7 + k·7 values while the k rows after it in the template have no label
    where expected. The overflow goes to those rows, in template order, flagged. Whose values
    the first run is is as much a guess where the row's label prints cells of its own on its line
    and the run starts on a later line (the row's cells are blank, and the text lost the labels of
    the rows after it: a shift keeps every column's sum): the row is flagged too. A run on the
    label's line is the row's, and so is one after a label printed alone on its line, as a text
    that puts every cell on a line of its own prints a row's values after its label.
    """
    for key, values, width, following in _overflowing_rows(table, values_of, 0):
        if any(k in values_of for k in following):
            continue
        values_of[key] = values[:width]
        line = label_line.get(key)
        own = values[0].line == line or not any(t.line == line and t.kind != TEXT for t in tokens)
        placed = following if own else [key, *following]
        for n, other in enumerate(following, start=1):
            values_of[other] = values[n * width:(n + 1) * width]
        for other in placed:
            report.flags.append(placed_by_order(f"{table.section}.{other}", "parse", table.row(other).label, BY_ROW_ORDER))


def _give_overflow_a_cell_short_to_unlabelled_rows(table: Table, values_of: dict[str, list[Token]],
                                                   placed: dict, tokens: list[Token], report: Report) -> None:
    """The same overflow a value short of whole rows: one of the rows printed its 总计 elsewhere (a
    PDF's reading order puts the last cell of a row beside its wrapped label, further on; plain
    pdftotext: 「二、上年结转」 carrying 7 + 7 + 6 values, （一）予以公开's and （二）部分公开's labels
    printed after the table's later rows). The rows are cut in template order where every whole
    one adds up (its parts to its 总计) and the short one's parts add up to a number the table
    prints outside the run (its 总计), for exactly one choice of the short row; that row is read
    as printing a cell fewer. Every row given values so is flagged. (After the readers of runs: a
    row they `placed` is not asked.)"""
    widths = widths_of(table)
    for key, values, width, following in _overflowing_rows(table, values_of, 1):
        if key in placed or any(values_of.get(k) or k in placed or widths[k] != width for k in following):
            continue
        extra = len(following)
        outside: Optional[set] = None  # the numbers the table prints outside the run (asked once a cut adds up)
        cuts = []
        for short in range(extra + 1):
            chunks, at = [], 0
            for n in range(extra + 1):
                size = width - 1 if n == short else width
                chunks.append(values[at:at + size])
                at += size
            parts = [0 if t.kind == NA else token_number(t) for t in chunks[short]]
            if not known(parts) or not all(_adds_up(chunk) for n, chunk in enumerate(chunks) if n != short):
                continue
            if outside is None:
                run = {t.start for t in values}
                outside = {token_number(t) for t in tokens if t.kind == NUM and t.start not in run}
            if sum(parts) in outside:
                cuts.append(chunks)
        if len(cuts) != 1:
            continue  # (no cut, or several, adds up: left as it was)
        for other, chunk in zip([key, *following], cuts[0]):
            values_of[other] = chunk
            report.flags.append(placed_by_order(f"{table.section}.{other}", "inferred", table.row(other).label,
                                                BY_ROW_ORDER_AND_SUMS))


def _give_run_end_to_rows_labelled_after(table: Table, values_of: dict[str, list[Token]], label_line: dict[str, int],
                                         placed: dict, report: Report) -> None:
    """表三's last rows whose labels print after every value of the table (plain pdftotext:
    「3.其他 / （七）总计 / 四、结转下年度继续办理」 after the last value), the row before them holding its
    values and theirs, short of a whole number of rows (a value of its own printed elsewhere),
    and no reader having placed them: whole rows from the run's end are theirs, or from a value
    or more before it (one of the row's own printed beside the second line of its wrapped label,
    after the run), where one end alone makes each of them add up (a blank cell leaving no trace,
    or a row of 6 or 8, would shift them; a misprint leaves none: the run is left as it was)."""
    keys = [row.key for row in table.rows]
    widths = widths_of(table)
    for index, key in enumerate(keys):
        values = values_of.get(key)
        width = widths[key]
        following = keys[index + 1:]
        extra = len(following)
        if not values or not following or key in placed or len(values) % width == 0 \
                or not extra * width < len(values) < (extra + 1) * width:
            continue
        last_line = values[-1].line
        if any(k in placed or values_of.get(k) or label_line.get(k, -1) <= last_line for k in following):
            continue
        holding = [stop for stop in range(len(values), len(values) - width, -1) if stop - extra * width > 0
                   and all(_adds_up(values[stop - (n + 1) * width:stop - n * width]) for n in range(extra))]
        if len(holding) != 1:
            continue
        end = holding[0]
        first = end - extra * width
        values_of[key] = values[:first] + values[end:]
        for n, other in enumerate(following):
            values_of[other] = values[first + n * width:first + (n + 1) * width]
            report.flags.append(placed_by_order(f"{table.section}.{other}", "parse", table.row(other).label, BY_ROW_ORDER))
        return


def _adds_up(values: list[Token]) -> bool:
    """Whether a 表三 row printed whole adds up, a placeholder counting none."""
    numbers = [0 if t.kind == NA else token_number(t) for t in values]
    known_numbers = [n for n in numbers if n is not None]
    return len(known_numbers) == len(numbers) and parts_add_up(known_numbers)
