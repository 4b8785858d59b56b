"""A guardrail refusal offers the step that unblocks it and returns to the form with what was typed (issue
"Tandem 6"): green without consent -> record the consent first -> back on the involvement form, filled in."""
import re
from urllib.parse import unquote

from django.urls import reverse

from tandem.cases.models import Involvement


def test_record_the_consent_first_and_come_back(client, actors, family, mother, orgs):
    client.force_login(actors["consulent"])
    form_url = reverse("cases:involvement_start", args=[family.pk])
    typed = {"expected_version": family.version, "organisation": orgs["vt"].pk, "form": "green",
             "start": "2025-02-01", "household_informed_on": ""}
    html = client.post(form_url, typed).content.decode()
    assert "Registreer eerst de toestemming" in html and not Involvement.objects.exists()
    consent_url = reverse("cases:consent_record", args=[family.pk])
    link = f"{consent_url}?next={form_url.replace('/', '%2F')}&amp;organisatie={orgs['vt'].pk}"
    assert link in html and "Leg eerst de toestemming vast" in html
    family.refresh_from_db()
    consent = {"expected_version": family.version, "given_by": mother.pk, "organisation": orgs["vt"].pk,
               "purpose": "samenwerken", "given_on": "2025-01-20", "how": "paper", "expert_scope": "basic"}
    response = client.post(unquote(link.replace("&amp;", "&")), consent)
    assert response.status_code == 302 and response["Location"] == form_url  # back to the refused form
    again = client.get(form_url).content.decode()
    assert 'value="2025-02-01"' in again and re.search(r'value="green"[^>]*checked', again)
    assert not re.search(r'value="consult"[^>]*checked', again)
    family.refresh_from_db()
    assert f'name="expected_version" value="{family.version}"' in again  # the version of now: no stale refusal
    typed["expected_version"] = family.version
    assert client.post(form_url, typed).status_code == 302
    assert Involvement.objects.get().form == "green"


def test_next_only_goes_to_a_dossier_page(client, actors, family, mother, orgs):
    client.force_login(actors["consulent"])
    consent = {"expected_version": family.version, "given_by": mother.pk, "organisation": orgs["vt"].pk,
               "purpose": "samenwerken", "given_on": "2025-01-20", "how": "paper", "expert_scope": "basic"}
    url = reverse("cases:consent_record", args=[family.pk]) + "?next=https://example.org/"
    response = client.post(url, consent)
    assert response["Location"] == reverse("cases:household", args=[family.household_id])
