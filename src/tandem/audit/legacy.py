"""Re-chaining the entries written before the key existed (migration audit 0003), as a pure function.

Before issue 11 the chain was plain SHA-256 (`chain.legacy_hash`) with a head row in the same database, so anyone
with database access could rebuild it. At migration the old chain and head are checked once more; then every old
entry gets its keyed mac and seal, in id order, and one entry `audit_rechain` records what was found: how many old
entries, their last SHA-256 hash and every break. From then on the key protects the old entries as well as the new
ones, and a break found at migration stays visible in the chain (docs/architecture.md, "Access log").
"""
from dataclasses import dataclass, field

from tandem.audit import chain

MAX_RECORDED = 50


@dataclass
class Rechained:
    macs: dict[int, tuple[str, str]] = field(default_factory=dict)  # event id -> (key id, mac)
    problems: list[str] = field(default_factory=list)
    last_hash: str = chain.GENESIS


def check_legacy(events: list, head) -> list[str]:
    """The old chain's breaks, as the old `tandem audit verify` named them (events in id order)."""
    problems, prev_hash = [], chain.GENESIS
    for event in events:
        if event.prev_hash != prev_hash:
            problems.append(f"Regel {event.id}: de regel ervoor is gewijzigd of verwijderd.")
        if chain.legacy_hash(event.prev_hash, event) != event.hash:
            problems.append(f"Regel {event.id}: de inhoud van deze regel is gewijzigd.")
        prev_hash = event.hash
    last = events[-1] if events else None
    if head is not None and head.last_hash != (last.hash if last else chain.GENESIS):
        problems.append(f"Het anker (regel {head.last_id}, {head.count} regels) klopt niet met het logboek "
                        f"({len(events)} regels): de nieuwste regels zijn verwijderd of gewijzigd.")
    return problems


def rechain(events: list, head, key: chain.Key) -> Rechained:
    """Macs for the old entries, plus what the switch-over entry records."""
    result = Rechained(problems=check_legacy(events, head))
    for event in events:
        result.macs[event.id] = (key.id, chain.event_mac(key, event))
    result.last_hash = events[-1].hash if events else chain.GENESIS
    return result


def switch_detail(result: Rechained, count: int) -> dict:
    return {"legacy_entries": count, "legacy_last_hash": result.last_hash,
            "legacy_intact": not result.problems, "legacy_problems": result.problems[:MAX_RECORDED],
            "legacy_problem_count": len(result.problems)}
