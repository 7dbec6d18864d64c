"""Sentences about the page or the outlet, not about the news.

Between its paragraphs a news page carries lines that speak to its reader or in its
outlet's voice: calls to act ("If you know anything, call the tip line"; "Stay with us
as this story develops"), the outlet's own news of itself ("We will update
this story", "We have sent a confirmation email"), notices of an account, a player or a
browser ("Update your player to see this clip"), and posts pasted whole in the first
person. A summary sentence or a timeline event made of one reads as machine output, so
the page builders leave such sentences out (:func:`talks_as_page`); and a player's or an
advert's label or a map's caption the splitter ran into the front of a sentence
("Advertisement The boy was ...", "Map of the coast showing ...: A tremor shook ...") is
not the sentence's (:func:`furniture_lead`).

A first or second person inside quotation marks is the speaker's, and so is one in a
sentence that says who speaks ("told us", "said we"): those sentences are news. The
writer's own saying ("I can tell you that ...") says no one else speaks.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storyline.analyze.needwords import folds_plainly, search

__all__ = ["furniture_lead", "talks_as_page"]

#: What only a page says of itself: its reader's account, e-mail, player or browser, its
#: comments, its own follow-up of the story and who helped write it.
_PAGE = re.compile(
    r"\be-?mail (?:notifications?|alerts?)\b|\bnotifications? on\b|\bsign(?:ing)? (?:in|up)\b|"
    r"\blog ?in\b|\b(?:verification|confirmation) e-?mail\b|\bsubscriber\b|"
    r"\bpremium content\b|\bbrowser\b|\bflash (?:player|update)\b|\bjavascript\b|"
    r"\bad block|\bcontributed to this (?:report|story|article)\b|"
    r"\bthis (?:developing )?story\b|\bthe story develops\b|\bcheck back\b|"
    r"\bbreaking news alerts?\b|\bnews app\b|"
    r"\b(?:as|when|once|if) (?:more )?information becomes available\b",
    re.IGNORECASE,
)
#: A call to the reader that opens the sentence.
_CALL = re.compile(
    r"^(?:Stay (?:with|on|tuned)|Tune in|Refresh|Count on|Join us|Click|Please|Be sure|"
    r"Make sure|Watch|Download|Follow us|Like us|Get|Sign up|Find out|See|Visit|"
    r"Read more|Listen|Don['’]t miss)\b"
)
#: Second person: lower case anywhere, capitalised only where a sentence or clause
#: begins ("Four in Your Corner" is a name).
_YOU = re.compile(
    r"(?:^|(?<=[,;:]\s)|(?<=\bIf\s))(?:You|Your)\b"
    r"|\b(?:you|your|yours|yourself|you['’](?:re|ll|ve|d))\b"
)
#: First person: "we", "our", "us", "my", "me" in lower case; "We", "Our", "My" opening
#: the sentence.
_WE = re.compile(r"^(?:We|Our|My)\b|\b(?:we|we['’](?:re|ll|ve|d)|our|ours|us|my|me)\b")
#: "I" before a verb ("I caught", "I'm"); after a capitalised word inside the sentence it
#: is a numeral ("World War I was ...").
_I = re.compile(r"(?:^|(?<=\s))I(?:['’](?:m|ve|d|ll)\b|\s+(?=[a-z]))")
#: A sentence that says who speaks: its first and second person are the speaker's.
_SPEAKS = re.compile(
    r"\b(?:said|says|say|saying|told|tells|tell|telling|according|wrote|writes|posted|"
    r"added|adds|stated|states|stating|asked|asks|explained|explains|noted|notes|urged|"
    r"urges|pleaded|pleading|recalled|described|testified|admitted|warned|thanked|"
    r"announced)\b",
    re.IGNORECASE,
)
#: Any quotation mark: a sentence without one has nothing :data:`_QUOTED` takes out.
_MARKS = re.compile(r"[\"“'‘]")
_QUOTED = re.compile(r'"[^"]*(?:"|$)|“[^”]*(?:”|$)|(?<!\w)[\'‘][^\'‘’\n]+[\'’](?!\w)')
#: A player's, an advert's or a link list's label before the sentence.
_FURNITURE = re.compile(
    r"^(?:(?:Advertisement|ADVERTISEMENT|Sponsored|Share|(?:EMBED\s*)?[<>/]*\s*More News Videos|"
    r"Embed x Share|Related (?:Photos|Content|Videos?|Stories|Coverage))\s+)+(?=[A-Z\"“])"
)

#: A map's, a photo's or a chart's caption before the sentence ("Map of the region showing
#: the quake's centre: A tremor shook ...").
_CAPTION = re.compile(
    r"^(?:Map|Photo|Image|Picture|Graphic|Chart|Video)\s+(?:of|shows?|showing)\s+"
    r"[^:.!?\n]{1,100}:\s+(?=[A-Z\"“])"
)
#: The writer's own verb of saying ("I can tell you", "we said"): it gives no speaker.
_SELF_SAYS = re.compile(
    r"\b(?:I|we)\s+(?:(?:can|could|will|would|must|should|may|might|do|did|have|had)\s+)?"
    r"(?:tell|told|say|said|write|wrote|recall|recalled|note|noted|add|added)\b"
)

#: The runs that are a second person's or a first person's wherever they stand, and the
#: ones that are only where the sentence or a clause begins (then the pattern decides).
_YOU_WORDS = frozenset({"you", "your", "yours", "yourself"})
_YOU_OPENING = frozenset({"You", "Your"})
_WE_WORDS = frozenset({"we", "our", "ours", "us", "my", "me"})
_WE_OPENING = frozenset({"We", "Our", "My"})
#: :data:`_SPEAKS`'s words, lower case.
_SPEAKS_WORDS = frozenset(_SPEAKS.pattern.split("(?:", 1)[1].split(")", 1)[0].split("|"))


@lru_cache(maxsize=8192)
def talks_as_page(text: str) -> bool:
    """Whether a sentence speaks of the page or the outlet, or to the reader, rather than
    telling the news (kept per text: the summary and the timeline ask of the same
    sentences, and a story assembled again asks again).

    The sentence's runs of word characters are read once: each word :data:`_YOU`,
    :data:`_WE`, :data:`_I` and :data:`_SPEAKS` can match is one whole run ("we're" holds
    the run "we"), so a pattern of the first or second person, or of saying, runs only
    where one of its words is there, and whether someone speaks is asked only when a
    first or second person is there."""
    bare = _QUOTED.sub(" ", text) if _MARKS.search(text) else text
    if search(_PAGE, bare) or _CALL.match(text):
        return True
    runs = set(re.findall(r"\w+", bare))
    personal = (
        not runs.isdisjoint(_YOU_WORDS)
        or not runs.isdisjoint(_WE_WORDS)
        or (not runs.isdisjoint(_YOU_OPENING) and _YOU.search(bare) is not None)
        or (not runs.isdisjoint(_WE_OPENING) and _WE.search(bare) is not None)
        or ("I" in runs and any(map(_first_person, _I.finditer(bare))))
    )
    if personal and ("I" in runs or "we" in runs) and _SELF_SAYS.search(bare):
        # "I can tell you that ...": the writer's own saying names no other speaker
        bare = _SELF_SAYS.sub(" ", bare)
        runs = set(re.findall(r"\w+", bare))
    return personal and not _speaks(bare, runs)


def _speaks(bare: str, runs: set[str]) -> bool:
    """``_SPEAKS.search(bare)``: one of its words, in any case, is one of the runs."""
    if not folds_plainly(bare):  # "ſ", "ı", "İ": IGNORECASE reads them as ASCII letters
        return _SPEAKS.search(bare) is not None
    return any(run.lower() in _SPEAKS_WORDS for run in runs)


def _first_person(m: re.Match[str]) -> bool:
    before = m.string[: m.start()].split()
    return len(before) < 2 or not before[-1][:1].isupper()


def furniture_lead(text: str) -> int:
    """How many characters of a label (an advert's, a video player's, a link list's) open
    the sentence: 0 when none does."""
    m = _FURNITURE.match(text) or _CAPTION.match(text)
    return m.end() if m else 0
