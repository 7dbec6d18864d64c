"""`storyline serve --watch`: the poller runs inside the server and its reports reach the API."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from click.testing import CliRunner
from live_server import LocalServer, Reply, page, rss, story_paragraphs

from storyline.cli import EXIT_FAILED, main

HTML = {"Content-Type": "text/html; charset=utf-8"}


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_live_serve_watch_refuses_a_bad_sources_file_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "sources.toml"
    bad.write_text("[[feed]]\nurl = 'file:///etc/passwd'\n")
    result = CliRunner().invoke(
        main, ["serve", "--db", str(tmp_path / "s.db"), "--watch", str(bad)]
    )
    assert result.exit_code == EXIT_FAILED
    assert result.stderr.strip().splitlines() == [
        f"storyline: {bad}: [[feed]] #1: scheme 'file' refused: only http and https"
    ]


def test_live_serve_watch_places_feed_items_as_stories(server: LocalServer, tmp_path: Path) -> None:
    items = []
    for n in (1, 2):
        server.routes[f"/news/{n}"] = Reply(
            200, page(f"Night ferry suspended ({n})", story_paragraphs("Port Veyra", n)), HTML
        )
        items.append({"guid": f"urn:ferry:{n}", "link": server.url(f"/news/{n}"), "title": "Ferry"})
    server.routes["/feed"] = Reply(200, rss(items), {"Content-Type": "application/rss+xml"})
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[feed]]\nurl = "{server.url("/feed")}"\nname = "Harbour Courier"\n')
    port = _port()
    command = ["serve", "--db", str(tmp_path / "s.db"), "--port", str(port), "--jobs", "1"]
    command += ["--watch", str(sources), "--allow-private"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "storyline", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    found: list[dict[str, object]] = []
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and not found:
            try:
                reply = httpx.get(base + "/api/v1/stories", timeout=5)
                if reply.status_code == 200:
                    found = reply.json()["stories"]
            except httpx.HTTPError:
                pass
            time.sleep(1)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert found, "no story from the watched feed reached the API in time"
    assert server.hits("/feed") >= 1
