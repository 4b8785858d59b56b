from tandem.notifications.selectors import unread_count


def notifications(request):
    """The number of unread notifications, for the menu."""
    return {"unread_notifications": unread_count(getattr(request, "user", None))}
