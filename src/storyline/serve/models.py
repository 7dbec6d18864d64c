"""The request and response shapes of the JSON API (pydantic, at the HTTP edge only).

Inside, the server works with the frozen records of :mod:`storyline.model`; these
classes only validate what arrives and describe what leaves, for the OpenAPI
document.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

#: Articles one POST may carry.
MAX_POSTED = 500


class ArticleIn(BaseModel):
    """One report to add: the fields of an input JSONL line."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The report's text, exactly as published.")
    id: str | int | None = Field(
        None, description="Your id for it; default: derived from the text."
    )
    title: str | None = None
    source: str | None = Field(None, description="The outlet.")
    url: str | None = None
    published: str | None = Field(None, description="ISO date or datetime.")
    author: str | None = None


class Accepted(BaseModel):
    """What became of one posted report."""

    id: str
    status: str = Field(description="'stored' (new) or 'already stored' (same text seen before).")
    url: str = Field(description="Where to read it back, with its analysis and story once placed.")


class AcceptedList(BaseModel):
    """The answer to a POST: every report is stored before this is sent."""

    accepted: list[Accepted]


class StoryItem(BaseModel):
    """A story as the listing gives it (the whole object is at its ``url``)."""

    id: str
    title: str
    storyline: str
    first: str
    last: str
    reports: int
    sources: int
    disputed: bool
    names: list[str]
    updated: str
    url: str


class StoryList(BaseModel):
    """One page of stories, newest first, and the cursor of the next page."""

    stories: list[StoryItem]
    next: str | None


class ArticleOut(BaseModel):
    """A stored article, its analysis as ``storyline analyze`` writes it, and its story."""

    model_config = ConfigDict(extra="allow")

    id: str
    status: str = Field(description="'pending' (stored, not yet analysed) or 'placed'.")
    story: str | None
    storyline: str | None = None


class Health(BaseModel):
    """The server is up and reads its store."""

    status: str
    stories: int
    reports: int
    pending: int
    worker_passes: int


class ErrorOut(BaseModel):
    """Every error: one line saying what went wrong."""

    error: str
    problems: list[str] | None = None


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the errors a route may answer."""
    return {code: {"model": ErrorOut} for code in codes}
