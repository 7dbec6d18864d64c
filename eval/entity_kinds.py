"""Entity errors of the kinds issue 13 names, flagged in the stories of a digest.

Reads a ``stories.json`` (``storyline digest INPUTS --out DIR``) and lists, per story:

- ``not-a-name``: an entity that is a time zone, month or weekday ("AEST", "September");
- ``split-org``: two organisation entities that are one name in another word order
  ("Defence Ministry" / "Ministry of Defence") or an acronym beside its expansion;
- ``split-demonym``: a demonym and its plural as two entities ("Russian" / "Russians"),
  or a demonym labelled as a place ("Turkish" GPE);
- ``place-as-org``: a known place (country, capital) labelled anything but a place, or
  a town (a place not in the built-in list) as the speaker of a quote;
- ``one-word-person``: a one-word PERSON entity — not always an error ("Leo"), printed
  for reading ("Flags", "Gazette").

The detectors are mechanical; ``one-word-person`` needs a reader's eye, and the counts
in docs/quality.md say which of its lines were errors.

    .venv/bin/python eval/entity_kinds.py OUT/stories.json [...]
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storyline.analyze.naming.cleanup import worth_keeping
from storyline.analyze.naming.folding import name_tokens
from storyline.analyze.naming.matching import acronym, org_order
from storyline.analyze.naming.places import place_key

_PLACES = {"GPE", "LOC"}


def flags(story: dict[str, Any]) -> list[tuple[str, str]]:
    """(kind, what) for each suspect entity of one story."""
    out: list[tuple[str, str]] = []
    ents = story.get("entities", [])
    labels = {e["name"]: e["label"] for e in ents}
    orgs = [e["name"] for e in ents if e["label"] == "ORG"]
    for e in ents:
        name, label = e["name"], e["label"]
        if not worth_keeping(name):
            out.append(("not-a-name", name))
        if place_key(name) is not None and label not in _PLACES:
            out.append(("place-as-org", f"{name} ({label})"))
        if label in _PLACES and re.fullmatch(r"[A-Z][a-z]+(?:ish|ese|ian)", name):
            out.append(("split-demonym", f"{name} ({label})"))
        if label == "PERSON" and len(name.split()) == 1:
            out.append(("one-word-person", name))
    seen: dict[tuple[str, ...], str] = {}
    for name in orgs:
        key = org_order(name_tokens(name))
        if key in seen:
            out.append(("split-org", f"{seen[key]} / {name}"))
        seen.setdefault(key, name)
    for short in orgs:
        toks = name_tokens(short)
        for full in orgs:
            if len(toks) == 1 and full != short and acronym(name_tokens(full)) == toks[0]:
                out.append(("split-org", f"{short} / {full}"))
    norp = {e["name"].lower(): e["name"] for e in ents if e["label"] == "NORP"}
    for low, name in norp.items():
        if low.endswith("s") and low[:-1] in norp:
            out.append(("split-demonym", f"{norp[low[:-1]]} / {name}"))
    for q in story.get("quotes", []):
        spk = q.get("speaker")
        # A country or capital speaking for its government is the news's metonymy; a town
        # as a speaker is an error ("the town council said" -> the town).
        if spk and labels.get(spk) == "GPE" and place_key(spk) is None:
            out.append(("place-as-org", f"speaker {spk} ({labels[spk]})"))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stories", nargs="*", type=Path, default=[Path("out/stories.json")])
    args = parser.parse_args(argv)
    for path in args.stories:
        if not path.is_file():
            print(f"{path}: not found (run `make run` or `storyline digest … --out DIR`)")
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for story in data["stories"]:
            found = flags(story)
            print(f"{path.parent.name}: {story['title']!r}: {len(found)} flagged")
            for kind, what in found:
                print(f"  {kind:16} {what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
