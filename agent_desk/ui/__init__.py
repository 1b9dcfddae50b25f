"""Agent Desk client layer `ui` (ARCHITECTURE.md: ui -> services -> store/sync -> core)."""
