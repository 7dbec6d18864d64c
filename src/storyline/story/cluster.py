"""Events and storylines: the public face of :mod:`storyline.story.clustering`.

``doc_features`` turns an analysed article into :class:`DocFeatures`;
:class:`StoryClusterer` places articles (``add``, ``add_batch``) or rebuilds its
state from stored placements (``restore``). See docs/clustering.md.
"""

from storyline.story.clustering import (
    ClusterParams,
    DocFeatures,
    Placement,
    StoryClusterer,
    doc_features,
    story_id_for,
    storyline_id_for,
)

__all__ = [
    "ClusterParams",
    "DocFeatures",
    "Placement",
    "StoryClusterer",
    "doc_features",
    "story_id_for",
    "storyline_id_for",
]
