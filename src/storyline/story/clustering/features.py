"""What the story clusterer knows about one article: terms, names, places, dates.

Features are computed once per article from its text and analysis (no spaCy call)
and are small enough to store beside the analysis. They keep raw counts, not
weights: weights depend on how often a feature occurs across the whole store,
which changes as reports arrive.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import takewhile
from typing import Any

from storyline.analyze.needwords import may_match
from storyline.analyze.numbers.roundup import ROUNDUP, sums_incidents
from storyline.lexicon.labels import NAME_LABELS
from storyline.lexicon.labels import PLACE_LABELS as NAMED_PLACE_LABELS
from storyline.lexicon.page_title import SITE_SUFFIX
from storyline.lexicon.stopwords import STOPWORDS
from storyline.model import Analyzed, ArticleAnalysis, Span
from storyline.story.clustering.places import SUFFIXES, local_places, site_key

#: The label of streets and sites found by places.py ("Dorsey Avenue").
SITE = "SITE"
#: Entity labels that name a place.
PLACE_LABELS = NAMED_PLACE_LABELS | {SITE}

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*|\d+(?:[.,]\d+)*")
MIN_NUMBER_CHARS = 2  # single digits (times, small counts) are everywhere
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?")
#: Page debris that still says what the report is about: kept as text.
_KEPT_KINDS = frozenset({"headline", "subheading", "dateline"})
_KEY_JUNK = re.compile(r"[^\w\s-]+")
#: Titles and ranks that precede a name and vary between reports of one person.
_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "dr", "sir", "president", "prime", "minister", "gov", "sen", "rep"}
    | {"di", "dci", "dc", "ds", "det", "detective", "insp", "inspector", "sgt", "sergeant"}
    | {"chief", "officer", "constable", "pc", "superintendent", "supt", "cmdr", "commander"}
    | {"lt", "capt", "captain", "col", "gen", "judge", "mayor", "councillor", "cllr"}
)
HONORIFICS = _HONORIFICS  # read by aliases.place_head: a rank after "Police"

#: Kinds of incident local news reports over and over, by the (stemmed) words that
#: name them. In the name factor a shared kind counts like a shared name: the
#: reports of one crash name the victims or only the police officer, while two
#: shootings in one town name two victims *and* share the kind, so the kind alone
#: never outweighs two sets of different names.
INCIDENT_KINDS: dict[str, frozenset[str]] = {
    "shooting": frozenset({"shoot", "shot", "gunshot", "gunman", "gunfir"}),
    "stabbing": frozenset({"stab", "knif"}),
    "fire": frozenset({"fire", "blaz", "flam", "firefighter", "arson", "arsonist"}),
    "arson": frozenset({"arson", "arsonist"}),
    "crash": frozenset({"crash", "collision", "collid"}),
    "explosion": frozenset({"explosion", "explod", "blast"}),
    "earthquake": frozenset({"earthquak", "quak"}),
    "robbery": frozenset({"robbery", "burglary"}),
    "drowning": frozenset({"drown"}),
    "flood": frozenset({"flood"}),
}


def stem(word: str) -> str:
    """A light suffix stripper: plural, -ing and -ed forms fall onto one key."""
    if word in ("fire", "fires"):
        return "fire"  # the blaze; "fired", "firing" (shots) fall onto "fir"
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        word = word[:-2]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # "stopp(ed)" -> "stop"
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]  # "fire", "fired", "firing" -> "fir"
    return word


def terms(text: str) -> list[str]:
    """Content-word keys of a text: lowercased, stop words dropped, stemmed."""
    return [key for word in _WORD.findall(text) if (key := _term(word)) is not None]


@lru_cache(maxsize=1 << 16)
def _term(word: str) -> str | None:
    """The key of one word as matched (the same for every occurrence of it), or ``None``."""
    word = word.lower().replace("’", "'")
    if word[0].isdigit():
        # Numbers tell look-alike events apart: ages, tolls, magnitudes.
        return "#" + word.replace(",", "") if len(word) >= MIN_NUMBER_CHARS else None
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) < 3 or word in STOPWORDS:
        return None
    return stem(word)


def entity_key(name: str) -> str:
    """A name normalised for matching across reports: lowercase, no titles or 's."""
    text = name.lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    words = _KEY_JUNK.sub(" ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[0].rstrip(".") in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def masked_text(text: str, spans: Sequence[Span]) -> str:
    """The text with the given spans blanked by spaces (offsets unchanged)."""
    if not spans:
        return text
    chars = list(text)
    for span in spans:
        for i in range(max(span.start, 0), min(span.end, len(chars))):
            chars[i] = " "
    return "".join(chars)


def periods_of(value: str, granularity: str) -> list[str]:
    """The year and month a TIMEX3 value lies in (month only when it is that precise)."""
    m = _PERIOD.match(value)
    if not m or granularity not in {"year", "month", "week", "day", "time"}:
        return []
    if m.group(2) and granularity != "year":
        return [m.group(1), f"{m.group(1)}-{m.group(2)}"]
    return [m.group(1)]


def main_year(days: Sequence[str], published: str | None) -> str | None:
    """The year a report's main event lies in: that of most of its event days, else publication.

    Two reports of one kind of event (a title defence, an earthquake) that sit in
    different years are different events, whatever words they share. Years merely
    written in the text are not used: reports recall past events as background.
    """
    if days:
        counts = Counter(d[:4] for d in days)
        return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return published[:4] if published else None


def day_of(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` day of a TIMEX3 or ISO value, when it names a valid day."""
    if not value or not _DAY.match(value):
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class DocFeatures:
    """The clustering features of one article (raw counts; weighting happens later)."""

    terms: tuple[tuple[str, int], ...] = ()  # stemmed content word -> count
    entities: tuple[tuple[str, str], ...] = ()  # (normalised name, label), once each
    places: tuple[str, ...] = ()  # normalised place names
    dates: tuple[str, ...] = ()  # resolved event days, "YYYY-MM-DD"
    published: str | None = None  # publication day, "YYYY-MM-DD"
    periods: tuple[str, ...] = ()  # years and months the report speaks of, "2025", "2025-05"
    year: str | None = None  # the year of the report's main event, when it can be told
    mentions: tuple[tuple[str, int], ...] = ()  # name -> times mentioned (its salience)
    #: days said in a sentence that names an incident kind (None: not computed)
    incident_days: tuple[str, ...] | None = None
    #: what marks the incident in the report's lead: "site:" + the streets and sites
    #: of its headline and first sentences, "age:" + the ages it gives ("19-year-old")
    marks: tuple[str, ...] = ()
    #: people the report names by an office ("police spokesman Tom Vey", "Sheriff
    #: Ann Cole", "Ann Cole, a police spokeswoman"): they speak of many incidents
    officials: tuple[str, ...] = ()
    #: whether the headline or the lead sums several incidents (a roundup, a blotter, a
    #: weekend's tally: analyze.numbers.roundup): its names belong to many incidents
    roundup: bool = False
    #: runs of capitalised words of the headline, as name keys ("tulsa", "north shore"):
    #: the tagger reads only the text, and a town the headline alone names is read
    #: from these when some report tags it as a place (aliases.headline_places)
    headline_names: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "terms": [[t, n] for t, n in self.terms],
            "entities": [[k, label] for k, label in self.entities],
            "places": list(self.places),
            "dates": list(self.dates),
            "published": self.published,
            "periods": list(self.periods),
            "year": self.year,
            "mentions": [[k, n] for k, n in self.mentions],
            "incident_days": None if self.incident_days is None else list(self.incident_days),
            "marks": list(self.marks),
            "officials": list(self.officials),
            "roundup": self.roundup,
            "headline_names": list(self.headline_names),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocFeatures:
        """Rebuild from :meth:`to_dict` output."""
        return cls(
            terms=tuple((str(t), int(n)) for t, n in data.get("terms", ())),
            entities=tuple((str(k), str(label)) for k, label in data.get("entities", ())),
            places=tuple(str(p) for p in data.get("places", ())),
            dates=tuple(str(d) for d in data.get("dates", ())),
            published=data.get("published"),
            periods=tuple(str(p) for p in data.get("periods", ())),
            year=data.get("year"),
            mentions=tuple((str(k), int(n)) for k, n in data.get("mentions", ())),
            incident_days=(
                None
                if data.get("incident_days") is None
                else tuple(str(d) for d in data["incident_days"])
            ),
            marks=tuple(str(m) for m in data.get("marks", ())),
            officials=tuple(str(o) for o in data.get("officials", ())),
            roundup=bool(data.get("roundup", False)),
            headline_names=tuple(str(h) for h in data.get("headline_names", ())),
        )

    def reference_day(self) -> str | None:
        """The day that places this article in time: publication, else its first event day."""
        if self.published:
            return self.published
        return min(self.dates) if self.dates else None


def doc_features(
    item: Analyzed, lemmas: Sequence[str] | None = None, *, title_weight: int = 2
) -> DocFeatures:
    """Clustering features of an analysed article (boilerplate spans skipped).

    ``lemmas`` may replace the built-in tokenizer (e.g. spaCy lemmas of the masked
    text); the headline's terms count ``title_weight`` times, since a headline says
    what the report is about.
    """
    article, analysis = item.article, item.analysis
    skipped = [b.span for b in analysis.boilerplate if b.kind not in _KEPT_KINDS]
    body = masked_text(article.text, skipped)
    words = [stem(w.lower()) for w in lemmas] if lemmas is not None else terms(body)
    counts = Counter(words)
    headline = article.title
    if headline is None:
        heads = [b.span for b in analysis.boilerplate if b.kind == "headline"]
        headline = article.text[heads[0].start : heads[0].end] if heads else None
    if headline:
        for word in terms(headline):
            counts[word] += title_weight
    names: dict[str, str] = {}
    mentioned: Counter[str] = Counter()
    officials: set[str] = set()
    outlet = outlet_labels(article.source)
    places: list[str] = []
    lead_end = _lead_end(body, analysis)
    lead_sites = set(local_places(body[:lead_end]) + local_places(headline or ""))
    for mention in analysis.entities:
        if mention.label not in NAME_LABELS:
            continue
        if any(s.start <= mention.span.start < s.end for s in skipped):
            continue
        key = entity_key(mention.key or mention.text)
        if len(key) < 2 or key in SUFFIXES:
            continue  # "street" alone names no street
        if outlet and is_outlet(key, outlet):
            continue  # "WKRN", "Baltimore Sun": the outlet itself, in every report of it
        label = mention.label
        if label == "PERSON" and named_by_office(body, mention.span.start, mention.span.end):
            officials.add(key)
        if (site := site_key(key)) is not None:
            key, label = site, SITE  # "Briar Glen Apartments" is a place, not an org
            if mention.span.start < lead_end:
                lead_sites.add(key)
        names.setdefault(key, label)
        mentioned[key] += 1
        if label in PLACE_LABELS and key not in places:
            places.append(key)
    for key in local_places(body) + local_places(headline or ""):
        names[key] = SITE
        if key not in places:
            places.append(key)
    days = sorted({d for t in analysis.times if (d := day_of(t.value)) is not None})
    incident = _incident_days(body, analysis)
    periods = sorted({p for t in analysis.times for p in periods_of(t.value, t.granularity)})
    published = day_of(article.published)
    return DocFeatures(
        terms=tuple(sorted(counts.items())),
        entities=tuple(sorted(names.items())),
        places=tuple(sorted(places)),
        dates=tuple(days),
        published=published,
        periods=tuple(periods),
        year=main_year(days, published),
        mentions=tuple(sorted(mentioned.items())),
        incident_days=incident,
        marks=tuple(
            sorted(
                {"site:" + k for k in lead_sites}
                | {"age:" + a for a in ages_of(body + "\n" + (headline or ""))}
            )
        ),
        officials=tuple(sorted(officials)),
        roundup=sums_in_lead(body, headline, analysis, lead_end),
        headline_names=capitalised_runs(headline or ""),
    )


#: A run of capitalised words (a name's words may hold an inner capital, an
#: apostrophe, a hyphen or an abbreviation's point: "McAllen", "O'Fallon", "St.").
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*")


def capitalised_runs(headline: str) -> tuple[str, ...]:
    """The runs of capitalised words of a headline, as name keys, once each, in order.

    A title-case headline is one run per stretch between punctuation ("4 Shot, 1
    Killed In Lowmere" gives "shot" and "killed in lowmere"): the town is found
    inside a run by the places some report tags (aliases.headline_places). What
    follows a spaced dash or bar is the page's outlet, not the headline.
    """
    out: list[str] = []
    headline = SITE_SUFFIX.split(headline, maxsplit=1)[0]
    for match in _CAPITALISED_RUN.finditer(headline):
        key = entity_key(match.group(0))
        if key and key not in out:
            out.append(key)
    return tuple(out)


#: Words of an office said just before or after a name: whoever holds one speaks for
#: an institution and turns up in many incidents (the police spokesman, the sheriff,
#: the mayor), unlike the victim or the suspect of one.
OFFICES = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "chief", "sheriff"}
    | {"superintendent", "commissioner", "mayor", "governor", "gov", "senator", "sen"}
    | {"rep", "representative", "president", "sgt", "sergeant", "lt", "lieutenant"}
    | {"capt", "captain", "cpl", "corporal", "detective", "det", "coroner", "prosecutor"}
    | {"attorney", "judge", "councilman", "councilwoman", "alderman", "ald", "pastor"}
    | {"rev", "reverend", "director", "secretary", "trooper", "examiner", "spokesmen"}
    | {"chaplain", "activist", "pio", "undersheriff", "constable"}
)
_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")
_AFTER = re.compile(r"^,\s+([A-Za-z' -]+)")


def named_by_office(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is given with an office: "Sheriff Ann
    Cole", "police spokesman Tom Vey", "Tom Vey, a police spokesman". A police officer
    is no office here: officers are shot and shoot."""
    words = re.findall(r"[A-Za-z]+", text[start:end].lower())
    if any(w in OFFICES for w in words[:-1]):
        return True  # the tagger took the title into the name
    before = _BEFORE.search(text[max(0, start - 30) : start])
    if before and before.group(1).lower() in OFFICES:
        return True
    after = _AFTER.match(text[end : end + 60])
    return bool(after and OFFICES.intersection(after.group(1).lower().split()[:5]))


#: What follows an outlet's name in its own mentions: "KHOU 11 News", "WRAL.com".
_OUTLET_TAIL = r"\d*(?:news|com|tv)?"
_TAIL = re.compile(_OUTLET_TAIL)


def outlet_labels(source: str | None) -> tuple[str, ...]:
    """The name parts of an outlet's address: "www.wkrn.com:80" gives ("wkrn",)."""
    if not source:
        return ()
    host = source.split("/")[0].split(":")[0].lower()
    parts = host.split(".")
    # The registered name only: "chicago" of chicago.suntimes.com is the town.
    return (parts[-2],) if len(parts) >= 2 and len(parts[-2]) >= 4 else ()


def is_outlet(key: str, labels: Sequence[str]) -> bool:
    """Whether a name key names the outlet whose address has ``labels``: "wkrn",
    "khou 11 news" (khou.com), "baltimore sun" (baltimoresun.com); not a name that
    merely starts like it ("kansas city police" of kansascity.com)."""
    squashed = re.sub(r"[^a-z0-9]", "", key)
    # the label, then the tail to the end (as one pattern per label would, without
    # compiling one for each outlet met)
    return any(
        squashed.startswith(label) and _TAIL.fullmatch(squashed, len(label)) for label in labels
    )


LEAD_SENTENCES = 2  # a report names its incident's street in its first sentences


def _lead_end(body: str, analysis: ArticleAnalysis) -> int:
    """Where the lead ends: after the first sentences that are not blanked debris.

    A street named later is often another incident recalled as background ("the
    third shooting this weekend, after one at a Broadmoor Avenue gas station").
    """
    seen = 0
    for sentence in analysis.sentences:
        if body[sentence.start : sentence.end].strip():
            seen += 1
            if seen == LEAD_SENTENCES:
                return sentence.end
    return len(body) if analysis.sentences else min(len(body), 400)


def sums_in_lead(body: str, headline: str | None, analysis: ArticleAnalysis, lead_end: int) -> bool:
    """Whether the headline or a sentence of the lead sums several incidents ("six
    wounded in separate shootings", "a violent weekend": analyze.numbers.roundup)."""
    if not may_match(ROUNDUP, f"{headline or ''}\n{body[:lead_end]}"):
        return False  # most leads hold none of the words a roundup must
    if headline and sums_incidents(headline):
        return True
    lead = takewhile(lambda s: s.start < lead_end, analysis.sentences)
    return any(sums_incidents(body[s.start : s.end]) for s in lead)


_KIND_STEMS = frozenset().union(*INCIDENT_KINDS.values())
_AGE = re.compile(r"\b(\d{1,3})-year-old\b|\baged (\d{1,3})\b|\b[A-Z][\w'’-]+, (\d{1,3}),")


def ages_of(text: str) -> tuple[str, ...]:
    """The ages a text gives its people: "a 19-year-old", "aged 45", "Kieran Walsh, 19,"."""
    found = {next(g for g in m.groups() if g) for m in _AGE.finditer(text)}
    return tuple(sorted(a for a in found if 0 < int(a) < 111))


def _incident_days(body: str, analysis: ArticleAnalysis) -> tuple[str, ...] | None:
    """Days said in a sentence that also names a kind of incident ("shot on Sunday");
    None when the analysis has no sentences to tell."""
    if not analysis.sentences:
        return None
    out: set[str] = set()
    for time in analysis.times:
        day = day_of(time.value)
        if day is None:
            continue
        for sentence in analysis.sentences:
            if sentence.start <= time.span.start < sentence.end:
                if _KIND_STEMS & set(terms(body[sentence.start : sentence.end])):
                    out.add(day)
                break
    return tuple(sorted(out))
