from django.apps import AppConfig


class MonitorConfig(AppConfig):
    name = "tandem.monitor"
    label = "monitor"
    verbose_name = "Kwartaalmonitor"
