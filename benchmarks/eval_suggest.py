"""How often "Did you mean" offers the word a user meant, on the BBC News corpus.

    python benchmarks/eval_suggest.py --index-dir DIR [--engine whoosh|tantivy]
        [--split tune|report|all] [--per-set N] [--variant NAME]

The index at DIR must hold the BBC News corpus (``newsdesk index
../shared/data/news-corpus/bbc --index-dir DIR``); it is read, never updated.
Two sets of misspelt queries, each a word that finds nothing in the corpus
while passages write the word meant:

- ``english``: real misspellings of English words, from codespell's
  dictionary (``pip install codespell``; the set is skipped without it),
  each with one correction ("accomodate" -> "accommodate");
- ``names``: the words of the corpus's own entity names (people, places,
  organisations named three times or more), each mistyped once as the
  README's examples are: two letters swapped ("Zelenksy"), one dropped
  ("Kyv"), a vowel changed ("Umarov"), one doubled.

Queries are split in two by a hash of the misspelling: tune on ``tune``,
report on ``report``. For each set: the share where the first suggestion is
the word meant, where it is among the (up to three) suggestions, where
nothing is suggested, where the first has the stem of the word meant (so
finds the same passages: "design" for "desigs", meant "designs"), and the
time :meth:`Library.suggest` takes.
"""

from __future__ import annotations

import argparse
import random
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import NEWS, percentiles, require, timed  # noqa: E402
from index import suggest as suggesting  # noqa: E402
from index.engines.words import index_form  # noqa: E402
from index.library import Library  # noqa: E402

VOWELS = "aeiou"
VARIANTS = {
    "shipped": {},
    "one edit to five letters": {"_most": lambda length: 1 if length <= 5 else 2},
    "two edits always": {"_most": lambda length: 2},
    "one edit always": {"_most": lambda length: 1},
    "10 passages per stem": {"SPELLINGS_READ": 10},
    "200 passages per stem": {"SPELLINGS_READ": 200},
}


def english(library: Library) -> Iterator[tuple[str, str]]:
    """(misspelling, meant) from codespell's dictionary, where the corpus has
    the word meant and not the misspelling."""
    try:
        import codespell_lib
    except ImportError:
        print("english: skipped (pip install codespell)")
        return
    stems = {term for term, _ in library.store.reader.words("text")}
    data = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
    for line in data.read_text(encoding="utf-8").splitlines():
        wrong, _, right = line.partition("->")
        right = right.strip().rstrip(",")
        if "," in right or not (wrong.isalpha() and right.isalpha()) or len(wrong) < 4:
            continue
        if not (wrong.islower() and right.islower()):
            continue
        if index_form(right) in stems and index_form(wrong) not in stems:
            yield wrong, right


def names(library: Library) -> Iterator[tuple[str, str]]:
    """(mistyped word of a name, the word) for the corpus's entity names."""
    words: set[str] = set()
    for entity in library.state().get("entities", []):
        if entity.get("label") not in ("person", "place", "organisation"):
            continue
        if sum(int(a.get("count") or 0) for a in entity.get("aliases") or []) < 3:
            continue
        for word in str(entity.get("name") or "").split():
            if len(word) >= 4 and word.isalpha() and word[0].isupper():
                words.add(word)
    for word in sorted(words):
        rng = random.Random(word)
        yield _mistyped(word, rng), word


def _mistyped(word: str, rng: random.Random) -> str:
    kind = rng.choice(("swap", "drop", "vowel", "double"))
    at = rng.randrange(1, len(word) - 1)  # the first letter is rarely the one mistyped
    if kind == "swap":
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if kind == "drop":
        return word[:at] + word[at + 1 :]
    if kind == "vowel":
        vowels = [i for i, c in enumerate(word) if c.lower() in VOWELS and i > 0]
        if vowels:
            i = rng.choice(vowels)
            other = rng.choice([v for v in VOWELS if v != word[i].lower()])
            return word[:i] + other + word[i + 1 :]
    return word[:at] + word[at] + word[at:]


SETS = (("english", english), ("names", names))


def in_split(wrong: str, split: str) -> bool:
    half = "tune" if zlib.crc32(wrong.encode()) % 2 == 0 else "report"
    return split == "all" or split == half


def measure(library: Library, pairs: list[tuple[str, str]], label: str) -> None:
    first = among = none = same = 0
    times: list[float] = []
    misses: list[str] = []
    for wrong, right in pairs:
        took, found = timed(lambda w=wrong: library.suggest(w))
        times.append(took)
        shown = [suggesting._folded(s) for s in found]  # type: ignore[union-attr]
        meant = suggesting._folded(right)
        if not shown:
            none += 1
        elif index_form(found[0]) == index_form(right):  # type: ignore[index]
            same += 1  # "design" for "desigs": it finds what "designs" finds
        if shown[:1] == [meant]:
            first += 1
        elif meant in shown:
            among += 1
        elif len(misses) < 12:
            misses.append(f"{wrong}->{right}: {', '.join(found) or '-'}")  # type: ignore[arg-type]
    n = max(1, len(pairs))
    median, p95 = percentiles(times or [0.0])
    print(
        f"{label}: {len(pairs)} queries; first suggestion right {first / n:.1%}, "
        f"among the suggestions {(first + among) / n:.1%}, none offered {none / n:.1%}, "
        f"first finds what the word meant finds {same / n:.1%}; "
        f"{median:.0f} ms median, {p95:.0f} ms p95"
    )
    for miss in misses:
        print(f"    {miss}")


def _written(library: Library, word: str) -> bool:
    """Whether a passage writes ``word`` itself: searching "activating" finds
    "activated", which is no word a suggestion could offer for it."""
    for hit in library.search(word, limit=50).hits:
        if any(hit.snippet[s:e].lower() == word.lower() for s, e in hit.matches):
            return True
    return False


def _pairs(library: Library, source, args: argparse.Namespace) -> list[tuple[str, str]]:
    """Up to ``--per-set`` pairs of the split, drawn at random (seeded), each
    a misspelling that finds nothing for a word that finds passages."""
    from index.errors import QueryError

    drawn = sorted((w, r) for w, r in source(library) if in_split(w, args.split))
    random.Random(args.split).shuffle(drawn)
    pairs: list[tuple[str, str]] = []
    for wrong, right in drawn:
        try:
            if library.search(wrong, limit=1).total or not _written(library, right):
                continue  # the misspelling finds something, or no passage writes the word meant
        except QueryError:  # a stop word
            continue
        pairs.append((wrong, right))
        if len(pairs) == args.per_set:
            break
    return sorted(pairs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index-dir", required=True)
    parser.add_argument("--engine", default="whoosh")
    parser.add_argument("--split", choices=("tune", "report", "all"), default="tune")
    parser.add_argument("--per-set", type=int, default=400)
    parser.add_argument("--variant", choices=tuple(VARIANTS), action="append")
    args = parser.parse_args()
    require(NEWS)
    library = Library([NEWS], args.index_dir, engine=args.engine)
    if not library.exists:
        print(f"no {args.engine} index at {args.index_dir}: run newsdesk index first")
        return 1
    sets = {label: _pairs(library, source, args) for label, source in SETS}
    for variant in args.variant or ["shipped"]:
        kept = {name: getattr(suggesting, name) for name in VARIANTS[variant]}
        for name, value in VARIANTS[variant].items():
            setattr(suggesting, name, value)
        library._held.clear()  # noqa: SLF001 (nothing cached from another variant)
        for label, pairs in sets.items():
            measure(library, pairs, f"{label} ({args.split}, {args.engine}, {variant})")
        for name, value in kept.items():
            setattr(suggesting, name, value)
    return 0


if __name__ == "__main__":
    sys.exit(main())
