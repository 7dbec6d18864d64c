"""Time expressions: finding them (find), normalising them (normalize), resolving them (resolve)."""
