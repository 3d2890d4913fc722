"""The merge: every rule applied in order, and the entities made of what they join.

:func:`linked` (nodes built, then each family of rules), the clusters the links
make, kinds corrected from a whole entity's names and text, common nouns joined
to their entities, and :func:`merge` and :func:`named` building the entities. Apart
from the rules, which it only calls, and from how entities are named.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field, replace

from ..gazetteer import KNOWN_ACRONYMS, is_major_place, place_of
from ..mentions import PERSON_BEFORE, PERSON_SHOWN
from ..model import Alias, Entity, EntityMention, Mention, Passage
from ..names import ROLES, SMALL_WORDS, alias_key, given_names
from ..passages import PassageLocator
from ..references import Reference, StoryReference
from .acronyms import CorpusText, _link_abbreviations
from .companies import _companies_named, _link_teams, _schools_as_teams
from .display import _DESCRIBING, _STYLES, _display_name, _ids, _with_ids
from .keys import _spelling
from .kinds import _PLACE_STARTS, _kind, _nodes, _people_by_story
from .misspellings import _link_misspellings, _link_written_alike
from .nodes import NAMED_KINDS, _Context, _Links, _Node
from .organisations import _link_organisations
from .people import _link_nicknames, _link_people
from .places import _link_facilities, _link_groups, _link_places

# -- entities --------------------------------------------------------------------------


def merge(
    mentions: Mapping[str, Sequence[Mention]],
    sources: Mapping[str, str | None],
    passages: Mapping[str, Sequence[Passage]] | None = None,
    groups: Mapping[str, str] | None = None,
    text: CorpusText | None = None,
    references: Mapping[str, Sequence[Reference]] | None = None,
    story_references: Sequence[StoryReference] = (),
) -> list[Entity]:
    """Canonical entities of a corpus, most mentioned first (deterministic).

    ``groups`` (article id -> story id) lets a bare surname join the full name used
    in its own story; dates and numbers are not entities and are skipped.
    ``text``, the passages' :class:`CorpusText`, is given to share what it reads
    between merges of one corpus. ``references`` (article id -> the common nouns
    of :mod:`index.references`) join the entity of the mention they stand for as
    mentions marked ``common``, never as one of its names; so do ``story_references``
    (a headline's noun for a person its story's other articles call so) where all
    the mentions they point to are one entity.
    """
    nodes, links = linked(mentions, passages or {}, groups or {}, text)
    clusters = _clusters(nodes, links)
    common = _referring(nodes, links, references or {}, story_references)
    locate = PassageLocator(passages or {})
    described = _groups(nodes)
    entities = [
        _entity(members, sources, locate, common.get(root, ()), described)
        for root, members in clusters.items()
    ]
    entities.sort(key=_rank)
    return _with_ids(entities)


@dataclass(frozen=True)
class Named:
    """What story grouping reads of an entity of :func:`merge`: its id, name,
    kind and the articles that name it."""

    id: str
    name: str
    kind: str
    articles: frozenset[str]
    # how many times each article names it, by article id
    mentions: Mapping[str, int] = field(default_factory=dict, hash=False)


def named(
    mentions: Mapping[str, Sequence[Mention]],
    passages: Mapping[str, Sequence[Passage]] | None = None,
    text: CorpusText | None = None,
) -> list[Named]:
    """The entities :func:`merge` makes of these mentions (no stories, no
    references), in its order and with its ids, names and kinds, without
    the passages, spellings and sources of their mentions: what grouping
    articles into stories reads, for a fraction of the merge's work."""
    nodes, links = linked(mentions, passages or {}, {}, text)
    described = _groups(nodes)
    found: list[tuple[tuple[int, str, str, str, int], Named]] = []
    for members in _clusters(nodes, links).values():
        counts: Counter[str] = Counter()
        articles: set[str] = set()
        per_article: Counter[str] = Counter()
        first: tuple[str, int, int] | None = None
        for node in members:
            for article, mention in node.mentions:
                counts[_spelling(mention.text)] += 1
                per_article[article] += 1
                place = (article, mention.start, mention.end)
                if first is None or place < first:
                    first = place
            articles |= node.articles
        assert first is not None  # a node has mentions
        kind = _kind(members)
        name = _display_name(counts, kind, described)
        size = sum(counts.values())
        found.append(
            (
                (-size, name, kind, first[0], first[1]),
                Named("", name, kind, frozenset(articles), dict(per_article)),
            )
        )
    found.sort(key=lambda pair: pair[0])  # stable, as merge's sort of its entities
    ids = _ids([(e.kind, e.name) for _, e in found])
    return [replace(e, id=eid) for (_, e), eid in zip(found, ids, strict=True)]


def _groups(nodes: list[_Node]) -> frozenset[str]:
    """The keys of the corpus's names of groups: peoples and parties ("kenyan",
    "tory", "lib dem"), which describe a person named after them."""
    return frozenset(node.key for node in nodes if node.kind == "group")


def _clusters(nodes: list[_Node], links: _Links) -> dict[int, list[_Node]]:
    """The nodes of each entity, by its root, in the nodes' order."""
    clusters: dict[int, list[_Node]] = defaultdict(list)
    for i, node in enumerate(nodes):
        clusters[links.root(i)].append(node)
    return clusters


def linked(
    mentions: Mapping[str, Sequence[Mention]],
    passages: Mapping[str, Sequence[Passage]],
    groups: Mapping[str, str],
    text: CorpusText | None = None,
) -> tuple[list[_Node], _Links]:
    """The nodes of a corpus's mentions and what the rules join of them."""
    text = text or CorpusText(passages)
    common = text.common_words()
    mentions = _without_shouting(mentions, common)
    mentions = _without_openers(mentions, text)
    mentions = _without_lone_openers(mentions, text)
    if groups:  # what a reader sees; grouping reads the model's spans
        mentions = _titled_people(mentions, common)
    nodes = _companies_named(_schools_as_teams(_people_by_story(_nodes(mentions, groups))))
    links = _Links(nodes)
    # A nickname joins a person of its story: before stories are known (what story
    # grouping reads), "Jim Clyburn" and "James E. Clyburn" stay apart, or two
    # stories about one politician would share one more entity. A bare name joins
    # beyond its article as before: for grouping, a common word two reports share
    # ("run" of "hit and run") says something of their subject.
    # Stories known: a name beyond its story reads the names around it.
    context = _Context(nodes) if groups else None
    _link_people(nodes, links, text, context)
    _link_nicknames(nodes, links)
    _link_abbreviations(nodes, links, text.spelled_out(mentions))
    _link_organisations(nodes, links, common, context)
    _link_places(nodes, links)
    _link_groups(nodes, links)
    _link_teams(nodes, links, common)
    _link_facilities(nodes, links)
    if groups:  # stories known: other writings of a name are read within its story
        _link_written_alike(nodes, links)
        _link_misspellings(nodes, links, common)
    _kinds_corrected(nodes, links, text, events=bool(groups))
    return nodes, links


def _kinds_corrected(nodes: list[_Node], links: _Links, text: CorpusText, events: bool) -> None:
    """Each merged entity's kind where its names or its text say more than the
    model's votes (see :func:`_an_event`, :func:`_shown_a_person`); ``events``:
    the kinds a reader sees (grouping reads the model's)."""
    leads = _leads(nodes) if events else frozenset()
    for members in _clusters(nodes, links).values():
        if events and _an_event(members):
            kind = "event"
        elif events and _a_people_noun(members, text, leads):
            kind = "group"
        elif _shown_a_person(members, text):
            kind = "person"
        elif _shown_a_place(members, text) or _named_as_a_place(members):
            kind = "place"
        else:
            continue
        for node in members:
            node.kind, node.corrected = kind, True


# What a competition, a festival or a ceremony's name ends with ("Davis Cup",
# "Chennai Open", "London Marathon", "Berlin Film Festival", "Brit Awards"): an
# event, whatever the model read ("Davis" is a town). Not "Games" ("Argonaut
# Games", a company), "Series" or "War" (a film's title).
_EVENT_HEADS = frozenset(
    {"cup", "open", "championship", "championships", "olympics", "festival", "marathon",
     "prix", "tournament", "awards"}
)  # fmt: skip


def _an_event(members: list[_Node]) -> bool:
    """Whether an entity's most used name of several words is a competition's, a
    festival's or a ceremony's (:data:`_EVENT_HEADS`), used at least a third as
    often as its most used name (as :func:`_display_name` counts a full name):
    an event, whatever the model read, with all its names ("Davis Cup", a place
    by the town; "Heineken Cup" and "Heineken" in a rugby report; "Academy
    Awards" and "Academy Award"; not Ulster, once "Ulster Schools' Cup")."""
    named = [node for node in members if " " in node.key]
    if not named:
        return False
    top = max(named, key=lambda node: (len(node.mentions), node.key))
    most = max(len(node.mentions) for node in members)
    return (
        top.key.split()[-1] in _EVENT_HEADS
        and 3 * len(top.mentions) >= most
        and _kind(members) != "event"
    )


def _mentions_of(members: list[_Node]) -> list[tuple[str, Mention]]:
    """Every mention of an entity's nodes, with its article."""
    return [(article, mention) for node in members for article, mention in node.mentions]


def _shown_a_person(members: list[_Node], text: CorpusText) -> bool:
    """Whether an entity the model read as an organisation or a thing, named in
    full and by the last word of that name alone, is a person: a quarter of its
    mentions follow a person's role or title, or open with one ("England coach
    Sven-Goran Eriksson" and "Eriksson", "France captain Fabien Pelous" and
    "Pelous"; the model reads many foreign names as organisations). Teams named
    by their last word ("Newcastle Falcons", "Falcons") are not written after a
    role."""
    keys = {node.key for node in members}
    if not any(" " in key and key.split()[-1] in keys for key in keys):
        return False
    if _kind(members) not in ("organisation", "other"):
        return False
    found = _mentions_of(members)
    shown = sum(
        text.role_before(article, mention.start)
        or mention.text.split()[0].lower().rstrip(".") in PERSON_BEFORE
        for article, mention in found
    )
    return bool(shown) and 4 * shown >= len(found)


# What opens a mountain's, a lake's, a river's or an island's name ("Mount
# Sefton", "Loch Lomond", "River Thames", "Isle of Wight"), and what ends an
# institution's or a building's named after one ("Mount Kisco Medical Group",
# "Mount Sinai Hospital").
_PLACE_OPENINGS = frozenset({"mount", "mt", "lake", "loch", "river", "isle"})
_NOT_A_PLACE_ENDS = frozenset(
    {"hospital", "medical", "group", "school", "college", "university", "academy",
     "church", "hotel", "room", "club", "centre", "center", "company", "bank",
     "institute", "clinic", "primary", "high", "house", "restaurant", "bivvy", "hut"}
)  # fmt: skip


def _named_as_a_place(members: list[_Node]) -> bool:
    """Whether an entity the model read as a person, an organisation, a thing or
    a group is named as a mountain, a lake, a river or an island is: every name
    of it opens with "Mount", "Lake", "Loch", "River" or "Isle" and goes on with
    a capitalised word, and none ends like an institution's or a building's
    ("Mount Sinai Hospital", "Mt Sefton Bivvy")."""
    for node in members:  # the names first: the kind's vote reads every mention
        words = node.key.split()
        if len(words) < 2 or words[0] not in _PLACE_OPENINGS or words[-1] in _NOT_A_PLACE_ENDS:
            return False
    return _kind(members) in ("person", "organisation", "other", "group")


def _shown_a_place(members: list[_Node], text: CorpusText) -> bool:
    """Whether an entity the model read as a person, an organisation or a
    thing, every name of it a town or a country the gazetteer knows, is that
    place: a quarter of its mentions are written as a place's ("the port city
    of Bandar Abbas", "southwest of Bandar Abbas", "Ortiz, of Diamond Bar",
    "the Diamond Bar resident", "Twin Falls, Idaho"; see
    :meth:`CorpusText.placed`) and none after a person's role or title (a "Mr
    Warren" is no town). Not a team named by its town."""
    if _kind(members) not in ("person", "organisation", "other"):
        return False
    if any(node.team is not None or place_of(node.key, False) is None for node in members):
        return False
    found = _mentions_of(members)
    if any(text.role_before(article, mention.start) for article, mention in found):
        return False
    shown = sum(text.placed(article, mention.start, mention.end) for article, mention in found)
    return bool(shown) and 4 * shown >= len(found)


def _leads(nodes: list[_Node]) -> frozenset[str]:
    """The words a person's span opens with before a full name the corpus
    names without them ("briton" of "Briton Tim Henman" beside "Tim Henman")."""
    people = {node.key for node in nodes if node.kind == "person"}
    return frozenset(
        words[0]
        for key in people
        if len(words := key.split()) > 2 and " ".join(words[1:]) in people
    )


def _a_people_noun(members: list[_Node], text: CorpusText, leads: Set[str]) -> bool:
    """Whether an entity the model read as a person is a word for a people's
    member ("the Briton", "the Welshman", "the Scot"): one word, no title nor
    style, written before a full name the corpus also names without it
    ("Briton Tim Henman"; see :func:`_leads`), and after "the" in half its
    mentions or more. A group, which describes the person it comes before."""
    keys = {node.key for node in members}
    if len(keys) != 1 or _kind(members) != "person":
        return False
    (key,) = keys
    if " " in key or key not in leads or key in ROLES or key in _STYLES:
        return False
    found = _mentions_of(members)
    after = sum(text.after_the(article, mention.start) for article, mention in found)
    return 2 * after >= len(found)


def _without_shouting(
    mentions: Mapping[str, Sequence[Mention]], common: set[str]
) -> Mapping[str, Sequence[Mention]]:
    """``mentions`` without a word of six letters or more written only in
    capitals that the corpus otherwise writes in lower case: a table's or a
    headline's "RESULTS", "STANDINGS", "HALFTIME" (an acronym is shorter; a
    name written in mixed case anywhere, "EAGLES" beside "Eagles", stays)."""
    spellings = {m.text.strip() for found in mentions.values() for m in found}
    shouted = {
        key
        for text in spellings
        if text.isupper()
        and len(key := text.lower()) >= 6
        and key.isalpha()
        and key in common
        and key not in KNOWN_ACRONYMS
    }
    shouted -= {text.lower() for text in spellings if not text.isupper()}
    if not shouted:
        return mentions
    return {
        article: [m for m in found if m.text.strip().lower() not in shouted]
        for article, found in mentions.items()
    }


def _without_openers(
    mentions: Mapping[str, Sequence[Mention]], text: CorpusText
) -> Mapping[str, Sequence[Mention]]:
    """``mentions`` without a first word that a person's name took in only because
    it opened the sentence: what the person is or how the writer saw them
    ("Archaeologist Giles Hamm was surveying", "Frail Robert Durst sentenced",
    "Landlocked Mali has to import", a video's "CLOSE" before "Kevin Spacey").
    Such a word is one the corpus writes in lower case and no given name, every
    mention of the name opens a sentence or a line, and the rest is a name of
    its own in the corpus or a person's by its form ("Prop Martin
    Castrogiovanni": a given name first): a full name, or one word after a
    role ("Rapper Eminem") or naming a place ("Mali"). Not a style ("Lady
    Boothroyd") nor what opens a place's name ("North Devon"); not "Cat Deeley"
    or "Miles Shipside", whose first word, a given name the list lacks, comes
    before one word."""
    common = text.common_words()
    spellings = {m.text for spans in mentions.values() for m in spans}
    key_of = {spelling: alias_key(spelling) for spelling in spellings}
    keys = set(key_of.values())
    wanted: dict[str, str] = {}  # a candidate's key -> the key of the rest
    for key in keys:
        first, _, rest = key.partition(" ")
        if (
            rest
            and (rest in keys or _a_full_name(rest))
            and first in common
            and first not in given_names()
            and first not in _NAME_OPENERS
        ):
            wanted[key] = rest
    if not wanted:
        return mentions
    asked = set(wanted) | set(wanted.values())
    asked_texts = {spelling: key for spelling, key in key_of.items() if key in asked}
    found: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    for article, spans in mentions.items():
        for mention in spans:
            if mention.text in asked_texts:
                found[asked_texts[mention.text]].append((article, mention))
    cut: dict[tuple[str, int], Mention] = {}
    for key, rest in wanted.items():
        named, first = found[key], key.split(" ", 1)[0]
        if (
            not any(m.kind == "person" for _, m in named)
            or not (" " in rest or first in ROLES or _a_place(rest, found[rest]))
            or not all(text.opens_sentence(a, m.start) for a, m in named)
        ):
            continue
        # A role says the rest is a person ("Rapper Eminem"): what the text
        # shows of the one word left, as a role before it would.
        role = first in ROLES
        for article, mention in named:
            words = mention.text.split(None, 1)
            if len(words) == 2:
                at = mention.text.index(words[1], len(words[0]))
                cut[article, mention.start] = Mention(
                    mention.start + at,
                    mention.end,
                    mention.text[at:],
                    "person" if role else mention.kind,
                    PERSON_SHOWN if role else mention.label,
                )
    if not cut:
        return mentions
    return {
        article: [cut.get((article, m.start), m) for m in spans]
        for article, spans in mentions.items()
    }


# Words of a person's office before a name, beyond display._DESCRIBING: "Sheriff Arpaio",
# "Special Counsel Mueller", "Leader Pelosi". Not a style, which is part of the
# name ("Prince Charles", "Lord Sainsbury"), nor "General", a company's as often
# ("General Mills").
_OFFICES = (
    _DESCRIBING
    | {"sheriff", "special", "counsel", "commissioner", "prosecutor", "agent", "trooper",
       "marshal", "speaker", "leader", "representative", "insp"}
) - {"general"}  # fmt: skip


def _titled_people(
    mentions: Mapping[str, Sequence[Mention]], common: Set[str]
) -> Mapping[str, Sequence[Mention]]:
    """``mentions`` with an organisation or a thing that is a person's title
    before a name the corpus gives a person made that person, without the
    title: "Dr Nielsen" (which the model read as an organisation eight times
    in BBC News, beside one Jakob Nielsen), "Sheriff Arpaio", "Judge Gorsuch",
    "Special Counsel Mueller's", "Gen Pervez Musharraf". The name is a
    person's in full or a full name's last word, not one the corpus writes in
    lower case ("General Mills", "Vice City", "Justice Department" stay), nor
    one of small words ("Prince of Wales"); the title is not written in
    capitals ("DR Congo")."""
    people: set[str] = set()
    surnames: set[str] = set()
    for spans in mentions.values():
        for mention in spans:
            if mention.kind == "person":
                key = alias_key(mention.text)
                people.add(key)
                if " " in key:
                    surnames.add(key.rsplit(" ", 1)[1])
    surnames -= common
    changed: dict[str, list[Mention]] = {}
    for article, spans in mentions.items():
        found = [_titled_person(m, people, surnames) for m in spans]
        if any(new is not old for new, old in zip(found, spans, strict=True)):
            changed[article] = found
    return {**mentions, **changed} if changed else mentions


def _titled_person(mention: Mention, people: Set[str], surnames: Set[str]) -> Mention:
    """One mention as :func:`_titled_people` reads it."""
    if mention.kind not in ("organisation", "other"):
        return mention
    words = [(w.start(), w.group()) for w in re.finditer(r"\S+", mention.text)]
    titles = 0
    while titles < len(words) - 1 and words[titles][1].lower().rstrip(".") in _OFFICES:
        titles += 1
    rest = words[titles:]
    if not titles or words[0][1].isupper() or len(rest) > 3:
        return mention
    if not all(word[:1].isupper() for _, word in rest):
        return mention
    name = mention.text[rest[0][0] :]
    key = alias_key(name)
    if key not in (people if " " in key else surnames):
        return mention
    if any(word in SMALL_WORDS for word in key.split()):
        return mention
    return Mention(mention.start + rest[0][0], mention.end, name, "person", "PERSON")


def _without_lone_openers(
    mentions: Mapping[str, Sequence[Mention]], text: CorpusText
) -> Mapping[str, Sequence[Mention]]:
    """``mentions`` without a word alone that is capitalised only because it opens
    the sentence or the line wherever the corpus names it ("Keep reading",
    "Outrage followed", "Millions of people"): a word the corpus writes in lower
    case, no given name, no acronym, no word of a longer name ("Grant said" of
    Cary Grant), nor a title in quotes ('"Glee" actress')."""
    common = text.common_words()
    found: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    in_names: set[str] = set()  # the words of longer names ("Grant" of "Cary Grant")
    for article, spans in mentions.items():
        for mention in spans:
            if mention.kind not in NAMED_KINDS:
                continue
            key = alias_key(mention.text)  # memoised: a corpus repeats its names
            if " " in key:
                in_names.update(key.split())
            elif key in common and key not in given_names() and key not in KNOWN_ACRONYMS:
                found[key].append((article, mention))
    for key in in_names & found.keys():
        del found[key]
    dropped = {
        (article, mention.start)
        for named in found.values()
        if all(
            text.opens_sentence(a, m.start)
            and not m.text.isupper()  # "(ODD)", an acronym the text spells out
            and not text.quoted(a, m.start, m.end)
            for a, m in named
        )
        for article, mention in named
    }
    if not dropped:
        return mentions
    return {
        article: [m for m in spans if (article, m.start) not in dropped]
        for article, spans in mentions.items()
    }


def _a_full_name(key: str) -> bool:
    """Whether a name reads as a person's in full: a given name (the nickname
    list's) and one word or more ("Jason Little")."""
    given, _, rest = key.partition(" ")
    return bool(rest) and given in given_names()


def _a_place(key: str, found: Sequence[tuple[str, Mention]]) -> bool:
    """Whether a name is a place's: a country or a large city, or most of its
    mentions in the corpus are a place's ("Wales"; not "Wilson", a town too)."""
    places = sum(m.kind == "place" for _, m in found)
    return is_major_place(key) or 2 * places > len(found)


# What opens a person's or a place's name and is part of it ("Lady Boothroyd",
# "Saint Patrick", "North Devon").
_NAME_OPENERS = _STYLES | _PLACE_STARTS | {"lady", "dame", "baron", "baroness"}


def _referring(
    nodes: list[_Node],
    links: _Links,
    references: Mapping[str, Sequence[Reference]],
    story_references: Sequence[StoryReference] = (),
) -> dict[int, list[tuple[str, Reference]]]:
    """The references of each cluster (by its root): a reference joins the cluster
    of the mention it stands for (that mention, or the one covering its start); a
    story's reference joins the one cluster of all the mentions it points to, or
    none."""
    found: dict[int, list[tuple[str, Reference]]] = defaultdict(list)
    if not references and not story_references:
        return found
    wanted = set(references) | {a for r in story_references for a, _ in r.targets}
    spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for i, node in enumerate(nodes):
        for article, mention in node.mentions:
            if article in wanted:
                spans[article].append((mention.start, mention.end, i))

    def cluster(article: str, at: int) -> int | None:
        hits = [i for s, e, i in spans.get(article, ()) if s <= at < e]
        return links.root(hits[0]) if hits else None

    for article, refs in references.items():
        for ref in refs:
            root = cluster(article, ref.target_start)
            if root is not None:
                found[root].append((article, ref))
    for story_ref in story_references:
        roots = {cluster(article, at) for article, at in story_ref.targets}
        named = {root for root in roots if root is not None}
        if len(roots) == 1 and len(named) == 1:
            ref = Reference(story_ref.start, story_ref.end, story_ref.text, -1, -1)
            found[named.pop()].append((story_ref.article, ref))
    return found


def _rank(e: Entity) -> tuple[int, str, str, str, int]:
    """Most mentioned first, then by name; the first mention settles equal names."""
    return -len(e.mentions), e.name, e.kind, e.mentions[0].article, e.mentions[0].start


def _entity(
    members: list[_Node],
    sources: Mapping[str, str | None],
    locate,
    common: Sequence[tuple[str, Reference]] = (),
    described: Set[str] = frozenset(),
) -> Entity:
    """One entity from its nodes: voted kind, aliases with their sources, mentions
    (with the common nouns that stand for it, which add no alias and no vote)."""
    counts: Counter[str] = Counter()
    used_by: dict[str, set[str]] = defaultdict(set)
    found = []
    for node in members:
        for article, mention in node.mentions:
            spelling = _spelling(mention.text)
            counts[spelling] += 1
            if sources.get(article):
                used_by[spelling].add(str(sources[article]))
            found.append(
                EntityMention(article, locate(article, mention.start), mention.start,
                              mention.end, mention.text)
            )  # fmt: skip
    aliases = tuple(
        Alias(text, counts[text], tuple(sorted(used_by[text])))
        for text in sorted(counts, key=lambda t: (-counts[t], t))
    )
    seen = {(m.article, m.start) for m in found}
    for article, ref in common:  # once, whether its article or its story reads it
        if (article, ref.start) not in seen:
            seen.add((article, ref.start))
            located = locate(article, ref.start)
            found.append(EntityMention(article, located, ref.start, ref.end, ref.text, True))
    found.sort(key=lambda m: (m.article, m.start, m.end))
    kind = _kind(members)
    return Entity("", _display_name(counts, kind, described), kind, aliases, tuple(found))
