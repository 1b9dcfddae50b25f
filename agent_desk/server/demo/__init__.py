"""Demo data for the embedded demo server: a believable shop, its customers and their cases."""

from __future__ import annotations

from agent_desk.server.demo.data import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    TEAM_AFTER_SALES,
    TEAM_PRE_SALES,
    DemoSummary,
    seed_demo,
)
from agent_desk.server.demo.simulator import CustomerSimulator

__all__ = [
    "DEMO_ACCOUNTS",
    "DEMO_PASSWORD",
    "TEAM_AFTER_SALES",
    "TEAM_PRE_SALES",
    "CustomerSimulator",
    "DemoSummary",
    "seed_demo",
]
