"""A report as a plain outline (headings, paragraphs, bullet lists, tables) written as Word (python-docx: the
steering groups work in Word) or as PDF (reportlab: for the record). The progress report and the budget report
build an outline; this module only lays it out, so both formats always hold the same text.
"""
import io
from dataclasses import dataclass, field
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 0 is the title


@dataclass(frozen=True)
class Paragraph:
    text: str
    small: bool = False


@dataclass(frozen=True)
class Bullets:
    items: list[str]
    empty: str = "Niets voor deze periode."


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    widths: list[float] = field(default_factory=list)  # in cm, for the PDF; empty: equal columns
    bold_last_row: bool = False


# ------------------------------------------------------------------------------------------------- Word

def _docx_table(document, block: Table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = document.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, block.header):
        cell.paragraphs[0].add_run(str(text)).bold = True
    header_properties = table.rows[0]._tr.get_or_add_trPr()  # repeat the header row on every page
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header_properties.append(repeat)
    for number, row in enumerate(block.rows, start=1):
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            run = cell.paragraphs[0].add_run(str(text))
            run.bold = block.bold_last_row and number == len(block.rows)
    document.add_paragraph()


def docx_bytes(outline: list, *, title: str) -> bytes:
    from docx import Document

    document = Document()
    document.core_properties.title = title
    document.core_properties.author = "Tandem"
    document.core_properties.language = "nl-NL"
    for block in outline:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=block.level)
        elif isinstance(block, Paragraph):
            document.add_paragraph(block.text)
        elif isinstance(block, Bullets):
            for item in block.items or [block.empty]:
                document.add_paragraph(item, style="List Bullet" if block.items else None)
        elif isinstance(block, Table):
            _docx_table(document, block)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# -------------------------------------------------------------------------------------------------- PDF

def _pdf_table(block: Table, small):
    from reportlab.lib import colors
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph as Para
    from reportlab.platypus import Table as PdfTable
    from reportlab.platypus import TableStyle

    def cell(text, bold=False):
        text = escape(str(text))
        return Para(f"<b>{text}</b>" if bold else text, small)

    data = [[cell(h, True) for h in block.header]]
    data += [[cell(v, block.bold_last_row and i == len(block.rows)) for v in row]
             for i, row in enumerate(block.rows, start=1)]
    table = PdfTable(data, colWidths=[w * cm for w in block.widths] or None, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8f0ec")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def pdf_bytes(outline: list, *, title: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import ListFlowable, ListItem, SimpleDocTemplate, Spacer
    from reportlab.platypus import Paragraph as Para

    styles = getSampleStyleSheet()
    body, small = styles["BodyText"], styles["BodyText"].clone("small", fontSize=8, leading=10)
    heading_styles = {0: styles["Title"], 1: styles["Heading1"], 2: styles["Heading2"], 3: styles["Heading3"]}
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, title=title, author="Tandem", lang="nl-NL",
                            leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm, bottomMargin=2 * cm)
    story = []
    for block in outline:
        if isinstance(block, Heading):
            story.append(Para(escape(block.text), heading_styles.get(block.level, styles["Heading3"])))
        elif isinstance(block, Paragraph):
            story.append(Para(escape(block.text), small if block.small else body))
        elif isinstance(block, Bullets):
            if block.items:
                story.append(ListFlowable([ListItem(Para(escape(item), body)) for item in block.items],
                                          bulletType="bullet", start="•"))
            else:
                story.append(Para(escape(block.empty), body))
        elif isinstance(block, Table):
            story += [_pdf_table(block, small), Spacer(1, 8)]
    doc.build(story)
    return out.getvalue()
