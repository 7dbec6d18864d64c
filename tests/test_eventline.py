"""Event lines are found at analysis, from the article's own parse; digest parses nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storyline import api
from storyline.analyze.eventline.lines import finish_line
from storyline.analyze.pipeline import analyze_article
from storyline.model import Article
from storyline.story.timeline.build import build_timeline

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_eventline_analysis_keeps_the_line_of_each_dated_clause(nlp: Any) -> None:
    text = (
        "The council met in Vellmar on Tuesday.\n\n"
        "Mayor Ilsa Brandt opened the new bridge on March 3, 2025, officials said."
    )
    analysis = analyze_article(Article(id="a1", text=text, published="2025-03-05T10:00:00Z"), nlp)
    lines = {text[e.time.start : e.time.end]: e for e in analysis.event_lines}
    assert set(lines) == {"Tuesday", "March 3, 2025"}
    bridge = lines["March 3, 2025"]
    assert bridge.verb == "open" and bridge.named is not None
    shown = finish_line(bridge.text, bridge.named, lambda name: "Ilsa Brandt-Hale")
    assert shown == "Ilsa Brandt-Hale opened the new bridge"  # the phrase takes the name
    assert "March 3" not in shown
    assert finish_line(lines["Tuesday"].text, None, str) == "The council met in Vellmar"


def test_eventline_timeline_is_built_without_a_pipeline(nlp: Any) -> None:
    text = "Floods closed the Sarno bridge on Monday. It reopened on Thursday."
    article = Article(id="b1", text=text, published="2025-02-14T08:00:00Z")
    item = api.Analyzed(article, analyze_article(article, nlp))
    entries = build_timeline([item])
    assert [e.date for e in entries] == ["2025-02-10", "2025-02-13"]
    assert entries[0].text == "Floods closed the Sarno bridge"


def test_eventline_digest_from_stored_analyses_loads_no_pipeline(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    first = api.digest([EXAMPLES], out_dir=None, db=db, jobs=1)
    assert first.digest is not None and any(s.timeline for s in first.digest.stories)
    # Nothing new to analyse: a digest must not need spaCy at all (this model does not exist).
    second = api.digest([], out_dir=None, db=db, jobs=1, model="no_such_spacy_model")
    assert second.digest == first.digest
    assert not Path(str(db) + ".parses").exists()
