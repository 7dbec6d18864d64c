"""`storyline serve` as a process on 127.0.0.1: a 202 survives a kill -9; --workers."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import httpx
from conftest import free_port, wait_healthy

from storyline.serve import Settings
from storyline.serve.processes import worker_settings
from storyline.store import Store
from storyline.store.search import StoryRow
from storyline.store.served import Published, PublishedStory


def test_serve_process_accepted_report_survives_kill_9(served_db: str | Path, token: str) -> None:
    port = free_port()
    command = ["serve", "--db", str(served_db), "--port", str(port), "--no-worker"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "storyline", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base)
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


def test_serve_process_workers_share_the_port_and_see_a_publish(served_db: Path) -> None:
    port = free_port()
    command = ["serve", "--db", str(served_db), "--port", str(port), "--no-worker"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "storyline", *command, "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base)
        # new connections: the kernel hands them to either worker
        before = {httpx.get(base + "/stories/s-flood").headers["etag"] for _ in range(20)}
        assert len(before) == 1
        with Published(served_db) as served:
            found = served.story("s-flood")
            assert found is not None
            row = found[0]
            served.publish([_retitled(row, found[1])])
        after = [httpx.get(base + "/api/v1/stories/s-flood").json()["title"] for _ in range(20)]
        assert after == ["Retitled while serving"] * 20
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    with socket.socket() as s:  # every worker has let the port go
        s.bind(("127.0.0.1", port))


def _retitled(row: StoryRow, story_json: str) -> PublishedStory:
    title = "Retitled while serving"
    return PublishedStory(
        id=row.id,
        storyline=row.storyline,
        title=title,
        first=row.first,
        last=row.last,
        reports=row.reports,
        sources=row.sources,
        disputed=row.disputed,
        names=row.names,
        story_json=story_json.replace(json.dumps(row.title), json.dumps(title)),
        page="<p>Retitled.</p>",
        etag="retitled",
    )


def test_serve_process_only_the_first_worker_places_and_runs_tasks(settings: Settings) -> None:
    async def task(state: object) -> None:
        del state

    both = replace(settings, place=True, tasks=(task,), poll_seconds=5.0)
    first, second = worker_settings(both, 0), worker_settings(both, 1)
    assert first.place and first.tasks == (task,) and first.poll_seconds <= 1.0
    assert not second.place and second.tasks == ()
