"""The reader's pieces without a screen: its saved state, citations.

Pilot tests with plain asserts on what a user would notice, on the seeds
(and :class:`tests.tui_helpers.StubLibrary` for the comparison data)."""

from __future__ import annotations

from dataclasses import replace

from index.model_views import (
    CitedFact,
    EntityCoverage,
    EntityRef,
    QuoteView,
    Spelling,
    quote_groups,
)
from tui import render
from tui.state import Position, ReadingState

from . import tui_helpers
from .tui_helpers import EFE, JAZEERA, THIRD

index_dir, library = tui_helpers.index_dir, tui_helpers.library  # fixtures


def test_reading_state_round_trip_and_damaged_file(tmp_path):
    state = ReadingState.load("corpus-a", tmp_path)
    state.mark_read(EFE)
    state.push(Position(EFE, 3))
    state.last = Position(JAZEERA, 2)
    assert state.save()
    other = ReadingState.load("corpus-b", tmp_path)
    other.mark_read(THIRD)
    other.save()
    again = ReadingState.load("corpus-a", tmp_path)
    assert (again.read, again.history, again.last) == (
        {EFE},
        [Position(EFE, 3)],
        Position(JAZEERA, 2),
    )
    assert again.back() == Position(EFE, 3) and again.back() is None
    (tmp_path / "reading.json").write_text("{not json", encoding="utf-8")
    assert ReadingState.load("corpus-a", tmp_path).read == set()


def test_citation_names_outlet_title_date_file_and_offsets(library):
    library.update()
    article = library.article(JAZEERA)
    cited = render.citation(article, article.passages[1])
    assert cited.startswith(f"“{article.passages[1].text}”")
    assert "Al Jazeera" in cited and f"{JAZEERA} ¶2" in cited and "no date" in cited


def _cited(text: str, qualifier: str, kind: str = "duration") -> CitedFact:
    return CitedFact(
        id="f", article=EFE, passage=1, kind=kind, text=text, start=0, end=len(text),
        qualifier=qualifier, subject="duration of the talks",
    )  # fmt: skip


def test_a_fact_says_how_it_was_read_only_where_its_words_do_not():
    """ "less than two hours (duration of the talks, less than)" said it twice, and
    a date "Friday" read as a span of days said "range", a word for nobody."""
    assert render.fact_label(_cited("less than two hours", "less than")).plain == (
        "less than two hours  (duration of the talks)"
    )
    assert render.fact_label(_cited("under two hours", "less than")).plain == (
        "under two hours  (duration of the talks, less than)"
    )
    assert render.fact_label(_cited("Friday", "range", kind="date")).plain == (
        "Friday  (duration of the talks)"
    )
    assert render.fact_label(_cited("40 minutes", "exact")).plain == (
        "40 minutes  (duration of the talks)"
    )


def test_a_spelling_says_how_many_reports_of_unknown_outlet_write_it():
    """In a story whose reports mostly name no outlet, "(unknown outlet)" once
    said nothing of which spelling most of them use."""
    istanbul = EntityCoverage(
        EntityRef("place:istanbul", "Istanbul", "place"), 4, 4,
        (Spelling("Istanbul", (None, "Al Jazeera"), 3), Spelling("İstanbul", (None,), 1)),
    )  # fmt: skip
    lines = render.entity_block(istanbul).plain.splitlines()
    assert lines[1:] == [
        "  “Istanbul”  3 reports of unknown outlet, Al Jazeera",
        "  “İstanbul”  (unknown outlet)",
    ]


def test_a_quote_of_another_story_says_so_in_the_pane():
    """The Kremlin's words on the first round, beside its words on the second:
    the second are marked as another story's, not read as this one's account."""
    said = [_cited(f"“{words}”", "exact", kind="quote") for words in ("here", "this", "that")]
    quote = QuoteView("The Kremlin", said[0], (said[1], said[2]), beyond=1)
    lines = render.quote_block(*quote_groups([quote])).plain.splitlines()
    assert [line.endswith(render.OTHER_STORY) for line in lines] == [False, False, False, True]
    (unmarked,) = quote_groups([replace(quote, beyond=0)])
    assert not render.quote_block(unmarked).plain.endswith(render.OTHER_STORY)


def test_a_speaker_quoted_twice_with_the_same_others_is_one_block_in_the_pane():
    said = [_cited(f"“{words}”", "exact", kind="quote") for words in ("one", "two", "there")]
    first, second = (QuoteView("Medinsky", said[n], (said[2],)) for n in (0, 1))
    apart = QuoteView("Medinsky", said[1], ())
    (group,) = quote_groups([first, second])
    assert render.quote_block(group).plain.splitlines() == [
        "Medinsky", "  here: “one”", "  here: “two”", "  (unknown outlet): “there”",
    ]  # fmt: skip
    assert len(quote_groups([first, apart])) == 2
