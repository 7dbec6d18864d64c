"""Rules that recognise a time expression in text and normalise it to a TIMEX3 value.

Each rule is a regular expression plus a handler that turns a match (and the tense of
the clause around it) into a :class:`Norm`. Absolute expressions get their value at
once; relative ones get an underspecified value (``XXXX-XX-XX``, ``XXXX-05-19``) and a
``rel`` string that :func:`storyline.analyze.timex.resolve.resolve_rel` turns into a
value once an anchor date (the publication date) is known. docs/times.md lists the
``rel`` forms.
"""

from __future__ import annotations

import re

from storyline.analyze.timex import holidays
from storyline.analyze.timex import patterns as p
from storyline.analyze.timex.absolute import HANDLERS as ABSOLUTE
from storyline.analyze.timex.anaphora import event_ref
from storyline.analyze.timex.elliptic import (
    ELLIPTIC_LAST,
    PLURAL_QUARTERS,
    elliptic_last,
    plural_quarter,
)
from storyline.analyze.timex.norm import ANAPHOR, Norm, Rule, duration_value
from storyline.analyze.timex.periods import period_ref, year_back
from storyline.analyze.timex.relative import HANDLERS as RELATIVE
from storyline.lexicon.calendar import MONTH_NAME

__all__ = ["RULES", "Norm", "Rule", "normalize_text"]


def _c(pattern: str, flags: int = 0) -> re.Pattern[str]:
    # An expression never spans a line break (titles, date lines and paragraphs are
    # separate lines: "Friday" ending one is not part of a date on the next) nor a long
    # run of spaces (boilerplate masked out by spaces lies between the two sides).
    for old, new in (
        (r"[\s-]", r"(?:[^\S\n]|-)"),
        (r"\s+", r"[^\S\n]{1,3}"),
        (r"\s*", r"[^\S\n]{0,3}"),
        (r"\s", r"[^\S\n]"),
    ):
        pattern = pattern.replace(old, new)
    return re.compile(pattern, flags | re.UNICODE)


_I = re.IGNORECASE
_ONES = r"(?i:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?i:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?i:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_MOD = (
    r"(?:(?:early|late|mid|the\s+(?:end|start|beginning|middle|first\s+half|second\s+half)"
    r"\s+of|(?i:end\s+of))[\s-]+)"
)

#: Ordered by priority: when two matches have the same span the earlier rule wins.
RULES: tuple[Rule, ...] = (
    Rule("iso", _c(rf"\b(?P<year>{p.YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), ABSOLUTE["iso_date"]),
    Rule(
        "month_day",
        _c(
            rf"\b(?:{p.WEEKDAY},?\s+)?(?:the\s+)?(?P<mon>{p.MONTH})\s+(?P<day>{p.DAY})\b"
            rf"(?!:\d|\.\d|,\d)(?:,?\s+(?P<year>{p.YEAR})\b)?"
        ),
        ABSOLUTE["full_date"],
    ),
    Rule(
        "day_month",
        _c(
            rf"\b(?:{p.WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{p.DAY})(?:\s+of)?\s+(?P<mon>{p.MONTH})"
            rf"(?:,?\s+(?P<year>{p.YEAR})\b)?"
        ),
        ABSOLUTE["full_date"],
    ),
    Rule(
        "second_day",
        # "April 24 and 25": the second day of the same month
        _c(
            rf"\b(?=[JFMASOND])(?P<mon>{p.MONTH})\s+{p.DAY}\s*(?:and|or|to|through|-|–)\s*"
            rf"(?P<body>(?P<day>{p.DAY})\b(?!:\d|\.\d|,\d|\s*(?:%|percent|[ap]\.?m\b))"
            rf"(?:,?\s+(?P<year>{p.YEAR})\b)?)"
        ),
        ABSOLUTE["full_date"],
        "body",
    ),
    Rule(
        "numeric",
        _c(r"(?<![\d/.])\b(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)\b(?![/\d])"),
        ABSOLUTE["numeric_date"],
    ),
    Rule(
        "short_year",
        _c(r"\b(?:in|of|since|until|by)\s+(?P<body>['’](?P<yy>\d\d))\b(?!s)", _I),
        ABSOLUTE["short_year"],
        "body",
    ),
    Rule(
        "month_year",
        _c(rf"\b{_MOD}?(?P<mon>{p.MONTH}),?\s+(?:of\s+)?(?P<year>{p.YEAR})\b"),
        ABSOLUTE["month_year"],
    ),
    Rule(
        "bare_month",
        _c(
            rf"\b(?i:{p.MONTH_CUE})\s+(?P<body>(?:(?P<det>last|next|this|past)\s+)?{_MOD}?"
            rf"(?P<mon>{p.MONTH})(?:,?\s+(?:of\s+)?(?P<yrel>this|next|last)\s+year)?)\b"
            r"(?!\s+\d)(?!-)"
        ),
        ABSOLUTE["bare_month"],
        "body",
    ),
    Rule(
        "attr_month",
        _c(
            # a month between a determiner and the noun it dates; not "May" (the name:
            # "the May government") nor "March" (the protest: "the March organisers")
            r"\b(?=[TtAaIiHhOo])(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+"
            r"(?P<body>(?:(?:early|late|mid)[\s-]+)?(?P<mon>January|February|April|June|"
            r"July|August|September|October|November|December))\s+"
            r"(?!(?:and|or|but|to|in|on|at|by|for|from|of|with|as|than|the|a|an|is|are|was|"
            r"were|has|had|have|will|would)\b)(?=[a-z])"
        ),
        ABSOLUTE["attr_month"],
        "body",
    ),
    Rule(
        "year",
        _c(
            rf"(?<![$£€\d.,/-])\b(?P<mod>(?:{_MOD}|(?i:fiscal|calendar|the\s+year|FY)\s*))?"
            rf"(?P<year>{p.YEAR})\b(?![-–]\d|\s*(?:%|percent|per\s+cent)|,\d|\.\d)"
        ),
        ABSOLUTE["year"],
    ),
    Rule(
        "spoken_year",
        _c(
            rf"\b(?=(?i:nineteen|two|the)\s|{p.MONTH}\s+(?i:nineteen|two)\s|"
            rf"(?i:{p.SEASON}|fall)\s+of\s+(?i:nineteen|two)\s)"
            rf"(?:(?P<mon>{p.MONTH})\s+|(?P<season>(?i:{p.SEASON}|fall))\s+(?i:of)\s+"
            r"|(?i:the\s+year)\s+)?"
            rf"(?P<body>(?i:nineteen)[\s-]+(?P<tail>{_TENS}(?:[\s-]{_ONES})?|{_TEENS}|(?i:oh)[\s-]{_ONES})"
            rf"|(?i:two\s+thousand)(?:(?:\s+and)?[\s-]+(?P<tail2>{_ONES}|{_TEENS}))?)\b(?!\s+(?i:dollars|people))",
        ),
        ABSOLUTE["spoken_year"],
    ),
    Rule(
        "the_year",
        _c(
            r"\b(?=(?:the|end|close)\b)(?:(?:the\s+)?(?:end|close)\s+of\s+)?the\s+(?:(?:current|full|latest|fiscal|"
            r"calendar)\s+){0,2}year\b(?!s|-|['’]|\s+(?:before|after|earlier|later|previous|when|"
            r"which|in\s+which|of|\d))",
            _I,
        ),
        RELATIVE["the_year"],
    ),
    Rule(
        "year_end",
        _c(
            r"\b(?P<prep>by|at|since|before|after|until|till|around|toward|towards|through|near|"
            r"from)\s+(?P<body>year[\s-]end|(?:the\s+)?year['’]s\s+end)\b(?!-)",
            _I,
        ),
        RELATIVE["year_end"],
        "body",
    ),
    Rule(
        "mid_part",
        _c(
            r"\b(?:by|at|in|until|till|around|before|after|from|since)\s+(?P<body>mid[\s-]?"
            r"(?P<pod>morning|afternoon)(?:\s+(?P<w>yesterday|today|tomorrow))?)\b",
            _I,
        ),
        RELATIVE["mid_part"],
        "body",
    ),
    Rule(
        "half_decade",
        # "the last half of the '80s", "the latter half of the 19th century": a half of a
        # decade or a century is no calendar unit; the value keeps the decade or century
        _c(
            r"\bthe\s+(?:first|second|last|latter|early|earlier|later)\s+half\s+of\s+"
            r"(?:(?:the\s+)?(?P<dec>(?:1[6-9]|20)\d0)'?s|the\s+['’](?P<dec2>\d0)s"
            r"|the\s+(?P<n>1\d|2[01]|[1-9])(?:st|nd|rd|th)[\s-]+century)\b(?!-)",
            _I,
        ),
        lambda m, t: ABSOLUTE["century"](m, t) if m["n"] else ABSOLUTE["decade"](m, t),
    ),
    Rule(
        "century",
        _c(
            r"\b(?=the\s|\d)(?:the\s+)?(?P<n>1\d|2[01]|[1-9])(?:st|nd|rd|th)[\s-]+century\b(?!-)",
            _I,
        ),
        ABSOLUTE["century"],
    ),
    Rule(
        "spoken_decade",
        _c(
            r"\bthe\s+(?:(?:early|mid|late)[\s-]+)?(?P<w>twenties|thirties|forties|fifties|"
            r"sixties|seventies|eighties|nineties)\b",
            _I,
        ),
        ABSOLUTE["spoken_decade"],
    ),
    Rule(
        "decade",
        _c(
            r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<dec>(?:1[6-9]|20)\d0)'?s\b"
            r"|(?:\bthe\s+(?:(?:early|mid|late)[\s-]+)?|['’])(?P<dec2>\d0)s\b",
            _I,
        ),
        ABSOLUTE["decade"],
    ),
    Rule(
        "quarter",
        _c(
            r"\b(?:(?P<yrel0>next|last|this)\s+year['’]s\s+|the\s+)?"
            r"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
            r"[\s-]+(?P<unit>quarter|half)\b(?:\s+of\s+(?:(?P<year>\d{4})|(?P<yrel>this|last|next)"
            r"\s+year|the\s+year)|\s+(?P<year2>\d{4})\b)?",
            _I,
        ),
        ABSOLUTE["quarter"],
    ),
    Rule("plural_quarters", PLURAL_QUARTERS, plural_quarter),
    Rule("elliptic_last", ELLIPTIC_LAST, elliptic_last, "body"),
    Rule(
        "two_quarters",
        # "the first two quarters of 1990" is that year's first half, not a duration
        _c(
            rf"\b(?:the\s+)?(?P<ord>first|last|second)\s+two\s+quarters\s+of\s+(?P<year>{p.YEAR})\b",
            _I,
        ),
        lambda m, t: Norm(
            "DATE", f"{m['year']}-H{1 if m['ord'].lower() == 'first' else 2}", "quarter"
        ),
    ),
    Rule(
        "period_ref",
        _c(
            # the first word is one of these (a cheap test at each word)
            r"\b(?=(?:the|that|this|its|their|last|year|19\d\d|20\d\d)\b)"
            r"(?:(?P<det>the|that|this|its|their)\s+)?(?:(?P<year>(?:19|20)\d\d)\s+|"
            r"(?P<lastyear>last\s+year['’]s)\s+)?(?:(?P<mod>latest|most\s+recent|recent|current|"
            r"same|comparable|corresponding|just[\s-]ended)\s+)?"
            r"(?:(?P<back>year[\s-](?:earlier|ago))\s+)?(?:(?P<ord>first|second|third|fourth)"
            r"[\s-]+)?(?:fiscal\s+)?(?P<unit>quarter|period)\b(?!\s+of\b)(?!-|s)"
            r"(?:\s+(?P<tail>a\s+year\s+(?:ago|earlier)|last\s+year|of\s+(?:last\s+year|"
            r"the\s+previous\s+year)))?",
            _I,
        ),
        lambda m, t: (
            period_ref(m, t) if (m["det"] or m["year"] or m["lastyear"] or m["back"]) else None
        ),
    ),
    Rule(
        "year_back",
        # "the year-earlier nine months": a span of as many months, a year back
        _c(
            r"\b(?:(?:a|one)\s+year\s+(?:ago|earlier)|year[\s-](?:earlier|ago))\b(?!-)"
            r"(?:\s+(?P<months>six|nine)\s+months\b)?",
            _I,
        ),
        year_back,
    ),
    Rule("qcode", _c(rf"\bQ(?P<q>[1-4])(?:\s+(?P<year>{p.YEAR}))?\b"), ABSOLUTE["q_code"]),
    Rule(
        "season",
        _c(
            rf"\b(?:(?P<det>this\s+past|this|last|next|past|coming)\s+|(?P<mod>{_MOD}))?(?P<season>{p.SEASON}|fall)"
            rf"(?:\s+(?:of\s+)?(?P<year>{p.YEAR}))?\b",
            _I,
        ),
        ABSOLUTE["season"],
    ),
    Rule("holiday", holidays.PATTERN, holidays.holiday),
    Rule(
        "weekday_set",
        _c(
            rf"\b(?P<wd>{p.WEEKDAY})(?:s|\s+(?P<pod>mornings|afternoons|evenings|nights))\b"
            # "Monday and Tuesday nights": the first of a pair of sets is one too
            rf"|\b(?P<wd2>{p.WEEKDAY})\b(?=,?\s+(?:and|or)\s+{p.WEEKDAY}"
            rf"(?:s\b|\s+(?P<pod2>mornings|afternoons|evenings|nights)\b))"
        ),
        RELATIVE["weekday_set"],
    ),
    Rule(
        "weekday",
        _c(
            r"(?<!Black )(?<!Cyber )(?<!Bloody )(?<!Good )(?<!Easter )(?<!Ash )(?<!Super )"
            rf"\b(?:(?P<det>(?i:last|next|this|past|coming|(?:the\s+)?(?:previous|preceding)|the\s+following))"
            rf"\s+|(?i:early|late)\s+(?:on\s+)?)?(?P<wd>{p.WEEKDAY})(?:\s+(?P<pod>{p.PART_OF_DAY}))?\b(?!\s+(?i:morning\s+)?{p.MONTH})"
        ),
        RELATIVE["weekday"],
    ),
    Rule(
        "day_word",
        _c(
            r"\b(?P<w>(?:earlier\s+|later\s+|the\s+day\s+(?:after|before)\s+)?(?:today|yesterday|"
            r"tomorrow)|tonight|overnight"
            rf"|last\s+night)(?:\s+(?P<pod>{p.PART_OF_DAY}))?\b",
            _I,
        ),
        RELATIVE["day_word"],
    ),
    Rule(
        "this_pod",
        _c(rf"\b(?:this|earlier\s+this|later\s+this)\s+(?P<pod>{p.PART_OF_DAY})\b", _I),
        RELATIVE["this_pod"],
    ),
    Rule(
        "event_ref",
        _c(
            r"\b(?=(?:the|that)\b)"  # a cheap test at each word
            r"(?:(?P<det>the\s+(?:following|previous|preceding|same)|that(?:\s+same)?)\s+"
            r"(?P<unit>year|month)\b(?!s|-|['’]|\s+(?:before|after|earlier|later|ago|of|when|"
            r"which|that|to|in\s+which|(?:a|one)\s+year|last\s+year)\b)"
            r"|(?P<det2>the\s+(?:following|next|previous|preceding))\s+(?P<unit2>day)\b"
            # "learned the next day that ...": "that" may open the verb's clause
            r"(?!s|-|['’]|\s+(?:before|after|of|when|which|to|or)\b))",
            _I,
        ),
        event_ref,
    ),
    Rule(
        "rel_unit",
        _c(
            r"\b(?:(?:earlier|later|late|early|(?:by\s+)?the\s+(?:end|start|beginning|middle)\s+of)\s+)?"
            r"(?:the\s+)?(?P<det>this|last|next|past|coming|previous|following|current)\s+"
            r"(?P<unit>week|weekend|month|year|quarter|decade|day|fortnight)\b(?!s)",
            _I,
        ),
        RELATIVE["rel_unit"],
    ),
    Rule(
        "the_day",
        _c(
            r"\b(?:(?:on|for|in|during|throughout|end|ends|ended|ending|finish|finished|"
            r"finishing|close|closed|closing|start|started|starting)\s+(?P<plain>the\s+day)"
            r"|(?P<same>(?:the|that)\s+same\s+day|that\s+day))\b"
            r"(?!\s+(?:after|before|when|of|that|on|in|which|has|had|is|was|will)\b)(?!-|['’])"
            # "during the day Friday": the weekday after it tells the day, "the day" no time
            r"(?!\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)",
            _I,
        ),
        lambda m, t: Norm("DATE", "XXXX-XX-XX", "day", ANAPHOR),
        ("plain", "same"),
    ),
    Rule(
        "nth_day",
        # "It's the second day of the strike", "today is the eighth day of the siege": the
        # day of the telling (not "was": a past day told before)
        _c(
            r"(?:(?<=\bit's\s)|(?<=\bit’s\s)|(?<=\bit\sis\s)|(?<=\btoday\sis\s))"
            r"(?P<body>(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
            r"tenth|eleventh|twelfth|\d{1,3}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+)?day)"
            r"(?=\s+(?:of|in\s+a\s+row)\b)",
            _I,
        ),
        lambda m, t: Norm("DATE", "XXXX-XX-XX", "day", "offset:day:0"),
        "body",
    ),
    Rule("weekend", _c(r"\b(?P<body>the\s+weekend)\b", _I), RELATIVE["the_weekend"], "body"),
    Rule(
        "the_week",
        _c(
            # "For the week, the index fell", "the week's busiest session", "the week
            # following the crash": the week of the events just told, which TIMEX3 leaves
            # unnumbered (YYYY-WXX); not "the week of May 5", "the week ahead", "the week
            # ended Friday" (a week of its own)
            r"(?:(?<=\bfor\s)|(?<=\bduring\s)|(?<=\bover\s)|(?<=\bthroughout\s))"
            r"(?P<body>the\s+week)\b(?!-|['’]|\s+(?:of|ahead|to|when|that|which|in\s+which|"
            r"ended|ending|beginning|starting|before|after|following)\b)"
            r"|\b(?P<own>the\s+week)(?=['’]s\b|\s+(?:following|before|after)\s+(?:the|last|a|an|his|her|its|their)\b)",
            _I,
        ),
        RELATIVE["the_week"],
        ("body", "own"),
    ),
    Rule(
        "ago",
        _c(
            rf"\b(?:{p.APPROX}\s+)?(?P<num>{p.NUMBER}|{p.VAGUE})\s+(?P<unit>{p.UNIT}s?|centuries)"
            r"(?:\s+or\s+so)?\s+(?P<dir>ago|from\s+now|hence)\b",
            _I,
        ),
        RELATIVE["ago"],
    ),
    Rule(
        "set",
        _c(
            rf"\b(?:(?P<other>every\s+other)|(?:every|each|per)(?:\s+(?P<num>{p.NUMBER}))?)\s+"
            rf"(?P<unit>{p.UNIT}|{p.WEEKDAY})s?\b"
            rf"|\b(?:every|each)\s+(?P<mon>{MONTH_NAME})\b",
            _I,
        ),
        RELATIVE["set"],
    ),
    Rule(
        "set_rate",
        _c(
            r"(?:(?<=\d )|(?<=\bonce )|(?<=\btwice ))"
            rf"(?P<body>(?:a|an|per)\s+(?P<unit>{p.UNIT}))\b",
            _I,
        ),
        RELATIVE["set"],
        "body",
    ),
    Rule(
        "set_adverb",
        _c(
            r"\b(?P<w>daily|nightly|weekly|monthly|quarterly|annually|yearly|annual|hourly)\b",
            _I,
        ),
        RELATIVE["set_adverb"],
    ),
    Rule(
        "duration",
        _c(
            rf"\b(?:(?:the\s+)?(?:past|last|next|first|previous|coming|following|final)\s+)?"
            rf"(?:(?P<num>{p.NUMBER})|(?P<vague>{p.VAGUE}))[\s-]+(?:(?:straight|consecutive|full|"
            rf"long|more|trading|business|calendar|working|additional|extra|further)\s+)?"
            rf"(?P<unit>{p.UNIT}s?|centuries)"
            r"(?P<half>\s+and\s+a\s+half)?\b(?!-old|\s+old\b)",
            _I,
        ),
        RELATIVE["duration"],
    ),
    Rule(
        "unit_long",
        # "a day-long meeting", "the year-long inquiry": one unit, as an adjective
        _c(r"(?<![\w-])(?P<unit>hour|day|week|month|year|decade)-long\b(?!-)", _I),
        lambda m, t: Norm("DURATION", duration_value(1.0, m["unit"]), "duration"),
    ),
    Rule(
        "coming_units",
        # "in coming months", "in future quarters" (no article): some time ahead, not a
        # stretch of stated kind ("the coming months" stays a duration, PXM)
        _c(
            r"(?<!\bthe\s)(?<!\bthe\s\s)\b(?:coming|future)\s+"
            r"(?:days|weeks|months|quarters|years|decades)\b(?!-)",
            _I,
        ),
        lambda m, t: Norm("DATE", "FUTURE_REF", "ref"),
    ),
    Rule(
        "past_units",
        # "in past years", "over past decades" (no article): some time before now, the
        # mirror of "in coming months" ("the past years", "these past months" stay durations)
        _c(
            r"(?<!\bthe\s)(?<!\bthese\s)(?<!\bthose\s)(?<!\bthe\s\s)\bpast\s+"
            r"(?:days|weeks|months|quarters|years|decades|centuries)\b(?!-)",
            _I,
        ),
        lambda m, t: Norm("DATE", "PAST_REF", "ref"),
    ),
    Rule(
        "then_current",
        # "the then current price", "the then-current board": the past moment told
        _c(r"\bthen[\s-]current\b", _I),
        lambda m, t: Norm("DATE", "PAST_REF", "ref"),
    ),
    Rule(
        "vague_duration",
        _c(
            r"\b(?:(?:the\s+)?(?:past|last|next|coming|following|recent)\s+|(?<=\bfor\s)|"
            r"(?<=\bin\s)|(?<=\bover\s)|(?<=\bwithin\s)|over\s+the\s+)"
            r"(?P<unit>years|decades|months|weeks|days|hours|minutes|centuries)\b"
            r"|\bthe\s+(?P<unit2>years|months|weeks|days|hours)\s+ahead\b",
            _I,
        ),
        RELATIVE["vague_duration"],
    ),
    Rule(
        "ref",
        _c(
            # "Now, ...", "Currently, ..." fronted and set off by a comma open the sentence
            # as a turn of the telling, not a time of their own (annotated in none of 5)
            r"(?!(?-i:Now|Currently),)"
            r"\b(?P<w>now|currently|at\s+present|presently|nowadays|these\s+days|at\s+the\s+moment"
            r"|recently|more\s+recently|recent|lately|the\s+past|very\s+soon|soon|the\s+future"
            r"|the\s+near\s+future|the\s+(?:long|short|near)\s+term|the\s+time\s+being|later"
            r"|(?<!then\s)current(?=\s+[a-z]))\b(?!-)(?!\s+(?:the|this|next|last|than)\b)"
            # "now in force", "now that": still now; "later in the day", "soon at": not alone
            r"(?:(?<=now)|(?<=past)|(?!\s+(?:that|in|on|at)\b))",
            _I,
        ),
        RELATIVE["ref"],
    ),
    Rule(
        "at_the_time",
        # "said at the time": the past moment just told; "at the time of the vote",
        # "at the time when" name their moment, and are left alone
        _c(
            r"\bat\s+(?P<body>the\s+time)\b(?!\s+(?:of|when|that|which|being|and)\b)(?![\w-])",
            _I,
        ),
        lambda m, t: Norm("DATE", "PAST_REF", "ref"),
        "body",
    ),
    Rule(
        "moment",
        # "at this crucial moment", "at the present moment": now; "for a while": a
        # stretch of time of no stated length
        _c(
            r"\b(?:at\s+(?P<now>(?:this|the\s+present)\s+(?:[a-z]+\s+)?moment)(?!['’])"
            r"|for\s+(?P<while>a\s+(?:little\s+)?while))\b",
            _I,
        ),
        lambda m, t: (
            Norm("DATE", "PRESENT_REF", "ref") if m["now"] else Norm("DURATION", "PXX", "duration")
        ),
        ("now", "while"),
    ),
    Rule(
        "clock",
        _c(
            r"\b(?P<h>[01]?\d|2[0-3])(?::|\.(?=\d\d\s*[ap]))?(?P<m>[0-5]\d)?\s*"
            r"(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"
            rf"(?:\s+(?:\()?(?P<tz>{p.TIMEZONE})\)?)?",
            _I,
        ),
        RELATIVE["clock"],
    ),
    Rule(
        "clock24",
        _c(
            rf"(?<![\d:.])\b(?P<h>[01]?\d|2[0-3]):?(?P<m>[0-5]\d)\s*(?P<tz>{p.TIMEZONE})\b"
            r"|(?<![\d:.])\b(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)\b(?![:\d])(?P<ap>)"
        ),
        RELATIVE["clock24"],
    ),
    Rule(
        "noon",
        # "midday" only after a preposition: "a midday meal" is a kind of meal
        _c(
            r"\b(?P<w>noon|midnight|(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bbefore\s)|"
            r"(?<=\bafter\s)|(?<=\baround\s))midday)\b",
            _I,
        ),
        RELATIVE["noon"],
    ),
)


#: Words (lower case) one of which every match of a rule contains: a text without any
#: of them skips the rule's scan (most reports have no "ago", "century" or "noon").
NEEDS: dict[str, tuple[str, ...]] = {
    "ago": ("ago", "now", "hence"),
    "holiday": holidays.NEEDS,
    "attr_month": (
        "january",
        "february",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ),
    "the_day": ("day",),
    "nth_day": ("day",),
    "at_the_time": ("the time",),
    "moment": ("moment", "while"),
    "unit_long": ("-long",),
    "weekday": ("day",),
    "weekday_set": ("days", "mornings", "afternoons", "evenings", "nights"),
    "season": ("spring", "summer", "autumn", "winter", "fall"),
    "decade": ("0s", "0's"),
    "spoken_decade": ("ties",),
    "century": ("century",),
    "half_decade": ("half",),
    "plural_quarters": ("quarters",),
    "elliptic_last": ("last",),
    "coming_units": ("coming", "future"),
    "past_units": ("past",),
    "then_current": ("current",),
    "spoken_year": ("nineteen", "thousand"),
    "quarter": ("quarter", "half"),
    "two_quarters": ("quarters",),
    "period_ref": ("quarter", "period"),
    "year_back": ("year",),
    "the_year": ("year",),
    "event_ref": ("year", "month", "day"),
    "year_end": ("end",),
    "mid_part": ("mid",),
    "set": ("every", "each", "per"),
    "weekend": ("weekend",),
    "the_week": ("the week",),
    "day_word": ("today", "yesterday", "tomorrow", "tonight", "night"),
    "this_pod": ("morning", "afternoon", "evening", "night"),
    "noon": ("noon", "midnight", "midday"),
    "clock": ("am", "pm", "a.m", "p.m"),
}


#: Letters that ``IGNORECASE`` matches for an ASCII one, which the handlers' look-ups
#: ("days", "this") would not know: "ſ" for "s", "ı" and "İ" for "i", the Kelvin sign for
#: "k". The rules read a text with them folded, one character for one, so every offset
#: stays the original's.
CASELESS_FOLDS = str.maketrans({"\u017f": "s", "\u0131": "i", "\u0130": "I", "\u212a": "K"})


def normalize_text(text: str, tense: str = "") -> Norm | None:
    """Normalise a whole span of text (e.g. a spaCy DATE entity) if one rule covers it."""
    stripped = text.strip().translate(CASELESS_FOLDS)
    for rule in RULES:
        for m in rule.regex.finditer(stripped):
            start, end = rule.span(m)
            if start == 0 and end == len(stripped):
                found = rule.handler(m, tense)
                if found is not None:
                    return found
    return None
