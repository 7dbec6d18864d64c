"""A lead that tells only of the attacker's harm ("the gunman was killed by deputies")
gives no toll of the people he shot: the report's figures read its later sentences.
One who shot himself, or an attacker the only one harmed (the later sentences tell of
him again), is the toll: the lead stands."""

from __future__ import annotations

from dataclasses import replace

from figure_reports import claim, report

from storyline.analyze.numbers.victims import ANAPHORIC, SELF
from storyline.story.figures import report_figures


def _figures(*claims: object) -> dict[str, float]:
    a = report("a", "2025-05-01", *claims)  # type: ignore[arg-type]
    return {m: f.value for m, f in report_figures(a) if m in ("killed", "injured")}


def test_the_gunman_killed_in_the_lead_and_his_victims_later() -> None:
    gunman = replace(claim("killed", 1, 0), counted="gunman")
    guards = replace(claim("killed", 3, 350), counted="guards")
    assert _figures(gunman, guards)["killed"] == 3


def test_the_suspect_wounded_in_the_lead_and_the_clerks_later() -> None:
    suspect = replace(claim("injured", 1, 50), counted="suspect")
    hurt = replace(claim("injured", 2, 400), counted="clerks")
    assert _figures(suspect, hurt)["injured"] == 2


def test_one_who_shot_herself_keeps_to_the_lead() -> None:
    own = replace(claim("killed", 1, 0), counted=SELF)
    again = replace(claim("killed", 1, 400), counted="woman")
    assert _figures(own, again)["killed"] == 1


def test_a_lead_with_a_victim_keeps_to_the_lead() -> None:
    victim = replace(claim("killed", 1, 0), counted="woman")
    later = replace(claim("killed", 4, 400), counted="people")
    assert _figures(victim, later)["killed"] == 1


def test_the_gunman_the_only_one_harmed_keeps_to_the_lead() -> None:
    gunman = replace(claim("killed", 1, 0), counted="gunman")
    again = replace(claim("injured", 1, 400), counted=ANAPHORIC)
    no_one = replace(claim("injured", 0, 450), counted="people")
    assert _figures(gunman, again, no_one) == {"killed": 1}
