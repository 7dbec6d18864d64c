"""The query parameters that narrow listings and search, validated at the edge."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Query

from storyline.store.search import Filters

Q = Annotated[str, Query(max_length=500, description="Words to search for (all must occur).")]
Day = Annotated[date | None, Query(description="ISO date (YYYY-MM-DD).")]
Outlet = Annotated[str, Query(max_length=300, description="Only stories this outlet reported.")]
Entity = Annotated[
    str, Query(max_length=300, description="Only stories naming this entity key (see /entities).")
]
Disputed = Annotated[bool, Query(description="Only stories where reports disagree.")]


def make_filters(
    q: Q = "",
    since: Day = None,
    until: Day = None,
    outlet: Outlet = "",
    entity: Entity = "",
    disputed: Disputed = False,
) -> Filters:
    """The filters of a request (FastAPI fills the arguments and answers 422 for bad ones)."""
    return Filters(
        q=q.strip(),
        since=since.isoformat() if since else "",
        until=until.isoformat() if until else "",
        outlet=outlet.strip(),
        entity=entity.strip(),
        disputed=disputed,
    )
