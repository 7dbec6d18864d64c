"""Publication dates are normalised to ISO."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from storyline.ingest.dates import normalise_date


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2025-03-11", "2025-03-11"),
        ("2025-03-11T08:15:00Z", "2025-03-11T08:15:00+00:00"),
        ("2025-03-11T08:15:00.123+02:00", "2025-03-11T08:15:00+02:00"),
        ("Thu, 13 Mar 2025 16:40:00 +0100", "2025-03-13T16:40:00+01:00"),
        ("11 March 2025", "2025-03-11"),
        ("March 11, 2025", "2025-03-11"),
        (" 2025/03/11 ", "2025-03-11"),
        ("yesterday", None),
        ("March", None),
        ("2025-13-45", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_date_strings(raw: str | None, iso: str | None) -> None:
    assert normalise_date(raw) == iso


def test_normalise_date_objects() -> None:
    assert normalise_date(date(2025, 3, 11)) == "2025-03-11"
    assert normalise_date(datetime(2025, 3, 11, 8, 15)) == "2025-03-11T08:15:00"
    assert (
        normalise_date(time.strptime("2025-03-11 08:15", "%Y-%m-%d %H:%M")) == "2025-03-11T08:15:00"
    )
