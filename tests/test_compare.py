"""Cross-source comparison on the seeds: stories, relations, independence,
related passages, entity coverage, and the commands that show them."""

from __future__ import annotations

import json
import shutil

import pytest

from index.analysis import Analysis
from index.library import Library
from index.model import UNKNOWN_OUTLET
from index.pass_views import OTHER_STORY_FACTS
from tui.cli import main

from .conftest import SEEDS, SHARED_DATA

A000, A001, A002, A003, A004 = (next(SEEDS.glob(f"00{n}_*.txt")).name for n in range(5))


@pytest.fixture
def library(seeds_index):
    return Library([SEEDS], seeds_index, analysis=Analysis())


def facts_view(library, article, passage, text):
    view = library.related(article, passage)
    return next(f for f in view.facts if f.fact.text == text)


def others(item):
    return {(o.fact.article, o.fact.text): (o.relation, o.same_story) for o in item.others}


def test_the_two_rounds_of_talks_are_two_stories(library):
    stories = {s.articles for s in library.stories()}
    assert stories == {(A001, A003, A004), (A000, A002)}
    assert all(s.title for s in library.stories())


def test_agree_same_figure_in_two_sources(library):
    item = facts_view(library, A003, 1, "1,000 POWs each")
    assert item.relation == "agree"
    assert others(item)[(A001, "1,000 prisoners of war each")] == ("agree", True)


def test_other_story_figure_is_context_not_a_contradiction(library):
    item = facts_view(library, A002, 1, "1,200 prisoners of war")
    assert item.relation == "only here"  # nothing in its own story reports the swap
    assert others(item)[(A001, "1,000 prisoners of war each")] == ("context", False)


@pytest.mark.slow
def test_another_rounds_date_is_context_never_a_difference(library):
    """001 dates the first round of talks (Friday); EFE's "Tuesday" is the second
    round's, another story: shown beside it, never as a contradiction."""
    item = facts_view(library, A001, 1, "Friday")
    assert item.relation == "agree"
    assert others(item)[(A003, "Friday")] == ("agree", True)
    assert others(item)[(A000, "Tuesday")] == ("context", False)
    assert others(item)[(A002, "Wednesday")] == ("context", False)
    assert all(o.relation == "context" for o in item.others if not o.same_story)


def test_compatible_and_differ_durations(library):
    hour = facts_view(library, A000, 1, "less than an hour")
    assert others(hour)[(A002, "just 40 minutes")] == ("compatible", True)
    # "less than 40" and "just 40" touch: a reporter's rounding, not a contradiction
    under_40 = facts_view(library, A000, 2, "less than 40 minutes")
    assert under_40.relation == "compatible"
    assert others(under_40)[(A002, "just 40 minutes")] == ("compatible", True)
    two_hours = facts_view(library, A003, 1, "under two hours")
    assert others(two_hours)[(A001, "less than two hours")] == ("agree", True)


def test_reports_that_name_different_days_differ(library):
    item = facts_view(library, A002, 1, "Wednesday")
    assert others(item)[(A000, "Tuesday")] == ("differ", True)


def test_related_passages_come_from_other_articles_with_reasons(library):
    view = library.related(A003, 1)
    assert view.related, "the lead of 003 has related passages"
    assert all(r.article_id != A003 for r in view.related)
    best = view.related[0]
    assert best.article_id in (A001, A004) and best.passage == 1
    assert any(reason.startswith("entity: ") for reason in best.reasons)
    text = (SEEDS / best.article_id).read_text(encoding="utf-8")
    assert text[best.start : best.end] == best.text


def test_entity_coverage_counts_sources_and_spellings(library):
    view = library.related(A002, 4)
    kiev = next(e for e in view.entities if e.entity.name == "Kyiv")
    assert (kiev.sources, kiev.of) == (2, 2)
    assert {s.text for s in kiev.spellings} == {"Kyiv", "Kiev"}


def test_a_spelling_counts_the_reports_that_name_no_outlet(library):
    """Two of the talks' three reports name no outlet: "Istanbul" is written by
    Al Jazeera and by two reports of unknown outlet, not by one "(unknown outlet)"."""
    view = library.related(A001, 1)
    istanbul = next(e for e in view.entities if e.entity.name == "Istanbul")
    spelling = next(s for s in istanbul.spellings if s.text == "Istanbul")
    assert set(spelling.sources) == {"Al Jazeera", None}
    assert spelling.unnamed == 2


def test_quotes_by_the_same_speaker_elsewhere(library):
    view = library.related(A002, 7)
    quote = next(q for q in view.quotes if "Medinsky" in (q.speaker or ""))
    assert any(o.article == A000 for o in quote.others)


@pytest.mark.slow
def test_a_speaker_quoted_in_many_stories_cites_only_a_few_of_the_others(tmp_path):
    """A speaker quoted across many unrelated reports: a quote's view lists the
    same speaker's quotes of its own story and a few of other stories, not
    every one the corpus holds (that grew as the square of the corpus)."""
    bbc = SHARED_DATA / "news-corpus" / "bbc"
    if not bbc.exists():
        pytest.skip(f"{bbc} is not on this machine")
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    quote = '\n\n"We will look at this closely," Vladimir Medinsky said.\n'
    for kind in ("business", "entertainment", "politics", "sport", "tech"):
        for path in sorted((bbc / kind).glob("*.txt"))[:2]:
            text = path.read_text(encoding="utf-8", errors="replace")
            (corpus / f"{kind}-{path.name}").write_text(text + quote, encoding="utf-8")
    library = Library([corpus], tmp_path / "index", analysis=Analysis())
    library.update()
    view = library.related(A002, 7)  # Medinsky, in the first round's story
    said = next(q for q in view.quotes if "Medinsky" in (q.speaker or ""))
    cited = [o.article for o in said.others]
    assert cited[0] == A000  # its own story's first
    elsewhere = [a for a in cited if a not in (A000, A002)]
    assert 0 < len(elsewhere) <= OTHER_STORY_FACTS < 10  # of the ten BBC reports


def test_wire_copies_count_as_one_source(tmp_path):
    wire = (
        "The talks ended after less than two hours on Friday with an agreement to exchange "
        "1,000 prisoners of war each, the largest swap of the war, officials from both "
        "delegations told reporters at the palace in Istanbul after the meeting."
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(f"Agency report\n\n{wire}\n\nMore from the agency.")
    (corpus / "b.txt").write_text(f"Paper reprint\n\n{wire}\n\nOur own closing line.")
    (corpus / "c.txt").write_text(
        "Own report\n\nThe exchange covered 1,200 prisoners of war, "
        "after talks in Istanbul on Friday."
    )
    library = Library([corpus], tmp_path / "ix", analysis=Analysis())
    library.update()
    copies = library.state()["copies"]
    assert [(c["a"], c["b"]) for c in copies] == [("a.txt", "b.txt")]
    assert copies[0]["shared_words"] >= 30
    group = next(g for g in library.fact_groups() if g.key.startswith("prisoners of war"))
    assert group.sources == 2  # a and b are one wire copy


def test_an_update_compares_again_only_the_stories_whose_texts_changed(monkeypatch):
    """Wire copies are found a story at a time and kept by the story's texts: a
    story whose articles are as they were is not read again, one whose text
    changed is, and both give what comparing every pair afresh gives."""
    from index import crossref
    from index.corpus_pass import story_digests
    from index.crossref import copies as copies_module
    from index.model import Article, Passage

    wire = (
        "The talks ended after less than two hours on Friday with an agreement to exchange "
        "1,000 prisoners of war each, the largest swap of the war, officials from both "
        "delegations told reporters at the palace in Istanbul after the meeting."
    )

    def article(aid: str, *texts: str) -> Article:
        passages = tuple(Passage(aid, n, 0, len(t), t) for n, t in enumerate(texts, 1))
        return Article(aid, aid, "text", "\n\n".join(texts), passages=passages)

    articles = {
        "a": article("a", "Agency report.", wire),
        "b": article("b", wire, "Our own closing line."),
        "c": article("c", "The exchange covered 1,200 prisoners of war."),
        "d": article("d", "A report on the dollar.", wire),
        "e": article("e", "Markets closed lower on Friday."),
    }
    story_of = {"a": "s1", "b": "s1", "c": "s1", "d": "s2", "e": "s2"}
    stories = story_digests(articles, {}, story_of)
    compared: list[tuple[str, str]] = []
    real = copies_module.wire_copies

    def counted(found, candidates):
        pairs = list(candidates)
        compared.extend(pairs)
        return real(found, pairs)

    monkeypatch.setattr(copies_module, "wire_copies", counted)
    first: dict = {}
    found = crossref.story_copies(articles, stories, {}, first)
    assert [(c["a"], c["b"]) for c in found] == [("a", "b")]
    assert len(compared) == 3 + 1

    compared.clear()
    again: dict = {}
    assert crossref.story_copies(articles, stories, first, again) == found
    assert compared == [] and again == first

    articles["e"] = article("e", "Markets closed lower on Friday.", wire)  # now a copy of d
    stories = story_digests(articles, {}, story_of)
    compared.clear()
    changed = crossref.story_copies(articles, stories, first, {})
    assert compared == [("d", "e")]  # the first story was not compared again
    assert [(c["a"], c["b"]) for c in changed] == [("a", "b"), ("d", "e")]
    assert changed == real(articles, [("a", "b"), ("a", "c"), ("b", "c"), ("d", "e")])


def test_omission_matrix_shows_who_reports_what(library):
    story = next(s for s in library.stories() if A002 in s.articles)
    matrix = library.matrix(story.id)
    assert [c.article_id for c in matrix.sources] == [A000, A002]
    rows = {r.key: r for r in matrix.rows}
    swap = rows["prisoners of war"]
    assert swap.cells[A000] is None and swap.cells[A002].text == "1,200 prisoners of war"


def run(capsys, *args):
    code = main(list(args))
    return code, capsys.readouterr().out


def test_stories_shows_an_untitled_article_by_the_start_of_its_text(capsys, seeds_index):
    """003 and 002 have no headline: their lines in `stories` showed an outlet
    and nothing else, and most plain-text folders are all untitled."""
    code, out = run(capsys, "stories")
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("    ")}
    assert "“The first face-to-face peace talks between Russia and" in lines[A003]
    assert "“Russia and Ukraine have agreed to exchange 1,200 prisoners" in lines[A002]
    assert lines[A000].endswith("with no breakthrough")  # a headline stays as it is


def test_entities_count_the_reports_of_unknown_outlet_writing_a_spelling(capsys, seeds_index):
    """Three of the seeds name no outlet: a spelling all three write says so in
    a count, where every id was listed (on a folder of plain text, a line ran to
    hundreds of ids); one that a single such report writes still names it."""
    code, out = run(capsys, "entities")
    assert code == 0
    lines = [line.strip() for line in out.splitlines()]
    assert any(
        line.startswith("Ukraine ×")
        and line.endswith("(Al Jazeera, EFE; 3 reports of unknown outlet)")
        for line in lines
    )
    assert f"Kiev ×3  ({A002})" in lines


def test_commands_print_the_documented_json(capsys, seeds_index):
    code, out = run(capsys, "stories", "--json")
    assert code == 0 and {s["id"] for s in json.loads(out)["stories"]} == {"s1", "s2"}
    code, out = run(capsys, "entities", "--json", "--label", "person")
    people = {e["name"]: e for e in json.loads(out)["entities"]}
    assert {"Hakan Fidan", "Vladimir Medinsky"} <= set(people)
    assert all(e["label"] == "person" for e in people.values())
    mention = people["Hakan Fidan"]["mentions"][0]
    text = (SEEDS / mention["id"]).read_text(encoding="utf-8")
    assert text[mention["start"] : mention["end"]] == mention["text"]
    code, out = run(capsys, "facts", "--json")
    data = json.loads(out)
    assert {"facts", "groups"} <= set(data)
    assert any(g["relation"] == "differ" for g in data["groups"])
    code, out = run(capsys, "related", A002, "1", "--json")
    assert {"passage", "related", "facts", "entities", "quotes"} <= set(json.loads(out))


@pytest.mark.slow
def test_related_says_another_storys_value_is_context(capsys, seeds_index):
    code, out = run(capsys, "related", A001, "1")
    assert code == 0
    tuesday = next(line for line in out.splitlines() if "EFE: Tuesday" in line)
    assert "context" in tuesday and "(another story)" in tuesday and "differ" not in tuesday
    code, out = run(capsys, "related", A001, "1", "--json")
    friday = next(f for f in json.loads(out)["facts"] if f["fact"]["text"] == "Friday")
    relations = {o["fact"]["text"]: (o["relation"], o["same_story"]) for o in friday["others"]}
    assert relations["Tuesday"] == ("context", False)
    assert relations["Friday"] == ("agree", True)


def test_related_cites_a_figure_of_an_article_with_no_outlet_by_its_file(capsys, seeds_index):
    """001's "less than two hours" agrees with 003's "under two hours", and 003
    names no outlet: the line says which article it is, as a related passage does."""
    code, out = run(capsys, "related", A001, "1")
    assert code == 0
    under = next(line for line in out.splitlines() if "under two hours" in line)
    assert f"agree  {A003}: under two hours" in under
    assert UNKNOWN_OUTLET not in out[: out.index("\nEntities")]


def test_related_lists_what_the_passages_speaker_says_in_other_sources(capsys, seeds_index):
    """EFE's Umerov wants a meeting before the end of August; 002, which names
    no outlet, quotes him on the humanitarian track: cited by its id."""
    code, out = run(capsys, "related", A000, "9")
    assert code == 0
    quotes = out[out.index("\nQuotes") :].splitlines()
    assert quotes[2] == "Rustem Umerov"
    assert quotes[3].startswith("    here: “We want to hold a meeting before the end of August")
    assert f"    {A002}: “We have progress on the humanitarian track" in quotes[4]


def test_a_related_passage_names_the_speaker_of_a_quote_both_give(library):
    """000 and 002 both quote Umerov: the reason names him, not his entity's id
    ("according to rustem-umerov")."""
    view = library.related(A000, 9)
    reasons = next(r.reasons for r in view.related if r.article_id == A002 and r.passage == 4)
    assert "fact: quote (according to Rustem Umerov)" in reasons


def test_a_speakers_quotes_of_another_story_are_marked_so(capsys, library):
    """002 quotes the Kremlin on the first round; Al Jazeera (001), of the second round,
    quotes it too: cited as what the Kremlin said of another story, not as
    another source's account of this one. Medinsky's quotes in 000 are of
    this story and unmarked. A speaker is named as the entities name it
    ("Kremlin", where 002 writes "The Kremlin")."""
    story_of = {a: s["id"] for s in library.state()["stories"] for a in s["articles"]}
    for number, speaker, beyond in ((2, "Kremlin", 1), (7, "Vladimir Medinsky", 0)):
        quote = next(q for q in library.related(A002, number).quotes if q.speaker == speaker)
        assert quote.beyond == beyond
        kept = len(quote.others) - quote.beyond
        assert [story_of[o.article] == story_of[A002] for o in quote.others] == [True] * kept + [
            False
        ] * beyond
    code, out = run(capsys, "related", A002, "2")
    assert code == 0
    quotes = out[out.index("\nQuotes") :].splitlines()
    assert quotes[2] == "Kremlin"
    assert quotes[4].startswith("    Al Jazeera: “core security concerns”")
    assert quotes[4].endswith("  (another story)")
    code, out = run(capsys, "related", A002, "7")
    assert "(another story)" not in out[out.index("\nQuotes") :]


def test_a_speaker_quoted_twice_in_a_passage_is_listed_once(capsys, library):
    """002 quotes Medinsky twice in one passage; the same quotes of EFE (000) answer
    both: one block, both quotes "here", the others once."""
    said = [q for q in library.related(A002, 7).quotes if q.speaker == "Vladimir Medinsky"]
    assert len(said) == 2 and said[0].others == said[1].others
    code, out = run(capsys, "related", A002, "7")
    assert code == 0
    quotes = out[out.index("\nQuotes") :].splitlines()[2:]
    assert quotes.count("Vladimir Medinsky") == 1
    block = quotes[quotes.index("Vladimir Medinsky") + 1 :]
    assert [line.startswith("    here: ") for line in block[:3]] == [True, True, False]
    others = [line for line in block if line.startswith("    EFE: ")]
    assert len(others) == len(said[0].others)


def test_related_names_spellings_of_articles_with_no_outlet_in_single_parentheses(
    capsys, seeds_index
):
    code, out = run(capsys, "related", A003, "3")
    assert code == 0
    entities = out[out.index("\nEntities") :]
    assert "Heorhii Tykhii (unknown outlet)" in entities
    assert "Vladimir Medinsky (2 reports of unknown outlet)" in entities  # 003 and 004
    assert "((" not in entities and "))" not in entities


def test_stored_views_of_articles_with_no_outlet_hold_none_not_the_placeholder(library):
    """What the index stores names no outlet where none is known (the reader
    draws the placeholder): A003 and A004 name none, Al Jazeera's A001 does."""
    stored = json.dumps([library.store.views(a) for a in (A001, A003, A004)])
    assert UNKNOWN_OUTLET not in stored
    assert UNKNOWN_OUTLET not in json.dumps(library.state()["matrices"])
    view = library.related(A001, 1)
    assert {(r.article_id, r.source) for r in view.related} == {(A003, None), (A004, None)}
    fact = facts_view(library, A003, 1, "1,000 POWs each")
    assert fact.fact.source is None
    assert {(o.fact.article, o.source) for o in fact.others} >= {(A001, "Al Jazeera")}
    story = next(s for s in library.stories() if A003 in s.articles)
    columns = {c.article_id: c.source for c in library.matrix(story.id).sources}
    assert columns == {A001: "Al Jazeera", A003: None, A004: None}


@pytest.mark.slow
def test_an_index_that_stored_the_placeholder_as_an_outlet_is_compared_again(
    capsys, isolated, monkeypatch
):
    """An index the previous analysis version wrote held "(unknown outlet)" in its
    views as if it were an outlet ("Heorhii Tykhii ((unknown outlet))" once read
    as one); the next command brings every view up to date."""
    from index import analysis, pass_views
    from index.corpus import Corpus
    from index.model import outlet_label

    path = isolated / "indexes" / Corpus.of([SEEDS]).key
    with monkeypatch.context() as before:
        before.setattr(analysis, "VERSION", "17")  # the last to store the placeholder
        before.setattr(pass_views, "outlet_of", outlet_label)  # what it stored
        Library([SEEDS], path, analysis=Analysis()).update()
    assert UNKNOWN_OUTLET in json.dumps(Library([SEEDS], path).store.views(A003))
    code, out = run(capsys, "related", A003, "3")
    assert code == 0
    entities = out[out.index("\nEntities") :]
    assert "Heorhii Tykhii (unknown outlet)" in entities and "((" not in entities
    assert "None" not in out
    refreshed = Library([SEEDS], path)
    assert UNKNOWN_OUTLET not in json.dumps(refreshed.store.views(A003))
    assert UNKNOWN_OUTLET not in json.dumps(refreshed.state()["matrices"])


def test_facts_names_the_speaker_of_each_group_of_quotes(capsys, seeds_index):
    code, out = run(capsys, "facts")
    assert code == 0
    groups = out[out.index("\nGroups") :].splitlines()
    heads = [line for line in groups if line[:1] in "✓≈✗•"]
    assert any("quotes of Rustem Umerov  story" in line for line in heads)
    assert not any("  quote  story" in line for line in heads)  # whose, not just "quote"
    # a described speaker reads as a phrase, not as the sentence it opened
    assert any("quotes of a senior Ukrainian official" in line for line in heads)
    assert not any("quotes of A " in line or "quotes of The " in line for line in heads)


def test_facts_counts_one_source_in_the_singular(capsys, seeds_index):
    code, out = run(capsys, "facts")
    heads = [line for line in out.splitlines() if line.startswith("• only here")]
    assert heads and all(line.endswith(", 1 source") for line in heads)
    assert ", 1 sources" not in out


def test_related_with_a_passage_the_article_lacks_says_which_it_has(capsys, seeds_index):
    code = main(["related", A001, "99"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"no passage 99 in article '{A001}': its passages are 1 to 11" in err
    assert "Traceback" not in err


def test_report_cites_the_differing_words(capsys, seeds_index):
    code, out = run(capsys, "report")
    assert code == 0
    assert "date of the talks" in out and "“Tuesday”" in out and "“Wednesday”" in out
    assert "“Friday”" not in out  # the other round's date is no party to the difference
    assert "less than 40 minutes" not in out  # a loose fit, left out by default
    assert "report --all" in out.split("## ")[0]  # the summary says how to see them
    code, out = run(capsys, "report", "--all")
    assert "duration of the talks" in out and "less than 40 minutes" in out
    code, out = run(capsys, "report", "--format", "json", "--all")
    report = json.loads(out)
    assert report["summary"]["differences"] == 1
    ranked = report["discrepancies"]
    assert ranked[0]["relation"] == "differ" and ranked[0]["subject"] == "date of the talks"
    assert all(d["relation"] == "compatible" for d in ranked[1:])
    story = next(s for s in report["stories"] if s["id"] == "s2")
    durations = next(d for d in story["discrepancies"] if d["key"].startswith("duration:talks"))
    cited = {c["text"] for c in durations["citations"]}
    assert {"less than 40 minutes", "just 40 minutes"} <= cited
    assert durations["subject"] == "duration of the talks"


def test_entity_and_relation_queries(library):
    assert {h.article_id for h in library.search("person:Fidan", 50).hits} == {A001, A002, A003}
    kiev = {h.article_id for h in library.search("place:Kiev", 50).hits}
    assert {A000, A002} <= kiev  # 000 writes Kyiv, 002 Kiev
    differ = {(h.article_id, h.passage) for h in library.search("relation:differ", 50).hits}
    assert (A000, 1) in differ and (A002, 1) in differ  # Tuesday against Wednesday
    # The other round's "date of the talks" (Friday in both reports) agrees: not listed
    assert (A001, 1) not in differ and (A003, 1) not in differ
    # "prisoners of war exchanged on wednesday" is found by what is counted
    swaps = {h.article_id for h in library.search('fact:"prisoners of war"', 50).hits}
    assert {A001, A002} <= swaps


def test_worker_processes_give_the_same_analysis_as_one():
    """Indexing uses both cores for NER and facts; the results must not change."""
    from index.readers import read

    articles = [read(str(p), p.name)[0].articles[0] for p in sorted(SEEDS.glob("*.txt"))]
    articles = articles * 8  # more chunks than workers: the order must still hold
    alone = Analysis(processes=1)
    pooled = Analysis(processes=2)
    try:
        assert pooled.analyse(articles) == alone.analyse(articles)
    finally:
        pooled.close()


def test_the_listing_head_is_the_start_of_the_list_as_shown_by_story(library, monkeypatch):
    """The first rows the reader draws (stored with each commit) are the first rows
    of the whole list arranged by story, in the stories' order."""
    from index import listing

    rows, stories = library.listing(), library.stories()
    whole = [(title, len(members), members) for title, members in listing.arrange(rows, stories)]
    assert [title for title, _, _ in whole] == [s.title for s in stories]  # all in one
    assert [tuple(row[0] for row in members) for _, _, members in whole] == [
        s.articles for s in stories
    ]
    assert library.listing_head() == whole  # five articles: all of them fit in the head

    first_story = whole[0][2]
    cut = listing.head(rows, stories, size=2)
    assert cut["total"] == 5
    assert cut["groups"] == [[whole[0][0], len(first_story), first_story[:2]]]


def test_stories_and_plain_searches_do_not_read_the_corpus_wide_state(seeds_index, monkeypatch):
    """The state holds every entity with its mentions (tens of MB for a large corpus):
    the reader's list and a search without entity fields must not wait for it."""
    from index.store import Store

    library = Library([SEEDS], seeds_index, analysis=Analysis())
    reads: list[int] = []
    state = Store.state

    def counted(self):
        reads.append(1)
        return state(self)

    monkeypatch.setattr(Store, "state", counted)
    assert [list(s.articles) for s in library.stories()] == [
        ["001_4a6a3c07746cc093.txt", "003_caa32e451265d8d9.txt", "004_454988fc12dd0efa.txt"],
        ["000_52c0d36fd34b07fa.txt", "002_a8eac72172824d05.txt"],
    ]
    assert library.search("prisoners").total > 0
    assert not reads
    assert library.search("person:Fidan").total > 0  # an entity field does read it
    assert reads == [1]


def test_a_fact_shows_every_counterpart_in_its_story_and_a_few_from_others():
    from index.model import Article, Passage
    from index.pass_views import OTHER_STORY_FACTS, _Context

    articles, analyses, story_of = {}, {}, {}
    for n in range(12):  # three in the story, nine in another
        aid = f"a{n:02}"
        text = f"Town{n} officials said {101 + n} prisoners were freed on day {n}."
        articles[aid] = Article(
            aid, f"{aid}.txt", "text", text, source=f"Outlet {n}",
            passages=(Passage(aid, 1, 0, len(text), text),),
        )  # fmt: skip
        start = text.index(str(101 + n))
        fact = {
            "id": f"{aid}:1:0", "article": aid, "passage": 1, "kind": "quantity",
            "text": f"{101 + n} prisoners", "start": start, "end": start + 13,
            "key": "prisoners released", "value": 101.0 + n, "low": 101.0 + n, "high": 101.0 + n,
        }  # fmt: skip
        analyses[aid] = {"facts": [fact]}
        story_of[aid] = "s1" if n < 3 else "s2"
    context = _Context(articles, analyses, [], {}, story_of)
    view = context.views("a01")["1"]["facts"][0]
    shown = [(o["fact"]["article"], o["same_story"]) for o in view["others"]]
    # Every other article of the story first, then the first few of other stories.
    assert shown[:2] == [("a00", True), ("a02", True)]
    assert shown[2:] == [(f"a{n:02}", False) for n in range(3, 3 + OTHER_STORY_FACTS)]
    assert view["elsewhere"] == 9  # all of them counted, a few listed
    assert view["relation"] == "differ"  # 102 against 101 and 103, in the story
    relations = [(o["relation"], o["same_story"]) for o in view["others"]]
    # 104 and on are another story's prisoners: context, never a difference
    assert set(relations) == {("differ", True), ("context", False)}


def test_a_fact_that_fits_every_other_is_never_cited_as_differing():
    """ "less than an hour" fits both "less than 40 minutes" and "45 minutes"; only
    the two that cannot both be true make the difference, and it ranks first."""
    from index.crossref import groups
    from index.model import ArticleInfo
    from index.report import ReportSummary, discrepancies, to_markdown

    rows = [("a", "less than 40 minutes", 0, 40, True), ("b", "45 minutes", 45, 45, False),
            ("c", "less than an hour", 0, 60, True)]  # fmt: skip
    index, facts = crossref_index(rows)
    found = groups(index)
    (group,) = found
    assert group["relation"] == "differ" and group["subject"] == "duration of the talks"
    assert sorted(r for _, _, r in group["pairs"]) == ["compatible", "compatible", "differ"]

    class Stub:
        def state(self):
            story = {"id": "s1", "title": "Talks", "articles": ["a", "b", "c"]}
            return {"stories": [story], "groups": found, "copies": []}

        def facts(self):
            return facts

        def articles(self):
            return [ArticleInfo(a, f"{a}.txt", "text", source=a.upper()) for a in "abc"]

    report = discrepancies(Stub())
    (item,) = report.discrepancies
    assert [c.text for c in item.citations] == ["less than 40 minutes", "45 minutes"]
    assert report.summary == ReportSummary(
        stories=1, differences=1, loose_fits=0, shown=1, loose_included=False,
    )  # fmt: skip
    assert "## 1. duration of the talks: differ" in to_markdown(report)


@pytest.mark.parametrize(
    ("outlets", "said"),
    [
        (("Reuters", "AP"), "2 independent sources."),
        (("EFE", None), "2 independent sources (1 citation names no outlet)."),
        # Two reports of an agency's wire that name no outlet may be one source.
        ((None, None), "2 articles, no outlet named."),
    ],
)
def test_the_report_claims_independent_sources_only_where_outlets_are_named(outlets, said):
    from index.report import Citation, Discrepancy, Report, ReportSummary, to_markdown

    citations = tuple(
        Citation(
            fact=f"{n}:1:1", source=outlet, title="Talks", date=None, file=f"{n}.txt",
            article=str(n), passage=1, start=0, end=9, text=text, speaker=None,
        )
        for n, (outlet, text) in enumerate(zip(outlets, ["13 internationals", "14"], strict=True))
    )  # fmt: skip
    item = Discrepancy(
        key="internationals|narrator", subject="internationals", speaker=None,
        relation="differ", story="s6", story_title="Australia beat Barbarians", sources=2,
        pairs=(), citations=citations,
    )  # fmt: skip
    summary = ReportSummary(stories=1, differences=1, loose_fits=0, shown=1, loose_included=False)
    lines = to_markdown(Report(summary, (item,), ())).splitlines()
    story_line = next(line for line in lines if line.startswith("Story "))
    assert story_line == f"Story s6, Australia beat Barbarians; {said}"


def crossref_index(rows):
    from index.crossref import Comparable, FactIndex
    from index.model import Fact

    index, facts = FactIndex(), []
    for article, text, low, high, high_open in rows:
        fact = Fact(
            id=f"{article}:1:1", article=article, passage=1, kind="duration", text=text,
            start=0, end=len(text), key="duration:talks", value=high, low=low, high=high,
            high_open=high_open, unit="minutes",
        )  # fmt: skip
        facts.append(fact)
        index.add(Comparable(fact, fact.to_json(), "duration:talks|narrator", "s1", article))
    return index, facts


@pytest.mark.slow
def test_the_pane_shows_another_storys_date_as_context(library):
    """In the reader, 001's "Friday" lists EFE's "Tuesday" (the other round of
    talks) with the context mark, not the differ badge."""
    import asyncio

    from tui.app import NewsdeskApp

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(160, 50)) as pilot:
            for _ in range(len(SEEDS_FILES) + 1):
                await app.workers.wait_for_complete()
                await pilot.pause()
                screen = app.screen_stack[0]
                if screen.article.article and screen.article.article.id == A001:
                    break
                await pilot.press("J")
            assert screen.article.article.id == A001
            lines = screen.cross.text.splitlines()
            tuesday = next(line for line in lines if "EFE: Tuesday" in line)
            assert "· context" in tuesday and "(other story)" in tuesday
            assert "✗ differ" not in tuesday
            # 003 names no outlet and has no headline: its figure is cited by the
            # start of its text, as the sources list shows it.
            text = " ".join(screen.cross.text.split())
            assert "✓ agree “The first face-to-face peace…”: under two hours" in text
            assert UNKNOWN_OUTLET not in text[: text.index("Entities")]

    asyncio.run(test())


@pytest.mark.slow
def test_the_pane_names_an_article_with_no_outlet_the_sources_list_does_not_show(library):
    """With the sources filtered to the one article a search found, its pane
    still cites 003 (no outlet, no headline) by the start of its text."""
    import asyncio

    from tui.app import NewsdeskApp

    from .tui_helpers import press, reader, search_for, settle

    async def test():
        app = NewsdeskApp(library)
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(app, pilot)
            await search_for(app, pilot, "Efforts to negotiate")  # opens 001's first passage
            await press(app, pilot, "F")  # the sources list shows only what it found
            await settle(app, pilot)
            screen = reader(app)
            assert screen.sources.article_ids == [A001]
            await press(app, pilot, "j", "k")  # the pane drawn again, filtered
            text = " ".join(screen.cross.text.split())
            assert "✓ agree “The first face-to-face peace…”: under two hours" in text
            assert UNKNOWN_OUTLET not in text[: text.index("Entities")]

    asyncio.run(test())


SEEDS_FILES = (A000, A001, A002, A003, A004)


def _one_story_views(folder, monkeypatch) -> dict:
    """The stored views of a shared multi-source folder read as one story (the
    facts' rules, without NLP: no speaker needs a person mention here)."""
    from index import corpus_pass
    from index.facts import extract_facts
    from index.readers import read

    if not folder.is_dir():
        pytest.skip("the shared multi-source articles are not on this machine")
    analyses = {}
    for file in sorted(folder.glob("*.txt")):
        for article in read(str(file), file.name)[0].articles:
            facts = [f.to_json() for f in extract_facts(article)]
            analyses[article.id] = {
                "article": article.to_json(with_text=True), "mentions": [], "facts": facts,
            }  # fmt: skip
    monkeypatch.setattr(
        corpus_pass, "group_by_component", lambda inputs, *_: [[i.id for i in inputs]]
    )
    return corpus_pass.summarise(analyses)["views"]


def test_two_reports_of_one_familys_size_differ(monkeypatch):
    """ "Cruz, his four half-siblings, their mother..." against "lived with his
    mother, stepfather and five half-siblings": a bare count, stated once by each
    report, is the one figure of its kind and they contradict each other."""
    views = _one_story_views(SHARED_DATA / "multisource" / "multinews-dba05d25c7e7", monkeypatch)
    item = next(
        i for v in views["01.txt"].values() for i in v["facts"]
        if i["fact"]["text"] == "four half-siblings"
    )  # fmt: skip
    assert item["relation"] == "differ"
    assert [(o["fact"]["text"], o["relation"]) for o in item["others"]] == [
        ("five half-siblings", "differ")
    ]


def _comparable(sentence: str, story: str):
    from index.crossref import Comparable
    from index.facts import extract_facts
    from index.model import Article, Passage

    aid = f"{story}.txt"
    article = Article(
        aid, aid, "text", sentence, passages=(Passage(aid, 1, 0, len(sentence), sentence),)
    )
    fact = next(f for f in extract_facts(article) if f.kind != "date")
    return Comparable(fact, fact.to_json(), fact.key or "", story, aid)


CONTEXTS = [
    # a fact, another story's fact under the same comparison key, shown as context?
    ("More than 650,000 people signed the petition.",
     "Thousands of people were missing after the storm.", None),
    ("It was the first such visit in three years.",
     "It is the first time in 13 years that the club won.", None),
    ("Russia and Ukraine exchanged 1,000 prisoners of war.",
     "The two sides exchanged 1,200 prisoners of war.", "context"),
]  # fmt: skip


@pytest.mark.parametrize("mine,theirs,relation", CONTEXTS)
def test_another_storys_figure_is_context_only_when_it_is_a_counterpart(mine, theirs, relation):
    from index.crossref import counterpart_relation

    item, other = _comparable(mine, "s1"), _comparable(theirs, "s2")
    assert counterpart_relation(item, other, set()) == relation


def test_a_date_of_another_year_is_no_context():
    from index.crossref import counterpart_relation
    from index.facts import extract_facts
    from index.model import Article, Passage

    def dated(sentence: str, day: str, story: str):
        from index.crossref import Comparable

        aid = f"{story}.txt"
        passage = Passage(aid, 1, 0, len(sentence), sentence)
        article = Article(aid, aid, "text", sentence, date=day, passages=(passage,))
        fact = next(f for f in extract_facts(article) if f.kind == "date")
        return Comparable(fact, fact.to_json(), fact.key or "", story, aid)

    talks = "The talks in Helsinki on Monday should not move forward."
    summit, earlier = dated(talks, "2018-07-13", "s1"), dated(talks, "2012-03-02", "s2")
    assert summit.fact.key == earlier.fact.key == "date:talks"
    assert counterpart_relation(summit, earlier, set()) is None
    later = dated(talks.replace("Monday", "Tuesday"), "2018-09-20", "s3")
    assert counterpart_relation(summit, later, set()) == "context"


def test_another_storys_figure_that_is_no_counterpart_is_not_listed():
    """Under one comparison key, another story's "thousands of people missing"
    says nothing about "650,000 people signed": the pane does not list it as
    "not comparable", only the other story's counterparts, as context."""
    from index.facts import extract_facts
    from index.model import Article, Passage
    from index.pass_views import _Context

    sentences = {
        "a1": ("s1", "More than 650,000 people signed the petition."),
        "a2": ("s1", "About 600,000 people signed the petition."),
        "b1": ("s2", "Thousands of people were missing after the storm."),
        "b2": ("s2", "More than 700,000 people signed the petition."),
    }
    articles, analyses, story_of = {}, {}, {}
    for aid, (story, text) in sentences.items():
        passage = Passage(aid, 1, 0, len(text), text)
        articles[aid] = Article(aid, f"{aid}.txt", "text", text, source=aid, passages=(passage,))
        facts = [f.to_json() for f in extract_facts(articles[aid])]
        analyses[aid], story_of[aid] = {"facts": facts}, story
    assert any("people" in f["text"] for f in analyses["b1"]["facts"])
    view = _Context(articles, analyses, [], {}, story_of).views("a1")["1"]["facts"][0]
    listed = {o["fact"]["article"]: o["relation"] for o in view["others"]}
    assert "b1" not in listed
    assert listed["a2"] in ("agree", "compatible")
    assert listed["b2"] == "context"


SPOKEN = [
    # a shared folder, the figure a speaker states, who, the other report's figure
    ("multinews-deb8f47ca915", "01.txt", "six aircraft", "Dan Richards", "five aircraft"),
    ("basil-2015-a4edca3f", "fox.txt", "55,000 pages of Clinton's emails", "The department",
     "50,000 pages of printed emails"),
]  # fmt: skip


@pytest.mark.parametrize("cluster,file,text,speaker,theirs", SPOKEN)
def test_a_speakers_figure_differs_from_another_reports(
    cluster, file, text, speaker, theirs, monkeypatch
):
    """ "Dan Richards, the CEO, said ... Global Rescue has six aircraft" against
    another report's "the firm will have five aircraft": whoever states a
    figure, what another report states of the same thing is its counterpart."""
    views = _one_story_views(SHARED_DATA / "multisource" / cluster, monkeypatch)
    item = next(i for v in views[file].values() for i in v["facts"] if i["fact"]["text"] == text)
    assert item["fact"]["speaker"] == speaker
    assert item["relation"] == "differ"
    assert [(o["fact"]["text"], o["relation"]) for o in item["others"]] == [(theirs, "differ")]


def _spoken(sentence: str, article_id: str):
    from index.crossref import Comparable
    from index.facts import extract_facts
    from index.model import Article, Passage

    passage = Passage(article_id, 1, 0, len(sentence), sentence)
    article = Article(article_id, article_id, "text", sentence, passages=(passage,))
    fact = next(f for f in extract_facts(article) if f.kind == "quantity")
    return Comparable(fact, fact.to_json(), fact.key or "", "s1", article_id, fact.speaker or "")


def test_two_speakers_figures_are_each_compared_with_the_narrators_only():
    """Each side's claim stands against what the reports themselves state, never
    against the other side's claim: two officials giving different tolls are
    no contradiction between the reports."""
    from index.crossref import relate_pair

    russia = _spoken("Vladimir Medinsky said Russia had returned 3,000 bodies.", "a.txt")
    ukraine = _spoken("Rustem Umerov said Russia had returned 2,000 bodies.", "b.txt")
    narrator = _spoken("Russia returned 2,000 bodies on Monday.", "c.txt")
    assert (russia.speaker, ukraine.speaker, narrator.speaker) == (
        "Vladimir Medinsky", "Rustem Umerov", ""
    )  # fmt: skip
    assert relate_pair(russia, ukraine, set()) is None
    assert relate_pair(russia, narrator, set()) == "differ"
    assert relate_pair(ukraine, narrator, set()) == "agree"


def test_the_report_ranks_real_differences_of_shared_clusters_before_a_loose_fit(
    capsys, tmp_path, monkeypatch
):
    """Two shared folders: the Sochi security stories, where one report counts
    2,500 athletes and the other "some 2,000", and Global Rescue's chief
    executive says six aircraft where the other report says five; and the 2019
    shutdown, where "about 800,000 federal employees" and "800,000" only loosely
    fit. A fact-checker reading the report top down meets the differences first."""
    shared = SHARED_DATA / "multisource"
    clusters = ("multinews-deb8f47ca915", "basil-2019-0d10341a")
    if not all((shared / c).is_dir() for c in clusters):
        pytest.skip("the shared multi-source articles are not on this machine")
    corpus = tmp_path / "corpus"
    for cluster in clusters:
        (corpus / cluster).mkdir(parents=True)
        for file in sorted((shared / cluster).glob("*.txt")):
            (corpus / cluster / file.name).symlink_to(file)  # read in place, never copied
    monkeypatch.setenv("NEWSDESK_FOLLOW_LINKS", "1")  # links out of the corpus are followed
    where = ("--index-dir", str(tmp_path / "ix"))
    assert run(capsys, "index", str(corpus), *where)[0] == 0
    code, out = run(capsys, "report", str(corpus), *where, "--all", "--format", "json")
    assert code == 0
    ranked = json.loads(out)["discrepancies"]
    cited = [sorted(c["text"] for c in d["citations"]) for d in ranked]
    assert [d["relation"] for d in ranked[:2]] == ["differ", "differ"]
    assert sorted(cited[:2]) == [
        ["2,500 athletes", "Some 2,000 athletes"], ["five aircraft", "six aircraft"]
    ]  # fmt: skip
    loose = next(n for n, d in enumerate(ranked) if d["relation"] == "compatible")
    assert loose == 2 and "800,000 federal employees" in cited[loose]
    aircraft = next(d for d, words in zip(ranked, cited, strict=True) if "six aircraft" in words)
    assert aircraft["speaker"] is None  # the narrator's "five aircraft" is one side


def test_a_matrix_row_names_the_same_speaker_whatever_order_its_facts_come_in():
    from index.crossref import Comparable
    from index.model import Fact
    from index.pass_views import row_speaker

    def said(speaker):
        fact = Fact("f", "a", 1, "quantity", "1,000", 0, 5, speaker=speaker)
        return Comparable(fact, {}, "prisoners", "s1", "a")

    two = [said("Fidan"), said("Lavro"), said("Umerov")]
    assert row_speaker(two) == row_speaker(two[::-1]) == " — Umerov"  # the longer name
    tied = [said("Fidan"), said("Lavro")]
    assert row_speaker(tied) == row_speaker(tied[::-1]) == " — Lavro"
    assert row_speaker([said(None), said("Umerov")]) == ""  # the narrator shares the row


def test_figures_under_one_noun_never_compared_are_reported_apart():
    """ECB+ topic 20 mixed: "10 people" killed against "three people killed",
    and "five people" injured against "two people", all counted as "people".
    Killed are never compared with injured, so the report lists two
    differences, each named and cited by its own figures."""
    from index.crossref import Comparable, FactIndex, groups
    from index.model import ArticleInfo, Fact
    from index.report import ReportSummary, discrepancies, to_markdown

    rows = [("a", "10 people", 10, "people killed on sunday"),
            ("b", "three people killed", 3, "people killed on sunday"),
            ("c", "five people", 5, "people wounded on sunday"),
            ("d", "two people", 2, "people wounded on sunday")]  # fmt: skip
    index, facts = FactIndex(), []
    for article, text, value, key in rows:
        fact = Fact(
            id=f"{article}:1:1", article=article, passage=1, kind="quantity", text=text,
            start=0, end=len(text), key=key, value=value, low=value, high=value,
        )  # fmt: skip
        facts.append(fact)
        index.add(Comparable(fact, fact.to_json(), "people", "s1", article))
    (group,) = groups(index)
    assert group["relation"] == "differ"
    assert group["subject"] == "people killed on Sunday / people wounded on Sunday"

    class Stub:
        def state(self):
            story = {"id": "s1", "title": "Quake", "articles": ["a", "b", "c", "d"]}
            return {"stories": [story], "groups": [group], "copies": []}

        def facts(self):
            return facts

        def articles(self):
            return [ArticleInfo(a, f"{a}.txt", "text", source=a.upper()) for a in "abcd"]

    report = discrepancies(Stub())
    found = {item.subject: [c.text for c in item.citations] for item in report.discrepancies}
    assert found == {
        "people killed on Sunday": ["10 people", "three people killed"],
        "people wounded on Sunday": ["five people", "two people"],
    }
    assert report.summary == ReportSummary(
        stories=1, differences=2, loose_fits=0, shown=2, loose_included=False,
    )  # fmt: skip
    headings = [line for line in to_markdown(report).splitlines() if line.startswith("## ")]
    assert sorted(h.split(". ", 1)[1] for h in headings) == [
        "people killed on Sunday: differ",
        "people wounded on Sunday: differ",
    ]
