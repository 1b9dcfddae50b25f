"""Channels: how customers reach Agent Desk and how replies reach them (connections, the
delivery outbox and its sender, receipts)."""
