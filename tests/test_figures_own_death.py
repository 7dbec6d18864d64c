"""A report's wounded derived from its people shot leave out one who took his own life:
"a deputy was shot ... the suspect died of a self-inflicted wound" is one wounded, and
the figure says so ("shot 1 − killed 0")."""

from __future__ import annotations

from dataclasses import replace

from figure_reports import claim, report

from storyline.analyze.numbers.victims import SELF
from storyline.story.figures import story_figures


def test_the_wounded_of_the_shot_beside_a_suicide() -> None:
    own = replace(claim("killed", 1, 50), counted=SELF)
    a = report("a", "2025-05-01", claim("shot", 1, 0), own)
    table = {f.measure: (f.value, f.derived) for f in story_figures([a])}
    assert table["killed"] == (1, None)
    assert table["injured"] == (1, "shot 1 − killed 0")
