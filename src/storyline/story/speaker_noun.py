"""A name that only qualifies the noun that spoke: "Orvale police said", "according to
the Orvale district attorney's office", "Orvale police Sgt. Ada Lind said".

The analysis may credit such a quote to the name inside the speaker's noun phrase (the
town, the team), and a story page then shows a town speaking. The words after that
mention in the report tell it: when lowercase nouns of bodies or people follow the name
("police", "deputies", "woman", "district attorney's office"), the speaker is that
phrase, or the person named right after it ("… police Sgt. Ada Lind"). A name followed
by a person's name through role words only ("Halvard Rovers quarterback Eli Brandt said")
gives the quote to that person, whatever kind the name is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.analyze.quoting.lexicon import SPEECH_VERBS
from storyline.lexicon.labels import PLACE_LABELS as _PLACES
from storyline.model import Mention, Quote

#: Nouns (singular) of bodies and people that speak, after a place's name.
SPEAKING_NOUNS = frozenset(
    """police sheriff deputy trooper detective investigator officer official authority
    spokesman spokeswoman spokesperson prosecutor attorney office department agency
    council mayor governor chief commissioner coroner examiner firefighter resident
    man woman boy girl teen teenager witness neighbor neighbour owner worker employee
    student teacher representative researcher analyst coach player manager executive
    source leader lawmaker senator judge lawyer doctor nurse administrator""".split()  # noqa: SIM905
)

#: Words that end the noun phrase after the name ("Orvale police who …", "… said").
_STOP = frozenset(
    """who whom whose which that said says say told tells and or but was were is are
    had has have will would could also later then on in at of for to by with""".split()  # noqa: SIM905
)

_WORD = re.compile(r"[ \t]+([a-z][a-z\-]*(?:['’]s)?)")
#: Between a role word and the person it names: a title ("Lt.", "Chief") and spaces.
_TITLE_GAP = re.compile(r"(?:[ \t]+[A-Z][a-z]{0,5}\.?)*[ \t]+$")
_PEOPLE = frozenset({"PERSON"})
_MAX_WORDS = 4


def _verb_like(word: str) -> bool:
    """A past form ("confirmed", "quoted") or a verb of speech ("warns"): no noun."""
    if word.endswith("ed") or word in SPEECH_VERBS:
        return True
    return any(word.endswith(end) and word[: -len(end)] in SPEECH_VERBS for end in ("s", "es"))


#: A place's state or country after a comma ("Orvale, Mich. police said").
_STATE_GAP = re.compile(r",[ \t]*")


def _after_state(text: str, mentions: Sequence[Mention], m: Mention) -> int:
    """Where the words after a name start: past ", <place>." when the name has one."""
    gap = _STATE_GAP.match(text, m.span.end)
    if gap is None:
        return m.span.end
    state = next((p for p in mentions if p.span.start == gap.end() and p.label in _PLACES), None)
    if state is None:
        return m.span.end
    end = state.span.end
    return end + 1 if text[end : end + 1] == "." else end


def _singular(word: str) -> str:
    word = re.sub(r"['’]s$", "", word)
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def speaking_mention(mentions: Sequence[Mention], quote: Quote) -> Mention | None:
    """The mention a quote's speaker key stands on, if the speaker's span holds one."""
    span = quote.speaker_span
    if quote.speaker is None or span is None:
        return None
    return next(
        (m for m in mentions if m.key == quote.speaker and span.overlaps(m.span)),
        None,
    )


def noun_speaker(
    text: str, mentions: Sequence[Mention], quote: Quote, label: str | None = None
) -> str | None:
    """Who spoke when the quote's speaker is a name that qualifies a noun after it: the
    key of the person named at the end of the phrase, or the phrase itself ("Orvale
    police"); None when the name itself spoke (or the report does not show otherwise).

    ``label`` is the speaker's kind across the story when known (the tagger may call a
    town a person in one report); else the mention's own label counts."""
    m = speaking_mention(mentions, quote)
    kind = label or (m.label if m is not None else None)
    if m is None or kind in _PEOPLE:
        return None
    pos = _after_state(text, mentions, m)
    run: list[str] = []
    while len(run) < _MAX_WORDS:
        found = _WORD.match(text, pos)
        if found is None or found.group(1) in _STOP or _verb_like(found.group(1)):
            break
        run.append(found.group(1))
        pos = found.end()
    if run:
        person = next(
            (
                p
                for p in mentions
                if p.label in _PEOPLE
                and pos <= p.span.start <= pos + 16
                and _TITLE_GAP.fullmatch(text, pos, p.span.start)
            ),
            None,
        )
        if person is not None:
            return person.key
    if kind not in _PLACES or not run:
        return None
    if _singular(run[-1].lower()) not in SPEAKING_NOUNS:
        return None
    return " ".join([text[m.span.start : _after_state(text, mentions, m)], *run])
