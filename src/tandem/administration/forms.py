"""Forms of the beheer screens: parse and check the shape of what was typed; the rules are in services/rules."""
from django import forms

from tandem.administration.services import PersonData
from tandem.organisations.models import MonitorApprover, MonitorFiller, OrganisationKind, Region, PERSON_ROLES


class OrganisationForm(forms.Form):
    code = forms.CharField(label="Code", max_length=30, help_text="Kort en uniek, bijvoorbeeld GEM-HLV.")
    name = forms.CharField(label="Naam", max_length=200)
    kind = forms.ChoiceField(label="Soort organisatie", choices=OrganisationKind.choices)
    site = forms.ModelChoiceField(label="Toekomsttuin (alleen voor een lokaal team)", queryset=None, required=False)

    def __init__(self, *args, region: Region, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = region.sites.order_by("name")
        if editing:
            del self.fields["code"]


class SiteForm(forms.Form):
    code = forms.CharField(label="Code", max_length=20, help_text="Kort en uniek, bijvoorbeeld HLV.")
    name = forms.CharField(label="Naam", max_length=200)
    municipality = forms.CharField(label="Gemeente", max_length=200)
    monitor_filler = forms.ChoiceField(label="Wie vult de kwartaalmonitor in en dient hem in",
                                       choices=MonitorFiller.choices)
    monitor_approver = forms.ChoiceField(label="Wie keurt het kwartaal goed", choices=MonitorApprover.choices,
                                         help_text="Wie indient, keurt nooit zelf goed.")

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["code"]


class RegionSettingsForm(forms.ModelForm):
    class Meta:
        model = Region
        fields = ["programme_start", "portal_min_age", "consent_min_age", "reopen_days", "expiry_window_days",
                  "notify_by_email", "emergency_minutes", "retention_years"]
        labels = {"programme_start": "Start van het programma (eerste kwartaal van de monitor)",
                  "emergency_minutes": "Noodtoegang duurt (minuten)",
                  "retention_years": "Dossiers bewaren na afsluiten (jaren)"}
        help_texts = {"programme_start": "Datum als dd-mm-jjjj.",
                      "emergency_minutes": "Leeg: de instelling van de server.",
                      "retention_years": "Leeg: de instelling van de server (wettelijk ten minste 20 jaar). Alleen langer kan."}
        widgets = {"programme_start": forms.DateInput(format="%d-%m-%Y")}

    def clean_emergency_minutes(self):
        value = self.cleaned_data.get("emergency_minutes")
        if value is not None and not 5 <= value <= 480:
            raise forms.ValidationError("Kies tussen 5 en 480 minuten.")
        return value

    def clean_retention_years(self):
        value = self.cleaned_data.get("retention_years")
        if value is not None and not 20 <= value <= 100:
            raise forms.ValidationError("Kies 20 jaar of meer (Jeugdwet art. 7.3.8: ten minste 20 jaar), hoogstens 100.")
        return value


class PersonForm(forms.Form):
    username = forms.CharField(label="Inlognaam", max_length=150, help_text="Bijvoorbeeld voornaam.achternaam.")
    first_name = forms.CharField(label="Voornaam", max_length=150)
    last_name = forms.CharField(label="Achternaam", max_length=150)
    email = forms.EmailField(label="E-mailadres (werk)", help_text="Hier komt de uitnodiging.")
    organisation = forms.ModelChoiceField(label="Organisatie", queryset=None)
    role = forms.ChoiceField(label="Rol waarin deze persoon begint", choices=PERSON_ROLES)
    other_roles = forms.MultipleChoiceField(label="Andere rollen (een persoon kan meer rollen hebben)",
                                            choices=PERSON_ROLES, required=False,
                                            widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, organisations, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if editing:
            del self.fields["username"]
            self.fields["role"].label = "Rol waarin deze persoon nu werkt"

    def person_data(self, username: str = "") -> PersonData:
        data = self.cleaned_data
        roles = [data["role"], *[r for r in data["other_roles"] if r != data["role"]]]
        return PersonData(username=data.get("username", username), first_name=data["first_name"],
                          last_name=data["last_name"], email=data["email"], organisation=data["organisation"],
                          roles=roles)


class ResetRequestForm(forms.Form):
    reason = forms.CharField(label="Waarom moet de tweede stap opnieuw?", max_length=300,
                             help_text="Bijvoorbeeld: telefoon kwijt of nieuwe telefoon.")


class InvitationForm(forms.Form):
    password = forms.CharField(label="Kies een wachtwoord", widget=forms.PasswordInput(render_value=False),
                               help_text="Minstens 10 tekens. Geen wachtwoord dat u ergens anders gebruikt.")
    password_again = forms.CharField(label="Typ het wachtwoord nog een keer", widget=forms.PasswordInput)
    code = forms.CharField(label="Code uit de app (6 cijfers)", max_length=12,
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", "De twee wachtwoorden zijn niet gelijk.")
        return data
