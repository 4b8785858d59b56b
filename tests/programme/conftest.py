"""Fixtures of the programme tests."""
from programme.people import far_coordinator, far_region, lead, policy  # noqa: F401
