"""The dated timeline: events from dated sentences, readable lines, merging (``build``)."""
