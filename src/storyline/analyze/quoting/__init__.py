"""Quote extraction, one idea per module: quotation marks, speaker cues, reported speech.

``marks`` finds the quoted passages of a text, ``speakers`` names who said them,
``indirect`` finds reported speech; :func:`storyline.analyze.quotes.extract_quotes`
puts them together.
"""
