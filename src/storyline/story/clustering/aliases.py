"""Other ways reports write one person or one place, for matching across reports.

Local reports of one incident rarely write a name the same way. A court story
adds a middle name or "II" to the suspect the first reports named plainly
("Gabriel Mejia", "Gabriel E. Mejia", "Gustav Duane Christianson II"); one
outlet names the town ("Aurora"), another only its police ("Aurora Police
Department"). These helpers
give such variants one key. They read only a report's own features and, for
places, which names some report has tagged as a place (learned from the reports
themselves, like document frequencies), never a list of real names.

An institution's name may go on past its institution word with a rank or an
office ("Harwick Police Sgt.", "Tanner County Auditor"); the town is still the
words before the first institution word (any other word after it, and the name is
no institution's: a league, a programme). "X City Schools" gives "X City", or "X" when only that is
tagged as a place somewhere.

Tried on the GVA tuning folds and left out, as they cost the fictional local sets
their storylines: a street's name alone ("Ketchum" of "Ketchum Road") and a name
the tagger filed as an organisation ("Thornton") as places (quality.md, #12).
"""

from __future__ import annotations

from collections.abc import Callable

from storyline.story.clustering.features import HONORIFICS, OFFICES, SITE, DocFeatures

#: Generational suffixes that some reports add to a name and others leave out.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "2nd", "3rd"})

#: Words that follow a town's or county's name when an institution of it is meant:
#: "Aurora Police Department", "Montgomery County Jail", "Richmond County Coroner".
INSTITUTION_TAIL = frozenset(
    {"police", "department", "dept", "pd", "sheriff", "sheriffs", "office", "jail"}
    | {"coroner", "coroners", "court", "courts", "courthouse", "fire", "rescue", "ems"}
    | {"school", "schools", "district", "public", "safety", "housing", "authority"}
    | {"commission", "council", "prosecutor", "prosecutors", "attorney", "attorneys"}
    | {"medical", "examiner", "examiners", "division", "bureau", "unit", "services"}
    | {"municipal", "circuit", "superior", "common", "pleas", "juvenile", "detention"}
    | {"center", "centre", "hospital", "emergency", "communications", "government"}
)

#: A county's offices, named "<County> Auditor": an institution word for a place's head
#: only (a person may well be named "Clerk").
COUNTY_OFFICES = frozenset({"auditor", "clerk", "treasurer", "assessor", "recorder"})

#: What may follow the first institution word of a name whose head is a town: more
#: institution words, a rank or an office ("X Police Sgt.", "X County Auditor"); any
#: other word makes the name something else ("X Police Athletic League").
_AFTER_INSTITUTION = INSTITUTION_TAIL | COUNTY_OFFICES | OFFICES | HONORIFICS | {"officers"}

#: Words that open a place's formal name: "City of Des Moines".
_FORMAL_HEAD = ("city of ", "town of ", "village of ", "township of ", "county of ")


def person_parts(key: str) -> list[str]:
    """The words of a person's name key without generational suffixes or initials
    after the first word: "gustav duane christianson ii" -> gustav, duane, christianson."""
    words = [w for w in key.split() if w not in NAME_SUFFIXES]
    return [w for i, w in enumerate(words) if i == 0 or len(w) > 1]


def surname(key: str) -> str:
    """A person's surname: the last word that is no suffix ("christianson" of "... ii")."""
    parts = person_parts(key)
    return parts[-1] if parts else key


def person_key(key: str) -> str:
    """First name and surname: "gabriel e mejia" and "gabriel mejia ii" are one person."""
    parts = person_parts(key)
    return " ".join((parts[0], parts[-1])) if len(parts) > 1 else " ".join(parts)


_VOWELS = frozenset("aeiouy")


def spelling_key(person: str) -> str:
    """A person key that two spellings of one name share: each word's first letter,
    then its consonants with doubled letters once ("jeffery" and "jeffrey" -> "jfr",
    "mohammed" and "muhammad" -> "mhmd"). Reports of one incident spell a victim's
    name two ways as often as they add a middle name."""
    words = []
    for word in person.split():
        rest = [c for c in word[1:] if c not in _VOWELS]
        squeezed = [c for i, c in enumerate(rest) if i == 0 or c != rest[i - 1]]
        words.append(word[:1] + "".join(squeezed))
    return " ".join(words)


def place_head(key: str) -> str | None:
    """The town or county an institution's name starts with, or a formal name's place:
    "aurora police department" -> "aurora", "city of des moines" -> "des moines",
    "aurora police sgt" -> "aurora" (the words before the first institution word;
    only institution words, a rank or an office may follow it); None when nothing is
    left, nothing was cut, or other words follow."""
    text = key
    for head in _FORMAL_HEAD:
        if text.startswith(head):
            text = text[len(head) :]
            break
    words = text.split()
    cut = next(
        (i for i, w in enumerate(words) if w in INSTITUTION_TAIL or w in COUNTY_OFFICES),
        len(words),
    )
    if not all(w in _AFTER_INSTITUTION for w in words[cut:]):
        return None
    head = " ".join(words[:cut])
    return head if head and head != key else None


def head_forms(head: str) -> tuple[str, ...]:
    """A place head and, when it ends in "city", the town without it: "lowmere city"
    (of "Lowmere City Schools") may be tagged as a place nowhere, "lowmere" is."""
    words = head.split()
    if len(words) > 1 and words[-1] == "city":
        return (head, " ".join(words[:-1]))
    return (head,)


def is_institution(key: str) -> bool:
    """Whether a "place" is only an institution's words ("office", "police department"):
    page debris or a tagger's slip that says nothing of where."""
    return all(w in INSTITUTION_TAIL for w in key.split())


def place_aliases(features: DocFeatures, is_place: Callable[[str], bool]) -> list[str]:
    """Towns and counties a report names through an institution of theirs.

    Each is the head of one of its places or names ("Aurora" of "Aurora Police
    Department", "Des Moines" of "City of Des Moines") that some report tags as a
    place (``is_place``). Only a report that names a place of its own gets them:
    a report that names none conflicts with no place, and its police force (often
    a county's, covering many towns) must not give it one. People are never places,
    nor is a street's name ("Kell" of "Kell Court") an institution's.
    """
    own = set(features.places)
    out: list[str] = []
    if not own:
        return out
    for key, label in features.entities:
        if label in ("PERSON", SITE):
            continue
        head = place_head(key)
        if not head:
            continue
        form = next((f for f in head_forms(head) if is_place(f)), None)
        if form and form not in own and form not in out:
            out.append(form)
    return out


#: The most words of a place read inside a headline's run ("san juan capistrano").
HEADLINE_PLACE_WORDS = 3


def headline_places(features: DocFeatures, is_place: Callable[[str], bool]) -> list[str]:
    """Towns a report names only in its headline ("Lowmere man shot"): the tagger
    reads the text, and a short page or a brief may name its town nowhere else.

    Each run of capitalised words of the headline is read from its first word on,
    its longest stretch of at most three words that some reports tag as a place
    (``is_place``) taken first; institution words alone ("Police") are no place.
    """
    own = set(features.places)
    out: list[str] = []
    for run in features.headline_names:
        words = run.split()
        i = 0
        while i < len(words):
            for n in range(min(HEADLINE_PLACE_WORDS, len(words) - i), 0, -1):
                key = " ".join(words[i : i + n])
                if is_place(key) and not is_institution(key):
                    if key not in own and key not in out:
                        out.append(key)
                    i += n
                    break
            else:
                i += 1
    return out
