"""The CAT XML reader of eval/ and the MEANTIME scorer's matching (fictional data)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

from cat import parse_date, read_cat
from times import match

CAT = """<?xml version="1.0" ?><Document doc_id="7" doc_name="7_Ferry" lang="en">
<token number="0" sentence="0" t_id="1">Ferry</token>
<token number="1" sentence="0" t_id="2">sinks</token>
<token number="2" sentence="1" t_id="3">March</token>
<token number="3" sentence="1" t_id="4">4</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2031</token>
<token number="6" sentence="2" t_id="7">It</token>
<token number="7" sentence="2" t_id="8">sank</token>
<token number="8" sentence="2" t_id="9">(</token>
<token number="9" sentence="2" t_id="10">Tuesday</token>
<token number="10" sentence="2" t_id="11">)</token>
<token number="11" sentence="2" t_id="12">.</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2031-03-04">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2031-03-04">
<token_anchor t_id="10"/>
</TIMEX3>
<EVENT m_id="3" class="OCCURRENCE"/>
</Markables>
<Relations>
<REFERS_TO r_id="9"><source m_id="2"/><target m_id="3"/></REFERS_TO>
</Relations>
</Document>
"""


def test_times_cat_reader_rebuilds_text_and_spans(tmp_path: Path) -> None:
    path = tmp_path / "7_Ferry.xml"
    path.write_text(CAT, encoding="utf-8")
    doc = read_cat(path)
    assert doc.text == "Ferry sinks\nMarch 4, 2031\nIt sank (Tuesday)."
    assert doc.creation_time == "2031-03-04"
    dct, tuesday = doc.by_tag("TIMEX3")
    assert doc.text[dct.start or 0 : dct.end or 0] == "March 4, 2031"
    assert doc.text[tuesday.start or 0 : tuesday.end or 0] == "Tuesday"
    (event,) = doc.by_tag("EVENT")
    assert event.start is None and event.tokens == ()
    (rel,) = doc.relations
    assert (rel.tag, rel.sources, rel.targets) == ("REFERS_TO", ("2",), ("3",))
    assert [t.text for t in doc.sentence_tokens(1)] == ["March", "4", ",", "2031"]


def test_times_cat_parse_date_forms() -> None:
    assert str(parse_date("2031-03-04")) == "2031-03-04"
    assert str(parse_date("04-03-2031")) == "2031-03-04"
    assert parse_date("soon") is None


def test_times_scorer_matches_one_to_one_by_overlap() -> None:
    gold = [(0, 10, "2031-03-04"), (20, 27, "P2D")]
    system = [(0, 10, "2031-03-04"), (3, 9, "2031-03"), (40, 45, "PRESENT_REF")]
    counts = match(gold, system)
    assert (counts.gold, counts.system, counts.span, counts.value) == (2, 3, 1, 1)
