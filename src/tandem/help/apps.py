from django.apps import AppConfig


class HelpConfig(AppConfig):
    """Help in plain Dutch (B1), one page per role, linked from every page."""
    name = "tandem.help"
    label = "help"
