"""Summary candidates: which sentences can stand alone, repaired where they can.

A candidate is a whole sentence of prose from an original report: page debris,
bylines, headings, fragments, pieces of a quotation split over sentences and
attribution tails ("Putin asked in a call.") are left out; a sentence the splitter
cut before its last words is put back together; a leading "He"/"She" is replaced by
the person it stands for (a description the sentence before opens on, else a name:
:mod:`.refer`), "The Ukrainian leader" by the person the story's reports give that
role, an "It happened near ..." by the event the report named ("The shooting happened
near ...", :func:`.refer.named_event`), a "That person" by the person the sentence before
describes, a possessive opening with the name in apposition ("Her cousin, Ana Reed, said")
by that name, a lone "his" no one in its sentence owns by the one person the sentence
before names; sentences that lean on lost context ("It",
"This", "The agency", a pronoun no description or name before it explains) are
skipped, an "it" that stands for nothing ("It was not clear why ...") is not; a
sentence spoken to the reader or in the outlet's voice ("If you know anything, call
...", "We will update this story") is the page's, not the news
(:mod:`storyline.story.page_talk`), and an advert's or a player's label run into a
sentence's front is left off it, and so are an encyclopedia's note marks ("[94]"). A
sentence with no main clause (a subject and a relative clause that never closes, a
heading's "Regarding ...") is no candidate; a report's last sentence whose stop was left
off gets one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from storyline.analyze.needwords import search
from storyline.lexicon.calendar import DATELINE, MONTH_NAME, WEEKDAY_NAME
from storyline.lexicon.labels import CITED_NAME_LABELS
from storyline.model import Analyzed, Citation, Mention, Span
from storyline.story.page_talk import furniture_lead, talks_as_page
from storyline.story.summary.refer import (
    counted_group,
    described_group,
    described_subject,
    expletive,
    named_event,
    names_anyone,
    resolved_forward,
    resolved_within,
    titled,
)
from storyline.story.summary.text import (
    QUOTED,
    claim_key,
    num,
    numbers_in,
    period_of,
    surname,
)

_PRONOUN_START = re.compile(r"^(He|She)\s+(?=[a-z])")
#: A possessive opening a sentence: "Her mother, Ana Reed, said ..." is the mother of the
#: person a leading "She" would stand for.
_POSSESSIVE_START = re.compile(r"^(His|Her)\s+(?=[a-z])")
_POSSESSOR = {"His": "He", "Her": "She"}
#: What a possessive opening owns, then the full name of that person in apposition and a
#: verb ("mother, Ana Reed, said"): the name may open the sentence alone.
_KIN_NAMED = re.compile(
    r"^[a-z-]+(?:\s+[a-z-]+)?,\s+((?:[A-Z][\w’'.-]+\s+){1,3}[A-Z][\w’'-]+),\s+"
    r"(?=(?:said|says|told|added|wrote|was|is|has|had)\b)"
)
_UNNAMED = re.compile(r"(?:full\s+)?(?:name|identity)\b")
#: A "he"/"she" right after a lead-in ("In court Thursday, she was ..."): the subject.
_LEAD_PRONOUN = re.compile(r"^(he|she)\s+(?=[a-z])")
#: A list item's dash or a station's tag before the sentence ("- Police say ...",
#: "(WKXN) - A man was ...", "(05/04/15) - ..."): not the sentence's.
_BULLET = re.compile(r"^(?:[-–—•*]|\([^()\n]{1,20}\)\s*[-–—])\s+(?=[A-Z\"“])")
#: A sentence opening on a name the name finder missed, as its subject ("Reed was arrested
#: ... as he ran"): a "he"/"she" later in it is that person.
_NAME_SUBJECT = re.compile(
    r"^(?!(?:The|A|An|This|That|These|Those|It|Its|He|She|His|Her|They|Their|We|I|You|"
    r"There|Here|Police|Officers|Authorities|Officials|Investigators|Deputies|Nobody|"
    r"Someone|Somebody|Everyone|Everybody|Anyone|No|One|Each|Both|Some|Another|All|Most|"
    r"Many|Several|Few|None|Neither|Either|Nothing|Everything|Something|Witnesses|Family|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday)\b)"
    r"[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){0,2}\s+"
    r"(?:was|is|has|had|will|would|did|remains|remained|passed|died)\b"
)
#: A verb of dying after a missed name: the one who dies owns a later "his" or "her".
_DIED = re.compile(r"(?:died|passed away)\b")
#: The pronouns a missed name opening the sentence may stand for: a subject ("as he ran"),
#: not a possessive or an object, which is as often another person's ("Reed, a spokesman,
#: would not give his condition").
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|himself|she|herself)\b", re.I)
#: "It's not yet clear why ...": an "it" that stands for nothing, written out.
_IT_IS = re.compile(r"^It[’']s\b")
#: A demonstrative and a noun for one person opening the sentence ("That person went ...").
_THAT_PERSON = re.compile(r"^(?:That|This)\s+(person|man|woman|boy|girl|teen|teenager)\s+(?=[a-z])")
_THAT_PRONOUNS = {"man": ("He",), "boy": ("He",), "woman": ("She",), "girl": ("She",)}
_GROUP_START = re.compile(r"^They\s+(?=[a-z])")
#: How many sentences back a run of sentences opening on the same "He"/"She" is followed
#: to the one that says who it is.
_CHAIN = 3
_ROLES = (
    "prime minister|foreign minister|defence minister|defense minister|chief executive|"
    "governor|president|minister|premier|chancellor|mayor|spokesman|spokeswoman|"
    "spokesperson|chairman|chairwoman|chair|leader|secretary|commander|ambassador|"
    "senator|envoy|king|queen|pope|chief"
)
# "The governor said…", "The US president added…", "The Ukrainian leader dismissed…".
_DESCRIPTION_START = re.compile(
    rf"^The\s+((?:[A-Z][\w.]*\s+|(?:regional|former|local|new|deputy|acting)\s+){{0,2}})"
    rf"({_ROLES})(?:'s)?\s+(?=[a-z])"
)
_CONTEXT_START = re.compile(
    r"^(?:It|Its|This|That|These|Those|They|Their|Them|Such|Both|There|Here|"
    r"The\s+(?:agency|ministry|official|officials|spokesman|spokeswoman|spokesperson|"
    r"company|stock|shares|firm|group|minister|president|leader|man|woman|statement|report|move|"
    r"country|army|military|side|two|latter|former|"
    r"same|plan|deal|proposal|talks|meeting|call))\b"
)
#: A sentence naming the story's event by a definite description ("The incident happened
#: on Congress Street") stands after the main event is told, never before it.
_EVENT_START = re.compile(
    r"^The\s+(?:incident|attack|strike)\b"
    r"|^The\s+[a-z]+\s+(?:happened|occurred|began|started|took place|unfolded)\b"
)
#: A thing "The" names that the words after it say which ("The call about the fire
#: came in at 9:10 p.m."): it leans on no sentence before it.
_SAYS_WHICH = re.compile(
    r"^The\s+(?:call|statement|report|plan|deal|proposal|talks|meeting)\s+"
    r"(?:concerning|about|regarding|on|over|of|from|between|with)\s+(?:the|a|an)\s+[a-z]"
    # "Both parents waived ...": a pair of people the noun says, as "The parents" would
    r"|^Both\s+(?:parents|victims|suspects|men|women|boys|girls|brothers|sisters|teens|"
    r"teenagers|children|officers|deputies|drivers)\b"
    # "There will be a vigil ...": an existential "there" stands for nothing
    r"|^There\s+(?:is|are|was|were|will\s+be|has\s+been|have\s+been|had\s+been)\b"
    # (not a count whose noun an earlier sentence gave: "There have been three in Kessel")
    r"(?!\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|at|on|so|this)\b)"
)
#: A link in brackets inside a sentence ("told the Daily Post (http://...) the girl ..."):
#: not the sentence's words.
_BRACKETED_LINK = re.compile(r"\s*\((?:https?://|www\.)[^()\s]*\s*\)")
_LEAD_IN = re.compile(
    r"^(?:[A-Z][a-z]+ing|On|In|At|Under|After|Before|Earlier|Later|During|Following|"
    r"Despite|Amid|With|Without|As|Asked|Reached|Contacted|Pressed|Questioned|"
    r"According to|[A-Z][a-z]+\s+(?:days?|weeks?|months?|years?|hours?)\s+(?:ago|later|earlier))"
    r"\b[^,]{0,80},\s"
)
_TITLE_WORDS = frozenset(
    {
        *_ROLES.replace("|", " ").split(),
        *("the", "regional", "local", "former", "deputy", "acting", "state", "national"),
        *("kremlin", "white", "house"),
    }
)
_DROP_CONNECTIVE = re.compile(
    r"^(?:But|And|However|Yet|Still|Also|Meanwhile|Moreover|Separately|Additionally|"
    r"Furthermore|Elsewhere|In addition|Earlier|Later),?\s+"
)
#: A sentence opening on a group of officials: a later "they" is that group.
_GROUP_SUBJECT = re.compile(
    r"^(?:The\s+)?(?:Police|Officers|Officials|Authorities|Investigators|Detectives|Deputies|"
    r"Troopers|Firefighters|Prosecutors|Witnesses|Neighbors|Neighbours|Residents)\b"
)
#: What officials do when a "They" after them is still them: speak, believe.
_SAYS = re.compile(r"(?:said|say|says|told|believe|believed|think|added|confirmed)\b")
_LATE_PRONOUN = re.compile(r"\b(?:he|him|his|she|her|hers|they|them|their)\b", re.IGNORECASE)
_DEBRIS = re.compile(
    r"https?://|www\.|@\w|\S+@\S+\.\w|©|\ball rights reserved\b|\bphoto(?:graph)?\s*:|"
    r"\b(?:also read|read more|click here|sign up|subscribe|follow us|reporting by|"
    r"editing by|writing by|additional reporting|getty images|via getty|file photo)\b|"
    r"\b(?:image|photo|picture|slide)\s+\d+\s+of\s+\d+\b|"
    r"[|•»«▶►]",
    re.IGNORECASE,
)
#: A photo credit run into a sentence: "Gary Marks/GM Video Productions The shooting ...".
_CREDIT = re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} ?/ ?[A-Z]")
_BYLINE = re.compile(r"^(?:By|From|Updated|Published|Posted|Photo|Image|Credit|Source)\b[ :]")
_DATELINE = re.compile(rf"\b{DATELINE}\s+")
_ATTRIBUTION_TAIL = re.compile(
    r"^(?:[A-Z][\w.’'-]*\s+){1,4}(?:said|asked|added|told|wrote|noted|stated|"
    r"explained|insisted|replied|warned|continued)\b(?![^.]*\bthat\b)"
)
_DATE_LEAD = re.compile(
    rf"^(?:(?:{WEEKDAY_NAME}),?\s+)?(?:{MONTH_NAME})\s+\d{{1,2}},\s+\d{{4}}\s+(?=[A-Z])"
)
_TERMINAL = re.compile(r"[.!][\"'”’)\]]*$")
#: A short sentence that is still whole: a name, a finite verb and what follows ("Reed was
#: released Thursday."), four words or five.
_SHORT = re.compile(
    r"^[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s+(?:was|were|is|are|has|had|remains)\s+[a-z]"
)
#: A sentence with no main clause: a subject and a relative clause that never closes
#: ("The ferry, which links the two ports." or "Reed, who was arrested on the pier at about
#: 9." where the splitter cut at a clock time), a heading's "Regarding ...", or a clause
#: set on "a day when" alone.
_NO_MAIN_CLAUSE = re.compile(
    r"^(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w’'-]+,\s+(?:who|whom|whose|which)\b[^,]*$"
    r"|^(?:The|A|An)\s+(?:(?!(?:is|was|were|are|has|had|have|said|says)\b|\w+ed\b)"
    r"[\w’'-]+\s+){0,4}(?!\w+ed,)[\w’'-]+,\s+(?:who|whom|whose|which)\b[^,]*$"
    r"|^(?:Regarding|Concerning)\b[^,]*$"
    r"|^(?:On|In|At|During)\s+(?:a|the)\s+(?:day|night|week|year|time|morning|afternoon|"
    r"evening)\s+(?:when|that)\b[^,]*$"
)
#: An encyclopedia's note marks ("[94]"), and a stray closing quote before them at a
#: sentence's front.
_FOOTNOTE_LEAD = re.compile(r"^[\"”]?\s*(?:\[\d{1,3}\]\s*)+(?=[A-Z\"“])")
_FOOTNOTE = re.compile(r"(?<=[\w.,;:!?\"”)])\[\d{1,3}\]")
#: A report's last sentence may lack its stop: one ending on a word, this long at least.
_LAST_WORD = re.compile(r"[a-z0-9]\s*$")
_UNSTOPPED_WORDS = 8
#: A title the splitter took for a sentence's end: "... on Sunday, Sgt." + "Reed said."
_TITLE_END = re.compile(
    r"(?:^|\s)(?:Sgt|Capt|Lt|Det|Cpl|Ofc|Insp|Supt|Cmdr|Col|Gen|Maj|Gov|Sen|Rep|Dr|Rev)\.$"
)
#: The most words a piece the sentence splitter cut off a sentence's end may have...
_TAIL_WORDS = 3
#: ...and after a title, where the rest is a name and what the person is ("Ilsa Brandt,
#: a spokeswoman for the Vellmar police.").
_TITLED_TAIL_WORDS = 12
FactIndex = Mapping[str, Sequence[tuple[Span, str]]]
"""Per article, where each story fact is cited: article -> (span, fact key)."""


@dataclass(slots=True)
class Candidate:
    """A sentence that may go into the summary, with what the selection needs of it."""

    article: str
    span: Span
    text: str  # possibly repaired
    order: int  # sentence index in its article
    words: dict[str, float]  # TF-IDF vector, filled later
    facts: set[str]
    names: set[str]
    numbers: frozenset[float]
    score: float = 0.0
    support: tuple[Citation, ...] = ()
    independent: int = 0
    persons: set[str] = field(default_factory=set)  # the names that are people
    refers: bool = False  # names the story's event by a description: never the lead


def find_candidates(
    item: Analyzed,
    canon: Callable[[str, str], str],
    variants: Mapping[str, str],
    fact_spans: FactIndex,
    holder: Callable[[str, Sequence[str]], str | None] | None = None,
) -> list[Candidate]:
    """The sentences of one report that can stand alone in a summary, repaired where needed.

    ``holder`` says who the story's reports give a role (:func:`role_holder`): a sentence
    opening on "The Ukrainian leader" is his when its report names him too."""
    text = item.article.text
    out: list[Candidate] = []
    previous = ""
    sentences = _rejoined(text, item.analysis.sentences)
    named = _Names(item)
    for order, whole in enumerate(sentences):
        if whole is None:
            continue  # the end of the sentence before, put back on it
        for span in _pieces(text, whole, [t.span for t in item.analysis.times]):
            candidate = _candidate(
                item, named, span, order, previous, canon, variants, fact_spans, holder
            )
            previous = text[span.start : span.end]
            if candidate is not None:
                out.append(candidate)
    return out


def _candidate(
    item: Analyzed,
    named: _Names,
    span: Span,
    order: int,
    before: str,
    canon: Callable[[str, str], str],
    variants: Mapping[str, str],
    fact_spans: FactIndex,
    holder: Callable[[str, Sequence[str]], str | None] | None,
) -> Candidate | None:
    """One sentence (``span``) as a candidate, repaired; None when it cannot stand alone.
    ``named`` holds the report's names, ``before`` is the sentence before it."""
    text = item.article.text
    debris = [b.span for b in item.analysis.boilerplate]
    raw = text[span.start : span.end]
    ran_in = [b for b in debris if span.overlaps(b)]
    if ran_in and "\n" in raw.strip():
        # a heading or caption the splitter ran into the sentence after it: the
        # sentence is the one line after the last of them
        after = max(b.end for b in ran_in)
        rest = text[after : span.end]
        if rest.strip() and "\n" not in rest.strip():
            span = Span(after + len(rest) - len(rest.lstrip()), span.end)
            raw = text[span.start : span.end]
    if any(span.overlaps(b) for b in debris) or _inside_quote(text, span.start):
        return None
    if _ATTRIBUTION_TAIL.match(raw) and before.rstrip().endswith(('"', "”")):
        return None  # "Putin asked in a call." after a quote it lost
    if "\n" in raw.strip():
        # Two lines read as one sentence: a whole sentence on the first line (the
        # splitter missed its end, "at 8 p.m.") is the sentence; else a heading or a
        # related-story link ran into it, and the sentence is its last line.
        head = raw.strip().split("\n", 1)[0].rstrip()
        if _TERMINAL.search(head):
            start = raw.index(head)
            span = Span(span.start + start, span.start + start + len(head))
            raw = head
        else:
            # (the last line that ends as a sentence: the splitter may have cut the next
            # sentence's first words onto the last line, "At 11:07 a.m.")
            line = _last_whole_line(raw)
            span = Span(span.start + line.start(), span.start + line.end())
            raw = line.group(0)
    dateline = _DATELINE.search(raw) or _DATE_LEAD.match(raw)
    if dateline:
        # A heading or dateline ran into the sentence: keep what follows it.
        span = Span(span.start + dateline.end(), span.end)
        raw = raw[dateline.end() :]
    footnote = _FOOTNOTE_LEAD.match(raw.lstrip())
    if footnote:  # '"[94] On May 3, ...': an encyclopedia's note mark, not the sentence's
        cut = len(raw) - len(raw.lstrip()) + footnote.end()
        span = Span(span.start + cut, span.end)
        raw = raw[cut:]
    bullet = _BULLET.match(raw.lstrip())
    if bullet:
        cut = len(raw) - len(raw.lstrip()) + bullet.end()
        span = Span(span.start + cut, span.end)
        raw = raw[cut:]
    label = furniture_lead(raw.lstrip())
    if label:  # "Advertisement The boy was ...": an advert's or a player's label ran in
        cut = len(raw) - len(raw.lstrip()) + label
        span = Span(span.start + cut, span.end)
        raw = raw[cut:]
    if (
        not text[span.end :].strip()
        and _LAST_WORD.search(raw)
        and len(raw.split()) >= _UNSTOPPED_WORDS
    ):
        raw = raw.rstrip() + "."  # the report's last sentence, its stop left off
    cleaned = _repair(_FOOTNOTE.sub("", raw.strip()), item, span, canon, holder)
    if cleaned is None or not readable(cleaned, named.words_in(span)):
        return None
    if talks_as_page(cleaned):
        return None  # to the reader or as the outlet, not the news
    if _CUT_OFF.search(cleaned):
        return None  # a teaser cut off mid-clause ("... when gunfire erupted outside...")
    if _NO_MAIN_CLAUSE.match(cleaned):
        return None  # "Reed, who was held at the pier at around 9." has no main verb
    names = named.names_in(span, canon, variants)
    facts = facts_of(item.article.id, span, fact_spans) | {f"ent:{n}" for n in names}
    # c.sentence.overlaps(span) or span.contains(c.span), written out: run for every pair
    lo, hi = span.start, span.end
    facts |= {
        claim_key(c.measure, c.value)
        for c in item.analysis.claims
        if (c.sentence.start < hi and lo < c.sentence.end)
        or (lo <= c.span.start and c.span.end <= hi)
    }
    numbers = frozenset(num(v) for v in numbers_in(cleaned))
    facts |= {f"num:{v}" for v in numbers}
    period = period_of(item.article.published)
    if period:
        facts.add(period)
    return Candidate(
        item.article.id,
        span,
        cleaned,
        order,
        {},
        facts,
        names,
        numbers,
        persons=named.persons_in(names),
        refers=_EVENT_START.match(cleaned) is not None,
    )


def _last_whole_line(raw: str) -> re.Match[str]:
    """The last line of ``raw`` that ends as a sentence of six words or more, else its last
    line."""
    lines = list(re.finditer(r"[^\n]*\S[^\n]*", raw))
    whole = [
        m for m in lines if len(m.group(0).split()) >= 6 and _TERMINAL.search(m.group(0).rstrip())
    ]
    return (whole or lines)[-1]


#: A sentence that ends on an ellipsis: a teaser or a link's text cut off, not a whole
#: sentence.
_CUT_OFF = re.compile(r"(?:\.\.\.|…)[\"”’']?\s*$")


#: Where a quotation closed a sentence the splitter ran on into the next one ("... going
#: on.” Police gave no details"): the next sentence begins there.
_QUOTE_END = re.compile(r"(?<=[.!?][”\"’'])\s+(?=[A-Z])")
#: A closing quotation mark the splitter left at the start of the sentence after it.
_STRAY_CLOSE = re.compile(r"^[”\"]\s*(?=[A-Z])")


def _pieces(text: str, span: Span, times: Sequence[Span] = ()) -> list[Span]:
    """The sentences one span of the splitter holds: a quotation closing a sentence ends
    it when a capital follows ("“... going on.” Police gave ..."; not a nickname, “J.R.”),
    a closing mark left at its start belongs to the sentence before, and two lines that
    each end as a sentence are two sentences (not a teaser cut off by "...", nor a list
    of links; a span whose first line does not end is left to :func:`_candidate`). No cut
    falls inside a time expression of ``times`` (its date could be stated in neither)."""
    raw = text[span.start : span.end]
    spans = [span]
    lines = list(re.finditer(r"\S[^\n]*\S|\S", raw))
    head = lines[0].group(0) if lines else ""
    if len(lines) == 2 and _TERMINAL.search(head) and not head.endswith(("...", "…")):
        spans = [Span(span.start + m.start(), span.start + m.end()) for m in lines]
        if any(t.start < spans[1].start and spans[0].end < t.end for t in times):
            spans = [span]
    out: list[Span] = []
    for piece in spans:
        words = text[piece.start : piece.end]
        stray = _STRAY_CLOSE.match(words)
        inside = _inside_quote(text, piece.start)
        start = piece.start + stray.end() if stray and inside else piece.start
        bounds = [start]
        for m in _QUOTE_END.finditer(words):
            cut = piece.start + m.end()
            if (
                piece.start + m.start() > start
                and _quotation_ends(words[: m.start()], inside)
                and not any(t.start < cut < t.end for t in times)
            ):
                bounds.append(cut)
        bounds.append(piece.end)
        for a, b in pairwise(bounds):
            part = text[a:b]
            a2, b2 = a + len(part) - len(part.lstrip()), a + len(part.rstrip())
            if b2 > a2:
                out.append(Span(a2, b2))
    return out


def _quotation_ends(head: str, inside: bool) -> bool:
    """Whether ``head`` closes a quotation of at least three words: one opened in it, or
    before it when it starts inside a quotation ("... prevented." Reed was ...)."""
    opened = max(head.rfind("“"), head.rfind('"', 0, len(head) - 1), head.rfind(" '"))
    if opened < 0:
        return inside
    return len(head[opened:].split()) >= 3


def _rejoined(text: str, sentences: Sequence[Span]) -> list[Span | None]:
    """The report's sentences with a sentence the splitter cut before its last words put
    back together ("... near 75th and" + "State Avenue."): a piece of at most
    ``_TAIL_WORDS`` words ending a sentence, on the same line as a sentence that does not
    end, is its end; so is one (of up to ``_TITLED_TAIL_WORDS``) after a sentence that
    ends on a title ("..., said Sgt." + "Ilsa Brandt, a police spokeswoman."). The piece's
    place is None, so sentence numbers stay."""
    out: list[Span | None] = list(sentences)
    for n in range(len(sentences) - 1):
        head, tail = out[n], sentences[n + 1]
        if head is None:
            continue
        between = text[head.end : tail.start]
        piece = text[tail.start : tail.end].strip()
        whole = text[head.start : head.end].rstrip()
        titled = _TITLE_END.search(whole) is not None
        if (
            (not _TERMINAL.search(whole) or titled)
            and between.strip() == ""
            and "\n" not in between + piece
            and len(piece.split()) <= (_TITLED_TAIL_WORDS if titled else _TAIL_WORDS)
            and _TERMINAL.search(piece)
        ):
            out[n] = Span(head.start, tail.end)
            out[n + 1] = None
    return out


def _repair(
    sentence: str,
    item: Analyzed,
    span: Span,
    canon: Callable[[str, str], str],
    holder: Callable[[str, Sequence[str]], str | None] | None = None,
) -> str | None:
    """Make a sentence stand alone, or return None when it cannot."""
    sentence = _BRACKETED_LINK.sub("", " ".join(sentence.split()))
    stripped = _DROP_CONNECTIVE.sub("", sentence)
    if stripped != sentence and stripped:
        sentence = stripped[0].upper() + stripped[1:]
    # "It happened near Elm Street": the event the report named before ("The shooting ...")
    sentence = named_event(sentence, item.article.text[: span.start]) or sentence
    group = _GROUP_START.match(sentence)
    previous = _previous_text(item, span) if group else ""
    counted = (counted_group(previous) or described_group(previous)) if group else None
    if group and counted:
        # "Four men were hurt. They ...", "The family of Tomas Reed met. They ..."
        return counted + " " + sentence[group.end() :]
    officials = _GROUP_SUBJECT.match(previous) if group else None
    said = sentence[group.end() :] if group else ""
    if officials and _SAYS.match(said) and not _LATE_PRONOUN.search(_outside_quotes(said)):
        # "Police say a man was arrested. They said Tomas Reed ...": the officials speak
        # again (what they say names its people: "They said he ..." still leans on context)
        return officials.group(0) + " " + said
    if _IT_IS.match(sentence) and expletive(_IT_IS.sub("It is", sentence, count=1)):
        sentence = _IT_IS.sub("It is", sentence, count=1)  # "It's not yet clear why ..."
    that = _THAT_PERSON.match(sentence)
    if that:
        # "That person went to check ...": the person the sentence before describes
        before = _previous_text(item, span)
        pronouns = _THAT_PRONOUNS.get(that.group(1).lower(), ("He", "She"))
        subject = next(
            (d for p in pronouns if (d := described_subject(before, p)) is not None), None
        )
        return None if subject is None else subject + " " + sentence[that.end() :]
    if (
        _CONTEXT_START.match(sentence)
        and not expletive(sentence)
        and not _SAYS_WHICH.match(sentence)
    ):
        return None
    mentions = [m for m in item.analysis.entities if m.label in CITED_NAME_LABELS]
    inside = [m for m in mentions if span.start <= m.span.start < span.end]
    described = _DESCRIPTION_START.match(sentence)
    if described:
        name = _antecedent(item, span)
        modifiers = tuple(described.group(1).split())
        if name is not None and titled(item, name, described.group(2), modifiers):
            return canon(item.article.id, name) + " " + sentence[described.end() :]
        # the one person the story's reports give the role, when this report names them:
        # as this report writes the name (its citation must hold the name it shows)
        story_name = holder(described.group(2), modifiers) if holder else None
        written = [
            m.text
            for m in item.analysis.entities
            if m.label == "PERSON" and canon(item.article.id, m.key) == story_name
        ]
        if story_name is None or not written:
            return None
        return max(written, key=len) + " " + sentence[described.end() :]
    head = _PRONOUN_START.match(sentence)
    if head:
        subject = _subject_of(item, span, head.group(1), canon)
        return None if subject is None else subject + " " + sentence[head.end() :]
    possessive = _POSSESSIVE_START.match(sentence)
    if possessive:
        # "Her mother, Ana Reed, said ...": the mother of the person the sentence before
        # describes, or of the one person it names (not a speaker: "Police said ..."); "His
        # name was not released" names no one
        if _UNNAMED.match(sentence[possessive.end() :]):
            return None
        pronoun = _POSSESSOR[possessive.group(1)]
        before = _previous_text(item, span)
        owner = described_subject(before, pronoun)
        if owner is None:
            person = _sole_person(item, span)
            owner = canon(item.article.id, person) if person else None
        if owner is None:
            # "Her mother, Ana Reed, said ...": the person the apposition names says it
            named_owner = _KIN_NAMED.match(sentence[possessive.end() :])
            if named_owner is None:
                return None
            return named_owner.group(1) + " " + sentence[possessive.end() + named_owner.end() :]
        owned = owner + ("’" if owner.endswith("s") else "’s")
        return owned + " " + sentence[possessive.end() :]
    lead_in = _LEAD_IN.match(sentence)
    after_lead = _LEAD_PRONOUN.match(sentence[lead_in.end() :]) if lead_in else None
    if lead_in and after_lead and not _LATE_PRONOUN.search(sentence[: lead_in.end()]):
        # "In court Thursday, she was given ...": the subject after the lead-in
        subject = _subject_of(item, span, after_lead.group(1).capitalize(), canon)
        if subject is None:
            return None
        if subject.startswith("The "):
            subject = "the " + subject[4:]
        rest = sentence[lead_in.end() + after_lead.end() :]
        return sentence[: lead_in.end()] + subject + " " + rest
    # A pronoun before the sentence names anyone points outside the sentence...
    first_name = min((m.span.start - span.start for m in inside), default=len(sentence))
    lead = _outside_quotes(item.article.text[span.start : span.start + max(0, first_name)])
    if _LATE_PRONOUN.search(lead) is None:
        return sentence
    # ...unless it points forward, from a lead-in to the name that follows it ("Appearing
    # with his lawyer, Tomas Reed gave himself up"; a place named inside the
    # lead-in is not that name), or back to the police the sentence opens on ("Police said
    # they got the call").
    raw = item.article.text[span.start : span.end]
    lead_in = _LEAD_IN.match(raw)
    if lead_in:
        after = min(
            (
                m.span.start - span.start
                for m in inside
                if m.span.start - span.start >= lead_in.end()
            ),
            default=len(raw),
        )
        between = _outside_quotes(raw[lead_in.end() : after])
        if after < len(raw) and not _LATE_PRONOUN.search(between) and _only_titles(between):
            return sentence
        if resolved_forward(raw[: lead_in.end()], _outside_quotes(raw[lead_in.end() : after])):
            return sentence  # "According to her son, the woman ..."
    if resolved_within(lead):
        return sentence  # "the teen was driving ... when he opened fire"
    if _NAME_SUBJECT.match(lead) and all(
        _SUBJECT_PRONOUN.fullmatch(p.group(0)) for p in _LATE_PRONOUN.finditer(lead)
    ):
        return sentence  # "Reed was arrested ... as he ran": a name the finder missed
    died = _NAME_SUBJECT.match(lead)
    if died and _DIED.match(lead[died.end() - len(died.group(0).split()[-1]) :]):
        # "Reed died at his home ...": who dies owns what follows, as no one else is named
        found = {p.group(0).lower() for p in _LATE_PRONOUN.finditer(lead)}
        if found <= {"his"} or found <= {"her"}:
            return sentence
    plural = ("they", "them", "their")
    if _GROUP_SUBJECT.match(lead) and all(
        p.group(0).lower() in plural for p in _LATE_PRONOUN.finditer(lead)
    ):
        return sentence
    return _owned_by_sole_person(item, span, sentence, canon)


def _quoting(sentence: str) -> bool:
    return any(mark in sentence for mark in '"“”')


def _owned_by_sole_person(
    item: Analyzed, span: Span, sentence: str, canon: Callable[[str, str], str]
) -> str | None:
    """A sentence whose one pronoun is a "his" (no quotation, no one named or described
    before it) with the "his" given to the one person the sentence before names ("Deputy
    Ilsa Brandt was killed on Saturday. A procession escorted his body home" -> "... escorted
    Ilsa Brandt’s body home"); None when it is not such a sentence."""
    pronouns = list(_LATE_PRONOUN.finditer(sentence))
    if len(pronouns) != 1 or pronouns[0].group(0) != "his" or _quoting(sentence):
        return None
    at = pronouns[0]
    if names_anyone(sentence[: at.start()]):
        return None  # "One of the officers drew his gun": the officer's
    person = _sole_person(item, span)
    if person is None:
        return None
    owner = canon(item.article.id, person)
    owned = owner + ("’" if owner.endswith("s") else "’s")
    return sentence[: at.start()] + owned + sentence[at.end() :]


def _subject_of(
    item: Analyzed, span: Span, pronoun: str, canon: Callable[[str, str], str]
) -> str | None:
    """Who a "He"/"She" opening the sentence at ``span`` stands for: the person the sentence
    before opens on, described ("The mother of a boy ... has been charged, according to
    Police Chief James Craig. She ..."), else named (by the name finder, or a capitalised
    word or two the finder missed opening it on a verb); when that sentence opens on the same
    pronoun, the one before it ("The child was hit. She was taken to hospital. She was
    released on Sunday."). None when no one is found."""
    at = span
    for _ in range(_CHAIN):
        before = _previous_text(item, at)
        subject = described_subject(before, pronoun)
        if subject is not None:
            return subject
        name = _antecedent(item, at)
        if name is not None:
            return canon(item.article.id, name)
        missed = _NAME_SUBJECT.match(before)
        if missed is not None:
            # "Reedholt was held in the county jail. He ...": a name the finder missed
            return missed.group(0).rsplit(None, 1)[0]
        if not _opens_on(before, pronoun) and not _tells_the_event(before):
            return None
        prior = _sentence_before(item, at)
        if prior is None:
            return None
        at = prior
    return None


def _tells_the_event(sentence: str) -> bool:
    """Whether a sentence tells where or when the event happened and names no one ("The
    shooting happened at 6550 Elm Road around 10 p.m."): a "He"/"She" after it is the person
    of the sentence before it."""
    return bool(
        (_EVENT_START.match(sentence) or _IT_HAPPENED.match(sentence))
        and not _LATE_PRONOUN.search(sentence)
    )


_IT_HAPPENED = re.compile(r"^(?:It|This)\s+(?:happened|occurred|took place)\b")


def _opens_on(sentence: str, pronoun: str) -> bool:
    """Whether ``sentence`` opens on ``pronoun``, after a lead-in or two too ("As he was led
    into court, in chains, he ...")."""
    for _ in range(3):
        if sentence.startswith((pronoun + " ", pronoun.lower() + " ")):
            return True
        lead = _LEAD_IN.match(sentence)
        if lead is None:
            return False
        sentence = sentence[lead.end() :]
    return False


def _sole_person(item: Analyzed, span: Span) -> str | None:
    """The one person the sentence before ``span`` names outside quotations and lead-ins (by
    the name finder's person label), or None (none, or more than one)."""
    prev = _sentence_before(item, span)
    if prev is None:
        return None
    prev_text = item.article.text[prev.start : prev.end]
    skip = [m.span() for m in QUOTED.finditer(prev_text)]
    lead = _LEAD_IN.match(prev_text)
    if lead:
        skip.append((0, lead.end()))
    keys = {
        m.key
        for m in item.analysis.entities
        if m.label == "PERSON"
        and prev.contains(m.span)
        and not any(a <= m.span.start - prev.start < b for a, b in skip)
    }
    return keys.pop() if len(keys) == 1 else None


def _sentence_before(item: Analyzed, span: Span) -> Span | None:
    """The last of the report's sentences that ends before ``span`` starts, or None."""
    prior = None
    for sentence in item.analysis.sentences:
        if sentence.end <= span.start:
            prior = sentence
    return prior


def _previous_text(item: Analyzed, span: Span) -> str:
    """The sentence before ``span``, from its subject on (a dateline or lead-in cut off)."""
    prev = _sentence_before(item, span)
    if prev is None:
        return ""
    text = " ".join(item.article.text[prev.start : prev.end].split())
    dateline = _DATELINE.search(text)
    if dateline:
        text = text[dateline.end() :]
    lead = _LEAD_IN.match(text)
    if lead:
        text = text[lead.end() :]
    return text[:1].upper() + text[1:]


def _inside_quote(text: str, start: int) -> bool:
    """Whether a sentence starts inside a quotation opened earlier in its paragraph."""
    para = text.rfind("\n", 0, start) + 1
    head = text[para:start]
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1


def _antecedent(item: Analyzed, span: Span) -> str | None:
    """Who a leading "He"/"She" stands for: the previous sentence's speaker (a person), else
    its subject.

    The subject is approximated by the first person named in the previous sentence
    outside quotation marks; when that sentence names several people, only one named
    at its start counts. Looking further back guesses wrong too often.
    """
    prev = _sentence_before(item, span)
    if prev is None:
        return None
    people = {m.key for m in item.analysis.entities if m.label == "PERSON"}
    for quote in item.analysis.quotes:
        # a person who speaks, not an office ("according to the county's examiner")
        speaks = quote.speaker_span is not None and prev.contains(quote.speaker_span)
        if speaks and quote.speaker and quote.speaker in people:
            return quote.speaker
    quoted = [m.span() for m in QUOTED.finditer(item.article.text[prev.start : prev.end])]
    # Small models label a surname alone as ORG now and then; a form the article
    # also uses for a person is a person.
    persons = {
        form
        for m in item.analysis.entities
        if m.label == "PERSON"
        for form in (m.text, m.key, m.key.split()[-1] if m.key.split() else m.key)
    }
    # A name in a lead-in ("Speaking after his call with Trump, Zelensky…") is not the subject.
    lead = _LEAD_IN.match(item.article.text[prev.start : prev.end])
    skip = [(0, lead.end())] if lead else []
    # nor is a name a source is given by ("..., according to the Cook County medical
    # examiner's office")
    prev_text = item.article.text[prev.start : prev.end]
    skip += [m.span() for m in re.finditer(r"\baccording to\b[^,;]*", prev_text)]
    named = [
        m
        for m in item.analysis.entities
        if (m.label == "PERSON" or m.text in persons)
        and prev.contains(m.span)
        and not any(a <= m.span.start - prev.start < b for a, b in (*quoted, *skip))
    ]
    if not named:
        return None
    first = named[0]
    # With two people in the sentence the pronoun is the subject's only when the
    # subject opens the sentence ("Trump spoke to Putin. He said…"); otherwise unclear.
    before = item.article.text[prev.start + (lead.end() if lead else 0) : first.span.start]
    if len({m.key for m in named}) > 1 and not _only_titles(before):
        return None
    return first.key


def _only_titles(text: str) -> bool:
    """Whether the words before a name are only its title ("US President", "Kremlin spokesman")."""
    words = re.findall(r"[\w’'.-]+", text)
    return len(words) <= 5 and all(w[:1].isupper() or w.lower() in _TITLE_WORDS for w in words)


def _outside_quotes(text: str) -> str:
    return re.sub(r"[\"“][^\"”]*[\"”]", " ", text)


def readable(sentence: str, named: int = 0) -> bool:
    """A whole sentence of prose: no debris, byline, heading or fragment; six words or more
    (four when a name opens it on a finite verb: "Reed was released Thursday.").

    ``named`` is how many of its capitalised words are names: a sentence full of names
    ("Jose Enrique Lefebre-Toro was arraigned in 91st District Court") is no heading.
    """
    words = sentence.split()
    shortest = 4 if named and _SHORT.match(sentence) else 6
    if not shortest <= len(words) <= 60 or "\n" in sentence:
        return False
    if not (sentence[0].isupper() or sentence[0] in "\"“'‘" or sentence[0].isdigit()):
        return False
    if not _TERMINAL.search(sentence) or search(_DEBRIS, sentence) or _BYLINE.match(sentence):
        return False
    if _CREDIT.match(sentence):
        return False
    if sentence.count('"') % 2 or sentence.count("“") != sentence.count("”"):
        return False
    if sentence.count("(") != sentence.count(")"):
        return False
    letters = "".join(filter(str.isalpha, sentence))
    if not letters or sum(map(str.isupper, letters)) > 0.5 * len(letters):
        return False
    # Headings run together with a sentence read as long title-case runs.
    titled = sum(1 for w in words if w[:1].isupper())
    return titled - min(named, titled // 2) <= 0.6 * len(words)


class _Names:
    """What :func:`find_candidates` asks of a report's names, sentence after sentence: the
    report's cited names in text order (found by position), and its people, read once."""

    def __init__(self, item: Analyzed) -> None:
        self.item = item
        self.cited: list[Mention] = [
            m for m in item.analysis.entities if m.label in CITED_NAME_LABELS
        ]
        self.starts = [m.span.start for m in self.cited]
        self.ordered = self.starts == sorted(self.starts)
        people = {m.key for m in item.analysis.entities if m.label == "PERSON"}
        people |= {m.text for m in item.analysis.entities if m.label == "PERSON"}
        self.people = people

    def _from(self, start: int, end: int, right: bool) -> list[Mention]:
        """The cited names starting from ``start`` up to ``end`` (with ``right``, at ``end``
        too), in text order; every cited name when they are not in text order."""
        if not self.ordered:
            return self.cited
        last = (bisect_right if right else bisect_left)(self.starts, end)
        return self.cited[bisect_left(self.starts, start) : last]

    def words_in(self, span: Span) -> int:
        """How many capitalised words of a sentence belong to names (they are not a
        heading's)."""
        text = self.item.article.text
        return sum(
            sum(1 for w in text[m.span.start : m.span.end].split() if w[:1].isupper())
            for m in self._from(span.start, span.end, right=True)
            if span.start <= m.span.start and m.span.end <= span.end
        )

    def names_in(
        self, span: Span, canon: Callable[[str, str], str], variants: Mapping[str, str]
    ) -> set[str]:
        """The canonical names cited in a sentence, in the order met."""
        names: set[str] = set()
        article = self.item.article.id
        for m in self._from(span.start, span.end, right=False):
            if span.start <= m.span.start < span.end:
                name = canon(article, m.key)
                names.add(variants.get(name.lower(), name))
        return names

    def persons_in(self, names: set[str]) -> set[str]:
        """Which of a sentence's names are people (a surname alone may stand for them)."""
        people = self.people
        return {n for n in names if n in people or (n.split() and surname(n) in people)}


def facts_of(article: str, span: Span, fact_spans: FactIndex) -> set[str]:
    """The story facts cited in an article's span."""
    start, end = span.start, span.end  # Span.overlaps, written out: run for every pair
    return {fact for at, fact in fact_spans.get(article, ()) if at.start < end and start < at.end}
