"""The budget pages: the report for the lead, coordinators and policy of the region; editing a year; importing a
file with every problem shown and nothing saved; Excel and PDF downloads read back."""
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tandem.budget import services
from tandem.budget.models import BudgetLine
from tandem.budget.selectors import budget_report

pytestmark = pytest.mark.django_db

SEED = ("year;kind;line;amount;spent\n2024;cost;Projectleider;108.000;\n2024;income;DUVO (POK-middelen);254.000;\n"
        "2025;cost;Projectleider;108.000;54.000\n2025;cost;Gezamenlijke taal en instrumenten (uren);132.480;\n"
        "2025;income;DUVO (POK-middelen);254.000;\n2024;total;Totaal;100.000\n")


@pytest.fixture
def budget(region):
    return services.budget_import(actor=None, region=region, filename="b.csv", data=SEED.encode())


def test_the_report_page_shows_the_carry_over_the_warning_and_the_hour_lines(client, lead, budget):
    client.force_login(lead)
    html = client.get("/begroting/GV/").content.decode()
    assert "€ 108.000,00" in html and "€ 146.000,00" in html  # 2024's balance
    # 2025: 146.000 carried in + 254.000 income − 240.480 costs
    assert "Saldo vorig jaar (meegenomen)" in html and "€ 159.520,00" in html
    assert "wijkt af van de som van de kostenregels" in html
    assert "2025: Gezamenlijke taal en instrumenten (uren) – € 132.480,00" in html
    assert "/begroting/GV/jaar/2025/" in html and "/begroting/GV/inlezen/" in html


def test_policy_reads_but_does_not_edit(client, policy, budget):
    client.force_login(policy)
    html = client.get("/begroting/GV/").content.decode()
    assert "€ 108.000,00" in html and "/begroting/GV/jaar/" not in html and "/inlezen/" not in html
    assert client.get("/begroting/GV/jaar/2025/").status_code == 403
    assert client.post("/begroting/GV/inlezen/", {}).status_code == 403
    assert client.get("/begroting/GV/verantwoording/2025/").status_code == 200


@pytest.mark.parametrize("who", ["consulent", "partner", "expert", "beheerder"])
def test_dossier_roles_find_nothing(who, client, actors, orgs, password, budget):
    from programme.people import person

    user = person("ben", "beheerder", orgs["coord"], password) if who == "beheerder" else actors[who]
    client.force_login(user)
    for url in ("/begroting/", "/begroting/GV/", "/begroting/GV/jaar/2025/", "/begroting/GV/excel/"):
        assert client.get(url).status_code == 404, url


def test_another_region_finds_nothing_here(client, far_coordinator, budget):
    client.force_login(far_coordinator)
    assert client.get("/begroting/GV/").status_code == 404
    assert client.post("/begroting/GV/inlezen/", {}).status_code == 404
    assert client.get("/begroting/").url == "/begroting/CG/"


def _year_post(version, rows):
    data = {"expected_version": version, "regels-TOTAL_FORMS": len(rows), "regels-INITIAL_FORMS": 0,
            "regels-MIN_NUM_FORMS": 0, "regels-MAX_NUM_FORMS": 1000}
    for i, row in enumerate(rows):
        data.update({f"regels-{i}-{key}": value for key, value in row.items()})
    return data


def test_editing_a_year_with_dutch_amounts(client, lead, region, budget):
    client.force_login(lead)
    html = client.get("/begroting/GV/jaar/2025/").content.decode()
    assert 'value="108.000,00"' in html and 'value="54.000,00"' in html
    response = client.post("/begroting/GV/jaar/2025/", _year_post(1, [
        {"kind": "cost", "name": "Projectleider", "amount": "110.000,00", "spent": "60.000"},
        {"kind": "cost", "name": "Gezamenlijke taal en instrumenten (uren)", "amount": "132.480", "DELETE": "on"},
        {"kind": "income", "name": "DUVO (POK-middelen)", "amount": "254000"},
        {"kind": "cost", "name": "", "amount": ""}]))
    assert response.status_code == 302
    year = budget_report(region)["years"][1]
    assert year["costs"] == {"Projectleider": "110000.00"} and year["income_lines"] == "254000.00"


def test_a_wrong_amount_is_shown_at_its_field_and_nothing_is_saved(client, lead, region, budget):
    client.force_login(lead)
    response = client.post("/begroting/GV/jaar/2025/", _year_post(1, [
        {"kind": "cost", "name": "Projectleider", "amount": "veel"}]))
    html = response.content.decode()
    assert response.status_code == 200 and "error-summary" in html and "is geen bedrag" in html
    assert BudgetLine.objects.filter(year=2025).count() == 3


def test_a_stale_year_form_is_refused(client, lead, region, budget):
    client.force_login(lead)
    response = client.post("/begroting/GV/jaar/2025/", _year_post(0, [
        {"kind": "cost", "name": "Projectleider", "amount": "1"}]))
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    assert BudgetLine.objects.filter(year=2025).count() == 3


def test_importing_on_the_web_page(client, lead, region):
    client.force_login(lead)
    upload = SimpleUploadedFile("begroting.csv", SEED.encode(), content_type="text/csv")
    response = client.post("/begroting/GV/inlezen/", {"expected_version": 0, "file": upload}, follow=True)
    html = response.content.decode()
    assert "5 regels ingelezen voor 2024, 2025" in html and "Let op: Jaar 2024" in html
    assert BudgetLine.objects.count() == 5


def test_an_import_with_problems_shows_each_and_saves_nothing(client, lead, region):
    client.force_login(lead)
    bad = SimpleUploadedFile("b.csv", b"year;kind;line;amount\n2025;cost;A;1,5\n2025;cost;B;x\n2025;cost;a;2\n")
    html = client.post("/begroting/GV/inlezen/", {"expected_version": 0, "file": bad}).content.decode()
    assert "Rij 3, kolom amount: Het bedrag &#x27;x&#x27; is geen bedrag" in html
    assert "Rij 4, kolom line: de regel &#x27;a&#x27; (kosten) van 2025 staat ook in rij 2" in html
    assert "Nog niets is opgeslagen" in html and not BudgetLine.objects.exists()


def test_the_account_page(client, actors, budget):
    client.force_login(actors["coordinator"])
    html = client.get("/begroting/GV/verantwoording/2025/").content.decode()
    assert "€ 54.000,00" in html and "50,0 %" in html and "Totaal kosten" in html
    assert client.get("/begroting/GV/verantwoording/1999/").status_code == 404


def test_downloads_read_back(client, lead, budget):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    client.force_login(lead)
    response = client.get("/begroting/GV/excel/")
    assert response["Content-Disposition"] == 'attachment; filename="begroting-GV.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    rows = {row[0]: row[1:] for row in book["Begroting"].iter_rows(min_row=3, values_only=True)}
    assert rows["Projectleider"] == (108000.0, 108000.0) and rows["Saldo"] == (146000.0, 159520.0)
    assert rows["Gezamenlijke taal en instrumenten (uren)"] == ("–", 132480.0)
    account = list(book["Verantwoording"].iter_rows(min_row=2, values_only=True))
    assert (2025, "Projectleider", "kosten", 108000.0, 54000.0, 54000.0) in account
    response = client.get("/begroting/GV/pdf/")
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Begroting Gooi en Vechtstreek" in text and "€ 159.520,00" in text and "Halfjaarlijkse" in text
