"""What event a figure belongs to: event noun, target and place, read from its sentence.

"a drone hit a bus ... in the Marino region, killing six" becomes "drone strike on
bus in Marino". A sentence that points back ("in the attack", "the crash") takes
the event and target of the previous harm claim of the article and adds its own
places, so "Eight were hurt in that attack in Velka" joins the bus strike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storyline.lexicon.labels import PLACE_LABELS
from storyline.model import Mention
from storyline.nlp import doc_lemmas, doc_strings, span_ents

EVENT_NOUNS = frozenset(
    """
    strike airstrike attack shelling bombardment bombing explosion blast crash collision
    shooting stabbing fire blaze flood flooding earthquake quake storm hurricane tornado
    landslide avalanche talks negotiation exchange swap call meeting raid incident accident
    assault offensive barrage rampage riot protest clash clashes fighting ambush derailment
    wreck pileup collapse outbreak eruption siege massacre standoff hijacking kidnapping
    stampede tsunami cyclone heatwave typhoon wildfire war invasion
    """.split()  # noqa: SIM905
)
VERB_EVENTS = {
    "hit": "strike", "strike": "strike", "crash": "crash", "collide": "crash",
    "shoot": "shooting", "stab": "stabbing", "explode": "explosion", "attack": "attack",
    "shell": "shelling", "bomb": "bombing", "burn": "fire", "derail": "derailment",
    "collapse": "collapse", "swap": "swap", "exchange": "exchange", "capture": "capture",
}  # fmt: skip
TARGETS = frozenset(
    """
    bus minibus coach car truck lorry van train tram subway metro plane aircraft helicopter
    boat ship ferry vehicle motorcycle bicycle building house home apartment school hospital
    market church mosque synagogue shop store restaurant bar nightclub club factory plant
    station hotel office mall supermarket warehouse farm bridge dormitory prison camp convoy
    """.split()  # noqa: SIM905
)
AREA_NOUNS = frozenset(
    ["region", "province", "oblast", "district", "county", "city", "town", "village", "state"]
)
#: Verbs that make their subject or object the thing an incident happened to.
INCIDENT_VERBS = frozenset(
    """derail overturn capsize plunge collide crash sink burn explode catch hit strike
    kill injure wound carry evacuate board travel ride die""".split()  # noqa: SIM905
)
#: Definite references back to an event already described.
BACK_REFERENCES = frozenset({"attack", "strike", "crash", "blast", "explosion", "incident",
                             "shooting", "fire", "collision", "accident", "stabbing",
                             "bombing", "shelling", "blaze", "assault", "raid"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class EventContext:
    """The event of a sentence: its noun, what it hit, where, and when."""

    event: str = ""
    target: str = ""
    places: tuple[str, ...] = ()
    date: str | None = None

    def describe(self) -> str:
        """A short description: "drone strike on bus in Marino, Velka"."""
        parts = [self.event] if self.event else []
        if self.target:
            parts.append(f"on {self.target}" if self.event else self.target)
        if self.places:
            parts.append("in " + ", ".join(self.places))
        return " ".join(parts)

    def without_target(self) -> EventContext:
        """The same event with no target (for a figure the target does not belong to)."""
        return EventContext(self.event, "", self.places, self.date)

    def empty(self) -> bool:
        """Whether nothing is known of the event."""
        return not (self.event or self.target or self.places)


def _with_lemma(sent: Any, words: Any) -> list[Any]:
    """The tokens of a sentence whose lower-cased lemma is one of ``words``, in order
    (read from the doc's column: no token made for the others)."""
    lemmas, doc = doc_lemmas(sent.doc), sent.doc
    return [doc[i] for i in range(sent.start, sent.end) if lemmas[i] in words]


def _event_word(sent: Any) -> str:
    for tok in _with_lemma(sent, EVENT_NOUNS):
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("NOUN", "PROPN") and lemma in EVENT_NOUNS:
            mods = [c.lower_ for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
            word = tok.lower_ if tok.tag_ == "NNS" else lemma
            return " ".join([*mods, word])
    for tok in _with_lemma(sent, VERB_EVENTS):
        lemma = tok.lemma_.lower()
        shot_down = any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children)
        if tok.pos_ == "VERB" and lemma in VERB_EVENTS and not shot_down:
            event = VERB_EVENTS[lemma]
            subj = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
            if event == "strike" and subj and subj[0].lemma_.lower() in ("drone", "missile"):
                return f"{subj[0].lemma_.lower()} strike"
            return event
    return ""


def target_token(sent: Any) -> Any | None:
    """The first thing hit or involved (bus, car, school) that the event's words govern."""
    for tok in _with_lemma(sent, TARGETS):
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in TARGETS and _involved(tok):
            return tok
    return None


def _involved(tok: Any) -> bool:
    """Whether a target noun is tied to an event word ("hit a bus", "the train derailed")."""
    cur = tok
    for _ in range(4):
        head = cur.head
        lemma = head.lemma_.lower()
        if lemma in VERB_EVENTS or lemma in EVENT_NOUNS or lemma in INCIDENT_VERBS:
            return True
        if head.pos_ == "NUM":
            return True  # "four on a ferry"
        if head.i == cur.i:
            return False
        cur = head
    return False


def _target(sent: Any) -> str:
    tok = target_token(sent)
    return str(tok.lemma_.lower()) if tok is not None else ""


def _places(sent: Any, mentions: tuple[Mention, ...]) -> tuple[str, ...]:
    start, end = sent.start_char, sent.end_char
    names: list[str] = []
    inside = [m for m in mentions if start <= m.span.start and m.span.end <= end]
    doc, pos = sent.doc, doc_strings(sent.doc, "POS")
    span = range(sent.start, sent.end)
    adjectives = {doc[i].idx for i in span if pos[i] == "ADJ"}  # "Russian" names no place
    if inside:
        found = [m.text for m in inside
                 if m.label in PLACE_LABELS and m.span.start not in adjectives]  # fmt: skip
    else:
        found = [e.text for e in span_ents(sent)
                 if e.label_ in PLACE_LABELS and e.start_char not in adjectives]  # fmt: skip
    for tok in (doc[i] for i in span if pos[i] == "PROPN"):  # when the tagger misses
        if (  # the name: "Marino region"
            tok.pos_ == "PROPN"
            and tok.dep_ == "compound"
            and tok.head.lemma_.lower() in AREA_NOUNS
            and not any(tok.text in f for f in found)
        ):
            found.append(tok.text)
    for name in found:
        clean = name.removeprefix("the ").removesuffix("'s").removesuffix("’s").strip()
        if clean and clean not in names:
            names.append(clean)
    return tuple(names[:3])


def _points_back(sent: Any) -> bool:
    for tok in _with_lemma(sent, BACK_REFERENCES):
        if tok.lemma_.lower() in BACK_REFERENCES and any(
            c.lower_ in ("the", "this", "that") for c in tok.children
        ):
            return True
    return False


def sentence_event(
    sent: Any,
    mentions: tuple[Mention, ...],
    date: str | None,
    previous: EventContext | None,
) -> EventContext:
    """The event a sentence's figures belong to, joined to ``previous`` when it points back."""
    event, target, places = _event_word(sent), _target(sent), _places(sent, mentions)
    if previous is not None and _points_back(sent) and not target:
        merged = previous.places + tuple(p for p in places if p not in previous.places)
        return EventContext(
            previous.event or event, previous.target, merged[:4], date or previous.date
        )
    return EventContext(event, target, places, date)
