"""Entering experiences for the quarterly monitor (questions G–K). The only writes of the monitor app."""
from collections.abc import Iterable

from django.db import transaction

from tandem.audit.services import audit_record
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.monitor import rules
from tandem.monitor.models import Experience
from tandem.organisations.models import NO_DOSSIER_ROLES, Site


def _require_site_or_region_role(actor, site: Site) -> None:
    """`actor=None` is the system (import, demo); otherwise someone of the site's own organisation, or a
    coordinator, project leader or administrator of its region."""
    if actor is None:
        return
    organisation = getattr(actor, "organisation", None)
    if organisation is not None and organisation.site_id == site.pk:
        return
    if actor.role in NO_DOSSIER_ROLES and organisation is not None and organisation.region_id in (None, site.region_id):
        return
    raise NotPermitted("U mag geen ervaringen invullen voor deze toekomsttuin.")


def _check_quarter(quarter: str) -> str:
    try:
        return rules.parse_quarter(quarter).label
    except rules.MonitorError as error:
        raise RuleViolation("quarter_unknown", str(error), field="quarter") from error


def _check_content(question: str, text: str, answer: bool | None, reasons: list[str]) -> None:
    if question not in rules.EXPERIENCE_QUESTIONS:
        raise RuleViolation("question_unknown", "Kies een van de vragen G, H, I, J of K.", field="question")
    if question != "J":
        if not text:
            raise RuleViolation("text_missing", "Schrijf de ervaring op.", field="text")
        if answer is not None or reasons:
            raise RuleViolation("answer_only_for_j", "Alleen vraag J heeft een antwoord ja/nee met redenen.",
                                field="answer")
        return
    if answer is None:
        raise RuleViolation("answer_missing", "Kies ja of nee: heeft werken met ervaringsdeskundigen meerwaarde?",
                            field="answer")
    if answer and not reasons:
        raise RuleViolation("reasons_missing", "Noem bij ja ten minste één reden: waarin zit de meerwaarde?",
                            field="reasons")
    if not answer and reasons:
        raise RuleViolation("reasons_with_no", "Redenen horen alleen bij het antwoord ja.", field="reasons")


@transaction.atomic
def experience_record(*, actor, site: Site, quarter: str, question: str, text: str = "",
                      answer: bool | None = None, reasons: Iterable[str] = ()) -> Experience:
    """Record one experience for a site and quarter: a text for G, H, I and K; for J a yes/no and, with a yes,
    one or more reasons (seed `000_…` Bijlage 2, questions G–K)."""
    _require_site_or_region_role(actor, site)
    label = _check_quarter(quarter)
    question = str(question).strip().upper()
    text = (text or "").strip()
    reasons = [str(reason).strip() for reason in reasons if str(reason).strip()]
    _check_content(question, text, answer, reasons)
    experience = Experience.objects.create(site=site, quarter=label, question=question, text=text,
                                           answer=answer if question == "J" else None, reasons=reasons,
                                           recorded_by=actor)
    audit_record(actor=actor, action="experience_record", obj=experience, purpose="kwartaalmonitor",
                 detail={"site": site.code, "quarter": label, "question": question})
    return experience
