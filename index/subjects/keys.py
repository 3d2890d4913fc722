"""A figure's key: what is counted and what happened to it (the verb, synonyms
merged), thresholds, rates and measures, and a key taken apart again."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..speakers import wordset

# A verb near a count, in the participle used in keys, synonyms merged.
_VERBS = {
    "kill": "killed", "killed": "killed", "killing": "killed", "died": "killed",
    "dead": "killed", "die": "killed",
    "wound": "wounded", "wounded": "wounded", "wounding": "wounded", "injure": "wounded",
    "injured": "wounded", "injuring": "wounded", "hurt": "wounded", "hurting": "wounded",
    "strike": "struck", "struck": "struck", "striking": "struck", "shot": "shot",
    "shoot": "shot", "shooting": "shot",
    "exchange": "exchanged", "exchanged": "exchanged", "exchanging": "exchanged",
    "swap": "exchanged", "swapped": "exchanged", "swapping": "exchanged",
    "release": "released", "released": "released", "releasing": "released",
    "free": "released", "freed": "released", "freeing": "released",
    "arrest": "arrested", "arrested": "arrested", "arresting": "arrested",
    "detain": "detained", "detained": "detained", "detaining": "detained",
    "evacuate": "evacuated", "evacuated": "evacuated", "evacuating": "evacuated",
    "displace": "displaced", "displaced": "displaced",
    "furlough": "furloughed", "furloughed": "furloughed", "furloughing": "furloughed",
    "deploy": "deployed", "deployed": "deployed", "deploying": "deployed",
    "rescue": "rescued", "rescued": "rescued", "capture": "captured", "captured": "captured",
    "infect": "infected", "infected": "infected", "sicken": "infected", "sickened": "infected",
    "hospitalized": "hospitalised", "hospitalised": "hospitalised",
    "missing": "missing", "return": "returned", "returned": "returned",
    "in custody": "detained", "under arrest": "arrested",
    "launch": "fired", "launched": "fired", "launching": "fired",
    "charge": "charged", "charged": "charged", "indict": "charged", "indicted": "charged",
    "convict": "convicted", "convicted": "convicted", "fire": "fired", "fired": "fired",
    "lay": "laid off", "laid": "laid off", "hire": "hired", "hired": "hired",
    "vote": "voted", "voted": "voted", "voting": "voted", "sign": "signed", "signed": "signed",
    "participate": "taking part", "participating": "taking part", "participated": "taking part",
    "taking part": "taking part", "take part": "taking part", "took part": "taking part",
    "compete": "taking part", "competing": "taking part", "competed": "taking part",
    "attend": "attended", "attended": "attended", "attending": "attended",
}  # fmt: skip
_VERB_WORDS = "|".join(sorted(_VERBS, key=len, reverse=True))
_AUX = (
    r"(?:(?:were|was|are|is|have|has|had|been|being|be|remain|remains|reportedly|also|later|"
    r"all|now|still|will|would|could|may|might|to)\s+)*"
)
# "Six people, including two congressmen, were injured": a clause may sit between.
_VERB_AFTER = re.compile(
    rf"^(?:\s*,[^,.;:]{{0,90}},)?\s+(?:who\s+|that\s+)?{_AUX}(?P<verb>{_VERB_WORDS})\b", re.I
)
_VERB_BEFORE = re.compile(
    rf"\b(?P<verb>{_VERB_WORDS})(?:\s+(?:a\s+total\s+of|some|about|around|nearly|more\s+than|"
    rf"over|at\s+least|up\s+to|an\s+estimated|just|only|the|another|an\s+additional|"
    rf"additional|a\s+further|further))*\s*$",
    re.I,
)
# A count of what a vote or rule needs, not of what happened.
_NEEDED_BEFORE = re.compile(
    r"\b(?:needs?|needed|requires?|required|requiring|threshold\s+of|"
    r"majority\s+of|supermajority\s+of|minimum\s+of)\s+(?:at\s+least\s+|only\s+|just\s+)?$",
    re.I,
)
_NEEDED_AFTER = re.compile(
    r"^\s+(?:needed|required|necessary|to\s+(?:pass|advance|break|overcome|override|clear|end|"
    r"block|confirm|win|approve))\b",
    re.I,
)
# Nouns that say too little to compare a count of them without a verb.
GENERIC = wordset(
    "people persons others ones times things members cases years days months weeks hours "
    "minutes percent points miles kilometers kilometres feet meters metres pounds dollars "
    "degrees items parts pieces ways steps reasons questions issues words pages"
)


def verb_near(before: str, after: str) -> str | None:
    """What happened to what is counted, from the words just before the number
    ("killing more than", "exchange") or just after the counted words ("were killed")."""
    found = _VERB_AFTER.match(after) or _VERB_BEFORE.search(before[-60:])
    return _VERBS[found.group("verb").lower()] if found else None


def needed(before: str, after: str) -> bool:
    """Whether a count is a threshold ("needs 60 votes to advance"), not a tally."""
    return bool(_NEEDED_BEFORE.search(before[-40:]) or _NEEDED_AFTER.match(after))


# Units of measure and money: "0.17 s", "3 cm spits", "32 cents" are
# measurements, not tallies; what they measure is not in the words after them.
MEASURES = wordset(
    "s ms sec secs min mins h hr hrs cm mm km m μm nm ft in yd mi kg g mg lb lbs oz t "
    "mph kph kmh mb gb kb tb mw kw gw hz ghz mhz cents cent pence pennies euros yen yuan "
    "rupees francs pesos yards inches tons tonnes acres hectares gallons litres liters "
    "ounces grams kilograms kilos bytes megabytes gigabytes megapixels watts volts "
    "miles feet metres meters kilometres kilometers knots"
)


def quantity_subject(noun: str, value: float, verb: str | None) -> str | None:
    """The key of a counted figure: the noun, with the verb when there is one;
    None when the noun alone says nothing comparable ("people", "times"), the
    number only introduces someone ("one man approached") or the figure is a
    measurement that does not say of what ("0.17 s", "32 cents", "3 cm spits";
    "five inches of rain" does)."""
    words = noun.split()
    if words and words[0] in MEASURES and words[1:2] != ["of"]:
        return None
    if verb and not noun.endswith(verb):
        return f"{noun} {verb}"
    head = noun.split(" of ")[0].split()[-1] if noun else ""
    if not verb and (value == 1 or (head in GENERIC and " " not in noun)):
        return None
    return noun


def measured(key: str | None) -> bool:
    """Whether a key names a measure but not of what: "13 nautical miles" (from
    the warship, or off Aden?), "548 rushing yards" (whose?). Two such figures
    alike may agree; different, they are no contradiction anyone can tell."""
    noun = split_key(key).noun if key else ""
    words = noun.split(" of ")[0].split()
    return bool(words) and words[-1] in MEASURES and " of " not in noun


def rate(after: str) -> bool:
    """Whether a count is a rate ("1.75 cents per ounce", "30 miles a day")."""
    return bool(re.match(rf"\s+(?:per|a|an|each)\s+(?:{_UNIT_WORDS})\b", after, re.I)) or bool(
        re.match(r"\s+per\b", after, re.I)
    )


_UNIT_WORDS = "second|minute|hour|day|week|month|year|ounce|pound|gallon|mile|person|head|capita"


_PARTICIPLES = frozenset(_VERBS.values())
_LONGEST_FIRST = tuple(sorted(_PARTICIPLES, key=len, reverse=True))
_FRAME = re.compile(
    r" (?:in \d{4}|this year|this month|this week|last month|last week|before|at the scene|"
    r"since [\w’'-]+(?: \d+)?|in the past (?:[\w-]+ )?[\w-]+)$"
)
_DAY = re.compile(r" on (?:mon|tues|wednes|thurs|fri|satur|sun)day$")


class Subject(NamedTuple):
    """A key taken apart: what is counted with its time frame (the comparison
    group), the verb ("wounded") and the weekday named, when there are."""

    noun: str
    verb: str | None
    day: str | None


@lru_cache(maxsize=1 << 16)  # the corpus-wide pass splits the same keys millions of times
def split_key(key: str) -> Subject:
    """A quantity key as what is counted (with its time frame), the verb and the
    day: "people injured" -> ("people", "wounded", None); reports that name no
    verb ("1,000 POWs each") can be counterparts of those that do."""
    day = _DAY.search(key)
    if day:
        key = key[: day.start()]
    frame = _FRAME.search(key)
    core = key[: frame.start()] if frame else key
    tail = frame.group() if frame else ""
    found = day.group()[4:] if day else None
    for verb in _LONGEST_FIRST:
        if core.endswith(" " + verb):
            return Subject(core[: -len(verb) - 1] + tail, verb, found)
    return Subject(key, None, found)


def search_keys(key: str | None) -> set[str]:
    """The forms a ``fact:`` search finds a fact by: its key, and what is counted
    without the verb, time or day ("prisoners of war" for "prisoners of war
    exchanged on wednesday")."""
    if not key:
        return set()
    noun = split_key(key).noun
    frame = _FRAME.search(noun)
    return {key, noun, noun[: frame.start()] if frame else noun}
