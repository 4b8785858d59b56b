"""'Mijn gezinnen' (issue "Tandem 6"): search (names and references; a BSN only exactly), filters, sorting, paging,
a line that tells families with one surname apart, anonymous rows that stay anonymous, nothing personal in a URL,
and a number of queries that does not grow with the number of families."""
import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tandem.audit.models import AuditEvent
from tandem.cases import services
from tandem.workspace.families import PAGE_SIZE

URL = reverse("cases:my_families")


def register(actor, site, given, surname, birth=dt.date(1985, 5, 5), bsn=""):
    return services.household_register(actor=actor, site=site, registered_on=dt.date(2025, 3, 1),
                                       measure_considered=False, members=[
                                           services.MemberData(given_names=given, family_name=surname,
                                                               birth_date=birth, bsn=bsn)])


def search(client, **criteria):
    response = client.post(URL, criteria)
    assert response.status_code == 302 and response["Location"] == URL  # the search text is not in the URL
    return client.get(URL).content.decode()


def test_two_families_with_one_surname_are_told_apart(client, actors, site):
    register(actors["consulent"], site, "Ayse", "Sahin", dt.date(1980, 1, 1))
    register(actors["consulent"], site, "Mehmet", "Sahin", dt.date(1990, 1, 1))
    client.force_login(actors["consulent"])
    html = client.get(URL).content.decode()
    assert html.count("Gezin Sahin") == 2 and "Ayse (" in html and "Mehmet (" in html


def test_search_by_name_reference_and_exact_bsn(client, actors, site, family):
    register(actors["consulent"], site, "Kees", "Jansen", bsn="123456782")
    client.force_login(actors["consulent"])
    html = search(client, text="amrani")
    assert "Gezin el Amrani / de Vries" in html and "Jansen" not in html
    html = search(client, text=family.household.short_code)
    assert "Gezin el Amrani / de Vries" in html and "Jansen" not in html
    html = search(client, text="123456782")
    assert "Gezin Jansen" in html and "Amrani" not in html
    assert "Geen gezin gevonden" in search(client, text="12345678")  # a BSN matches only whole
    assert "Geen gezin gevonden" in search(client, text="123456783")
    assert AuditEvent.objects.filter(action="search", actor_id=actors["consulent"].pk).count() == 5
    assert "123456782" not in str(AuditEvent.objects.filter(action="search").values_list("detail", flat=True))


def test_an_anonymous_row_is_never_found_by_name_or_bsn(client, actors, family, orgs):
    services.team_member_add(actor=None, trajectory=family, professional=actors["partner"], joined_on=dt.date.today())
    client.force_login(actors["partner"])
    html = client.get(URL).content.decode()
    assert f"Anoniem gezin {family.household.short_code}" in html and "Amrani" not in html and "Daan" not in html
    assert "Geen gezin gevonden" in search(client, text="Amrani")
    assert "Geen gezin gevonden" in search(client, text="111222333")
    assert "Anoniem gezin" in search(client, text=family.household.short_code)


def test_filters_and_sorting(client, actors, site, family, orgs):
    other = register(actors["consulent"], site, "Kees", "Jansen")
    services.report_record(actor=None, trajectory=other, on=dt.date(2025, 3, 2), organisation=orgs["vt"])
    services.involvement_start(actor=None, trajectory=other, organisation=orgs["vt"], form="orange",
                               start=dt.date(2025, 3, 2))
    client.force_login(actors["consulent"])
    html = search(client, regime="orange")
    assert "Gezin Jansen" in html and "Amrani" not in html
    html = search(client, regime="", phase="Aangemeld", lead="ik")
    assert "Gezin Jansen" in html and "Amrani" in html
    html = search(client, wissen="1")
    ordered = client.get(URL + "?sorteer=-naam").content.decode()
    assert ordered.index("Gezin Jansen") < ordered.index("Gezin el Amrani")
    assert 'aria-sort="descending"' in ordered


def test_paging(client, actors, site):
    for number in range(PAGE_SIZE + 2):
        register(actors["consulent"], site, "Kind", f"Familie{number:02d}")
    client.force_login(actors["consulent"])
    first, second = client.get(URL).content.decode(), client.get(URL + "?pagina=2").content.decode()
    assert "Familie00" in first and "Familie26" not in first and "Familie26" in second
    assert "Pagina 2 van 2" in second


def test_needs_attention(client, actors, family, child, site):
    register(actors["consulent"], site, "Kees", "Jansen")
    services.measure_record(actor=None, trajectory=family, type="ots", on=dt.date.today() - dt.timedelta(days=100),
                            ends_on=dt.date.today() + dt.timedelta(days=5), subject=child)
    client.force_login(actors["consulent"])
    html = search(client, attention="on")
    assert "Amrani" in html and "Jansen" not in html and "vraagt aandacht" in html


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_families(client, actors, site, orgs):
    client.force_login(actors["consulent"])
    for number in range(3):
        register(actors["consulent"], site, "Kind", f"Eerst{number}")
    few = _queries(client)
    for number in range(20):
        trajectory = register(actors["consulent"], site, "Kind", f"Later{number}")
        services.involvement_start(actor=None, trajectory=trajectory, organisation=orgs["vt"], form="consult",
                                   start=dt.date(2025, 3, 2))
    assert _queries(client) == few
