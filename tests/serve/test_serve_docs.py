"""Every route is in the OpenAPI document and in docs/api.md."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.routing import APIRoute

from storyline.serve import Settings, create_app

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def _routes(db: str | Path) -> set[tuple[str, str]]:
    app = create_app(Settings(db=db, place=False))
    found: set[tuple[str, str]] = set()
    for route in app.routes:
        candidates = getattr(route, "original_router", None)
        routes = candidates.routes if candidates is not None else [route]
        for r in routes:
            if isinstance(r, APIRoute) and r.include_in_schema:
                found |= {(m, r.path) for m in r.methods if m != "HEAD"}
    return found


def test_serve_docs_every_route_in_openapi_and_api_md(served_db: str | Path) -> None:
    app = create_app(Settings(db=served_db, place=False))
    document = app.openapi()
    in_openapi = {(m.upper(), p) for p, ops in document["paths"].items() for m in ops}
    routes = _routes(served_db)
    assert routes, "no route found"
    assert routes <= in_openapi
    doc = DOC.read_text(encoding="utf-8")
    documented = set(re.findall(r"`(GET|POST) (/[^`\s]*)`", doc))
    assert routes | {("GET", "/openapi.json")} <= documented, sorted(routes - documented)
