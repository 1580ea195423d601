"""A page's residue: the patterns of lines that are the page's, not the article's (advertisements,
newsletter and sharing lines, tag lists, copyright lines, editors' notes, credits).

Not a stage: a table of patterns, like ``outlets``'s registry. The cleaner drops whole lines by it;
the brief and the facts check sentences against it (``residue_sentence``), since a text whose line
breaks are gone keeps such lines inside its paragraphs, where the cleaner, reading lines, cannot cut
them out.
"""

from __future__ import annotations

import re
from functools import lru_cache

MAX_RESIDUE_WORDS = (
    40  # boilerplate lines are short; a long line that mentions "subscribe" is article text
)

# a newsletter box's replies, printed with the page's text: "Thanks for signing up!", "There was an
# error processing your subscription." (its "Sorry!" is residue only beside them: see _is_widget_reply)
SIGNUP_WIDGET = (
    r"^(?:thanks|thank you) for (?:signing up|subscribing)[.!]*$|"
    r"^there was an? (?:error|problem) processing your (?:subscription|sign-?up|request)\b[^.!?]*[.!]*"
    r"(?:\s*please try again(?: later)?[.!]*)?$"
)
SHARE_LEAD = r"(?:share(?: this(?: article| story| page| post)?)?(?:\s+(?:on|via))?\s*:?)"
SHARE_TARGET = (
    r"(?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|messenger|tumblr|pocket|"
    r"flipboard|threads|bluesky|e-?mail|print|sms|copy link)"
)

# (reason, pattern): a short line matching the pattern is residue, not article text.
RESIDUE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "advertisement",
        re.compile(
            r"^(?:advertisement|advert|sponsored( content)?|ad|story continues below.*|skip advertisement|"
            r"supported by|(?:video )?ad feedback|advertisement - scroll to continue|skip ad|"
            r"continue reading the main story)$|"
            # a read-aloud player's banner: "NEWYou can now listen to Fox News articles!"
            r"^(?:new)?\s*you can now listen to [\w ]{1,40} articles!?$|"
            # an affiliate disclosure: "If you buy something through this post, IGN may get a share
            # of the sale.", "We may earn a commission from links on this page."
            r"^(?:if you (?:buy|purchase) (?:something|anything)\b.{0,60}\b(?:may|might|will) "
            r"(?:get|earn|receive) (?:a )?(?:share|commission|small commission)\b|"
            r"we (?:may|might) (?:earn|receive|get) (?:a )?(?:small )?(?:commission|share)\b.{0,80}$)",
            re.I,
        ),
    ),
    (
        "newsletter or sign-up line",
        # promotional wording only: "subscription fees rose" or "millions signed up" are news
        re.compile(
            r"\b(?:our|free|daily|weekly|morning|evening)\s+(?:\w+\s+)?newsletters?\b|\bnewsletters? (?:and|in your)\b|"
            r"^sign up\b|\bsign up (?:for (?:our|the|free)|here|now|today)\b|"
            r"^subscribe\b|\bsubscribe (?:to (?:our|the)|now|here|today)\b|\bcreate an account\b|"
            r"\bdownload (?:the|our) app\b|\bget the app\b|\blog in to (?:read|continue)\b|\bregister for free\b|"
            r"\bnews and newsletters\b|"
            r"^(?:have|got) a (?:news |story )?tip\s*\?|"
            r"\b(?:send|email|e-mail) us (?:a |your )?(?:news )?tips?\b|"
            # a newsletter box's pitch: "Get the latest updates right in your inbox.", "Keep an eye
            # on your inbox for the latest sports news." (not "the email that reached his inbox")
            r"^(?:get|keep an eye on|check)\b.{0,80}\byour inbox\b|\b(?:right|straight) (?:in|to) your inbox\b|"
            r"\bdelivered (?:right |straight )?to your inbox\b|"
            r"^if you (?:enjoyed|liked|value[d]?) (?:this|our) (?:article|story|piece|journalism)\b|"
            # a newsletter box's frame ("after newsletter promotion"; its privacy notice: NOTICE) and a gift
            # allowance ("As a subscriber, you have 10 gift articles to give each month.")
            r"^(?:after|skip past) newsletter promotion$|"
            r"^as a subscriber, you have \d+ gift articles\b|"
            rf"{SIGNUP_WIDGET}",
            re.I,
        ),
    ),
    (
        "sharing or navigation line",
        # a navigation word followed by a separator ("Read more: ..."), or alone on its line
        re.compile(
            r"^(?:read more|read next|read also|see also|related|related (?:articles?|stories|coverage|content)|"
            r"recommended|more from [\w ]+|most read|trending|watch|video|listen|more)\s*(?:[:|›»>]|$)|"
            r"^(?:share this(?: (?:article|story|page|post))?:?|share on \w+|share:?|print|comments?|follow us\b.*|"
            # a page's own chrome: "Skip to content", "BBC Homepage", "Link Copied!", "Share full
            # article", "Save", "Reuse this content", Reuters' "Acquire Licensing Rights, opens new tab"
            r"skip to (?:main )?(?:content|navigation|search)|[\w ]{0,30}\bhome ?page|menu|search|sign in|log in|"
            r"link copied!?|share full article|save|save articles? to read later\b.*|reuse this content|"
            r"send any friend a story|gift (?:this )?article|comment on this story|read in app|"
            r"acquire licensing rights(?:, opens new tab)?|e-?mail|view comments|\d{1,6} comments?|"
            r"view \d+ more (?:stories|articles|comments)|share or comment on this article:?|"
            r"join (?:our|the) (?:commenting forum|conversation|discussion)\b.*|"
            r"join thought-provoking conversations\b.*|note from the author:?|support us|"
            r"\d{1,2}[ -]min(?:ute)?s?(?: read)?|listen(?: to this article)?|"
            # DW's, Newsweek's, Euronews's and NPR's tools and photo box
            r"go deeper:.*|skip next section\b.*|explore more|close|back to top|read the full story|"
            r"become a member|donate now|watch live|(?:photo |view )?gallery|open image in gallery|"
            r"(?:image |photo )?\d{1,2} of \d{1,2}|send us your feedback|request reprint & licensing|"
            r"submit (?:a )?correction|view editorial guidelines|link copied to clipboard|"
            r"copy/paste the article video embed link below:?|enlarge this image|(?:toggle|hide) caption|"
            r"support [\w ]{1,30} or become our patron!?|"
            r"report (?:a|an) (?:correction|error|typo)(?: or (?:a )?(?:typo|error))?|"
            r"follow (?:him|her|them) on \w+.*|click here\b.*|listen to this article.*)$|"
            r"^follow\b.{0,40}\bon (?:facebook|x|twitter|instagram|tiktok|threads|bluesky|linkedin|youtube|"
            r"whatsapp|telegram|google news|apple news)\b|"
            # Sky News's "Keep up with all the latest news ... by following Sky News"
            r"^keep up with (?:all )?the latest\b.{0,80}\bby following\b|"
            # the Kyiv Independent's pitch: "Hi, this is Ada Brook, and I wrote this news piece for you."
            r"^hi, this is [\w .'’-]{2,40}, and i wrote this (?:news )?(?:piece|article|story)\b|"
            # AP's "On Twitter follow Ada Brook https://...": the reporters' addresses after the article
            r"^on (?:twitter|x|facebook|instagram|threads|bluesky),? follow\b.*(?:https?://|@\w)|"
            # a share widget's buttons: "Share this: Facebook Twitter", "Share on Facebook Share on X"
            rf"^(?:{SHARE_LEAD}\s*)?{SHARE_TARGET}(?:[\s,|•·/]+(?:{SHARE_LEAD}\s*)?{SHARE_TARGET})+\.?$|"
            rf"^{SHARE_LEAD}\s*{SHARE_TARGET}\.?$|"
            r"^click to (?:share on \w+|email|print)\b.{0,30}\(opens in new window\)$|"
            # a page's tools ("- Order Reprints", "Print Article") and its asks to pass the story on
            r"^(?:-\s*)?(?:order reprints|reprints|print article|print this (?:article|page|story)|"
            r"e-?mail this (?:article|story))$|"
            r"^(?:like|liked|enjoy|enjoyed) this (?:story|article)\?\s*share\b.{0,40}$|"
            # an invitation to the comments: "Leave a comment and let us know ...", "Tell us what
            # YOU think..."
            r"^leave a comment\b|^(?:tell us|let us know) what you think\b.{0,60}$|"
            # a link to more of the outlet's coverage, and contact lines under the article: "Follow
            # AP's full coverage of Brexit at https://...", "Email Tariq Malik at t@x.com or follow him"
            r"^follow (?:ap|reuters|afp|our|the)\b'?s? (?:full |latest |live )?coverage\b|"
            r"^follow @\w+|^(?:e-?mail|contact) (?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}) at \S+@\S+|"
            # a related link in the text: "[Related: Salesforce Dreamforce Keynote ...]", "Also on
            # rt.com Journalists & politicians ...", "Related post: Pickled Brussels Sprouts Recipe"
            r"^\[(?:related|read more|see also|more|also read)\s*:.*\]$|^also on [a-z0-9-]+\.[a-z]{2,}\b|"
            r"^related (?:posts?|reading|links?)\s*:|"
            # "Visit Business Insider's homepage for more stories."
            r"^visit [\w .&'’-]{1,40}? (?:home ?page|website|site) for (?:more|the latest)\b.{0,40}$",
            re.I,
        ),
    ),
    (
        "page notice",
        # what a site tells a visitor, not a reader of the article: cookies, paywalls, the browser
        re.compile(
            r"^we use cookies(?: and similar technologies)? (?:to|on|so that)\b(?!.*\b(?:said|says)\b)|"
            r"^(?:accept|reject|allow)(?: all)? cookies$|^manage (?:preferences|cookies|consent)$|"
            r"^cookie (?:settings|preferences|policy)$|"
            r"^you(?:'ve| have) reached your (?:limit|maximum) of free (?:articles|stories)\b|"
            r"^already (?:a subscriber|have an account)\?\s*(?:log|sign) in\b|"
            r"^this (?:article|story|content) is (?:only )?(?:for|available to) (?:subscribers|members)\b|"
            r"^(?:please )?enable javascript\b|^javascript is (?:disabled|required)\b|"
            r"^your browser does not support\b|^loading\.{0,3}$",
            re.I,
        ),
    ),
    (
        "tag list",
        re.compile(
            # a short list, no sentence ("Topics: the budget ... were discussed." is one)
            r"^(?:tags?|topics?|filed under|categories|category|keywords|related topics|see more on|"
            r"read more about)\s*:"
            r"\s*[^!?:]{1,120}(?<![a-z]{3}\.)$",  # abbreviations, not a sentence's full stop
            re.I,
        ),
    ),
    (
        "copyright line",
        # Dow Jones's reprint notice: "This copy is for your personal, non-commercial use only."
        re.compile(
            r"^(?:copyright\b|\(c\)\s*\d{4}|©)|all rights reserved|"
            r"^this copy is for your personal,? non-?commercial use only\b",
            re.I,
        ),
    ),
    (
        "editor's note",
        re.compile(
            r"^(?:(?:update|correction)\b.{0,40}?:\s*)?(?:this (?:story|article|report|post) (?:has been|was|is being) (?:updated|corrected|amended)|"
            r"this is a (?:developing|breaking) (?:story|news)|editor'?s note|"
            r"this (?:story|article) (?:was|is) (?:originally )?(?:published|produced|republished)|"
            # syndication: "This article originally appeared on The Oster Post.", or the bare "Originally
            # published by The Oster Post." (not "First published in 1851, the Gazette ...")
            r"this (?:story|article|post|piece) (?:originally|first) (?:appeared|ran|was published)\b|"
            r"(?:originally|first) (?:appeared|published) (?:on|in|at|by) [^,;]{2,60}\.?$|"
            # WordPress's feed footer: "The post <its title> appeared first on <the site>.", a
            # headline after "The post" and the site's name the line's end (not "The post that
            # appeared first on Truth Social was deleted hours later")
            r"(?-i:The post [A-Z0-9“\"‘'].{1,300} appeared first on "
            r"(?:(?:[A-Z0-9][\w&'’.-]*|of|and|the|&|[a-z0-9-]+\.[a-z]{2,})\s?){1,7})\.?$|"
            r"a version of this (?:story|article) (?:appeared|appears|ran)\b|"
            # the agency's standards link under every Reuters story
            r"our standards: the thomson reuters trust principles\.?$|"
            # Al Jazeera's source line: "Source: Al Jazeera and news agencies"
            r"source: [\w ]{2,40}? and (?:news )?agencies\.?$)",
            re.I,
        ),
    ),
    (
        "credits line",
        re.compile(
            r"^\(?(?:reporting by|additional reporting|writing by|editing by|compiled by|contributing:|"
            r"contributors?:|with reporting (?:from|by)|.{0,60}contributed (?:to )?(?:this )?report)|"
            # DW's sign-off, its editors' initials and the agencies it drew on: "ab/rc (AP, Reuters)"
            r"^[a-z]{2,4}(?:/[a-z]{2,4})+\s*\((?:AP|AFP|Reuters|dpa|KNA|epd|EFE|Reuters|Interfax|TASS|[A-Z]{2,5})"
            r"(?:,\s*(?:AP|AFP|Reuters|dpa|KNA|epd|EFE|Interfax|TASS|[A-Z]{2,5}))*\)$",
            re.I,
        ),
    ),
)


# boilerplate that runs longer than MAX_RESIDUE_WORDS: The Guardian's newsletter privacy notice (45
# words: "Privacy Notice: Newsletters may contain info about charities, online ads, ...")
NOTICE = re.compile(r"^privacy notice: newsletters may contain\b", re.I)
MAX_NOTICE_WORDS = 80


def residue_reason(line: str) -> str | None:
    """Why a line is residue by these patterns (the first rule's reason that matches), or None."""
    words = len(line.split())
    if words <= MAX_NOTICE_WORDS and NOTICE.search(line):
        return "newsletter or sign-up line"
    if words > MAX_RESIDUE_WORDS:
        return None
    return next((reason for reason, pattern in RESIDUE_RULES if pattern.search(line)), None)


@lru_cache(maxsize=65536)
def residue_sentence(sentence: str) -> str | None:
    """Why a sentence left inside a paragraph would be residue on a line of its own ("Visit Business
    Insider's homepage for more stories." at the end of a text whose line breaks are gone), or None.
    Cached: the brief and the facts ask about the same sentences."""
    return residue_reason(sentence)
