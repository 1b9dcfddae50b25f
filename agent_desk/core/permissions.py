"""Who may change what — written once, called by the server (which enforces it) and by the
client (which shows it: buttons, shortcuts, editable fields).

- A conversation someone owns is changed by its assignee or a supervisor/admin; an unassigned one
  by any agent who sees it; an expert never changes one (they advise through internal notes).
- The customer's agent note (the 360's shared note about the person) is changed by a supervisor or
  admin, or by an agent who is the assignee of one of that customer's conversations they can see.
  Experts and agents merely shown the case do not overwrite it.
"""

from __future__ import annotations

from collections.abc import Iterable

from agent_desk.core.enums import Role

EXPERT_ADVISES = "experts advise on shared conversations through internal notes"
ASSIGNED_TO_ANOTHER = "the conversation is assigned to another agent"
NOTE_NEEDS_OWNER = (
    "only the agent assigned to one of this customer's conversations, or a supervisor, "
    "changes the customer's note"
)


def sees_everything(role: Role) -> bool:
    return role in (Role.SUPERVISOR, Role.ADMIN)


def conversation_change_refusal(role: Role, agent_id: str, assignee_id: str | None) -> str | None:
    """Why this agent may not change the conversation (claim aside), or None if they may."""
    if role is Role.EXPERT:
        return EXPERT_ADVISES
    if sees_everything(role):
        return None
    if assignee_id is not None and assignee_id != agent_id:
        return ASSIGNED_TO_ANOTHER
    return None


def may_change_conversation(role: Role, agent_id: str, assignee_id: str | None) -> bool:
    return conversation_change_refusal(role, agent_id, assignee_id) is None


def customer_note_refusal(role: Role, agent_id: str, assignees: Iterable[str | None]) -> str | None:
    """Why this agent may not change the customer's note, or None if they may.

    ``assignees``: the assignee of each of the customer's conversations the agent can see.
    """
    if sees_everything(role):
        return None
    if role is Role.EXPERT:
        return NOTE_NEEDS_OWNER
    if any(a == agent_id for a in assignees):
        return None
    return NOTE_NEEDS_OWNER


def may_edit_customer_note(role: Role, agent_id: str, assignees: Iterable[str | None]) -> bool:
    return customer_note_refusal(role, agent_id, assignees) is None
