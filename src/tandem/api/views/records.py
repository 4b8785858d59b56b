"""Inside one trajectory: involvements and hours, the journal (partner reports), meldingen and measures, consents.
Reads show what the dossier page shows the organisation (`sections_for`, the anonymous lens); writes call the same
services as the screens, so the rights matrix and the guardrails decide."""
from decimal import Decimal

from django.db.models import DecimalField, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.views import APIView

from tandem.api import http
from tandem.api.selectors import lens_for, log_read, trajectory_for
from tandem.api.serializers import (
    ConsentOut,
    EndIn,
    InvolvementIn,
    InvolvementOut,
    JournalOut,
    MeasureIn,
    MeasureOut,
    PartnerReportIn,
    ReportIn,
    ReportOut,
    TimeEntryIn,
    TimeEntryOut,
)
from tandem.api.views.base import (
    IDEMPOTENCY,
    IF_MATCH,
    TRAJECTORY_ID,
    change,
    filters,
    page_of,
    paged,
    read_responses,
    write_responses,
)
from tandem.cases import services
from tandem.cases.models import EntryKind, Form, Nature, TimeEntry
from tandem.cases.views.display import member_labels, sections_for
from tandem.core.exceptions import RuleViolation
from tandem.organisations.models import Organisation

ZERO = Value(Decimal(0), output_field=DecimalField(max_digits=9, decimal_places=2))


class Period(serializers.Serializer):
    date_from = serializers.DateField(required=False, help_text="Op of na deze datum.")
    date_to = serializers.DateField(required=False, help_text="Op of vóór deze datum.")


def _in_period(rows, wanted: dict, field: str):
    if "date_from" in wanted:
        rows = rows.filter(**{f"{field}__gte": wanted["date_from"]})
    if "date_to" in wanted:
        rows = rows.filter(**{f"{field}__lte": wanted["date_to"]})
    return rows


def _section(access, *names: str) -> None:
    """A part of the dossier the page does not show this organisation is not there for the API either."""
    if not set(names) & sections_for(access):
        raise Http404


def _read(request, trajectory_id, what: str, *sections: str):
    trajectory, access = trajectory_for(request.user, trajectory_id)
    _section(access, *sections)
    log_read(request, what, [trajectory.household_id], trajectory)
    return trajectory, access


def _organisation(code: str, field: str = "organisation") -> Organisation:
    organisation = Organisation.objects.filter(code=code).first()
    if organisation is None:
        raise RuleViolation("unknown_organisation", "Er is geen organisatie met deze code.", field=field)
    return organisation


def _member(trajectory, member_id):
    if member_id is None:
        return None
    member = trajectory.household.members.filter(pk=member_id).first()
    if member is None:
        raise RuleViolation("unknown_member", "Dit gezinslid hoort niet bij dit gezin.", field="subject")
    return member


def _labelled(trajectory, access, rows, attr="subject"):
    labels = member_labels(list(trajectory.household.members.all()), access.identifying, timezone.localdate())
    for row in rows:
        member_id = getattr(row, f"{attr}_id")
        setattr(row, attr + "_label", labels.get(member_id, "") if member_id else "")
    return rows


# --- involvements and hours ------------------------------------------------------------------------------------

class InvolvementFilter(serializers.Serializer):
    form = serializers.ChoiceField(choices=Form.choices, required=False)
    current = serializers.BooleanField(required=False, allow_null=True, default=None,
                                       help_text="true: alleen lopende episodes.")
    own = serializers.BooleanField(required=False, allow_null=True, default=None,
                                   help_text="true: alleen die van uw eigen organisatie.")


def _involvement_rows(trajectory):
    return (trajectory.involvements.select_related("organisation")
            .annotate(hours=Coalesce(Sum("time_entries__hours"), ZERO)).order_by("start", "id"))


class InvolvementList(APIView):
    @extend_schema(operation_id="involvements_list", parameters=[TRAJECTORY_ID, InvolvementFilter],
                   responses=read_responses(paged(InvolvementOut)), summary="Betrokkenheid (episodes) en uren")
    def get(self, request, trajectory_id):
        wanted = filters(request, InvolvementFilter)
        trajectory, _ = _read(request, trajectory_id, "involvements", "involvements")
        rows = _involvement_rows(trajectory)
        if "form" in wanted:
            rows = rows.filter(form=wanted["form"])
        if wanted.get("current") is not None:
            rows = rows.filter(end__isnull=True) if wanted["current"] else rows.filter(end__isnull=False)
        if wanted.get("own") is not None:
            own = {"organisation_id": request.user.organisation_id}
            rows = rows.filter(**own) if wanted["own"] else rows.exclude(**own)
        return http.with_etag(page_of(request, self, rows, InvolvementOut), trajectory)

    @extend_schema(operation_id="involvements_create", request=InvolvementIn, parameters=[TRAJECTORY_ID, IF_MATCH,
                   IDEMPOTENCY], responses=write_responses(InvolvementOut), summary="Betrokkenheid starten")
    def post(self, request, trajectory_id):
        def do(trajectory, access, data, expected):
            organisation = (_organisation(data["organisation"]) if data.get("organisation")
                            else request.user.organisation)
            involvement = services.involvement_start(
                actor=request.user, trajectory=trajectory, organisation=organisation, form=data["form"],
                start=data["start"], anonymous=data["anonymous"],
                household_informed_on=data.get("household_informed_on"), expected_version=expected)
            return _involvement_rows(trajectory).get(pk=involvement.pk)

        return change(request, trajectory_id, input_class=InvolvementIn, what="involvement_start", do=do,
                      output_class=InvolvementOut)


class InvolvementEnd(APIView):
    @extend_schema(operation_id="involvements_end", request=EndIn, parameters=[TRAJECTORY_ID, IF_MATCH, IDEMPOTENCY],
                   responses=write_responses(InvolvementOut), summary="Betrokkenheid beëindigen")
    def post(self, request, trajectory_id, involvement_id):
        def do(trajectory, access, data, expected):
            involvement = trajectory.involvements.filter(pk=involvement_id).first()
            if involvement is None:
                raise Http404
            services.involvement_end(actor=request.user, involvement=involvement, end=data["end"],
                                     expected_version=expected)
            return _involvement_rows(trajectory).get(pk=involvement.pk)

        return change(request, trajectory_id, input_class=EndIn, what="involvement_end", do=do,
                      output_class=InvolvementOut)


class TimeFilter(Period):
    involvement = serializers.IntegerField(required=False)


class TimeEntryList(APIView):
    @extend_schema(operation_id="time_entries_list", parameters=[TRAJECTORY_ID, TimeFilter],
                   responses=read_responses(paged(TimeEntryOut)), summary="Geschreven uren")
    def get(self, request, trajectory_id):
        wanted = filters(request, TimeFilter)
        trajectory, _ = _read(request, trajectory_id, "time_entries", "involvements")
        rows = _in_period(TimeEntry.objects.filter(involvement__trajectory=trajectory), wanted, "on")
        if "involvement" in wanted:
            rows = rows.filter(involvement_id=wanted["involvement"])
        return http.with_etag(page_of(request, self, rows.order_by("on", "id"), TimeEntryOut), trajectory)

    @extend_schema(operation_id="time_entries_create", request=TimeEntryIn, parameters=[TRAJECTORY_ID, IF_MATCH,
                   IDEMPOTENCY], responses=write_responses(TimeEntryOut), summary="Uren schrijven")
    def post(self, request, trajectory_id):
        def do(trajectory, access, data, expected):
            involvement = trajectory.involvements.filter(pk=data["involvement"]).first()
            if involvement is None:
                raise RuleViolation("unknown_involvement", "Deze betrokkenheid hoort niet bij dit traject.",
                                    field="involvement")
            return services.time_register(actor=request.user, involvement=involvement, on=data["on"],
                                          hours=data["hours"], expected_version=expected)

        return change(request, trajectory_id, input_class=TimeEntryIn, what="time_register", do=do,
                      output_class=TimeEntryOut)


# --- the journal -----------------------------------------------------------------------------------------------

class JournalFilter(Period):
    kind = serializers.ChoiceField(choices=EntryKind.choices, required=False)


class JournalList(APIView):
    @extend_schema(operation_id="journal_list", parameters=[TRAJECTORY_ID, JournalFilter],
                   responses=read_responses(paged(JournalOut)), summary="Het journaal")
    def get(self, request, trajectory_id):
        wanted = filters(request, JournalFilter)
        trajectory, access = _read(request, trajectory_id, "journal", "journal", "journal_facts")
        rows = _in_period(trajectory.journal.select_related("author"), wanted, "on")
        if "journal" not in sections_for(access):
            rows = rows.exclude(nature=Nature.OPINION)
        if "kind" in wanted:
            rows = rows.filter(kind=wanted["kind"])
        return http.with_etag(page_of(request, self, rows, _Entries, {"lens": lens_for(access, trajectory)}),
                              trajectory)

    @extend_schema(operation_id="journal_create", request=PartnerReportIn, parameters=[TRAJECTORY_ID, IF_MATCH,
                   IDEMPOTENCY], responses=write_responses(JournalOut), summary="Verslag van een partner")
    def post(self, request, trajectory_id):
        def do(trajectory, access, data, expected):
            entry = services.journal_entry_add(actor=request.user, trajectory=trajectory,
                                               kind=EntryKind.PARTNER_REPORT, expected_version=expected, **data)
            lens_for(access, trajectory).fields(entry)
            return entry

        return change(request, trajectory_id, input_class=PartnerReportIn, what="journal_entry_add", do=do,
                      output_class=_Entry)


class _Entry(serializers.BaseSerializer):
    def to_representation(self, entry):
        lens = self.context.get("lens")
        if lens is not None:
            lens.fields(entry)
        return JournalOut({"id": entry.pk, "on": entry.on, "kind": entry.kind, "nature": entry.nature,
                           "source": entry.source, "text": entry.text, "author": str(entry.author),
                           "written_at": entry.written_at}).data


_Entries = _Entry


# --- meldingen and measures ------------------------------------------------------------------------------------

def _report_out(report) -> dict:
    return {"id": report.pk, "on": report.on, "organisation": report.organisation,
            "subject": getattr(report, "subject_label", ""), "initiated_from_site": report.initiated_from_site}


class ReportList(APIView):
    @extend_schema(operation_id="reports_list", parameters=[TRAJECTORY_ID, Period],
                   responses=read_responses(paged(ReportOut)), summary="Meldingen")
    def get(self, request, trajectory_id):
        wanted = filters(request, Period)
        trajectory, access = _read(request, trajectory_id, "reports", "legal")
        rows = _in_period(trajectory.reports.select_related("organisation"), wanted, "on")
        rows = [_report_out(r) for r in _labelled(trajectory, access, list(rows))]
        return http.with_etag(page_of(request, self, rows, ReportOut), trajectory)

    @extend_schema(operation_id="reports_create", request=ReportIn, parameters=[TRAJECTORY_ID, IF_MATCH,
                   IDEMPOTENCY], responses=write_responses(ReportOut), summary="Melding vastleggen")
    def post(self, request, trajectory_id):
        def do(trajectory, access, data, expected):
            report = services.report_record(
                actor=request.user, trajectory=trajectory, on=data["on"], organisation=_organisation(
                    data["organisation"]), subject=_member(trajectory, data.get("subject")),
                initiated_from_site=data["initiated_from_site"], expected_version=expected)
            return _report_out(_labelled(trajectory, access, [report])[0])

        return change(request, trajectory_id, input_class=ReportIn, what="report_record", do=do,
                      output_class=ReportOut)


def _measure_out(measure) -> dict:
    return {"id": measure.pk, "type": measure.type, "on": measure.on, "ends_on": measure.ends_on,
            "provisional": measure.provisional, "extends_id": measure.extends_id,
            "subject": getattr(measure, "subject_label", ""), "initiated_from_site": measure.initiated_from_site}


class MeasureList(APIView):
    @extend_schema(operation_id="measures_list", parameters=[TRAJECTORY_ID, Period],
                   responses=read_responses(paged(MeasureOut)), summary="Maatregelen")
    def get(self, request, trajectory_id):
        wanted = filters(request, Period)
        trajectory, access = _read(request, trajectory_id, "measures", "legal")
        rows = _in_period(trajectory.measures.all(), wanted, "on")
        rows = [_measure_out(m) for m in _labelled(trajectory, access, list(rows))]
        return http.with_etag(page_of(request, self, rows, MeasureOut), trajectory)

    @extend_schema(operation_id="measures_create", request=MeasureIn, parameters=[TRAJECTORY_ID, IF_MATCH,
                   IDEMPOTENCY], responses=write_responses(MeasureOut), summary="Maatregel vastleggen")
    def post(self, request, trajectory_id):
        def do(trajectory, access, data, expected):
            extends = None
            if data.get("extends") is not None:
                extends = trajectory.measures.filter(pk=data["extends"]).first()
                if extends is None:
                    raise RuleViolation("unknown_measure", "Deze maatregel hoort niet bij dit traject.",
                                        field="extends")
            measure = services.measure_record(
                actor=request.user, trajectory=trajectory, type=data["type"], on=data["on"],
                ends_on=data.get("ends_on"), provisional=data["provisional"], extends=extends,
                initiated_from_site=data["initiated_from_site"], subject=_member(trajectory, data.get("subject")),
                expected_version=expected)
            return _measure_out(_labelled(trajectory, access, [measure])[0])

        return change(request, trajectory_id, input_class=MeasureIn, what="measure_record", do=do,
                      output_class=MeasureOut)


# --- consents (read) -------------------------------------------------------------------------------------------

class ConsentFilter(serializers.Serializer):
    organisation = serializers.CharField(required=False, max_length=30, help_text="Code van de organisatie.")
    active = serializers.BooleanField(required=False, allow_null=True, default=None,
                                      help_text="true: alleen toestemmingen die nu gelden.")


class ConsentList(APIView):
    @extend_schema(operation_id="consents_list", parameters=[TRAJECTORY_ID, ConsentFilter],
                   responses=read_responses(paged(ConsentOut)), summary="Toestemmingen (alleen lezen)")
    def get(self, request, trajectory_id):
        wanted = filters(request, ConsentFilter)
        trajectory, access = _read(request, trajectory_id, "consents", "consents")
        rows = trajectory.consents.select_related("organisation")
        if "organisation" in wanted:
            rows = rows.filter(organisation__code=wanted["organisation"])
        if wanted.get("active") is not None:
            today = timezone.localdate()
            active = rows.filter(given_on__lte=today).exclude(withdrawn_on__lte=today)
            rows = active if wanted["active"] else rows.exclude(pk__in=active.values("pk"))
        lens = lens_for(access, trajectory)
        out = [{"id": c.pk, "organisation": c.organisation, "given_by": getattr(c, "given_by_label", ""),
                "purpose": lens.text(c.purpose), "given_on": c.given_on, "withdrawn_on": c.withdrawn_on,
                "how": c.how} for c in _labelled(trajectory, access, list(rows), "given_by")]
        return http.with_etag(page_of(request, self, out, ConsentOut), trajectory)
