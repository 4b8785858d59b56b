"""Listens to the dossier's events (`tandem.cases.events`) and tells the people concerned."""
from django.dispatch import receiver

from tandem.cases.events import dossier_event
from tandem.notifications.services import notify_event


@receiver(dossier_event, dispatch_uid="tandem.notifications")
def on_dossier_event(sender, trajectory, obj=None, actor=None, **kwargs):
    notify_event(event=sender, trajectory=trajectory, obj=obj, actor=actor)
