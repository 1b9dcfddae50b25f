"""Agent Desk client layer: services (see docs and ARCHITECTURE: ui → services → store/sync → core)."""
