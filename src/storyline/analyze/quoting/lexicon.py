"""Words of speech: verbs that introduce quotes or reported speech, nouns for speakers.

Lemmas, lower case. Kept apart from the rules that use them so that they can grow
without hiding the logic.
"""

from __future__ import annotations

#: Lemmas of verbs that introduce what someone said or wrote.
SPEECH_VERBS = frozenset(
    """
    say tell write add state declare announce claim insist warn note explain argue
    stress urge ask reply respond answer post tweet continue conclude admit
    acknowledge deny confirm suggest predict promise vow complain lament describe call
    recall remark observe comment quip joke shout exclaim report assert maintain
    reiterate emphasise emphasize threaten pledge brand dismiss label term praise
    condemn thank proclaim caution concede boast demand propose accuse tout hail decry
    blast slam criticise criticize counter reveal disclose mention agree testify
    recount muse wonder plead order characterise characterize express repeat echo
    advise assure allege affirm contend retort rebut chide scold brag gush fume grumble
    bemoan mock scoff sneer yell scream chant whisper mutter elaborate clarify opine
    concur recommend remind text email blog retweet press interject sing chant ponder
    retaliate interrupt summarise summarize estimate
    """.split()  # noqa: SIM905
)


#: Verbs that take reported speech as a clause ("said that ...").
REPORT_VERBS = frozenset(
    """
    say tell write add state declare announce claim insist warn note explain argue
    stress reply respond answer post tweet conclude admit acknowledge deny confirm
    suggest predict promise vow complain report assert maintain reiterate emphasise
    emphasize threaten pledge concede boast reveal disclose testify recount
    allege contend assure advise remind
    """.split()  # noqa: SIM905
)


#: Verbs that introduce a quote only when they follow it ("“…,” read the email",
#: "“…,” Trump barked"): elsewhere they mean other things ("reacted to his “…”").
AFTER_QUOTE_VERBS = frozenset(
    """
    read react bark snap growl laugh sigh chime offer gripe snipe quip rail thunder
    question riff charge remember exhort state
    """.split()  # noqa: SIM905
)


#: Nouns of things said, whose owner said them ("her remark that “…”", "Trump's call for").
SPEECH_NOUNS = frozenset(
    """
    remark remarks comment comments statement statements assertion claim claims warning
    promise pledge vow demand call declaration insistence suggestion admission
    accusation prediction boast quip words tweet tweets message answer reply response
    argument description characterization characterisation contention complaint
    charge plea proposal threat denial point retort dig jab swipe apology explanation
    observation dictum mantra refrain motto catchphrase
    """.split()  # noqa: SIM905
)


#: Nouns that refer back to a named person ("the minister said").
ROLE_NOUNS = frozenset(
    """
    president minister leader chancellor secretary spokesman spokeswoman spokesperson
    official governor mayor premier king queen prince chief commander general aide
    envoy ambassador senator lawmaker director chairman ceo head negotiator diplomat
    politician man woman officer adviser advisor analyst expert judge prosecutor
    lawyer commissioner pope monarch candidate founder executive
    """.split()  # noqa: SIM905
)
