"""eval/ecb_inputs.py: a tokenised web address opening a document goes to the manifest."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

from ecb_inputs import split_address


def test_split_address_takes_the_tokenised_address_off_the_text() -> None:
    text = "http: / / www. velm. example / news / dam. html\nDam opens\nMay 3, 2031\nIt opened."
    url, host, rest = split_address(text)
    assert url == "http://www.velm.example/news/dam.html"
    assert host == "velm.example"
    assert rest == "Dam opens\nMay 3, 2031\nIt opened."


def test_split_address_leaves_a_text_without_one() -> None:
    assert split_address("The dam opened.\nIt rained.") == ("", "", "The dam opened.\nIt rained.")
