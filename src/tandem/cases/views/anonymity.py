"""Anonymous means anonymous: what a partner without the family's consent (an anonymous advice or consult, or
after a consent is withdrawn) sees of a dossier.

No name, birth date, BSN, address or other identifying detail anywhere: members appear as "Gezinslid 1 (kind,
9 jaar)", and every free text is shown pseudonymised (`tandem.privacy.pseudonymise`, the same function the
national export uses) with the household's own people as stable placeholders such as "[gezinslid 1]". Two layers:

1. `Lens.walk` replaces the free-text fields (`FIELDS`) of every object a page or PDF shows, before rendering;
2. `Lens.html`, run on the rendered page by `AnonymousPageMiddleware`, replaces any known name, birth date or
   BSN of the household that still got through (a safety net for a field a template shows and `FIELDS` misses).

`tests/views/test_anonymous_pii.py` plants a member's name, birth date and address in every free-text field of
the dossier and checks every page, PDF and download an anonymous partner can reach.
"""
import datetime as dt
import re
from dataclasses import dataclass

from django.db.models import prefetch_related_objects

from tandem.privacy.pseudonymise import KnownPerson, Pseudonymiser

# Free-text fields per model (app_label.model_name) that a page may show.
FIELDS: dict[str, tuple[str, ...]] = {
    "cases.trajectory": ("reason", "end_evaluation", "closure_reason"),
    "cases.member": ("relation",),
    "cases.triagedecision": ("participants", "notes"),
    "cases.teammembership": ("role_in_team",),
    "cases.leadperiod": ("statutory_ground",),
    "cases.involvement": ("statutory_ground",),
    "cases.consent": ("purpose",),
    "cases.consentrequest": ("purpose",),
    "cases.joinrequest": ("purpose", "decline_reason"),
    "cases.journalentry": ("text", "source", "withheld_reason", "hidden_reason"),
    "cases.reopening": ("reason",),
    "portal.residentview": ("text",),
    "portal.correctionrequest": ("what_is_wrong", "response"),
    "safetyplan.planversion": ("monitored_by", "roles", "sign_off_refused_reason"),
    "safetyplan.unsafesituation": ("in_family_words", "in_professional_words", "hidden_reason"),
    "safetyplan.safetycondition": ("text",),
    "safetyplan.safetyagreement": ("who", "what", "if_not_kept"),
    "safetyplan.scalescore": ("participant", "explanation"),
    "safetyplan.networkmeeting": ("network_present", "decisions", "no_expert_reason"),
    "safetyplan.explanatoryanalysis": ("facts", "risk_factors", "protective_factors", "patterns", "hypotheses"),
    "safetyplan.analysischallenge": ("challenge", "response"),
}

NOTICE = "Namen en andere persoonsgegevens in de teksten zijn vervangen, bijvoorbeeld door [gezinslid 1]."

_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"]


def placeholder_labels(members) -> dict:
    """'gezinslid 1', 'netwerkpersoon 2': numbered as the page numbers them (display.member_labels)."""
    labels, counters = {}, {False: 0, True: 0}
    for member in members:
        counters[member.is_network] += 1
        labels[member.pk] = f"{'netwerkpersoon' if member.is_network else 'gezinslid'} {counters[member.is_network]}"
    return labels


def _date_forms(day: dt.date) -> list[str]:
    month = _MONTHS[day.month - 1]
    return [f"{day:%d-%m-%Y}", f"{day.day}-{day.month}-{day.year}", day.isoformat(), f"{day.day} {month} {day.year}",
            f"{day:%d/%m/%Y}"]


@dataclass
class Lens:
    """How one person sees one household's texts: as written (identifying access) or pseudonymised."""

    anonymous: bool
    members: tuple = ()

    def __post_init__(self):
        self._pseudonymiser = None
        self._labels = placeholder_labels(self.members)

    @classmethod
    def for_household(cls, access, household) -> "Lens":
        if not access.anonymous:
            return cls(anonymous=False)
        return cls(anonymous=True, members=tuple(household.members.all()))

    @property
    def notice(self) -> str:
        return NOTICE if self.anonymous else ""

    def _engine(self) -> Pseudonymiser:
        if self._pseudonymiser is None:
            known = [KnownPerson(label=self._labels[m.pk], given_names=m.given_names, prefix=m.prefix,
                                 family_name=m.family_name, birth_date=m.birth_date,
                                 extra=tuple(x for x in (m.bsn,) if x)) for m in self.members]
            self._pseudonymiser = Pseudonymiser(known=known)
        return self._pseudonymiser

    def text(self, value):
        if not self.anonymous or not value or not isinstance(value, str):
            return value
        return self._engine().text(value)

    def fields(self, obj) -> None:
        """Replace the free-text fields of one (unsaved from here on) object in place."""
        if not self.anonymous or obj is None:
            return
        for name in FIELDS.get(obj._meta.label_lower, ()):
            setattr(obj, name, self.text(getattr(obj, name)))

    def walk(self, objects, *paths: str) -> None:
        """Prefetch `paths` (so the template reuses these very objects) and replace the texts of every object
        on the way: `lens.walk([version], "situations__agreements", "scores")`."""
        objects = [o for o in objects if o is not None]
        if not objects:
            return
        prefetch_related_objects(objects, *paths)  # also as written: the page then labels these very objects
        if not self.anonymous:
            return
        for obj in objects:
            self.fields(obj)
        for path in paths:
            level = objects
            for step in path.split("__"):
                level = [child for parent in level for child in _children(parent, step)]
                for child in level:
                    if not getattr(child, "_tandem_lensed", False):
                        self.fields(child)
                        child._tandem_lensed = True

    def _identifiers(self) -> list[tuple[str, str]]:
        pairs = []
        for member in self.members:
            label = f"[{self._labels[member.pk]}]"
            names = [member.full_name, member.surname, member.family_name, *member.given_names.split()]
            pairs += [(n, label) for n in names if len(n) >= 2]
            if member.birth_date:
                pairs += [(d, "[geboortedatum]") for d in _date_forms(member.birth_date)]
            if member.bsn:
                pairs.append((member.bsn, "[BSN]"))
        return sorted(set(pairs), key=lambda p: -len(p[0]))

    def html(self, content: str) -> str:
        """The safety net over a rendered page: known identifiers in text between tags (any case) become
        placeholders."""
        identifiers = self._identifiers() if self.anonymous else []
        if not identifiers:
            return content
        pattern = re.compile("|".join(rf"(?<![\w@]){re.escape(old)}(?![\w@])" for old, _ in identifiers),
                             re.IGNORECASE)
        replacements = {old.lower(): new for old, new in identifiers}

        def text_node(match: re.Match) -> str:
            return ">" + pattern.sub(lambda m: replacements[m.group(0).lower()], match.group(1)) + "<"

        return re.sub(r">([^<]+)<", text_node, content)


def _children(parent, step: str) -> list:
    """A step of a prefetch path: a related manager's rows, or the one object of a foreign key."""
    value = getattr(parent, step)
    if hasattr(value, "all"):
        return list(value.all())
    return [value] if value is not None else []


def lens_for(request, access, household) -> Lens:
    """The lens for this page; remembered on the request so the middleware's safety net can use it."""
    lens = Lens.for_household(access, household)
    request.tandem_lens = lens
    return lens


class AnonymousPageMiddleware:
    """Runs the lens's safety net over every HTML page about one dossier that is shown anonymously: the pages
    that set `request.tandem_lens` themselves, and every other page whose URL names a household, trajectory or
    member (edit forms too), so no view can forget it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.get("Content-Type", "").startswith("text/html") or getattr(response, "streaming", False):
            return response
        lens = getattr(request, "tandem_lens", None) or _lens_from_url(request)
        if lens is not None and lens.anonymous:
            response.content = lens.html(response.content.decode()).encode()
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.tandem_dossier_kwargs = view_kwargs


def _lens_from_url(request) -> Lens | None:
    from tandem.cases.models import Household, Member, Trajectory
    from tandem.cases.selectors import access_for, trajectories_visible_to

    kwargs, user = getattr(request, "tandem_dossier_kwargs", None) or {}, getattr(request, "user", None)
    if not kwargs or user is None or not user.is_authenticated:
        return None
    household_id = kwargs.get("household_id")
    if "trajectory_id" in kwargs:
        household_id = Trajectory.objects.filter(pk=kwargs["trajectory_id"]).values_list("household_id").first()
    elif "member_id" in kwargs:
        household_id = Member.objects.filter(pk=kwargs["member_id"]).values_list("household_id").first()
    household_id = household_id[0] if isinstance(household_id, tuple) else household_id
    household = Household.objects.filter(pk=household_id).first() if household_id else None
    if household is None:
        return None
    visible = sorted(trajectories_visible_to(user).filter(household=household),
                     key=lambda t: (t.closed_on is None, t.registered_on), reverse=True)
    return Lens.for_household(access_for(user, visible[0]), household) if visible else None
