"""Guardrails of the tandem's own course: switching the lead, keeping the local team on, closing and reopening.
Pure functions, no queries.

Sources: seed 000 "De tandem" (the partner takes the front seat only when safety demands a melding or measure;
the local-team worker "laat niet los en blijft betrokken"; switching back, afschalen, is agreed together),
"Monitoren/evaluatie" (an end evaluation at exit, part of the TOP3 method), domain §4 steps 2, 3 and 8.
"""
import datetime as dt
from dataclasses import dataclass, field

from tandem.core.exceptions import RuleViolation
from tandem.core.dates import dutch_date


def _fmt(day: dt.date) -> str:
    return dutch_date(day)


def check_lead_to_partner(*, to_local_team: bool, has_report_or_measure: bool, statutory_ground: str) -> None:
    """A protection partner rides in front only when safety demands a melding or measure (seed 000, "De
    tandem"): a melding or measure recorded on or before the switch, or a stated statutory ground (for example
    a measure of another court not yet recorded here)."""
    if to_local_team or has_report_or_measure or statutory_ground.strip():
        return
    raise RuleViolation("lead_without_basis", "Een beschermpartner neemt de regie alleen over als er een melding "
                        "of maatregel is. Registreer eerst de melding of maatregel, of schrijf de wettelijke grond "
                        "op.", field="statutory_ground")


def check_local_team_stays(*, leaving_is_local_team: bool, local_team_left_on_team: int) -> None:
    """The local-team worker stays on the team while the trajectory runs: no hand-over (seed 000, "De tandem":
    "laat niet los"). Another local-team worker may take their place first."""
    if leaving_is_local_team and local_team_left_on_team < 1:
        raise RuleViolation("local_team_stays", "De medewerker van het lokale team blijft in het team zolang het "
                            "traject loopt. Zet eerst een collega van het lokale team in het team.")


@dataclass(frozen=True)
class StillRunning:
    """What still runs in a trajectory on the day it would close (shown on the closing page)."""

    involvements: tuple[str, ...] = ()  # "Veilig Thuis, oranje"
    measures: tuple[str, ...] = ()  # "Ondertoezichtstelling tot en met 01-03-2026"
    open_agreements: int = 0
    partner_lead: str = ""  # the partner organisation in front, if any
    partner_lead_under_powers: bool = False  # ... with an orange or red episode of its organisation running
    items: tuple[str, ...] = field(default=())

    @property
    def blocking(self) -> bool:
        return self.partner_lead_under_powers or bool(self.measures)

    @property
    def anything(self) -> bool:
        return bool(self.involvements or self.measures or self.open_agreements or self.partner_lead)


def check_closure(*, end_evaluation: str, exit_participants: str, running: StillRunning,
                  override_reason: str) -> None:
    """Closing asks for the end evaluation (TOP3) and the exit triage, and is refused while a partner leads
    under orange or red or a measure runs, unless the local team records why (seed 000, "De tandem" and
    "Monitoren/evaluatie"; domain §4 step 8)."""
    if not end_evaluation.strip():
        raise RuleViolation("end_evaluation_missing", "Schrijf de eindevaluatie: wat is er bereikt, en hoe veilig is "
                            "het nu volgens het gezin en de professionals?", field="end_evaluation")
    if not exit_participants.strip():
        raise RuleViolation("exit_triage_missing", "Vul in wie aan de uitstroomtriage deelnamen.",
                            field="exit_participants")
    if running.blocking and not override_reason.strip():
        what = "een beschermpartner de regie heeft met wettelijke bevoegdheden" if running.partner_lead_under_powers \
            else "er nog een maatregel loopt"
        raise RuleViolation("closure_while_protection_runs", f"Dit traject kan niet zomaar sluiten: {what}. Schrijf "
                            "op waarom het lokale team het traject toch afsluit.", field="override_reason")


def check_reopen(*, closed_on: dt.date | None, today: dt.date, within_days: int, reason: str) -> None:
    """A closure can be undone with a reason, within the region's period (a mistaken or premature closure;
    after that period the household is registered again, so the monitor's quarters stay as they were)."""
    if closed_on is None:
        raise RuleViolation("not_closed", "Dit traject is niet afgesloten.")
    if not reason.strip():
        raise RuleViolation("reopen_reason_missing", "Schrijf op waarom het traject weer open gaat.", field="reason")
    if (today - closed_on).days > within_days:
        raise RuleViolation("reopen_too_late", f"Dit traject is afgesloten op {_fmt(closed_on)}, langer dan "
                            f"{within_days} dagen geleden. Meld het gezin opnieuw aan.")
