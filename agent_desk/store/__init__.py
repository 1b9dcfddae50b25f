"""Agent Desk client layer `store` (ARCHITECTURE.md: ui -> services -> store/sync -> core)."""
