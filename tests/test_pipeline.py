"""The per-article runner: offsets into the original text, order, workers, masking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline import api
from storyline.analyze.claims import _sentences
from storyline.analyze.pipeline import analyze_article, analyze_articles
from storyline.ingest.dates import publication_day
from storyline.model import Article, ArticleAnalysis
from storyline.nlp import doc_ents, doc_text, load_nlp, made_from, model_name, span_ents
from storyline.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

TEXT = (
    "Ferry fire forces evacuation in Salt Harbour\n\n"
    "Coastguard crews evacuated 140 passengers from a burning ferry off Salt Harbour on "
    "Sunday, the regional coastguard said.\n\n"
    "Passengers wait on the quay (Mira Tole/Harbour Press)\n\n"
    "\u201cEveryone is safe,\u201d coastguard commander Ota Brenn told reporters.\n\n"
    "Also read: Salt Harbour ferry timetable changes\n"
)


def _article(n: int, published: str | None = "2025-03-02") -> Article:
    return Article(
        id=f"a{n}", text=TEXT + f"\nReport {n}.\n", title="Ferry fire", published=published
    )


def test_pipeline_offsets_index_original_text(nlp: Any) -> None:
    article = _article(1)
    analysis = analyze_article(article, nlp)
    for m in analysis.entities:
        assert article.text[m.span.start : m.span.end] == m.text
    for s in analysis.sentences:
        assert article.text[s.start : s.end].strip() == article.text[s.start : s.end]


def test_pipeline_boilerplate_left_out_of_analysis(nlp: Any) -> None:
    article = _article(1)
    analysis = analyze_article(article, nlp)
    debris = [b.span for b in analysis.boilerplate]
    assert any("Mira Tole" in article.text[s.start : s.end] for s in debris)
    for m in analysis.entities:
        assert not any(m.span.overlaps(d) for d in debris), m
    for s in analysis.sentences:
        assert "Also read" not in article.text[s.start : s.end]


def test_pipeline_workers_keep_input_order() -> None:
    articles = [_article(n) for n in range(7)]
    batches = list(analyze_articles(articles, jobs=2, batch_size=2))
    ids = [a.id for batch in batches for a, _ in batch]
    assert ids == [a.id for a in articles]
    assert all(a.id == r.article_id for batch in batches for a, r in batch)


def test_pipeline_publication_day_tolerates_bad_dates() -> None:
    assert str(publication_day(_article(1, "2025-03-02T10:00:00").published)) == "2025-03-02"
    assert publication_day(_article(1, "not a date").published) is None
    assert publication_day(_article(1, None).published) is None


def test_pipeline_interrupted_digest_keeps_stored_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(3):
        (inputs / f"r{n}.txt").write_text(TEXT + f"\nReport {n}.\n", encoding="utf-8")

    def first_batch_then_stop(
        articles: list[Article], **_: Any
    ) -> Iterator[list[tuple[Article, ArticleAnalysis]]]:
        yield [(articles[0], ArticleAnalysis(article_id=articles[0].id))]
        raise KeyboardInterrupt

    monkeypatch.setattr(api, "analyze_articles", first_batch_then_stop)
    db = tmp_path / "s.db"
    with pytest.raises(KeyboardInterrupt):
        api.digest([inputs], out_dir=None, db=db)
    with Store(db) as store:
        assert store.count_articles() == 3
        assert len(store.analyses()) == 1


def test_pipeline_model_loaded_once_whatever_it_is_called(nlp: Any) -> None:
    # The digest asks for load_nlp(None), a bench or a test for load_nlp(): one pipeline.
    assert load_nlp(None) is nlp
    assert load_nlp(model_name()) is nlp


def test_pipeline_doc_text_is_built_once_per_doc(nlp: Any) -> None:
    doc = nlp(TEXT)
    text = doc_text(doc)
    assert text == doc.text
    assert doc_text(doc) is text  # stages read it in loops: spaCy would join the tokens again


def test_pipeline_doc_text_is_the_text_parsed(nlp: Any) -> None:
    # the pipeline hands each doc the text it parsed: the very text spaCy would join
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))][:4]
    texts.append("  Two spaces,\n\n a tab\there and a trailing line break.\n")
    for text, doc in zip(texts, nlp.pipe(texts), strict=True):
        assert doc_text(made_from(doc, text)) == doc.text == text


def test_pipeline_doc_ents_are_spacys_made_once(nlp: Any) -> None:
    doc = nlp("Maria Lopez of Springfield met the mayor of Boston on Friday.\nJohn Smith left.")
    ents = doc_ents(doc)
    assert [(e.start, e.end, e.label_) for e in ents] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]
    assert doc_ents(doc)[0] is ents[0]  # the same spans, not new ones per access
    for sent in doc.sents:  # span_ents reads them as Span.ents does
        assert [(e.start, e.end) for e in span_ents(sent)] == [(e.start, e.end) for e in sent.ents]
    assert [e.text for e in span_ents(doc[0:3])] == ["Maria Lopez"]


@pytest.mark.parametrize(
    "text",
    [
        "One.\nTwo men were shot.\n\nA third died.",
        "A caption\nThe man, 40, was killed on Main Street.",
        "No break at all here. Two were hurt.",
        "\nLeading break. Then\n \n a gap and trailing\n",
    ],
)
def test_claims_sentences_split_at_line_breaks(nlp: Any, text: str) -> None:
    # The sentences the claims stage reads: spaCy's, cut again at every line-break token
    # (found from the text's breaks, not by visiting each token).
    doc = nlp(text)
    want = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if "\n" in tok.text and tok.is_space and tok.i > start:
                want.append((start, tok.i))
                start = tok.i + 1
        if start < sent.end:
            want.append((start, sent.end))
    assert [(s.start, s.end) for s in _sentences(doc)] == want
