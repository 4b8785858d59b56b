"""Safety plans for the demo trajectories, made through `tandem.safetyplan.services` (never by writing models).

`plan_steps(trajectory, data)` is called from `journal.extra_steps` for each new demo trajectory with a green,
orange or red involvement (most open ones, a few closed ones). It returns dated service calls: a network meeting
that agrees the first plan version (top 3 in the family's and the professionals' words, conditions,
agreements, scores), the household's sign-off or its reason not to, agreements kept (or not: those show as
"Te laat"), sometimes a later family score, sometimes a second version with the next phase, and sometimes an
explanatory analysis with tegenspraak by a gedragswetenschapper and the team's response.

Deterministic (`random.Random` per trajectory) and idempotent: every step first looks whether its result is
already there, and a trajectory that already has a plan or a meeting gets no steps at all.
"""
import datetime as dt
import random
from dataclasses import dataclass, field, replace
from functools import partial

from django.utils import timezone

from tandem.cases.services import team_member_add
from tandem.demo import safety_texts as texts
from tandem.demo.generator import SEED
from tandem.demo.people import ORGANISATIONS, PROFESSIONALS
from tandem.demo.plan import LAST_DAY
from tandem.organisations.models import User
from tandem.safetyplan import services as sp
from tandem.safetyplan.models import (
    AnalysisChallenge,
    ExplanatoryAnalysis,
    NetworkMeeting,
    ParticipantKind,
    Phase,
    PlanVersion,
    SafetyAgreement,
    SafetyPlan,
)

FORMS = ("green", "orange", "red")
NEXT_PHASE = {Phase.DIRECT_SAFETY: Phase.STABLE_SAFETY, Phase.STABLE_SAFETY: Phase.RECOVERY,
              Phase.RECOVERY: Phase.RECOVERY}
SCORE_RANGE = {Phase.DIRECT_SAFETY: (2, 4), Phase.STABLE_SAFETY: (5, 7), Phase.RECOVERY: (7, 9)}
LOCAL_GW = {"HLV": "marieke.degroot"}  # the gedragswetenschapper of a local team, by site
VT_GW = "thomas.brouwer"  # the gedragswetenschapper of Veilig Thuis joins the team to give tegenspraak
EXPERT_ROLE = "ervaringsdeskundige"
PRO = {p["ref"]: p for p in PROFESSIONALS}
ORG_NAME = {o["code"]: o["name"] for o in ORGANISATIONS}
TASKS = {"VT-GV": "begeleidt het gezin en kijkt mee naar de veiligheid",
         "RVDK": "onderzoekt wat {child} nodig heeft",
         "DJGB": "voert de ondertoezichtstelling uit en bewaakt de veiligheid van {child}",
         "WSS": "voert de ondertoezichtstelling uit en bewaakt de veiligheid van {child}",
         "LDH": "voert de ondertoezichtstelling uit en bewaakt de veiligheid van {child}"}


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _after(rng: random.Random, day: dt.date, low: int, high: int) -> dt.date:
    return day + dt.timedelta(days=rng.randint(low, high))


# --- who plays a part --------------------------------------------------------------------------------------

@dataclass
class Cast:
    """The people one family's plan speaks of, and the words the texts use for them."""

    words: dict
    members: dict
    lead: User
    site: str
    data: dict
    registered_on: dt.date
    trajectory: object = None
    users: dict = field(default_factory=dict)

    def user(self, ref: str) -> User:
        if ref not in self.users:
            self.users[ref] = User.objects.get(ref=ref)
        return self.users[ref]

    def team_on(self, on: dt.date) -> list[str]:
        """Refs of the professionals on the team on `on` (from the exchange data), in the order they joined."""
        return [t["professional"] for t in self.data["team"]
                if _day(t["joined_on"]) <= on and (not t.get("left_on") or _day(t["left_on"]) >= on)]

    def partners_on(self, on: dt.date) -> list[str]:
        return [ref for ref in self.team_on(on) if PRO[ref]["role"] != EXPERT_ROLE]

    def experts_on(self, on: dt.date) -> list[str]:
        return [ref for ref in self.team_on(on) if PRO[ref]["role"] == EXPERT_ROLE]


def _age(member, on: dt.date) -> int:
    return (on - member.birth_date).days // 365


def _cast(rng: random.Random, trajectory, data: dict) -> Cast | None:
    on = trajectory.registered_on
    members = sorted(trajectory.household.members.filter(is_network=False), key=lambda m: m.ref)
    adults = [m for m in members if m.birth_date and _age(m, on) >= 18]
    children = sorted((m for m in members if m.birth_date and _age(m, on) < 18), key=lambda m: m.birth_date)
    if not adults or not children:
        return None
    mother, father, child = adults[0], (adults[1] if len(adults) > 1 else None), children[0]  # the oldest child
    lead_ref = data["lead"][0]["professional"]
    partner = next((t["professional"] for t in data["team"] if PRO[t["professional"]]["role"] != EXPERT_ROLE), None)
    words = {"mother": mother.given_names, "father": father.given_names if father else "",
             "carer": rng.choice(adults).given_names, "child": child.given_names,
             "ex": f"De vader van {child.given_names}", "network": rng.choice(texts.NETWORK),
             "lead": PRO[lead_ref]["name"], "age": _age(child, on),
             "partner": f"{PRO[partner]['name']} ({ORG_NAME[PRO[partner]['organisation']]})" if partner
             else PRO[lead_ref]["name"]}
    cast = Cast(words, {"mother": mother, "father": father, "child": child}, None, trajectory.household.site.code,
                data, on, trajectory)
    cast.lead = cast.user(lead_ref)
    return cast


def _say(text: str, cast: Cast) -> str:
    return text.format(**cast.words)


def _who(key: str, cast: Cast) -> str:
    if key == "lead":
        return f"{cast.words['lead']} (consulent)"
    value = cast.words[key]
    return value[:1].upper() + value[1:]


# --- the content of a plan version ---------------------------------------------------------------------------

def _fits(theme: dict, cast: Cast) -> bool:
    needs, age = theme["needs"], cast.words["age"]
    return {"": True, "father": bool(cast.words["father"]), "single": not cast.words["father"],
            "young": age <= 10, "teen": age >= 12, "schoolchild": 5 <= age}[needs]


def _situations(rng: random.Random, cast: Cast, on: dt.date) -> list[sp.SituationData]:
    themes = rng.sample([t for t in texts.THEMES if _fits(t, cast)], 3)
    return [sp.SituationData(
        rank=rank, in_family_words=_say(theme["family"], cast), in_professional_words=_say(theme["professional"], cast),
        conditions=[_say(c, cast) for c in theme["conditions"]],
        agreements=[sp.AgreementData(who=_who(who, cast), what=_say(what, cast), due_on=_after(rng, on, 7, 42),
                                     if_not_kept=_say(if_not, cast)) for who, what, if_not in theme["agreements"]],
    ) for rank, theme in enumerate(themes, start=1)]


def _score(rng, who: str, kind: str, value: int, explanations: list, cast: Cast, **link) -> sp.ScoreData:
    return sp.ScoreData(participant=who, participant_kind=kind, score=max(0, min(10, value)),
                        explanation=_say(rng.choice(explanations), cast), **link)


def _scores(rng: random.Random, cast: Cast, phase: str, on: dt.date) -> list[sp.ScoreData]:
    """Scores side by side; the family often sees it brighter (or darker) than the professionals."""
    pro, w, fam = rng.randint(*SCORE_RANGE[phase]), cast.words, ParticipantKind.FAMILY
    scores = [_score(rng, f"{w['mother']} (moeder)", fam, pro + rng.choice([-1, 0, 1, 2, 3, 4]),
                     texts.FAMILY_EXPLAIN, cast, member=cast.members["mother"])]
    if cast.members["father"] is not None:
        scores.append(_score(rng, f"{w['father']} (vader)", fam, pro + rng.choice([0, 2, 3, 5]),
                             texts.FAMILY_EXPLAIN, cast, member=cast.members["father"]))
    if w["age"] >= 10 and rng.random() < 0.5:
        scores.append(_score(rng, f"{w['child']} (kind)", fam, pro + rng.choice([-2, -1, 0, 1]),
                             texts.FAMILY_EXPLAIN, cast, member=cast.members["child"]))
    scores.append(_score(rng, w["network"], ParticipantKind.NETWORK, pro + rng.choice([0, 1, 2]),
                         texts.NETWORK_EXPLAIN, cast))
    scores.append(_score(rng, f"{w['lead']} (consulent)", ParticipantKind.PROFESSIONAL, pro,
                         texts.PROFESSIONAL_EXPLAIN[phase], cast, user=cast.lead))
    for ref in cast.partners_on(on)[:1]:
        scores.append(_score(rng, f"{PRO[ref]['name']} ({ORG_NAME[PRO[ref]['organisation']]})",
                             ParticipantKind.PROFESSIONAL, pro + rng.choice([-1, 0, 1]),
                             texts.PROFESSIONAL_EXPLAIN[phase], cast, user=cast.user(ref)))
    return scores


def _roles(cast: Cast, on: dt.date) -> str:
    w = cast.words
    lines = [f"Regie: {w['lead']} (consulent, lokaal team)."]
    for ref in cast.partners_on(on):
        task = TASKS.get(PRO[ref]["organisation"], "denkt mee vanuit de eigen organisatie")
        lines.append(f"{PRO[ref]['name']} ({ORG_NAME[PRO[ref]['organisation']]}): {_say(task, cast)}.")
    for ref in cast.experts_on(on):
        lines.append(f"{PRO[ref]['name']} (ervaringsdeskundige, Samenkracht!): steunt {w['mother']} en is bij de "
                     "gesprekken.")
    lines.append(f"{_who('network', cast)}: steunt het gezin en belt als het niet goed gaat.")
    parents = w["mother"] + (f" en {w['father']}" if w["father"] else "")
    lines.append(f"{parents}: komen de afspraken na en zeggen het eerlijk als iets niet lukt.")
    return "\n".join(lines)


def _plan_data(rng, cast: Cast, phase: str, on: dt.date, situations: list) -> sp.PlanData:
    return sp.PlanData(phase=phase, dated_on=on, evaluation_on=_after(rng, on, 28, 90),
                       monitored_by=_say(rng.choice(texts.MONITOR), cast), roles=_roles(cast, on),
                       situations=situations, scores=_scores(rng, cast, phase, on))


def _meeting(rng: random.Random, cast: Cast, on: dt.date, decisions: str) -> sp.MeetingData:
    """A netwerkberaad: the consulent, the partners on the team (sometimes the local gedragswetenschapper), and
    the team's expert by experience when there is one; otherwise the reason why not."""
    refs = [cast.data["lead"][0]["professional"], *cast.partners_on(on)]
    if cast.site in LOCAL_GW and rng.random() < 0.4:
        refs.append(LOCAL_GW[cast.site])
    experts = cast.experts_on(on)
    expert = cast.user(experts[0]) if experts and rng.random() < 0.85 else None
    network = [cast.words["network"], *rng.sample([n for n in texts.NETWORK if n != cast.words["network"]],
                                                  rng.randint(0, 1))]
    return sp.MeetingData(held_on=on, professionals=[cast.user(r) for r in dict.fromkeys(refs)],
                          network_present=", ".join(network), family_present=rng.random() < 0.9, expert=expert,
                          no_expert_reason="" if expert else _say(rng.choice(texts.NO_EXPERT_REASONS), cast),
                          decisions=decisions)


# --- the course of the plan ----------------------------------------------------------------------------------

@dataclass
class Planned:
    """One plan version and what happens to it afterwards."""

    number: int
    data: sp.PlanData
    meeting: sp.MeetingData | None
    steps: list = field(default_factory=list)


def _spans(data: dict) -> list[tuple]:
    return sorted((_day(i["start"]), _day(i["end"]), i["form"], i["organisation"])
                  for i in data["involvements"] if i["form"] in FORMS)


def _phase(spans: list, on: dt.date) -> str:
    """Direct safety under orange, red or a Raad investigation; stable safety under green."""
    current = [s for s in spans if s[0] <= on and (s[1] is None or s[1] >= on)] or [s for s in spans if s[0] <= on]
    _, _, form, organisation = current[-1]
    urgent = form in ("orange", "red") or organisation == "RVDK"
    return Phase.DIRECT_SAFETY if urgent else Phase.STABLE_SAFETY


def _kept(rng: random.Random, data: sp.PlanData, until: dt.date) -> dict:
    """Which agreements get kept, and when (about half; none after `until`)."""
    kept = {}
    for situation in data.situations:
        for agreement in situation.agreements:
            on = max(data.dated_on, agreement.due_on + dt.timedelta(days=rng.randint(-5, 3)))
            if agreement.kept_on is None and rng.random() < 0.55 and on <= until:
                kept[(situation.rank, agreement.what)] = on
    return kept


def _next_data(rng, cast: Cast, first: sp.PlanData, kept: dict, on: dt.date) -> sp.PlanData:
    """The second version: a copy of the first, kept agreements stay kept, the others get a new date."""
    situations = [replace(s, agreements=[
        replace(a, kept_on=kept[(s.rank, a.what)]) if (s.rank, a.what) in kept
        else replace(a, due_on=_after(rng, on, 10, 40)) for a in s.agreements]) for s in first.situations]
    return _plan_data(rng, cast, NEXT_PHASE[first.phase], on, situations)


def _versions(rng: random.Random, cast: Cast, spans: list, bound: dt.date) -> list[Planned]:
    """The first version from a netwerkberaad; for some, a second one later (by a meeting or at home)."""
    first_on = _after(rng, max(spans[0][0], cast.registered_on), 5, 20)
    if first_on > bound:
        return []
    phase = _phase(spans, first_on)
    first = Planned(1, _plan_data(rng, cast, phase, first_on, _situations(rng, cast, first_on)),
                    _meeting(rng, cast, first_on, rng.choice(texts.DECISIONS[:2])))
    second_on = _after(rng, first_on, 50, 110)
    if second_on > bound or rng.random() < 0.4:
        first.steps = _aftercare(rng, cast, first, bound)
        return [first]
    kept = _kept(rng, first.data, second_on - dt.timedelta(days=1))
    first.steps = _sign_steps(rng, cast, first, second_on - dt.timedelta(days=1)) + [
        (on, partial(_keep, cast, 1, rank, what, on)) for (rank, what), on in kept.items()]
    meeting = _meeting(rng, cast, second_on, rng.choice(texts.DECISIONS[2:])) if rng.random() < 0.6 else None
    second = Planned(2, _next_data(rng, cast, first.data, kept, second_on), meeting)
    second.steps = _aftercare(rng, cast, second, bound)
    return [first, second]


def _aftercare(rng: random.Random, cast: Cast, planned: Planned, bound: dt.date) -> list:
    """After a version: sign-off (or the reason not), a late family score, and agreements kept."""
    steps = _sign_steps(rng, cast, planned, bound)
    for (rank, what), on in _kept(rng, planned.data, bound).items():
        steps.append((on, partial(_keep, cast, planned.number, rank, what, on)))
    return steps


def _sign_steps(rng: random.Random, cast: Cast, planned: Planned, bound: dt.date) -> list:
    on, steps = _after(rng, planned.data.dated_on, 0, 10), []
    if on <= bound:
        reasons = [r for r in texts.REFUSALS if cast.words["father"] or "{father}" not in r]
        refusal = _say(rng.choice(reasons), cast) if rng.random() < 0.25 else ""
        steps.append((on, partial(_sign, cast, planned.number, on, refusal)))
    family = [s for s in planned.data.scores if s.participant_kind == ParticipantKind.FAMILY]
    late_on = _after(rng, planned.data.dated_on, 3, 14)
    if len(family) > 1 and late_on <= bound and rng.random() < 0.3:  # one family member scores later
        planned.data.scores.remove(family[-1])
        steps.append((late_on, partial(_late_score, cast, planned.number, family[-1])))
    return steps


# --- the explanatory analysis ----------------------------------------------------------------------------------

def _challenger(cast: Cast) -> str | None:
    """The local gedragswetenschapper where the site has one, else the one of Veilig Thuis when it is involved."""
    if cast.site in LOCAL_GW:
        return LOCAL_GW[cast.site]
    involved = any(i["organisation"] == "VT-GV" for i in cast.data["involvements"])
    return VT_GW if involved else None


def _analysis_steps(rng: random.Random, cast: Cast, after: dt.date, bound: dt.date) -> list:
    made_on = _after(rng, after, 3, 20)
    if made_on > bound:
        return []
    text = {k: _say(v, cast) for k, v in rng.choice(texts.ANALYSES).items()}
    steps = [(made_on, partial(_analyse, cast, made_on, text, rng.random() < 0.6))]
    challenger, challenged_on = _challenger(cast), _after(rng, made_on, 2, 10)
    if challenger is None or challenged_on > bound:
        return steps
    steps.append((challenged_on, partial(_challenge, cast, challenger, challenged_on, text["challenge"])))
    responded_on = _after(rng, challenged_on, 1, 10)
    if responded_on <= bound:
        steps.append((responded_on, partial(_respond, cast, responded_on, text["response"])))
    return steps


# --- the dated steps: each looks first whether its result is already there -------------------------------------

def _version(cast: Cast, number: int) -> PlanVersion:
    return PlanVersion.objects.get(plan__trajectory=cast.trajectory, number=number)


def _create(cast: Cast, planned: Planned):
    if PlanVersion.objects.filter(plan__trajectory=cast.trajectory, number=planned.number).exists():
        return None
    if planned.meeting is not None:
        return sp.meeting_record(actor=cast.lead, trajectory=cast.trajectory, data=planned.meeting, plan=planned.data)
    return sp.plan_version_create(actor=cast.lead, trajectory=cast.trajectory, data=planned.data)


def _sign(cast: Cast, number: int, on: dt.date, refusal: str):
    version = _version(cast, number)
    if version.sign_off_settled:
        return version
    return sp.plan_version_sign_off(actor=cast.lead, version=version, signed_off_on=None if refusal else on,
                                    refused_reason=refusal)


def _keep(cast: Cast, number: int, rank: int, what: str, on: dt.date):
    agreement = SafetyAgreement.objects.get(situation__version__plan__trajectory=cast.trajectory,
                                            situation__version__number=number, situation__rank=rank, what=what)
    if agreement.kept_on is not None:
        return agreement
    return sp.agreement_mark_kept(actor=cast.lead, agreement=agreement, kept_on=on)


def _late_score(cast: Cast, number: int, score: sp.ScoreData):
    version = _version(cast, number)
    if version.scores.filter(participant=score.participant).exists():
        return None
    return sp.scale_score_record(actor=cast.lead, version=version, data=score)


def _analyse(cast: Cast, on: dt.date, text: dict, with_family: bool):
    if ExplanatoryAnalysis.objects.filter(trajectory=cast.trajectory).exists():
        return None
    return sp.analysis_record(actor=cast.lead, trajectory=cast.trajectory, made_on=on, facts=text["facts"],
                              risk_factors=text["risk_factors"], protective_factors=text["protective_factors"],
                              patterns=text["patterns"], hypotheses=text["hypotheses"], made_with_family=with_family)


def _challenge(cast: Cast, ref: str, on: dt.date, challenge: str):
    analysis = ExplanatoryAnalysis.objects.filter(trajectory=cast.trajectory).order_by("number").first()
    if analysis is None or analysis.challenges.exists():
        return None
    challenger = cast.user(ref)
    if ref not in LOCAL_GW.values() and not cast.trajectory.team.filter(professional=challenger,
                                                                         left_on__isnull=True).exists():
        team_member_add(actor=cast.lead, trajectory=cast.trajectory, professional=challenger, joined_on=on,
                        role_in_team="gedragswetenschapper: tegenspraak op de verklarende analyse")
    return sp.analysis_challenge(actor=challenger, analysis=analysis, on=on, challenge=challenge)


def _respond(cast: Cast, on: dt.date, response: str):
    challenge = AnalysisChallenge.objects.filter(analysis__trajectory=cast.trajectory).order_by("on", "id").first()
    if challenge is None or challenge.response:
        return None
    return sp.analysis_challenge_respond(actor=cast.lead, challenge=challenge, response=response, responded_on=on)


# --- the entry point -------------------------------------------------------------------------------------------

def _wanted(rng: random.Random, data: dict) -> bool:
    """Every open trajectory with a green, orange or red involvement, and a few closed ones."""
    return rng.random() < 0.3 if data.get("closed_on") else True


def plan_steps(trajectory, data: dict) -> list:
    """Dated service calls that give one demo trajectory its safety plan (or nothing)."""
    rng = random.Random(f"{SEED}:plan:{data['ref']}")
    spans = _spans(data)
    if not spans or not _wanted(rng, data) or SafetyPlan.objects.filter(trajectory=trajectory).exists() \
            or NetworkMeeting.objects.filter(trajectory=trajectory).exists():
        return []
    cast = _cast(rng, trajectory, data)
    if cast is None:
        return []
    bound = min(_day(data.get("closed_on")) or LAST_DAY, LAST_DAY, timezone.localdate())
    versions = _versions(rng, cast, spans, bound)
    steps = []
    for planned in versions:
        steps += [(planned.data.dated_on, partial(_create, cast, planned)), *planned.steps]
    if versions and rng.random() < 0.5:
        steps += _analysis_steps(rng, cast, versions[0].data.dated_on, bound)
    return steps
