"""Agent Desk: a desktop workstation for customer-service agents, and its sync server."""

__version__ = "0.1.0"
