"""Bytes to text, ids and hashes: the helpers every reader shares.

Decoding tries UTF-8 (with or without BOM), UTF-16 with a BOM, and only then
cp1252, and only when the result looks like prose: a legacy-encoded article is
common, a binary file that happens to decode as cp1252 is not news.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

#: Texts (and plain-text files) longer than this are refused: no news report is 5 MB.
MAX_TEXT_BYTES = 5_000_000

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (e.g. a .docx or .epub)"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media file"),
    (b"\xd0\xcf\x11\xe0", "Microsoft Office document"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
)

_BINARY = "binary file (not text, HTML, feed or WARC)"
_WS = re.compile(r"\s+")


class DecodeError(ValueError):
    """Bytes that are not text in any encoding we accept; the message is the reason."""


def binary_kind(data: bytes) -> str | None:
    """A reason string when ``data`` is evidently binary (magic number or NUL bytes), else None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return f"binary file ({name}; not text, HTML, feed or WARC)"
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 text is full of NUL bytes
    if b"\x00" in head:
        return _BINARY
    return None


def _few_controls(text: str) -> bool:
    """Whether decoded text has almost no control characters (binary data has many)."""
    sample = text[:20000]
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f")
    return controls <= len(sample) * 0.01


_LEGACY_PUNCT = frozenset("’‘“”–—«»°£€©®·…•§¶¿¡")


def _plausible_legacy(text: str) -> bool:
    """Whether cp1252-decoded text reads as prose: its non-ASCII characters are mostly letters."""
    sample = text[:20000]
    high = [c for c in sample if ord(c) > 0x7F]
    if len(high) > len(sample) * 0.3:
        return False
    wordish = sum(1 for c in high if c.isalpha() or c in _LEGACY_PUNCT)
    return wordish >= len(high) * 0.8


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode file bytes to text or raise DecodeError.

    Tried in order: a BOM (UTF-8, UTF-16), UTF-8, the ``declared`` charset (from an
    HTML meta tag or HTTP header), then cp1252 when the result reads as prose.
    """
    reason = binary_kind(data)
    if reason:
        raise DecodeError(reason)
    if data.startswith(b"\xef\xbb\xbf"):
        candidates: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8", *_known_codec(declared), "cp1252")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "cp1252" and not _plausible_legacy(text):
            break
        if not _few_controls(text):
            raise DecodeError(_BINARY)
        return text
    raise DecodeError(_undecodable(data))


def _known_codec(name: str | None) -> tuple[str, ...]:
    """``(name,)`` when Python knows the codec and it is a single-byte or CJK text codec."""
    if not name:
        return ()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return ()
    return () if codec in ("utf-8", "cp1252") else (codec,)


def _undecodable(data: bytes) -> str:
    """The reason for bytes that are neither UTF-8 nor plausible cp1252 text."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return (
            f"cannot decode text: not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}) nor readable cp1252; re-save the file as UTF-8"
        )
    return _BINARY


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR line endings into ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def normalised_for_hash(text: str) -> str:
    """The text with runs of whitespace collapsed to one space, stripped: what ids are made of."""
    return _WS.sub(" ", text).strip()


def content_hash(text: str) -> str:
    """sha256 hex digest of the whitespace-normalised text."""
    return hashlib.sha256(normalised_for_hash(text).encode("utf-8")).hexdigest()


def article_id(text: str) -> str:
    """A stable article id: the first 16 hex digits of :func:`content_hash`."""
    return content_hash(text)[:16]


def headline_of(text: str) -> str | None:
    """The first line of ``text`` when it reads as a headline (short, no final stop), else None."""
    lines = text.lstrip("\n").split("\n", 1)
    first = lines[0].strip()
    rest = lines[1].strip() if len(lines) > 1 else ""
    if not first or not rest:
        return None  # a one-line file is a text, not a headline
    words = first.split()
    if not 2 <= len(words) <= 25 or len(first) > 160:
        return None
    if first[-1] in ".,;:…" or first.endswith(("-", "—")):
        return None
    if not any(c.isupper() for c in first):
        return None
    return first
