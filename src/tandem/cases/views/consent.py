"""Consent: recorded by the local team, asked for by a partner, answered, withdrawn (domain §5; seed 000
"Juridische kanttekeningen": a consent statement)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from tandem.audit.services import audit_record
from tandem.cases import forms, services
from tandem.cases.models import ConsentRequestStatus
from tandem.cases.rules.rights import Action
from tandem.cases.views.common import bound, forbid, form_page, household_url, load_trajectory, versioned
from tandem.cases.views.legal import members_and_labels
from tandem.core.exceptions import NotPermitted, RuleViolation


@login_required
def consent_record(request, trajectory_id):
    trajectory, access = load_trajectory(request.user, trajectory_id, action=Action.CONSENT_RECORD)
    members, labels = members_and_labels(trajectory, access)
    initial = {**versioned(trajectory), "organisation": request.GET.get("organisatie") or None}
    form = forms.ConsentRecordForm(bound(request), request.FILES or None, initial=initial,
                                   members=members, labels=labels)

    def action():
        services.consent_record(actor=request.user, trajectory=trajectory, **form.cleaned_data)

    region = trajectory.site.region
    return form_page(request, form=form, action=action, title="Toestemming vastleggen",
                     success="De toestemming is vastgelegd.", household=trajectory.household,
                     intro="Leg vast welke toestemming een gezinslid gaf, aan wie en waarvoor: op papier (de "
                           "toestemmingsverklaring) of in een gesprek. Het gezin kan ook zelf toestemming geven in "
                           f"het gezinsdossier. Een kind jonger dan {region.consent_min_age} jaar geeft niet zelf "
                           "toestemming.")


@login_required
def consent_withdraw(request, trajectory_id, consent_id):
    trajectory, _ = load_trajectory(request.user, trajectory_id, action=Action.CONSENT_WITHDRAW)
    consent = get_object_or_404(trajectory.consents.select_related("organisation"), pk=consent_id)
    form = forms.ConsentWithdrawForm(bound(request), initial=versioned(trajectory))

    def action():
        services.consent_withdraw(actor=request.user, consent=consent, **form.cleaned_data)

    return form_page(request, form=form, action=action, title=f"Toestemming aan {consent.organisation} intrekken",
                     success="De toestemming is ingetrokken.", household=trajectory.household,
                     submit="Toestemming intrekken",
                     intro="Vanaf de datum van intrekken ziet deze organisatie geen namen meer. Betrokkenheid die op "
                           "deze toestemming rustte, komt op uw werklijst: beëindig die, of leg de wettelijke grond "
                           "vast. Een ervaringsdeskundige van deze organisatie gaat uit het team.")


@login_required
def consent_request_create(request, trajectory_id):
    trajectory, _ = load_trajectory(request.user, trajectory_id, action=Action.CONSENT_REQUEST)
    form = forms.ConsentRequestForm(bound(request), initial=versioned(trajectory))

    def action():
        services.consent_request_create(actor=request.user, trajectory=trajectory, **form.cleaned_data)

    return form_page(request, form=form, action=action, title="Toestemming vragen aan het gezin",
                     success="Uw vraag om toestemming staat klaar voor het gezin en de consulent.",
                     household=trajectory.household, submit="Toestemming vragen",
                     intro="U kunt zelf geen toestemming vastleggen: die is van het gezin. Het gezin antwoordt in "
                           "het gezinsdossier, of via de consulent van het lokale team.")


@login_required
@require_POST
def consent_request_answer(request, trajectory_id, request_id):
    """The consultant passes on the family's answer: yes leads to recording the consent, no declines."""
    trajectory, _ = load_trajectory(request.user, trajectory_id, action=Action.CONSENT_RECORD)
    consent_request = get_object_or_404(trajectory.consent_requests, pk=request_id,
                                        status=ConsentRequestStatus.OPEN)
    if request.POST.get("antwoord") == "ja":
        url = reverse("cases:consent_record", args=[trajectory.pk])
        return redirect(f"{url}?organisatie={consent_request.organisation_id}")
    try:
        services.consent_request_decline(actor=request.user, request=consent_request,
                                         expected_version=int(request.POST.get("expected_version") or 0) or None)
    except NotPermitted as exc:
        raise forbid(exc) from exc
    except RuleViolation as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Vastgelegd: het gezin geeft {consent_request.organisation} geen toestemming.")
    return redirect(household_url(trajectory.household))


@login_required
def consent_scan(request, trajectory_id, consent_id):
    """The scanned statement (it names the family): for those who handle consents on the family's behalf (the
    consent_withdraw row of the rights, also after closure). The download is logged."""
    trajectory, _ = load_trajectory(request.user, trajectory_id, action=Action.CONSENT_WITHDRAW)
    consent = get_object_or_404(trajectory.consents.select_related("scan"), pk=consent_id, scan__isnull=False)
    audit_record(actor=request.user, action="download", household_id=trajectory.household_id, obj=consent.scan,
                 purpose="toestemmingsverklaring inzien")
    response = HttpResponse(bytes(consent.scan.content), content_type=consent.scan.content_type)
    response["Content-Disposition"] = "attachment; filename=\"toestemmingsverklaring\""
    return response
