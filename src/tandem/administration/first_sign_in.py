"""Pages for the people themselves: accepting an invitation (password and second factor through a one-time link),
forgetting a password (Django's own reset flow by e-mail, logged through a service), and switching between the
roles one holds."""
from django import forms as django_forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.shortcuts import redirect, render
from django.urls import path, reverse_lazy
from django.views.decorators.http import require_POST

from tandem.accounts import services as accounts
from tandem.accounts.views import qr_code
from tandem.administration import forms, services
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.organisations.models import Role


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


def invitation_accept(request, token):
    """GET shows the form and the QR code of the app being set up (the same secret on every visit until used);
    POST sets password and app together, all or nothing, and shows the recovery codes once."""
    try:
        invitation = services.invitation_for(token)
    except RuleViolation as exc:
        return _no_store(render(request, "administration/invitation_invalid.html",
                                {"title": "Uitnodiging", "message": exc.message}, status=410))
    device = accounts.device_for_setup(invitation.user)
    form = forms.InvitationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            user, codes = services.invitation_accept(token=token, password=form.cleaned_data["password"],
                                                     code=form.cleaned_data["code"])
        except RuleViolation as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            return _no_store(render(request, "registration/recovery_codes.html", {
                "title": "Uw herstelcodes", "codes": codes, "next": reverse_lazy("login")}))
    uri = device.config_url
    context = {"title": "Welkom bij Tandem", "form": form, "username": invitation.user.get_username(),
               "secret": device.base32_secret, "uri": uri, "qr": qr_code(uri),
               "errors": [{"href": f"#id_{n}", "text": m} for n, ms in form.errors.items() for m in ms]}
    return _no_store(render(request, "administration/invitation.html", context,
                            status=400 if request.method == "POST" else 200))


class LoggedSetPasswordForm(SetPasswordForm):
    """Django's reset form, saving through the service (logged)."""

    def save(self, commit=True):
        return services.password_reset_record(user=self.user, password=self.cleaned_data["new_password1"])


class ResetByEmailForm(PasswordResetForm):
    email = django_forms.EmailField(label="Uw e-mailadres (werk)", max_length=254)


password_urls = [
    path("wachtwoord/vergeten/", auth_views.PasswordResetView.as_view(
        form_class=ResetByEmailForm, template_name="administration/password_reset.html",
        email_template_name="administration/password_reset_email.txt",
        subject_template_name="administration/password_reset_subject.txt",
        extra_email_context={"base_url": settings.TANDEM_BASE_URL.rstrip("/")},
        success_url=reverse_lazy("password_reset_done")), name="password_reset"),
    path("wachtwoord/verstuurd/", auth_views.PasswordResetDoneView.as_view(
        template_name="administration/password_reset_done.html"), name="password_reset_done"),
    path("wachtwoord/nieuw/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(
        form_class=LoggedSetPasswordForm, template_name="administration/password_reset_confirm.html",
        success_url=reverse_lazy("password_reset_complete")), name="password_reset_confirm"),
    path("wachtwoord/klaar/", auth_views.PasswordResetCompleteView.as_view(
        template_name="administration/password_reset_complete.html"), name="password_reset_complete"),
]


@login_required
def roles(request):
    held = [(r, Role(r).label) for r in request.user.held_roles]
    return render(request, "administration/roles.html", {"title": "Mijn rollen", "held": held})


@login_required
@require_POST
def role_switch(request):
    try:
        services.role_switch(actor=request.user, role=request.POST.get("role", ""))
    except NotPermitted as exc:
        messages.error(request, exc.message)
        return redirect("roles")
    messages.success(request, f"U werkt nu als {Role(request.user.role).label.lower()}.")
    from tandem.workspace.views.start import start_url_name

    return redirect(start_url_name(request.user))
