"""A small reader for CAT XML (the format of ECB+, MEANTIME and SemEval-2015 Task 4).

A CAT document holds its text one token at a time (``<token t_id sentence number>``),
mentions in ``<Markables>`` (each pointing at tokens through ``<token_anchor t_id>``;
mentions without anchors are instances) and links in ``<Relations>`` (``source`` and
``target`` children naming markables by ``m_id``).

:func:`read_cat` rebuilds the text (tokens joined by a space, light detokenisation
around punctuation, one line per sentence) and keeps each token's character span, so
that gold spans can be compared with spans found by a system run on that text.

Usable as a library (``from cat import read_cat`` with ``eval/`` on ``sys.path``) or as a
script that prints a summary of one file.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

# No space before these tokens, none after the opening ones: enough to make the
# rebuilt text look like prose to a tagger, while every token keeps its own span.
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "#"})


@dataclass(frozen=True, slots=True)
class Token:
    """One token: id, sentence number, text and its character span in the rebuilt text."""

    id: str
    sentence: int
    number: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Markable:
    """A mention (with token anchors) or an instance (without) of a CAT document."""

    id: str
    tag: str
    attrs: dict[str, str]
    tokens: tuple[str, ...]
    start: int | None = None  # character span over the first..last anchored token
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """A link between markables (REFERS_TO, TLINK, CROSS_DOC_COREF, ...)."""

    id: str
    tag: str
    attrs: dict[str, str]
    sources: tuple[str, ...]
    targets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CatDocument:
    """A CAT document: rebuilt text, tokens, markables, relations, creation time."""

    doc_id: str
    name: str
    text: str
    tokens: tuple[Token, ...]
    markables: tuple[Markable, ...]
    relations: tuple[Relation, ...]
    creation_time: str | None
    attrs: dict[str, str] = field(default_factory=dict)

    def by_tag(self, tag: str) -> tuple[Markable, ...]:
        """The markables of one tag (e.g. ``TIMEX3``), in document order of their ids."""
        return tuple(m for m in self.markables if m.tag == tag)

    def token_index(self) -> dict[str, Token]:
        """Tokens by id."""
        return {t.id: t for t in self.tokens}

    def sentence_tokens(self, sentence: int) -> tuple[Token, ...]:
        """The tokens of one sentence, in order."""
        return tuple(t for t in self.tokens if t.sentence == sentence)


def _rebuild(raw: list[tuple[str, int, int, str]]) -> tuple[str, tuple[Token, ...]]:
    parts: list[str] = []
    tokens: list[Token] = []
    pos = 0
    prev_sentence: int | None = None
    prev_text = ""
    for tid, sentence, number, text in raw:
        if prev_sentence is not None:
            if sentence != prev_sentence:
                sep = "\n"
            elif text in _NO_SPACE_BEFORE or prev_text in _NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            pos += len(sep)
        tokens.append(Token(tid, sentence, number, text, pos, pos + len(text)))
        parts.append(text)
        pos += len(text)
        prev_sentence, prev_text = sentence, text
    return "".join(parts), tuple(tokens)


def read_cat(path: str | Path) -> CatDocument:
    """Parse one CAT XML file."""
    root = ET.parse(path).getroot()
    raw: list[tuple[str, int, int, str]] = []
    for el in root.iter("token"):
        raw.append(
            (
                el.get("t_id", ""),
                int(el.get("sentence", "0")),
                int(el.get("number", "0")),
                el.text or "",
            )
        )
    text, tokens = _rebuild(raw)
    index = {t.id: t for t in tokens}
    markables: list[Markable] = []
    for container in root.iter("Markables"):
        for el in container:
            tids = tuple(a.get("t_id", "") for a in el.iter("token_anchor"))
            anchored = [index[t] for t in tids if t in index]
            start = min(t.start for t in anchored) if anchored else None
            end = max(t.end for t in anchored) if anchored else None
            markables.append(
                Markable(el.get("m_id", ""), el.tag, dict(el.attrib), tids, start, end)
            )
    relations: list[Relation] = []
    for container in root.iter("Relations"):
        for el in container:
            relations.append(
                Relation(
                    el.get("r_id", ""),
                    el.tag,
                    dict(el.attrib),
                    tuple(s.get("m_id", "") for s in el.iter("source")),
                    tuple(t.get("m_id", "") for t in el.iter("target")),
                )
            )
    creation = next(
        (
            m.attrs.get("value")
            for m in markables
            if m.tag == "TIMEX3" and m.attrs.get("functionInDocument") == "CREATION_TIME"
        ),
        None,
    )
    return CatDocument(
        doc_id=root.get("doc_id", ""),
        name=root.get("doc_name", Path(path).stem),
        text=text,
        tokens=tokens,
        markables=tuple(markables),
        relations=tuple(relations),
        creation_time=creation,
        attrs=dict(root.attrib),
    )


def parse_date(raw: str | None) -> date | None:
    """A CAT creation time as a date (MEANTIME has a few in DD-MM-YYYY form)."""
    if not raw:
        return None
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%Y-%m-%dT%H:%M"):
        try:
            return datetime.strptime(raw[:16], fmt).date()
        except ValueError:
            continue
    return None


def read_folder(folder: str | Path) -> list[CatDocument]:
    """Every ``*.xml`` CAT file under a folder, sorted by path."""
    return [read_cat(p) for p in sorted(Path(folder).rglob("*.xml"))]


def main(argv: list[str]) -> int:
    """Print a one-line summary per file named on the command line."""
    for arg in argv:
        doc = read_cat(arg)
        tags: dict[str, int] = {}
        for m in doc.markables:
            tags[m.tag] = tags.get(m.tag, 0) + 1
        print(doc.doc_id, doc.creation_time, len(doc.tokens), "tokens", tags)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
