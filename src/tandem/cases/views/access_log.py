"""Who opened this dossier: the household's access log, for the local team on the family's team and the team
leader (NEN 7513; rules/rights.py)."""
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from tandem.audit.services import audit_record
from tandem.cases.rules.rights import Action
from tandem.cases.views.common import load_household, require_action
from tandem.audit.selectors import access_log_for

ACTIONS = {
    "view": "dossier bekeken", "open_form": "formulier geopend", "access_denied": "geweigerd (geen toegang)",
    "emergency_access": "noodtoegang genomen", "retention_erase": "verwijderd (bewaartermijn)",
    "portal_read": "gezinsdossier bekeken (gezin)", "portal_login": "ingelogd op het gezinsdossier (gezin)",
}
PER_PAGE = 50


@login_required
def household_access_log(request, household_id):
    view = load_household(request.user, household_id)
    require_action(view.access, view.primary, Action.ACCESS_LOG)
    household = view.household
    audit_record(actor=request.user, action="view", household_id=household.pk, obj=household,
                 purpose="toegangslogboek inzien")
    page = Paginator(access_log_for(household.pk), PER_PAGE).get_page(request.GET.get("pagina"))
    rows = [{"event": e, "what": ACTIONS.get(e.action, e.action.replace("_", " "))} for e in page]
    context = {"title": f"Toegangslogboek {household.short_code}", "household": household, "rows": rows,
               "page": page}
    return render(request, "cases/access_log.html", context)
