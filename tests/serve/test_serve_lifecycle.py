"""The app's lifespan: background tasks (the hook of live/), the worker noticing a digest run,
and the token commands."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
from click.testing import CliRunner
from conftest import with_client

from storyline.cli import main
from storyline.serve import Settings
from storyline.store import Store
from storyline.store.served import Published
from storyline.store.tokens import Tokens


def test_serve_lifecycle_background_task_runs_and_is_cancelled(served_db: str | Path) -> None:
    seen: list[str] = []

    async def task(state: Any) -> None:
        seen.append(f"started {state.settings.db}")
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            seen.append("cancelled")
            raise

    async def scenario(c: httpx.AsyncClient) -> None:
        await asyncio.sleep(0.05)
        assert (await c.get("/healthz")).status_code == 200
        assert seen == [f"started {served_db}"]

    with_client(Settings(db=served_db, place=False, tasks=(task,)), scenario)
    assert seen == [f"started {served_db}", "cancelled"]


def test_serve_lifecycle_worker_republishes_after_a_digest_run(served_db: str | Path) -> None:
    calls: list[str | Path] = []

    def placer(db: str | Path) -> list[str]:
        calls.append(db)
        with Published(db) as served:  # publishing records the finished runs: old news now
            served.publish([])
        return []

    async def scenario(c: httpx.AsyncClient) -> None:
        await asyncio.sleep(0.2)
        assert calls == []  # nothing new: no pass
        with Store(served_db) as store:  # another process's digest finishes
            store.finish_run(store.start_run("digest"), 0, 0)
        for _ in range(100):
            if calls:
                break
            await asyncio.sleep(0.05)
        assert calls == [served_db]

    with_client(Settings(db=served_db, poll_seconds=0.05), scenario, placer=placer)


def test_serve_lifecycle_token_commands(db_target: str) -> None:
    db = db_target
    runner = CliRunner()
    made = runner.invoke(main, ["token", "create", "--db", db, "--name", "desk"])
    assert made.exit_code == 0 and made.output.startswith("sl_")
    secret = made.output.strip()
    listed = runner.invoke(main, ["token", "list", "--db", db])
    assert "desk" in listed.output and secret not in listed.output and "live" in listed.output
    with Tokens(db) as tokens:
        assert tokens.check(secret) is not None
    assert runner.invoke(main, ["token", "revoke", "--db", db, "desk"]).exit_code == 0
    with Tokens(db) as tokens:
        assert tokens.check(secret) is None
    assert runner.invoke(main, ["token", "revoke", "--db", db, "desk"]).exit_code == 1
