"""First sign-in of a professional in a real browser: password, setting up the authenticator app, a wrong
code, the right one; and the lock-out message. axe-core (WCAG 2.1 A/AA) on every page."""
import pytest
from browser import CODE_LABEL, give_device, password_step, wrong_code

from tandem.accounts import totp

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def type_code(page, axe, code, button):
    page.get_by_label(CODE_LABEL).fill(code)
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()
    axe.check(page)


def test_first_sign_in_sets_up_the_app(page, live_server, axe, actors, password):
    password_step(page, live_server, axe, "anna", password)
    assert "/inloggen/instellen/" in page.url
    axe.check(page)
    secret = page.locator("#geheim").inner_text().strip()
    type_code(page, axe, wrong_code(secret), "Instellen en inloggen")
    assert "Deze code klopt niet" in page.content()
    type_code(page, axe, totp.code_at(secret), "Instellen en inloggen")
    assert page.get_by_role("heading", name="Mijn gezinnen").count() >= 1


def test_lock_out_after_five_wrong_codes(page, live_server, axe, actors, password):
    give_device("anna")
    password_step(page, live_server, axe, "anna", password)
    for _ in range(5):
        type_code(page, axe, wrong_code(), "Controleren")
    assert page.url.endswith("/inloggen/") and "Te veel mislukte pogingen" in page.content()
