"""Names of people, organisations and places: folding, matching, places, cleanup, linking.

``folding`` turns a written name into comparable tokens (case, diacritics, titles,
possessives, romanisation); ``matching`` says when one name can be a shorter form of
another (surname, acronym, corporate suffix); ``places`` recognises countries, capitals
and place-shaped contexts; ``cleanup`` turns spaCy's entity spans into clean name
spans with a sensible label; ``linking`` links the mentions of one article to one key
per entity. :func:`storyline.analyze.entities.extract_entities` puts them together.
"""
