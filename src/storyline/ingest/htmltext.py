"""HTML fragments (feed entries) to plain text, one paragraph per block element.

Feed content is a fragment, not a page: trafilatura's page heuristics would throw
most of it away, so a plain block-aware converter is the right tool here.
"""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre"}
    | {"blockquote", "section", "article", "header", "footer", "figure", "figcaption"}
    | {"table", "tr", "dd", "dt"}
)
_SKIP = frozenset({"script", "style", "noscript", "template", "iframe", "svg"})


class _Collector(HTMLParser):
    """Collects text, breaking paragraphs at block elements and skipping scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._skipping = 0

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.paragraphs.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: paragraphs separated by a blank line."""
    collector = _Collector()
    collector.feed(fragment)
    collector.close()
    collector._flush()
    return "\n\n".join(collector.paragraphs)
