from django.apps import AppConfig


class NationalConfig(AppConfig):
    name = "tandem.national"
    label = "national"
    verbose_name = "Landelijk programma"
