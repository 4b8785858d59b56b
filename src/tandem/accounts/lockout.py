"""Lock-out that holds in parallel: an attempt is counted *before* its password or code is checked.

Each attempt first claims a place on two counters, the account's (5 per 15 minutes) and the address's (30 per
15 minutes), with one conditional UPDATE each (`attempts < limit`). The database serialises those UPDATEs (row
lock on PostgreSQL, the write lock on SQLite), so of 41 simultaneous guesses at most 5 get a place and are
checked; the rest are refused unchecked, the right password among them. A right password or code gives its places
back (a full sign-in also clears the account's failures); a failure keeps them, and the failure that fills the account's counter starts a
15-minute lock. An attempt whose process died keeps its place until the window ends.

django-axes was not used: it counts a failure after checking the password, so a burst passes its check before
any failure is written (docs/security.md). The statements here run outside a transaction on purpose: a row
lock must not be held while a password hash is computed.
"""
import hashlib
import hmac
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from tandem.accounts.models import SignInCounter

ACCOUNT_LIMIT = 5
ADDRESS_LIMIT = 30
WINDOW = timedelta(minutes=15)  # failures counted within, and the length of a lock-out
LOCKED = ("Te veel mislukte pogingen. Om uw account te beschermen kunt u 15 minuten niet inloggen. "
          "Probeer het daarna opnieuw, of vraag uw beheerder om hulp.")


def counter_key(kind: str, value: str) -> str:
    """A keyed hash: the typed name (sometimes a password) and the address are not stored."""
    text = f"{kind}:{(value or '').strip().lower()}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), b"login:" + text, hashlib.sha256).hexdigest()


def client_address(request) -> str:
    """The client's address; behind a proxy (TANDEM_BEHIND_PROXY) the last address that proxy added."""
    if getattr(settings, "TANDEM_BEHIND_PROXY", False):
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")


@dataclass(frozen=True)
class Attempt:
    """The places one attempt holds: (counter key, limit) pairs."""

    counters: tuple[tuple[str, int], ...]


def _fresh(key: str, now) -> None:
    """Make sure the counter exists, and start it again when its window or its lock-out is over."""
    SignInCounter.objects.bulk_create([SignInCounter(key=key, window_start=now)], ignore_conflicts=True)
    over = Q(locked_until__lte=now) | Q(locked_until__isnull=True, window_start__lte=now - WINDOW)
    SignInCounter.objects.filter(over, key=key).update(attempts=0, window_start=now, locked_until=None)


def _claim(key: str, limit: int, now) -> bool:
    _fresh(key, now)
    return bool(SignInCounter.objects.filter(key=key, attempts__lt=limit, locked_until__isnull=True)
                .update(attempts=F("attempts") + 1))


def _give_back(key: str) -> None:
    SignInCounter.objects.filter(key=key, attempts__gt=0).update(attempts=F("attempts") - 1)


def attempt_start(*, username: str, address: str, now=None) -> Attempt | None:
    """Claim a place for one attempt on the account's and the address's counter; None (and nothing held) when
    either is full or locked: then the password or code must not be checked at all."""
    now = now or timezone.now()
    counters = ((counter_key("account", username), ACCOUNT_LIMIT), (counter_key("address", address), ADDRESS_LIMIT))
    held = []
    for key, limit in counters:
        if not _claim(key, limit, now):
            for earlier in held:
                _give_back(earlier)
            return None
        held.append(key)
    return Attempt(counters=counters)


def attempt_failed(attempt: Attempt, *, now=None) -> bool:
    """The attempt failed: it keeps its places. True when it filled a counter and so started a lock-out."""
    now = now or timezone.now()
    started = False
    for key, limit in attempt.counters:
        started |= bool(SignInCounter.objects.filter(key=key, attempts__gte=limit, locked_until__isnull=True)
                        .update(locked_until=now + WINDOW))
    return started


def attempt_release(attempt: Attempt) -> None:
    """The password or code was right: the attempt gives its places back."""
    for key, _ in attempt.counters:
        _give_back(key)


def account_clear(username: str, *, now=None) -> None:
    """Fully signed in: the account's earlier failures no longer count."""
    SignInCounter.objects.filter(key=counter_key("account", username)).update(
        attempts=0, window_start=now or timezone.now(), locked_until=None)


def is_locked(username: str, *, now=None) -> bool:
    """Whether the account cannot sign in now (locked, or every place taken within the window)."""
    now = now or timezone.now()
    counter = SignInCounter.objects.filter(key=counter_key("account", username)).first()
    if counter is None:
        return False
    if counter.locked_until is not None:
        return counter.locked_until > now
    return counter.attempts >= ACCOUNT_LIMIT and counter.window_start > now - WINDOW
