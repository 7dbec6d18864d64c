"""Victims of harm predicates: who was killed or hurt, and how many, without a digit.

"a man was killed", "the driver was pronounced dead", "a woman and her two
children", "no one was hurt", "claimed the lives of two teenagers": the harm
predicate is found first, then its victims (subject, object, or the subject of
the verb it is joined to), and they are counted (a singular person is one, "no
one" is zero, "both" is two). Markers in ``counted`` say how a figure relates to
the others of its report: already mentioned, part of a figure, or beside it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from storyline.analyze.numbers.measures import PAIRS, PERSON_NOUNS
from storyline.analyze.numbers.parse import word_value
from storyline.lexicon.measures import PREDICATES
from storyline.nlp import doc_lemmas, doc_strings

#: Counted marker for victims named by a pronoun ("he died"): already counted elsewhere.
ANAPHORIC = "people (already mentioned)"
#: Counted marker for "three of them", "all six of the dead": a part of a figure given.
PART = "people (part of a figure)"
#: Counted marker for "two others were injured": in addition to those already counted.
ADDITIONAL = "other people"
#: Counted marker for an attacker who took his own life ("then killed himself"): one
#: more beside his victims, however often the report says so.
SELF = "the attacker (took own life)"
PRONOUNS_ONE = frozenset({"he", "she", "him", "her"})
HOSPITAL = frozenset({"hospital", "hospitals", "medical", "trauma", "clinic", "er"})
INJURY_NOUNS = frozenset(
    """injury wound burn fracture trauma concussion laceration bruise gash cut
    inhalation""".split()  # noqa: SIM905
)
INTENT = frozenset(
    """conspire plan plot try attempt threaten want intend vow seek aim hope order
    """.split()  # noqa: SIM905
)
CONDITIONS = frozenset({"critical", "serious", "stable", "grave", "fair", "life-threatening"})
#: People of whom each vehicle has one: "the drivers of both cars" are two.
ONE_PER_VEHICLE = frozenset({"driver", "rider", "motorist", "pilot", "motorcyclist", "cyclist"})
#: Animals: "two dogs died in the fire" is no human toll.
ANIMALS = frozenset(
    """dog dogs cat cats pet pets horse horses animal animals cow cows cattle sheep
    livestock bird birds puppy puppies kitten kittens pig pigs goat goats""".split()  # noqa: SIM905
)
#: Who attacks: a death of "the suspect" beside someone hurt is another person's.
ATTACKERS = frozenset(
    {"suspect", "gunman", "shooter", "attacker", "assailant", "robber", "intruder", "burglar"}
)
#: Who shoots an attacker: "shot dead by officers" is the attacker.
POLICE = frozenset({"police", "officer", "deputy", "trooper", "agent", "soldier", "guard"})
#: What a person can be "treated for" without being hurt.
NOT_HURT = frozenset({"shock", "anxiety", "observation"})
#: Nouns of a death that name its victims with "of": "the shooting death of a teen".
DEATH_NOUNS = frozenset({"death", "killing", "slaying", "murder"})
#: Punctuation that closes a dateline ("HARTWELL, Ohio — A man died").
DATELINE_DASHES = frozenset({"—", "–", "--", "-"})


def fatal(tok: Any) -> bool:
    """Whether a shooting or stabbing predicate is marked fatal ("fatally", "shot dead")."""
    for child in tok.children:
        if child.lower_ in ("fatally", "dead", "mortally") or (
            child.dep_ == "conj"
            and child.lemma_ in ("kill", "die")
            # "was shot and killed", not "five were shot and one was killed"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            # nor "shooting three people and killing one of them": each verb its own object
            and not (_has_object(tok) and _has_object(child))
        ):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "to"
            and any(o.lemma_ == "death" for o in child.children)
        ):
            return True  # "shot to death", "stabbed to death"
    return False


def _has_object(tok: Any) -> bool:
    return any(c.dep_ == "dobj" for c in tok.children)


def has_particle(tok: Any, word: str) -> bool:
    """Whether a verb carries the particle ``word`` ("shot *down*")."""
    return any(c.dep_ == "prt" and c.lower_ == word for c in tok.children)


def _injury(tok: Any) -> bool:
    """An injury noun: "injuries", "a concussion", "a broken arm"."""
    return tok.lemma_.lower() in INJURY_NOUNS or any(
        c.lower_ in ("broken", "fractured", "injured") for c in (*tok.children, *tok.conjuncts)
    )


def object_is_injury(tok: Any) -> bool:
    """ "suffered a broken leg", "escaped with minor cuts": the object is an injury."""
    for child in tok.children:
        if child.dep_ == "dobj" and _injury(child):
            return bool(tok.lemma_.lower() != "escape")  # "escaped injury" means unhurt
        hurt = [o for o in child.children if o.dep_ == "pobj" and _injury(o)]
        if child.dep_ == "prep" and child.lower_ == "with" and hurt:
            return True
        if child.dep_ == "prep" and child.lower_ == "from" and hurt and tok.lemma_ == "suffer":
            return True  # "two men suffering from gunshot wounds"
    return False


def _gunshot_wound(tok: Any) -> bool:
    """ "suffered gunshot wounds", "suffering from a gunshot wound": shot (the wound may
    yet kill), as the people "shot" are."""
    objs = [
        o
        for c in tok.children
        for o in ((c,) if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"])
        if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("from", "with"))
    ]
    return any(
        o.lemma_.lower() == "wound" and any(c.lower_ == "gunshot" for c in o.children) for o in objs
    )


#: The measures :func:`harm_predicate` reads from ``PREDICATES``.
PREDICATE_MEASURES = ("killed", "injured", "shot", "missing")
#: Every lemma (lower-cased) :func:`harm_predicate` compares ``lemma`` with, and the
#: predicates of its measures: a token with another lemma gets no measure from it
#: unless it is the word "dead" or it governs "in ... condition" (:func:`harm_tokens`).
#: A new word tested there must be added here (tests/test_harm_tokens.py reads the
#: function's source to check it).
HARM_LEMMAS = (
    frozenset(
        """suffer sustain receive survive escape succumb claim take body remains shooting
    recover require need get fight be remain stay list revive resuscitate shoot bite
    maul scald trample graze treat kill lose pass transport rush airlift fly admit carry
    send pronounce find declare confirm turn""".split()  # noqa: SIM905
    )
    | DEATH_NOUNS
    | frozenset(w for w, m in PREDICATES.items() if m in PREDICATE_MEASURES)
)


def harm_tokens(sent: Any) -> list[Any]:
    """The tokens of a sentence on which :func:`harm_predicate` may name a measure, in
    order; it names none on the others. Found from the doc's lemmas once per doc (a
    token object made for every word and the predicate's tests on it were most of the
    claims' time)."""
    doc = sent.doc
    found = doc.user_data.get("storyline_harm")
    if found is None:
        found = doc.user_data["storyline_harm"] = harm_indices(doc)
    return [doc[i] for i in found[bisect_left(found, sent.start) : bisect_left(found, sent.end)]]


def harm_indices(doc: Any) -> list[int]:
    """The indices of the tokens of a doc on which :func:`harm_predicate` may name a
    measure: a lemma of ``HARM_LEMMAS``, the word "dead", or the token that "in ...
    condition" hangs on (``_in_condition``)."""
    # the doc's word columns, which the other rules read too
    lemmas, lowered, lowers = doc_strings(doc, "LEMMA"), doc_lemmas(doc), doc_strings(doc, "LOWER")
    out = set()
    for i, lemma in enumerate(lemmas):
        if lowered[i] in HARM_LEMMAS or lowers[i] == "dead":
            out.add(i)
        if lemma == "condition":  # "in critical condition": the noun or verb it tells of
            out.add(doc[i].head.head.i)
    return sorted(out)


def _fatal_injury(tok: Any) -> bool:
    """ "suffered a fatal gunshot wound", "sustained mortal injuries": the injury killed."""
    return any(
        c.dep_ == "dobj"
        and any(
            a.lower_ in ("fatal", "mortal") and a.doc[max(0, a.i - 2) : a.i].text != "non-"
            for a in c.children
        )
        for c in tok.children
    )


def harm_predicate(tok: Any) -> str | None:
    """The harm measure a token states about its victims, if any ("killed", "taken to hospital")."""
    lemma = tok.lemma_.lower()
    if tok.head.lemma_.lower() in ("presume", "fear", "believe") and tok.head.i != tok.i:
        return None  # "missing and presumed drowned": not a confirmed death
    if lemma in ("suffer", "sustain", "receive", "survive", "escape") and object_is_injury(tok):
        if lemma in ("suffer", "sustain", "receive") and _fatal_injury(tok):
            return "killed"  # "suffered a fatal gunshot wound"
        if lemma in ("suffer", "sustain", "receive") and _gunshot_wound(tok):
            return "shot"  # "two men were suffering gunshot wounds"
        return "injured"
    if lemma == "succumb":
        return "killed"
    if lemma in ("claim", "take") and _lives_of(tok):
        return "killed"  # "claimed the lives of two teenagers"
    if tok.pos_ in ("NOUN", "PRON", "PROPN") and _in_condition(tok):
        return "injured"  # "left one dead and another in critical condition"
    if (
        lemma in ("body", "remains")
        and tok.pos_ == "NOUN"
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    ):
        return "killed"
    if lemma in DEATH_NOUNS and tok.pos_ == "NOUN" and _of_people(tok):
        return "killed"  # "the shooting death of a 12-year-old", "the killing of two men"
    if lemma == "shooting" and tok.pos_ == "NOUN" and _of_people(tok):
        return "shot"  # "the shooting of three people" (dead or not: the report says elsewhere)
    if lemma == "recover" and _recovering_from_harm(tok):
        return "injured"  # "two brothers are recovering after the shooting"
    if lemma in ("receive", "require", "need", "get", "survive", "escape") and any(
        c.dep_ == "dobj" and c.lemma_ == "treatment" for c in tok.children
    ):
        return "injured"  # "received treatment at the scene"
    if lemma == "fight" and any(
        c.dep_ == "prep" and c.lower_ == "for" and any(o.lemma_ == "life" for o in c.children)
        for c in tok.children
    ):
        return "injured"  # "is fighting for life", "fighting for his life"
    if lemma in ("be", "remain", "stay", "list") and _in_condition(tok):
        return "injured"  # "is in critical condition"
    if lemma in ("revive", "resuscitate") and unrevived(tok):
        return "killed"  # "could not be revived"
    if lemma in ("be", "remain", "stay") and _in_hospital(tok):
        return "injured"  # "a woman is in hospital with burns", "remains in hospital"
    if lemma == "shoot" and shot_at(tok):
        return None  # "four people and two cars were shot at": fired on, not hit
    if lemma in ("bite", "maul", "scald", "trample", "graze") and tok.tag_ == "VBN":
        return "injured"  # "was bitten by a dog"
    if lemma == "treat" and _treated_for(tok) & NOT_HURT:
        return None  # "the bus driver was treated for shock": not an injury
    if (
        lemma == "treat"
        and _passive(tok)
        and not any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
    ):
        return "injured"  # "was treated at the scene" (not "treated to a concert")
    if lemma == "treat" and any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
        return "injured"  # "treated for minor injuries", "treated for smoke inhalation"
    if lemma == "shoot" and _self_harm(tok) and not _fatal_context(tok):
        return "shot"  # "accidentally shot himself in the leg": hurt, not dead
    if lemma in ("take", "kill", "shoot") and _self_harm(tok):
        return "killed"
    if lemma == "turn" and _gun_on_self(tok) and _fatal_context(tok):
        return "killed"  # "shot two farmhands, then turned the rifle on himself"
    if lemma == "lose" and any(c.lemma_ in ("life",) for c in tok.children):
        return "killed"
    if lemma == "pass" and has_particle(tok, "away"):
        return "killed"  # "where she passed away"
    if lemma in ("take", "transport", "rush", "airlift", "fly", "admit", "carry", "send"):
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("to", "into"):
                objs = [t.lower_ for t in child.subtree]
                if HOSPITAL & set(objs):
                    return "injured"
        return None
    if lemma in ("pronounce", "find", "declare", "confirm") and any(
        c.dep_ in ("oprd", "acomp", "xcomp") and c.lower_ == "dead" for c in tok.children
    ):
        return "killed"
    if _left_dead(tok):
        return "killed"  # "left a 17-year-old dead", parsed with "dead" as the object
    if tok.pos_ not in ("VERB", "ADJ"):
        return None
    measure = PREDICATES.get(lemma)
    if has_particle(tok, "down"):
        return None  # "shot down" counts aircraft, not victims
    if measure in PREDICATE_MEASURES:
        if lemma in ("treat", "burn", "fire", "free", "release", "execute"):
            return None
        if measure == "shot" and fatal(tok):
            return "killed"
        if measure == "injured" and fatally(tok):
            return "killed"  # "was fatally wounded": a death, not an injury
        return measure
    return None


#: What someone "is recovering after/from" when hurt.
HARM_EVENTS = frozenset({"shooting", "wound", "injury", "attack", "stabbing", "gunshot", "surgery"})


def _recovering_from_harm(tok: Any) -> bool:
    """ "recovering after a shooting", "recovering from gunshot wounds"."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("after", "from")
        and any(o.dep_ == "pobj" and o.lemma_.lower() in HARM_EVENTS for o in c.children)
        for c in tok.children
    )


def shot_at(tok: Any) -> bool:
    """ "were shot at": a stranded "at" (no object) means fired upon, not hit."""
    return any(
        c.dep_ == "prep" and c.lower_ == "at" and not any(True for _ in c.children)
        for c in tok.children
    )


def _left_whom(tok: Any) -> list[Any]:
    """Who a shooting "left ... injured": "left a 16-year-old girl gravely injured".

    The parser hangs such a small clause on "left" in two ways: the person as the
    subject of "injured" (itself a complement of "left"), or as the object of "left"
    with "injured" attached elsewhere; either way the person just before the harm
    word, past its adverbs, is its victim.
    """
    if tok.lower_ not in ("injured", "wounded", "hurt", "dead"):
        return []
    j = tok.i - 1
    while j > tok.sent.start and tok.doc[j].dep_ == "advmod":
        j -= 1
    prev = tok.doc[j]
    if prev.pos_ not in ("NOUN", "PROPN", "PRON") or j == tok.i:
        return []
    if prev.dep_ == "dobj" and prev.head.lemma_.lower() == "leave":
        return [prev]
    if prev.dep_ == "nsubj" and prev.head.i == tok.i and tok.head.lemma_.lower() == "leave":
        return [prev]
    return []


def fatally(tok: Any) -> bool:
    """ "fatally wounded", "mortally injured": an injury predicate that states a death."""
    return any(c.dep_ == "advmod" and c.lower_ in ("fatally", "mortally") for c in tok.children)


def _of_people(tok: Any) -> list[Any]:
    """The people of "the death of a teenager", "the killings of two men" (not "of 2019")."""
    return [
        o
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children
        if o.dep_ == "pobj"
        and (o.lemma_.lower() in PERSON_NOUNS or o.ent_type_ == "PERSON" or o.lemma_ == "old")
    ]


def _treated_for(tok: Any) -> set[str]:
    """The lemmas of what someone was "treated for"."""
    return {
        o.lemma_.lower()
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for o in c.children
        if o.dep_ == "pobj"
    }


def _left_dead(tok: Any) -> bool:
    """ "left a 17-year-old dead": the tagger made "dead" the noun object of "left"."""
    return (
        tok.lower_ == "dead"
        and tok.pos_ == "NOUN"
        and tok.dep_ == "dobj"
        and tok.head.lemma_.lower() == "leave"
        and any(c.dep_ == "amod" for c in tok.children)
    )


def _dateline(tok: Any) -> bool:
    """A dateline parsed as a subject: "HARTWELL, Ohio — A man died"."""
    return tok.ent_type_ in ("GPE", "LOC") or any(
        c.dep_ == "punct" and c.text in DATELINE_DASHES for c in tok.children
    )


def unrevived(tok: Any) -> bool:
    """ "could not be revived": a negated revival is a death."""
    return any(c.dep_ == "neg" for c in tok.children)


def _in_hospital(tok: Any) -> bool:
    """ "is in hospital", "remains in a critical condition in hospital"."""
    return any(
        c.dep_ == "prep" and c.lower_ == "in" and any(o.lemma_ == "hospital" for o in c.children)
        for c in tok.children
    )


def by_police(tok: Any) -> bool:
    """ "shot dead by officers": the one killed by police is the attacker, not a victim."""
    return any(
        c.dep_ == "agent"
        and any(o.lemma_.lower() in POLICE for o in c.children if o.dep_ == "pobj")
        for c in tok.children
    )


def intended(tok: Any) -> bool:
    """Whether a predicate is only planned or attempted ("conspiring to kill three")."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) and (
        tok.head.lemma_.lower() in INTENT
    )


def _passive(tok: Any) -> bool:
    """A passive participle, or one conjoined to a passive ("were pulled out and treated")."""
    return tok.tag_ == "VBN" and (
        any(c.dep_ == "auxpass" for c in tok.children)
        or (tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in tok.head.children))
    )


def _lives_of(tok: Any) -> list[Any]:
    """The people of "the lives of two teenagers" when ``tok`` governs it."""
    for child in tok.children:
        if child.dep_ == "dobj" and child.lemma_ == "life":
            return [o for p in child.children if p.lower_ == "of" for o in p.children
                    if o.dep_ == "pobj"]  # fmt: skip
    return []


def _in_condition(tok: Any) -> bool:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            for obj in child.children:
                if obj.lemma_ == "condition" and any(c.lower_ in CONDITIONS for c in obj.children):
                    return True
    return False


#: Verbs of "shot himself", "killed herself": an attacker's own death (or a wound).
SELF_HARM = frozenset({"kill", "shoot", "stab", "hang", "wound", "injure", "harm"})

_FATAL = frozenset({"fatally", "dead", "death", "kill", "die", "murder", "suicide", "slay",
                    "fatal", "deadly"})  # fmt: skip


def _fatal_context(tok: Any) -> bool:
    """Whether a sentence that says someone shot himself also says someone died.

    "Killed his wife before shooting himself", "fatally shot himself": the shooter
    is one of the dead; "shot himself in the leg while cleaning a gun" is not.
    """
    return any(t.lemma_.lower() in _FATAL or t.lower_ in _FATAL for t in tok.sent if t.i != tok.i)


def _self_harm(tok: Any) -> bool:
    """ "taking his own life", "killed himself", "shot herself": the attacker died too."""
    for child in tok.children:
        if (
            child.dep_ == "dobj"
            and child.lower_ in ("himself", "herself", "themselves")
            # "took herself to hospital", "drove themselves to a hospital": no death
            and tok.lemma_.lower() in SELF_HARM
        ):
            return True
        if (
            child.dep_ == "dobj"
            and child.lemma_ == "life"
            and any(c.lower_ == "own" for c in child.children)
        ):
            return True
    return False


#: What a shooter "turns on himself".
WEAPONS = frozenset({"gun", "weapon", "firearm", "rifle", "pistol", "handgun", "shotgun"})


def _gun_on_self(tok: Any) -> bool:
    """ "turned the gun on himself": the attacker shot himself (fatal when the sentence
    tells of a death: :func:`_fatal_context`)."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in WEAPONS for c in tok.children) and any(
        c.dep_ == "prep"
        and c.lower_ == "on"
        and any(o.lower_ in ("himself", "herself", "themselves") for o in c.children)
        for c in tok.children
    )


def victims(tok: Any, inherited: bool = False) -> list[Any]:
    """The tokens naming who a harm predicate happened to (subject, object, or inherited)."""
    if inherited:  # "swam to shore and was treated": the subject of the first verb
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
            return victims(tok.head, inherited=True)  # "was seen, treated and died"
        return subjects
    if tok.pos_ in ("NOUN", "PRON", "PROPN") and _in_condition(tok):
        return [tok]
    if _lives_of(tok):
        return _lives_of(tok)
    if tok.lemma_.lower() in ("body", "remains"):  # "the body of a missing hiker"
        return [o for c in tok.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    if tok.lemma_.lower() in (*DEATH_NOUNS, "shooting") and tok.pos_ == "NOUN":
        return _of_people(tok)
    left = _left_whom(tok)
    if left:
        return left
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (
        # "a man killed in the crash", not the active perfect "he had killed his wife"
        tok.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
    )
    # "a man was killed and his wife critically hurt": the second "was" is left out
    passive = passive or (
        tok.dep_ == "conj"
        and any(c.dep_ == "auxpass" for c in tok.head.children)
        and not any(c.dep_ == "dobj" for c in tok.children)
    )
    intransitive = tok.lemma_.lower() in ("die", "perish", "fight", "drown", "succumb", "suffer",
                                          "sustain", "receive", "lose", "dead", "missing",
                                          "injured", "wounded", "be", "remain", "stay",
                                          "require", "need", "get", "survive",
                                          "escape", "pass", "recover")  # fmt: skip
    found: list[Any] = []
    if _self_harm(tok) and tok.lemma_.lower() == "shoot" and not _fatal_context(tok):
        # "a boy shot himself in the leg": the boy is the one hurt
        return _shooter(tok) or [tok]
    if _self_harm(tok) or (tok.lemma_.lower() == "turn" and _gun_on_self(tok)):
        return [tok]  # counted by person_count as one more person
    if _left_dead(tok):
        return [c for c in tok.children if c.dep_ == "amod"][:1]  # "a 17-year-old"
    for child in tok.children:
        if (
            child.dep_ == "nsubjpass"
            or (child.dep_ == "nsubj" and (intransitive or passive))
            or (child.dep_ == "dobj" and not intransitive and not passive)
        ):
            found.append(child)
    if len(found) > 1:
        found = [f for f in found if not _dateline(f)] or found
    if not found and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "ADJ", "AUX"):
        return victims(tok.head, inherited=True)  # "was shot and killed": the subject of "shot"
    if not found and tok.dep_ in ("oprd", "acomp", "xcomp") and tok.head.i != tok.i:
        return victims(tok.head)  # "was pronounced dead", "was found dead"
    if not found and tok.dep_ in ("pcomp", "advcl") and _being(tok):
        return _shooter(tok)  # "a man is recovering after being shot": the man
    if not found and tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
        return [tok.head]  # "a man killed in the crash", "the injured man"
    if not found and tok.dep_ == "acl" and tok.head.pos_ == "NUM" and tok.i > tok.head.i:
        return [tok.head]  # "left three dead and one injured", the count parsed as the head
    if not found and tok.dep_ == "amod" and tok.head.pos_ == "NUM" and tok.i > tok.head.i:
        return [tok.head]  # "-- 3 dead and 5 wounded --", the count parsed as the head
    if not found and tok.dep_ == "relcl" and (passive or intransitive):
        return [tok.head]  # "the woman who died" (not "the man who shot two")
    return [
        v.head.head if v.lower_ in ("who", "that") and v.head.dep_ == "relcl" else v for v in found
    ]


def _being(tok: Any) -> bool:
    """A subjectless passive "being shot", "having been wounded" (its clause's subject's)."""
    return tok.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ in ("being", "been") for c in tok.children
    )


def _shooter(tok: Any) -> list[Any]:
    """Who "shot himself": the subject of the clause, up through "and", "after" and "who".

    "the girl found a pistol and accidentally shot herself", "a teen was hurt after
    accidentally shooting himself", "a boy who shot himself": the girl, the teen, the boy.
    """
    node = tok
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            who = subjects[0]
            if who.lower_ in ("who", "that") and node.dep_ == "relcl":
                return [node.head]
            return [who]
        if node.dep_ not in ("conj", "advcl", "xcomp", "pcomp", "prep") or node.head.i == node.i:
            break
        node = node.head
    return []


def _died_himself(tok: Any) -> bool:
    """ "A man died after shooting himself", "shot himself and later died": the one who
    shot himself is the one who died (not "he killed his wife before shooting himself")."""
    if any(c.dep_ == "conj" and c.lemma_.lower() in ("die", "succumb")
           and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
           for c in tok.children):  # fmt: skip
        return True  # "a man shot himself in the chest and later died"
    who = _shooter(tok)
    if not who:
        return False
    if who[0].head.i == tok.i and who[0].lower_ in PRONOUNS_ONE and tok.dep_ == "advcl":
        # "a boy has died after he shot himself": the one of the clause it tells of
        return tok.head.lemma_.lower() in ("die", "succumb", "perish")
    head = who[0].head
    return who[0].dep_ == "nsubjpass" or (
        who[0].dep_ == "nsubj" and head.lemma_.lower() in ("die", "succumb", "perish")
    )


#: People too young to be an attacker: one who shot himself is a victim of an accident.
CHILDREN = frozenset({"child", "toddler", "kid", "baby", "infant", "preschooler"})


def _child_shooter(tok: Any) -> bool:
    """Whether the one who "shot himself" is a child ("a toddler", "a 3-year-old boy"; a
    boy or girl of an age under 13)."""
    who = _shooter(tok)
    if not who:
        return False
    if who[0].lemma_.lower() in CHILDREN:
        return True
    words = who[0].doc[who[0].left_edge.i : who[0].i + 1].text
    age = re.search(r"\b(\d{1,2})[\s-]+years?[\s-]+old\b", words)
    return bool(age and int(age.group(1)) < 13)


def _vehicles(tok: Any) -> float | None:
    """How many vehicles "of both cars", "of the three vehicles" names."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                for c in obj.children:
                    if c.lower_ == "both":
                        return 2.0
                    if c.dep_ == "nummod":
                        return word_value(c.text)
    return None


def _other_than_shooter(tok: Any) -> bool:
    """ "<a boy> accidentally shot and killed another teen": "another" is other than the one
    who shot, the one victim of an accident, not one more beside victims counted (as in
    "he shot a woman and killed another man", where a verb of the clause has a victim of
    its own, or "then shot and killed another man" after a first death)."""
    if tok.dep_ != "dobj" or tok.lemma_.lower() not in PERSON_NOUNS:
        return False
    if not any(t.lower_.startswith("accident") for t in tok.sent):
        return False  # "then shot and killed another man": one more, as often as not
    verb = tok.head
    for _ in range(3):
        if any(c.dep_ == "dobj" and c.i != tok.i for c in verb.children):
            return False
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return bool(subjects[0].dep_ == "nsubj" and subjects[0].i < tok.i)
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def person_count(tok: Any) -> tuple[float | None, str]:
    """How many people a victim token names without a number: (count, counted)."""
    low = tok.lower_
    lemma = tok.lemma_.lower()
    children = {c.lower_ for c in tok.children}
    if tok.pos_ == "VERB":
        if tok.lemma_.lower() == "shoot" and (not _fatal_context(tok) or _died_himself(tok)):
            # "...and shot himself in the leg", "a man died after shooting himself":
            # someone already counted
            return 1.0, ANAPHORIC
        if any(t.lower_.startswith("accident") for t in tok.sent) or _child_shooter(tok):
            # "accidentally shot and killed himself", "a 3-year-old fatally shot himself":
            # the one victim, no attacker
            return 1.0, "people"
        return 1.0, SELF  # the attacker who took his own life
    if low in ("second", "third", "fourth", "fifth") and ("a" in children or tok.dep_ != "amod"):
        return 1.0, ADDITIONAL  # "a third was seriously injured"
    before = tok.doc[tok.i - 2 : tok.i].text.lower().replace(" ", "") if tok.i >= 2 else ""
    if low in ("nobody", "none", "no-one", "noone") or (
        low == "one" and ("no" in children or before == "no-")
    ):
        return 0.0, "people"
    if "no" in children and (lemma in PERSON_NOUNS or lemma in ("one", "people", "person")):
        return 0.0, "people"
    if low in PRONOUNS_ONE:
        return 1.0, ANAPHORIC
    if lemma == "old" and any(c.lemma_ == "year" for c in tok.children):
        return 1.0, "people"  # "a 16-year-old was shot"
    ordinal = {"second", "third", "fourth", "fifth"} & children
    if "another" in children and not ordinal and _other_than_shooter(tok):
        return 1.0, lemma  # "the boy accidentally shot and killed another teen": other than him
    if low in ("another",) or (("another" in children or ordinal) and lemma in PERSON_NOUNS):
        return 1.0, ADDITIONAL
    ages = [a for c in tok.children if c.dep_ == "appos" and c.like_num for a in (c, *c.conjuncts)]
    if tok.tag_ == "NNS" and lemma in PERSON_NOUNS and len(ages) >= 2:
        return float(len(ages)), "people"  # "her sons, 7 and 8": one age each
    if lemma in PAIRS or ("both" in children and not tok.conjuncts):
        return PAIRS.get(lemma, 2.0), "people"
    if lemma in ONE_PER_VEHICLE and tok.tag_ == "NNS":
        vehicles = _vehicles(tok)
        if vehicles:
            return vehicles, "people"  # "the drivers of both cars"
    if lemma == "victim" and "the" in children and tok.tag_ == "NN":
        return 1.0, ANAPHORIC
    if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":
        return 1.0, "people"
    if tok.tag_ in ("NN",) and lemma in PERSON_NOUNS:
        return 1.0, lemma
    if low == "one" and tok.pos_ in ("NUM", "NOUN", "PRON"):
        return 1.0, "people"
    return None, ""
