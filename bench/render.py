"""Rendering cost of a story page: a synthetic 50-article story, built at run time.

    .venv/bin/python bench/render.py [--articles 50] [--repeat 30]
    .venv/bin/python bench/render.py --meantime   # + the 120 MEANTIME articles as one story

Prints the median time of each renderer and its ratio to a baseline measured in
the same run: ``json.dumps`` of the same story's contract dict. Goal: the HTML
story page of a 50-article story in at most 50 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import replace

from storyline.model import (
    Analyzed,
    Article,
    ArticleAnalysis,
    Boilerplate,
    Citation,
    Conflict,
    ConflictValue,
    Digest,
    Mention,
    Span,
    Story,
    StoryClaim,
    StoryEntity,
    StoryQuote,
    TimelineEntry,
)
from storyline.report import render_story_html, render_story_markdown
from storyline.report.json import story_to_dict
from storyline.report.view import items_of
from storyline.story.coverage import build_coverage
from storyline.story.summary.summarize import summarize

WORDS = [
    "river",
    "flood",
    "town",
    "council",
    "bridge",
    "rescue",
    "teams",
    "water",
    "night",
    "morning",
    "officials",
    "said",
    "report",
    "valley",
    "road",
    "shelter",
    "families",
    "homes",
    "rain",
    "storm",
    "dam",
    "engineers",
    "mayor",
    "governor",
    "villages",
    "reached",
    "opened",
    "closed",
    "repaired",
    "inspected",
    "warned",
    "promised",
    "counted",
    "crossed",
]
NAMES = ["Ilsa Brandt", "Tomas Reed", "Vellmar", "Dornach", "Kessel", "Sarno", "Orla Fenn"]
OUTLETS = [f"Outlet {i}" for i in range(30)]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 24))]
    words.insert(rng.randint(0, len(words)), rng.choice(NAMES))
    words.insert(rng.randint(0, len(words)), str(rng.choice([3, 7, 9, 12, 40, 1000])))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def synthetic(n_articles: int, seed: int = 7) -> tuple[Digest, list[Analyzed]]:
    """A story of ``n_articles`` reports of ~35 sentences, with every kind of record cited."""
    rng = random.Random(seed)
    items: list[Analyzed] = []
    for i in range(n_articles):
        sents = [_sentence(rng) for _ in range(35)]
        caption = "Photo: the river at dusk (Credit: Lens Agency)"
        text = sents[0] + "\n\n" + caption + "\n\n" + " ".join(sents[1:])
        spans, pos = [], 0
        for s in [sents[0], caption, *sents[1:]]:
            start = text.index(s, pos)
            spans.append(Span(start, start + len(s)))
            pos = start + len(s)
        mentions = []
        for name in NAMES:
            at = text.find(name)
            while at >= 0:
                label = "PERSON" if " " in name else "GPE"
                mentions.append(Mention(Span(at, at + len(name)), name, label, name))
                at = text.find(name, at + 1)
        mentions.sort(key=lambda m: m.span.start)
        aid = f"art{i:03d}"
        article = Article(
            id=aid,
            text=text,
            title=f"Report {i} on the flood",
            source=OUTLETS[i % len(OUTLETS)],
            published=f"2025-03-{1 + i % 28:02d}",
            published_estimated=i % 5 == 0,
        )
        analysis = ArticleAnalysis(
            aid,
            boilerplate=(Boilerplate(spans[1], "caption"),),
            sentences=tuple(s for k, s in enumerate(spans) if k != 1),
            entities=tuple(mentions),
        )
        items.append(Analyzed(article, analysis))
    ids = tuple(i.article.id for i in items)

    def cites(k: int) -> tuple[Citation, ...]:
        picks = rng.sample(items, k)
        return tuple(Citation(p.article.id, rng.choice(p.analysis.sentences)) for p in picks)

    story = Story(
        id="bench",
        title="A synthetic flood story",
        storyline="line",
        articles=ids,
        entities=tuple(
            StoryEntity(n, "PERSON", (n, n.split()[-1]), ids[:: 1 + k], 10)
            for k, n in enumerate(NAMES)
        ),
        quotes=tuple(
            StoryQuote(NAMES[k % 2], _sentence(rng), (), tuple(c.article for c in cs), citations=cs)
            for k in range(20)
            for cs in [cites(5)]
        ),
        claims=tuple(
            StoryClaim(
                "killed",
                k,
                "flood",
                None,
                tuple(c.article for c in cs),
                independent=5,
                citations=cs,
            )
            for k in range(10)
            for cs in [cites(6)]
        ),
        conflicts=tuple(
            Conflict(
                "injured",
                "flood",
                (
                    ConflictValue(7, tuple(c.article for c in a), "mayor", citations=a),
                    ConflictValue(12, tuple(c.article for c in b), "governor", citations=b),
                ),
            )
            for _ in range(3)
            for a, b in [(cites(3), cites(3))]
        ),
        timeline=tuple(
            TimelineEntry(
                f"2025-03-{1 + k:02d}",
                "day",
                _sentence(rng),
                tuple(c.article for c in cs),
                citations=cs,
            )
            for k in range(20)
            for cs in [cites(4)]
        ),
    )
    digest = Digest(
        articles=tuple(i.article for i in items),
        analyses={i.article.id: i.analysis for i in items},
        stories=(story,),
        duplicate_of={ids[1]: ids[0], ids[3]: ids[2]},
    )
    return digest, items


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm: template compilation, caches
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def real_story(repeat: int) -> None:
    """Time summarize and the page on real text: the 120 MEANTIME articles as one story."""
    import sys
    import tempfile
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root / "eval"))
    from summary import MEANTIME, meantime_jsonl  # eval/summary.py

    from storyline.analyze.pipeline import analyze_articles
    from storyline.ingest import iter_articles
    from storyline.story.assemble import assemble_story

    if not MEANTIME.exists():
        print(f"no MEANTIME corpus at {MEANTIME}; skipped")
        return
    tmp = Path(tempfile.mkdtemp(prefix="storyline-bench-"))
    paths = [meantime_jsonl(sub, tmp / f"{sub.name}.jsonl") for sub in sorted(MEANTIME.iterdir())]
    articles = list(iter_articles([str(p) for p in paths]))
    items = [Analyzed(a, x) for batch in analyze_articles(articles) for a, x in batch]
    built = assemble_story("meantime", "meantime", items, {})
    story, items = built.story, list(built.items)
    digest = Digest(
        articles=tuple(i.article for i in items),
        analyses={i.article.id: i.analysis for i in items},
        stories=(story,),
    )
    baseline = _median_ms(lambda: json.dumps(story_to_dict(story)), repeat)
    html_ms = _median_ms(lambda: render_story_html(story, digest), repeat)
    summary_ms = _median_ms(
        lambda: summarize(
            items,
            claims=story.claims,
            conflicts=story.conflicts,
            quotes=story.quotes,
            timeline=story.timeline,
            entities=story.entities,
        ),
        max(3, repeat // 5),
    )
    chars = sum(len(i.article.text) for i in items)
    print(f"\nMEANTIME as one story: {len(items)} articles, {chars:,} characters")
    print(f"{'json.dumps(story) [baseline]':32} {baseline:10.2f} {1.0:11.1f}")
    print(f"{'render_story_html':32} {html_ms:10.2f} {html_ms / baseline:11.1f}")
    print(f"{'summarize':32} {summary_ms:10.2f} {summary_ms / baseline:11.1f}")


def main() -> None:
    """Build the synthetic story, time each renderer, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument(
        "--meantime", action="store_true", help="also time a real 120-article story"
    )
    args = parser.parse_args()
    digest, items = synthetic(args.articles)
    base = digest.stories[0]
    summary = summarize(
        items,
        claims=base.claims,
        conflicts=base.conflicts,
        quotes=base.quotes,
        timeline=base.timeline,
        entities=base.entities,
        duplicate_of=digest.duplicate_of,
    )
    story = replace(base, summary=summary)
    story = replace(
        story, coverage=build_coverage(story, items_of(story, digest), digest.duplicate_of)
    )
    digest = Digest(digest.articles, digest.analyses, (story,), digest.duplicate_of)
    chars = sum(len(a.text) for a in digest.articles)
    baseline = _median_ms(lambda: json.dumps(story_to_dict(story)), args.repeat)
    rows = [
        ("json.dumps(story) [baseline]", baseline),
        ("render_story_html", _median_ms(lambda: render_story_html(story, digest), args.repeat)),
        (
            "render_story_markdown",
            _median_ms(lambda: render_story_markdown(story, digest), args.repeat),
        ),
        (
            "summarize",
            _median_ms(
                lambda: summarize(
                    items,
                    claims=base.claims,
                    conflicts=base.conflicts,
                    quotes=base.quotes,
                    timeline=base.timeline,
                    entities=base.entities,
                    duplicate_of=digest.duplicate_of,
                ),
                max(3, args.repeat // 5),
            ),
        ),
    ]
    html_bytes = len(render_story_html(story, digest).encode())
    print(
        f"story: {args.articles} articles, {chars:,} characters, {len(summary)} summary sentences; "
        f"HTML page {html_bytes / 1024:.0f} KiB"
    )
    print(f"{'what':32} {'median ms':>10} {'x baseline':>11}")
    for name, ms in rows:
        print(f"{name:32} {ms:10.2f} {ms / baseline:11.1f}")
    html_ms = rows[1][1]
    print(
        f"goal: story page <= 50 ms -> {'met' if html_ms <= 50 else 'NOT met'} ({html_ms:.1f} ms)"
    )
    if args.meantime:
        real_story(args.repeat)


if __name__ == "__main__":
    main()
