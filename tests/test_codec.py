"""The record codec: per-type decoders built once, the same values as the type hints say."""

from __future__ import annotations

import json
from dataclasses import dataclass

from storyline.model import (
    Citation,
    Claim,
    EventLine,
    Span,
    Story,
    TimelineEntry,
)
from storyline.store import codec
from storyline.store.codec import decoder, dumps, from_plain, loads, to_plain


@dataclass(frozen=True, slots=True)
class Node:
    """A record that contains records of its own type."""

    name: str
    children: tuple[Node, ...] = ()
    weights: dict[str, float] | None = None


def _claim(value: float) -> Claim:
    return Claim(Span(0, 3), "killed", value, "exact", "people", None, None, Span(0, 9))


def test_codec_rebuilds_nested_tuples_and_optional_records() -> None:
    entry = TimelineEntry(
        date="2025-05-17",
        granularity="day",
        text="A fire broke out.",
        articles=("a", "b"),
        citations=(Citation("a", Span(1, 4)), Citation("b")),
        disputed_dates=(("2025-05-16", ("b",)), ("2025-05-18", ("c", "d"))),
    )
    back = loads(TimelineEntry, dumps(entry))
    assert back == entry
    assert back.citations[1].span is None
    assert isinstance(back.disputed_dates[1][1], tuple)


def test_codec_fixed_tuple_and_missing_optional() -> None:
    line = EventLine(Span(0, 4), "On Monday a fire.", "break", 3, True, ("a fire", "Fire"))
    assert loads(EventLine, dumps(line)) == line
    plain = to_plain(line)
    del plain["named"]  # a row written before the field existed
    assert from_plain(EventLine, plain).named is None


def test_codec_whole_numbers_come_back_as_floats() -> None:
    plain = json.loads(dumps(_claim(3.0)))
    assert plain["value"] == 3
    back = from_plain(Claim, {**plain, "value": 3})
    assert isinstance(back.value, float)
    assert back == _claim(3.0)


def test_codec_ignores_unknown_keys_and_keeps_defaults() -> None:
    plain = {"name": "root", "later_field": [1, 2]}
    assert from_plain(Node, plain) == Node("root")


def test_codec_self_referencing_record_and_dict_values() -> None:
    tree = Node("a", (Node("b", (Node("c"),)), Node("d", weights={"x": 1.0})))
    raw = dumps(tree)
    assert from_plain(Node, json.loads(raw.replace("1.0", "1"))) == tree
    assert isinstance(loads(Node, raw).children[1].weights["x"], float)  # type: ignore[index]


def test_codec_decoder_is_built_once_per_type() -> None:
    assert decoder(Story) is decoder(Story)
    assert decoder(str) is None  # the JSON value is the value
    assert decoder(tuple[str, ...]) is tuple


def test_codec_loads_keeps_recent_records_and_forgets_old_ones() -> None:
    raw = dumps(_claim(2.0))
    first = loads(Claim, raw)
    assert loads(Claim, raw) is first  # read again: the kept record
    for n in range(codec.CACHE_SIZE + 1):
        loads(Claim, dumps(_claim(float(n + 10))))
    again = loads(Claim, raw)
    assert again == first
    assert again is not first  # evicted, rebuilt
