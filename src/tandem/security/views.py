"""Asking for emergency access. The page never says whether a code belongs to a household: an unknown code
and a granted one get the same answer; the dossier shows up under 'Mijn gezinnen' only once a grant exists."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from tandem.cases.views.common import add_rule_error, error_summary
from tandem.core.exceptions import RuleViolation
from tandem.security import services
from tandem.security.forms import EmergencyRequestForm
from tandem.security.rules import EMERGENCY_ROLES

NEUTRAL = ("Uw verzoek is vastgelegd. Hoort de code bij een gezin, dan staat het gezin nu {minutes} minuten "
           "onder Mijn gezinnen. De consulent van het gezin ziet dat u noodtoegang nam en waarom.")


@login_required
def emergency_request(request):
    form = EmergencyRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.emergency_access_request(actor=request.user, **form.cleaned_data)
        except RuleViolation as exc:
            add_rule_error(form, exc)
        else:
            messages.success(request, NEUTRAL.format(minutes=services.emergency_minutes(request.user)))
            return redirect("cases:my_families")
    context = {"title": "Noodtoegang aanvragen", "form": form, "errors": error_summary(form),
               "allowed": request.user.role in EMERGENCY_ROLES, "minutes": services.emergency_minutes(request.user)}
    return render(request, "security/emergency_request.html", context)
