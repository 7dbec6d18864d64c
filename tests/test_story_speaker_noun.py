"""A name that only qualifies the noun that spoke ("Orvale police said") is not the
speaker on the story's page; a one-word name the tagger calls a place gets its kind
from how the reports use it (it speaks, it follows "her sister"); a common word that
only opens sentences or stands in a headline is no name."""

from __future__ import annotations

from storyline.model import Analyzed, Article, ArticleAnalysis, Mention, Quote, Span
from storyline.story.names import resolve_names
from storyline.story.quotes import group_quotes

SAID = "The bridge over the canal will stay shut until the spring thaw"


def _item(
    aid: str, text: str, names: list[tuple[str, str]], speaker: str | None, said: str = SAID
) -> Analyzed:
    """A report of ``text`` naming each (name, label) where it first occurs after the
    last, with one reported quote ``said`` credited to the mention of ``speaker``."""
    mentions = []
    pos = 0
    for name, label in names:
        start = text.index(name, pos)
        mentions.append(Mention(Span(start, start + len(name)), name, label, name))
        pos = start + len(name)
    at = next((m.span for m in mentions if m.text == speaker), None)
    q_start = text.index(said)
    quote = Quote(Span(q_start, q_start + len(said)), said, "indirect", speaker, at, "say")
    return Analyzed(
        Article(aid, text), ArticleAnalysis(aid, entities=tuple(mentions), quotes=(quote,))
    )


def _speaker(*items: Analyzed) -> str | None:
    return group_quotes(items, resolve_names(items))[0].speaker


def _labels(*items: Analyzed) -> dict[str, str]:
    return {e.name: e.label for e in resolve_names(items).entities()}


def test_a_town_before_its_police_is_not_the_speaker() -> None:
    text = f"{SAID}, Orvale police said on Sunday."
    assert _speaker(_item("a", text, [("Orvale", "GPE")], "Orvale")) == "Orvale police"


def test_a_town_before_its_prosecutors_office_is_not_the_speaker() -> None:
    text = f"{SAID}, according to the Orvale district attorney's office."
    item = _item("a", text, [("Orvale", "GPE")], "Orvale")
    assert _speaker(item) == "Orvale district attorney's office"


def test_the_officer_named_after_the_towns_police_is_the_speaker() -> None:
    text = f"{SAID}, according to Orvale police Sgt. Ada Lind."
    item = _item("a", text, [("Orvale", "GPE"), ("Ada Lind", "PERSON")], "Orvale")
    assert _speaker(item) == "Ada Lind"


def test_a_town_and_its_state_before_the_police() -> None:
    text = f"Orvale, Kest. police said {SAID}."
    item = _item("a", text, [("Orvale", "GPE"), ("Kest", "GPE")], "Orvale")
    assert _speaker(item) == "Orvale, Kest. police"


def test_a_person_after_a_verb_is_not_the_one_the_name_qualifies() -> None:
    # The firm's representative spoke; the person is what the representative confirmed.
    text = f"A Corvana representative confirmed Tam Rhee said {SAID}."
    item = _item("a", text, [("Corvana", "ORG"), ("Tam Rhee", "PERSON")], "Corvana")
    assert _speaker(item) == "Corvana"


def test_a_firm_that_speaks_itself_keeps_its_name() -> None:
    text = f"{SAID}, Corvana said."
    assert _speaker(_item("a", text, [("Corvana", "ORG")], "Corvana")) == "Corvana"


def test_a_one_word_name_that_speaks_and_is_no_ones_place_is_an_organisation() -> None:
    text = f"{SAID}, Velmaro said in a statement."
    items = [
        _item("a", text, [("Velmaro", "GPE")], "Velmaro"),
        _item("b", "Velmaro shares fell.", [("Velmaro", "GPE")], None, "shares fell"),
    ]
    assert _labels(*items)["Velmaro"] == "ORG"


def test_a_town_that_speaks_but_is_also_where_things_happen_stays_a_place() -> None:
    text = f"The fire began in Orvale before dawn. {SAID}, Orvale said."
    item = _item("a", text, [("Orvale", "GPE"), ("Orvale", "GPE")], "Orvale")
    assert _labels(item)["Orvale"] == "GPE"


def test_a_town_with_its_state_after_a_comma_stays_a_place() -> None:
    text = f"Orvale, Kest. said {SAID}."
    item = _item("a", text, [("Orvale", "GPE"), ("Kest", "GPE")], "Orvale")
    assert _labels(item)["Orvale"] == "GPE"


def test_a_one_word_name_after_her_sister_is_a_person() -> None:
    text = f"{SAID}, said her sister Corvina."
    assert _labels(_item("a", text, [("Corvina", "LOC")], "Corvina"))["Corvina"] == "PERSON"


def test_the_city_of_a_town_that_speaks_is_its_government() -> None:
    text = f"{SAID}, according to the City of Orvale."
    item = _item("a", text, [("City of Orvale", "GPE")], "City of Orvale")
    assert _labels(item)["City of Orvale"] == "ORG"


def test_a_towns_police_tagged_a_place_every_time_is_an_organisation() -> None:
    item = _item("a", f"Orvale Police said {SAID}.", [("Orvale Police", "GPE")], None)
    assert _labels(item)["Orvale Police"] == "ORG"


def test_a_towns_airport_tagged_a_place_stays_a_place() -> None:
    item = _item("a", f"Orvale Airport shut. {SAID}.", [("Orvale Airport", "GPE")], None)
    assert _labels(item)["Orvale Airport"] == "GPE"


def _plain(aid: str, text: str, names: list[tuple[str, str]]) -> Analyzed:
    return _item(aid, f"{text} {SAID}.", names, None)


def test_a_common_word_opening_a_sentence_is_no_name() -> None:
    # The tagger calls a capitalised "Flooding" a person; another report writes it plainly.
    items = [
        _plain("a", "Flooding closed the road. Ada Lind waited.", [("Flooding", "PERSON")]),
        _plain("b", "The flooding closed the road.", []),
    ]
    assert "Flooding" not in _labels(*items)


def test_a_common_word_in_a_headline_is_no_name() -> None:
    items = [
        _plain("a", "Singer Heads Into Detox After Tour\nShe left on Monday.", [("Detox", "ORG")]),
        _plain("b", "She went into detox.", []),
    ]
    assert "Detox" not in _labels(*items)


def test_a_one_word_name_inside_a_sentence_stays() -> None:
    items = [
        _plain("a", "The road shut, said Flooding.", [("Flooding", "PERSON")]),
        _plain("b", "The flooding closed the road.", []),
    ]
    assert "Flooding" in _labels(*items)


def test_a_one_word_name_never_written_in_lower_case_stays() -> None:
    items = [_plain("a", "Velmaro closed the road.", [("Velmaro", "ORG")])]
    assert "Velmaro" in _labels(*items)


def test_a_town_the_tagger_called_a_person_before_its_officers() -> None:
    # One report tags the town a person where it opens "… officers said"; the story's
    # other mentions set it where a town goes.
    items = [
        _item("a", f"Orvale officers said {SAID}.", [("Orvale", "PERSON")], "Orvale"),
        _item("b", f"It happened in Orvale. {SAID}.", [("Orvale", "PERSON")], None),
        _item("c", f"Ada Lind, of Orvale, saw it. {SAID}.", [("Orvale", "PERSON")], None),
    ]
    assert _labels(*items)["Orvale"] == "GPE"
    assert _speaker(*items) == "Orvale officers"


def test_a_town_is_not_short_for_its_police() -> None:
    items = [
        _item("a", f"Orvale Police said {SAID}.", [("Orvale Police", "ORG")], None),
        _item("b", f"It happened in Orvale. {SAID}.", [("Orvale", "GPE")], None),
    ]
    assert _labels(*items) == {"Orvale Police": "ORG", "Orvale": "GPE"}
