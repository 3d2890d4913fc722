"""Where an article's mentions are looked for (:func:`title_span`,
:func:`regions`), and names shared between the articles of a story
(:func:`share_names`, :func:`share_in_story`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from ..model import Article, Mention
from .capitalised_runs import _PLURAL_ACRONYM
from .propagation import propagate
from .words import _WORD, NAMED_KINDS


def title_span(article: Article) -> tuple[int, int] | None:
    """Where the title stands in the article's text, when it does (a headline line
    of a text file; not a title that only metadata holds)."""
    if not article.title:
        return None
    limit = article.passages[0].start if article.passages else len(article.text)
    at = article.text.find(article.title, 0, limit + len(article.title))
    if at < 0 or any(p.start < at + len(article.title) and at < p.end for p in article.passages):
        return None
    return at, at + len(article.title)


def regions(article: Article) -> list[tuple[int, int]]:
    """The spans of text that mentions are looked for in: title and passages."""
    title = title_span(article)
    return ([title] if title else []) + [(p.start, p.end) for p in article.passages]


def share_names(
    articles: Mapping[str, Article],
    mentions: Mapping[str, Sequence[Mention]],
    groups: Mapping[str, str],
) -> dict[str, list[Mention]]:
    """Each article's mentions plus the names that other articles of its story
    recognise and it repeats where the model missed them (often as a sentence's
    first word, "Chargers defensive tackle Jamal Williams..."): a story's articles
    name the same people, places and organisations. A full name (two words or
    more) is looked for as it is; a one-word name only where the model tagged it
    in two articles of the story and the article never writes it in lower case
    ("Police" is no name where it writes "police")."""
    result = {aid: list(found) for aid, found in mentions.items()}
    for members in story_members(articles, groups):
        result.update(share_in_story(articles, mentions, members))
    return result


def story_members(articles: Iterable[str], groups: Mapping[str, str]) -> list[list[str]]:
    """The articles of each story of more than one article, each list sorted:
    the stories :func:`share_names` shares names in."""
    by_story: dict[str, list[str]] = defaultdict(list)
    for article in sorted(articles):
        by_story[groups.get(article, article)].append(article)
    return [members for members in by_story.values() if len(members) > 1]


def share_in_story(
    articles: Mapping[str, Article],
    mentions: Mapping[str, Sequence[Mention]],
    members: Sequence[str],
) -> dict[str, list[Mention]]:
    """:func:`share_names` in one story: its articles' mentions with the names
    shared (it reads nothing of the corpus beyond these articles)."""
    full = [m for aid in members for m in mentions.get(aid, ()) if " " in m.text.strip()]
    single = _story_words(members, mentions)
    result = {}
    for aid in members:
        own, text = mentions.get(aid, []), articles[aid].text
        lower = {w for w in _WORD.findall(text) if w.islower()}
        known = full + [m for m in single if m.text.lower() not in lower]
        result[aid] = propagate(text, own, regions(articles[aid]), known)
    return result


def _story_words(
    members: Sequence[str], mentions: Mapping[str, Sequence[Mention]]
) -> list[Mention]:
    """The one-word names the model itself tagged (not a rule's guess) in at least
    two articles of a story, one mention of each per article; not a class of
    people in capitals ("MPs")."""
    seen: dict[str, dict[str, Mention]] = defaultdict(dict)
    for aid in members:
        for mention in mentions.get(aid, ()):
            word = mention.text
            if (mention.label and mention.kind in NAMED_KINDS and _WORD.fullmatch(word)
                    and not _PLURAL_ACRONYM.fullmatch(word)):  # fmt: skip
                seen[word].setdefault(aid, mention)
    return [m for found in seen.values() if len(found) >= 2 for m in found.values()]
