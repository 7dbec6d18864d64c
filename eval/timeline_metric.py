"""The SemEval-2015 Task 4 (TimeLine) measure: temporal awareness on timeline graphs.

Minard et al. (2015) score a timeline with the temporal-awareness measure of UzZaman
and Allen (TempEval-3). Each timeline, gold or system, becomes a graph:

- the events of one rank (ranks 1, 2, ...) are SIMULTANEOUS with each other;
- every event of rank r is BEFORE every event of rank r + 1 (closure gives the rest);
- an event with a date (``2005-06-13``, ``2005-XX-XX``; not ``XXXX-XX-XX``) is
  IS_INCLUDED in a time node for that date;
- rank 0 holds the events the annotators could not order: they take part in no
  BEFORE or SIMULTANEOUS relation, only in their date's, if any.

Precision = |Sys⁻ ∩ Gold⁺| / |Sys⁻| and recall = |Gold⁻ ∩ Sys⁺| / |Gold⁻|, where X⁺
is the transitive closure of graph X and X⁻ its transitive reduction; scores are
micro-averaged (numerators and denominators summed over every timeline).

Choices where the task description leaves room, all explained in docs/quality.md:

- The anchor is IS_INCLUDED, not SIMULTANEOUS: the gold puts events of one date on
  several ranks (ordered within a day), which SIMULTANEOUS anchors would contradict.
  Time nodes are not ordered among themselves (ranks order the events).
- A transitive reduction is not unique: k simultaneous events reduce to any k - 1
  SIMULTANEOUS edges forming a spanning tree, a BEFORE step between two ranks to one
  edge between any member of each, an anchor of a rank to any one of its members.
  Which one the reference tool keeps depends on the order it reads relations in, so
  we count the expectation over reductions drawn uniformly (a uniform spanning tree
  holds each of the k(k-1)/2 pairs with probability 2/k; a step or an anchor uses a
  uniform member pair or member). ``mode="best"`` and ``mode="worst"`` give the
  most and least favourable reductions, the bounds any order would fall between.
- An event is its ``docid-sentence-word`` identifier, compared as a string, as the
  task's files write it; an event listed twice keeps its first (lowest) rank.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

Mode = Literal["expected", "best", "worst"]

UNKNOWN_DATE = "XXXX-XX-XX"


@dataclass(frozen=True, slots=True)
class Line:
    """One timeline line: rank (0 = unordered), date as the task writes it, events."""

    rank: int
    date: str
    events: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Graph:
    """A timeline as classes of simultaneous events, a BEFORE chain and date anchors.

    ``chain`` lists the indices of the ranked classes in order (its consecutive
    pairs are the reduced BEFORE edges); classes outside it are unordered rank-0
    events, one per class.
    """

    classes: tuple[frozenset[str], ...]
    chain: tuple[int, ...]
    anchors: frozenset[tuple[int, str]]

    def class_of(self) -> dict[str, int]:
        """Class index of every event."""
        return {e: i for i, c in enumerate(self.classes) for e in c}


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts behind precision and recall, summable over timelines."""

    sys_reduced: int = 0
    sys_verified: float = 0.0
    gold_reduced: int = 0
    gold_verified: float = 0.0

    def __add__(self, other: Tally) -> Tally:
        """Counts of two timelines together (micro-averaging)."""
        return Tally(
            self.sys_reduced + other.sys_reduced,
            self.sys_verified + other.sys_verified,
            self.gold_reduced + other.gold_reduced,
            self.gold_verified + other.gold_verified,
        )

    @property
    def precision(self) -> float:
        """|Sys⁻ ∩ Gold⁺| / |Sys⁻| (0 when the system asserts nothing)."""
        return self.sys_verified / self.sys_reduced if self.sys_reduced else 0.0

    @property
    def recall(self) -> float:
        """|Gold⁻ ∩ Sys⁺| / |Gold⁻|."""
        return self.gold_verified / self.gold_reduced if self.gold_reduced else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def is_dated(date: str) -> bool:
    """Whether a timeline date names a time (its year at least is known)."""
    return not date.startswith("XXXX")


def build_graph(lines: Iterable[Line]) -> Graph:
    """The graph of a timeline (see the module docstring)."""
    seen: set[str] = set()
    by_rank: dict[int, list[tuple[str, list[str]]]] = {}
    for line in sorted(lines, key=lambda ln: ln.rank):
        fresh = [e for e in dict.fromkeys(line.events) if e not in seen]
        seen.update(fresh)
        if fresh:
            by_rank.setdefault(line.rank, []).append((line.date, fresh))
    classes: list[frozenset[str]] = []
    chain: list[int] = []
    anchors: set[tuple[int, str]] = set()
    for rank in sorted(by_rank):
        if rank <= 0:
            for date, events in by_rank[rank]:
                for e in events:
                    classes.append(frozenset([e]))
                    if is_dated(date):
                        anchors.add((len(classes) - 1, date))
            continue
        chain.append(len(classes))
        classes.append(frozenset(e for _, events in by_rank[rank] for e in events))
        anchors.update((chain[-1], date) for date, _ in by_rank[rank] if is_dated(date))
    return Graph(tuple(classes), tuple(chain), frozenset(anchors))


def reduced_size(graph: Graph) -> int:
    """Number of relations in a transitive reduction of the graph."""
    simultaneous = sum(len(graph.classes[i]) - 1 for i in graph.chain)
    return simultaneous + max(len(graph.chain) - 1, 0) + len(graph.anchors)


class Closure:
    """Membership test for the relations of a graph's transitive closure."""

    def __init__(self, graph: Graph) -> None:
        self._class = graph.class_of()
        self._position = {c: n for n, c in enumerate(graph.chain)}
        self._dates: dict[int, set[str]] = {}
        for c, date in graph.anchors:
            self._dates.setdefault(c, set()).add(date)

    def simultaneous(self, a: str, b: str) -> bool:
        """a and b share a rank (rank 0 events are simultaneous with nothing)."""
        ca, cb = self._class.get(a), self._class.get(b)
        return ca is not None and ca == cb and ca in self._position

    def before(self, a: str, b: str) -> bool:
        """a is on an earlier rank than b."""
        pa = self._position.get(self._class.get(a, -1))
        pb = self._position.get(self._class.get(b, -1))
        return pa is not None and pb is not None and pa < pb

    def included(self, a: str, date: str) -> bool:
        """a is anchored to this date."""
        c = self._class.get(a)
        return c is not None and date in self._dates.get(c, ())

    def group_sizes(self, events: Iterable[str]) -> list[int]:
        """Sizes of the simultaneous groups the closure splits these events into."""
        sizes: dict[object, int] = {}
        for e in events:
            key = ("rank", self._class[e]) if self.simultaneous(e, e) else ("alone", e)
            sizes[key] = sizes.get(key, 0) + 1
        return list(sizes.values())


def _share(hits: int, total: int, mode: Mode) -> float:
    """Verified weight of one reduced relation with `hits` of `total` choices verified."""
    if mode == "best":
        return 1.0 if hits else 0.0
    if mode == "worst":
        return 1.0 if hits == total else 0.0
    return hits / total


def _tree_hits(sizes: list[int], mode: Mode) -> float:
    """Verified edges of a spanning tree over a rank whose members fall in these groups."""
    k = sum(sizes)
    if mode == "best":
        return float(k - len(sizes))  # a tree inside each group, joined across groups
    if mode == "worst":
        return float(k - 1) if len(sizes) == 1 else 0.0  # a tree of cross-group edges
    return sum(g * (g - 1) / 2 for g in sizes) * 2 / k  # each pair: probability 2/k


def verified(graph: Graph, other: Closure, mode: Mode = "expected") -> float:
    """Relations of graph's reduction found in other's closure (see ``Mode``)."""
    hits = sum(_tree_hits(other.group_sizes(graph.classes[i]), mode) for i in graph.chain)
    for a, b in zip(graph.chain, graph.chain[1:], strict=False):
        pairs = [(x, y) for x in graph.classes[a] for y in graph.classes[b]]
        hits += _share(sum(other.before(x, y) for x, y in pairs), len(pairs), mode)
    for c, date in graph.anchors:
        members = graph.classes[c]
        hits += _share(sum(other.included(x, date) for x in members), len(members), mode)
    return hits


def score(gold: Sequence[Line], system: Sequence[Line], mode: Mode = "expected") -> Tally:
    """Counts for one timeline: system reduction against gold closure and vice versa."""
    g, s = build_graph(gold), build_graph(system)
    return Tally(
        sys_reduced=reduced_size(s),
        sys_verified=verified(s, Closure(g), mode),
        gold_reduced=reduced_size(g),
        gold_verified=verified(g, Closure(s), mode),
    )


def parse_timeline(text: str) -> tuple[str, list[Line]]:
    """Entity name and lines of a timeline file (``rank<TAB>date<TAB>event...``)."""
    rows = text.splitlines()
    lines = []
    for row in rows[1:]:
        parts = row.rstrip("\n").split("\t")
        if len(parts) < 3 or not parts[0].strip().lstrip("-").isdigit():
            continue
        events = tuple(p.strip() for p in parts[2:] if p.strip())
        lines.append(Line(int(parts[0]), parts[1].strip(), events))
    return (rows[0].strip() if rows else ""), lines


def format_timeline(name: str, lines: Iterable[Line]) -> str:
    """A timeline in the task's file format (the inverse of ``parse_timeline``)."""
    rows = [name]
    rows += ["\t".join([str(ln.rank), ln.date, *ln.events]) for ln in lines]
    return "\n".join(rows) + "\n"
