"""`storyline serve` as a process on 127.0.0.1: a 202 survives a kill -9."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from storyline.store import Store


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_process_accepted_report_survives_kill_9(served_db: str | Path, token: str) -> None:
    port = _port()
    command = ["serve", "--db", str(served_db), "--port", str(port), "--no-worker"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "storyline", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        report = {"text": "Sandbags were piled along the river in Vellmar overnight."}
        r = httpx.post(
            base + "/api/v1/articles", json=report, headers={"authorization": f"Bearer {token}"}
        )
        assert r.status_code == 202
        aid = r.json()["accepted"][0]["id"]
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    with Store(served_db) as store:
        assert [a.text for a in store.articles([aid])] == [report["text"]]
