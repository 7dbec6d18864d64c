"""Indented JSON, byte for byte as ``json.dumps(..., ensure_ascii=False, sort_keys=True,
indent=1)`` writes it, without the standard library's pure-Python encoder.

Python 3.11's C encoder is used only when nothing is indented; the indented encoder
is a tower of generators, one per level, each chunk passed up through every level
above it. :func:`dumps_indented` writes the same text into one list: strings through
the C string encoder the standard library uses, numbers as it spells them. A value it
does not handle exactly as the standard library does (a key that is not a string, a
subclass of a JSON type, a value JSON cannot hold) is handed to ``json.dumps``, which
then writes (or rejects) the whole document as before.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

__all__ = ["dumps_indented"]


class _Unusual(Exception):
    """A value this module leaves to ``json.dumps``."""


def dumps_indented(document: Any, level: int = 0) -> str:
    """``json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1)``, every line
    after the first indented by ``level`` more spaces (as if the document sat ``level``
    levels deep)."""
    out: list[str] = []
    try:
        _write(document, "\n" + " " * level, out)
    except _Unusual:
        text = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1)
        return text.replace("\n", "\n" + " " * level) if level else text
    return "".join(out)


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)


def _write(value: Any, newline: str, out: list[str]) -> None:
    """Append ``value`` written at the indent that ``newline`` ends with."""
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float:
        out.append(_float(value))
    elif kind is dict:
        _write_dict(value, newline, out)
    elif kind is list or kind is tuple:
        _write_list(value, newline, out)
    else:
        raise _Unusual


def _write_dict(value: dict[Any, Any], newline: str, out: list[str]) -> None:
    if not value:
        out.append("{}")
        return
    inner = newline + " "
    append = out.append
    append("{")
    separator = inner
    keys = list(value)
    for key in keys:
        if type(key) is not str:
            raise _Unusual
    for key in sorted(keys):
        append(separator)
        append(encode_basestring(key))
        append(": ")
        item = value[key]
        kind = type(item)
        if kind is str:
            append(encode_basestring(item))
        elif kind is int:
            append(int.__repr__(item))
        elif item is None:
            append("null")
        else:
            _write(item, inner, out)
        separator = "," + inner
    append(newline + "}")


def _write_list(value: list[Any] | tuple[Any, ...], newline: str, out: list[str]) -> None:
    if not value:
        out.append("[]")
        return
    inner = newline + " "
    append = out.append
    append("[")
    separator = inner
    for item in value:
        append(separator)
        kind = type(item)
        if kind is str:
            append(encode_basestring(item))
        elif kind is int:
            append(int.__repr__(item))
        else:
            _write(item, inner, out)
        separator = "," + inner
    append(newline + "]")
