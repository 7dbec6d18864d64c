"""storyline: many news reports in, one story out."""
