"""A registry of news outlets: the names, aliases and web domains parallax recognises.

Used to turn clues (a URL, a sign-off, a wire tag, a photo credit, "told CNN") into an outlet name.
Outlets not listed still work: an unknown domain becomes the outlet's name as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    wire: bool = False  # a news agency whose copy other outlets run


OUTLETS: tuple[Outlet, ...] = (
    Outlet(
        "AP",
        ("Associated Press", "The Associated Press", "AP"),
        ("apnews.com", "ap.org"),
        wire=True,
    ),
    Outlet("Reuters", ("Reuters", "Thomson Reuters"), ("reuters.com",), wire=True),
    Outlet("AFP", ("AFP", "Agence France-Presse", "Agence France Presse"), ("afp.com",), wire=True),
    Outlet("Bloomberg", ("Bloomberg", "Bloomberg News"), ("bloomberg.com",), wire=True),
    Outlet("UPI", ("UPI", "United Press International"), ("upi.com",), wire=True),
    Outlet("dpa", ("dpa", "Deutsche Presse-Agentur"), ("dpa.com",), wire=True),
    Outlet("EFE", ("EFE", "Agencia EFE"), ("efe.com",), wire=True),
    Outlet("ANSA", ("ANSA",), ("ansa.it",), wire=True),
    Outlet("Xinhua", ("Xinhua", "Xinhua News Agency"), ("xinhuanet.com", "news.cn"), wire=True),
    Outlet("Kyodo", ("Kyodo", "Kyodo News"), ("kyodonews.net",), wire=True),
    Outlet("PA Media", ("PA Media", "Press Association"), ("pamediagroup.com",), wire=True),
    Outlet("Interfax", ("Interfax",), ("interfax.com", "interfax.ru"), wire=True),
    Outlet("TASS", ("TASS",), ("tass.com", "tass.ru"), wire=True),
    Outlet("PTI", ("PTI", "Press Trust of India"), ("ptinews.com",), wire=True),
    Outlet("IANS", ("IANS", "Indo-Asian News Service"), ("ians.in",), wire=True),
    Outlet("Yonhap", ("Yonhap", "Yonhap News Agency"), ("yna.co.kr",), wire=True),
    Outlet("Ukrinform", ("Ukrinform",), ("ukrinform.net", "ukrinform.ua"), wire=True),
    Outlet("CNN", ("CNN",), ("cnn.com",)),
    Outlet("BBC", ("BBC", "BBC News"), ("bbc.com", "bbc.co.uk")),
    Outlet("Politico", ("Politico", "POLITICO"), ("politico.com", "politico.eu")),
    Outlet("The New York Times", ("The New York Times", "New York Times", "NYT"), ("nytimes.com",)),
    Outlet(
        "The Washington Post", ("The Washington Post", "Washington Post"), ("washingtonpost.com",)
    ),
    Outlet(
        "The Wall Street Journal",
        ("The Wall Street Journal", "Wall Street Journal", "WSJ"),
        ("wsj.com",),
    ),
    Outlet("The Guardian", ("The Guardian", "Guardian"), ("theguardian.com",)),
    Outlet("Financial Times", ("Financial Times", "FT"), ("ft.com",)),
    Outlet("The Times", ("The Times",), ("thetimes.co.uk",)),
    Outlet("The Telegraph", ("The Telegraph", "Daily Telegraph"), ("telegraph.co.uk",)),
    Outlet("The Independent", ("The Independent",), ("independent.co.uk",)),
    Outlet("Sky News", ("Sky News",), ("news.sky.com", "sky.com")),
    Outlet("Fox News", ("Fox News",), ("foxnews.com",)),
    Outlet("NBC News", ("NBC News", "NBC"), ("nbcnews.com",)),
    Outlet("CBS News", ("CBS News", "CBS"), ("cbsnews.com",)),
    Outlet("ABC News", ("ABC News",), ("abcnews.go.com", "abc.net.au")),
    Outlet("NPR", ("NPR", "National Public Radio"), ("npr.org",)),
    Outlet("USA Today", ("USA Today", "USA TODAY"), ("usatoday.com",)),
    Outlet("Axios", ("Axios",), ("axios.com",)),
    Outlet("The Hill", ("The Hill",), ("thehill.com",)),
    Outlet("New York Post", ("New York Post", "NY Post"), ("nypost.com",)),
    Outlet("Newsweek", ("Newsweek",), ("newsweek.com",)),
    Outlet("Time", ("TIME",), ("time.com",)),
    Outlet("The Atlantic", ("The Atlantic",), ("theatlantic.com",)),
    Outlet("Al Jazeera", ("Al Jazeera",), ("aljazeera.com", "aljazeera.net")),
    Outlet("Deutsche Welle", ("Deutsche Welle", "DW"), ("dw.com",)),
    Outlet("France 24", ("France 24",), ("france24.com",)),
    Outlet("Euronews", ("Euronews",), ("euronews.com",)),
    Outlet("Le Monde", ("Le Monde",), ("lemonde.fr",)),
    Outlet("Der Spiegel", ("Der Spiegel", "Spiegel"), ("spiegel.de",)),
    Outlet(
        "The Kyiv Independent",
        ("The Kyiv Independent", "Kyiv Independent"),
        ("kyivindependent.com",),
    ),
    Outlet("Kyiv Post", ("Kyiv Post",), ("kyivpost.com",)),
    Outlet("Ukrainska Pravda", ("Ukrainska Pravda",), ("pravda.com.ua",)),
    Outlet(
        "RFE/RL", ("Radio Free Europe/Radio Liberty", "RFE/RL", "Radio Free Europe"), ("rferl.org",)
    ),
    Outlet("The Moscow Times", ("The Moscow Times",), ("themoscowtimes.com",)),
    Outlet("Voice of America", ("Voice of America", "VOA"), ("voanews.com",)),
    Outlet("CNBC", ("CNBC",), ("cnbc.com",)),
    Outlet("MSNBC", ("MSNBC",), ("msnbc.com",)),
    Outlet(
        "Business Insider", ("Business Insider", "Insider"), ("businessinsider.com", "insider.com")
    ),
    Outlet("Yahoo News", ("Yahoo News",), ("news.yahoo.com", "yahoo.com")),
    Outlet("The Economist", ("The Economist",), ("economist.com",)),
    Outlet("Los Angeles Times", ("Los Angeles Times", "LA Times"), ("latimes.com",)),
    Outlet("Chicago Tribune", ("Chicago Tribune",), ("chicagotribune.com",)),
    Outlet("The Daily Beast", ("The Daily Beast", "Daily Beast"), ("thedailybeast.com",)),
    Outlet("Daily Mail", ("Daily Mail", "MailOnline"), ("dailymail.co.uk",)),
    Outlet("The Irish Times", ("The Irish Times",), ("irishtimes.com",)),
    Outlet("The Sydney Morning Herald", ("The Sydney Morning Herald",), ("smh.com.au",)),
    Outlet("CBC News", ("CBC News", "CBC"), ("cbc.ca",)),
    Outlet("The Times of India", ("The Times of India",), ("timesofindia.indiatimes.com",)),
    Outlet("Breitbart", ("Breitbart", "Breitbart News"), ("breitbart.com",)),
    Outlet("HuffPost", ("HuffPost", "Huffington Post"), ("huffpost.com", "huffingtonpost.com")),
    Outlet("Semafor", ("Semafor",), ("semafor.com",)),
    Outlet("The Intercept", ("The Intercept",), ("theintercept.com",)),
    Outlet("Vox", ("Vox",), ("vox.com",)),
    Outlet("Anadolu Agency", ("Anadolu Agency", "Anadolu"), ("aa.com.tr",), wire=True),
    Outlet("RIA Novosti", ("RIA Novosti",), ("ria.ru",), wire=True),
    Outlet("Meduza", ("Meduza",), ("meduza.io",)),
    Outlet("Al Arabiya", ("Al Arabiya",), ("alarabiya.net",)),
    Outlet("Hindustan Times", ("Hindustan Times",), ("hindustantimes.com",)),
    Outlet("Forbes", ("Forbes",), ("forbes.com",)),
)

# the lines an outlet's pages print about themselves, around any of its articles: its motto, its
# "trust" link (dropped as residue, and a clue to the outlet)
SLOGANS = {
    "democracy dies in darkness": "The Washington Post",
    "why you can trust sky news": "Sky News",
    "all the news that's fit to print": "The New York Times",
}


# A dateline opening a lead ("WASHINGTON —", "KYIV, Ukraine (AP) —"): the brief's sentences and the facts
# start after it (the place it names is where the story was filed, not what the sentence says)
# "KYIV, Ukraine (AP) —"; with a hyphen only after an agency's credit ("WASHINGTON (Reuters) - ") or
# a place in capitals of five letters or two words ("DES MOINES - ", "MANCHESTER, N.H. - ", as
# newspaper archives print the dash; not "NATO - Russia talks" or "U.S. - China"), with a colon only after a place in capitals alone ("NEW DELHI: "): "US - China
# talks" and "US, China agree: ..." are headlines, not datelines
DATELINE = re.compile(
    # ... before the lead's first word, which opens in capitals: "NATO — and the EU with it — ..."
    # is a sentence, not NATO's dateline
    r"^(?:[A-Z][A-Z .’'-]{1,40}(?:,\s*[A-Z][\w .]{1,30})?(?:\s*\([^)]{1,30}\))?\s*(?:[—–]|--)\s*"
    r"(?=[A-Z0-9“\"‘'(])"
    # CNN's credit glued to the lead: "Hong Kong (CNN Business)A muddled view ..."
    r"|[A-Z][A-Za-z .,'’-]{1,40}\s\((?:CNN|CNN Business|AP|Reuters|AFP)\)(?=[A-Z“\"])"
    # CNN's credit since 2023, without brackets: "Rome CNN — At least three people ..."
    r"|[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3}\s+CNN\s*[—–]\s*"
    # "BRUSSELS, Belgium (AP) - ": the agency's bracket makes a single hyphen safe after a place too
    r"|[A-Z][A-Z .’'-]{3,40}(?:,\s*[A-Z][\w .]{1,30})?\s*\([^)]{1,30}\)\s+-\s+"
    r"|(?:[A-Z][A-Z’'-]{4,}|[A-Z][A-Z’'-]+(?: [A-Z][A-Z’'-]+)+)(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)?\s+-\s+"
    r"|[A-Z][A-Z .’'-]{3,40}:\s+"
    r"|[A-Z][A-Z .’'-]{1,40},\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\.\s*/[A-Z][\w-]{1,20}/\.\s*)",
    # a dateline opens a paragraph, not only the text: callers match at a sentence's offset, where
    # "^" alone would hold only at 0 (a page's subtitle line before "SIOUX FALLS, S.D. – " had left
    # the dateline in the brief and its headline)
    re.MULTILINE,
)

# "KYIV, Ukraine (AP) —", "LONDON, May 31 (Reuters) -": a dateline crediting the agency that wrote the copy
# (with the filing day's month and day, when it gives them, for the timeline's anchors)
DATELINE_CREDIT = re.compile(
    r"^[A-Z][A-Za-z .,'’-]{1,60}?(?:,\s*(?P<month>[A-Z][a-z]+)\.? (?P<day>\d{1,2}))?\s*\((?P<agency>AP|Reuters|AFP|UPI|Bloomberg|dpa|CNN|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\)\s*[—–-]"
    # TASS's credit between slashes: "MOSCOW, May 17. /TASS/."
    r"|^[A-Z][A-Z .'’-]{1,40},\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\.\s*/(?P<slashed>TASS|[A-Z][\w-]{1,20})/\.?"
)


def dateline_agency(match: re.Match[str]) -> tuple[str, int, int]:
    """The agency a DATELINE_CREDIT match credits, with its offsets."""
    group = "agency" if match["agency"] else "slashed"
    return match[group], match.start(group), match.end(group)


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern[str]:
    aliases = sorted({a for o in OUTLETS for a in o.aliases}, key=len, reverse=True)
    # case-sensitive on purpose: "AP" and "Time" are words too; outlets write their names capitalised
    return re.compile(r"(?<![\w])(" + "|".join(re.escape(a) for a in aliases) + r")(?![\w])")


@cache
def by_alias(alias: str) -> Outlet | None:
    """The registry's outlet known as ``alias``: as written, or as the same letters ("The Huffington
    Post", "huff-post" for HuffPost; names of five letters or more, so "ap" is not AP)."""
    for outlet in OUTLETS:
        if alias in outlet.aliases or alias.lower() == outlet.name.lower():
            return outlet
    return _by_key().get(name_key(alias))


@lru_cache(maxsize=1)
def _by_key() -> dict[str, Outlet]:
    keys: dict[str, Outlet] = {}
    for outlet in OUTLETS:
        for name in (outlet.name, *outlet.aliases):
            if len(name_key(name)) >= 5:
                keys.setdefault(name_key(name), outlet)
    return keys


def find_outlets(text: str) -> list[tuple[int, int, Outlet]]:
    """Every outlet name in ``text`` as ``(start, end, outlet)``, in order."""
    found = []
    for match in _alias_pattern().finditer(text):
        outlet = by_alias(match.group(1))
        if outlet is not None:
            found.append((match.start(1), match.end(1), outlet))
    return found


def outlet_from_url(url: str) -> str | None:
    """The outlet behind a URL: a known outlet's name, else the site's domain without ``www.``."""
    from urllib.parse import urlsplit

    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    if not host or "." not in host:
        return None
    for outlet in OUTLETS:
        if any(host == d or host.endswith("." + d) for d in outlet.domains):
            return outlet.name
    return host.removeprefix("www.")


def canonical(name: str) -> str:
    """The registry's name for an outlet if it is known under ``name``, else ``name`` unchanged."""
    outlet = by_alias(name.strip())
    return outlet.name if outlet else name.strip()


# only suffixes that never follow a place or a word of the story: "China Daily", "Arab News" and
# "Bitcoin Magazine" keep China, Arab and Bitcoin
_OUTLET_SUFFIX = ("", "blog", "com")


def name_key(name: str) -> str:
    """An outlet's name for comparison: lower case, letters and digits only, no leading "the"
    ("The GiveWell Blog" -> "givewellblog")."""
    return re.sub(r"[^a-z0-9]", "", name.lower().removeprefix("the "))


def outlet_key(name: str) -> str:
    """One key per outlet, however pages spell its name: the registry's name if it is known, then
    ``name_key`` ("The Guardian" and "Guardian", "Inexhibit magazine" and "Inexhibitmagazine")."""
    return name_key(canonical(name)) or name.lower()


@lru_cache(maxsize=4096)
def _keys_of(outlet: str) -> frozenset[str]:
    known = by_alias(outlet)
    return frozenset({name_key(outlet), *(name_key(a) for a in (known.aliases if known else ()))})


def names_outlet(name: str, outlet: str | None) -> bool:
    """``name`` is ``outlet``'s own name, an alias of it, or it without "Blog" or ".com" ("GiveWell"
    for The GiveWell Blog). "New York" is not The New York Times, nor "China" China Daily."""
    if not outlet:
        return False
    found = name_key(name)
    keys = _keys_of(outlet)
    return len(found) >= 2 and any(found + suffix in keys for suffix in _OUTLET_SUFFIX)


_EDITION = re.compile(
    r"^(?:Deutschland|UK|U\.K\.|US|U\.S\.|India|Australia|Canada|Africa|Asia|Europe|España|Espanol|"
    r"Español|France|Italia|Japan|Nederland|International|Business|Politics|Sports?|Tech|Money|Travel|"
    r"Health|Digital|Online|Live)$"
)


def edition_of(outlet: str | None, cited: str) -> bool:
    """``outlet`` is an edition or desk of ``cited``: "Business Insider Deutschland", "CNN Business"."""
    if not outlet:
        return False
    cited = canonical(cited)
    rest = outlet[len(cited) :].strip() if outlet.startswith(cited + " ") else ""
    return bool(rest) and _EDITION.match(rest) is not None
