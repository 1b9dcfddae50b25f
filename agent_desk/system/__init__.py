"""Agent Desk client layer `system` (ARCHITECTURE.md: ui -> services -> store/sync -> core)."""
