"""Monitor screens: thin function views. Parse the URL, check the scope with the selector, call one service or
page builder, render. A scope the person may not see does not exist for them (404)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from tandem.cases.selectors import access_for
from tandem.cases.views.common import bound, process
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.monitor import forms, pages, rules, services
from tandem.monitor.selectors import (
    DRILL_QUESTIONS,
    SITE,
    drill_down,
    monitor_scope_for,
    monitor_scopes_for,
)

NOT_FOUND = "Deze monitor bestaat niet, of u heeft er geen toegang toe."


def _scope(user, kind: str, code: str):
    scope = monitor_scope_for(user, kind, code)
    if scope is None:
        raise Http404(NOT_FOUND)
    return scope


def _quarter(text: str) -> rules.Quarter:
    try:
        return rules.parse_quarter(text)
    except rules.MonitorError as error:
        raise Http404(str(error)) from error


def _page_url(kind: str, code: str, quarter) -> str:
    return reverse("monitor:page", args=[kind, code, str(quarter)])


@login_required
def monitor_index(request):
    """Each monitor opens on its last finished quarter (the running one is one click further)."""
    today = timezone.localdate()
    scopes = [(scope, pages.index_quarter(scope, today)) for scope in monitor_scopes_for(request.user)]
    return render(request, "monitor/index.html", {"title": "Kwartaalmonitor", "scopes": scopes,
                                                   "running": rules.quarter_of(today)})


@login_required
def monitor_page(request, kind, code, quarter):
    scope, period = _scope(request.user, kind, code), _quarter(quarter)
    context = pages.monitor_page(request.user, scope, period)
    return render(request, "monitor/page.html", {"title": f"Monitor {scope.name} {period}", **context})


@login_required
def monitor_drill_down(request, kind, code, quarter, question):
    scope, period = _scope(request.user, kind, code), _quarter(quarter)
    if question not in DRILL_QUESTIONS or not pages.may_drill_down(request.user):
        raise Http404(NOT_FOUND)
    trajectories = drill_down(user=request.user, scope=scope, quarter=period, question=question)
    rows = [{"trajectory": t, "identifying": access_for(request.user, t).identifying} for t in trajectories]
    return render(request, "monitor/drill_down.html", {
        "title": f"Trajecten achter {question} – {scope.name} {period}", "scope": scope, "quarter": period,
        "question": question, "rows": rows, "back": _page_url(kind, code, period)})


def _site_scope(request, code, quarter):
    scope, period = _scope(request.user, SITE, code), _quarter(quarter)
    return pages.site_of(scope), period, _page_url(SITE, code, period)


@login_required
def experiences_enter(request, code, quarter):
    site, period, back = _site_scope(request, code, quarter)
    form = forms.ExperiencesForm(bound(request))

    def action():
        services.experiences_record(actor=request.user, site=site, quarter=period.label, **form.service_args())

    context = {"title": f"Ervaringen invullen – {site.name} {period}", "site": site, "quarter": period, "back": back}
    return process(request, form, action, success="De ervaringen zijn opgeslagen.", redirect_to=back,
                   template="monitor/experiences.html", context=context)


STEPS = {"indienen": (services.quarter_submit, "Het kwartaal is ingediend.")}


@login_required
def quarter_approve(request, code, quarter):
    """Four eyes: the approver sees the figures (the monitor page, with a confirmation at the end) and confirms
    that they checked them; only then does the service approve (and refuses the one who submitted)."""
    site, period, back = _site_scope(request, code, quarter)
    if not services.may_approve(request.user, site):
        raise PermissionDenied("U keurt dit kwartaal niet goed (instelling van de toekomsttuin).")
    if request.method == "POST":
        if request.POST.get("confirm") != "ja":
            messages.error(request, "Vink aan dat u de cijfers heeft bekeken. Het kwartaal is nog niet goedgekeurd.")
        else:
            try:
                services.quarter_approve(actor=request.user, site=site, quarter=period.label)
            except RuleViolation as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, "Het kwartaal is goedgekeurd. De cijfers staan nu vast.")
            return redirect(back)
    scope = _scope(request.user, SITE, code)
    context = pages.monitor_page(request.user, scope, period)
    return render(request, "monitor/page.html", {"title": f"Goedkeuren: {scope.name} {period}", **context,
                                                 "actions": {}, "confirming": True})


@login_required
@require_POST
def quarter_step(request, code, quarter, step):
    site, period, back = _site_scope(request, code, quarter)
    if step not in STEPS:
        raise Http404(NOT_FOUND)
    service, success = STEPS[step]
    try:
        service(actor=request.user, site=site, quarter=period.label)
    except NotPermitted as exc:
        raise PermissionDenied(exc.message) from exc
    except RuleViolation as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success)
    return redirect(back)


@login_required
def quarter_reopen(request, code, quarter):
    site, period, back = _site_scope(request, code, quarter)
    form = forms.ReopenForm(bound(request))

    def action():
        services.quarter_reopen(actor=request.user, site=site, quarter=period.label, **form.cleaned_data)

    context = {"title": f"Kwartaal heropenen – {site.name} {period}", "site": site, "quarter": period, "back": back}
    return process(request, form, action, success="Het kwartaal is heropend.", redirect_to=back,
                   template="monitor/reopen.html", context=context)
