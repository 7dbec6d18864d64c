"""JSON encoding of the records in :mod:`storyline.model`, for the store.

Records are rebuilt from their type hints, so adding a field with a default keeps
old rows readable.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")


def to_plain(obj: object) -> Any:
    """Turn a record (or tuple/dict of them) into JSON-ready data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [to_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_plain(v) for k, v in obj.items()}
    return obj


def dumps(obj: object) -> str:
    """Serialise a record to compact JSON."""
    return json.dumps(to_plain(obj), ensure_ascii=False, separators=(",", ":"))


def loads(cls: type[T], raw: str) -> T:
    """Rebuild a record of type ``cls`` from :func:`dumps` output."""
    value: T = from_plain(cls, json.loads(raw))
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def from_plain(tp: Any, data: Any) -> Any:
    """Rebuild a value of type ``tp`` from JSON-ready data."""
    if data is None:
        return None
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        return from_plain(args[0], data) if len(args) == 1 else data
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = _hints(tp)
        kwargs = {
            f.name: from_plain(hints[f.name], data[f.name])
            for f in dataclasses.fields(tp)
            if f.name in data
        }
        return tp(**kwargs)
    if origin is tuple:
        targs = get_args(tp)
        if len(targs) == 2 and targs[1] is Ellipsis:
            return tuple(from_plain(targs[0], x) for x in data)
        return tuple(from_plain(a, x) for a, x in zip(targs, data, strict=False))
    if origin is dict:
        _, value_type = get_args(tp)
        return {k: from_plain(value_type, v) for k, v in data.items()}
    if tp is float and isinstance(data, int):
        return float(data)
    if tp is typing.Any or tp is object:
        return data
    return data
