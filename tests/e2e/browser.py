"""Browser steps the end-to-end tests share; axe-core checks every page they land on.

Signing a professional in goes through the real pages: password, then the TOTP code computed by the django-otp
device. Each test user gets a confirmed device with a known (test-only) secret just before."""
import time

from tandem.accounts.models import AuthenticatorDevice
from tandem.organisations.models import User

E2E_SECRET = "KRAW4RCFJVPUKMSFKRAW4RCFJVPUKMSF"
CODE_LABEL = "Code uit uw authenticator-app"


def give_device(username: str) -> None:
    AuthenticatorDevice.objects.update_or_create(
        user=User.objects.get(username=username),
        defaults={"key": AuthenticatorDevice.key_from_base32(E2E_SECRET), "confirmed": True, "last_t": -1,
                  "name": "e2e"})


def code_now(secret: str = E2E_SECRET, offset_steps: int = 0) -> str:
    return AuthenticatorDevice(key=AuthenticatorDevice.key_from_base32(secret)).code_at(time.time() + 30 * offset_steps)


def password_step(page, live_server, axe, username, password):
    page.goto(live_server.url + "/inloggen/")
    axe.check(page)
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def sign_in(page, live_server, axe, username, password):
    """Both steps; axe-core checks the login page and the code page."""
    give_device(username)
    password_step(page, live_server, axe, username, password)
    assert "/inloggen/code/" in page.url
    axe.check(page)
    page.get_by_label(CODE_LABEL).fill(code_now())
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_load_state()
    assert "/inloggen/" not in page.url


def wrong_code(secret: str = E2E_SECRET) -> str:
    """A well-formed code that is not valid now."""
    valid = {code_now(secret, offset) for offset in (-1, 0, 1)}
    return next(c for c in ("123456", "654321", "111111", "222222") if c not in valid)


def log_in(page, live_server, axe, username, password):
    """Both sign-in steps, then axe-core on the first page after them."""
    sign_in(page, live_server, axe, username, password)
    axe.check(page)


def choose(page, label, text):
    """Select the option of the labelled <select> whose text contains `text`."""
    select = page.get_by_label(label)
    select.select_option(select.locator("option", has_text=text).first.get_attribute("value"))


def visit(page, axe, link_name):
    page.get_by_role("link", name=link_name).first.click()
    page.wait_for_load_state()
    axe.check(page)


def submit(page, axe, button_name):
    page.get_by_role("button", name=button_name).first.click()
    page.wait_for_load_state()
    axe.check(page)
    assert "Er ging iets mis" not in page.content()
