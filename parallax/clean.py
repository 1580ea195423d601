"""Residue removal and metadata inference: :class:`RawDocument` -> :class:`Article`.

Scraped articles carry more than the article: repeated headlines, bylines, date headers, photo captions and
credits, subheadings, newsletter and sign-up lines, editors' notes, tag lists, wire tags ("/ AP"). This
module takes each of them out, records what it removed and why, and reads the metadata those pieces give
away (title, byline, date, outlet). Every sentence of the article itself is kept, character for character.

The rules are hand-written: trafilatura and its peers work on HTML structure, and the residue here lives in
plain text where no maintained library recognises it. Each rule is a named pattern with the reason it
reports, so a wrong removal is easy to trace.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import logging
import re
from dataclasses import dataclass, field

from parallax import metadata, outlets, timex
from parallax.config import IngestOptions
from parallax.errors import EmptyInput, NotEnglish
from parallax.models import Article, How, RawDocument, Removal, content_hash
from parallax.residue import MAX_RESIDUE_WORDS, SIGNUP_WIDGET, residue_reason

LOGGER = logging.getLogger(__name__)

MAX_TITLE_WORDS = 25  # longer first lines are lead paragraphs, not headlines
MAX_HEADING_WORDS = 12  # subheadings are short; a longer unpunctuated line is body text cut short
MIN_WORDS_FOR_LANGUAGE = 20  # langdetect guesses wildly on a sentence or two

_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”]$")
_WS = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")

_DATE_HEADER = re.compile(
    r"^\s*(?:date|dated|published|posted|updated|last updated)\s*:?\s+(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_TIMESTAMP = re.compile(
    # "Posted: Sep 19, 2013 5:50 PM EDT", "Posted in Local News on Wednesday, September 18, 2013."
    r"^(?:published|posted|updated|last updated|first published)\b[^.]{0,80}\d{4}"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?)?\s*$|"
    # the line's full stop only right after a whole date ("... on Wednesday, September 18, 2013.")
    r"^(?:published|posted|updated|last updated|first published|originally published)\s*:?\s*"
    r"(?:in\s+[\w&'’ -]{1,40}?\s+)?(?:on\s+|at\s+)?(?:[a-z]+day,?\s+)?"
    rf"{_MONTH_NAME}\s+\d{{1,2}},\s+\d{{4}}"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?\.?\s*$|"
    r"^(?:published|posted|updated)\s*(?:on|at)?\s*:?\s*\d{1,2}:\d{2}\s*[ap]\.?m\.?.*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?i:by|written by|words by|story by)\s*:?\s+(?P<names>[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|de|van|von|da|al|bin))*"
    r"(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)*)*)"
    r"(?:\s*(?:[,|•·–—-]|\b(?i:for)\b)\s*(?P<org>[^,|]{2,60}))?\s*$"
)
# the page's own widgets after the article: "international", "BusinessInsiderDe",
# "(Graphic: Global currencies vs. dollar - here)", "[Wired]", "twitter.com/reporter"
MAX_TRAILING_FRAGMENT_WORDS = 10
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"'”’)\]]*\s*$|[\"”’]\s*$")
_WIDGET = re.compile(r"^\S+$|^[(\[].*[)\]]$|https?://|www\.|\S@\S|\.com/")


def _is_widget(line: str) -> bool:
    """A short unpunctuated line that is one token, bracketed, or an address: not a sentence (a last
    line like "The vote is set for Friday. —AP" or "Key points:" is not one)."""
    return (
        _words(line) <= MAX_TRAILING_FRAGMENT_WORDS
        and not _ENDS_SENTENCE.search(line)
        and _WIDGET.search(line) is not None
        and not re.search(r"[“”\"]", line)
    )


_BARE_TIMESTAMP = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
# a page's relative time stamp ("2 hours ago", "Updated 3 days ago"): no date can be read from it
_RELATIVE_STAMP = re.compile(
    r"^(?:(?:published|posted|updated|last updated)\s*:?\s*)?"
    r"(?:(?:\d{1,2}|an?)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)|\d{1,2}\s*[hmd])\s+ago$",
    re.IGNORECASE,
)
_ZONE = r"(?:GMT|UTC|BST|CET|CEST|EET|EEST|IST|JST|AEST|AEDT|ET|EDT|EST|CT|CDT|CST|PT|PDT|PST)"
# a live blog's entry times: "14.05 BST", "Updated at 14.12 BST", "9:40 a.m. ET"
_CLOCK_STAMP = re.compile(
    rf"^(?:(?:updated|posted|published|first published)\s+(?:at\s+)?)?\d{{1,2}}[.:]\d{{2}}\s*"
    rf"(?:[ap]\.?m\.?\s*)?{_ZONE}?$",
    re.IGNORECASE,
)
# a date in figures alone on its line, day first as European sites print it: "17.05.2024 14:32"
_NUMERIC_DATE = re.compile(
    r"^(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_BARE_LINK = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
# a scraped text's own address on a line above the article ("http://articles.latimes.com/2013/may/
# 03/local/...", "Source: https://..."), as scrapers and archives save a page's text
_PAGE_ADDRESS = re.compile(
    r"^(?:(?:source|url|link|original(?:\s+(?:article|url))?|read more(?:\s+at)?)\s*:\s*)?"
    r"(?P<url>https?://[\w-]+(?:\.[\w-]+)+/\S+)$",
    re.IGNORECASE,
)
# ... not an image, nor a share or sign-in link
_MEDIA_LINK = re.compile(
    r"\.(?:jpe?g|png|gif|svg|webp|mp[34]|pdf)(?:\?\S*)?$|/(?:intent|sharer|share|login|signin)\b"
    # ... nor a social profile or a short link: someone's page, not the article's
    r"|^https?://(?:[\w-]+\.)*(?:twitter|x|facebook|instagram|youtube|linkedin|tiktok|t|bit|"
    r"flickr|pinterest|threads)\.(?:com|co|ly|net)/",
    re.IGNORECASE,
)
# an archive's copy of a page, which names the page's address inside its own
_ARCHIVED = re.compile(
    r"^https?://(?:web\.)?archive\.(?:org/web|ph|today|is)/[\w*]+/(?P<inner>https?://\S+)$", re.I
)
# an aggregator's address names no outlet of the article
_AGGREGATOR = re.compile(
    r"^https?://(?:[\w-]+\.)*(?:news\.google|flipboard|feedly|newsnow|ground\.news|smartnews)\.",
    re.I,
)
# a date in a page's address: "/2013/05/02/", "/2013/may/03/"
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d\d)/(?P<month>\d\d?|[a-z]{3,9})/(?P<day>\d\d?)(?:/|$)", re.I
)
# a dateline on a line of its own, as CNN's pages print it above the lead: "Rome CNN —"
_DATELINE_LINE = re.compile(
    r"^[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3}\s*\(?(?P<agency>CNN|AP|AFP|Reuters)\)?\s*(?:[—–]|--?)$"
)
# a video's running time and source under its title: "01:12 - Source: CNN"
_VIDEO_CARD = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s*[-–—|]\s*Source:\s*[\w .&'’-]{2,40}$")
_CAPTION = re.compile(
    r"©|\b(?:getty images|via getty|ap photo|afp photo|reuters/|/reuters|file photo|photo credit|photograph:|"
    r"photo:|photos:|image:|image source|image caption|image credit|credit:|picture:|pictured:|courtesy of|shutterstock|"
    r"epa-efe|alamy|/ap\b|/afp\b|\(photo by|\(photo:)",
    re.IGNORECASE,
)
_CREDIT_AT_END = re.compile(
    r"(?:\([^)]*(?:photo|image|getty|reuters|\bap\b|afp|epa|file|courtesy|credit)[^)]*\)|©[^.]*|"
    r"(?:photo|image|picture|credit)s?\s*(?:by)?\s*:\s*[^.]{2,60}|"
    r"/\s*(?:getty images|ap|afp|reuters|epa(?:-efe)?|shutterstock|alamy|[A-Z][\w.-]+(?: [A-Z][\w.-]+){0,2})|"
    r"getty images|file photo|afp|ap photo|acquire licensing rights)\s*$",
    re.IGNORECASE,
)
_AGENCY_IN_CREDIT = re.compile(r"(?<![A-Z])(AFP|Reuters|REUTERS|AP)(?![a-z])")
# "... as needed. / AP" (any agency) or "— Reuters" (known agencies: after a dash it may be a signature)
_WIRE_TAG = re.compile(
    r"(?<=[.!?\"”’])\s*(?:/\s*(?P<agency>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})|"
    r"(?:—|–|--)\s*(?P<known>AP|AFP|Reuters|UPI|dpa|Bloomberg))\s*$"
)
# the reporters' credits AP, The Washington Post and Politico end an article with, each sentence a
# credit: "Ada Brook reported from Lindham. Associated Press writer Tom Reyes contributed to this
# report.", "Brook reported from Lindham, Calif.; Reyes, from Oster.", "Tom Reyes contributed."
# (read at the end only: in the body "Brook reported from Lindham" may be news)
_CREDIT_NAME = r"[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?){0,3}"
_CREDIT_PLACE = r"[A-Z][\w'’.-]*(?:,?\s+[A-Z][\w'’.-]*){0,4}"  # "Los Angeles", "Washington, D.C."
_CREDIT_SENTENCE = (
    r"(?:(?:The\s+)?(?:Associated\s+Press|AP|Reuters)\s+(?:writers?|reporters?|correspondents?)\s+)?"
    rf"{_CREDIT_NAME}(?:(?:,\s*|,?\s+and\s+){_CREDIT_NAME})*\s+(?:reported|contributed)"
    r"(?:\s+reporting|\s+to\s+this\s+(?:report|story|article))?"
    rf"(?:\s+from\s+{_CREDIT_PLACE}(?:;\s*{_CREDIT_NAME},\s+from\s+{_CREDIT_PLACE})*)?\."
)
_REPORTERS_CREDIT = re.compile(rf"^{_CREDIT_SENTENCE}(?:\s+{_CREDIT_SENTENCE})*$")
# a photo's credit alone on its line in the agencies' capitals ("ASSOCIATED PRESS."), its caption lost
# (not "EPA", which is also the US regulator a news line may name)
_LONE_CREDIT = re.compile(r"^(?:THE )?(?:ASSOCIATED PRESS|AP|REUTERS|AFP|GETTY IMAGES)\.?$")
_COPYRIGHT_OWNER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<owner>[A-Z][\w&.’' -]{1,60}?)"
    r"(?:,?\s*(?:Ltd|Inc|LLC|plc)\.?)?\s*(?:\.|,|all rights reserved|$)",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"\bcopyright\b|all rights reserved|^\s*©\s*\d{4}\b", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[\W_]{1,20}$")

_SIGNUP_WIDGET_LINE = re.compile(SIGNUP_WIDGET, re.IGNORECASE)
_WIDGET_REPLY = re.compile(r"^(?:sorry|oops|whoops)[.!]*$", re.IGNORECASE)


# News databases' exports (ProQuest, LexisNexis) wrap the article in their own headings and fields:
# "ABSTRACT." and "FULL TEXT." around the database's own summary, "LENGTH: 812 words", "LOAD-DATE: ...".
_DATABASE_HEADING = re.compile(r"^(?:ABSTRACT|FULL TEXT|BODY)[.:]?$")
_DATABASE_FIELD = re.compile(
    r"^(?P<field>LENGTH|SECTION|BYLINE|DATELINE|LOAD-DATE|LANGUAGE|PUBLICATION-TYPE|DOCUMENT-TYPE|"
    r"GRAPHIC|HIGHLIGHT|JOURNAL-CODE|CORRECTION-DATE|SUBJECT|ORGANIZATION|PERSON|GEOGRAPHIC|"
    r"INDUSTRY|CITY|STATE|COUNTRY|TICKER|DISTRIBUTION|ACC-NO):[ \t]*(?P<value>.*)$"
)


@dataclass
class _Clue:
    value: str
    how: How
    rank: int  # lower wins
    note: str


@dataclass
class _State:
    """What the cleaner learns while it walks the paragraphs of one document."""

    title: str | None = None
    removed: list[Removal] = field(default_factory=list)
    outlet: list[_Clue] = field(default_factory=list)
    byline: list[_Clue] = field(default_factory=list)
    published: list[_Clue] = field(default_factory=list)
    url: str | None = None  # the page's address, as a scraped text's first lines give it

    def drop(self, text: str, reason: str) -> None:
        self.removed.append(Removal(text, reason))


def _words(text: str) -> int:
    return len(text.split())


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _is_title_like(line: str) -> bool:
    return (
        _words(line) <= MAX_TITLE_WORDS
        and not _TERMINAL.search(line)
        and not line.endswith((":", ",", ";", "-", "—"))
        and not line.startswith(("“", '"', "‘", "-", "•", "*", "–", "("))
        and (line[:1].isupper() or line[:1].isdigit())
    )


# two (or three: a quote inside a quote) apostrophes that open a quote: at a paragraph's start or after
# a space or bracket, before a word
_TRIPLE_OPENING = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))'{3}(?=[^\s'])", re.MULTILINE)
_DOUBLED_OPENING = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))''(?=[^\s'])", re.MULTILINE)


# a markup tag left in plain text: a page's embed ('<tweet tweet-author="@x" tweet-date="...">'), a
# link ('<a href="...">'), a line break; HTML's own tag names only, so "x < y", "<Reuters>" and "I
# love <expletive>" stay. A block tag ends a paragraph; any other is a space, unless punctuation
# follows it ("54-41<tweet/>.")
_TAG = re.compile(
    r"</?(?P<name>a|abbr|b|blockquote|br|cite|div|em|figcaption|figure|font|h[1-6]|i|iframe|img|li|"
    r"ol|p|q|s|small|span|strong|sub|sup|tweet|u|ul)"
    r"(?:\s+[a-z][a-z0-9-]*(?:=(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>/=]+))?)*\s*/?>",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset({"blockquote", "br", "div", "figcaption", "figure", "li", "ol", "p", "ul"})
_TAG_MARK = "\x00"
_TAG_BEFORE_PUNCTUATION = re.compile(rf"[ {_TAG_MARK}]*{_TAG_MARK}[ {_TAG_MARK}]*(?=[.,;:!?)\]])")


def _strip_tags(text: str) -> str:
    marked = _TAG.sub(lambda m: "\n" if m["name"].lower() in _BLOCK_TAGS else _TAG_MARK, text)
    return _TAG_BEFORE_PUNCTUATION.sub("", marked).replace(_TAG_MARK, " ")


def normalise(text: str) -> str:
    """Whitespace as readers expect it: one space between words, paragraphs on their own lines; markup
    tags left in the text go, the words they wrap stay."""
    text = _ZERO_WIDTH.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text:
        text = _strip_tags(text)
    if "``" in text:  # TeX-style quotes of newswire archives (``like this'')
        text = text.replace("``", "“").replace("''", "”")
    elif "''" in text:  # the same archives' other style: ''like this'' (two apostrophes each side)
        # three apostrophes are a quote inside a quote, opening both or closing both
        text = _TRIPLE_OPENING.sub("“‘", text).replace("'" * 3, "’”")
        text = _DOUBLED_OPENING.sub("“", text).replace("''", "”")
    lines = [_WS.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(unwrap(lines) if hard_wrapped(lines) else lines)


_SENTENCE_END = re.compile(r"[.!?:;\"'”’)]$")


def hard_wrapped(lines: list[str]) -> bool:
    """True for text broken into lines of a fixed width (wire copy, e-mail, old archives): most lines
    are near one width of at most 100 characters and many end mid-sentence. Scraped web text, one
    paragraph per line, has lines of every length that end with a full stop."""
    full = [line for line in lines if len(line) >= 30]
    if len(full) < 5:
        return False
    widths = sorted(len(line) for line in full)
    width = widths[int(0.9 * (len(widths) - 1))]
    if width > 100:
        return False
    near = sum(len(line) >= 0.6 * width for line in full)
    open_ended = sum(not _SENTENCE_END.search(line) for line in full)
    if near < 0.8 * len(full) or open_ended < 0.4 * len(full):
        return False
    # a wrapped line ends mid-sentence because the next word would not fit: a headline, deck and
    # byline over a short article (all under the width, none ending in a full stop) end because they
    # are whole
    breaks = [
        len(line) + 1 + len(after.split()[0]) >= 0.85 * width
        for line, after in itertools.pairwise(lines)
        if len(line) >= 30 and after and not _SENTENCE_END.search(line)
    ]
    return sum(breaks) >= 0.75 * len(breaks)


def unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines back into paragraphs. A line ends its paragraph when the next is blank,
    when it is much shorter than the wrap width (the last line of a paragraph), or when it is a
    short line of its own (a headline or byline before the text)."""
    width = sorted(len(line) for line in lines if line)[int(0.9 * (sum(1 for x in lines if x) - 1))]
    out: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                out.append(current)
                current = ""
            out.append("")
            continue
        current = f"{current} {line}" if current else line
        if len(line) < 0.6 * width:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def _outlet_clues_in(line: str, reason: str, state: _State, rank: int) -> None:
    for _, _, outlet in outlets.find_outlets(line):
        state.outlet.append(
            _Clue(outlet.name, "inferred", rank, f"outlet from the {reason}: {line[:80]!r}")
        )
        return


TITLE_LINES = 4  # a headline and its deck wrapped over at most this many lines


def _header(paragraphs: list[str], state: _State) -> int:
    """Handle the lines before the article proper; returns the index of the first body paragraph."""
    index = 0
    while index < len(paragraphs):
        wrapped = _wrapped_title(paragraphs, index, state)
        if wrapped:
            for line in paragraphs[index : index + wrapped]:
                state.drop(line, "repeated title")
            index += wrapped
            continue
        line = paragraphs[index]
        if _deck(paragraphs, index, state):
            state.drop(line, "subtitle")
            index += 1
            continue
        if not _header_line(line, paragraphs, index, state):
            # the body's first paragraph: a headline (and byline) glued to it come off, once
            if _unglue_headline(paragraphs, index, state) and _header_line(
                paragraphs[index], paragraphs, index, state
            ):
                index += 1
            break
        index += 1
    return index


def _deck(paragraphs: list[str], index: int, state: _State) -> bool:
    """A summary line printed under the headline and above the byline or date ("Torrential rain ...
    left towns underwater." over "By Ada Brook"): it ends like a sentence, but the article starts
    below the byline. A lead followed by an advertisement or a caption is not one."""
    line = paragraphs[index]
    if (
        state.title is None
        or _words(line) > MAX_RESIDUE_WORDS
        or not _TERMINAL.search(line)
        or _BYLINE.match(line)
    ):
        return False
    for after in paragraphs[index + 1 : index + 4]:  # past a page's tools ("Share full article")
        if (_BYLINE.match(after) and _words(after) <= 16) or _REPORTING_FROM.match(after):
            return index + 2 < len(paragraphs)
        if _date_line(after) or _TIMESTAMP.match(after):
            return index + 2 < len(paragraphs)
        if not residue_reason(after):
            return False
    return False


# A headline run into its lead, as data sets and scrapers that join a page's title and text with a
# space give them: "Harbour fire kills two in Portmere PORTMERE, Wales - Two people died ...". The lead
# paragraph starts with a headline when, after at least GLUED_MIN_WORDS words with no full stop:
# a dateline opens the body; or the headline's first name opens it again ("Ada Brook wins the vote Ada
# Brook, the mayor, ..."); or a capitalised function word opens a clause after an unpunctuated word
# ("... stays shut in 2025 For many residents ..."), which prose writes only in names and titles, and
# those go on capitalised ("told The Associated Press") or follow a function word ("in The Hague").
# Hand-rolled: no extraction library works on text whose line breaks are already gone.
GLUED_MIN_WORDS = 4
# ... and, but for a dateline, at most GLUED_MAX_WORDS: headlines run 8-12 words, and past 15 a name
# said again is more likely the lead's own ("... on Thursday announced Apple has replaced ...")
GLUED_MAX_WORDS = 15
_DAY_OR_MONTH = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b"
)
_GLUED_OPENERS = frozenset(
    "The A An In On At For After When As It This There His Her Their Its Some Many Most".split()  # noqa: SIM905
)
_WORD_PUNCT = re.compile(r"^[\"'“‘(]+|[\"'”’),;:]+$")


def _unglue_headline(paragraphs: list[str], index: int, state: _State) -> bool:
    """Split a headline glued to the paragraph at ``index`` (the first of the body) off it, and the
    title again if the text repeats it; True when a byline glued to the headline now stands at
    ``index`` as a line of its own, for the header's rules."""
    line = paragraphs[index]
    byline = None
    start = _glued_body(line) if state.title is None else None
    if start is not None:
        head, line = line[:start].rstrip(), line[start:]
        byline = _GLUED_BYLINE.search(head)
        if byline and _words(head[: byline.start()]) >= GLUED_MIN_WORDS:
            # "Flu shots continue By Lee Chia / Staff reporter": the byline goes to the header's rules
            head = head[: byline.start()].rstrip()
        else:
            byline = None
        state.title = head
        state.drop(head, "title")
    title = state.title
    if title and _words(title) >= GLUED_MIN_WORDS and line.startswith(title + " "):
        rest = line[len(title) + 1 :]
        # "Storm floods the coast road Monday, ...": the lead's own words, not the title again
        # ("... years by Associated Press ...": the title again, with its byline)
        if (
            not (rest[:1].islower() or rest[:1].isdigit()) or re.match(r"by\s+[A-Z]", rest)
        ) and not _DAY_OR_MONTH.match(rest):
            state.drop(title, "repeated title")
            line = rest
    paragraphs[index] = line
    if byline:
        paragraphs.insert(index, byline.group().strip())
    return byline is not None


_CREDIT_DATELINE = re.compile(
    r"(?<=\s)(?:(?:New|San|Santa|Los|Las|Hong|Abu|Tel|Kuala|Buenos|Rio|Sao|St\.|Saint|Port|Cape) )?"
    r"[A-Z][\w.’'-]+,\s+[A-Z][a-z]{2,3}\.? \d{1,2}\s+$"
)
_GLUED_CREDIT = re.compile(r"\((?P<credit>[A-Z][\w.&'’ -]{1,40})\)\s+(?=[A-Z“\"])")


def _title_case(words: list[str]) -> bool:
    """Every word of four letters or more capitalised, at least four of them: a headline's style."""
    long = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    return len(long) >= 4 and all(w[:1].isupper() for w in long)


def _tail(word: str) -> str:
    """The punctuation a word ends with ("Brook," -> ",")."""
    return word[len(word.rstrip("\"'”’),;:")) :]


_GLUED_BYLINE = re.compile(r"\sBy\s+[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3}(?:\s*[/,]\s*[\w ]+)?$")


def _glued_body(line: str) -> int | None:
    """Where the body starts in a paragraph that opens with a headline run into it, or None."""
    from spacy.lang.en.stop_words import (
        STOP_WORDS as stop,  # imported only for a long first paragraph
    )

    words = list(re.finditer(r"\S+", line))
    if len(words) <= MAX_TITLE_WORDS or line.startswith(("“", '"', "‘", "(", "-", "•")):
        return None
    if outlets.DATELINE.match(line):
        return None  # "COLUMBIA, S.C. (AP) — The Latest on ...": the lead, not a headline
    # the headline printed twice ("Earth To Be Buzzed By Spacecraft ... Week Earth To Be Buzzed By
    # Spacecraft ... Week ESA/ATG ..."): prose never says four words or more twice over
    tokens = [w.group() for w in words[: 2 * MAX_TITLE_WORDS]]
    for n in range(GLUED_MIN_WORDS, min(MAX_TITLE_WORDS, len(tokens) // 2) + 1):
        if tokens[:n] == tokens[n : 2 * n] and not _TERMINAL.search(tokens[n - 1]):
            return words[n].start()
    raw = [w.group() for w in words[: MAX_TITLE_WORDS + 2]]
    bare = [_WORD_PUNCT.sub("", w) for w in raw]
    # a two-word name ("Ada Brook") must open the body whole, and with the same punctuation after it
    # ("Sanders was asked by a host who is supporting Sanders, but ..." is one sentence)
    size = 2 if bare[1][:1].isupper() else 1
    name = bare[0][:1].isupper() and bare[0].lower() not in stop
    for k in range(GLUED_MIN_WORDS, MAX_TITLE_WORDS + 1):
        before = raw[k - 1]
        if re.search(r"[.!?…]$", bare[k - 1] or before):
            return None  # the headline ended a sentence: the sentence splitter sees it
        head = line[: words[k].start()].rstrip()
        if not (_is_title_like(head) or head[:1] in "$£€") or " that " in head:
            continue  # headlines drop "that": "... stated that the story on rival Sanders ..."
        start = words[k].start()
        # a dateline, not in a line of capitals ("POLLS NOT WRONG, JUST TOO EARLY - ") nor after a
        # dash ("... -- defeating X and Y U.S. -- have been harmed")
        if (
            outlets.DATELINE.match(line[start:])
            and re.search(r"[\w'’\"”]$", before)
            and bare[k - 1] not in stop  # "... celebration in DTLA: Thousands of ..." ("All" may)
            and re.search(r"[a-z]", head)
            and not re.search(r"\s(?:-{1,2}|[—–])\s", head)
        ):
            return start
        # a place's dateline in title case after a lowercase word: "... missile tests Pyongyang: North
        # Korean leader ..." (not "... after fleeing Japan: sources say", nor "Trump tells Putin: We")
        if (
            re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?:", raw[k])
            and not _DAY_OR_MONTH.match(raw[k])  # "... two crucial contests Saturday: South ..."
            and "".join(raw[k + 1 : k + 2])[:1].isupper()
            and bare[k - 1][:1].islower()
            and bare[k - 1] not in stop
            and not re.search(r"[,;:]$", before)
        ):
            return start
        credit = _GLUED_CREDIT.match(line, start)
        if credit and (" - " in credit["credit"] or outlets.find_outlets(credit["credit"])):
            # "... lose Guentzel to injury (MENAFN - Gulf Times) Evgeni Malkin"; an agency's dateline
            # before the bracket opens the body: "... drugs may reduce tumours Washington, Jan 1 (IANS)"
            dated = _CREDIT_DATELINE.search(line, 0, start)
            return dated.start() if dated and _words(line[: dated.start()]) >= 3 else credit.end()
        if k > GLUED_MAX_WORDS or raw[k][:1] in "“\"‘'(":
            continue
        after = bare[k + 1] if k + 1 < len(bare) else ""
        # after a lowercase word or a number that takes no name after it ("in", "and", "Mr", "Sen.",
        # "channel's")
        loose = (
            (bare[k - 1][:1].islower() or bare[k - 1][:1].isdigit())
            and bare[k - 1].lower() not in stop
            and not re.search(r"[,;:]$|[’']s$", before)
        )
        if (
            name
            and loose
            and bare[k : k + size] == bare[:size]
            and _tail(raw[k + size - 1]) == _tail(raw[size - 1])
        ):
            return start
        # in a headline of capitalised words ("Cosmo Pulls The Bachelor Cover Due to Its Campaign This
        # letter ..."), after a capitalised word too
        titled = loose or (_title_case(bare[:k]) and bare[k - 1][:1].isupper())
        if titled and bare[k] in _GLUED_OPENERS and after[:1].islower():
            return start
    return None


def _wrapped_title(paragraphs: list[str], index: int, state: _State) -> int:
    """How many lines from ``index`` on are the known title, wrapped or split at its deck: a database
    export prints "Jobs report gives Democrats a lift; Solid upturn ..." as "Jobs report gives
    Democrats a lift;" and "Solid upturn ... earnings." on lines of their own. 0 when they are not, or
    when nothing would be left after them."""
    if not state.title:
        return 0
    title = _norm(state.title)
    for count in range(2, TITLE_LINES + 1):
        if index + count >= len(paragraphs):
            return 0
        joined = _norm(" ".join(paragraphs[index : index + count]))
        if joined == title:
            return count
        if not title.startswith(joined):
            return 0
    return 0


def _header_line(line: str, paragraphs: list[str], index: int, state: _State) -> bool:
    """Consume ``line`` if it is header material; a date header glued to the lead is split off."""
    date = _DATE_HEADER.match(line)
    if date:
        state.drop(line[: date.start("rest")].strip(), "date header")
        state.published.append(_Clue(date["date"], "extracted", 0, "date from the header line"))
        if date["rest"].strip():
            paragraphs[index] = date["rest"].strip()
            return _header_line(paragraphs[index], paragraphs, index, state)
        return True
    if _byline_parts(line, state) or _bare_byline(line, paragraphs, index, state):
        return True
    stated = _date_line(line)
    if stated:
        state.drop(line, "date header")
        state.published.append(
            _Clue(stated, "extracted", _date_rank(line), "date from the header's date line")
        )
        return True
    address = _PAGE_ADDRESS.match(line)
    if address and state.url is None and not _MEDIA_LINK.search(address["url"]):
        state.url = address["url"]
        state.drop(line, "page address")
        return True
    residue = _residue_reason(line, state)
    if residue:
        state.drop(line, residue)
        return True
    if _is_title_like(line) and index + 1 < len(paragraphs):
        if state.title is None:
            state.title = line
            state.drop(line, "title")
        elif _section_label(state.title) and _words(line) >= 4:
            # "News" or "World" above the headline: the page's section, not the article's title
            state.removed = [
                Removal(r.text, "section line")
                if r.text == state.title and r.reason == "title"
                else r
                for r in state.removed
            ]
            state.title = line
            state.drop(line, "title")
        else:
            state.drop(line, "subtitle")
        return True
    return False


def _section_label(line: str) -> bool:
    """A page's section name printed above the headline: "News", "World", "US & Canada"."""
    words = line.split()
    return len(words) <= 2 or (len(words) <= 3 and all(_SECTION_WORD.fullmatch(w) for w in words))


def _residue_reason(line: str, state: _State) -> str | None:
    """Why a whole paragraph is residue, or None if it is (or may be) article text."""
    words = _words(line)
    title = state.title
    if title and _norm(line) == _norm(title):
        return "repeated title"
    if (
        title
        and words <= MAX_RESIDUE_WORDS
        and line.startswith(title)
        and _CAPTION.search(line[len(title) :])
    ):
        _credit_clue(line[len(title) :], state)
        return "photo caption"
    if _SEPARATOR.match(line):
        return "separator"
    if _BARE_TIMESTAMP.match(line):
        return "date header"  # "2019-11-19T08:57:40+01:00": a page's time stamp left in the text
    if _BARE_LINK.match(line):
        return "bare link"  # a page's image or share address left in the text, not a sentence
    if _RELATIVE_STAMP.match(line) or _CLOCK_STAMP.match(line):
        return "date header"
    figures = _NUMERIC_DATE.match(line)
    if figures:
        day, month = int(figures["day"]), int(figures["month"])
        if "/" in line and month > 12 >= day:  # DW's "05/17/2024": month first
            day, month = month, day
        # "05/06/2024" may be May 6 or June 5: only an unambiguous one dates the article
        if "." in line or day > 12:
            with contextlib.suppress(ValueError):
                numeric = dt.date(int(figures["year"]), month, day).isoformat()
                state.published.append(
                    _Clue(numeric, "extracted", 2, "date from a line of its own")
                )
        return "date header"
    slogan = outlets.SLOGANS.get(line.strip(" .").replace("’", "'").lower())
    if slogan:
        state.outlet.append(_Clue(slogan, "inferred", 3, f"outlet from its motto: {line!r}"))
        return "sharing or navigation line"
    if _REPORTING_FROM.match(line):
        return "byline"
    dateline = _DATELINE_LINE.match(line)
    if dateline:
        outlet = outlets.by_alias(dateline["agency"])
        assert outlet is not None
        state.outlet.append(_Clue(outlet.name, "inferred", 5, f"outlet from the dateline {line!r}"))
        return "dateline"
    stated = _date_line(line) if words <= 12 else None
    if stated:  # a date alone on its line below the header ("May 17, 2023" after a deck and byline)
        state.published.append(
            _Clue(stated, "extracted", _date_rank(line) + 1, "date from a line of its own")
        )
        return "date header"
    if _TIMESTAMP.match(line):
        _timestamp_clue(line, state)
        return "date header"
    with_agency = _BYLINE_WITH_AGENCY.match(line)
    if with_agency and (outlet := outlets.by_alias(with_agency["outlet"])):
        state.outlet.append(_Clue(outlet.name, "inferred", 3, f"outlet from the byline: {line!r}"))
        return "byline"
    byline = _BYLINE.match(line) if words <= 16 else None
    if byline:
        _byline_clue(byline, line, state)
        return "byline"
    if (
        words <= MAX_RESIDUE_WORDS
        and _CAPTION.search(line)
        and _is_caption(line)
        and not _COPYRIGHT.search(line)
    ):
        _credit_clue(line, state)
        return "photo caption"
    reason = residue_reason(line)
    if reason:
        # "With reporting by Reuters and AP" names who helped, not who ran it ("Contributing: Ada
        # Brook, USA TODAY" names the outlet's own staff)
        if not (reason == "credits line" and _HELPED_BY.match(line)):
            # WordPress's footer names its site last, after a title that may name other outlets
            _outlet_clues_in(line.rpartition(" appeared first on ")[2], reason, state, rank=3)
        if reason == "copyright line":
            _copyright_clue(line, state)
        if reason == "editor's note" and re.search(r"\bof the New York edition\b", line):
            state.outlet.append(
                _Clue("The New York Times", "inferred", 4, "outlet from the print edition line")
            )
        if reason == "credits line" and re.match(_DW_SIGNOFF, line):
            state.outlet.append(
                _Clue("Deutsche Welle", "inferred", 5, f"outlet from DW's sign-off {line!r}")
            )
        if reason == "credits line" and re.search(r"\bediting by\b", line, re.I):
            state.outlet.append(
                _Clue("Reuters", "inferred", 4, "outlet from the Reuters-style credits line")
            )
            reporters = _REPORTING_BY.match(line)
            if reporters:  # "(Reporting by Tom Hale; Editing by Ann Greer)": who wrote it
                state.byline.append(
                    _Clue(
                        reporters["names"].strip(),
                        "inferred",
                        6,
                        f"byline from the credits line {line!r}",
                    )
                )
    return reason


# a Reuters credits line's reporters, up to the first ";" ("Reporting by Tom Hale and Ada Brook in
# London; Editing by ..."): the names, without where they filed from
_REPORTING_BY = re.compile(
    r"^\(?(?:Reporting|Writing|Reporting and writing) by (?P<names>[A-Z][\w.’'-]*(?:,? (?:and )?"
    r"[A-Z][\w.’'-]*)*)"
)


_DATE_IN_LINE = re.compile(
    rf"(?:[A-Z][a-z]+day,?\s+)?(?:{_MONTH_NAME}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH_NAME},?\s+\d{{4}})\b"
)


# what may stand beside the date in a line that only dates the page: a label, a weekday, a time, a
# time zone and separators ("Monday, March 11, 2013 23:51", "11 March 2013 Last updated at 23:51 GMT")
_DATE_LINE_REST = re.compile(
    r"(?:[\s|,·•/–—-]+|\b(?:at|on|last|updated|modified|published|posted|first)\b:?"
    r"|\b\d{1,2}[:.]\d{2}(?::\d{2})?\b|\b(?:\d{1,2}\s*)?[ap]\.?m\b\.?"
    r"|\b\d{1,2}\s+(?:minutes?|mins?|hours?|hrs?|days?)\s+ago\b"
    r"|\b(?:GMT|UTC|BST|CET|CEST|EET|EEST|IST|JST|AEST|AEDT|ET|EDT|EST|CT|CDT|CST|MT|MDT|MST|PT|PDT|PST|UK)\b"
    r"|\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|rsday|urday)?\b\.?)*",
    re.IGNORECASE,
)


_HEADER_SEPARATOR = re.compile(r"\s+[|•·—–]\s+")  # "Alona Mazurenko — Friday, 17 May 2024, 14:32"
_PERSON = r"[A-Z][\w.'’-]+(?:[ \t]+(?:[A-Z][\w.'’-]+|de|van|von|da|al|bin)){1,3}"
# the writer's note at the end: "Greg Norman is a reporter for Fox News Digital.", "Ada Brook is a
# reporter based in Lindham who has covered the port since 2010. More about Ada Brook"
_AUTHOR_BIO = re.compile(
    rf"^(?P<name>{_PERSON}) (?:is|was|has been) (?:a|an|the)\b[^.]{{0,80}}?\b(?:reporter|writer|"
    r"correspondent|editor|journalist|producer|contributor|columnist|bureau chief)s?\b"
)
# "Jane Doe, Staff Writer", "Ada Brook, Senior Political Correspondent"
_ROLE_BYLINE = re.compile(
    # "Jane Doe, Staff Writer", "By Jane Doe, staff reporter", "By Lee Chia / Staff reporter"
    rf"^(?:(?i:by)\s+)?(?P<names>{_PERSON})\s*[,/]\s*(?i:(?:(?:senior|chief|staff|special|contributing|political|foreign|"
    r"national|local|business|sports|health|science|white house)\s+)*"
    r"(?:writer|reporter|correspondent|editor|contributor|columnist))$"
)
# the words of a page's sections and banners, which look like names ("Top Stories | Reuters")
_SECTION_WORD = re.compile(
    r"\b(?:News|Stories|Story|Updates?|Live|Opinion|Breaking|Top|World|Local|Business|Sports?|"
    r"Politics|Analysis|Video|Videos|Photos?|Latest|Home|Section|Edition|Magazine|Weather|Markets?|"
    r"Health|Science|Tech|Technology|Culture|Lifestyle|Travel|Entertainment|Features?|Editorial)\b"
)
_READ_TIME = re.compile(r"^\d{1,2}[ -]min(?:ute)?s?(?: read)?$", re.IGNORECASE)


def _byline_parts(line: str, state: _State) -> bool:
    """A header line of a byline and what pages print beside it, between separators ("Jane Doe |
    Reuters", "By Jane Doe • Published April 8, 2025 • 2 min read"), or a name with its job ("Jane
    Doe, Staff Writer"): its byline, outlet and date are read and the line dropped. False, and
    nothing read, when any part is something else."""
    role = _ROLE_BYLINE.match(line)
    if role:
        _names_clue(role["names"], "", line, state)
        state.drop(line, "byline")
        return True
    parts = _HEADER_SEPARATOR.split(line)
    if not 2 <= len(parts) <= 4:
        return False
    names: list[str] = []
    known: list[str] = []
    dates: list[tuple[str, str]] = []
    signed = False  # a "By ..." part: a byline even with nothing else beside it
    for part in parts:
        byline = _BYLINE.match(part) or _ROLE_BYLINE.match(part)
        outlet = None if byline else outlets.by_alias(part.strip())
        stated = None if byline or outlet else _date_line(part)
        if byline:
            names.append(byline["names"].strip())
            signed = signed or bool(_BYLINE.match(part))
        elif outlet:
            known.append(outlet.name)
        elif stated:
            dates.append((stated, part))
        elif _READ_TIME.match(part):
            continue
        elif re.fullmatch(_PERSON, part) and not names and not _SECTION_WORD.search(part):
            names.append(part)  # a bare name: a byline only beside an outlet or a date (below)
        else:
            return False
    if not (known or dates or signed):
        return False
    for name in names:
        _names_clue(name, "", line, state)
    for name in known:
        state.outlet.append(_Clue(name, "inferred", 3, f"outlet from the byline: {line[:80]!r}"))
    for stated, part in dates:
        state.published.append(
            _Clue(stated, "extracted", _date_rank(part), "date from the byline line")
        )
    state.drop(line, "byline" if names else "date header")
    return True


# DW's sign-off: its editors' initials, then the agencies it drew on ("ab/rc (AP, Reuters)")
_DW_SIGNOFF = r"[a-z]{2,4}(?:/[a-z]{2,4})+\s*\("
_HELPED_BY = re.compile(
    rf"^\(?(?:with (?:additional )?reporting|additional reporting)\b|^{_DW_SIGNOFF}", re.I
)
# an outlet's own credit with the agencies it drew on: "By Euronews with AP", "By Ada Post with agencies"
_BYLINE_WITH_AGENCY = re.compile(
    r"^(?i:by)\s+(?P<outlet>[A-Z][\w.&'’ -]{1,40}?)\s+with\s+(?:AP|AFP|Reuters|agencies|wires)"
    r"(?:(?:,\s*|\s+and\s+)(?:AP|AFP|Reuters|agencies|wires))*$"
)
# a byline without "By": "Angela Giuffrida in Rome" (The Guardian), or a name alone on its line above
# the outlet and place ("Maria Rossi" over "BBC News, Rome") or the date; and NYT's "Reporting from Rome"
_NAME_IN_PLACE = re.compile(rf"(?P<names>{_PERSON})(?:\s+in\s+(?P<place>{_CREDIT_PLACE}))?")
_REPORTING_FROM = re.compile(rf"^Reporting from {_CREDIT_PLACE}(?:\s+and\s+{_CREDIT_PLACE})?$")


def _bare_byline(line: str, paragraphs: list[str], index: int, state: _State) -> bool:
    """Read and drop a header line that is a byline without "By", or the outlet line under one. Only
    below a title: above it, a name alone may be the headline."""
    if state.title is None:
        return False
    if _REPORTING_FROM.match(line):
        state.drop(line, "byline")
        return True
    if outlet := _outlet_line(line):
        state.outlet.append(_Clue(outlet.name, "inferred", 3, f"outlet from the byline: {line!r}"))
        state.drop(line, "byline")
        return True
    name = None if _BYLINE.match(line) else _NAME_IN_PLACE.fullmatch(line)
    if not name or _SECTION_WORD.search(line) or outlets.by_alias(name["names"]):
        return False
    after = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
    before = paragraphs[index - 1] if index else ""
    if not (
        name["place"]
        or _date_line(before)  # NPR: the date, then the name
        or _outlet_line(after)
        or _date_line(after)
        or _RELATIVE_STAMP.match(after)
        or _REPORTING_FROM.match(after)
    ):
        return False
    _names_clue(name["names"], "", line, state)
    state.drop(line, "byline")
    return True


def _outlet_line(line: str) -> outlets.Outlet | None:
    """The known outlet a line names, perhaps with a place after a comma ("BBC News, Rome")."""
    name, comma, place = line.partition(",")
    if comma and not re.fullmatch(_CREDIT_PLACE, place.strip()):
        return None
    return outlets.by_alias(name.strip())


def _date_rank(line: str) -> int:
    """A posted or published time is the article's date; an update's only when there is no other."""
    return 2 if re.match(r"\s*(?:last\s+)?(?:updated|modified)", line, re.I) else 1


def _date_line(line: str) -> str | None:
    """The date of a line that is nothing but a date (with its weekday, time, time zone or label),
    as YYYY-MM-DD; None for any other line."""
    from parallax.ingest.base import iso_date

    if len(line) > 120:
        return None
    found = list(_DATE_IN_LINE.finditer(line))
    if not found:
        return None
    rest = _DATE_IN_LINE.sub(" ", line)
    if not _DATE_LINE_REST.fullmatch(rest):
        return None
    # "Published April 8, 2025 ... | Updated April 9, 2025 ...": the first date is the publication's
    return iso_date(found[0].group())


def _timestamp_clue(line: str, state: _State) -> None:
    from parallax.ingest.base import iso_date

    text = re.sub(
        r"^(?:first published|last updated|published|posted|updated)\s*(?:on|at)?\s*:?",
        "",
        line,
        flags=re.I,
    )
    found = iso_date(text.strip())
    if not found:  # "in Local News on Wednesday, September 18, 2013.": the date within the line
        date = _DATE_IN_LINE.search(text)
        found = iso_date(date.group()) if date else None
    if found:
        state.published.append(
            _Clue(found, "extracted", _date_rank(line), "date from the timestamp line")
        )


# the groups that own many outlets and sign their pages' copyright ("Copyright 2024 Nexstar Media
# Inc." under The Hill and hundreds of local stations): the owner, not the outlet
_PARENT_COMPANY = re.compile(
    r"(?i)(?:nexstar media(?: group)?|gannett(?: co)?|advance local(?: media)?|tribune (?:publishing|media)|"
    r"sinclair(?: broadcast group)?|hearst(?: communications| newspapers)?|cond[eé] nast|dotdash meredith|"
    r"future(?: us| plc)?|vox media|axel springer|news corp|the mcclatchy company|mcclatchy|lee enterprises|"
    r"cbs interactive|paramount|warner bros\.? discovery|comcast|nbcuniversal(?: media)?|gray media|"
    r"tegna|scripps|cox media group|alden global capital)"
)


def _copyright_clue(line: str, state: _State) -> None:
    """ "© 2025 The Aldmere Courier. All rights reserved." names the publisher, known or not."""
    match = _COPYRIGHT_OWNER.search(line)
    if match:
        owner = match["owner"].strip(" .,")
        if owner and not (
            re.fullmatch(r"(?i)all rights reserved|getty images|shutterstock", owner)
            or _PARENT_COMPANY.fullmatch(owner)
        ):
            name = outlets.canonical(owner)
            state.outlet.append(
                _Clue(name, "inferred", 3, f"outlet from the copyright line: {line[:80]!r}")
            )


def _is_caption(line: str) -> bool:
    """A caption ends with its credit, or is a short unpunctuated line with one in it.

    A body sentence may mention a photo, Getty or "courtesy of" in passing and ends like a sentence.
    """
    if _CREDIT_AT_END.search(line) or line.lstrip().startswith("©"):
        return True
    return _words(line) <= 12 and not _TERMINAL.search(line)


def _credit_clue(text: str, state: _State) -> None:
    if re.search(
        r"via getty|\b(?:pic|photo|image|picture|photograph)s?:\s*(?:[^/]{2,60}/\s*)?(?:AP|AFP|Reuters)\b",
        text,
        re.I,
    ):
        # "AFP via Getty Images", The Guardian's "Photograph: Ada Brook/Reuters", Sky's "Pic:
        # Reuters": a photo licensed from an agency, which runs on any outlet's page
        return
    match = _AGENCY_IN_CREDIT.search(text)
    if match:
        outlet = outlets.by_alias(match.group(1).replace("REUTERS", "Reuters"))
        if outlet:
            state.outlet.append(
                _Clue(
                    outlet.name,
                    "inferred",
                    6,
                    f"outlet from the photo credit: {text.strip()[:60]!r}",
                )
            )


def _byline_clue(match: re.Match[str], line: str, state: _State) -> None:
    _names_clue(match["names"].strip(), (match["org"] or "").strip(), line, state)


def _names_clue(names: str, org: str, line: str, state: _State) -> None:
    # "By Ada Brook and Tom Reyes, Reuters": the name pattern swallows the outlet after the comma
    head, _, tail = names.rpartition(",")
    if head and outlets.by_alias(tail.strip()):
        names, org = head.strip(), tail.strip()
    # "By CHRIS PLEASANCE FOR MAILONLINE": in capitals the name pattern swallows "FOR" and the outlet
    written_for = re.fullmatch(r"(?P<names>.+?)\s+(?i:for)\s+(?P<org>.+)", names)
    if written_for:
        names, org = written_for["names"], org or written_for["org"]
    names = metadata.person_case(names)  # "By JANE DOE": the page's style, not the name
    state.byline.append(_Clue(names, "extracted", 1, "byline line"))
    known = outlets.by_alias(org) if org else None
    if known:
        state.outlet.append(
            _Clue(known.name, "inferred", 3, f"outlet from the byline: {line[:80]!r}")
        )


def _is_heading(paragraphs: list[str], index: int) -> bool:
    line = paragraphs[index]
    if index + 1 >= len(paragraphs) or not _is_title_like(line) or _words(line) > MAX_HEADING_WORDS:
        return False
    return bool(_TERMINAL.search(paragraphs[index + 1]))


def _is_tag_list(line: str) -> bool:
    """A trailing line of capitalised names with no sentence in it ("Joe Biden Ukraine Russia")."""
    tokens = re.split(r"[\s,;|#]+", line.strip())
    return (
        _is_title_like(line)
        and 1 <= len(tokens) <= 15
        and all(t[:1].isupper() or t[:1].isdigit() for t in tokens if t)
    )


def _is_widget_reply(paragraphs: list[str], index: int) -> bool:
    """A newsletter box's "Sorry!" (printed between "Thanks for signing up!" and "There was an error
    processing your subscription."): alone it may be the article's own word."""
    if not _WIDGET_REPLY.match(paragraphs[index]):
        return False
    beside = paragraphs[max(index - 1, 0) : index] + paragraphs[index + 1 : index + 2]
    return any(_SIGNUP_WIDGET_LINE.match(line) for line in beside)


# A name's pop-up card, as The Hill's pages carry one on every linked name: the name is followed, with
# no space, by the person's full name (ending in the same surname), their latest headlines and "MORE".
# An extractor keeps it as text: "Gov. Kristi NoemKristi Lynn NoemSouth Dakota governor doubles down
# on 'meth, we're on it' anti-drug campaign ... goes into effect MORE (R) is defending". The card goes;
# the name stays.
_NAME_CARD = re.compile(
    r"(?<![\w'’-])(?P<last>[A-Z][a-z][\w'’-]*)"
    r"(?P<card>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} (?P=last)(?=\S).{1,600}? MORE)(?![\w])"
)


def _without_name_cards(line: str, state: _State) -> str:
    def drop(match: re.Match[str]) -> str:
        state.drop(match["card"], "name pop-up")
        return match["last"]

    return _NAME_CARD.sub(drop, line) if " MORE" in line else line


# A box of links to other stories: its header alone on a line ("You may also like...", "DON'T MISS",
# "Related stories"), then the linked headlines (short lines without a full stop) up to the next
# sentence; and a headline that carries the outlet's tag for a link ("China furious at Macron ...
# [INSIGHT]").
_RELATED_HEADER = re.compile(
    r"^(?:you (?:may|might) also (?:like|enjoy)|don'?t miss|more (?:stories|news)(?: from [\w ]+)?|"
    r"recommended(?: for you| stories| reading)?|related(?: stories| articles| coverage| content| topics)?|"
    r"most (?:read|popular)|trending(?: now)?|"
    # the topic and story links under BBC's and The Guardian's articles
    r"more on this (?:story|topic)|explore more on (?:these|this) topics?|more like this|top stories|"
    r"(?:read )?more from [\w ]{2,30}|up next|what to read next|editors?'?’?s? picks|popular now|"
    r"more about|most watched(?: [\w ]{2,30})?|in(?=:))\s*[.:…!|]*$",
    re.I,
)
_LINK_TAG = re.compile(
    r"\s\[(?:INSIGHT|VIDEO|PICTURES|PICS|PHOTOS|GALLERY|WARNING|REVEALED|ANALYSIS|POLL|LATEST|"
    r"EXCLUSIVE|UPDATE|MAP|LIVE|PODCAST|QUIZ)\]\s*\|?$",
    re.I,
)
MAX_LINK_WORDS = 15  # a linked headline under a related-links header; a longer line is prose again
_PITCH = re.compile(r"^A message from (?:the )?[\w .&'’-]{2,40}:?$", re.I)
MAX_PITCH_LINES = (
    12  # an appeal's heading, letter and buttons; further from the end it is the article's
)


def _body(paragraphs: list[str], start: int, state: _State) -> list[str]:
    kept: list[str] = []
    seen: set[str] = set()
    links = False  # under a related-links header
    for index in range(start, len(paragraphs)):
        line = paragraphs[index] = _without_name_cards(paragraphs[index], state)
        if links and _words(line) <= MAX_LINK_WORDS and not line.rstrip("”’\"')").endswith("."):
            state.drop(line, "related link")
            continue
        if _PITCH.match(line) and len(paragraphs) - index <= MAX_PITCH_LINES:
            # an outlet's appeal after the article ("A Message from The Moscow Times:", then its
            # letter and the amounts to give): everything from its heading on
            _outlet_clues_in(line, "appeal", state, rank=3)
            for rest in paragraphs[index:]:
                state.drop(rest, "newsletter or sign-up line")
            break
        links = bool(_RELATED_HEADER.match(line))
        if links or (_words(line) <= MAX_RESIDUE_WORDS and _LINK_TAG.search(line)):
            state.drop(line, "related link")
            continue
        reason = _residue_reason(line, state)
        if reason is None and _norm(line) in seen and _words(line) >= 5:
            reason = "repeated paragraph"
        if reason is None and _LONE_CREDIT.match(line):
            _credit_clue(line, state)
            reason = "photo caption"
        if reason is None and _is_widget_reply(paragraphs, index):
            reason = "newsletter or sign-up line"
        if reason is None and _VIDEO_CARD.match(line):
            reason = "video"
            if kept and _words(kept[-1]) <= MAX_LINK_WORDS and not _TERMINAL.search(kept[-1]):
                state.drop(kept.pop(), "video")  # the video's title above its running time
        if reason is None and _is_heading(paragraphs, index):
            reason = "subheading"
        if reason:
            state.drop(line, reason)
            continue
        seen.add(_norm(line))
        kept.append(line)
        _self_reference_clue(line, state)
    _trailing(kept, state)
    return kept


# an outlet naming itself as it asks for comment: "Newsweek has contacted the ministry for comment.",
# "Fox News Digital reached out to the White House for comment."
_ASKED_FOR_COMMENT = re.compile(
    r"^(?P<outlet>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}?)(?: Digital)? (?:has |had )?(?:contacted|"
    r"reached out to|asked|emailed|approached)\b.{0,120}\bfor (?:comment|a response|a statement)\b"
)


def _self_reference_clue(line: str, state: _State) -> None:
    asked = _ASKED_FOR_COMMENT.match(line)
    outlet = outlets.by_alias(asked["outlet"]) if asked else None
    if outlet:
        state.outlet.append(
            _Clue(outlet.name, "inferred", 4, f"outlet naming itself: {line[:80]!r}")
        )


def _trailing_reason(line: str) -> str | None:
    if (_is_title_like(line) and (_is_tag_list(line) or _words(line) <= 3)) or _is_widget(line):
        return "tag list" if _is_tag_list(line) else "trailing fragment"
    if _words(line) <= MAX_RESIDUE_WORDS and _REPORTERS_CREDIT.match(line):
        return "credits line"
    if _words(line) <= 2 * MAX_RESIDUE_WORDS and _AUTHOR_BIO.match(line):
        return "author's note"
    return None


def _trailing(kept: list[str], state: _State) -> None:
    """Tag lists, unpunctuated fragments and the reporters' credits at the very end, and a wire tag
    closing the last paragraph."""
    while kept:
        reason = _trailing_reason(kept[-1])
        if reason is None:
            break
        state.drop(kept.pop(), reason)
    if not kept:
        return
    tag = _WIRE_TAG.search(kept[-1])
    if tag and tag.start() > 0:
        state.drop(tag.group(0).strip(), "wire tag")
        kept[-1] = kept[-1][: tag.start()].rstrip()
        agency = tag["agency"] or tag["known"]
        outlet = outlets.by_alias(agency)
        name = outlet.name if outlet else agency
        state.outlet.append(
            _Clue(name, "inferred", 5, f"outlet from the wire tag {tag.group(0).strip()!r}")
        )


def _dateline_clue(body: list[str], state: _State) -> None:
    if body:
        match = outlets.DATELINE_CREDIT.match(body[0])
        if match:
            agency = outlets.dateline_agency(match)[0]
            outlet = outlets.by_alias(agency)
            name = outlet.name if outlet else agency
            state.outlet.append(
                _Clue(name, "inferred", 5, f"outlet from the dateline {match.group(0)!r}")
            )


def _tidied(raw: RawDocument, how: How | None) -> bool:
    """Whether a metadata value is tidied: what a page or a feed says of itself is, what a record or
    the user gave is kept as given. A feed's elements are given, structured fields, but publishers
    fill them as they fill their pages' meta tags ("desk@site (Name)", "Headline - Site")."""
    return how != "given" or raw.fmt == "feed"


def _given_clues(raw: RawDocument, state: _State) -> None:
    if raw.outlet and raw.outlet_how:
        site = (
            metadata.tidy_outlet(raw.outlet, raw.url) or raw.outlet
            if _tidied(raw, raw.outlet_how)
            else outlets.canonical(raw.outlet)
        )
        state.outlet.append(_Clue(site, raw.outlet_how, -1, "outlet as given"))
    url = raw.url or state.url
    archived = _ARCHIVED.match(url or "")
    if archived:
        url = archived["inner"]  # an archive's copy of a page: the page's outlet
    if url and not _AGGREGATOR.match(url):
        name = outlets.outlet_from_url(url)
        if name:
            state.outlet.append(_Clue(name, "inferred", 2, f"outlet from the URL {url}"))
    if state.url and not raw.url:
        dated = _url_date(state.url)
        if dated:
            state.published.append(_Clue(dated, "inferred", 3, f"date from the URL {state.url}"))
    if raw.author and raw.author_how:
        byline = (
            metadata.tidy_byline(raw.author, raw.outlet, raw.url) or raw.author
            if _tidied(raw, raw.author_how)
            # a spreadsheet's "By Ada Brook": the page's "By", not the name
            else re.sub(r"^(?i:by)\s+(?=[A-Z])", "", raw.author.strip())
        )
        state.byline.append(_Clue(byline, raw.author_how, -1, "byline as given"))
    if raw.published and raw.published_how:
        state.published.append(_Clue(raw.published, raw.published_how, -1, "date as given"))


def _url_date(url: str) -> str | None:
    """The date a page's address gives, as YYYY-MM-DD ("/2013/may/03/" -> 2013-05-03), else None."""
    found = _URL_DATE.search(url)
    if not found:
        return None
    month_text = found["month"].lower()
    month = int(month_text) if month_text.isdigit() else timex.MONTHS.get(month_text)
    try:
        return dt.date(int(found["year"]), month or 0, int(found["day"])).isoformat()
    except ValueError:
        return None  # "/2013/13/40/" or "/2013/news/05/": no date


def _best(clues: list[_Clue]) -> _Clue | None:
    return min(clues, key=lambda c: c.rank) if clues else None


# the commonest English function words: in English prose about a fifth of all words are among them,
# in other languages (even with English names and loanwords) a few percent
_ENGLISH_FUNCTION = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "on",
        "was",
        "with",
        "as",
        "by",
        "at",
        "it",
        "from",
        "he",
        "his",
        "said",
        "be",
        "are",
        "were",
        "has",
        "have",
        "had",
        "not",
        "but",
        "an",
        "this",
        "which",
        "they",
        "their",
        "its",
        "who",
        "will",
        "would",
    ]
)


def _check_language(text: str, source: str) -> None:
    if _words(text) < MIN_WORDS_FOR_LANGUAGE:
        return
    sample = text[:2000].lower().split()
    if sum(w in _ENGLISH_FUNCTION for w in sample) >= 0.2 * len(sample):
        return  # plainly English: langdetect (10 ms an article) is for the doubtful rest
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    DetectorFactory.seed = 0
    try:
        guesses = detect_langs(text[:4000])
    except LangDetectException:
        return
    top = guesses[0]
    if top.lang != "en" and top.prob >= 0.9:
        raise NotEnglish(
            source,
            f"text looks like {top.lang!r}, not English; parallax reads English articles only "
            "(leave it out, or pass a translation)",
        )


_PHOTO_BOX_OPEN = re.compile(r"^enlarge this image$", re.I)
_PHOTO_BOX_CLOSE = re.compile(r"^(?:toggle|hide) caption$", re.I)
PHOTO_BOX_LINES = 4  # a caption and its credit between the box's buttons


def _without_photo_boxes(paragraphs: list[str], state: _State) -> list[str]:
    """NPR's photo box: "Enlarge this image", the caption, the credit, "toggle caption" and the credit
    again. The caption ends like a sentence, so only its buttons tell it from the article's text."""
    out: list[str] = []
    index = 0
    while index < len(paragraphs):
        line = paragraphs[index]
        close = next(
            (
                k
                for k in range(index + 1, min(index + 2 + PHOTO_BOX_LINES, len(paragraphs)))
                if _PHOTO_BOX_CLOSE.match(paragraphs[k])
            ),
            None,
        )
        if _PHOTO_BOX_OPEN.match(line) and close is not None:
            end = close + 1
            if end < len(paragraphs) and paragraphs[end] in paragraphs[index + 1 : close]:
                end += 1  # the credit printed again under the button
            for box_line in paragraphs[index:end]:
                state.drop(box_line, "photo caption")
            index = end
            continue
        out.append(line)
        index += 1
    return out


def _database_wrapping(paragraphs: list[str], state: _State) -> list[str]:
    """The paragraphs without a database export's headings and fields, and without the database's
    abstract (the paragraphs between "ABSTRACT." and "FULL TEXT.": its summary, not the article's
    words); a BYLINE field is the byline."""
    closed = any(_DATABASE_HEADING.match(p) and not p.startswith("ABSTRACT") for p in paragraphs)
    # fields count only in an export: beside its headings, or two of them ("SUBJECT: budget cuts for
    # the coming year" alone may be the article's own line)
    exported = any(_DATABASE_HEADING.match(p) for p in paragraphs) or (
        sum(1 for p in paragraphs if _DATABASE_FIELD.match(p)) >= 2
    )
    kept: list[str] = []
    in_abstract = False
    if (
        len(paragraphs) > 2
        and _DATABASE_HEADING.match(paragraphs[1])
        and _words(paragraphs[0]) <= MAX_TITLE_WORDS
    ):
        # the export's first line, before its first heading, is the headline (with its full stop)
        if state.title is None or _norm(state.title) == _norm(paragraphs[0]):
            # the sentence's full stop goes; an abbreviation's stays ("U.S.", "Jr.")
            state.title = state.title or re.sub(
                r"(?<=[a-z]{3})(?<!\bJr)(?<!\bSr)\.$", "", paragraphs[0]
            )
        state.drop(paragraphs[0], "title")
        paragraphs = paragraphs[1:]
    for line in paragraphs:
        if _DATABASE_HEADING.match(line):
            in_abstract = line.startswith("ABSTRACT") and closed
            state.drop(line, "database heading")
            continue
        if in_abstract:
            state.drop(line, "database abstract")
            continue
        field_line = _DATABASE_FIELD.match(line) if exported else None
        if field_line:
            value = field_line["value"].strip()
            if field_line["field"] == "BYLINE" and value:
                # the field read as a byline line ("BYLINE: By Ada Brook, Reuters"), the same rules
                byline = _BYLINE.match(value if re.match(r"(?i:by)\s", value) else f"By {value}")
                if byline:
                    _byline_clue(byline, line, state)
                else:
                    state.byline.append(_Clue(value, "extracted", 1, "byline field"))
            state.drop(line, "database field")
            continue
        kept.append(line)
    return kept


def clean_document(raw: RawDocument, opts: IngestOptions | None = None) -> Article:
    """The cleaned article: residue removed and recorded, metadata given, extracted or inferred."""
    opts = opts or IngestOptions()
    state = _State(title=raw.title)
    paragraphs = _database_wrapping([p for p in normalise(raw.text).split("\n") if p], state)
    paragraphs = _without_photo_boxes(paragraphs, state)
    start = _header(paragraphs, state) if raw.fmt in ("text", "html", "record", "feed") else 0
    body = _body(paragraphs, start, state)
    if not body:
        raise EmptyInput(
            raw.source,
            "no article text left after removing headlines, bylines and captions; is it an article?",
        )
    text = "\n\n".join(body)
    if opts.check_language:
        _check_language(text, raw.source)
    _dateline_clue(body, state)
    _given_clues(raw, state)
    return _article(raw, text, state)


def _article(raw: RawDocument, text: str, state: _State) -> Article:
    outlet, byline, published = _best(state.outlet), _best(state.byline), _best(state.published)
    title_how: How | None = raw.title_how if raw.title else ("extracted" if state.title else None)
    title = raw.title or state.title
    if _tidied(raw, title_how):
        title = metadata.tidy_title(title, outlet.value if outlet else None, raw.url)
    notes = tuple(
        c.note for c in (outlet, byline, published) if c is not None and c.how == "inferred"
    )
    return Article(
        id=content_hash(outlet.value if outlet else None, title, text)[:12],
        source=raw.source,
        text=text,
        title=title,
        title_how=title_how,
        byline=byline.value if byline else None,
        byline_how=byline.how if byline else None,
        outlet=outlet.value if outlet else None,
        outlet_how=outlet.how if outlet else None,
        published=published.value if published else None,
        published_how=published.how if published else None,
        url=raw.url or state.url,
        removed=tuple(state.removed),
        notes=notes,
    )
