from django.apps import AppConfig


class AppearanceConfig(AppConfig):
    """How Tandem looks and reads: the NL Design System theme per municipality, Dutch dates and plurals, help."""
    name = "tandem.appearance"
    label = "appearance"

    def ready(self):
        from tandem.appearance import checks  # noqa: F401  (registers the theme check)
