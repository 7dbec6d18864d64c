"""Reading amounts in news text: number phrases, measures, roles, sources and events."""

from storyline.analyze.numbers.parse import NumberPhrase, find_numbers, word_value
from storyline.lexicon.measures import MEASURES

__all__ = ["MEASURES", "NumberPhrase", "find_numbers", "word_value"]
