"""Portal forms: shape only. The rules live in portal/services.py and portal/rules.py."""
from django import forms


class CodeLoginForm(forms.Form):
    login_name = forms.CharField(label="Inlognaam", max_length=20,
                                 widget=forms.TextInput(attrs={"autocomplete": "username", "spellcheck": "false"}))
    code = forms.CharField(label="Inlogcode", max_length=20,
                           help_text="De code die u van uw hulpverlener kreeg, bijvoorbeeld ABCD-EFGH.",
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}))


class ViewForm(forms.Form):
    text = forms.CharField(label="Uw kijk erop", max_length=5000, widget=forms.Textarea(attrs={"rows": 5}),
                           help_text="Schrijf op hoe u het ziet. Wat er staat blijft staan; uw tekst komt ernaast.")


class CorrectionForm(forms.Form):
    text = forms.CharField(label="Wat klopt er niet?", max_length=5000, widget=forms.Textarea(attrs={"rows": 5}),
                           help_text="Schrijf op wat er niet klopt en hoe het wel is. Uw hulpverlener antwoordt u.")


class CorrectionResponseForm(forms.Form):
    response = forms.CharField(label="Uw antwoord aan het gezin", max_length=5000,
                               widget=forms.Textarea(attrs={"rows": 5}),
                               help_text="Schrijf in gewone taal wat u met het verzoek heeft gedaan en waarom.")
