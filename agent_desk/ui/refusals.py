"""Why something was refused, in the agent's language: one table for every refusal code.

Codes come from ``core.errors`` (raised by the client's services before anything is queued),
from the rule book in ``core.resolution`` and from the server (a rejected mutation, a refused or
failed action). The server's and the services' messages are English and for the log; the agent
reads the text for the code. A code this version does not know is shown as itself, with the
detail, so nothing is hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def refusal_texts() -> dict[str, str]:
    """Every refusal code the client can meet, translated."""
    return {
        # conversations and messages
        "already_assigned": QCoreApplication.translate(
            "Refusals", "Another agent has already claimed this conversation."
        ),
        "forbidden": QCoreApplication.translate("Refusals", "You are not allowed to do that here."),
        "not_allowed": QCoreApplication.translate("Refusals", "Not allowed for your role."),
        "not_found": QCoreApplication.translate(
            "Refusals", "That conversation, order or request is no longer available to you."
        ),
        "too_large": QCoreApplication.translate("Refusals", "The message is too long to send."),
        "empty_message": QCoreApplication.translate(
            "Refusals", "There is nothing to send: the message is empty."
        ),
        "invalid_text": QCoreApplication.translate(
            "Refusals", "The message contains a character that cannot be sent."
        ),
        "unfilled_placeholder": QCoreApplication.translate(
            "Refusals", "The reply still has a gap to fill in before it can go to the customer."
        ),
        "not_failed": QCoreApplication.translate(
            "Refusals", "Only a message that failed can be sent again."
        ),
        "duplicate_id": QCoreApplication.translate(
            "Refusals", "This change reached the server twice; the first one counts."
        ),
        "invalid_args": QCoreApplication.translate(
            "Refusals", "Something in the request does not fit this conversation or order."
        ),
        "invalid_state": QCoreApplication.translate(
            "Refusals", "The order's state no longer allows it."
        ),
        # resolution actions (the rule book and the server)
        "amount_exceeds_refundable": QCoreApplication.translate(
            "Refusals", "The order has less left to refund (it was refunded meanwhile)."
        ),
        "order_not_refundable": QCoreApplication.translate(
            "Refusals", "This order cannot be refunded."
        ),
        "order_closed": QCoreApplication.translate(
            "Refusals", "The order is cancelled or refunded in full: nothing more to do."
        ),
        "not_shipped": QCoreApplication.translate(
            "Refusals", "The order has not shipped (or came back)."
        ),
        "already_shipped": QCoreApplication.translate("Refusals", "The order has already shipped."),
        "not_delivered": QCoreApplication.translate(
            "Refusals", "The order has not been delivered yet."
        ),
        "already_delivered": QCoreApplication.translate(
            "Refusals", "The order has been delivered already."
        ),
        "no_shipping_fee": QCoreApplication.translate(
            "Refusals", "This order paid no shipping fee."
        ),
        "shipping_already_refunded": QCoreApplication.translate(
            "Refusals", "This order's shipping fee was refunded already."
        ),
        "amount_exceeds_shipping_fee": QCoreApplication.translate(
            "Refusals", "That is more than the order's shipping fee."
        ),
        "currency_mismatch": QCoreApplication.translate(
            "Refusals", "The currency is not the order's."
        ),
        "order_required": QCoreApplication.translate("Refusals", "Choose the order first."),
        "not_in_catalog": QCoreApplication.translate(
            "Refusals", "This action is not offered any more."
        ),
        "already_decided": QCoreApplication.translate(
            "Refusals", "This request was already decided."
        ),
        "own_request": QCoreApplication.translate("Refusals", "Nobody approves their own request."),
    }


def refusal_text(code: str | None, detail: str = "") -> str:
    """The text for ``code``; an unknown code names itself (and the detail, if any)."""
    known = refusal_texts().get(code or "")
    if known is not None:
        return known
    if not code and not detail:
        return QCoreApplication.translate("Refusals", "Refused.")
    if detail:
        return QCoreApplication.translate("Refusals", "That did not work ({0}): {1}").format(
            code or "?", " ".join(detail.split())
        )
    return QCoreApplication.translate("Refusals", "That did not work ({0}).").format(code or "?")


def shape_text(problem: str) -> str:
    """A request outside the protocol's limits (checked before anything is queued)."""
    return QCoreApplication.translate("Refusals", "That cannot be sent: {0}").format(
        " ".join(problem.split())
    )
