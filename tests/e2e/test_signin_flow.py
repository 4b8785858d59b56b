"""First sign-in of a professional in a real browser: password, setting up the authenticator app from the QR
code, a wrong code, the right one, the recovery codes shown once; signing in with a recovery code; and the
lock-out message. axe-core (WCAG 2.1 A/AA) on every page."""
import pytest
from browser import CODE_LABEL, code_now, give_device, password_step, wrong_code

from tandem.accounts.services import recovery_codes_create
from tandem.organisations.models import User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def type_code(page, axe, code, button, label=CODE_LABEL):
    page.get_by_label(label).fill(code)
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()
    axe.check(page)


def test_first_sign_in_sets_up_the_app(page, live_server, axe, actors, password):
    password_step(page, live_server, axe, "anna", password)
    assert "/inloggen/instellen/" in page.url
    axe.check(page)
    qr = page.get_by_role("img", name="QR-code om Tandem toe te voegen aan uw authenticator-app")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")  # the data URI rendered under the CSP
    secret = page.locator("#geheim").inner_text().strip()
    type_code(page, axe, wrong_code(secret), "Instellen en inloggen")
    assert "Deze code klopt niet" in page.content()
    type_code(page, axe, code_now(secret), "Instellen en inloggen")
    assert page.get_by_role("heading", name="Uw herstelcodes").count() == 1
    codes = page.locator("#herstelcodes li").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="Ik heb mijn herstelcodes bewaard, verder").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Mijn gezinnen").count() >= 1


def test_sign_in_with_a_recovery_code(page, live_server, axe, actors, password):
    give_device("anna")
    codes = recovery_codes_create(user=User.objects.get(username="anna"))
    password_step(page, live_server, axe, "anna", password)
    page.get_by_role("link", name="Log in met een herstelcode").click()
    page.wait_for_load_state()
    axe.check(page)
    type_code(page, axe, codes[0], "Inloggen met herstelcode", label="Herstelcode")
    assert "nog 9 over" in page.content()
    assert page.get_by_role("heading", name="Mijn gezinnen").count() >= 1


def test_lock_out_after_five_wrong_codes(page, live_server, axe, actors, password):
    give_device("anna")
    password_step(page, live_server, axe, "anna", password)
    for _ in range(5):
        type_code(page, axe, wrong_code(), "Controleren")
    assert page.url.endswith("/inloggen/") and "Te veel mislukte pogingen" in page.content()
