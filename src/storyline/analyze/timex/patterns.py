"""Regular-expression building blocks for time expressions (English news prose)."""

from __future__ import annotations

from storyline.lexicon.calendar import MONTH_NAME, WEEKDAY_NAME

MONTH = (
    rf"(?:{MONTH_NAME}|"
    r"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
WEEKDAY = rf"(?:{WEEKDAY_NAME})"
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
NUM_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|single|half|a\s+dozen|dozen|a\s+couple\s+of|couple\s+of)"
)
NUMBER = (
    rf"(?:\d+(?:\s+1/2|\.\d+)?½?|\d*½|{NUM_WORD}(?:[\s-]{NUM_WORD})?(?:\s+and\s+a\s+half)?"
    r"|an?(?:\s+and\s+a\s+half)?)"
)
VAGUE = r"(?:several|a\s+few|few|many|some|numerous|multiple)"
UNIT = r"(?:second|minute|min|hour|hr|day|night|week|fortnight|month|quarter|year|decade|century)"
UNITS = rf"(?:{UNIT}s|centuries)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
SEASON = r"(?:spring|summer|autumn|winter)"
TIMEZONE = r"(?:UTC|GMT|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST|AEST|AEDT|ET|PT|local\s+time)"
APPROX = (
    r"(?:about|around|approximately|nearly|almost|roughly|some|over|under|more\s+than|"
    r"less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|just\s+over|just\s+under|"
    r"well\s+over|barely|only|just)"
)
#: words before a bare month name that make it a month, not the verb or a name
MONTH_CUE = (
    r"(?:in|of|since|until|till|by|from|through|throughout|during|to|between|and|before|"
    r"after|for|last|next|this|early|late|mid|until|or|on|around|past)"
)
