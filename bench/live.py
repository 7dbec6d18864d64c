"""Live: from an item appearing in a feed to its story updated, and the sustained rate.

Everything runs on loopback (a local HTTP server on 127.0.0.1 started here) with the
per-host delay set to 0. The report texts are invented here (our own words, varied
per item so that every page is distinct). Phases, each with a baseline from the same
run (the machine is shared and noisy: read the ratios):

1. latency: a store already holding ``--stored`` reports (placed into stories); then,
   ``--repeats`` times, one new item appears in the feed and one poll runs. Printed:
   the whole poll, the analysis, and the time after analysis (store + placement +
   report), against the analysis of the same item (goal: after analysis <= 1 s);
2. poller alone, ``--sources`` x ``--items`` new items (analysis and placement
   replaced by no-ops): items/s, against reading the same pages offline with the
   same HTML reader (the cost of HTTP, politeness bookkeeping and state);
3. full pipeline, ``--full-sources`` x ``--full-items`` (real analysis, placement
   through the digest adapter): items/s, against ``storyline digest`` of the same
   pages saved as files.

    .venv/bin/python bench/live.py
    .venv/bin/python bench/live.py --sources 200 --items 20 --full-sources 20 --full-items 5
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "live"))

from live_server import LocalServer, Reply, page, rss  # noqa: E402

from storyline import api  # noqa: E402
from storyline.ingest.webpage import read_html  # noqa: E402
from storyline.live import (  # noqa: E402
    Fetcher,
    FetchPolicy,
    Placed,
    Poller,
    Source,
    WatchOptions,
    digest_placer,
    spacy_analyser,
)
from storyline.model import Article, ArticleAnalysis  # noqa: E402
from storyline.store import Store  # noqa: E402

HTML = {"Content-Type": "text/html; charset=utf-8"}
XML = {"Content-Type": "application/rss+xml"}
PLACES = ("Port Veyra", "Lindholm", "Krasnobir", "Halven", "Corvana", "Tessaly", "Oskarby")
EVENTS = (
    ("ferry", "suspended after a fault in its steering gear", "passengers"),
    ("tram line", "closed after a collision at a junction", "commuters"),
    ("water plant", "shut after a chemical leak was found", "households"),
    ("bridge", "closed after inspectors found cracks in a pier", "drivers"),
)


def paragraphs(n: int) -> list[str]:
    """Invented report n: a few events in a few places, numbers varied per report."""
    place = PLACES[n % len(PLACES)]
    thing, what, who = EVENTS[(n // len(PLACES)) % len(EVENTS)]
    return [
        f"The {thing} in {place} was {what}, officials said on Tuesday in report {n}.",
        f"About {120 + n % 97} {who} were affected, and the council said repairs would "
        f"take at least {2 + n % 5} days.",
        f"A spokesperson for the operator in {place} said engineers were on site and "
        "that a full statement would follow once the cause was known.",
        f"Local residents told reporters the {thing} had been a worry for months, and "
        f"the mayor of {place} promised an independent review.",
    ]


def loopback(host: str, port: int) -> list[str]:
    return ["127.0.0.1"]


def noop_analyse(articles: Sequence[Article]) -> list[tuple[Article, ArticleAnalysis]]:
    return [(a, ArticleAnalysis(article_id=a.id)) for a in articles]


def noop_place(store: Store, ids: Sequence[str]) -> Placed:
    return Placed(0, ())


class Timed:
    """Wraps the analyser and the placer (they are parameters) to time them."""

    def __init__(self, analyse, place) -> None:  # type: ignore[no-untyped-def]
        self._analyse, self._place = analyse, place
        self.analysis = 0.0
        self.placement = 0.0
        self.analysed_at = 0.0  # when the last analysis ended

    def analyse(self, articles: Sequence[Article]) -> Sequence[tuple[Article, ArticleAnalysis]]:
        start = time.perf_counter()
        try:
            return self._analyse(articles)  # type: ignore[no-any-return]
        finally:
            self.analysed_at = time.perf_counter()
            self.analysis += self.analysed_at - start

    def place(self, store: Store, ids: Sequence[str]) -> Placed:
        start = time.perf_counter()
        try:
            return self._place(store, ids)  # type: ignore[no-any-return]
        finally:
            self.placement += time.perf_counter() - start


def serve_feeds(server: LocalServer, sources: int, items: int, first: int) -> list[Source]:
    """``sources`` feeds of ``items`` items each, pages numbered from ``first``."""
    out = []
    n = first
    for s in range(sources):
        entries = []
        for _ in range(items):
            server.routes[f"/p/{n}"] = Reply(200, page(f"Report {n}", paragraphs(n)), HTML)
            entries.append({"guid": f"g{n}", "link": server.url(f"/p/{n}"), "title": f"R{n}"})
            n += 1
        server.routes[f"/feed/{s}"] = Reply(200, rss(entries), XML)
        out.append(Source(server.url(f"/feed/{s}"), name=f"Outlet {s % 7}"))
    return out


def poller(store: Store, sources: list[Source], timed: Timed) -> Poller:
    fetcher = Fetcher(FetchPolicy(allow_private=True), resolver=loopback)
    return Poller(
        store,
        sources,
        fetcher=fetcher,
        analyse=timed.analyse,
        place=timed.place,
        options=WatchOptions(host_delay=0.0, max_new_per_poll=1000),
    )


def latency(server: LocalServer, tmp: Path, stored: int, repeats: int) -> None:
    out = tmp / "out-latency"
    adapter = digest_placer(out_dir=out)

    def place(store: Store, ids: Sequence[str]) -> Placed:
        return adapter(store, ids)

    timed = Timed(spacy_analyser(), place)
    entries = []
    for n in range(stored):
        server.routes[f"/l/{n}"] = Reply(200, page(f"Report {n}", paragraphs(n)), HTML)
        entries.append({"guid": f"l{n}", "link": server.url(f"/l/{n}"), "title": f"R{n}"})
    server.routes["/latency"] = lambda seen: Reply(200, rss(entries[::-1]), XML)
    with Store(tmp / "latency.db") as store:
        p = poller(store, [Source(server.url("/latency"))], timed)
        start = time.perf_counter()
        p.poll(p.sources)
        print(f"  set-up: {stored} reports polled, analysed, placed in "
              f"{time.perf_counter() - start:.1f} s")  # fmt: skip
        rows = []
        for r in range(repeats):
            n = 10_000 + r
            server.routes[f"/l/{n}"] = Reply(200, page(f"Report {n}", paragraphs(n)), HTML)
            entries.append({"guid": f"l{n}", "link": server.url(f"/l/{n}"), "title": f"R{n}"})
            timed.analysis = timed.placement = 0.0
            start = time.perf_counter()
            report = p.poll(p.sources)
            end = time.perf_counter()
            assert report.new == 1 and report.placed is not None and report.placed.touched
            after = end - timed.analysed_at  # store, place (digest adapter), report, state
            rows.append((end - start, timed.analysis, after, timed.placement))
        p.fetcher.close()
    total, analysis, after, placement = (statistics.median(c) for c in zip(*rows, strict=True))
    print(
        f"  one new item, median of {repeats}: poll {total:.2f} s = fetch and read "
        f"{total - analysis - after:.2f} s + analysis {analysis:.2f} s + after analysis "
        f"{after:.2f} s (incremental update, pages written: {placement:.2f} s)"
    )
    print(
        f"  after analysis: {after:.2f} s (goal <= 1 s); ratio to the item's analysis "
        f"{after / analysis:.1f}x"
    )


def poller_alone(tmp: Path, sources: int, items: int) -> None:
    server = LocalServer()  # served from a child process: the poller keeps this one's GIL
    feeds = serve_feeds(server, sources, items, first=100_000)
    child = server.start_process()
    timed = Timed(noop_analyse, noop_place)
    try:
        with Store(tmp / "alone.db") as store:
            p = poller(store, feeds, timed)
            start = time.perf_counter()
            report = p.poll(p.sources)
            live = time.perf_counter() - start
            p.fetcher.close()
    finally:
        child.terminate()
        child.join()
    assert report.new == sources * items, report
    bodies = [server.routes[f"/p/{n}"] for n in range(100_000, 100_000 + sources * items)]
    start = time.perf_counter()
    for n, reply in enumerate(bodies):
        assert isinstance(reply, Reply)
        read_html(reply.body, f"p{n}.html")
    offline = time.perf_counter() - start
    count = sources * items
    print(
        f"  {sources} sources x {items} items = {count} new items in {live:.1f} s: "
        f"{count / live:.1f} items/s; reading the same pages offline {count / offline:.1f} "
        f"pages/s; ratio live/offline {offline / live:.2f}"
    )


def full(server: LocalServer, tmp: Path, sources: int, items: int) -> None:
    feeds = serve_feeds(server, sources, items, first=200_000)
    timed = Timed(spacy_analyser(), digest_placer(out_dir=tmp / "out-full"))
    with Store(tmp / "full.db") as store:
        p = poller(store, feeds, timed)
        start = time.perf_counter()
        report = p.poll(p.sources)
        live = time.perf_counter() - start
        p.fetcher.close()
    count = sources * items
    assert report.new == count, report
    folder = tmp / "pages"
    folder.mkdir()
    for n in range(200_000, 200_000 + count):
        reply = server.routes[f"/p/{n}"]
        assert isinstance(reply, Reply)
        (folder / f"p{n}.html").write_bytes(reply.body)
    start = time.perf_counter()
    api.digest([folder], out_dir=tmp / "out-digest", db=tmp / "digest.db", jobs=1)
    offline = time.perf_counter() - start
    print(
        f"  {sources} sources x {items} items = {count} new items in {live:.1f} s "
        f"(analysis {timed.analysis:.1f} s, placement {timed.placement:.1f} s): "
        f"{count / live:.2f} items/s; `digest` of the same pages as files "
        f"{count / offline:.2f} items/s; ratio live/digest {offline / live:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--stored", type=int, default=60)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--full-sources", type=int, default=10)
    parser.add_argument("--full-items", type=int, default=4)
    args = parser.parse_args()
    server = LocalServer().start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            print("latency (item in feed -> story updated):")
            latency(server, Path(tmp), args.stored, args.repeats)
            print("sustained rate, poller alone (no analysis, no placement):")
            poller_alone(Path(tmp), args.sources, args.items)
            print("sustained rate, full pipeline (jobs=1):")
            full(server, Path(tmp), args.full_sources, args.full_items)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
