"""kill -9 during a poll loses nothing and stores nothing twice (a real process, killed)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from live_server import LocalServer, Reply, page, rss, story_paragraphs

ITEMS = 40

SCRIPT = """
import sys, time
from storyline.live import FetchPolicy, Placed, Source, WatchOptions, Wiring, watch
from storyline.model import ArticleAnalysis

def analyse(articles):
    out = []
    for a in articles:
        time.sleep(0.03)  # a slow analysis widens the window for the kill
        out.append((a, ArticleAnalysis(article_id=a.id)))
    return out

def place(store, ids):
    return Placed(0, ())

watch([Source(sys.argv[2])], db=sys.argv[1], once=True,
      policy=FetchPolicy(allow_private=True), options=WatchOptions(host_delay=0,
      max_new_per_poll=100), wiring=Wiring(analyse=analyse, place=place))
"""


def _count(db: Path, sql: str) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as con:
            return int(con.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_durable_kill_9_mid_poll_then_resume(server: LocalServer, tmp_path: Path) -> None:
    items = []
    for n in range(ITEMS):
        server.routes[f"/p/{n}"] = Reply(
            200,
            page(f"Report {n}", story_paragraphs(f"Town {n}", n)),
            {"Content-Type": "text/html"},
        )
        items.append({"guid": f"g{n}", "link": server.url(f"/p/{n}"), "description": "short"})
    server.routes["/feed"] = Reply(200, rss(items), {"Content-Type": "application/rss+xml"})
    script = tmp_path / "poll.py"
    script.write_text(SCRIPT)
    db = tmp_path / "live.db"
    args = [sys.executable, str(script), str(db), server.url("/feed")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while _count(db, "SELECT COUNT(*) FROM articles") < 3 and time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    killed_at = _count(db, "SELECT COUNT(*) FROM articles")
    assert 0 < killed_at < ITEMS, "the kill must land mid-poll"
    # Every stored article has its analysis and its keys: nothing half-stored.
    assert _count(db, "SELECT COUNT(*) FROM analyses") == killed_at
    assert _count(db, "SELECT COUNT(DISTINCT article_id) FROM live_items") == killed_at
    done = subprocess.run(args, env=env, capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert _count(db, "SELECT COUNT(*) FROM articles") == ITEMS
    assert _count(db, "SELECT COUNT(*) FROM analyses") == ITEMS
    assert _count(db, "SELECT COUNT(*) FROM live_items WHERE text_from = 'page'") == 2 * ITEMS
    assert _count(db, "SELECT COUNT(*) FROM live_items WHERE text_from = 'duplicate'") == 0
