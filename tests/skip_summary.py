"""A pytest plugin: the run's last lines say which tests were skipped and why.

Skips for a missing ``../shared`` folder, browser or data set are normal on a
machine laid out differently, but they must never pass silently: after the
failures and before the final count, each reason is printed once with the number
of tests it skipped and the test files they are in.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest


def _reason(report: Any) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


@pytest.hookimpl(trylast=True)  # after every other summary: the run's last lines
def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    """Print each skip reason with the number of tests and the files it applies to."""
    del exitstatus, config
    skipped = terminalreporter.stats.get("skipped", [])
    if not skipped:
        return
    files: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for report in skipped:
        files[_reason(report)][report.nodeid.split("::")[0]] += 1
    terminalreporter.section("skipped tests: which and why", sep="-")
    for reason, where in sorted(files.items(), key=lambda kv: -sum(kv[1].values())):
        count = sum(where.values())
        listed = ", ".join(f"{name} ({n})" for name, n in sorted(where.items()))
        terminalreporter.write_line(f"{count} skipped: {reason} — in {listed}")
