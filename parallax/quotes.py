"""Quotes: who said what, in every outlet's wording.

Finds direct quotes (straight, curly and ``...'' marks, quotes split by "he said", partial quotes inside
a sentence) and indirect speech introduced by a reporting verb ("X said ...", "..., X said", "according to
X"), attributes each to a speaker (a named person with title, an organisation, or an anonymous source such
as "a US official"), resolves pronoun speakers to the nearest preceding named speaker, and groups the same
quote across outlets, keeping every wording variant with a word-level diff.

The attribution rules are hand-written over spaCy's sentences and entities: textacy's
``direct_quotations`` needs the dependency parser (40% more spaCy time), misses indirect speech and
anonymous sources, and scores far lower on PolNeAR (``parallax eval quotes``).
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from parallax import outlets, timex
from parallax.models import (
    FRAGMENT_JOINER,
    PRONOUN_SPEAKERS,
    Analysis,
    Article,
    Quote,
    QuoteVariant,
    Span,
    SpeakerKind,
    content_hash,
)
from parallax.tweets import embedded_tweets, in_tweet

Matrix = npt.NDArray[np.float32]

SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "tell", "added", "adds", "stated", "states", "asked", "asks",
    "announced", "announces", "explained", "explains", "noted", "notes", "wrote", "writes", "argued", "argues",
    "insisted", "insists", "warned", "warns", "confirmed", "confirms", "denied", "denies", "acknowledged",
    "acknowledges", "suggested", "suggests", "replied", "responded", "declared", "claimed", "claims",
    "commented", "testified", "admitted", "admits", "predicted", "promised", "vowed", "urged", "urges",
    "recalled", "emphasized", "emphasised", "stressed", "tweeted", "continued", "cautioned", "conceded",
    "complained", "disclosed", "reiterated", "insisted", "maintained", "agreed", "countered", "quipped",
    "remarked", "observed", "pointed out", "went on", "reported",
    # "“...,” he is quoted as saying": the whole phrase is the verb, or "he is" would be the speaker
    "is quoted as saying", "was quoted as saying", "were quoted as saying",
)  # fmt: skip
# participles attribute a quote that follows them ("Vell hit back, saying “...”", "is telling voters
# that “...”"), never one before them ("“It is over,” she kept telling herself"), and make no
# reported speech of their own: "The mayor rejected the plan, saying ..." has no speaker
# phrase the patterns could cut out whole
QUOTE_ONLY_VERBS = ("saying", "telling")
# the subject of "Vell hit back, saying ..." or "Ada Brook is telling voters ...": the name the clause
# opens with (capitalised words, a title's masked full stop allowed); "The mayor rejected the plan,
# saying" opens with no name, and gets no speaker rather than a wrong one
_NAME_HEAD = re.compile(
    r"(?!(?:The|A|An|This|That|It|There|But|And)\b)[A-Z][\w\u2024’'-]*(?:\s+[A-Z][\w\u2024’'-]*)*"
)
SAME_QUOTE_MIN_RATIO = (
    0.6  # share of words two renderings of one quote keep in common (difflib ratio)
)
SAME_INDIRECT_MIN_SIM = (
    0.8  # cosine at which two reports of what a speaker said are the same statement
)
MAX_SPEAKER_WORDS = 12

VERB_PATTERN = (
    r"(?:" + "|".join(re.escape(v) for v in sorted(SPEECH_VERBS, key=len, reverse=True)) + r")"
)
_QUOTE_VERB = r"(?:" + "|".join((*QUOTE_ONLY_VERBS, VERB_PATTERN)) + r")"
_QUOTE = re.compile(
    r"“(?P<a>[^”\n]{2,}?)”|\"(?P<b>[^\"\n]{2,}?)\"|``(?P<c>(?:[^'\n]|'(?!')){2,}?)''"
    r"|‘(?P<d>[^’\n]{8,}?)’(?!\w)"
    # newspaper archives' ''like this'' (not inches: 12'' pipe)
    r"|(?<![\w'])''(?=\S)(?P<e>(?:[^'\n]|'(?!'))+?)''(?![\w'])"
    # British tabloids' straight single marks: 'This is only the beginning,' he said. The opening mark
    # before a capital letter (not "the '90s"), the closing one after the quote's own punctuation; an
    # apostrophe between letters ("don't", "Ukraine's") stays inside, double marks do not
    r"|(?<![\w'])'(?=[A-Z])(?P<f>(?:[^'\n“”\"]|(?<=\w)'(?=\w)){6,}?[,.!?])'(?![\w'])"
)
# matched at the closing quote mark (re.match with a start position: no "^", which would mean offset 0)
_AFTER = re.compile(
    rf"[,.!?]?\s*(?:(?P<speaker>[^.,;:!?“”\"]{{1,90}}?)\s+{VERB_PATTERN}\b|{VERB_PATTERN}\s+(?P<speaker2>[^.,;:!?“”\"]{{1,90}}))"
)
# "..., the presumptive nominee, Donald Trump, tweeted", "..., Sarah Warbelow, legal director of the
# group, said", "..., Blunt, after a long pause, said": the speaker and an aside between commas
_AFTER_ASIDE = re.compile(
    rf"[,.!?]?\s*(?P<head>[^.,;:!?“”\"]{{1,60}}),\s+(?P<aside>[^.;:!?“”\"]{{1,100}}?),\s+{VERB_PATTERN}\b"
)
# where an inverted speaker ("said Ada Brook on Monday") ends: a time, place or clause after the name
_AFTER_NAME = re.compile(
    r"(?<=[A-Za-z\u2024])\s+(?=(?:on|at|in|during|after|before|last|this|earlier|later|yesterday|today|"
    r"tonight|when|while|as|who|which|adding|according)\b)"
)
_DESCRIPTION = re.compile(r"^(?:the|a|an|his|her|its|their|our)\s", re.IGNORECASE)
_STARTS_ON_A_REPORTING_VERB = re.compile(r"(?:says|said|told|tells|adds|added|asks|asked)\s", re.I)

# titles abbreviated before a name ("Sen. Ada Brook", "Lt. Gov. Tom Vell"): no sentence ends there
# when a name follows (nlp.py), and a speaker may hold one
TITLES = (
    "Mr|Mrs|Ms|Messrs|Dr|Drs|Gov|Govs|Sen|Sens|Rep|Reps|Gen|Gens|Lt|Col|Capt|Sgt|Cpl|Adm|Maj|Prof|"
    "Rev|Hon|Cmdr|Supt|Det|Atty|Amb|Pres"
)
# a full stop that ends no sentence: a title's abbreviation or an initial ("Mr. Morgan", "Joseph R.
# Biden", "U.S."), masked while a speaker is read so that the speaker's words may hold it
_ABBREVIATION = re.compile(
    rf"\b(?:{TITLES}|Jr|Sr|St|Mt)\.(?=\s)|\b[A-Z]\.(?=\s*[A-Z])|(?<=\b[A-Z]\.[A-Z])\.|"
    r"(?<=-)[A-Z][a-z]{1,4}\.(?=,)"  # "R-Ky.,", "D-Calif.,"
)
_MASKED_DOT = "\u2024"  # one dot leader: a character the speaker patterns accept, the same length


def _mask_abbreviations(text: str) -> str:
    return _ABBREVIATION.sub(lambda m: m.group(0).replace(".", _MASKED_DOT), text)


def _unmask(speaker: str | None) -> str | None:
    return speaker.replace(_MASKED_DOT, ".") if speaker else speaker


_PRONOUNS = PRONOUN_SPEAKERS - {"it"}  # resolved to a speaker before; "it said" is left as it is
_PERSONAL = frozenset({"he", "she", "i", "him", "her"})  # only a person is their antecedent
_PLURAL = frozenset({"they", "them"})  # a body or a group of people
_ANONYMOUS = re.compile(
    r"\b(?:officials?|sources?|diplomats?|aides?|spokes(?:man|woman|person|people)|insiders?|advis[eo]rs?|"
    r"people|persons?|someone|witnesses|residents?|employees|workers|staffers?|analysts?|lawmakers?|"
    r"experts?|observers?|critics?|supporters?)\b",
    re.IGNORECASE,
)
# a phrase that ends on a post held by one person names that person, whatever body it belongs to
_ROLE_HEAD = re.compile(
    r"\b(?:chief|head|minister|secretary|director|commander|president|chair(?:man|woman)?|mayor|"
    r"governor|ambassador|leader|prosecutor|judge|envoy|premier|chancellor|ceo|founder)$",
    re.IGNORECASE,
)
_ORGANISATION = re.compile(
    r"\b(?:ministry|department|agency|police|company|firm|government|administration|white house|kremlin|"
    r"pentagon|council|committee|campaign|office|service|court|union|party|army|military|group|embassy|"
    r"commission|nato|united nations|the un|corporation|inc|ltd|bank|statement)\b",
    re.IGNORECASE,
)
_SUBJECT_STOP = re.compile(
    # a closing quotation mark too: “The pier held,” she said, “...”: the subject is "she"
    r"(?:[,;:(”\"]|\bthat\b|\band\b|\bbut\b|\bwhile\b|\bwhen\b|\bas\b)\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Attribution:
    """One quote or reported statement in one article."""

    article: int
    start: int  # the content span
    end: int
    speaker: str | None
    speaker_start: int | None
    speaker_kind: SpeakerKind
    direct: bool
    partial: bool
    # a quote the attribution interrupts (“...,” she said, “...”): its fragments, first to last;
    # () when the quote is one stretch, start..end
    parts: tuple[tuple[int, int], ...] = ()

    def content(self, text: str) -> str:
        """The quoted or reported words; a split quote's fragments joined by FRAGMENT_JOINER."""
        if not self.parts:
            return text[self.start : self.end]
        return FRAGMENT_JOINER.join(text[a:b] for a, b in self.parts)

    def pieces(self) -> tuple[tuple[int, int], ...]:
        """The spans the words come from: the fragments, or start..end."""
        return self.parts or ((self.start, self.end),)


_TRAILING_ADVERBS = frozenset(
    [
        "later",
        "also",
        "then",
        "again",
        "previously",
        "earlier",
        "recently",
        "since",
        "already",
        "often",
        "still",
        "has",
        "had",
        "have",
        "would",
        "will",
        "could",
        "should",
        "might",
        "may",
        "must",
        "can",
        "did",
        "does",
        "do",
        "is",
        "are",
        "was",
        "were",
        "to",
        "once",
        "never",
        "not",
        # adverbs between a speaker and the verb (a list, not "-ly": "family", "assembly")
        "consistently",
        "repeatedly",
        "publicly",
        "privately",
        "reportedly",
        "allegedly",
        "initially",
        "originally",
        "separately",
        "subsequently",
        "frequently",
        "openly",
        "flatly",
        "firmly",
        "strongly",
        "bluntly",
        "angrily",
        "quickly",
        "briefly",
        "largely",
        "aptly",
    ]
)
_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "one",
        "two",
        "three",
        "four",
        "five",
        "several",
        "some",
        "many",
        "other",
        "another",
        "senior",
        "top",
        "both",
        "all",
    ]
)


_OPENING_CONJUNCTIONS = frozenset(
    ["But", "And", "Yet", "So", "Still", "Also", "Meanwhile", "However", "Now", "Then", "Instead"]
)


_AS_QUANTITY = frozenset(
    {"many", "much", "few", "little", "well", "long", "soon", "far", "recently"}
)


# nouns (and a few adjectives as nouns) in -ly that end a speaker: "His family said", "the daily said"
_LY_NOUNS = frozenset(
    [
        "family",
        "assembly",
        "supply",
        "monopoly",
        "anomaly",
        "butterfly",
        "homily",
        "weekly",
        "daily",
        "monthly",
        "quarterly",
        "yearly",
        "biweekly",
        "melancholy",
    ]
)
_PREPOSITIONS = frozenset(["of", "in", "to", "by", "for", "with", "at", "on", "from", "about"])
_NO_SUBJECT_END = _PREPOSITIONS | {"into", "onto", "than", "and", "or", "but"}
# a verb in a phrase before a speaker: an irregular past tense, in lower case (a regular one only
# after a name, _has_clause_verb: "-ed" is as often a participle describing the subject, "Two
# people briefed on the talks and a U.S. official said")
_CLAUSE_VERB = re.compile(rf"\b(?:{timex.IRREGULAR_PAST})\b")


# plural nouns a sentence opens with, whom a participle describes: "Officials involved in ..."
_DESCRIBED_PLURALS = frozenset(
    [
        "officials",
        "people",
        "residents",
        "sources",
        "analysts",
        "experts",
        "critics",
        "witnesses",
        "voters",
        "aides",
        "lawmakers",
        "leaders",
        "members",
        "workers",
        "students",
        "parents",
        "police",
        "investigators",
    ]
)


def _has_clause_verb(clause: str) -> bool:
    """Whether ``clause`` holds a verb of its own: an irregular past tense, or a regular one right
    after a name ("Russia massed troops", "Kyiv pleaded for help"), not after a common noun it
    describes ("Two people briefed on the talks", "Officials involved in the negotiations")."""
    if _CLAUSE_VERB.search(clause):
        return True
    words = clause.split()
    return any(
        re.fullmatch(r"[a-z]{3,}ed", word)
        and words[i - 1][:1].isupper()
        and words[i - 1].lower() not in _DESCRIBED_PLURALS
        for i, word in enumerate(words[1:], start=1)
    )


def _clean_speaker(text: str) -> str:
    """Trim a speaker phrase: "On that trip Blinken" -> "Blinken"; "a US official" stays as it is.
    A phrase ending in a conjunction shares its verb's subject with an earlier verb: "Clinton stressed
    her support ... and (said)" gives the name it opens with, "... sponsored by NBC News and (said)",
    which opens with none, gives "" rather than a wrong speaker."""
    if re.search(r"\b(?:and|or|but|nor)\s*$", text):
        head = _NAME_HEAD.match(text.strip())
        return head.group(0) if head else ""
    words = re.sub(r"\s+", " ", text.strip(" ,—–-")).split(" ")
    # "But Mr. Obama (said)": the sentence's link to the one before, not the speaker
    while len(words) > 1 and words[0].rstrip(",") in _OPENING_CONJUNCTIONS:
        words.pop(0)
    # "(whether Scott had a gun,) as police have said": a comment clause's "as", not the speaker's
    if len(words) > 1 and words[0].lower() == "as" and words[1].lower() not in _AS_QUANTITY:
        words.pop(0)
    if any(w[:1].isupper() for w in words) and words[0].lower() not in _DETERMINERS:
        while words and not words[0][:1].isupper() and not words[0][:1].isdigit():
            words.pop(0)
    # "He has consistently (denied)", "I would (have said)", "NATO leadership quietly (urged)";
    # lower case only: "Theresa May" and "Megyn Kelly" stay
    while len(words) > 1 and (
        words[-1] in _TRAILING_ADVERBS
        or (
            re.fullmatch(r"[a-z]{4,}ly", words[-1])
            and words[-1] not in _LY_NOUNS
            and words[-2].lower() not in _DETERMINERS  # "The elderly say"
        )
    ):
        words.pop()
    speaker = " ".join(words)
    # "European allies began changing tack and NATO leadership (urged)": a clause with its own verb,
    # then the speaker, named after the last "and"
    # ("the Securities and Exchange Commission" is one name: the word before "and" is lower case)
    clause, joined, after = speaker.rpartition(" and ")
    opens = after.split()[0] if after.split() else ""
    if (
        joined
        and (opens[:1].isupper() or opens in ("the", "a", "an"))
        and clause.split()[-1][:1].islower()
        and _has_clause_verb(clause)
    ):
        speaker = after
    # "two U.S. officials who (disclosed ...)": the speaker without the relative word the verb
    # follows; "in which he", "many of whom" are nobody ("A source who asked not to be named" stays)
    # "To which she (said)", "in which he (argued)": the pronoun after the relative is the speaker
    after_relative = re.fullmatch(
        r"\w+\s+(?:which|whom)\s+(he|she|they|we|I)", speaker, re.IGNORECASE
    )
    if after_relative:
        return after_relative.group(1)
    bare = re.sub(r",?\s+(?:who|whom|whose|which)$", "", speaker)
    if bare != speaker:
        last = bare.split()[-1] if bare.split() else ""
        if not last or last.lower() in _PREPOSITIONS:
            return ""
        speaker = bare
    # "Woodrow Benford, 58, who lives outside Minneapolis": the name, without its age or clause
    described = re.match(r"^([^,]+?),\s+(?:\d{1,3}(?:,|$)|(?:who|whose|which)\b)", speaker)
    if described:
        speaker = described.group(1)
    return re.sub(r"^(?:the|a|an)\s+(?=[A-Z])", "", speaker)


_NOUN_BEFORE = re.compile(
    r"(?:(?P<owner>\b\w+)['’]s|\b(?:the|a|an|his|her|their|its|our|my|your|these|those|such))\s+$",
    re.IGNORECASE,
)
_PRONOUN_S = frozenset({"he", "she", "it", "who", "that", "there", "what", "where", "here"})


# "primaries in five states", "other Western states", "the United States": a plural noun, counted,
# qualified or in a name, not the verb ("the report states")
_PLURAL_NOUN_VERB = re.compile(r"(?i:states|notes|claims)\b")
_QUANTIFIED = re.compile(
    r"(?:(?<![\d,])\d+(?:,\d{3})*(?!,)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|other|many|several|some|all|both|few|most|key|swing|battleground|early|"
    r"remaining|individual|neighbou?ring|nearby|member|border|these|those|such|more|fewer|"
    r"\w+ern))\s+$",
    re.IGNORECASE,
)


def _plural_noun(text: str, verb_at: int) -> bool:
    """ "five states", "other Western states", "the United States": a plural noun, not the verb."""
    return bool(
        _PLURAL_NOUN_VERB.match(text, verb_at)
        and (text[verb_at].isupper() or _QUANTIFIED.search(text, max(0, verb_at - 24), verb_at))
    )


def _noun_use(text: str, verb_at: int) -> bool:
    """ "Swift's claims", "the notes", "his tells", "five states": a reporting verb's spelling used
    as a noun ("He's said" is a verb: a pronoun's 's is "has")."""
    if _plural_noun(text, verb_at):
        return True
    found = _NOUN_BEFORE.search(text, max(0, verb_at - 24), verb_at)
    return found is not None and (found["owner"] or "").lower() not in _PRONOUN_S


# not who spoke: a preposition or time phrase after the verb ("... announced in October, said X")
_NOT_A_SPEAKER_START = re.compile(
    r"^(?:in|on|at|by|for|with|from|to|that|this|last|earlier|later|during|after|before|about|"
    r"over|under|as|it|there)\b",
    re.IGNORECASE,
)
# "..., said Derek Scissors" or "..., Derek Scissors said" further along the sentence
_LATER_SPEAKER = re.compile(
    rf",\s*(?:{VERB_PATTERN}\s+(?P<inverted>[A-Z][^.,;:!?“”\"]{{1,80}})|"
    rf"(?P<plain>[A-Z][^.,;:!?“”\"]{{1,80}}?)\s+{VERB_PATTERN}\b)"
)


_PARTY = re.compile(r"\s*\((?:[DRI]|Dem|Rep|Ind)\s?[-–][^()]{1,24}\)$")
_US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|"
    "Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|"
    "Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|"
    "New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|"
    "South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|"
    "Wisconsin|Wyoming|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|"
    "Minn|Miss|Mo|Mont|Neb|Nev|N[.\u2024]?[HJMYCD]|Okla|Ore|Pa|R[.\u2024]?I|S[.\u2024]?[CD]|Tenn|"
    "Va|Vt|Wash|W[.\u2024]?Va|Wis|Wyo|D[.\u2024]?C"
)
# a city's state after a comma, the city's name capitalised before it: ", Sumter, South Carolina"
_PLACE_STATE = re.compile(rf"(?<=[a-z]),\s*(?:{_US_STATES})[.\u2024]?$")


def _subject_before(text: str, start: int, verb_at: int) -> tuple[str, int] | None:
    """The words before a reporting verb, back to a clause boundary: its subject. An apposition
    closed just before the verb ("The mayor, Ada Brook, said") is the subject, not a boundary."""
    window = text[start:verb_at].rstrip()
    if window.endswith(","):
        window = window[:-1]
    window = re.sub(r",\s*\d{1,3}$", "", window)  # "One resident, Petra Solberg, 34, said": an age
    # "Richardson, via USA Today, said": where the words were read, not who said them
    window = re.sub(r",\s*(?:via|per)\s+[^,]{1,60}$", "", window)
    # "Rep. Gregory Meeks (D-N.Y.) said": the party and state go with the name
    window = _PARTY.sub("", window)
    # "a salesman from Sumter, South Carolina, says": the state closes the place, not a speaker
    window = _PLACE_STATE.sub("", window)
    # "One Club for Growth ad, which is currently airing, argues": the head, not the relative clause
    # "John Dickey, the chief executive of Ora Media -- the company that ... -- told me": the aside
    window = _DASH_ASIDE.sub("", window)
    window = re.sub(r"(?:,|\s(?:--|—|–))\s*(?:who|which|whose)\b[^,]*$", "", window)
    stops = list(_SUBJECT_STOP.finditer(window))
    cut = stops[-1].end() if stops else 0
    # "The statement noted they had previously said": the subject of the last verb, "they"
    for inner in _INNER_VERB.finditer(window, cut):
        # not inside a relative clause: "A source who asked not to be named (said)" stays whole
        if not _noun_use(window, inner.start()) and not _RELATIVE_BEFORE.search(
            window, max(cut, inner.start() - 40), inner.start()
        ):
            cut = inner.end()
    # "Jean-Marc Ayrault, the foreign minister of France, a permanent member of the Council, said":
    # descriptions in apposition after a name; the speaker is the name they describe
    for back in range(len(stops) - 1, max(-1, len(stops) - 4), -1):
        if (
            not _APPOSED_DESCRIPTION.match(window, stops[back].end())
            or window[stops[back].start()] != ","
        ):
            break
        begin = stops[back - 1].end() if back > 0 else 0
        chunk = window[begin : stops[back].start()].strip()
        if _apposed_name(chunk):
            cut = begin
            window = window[: stops[back].start()]
            break
    subject = window[cut:].strip()
    if not subject or len(subject.split()) > MAX_SPEAKER_WORDS:
        return None
    return subject, start + cut + (len(window[cut:]) - len(window[cut:].lstrip()))


# a reporting verb inside the subject window, followed by the subject of the last verb ("noted they")
_INNER_VERB = re.compile(
    rf"\b{VERB_PATTERN}\s+(?=(?:they|he|she|it|we|I)\b|[A-Z])"
)  # "Said": a name
_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom|which|that)\b[^,]*$")
_OWNED = re.compile(r"^[A-Z][\w.&-]*[’']s\s+(?P<owned>[A-Z].*)$")
# an aside between two dashes right before the verb; no dash of either kind inside it
_DASH_ASIDE = re.compile(r"\s+(?:--|—|–)\s+(?:(?!--)[^—–])*?\s*(?:--|—|–)\s*$")
# a description: "the foreign minister", "a Democrat", "the EU's largest economy"
_APPOSED_DESCRIPTION = re.compile(r"\s*(?:the|a|an)\s+\S")
# a name before its descriptions: capitalised words (a title's or initial's full stop masked or not)
_APPOSED_NAME = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov)[.\u2024]\s+)?[A-Z][\w’'.\u2024-]*"
    r"(?:\s+(?:[A-Z][\w’'.\u2024-]*|de|der|van|von|bin|al|la|le|du))*"
)
# one word that opens a sentence without naming anyone: "However", "Yesterday"
_SENTENCE_OPENERS = (
    _OPENING_CONJUNCTIONS
    | {"Yesterday", "Today", "Tonight", "Earlier", "Later", "Last", "Since", "Meantime"}
    | {"Elsewhere", "Overall", "Again", "Here", "There"}
)
# ... and no word of an opening phrase is part of a name before descriptions ("On Monday, the chief
# said", "Like Obama, the senator said", "Late Friday, the ministry said"); months that are also
# given names (April, May, June) may be
_NOT_APPOSED = (
    _SENTENCE_OPENERS
    | {w.capitalize() for w in timex.WEEKDAYS}
    | {w.capitalize() for w in timex.MONTHS if len(w) > 3 and w not in ("april", "june", "sept")}
    | set(
        [
            "On",
            "In",
            "At",
            "After",
            "Before",
            "During",
            "For",
            "From",
            "By",
            "With",
            "Without",
            "Within",
            "Like",
            "Unlike",
            "Under",
            "Over",
            "Across",
            "Among",
            "Amid",
            "Amidst",
            "Despite",
            "Through",
            "Throughout",
            "Against",
            "Beyond",
            "Near",
            "Outside",
            "Inside",
            "Along",
            "Around",
            "Following",
            "Besides",
            "Except",
            "Via",
            "Toward",
            "Towards",
            "Upon",
            "Into",
            "About",
            "Above",
            "Below",
            "Behind",
            "Beside",
            "Between",
            "This",
            "Next",
            "Late",
            "Early",
            "Asked",
            "According",
            "Separately",
            "Moreover",
            "Nevertheless",
            "Nonetheless",
            "Thus",
            "Therefore",
            "Furthermore",
            "Indeed",
            "Otherwise",
            "Hence",
            "Likewise",
        ]
    )
)


def _apposed_name(chunk: str) -> bool:
    """Whether ``chunk`` reads as the name that descriptions after it describe."""
    words = chunk.split()
    return bool(
        _APPOSED_NAME.fullmatch(chunk)
        and not _SENTENCE_ADVERB.fullmatch(chunk)
        and not any(w.strip(",") in _NOT_APPOSED for w in words)
        # a participle opens a phrase: "Reached by phone", "Speaking to reporters", "Interviewed"
        and not (len(words[0]) > 4 and re.search(r"(?:ed|ing)$", words[0]) and len(words) > 1)
    )


_ACRONYM = re.compile(r"(?:[Tt]he\s+)?(?:(?:[A-Z]\.){2,}|[A-Z]{2,6})")


# where the head of a speaker phrase ends and what qualifies it begins
_HEAD_END = re.compile(
    r",|\s(?:including|such as|like|in|on|at|from|of|for|with|who|across|around|close)\b"
)
_NOT_PLURAL = re.compile(
    r"this|its|his|hers|ours|yours|theirs|was|has|does|is|as|us|news|series|species|politics|"
    r"economics|\w*(?:ss|us|is|'s|’s)"
)
# papers and figures that "say" things: no one's words ("a report in the Argus Leader", "exit polls")
_DOCUMENTS = frozenset(
    [
        "report",
        "reports",
        "study",
        "studies",
        "statement",
        "statements",
        "survey",
        "surveys",
        "poll",
        "polls",
        "analysis",
        "article",
        "articles",
        "journal",
        "paper",
        "papers",
        "filing",
        "filings",
        "document",
        "documents",
        "letter",
        "letters",
        "memo",
        "release",
        "records",
        "results",
        "returns",
        "data",
        "figures",
        "numbers",
        "statistics",
        "findings",
        "estimates",
        "files",
        "minutes",
        "transcripts",
        "emails",
        "messages",
        "forums",
        "posts",
        "tweets",
    ]
)
# ... and other plurals that are no people: "measures", "changes", "votes"
_NO_PEOPLE = _DOCUMENTS | {"measures", "changes", "speeches", "rises", "votes", "smiles", "facts"}
_BODIES = re.compile(
    r"countries|nations|governments|states|companies|firms|agencies|organi[sz]ations|"
    r"unions|parties|ministries|banks|newspapers|networks|courts|outlets"
)


def _plural_head(speaker: str) -> str | None:
    """The plural common noun that heads a speaker phrase ("members" in "Several cast members",
    "countries" in "Some countries including Britain"), or None. A capitalised head counts only as a
    speaker word of its own ("Experts on North Korea"): "Sanders" is a name."""
    head = _HEAD_END.split(speaker, maxsplit=1)[0].split()
    if not head:
        return None
    word = head[-1]
    if not re.fullmatch(r"[A-Za-z-]{4,}s", word) or _NOT_PLURAL.fullmatch(word.lower()):
        return None
    if word[0].isupper() and not (len(head) == 1 and _ANONYMOUS.fullmatch(word)):
        return None
    if word.lower() in _NO_PEOPLE:
        return None  # "FEC filings", "exit polls": records that say it, no people
    return word.lower()


_CALENDAR_WORD = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|June|July|August|"
    r"September|October|November|December",
)


def speaker_kind(speaker: str | None, person_names: set[str]) -> SpeakerKind:
    """person, organisation, anonymous or unknown, from the phrase and the entities around it."""
    if not speaker or speaker.lower() in PRONOUN_SPEAKERS:
        return "unknown"  # "It", "They": whose words they are is decided by what came before
    owned = _OWNED.match(speaker)
    if (
        owned
        and (len(owned.group("owned").split()) >= 2 or owned.group("owned") in person_names)
        and speaker_kind(owned.group("owned"), person_names) == "person"
    ):
        return "person"  # "NBC’s Dante Chinni", "Fox's Chris Wallace": a person of an outlet
    if outlets.find_outlets(speaker) or re.search(
        r"\b(?:Courier|Times|Post|Press|News|Daily|Herald|Journal)\b", speaker
    ):
        return "organisation"
    if _ACRONYM.fullmatch(speaker):
        return "organisation"  # "The S.E.C.", "NATO", "the FBI": initials name a body, not a person
    plural = _plural_head(speaker)
    if plural and not any(n in speaker for n in person_names):
        # "Several cast members", "Some countries including Britain and the Netherlands": the
        # names after the head say which, they are no one's name
        return "organisation" if _BODIES.fullmatch(plural) else "anonymous"
    words = speaker.split()
    names = [
        w
        for w in words
        if w[:1].isupper()
        and w.lower() not in ("u.s.", "us", "the", "a", "one")
        and not _CALENDAR_WORD.fullmatch(w)  # "a report on Monday" names no one
    ]
    if any(n in speaker for n in person_names) or (
        len(names) >= 2 and not _ORGANISATION.search(speaker)
    ):
        return "person"
    if (
        _ROLE_HEAD.search(speaker)
        and re.search(r"['’]s\s", speaker)
        and not _ANONYMOUS.search(speaker.split()[-1])
    ):
        return "person"  # "Ukraine's military intelligence chief": a body's post, one person's
    if _ANONYMOUS.search(speaker) and not any(n in speaker for n in person_names):
        return "anonymous"
    if _ORGANISATION.search(speaker):
        return "organisation"
    if names:
        return "person"
    return "unknown"


def _direct(
    article: Article, analysis: Analysis, index: int, persons: set[str], masked: str
) -> tuple[list[Attribution], list[tuple[int, int]]]:
    """The article's direct quotes, and the quoted titles and names left out (their sentences
    are not reported speech either)."""
    text = article.text
    # an archive's two apostrophes read as the quotation mark they are (''Fine,'' he said): the
    # speaker patterns stop at quotation marks
    masked = masked.replace("''", '""')
    out: list[Attribution] = []
    titles: list[tuple[int, int]] = []
    for match in _QUOTE.finditer(text):
        group = next(g for g in "abcdef" if match.group(g) is not None)
        c_start, c_end = match.start(group), match.end(group)
        if len(text[c_start:c_end].split()) < 2:
            continue
        sentence = analysis.sentence_at(match.start())
        s_start, s_end = (
            analysis.sentences[sentence] if sentence is not None else (match.start(), match.start())
        )
        speaker, at = _speaker_around(masked, s_start, s_end, match.start(), match.end(), persons)
        speaker = _unmask(speaker)
        if _title_like(text[c_start:c_end]) and (
            speaker is None or _titles_in(text[s_start:s_end]) >= 2
        ):
            titles.append((c_start, c_end))  # “Magic Keyboard”, a list of song titles: not speech
            continue
        partial = not re.search(r"[.,!?…]$", text[c_start:c_end].strip()) and c_start - 1 > s_start
        kind = speaker_kind(speaker, persons)
        out.append(Attribution(index, c_start, c_end, speaker, at, kind, True, partial))
    return out, titles


SCARE_QUOTE_WORDS = 3  # an unattributed phrase this short inside a sentence is a scare quote
_MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "as",
        "is",
        "it",
        "its",
        "vs",
    ]
)


def _titles_in(sentence: str) -> int:
    """How many quoted titles the sentence holds: a list of them is not anyone's words."""
    return sum(
        _title_like(next(g for g in m.groups() if g is not None)) for m in _QUOTE.finditer(sentence)
    )


def _title_like(content: str) -> bool:
    """Every word capitalised except the small ones ("Takin’ It to the Streets"): a title or name.
    Shouted words ("NO COLLUSION!") and exclamations or questions are speech."""
    words = re.findall(r"[A-Za-z][\w’'-]*", content)
    if not 2 <= len(words) <= 8 or re.search(r"[.!?…]\s+\S", content):
        return False
    if content.isupper() or re.search(r"[!?]\W*$", content):
        return False
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    return bool(major) and words[0][0].isupper() and all(w[0].isupper() for w in major)


_COMPLEMENT_BEFORE = re.compile(r"\s\b(?:that|whether)\s+$", re.IGNORECASE)


def _leads_to_a_subject(lead: str) -> bool:
    """Whether the words before a name leave it the subject: a title or a description may stand
    there ("Republican front-runner Donald Trump", "Secretary of State Antony Blinken"), a verb, a
    pronoun or a preposition may not ("She criticized", "He then turned to", "After meeting")."""
    return not any(_NOT_BEFORE_A_SUBJECT.fullmatch(w.strip(",")) for w in lead.split())


def _opening_person(phrase: str, persons: AbstractSet[str]) -> str | None:
    """The person (of NER's ``persons``) ``phrase`` opens with, after capitalised titles and an
    opening word ("However US Secretary of State Antony Blinken had hinted"), the longest name at
    that place; None when a verb comes first ("The White House assured Sen. Joe Manchin": he is
    addressed, not speaking)."""
    best: tuple[int, int, str] | None = None
    for name in persons:
        at = phrase.find(name)
        if at < 0 or not _leads_to_a_subject(phrase[:at]):
            continue
        if best is None or (-at, len(name)) > (-best[0], best[1]):
            best = (at, len(name), name)
    return best[2] if best else None


def _speaker_around(
    text: str,
    s_start: int,
    s_end: int,
    q_start: int,
    q_end: int,
    persons: AbstractSet[str] = frozenset(),
) -> tuple[str | None, int | None]:
    after = _AFTER.match(text, q_end, min(s_end + 1, len(text)))
    if after:
        group = "speaker" if after.group("speaker") else "speaker2"
        phrase = after.group(group)
        if group == "speaker2":  # "said Ada Brook on Monday", "said Brook at a rally"
            phrase = _AFTER_NAME.split(phrase, maxsplit=1)[0]
        speaker = _clean_speaker(phrase)
        if (
            speaker
            and len(speaker.split()) <= MAX_SPEAKER_WORDS
            and not (group == "speaker2" and _NOT_A_SPEAKER_START.match(after.group(group).strip()))
            # '"... success" there and in states that vote in March': the sentence goes on past the
            # quote, and a subject does not end on a preposition
            and speaker.split()[-1] not in _NO_SUBJECT_END  # "Moon Jae-in" stays
            # '“silver standard,” says she warned': a reporting verb opens no subject
            and not _STARTS_ON_A_REPORTING_VERB.match(speaker)
        ):
            return speaker, after.start(group)
        later = _LATER_SPEAKER.search(text, after.end(group), min(s_end + 1, len(text)))
        if later:
            group = "inverted" if later.group("inverted") else "plain"
            return _clean_speaker(later.group(group)), later.start(group)
    aside = _AFTER_ASIDE.match(text, q_end, min(s_end + 1, len(text)))
    if aside:
        # the name is the aside when the head only describes ("the nominee, Donald Trump,")
        head, middle = aside.group("head").strip(), aside.group("aside").strip()
        named = _DESCRIPTION.match(head) and len(middle.split()) <= 4 and middle[:1].isupper()
        group = "aside" if named else "head"
        speaker = _clean_speaker(aside.group(group))
        if speaker and len(speaker.split()) <= MAX_SPEAKER_WORDS and speaker[:1].isupper():
            return speaker, aside.start(group) + len(aside.group(group)) - len(
                aside.group(group).lstrip()
            )
    before = None
    participle = None
    for verb in re.finditer(rf"\b{_QUOTE_VERB}\b", text[s_start:q_start]):
        if _noun_use(text, s_start + verb.start()):
            continue
        if verb.group(0) not in QUOTE_ONLY_VERBS:
            before = verb
        elif not re.search(
            r"\b(?:without|by|of|for|about|from)\s+$", text[s_start : s_start + verb.start()]
        ):
            participle = verb  # "said, without saying why," is no attribution
    if before is not None:
        found = _subject_before(text, s_start, s_start + before.start())
        if found:
            return _clean_speaker(found[0]), found[1]
    elif participle is not None:
        found = _subject_before(text, s_start, s_start + participle.start())
        if found and (that := _COMPLEMENT_BEFORE.search(text, s_start, found[1])):
            # "Blinken had hinted that Biden was changing course, saying": the participle goes with
            # the main clause, whose subject is the person it opens with
            main = _subject_before(text, s_start, that.start())
            person = main and _opening_person(main[0], persons)
            if main and person:
                return person, main[1] + main[0].index(person)
        named = _NAME_HEAD.match(found[0]) if found else None
        if found and named:  # "Vell hit back, saying": the clause's subject, when it is a name
            return _clean_speaker(named.group(0)), found[1]
    according = re.search(r"according to ([^,.;]{2,80})", text[s_start:s_end], re.IGNORECASE)
    if according:
        return _clean_speaker(according.group(1)), s_start + according.start(1)
    return None, None


def _indirect(
    article: Article,
    analysis: Analysis,
    index: int,
    quoted: list[tuple[int, int]],
    persons: set[str],
    masked: str,
) -> list[Attribution]:
    text = masked
    out: list[Attribution] = []
    for s_start, s_end in analysis.sentences:
        if any(s_start <= q < s_end for q, _ in quoted):
            continue
        sentence = text[s_start:s_end]
        found = _indirect_in(sentence)
        if found is None:
            continue
        (c_start, c_end), (sp_start, sp_end) = found
        # a dateline opens the article's first sentence, not any paragraph's
        opening = c_start == 0 and s_start == analysis.sentences[0][0]
        first = s_start == analysis.sentences[0][0]
        dateline = outlets.DATELINE.match(article.text, s_start, s_end) if first else None
        if dateline and opening and dateline.end() < s_start + c_end:
            c_start = dateline.end() - s_start  # "WASHINGTON — ...": where it was filed, unsaid
        elif dateline and sp_start < dateline.end() - s_start < sp_end:
            # "LONDON, March 3 (Reuters) - Britain's transport minister ... announced": the speaker
            # starts after the dateline
            sp_start = dateline.end() - s_start
        # "On the day that Samsung (announced)", "Prior to September, I (would have said)"
        for lead_in in _SPEAKER_LEAD_IN.finditer(sentence[sp_start:sp_end]):
            if lead_in.end() < sp_end - sp_start:
                sp_start += lead_in.end()
                break
        # "Too often, Mr. Clarke (said)", "In a statement, Ada Brook": the name after an opening phrase
        head, comma, tail = sentence[sp_start:sp_end].rpartition(", ")
        if comma and (_NAME_HEAD.fullmatch(tail.strip()) or tail.strip().lower() in _PRONOUNS):
            sp_start += len(head) + len(comma)
        cleaned = _clean_speaker(sentence[sp_start:sp_end])
        found_at = sentence.find(cleaned, sp_start, sp_end) if cleaned else -1
        if found_at >= 0:  # the speaker's own words: "But Mr. Obama" starts at "Mr."
            sp_start = found_at
        speaker = _unmask(cleaned) or ""
        if not speaker or speaker.lower() in _WRITER or speaker[:1] in "“\"‘'":
            continue  # "I have to say ...": the writer's own voice; “Fine,” said Brook: a word quoted
        kind = speaker_kind(speaker, persons)
        out.append(
            Attribution(
                index,
                s_start + c_start,
                s_start + c_end,
                speaker,
                s_start + sp_start,
                kind,
                False,
                False,
            )
        )
    return out


_TRAILING = re.compile(
    rf"^(?P<content>.{{12,}}?),\s*(?P<speaker>[^,]{{2,90}}?)\s+{VERB_PATTERN}\b[^.]*\.?$"
)
_TRAILING_LAST = re.compile(  # the same at the sentence's last comma
    rf"^(?P<content>.{{12,}}),\s*(?P<speaker>[^,]{{2,90}}?)\s+{VERB_PATTERN}\b[^.,]*\.?$"
)
_TRAILING_INV = re.compile(
    rf"^(?P<content>.{{12,}}?),\s*{VERB_PATTERN}\s+(?P<speaker>[^,.]{{2,90}})[^.]*\.?$"
)
_ACCORDING_END = re.compile(
    r"^(?P<content>.{12,}?),\s*according to (?P<speaker>[^,.]{2,90})[^.]*\.?$", re.IGNORECASE
)
_ACCORDING_START = re.compile(
    r"^according to (?P<speaker>[^,]{2,90}),\s*(?P<content>.{12,}?)\.?$", re.IGNORECASE
)
# a time or place after the verb ("said on Tuesday that ...", "told reporters in Lindham, ..."): it
# ends at a comma or before "that", so that it never takes the words said ("said on Tuesday the
# port would reopen" had left "would reopen" for the content)
_SAID_WHEN = (
    r"(?:\s+(?:on|in|at|late|early|this|last)\b(?:(?:(?!\bthat\b)[^,]){0,30}?(?=,|\s+that\b)"
    # ... or a day, a month, a year or a place in a word or two, with the words said right after:
    # "said on Tuesday the port would reopen", "said late Monday night"
    r"|\s+(?:[A-Z][a-z]+|\d{4}|week|month|year|night|morning|afternoon|evening)"
    r"(?:\s+(?:night|morning|afternoon|evening|\d{1,2}))?(?=\s)))?"
)
# "Erin Murphy, a former aide who went with her to Burma in 2011, said ...": a name, an aside between
# commas that may run past MAX_SPEAKER_WORDS, the verb (the name is the speaker)
_LEADING_ASIDE = re.compile(
    r"^(?P<speaker>[A-Z][\w\u2024’'-]*(?:\s+[A-Z][\w\u2024’'-]*){0,4}),\s+[^;:“”\"]{3,160}?,\s+"
    rf"{VERB_PATTERN}\b{_SAID_WHEN}(?:,)?\s+(?:that\s+)?"
    r"(?P<content>.{12,}?)\.?$"
)
_FINITE = re.compile(
    r"\b(?:would|will|could|should|can|may|might|must|was|were|is|are|had|has|have|did|does)\b"
)
# a sentence adverb: one of the openers or a word in -ly ("Separately")
_SENTENCE_ADVERB = re.compile(r"^(?:\w+ly|" + "|".join(sorted(_SENTENCE_OPENERS)) + r")$")
# an adverb between a reporting verb and what was said ("said repeatedly that", "said gruffly"): a
# word in -ly, but not one that belongs to what was said ("Police said elderly residents ...", "said
# nearly 100 people ...", "said quarterly profits ...")
_SAID_ADVERBS = (
    r"again|(?!(?:elderly|family|monthly|weekly|yearly|quarterly|supply|deadly|likely|unlikely|"
    r"friendly|early|only|holy|ugly|lonely|lovely|costly|orderly|silly|rally|ally|reply|apply|"
    r"assembly|bully|nearly|roughly|approximately|barely|hardly|merely|partly|mostly|largely|fully|"
    r"exactly|particularly|especially|overly|newly|highly|widely|relatively|possibly|probably|"
    r"certainly|definitely|absolutely|really|truly|actually|currently|july|italy)\b)"
    r"[a-z]{3,}ly"
)
_LEADING = re.compile(
    rf"^(?P<speaker>[^.;:]{{2,90}}?)\s+{VERB_PATTERN}\b{_SAID_WHEN}"
    rf"(?:\s+(?:{_SAID_ADVERBS}))?(?:,)?\s+(?:that\s+)?(?P<content>.{{12,}}?)\.?$"
)


# "..., says Ada Brook, is ...": a verb right after a comma, then a capitalised name and a comma before
# the clause goes on in lower case
_INVERTED_ASIDE = re.compile(
    rf"\s*{VERB_PATTERN}\s+(?P<speaker>(?:[a-z][\w-]*\s+){{0,3}}[A-Z][^,.;:“”\"]{{1,60}}?),\s+[a-z]"
)
# ... not a day: "The mayor, Ada Brook, said Monday, that ..."
_NOT_AN_ASIDE_SPEAKER = re.compile(
    r"(?:on\s+)?(?:"
    + "|".join(
        sorted(
            {w.capitalize() for w in timex.WEEKDAYS}
            | {
                max((k for k, v in timex.MONTHS.items() if v == n), key=len).capitalize()
                for n in range(1, 13)
            }
            | {"Today", "Yesterday", "Tonight"}
        )
    )
    + r")\b"
)

_WRITER = frozenset({"i", "we"})
# "Ahead of a meeting in Prague, (alliance chief Jens Stoltenberg)": a phrase that opens the sentence
_OPENING_WORDS = (
    r"in|on|at|after|before|prior to|ahead of|following|during|since|last|earlier|later|by|for|from"
)
_OPENING_PHRASE = rf"^(?:{_OPENING_WORDS})\b[^,]{{0,60}},\s*"
# the words that open a subordinate clause: "As the storm approached, ...", "just as she said"
_SUBORDINATING = r"as|if|when|while|because|although|though|since|once|until|unless|whether"
_OPENING = re.compile(_OPENING_PHRASE, re.IGNORECASE)
_SPEAKER_LEAD_IN = re.compile(
    # the opening phrase first: "During the drive back after the rally, Sexton" is not cut at "after"
    _OPENING_PHRASE
    + r"|^[^,]*?\b(?:that|when|while|after|before|because|if|since|although|though)\s+",
    re.IGNORECASE,
)
# "... are said to be", "Biden’s decision was first reported by Politico": no speaker before the verb
_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|been|be|being)\s+(?:(?:first|also|not|never|widely|\w+ly)\s+)?$",
    re.IGNORECASE,
)
# a speech verb's spelling for a request or an agreement to act: "asked for due diligence", "they
# all agreed to move forward"; or for a reaction: "has responded with a mix of support and concern"
# ("agreed with Matthews", "responded by ..." are speech)
_NOT_SPEECH = re.compile(
    r"\s*(?:ask(?:ed|s)\s+for|agree(?:d|s)\s+to|respond(?:ed|s)?\s+with|react(?:ed|s)?\s+with)\b",
    re.IGNORECASE,
)
# after the verb of a trailing attribution, an object and an infinitive: "..., and NATO leadership
# urged the US to allow such strikes", "... and asked them to move forward": what the speaker asked
# someone to do, so the words before the comma are not theirs
_DIRECTIVE = re.compile(
    r"\s+(?:them|him|her|us|me|it|(?:the|its|their|his|her)\s+[\w.-]+(?:\s+[\w.-]+)?|"
    r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)\s+to\s+(?!the\b|a\b|an\b|[A-Z])[a-z]+"
)
# "..., something that Putin has promised": a relative clause on the words before the comma, which
# are the writer's
_RELATIVE_HEAD = frozenset({"something", "anything", "everything", "nothing", "what", "which"})
# what may follow a trailing attribution's verb: when, where, to whom ("..., the mayor said on
# Thursday.", "..., Brook told reporters in Lindham."), which a leading one's content never is alone
_ADJUNCT_ONLY = re.compile(
    r"^(?:(?:on|in|at|to|during|from|after|before|late|early|last|this|earlier|later)\b[^,;]{0,40}|"
    r"reporters(?:\s+(?:in|at|on|after)\b[^,;]{0,40})?)\.?$"
)


# ... but "said after the meeting that talks had failed", "said during a visit the pier will reopen"
_CLAUSE_IN = re.compile(
    r"\b(?:would|will|could|should|can|may|might|must|was|were|is|are|had|has|have|did|does)\b"
    # "that" opening a clause, not pointing at a time ("went on to win that year in a landslide")
    r"|\bthat\s+(?!(?:year|day|week|month|time|night|morning|afternoon|evening|season|weekend)\b)"
)


def _speaker_words(speaker: str) -> int:
    """The words of a speaker phrase, less an opening phrase that _indirect cuts off ("Ahead of a
    meeting of NATO foreign ministers in Prague, alliance chief Jens Stoltenberg (said)")."""
    return len(_OPENING.sub("", speaker, count=1).split())


def _indirect_in(sentence: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(content span, speaker span) inside one sentence of reported speech, or None."""
    # a reporting verb near the start ("The mayor, Ada Brook, said ...") wins over a trailing one
    patterns = (
        _LEADING,
        _LEADING_ASIDE,
        _ACCORDING_START,
        _TRAILING,
        _TRAILING_INV,
        _ACCORDING_END,
    )
    for pattern in patterns:
        match = pattern.match(sentence)
        if match and _speaker_words(match.group("speaker")) <= MAX_SPEAKER_WORDS:
            speaker = match.group("speaker")
            first_word = speaker.split()[0].lower() if speaker.split() else ""
            if pattern in (_LEADING, _TRAILING, _LEADING_ASIDE) and _NOT_SPEECH.match(
                sentence, match.end("speaker")
            ):
                continue
            if pattern is _TRAILING and (
                first_word in _RELATIVE_HEAD
                or re.search(r"\s(?:and|or)$", speaker)  # "..., Austin and Sullivan and (asked)"
                or _DIRECTIVE.match(sentence, _verb_end(sentence, match.end("speaker")))
            ):
                continue
            if pattern is _TRAILING and re.match(r"(?:and|but|or|so|yet)\b", speaker):
                # "Ukraine asked on May 13, and Biden agreed in principle": a clause of its own,
                # not who said the words before the comma; the sentence's last comma may still
                # bring its speaker ("..., and Biden agreed in principle, two officials said")
                last = _TRAILING_LAST.match(sentence)
                if last and not re.match(r"(?:and|but|or|so|yet)\b", last["speaker"]):
                    return last.span("content"), last.span("speaker")
                continue
            if pattern is _LEADING and speaker.endswith(","):
                inverted = _INVERTED_ASIDE.match(sentence, match.end("speaker"))
                if (
                    inverted
                    and len(inverted["speaker"].split()) <= MAX_SPEAKER_WORDS
                    and not _NOT_AN_ASIDE_SPEAKER.match(inverted["speaker"])
                    and not _FINITE.search(inverted["speaker"])
                ):
                    # "The key to its success, says Ada Brook, is ...": the speaker follows the verb,
                    # and what comes before the aside is what was said
                    return (0, len(speaker.rstrip(", "))), inverted.span("speaker")
            if (
                pattern is _LEADING
                and _ADJUNCT_ONLY.match(match.group("content"))
                and not _CLAUSE_IN.search(match.group("content"))
            ):
                continue  # "The pier will reopen, the mayor said (on Thursday.)": it trails
            if pattern is _LEADING and (
                _PASSIVE.search(speaker + " ")  # "Wistron and GLT are said to be ..."
                or _noun_use(sentence, match.end("speaker") + 1)  # "Swift's claims were false"
            ):
                continue
            verb_at = len(sentence) - len(sentence[match.end("speaker") :].lstrip())
            if pattern is not _TRAILING_INV and _plural_noun(sentence, verb_at):
                continue  # "..., with primaries in five states (all times EST)"
            if _FINITE.search(speaker) and (
                pattern is _TRAILING_INV or (pattern is _LEADING and speaker.endswith(","))
            ):
                continue  # "..., said supplies would arrive", "The ad could start soon, said X"
            if pattern is _LEADING_ASIDE and _SENTENCE_ADVERB.match(speaker):
                continue  # "However, the firm's chief, who took over last spring, said"
            if pattern is _LEADING and first_word in (
                "it",
                "this",
                "there",
                "what",
            ):
                continue
            aside = _aside_attribution(sentence, match) if pattern is _LEADING else None
            if aside:
                return aside
            content = match.span("content")
            if pattern in (_LEADING, _LEADING_ASIDE) and _TOLD.match(
                sentence, match.end("speaker")
            ):
                addressee = _ADDRESSEE.match(sentence, content[0], content[1])
                if addressee:  # "told reporters in Lindham that ...": to whom, not what
                    content = (addressee.end(), content[1])
            return content, match.span("speaker")
    return None


# after the verb of an attribution set off by commas: a comma, with at most a short time or place
# before it ("said on Monday,")
_ASIDE_CLOSE = re.compile(_SAID_WHEN + r"\s*,\s+")
# ... and what follows the aside is a clause of its own: "..., and operators ...", "..., adding
# that ...", "..., but he is still ..."
_ASIDE_GOES_ON = re.compile(r"(?:and|but|while|adding|saying|noting|citing|[a-z]+ing)\b")
# ... and what comes before it is a clause, not an opening phrase or a subordinate clause: "In a
# statement that was released on Monday, ...", "Asked whether ...", "When the storm was at its worst"
_ASIDE_HEAD_NOT_A_CLAUSE = re.compile(
    rf"^(?:{_OPENING_WORDS}|asked|told|pressed|speaking|{_SUBORDINATING})\b", re.IGNORECASE
)


# ... and the words before the verb are a subject: "She did it in December, just as she said she
# would" compares, it does not attribute
_NOT_A_SPEAKER = re.compile(rf"(?:just\s+)?(?:{_SUBORDINATING})\b", re.I)


# a verb that takes the one told before what was said ("told reporters that ...", "assured the
# council that ..."), and that one: up to six words, then "that", with no clause of its own in them
# ("told reporters she believed that ..." keeps what she believed)
_TOLD = re.compile(
    r"[\s,]+(?:[A-Za-z]+,?\s+)?(?:told|tells|tell|telling|assured|informed|reminded)\b"
)
_ADDRESSEE = re.compile(
    r"(?:(?!(?:that|she|he|they|it|we|i|said|says|[a-z]+ed)\b)[\w.’'&-]+,?\s+){1,6}?that\s+"
)


def _aside_attribution(
    sentence: str, match: re.Match[str]
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "Inspections will start in April, the minister said, and operators ... will face fines": a
    clause, then its speaker and verb between commas, then the sentence goes on. What was said is the
    clause before the speaker (spans as ``_indirect_in``'s); None for any other sentence, such as
    "The mayor, Ada Brook, said ..." or "Asked about the plan, the minister said ...", whose words
    before the last comma state nothing (no finite verb)."""
    speaker = match.group("speaker")
    head, comma, tail = speaker.rpartition(", ")
    if not comma or len(head) < 12 or not _FINITE.search(head) or _FINITE.search(tail):
        return None
    if not tail.strip() or _speaker_words(tail) > MAX_SPEAKER_WORDS or _NOT_A_SPEAKER.match(tail):
        return None
    if _ASIDE_HEAD_NOT_A_CLAUSE.match(head) or re.match(r"(?:and|but|or|nor)\b", tail):
        return (
            None  # "As the storm approached, the mayor said", "Ada Brook, ..., and Tom Hale said"
        )
    closed = _ASIDE_CLOSE.match(sentence, _verb_end(sentence, match.end("speaker")))
    if not closed or not _ASIDE_GOES_ON.match(sentence, closed.end()):
        # "The ferry, which was built in 1990, Ada Brook said, will be retired": the clause goes on
        # past the aside, and its words are not the head alone
        return None
    start = match.start("speaker")
    return (start, start + len(head)), (start + len(head) + len(comma), match.end("speaker"))


def _verb_end(sentence: str, speaker_end: int) -> int:
    """Where the speech verb after a speaker phrase ends."""
    verb = re.compile(r"\s+" + VERB_PATTERN + r"\b").match(sentence, speaker_end)
    return verb.end() if verb else speaker_end


def _with_speaker(att: Attribution, source: Attribution) -> Attribution:
    return replace(
        att,
        speaker=source.speaker,
        speaker_start=source.speaker_start,
        speaker_kind=source.speaker_kind,
    )


MAX_ATTRIBUTION_GAP_WORDS = 12  # “...,” said Ada Brook, the city's mayor since 2019, “...”
# what may stand between two fragments of one quote: the first's closing mark, words with no quote
# mark, line break or sentence end among them (one sentence end only right before the second's
# opening mark: “...,” she said. “...”), and the second's opening mark
_FRAGMENT_GAP = re.compile(
    r"[,.!?…]?(?:[”\"’]|'')[,.!?…]?[ \t]+(?P<words>[^“”\"‘\n.!?]*?)[,.:]?[ \t]*(?:[“\"‘]|``|'')"
)
# after a quote's closing mark: the paragraph's end, or a new sentence (a capital after a quote that
# ended one); a lower-case word is the quote's own attribution (“...?” a resident shouted)
_CLOSING_MARK = re.compile(r"[,.!?…]?(?:''|[”\"’])?")
_NEXT = re.compile(r"[^\S\n]*(?:$|\n|(?P<next>[A-Z“\"‘`]|''))")


def _single_marks(text: str) -> set[int]:
    """Where the straight single marks of quotes stand ('It is over,' she said): an opening mark
    and a closing one per quote; an apostrophe ("it's", "the '90s") is no mark."""
    return {
        position
        for match in _QUOTE.finditer(text)
        if match.group("f") is not None
        for position in (match.start(), match.end() - 1)
    }


def _as_double(text: str, marks: set[int]) -> str:
    """``text`` with the single marks at ``marks`` read as double ones, so that every reading of
    speakers and fragments that stops at a quotation mark stops at them."""
    if not marks:
        return text
    chars = list(text)
    for position in marks:
        chars[position] = '"'
    return "".join(chars)


def _ends_unattributed(masked: str, att: Attribution) -> bool:
    """Nothing after the quote speaks for it: the paragraph ends, or a new sentence starts."""
    mark = _CLOSING_MARK.match(masked, att.end)  # the quote's own closing mark, taken first
    after = _NEXT.match(masked, mark.end() if mark else att.end)
    if after is None:
        return False
    # a new sentence only after a quote that ended one
    return not after["next"] or bool(
        re.search(r"[.!?…]", masked[att.end - 1 : after.start("next")])
    )


def _join_fragments(found: list[Attribution], masked: str) -> list[Attribution]:
    """Fragments of one quote that an attribution interrupts (“...,” she said, “...” or “...,” she
    said. “...”) become one attribution: one speaker, one quote, as a reader takes it and as the
    other outlets may print it whole. Both must be direct and the same speaker's, in one paragraph,
    with at most MAX_ATTRIBUTION_GAP_WORDS words between them, and the second not attributed again
    after it (“...,” she said. “...,” she added. is two quotes); a gap without a reporting verb may
    not end a sentence (“...” near Kharkiv, “...”)."""
    out: list[Attribution] = []
    for att in sorted(found, key=lambda a: a.start):
        previous = out[-1] if out else None
        # abbreviations masked ("Mr. Obama said."): only a real full stop ends a sentence
        gap = _FRAGMENT_GAP.fullmatch(masked, previous.end, att.start) if previous else None
        if (
            previous is not None
            and gap is not None
            and previous.direct
            and att.direct
            and _speaker_key(previous.speaker)
            and _speaker_key(previous.speaker) == _speaker_key(att.speaker)
            and len(gap["words"].split()) <= MAX_ATTRIBUTION_GAP_WORDS
            # the second fragment has no attribution of its own after it (“...,” he added), unless
            # the first borrowed it (“...” near Kharkiv, “...,” Blinken said)
            and (
                (
                    att.speaker_start is not None
                    and att.speaker_start >= att.end
                    and att.speaker_start == previous.speaker_start
                )
                or (
                    (att.speaker_start is None or att.speaker_start < att.start)
                    and _ends_unattributed(masked, att)
                )
            )
            and (
                re.search(rf"\b{VERB_PATTERN}\b", gap["words"])
                or not re.search(r"[.!?…][”\"]?\s", masked[previous.end : att.start])
            )
        ):
            out[-1] = replace(
                previous,
                end=att.end,
                speaker_start=(
                    previous.speaker_start
                    if previous.speaker_start is not None
                    else att.speaker_start
                ),
                partial=previous.partial and att.partial,
                parts=(*previous.pieces(), *att.pieces()),
            )
        else:
            out.append(att)
    return out


MAX_FRAGMENT_GAP_WORDS = (
    5  # “...” near Kharkiv, “...”: a few words between two fragments of one quote
)


def _speaker_from_next(found: list[Attribution], text: str) -> list[Attribution]:
    """The first fragment of a quote the sentence attributes only after its last fragment
    (“...” near Kharkiv, “...,” Blinken said) takes the speaker of the fragment that follows it,
    when nothing but words without a sentence end or a line break lies between them."""
    ordered = sorted(found, key=lambda a: a.start)
    for i in range(len(ordered) - 2, -1, -1):
        att, following = ordered[i], ordered[i + 1]
        gap = text[att.end : following.start]
        if (
            att.speaker is None
            and att.direct
            and following.direct
            and following.speaker
            and "\n" not in gap
            and len(gap.split()) <= MAX_FRAGMENT_GAP_WORDS
            and not re.search(r"\b(?:but|and|or|was|were|is|are|had|has|have)\b", gap)
            and not re.search(r"[.!?…][”\"’']?\s", gap)
            and not re.search(r"[.!?…]$", text[att.start : att.end].rstrip())  # a sentence ended
        ):
            ordered[i] = _with_speaker(att, following)
    return ordered


# a person described by a role ("the two-term president", "the city's mayor") whom a later "he" or
# "she" can mean, when the article names no speaker before it
# the offices one person holds: what a role ends on (_ROLE) and a post a story names (_POSTS)
_OFFICES = (
    r"president|mayor|governor|senator|minister|premier|chancellor|secretary|chief|director|"
    r"chairman|chairwoman|chair|leader|candidate|nominee|congressman|congresswoman|judge|"
    r"prosecutor|attorney|sheriff|commissioner|ambassador|envoy|general|commander|captain|coach|"
    r"founder|owner|executive|ceo"
)
_ROLE = re.compile(
    r"^(?:the|a|an|his|her|their|its|[A-Z]\w+[’']s)\b.*\b(?:"
    + _OFFICES
    + r"|lawmaker|lawyer|economist|professor|scientist|researcher|doctor|author|wife|husband|"
    r"mother|father|son|daughter|woman|man)$",
    re.IGNORECASE,
)


# a paragraph that is all quote, right after the paragraph that ends with an attributed quote, goes on
# with that speaker's words (a new speaker is always named): after the earlier quote only its
# attribution, no second sentence (“...,” Smith said. Jones disagreed. is Jones's turn), the break,
# the opening mark; and after the quote nothing but its closing punctuation to the end of the paragraph
_QUOTE_PARAGRAPH_AFTER = re.compile(r"(?:(?![.!?…][”\"’]?[ \t]+\S)[^\n])*\n+[ \t]*[“\"]")
_PARAGRAPH_END = re.compile(r"[.,!?…]?[”\"][ \t]*(?:\n|$)")


def _mentioned_person(
    text: str,
    persons: Sequence[tuple[int, int, str]],
    sentences: Sequence[tuple[int, int]],
    quoted: Sequence[tuple[int, int]],
    after: int,
    before: int,
) -> str | None:
    """The person a "he" or "she" at ``before`` most likely means, from the people the text names
    (outside quotes) since ``after``: the first one named in the sentence of the last one named, when
    that sentence opens with them (after an opening phrase and a title: "Hours later, Senator Ada
    Brook took the stage"), the nearest a subject gets without a parse. None when the text names no
    one there, or only as an object or an owner ("She criticized Donald Trump's plan", "He then
    turned to Vladimir Putin", "After meeting Bernie Sanders, she said")."""
    named = [
        (start, end, name)
        for start, end, name in persons
        if after <= start and end <= before and not any(a <= start < b for a, b in quoted)
    ]
    if not named:
        return None
    at = bisect.bisect_right(sentences, (named[-1][0], 10**12)) - 1
    opening = sentences[at][0] if at >= 0 else 0
    in_sentence = [n for n in named if n[0] >= opening]
    start, end, name = in_sentence[0]
    lead = text[opening:start]
    role_of = [n for n in in_sentence[1:] if _ROLE_BETWEEN.fullmatch(text, end, n[0])]
    if role_of:
        # "Clinton campaign manager Robby Mook acknowledged": the one who holds the role
        start, end, name = role_of[0]
    elif _ARTICLE_BEFORE.search(text, max(0, start - 4), start) and _NOUN_AFTER.match(text, end):
        return None  # "the Clinton campaign is ...": a name that says whose, not who
    closes = sentences[at][1] if at >= 0 else before
    if _SUBORDINATE_LEAD.fullmatch(lead) and _PRONOUN_MAIN_CLAUSE.search(text, end, closes):
        # "But as Mr. Sanders campaigned in Iowa, he stuck to his message": the clause's subject is
        # the "he" of the main clause, and of the quote's "he said" after it
        return name
    if not _leads_to_a_subject(
        lead[lead.rfind(",") + 1 :]
    ):  # past an opening phrase: "On Tuesday, "
        return None
    owner = re.search(r"[’']s?$", name) or _POSSESSIVE_AFTER.match(text, end)
    if owner:
        # "Donald Trump's daughter Ivanka introduced him": the one owned, when named right after;
        # else the owner ("Mr. Obama's bet is that ..."), without the 's
        following = [n for n in in_sentence[1:] if len(text[end : n[0]].split()) <= 3]
        return following[0][2] if following else re.sub(r"[’']s?$", "", name)
    return name


_POSSESSIVE_AFTER = re.compile(r"[’'](?:s\b|(?=\s))")
# a name, then the role its bearer holds for it, then the bearer: "Clinton campaign manager Robby
# Mook", "Sanders spokesman Michael Briggs" (words of a role only: "Trump went after Bush" is no role)
_SUBORDINATE_LEAD = re.compile(
    r"(?:(?:But|And|So|Yet),?\s+)?(?:[Aa]s|[Ww]hen|[Ww]hile|[Aa]fter|[Bb]efore|[Aa]lthough|[Tt]hough|"
    r"[Bb]ecause|[Ss]ince|[Oo]nce|[Ii]f|[Uu]ntil)\s+(?:(?:[A-Z][a-z]*\.?|the|a)\s+)*"
)
_PRONOUN_MAIN_CLAUSE = re.compile(r",\s+(?:he|she)\s+[a-z]")
_ROLE_BETWEEN = re.compile(
    r"(?:\s+(?:campaign|press|senior|deputy|chief|national|state|communications|policy|political|"
    r"foreign|digital|finance|field|research|top|former|longtime|police|defense|defence))*"
    r"\s+(?:manager|chairman|chairwoman|spokesman|spokeswoman|spokesperson|adviser|advisor|aide|"
    r"strategist|pollster|director|secretary|officer|lawyer|attorney|surrogate|staffer|"
    r"counsel|consultant|operative|organizer|organiser)\s+"
)
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.I)
_NOUN_AFTER = re.compile(r"\s+[a-z]")
_NOT_BEFORE_A_SUBJECT = re.compile(
    r"(?i:he|she|they|it|we|i|you|his|her|their)|[a-z]+(?:ed|ing)|"
    r"(?:to|with|after|before|about|for|against|at|from|by|on|in|into|over|than|like|as|since|"
    r"during|without|toward|towards|between|among|amid|said|says|told|met|saw)"
)


def _resolve_pronouns(
    found: list[Attribution],
    text: str,
    persons: Sequence[tuple[int, int, str]] = (),
    sentences: Sequence[tuple[int, int]] = (),
) -> list[Attribution]:
    """A pronoun speaker ("he said") takes the nearest earlier named speaker of the article, and the
    second half of a split quote (“...,” she said. “...”) takes the speaker of the first half (the
    first half that of the second, when only the second is attributed), as does a paragraph of quote
    alone after it.

    A "he" or "she" after a sentence that names someone who has not spoken takes that person
    instead: "Dan Patrick said ... Trump took the stage. “Folks, let's go,” he said" is Trump's. On
    510 pronoun quotes of PolNeAR read by hand, the speaker was right 390 times instead of 313 (393
    once a name that only says whose, "the Clinton campaign", was no longer taken for the person).
    """
    quoted = [(a.start, a.end) for a in found if a.direct]
    spoke_until = 0  # the end of the sentence of the last speaker the text named (no pronoun)
    resolved: list[Attribution] = []
    last_named: Attribution | None = None
    last_person: Attribution | None = None  # "she" and "he" are people, not "police" or a ministry
    last_group: Attribution | None = (
        None  # "they": an organisation or unnamed officials, not "Clinton"
    )
    last_described: Attribution | None = None  # "the two-term president said": a person, unnamed
    last_speaker: Attribution | None = None  # whoever spoke last, named, described or resolved
    for att in _speaker_from_next(found, text):
        previous = resolved[-1] if resolved else None
        if (
            att.speaker is None
            and att.direct
            and previous is not None
            and previous.direct
            and previous.speaker
            and _ends_unattributed(text, att)  # “...?” a resident shouted: not the one before's
            and (
                "\n" not in text[previous.end : att.start]
                or (
                    _QUOTE_PARAGRAPH_AFTER.fullmatch(text, previous.end, att.start)
                    and _PARAGRAPH_END.match(text, att.end)
                )
            )
        ):
            att = _with_speaker(att, previous)
        pronoun = (att.speaker or "").lower()
        mentioned = (
            _mentioned_person(text, persons, sentences, quoted, spoke_until, att.speaker_start)
            if pronoun in _PERSONAL and att.speaker_start is not None
            else None
        )
        if (
            mentioned is not None
            and last_person is not None
            and len(mentioned.split()) == 1
            and (last_person.speaker or "").split()[-1:] == mentioned.split()
        ):
            # a surname alone, as the article's last speaker has it in full: "Mr. Obama" ("Bill
            # Clinton" after Hillary Clinton's quote stays Bill Clinton)
            mentioned = last_person.speaker
        if mentioned is not None:
            att = replace(att, speaker=mentioned, speaker_kind="person")
            resolved.append(att)
            continue
        if att.speaker and pronoun not in PRONOUN_SPEAKERS and att.speaker_start is not None:
            at = bisect.bisect_right(sentences, (att.speaker_start, 10**12)) - 1
            ends = sentences[at][1] if at >= 0 else att.speaker_start
            spoke_until = max(spoke_until, att.end, ends)
        if pronoun in _PERSONAL:
            antecedent = last_person or last_described
        elif pronoun in _PLURAL:
            # only the speaker just before: "The ministry said ... Brook said ... they said" is
            # nobody's the reader could be sure of
            antecedent = (
                last_group if last_group is not None and last_group is last_speaker else None
            )
        else:
            antecedent = last_named or last_described
        if pronoun in _PRONOUNS:
            if antecedent is not None:  # the pronoun's own place stays the speaker's offset
                att = replace(att, speaker=antecedent.speaker, speaker_kind=antecedent.speaker_kind)
                last_speaker = antecedent
            # an unresolved "They" is nobody's antecedent: a later "she" is not "They"
        elif pronoun in PRONOUN_SPEAKERS:
            pass  # "it added": the body that spoke goes on speaking, and stays the antecedent
        elif att.speaker and att.speaker_kind in ("person", "organisation"):
            last_speaker = att
            last_named = att
            if att.speaker_kind == "person":
                last_person = att
            else:
                last_group = att
        elif att.speaker:
            last_speaker = att
            if att.speaker_kind == "anonymous":
                last_group = att  # "officials said ... they said"
            # a role counts only until the next speaker ("the report said" ends it)
            last_described = att if _ROLE.search(att.speaker) else None
        resolved.append(att)
    return resolved


def find_attributions(
    article: Article, analysis: Analysis, index: int = 0, scare_quotes: bool = False
) -> list[Attribution]:
    """Every direct quote and reported statement of one article, with its speaker.

    Unattributed phrases of SCARE_QUOTE_WORDS words or fewer inside a sentence (“Netflix of games”)
    are held at arm's length, nobody's words, and left out unless ``scare_quotes``: across outlets
    (``find_quotes``) one of them may be another outlet's attributed quote, “adapt and adjust”.
    """
    persons = {e.text for e in analysis.entities if e.label == "PERSON"}
    # abbreviations masked ("Mr. Obama said", "The S.E.C. said"), once for every reading below: a
    # title's full stop neither ends a speaker nor a sentence
    marks = _single_marks(article.text)
    masked = _as_double(_mask_abbreviations(article.text), marks)
    direct, titles = _direct(article, analysis, index, persons, masked)
    quoted = [(a.start, a.end) for a in direct] + titles
    indirect = _indirect(article, analysis, index, quoted, persons, masked)
    people = sorted((e.start, e.end, e.text) for e in analysis.entities if e.label == "PERSON")
    found = _join_fragments(
        _resolve_pronouns(
            direct + indirect, _as_double(article.text, marks), people, analysis.sentences
        ),
        masked,
    )
    # a straight single mark also opens headlines, titles and scare quotes: only an attributed one
    # is taken for a quote (an unattributed fragment joined to an attributed one above is)
    found = [a for a in found if not (a.direct and a.speaker is None and a.start - 1 in marks)]
    found = _with_tweets(found, article.text, index, persons)
    return found if scare_quotes else [a for a in found if not _scare_quote(a, article.text)]


def _with_tweets(
    found: list[Attribution], text: str, index: int, persons: set[str]
) -> list[Attribution]:
    """An embedded tweet (tweets.py) is its author's words, whole: it replaces whatever was read
    inside it (a quote the tweet quotes, a "said" in it) and its signature line."""
    tweets = embedded_tweets(text)
    if not tweets:
        return found
    kept = [a for a in found if not in_tweet(text, a.start, a.end)]
    for tweet in tweets:
        kept.append(
            Attribution(
                index,
                tweet.start,
                tweet.end,
                tweet.author,
                tweet.author_start,
                speaker_kind(tweet.author, persons),
                direct=True,
                partial=False,
            )
        )
    return sorted(kept, key=lambda a: a.start)


def _scare_quote(att: Attribution, text: str) -> bool:
    return (
        att.direct
        and att.partial
        and att.speaker is None
        and len(att.content(text).split()) <= SCARE_QUOTE_WORDS
    )


def _speaker_key(speaker: str | None) -> str:
    """A speaker as attributions are compared by: the last name in the phrase, without its possessive
    ("Ukraine’s military intelligence chief" and "Ukraine's ..." are one key), else the phrase."""
    if not speaker:
        return ""
    words = _names_in(_name_part(speaker))
    return words[-1].lower() if words else speaker.lower()


# what follows a person's name in a speaker phrase and is not their name: "(D-S.C.)", ", a Clinton
# surrogate", "of Nigeria", "from the Brookings Institution"
_PARTY_TAG = re.compile(r"\s*\([^()]*\)\s*$")
_APPOSITION_TAIL = re.compile(r",\s+(?:a|an|who|whose|one|his|her|its|their)\b.*$")
_PLACE_TAIL = re.compile(r"\s+(?:of|from|at)\s+(?=(?:the\s+)?[A-Z])")
# ... a place or body in capitals, "of" and "the" inside it allowed ("Bank of America")
_PLACE_NAME = re.compile(
    r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:(?:of|and|the|for)\s+)*[A-Z][\w.'’-]*){0,4}"
)


def _name_part(speaker: str) -> str:
    """The speaker phrase up to the person's name: "Judge Adolphus Karibi-Whyte of Nigeria" and
    "Judge Adolphus Karibi-Whyte" are one speaker, "Rep. Jim Clyburn (D-S.C.)" is Clyburn, "Rendell,
    a Clinton surrogate" is Rendell. A post "of" a body stays whole: "Secretary of State Antony
    Blinken", "Bank of America CEO Brian Moynihan"."""
    phrase = _APPOSITION_TAIL.sub("", _PARTY_TAG.sub("", speaker))
    head, comma, _ = phrase.partition(", ")
    if comma and len(_names_in(head)) >= 2 and head.split()[-1][:1].isupper():
        phrase = head  # "Ada Brook, CEO of Lindham Ports": the name before the apposition
    for tail in _PLACE_TAIL.finditer(phrase):
        name = phrase[: tail.start()]
        last = name.split()[-1] if name.split() else ""
        if (
            len(_names_in(name)) >= 2
            and last[:1].isupper()
            and not _HONORIFIC.fullmatch(last.rstrip("."))
            and not last.isupper()  # "CEO of Lindham Ports": a post, not a name
            and _PLACE_NAME.fullmatch(phrase, tail.end())
        ):
            return name
    return phrase


def _names_in(speaker: str) -> list[str]:
    """The capitalised words of a speaker phrase that may name the speaker: not an owner before its
    post ("Ukraine's" in "Ukraine's military intelligence chief", "NBC's" in "NBC's Dante Chinni")."""
    words = re.findall(r"[A-Za-z’'-]+", speaker.replace("’", "'"))
    return [w.strip("'") for w in words if w[:1].isupper() and not re.search(r"'s?$", w)]


def _named(speaker: str | None) -> bool:
    """Whether the speaker phrase holds a name: "the agency's chief", "Ukraine's military
    intelligence chief" or "a US official" may be anyone's, and their words group with the same
    words given to "HUR chief Kyrylo Budanov"."""
    return bool(speaker and _names_in(speaker) and not _ANONYMOUS.search(speaker))


_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_WORD_EDGE = re.compile(r"^[\"'(\[]+|[\"'.,;:!?…)\]]+$")


def _word_key(word: str) -> str:
    """A word as a reader compares wordings: house style left out (curly or straight apostrophes,
    "U.S." or "US", "counter-fire" or "counterfire", the punctuation that ends a quote, capitals), so
    that "we’ve adapted" and "we've adapted" are the same words and "adapted" and "adjusted" are not."""
    plain = word.translate(_TYPOGRAPHY)
    key = _WORD_EDGE.sub("", plain).casefold()
    return key.replace(".", "").replace("-", "") or plain


def word_diff(a: str, b: str) -> list[dict[str, str]]:
    """Word-level differences from ``a`` to ``b``: [{"op": "equal|replace|delete|insert", "a": .., "b": ..}].

    Words are compared by ``_word_key``: a run that differs only in house style is ``equal`` (its
    "a" and "b" keep each side's own spelling)."""
    wa, wb = a.split(), b.split()
    ka, kb = [_word_key(w) for w in wa], [_word_key(w) for w in wb]
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=ka, b=kb, autojunk=False).get_opcodes():
        if tag in ("insert", "delete") and set(wa[i1:i2] + wb[j1:j2]) == {_ELLIPSIS}:
            tag = "equal"  # where one outlet's attribution split the quote: no change of words
        ops.append({"op": tag, "a": " ".join(wa[i1:i2]), "b": " ".join(wb[j1:j2])})
    return ops


_ELLIPSIS = FRAGMENT_JOINER.strip()


def _norm_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def group_quotes(articles: Sequence[Article], found: Sequence[Attribution]) -> list[Quote]:
    """The same quote across outlets: same speaker (by surname) or compatible, and most words in common.

    An outlet that repeats a quote word for word ("adapt and adjust" twice in one article) adds no
    wording: the repeat is folded into the quote's first occurrence there."""
    groups: list[list[Attribution]] = []
    heads: list[tuple[list[str], str]] = []  # each group's first wording and speaker key
    named_keys: list[set[str]] = []  # each group's named speakers' keys
    seen: set[tuple[int, bool, str, tuple[str, ...]]] = set()
    words_of: dict[tuple[int, int], list[str]] = {}  # each attribution's words, read once
    for att in sorted(found, key=lambda a: (a.article, a.start)):
        words = _norm_words(att.content(articles[att.article].text))
        words_of[(att.article, att.start)] = words
        key = _speaker_key(att.speaker)
        named = _named(att.speaker)
        repeat = (att.article, att.direct, key, tuple(words))
        if repeat in seen:
            continue
        seen.add(repeat)
        placed = False
        for group, (head_words, head_key), names in zip(groups, heads, named_keys, strict=True):
            head = group[0]
            if any(g.article == att.article for g in group) or head.direct != att.direct:
                continue
            if (
                (head_key and key and head_key != key)
                and not (head.speaker_kind == att.speaker_kind == "anonymous")
                and head_key in names
                and named
            ):
                continue
            if named and names - {key}:
                continue  # another outlet gave the words to someone else by name
            matcher = difflib.SequenceMatcher(a=head_words, b=words, autojunk=False)
            # the quick ratios are upper bounds of ratio(): most pairs are ruled out by them
            if (
                matcher.real_quick_ratio() >= SAME_QUOTE_MIN_RATIO
                and matcher.quick_ratio() >= SAME_QUOTE_MIN_RATIO
                and matcher.ratio() >= SAME_QUOTE_MIN_RATIO
            ):
                group.append(att)
                if named:
                    names.add(key)
                placed = True
                break
        if not placed:
            groups.append([att])
            heads.append((words, key))
            named_keys.append({key} if named else set())
    groups = _join_excerpts(groups, named_keys, words_of)
    return [
        _quote(group, articles)
        for group in groups
        if not all(_scare_quote(a, articles[a.article].text) for a in group)
    ]


def _join_excerpts(
    groups: list[list[Attribution]],
    named_keys: list[set[str]],
    words_of: Mapping[tuple[int, int], list[str]],
) -> list[list[Attribution]]:
    """Groups joined where one outlet quotes an excerpt of what others quote whole (``_part_of``),
    once every outlet's wording has found its group: the excerpt may be closest to a wording read
    after it. Joined groups share no article, are both direct or both reported, and do not give
    the words to two speakers by name."""
    joined: list[list[Attribution]] = []
    names: list[set[str]] = []
    for group, keys in zip(groups, named_keys, strict=True):
        for target, target_keys in zip(joined, names, strict=True):
            if (
                target[0].direct == group[0].direct
                and not ({a.article for a in target} & {a.article for a in group})
                and not (keys and target_keys and keys != target_keys)
                and any(
                    _part_of(words_of[(a.article, a.start)], target, words_of)
                    # the same named speaker: a shorter excerpt, word for word, is theirs too
                    or (
                        keys
                        and keys == target_keys
                        and _part_of(
                            words_of[(a.article, a.start)],
                            target,
                            words_of,
                            SAME_SPEAKER_PART_MIN_WORDS,
                            1.0,
                        )
                    )
                    for a in group
                )
            ):
                target.extend(group)
                target.sort(key=lambda a: (a.article, a.start))
                target_keys |= keys
                break
        else:
            joined.append(list(group))
            names.append(set(keys))
    return joined


PART_MIN_WORDS = 6  # a shorter quote of this many words may be a part of a longer one ...
PART_MIN_SHARE = 0.8  # ... when this share of its words is one run of another outlet's wording
# ... and one of four words or more, all of them one run, when both name the same speaker: “The
# alternative is far worse,” Price told the Tribune, of the two sentences another outlet quotes
SAME_SPEAKER_PART_MIN_WORDS = 4


def _part_of(
    words: list[str],
    group: list[Attribution],
    words_of: Mapping[tuple[int, int], list[str]],
    min_words: int = PART_MIN_WORDS,
    share: float = PART_MIN_SHARE,
) -> bool:
    """Whether ``words`` are an outlet's excerpt of the group's quote, or the group's quote an
    excerpt of them: AP's “counterfire purposes in the Kharkiv region so Ukraine can hit back ...”
    of the official's whole sentence that other outlets quote. The ratio of all words ruled it out."""
    if len(words) < min_words:
        return False  # "has not changed" is anyone's words
    for member in group:
        other = words_of[(member.article, member.start)]
        short, long = (words, other) if len(words) <= len(other) else (other, words)
        if len(short) < min_words:
            continue
        matcher = difflib.SequenceMatcher(a=short, b=long, autojunk=False)
        # one run of words in common: words matched here and there are two statements that share
        # their small words ("we are not going to ... Ukraine")
        run = matcher.find_longest_match(0, len(short), 0, len(long)).size
        if run >= share * len(short):
            return True
    return False


def _quote(group: list[Attribution], articles: Sequence[Article]) -> Quote:
    def words(att: Attribution) -> str:
        return att.content(articles[att.article].text)

    head = max(group, key=lambda a: (a.speaker_kind in ("person", "organisation"), len(words(a))))
    canon = words(head)
    variants = tuple(
        QuoteVariant(
            articles[a.article].id,
            a.start,
            a.end,
            words(a),
            tuple(word_diff(canon, words(a))),
            tuple(Span(articles[a.article].id, start, end) for start, end in a.parts),
        )
        for a in group
    )
    # the speaker shown: one some outlet names ("HUR chief Kyrylo Budanov" over "Ukraine's military
    # intelligence chief"), else the first person or organisation
    named = min(
        group,
        key=lambda a: (
            # an outlet credited with the words ("..., the AP reported") relays them; it is no speaker
            bool(a.speaker and outlets.find_outlets(a.speaker)),
            a.speaker_kind not in ("person", "organisation"),
            not _named(a.speaker),
            a is not head,
        ),
    )
    return Quote(
        id="q" + content_hash(*(f"{v.article_id}:{v.start}" for v in variants))[:11],
        speaker=named.speaker,
        speaker_kind=named.speaker_kind,
        text=canon,
        direct=head.direct,
        variants=variants,
    )


# a word before a surname that is a title, not a first name: "Mr. Blinken", "Secretary Blinken"
# (the abbreviated ones are TITLES, whose full stops the speaker reader masks)
_HONORIFIC = re.compile(
    rf"(?:{TITLES}|Miss|Mx|Professor|Sir|Dame|Lord|Lady|Fr|General"
    r"|Senator|Representative|Governor|Mayor|Judge|Justice|President"
    r"|Vice|Secretary|Minister|Chancellor|Premier|Speaker|Chairman|Chairwoman|Chair|Director"
    r"|Commissioner|Ambassador|Chief|King|Queen|Prince|Princess|Pope|Sheikh|Emir|Leader|Deputy"
    r"|Superintendent|Inspector|Detective|Officer|Sergeant|Trooper|Coach|Pastor|Bishop|Archbishop"
    r"|Cardinal|Rabbi|Imam|Councilman|Councilwoman|Councillor|Alderman|Principal|Dean|Attorney)",
)
_POSSESSIVE_END = re.compile(r"['’]s?$")  # "Blinken's" is Blinken
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*|(?:de|da|del|der|di|du|la|le|van|von|bin|al|el|ibn)")


def story_names(analyses: Sequence[Analysis]) -> dict[str, Counter[str]]:
    """Surname (lowercased) -> how often the story names each full name ending in it: spaCy's
    PERSON entities of two to four name words ("Antony Blinken", "Jens Stoltenberg")."""
    names: dict[str, Counter[str]] = {}
    for analysis in analyses:
        for e in analysis.entities:
            if e.label != "PERSON":
                continue
            words = _POSSESSIVE_END.sub("", " ".join(e.text.split())).split()
            while words and _HONORIFIC.fullmatch(words[0].rstrip(".")):
                words = words[1:]  # "Superintendent Jennifer McCormick"; "President Biden": none
            if not 2 <= len(words) <= 4 or not all(_NAME_WORD.fullmatch(w) for w in words):
                continue
            names.setdefault(words[-1].lower(), Counter())[" ".join(words)] += 1
    return names


# a person who serves the one named after: "aide to President George W. Bush", "a lawyer for Ada
# Brook" ("Minister for Foreign Affairs Penny Wong" is the minister)
_SERVES = re.compile(
    r"\b(?:(?:aide|adviser|advisor|spokes(?:man|woman|person)|assistant|lawyer|attorney|counsel|"
    r"consultant|staffer|friend|doctor)\s+(?:to|for)|(?:son|daughter|wife|husband|brother|sister)"
    r"\s+of)\s+(?:the\s+)?(?:former\s+)?[A-Z]",
)


def full_name(speaker: str | None, names: Mapping[str, Counter[str]]) -> str | None:
    """The full name the story gives a named person speaker, or None when it gives none or more
    than one that fits: "Blinken" and "Mr. Blinken" are "Antony Blinken" when that is the only
    Blinken of the story; "Hillary Clinton" stays Hillary's beside Bill Clinton, and "Clinton" alone
    is then nobody's in full.

    Hand-rolled: a story's own mentions decide, which no coreference model we can run offline on
    two cores does across outlets."""
    if not speaker or re.search(r"\s(?:and|or|&)\s", speaker):
        return None  # "Mr. Grassley and Mr. Leahy" are two people, neither one in full
    # the last word names the speaker ("Kremlin spokesman Dmitry Peskov"), not a role ("a US official")
    words = re.findall(r"[\w'’.-]+", _name_part(speaker))
    surname = _POSSESSIVE_END.sub("", words[-1]) if words else ""
    if not surname[:1].isupper():
        return None
    if _DOCUMENTS.intersection(_HEAD_END.split(speaker, maxsplit=1)[0].lower().split()):
        return None  # "a report in the Argus Leader of Sioux Falls": a paper's words, no one's
    if _SERVES.search(_name_part(speaker)):
        return None  # "the former top aide to President George W. Bush" is the aide, unnamed
    found = names.get(surname.lower())
    if not found:
        return None
    before = words[-2] if len(words) >= 2 else ""
    given = (
        before
        if before[:1].isupper()
        and not re.search(r"['’]s?$", before)
        and not _HONORIFIC.fullmatch(before.rstrip("."))
        else ""
    )
    fits = [n for n in found if not given or given in n.split()[:-1]]
    # one person: every fitting name has the same first word ("Antony Blinken", "Antony J. Blinken")
    if not fits or len({n.split()[0] for n in fits}) > 1:
        return None
    return max(fits, key=lambda n: (found[n], -list(found).index(n)))


# the posts a story gives its people, by which a later "the minister" or "the secretary of state"
# means one of them; family and plain "man"/"woman" are left out: "the man said" names no post
_POSTS = (
    _OFFICES
    + r"|representative|lieutenant|spokesman|spokeswoman|spokesperson|adviser|advisor|manager|"
    r"superintendent|inspector|administrator|treasurer|speaker|head"
)
_POST = re.compile(rf"(?:{_POSTS})", re.IGNORECASE)
_SAME_POST = {
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
    "chairwoman": "chairman",
    "chair": "chairman",
    "advisor": "adviser",
    "congresswoman": "congressman",
}
# a post after the name, set off by a comma: "Gen. CQ Brown, the chairman of the Joint Chiefs"
_POST_AFTER = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?(?P<phrase>[^,.;:()“”\"\n]{2,70})")
_POST_WORD = re.compile(r"[A-Za-z][\w.’'-]*")
# a speaker that is a post alone: "The minister", "the secretary of state", "Britain's transport
# minister"
_POST_SPEAKER = re.compile(
    r"^(?:(?P<the>the)\s+|[A-Z][\w.’'-]*[’']s\s+)(?P<phrase>.+)$", re.IGNORECASE
)
Post = tuple[str, frozenset[str]]  # the post's head word and the words that qualify it
# words of a post that qualify nothing ("secretary of state", "the chairman of the Joint Chiefs");
# "US" and "former" do ("the US president", "the former minister")
_POST_FILLERS = frozenset({"the", "a", "an", "of", "and", "for", "to", "in", "on", "at", "its"})
# ... and a post that serves another's is not that post: "an adviser to the president"
PostMention = tuple[Post, str, int, int]  # the post, the name, the article (index) and the offset


def _post_key(word: str) -> str:
    return _POSSESSIVE_END.sub("", _word_key(word))  # "Britain's" qualifies as "britain"


def _post_of(words: Sequence[str]) -> Post | None:
    """The post named by a run of words ("Transport Minister", "chairman of the Joint Chiefs of
    Staff"): its head, the last word before any "of", "to" or "for", must be a post ("an adviser to
    the president" is an adviser's); every other content word qualifies it."""
    keys = [_post_key(w) for w in words]
    # the word before the first "of", "to" or "for": "secretary of state", "a spokesman for the
    # minister" (a spokesman), "ambassador to the UN"
    joins = [k for k, key in enumerate(keys) if key in ("of", "to", "for")]
    head_at = joins[0] - 1 if joins else len(keys) - 1
    if head_at < 0 or not _POST.fullmatch(keys[head_at]):
        return None
    qualifiers = frozenset(
        k for i, k in enumerate(keys) if i != head_at and k and k not in _POST_FILLERS
    )
    return _SAME_POST.get(keys[head_at], keys[head_at]), qualifiers


def story_posts(articles: Sequence[Article], analyses: Sequence[Analysis]) -> list[PostMention]:
    """Each post the story gives a named person beside the name, with that name and where it is
    said: a title before it ("Transport Minister Alice Hartley", "Britain's transport minister,
    Alice Hartley") or an apposition after it ("Jake Sullivan, the national security adviser")."""
    found: list[PostMention] = []
    for a_index, (article, analysis) in enumerate(zip(articles, analyses, strict=True)):
        text = article.text
        for e in analysis.entities:
            if e.label != "PERSON" or len(e.text.split()) < 2:
                continue
            name = " ".join(e.text.split())
            line = text.rfind("\n", 0, e.start) + 1
            near = _unabbreviated(text[max(line, e.start - 80) : e.start])
            # initials keep their words: "U.S. Secretary of State" is a post of the US
            near = re.sub(r"(?<=\b[A-Z])\.", "", near)
            before = re.split(r"[.;:!?“”\"()—–]", near)
            words = _POST_WORD.findall(before[-1].rstrip(", "))
            for size in (4, 3, 2, 1):  # the longest run that ends on a post
                post = _post_of(words[-size:]) if len(words) >= size else None
                if post:
                    found.append((post, name, a_index, e.start))
                    break
            after = _POST_AFTER.match(text, e.end)
            if after:
                phrase = re.split(r"\s+(?:who|which|and|said|says|told)\b", after["phrase"])[0]
                post = _post_of(_POST_WORD.findall(phrase)[:8])
                if post:
                    found.append((post, name, a_index, e.start))
    return found


# the abbreviated posts before a name: "Gov. Chris Christie", "Sen. Ada Brook"
_POST_ABBREVIATIONS = {
    "Gov": "Governor",
    "Sen": "Senator",
    "Rep": "Representative",
    "Gen": "General",
    "Lt": "Lieutenant",
    "Sec": "Secretary",
    "Supt": "Superintendent",
    "Insp": "Inspector",
    "Cmdr": "Commander",
}
_ABBREVIATED_POST = re.compile(r"\b(" + "|".join(_POST_ABBREVIATIONS) + r")\.")


def _unabbreviated(text: str) -> str:
    return _ABBREVIATED_POST.sub(lambda m: _POST_ABBREVIATIONS[m.group(1)], text)


# a post its holder no longer holds: "the former New Jersey governor" is not "the governor"
_PAST_POST = frozenset({"former", "ex", "late", "then", "outgoing", "onetime"})


def post_holder(
    speaker: str | None,
    posts: Sequence[PostMention],
    names: Mapping[str, Counter[str]],
    before: int,
    recent: Sequence[str] = (),
) -> str | None:
    """The one person a speaker named by a post alone means ("the minister" when the article, whose
    ``posts`` these are, has named one minister before ``before``; "the secretary of state" beside a defense secretary), in
    the full name the story gives them; None when no one or more than one holds a post that fits.
    The holder must be named earlier in the same article: "the executive says" in a video's
    account is not the company's chief executive named two paragraphs on. Nor may anyone else
    have been named since (``recent``: the surnames, lowercased, of the last RECENT_PEOPLE people
    named before it): "The president says" after a paragraph on Mr. Trump is not the Fed's president
    named further up. Hand-rolled for the reason ``full_name`` is."""
    matched = _POST_SPEAKER.match(speaker or "")
    if not matched or (_names_in(matched["phrase"]) and not _POST.search(matched["phrase"])):
        return None
    words = _POST_WORD.findall(speaker or "")
    if matched["the"]:
        words = words[1:]  # "Thetford's mayor" keeps its owner
    if any(w[:1].isupper() and not _POST.fullmatch(_post_key(w)) for w in words[-1:]):
        return None  # ends on a name: "the minister Alice Hartley" is named already
    wanted = _post_of(words)
    if wanted is None:
        return None
    holders = {
        full_name(name, names) or name
        for (head, qualifiers), name, _, at in posts
        if at < before
        and head == wanted[0]
        and wanted[1] <= qualifiers
        and (wanted[1] & _PAST_POST or not qualifiers & _PAST_POST)
    }
    people = {h.split()[-1].lower() for h in holders}
    if len(holders) != 1 or len(people) != 1 or not people <= set(recent):
        return None
    return next(iter(holders))


RECENT_PEOPLE = 1  # a post means the last person named


def _last_named(analysis: Analysis, before: int, names: Mapping[str, Counter[str]]) -> list[str]:
    """The surnames (lowercased) of the last RECENT_PEOPLE people the article names before
    ``before``, last first: its PERSON entities, and any other whose last word is the surname of a
    person the story names in full (``names``; spaCy calls "Biden" alone an ORG at times)."""
    out: list[str] = []
    for e in sorted(analysis.entities, key=lambda e: -e.start):
        if e.end > before:
            continue
        words = re.findall(r"[\w’'-]+", e.text)
        surname = _POSSESSIVE_END.sub("", words[-1]).lower() if words else ""
        if e.label != "PERSON" and surname not in names:
            continue
        if surname and surname not in out:
            out.append(surname)
            if len(out) == RECENT_PEOPLE:
                break
    return out


def find_quotes(articles: Sequence[Article], analyses: Sequence[Analysis]) -> list[Quote]:
    """The story's quotes, those carried by the most outlets first, each person speaker with the
    full name the story gives them (``full_name``)."""
    found = [
        att
        for i, (a, an) in enumerate(zip(articles, analyses, strict=True))
        for att in find_attributions(a, an, i, scare_quotes=True)
    ]
    names = story_names(analyses)
    grouped = group_quotes(articles, found)
    by_post = [
        q.speaker_kind != "organisation" and _POST_SPEAKER.match(q.speaker or "") is not None
        for q in grouped
    ]
    posts: dict[int, list[PostMention]] = {}
    if any(by_post):  # the story's posts are read only when a speaker is named by one
        for mention in story_posts(articles, analyses):
            posts.setdefault(mention[2], []).append(mention)
    quotes = []
    said_at = {(articles[a.article].id, a.start): a for a in found}
    for q, post_speaker in zip(grouped, by_post, strict=True):
        holder = None
        if post_speaker:
            # where the shown speaker phrase stands: in the variant whose attribution it is
            for v in q.variants:
                att = said_at.get((v.article_id, v.start))
                if att and att.speaker == q.speaker and att.speaker_start is not None:
                    holder = post_holder(
                        q.speaker,
                        posts.get(att.article, []),
                        names,
                        att.speaker_start,
                        _last_named(analyses[att.article], att.speaker_start, names),
                    )
                    break
        if holder:  # "The minister": the story's one minister
            q = replace(q, speaker_name=holder, speaker_kind="person")
        elif q.speaker_kind == "person":
            q = replace(q, speaker_name=full_name(q.speaker, names))
        quotes.append(q)
    return sorted(quotes, key=lambda q: (-len(q.variants), not q.direct))
