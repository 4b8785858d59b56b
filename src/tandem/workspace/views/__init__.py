"""Composed pages: each loads through the dossier's selectors and changes through one service."""
from tandem.workspace.views.closing import trajectory_close
from tandem.workspace.views.families import my_families
from tandem.workspace.views.household import household_detail
from tandem.workspace.views.start import home
from tandem.workspace.views.worklist import work

__all__ = ["home", "household_detail", "my_families", "trajectory_close", "work"]
