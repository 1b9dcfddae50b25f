"""Agent Desk client layer: ui (see docs and ARCHITECTURE: ui → services → store/sync → core)."""
