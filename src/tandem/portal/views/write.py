"""What the resident does: add their own view, ask for a correction, withdraw a consent, download their data.
Each change goes through one service in portal/services.py; refusals are shown on the page, nothing saved."""
import json

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from tandem.cases.views.common import error_summary
from tandem.core.exceptions import RuleViolation
from tandem.portal import selectors, services
from tandem.portal.export import resident_export
from tandem.portal.forms import ConsentGiveForm, CorrectionForm, ViewForm
from tandem.portal.views.session import log_read, resident_required

DONE = {"kijk": "Uw kijk erop is toegevoegd. Wat er stond, is niet veranderd.",
        "verbetering": "Uw verzoek om verbetering is verstuurd. Uw hulpverlener antwoordt u."}


def _forms(request):
    kind = request.POST.get("soort") if request.method == "POST" else None
    view_form = ViewForm(request.POST if kind == "kijk" else None, prefix="kijk")
    correction_form = CorrectionForm(request.POST if kind == "verbetering" else None, prefix="verbetering")
    return kind, view_form, correction_form


def _save(member, kind, form, target: dict) -> None:
    text, shared = form.cleaned_data["text"], form.cleaned_data["shared"]
    if kind == "kijk":
        services.resident_view_add(member=member, text=text, shared=shared, **target)
    else:
        services.correction_request_add(member=member, what_is_wrong=text, shared=shared, **target)


def _respond(request, *, target: dict, obj, template: str, context: dict, back: str):
    """GET: the entry or plan version with both forms. POST: save one of them through its service."""
    kind, view_form, correction_form = _forms(request)
    form = {"kijk": view_form, "verbetering": correction_form}.get(kind)
    if form is not None and form.is_valid():
        try:
            _save(request.member, kind, form, target)
        except RuleViolation as exc:
            form.add_error("text", exc.message)
        else:
            messages.success(request, DONE[kind])
            return redirect(back)
    if request.method == "GET":
        log_read(request, template.split("/")[-1].removesuffix(".html"), obj)
    page = {**context, "view_form": view_form, "correction_form": correction_form, "kind": kind}
    return render(request, template, page)


@resident_required
def entry_detail(request, entry_id):
    entry = selectors.visible_entry(request.member, entry_id)
    return _respond(request, target={"journal_entry": entry}, obj=entry, template="portal/entry.html",
                    context={"title": "Notitie en uw kijk erop", "e": entry, "nav": "journal"}, back=request.path)


@resident_required
def plan_version_respond(request, version_id):
    version = selectors.plan_version(request.member, version_id)
    return _respond(request, target={"plan_version": version}, obj=version, template="portal/plan_respond.html",
                    context={"title": f"Reageren op {version}", "v": version, "nav": "plan"}, back=request.path)


@resident_required
def consent_withdraw(request, consent_id):
    """First POST shows what withdrawing means; the second (confirmed) POST withdraws, at once."""
    consent = selectors.own_consent(request.member, consent_id)
    if request.method != "POST" or request.POST.get("bevestig") != "ja":
        log_read(request, "consent_confirm", consent)
        return render(request, "portal/consent_confirm.html", {"title": "Toestemming intrekken", "c": consent, "nav": "consents"})
    try:
        services.resident_consent_withdraw(member=request.member, consent=consent)
    except RuleViolation as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Uw toestemming aan {consent.organisation} is ingetrokken. "
                                  "Dat geldt vanaf nu.")
    return redirect("portal:consents")


@resident_required
def consent_give(request):
    """Give consent to an organisation on the family's team (old enough: the service checks)."""
    organisations = {str(o.pk): o for o in selectors.consent_organisations(request.member)}
    form = ConsentGiveForm(request.POST if request.method == "POST" else None)
    form.fields["organisation"].choices = [("", "Kies een organisatie")] + [(k, str(o)) for k, o in
                                                                            organisations.items()]
    if request.method == "POST" and form.is_valid():
        organisation = organisations[form.cleaned_data["organisation"]]
        try:
            services.resident_consent_give(member=request.member, organisation=organisation,
                                           purpose=form.cleaned_data["purpose"])
        except RuleViolation as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"U gaf toestemming aan {organisation}.")
            return redirect("portal:consents")
    elif request.method == "GET":
        log_read(request, "consent_give")
    return render(request, "portal/consent_give.html", {"title": "Toestemming geven", "form": form,
                                                        "errors": error_summary(form) if form.is_bound else [],
                                                        "nav": "consents", "any": bool(organisations)})


@resident_required
def consent_request_answer(request, request_id):
    """Yes or no to a partner's question (POST only, from the consents page)."""
    consent_request = selectors.open_consent_request(request.member, request_id)
    if request.method != "POST" or request.POST.get("antwoord") not in ("ja", "nee"):
        return redirect("portal:consents")
    grant = request.POST["antwoord"] == "ja"
    try:
        services.resident_consent_request_answer(member=request.member, request=consent_request, grant=grant)
    except RuleViolation as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"U gaf toestemming aan {consent_request.organisation}." if grant else
                         f"U gaf geen toestemming aan {consent_request.organisation}.")
    return redirect("portal:consents")


@resident_required
def download(request):
    data = resident_export(request.member)
    log_read(request, "download", action="portal_download")
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2, default=str),
                            content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mijn-gezinsdossier-{stamp}.json"'
    return response
