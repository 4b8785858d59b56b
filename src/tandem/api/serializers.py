"""The shapes the API reads and writes. Input serializers check shape only; the services check the rules."""
from decimal import Decimal

from rest_framework import serializers

from tandem.cases.models import EntryKind, Form, MeasureType, Nature


class ErrorItem(serializers.Serializer):
    field = serializers.CharField(allow_null=True)
    message = serializers.CharField()


class Error(serializers.Serializer):
    code = serializers.CharField(help_text="Vaste code in het Engels, bijvoorbeeld right_report_record.")
    message = serializers.CharField(help_text="Uitleg in gewoon Nederlands.")
    field = serializers.CharField(allow_null=True)
    errors = ErrorItem(many=True)


class MemberOut(serializers.Serializer):
    id = serializers.UUIDField()
    label = serializers.CharField(help_text="De naam, of 'Gezinslid 1 (kind, 9 jaar)' als uw organisatie anoniem is.")
    age = serializers.CharField()
    birth_date = serializers.DateField(allow_null=True, help_text="Alleen als uw organisatie de namen mag zien.")
    is_network = serializers.BooleanField()
    relation = serializers.CharField(allow_blank=True)


class LeadOut(serializers.Serializer):
    professional = serializers.CharField()
    organisation = serializers.CharField(allow_null=True)
    start = serializers.DateField()
    statutory_ground = serializers.CharField(allow_blank=True)


class TrajectoryOut(serializers.Serializer):
    id = serializers.UUIDField()
    household = serializers.UUIDField()
    site = serializers.CharField(help_text="Code van de toekomsttuin.")
    registered_on = serializers.DateField()
    closed_on = serializers.DateField(allow_null=True)
    version = serializers.IntegerField(help_text="Ook de ETag van het traject.")
    anonymous = serializers.BooleanField(help_text="Uw organisatie ziet dit gezin zonder namen.")
    position = serializers.CharField(allow_null=True, help_text="De kolom van docs/rights.md voor uw organisatie.")


class TrajectoryDetailOut(TrajectoryOut):
    reason = serializers.CharField(allow_blank=True)
    lead = LeadOut(allow_null=True)
    members = MemberOut(many=True)
    actions = serializers.ListField(child=serializers.CharField(),
                                    help_text="De handelingen die uw organisatie hier mag (docs/rights.md).")


class TeamMemberOut(serializers.Serializer):
    professional = serializers.CharField()
    organisation = serializers.CharField()
    role_in_team = serializers.CharField(allow_blank=True)
    joined_on = serializers.DateField()
    left_on = serializers.DateField(allow_null=True)
    leads = serializers.BooleanField()


class InvolvementOut(serializers.Serializer):
    id = serializers.IntegerField()
    organisation = serializers.CharField(source="organisation.code")
    form = serializers.ChoiceField(choices=Form.choices)
    start = serializers.DateField()
    end = serializers.DateField(allow_null=True)
    anonymous = serializers.BooleanField()
    household_informed_on = serializers.DateField(allow_null=True)
    consent_withdrawn_on = serializers.DateField(allow_null=True)
    hours = serializers.DecimalField(max_digits=9, decimal_places=2)


class InvolvementIn(serializers.Serializer):
    organisation = serializers.CharField(required=False, help_text="Code; standaard uw eigen organisatie.")
    form = serializers.ChoiceField(choices=Form.choices)
    start = serializers.DateField()
    anonymous = serializers.BooleanField(default=False)
    household_informed_on = serializers.DateField(required=False, allow_null=True)


class EndIn(serializers.Serializer):
    end = serializers.DateField()


class TimeEntryOut(serializers.Serializer):
    id = serializers.IntegerField()
    involvement = serializers.IntegerField(source="involvement_id")
    on = serializers.DateField()
    hours = serializers.DecimalField(max_digits=5, decimal_places=2)


class TimeEntryIn(serializers.Serializer):
    involvement = serializers.IntegerField()
    on = serializers.DateField()
    hours = serializers.DecimalField(max_digits=5, decimal_places=2, min_value=Decimal("0.01"), max_value=Decimal(24))


class JournalOut(serializers.Serializer):
    id = serializers.IntegerField()
    on = serializers.DateField(allow_null=True)
    kind = serializers.ChoiceField(choices=EntryKind.choices)
    nature = serializers.ChoiceField(choices=Nature.choices)
    source = serializers.CharField()
    text = serializers.CharField()
    author = serializers.CharField()
    written_at = serializers.DateTimeField()


class PartnerReportIn(serializers.Serializer):
    on = serializers.DateField()
    nature = serializers.ChoiceField(choices=Nature.choices)
    source = serializers.CharField(max_length=300)
    text = serializers.CharField(max_length=20000)


class ReportOut(serializers.Serializer):
    id = serializers.IntegerField()
    on = serializers.DateField()
    organisation = serializers.CharField(source="organisation.code")
    subject = serializers.CharField(allow_blank=True, help_text="Over wie (label zoals bij members).")
    initiated_from_site = serializers.BooleanField()


class ReportIn(serializers.Serializer):
    on = serializers.DateField()
    organisation = serializers.CharField(help_text="Code van de organisatie waar de melding heen gaat.")
    subject = serializers.UUIDField(required=False, allow_null=True, help_text="Id van een gezinslid.")
    initiated_from_site = serializers.BooleanField(default=True)


class MeasureOut(serializers.Serializer):
    id = serializers.IntegerField()
    type = serializers.ChoiceField(choices=MeasureType.choices)
    on = serializers.DateField()
    ends_on = serializers.DateField(allow_null=True)
    provisional = serializers.BooleanField()
    extends = serializers.IntegerField(source="extends_id", allow_null=True)
    subject = serializers.CharField(allow_blank=True)
    initiated_from_site = serializers.BooleanField()


class MeasureIn(serializers.Serializer):
    type = serializers.ChoiceField(choices=MeasureType.choices)
    on = serializers.DateField()
    ends_on = serializers.DateField(required=False, allow_null=True)
    provisional = serializers.BooleanField(default=False)
    extends = serializers.IntegerField(required=False, allow_null=True)
    subject = serializers.UUIDField(required=False, allow_null=True)
    initiated_from_site = serializers.BooleanField(default=True)


class ConsentOut(serializers.Serializer):
    id = serializers.IntegerField()
    organisation = serializers.CharField(source="organisation.code")
    given_by = serializers.CharField(allow_blank=True)
    purpose = serializers.CharField(allow_blank=True)
    given_on = serializers.DateField()
    withdrawn_on = serializers.DateField(allow_null=True)
    how = serializers.CharField()


class JoinRequestOut(serializers.Serializer):
    id = serializers.IntegerField()
    site = serializers.CharField(source="trajectory.site.code")
    purpose = serializers.CharField(help_text="Zonder namen: u zit nog niet in het team.")
    form = serializers.ChoiceField(choices=Form.choices)
    anonymous = serializers.BooleanField()
    wanted_by = serializers.DateField()
    requested_on = serializers.DateField()
    status = serializers.CharField()
    answered_on = serializers.DateField(allow_null=True)


class JoinAcceptIn(serializers.Serializer):
    professional = serializers.CharField(help_text="Gebruikersnaam van de medewerker van uw organisatie die aansluit.")
    joined_on = serializers.DateField(required=False, allow_null=True)


class JoinDeclineIn(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class OwnWorkOut(serializers.Serializer):
    involvement = serializers.IntegerField(source="id")
    trajectory = serializers.UUIDField(source="trajectory_id")
    site = serializers.CharField(source="site.code")
    form = serializers.ChoiceField(choices=Form.choices)
    start = serializers.DateField()
    end = serializers.DateField(allow_null=True)
    hours = serializers.DecimalField(max_digits=9, decimal_places=2, help_text="Uren in de gevraagde periode.")


class MonitorScopeOut(serializers.Serializer):
    kind = serializers.CharField()
    code = serializers.CharField()
    name = serializers.CharField()
