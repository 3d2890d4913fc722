"""``newsdesk search WORDS`` from the shell, answered from the word table
beside the index without Whoosh (tui.quick, index.sidecar), says byte for
byte what the search through Whoosh says; and where the table cannot answer
for the index as it is now, the search goes through Whoosh."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from index import safety, sidecar
from index.engines.syntax import _words
from index.engines.words import TOKEN_PATTERN, index_form
from index.library import Library
from index.model import UNKNOWN_OUTLET
from tui import quick
from tui.cli import main

from .conftest import ROOT, SHARED_DATA

BBC_POLITICS = SHARED_DATA / "news-corpus" / "bbc" / "politics"
_TOKEN = re.compile(TOKEN_PATTERN)


def _settled(folder: Path) -> None:
    """Every folder under ``folder`` last changed an hour ago, as a corpus
    nobody is writing to is: the update check then keeps what it listed."""
    hour_ago = time.time_ns() - 3600 * 1_000_000_000
    for top, _dirs, _names in os.walk(folder):
        os.utime(top, ns=(hour_ago, hour_ago))


def _both(capsys, *args: str) -> tuple[tuple[int, str, str], tuple[int, str, str] | None]:
    """The command through Whoosh (which also keeps the listing the quick
    path reads), then the quick path's answer (None: it did not answer)."""
    code = main(["search", *args])
    full = (code, *capsys.readouterr())
    answered = quick.search(["search", *args])
    quick_out = capsys.readouterr()
    return full, (None if answered is None else (answered, *quick_out))


class _KeyOnly:
    """The command line's analysis key without running the NLP, which no
    search of the text reads: the index is current for the command line,
    and made in seconds."""

    analyse = summarise = None

    def __init__(self) -> None:
        from index.analysis import Analysis

        self.key = Analysis().key


def _library(corpus: Path, index_dir: Path | None = None) -> Library:
    return Library([corpus], index_dir, analysis=_KeyOnly())


@pytest.fixture
def corpus(seeds_copy):
    _settled(seeds_copy)
    return seeds_copy


@pytest.fixture
def index_dir(corpus, tmp_path):
    path = tmp_path / "ix"
    _library(corpus, path).update()
    return path


def _words_of(texts) -> list[str]:
    return sorted({m.group() for text in texts for m in _TOKEN.finditer(text)})


QUERIES = (
    "talks",
    "Istanbul talks",
    "prisoners exchange",
    "the talks",
    "Russia Ukraine",
    "ceasefire",
    "1,000 2025",
    "Prisoners",
    "said said",
    "a zeppelin",
    '"Istanbul talks"',
    '"prisoners of war"',
    '"the talks"',
    '"1,000 prisoners"',
    '"a 50-day deadline"',
    '"war of prisoners"',
    '"prisoners of war" Istanbul',
    'Istanbul "the talks" "prisoners of war"',
    '"the talks" talks "prisoners of war" "prisoners of war"',  # each part once
)


@pytest.mark.parametrize("query", QUERIES)
def test_a_plain_search_says_what_the_whoosh_search_says(capsys, corpus, index_dir, query):
    where = [str(corpus), "--index-dir", str(index_dir)]
    for extra in ([], ["--json"], ["--limit", "2"], ["--json", "--limit=1"]):
        full, fast = _both(capsys, query, *where, *extra)
        if query in ("a zeppelin", "1,000 2025", '"war of prisoners"'):
            # a word no passage has, a comma outside a phrase, a phrase no
            # passage holds (the command may offer close spellings for it)
            assert fast is None
            continue
        assert fast is not None and fast == full, (query, extra)


# The console script in a process of its own: its exit code and the modules it
# imported, on stderr, after what it printed.
PROBE = (
    "import sys, json\n"
    "from tui.entry import main\n"
    "code = main()\n"
    "sys.stdout.flush()\n"
    "print(json.dumps([code, sorted(sys.modules)]), file=sys.stderr)\n"
)


def test_the_seeds_are_answered_without_whoosh_in_a_process_of_their_own(corpus, index_dir):
    """What the console script runs: no Whoosh, no data model, no argparse."""
    where = [str(corpus), "--index-dir", str(index_dir)]
    assert main(["search", "talks", *where]) == 0  # keeps the listing
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "search", "Istanbul talks", *where],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    code, modules = json.loads(done.stderr.strip().splitlines()[-1])
    assert code == 0
    assert done.stdout.splitlines()[0].endswith("match Istanbul talks")
    loaded = [
        name
        for name in ("whoosh", "index.model", "index.engines", "argparse", "dataclasses", "rich")
        if name in modules
    ]
    assert loaded == []


def test_a_changed_article_is_searched_through_the_update(capsys, corpus, index_dir):
    where = [str(corpus), "--index-dir", str(index_dir)]
    _both(capsys, "talks", *where)
    article = sorted(corpus.glob("*.txt"))[0]
    before = corpus.stat()
    article.write_text(article.read_text() + "\n\nA zeppelin was seen over the talks.\n")
    os.utime(corpus, ns=(before.st_atime_ns, before.st_mtime_ns))  # an edit in place
    assert quick.search(["search", "talks", *where]) is None  # the listing no longer holds
    _library(corpus, index_dir).update()  # a new commit, with its table
    full, fast = _both(capsys, "zeppelin", *where)
    assert full[0] == 0 and article.name in full[1]
    assert fast == full


def test_a_table_of_another_commit_is_never_read(capsys, corpus, index_dir, tmp_path):
    where = [str(corpus), "--index-dir", str(index_dir)]
    _both(capsys, "talks", *where)
    old = tmp_path / "old-table"
    shutil.copy2(index_dir / sidecar.NAME, old)
    (corpus / "new.txt").write_text("Zeppelins\n\nA zeppelin was seen over the talks.\n")
    _library(corpus, index_dir).update()
    _settled(corpus)
    shutil.copy2(
        old, index_dir / sidecar.NAME
    )  # the last commit's table replaced by the one before
    full, fast = _both(capsys, "talks", *where)
    assert "new.txt" in full[1]
    assert fast is None


def test_a_damaged_or_missing_table_leaves_the_search_to_whoosh(capsys, corpus, index_dir):
    where = [str(corpus), "--index-dir", str(index_dir)]
    table = index_dir / sidecar.NAME
    for damage in (lambda: table.write_bytes(table.read_bytes()[:1000]), table.unlink):
        full, fast = _both(capsys, "talks", *where)
        assert fast == full
        damage()
        full, fast = _both(capsys, "talks", *where)
        assert full[0] == 0 and "passages match talks" in full[1]
        assert fast is None
        _library(corpus, index_dir).update()  # nothing to do: the table is written again
        assert table.exists()


def test_other_queries_options_and_settings_are_left_to_the_command_line(
    capsys, corpus, index_dir, isolated, monkeypatch
):
    where = [str(corpus), "--index-dir", str(index_dir)]
    assert main(["search", "talks", *where]) == 0
    capsys.readouterr()
    for query in (
        '"Istanbul talks"~2',
        "'Istanbul talks'",
        '"Istanbul"talks',
        'talks"Istanbul"',
        "talks AND Istanbul",
        "talk*",
        "source:EFE",
        "the of",
        '"the of"',
    ):
        assert quick.search(["search", query, *where]) is None
    for extra in (["--engine", "tantivy"], ["--lim", "3"], ["--help"], ["--model", "other"]):
        assert quick.search(["search", "talks", *where, *extra]) is None
    monkeypatch.setenv("TERM", "dumb")  # a terminal Rich draws plainly, 80 wide
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert quick.search(["search", "talks", *where]) is None
    monkeypatch.delenv("FORCE_COLOR")
    settings = isolated / "config" / "newsdesk" / "config.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text('theme = "textual-dark"\n')
    assert quick.search(["search", "talks", *where]) is None
    settings.unlink()
    assert quick.search(["search", "talks", *where]) == 0
    assert capsys.readouterr().out.startswith("19 passages match talks\n")


@pytest.mark.parametrize("columns", ["200", "80", "40", "21"])
def test_on_a_terminal_a_plain_search_draws_what_rich_draws(
    capsys, corpus, index_dir, monkeypatch, columns
):
    """On a terminal (FORCE_COLOR makes one of the capture, as it does for
    Rich), the lines are drawn with Rich's styles and wrapped as Rich wraps
    them to the terminal's width, byte for byte."""
    from tui import output

    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", columns)
    where = [str(corpus), "--index-dir", str(index_dir)]
    answered = 0
    queries = ("talks", "Istanbul talks", "prisoners exchanged", "Kyiv", "said said")
    for query in (*queries, '"prisoners of war" Istanbul'):
        for extra in ([], ["--limit", "2"]):
            monkeypatch.setattr(output, "_consoles", {})  # Rich's console as the command makes it
            full, fast = _both(capsys, query, *where, *extra)
            assert "\x1b[1;7m" in full[1]  # the matches drawn in bold reverse
            if fast is not None:
                answered += 1
                assert fast == full, (query, extra)
    # Every result line of the seeds fits 200 cells; none of their snippets fits 40.
    assert answered == 12  # the seeds' lines take one cell a character: all drawn here


_STYLES = {"1": "bold", "2": "dim", "1;7": "bold reverse"}
_LETTERS = st.sampled_from(list("ab Zé.-’¶:\u00a0  ") + ["ab", "Istanbul", "  ", "x" * 30])


@settings(max_examples=300, deadline=None)
@given(
    runs=st.lists(
        st.tuples(st.sampled_from(["", *_STYLES]), st.lists(_LETTERS, max_size=12).map("".join)),
        min_size=1,
        max_size=5,
    ),
    width=st.integers(20, 60),
)
def test_a_line_is_wrapped_and_styled_as_rich_does_it(runs, width):
    import io

    from rich.console import Console
    from rich.text import Text

    written = io.StringIO()
    console = Console(file=written, force_terminal=True, width=width, highlight=False)
    line = Text.assemble(*((part, _STYLES[code]) if code else part for code, part in runs))
    console.print(line)
    assert "\n".join(quick._wrapped(runs, width)) + "\n" == written.getvalue()


def test_a_search_at_a_real_terminal_is_drawn_without_rich(corpus, index_dir):
    """The console script at a terminal (a pseudo-terminal here): styled lines,
    and neither Rich nor Whoosh imported."""
    import pty

    where = [str(corpus), "--index-dir", str(index_dir)]
    assert main(["search", "talks", *where]) == 0  # keeps the listing
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "200"}
    env.pop("FORCE_COLOR", None)
    env.pop("TTY_COMPATIBLE", None)
    with subprocess.Popen(
        [sys.executable, "-c", PROBE, "search", "Istanbul talks", *where],
        stdout=follower,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    ) as process:
        os.close(follower)
        drawn = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            drawn += chunk
        _, err = process.communicate(timeout=120)
    os.close(leader)
    code, modules = json.loads(err.strip().splitlines()[-1])
    assert code == 0
    text = drawn.decode("utf-8")
    assert text.startswith("\x1b[2m") and "match Istanbul talks" in text.splitlines()[0]
    assert "\x1b[1;7mIstanbul\x1b[0m" in text
    assert not [name for name in ("whoosh", "rich") if name in modules]


def test_the_index_folder_is_the_one_the_library_picks(capsys, corpus, monkeypatch, isolated):
    """No --index-dir: the folder under $NEWSDESK_INDEX_DIR, or the user's cache."""
    import platformdirs

    for where in (None, "~/indexes-x"):
        if where is None:
            monkeypatch.delenv("NEWSDESK_INDEX_DIR")
        else:
            monkeypatch.setenv("HOME", str(isolated))
            monkeypatch.setenv("NEWSDESK_INDEX_DIR", os.path.expanduser(where))
        library = _library(corpus)  # the command line expands a ~ the shell left
        library.update()
        if where is not None:
            monkeypatch.setenv("NEWSDESK_INDEX_DIR", where)
        full, fast = _both(capsys, "Istanbul", str(corpus))
        assert fast == full and full[0] == 0, where
        assert quick._index(_args(str(corpus)))[0] == str(library.index_path)
    for value in ("", "  ", str(isolated / "xdg")):
        monkeypatch.setenv("XDG_CONFIG_HOME", value)
        monkeypatch.setenv("XDG_CACHE_HOME", value)
        config = platformdirs.user_config_dir("newsdesk", appauthor=False)
        assert quick._xdg("XDG_CONFIG_HOME", "~/.config") == config
        cache = platformdirs.user_cache_dir("newsdesk", appauthor=False)
        assert quick._xdg("XDG_CACHE_HOME", "~/.cache") == cache


def _args(*paths: str):
    from tui.options import plain_search

    return plain_search(["search", "x", *paths])


def test_the_unknown_outlet_is_named_as_the_model_names_it():
    assert quick.UNKNOWN_OUTLET == UNKNOWN_OUTLET


def test_every_character_is_made_safe_as_index_safety_makes_it():
    every = "".join(chr(code) for code in range(0x110000))
    assert quick.clean(every) == safety.clean(every)
    assert quick.clean_line("a\tb\nc\x1b") == safety.clean_line("a\tb\nc\x1b")
    data = {"snippet": every, "title": "東京\u202e"}
    made = json.dumps(data, ensure_ascii=False, indent=2).translate(quick._table("json"))
    assert made == safety.dumps(data)


def test_words_are_found_where_the_token_pattern_finds_them():
    samples = [
        "1,000,00 and 1,000.5x, 12,345.67.8 U.S. a_b x. .. 1,0001 3.14.15 2,000a",
        "Dolmabahçe ٣٤٥,٦٧٨ ²³ ½ ⅷ İstanbul 東京で会談 _under_ end.",
        *(chr(code) + "x1,234.5" for code in range(0x110000) if chr(code).isalnum()),
        "".join(chr(code) for code in range(0x3000)),
    ]
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        samples.append(path.read_text(encoding="utf-8"))
    for text in samples:
        assert sidecar.spans(text) == [m.span() for m in _TOKEN.finditer(text)]


def _table(index_dir: Path) -> sidecar.Table:
    library = Library(index_dir=index_dir)
    table = sidecar.open_table(index_dir, library.store.generation)
    assert table is not None
    return table


def test_every_word_of_the_passages_has_its_index_form_in_the_table(plain_seeds_index, tmp_path):
    index_dir = tmp_path / "ix"
    shutil.copytree(plain_seeds_index, index_dir)
    table = _table(index_dir)
    texts = [
        p.text for a in Library(index_dir=index_dir).articles() for p in _passages(index_dir, a.id)
    ]
    for word in _words_of(texts):
        assert table.form(word) == (index_form(word) or "")
        terms = sidecar.query_terms(table, word)
        parsed = _words(word)
        expected = [] if parsed is None or not hasattr(parsed, "text") else [parsed.text]
        if word.isalnum():  # a query of words alone
            assert terms == expected, word


def _passages(index_dir: Path, article_id: str):
    return Library(index_dir=index_dir).article(article_id).passages


@pytest.mark.skipif(not BBC_POLITICS.exists(), reason=f"{BBC_POLITICS} is not on this machine")
def test_many_searches_of_the_bbc_say_what_whoosh_says(capsys, tmp_path):
    """417 BBC politics articles: words of every frequency, alone and in twos
    and threes, each as text, JSON and a few hits; then again after an
    incremental update that rewrote an article and deleted another (the
    table rewritten, the deleted passages still counted as Whoosh counts)."""
    corpus = tmp_path / "politics"
    shutil.copytree(BBC_POLITICS, corpus)
    _settled(corpus)
    index_dir = tmp_path / "ix"
    library = _library(corpus, index_dir)
    library.update()
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(corpus.glob("*.txt"))]
    counts = Counter(m.group().lower() for text in texts for m in _TOKEN.finditer(text))
    ranked = [w for w, _ in counts.most_common() if w.isalnum()]
    singles = ranked[::40][:60]
    queries = [*singles, *(f"{a} {b}" for a, b in zip(singles, singles[7:], strict=False))]
    queries += [
        f"{a} {b} {c}" for a, b, c in zip(ranked[::97], ranked[5::97], ranked[9::97], strict=False)
    ][:15]
    queries += ["Blair Brown election", "The Prime Minister", "Labour", "tax", "2005"]
    # Phrases of two to four words as the articles write them (stop words,
    # numbers and hyphens among them), and the same words in another order.
    phrases = []
    for text in texts[::25]:
        tokens = _TOKEN.findall(text)
        for at in range(3, len(tokens) - 4, 89):
            words = tokens[at : at + 2 + at % 3]
            phrases.append('"' + ("-" if at % 4 == 0 else " ").join(words) + '"')
            if at % 5 == 0:
                phrases.append('"' + " ".join(reversed(words)) + '"')
            if at % 3 == 1:  # with a word of the article, before or after
                word = tokens[min(at + 9, len(tokens) - 1)]
                phrases.append(f"{word} {phrases[-1]}" if at % 2 else f"{phrases[-1]} {word}")

    def compare(queries: list[str]) -> int:
        answered = 0
        for query in queries:
            for extra in ([], ["--json"], ["--limit", "3"]):
                full, fast = _both(
                    capsys, query, str(corpus), "--index-dir", str(index_dir), *extra
                )
                if fast is not None:
                    answered += 1
                    assert fast == full, (query, extra)
        return answered

    assert compare(queries) >= 0.9 * 3 * len(queries)  # a word of titles alone is Whoosh's
    # Stop words alone, and a phrase no passage holds, are Whoosh's.
    assert compare(phrases) >= 0.75 * 3 * len(phrases)
    edited, deleted = sorted(corpus.glob("*.txt"))[:2]
    before = corpus.stat()
    edited.write_text(
        edited.read_text(encoding="utf-8", errors="replace") + "\n\nTax talks went on.\n"
    )
    deleted.unlink()
    library.update()
    os.utime(corpus, ns=(before.st_atime_ns, before.st_mtime_ns))
    _settled(corpus)
    assert compare(queries) >= 0.9 * 3 * len(queries)
    assert compare(phrases) >= 0.75 * 3 * len(phrases)


def _fresh(index_dir: Path) -> sidecar.Table:
    """The table of the index's last commit written anew, from Whoosh alone."""
    from whoosh.index import TOC, FileIndex
    from whoosh.searching import Searcher

    from index.engines import whoosh_sidecar
    from index.engines.whoosh import IndexStorage

    storage = IndexStorage(str(index_dir))
    generation = int(TOC._latest_generation(storage, "newsdesk"))
    toc = TOC.read(storage, "newsdesk", gen=generation)
    reader = FileIndex._reader(storage, toc.schema, toc.segments, generation)
    key = (index_dir / whoosh_sidecar.toc_name(generation)).read_bytes()
    data = whoosh_sidecar._table(Searcher(reader), generation, key, None)
    fresh = index_dir.parent / "fresh"
    fresh.mkdir(exist_ok=True)
    (fresh / sidecar.NAME).write_bytes(data)
    shutil.copy2(index_dir / whoosh_sidecar.toc_name(generation), fresh)
    table = sidecar.open_table(fresh, generation)
    assert table is not None
    return table


def test_a_table_taken_from_the_last_one_is_the_one_written_anew(corpus, index_dir):
    """An update takes the segments it did not write from the last table,
    less the passages it deleted: the same words, postings, lengths and
    passages as a table written from Whoosh alone."""
    first = sidecar.last_table(index_dir)
    assert first is not None
    articles = sorted(corpus.glob("*.txt"))
    articles[0].write_text(articles[0].read_text() + "\n\nA zeppelin was seen over the talks.\n")
    articles[1].unlink()
    (corpus / "new.txt").write_text("Talks\n\nThe talks in Istanbul went on.\n")
    _library(corpus, index_dir).update()
    table = sidecar.last_table(index_dir)
    assert table is not None
    kept = set(first.header["segment_ids"]) & set(table.header["segment_ids"])
    assert kept  # the first commit's segment is still there, with deletions
    fresh = _fresh(index_dir)
    assert dict(table.entries()) == dict(fresh.entries())
    for section in ("lengths", "doc_offsets", "docs"):
        assert bytes(table._sections[section]) == bytes(fresh._sections[section])
    assert table.words().items() >= fresh.words().items()


def test_a_table_that_cannot_be_made_is_not_tried_again_until_the_next_commit(
    capsys, corpus, index_dir, monkeypatch
):
    from index.engines import whoosh_sidecar

    where = [str(corpus), "--index-dir", str(index_dir)]
    real, tried = whoosh_sidecar._table, []

    def failing(*args, **kwargs):
        tried.append(1)
        raise MemoryError

    monkeypatch.setattr(whoosh_sidecar, "_table", failing)
    (corpus / "new.txt").write_text("Zeppelins\n\nA zeppelin was seen over the talks.\n")
    _library(corpus, index_dir).update()
    _settled(corpus)
    full, fast = _both(capsys, "zeppelin", *where)
    assert "new.txt" in full[1] and fast is None  # answered through Whoosh
    _library(corpus, index_dir).update()  # nothing to do: the commit's table is not made again
    assert len(tried) == 1
    monkeypatch.setattr(whoosh_sidecar, "_table", real)
    (corpus / "new.txt").write_text("Zeppelins\n\nTwo zeppelins were seen over the talks.\n")
    _library(corpus, index_dir).update()
    _settled(corpus)
    full, fast = _both(capsys, "zeppelins", *where)  # a word the passages now have
    assert fast == full and "Two zeppelins" in full[1]


def test_the_word_table_and_the_query_parser_know_the_same_operators():
    """A query holding an operator is parsed, never answered as words alone."""
    from index.engines.syntax import OPERATORS

    assert sidecar.OPERATORS == OPERATORS


class _Forms:
    """The word table of a text and other words (as other passages write
    them): each word lower-cased, with the index form of the word as written
    (as the table keeps them)."""

    def __init__(self, text: str, others: list[str]) -> None:
        words = [m.group() for m in _TOKEN.finditer(text)] + others
        self.forms = {word.lower(): index_form(word) or "" for word in words}

    def form(self, word: str) -> str | None:
        return self.forms.get(word)


_PHRASE_WORDS = ["talks", "Talks", "talk", "in", "the", "a", "Istanbul", "İstanbul", "1,000"]
_PHRASE_WORDS += ["U.S.", "war", "of", "prisoners", "x", "2", "talks.war"]


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(
        st.tuples(
            st.sampled_from(_PHRASE_WORDS),
            st.sampled_from([" ", " ", "-", ", ", ".", "\n", "_", "’s ", ",", " İ "]),
        ),
        max_size=14,
    ),
    phrase=st.lists(
        st.sampled_from(["talks", "Istanbul", "war", "prisoners", "1,000"]), min_size=2, max_size=3
    ),
)
@example(pieces=[("x", "."), ("talks", " "), ("war", "")], phrase=["talks", "war"])  # "x.talks"
@example(pieces=[("12,345,678", " "), ("war", "")], phrase=["345,678", "war"])  # one number
def test_a_phrase_is_found_where_the_index_puts_its_words_one_after_the_other(pieces, phrase):
    """What the plain search reads as a phrase's match is what Whoosh's index
    holds: the phrase's words at consecutive positions, stop words not
    counted, whatever stands between them."""
    from index.engines.words import text_analyzer
    from index.plain_scoring import _in_order

    text = "".join(word + after for word, after in pieces)
    analysed = [(t.pos, t.text) for t in text_analyzer()(text, positions=True)]
    terms = [index_form(word) for word in phrase]
    expected = any(
        [word for _, word in analysed[at : at + len(terms)]] == terms
        and analysed[at + len(terms) - 1][0] - analysed[at][0] == len(terms) - 1
        for at in range(len(analysed))
    )
    table = _Forms(text, phrase)
    spellings = [frozenset(w for w, f in table.forms.items() if f == term) for term in terms]
    assert _in_order(text, spellings, table, {}) == expected, (text, terms)


def test_a_phrase_sums_its_words_scores_in_the_tree_whoosh_builds_for_it():
    """Whoosh scores a phrase as the sum of its words' scores over a balanced
    tree in the phrase's order; a sum in another order differs in its last
    bits, and the JSON shows every bit."""
    from whoosh.util import make_binary_tree

    from index.plain_scoring import _balanced

    for size in range(1, 10):
        words = list(range(size))
        assert _balanced(words) == make_binary_tree(lambda a, b: (a, b), words)
