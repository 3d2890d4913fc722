"""The index on disk, read back: where it lives, and its documents as newsdesk data.

Four kinds of document share one index: ``file`` (one per corpus file, with
its size, mtime and hash for incremental runs, or why it was skipped),
``article`` (light metadata for listing), ``blob`` (an article's full text,
passages, mentions and facts, compressed) and ``passage`` (what search finds).
One ``state`` document holds what is computed over the whole corpus, and one
``catalog`` document what opening the index needs at once (every file's size,
mtime and hash, the skipped files, every article's metadata): one read instead
of a pass over every stored document. All of them are written in one commit,
so a reader always sees one consistent run. A document is found by its kind
and uid together: a file's name can spell any uid (``__catalog__``,
``blob:a.txt``), never another kind. Which engine keeps them is the
:mod:`index.engines`' business.
"""

from __future__ import annotations

import json
import os
import threading
import zlib
from pathlib import Path
from typing import Any

import orjson

from . import engines
from .corpus import Corpus
from .engines.base import Engine, Reader
from .errors import IndexError_, IndexLocked
from .folder import claim
from .model import Article, Passage, Skipped, Story

__all__ = ["IndexError_", "IndexLocked", "IndexOutdated", "Store"]

STATE_UID = "__state__"
CATALOG_UID = "__catalog__"
LISTING_UID = "__listing__"
LISTING_HEAD_UID = "__listing_head__"
STORIES_UID = "__stories__"
ARTICLES_UID = "__articles__"
FORMAT_UID = "__format__"
# An update commits its new and changed articles before the corpus-wide pass
# compares them (see ``index.build``): this document, kind "state", lists them
# until the pass is committed. An index holding it is not current.
PENDING_UID = "__pending_pass__"
MEMO_SIZE = 16
# The version of the corpus-wide comparison (``index.corpus_pass``) the stored
# stories, views and matrices come from, kept in a small document of kind
# "state": raised when a change to the comparison changes what they hold. An
# index compared by another version is compared again on its next update: the
# pass alone, no article is read or analysed again.
# 2: figures an order of magnitude apart, of different organisations or of
# another day than the story's never differ
# 3: a group of figures is named by those that give it its relation, and by
# the story's day, not another day recalled
# 4: a month named in a sentence in the past perfect is a period before the event
# 5: a place usually written in capitals ("US") keeps them in its name
# 6: a people named in the plural is the one named in the singular ("Tories", "Tory")
# 7: a story is named by the title its other articles' words fit best, not by the
# shortest (a page's furniture read as a headline names none); a name of several
# words read as a person in the plural and the singular is a group ("Lib Dems")
# 8: a one-word "person" nothing in the corpus gives a person is not one; a bare
# given name is the one person of its story named in full with it ("Elvis")
# 9: figures whose sentences place them in different countries never differ, nor
# does what someone seeks ("prosecutors sought a 10-year sentence") with what was done
# 10: a place no gazetteer knows or a "person" is the company its article names by
# a legal name beginning with it ("Newmont" beside "Newmont Mining Corp")
# 11: a figure's period is read in its own clause; a one-word count one named
# speaker gives in two reports is compared whatever its values
# 12: a time of day is a figure's period ("about 120 students ... at about 3 a.m.")
# 13: a term its sentence says was cut ("with all but six months suspended") is
# compared with no other term
# 14: two names of one kind in one story one letter apart in one word are one
# name ("Reince Priebus", "Reince Preibus")
# 15: so are two written alike but for spaces, hyphens, "of", "for" and "the"
# 16: a page's furniture shared within a story is no name ("Replay")
# 17: a name after a royal style is no surname ("Prince Charles" is no Ray Charles)
# 18: a fixture ("VANCOUVER AT SAN ANTONIO") is two names, as "Dell and HP" is
# 19: a given name with a suffix joins only a full name with it ("Donald Jr.")
# 20: a ship ("INS Mysore", "MV Gibe") is neither a person nor an organisation
# 21: two names glued into a longer one of one article ("NBC News Science
# Facebook") do not both join it
# 22: a body named after an organisation or a place ("United Nations Security
# Council", "Pacific Crest Trail Association") is not it
# 23: a state written as a code is no country ("Va." is not the Vatican), and a
# town's own name no other town's old name ("Milton" is not Kansas City)
# 24: a regnal number is no surname ("Xi" is not "Pius XII")
# 25: a bare surname is the one of two namesakes its article names far more often
# in full ("Gray" is Kimani Gray, not his sister Mahnefah Gray named once)
# 26: a given name and a surname the model calls a person once is a person
# ("Marion Jones", tagged an organisation 9 times of 11)
# 27: a "person" named after a square, a stadium or a school is a place or an
# organisation ("Trafalgar Square", "Morris Knolls High School")
# 28: the given names of 26 read in their romanised forms ("Ewan McGregor")
# 29: a name written after a description gives no given name ("Balco boss Victor
# Conte": "Balco" is not Victor Conte)
# 30: the namesakes of 25 counted by entity, every spelling of a name together
# 31: a bare name its story gives someone as a given name joins no surname of
# another story ("Cruz" of Cruz Riojas is no Ted Cruz)
# 32: a body's name may hold words after its kind ("Chicago Board of Trade" is no
# Chicago)
# 33: a country's ISO code alone is the country only where its story names it
# ("Hamburger SV" is no El Salvador)
# 34: an entity written in capitals in tables is named as its text writes it
# ("CHICAGO": Chicago)
# 35: a word of six letters or more written only in capitals that the corpus
# writes in lower case is no entity ("RESULTS", "EXCLUSIVE")
# 36: a person's name of fewer than six letters is compared as written, its
# romanisation variants being other names ("Scot" is no "Scott", "Bar" no "Barr")
# 37: a longer organisation's name with an acronym of its own spelled out is
# not a shorter name named as often ("Parliamentary Labour Party (PLP)")
# 38: two names glued into one span are apart when each is named twice, not
# five times ("OutKast's Speakerboxxx"), unless the first is a place
# 39: a longer name beginning with a name used ten times as often, two words or
# more of a name of its own after it, is a part of what it names ("Motorola Razr V3")
# 40: a town's name and "police", "court", "school" ... is no name of the town
# ("Woodburn Police Department")
# 41: a person's given name is no other name of a city ("Saul" for Seoul)
# 42: a bare surname is not the one of two namesakes told apart by a suffix that
# is named in full less than half as often ("Trump" beside one "Donald Trump Jr.")
# 43: beyond its story a bare name joins only a full name spelled as it is, and a
# word the corpus writes in lower case only after a title ("Voice over IP" is no
# Robert Voice, "Sherman" no Barry Sheerman; "President Bush" is George W Bush)
# 44: an "organisation" named in full and by its surname alone, after a person's
# role a quarter of the time, is a person ("England coach Sven-Goran Eriksson")
# 45: an entity whose most used name of several words ends with "Cup", "Open",
# "Championships", "Marathon", "Festival", "Awards" ... is an event ("Davis Cup"
# was a place)
# 46: a headline noun its article and its story both read is one mention, not two
# 47: a person is named without the group and the role before the name ("Kenyan
# Bernard Lagat" is Bernard Lagat)
# 48: nor a party's treasurer or whip before it ("Tory Treasurer Lord Ashcroft"
# is Lord Ashcroft)
# 49: a group written in words cut short is the group ("Lib Dems" are the Liberal
# Democrats); "Warner Bros." is Warner Brothers
# 50: a subject names its day and month with a capital ("on Wednesday"), and a
# described speaker without the capital of the sentence it opened ("quotes of a
# senior Ukrainian official")
# 51: and so does a described speaker of a figure ("(according to the Kremlin)")
# 52: a subject's words take the case its facts write them in ("Palestinians
# killed", "cases of AFM")
# 53: a state as agencies abbreviate it is the state ("Calif." / California)
# 54: initials written apart ("F. B. I.") name no entity where another spelling
# can; "Tex." is Texas
# 55: a paper, an alliance or a federation named after an organisation is not it
# ("Liverpool Echo", "English Premiership"); a person is named without the
# description before the name ("Mark Davies", not "Wales physio Mark Davies")
# 56: a state's, a town's or a home nation's party, association or court is not
# the nation's ("Wisconsin Republican Party", "Scottish Football Association");
# a body or a programme of a company is judged by how often the company is named,
# not one article's legal name ("Microsoft Corp." beside "Microsoft Security
# Response Alliance")
# 57: a place's name in the plural is several places, not a misspelling of it
# ("the Americas", "the two Koreas")
# 58: a name one report of a story writes once in full joins its short name where
# its form vouches for it ("Cliffside Rehab Center", "Royal Oak Beaumont Hospital")
# 59: a word that opened the sentence is no part of a person's name ("Archaeologist
# Giles Hamm", "Landlocked Mali")
# 60: an acronym everybody knows opening a name stands for its words there ("US
# Senate", "United States Senate")
# 61: a name without its middle initial is the one fuller name of its story ("Laura
# Crotty Alexander", "Laura E. Crotty Alexander"); a surname opening with a particle
# is the person its story names in full ("El Guerrouj") and shown with the given name
# 62: a word alone capitalised only where it opens a sentence or a line is no
# entity ("Outrage followed", "Keep reading"; not "Grant" of Cary Grant)
# 63: a surname with its generational suffix is no full name to show ("Donald
# Trump Jr.", not "Trump Jr.")
# 64: stories weigh how alike two articles' likenesses to the other reports are
# (their company), by text and by entities: the story trees trained again
# 65: a town the model reads as a person or an organisation is a place where the
# text writes it as one ("the port city of Bandar Abbas", "Ortiz, of Diamond Bar")
# 66: a bare surname beyond its story joins a full name only where its article
# shares another name with one naming that person in full ("Keane" of a review of
# the band is no Roy Keane)
# 67: so does an organisation's short name ("Powergen" of a report on energy
# prices is no Powergen Cup)
# 68: a person is not shown by a spelling a headline ran on into ("Popcorn With
# Peter Travers" is shown as Peter Travers)
# 69: in a corpus of two or three articles, a name two reports share is enough
# for a surname beyond its story to join its full name
# 70: and the person more than half a folder's articles name in full needs no
# name beside a bare surname beyond its story (a folder about Zelensky)
# 71: a people's member the model reads as a person ("the Briton") is a group,
# and not shown in the name it comes before ("Briton Karl Keska" is Karl Keska)
# 72: a story named by its entities names each thing once ("Olympic · Olympics ·
# Winter Olympics" is "Olympic" and the next names)
# 73: an entity's spelling counts the articles naming no outlet that write it so
# 74: a story named by its entities weighs each by how often its reports name it
# and how rarely the corpus does (TF-IDF), not by the reports naming it alone
# 75: stories weigh words alike whatever the folder (plain cosines of words and
# entities, how alike each article is to the whole folder), trees also taught
# on small folders
# 76: a bare name beyond its story needs more than one common name shared, and
# joins no person where its article names a firm by it ("Palin told Fox")
# 77: a quote view says how many of its others are of other stories (beyond)
# 78: a person's title before a name the model read as an organisation or a
# thing makes it that person ("Dr Nielsen", "Sheriff Arpaio")
# 79: a quote view names its speaker as the entities do
# 80: a town written before a word for a person ("a Perth doctor") is written as a
# place
# 81: a name opening with "Mount", "Lake", "Loch", "River" or "Isle" is a place
# ("Mount Sefton", "River Thames"), not one ending like an institution's
# 82: a body is named by its whole name, not the same with its last word cut off
# ("National Hockey League", not "National Hockey")
COMPARISON = 82
COMPARED_UID = "__compared__"
# The layout of the stored documents. An index in another layout is not read
# but rebuilt from the corpus (see ``index.build.update``), which is the source
# of truth: one layout to read, instead of a fallback for every older one.
FORMAT = 2


def compared_now(reader: Reader) -> bool:
    """Whether the index's corpus-wide state comes from this :data:`COMPARISON`."""
    doc = reader.get("state", COMPARED_UID)
    return doc is not None and unpack(doc["data"]) == COMPARISON


def compared_document() -> dict[str, Any]:
    """The document saying the state is of this :data:`COMPARISON`, written with it."""
    return {"uid": COMPARED_UID, "kind": "state", "data": pack(COMPARISON)}


class IndexOutdated(IndexError_):
    """The index was written in another layout than this newsdesk reads."""

    def __init__(self, path: Path, found: Any) -> None:
        self.path, self.found = path, found
        version = f"format {found}" if found is not None else "an unnumbered format"
        super().__init__(
            f"the index at {path} was written by another version of newsdesk ({version}; "
            f"this one reads format {FORMAT}); it is rebuilt from the corpus"
        )


def check_format(reader: Reader, path: Path) -> None:
    """Raise :class:`IndexOutdated` unless the last commit is in :data:`FORMAT`
    or holds nothing yet (a first run stopped before it wrote anything)."""
    doc = reader.get("catalog", FORMAT_UID)
    found = unpack(doc["data"]) if doc else None
    if found != FORMAT and (doc is not None or reader.has("state", STATE_UID)):
        raise IndexOutdated(path, found)


def index_dir_for(corpus: Corpus, index_dir: str | os.PathLike[str] | None = None) -> Path:
    """``--index-dir`` as given; else one folder per corpus under
    ``NEWSDESK_INDEX_DIR`` or the user's cache directory."""
    if index_dir:
        return Path(index_dir)
    from platformdirs import user_cache_dir  # only where no folder is named

    base = os.environ.get("NEWSDESK_INDEX_DIR") or os.path.join(
        user_cache_dir("newsdesk", appauthor=False), "indexes"
    )
    return Path(base) / corpus.key


def pack(data: Any) -> bytes:
    """Compress plain data for a stored field."""
    return zlib.compress(dumps(data), 6)


def unpack(blob: bytes | None) -> Any:
    return loads(zlib.decompress(blob)) if blob else None


def dumps(data: Any, sort_keys: bool = False) -> bytes:
    """Plain data as compact JSON: orjson, several times faster than the
    standard library on the 300 MB of analyses a pass over 20,000 articles
    reads; where orjson refuses what ``json`` writes (an integer of more than
    64 bits, a key that is not a string), ``json``."""
    try:
        return orjson.dumps(data, option=orjson.OPT_SORT_KEYS if sort_keys else 0)
    except TypeError:
        return json.dumps(data, sort_keys=sort_keys, separators=(",", ":")).encode()


def loads(encoded: bytes) -> Any:
    """What :func:`dumps` wrote (or ``json`` before it: its ``NaN`` is read by ``json``)."""
    try:
        return orjson.loads(encoded)
    except orjson.JSONDecodeError:
        return json.loads(encoded)


def writable(path: Path) -> bool:
    """Whether this process may create or change files in ``path``."""
    probe = path if path.exists() else path.parent
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    return os.access(probe, os.W_OK | os.X_OK)


def claimed(path: Path) -> None:
    """Make ``path`` an index folder, or say why it cannot be one (a folder
    holding other files is refused: see ``index.folder``)."""
    try:
        claim(path)
    except OSError as error:
        raise IndexError_(f"cannot create the index folder {path}: {error.strerror}") from None


def latest_commit(path: Path, engine: Engine | None = None) -> int:
    """The number of the last commit in ``path`` (-1 before the first), from
    the folder's listing alone: cheap enough to ask every second."""
    return (engine or engines.get()).latest_commit(path)


class Store:
    """Read access to one index. Cheap to create; reopen to see new commits."""

    def __init__(self, path: Path, engine: Engine | None = None) -> None:
        self.path = Path(path)
        self.engine = engine or engines.get()
        self.read_only = not writable(self.path)
        self._memo: dict[tuple[int, str, str], Any] = {}
        self._memo_lock = threading.Lock()
        self._reader: Reader = self.engine.reader(self.path)
        check_format(self._reader, self.path)

    @staticmethod
    def exists(path: Path, engine: Engine | None = None) -> bool:
        return (engine or engines.get()).exists(path)

    @property
    def reader(self) -> Reader:
        """The engine's reader of the last commit (for searching)."""
        return self._reader

    @property
    def generation(self) -> int:
        """The generation (commit number) this store is reading."""
        return self._reader.generation

    def refresh(self) -> bool:
        """Reopen if another process committed; return whether anything changed."""
        changed = self._reader.refresh()
        if changed:
            check_format(self._reader, self.path)
        return changed

    def documents(self, kind: str) -> list[dict[str, Any]]:
        return list(self._reader.documents(kind))

    def catalog(self) -> dict[str, Any] | None:
        """The catalog of the last commit (None before the first run's commit)."""
        return self._stored("catalog", CATALOG_UID)

    def listing(self) -> list[list[str | None]]:
        """Every article as the sources list shows it, in id order: id, source,
        date, raw date, title, and the lead of an untitled one ("" where not
        known). One compact document, read once and not kept: at 100,000
        articles the full catalog is a second to parse and hundreds of MB."""
        return self._read("catalog", LISTING_UID) or []

    def listing_head(self) -> dict[str, Any] | None:
        """The first few hundred articles as the sources list shows them (see
        :func:`index.listing.head`); None before the first run's commit."""
        return self._read("catalog", LISTING_HEAD_UID)

    def stories(self) -> list[Story]:
        """The stories alone (the corpus-wide state they are part of is tens of
        MB at 20,000 analysed articles)."""
        from . import codec  # cattrs, which a search does not need

        return codec.from_json(self._read("catalog", STORIES_UID) or [], list[Story])

    def articles(self) -> list[dict[str, Any]]:
        """Every article's metadata (no text), in id order."""
        stored = self._stored("catalog", ARTICLES_UID) or {"articles": {}}
        return sorted(stored["articles"].values(), key=lambda row: row["id"])

    def skipped(self) -> list[Skipped]:
        catalog = self.catalog() or {"skips": {}}
        entries = [entry for found in catalog["skips"].values() for entry in found]
        return sorted((Skipped(**entry) for entry in entries), key=lambda s: s.path)

    def blob(self, article_id: str) -> dict[str, Any] | None:
        return self._stored("blob", f"blob:{article_id}")

    def _stored(self, kind: str, uid: str) -> Any:
        """One document's unpacked data, remembered for the last few look-ups:
        moving between passages asks for the same article again and again."""
        key = (self.generation, kind, uid)
        with self._memo_lock:  # the reader looks things up while its worker updates
            if key in self._memo:
                self._memo[key] = self._memo.pop(key)  # most recently used last
                return self._memo[key]
        value = self._read(kind, uid)
        with self._memo_lock:
            self._memo[key] = value
            while len(self._memo) > MEMO_SIZE:
                self._memo.pop(next(iter(self._memo)))
        return value

    def article(self, article_id: str) -> Article | None:
        data = self.blob(article_id)
        return article_from_json(data["article"]) if data else None

    def views(self, article_id: str) -> dict[str, Any]:
        """The cross-source views of an article's passages, by passage number."""
        return self._stored("views", f"views:{article_id}") or {}

    def state(self) -> dict[str, Any]:
        return self._read("state", STATE_UID) or {}

    def comparing(self) -> frozenset[str]:
        """The articles of this commit that the corpus-wide pass has not compared
        yet (an update's new and changed ones, committed before its pass)."""
        return frozenset((self._stored("state", PENDING_UID) or {}).get("articles", ()))

    def first_looks(self) -> frozenset[str]:
        """The articles of :meth:`comparing` whose views are a first look, from
        their neighbourhood alone (see :mod:`index.first_look`)."""
        return frozenset((self._stored("state", PENDING_UID) or {}).get("first_look", ()))

    def _read(self, kind: str, uid: str) -> Any:
        doc = self._reader.get(kind, uid)
        return unpack(doc["data"]) if doc else None


def article_from_json(data: dict[str, Any]) -> Article:
    """Rebuild an :class:`Article` from its stored JSON (see ``Article.to_json``)."""
    text = data["text"]
    passages = tuple(
        Passage(data["id"], p["passage"], p["start"], p["end"], text[p["start"] : p["end"]])
        for p in data["passages"]
    )
    fields = {
        k: data.get(k)
        for k in ("title", "source", "date", "date_raw", "date_note", "url", "author")
    }
    return Article(
        id=data["id"],
        path=data["path"],
        format=data["format"],
        text=text,
        passages=passages,
        hash=data.get("hash", ""),
        notes=tuple(data.get("notes", ())),
        **fields,
    )
