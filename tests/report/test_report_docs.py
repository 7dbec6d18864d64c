"""docs/output.md documents every key the serialisers write."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from storyline.model import Digest
from storyline.report import analysis_to_dict, digest_to_dict

DOC = Path(__file__).resolve().parents[2] / "docs" / "output.md"


def _keys(value: Any, skip: frozenset[str] = frozenset()) -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        for k, v in value.items():
            found.add(k)
            # Maps keyed by article id (duplicate_of, date_evidence) have data as keys.
            found |= _keys(v, skip) if k not in skip else set()
    elif isinstance(value, list):
        for v in value:
            found |= _keys(v, skip)
    return found


def test_docs_output_md_covers_every_written_key(digest: Digest) -> None:
    story = replace(
        digest.stories[0], duplicate_of={"a3": "a1"}, date_evidence={"a3": ("one reason",)}
    )
    digest = replace(digest, stories=(story, *digest.stories[1:]))
    assert story.disputes and story.coverage is not None
    documented = set(re.findall(r"`([a-z_]+)`", DOC.read_text(encoding="utf-8")))
    written = _keys(digest_to_dict(digest), frozenset({"duplicate_of", "date_evidence"}))
    for aid, analysis in digest.analyses.items():
        article = next(a for a in digest.articles if a.id == aid)
        written |= _keys(analysis_to_dict(article, analysis))
    assert not written - documented
