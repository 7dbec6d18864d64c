"""``storyline serve``: the newsroom's web app and JSON API over a storyline database."""

from __future__ import annotations

from storyline.serve.app import create_app
from storyline.serve.processes import run
from storyline.serve.settings import BackgroundTask, Settings

__all__ = ["BackgroundTask", "Settings", "create_app", "run"]
