"""Two steps for every professional: password, then a TOTP code; set up on first sign-in (QR code, recovery
codes shown once); no replay."""
from django.urls import reverse

from tandem.accounts.models import AuthenticatorDevice, RecoveryCode
from tandem.accounts.verification import VERIFIED_KEY
from tandem.audit.models import AuditEvent

from .helpers import SECRET, code, give_device, password_step, wrong_code

MY_FAMILIES = reverse("cases:my_families")
VERIFY, SETUP = reverse("accounts:verify"), reverse("accounts:setup")


def test_password_alone_is_not_enough(client, actors, password):
    give_device(actors["consulent"])
    response = password_step(client, "anna", password)
    assert response.status_code == 302 and response["Location"] == VERIFY
    assert VERIFIED_KEY not in client.session
    for url in (MY_FAMILIES, reverse("monitor:index"), "/mijn/uitnodigen/gezin/00000000-0000-0000-0000-000000000000/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == VERIFY, url


def test_the_code_step_signs_in_and_goes_to_the_page_asked_for(client, actors, password):
    give_device(actors["consulent"])
    password_step(client, "anna", password, next=reverse("monitor:index"))
    page = client.get(VERIFY)
    assert page.status_code == 200 and "Code uit uw authenticator-app" in page.content.decode()
    response = client.post(VERIFY, {"code": code()})
    assert response.status_code == 302 and response["Location"] == reverse("monitor:index")
    assert client.get(MY_FAMILIES).status_code == 200
    assert AuditEvent.objects.filter(action="sign_in", actor_id=actors["consulent"].pk,
                                     detail={"method": "totp"}).exists()


def test_a_code_cannot_be_used_twice(client, actors, password):
    give_device(actors["consulent"])
    password_step(client, "anna", password)
    typed = code()
    assert client.post(VERIFY, {"code": typed}).status_code == 302
    client.post(reverse("logout"))
    password_step(client, "anna", password)
    response = client.post(VERIFY, {"code": typed})
    assert response.status_code == 200 and "Deze code klopt niet" in response.content.decode()
    assert client.get(MY_FAMILIES)["Location"] == VERIFY


def test_a_wrong_code_is_refused_and_logged_without_the_code(client, actors, password):
    give_device(actors["consulent"])
    password_step(client, "anna", password)
    wrong = wrong_code()
    response = client.post(VERIFY, {"code": wrong})
    assert response.status_code == 200 and 'aria-invalid="true"' in response.content.decode()
    event = AuditEvent.objects.get(action="sign_in_failed")
    assert event.actor_id == actors["consulent"].pk and event.detail == {"step": "code"}
    assert wrong not in str(AuditEvent.objects.values_list("detail", "object_id", "purpose"))


def test_first_sign_in_sets_up_the_app_with_a_qr_code_and_recovery_codes(client, actors, password):
    response = password_step(client, "anna", password)
    assert response["Location"] == SETUP
    page = client.get(SETUP).content.decode()
    device = AuthenticatorDevice.objects.get(user=actors["consulent"])
    assert not device.confirmed and device.base32_secret in page and "otpauth://totp/Tandem" in page
    assert 'src="data:image/svg+xml' in page and "QR-code" in page  # an image CSP allows (img-src data:)
    assert client.get(SETUP).content.decode().count(device.base32_secret) >= 1  # the same secret again
    assert client.post(SETUP, {"code": wrong_code(device.base32_secret)}).status_code == 200
    response = client.post(SETUP, {"code": code(device.base32_secret)})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    codes = response.context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10 and all(c in response.content.decode() for c in codes)
    assert not RecoveryCode.objects.filter(code_hash__in=codes).exists()  # only keyed hashes are stored
    assert response.context["next"] == MY_FAMILIES
    device.refresh_from_db()
    assert device.confirmed and device.last_t > 0
    assert client.get(SETUP)["Location"] == MY_FAMILIES  # verified: nothing more to set up
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"totp_confirmed", "recovery_codes_created", "sign_in"} <= actions


def test_a_recovery_code_signs_in_once(client, actors, password):
    from tandem.accounts.services import recovery_codes_create

    give_device(actors["consulent"])
    codes = recovery_codes_create(user=actors["consulent"])
    password_step(client, "anna", password)
    assert "herstelcode" in client.get(VERIFY).content.decode()
    response = client.post(reverse("accounts:recovery"), {"code": codes[3].lower().replace("-", " ")})
    assert response.status_code == 302 and response["Location"] == MY_FAMILIES
    assert AuditEvent.objects.filter(action="sign_in", detail={"method": "recovery_code"}).exists()
    client.post(reverse("logout"))
    password_step(client, "anna", password)
    response = client.post(reverse("accounts:recovery"), {"code": codes[3]})
    assert response.status_code == 200 and "al gebruikt" in response.content.decode()
    assert client.get(MY_FAMILIES)["Location"] == VERIFY
    assert client.post(reverse("accounts:recovery"), {"code": codes[4]})["Location"] == MY_FAMILIES


def test_new_recovery_codes_replace_the_old_ones(actors):
    from tandem.accounts.services import recovery_codes_create, use_recovery_code

    first = recovery_codes_create(user=actors["consulent"])
    second = recovery_codes_create(user=actors["consulent"])
    assert use_recovery_code(actors["consulent"], first[0]) is None
    assert use_recovery_code(actors["consulent"], second[0]) == 9
    assert use_recovery_code(actors["partner"], second[1]) is None  # someone else's code is nothing


def test_setup_is_refused_once_a_device_is_confirmed(client, actors, password):
    give_device(actors["consulent"])
    password_step(client, "anna", password)
    assert client.get(SETUP)["Location"] == VERIFY
    assert SECRET not in client.get(VERIFY).content.decode()


def test_code_pages_need_the_password_step_first(client, db):
    assert client.get(VERIFY)["Location"] == reverse("login")
    assert client.get(SETUP)["Location"] == reverse("login")


def test_unverified_session_may_sign_out_and_load_static_files(client, actors, password):
    give_device(actors["consulent"])
    password_step(client, "anna", password)
    assert client.get(reverse("login")).status_code == 200
    assert client.get("/static/tandem.css").status_code in (200, 404)  # never redirected to the code step
    assert client.get("/static/tandem.css").get("Location") is None
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert "_auth_user_id" not in client.session


def test_verification_is_bound_to_the_user(client, actors, password):
    give_device(actors["consulent"])
    password_step(client, "anna", password)
    session = client.session
    session[VERIFIED_KEY] = actors["partner"].pk  # a flag for someone else counts for nothing
    session.save()
    assert client.get(MY_FAMILIES)["Location"] == VERIFY


def test_the_resident_portal_keeps_its_own_sign_in(client, db):
    response = client.get(reverse("portal:login"))
    assert response.status_code == 200
