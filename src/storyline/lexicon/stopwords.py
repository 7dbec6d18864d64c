"""Stop lists: words a stage leaves out when it compares or weighs text.

Three lists for three jobs, each tuned with its stage: ``STOPWORDS`` (clustering:
words that say nothing about which event a report is about), ``CONTENT_STOPWORDS``
(the summary and title: words that are not content words), ``MATCH_STOPWORDS``
(publication dating: words ignored when two sentences are matched; words of three
letters or fewer are ignored there anyway).
"""

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

_CONTENT_TEXT = """a an the and or but if of in on at to for from by with about as into over after
    before under between during without within than then that this these those there here
    is are was were be been being has have had do does did will would shall should can could
    may might must it its he him his she her they them their we us our you your i me my
    not no nor so too very also just only said says say told tell according more most
    other some such what which who whom whose when where why how all any both each few
    new one two three"""
CONTENT_STOPWORDS = frozenset(_CONTENT_TEXT.split())

_MATCH_TEXT = """
    about above according added after again against also although among another around
    because been before being between both came come could does doing down during each
    earlier early even every first from further have having here into itself just last later
    like made make many month months more most much must next only other over people said
    same says should since some such than that their them then there these they this those
    through told under until upon very want week weeks were what when where which while will
    with would year years your
"""
MATCH_STOPWORDS = frozenset(_MATCH_TEXT.split())
