from django.apps import AppConfig


class ExpertsConfig(AppConfig):
    """Experts by experience: the pool (core and flex, profiles, sites, availability, load), the call-up for a
    family, contacts counted and never described, coaching and supervision, and the family's own voice (questions
    K and I of the monitor). `cases` does not import this app; this app uses the dossier's services."""

    name = "tandem.experts"
    label = "experts"
