"""A served database made from the renderer tests' hand-built digest (fiction), and clients.

``served_db`` is a SQLite file, then a PostgreSQL database (``db_target`` in
tests/conftest.py): every test that takes it runs on both back ends, and the
PostgreSQL case skips, saying why, when no server is given.
"""

from __future__ import annotations

import asyncio
import importlib.util
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from storyline.model import Digest
from storyline.serve import Settings, create_app
from storyline.serve.publish import publish_digest
from storyline.store import Store
from storyline.store.tokens import Tokens

REPORT_FIXTURES = Path(__file__).resolve().parents[1] / "report" / "conftest.py"


def report_fixtures() -> ModuleType:
    """tests/report/conftest.py as a module (its digest builder is shared, not copied)."""
    spec = importlib.util.spec_from_file_location("report_fixtures", REPORT_FIXTURES)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def store_digest(db: str | Path, digest: Digest) -> None:
    """Store a digest's articles, analyses and placements as a digest run would, and publish."""
    with Store(db) as store, store.batch():
        for article in digest.articles:
            store.add_article(article)
            store.save_analysis(digest.analyses[article.id])
        for story in digest.stories:
            for aid in story.articles:
                store.save_placement(aid, story.id, story.storyline)
    publish_digest(db, digest)


@pytest.fixture
def fixture_digest() -> Digest:
    """The renderer tests' digest: a flood story (disputed) and a bridge story."""
    digest: Digest = report_fixtures().build_digest()
    return digest


@pytest.fixture
def served_db(db_target: str, fixture_digest: Digest) -> str | Path:
    """A database holding the fixture digest, published (a SQLite file's Path, or a URL)."""
    db: str | Path = db_target if db_target.startswith("postgresql://") else Path(db_target)
    store_digest(db, fixture_digest)
    return db


@pytest.fixture
def token(served_db: str | Path) -> str:
    """A live token of the served database."""
    with Tokens(served_db) as tokens:
        return tokens.create("tests")


@pytest.fixture
def settings(served_db: str | Path) -> Settings:
    """Read-side settings: no placement worker."""
    return Settings(db=served_db, place=False)


Scenario = Callable[[httpx.AsyncClient], Awaitable[None]]


def with_client(
    settings: Settings,
    scenario: Scenario,
    placer: Callable[[str | Path], list[str]] | None = None,
) -> None:
    """Run ``scenario`` against the app in process (httpx ASGITransport), lifespan included."""

    async def main() -> None:
        app = create_app(settings, placer=placer)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
                await scenario(c)

    asyncio.run(main())


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now (for a server started as a process)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(base: str, attempts: int = 300) -> bool:
    """Whether the server at ``base`` answered ``/healthz`` with 200 within ``attempts`` tries."""
    for _ in range(attempts):
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return True
        except httpx.HTTPError:
            time.sleep(0.1)
    return False


#: Run in another process: republish s-flood with a new title (argv 2), page (3) and ETag (4).
_REPUBLISH = """
import sys
from storyline.store.served import Published, PublishedStory

db, title, page, etag = sys.argv[1:5]
with Published(db) as served:
    row, story_json, _ = served.story("s-flood")
    served.publish([PublishedStory(
        id=row.id, storyline=row.storyline, title=title, first=row.first, last=row.last,
        reports=row.reports, sources=row.sources, disputed=row.disputed, names=row.names,
        story_json=story_json.replace(row.title, title), page=page, etag=etag,
    )])
"""


def republish_elsewhere(db: str | Path, title: str, page: str, etag: str) -> None:
    """Republish the fixture's s-flood from another process, as a digest would."""
    args = [sys.executable, "-c", _REPUBLISH, str(db), title, page, etag]
    subprocess.run(args, check=True, timeout=120)
