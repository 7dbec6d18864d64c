"""The analysis on a Dask cluster: a real scheduler and real worker processes on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pytest
from click.testing import CliRunner

from storyline import api
from storyline.cli import main
from storyline.ingest import iter_articles
from storyline.runners import DaskTarget, DaskTargetError, parse_target
from storyline.runners.on_dask import dask_client, run_chunks
from storyline.store import Store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DASK = Path(sys.executable).parent / "dask"


def test_dask_parse_target_reads_addresses_and_local_sizes() -> None:
    assert parse_target("tcp://10.1.2.3:8786") == DaskTarget(address="tcp://10.1.2.3:8786")
    assert parse_target("sched.example:8786").address == "tcp://sched.example:8786"
    assert parse_target("local:2") == DaskTarget(local_workers=2)


@pytest.mark.parametrize("spec", ["local:0", "local:x", "udp://h:1", "tcp://h", "h:port", ""])
def test_dask_parse_target_refuses_what_names_no_cluster(spec: str) -> None:
    with pytest.raises(DaskTargetError):
        parse_target(spec)


def test_dask_cli_bad_target_is_a_usage_error(tmp_path: Path) -> None:
    args = ["digest", str(EXAMPLES), "--out", str(tmp_path / "o"), "--dask", "local:none"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "local:N" in result.output


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_dask_unreachable_scheduler_is_one_clear_error() -> None:
    target = DaskTarget(address=f"tcp://127.0.0.1:{_free_port()}", timeout=2)
    with (
        pytest.raises(DaskTargetError, match="cannot reach the Dask scheduler"),
        dask_client(target),
    ):
        pass


@dataclass
class Cluster:
    """A ``dask scheduler`` and named ``dask worker`` processes, all on 127.0.0.1."""

    address: str
    scheduler: subprocess.Popen[bytes]
    workers: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    logs: list[BinaryIO] = field(default_factory=list)

    def stop(self) -> None:
        for proc in [*self.workers.values(), self.scheduler]:
            if proc.poll() is None:
                proc.terminate()
        for proc in [*self.workers.values(), self.scheduler]:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for log in self.logs:
            log.close()


def _wait_for_workers(address: str, count: int, deadline: float) -> None:
    from distributed import Client

    with Client(address, timeout=30, set_as_default=False) as client:  # type: ignore[no-untyped-call]
        while len(client.scheduler_info()["workers"]) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{count} Dask workers did not join in time")
            time.sleep(0.2)


@contextmanager
def running_cluster(tmp_path: Path) -> Iterator[Cluster]:
    """Start a scheduler and two workers (w1, w2); stop them all on leaving."""
    if not DASK.exists():
        pytest.skip("the dask command is not installed in this environment")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    logs = tmp_path / "logs"
    logs.mkdir(parents=True)

    opened: list[BinaryIO] = []

    def start(name: str, *args: str) -> subprocess.Popen[bytes]:
        log = (logs / f"{name}.log").open("wb")
        opened.append(log)
        return subprocess.Popen([str(DASK), *args], stdout=log, stderr=log, env=env)

    scheduler = start(
        "scheduler", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"
    )
    running = Cluster(address, scheduler, logs=opened)
    try:
        for name in ("w1", "w2"):
            running.workers[name] = start(
                name,
                "worker",
                address,
                "--name",
                name,
                "--nthreads",
                "1",
                "--nworkers",
                "1",
                "--host",
                "127.0.0.1",
                "--no-dashboard",
            )
        _wait_for_workers(address, 2, time.monotonic() + 90)
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """A cluster shared by the tests that leave it as it was."""
    with running_cluster(tmp_path_factory.mktemp("cluster")) as shared:
        yield shared


def _stories(out: Path) -> list[dict[str, object]]:
    stories: list[dict[str, object]] = json.loads((out / "stories.json").read_text())["stories"]
    return stories


@pytest.fixture(scope="module")
def local_stories(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    out = tmp_path_factory.mktemp("local")
    api.digest([EXAMPLES], out_dir=out / "report", db=out / "s.db", jobs=1)
    return _stories(out / "report")


def test_dask_digest_on_a_real_cluster_equals_a_local_digest(
    cluster: Cluster, tmp_path: Path, local_stories: list[dict[str, object]]
) -> None:
    target = DaskTarget(address=cluster.address, chunk_size=2)
    api.digest([EXAMPLES], out_dir=tmp_path / "out", db=tmp_path / "s.db", dask=target)
    assert _stories(tmp_path / "out") == local_stories


def test_dask_digest_survives_a_worker_killed_mid_run(
    tmp_path: Path, local_stories: list[dict[str, object]]
) -> None:
    with running_cluster(tmp_path / "cluster") as cluster:
        _digest_killing_a_worker(cluster, tmp_path)
    assert _stories(tmp_path / "out") == local_stories


def _digest_killing_a_worker(cluster: Cluster, tmp_path: Path) -> None:
    victim = cluster.workers["w1"]
    killed: list[int] = []

    def kill_after_first_chunk(phase: str, done: int, total: int | None) -> None:
        del total
        if phase == "analyse" and done and not killed:
            victim.send_signal(signal.SIGKILL)
            killed.append(victim.wait(timeout=20))

    target = DaskTarget(address=cluster.address, chunk_size=1)
    api.digest(
        [EXAMPLES],
        out_dir=tmp_path / "out",
        db=tmp_path / "s.db",
        dask=target,
        progress=kill_after_first_chunk,
    )
    assert killed == [-signal.SIGKILL]


def test_dask_chunk_analysed_twice_is_stored_once(cluster: Cluster, tmp_path: Path) -> None:
    articles = list(iter_articles([EXAMPLES]))
    from distributed import Client

    with (
        Store(tmp_path / "s.db") as store,
        Client(  # type: ignore[no-untyped-call]
            cluster.address, set_as_default=False
        ) as client,
    ):
        for article in articles:
            store.add_article(article)
        for _ in range(2):
            for batch in run_chunks(client, articles, chunk_size=4):
                with store.batch():
                    for _article, analysis in batch:
                        store.save_analysis(analysis)
        assert len(store.analyses()) == len(articles)
        assert store.unanalysed() == []
