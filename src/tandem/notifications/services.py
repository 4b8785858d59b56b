"""Every change of notifications: telling people (from the dossier's events and the daily run), opening one,
marking all read, and the e-mail setting. Keyword-only, atomic."""
import datetime as dt

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from tandem.audit.services import audit_record
from tandem.cases.events import Event
from tandem.cases.models import LeadPeriod, Measure, TeamMembership
from tandem.cases.rules.rights import ANSWERING_ROLES
from tandem.cases.selectors import expiring_measures
from tandem.notifications import mail
from tandem.notifications.models import Kind, Notification
from tandem.organisations.models import OrganisationKind, Role

FAMILY_EVENTS = {Event.CONSENT_WITHDRAWN, Event.CONSENT_REQUEST, Event.CORRECTION_REQUEST, Event.RESIDENT_VIEW,
                 Event.MEASURE_EXPIRING}


def family_workers(trajectory, today: dt.date | None = None) -> list:
    """Who works for the family now: the site's local-team workers on the team, and whoever leads."""
    today = today or timezone.localdate()
    team = TeamMembership.objects.filter(trajectory=trajectory).filter(
        Q(left_on__isnull=True) | Q(left_on__gte=today)).filter(
        organisation__kind=OrganisationKind.LOCAL_TEAM, organisation__site_id=trajectory.site_id)
    ids = set(team.values_list("professional_id", flat=True))
    ids |= set(LeadPeriod.objects.filter(trajectory=trajectory, end__isnull=True)
               .values_list("professional_id", flat=True))
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True))


def organisation_answerers(organisation) -> list:
    """Who may answer a request to the organisation: its workers in a dossier role and its team leader."""
    return list(get_user_model().objects.filter(organisation=organisation, is_active=True,
                                                role__in=ANSWERING_ROLES).exclude(role=Role.KOPPELING))


def _household_url(trajectory, anchor: str = "") -> str:
    return reverse("cases:household", args=[trajectory.household_id]) + anchor


def _recipients_and_link(event: Event, trajectory, obj) -> tuple[list, str]:
    if event in FAMILY_EVENTS:
        anchors = {Event.CONSENT_WITHDRAWN: "#te-doen", Event.CONSENT_REQUEST: "#te-doen",
                   Event.CORRECTION_REQUEST: "#journaal", Event.RESIDENT_VIEW: "#journaal",
                   Event.MEASURE_EXPIRING: "#maatregelen"}
        return family_workers(trajectory), _household_url(trajectory, anchors[event])
    if event == Event.JOIN_REQUEST:
        return organisation_answerers(obj.organisation), reverse("cases:join_request_answer", args=[obj.pk])
    if event == Event.JOIN_ANSWER:
        return [obj.requested_by], _household_url(trajectory, "#tandem")
    raise ValueError(event)


def notify(*, recipients, kind: str, link: str, household_id=None, key: str = "", exclude=None) -> list:
    """One notification per person (and per `key`, once), each e-mailed after the commit when they want that."""
    made = []
    for person in {p.pk: p for p in recipients if p is not None}.values():
        if exclude is not None and person.pk == getattr(exclude, "pk", None):
            continue
        if key and Notification.objects.filter(recipient=person, key=key).exists():
            continue
        try:
            with transaction.atomic():
                notification = Notification.objects.create(recipient=person, kind=kind, link=link,
                                                           household_id=household_id, key=key)
        except IntegrityError:  # the same key at the same moment: told once
            continue
        notification.recipient = person
        mail.send_after_commit(notification)
        made.append(notification)
    return made


def notify_event(*, event, trajectory, obj=None, actor=None) -> list:
    """Tell the people concerned by an event of the dossier (never the one who caused it)."""
    event = Event(event)
    recipients, link = _recipients_and_link(event, trajectory, obj)
    key = f"{event}:{obj._meta.label_lower}:{obj.pk}" if obj is not None else ""
    return notify(recipients=recipients, kind=Kind(str(event)), link=link, household_id=trajectory.household_id,
                  key=key, exclude=actor)


@transaction.atomic
def measures_expiring_notify(*, today: dt.date | None = None) -> int:
    """The daily run (`tandem notify`): a measure entering its region's window is told once per person."""
    today = today or timezone.localdate()
    told = 0
    for measure in expiring_measures(Measure.objects.all(), today):
        trajectory = measure.trajectory
        told += len(notify(recipients=family_workers(trajectory, today), kind=Kind.MEASURE_EXPIRING,
                           link=_household_url(trajectory, "#maatregelen"), household_id=trajectory.household_id,
                           key=f"measure_expiring:{measure.pk}:{measure.ends_on.isoformat()}"))
    return told


@transaction.atomic
def notification_open(*, user, notification: Notification) -> Notification:
    """Opening a notification marks it read (only one's own)."""
    notification = Notification.objects.select_for_update().get(pk=notification.pk, recipient=user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notifications_read_all(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


@transaction.atomic
def email_preference_set(*, user, notify_by_email: bool | None, email: str | None = None):
    """A person's own choice: e-mail yes, no, or as the region says; optionally with their address."""
    fields = ["notify_by_email"]
    user.notify_by_email = notify_by_email
    if email is not None:
        user.email, fields = email.strip(), [*fields, "email"]
    user.save(update_fields=fields)
    audit_record(actor=user, action="notification_setting", obj=user, purpose="berichten instellen",
                 detail={"notify_by_email": str(notify_by_email)})
    return user
