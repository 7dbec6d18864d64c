"""Page debris: the lines of an article that are not its sentences.

Copy-pasted and extracted news text keeps photo captions with their credits,
"Also read:" links, agency footers, bylines, share buttons, the headline and
section sub-headings. They are found line by line, never rewritten: the stage
returns spans, and :func:`mask_text` blanks them out while keeping every
offset, so later stages parse the masked text and cite the original.

Kinds: ``headline`` (the title line, or a repeat of it), ``subheading``,
``caption`` (a caption line with its credit), ``credit`` (a credit alone, or the
signature line of an embedded post), ``related-link`` (also bare URLs,
newsletter pitches and the lines of a video playlist, "1:09 Title"), ``footer``
(agency, reporting, copyright, contact lines), ``byline`` ("By …", "Updated …",
"(Published …)", also where such a stamp closes a line of text: the stamp alone),
``dateline`` (a place or date alone on a line) and ``navigation`` (share bars, ad
slots, skip links).

The date a report prints in its own date or byline lines is read from these spans
by :func:`storyline.ingest.dates.stated_date`.

A line is debris only when it is debris as a whole: a sentence that mentions an
agency, or a paragraph that starts with the word "Related", stays text. The one
part of a line marked alone is a publication stamp that closes it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from storyline.lexicon.calendar import DATELINE_HEAD, MONTH_WORD, WEEKDAY_WORD
from storyline.model import Boilerplate, Span

# --- what a line of debris looks like ------------------------------------------------

_AGENCY = (
    r"(?:AP|AFP|Reuters|REUTERS|EPA|EPA-EFE|AAP|PA|PA Wire|PA Images|Xinhua|XINHUA|Anadolu|"
    r"ANI|PTI|IANS|UPI|dpa|DPA|TASS|Sputnik|Bloomberg|Getty Images|Getty|Shutterstock|Alamy|"
    r"AP Photo|Pool|Handout|Supplied|File)"
)
# "(Iryna Rybakova/AP)", "(Leon Neal/Pool via AP)", "(Photo by X/Getty Images)", "[Name/Agency]"
_SLASH_CREDIT = re.compile(r"[(\[][A-Z][^()\[\]\n]{1,79}/\s*[A-Z][^()\[\]\n/]{1,59}[)\]]$")
# "(… via Reuters)", "(AFP via Getty Images)"
_VIA_CREDIT = re.compile(
    r"[(\[][^()\[\]\n]{0,80}\bvia\s+[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}[)\]]$"
)
# "… on Tuesday. Reuters", "… | AFP", "… REUTERS/Gleb Kovalenko", "…(AP Photo/Name)"
_TRAILING_AGENCY = re.compile(
    rf"(?:^|[.|/(\[]\s*|\s[-–—]\s*){_AGENCY}(?:\s*/\s*[A-Z][\w.' -]{{1,40}})?[)\]]?$"
)
# "Photo: Name", "PHOTOGRAPH: Name/Agency", "Image by Name", "Image source, Getty Images";
# case-sensitive, so "its image, complete with..." in a sentence is not a label.
_PHOTO_LABEL = re.compile(
    r"(?:^|[.(\[|]\s*|\s)(?:Photo(?:graph)?s?|PHOTO(?:GRAPH)?S?|Picture|PICTURE|Pic|Image|IMAGE|"
    r"Illustration|Graphic|Photo credit|Image credit|Credit|CREDIT)\s*:\s*\S"
    r"|(?:^|[.|]\s*)(?:Photo|Photograph|Picture|Image|Illustration) by [A-Z]"
    r"|^Image (?:source|caption), "
)
_IMAGE_CAPTION = re.compile(
    r"^(?:Image caption|Media caption|Video caption|Caption|Pictured|PHOTO|FILE PHOTO)\s*[:,]", re.I
)
# The signature line of an embedded post: "— Olga Brenner (@obrenner) March 11, 2025"
_EMBED = re.compile(r"^[—–-]+\s*[^\n]{1,60}\(@\w{1,30}\)\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?$")
# An embedded post with its text, its signature closing the paragraph:
# "... pic.twitter.com/x1y2 — Olga Brenner (@obrenner) March 11, 2025"
_EMBED_END = re.compile(r"\s[—–]\s*[^\n—–]{1,60}\(@\w{1,30}\)\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}$")
# The reporter's line closing a local report: "Dana Holt can be reached at 555-0100 or
# dholt@example.com", "Dana Holt is the Courier's public safety reporter."
_REPORTER = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){1,3}(?:can|may) be reached (?:at|by (?:phone|e-?mail)|via)\b"
    r"[^.]{0,80}(?:\d{3}|@)"
    r"|^(?:[A-Z][\w.'’-]*\s+){1,3}(?:is|covers)\s+(?:the\s+|a\s+)?[\w\s'’.-]{0,50}"
    r"\b(?:reporter|correspondent|writer|editor|columnist)\b"
)
# Follow-an-author widgets of archived news sites.
_WIDGET = re.compile(
    r"^(?:get email notifications on\b|your notification has been saved\b|"
    r"there was a problem saving your notification\b|"
    r"whenever .{1,60} posts new content, you'?ll get an email\b|"
    r"like this: like loading\b|you must enter the characters\b|"
    r"report an error or submit a tip\b|for more neighborhood news, listen\b)",
    re.I,
)
_BARE_URL = re.compile(r"^(?:<)?(?:https?://|www\.|pic\.twitter\.com/)\S+(?:>)?$")
# A video clip in a playlist: its length, then its title ("1:09 Cargo ship arrives in port").
_CLIP = re.compile(r"^\d{1,2}:\d{2}\s+(?!(?:a|p)\.?m\b)(?=[A-Z0-9\"'“‘])", re.I)
# A video's caption closed by its stamp: "... Dana Holt reports. (Published Monday, Sept. 21, 2015)"
_STAMPED = re.compile(r"\((?:Published|Updated|Posted)\s+[^()]{1,60}\)$")
# A headline run into its stamps on one line: "Boat sinks off Kessel Posted: Monday, May 4,
# 2015 9:12 AM EDT Updated: Monday, May 4, 2015 10:02 AM EDT".
_STAMP_LABEL = re.compile(r"\s(?:Posted|Published|Updated|Last updated)\s*:\s+")
#: The most words a headline before its stamps has.
_STAMPED_HEAD_WORDS = 20

_RELATED = re.compile(
    r"^(?:also read|read more|read also|see also|related(?: articles?| stories| coverage)?|video|"
    r"more on this(?: story)?|recommended(?: reading)?|don'?t miss|must read|watch(?: now)?|"
    r"listen|more|latest|explainer|opinion|in pictures|in depth|trending)"
    r"(?:\s*[:|»>]|\s+[–—-])\s*\S",  # "More-than-expected rain" is a sentence
    re.I,
)
_RELATED_CAPS = re.compile(r"^(?:READ MORE|ALSO READ|RELATED|WATCH|MORE|SEE ALSO)\b")
_SIGN_UP = re.compile(
    r"^(?:sign up|subscribe|click here|tap here|download (?:our|the) app|get (?:our|the) \w+ "
    r"(?:newsletter|briefing|alerts?)|join (?:our|us on))\b",
    re.I,
)

_FOOTER_PATTERNS = (
    re.compile(
        r"^\(?\s*(?:additional )?(?:reporting|writing|editing|compiled|produced) by\b", re.I
    ),
    re.compile(r"^\(?\s*(?:©|\(c\)|copyright\b)", re.I),
    re.compile(r"\ball rights reserved\b", re.I),
    re.compile(r"^follow (?:us|\w+) on\b", re.I),
    re.compile(r"^(?:with )?(?:inputs?|additional reporting) from (?:agencies|wires)\b", re.I),
    re.compile(r"^(?:this (?:article|story|report) (?:was|has been|first|originally)\b)", re.I),
    re.compile(
        r"^(?:[A-Z][\w&.'-]*\s+){1,3}(?:and|&|with)\s+[A-Z][\w&.'-]*\s+contributed to this report",
        re.I,
    ),
    re.compile(r"^(?:[\w&.'-]+\s+){0,3}contributed to this (?:report|story)\b", re.I),
    re.compile(r"^(?:contact|e-?mail|write to|reach)\b[^.]{0,60}@[\w-]+\.\w", re.I),
)
# "Agencies via Xinhua", "Staff and agencies", "— AFP", "(Reuters)" as a line of its own
_AGENCY_LINE = re.compile(
    rf"^(?:[-–—]\s*)?\(?(?:(?:staff|agencies|agency|wires|{_AGENCY})(?:\s*(?:,|and|&|/|\+|via|with)"
    rf"\s*)?)+\)?\.?$",
    re.I,
)
_VIA_LINE = re.compile(
    r"^[A-Z][\w&.'-]*(?:\s+[A-Za-z][\w&.'-]*){0,2}\s+via\s+[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2}$"
)

_BYLINE = re.compile(
    r"^(?:By|BY)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|da|van|von|der|al|el|bin|"
    r"staff|correspondents?|reporters?|writers?|editors?|in|for|news|desk|team))*"
    r"(?:\s*[,|]\s*[^.!?]{0,60})?$"
)
_STAMP = re.compile(
    r"^(?:Last\s+)?(?:Updated|Published|Posted|Modified|First published|Last modified)"
    r"(?:\s+(?:on|at))?\s*[:,]?\s+(?P<when>.{1,60})$",
    re.I,
)
_MONTHS = MONTH_WORD
_DAYS = rf"{WEEKDAY_WORD}|ago|hours?|hrs?|minutes?|mins?|days?"
_DATE_TOKEN = re.compile(
    rf"^(?:{_MONTHS}|{_DAYS}|updated|published|posted|last|\d{{1,4}}(?:st|nd|rd|th|am|pm)?|"
    r"\d{1,2}[:.]\d{2}(?:am|pm)?|am|pm|a\.m\.|p\.m\.|"
    r"gmt|utc|bst|cet|cest|et|est|edt|pt|pst|pdt|ist|aest|msk|on|at|of|the|"
    r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{4}-\d{2}-\d{2}(?:t[\d:]+z?)?)$",
    re.I,
)
# "KRASNOBIR, March 11 (Northwire) -", "MOSCOW/WASHINGTON —" or "Mumbai, Nov 11 -" alone on
# a line: a place in capitals, or a capitalised place followed by a date.
_DATELINE = re.compile(rf"^{DATELINE_HEAD}\s*(?:[-—–]+|:)$")
_NAV_LINES = frozenset({
    "share", "share this", "share this article", "share this story", "share article",
    "advertisement", "advertising", "ad", "sponsored", "sponsored content", "skip to content",
    "skip to main content", "skip navigation", "skip to navigation", "menu", "close",
    "back to top", "print", "comments", "view comments", "show comments", "loading",
    "scroll to continue", "continue reading", "continue reading below",
    "story continues below", "story continues below advertisement", "article continues below",
    "listen to this article", "show more", "read less", "log in", "sign in", "home", "next",
    "previous", "copy link", "copied", "toggle caption", "hide caption", "enlarge this image",
    "expand", "most read", "most popular", "top stories", "more from", "topics", "tags",
})  # fmt: skip
_SOCIAL = frozenset(
    {"share", "facebook", "twitter", "x", "whatsapp", "email", "e-mail", "linkedin", "telegram"}
    | {"reddit", "print", "copy", "link", "pinterest", "messenger", "flipboard", "bluesky"}
    | {"threads", "mail", "on", "via", "this", "article", "story"}
)
# A photo agency alone on a line is a picture credit, not an agency footer.
_PHOTO_AGENCIES = frozenset(
    {"getty images", "shutterstock", "alamy", "ap photo", "afp via getty images", "handout"}
)

_SENTENCE_END = tuple(".!?…:;,")
#: A clip's title in a playlist is a headline: its length and a few words more.
_CLIP_WORDS = 30
#: Sub-headings are short; a longer line without a stop is more likely a stray sentence.
_SUBHEADING_WORDS = 10
_QUOTE_CLOSERS = "\"'”’»"
_WORD = re.compile(r"[\w’'-]+")


# --- lines ------------------------------------------------------------------------------


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, without surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = position + (len(raw) - len(raw.lstrip()))
            spans.append((start, start + len(stripped)))
        position += len(raw) + 1
    return spans


def _blocks(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Blank-line separated paragraphs as (start, end) spans."""
    blocks: list[tuple[int, int]] = []
    for start, end in lines:
        if blocks and "\n\n" not in text[blocks[-1][1] : start].replace(" ", "").replace("\t", ""):
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


def _units(text: str) -> list[tuple[int, int]]:
    """The units judged one by one: lines, or whole paragraphs when the text is hard-wrapped.

    In hard-wrapped text (most paragraphs several short lines) a line is a piece of
    a sentence, so a short capitalised line is not a heading and a caption may run
    over two lines: the paragraph is the unit there.
    """
    lines = _lines(text)
    blocks = _blocks(text, lines)
    if len(blocks) == len(lines):
        return lines
    multi = [b for b in blocks if "\n" in text[b[0] : b[1]]]
    widths = sorted(end - start for start, end in lines)
    wrapped = len(multi) * 2 >= len(blocks) and widths[len(widths) // 2] <= 100
    return blocks if wrapped else lines


#: Lines whose key and word count are kept: each line is asked for them by several
#: tests (a unit of a report: a line or a paragraph).
_KEPT_LINES = 4096


@lru_cache(maxsize=_KEPT_LINES)
def _key(line: str) -> str:
    """A comparison key for headlines: lower case, letters and digits only."""
    return " ".join(_WORD.findall(line.casefold().replace("’", "'")))


@lru_cache(maxsize=_KEPT_LINES)
def _words(line: str) -> int:
    """The number of words in a line."""
    return len(_WORD.findall(line))


def _ends_sentence(line: str) -> bool:
    """Whether the line ends as a sentence or clause does (stop, colon, comma...)."""
    core = line.rstrip(_QUOTE_CLOSERS + ")] ")
    return core.endswith(_SENTENCE_END)


def _headline_like(line: str) -> bool:
    """Short, capitalised, no final stop: how headlines and sub-headings look."""
    if _ends_sentence(line) or line.endswith(("-", "—", "–")):
        return False
    words = _words(line)
    if not 1 <= words <= 16 or len(line) > 120:
        return False
    first = line.lstrip("\"'“‘«([").lstrip()
    return bool(first) and (first[0].isupper() or first[0].isdigit())


# --- classification ----------------------------------------------------------------------


def _caption_kind(line: str) -> str | None:
    """``caption`` for a caption line with its credit, ``credit`` for a credit alone."""
    if len(line) > 400 or _words(line) > 70:
        return None
    has_credit = bool(
        _SLASH_CREDIT.search(line) or _VIA_CREDIT.search(line) or _TRAILING_AGENCY.search(line)
    )
    labelled = bool(_PHOTO_LABEL.search(line)) or bool(_IMAGE_CAPTION.match(line))
    if not (has_credit or labelled):
        return None
    if has_credit and not labelled and _ends_sentence(line):
        return None  # "... the agency told AP." is a sentence, not a caption
    body = _SLASH_CREDIT.sub("", _VIA_CREDIT.sub("", line)).strip()
    label = _PHOTO_LABEL.match(line)
    if label and label.start() == 0:
        body = line[label.end() - 1 :]  # "Photograph: Name/Agency" is all credit
        return "credit" if _words(body) <= 6 else "caption"
    return "credit" if _words(body) <= 4 and not _IMAGE_CAPTION.match(line) else "caption"


def _is_related(line: str) -> bool:
    """A "Read more:"-style link line, or a newsletter pitch."""
    if _words(line) > 30:
        return False
    if _RELATED.match(line):
        return True
    if _RELATED_CAPS.match(line) and (line.split(None, 2)[:2] == line.upper().split(None, 2)[:2]):
        # "READ MORE Kolmar shares fall" - the label in capitals, a headline after it.
        return not _ends_sentence(line) or line.isupper()
    return bool(_SIGN_UP.match(line)) and _words(line) <= 20


def _is_footer(line: str) -> bool:
    """Agency footers, reporting credits, copyright and follow-us lines."""
    if _words(line) > 40:
        return False
    if any(pattern.search(line) for pattern in _FOOTER_PATTERNS):
        return True
    return _words(line) <= 8 and bool(_AGENCY_LINE.match(line) or _VIA_LINE.match(line))


def _is_navigation(line: str) -> bool:
    """Share buttons, advertisement slots, skip links: words of page furniture only."""
    key = _key(line)
    if key in _NAV_LINES:
        return True
    if key.startswith(("advertisement", "skip to")) and len(key.split()) <= 6:
        return True
    words = key.split()
    return 0 < len(words) <= 10 and all(w in _SOCIAL for w in words) and "share" in words


def _is_date_only(line: str) -> bool:
    """A line holding nothing but a date and time ("11 March 2025, 10:32 GMT")."""
    tokens = re.findall(r"[\w:./-]+", line)
    if not tokens or len(line) > 80:
        return False
    if not any(re.search(r"\d", t) for t in tokens):
        return False
    return all(_DATE_TOKEN.match(t.strip(".,:") or ".") for t in tokens)


def _classify(line: str) -> str | None:
    """The debris kind of one line judged on its own, or None for text."""
    if _key(line) in _PHOTO_AGENCIES:
        return "credit"
    if _is_navigation(line):
        return "navigation"
    if _is_related(line) or _BARE_URL.match(line):
        return "related-link"
    if _EMBED.match(line) or (_EMBED_END.search(line) and _words(line) <= 80):
        return "credit"
    if _WIDGET.match(line) and _words(line) <= 40:
        return "navigation"
    if _REPORTER.match(line) and _words(line) <= 40:
        return "footer"
    if _is_footer(line):
        return "footer"
    stamp = _STAMP.match(line.removeprefix("(").removesuffix(")"))
    if _BYLINE.match(line) or (stamp and _is_date_only(stamp.group("when"))) or _stamped_head(line):
        return "byline"
    if _DATELINE.match(line) or _is_date_only(line):
        return "dateline"
    return _caption_kind(line)


def find_boilerplate(text: str, title: str | None = None) -> tuple[Boilerplate, ...]:
    """Spans of page debris in ``text``: sorted, non-overlapping, whole lines or paragraphs
    (and a publication stamp closing a line of text)."""
    units = _units(text)
    # Judge each unit on its text with line breaks and runs of spaces collapsed.
    lines = [" ".join(text[start:end].split()) for start, end in units]
    found: dict[int, str] = {}
    for index, line in enumerate(lines):
        kind = _classify(line)
        if kind:
            found[index] = kind
    # The headline: the line equal to the title, or a headline-like first line.
    title_key = _key(title) if title else ""
    first = next((i for i in range(len(lines)) if i not in found), None)
    if (
        not title_key
        and first is not None
        and first + 1 < len(lines)
        and _headline_like(lines[first])
        and _words(lines[first]) >= 2
    ):
        title_key = _key(lines[first])
    if title_key:
        for index, line in enumerate(lines):
            if index not in found and _key(line) == title_key:
                found[index] = "headline"
    for index in _playlist(lines):
        found.setdefault(index, "related-link")
    for index in range(len(lines)):
        if index not in found and _is_subheading(lines, index, found):
            found[index] = "subheading"
    spans = [Boilerplate(Span(*units[i]), found[i]) for i in sorted(found)]
    spans += [
        b for i, unit in enumerate(units) if i not in found and (b := _stamp_at_end(text, unit))
    ]
    return tuple(sorted(spans, key=lambda b: b.span.start))


def _stamped_head(line: str) -> bool:
    """Whether a line is a headline run into its publication stamps ("Boat sinks off Kessel
    Posted: Monday, May 4, 2015 9:12 AM EDT Updated: ..."): a head that does not end as a
    sentence, then only stamps that hold nothing but a date and time."""
    labels = list(_STAMP_LABEL.finditer(line))
    if not labels:
        return False
    head = line[: labels[0].start()]
    if _ends_sentence(head) or not 1 <= _words(head) <= _STAMPED_HEAD_WORDS:
        return False
    ends = [m.start() for m in labels[1:]] + [len(line)]
    return all(_is_date_only(line[m.end() : end]) for m, end in zip(labels, ends, strict=True))


def _stamp_at_end(text: str, unit: tuple[int, int]) -> Boilerplate | None:
    """A publication stamp closing a line of text ("... has the details. (Published Monday,
    Sept. 21, 2015)"), marked alone: the words before it are the outlet's own."""
    start, end = unit
    stamped = _STAMPED.search(text, start, end)
    if stamped is None or stamped.start() == start or stamped.end() != end:
        return None
    if not _is_date_only(" ".join(stamped.group(0)[1:-1].split())):
        return None
    return Boilerplate(Span(stamped.start(), end), "byline")


def _playlist(lines: list[str]) -> list[int]:
    """The lines of a video playlist: two or more clips in a row, each its length and a title
    with no closing stop ("1:09 Cargo ship arrives in port"). A live blog's "10:32 ..." entry
    is a sentence and ends as one."""
    clips = [
        bool(_CLIP.match(line)) and not _ends_sentence(line) and _words(line) <= _CLIP_WORDS
        for line in lines
    ]
    return [
        i
        for i, clip in enumerate(clips)
        if clip and ((i > 0 and clips[i - 1]) or (i + 1 < len(clips) and clips[i + 1]))
    ]


def _is_subheading(lines: list[str], index: int, found: dict[int, str]) -> bool:
    """A short title-like line set between paragraphs ("More attacks").

    The line before must end a sentence (or be debris) and the line after must
    start a new sentence and be prose, so a piece of a wrapped sentence never
    qualifies.
    """
    if index + 1 >= len(lines) or not _headline_like(lines[index]):
        return False
    if _words(lines[index]) > _SUBHEADING_WORDS:
        return False
    if index > 0 and index - 1 not in found and not _ends_sentence(lines[index - 1]):
        return False
    following = lines[index + 1]
    if index + 1 in found:
        return True
    opener = following.lstrip("\"'“‘«([")[:1]
    return bool(opener) and (opener.isupper() or opener.isdigit()) and _ends_sentence(following)


def mask_text(text: str, spans: Sequence[Boilerplate]) -> str:
    """``text`` with every boilerplate character turned into a space; newlines and length kept."""
    if not spans:
        return text
    chars = list(text)
    for item in spans:
        for position in range(max(0, item.span.start), min(len(chars), item.span.end)):
            if chars[position] != "\n":
                chars[position] = " "
    return "".join(chars)
