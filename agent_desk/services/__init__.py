"""Agent Desk client layer `services` (ARCHITECTURE.md: ui -> services -> store/sync -> core)."""
