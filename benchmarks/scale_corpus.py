"""A BBC-based corpus of any size, generated deterministically for scale benchmarks.

    python benchmarks/scale_corpus.py SIZE DIR

Copy 0 is the 2,225 BBC articles as they are (``bbc/<topic>/<n>.txt``). Copy k
(``copyKKK/<topic>/<n>.txt``) is every article again with lightly varied text:
every digit is rotated by k (so figures differ: "76%" becomes "98%" in copy 2)
and a few common words are swapped for others of the same length. Offsets of
every word are unchanged, so the named-entity mentions of an original article
fit its copies (see :func:`base_id`), which lets indexing "with NLP" at 20k and
100k reuse the NER results of the 2,225 originals. Files get a fixed
modification time so runs are comparable. Nothing is written outside ``DIR``.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import NEWS, require  # noqa: E402

MTIME = 1_600_000_000
# Same-length swaps, so offsets stay put; chosen by copy number.
SWAPS = [
    ("said", "told"),
    ("year", "week"),
    ("market", "sector"),
    ("firm", "bank"),
    ("people", "voters"),
    ("first", "final"),
    ("new", "big"),
    ("film", "show"),
]
_DIGIT = re.compile(r"\d")


def originals() -> list[Path]:
    """The BBC article files, in a fixed order."""
    return sorted(f for f in require(NEWS).rglob("*.txt") if f.name != "README.TXT")


def vary(text: str, copy: int) -> str:
    """Copy ``copy`` of ``text``: digits rotated, two word pairs swapped (same lengths)."""
    if copy == 0:
        return text
    text = _DIGIT.sub(lambda m: str((int(m.group()) + copy) % 10), text)
    for a, b in (SWAPS[copy % len(SWAPS)], SWAPS[(copy * 3 + 1) % len(SWAPS)]):
        text = re.sub(rf"\b{a}\b", b, text)
    return text


def base_id(article_id: str) -> str:
    """The original BBC article id a generated article was copied from."""
    head, _, rest = article_id.partition("/")
    return f"bbc/{rest}" if head.startswith("copy") else article_id


def make(size: int, into: Path) -> Path:
    """Write ``size`` articles under ``into`` (reusing files already there)."""
    files = originals()
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    into.mkdir(parents=True, exist_ok=True)
    for n in range(size):
        copy, index = divmod(n, len(files))
        folder = "bbc" if copy == 0 else f"copy{copy:03d}"
        target = into / folder / files[index].relative_to(NEWS)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(vary(texts[index], copy), encoding="utf-8")
            os.utime(target, (MTIME, MTIME))
    return into


def files_of(corpus: Path) -> list[Path]:
    return sorted(corpus.rglob("*.txt"))


def touch_fraction(corpus: Path, fraction: float, tag: str = "edited") -> int:
    """Change ``fraction`` of the files (every k-th, deterministic): append a sentence."""
    files = files_of(corpus)
    step = max(1, round(1 / fraction))
    changed = files[::step]
    for file in changed:
        with file.open("a", encoding="utf-8") as out:
            out.write(f"\n\nThis report was {tag} after publication.\n")
    return len(changed)


def main() -> None:
    size, into = int(sys.argv[1]), Path(sys.argv[2])
    make(size, into)
    print(f"{len(files_of(into))} files in {into}")


if __name__ == "__main__":
    main()
