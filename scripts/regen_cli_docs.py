"""Write the current `--help` text of every command into docs/cli.md.

    .venv/bin/python scripts/regen_cli_docs.py

The blocks sit between `<!-- help:NAME -->` and `<!-- /help:NAME -->` markers;
tests/test_docs.py fails when they drift from the code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from click.testing import CliRunner  # noqa: E402

from storyline.cli import main  # noqa: E402

DOC = ROOT / "docs" / "cli.md"
COMMANDS = ("", "digest", "analyze", "serve", "token", "watch", "fetch")


def help_text(command: str) -> str:
    """The `--help` output of one command (the group itself for "")."""
    args = [command, "--help"] if command else ["--help"]
    result = CliRunner().invoke(main, args, prog_name="storyline", terminal_width=88)
    return result.output.rstrip() + "\n"


def marker(command: str) -> str:
    """The marker name of a command's help block."""
    return command or "storyline"


def render(doc: str) -> str:
    """The doc with every help block replaced by the current help text."""
    for command in COMMANDS:
        name = marker(command)
        block = f"<!-- help:{name} -->\n```text\n{help_text(command)}```\n<!-- /help:{name} -->"
        pattern = re.compile(rf"<!-- help:{name} -->.*?<!-- /help:{name} -->", re.S)
        doc = pattern.sub(lambda _m, b=block: b, doc)
    return doc


if __name__ == "__main__":
    DOC.write_text(render(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"updated {DOC.relative_to(ROOT)}")
