"""Claims across reports: alignment into agreed facts and conflicts (``claims``)."""
