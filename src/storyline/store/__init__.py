"""Storage: the SQLite store and the record codec."""

from storyline.store.sqlite import ANALYSIS_VERSION, Store, StoreOpenError

__all__ = ["ANALYSIS_VERSION", "Store", "StoreOpenError"]
