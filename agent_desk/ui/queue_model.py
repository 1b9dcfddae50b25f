"""The queue: a table model over conversation ids with a lazy row cache.

The id list comes from SQL (sorted and filtered there); rows are read in windows of 200 when
first shown, and only the rows a change-set concerns are evicted and repainted. A change in the
id list is a layout change that keeps the selection, never a full reset.

The request column says what the case is: the scenario (a tag) and the customer's most
informative recent message, worked out for a window when it is first shown
(``store.customer_requests``) and again only for a conversation whose customer wrote since.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor

from agent_desk.core import sla
from agent_desk.core.customer_request import scenario_tag
from agent_desk.core.enums import SlaState
from agent_desk.store import queries
from agent_desk.store.customer_requests import CustomerRequests
from agent_desk.store.local import Me
from agent_desk.store.queries import QueueFilter, QueueSort, QueueView
from agent_desk.store.store import ChangeSet, Row, Store, parse_time
from agent_desk.ui import labels, theme
from agent_desk.ui.conversation import format_wait, tooltip_text
from agent_desk.ui.latest import Debounce

_Index = QModelIndex | QPersistentModelIndex
WINDOW = 200

COLUMNS = ("customer", "channel", "preview", "wait", "unread", "assignee")
TierRole = Qt.ItemDataRole.UserRole + 1
ChannelRole = Qt.ItemDataRole.UserRole + 2
AssigneeRole = Qt.ItemDataRole.UserRole + 3
ScenarioRole = Qt.ItemDataRole.UserRole + 4  # the request's scenario tag ("" for none)
LastMessageRole = Qt.ItemDataRole.UserRole + 5  # the conversation's last message, plain
KNOWLEDGE_ENTITIES = frozenset({"article", "scenario"})  # what the scenarios are read with
CHANNELS = ("chat", "email", "phone", "social", "app")


def sla_colour(state: SlaState) -> QColor | None:
    colours = theme.current_theme()
    return {
        SlaState.ON_TARGET: colours.sla_on_target,
        SlaState.AT_RISK: colours.sla_at_risk,
        SlaState.BREACHED: colours.sla_breached,
    }.get(state)


def _clock(row: Row) -> sla.SlaClock:
    return sla.clock_from(row, parse_time)


def initials(name: str) -> str:
    """ "Li Na" → "LN"; "李娜" or "李娜 Li Na" → "李娜" (Chinese names by their characters)."""
    parts = name.split()
    if not parts:
        return "—"
    if any("\u3400" <= ch <= "\u9fff" for ch in parts[0]):
        return parts[0][:2]
    return "".join(p[0] for p in parts[:2]).upper()


class QueueModel(QAbstractTableModel):
    """Signals: the standard model signals; the wait column ticks every second.

    Args:
        requests: works out what each conversation's customer asks (None: the request column
            shows the last message).
    """

    def __init__(self, store: Store, me: Me, requests: CustomerRequests | None = None) -> None:
        super().__init__()
        self.store = store
        self.me = me
        self.requests = requests
        self.pinned: str | None = None  # listed even where the tab would not (keep_shown)
        self._tags: dict[str, str] | None = None  # scenario id -> tag, in the agent's language
        self.view = QueueView.MINE
        self.queue_sort = QueueSort.SLA
        self.filters = QueueFilter()
        self.ids: list[str] = []
        self._cache: dict[str, Row] = {}
        self.rows_reread = 0  # rows dropped from the cache by changes (one change, one row)
        self._recheck = Debounce("queue scenarios", 0, self._recheck_scenarios, self)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()

    def stop(self) -> None:
        self._ticker.stop()
        self._recheck.cancel()

    # --- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            "customer": self.tr("Customer"),
            "channel": "",
            "preview": self.tr("Request"),
            "wait": self.tr("Waiting"),
            "unread": self.tr("New"),
            "assignee": self.tr("Agent"),
        }
        return titles[COLUMNS[section]]

    def row_data(self, row: int) -> Row | None:
        if not 0 <= row < len(self.ids):
            return None
        conv_id = self.ids[row]
        found = self._cache.get(conv_id)
        if found is None:
            start = max(0, row - WINDOW // 4)
            window = [i for i in self.ids[start : start + WINDOW] if i not in self._cache]
            if self.requests is not None:
                self.requests.ensure(window)
            self._cache.update(queries.queue_rows(self.store, window, self.me))
            found = self._cache.get(conv_id)
        return found

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == TierRole:
            return row.get("customer_tier") or ""
        if role == ChannelRole:
            return row.get("channel") or ""
        if role == AssigneeRole:
            return row.get("assignee_id") or ""
        if role == ScenarioRole:
            return self.tag(row.get("request_scenario"))
        if role == LastMessageRole:
            return " ".join(str(row.get("last_message_preview") or "").split())[:120]
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self.tr("{0} asks: {1}").format(
                self._display(row, "customer"), self._spoken_request(row)
            )
        if role == Qt.ItemDataRole.DecorationRole and column == "channel":
            channel = row.get("channel")
            return theme.icon(f"channel-{channel}") if channel in CHANNELS else None
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == "preview"
            and row.get("undelivered")
        ):
            return theme.current_theme().sla_breached
        if role == Qt.ItemDataRole.ForegroundRole and column == "wait":
            return sla_colour(sla.response_state(_clock(row), datetime.now(UTC)))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "preview":
                if row.get("undelivered"):
                    return self.tr("A reply did not reach the customer: open it to retry")
                last = row.get("last_message_preview")
                if self._request(row) == " ".join(str(last or "").split())[:120]:
                    return tooltip_text(last)  # what they asked is what they said last
                return tooltip_text(
                    self.tr("{0}\n\nLast message: {1}").format(self._spoken_request(row), last)
                )
            if column == "customer":
                return tooltip_text(row.get("customer_name"))
            if column == "channel":
                return labels.channel(row.get("channel"))
            if column == "wait":
                state = sla.response_state(_clock(row), datetime.now(UTC))
                return labels.sla_state(state)
            if column == "assignee":
                if not row.get("assignee_id"):
                    return self.tr("Unassigned: click Claim to take it")
                return tooltip_text(row.get("assignee_name"))
        if role == Qt.ItemDataRole.AccessibleTextRole and column == "channel":
            return labels.channel(row.get("channel"))
        if role == Qt.ItemDataRole.AccessibleTextRole and column == "preview":
            spoken = self._spoken_request(row)
            if row.get("undelivered"):
                return self.tr("Not delivered · {0}").format(spoken)
            return spoken
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("wait", "unread"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: Row, column: str) -> str:
        if column == "customer":
            return str(row.get("customer_name") or self.tr("Unknown customer"))
        if column == "channel":
            return ""  # an icon; the name is in the tooltip and for screen readers
        if column == "preview":
            text = self._request(row)
            if row.get("undelivered"):  # a reply that did not get through comes first
                return self.tr("Not delivered · {0}").format(text)
            return text
        if column == "wait":
            waiting = parse_time(row.get("waiting_since"))
            if waiting is None:
                return "—"
            return format_wait((datetime.now(UTC) - waiting).total_seconds())
        if column == "unread":
            unread = int(row.get("unread") or 0)
            return str(unread) if unread else ""
        if column == "assignee":
            return initials(row.get("assignee_name") or "")
        return ""

    def _request(self, row: Row) -> str:
        """What the customer asks (the last message where it is not worked out)."""
        text = row.get("request_text")
        if text is None:
            text = row.get("last_message_preview")
        return " ".join(str(text or "").split())[:120]

    def _spoken_request(self, row: Row) -> str:
        """The request as a screen reader says it: "Where is my parcel: 订单 … 还没到"."""
        tag = self.tag(row.get("request_scenario"))
        text = self._request(row)
        return self.tr("{0}: {1}").format(tag, text) if tag else text

    def tag(self, scenario: Any) -> str:
        """The scenario's short label in the agent's language ("" for none)."""
        if not scenario:
            return ""
        if self._tags is None:
            chinese = QLocale().name().startswith("zh")
            self._tags = {
                key: scenario_tag(label, chinese=chinese)
                for key, label in queries.scenario_labels(self.store).items()
            }
        return self._tags.get(str(scenario)) or str(scenario).replace("_", " ")

    # --- updates -----------------------------------------------------------------------------

    def keep_shown(self, conv_id: str) -> None:
        """List ``conv_id`` in this tab until the view changes or :meth:`release` — where it
        was (or first) even when the tab's filter no longer lists it (claimed from Unassigned)."""
        self.pinned = conv_id
        self.refresh(ChangeSet())

    def release(self) -> None:
        """The agent moved on: the kept conversation is listed only where the tab lists it."""
        if self.pinned is not None:
            self.pinned = None
            self.refresh(ChangeSet())

    def knowledge_changed(self, changes: ChangeSet | None) -> None:
        """Articles or scenario labels changed: new labels repaint the tags; new articles may
        give a scenario to the rows that found none, once the index has them (the knowledge
        service re-indexes on the same change-set, after the queue: so on the next turn)."""
        if changes is None or changes.ids.get("scenario"):
            self._tags = None
            self._repaint(set(self.ids))
        articles = changes is None or bool(changes.ids.get("article"))
        if self.requests is not None and articles and not self._recheck.pending:
            self._recheck.soon(self.requests.knowledge())  # the articles before this change

    def _recheck_scenarios(self, before: str | None) -> None:
        if self.requests is None or self.requests.knowledge() == before:
            return
        unknown = {k for k, row in self._cache.items() if not row.get("request_scenario")}
        for conv_id in unknown:
            self._cache.pop(conv_id, None)
        self._repaint(unknown)

    def set_view(
        self, view: QueueView, sort: QueueSort | None = None, filters: QueueFilter | None = None
    ) -> None:
        self.view = view
        self.queue_sort = sort or self.queue_sort
        self.filters = filters if filters is not None else self.filters
        self.pinned = None  # another list: nothing is kept in it
        self.refresh(None)

    def refresh(self, changes: ChangeSet | None) -> None:
        """Re-read the id list; drop (and repaint) only the cached rows ``changes`` concern:
        a conversation itself, or a message, read state, customer or assignee of one.
        ``None``: anything may have changed, every row is read again."""
        if changes is None:
            touched = set(self._cache)
            self._cache.clear()
            self._tags = None
        else:
            touched = queries.conversations_touched(self.store, changes, set(self._cache))
            for conv_id in touched:
                self._cache.pop(conv_id, None)
        self.rows_reread += len(touched)
        new_ids = queries.queue_ids(
            self.store, self.view, self.me, sort=self.queue_sort, filters=self.filters
        )
        pinned = self.pinned
        if pinned is not None and pinned not in new_ids:
            if queries.assignee_of(self.store, pinned)[0]:  # still in the cache
                at = self.ids.index(pinned) if pinned in self.ids else 0
                new_ids.insert(min(at, len(new_ids)), pinned)
            else:
                self.pinned = None
        if new_ids == self.ids:
            self._repaint(touched)
            return
        self.layoutAboutToBeChanged.emit()
        old_ids = self.ids
        new_positions = {conv_id: n for n, conv_id in enumerate(new_ids)}
        persistent = self.persistentIndexList()
        self.ids = new_ids
        moved_to = []
        for index in persistent:
            old_id = old_ids[index.row()] if 0 <= index.row() < len(old_ids) else None
            row = new_positions.get(old_id) if old_id is not None else None
            moved_to.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(persistent, moved_to)
        self.layoutChanged.emit()

    def _repaint(self, conv_ids: set[str]) -> None:
        """``dataChanged`` for the rows of ``conv_ids``, one contiguous run at a time."""
        if not conv_ids:
            return
        rows = sorted(n for n, conv_id in enumerate(self.ids) if conv_id in conv_ids)
        last = len(COLUMNS) - 1
        runs: list[list[int]] = []
        for row in rows:
            if runs and row == runs[-1][1] + 1:
                runs[-1][1] = row
            else:
                runs.append([row, row])
        for first, final in runs:
            self.dataChanged.emit(self.index(first, 0), self.index(final, last))

    def _tick(self) -> None:
        if self.ids:
            column = COLUMNS.index("wait")
            self.dataChanged.emit(
                self.index(0, column),
                self.index(len(self.ids) - 1, column),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole],
            )
