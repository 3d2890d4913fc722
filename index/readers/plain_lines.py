"""What a paragraph of a pasted page is: a photo caption or its credit, a row of
share buttons, a page's furniture, a time stamp or a headline.

Each is told by the paragraph's shape alone; ``plain.infer`` decides what to
keep out of the text and what it says of the article.
"""

from __future__ import annotations

import re

# "EFE/EPA/ERDEM SAHIN", "AFP/Getty Images", "Reuters/John Smith" at the end of a caption.
_CREDIT = re.compile(
    r"(?:^|\s)([A-Z][A-Za-z]{1,11})(?:/[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)*)+\.?\s*$"
)
_CAPTION_START = re.compile(
    r"^(?:photo|image|picture|file photo|caption|image copyright|image caption"
    r"|enlarge this image|enlarge image)\b[:\s]"
    # A credit before its caption ("Getty Images Elon Musk"; no sentence: "Getty
    # Images said on Tuesday ..." is a report's), or a "Source:" line crediting a
    # picture to its maker and a library ("Source: Jdarsie11 / Wikimedia Commons").
    r"|^(?-i:Getty Images|AP Photo)\s+(?-i:[A-Z])[^.!?]{0,80}$"
    r"|^(?:source|credit)s?:\s[^/]{1,40}\s/\s\S"
    # A video player's close button before its clip's summary ("CLOSE United says
    # it's streamlining its boarding process. ... USA TODAY"); in capitals only,
    # before a word that is not: a headline may begin "Close friends" or "CLOSE CALL".
    r"|^(?-i:CLOSE\s+[A-Z][a-z’'])",
    re.I,
)
# A credit in parentheses or brackets closing a caption, or the whole of one:
# "(Denis Charlet/AFP/Getty Images)", "(Photo: Mark Lennihan, AP)", "(AP Photo/Evan
# Vucci)", "[Photo/Lanzhou Evening News]", "(European Pressphoto Agency)".
_CLOSING_GROUP = re.compile(r"[(\[]([^()\[\]]{2,80})[)\]]\s*$")
_GROUP_CREDIT_START = re.compile(r"^(?:credit|courtesy|via|ap photo)\b", re.I)
# A name ending in a word only a credit ends with ("Associated Press", "Getty Images",
# "Staff Photographer", "AFP/Getty Images"), every word capitalised, as a name is.
# Words are parted by spaces or a slash: written with the parting optional, a
# run of capitals could be split into words in every way, and a group such as
# "(SOUNDBITE OF ARCHIVED RECORDING)" took 15 s to turn down.
_CREDIT_NAME = re.compile(
    r"^(?:[A-Z][\w.&'’-]*(?:(?:\s+|\s*/\s*)[A-Z][\w.&'’-]*)*(?:\s+|\s*/\s*)?)?"
    r"(?:Images|Press|Agency|Photographer|Pictures|Photo)$"
)
# Share, e-mail, print and follow buttons of a web page, pasted with its text.
_BUTTON_LINE = re.compile(
    r"^(?:click to (?:share|e-?mail|print|tweet|pin)\b|(?:read or )?share (?:this|on)\b"
    r"|(?:e-?mail|print) this\b|follow us\b|(?:[^.!?]{0,60},\s*)?follow (?:us|him|her|@\w+"
    r"|(?-i:[A-Z])[^.!?]{0,50}? on (?:Twitter|Facebook|Instagram|Google\+)))"
    r"|\b(?:e-?mail|send) this to a friend\b|\(opens in (?:a )?new window\)",
    re.I,
)
_BUTTON_WORD = re.compile(
    r"(?:share[sd]?|tweet|e-?mail|print(?:able)?|version|post|pin|save|comments?|more|on|play"
    r"|this|article|story|listen|to|close|facebook|twitter|google\+|linkedin|reddit|pinterest"
    r"|whatsapp|tumblr|stumbleupon|messenger|flipboard|[\d:,.]+)[:!?]?",
    re.I,
)
_BUTTON_NAME = re.compile(
    r"share|tweet|e-?mail|print|facebook|twitter|google\+|linkedin|reddit|pinterest|whatsapp",
    re.I,
)
MAX_BUTTON_WORDS = 15
_TAG_LINE = re.compile(r"^[a-z0-9][a-z0-9_-]*(?:[ ,]+[a-z0-9][a-z0-9_-]*){0,3}$")
# A page's time stamp on a line of its own, above or under the headline: "May 2,
# 2013, 1:12 PM", "Updated Saturday, December 05, 2009 8:28 PM", "16 September
# 2013 Last updated at 12:42 GMT", "Posted: Nov 27, 2005 8:20 AM ET", "Updated 4:08
# p. m. ET". Only these words, with a year, a day written in figures or a time
# among them ("Saturday 20 November" under a match's title is the fixture's day).
_STAMP_WORD = re.compile(
    r"(?:\d{1,4}(?:\s?[/.:-]\s?\d{1,4})*(?:st|nd|rd|th)?|[ap](?:\.?\s?m)?\.?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?"
    r"|article|release|released|first|originally|posted|published|updated|last|created"
    r"|modified|on|at|uk|et|pt|ct|gmt|bst|utc|cet|cest|[ecmp][sd]t|ist|aest|hkt|jst|sgt"
    r"|[|@/,:;.()+–—-])",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"\b\d{1,2}:\s?\d\d(?!\d)")
_STAMP_DAY = re.compile(
    rf"\b(?:19|20)\d\d\b|\b\d{{1,2}}\s?[/.-]\s?\d{{1,2}}\s?[/.-]\s?\d{{2,4}}\b|{_CLOCK.pattern}"
)
_STAMP_TOKEN = re.compile(
    r"\d+(?:\s?[/.:-]\s?\d+)*(?:st|nd|rd|th)?|[ap]\.\s?m\.|\w+\.?|[^\w\s]", re.IGNORECASE
)


def is_stamp(paragraph: str) -> bool:
    """A line that only says when the page was posted or updated."""
    line = paragraph.strip()
    if not line or "\n" in line or len(line) > 100:
        return False
    if not _STAMP_DAY.search(line):
        return False
    return all(_STAMP_WORD.fullmatch(token) for token in _STAMP_TOKEN.findall(line))


MIN_STAMPED_TITLE_WORDS = 3


def stamp_after(line: str) -> int | None:
    """Where a page's time stamp may close ``line`` (a video's or a post's
    headline scraped with it: "An ICBM test by North Korea on Sept. 9? 9:04 PM
    ET Sun, 3 Sept 2017 | 02:51"), or None: the longest run of the stamp's
    words at the end, with a clock time in it, after a headline of three words
    or more ("Plans for 2005" keeps its year). The caller cuts it where it
    also gives a day ("Polls close at 10:30" keeps its time)."""
    tokens = list(_STAMP_TOKEN.finditer(line))
    at = len(tokens)
    while at and _STAMP_WORD.fullmatch(tokens[at - 1].group()):
        at -= 1
    if at == len(tokens) or len(line[: tokens[at].start()].split()) < MIN_STAMPED_TITLE_WORDS:
        return None
    start = tokens[at].start()
    return start if _CLOCK.search(line, start) else None


_SENTENCE_END = re.compile(r"[.!;,:]$")
_LIST_ITEM = re.compile(r"\d{1,3}[.)]\s")  # "1. Anthony Scaramucci": a list's first item
_INITIAL_END = re.compile(r"\b[A-Z]\.$")  # "U.S. (VIDEO)": an abbreviation, no sentence
MAX_TITLE_CHARS = 180
MAX_TITLE_WORDS = 25
MAX_CAPTION_WORDS = 80


# A mug shot's caption: a name, an age and a town ("Lizandra Cosme, 32, of Chicago").
_MUG_SHOT = re.compile(
    r"[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){1,3},\s\d{1,3},\sof\s[A-Z][\w.'’ -]{1,40}"
)


def is_caption(paragraph: str) -> bool:
    """A photo caption: ends with a credit, starts like one, or places people (2-L)."""
    if len(paragraph.split()) > MAX_CAPTION_WORDS:
        return False
    return bool(
        _CAPTION_START.match(paragraph)
        or _CREDIT.search(paragraph)
        or is_credit_group(paragraph)
        or _MUG_SHOT.fullmatch(paragraph.strip())
    )


def is_credit_group(paragraph: str) -> bool:
    """The paragraph ends with a credit in parentheses or brackets, or is one."""
    group = _CLOSING_GROUP.search(paragraph)
    if not group or len(paragraph.split()) > MAX_CAPTION_WORDS:
        return False
    inner = group.group(1).strip()
    return bool(
        _CAPTION_START.match(inner)
        or _GROUP_CREDIT_START.match(inner)
        or _CREDIT.search(inner)
        or _CREDIT_NAME.match(inner)
    )


def is_buttons(paragraph: str) -> bool:
    """A row of a web page's share, e-mail, print or follow buttons, not text.

    "Click to email this to a friend (Opens in new window)", "936 SHARES Share
    Tweet", "Follow us on Facebook, Twitter, Google+": either a button's phrase, or
    every word a button's ("LISTEN TO ARTICLE 4:34 SHARE THIS ARTICLE Share Tweet").
    """
    words = paragraph.split()
    if not 0 < len(words) <= MAX_BUTTON_WORDS:
        return False
    if _BUTTON_LINE.search(paragraph):
        return True
    return all(_BUTTON_WORD.fullmatch(w) for w in words) and any(
        _BUTTON_NAME.fullmatch(w.rstrip(":!?")) for w in words
    )


# A web page's furniture in a headline's place: a video player's notice, a
# newsletter's sign-up box, a summary box's label.
_NOT_A_HEADLINE = re.compile(
    r"^(?:media playback is unsupported|story highlights\b|get the latest from\b"
    r"|sign up for\b|breaking news emails\b)",
    re.I,
)


def _headline_sized(paragraph: str) -> bool:
    """Short enough to be a headline, and on one line."""
    return (
        0 < len(paragraph.split()) <= MAX_TITLE_WORDS
        and len(paragraph) <= MAX_TITLE_CHARS
        and "\n" not in paragraph
    )


def is_title(paragraph: str) -> bool:
    """A headline: short, one line, not ending like a sentence, not a caption nor
    a page's furniture ("Media playback is unsupported on your device").

    A sentence closed by a note in parentheses ("... like polio. (Family
    photos)") ends like a sentence; an aside wholly in parentheses or brackets
    ("(This story has been updated ...)") is no headline either.
    """
    group = _CLOSING_GROUP.search(paragraph)
    before = paragraph[: group.start()] if group else paragraph
    before = before.rstrip(" *")  # "*** Join it LIVE here ! ***" ends like a sentence
    return (
        _headline_sized(paragraph)
        and bool(before)
        and not (_SENTENCE_END.search(before) and not (group and _INITIAL_END.search(before)))
        and not is_caption(paragraph)
        and not is_buttons(paragraph)
        and not _TAG_LINE.match(paragraph)
        and not _NOT_A_HEADLINE.match(paragraph)
        and not _LIST_ITEM.match(paragraph)
        and not is_furniture(paragraph)  # "Photo", "Related", "Advertisement"
    )


# A web page's furniture between paragraphs (Multi-News pages): a rule of
# underscores or asterisks, a label for an advertisement, a link or a photo.
_FURNITURE = re.compile(
    r"[\W_]*|(?:advertisement(?: continue reading the main story)?|story continued below"
    r"|continue reading(?: the main story)?|read more|related|photo|text size -?|loading \.*"
    r"|article excerpt|latest headlines)[:.]?",
    re.IGNORECASE,
)


# A page's notice to its reader in the article's place: a video player's or a
# form's ("Please enable Javascript to watch this video", "You must enter the
# characters with black color that stand out ..."), a newsletter's sign-up box,
# a magazine's note on the issue, a pop-up's close button ("× Close What is the
# Tomatometer®?"), a video's embedding box ("Embed ... Copy this code to your
# website or blog").
_NOTICE = re.compile(
    r"(?:please enable javascript|you must enter the characters"
    r"|get (?:daily|weekly)\b.{0,60}\b(?:inbox|newsletter)"
    r"|this (?:story|article) appears in the\b.{0,60}\bissue of"
    r"|[×✕✖]\s*close\b"
    r"|embed\b.{0,150}\bcopy this code to your (?:website|blog|site))",
    re.IGNORECASE,
)
MAX_NOTICE_WORDS = 30


def is_furniture(paragraph: str) -> bool:
    """A paragraph that is no text of the report: "___", "Advertisement Continue
    reading the main story", "Story Continued Below", "Read More:", a page's
    label ("Article Excerpt", "LATEST HEADLINES") or its notice to the reader
    ("Please enable Javascript to watch this video")."""
    line = paragraph.strip()
    return _FURNITURE.fullmatch(line) is not None or (
        len(line.split()) <= MAX_NOTICE_WORDS and _NOTICE.match(line) is not None
    )
