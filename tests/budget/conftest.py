"""Fixtures of the budget tests: the programme's people."""
from programme.people import far_coordinator, far_region, lead, policy  # noqa: F401
