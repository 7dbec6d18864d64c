"""A story's title: the most representative headline, else its central sentence shortened."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from storyline.lexicon.calendar import DATELINE
from storyline.model import Analyzed, StoryEntity
from storyline.story.summary.summarize import content_words

#: Headlines outside this many words are labels or paragraphs, not titles.
TITLE_WORDS = (3, 22)
#: A title built from a sentence is at most this many characters.
MAX_CHARS = 90
_CLAUSE_BREAKS = (", ", " — ", " – ", "; ", ": ", " after ", " following ", " as ", " when ")
_PHRASE_BREAK = re.compile(
    r" (?=(?:in|on|at|with|for|to|towards?|from|by|near|over|amid|while|despite|because|but|"
    r"which|who|since|during|than)\b|and (?![A-Z]))"
)

_DATELINE = re.compile(rf"^{DATELINE}\s+")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_ASIDE = re.compile(
    r"^([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}), (?!(?:the|a|an|its|his|her|their)\b)[^,]{2,40}, "
)
_WEAK_START = re.compile(
    r"^(?:The|A|An|He|She|It|They|This|That|These|Those|His|Her|Its|Their|But|And)\b"
)
# "Speaking on radio, X said…", "Under pressure from Y, X…": the lead-in before the news.
_LEAD_IN = re.compile(
    r"^(?:[A-Z][a-z]+ing|On|In|At|Under|After|Before|Earlier|Later|Early|Late|During|"
    r"Following|Despite|Amid|With|Without|As)\b[^,]{0,60}, (?=\w)"
)
# ", the maker of Krisp snacks," / ", who drove there overnight,": asides inside a clause.
_APPOSITION = re.compile(r", (?:the|a|an|its|his|her|their|who|which|whose) [^,]{2,80},")
# " - Outlet", " | Outlet" and similar site suffixes that headlines carry.
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,40}$")


def story_title(items: Sequence[Analyzed], entities: Sequence[StoryEntity]) -> str:
    """Prefer a representative article title; else build one from the central sentence."""
    if not items:
        return "Untitled story"
    df: Counter[str] = Counter()
    for item in items:
        df.update(content_words(item.article.text))
    key_names = [e.name for e in sorted(entities, key=lambda e: -len(e.articles))[:5]]
    headline = _best_headline(items, df, key_names)
    if headline:
        return headline
    sentence = _central_sentence(items, df, key_names)
    if sentence:
        return _shorten(sentence)
    if key_names:
        return ", ".join(key_names[:3])
    return "Untitled story"


def _clean_headline(title: str) -> str:
    title = " ".join(title.split())
    shorter = _SITE_SUFFIX.sub("", title)
    return shorter if len(shorter.split()) >= TITLE_WORDS[0] else title


def _best_headline(items: Sequence[Analyzed], df: Counter[str], names: Sequence[str]) -> str:
    best: tuple[float, str] | None = None
    for rank, item in enumerate(items):
        if not item.article.title:
            continue
        title = _clean_headline(item.article.title)
        words = title.split()
        if not TITLE_WORDS[0] <= len(words) <= TITLE_WORDS[1] or title.isupper():
            continue
        spread = sum(df[w] for w in content_words(title)) / max(1, len(content_words(title)))
        named = sum(1 for n in names if n.split()[-1:] and n.split()[-1] in title)
        # How widely its words recur across reports, plus the key names it carries;
        # earlier (older) reports win ties.
        score = spread / len(items) + 0.5 * named - 0.001 * rank
        if best is None or score > best[0]:
            best = (score, title)
    return best[1] if best else ""


def _central_sentence(items: Sequence[Analyzed], df: Counter[str], names: Sequence[str]) -> str:
    """The lead sentence that best says what the story is about, in its own words.

    Among the first sentences of each report (after debris and datelines): words
    that recur across reports, the story's key names, a named subject up front;
    quotations and sentences opening on "The"/"He"/"It" make poor titles.
    """
    best: tuple[float, str] | None = None
    surnames = [n.split()[-1] for n in names if n.split()]
    for item in items:
        text = item.article.text
        debris = [b.span for b in item.analysis.boilerplate]
        lead = [s for s in item.analysis.sentences if not any(s.overlaps(b) for b in debris)][:5]
        for rank, span in enumerate(lead):
            sentence = _DATELINE.sub("", " ".join(text[span.start : span.end].split()))
            words = content_words(sentence)
            if len(sentence.split()) < 5 or not words or "\n" in sentence:
                continue
            score = sum(df[w] for w in words) / (len(words) + 3)
            score *= 1.0 + 0.3 * sum(1 for n in surnames if n in sentence)
            score *= 1.3 if any(sentence.startswith(n) for n in (*names, *surnames)) else 1.0
            score *= 0.7 if any(q in sentence for q in '"“”') else 1.0
            score *= 0.6 if _WEAK_START.match(sentence) else 1.0
            score /= 1.0 + 0.15 * rank
            if best is None or score > best[0]:
                best = (score, sentence)
    return best[1] if best else ""


def _shorten(sentence: str) -> str:
    """Cut a sentence to a headline (≤ ``MAX_CHARS``) at a clause boundary, never mid-word.

    The main clause comes first in news prose, so the cut is the first clause break
    that leaves a title of some substance; failing that, the last phrase break
    (before "in", "with", "and"…) that fits; a bare word cut is the last resort.
    """
    sentence = " ".join(_PARENTHESES.sub("", sentence).split()).rstrip(" .")
    # "Putin, however, showed…" / "Trump, in his post, did not…": drop the aside.
    lead = _LEAD_IN.match(sentence)
    if lead and len(sentence[lead.end() :].split()) >= 5:
        rest = sentence[lead.end() :]
        sentence = rest[0].upper() + rest[1:]
    sentence = _ASIDE.sub(r"\1 ", sentence)
    if len(sentence) <= MAX_CHARS:
        return sentence
    sentence = _APPOSITION.sub("", sentence)
    if len(sentence) <= MAX_CHARS:
        return sentence
    for mark in _CLAUSE_BREAKS:
        for found in re.finditer(re.escape(mark), sentence):
            head = sentence[: found.start()].rstrip(" ,;:")
            if len(head) > MAX_CHARS:
                break
            if len(head.split()) >= 5:
                return head
    phrase = [
        m.start()
        for m in _PHRASE_BREAK.finditer(sentence)
        if m.start() <= MAX_CHARS and len(sentence[: m.start()].split()) >= 5
    ]
    if phrase:
        return sentence[: phrase[-1]].rstrip(" ,;:")
    head = sentence[: MAX_CHARS + 1]
    head = head[: head.rfind(" ")] if " " in head else head[:MAX_CHARS]
    return head.rstrip(" ,;:") + "…"
