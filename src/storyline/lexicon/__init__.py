"""Shared vocabulary that analyze/ and story/ both read: measures, entity labels,
calendar words and the dateline, stop words. One definition each (docs/design.md)."""
