"""Signing in and out of the resident portal: a one-time code, or DigiD through OpenID Connect."""
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tandem.core.exceptions import RuleViolation
from tandem.portal import oidc, services
from tandem.portal.forms import CodeLoginForm
from tandem.portal.views.session import session_member, sign_in, sign_out

OIDC_PENDING = "portal_oidc_pending"


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


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
    context = {"title": "Inloggen", "form": form, "error": error, "digid": oidc.oidc_config() is not None}
    return _no_store(render(request, "portal/login.html", context))


@require_POST
def logout(request):
    member = session_member(request)
    if member is not None:
        services.portal_logout(member=member)
    sign_out(request)
    return redirect("portal:login")


def digid_start(request):
    config = oidc.oidc_config()
    if config is None:
        raise Http404("DigiD is hier niet ingesteld.")
    url, pending = oidc.authorization_request(config, request.build_absolute_uri(reverse("portal:digid_callback")))
    request.session[OIDC_PENDING] = pending
    return redirect(url)


def digid_callback(request):
    config = oidc.oidc_config()
    if config is None:
        raise Http404("DigiD is hier niet ingesteld.")
    pending = request.session.pop(OIDC_PENDING, None)
    try:
        bsn = oidc.bsn_from_callback(config, code=request.GET.get("code", ""), state=request.GET.get("state", ""),
                                     pending=pending)
        member = services.portal_login_with_bsn(bsn=bsn)
    except RuleViolation as exc:
        context = {"title": "Inloggen", "form": CodeLoginForm(), "error": exc.message, "digid": True}
        return _no_store(render(request, "portal/login.html", context, status=400))
    sign_in(request, member)
    return redirect("portal:home")
