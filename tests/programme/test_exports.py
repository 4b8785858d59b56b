"""`tandem report progress` and the progress report's Word and PDF files, read back with python-docx and pypdf."""
import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from pypdf import PdfReader

from tandem.programme import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter_texts(region, site, lead, family):
    services.lesson_create(actor=lead, region=region, site=site, quarter="2025-Q1", aspect="content",
                           text="Een TOP3-plan maken in een netwerkberaad leidt tot een gedragen plan.", themes="TOP3")
    services.lesson_create(actor=lead, region=region, quarter="2025-Q1", aspect="process", kind="bottleneck",
                           text="Het woord 'project' werkt drempelverhogend.")
    services.improvement_create(actor=lead, region=region, quarter="2025-Q1", title="De monitor is verbeterd.",
                                owner="Coördinatoren", status="realised", realised_on=dt.date(2025, 2, 20))
    services.progress_texts_save(actor=lead, region=region, quarter="2025-Q1", regional="Zes vervolgscenario's.",
                                 national="Het Rijk denkt na over wetgeving.")


def run(*args) -> str:
    out = io.StringIO()
    call_command("report", "progress", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_json_on_standard_output(quarter_texts):
    report = json.loads(run("--region", "GV", "--quarter", "2025-Q1"))
    assert report == {
        "region": "GV", "quarter": "2025-Q1",
        "sites": [{"site": "HLV", "name": "Toekomsttuin Hilversum", "new": 1, "followed": 0},
                  {"site": "HZN", "name": "Toekomsttuin Huizen", "new": 0, "followed": 0}],
        "total": {"new": 1, "followed": 0},
        "sections": {"lessons": ["Een TOP3-plan maken in een netwerkberaad leidt tot een gedragen plan.",
                                 "Het woord 'project' werkt drempelverhogend."],
                     "improvements": ["De monitor is verbeterd."], "regional": ["Zes vervolgscenario's."],
                     "national": ["Het Rijk denkt na over wetgeving."]}}


def test_the_word_file_reads_back(quarter_texts, tmp_path):
    path = tmp_path / "voortgang.docx"
    run("--region", "GV", "--quarter", "2025-Q1", "--format", "docx", "--output", str(path))
    document = Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings == ["Voortgangsrapportage Gooi en Vechtstreek, 2025-Q1", "Lokale voortgang en ontwikkelingen",
                        "Casuïstiek in de toekomsttuinen", "Geleerde lessen uit de casuïstiek", "Inhoud", "Proces",
                        "Verbetervoorstellen gerealiseerd met de praktijkgroep",
                        "Regionale voortgang en ontwikkelingen",
                        "Landelijke voortgang en ontwikkelingen"]
    table = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert table == [["Toekomsttuin", "Nieuw", "Gevolgd", "Cijfers"],
                     ["Toekomsttuin Hilversum", "1", "0", "voorlopig"], ["Toekomsttuin Huizen", "0", "0", "voorlopig"],
                     ["Regio Gooi en Vechtstreek", "1", "0", ""]]
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets == ["Een TOP3-plan maken in een netwerkberaad leidt tot een gedragen plan. [Toekomsttuin Hilversum] "
                       "(thema's: TOP3)",
                       "Knelpunt: Het woord 'project' werkt drempelverhogend. [regio]",
                       "De monitor is verbeterd. – eigenaar: Coördinatoren, gerealiseerd op 20 februari 2025.",
                       "Zes vervolgscenario's.", "Het Rijk denkt na over wetgeving."]
    assert document.core_properties.title == "Voortgangsrapportage Gooi en Vechtstreek, 2025-Q1"
    assert document.core_properties.language == "nl-NL"


def test_the_pdf_reads_back(quarter_texts, tmp_path):
    path = tmp_path / "voortgang.pdf"
    run("--region", "GV", "--quarter", "2025-Q1", "--format", "pdf", "--output", str(path))
    reader = PdfReader(str(path))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Voortgangsrapportage Gooi en Vechtstreek, 2025-Q1" in text
    assert "Toekomsttuin Hilversum 1 0 voorlopig" in text and "Regio Gooi en Vechtstreek 1 0" in text
    assert "Een TOP3-plan maken in een netwerkberaad" in text and "Knelpunt:" in text
    assert "Zes vervolgscenario's." in text and "Het Rijk denkt na over wetgeving." in text
    assert reader.metadata.title == "Voortgangsrapportage Gooi en Vechtstreek, 2025-Q1"


def test_an_empty_quarter_says_so(region, site, tmp_path):
    path = tmp_path / "leeg.docx"
    run("--region", "GV", "--quarter", "2024-Q3", "--format", "docx", "--output", str(path))
    texts = [p.text for p in Document(str(path)).paragraphs]
    assert "Geen lessen over de inhoud in dit kwartaal." in texts and "Nog niets geschreven." in texts


def test_command_errors_are_dutch(region):
    with pytest.raises(CommandError, match="Onbekende regio"):
        run("--region", "XX", "--quarter", "2025-Q1")
    with pytest.raises(CommandError, match="JJJJ-Qn"):
        run("--region", "GV", "--quarter", "2025-5")
    with pytest.raises(CommandError, match="--output BESTAND"):
        run("--region", "GV", "--quarter", "2025-Q1", "--format", "docx")
