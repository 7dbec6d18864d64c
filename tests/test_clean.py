"""Page debris is found line by line, and real sentences are left alone."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from storyline.analyze.clean import find_boilerplate, mask_text
from storyline.ingest import iter_articles
from storyline.ingest.dates import stated_date
from storyline.model import Boilerplate, Span

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _kinds(text: str, title: str | None = None) -> dict[str, str]:
    """Marked line text -> kind."""
    return {text[b.span.start : b.span.end]: b.kind for b in find_boilerplate(text, title)}


def _marked(line: str) -> str | None:
    """The kind given to ``line`` when it stands between two paragraphs of prose."""
    text = f"The council met on Monday.\n\n{line}\n\nThe vote was close, officials said.\n"
    return _kinds(text).get(line)


# --- debris that must be found -------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Rescuers search the rubble in Osten on Sunday (Mara Lind/AP)", "caption"),
        ("The mayor visits the flooded quarter (Ivo Sand/Pool via AP)", "caption"),
        ("Smoke rises over the harbour (AFP via Getty Images)", "caption"),
        ("Volunteers fill sandbags in Velmar (Photo by Kai Ott/Getty Images)", "caption"),
        ("A lorry stuck in the flood. Photo: Valley Post", "caption"),
        ("Photograph: Ines Roth/Harbour Notes", "credit"),
        ("Image: Velmar water board", "credit"),
        ("Firefighters at the depot on Tuesday. REUTERS/Tomas Hejl", "caption"),
        ("(Dana Ilves/Northwire)", "credit"),
        ("Getty Images", "credit"),
        ("Also read: Ferry fares to rise in spring", "related-link"),
        ("Read more: Why the dam was built", "related-link"),
        ("More - Velmar flood maps", "related-link"),
        ("READ MORE: Osten bridge to stay shut", "related-link"),
        ("Related: Flood maps of the valley", "related-link"),
        ("Watch: Drone footage of the flood", "related-link"),
        ("Sign up for our morning briefing", "related-link"),
        ("Agencies via Northwire", "footer"),
        ("Staff and agencies", "footer"),
        ("(Reporting by Tomas Hejl; Editing by Anna Sorensen)", "footer"),
        ("Additional reporting by Ines Roth in Osten", "footer"),
        ("© 2025 Valley Post. All rights reserved.", "footer"),
        ("Copyright 2025 Harbour Notes", "footer"),
        ("Follow us on X and Facebook", "footer"),
        ("By Olga Brenner", "byline"),
        ("By Olga Brenner and Kai Ott, Riverside Herald", "byline"),
        ("By Northwire staff", "byline"),
        ("Updated 10:32 GMT", "byline"),
        ("Published 11 March 2025", "byline"),
        ("11 March 2025, 10:32 GMT", "dateline"),
        ("VELMAR, March 11 (Northwire) -", "dateline"),
        ("Share", "navigation"),
        ("Advertisement", "navigation"),
        ("Skip to content", "navigation"),
        ("Share on Facebook Share on X", "navigation"),
        ("Story continues below advertisement", "navigation"),
        ("Questions over the dam", "subheading"),
        ("Media caption, The flood reached the main square", "caption"),
        ("— Olga Brenner (@obrenner) March 11, 2025", "credit"),
        ("https://valley.example/flood-maps", "related-link"),
        ("Advertisement - Scroll to continue", "navigation"),
        ("Contact the author at olga@valley.example", "footer"),
    ],
)
def test_clean_marks_debris_line(line: str, kind: str) -> None:
    assert _marked(line) == kind


# --- sentences that must stay --------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "The mayor told AP that the dam would hold.",
        "Two people died, the agency said (citing AP).",
        "Related developments in the valley worried farmers, who met on Tuesday.",
        "Read the full report and you will see the risk, the engineer said.",
        "By Monday, the water had fallen by a metre.",
        "By contrast, the northern villages stayed dry.",
        "Photographers were kept away from the site by police.",
        "VELMAR, March 11 (Northwire) - Engineers opened two gates of the dam on Tuesday.",
        "Share prices of the utility fell 4 per cent after the announcement.",
        "Agencies in the region said they were stretched, and asked for help.",
        "Reuters could not verify the figures independently.",
        "“We will rebuild every house,” she said.",
        "Follow-up inspections are planned for next week.",
        "Watch teams patrolled the dikes all night.",
        "Updated figures released on Tuesday showed 14 people injured.",
        "More-than-expected rain fell on Monday, forecasters said.",
        "Latest-generation pumps were brought in from Osten.",
        "Officials said on Monday that the flood rules and exemptions would change (and/or lapse)",
        "Rail traffic between Velmar and the coast was suspended on Tuesday.",
        "Advertisements for the new ferry ran in every paper, the operator said.",
        "Contact with the stranded villages was lost on Monday night.",
    ],
)
def test_clean_keeps_sentence(line: str) -> None:
    assert _marked(line) is None


def test_clean_headline_from_title_and_repeated() -> None:
    head = "Dam holds as river peaks"
    text = f"{head}\n\nThe river peaked on Monday.\n\n{head}\n\nIt fell.\n"
    spans = find_boilerplate(text, "Dam holds as river peaks")
    assert [b.kind for b in spans] == ["headline", "headline"]


def test_clean_headline_guessed_without_title() -> None:
    kinds = _kinds("Dam holds as river peaks\n\nThe river peaked on Monday, officials said.\n")
    assert kinds == {"Dam holds as river peaks": "headline"}


def test_clean_sentence_first_line_is_not_a_headline() -> None:
    text = "The river peaked on Monday, officials said.\nThe dam held.\n"
    assert find_boilerplate(text) == ()


def test_clean_subheading_needs_prose_around_it() -> None:
    text = (
        "The river peaked on Monday.\n\nQuestions over the dam\n\nEngineers said it held.\n\n"
        "Last words of the report\n"
    )
    assert _kinds(text) == {"Questions over the dam": "subheading"}


def test_clean_hard_wrapped_text_has_no_false_subheadings() -> None:
    text = (
        "Engineers opened two gates of the Velmar dam\n"
        "on Tuesday night as the river rose.\n\n"
        "The regional water board said about 300 people\n"
        "Living downstream had been moved.\n\n"
        "Volunteers fill sandbags on the quay in Velmar\n"
        "on Tuesday (Kai Ott/Valley Post)\n\n"
        "Forecasters expect the rain to ease by the\n"
        "weekend, the board said.\n"
    )
    spans = find_boilerplate(text)
    assert [b.kind for b in spans] == ["caption"]
    caption = text[spans[0].span.start : spans[0].span.end]
    assert caption.startswith("Volunteers") and caption.endswith("Post)")


def test_clean_spans_sorted_disjoint_and_whole_lines() -> None:
    text = (EXAMPLES / "krasnobir-line-reopens.txt").read_text(encoding="utf-8")
    spans = find_boilerplate(text)
    assert spans
    for before, after in itertools.pairwise(spans):
        assert before.span.end <= after.span.start
    for item in spans:
        assert item.span.start == 0 or text[item.span.start - 1] == "\n"
        assert text[item.span.end : item.span.end + 1] in ("", "\n")


def test_clean_mask_keeps_length_and_newlines() -> None:
    text = "Headline here\n\nBody text.\n(Name/AP)\nMore.\n"
    spans = (Boilerplate(Span(0, 13), "headline"), Boilerplate(Span(26, 35), "credit"))
    masked = mask_text(text, spans)
    assert len(masked) == len(text)
    assert masked == " " * 13 + "\n\nBody text.\n" + " " * 9 + "\nMore.\n"
    assert mask_text(text, ()) == text
    assert mask_text("a\nb", (Boilerplate(Span(0, 3), "footer"),)) == " \n "


# --- the sample corpus answer key ----------------------------------------------------------

EXPECTED = {
    "northwire-krasnobir-derailment.txt": {"headline": 1, "footer": 1},
    "halven-post-krasnobir.txt": {"headline": 1, "byline": 1, "related-link": 1, "footer": 1},
    "coastal-courier-krasnobir.txt": {
        "headline": 1,
        "caption": 1,
        "subheading": 1,
        "related-link": 1,
        "footer": 1,
    },
    "krasnobir-line-reopens.txt": {
        "headline": 1,
        "byline": 1,
        "navigation": 2,
        "subheading": 2,
        "related-link": 1,
    },
    "corvana-profit-warning.txt": {"headline": 1, "related-link": 2, "caption": 1},
    "lindholm-tram-collision.txt": {"headline": 1, "footer": 1},
    "meridian-ledger-krasnobir.html": {"subheading": 1, "headline": 1},
    # a member of broadcasts.jsonl, keyed by its id: its first line repeats its title
    "radio-krasnobir-0312-mourning": {"headline": 1},
}


def test_clean_examples_answer_key() -> None:
    seen: set[str] = set()
    for article in iter_articles([EXAMPLES]):
        name = Path((article.path or "").split("::")[0]).name
        counts: dict[str, int] = {}
        for item in find_boilerplate(article.text, article.title):
            counts[item.kind] = counts.get(item.kind, 0) + 1
        key = article.id if article.id in EXPECTED else name
        seen.add(key)
        assert counts == EXPECTED.get(key, {}), key  # every example is in the key, none exempt
    assert set(EXPECTED) <= seen


# --- the seeds (read at run time, never copied) --------------------------------------------


def test_clean_seeds_debris_marked_and_sentences_kept(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = find_boilerplate(text)
        marked = [text[b.span.start : b.span.end] for b in spans]
        for line in text.split("\n"):
            line = line.strip()
            is_caption = line.endswith(("/AP)", "via AP)")) and len(line) < 200
            if is_caption or line.startswith(("Also read", "Agencies via")):
                assert line in marked, (path.name, line)
        for item in spans:
            covered = text[item.span.start : item.span.end]
            assert "killing" not in covered, (path.name, covered)
        masked = mask_text(text, spans)
        assert len(masked) == len(text) and masked.count("\n") == text.count("\n")


# --- the date a report states --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dam holds\n\nPublished: 11 March 2025\n\nThe dam held on Monday.\n", "2025-03-11"),
        ("Dam holds\n\nMarch 11, 2025\n\nThe dam held on Monday.\n", "2025-03-11"),
        (
            "Dam holds\n\nUpdated 12 March 2025 10:32 GMT\n\nPosted on March 11th, 2025\n\n"
            "The dam held on Monday.\n",
            "2025-03-11",
        ),
        ("Dam holds\n\nUpdated 10:32 GMT\n\nThe dam held on Monday, 11 March 2025.\n", None),
        ("The dam held on 11 March 2025, officials said.\n", None),
        ("Dam holds\n\nFebruary 30, 2025\n\nThe dam held.\n", None),
    ],
)
def test_clean_stated_date(text: str, expected: str | None) -> None:
    assert stated_date(text, find_boilerplate(text)) == expected


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Dana Holt can be reached at 555-0100 or dholt@example.com.", "footer"),
        (
            "Andy Kern is the Courier public safety reporter. He can be reached at 555-0101.",
            "footer",
        ),
        ("Get email notifications on Dana Holt daily!", "navigation"),
        ("Your notification has been saved.", "navigation"),
        ("Shots on Elm. pic.twitter.com/AbC123 — Dana Holt (@danaholt) August 12, 2016", "credit"),
    ],
)
def test_clean_local_news_reporter_lines_widgets_and_embedded_posts(line: str, kind: str) -> None:
    assert _marked(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Officer Dana Holt can be reached by residents through the tip line, the chief said.",
        "The reporter who filmed the arrest said she was pushed.",
    ],
)
def test_clean_local_news_sentences_about_people_stay(line: str) -> None:
    assert _marked(line) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("(Published Monday, March 10, 2025)", "byline"),
        ("(Updated 11 March 2025)", "byline"),
    ],
)
def test_clean_stamps_in_brackets(line: str, kind: str) -> None:
    assert _marked(line) == kind


def test_clean_a_stamp_closing_a_line_of_text_is_marked_alone() -> None:
    line = "Two ferries collided off Velmar. Dana Holt reports. (Published Monday, March 10, 2025)"
    text = f"The council met on Monday.\n\n{line}\n\nThe vote was close.\n"
    assert _kinds(text) == {"(Published Monday, March 10, 2025)": "byline"}
    assert stated_date(text, find_boilerplate(text)) == "2025-03-10"
    ago = "Crews cleared the rubble in Osten. (Published 19 minutes ago)"
    assert _kinds(f"The council met.\n\n{ago}\n") == {"(Published 19 minutes ago)": "byline"}


@pytest.mark.parametrize(
    "line",
    [
        "The mayor said the report was published on Monday (and read by few).",
        "The report (published Monday, March 10) found 14 faults in the dam.",
    ],
)
def test_clean_published_in_a_sentence_stays(line: str) -> None:
    assert _marked(line) is None


def test_clean_video_playlist_lines_are_links_and_clock_times_stay() -> None:
    playlist = [
        "1:35 Harbour crane toppled by the storm Pause",
        "0:42 VIDEO: How the Velmar dam was built",
        "2:10 Ferry passengers describe the collision",
    ]
    text = "The council met on Monday.\n\n" + "\n\n".join(playlist) + "\n\nThe vote was close.\n"
    assert all(_kinds(text).get(line) == "related-link" for line in playlist)
    # a lone clip line, a live blog's entries (sentences) and clock times stay text
    kept = [
        "10:32 Engineers opened two gates of the dam, the board said.",
        "10:45 The water fell by a metre within the hour.",
        "6:30 p.m. Crews reached the village",
        "6:45 p.m. The road reopened",
    ]
    text = "The council met on Monday.\n\n" + "\n\n".join(kept) + "\n\nThe vote was close.\n"
    assert not set(kept) & set(_kinds(text))


def test_clean_a_headline_run_into_its_stamps_is_a_byline() -> None:
    line = (
        "Ferry runs aground off Osten, crew safe Posted: Monday, May 4, 2015 9:12 AM EDT "
        "Updated: Monday, May 4, 2015 10:02 AM EDT"
    )
    assert _marked(line) == "byline"
    assert _marked("Ferry runs aground off Osten Published: 4 May 2015") == "byline"
    # a sentence that ends before the label, or a label followed by words, is text
    assert _marked("The ferry ran aground. Posted: Monday, May 4, 2015") != "byline"
    assert _marked("The notice was Posted: on the door of the harbour office in Osten") is None
