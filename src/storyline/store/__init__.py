"""Storage: the SQLite store and the record codec."""

from storyline.store.connection import StoreOpenError
from storyline.store.sqlite import ANALYSIS_VERSION, Store

__all__ = ["ANALYSIS_VERSION", "Store", "StoreOpenError"]
