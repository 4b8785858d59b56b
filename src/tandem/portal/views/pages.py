"""What the resident reads: their team, the safety plan, the journal, their consents, who looked, their
rights. Every page starts from the signed-in member's own household and is logged as a read."""
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from tandem.cases.views.display import is_current, regime
from tandem.portal import selectors
from tandem.portal.views.session import log_read, resident_required

ACTION_LABELS = {
    "view": "heeft uw dossier bekeken", "open_form": "heeft een formulier in uw dossier geopend",
    "portal_read": "heeft het gezinsdossier bekeken", "portal_login": "is ingelogd op het gezinsdossier",
    "portal_logout": "is uitgelogd",
    "portal_login_failed": "probeerde in te loggen met een verkeerde, verlopen of gebruikte code",
    "portal_download": "heeft alle gegevens van het gezinsdossier gedownload",
    "portal_access_denied": "vroeg om iets dat niet in uw dossier staat en kreeg het niet te zien",
    "document_download": "heeft het veiligheidsplan als pdf gedownload", "portal_view_add": "heeft een eigen kijk toegevoegd",
    "portal_correction_request": "heeft om een verbetering gevraagd",
    "portal_consent_withdraw": "heeft een toestemming ingetrokken",
    "portal_invite": "heeft een inlogcode voor het gezinsdossier gemaakt",
    "correction_handle": "heeft een verzoek om verbetering beantwoord",
    "journal_entry_add": "heeft een notitie geschreven", "consent_record": "heeft een toestemming vastgelegd",
    "consent_withdraw": "heeft een toestemming als ingetrokken vastgelegd",
    "access_denied": "probeerde uw dossier te openen, maar kreeg geen toegang",
    "emergency_access": "kreeg noodtoegang tot uw dossier (met een reden, voor korte tijd)",
    "monitor_drill_down": "zag uw gezin in een lijst achter een telling van de kwartaalmonitor",
    "export": "heeft gegevens uitgewisseld met een ander systeem (uitwisselbestand)",
    "household_register": "heeft uw gezin aangemeld",
    "retention_erase": "heeft gegevens verwijderd omdat de bewaartermijn voorbij was",
}


def _current_regime(trajectory, today):
    forms = [i.form for i in trajectory.involvements.all() if is_current(i.start, i.end, today)]
    return regime(forms)


@resident_required
def home(request):
    member = request.member
    trajectory = selectors.current_trajectory(member)
    team, lead = selectors.team_of(trajectory) if trajectory else ([], None)
    log_read(request, "home")
    context = {
        "title": "Mijn gezinsdossier", "nav": "home", "member": member, "trajectory": trajectory, "team": team, "lead": lead,
        "household_members": [m for m in member.household.members.all() if not m.is_network],
        "regime": _current_regime(trajectory, timezone.localdate()) if trajectory else None,
    }
    return render(request, "portal/home.html", context)


@resident_required
def plan(request):
    versions = list(selectors.plan_versions(request.member))
    log_read(request, "plan")
    context = {"title": "Ons veiligheidsplan", "nav": "plan", "current": versions[0] if versions else None,
               "earlier": versions[1:]}
    return render(request, "portal/plan.html", context)


@resident_required
def plan_version(request, version_id):
    version = selectors.plan_version(request.member, version_id)
    log_read(request, "plan_version", version)
    return render(request, "portal/plan_version.html", {"title": f"Veiligheidsplan, {version}", "v": version, "nav": "plan"})


@resident_required
def journal(request):
    member = request.member
    page = Paginator(selectors.visible_entries(member), 20).get_page(request.GET.get("pagina"))
    withheld = selectors.withheld_summary(member)
    log_read(request, "journal")
    context = {"title": "Wat er is vastgelegd", "nav": "journal", "page": page, "withheld": withheld,
               "withheld_total": sum(n for _, n in withheld)}
    return render(request, "portal/journal.html", context)


@resident_required
def consents(request):
    log_read(request, "consents")
    context = {"title": "Mijn toestemmingen", "nav": "consents", "consents": list(selectors.own_consents(request.member)),
               "requests": list(selectors.open_consent_requests(request.member)),
               "can_give": bool(selectors.consent_organisations(request.member)), "today": timezone.localdate()}
    return render(request, "portal/consents.html", context)


def _actor_label(event, names: dict) -> str:
    if event.actor_role == selectors.RESIDENT_ROLE:
        return names.get((event.detail or {}).get("member", ""), "Iemand uit uw gezin")
    return event.actor_name


@resident_required
def access_log(request):
    member = request.member
    include_residents = request.GET.get("ook-gezin") == "1"
    page = Paginator(selectors.access_log(member, include_residents=include_residents), 25).get_page(
        request.GET.get("pagina"))
    log_read(request, "access_log")
    names = {str(m.pk): m.given_names for m in member.household.members.filter(is_network=False)}
    rows = [{"event": e, "who": _actor_label(e, names), "what": ACTION_LABELS.get(e.action, "heeft iets in uw dossier vastgelegd of bekeken")}
            for e in page]
    context = {"title": "Wie keek er in ons dossier", "nav": "log", "page": page, "rows": rows,
               "include_residents": include_residents}
    return render(request, "portal/access_log.html", context)


@resident_required
def corrections(request):
    log_read(request, "corrections")
    return render(request, "portal/corrections.html",
                  {"title": "Mijn verzoeken om verbetering", "corrections": list(selectors.own_corrections(
                      request.member))})


@resident_required
def rights(request):
    log_read(request, "rights")
    return render(request, "portal/rights.html", {"title": "Uitleg: kleuren en uw rechten", "nav": "rights"})
