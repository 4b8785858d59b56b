"""Portal forms: shape only. The rules live in portal/services.py and portal/rules.py."""
from django import forms


class CodeLoginForm(forms.Form):
    login_name = forms.CharField(label="Inlognaam", max_length=20,
                                 widget=forms.TextInput(attrs={"autocomplete": "username", "spellcheck": "false"}))
    code = forms.CharField(label="Inlogcode", max_length=20,
                           help_text="De code die u van uw hulpverlener kreeg, bijvoorbeeld ABCD-EFGH.",
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}))


SHARED_HELP = ("Alleen u en de hulpverleners lezen uw tekst. Zet een vinkje als de andere gezinsleden hem ook "
               "mogen lezen.")


class ViewForm(forms.Form):
    text = forms.CharField(label="Uw kijk erop", max_length=5000, widget=forms.Textarea(attrs={"rows": 5}),
                           help_text="Schrijf op hoe u het ziet. Wat er staat blijft staan; uw tekst komt ernaast.")
    shared = forms.BooleanField(label="Mijn gezin mag dit ook lezen", required=False, help_text=SHARED_HELP)


class CorrectionForm(forms.Form):
    text = forms.CharField(label="Wat klopt er niet?", max_length=5000, widget=forms.Textarea(attrs={"rows": 5}),
                           help_text="Schrijf op wat er niet klopt en hoe het wel is. Uw hulpverlener antwoordt u.")
    shared = forms.BooleanField(label="Mijn gezin mag dit ook lezen", required=False, help_text=SHARED_HELP)


class ConsentGiveForm(forms.Form):
    """The member's yes to one organisation (choices set by the view: those that asked or are on the team)."""

    organisation = forms.ChoiceField(label="Aan wie geeft u toestemming?")
    purpose = forms.CharField(label="Waarvoor?", max_length=300,
                              help_text="Bijvoorbeeld: om mee te denken over de veiligheid thuis.")
    understood = forms.BooleanField(label="Ik begrijp dat deze organisatie dan mijn naam en die van mijn gezin ziet, "
                                          "en dat ik de toestemming altijd kan intrekken.")


class CorrectionResponseForm(forms.Form):
    response = forms.CharField(label="Uw antwoord aan het gezin", max_length=5000,
                               widget=forms.Textarea(attrs={"rows": 5}),
                               help_text="Schrijf in gewone taal wat u met het verzoek heeft gedaan en waarom.")
