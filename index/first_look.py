"""A first look at what other sources say about a new article, before the
corpus-wide pass has compared it with every other.

The corpus-wide pass (:mod:`index.corpus_pass`) reads the whole corpus: on a
large folder it takes minutes after one article is added. Meanwhile the new
article is already searchable and readable; its cross-source views are
computed here from its neighbourhood alone: the articles a search for its
names and title words finds, with the other articles of their stories (as the
last pass grouped them). The same pass runs over that neighbourhood and a
few articles spread over the corpus (so that the neighbourhood's subject
does not look like what every report writes), so the views are of the same
kind and the same rules decide them; only what lies outside the
neighbourhood is missing. They are committed with the article,
listed as a first look, and replaced by the pass's own when it is saved.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from .engines.base import Engine, Reader
from .store import unpack

# More new articles than this in one update wait for the pass: a first look
# is for the few reports a desk drops in, not for a folder read again.
MAX_NEW = 8
SEARCH_WORDS = 24  # words of the new article searched for
PASSAGES_SEARCHED = 200  # passages a search returns, grouped by article
NEAREST = 10  # articles taken from the search
STORIES_OF = 3  # the stories of the nearest this many join the neighbourhood
MAX_ARTICLES = 60  # the neighbourhood of one new article, at most
# Articles spread over the whole corpus compared with the neighbourhood: the
# pass weighs words and names by how rare they are, and a neighbourhood alone
# (all about one subject) would make its subject's words common and split its
# stories.
BACKGROUND = 50

_WORD = re.compile(r"[^\W\d_]{3,30}")  # a run of letters: no query syntax, bounded
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[-'][A-Za-z]+)?\b", re.MULTILINE)
# Words too common in news to tell one report from another (the search engine
# drops its own stop words; these are the ones it keeps).
# fmt: off
_COMMON = frozenset([
    "said", "says", "also", "would", "could", "their", "there", "they", "this", "that", "with",
    "from", "have", "been", "were", "which", "when", "will", "what", "after", "more", "than",
    "about", "over", "into", "other", "some", "such", "only", "just", "year", "years", "time",
    "like", "told", "people", "first", "last", "week", "month", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "june", "july", "august", "september", "october", "november", "december", "news",
    "reuters", "associated", "press",
])
# fmt: on


def search_words(title: str | None, text: str) -> list[str]:
    """The words a search for an article's neighbours asks for, at most
    :data:`SEARCH_WORDS`: its title's words (half of them at most: a scraped
    page's first line can be a paragraph), then the names its text writes most
    (capitalised words not at the start of a sentence), then its most written
    longer words."""
    chosen: dict[str, None] = {}
    for word in _WORD.findall(title or ""):
        if len(chosen) >= SEARCH_WORDS // 2:
            break
        if word.lower() not in _COMMON:
            chosen.setdefault(word.lower())
    names = Counter(w.lower() for w in _NAME.findall(text) if w.lower() not in _COMMON)
    for word, _ in names.most_common():
        if len(chosen) >= SEARCH_WORDS * 2 // 3:
            break
        chosen.setdefault(word)
    words = Counter(
        w for w in (m.lower() for m in _WORD.findall(text)) if len(w) > 4 and w not in _COMMON
    )
    for word, _ in words.most_common():
        if len(chosen) >= SEARCH_WORDS:
            break
        chosen.setdefault(word)
    return list(chosen)


def neighbours(reader: Reader, engine: Engine, blob: Mapping[str, Any]) -> list[str]:
    """The ids of the articles a search for ``blob``'s words ranks first (its
    own id left out: a changed article's old text is still in the index)."""
    article = blob["article"]
    words = search_words(article.get("title"), article.get("text", ""))
    if not words:
        return []
    query = engine.parse(" OR ".join(words))
    found: dict[str, list[float]] = defaultdict(list)
    for fields, score, _ in reader.search(query, PASSAGES_SEARCHED).rows:
        other = fields.get("article")
        if other and other != article["id"]:
            found[other].append(score)
    # An article by its three best passages: one long report is not ranked
    # above a short one for writing the same words more often.
    ranked = sorted(found, key=lambda a: (-sum(sorted(found[a])[-3:]), a))
    return ranked[:NEAREST]


def neighbourhood(
    reader: Reader, engine: Engine, blob: Mapping[str, Any], members: Mapping[str, Sequence[str]]
) -> list[str]:
    """The articles a first look compares ``blob``'s with: its nearest by a
    search, and the other articles of the stories of the nearest few
    (``members``: each article's story's articles, as the last pass grouped them)."""
    chosen: dict[str, None] = {}
    for rank, aid in enumerate(neighbours(reader, engine, blob)):
        chosen.setdefault(aid)
        if rank < STORIES_OF:
            chosen.update(dict.fromkeys(members.get(aid, ())))
    chosen.pop(blob["article"]["id"], None)
    return list(chosen)[:MAX_ARTICLES]


def first_views(
    reader: Reader,
    engine: Engine,
    fresh: Mapping[str, dict[str, Any]],
    stories: list[dict[str, Any]],
    summarise: Callable[..., dict[str, Any]],
    listed: Collection[str],
) -> dict[str, Any]:
    """The cross-source views of the ``fresh`` articles (their analyses, by
    id) as the corpus-wide pass ``summarise`` gives them over their
    neighbourhoods; {} when there are more than :data:`MAX_NEW`. ``reader`` is
    the last commit, ``stories`` its stories; only articles still ``listed``
    (not deleted since) are compared, with :data:`BACKGROUND` of them spread
    over the corpus."""
    if not fresh or len(fresh) > MAX_NEW:
        return {}
    members = {aid: story["articles"] for story in stories for aid in story.get("articles", ())}
    chosen = [
        aid for blob in fresh.values() for aid in neighbourhood(reader, engine, blob, members)
    ]
    ids = sorted(listed)
    chosen += ids[:: max(1, len(ids) // max(1, BACKGROUND))][:BACKGROUND]
    analyses: dict[str, dict[str, Any]] = dict(fresh)
    for aid in chosen:
        if aid in analyses or aid not in listed:
            continue
        doc = reader.get("blob", f"blob:{aid}")
        if doc is not None:
            analyses[aid] = unpack(doc["data"])
    state = summarise(analyses, memo=None, changed=set(fresh))
    views = state.get("views", {})
    return {aid: views[aid] for aid in fresh if aid in views}
