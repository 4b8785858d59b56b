"""Web forms of the learning programme. They check shape only; the rules live in `tandem.programme.rules` and are
applied by the services. Field names match the services' keyword arguments; edit forms carry the version the
person saw (`expected_version`)."""
import datetime as dt

from django import forms
from django.utils import timezone

from tandem.cases.forms import date_field, text_area
from tandem.monitor.rules import Quarter, quarter_of, quarters_from
from tandem.organisations.models import Region, Site
from tandem.programme import rules
from tandem.programme.models import (
    Aspect,
    Comparison,
    ImprovementStatus,
    Level,
    LessonKind,
    MilestoneKind,
    MilestoneStatus,
)

NO_NAMES = "Schrijf geen namen of andere gegevens waaraan een gezin of inwoner te herkennen is."


def quarter_choices(region: Region, today: dt.date | None = None) -> list[tuple[str, str]]:
    """Quarters from the year before the programme start up to the next quarter, newest first."""
    first = Quarter(region.programme_start.year - 1, 1)
    last = quarter_of(today or timezone.localdate()).next()
    return [(q.label, q.label) for q in reversed(quarters_from(first, last))]


class RegionForm(forms.Form):
    """A form whose choices depend on the region (sites, quarters)."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        if "site" in self.fields:
            self.fields["site"].queryset = region.sites.order_by("name")
        if "quarter" in self.fields:
            self.fields["quarter"].choices = quarter_choices(region)

    def service_args(self) -> dict:
        return dict(self.cleaned_data)


def _site_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(label="Toekomsttuin", queryset=Site.objects.none(), required=False,
                                  empty_label="De hele regio")


class LessonForm(RegionForm):
    quarter = forms.ChoiceField(label="Kwartaal")
    site = _site_field()
    kind = forms.ChoiceField(label="Soort", choices=LessonKind.choices, widget=forms.RadioSelect,
                             initial=LessonKind.LESSON)
    aspect = forms.ChoiceField(label="Gaat over", choices=Aspect.choices, widget=forms.RadioSelect)
    text = text_area("Wat hebben we geleerd?", help_text=NO_NAMES)
    themes = forms.CharField(label="Thema's (niet verplicht)", required=False, max_length=500,
                             help_text="Scheid thema's met een komma, bijvoorbeeld: en-en-regie, TOP3, "
                                       "ervaringsdeskundigheid.")


class ImprovementForm(RegionForm):
    quarter = forms.ChoiceField(label="Kwartaal")
    site = _site_field()
    title = forms.CharField(label="Verbetervoorstel", max_length=300)
    description = text_area("Toelichting (niet verplicht)", required=False, help_text=NO_NAMES)
    owner = forms.CharField(label="Eigenaar", max_length=200,
                            help_text="Wie zorgt ervoor? Bijvoorbeeld: coördinatoren, praktijkgroep of projectleider.")
    status = forms.ChoiceField(label="Status", choices=ImprovementStatus.choices, widget=forms.RadioSelect,
                               initial=ImprovementStatus.PROPOSED)
    realised_on = date_field("Gerealiseerd op", required=False, help_text="Alleen bij de status 'Gerealiseerd'.")


class EvaluationForm(RegionForm):
    held_on = date_field("Datum van de evaluatie")
    quarters = forms.MultipleChoiceField(label="Welke kwartalen van de monitor zijn besproken?",
                                         widget=forms.CheckboxSelectMultiple)
    conclusions = text_area("Conclusies", rows=6, help_text=NO_NAMES)

    def __init__(self, *args, with_actions: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        first, now = quarter_of(self.region.programme_start), quarter_of(timezone.localdate())
        self.fields["quarters"].choices = [(q.label, q.label) for q in reversed(quarters_from(first, now))]
        for role, label in rules.PARTICIPANT_ROLES.items():
            self.fields[f"participants_{role}"] = forms.IntegerField(label=label, required=False, min_value=0,
                                                                     max_value=500)
        if with_actions:
            self.fields["actions"] = text_area(
                "Acties (niet verplicht)", required=False,
                help_text="Eén actie per regel. Elke actie wordt een verbetervoorstel met de status 'Voorgesteld'.")
            self.fields["action_owner"] = forms.CharField(label="Eigenaar van de acties", max_length=200,
                                                          initial="Praktijkgroep")

    def participant_fields(self):
        return [self[f"participants_{role}"] for role in rules.PARTICIPANT_ROLES]

    def other_fields(self):
        return [field for field in self.visible_fields() if not field.name.startswith("participants_")]

    def service_args(self) -> dict:
        data = dict(self.cleaned_data)
        data["participants"] = {role: data.pop(f"participants_{role}") or 0 for role in rules.PARTICIPANT_ROLES}
        return data


class MilestoneForm(RegionForm):
    year = forms.IntegerField(label="Jaar", min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label="Soort", choices=MilestoneKind.choices, widget=forms.RadioSelect,
                             initial=MilestoneKind.MILESTONE)
    level = forms.ChoiceField(label="Niveau", choices=Level.choices, widget=forms.RadioSelect,
                              initial=Level.REGIONAL)
    title = forms.CharField(label="Omschrijving", max_length=300)
    result = text_area("Resultaat (niet verplicht)", required=False, rows=3)
    starts_on = date_field("Begin (niet verplicht)", required=False)
    ends_on = date_field("Klaar op, gepland (niet verplicht)", required=False)
    status = forms.ChoiceField(label="Status", choices=MilestoneStatus.choices, widget=forms.RadioSelect,
                               initial=MilestoneStatus.PLANNED)


class TargetForm(RegionForm):
    comparison = forms.ChoiceField(label="Doel", choices=Comparison.choices)
    families = forms.IntegerField(label="Aantal gezinnen", min_value=0, max_value=100000)
    note = forms.CharField(label="Toelichting (niet verplicht)", max_length=300, required=False)


class ProgressTextsForm(RegionForm):
    regional = text_area("Regionale voortgang en ontwikkelingen", required=False, rows=10,
                         help_text="Laat een lege regel tussen twee onderwerpen: elk onderwerp wordt een punt in "
                                   "de rapportage.")
    national = text_area("Landelijke voortgang en ontwikkelingen", required=False, rows=10,
                         help_text="Laat een lege regel tussen twee onderwerpen.")
