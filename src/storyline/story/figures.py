"""A story's headline figures: the toll of its main event, as the story stands by it now.

Each report first gives its own toll (``incident_counts``: repeated figures count
once, "two shot, one fatally" is 1 killed and 1 injured, "no one else was hurt"
is an explicit 0, background tolls are left out), and its other counts (arrested,
missing, evacuated, ...: the largest current figure it states). Across the
story's reports, copies counting once, the values of one measure are then:

- *agreed*: every independent source gives the same value (*single source* when
  there is one);
- when reports differ, the story stands by the value most independent sources
  give; between equals, a value some report states before one only derived
  ("shot 3 − killed 1", the headline's); then the one of the latest report,
  which knows more ("died in hospital on Tuesday" raises killed and lowers
  injured); for the dead and the injured, between values with as much support,
  the smaller, unless an outlet updated its own figure. The figure is *updated*
  when that is the value of the latest day's reports (and earlier ones gave
  others), else *disputed*; either way it keeps every value with its reports,
  and ``reason`` says why it stands by its value. (On the GVA tuning reports,
  most sources then latest gets both tolls right for 61.5% of incidents, the
  latest report alone 60.7%; the smaller killed between equals raised both
  right by 17 of 2,772 incidents over four folds, docs/quality.md, "Seventh
  round: the story's choice".)

A report of a later day that tells of as many people shot, more of them dead
("a man was wounded", then "the man shot … has died"), supersedes the earlier
report: its value stays among the figure's values but takes no part in the choice
(on the GVA tuning folds, 2,772 incidents, both right +9: docs/quality.md, "Eighth
round"). Between values with as much support, one a report gives twice, in its
body and its headline, stands before the fewer (+12 there, none lost). A report
whose headline states another toll than its lead gives the headline's (+32 there).

A report that says only "a man was shot" and nothing of deaths does not say he
lived: when the story has a killed figure, that report's injured are its shot
less the story's killed.

Rules and examples: docs/output.md ("figures").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from storyline.analyze.needwords import may_match
from storyline.analyze.numbers.headline import headline_toll
from storyline.analyze.numbers.roundup import ROUNDUP, sums_incidents
from storyline.analyze.numbers.tally import HARM_TOTALS, incident_counts, is_background
from storyline.analyze.numbers.victims import ADDITIONAL, ANAPHORIC, ATTACKERS, PART, SELF
from storyline.model import Analyzed, Article, Citation, Claim, Figure, FigureValue
from storyline.story.dedup.minhash import count_originals as independent_sources
from storyline.story.facts import outlet_keys, source_state

#: Counts of the main event shown as figures beside killed and injured, in page order.
OTHER_MEASURES = ("arrested", "missing", "evacuated", "displaced")
ORDER = ("killed", "injured", *OTHER_MEASURES)
#: The tolls whose smaller value stands between values with as much support
#: (``_fewer``), with the words ``reason`` then gives.
FEWER = {"killed": "fewest dead", "injured": "fewest wounded"}
#: A report states its incident's toll in its first sentences; figures further down
#: are more often another incident's (a related story, an earlier shooting, a
#: city's count) and are read only when the lead gives none (or only the attacker's).
LEAD_SENTENCES = 5


#: What one report tells of its incident's harm: its dead, and the people shot (the
#: dead and the wounded together). A report that says nothing of deaths tells of none.
Told = tuple[float, float]


@dataclass(frozen=True, slots=True)
class ReportFigure:
    """One report's value of one measure, how it was had, and where it says so."""

    article: str
    published: str | None
    value: float
    citations: tuple[Citation, ...]
    derived: str | None = None
    #: For an injured figure had from "shot" in a report that says nothing of deaths:
    #: the people shot. The story's killed figure is taken from them (``story_figures``).
    shot: float | None = None
    #: For an injured figure derived from the people shot ("shot 3 − killed 1"): the shot.
    from_shot: float | None = None
    #: Whether the report's headline states the same toll as its body ("2 dead, 3 hurt
    #: in …" over a lead that counts them): the report gives it twice (``_fewer``).
    headline: bool = False


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _current(claims: Sequence[Claim]) -> list[Claim]:
    return [c for c in claims if not is_background(c)]


def report_figures(item: Analyzed) -> list[tuple[str, ReportFigure]]:
    """The figures one report gives for its incident: (measure, figure) pairs."""
    art = item.article
    claims = _lead(item)
    out: list[tuple[str, ReportFigure]] = []
    harm = [c for c in claims if c.measure in HARM_TOTALS]
    if harm:
        totals = incident_counts(claims)
        current = _current(harm) or harm
        for measure in ("killed", "injured"):
            cited = [c for c in current if c.measure == measure]
            if not cited and measure == "killed":
                continue  # nothing said of deaths: no figure, not a zero
            derived, shot_only = None, None
            if measure == "injured":
                shot = [c for c in current if c.measure == "shot"]
                if shot and not cited:
                    # "two were shot, one fatally": the injured are the shot who lived
                    shot_total = max(c.value for c in shot)
                    if shot_total < totals["killed"]:
                        continue  # "two men died … one was shot in the head": a part, no count
                    # the dead among the shot: not one who took his own life beside them
                    among = shot_total - totals["injured"]
                    dead = among if 0 <= among <= totals["killed"] else totals["killed"]
                    derived = f"shot {_fmt(shot_total)} − killed {_fmt(dead)}"
                    killed = [c for c in current if c.measure == "killed"]
                    cited = shot + killed
                    if not killed:
                        shot_only = shot_total  # silent on deaths: no "killed 0"
                elif not cited:
                    continue
            cites = _citations(art.id, cited)
            fig = ReportFigure(art.id, art.published, totals[measure], cites, derived, shot_only)
            if derived:
                fig = replace(fig, from_shot=shot_total)
            out.append((measure, fig))
    for measure in OTHER_MEASURES:
        own = [c for c in _current(claims) if c.measure == measure
               and c.counted not in (ANAPHORIC, ADDITIONAL, PART, SELF)]  # fmt: skip
        if own:
            value = max(c.value for c in own)
            cited = [c for c in own if c.value == value]
            fig = ReportFigure(art.id, art.published, value, _citations(art.id, cited))
            out.append((measure, fig))
    return _with_headline(item, out)


def _with_headline(
    item: Analyzed, out: list[tuple[str, ReportFigure]]
) -> list[tuple[str, ReportFigure]]:
    """A report's figures with the killed or injured its body leaves out read from its headline.

    "2 killed, 4 injured in ..." over a body that names only "the victims": the
    headline's toll (:func:`headline_toll`) fills the measures the body gives no
    figure of. People shot beside the dead are injured ("4 shot, 1 dead": 3), and a
    headline silent on deaths ("Gunman shoots 4") leaves the story's dead to be
    taken from its shot, as a body's "shot" does.
    """
    head = headline_toll(item.article.title)
    out = [(m, _confirmed(f, head_value(head, m))) for m, f in out]
    if not head or _roundup_page(item):
        return out
    art = item.article
    out = _headline_over_body(art, head, out)
    given = dict(out)
    cite = (Citation(art.id, None),)
    if "killed" not in given and "killed" in head:
        killed = head["killed"]
        fig = ReportFigure(art.id, art.published, killed, cite, "the headline")
        out = [(m, f) for m, f in out if m != "injured"] + [("killed", fig)]
        body = given.get("injured")
        if body is not None and body.shot is not None:  # "a man was shot" under "Man shot, killed"
            body = _wounded_under(art, body, body.shot, killed)
        if body is not None:
            out.append(("injured", body))
    if "injured" not in given and ("injured" in head or "shot" in head):
        killed = dict(out)["killed"].value if "killed" in dict(out) else 0.0
        shot = head.get("shot", 0.0)
        value = head.get("injured", 0.0) + max(0.0, shot - killed)
        silent = "killed" not in dict(out) and "injured" not in head
        derived = "the headline" if not shot else f"shot {_fmt(shot)} − killed {_fmt(killed)}"
        derived += "" if not shot else " (the headline)"
        fig = ReportFigure(art.id, art.published, value, cite, derived, shot if silent else None)
        out.append(("injured", fig))
    order = {m: n for n, m in enumerate(ORDER)}
    return sorted(out, key=lambda mf: order.get(mf[0], len(order)))


def _headline_over_body(
    art: Article, head: Mapping[str, float], out: list[tuple[str, ReportFigure]]
) -> list[tuple[str, ReportFigure]]:
    """A report's tolls, the headline's where it states another than the body's.

    Where a report's headline and the figure read from its lead differ, the headline
    is more often the incident's (GVA tuning folds 0 and 2: killed 41 reports
    against 16, injured 48 against 21): the body's count takes in other people (the
    night's other shooting, an earlier killing, a victim counted twice) or misses
    some. Not a headline's one wounded or none, though ("Teen hurt in …" over a lead
    counting three hurt): one victim of several as often as not. Wounded derived
    from the people shot are derived again from the headline's dead.
    """
    cite = (Citation(art.id, None),)
    given = dict(out)
    for measure in ("killed", "injured"):
        value, body = head_value(head, measure), given.get(measure)
        if value is None or body is None or body.value == value:
            continue
        if (body.derived and "headline" in body.derived) or (measure == "injured" and value <= 1):
            continue
        derived = f"the headline (the body: {_fmt(body.value)})"
        given[measure] = ReportFigure(art.id, art.published, value, cite, derived)
        injured = given.get("injured")
        if measure != "killed" or injured is None or head_value(head, "injured") is not None:
            continue
        if injured.from_shot is not None:
            again = _wounded_under(art, injured, injured.from_shot, value)
            given["injured"] = replace(again, from_shot=injured.from_shot)
    return [(m, given[m]) for m, _ in out]


def _wounded_under(art: Article, body: ReportFigure, shot: float, killed: float) -> ReportFigure:
    """The wounded of a report's body derived again from its people shot and the dead its
    headline gives ("shot 2 − killed 1 (the headline)"), cited where the body was."""
    derived = f"shot {_fmt(shot)} − killed {_fmt(killed)} (the headline)"
    return ReportFigure(art.id, art.published, max(0.0, shot - killed), body.citations, derived)


def head_value(head: Mapping[str, float], measure: str) -> float | None:
    """The value a headline's toll states for ``measure``, or None.

    The wounded are its injured and its shot beside its dead ("4 shot, 1 dead": 3);
    a headline that gives people shot and says nothing of deaths ("Gunman shoots 4")
    states no wounded.
    """
    if measure == "killed":
        return head.get("killed")
    if measure != "injured" or (
        "injured" not in head and not ("shot" in head and "killed" in head)
    ):
        return None
    return head.get("injured", 0.0) + max(0.0, head.get("shot", 0.0) - head.get("killed", 0.0))


def _confirmed(fig: ReportFigure, head: float | None) -> ReportFigure:
    """``fig`` marked as given by its report's headline too, when it is read from the body."""
    if head is None or head != fig.value or (fig.derived and "headline" in fig.derived):
        return fig
    return replace(fig, headline=True)


def roundup(text: str, claim: Claim) -> bool:
    """Whether a claim's sentence gives the toll of several incidents (a roundup, a
    blotter, a period's tally: :mod:`storyline.analyze.numbers.roundup`)."""
    at = max(0, claim.span.start - claim.sentence.start)
    sentence = text[claim.sentence.start : claim.sentence.end]
    # most sentences hold none of the words a roundup must (read from its pattern)
    return may_match(ROUNDUP, sentence) and sums_incidents(sentence, at)


def _roundup_page(item: Analyzed) -> bool:
    """Whether a report's lead opens on a toll of several incidents (a roundup, a blotter)."""
    text = item.article.text
    sents = item.analysis.sentences[:2]
    if not sents:
        return False
    end = sents[-1].end
    return any(
        c.measure in HARM_TOTALS and c.sentence.start < end and roundup(text, c)
        for c in item.analysis.claims
    )


def _lead(item: Analyzed) -> tuple[Claim, ...]:
    """The claims of a report's lead when it gives a toll there, else all its claims.

    Tolls of several incidents at once (:func:`roundup`) are never the incident's.
    """
    text = item.article.text
    claims = tuple(
        c for c in item.analysis.claims if c.measure not in HARM_TOTALS or not roundup(text, c)
    )
    if LEAD_SENTENCES <= 0:
        return claims
    starts = [s.start for s in item.analysis.sentences[:LEAD_SENTENCES]]
    if not starts:
        return claims
    end = item.analysis.sentences[min(LEAD_SENTENCES, len(item.analysis.sentences)) - 1].end
    lead = tuple(c for c in claims if c.sentence.start < end)
    tolls = [c for c in lead if _toll(c)]
    if any(not _attacker(c) for c in tolls):
        return lead
    later = [c for c in claims if c.sentence.start >= end and _toll(c) and not _attacker(c)]
    if tolls and not any(c.value for c in later):
        return lead  # the attacker the only one harmed: what follows tells of him again
    return claims


def _toll(claim: Claim) -> bool:
    """A harm count of the report's own incident, not one told again."""
    return claim.measure in HARM_TOTALS and not is_background(claim) and claim.counted != ANAPHORIC


def _attacker(claim: Claim) -> bool:
    """A harm told of the attacker alone ("the gunman was killed by deputies"): a lead that
    gives only his is no toll of the people he shot, which the report tells further down.
    (Not one who shot himself: with no one else harmed, he is the toll, told again below.)"""
    return claim.value == 1 and claim.counted.lower() in ATTACKERS


def _citations(article: str, claims: Sequence[Claim]) -> tuple[Citation, ...]:
    spans = sorted({c.span for c in claims}, key=lambda s: (s.start, s.end))
    return tuple(Citation(article, s) for s in spans)


def _value(value: float, figs: Sequence[ReportFigure]) -> FigureValue:
    return FigureValue(
        value,
        tuple(sorted({f.article for f in figs})),
        tuple(c for f in sorted(figs, key=lambda f: f.article) for c in f.citations),
    )


def _day(fig: ReportFigure) -> str:
    return (fig.published or "")[:10]


def combine(
    measure: str,
    figs: Sequence[ReportFigure],
    duplicate_of: Mapping[str, str],
    outlet: Mapping[str, str] | None = None,
    shot: Mapping[str, float] | None = None,
    told: Mapping[str, Told] | None = None,
) -> Figure:
    """The figure a story stands by for one measure, from its reports' values.

    ``outlet`` maps article ids to their independent source
    (:func:`storyline.story.facts.outlet_keys`): agreed or single source is then
    counted as the story's facts count it. ``shot`` gives, per report that states
    both tolls, its dead and wounded together (:func:`_fewer`). ``told`` gives, per
    report, the dead and the people shot it tells of (:func:`_told`): a report a
    later one supersedes (:func:`_superseded`) keeps its value among ``values`` but
    no longer takes part in the choice.
    """
    every: dict[float, list[ReportFigure]] = {}
    for fig in figs:
        every.setdefault(fig.value, []).append(fig)
    values = tuple(
        _value(v, fs)
        for v, fs in sorted(every.items(), key=lambda kv: (min(map(_day, kv[1])), kv[0]))
    )
    derived = next((f.derived for f in figs if f.derived), None)
    if len(every) == 1:
        value = next(iter(every))
        articles = tuple(sorted({f.article for f in figs}))
        status = (
            source_state(articles, outlet)
            if outlet is not None
            else "agreed"
            if independent_sources(articles, duplicate_of) > 1
            else "single source"
        )
        return Figure(measure, value, status, articles, values[0].citations, derived)

    standing = [f for f in figs if not _superseded(f, figs, told or {})] or list(figs)
    by_value: dict[float, list[ReportFigure]] = {}
    for fig in standing:
        by_value.setdefault(fig.value, []).append(fig)

    def support(v: float) -> tuple[int, bool, str, float]:
        # most independent sources; between equals, a value stated before one derived
        # (a count read beats "shot 3 − killed 1"), then the latest report knows more
        arts = {f.article for f in by_value[v]}
        n = (
            len({outlet.get(a, f"id:{a}") for a in arts})
            if outlet
            else independent_sources(arts, duplicate_of)
        )
        explicit = any(not f.derived for f in by_value[v])
        return n, explicit, max(map(_day, by_value[v])), v

    value = max(by_value, key=support)
    why = None
    if measure in FEWER:
        picked, (value, why) = value, _fewer(value, by_value, support, outlet, shot)
        why = why if value != picked or why == "headline" else None
    n, _, day, _ = support(value)
    latest = max(map(_day, figs))
    if (
        day == latest
        and len({f.value for f in figs if _day(f) == latest}) == 1
        and any(_day(f) < latest for f in figs)
    ):
        status = "updated"
        reason = f"the latest report ({latest}) gives {_fmt(value)}"
        if n > 1:
            reason += f", as {n} independent sources do"
    else:
        status = "disputed"
        reason = f"{n} independent source{'s' if n != 1 else ''} give{'s' if n == 1 else ''} "
        reason += f"{_fmt(value)}, more than any other value" if n > 1 else f"{_fmt(value)}"
        if why == "fewer":
            reason += f", the {FEWER[measure]} of the values with as many sources"
        elif why == "headline":
            reason += ", the one a report's headline gives too, of the values with as many sources"
    gone = sorted(set(every) - set(by_value))
    if gone:
        reason += (
            f"; a later report tells of as many people shot, more of them dead, than"
            f" the report{'s' if sum(len(every[v]) for v in gone) > 1 else ''} giving"
            f" {' or '.join(map(_fmt, gone))}"
        )
    chosen = by_value[value]
    derived = next((f.derived for f in chosen if f.derived), None)
    return Figure(
        measure,
        value,
        status,
        tuple(sorted({f.article for f in chosen})),
        _value(value, chosen).citations,
        derived,
        reason,
        values,
    )


def _fewer(
    value: float,
    by_value: Mapping[float, Sequence[ReportFigure]],
    support: Callable[[float], tuple[int, bool, str, float]],
    outlet: Mapping[str, str] | None,
    shot: Mapping[str, float] | None = None,
) -> tuple[float, str | None]:
    """Between toll values with as much support, the smaller, unless the later is an update.

    Outlets that differ on the wounded mostly differ because one counts people
    beyond the incident's (another shooting of the night, the dead among the
    shot), and the injured who die leave the count: the smaller value stands.
    Outlets that differ on the dead differ the same way (the week's homicides, a
    roundup's sum, an earlier killing told again, "two dead" where one of two shot
    died), more often than one of them knows of a later death. The later value
    (``value``, the latest, already) stands when it is an update: an outlet's own
    later figure after it gave another, or a later report whose dead and wounded
    add up to as many shot as an earlier report's of the other value (the dead
    rose as the wounded fell: one of the shot died of the wounds).

    Otherwise a value some report gives twice, in its body and in its headline
    ("1 dead, 2 hurt in …"), stands before one its report's headline does not give: a
    figure of the body alone is more often a part of the victims or another incident's.
    Returns the value and why: ``"headline"``, ``"fewer"``, or None (``value``).
    """
    totals = shot or {}
    tied = [v for v in by_value if support(v)[:2] == support(value)[:2]]
    if len(tied) < 2:
        return value, None
    source = dict(outlet or {})

    def key(f: ReportFigure) -> str:
        return source.get(f.article, f"id:{f.article}")

    def updates(f: ReportFigure, later: ReportFigure) -> bool:
        if _day(f) >= _day(later):
            return False
        shot_then, shot_now = totals.get(f.article), totals.get(later.article)
        return key(f) == key(later) or (shot_then is not None and shot_then == shot_now)

    for later in by_value[value]:
        for v in tied:
            if v != value and any(updates(f, later) for f in by_value[v]):
                return value, None
    twice = [v for v in tied if any(f.headline for f in by_value[v])]
    if twice and len(twice) < len(tied):
        return min(twice), "headline" if min(twice) != min(tied) else "fewer"
    return min(tied), "fewer"


def story_figures(
    items: Sequence[Analyzed],
    duplicate_of: Mapping[str, str] | None = None,
    outlet: Mapping[str, str] | None = None,
) -> tuple[Figure, ...]:
    """The headline figures of a story's main event, one per measure its reports give.

    Sources are counted by outlet, as the story's facts count them (``outlet``, by
    default :func:`storyline.story.facts.outlet_keys` of ``items``).
    """
    dups = dict(duplicate_of or {})
    if outlet is None:
        ids = [i.article.id for i in items]
        outlet = outlet_keys(ids, {i.article.id: i.article for i in items}, dups)
    per_measure: dict[str, list[ReportFigure]] = {}
    for item in items:
        for measure, fig in report_figures(item):
            per_measure.setdefault(measure, []).append(fig)
    shot, told = _shot(per_measure), _told(per_measure)
    combined = {
        # a later death supersedes a report's toll, not its other counts (arrests, ...)
        m: combine(m, per_measure[m], dups, outlet, shot, told if m in FEWER else None)
        for m in ORDER
        if m in per_measure
    }
    if "killed" in combined and "injured" in per_measure:
        # A report that says only "a man was shot" does not say he lived: when the
        # story knows of deaths, its injured are the shot less the story's dead.
        killed = combined["killed"].value
        figs = [_less_killed(f, killed) for f in per_measure["injured"]]
        if figs != per_measure["injured"]:
            combined["injured"] = combine("injured", figs, dups, outlet, shot, told)
    return tuple(combined[m] for m in ORDER if m in combined)


def _shot(per_measure: Mapping[str, Sequence[ReportFigure]]) -> dict[str, float]:
    """Per report that states both tolls, its dead and wounded together (the people shot).

    Only tolls a report states: one derived ("shot 2 − killed 1") adds up to its
    shot whatever the dead.
    """
    killed = {f.article: f.value for f in per_measure.get("killed", ()) if not f.derived}
    return {
        f.article: killed[f.article] + f.value
        for f in per_measure.get("injured", ())
        if f.article in killed and not f.derived
    }


def _told(per_measure: Mapping[str, Sequence[ReportFigure]]) -> dict[str, Told]:
    """Per report that gives a wounded or shot figure, the dead and the people shot it tells of."""
    killed = {f.article: f.value for f in per_measure.get("killed", ())}
    out: dict[str, Told] = {}
    for f in per_measure.get("injured", ()):
        dead = killed.get(f.article, 0.0)
        out[f.article] = (0.0, f.shot) if f.shot is not None else (dead, dead + f.value)
    return out


def _superseded(fig: ReportFigure, figs: Sequence[ReportFigure], told: Mapping[str, Told]) -> bool:
    """Whether a report of a later day tells of as many people shot, more of them dead.

    "Two men were wounded", then days later "two men were shot; one has died": the
    later report counts the same people and knows of a death the first did not, so
    the first report's figure (its wounded, its dead) was true of a time before and
    no longer takes part in the story's choice. People shot in other numbers are
    other counts (another incident, a part of the victims), not an update.
    """
    then = told.get(fig.article)
    if then is None or not _day(fig):
        return False
    for other in figs:
        now = told.get(other.article)
        if now is None or other.value == fig.value or _day(other) <= _day(fig):
            continue
        if now[1] == then[1] and now[0] > then[0]:
            return True
    return False


def _less_killed(fig: ReportFigure, killed: float) -> ReportFigure:
    """An injured figure derived from "shot" alone, less the story's killed figure."""
    if fig.shot is None or not killed:
        return fig
    value = max(0.0, fig.shot - killed)
    derived = f"shot {_fmt(fig.shot)} − killed {_fmt(killed)} (the story's)"
    return ReportFigure(fig.article, fig.published, value, fig.citations, derived, fig.shot)
