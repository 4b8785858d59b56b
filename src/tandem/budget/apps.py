from django.apps import AppConfig


class BudgetConfig(AppConfig):
    name = "tandem.budget"
    label = "budget"
    verbose_name = "Begroting"
