"""Whether this session's professional has passed the second factor (a session flag bound to the user)."""
VERIFIED_KEY = "tandem_2fa_user"


def is_verified(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and request.session.get(VERIFIED_KEY) == user.pk)


def mark_verified(request, user) -> None:
    request.session.cycle_key()  # a new session key once fully signed in
    request.session[VERIFIED_KEY] = user.pk


def clear_verified(request) -> None:
    request.session.pop(VERIFIED_KEY, None)
