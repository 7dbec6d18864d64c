"""Words that say nothing about which event a report is about."""

from __future__ import annotations

# A short English stop list: function words and reporting verbs that every news
# report carries and that say nothing about which event it is about.
_STOP_TEXT = """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say told according added new one two three four five six
    seven eight nine ten first last year years day days week weeks month months time times
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    january february march april may june july august september october november december
    mr mrs ms people may might must shall us get got go went going make made many much
    like well back still even since around among per via told including"""
STOPWORDS = frozenset(_STOP_TEXT.split())
