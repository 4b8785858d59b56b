from django import forms

from tandem.monitor.rules import quarter_of, quarters_from
from tandem.workspace.selectors import last_finished_quarter


class ImportForm(forms.Form):
    site = forms.ChoiceField(label="Toekomsttuin")
    file = forms.FileField(label="Bestand", help_text="Een uitwisselbestand (.json) of een spreadsheet (.csv of "
                                                      ".xlsx, zie de handleiding bij de spreadsheet-import).")

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].choices = [(s.code, s.name) for s in sites]


class MonitorExportForm(forms.Form):
    scope = forms.ChoiceField(label="Monitor van")
    quarter = forms.ChoiceField(label="Kwartaal")
    format = forms.ChoiceField(label="Bestand", choices=[("xlsx", "Excel (XLSX)"), ("csv", "CSV"), ("pdf", "PDF")])
    cbs = forms.BooleanField(label="Met de CBS-regel (afronden op vijftallen, kleine aantallen geheim): voor gebruik "
                                   "buiten de regio", required=False)

    def __init__(self, *args, scopes, today, start, **kwargs):
        super().__init__(*args, **kwargs)
        self.scopes = {f"{s.kind}:{s.code}": s for s in scopes}
        self.fields["scope"].choices = [(key, s.name) for key, s in self.scopes.items()]
        last = last_finished_quarter(today)
        quarters = [q.label for q in reversed(quarters_from(quarter_of(start), quarter_of(today)))]
        self.fields["quarter"].choices = [(q, q) for q in quarters]
        self.fields["quarter"].initial = last.label

    def service_args(self) -> dict:
        data = self.cleaned_data
        return {"scope": self.scopes[data["scope"]], "quarter": data["quarter"], "format": data["format"],
                "cbs": data["cbs"]}


class OwnWorkForm(forms.Form):
    format = forms.ChoiceField(label="Bestand", choices=[("xlsx", "Excel (XLSX)"), ("csv", "CSV (puntkomma)")])
