"""The region's side of the hand-over: the document of one approved quarter, ready to sign (`signing.sign`).

What leaves the region: the region's monitor as approved (`RegionSnapshot`, stored when the last of its sites was
approved) with the CBS rule applied (`tandem.monitor.disclosure.apply_cbs`), and the quarter's lessons and
improvement proposals (`tandem.programme`). Every free text — the experiences G–K, reasons written under J,
lessons, proposals, their owners — goes through the pseudonymiser (`tandem.privacy`), one instance for the whole
document so that a name gets the same "[persoon N]" throughout; the region's household members are known persons
and become "[gezinslid]". Nothing is written to the database.
"""
import datetime as dt

from django.db.models import Max
from django.utils import timezone

from tandem.audit.services import audit_record
from tandem.cases.models import Member
from tandem.core.exceptions import RuleViolation
from tandem.monitor import rules as monitor_rules
from tandem.monitor.disclosure import SECRET, apply_cbs
from tandem.monitor.models import QuarterClosure, RegionSnapshot
from tandem.national.rules import FORMAT, VERSION
from tandem.organisations.models import Organisation, Region
from tandem.privacy.pseudonymise import KnownPerson, Pseudonymiser
from tandem.programme.models import ImprovementProposal, Lesson


def _region(code: str) -> Region:
    region = Region.objects.filter(code=str(code).strip()).first()
    if region is None:
        raise RuleViolation("region_unknown", f"Onbekende regio '{code}'. Controleer de code.")
    return region


def _quarter(text: str) -> str:
    try:
        return monitor_rules.parse_quarter(text).label
    except monitor_rules.MonitorError as error:
        raise RuleViolation("quarter_unknown", str(error)) from error


def _approval(region: Region, quarter: str) -> tuple[dict, dt.datetime]:
    snapshot = RegionSnapshot.objects.filter(region=region, quarter=quarter).first()
    closures = QuarterClosure.objects.filter(site__region=region, quarter=quarter)
    if snapshot is None:
        waiting = sorted(set(region.sites.values_list("name", flat=True))
                         - set(closures.filter(status=monitor_rules.APPROVED).values_list("site__name", flat=True)))
        raise RuleViolation("not_approved", f"Het kwartaal {quarter} van regio {region.name} is nog niet goedgekeurd"
                                            f" (nog niet goedgekeurd: {', '.join(waiting) or 'onbekend'}). Alleen een "
                                            "goedgekeurd kwartaal gaat naar het landelijk programma.")
    approved_at = closures.aggregate(last=Max("approved_at"))["last"] or snapshot.created_at
    return snapshot.snapshot, approved_at


def known_persons(region: Region) -> list[KnownPerson]:
    """Every household member and network person of the region, by name only and all with one label, so that a
    name deduce would miss is still replaced and the label does not tell which person (or that it is the same
    person in two quarters). Read in memory only; nothing of it goes into the document."""
    names = (Member.objects.filter(household__site__region=region).order_by()
             .values_list("given_names", "prefix", "family_name").distinct())
    return [KnownPerson(label="gezinslid", given_names=given, prefix=prefix, family_name=family)
            for given, prefix, family in names]


def pseudonymiser_for(region: Region) -> Pseudonymiser:
    """Organisations, sites and the region keep their names; persons do not."""
    organisations = Organisation.objects.filter(region=region).values_list("name", flat=True)
    site_organisations = Organisation.objects.filter(site__region=region).values_list("name", flat=True)
    keep = {region.name, *region.sites.values_list("name", flat=True), *organisations, *site_organisations}
    return Pseudonymiser(known=known_persons(region), keep=keep)


def _experiences(experiences: dict, pseudonymise) -> dict:
    answers = experiences["J"]
    reasons = {}
    for reason, number in answers["reasons"].items():
        key = reason if reason in monitor_rules.J_REASONS else pseudonymise(reason)
        if key in reasons:  # two reasons that read the same without their names: one count, secret if either is
            both = (reasons[key], number)
            number = SECRET if SECRET in both else sum(value or 0 for value in both)
        reasons[key] = number
    texts = {question: [pseudonymise(text) for text in experiences[question]]
             for question in monitor_rules.TEXT_QUESTIONS}
    return {**experiences, **texts, "J": {**answers, "reasons": reasons}}


def _lessons(region: Region, quarter: str, pseudonymise) -> list[dict]:
    return [{"kind": lesson.kind, "aspect": lesson.aspect, "site": lesson.site.name if lesson.site else "",
             "themes": list(lesson.themes), "text": pseudonymise(lesson.text)}
            for lesson in Lesson.objects.filter(region=region, quarter=quarter).select_related("site").order_by("id")]


def _improvements(region: Region, quarter: str, pseudonymise) -> list[dict]:
    found = ImprovementProposal.objects.filter(region=region, quarter=quarter).select_related("site").order_by("id")
    return [{"title": pseudonymise(item.title), "description": pseudonymise(item.description),
             "owner": pseudonymise(item.owner), "status": item.status,
             "realised_on": f"{item.realised_on:%Y-%m}" if item.realised_on else None,
             "site": item.site.name if item.site else ""} for item in found]


def handover_document(*, region: str, quarter: str, actor=None) -> dict:
    """The document of a region's approved quarter (unsigned). Refuses a quarter that is not approved."""
    region_obj, label = _region(region), _quarter(quarter)
    snapshot, approved_at = _approval(region_obj, label)
    pseudonymiser = pseudonymiser_for(region_obj)
    monitor = apply_cbs(snapshot)
    monitor["experiences"] = _experiences(monitor["experiences"], pseudonymiser.text)
    document = {
        "format": FORMAT, "version": VERSION,
        "region": {"code": region_obj.code, "name": region_obj.name},
        "quarter": label, "approved": True,
        "approved_at": approved_at.astimezone(dt.UTC).isoformat(),
        "created_at": timezone.now().astimezone(dt.UTC).isoformat(timespec="seconds"),
        "monitor": monitor,
        "lessons": _lessons(region_obj, label, pseudonymiser.text),
        "improvements": _improvements(region_obj, label, pseudonymiser.text),
    }
    audit_record(actor=actor, action="national_handover_export", obj=region_obj, purpose="landelijk programma",
                 detail={"region": region_obj.code, "quarter": label})
    return document
