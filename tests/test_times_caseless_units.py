"""Unit words the time rules match without regard to case, written with "ſ" or "ı"."""

from __future__ import annotations

from storyline.analyze.timex.norm import duration_value, unit_info


def test_unit_info_folds_the_long_s_and_the_dotless_i_as_the_rules_match_them() -> None:
    assert unit_info("ſeconds") == unit_info("seconds")
    assert unit_info("mınutes") == unit_info("minutes")


def test_duration_of_a_unit_spelt_with_a_long_s() -> None:
    assert duration_value(2, "ſeconds") == "PT2S"
    assert duration_value(3, "dayſ") == duration_value(3, "days")
