"""Agent Desk client layer: system (see docs and ARCHITECTURE: ui → services → store/sync → core)."""
