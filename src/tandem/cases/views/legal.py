"""Reports (meldingen) and legal measures (domain §4 step 6 and §5)."""
from django.contrib.auth.decorators import login_required
from django.utils import timezone

from tandem.cases import forms, services
from tandem.cases.rules.rights import Action
from tandem.cases.views.common import bound, form_page, load_trajectory, versioned
from tandem.cases.views.display import fmt_date, member_labels


def members_and_labels(trajectory, access):
    """The household members to choose from, labelled as the page labels them (anonymised if need be)."""
    everyone = list(trajectory.household.members.all())  # numbered as on the household page
    labels = member_labels(everyone, access.identifying, timezone.localdate())
    return trajectory.household.members.filter(is_network=False), labels


@login_required
def report_record(request, trajectory_id):
    trajectory, access = load_trajectory(request.user, trajectory_id, action=Action.REPORT_RECORD)
    members, labels = members_and_labels(trajectory, access)
    form = forms.ReportRecordForm(bound(request), initial=versioned(trajectory), members=members, labels=labels)

    def action():
        services.report_record(actor=request.user, trajectory=trajectory, **form.cleaned_data)

    return form_page(request, form=form, action=action, title="Melding vastleggen",
                     success="De melding is vastgelegd.", household=trajectory.household)


def _measure_labels(measures) -> dict:
    return {m.pk: f"{m.get_type_display()} van {fmt_date(m.on)}" for m in measures}


def _extension_of(request, measures) -> dict:
    """From the work list ("loopt af: verlengen"): the form starts as an extension of that measure."""
    earlier = measures.filter(pk=request.GET.get("verlenging")).first() if request.GET.get("verlenging", "").isdigit() \
        else None
    if earlier is None:
        return {}
    return {"extends": earlier.pk, "type": earlier.type, "provisional": earlier.provisional,
            "subject": earlier.subject_id, "initiated_from_site": "ja" if earlier.initiated_from_site else "nee"}


@login_required
def measure_record(request, trajectory_id):
    trajectory, access = load_trajectory(request.user, trajectory_id, action=Action.MEASURE_RECORD)
    members, labels = members_and_labels(trajectory, access)
    measures = trajectory.measures.all()
    form = forms.MeasureRecordForm(bound(request), initial={**versioned(trajectory), **_extension_of(request, measures)},
                                   members=members, labels=labels,
                                   measures=measures, measure_labels=_measure_labels(measures))

    def action():
        services.measure_record(actor=request.user, trajectory=trajectory, **form.cleaned_data)

    return form_page(request, form=form, action=action, title="Maatregel vastleggen",
                     success="De maatregel is vastgelegd.", household=trajectory.household,
                     intro="Een verlenging legt u vast als een nieuwe maatregel die de eerdere verlengt.")
