"""Event lines: the readable clause a dated sentence gives the timeline (``lines``, ``clause``)."""
