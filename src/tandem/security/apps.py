from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "tandem.security"
    label = "security"
    verbose_name = "Beveiliging: noodtoegang en bewaartermijnen"
