"""Region, sites, organisations and professionals: created or updated by code/ref.

These are not dossier data, so there are no services for them: they are saved directly, and only when
something differs, so that importing the same file twice changes nothing.
"""
import datetime as dt
import re

from django.utils.text import slugify

from tandem.exchange.context import ImportContext
from tandem.organisations.models import Organisation, Region, Site, User

USERNAME = re.compile(r"^[\w.@+-]{1,150}$")


def _sync(obj, values: dict, kind: str, ctx: ImportContext) -> None:
    """Create `obj` (no pk yet) or save the fields of `values` that differ."""
    if obj.pk is None:
        for name, value in values.items():
            setattr(obj, name, value)
        obj.save()
        ctx.created[kind] += 1
        return
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, values[name])
    if changed:
        obj.save(update_fields=changed)
        ctx.updated[kind] += 1


def import_region(data: dict, ctx: ImportContext) -> Region:
    values = {"name": data["name"]}
    if data.get("programme_start"):
        values["programme_start"] = dt.date.fromisoformat(data["programme_start"])
    region = Region.objects.filter(code=data["code"]).first() or Region(code=data["code"])
    _sync(region, values, "regio", ctx)
    ctx.region = region
    return region


def import_sites(items: list, ctx: ImportContext) -> None:
    for i, data in enumerate(items):
        site = Site.objects.filter(code=data["code"]).first() or Site(code=data["code"], region=ctx.region)
        if site.pk and site.region_id != ctx.region.pk:
            ctx.problem(f"sites[{i}].code", f"Toekomsttuin {data['code']} hoort in Tandem bij een andere regio "
                        f"({site.region.name}).")
            continue
        _sync(site, {"name": data["name"], "municipality": data["municipality"]}, "toekomsttuin", ctx)
        ctx.sites[site.code] = site


def import_organisations(items: list, ctx: ImportContext) -> None:
    for i, data in enumerate(items):
        site = ctx.sites.get(data.get("site")) if data.get("site") else None
        if data.get("site") and site is None:
            continue  # the site itself was refused; that problem is already reported
        org = Organisation.objects.filter(code=data["code"]).first()
        values = {"name": data["name"], "kind": data["kind"], "site": site}
        if org is None:  # a new organisation belongs to the region of the file; an existing one keeps its own
            org = Organisation(code=data["code"])
            values["region"] = ctx.region
        _sync(org, values, "organisatie", ctx)
        ctx.orgs[org.code] = org


def username_for(ref: str) -> str:
    """The ref itself when it is a valid username, otherwise its slug; made unique with -2, -3, …"""
    base = ref if USERNAME.match(ref) else (slugify(ref)[:140] or "professional")
    candidate, n = base, 2
    while User.objects.filter(username=candidate).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _find_user(ref: str) -> User:
    user = User.objects.filter(ref=ref).first()
    if user is None and USERNAME.match(ref):
        user = User.objects.filter(username=ref, ref="").first()
    if user is None:
        user = User(username=username_for(ref))
        user.set_unusable_password()
    return user


def split_name(name: str) -> tuple[str, str]:
    first, _, last = name.strip().partition(" ")
    return first, last.strip()


def import_professionals(items: list, ctx: ImportContext) -> None:
    for data in items:
        org = ctx.orgs.get(data["organisation"])
        if org is None:
            continue
        first, last = split_name(data["name"])
        user = _find_user(data["ref"])
        values = {"first_name": first, "last_name": last, "organisation": org, "role": data["role"]}
        if user.pk is None or user.ref or user.username != data["ref"]:  # exported by username: ref stays empty
            values["ref"] = data["ref"]
        _sync(user, values, "professional", ctx)
        ctx.pros[data["ref"]] = user
