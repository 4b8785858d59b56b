"""The national programme team in a real browser: starts on the pilots and themes, reads in a region's signed
hand-over through the upload page, is refused the same file again, and finds the figures and the lesson.
axe-core (WCAG 2.1 A/AA) checks every page visited."""
import pytest
from browser import choose, log_in, submit, visit
from national.conftest import (  # noqa: F401 (fixtures)
    approved,
    document,
    keys,
    national,
    programme_texts,
    signed,
)

from tandem.national.models import Handover
from tandem.organisations.models import Organisation, User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_national_team_reads_in_a_hand_over_and_finds_it_back(page, live_server, axe, national, signed, password,
                                                              tmp_path):
    organisation = Organisation.objects.create(code="LP", name="Landelijk programmateam", kind="other")
    User.objects.create_user(username="lotte", password=password, first_name="Lotte", last_name="Landelijk",
                             organisation=organisation, role="landelijk")
    log_in(page, live_server, axe, "lotte", password)
    assert "Blijvend Veilig" in page.content()  # the start page: pilots and themes

    visit(page, axe, "Overdracht inlezen")
    path = tmp_path / "gv-2025-Q1.json"
    path.write_bytes(signed)
    page.get_by_label("Overdrachtsbestand (.json)").set_input_files(str(path))
    submit(page, axe, "Inlezen")
    assert "Ingelezen: Gooi en Vechtstreek, kwartaal 2025-Q1" in page.content()
    page.get_by_label("Overdrachtsbestand (.json)").set_input_files(str(path))
    submit(page, axe, "Inlezen")
    assert "al eerder ingelezen" in page.content() and "Nog niets is opgeslagen" in page.content()
    assert Handover.objects.count() == 1

    visit(page, axe, "Cijfers")
    assert "geheim" in page.content()  # one family: secret
    visit(page, axe, "Toekomsttuinen Gooi en Vechtstreek")
    assert "Specifieke opdracht" not in page.content() and "2025-Q1" in page.content()
    visit(page, axe, "Bibliotheek van lessen")
    choose(page, "Thema", "Aanpak complexe scheidingen")
    submit(page, axe, "Zoeken")
    assert "netwerkberaad in Hilversum" in page.content() and "Fatima" not in page.content()
