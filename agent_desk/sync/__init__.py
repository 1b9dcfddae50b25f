"""Agent Desk client layer `sync` (ARCHITECTURE.md: ui -> services -> store/sync -> core)."""
