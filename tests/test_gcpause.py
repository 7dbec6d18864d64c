"""The digest's garbage-collector setting: raised for the block, restored after."""

from __future__ import annotations

import gc

import pytest

from storyline.gcpause import YOUNG_THRESHOLD, fewer_collections


def test_gcpause_raises_the_young_threshold_and_restores_it() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        inside = gc.get_threshold()
    assert inside == (max(YOUNG_THRESHOLD, before[0]), *before[1:])
    assert gc.get_threshold() == before


def test_gcpause_restores_after_an_error_and_never_lowers() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections(young=1):
        assert gc.get_threshold() == before  # a lower number is not taken
        raise RuntimeError
    assert gc.get_threshold() == before
