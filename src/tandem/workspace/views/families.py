"""'Mijn gezinnen': search, filters, sorting and paging over the families this person may open.

The search form posts, and its criteria are kept in the session: a name or BSN never ends up in a URL, the browser
history or a server log. Sorting and the page number are in the URL (they are not personal)."""
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone

from tandem.audit.services import audit_record
from tandem.cases.selectors import may_register
from tandem.organisations.models import NO_DOSSIER_ROLES
from tandem.security.rules import EMERGENCY_ROLES
from tandem.security.selectors import emergency_notices_for_lead
from tandem.workspace import families
from tandem.workspace.forms import FamilySearchForm
from tandem.workspace.selectors import attention_households, work_list

SESSION_KEY = "mijn_gezinnen"


def _save_criteria(request, form) -> None:
    if "wissen" in request.POST:
        request.session.pop(SESSION_KEY, None)
        return
    data = form.cleaned_data
    request.session[SESSION_KEY] = {k: v for k, v in data.items() if v}
    if data.get("text"):
        # Searching is a read of personal data: logged, without the search text.
        audit_record(actor=request.user, action="search", purpose="gezin zoeken",
                     detail={"by": "bsn" if families.is_bsn(data["text"].strip()) else "tekst"})


def _headers(current: str) -> list[dict]:
    """Per column: its label, the URL key that sorts by it (the other way round when it is the current sort) and
    the aria-sort state."""
    aria = {current.lstrip("-"): "descending" if current.startswith("-") else "ascending"}
    return [{"label": label, "link": f"-{key}" if current == key else key, "aria": aria.get(key, "")}
            for key, (label, _) in families.SORTS.items()]


@login_required
def my_families(request):
    user, today = request.user, timezone.localdate()
    criteria = families.Criteria.from_session(request.session.get(SESSION_KEY))
    # The work list is composed from many sources: read it only when the filter "needs attention" asks for it
    # (the menu's "Mijn werk" shows it in full).
    attention = attention_households(work_list(user, today)) if criteria.attention else set()
    rows = families.family_rows(user, today, attention)
    choices = families.choices(rows)
    form = FamilySearchForm(request.POST if request.method == "POST" else None, choices=choices,
                            initial=request.session.get(SESSION_KEY, {}))
    if request.method == "POST":
        if form.is_valid() or "wissen" in request.POST:
            _save_criteria(request, form)
            return redirect(request.path + (f"?sorteer={request.GET['sorteer']}" if "sorteer" in request.GET else ""))
    found, sort = families.sort_rows(families.search(rows, criteria, user.pk), request.GET.get("sorteer", "naam"))
    page = Paginator(found, families.PAGE_SIZE).get_page(request.GET.get("pagina"))
    context = {
        "title": "Mijn gezinnen", "form": form, "page": page, "found": len(found), "total": len(rows),
        "criteria": criteria, "sort": sort, "headers": _headers(sort),
        "no_dossiers": user.role in NO_DOSSIER_ROLES or user.organisation is None,
        "can_register": may_register(user), "emergency_notices": list(emergency_notices_for_lead(user)),
        "can_request_emergency": user.role in EMERGENCY_ROLES,
    }
    return render(request, "cases/my_families.html", context)

