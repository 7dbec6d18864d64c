"""The fuzz tests print how many inputs they tried, per family, at the end of the run."""

from __future__ import annotations

from typing import Any

from fuzz_inputs import TRIED


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """One line per family of inputs, and the total."""
    if not TRIED:
        return
    terminalreporter.section("fuzz: inputs tried", sep="-")
    for family, count in sorted(TRIED.items()):
        terminalreporter.write_line(f"{count:>7}  {family}")
    failed = [r for r in terminalreporter.stats.get("failed", []) if "/fuzz/" in r.nodeid]
    terminalreporter.write_line(
        f"{sum(TRIED.values()):>7}  in all; {len(failed)} fuzz test(s) found a problem"
    )
