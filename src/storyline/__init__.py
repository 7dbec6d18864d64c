"""storyline: many news reports in, one story out.

The Python API is :func:`digest` and :func:`analyze` (:func:`analyze_to` writes its
JSONL); the ``storyline`` command only wraps them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["analyze", "analyze_to", "digest"]

if TYPE_CHECKING:
    from storyline.api import analyze, analyze_to, digest


def __getattr__(name: str) -> Any:
    # Import lazily: `import storyline` should not pay for spaCy.
    if name in __all__:
        from storyline import api

        return getattr(api, name)
    raise AttributeError(name)
