#!/usr/bin/env python3
"""Checks the printed (PDF) form of an HTML report made by `plssem report`.

    scripts/check-report-pdf.py REPORT.html REPORT.pdf

The PDF is what headless Chromium prints (see scripts/render-report.sh). Checks, on the text
layer that `pdftotext -bbox` (poppler-utils) reads:

- nothing is clipped: every word lies inside its page, and every table's header row is printed
  whole (a table wider than the page loses its right-hand columns: its last header is then
  missing from the header line);
- nothing is collapsed or lost: every heading of the HTML and the first cell of every table
  row appear in the PDF text;
- headings stay with their tables: no page ends with a heading.

Prints one line per problem and exits 1 when there is any, else prints a summary and exits 0.
"""

import html.parser
import re
import subprocess
import sys


class ReportParser(html.parser.HTMLParser):
    """Collects the texts of h1-h3 headings, the header cells of each table and the first cell
    of each table body row."""

    def __init__(self):
        super().__init__()
        self.headings, self.first_cells, self.table_headers = [], [], []
        self._in_th = False
        self._in_heading = self._in_body = False
        self._cell = None
        self._cell_index = 0
        self._text = ""

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2", "h3"):
            self._in_heading, self._text = True, ""
        elif tag == "tbody":
            self._in_body = True
        elif tag == "thead":
            self.table_headers.append([])
        elif tag == "th":
            self._in_th, self._text = True, ""
        elif tag == "tr":
            self._cell_index = 0
        elif tag == "td" and self._in_body:
            self._cell, self._text = self._cell_index, ""
            self._cell_index += 1

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3") and self._in_heading:
            self.headings.append(" ".join(self._text.split()))
            self._in_heading = False
        elif tag == "tbody":
            self._in_body = False
        elif tag == "th" and self._in_th:
            self.table_headers[-1].append(" ".join(self._text.split()))
            self._in_th = False
        elif tag == "td" and self._cell is not None:
            if self._cell == 0 and self._text.strip():
                self.first_cells.append(" ".join(self._text.split()))
            self._cell = None

    def handle_data(self, data):
        if self._in_heading or self._in_th or self._cell is not None:
            self._text += data


def pdf_pages(path):
    """Each page as (width, height, [(xMin, yMin, xMax, yMax, word)])."""
    out = subprocess.run(["pdftotext", "-bbox", path, "-"], check=True, capture_output=True,
                         text=True).stdout
    pages = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        words = [(float(a), float(b), float(c), float(d), html.unescape(w))
                 for a, b, c, d, w in re.findall(
                     r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>',
                     page.group(3))]
        pages.append((float(page.group(1)), float(page.group(2)), words))
    return pages


def lines(words, tolerance=2.0):
    """Words grouped into lines by their vertical position (within `tolerance` points), top to
    bottom, each line left to right."""
    rows = []
    for x0, y0, x1, y1, w in sorted(words, key=lambda word: word[1]):
        if rows and y0 - rows[-1][0] <= tolerance:
            rows[-1][1].append((x0, w))
        else:
            rows.append((y0, [(x0, w)]))
    return [" ".join(w for _, w in sorted(row)) for _, row in rows]


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 64
    html_path, pdf_path = sys.argv[1:]
    parser = ReportParser()
    with open(html_path, encoding="utf-8") as f:
        parser.feed(f.read())
    pages = pdf_pages(pdf_path)
    problems = []
    for k, (width, height, words) in enumerate(pages, 1):
        for x0, y0, x1, y1, w in words:
            if x0 < 0 or y0 < 0 or x1 > width + 0.5 or y1 > height + 0.5:
                problems.append(f"page {k}: '{w}' is clipped ({x0:.0f}-{x1:.0f} of {width:.0f} pt)")
        page_lines = lines(words)
        if page_lines and k < len(pages) and page_lines[-1] in parser.headings:
            problems.append(f"page {k} ends with the heading '{page_lines[-1]}'")
    all_lines = [" ".join(line.split()) for _, _, words in pages for line in lines(words)]
    for header in parser.table_headers:
        if len(header) < 2:
            continue
        # The header line: a line that starts with the first header and has the second.
        candidates = [line for line in all_lines
                      if line.startswith(header[0] + " ") and header[1] in line]
        if candidates and not any(line.endswith(header[-1]) for line in candidates):
            problems.append(f"the table headed '{' | '.join(header)}' is cut: "
                            f"its header line prints as '{candidates[0]}'")
    text = " ".join(" ".join(lines(words)) for _, _, words in pages)
    text = " ".join(text.split())
    for heading in parser.headings:
        if heading not in text:
            problems.append(f"heading '{heading}' is not in the PDF")
    # A cell may wrap onto several lines among its neighbours' text: its words must be there.
    vocabulary = set(text.split())
    missing = [cell for cell in parser.first_cells
               if cell not in text and not set(cell.split()) <= vocabulary]
    for cell in missing[:20]:
        problems.append(f"table cell '{cell}' is not in the PDF")
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"{pdf_path}: {len(pages)} pages; {len(parser.headings)} headings and "
          f"{len(parser.first_cells)} table rows printed, nothing clipped, no heading ends a page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
