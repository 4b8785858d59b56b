"""Professionals' sign-in: password, then a code from the authenticator app (set up on first sign-in, with a QR
code and one-time recovery codes), or the organisation's OpenID Connect provider.

A session is fully signed in only after the second step (`verification.mark_verified`); until then
`TwoFactorMiddleware` sends every page to the code step."""
import segno
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.views import LoginView, LogoutView
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from tandem.accounts import lockout, oidc, services
from tandem.accounts.forms import CodeForm, LockingAuthenticationForm
from tandem.accounts.verification import clear_verified, is_verified, mark_verified
from tandem.core.openid_connect import FlowCallbackView, FlowStartView, enabled
from tandem.workspace.views.start import start_url_name

NEXT_KEY = "accounts_next"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _next_url(request) -> str:
    """Where to go once fully signed in: the remembered page if it is ours, else the start page of the role."""
    target = request.session.get(NEXT_KEY) or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse(start_url_name(request.user))


def _second_step(request, user):
    """After the first factor: straight in when already verified, else the code or the setup step."""
    if is_verified(request):
        return redirect(_next_url(request))
    name = "accounts:verify" if services.confirmed_device(user) else "accounts:setup"
    return redirect(name)


class SignInView(LoginView):
    template_name = "registration/login.html"
    form_class = LockingAuthenticationForm

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "organisation_sign_in": enabled(oidc.FLOW)}

    def form_valid(self, form):
        user = form.get_user()
        auth_login(self.request, user)
        clear_verified(self.request)
        self.request.session[NEXT_KEY] = self.get_redirect_url()
        return _second_step(self.request, user)


def _finish(request, user, method: str) -> str:
    """Both factors passed: log it, mark the session verified (new session key); where to go next."""
    services.register_success(user, method=method)
    target = _next_url(request)
    mark_verified(request, user)
    request.session.pop(NEXT_KEY, None)
    return target


def _locked_out(request):
    auth_logout(request)
    messages.error(request, lockout.LOCKED)
    return redirect("login")


WRONG_CODE = "Deze code klopt niet. Typ de code die uw app nu toont; elke code werkt één keer."


def _code_attempt(request, check, *, wrong: str = WRONG_CODE):
    """Shared by the code, recovery and setup steps: a place on the lock-out counters first, then the check.
    Returns (form, result of check or None, response when the attempt ended the sign-in)."""
    user = request.user
    form = CodeForm(request.POST)
    attempt = lockout.attempt_start(username=user.get_username(), address=lockout.client_address(request))
    if attempt is None:
        services.refuse_locked(user=user, step="code")
        return form, None, _locked_out(request)
    result = check(form.cleaned_data["code"]) if form.is_valid() else None
    if result is not None and result is not False:
        lockout.attempt_release(attempt)
        return form, result, None
    if services.record_failure(attempt, user=user, step="code"):
        return form, None, _locked_out(request)
    form.add_error("code", wrong)
    return form, None, None


def _guard(request):
    """The code steps are only for someone who passed the first step and is not yet verified."""
    if not request.user.is_authenticated:
        return redirect("login")
    if is_verified(request):
        return redirect(_next_url(request))
    return None


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


def verify(request):
    if (early := _guard(request)) is not None:
        return early
    device = services.confirmed_device(request.user)
    if device is None:
        return redirect("accounts:setup")
    form = CodeForm()
    if request.method == "POST":
        form, ok, ended = _code_attempt(request, lambda code: services.use_code(device, code))
        if ended is not None:
            return ended
        if ok:
            return redirect(_finish(request, request.user, "totp"))
    return _no_store(render(request, "registration/totp_verify.html", {"title": "Code invullen", "form": form}))


def recovery(request):
    """Phone lost: one of the recovery codes shown at set-up, once each."""
    if (early := _guard(request)) is not None:
        return early
    form = CodeForm()
    if request.method == "POST":
        form, left, ended = _code_attempt(request, lambda code: services.use_recovery_code(request.user, code),
                                          wrong="Deze herstelcode klopt niet of is al gebruikt.")
        if ended is not None:
            return ended
        if left is not None:
            target = _finish(request, request.user, "recovery_code")
            messages.warning(request, f"U bent ingelogd met een herstelcode. U heeft er nog {left} over. "
                                      "Vraag uw beheerder de tweestapsverificatie opnieuw in te stellen.")
            return redirect(target)
    return _no_store(render(request, "registration/recovery_verify.html", {"title": "Herstelcode gebruiken",
                                                                            "form": form}))


def qr_code(uri: str) -> str:
    """The QR code as an SVG data URI (CSP: img-src 'self' data:), drawn by segno."""
    return segno.make(uri, error="m").svg_data_uri(scale=4, border=2, dark="#000", light="#fff")


def setup(request):
    if (early := _guard(request)) is not None:
        return early
    if services.confirmed_device(request.user) is not None:
        return redirect("accounts:verify")
    device = services.device_for_setup(request.user)
    form = CodeForm()
    if request.method == "POST":
        form, codes, ended = _code_attempt(request, lambda code: services.device_confirm(device=device, code=code))
        if ended is not None:
            return ended
        if codes:
            context = {"title": "Uw herstelcodes", "codes": codes, "next": _finish(request, request.user, "totp")}
            return _no_store(render(request, "registration/recovery_codes.html", context))
    uri = device.config_url
    context = {"title": "Tweestapsverificatie instellen", "form": form, "secret": device.base32_secret,
               "uri": uri, "qr": qr_code(uri)}
    return _no_store(render(request, "registration/totp_setup.html", context))


class SignOutView(LogoutView):
    """Signing out is logged (`sign_out`) before the session ends."""

    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            services.sign_out_record(request.user)
        return super().post(request, *args, **kwargs)


def _refused(request, message: str):
    context = {"form": LockingAuthenticationForm(request), "oidc_error": message, "organisation_sign_in": True}
    return _no_store(render(request, "registration/login.html", context, status=400))


class OrganisationStart(FlowStartView):
    flow = oidc.FLOW

    def unavailable(self, request):
        services.log_failure(user=None, step="oidc")
        return _refused(request, oidc.FAILED)


class OrganisationCallback(FlowCallbackView):
    """The organisation's provider sends the professional back here (mozilla-django-oidc checks state, nonce,
    PKCE and the signature; `core.openid_connect` the rest)."""

    flow = oidc.FLOW

    def login_failure(self):
        services.log_failure(user=None, step="oidc")
        return _refused(self.request, oidc.FAILED)

    def login_success(self):
        request, user = self.request, self.user
        if lockout.is_locked(user.get_username()):
            services.refuse_locked(user=user, step="oidc")
            return _refused(request, lockout.LOCKED)
        next_url = request.session.get("oidc_login_next") or ""
        auth_login(request, user, backend=MODEL_BACKEND)
        clear_verified(request)
        request.session[NEXT_KEY] = next_url
        if user.oidc_multi_factor:
            return redirect(_finish(request, user, "oidc_mfa"))
        return _second_step(request, user)
