"""Signing in as a load-test (or demo) user over HTTP, as a person does: password, then the six-digit code.

One small function on purpose: when the sign-in changes (e.g. TOTP through django-otp), adapt `sign_in` and
`current_code` here. The code comes from the accounts app's own TOTP code and the public demo secret, which only
demo and load-test users have (`tandem loadtest-data`).
"""
import re
import time

from tandem.accounts import totp
from tandem.demo.people import DEMO_PASSWORD, DEMO_TOTP_SECRET

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def csrf_of(html: str) -> str:
    match = CSRF.search(html)
    return match[1] if match else ""


def current_code(step_offset: int = 0) -> str:
    return totp.code_at(DEMO_TOTP_SECRET, time.time() + step_offset * totp.STEP)


def sign_in(session, base_url: str, username: str, *, name: str = "inloggen") -> bool:
    """Sign `session` (requests.Session or locust's HttpSession) in; True when fully signed in. A code is accepted once
    per user, so a refused code is retried with the next step's code (the server accepts one step of drift)."""
    page = _get(session, f"{base_url}/inloggen/", name)
    data = {"username": username, "password": DEMO_PASSWORD, "csrfmiddlewaretoken": csrf_of(page.text)}
    response = _post(session, f"{base_url}/inloggen/", data, name)
    if "/inloggen/code/" not in response.headers.get("Location", ""):
        return False
    for offset in (0, 1):
        form = _get(session, f"{base_url}/inloggen/code/", name)
        data = {"code": current_code(offset), "csrfmiddlewaretoken": csrf_of(form.text)}
        response = _post(session, f"{base_url}/inloggen/code/", data, name)
        if response.status_code == 302 and "/inloggen" not in response.headers.get("Location", ""):
            return True
    return False


def _named(session) -> bool:
    return type(session).__module__.startswith("locust")


def _get(session, url: str, name: str):
    return session.get(url, name=name) if _named(session) else session.get(url)


def _post(session, url: str, data: dict, name: str):
    if _named(session):
        return session.post(url, data=data, allow_redirects=False, name=name)
    return session.post(url, data=data, allow_redirects=False)
