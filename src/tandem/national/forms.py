from django import forms

from tandem.national.models import LearningKind


class UploadForm(forms.Form):
    document = forms.FileField(label="Overdrachtsbestand (.json)",
                               help_text="Het ondertekende bestand dat de regio maakte met 'tandem national export'.")


class LessonSearchForm(forms.Form):
    zoek = forms.CharField(label="Zoek in de tekst", required=False, max_length=100)
    thema = forms.ChoiceField(label="Thema", required=False)
    proeftuin = forms.ChoiceField(label="Proeftuin", required=False)
    soort = forms.ChoiceField(label="Soort", required=False,
                              choices=[("", "Alle soorten"), *LearningKind.choices])

    def __init__(self, data, *, themes, own_themes, pilots):
        super().__init__(data)
        self.fields["thema"].choices = [("", "Alle thema's"),
                                        ("Algemene vraagstukken", [(t.code, t.name) for t in themes]),
                                        ("Thema's van de regio's", [(t, t) for t in own_themes])]
        self.fields["proeftuin"].choices = [("", "Alle proeftuinen"),
                                            *[(p.code, f"{p.name} ({p.region_name})") for p in pilots]]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"text": data["zoek"], "theme": data["thema"], "pilot": data["proeftuin"], "kind": data["soort"]}
