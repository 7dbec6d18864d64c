"""Score time expressions on MEANTIME: span P/R/F1 (overlap) and value F1.

Usage: .venv/bin/python eval/times.py [MEANTIME_DIR] [--errors N]

Runs storyline's ``extract_times`` on each document's text (anchored on the
document creation time) and, in the same run, a baseline: spaCy DATE/TIME entities
normalised by dateparser against the same anchor. A system span matches a gold span
when they overlap (one-to-one, greedy by overlap); the value counts as right when the
span matches and the TIMEX3 value is equal. Prints a table per sub-corpus group
(airbus+apple were used for tuning; gm+stock are held out). MEANTIME annotates only
the title, the date line and the first four sentences of each article (sentences
0-5), so both systems are scored on that part only.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cat import CatDocument, parse_date, read_cat

from storyline.model import TimeExpr

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "meantime"
GROUPS = {"tune (airbus+apple)": ("airbus", "apple"), "held-out (gm+stock)": ("gm", "stock")}


@dataclass
class Counts:
    """Tallies for precision, recall and F1 of spans and values."""

    gold: int = 0
    system: int = 0
    span: int = 0
    value: int = 0

    def add(self, other: Counts) -> None:
        """Add another tally to this one."""
        self.gold += other.gold
        self.system += other.system
        self.span += other.span
        self.value += other.value

    def prf(self, hits: int) -> tuple[float, float, float]:
        """Precision, recall, F1 for a number of hits."""
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


#: MEANTIME annotates the title, the date line and the first sentences only (0-5).
ANNOTATED_SENTENCES = 6


def annotated_end(doc: CatDocument) -> int:
    """Where the annotated part of a MEANTIME document ends (a character offset)."""
    ends = [t.end for t in doc.tokens if t.sentence < ANNOTATED_SENTENCES]
    return max(ends) if ends else 0


def first_date(times: tuple[TimeExpr, ...]) -> date | None:
    """A missing creation time estimated, as the pipeline does, from the first full date."""
    for t in times:
        if t.rel is None and len(t.value) == 10 and t.value[4] == "-":
            return date.fromisoformat(t.value)
    return None


def gold_times(doc: CatDocument) -> list[tuple[int, int, str]]:
    """The gold TIMEX3 spans (with token anchors) and values of a document."""
    out = []
    for m in doc.by_tag("TIMEX3"):
        if m.start is not None and m.end is not None:
            out.append((m.start, m.end, m.attrs.get("value", "")))
    return out


def match(gold: list[tuple[int, int, str]], system: list[tuple[int, int, str]]) -> Counts:
    """One-to-one overlap matching; counts span and value hits."""
    pairs = []
    for gi, (gs, ge, _) in enumerate(gold):
        for si, (ss, se, _) in enumerate(system):
            overlap = min(ge, se) - max(gs, ss)
            if overlap > 0:
                pairs.append((overlap, gi, si))
    used_g: set[int] = set()
    used_s: set[int] = set()
    counts = Counts(gold=len(gold), system=len(system))
    for _, gi, si in sorted(pairs, reverse=True):
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        counts.span += 1
        if gold[gi][2].upper() == system[si][2].upper():
            counts.value += 1
    return counts


def baseline_times(doc: object, anchor: date | None) -> list[tuple[int, int, str]]:
    """spaCy DATE/TIME entities, values from dateparser (its period gives the granularity)."""
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past"}
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    parser = DateDataParser(languages=["en"], settings=settings)
    out = []
    for ent in doc.ents:  # type: ignore[attr-defined]
        if ent.label_ not in ("DATE", "TIME"):
            continue
        data = parser.get_date_data(ent.text)
        value = "XXXX-XX-XX"
        if data.date_obj is not None:
            d = data.date_obj
            period = data.period or "day"
            if period == "year":
                value = f"{d.year:04d}"
            elif period == "month":
                value = f"{d.year:04d}-{d.month:02d}"
            elif period == "week":
                y, w, _ = d.isocalendar()
                value = f"{y:04d}-W{w:02d}"
            elif period == "time" or ent.label_ == "TIME":
                value = d.strftime("%Y-%m-%dT%H:%M")
            else:
                value = d.strftime("%Y-%m-%d")
        out.append((ent.start_char, ent.end_char, value))
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--errors", type=int, default=0, help="print this many value errors")
    ap.add_argument("--group", default="", help="only sub-corpora whose name contains this")
    args = ap.parse_args(argv)
    root = Path(args.corpus) / "intra-doc_annotation"
    if not root.is_dir():
        print(f"MEANTIME not found at {root}; pass its path as the first argument")
        return 1

    from storyline.analyze.times import extract_times
    from storyline.nlp import load_nlp

    nlp = load_nlp()
    results: dict[str, dict[str, Counts]] = {}
    errors: list[str] = []
    for sub in sorted(root.iterdir()):
        if not sub.is_dir() or args.group not in sub.name:
            continue
        name = sub.name.replace("corpus_", "")
        ours, base = Counts(), Counts()
        for path in sorted(sub.glob("*.xml")):
            doc = read_cat(path)
            parsed = nlp(doc.text)
            anchor = parse_date(doc.creation_time) or first_date(extract_times(parsed, None))
            gold = gold_times(doc)
            system = [(t.span.start, t.span.end, t.value) for t in extract_times(parsed, anchor)]
            limit = annotated_end(doc)
            system = [t for t in system if t[0] < limit]
            ours.add(match(gold, system))
            base.add(match(gold, [t for t in baseline_times(parsed, anchor) if t[0] < limit]))
            if args.errors:
                errors.extend(_errors(doc, gold, system, anchor))
        results[name] = {"storyline": ours, "spaCy+dateparser": base}

    print(
        f"{'corpus':24} {'system':18} {'gold':>5} {'sys':>5} {'spanP':>6} {'spanR':>6} "
        f"{'spanF1':>6} {'valP':>6} {'valR':>6} {'valF1':>6}"
    )
    rows = {**{n: (n,) for n in results}, **GROUPS, "all": tuple(results)}
    for label, members in rows.items():
        for system_name in ("storyline", "spaCy+dateparser"):
            total = Counts()
            for m in members:
                if m in results:
                    total.add(results[m][system_name])
            if not total.gold:
                continue
            sp, sr, sf = total.prf(total.span)
            vp, vr, vf = total.prf(total.value)
            print(
                f"{label:24} {system_name:18} {total.gold:5d} {total.system:5d} {sp:6.3f} "
                f"{sr:6.3f} {sf:6.3f} {vp:6.3f} {vr:6.3f} {vf:6.3f}"
            )
    for line in errors[: args.errors]:
        print(line)
    return 0


def _errors(
    doc: CatDocument,
    gold: list[tuple[int, int, str]],
    system: list[tuple[int, int, str]],
    anchor: date | None,
) -> list[str]:
    out = []
    for gs, ge, gv in gold:
        hit = [s for s in system if min(ge, s[1]) - max(gs, s[0]) > 0]
        if not hit:
            out.append(f"MISS  {doc.text[gs:ge]!r} {gv} dct={anchor}")
        elif hit[0][2].upper() != gv.upper():
            s = hit[0]
            out.append(
                f"VALUE {doc.text[gs:ge]!r}->{doc.text[s[0] : s[1]]!r} "
                f"gold={gv} ours={s[2]} dct={anchor}"
            )
    for ss, se, sv in system:
        if not any(min(ge, se) - max(gs, ss) > 0 for gs, ge, _ in gold):
            ctx = doc.text[max(0, ss - 30) : se + 30].replace("\n", " ")
            out.append(f"EXTRA {doc.text[ss:se]!r} {sv} | {ctx}")
    return out


if __name__ == "__main__":
    raise SystemExit(main())
