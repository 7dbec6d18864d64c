"""Direct quotes: quoted passages with the speaker each is attributed to.

Cues are tried from the most to the least specific: a speech verb right after the
closing mark (“…,” he said), the verb that governs the quote in the parse (called the
talks “…”), a cue right before the opening mark (X said: “…”, “…,” he said, “…”,
X: “…”, according to X), then the paragraph around it: a quote continued from the
previous paragraph, or a quote paragraph after "X said:" or after another quote of X.
Short quoted words with no cue at all are scare quotes or titles, not quotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from storyline.analyze.naming.folding import display_name
from storyline.analyze.quoting.asides import dash_aside
from storyline.analyze.quoting.clauses import nearer_clause_subject
from storyline.analyze.quoting.headline import headline_label
from storyline.analyze.quoting.inverted import (
    aged_noun,
    dash_label,
    in_their_view,
    name_after_verb,
    phrase_aside_then_cue,
    phrase_before_verb,
    sign_off,
    speaker_label,
    spoken_form,
    titled_name,
)
from storyline.analyze.quoting.leadins import (
    NOT_OWNERS,
    after_preposition,
    as_cue,
    here_is,
    owned_noun_that,
    owner_around,
    verbless_label,
)
from storyline.analyze.quoting.lexicon import (
    AFTER_QUOTE_VERBS,
    ROLE_NOUNS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
)
from storyline.analyze.quoting.marks import Passage
from storyline.analyze.quoting.namers import namer_after
from storyline.analyze.quoting.owners import resolve_owner, words_owner
from storyline.analyze.quoting.salience import salient_speaker
from storyline.analyze.quoting.speakers import (
    AIMED_AT,
    Attribution,
    MentionIndex,
    according_to,
    passive_participle,
    person_shaped,
    resolve_subject,
    sender,
    subject_of,
    unsaid,
)
from storyline.model import Quote, Span
from storyline.nlp import doc_text

#: Quoted words shorter than this with no cue are scare quotes ("so-called “reforms”").
_MIN_UNCUED_WORDS = 4
_AFTER_TOKENS = 7
#: Cue verbs that also govern ordinary clauses ("continued to push for a “red line”").
_NOT_GOVERNORS = frozenset({"continue"})
_BEFORE_TOKENS = 10
#: How far after a quote "in X's view" may stand in its sentence.
_VIEW_TOKENS = 20
#: How close before the quote a noun of saying must stand ("her remark that “…”").
_NOUN_REACH = 6
#: Verbs whose subject utters the noun of saying they take ("made the point that “…”"),
#: unlike "rejected calls for a “…”".
_UTTERING = frozenset(
    """make issue deliver release offer give send post publish land fire repeat voice
    express utter pen write tweet share read""".split()  # noqa: SIM905
)
#: Quotation marks that open and close a quoted phrase.
_OPENING = '\u201c"'
_CLOSING = ("\u201d", '"')
#: Words of a quoted phrase inside an apposition, at most ("wearing “Ferries First” pins").
_SHORT_PHRASE_WORDS = 3
#: Quoted words a comma lead-in with any verb may introduce, at least.
_MIN_WHOLE_WORDS = 6
#: How far past a name right after a quote its verb of saying may stand.
_APPOSITION_TOKENS = 30
#: Verbs that are verbs of saying with "back" ("shot back").
_RETORTS = frozenset({"shoot", "fire", "hit", "push", "snap", "write", "talk"})


def _tokens(doc: Any, start: int, end: int) -> list[Any]:
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def _is_cue(tok: Any) -> bool:
    if tok.pos_ not in ("VERB", "AUX"):
        # "“…,” Conway notes.": the tagger takes a verb after a name for a plural noun.
        return (
            tok.tag_ in ("NNS", "NN")
            and (tok.lower_[:-1] if tok.tag_ == "NNS" else tok.lower_) in SPEECH_VERBS
            and tok.i > 0
            and tok.doc[tok.i - 1].pos_ in ("PROPN", "PRON", "NUM")
            and tok.doc[tok.i - 1].tag_ != "PRP$"  # "a few of its terms.": a noun
            # "in a Facebook post.": a noun with its article, the name a modifier
            and not (
                tok.doc[tok.i - 1].dep_ == "compound"
                and any(c.dep_ in ("det", "poss") and c.i < tok.i - 1 for c in tok.children)
            )
            and tok.i + 1 < len(tok.doc)
            and tok.doc[tok.i + 1].is_punct
        )
    lemma = tok.lemma_.lower()
    if lemma == "remind" and any(c.lower_ == "of" for c in tok.children):
        return False  # "it reminds him of the book": a likeness, not a saying
    if lemma in SPEECH_VERBS:
        return True
    if lemma == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
        return True  # "Bozell points out"
    if lemma == "put" and _puts_it(tok):
        return True  # "as Lind put it, “…”", "Lind put it bluntly: “…”"
    if lemma == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in tok.children):
        # "“…,” Trump went on": goes on speaking, not "went on to win"
        return not any(
            c.dep_ in ("xcomp", "dobj", "prep")
            # "would go on “until the last depot is closed”": goes on happening
            or (c.dep_ == "advcl" and any(g.lower_ in ("to", "until", "till") for g in c.children))
            for c in tok.children
        )
    # "shot back", "fired back", "hit back": a retort.
    return lemma in _RETORTS and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children
    )


def _puts_it(verb: Any) -> bool:
    """Whether "put" is a way of saying: "it" as its object, with "as" before it ("as Lind
    put it") or a colon right after its clause ("Lind put it bluntly: “…”"), not "put it
    on the table"."""
    children = list(verb.children)
    if not any(c.dep_ == "dobj" and c.lower_ == "it" for c in children):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
        return True
    if any(c.dep_ == "prep" for c in children):
        return False
    nxt = verb.right_edge.i + 1
    doc = verb.doc
    return any(c.text == ":" for c in children) or (nxt < len(doc) and doc[nxt].text == ":")


def _from_verb(verb: Any, index: MentionIndex, quote: Passage) -> Attribution | None:
    """The speaker of a cue verb, unless its subject lies inside the quote itself."""
    if _inverted_past(verb, quote):
        # "“…?” the 43-year-old asked": a past tense the parser took for a participle.
        if aged_noun(verb.head):
            # An age as a noun names no one by itself; its phrase ends at the age.
            start = verb.doc[verb.head.i - 1].idx if verb.head.i else verb.head.idx
            for tok in verb.doc[max(0, verb.head.i - 6) : verb.head.i]:
                if tok.pos_ == "DET":
                    start = tok.idx
            end = verb.head.idx + len(verb.head.text)
            return Attribution(None, Span(start, end), verb.lemma_.lower())
        speaker, span = resolve_subject(verb.head, index)
        return Attribution(speaker, span, verb.lemma_.lower())
    namer = namer_after(verb, quote)
    if namer is not None:
        # "called the “…” by its residents": the ones after "by" give the name.
        speaker, span = resolve_subject(namer, index)
        return Attribution(speaker, span, verb.lemma_.lower())
    agent = _passive_agent(verb)
    if agent is not None and len(doc_text(verb.doc)[quote.start : quote.end].split()) >= (
        _MIN_UNCUED_WORDS
    ):
        # "Brandt was asked by reporter Jonas Kerr whether … “…”": the one asking speaks.
        speaker, span = resolve_subject(agent, index)
        return Attribution(speaker, span, verb.lemma_.lower(), said=not unsaid(verb))
    if _said_of_subject(verb):
        # "Lind was hailed as “…”": the words are said of her, not by her.
        return None
    if passive_participle(verb):
        # "a “full ceasefire,” urged by X and its allies": the quoted words are a phrase
        # the report uses, not words that the subject of the sentence said.
        return None
    if verb.pos_ in ("VERB", "AUX"):
        subj = subject_of(
            _reporting_ancestor(verb), lambda pos: index.inside_quote(pos) or quote.open_at == pos
        )
    else:
        subj = verb.doc[verb.i - 1]  # a cue the tagger took for a noun: "Conway notes"
    if subj is None or quote.start <= subj.idx < quote.end or subj.lower_ in ("i", "we", "you"):
        return None
    if _that_said(subj, verb):
        return None  # "(That said, she also noted …)": a turn of phrase, no one speaking
    speaker, span = resolve_subject(subj, index)
    return Attribution(speaker, span, verb.lemma_.lower(), said=not unsaid(verb))


#: Passive verbs whose subject still said the words ("Kerr was quoted as saying", "was
#: heard telling").
_PASSIVE_SPEAKING = frozenset({"quote", "hear", "overhear", "record", "catch", "cite", "film"})


#: Verbs that give someone a title or a name ("was named “Skipper of the Year”").
_NAMING_VERBS = frozenset({"name", "nickname", "dub", "vote", "crown", "elect", "honor", "honour"})


def _said_of_subject(verb: Any) -> bool:
    """Whether ``verb`` is a finite passive whose subject is the one spoken of, not the
    one speaking: "Lind was hailed as “…”", "Kerr was named “Skipper of the Year”"."""
    return (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() not in _PASSIVE_SPEAKING
        and any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ == "nsubjpass" for c in verb.children)
    )


def _that_said(subj: Any, verb: Any) -> bool:
    """Whether "that said" or "this said" before a comma is the turn of phrase ("That
    said, …": even so), not someone saying something."""
    doc = verb.doc
    return (
        subj.lower_ in ("that", "this")
        and subj.tag_ != "WDT"  # "a headline that said, “…”": the headline's words
        and (subj.i == 0 or doc[subj.i - 1].is_punct or "\n" in doc[subj.i - 1].text)
        and verb.lower_ == "said"
        and verb.i == subj.i + 1
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].text == ","
    )


def _passive_agent(verb: Any) -> Any:
    """The one doing the saying of a finite passive verb of saying ("was asked by X",
    "was told by X"): the object of its "by", or None. A participle with no auxiliary
    ("a truce urged by X") or a relative clause is no saying of X's."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    if verb.dep_ in ("relcl", "acl"):
        return None  # "a letter that was first reported by the Gazette": not the Gazette's
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs and objs[0].lower_ not in ("it", "this", "that", "them"):
                return objs[0]
    return None


def _inverted_past(verb: Any, quote: Passage) -> bool:
    """Whether a cue parsed as a participle of the noun before it follows the quote
    closely: “…,” the official said — said is the verb, the noun its subject."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("acl", "amod") or quote.close_at is None:
        return False
    head = verb.head
    if not (head.i < verb.i and head.idx > quote.close_at):
        return False
    if head.pos_ not in ("NOUN", "PROPN") and not aged_noun(head):
        return False
    between = doc_text(verb.doc)[quote.close_at + 1 : head.idx]
    return len(between.split()) <= 3 and not any(ch in between for ch in ".;\n")


def _reporting_ancestor(verb: Any) -> Any:
    """For a participle ("…, stating", "explaining, “…”"), the verb of saying it hangs from
    when there is one: in "Cruz said that Trump represents “…,” stating …" the parser may
    hang "stating" on "represents", but Cruz is the one stating."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj", "dep"):
        return verb
    if nearer_clause_subject(verb) is not None:
        return verb  # "Lind asks as a porter walks past, saying …": the porter's words
    for anc in list(verb.ancestors)[:4]:
        # "issued a statement saying that Trump had …, calling it a “…”": the statement's
        if anc.i < verb.i and _is_cue(anc) and (anc.tag_ != "VBG" or sender(anc) is not None):
            return anc
    return verb


def _after(doc: Any, p: Passage, limit: int, index: MentionIndex) -> Attribution | None:
    """A cue just after the closing mark: “…,” he said / said X / X wrote."""
    if p.close_at is None:
        return None
    toks = _tokens(doc, p.close_at + 1, limit)[:_AFTER_TOKENS]
    owner = owner_around(doc, p, toks)
    if owner is not None:
        speaker, span = resolve_subject(owner, index)
        return Attribution(speaker, span, toks[0].lemma_.lower())
    text = doc_text(doc)
    ends = text[p.end - 1] == "." or (text[p.end - 1] in "!?" and _after_colon(text, p))
    if ends and toks and toks[0].text[:1].isupper():
        # “… together.” He warns …: a new sentence, with its own speaker — unless that
        # sentence is only the cue: “… missing.” Trump said.
        short = _cue_sentence(toks)
        return _from_verb(short, index, p) if short is not None else None
    for tok in toks:
        if "\n" in tok.text:
            break
        if _is_cue(tok) or _after_cue(tok, toks):
            if _introduces_next(tok, p):
                return None
            if tok.tag_ == "VBG" and tok.i == toks[0].i and _owned_noun_governs(doc, p):
                # "blamed the media for Kerr's claim that the port “is dying,” saying …":
                # the owner of the noun of saying the words hang from said them.
                return None
            found = _from_verb(tok, index, p)
            if (
                tok.i == toks[0].i
                and (found is None or found.span is None)
                # "“Harbour,” thanked Lind for …": the one thanked, not the one speaking
                and tok.lemma_.lower() not in AIMED_AT
            ):
                return _inverted_subject(tok, index) or name_after_verb(tok, index) or found
            if found is None:
                # “…,” a voice over says as …: the parser hung the verb on the quote.
                return phrase_before_verb(tok, [t for t in toks if t.i < tok.i], index)
            return found
        if (
            tok.dep_ in ("nsubj", "nsubjpass")
            and tok.head.i > tok.i
            and _is_cue(tok.head)
            and tok.head.idx < limit
        ):
            # “…,” Trump, the front-runner in the polls of ..., said: the subject comes
            # first and its verb lies beyond a long apposition.
            return None if _introduces_next(tok.head, p) else _from_verb(tok.head, index, p)
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            return _according(doc[tok.i + 1], index)
        if tok.text in ".!?;":
            break  # the quote ended its sentence: a cue after it belongs to the next one
        if tok.pos_ == "CCONJ" and not _inside_aside(toks, tok):
            return None  # “…,” for instance, and Trump vowed …: another clause, another speaker
    return (
        _named_then_cue(doc, toks, limit, index, p)
        or phrase_aside_then_cue(toks, limit, index, _is_cue)
        or in_their_view(_tokens(doc, p.close_at + 1, limit)[:_VIEW_TOKENS], index)
    )


def _after_colon(text: str, p: Passage) -> bool:
    """Whether the quote opens right after a colon ("… in his speech: “…!”"): a lead-in
    that names its speaker, so the quote ends its sentence with its own stop."""
    return text[max(0, p.open_at - 3) : p.open_at].rstrip().endswith(":")


def _inside_aside(toks: Sequence[Any], tok: Any) -> bool:
    """Whether ``tok`` lies in an aside set off by a comma after a name that opens the
    words after a quote ("“…,” Kerr, 58 and a grandmother, said"): a conjunction there joins
    words of the aside, not another clause."""
    if not toks or toks[0].pos_ != "PROPN":
        return False
    before = [t for t in toks if t.i < tok.i]
    names = 0
    while names < len(before) and before[names].pos_ == "PROPN":
        names += 1
    return 0 < names < len(before) and before[names].text == ","


def _introduces_next(verb: Any, p: Passage) -> bool:
    """Whether a cue after a quote ends in a colon that opens the next quote, while the
    quote itself sits inside a clause of its own: "After Kerr said that late ferries might do
    better on “the shorter runs,” Brandt said: “I do not like …”" — Brandt says the
    next quote, not this one; or in a comma, after a quote that ends its own sentence
    ("Lind answers Kerr with, “Why now?” Kerr then writes back, “…”")."""
    doc = verb.doc
    text = doc_text(doc)
    nxt = verb.i + 1
    while nxt < len(doc) and doc[nxt].dep_ in ("prt", "advmod") and doc[nxt].head.i == verb.i:
        nxt += 1  # "Kerr then writes back, “…”"
    if nxt >= len(doc) or doc[nxt].text not in (":", ","):
        return False
    if doc[nxt].text == "," and text[p.end - 1 : p.end] not in (".", "?", "!"):
        return False  # “…,” Kerr said, “…”: the halves of one quote share the cue
    if text[doc[nxt].idx + 1 : doc[nxt].idx + 4].strip()[:1] not in ("“", '"'):
        return False
    para = text.rfind("\n", 0, p.open_at) + 1
    span = doc.char_span(p.start, p.end, alignment_mode="contract")
    if span is None or not len(span):
        return False
    sent_start = max(span[0].sent.start_char, para)
    return len(text[sent_start : p.open_at].split()) >= 2


def _cue_sentence(toks: Sequence[Any]) -> Any:
    """The verb of a sentence that is only a name and a cue ("Trump said."), or None."""
    for k, tok in enumerate(toks[:4]):
        if tok.is_punct or "\n" in tok.text:
            return None
        if _is_cue(tok):
            rest = toks[k + 1 : k + 2]
            ends = not rest or rest[0].text in (".", "\n") or "\n" in rest[0].text
            return tok if ends and k > 0 else None
    return None


def _after_cue(tok: Any, toks: Sequence[Any]) -> bool:
    """A verb that is a cue only right after a quote, or after a noun phrase right after
    it: “…,” read the email / Trump barked / the email read."""
    if tok.lemma_.lower().rstrip("s") not in AFTER_QUOTE_VERBS:
        return False
    before = [t for t in toks if t.i < tok.i]
    if not all(
        t.pos_ in ("DET", "PROPN", "NOUN", "ADJ", "NUM")
        # "a notice on the club's page reads", "the narrator in the film states"
        or (k and (t.pos_ == "ADP" or t.text in ("-", "–")))
        for k, t in enumerate(before)
    ):
        return False
    if tok.pos_ == "VERB":
        return True
    # the tagger took the verb for a noun: "the email read.", "the trustees state in …"
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    ends = nxt is None or nxt.is_punct or (tok.lower_ in ("state", "states") and nxt.pos_ == "ADP")
    return bool(before) and tok.tag_ in ("NN", "NNS") and ends


def _inverted_subject(verb: Any, index: MentionIndex) -> Attribution | None:
    """“…,” tweeted another / read the email / wrote a supporter who …: the noun phrase
    right after a verb that opens the words after a quote is its subject, named or not."""
    for tok in verb.doc[verb.i + 1 : min(len(verb.doc), verb.i + 5)]:
        if tok.is_punct or "\n" in tok.text or tok.pos_ in ("VERB", "AUX", "ADP"):
            return None
        if tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and tok.head.i == verb.i:
            if tok.lower_ in ("it", "this", "that") or tok.ent_type_ in ("DATE", "TIME"):
                return None
            speaker, span = resolve_subject(tok, index)
            return Attribution(speaker, span, verb.lemma_.lower(), said=not unsaid(verb))
    return None


def _named_then_cue(
    doc: Any, toks: Sequence[Any], limit: int, index: MentionIndex, p: Passage
) -> Attribution | None:
    """“…,” Gene Sperling, a top adviser to …, said …: a name right after the quote, an
    apposition, then the verb of saying (the parser may hang the name on the quote)."""
    if not toks:
        return None
    named = index.at(toks[0].idx, toks[0].idx + len(toks[0].text))
    if named is None or named.label not in ("PERSON", "ORG") or named.span.start != toks[0].idx:
        # “…” the Post's senior politics editor Steven Ginsberg responded: past the title.
        named = titled_name(toks, index)
        if named is None:
            return None
    first = toks[0].i
    text = doc_text(doc)
    for tok in doc[first : min(len(doc), first + _APPOSITION_TOKENS)]:
        if tok.idx >= limit and not _short_phrase_at(text, limit, tok.idx):
            return None
        if tok.text in ".!?;" or "\n" in tok.text:
            return None
        if tok.idx >= named.span.end and _is_cue(tok):
            return Attribution(named.key, named.span, tok.lemma_.lower(), said=not unsaid(tok))
    return None


def _short_phrase_at(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` lies in or right after a short phrase quoted from ``start`` on, in
    the same sentence (“…,” Jonas Kerr, wearing “Ferries First” badges, said): no
    quote of its own, so it does not end the reach of the cue after the first quote."""
    if not (start < len(text) and text[start] in _OPENING):
        return False
    close = min((j for j in (text.find(c, start + 1) for c in _CLOSING) if j >= 0), default=-1)
    if close < 0 or len(text[start + 1 : close].split()) > _SHORT_PHRASE_WORDS:
        return False
    return not any(ch in text[start:close] for ch in ".!?;\n")


def _according(to: Any, index: MentionIndex) -> Attribution | None:
    speaker, span = according_to(to, index)
    if span is None:
        return None
    return Attribution(speaker, span, "according to")


def _heads_outside(doc: Any, p: Passage) -> Iterator[tuple[Any, int]]:
    """The heads outside the quote that its words hang from in the parse, each with the
    index of the quote's first token (where the walk up from that head starts)."""
    inside = _tokens(doc, p.start, p.end)
    if not inside:
        return
    first, last = inside[0].i, inside[-1].i
    for tok in inside:
        if not first <= tok.head.i <= last:
            yield tok.head, first


def _governor(doc: Any, p: Passage, index: MentionIndex) -> Attribution | None:
    """The speech verb the quote hangs from in the parse: called the talks “…”."""
    for head, first in _heads_outside(doc, p):
        for _ in range(6):
            owner = _speech_noun_owner(head, first) or _copula_noun_owner(head, first)
            if owner is not None:
                speaker, span = resolve_subject(owner, index)
                return Attribution(speaker, span, head.lemma_.lower())
            if (
                _is_cue(head)
                and head.lemma_.lower() not in _NOT_GOVERNORS
                and not (p.start <= head.idx < p.end)
                # "would be “screaming” if …": a verb in quotes is someone else's word
                and not index.inside_quote(head.idx)
                # a parse joining two paragraphs: a verb in the one before is no governor
                and "\n" not in doc_text(doc)[min(head.idx, p.open_at) : max(head.idx, p.end)]
            ):
                return _outer_mention(_from_verb(head, index, p), head, index, p)
            if head.head.i == head.i:
                # "The paradox of Nancy, says Carl Anthony, …, is that she was “…”": a
                # verb of saying set in the main clause as an aside speaks for it.
                aside = _aside_cue(head, p)
                return _from_verb(aside, index, p) if aside is not None else None
            head = head.head
    return None


def _inner_governor(doc: Any, p: Passage, limit: int, index: MentionIndex) -> Attribution | None:
    """ "Kerr, who reckons that the repairs cost “a small fortune,” described …": a verb
    after the quote whose subject stands before it speaks for its own clause when the
    quote hangs from a verb of saying in a relative clause on that subject ("who"); the
    quote is the relative clause's, its span the relative pronoun."""
    inside = _tokens(doc, p.start, p.end)
    if p.close_at is None or not inside:
        return None
    sent = inside[0].sent
    if not any(t.lower_ in ("who", "which") for t in doc[sent.start : inside[0].i]):
        return None  # no relative clause before the quote: nothing to check
    after = _after(doc, p, limit, index)
    if after is None or after.span is None or after.span.end > p.open_at:
        return None
    inner = _governor(doc, p, index)
    if inner is None or inner.span is None or not inner.said:
        return None
    if doc_text(doc)[inner.span.start : inner.span.end].lower() not in ("who", "which"):
        return None
    if not after.span.start <= inner.span.start < p.open_at:
        return None
    return inner


def _subordinate_governor(doc: Any, p: Passage, index: MentionIndex) -> Attribution | None:
    """ "When Kerr pointed out that Lind calls it “the island tax,” Brandt seized on …": a
    quote closing a subordinate clause that opens the sentence, under a verb of saying of
    that clause with its own subject, is that clause's, whatever cue the main clause after
    it holds."""
    inside = _tokens(doc, p.start, p.end)
    if not inside or p.close_at is None:
        return None
    root = inside[0].sent.root
    if root.i <= inside[-1].i:
        return None  # the main verb comes before the quote or inside it
    for head, _first in _heads_outside(doc, p):
        for _ in range(6):
            if head.pos_ in ("VERB", "AUX") and _is_cue(head):
                if (
                    head.dep_ == "advcl"
                    and head.head.i == root.i
                    and head.i < inside[0].i
                    and any(c.dep_ == "nsubj" and c.i < head.i for c in head.children)
                ):
                    return _governor(doc, p, index)
                return None
            if head.i == root.i or head.head.i == head.i:
                return None
            head = head.head
        return None
    return None


def _owned_noun_governs(doc: Any, p: Passage) -> bool:
    """Whether the quote hangs in the parse from a noun of saying with an owner ("Kerr's
    claim that the port “…”"), as :func:`_governor` reads it."""
    for head, first in _heads_outside(doc, p):
        for _ in range(6):
            if _speech_noun_owner(head, first) is not None:
                return True
            if head.head.i == head.i or (head.pos_ in ("VERB", "AUX") and _is_cue(head)):
                break
            head = head.head
    return False


def _outer_mention(
    found: Attribution | None, verb: Any, index: MentionIndex, p: Passage
) -> Attribution | None:
    """In "Lopez said she rarely asks the crews “…”" the speaker is the same either way; name
    her by the outer mention, the subject of the verb of saying whose clause holds ``verb``
    (only when both resolve to the same speaker). When the inner subject is a thing that
    speaks for no one ("a source said the figures suggested “…”"), the outer one speaks."""
    if found is None or verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return found
    outer = verb.head
    if not _is_cue(outer) or outer.i > verb.i:
        return found
    subj = [c for c in outer.children if c.dep_ == "nsubj" and c.idx < p.open_at]
    if not subj or index.inside_quote(subj[0].idx):
        return found
    speaker, span = resolve_subject(subj[0], index)
    if span is None:
        return found
    if found.speaker is not None and speaker == found.speaker:
        return Attribution(speaker, span, found.cue, said=found.said)
    if found.speaker is None and _thing_subject(verb, index) and _someone(subj[0], speaker):
        return Attribution(speaker, span, outer.lemma_.lower(), said=not unsaid(outer))
    if found.speaker is None and speaker is not None and _reported_unnamed(verb, speaker, index):
        return Attribution(speaker, span, outer.lemma_.lower(), said=not unsaid(outer))
    return found


def _reported_unnamed(verb: Any, outer: str, index: MentionIndex) -> bool:
    """Whether the clause of ``verb``, reported by a named person ``outer``, has a subject
    that names no one ("Kerr said skippers were calling “every hour”", "Kerr tells voters
    that he “…”"): the words quoted are the reporter's. A "he" or "she" only when the
    article tells the reporter's gender and it agrees ("Kerr said she called …" may be
    someone else)."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj:
        return False
    word = subj[0].lower_
    if word in ("he", "she"):
        found = index.named(outer)
        return found is not None and found.key in index.gender and index.agrees(found, word)
    return word not in ("i", "we", "you", "they", "it")


def _thing_subject(verb: Any, index: MentionIndex) -> bool:
    """Whether the subject of ``verb`` is a common noun for a thing: no name, no person, no
    body of people and no writing ("the figures", "the areas of the network")."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj or subj[0].pos_ != "NOUN" or index.at(subj[0].idx, subj[0].idx + 1) is not None:
        return False
    lemma = subj[0].lemma_.lower()
    return lemma not in ROLE_NOUNS | _AGENT_NOUNS | _WRITING_NOUNS | _PEOPLE_NOUNS


def _someone(subj: Any, speaker: str | None) -> bool:
    """Whether an outer subject is someone: named, or a noun for a person or a body."""
    if speaker is not None:
        return True
    lemma = subj.lemma_.lower()
    return subj.pos_ == "NOUN" and lemma in ROLE_NOUNS | _AGENT_NOUNS | _PEOPLE_NOUNS


#: Nouns for people who speak without a title ("a source said", "residents said").
_PEOPLE_NOUNS = frozenset(
    """source person people resident voter member supporter critic witness expert
    observer insider staffer employee worker activist protester""".split()  # noqa: SIM905
)


def _aside_cue(root: Any, p: Passage) -> Any:
    """A verb of saying between commas in the clause of ``root``, before the quote."""
    for child in root.children:
        if (
            child.dep_ == "parataxis"
            and child.idx < p.open_at
            and _is_cue(child)
            and child.i > 0
            and child.doc[child.i - 1].text == ","
            and "\n" not in doc_text(child.doc)[child.idx : p.open_at]
        ):
            return child
    return None


def _speech_noun_owner(noun: Any, first: int) -> Any:
    """The owner of a noun of saying before the quote: "her remark that “…”", "Trump's
    call for a “…”" — the possessor said it (None when the noun has none)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in SPEECH_NOUNS:
        return None
    if noun.i >= first:
        # "Lind's “if you like your boat, you can keep it” promise": the owner stands
        # before the quote, the noun after it.
        owners = [
            c
            for c in noun.children
            if c.dep_ == "poss" and c.i < first and c.lower_ not in NOT_OWNERS
        ]
        return owners[0] if owners else None
    if noun.dep_ in ("nsubj", "nsubjpass") and not _introduced_by(noun, first):
        return None  # "Clark's comments further “…”": the noun is the subject of another verb
    if _predicated(noun, first):
        return None  # "Lind called Kerr's remarks “reckless”": Lind's word for them
    near = first - noun.i <= _NOUN_REACH
    for child in noun.children:
        if near and child.dep_ == "poss" and child.lower_ not in NOT_OWNERS:
            return child
    # a noun that introduces a clause or the quote itself: "the point that …", "a retort:"
    introduces = noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].lower_ in ("that", ",", ":")
    if (
        (near or introduces)
        and noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in _UTTERING
        and noun.head.i < noun.i
    ):
        # "Gorka made the point that “…”", "Trump issued a statement, “…”": the one who
        # made, issued or delivered the words said them.
        subj = subject_of(noun.head)
        if subj is not None and subj.lower_ not in ("i", "we", "you", "it", "this", "that"):
            return subj
    return None


#: Verbs that give their object a name or a description ("called her remarks “…”",
#: "played down his comments as “…”").
_PREDICATING = frozenset(
    """call label brand dub term deem describe characterize characterise dismiss play
    consider find""".split()  # noqa: SIM905
)


def _predicated(noun: Any, first: int) -> bool:
    """Whether quoted words right after a noun of saying (or after "as") are what the
    subject of the verb taking that noun calls it: "Lind called Kerr's remarks
    “reckless”" — Lind's words, not Kerr's (unlike "Kerr's call for a “…”")."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in _PREDICATING:
        return False
    between = [t for t in noun.doc[noun.i + 1 : first] if not (t.is_space or t.is_quote)]
    return all(t.lower_ == "as" for t in between)


def _copula_noun_owner(verb: Any, first: int) -> Any:
    """The owner of a noun of saying that is the subject of "be" before the quote ("Kerr's
    answer was that “…”"), or None."""
    if verb.lemma_.lower() != "be":
        return None
    for child in verb.children:
        if child.dep_ == "nsubj":
            return _speech_noun_owner(child, first)
    return None


def _introduced_by(noun: Any, first: int) -> bool:
    """Whether a noun of saying that is the subject of "be" introduces the quote that
    follows it: "Kerr's answer was that “…”", "Kerr's stock answer — “…” — is"."""
    if noun.head.lemma_.lower() != "be":
        return False
    doc = noun.doc
    between = [t for t in doc[noun.i + 1 : first] if not (t.is_space or t.is_quote)]
    if not between or len(between) > 4:
        return False
    return between[-1].lower_ in ("that", "—", "–", "--", ":", ",") and not any(
        t.pos_ in ("VERB", "NOUN", "PROPN") for t in between
    )


def _before(doc: Any, p: Passage, floor: int, index: MentionIndex) -> Attribution | None:
    """A cue just before the opening mark: X said: “… / X: “… / he said, “…"""
    toks = _tokens(doc, floor, p.open_at)[-_BEFORE_TOKENS:]
    while toks and toks[-1].is_space and "\n" not in toks[-1].text:
        toks = toks[:-1]  # "Lind:  “…": a run of spaces after the colon is its own token
    if not toks:
        return None
    tail = doc_text(doc)[toks[-1].idx : p.open_at].strip()
    owner = words_owner(toks)  # "in the Gazette's words, “…”", "From Kerr's post: “…”"
    if owner is not None and not index.inside_quote(owner.idx):
        speaker, span = resolve_owner(owner, index)
        return Attribution(speaker, span, "words")
    if toks[-1].text == ":" and len(toks) >= 2:
        named = index.at(toks[-2].idx, toks[-2].idx + len(toks[-2].text))
        if (
            named is not None
            and named.label in ("PERSON", "ORG")
            and not after_preposition(doc, named)
        ):
            return Attribution(named.key, named.span, ":")
        inverted = (
            _inverted_lead(toks, index)
            or dash_label(doc, p, index)
            or here_is(toks, index)
            or verbless_label(toks, index)
        )
        if inverted is not None:
            return inverted
    for tok in reversed(toks):
        if "\n" in tok.text or tok.text in (".", "!", "?"):
            # "Kerr said, pointing out that the crews voted to strike. “…”": a cue in the
            # sentence before a quote that opens its own sentence is that sentence's.
            break
        if _is_cue(tok) and _when_asked(tok):
            head = tok.head  # "who told the committee when asked about it: “…”"
            if head.i < tok.i and _is_cue(head) and not index.inside_quote(head.idx):
                return _from_verb(head, index, p)
            continue
        if _is_cue(tok):
            return _from_verb(tok, index, p)
        if tok.lower_ == "to" and tok.i > 0 and doc[tok.i - 1].lower_ == "according":
            return _according(tok, index)
    owned = owned_noun_that(toks)
    if owned is not None and not (p.start <= owned.idx < p.end):
        speaker, span = resolve_subject(owned, index)
        return Attribution(speaker, span, owned.head.lemma_.lower())
    # "Brandt issued a statement, “…”": a noun of saying right before the mark, uttered by
    # the subject of its verb (the parser may hang that clause on the quote).
    last = [t for t in toks if not t.is_space]
    if len(last) >= 2 and last[-1].text in (",", ":") and not index.inside_quote(last[-2].idx):
        owner = _speech_noun_owner(last[-2], last[-1].i + 1)
        if owner is not None and not (p.start <= owner.idx < p.end):
            speaker, span = resolve_subject(owner, index)
            return Attribution(speaker, span, last[-2].head.lemma_.lower())
    del tail
    if toks[-1].text == ":":
        return _colon(toks[-1], index, p)
    if toks[-1].text in (",", "--", "—", "–") and _whole_sentences(doc_text(doc), p):
        # "Kerr reacted coolly to the plan, “I am worried about …”": a comma or dash
        # lead-in before whole quoted sentences, whatever the verb; its subject speaks.
        found = _colon(toks[-1], index, p)
        if found is not None and found.speaker is not None:
            return found
    return speaker_label(doc, p, index)


#: Words that open a clause of time or condition ("when asked", "after being pressed").
_TIME_MARKS = frozenset({"when", "after", "once", "while", "if", "before", "as"})


def _when_asked(verb: Any) -> bool:
    """Whether a cue is a passive participle of time with no subject ("Lynch, who told
    the committee when asked about it: “…”"): the one asked answers with the verb before
    it, so the search for a cue goes on to the left."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children)
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS for c in verb.children)
    )


def _verb_before_colon(doc: Any, p: Passage, floor: int, index: MentionIndex) -> Attribution | None:
    """ "Kerr said as the skipper yelled: “…”": a verb of saying with a subject of its own
    right before the colon that opens the quote speaks, even when the parser hung the quote
    on a verb above it (whose speaker would be Kerr)."""
    toks = [t for t in _tokens(doc, floor, p.open_at) if not t.is_space]
    if len(toks) < 3 or toks[-1].text != ":":
        return None
    verb = toks[-2]
    if verb.pos_ != "VERB" or not _is_cue(verb) or verb.head.i == verb.i:
        return None  # the main verb: the governor finds it as well
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subj or index.inside_quote(verb.idx):
        return None
    return _from_verb(verb, index, p)


def _whole_sentences(text: str, p: Passage) -> bool:
    """Whether quoted words are whole sentences that end the report's sentence: a
    capital (or an editor's bracket) first, six words or more, and a stop last."""
    words = text[p.start : p.end].split()
    if len(words) < _MIN_WHOLE_WORDS or not (words[0][:1].isupper() or words[0][:1] == "["):
        return False
    return text[p.start : p.end].rstrip()[-1:] in (".", "!", "?")


def _inverted_lead(toks: Sequence[Any], index: MentionIndex) -> Attribution | None:
    """“Added Trump: “…”", "Continued Stone: “…”": a verb of saying opening its sentence,
    then only a name, then the colon — the name speaks (the parser may take the verb for
    a participle of the name)."""
    doc = toks[-1].doc
    first = toks[-1].sent.start
    for t in toks[:-1]:
        if "\n" in t.text:
            first = t.i + 1
        elif t.idx == _paragraph_start(doc_text(doc), t.idx):
            first = max(first, t.i)  # the parser may run a sentence over a paragraph break
    words = doc[first : toks[-1].i]
    if len(words) < 2 or not (_is_cue(words[0]) or spoken_form(words[0])):
        return None
    name = words[1:]
    if len(name) > 4 or not all(t.pos_ == "PROPN" or t.text.istitle() for t in name):
        return None
    start, end = name[0].idx, name[-1].idx + len(name[-1].text)
    named = index.at(start, end)
    if named is None or named.span.start < start:
        # "Stated Stone": the tagger may take the verb into the name.
        named = index.named(doc_text(doc)[start:end])
    if named is not None:
        return Attribution(named.key, Span(start, end), words[0].lemma_.lower())
    return Attribution(
        display_name(doc_text(doc)[start:end]), Span(start, end), words[0].lemma_.lower()
    )


def _colon(colon: Any, index: MentionIndex, p: Passage) -> Attribution | None:
    """“…” after a clause ending in a colon whose subject is someone: "She then addressed
    the supporters again: “…”" — the subject speaks, whatever the verb."""
    verb = colon.head
    if p.start <= verb.idx < p.end:
        # The parser hung the clause before the colon on the quote ("Clinton has since
        # apologized for what happened: “Yes, I …”"): its own verb is the one hung there.
        para = _paragraph_start(doc_text(colon.doc), colon.idx)
        hung = [
            t
            for t in colon.doc[colon.sent.start : colon.i]
            if t.idx >= para and t.pos_ in ("VERB", "AUX") and p.start <= t.head.idx < p.end
        ]
        if not hung:
            return None
        verb = hung[0]
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head  # "makes a case: “…”": the colon hangs from the noun
    if verb.pos_ not in ("VERB", "AUX") or "\n" in doc_text(colon.doc)[verb.idx : colon.idx]:
        return None
    subj = subject_of(verb, lambda pos: index.inside_quote(pos) or p.open_at == pos)
    for _ in range(3):
        # "Clinton has since apologized for what happened: “…”": the colon hangs from a
        # clause whose subject is a question word; the clause above it has the speaker.
        if subj is None or subj.tag_ not in ("WP", "WDT") or verb.head.i == verb.i:
            break
        verb = verb.head
        subj = subject_of(verb, lambda pos: index.inside_quote(pos) or p.open_at == pos)
    if subj is None or subj.i > colon.i or subj.lower_ in ("i", "we", "you", "it", "this"):
        return None
    speaker, span = resolve_subject(subj, index)
    if speaker is None and subj.lower_ not in ("he", "she", "they"):
        return None  # "The list includes: “…”": no one speaks
    return Attribution(speaker, span, verb.lemma_.lower(), said=not unsaid(verb))


def _sentence_subject(doc: Any, p: Passage, index: MentionIndex) -> Attribution | None:
    """Words quoted inside a sentence about someone, with no verb of saying: "Bolton
    thought the buzz was a tribute to “…”" — the person the sentence is about said them."""
    toks = _tokens(doc, p.start, p.end)
    if not toks:
        return None
    sent = toks[0].sent
    root = sent.root
    verb = _noun_root_verb(root)
    if verb is not None and not (p.start <= root.idx < p.end) and verb.i < toks[0].i:
        # "Two analysts, Kerr and Lind, found in 2014 that …": the parser took the verb
        # for a participle of the subject.
        subj = root
    elif root.pos_ not in ("VERB", "AUX") or p.start <= root.idx < p.end:
        return None
    else:
        subj = None
    if (
        subj is None
        and _said_of_subject(root)
        and (_is_cue(root) or root.lemma_.lower() in _NAMING_VERBS)
    ):
        return None  # "Kerr was named “Skipper of the Year”": words about him
    if subj is None:
        subj = subject_of(root, lambda pos: index.inside_quote(pos) or p.open_at == pos)
    else:
        root = verb
    if subj is None or subj.idx >= p.open_at or subj.lower_ in ("i", "we", "you", "it"):
        return None
    text = doc_text(doc)
    if "\n" in text[subj.idx : p.open_at]:
        return None  # the parser joined two paragraphs into one sentence
    named = index.at(subj.idx, subj.idx + len(subj.text))
    person = named is not None and (named.label == "PERSON" or person_shaped(named.text))
    if subj.lower_ not in ("he", "she") and not person:
        # An organisation, a body or a writing says the words of a clause it governs
        # ("the Trust found that “…”"), not words it answers ("rejected calls for a “…”").
        body = (named is not None and named.label == "ORG") or _agent_noun(subj)
        if (
            not body
            # shorter words with no cue stay scare quotes, as before
            or len(text[p.start : p.end].split()) < _MIN_UNCUED_WORDS
            or any(
                a.pos_ == "NOUN"
                and a.lemma_.lower() in SPEECH_NOUNS
                and a.head.lemma_.lower() not in _UTTERING | {"put"}  # "put out a statement"
                for a in doc[subj.i + 1 : toks[0].i]
            )
        ):
            return None
    speaker, span = resolve_subject(subj, index)
    return Attribution(speaker, span, root.lemma_.lower(), said=not unsaid(root))


#: Prepositions before a title of a show, a book or an event ("appeared on “…”").
_TITLE_PREPOSITIONS = frozenset({"on", "in", "of", "at", "from", "to"})
#: Short words a title in title case leaves in lower case ("The Voice of the Harbour").
_TITLE_SMALL = frozenset("a an and at by for in of on or the to with".split())  # noqa: SIM905


#: Nouns after a title in title case that make it the name of an honour.
_AWARD_NOUNS = frozenset({"award", "prize", "medal", "trophy", "honor", "honour", "title"})


def _noun_root_verb(root: Any) -> Any:
    """The verb of a sentence whose root the parser made its subject noun, with the verb
    as a participle of it after an apposition ("Two analysts, Kerr and Lind, found that
    …"): a past form right after the comma closing the apposition; else None."""
    if root.pos_ not in ("NOUN", "PROPN") or root.i + 1 >= len(root.doc):
        return None
    doc = root.doc
    for child in root.children:
        if (
            child.dep_ == "acl"
            and child.tag_ in ("VBD", "VBN")
            and child.i > root.i
            and doc[child.i - 1].text == ","
            and doc[root.i + 1].text == ","
            and not any(c.dep_ in ("auxpass", "agent") for c in child.children)
        ):
            return child
    return None


def _scare_or_title(doc: Any, p: Passage) -> bool:
    """Whether quoted words with no verb of saying are one word (a scare quote: a
    “historic” vote) or the title of a work in title case set after a preposition
    ("appeared on “The Harbour Hour”", "a role in “Nets and Knots”") or after a noun for a
    work ("the radio show “Harbour Nights”"): no one's words."""
    toks = _tokens(doc, p.start, p.end)
    words = [w for w in doc_text(doc)[p.start : p.end].split() if any(c.isalnum() for c in w)]
    if not toks or len(words) <= 1:
        return bool(toks)
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL for w in words):
        return False
    after = [t for t in doc[toks[-1].i + 1 : toks[-1].i + 3] if not (t.is_quote or t.is_space)]
    if after and after[0].lemma_.lower() in _AWARD_NOUNS:
        return True  # "received the “Harbour Citizen of the Year” award": a title
    before = [
        t
        for t in doc[max(0, toks[0].i - 4) : toks[0].i]
        if not (t.is_quote or t.is_space or t.text == "," or t.tag_ == "POS")
    ]
    if not before:
        return False
    if before[-1].lower_ in _TITLE_PREPOSITIONS and before[-1].pos_ == "ADP":
        return True
    # "the reality show “Harbour Nights”", "a website called “Ferries First”"
    return before[-1].lower_ in _TITLE_NOUNS | {"called", "named", "website"}


#: Nouns for a group or body of people that can say things ("the board", "his campaign").
_AGENT_NOUNS = frozenset(
    """campaign team board committee commission panel council group agency office ministry
    department court union party administration government company firm spokesman
    spokeswoman spokesperson official officials analyst analysts aide aides adviser
    advisers""".split()  # noqa: SIM905
)


#: Nouns for writings that say things ("A 2014 committee report found “…”").
_WRITING_NOUNS = frozenset(
    """report study poll survey statement letter memo email page website ad advert video
    analysis document footnote release editorial op-ed filing lawsuit complaint ruling
    platform""".split()  # noqa: SIM905
)


def _agent_noun(subj: Any) -> bool:
    """A subject that is a body of people by a noun ("The board saw …", "Her campaign
    protested that …", "Two analysts found …"), determined by "the", a possessive or a
    number; or a writing ("A 2014 committee report found …", "The site lists …")."""
    if subj.pos_ != "NOUN":
        return False
    lemma = subj.lemma_.lower()
    if lemma in _WRITING_NOUNS:
        return any(c.dep_ in ("det", "poss", "nummod", "compound") for c in subj.children)
    if lemma not in _AGENT_NOUNS:
        return False
    return any(
        c.dep_ in ("det", "poss", "nummod") and c.lower_ not in ("a", "an", "some", "no")
        for c in subj.children
    )


def _previous_subject(doc: Any, p: Passage, index: MentionIndex) -> Attribution | None:
    """A quote that is a sentence of its own, with no cue anywhere, right after a sentence
    whose subject is a person: "Lynch announced the lawsuit on Monday. “We are seeking …”"
    — the person just written about goes on speaking."""
    toks = _tokens(doc, p.start, p.end)
    if not toks or p.close_at is None:
        return None
    text = doc_text(doc)
    sent = toks[0].sent
    if text[sent.start_char : p.open_at].strip():
        return None  # the quote does not open its sentence
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    # A paragraph break between is too far to tell, unless the quote is its paragraph's
    # only words and the person is the subject of the paragraph right before.
    breaks = 1 if _alone_in_paragraph(text, p) else 0
    if index.inside_quote(prev.root.idx) or _breaks(text, prev.end_char, p.open_at) > breaks:
        return None
    # The subject of the sentence; else the one who speaks in it ("Ash argued in his
    # email, the incident is …"), the first verb of saying with a person for subject.
    cues = [t for t in prev if t.i != prev.root.i and t.pos_ == "VERB" and _is_cue(t)]
    for n, verb in enumerate([prev.root, *cues[:1]]):
        subj = subject_of(verb, index.inside_quote) if verb.pos_ in ("VERB", "AUX") else None
        if subj is None or subj.lower_ in ("i", "we", "you", "it", "they"):
            continue
        if _breaks(text, subj.idx, p.open_at) > breaks or index.inside_quote(subj.idx):
            return None  # the sentence before lies in the paragraph before
        named = index.at(subj.idx, subj.idx + len(subj.text))
        person = named is not None and named.label == "PERSON"
        if n and named is None and subj.pos_ == "PROPN" and subj.ent_type_ == "":
            person = True  # a name the tagger missed, subject of a verb of saying
        if subj.lower_ not in ("he", "she") and not person and not _body_uttering(subj, named):
            continue
        speaker, span = resolve_subject(subj, index)
        return Attribution(speaker, span, verb.lemma_.lower(), said=not unsaid(verb))
    return None


def _body_uttering(subj: Any, named: Any) -> bool:
    """Whether the subject of the sentence before a quote is an organisation or a body
    that says or issues something in that sentence ("the Harbour Trust issued a statement
    on Monday. “…”"): it goes on speaking, as a person would."""
    if not ((named is not None and named.label == "ORG") or _agent_noun(subj)):
        return False
    sent = subj.sent
    return any(
        (t.pos_ == "VERB" and _is_cue(t))
        or (
            t.pos_ == "NOUN"
            and t.lemma_.lower() in SPEECH_NOUNS
            and t.dep_ == "dobj"
            and t.head.lemma_.lower() in _UTTERING
        )
        for t in sent
    )


def _breaks(text: str, start: int, end: int) -> int:
    """How many paragraph breaks (runs of line breaks) lie between two positions."""
    return len(re.findall(r"\n+", text[start:end]))


def _split_half(text: str, prev: Passage, p: Passage) -> bool:
    """Whether ``p`` continues ``prev`` across a short cue: “…,” X said, “…”."""
    if prev.close_at is None or text[prev.end - 1] != ",":
        return False
    between = text[prev.close_at + 1 : p.open_at]
    return (
        "\n" not in between
        and not any(ch in between for ch in ".!?;")
        and between.rstrip().endswith(",")
        and len(between.split()) <= 12
    )


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _lead_in(doc: Any, p: Passage, index: MentionIndex) -> Attribution | None:
    """A quote opening a paragraph after one that ends "X said:"."""
    text = doc_text(doc)
    para = _paragraph_start(text, p.open_at)
    if text[para : p.open_at].strip() or para == 0:
        return None
    prev_end = para - 1
    while prev_end > 0 and text[prev_end - 1].isspace():
        prev_end -= 1
    if prev_end <= 0 or text[prev_end - 1] != ":":
        return None
    prev_start = _paragraph_start(text, prev_end - 1)
    toks = _tokens(doc, prev_start, prev_end)
    for tok in reversed(toks):
        if _is_cue(tok):
            return _from_verb(tok, index, p)
    if not toks or toks[-1].text != ":":
        return None
    # "Stated Stone:" (a verb the tagger took for a name), then "Dr. Ward:".
    inverted = _inverted_lead(toks, index)
    if inverted is not None:
        return inverted
    named = index.at(toks[-2].idx, toks[-1].idx) if len(toks) >= 2 else None
    if named is not None and named.label in ("PERSON", "ORG"):
        return Attribution(named.key, named.span, ":")
    # "Trump issued the following statement:": the subject of the clause before the colon.
    return _colon(toks[-1], index, p)


def attribute(doc: Any, passages: Sequence[Passage], index: MentionIndex) -> list[Quote]:
    """Direct quotes for the passages of ``doc``, each with its speaker when one is found."""
    text = doc_text(doc)
    found: list[Attribution | None] = []
    for n, p in enumerate(passages):
        nxt = passages[n + 1].open_at if n + 1 < len(passages) else len(text)
        para_end = text.find("\n", p.end)
        limit = min(nxt, para_end if para_end >= 0 else len(text))
        floor = max(passages[n - 1].end + 1 if n else 0, _paragraph_start(text, p.open_at))
        # A quote that ends its own clause (“…,” he said) is attributed by what follows;
        # a phrase quoted inside a sentence (called it “…”) by the verb it hangs from.
        whole = (text[p.end - 1] in ",.!?…" or p.close_at is None) and not _opened_by_that(text, p)
        first, second = (_after, _governor) if whole else (_governor, _after)
        attr = (
            # “In breaking news,” Axelrod tweeted, “…”: the second half of a split quote
            # belongs to the cue between the halves, whatever follows it.
            (_before(doc, p, floor, index) if n and _split_half(text, passages[n - 1], p) else None)
            # "Wardens agree - Tomas Brandt: “…”": a digest line's source label, not the verb
            # of its headline
            or dash_label(doc, p, index)
            # "Lind lamented - “…” - and others said": an aside's cue comes before it
            or dash_aside(doc, p, floor, index, _is_cue, _from_verb, _speech_noun_owner)
            # "Kerr said as the skipper yelled: “…”": the verb right before the colon
            or _verb_before_colon(doc, p, floor, index)
            or _inner_governor(doc, p, limit, index)
            or _subordinate_governor(doc, p, index)
            or (_after(doc, p, limit, index) if first is _after else _governor(doc, p, index))
            or (_after(doc, p, limit, index) if second is _after else _governor(doc, p, index))
            or _before(doc, p, floor, index)
            or as_cue(doc, p, index, _is_cue, _from_verb)
            or _lead_in(doc, p, index)
            or sign_off(doc, p, index)
            or headline_label(doc, p, index)
        )
        found.append(attr)
    _carry_over(text, passages, found, nearer=lambda p, prev: _nearer(doc, p, index, prev))
    # Weakest of all: the person the sentence around the quote is about.
    found = [
        a
        or (None if _scare_or_title(doc, p) else _sentence_subject(doc, p, index))
        or _previous_subject(doc, p, index)
        for p, a in zip(passages, found, strict=True)
    ]
    _carry_over(text, passages, found, whole_paragraphs=True)  # on to quote paragraphs
    # No cue at all: the one quoted last goes on speaking if no one else was named since.
    for n, p in enumerate(passages):
        if found[n] is None and len(text[p.start : p.end].split()) >= _MIN_UNCUED_WORDS:
            found[n] = salient_speaker(text, passages, found, n, index, _is_cue)
    quotes: list[Quote] = []
    last: Passage | None = None
    for p, attr in zip(passages, found, strict=True):
        if (
            p.continued
            and last is not None
            and last.close_at is None
            and quotes
            # “…,” Brandt charged: a cue of its own naming someone else ends the run; the
            # paragraph before left its quote open by mistake.
            and not (
                attr is not None
                and attr.speaker is not None
                and quotes[-1].speaker is not None
                and attr.speaker != quotes[-1].speaker
            )
        ):
            # The press convention for a quote running over paragraphs: no closing mark
            # at the end of one, an opening mark at the start of the next. One quote.
            prev = quotes[-1]
            keep = prev if prev.speaker is not None or attr is None else None
            quotes[-1] = Quote(
                span=Span(prev.span.start, p.end),
                text=text[prev.span.start : p.end],
                kind="direct",
                speaker=keep.speaker if keep else attr.speaker if attr else None,
                speaker_span=keep.speaker_span if keep else attr.span if attr else None,
                cue=keep.cue if keep else attr.cue if attr else None,
            )
            last = p
            continue
        last = None
        if attr is not None and not attr.said:
            continue  # "he did not say “…”": words someone did not say are no statement
        if attr is None and (
            len(text[p.start : p.end].split()) < _MIN_UNCUED_WORDS or _is_title(text, p)
        ):
            continue
        last = p
        quotes.append(
            Quote(
                span=Span(p.start, p.end),
                text=text[p.start : p.end],
                kind="direct",
                speaker=attr.speaker if attr else None,
                speaker_span=attr.span if attr else None,
                cue=attr.cue if attr else None,
            )
        )
    return quotes


#: Nouns before quoted words that make them a title, not a quote ("the film “…”").
_TITLE_NOUNS = frozenset(
    """film movie book novel song album single show series play opera report documentary
    campaign operation exhibition programme program podcast poem article column titled
    entitled headlined dubbed""".split()  # noqa: SIM905
)


def _opened_by_that(text: str, p: Passage) -> bool:
    """Whether a quote opens right after "that" ("Kerr claimed that “…,” Lind said …"): a
    clause of the verb before it, whatever follows its closing comma."""
    return re.search(r"\bthat\s*$", text[max(0, p.open_at - 12) : p.open_at]) is not None


def _is_title(text: str, p: Passage) -> bool:
    """Whether uncued quoted words name a work ("the film “Summer on the Ice”")."""
    before = text[max(0, p.open_at - 30) : p.open_at].split()
    return bool(before) and before[-1].lower().strip(",:") in _TITLE_NOUNS


def _alone_in_paragraph(text: str, p: Passage) -> bool:
    """Whether a passage is all its paragraph holds (bar punctuation)."""
    para = _paragraph_start(text, p.open_at)
    end = text.find("\n", p.end)
    end = len(text) if end < 0 else end
    rest = text[para : p.open_at] + text[(p.close_at or p.end) + 1 : end]
    return not any(ch.isalnum() for ch in rest)


def _nearer(doc: Any, p: Passage, index: MentionIndex, prev: Attribution) -> Attribution | None:
    """A speaker for ``p`` nearer to it than the quote before it in its paragraph, whose
    speaker ``prev`` would otherwise carry over; None keeps ``prev``. The subject of the
    sentence before a quote that opens its own, when it is the same speaker ("“…,” says
    Garcia. She says … “…”"); else the subject of the quote's own sentence: the same
    speaker named nearer ("“…,” she says. She wants the council “…”": the second "She",
    the cue carried over), or another person named, when the quote sits inside that
    sentence and the quote before lies in an earlier one ("Kerr released a statement,
    insisting that “…” Lind, however, said that she has “serious doubts”": Lind's)."""
    turn = _closing_turn(doc, p, index)
    if turn is not None:
        return turn
    near = _previous_subject(doc, p, index)
    if near is not None:
        return near if near.speaker == prev.speaker else None
    own = _sentence_subject(doc, p, index)
    if own is None or not own.said:
        return None
    if own.speaker == prev.speaker:
        return Attribution(own.speaker, own.span, prev.cue, said=prev.said)
    if own.speaker is not None and _inside_later_sentence(doc, p, prev):
        return own
    return None


def _closing_turn(doc: Any, p: Passage, index: MentionIndex) -> Attribution | None:
    """ "“…,” Lind said, and her husband cut in. “…”": a quote opening its sentence right
    after a sentence that ends in a clause joined by "and" to a verb of saying, whose own
    subject takes the word ("cut in", "chimed in", "replied"), is that subject's."""
    toks = _tokens(doc, p.start, p.end)
    if not toks:
        return None
    sent = toks[0].sent
    text = doc_text(doc)
    if sent.start == 0 or text[sent.start_char : p.open_at].strip():
        return None
    prev = doc[sent.start - 1].sent
    if "\n" in text[prev.end_char : p.open_at]:
        return None
    words = [t for t in prev if not (t.is_punct or t.is_space)]
    if not words:
        return None
    verb = words[-1] if words[-1].dep_ != "prt" else words[-1].head
    if (
        verb.dep_ != "conj"
        or not (_is_cue(verb) or any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children))
        or not _is_cue(verb.head)
        or index.inside_quote(verb.idx)
        or not any(c.lower_ == "and" and c.dep_ == "cc" for c in verb.head.children)
    ):
        return None
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subj or subj[0].lower_ in ("i", "we", "you", "it", "they"):
        return None
    speaker, span = resolve_subject(subj[0], index)
    return Attribution(speaker, span, verb.lemma_.lower())


def _inside_later_sentence(doc: Any, p: Passage, prev: Attribution) -> bool:
    """Whether ``p`` stands inside its sentence, after words of its own, in a sentence
    after the one naming the speaker ``prev`` of the quote before."""
    toks = _tokens(doc, p.start, p.end)
    if not toks or prev.span is None:
        return False
    sent = toks[0].sent
    if not doc_text(doc)[sent.start_char : p.open_at].strip():
        return False
    return prev.span.start < int(sent.start_char)


def _carry_over(
    text: str,
    passages: Sequence[Passage],
    found: list[Attribution | None],
    whole_paragraphs: bool = False,
    nearer: Callable[[Passage, Attribution], Attribution | None] | None = None,
) -> None:
    """Share speakers along quotes that continue one another, both ways (only to quotes
    that are a paragraph of their own with ``whole_paragraphs``). ``nearer`` gives a cue
    closer to a quote than the quote before it in its paragraph ("“…,” says Garcia.
    She says … “…”": "She"), preferred when it names the same speaker."""
    for n in range(1, len(passages)):
        p = passages[n]
        prev = found[n - 1]
        if whole_paragraphs and not _alone_in_paragraph(text, p):
            continue
        if found[n] is None and prev is not None and prev.span is not None and prev.said:
            here = _paragraph_start(text, p.open_at)
            there = _paragraph_start(text, passages[n - 1].open_at)
            follows = there == _paragraph_start(text, max(0, here - 2))
            if p.continued or here == there or (follows and _alone_in_paragraph(text, p)):
                found[n] = prev
                near = nearer(p, prev) if nearer is not None and here == there else None
                if near is not None:
                    found[n] = near
    for n in range(len(passages) - 2, -1, -1):
        nxt = found[n + 1]
        if found[n] is None and passages[n + 1].continued and nxt is not None and nxt.said:
            found[n] = nxt
