"""The records that flow through storyline.

Every record is a frozen dataclass with slots; sequences are tuples. Offsets are
character offsets into ``Article.text``, which is never rewritten: cleaning only
marks spans to skip, so any offset anywhere points into the original text.

Per article:  Article -> ArticleAnalysis (Boilerplate, sentences, Mention,
TimeExpr, Quote, Claim).
Per story:    Story (StoryEntity, StoryQuote, StoryClaim, Conflict,
TimelineEntry, SummarySentence, Dispute, Coverage).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` into an article's text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Article:
    """One news report as ingested: text plus whatever metadata came with it."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date "2025-05-17" (or datetime) when known
    published_estimated: bool = False
    path: str | None = None  # file path, "file::member" or URL it was read from
    author: str | None = None
    content_hash: str = ""  # sha256 of the normalised text; equal texts store once


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A span of page debris (caption, credit, related link, footer) to skip."""

    span: Span
    kind: str  # caption | credit | related-link | footer | headline-repeat | ...


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention; ``key`` links the mentions of one entity in an article."""

    span: Span
    text: str
    label: str  # PERSON | ORG | GPE | NORP | LOC | ...
    key: str  # the fullest form of this entity's name within the article


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression normalised to a TIMEX3 value.

    ``rel`` keeps how a relative expression was resolved (e.g. ``"weekday:-1:FRI"``)
    so that it can be resolved again once a publication date is estimated;
    it is None for absolute expressions.
    """

    span: Span
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # "2025-05-19", "2025-05", "2025-W21", "P2D", "PRESENT_REF", "XXXX-XX-XX" ...
    granularity: str  # year | month | week | day | time | duration | ref | unknown
    rel: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a speaker, directly (in quotation marks) or reported."""

    span: Span
    text: str
    kind: str  # direct | indirect
    speaker: str | None  # the speaker's entity key within the article
    speaker_span: Span | None
    cue: str | None  # said, wrote, told, according to, ...


@dataclass(frozen=True, slots=True)
class Claim:
    """A numeric fact: what is counted, how many, and who says so."""

    span: Span  # the number phrase
    measure: str  # killed | injured | missing | ... | other  (docs/claims.md)
    value: float
    qualifier: str  # exact | at_least | at_most | about | range
    counted: str  # people, drones, soldiers, dollars, ...
    attribution: str | None
    date: str | None
    sentence: Span  # the sentence the claim comes from
    value_max: float | None = None  # upper bound of a range
    about: str = ""  # short description of the event the claim belongs to


@dataclass(frozen=True, slots=True)
class EventLine:
    """The readable line of the clause a date or time expression dates (for the timeline).

    Found at analysis, where the sentence is parsed once; the story stage only puts
    the story-wide name of the subject in (``named``) and tidies the text.
    """

    time: Span  # the time expression's span
    text: str
    verb: str  # lemma of the clause's verb
    verb_i: int  # token index of that verb in the article: one event per clause
    strong: bool  # a verb of something happening ("derail", "sign")
    named: tuple[str, str] | None = None  # (subject phrase in text, its entity's name)
    present: bool = False  # the clause is told in the present ("returns to court", "is held")


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything the per-article stages found in one article."""

    article_id: str
    boilerplate: tuple[Boilerplate, ...] = ()
    sentences: tuple[Span, ...] = ()
    entities: tuple[Mention, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    event_lines: tuple[EventLine, ...] = ()


@dataclass(frozen=True, slots=True)
class Analyzed:
    """An article together with its analysis: the unit that story stages read."""

    article: Article
    analysis: ArticleAnalysis


# --- across articles -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Citation:
    """A passage of one article that supports a statement."""

    article: str
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class StoryEntity:
    """One real-world entity of a story, with every spelling the reports used."""

    name: str
    label: str
    variants: tuple[str, ...]
    articles: tuple[str, ...]
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class StoryQuote:
    """One thing said, grouped across the reports that carried it."""

    speaker: str | None
    text: str
    variants: tuple[str, ...]
    articles: tuple[str, ...]
    kind: str = "direct"
    altered: tuple[str, ...] = ()  # articles whose wording materially differs
    speakers: tuple[str, ...] = ()  # all speakers named, when reports disagree
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryClaim:
    """A numeric fact the reports agree on."""

    measure: str
    value: float
    about: str
    attribution: str | None
    articles: tuple[str, ...]
    qualifier: str = "exact"
    counted: str = ""
    independent: int = 0  # distinct independent sources (copies collapsed)
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class ConflictValue:
    """One side of a disagreement: a value and who gives it."""

    value: float
    articles: tuple[str, ...]
    attribution: str | None
    qualifier: str = "exact"
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Conflict:
    """Reports giving different values for the same measure of the same event."""

    measure: str
    about: str
    values: tuple[ConflictValue, ...]
    kind: str = "number"  # number | update (a later, higher toll)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated event of a story, with the reports that describe it."""

    date: str | None
    granularity: str
    text: str
    articles: tuple[str, ...]
    background: bool = False
    citations: tuple[Citation, ...] = ()
    disputed_dates: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """One sentence of a story summary and the articles that support it."""

    text: str
    citations: tuple[str, ...]
    passages: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class FigureValue:
    """One value reports gave for a headline figure, with the reports behind it."""

    value: float
    articles: tuple[str, ...]
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Figure:
    """A headline figure of a story's main event: the value the story stands by now."""

    measure: str  # killed | injured | arrested | missing | evacuated | displaced
    value: float
    status: str  # agreed | disputed | updated | single source
    articles: tuple[str, ...]
    citations: tuple[Citation, ...] = ()
    derived: str | None = None  # how, when derived rather than read: "shot 3 − killed 1"
    reason: str | None = None  # why this value, when reports differ
    values: tuple[FigureValue, ...] = ()  # every value given, when reports differ


@dataclass(frozen=True, slots=True)
class DisputeSide:
    """One side of a dispute: what it says, which reports say so, on whose word."""

    value: str  # a figure as stored ("7"), a date ("2025-03-10") or a speaker's name
    articles: tuple[str, ...]
    sources: tuple[str, ...] = ()  # who the reports attribute it to
    citations: tuple[Citation, ...] = ()
    amount: float | None = None  # the figure of a number or update dispute
    qualifier: str = "exact"  # of the figure: at_least | at_most | about | range | exact


@dataclass(frozen=True, slots=True)
class Dispute:
    """A disagreement between reports, of any kind, with every side."""

    kind: str  # number | update (figures, from Conflict) | date | attribution
    about: str
    sides: tuple[DisputeSide, ...]


@dataclass(frozen=True, slots=True)
class Outlet:
    """One independent source: its original reports and the copies of them."""

    name: str
    articles: tuple[str, ...]
    copies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CoverageFact:
    """One key fact and, per outlet (in ``Coverage.outlets`` order), what it reports."""

    kind: str  # claim | conflict | quote | event
    label: str
    cells: tuple[str, ...]  # "" = not reported; "yes"; "altered"; or the value given
    articles: tuple[str, ...]

    @property
    def sources(self) -> int:
        """How many independent sources carry the fact."""
        return sum(1 for c in self.cells if c)


@dataclass(frozen=True, slots=True)
class Coverage:
    """A story's coverage matrix, report count and independent source count."""

    outlets: tuple[Outlet, ...]
    facts: tuple[CoverageFact, ...]
    single_source: tuple[CoverageFact, ...]
    reports: int
    independent: int


@dataclass(frozen=True, slots=True)
class Fact:
    """One numeric fact of a story in its one state, read by every section of the page.

    ``state`` is ``agreed`` (two or more independent sources give the figure),
    ``single source`` (one), ``disputed`` (sources give different values) or
    ``updated`` (later reports give a higher toll). ``phrase`` is how a reader says
    it; ``readable`` is False when the fact cannot be said as a plain phrase (it is
    then kept in stories.json but not listed on the page).
    """

    measure: str
    about: str
    state: str
    phrase: str
    values: tuple[float, ...]
    articles: tuple[str, ...]
    sources: int
    readable: bool = True


@dataclass(frozen=True, slots=True)
class Change:
    """One entry of a story's log across digests: what changed, and when it was seen."""

    date: str  # the day the digest saw the change (ISO date)
    kind: str  # report | figure | dispute | quote | development
    text: str
    since: str = ""  # the day of the state it is compared with ("what changed since ...")


@dataclass(frozen=True, slots=True)
class Story:
    """Everything storyline knows about one real-world story."""

    id: str
    title: str
    storyline: str
    articles: tuple[str, ...]
    entities: tuple[StoryEntity, ...] = ()
    quotes: tuple[StoryQuote, ...] = ()
    claims: tuple[StoryClaim, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    #: Every disagreement: figures (from ``conflicts``), dates, attributions.
    disputes: tuple[Dispute, ...] = ()
    #: Who reported what; None only for a story not built by ``assemble_story``.
    coverage: Coverage | None = None
    #: Every numeric fact in its one state (agreed, disputed, updated, single source).
    facts: tuple[Fact, ...] = ()
    #: What changed across digests, oldest first (filled by the digest, not by assembly).
    changes: tuple[Change, ...] = ()
    #: Copy id -> original id, for the copies inside this story.
    duplicate_of: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    #: Article id -> why its estimated publication date was chosen.
    date_evidence: dict[str, tuple[str, ...]] = field(
        default_factory=dict, hash=False, compare=False
    )
    #: The headline figures of the main event (story.figures).
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True, slots=True)
class StorylineEvent:
    """One story of a storyline as its page lists it: when, what, in one line."""

    story: str  # the story id
    title: str
    first: str  # the dates of its reports (ISO days; "" when unknown)
    last: str
    line: str  # the story in one line: its first summary sentence, else its title


@dataclass(frozen=True, slots=True)
class FigureStep:
    """One figure of a storyline at one story: its value(s) as said and its state."""

    story: str
    date: str
    value: str  # "7", "at least 9", "7 or 9" (a dispute)
    state: str


@dataclass(frozen=True, slots=True)
class FigureTrack:
    """A figure that changed along a storyline, with its value at each story."""

    measure: str
    what: str  # "people killed"
    about: str
    steps: tuple[FigureStep, ...]


@dataclass(frozen=True, slots=True)
class Storyline:
    """The stories of one developing story, oldest first, and the figures that changed."""

    id: str
    title: str
    events: tuple[StorylineEvent, ...]
    figures: tuple[FigureTrack, ...] = ()


@dataclass(frozen=True, slots=True)
class Digest:
    """The result of a digest run: every article, its analysis, and the stories."""

    articles: tuple[Article, ...]
    analyses: dict[str, ArticleAnalysis] = field(hash=False, compare=False)
    stories: tuple[Story, ...]
    duplicate_of: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    date_evidence: dict[str, tuple[str, ...]] = field(
        default_factory=dict, hash=False, compare=False
    )
    #: One per storyline: its stories in order and the figures that changed.
    storylines: tuple[Storyline, ...] = ()
