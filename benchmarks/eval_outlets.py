"""Which outlets newsdesk infers from plain-text articles, to read them through.

    python benchmarks/eval_outlets.py [--titles]

Every ``.txt`` article of ../shared/data/multisource and of the BBC News corpus
is read as newsdesk reads a plain-text file (``index.readers.plain.infer``: a
dateline, a sign-off, a "Source:" line, a photo credit). None of them names its
outlet in its text as a rule (BBC News files never do; the multisource outlets
are in ``meta.json``, which this does not read), so each outlet inferred is
either a real dateline or sign-off ("SAN FRANCISCO (Reuters) -") or a mistake
("Photo by James Nielsen/AFP" is no outlet Nielsen). The script prints each
with the note that says where it came from, then the counts by rule. With
``--titles``, it prints each file's inferred title instead (``None`` where no
first paragraph reads as a headline), to be compared before and after a change,
and then how many of the files whose first line is their headline (BBC News,
BASIL) get it as their title, and how many Multi-News pages (no headlines: any
title is a line of the page read as one) get a title.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import MULTISOURCE, NEWS  # noqa: E402
from index.readers.plain import infer  # noqa: E402


def main() -> int:
    titles = "--titles" in sys.argv[1:]
    files = sorted(MULTISOURCE.glob("*/*.txt")) + sorted(NEWS.glob("*/*.txt"))
    if not files:
        print(f"no articles under {MULTISOURCE} or {NEWS}", file=sys.stderr)
        return 1
    rules: Counter[str] = Counter()
    headlines: Counter[str] = Counter()
    for path in files:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        found = infer(text)
        if titles:
            title = found.meta.get("title")
            print(f"{path.relative_to(path.parents[1])}\t{title!r}")
            if path.parent.name.startswith("multinews-"):
                headlines["multi-news pages"] += 1
                headlines["multi-news pages with a title"] += title is not None
            else:  # BBC News and BASIL: the first line is the headline
                headlines["files with a headline"] += 1
                first = text.split("\n", 1)[0].strip()
                headlines["... whose title is it"] += title is not None and title.strip() == first
            continue
        if "source" not in found.meta:
            continue
        notes = [n for n in found.notes if n.startswith("outlet")]
        for note in notes:
            rules[note.split(" from ", 1)[1].split(" '")[0]] += 1
        print(f"{path.relative_to(path.parents[1])}\t{found.meta['source']}\t{'; '.join(notes)}")
    if titles:
        print("\n" + ", ".join(f"{name}: {count}" for name, count in headlines.items()))
        return 0
    print(f"\n{len(files)} files, outlets inferred by rule: {dict(sorted(rules.items()))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
