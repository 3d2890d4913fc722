"""One kind per name within an article (:func:`relabel`): a person's title,
a surname, a company's, a club's or a thing's name as the text writes it,
or the kind most of its mentions have."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from ..gazetteer import is_known_place
from ..model import Mention
from ..names import ROLES, alias_key
from ..nlp import KINDS
from .propagation import _is_surname, surname
from .shown import _TITLES
from .words import NAMED_KINDS, _bare, _function_words


def relabel(mentions: Sequence[Mention], text: str | None = None) -> list[Mention]:
    """One kind per name within an article: a bare name that is the surname of a
    person named in full here is that person ("Teixeira" tagged as an
    organisation beside "Mark Teixeira"; "LARA" in a headline's capitals), and
    so is the given name of one whose surname it also writes alone, read as a
    place or a thing ("Kathina" beside "Kathina Thomas" and "Thomas"; not a
    place any gazetteer knows, "Jordan", nor an organisation, "Apple", nor a
    name the model took for a person's, "Magnolia Homes"); a
    name ``text`` writes as a body's ("oil giant Yukos", "Manchester United
    striker Wayne Rooney") is an organisation (see :func:`_bodies`); otherwise
    mentions of one spelling take the kind most of them have. A capitalised run
    the model left (label "") has a say only where the model never labelled
    that spelling."""
    mentions = [_titled(m) for m in mentions]
    surnames, given = set(), set()
    alone = {_bare(m.text) for m in mentions if m.kind in NAMED_KINDS and " " not in m.text}
    for mention in mentions:
        if mention.kind == "person":
            words = mention.text.split()
            last = surname(words)
            if last and _is_surname(last):
                surnames.add(last)
                if (  # a person's given name where the article writes the surname
                    last in alone  # alone too ("Timmons"; not "Magnolia Homes")
                    and words[0].rstrip(".") not in _TITLES
                    and words[0].lower() not in ROLES
                ):
                    given.add(words[0])
    given = {
        name
        for name in given - surnames
        if _is_surname(name) and not _a_place(name) and not _written_small(text, name)
    }
    votes: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for mention in mentions:
        if mention.kind in NAMED_KINDS:
            votes[_bare(mention.text)][(mention.kind, mention.label)] += 1
    bodies = _bodies(text, mentions) - surnames if text is not None else set()
    bodies |= _companies(text, mentions) if text is not None else set()
    things = _things(text, mentions) - surnames if text is not None else set()
    result = []
    for mention in mentions:
        if mention.kind in NAMED_KINDS:
            bare = _bare(mention.text)
            if bare in surnames or _a_surname_in_capitals(mention, bare, surnames):
                kind, label = "person", "PERSON"
            elif bare in given and mention.kind in ("place", "other"):
                kind, label = "person", "PERSON"  # "Kathina" after "Kathina Thomas"
            elif bare in bodies:
                kind, label = "organisation", "ORG"
            elif bare in things:
                kind, label = "other", ""
            else:
                kind, label = _voted(votes[bare])
            if kind != mention.kind:
                mention = Mention(mention.start, mention.end, mention.text, kind, label)
        result.append(mention)
    return result


_TITLED = re.compile(r"(\w+)\.?\s+[A-Z]")


_LOWER_AFTER_HYPHEN = re.compile(r"[A-Z][a-z]*-[a-z]+")  # one word: not "Ban Ki-moon"


def _titled(mention: Mention) -> Mention:
    """A mention opening with a person's title is a person, whatever the model
    called it ("Mr Kilroy-Silk" read as a place); one word written with a small
    letter after a hyphen is a thing's name, not a person's ("Blu-ray", never "Ray";
    but "Ban Ki-moon")."""
    if mention.kind in NAMED_KINDS and mention.kind != "person":
        found = _TITLED.match(mention.text)
        if found and found.group(1) in _TITLES:
            return Mention(mention.start, mention.end, mention.text, "person", "PERSON")
    elif mention.kind == "person" and _LOWER_AFTER_HYPHEN.fullmatch(mention.text):
        return Mention(mention.start, mention.end, mention.text, "other", "PRODUCT")
    return mention


# What a company, a club or a party is called just before its name ("oil giant
# Yukos", "the Russian oil firm Yukos") and what follows the name of one
# ("Manchester United striker Wayne Rooney", "Yukos shareholders", "Lib Dem
# leader Charles Kennedy"); a person's name is followed by none of these
# ("Jackson spokesman" is a person's, and in "Beckham shares his secret" shares
# is a verb), nor preceded ("Wikileaks publisher Julian Assange", "Broadway
# producer Gary Goddard", "camera operator", "film maker" name people).
# What only a company is called just before its name, and what only follows one.
_COMPANY_WORDS = (
    "firm|company|conglomerate|lender|insurer|carrier|airline|retailer|supermarket|"
    "manufacturer|broadcaster|utility"
)
_COMPANY_PARTS = "chairman|chief executive|shareholders|directors|executives|subsidiary"
_BODY_BEFORE = re.compile(
    rf"\b(?:{_COMPANY_WORDS}|giant|group|bank|chain|network|club|side|party|label|studio|"
    r"agency|regulator|watchdog)\s+$"
)
_BODY_AFTER = re.compile(
    rf"^\s+(?:{_COMPANY_PARTS}|striker|midfielder|defender|goalkeeper|winger|keeper|leader|"
    r"MPs|stake|board|employees|workers|staff|headquarters)\b"
)


def _bodies(text: str, mentions: Sequence[Mention]) -> set[str]:
    """The bare names the model reads as people ("Yukos", "Manchester United")
    that ``text`` writes somewhere as those of companies, clubs or parties (not
    "French striker ...", a people's name: only mentions read as people)."""
    people = [m for m in mentions if m.kind == "person"]
    return _written_as(text, people, _BODY_BEFORE, _BODY_AFTER, 20)


def _written_as(
    text: str, mentions: Sequence[Mention], before: re.Pattern[str], after: re.Pattern[str],
    reach: int,
) -> set[str]:  # fmt: skip
    """The bare names of ``mentions`` that ``text`` writes somewhere with
    ``before`` ending the 30 characters before one, or ``after`` opening the
    ``reach`` characters after it."""
    found = set()
    for mention in mentions:
        if before.search(text[max(0, mention.start - 30) : mention.start]) or after.match(
            text[mention.end : mention.end + reach]
        ):
            found.add(_bare(mention.text))
    return found


# What only a company's name follows or is followed by, for a one-word name the
# model reads as a place ("gas giant Gazprom", "BT chief executive Ben
# Verwaayen"); not "Asian giant China", "Detroit workers" nor "Tokyo shares".
_COMPANY_BEFORE = re.compile(
    r"\b(?:(?:oil|gas|energy|telecoms?|phone|mining|media|drinks|drugs|software|internet|"
    rf"search|retail|banking|chemicals|steel|car|computer|electronics|food)\s+giant|"
    rf"{_COMPANY_WORDS}|maker|operator)\s+$"
)
_COMPANY_AFTER = re.compile(rf"^(?:'s)?\s+(?:{_COMPANY_PARTS})\b")


def _companies(text: str, mentions: Sequence[Mention]) -> set[str]:
    """The one-word names the model reads as places that ``text`` writes somewhere
    as a company's."""
    places = [m for m in mentions if m.kind == "place" and " " not in m.text.strip()]
    return _written_as(text, places, _COMPANY_BEFORE, _COMPANY_AFTER, 22)


_DETERMINER = re.compile(r"(?:^|\W)(?:the|an|a)\s+$")


def _things(text: str, mentions: Sequence[Mention]) -> set[str]:
    """The one-word names the model reads as people that ``text`` writes after
    "the", "a" or "an" at least half the times it names them ("the Premiership",
    "an Oscar for"), not before a noun ("the Gershon review"): a thing's name, not
    a person's ("the Blair government" once among many "Blair" is still his)."""
    after: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for mention in mentions:
        if mention.kind != "person" or " " in mention.text.strip():
            continue
        bare = _bare(mention.text)
        total[bare] += 1
        if _DETERMINER.search(text, max(0, mention.start - 5), mention.start):
            noun = _NEXT_WORD.match(text, mention.end)  # "the Gershon review": his
            if noun is None or noun.group(1) in _function_words():
                after[bare] += 1
    people = {m.text.split()[-1] for m in mentions if m.kind == "person" and m.text.split()}
    return {name for name, n in after.items() if 2 * n >= total[name] and not _family(name, people)}


def _family(name: str, people: set[str]) -> bool:
    """A family named in the plural ("the Obamas" beside "Obama")."""
    return name.endswith("s") and (name[:-1] in people or name[:-2] in people)


_NEXT_WORD = re.compile(r"\s+([a-z]+)")


def _a_surname_in_capitals(mention: Mention, bare: str, surnames: set[str]) -> bool:
    """Whether a name in capitals is the surname of a person named here: "LARA"
    of a wire's headline after "Brian Lara", "TRUMP" the model read as an
    organisation; never a town ("WASHINGTON" of a dateline, beside Denzel
    Washington), which the model or the dateline labelled a place."""
    return KINDS.get(mention.label) != "place" and bare.isupper() and bare.title() in surnames


def _written_small(text: str | None, name: str) -> bool:
    """Whether ``text`` writes the name as a common word too ("Will", "Rose")."""
    return text is not None and re.search(rf"\b{re.escape(name.lower())}\b", text) is not None


def _a_place(name: str) -> bool:
    """Whether a gazetteer knows the name as a place ("Jordan", "Victoria")."""
    return is_known_place(alias_key(name))


def _voted(votes: Counter[tuple[str, str]]) -> tuple[str, str]:
    """The most common (kind, label), the model's labels before the backoff's."""
    labelled = Counter({vote: n for vote, n in votes.items() if vote[1]})
    return (labelled or votes).most_common(1)[0][0]
