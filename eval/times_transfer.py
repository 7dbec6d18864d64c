"""Does each family of time rules carry over between corpora? Disable it and score.

Usage: .venv/bin/python eval/times_transfer.py [--only SUBSTR ...] [--no-meantime] [--all]
       .venv/bin/python eval/times_transfer.py --spread

Each *family* (a rule of the rule table, a screen of find.py, a word list of tense.py,
one vague word or set adjective, the wire datelines, spaCy's entities) is switched off
in turn, in this process only, and the tuning part of TempEval-3 (TimeBank and AQUAINT
half A; half B is never run here) and MEANTIME are scored again. One line per family:
for TimeBank, AQUAINT-A and MEANTIME (all), the change of value F1 (x 1000, disabled
minus on), of right values and of predictions, and how many predictions changed. A
family that helps one corpus and costs another (or fires on one and does nothing on the
other) is what "transfer" asks about: a rule that earns only where it was tuned.

``--spread`` asks the other question of transfer: how far apart two halves of the same
corpus fall by which documents they hold. Each tuning corpus's documents are resampled
(a bootstrap over documents): the interval of value F1, and the gap between two sets of
as many documents drawn from it, which is what a held-out half of that size may differ
by with no rule over-fitted at all.

The switches replace module attributes (a rule table without the rule, a screen that
never matches, an empty word list) and put them back after each run; nothing is
written. Parses come from eval/times_tempeval.py's cache; MEANTIME is parsed once.
"""

from __future__ import annotations

import argparse
import importlib
import random
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import times as meantime
import times_tempeval as tempeval

ROOT = Path(__file__).resolve().parents[1]
PARTS = ("TimeBank", "AQUAINT-A", "MEANTIME")
_MODULES = (
    "absolute", "anaphora", "clockday", "dateline", "elliptic", "find", "holidays", "lexicon",
    "norm", "normalize", "periods", "rates", "relative", "resolve", "someday", "tense",
)  # fmt: skip
#: A pattern that matches nothing: a screen switched off.
NEVER = re.compile(r"(?!)")


def _no(*_args: Any, **_kwargs: Any) -> bool:
    return False


def _modules() -> list[ModuleType]:
    mods = [importlib.import_module(f"storyline.analyze.timex.{n}") for n in _MODULES]
    return [*mods, importlib.import_module("storyline.analyze.times")]


@dataclass
class Switch:
    """Module attributes replaced while a family is off, and how to put them back."""

    modules: list[ModuleType] = field(default_factory=_modules)
    undo: list[tuple[Any, str, Any]] = field(default_factory=list)

    def replace(self, old: object, new: object) -> None:
        """Every module attribute (and rule handler) that is ``old`` becomes ``new``."""
        for mod in self.modules:
            for name, value in list(vars(mod).items()):
                if value is old:
                    self.undo.append((mod, name, value))
                    setattr(mod, name, new)
        rules = self.rules()
        if callable(old) and any(r.handler is old for r in rules):
            self.replace(
                rules, tuple(_with_handler(r, new) if r.handler is old else r for r in rules)
            )

    def attr(self, module: str, name: str, new: object) -> None:
        """Replace ``storyline.analyze.timex.<module>.<name>`` wherever it is bound."""
        self.replace(
            getattr(importlib.import_module(f"storyline.analyze.timex.{module}"), name), new
        )

    def rules(self) -> tuple[Any, ...]:
        """The rule table now in use."""
        return tuple(importlib.import_module("storyline.analyze.timex.normalize").RULES)

    def drop_rule(self, name: str) -> None:
        """Run without the rule ``name``."""
        rules = self.rules()
        self.replace(rules, tuple(r for r in rules if r.name != name))

    def refuse(self, rule: str, words: Callable[[re.Match[str]], bool]) -> None:
        """Rule ``rule`` finds nothing where ``words(match)`` holds."""
        rules = self.rules()
        new = []
        for r in rules:
            if r.name == rule:
                r = _with_handler(r, _refusing(r.handler, words))
            new.append(r)
        self.replace(rules, tuple(new))

    def restore(self) -> None:
        """Put every replaced attribute back."""
        for target, name, value in reversed(self.undo):
            setattr(target, name, value)
        self.undo.clear()


def _with_handler(rule: Any, handler: Any) -> Any:
    return type(rule)(rule.name, rule.regex, handler, rule.group)


def _refusing(handler: Any, words: Callable[[re.Match[str]], bool]) -> Any:
    return lambda m, tense: None if words(m) else handler(m, tense)


@contextmanager
def switched_off(family: Callable[[Switch], None]) -> Iterator[None]:
    """Run the body with one family switched off."""
    switch = Switch()
    try:
        family(switch)
        yield
    finally:
        switch.restore()


def _word_is(group: str, word: str) -> Callable[[re.Match[str]], bool]:
    return lambda m: " ".join((m[group] or "").lower().split()) == word


_VAGUE = ("now", "currently", "current", "recent", "recently", "soon", "later", "the past",
          "the future", "previously", "lately")  # fmt: skip
_SET_WORDS = ("annual", "daily", "weekly", "monthly", "quarterly", "annually", "yearly")
_FIND = {
    "rates after an amount": "is_rate", "newspapers": "is_newspaper",
    "the annual event": "is_annual_event", "quoted titles": "_is_title",
    "names of things after a holiday": "names_a_thing", "'the time' with its clause": "_restricted",
    "attributive overnight": "_attributive_overnight", "one day / some day": "is_someday",
    "a mishap noun before a time": "_after_mishap", "a verb of reporting results": "_reported",
    "reporting spans of months": "reporting_span",
}  # fmt: skip
_SCREENS = {
    "until / by a deadline": "_UNTIL", "effective (date)": "_EFFECTIVE",
    "'s mishap": "_OWN_MISHAP", "as of": "_AS_OF", "USA Today": "_NAME_BEFORE",
    "the people of tomorrow": "_OF_THE_FUTURE", "today's world": "_NOWADAYS",
    "quarterly + noun (classifier)": "CLASSIFIER",
}  # fmt: skip
_TENSE_SETS = (
    "_FUTURE_GOVERNORS", "_DONE_WHEN_PAST", "_PERFECT_MODALS", "_SCHEDULED", "_PLANNED",
    "_INQUIRY", "_NAMING", "_REPORTING", "_TELL", "_TIME_MARKS",
)  # fmt: skip


def families() -> dict[str, Callable[[Switch], None]]:
    """Every family, by name."""
    out: dict[str, Callable[[Switch], None]] = {}
    for rule in Switch().rules():
        out[f"rule {rule.name}"] = lambda s, n=rule.name: s.drop_rule(n)
    for word in _VAGUE:
        out[f"vague word {word!r}"] = lambda s, w=word: s.refuse("ref", _word_is("w", w))
    for word in _SET_WORDS:
        out[f"set adjective {word!r}"] = lambda s, w=word: s.refuse("set_adverb", _word_is("w", w))
    for label, name in _FIND.items():
        out[f"find: {label}"] = lambda s, n=name: s.attr("find", n, _no)
    for label, name in _SCREENS.items():
        out[f"find: {label}"] = lambda s, n=name: s.attr("find", n, NEVER)
    out["find: clock joined to its day"] = lambda s: s.attr("find", "_merge_clock", lambda f, t: f)
    out["find: the bracketed same moment"] = lambda s: s.attr(
        "find", "_same_moment", lambda f, t: f
    )
    out["anaphora: units by reference to a date told"] = lambda s: s.attr(
        "find", "resolve_event_refs", lambda n: n
    )
    out["clockday: clock on the day told last"] = lambda s: s.attr(
        "find", "clock_days", lambda spans, norms, *a: list(norms)
    )
    out["find: spaCy DATE/TIME entities"] = lambda s: s.attr("find", "doc_ents", lambda d: ())
    out["datelines of the wire"] = lambda s: s.replace(
        importlib.import_module("storyline.analyze.times").dateline_times, lambda *a: ()
    )
    for name in _TENSE_SETS:
        out[f"tense: {name}"] = lambda s, n=name: s.attr("tense", n, frozenset())
    out["tense: _RESET (moved dates)"] = lambda s: s.attr("tense", "_RESET", {})
    out["tense: refusals told in the past"] = lambda s: s.attr("tense", "_refused", _no)
    out["tense: backshifted clauses"] = lambda s: s.attr("tense", "_backshifted", _no)
    out["tense: all (no clause tense)"] = lambda s: s.attr("find", "clause_tense", lambda *a: "")
    out["periods: the latest year"] = lambda s: s.attr("periods", "latest_year", lambda w: None)
    return out


@dataclass
class Score:
    """Right values, gold and predictions of one part, and the predictions themselves."""

    right: int = 0
    gold: int = 0
    pred: int = 0
    found: set[tuple[Any, ...]] = field(default_factory=set)

    def f1(self) -> float:
        """Value F1 as score.py counts it."""
        return 2 * self.right / (self.gold + self.pred) if self.gold + self.pred else 0.0


def load(with_meantime: bool) -> tuple[list[tuple[str, dict[str, Any], Any, Any]], list[Any]]:
    """The parsed tuning part of TempEval-3 (half B left out) and MEANTIME."""
    from storyline.nlp import load_nlp

    nlp = load_nlp()
    rows, gold, half = tempeval.load_dev(ROOT / ".devdata" / "tempeval")
    docs = tempeval._parsed(rows, nlp)
    tune = []
    for row, doc in zip(rows, docs, strict=True):
        part = half.get(row["id"], row["corpus"])
        if part != tempeval.HELD:  # held out: never run here
            tune.append((part, row, doc, gold.get(row["id"], [])))
    mdocs = []
    root = meantime.DEFAULT / "intra-doc_annotation"
    if with_meantime and root.is_dir():
        for path in sorted(root.glob("*/*.xml")):
            cat = meantime.read_cat(path)
            mdocs.append((cat, nlp(cat.text)))
    return tune, mdocs


def _tempeval_runs(tune: list[Any]) -> Iterator[tuple[str, dict[str, Any], list[Any], Any]]:
    """Each tuning document with the times the rules find in it (datelines included, as
    the product reads them) and its TempEval tally."""
    for part, row, doc, gold in tune:
        ours = tempeval.our_times(row, doc)
        tally, _ = tempeval.score(gold, ours, row["text"])
        yield part, row, ours, tally


def score_all(tune: list[Any], mdocs: list[Any]) -> dict[str, Score]:
    """Each part scored with the rules as they are now switched."""
    from storyline.analyze.times import extract_times

    out = {p: Score() for p in PARTS}
    for part, row, ours, tally in _tempeval_runs(tune):
        s = out[part]
        s.right, s.gold, s.pred = s.right + tally.value, s.gold + tally.gold, s.pred + tally.pred
        s.found.update((row["id"], *o[:3]) for o in ours)
    for cat, parsed in mdocs:
        anchor = meantime.parse_date(cat.creation_time) or meantime.first_date(
            extract_times(parsed, None)
        )
        limit = meantime.annotated_end(cat)
        system = [
            (t.span.start, t.span.end, t.value)
            for t in extract_times(parsed, anchor)
            if t.span.start < limit
        ]
        c = meantime.match(meantime.gold_times(cat), system)
        s = out["MEANTIME"]
        s.right, s.gold, s.pred = s.right + c.value, s.gold + c.gold, s.pred + c.system
        s.found.update((id(cat), *x) for x in system)
    return out


#: One document's tally: right values, gold expressions, predictions.
DocTally = tuple[int, int, int]


def doc_f1(docs: list[DocTally]) -> float:
    """Value F1 of a set of documents, pooled as score.py pools them."""
    right = sum(d[0] for d in docs)
    total = sum(d[1] + d[2] for d in docs)
    return 2 * right / total if total else 0.0


def spread(docs: list[DocTally], rounds: int = 2000, seed: int = 14) -> dict[str, float]:
    """How value F1 moves with the documents drawn: a bootstrap 95 % interval, and the
    gap between two sets of as many documents drawn from the corpus (median and 95th
    percentile)."""
    rng = random.Random(seed)
    boots = sorted(doc_f1([rng.choice(docs) for _ in docs]) for _ in range(rounds))
    # two sets of as many documents, each drawn from the same corpus: what a held-out
    # half of the same size may differ by from the tuning half by chance alone
    gaps = sorted(
        abs(doc_f1([rng.choice(docs) for _ in docs]) - doc_f1([rng.choice(docs) for _ in docs]))
        for _ in range(rounds)
    )
    return {
        "f1": doc_f1(docs),
        "low": boots[int(0.025 * rounds)],
        "high": boots[int(0.975 * rounds) - 1],
        "gap_median": gaps[rounds // 2],
        "gap_95": gaps[int(0.95 * rounds)],
    }


def doc_tallies(tune: list[Any]) -> dict[str, list[DocTally]]:
    """Each tuning corpus's documents, each as its tally with the rules as they are."""
    out: dict[str, list[DocTally]] = {}
    for part, _row, _ours, tally in _tempeval_runs(tune):
        out.setdefault(part, []).append((tally.value, tally.gold, tally.pred))
    return out


def line(name: str, base: dict[str, Score], now: dict[str, Score]) -> str:
    """One family's row: per part, delta F1 x 1000, right values, predictions, changed."""
    cells = []
    for p in PARTS:
        b, n = base[p], now[p]
        cells.append(
            f"{(n.f1() - b.f1()) * 1000:+6.1f} {n.right - b.right:+4d} {n.pred - b.pred:+4d} "
            f"{len(b.found ^ n.found):4d}"
        )
    return f"{name:44} " + " | ".join(cells)


def main(argv: list[str] | None = None) -> int:
    """Score with each family off, one line each."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", default=[], help="families whose name holds one of these")
    ap.add_argument("--no-meantime", action="store_true", help="TempEval-3 tuning part only")
    ap.add_argument("--all", action="store_true", help="also list families that change nothing")
    ap.add_argument(
        "--spread", action="store_true", help="how far two draws of a corpus fall apart"
    )
    args = ap.parse_args(argv)
    if not (ROOT / ".devdata" / "tempeval" / "dev.jsonl").is_file():
        print("TempEval-3 development set not found; see ../shared/devdata/README.md")
        return 1
    if args.spread:
        tune, _ = load(False)
        for part, docs in doc_tallies(tune).items():
            s = spread(docs)
            print(
                f"{part:10} {len(docs):4d} documents  value F1 {s['f1']:.3f}  bootstrap 95% "
                f"{s['low']:.3f}-{s['high']:.3f}  two draws apart by {s['gap_median']:.3f}"
                f" (median), {s['gap_95']:.3f} (95th percentile)"
            )
        return 0
    tune, mdocs = load(not args.no_meantime)
    base = score_all(tune, mdocs)
    print("with every rule: value F1 " + ", ".join(f"{p} {base[p].f1():.3f}" for p in PARTS))
    head = " | ".join(f"{p[:9]:>9}: dF1  dV   dP   ch" for p in PARTS)
    print(f"{'family switched off':44} {head}")
    quiet = 0
    for name, family in families().items():
        if args.only and not any(o in name for o in args.only):
            continue
        with switched_off(family):
            now = score_all(tune, mdocs)
        if not args.all and all(base[p].found == now[p].found for p in PARTS):
            quiet += 1
            continue
        print(line(name, base, now), flush=True)
    if quiet:
        print(f"({quiet} families change no prediction of these corpora)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
