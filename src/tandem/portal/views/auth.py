"""Signing in and out of the resident portal: a one-time code, or DigiD through OpenID Connect
(mozilla-django-oidc, `portal/oidc.py`)."""
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tandem.core.exceptions import RuleViolation
from tandem.core.openid_connect import FlowCallbackView, FlowStartView
from tandem.portal import oidc, services
from tandem.portal.forms import CodeLoginForm
from tandem.portal.views.session import session_member, sign_in, sign_out


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


def _login_page(request, *, form, error: str = "", status: int = 200):
    context = {"title": "Inloggen", "form": form, "error": error, "digid": oidc.digid_enabled()}
    return _no_store(render(request, "portal/login.html", context, status=status))


def login(request):
    if session_member(request) is not None:
        return redirect("portal:home")
    form = CodeLoginForm(request.POST if request.method == "POST" else None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            member = services.portal_login_with_code(**form.cleaned_data)
        except RuleViolation as exc:
            error = exc.message
        else:
            sign_in(request, member)
            return redirect("portal:home")
    return _login_page(request, form=form, error=error)


@require_POST
def logout(request):
    member = session_member(request)
    if member is not None:
        services.portal_logout(member=member)
    sign_out(request)
    return redirect("portal:login")


class DigiDStart(FlowStartView):
    flow = oidc.FLOW

    def unavailable(self, request):
        return _login_page(request, form=CodeLoginForm(), error=oidc.FAILED, status=400)


class DigiDCallback(FlowCallbackView):
    """DigiD sends the resident back here; the BSN from the verified ID token names the household member."""

    flow = oidc.FLOW

    def login_failure(self):
        services.portal_login_refused(reason="digid")
        return _login_page(self.request, form=CodeLoginForm(), error=oidc.FAILED, status=400)

    def login_success(self):
        try:
            member = services.portal_login_with_bsn(bsn=self.user.bsn)
        except RuleViolation as exc:
            services.portal_login_refused(reason="digid_no_member")
            return _login_page(self.request, form=CodeLoginForm(), error=exc.message, status=400)
        sign_in(self.request, member)
        return redirect("portal:home")
