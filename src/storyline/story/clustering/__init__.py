"""Story clustering: features, similarity, candidate index, online and batch clusterer."""

from storyline.story.clustering.clusterer import StoryClusterer, story_id_for, storyline_id_for
from storyline.story.clustering.features import DocFeatures, doc_features
from storyline.story.clustering.params import ClusterParams, Placement

__all__ = [
    "ClusterParams",
    "DocFeatures",
    "Placement",
    "StoryClusterer",
    "doc_features",
    "story_id_for",
    "storyline_id_for",
]
