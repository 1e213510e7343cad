"""Reads a deck the app wrote with python-pptx and checks it against what
the test expected: each slide's title, its notes, and for each native chart
its kind and series, and the embedded workbook's numbers, which must be the
same as the chart's. Prints what differs and exits 1; exits 0 when all hold.

usage: check_pptx.py DECK.pptx EXPECTED.json
"""

import io
import json
import sys
import zipfile
import xml.etree.ElementTree as ET

from pptx import Presentation
from pptx.util import Emu

NS = {"s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def workbook_columns(blob):
    """The embedded workbook's first sheet as {column letter: [cell values]}."""
    with zipfile.ZipFile(io.BytesIO(blob)) as book:
        sheet = ET.fromstring(book.read("xl/worksheets/sheet1.xml"))
    columns = {}
    for cell in sheet.iter("{%s}c" % NS["s"]):
        ref = cell.get("r")
        column = "".join(ch for ch in ref if ch.isalpha())
        value = cell.find("s:v", NS)
        text = cell.find("s:is/s:t", NS)
        columns.setdefault(column, []).append(
            float(value.text) if value is not None else (text.text if text is not None else None)
        )
    return columns


def main(deck_path, expected_path):
    expected = json.load(open(expected_path, encoding="utf-8"))
    deck = Presentation(deck_path)
    problems = []
    size = expected.get("size", [12192000, 6858000])
    if (deck.slide_width, deck.slide_height) != (Emu(size[0]), Emu(size[1])):
        problems.append(f"the slides are {deck.slide_width} × {deck.slide_height} EMU, expected {size}")
    slides = list(deck.slides)
    if len(slides) != len(expected["slides"]):
        problems.append(f"{len(slides)} slides, expected {len(expected['slides'])}")
    layouts = [layout.name for layout in deck.slide_layouts]
    for name in expected.get("layouts", []):
        if name not in layouts:
            problems.append(f"layout {name!r} missing from {layouts}")
    for number, (slide, want) in enumerate(zip(slides, expected["slides"]), start=1):
        if "layout" in want and slide.slide_layout.name != want["layout"]:
            problems.append(f"slide {number}: layout {slide.slide_layout.name!r}, expected {want['layout']!r}")
        title = slide.shapes.title.text if slide.shapes.title is not None else None
        if title != want["title"]:
            problems.append(f"slide {number}: title {title!r}, expected {want['title']!r}")
        body = [s for s in slide.placeholders if s.placeholder_format.idx == want.get("body_idx", 1)]
        for beat in want.get("beats", []):
            if not body or beat not in body[0].text_frame.text:
                problems.append(f"slide {number}: the story placeholder lacks {beat!r}")
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        if notes != want.get("notes", ""):
            problems.append(f"slide {number}: notes {notes!r}, expected {want.get('notes', '')!r}")
        charts = [s for s in slide.shapes if s.has_chart]
        pictures = [s for s in slide.shapes if s.shape_type == 13]
        if want.get("chart") is None:
            if charts:
                problems.append(f"slide {number}: a chart where none was expected")
            if want.get("picture") and not pictures:
                problems.append(f"slide {number}: the chart should be a picture")
            continue
        if len(charts) != 1:
            problems.append(f"slide {number}: {len(charts)} charts, expected 1")
            continue
        chart = charts[0].chart
        want_chart = want["chart"]
        kind = str(chart.chart_type).split(" ")[0]
        if not kind.startswith(want_chart["type"]):
            problems.append(f"slide {number}: chart type {kind}, expected {want_chart['type']}")
        plot = chart.plots[0]
        if "categories" in want_chart and list(plot.categories) != want_chart["categories"]:
            problems.append(f"slide {number}: categories {list(plot.categories)}, expected {want_chart['categories']}")
        series = {s.name: list(s.values) for p in chart.plots for s in p.series}
        for name, values in want_chart.get("series", {}).items():
            if series.get(name) != values:
                problems.append(f"slide {number}: series {name!r} is {series.get(name)}, expected {values}")
        book = workbook_columns(chart.part.chart_workbook.xlsx_part.blob)
        for column, values in want_chart.get("workbook", {}).items():
            if book.get(column) != values:
                problems.append(f"slide {number}: workbook column {column} is {book.get(column)}, expected {values}")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
