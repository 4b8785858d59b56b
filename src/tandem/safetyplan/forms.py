"""Web forms of the safety plan. Shape only; the rules live in the services (tandem.safetyplan.rules).

The plan form has a fixed layout that works without JavaScript: three blocks for the top 3, each with up to
three conditions and three agreements, and up to eight rows for scores on the safety scale.
"""
from django import forms

from tandem.cases.forms import (
    DateInput,
    LabelledMultipleChoiceField,
    PlainForm,
    ProfessionalChoiceField,
    VersionedForm,
    date_field,
    dossier_professionals,
    text_area,
    yes_no_field,
)
from tandem.organisations.models import Role
from tandem.safetyplan.models import MeetingKind, ParticipantKind, Phase
from tandem.safetyplan.services import (
    AgreementData,
    MeetingData,
    PlanData,
    ScoreData,
    SituationData,
)

RANKS = (1, 2, 3)
CONDITIONS = AGREEMENTS = 3
SCORE_ROWS = 8
REVIEWED_LABEL = "Ik heb de tekst nagelezen"


def _small(label, *, required=False, help_text=""):
    return text_area(label, required=required, rows=2, help_text=help_text)


def _situation_fields(r: int) -> dict:
    fields = {
        f"s{r}_family": _small("In de woorden van het gezin"),
        f"s{r}_professional": _small("In de woorden van de professionals"),
    }
    for c in range(1, CONDITIONS + 1):
        fields[f"s{r}_c{c}"] = _small(f"Veiligheidsvoorwaarde {c}")
    for a in range(1, AGREEMENTS + 1):
        fields[f"s{r}_a{a}_who"] = forms.CharField(label=f"Afspraak {a}: wie", max_length=200, required=False)
        fields[f"s{r}_a{a}_what"] = _small(f"Afspraak {a}: wat")
        fields[f"s{r}_a{a}_due"] = forms.DateField(label=f"Afspraak {a}: klaar op", required=False,
                                                   widget=DateInput())
        fields[f"s{r}_a{a}_ifnot"] = _small(f"Afspraak {a}: wat gebeurt er als het niet lukt")
        fields[f"s{r}_a{a}_kept"] = forms.DateField(required=False, widget=forms.HiddenInput)
    return fields


def _hidden_fields(r: int, members, labels: dict) -> dict:
    """Keep this part of the plan from named household members (their safety), with the reason."""
    return {
        f"s{r}_hidden": LabelledMultipleChoiceField(
            label="Niet zichtbaar voor deze gezinsleden", queryset=members, labels=labels, required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text="Alleen als het voor iemands veiligheid nodig is, bijvoorbeeld een vluchtplan."),
        f"s{r}_hidden_reason": _small("Reden om dit deel niet te tonen"),
    }


def _score_fields(i: int) -> dict:
    return {
        f"sc{i}_participant": forms.CharField(label=f"Cijfer {i}: wie", max_length=200, required=False),
        f"sc{i}_kind": forms.ChoiceField(label=f"Cijfer {i}: namens", required=False,
                                         choices=[("", "Kies"), *ParticipantKind.choices]),
        f"sc{i}_score": forms.IntegerField(label=f"Cijfer {i}: cijfer (0 tot en met 10)", required=False,
                                           min_value=0, max_value=10),
        f"sc{i}_explanation": forms.CharField(label=f"Cijfer {i}: toelichting", max_length=1000, required=False),
    }


class PlanVersionForm(PlainForm):
    """The content of one plan version. `with_date=False` when the date is the meeting's date."""

    phase = forms.ChoiceField(label="Fase", choices=Phase.choices, widget=forms.RadioSelect)
    dated_on = date_field("Datum van deze versie")
    evaluation_on = date_field("Volgende evaluatie")
    monitored_by = _small("Wie houdt de afspraken in de gaten?", required=True)
    roles = text_area("Verdeling van taken en rollen", required=False, rows=3,
                      help_text="Wie in het team doet wat? Bijvoorbeeld: Anna houdt de regie, Bram kijkt mee op veiligheid.")
    reviewed = forms.BooleanField(label=REVIEWED_LABEL, required=False)

    def __init__(self, *args, with_date: bool = True, members=None, labels=None, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_date:
            del self.fields["dated_on"]
        for r in RANKS:
            self.fields.update(_situation_fields(r))
            if members is not None:
                self.fields.update(_hidden_fields(r, members, labels or {}))
        for i in range(1, SCORE_ROWS + 1):
            self.fields.update(_score_fields(i))

    def blocks(self) -> list[dict]:
        """The fields grouped per situation, for the template."""
        return [{"rank": r, "family": self[f"s{r}_family"], "professional": self[f"s{r}_professional"],
                 "conditions": [self[f"s{r}_c{c}"] for c in range(1, CONDITIONS + 1)],
                 "agreements": [[self[f"s{r}_a{a}_{k}"] for k in ("who", "what", "due", "ifnot", "kept")]
                                for a in range(1, AGREEMENTS + 1)],
                 "hidden": [self[f"s{r}_{k}"] for k in ("hidden", "hidden_reason") if f"s{r}_{k}" in self.fields]}
                for r in RANKS]

    def score_rows(self) -> list[list]:
        return [[self[f"sc{i}_{k}"] for k in ("participant", "kind", "score", "explanation")]
                for i in range(1, SCORE_ROWS + 1)]

    def texts(self) -> str:
        """Everything written for the family, for the plain-language hints."""
        data = self.data
        keys = [k for k in self.fields if k.endswith(("_family", "_what", "_ifnot")) or "_c" in k
                or k in ("monitored_by", "roles")]
        return "\n\n".join(str(data.get(self.add_prefix(k), "")) for k in keys if data.get(self.add_prefix(k)))

    def plan_data(self, dated_on=None) -> PlanData:
        c = self.cleaned_data
        situations = [s for r in RANKS if (s := self._situation(r)) is not None]
        scores = [s for i in range(1, SCORE_ROWS + 1) if (s := self._score(i)) is not None]
        return PlanData(phase=c["phase"], dated_on=dated_on or c["dated_on"], evaluation_on=c["evaluation_on"],
                        monitored_by=c["monitored_by"], roles=c["roles"], situations=situations, scores=scores)

    def _situation(self, r: int) -> SituationData | None:
        c = self.cleaned_data
        conditions = [c[f"s{r}_c{i}"] for i in range(1, CONDITIONS + 1) if c[f"s{r}_c{i}"].strip()]
        agreements = [a for i in range(1, AGREEMENTS + 1) if (a := self._agreement(r, i)) is not None]
        if not (c[f"s{r}_family"].strip() or c[f"s{r}_professional"].strip() or conditions or agreements):
            return None
        return SituationData(rank=r, in_family_words=c[f"s{r}_family"], in_professional_words=c[f"s{r}_professional"],
                             conditions=conditions, agreements=agreements,
                             hidden_from=list(c.get(f"s{r}_hidden") or []),
                             hidden_reason=c.get(f"s{r}_hidden_reason", ""))

    def _agreement(self, r: int, i: int) -> AgreementData | None:
        c, p = self.cleaned_data, f"s{r}_a{i}_"
        if not (c[p + "who"].strip() or c[p + "what"].strip() or c[p + "due"]):
            return None
        return AgreementData(who=c[p + "who"], what=c[p + "what"], due_on=c[p + "due"], if_not_kept=c[p + "ifnot"],
                             kept_on=c[p + "kept"])

    def _score(self, i: int) -> ScoreData | None:
        c, p = self.cleaned_data, f"sc{i}_"
        if not c[p + "participant"].strip() and c[p + "score"] is None:
            return None
        score = c[p + "score"] if c[p + "score"] is not None else -1
        return ScoreData(participant=c[p + "participant"], participant_kind=c[p + "kind"], score=score,
                         explanation=c[p + "explanation"])


def initial_from(data: PlanData | None) -> dict:
    """Form values from a copy of the previous version."""
    if data is None:
        return {}
    initial = {"phase": data.phase, "evaluation_on": data.evaluation_on, "monitored_by": data.monitored_by,
               "roles": data.roles}
    for s in data.situations:
        initial.update({f"s{s.rank}_family": s.in_family_words, f"s{s.rank}_professional": s.in_professional_words,
                        f"s{s.rank}_hidden": s.hidden_from, f"s{s.rank}_hidden_reason": s.hidden_reason})
        initial.update({f"s{s.rank}_c{i}": text for i, text in enumerate(s.conditions[:CONDITIONS], 1)})
        for i, a in enumerate(s.agreements[:AGREEMENTS], 1):
            p = f"s{s.rank}_a{i}_"
            initial.update({p + "who": a.who, p + "what": a.what, p + "due": a.due_on, p + "ifnot": a.if_not_kept,
                            p + "kept": a.kept_on})
    for i, sc in enumerate(data.scores[:SCORE_ROWS], 1):
        initial.update({f"sc{i}_participant": sc.participant, f"sc{i}_kind": sc.participant_kind,
                        f"sc{i}_score": sc.score, f"sc{i}_explanation": sc.explanation})
    return initial


class PlanVersionEditForm(PlanVersionForm, VersionedForm):
    """A plan version on its own page, with the trajectory version it was opened at."""


class SignOffForm(VersionedForm):
    signed = yes_no_field("Heeft het gezin deze versie getekend?")
    signed_off_on = date_field("Getekend op", required=False)
    refused_reason = text_area("Waarom tekende het gezin niet?", required=False, rows=3,
                               help_text="Schrijf de reden zoals het gezin die zelf zegt.")


class ScoreForm(VersionedForm):
    participant = forms.CharField(label="Wie geeft het cijfer?", max_length=200)
    participant_kind = forms.ChoiceField(label="Namens", choices=ParticipantKind.choices, widget=forms.RadioSelect)
    score = forms.IntegerField(label="Cijfer (0 tot en met 10)", min_value=0, max_value=10,
                               help_text="0: het is helemaal niet veilig. 10: het is veilig genoeg.")
    explanation = text_area("Toelichting", required=False, rows=2)

    def __init__(self, *args, own_only: bool = False, own_name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if own_only:  # a partner gives their own score, as a professional (rules/rights.py: 'beperkt')
            self.fields["participant"].disabled = True
            self.fields["participant"].initial = own_name
            self.fields["participant_kind"].choices = [(ParticipantKind.PROFESSIONAL,
                                                        ParticipantKind.PROFESSIONAL.label)]
            self.fields["participant_kind"].initial = ParticipantKind.PROFESSIONAL


class KeptForm(VersionedForm):
    kept_on = date_field("Nagekomen op")


class AnalysisForm(VersionedForm):
    made_on = date_field("Datum")
    facts = text_area("Feiten", help_text="Wat staat vast? Noem de bron. Geen meningen.")
    risk_factors = text_area("Risicofactoren", required=False, help_text="Wat maakt de kans op onveiligheid groter?")
    protective_factors = text_area("Beschermende factoren", required=False, help_text="Wat helpt om veilig te blijven?")
    patterns = text_area("Patronen", required=False, help_text="Wat gebeurt steeds weer, en wanneer?")
    hypotheses = text_area("Hypothesen", required=False, help_text="Welke verklaringen denken we? Nog te toetsen.")
    made_with_family = forms.BooleanField(label="Samen met het gezin gemaakt", required=False)


class ChallengeForm(VersionedForm):
    on = date_field("Datum")
    challenge = text_area("Tegenspraak", help_text="Welke andere verklaring past ook bij de feiten? Wat ontbreekt?")


class RespondForm(VersionedForm):
    responded_on = date_field("Datum")
    response = text_area("Reactie van het team")


class MeetingForm(VersionedForm):
    kind = forms.ChoiceField(label="Soort overleg", choices=MeetingKind.choices, widget=forms.RadioSelect,
                             initial=MeetingKind.NETWORK)
    held_on = date_field("Datum van het overleg")
    professionals = forms.ModelMultipleChoiceField(label="Aanwezige professionals", required=False,
                                                   queryset=None, widget=forms.CheckboxSelectMultiple)
    network_present = _small("Aanwezig uit het netwerk", help_text="Bijvoorbeeld: oma Truus, buurman Kees.")
    family_present = yes_no_field("Was het gezin erbij?")
    expert = ProfessionalChoiceField(label="Ervaringsdeskundige", queryset=None, required=False,
                                     empty_label="Er was geen ervaringsdeskundige")
    no_expert_reason = _small("Reden dat er geen ervaringsdeskundige was")
    decisions = text_area("Besluiten", rows=4)
    makes_plan = forms.BooleanField(label="Dit overleg leidde tot een nieuwe versie van het veiligheidsplan",
                                    required=False)

    def __init__(self, *args, team=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["professionals"].queryset = team if team is not None else dossier_professionals()
        self.fields["professionals"].label_from_instance = lambda u: f"{u} – {u.organisation}"
        self.fields["expert"].queryset = dossier_professionals().filter(role=Role.ERVARINGSDESKUNDIGE)

    def meeting_data(self) -> MeetingData:
        c = self.cleaned_data
        return MeetingData(held_on=c["held_on"], kind=c["kind"], professionals=list(c["professionals"]),
                           network_present=c["network_present"], family_present=c["family_present"],
                           expert=c["expert"], no_expert_reason=c["no_expert_reason"], decisions=c["decisions"])
