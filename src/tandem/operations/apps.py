from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running Tandem for real: `tandem serve` and the load test's users (`tandem loadtest-data`)."""

    name = "tandem.operations"
    label = "operations"
