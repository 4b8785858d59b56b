"""Every professional passes the second factor (TwoFactorMiddleware), and no session lasts longer than
TANDEM_SESSION_MAX_SECONDS (SessionLifetimeMiddleware).

TwoFactorMiddleware: a signed-in but unverified session reaches only the sign-in
pages (everything under /inloggen/), signing out and static files; every other URL sends it to the code step."""
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.shortcuts import redirect
from django.urls import reverse

from tandem.accounts.verification import is_verified
from tandem.audit.services import audit_record


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._needs_code(request):
            return redirect("accounts:verify")
        return self.get_response(request)

    @staticmethod
    def _needs_code(request) -> bool:
        if not request.user.is_authenticated or is_verified(request):
            return False
        open_paths = (reverse("login"), reverse("logout"), settings.STATIC_URL or "/static/",
                      reverse("appearance:theme_css"), reverse("help:index"))
        return not request.path.startswith(open_paths)


STARTED_KEY = "tandem_signed_in_at"
PORTAL_MEMBER_KEY = "portal_member_id"  # the portal's own sign-in (portal/views/session.py)


class SessionLifetimeMiddleware:
    """An absolute session lifetime besides the idle one: TANDEM_SESSION_MAX_SECONDS (default 10 hours) after a
    professional or a resident signed in, the session ends however active it was. The time is written on the
    first signed-in request and removed with the sign-in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in = request.user.is_authenticated or bool(request.session.get(PORTAL_MEMBER_KEY))
        started = request.session.get(STARTED_KEY)
        if not signed_in:
            if started is not None:
                del request.session[STARTED_KEY]
        elif started is None:
            request.session[STARTED_KEY] = time.time()
        elif time.time() - float(started) > settings.TANDEM_SESSION_MAX_SECONDS:
            self._end(request)
        return self.get_response(request)

    @staticmethod
    def _end(request):
        if request.user.is_authenticated:
            audit_record(actor=request.user, action="session_expired",
                         detail={"max_seconds": settings.TANDEM_SESSION_MAX_SECONDS})
        auth_logout(request)  # flushes the session: the portal's member too
        messages.info(request, "U was te lang ingelogd en bent automatisch uitgelogd. Log opnieuw in.")
