"""Reference-free checks of story summaries: citation support, key-fact coverage, redundancy.

    .venv/bin/python eval/summary.py [INPUT_DIR ...]         # run the pipeline on each input
    .venv/bin/python eval/summary.py --meantime               # + the 4 MEANTIME sub-corpora
    .venv/bin/python eval/summary.py --from-dir OUT --analyses FILE.jsonl

With inputs (default: ``examples`` and ``../shared/seeds``), each input is digested
once through ``storyline.api.digest`` (or, when the API is not there yet, through
the analyse + assemble stages with all its articles as one story) and measured.
With ``--from-dir``, an existing digest output (``stories.json``) is measured, the
article texts read from the ``storyline analyze`` JSONL.

Measures, per story and in total, with a checker written apart from the
summariser so that it does not share its blind spots:

- citation support: of all (sentence, cited article) pairs, the share where the
  cited article contains the sentence's numbers, its capitalised names (or a
  spelling the story lists for that name's entity) and its quoted words (goal 100%);
- key-fact coverage: of the story's agreed key facts (claims carried by at least
  two independent outlets), the share that some summary sentence carries, by
  passage overlap or by stating the value (goal at least 80%);
- redundancy: pairs of summary sentences that both state the same claim or share
  most of their content words (goal 0);
- ≥ 2 outlets: the share of summary sentences cited by at least two independent
  reports, of all sentences and of the sentences of stories that have two.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUTS = (ROOT / "examples", ROOT.parent / "shared" / "seeds")
MEANTIME = ROOT.parent / "shared" / "corpora" / "meantime" / "intra_cross-doc_annotation"

_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()  # noqa: SIM905
    )
}
_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?|\b[a-z]+\b", re.IGNORECASE)
_QUOTE = re.compile(r"[\"“]([^\"“”]{3,})[\"”]")
_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]{2,}(?:[-’'][A-Z]?[a-z]+)?\b")
_CALENDAR_TEXT = (
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december"
)
_CALENDAR = frozenset(_CALENDAR_TEXT.split())
_STOP_TEXT = (
    "the and for with that this from have has had was were are said says will would "
    "about after before their there which when where into over also than they them"
)
_STOP = frozenset(_STOP_TEXT.split())


def numbers(text: str) -> set[float]:
    """Numbers written in digits or as small number words."""
    out: set[float] = set()
    for token in _NUM.findall(text):
        if token[0].isdigit():
            try:
                out.add(float(token.replace(",", "").rstrip(".")))
            except ValueError:
                continue
        elif token.lower() in _WORDS:
            out.add(float(_WORDS[token.lower()]))
    return out


def words(text: str) -> set[str]:
    """Lower-cased content words."""
    return {w for w in re.findall(r"[a-z0-9']+", text.lower()) if len(w) > 3 and w not in _STOP}


_STATED_DATE = re.compile(
    r"\s\((?:\d{1,2} (?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)(?: \d{4})?|(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December) \d{1,2}(?:, \d{4})?)\)"
)


def supported(
    sentence: str, article: str, spellings: Mapping[str, Sequence[str]] | None = None
) -> bool:
    """Whether an article holds the sentence's numbers, names and quoted words.

    A name may be spelled as any variant the story lists for its entity
    ("Dorovsky" for "Dorovskyy"); ``spellings`` maps a lower-cased word of a name to
    the lower-cased spellings of its entity.
    """
    spellings = spellings or {}
    # "on Friday (16 May)": a date the summary states for a relative day word of the
    # report (from its publication date, issue 14); the report says "on Friday"
    sentence = _STATED_DATE.sub("", sentence)
    if not numbers(sentence) <= numbers(article):
        return False
    lowered = article.lower()
    for name in _NAME.findall(sentence):
        if name.lower() in _CALENDAR:
            continue  # days and months are dates, checked by the summariser, not names
        parts = re.sub(r"[’']s$", "", name).lower().split("-")  # "Singapore-Sydney"
        for part in parts:
            if part not in lowered and not any(v in lowered for v in spellings.get(part, ())):
                return False
    flat = " ".join(re.findall(r"\w+", article.lower()))
    for quote in _QUOTE.findall(sentence):
        if " ".join(re.findall(r"\w+", quote.lower())) not in flat:
            return False
    return True


@dataclass
class Figures:
    """Counts behind the three figures, for one story or a total."""

    sentences: int = 0
    pairs: int = 0
    supported_pairs: int = 0
    key_facts: int = 0
    covered: int = 0
    redundant: int = 0
    multi_outlet: int = 0
    multi_possible: int = 0  # sentences of stories told by at least two independent sources
    unsupported: list[str] = field(default_factory=list)

    def add(self, other: Figures) -> None:
        """Add another story's counts to these."""
        for name in ("sentences", "pairs", "supported_pairs", "key_facts", "covered"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.redundant += other.redundant
        self.multi_outlet += other.multi_outlet
        self.multi_possible += other.multi_possible
        self.unsupported += other.unsupported


def _claim_in(
    sentence: Mapping[str, Any], claim: Mapping[str, Any], texts: Mapping[str, str]
) -> bool:
    spans = {
        (c["article"], c["start"], c["end"])
        for c in claim.get("citations", [])
        if c.get("start") is not None
    }
    for p in sentence.get("passages", []):
        if p.get("start") is None:
            continue
        for art, start, end in spans:
            if art == p["article"] and start < p["end"] and p["start"] < end:
                return True
    value = float(claim["value"])
    if value not in numbers(sentence["text"]):
        return False
    topic = words(f"{claim.get('measure', '')} {claim.get('about', '')} {claim.get('counted', '')}")
    return not topic or bool(topic & words(sentence["text"]))


def measure_story(
    story: Mapping[str, Any], texts: Mapping[str, str], duplicate_of: Mapping[str, str | None]
) -> Figures:
    """The figures for one story of a stories.json document."""
    fig = Figures()
    summary = story.get("summary", [])
    spellings = _spellings(story)
    sources = {duplicate_of.get(a) or a for a in story.get("articles", [])}
    if len(sources) >= 2:
        fig.multi_possible = len(summary)
    fig.sentences = len(summary)
    for s in summary:
        cited = list(
            dict.fromkeys([p["article"] for p in s.get("passages", [])] + list(s["citations"]))
        )
        originals = {duplicate_of.get(a) or a for a in cited}
        fig.multi_outlet += len(originals) >= 2
        for a in cited:
            fig.pairs += 1
            if supported(s["text"], texts.get(a, ""), spellings):
                fig.supported_pairs += 1
            else:
                fig.unsupported.append(f"[{a}] {s['text'][:90]}")
    for claim in story.get("claims", []):
        independent = claim.get("independent") or len(
            {duplicate_of.get(a) or a for a in claim["articles"]}
        )
        if independent >= 2:
            fig.key_facts += 1
            fig.covered += any(_claim_in(s, claim, texts) for s in summary)
    for i, a in enumerate(summary):
        for b in summary[i + 1 :]:
            # Redundant: both sentences state the figure (a passage that also holds the
            # figure does not make a sentence about something else repeat it).
            same_claim = any(_states(a, c) and _states(b, c) for c in story.get("claims", []))
            wa, wb = words(a["text"]), words(b["text"])
            overlap = len(wa & wb) / max(1, min(len(wa), len(wb)))
            fig.redundant += same_claim or overlap >= 0.6
    return fig


def _spellings(story: Mapping[str, Any]) -> dict[str, list[str]]:
    """Per lower-cased name word, the spellings its entity goes by in the story."""
    out: dict[str, list[str]] = {}
    for e in story.get("entities", []):
        forms = [f.lower() for f in (e["name"], *e.get("variants", [])) if len(f) > 2]
        for form in forms:
            for word in re.findall(r"\w+", form):
                out.setdefault(word, []).extend(f for f in forms if word not in f.split())
    return out


def _states(sentence: Mapping[str, Any], claim: Mapping[str, Any]) -> bool:
    """Whether a sentence itself states a claim's value with a word of its topic."""
    if float(claim["value"]) not in numbers(sentence["text"]):
        return False
    topic = words(f"{claim.get('measure', '')} {claim.get('about', '')} {claim.get('counted', '')}")
    return not topic or bool(topic & words(sentence["text"]))


def measure(doc: Mapping[str, Any], texts: Mapping[str, str]) -> list[tuple[str, Figures]]:
    """Figures per story of a stories.json document."""
    dups = {a["id"]: a.get("duplicate_of") for a in doc.get("articles", [])}
    return [(s["title"], measure_story(s, texts, dups)) for s in doc.get("stories", [])]


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "    –"


def print_table(name: str, rows: Sequence[tuple[str, Figures]], verbose: bool = False) -> Figures:
    """Print one corpus's table and return its total."""
    total = Figures()
    print(f"\n{name}")
    heads = ("sents", 5), ("cite ok", 8), ("key facts", 10), ("covered", 8), ("redund", 6)
    print(f"{'story':48} " + " ".join(f"{h:>{w}}" for h, w in heads) + f" {'≥2 outlets':>10}")
    for title, fig in rows:
        total.add(fig)
        print(
            f"{title[:48]:48} {fig.sentences:5d} {_pct(fig.supported_pairs, fig.pairs):>8} "
            f"{fig.key_facts:10d} {_pct(fig.covered, fig.key_facts):>8} {fig.redundant:6d} "
            f"{_pct(fig.multi_outlet, fig.sentences):>10}"
        )
    print(
        f"{'TOTAL':48} {total.sentences:5d} {_pct(total.supported_pairs, total.pairs):>8} "
        f"{total.key_facts:10d} {_pct(total.covered, total.key_facts):>8} {total.redundant:6d} "
        f"{_pct(total.multi_outlet, total.sentences):>10}"
    )
    if verbose:
        for line in total.unsupported:
            print("  unsupported:", line)
    return total


def run_pipeline(
    inputs: Sequence[Path], out: Path | None = None
) -> tuple[dict[str, Any], dict[str, str]]:
    """Digest the inputs once; the stories.json document and the article texts."""
    from storyline.report import write_report
    from storyline.report.json import digest_to_dict

    with tempfile.TemporaryDirectory() as tmp:
        try:
            from storyline.api import digest as run_digest

            result = run_digest([str(p) for p in inputs], out_dir=None, db=Path(tmp) / "eval.db")
            built = result.digest if hasattr(result, "digest") else result
        except ImportError:
            built = _assemble_one_story(inputs)
    assert built is not None
    if out is not None:
        write_report(built, out)
    return digest_to_dict(built), {a.id: a.text for a in built.articles}


def _assemble_one_story(inputs: Sequence[Path]) -> Any:
    """Fallback while the API is being built: every input article in one story."""
    from storyline.analyze.pipeline import analyze_articles
    from storyline.ingest import iter_articles
    from storyline.model import Analyzed, Digest
    from storyline.story.assemble import assemble_story

    articles = list(iter_articles([str(p) for p in inputs]))
    items = [Analyzed(a, x) for batch in analyze_articles(articles, jobs=1) for a, x in batch]
    built = assemble_story("s1", "l1", items, {})
    return Digest(
        articles=tuple(i.article for i in built.items),
        analyses={i.article.id: i.analysis for i in built.items},
        stories=(built.story,),
    )


def meantime_jsonl(folder: Path, out: Path) -> Path:
    """One MEANTIME sub-corpus as storyline JSONL input (title = first line, date = DCT)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from cat import parse_date, read_folder

    with out.open("w", encoding="utf-8") as lines:
        for doc in read_folder(folder):
            title, _, body = doc.text.partition("\n")
            when = parse_date(doc.creation_time)
            record = {
                "id": doc.name,
                "title": title.strip(),
                "text": body.strip(),
                "published": when.isoformat() if when else None,
                "source": None,
            }
            lines.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


def _texts_from_jsonl(path: Path) -> dict[str, str]:
    texts: dict[str, str] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                texts[record["id"]] = record["text"]
    return texts


def _texts_from_db(path: Path) -> dict[str, str]:
    sys.path.insert(0, str(ROOT / "src"))
    from storyline.store import Store

    with Store(path) as store:
        return {a.id: a.text for a in store.articles()}


def main(argv: Iterable[str] | None = None) -> int:
    """Measure each input (or a digest output dir) and print the tables."""
    parser = argparse.ArgumentParser(description="Reference-free summary checks.")
    parser.add_argument("inputs", nargs="*", type=Path)
    parser.add_argument("--from-dir", type=Path, help="a digest output dir holding stories.json")
    parser.add_argument("--analyses", type=Path, help="storyline analyze JSONL with the texts")
    parser.add_argument("--db", type=Path, help="or the digest's database, holding the texts")
    parser.add_argument("--out", type=Path, help="also write each input's report under OUT/<name>")
    parser.add_argument(
        "--meantime",
        type=Path,
        nargs="?",
        const=MEANTIME,
        help="also measure each MEANTIME sub-corpus (default ../shared/corpora/meantime/...)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list unsupported citations")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.from_dir:
        if not args.analyses and not args.db:
            parser.error("--from-dir needs --analyses FILE.jsonl or --db DB for the article texts")
        doc = json.loads((args.from_dir / "stories.json").read_text(encoding="utf-8"))
        texts = _texts_from_jsonl(args.analyses) if args.analyses else _texts_from_db(args.db)
        print_table(str(args.from_dir), measure(doc, texts), args.verbose)
        return 0
    inputs = args.inputs or [p for p in DEFAULT_INPUTS if p.exists()]
    if args.meantime:
        if not args.meantime.exists():
            print(f"no MEANTIME corpus at {args.meantime}; skipped")
        else:
            tmp = Path(tempfile.mkdtemp(prefix="storyline-meantime-"))
            for sub in sorted(p for p in args.meantime.iterdir() if p.is_dir()):
                inputs.append(meantime_jsonl(sub, tmp / f"meantime-{sub.name}.jsonl"))
    if not inputs:
        print("no input found (examples/ or ../shared/seeds); nothing measured")
        return 0
    summary_rows: list[tuple[str, int, Figures]] = []
    for path in inputs:
        doc, texts = run_pipeline([path], args.out / path.name if args.out else None)
        rows = measure(doc, texts)
        summary_rows.append((path.stem, len(rows), print_table(str(path), rows, args.verbose)))
    print(
        "\n| input | stories | sentences | citation support | agreed key facts | covered "
        "| redundant pairs | ≥ 2 outlets | ≥ 2 outlets, multi-source stories |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, stories, t in summary_rows:
        print(
            f"| {name} | {stories} | {t.sentences} | {_pct(t.supported_pairs, t.pairs).strip()} "
            f"| {t.key_facts} | {_pct(t.covered, t.key_facts).strip()} | {t.redundant} "
            f"| {_pct(t.multi_outlet, t.sentences).strip()} "
            f"| {_pct(t.multi_outlet, t.multi_possible).strip()} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
