"""The writes of the monitor app: experiences (questions G–K) and closing a quarter (submit, approve, reopen)."""
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from tandem.audit.services import audit_record
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.core.text import check_text
from tandem.monitor import rules
from tandem.monitor.models import Experience, QuarterClosure, QuarterEvent, RegionSnapshot
from tandem.monitor.queries import compute_monitor
from tandem.organisations.models import NO_DOSSIER_ROLES, MonitorFiller, OrganisationKind, Role, Site

LOCAL_TEAM_ROLES = {Role.CONSULENT, Role.GEDRAGSWETENSCHAPPER}


def _require_site_or_region_role(actor, site: Site) -> None:
    """`actor=None` is the system (import, demo); otherwise someone of the site's own organisation, or a
    coordinator, project leader or administrator of its region."""
    if actor is None:
        return
    organisation = getattr(actor, "organisation", None)
    if organisation is not None and organisation.site_id == site.pk:
        return
    # policy and the pool coordinator read the monitor, they do not fill it in; the national programme team works in
    # another installation
    writing_region_roles = NO_DOSSIER_ROLES - {Role.BELEID, Role.LANDELIJK, Role.POOLCOORDINATOR}
    if actor.role in writing_region_roles and organisation is not None and organisation.region_id in (None,
                                                                                                      site.region_id):
        return
    raise NotPermitted("U mag geen ervaringen invullen voor deze toekomsttuin.")


def _check_quarter(quarter: str) -> str:
    try:
        return rules.parse_quarter(quarter).label
    except rules.MonitorError as error:
        raise RuleViolation("quarter_unknown", str(error), field="quarter") from error


def _check_content(question: str, text: str, answer: bool | None, reasons: list[str]) -> None:
    check_text(text, field="text")
    for reason in reasons:
        check_text(reason, field="reasons", max_length=200)
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
    rules.check_experiences_open(_closure_status(site, label))
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


@transaction.atomic
def experiences_record(*, actor, site: Site, quarter: str, texts: dict[str, str], answer: bool | None = None,
                       reasons: Iterable[str] = ()) -> list[Experience]:
    """The experiences form: every filled-in text of G, H, I, K and, when chosen, the J answer; all or nothing."""
    reasons = [reason for reason in reasons if str(reason).strip()]
    if answer is None and reasons:
        raise RuleViolation("answer_missing", "Kies bij vraag J eerst ja of nee.", field="answer")
    recorded = [experience_record(actor=actor, site=site, quarter=quarter, question=question, text=text)
                for question, text in sorted(texts.items()) if (text or "").strip()]
    if answer is not None:
        recorded.append(experience_record(actor=actor, site=site, quarter=quarter, question="J", answer=answer,
                                          reasons=reasons))
    if not recorded:
        raise RuleViolation("nothing_entered", "Vul ten minste één ervaring in, of kies ja of nee bij vraag J.")
    return recorded


def _closure_status(site: Site, label: str) -> str:
    closure = QuarterClosure.objects.filter(site=site, quarter=label).first()
    return closure.status if closure else rules.OPEN


def _is_site_staff(actor, site: Site, roles=frozenset(LOCAL_TEAM_ROLES)) -> bool:
    organisation = getattr(actor, "organisation", None)
    return bool(organisation and organisation.kind == OrganisationKind.LOCAL_TEAM
                and organisation.site_id == site.pk and actor.role in roles)


def _is_region_role(actor, site: Site, role: str) -> bool:
    organisation = getattr(actor, "organisation", None)
    return bool(actor is not None and actor.role == role and organisation is not None
                and organisation.region_id == site.region_id)


def _is_region_coordinator(actor, site: Site) -> bool:
    return _is_region_role(actor, site, Role.COORDINATOR)


def _acts_as(actor, site: Site, who: str) -> bool:
    """Whether `actor` is the `who` of the site's settings (Site.monitor_filler / monitor_approver, seed `000_…`
    Bijlage 2 "Wie vult in"): the site's professionals or team leader, or the region's project lead or
    coordinator."""
    if actor is None or not actor.is_active:
        return False
    if who == MonitorFiller.PROFESSIONAL:
        return _is_site_staff(actor, site)
    if who == MonitorFiller.TEAMLEIDER:
        return _is_site_staff(actor, site, {Role.TEAMLEIDER})
    return who in (Role.PROJECTLEIDER, Role.COORDINATOR) and _is_region_role(actor, site, who)


FILLER_REFUSED = {
    MonitorFiller.PROFESSIONAL: "een professional van het lokale team",
    MonitorFiller.TEAMLEIDER: "de teamleider van het lokale team",
    MonitorFiller.PROJECTLEIDER: "de projectleider van de regio",
    MonitorFiller.COORDINATOR: "de coördinator van de regio",
}


def _locked_closure(site: Site, quarter: str) -> QuarterClosure:
    label = _check_quarter(quarter)
    QuarterClosure.objects.get_or_create(site=site, quarter=label)
    return QuarterClosure.objects.select_for_update().get(site=site, quarter=label)


def _log_step(actor, closure: QuarterClosure, action: str, *, reason: str = "", snapshot=None) -> None:
    QuarterEvent.objects.create(closure=closure, action=action, by=actor, at=timezone.now(), reason=reason,
                                snapshot=snapshot)
    audit_record(actor=actor, action=f"quarter_{action}", obj=closure, purpose="kwartaalmonitor",
                 detail={"site": closure.site.code, "quarter": closure.quarter, "status": closure.status})


@transaction.atomic
def quarter_submit(*, actor, site: Site, quarter: str) -> QuarterClosure:
    """The site hands in its quarter: whoever the site's settings name (Site.monitor_filler), after the quarter's
    last day."""
    if not may_submit(actor, site):
        raise NotPermitted(f"Dit kwartaal dient {FILLER_REFUSED[site.monitor_filler]} in (instelling van de "
                           "toekomsttuin).")
    closure = _locked_closure(site, quarter)
    rules.check_submit(closure.status)
    rules.check_submit_after_end(rules.parse_quarter(closure.quarter).end, timezone.localdate())
    closure.status, closure.submitted_by, closure.submitted_at = rules.SUBMITTED, actor, timezone.now()
    closure.save()
    _log_step(actor, closure, QuarterEvent.Action.SUBMIT)
    return closure


@transaction.atomic
def quarter_approve(*, actor, site: Site, quarter: str) -> QuarterClosure:
    """Whoever the site's settings name (Site.monitor_approver; by default a coordinator of the region) approves,
    never the one who submitted: the figures and experiences are stored as they are now."""
    if not may_approve(actor, site):
        raise NotPermitted(f"Dit kwartaal keurt {FILLER_REFUSED[site.monitor_approver]} goed (instelling van de "
                           "toekomsttuin).")
    closure = _locked_closure(site, quarter)
    rules.check_approve(closure.status)
    rules.check_four_eyes(closure.submitted_by_id, actor.pk)
    snapshot = compute_monitor(site=site, quarter=closure.quarter)
    closure.status, closure.snapshot = rules.APPROVED, snapshot
    closure.approved_by, closure.approved_at = actor, timezone.now()
    closure.save()
    _log_step(actor, closure, QuarterEvent.Action.APPROVE, snapshot=snapshot)
    _lock_region_when_complete(site, closure.quarter)
    return closure


def _lock_region_when_complete(site: Site, quarter: str) -> None:
    """When every site of the region is approved for the quarter, the region's figures are stored too."""
    region = site.region
    approved = QuarterClosure.objects.filter(site__region=region, quarter=quarter, status=rules.APPROVED).count()
    if approved == region.sites.count():
        RegionSnapshot.objects.update_or_create(
            region=region, quarter=quarter, defaults={"snapshot": compute_monitor(region=region, quarter=quarter)})


@transaction.atomic
def quarter_reopen(*, actor, site: Site, quarter: str, reason: str) -> QuarterClosure:
    """The approver of the site or a coordinator of the region opens a submitted or approved quarter again; the
    reason is required and kept."""
    if not may_reopen(actor, site):
        raise NotPermitted("Alleen wie goedkeurt of een coördinator van de regio heropent een kwartaal.")
    closure = _locked_closure(site, quarter)
    reason = (reason or "").strip()
    rules.check_reopen(closure.status, reason)
    closure.status, closure.snapshot = rules.OPEN, None
    closure.approved_by = closure.approved_at = None
    closure.save()
    RegionSnapshot.objects.filter(region=site.region, quarter=closure.quarter).delete()
    _log_step(actor, closure, QuarterEvent.Action.REOPEN, reason=reason)
    return closure


def may_record_experiences(actor, site: Site) -> bool:
    try:
        _require_site_or_region_role(actor, site)
    except NotPermitted:
        return False
    return True


def may_submit(actor, site: Site) -> bool:
    return _acts_as(actor, site, site.monitor_filler)


def may_approve(actor, site: Site) -> bool:
    """Whoever the site's settings name as approver (the four-eyes check is in `quarter_approve`)."""
    return _acts_as(actor, site, site.monitor_approver)


def may_reopen(actor, site: Site) -> bool:
    return may_approve(actor, site) or _is_region_coordinator(actor, site)
