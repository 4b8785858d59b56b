"""'Download my data': everything the signed-in member may see of their household, as one JSON document.
Built from the same selectors as the pages, so a withheld entry's content can never end up in it."""
from django.utils import timezone

from tandem.portal import selectors


def _member(m, *, own: bool) -> dict:
    data = {"naam": m.full_name, "relatie": m.relation, "netwerk": m.is_network}
    if own:
        data.update({"geboortedatum": m.birth_date, "bsn": m.bsn})
    return data


def _trajectory(t) -> dict:
    team, lead = selectors.team_of(t)
    return {
        "aangemeld_op": t.registered_on, "reden": t.reason, "afgesloten_op": t.closed_on,
        "eindevaluatie": t.end_evaluation,
        "voorop": str(lead.professional) if lead else None,
        "team": [{"naam": str(m.professional), "organisatie": str(m.organisation), "rol": m.role_in_team,
                  "sinds": m.joined_on} for m in team],
    }


def _entry(e) -> dict:
    return {"datum": e.on, "geschreven_op": e.written_at, "door": str(e.author), "soort": e.get_kind_display(),
            "aard": e.get_nature_display(), "bron": e.source, "tekst": e.text,
            "eigen_kijk": [{"door": v.member.given_names, "op": v.created_at, "tekst": v.text}
                           for v in e.resident_views.all()]}


def _plan_version(v) -> dict:
    return {
        "versie": v.number, "datum": v.dated_on, "fase": v.get_phase_display(), "evaluatie_op": v.evaluation_on,
        "wie_let_op": v.monitored_by, "taken_en_rollen": v.roles, "getekend_op": v.signed_off_on,
        "reden_niet_getekend": v.sign_off_refused_reason,
        "situaties": [{"plaats": s.rank, "in_woorden_gezin": s.in_family_words,
                       "in_woorden_professionals": s.in_professional_words,
                       "voorwaarden": [c.text for c in s.conditions.all()],
                       "afspraken": [{"wie": a.who, "wat": a.what, "uiterlijk": a.due_on,
                                      "als_het_niet_lukt": a.if_not_kept} for a in s.agreements.all()]}
                      for s in v.situations.all()],
        "schaalcijfers": [{"wie": s.participant, "namens": s.get_participant_kind_display(), "cijfer": s.score,
                           "toelichting": s.explanation} for s in v.scores.all()],
        "eigen_kijk": [{"door": r.member.given_names, "op": r.created_at, "tekst": r.text}
                       for r in v.resident_views.all()],
    }


def _consent(c) -> dict:
    return {"aan": str(c.organisation), "waarvoor": c.purpose, "gegeven_op": c.given_on,
            "ingetrokken_op": c.withdrawn_on}


def _correction(c) -> dict:
    return {"gevraagd_op": c.created_at, "wat_klopt_er_niet": c.what_is_wrong, "status": c.get_status_display(),
            "antwoord": c.response}


def resident_export(member) -> dict:
    household = member.household.members.all()
    return {
        "gemaakt_op": timezone.now(), "gezinsdossier": member.household.short_code,
        "ik": _member(member, own=True),
        "gezin": [_member(m, own=False) for m in household if m.pk != member.pk],
        "trajecten": [_trajectory(t) for t in selectors.trajectories_of(member)],
        "journaal": [_entry(e) for e in selectors.visible_entries(member)],
        "niet_te_lezen": [{"reden": reason, "aantal": n} for reason, n in selectors.withheld_summary(member)],
        "veiligheidsplan": [_plan_version(v) for v in selectors.plan_versions(member)],
        "mijn_toestemmingen": [_consent(c) for c in selectors.own_consents(member)],
        "mijn_verzoeken_om_verbetering": [_correction(c) for c in selectors.own_corrections(member)],
    }
