"""How well newsdesk finds and merges named entities, measured on real gold.

    python benchmarks/eval_entities.py [--topics 1,2,...] [--folds K] [--skip conll,bbc,seeds]

ECB+ dev topics (../shared/data/ecbplus-dev): each topic is indexed as one corpus
by newsdesk's own analysis (reading, NER, the corpus-wide pass) and scored on the
named gold mentions (capitalised, not pronouns, in annotated lines; time
expressions left out): the share recognised (a predicted entity mention overlaps
it) and B3 precision, recall and F1 of the canonical entities (a missed mention is
a singleton), pooled over topics, overall and per gold type. Both under two
mappings of gold to predicted mentions: by overlap (the predicted mention that
overlaps the gold one most) and by head (only a predicted mention that covers
the gold mention's head word, the word the last-word baseline keys on). Beside it, on the
same gold mentions, two baselines: one entity per exact string, one per last word.
With --folds K the topics are split into K folds by number and each fold is
printed apart, so a rule chosen on some topics can be read on the others.

Then CoNLL++ test typed F1 (PER, ORG, LOC), the BBC corpus's 30 most mentioned
entities with their aliases and every acronym merged into a name it does not
spell, and the seeds' merges. The model's spans are cached on disk by text
(--cache), so a second run measures the rules, not spaCy.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ECB, MULTISOURCE, NER_GOLD, NEWS, ROOT, held_out  # noqa: E402
from index import nlp  # noqa: E402
from index.analysis import Analysis  # noqa: E402
from index.article_analysis import stored_parts  # noqa: E402
from index.corpus_pass import summarise  # noqa: E402
from index.gazetteer import KNOWN_ACRONYMS  # noqa: E402
from index.model import Article, Passage  # noqa: E402
from index.names import alias_key  # noqa: E402
from index.readers import read  # noqa: E402

PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "mine",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "yours",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "it",
        "its",
        "they",
        "them",
        "their",
        "theirs",
        "this",
        "that",
        "these",
        "those",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "one",
        "the",
        "a",
        "an",
    ]
)
TYPES = {
    "HUMAN_PART_PER": "PER",
    "HUMAN_PART_ORG": "ORG",
    "LOC_GEO": "LOC",
    "LOC_FAC": "LOC",
    "LOC_OTHER": "LOC",
}
_WORD = re.compile(r"[\w'’.-]+")


# -- the model's spans, cached by text ---------------------------------------------------


class SpanCache:
    """nlp.model_spans with results kept on disk, keyed by model and text."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / "model-spans.pickle" if folder else None
        self.spans: dict[str, list] = {}
        if self.path and self.path.exists():
            self.spans = pickle.loads(self.path.read_bytes())
        self.dirty = False
        self.original = nlp.model_spans
        self.seconds = 0.0
        self.texts = 0

    def __call__(self, texts, name=None, n_process=1, batch_size=64):
        model = nlp.model_name(name)
        keys = [hashlib.sha1(f"{model}\0{t}".encode()).hexdigest() for t in texts]
        todo = [(k, t) for k, t in zip(keys, texts, strict=True) if k not in self.spans]
        if todo:
            started = time.perf_counter()
            found = self.original([t for _, t in todo], name, n_process, batch_size)
            self.seconds += time.perf_counter() - started
            self.texts += len(todo)
            self.spans.update((k, f) for (k, _), f in zip(todo, found, strict=True))
            self.dirty = True
        return [self.spans[k] for k in keys]

    def save(self) -> None:
        if self.path and self.dirty:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_bytes(pickle.dumps(self.spans))


# -- running newsdesk on a folder --------------------------------------------------------


def analyse(files: Sequence[tuple[str, Path]]) -> tuple[dict[str, Any], dict[str, Any], float]:
    """newsdesk's state (entities, stories, ...) for ``(article id, path)`` pairs,
    the articles by id, and the seconds spent in per-article analysis."""
    articles = []
    for article_id, path in files:
        result, _ = read(str(path), article_id)
        articles.extend(result.articles)
    started = time.perf_counter()
    results = Analysis().analyse_here(articles)
    seconds = time.perf_counter() - started
    return summarise(stored(articles, results)), {a.id: a for a in articles}, seconds


def stored(articles: Sequence[Article], results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The analyses as the index stores them, by article id: what the corpus-wide
    pass reads."""
    return {a.id: stored_parts(a, r)[0] for a, r in zip(articles, results, strict=True)}


# -- ECB+ --------------------------------------------------------------------------------


def is_named(text: str) -> bool:
    """A capitalised mention that is not a pronoun: some word other than a
    determiner or pronoun starts with a capital letter."""
    words = [w for w in _WORD.findall(text) if w.lower() not in PRONOUNS]
    return any(w[0].isupper() for w in words)


def gold_mentions(gold: dict[str, Any]) -> list[dict[str, Any]]:
    """Named gold mentions in annotated lines, time expressions left out."""
    found = []
    for cluster in gold["entities"]:
        if cluster["type"].startswith("TIME"):
            continue
        for mention in cluster["mentions"]:
            doc = gold["docs"].get(mention["doc"])
            if doc is None or mention["sent"] not in doc["coref_sentences"]:
                continue
            if mention.get("discontinuous") or not is_named(mention["text"]):
                continue
            found.append(
                {
                    "article": doc["file"],
                    "start": mention["start_char"],
                    "end": mention["end_char"],
                    "text": mention["text"],
                    "gold": cluster["cluster_id"],
                    "type": TYPES.get(cluster["type"], "OTHER"),
                }
            )
    return found


_HEAD_END = re.compile(r",|\s(?:in|at|on|near|off|from|outside|inside|with|who|which|that)\s")


_POSSESSIVE = re.compile(r"(?<=\w)(?:['’]s|(?<=s)['’])$")


def head_word(mention: dict[str, Any]) -> tuple[int, int] | None:
    """The file offsets of a gold mention's head: its last word (not a pronoun or
    determiner) before a comma or a preposition such as "in" ("store" in "a Paris
    jewelry store", "bank" in "a bank in Athens"), without a possessive's "'s"
    ("Lohan" of "Lindsay Lohan's", as the last-word baseline reads it)."""
    head_text = _HEAD_END.split(mention["text"], maxsplit=1)[0]
    words = [w for w in _WORD.findall(head_text) if w.lower() not in PRONOUNS]
    if not words:
        return None
    at = mention["start"] + head_text.rfind(words[-1])
    return at, at + len(_POSSESSIVE.sub("", words[-1]) or words[-1])


def proper_names(mentions: list[dict[str, Any]], texts: dict[str, str]) -> list[dict[str, Any]]:
    """The mentions whose head word is a name, not a capitalised common noun: the
    head (see head_word) starts with a capital, and where a capital says nothing
    (a line's first word, a headline) the topic never writes that word in lower
    case ("Police", "Woman" are left out; "a bank in Athens" is a bank)."""
    lower = set()
    for text in texts.values():
        lower.update(w for w in _WORD.findall(text) if w.islower())
    kept = []
    for mention in mentions:
        span = head_word(mention)
        text = texts[mention["article"]]
        if span is None or not text[span[0]].isupper():
            continue
        at, head = span[0], text[span[0] : span[1]]
        line_start = text.rfind("\n", 0, at) + 1
        in_headline = line_start == 0
        if (at == line_start or in_headline) and head.lower() in lower:
            continue
        kept.append(mention)
    return kept


def predicted_entities(
    state: dict[str, Any], mentions: list[dict[str, Any]], by_head: bool = False
) -> list[str | None]:
    """The predicted entity of each gold mention: the one whose mention overlaps it
    most (None when no predicted mention overlaps). With ``by_head`` only predicted
    mentions that cover the gold mention's head word count (see head_word): "Paris"
    in "a Paris jewelry store" is not newsdesk finding the store."""
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for entity in state["entities"]:
        for m in entity["mentions"]:
            spans[m["id"]].append((m["start"], m["end"], entity["id"]))
    result = []
    for gold in mentions:
        head = head_word(gold) if by_head else None
        best, best_overlap = None, 0
        for start, end, entity in spans.get(gold["article"], ()):
            if by_head and (head is None or not start <= head[0] < head[1] <= end):
                continue
            overlap = min(end, gold["end"]) - max(start, gold["start"])
            if overlap > best_overlap:
                best, best_overlap = entity, overlap
        result.append(best)
    return result


def b3(gold: Sequence[str], guess: Sequence[str]) -> list[tuple[float, float]]:
    """Per-mention B3 precision and recall."""
    by_gold: dict[str, set[int]] = defaultdict(set)
    by_guess: dict[str, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, guess, strict=True)):
        by_gold[g].add(i)
        by_guess[p].add(i)
    scores = []
    for g, p in zip(gold, guess, strict=True):
        shared = len(by_gold[g] & by_guess[p])
        scores.append((shared / len(by_guess[p]), shared / len(by_gold[g])))
    return scores


def last_word(text: str) -> str:
    words = _WORD.findall(text.replace("'s", ""))
    return words[-1].lower() if words else text.lower()


class Scores:
    """Pooled per-mention B3 scores of a system and the baselines, by type."""

    SYSTEMS = ("newsdesk", "exact string", "last word")

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def add_topic(self, topic: int, mentions: list[dict[str, Any]], guess: list[str | None]):
        gold = [m["gold"] for m in mentions]
        singletons = [p if p is not None else f"missed-{i}" for i, p in enumerate(guess)]
        systems = {
            "newsdesk": b3(gold, singletons),
            "exact string": b3(gold, [m["text"] for m in mentions]),
            "last word": b3(gold, [last_word(m["text"]) for m in mentions]),
        }
        for i, mention in enumerate(mentions):
            row = {"topic": topic, "type": mention["type"], "found": guess[i] is not None}
            row.update({name: scores[i] for name, scores in systems.items()})
            self.rows.append(row)

    def table(self, title: str, rows: list[dict[str, Any]] | None = None) -> None:
        rows = self.rows if rows is None else rows
        print(f"\n{title}")
        header = f"{'type':<7}{'gold':>6}{'found':>7}"
        for name in self.SYSTEMS:
            header += f" | {name + ' P':>14}{'R':>6}{'F1':>6}"
        print(header)
        for kind in ("all", "PER", "ORG", "LOC", "OTHER"):
            chosen = [r for r in rows if kind == "all" or r["type"] == kind]
            if not chosen:
                continue
            found = sum(r["found"] for r in chosen) / len(chosen)
            line = f"{kind:<7}{len(chosen):>6}{found:>7.3f}"
            for name in self.SYSTEMS:
                p, r, f = f1_of(chosen, name)
                line += f" | {p:>14.3f}{r:>6.3f}{f:>6.3f}"
            print(line)


def f1_of(rows: list[dict[str, Any]], system: str) -> tuple[float, float, float]:
    p = sum(r[system][0] for r in rows) / len(rows)
    r = sum(r[system][1] for r in rows) / len(rows)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def topic_folders(chosen: str | None) -> list[Path]:
    folders = sorted(ECB.glob("topic*"))
    if chosen:
        wanted = {int(t) for t in chosen.split(",")}
        folders = [f for f in folders if int(f.name[5:]) in wanted]
    return folders


def sweep(args) -> None:
    """Choose the merge ratios on odd topics, read them on even ones (and back)."""
    from index.entities import companies, misspellings, organisations, people

    grid = [(s, n) for s in (2.0, 3.0, 5.0, 10.0, float("inf")) for n in (2.0, 3.0, 5.0, 1e9)]
    folders = topic_folders(args.topics)
    results: dict[tuple[float, float], Scores] = {}
    for surname, name in grid:
        # Each ratio is set in the modules whose rules read it (defined in index.entities.nodes).
        people.SURNAME_DOMINANCE = misspellings.SURNAME_DOMINANCE = surname
        organisations.NAME_DOMINANCE = companies.NAME_DOMINANCE = name
        scores = Scores()
        for folder in folders:
            gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
            files = [(d["file"], folder / d["file"]) for d in gold["docs"].values()]
            state, _, _ = analyse(sorted(files))
            mentions = gold_mentions(gold)
            scores.add_topic(gold["topic"], mentions, predicted_entities(state, mentions))
        results[surname, name] = scores
    print("\nratios chosen on one half of the topics, B3 F1 read on the other")
    for train_odd in (True, False):

        def half(rows, odd):
            return [r for r in rows if (r["topic"] % 2 == 1) == odd]

        best = max(grid, key=lambda g: f1_of(half(results[g].rows, train_odd), "newsdesk")[2])
        seen = f1_of(half(results[best].rows, train_odd), "newsdesk")[2]
        unseen = f1_of(half(results[best].rows, not train_odd), "newsdesk")[2]
        print(
            f"  tuned on {'odd' if train_odd else 'even'} topics: surname {best[0]}, name "
            f"{best[1]}: F1 {seen:.3f} there, {unseen:.3f} on the others"
        )
    for grid_point, scores in results.items():
        print(
            f"  surname {grid_point[0]:>5} name {grid_point[1]:>5}: all topics F1 "
            f"{f1_of(scores.rows, 'newsdesk')[2]:.3f}"
        )


MAPPINGS = {
    "overlap": "a gold mention is the entity of the predicted mention that overlaps it most",
    "head": "a gold mention is found only by a predicted mention covering its head word "
    '("Paris" alone does not find "a Paris jewelry store")',
}


def run_ecb(args, misses: list[str]) -> dict[str, Scores]:
    """Score every topic under both mappings of gold to predicted mentions, on all
    named mentions and on proper names only; print them pooled and by fold."""
    scores = {m: Scores() for m in MAPPINGS}
    proper = {m: Scores() for m in MAPPINGS}
    articles_total, seconds_total = 0, 0.0
    for folder in topic_folders(args.topics):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        files = [(d["file"], folder / d["file"]) for d in gold["docs"].values()]
        state, _, seconds = analyse(sorted(files))
        articles_total, seconds_total = articles_total + len(files), seconds_total + seconds
        mentions = gold_mentions(gold)
        texts = {f: p.read_text(encoding="utf-8") for f, p in files}
        names = proper_names(mentions, texts)
        for mapping in MAPPINGS:
            by_head = mapping == "head"
            guess = predicted_entities(state, mentions, by_head)
            scores[mapping].add_topic(gold["topic"], mentions, guess)
            proper[mapping].add_topic(
                gold["topic"], names, predicted_entities(state, names, by_head)
            )
        misses.extend(
            f"t{gold['topic']} {m['article']} {m['start']}: {m['text']!r}"
            for m, g in zip(mentions, predicted_entities(state, mentions, True), strict=True)
            if g is None
        )
    unseen = ", held out: no rule was tuned on it" if held_out(ECB) else ""
    print(
        f"ECB+ {ECB}{unseen}: {len(topic_folders(args.topics))} topics, {articles_total} articles"
    )
    for mapping, explanation in MAPPINGS.items():
        print(f"\n== mapping by {mapping}: {explanation}")
        scores[mapping].table(f"ECB+ named gold mentions, pooled over topics (B3, by {mapping})")
        proper[mapping].table(
            f"the same, proper names only (head word a name, see proper_names; by {mapping})"
        )
        print_folds(scores[mapping], args.folds, mapping)
    if seconds_total:
        print(f"\nper-article analysis (NER cached where seen): {seconds_total:.1f} s")
    return scores


def print_folds(scores: Scores, folds: int, mapping: str) -> None:
    """The topics split into ``folds`` by number, each printed apart."""
    if folds < 2:
        return
    topics = sorted({r["topic"] for r in scores.rows})
    for fold in range(folds):
        part = set(topics[fold::folds])
        scores.table(
            f"fold {fold + 1}/{folds} (by {mapping}): topics {sorted(part)}",
            [r for r in scores.rows if r["topic"] in part],
        )


# -- CoNLL++ -----------------------------------------------------------------------------


CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
CONLL_KINDS = {"person": "PER", "organisation": "ORG", "place": "LOC"}


def conll_articles(docs: list[dict[str, Any]]) -> list[Article]:
    """Each CoNLL document as an article whose passages are its lines."""
    articles = []
    for doc in docs:
        text = doc["text"]
        passages, offset = [], 0
        for line in text.split("\n"):
            if line.strip():
                passages.append(Passage(str(doc["doc_id"]), len(passages) + 1, offset,
                                        offset + len(line), line))  # fmt: skip
            offset += len(line) + 1
        articles.append(Article(str(doc["doc_id"]), "conll.txt", "text", text,
                                passages=tuple(passages)))  # fmt: skip
    return articles


def run_conll() -> None:
    """Typed F1 of newsdesk's mentions (the model's, then newsdesk's own steps) on
    CoNLL++ test; the model's spans alone beside it."""
    path = NER_GOLD / "conll_test_docs.jsonl"
    if not path.exists():
        print(f"\nCoNLL++: skipped, {path} is not available")
        return
    with path.open(encoding="utf-8") as lines:
        docs = [json.loads(line) for line in lines if line.strip()]
    truth = {
        (d["doc_id"], e["start"], e["end"], e["label"])
        for d in docs
        for e in d["entities"]
        if e["label"] in ("PER", "ORG", "LOC")
    }
    model = {
        (doc["doc_id"], m.start, m.end, CONLL[m.label])
        for doc, found in zip(docs, nlp.find_mentions([d["text"] for d in docs]), strict=True)
        for m in found
        if m.label in CONLL
    }
    articles = conll_articles(docs)
    results = Analysis().analyse_here(articles)
    ours = {
        (int(article.id), m["start"], m["end"], CONLL_KINDS[m["kind"]])
        for article, result in zip(articles, results, strict=True)
        for m in result["mentions"]
        if m["kind"] in CONLL_KINDS
    }
    # The 231 documents as one corpus: each mention labelled with the kind of the
    # entity the corpus-wide merge puts it in (what the reader shows).
    corpus = {
        (int(m["id"]), m["start"], m["end"], CONLL_KINDS[entity["label"]])
        for entity in summarise(stored(articles, results))["entities"]
        if entity["label"] in CONLL_KINDS
        for m in entity["mentions"]
    }
    print(
        "\nCoNLL++ test, typed spans (exact span and label): newsdesk, each article | "
        "newsdesk, the merged entity's kind (the documents as one corpus) | the model alone"
    )
    columns = f"{'P':>7}{'R':>7}{'F1':>7}"
    print(f"{'label':<13}{columns} |{columns} |{columns}{'gold':>7}")
    for label in ("PER+ORG+LOC", "PER", "ORG", "LOC"):
        labels = ("PER", "ORG", "LOC") if "+" in label else (label,)
        t = {s for s in truth if s[3] in labels}
        line = f"{label:<13}"
        for guess in (ours, corpus, model):
            g = {s for s in guess if s[3] in labels}
            hits = len(g & t)
            p = hits / len(g) if g else 0.0
            r = hits / len(t) if t else 0.0
            f = 2 * p * r / (p + r) if hits else 0.0
            line += f"{p:>7.3f}{r:>7.3f}{f:>7.3f}" + (" |" if guess is not model else "")
        print(f"{line}{len(t):>7}")


# -- BBC ---------------------------------------------------------------------------------


def initials_fit(acronym: str, name: str) -> bool:
    """Whether ``acronym`` could abbreviate ``name``: its letters are the initials of
    the name's words (small words optional) or the name's own letters in order."""
    from index.names import initials_of

    letters = acronym.replace(".", "").lower()
    words = re.findall(r"[a-z0-9]+", name.lower())
    if letters in initials_of(words):
        return True
    return bool(re.fullmatch(".*".join(map(re.escape, letters)) + ".*", name.lower()))


def acronym_problems(entities: list[dict[str, Any]]) -> list[str]:
    """Acronym aliases joined to names they do not spell (nor a known expansion)."""
    problems = []
    for entity in entities:
        texts = [a["text"] for a in entity["aliases"]]
        longer = [t for t in texts if " " in t]
        for text in texts:
            letters = text.replace(".", "")
            if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
                continue
            known = KNOWN_ACRONYMS.get(letters.lower())
            if known or any(letters.lower() in alias_key(name).split() for name in longer):
                continue  # a known acronym, or a name in capitals (OBAMA)
            if longer and not any(initials_fit(text, name) for name in longer):
                problems.append(f"{text!r} in {entity['name']!r} ({', '.join(longer[:4])})")
    return problems


class StepTimer:
    """Seconds spent in newsdesk's own steps around the model (index.mentions,
    index.tables, index.datelines, index.teams, index.references)."""

    STEPS = (
        "truecase",
        "split_spans",
        "relabel",
        "teams",
        "datelines",
        "capitalised",
        "trim_headlines",
        "propagate",
        "known_teams",
        "shown_people",
        "shown_places",
        "find_references",
    )

    def __init__(self) -> None:
        # The analysis imports each step from its module when it runs, so the
        # steps are timed where they are defined. A step of the packages
        # index.mentions and index.references is timed in the package, which the
        # analysis imports it from, and in each module of the package that holds
        # it (share_in_story calls propagate).
        import index.datelines
        import index.mentions
        import index.references
        import index.tables
        import index.teams

        packages = {
            package: [
                module
                for name, module in sys.modules.items()
                if name == package.__name__ or name.startswith(package.__name__ + ".")
            ]
            for package in (index.mentions, index.references)
        }
        self.seconds: dict[str, float] = dict.fromkeys(self.STEPS, 0.0)
        for step in self.STEPS:
            module = next(
                m
                for m in (
                    index.mentions,
                    index.tables,
                    index.datelines,
                    index.teams,
                    index.references,
                )
                if hasattr(m, step)
            )
            function = getattr(module, step)
            timed = self._timed(step, function)
            for holder in packages.get(module, [module]):
                if getattr(holder, step, None) is function:
                    setattr(holder, step, timed)

    def _timed(self, step: str, function: Callable) -> Callable:
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[step] += time.perf_counter() - started

        return timed

    def reset(self) -> None:
        self.seconds = dict.fromkeys(self.STEPS, 0.0)


STEPS: StepTimer | None = None


def run_corpus(name: str, root: Path, pattern: str, limit: int | None) -> None:
    """The 30 most mentioned entities of a real corpus, and acronym merges to check."""
    if not root.exists():
        print(f"\n{name}: skipped, {root} is not available")
        return
    files = sorted(root.glob(pattern))[:limit]
    started = time.perf_counter()
    state, _, seconds = analyse([(str(p.relative_to(root)), p) for p in files])
    total = time.perf_counter() - started
    entities = state["entities"]
    print(f"\n{name}: {len(files)} articles, {len(entities)} entities")
    print(f"  per-article analysis {seconds:.1f} s, whole run {total:.1f} s")
    if STEPS is not None:
        own = sum(STEPS.seconds.values())
        print(
            f"  newsdesk's steps around the model: {own:.1f} s "
            f"({len(files) / own:.0f} articles/s): "
            + ", ".join(f"{k} {v:.1f} s" for k, v in STEPS.seconds.items())
        )
        STEPS.reset()
    print("  30 entities with the most mentions:")
    for entity in entities[:30]:
        aliases = ", ".join(f"{a['text']} ({a['count']})" for a in entity["aliases"][:8])
        print(f"  {len(entity['mentions']):>5} {entity['label']:<12} {entity['name']}: {aliases}")
    problems = acronym_problems(entities)
    print(f"  acronyms joined to a name they do not spell: {len(problems)}")
    for line in problems[:20]:
        print(f"    {line}")


# -- seeds -------------------------------------------------------------------------------

SEED_MERGES = (
    ("Kyiv", "Kiev"),
    ("Volodymyr Zelensky", "Zelenskyy"),
    ("Rustem Umerov", "Umerov"),
)


def run_seeds() -> None:
    seeds = ROOT / "seeds"
    state, _, _ = analyse([(p.name, p) for p in sorted(seeds.glob("*.txt"))])
    alias_of = {a["text"]: e["id"] for e in state["entities"] for a in e["aliases"]}
    print("\nseeds:")
    for first, second in SEED_MERGES:
        a, b = alias_of.get(first), alias_of.get(second)
        verdict = "merged" if a and a == b else "APART" if a and b else "not found"
        print(f"  {first} / {second}: {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", help="comma-separated ECB+ topic numbers (default: all)")
    parser.add_argument("--folds", type=int, default=2, help="print the topics in K folds")
    parser.add_argument(
        "--skip", default="", help="comma-separated: ecb,conll,bbc,multisource,seeds"
    )
    parser.add_argument("--bbc-limit", type=int, default=None, help="only the first N BBC files")
    parser.add_argument(
        "--cache",
        default=str(Path(tempfile.gettempdir()) / "newsdesk-eval-cache"),
        help="folder for the model's cached spans ('' for none)",
    )
    parser.add_argument(
        "--misses", type=Path, help="write the ECB+ mentions missed by head word here"
    )
    parser.add_argument("--sweep", action="store_true", help="cross-validate the merge ratios")
    args = parser.parse_args()
    skip = set(args.skip.split(","))
    cache = SpanCache(Path(args.cache) if args.cache else None)  # Path("") would be "."
    nlp.model_spans = cache  # type: ignore[assignment]
    global STEPS
    STEPS = StepTimer()
    parts: list[tuple[str, Callable[[], object]]] = []
    misses: list[str] = []
    if ECB.exists():
        parts.append(("ecb", lambda: run_ecb(args, misses)))
    else:
        print(f"ECB+: skipped, {ECB} is not available")
    parts += [
        ("conll", run_conll),
        ("bbc", lambda: run_corpus("BBC", NEWS, "*/*.txt", args.bbc_limit)),
        ("multisource", lambda: run_corpus("multi-source", MULTISOURCE, "*/*.txt", None)),
        ("seeds", run_seeds),
    ]
    if args.sweep:
        parts.append(("sweep", lambda: sweep(args)))
    try:
        for name, part in parts:
            if name not in skip:
                part()
    finally:
        cache.save()
    if cache.texts:
        print(f"\nspaCy on {cache.texts} new texts: {cache.seconds:.1f} s")
    if args.misses:
        args.misses.write_text("\n".join(misses) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
