"""Named-entity mentions of one article, cleaned and linked to the fullest name used.

Reads spaCy's entities (``doc.ents``) and writes :class:`Mention` records whose ``key``
is the fullest form of the entity's name within the article: "Trump", "Mr Trump" and
"Trump's" all get the key "Donald Trump" when the article names him in full. Titles,
possessives and leading articles are cut from the span, so the mention text is the
name alone. The helpers for folding names (:func:`name_tokens`, :func:`translit`) are
shared with the cross-document resolver in :mod:`storyline.story.names`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from storyline.analyze.quoting.marks import doc_text
from storyline.model import Mention, Span

#: spaCy labels that name things a reader would follow through a story.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)

#: Words that introduce a person's name without being part of it (lower case, no dot).
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "madam",
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "general",
        "gen",
        "colonel",
        "col",
        "lt",
        "lieutenant",
        "captain",
        "capt",
        "sgt",
        "sergeant",
        "major",
        "sen",
        "senator",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "governor",
        "gov",
        "mayor",
        "judge",
        "justice",
        "chief",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "commissioner",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "cfo",
        "coach",
        "deputy",
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "home",
        "health",
        "state",
        "press",
        "aide",
        "leader",
        "premier",
        "sheikh",
        "rev",
        "reverend",
        "father",
        "bishop",
        "cardinal",
        "archbishop",
        "emir",
        "commander",
        "marshal",
        "admiral",
        "officer",
        "detective",
        "inspector",
        "constable",
        "agent",
        "minister's",
        "president's",
        "former",
        "late",
        "elect",
        "acting",
        "chief-executive",
        "executive",
        "founder",
        "head",
        "top",
        "senior",
        "junior",
        "dr.",
        "mr.",
        "mrs.",
        "ms.",
    ]
)

#: Demonyms and country short forms that stand before a title ("US President ...").
_DEMONYM = re.compile(r"^(?:[A-Z]{2,3}|[A-Z][a-z]+(?:ian|ean|ese|ish|an|i|ic|ch))$")

#: Corporate suffixes ignored when comparing organisation names.
ORG_SUFFIXES = frozenset(
    """inc corp corporation co company ltd llc plc ag sa nv spa gmbh group holdings
    computer computers motor motors industries""".split()  # noqa: SIM905
)

#: First words too generic to stand for a whole organisation name on their own.
_GENERIC_HEADS = frozenset(
    [
        "united",
        "national",
        "new",
        "european",
        "general",
        "american",
        "international",
        "first",
        "royal",
        "the",
        "world",
        "global",
        "north",
        "south",
        "east",
        "west",
        "central",
        "federal",
        "state",
        "people",
        "people's",
    ]
)

_STOP = frozenset({"of", "the", "and", "for", "de", "du", "la", "le", "von", "van", "der", "&"})
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*\.?", re.UNICODE)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII-ish form of ``text``: diacritics dropped, apostrophes unified."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


@lru_cache(maxsize=65536)
def name_tokens(text: str) -> tuple[str, ...]:
    """The folded word tokens of a name, possessive cut ("Zelensky's" -> ("zelensky",)).

    Initials written with dots become one token ("U.S." -> ("us",)).
    """
    words = [w.rstrip(".") for w in _WORD.findall(fold(core_name(text)))]
    words = [w for w in words if w]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1]) or words[-1]
    if len(words) > 1 and all(len(w) == 1 for w in words):
        words = ["".join(words)]
    return tuple(words)


#: Lower-case particles inside personal names ("Ursula von der Leyen").
_PARTICLES = frozenset(
    {"von", "van", "de", "der", "den", "la", "le", "da", "di", "du", "ter", "al", "bin"}
)


@lru_cache(maxsize=65536)
def core_name(text: str) -> str:
    """The name inside a wider noun phrase: "computer maker Apple Inc. (AAPL" -> "Apple Inc.".

    Cuts a parenthesised alias, an apposition after a comma, an owner before a
    possessive ("Japan's Nikkei") and lower-case descriptors before the name.
    """
    if "(" in text:
        before = text.split("(", 1)[0].strip()
        text = before or text.split("(", 1)[1].strip(" )")
    if "," in text:
        parts = [p.strip() for p in text.split(",") if p.strip()]
        named = [p for p in parts if not any(w[:1].islower() for w in p.split())]
        text = named[0] if named else parts[0] if parts else text
    m = re.search(r"['’]s?\s+(?=[A-Z0-9])", text)
    if m and m.end() < len(text):
        text = text[m.end() :]
    words = text.split()
    lower = [i for i, w in enumerate(words) if w[:1].islower() and w not in _PARTICLES]
    if lower and lower[-1] < len(words) - 1:
        words = words[lower[-1] + 1 :]
    while len(words) > 1 and words[0] in ("The", "A", "An"):
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=65536)
def translit(token: str) -> str:
    """A spelling-insensitive key for one name token (Zelenskyy, Zelenskiy -> zelenski).

    Folds the usual romanisation variants: -iy/-yy/-ij endings, y/i, kh/h, w/v, ph/f,
    ck/k, and doubled letters (Kyrylo and Kirillo meet at "kirilo").
    """
    t = token.replace("'", "").replace("-", "")
    t = t.replace("kh", "h").replace("ph", "f").replace("ck", "k").replace("w", "v")
    t = re.sub(r"(?:iy|yy|ij|yj|ii|iy)$", "i", t)
    t = t.replace("y", "i").replace("j", "i") if len(t) > 3 else t.replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", t)


def strip_titles(tokens: Sequence[str]) -> tuple[str, ...]:
    """Drop leading titles and demonyms ("us president donald trump" -> donald trump)."""
    i = 0
    while i < len(tokens) - 1 and (tokens[i] in TITLES or tokens[i].rstrip(".") in TITLES):
        i += 1
    return tuple(tokens[i:])


def org_core(tokens: Sequence[str]) -> tuple[str, ...]:
    """Organisation name tokens without a leading "the" or trailing corporate suffix."""
    core = list(tokens)
    if core and core[0] == "the":
        core = core[1:]
    while len(core) > 1 and core[-1] in ORG_SUFFIXES:
        core.pop()
    return tuple(core)


_LEGAL = frozenset("inc corp corporation co company ltd llc plc ag sa nv spa gmbh".split())  # noqa: SIM905


def _without_legal(tokens: Sequence[str]) -> tuple[str, ...]:
    """Name tokens without trailing legal-form words ("General Motors Corporation")."""
    out = list(tokens)
    while len(out) > 1 and out[-1] in _LEGAL:
        out.pop()
    return tuple(out)


def acronym(tokens: Sequence[str]) -> str:
    """Initials of the content words of a name ("north atlantic treaty organization" -> nato)."""
    return "".join(t[0] for t in tokens if t not in _STOP and t)


def _clean_span(doc: Any, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Character bounds of the name proper inside an entity span, or None for junk."""
    text = doc_text(doc)[start:end]
    # An entity running over a paragraph break or masked boilerplate is two things:
    # keep the longest piece, which is the name the tagger meant.
    pieces = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+?(?=\s{2,}|\n|$)", text)]
    if len(pieces) > 1:
        ps, pe = max(pieces, key=lambda p: p[1] - p[0])
        start, end = start + ps, start + pe
        text = doc_text(doc)[start:end]
    # Leading punctuation, articles and (for people) titles are not part of the name.
    lead = re.match(r"^[\s\"“”‘’'(\[.,;:-]*", text)
    cut = lead.end() if lead else 0
    while True:
        m = re.match(r"(the|The|THE)\s+", text[cut:])
        if m and label != "WORK_OF_ART":
            cut += m.end()
            continue
        if label == "PERSON":
            m = re.match(r"([A-Za-z][\w.'’-]*)\s+", text[cut:])
            word = fold(m.group(1)).rstrip(".") if m else ""
            rest = text[cut + m.end() :] if m else ""
            nxt = fold(rest.split()[0]).rstrip(".") if rest.split() else ""
            demonym = m is not None and bool(_DEMONYM.match(m.group(1))) and nxt in TITLES
            if m and (word in TITLES or demonym) and rest:
                cut += m.end()
                continue
        break
    text = text[cut:]
    start += cut
    trail = re.search(r"(?:['’]s?|[\s\"“”‘’).,;:!?-])*$", text)
    if trail and trail.start() > 0:
        possessive = re.search(r"['’]s?\s*$", text)
        keep = trail.start()
        if possessive is None:
            keep = len(text.rstrip(' \t\n"“”‘’).,;:!?-'))
        text = text[:keep]
    end = start + len(text)
    if not _worth_keeping(text):
        return None
    return start, end


def _worth_keeping(text: str) -> bool:
    """Whether a cleaned entity text can be a name (not whitespace, a letter or lower-case)."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 2 or "/" in text or "@" in text:
        return False
    if all(w.rstrip(".") in TITLES for w in name_tokens(text)):
        return False  # "Pope", "the President": a title alone names nobody
    return not text.islower()


def _shouting(doc: Any, start: int, end: int) -> bool:
    """Whether the text around a span is written in capitals (a quoted post, a slogan)."""
    window = doc_text(doc)[max(0, start - 40) : end + 40]
    letters = [ch for ch in window if ch.isalpha()]
    return len(letters) > 30 and sum(ch.isupper() for ch in letters) > 0.8 * len(letters)


def compatible_person(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether the person name ``short`` can be a shorter form of ``full``."""
    if not short or not full or len(short) > len(full):
        return False
    if translit(short[-1]) != translit(full[-1]):
        return False
    if len(short) == 1:
        return True
    first, ffirst = short[0], full[0]
    if len(first) == 1 or len(ffirst) == 1:
        return first[0] == ffirst[0]
    return translit(first) == translit(ffirst)


def compatible_org(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether the organisation/place name ``short`` can stand for ``full``."""
    s, f = org_core(short), org_core(full)
    if not s or not f:
        return False
    if s == f:
        return True
    whole = tuple(t for t in full if t != "the")
    if (
        len(s) == 1
        and len(s[0]) >= 2
        and len(whole) >= 2
        and s[0] not in whole
        and s[0] in (acronym(f), acronym(whole), acronym(_without_legal(whole)))
    ):
        return True  # "GM" for "General Motors Corporation", not "US" for "US stocks"
    return (
        len(s) < len(f)
        and f[: len(s)] == s
        and len(s[0]) >= 4
        and s[0] not in _GENERIC_HEADS
        and all(t in ORG_SUFFIXES or t[0].isdigit() is False for t in f[len(s) :])
        and len(f) - len(s) <= 2
    )


def link_names(
    items: Sequence[tuple[Span, str, str]],
) -> tuple[tuple[str, str], ...]:
    """Label and key for each ``(span, text, label)`` mention of one article, in order.

    Mentions of one entity share a key: the fullest form of its name in the article.
    A surname links to the full name it completes; when two people share the surname
    it links to the nearest full name before it (else after it).
    """
    folded = [strip_titles(name_tokens(text)) for _, text, _ in items]
    labels = _vote_labels(items, folded)
    # Titles only prefix people: "General Motors" and "State Department" keep every word.
    folded = [
        toks if label == "PERSON" else name_tokens(text)
        for toks, label, (_, text, _) in zip(folded, labels, items, strict=True)
    ]
    keys = [items[i][1] for i in range(len(items))]
    # The best surface text for each distinct folded name: the longest, not in capitals.
    fullest: dict[tuple[str, ...], str] = {}
    for i, toks in enumerate(folded):
        text = display_name(items[i][1], person=labels[i] == "PERSON")
        if toks and (toks not in fullest or _display_rank(text) > _display_rank(fullest[toks])):
            fullest[toks] = text
    people = [i for i, lab in enumerate(labels) if lab == "PERSON"]
    others = [i for i, lab in enumerate(labels) if lab != "PERSON"]
    for group, compatible in ((people, compatible_person), (others, compatible_org)):
        for i in group:
            if not folded[i]:
                keys[i] = display_name(items[i][1], person=labels[i] == "PERSON")
                continue
            cands = [
                j
                for j in group
                if folded[j] != folded[i]
                and len(folded[j]) >= len(folded[i])
                and (labels[j] == "PRODUCT") == (labels[i] == "PRODUCT")
                and compatible(folded[i], folded[j])
            ]
            if compatible is compatible_org:
                cands = _unambiguous(folded[i], cands, folded)
            best: int | None = None
            for j in cands:
                if best is None or _closer(i, j, best, items, folded):
                    best = j
            keys[i] = fullest[folded[best] if best is not None else folded[i]]
    return tuple(zip(labels, keys, strict=True))


def _unambiguous(
    short: tuple[str, ...], cands: list[int], folded: Sequence[tuple[str, ...]]
) -> list[int]:
    """Longer organisation names a short one may stand for, when that is not ambiguous.

    The same name with a corporate word ("Apple Inc.") wins; otherwise every longer
    form must be a form of one thing ("Dow Jones" within "Dow Jones Industrial
    Average"), not two ("Apple Corps" and "Apple TV").
    """
    same = [j for j in cands if org_core(folded[j]) == org_core(short)]
    if same:
        return same
    if acronym_of := [j for j in cands if len(short) == 1 and short[0] not in folded[j]]:
        return acronym_of
    names = {org_core(folded[j]) for j in cands}
    if len(names) <= 1:
        return cands
    longest = max(names, key=len)
    if all(compatible_org(n, longest) for n in names):
        return cands
    return []


def display_name(text: str, person: bool = True) -> str:
    """The display form of a name: titles (of people) and possessive cut, spaces collapsed."""
    words = core_name(text).split()
    i = 0
    while person and i < len(words) - 1 and fold(words[i]).rstrip(".") in TITLES:
        i += 1
    out = " ".join(words[i:])
    return _POSSESSIVE.sub("", out) or out


def _display_rank(text: str) -> tuple[int, bool]:
    """Preference of one spelling over another for display: longer, then not in capitals."""
    return (len(text), not text.isupper())


def _closer(
    i: int, j: int, best: int, items: Sequence[tuple[Span, str, str]], folded: list[tuple[str, ...]]
) -> bool:
    """Whether candidate ``j`` is a better antecedent for ``i`` than ``best``."""
    if len(folded[j]) != len(folded[best]):
        return len(folded[j]) > len(folded[best])
    pos = items[i][0].start

    def distance(k: int) -> tuple[int, int]:
        d = pos - items[k][0].start
        return (0, d) if d >= 0 else (1, -d)  # before the mention first, then after

    return distance(j) < distance(best)


def _vote_labels(
    items: Sequence[tuple[Span, str, str]], folded: list[tuple[str, ...]]
) -> list[str]:
    """One label per distinct name: a name ever tagged PERSON, or a person's surname, is one."""
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for (_, _, label), toks in zip(items, folded, strict=True):
        votes[toks][label] += 1
    surnames = {
        translit(toks[-1])
        for toks, c in votes.items()
        if len(toks) >= 2 and c.most_common(1)[0][0] == "PERSON"
    }
    chosen: dict[tuple[str, ...], str] = {}
    for toks, c in votes.items():
        if (c["PERSON"] and (len(toks) == 1 or c["PERSON"] * 2 >= sum(c.values()))) or (
            len(toks) == 1 and translit(toks[0]) in surnames and not c["NORP"]
        ):
            chosen[toks] = "PERSON"
        else:
            chosen[toks] = c.most_common(1)[0][0]
    # "Emil Varga" tagged ORG but "Varga" alone tagged PERSON: the full name is the person.
    lone_people = {translit(t[0]) for t, lab in chosen.items() if len(t) == 1 and lab == "PERSON"}
    for (_, text, _), toks in zip(items, folded, strict=True):
        if (
            chosen[toks] != "PERSON"
            and 2 <= len(toks) <= 3
            and translit(toks[-1]) in lone_people
            and all(w.isalpha() and w.istitle() for w in text.split())
            and not any(fold(w) in ORG_WORDS for w in text.split())
        ):
            chosen[toks] = "PERSON"
    return [chosen[toks] for toks in folded]


def _merged_ents(doc: Any) -> list[tuple[int, int, str]]:
    """Entity bounds and labels; a person's name split in two by the tagger is joined.

    The small English model often cuts "Yury Ushakov" into an ORG and a PERSON: two
    capitalised entities one space apart, one of them a person, are one person.
    """
    out: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        if out:
            ps, pe, pl = out[-1]
            gap = doc_text(doc)[pe : ent.start_char]
            if gap == " " and "PERSON" in (pl, ent.label_) and pl not in ("NORP", "GPE"):
                out[-1] = (ps, ent.end_char, "PERSON")
                continue
            if gap == " " and len(ent) == 1 and " " not in doc_text(doc)[ps:pe]:
                # "Petra" ORG + "Wendt" PRODUCT: two lone capitalised words are one name.
                out[-1] = (ps, ent.end_char, pl)
                continue
        out.append((ent.start_char, ent.end_char, _person_label(doc, ent)))
    return out


#: Words that mark a name as an organisation or place, not a person.
ORG_WORDS = frozenset(
    """authority ministry council party union bank group company agency office department
    house street road square bridge station airport port university college school
    hospital court police army navy force forces airlines airways rail railway railways
    freight foods motors energy media news times post herald institute centre center
    committee commission board federation association fund club team league church
    museum theatre corporation holdings partners capital investments services systems
    technologies labs studio studios records press network channel radio tv television
    region province county district city town village river lake sea mountain valley""".split()  # noqa: SIM905
)

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


def extract_entities(doc: Any) -> tuple[Mention, ...]:
    """Named-entity mentions of ``doc``, cleaned, each keyed by its fullest in-article name."""
    raw: list[tuple[Span, str, str]] = []
    for start_char, end_char, label in _merged_ents(doc):
        bounds = _clean_span(doc, start_char, end_char, label)
        if bounds is None or _shouting(doc, *bounds):
            continue
        start, end = bounds
        raw.append((Span(start, end), doc_text(doc)[start:end], label))
    linked = link_names(raw)
    return tuple(
        Mention(span=span, text=text, label=label, key=key)
        for (span, text, _), (label, key) in zip(raw, linked, strict=True)
    )


def mentions_by_key(mentions: Iterable[Mention]) -> dict[str, list[Mention]]:
    """The mentions of an article grouped by entity key, in text order."""
    out: dict[str, list[Mention]] = defaultdict(list)
    for m in sorted(mentions, key=lambda m: m.span):
        out[m.key].append(m)
    return dict(out)
