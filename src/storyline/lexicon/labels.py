"""spaCy entity labels, grouped by what the stages do with them."""

from __future__ import annotations

#: Labels that name things a reader would follow through a story; numbers, dates
#: and the like are not names.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
#: Names a citing article must share with the summary sentence it supports: product,
#: work and law names are too often generic ("the Act", "iPhone") to require.
CITED_NAME_LABELS = NAME_LABELS - {"PRODUCT", "WORK_OF_ART", "LAW"}
#: Labels that name a place.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Places that are areas (countries, cities, regions), not buildings or sites.
AREA_LABELS = frozenset({"GPE", "LOC"})
