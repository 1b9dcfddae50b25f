"""Agent Desk client layer: sync (see docs and ARCHITECTURE: ui → services → store/sync → core)."""
