"""The timeline: publication anchors, every dated event of a story, merged across sources and ordered.

1. **Anchors.** An article's date comes from its record, its HTML or its text (``clean.py``). An undated
   article of a story gets an inferred one: the day its dateline gives ("HALDEN, Oct 7 (Reuters) -",
   a wire's filing day without its year) in the year nearest its dated siblings, within a week of
   them; else the candidates are its dated siblings' dates and the days around them, and the one
   that best fits the weekdays the article itself mentions in the past ("told CNN on Thursday", "On
   Friday, ... confirmed") wins. With no dated sibling it stays undated: parallax
   never falls back on today's date.
2. **Events.** Each time expression found by :mod:`parallax.temporal` dates the sentence it sits in; its
   TIMEX3 value is kept as precise as the text is ("2024-05", "2024-W22" stay vague).
3. **Merge.** Events of different articles with the same value whose sentences say the same thing
   (MiniLM cosine) are one event, with every supporting span and its independent-source count.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from parallax.models import Analysis, Article, Span, TimelineEvent
from parallax.outlets import DATELINE, DATELINE_CREDIT
from parallax.temporal import CLOCK_ONLY, EVENT_VALUE, REPORTED_ON, tag
from parallax.timex import FUTURE_CUES, MONTHS, WEEKDAYS
from parallax.tweets import in_tweet

Matrix = npt.NDArray[np.float32]

SAME_EVENT_MIN_SIM = 0.6  # same date, and sentences this close: one event told twice
ANCHOR_WINDOW_DAYS = 1  # an undated article appears within a day of its dated siblings
_PAST_WEEKDAY = re.compile(
    r"\b(?:on|last|until|since)?\s*(" + "|".join(w.capitalize() for w in WEEKDAYS) + r")\b"
)


def _weekday_mentions(text: str) -> list[int]:
    """Weekdays the text names in past-tense clauses (a future "will meet on Monday" says nothing)."""
    found = []
    for match in _PAST_WEEKDAY.finditer(text):
        left = max(text.rfind(".", 0, match.start()), text.rfind(",", 0, match.start())) + 1
        if not FUTURE_CUES.search(text[left : match.start()]):
            found.append(WEEKDAYS[match.group(1).lower()])
    return found


def _fit(candidate: date, weekdays: Sequence[int]) -> int:
    """Days back from ``candidate`` to each mentioned weekday, summed: low when the article is fresh."""
    return sum((candidate.weekday() - w) % 7 for w in weekdays)


DATELINE_MAX_DAYS_AWAY = 7  # a filing day this far from the story's dated articles is not taken


def _dateline_day(article: Article, median: date) -> tuple[date, str] | None:
    """The day an undated article's dateline gives ("HALDEN, Oct 7 (Reuters) -"), in the year that
    puts it nearest the story's dated articles (their median), when that is within a week; with the
    dateline."""
    found = DATELINE_CREDIT.match(article.text)
    if not found or not found["month"] or found["month"].lower() not in MONTHS:
        return None
    month, day = MONTHS[found["month"].lower()], int(found["day"])
    days = []
    for year in (median.year - 1, median.year, median.year + 1):
        try:
            days.append(date(year, month, day))
        except ValueError:  # "Feb 30"
            continue
    best = min(days, key=lambda d: abs((d - median).days), default=None)
    if best is None or abs((best - median).days) > DATELINE_MAX_DAYS_AWAY:
        return None
    return best, found.group()


def infer_publication_dates(story: Sequence[Article]) -> list[Article]:
    """Each undated article of a story gets an inferred date (see the module docstring)."""
    known = sorted(date.fromisoformat(a.published) for a in story if a.published)
    if not known:
        return list(story)
    median = known[(len(known) - 1) // 2]
    candidates = sorted(
        {
            d + timedelta(days=k)
            for d in known
            for k in range(-ANCHOR_WINDOW_DAYS, ANCHOR_WINDOW_DAYS + 1)
        }
    )
    out = []
    for article in story:
        if article.published:
            out.append(article)
            continue
        filed = _dateline_day(article, median)
        if filed is not None:
            day, dateline = filed
            note = (
                f"date inferred from the dateline {dateline!r} "
                f"and the year of the {len(known)} dated article(s) of the same story"
            )
            out.append(_dated(article, day, note))
            continue
        weekdays = _weekday_mentions(article.text)
        best = (
            # fit to the weekdays, plus a day's cost per day away from the siblings' median
            min(
                candidates,
                key=lambda d: (
                    _fit(d, weekdays) + abs((d - median).days),
                    abs((d - median).days),
                    d,
                ),
            )
            if weekdays
            else median
        )
        how = "the weekdays it mentions" if weekdays else "the median of"
        note = (
            f"date inferred from {how} and the {len(known)} dated article(s) of the same story "
            f"(candidates {candidates[0]} to {candidates[-1]})"
        )
        out.append(_dated(article, best, note))
    return out


def _dated(article: Article, day: date, note: str) -> Article:
    """The article with an inferred publication day, and the note that says how."""
    return dataclasses.replace(
        article, published=day.isoformat(), published_how="inferred", notes=(*article.notes, note)
    )


# where one dated clause ends and another begins: "asked on May 13, and Biden agreed on 15 May"
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?=(?:and|but|while|whereas|although|though)\s)|\s+[—–]\s+")


def clause_of(
    text: str, start: int, end: int, position: int, others: Sequence[int] = ()
) -> tuple[int, int]:
    """The clause of the sentence ``text[start:end]`` that holds ``position``, trimmed of its joiner.

    Only a sentence with dates in different clauses (``others``: the positions of its other dates) is
    split: "Austin, Sullivan, and Gen. Brown met on May 13" stays whole.
    """
    bounds = [start]
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        bounds.append(match.end())
    bounds.append(end)
    for left, right in itertools.pairwise(bounds):
        if left <= position < right and not any(o < left or o >= right for o in others):
            return start, end
        if left <= position < right:
            clause_end = right
            if right != end:  # drop the separator that closes this clause
                clause_end = left + len(text[left:right].rstrip(" ,;—–"))
            head = re.match(r"(?:and|but|while|whereas|although|though)\s+", text[left:clause_end])
            clause_start = left + (head.end() if head and left != start else 0)
            if len(text[clause_start:clause_end].split()) >= 4:
                return clause_start, clause_end
            return start, end
    return start, end


# a bare year between a possessive and the noun it qualifies ("the 2020 election" is dated by it)
_BEFORE_MODIFIER = re.compile(r"(?:\b(?:its|his|her|their|our)|['’]s)\s+$", re.I)
_AFTER_MODIFIER = re.compile(r"\s+[a-z][a-z-]+")


def _modifier_year(text: str, start: int, end: int) -> bool:
    """A year that qualifies something owned ("its 2025 bond", "the agency's 2020 budget request")
    says what the thing is, not when the sentence's event happened: it dates no event. After an
    article ("the 2020 election", "the 2011 earthquake") the year is usually the event's."""
    return (
        re.fullmatch(r"\d{4}", text[start:end]) is not None
        and _BEFORE_MODIFIER.search(text, max(0, start - 12), start) is not None
        and _AFTER_MODIFIER.match(text, end) is not None
    )


SAID_ON_TAIL_WORDS = 6  # "..., the agency said on May 17 in a statement on Telegram."


def _said_on(text: str, analysis: Analysis, start: int, end: int, dated: Sequence[int]) -> bool:
    """A date right after a reporting verb that ends its sentence ("..., the agency said on May
    17.") when the sentence has another date: the day it was said, where the sentence tells of
    something on another day ("struck the base overnight"). With no other date the saying is the
    sentence's event, and so it is when what was said follows ("confirmed on Monday that it had been
    contacted")."""
    s_index = analysis.sentence_at(start)
    if s_index is None:
        return False
    s_start, s_end = analysis.sentences[s_index]
    tail = text[end:s_end]
    if not REPORTED_ON.search(text[s_start:start]) or re.search(r"\bthat\b", tail):
        return False
    if len(tail.split()) > SAID_ON_TAIL_WORDS:
        return False
    return any(
        s_start <= d < s_end and d != start and not REPORTED_ON.search(text[s_start:d])
        for d in dated
    )


def find_events(
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    embeddings: Sequence[Matrix],
    groups: Mapping[str, int],
) -> list[TimelineEvent]:
    """The story's dated events, merged across sources, in date order (vaguer dates after precise ones)."""
    raw: list[
        tuple[str, int, int, Span]
    ] = []  # (value, article index, sentence index, sentence span)
    for a_index, (article, analysis) in enumerate(zip(articles, analyses, strict=True)):
        if not article.published:
            continue
        anchor = date.fromisoformat(article.published)
        seen: set[tuple[str, int]] = set()
        timexes = tag(article.text, anchor)
        dated = [
            t.start for t in timexes if t.type in ("DATE", "TIME") and EVENT_VALUE.match(t.value)
        ]
        # the dates that date an event themselves ("overnight" or "at 9:40 p.m." alone do not)
        eventful = [
            t.start
            for t in timexes
            if t.type in ("DATE", "TIME")
            and EVENT_VALUE.match(t.value)
            and not CLOCK_ONLY.fullmatch(t.text)
        ]
        for timex in timexes:
            if timex.type not in ("DATE", "TIME") or not EVENT_VALUE.match(timex.value):
                continue  # durations, sets and PRESENT_REF date nothing
            if _said_on(article.text, analysis, timex.start, timex.end, eventful):
                continue
            if CLOCK_ONLY.fullmatch(timex.text):
                continue  # "at 9:40 p.m." says the hour, not the day: the day comes from elsewhere
            if _modifier_year(article.text, timex.start, timex.end):
                continue  # "WeWork's 2025 bond", "the agency's 2020 budget request": names a thing
            if in_tweet(article.text, timex.start, timex.end):
                continue  # a tweet's "today" is its own day; its signature's date is when it was sent
            s_index = analysis.sentence_at(timex.start)
            if s_index is None:
                continue
            value = EVENT_VALUE.match(timex.value).group(0)  # type: ignore[union-attr]
            s_start, s_end = analysis.sentences[s_index]
            dateline = DATELINE.match(article.text, s_start, s_end)
            if (
                dateline
                and dateline.end() > timex.start
                and any(dateline.end() <= d < s_end for d in eventful)
            ):
                # "LONDON, May 31 (Reuters) - ... on Thursday": the day the story was filed, where
                # the sentence dates its event itself (with no other date, the filing day is the best)
                continue
            if dateline:
                s_start = dateline.end()  # the event, not where the story was filed
            others = [d for d in dated if s_start <= d < s_end and d != timex.start]
            start, end = clause_of(article.text, s_start, s_end, timex.start, others)
            start, end = _dated_subclause(article.text, start, end, timex.start, timex.end)
            if (value, start) in seen:
                continue
            seen.add((value, start))
            raw.append((value, a_index, s_index, Span(article.id, start, end)))
    return _merge(raw, articles, embeddings, groups)


# a clause that dates what another happened after or before: "... in the days after Russia launched
# its offensive on May 10." (the offensive is the event of May 10, not what the sentence leads with),
# "... on Monday after a fire destroyed a grain terminal last week." (a subject, then its past verb)
_SUBORDINATOR = re.compile(
    r"\b(?:after|since|before|until)\s+"
    r"(?=(?:the\s+|its\s+|his\s+|her\s+)?[A-Z]|(?:a|an|the|its|his|her|their)\s+[a-z])"
)
SUBCLAUSE_MIN_WORDS = 4
_MODAL = re.compile(r"\b(?:will|would|could|may|might|can|should|must|shall)\b")
# ... and states its event: a past verb, in -ed or one of the common irregular ones
_PAST_VERB = re.compile(
    r"\b(?:\w+ed|began|took|made|came|went|left|won|lost|fell|met|said|told|struck|hit|broke|ran|"
    r"sent|gave|held|set|led|rose|saw|shot|spoke|stole|wrote|fought|flew|drove|chose|froze|grew)\b"
)
_CLAUSE_TAIL = re.compile(r"[\s.,;:!?\"'”’)]*")


def _dated_subclause(text: str, start: int, end: int, t_start: int, t_end: int) -> tuple[int, int]:
    """The clause after "after", "since", "before" or "until" that the date ends, when it ends the
    span and opens with a name or a subject ("after Russia launched its offensive on May 10"): that
    clause is the dated event. Else the span as it is."""
    if not _CLAUSE_TAIL.fullmatch(text, t_end, end):
        return start, end  # the date does not end the span: the clause goes on past it
    opened = list(_SUBORDINATOR.finditer(text, start, t_start))
    if not opened:
        return start, end
    clause = text[opened[-1].end() : t_end]
    words = clause.split()
    if len(words) < SUBCLAUSE_MIN_WORDS or re.search(r"[,;:—–]", clause):
        return start, end
    if not _PAST_VERB.search(clause) or _MODAL.search(clause):
        return start, end  # "after the primary will give him the boost": no event of that day yet
    if re.match(r"(?:a|an|the|its|his|her|their)\s+[a-z]", clause) and not _COMMON_SUBJECT.match(
        clause
    ):
        return start, end  # "after a heated debate on Monday": a noun phrase, not a clause
    return opened[-1].end(), t_end


# a clause opening with a common noun: an article, a noun (not in -ly, not itself the -ed word: "a
# failed bid", "a widely expected vote" are noun phrases) and at most two more words before the verb
_COMMON_SUBJECT = re.compile(
    r"(?:a|an|the|its|his|her|their)\s+(?!\w+(?:ed|ly)\b)\w+(?:\s+(?!\w+ly\b)\w+){0,2}?\s+"
    + _PAST_VERB.pattern  # the verb right after the subject
)


CLAUSE_MAX_WORDS = 12  # a dated clause this short is compared by its words ...
SAME_CLAUSE_MIN_SHARE = 0.6  # ... one event when this share of their content words is the same


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy's list, as the brief's concepts use

    return frozenset(STOP_WORDS)


def _content_words(text: str) -> set[str]:
    stop = _stop_words()
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2 and w not in stop}


def _same_clause(a: str, b: str) -> bool:
    """Two short dated clauses that say one thing in nearly the same words ("Russia launched its
    offensive on May 10", "Russia launched its Kharkiv offensive on 10 May"): their sentences' vectors
    describe all else the sentences say, so the clauses are compared by their own words."""
    if len(a.split()) > CLAUSE_MAX_WORDS or len(b.split()) > CLAUSE_MAX_WORDS:
        return False
    # each naming someone the other does not is two events: "Trump won Florida on Tuesday" and
    # "Clinton won Florida on Tuesday"; a name one adds ("its Kharkiv offensive") is not
    na, nb = _names(a), _names(b)
    if na - nb and nb - na:
        return False
    wa, wb = _content_words(a), _content_words(b)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= SAME_CLAUSE_MIN_SHARE


def _names(text: str) -> set[str]:
    """The capitalised words of a clause but function words opening it ("The", "In")."""
    stop = _stop_words()
    return {w for w in re.findall(r"\b[A-Z][\w'’-]*", text) if w.lower() not in stop}


def _merge(
    raw: list[tuple[str, int, int, Span]],
    articles: Sequence[Article],
    embeddings: Sequence[Matrix],
    groups: Mapping[str, int],
) -> list[TimelineEvent]:
    merged: list[list[tuple[str, int, int, Span]]] = []
    for item in raw:
        value, a_index, s_index, _ = item
        # only events of the same date in other articles are compared: a story of one article
        # needs no embedding here
        rivals = [g for g in merged if g[0][0] == value and all(x[1] != a_index for x in g)]
        vector = embeddings[a_index][s_index] if rivals else None
        for group in rivals:
            head = group[0]
            if float(vector @ embeddings[head[1]][head[2]]) >= SAME_EVENT_MIN_SIM or _same_clause(
                articles[head[1]].text[head[3].start : head[3].end],
                articles[a_index].text[item[3].start : item[3].end],
            ):
                group.append(item)
                break
        else:
            merged.append([item])
    events = []
    for group in merged:
        head = group[0]
        text = articles[head[1]].text[head[3].start : head[3].end]
        sources = {groups.get(articles[g[1]].id, g[1]) for g in group}
        events.append(TimelineEvent(head[0], text, tuple(g[3] for g in group), len(sources)))
    return sorted(events, key=_chronological)


def _chronological(event: TimelineEvent) -> tuple[date, int, int]:
    """Ordered by the first day an event's date covers and, from the same day, the wider period
    first (an event known only to the month comes before the days of that month)."""
    first, last = event.period()
    return first, -(last - first).days, -event.independent_sources
