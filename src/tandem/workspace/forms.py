"""Forms of the composed pages. Shape only; the selectors and services decide."""
from django import forms

from tandem.cases.forms import PlainForm
from tandem.workspace.families import PHASES

REGIMES = [("", "Alle"), ("red", "Rood"), ("orange", "Oranje"), ("green", "Groen"), ("consult", "Advies"),
           ("other", "Anders"), ("none", "Geen")]


class FamilySearchForm(PlainForm):
    text = forms.CharField(label="Zoeken", max_length=100, required=False,
                           help_text="Een naam, het kenmerk of het dossiernummer. Een BSN vindt alleen een gezin met "
                                     "precies dat nummer (9 cijfers).")
    site = forms.ChoiceField(label="Toekomsttuin", required=False)
    lead = forms.ChoiceField(label="Regiehouder", required=False)
    phase = forms.ChoiceField(label="Fase", required=False,
                              choices=[("", "Alle"), ("open", "Niet afgesloten"), *[(p, p) for p in PHASES]])
    regime = forms.ChoiceField(label="Zwaarste vorm nu", required=False, choices=REGIMES)
    attention = forms.BooleanField(label="Alleen gezinnen die aandacht vragen", required=False,
                                   help_text="Er staat iets voor u op uw werklijst.")

    def __init__(self, *args, choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].choices = [("", "Alle"), *choices["sites"]]
        self.fields["lead"].choices = [("", "Iedereen"), ("ik", "Ikzelf"), *choices["leads"]]
