"""The query parameters that narrow listings and search, validated at the edge."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query

from storyline.store.search import Filters

Q = Annotated[str, Query(max_length=500, description="Words to search for (all must occur).")]
Day = Annotated[
    str,
    Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$", description="ISO date (YYYY-MM-DD); empty: none."),
]
Outlet = Annotated[str, Query(max_length=300, description="Only stories this outlet reported.")]
Entity = Annotated[
    str, Query(max_length=300, description="Only stories naming this entity key (see /entities).")
]
Disputed = Annotated[bool, Query(description="Only stories where reports disagree.")]


def make_filters(
    q: Q = "",
    since: Day = "",
    until: Day = "",
    outlet: Outlet = "",
    entity: Entity = "",
    disputed: Disputed = False,
) -> Filters:
    """The filters of a request (FastAPI fills the arguments and answers 422 for bad ones)."""
    return Filters(
        q=q.strip(),
        since=_day(since),
        until=_day(until),
        outlet=outlet.strip(),
        entity=entity.strip(),
        disputed=disputed,
    )


def _day(text: str) -> str:
    if not text:
        return ""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise HTTPException(422, f"not a date: {text!r} (expected YYYY-MM-DD)") from exc
