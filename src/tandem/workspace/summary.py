"""The top of the household page: who leads, the regime, what runs and what is due next, at a glance. Built from
what the page already loaded (the dossier) and the safety plan's summary; only what this person may see
(`sections`), and no free text, so nothing needs the anonymous lens."""
import datetime as dt
from dataclasses import dataclass, field

from tandem.cases.views.display import Regime, fmt_date, is_current, regime
from tandem.safetyplan.selectors import household_summary


@dataclass
class Summary:
    lead: str
    regime: Regime | None
    running: list[str] = field(default_factory=list)
    due: list[tuple[dt.date, str]] = field(default_factory=list)  # soonest first

    @property
    def next_due(self) -> list[tuple[dt.date, str]]:
        return self.due[:4]


def _running(page, today) -> list[str]:
    running = []
    if "involvements" in page.sections:
        running += [f"{i.organisation}: {i.get_form_display().split(' (')[0].lower()} sinds {fmt_date(i.start)}"
                    for i in page.involvements if is_current(i.start, i.end, today)]
    if "legal" in page.sections:
        running += [f"{m.get_type_display()}{' (voorlopig)' if m.provisional else ''}"
                    + (f" tot en met {fmt_date(m.ends_on)}" if m.ends_on else "")
                    for m in page.measures if m.on <= today and (m.ends_on is None or m.ends_on >= today)]
    return running


def _due(page, today) -> list[tuple[dt.date, str]]:
    due = []
    if "legal" in page.sections:
        due += [(m.ends_on, f"{m.get_type_display()} loopt af") for m in page.measures
                if m.ends_on and m.ends_on >= today and not m.extensions.exists()]
    if "plan" in page.sections:
        plan = household_summary(page.trajectory, today)
        if plan.version is not None:
            due.append((plan.version.evaluation_on, "evaluatie van het veiligheidsplan"))
            due += [(a.due_on, "afspraak uit het veiligheidsplan") for s in plan.situations
                    for a in s.agreements.all() if a.kept_on is None]
    if "team" in page.sections:
        due += [(r.wanted_by, f"antwoord van {r.organisation} op het verzoek om aan te sluiten")
                for r in page.join_requests if r.is_open]
    return sorted(due, key=lambda d: d[0])


def summary_of(page, today: dt.date) -> Summary:
    forms = [i.form for i in page.involvements if is_current(i.start, i.end, today)]
    lead = (f"{page.lead.professional} ({page.lead.professional.organisation})" if page.lead else "Niemand")
    return Summary(lead=lead, regime=regime(forms) if "involvements" in page.sections else None,
                   running=_running(page, today), due=_due(page, today))
