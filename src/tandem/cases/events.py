"""What happened in a dossier that someone should hear of. The dossier only announces it (a Django signal, sent
inside the service's transaction); the apps around it decide who is told and how (`tandem.notifications`), so
`cases` imports none of them."""
import enum

from django.dispatch import Signal

# sender: the Event; keyword arguments: trajectory, obj (the row it is about), actor (None: the system or a
# resident through the portal)
dossier_event = Signal()


class Event(enum.StrEnum):
    CONSENT_WITHDRAWN = "consent_withdrawn"
    CONSENT_REQUEST = "consent_request"
    CORRECTION_REQUEST = "correction_request"
    RESIDENT_VIEW = "resident_view"
    MEASURE_EXPIRING = "measure_expiring"
    JOIN_REQUEST = "join_request"
    JOIN_ANSWER = "join_answer"


def announce(event: Event, *, trajectory, obj=None, actor=None) -> None:
    dossier_event.send(sender=Event(event), trajectory=trajectory, obj=obj, actor=actor)
