"""What kind of thing a name names: words that mark organisations and places.

A name with "Bank", "Ministry" or "Region" in it is not a person's, whatever the
tagger says.
"""

from __future__ import annotations

#: Words that mark a name as an organisation or place, not a person.
ORG_WORDS = frozenset(
    """authority ministry council party union bank group company agency office department
    house street road square bridge station airport port university college school
    hospital court police army navy force forces airlines airways rail railway railways
    freight foods motors energy media news times post herald institute centre center
    committee commission board federation association fund club team league church
    museum theatre corporation holdings partners capital investments services systems
    technologies labs studio studios records press network channel radio tv television
    region province county district city town village river lake sea mountain valley""".split()  # noqa: SIM905
)
