"""Signing in to the resident portal: one-time codes (wrong, expired, reused, lock-out), the idle timeout,
the professional's code page, the command, and DigiD through OpenID Connect (provider replaced by a double)."""
import base64
import datetime as dt
import json
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tandem.cases import services as case_services
from tandem.cases.models import Member
from tandem.cases.services import MemberData
from tandem.core.exceptions import RuleViolation
from tandem.portal import oidc
from tandem.portal.models import PortalInvite
from tandem.portal.services import portal_invite_create, portal_login_with_code
from tandem.portal.views.session import SEEN_KEY, SESSION_KEY

pytestmark = pytest.mark.django_db
LOGIN = "/mijn/inloggen/"


def _post(client, issued, code=None):
    return client.post(LOGIN, {"login_name": issued.login_name, "code": code or issued.code})


def test_code_signs_in_with_a_new_session_key(client, mother):
    issued = portal_invite_create(actor=None, member=mother)
    client.get(LOGIN)
    before = client.session.session_key
    response = _post(client, issued, code=issued.code.lower().replace("-", " "))  # typed loosely
    assert response.status_code == 302 and response["Location"] == reverse("portal:home")
    assert client.session[SESSION_KEY] == str(mother.pk)
    assert client.session.session_key != before
    assert "_auth_user_id" not in client.session  # no Django user: residents are not professionals
    assert client.get("/mijn/").status_code == 200


def test_wrong_code_is_refused_and_counted(client, mother):
    issued = portal_invite_create(actor=None, member=mother)
    response = _post(client, issued, code="AAAA-AAAA")
    assert response.status_code == 200 and "klopt niet" in response.content.decode()
    assert SESSION_KEY not in client.session
    assert PortalInvite.objects.get().failed_attempts == 1


def test_five_wrong_codes_lock_the_code(client, mother):
    issued = portal_invite_create(actor=None, member=mother)
    for _ in range(5):
        _post(client, issued, code="AAAA-AAAA")
    response = _post(client, issued)  # even the right code no longer works
    assert "te vaak" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_expired_code_is_refused(client, mother):
    issued = portal_invite_create(actor=None, member=mother)
    PortalInvite.objects.filter(pk=issued.invite.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert "verlopen" in _post(client, issued).content.decode()
    assert SESSION_KEY not in client.session


def test_code_works_once(client, mother):
    issued = portal_invite_create(actor=None, member=mother)
    assert _post(client, issued).status_code == 302
    client.post(reverse("portal:logout"))
    assert _post(client, issued).status_code == 200
    assert SESSION_KEY not in client.session


def test_a_new_code_ends_the_earlier_one(mother):
    first = portal_invite_create(actor=None, member=mother)
    portal_invite_create(actor=None, member=mother)
    with pytest.raises(RuleViolation):
        portal_login_with_code(login_name=first.login_name, code=first.code)


def test_network_person_cannot_get_a_code(family, mother):
    oma = case_services.member_add(actor=None, household=family.household, data=MemberData(
        given_names="Truus", family_name="Amrani", is_network=True, relation="oma"))
    with pytest.raises(RuleViolation) as exc:
        portal_invite_create(actor=None, member=oma)
    assert exc.value.code == "network_no_portal"


def test_idle_session_signs_out(resident, settings):
    session = resident.session
    session[SEEN_KEY] = time.time() - settings.SESSION_COOKIE_AGE - 5
    session.save()
    response = resident.get("/mijn/")
    assert response.status_code == 302 and response["Location"] == reverse("portal:login")


def test_pages_need_a_resident_not_a_professional(client, actors, family, password):
    client.login(username="anna", password=password)
    assert client.get("/mijn/journaal/")["Location"] == reverse("portal:login")


def test_logout_ends_the_portal_session(resident):
    resident.post(reverse("portal:logout"))
    assert resident.get("/mijn/").status_code == 302


def test_professional_makes_a_code_on_the_invite_page(client, actors, family, mother, password):
    client.login(username="anna", password=password)
    page = client.get(reverse("portal:invite_household", args=[family.household_id])).content.decode()
    assert "Fatima" in page
    response = client.post(reverse("portal:invite_member", args=[mother.pk]))
    assert response["Cache-Control"] == "no-store"
    issued = response.context["issued"]
    assert issued.code in response.content.decode()
    assert issued.code not in PortalInvite.objects.get().code_hash  # only the hash is stored
    assert portal_login_with_code(login_name=issued.login_name, code=issued.code) == mother


def test_outsider_cannot_make_a_code(client, actors, family, mother, password):
    client.login(username="dirk", password=password)
    assert client.post(reverse("portal:invite_member", args=[mother.pk])).status_code == 404
    assert not PortalInvite.objects.exists()


def test_portal_code_command(mother):
    out = StringIO()
    call_command("portal_code", str(mother.pk), stdout=out)
    text = out.getvalue()
    code = text.split("Inlogcode: ")[1].split()[0]
    assert portal_login_with_code(login_name=str(mother.pk)[:8], code=code) == mother


# --- DigiD through OpenID Connect. Only the provider is replaced (no network): `oidc.token_exchange`. ---

ISSUER = "https://digid.example.test"


@pytest.fixture
def oidc_settings(settings):
    settings.TANDEM_PORTAL_OIDC_ISSUER = ISSUER
    settings.TANDEM_PORTAL_OIDC_CLIENT_ID = "tandem"
    settings.TANDEM_PORTAL_OIDC_CLIENT_SECRET = "geheim"
    return settings


def _id_token(claims: dict) -> str:
    part = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"eyJhbGciOiJSUzI1NiJ9.{part}.handtekening"


def _provider_double(monkeypatch, claims_for_nonce):
    """Stands in for the outside provider's token endpoint only; state, nonce, claims and the BSN lookup are
    the real code."""
    calls = []

    def token_exchange(config, *, code, redirect_uri, verifier):
        calls.append({"code": code, "redirect_uri": redirect_uri, "verifier": verifier})
        return {"access_token": "x", "token_type": "Bearer", "id_token": _id_token(claims_for_nonce())}

    monkeypatch.setattr(oidc, "token_exchange", token_exchange)
    return calls


def _start(client):
    response = client.get(reverse("portal:digid_start"))
    assert response.status_code == 302 and response["Location"].startswith(ISSUER + "/authorize?")
    return client.session["portal_oidc_pending"]


def test_digid_callback_maps_the_bsn_to_the_member(client, child, oidc_settings, monkeypatch):
    Member.objects.filter(pk=child.pk).update(birth_date=dt.date(2010, 5, 2))  # 12 or older: may sign in
    pending = {}
    calls = _provider_double(monkeypatch, lambda: {"iss": ISSUER, "aud": "tandem", "exp": time.time() + 60,
                                                   "nonce": pending["nonce"], "bsn": "111222333"})
    pending.update(_start(client))
    response = client.get(reverse("portal:digid_callback"), {"code": "abc", "state": pending["state"]})
    assert response.status_code == 302 and client.session[SESSION_KEY] == str(child.pk)
    assert calls[0]["verifier"] == pending["verifier"]


def test_digid_callback_refuses_a_wrong_state_or_unknown_bsn(client, child, oidc_settings, monkeypatch):
    pending = {}
    _provider_double(monkeypatch, lambda: {"iss": ISSUER, "aud": "tandem", "exp": time.time() + 60,
                                           "nonce": pending["nonce"], "bsn": "999999999"})
    pending.update(_start(client))
    assert client.get(reverse("portal:digid_callback"), {"code": "abc", "state": "vals"}).status_code == 400
    pending.update(_start(client))
    response = client.get(reverse("portal:digid_callback"), {"code": "abc", "state": pending["state"]})
    assert response.status_code == 400 and SESSION_KEY not in client.session


def test_claims_must_match_issuer_audience_expiry_and_nonce(oidc_settings):
    config = oidc.oidc_config()
    good = {"iss": ISSUER, "aud": ["tandem"], "exp": time.time() + 60, "nonce": "n", "bsn": "111222333"}
    assert oidc.check_claims(config, good, nonce="n") == "111222333"
    for change in ({"iss": "https://kwaad.test"}, {"aud": "ander"}, {"exp": time.time() - 1}, {"nonce": "x"}):
        with pytest.raises(RuleViolation):
            oidc.check_claims(config, {**good, **change}, nonce="n")


def test_digid_button_hidden_without_settings(client, db):
    assert "DigiD" not in client.get(LOGIN).content.decode()
    assert client.get(reverse("portal:digid_start")).status_code == 404


def test_digid_button_shown_with_settings(client, db, oidc_settings):
    assert "Inloggen met DigiD" in client.get(LOGIN).content.decode()
