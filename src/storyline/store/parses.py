"""The parse cache kept beside the database: spaCy parses of timeline sentences.

A cache only: a missing, stale (other pipeline or spaCy version) or broken file
means the sentences are parsed again, never that the run fails.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

#: The cache file is the database path plus this suffix.
PARSES_SUFFIX = ".parses"


def parses_path(db_path: str) -> Path | None:
    """Where the parse cache of a database lives (None in memory or on a database server)."""
    if db_path == ":memory:" or "://" in db_path:
        return None
    return Path(db_path + PARSES_SUFFIX)


def _pipeline_tag(nlp: Any) -> bytes:
    """What the cached parses depend on: the pipeline and spaCy versions."""
    from spacy import about

    meta = nlp.meta
    name = f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
    return f"{name} {about.__version__}\n".encode()


def load_parses(path: Path, nlp: Any) -> dict[str, Any]:
    """The parses a previous run kept, by sentence text (none if absent, stale or broken)."""
    from spacy.tokens import DocBin

    try:
        data = path.read_bytes()
        tag = _pipeline_tag(nlp)
        if not data.startswith(tag):
            return {}
        docs = DocBin().from_bytes(data[len(tag) :]).get_docs(nlp.vocab)
        return {doc.text: doc for doc in docs}
    except Exception:  # a broken cache is only a cache: parse again
        return {}


def save_parses(path: Path, nlp: Any, docs: Mapping[str, Any]) -> None:
    """Keep this run's parses for the next one (written whole, then renamed into place)."""
    from spacy.tokens import DocBin

    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_bytes(_pipeline_tag(nlp) + DocBin(docs=docs.values()).to_bytes())
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)  # a cache: the run goes on without it
