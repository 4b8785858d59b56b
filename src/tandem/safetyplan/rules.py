"""Guardrails of the safety plan, the explanatory analysis and the network meeting, as pure functions.

Values in, `RuleViolation` out; no queries. Sources: seed `000_6e79333d2b7f2612.txt` ("Het werkproces",
"De Top 3 methodiek", "Registratie van en-en-regie", "Juridische kanttekeningen"), seed
`004_ecbfa00c0dee1ddb.txt` (basisprincipes: samen met alle gezinsleden een veiligheidsplan),
`../shared/docs/domain.md` §4 step 5 and 7, §5, and `../shared/docs/research.md` §2 (veiligheidsplan: six
questions), §3 (TOP3), §5 (verklarende analyse), §10 (scale per person) and §12 (what the software must model).
"""
import datetime as dt
from collections.abc import Sequence

from tandem.core.exceptions import RuleViolation
from tandem.core.dates import dutch_date

MAX_SITUATIONS = 3
SCALE_MIN, SCALE_MAX = 0, 10
CHALLENGER_ROLE = "gedragswetenschapper"
EXPERT_ROLE = "ervaringsdeskundige"


def _fmt(day: dt.date) -> str:
    return dutch_date(day)


def check_situation_ranks(ranks: Sequence[int]) -> None:
    """TOP3: with the family the team names at most three most unsafe situations, each with its own place
    (research.md §3 zorgomregioamsterdam; §12 "ranked (TOP3 → max 3 priority items)"). A plan without any
    unsafe situation answers none of the six questions (research.md §2), so at least one is needed."""
    if not ranks:
        raise RuleViolation("no_situation", "Vul ten minste één onveilige situatie in.", field="situations")
    if len(ranks) > MAX_SITUATIONS:
        raise RuleViolation("too_many_situations", "Een veiligheidsplan heeft hoogstens 3 onveilige situaties "
                            "(de top 3).", field="situations")
    if len(set(ranks)) != len(ranks) or any(r < 1 or r > MAX_SITUATIONS for r in ranks):
        raise RuleViolation("situation_ranks", "Geef elke onveilige situatie een eigen plaats: 1, 2 of 3.",
                            field="situations")


def check_situation_complete(rank: int, in_family_words: str, conditions: int, agreements: int) -> None:
    """Each unsafe situation is written in the family's own words (seed 000 "Met het gezin en netwerk";
    research.md §3: each family member is asked about the words used) and answered by at least one
    veiligheidsvoorwaarde (WHAT) and one veiligheidsafspraak (HOW) (research.md §2, questions 2 and 3)."""
    if not in_family_words.strip():
        raise RuleViolation("situation_family_words", f"Situatie {rank}: schrijf op hoe het gezin deze situatie "
                            f"zelf noemt.", field=f"situation_{rank}")
    if conditions < 1:
        raise RuleViolation("situation_no_condition", f"Situatie {rank}: vul ten minste één "
                            f"veiligheidsvoorwaarde in (wat er minstens moet gebeuren).", field=f"situation_{rank}")
    if agreements < 1:
        raise RuleViolation("situation_no_agreement", f"Situatie {rank}: vul ten minste één veiligheidsafspraak "
                            f"in (wie doet wat, wanneer).", field=f"situation_{rank}")


def check_agreement(who: str, what: str, due_on: dt.date | None) -> None:
    """A veiligheidsafspraak says who does what, by when (research.md §2 questions 3–4; §12 "who, what,
    deadline, consequence if not kept"; domain.md §4 step 5)."""
    if not who.strip() or not what.strip():
        raise RuleViolation("agreement_who_what", "Een afspraak zegt wie wat doet. Vul 'wie' en 'wat' in.",
                            field="agreements")
    if due_on is None:
        raise RuleViolation("agreement_due", "Een afspraak heeft een datum waarop het klaar moet zijn.",
                            field="agreements")


def check_score(score: int) -> None:
    """The safety scale runs from 0 to 10 (research.md §10 Signs of Safety; §12 "each scale score (0–10)")."""
    if not SCALE_MIN <= score <= SCALE_MAX:
        raise RuleViolation("score_range", "Een cijfer op de veiligheidsschaal ligt tussen 0 en 10.", field="score")


def check_score_participant(participant: str) -> None:
    """Every score is given by a named participant, so disagreement stays visible (research.md §12: "stored per
    person and date, and can record disagreement")."""
    if not participant.strip():
        raise RuleViolation("score_participant", "Zeg van wie het cijfer is.", field="participant")


def check_family_score_present(kinds: Sequence[str]) -> None:
    """Not enforced on save (the family may score later); used to warn when the family's own score is
    missing (issue "Tandem 3": the family's own score included; seed 004: met alle gezinsleden)."""
    if kinds and "family" not in kinds:
        raise RuleViolation("no_family_score", "Het cijfer van het gezin zelf ontbreekt nog.", field="scores")


def check_evaluation_date(dated_on: dt.date, evaluation_on: dt.date | None) -> None:
    """The plan names when it is evaluated, and that is not before the plan itself (research.md §2 question 6;
    domain.md §4 step 5: "who monitors, the evaluation date")."""
    if evaluation_on is None:
        raise RuleViolation("evaluation_missing", "Vul de datum van de volgende evaluatie in.",
                            field="evaluation_on")
    if evaluation_on < dated_on:
        raise RuleViolation("evaluation_before_version", f"De evaluatiedatum ({_fmt(evaluation_on)}) ligt vóór "
                            f"de datum van het plan ({_fmt(dated_on)}).", field="evaluation_on")


def check_monitor_named(monitored_by: str) -> None:
    """Someone is named to monitor the agreements (research.md §2 question 6; §12 "monitor")."""
    if not monitored_by.strip():
        raise RuleViolation("monitor_missing", "Schrijf op wie de afspraken in de gaten houdt.",
                            field="monitored_by")


def check_sign_off(dated_on: dt.date, signed_off_on: dt.date | None, refused_reason: str, today: dt.date) -> None:
    """The household signs each version: a dated acknowledgement, or the recorded reason why not (domain.md §4
    step 5 "the family signs them"; seed 000 "Juridische kanttekeningen": recorded in consultation with the
    residents). The date is not in the future and not before the version."""
    if signed_off_on is None and not refused_reason.strip():
        raise RuleViolation("sign_off_missing", "Vul de datum in waarop het gezin tekende, of de reden dat het "
                            "gezin niet tekende.", field="signed_off_on")
    if signed_off_on is not None and refused_reason.strip():
        raise RuleViolation("sign_off_both", "Kies: het gezin tekende (datum), of het gezin tekende niet (reden). "
                            "Niet allebei.", field="signed_off_on")
    if signed_off_on is not None and signed_off_on > today:
        raise RuleViolation("sign_off_future", f"De datum van tekenen ({_fmt(signed_off_on)}) ligt in de toekomst.",
                            field="signed_off_on")
    if signed_off_on is not None and signed_off_on < dated_on:
        raise RuleViolation("sign_off_before_version", f"De datum van tekenen ({_fmt(signed_off_on)}) ligt vóór "
                            f"de datum van deze versie ({_fmt(dated_on)}).", field="signed_off_on")


def check_not_yet_signed(already_settled: bool) -> None:
    """A signature or a recorded refusal is history: it is not overwritten. A change is a new version."""
    if already_settled:
        raise RuleViolation("sign_off_settled", "Voor deze versie is al vastgelegd of het gezin tekende. Maak een "
                            "nieuwe versie als er iets verandert.")


def check_expert_or_reason(expert_present: bool, no_expert_reason: str) -> None:
    """Experience expertise is present at every meeting; if not, the reason is recorded (domain.md §4 step 7;
    seed 000 "Het werkproces": met de inzet van ervaringsdeskundigen)."""
    if not expert_present and not no_expert_reason.strip():
        raise RuleViolation("meeting_no_expert", "Er was geen ervaringsdeskundige. Schrijf op waarom niet.",
                            field="no_expert_reason")


def check_expert_role(role: str) -> None:
    """The expert named at a meeting is an expert by experience (domain.md §3, §4 step 7)."""
    if role != EXPERT_ROLE:
        raise RuleViolation("expert_role", "Kies een ervaringsdeskundige.", field="expert")


def check_challenger(role: str) -> None:
    """Tegenspraak on the explanatory analysis comes from a behavioural scientist (domain.md §4 step 5 "challenged
    by a GW"; research.md §12 "tegenspraak by a behavioural scientist"; seed 000 RET/gedragswetenschapper)."""
    if role != CHALLENGER_ROLE:
        raise RuleViolation("challenger_role", "Alleen een gedragswetenschapper kan tegenspraak geven op de "
                            "verklarende analyse.")


def check_analysis_facts(facts: str) -> None:
    """The analysis starts from facts, kept apart from opinions (research.md §5 and §7: facts and opinions are
    always described separately)."""
    if not facts.strip():
        raise RuleViolation("analysis_no_facts", "Vul de feiten in: wat staat vast?", field="facts")


def check_text(value: str, code: str, message: str, field: str) -> None:
    """A required free text (a challenge, a response, the decisions of a meeting)."""
    if not value.strip():
        raise RuleViolation(code, message, field=field)


def check_on_or_after_challenge(responded_on: dt.date, challenged_on: dt.date) -> None:
    """The team responds to a challenge after it was made (research.md §12: tegenspraak and the recorded
    response)."""
    if responded_on < challenged_on:
        raise RuleViolation("response_before_challenge", f"De reactie ({_fmt(responded_on)}) ligt vóór de "
                            f"tegenspraak ({_fmt(challenged_on)}).", field="responded_on")
