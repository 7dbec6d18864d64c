"""From spaCy's entity spans to clean name spans with a sensible label.

The span is cut to the name itself (no leading "the", title, quotation mark or
trailing possessive); junk is dropped (photo credits, lone letters, a title alone,
shouted text); a person split in two by the tagger is joined; and a name the small
model labelled ORG or GPE is relabelled PERSON when its context says so (a title
before it, an apposition to a job, the subject of a verb of saying).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from storyline.analyze.naming.folding import TITLES, fold, name_tokens
from storyline.analyze.naming.kinds import ORG_WORDS
from storyline.lexicon.calendar import MONTH_NAME, WEEKDAY_NAME
from storyline.lexicon.labels import NAME_LABELS
from storyline.nlp import doc_ents, doc_text

#: Demonyms and country short forms that stand before a title ("US President ...").
_DEMONYM = re.compile(r"^(?:[A-Z]{2,3}|[A-Z][a-z]+(?:ian|ean|ese|ish|an|i|ic|ch))$")


#: The patterns :func:`clean_span` reads a span with, compiled once.
_PIECE = re.compile(r"[^\n]+?(?=\s{2,}|\n|$)")
_LEAD = re.compile(r"^[\s\"“”‘’'(\[.,;:-]*")
_ARTICLE = re.compile(r"(the|The|THE)\s+")
_FIRST_WORD = re.compile(r"([A-Za-z][\w.'’-]*)\s+")
_TRAIL = re.compile(r"(?:['’]s?|[\s\"“”‘’()\[.,;:!?-])*$")
_POSSESSIVE = re.compile(r"['’]s?\s*$")


def clean_span(doc: Any, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Character bounds of the name proper inside an entity span, or None for junk."""
    text = doc_text(doc)[start:end]
    # An entity running over a paragraph break or masked boilerplate is two things:
    # keep the longest piece, which is the name the tagger meant.
    pieces = [(m.start(), m.end()) for m in _PIECE.finditer(text)]
    if len(pieces) > 1:
        ps, pe = max(pieces, key=lambda p: p[1] - p[0])
        start, end = start + ps, start + pe
        text = doc_text(doc)[start:end]
    # Leading punctuation, articles and (for people) titles are not part of the name.
    lead = _LEAD.match(text)
    cut = lead.end() if lead else 0
    while True:
        m = _ARTICLE.match(text[cut:])
        if m and label != "WORK_OF_ART":
            cut += m.end()
            continue
        m = _DATE_WORD.match(text[cut:])
        if m and label not in ("PERSON", "EVENT", "WORK_OF_ART"):
            cut += m.end()  # "February White House meeting": the month is not the name
            continue
        if label == "PERSON":
            m = _FIRST_WORD.match(text[cut:])
            word = fold(m.group(1)).rstrip(".") if m else ""
            rest = text[cut + m.end() :] if m else ""
            nxt = fold(rest.split()[0]).rstrip(".") if rest.split() else ""
            demonym = m is not None and bool(_DEMONYM.match(m.group(1))) and nxt in TITLES
            if m and (word in TITLES or demonym) and rest:
                cut += m.end()
                continue
            if m and rest and _not_a_name_word(doc, start + cut):
                cut += m.end()  # "Asserting Clinton", "Certainly Donald Trump"
                continue
        break
    text = text[cut:]
    start += cut
    trail = _TRAIL.search(text)
    if trail and trail.start() > 0:
        possessive = _POSSESSIVE.search(text)
        keep = trail.start()
        if possessive is None:
            keep = len(text.rstrip(' \t\n"“”‘’()[.,;:!?-'))
        text = text[:keep]
    end = start + len(text)
    if not worth_keeping(text):
        return None
    return start, end


#: Parts of speech of a word that opens no person's name: a verb's participle, an adverb,
#: a preposition or a conjunction the tagger ran into the name after it.
_NOT_NAME_POS = frozenset({"VERB", "ADV", "ADP", "SCONJ", "CCONJ", "DET", "PRON"})


def _not_a_name_word(doc: Any, pos: int) -> bool:
    """Whether the word at character ``pos`` is tagged as a verb, an adverb, a
    preposition or a conjunction, not a name ("Asserting Clinton", "Without Bloomberg")."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[0]
    return tok.pos_ in _NOT_NAME_POS and tok.tag_ not in ("NNP", "MD")  # "Will Doyle"


_DATE_WORD = re.compile(rf"(?:{MONTH_NAME}|{WEEKDAY_NAME})(?:['’]s)?\s+(?=[A-Z])")

#: A plural of initials ("PoWs", "MPs", "CEOs") is a common noun, not a name.
_PLURAL_INITIALS = re.compile(r"^[A-Z][A-Za-z]*[A-Z]s$")


#: Time zones, months and weekdays: the tagger calls "AEST" an organisation and "May"
#: a person, but they name no one.
_NOT_A_NAME = frozenset(
    """utc gmt bst cet cest eet eest msk ist jst kst hkt sgt aest aedt acst acdt
    awst nzst nzdt est edt cst cdt mst mdt pst pdt akst akdt hst et pt ct mt
    january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday""".split()  # noqa: SIM905
)


def worth_keeping(text: str) -> bool:
    """Whether a cleaned entity text can be a name (not whitespace, a letter or lower-case,
    a time zone, month or weekday)."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 2 or "/" in text or "@" in text or _PLURAL_INITIALS.match(text):
        return False
    if all(w.rstrip(".") in _NOT_A_NAME for w in name_tokens(text)):
        return False
    if all(w.rstrip(".") in TITLES for w in name_tokens(text)):
        return False  # "Pope", "the President": a title alone names nobody
    return not text.islower()


def shouting(doc: Any, start: int, end: int) -> bool:
    """Whether the text around a span is written in capitals (a quoted post, a slogan)."""
    window = doc_text(doc)[max(0, start - 40) : end + 40]
    letters = "".join(filter(str.isalpha, window))  # per character, without a Python loop
    return len(letters) > 30 and sum(map(str.isupper, letters)) > 0.8 * len(letters)


#: The space between two pieces of one person's name: " " or " der ", " van de ".
_PARTICLE_GAP = re.compile(r"^ (?:(?:von|van|de|der|den|la|le|da|di|du|ter|al|bin|ibn) )*$")
_NOT_NAMES = frozenset({"NORP", "GPE"})


def merged_ents(doc: Any) -> list[tuple[int, int, str]]:
    """Entity bounds and labels; a person's name split in two by the tagger is joined.

    The small English model often cuts "Yury Ushakov" into an ORG and a PERSON: two
    capitalised entities one space apart, one of them a person, are one person.
    """
    out: list[tuple[int, int, str]] = []
    for ent in doc_ents(doc):
        if ent.label_ not in NAME_LABELS:
            continue
        if out:
            ps, pe, pl = out[-1]
            gap = doc_text(doc)[pe : ent.start_char]
            if _PARTICLE_GAP.match(gap) and "PERSON" in (pl, ent.label_) and pl not in _NOT_NAMES:
                out[-1] = (ps, ent.end_char, "PERSON")
                continue
            if gap == " " and len(ent) == 1 and " " not in doc_text(doc)[ps:pe]:
                # "Petra" ORG + "Wendt" PRODUCT: two lone capitalised words are one name.
                out[-1] = (ps, ent.end_char, pl)
                continue
        out.append((ent.start_char, ent.end_char, _person_label(doc, ent)))
    return out


#: Verbs whose subject is usually a person when the name looks like one.
_SAYING = frozenset(
    """say tell write add post describe call urge warn claim insist announce ask reply
    explain argue admit deny confirm vow promise thank lament""".split()  # noqa: SIM905
)


def _person_label(doc: Any, ent: Any) -> str:
    """PERSON for a name the tagger labelled otherwise but that reads as a person's.

    Evidence: a person's title before it or at its start ("Mayor Ole Brink"), or a
    two- or three-word name with no organisation word as the subject of a verb of saying.
    """
    label = str(ent.label_)
    if label in ("PERSON", "NORP", "EVENT", "LAW"):
        return label
    words = ent.text.split()
    if not words:
        return label
    prev = doc[ent.start - 1].text if ent.start > 0 else ""
    if any(fold(w) in ORG_WORDS for w in words):
        return label  # "Defence Ministry" starts with a title word but is no person
    first = fold(words[0]).rstrip(".")
    if (first in TITLES and len(words) > 1 and first not in ("state", "home", "foreign")) or (
        fold(prev).rstrip(".") in _PERSON_TITLES
    ):
        return "PERSON"
    if not 2 <= len(words) <= 3 or not all(w.isalpha() and w.istitle() for w in words):
        return label
    if any(fold(w) in ORG_WORDS for w in words):
        return label
    if _beside_role(doc, ent):
        return "PERSON"
    head = ent.root
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in _SAYING:
        return "PERSON"
    return label


#: Nouns naming a person's job, met in appositions ("its chairman, Emil Varga,").
_ROLES = frozenset(
    """chairman chairwoman chair president minister spokesman spokeswoman spokesperson
    governor mayor director executive officer secretary chief head leader aide adviser
    advisor deputy analyst manager founder editor engineer lawyer judge economist
    resident witness teacher doctor professor researcher representative""".split()  # noqa: SIM905
)


def _beside_role(doc: Any, ent: Any) -> bool:
    """Whether a name stands in apposition to a job noun, before or after it."""
    if ent.start >= 2 and doc[ent.start - 1].text == "," and doc[ent.start - 2].lower_ in _ROLES:
        return True
    if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
        for tok in doc[ent.end + 1 : min(len(doc), ent.end + 5)]:
            if tok.lower_ in _ROLES:
                return True
            if tok.is_punct:
                break
    return False


#: Titles that only ever stand before a person's name.
_PERSON_TITLES = frozenset(
    """mr mrs ms dr mayor governor senator president minister judge coach sir dame
    chancellor premier sheikh prof professor lawyer""".split()  # noqa: SIM905
)


#: Labels under which the tagger takes a capitalised common word for a name.
_WORDISH = frozenset({"ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


def word_shapes(text: str) -> Counter[str]:
    """Each word of a text as spelt, with its count (read once; counted at C speed)."""
    return Counter(re.findall(r"[^\W\d_]+", text))


def common_word(text: str, start: int, end: int, label: str, shapes: Counter[str]) -> bool:
    """Whether a one-word mention is a common word capitalised for emphasis.

    "a Ceasefire and an END to the War" in a quoted post: the article writes the same
    word in lower case elsewhere and in capitals nowhere else. ``shapes`` comes from
    :func:`word_shapes` of the same text.
    """
    word = text[start:end]
    if label not in _WORDISH or " " in word or not word.isalpha():
        return False
    low = word.lower()
    if not shapes.get(low) or low.lower() != low:
        return False  # never written in lower case
    # the spellings of the word with a capital (few words get this far)
    return sum(n for w, n in shapes.items() if w != low and w.lower() == low) == 1
