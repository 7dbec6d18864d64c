"""Support for a summary sentence: which articles say it, verified.

A passage supports a sentence when it carries the same facts: enough of its
(IDF-weighted) content words, names counted by canonical name whatever the
spelling; fewer when both carry the same story fact (claim figure, grouped
quote, timeline event) or the same people and places and an event word. The citation is kept
only when the cited article holds the sentence's numbers and quoted words around
the passage, its names anywhere, and its calendar dates.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from storyline.lexicon.calendar import MONTH_NAMES, WEEKDAY_NAMES
from storyline.lexicon.labels import CITED_NAME_LABELS
from storyline.lexicon.measures import WEAK
from storyline.model import Analyzed, Citation, Span
from storyline.story.dedup.minhash import original_of
from storyline.story.params import SUMMARY, SummaryParams
from storyline.story.summary.sentences import Candidate, FactIndex, facts_of
from storyline.story.summary.text import (
    calendar_day,
    claim_key,
    content_words,
    is_year,
    num,
    numbers_in,
    quoted_in,
    surname,
    word_seq,
)


@dataclass(frozen=True, slots=True)
class Doc:
    """What support search needs of one article, computed once."""

    item: Analyzed
    sentences: tuple[Span, ...]
    words: tuple[frozenset[str], ...]  # content words plus "@Canonical Name" per sentence
    where: dict[str, tuple[int, ...]]  # word -> indexes of sentences using it
    numbers: tuple[frozenset[float], ...]  # per sentence
    all_numbers: frozenset[float]
    names: frozenset[str]
    surnames: frozenset[str]
    dates: frozenset[str]
    claims: tuple[frozenset[str], ...] = ()  # per sentence: "claimv:measure:value" keys


def _past_debris(text: str, sentence: Span, debris: Sequence[Span]) -> Span | None:
    """The sentence without the debris lines the splitter ran into its front ("VIDEO: ...
    reports from Vellmar" before "Police said ..."), as summary candidates take it; None when
    debris is inside it."""
    hit = [b for b in debris if sentence.overlaps(b)]
    if not hit:
        return sentence
    end = max(b.end for b in hit)
    cut = text.rfind("\n", sentence.start, sentence.end)
    if cut < end or any(b.start >= cut for b in hit):
        return None  # debris after the last line break, or none before it
    rest = text[end : sentence.end]
    start = end + len(rest) - len(rest.lstrip())
    return Span(start, sentence.end) if start < sentence.end and "\n" not in rest.strip() else None


def name_token(name: str) -> str:
    """The word that stands for a named entity in overlap counts, whatever its spelling."""
    return "@" + name


def read_doc(item: Analyzed, canon: Callable[[str, str], str], variants: Mapping[str, str]) -> Doc:
    """Index one article for support search."""
    text = item.article.text
    debris = [b.span for b in item.analysis.boilerplate]
    sentences = tuple(
        kept for s in item.analysis.sentences if (kept := _past_debris(text, s, debris))
    )
    names: set[str] = set()
    named: list[set[str]] = [set() for _ in sentences]
    starts = [s.start for s in sentences]
    for m in item.analysis.entities:
        if m.label in CITED_NAME_LABELS:
            key = canon(item.article.id, m.key)
            for form in (key, m.key, m.text):
                names.add(variants.get(form.lower(), form))
            i = bisect_right(starts, m.span.start) - 1
            if i >= 0 and sentences[i].start <= m.span.start < sentences[i].end:
                named[i].add(name_token(variants.get(key.lower(), key)))
    claimed: list[set[str]] = [set() for _ in sentences]
    for c in item.analysis.claims:
        if c.measure in WEAK:
            continue
        # c.sentence.overlaps(s) or s.contains(c.span), written out: run for every pair
        said_start, said_end = c.sentence.start, c.sentence.end
        at_start, at_end = c.span.start, c.span.end
        for i, s in enumerate(sentences):
            if (said_start < s.end and s.start < said_end) or (
                s.start <= at_start and at_end <= s.end
            ):
                claimed[i].add(claim_key(c.measure, c.value))
    surnames = set(re.findall(r"\b[A-Z][\w'’-]{2,}", text))
    dates = frozenset(d for t in item.analysis.times for d in [calendar_day(t)] if d)
    words = tuple(
        frozenset(content_words(text[s.start : s.end]) | named[i]) for i, s in enumerate(sentences)
    )
    numbers = tuple(frozenset(num(v) for v in numbers_in(text[s.start : s.end])) for s in sentences)
    where: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        for w in ws:
            where.setdefault(w, []).append(i)
    return Doc(
        item=item,
        sentences=sentences,
        words=words,
        where={w: tuple(ix) for w, ix in where.items()},
        numbers=numbers,
        all_numbers=frozenset().union(*numbers),
        names=frozenset(names),
        surnames=frozenset(surnames),
        dates=dates,
        claims=tuple(frozenset(c) for c in claimed),
    )


def find_support(
    cand: Candidate,
    docs: Mapping[str, Doc],
    idf: Mapping[str, float],
    fact_spans: FactIndex,
    variants: Mapping[str, str],
    params: SummaryParams = SUMMARY,
) -> tuple[Citation, ...]:
    """Every article with a passage that says the sentence's facts and passes verification.

    A passage matches on wording (half the sentence's weighted words), on a shared
    story fact (same claim figure, same grouped quote, same timeline event) with a
    fifth of them, or on the same people and places plus an event word with a
    third. Verification then decides, whatever the match.
    """
    names = {name_token(n) for n in cand.names}
    people = {name_token(n) for n in cand.persons & cand.names}
    # A name counts once, by its canonical token, not once more per word of its spelling.
    spelled = content_words(" ".join(cand.names))
    own = (content_words(cand.text) - spelled) | names
    total = math.fsum(idf.get(w, 1.0) for w in own) or 1.0
    story_facts = {
        f for f in cand.facts if f.split(":", 1)[0] in ("claim", "claimv", "quote", "event")
    }
    events = {w for w in own - names if not w.isdigit()}
    event_total = math.fsum(idf.get(w, 1.0) for w in events) or 1.0
    source = docs[cand.article]
    cand_dates = _dates_in(source, cand.span)
    spellings: dict[str, tuple[str, ...]] = {
        name: tuple(f for f, canonical in variants.items() if canonical == name)
        for name in cand.names
    }
    found: list[Citation] = []
    # Words and passages in a fixed order (not a set's, which follows the string hash of
    # the run): of two passages that match as well, the earlier is the one.
    weighted = [(w, idf.get(w, 1.0)) for w in sorted(own)]
    for art, doc in docs.items():
        best: tuple[float, int] | None = None
        shared: dict[int, float] = {}
        for w, weight in weighted:
            for i in doc.where.get(w, ()):
                shared[i] = shared.get(i, 0.0) + weight
        for i, weight in sorted(shared.items()):
            span = doc.sentences[i]
            if art == cand.article and span.contains(cand.span):
                best = (2.0, i)  # the sentence itself (maybe with a dateline cut off)
                break
            overlap = weight / total
            if overlap < params.support_overlap_with_fact or (
                best is not None and overlap <= best[0]
            ):
                continue
            if _same_fact(story_facts, art, doc, i, fact_spans):
                best = (overlap, i)
                continue
            # Names are cheap to share: the passage must also tell what they did.
            told = math.fsum(idf.get(w, 1.0) for w in events & doc.words[i]) / event_total
            if told < params.support_event_overlap:
                continue
            # ...and be about the same people (named there or one sentence off; a place may
            # go without saying: "the town").
            near = _names_near(doc, i)
            if not people <= near:
                continue
            if overlap >= params.support_overlap or (
                overlap >= params.support_overlap_with_names and names and names <= near
            ):
                best = (overlap, i)
        if best is None:
            continue
        span = cand.span if best[0] == 2.0 else doc.sentences[best[1]]
        if _verified(cand, cand_dates, doc, best[1], spellings):
            found.append(Citation(art, span))
    # The source comes first: it is the passage the sentence was taken from.
    found.sort(key=lambda c: c.article != cand.article)
    return tuple(found)


def _same_fact(facts: set[str], art: str, doc: Doc, index: int, fact_spans: FactIndex) -> bool:
    """Whether the passage carries one of the sentence's story facts."""
    if not facts:
        return False
    here = facts_of(art, doc.sentences[index], fact_spans)
    if doc.claims:
        here |= doc.claims[index]
    return bool(facts & here)


def _names_near(doc: Doc, index: int) -> frozenset[str]:
    """The name tokens of a passage and its neighbours (a name may sit one sentence off)."""
    around = range(max(0, index - 1), min(len(doc.sentences), index + 2))
    return frozenset(w for i in around for w in doc.words[i] if w.startswith("@"))


def _verified(
    cand: Candidate,
    dates: set[str],
    doc: Doc,
    index: int,
    spellings: Mapping[str, tuple[str, ...]] | None = None,
) -> bool:
    """Whether the article has the sentence's numbers, names and quoted words, and no other day.

    A name counts when the article writes it, or a spelling the story knows for it of
    two words or more that keeps its last word (a first name alone stands for too many
    people; "North Las Vegas Police" is not its "Department").
    """
    text = doc.item.article.text
    around = range(max(0, index - 1), min(len(doc.sentences), index + 2))
    window = text[doc.sentences[around[0]].start : doc.sentences[around[-1]].end]
    have = frozenset().union(*(doc.numbers[i] for i in around))
    for value in cand.numbers:
        if value in have or (is_year(value) and value in doc.all_numbers):
            continue
        return False
    lowered = _lowered(text)
    for name in cand.names:
        forms = (spellings or {}).get(name, ())
        if name in text or _spelled(name, lowered, forms) or _written(name, forms, cand, lowered):
            continue
        # A person may be named by surname alone ("Brandt" for "Ilsa Brandt"), where no one
        # else of that surname is named ("Amyira Felder" is not "Ronald Felder"); a place
        # or an organisation may not ("States" is not "United States").
        if name not in cand.persons:
            return False
        first = name.split()[0] if name.split() else name
        forms = (name, *(spellings or {}).get(name, ()))
        lasts = {surname(f) for f in forms if len(f.split()) >= 2} | {surname(name)}
        spelled = {w for w in doc.surnames if w.lower() in {x.lower() for x in lasts}}
        if not any(_surname_alone(f"{first} {w}", text) for w in spelled):
            return False
    # A capitalised word the name finder missed ("Department", "Alfaro") is a name too.
    named = {w for n in cand.names for w in n.split()}  # checked above, by their names
    for word in _inner_capitals(cand.text):
        if word in named or word.lower() in _CALENDAR or word.lower() in lowered:
            continue
        return False
    quotes = quoted_in(cand.text)
    seq = " ".join(word_seq(window)) if quotes else ""  # the passage's words, for quotes
    for quote in quotes:
        words = " ".join(word_seq(quote))
        if words and words not in seq:
            return False
    if not dates or dates & doc.dates:
        return True
    # The article never gives the sentence's day: it may still support the fact, unless
    # the passage itself dates what it tells to another day.
    return not _dates_in(doc, doc.sentences[index])


@lru_cache(maxsize=64)  # the story's reports, each read for many sentences
def _lowered(text: str) -> str:
    return text.lower()


@lru_cache(maxsize=1024)  # a sentence is checked against each report of its story
def _inner_capitals(text: str) -> tuple[str, ...]:
    """Capitalised words inside a sentence: not its first word, nor one opening a sentence
    or a quotation within it ("Department", "Alfaro")."""
    out = []
    previous = ""
    for token in text.split():
        word = token.strip(".,;:!?\"“”‘’'()[]")
        opens = not previous or previous[-1] in '.!?:"“‘(' or token[0] in '"“‘('
        previous = token
        if opens or not word[:1].isupper():
            continue  # (cutting "'s" off leaves the first letter, or nothing)
        word = word.removesuffix("’s").removesuffix("'s")
        if len(word) < 3 or not word.replace("-", "").isalpha():
            continue
        if word[0].isupper() and word[1:].islower():
            out.append(word)
    return tuple(out)


_CALENDAR = frozenset(n.lower() for n in (*MONTH_NAMES, *WEEKDAY_NAMES))


#: Words that may stand before a surname without naming another person.
_TITLES_TEXT = (
    "Mr Mrs Ms Miss Dr Mayor Officer Detective Sergeant Sgt Lt Lieutenant Chief Governor "
    "President Senator Judge Pastor Rev Deputy Captain Capt Sheriff Coroner Attorney"
)
_TITLES = frozenset(_TITLES_TEXT.split())


def _spelled(name: str, lowered: str, forms: Iterable[str]) -> bool:
    """Whether the text writes the name in a spelling of two words or more that keeps its
    last word ("North Las Vegas Police" does not say "Department")."""
    head = name.split()[-1].lower() if name.split() else ""
    return any(
        len(f.split()) >= 2 and head in f.lower().split() and f.lower() in lowered for f in forms
    )


def _written(name: str, forms: Iterable[str], cand: Candidate, lowered: str) -> bool:
    """Whether the text writes the name as the sentence does: the longest spelling the
    sentence uses ("Cook County", which the story's name index lists under "Cook County
    Medical Examiner"); of a person, a spelling of two words or more (a first name alone
    stands for too many people)."""
    said = cand.text.lower()
    least = 2 if name in cand.persons else 1
    used = [
        f.lower()
        for f in (name, *forms)
        if len(f.split()) >= least and re.search(rf"\b{re.escape(f.lower())}\b", said)
    ]
    return bool(used) and re.search(rf"\b{re.escape(max(used, key=len))}\b", lowered) is not None


def _surname_alone(name: str, text: str) -> bool:
    """Whether every mention of the surname is this person's: alone, after a title or an
    initial, or after this person's own first name."""
    parts = name.split()
    last, first = surname(name), parts[0]
    for m in re.finditer(rf"\b([A-Z][\w'’.-]*) {re.escape(last)}\b", text):
        word = m[1].rstrip(".")
        if word in _TITLES or word == first or len(word) == 1:
            continue
        if m[1].endswith("."):
            continue  # "... in Russia. Putin said": a sentence ends before the surname
        return False
    return True


def _dates_in(doc: Doc, span: Span) -> set[str]:
    """Fully specified calendar dates the sentence states (relative references excepted)."""
    return {
        day
        for t in doc.item.analysis.times
        if span.start <= t.span.start < span.end
        for day in [calendar_day(t)]
        if day and t.granularity in ("day", "time")
    }


def source_key(docs: Mapping[str, Doc], dups: Mapping[str, str], article: str) -> str:
    """Copies collapse into their original; one outlet counts once."""
    original = original_of(article, dups)
    doc = docs.get(original)
    source = doc.item.article.source if doc else None
    return f"src:{source.lower()}" if source else f"id:{original}"


def idf_of(docs: Iterable[Doc]) -> dict[str, float]:
    """Inverse document frequency of each content word over the story's articles."""
    counts: Counter[str] = Counter()
    n = 0
    for doc in docs:
        n += 1
        counts.update(frozenset().union(*doc.words))
    return {w: math.log((1 + n) / (1 + df)) + 1.0 for w, df in counts.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine similarity of two sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(w, 0.0) for w, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0
