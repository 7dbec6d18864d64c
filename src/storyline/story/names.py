"""Cross-document name resolution: one entity per real person, organisation or place.

Each article already links its own mentions to one key per entity (the fullest name it
uses, see :mod:`storyline.analyze.entities`). Here the keys of all articles meet:

1. keys that spell the same name up to case, diacritics, titles, corporate suffixes
   and romanisation (Zelensky / Zelenskyy / Zelenskiy, Kyrylo / Kirillo) are one entity;
2. people whose full names agree on the surname and on the first name (or its
   initial) are one person; two people sharing only a surname stay apart;
3. a surname met alone joins the one person of the story who carries it (or the one
   who clearly dominates the story); an acronym joins its unique expansion.

The canonical name is the fullest form that several reports share.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from storyline.analyze.naming.folding import display_name, name_tokens, strip_titles, translit
from storyline.analyze.naming.kinds import ORG_WORDS
from storyline.analyze.naming.matching import (
    ORG_SUFFIXES,
    PLACE_BODIES,
    acronym,
    compatible_org,
    compatible_person,
    model_singular,
    nickname_of,
    org_core,
    org_order,
    place_body,
    product_tail,
    without_legal,
)
from storyline.analyze.naming.places import country_first, place_key

# A known place ("Singapore", an area label) never joins "Singapore Airlines".
from storyline.lexicon.labels import AREA_LABELS as _PLACES
from storyline.model import Analyzed, StoryEntity
from storyline.story.headline_case import title_cased
from storyline.story.speaker_noun import SPEAKING_NOUNS, noun_speaker, speaking_mention

#: A surname alone joins the leading bearer only when he has this many times the mentions.
_DOMINANCE = 3


#: Words after a name that only businesses carry.
_BUSINESS = ORG_SUFFIXES | frozenset(
    """foods airlines airways bank partners capital investments services systems
    technologies energy media freight pharma""".split()  # noqa: SIM905
)


def _org_worded(name: str) -> bool:
    """Whether a name carries a word only organisations carry ("Foods", "Inc")."""
    return any(t in _BUSINESS for t in name_tokens(name)[1:])


def _body_of_place(name: str) -> bool:
    """Whether a name is a body named after a place: its police, its newspaper."""
    tokens = name_tokens(name)
    return len(tokens) >= 2 and place_body(tokens[:1], tokens)


#: Bodies named after a place that are also where one goes: met as places, they stay so.
_VENUES = frozenset(
    "airport university college hospital zoo museum library schools".split()  # noqa: SIM905
)


def _speaking_body(name: str) -> bool:
    """Whether a name is a place's police, council or paper, not a venue of the place."""
    return _body_of_place(name) and name_tokens(name)[-1] not in _VENUES


#: Words before a place's name: "in Orvale", "near the Orvale".
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|across|throughout|around|into|inside)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


#: "City of Orvale", "Town of Orvale": the place's government when it speaks.
_MUNICIPAL = frozenset("city town village borough county township".split())  # noqa: SIM905


def _municipal(name: str) -> bool:
    tokens = name_tokens(name)
    if tokens[:1] == ("the",):
        tokens = tokens[1:]
    return len(tokens) >= 3 and tokens[0] in _MUNICIPAL and tokens[1] == "of"


#: What may stand before a sentence's first word: its start, a closing stop, marks.
_OPENING = re.compile(r"(?:\A|[.!?:\n])[\s\"“”‘’'(\[-]*\Z")


def _line(text: str, pos: int) -> str:
    """The line of ``text`` that holds character ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end >= 0 else len(text)]


def _headline_words(clusters: Sequence[_Cluster], items: Sequence[Analyzed]) -> set[int]:
    """The clusters that are a common word capitalised ("Arson is suspected", "Checks
    Into Rehab"): one word, met only opening a sentence or in a line in title case,
    and written in lower case in some report of the story."""
    found = {
        id(c)
        for c in clusters
        if not c.plain and all(len(name_tokens(k)) == 1 and k.isalpha() for k in c.keys)
    }
    if not found:
        return set()
    texts = [item.article.text for item in items]
    out = set()
    for c in clusters:
        if id(c) not in found:
            continue
        low = re.compile(rf"\b{re.escape(next(iter(c.keys)).lower())}\b")
        if any(low.search(t) for t in texts):
            out.add(id(c))
    return out


#: Words before a town's name that seldom stand before a person's: "in Orvale",
#: "outside Orvale", "Ada Lind, of Orvale".
_PLACED = re.compile(
    r"(?:\b(?:in|near|outside|throughout|across)\s+(?:downtown\s+)?|,\s+of\s+)\Z",
    re.IGNORECASE,
)
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


#: Words of kinship before a name: "her sister Corva", "his son Tam".
_KIN = re.compile(
    r"\b(?:sister|brother|son|daughter|mother|father|wife|husband|aunt|uncle|cousin|"
    r"niece|nephew|grandson|granddaughter|grandmother|grandfather|widow|fiancee?)\s+$",
    re.IGNORECASE,
)


#: Two names joined by "&", written out or as their initials ("Harlow & Finch", "H&F").
_AMPERSAND = re.compile(r"\b([A-Z])[\w'’]*\s*&\s*([A-Z])[\w'’]*")


#: Words after a market index's name that are no part of it ("the Velmar 40 stock index").
_INDEX_WORDS = frozenset({"index", "indices", "indexes"})
_INDEX_KINDS = frozenset({"stock", "market", "share", "equity", "benchmark"})


def _without_index_word(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A market index's name without a trailing "index" ("stock market index")."""
    if len(tokens) < 2 or tokens[-1] not in _INDEX_WORDS:
        return tokens
    out = list(tokens[:-1])
    while len(out) > 1 and out[-1] in _INDEX_KINDS:
        out.pop()
    return tuple(out)


@lru_cache(maxsize=65536)  # the same names come back in every story's reports
def _tkey(text: str, person: bool = True) -> tuple[str, ...]:
    """The comparison key of a name: folded, titles (of people) and suffixes cut, transliterated.

    A country's other names share its key ("US", "U.S.", "America" -> united states).
    """
    place = place_key(text)
    if place is not None:
        return tuple(translit(t) for t in place.split())
    if not person:
        text = _AMPERSAND.sub(r"\1\2", text)  # "Harlow & Finch", "H&F" -> "HF"
    tokens = tuple(model_singular(t) for t in name_tokens(text))  # "A380s" is the "A380"
    if person:
        return tuple(translit(t) for t in org_core(strip_titles(tokens)))
    tokens = _without_index_word(tokens)
    # "the US Labor Department" and "the U.S. Department of Labor" meet.
    country, rest = country_first(tokens[1:] if tokens[:1] == ("the",) else tokens)
    if not country:
        return tuple(translit(t) for t in org_core(org_order(tokens)))
    return tuple(translit(t) for t in (*country, *org_core(org_order(rest))))


@dataclass
class _Cluster:
    """An entity under construction: the (article, key) nodes resolved to it."""

    nodes: list[tuple[str, str]] = field(default_factory=list)
    labels: Counter[str] = field(default_factory=Counter)
    keys: Counter[str] = field(default_factory=Counter)  # key -> mentions
    key_articles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    variants: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    spoke: int = 0  # quotes this name said itself (not "X police said")
    located: int = 0  # mentions after "in", "at", "near" …: a place's
    kin: int = 0  # mentions after "sister", "son", "aunt" …: a person's
    plain: int = 0  # mentions inside a sentence, in a line not in title case
    placed: int = 0  # mentions after "in", "near", ", of" …, no possessive: a town's
    _canon: tuple[tuple[int, int], str] | None = None

    @property
    def label(self) -> str:
        """The label most mentions carry; a one-word name seen as a place as often as a
        person is a place (the tagger calls towns people, rarely people towns)."""
        if not self.labels:
            return "MISC"
        top = self.labels.most_common(1)[0][0]
        places = self.labels["GPE"] + self.labels["LOC"]
        if top == "PERSON" and places >= self.labels["PERSON"] and not self.full_tokens():
            return "GPE" if self.labels["GPE"] >= self.labels["LOC"] else "LOC"
        if top in _PLACES and self.labels["ORG"] and _org_worded(self.canonical()):
            return "ORG"  # "Corvana Foods", mostly met as "Corvana" tagged GPE
        if top in _PLACES and self.labels["ORG"] and _body_of_place(self.canonical()):
            return "ORG"  # "Brenmoor Police", its mentions of the town keyed to it
        if top in _PLACES and _speaking_body(self.canonical()):
            return "ORG"  # "Brenmoor Police" tagged as a place every time
        if top in _PLACES and self.spoke and _municipal(self.canonical()):
            return "ORG"  # "according to the City of Orvale": its government
        if top in _PLACES and self.one_word_unknown() and not self.located:
            if self.kin:
                return "PERSON"  # "said her sister Corva": no town
            if self.spoke:
                return "ORG"  # "Corvana said", never "in Corvana": a firm, a paper
        return top

    def one_word_unknown(self) -> bool:
        """Whether every name of the entity is one word, none of them a known place."""
        return all(len(name_tokens(k)) == 1 and place_key(k) is None for k in self.keys)

    @property
    def mentions(self) -> int:
        """How many mentions the entity has across all articles."""
        return sum(self.keys.values())

    def absorb(self, other: _Cluster) -> None:
        """Take over the nodes and counts of ``other``."""
        self.nodes += other.nodes
        self.labels.update(other.labels)
        self.keys.update(other.keys)
        for k, arts in other.key_articles.items():
            self.key_articles[k] |= arts
        self.variants.update(other.variants)
        self.articles |= other.articles
        self.spoke += other.spoke
        self.located += other.located
        self.kin += other.kin
        self.plain += other.plain
        self.placed += other.placed

    def full_tokens(self) -> list[tuple[str, ...]]:
        """The distinct multi-word folded names of this entity."""
        names = {strip_titles(name_tokens(k)) for k in self.keys}
        return [n for n in names if len(n) >= 2]

    def canonical(self) -> str:
        """The fullest name that several reports share (or the fullest if none is shared)."""
        state = (len(self.nodes), self.mentions)
        if self._canon is None or self._canon[0] != state:
            self._canon = (state, self._compute_canonical())
        return self._canon[1]

    def _compute_canonical(self) -> str:
        shared = len(self.articles) > 1

        def rank(key: str) -> tuple[bool, int, bool, int, int, bool]:
            n_art = len(self.key_articles[key])
            tokens = name_tokens(key)
            return (
                n_art > 1 or not shared,
                len(tokens),
                min((len(t) for t in tokens), default=0) > 1,  # "Joseph" over "J."
                n_art,
                self.keys[key],
                not key.isupper(),
            )

        return max(sorted(self.keys), key=rank)


class NameIndex:
    """Story-wide entities and the map from each article's names to canonical names."""

    def __init__(self, clusters: Sequence[_Cluster]) -> None:
        self._entities: list[tuple[_Cluster, str]] = [(c, c.canonical()) for c in clusters]
        self._by_node: dict[tuple[str, str], int] = {}
        self._by_surface: dict[tuple[str, tuple[str, ...]], int] = {}
        global_keys: dict[tuple[str, ...], set[int]] = defaultdict(set)
        for idx, (cluster, _) in enumerate(self._entities):
            person = cluster.label == "PERSON"
            for aid, key in cluster.nodes:
                self._by_node[(aid, key)] = idx
                self._by_surface.setdefault((aid, _tkey(key, person)), idx)
                global_keys[_tkey(key, person)].add(idx)
            for variant in cluster.variants:
                for aid in cluster.articles:
                    self._by_surface.setdefault((aid, _tkey(variant, person)), idx)
                global_keys[_tkey(variant, person)].add(idx)
        self._global = {k: next(iter(v)) for k, v in global_keys.items() if len(v) == 1}

    def _find(self, article_id: str, name: str) -> int | None:
        """The entity index a name of an article refers to, if known."""
        if (article_id, name) in self._by_node:
            return self._by_node[(article_id, name)]
        for person in (False, True):
            found = self._by_surface.get((article_id, _tkey(name, person)))
            if found is not None:
                return found
        key = _tkey(name)
        if not key:
            return None
        if len(key) == 1:
            # A bare surname in an article that names exactly one such person.
            hits = {
                idx
                for idx, (c, _) in enumerate(self._entities)
                if article_id in c.articles
                and c.label == "PERSON"
                and any(translit(n[-1]) == key[0] for n in c.full_tokens())
            }
            if len(hits) == 1:
                return hits.pop()
        return self._global.get(_tkey(name, False), self._global.get(key))

    def canonical(self, article_id: str, name: str) -> str:
        """The story-wide canonical name for a key or surface name seen in an article."""
        idx = self._find(article_id, name)
        if idx is None:
            return display_name(name.strip())
        return self._entities[idx][1]

    def label(self, article_id: str, name: str) -> str | None:
        """The entity label of a name of an article, or None when unknown."""
        idx = self._find(article_id, name)
        return None if idx is None else self._entities[idx][0].label

    def entities(self) -> tuple[StoryEntity, ...]:
        """Every entity, most important first (number of articles, then mentions)."""
        out = [
            StoryEntity(
                name=name,
                label=c.label,
                variants=tuple(sorted(set(c.variants) | set(c.keys))),
                articles=tuple(sorted(c.articles)),
                mentions=c.mentions,
            )
            for c, name in self._entities
        ]
        out.sort(key=lambda e: (-len(e.articles), -e.mentions, e.name))
        return tuple(out)


def _nodes(items: Sequence[Analyzed]) -> list[_Cluster]:
    """One cluster per (article, key), with its mentions counted, the quotes it said
    itself and its mentions after a preposition of place."""
    by_node: dict[tuple[str, str], _Cluster] = {}
    for item in items:
        aid = item.article.id
        text = item.article.text
        places = {m.span.start for m in item.analysis.entities if m.label in _PLACES}
        # whether each line (a paragraph, most often) is in title case, read once per line
        title_lines: dict[int, bool] = {}
        for m in item.analysis.entities:
            c = by_node.get((aid, m.key))
            if c is None:
                c = by_node[(aid, m.key)] = _Cluster(nodes=[(aid, m.key)], articles={aid})
            c.labels[m.label] += 1
            c.keys[m.key] += 1
            c.key_articles[m.key].add(aid)
            c.variants[display_name(m.text, m.label == "PERSON")] += 1
            if _LOCATIVE.search(text, max(0, m.span.start - 16), m.span.start) or any(
                m.span.end + gap in places
                for gap in (2, 3)  # "Orvale, Mich."
            ):
                c.located += 1
            if _PLACED.search(text, max(0, m.span.start - 16), m.span.start) and not (
                _POSSESSIVE_AFTER.match(text, m.span.end)
            ):
                c.placed += 1
            if _KIN.search(text, max(0, m.span.start - 16), m.span.start):
                c.kin += 1
            if not _OPENING.search(text, max(0, m.span.start - 8), m.span.start):
                line_start = text.rfind("\n", 0, m.span.start) + 1
                if line_start not in title_lines:
                    title_lines[line_start] = title_cased(_line(text, m.span.start))
                if not title_lines[line_start]:
                    c.plain += 1
        for q in item.analysis.quotes:
            said = speaking_mention(item.analysis.entities, q)
            if said is not None and noun_speaker(text, item.analysis.entities, q) is None:
                by_node[(aid, said.key)].spoke += 1
    return list(by_node.values())


def _merge_same_spelling(clusters: list[_Cluster]) -> list[_Cluster]:
    """Join clusters whose keys fold to the same transliterated name, whatever the label."""
    merged: dict[tuple[str, ...], _Cluster] = {}
    for c in clusters:
        key = _tkey(c.nodes[0][1], c.label == "PERSON")
        if c.label == "NORP" and len(key) == 1 and key[0].endswith("ans"):
            key = (key[0][:-1],)  # "Russians" are the "Russian" of another report
        if key in merged:
            merged[key].absorb(c)
        else:
            merged[key] = c
    return list(merged.values())


def _towns_by_context(clusters: list[_Cluster]) -> list[_Cluster]:
    """A one-word name the tagger calls a person that the reports set where a town
    goes as often as not ("in Orvale", "Ada Lind, of Orvale,") is a town: its person
    mentions count as a place's before names are joined further."""
    for c in clusters:
        people = c.labels["PERSON"]
        if (
            people
            and c.labels.most_common(1)[0][0] == "PERSON"
            and not c.kin
            and 2 * c.placed >= people
            and c.one_word_unknown()
        ):
            del c.labels["PERSON"]
            c.labels["GPE"] += people
    return clusters


def _people_agree(a: _Cluster, b: _Cluster) -> bool:
    """Whether every full name of ``a`` is compatible with every full name of ``b``."""
    for x in a.full_tokens():
        for y in b.full_tokens():
            short, full = (x, y) if len(x) <= len(y) else (y, x)
            if compatible_person(short, full):
                continue
            if _near_spelling(short, full):
                continue
            return False
    return True


def _near_spelling(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Same first name, surnames one edit apart (long surnames only): a spelling variant."""
    if len(x) < 2 or len(y) < 2 or translit(x[0]) != translit(y[0]):
        return False
    a, b = translit(x[-1]), translit(y[-1])
    return min(len(a), len(b)) >= 6 and a[0] == b[0] and Levenshtein.distance(a, b) <= 1


def _merge_people(clusters: list[_Cluster]) -> list[_Cluster]:
    """Join full-name people who agree on surname and first name; then lone surnames."""
    people = [c for c in clusters if c.label == "PERSON" and c.full_tokens()]
    rest = [c for c in clusters if not (c.label == "PERSON" and c.full_tokens())]
    merged: list[_Cluster] = []
    for c in sorted(people, key=lambda c: -c.mentions):
        target = next(
            (
                m
                for m in merged
                if any(
                    translit(x[-1]) == translit(y[-1]) or _near_spelling(x, y)
                    for x in m.full_tokens()
                    for y in c.full_tokens()
                )
                and _people_agree(m, c)
            ),
            None,
        )
        if target is None:
            merged.append(c)
        else:
            target.absorb(c)
    leftovers: list[_Cluster] = []
    for c in rest:
        tokens = _tkey(c.nodes[0][1])
        if c.label != "PERSON" or len(tokens) != 1:
            leftovers.append(c)
            continue
        bearers = sorted(
            (m for m in merged if any(translit(n[-1]) == tokens[0] for n in m.full_tokens())),
            key=lambda m: -m.mentions,
        )
        if len(bearers) == 1 or (
            len(bearers) > 1 and bearers[0].mentions >= _DOMINANCE * bearers[1].mentions
        ):
            bearers[0].absorb(c)
        else:
            leftovers.append(c)
    return merged + leftovers


#: A one-word name joins a person only when it has at most this many times his mentions.
_MISLABELLED_SHARE = 3


#: Nouns for people that a headline capitalises after a town ("Orvale Mother Speaks").
_COMMON_PEOPLE = SPEAKING_NOUNS | frozenset(
    """mother father wife husband son daughter sister brother mom dad family teen
    girl boy baby child kid suspect victim gunman driver""".split()  # noqa: SIM905
)


def _person_shaped(tokens: tuple[str, ...]) -> bool:
    """Two or three plain words, none an initial or an organisation's or a place's word."""
    return 2 <= len(tokens) <= 3 and all(
        t.isalpha()
        and len(t) > 1
        and t not in ORG_WORDS
        and t not in PLACE_BODIES
        and t not in _COMMON_PEOPLE  # "Orvale Man", "Orvale Mother": a headline's
        for t in tokens
    )


def _merge_mislabelled_names(clusters: list[_Cluster]) -> list[_Cluster]:
    """Join a one-word name the tagger called a place or an organisation ("Velda said",
    tagged GPE) to the one person of the story whose full name opens or ends with it
    ("Velda Marsh"), unless the reports set it where a place goes ("in Velda") or it
    far outnumbers that person's mentions (a town, a team named like him)."""
    # Every name of several words in the story, by its first and its last word: a word
    # that also opens or ends a team's or a firm's name ("Orvale Rovers") is no one's.
    bearers: dict[str, set[int]] = defaultdict(set)
    for c in clusters:
        is_person = c.label == "PERSON"
        for n in c.full_tokens():
            if not is_person or _person_shaped(n):
                bearers[translit(n[0])].add(id(c) if is_person else -1)
                bearers[translit(n[-1])].add(id(c) if is_person else -1)
    by_id = {id(c): c for c in clusters}
    absorbed: set[int] = set()
    for c in clusters:
        if c.label in ("PERSON", "NORP") or c.located or c.placed or not c.one_word_unknown():
            continue
        word = name_tokens(next(iter(c.keys)))[0]
        found = bearers.get(translit(word), set())
        if len(word) < 3 or len(found) != 1 or -1 in found:
            continue
        person = by_id[next(iter(found))]
        if c.mentions <= _MISLABELLED_SHARE * person.mentions:
            if c.label in _PLACES:
                c.labels = Counter({"PERSON": c.mentions})  # no town: the person
            person.absorb(c)
            absorbed.add(id(c))
    return [c for c in clusters if id(c) not in absorbed]


def _complete(name: str) -> bool:
    """Whether an organisation name carries its own corporate word ("Apple Computer")."""
    tokens = tuple(t for t in name_tokens(name) if t != "the")
    return org_core(tokens) != tokens


def _model_tokens(name: str) -> tuple[str, ...]:
    """Name tokens with model numbers in the singular ("K220s" -> k220)."""
    return tuple(model_singular(t) for t in name_tokens(name))


def _merge_short_forms(clusters: list[_Cluster]) -> list[_Cluster]:
    """Join an acronym or a short organisation name to its longer form(s)."""
    longer = [c for c in clusters if c.label != "PERSON"]
    core = {id(c): org_core(_model_tokens(c.canonical())) for c in longer}
    # Candidates are found by first word or by initials, not by comparing all pairs.
    index: dict[str, list[_Cluster]] = defaultdict(list)
    for c in longer:
        words = core[id(c)]
        if len(words) < 2:
            continue
        index[words[0]].append(c)
        for k in range(1, len(words) - 1):
            if place_key(" ".join(words[:k])) is not None:
                index[words[k]].append(c)  # "United States Air Force" under "air"
        if c.label == "PRODUCT" or nickname_of((words[-1],), words):
            index[words[-1]].append(c)  # "Camry" under "Toyota Camry", "Colts" too
        whole = tuple(t for t in name_tokens(c.canonical()) if t != "the")
        for initials in {acronym(words), acronym(whole), acronym(without_legal(whole))}:
            index[initials].append(c)
    absorbed: set[int] = set()
    for c in sorted(longer, key=lambda c: len(core[id(c)])):
        if id(c) in absorbed:
            continue
        short = org_core(_model_tokens(c.nodes[0][1]))
        if not short:
            continue
        product = c.label == "PRODUCT"
        near = index.get(short[0], []) + (index.get(short[-1], []) if product else [])
        targets = [
            o
            for o in {id(o): o for o in near}.values()
            if o is not c
            and id(o) not in absorbed
            and len(core[id(o)]) > len(short)
            and (o.label == "PRODUCT") == product
            and not (place_key(c.canonical()) is not None and o.label not in _PLACES)
            and (
                compatible_org(short, core[id(o)]) or (product and product_tail(short, core[id(o)]))
            )
            # Every name of the short entity must fit: "Apple Computer" stops "Apple"
            # (the same company) from joining "Apple Corps".
            and all(compatible_org(name_tokens(k), core[id(o)]) for k in c.keys if _complete(k))
        ]
        if c.label in _PLACES and any(place_body(short, core[id(o)]) for o in targets):
            continue  # a town is not short for its police or its paper ("Orvale Police")
        targets.sort(key=lambda o: -o.mentions)
        # Several longer forms ("Dow Jones", "Dow Jones Industrial Average") are fine
        # when they are all forms of the biggest one.
        head = core[id(targets[0])] if targets else ()
        if targets and all(
            compatible_org(core[id(o)], head) or compatible_org(head, core[id(o)])
            for o in targets[1:]
        ):
            targets[0].absorb(c)
            absorbed.add(id(c))
    return [c for c in clusters if id(c) not in absorbed]


def _merge_declared_aliases(clusters: list[_Cluster]) -> list[_Cluster]:
    """Join a bare acronym ("SIA") to the entity another report introduced it for
    ("Singapore Airlines (SIA)"), when exactly one entity has it as a variant."""
    owners: dict[str, set[int]] = defaultdict(set)
    for c in clusters:
        if c.label == "PERSON":
            continue
        for v in c.variants:
            if v.isupper() and 2 <= len(v) <= 6 and len(c.keys) and v not in c.keys:
                owners[v].add(id(c))
    by_id = {id(c): c for c in clusters}
    absorbed: set[int] = set()
    for c in clusters:
        if c.label == "PERSON" or len(c.keys) != 1:
            continue
        (key,) = c.keys
        targets = owners.get(key, set()) - {id(c)}
        if len(targets) == 1:
            target = by_id[targets.pop()]
            if id(target) not in absorbed:
                target.absorb(c)
                absorbed.add(id(c))
    return [c for c in clusters if id(c) not in absorbed]


def resolve_names(items: Sequence[Analyzed]) -> NameIndex:
    """Resolve the entity keys of all ``items`` into story-wide entities."""
    clusters = _nodes(items)
    clusters = _merge_same_spelling(clusters)
    clusters = _towns_by_context(clusters)
    clusters = _merge_people(clusters)
    clusters = _merge_mislabelled_names(clusters)
    clusters = _merge_short_forms(clusters)
    clusters = _merge_declared_aliases(clusters)
    common = _headline_words(clusters, items)
    return NameIndex([c for c in clusters if id(c) not in common])
