"""Tweets embedded in an article's text.

Twitter's embed code prints the tweet as a paragraph of its own and signs it on the next line with its
author, handle and day: "I love that they trademarked it. ... https://t.co/XPxUJuyIAC" then "— Robert
Maguire (@RobertMaguire_) November 18, 2019". Extractors keep both as text (the cleaned text of
Scrapinghub's 162 English pages holds 7 such tweets). The tweet is its author's words, not the
reporter's: quotes.py gives it to its author as a quote, the brief leaves it out, and the timeline
dates nothing by it (its "today" is the tweet's day, and the signature's date is when it was posted,
not an event). The signature line is no fact either.

Hand-rolled: the embed's printed form is fixed, and no library reads it back from plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
SIGNATURE = re.compile(
    r"^[ \t]*[—–-]{1,2}[ \t]*(?P<name>[^\n()@]{1,60}?)[ \t]*\(@(?P<handle>\w{1,15})\)[ \t]*"
    rf"(?P<date>{_MONTH} \d{{1,2}}, \d{{4}})[ \t]*$",
    re.MULTILINE,
)
# a link the embed prints at the tweet's end: its picture or its shortened address
_TRAILING_LINK = re.compile(r"(?:\s+(?:pic\.twitter\.com/\S+|(?:https?://)?t\.co/\S+))+\s*$")


@dataclass(frozen=True)
class Tweet:
    start: int  # the tweet's words (its paragraph, without the link the embed prints after them)
    end: int
    signature_start: int  # the "— Name (@handle) Month D, YYYY" line
    signature_end: int
    author: str
    author_start: int
    handle: str
    day: str  # as printed: "November 18, 2019"


@lru_cache(maxsize=4096)
def embedded_tweets(text: str) -> tuple[Tweet, ...]:
    """The tweets embedded in ``text``, in order."""
    found = []
    for match in SIGNATURE.finditer(text):
        end = len(text[: match.start()].rstrip())
        start = text.rfind("\n", 0, end) + 1
        words = text[start:end]
        if not words.strip() or SIGNATURE.match(words):
            continue  # a signature with no tweet above it (the embed failed to print one)
        link = _TRAILING_LINK.search(words)
        if link:
            end = start + link.start()
        if end > start:
            found.append(
                Tweet(
                    start,
                    end,
                    match.start(),
                    match.end(),
                    match["name"].strip(),
                    match.start("name"),
                    match["handle"],
                    match["date"],
                )
            )
    return tuple(found)


def in_tweet(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` overlaps an embedded tweet or its signature line."""
    # the tweet's words through its signature line, one block
    return any(start < t.signature_end and t.start < end for t in embedded_tweets(text))


def in_signature(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` overlaps a tweet's signature line."""
    return any(start < t.signature_end and t.signature_start < end for t in embedded_tweets(text))
