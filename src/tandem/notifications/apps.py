from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """Being told: notifications in Tandem and, by setting, by e-mail (no personal data, only a link). The dossier
    announces its events (`tandem.cases.events`); this app decides who hears of them."""

    name = "tandem.notifications"
    label = "notifications"

    def ready(self):
        from tandem.notifications import receivers  # noqa: F401  (connects the receivers)
