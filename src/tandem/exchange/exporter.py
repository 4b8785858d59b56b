"""`export_document`: a region (or one site) as an exchange document (../shared/spec/exchange.md).

Everything is written in an order that does not depend on database ids, so that export → import into an
empty database → export gives the same document. Objects entered on screen have no ref; their id is used.
Exporting is a read of dossiers: one access-log entry per household.
"""
import datetime as dt

from django.db.models import Q

from tandem.audit.services import audit_record
from tandem.cases.models import Household, Trajectory
from tandem.monitor.models import Experience
from tandem.organisations.models import Organisation, OrganisationKind, Region, Role, Site, User


class ExportError(Exception):
    """The region or site asked for does not exist, or it is unclear which region to export."""


def _d(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def ref_of(obj) -> str:
    return obj.ref or str(obj.id)


def pro_ref(user) -> str | None:
    return (user.ref or user.username) if user is not None else None


def _scope(region_code: str | None, site_code: str | None) -> tuple[Region, list[Site]]:
    if site_code:
        site = Site.objects.select_related("region").filter(code=site_code).first()
        if site is None or (region_code and site.region.code != region_code):
            raise ExportError(f"Toekomsttuin {site_code} bestaat niet" + (f" in regio {region_code}." if region_code
                                                                          else "."))
        return site.region, [site]
    regions = Region.objects.filter(code=region_code) if region_code else Region.objects.all()
    if regions.count() != 1:
        raise ExportError(f"Regio {region_code} bestaat niet." if region_code else
                          "Kies een regio met --region: er is geen of meer dan één regio.")
    region = regions.get()
    return region, list(region.sites.order_by("code"))


def export_document(*, region_code: str | None = None, site_code: str | None = None) -> dict:
    region, sites = _scope(region_code, site_code)
    households = list(Household.objects.filter(site__in=sites).select_related("site").prefetch_related(
        "members", "trajectories__lead_periods__professional", "trajectories__team__professional",
        "trajectories__involvements__organisation", "trajectories__involvements__time_entries",
        "trajectories__consents__organisation", "trajectories__consents__given_by",
        "trajectories__reports__organisation", "trajectories__measures__subject",
        "trajectories__measures__handled_by", "trajectories__expert_contacts__expert"))
    households.sort(key=lambda h: (h.site.code, ref_of(h)))
    organisations = _organisations(region, sites, households)
    sites = sorted({*sites, *(o.site for o in organisations if o.site)}, key=lambda s: s.code)
    document = {
        "format": "tandem-exchange", "version": 1,
        "region": {"code": region.code, "name": region.name, "programme_start": _d(region.programme_start)},
        "sites": [{"code": s.code, "name": s.name, "municipality": s.municipality} for s in sites],
        "organisations": [_organisation(o) for o in organisations],
        "professionals": _professionals(organisations),
        "households": [_household(h) for h in households],
    }
    experiences = _experiences(sites)
    if experiences:
        document["experiences"] = experiences
    for household in households:
        audit_record(actor=None, action="export", household_id=household.id, obj=household,
                     purpose="uitwisselbestand", detail={"region": region.code})
    return document


def _used_organisation_ids(households) -> set:
    ids = set()
    for household in households:
        for t in household.trajectories.all():
            ids |= {m.organisation_id for m in t.team.all()} | {m.professional.organisation_id for m in t.team.all()}
            ids |= {p.professional.organisation_id for p in t.lead_periods.all()}
            ids |= {i.organisation_id for i in t.involvements.all()} | {c.organisation_id for c in t.consents.all()}
            ids |= {r.organisation_id for r in t.reports.all()}
            ids |= {m.handled_by.organisation_id for m in t.measures.all() if m.handled_by}
            ids |= {c.expert.organisation_id for c in t.expert_contacts.all()}
    return ids - {None}


def _organisations(region: Region, sites: list[Site], households) -> list[Organisation]:
    """Local teams of the sites, the region's other organisations, and any organisation the dossiers use."""
    own = Q(site__in=sites) | (Q(region=region) & ~Q(kind=OrganisationKind.LOCAL_TEAM))
    used = Q(pk__in=_used_organisation_ids(households))
    return list(Organisation.objects.filter(own | used).select_related("site").order_by("code"))


def _organisation(org: Organisation) -> dict:
    data = {"code": org.code, "name": org.name, "kind": org.kind}
    if org.site:
        data["site"] = org.site.code
    return data


def _professionals(organisations) -> list[dict]:
    # An API client's account (role "koppeling") is not a person and never on a team: not exchanged.
    users = User.objects.filter(organisation__in=organisations).exclude(role=Role.KOPPELING).select_related(
        "organisation")
    rows = [{"ref": pro_ref(u), "name": u.get_full_name() or u.username, "organisation": u.organisation.code,
             "role": u.role} for u in users]
    return sorted(rows, key=lambda row: row["ref"])


def _member(member) -> dict:
    data = {"ref": ref_of(member), "given_names": member.given_names}
    if member.prefix:
        data["prefix"] = member.prefix
    data["family_name"] = member.family_name
    if member.birth_date:
        data["birth_date"] = _d(member.birth_date)
    if member.minor is not None:
        data["minor"] = member.minor
    if member.bsn:
        data["bsn"] = member.bsn
    return data


def _household(household: Household) -> dict:
    members = sorted((m for m in household.members.all() if not m.is_network), key=ref_of)
    trajectories = sorted(household.trajectories.all(), key=lambda t: (t.registered_on, ref_of(t)))
    return {"ref": ref_of(household), "site": household.site.code, "members": [_member(m) for m in members],
            "trajectories": [_trajectory(t) for t in trajectories]}


def _trajectory(t: Trajectory) -> dict:
    return {
        "ref": ref_of(t), "registered_on": _d(t.registered_on),
        "measure_considered_at_registration": t.measure_considered, "closed_on": _d(t.closed_on),
        "lead": sorted(({"from": _d(p.start), "professional": pro_ref(p.professional)}
                        for p in t.lead_periods.all()), key=_sort_key),
        "team": sorted(({"professional": pro_ref(m.professional), "joined_on": _d(m.joined_on),
                         "left_on": _d(m.left_on)} for m in t.team.all()), key=_sort_key),
        "involvements": sorted((_involvement(i) for i in t.involvements.all()), key=_sort_key),
        "consents": sorted(({"organisation": c.organisation.code, "given_by": c.given_by and ref_of(c.given_by),
                             "given_on": _d(c.given_on), "withdrawn_on": _d(c.withdrawn_on), "purpose": c.purpose}
                            for c in t.consents.all()), key=_sort_key),
        "reports": sorted(({"on": _d(r.on), "organisation": r.organisation.code} for r in t.reports.all()),
                          key=_sort_key),
        "measures": sorted((_measure(m) for m in t.measures.all()), key=_sort_key),
        "expert_contacts": sorted(({"on": _d(c.on), "expert": pro_ref(c.expert)} for c in t.expert_contacts.all()),
                                  key=_sort_key),
    }


def _sort_key(item: dict) -> str:
    """Items of one list in date order, then by their content (never by database id)."""
    dates = [item.get(k) for k in ("from", "joined_on", "start", "given_on", "on") if item.get(k)]
    return (dates[0] if dates else "") + repr(sorted(item.items()))


def _involvement(i) -> dict:
    data = {"form": i.form, "organisation": i.organisation.code, "start": _d(i.start), "end": _d(i.end),
            "time": sorted(({"on": _d(e.on), "hours": float(e.hours)} for e in i.time_entries.all()),
                           key=_sort_key)}
    if i.anonymous:
        data["anonymous"] = True
    return data


def _measure(m) -> dict:
    data = {"type": m.type, "on": _d(m.on), "initiated_from_site": m.initiated_from_site}
    if m.subject:
        data["subject"] = ref_of(m.subject)
    if m.handled_by:
        data["handled_by"] = pro_ref(m.handled_by)
    return data


def _experiences(sites) -> list[dict]:
    rows = []
    for e in Experience.objects.filter(site__in=sites).select_related("site"):
        row = {"site": e.site.code, "quarter": e.quarter, "question": e.question}
        row.update({"answer": e.answer, "reasons": list(e.reasons)} if e.question == "J" else {"text": e.text})
        rows.append(row)
    return sorted(rows, key=lambda row: (row["site"], row["quarter"], row["question"], repr(sorted(row.items()))))
