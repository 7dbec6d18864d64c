"""Who said it: from a speech cue near a quote to the entity that spoke.

A cue is a verb of saying (said, wrote, told, added, called, described ...), "according
to", or a name followed by a colon. The speaker is the cue's grammatical subject (or,
for "said X", the name after it). A subject that is a pronoun or a title ("he", "the
minister") is resolved to the nearest compatible person named before it, preferring
people who were the subject of their sentence.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.analyze.naming.folding import display_name, fold, name_tokens, translit
from storyline.analyze.naming.kinds import ORG_WORDS
from storyline.analyze.numbers.victims import DATELINE_DASHES
from storyline.analyze.quoting.clauses import nearer_clause_subject, outer_reporting_verb
from storyline.analyze.quoting.epithets import epithet_referent
from storyline.analyze.quoting.lexicon import ROLE_NOUNS, SPEECH_NOUNS, SPEECH_VERBS
from storyline.analyze.quoting.namesakes import modal_after_quote, modal_surname
from storyline.analyze.quoting.referents import ORG_NOUNS, org_referent, relative_head
from storyline.model import Mention, Span
from storyline.nlp import doc_text

_PERSON_PRONOUNS = frozenset({"he", "she", "his", "her"})  # possessors too: "her remark"
_ORG_PRONOUNS = frozenset({"it"})
#: Honorifics that tell a person's gender ("Mr. Kerr", "Mrs. Lind").
_HONORIFICS = {"Mr": "m", "Mrs": "f", "Ms": "f"}
#: The gender a pronoun refers to.
_PRONOUN_GENDER = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f"}
#: Nouns that tell the gender of the person they stand beside ("his wife, Vera").
_GENDER_NOUNS = {
    **dict.fromkeys(
        """wife mother daughter sister grandmother widow girlfriend aunt niece
        congresswoman spokeswoman chairwoman businesswoman actress mrs ms""".split(),  # noqa: SIM905
        "f",
    ),
    **dict.fromkeys(
        """husband father son brother grandfather widower boyfriend uncle nephew
        congressman spokesman businessman actor mr""".split(),  # noqa: SIM905
        "m",
    ),
}


def _noun_gender(words: Sequence[str]) -> str | None:
    """The one gender the nouns ``words`` tell, or None."""
    found = {_GENDER_NOUNS[w.strip(".")] for w in words if w.strip(".") in _GENDER_NOUNS}
    return next(iter(found)) if len(found) == 1 else None


#: Verbs whose "it" is a placeholder ("it seems", "it appears", "it remains unclear").
_RAISING = frozenset({"seem", "appear", "remain", "happen", "look", "sound"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speaker found for a quote: entity key (or None), the words naming it, the cue."""

    speaker: str | None
    span: Span | None
    cue: str
    said: bool = True  # False: the cue reports that it was not said ("did not say")


class MentionIndex:
    """Mentions of one article, searchable by position, with which ones are subjects."""

    def __init__(self, doc: Any, mentions: Sequence[Mention], quoted: Sequence[Span]) -> None:
        self.doc = doc
        self.mentions = sorted(mentions, key=lambda m: m.span)
        self.starts = [m.span.start for m in self.mentions]
        self.quoted = sorted(quoted)
        self.subject = [self._is_subject(m) for m in self.mentions]
        self.context = [self._title_words(m) for m in self.mentions]
        self.surnames: dict[str, set[str]] = {}
        for m in self.mentions:
            toks = name_tokens(m.key)
            if m.label == "PERSON" and toks:
                self.surnames.setdefault(toks[-1], set()).add(m.key)
        self.gender = self._genders()

    def _genders(self) -> dict[str, str]:
        """Each person's gender where the article shows it by an honorific ("Mr. Kerr",
        "Ms. Lind"), with no honorific of the other kind and no other person of the
        same surname, or by a noun beside the name ("his wife, Vera Lind")."""
        surnames = self.surnames
        text = doc_text(self.doc)
        seen: dict[str, set[str]] = {}
        for m in self.mentions:
            toks = name_tokens(m.key)
            if m.label != "PERSON" or not toks or len(surnames[toks[-1]]) > 1:
                continue  # "Mr. Clinton", "Mrs. Clinton": which Clinton is which, unsure
            before = text[max(0, m.span.start - 6) : m.span.start].split()
            g = _HONORIFICS.get(before[-1].rstrip(".")) if before else None
            if g is not None:
                seen.setdefault(m.key, set()).add(g)
        for m in self.mentions:
            # "congresswoman Vera Lind", "his wife, Vera": a gendered noun of the name's own
            # phrase (a full name when the surname is shared: the key is then sure).
            toks = name_tokens(m.key)
            if m.label != "PERSON" or not toks:
                continue
            if len(surnames[toks[-1]]) > 1 and len(name_tokens(m.text)) < 2:
                continue
            g = _noun_gender(self._nouns_beside(m))
            if g is not None:
                seen.setdefault(m.key, set()).add(g)
        out = {key: next(iter(gs)) for key, gs in seen.items() if len(gs) == 1}
        for key, g in self._pronoun_votes(surnames).items():
            out.setdefault(key, g)
        return out

    def _pronoun_votes(self, surnames: dict[str, set[str]]) -> dict[str, str]:
        """Each person's gender where the article's own pronouns tell it: the first "he",
        "his", "she" or "her" after a person who is the subject of a clause, in the same
        sentence, outside quotes and with no other person named between ("Kerr said his
        crews …"); only when at least two such pronouns agree and none disagrees."""
        votes: dict[str, list[str]] = {}
        for n, m in enumerate(self.mentions):
            toks = name_tokens(m.key)
            if m.label != "PERSON" or not self.subject[n] or not toks:
                continue
            if len(surnames.get(toks[-1], ())) > 1:
                continue
            end = self._token_at(m.span.end - 1)
            if end is None:
                continue
            nxt = self.mentions[n + 1].span.start if n + 1 < len(self.mentions) else 10**12
            for tok in self.doc[end.i + 1 : end.sent.end]:
                if tok.idx >= nxt or self.inside_quote(tok.idx):
                    break
                g = _PRONOUN_GENDER.get(tok.lower_)
                if g is not None:
                    votes.setdefault(m.key, []).append(g)
                    break
        return {k: v[0] for k, v in votes.items() if len(v) >= 2 and len(set(v)) == 1}

    def _nouns_beside(self, m: Mention) -> list[str]:
        """Lower-case words of a name's own phrase: the few before it ("his wife, Vera
        Lind", up to a comma and one more word) and an apposition right after it ("Vera
        Lind, his wife,")."""
        text = doc_text(self.doc)
        before = text[max(0, m.span.start - 40) : m.span.start].replace(",", " , ").split()
        if before and before[-1] == ",":
            before = before[:-1]
        words = [before[-1].lower()] if before and before[-1][:1].islower() else []
        after = text[m.span.end : m.span.end + 30]
        if after.startswith(", "):
            tail = after[2:].split(",")[0].split()
            if 1 < len(tail) <= 3 and tail[0].lower() in ("his", "her", "the", "a"):
                words.extend(w.lower() for w in tail[1:])
        return words

    def agrees(self, m: Mention, pronoun: str) -> bool:
        """Whether a person may be "he" or "she" (``pronoun``): not when the article's
        honorifics give them the other gender."""
        want = _PRONOUN_GENDER.get(pronoun)
        have = self.gender.get(m.key)
        return want is None or have is None or want == have

    def _namesake(self, m: Mention, pronoun: str) -> Mention | None:
        """A bare surname the linker gave to one of two people who share it, when that
        one is of the other gender than ``pronoun`` and the other is not ("Lind" keyed to
        "his wife, Vera Lind", then "he"): the mention as the other one's."""
        toks = name_tokens(m.text)
        key = name_tokens(m.key)
        if m.label != "PERSON" or len(toks) != 1 or not key or toks[-1] != key[-1]:
            return None
        others = self.surnames.get(key[-1], set()) - {m.key}
        if len(others) != 1:
            return None
        other = next(iter(others))
        if self.gender.get(other) not in (None, _PRONOUN_GENDER.get(pronoun)):
            return None
        return Mention(m.span, m.text, m.label, other)

    def inside_quote(self, pos: int) -> bool:
        """Whether a character position lies inside a quoted passage."""
        i = bisect.bisect_right(self.quoted, Span(pos, 10**12)) - 1
        return i >= 0 and self.quoted[i].start <= pos < self.quoted[i].end

    def at(self, start: int, end: int) -> Mention | None:
        """The mention overlapping ``[start, end)``, if any (people first)."""
        i = bisect.bisect_left(self.starts, start)
        hits: list[Mention] = []
        for j in range(max(0, i - 3), min(len(self.mentions), i + 4)):
            m = self.mentions[j]
            if m.span.start < end and start < m.span.end:
                hits.append(m)
        hits.sort(key=lambda m: (m.label != "PERSON", m.span.start))
        return hits[0] if hits else None

    def _token_at(self, pos: int) -> Any:
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _is_subject(self, m: Mention) -> bool:
        tok = self._token_at(m.span.end - 1)
        while tok is not None and tok.dep_ in ("compound", "flat", "appos", "poss", "case"):
            if tok.head.i == tok.i:
                break
            tok = tok.head
        return tok is not None and tok.dep_ in ("nsubj", "nsubjpass")

    def _title_words(self, m: Mention) -> frozenset[str]:
        """Lower-case words just before a mention ("Defence Minister Rustem Umerov")."""
        before = doc_text(self.doc)[max(0, m.span.start - 60) : m.span.start]
        words = before.replace(",", " , ").split()[-5:]
        # Only the words of the same noun phrase: stop at punctuation and verbs.
        out: list[str] = []
        for w in reversed(words):
            if not w[:1].isalpha():
                break
            out.append(w.lower().strip("’'s"))
        return frozenset(out)

    def antecedent(
        self,
        pos: int,
        labels: frozenset[str],
        role: str | None = None,
        modifiers: frozenset[str] = frozenset(),
        pronoun: str | None = None,
        named_modifier: bool = False,
    ) -> Mention | None:
        """The nearest compatible mention before ``pos``, outside quotes (of the
        gender of ``pronoun`` when the article tells it).

        People who were the subject of their sentence win over nearer mentions that
        were not, within a short window; a role noun must match the title the person
        was introduced with when any such person exists.
        """
        i = bisect.bisect_left(self.starts, pos) - 1
        window_start = max(0, pos - 600)
        candidates: list[int] = []
        swap: dict[int, Mention] = {}  # bare surnames read as the namesake of the gender
        while i >= 0 and self.mentions[i].span.start >= window_start:
            m = self.mentions[i]
            if m.label in labels and not self.inside_quote(m.span.start):
                if pronoun is None or self.agrees(m, pronoun):
                    candidates.append(i)
                else:
                    other = self._namesake(m, pronoun)
                    if other is not None:
                        swap[i] = other
                        candidates.append(i)
            i -= 1
        if not candidates and "PERSON" in labels:
            # The tagger may have called a person something else: take a name shaped
            # like a person's ("Vera Lind", subject of its sentence).
            candidates = [
                j
                for j in range(len(self.mentions))
                if window_start <= self.starts[j] < pos
                and self.subject[j]
                and person_shaped(self.mentions[j].text)
                and not self.inside_quote(self.starts[j])
            ][::-1]
        if not candidates and role is not None:
            return self._following(pos, labels)
        if not candidates:
            return None
        if role is not None:
            titled = [
                c
                for c in candidates
                if role in self.context[c] and modifiers <= self.context[c] | {role}
            ]
            if not titled:
                titled = self._titled_anywhere(role, modifiers, labels, pos)
            if (
                not titled
                and modifiers
                and not named_modifier
                and not modifiers & _ORDINALS
                and not any(modifiers & c for c in self.context)
            ):
                # "the two-term president": a lower-case modifier no title of the article
                # holds describes the one introduced with the role ("the Senate leader"
                # and "the second official" set someone apart, and stay strict).
                titled = self._titled_anywhere(role, frozenset(), labels, pos)
            if titled:
                return swap.get(titled[0], self.mentions[titled[0]])
        subjects = [c for c in candidates if self.subject[c]]
        if modifiers:
            # "the Ukrainian leader" with no such title seen: the latest person is safest.
            return swap.get(candidates[0], self.mentions[candidates[0]])
        if subjects and self.starts[candidates[0]] - self.starts[subjects[0]] < 400:
            return swap.get(subjects[0], self.mentions[subjects[0]])
        return swap.get(candidates[0], self.mentions[candidates[0]])

    def sentence_subject(self, pronoun: Any) -> Mention | None:
        """The person subject of the main clause, when it precedes the pronoun in its
        sentence: in "X reacted, saying he expected Y to answer what he called ...",
        both pronouns are X."""
        sent = pronoun.sent
        for tok in sent.root.children:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.i < pronoun.i and tok is not pronoun:
                m = self.at(tok.idx, tok.idx + len(tok.text))
                if m is not None and m.label == "PERSON" and self.agrees(m, pronoun.lower_):
                    return m
        return None

    def _following(self, pos: int, labels: frozenset[str]) -> Mention | None:
        """The first compatible mention shortly after ``pos`` ("The US president said ...
        Trump"), for a description that opens an article."""
        i = bisect.bisect_left(self.starts, pos)
        while i < len(self.mentions) and self.starts[i] < pos + 300:
            m = self.mentions[i]
            if m.label in labels and not self.inside_quote(m.span.start):
                return m
            i += 1
        return None

    def named(self, text: str) -> Mention | None:
        """A person mention of the article whose name ends with ``text`` (a surname)."""
        key = translit(name_tokens(text)[-1]) if name_tokens(text) else ""
        for m in self.mentions:
            toks = name_tokens(m.key)
            if m.label == "PERSON" and toks and translit(toks[-1]) == key:
                return m
        return None

    def _titled_anywhere(
        self, role: str, modifiers: frozenset[str], labels: frozenset[str], pos: int
    ) -> list[int]:
        """Mentions anywhere before ``pos`` introduced with the role, latest first."""
        found = [
            i
            for i, m in enumerate(self.mentions)
            if m.span.start < pos
            and m.label in labels
            and role in self.context[i]
            and modifiers <= self.context[i] | {role}
        ]
        keys = {self.mentions[i].key for i in found}
        return list(reversed(found)) if len(keys) == 1 else []


#: Modifiers of a role noun that set one person apart from another of that role ("the
#: second official"), never a description of the one introduced with it.
_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "other", "another"})


def person_shaped(text: str) -> bool:
    """Two or three capitalised words with no organisation word: "Vera Lind"."""
    words = text.split()
    return (
        2 <= len(words) <= 3
        and all(w.isalpha() and w.istitle() for w in words)
        and not any(fold(w) in ORG_WORDS for w in words)
    )


def _noun_phrase(tok: Any) -> tuple[int, int]:
    """Character bounds of a subject noun phrase, without relative clauses or appositions."""
    left = tok.left_edge.i
    while left < tok.i and (tok.doc[left].is_punct or tok.doc[left].is_space):
        left += 1  # a closing mark the parser hung on the phrase (“…,” a source said)
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "nummod", "amod", "appos"):
            right = max(right, child.right_edge.i)
        elif child.dep_ != "punct":  # "Ostrel’s mayor, Jonas Kerr, said": past the comma
            break
    doc = tok.doc
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def resolve_subject(tok: Any, index: MentionIndex) -> tuple[str | None, Span | None]:
    """The entity key and mention span a subject token refers to."""
    lower = tok.lower_
    if lower in _PERSON_PRONOUNS:
        m = index.sentence_subject(tok) or index.antecedent(
            tok.idx, frozenset({"PERSON"}), pronoun=lower
        )
        return (m.key if m else None), Span(tok.idx, tok.idx + len(tok.text))
    if lower in _ORG_PRONOUNS and tok.head.lemma_.lower() in _RAISING:
        return None, None  # "it seems likely that …": no one, and no thing, speaks
    if lower in _ORG_PRONOUNS:
        m = org_referent(tok, index)
        return (m.key if m else None), Span(tok.idx, tok.idx + len(tok.text))
    antecedent = relative_head(tok)
    if antecedent is not None:
        releaser = _releaser(antecedent, index)
        if releaser is not None:
            return releaser.key, releaser.span
        apposed = _apposed_person(antecedent, index)
        key, span = (apposed.key, apposed.span) if apposed else resolve_subject(antecedent, index)
        if key is not None:
            # "Beck, who has said …": "who" names the speaker in the cue, as "he" would;
            # the key is the person it stands for (an unnamed one keeps its noun phrase).
            return key, Span(tok.idx, tok.idx + len(tok.text))
        return key, span
    if tok.pos_ == "ADP":
        # "Of Kerr, Brandt, who …, said": a parse that made the preposition the subject;
        # its object is the one speaking, or a name set after it ("Of Kerr, Brandt, …"
        # parsed as an apposition or a conjunct of the topic).
        objs = [c for c in tok.children if c.dep_ == "pobj"]
        if objs:
            after = [c for c in objs[-1].children if c.dep_ in ("appos", "conj")]
            return resolve_subject((after or objs)[-1], index)
    start, end = _noun_phrase(tok)
    direct = index.at(tok.idx, tok.idx + len(tok.text))
    if direct is not None:
        return direct.key, direct.span
    named_last = (
        _name_closing_title(tok, index) or _author_of(tok, index) or _named_after(tok, index)
    )
    if named_last is not None:
        return named_last.key, named_last.span
    inner = index.at(start, end)
    if inner is not None and inner.label == "NORP":
        inner = None  # "Ukrainian officials" are not "Ukrainian"
    if (
        inner is not None
        and inner.label == "PERSON"
        and tok.lemma_.lower() in _FOLLOWERS
        and inner.span.end <= tok.idx
    ):
        inner = None  # "a Kerr supporter said": someone for Kerr, not Kerr
    described = None if inner is not None else epithet_referent(tok, index)
    if described is not None:
        return described.key, Span(start, end)  # "the billionaire said": the one named so
    det = [c.lower_ for c in tok.children if c.dep_ == "det"]
    definite = bool(det) and det[0] in ("the", "this", "that")
    plural = tok.tag_ in ("NNS", "NNPS")
    if definite and not plural and tok.lemma_.lower() in ORG_NOUNS and inner is None:
        m = org_referent(tok, index, strict=True)  # "the agency said": the one just named
        return (m.key if m else None), Span(start, end)
    # "The Ukrainian leader", "the minister": a role noun points back to a named person
    # ("the heads of delegations" are several people: none of them in particular).
    if tok.lemma_.lower() in ROLE_NOUNS and (inner is None or inner.label != "PERSON"):
        if plural:
            return None, Span(start, end)
        if definite:
            mods = frozenset(
                c.lower_ for c in tok.children if c.dep_ in ("amod", "compound") and c.is_alpha
            )
            named_mod = any(
                c.dep_ in ("amod", "compound") and c.is_alpha and not c.is_lower
                for c in tok.children
            )
            m = index.antecedent(
                tok.idx, frozenset({"PERSON"}), tok.lemma_.lower(), mods, named_modifier=named_mod
            )
            return (m.key if m else None), Span(start, end)
    if tok.pos_ == "PROPN" or tok.text.istitle():
        # The tagger missed this occurrence of a name it found elsewhere in the article.
        named = index.named(tok.text)
        if named is not None:
            return named.key, Span(tok.idx, tok.idx + len(tok.text))
        if tok.pos_ == "PROPN" and tok.lemma_.lower() not in ROLE_NOUNS:
            return _proper_run(tok)
    if inner is not None:
        return inner.key, inner.span
    return None, Span(start, end)


#: Nouns for people who stand with or against someone named before them ("a Kerr
#: supporter", "two Lind aides"): not that someone.
_FOLLOWERS = frozenset(
    """supporter endorser backer voter delegate donor fan follower loyalist ally critic
    opponent rival detractor protester surrogate aide adviser advisor staffer""".split()  # noqa: SIM905
)


def _name_closing_title(tok: Any, index: MentionIndex) -> Mention | None:
    """ "Harbour Trust Vice President for ferries and piers Jonas Kerr said": a title the
    parser made the subject, whose phrase ends in a person's name — the person."""
    if tok.lemma_.lower() not in ROLE_NOUNS or tok.tag_ in ("NNS", "NNPS"):
        return None
    last = tok.right_edge
    if last.i <= tok.i + 1 or last.i - tok.i > 10 or last.ent_type_ != "PERSON":
        return None
    m = index.at(last.idx, last.idx + len(last.text))
    if m is None or m.label != "PERSON" or m.span.start <= tok.idx:
        return None
    between = tok.doc[tok.i + 1 : last.i]
    if any(
        # a verb the tagger took for part of the title ("for weather and talk") is none
        (t.pos_ in ("VERB", "AUX") and t.dep_ not in ("compound", "amod"))
        or t.text in (",", "(", ";")
        for t in between
    ):
        return None  # "the director of the Trust, Jonas Kerr": an apposition, read elsewhere
    return m


#: Writings whose author says what they say ("the statement from Mayor Lind read").
_AUTHORED = frozenset(
    """statement letter email e-mail post tweet release memo message note""".split()  # noqa: SIM905
)


def _author_of(tok: Any, index: MentionIndex) -> Mention | None:
    """ "“…,” the statement from Mayor Vera Lind read": the person or organisation a
    writing is from, by or sent by speaks its words."""
    if tok.lemma_.lower() not in _AUTHORED:
        return None
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by")]
    for acl in tok.children:
        if acl.dep_ == "acl" and acl.tag_ == "VBN":
            # "a fundraising email sent out by Kerr on Tuesday warned": its sender's
            preps += [c for c in acl.children if c.dep_ == "agent"]
    for prep in preps:
        for obj in prep.children:
            if obj.dep_ == "pobj":
                m = index.at(obj.idx, obj.idx + len(obj.text))
                if m is not None and m.label in ("PERSON", "ORG"):
                    return m
    return None


#: Writings and spots that someone releases with words of their own ("an ad that urges").
_RELEASED = _AUTHORED | frozenset(
    "video ad advert advertisement commercial spot clip mailer flyer".split()  # noqa: SIM905
)
#: Verbs of putting out such a writing.
_RELEASING = frozenset(
    "release issue post publish air run launch unveil send circulate tweet".split()  # noqa: SIM905
)


def _apposed_person(tok: Any, index: MentionIndex) -> Mention | None:
    """ "Rep. Vera Lind, a Kerr endorser who suggested …": the person a noun with a
    relative clause is set beside, not a name inside that noun's phrase."""
    if tok.dep_ != "appos" or tok.pos_ != "NOUN" or tok.head.i > tok.i:
        return None
    head = index.at(tok.head.idx, tok.head.idx + len(tok.head.text))
    return head if head is not None and head.label == "PERSON" else None


def _releaser(tok: Any, index: MentionIndex) -> Mention | None:
    """ "Kerr released a short video that said, “…”": a writing that speaks through a
    relative clause, put out by a person or an organisation named as the subject of the
    verb releasing it, speaks for them."""
    if tok.lemma_.lower() not in _RELEASED or tok.dep_ != "dobj":
        return None
    verb = tok.head
    if verb.lemma_.lower() not in _RELEASING:
        return None
    for child in verb.children:
        if child.dep_ == "nsubj" and child.i < tok.i:
            m = index.at(child.idx, child.idx + len(child.text))
            if m is not None and m.label in ("PERSON", "ORG"):
                return m
    return None


def _named_after(tok: Any, index: MentionIndex) -> Mention | None:
    """ "a retired skipper named Vera Lind": the person a noun is said to be named."""
    for acl in tok.children:
        if acl.dep_ == "acl" and acl.lower_ in ("named", "called"):
            for obj in acl.children:
                if obj.dep_ in ("oprd", "dobj", "attr") and obj.pos_ == "PROPN":
                    m = index.at(obj.idx, obj.idx + len(obj.text))
                    if m is not None and m.label == "PERSON":
                        return m
    return None


def _proper_run(tok: Any) -> tuple[str, Span]:
    """A name the tagger did not see at all: the capitalised words ending at ``tok``."""
    doc = tok.doc
    first = tok.i
    while first > tok.sent.start and doc[first - 1].is_alpha and doc[first - 1].text.istitle():
        if doc[first - 1].dep_ not in ("compound", "flat", "amod", "nmod"):
            break
        first -= 1
    start = doc[first].idx
    text = doc_text(doc)[start : tok.idx + len(tok.text)]
    person = not any(fold(w) in ORG_WORDS for w in text.split())  # "Defence Ministry"
    return display_name(text, person), Span(start, tok.idx + len(tok.text))


def according_to(to: Any, index: MentionIndex) -> tuple[str | None, Span | None]:
    """The source named after "according to", up to the next comma or sentence end."""
    doc = to.doc
    end = to.i + 1
    while end < to.sent.end and doc[end].text not in (",", ".", ";", ":", "—"):
        end += 1
    if end <= to.i + 1:
        return None, None
    start_c = doc[to.i + 1].idx
    end_c = doc[end - 1].idx + len(doc[end - 1].text)
    m = index.at(start_c, end_c)
    if m is not None:
        return m.key, m.span
    for tok in reversed(doc[to.i + 1 : end]):
        if tok.pos_ == "PROPN":
            return _proper_run(tok)
    objs = [c for c in to.children if c.dep_ in ("pobj", "pcomp")]
    if objs:
        return resolve_subject(objs[0], index)
    return None, Span(start_c, end_c)


#: Verbs over a verb of saying that say it was not said ("declined to say").
_WITHHELD = frozenset({"decline", "refuse", "fail", "avoid", "neglect", "stop"})
#: Auxiliaries of a saying that did not happen ("would say", "might call").
_HYPOTHETICAL = frozenset({"would", "could", "might", "may", "should"})


def unsaid(verb: Any) -> bool:
    """Whether a verb of saying reports that nothing was said: negated ("did not say"),
    withheld ("declined to say", "refused to comment") or hypothetical ("would say",
    "if he said"). Words the parser hung on the verb from inside a quote ("“… Nor would
    the board,” Kerr wrote") are the quote's, not the verb's."""
    doc = verb.doc
    for child in verb.children:
        lo, hi = sorted((child.i, verb.i))
        if any(t.is_quote for t in doc[lo + 1 : hi]):
            continue
        if child.dep_ == "neg" or child.lower_ in ("never", "not", "n't", "nor"):
            return True
        if child.dep_ == "aux" and child.lower_ in _HYPOTHETICAL and not modal_after_quote(child):
            return True  # (not "“…,” May said": a name the tagger took for "may")
        if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
            return True
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i:
        if head.lemma_.lower() in _WITHHELD:
            return True
        return any(c.dep_ == "neg" for c in head.children)  # "did not want to say"
    return False


def passive_participle(verb: Any) -> bool:
    """Whether a cue verb is a passive participle ("urged by X", "a truce called for")."""
    if verb.tag_ != "VBN":
        return False
    if any(c.dep_ in ("agent", "auxpass") for c in verb.children):
        return True
    return verb.dep_ in ("acl", "amod", "advcl") and not any(
        c.dep_ in ("aux", "nsubj") for c in verb.children
    )


def _across_paragraphs(a: Any, b: Any) -> bool:
    """Whether a line break lies between two tokens (a parse joining two paragraphs)."""
    lo, hi = sorted((a.idx, b.idx))
    return "\n" in doc_text(a.doc)[lo:hi]


def _before_brackets(verb: Any) -> Any:
    """The token before ``verb``, past a bracketed aside ("Paul Ryan (R-WI) said")."""
    doc = verb.doc
    i = verb.i - 1
    if doc[i].text == ")":
        j = i
        while j > max(0, verb.i - 8) and doc[j].text != "(":
            j -= 1
        if doc[j].text == "(" and j > 0:
            return doc[j - 1]
    if (
        doc[i].text == ","
        and i > 0
        and doc[i - 1].ent_type_ == "PERSON"
        and doc[i - 1].dep_ == "appos"
    ):
        return doc[i - 1]  # "…, her senior policy adviser, Jake Sullivan, said": apposition
    if doc[i].text == ",":
        # "Trump, in Kentucky, said": past a short aside between commas to a name.
        for j in range(i - 1, max(0, i - 8), -1):
            if doc[j].text == "," or "\n" in doc[j].text:
                if doc[j].text == "," and _name_like(doc[j - 1]):
                    return doc[j - 1]
                break
    return doc[i]


def _name_like(tok: Any) -> bool:
    """Whether a token may end a person's name: tagged a person, or a name the tagger
    called an organisation ("Ramos, 58, told AFP")."""
    return tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", ""))


def _after_aside(verb: Any, prev: Any) -> bool:
    """Whether ``prev`` (from :func:`_before_brackets`) stands before a short aside between
    commas or brackets rather than right before the verb."""
    return prev.i < verb.i - 1 and verb.doc[verb.i - 1].text in (",", ")") and _name_like(prev)


def _dateline(tok: Any) -> bool:
    """Whether a token is the place of a dateline opening its paragraph ("LONDON
    (Reuters) -", "LA CROSSE, Wisc. —"): capitals, then a dash or a bracket soon after."""
    if not (tok.text.isupper() and tok.is_alpha and len(tok.text) > 1):
        return False
    doc = tok.doc
    text = doc_text(doc)
    para = text.rfind("\n", 0, tok.idx) + 1
    words = text[para : tok.idx].split()
    if len(words) > 2 or not all(w.isupper() for w in words):
        return False  # "LA CROSSE": capitals from the paragraph's start
    after = text[tok.idx : tok.idx + 40]
    return any(mark in after for mark in ("—", " - ", " -- ", "(", "–"))


def _time_stamp(tok: Any) -> bool:
    """Whether a subject is a day or a time with no one in it ("Saturday", "6:50 p.m."),
    unlike "the 46-year-old" or "Tuesday at …, Gov. John Kasich"."""
    if tok.ent_type_ not in ("DATE", "TIME"):
        return False
    if tok.pos_ not in ("PROPN", "NUM") and tok.lower_ not in ("p.m.", "a.m.", "pm", "am"):
        return False
    return not any(t.ent_type_ in ("PERSON", "ORG") for t in tok.subtree)


def _paragraph_noun(verb: Any) -> Any:
    """The name or noun just before ``verb`` in its own paragraph, past auxiliaries and
    adverbs ("Hillary Clinton has told"), or None."""
    doc = verb.doc
    for tok in reversed(doc[max(0, verb.i - 6) : verb.i]):
        if "\n" in tok.text or tok.is_punct:
            return None
        if tok.pos_ in ("AUX", "PART", "ADV"):
            continue
        if tok.pos_ in ("PROPN", "NOUN", "PRON") and tok.ent_type_ not in ("DATE", "TIME"):
            return tok
        return None
    return None


def _subject_of_misparsed_relative(verb: Any) -> list[Any]:
    """ "Kerr, meanwhile, who sits on the board, said …": the parser made the relative
    clause a clause of "said", its "who" and the name both its subjects; the name before
    "who" is the subject of "said". Empty when the verb has no such clause."""
    for clause in verb.lefts:
        if clause.dep_ != "ccomp":
            continue
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        who = [c for c in subjects if c.lower_ == "who"]
        if who:
            return [c for c in subjects if c.i < who[0].i and c.pos_ in ("NOUN", "PROPN")][:1]
    return []


def _relative_clause_head(verb: Any) -> Any:
    """For a verb with no subject right after a relative clause ("a harbour official who
    would not give a name said"), the noun that clause tells of: the parser
    hung the noun elsewhere, but it is the verb's subject. None otherwise."""
    doc = verb.doc
    end = verb.i - 1
    while end > 0 and doc[end].text == ",":
        end -= 1
    for anc in [doc[end], *doc[end].ancestors]:
        if anc.i >= verb.i:
            return None
        if anc.dep_ == "relcl" and anc.right_edge.i == end:
            head = anc.head
            who = [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")]
            if anc.pos_ == "PROPN" and who and who[0].lower_ in ("who", "whom"):
                # "Kerr, who Lind on Monday called “…”": the parser made the name the
                # clause; "who" is the one called, the name the one calling.
                return anc
            if (
                head.pos_ in ("NOUN", "PROPN")
                and head.i < anc.i
                and who
                and who[0].lower_ in ("who", "that")
                and not _across_paragraphs(head, verb)
            ):
                return head
            return None
    return None


def _paragraph_opener(verb: Any) -> Any:
    """The person's name that opens the paragraph of ``verb`` and is set off by a comma
    from a phrase that runs up to the verb ("Harbour Gazette columnist Vera Lind, in an
    attempt to …, wrote, “…”"), for a verb the parser hung on the paragraph before; or
    None when the phrase in between holds a clause of its own."""
    doc = verb.doc
    text = doc_text(doc)
    para = text.rfind("\n", 0, verb.idx) + 1
    toks = [t for t in doc[max(0, verb.i - 40) : verb.i] if t.idx >= para and not t.is_space]
    run = 0
    while run < len(toks) and toks[run].pos_ in ("PROPN", "NOUN"):
        run += 1
    if not (0 < run < len(toks) and toks[run].text == "," and toks[-1].text == ","):
        return None
    name = toks[run - 1]
    if name.pos_ != "PROPN" or name.ent_type_ != "PERSON":
        return None
    if any(t.dep_ in ("nsubj", "nsubjpass") or t.pos_ == "AUX" for t in toks[run:]):
        return None
    return name


#: Verbs whose object is the subject of the infinitive after it ("prompted Kerr to say").
_OBJECT_CONTROL = frozenset(
    """prompt urge ask tell lead force press push invite encourage inspire challenge dare
    compel cause allow get""".split()  # noqa: SIM905
)


def _object_controller(tok: Any, quoted: Callable[[int], bool] | None) -> Any:
    """The object of the verb an infinitive hangs on, when that verb makes its object
    the infinitive's subject: "That prompted Kerr to make a joke and call Lind “…”",
    "urged Kerr to say" (not "used the question to demand"). None otherwise."""
    if (
        tok.dep_ != "xcomp"
        or tok.head.lemma_.lower() not in _OBJECT_CONTROL
        or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    ):
        return None
    for c in tok.head.children:
        if (
            c.dep_ == "dobj"
            and c.i < tok.i
            and c.pos_ in ("PROPN", "NOUN")
            and not (quoted is not None and quoted(c.idx))
        ):
            return c
    return None


#: Writings that are sent or issued with words of their own ("a statement saying …").
_SENT_WRITINGS = SPEECH_NOUNS | frozenset(
    "letter email e-mail release note text memo notice post press".split()  # noqa: SIM905
)
#: Verbs of sending or issuing a writing.
_SENDING = frozenset(
    """issue send release post publish put write tweet retweet share deliver circulate
    distribute blast fire""".split()  # noqa: SIM905
)


def sender(verb: Any) -> Any:
    """For a participle of saying on a writing that someone sends or issues ("The Trust
    issued a statement saying …", "her team sent a short note to volunteers saying:
    “…”"), the verb of sending; else None. A sign or a hat "saying" something is
    no one's saying but its own."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or verb.lemma_.lower() not in ("say", "read"):
        return None
    tok = verb.head
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _SENDING:
        return None
    writings = [
        c
        for c in tok.children
        if c.dep_ == "dobj" and c.i < verb.i and c.lemma_.lower() in _SENT_WRITINGS
    ]
    return tok if writings else None


#: Verbs of saying whose object is the one spoken to or of, never the one speaking
#: ("thanked Lind for “…”", "called Lind “…”"), unlike "“…,” said Lind".
AIMED_AT = frozenset(
    """thank call accuse praise blame tell criticise criticize congratulate label brand
    dub condemn remind""".split()  # noqa: SIM905
)


def _untagged_name(tok: Any) -> bool:
    """Whether a capitalised word inside its sentence, right before a verb, is a name the
    tagger took for another part of speech ("And Kerr called …" with "Kerr" an adverb)."""
    doc = tok.doc
    return (
        tok.is_alpha
        and tok.text.istitle()
        and not tok.is_stop
        and tok.pos_ in ("ADV", "ADJ", "X", "INTJ")
        and tok.i > tok.sent.start
        and not doc[tok.i - 1].is_punct
        and "\n" not in doc[tok.i - 1].text
    )


def _name_on_verb(verb: Any) -> Any:
    """A person's name right before a verb with no subject, which the parser hung on the
    verb as a modifier ("“Ferries,” Kerr joked" with "Kerr" a compound of "joked", the
    verb a clause of the one before): the verb's subject. None otherwise."""
    if verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    if (
        prev.pos_ == "PROPN"
        and prev.ent_type_ == "PERSON"
        and prev.head.i == verb.i
        and prev.dep_ in ("compound", "nmod", "npadvmod", "amod", "advmod")
    ):
        return prev
    return None


def _aside_source(subj: Any, verb: Any) -> Any:
    """ "Lind, a senior aide said, “is very sure …”": an indefinite noun the parser set as
    an apposition of the subject, right before the verb with no comma between, is the one
    saying (the name is what they speak of; "Lind, a senior aide, said" keeps Lind)."""
    doc = verb.doc
    if not (verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","):
        return None  # an aside: "…, a senior aide said, “…”"
    for child in subj.children:
        if (
            child.dep_ == "appos"
            and child.pos_ == "NOUN"
            and child.i == verb.i - 1
            # only "a senior aide": not "a spokesman for the Trust told …" missing a comma
            and all(c.dep_ in ("det", "amod", "compound") for c in child.children)
            and any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in child.children)
        ):
            return child
    return None


#: Dashes that open and close an aside inside a sentence (a dateline's dashes too).
_ASIDE_DASHES = DATELINE_DASHES


def _after_dash_aside(subj: Any, verb: Any) -> Any:
    """ "In the letter - sent to the harbour master, Vera Lind - the mayor asks …": the
    parser ran the aside's last name into the subject and made the real subject its
    apposition; a noun phrase after the closing dash, right before the verb, with a
    dash before the name too, is the subject. None otherwise."""
    doc = verb.doc
    for child in subj.children:
        if child.dep_ != "appos" or not (subj.i < child.i < verb.i):
            continue
        left = child.left_edge.i
        if child.right_edge.i != verb.i - 1 or left == 0 or doc[left - 1].text not in _ASIDE_DASHES:
            continue
        opened = [t for t in doc[subj.sent.start : subj.i] if t.text in _ASIDE_DASHES]
        if opened and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


def _left_conjunct_subject(root: Any, quoted: Callable[[int], bool] | None) -> list[Any]:
    """ "Lind backs “…”, opposes “…” and recalled …": a main verb with no subject whose
    clause before it, set off by a comma, was parsed as its object clause shares that
    clause's subject (a name that opens the sentence)."""
    for child in root.children:
        if child.dep_ != "ccomp" or child.i > root.i:
            continue
        between = child.doc[child.right_edge.i + 1 : root.i]
        if not between or any(not (t.is_punct or t.is_space) for t in between):
            continue  # the main verb right after the comma: "…, opposes"
        if not any(t.text == "," for t in between):
            continue
        subj = [
            c
            for c in child.children
            if c.dep_ == "nsubj"
            and c.pos_ == "PROPN"
            and all(t.is_punct or t.is_space for t in child.doc[root.sent.start : c.left_edge.i])
            and not (quoted is not None and quoted(c.idx))
        ]
        if subj:
            return subj
    return []


def subject_of(verb: Any, quoted: Callable[[int], bool] | None = None) -> Any:
    """The grammatical subject of a verb, climbing through participles ("..., saying").

    A subject inside a quote (``quoted`` says which positions are: the parser may make
    the quote the subject of "said") is passed over for one outside it ("“…,” campaign
    manager Jeff Weaver said").
    """
    sending = sender(verb)
    if sending is not None:
        return subject_of(sending, quoted)
    outer = outer_reporting_verb(verb)
    if outer is not None:
        return subject_of(outer, quoted)  # "Lind said Kerr … and accused him of “…”"
    tok = verb
    for _ in range(4):
        subjects = [
            c
            for c in tok.children
            if c.dep_ in ("nsubj", "nsubjpass") and not (quoted is not None and quoted(c.idx))
        ]
        # "LONDON (Reuters) - Donald Trump said", "in Salem, New Hampshire, Trump went":
        # of two subjects the parser gave one verb, the nearer one before it.
        if not subjects and tok.i == verb.i:
            subjects = _subject_of_misparsed_relative(verb)
        if not subjects and tok.head.i == tok.i:
            subjects = _left_conjunct_subject(tok, quoted)
        near = [c for c in subjects if not _across_paragraphs(c, tok)]
        if near and len(near) < len(subjects):
            subjects = near  # one subject lies in the paragraph before: a parse over a break
        before = [c for c in subjects if c.i < tok.i]
        after = [c for c in subjects if tok.i < c.i <= tok.i + 3 and c.pos_ == "PROPN"]
        if before and after and before[-1].pos_ != "PROPN":
            # "The rejection … signals “…”, said Geert Wilders": the name after "said".
            before = after[:1]
        if (
            before
            and (before[-1].pos_ == "NOUN" or before[-1].lower_ in ("it", "this", "that", "there"))
            and tok.i != verb.i
            and tok.dep_ == "ccomp"
            and verb.lemma_.lower() in SPEECH_VERBS
            and tok.head.lemma_.lower() in SPEECH_VERBS
            and tok.head.i != tok.i
        ):
            # "De Blasio said the move was made by Bratton and said, “…”": the parser
            # hung the second "said" on the reported clause; the first one's subject
            # says both.
            tok = tok.head
            continue
        for child in before[-1:] or subjects[:1]:
            if _across_paragraphs(child, tok) or _time_stamp(child):
                # "The Latest: …\n\n6:50 p.m.\n\nClinton has told …": a heading or a
                # time stamp the parser made the subject; the paragraph's own noun is.
                return _paragraph_noun(tok) or child
            if child.ent_type_ in ("DATE", "TIME") and tok.i > 0:
                # "Saturday at the convention Sen. Elizabeth Warren (D-MA) said": the day
                # took the name as an apposition; the name right before the verb speaks.
                named = _before_brackets(tok)
                if named.pos_ == "PROPN" and named.ent_type_ == "PERSON":
                    return named
                # "said RNC spokesman Sean Spicer in a Friday tweet": the person the parse
                # hung inside the day's phrase.
                people = [t for t in child.subtree if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]
                if people:
                    return people[-1]
            if _dateline(child):
                # "LA CROSSE, Wisc. — Gov. Mike Pence on Thursday blamed": the place of the
                # dateline is no speaker; the person named after it is, if any.
                people = [
                    t
                    for t in tok.doc[child.i + 1 : tok.i]
                    if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"
                ]
                return people[-1] if people else None
            return _aside_source(child, tok) or _after_dash_aside(child, tok) or child
        if (
            tok.dep_ in ("advcl", "xcomp", "conj", "ccomp", "acl", "dep", "csubj", "pcomp", "prep")
            and tok.head.i != tok.i
            and not _across_paragraphs(tok, tok.head)
        ):
            controller = _object_controller(tok, quoted)
            if controller is not None:
                return controller
            named = _name_on_verb(tok) if tok.i == verb.i else None
            if named is not None:
                return named  # "“Ferries,” Kerr joked, …": the name the parser hung on the verb
            nearer = nearer_clause_subject(tok) if tok.i == verb.i else None
            if nearer is not None:
                return nearer  # "… as a porter walks past, saying …": the porter's words
            tok = tok.head
            continue
        if tok.head.i != tok.i and _across_paragraphs(tok, tok.head):
            opener = _paragraph_opener(verb)
            if opener is not None:
                return opener
        break
    # A paragraph's subject parsed into the paragraph before ("... on X.\n\nThe
    # ministry claimed"): the noun right before the verb is its subject.
    if verb.i > 0:
        prev = _before_brackets(verb)
        if modal_surname(prev):
            return prev  # "“…,” Will wrote": a surname the tagger took for a modal
        if prev.pos_ in ("PROPN", "NOUN") and _across_paragraphs(prev, prev.head):
            return prev
        if prev.pos_ == "PROPN" and prev.dep_ != "dobj" and prev.head.i == verb.i:
            return prev  # "“…,” Bozell answers": the name parsed as part of the verb
        if prev.pos_ == "PROPN" and prev.ent_type_ == "PERSON" and prev.head.i < prev.i:
            # "“…,” screenwriter Cole Haddon wrote", "Rep. Paul Ryan (R-WI) said": a
            # person's name right before a verb the parser left without a subject, hung
            # on a word before it, is that verb's subject.
            return prev
        relative = _relative_clause_head(verb)
        if relative is not None:
            return relative
        if prev.pos_ in ("PROPN", "NOUN", "PRON") and not prev.is_punct:
            if prev.pos_ == "PROPN" and _after_aside(verb, prev):
                return prev  # "“…,” Ramos, 58, told AFP": the name before a short aside
            return None  # "Boyle asked Trump": the name after the verb is the one asked
        if _untagged_name(prev) or modal_after_quote(prev):
            return prev  # "And Kerr called Brandt “…”": a name the tagger took for an adverb
    # "Flea shared the news, writing “…”": a participle of saying after a comma, which
    # the parser made the subject of the quote, speaks for the subject of its sentence.
    if verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        root = verb.sent.root
        if root.i < verb.i and root.pos_ in ("VERB", "AUX"):
            for child in root.children:
                if child.dep_ == "nsubj" and not (quoted is not None and quoted(child.idx)):
                    return child
    # "..., said Andriy Yermak": the name after the verb can be parsed as its object
    # (not after "thanked Lind for “…”", "called Lind “…”": the one spoken to or of).
    for child in verb.rights:
        if (
            verb.lemma_.lower() not in AIMED_AT
            and child.dep_ in ("dobj", "attr", "npadvmod", "dep")
            and child.pos_ == "PROPN"
            and child.ent_type_ not in ("DATE", "TIME")
        ):
            return child
    # "…, said retired neurosurgeon Ben Carson, asked about …": the name after the verb
    # parsed as the subject of a later clause.
    doc = verb.doc
    for tok in doc[verb.i + 1 : min(len(doc), verb.i + 6)]:
        if tok.is_punct or "\n" in tok.text or tok.dep_ == "mark":
            break  # "said Tuesday that Rubio was …": Rubio is the one reported on
        if tok.pos_ == "PROPN" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i > verb.i:
            return tok
    return None
