"""The one exception ingestion raises: an input that cannot be read as news text.

``InputError(path, reason)`` prints as a single line, ``path: reason``, so the CLI
can show it to the user as is, without a traceback. ``path`` names the file, and
for a member of a container it carries the line or record too (``feed.jsonl:7``).
"""

from __future__ import annotations


class InputError(Exception):
    """An input file, line or record that was skipped, and why."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # Picklable with both arguments, so errors cross process boundaries intact.
        return (InputError, (self.path, self.reason))
