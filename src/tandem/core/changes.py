"""Two signals around every change of a household's dossier, so that apps around the core can keep what they
derive from it up to date in the same transaction (the monitor's ledger: `tandem.monitor.ledger`).

The core and `tandem.cases` do not import those apps: the services send these signals and the apps connect to
them in their `AppConfig.ready()`. Both are sent inside the service's transaction, with the household's id:
- `household_changing`: before anything of the household changes, after the service locked its trajectory
  (`cases.services.base.lock`, and the two registration services);
- `household_changed`: after the change, before the transaction commits (`cases.services.base.log_change`,
  and `household_register`).
A receiver that raises rolls the change back with it.
"""
from django.dispatch import Signal

household_changing = Signal()
household_changed = Signal()


def changing(household_id) -> None:
    household_changing.send(sender=None, household_id=household_id)


def changed(household_id) -> None:
    household_changed.send(sender=None, household_id=household_id)
