"""Sign-in forms: the password step refuses a locked login name before checking anything."""
from django import forms
from django.contrib.auth.forms import AuthenticationForm

from tandem.accounts import services
from tandem.organisations.models import User


class LockingAuthenticationForm(AuthenticationForm):
    def clean(self):
        username = self.cleaned_data.get("username") or ""
        user = User.objects.filter(username=username).first()
        if services.is_locked(username):
            services.refuse_locked(user=user, step="password")
            raise forms.ValidationError(services.LOCKED, code="locked")
        try:
            return super().clean()
        except forms.ValidationError:
            if services.register_failure(username, user=user, step="password"):
                raise forms.ValidationError(services.LOCKED, code="locked") from None
            raise


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code uit uw authenticator-app", max_length=10, strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                      "pattern": "[0-9 ]*", "spellcheck": "false"}))
