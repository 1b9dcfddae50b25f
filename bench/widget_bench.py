"""Agent reply → visible in the customer's web chat page, in a real browser (Debian's chromium,
headless) on loopback against the embedded demo server.

A visitor opens ``/widget`` and writes; the demo's agent answers it N times, one at a time; each
latency runs from posting the agent's mutation to the reply's bubble being in the page (the
page is asked every few milliseconds through the browser's driver, so the figure includes that
polling).

    .venv/bin/python bench/widget_bench.py [--replies 100]
"""

from __future__ import annotations

import argparse
import time

import httpx
import sqlalchemy as sa
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from agent_desk.core.ids import new_id
from agent_desk.server.demo.launch import demo_server
from agent_desk.server.storage import schema as t
from agent_desk.server.storage.db import Database

API = "/api/v1"
AGENT_BUBBLES = "return document.querySelectorAll('#messages li.agent').length"


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--replies", type=int, default=100)
    args = parser.parse_args()
    server = demo_server(simulator_rate=None)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        browser.get(f"{server.url}/widget")
        time.sleep(1)
        box = browser.find_element(By.ID, "box")
        box.send_keys("Hello, where is my parcel?")
        box.send_keys(Keys.ENTER)
        with httpx.Client(base_url=server.url + API, timeout=30) as http:
            login = http.post("/auth/login", json={"username": "supervisor", "password": "demo"})
            http.headers["Authorization"] = f"Bearer {login.json()['token']}"
            for _ in range(100):
                token = browser.execute_script("return localStorage.getItem('agentDesk.visitor')")
                mine = http.get(
                    "/widget/messages", headers={"X-Agent-Desk-Visitor": token or ""}
                ).json()
                if mine.get("messages"):
                    break
                time.sleep(0.05)
            conv = _conversation_of(server.app.state.db, mine["messages"][0]["id"])
            latencies = []
            for n in range(args.replies):
                before = browser.execute_script(AGENT_BUBBLES)
                m = {
                    "id": new_id(),
                    "name": "message.send",
                    "args": {"conversation_id": conv, "message_id": new_id(), "body": f"#{n}"},
                }
                started = time.perf_counter()
                reply = http.post("/mutations", json={"client_id": "bench", "mutations": [m]})
                assert reply.json()["results"][0]["status"] == "applied", reply.text
                while browser.execute_script(AGENT_BUBBLES) <= before:
                    if time.perf_counter() - started > 10:
                        raise RuntimeError("a reply did not show within 10 s")
                latencies.append((time.perf_counter() - started) * 1000)
        print(
            f"agent reply -> visible in the widget page ({args.replies} replies, chromium "
            f"headless): p50 {pct(latencies, 50):.0f} ms, p99 {pct(latencies, 99):.0f} ms"
        )
    finally:
        browser.quit()
        server.stop()
    return 0


def _conversation_of(db: Database, message_id: str) -> str:
    with db.read() as conn:
        return str(
            conn.execute(
                sa.select(t.messages.c.conversation_id).where(t.messages.c.id == message_id)
            ).scalar_one()
        )


if __name__ == "__main__":
    raise SystemExit(main())
