"""The keyed hash chain of the access log, as pure functions (no queries): used by the services, the commands
and the migration that re-chained the entries written before the key existed.

- Every entry carries `mac` = HMAC-SHA256(key, its content), written in the same transaction as the change.
- Every seal links one entry into the chain: `hash` = HMAC-SHA256(key, seq | entry id | entry mac | previous hash).
- An anchor line (outside the database) carries time, count, last sequence number and hash, and its own HMAC.

Without the key nobody can recompute a mac, a seal or an anchor, so a chain rewritten by someone with only
database access no longer verifies. The key is named in every row by its id (a fingerprint, not the key).
"""
import hashlib
import hmac
import json
from dataclasses import dataclass

GENESIS = "0" * 64


@dataclass(frozen=True)
class Key:
    id: str
    secret: bytes


def make_key(text: str) -> Key:
    secret = text.encode()
    fingerprint = hmac.new(secret, b"tandem-audit-key-id", hashlib.sha256).hexdigest()[:12]
    return Key(id=fingerprint, secret=secret)


def _mac(key: Key, message: str) -> str:
    return hmac.new(key.secret, message.encode(), hashlib.sha256).hexdigest()


def content(event) -> dict:
    """The fields of an entry that its mac covers (everything but the id and the chain columns)."""
    return {
        "at": event.at.isoformat(),
        "actor_id": event.actor_id,
        "actor_name": event.actor_name,
        "actor_role": event.actor_role,
        "actor_organisation": event.actor_organisation,
        "household_id": str(event.household_id) if event.household_id else None,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "purpose": event.purpose,
        "detail": event.detail,
    }


def canonical(fields: dict) -> str:
    return json.dumps(fields, sort_keys=True, default=str, separators=(",", ":"))


def event_mac(key: Key, event) -> str:
    return _mac(key, "entry|" + canonical(content(event)))


def seal_hash(key: Key, *, seq: int, event_id: int, mac: str, prev_hash: str) -> str:
    return _mac(key, f"seal|{seq}|{event_id}|{mac}|{prev_hash}")


def legacy_hash(prev_hash: str, event) -> str:
    """The unkeyed SHA-256 chain of before issue 11 (checked once, by the migration that re-chained it)."""
    return hashlib.sha256((prev_hash + canonical(content(event))).encode()).hexdigest()


# ------------------------------------------------------------------------------------------------- anchor

@dataclass(frozen=True)
class Anchor:
    time: str
    count: int
    seq: int
    hash: str
    key_id: str
    mac: str

    def payload(self) -> str:
        return f"time={self.time} count={self.count} seq={self.seq} hash={self.hash} key={self.key_id}"

    def line(self) -> str:
        return f"{self.payload()} mac={self.mac}"


def make_anchor(key: Key, *, time: str, count: int, seq: int, last_hash: str) -> Anchor:
    unsigned = Anchor(time=time, count=count, seq=seq, hash=last_hash, key_id=key.id, mac="")
    return Anchor(**{**unsigned.__dict__, "mac": _mac(key, "anchor|" + unsigned.payload())})


def parse_anchor(line: str) -> Anchor | None:
    """One anchor line, or None when it is not one (the caller says so in Dutch)."""
    try:
        parts = dict(part.split("=", 1) for part in line.split())
        return Anchor(time=parts["time"], count=int(parts["count"]), seq=int(parts["seq"]), hash=parts["hash"],
                      key_id=parts["key"], mac=parts["mac"])
    except (KeyError, ValueError):
        return None


def anchor_valid(key: Key, anchor: Anchor) -> bool:
    return hmac.compare_digest(_mac(key, "anchor|" + anchor.payload()), anchor.mac)
