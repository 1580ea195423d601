"""Tidying the metadata a page gives: the outlet's own name glued to its headline, job titles and
publishers mixed into the author field, a web address where the site's name should be.

trafilatura reads these fields from the page's meta tags and JSON-LD, and publishers fill those in many
ways. On the Scrapinghub article-extraction pages (162 real English pages of 2019) about one title in six
ends with " - <site name>", and one author field in six carries something that is not an author:
"Tom Krisher; Ap Auto Writer", "Victor Tangermann; Futurism", "Phil Helsel is a reporter",
"Mike Wuerthele; Malcolm Owen Monday; November". No library here tidies them (trafilatura returns
them as found, newspaper4k and htmldate do not touch bylines), so these are rules, each for a shape
seen on real pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from email.utils import getaddresses

from parallax import outlets
from parallax.timex import MONTHS, WEEKDAYS

_SEPARATOR = re.compile(r"\s+[-–—|:·•]\s+(?P<site>[^-–—|:·•]{2,60})$")
# words that qualify a job title: "AP National Security Writer", "Staff writer", "CNN Editor-at-large"
_ROLE_WORDS = frozenset(
    [
        "ap",
        "associated",
        "press",
        "reuters",
        "afp",
        "staff",
        "senior",
        "chief",
        "contributing",
        "freelance",
        "special",
        "national",
        "international",
        "foreign",
        "political",
        "politics",
        "security",
        "sports",
        "sport",
        "auto",
        "business",
        "medical",
        "health",
        "science",
        "tech",
        "technology",
        "entertainment",
        "legal",
        "economics",
        "economic",
        "global",
        "diplomatic",
        "religion",
        "education",
        "environment",
        "environmental",
        "energy",
        "food",
        "travel",
        "music",
        "film",
        "arts",
        "fashion",
        "investigative",
        "enterprise",
        "news",
        "local",
        "digital",
        "deputy",
        "managing",
        "executive",
        "associate",
        "correspondent",
    ]
)
_ROLE_NOUN = re.compile(
    r"\b(?:writer|reporter|correspondent|editor(?:-at-large)?|columnist|contributor|producer|"
    r"journalist)s?\b.*$",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"^(?:(?:analysis|opinion|commentary|review|story|words|written|reporting)\s+)?by\s+",
    re.IGNORECASE,
)
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,4}|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?)$")
# date words after a name ("Malcolm Owen Monday", "Carrie Arnold November"), never a name's own:
# "Theresa May", "April Glaser", "Mark Sunday" keep theirs (a name keeps two words at least)
_MONTH_NAMES = {max((k for k, v in MONTHS.items() if v == n), key=len) for n in range(1, 13)}
_DATE_WORDS = frozenset({"published", "updated", "posted", *WEEKDAYS, *_MONTH_NAMES})
_NOT_A_NAME = re.compile(
    r"^(?:(?:the\s+)?(?:staff|editorial|editors?|admin|wire services?|news\s+desk|web\s+desk|"
    r"bureau)|.*\b(?:media|group|inc|ltd|llc|network|nast|com|international|services?)\.?)$",
    re.IGNORECASE,
)


def _names_of(outlet: str | None, url: str | None) -> set[str]:
    """Every way the page's outlet may be written, as comparison keys."""
    names: set[str] = set()
    for name in filter(None, (outlet, outlets.outlet_from_url(url) if url else None)):
        names.add(outlets.name_key(name))
        names.add(outlets.name_key(name.rsplit(".", 1)[0]))  # "techcrunch.com" -> "techcrunch"
        known = outlets.by_alias(name)
        if known:
            names.update(outlets.name_key(a) for a in (known.name, *known.aliases))
            names.update(outlets.name_key(d.rsplit(".", 1)[0]) for d in known.domains)
    names.discard("")
    return names


# the section a page's title puts before the headline: "Opinion | ..." (The New York Times, The Wall
# Street Journal), "Analysis | ..." (The Washington Post); after a bar only, since "Opinion: ..." and
# "Analysis: ..." are headlines' own words on many pages
_SECTION_PREFIX = re.compile(
    r"^(?:opinion|analysis|perspective|commentary|editorial|column|review)\s+\|\s+(?=\S)",
    re.IGNORECASE,
)


def tidy_title(title: str | None, outlet: str | None, url: str | None = None) -> str | None:
    """The headline without the outlet's name the page appends ("... - News Nation", "... – TechCrunch")
    and without the section it puts before ("Opinion | ...")."""
    if not title:
        return title
    title = _SECTION_PREFIX.sub("", title)
    match = _SEPARATOR.search(title)
    if match and outlets.name_key(match["site"]) in _names_of(outlet, url) and match.start() > 0:
        return title[: match.start()].rstrip()
    return title


# a site name, a bar or dash, then a slogan of three words or more with one in lower case
_TAGLINE = re.compile(
    r"^(?P<site>[^|–—]{2,40}?)\s+[|–—]\s+(?=(?:\S+\s+){2,}\S)(?=.*\s[a-z])[^|–—]{8,80}$"
)


def tidy_outlet(site: str | None, url: str | None) -> str | None:
    """The site's name: the registry's when the page's own name for itself is not one the registry
    knows but its address is ("NYTimes" on nytimes.com), a bare domain for a web address."""
    if not site:
        return site
    site = site.strip()
    # "LinkNaija | Nigeria's popular news platform": the name, not the pitch
    tagged = _TAGLINE.match(site)
    if tagged:
        site = tagged["site"]
    if re.match(r"^(?:https?://|www\.)", site, re.IGNORECASE):
        named = outlets.outlet_from_url(site)
        site = named or site
    if outlets.by_alias(site) is None and url:
        named = outlets.outlet_from_url(url)
        if named and outlets.by_alias(named) is not None:
            return named
    return outlets.canonical(site)


def person_case(name: str) -> str:
    """ "LISA MASCARO" -> "Lisa Mascaro", "ADA BROOK AND TOM REYES" -> "Ada Brook and Tom Reyes";
    names already in mixed case are left as written."""
    if not name.isupper() or len(name.split()) < 2:  # "PTI" stays
        return name
    return " ".join(
        w.lower() if w == "AND" else w if _ROMAN.match(w) else _capitalised(w) for w in name.split()
    )


def _capitalised(word: str) -> str:
    """ "D'EMILIO" -> "D'Emilio", "JEAN-PAUL" -> "Jean-Paul": each part after an apostrophe or hyphen."""
    return "".join(part[:1] + part[1:].lower() for part in re.split(r"(?<=['’-])", word))


_ROMAN = re.compile(r"^(?:II|III|IV|VI|VII|VIII)[,.]?$")  # "ADA BROOK III": a numeral stays one


_ONE_ADDRESS = re.compile(
    r"(?P<before>[^<>()@]+?)\s*<[^<>\s]+@[^<>\s]+>|[^\s()<>]+@[^\s()<>]+\s*\((?P<after>[^()@]+)\)"
)


def tidy_byline(
    author: str | None, outlet: str | None = None, url: str | None = None
) -> str | None:
    """The people in an author field, with job titles, publishers and date words taken out:
    "Tom Krisher; Ap Auto Writer" -> "Tom Krisher". A field with no person left keeps its first part
    ("Staff Reports", "Reuters", "Detroit News wire services"): who the page says wrote it."""
    if not author:
        return author
    if "@" in author:
        # RSS's form, "desk@site.example (Jane Doe)", and mail's, "Jane Doe <jane@site.example>";
        # one such address is read whole, as "Doe, Jane <jane@site.example>" holds a comma
        one = _ONE_ADDRESS.fullmatch(author.strip())
        if one:
            named = [(one["before"] or one["after"]).strip(' ,"')]
        else:
            named = [name for name, address in getaddresses([author]) if name and "@" in address]
        author = "; ".join(named) if named and named[0] else author
    sites = _names_of(outlet, url)
    kept: list[str] = []
    tidied: list[str] = []
    for part in re.split(r"\s*;\s*|\s*\|\s*", author):
        part = _strip_tail(part.strip(" ,"), sites)
        tidied.append(part)
        if (
            not part
            or _NOT_A_NAME.match(part)
            or part.lower() in _DATE_WORDS
            or outlets.name_key(part) in sites
            or _is_outlet(part)
        ):
            continue
        if _repeats(part, kept) or (kept and _CREDENTIAL.match(part)):
            continue  # "Troy L Smith" after "Troy Smith"; "Ilana Muhlstein; MS; RDN"
        kept.append(person_case(part))
    if kept:
        return "; ".join(kept)
    return next((p for p in tidied if p), author.strip())


def _is_outlet(part: str) -> bool:
    """An outlet's name, maybe with a desk after it: "Associated Press", "CNN Business"."""
    words = part.split()
    for cut in range(len(words), 0, -1):
        if outlets.by_alias(" ".join(words[:cut])):
            return all(w.lower() in _ROLE_WORDS for w in words[cut:])
    return False


def _strip_tail(part: str, sites: set[str]) -> str:
    part = _LEAD_IN.sub("", part)
    role = _ROLE_NOUN.search(part)
    if role:  # the job title and the words that qualify it: "Tom Gillespie News reporter"
        words = part[: role.start()].split()
        while (
            words
            and not words[-1].endswith(
                ","
            )  # "Josh White, Staff Writer": the name ends at the comma
            and (words[-1].lower() in _ROLE_WORDS or words[-1].lower() in ("is", "a", "an", "the"))
        ):
            words.pop()
        part = " ".join(words)
    words = part.split()
    while len(words) > 2 and words[-1].strip(",.;").lower() in _DATE_WORDS:
        words.pop()
    part = " ".join(words).strip(" ,")
    words = part.split()
    # "Finian Cunningham Sputnik International", "Eric Tucker Associated Press": a publisher after the name
    for cut in range(2, len(words)):
        tail = " ".join(words[cut:])
        if (
            outlets.name_key(tail) in sites
            or outlets.by_alias(tail)
            or outlets.by_alias(tail.title())
        ):
            return " ".join(words[:cut])
    return part


def _repeats(part: str, kept: Iterable[str]) -> bool:
    """ "Troy L Smith" after "Troy Smith": the same person with a middle initial."""
    words = part.lower().split()
    return any(
        words[0] == k.lower().split()[0] and words[-1] == k.lower().split()[-1] for k in kept
    )
