"""Web forms of the budget: the lines of one year (a formset) and an import file. Shape only; amounts are read
as people type them (`1.234,56` or `1234.56`) by `rules.parse_amount`, whose Dutch message shows at the field."""
from django import forms

from tandem.budget import rules
from tandem.budget.importer import MAX_BYTES
from tandem.budget.models import LineKind
from tandem.core.exceptions import RuleViolation


class AmountField(forms.Field):
    """Text as people type an amount (`1.234,56`, `30.000`, `1234.56`), cleaned to a `Decimal` (or None)."""

    widget = forms.TextInput

    def __init__(self, *, what: str, **kwargs):
        self.what = what
        super().__init__(**kwargs)

    def to_python(self, value):
        text = str(value or "").strip()
        if not text:
            return None
        try:
            return rules.parse_amount(text[:40], what=self.what)
        except RuleViolation as error:
            raise forms.ValidationError(error.message) from error


class LineForm(forms.Form):
    kind = forms.ChoiceField(label="Soort", choices=LineKind.choices, initial=LineKind.COST)
    name = forms.CharField(label="Regel", max_length=rules.NAME_LENGTH,
                           help_text="Bijvoorbeeld: Projectleider of DUVO (POK-middelen).")
    amount = AmountField(label="Begroot (euro)", what="Het begrote bedrag",
                         help_text="Bijvoorbeeld 30.000 of 1.234,56. Een regel van nul: 0.")
    spent = AmountField(label="Besteed tot nu toe (euro, niet verplicht)", what="Het bestede bedrag", required=False)

    def has_line(self) -> bool:
        return bool(getattr(self, "cleaned_data", {}).get("name")) and not self.cleaned_data.get("DELETE")


class BaseLineFormSet(forms.BaseFormSet):
    def lines(self, year: int) -> list[rules.LineValue]:
        return [rules.LineValue(year, f.cleaned_data["kind"], f.cleaned_data["name"], f.cleaned_data["amount"],
                                f.cleaned_data.get("spent"))
                for f in self.forms if f.has_line()]


LineFormSet = forms.formset_factory(LineForm, formset=BaseLineFormSet, extra=3, can_delete=True, max_num=200)


class VersionForm(forms.Form):
    expected_version = forms.IntegerField(widget=forms.HiddenInput)


class ImportForm(VersionForm):
    file = forms.FileField(label="Bestand (CSV of Excel)",
                           help_text="Kolommen year, kind, line, amount en eventueel spent. Een Nederlandse "
                                     "spreadsheet met ; en bedragen als 1.234,56 mag ook.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError("Het bestand is groter dan 2 MB.")
        return upload
