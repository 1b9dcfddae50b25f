"""Agent Desk client layer: store (see docs and ARCHITECTURE: ui → services → store/sync → core)."""
