"""Consent, reports (meldingen) and legal measures (domain §4 step 6 and §5)."""
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.utils import timezone

from tandem.cases import forms, services
from tandem.cases.views.common import bound, form_page, load_trajectory, versioned
from tandem.cases.views.display import fmt_date, member_labels


def _members(trajectory, access):
    """The household members to choose from, labelled as the page labels them (anonymised if need be)."""
    everyone = list(trajectory.household.members.all())  # numbered as on the household page
    labels = member_labels(everyone, access.identifying, timezone.localdate())
    return trajectory.household.members.filter(is_network=False), labels


@login_required
def consent_record(request, trajectory_id):
    trajectory, access = load_trajectory(request.user, trajectory_id)
    members, labels = _members(trajectory, access)
    form = forms.ConsentRecordForm(bound(request), initial=versioned(trajectory),
                                   members=members, labels=labels)

    def action():
        services.consent_record(actor=request.user, trajectory=trajectory, **form.cleaned_data)

    return form_page(request, form=form, action=action, title="Toestemming vastleggen",
                     success="De toestemming is vastgelegd.", household=trajectory.household,
                     intro="Leg vast welke toestemmingsverklaring een gezinslid heeft gegeven, aan wie en waarvoor.")


@login_required
def consent_withdraw(request, trajectory_id, consent_id):
    trajectory, _ = load_trajectory(request.user, trajectory_id)
    consent = get_object_or_404(trajectory.consents.select_related("organisation"), pk=consent_id)
    form = forms.ConsentWithdrawForm(bound(request), initial=versioned(trajectory))

    def action():
        services.consent_withdraw(actor=request.user, consent=consent, **form.cleaned_data)

    return form_page(request, form=form, action=action, title=f"Toestemming aan {consent.organisation} intrekken",
                     success="De toestemming is ingetrokken.", household=trajectory.household,
                     submit="Toestemming intrekken")


@login_required
def report_record(request, trajectory_id):
    trajectory, access = load_trajectory(request.user, trajectory_id)
    members, labels = _members(trajectory, access)
    form = forms.ReportRecordForm(bound(request), initial=versioned(trajectory), members=members, labels=labels)

    def action():
        services.report_record(actor=request.user, trajectory=trajectory, **form.cleaned_data)

    return form_page(request, form=form, action=action, title="Melding vastleggen",
                     success="De melding is vastgelegd.", household=trajectory.household)


def _measure_labels(measures) -> dict:
    return {m.pk: f"{m.get_type_display()} van {fmt_date(m.on)}" for m in measures}


@login_required
def measure_record(request, trajectory_id):
    trajectory, access = load_trajectory(request.user, trajectory_id)
    members, labels = _members(trajectory, access)
    measures = trajectory.measures.all()
    form = forms.MeasureRecordForm(bound(request), initial=versioned(trajectory), members=members, labels=labels,
                                   measures=measures, measure_labels=_measure_labels(measures))

    def action():
        services.measure_record(actor=request.user, trajectory=trajectory, **form.cleaned_data)

    return form_page(request, form=form, action=action, title="Maatregel vastleggen",
                     success="De maatregel is vastgelegd.", household=trajectory.household,
                     intro="Een verlenging legt u vast als een nieuwe maatregel die de eerdere verlengt.")
