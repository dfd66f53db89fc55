"""Benchmark and soak tooling; outside the installed package."""
