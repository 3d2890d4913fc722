"""Places, peoples and facilities on real sentences: the towns of a dateline, a state
as agencies abbreviate it or as a code, a country's code, a place named in the
plural; peoples and parties named in the singular and the plural, and a facility
named with other words for its kind."""

from __future__ import annotations

import pytest

from index.datelines import datelines
from index.entities import merge
from index.mentions import relabel, split_spans
from index.model import Mention

from .entity_helpers import analysed, mentions_in
from .test_entities import corpus, entity_with, names_of

# -- datelines ------------------------------------------------------------------------------


def test_a_datelines_town_in_capitals_stays_a_place_beside_a_namesake():
    """A name in capitals is a surname of the article ("LARA") unless labelled a
    place: a dateline's "WASHINGTON" stays one beside a Denzel Washington of the
    report."""
    text = "WASHINGTON (AP) - Actor Denzel Washington spoke. LARA left after Brian Lara."
    spans = [
        Mention(text.index(name), text.index(name) + len(name), name, kind, label)
        for name, kind, label in [
            ("WASHINGTON", "place", "GPE"),
            ("Denzel Washington", "person", "PERSON"),
            ("LARA", "other", ""),
            ("Brian Lara", "person", "PERSON"),
        ]
    ]
    kinds = {m.text: m.kind for m in relabel(spans, text)}
    assert kinds["WASHINGTON"] == "place"
    assert kinds["LARA"] == "person"


@pytest.mark.parametrize(
    ("line", "places"),
    [
        ("AL-AIN , United Arab Emirates 1996-12-06", ["AL-AIN", "United Arab Emirates"]),
        ("WASHINGTON (Reuters) - The Senate voted on Friday.", ["WASHINGTON"]),
        # a local station's call sign, from the shared multi-source clusters
        ("LANCASTER (CBSLA) — A fire broke out on Monday, officials said.", ["LANCASTER"]),
        ("AUGUSTA (WRDW/WAGT) - The sheriff's office said.", ["AUGUSTA"]),
    ],
)
def test_the_names_of_a_dateline_are_places(line, places):
    text = f"{line}\nThe talks went on.\n"
    model = [Mention(0, len(places[0]), places[0], "organisation", "ORG")]
    found = datelines(text, model, [(0, len(text))])
    assert [(m.text, m.kind) for m in found] == [(place, "place") for place in places]


@pytest.mark.parametrize(
    ("line", "glued", "places"),
    [
        (
            "GAZA/JERUSALEM Israel's cabinet authorized the mobilization of up to 75,000 "
            "reservists on Friday.",
            "JERUSALEM Israel",
            ["GAZA", "JERUSALEM"],
        ),
        (
            "GAZA/JERUSALEM (Reuters) - Israel's cabinet authorized the mobilization.",
            "JERUSALEM",
            ["GAZA", "JERUSALEM"],
        ),
        (
            "JAKARTA/PANGKALAN BUN, Indonesia Search teams hunting for the wreck of an "
            "AirAsia jet found a large object on the seabed.",
            "PANGKALAN BUN",
            ["JAKARTA", "PANGKALAN BUN", "Indonesia"],
        ),
    ],
)
def test_each_town_of_a_dateline_is_a_place_not_glued_to_the_next_word(line, glued, places):
    start = line.index(glued)
    model = [Mention(start, start + len(glued), glued, "person", "PERSON")]
    found = datelines(line, model, [(0, len(line))])
    assert [(m.text, m.kind) for m in found] == [(place, "place") for place in places]


@pytest.mark.parametrize(
    "line",
    [
        "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
        "FBI agents said so.",
        "AC/DC Rocks the House of Blues on Friday.",
        "NASA/VILLANUEVA/MUMMA/GALLAGHER/FEIMER ET AL.",
        "WATCH (VIDEO) - Hundreds march through the capital.",
    ],
)
def test_a_headline_in_capitals_is_no_dateline(line):
    assert datelines(line, [], [(0, len(line))]) == []


def test_a_state_as_agencies_abbreviate_it_is_the_state():
    """Multi-source clusters: "Ky." in one report and "Kentucky" in another are
    one place, named in full; "La." (also "L.A.") joins nothing."""
    one = analysed(
        "According to HuffPost Pollster, Huckabee falls behind a few other GOP 2016 candidates, "
        "trailing Sens. Rand Paul (Ky.) and Ted Cruz (Texas), and Marco Rubio (Fla.), but "
        "slightly ahead of others.\n",
        "one.txt",
    )[1]
    other = analysed(
        "Senator Mitch McConnell of Kentucky, the majority leader, said after the meeting that "
        "he had no intention of putting Democratic bills to reopen the government to a vote.\n\n"
        "Senator Marco Rubio, Republican of Florida and a 2016 presidential candidate, will "
        "speak.\n",
        "other.txt",
    )[1]
    places = names_of(e for e in merge({"one": one, "other": other}, {}) if e.kind == "place")
    assert places["Kentucky"] == {"Kentucky", "Ky."}
    assert places["Florida"] == {"Florida", "Fla."}
    la = corpus([("La.", "place")], [("Louisiana", "place")])
    assert len({e.id for e in merge(la, {})}) == 2


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        # ECB+ topics 21 and 26 (the New York Times' style of initials)
        ("when Vishwanand Subryan, 23, of Schenectady, N. Y., allegedly mowed into the old",
         "N. Y.", "person"),
        ("Mr. Gigante had a home in Old Tappan, N. J., where he lived with his wife",
         "N. J.", "person"),
    ],
)  # fmt: skip
def test_a_state_after_its_town_is_a_place_whatever_the_model_read(text, span, kind):
    (found,) = split_spans(text, mentions_in(text, (span, kind)))
    assert (found.text, found.kind) == (span, "place")


def test_letters_after_a_body_and_a_comma_are_no_state():
    text = "The Press Association, PA, said the figures were wrong."
    (found,) = split_spans(text, mentions_in(text, ("PA", "organisation")))
    assert found.kind == "organisation"


def test_a_state_written_as_a_code_and_a_towns_own_name_are_no_other_place():
    """Multi-source clusters: "Va." (Virginia) was the Vatican and "L.A." Laos,
    whose country codes are VA and LA; "born June 12, 1924, in Milton, Mass." was
    Kansas City, and "Franklin" Columbus, old or other names of theirs in the
    gazetteer. "Kiev" is still Kyiv, "U.S." the United States."""
    place = "place"
    entities = merge(
        corpus(
            [("Va.", place), ("L.A.", place), ("Milton", place), ("Franklin", place)],
            [("Vatican", place), ("Laos", place), ("Kansas City", place), ("Columbus", place)],
            [("Kiev", place), ("U.S.", place)],
            [("Kyiv", place), ("United States", place)],
        ),
        {},
    )
    for one, other in [
        ("Va.", "Vatican"),
        ("L.A.", "Laos"),
        ("Milton", "Kansas City"),
        ("Franklin", "Columbus"),
    ]:
        assert entity_with(entities, one) != entity_with(entities, other)
    assert entity_with(entities, "Kiev") == entity_with(entities, "Kyiv")
    assert entity_with(entities, "U.S.") == entity_with(entities, "United States")


def test_a_countrys_code_alone_is_the_country_only_beside_its_name():
    """CoNLL-2003 wire: "SV" of "Hamburger SV" in Bundesliga tables was El
    Salvador, named in another report; BBC News: "Bagle.BB" Barbados. A code is
    the country where its story names it; "US" and "NZ" always are."""
    place = "place"
    entities = merge(
        corpus(
            [("SV", place), ("Hamburg", place)],
            [("El Salvador", place), ("San Salvador", place)],
            [("AUS", place), ("Australia", place)],
            [("US", place)],
            [("United States", place), ("NZ", place)],
            [("New Zealand", place)],
        ),
        {},
        groups={"a0": "football", "a1": "quake", "a2": "cricket", "a3": "us", "a4": "x", "a5": "y"},
    )
    assert entity_with(entities, "SV") != entity_with(entities, "El Salvador")
    assert entity_with(entities, "AUS") == entity_with(entities, "Australia")
    assert entity_with(entities, "US") == entity_with(entities, "United States")
    assert entity_with(entities, "NZ") == entity_with(entities, "New Zealand")


def test_a_place_named_in_the_plural_is_several_places_not_a_misspelling():
    """Multi-source clusters: "leaders from across the Americas" was America, and
    "the two Koreas" Korea, as one letter off. A name of several words with an "s"
    more is still one ("Kenya Wildlife Services")."""
    entities = merge(
        corpus(
            [("America", "place"), ("America", "place"), ("Americas", "place")],
            [("Korea", "place"), ("Korea", "place"), ("Koreas", "place")],
            [("Kenya Wildlife Service", "place")] * 2 + [("Kenya Wildlife Services", "place")],
        ),
        {},
        groups={"a0": "s0", "a1": "s1", "a2": "s2"},
    )
    assert entity_with(entities, "America") != entity_with(entities, "Americas")
    assert entity_with(entities, "Korea") != entity_with(entities, "Koreas")
    assert entity_with(entities, "Kenya Wildlife Service") == entity_with(
        entities, "Kenya Wildlife Services"
    )


def test_a_facility_named_with_other_words_for_its_kind_is_one_in_its_story():
    # ECB+ dev topic 1: sources write the Betty Ford Center three ways, and the
    # model calls one a person
    articles = [
        [("Betty Ford Center", "organisation"), ("Betty Ford", "person")],
        [("Betty Ford Clinic", "organisation")],
        [("Betty Ford Treatment Center", "person")],
        [("Betty Ford Clinic", "organisation"), ("Mayo Clinic", "organisation")],
    ]
    entities = merge(corpus(*articles), {}, groups={"a0": "s", "a1": "s", "a2": "s"})
    center = entity_with(entities, "Betty Ford Center")
    assert {a.text for a in center.aliases} == {
        "Betty Ford Center", "Betty Ford Clinic", "Betty Ford Treatment Center"}  # fmt: skip
    assert center.kind == "organisation"
    assert entity_with(entities, "Betty Ford").kind == "person"
    apart = merge(corpus(*articles[2:]), {}, groups={"a0": "s0", "a1": "s1"})
    assert entity_with(apart, "Betty Ford Clinic") != entity_with(
        apart, "Betty Ford Treatment Center")  # fmt: skip


def test_a_people_named_in_the_plural_is_the_one_named_in_the_singular():
    """BBC politics writes "Tory" 255 times and "Tories" 233: one party's people."""
    entities = merge(
        corpus(
            [("Tories", "group"), ("Tory", "group"), ("Americans", "group")],
            [("American", "group"), ("Swiss", "group")],
        ),
        {},
    )
    assert entity_with(entities, "Tories") == entity_with(entities, "Tory")
    assert entity_with(entities, "Americans") == entity_with(entities, "American")
    assert entity_with(entities, "Swiss") != entity_with(entities, "American")


def test_a_party_the_model_reads_as_a_person_in_the_plural_and_singular_is_a_group():
    """BBC politics: "Lib Dems" (94 times PERSON) and "Lib Dem" are the party's
    people; a man named once beside a misspelling of his name is still a man."""
    entities = merge(
        corpus(
            [("Lib Dems", "person"), ("Lib Dem", "person"), ("John Nettles", "person")],
            [("Lib Dems", "person"), ("John Nettle", "person")],
            [("Lib Dems", "person"), ("Lib Dem", "organisation")],
        ),
        {},
    )
    party = entity_with(entities, "Lib Dems")
    assert party == entity_with(entities, "Lib Dem") and party.kind == "group"
    assert entity_with(entities, "John Nettles").kind == "person"


def test_a_group_written_short_is_the_group():
    """BBC politics writes the party "Lib Dems" as often as "Liberal
    Democrats"; US reports write "Dems". Each is one group with its long name;
    "Warner Bros." is Warner Brothers. A people's name that only begins like
    another's stays apart ("South African", "Southern African")."""
    entities = merge(
        corpus(
            [("Lib Dems", "group"), ("Lib Dem", "group"), ("Liberal Democrats", "group")],
            [("Liberal Democrat", "group"), ("Dems", "group"), ("Democrats", "group")],
            [("Warner Bros.", "organisation"), ("South African", "group")],
            [("Warner Brothers", "organisation"), ("Southern African", "group")],
        ),
        {},
    )
    party = entity_with(entities, "Lib Dems")
    assert {a.text for a in party.aliases} == {
        "Lib Dems", "Lib Dem", "Liberal Democrats", "Liberal Democrat"}  # fmt: skip
    assert entity_with(entities, "Dems") == entity_with(entities, "Democrats") != party
    assert entity_with(entities, "Warner Bros.") == entity_with(entities, "Warner Brothers")
    assert entity_with(entities, "South African") != entity_with(entities, "Southern African")
