"""The progress report as Word and PDF, in the order of seed `001_…`: local progress (the cases per toekomsttuin,
the lessons in content and process, the improvements realised with the practice group), then regional and
national progress and developments."""
from django.utils import timezone

from tandem.core import documents
from tandem.core.documents import Bullets, Heading, Paragraph, Table
from tandem.programme.progress import ProgressReportData
from tandem.core.dates import dutch_date

EXPLAIN_FIGURES = ("Nieuw: huishoudens die in het kwartaal zijn aangemeld (vraag A van de kwartaalmonitor). "
                   "Gevolgd: huishoudens die in het kwartaal actief waren en eerder zijn aangemeld. "
                   "De regio is de som van de toekomsttuinen.")


def title(data: ProgressReportData) -> str:
    return f"Voortgangsrapportage {data.region.name}, {data.quarter.label}"


def _lesson_line(lesson) -> str:
    where = lesson.site.name if lesson.site else "regio"
    prefix = "" if lesson.kind == "lesson" else f"{lesson.get_kind_display()}: "
    themes = f" (thema's: {', '.join(lesson.themes)})" if lesson.themes else ""
    return f"{prefix}{lesson.text} [{where}]{themes}"


def _improvement_line(improvement) -> str:
    return (f"{improvement.title} – eigenaar: {improvement.owner}, gerealiseerd op "
            f"{dutch_date(improvement.realised_on)}.")


def _figures(data: ProgressReportData) -> Table:
    rows = [[site["name"], str(site["new"]), str(site["followed"]), "definitief" if site["final"] else "voorlopig"]
            for site in data.sites]
    rows.append([f"Regio {data.region.name}", str(data.total["new"]), str(data.total["followed"]), ""])
    return Table(["Toekomsttuin", "Nieuw", "Gevolgd", "Cijfers"], rows, widths=[8, 3, 3, 3], bold_last_row=True)


def outline(data: ProgressReportData) -> list:
    period = f"{dutch_date(data.quarter.start)} tot en met {dutch_date(data.quarter.end)}"
    made = dutch_date(timezone.localdate())
    lessons = {aspect: [_lesson_line(lesson) for lesson in data.lessons if lesson.aspect == aspect]
               for aspect in ("content", "process")}
    return [
        Heading(title(data), 0),
        Paragraph(f"Toekomstscenario kind- en gezinsbescherming. Periode: {period}. Gemaakt met Tandem op {made}."),
        Heading("Lokale voortgang en ontwikkelingen", 1),
        Heading("Casuïstiek in de toekomsttuinen", 2),
        _figures(data),
        Paragraph(EXPLAIN_FIGURES, small=True),
        Heading("Geleerde lessen uit de casuïstiek", 2),
        Heading("Inhoud", 3), Bullets(lessons["content"], "Geen lessen over de inhoud in dit kwartaal."),
        Heading("Proces", 3), Bullets(lessons["process"], "Geen lessen over het proces in dit kwartaal."),
        Heading("Verbetervoorstellen gerealiseerd met de praktijkgroep", 2),
        Bullets([_improvement_line(i) for i in data.improvements], "Geen verbetervoorstellen gerealiseerd in dit "
                                                                    "kwartaal."),
        Heading("Regionale voortgang en ontwikkelingen", 1),
        Bullets(data.regional, "Nog niets geschreven."),
        Heading("Landelijke voortgang en ontwikkelingen", 1),
        Bullets(data.national, "Nog niets geschreven."),
    ]


def docx_bytes(data: ProgressReportData) -> bytes:
    return documents.docx_bytes(outline(data), title=title(data))


def pdf_bytes(data: ProgressReportData) -> bytes:
    return documents.pdf_bytes(outline(data), title=title(data))
