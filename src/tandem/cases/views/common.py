"""What every dossier view shares: loading with need-to-know, and handling one form that calls one service.

Need-to-know: a dossier that the person may not see does not exist for them (404, never 403), so its
existence is not revealed. A dossier they may see answers 403 on the page of an action their position in it
does not allow (rules/rights.py), with a Dutch message saying who can.
"""
from dataclasses import dataclass

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from tandem.audit.services import audit_record
from tandem.cases.models import Household, Trajectory
from tandem.cases.rules.rights import Action, check_right
from tandem.cases.selectors import (
    NO_ACCESS,
    Access,
    Rights,
    access_for,
    rights_for,
    trajectories_visible_to,
)
from tandem.core.exceptions import NotPermitted, RuleViolation, StaleEdit

NOT_FOUND = "Dit dossier bestaat niet, of u heeft er geen toegang toe."


@dataclass
class HouseholdView:
    """A household as one person may see it: the trajectories they may open and what they may do."""

    household: Household
    trajectories: list[Trajectory]  # visible ones, newest first
    accesses: dict  # trajectory id -> Access
    primary: Trajectory  # the open trajectory if visible, else the newest visible one

    @property
    def access(self) -> Access:
        return self.accesses[self.primary.pk]

    @property
    def open_trajectory(self) -> Trajectory | None:
        return next((t for t in self.household.trajectories.all() if t.is_open), None)


def deny(user, *, household_id=None, requested=None):
    """404 for a dossier the person may not see, or that does not exist: the same answer for both, and the
    attempt is logged (with the household only when it exists; the person never learns which it was)."""
    audit_record(actor=user, action="access_denied", household_id=household_id, purpose="geen toegang",
                 detail={"requested": str(requested)} if requested else None)
    return Http404(NOT_FOUND)


def load_household(user, household_id) -> HouseholdView:
    household = Household.objects.filter(pk=household_id).select_related("site").first()
    if household is None:
        raise deny(user, requested=household_id)
    visible = list(trajectories_visible_to(user).filter(household=household).order_by("-registered_on"))
    if not visible:
        raise deny(user, household_id=household.pk)
    accesses = {t.pk: access_for(user, t) for t in visible}
    primary = next((t for t in visible if t.is_open), visible[0])
    return HouseholdView(household, visible, accesses, primary)


def find_trajectory(user, trajectory_id) -> tuple[Trajectory, Access]:
    """The trajectory and the person's access; 404 (logged) when they may not see it."""
    trajectory = (Trajectory.objects.select_related("household", "household__site").filter(pk=trajectory_id)
                  .first())
    if trajectory is None:
        raise deny(user, requested=trajectory_id)
    access = access_for(user, trajectory)
    if not access.view:
        raise deny(user, household_id=trajectory.household_id)
    return trajectory, access


def forbid(exc: NotPermitted):
    """A refusal of the rights as Django's 403 (templates/403.html shows its Dutch message)."""
    return PermissionDenied(exc.message)


def require_action(access: Access, trajectory: Trajectory, action: Action, *facts, user=None) -> Rights:
    """403 with the rights' Dutch message when this person may not take `action` here (for a 'beperkt' cell:
    on this target, given `facts`)."""
    rights = rights_for(user, trajectory, access)
    if access.emergency:
        raise PermissionDenied("U kijkt met noodtoegang: u kunt alleen lezen.")
    if not (rights.allows(action, *facts) if facts else action in rights):
        try:
            check_right(action, access.position, frozenset(facts))
        except NotPermitted as exc:
            raise forbid(exc) from exc
        raise PermissionDenied("Dit kan niet in een afgesloten traject." if trajectory.closed_on else
                               "Dit kan pas als het traject is afgesloten.")
    return rights


def load_trajectory(user, trajectory_id, *, action: Action, facts=()) -> tuple[Trajectory, Access]:
    """The trajectory of an action page: 404 when the person may not see it, 403 when they may not take the
    action."""
    trajectory, access = find_trajectory(user, trajectory_id)
    if action is not None:
        require_action(access, trajectory, action, *facts, user=user)
    # Edit forms show members and team by name: opening one is a read of the dossier too.
    audit_record(actor=user, action="open_form", household_id=trajectory.household_id, obj=trajectory,
                 purpose="dossier bijwerken")
    return trajectory, access


def error_summary(*forms) -> list[dict]:
    """Every error of the given forms (and formsets), each with a link to its field (WCAG 3.3.1)."""
    items = []
    for form in forms:
        for sub in getattr(form, "forms", [form]):
            items += _form_errors(sub)
        if hasattr(form, "non_form_errors"):
            items += [{"href": "#formulier", "text": e} for e in form.non_form_errors()]
    return items


def _form_errors(form) -> list[dict]:
    items = [{"href": "#formulier", "text": e} for e in form.non_field_errors()]
    for name, errors in form.errors.items():
        if name == "__all__":
            continue
        field = form[name]
        anchor = field.id_for_label if not field.field.widget.use_fieldset else f"{field.auto_id}_0"
        items += [{"href": f"#{anchor}", "text": f"{field.label}: {e}"} for e in errors]
    return items


def add_rule_error(form, exc: RuleViolation) -> None:
    """Show the service's Dutch message at the field it names, or above the form."""
    field = exc.field if exc.field in getattr(form, "fields", {}) else None
    form.add_error(field, exc.message)


# A guardrail refusal that another step unblocks: its code -> (the page of that step, the link's text). The
# refused form's data is kept (a draft in the session) and that page returns to it (`next`).
UNBLOCKS = {
    "green_without_consent": ("cases:consent_record", "Leg eerst de toestemming vast"),
    "rvdk_without_knowledge": ("cases:consent_record", "Leg eerst de toestemming vast"),
    "orange_without_report": ("cases:report_record", "Leg eerst de melding vast"),
    "red_without_measure": ("cases:measure_record", "Leg eerst de maatregel vast"),
    "muhp_without_ots": ("cases:measure_record", "Leg eerst de ondertoezichtstelling vast"),
}
DRAFT = "concept:"


def _keep_draft(request) -> None:
    request.session[DRAFT + request.path] = {k: request.POST.getlist(k) for k in request.POST
                                             if k != "csrfmiddlewaretoken"}


def _unblock(request, exc: RuleViolation) -> dict | None:
    """The link to the step that unblocks this refusal, back to this form with what was typed."""
    trajectory_id = (request.resolver_match.kwargs if request.resolver_match else {}).get("trajectory_id")
    if exc.code not in UNBLOCKS or trajectory_id is None:
        return None
    name, text = UNBLOCKS[exc.code]
    _keep_draft(request)
    query = {"next": request.get_full_path()}
    if name == "cases:consent_record" and request.POST.get("organisation"):
        query["organisatie"] = request.POST["organisation"]
    return {"url": reverse(name, args=[trajectory_id]) + "?" + urlencode(query), "text": text}


def safe_next(request) -> str | None:
    """The `next` page of a step taken to unblock another form: only a dossier page of this site."""
    target = request.GET.get("next", "")
    if target.startswith("/gezinnen/") and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return None


def _refresh_draft(form) -> None:
    """A restored draft shows what was typed, with the version the trajectory has now."""
    data = form.data.copy()
    if "expected_version" in form.initial:
        data["expected_version"] = str(form.initial["expected_version"])
    form.data = data


def process(request, form, action, *, success: str, redirect_to, template: str, context: dict,
            extra_forms=()):
    """POST: validate, call the one service, and redirect; refusals are shown on the form, nothing is saved."""
    if request.method != "POST" and form.is_bound:
        _refresh_draft(form)
    all_valid = form.is_bound and form.is_valid() and all(f.is_valid() for f in extra_forms)
    unblock = None
    if request.method == "POST" and all_valid:
        try:
            action()
        except StaleEdit as exc:
            form.add_error(None, exc.message)
        except NotPermitted as exc:
            raise forbid(exc) from exc
        except RuleViolation as exc:
            add_rule_error(form, exc)
            unblock = _unblock(request, exc)
        else:
            messages.success(request, success)
            return redirect(safe_next(request) or redirect_to)
    page = {**context, "form": form, "errors": error_summary(form, *extra_forms), "unblock": unblock}
    return render(request, template, page)


def bound(request):
    """The POST data for a bound form; on returning to a refused form (after the step that unblocks it) the data
    typed there; else None for an empty one."""
    if request.method == "POST":
        return request.POST
    return querydict(request.session.pop(DRAFT + request.path, None))


def querydict(data: dict | None) -> QueryDict | None:
    """Form data kept in the session ({name: [values]}) as the QueryDict a bound form takes."""
    if data is None:
        return None
    result = QueryDict(mutable=True)
    for key, values in data.items():
        result.setlist(key, values)
    return result


def form_page(request, *, form, action, title: str, success: str, household, submit: str = "Opslaan",
              intro: str = "", template: str = "cases/form.html", extra: dict | None = None):
    """The usual edit page: one form, one service call, back to the household page."""
    context = {"title": title, "intro": intro, "submit": submit, "household": household, **(extra or {})}
    return process(request, form, action, success=success, redirect_to=household_url(household),
                   template=template, context=context)


def household_url(household) -> str:
    return reverse("cases:household", args=[household.pk])


def versioned(trajectory) -> dict:
    """Initial data of an edit form: the version the person sees now."""
    return {"expected_version": trajectory.version}
