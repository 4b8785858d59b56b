"""The resident's own session, apart from the professionals' sign-in (no Django user).

The session holds `portal_member_id` and the time of the last request. After SESSION_COOKIE_AGE seconds
without a request the resident is signed out (idle timeout); the session key is renewed at every sign-in.
"""
import time
from functools import wraps

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect

from tandem.audit.services import audit_record
from tandem.portal.selectors import ResidentActor, member_for_session

SESSION_KEY = "portal_member_id"
SEEN_KEY = "portal_seen"


def sign_in(request, member) -> None:
    request.session.cycle_key()  # a new session key: nobody can ride along on an older one
    request.session[SESSION_KEY] = str(member.pk)
    request.session[SEEN_KEY] = time.time()


def sign_out(request) -> None:
    request.session.pop(SESSION_KEY, None)
    request.session.pop(SEEN_KEY, None)
    request.session.cycle_key()


def session_member(request):
    member_id, seen = request.session.get(SESSION_KEY), request.session.get(SEEN_KEY, 0)
    if not member_id:
        return None
    if time.time() - float(seen) > settings.SESSION_COOKIE_AGE:
        sign_out(request)
        return None
    member = member_for_session(member_id)
    if member is None:
        sign_out(request)
        return None
    request.session[SEEN_KEY] = time.time()
    return member


def resident_required(view):
    """Only for a signed-in household member; sets request.member and request.resident. Never cached."""
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        member = session_member(request)
        if member is None:
            return redirect("portal:login")
        request.member, request.resident = member, ResidentActor(member)
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            log_refused(request)
            raise
        response["Cache-Control"] = "no-store"
        return response
    return wrapper


def log_refused(request) -> None:
    """A signed-in resident asked for something that is not theirs (or does not exist): the same 404, logged."""
    member = request.member
    audit_record(actor=request.resident, action="portal_access_denied", household_id=member.household_id,
                 obj=member, purpose="eigen dossier inzien",
                 detail={"member": str(member.pk), "page": request.resolver_match.url_name if request.resolver_match
                         else ""})


def log_read(request, page: str, obj=None, *, action: str = "portal_read") -> None:
    """Every portal page is a read of the dossier, logged like a professional's read (a download as
    `portal_download`)."""
    member = request.member
    audit_record(actor=request.resident, action=action, household_id=member.household_id,
                 obj=obj if obj is not None else member, purpose="eigen dossier inzien",
                 detail={"member": str(member.pk), "page": page})
