"""Web forms of the dossier. They check shape only (required, type, length); the rules live in the services.

Field names match the keyword arguments of the service each form feeds (docs/services-contract.md), so a view
can pass `form.cleaned_data` on as it is. Every edit form carries the trajectory version it was opened at
(`expected_version`), so a concurrent change is refused instead of overwritten.
"""
from typing import ClassVar

from django import forms
from django.core.validators import RegexValidator

from tandem.cases.models import (
    ConsentHow,
    EntryKind,
    ExpertScope,
    Form,
    MeasureType,
    Nature,
    TriageKind,
    TriageOutcome,
)
from tandem.organisations.models import (
    NO_DOSSIER_ROLES,
    Organisation,
    OrganisationKind,
    Role,
    User,
)

YES_NO = [("ja", "Ja"), ("nee", "Nee")]


def _to_bool(value: str) -> bool:
    return value == "ja"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def date_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DateInput(), help_text=help_text)


def text_area(label: str, *, required: bool = True, help_text: str = "", rows: int = 4) -> forms.CharField:
    return forms.CharField(label=label, required=required, help_text=help_text,
                           widget=forms.Textarea(attrs={"rows": rows}))


def yes_no_field(label: str, help_text: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, choices=YES_NO, coerce=_to_bool, widget=forms.RadioSelect,
                                  help_text=help_text)


class LabelledMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Several household members, each shown with the page's label for them."""

    def __init__(self, *args, labels: dict, **kwargs):
        self.labels = labels
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj) -> str:
        return self.labels.get(obj.pk, str(obj))


class ProfessionalChoiceField(forms.ModelChoiceField):
    """Shows 'Naam – Organisatie' so people with the same name can be told apart."""

    def label_from_instance(self, obj) -> str:
        return f"{obj} – {obj.organisation}"


class LabelledChoiceField(forms.ModelChoiceField):
    """Shows the label the page shows for this object (e.g. an anonymised member), never its raw name."""

    def __init__(self, *args, labels: dict, **kwargs):
        self.labels = labels
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj) -> str:
        return self.labels.get(obj.pk, str(obj))


def dossier_professionals():
    """Active professionals with a dossier role and an organisation (candidates for the team)."""
    return (User.objects.filter(is_active=True, organisation__isnull=False)
            .exclude(role__in=[*NO_DOSSIER_ROLES, Role.KOPPELING])  # an API client's account is no person
            .select_related("organisation").order_by("first_name", "last_name"))


def partner_organisations():
    return Organisation.objects.exclude(kind=OrganisationKind.LOCAL_TEAM).order_by("name")


class PlainForm(forms.Form):
    """Labels without a trailing colon: they read better next to check boxes and in the error summary."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class VersionedForm(PlainForm):
    """Base of every edit form: the trajectory version at the time the form was opened."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


BSN_SHAPE = RegexValidator(r"^\d{9}$", "Een BSN bestaat uit 9 cijfers, zonder spaties of punten.")
MINOR_CHOICES = [("", "Weet ik niet (vul de geboortedatum in)"), ("ja", "Ja, jonger dan 18"),
                 ("nee", "Nee, 18 jaar of ouder")]


class MemberForm(PlainForm):
    given_names = forms.CharField(label="Voornamen", max_length=200)
    prefix = forms.CharField(label="Tussenvoegsel", max_length=30, required=False,
                             help_text="Bijvoorbeeld: de, van, van der.")
    family_name = forms.CharField(label="Achternaam", max_length=200)
    birth_date = date_field("Geboortedatum", required=False)
    minor = forms.TypedChoiceField(label="Minderjarig?", choices=MINOR_CHOICES, coerce=_to_bool,
                                   empty_value=None, required=False,
                                   help_text="Alleen nodig als u de geboortedatum niet weet.")
    bsn = forms.CharField(label="BSN (mag leeg blijven)", max_length=9, required=False, validators=[BSN_SHAPE])
    is_network = forms.BooleanField(label="Netwerkpersoon (geen gezinslid)", required=False,
                                    help_text="Bijvoorbeeld een buurvrouw, opa of vriend die het gezin steunt.")
    relation = forms.CharField(label="Relatie tot het gezin", max_length=100, required=False,
                               help_text="Bijvoorbeeld: moeder, zoon, oma.")

    def clean(self):
        """The monitor needs to know who is under 18: a birth date, or 'minderjarig' yes or no."""
        data = super().clean()
        if not data.get("is_network") and data.get("birth_date") is None and data.get("minor") is None \
                and "birth_date" not in self.errors:
            self.add_error("birth_date", "Vul de geboortedatum in, of kies bij 'Minderjarig?' ja of nee.")
        return data


class MemberAddForm(MemberForm, VersionedForm):
    pass


class BaseMemberFormSet(forms.BaseFormSet):
    default_error_messages: ClassVar[dict] = {
        "too_few_forms": "Vul ten minste één gezinslid in.",
        "too_many_forms": "U kunt hier hoogstens %(num)d personen invullen. Voeg de anderen later toe.",
    }

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        filled = [f for f in self.forms if f.has_changed() and not f.cleaned_data.get("is_network")]
        if not filled:
            raise forms.ValidationError("Vul ten minste één gezinslid in (geen netwerkpersoon).")


MemberFormSet = forms.formset_factory(MemberForm, formset=BaseMemberFormSet, extra=5, min_num=1,
                                      validate_min=True, max_num=6, validate_max=True)


class RegistrationForm(PlainForm):
    registered_on = date_field("Datum van aanmelding")
    measure_considered = yes_no_field(
        "Was de zorg zo groot dat een beschermingsmaatregel is overwogen?",
        help_text="Bijvoorbeeld een ondertoezichtstelling of een uithuisplaatsing.")
    reason = text_area("Reden van aanmelding", required=False,
                       help_text="Schrijf kort en in gewone woorden waarom het gezin is aangemeld.")


class TriageForm(VersionedForm):
    kind = forms.ChoiceField(label="Soort triage", choices=TriageKind.choices, widget=forms.RadioSelect)
    decided_on = date_field("Datum van het besluit")
    outcome = forms.ChoiceField(label="Besluit", choices=TriageOutcome.choices, widget=forms.RadioSelect)
    participants = text_area("Wie deden mee?", rows=2, help_text="Namen en organisaties van de deelnemers.")
    notes = text_area("Toelichting", required=False)


class CloseForm(VersionedForm):
    closed_on = date_field("Datum van afsluiten")
    end_evaluation = text_area("Eindevaluatie", rows=6,
                               help_text="Wat is bereikt? Hoe veilig is het nu? Wat vindt het gezin zelf? "
                                         "(De eindevaluatie hoort bij de TOP3-methode.)")
    exit_participants = text_area("Wie deden mee aan de uitstroomtriage?", rows=2,
                                  help_text="Namen en organisaties. Het besluit is: uitstroom.")
    exit_notes = text_area("Toelichting bij de uitstroom", required=False, rows=2)
    reason = text_area("Waarom sluit het lokale team toch af?", required=False, rows=3,
                       help_text="Alleen nodig als er nog een maatregel loopt of een beschermpartner de regie "
                                 "heeft met wettelijke bevoegdheden.")
    confirmed = forms.BooleanField(label="Ik heb gezien wat er nog loopt, en het traject mag sluiten.",
                                   help_text="Wat nog loopt, stopt op de datum van afsluiten.")


class ReopenForm(VersionedForm):
    reason = text_area("Waarom gaat het traject weer open?", rows=3,
                       help_text="Bijvoorbeeld: per ongeluk afgesloten, of het gezin vraagt binnen korte tijd weer "
                                 "om hulp. U neemt zelf weer de regie.")


class TeamMemberAddForm(VersionedForm):
    professional = ProfessionalChoiceField(label="Medewerker", queryset=User.objects.none(),
                                           empty_label="Kies een medewerker")
    joined_on = date_field("Erbij vanaf")
    role_in_team = forms.CharField(label="Rol in het team", max_length=100, required=False,
                                   help_text="Bijvoorbeeld: analyse veiligheid, gezinsbegeleiding.")

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        candidates = dossier_professionals()
        self.fields["professional"].queryset = candidates.filter(organisation=organisation) if organisation \
            else candidates


class TeamMemberLeaveForm(VersionedForm):
    left_on = date_field("Gestopt op")


class LeadSwitchForm(VersionedForm):
    professional = ProfessionalChoiceField(label="Nieuwe regiehouder (voorop)", queryset=User.objects.none(),
                                           empty_label="Kies een medewerker",
                                           help_text="De huidige regiehouder blijft in het team (achterop).")
    on = date_field("Vanaf")
    statutory_ground = text_area(
        "Wettelijke grond", required=False, rows=2,
        help_text="Alleen nodig als een beschermpartner de regie neemt zonder dat hier al een melding of "
                  "maatregel is vastgelegd. Schrijf op welke melding of maatregel het is.")

    def __init__(self, *args, trajectory=None, local_team_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        candidates = dossier_professionals().exclude(role=Role.ERVARINGSDESKUNDIGE)
        if local_team_only and trajectory is not None:  # a partner in front hands back to the local team
            candidates = candidates.filter(organisation__kind=OrganisationKind.LOCAL_TEAM,
                                           organisation__site_id=trajectory.site_id)
            del self.fields["statutory_ground"]
        self.fields["professional"].queryset = candidates


class InvolvementStartForm(VersionedForm):
    organisation = forms.ModelChoiceField(label="Organisatie", queryset=Organisation.objects.none(),
                                          empty_label="Kies een organisatie")
    form = forms.ChoiceField(label="Vorm van betrokkenheid", choices=Form.choices, widget=forms.RadioSelect)
    start = date_field("Begin")
    end = date_field("Einde", required=False, help_text="Laat leeg als de betrokkenheid nog loopt.")
    anonymous = forms.BooleanField(label="Anoniem (het gezin wordt niet genoemd)", required=False,
                                   help_text="Kan alleen bij advies en/of consult.")
    household_informed_on = date_field("Gezin geïnformeerd op", required=False,
                                       help_text="Vul in wanneer het gezin hoorde dat deze organisatie meekijkt.")

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = partner_organisations()
        self.fields["organisation"].queryset = organisations.filter(pk=organisation.pk) if organisation \
            else organisations


class InvolvementEndForm(VersionedForm):
    end = date_field("Einddatum")


class TimeRegisterForm(VersionedForm):
    on = date_field("Datum")
    hours = forms.DecimalField(label="Aantal uren", max_digits=5, decimal_places=2, min_value=0.01,
                               max_value=24, help_text="Bijvoorbeeld 1,5 voor anderhalf uur.",
                               widget=forms.NumberInput(attrs={"step": "0.25"}))


class MemberChoiceMixin:
    """Forms that pick a household member get the members and the labels the page uses for them."""

    member_fields: tuple = ()

    def set_members(self, members, labels) -> None:
        for name in self.member_fields:
            field = self.fields[name]
            field.queryset = members
            field.labels = labels


class ConsentRecordForm(MemberChoiceMixin, VersionedForm):
    member_fields = ("given_by",)
    given_by = LabelledChoiceField(label="Gegeven door", queryset=None, labels={}, empty_label="Kies een gezinslid",
                                   help_text="Een gezinslid van 16 jaar of ouder. Voor een jonger kind geeft een "
                                             "ouder of voogd toestemming.")
    organisation = forms.ModelChoiceField(label="Toestemming aan", queryset=Organisation.objects.none(),
                                          empty_label="Kies een organisatie")
    purpose = forms.CharField(label="Waarvoor", max_length=300,
                              help_text="Bijvoorbeeld: informatie delen met Veilig Thuis over de veiligheid thuis.")
    given_on = date_field("Gegeven op")
    how = forms.ChoiceField(label="Hoe gaf het gezin toestemming?", widget=forms.RadioSelect,
                            choices=[(ConsentHow.PAPER, ConsentHow.PAPER.label),
                                     (ConsentHow.CONVERSATION, ConsentHow.CONVERSATION.label)])
    expert_scope = forms.ChoiceField(label="Alleen bij een ervaringsdeskundige: wat mag die zien?", required=False,
                                     choices=ExpertScope.choices, initial=ExpertScope.BASIC, widget=forms.RadioSelect,
                                     help_text="Het gezin kiest. Een analyse en meningen in het journaal ziet een "
                                               "ervaringsdeskundige nooit.")
    scan = forms.FileField(label="Scan van de getekende verklaring (mag leeg blijven)", required=False,
                           help_text="PDF, JPG of PNG, hoogstens 5 MB.")

    def clean_expert_scope(self):
        return self.cleaned_data.get("expert_scope") or ExpertScope.BASIC

    def clean_scan(self):
        upload = self.cleaned_data.get("scan")
        return upload.read() if upload else None

    def __init__(self, *args, members=None, labels=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = partner_organisations()
        self.set_members(members, labels or {})


class ConsentWithdrawForm(VersionedForm):
    withdrawn_on = date_field("Ingetrokken op")


class ReportRecordForm(MemberChoiceMixin, VersionedForm):
    member_fields = ("subject",)
    on = date_field("Datum van de melding")
    organisation = forms.ModelChoiceField(label="Melding gedaan bij", queryset=Organisation.objects.none(),
                                          empty_label="Kies een organisatie")
    subject = LabelledChoiceField(label="Over wie gaat de melding?", queryset=None, labels={}, required=False,
                                  empty_label="Het hele gezin")
    initiated_from_site = yes_no_field("Is de melding vanuit de toekomsttuin gedaan?")
    handled_by = ProfessionalChoiceField(label="Behandeld door", queryset=User.objects.none(), required=False,
                                         empty_label="Nog niet bekend")

    def __init__(self, *args, members=None, labels=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = partner_organisations()
        self.fields["handled_by"].queryset = dossier_professionals()
        self.set_members(members, labels or {})


class MeasureRecordForm(MemberChoiceMixin, VersionedForm):
    member_fields = ("subject",)
    type = forms.ChoiceField(label="Soort maatregel", choices=MeasureType.choices, widget=forms.RadioSelect)
    on = date_field("Datum")
    ends_on = date_field("Loopt tot en met", required=False)
    provisional = forms.BooleanField(label="Voorlopige maatregel", required=False)
    extends = LabelledChoiceField(label="Verlenging van", queryset=None, labels={}, required=False,
                                  empty_label="Geen verlenging")
    initiated_from_site = yes_no_field("Is de maatregel vanuit de toekomsttuin in gang gezet?",
                                       help_text="Kies 'Nee' voor een maatregel die al liep bij de aanmelding.")
    subject = LabelledChoiceField(label="Voor wie geldt de maatregel?", queryset=None, labels={}, required=False,
                                  empty_label="Kies een gezinslid")
    handled_by = ProfessionalChoiceField(label="Uitgevoerd door", queryset=User.objects.none(), required=False,
                                         empty_label="Nog niet bekend",
                                         help_text="Een andere medewerker dan wie in het team van dit gezin zit.")

    def __init__(self, *args, members=None, labels=None, measures=None, measure_labels=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handled_by"].queryset = dossier_professionals()
        self.fields["extends"].queryset = measures
        self.fields["extends"].labels = measure_labels or {}
        self.set_members(members, labels or {})


class ExpertContactForm(VersionedForm):
    on = date_field("Datum van het contact")
    expert = ProfessionalChoiceField(label="Ervaringsdeskundige", queryset=User.objects.none(),
                                     empty_label="Kies een ervaringsdeskundige",
                                     help_text="We tellen alleen het aantal contacten, nooit de inhoud.")

    def __init__(self, *args, only=None, **kwargs):
        super().__init__(*args, **kwargs)
        experts = dossier_professionals().filter(role=Role.ERVARINGSDESKUNDIGE)
        self.fields["expert"].queryset = experts.filter(pk=only.pk) if only is not None else experts


JOURNAL_HELP = ("Schrijf in gewone woorden, zodat het gezin het kan lezen. Houd feiten, waarnemingen en meningen "
                "uit elkaar: schrijf per notitie één soort. Noteer ook wat het gezin er zelf van vindt.")


class JournalEntryForm(MemberChoiceMixin, VersionedForm):
    member_fields = ("hidden_from",)
    kind = forms.ChoiceField(label="Soort notitie", choices=EntryKind.choices, widget=forms.RadioSelect)
    on = date_field("Datum van het contact of besluit", required=False,
                    help_text="Wanneer gebeurde het? Leeg laten betekent vandaag.")
    nature = forms.ChoiceField(label="Is dit een feit, een waarneming of een mening?", choices=Nature.choices,
                               widget=forms.RadioSelect,
                               help_text="Feit: wat vaststaat. Waarneming: wat u zelf zag of hoorde. "
                                         "Mening: wat u ervan vindt.")
    source = forms.CharField(label="Bron", max_length=300,
                             help_text="Van wie of waar komt deze informatie? Bijvoorbeeld: gesprek met moeder.")
    text = text_area("Tekst", rows=8, help_text=JOURNAL_HELP)
    withheld_reason = text_area(
        "Reden om deze notitie niet aan het gezin te tonen", required=False, rows=2,
        help_text="Laat leeg: dan kan het gezin de notitie lezen. Dat is de gewone situatie.")
    hidden_from = LabelledMultipleChoiceField(
        label="Niet zichtbaar voor deze gezinsleden", queryset=None, labels={}, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Alleen als het voor iemands veiligheid nodig is. De anderen lezen de notitie wel.")
    hidden_reason = text_area("Reden om het voor hen niet te tonen", required=False, rows=2)

    def __init__(self, *args, kinds=None, may_hide: bool = True, members=None, labels=None, **kwargs):
        super().__init__(*args, **kwargs)
        if kinds is not None:
            self.fields["kind"].choices = [(k, EntryKind(k).label) for k in kinds]
            if len(kinds) == 1:
                self.fields["kind"].initial = kinds[0]
        if not may_hide:
            for name in ("withheld_reason", "hidden_from", "hidden_reason"):
                del self.fields[name]
        else:
            self.set_members(members, labels or {})


class ConsentRequestForm(VersionedForm):
    purpose = forms.CharField(label="Waarvoor vraagt u toestemming?", max_length=300,
                              help_text="Schrijf het zo dat het gezin het begrijpt. Bijvoorbeeld: om samen met u "
                                        "te kijken wat er nodig is voor de veiligheid thuis.")


class InvolvementDecideForm(VersionedForm):
    DECISIONS = [("end", "Beëindigen: de organisatie stopt"),
                 ("continue", "Doorgaan op een wettelijke grond (oranje of rood)")]
    decision = forms.ChoiceField(label="Wat is het besluit?", choices=DECISIONS, widget=forms.RadioSelect)
    end = date_field("Einddatum (bij beëindigen)", required=False)
    form = forms.ChoiceField(label="Vorm (bij doorgaan)", required=False, widget=forms.RadioSelect,
                             choices=[(Form.ORANGE, Form.ORANGE.label), (Form.RED, Form.RED.label)])
    statutory_ground = text_area("Wettelijke grond (bij doorgaan)", required=False, rows=2,
                                 help_text="Bijvoorbeeld: melding bij Veilig Thuis van 3 maart, onderzoek loopt.")

    def clean(self):
        data = super().clean()
        if data.get("decision") == "end" and not data.get("end"):
            self.add_error("end", "Vul de einddatum in.")
        return data


class JournalHideForm(MemberChoiceMixin, VersionedForm):
    member_fields = ("members",)
    members = LabelledMultipleChoiceField(label="Niet zichtbaar voor", queryset=None, labels={}, required=False,
                                          widget=forms.CheckboxSelectMultiple,
                                          help_text="Zet geen vinkje om de notitie weer voor iedereen te tonen.")
    reason = text_area("Reden", required=False, rows=2,
                       help_text="Waarom mag dit gezinslid de notitie niet lezen? Dit wordt vastgelegd.")


class JoinRequestForm(VersionedForm):
    organisation = forms.ModelChoiceField(label="Welke organisatie vraagt u?", queryset=Organisation.objects.none(),
                                          empty_label="Kies een organisatie")
    purpose = forms.CharField(label="Waarvoor vraagt u hen?", max_length=300,
                              help_text="Schrijf wat u van hen vraagt, zonder namen. Bijvoorbeeld: meedenken over "
                                        "de veiligheid thuis na ruzies.")
    form = forms.ChoiceField(label="Vorm van betrokkenheid", choices=Form.choices, widget=forms.RadioSelect,
                             help_text="Groen kan alleen met toestemming van het gezin voor deze organisatie; oranje "
                                       "pas na een melding of maatregel; rood binnen een maatregel.")
    anonymous = forms.BooleanField(label="Anoniem (het gezin wordt niet genoemd)", required=False,
                                   help_text="Kan alleen bij advies en/of consult.")
    household_informed_on = date_field("Gezin geïnformeerd op", required=False,
                                       help_text="Nodig bij de Raad voor de Kinderbescherming zonder toestemming.")
    wanted_by = date_field("Graag antwoord vóór")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = partner_organisations()


class JoinAcceptForm(PlainForm):
    professional = ProfessionalChoiceField(label="Wie sluit aan?", queryset=User.objects.none(),
                                           empty_label="Kies een medewerker",
                                           help_text="Deze medewerker komt achterop in het team van het gezin.")
    joined_on = date_field("Sluit aan vanaf")

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["professional"].queryset = dossier_professionals().filter(organisation=organisation)


class JoinDeclineForm(PlainForm):
    reason = text_area("Waarom sluit uw organisatie niet aan?", rows=3,
                       help_text="Het lokale team leest dit en zoekt verder.")
