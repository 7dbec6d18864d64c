"""Fuzzing the readers: every hostile input becomes articles or one-line skips, never a crash.

Brief under ``make test`` (a fixed set of draws); ``make fuzz`` draws many more,
at random (``STORYLINE_FUZZ=long``). The number of inputs tried is printed at the
end of the run.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzz_inputs import FAMILIES, read_one
from hypothesis import given
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _test(family: str) -> object:
    @given(item=FAMILIES[family]())
    def run(folder: Path, item: tuple[str, bytes]) -> None:
        read_one(folder, family, *item)

    return run


test_fuzz_random_bytes = _test("random bytes")
test_fuzz_truncations = _test("truncations")
test_fuzz_mixed_encodings = _test("mixed encodings")
test_fuzz_deep_or_huge_markup = _test("deep or huge markup")
test_fuzz_json_wrong_types = _test("JSON with wrong types")
test_fuzz_hostile_feeds = _test("hostile feeds")
test_fuzz_warc_bad_lengths = _test("WARC with bad lengths")


@given(st.data())
def test_fuzz_valid_samples_still_read(folder: Path, data: st.DataObject) -> None:
    from fuzz_inputs import VALID

    name, payload = data.draw(st.sampled_from(VALID))
    assert read_one(folder, "valid samples", name, payload)  # the harness can see articles
