"""Forms of the monitor screens: experiences G–K and the reason for reopening a quarter."""
from django import forms

from tandem.monitor import rules

ANSWERS = [("", "Nu niet beantwoorden"), ("ja", "Ja"), ("nee", "Nee")]


class ExperiencesForm(forms.Form):
    G = forms.CharField(label="G. Ervaringen van professionals", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    H = forms.CharField(label="H. Werken met TOP3: wat kost het, wat levert het op?", required=False,
                        widget=forms.Textarea(attrs={"rows": 4}))
    I = forms.CharField(label="I. Ervaringen van gezinnen", required=False,
                        widget=forms.Textarea(attrs={"rows": 4}),
                        help_text="Schrijf geen namen of andere gegevens waaraan iemand te herkennen is.")
    K = forms.CharField(label="K. Wat betekende het contact met de ervaringsdeskundige voor de cliënt?",
                        required=False, widget=forms.Textarea(attrs={"rows": 4}))
    answer = forms.ChoiceField(label="J. Heeft werken met ervaringsdeskundigen meerwaarde?", choices=ANSWERS,
                               required=False, widget=forms.RadioSelect)
    reasons = forms.MultipleChoiceField(label="J. Zo ja: waarin zit de meerwaarde? (meer antwoorden mogelijk)",
                                        choices=[(r, r[0].upper() + r[1:]) for r in rules.J_REASONS],
                                        required=False, widget=forms.CheckboxSelectMultiple)
    other_reason = forms.CharField(label="J. Anders, namelijk", required=False, max_length=200)

    def service_args(self) -> dict:
        data = self.cleaned_data
        reasons = list(data["reasons"]) + ([data["other_reason"].strip()] if data["other_reason"].strip() else [])
        answer = {"ja": True, "nee": False}.get(data["answer"])
        return {"texts": {q: data[q] for q in rules.TEXT_QUESTIONS}, "answer": answer, "reasons": reasons}


class ReopenForm(forms.Form):
    reason = forms.CharField(label="Waarom heropent u dit kwartaal?", required=False,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text="Bijvoorbeeld: er zijn later nog aanmeldingen over dit kwartaal ingevoerd.")
