"""What the text shows a name to be: a person (:func:`shown_people`,
:func:`role_before`, :data:`PERSON_BEFORE`), a place (:func:`shown_places`,
:func:`place_before`) or a body a person leads (:func:`run_by`); and the
mentions that are page furniture or words of the language, no names
(:func:`without_furniture`), or a minister's portfolio, no body
(:func:`without_portfolios`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..gazetteer import is_known_place
from ..model import Mention
from ..names import ROLES, alias_key
from .edges import _SHORT_TITLES
from .words import _WORD, _function_words

# The label of a one-word name the text itself shows to be a person's: a
# title or what the person is just before it ("Dr. Collins", "Lord Falconer",
# "singer Usher": the model's span leaves it out) or "he" or "she" after it,
# before any other name.
PERSON_SHOWN = "SHOWN"
_WORD_BEFORE = re.compile(r"(?:^|(?<=\W))([^\W\d_]+)\.?\s+$")
_AFTER_PREPOSITION = re.compile(
    r"(?:^|\W)(?:at|in|to|from|on|for|with|against|of|into|by|over|beat|beating)\s+$"
)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_LETTERS = re.compile(r"[^\W\d_]+")
_HE_SHE = frozenset({"he", "his", "him", "himself", "she", "her", "hers", "herself"})
_NOT_HE_SHE = frozenset({"it", "its", "itself", "they", "their", "them", "themselves", "which"})


def shown_people(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions``, a one-word person's labelled :data:`PERSON_SHOWN` where the
    text shows a person there (see :func:`_shows_person`)."""
    return [
        Mention(m.start, m.end, m.text, m.kind, PERSON_SHOWN)
        if m.kind == "person" and " " not in m.text.strip() and _shows_person(text, m)
        else m
        for m in mentions
    ]


def role_before(text: str, start: int) -> bool:
    """Whether the word just before ``start`` is a person's title or role
    (:data:`PERSON_BEFORE`: "England coach Sven-Goran Eriksson", "Mr. Brown")."""
    before = _WORD_BEFORE.search(text[max(0, start - 20) : start])
    return before is not None and before.group(1).lower() in PERSON_BEFORE


def _shows_person(text: str, mention: Mention) -> bool:
    """A title or a person's role just before the name, or, in the rest of its
    sentence, "he" or "she" (his, her, ...) before any capitalised word, "it" or
    "they", where no preposition comes before the name ("Bono said he"; not
    "Firefox has seen its", "Everton boss David Moyes said he", "at Anfield
    since he")."""
    if role_before(text, mention.start):
        return True
    if _AFTER_PREPOSITION.search(text, max(0, mention.start - 8), mention.start):
        return False  # "back at Anfield since he joined": the place is not "he"
    rest = text[mention.end : mention.end + 120]
    end = _SENTENCE_END.search(rest)
    for word in _LETTERS.findall(rest[: end.start()] if end else rest):
        lower = word.lower()
        if lower in _HE_SHE:
            return True
        if lower in _NOT_HE_SHE or word[0].isupper():
            return False
    return False


# The label of a name the text itself shows to be a place's: after a
# preposition of place ("in Kashmir", "the region of Darfur"), before "-based" or
# "border", or in a list with a place any gazetteer knows ("Zimbabwe and Burma").
PLACE_SHOWN = "AT"
_PLACE_BEFORE = re.compile(
    r"(?:^|\W)(?:in|near|across|outside|throughout|around|inside|at|from|into|via|towards?|"
    r"back\s+to|"
    r"(?:region|city|town|state|province|island|capital|village|county|country|parts|north|"
    r"south|east|west) of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# ... but not a stake, a role or a flaw in it, nor a bid from it ("shares in
# Gazprom", "a flaw in Windows", "starred in Sideways", "chief executive at
# Xstrata", "a takeover proposal from Newmont").
_NOT_PLACE_BEFORE = re.compile(
    r"\b(?:stakes?|shares|interest|investment|holdings?|deal|flaws?|bugs?|holes?|loopholes?|"
    r"roles?|star|starring|starred|works?|worked|jobs?|career|chief|boss|executive|head|"
    r"nominated|nominations?|bids?|offers?|proposals?)\s+\w+\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PLACE_AFTER = re.compile(r"-based\b|\s+(?:region|province|border|coast)\b")
_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)")


# The words of a web page's furniture that a scraped article keeps in its text
# ("Hide Caption 1 of 43 Photos: The search for MH370", "Replay More Videos",
# "Enlarge Image"), and a paper's figures ("Supplementary Fig. 3"); not
# "Close", "Read" or "Next", which are also names.
PAGE_WORDS = frozenset(
    {"hide", "caption", "captions", "photo", "photos", "image", "images", "enlarge",
     "video", "videos", "replay", "more", "gallery", "slideshow", "playlist", "loading",
     "subscribe", "advertisement", "related", "watch", "share", "click", "view", "buy",
     "autoplay", "skip", "download", "news", "fig", "figs", "supplementary", "full", "screen",
     "embed"}
)  # fmt: skip
# A video player's button, furniture only before more of it ("Full Screen Autoplay
# Close Skip Ad"); a name too ("Glenn Close").
_PAGE_BUTTONS = frozenset({"close"})
# Written so, an advertisement's label; the era is "AD" ("614 AD").
_AD = "Ad"


# What follows a caption's or a player's label ("Media caption Timbuktu mayor Halle
# Ousmane", "Image caption The flood", "Media playback is unsupported on your
# device"): the label is the page's, no name.
_CAPTION = re.compile(r"[ \t]+(?:captions?|playback)\b", re.IGNORECASE)
# A page's button and the word that completes it ("Read more", "Read full
# article", "Sign up for our newsletter", "Like us on Facebook"): the button's
# word is no name, nor part of the name before it ("Weinstein Read more").
_BUTTONS = {"Read": ("more", "full", "about"), "Sign": ("up",), "Like": ("us",)}
_BUTTON_AFTER = {
    word: re.compile(rf"[ \t]+(?:{'|'.join(rest)})\b", re.IGNORECASE)
    for word, rest in _BUTTONS.items()
}


def without_furniture(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions that are more than a page's furniture (:data:`PAGE_WORDS`),
    without two or more such words before the name ("Enlarge Image Glenn
    Close" is Glenn Close; "Related Companies" stays whole) or after it ("AP
    Buy Photo" is AP), no caption's label ("Media caption"), no button
    ("Read" of "Read more", cut from "Weinstein Read more"), and more than a
    word of the language (see :func:`_no_name`)."""
    kept = []
    for mention in mentions:
        if _no_name(text, mention) or _CAPTION.match(text, mention.end):
            continue
        words = list(_WORD.finditer(mention.text))
        if not words:  # a figure, "2005"
            kept.append(mention)
            continue
        last = len(mention.text)
        if _a_button(text, mention, words[-1]):  # "Read" of "Read more" is the page's
            words.pop()
            last = words[-1].end() if words else 0
        lead = 0
        while lead < len(words) and _page_word(words, lead):
            lead += 1
        if lead == len(words):
            continue
        trail = len(words)  # a word past ``lead`` is no page's: ``trail`` stops there
        while _page_word(words, trail - 1):
            trail -= 1
        # two page words or more before the name, or after it (a credit's buttons:
        # "AP Buy Photo"), are cut, and a button's word after it
        start = words[lead].start() if lead >= 2 else 0
        end = words[trail - 1].end() if len(words) - trail >= 2 else last
        if (start, end) != (0, len(mention.text)):
            mention = replace(
                mention,
                start=mention.start + start,
                end=mention.start + end,
                text=mention.text[start:end],
            )
        kept.append(mention)
    return kept


def _a_button(text: str, mention: Mention, last: re.Match[str]) -> bool:
    """Whether the mention's last word is a page's button, the word completing
    it following the mention ("Read" of "Read more")."""
    after = _BUTTON_AFTER.get(last.group())
    return (
        after is not None
        and last.end() == len(mention.text)
        and after.match(text, mention.end) is not None
    )


def _page_word(words: list[re.Match[str]], at: int) -> bool:
    """Whether the word at ``at`` is a page's furniture: one of :data:`PAGE_WORDS`,
    an advertisement's "Ad", or a button's name (:data:`_PAGE_BUTTONS`) before
    another."""
    word = words[at].group().lower()
    if word in _PAGE_BUTTONS:
        return at + 1 < len(words) and _page_word(words, at + 1)
    return word in PAGE_WORDS or words[at].group() == _AD


def _no_name(text: str, mention: Mention) -> bool:
    """Whether ``mention`` is words of the language, not a name: one function
    word the model or a title's cut left as a name of no kind ("Last" of a
    dateline's "Last updated at 11:11 GMT", "Twelve" of "Ocean's Twelve", "Never"
    of "It's Now or Never"; an acronym in capitals stays) or as a place ("Us
    magazine" is not the US), function words
    labelling a line ("Subs Not Used: Johnson, Smertin"), or a title before a
    name alone (:data:`PERSON_BEFORE`: "Sgt." of "Sgt. Shayne La Croix",
    "Cardinal" read as a body)."""
    word = mention.text.lower().rstrip(".")
    if (
        " " not in word
        and word in PERSON_BEFORE  # not "Justice" of "the Justice Department"
        and (mention.kind != "person" or word in _SHORT_TITLES)
        and _CAPITAL_NEXT.match(text, mention.end)
    ):
        return True
    words = mention.text.split()
    if not words or not all(word.lower() in _function_words() for word in words):
        return False
    if text[mention.end : mention.end + 1] == ":":
        return True
    # one function word of no kind, or a place's written in lower case after a
    # capital: "Us magazine" is not the US (written "US"); a headline's "Tell Us"
    return (
        len(words) == 1
        and mention.kind in ("other", "place")
        and not mention.text.isupper()
        and (mention.kind == "other" or mention.text.istitle())
    )


_CAPITAL_NEXT = re.compile(r"\.? [A-Z]")


# What a person's name makes an organisation of when it follows: "the Obama
# administration said", "the Trump campaign", "the Blair government".
_RUN_BY = re.compile(r" (?:administration|campaign|government|presidency|cabinet|team)\b")


def run_by(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions with a person's name and the word after it that makes it a body
    he or she leads one organisation ("Obama administration"): what it says is
    not what the person says, nor is it the person."""
    result = []
    for mention in mentions:
        after = _RUN_BY.match(text, mention.end) if mention.kind == "person" else None
        if after is not None:
            mention = replace(
                mention, end=after.end(), text=text[mention.start : after.end()],
                kind="organisation",
            )  # fmt: skip
        result.append(mention)
    return result


# A minister's or secretary's portfolio the model tags as an organisation of its
# own: "Defense" of "Defense Secretary James Mattis" and of "Secretary of
# Defense", "State" of "Secretary of State" ("the Defense Department" and "the
# Defence Ministry" are bodies, and the model tags them whole).
_PORTFOLIOS = frozenset(
    {"defense", "defence", "state", "interior", "finance", "health", "justice", "treasury",
     "energy", "education", "transport", "transportation", "agriculture", "commerce",
     "labor", "labour", "home", "foreign", "environment", "trade", "war", "navy", "army"}
)  # fmt: skip
_OFFICE_AFTER = re.compile(r"\s+(?:Secretary|Minister|Secretaries|Ministers)\b")
_OFFICE_BEFORE = re.compile(r"\b(?:Secretary|Minister|Secretaries|Ministers) of (?:the )?$")


def without_portfolios(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions less a portfolio the model read as an organisation where it
    is a word of an office's title (see :data:`_PORTFOLIOS`)."""
    return [
        m
        for m in mentions
        if not (
            m.kind == "organisation"
            and m.text.lower() in _PORTFOLIOS
            and (
                _OFFICE_AFTER.match(text, m.end)
                or _OFFICE_BEFORE.search(text, max(0, m.start - 30), m.start)
            )
        )
    ]


def shown_places(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` (in text order), a place's labelled :data:`PLACE_SHOWN`
    where the text shows a place there."""
    result = list(mentions)
    for i, mention in enumerate(result):
        if mention.kind != "place" or not mention.label:
            continue
        before = text[max(0, mention.start - 30) : mention.start]
        if (
            place_before(before)
            or _PLACE_AFTER.match(text, mention.end)
            or any(_listed_with(text, mention, other) for other in result[max(0, i - 1) : i + 2])
        ):
            result[i] = Mention(mention.start, mention.end, mention.text, mention.kind, PLACE_SHOWN)
    return result


def place_before(before: str) -> bool:
    """Whether the words ``before`` a name show a place there: a preposition of
    place ("in Kashmir", "bring the cup back to Manchester"), not a stake, a role
    or a bid in it ("shares in Gazprom")."""
    return bool(_PLACE_BEFORE.search(before)) and not _NOT_PLACE_BEFORE.search(before)


def _listed_with(text: str, mention: Mention, other: Mention) -> bool:
    """``other`` is a place a gazetteer knows, next to ``mention`` in a list."""
    first, second = sorted((mention, other), key=lambda m: m.start)
    return (
        other is not mention
        and other.kind == "place"
        and _LISTED.fullmatch(text, first.end, second.start) is not None
        and is_known_place(alias_key(other.text))
    )


# Words that only ever come before a person's name ("Mr Kilroy-Silk", "Sir Alex
# Ferguson"); not "Miss" ("Miss World") nor "Dr" ("Dr Who", "Dr Pepper").
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Mx", "Sir", "Dame", "Lord", "Lady", "Baroness"})
# What only a person's name follows: a title, a word for what a person is
# (names.ROLES, and a few of sport and show business), less the words that also
# come before a thing's name ("state", "former", "chief", "health").
PERSON_BEFORE = (
    ROLES
    | {title.lower() for title in _TITLES}
    | {"boss", "forward", "frontman", "keeper", "presenter", "winger"}
) - {
    "chief", "defence", "defense", "deputy", "executive", "finance", "foreign", "former",
    "general", "health", "interior", "justice", "late", "major", "prime", "star", "state",
    "vice",
}  # fmt: skip
