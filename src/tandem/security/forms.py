from django import forms


class EmergencyRequestForm(forms.Form):
    code = forms.CharField(label="Code van het gezin", max_length=8, min_length=8,
                           help_text="De 8 tekens die Tandem bij het gezin toont, bijvoorbeeld 3f2a9c1e.")
    reason = forms.CharField(label="Waarom heeft u dit dossier nu nodig?", widget=forms.Textarea(attrs={"rows": 4}),
                             max_length=1000,
                             help_text="Ten minste 20 tekens. De consulent van het gezin leest dit. Noem geen namen.")
