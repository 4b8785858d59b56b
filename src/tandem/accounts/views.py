"""Professionals' sign-in: password, then a TOTP code (set up on first sign-in), or the organisation's provider.

A session is fully signed in only after the second step (`verification.mark_verified`); until then
`TwoFactorMiddleware` sends every page to the code step."""
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.views import LoginView
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from tandem.accounts import oidc, services, totp
from tandem.accounts.forms import CodeForm, LockingAuthenticationForm
from tandem.accounts.verification import clear_verified, is_verified, mark_verified
from tandem.core.exceptions import RuleViolation

OIDC_PENDING = "accounts_oidc_pending"
NEXT_KEY = "accounts_next"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _next_url(request) -> str:
    """Where to go once fully signed in: the remembered page if it is ours, else "Mijn gezinnen"."""
    target = request.session.get(NEXT_KEY) or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("cases:my_families")


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
        return {**super().get_context_data(**kwargs), "organisation_sign_in": oidc.oidc_config() is not None}

    def form_valid(self, form):
        user = form.get_user()
        auth_login(self.request, user)
        clear_verified(self.request)
        self.request.session[NEXT_KEY] = self.get_redirect_url()
        return _second_step(self.request, user)


def _finish(request, user, method: str):
    services.register_success(user, method=method)
    target = _next_url(request)
    mark_verified(request, user)
    request.session.pop(NEXT_KEY, None)
    return redirect(target)


def _locked_out(request):
    auth_logout(request)
    messages.error(request, services.LOCKED)
    return redirect("login")


def _code_attempt(request, check):
    """Shared by the code and setup steps: lock-out, the check, failure counting. None when it went wrong."""
    user = request.user
    form = CodeForm(request.POST)
    if services.is_locked(user.get_username()):
        services.refuse_locked(user=user, step="code")
        return form, _locked_out(request)
    if form.is_valid() and check(form.cleaned_data["code"]):
        return form, _finish(request, user, "totp")
    if services.register_failure(user.get_username(), user=user, step="code"):
        return form, _locked_out(request)
    form.add_error("code", "Deze code klopt niet. Typ de code die uw app nu toont; elke code werkt één keer.")
    return form, None


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
        form, done = _code_attempt(request, lambda code: services.use_code(device, code))
        if done is not None:
            return done
    return _no_store(render(request, "registration/totp_verify.html", {"title": "Code invullen", "form": form}))


def setup(request):
    if (early := _guard(request)) is not None:
        return early
    if services.confirmed_device(request.user) is not None:
        return redirect("accounts:verify")
    device = services.device_for_setup(request.user)
    form = CodeForm()
    if request.method == "POST":
        form, done = _code_attempt(request, lambda code: services.confirm_device(device, code))
        if done is not None:
            return done
    context = {"title": "Tweestapsverificatie instellen", "form": form, "secret": device.secret,
               "uri": totp.provisioning_uri(device.secret, request.user.get_username())}
    return _no_store(render(request, "registration/totp_setup.html", context))


def oidc_start(request):
    config = oidc.oidc_config()
    if config is None:
        raise Http404("Inloggen via de organisatie is hier niet ingesteld.")
    next_url = request.GET.get("next", "")
    url, pending = oidc.authorization_request(config, request.build_absolute_uri(reverse("accounts:oidc_callback")))
    request.session[OIDC_PENDING] = {**pending, "next": next_url}
    return redirect(url)


def oidc_callback(request):
    config = oidc.oidc_config()
    if config is None:
        raise Http404("Inloggen via de organisatie is hier niet ingesteld.")
    pending = request.session.pop(OIDC_PENDING, None)
    try:
        user, multi_factor = oidc.user_from_callback(
            config, code=request.GET.get("code", ""), state=request.GET.get("state", ""), pending=pending)
        if services.is_locked(user.get_username()):
            services.refuse_locked(user=user, step="oidc")
            raise RuleViolation("locked", services.LOCKED)
    except RuleViolation as exc:
        if exc.code != "locked":
            services.log_failure(user=None, step="oidc")
        context = {"form": LockingAuthenticationForm(request), "oidc_error": exc.message,
                   "organisation_sign_in": True}
        return _no_store(render(request, "registration/login.html", context, status=400))
    return _oidc_signed_in(request, user, multi_factor, pending.get("next", ""))


def _oidc_signed_in(request, user, multi_factor: bool, next_url: str):
    auth_login(request, user, backend=MODEL_BACKEND)
    clear_verified(request)
    request.session[NEXT_KEY] = next_url
    if multi_factor:
        return _finish(request, user, "oidc_mfa")
    return _second_step(request, user)
