"""Clustering parameters and the placement of an article (docs/clustering.md)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an article landed: its story (event) and that story's storyline."""

    story_id: str
    storyline_id: str

    def to_dict(self) -> dict[str, str]:
        """JSON-ready form."""
        return {"story_id": self.story_id, "storyline_id": self.storyline_id}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Placement:
        """Rebuild from :meth:`to_dict` output."""
        return cls(str(data["story_id"]), str(data["storyline_id"]))


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterParams:
    """Every knob of the story clusterer, with its default (tuned on ECB+ topics 1-35)."""

    #: An article joins a story when its average similarity to the story's reports
    #: (after the place, date and time factors) reaches this.
    threshold: float = 0.1
    #: A new story joins the storyline of the closest story at this plain similarity.
    storyline_threshold: float = 0.06
    #: The same for a story founded online: one report is a noisier guide to a
    #: storyline than a whole cluster, so it must be closer.
    online_storyline_threshold: float = 0.08
    #: Factor on the storyline similarity of two reports that share no specific name
    #: or place (1 = off)...
    storyline_conflict: float = 0.5
    #: ...rising to 1 as the rarity-weighted cosine of their names and places reaches this.
    storyline_match: float = 0.2
    #: Weight of a shared name (person, organisation...) relative to a content word.
    entity_weight: float = 2.0
    #: In the name factor, weigh names by how often the report mentions them
    #: (1 + log count), so that its main actors count more than passing names.
    name_salience: bool = True
    #: Weight of a shared place name relative to a content word.
    place_weight: float = 1.5
    #: Leave out words no other report has (they only dilute the similarity).
    #: Off by default: online, a word no report has *yet* may match the next one.
    drop_unique: bool = False
    #: Weight of a shared year or month the reports speak of.
    period_weight: float = 1.0
    #: Factor applied when both reports name specific places and share none...
    place_conflict: float = 0.7
    #: ...rising to 1 as the rarity-weighted cosine of their places reaches this.
    place_match: float = 0.3
    #: Factor applied when both reports name specific people or organisations and
    #: share none...
    name_conflict: float = 0.7
    #: ...rising to 1 as the rarity-weighted cosine of their names reaches this.
    name_match: float = 0.2
    #: The name factor's floor for two reports of one day: they share an event day, or
    #: a mark (a lead street, an age) on days that are not apart. Around one incident
    #: reports name different people (the victim in one, the spokesman or a relative
    #: in another); two incidents' reports on different days name different victims.
    same_day_name_conflict: float = 0.85
    #: Weight, in the name factor, of the incident kinds two reports share (a
    #: shooting, a crash: see similarity.INCIDENT_KINDS), relative to a name of the
    #: same rarity; 0 = off. Two local reports of one crash, one naming the victims
    #: and one only the police officer, then are not split for naming nobody in common.
    kind_weight: float = 1.0
    #: Factor applied when both reports name kinds of incident and share none (a
    #: shooting and a crash on one street on one day are two incidents); 1 = off.
    kind_conflict: float = 0.7
    #: Factor applied when both reports name streets or sites (see places.py) and
    #: share none: two incidents in one town, one on Mill Lane, one on Harbour Road.
    site_conflict: float = 0.7
    #: Least similarity of two reports that name one kind of incident on one day and
    #: share a mark: a street or site of their leads, or someone's age (0 = off).
    signature_floor: float = 0.25
    #: Event days at most this far apart are "one day" for that floor: a mark as
    #: common as an age finds another incident two days off (docs/quality.md, #12).
    signature_tolerance_days: int = 0
    #: Least similarity of two reports that name one kind of incident and share a main
    #: actor: a person both name in full at least twice and never by an office (the
    #: victim, the suspect; not the police spokesman), whatever their days: a court
    #: date months later finds its shooting (0 = off).
    person_floor: float = 0.15
    #: ...or that one report names as a main actor and the other in full only once (a
    #: court story months later names the victim once: "charged in the death of Ann
    #: Cole"); False: both must name the actor at least twice.
    actor_named_once: bool = True
    #: Actors matched on the letters two spellings of a name share (aliases.spelling_key:
    #: "Jamayha" and "Jamyha", "Jeffery" and "Jeffrey"), not on the letters as written.
    actor_spellings: bool = True
    #: After a block is cut, a piece of at most this many reports tied to another
    #: cluster (one kind of incident, one street or site, one town, event days not
    #: apart: attach.py) joins the one it matches best on average (0 = off): the
    #: arrest weeks later finds its shooting although its average is low.
    attach_size: int = 2
    #: ...when that average similarity reaches this.
    attach_min: float = 0.05
    #: A person is such a tie too: a piece and a cluster that name one person in full
    #: (no official; one kind of incident, places not disjoint) whom no third cluster
    #: names, neither report a roundup (attach.actor_links): a court story weeks later
    #: that names the victim once finds the story about her.
    attach_actors: bool = True
    #: Reports of one day are tied on less: one kind of incident, one town, published
    #: at most ``attach_day_gap`` days apart (0: on one day), event days not apart,
    #: neither a roundup (attach.day_links); such a piece joins at this higher bar
    #: (1 = off).
    attach_day_min: float = 0.07
    attach_day_gap: int = 0
    #: A town the headline alone names is a place of the report when at least this
    #: many reports seen so far tag it as one (aliases.headline_places; 0 = off).
    headline_places: int = 2
    #: ...weighing this share of a tagged place's weight: it keeps two reports of one
    #: incident from reading as two places, without making every report of a town
    #: that names only streets one place with the others (docs/quality.md, #12).
    headline_place_weight: float = 0.33
    #: Factor applied when both reports date their events and no two days are close.
    date_conflict: float = 0.6
    #: Factor applied when two reports' main events lie in different years (an
    #: ECB+ topic's two title defences, two quakes in one region).
    year_conflict: float = 1.0
    #: Event days at most this far apart count as the same day (reporting slack).
    date_tolerance_days: int = 2
    #: A place named by more than this share of all reports is general (a country,
    #: the outlet's own city) and neither matches nor conflicts.
    general_place_share: float = 0.1
    #: Publication gaps up to this many days cost nothing...
    time_grace_days: float = 7.0
    #: ...longer gaps decay the similarity as exp(-(gap - grace) / scale).
    time_scale_days: float = 120.0
    #: Candidate stories are those with a report within this many days.
    window_days: int = 120
    #: Features of a new article used to look up candidate stories.
    query_features: int = 24
    #: Features of a story kept in the inverted index (per week it has reports in).
    index_features: int = 40
    #: Story ids read per query feature, nearest weeks first: bounds the work per
    #: report whatever the volume of news, while rare names still reach far.
    scan_budget: int = 300
    #: Stories scored in full per new article.
    max_candidates: int = 40
    #: Features kept in a story's summed vector (the weakest are dropped).
    story_vector_cap: int = 300
    #: Index postings longer than this (per feature and week) are too common to help.
    max_postings: int = 100
    #: Articles a batch is clustered in at once (chronological blocks).
    batch_block: int = 3000
    #: A block of new reports is cut together with the stored stories near it, with
    #: their reports (pool.py), so that a later report that bridges two stories merges
    #: them and a piece joins a story only as the batch would join it; off (False),
    #: each piece of the block joins the stored story it matches best on the story's
    #: summary.
    recheck: bool = True
    #: A stored story comes into the block when it scores at least this against one
    #: of the block's reports (on its summary, clusterer.py).
    recheck_min: float = 0.05

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClusterParams:
        """Rebuild from :meth:`to_dict` output (unknown keys ignored)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})
