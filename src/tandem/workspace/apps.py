from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    """Pages that compose several apps around one dossier (the core `cases` does not import the apps around
    it; these pages do)."""

    name = "tandem.workspace"
    label = "workspace"
