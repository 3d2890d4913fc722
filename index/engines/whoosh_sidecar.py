"""The word table written beside a Whoosh commit, for :mod:`index.sidecar`.

A search typed at the shell, words alone on an index that is up to date, is
answered from this file with the standard library only (see
:mod:`index.sidecar`): importing Whoosh, newsdesk's data model and opening
the index cost most of such a search. The table holds what Whoosh's BM25F
needs for the ``text`` field, as Whoosh's own reader gives it (each word's
idf and per-segment document frequency, its live postings with their
weights, each passage's field length as Whoosh decodes it, the average field
length), the stored fields a result line shows, and every word of the
passages' text with what the index holds for it (its stem, or none for a
stop word): the query's words are looked up there instead of analysed, and
the snippets find their words by it.

It is keyed to the commit it describes by that commit's table of contents,
byte for byte, so it can never answer for another commit: a reader finding
another key searches through Whoosh. It is written after each final commit
(not at the checkpoints of a first index: each would rewrite it), whole or
not at all, and when an update finds nothing to do and the table is missing
or stale (an index written before it existed).
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import tempfile
from array import array
from bisect import bisect_left
from collections import Counter
from contextlib import suppress
from math import log
from pathlib import Path
from typing import Any

from whoosh.index import TOC, FileIndex
from whoosh.reading import TermNotFound
from whoosh.searching import Searcher

from .. import sidecar
from ..folder import INDEX_NAME
from .words import TOKEN_PATTERN, index_form

FIELD = "text"
_TOKEN = re.compile(TOKEN_PATTERN)


def toc_name(generation: int) -> str:
    return TOC._filename(INDEX_NAME, generation)


def write(storage: Any, path: Path) -> None:
    """Write the table of the latest commit of the index at ``path``. A table
    that cannot be made is written as one that answers nothing (its searches
    go through Whoosh), and one that cannot be written is not there."""
    target = Path(path) / sidecar.NAME
    try:
        generation = int(TOC._latest_generation(storage, INDEX_NAME))
        if generation < 0:
            return
        toc_bytes = (Path(path) / toc_name(generation)).read_bytes()
        try:
            toc = TOC.read(storage, INDEX_NAME, gen=generation)
            reader = FileIndex._reader(storage, toc.schema, toc.segments, toc.generation)
            data = _table(Searcher(reader), generation, toc_bytes, sidecar.last_table(path))
        except Exception:  # searched through Whoosh; no update tries again before the next commit
            key = {"toc": toc_bytes, "generation": generation, "key_file": toc_name(generation)}
            data = sidecar.pack_unanswered({**key, "byteorder": sys.byteorder})
        _write_atomic(target, data)
    except Exception:  # the commit stands; only the shortcut is lost
        with suppress(OSError):
            target.unlink()


def current(path: Path) -> bool:
    """Whether the table beside the index at ``path`` is the latest commit's."""
    from .whoosh import IndexStorage

    generation = int(TOC._latest_generation(IndexStorage(str(path)), INDEX_NAME))
    return generation >= 0 and sidecar.describes(path, generation)


def _table(
    searcher: Searcher, generation: int, toc: bytes, previous: sidecar.Table | None
) -> bytes:
    """The table's bytes. A segment the previous table (of an earlier commit)
    describes is taken from it, less the passages deleted since: a segment's
    files never change, so an update reads only the segments it wrote."""
    reader = searcher.reader()
    leaves = list(reader.leaf_readers())
    ndocs = reader.doc_count_all()
    lengths = array("I", bytes(4 * ndocs))
    stored: dict[int, bytes] = {}
    words: dict[str, str] = previous.words() if previous is not None else {}
    entries: dict[str, list[Any]] = {}  # term -> [(segment, df)], df, [(segment, numbers, weights)]
    known = _segments(previous)
    kept: dict[int, tuple[int, int, int, Any]] = {}  # old position -> position, offsets, leaf
    for position, (leaf, offset) in enumerate(leaves):
        old = known.get(leaf.segment().segment_id())
        if old is not None and previous is not None and old[2] == leaf.doc_count_all():
            kept[old[0]] = (position, old[1], offset, leaf)
            _kept_documents(previous, leaf, old[1], offset, lengths, stored)
            continue
        infos = dict(_terms(leaf))
        for term, info in infos.items():
            entry = _entry(entries, term)
            entry[0].append((position, info.doc_frequency()))
            entry[1] += info.doc_frequency()
        if leaf.doc_count():  # a segment whose documents are all deleted has no postings
            _segment(leaf, position, offset, infos, entries, (lengths, stored, words))
    if kept and previous is not None:
        _kept_postings(previous, kept, entries)
    forms: dict[str, list[str]] = {}
    for word, form in words.items():
        if form:
            forms.setdefault(form, []).append(word)
    # Whoosh's BM25F statistics, as its searcher computes them (deleted
    # documents included, as Whoosh counts them).
    avgfl = searcher.avg_field_length(FIELD) or 1
    every = reader.doc_count_all()
    ordered = sorted(entries)
    blobs = []
    for text in ordered:
        segments, frequency, parts = entries[text]
        idf = log(every / (frequency + 1)) + 1  # whoosh.scoring.WeightingModel.idf
        parts.sort(key=lambda part: part[0])
        blobs.append(
            marshal.dumps(
                (
                    idf,
                    tuple(sorted(segments)),
                    b"".join(numbers.tobytes() for _, numbers, _ in parts),
                    b"".join(weights.tobytes() for _, _, weights in parts),
                    tuple(sorted(forms.get(text, ()))),
                )
            )
        )
    word_items = sorted(words.items())
    header = {
        "toc": toc,
        "generation": generation,
        "avgfl": float(avgfl),
        "key_file": toc_name(generation),
        "offsets": [offset for _leaf, offset in leaves],
        "segment_ids": [leaf.segment().segment_id() for leaf, _offset in leaves],
        "segment_docs": [leaf.doc_count_all() for leaf, _offset in leaves],
        "docs": ndocs,
        "byteorder": sys.byteorder,
    }
    return sidecar.pack(
        header,
        [t.encode("utf-8", "surrogatepass") for t in ordered],
        blobs,
        [w.encode("utf-8", "surrogatepass") for w, _ in word_items],
        [f.encode("utf-8") for _, f in word_items],
        lengths,
        [stored.get(n, b"") for n in range(ndocs)],
    )


def _entry(entries: dict[str, list[Any]], term: str) -> list[Any]:
    entry = entries.get(term)
    if entry is None:
        entry = entries[term] = [[], 0, []]
    return entry


def _segments(previous: sidecar.Table | None) -> dict[str, tuple[int, int, int]]:
    """segment id -> (position, offset, documents) in the previous table."""
    if previous is None:
        return {}
    header = previous.header
    return {
        segment: (position, offset, docs)
        for position, (segment, offset, docs) in enumerate(
            zip(header["segment_ids"], header["offsets"], header["segment_docs"], strict=True)
        )
    }


def _kept_documents(
    previous: sidecar.Table,
    leaf: Any,
    old: int,
    offset: int,
    lengths: array,
    stored: dict[int, bytes],
) -> None:
    """A kept segment's live passages: stored fields and lengths as the
    previous table has them, at their numbers in this commit."""
    deleted = leaf.deleted_docs_set if leaf.has_deletions() else frozenset()
    for docnum in range(leaf.doc_count_all()):
        if docnum in deleted:
            continue
        blob = previous.raw(old + docnum)
        if blob:
            stored[offset + docnum] = blob
            lengths[offset + docnum] = previous.lengths[old + docnum]


def _kept_postings(
    previous: sidecar.Table,
    kept: dict[int, tuple[int, int, int, Any]],
    entries: dict[str, list[Any]],
) -> None:
    """Each word's frequencies and postings in the kept segments, from the
    previous table: numbered for this commit, passages deleted since left out."""
    deleted = {
        position: (leaf.deleted_docs_set if leaf.has_deletions() else frozenset())
        for position, (_new, _old, _offset, leaf) in kept.items()
    }
    for term, (_idf, segments, postings, weights, _forms) in previous.entries():
        mine = [(old, df) for old, df in segments if old in kept]
        if not mine:
            continue
        entry = _entry(entries, term)
        numbers, found = array("I"), array("d")
        numbers.frombytes(postings)
        found.frombytes(weights)
        for old, df in mine:
            position, old_offset, offset, leaf = kept[old]
            entry[0].append((position, df))
            entry[1] += df
            start = bisect_left(numbers, old_offset)
            end = bisect_left(numbers, old_offset + leaf.doc_count_all())
            if start == end:
                continue
            gone = deleted[old]
            shift = offset - old_offset
            if not gone and not shift:
                entry[2].append((position, numbers[start:end], found[start:end]))
                continue
            here, weighed = array("I"), array("d")
            for number, weight in zip(numbers[start:end], found[start:end], strict=True):
                if number - old_offset not in gone:
                    here.append(number + shift)
                    weighed.append(weight)
            entry[2].append((position, here, weighed))


def _segment(
    leaf: Any,
    position: int,
    offset: int,
    infos: dict[str, Any],
    entries: dict[str, list[Any]],
    into: tuple[array, dict[int, bytes], dict[str, str]],
) -> None:
    """A segment's passages: their stored fields, field lengths and words,
    and each word's postings. The postings are counted from the passages'
    text by its words' index forms (reading Whoosh's posting blocks in Python
    took most of the time), and the counts are checked against what Whoosh
    recorded for every word of the segment (its documents and its weight,
    deleted passages included): should any differ, the segment's postings
    are read from Whoosh instead."""
    lengths, stored, words = into
    deleted = leaf.deleted_docs_set if leaf.has_deletions() else frozenset()
    counted: dict[str, list[int]] = {}
    live: list[tuple[int, dict[str, int]]] = []
    spelt: dict[str, str] = {}  # a token as written -> its index form
    for docnum in _passages(leaf):
        fields = leaf.stored_fields(docnum)
        text = fields.get(FIELD) or ""
        counts: dict[str, int] = {}
        for token, times in Counter(_TOKEN.findall(text)).items():
            form = spelt.get(token)
            if form is None:
                key = token.lower()
                form = words.get(key)
                if form is None:
                    form = words[key] = index_form(token) or ""
                spelt[token] = form
            if form:
                counts[form] = counts.get(form, 0) + times
        for form, weight in counts.items():
            total = counted.get(form)
            if total is None:
                counted[form] = [1, weight]
            else:
                total[0] += 1
                total[1] += weight
        if docnum in deleted:
            continue
        number = offset + docnum
        # None: a passage without a word (Whoosh scores none such)
        lengths[number] = leaf.doc_field_length(docnum, FIELD, 1) or 0
        stored[number] = marshal.dumps(
            (
                fields.get("article"),
                fields.get("number"),
                fields.get("start"),
                fields.get("end"),
                fields.get("title"),
                fields.get("source"),
                text,
            )
        )
        live.append((number, counts))
    same = len(counted) == len(infos) and all(
        counted.get(term) == [info.doc_frequency(), info.weight()] for term, info in infos.items()
    )
    parts = {term: (array("I"), array("d")) for term in infos}
    if not same:
        for term, info in infos.items():
            _postings(leaf, info, offset, *parts[term])
    else:
        for number, counts in live:
            for form, weight in counts.items():
                numbers, weights = parts[form]
                numbers.append(number)
                weights.append(weight)
    for term, (numbers, weights) in parts.items():
        if numbers:
            entries[term][2].append((position, numbers, weights))


def _passages(leaf: Any) -> list[int]:
    """The segment's passages, deleted ones too, by the postings of ``kind:passage``."""
    try:
        info = leaf._terms.term_info("kind", b"passage")
    except TermNotFound:
        return []
    matcher = leaf._codec.postings_reader(leaf._terms._postfile, info, leaf.schema["kind"].format)
    return list(matcher.all_ids())


def _terms(leaf: Any) -> Any:
    """Each word of the segment's ``text`` field with its term info."""
    for (fieldname, term), info in leaf._terms.items_from(FIELD, b""):
        if fieldname != FIELD:
            return
        yield (term.decode("utf-8", "surrogatepass") if isinstance(term, bytes) else term), info


def _postings(leaf: Any, info: Any, offset: int, numbers: array, weights: array) -> None:
    """Append a word's live postings in the segment (global numbers) and weights."""
    deleted = leaf.deleted_docs_set if leaf.has_deletions() else None
    if info.is_inlined():
        ids, found, _values = info.inlined_postings()
        blocks = [(ids, found)]
    else:
        matcher = leaf._codec.postings_reader(
            leaf._terms._postfile, info, leaf.schema[FIELD].format
        )
        blocks = []
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            blocks.append((matcher._ids, matcher._weights))
            matcher._next_block()
    for ids, found in blocks:
        if deleted is None and offset == 0:
            numbers.extend(iter(ids))  # Whoosh keeps them in arrays of any width
            weights.extend(iter(found))
            continue
        for docnum, weight in zip(ids, found, strict=True):
            if deleted is None or docnum not in deleted:
                numbers.append(offset + docnum)
                weights.append(weight)


def _write_atomic(target: Path, data: bytes) -> None:
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=sidecar.SPARE, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
