"""``storyline serve``: the newsroom's web app and JSON API over a storyline database."""

from __future__ import annotations

from storyline.serve.app import create_app
from storyline.serve.settings import BackgroundTask, Settings


def run(settings: Settings, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the app with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", access_log=False)


__all__ = ["BackgroundTask", "Settings", "create_app", "run"]
