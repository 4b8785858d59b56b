"""What an API client reads: through the dossier's own selectors (need-to-know, the position, anonymity), never a
query of its own around them. Every read is written to the access log with the client and its organisation."""
import datetime as dt

from django.db.models import DecimalField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404

from tandem.api.models import ApiClient
from tandem.audit.services import audit_record
from tandem.cases.models import Involvement, JoinRequest, Trajectory
from tandem.cases.selectors import Access, access_for, own_involvements, trajectories_visible_to
from tandem.cases.views.anonymity import Lens


def client_of(request) -> ApiClient:
    return request.auth


def visible_trajectories(actor) -> QuerySet[Trajectory]:
    return trajectories_visible_to(actor).select_related("site")


def trajectory_for(actor, trajectory_id) -> tuple[Trajectory, Access]:
    """The trajectory if this client's organisation may see it (the same 404 whether it exists or not)."""
    trajectory = visible_trajectories(actor).select_related("household").filter(pk=trajectory_id).first()
    access = access_for(actor, trajectory) if trajectory is not None else None
    if access is None or not access.view:
        raise Http404
    return trajectory, access


def lens_for(access: Access, trajectory: Trajectory) -> Lens:
    """The same lens as the screens: pseudonymised texts and labels for an anonymous partner."""
    return Lens.for_household(access, trajectory.household)


def log_read(request, what: str, household_ids=(None,), obj=None) -> None:
    """One entry per household read (or one without a household), naming the client and its organisation."""
    client = client_of(request)
    detail = {"client": client.prefix, "organisation": client.organisation.code, "resource": what}
    for household_id in dict.fromkeys(household_ids) or (None,):
        audit_record(actor=request.user, action="api_read", household_id=household_id, obj=obj,
                     purpose="API: inzien", detail=detail)


def log_write(request, what: str, trajectory: Trajectory | None, obj=None) -> None:
    client = client_of(request)
    audit_record(actor=request.user, action="api_write", household_id=trajectory.household_id if trajectory else None,
                 obj=obj, purpose="API: wijzigen",
                 detail={"client": client.prefix, "organisation": client.organisation.code, "resource": what})


def join_requests_for(actor) -> QuerySet[JoinRequest]:
    """Requests to join addressed to the client's organisation (docs/rights.md S19: the organisation asked)."""
    return (JoinRequest.objects.filter(organisation_id=actor.organisation_id)
            .select_related("trajectory__site", "trajectory__household", "organisation")
            .order_by("-requested_on", "-id"))


def own_work(actor, start: dt.date | None, end: dt.date | None) -> QuerySet[Involvement]:
    """The organisation's own work (issue "Tandem 12"): each episode of its involvement in the families its workers
    may open (`cases.selectors.own_involvements`, as the web download), with its hours in the period. No names, no
    texts: the trajectory's id, the site, the form, dates and hours."""
    hours_q = Q()
    if start:
        hours_q &= Q(time_entries__on__gte=start)
    if end:
        hours_q &= Q(time_entries__on__lte=end)
    zero = Value(0, output_field=DecimalField(max_digits=9, decimal_places=2))
    return (own_involvements(actor, start=start, end=end)
            .annotate(hours=Coalesce(Sum("time_entries__hours", filter=hours_q), zero))
            .select_related("site").order_by("start", "id"))
