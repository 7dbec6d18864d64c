"""The tense of the clause that governs a time expression, read from the parse.

It decides which way a relative expression points: "will speak on Monday" forward,
"met on Monday" back, "could not be reached Monday" back (a failure told, not a plan),
"will speak after the council meets Monday" forward. docs/times.md lists the rules.
"""

from __future__ import annotations

from typing import Any

#: Verbs whose infinitival complement happens later than the verb itself.
_FUTURE_GOVERNORS = frozenset(
    {
        "plan", "expect", "schedule", "set", "due", "intend", "hope", "aim", "want",
        "promise", "vow", "prepare", "threaten", "propose", "agree", "pledge", "seek",
        "wish", "offer", "decide", "go", "like", "need", "urge", "call", "invite", "ask",
        "likely", "able", "ready", "poise", "slate", "tip", "suppose",
    }
)  # fmt: skip
#: Governors whose simple past tells that their infinitive was carried out ("was able
#: to", "decided to"), not that it lies ahead of the telling.
_DONE_WHEN_PAST = frozenset({"able", "decide"})
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "could", "might", "may", "ca"})
#: Modals whose perfect looks back ("may have caused", "would have met Monday"); "will
#: have finished by Friday" still looks ahead.
_PERFECT_MODALS = frozenset({"would", "could", "might", "may", "must", "should", "ca"})
_PAST_AUX = frozenset({"was", "were", "had", "did", "'d"})
#: Verbs that put their date in the future whatever their own tense.
_SCHEDULED = frozenset({"schedule", "slate", "reschedule", "postpone", "delay", "adjourn"})

#: Verbs whose object's date lies ahead of the verb ("planned a rally on Saturday").
_PLANNED = frozenset({"plan", "arrange"})
#: A verb that moves or fixes a date, with the preposition that names the new date:
#: "extended the deadline until Friday", "moved the talks to Saturday", "set the funeral
#: for Saturday", "called a strike for Monday" look ahead even in the simple past (the
#: date told is the one agreed, not the day of the telling).
_RESET = {
    "extend": frozenset({"until", "till", "to", "through"}),
    "move": frozenset({"to"}),
    "push": frozenset({"to", "until"}),
    "bring": frozenset({"to"}),
    "set": frozenset({"for"}),
    "fix": frozenset({"for"}),
    "call": frozenset({"for"}),
}


def _verb_tense(verb: Any, depth: int = 0) -> str:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    # "Markets will be closed Monday": the parser may hang "will" on the passive "be"
    auxes += [g for a in auxes for g in a.children if g.dep_ == "aux"]
    aux_words = {a.lower_ for a in auxes}
    if "had" in aux_words and not aux_words & _FUTURE_AUX:
        return "past"  # "had been scheduled to expire Friday": a plan now past
    if aux_words & {"have", "'ve"} and aux_words & _PERFECT_MODALS:
        return "past"  # "may have been responsible Wednesday": a guess about the past
    if _refused(verb, aux_words):
        return "past"  # "could not be reached Tuesday", "would not comment Monday"
    if _seen(verb, aux_words):
        return "past"  # "medics could be seen treating him Wednesday": what was seen
    if aux_words & _FUTURE_AUX or verb.lemma_.lower() in _SCHEDULED:
        return "future"  # "will meet", "a hearing has been scheduled", "set for Monday"
    if any(a.lower_ == "to" for a in auxes) and depth < 3:
        head = verb.head
        if verb.dep_ == "advcl" and head.i != verb.i and head.pos_ in ("VERB", "AUX"):
            # a purpose: "someone called 911 to report a dispute Sunday night" is when
            # the call was, not a plan
            return _verb_tense(head, depth + 1)
        # "had planned to", "had been due to expire Friday" (the copula heads "due")
        governors = [head, head.head] if head.pos_ == "ADJ" else [head]
        if head.i != verb.i and any(
            c.dep_ in ("aux", "auxpass") and c.lower_ == "had"
            for g in governors
            for c in g.children
        ):
            return "past"
        if (
            head.i != verb.i
            and head.lemma_.lower() in _DONE_WHEN_PAST
            and any(g.tag_ == "VBD" for g in governors)
        ):
            # "were able to trace the call Friday", "decided to settle the feud Sunday
            # night": told in the simple past, what the verb opens has been done
            return "past"
        if head.i != verb.i and (
            head.lemma_.lower() in _FUTURE_GOVERNORS
            or (head.lemma_ == "be" and verb.lemma_.lower() != "blame")
        ):
            return "future"  # "plans to resume", "is to resume trading on Tuesday"
        if head.i != verb.i and head.lemma_ == "be":
            return _verb_tense(head, depth + 1)  # "is to blame for Tuesday's shooting"
        if head.i != verb.i and head.pos_ in ("VERB", "AUX", "ADJ"):
            return _verb_tense(head, depth + 1)
        return "future"
    if aux_words & _PAST_AUX or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and aux_words & {"has", "have", "'ve"}:
        return "perfect"
    if verb.tag_ == "VBN":
        # "has met", "talks held on Friday": perfect and reduced passives look back.
        if aux_words & {"is", "are", "am", "be", "'s", "'re"} and verb.dep_ != "relcl":
            return "present"
        return "past"
    if verb.tag_ == "VBG" and aux_words & {"is", "are", "am", "'s", "'re"}:
        if verb.lemma_.lower() in _INQUIRY and (
            verb.lemma_.lower() != "look" or any(c.lower_ in ("for", "into") for c in verb.children)
        ):  # not "looking forward to Friday's game"
            # "police are investigating the shootings of four people Thursday night",
            # "are looking for the gunman in a shooting late Wednesday": the inquiry
            # goes on now, its time dates what is inquired into, which is past
            return "past"
        if _names_an_event(verb):
            # "what deputies are calling a mishap at the range on Monday night": the
            # naming goes on now, the time dates the event it names, which is past
            return "past"
        return "future"  # present progressive with a date: "is meeting on Monday"
    if verb.tag_ == "VBG" and verb.dep_ == "xcomp" and depth < 3 and verb.head.i != verb.i:
        return _verb_tense(verb.head, depth + 1)  # "began running on Sunday": began
    if verb.tag_ in ("VBZ", "VBP") or aux_words & {"is", "are", "am", "does", "do"}:
        if verb.lemma_ == "be" and any(
            c.lemma_.lower() in ("due", "set", "expected", "scheduled", "likely")
            for c in verb.children
        ):
            return "future"
        return "present"
    return ""


#: Verbs of inquiry: their present progressive looks into what already happened.
_INQUIRY = frozenset(
    {"investigate", "probe", "examine", "search", "look", "hunt", "seek", "question",
     "interview", "review"}
)  # fmt: skip

#: Verbs that name or class an event ("are calling it a homicide", "are treating the
#: fire as arson").
_NAMING = frozenset(
    {"call", "describe", "label", "term", "classify", "characterize", "characterise",
     "treat", "deem", "rule", "consider"}
)  # fmt: skip


def _names_an_event(verb: Any) -> bool:
    """A verb of naming used to name: with an object predicate ("calling the fire an act
    of arson"), an "as" ("treating the death as suspicious") or a "what" before it ("what
    police are calling a hunting accident"); "is calling a meeting for Sunday" plans."""
    if verb.lemma_.lower() not in _NAMING:
        return False
    if any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children):
        return True
    doc = verb.doc
    return any(t.lower_ == "what" for t in doc[max(verb.sent.start, verb.i - 4) : verb.i])


#: Verbs of reporting whose present tells what already happened ("the family says").
_REPORTING = frozenset(
    {"say", "tell", "report", "confirm", "state", "add", "note", "acknowledge", "admit",
     "testify", "claim", "allege", "recall", "describe"}
)  # fmt: skip

_NO_ONE = frozenset({"neither", "nobody", "none", "no"})


#: Verbs of telling: "would not comment Monday" reports a refusal, it plans nothing.
_TELL = frozenset(
    {"comment", "say", "discuss", "confirm", "disclose", "elaborate", "identify", "release",
     "reveal", "speculate", "answer", "respond", "name", "specify", "detail"}
)  # fmt: skip


def _refused(verb: Any, aux_words: set[str]) -> bool:
    """A negated "could" ("could not be reached Tuesday", "neither he nor his lawyer
    could be located") or a negated "would" with a verb of telling ("would not comment
    Monday"): what did not happen, told in the past, not a plan ("would not sail
    Friday" stays a plan)."""
    if not aux_words & {"could", "would"} or aux_words - {"could", "would", "be", "been", "have"}:
        return False
    if "would" in aux_words and verb.lemma_.lower() not in _TELL:
        return False
    return _negated(verb)


#: Verbs of perception: "could be seen", "could be heard" tell what was observed.
_PERCEIVE = frozenset({"see", "hear", "spot", "observe", "watch", "smell"})


def _seen(verb: Any, aux_words: set[str]) -> bool:
    """ "Smoke could be seen for miles Friday": a passive of perception under "could"
    tells what could be observed then, not a plan ("could be charged Monday" stays one)."""
    return (
        "could" in aux_words
        and aux_words <= {"could", "be"}
        and "be" in aux_words
        and verb.lemma_.lower() in _PERCEIVE
        and not _negated(verb)
    )


def _negated(verb: Any) -> bool:
    """ "could not", "couldn't", "would never"; or a subject no one fills ("neither he
    nor his lawyer could be reached")."""
    for c in verb.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and (
            c.lower_ in _NO_ONE or any(g.lower_ in _NO_ONE for g in c.children)
        ):
            return True
    return False


def clause_tense(doc: Any, start: int, end: int) -> str:
    """The tense of the clause governing a span: past, future, present, or '' if unknown."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ""
    tok = span.root
    via_noun = False
    preps: set[str] = set()
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.tag_.startswith(("VB", "MD")):
            tense = _verb_tense(tok)
            if (
                preps & _RESET.get(tok.lemma_.lower(), frozenset())
                and "had" not in _aux_words(tok)
                and tok.dep_ != "acl"  # "a service set for Saturday was canceled": its fate
            ):
                return "future"  # "the deadline was extended until Friday"
            if (
                tok.lemma_.lower() in _PLANNED
                and (via_noun or any(c.dep_ == "dobj" for c in tok.children))
                and "had" not in _aux_words(tok)
            ):
                # "protesters planned a demonstration on Saturday": the plan is told, the
                # demonstration lies ahead of it
                return "future"
            if via_noun and tense == "future" and _progressive(tok):
                # "police are investigating a Thursday evening homicide": the time dates
                # the noun's event, which the present progressive does not put ahead
                return ""
            if tense == "present" and (via_noun or tok.lemma_.lower() in _REPORTING):
                # "he is the suspect in the shooting on Friday", "on Monday, the family
                # says, ...": the event a noun or a report tells lies behind the present
                return "past"
            if tense == "present" and tok.dep_ == "advcl" and _governor_tense(tok) == "future":
                # "will speak after the council meets Monday": a present in a clause of
                # time or condition under a future tells the future
                return "future"
            if tense == "past" and _backshifted(tok):
                # "said it would sell once the market reopened Friday": the same clause
                # told in reported speech, its present put in the past
                return "future"
            return tense
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.dep_ == "prep":
            preps.add(tok.lower_)
        if tok.pos_ in ("NOUN", "PROPN") and not span.start <= tok.i < span.end:
            via_noun = True
    return ""


#: Conjunctions of a clause of time or condition ("as" of "as soon as"); not "after",
#: which under a future often gives the cause ("will face charges after a boy was shot").
_TIME_MARKS = frozenset({"when", "once", "until", "till", "before", "as", "if", "unless"})


def _backshifted(verb: Any) -> bool:
    """A simple past in a clause of time or condition under a future told in the past
    ("would", "were likely to"): reported speech puts the clause's present in the past,
    and it still tells what lies ahead ("were likely to sell once the market reopened
    Friday"). Not under a present ("are healing after both were hurt on Sunday")."""
    if not (
        verb.dep_ == "advcl"
        and verb.tag_ in ("VBD", "VBN")
        and not _aux_words(verb) & {"had", "'d", "has", "have"}
        and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in verb.children)
    ):
        return False
    governor = _governing_verb(verb)
    return governor is not None and _future_in_past(governor)


def _future_in_past(verb: Any) -> bool:
    """ "would buy", "were likely (expected, due) to buy": a future seen from the past."""
    aux = _aux_words(verb)
    if aux & {"would", "'d"} and not aux & {"have", "'ve"}:
        return True
    head = verb.head
    if "to" not in aux or head.i == verb.i or head.lemma_.lower() not in _FUTURE_GOVERNORS:
        return False
    past = [head, *(c for c in head.children if c.dep_ in ("aux", "auxpass"))]
    if head.pos_ == "ADJ":  # "were likely to": the copula heads the adjective
        past += [head.head]
    return any(t.tag_ == "VBD" for t in past)


def _governor_tense(verb: Any) -> str:
    """The tense of the verb an adverbial clause depends on ("" when none is near)."""
    governor = _governing_verb(verb)
    return _verb_tense(governor) if governor is not None else ""


def _governing_verb(verb: Any) -> Any:
    """The nearest verb above an adverbial clause's verb, within three heads; None if none."""
    tok = verb.head
    for _ in range(3):
        if tok.pos_ in ("VERB", "AUX") and tok.tag_.startswith(("VB", "MD")):
            return tok
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


def _aux_words(verb: Any) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _progressive(verb: Any) -> bool:
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'s", "'re") for c in verb.children
    )
