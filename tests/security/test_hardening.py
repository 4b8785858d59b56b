"""Hardening: security headers on every page, a clean `tandem check --deploy` in production mode, a secret
from the environment, and URLs that cannot carry personal data."""
import os
import re
import subprocess
import sys

from django.urls import reverse

from .test_url_roles import PARAM, all_routes

# The only things a URL may carry: random ids, row numbers, the monitor's site codes and quarters, region codes
# and years.
ALLOWED_PARAMS = {"household_id", "trajectory_id", "member_id", "membership_id", "involvement_id", "consent_id",
                  "number", "agreement_id", "challenge_id", "version_id", "entry_id", "correction_id", "request_id",
                  "kind", "code", "quarter", "question", "step",
                  # the programme and the budget: a region's code, a year, row ids of programme objects
                  "region", "year", "lesson_id", "improvement_id", "evaluation_id", "milestone_id",
                  # the working day: row ids of a request to join, a notification, a resident's own view
                  "join_request_id", "notification_id", "view_id",
                  # experts by experience: row ids of a pool entry and a call-up, its step's name, and what a
                  # resident answers about (a contact's row id or a trajectory's random id)
                  "expert_id", "call_up_id", "occasion", "object_id",
                  # beheer: row ids; a random one-time token (invitation, password reset) and Django's base64 of a
                  # user's row id in the password-reset link
                  "organisation_id", "site_id", "user_id", "reset_id", "token", "uidb64",
                  # imports and downloads: the random id of a job
                  "job_id",
                  # the beheerder's page of API clients: the row id of a client
                  "client_id",
                  # help pages: a role's name
                  "role"}
PERSONAL = re.compile(r"name|naam|bsn|birth|geboorte|email|phone|telefoon|adres|address", re.IGNORECASE)


def test_no_url_takes_a_name_bsn_or_birth_date():
    for route in all_routes():
        for match in PARAM.finditer(route):
            assert not PERSONAL.search(match["name"]), route
            assert match["name"] in ALLOWED_PARAMS, f"{route}: is '{match['name']}' personal? Add it with a reason."


def test_every_page_sends_the_security_headers(client, actors):
    client.force_login(actors["consulent"])
    response = client.get(reverse("cases:my_families"))
    csp = response["Content-Security-Policy"]
    for part in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
                 "frame-ancestors 'none'"):
        assert part in csp
    assert "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cache-Control"] == "no-store"


def test_no_template_has_inline_scripts_or_styles():
    from django.conf import settings
    root = settings.BASE_DIR / "templates"
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.html")
                 if re.search(r"<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=", p.read_text())]
    assert offenders == []


def _check_deploy(**env):
    # A clean environment: no TANDEM_ settings, no DJANGO_ALLOW_ASYNC_UNSAFE (set by the e2e tests' conftest).
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("TANDEM_", "DJANGO_"))}
    environment.update(DJANGO_SETTINGS_MODULE="tandem.config.settings", **env)
    return subprocess.run([sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
                          env=environment, capture_output=True, text=True, timeout=120, check=False)


PRODUCTION = {"TANDEM_PRODUCTION": "1", "TANDEM_ALLOWED_HOSTS": "tandem.example.nl",
              "TANDEM_SECRET_KEY": "Zq8$3vB!pX7wL2#nR5tY9uE1oI4aS6dF0gH-kj8Hq2mN4bV6cX8zL1pO3iU5yT7",
              # Production keys of the data (issue 11): examples only, made for this test.
              "TANDEM_AUDIT_KEY": "voorbeeld-logboeksleutel-alleen-voor-deze-test-9f3a",
              "TANDEM_ENCRYPTION_KEYS": "dm9vcmJlZWxkc2xldXRlbC1hbGxlZW4tdGVzdC0xMjM="}
DATA_KEYS = {k: PRODUCTION[k] for k in ("TANDEM_AUDIT_KEY", "TANDEM_ENCRYPTION_KEYS")}


def test_check_deploy_is_clean_in_production_mode():
    result = _check_deploy(**PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_mode_needs_a_secret_from_the_environment():
    result = _check_deploy(TANDEM_PRODUCTION="1")
    assert result.returncode != 0 and "TANDEM_SECRET_KEY" in result.stderr


def test_production_mode_needs_the_data_keys_and_refuses_the_development_ones():
    from tandem.core.keys import DEV_AUDIT_KEY

    secret = {"TANDEM_PRODUCTION": "1", "TANDEM_SECRET_KEY": "Zq8$3vB!pX7wL2#nR5tY9uE1oI4aS6dF0gH-kj8Hq2mN4bV6cX8zL1p"}
    missing = _check_deploy(**secret, TANDEM_ENCRYPTION_KEYS=DATA_KEYS["TANDEM_ENCRYPTION_KEYS"])
    assert missing.returncode != 0 and "vraagt om TANDEM_AUDIT_KEY" in missing.stderr
    public = _check_deploy(**secret, **{**DATA_KEYS, "TANDEM_AUDIT_KEY": DEV_AUDIT_KEY})
    assert public.returncode != 0 and "TANDEM_AUDIT_KEY bevat de openbare ontwikkelsleutel" in public.stderr


def test_production_mode_refuses_the_public_development_keys():
    from tandem.config.settings import _DEV_SECRET_KEY
    from tandem.core.keys import DEV_ENCRYPTION_KEY as _DEV_ENCRYPTION_KEY

    result = _check_deploy(**{**PRODUCTION, "TANDEM_SECRET_KEY": _DEV_SECRET_KEY})
    assert result.returncode != 0 and "TANDEM_SECRET_KEY" in result.stderr
    for keys in (None, _DEV_ENCRYPTION_KEY, f"{PRODUCTION['TANDEM_ENCRYPTION_KEYS']},{_DEV_ENCRYPTION_KEY}", "te-kort"):
        environment = {k: v for k, v in PRODUCTION.items() if k != "TANDEM_ENCRYPTION_KEYS" or keys}
        if keys:
            environment["TANDEM_ENCRYPTION_KEYS"] = keys
        result = _check_deploy(**environment)
        assert result.returncode != 0 and "TANDEM_ENCRYPTION_KEYS" in result.stderr, keys
