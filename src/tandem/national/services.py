"""The writes of the national programme: loading the pilots (seed 004), registering a region's public key, and
importing a signed hand-over. Each is all or nothing; a refused import stores nothing."""
import json
from dataclasses import dataclass
from importlib import resources

from django.conf import settings
from django.db import IntegrityError, transaction

from tandem.audit.services import audit_record
from tandem.core.dates import dutch_datetime
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.national import rules, signing
from tandem.national.models import HandedLesson, Handover, LearningKind, Pilot, PilotKey, Theme
from tandem.organisations.models import Role

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024


def require_national() -> None:
    if not settings.TANDEM_NATIONAL:
        raise RuleViolation("not_national", "Deze installatie is niet het landelijk programma. Zet TANDEM_NATIONAL=1 "
                                            "op de landelijke installatie.")


def _require_team(actor) -> None:
    """`actor=None` is the system (a command run by the beheerder of the national installation)."""
    if actor is not None and getattr(actor, "role", None) != Role.LANDELIJK:
        raise NotPermitted("Alleen het landelijk programmateam leest overdrachten in.")


def pilots_data() -> dict:
    return json.loads(resources.files("tandem.national").joinpath("data/pilots.json").read_text(encoding="utf-8"))


@transaction.atomic
def pilots_load(*, actor=None, data: dict | None = None) -> tuple[int, int]:
    """Themes and pilots of seed 004 (or `data` in the same shape), created or updated by code; every general
    theme holds for every pilot ("Algemene vraagstukken voor alle proeftuinen"). Returns (themes, pilots)."""
    require_national()
    _require_team(actor)
    data = data or pilots_data()
    themes = []
    for position, theme in enumerate(data["themes"]):
        found, _ = Theme.objects.update_or_create(code=theme["code"], defaults={
            "name": theme["name"], "description": theme.get("description", ""), "position": position})
        themes.append(found)
    for item in data["pilots"]:
        pilot, _ = Pilot.objects.update_or_create(code=item["code"], defaults={
            "name": item["name"], "region_name": item["region"], "tranche": item.get("tranche", 1),
            "started": item.get("started", ""), "questions": list(item.get("questions", []))})
        pilot.themes.set(themes)
    audit_record(actor=actor, action="national_pilots_load", purpose="landelijk programma",
                 detail={"themes": len(themes), "pilots": len(data["pilots"])})
    return len(themes), len(data["pilots"])


@transaction.atomic
def pilot_create(*, actor=None, code: str, name: str, region_name: str, tranche: int = 2) -> Pilot:
    """A pilot outside seed 004's list (for instance a demo region), with all general themes."""
    require_national()
    _require_team(actor)
    code = (code or "").strip()
    if not code or Pilot.objects.filter(code=code).exists():
        raise RuleViolation("pilot_code", f"Kies een nieuwe code voor de proeftuin; '{code}' is leeg of bestaat al.")
    pilot = Pilot.objects.create(code=code, name=name.strip() or code, region_name=region_name.strip() or code,
                                 tranche=tranche)
    pilot.themes.set(Theme.objects.all())
    audit_record(actor=actor, action="national_pilot_create", obj=pilot, purpose="landelijk programma",
                 detail={"pilot": code})
    return pilot


@transaction.atomic
def pilot_key_register(*, actor=None, pilot: str, public_pem: bytes) -> PilotKey:
    """Keep a region's public key. A key belongs to one region only."""
    require_national()
    _require_team(actor)
    found = Pilot.objects.filter(code=str(pilot).strip()).first()
    if found is None:
        raise RuleViolation("pilot_unknown", f"Onbekende proeftuin '{pilot}'. Laad eerst de proeftuinen "
                                             "('tandem national load-pilots').")
    public_key = signing.load_public(public_pem)
    fingerprint = signing.fingerprint(public_key)
    existing = PilotKey.objects.filter(fingerprint=fingerprint).select_related("pilot").first()
    if existing is not None:
        raise RuleViolation("key_known", f"Deze sleutel is al vastgelegd voor {existing.pilot.region_name}.")
    key = PilotKey.objects.create(pilot=found, fingerprint=fingerprint, registered_by=actor,
                                  public_key=signing.raw_public(public_key).hex())
    audit_record(actor=actor, action="national_key_register", obj=key, purpose="landelijk programma",
                 detail={"pilot": found.code, "fingerprint": fingerprint})
    return key


@dataclass(frozen=True)
class ImportResult:
    handover: Handover
    replaced: Handover | None

    @property
    def message(self) -> str:
        text = (f"Ingelezen: {self.handover.pilot.region_name}, kwartaal {self.handover.quarter} "
                f"(goedgekeurd op {dutch_datetime(self.handover.approved_at)}).")
        if self.replaced is not None:
            text += (f" Dit is een gecorrigeerde goedkeuring: deze vervangt de eerder ingelezen versie (goedgekeurd op "
                     f"{dutch_datetime(self.replaced.approved_at)}).")
        return text


def _signing_key(envelope: signing.Envelope) -> PilotKey:
    """The registered key that made the signature, or a refusal: unknown key, altered document, or a document
    that names one region's key but was signed with another's."""
    named = PilotKey.objects.select_related("pilot").filter(fingerprint=envelope.key).first()
    if named is None:
        raise RuleViolation("unknown_key", "Het document is ondertekend met een sleutel die het landelijk programma "
                                           "niet kent. Vraag de regio om haar openbare sleutel.")
    if signing.verify(envelope, signing.public_from_hex(named.public_key)):
        return named
    for other in PilotKey.objects.select_related("pilot").exclude(pk=named.pk):
        if signing.verify(envelope, signing.public_from_hex(other.public_key)):
            raise RuleViolation("other_region_key", f"Het document is ondertekend met de sleutel van "
                                                    f"{other.pilot.region_name}, niet met die van "
                                                    f"{named.pilot.region_name}. Het wordt niet ingelezen.")
    raise RuleViolation("altered", "De handtekening klopt niet: het document is na het ondertekenen veranderd. "
                                   "Het wordt niet ingelezen.")


def _lesson_rows(handover: Handover, document: dict) -> list[HandedLesson]:
    rows = []
    for item in document["lessons"]:
        kind = item.get("kind") if item.get("kind") in LearningKind.values else LearningKind.LESSON
        rows.append(HandedLesson(handover=handover, kind=kind, aspect=str(item.get("aspect") or "")[:20],
                                 site=str(item.get("site") or "")[:200], text=str(item.get("text") or ""),
                                 themes=[str(theme)[:60] for theme in item.get("themes") or []][:8]))
    for item in document["improvements"]:
        text = "\n\n".join(part for part in (str(item.get("description") or ""),
                                             f"Eigenaar: {item['owner']}" if item.get("owner") else "") if part)
        rows.append(HandedLesson(handover=handover, kind=LearningKind.IMPROVEMENT, title=str(item.get("title"))[:300],
                                 text=text, status=str(item.get("status") or "")[:40],
                                 site=str(item.get("site") or "")[:200]))
    return rows


@transaction.atomic
def handover_import(*, actor=None, data: bytes) -> ImportResult:
    """Take in a region's signed hand-over. Refused, with nothing stored: an unreadable, unsigned or altered file,
    an unknown key, another region's key, an unapproved quarter, the same approval a second time or an older one.
    A later approval of the same quarter replaces the earlier import (which is kept, marked as replaced)."""
    require_national()
    _require_team(actor)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise RuleViolation("too_large", "Het bestand is groter dan 5 MB; een overdracht is veel kleiner.")
    envelope = signing.read(data)
    key = _signing_key(envelope)
    region, quarter, approved_at = rules.check_document(envelope.document)
    rules.check_key_owner(key.pilot.code, region)
    pilot = Pilot.objects.select_for_update().get(pk=key.pilot.pk)  # one import per pilot at a time
    earlier = Handover.objects.filter(pilot=pilot, quarter=quarter, superseded_by__isnull=True).first()
    rules.check_not_seen(Handover.objects.filter(digest=envelope.digest).exists())
    replaces = rules.check_replacement(
        earlier_approved_at=earlier and earlier.approved_at, earlier_digest=earlier and earlier.digest,
        approved_at=approved_at, digest=envelope.digest, imported_on=earlier and earlier.imported_at.date())
    try:
        with transaction.atomic():
            handover = _create(actor, pilot, key, quarter, approved_at, envelope, data, earlier if replaces else None)
    except IntegrityError as error:
        raise RuleViolation("already_imported", "Dit document is zojuist al ingelezen.") from error
    audit_record(actor=actor, action="national_handover_import", obj=handover, purpose="landelijk programma",
                 detail={"pilot": pilot.code, "quarter": quarter, "replaces": earlier.pk if replaces else None})
    return ImportResult(handover=handover, replaced=earlier if replaces else None)


def _create(actor, pilot, key, quarter, approved_at, envelope, data, earlier) -> Handover:
    """The new hand-over and its lessons; an earlier one is marked replaced first (one current per quarter)."""
    handover = Handover(pilot=pilot, quarter=quarter, approved_at=approved_at, digest=envelope.digest, key=key,
                        monitor=envelope.document["monitor"], document=data.decode("utf-8"), imported_by=actor)
    if earlier is not None:
        # The constraint allows one current row per quarter: park the earlier one on itself, then point it on.
        Handover.objects.filter(pk=earlier.pk).update(superseded_by=earlier.pk)
    handover.save()
    if earlier is not None:
        Handover.objects.filter(pk=earlier.pk).update(superseded_by=handover.pk)
    HandedLesson.objects.bulk_create(_lesson_rows(handover, envelope.document))
    return handover
