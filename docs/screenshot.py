"""Render the window on the demo data with a side tab open, offscreen (docs/screenshots.sh).

QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshot.py OUT.png --lang en --tab knowledge
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--tab", choices=["customer", "knowledge", "actions"], default="knowledge")
    parser.add_argument("--row", type=int, default=0)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    from agent_desk import app as desk_app

    async def self_test(desk: desk_app.Desk, session: desk_app.Session) -> int:
        await session.engine.sync_once()
        window = session.window
        window.refresh(None)
        window.show()
        app.processEvents()
        window.queue.selectRow(args.row)
        app.processEvents()
        if args.tab == "knowledge":
            window.side.setCurrentWidget(window.knowledge_panel)
            panel = window.knowledge_panel
            if panel.model.rowCount():
                window.answers.insert_answer(panel.model.items[0].id)
        if args.tab == "actions":
            window.side.setCurrentWidget(window.actions_panel)
            # the form: the preview, and what is left for this customer and order
            window.actions_panel.type_buttons["refund"].click()
            app.processEvents()
        app.processEvents()
        return 0 if window.grab().save(args.out) else 1

    desk_app.Desk.self_test = self_test  # type: ignore[method-assign]
    return desk_app.main(["--demo", "--self-test", "--no-simulator", "--lang", args.lang])


if __name__ == "__main__":
    raise SystemExit(main())
