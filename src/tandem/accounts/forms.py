"""Sign-in forms: the password step claims a place on the lock-out counters before checking anything."""
from django import forms
from django.contrib.auth.forms import AuthenticationForm

from tandem.accounts import lockout, services
from tandem.organisations.models import User


class LockingAuthenticationForm(AuthenticationForm):
    def clean(self):
        username = self.cleaned_data.get("username") or ""
        user = User.objects.filter(username=username).first()
        attempt = lockout.attempt_start(username=username, address=lockout.client_address(self.request))
        if attempt is None:  # locked, or every place taken by attempts being checked right now
            services.refuse_locked(user=user, step="password")
            raise forms.ValidationError(lockout.LOCKED, code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if services.record_failure(attempt, user=user, step="password"):
                raise forms.ValidationError(lockout.LOCKED, code="locked") from None
            raise
        lockout.attempt_release(attempt)
        return cleaned


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code uit uw authenticator-app", max_length=20, strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                      "pattern": "[0-9 ]*", "spellcheck": "false"}))
