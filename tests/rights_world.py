"""One family's team with a person in every position of the rights matrix, and every action of the matrix as a
service call and as a web request. Shared by tests/services/test_rights_services.py and
tests/views/test_rights_web.py, which read the expected cells from docs/rights.md (`read_matrix`).

Positions (docs/rights.md): Anna (consulent, on the team, at the back), Joost (consulent, not on the team),
Marieke (gedragswetenschapper of the local team, on the team), Tom (teamleider), Bram (Veilig Thuis, anonymous
consult), Dirk (De Jeugd- en Gezinsbeschermers, with consent), Hanna (Raad voor de Kinderbescherming, in front
after a melding), Gijs (expert by experience, with consent). A second household was closed by Anna, for the
actions that need a closed trajectory.
"""
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.urls import reverse
from django.utils import timezone

from tandem.cases import services
from tandem.cases.models import Form, JournalEntry, Trajectory
from tandem.cases.rules.rights import COLUMNS, Action, Cell, Position
from tandem.organisations.models import Organisation, User
from tandem.portal.services import correction_request_add
from tandem.safetyplan import services as plans
from tandem.safetyplan.selectors import current_plan, plan_data_of

D = dt.date
ON = D(2025, 3, 3)  # the day every attempted action happens
DOC = Path(__file__).resolve().parent.parent / "docs" / "rights.md"
PASSWORD = "Tandem-test-2024!"


def read_matrix() -> dict[tuple[Action, Position], Cell]:
    """The matrix as docs/rights.md writes it: the table rows whose first cell ends in (`action`)."""
    cells = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\|[^|]*\(`(\w+)`\) \|(.*)", line)
        if not match:
            continue
        values = [v.strip() for v in match[2].split("|")][:len(COLUMNS)]
        for column, value in zip(COLUMNS, values):
            cells[(Action(match[1]), column)] = Cell(value)
    return cells


def _user(username, first, last, organisation, role) -> User:
    return User.objects.create_user(username=username, password=PASSWORD, first_name=first, last_name=last,
                                    organisation=organisation, role=role)


@dataclass
class World:
    family: Trajectory
    closed: Trajectory
    mother: object
    child: object
    orgs: dict
    people: dict  # Position -> User
    others: dict  # extra people: carla (VT, off the team), ahmed (RvdK, on the team), iris (RvdK, off the team),
    # petra (expert, off the team)
    objects: dict = field(default_factory=dict)

    def actor(self, position: Position) -> User:
        return self.people[position]

    def trajectory_for(self, action: Action) -> Trajectory:
        return self.closed if action in (Action.REOPEN, Action.REGISTER_AGAIN) else self.family

    def fresh(self, action: Action) -> Trajectory:
        return Trajectory.objects.get(pk=self.trajectory_for(action).pk)


def build(family, mother, child, orgs, actors, site) -> World:
    """The team (made through the services as the system, actor None) and the objects the actions work on."""
    local, vt, gi, rvdk, ed = orgs["local"], orgs["vt"], orgs["gi"], orgs["rvdk"], orgs["ed"]
    zvh = Organisation.objects.create(code="ZVH", name="Zorg- en Veiligheidshuis", kind="zvh")
    people = {
        Position.LOCAL_TEAM: actors["consulent"],
        Position.LOCAL_COLLEAGUE: _user("joost", "Joost", "Vermeulen", local, "consulent"),
        Position.LOCAL_GW: _user("marieke", "Marieke", "de Groot", local, "gedragswetenschapper"),
        Position.TEAM_LEADER: _user("tom", "Tom", "Leider", local, "teamleider"),
        Position.PARTNER_ANONYMOUS: actors["partner"],
        Position.PARTNER_NAMED: actors["outsider"],  # Dirk, De Jeugd- en Gezinsbeschermers
        Position.PARTNER_LEAD: actors["rvdk"],
        Position.EXPERT: actors["expert"],
        Position.INVITED: _user("sven", "Sven", "Dekker", zvh, "beschermpartner"),
    }
    others = {"carla": actors["partner2"], "ahmed": _user("ahmed", "Ahmed", "Benali", rvdk, "beschermpartner"),
              "iris": _user("iris", "Iris", "Kramer", rvdk, "beschermpartner"),
              "petra": _user("petra", "Petra", "Koster", ed, "ervaringsdeskundige")}
    on = D(2025, 2, 1)
    for who in (people[Position.LOCAL_GW], people[Position.PARTNER_ANONYMOUS], people[Position.PARTNER_NAMED],
                others["ahmed"]):
        services.team_member_add(actor=None, trajectory=family, professional=who, joined_on=on)
    services.consent_record(actor=None, trajectory=family, organisation=gi, given_by=mother, purpose="begeleiding",
                            given_on=on)
    services.consent_record(actor=None, trajectory=family, organisation=ed, given_by=mother, purpose="meedenken",
                            given_on=on)
    services.team_member_add(actor=None, trajectory=family, professional=people[Position.EXPERT], joined_on=on)
    services.report_record(actor=None, trajectory=family, on=on, organisation=vt)
    services.lead_switch(actor=None, trajectory=family, professional=people[Position.PARTNER_LEAD], on=D(2025, 2, 2))
    world = World(family=family, closed=_closed_household(site, actors["consulent"]), mother=mother, child=child,
                  orgs={**orgs, "zvh": zvh}, people=people, others=others)
    world.objects.update(_episodes(family, orgs, zvh, mother))
    world.objects.update(_records(world))
    world.objects["join"] = services.join_request_create(
        actor=None, trajectory=family, organisation=zvh, purpose="meedenken", form=Form.CONSULT,
        wanted_by=_today() + dt.timedelta(days=7))
    world.orgs["ggz"] = Organisation.objects.create(code="GGZ", name="GGZ Centraal", kind="adult_care")
    family.refresh_from_db()
    return world


def _closed_household(site, consulent) -> Trajectory:
    """Closed ten days ago: within the region's period for reopening."""
    closed = services.household_register(
        actor=consulent, site=site, registered_on=D(2025, 1, 2), measure_considered=False,
        members=[services.MemberData(given_names="Kees", family_name="Jansen", birth_date=D(1970, 1, 1))])
    return services.trajectory_close(actor=consulent, trajectory=closed, closed_on=_today() - dt.timedelta(days=10),
                                     end_evaluation="Het gaat goed.", exit_participants="Anna en Kees")


def _today() -> dt.date:
    return timezone.localdate()


def _episodes(family, orgs, zvh, mother) -> dict:
    start = D(2025, 2, 3)
    episodes = {
        "vt": services.involvement_start(actor=None, trajectory=family, organisation=orgs["vt"], form=Form.CONSULT,
                                         start=start, anonymous=True),
        "gi": services.involvement_start(actor=None, trajectory=family, organisation=orgs["gi"], form=Form.GREEN,
                                         start=start),
        "rvdk": services.involvement_start(actor=None, trajectory=family, organisation=orgs["rvdk"],
                                           form=Form.OTHER, start=start, household_informed_on=start),
    }
    consent = services.consent_record(actor=None, trajectory=family, organisation=zvh, given_by=mother,
                                      purpose="begeleiding", given_on=start)
    episodes["zvh"] = services.involvement_start(actor=None, trajectory=family, organisation=zvh, form=Form.GREEN,
                                                 start=start)
    services.consent_withdraw(actor=None, consent=consent, withdrawn_on=D(2025, 2, 20))  # flags the ZVH episode
    return {"episodes": episodes, "gi_consent": family.consents.get(organisation=orgs["gi"])}


def _entry(family, author, kind="contact_note") -> JournalEntry:
    return JournalEntry.objects.create(trajectory=family, author=author, kind=kind, nature="fact", source="gesprek",
                                       text="Gesprek gehad.", on=D(2025, 2, 10))


def _records(world: World) -> dict:
    family, people = world.family, world.people
    entries = {position: _entry(family, user) for position, user in people.items()}
    version = plans.plan_version_create(actor=None, trajectory=family, data=plans.PlanData(
        phase="direct_safety", dated_on=D(2025, 2, 10), evaluation_on=D(2025, 4, 1), monitored_by="Oma",
        situations=[plans.SituationData(rank=1, in_family_words="Ruzie", conditions=["Rust in huis"],
                                        agreements=[plans.AgreementData(who="Moeder", what="Belt oma",
                                                                        due_on=D(2025, 3, 1))])]))
    analysis = plans.analysis_record(actor=None, trajectory=family, made_on=D(2025, 2, 11), facts="Ruzie thuis.")
    challenge = plans.analysis_challenge(actor=people[Position.LOCAL_GW], analysis=analysis, on=D(2025, 2, 12),
                                         challenge="Andere verklaring?")
    correction = correction_request_add(member=world.mother, what_is_wrong="Klopt niet.",
                                        journal_entry=entries[Position.LOCAL_TEAM])
    return {"entries": entries, "version": version, "agreement": version.situations.get().agreements.get(),
            "analysis": analysis, "challenge": challenge, "correction": correction}


# --- the actions ---------------------------------------------------------------------------------------------
# Each: service(world, actor, inside) makes the change through the service; web(world, actor, inside) gives the
# page and the POST data of the same change. `inside` picks a target inside (True) or outside (False) the limit
# of a 'beperkt' cell; None is the usual target.

def _other_org(world: World, actor, pick: dict):
    """The first of `pick` (name -> object with organisation_id) not of the actor's organisation."""
    return next(obj for obj in pick.values() if obj.organisation_id != actor.organisation_id)


def _two_episodes(world: World) -> dict:
    episodes = world.objects["episodes"]
    return {"vt": episodes["vt"], "gi": episodes["gi"]}


def _episode(world: World, actor, inside):
    episodes = world.objects["episodes"]
    own = next((e for e in episodes.values() if e.organisation_id == actor.organisation_id), None)
    return own if inside and own is not None else _other_org(world, actor, episodes)


def _membership(world: World, actor, inside):
    team = {m.professional_id: m for m in world.family.team.filter(left_on__isnull=True)}
    if inside:
        if actor.pk == world.people[Position.PARTNER_LEAD].pk:  # the lead cannot leave: a colleague of theirs
            return team[world.others["ahmed"].pk]
        return team[actor.pk]
    return next(m for m in team.values() if m.organisation_id != actor.organisation_id
                and m.professional_id != world.people[Position.LOCAL_TEAM].pk)


def _team_add_target(world, actor, inside):
    return world.others["iris"] if inside is True else world.others["carla"]


def _lead_target(world, actor, inside):
    return world.people[Position.PARTNER_NAMED] if inside is False else world.people[Position.LOCAL_TEAM]


def _own_entry(world, actor, inside):
    entries = world.objects["entries"]
    if inside:
        return entries.get(_position_of(world, actor)) or entries[Position.LOCAL_TEAM]
    return entries[Position.LOCAL_TEAM] if actor != world.people[Position.LOCAL_TEAM] else \
        entries[Position.PARTNER_NAMED]


def _position_of(world, actor):
    return next(p for p, u in world.people.items() if u.pk == actor.pk)


def _as_gw(actor, inside):
    """A partner who is a gedragswetenschapper (seed 000: the GW of Veilig Thuis in a toekomsttuin)."""
    if inside and actor.role == "beschermpartner":
        actor.role = "gedragswetenschapper"
        actor.save(update_fields=["role"])


def _t(world, action):
    return world.fresh(action)


SERVICE = {
    Action.MEMBER_ADD: lambda w, a, i: services.member_add(
        actor=a, household=w.family.household,
        data=services.MemberData(given_names="Noor", family_name="Amrani", birth_date=D(2024, 12, 1))),
    Action.TRIAGE: lambda w, a, i: (_as_gw(a, i), services.triage_record(
        actor=a, trajectory=_t(w, Action.TRIAGE), kind="access", decided_on=ON, outcome="admitted",
        participants="Anna, Bram"))[1],
    Action.TEAM_ADD: lambda w, a, i: services.team_member_add(
        actor=a, trajectory=_t(w, Action.TEAM_ADD), professional=_team_add_target(w, a, i), joined_on=ON),
    Action.TEAM_LEAVE: lambda w, a, i: services.team_member_leave(
        actor=a, membership=_membership(w, a, i if i is not None else False), left_on=ON),
    Action.LEAD_SWITCH: lambda w, a, i: services.lead_switch(
        actor=a, trajectory=_t(w, Action.LEAD_SWITCH), professional=_lead_target(w, a, i), on=ON),
    Action.CONSENT_RECORD: lambda w, a, i: services.consent_record(
        actor=a, trajectory=_t(w, Action.CONSENT_RECORD), organisation=w.orgs["vt"], given_by=w.mother,
        purpose="meedenken", given_on=ON, how="paper"),
    Action.CONSENT_REQUEST: lambda w, a, i: services.consent_request_create(
        actor=a, trajectory=_t(w, Action.CONSENT_REQUEST), purpose="meedenken met het gezin"),
    Action.CONSENT_WITHDRAW: lambda w, a, i: services.consent_withdraw(
        actor=a, consent=w.objects["gi_consent"], withdrawn_on=ON),
    Action.REPORT_RECORD: lambda w, a, i: services.report_record(
        actor=a, trajectory=_t(w, Action.REPORT_RECORD), on=ON, organisation=w.orgs["vt"]),
    Action.MEASURE_RECORD: lambda w, a, i: services.measure_record(
        actor=a, trajectory=_t(w, Action.MEASURE_RECORD), type="rvdk_request", on=ON),
    Action.INVOLVEMENT_START: lambda w, a, i: services.involvement_start(
        actor=a, trajectory=_t(w, Action.INVOLVEMENT_START), form=Form.CONSULT, start=ON, household_informed_on=ON,
        organisation=a.organisation if i else _other_org(w, a, _two_episodes(w)).organisation),
    Action.INVOLVEMENT_END: lambda w, a, i: services.involvement_end(
        actor=a, involvement=_episode(w, a, i), end=ON),
    Action.INVOLVEMENT_DECIDE: lambda w, a, i: services.involvement_decide(
        actor=a, involvement=w.objects["episodes"]["zvh"], end=ON),
    Action.TIME_REGISTER: lambda w, a, i: services.time_register(
        actor=a, involvement=_episode(w, a, i), on=ON, hours=2),
    Action.JOURNAL_CONTACT_NOTE: lambda w, a, i: _journal(w, a, "contact_note"),
    Action.JOURNAL_PARTNER_REPORT: lambda w, a, i: _journal(w, a, "partner_report"),
    Action.JOURNAL_DECISION: lambda w, a, i: _journal(w, a, "decision"),
    Action.JOURNAL_HIDE: lambda w, a, i: services.journal_entry_hide(
        actor=a, entry=_own_entry(w, a, i), members=[w.mother], reason="voor de veiligheid van het kind"),
    Action.EXPERT_CONTACT: lambda w, a, i: services.expert_contact_record(
        actor=a, trajectory=_t(w, Action.EXPERT_CONTACT), on=ON,
        expert=w.others["petra"] if i is False else w.people[Position.EXPERT]),
    Action.PLAN_VERSION: lambda w, a, i: plans.plan_version_create(
        actor=a, trajectory=_t(w, Action.PLAN_VERSION),
        data=plan_data_of(current_plan(w.family), dated_on=ON)),
    Action.PLAN_SIGN_OFF: lambda w, a, i: plans.plan_version_sign_off(
        actor=a, version=w.objects["version"], signed_off_on=ON),
    Action.AGREEMENT_KEPT: lambda w, a, i: plans.agreement_mark_kept(
        actor=a, agreement=w.objects["agreement"], kept_on=ON),
    Action.SCALE_SCORE: lambda w, a, i: plans.scale_score_record(actor=a, version=w.objects["version"], data=(
        plans.ScoreData(participant=str(a), participant_kind="professional", score=6, user=a) if i is not False
        else plans.ScoreData(participant="Moeder", participant_kind="family", score=6))),
    Action.MEETING_RECORD: lambda w, a, i: plans.meeting_record(
        actor=a, trajectory=_t(w, Action.MEETING_RECORD),
        data=plans.MeetingData(held_on=ON, expert=w.people[Position.EXPERT], decisions="Afspraken gemaakt.")),
    Action.ANALYSIS_RECORD: lambda w, a, i: plans.analysis_record(
        actor=a, trajectory=_t(w, Action.ANALYSIS_RECORD), made_on=ON, facts="Nieuwe feiten."),
    Action.ANALYSIS_CHALLENGE: lambda w, a, i: (_as_gw(a, i), plans.analysis_challenge(
        actor=a, analysis=w.objects["analysis"], on=ON, challenge="Klopt dit?"))[1],
    Action.ANALYSIS_RESPOND: lambda w, a, i: plans.analysis_challenge_respond(
        actor=a, challenge=w.objects["challenge"], response="We kijken er nog eens naar.", responded_on=ON),
    Action.PORTAL_CODE: lambda w, a, i: _portal_code(a, w.mother),
    Action.CORRECTION_HANDLE: lambda w, a, i: _correction(a, w.objects["correction"]),
    Action.CLOSE: lambda w, a, i: services.trajectory_close(
        actor=a, trajectory=_t(w, Action.CLOSE), closed_on=ON, end_evaluation="Veilig genoeg.",
        exit_participants="Anna, Hanna en het gezin"),
    Action.REOPEN: lambda w, a, i: services.trajectory_reopen(
        actor=a, trajectory=_t(w, Action.REOPEN), reason="Per ongeluk afgesloten."),
    Action.REGISTER_AGAIN: lambda w, a, i: services.trajectory_register(
        actor=a, household=w.closed.household, registered_on=_today(), measure_considered=False),
    Action.JOIN_REQUEST: lambda w, a, i: services.join_request_create(
        actor=a, trajectory=_t(w, Action.JOIN_REQUEST), organisation=w.orgs["ggz"], purpose="meedenken",
        form=Form.CONSULT, wanted_by=_today()),
    Action.JOIN_ANSWER: lambda w, a, i: services.join_request_accept(
        actor=a, request=w.objects["join"], professional=w.people[Position.INVITED], joined_on=ON),
}


def _journal(world: World, actor, kind: str):
    return services.journal_entry_add(actor=actor, trajectory=world.fresh(Action.JOURNAL_CONTACT_NOTE), kind=kind,
                                      nature="fact", source="gesprek", text="Wat er gebeurde.", on=ON)


def _portal_code(actor, member):
    from tandem.portal.services import portal_invite_create
    return portal_invite_create(actor=actor, member=member)


def _correction(actor, correction):
    from tandem.portal.services import correction_request_handle
    return correction_request_handle(actor=actor, correction=correction, response="Aangepast.")


# --- the same actions on the web -------------------------------------------------------------------------

def _url(name: str, *args) -> str:
    return reverse(name, args=[str(a) for a in args])


def _version(world: World, action: Action) -> int:
    return world.fresh(action).version


def web_request(world: World, action: Action, actor, inside) -> tuple[str, dict | None]:
    """The page of the action and the POST data of a valid change (None: a GET page, read only)."""
    t = world.trajectory_for(action)
    v = {"expected_version": _version(world, action)}
    day = ON.isoformat()
    if action == Action.MEMBER_ADD:
        return _url("cases:member_add", t.household_id), {**v, "given_names": "Noor", "family_name": "Amrani",
                                                           "birth_date": "2024-12-01"}
    if action == Action.TRIAGE:
        _as_gw(actor, inside)
        return _url("cases:triage_record", t.pk), {**v, "kind": "access", "decided_on": day, "outcome": "admitted",
                                                   "participants": "Anna, Bram"}
    if action == Action.TEAM_ADD:
        return _url("cases:team_member_add", t.pk), {**v, "professional": _team_add_target(world, actor, inside).pk,
                                                     "joined_on": day}
    if action == Action.TEAM_LEAVE:
        membership = _membership(world, actor, inside if inside is not None else False)
        return _url("cases:team_member_leave", t.pk, membership.pk), {**v, "left_on": day}
    if action == Action.LEAD_SWITCH:
        return _url("cases:lead_switch", t.pk), {**v, "professional": _lead_target(world, actor, inside).pk,
                                                 "on": day}
    if action == Action.CONSENT_RECORD:
        return _url("cases:consent_record", t.pk), {**v, "given_by": world.mother.pk, "organisation":
                                                    world.orgs["vt"].pk, "purpose": "meedenken", "given_on": day,
                                                    "how": "paper", "expert_scope": "basic"}
    if action == Action.CONSENT_REQUEST:
        return _url("cases:consent_request_create", t.pk), {**v, "purpose": "meedenken met het gezin"}
    if action == Action.CONSENT_WITHDRAW:
        return _url("cases:consent_withdraw", t.pk, world.objects["gi_consent"].pk), {**v, "withdrawn_on": day}
    if action == Action.REPORT_RECORD:
        return _url("cases:report_record", t.pk), {**v, "on": day, "organisation": world.orgs["vt"].pk,
                                                   "initiated_from_site": "ja"}
    if action == Action.MEASURE_RECORD:
        return _url("cases:measure_record", t.pk), {**v, "type": "rvdk_request", "on": day,
                                                    "initiated_from_site": "ja"}
    return _web_more(world, action, actor, inside, t, v, day)


def _web_more(world, action, actor, inside, t, v, day):
    episodes = world.objects["episodes"]
    if action == Action.INVOLVEMENT_START:
        org = actor.organisation if inside else _other_org(world, actor, _two_episodes(world)).organisation
        return _url("cases:involvement_start", t.pk), {**v, "organisation": org.pk, "form": "consult",
                                                       "start": day, "household_informed_on": day}
    if action in (Action.INVOLVEMENT_END, Action.TIME_REGISTER):
        episode = _episode(world, actor, inside)
        if action == Action.INVOLVEMENT_END:
            return _url("cases:involvement_end", t.pk, episode.pk), {**v, "end": day}
        return _url("cases:time_register", t.pk, episode.pk), {**v, "on": day, "hours": "2"}
    if action == Action.INVOLVEMENT_DECIDE:
        return _url("cases:involvement_decide", t.pk, episodes["zvh"].pk), {**v, "decision": "end", "end": day}
    kinds = {Action.JOURNAL_CONTACT_NOTE: "contact_note", Action.JOURNAL_PARTNER_REPORT: "partner_report",
             Action.JOURNAL_DECISION: "decision"}
    if action in kinds:
        return _url("cases:journal_entry_add", t.pk), {**v, "kind": kinds[action], "on": day, "nature": "fact",
                                                       "source": "gesprek", "text": "Wat er gebeurde."}
    if action == Action.JOURNAL_HIDE:
        entry = _own_entry(world, actor, inside)
        return _url("cases:journal_entry_hide", t.pk, entry.pk), {**v, "members": [world.mother.pk],
                                                                  "reason": "voor de veiligheid van het kind"}
    if action == Action.EXPERT_CONTACT:
        expert = world.others["petra"] if inside is False else world.people[Position.EXPERT]
        return _url("cases:expert_contact_record", t.pk), {**v, "on": day, "expert": expert.pk}
    return _web_plan(world, action, actor, inside, t, v, day)


def _web_plan(world, action, actor, inside, t, v, day):
    version, number = world.objects["version"], world.objects["version"].number
    if action == Action.PLAN_VERSION:
        return _url("safetyplan:version_create", t.pk), {**v, **_plan_post(day)}
    if action == Action.PLAN_SIGN_OFF:
        return _url("safetyplan:sign_off", t.pk, number), {**v, "signed": "ja", "signed_off_on": day}
    if action == Action.AGREEMENT_KEPT:
        return _url("safetyplan:agreement_kept", t.pk, world.objects["agreement"].pk), {**v, "kept_on": day}
    if action == Action.SCALE_SCORE:
        data = {"score": "6", "participant_kind": "professional"} if inside is not False else {
            "participant": "Moeder", "participant_kind": "family", "score": "6"}
        if inside is None:
            data.update(participant=str(actor), participant_kind="professional")
        return _url("safetyplan:score_add", t.pk, number), {**v, **data}
    if action == Action.MEETING_RECORD:
        return _url("safetyplan:meeting_create", t.pk), {**v, "kind": "network", "held_on": day,
                                                         "family_present": "ja",
                                                         "expert": world.people[Position.EXPERT].pk,
                                                         "decisions": "Afspraken gemaakt."}
    if action == Action.ANALYSIS_RECORD:
        return _url("safetyplan:analysis_create", t.pk), {**v, "made_on": day, "facts": "Nieuwe feiten."}
    if action == Action.ANALYSIS_CHALLENGE:
        _as_gw(actor, inside)
        return _url("safetyplan:challenge_add", t.pk, world.objects["analysis"].number), {
            **v, "on": day, "challenge": "Klopt dit?"}
    if action == Action.ANALYSIS_RESPOND:
        return _url("safetyplan:challenge_respond", t.pk, world.objects["challenge"].pk), {
            **v, "responded_on": day, "response": "We kijken er nog eens naar."}
    return _web_rest(world, action, actor, inside, t, v, day, version)


def _web_rest(world, action, actor, inside, t, v, day, version):
    if action == Action.PORTAL_CODE:
        return _url("portal:invite_member", world.mother.pk), {}
    if action == Action.CORRECTION_HANDLE:
        return _url("portal:correction_handle", world.objects["correction"].pk), {"response": "Aangepast."}
    if action == Action.ACCESS_LOG:
        return _url("cases:access_log", t.household_id), None
    if action == Action.CLOSE:
        return _url("workspace:trajectory_close", t.pk), {**v, "closed_on": day, "end_evaluation": "Veilig genoeg.",
                                                          "exit_participants": "Anna, Hanna en het gezin",
                                                          "confirmed": "on"}
    if action == Action.REOPEN:
        return _url("cases:trajectory_reopen", t.pk), {**v, "reason": "Per ongeluk afgesloten."}
    if action == Action.REGISTER_AGAIN:
        return _url("cases:trajectory_register", t.household_id), {"registered_on": _today().isoformat(),
                                                                    "measure_considered": "nee"}
    if action == Action.JOIN_REQUEST:
        return _url("cases:join_request_create", t.pk), {**v, "organisation": world.orgs["ggz"].pk,
                                                         "purpose": "meedenken", "form": "consult",
                                                         "wanted_by": _today().isoformat()}
    if action == Action.JOIN_ANSWER:
        return _url("cases:join_request_answer", world.objects["join"].pk), {
            "antwoord": "aannemen", "professional": world.people[Position.INVITED].pk, "joined_on": day}
    raise AssertionError(f"no web request for {action}")


def _plan_post(day: str) -> dict:
    return {"phase": "stable_safety", "dated_on": day, "evaluation_on": "2025-05-01", "monitored_by": "Oma",
            "s1_family": "Ruzie", "s1_c1": "Rust in huis", "s1_a1_who": "Moeder", "s1_a1_what": "Belt oma",
            "s1_a1_due": "2025-03-15"}


def changed_since(world: World, action: Action, before: tuple) -> bool:
    """Whether anything was written: the trajectory's version, the number of trajectories, or an invite."""
    return snapshot(world, action) != before


def snapshot(world: World, action: Action) -> tuple:
    from tandem.portal.models import CorrectionRequest, PortalInvite
    return (world.fresh(action).version, Trajectory.objects.count(), PortalInvite.objects.count(),
            CorrectionRequest.objects.filter(status="handled").count())
