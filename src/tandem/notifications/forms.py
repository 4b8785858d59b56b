from django import forms

from tandem.cases.forms import PlainForm

CHOICES = [("regio", "Zoals de regio het heeft ingesteld"), ("ja", "Ja, stuur mij ook een e-mail"),
           ("nee", "Nee, alleen in Tandem")]
VALUES = {"regio": None, "ja": True, "nee": False}


class EmailSettingForm(PlainForm):
    choice = forms.ChoiceField(label="Berichten ook per e-mail?", choices=CHOICES, widget=forms.RadioSelect,
                               help_text="In de e-mail staat nooit iets over een gezin: alleen dat er iets voor u "
                                         "klaarstaat, en een link naar Tandem.")
    email = forms.EmailField(label="Uw e-mailadres (werk)", required=False)

    def clean(self):
        data = super().clean()
        if data.get("choice") == "ja" and not data.get("email"):
            self.add_error("email", "Vul uw e-mailadres in, dan kunnen wij u een e-mail sturen.")
        return data
