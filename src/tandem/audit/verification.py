"""Checking the access log (`tandem audit verify`) and anchoring it outside the database (`tandem audit anchor`).

The check walks the chain with the key: every entry's mac, every seal's hash and link, no missing sequence
number, no entry outside the chain, key switches only where a rotation entry records them. Only an anchor kept
outside the database shows that the newest entries (or all of them) were removed, or that the whole chain was
rebuilt: the check compares the chain with the newest anchor line.
"""
import os
from dataclasses import dataclass, field
from pathlib import Path

from django.db.models import Exists, OuterRef
from django.utils import timezone

from tandem.audit import chain
from tandem.audit.models import AuditEvent, AuditPending, AuditSeal
from tandem.audit.services import audit_keys, audit_seal, key_by_id

CHUNK = 2000


@dataclass
class Check:
    problems: list[str] = field(default_factory=list)
    count: int = 0
    seq: int = 0
    hash: str = chain.GENESIS
    anchor: chain.Anchor | None = None


def _walk(check: Check) -> None:
    prev_hash, prev_seq, prev = None, None, None
    queryset = AuditSeal.objects.order_by("seq")
    last_seq = 0
    while True:
        seals = list(queryset.filter(seq__gt=last_seq)[:CHUNK])
        if not seals:
            return
        events = AuditEvent.objects.in_bulk([s.event_id for s in seals])
        for seal in seals:
            _check_seal(check, seal, events.get(seal.event_id), prev, prev_hash, prev_seq)
            prev, prev_hash, prev_seq = (seal, events.get(seal.event_id)), seal.hash, seal.seq
        last_seq = seals[-1].seq
        check.count += len(seals)
        check.seq, check.hash = seals[-1].seq, seals[-1].hash


def _check_seal(check: Check, seal, event, prev, prev_hash, prev_seq) -> None:
    problems = check.problems
    name = f"Regel {seal.event_id} (volgnummer {seal.seq})"
    if prev_seq is None:
        if seal.seq != 1 or seal.prev_hash != chain.GENESIS:
            problems.append(f"{name}: het begin van het logboek ontbreekt (de eerste regel heeft volgnummer "
                            f"{seal.seq}).")
    elif seal.seq != prev_seq + 1:
        problems.append(f"{name}: de regels met volgnummer {prev_seq + 1} tot en met {seal.seq - 1} zijn "
                        "verwijderd.")
    elif seal.prev_hash != prev_hash:
        problems.append(f"{name}: de regel ervoor is gewijzigd of verwijderd.")
    if event is None:
        problems.append(f"{name} is verwijderd.")
        return
    key = key_by_id(seal.key_id)
    if key is None:
        problems.append(f"{name}: sleutel {seal.key_id} ontbreekt in TANDEM_AUDIT_KEY; deze regel is niet te "
                        "controleren.")
        return
    if chain.seal_hash(key, seq=seal.seq, event_id=seal.event_id, mac=event.mac,
                       prev_hash=seal.prev_hash) != seal.hash:
        problems.append(f"{name}: de keten klopt niet met de sleutel (herberekend of vervalst).")
    event_key = key_by_id(event.key_id)
    if event_key is None or chain.event_mac(event_key, event) != event.mac:
        problems.append(f"{name}: de inhoud van deze regel is gewijzigd.")
    _check_key_switch(check, name, seal, prev)


def _check_key_switch(check: Check, name: str, seal, prev) -> None:
    """The key changes only right after a rotation entry that names the new key."""
    if prev is None or prev[0].key_id == seal.key_id:
        return
    before = prev[1]
    if before is None or before.action != "audit_key_rotate" or before.detail.get("to") != seal.key_id:
        check.problems.append(f"{name}: de sleutel wisselt hier zonder vastgelegde sleutelwissel.")


def _unchained(check: Check) -> None:
    """Entries neither sealed nor waiting for the seal (one committed since the seal above is still waiting)."""
    outside = AuditEvent.objects.filter(~Exists(AuditSeal.objects.filter(event_id=OuterRef("pk"))),
                                        ~Exists(AuditPending.objects.filter(event_id=OuterRef("pk"))))
    for event_id in outside.order_by("id").values_list("id", flat=True)[:100]:
        check.problems.append(f"Regel {event_id} staat niet in de keten (buiten Tandem om toegevoegd).")


# ------------------------------------------------------------------------------------------------- anchor

def newest_anchor(path: str | os.PathLike) -> chain.Anchor:
    """The last line of an anchor file. Raises ValueError with a Dutch message when there is none."""
    try:
        lines = [line for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    except OSError as error:
        raise ValueError(f"Het ankerbestand {path} is niet te lezen: {error.strerror}.") from error
    if not lines:
        raise ValueError(f"Het ankerbestand {path} is leeg.")
    anchor = chain.parse_anchor(lines[-1])
    if anchor is None:
        raise ValueError(f"De laatste regel van {path} is geen anker van Tandem.")
    return anchor


def anchor_problems(anchor: chain.Anchor, check: Check) -> list[str]:
    """How the log compares with an anchor written earlier outside the database."""
    key = key_by_id(anchor.key_id)
    if key is None:
        return [f"Het anker van {anchor.time} is gemaakt met sleutel {anchor.key_id}, die ontbreekt in "
                "TANDEM_AUDIT_KEY."]
    if not chain.anchor_valid(key, anchor):
        return [f"Het anker van {anchor.time} is vervalst (de sleutelcontrole klopt niet)."]
    if anchor.seq == 0:
        return []
    if check.count == 0:
        return [f"Het logboek is leeg, maar het anker van {anchor.time} telt {anchor.count} regels."]
    if check.seq < anchor.seq:
        return [f"Het logboek is ingekort: het anker van {anchor.time} eindigt bij volgnummer {anchor.seq} "
                f"({anchor.count} regels), het logboek bij volgnummer {check.seq} ({check.count} regels)."]
    seal = AuditSeal.objects.filter(seq=anchor.seq).first()
    if seal is None or seal.hash != anchor.hash:
        return [f"De keten is herschreven: volgnummer {anchor.seq} heeft niet meer de hash uit het anker van "
                f"{anchor.time}."]
    return []


def audit_check(*, anchor: chain.Anchor | None = None) -> Check:
    """Seal what is pending, walk the chain, and compare it with `anchor` when given."""
    audit_seal()
    check = Check(anchor=anchor)
    _walk(check)
    _unchained(check)
    if anchor is not None:
        check.problems += anchor_problems(anchor, check)
    return check


def audit_anchor_line(check: Check) -> str:
    """A new anchor line for the log as `audit_check` found it (intact)."""
    if check.problems:
        raise ValueError("Het toegangslogboek is niet intact; er is geen anker geschreven.")
    return chain.make_anchor(audit_keys()[0], time=timezone.now().isoformat(timespec="seconds"),
                             count=check.count, seq=check.seq, last_hash=check.hash).line()


def audit_hash_known(value: str) -> bool:
    """Whether a hash written down earlier is still part of the chain."""
    return value == chain.GENESIS or AuditSeal.objects.filter(hash=value.strip().lower()).exists()
