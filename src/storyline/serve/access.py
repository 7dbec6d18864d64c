"""Who may read and write: FastAPI dependencies over the token gate."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from storyline.serve.state import AppState

bearer = HTTPBearer(auto_error=False, description="A token from `storyline token create`.")


def _state(request: Request) -> AppState:
    state: AppState = request.app.state.storyline
    return state


async def read_access(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)] = None,
) -> None:
    """With ``--private``, every read needs a token (and counts against its rate)."""
    del credentials  # declared for the OpenAPI document; the gate reads the header itself
    state = _state(request)
    if state.settings.private:
        state.gate.admit(request.headers.get("authorization"))


async def write_access(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)] = None,
) -> None:
    """Writes always need a token, and count against its rate."""
    del credentials
    _state(request).gate.admit(request.headers.get("authorization"))
