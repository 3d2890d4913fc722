"""Close spellings the corpus holds, for a search that found nothing.

``Zelenksy`` finds nothing; the corpus writes ``Zelensky`` and ``Zelenskyy``.
Each word of the query that finds nothing on its own (read by the query
parser every engine uses, in the field it is searched in:
:func:`index.engines.syntax.typed_words`) is matched (with rapidfuzz, letters
swapped counting as one edit) against the words the index holds for its
field: the ``text`` and ``title`` fields' stems and the ``source`` field's
words, as either engine lists them, or, after ``person:``, ``place:``,
``entity:`` and the other entity fields, the names and spellings of the
merged entities. A stem is shown as a passage writes it (the spelling of its
closest word there, in the corpus's own case), never as the stem.
Everything else in the query stays as typed: quotes, fields, operators,
other words. Numbers, wildcards, fuzzy words (``word~``) and words of fewer
than three letters are never corrected, and neither is a word that finds
passages. A corrected query is offered only when the same search finds a
passage with it.

Worked out only when a search has found nothing: a search that finds
something never comes here.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .engines.syntax import OPERATORS, TypedWord, typed_words
from .engines.words import ENTITY_FIELDS, TOKEN_PATTERN, index_form
from .errors import QueryError

MAX_SUGGESTIONS = 3
CANDIDATES = 4  # spellings tried for each word that finds nothing
MAX_TRIED = 12  # corrected queries searched at most
SPELLINGS_READ = 50  # passages read for the ways the corpus writes a stem
MIN_LETTERS = 3  # shorter words have too many neighbours to guess from
WORD_FIELDS = ("text", "title", "source")
NAME_FIELDS = ("entity", *ENTITY_FIELDS)
_TOKEN = re.compile(TOKEN_PATTERN)
_SYNTAX = set("*?~^")  # wildcards, fuzzy words and boosts: the user chose what to match
_FOLD = str.maketrans("", "", "'\u2019")


@dataclass(frozen=True)
class Slot:
    """A word (or, after an entity field, a name) of the query that could be misspelt."""

    field: str
    start: int  # where it stands in the query
    end: int
    text: str
    quoted: bool = False  # a name already in quotes


@dataclass(frozen=True)
class Candidate:
    spelling: str
    distance: int
    frequency: int


class Corpus:
    """What suggesting needs of an index, engine-neutral (see :class:`index.library.Library`)."""

    def __init__(
        self,
        count: Callable[[str], int],
        words: Callable[[str], list[tuple[str, int]]],
        spellings: Callable[[str, str], Counter[str]],
        names: Callable[[str], list[tuple[str, int]]],
        written: Callable[[], dict[str, list[str]] | None] = lambda: None,
    ) -> None:
        self.count = count  # passages a query finds (0 for one that cannot be run)
        self.words = words  # a field's indexed words with their document frequencies
        self.spellings = spellings  # (field, indexed word) -> the words passages write for it
        self.names = names  # an entity field -> (name or spelling, mentions)
        # The words passages write, folded, each with the words (lowercased) it
        # folds from; None where the engine keeps no such table.
        self.written = written
        self._held: dict[str, set[str]] = {}

    def held(self, field: str) -> set[str]:
        """The words the index holds for ``field``, as a set."""
        found = self._held.get(field)
        if found is None:
            found = self._held[field] = {word for word, _ in self.words(field)}
        return found


def suggest(corpus: Corpus, query: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
    """Up to ``limit`` corrected queries that find passages, best first."""
    slots = [slot for slot in slots_of(query) if not _found(corpus, slot)]
    if not slots:
        return []
    options = [_candidates(corpus, slot)[:CANDIDATES] for slot in slots]
    if not all(options):
        return []
    found: list[str] = []
    for combination in _ranked(options)[:MAX_TRIED]:
        corrected = _replaced(query, slots, combination)
        if corrected in found or corrected == query:
            continue
        if corpus.count(corrected) > 0:
            found.append(corrected)
            if len(found) == limit:
                break
    return found


def slots_of(query: str) -> list[Slot]:
    """The words of ``query`` a suggestion may correct, with their fields, as
    the query's parser reads them (none for a query it cannot read)."""
    try:
        typed = typed_words(query)
    except QueryError:
        return []
    return [slot for word in typed for slot in _slots(query, word)]


def _slots(query: str, word: TypedWord) -> Iterator[Slot]:
    """A name whole; of the words of text, titles and outlets, each one."""
    if not word.quoted and (word.text in OPERATORS or _SYNTAX & set(word.text)):
        return  # an operator Whoosh reads as a word (a last NOT), or syntax typed
    if not word.text.strip():
        return
    if word.field in NAME_FIELDS:
        if _correctable(word.text.replace(" ", "").replace(".", "").replace("-", "")):
            yield Slot(word.field, word.start, word.end, word.text, word.quoted)
    elif word.field in WORD_FIELDS:
        for match in _TOKEN.finditer(query, word.start, word.end):
            if _correctable(match.group()):
                yield Slot(word.field, match.start(), match.end(), match.group())


def _correctable(word: str) -> bool:
    """Letters alone, three or more: never a number, a code or an initial."""
    return len(word) >= MIN_LETTERS and word.isalpha()


def _found(corpus: Corpus, slot: Slot) -> bool:
    """Whether the word (or name) finds passages on its own, in its field."""
    if slot.field in NAME_FIELDS:
        return corpus.count(f'{slot.field}:"{slot.text}"') > 0
    form = indexed(slot.field, slot.text)
    if not form:
        return True  # a stop word: searched for by no one, nothing to correct
    # The field's words, not a search: counting a frequent word's passages
    # cost more than the rest of the suggestion.
    return form in corpus.held(slot.field)


def indexed(field: str, word: str) -> str | None:
    """What the index holds for ``word`` in ``field``: a stem for the words of
    text and titles, the folded word for an outlet's name (None: a stop word)."""
    if field == "source":
        return next((token.text for token in _name_analyzer()(word)), None)
    return index_form(word)


@lru_cache(maxsize=1)
def _name_analyzer() -> Any:
    from .engines.words import name_analyzer

    return name_analyzer()


def _most(length: int) -> int:
    """Edits allowed for a word of ``length`` letters: one up to four, else two."""
    return 1 if length <= 4 else 2


def _folded(text: str) -> str:
    from .names import alias_key

    return alias_key(text.translate(_FOLD))


def _candidates(corpus: Corpus, slot: Slot) -> list[Candidate]:
    if slot.field in NAME_FIELDS:
        return _name_candidates(corpus, slot)
    form = indexed(slot.field, slot.text)
    if not form:
        return []
    written = corpus.written() if slot.field == "text" else None
    if written is not None:
        return _written_candidates(corpus, slot, written)
    vocabulary = corpus.words(slot.field)
    terms = [term for term, _ in vocabulary]
    most = _most(len(form))
    close = process.extract(form, terms, scorer=OSA.distance, score_cutoff=most, limit=None)
    rows = {terms[at]: (distance, -vocabulary[at][1]) for _t, distance, at in close}
    typed = _folded(slot.text)
    # A typo in a word's ending keeps the stemmer from cutting it ("delegaton"
    # stays whole, "delegation" is "deleg"): a stem the typed word begins with
    # is a candidate too, as far off as the letters it leaves.
    frequency = dict(vocabulary)
    for cut in range(MIN_LETTERS + 1, len(typed)):
        stem = typed[:cut]
        if stem in frequency and stem not in rows:
            rows[stem] = (most, -frequency[stem])
    near = sorted(((*row, term) for term, row in rows.items()), key=lambda row: row[:2])
    found: dict[str, Candidate] = {}
    for _distance, minus_frequency, term in near:
        if len(found) >= 2 * CANDIDATES:
            break
        if not term.isalpha() or term == form:
            continue
        spelling = _spelling(corpus.spellings(slot.field, term), typed)
        if spelling is None or spelling.upper() in OPERATORS:
            continue
        shown = _folded(spelling)
        distance = OSA.distance(typed, shown)
        # As written, the word must be as close as its stem: "improv" is two
        # letters from "umarov", "improved" four.
        if shown == typed or shown in found or distance > _most(len(typed)):
            continue
        found[shown] = Candidate(spelling, distance, -minus_frequency)
    return sorted(found.values(), key=lambda c: (c.distance, -c.frequency))


def _written_candidates(
    corpus: Corpus, slot: Slot, written: dict[str, list[str]]
) -> list[Candidate]:
    """The words passages write that are close to the word typed, as written
    there (the case of their passages), more frequent stems first."""
    typed = _plain(slot.text)
    keys = list(written)
    most = _most(len(typed))
    close = process.extract(typed, keys, scorer=OSA.distance, score_cutoff=most, limit=None)
    frequency = dict(corpus.words(slot.field))
    rows = []
    for key, distance, _at in close:
        if key == typed or not key.isalpha():
            continue
        word = written[key][0]
        stem = indexed("text", word)
        if stem:
            rows.append((distance, -frequency.get(stem, 0), key, word, stem))
    rows.sort(key=lambda row: row[:2])
    found: list[Candidate] = []
    stems: set[str] = set()  # "prisoner" finds what "prisoners" finds: one of them
    for distance, minus_frequency, _key, word, stem in rows:
        if stem in stems:
            continue
        if len(stems) == 2 * CANDIDATES:
            break
        stems.add(stem)
        spelling = _cased(word, slot.text, corpus.spellings(slot.field, stem))
        if spelling.upper() not in OPERATORS:
            found.append(Candidate(spelling, distance, -minus_frequency))
    return found


def _cased(word: str, typed: str, spellings: Counter[str]) -> str:
    """``word`` in the case its passages most often write it ("Zelensky"), or
    in the case it was typed in where the passages read do not hold it."""
    same = [(count, s) for s, count in spellings.items() if s.lower() == word]
    if same:
        return max(same)[1]
    if typed.isupper():
        return word.upper()
    return word[:1].upper() + word[1:] if typed[:1].isupper() else word


def fold_written(words: dict[str, str]) -> dict[str, list[str]]:
    """The word table's words (lowercased, with their stems) by their folded
    form, stop words and numbers left out."""
    found: dict[str, list[str]] = {}
    for word, stem in words.items():
        if stem and word.isalpha() and len(word) >= MIN_LETTERS - 1:
            found.setdefault(_plain(word), []).append(word)
    return found


def _plain(word: str) -> str:
    """A word lowercased, its accents dropped ("Erdoğan" is "erdogan"): what
    the index's analysis folds, cheaply for the words that are ASCII."""
    word = word.lower()
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _spelling(spellings: Counter[str], typed: str) -> str | None:
    """The way passages write a stem that is closest to what was typed, the
    most frequent of equals ("prisoners" for "prisonrs", not "prison")."""
    if not spellings:
        return None
    return min(spellings, key=lambda s: (OSA.distance(typed, _folded(s)), -spellings[s]))


def _name_candidates(corpus: Corpus, slot: Slot) -> list[Candidate]:
    """Names and spellings of the field's entities close to the name typed; a
    single word is also matched with the last word of each (a surname)."""
    typed = _folded(slot.text)
    if not typed:
        return []
    single = " " not in typed
    weights: dict[str, tuple[str, int]] = {}
    for name, mentions in corpus.names(slot.field):
        shown = [name]
        if single and " " in name.strip():
            shown.append(name.split()[-1])
        for spelling in shown:
            key = _folded(spelling)
            if key and key != typed and mentions > weights.get(key, ("", -1))[1]:
                weights[key] = (spelling, mentions)
    keys = list(weights)
    most = _most(len(typed))
    close = process.extract(typed, keys, scorer=OSA.distance, score_cutoff=most, limit=None)
    found = [
        Candidate(weights[keys[at]][0], distance, weights[keys[at]][1])
        for _k, distance, at in close
    ]
    return sorted(found, key=lambda c: (c.distance, -c.frequency))[: 2 * CANDIDATES]


def _ranked(options: list[list[Candidate]]) -> list[tuple[Candidate, ...]]:
    """Every choice of one spelling per word, fewest edits first, then the
    spellings each word's list ranks first."""
    ranked = []
    for picks in itertools.product(*(range(len(o)) for o in options)):
        chosen = tuple(options[i][pick] for i, pick in enumerate(picks))
        ranked.append((sum(c.distance for c in chosen), sum(picks), chosen))
    ranked.sort(key=lambda row: row[:2])
    return [chosen for _, _, chosen in ranked]


def _replaced(query: str, slots: list[Slot], chosen: Iterable[Candidate]) -> str:
    """``query`` with each slot's text replaced, the rest as typed."""
    text = query
    for slot, candidate in sorted(zip(slots, chosen, strict=True), key=lambda p: -p[0].start):
        spelling = candidate.spelling
        if slot.field in NAME_FIELDS and not slot.quoted and " " in spelling:
            spelling = f'"{spelling}"'
        text = text[: slot.start] + spelling + text[slot.end :]
    return text


def spellings_in(passages: Iterable[dict[str, Any]], field: str, term: str) -> Counter[str]:
    """How the passages found write the indexed word ``term`` of ``field``."""
    found: Counter[str] = Counter()
    start = term[:2]
    for fields in passages:
        for match in _TOKEN.finditer(str(fields.get(field) or "")):
            word = match.group()
            # Stemming and folding keep an ASCII word's first two letters: the
            # others need no analysis (it was most of a suggestion's time).
            if word[:2].lower() != start and word.isascii():
                continue
            if indexed(field, word) == term:
                found[word] += 1
    return found


def names_of(entities: Iterable[dict[str, Any]], field: str) -> list[tuple[str, int]]:
    """Each entity's name and spellings (with how often each is used), of the
    kind an entity field names (``entity:``: every kind)."""
    found: list[tuple[str, int]] = []
    for entity in entities:
        if field != "entity" and entity.get("label") != field:
            continue
        aliases = entity.get("aliases") or []
        found.append(
            (str(entity.get("name") or ""), sum(int(a.get("count") or 0) for a in aliases))
        )
        found.extend((str(a.get("text") or ""), int(a.get("count") or 0)) for a in aliases)
    return [(name, count) for name, count in found if name.strip()]
