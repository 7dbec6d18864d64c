"""The served store's data version on a PostgreSQL primary that went through crash recovery.

After a crash, the server replays its WAL and then runs as a primary; it still answers
``pg_last_wal_replay_lsn()`` with the position that recovery reached, frozen. A data
version that preferred that answer never moved again, and the web app kept serving the
pages it held. The test crashes a throwaway server of its own (``kill -9`` of the
postmaster) and starts it again, as an operator's machine does after a power cut.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.store import Store
from storyline.store.served import Published, PublishedStory

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "pg_test_cluster.sh"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(folder: Path, port: int) -> str:
    done = subprocess.run(
        ["bash", str(SCRIPT), "start", str(folder), str(port)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.fixture
def crashed_server(pg_server: str) -> Iterator[str]:
    """A server of the test's own, crashed once and started again: its database URL."""
    if not any(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        pytest.skip("PostgreSQL recovery test skips: Debian's postgresql package is not installed")
    folder = Path(tempfile.mkdtemp(prefix="storyline-pg-crash-", dir="/tmp"))
    os.chmod(folder, 0o755)
    port = _free_port()
    try:
        _start(folder, port)
        postmaster = int((folder / "data" / "postmaster.pid").read_text().split()[0])
        os.kill(postmaster, signal.SIGKILL)
        for attempt in range(40):  # its children notice the postmaster's death and leave
            try:
                if _gone(postmaster):
                    yield _start(folder, port)
                    break
            except subprocess.CalledProcessError:
                if attempt == 39:
                    raise
            time.sleep(0.25)
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", str(folder)], capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


def _story(num: int, title: str) -> PublishedStory:
    return PublishedStory(
        id=f"s-{num}",
        storyline=f"line-{num}",
        title=title,
        first="2025-03-02",
        last="2025-03-02",
        reports=1,
        sources=1,
        disputed=False,
        names=(),
        story_json="{}",
        page="<p></p>",
        etag=f"e-{num}",
    )


def test_data_version_moves_after_the_server_recovered_from_a_crash(crashed_server: str) -> None:
    with Store(crashed_server):  # the schema, as a digest makes it
        pass
    with Published(crashed_server) as writer:
        writer.publish([_story(1, "Harbour wall breached")])
    with Published(crashed_server, readonly=True) as reader:
        before = reader.data_version()
        with Published(crashed_server) as writer:
            writer.publish([_story(2, "Ferry delayed")])
        assert reader.data_version() != before
