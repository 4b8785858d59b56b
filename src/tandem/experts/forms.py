"""Forms of the pool: shape only (the rules live in rules.py and the services). No form has a field for what
happened in a contact or a session."""
from django import forms

from tandem.experts.models import ContactKind, Pool, Purpose, SessionKind
from tandem.organisations.models import Role, User

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ProfileForm(forms.Form):
    name = forms.CharField(label="Naam van het profiel", max_length=100,
                           help_text="Bijvoorbeeld: LVB, ouder, jongere, voormalig pleger.")


class ExpertForm(VersionedForm):
    user = forms.ModelChoiceField(label="Ervaringsdeskundige", queryset=User.objects.none())
    pool = forms.ChoiceField(label="Pool", choices=Pool.choices, widget=forms.RadioSelect)
    profiles = forms.ModelMultipleChoiceField(label="Profielen", queryset=None, widget=forms.CheckboxSelectMultiple)
    sites = forms.ModelMultipleChoiceField(label="Werkt in", queryset=None, widget=forms.CheckboxSelectMultiple)
    available = forms.BooleanField(label="Beschikbaar voor nieuwe gezinnen", required=False, initial=True)
    max_families = forms.IntegerField(label="Hoogstens zoveel gezinnen tegelijk", min_value=1, max_value=20,
                                      initial=3)

    def __init__(self, *args, organisation, profiles, sites, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profiles"].queryset = profiles
        self.fields["sites"].queryset = sites
        if editing:
            del self.fields["user"]
        else:
            self.fields["user"].queryset = User.objects.filter(
                organisation=organisation, role=Role.ERVARINGSDESKUNDIGE, is_active=True, expert__isnull=True)


class CallUpForm(forms.Form):
    profile = forms.ModelChoiceField(label="Welk profiel past bij het gezin?", queryset=None,
                                     widget=forms.RadioSelect)
    purpose = forms.ChoiceField(label="Waarvoor?", choices=Purpose.choices, widget=forms.RadioSelect)
    wanted_on = forms.DateField(label="Vanaf wanneer?", widget=DATE)
    wanted_until = forms.DateField(label="Tot wanneer? (alleen bij steun over een periode)", required=False,
                                   widget=DATE)

    def __init__(self, *args, profiles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profile"].queryset = profiles


class ProposeForm(VersionedForm):
    expert = forms.ModelChoiceField(label="Wie stelt u voor?", queryset=None, widget=forms.RadioSelect)

    def __init__(self, *args, experts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = experts


class ContactForm(forms.Form):
    on = forms.DateField(label="Datum", widget=DATE)
    kind = forms.ChoiceField(label="Soort contact", choices=ContactKind.choices, widget=forms.RadioSelect)
    number = forms.IntegerField(label="Aantal contacten", min_value=1, max_value=20, initial=1)
    minutes = forms.IntegerField(label="Duur in minuten (alle contacten samen)", min_value=1, max_value=1440)


class SessionForm(forms.Form):
    kind = forms.ChoiceField(label="Soort", choices=SessionKind.choices, widget=forms.RadioSelect)
    held_on = forms.DateField(label="Datum", widget=DATE)
    attendees = forms.ModelMultipleChoiceField(label="Wie waren er?", queryset=None,
                                               widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, experts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = experts


class VoiceForm(forms.Form):
    k_text = forms.CharField(label="Wat betekende het contact met de ervaringsdeskundige voor u?", required=False,
                             max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
                             help_text="Een ervaringsdeskundige is iemand die zelf ook zoiets heeft meegemaakt. "
                                       "Schrijf het in uw eigen woorden. U hoeft geen namen te noemen.")
    i_text = forms.CharField(label="Hoe ging het samenwerken met de hulpverleners?", required=False,
                             max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
                             help_text="Wat ging goed? Wat kan beter?")


class LessonForm(forms.Form):
    site = forms.ModelChoiceField(label="Toekomsttuin", queryset=None)
    kind = forms.ChoiceField(label="Soort", choices=[("lesson", "Geleerde les"), ("good_practice", "Goed voorbeeld"),
                                                     ("bottleneck", "Knelpunt")], widget=forms.RadioSelect)
    aspect = forms.ChoiceField(label="Gaat het over", choices=[("content", "Inhoud"), ("process", "Proces")],
                               widget=forms.RadioSelect)
    text = forms.CharField(label="Uw ervaring", max_length=2000, widget=forms.Textarea(attrs={"rows": 5}),
                           help_text="Zonder namen van gezinnen: namen worden weggehaald.")

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
