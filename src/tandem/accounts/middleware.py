"""Every professional passes the second factor: a signed-in but unverified session reaches only the sign-in
pages (everything under /inloggen/), signing out and static files; every other URL sends it to the code step."""
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from tandem.accounts.verification import is_verified


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
        open_paths = (reverse("login"), reverse("logout"), settings.STATIC_URL or "/static/")
        return not request.path.startswith(open_paths)
