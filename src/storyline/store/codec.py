"""JSON encoding of the records in :mod:`storyline.model`, for the store.

Records are rebuilt from their type hints, so adding a field with a default keeps
old rows readable.

The type hints are read once per type: each type gets a decoder (a closure that
knows its fields and their decoders), so decoding a record is a few dict look-ups
and one constructor call per nested record rather than a walk of ``typing``
introspection for every value. Encoding likewise keeps each record class's field
names. A digest reads the same analyses several times (near-duplicates, placement,
assembly), so :func:`loads` also keeps the last records it rebuilt, keyed by their
JSON text: records are frozen, and an equal text rebuilds an equal record.
"""

from __future__ import annotations

import dataclasses
import json
import threading
import types
import typing
from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")

#: Rebuilds a value from JSON-ready data; ``None`` stands for "the data as it is".
Decoder = Callable[[Any], Any]

#: How many rebuilt records :func:`loads` keeps (an analysis of a news report and its
#: text take about 25 kB: some 25 MB at most).
CACHE_SIZE = 1024

_SCALARS = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...] | None] = {}
_DECODERS: dict[Any, Decoder | None] = {}
_LOADED: OrderedDict[tuple[type, str], Any] = OrderedDict()
_LOADED_LOCK = threading.Lock()  # the server reads from several threads


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type (``None`` for any other type), read once."""
    try:
        return _FIELDS[cls]
    except KeyError:
        names = (
            tuple(f.name for f in dataclasses.fields(cls))
            if dataclasses.is_dataclass(cls)
            else None
        )
        _FIELDS[cls] = names
        return names


def to_plain(obj: object) -> Any:
    """Turn a record (or tuple/dict of them) into JSON-ready data."""
    kind = type(obj)
    if kind in _SCALARS:
        return obj
    if kind is tuple or kind is list:
        return [to_plain(x) for x in obj]  # type: ignore[attr-defined]
    names = _field_names(kind)
    if names is not None:
        return {name: to_plain(getattr(obj, name)) for name in names}
    if isinstance(obj, tuple | list):
        return [to_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_plain(v) for k, v in obj.items()}
    return obj


def dumps(obj: object) -> str:
    """Serialise a record to compact JSON."""
    return json.dumps(to_plain(obj), ensure_ascii=False, separators=(",", ":"))


@dataclasses.dataclass(frozen=True, slots=True)
class EncodedAnalysis:
    """An article's analysis already encoded as the store keeps it (:func:`dumps`).

    The digest's analysis process sends analyses so (``storyline.update.ahead``): the
    store would encode them anyway, and a text crosses between processes for almost
    nothing, where pickling the record and rebuilding it cost more than encoding it.
    """

    article_id: str
    text: str


def loads(cls: type[T], raw: str) -> T:
    """Rebuild a record of type ``cls`` from :func:`dumps` output.

    The last :data:`CACHE_SIZE` records rebuilt are kept by their text, so the
    same stored row read again costs a dict look-up.
    """
    key = (cls, raw)
    with _LOADED_LOCK:
        kept = _LOADED.get(key)
        if kept is not None:
            _LOADED.move_to_end(key)
            return typing.cast(T, kept)
    value: T = from_plain(cls, json.loads(raw))
    with _LOADED_LOCK:
        _LOADED[key] = value
        if len(_LOADED) > CACHE_SIZE:
            _LOADED.popitem(last=False)
    return value


def from_plain(tp: Any, data: Any) -> Any:
    """Rebuild a value of type ``tp`` from JSON-ready data."""
    decode = decoder(tp)
    return data if decode is None or data is None else decode(data)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def decoder(tp: Any) -> Decoder | None:
    """The decoder of values of type ``tp`` (``None``: the JSON data is the value), built once.

    A decoder is called only on data that is not ``None`` (``None`` decodes to
    ``None`` whatever the type).
    """
    try:
        return _DECODERS[tp]
    except KeyError:
        pass
    except TypeError:  # an unhashable hint: build it every time
        return _build(tp)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        # Registered before its fields are resolved, so that a record may contain itself.
        fields: list[tuple[str, Decoder | None]] = []
        made = _DECODERS[tp] = _record(tp, fields)
        hints = _hints(tp)
        fields.extend((f.name, decoder(hints[f.name])) for f in dataclasses.fields(tp))
        return made
    built = _DECODERS[tp] = _build(tp)
    return built


def _record(cls: type, fields: list[tuple[str, Decoder | None]]) -> Decoder:
    def decode(data: Any) -> Any:
        kwargs = {}
        for name, part in fields:
            if name in data:
                value = data[name]
                kwargs[name] = value if part is None or value is None else part(value)
        return cls(**kwargs)

    return decode


def _build(tp: Any) -> Decoder | None:
    """A decoder for a type that is not a record."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        return decoder(args[0]) if len(args) == 1 else None
    if origin is tuple:
        targs = get_args(tp)
        if len(targs) == 2 and targs[1] is Ellipsis:
            return _sequence(decoder(targs[0]))
        return _fixed(tuple(decoder(a) for a in targs))
    if origin is dict:
        return _mapping(decoder(get_args(tp)[1]))
    if tp is float:
        return _float
    if tp is typing.Any or tp is object:
        return None
    return None


def _float(data: Any) -> Any:
    return float(data) if isinstance(data, int) else data


def _sequence(item: Decoder | None) -> Decoder:
    if item is None:
        return tuple

    def decode(data: Any) -> Any:
        return tuple(None if x is None else item(x) for x in data)

    return decode


def _fixed(items: tuple[Decoder | None, ...]) -> Decoder:
    def decode(data: Any) -> Any:
        return tuple(
            x if part is None or x is None else part(x)
            for part, x in zip(items, data, strict=False)
        )

    return decode


def _mapping(value: Decoder | None) -> Decoder:
    def decode(data: Any) -> Any:
        if value is None:
            return dict(data)
        return {k: None if v is None else value(v) for k, v in data.items()}

    return decode
