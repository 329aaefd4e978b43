"""Test settings shared by every test file."""

from hypothesis import HealthCheck, settings

# CI machines are shared and noisy: no hypothesis deadlines, a fixed budget.
settings.register_profile(
    "takaisin",
    deadline=None,
    max_examples=100,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("takaisin")
