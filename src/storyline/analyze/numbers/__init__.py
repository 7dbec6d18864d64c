"""Reading amounts in news text: number phrases, measures, roles, sources and events."""

from storyline.analyze.numbers.measures import MEASURES
from storyline.analyze.numbers.parse import NumberPhrase, find_numbers, word_value

__all__ = ["MEASURES", "NumberPhrase", "find_numbers", "word_value"]
