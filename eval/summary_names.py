"""Summary sentences that name a person by surname alone before the full name.

    .venv/bin/python eval/summary_names.py OUT/stories.json [...] [--verbose]

Reads a digest's ``stories.json`` and counts, per file, the summary sentences that write
a person by a bare surname (or a title and a surname: "Inspector Reed") where no sentence
before it, and no words before it in the same sentence, give that person a spelling of two
words or more. A person is a PERSON entity of the story with a name of two words or more
ending on the surname, whose variants hold the bare surname (and no place or body of the
story is written so); where several people share the surname, the one at least twice as
widely reported (by articles) as the next is meant, else the sentence is not counted (it
is unclear whom it names). Written apart from the summariser (``story/summary/edit.py``),
with its own reading of the page (issue 15: an editor introduces a person by the fullest
name the story knows).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

_WORD = re.compile(r"(?<![\w’'.-])([A-Z][a-z][\w’'-]*)")
_BEFORE = re.compile(r"\b([A-Z][\w’'.-]*)\s+$")
_TITLE_WORDS = (
    "mr mrs ms miss dr inspector insp sgt sergeant officer detective det lt lieutenant "
    "capt captain chief president senator sen judge deputy sheriff coach governor gov "
    "mayor trooper pastor rev"
)
_TITLE = frozenset(_TITLE_WORDS.split())


def _owner(word: str, people: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    found = [e for e in people if e["name"].split()[-1] == word]
    ranked = sorted(found, key=lambda e: -len(e.get("articles", ())))
    if len(ranked) > 1 and len(ranked[0]["articles"]) < 2 * len(ranked[1]["articles"]):
        return None
    return ranked[0] if ranked and word in ranked[0].get("variants", ()) else None


def _full(e: Mapping[str, Any]) -> list[str]:
    forms = [e["name"], *e.get("variants", ())]
    return [f for f in forms if any(w.lower().rstrip(".") not in _TITLE for w in f.split()[:-1])]


def surname_first(story: Mapping[str, Any]) -> list[str]:
    """The summary sentences of a story naming a person by surname before the full name."""
    people = [
        e
        for e in story.get("entities", [])
        if e["label"] == "PERSON" and len(e["name"].split()) >= 2
    ]
    # a word the story gives a place or a body ("Egypt") is not a surname
    others = {
        v
        for e in story.get("entities", [])
        if e["label"] != "PERSON"
        for v in (e["name"], *e.get("variants", ()))
    }
    told, out = "", []
    for sentence in story.get("summary", []):
        text = sentence["text"]
        for m in _WORD.finditer(text):
            word = re.sub(r"[’']s?$", "", m.group(1))
            before = _BEFORE.search(text[: m.start()])
            if before and before.group(1).lower().rstrip(".") not in _TITLE:
                continue  # a name of more words ("Pierre Thomas")
            if re.match(r"\s+[A-Z]", text[m.end() :]):
                continue
            person = _owner(word, people) if word not in others else None
            if person is None or any(f in told + text[: m.end()] for f in _full(person)):
                continue
            out.append(f"{word} ({person['name']}): {text[:100]}")
            break
        told += " " + text
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    total = 0
    for path in args.files:
        stories = json.loads(path.read_text(encoding="utf-8"))["stories"]
        found = [(s["id"], line) for s in stories for line in surname_first(s)]
        total += len(found)
        print(f"{path}\t{len(stories)} stories\t{len(found)} sentences")
        for story, line in found if args.verbose else ():
            print(f"    {story} {line}")
    print(f"total\t{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
