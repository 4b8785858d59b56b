"""Reads of notifications: one's own only."""
from tandem.notifications.models import Notification


def notifications_for(user):
    return Notification.objects.filter(recipient=user)


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
