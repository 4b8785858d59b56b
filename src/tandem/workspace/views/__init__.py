"""Composed pages: each loads through the dossier's selectors and changes through one service."""
from tandem.workspace.views.closing import trajectory_close

__all__ = ["trajectory_close"]
