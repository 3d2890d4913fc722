"""Name variants on real sentences: the spellings of one thing that are one entity
(initials, suffixes, blends, a misspelling by one letter within its story), near
ones that stay apart, a headline's noun that is one mention of the entity its
article names, and the name an entity is shown by."""

from __future__ import annotations

import pytest

from index.entities import merge
from index.model import Passage
from index.references import Reference, StoryReference

from .entity_helpers import occurrences, passages_of
from .test_entities import corpus, entity_with

# -- name variants --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "spellings", "kind"),
    [
        (
            [("Richard M. Nixon", "person"), ("Richard Nixon", "person"), ("Nixon", "person")],
            {"Richard M. Nixon", "Richard Nixon", "Nixon"},
            "person",
        ),
        (  # a leading initial dropped, and "Sr." for the father named without it
            [
                ("W. Mark Felt", "person"),
                ("Mark Felt", "person"),
                ("W. Mark Felt Sr.", "person"),
                ("Felt", "person"),
            ],
            {"W. Mark Felt", "Mark Felt", "W. Mark Felt Sr.", "Felt"},
            "person",
        ),  # fmt: skip
        (
            [("Intel Corp.", "organisation"), ("Intel", "organisation")],
            {"Intel Corp.", "Intel"},
            "organisation",
        ),  # fmt: skip
        (
            [("T-Mobile USA, Inc.", "organisation"), ("T-Mobile", "organisation")],
            {"T-Mobile USA, Inc.", "T-Mobile"},
            "organisation",
        ),
        (
            [("Arcade Joseph Comeaux Jr.", "person"), ("Comeaux", "organisation")],
            {"Arcade Joseph Comeaux Jr.", "Comeaux"},
            "person",
        ),
        (
            [("Lindsay Lohan", "person"), ("Lohan", "organisation"), ("Lohan", "organisation")],
            {"Lindsay Lohan", "Lohan"},
            "person",
        ),
        (
            [("Boston Red Sox", "organisation"), ("Red Sox", "organisation")],
            {"Boston Red Sox", "Red Sox"},
            "organisation",
        ),
        (
            [("Betty Ford Centre", "organisation"), ("Betty Ford Center", "organisation")],
            {"Betty Ford Centre", "Betty Ford Center"},
            "organisation",
        ),
        (  # a middle initial and the middle name it begins
            [("Frederick C. LaRue", "person"), ("Frederick Cheney LaRue", "person")],
            {"Frederick C. LaRue", "Frederick Cheney LaRue"},
            "person",
        ),
        (  # "That's exactly what LiLo's lawyer Mark Heller told the judge" (ECB+ topic 1)
            [("Lindsay Lohan", "person"), ("LiLo", "person"), ("Mark Heller", "person")],
            {"Lindsay Lohan", "LiLo"},
            "person",
        ),
        (
            [("Alex Rodriguez", "person"), ("A-Rod", "person")],
            {"Alex Rodriguez", "A-Rod"},
            "person",
        ),
        (  # "said Dr. Laura E. Crotty Alexander ... Crotty Alexander, a pulmonologist",
            # "Laura Crotty Alexander led a study" (one story, two sources)
            [
                ("Laura E. Crotty Alexander", "person"),
                ("Crotty Alexander", "person"),
                ("Laura Crotty Alexander", "person"),
            ],
            {"Laura E. Crotty Alexander", "Crotty Alexander", "Laura Crotty Alexander"},
            "person",
        ),
        (  # "Mount Cook, New Zealand's highest peak" / "a climber died on Mt Cook"
            [("Mount Cook", "place"), ("Mt Cook", "place")],
            {"Mount Cook", "Mt Cook"},
            "place",
        ),
        (  # "in the Mediterranean Sea" / "in the Mediterranean between Sicily and Tunisia"
            [("Mediterranean Sea", "place"), ("Mediterranean", "place")],
            {"Mediterranean Sea", "Mediterranean"},
            "place",
        ),
    ],
)
def test_name_variants_are_one_entity(article, spellings, kind):
    merged = entity_with(merge(corpus(article), {}), next(iter(spellings)))
    assert {a.text for a in merged.aliases} >= spellings
    assert merged.kind == kind


@pytest.mark.parametrize(
    ("article", "apart"),
    [
        # a different middle name, or an initial that begins another one
        ([("George H. Bush", "person"), ("George W. Bush", "person")], "George W. Bush"),
        ([("John Q. Adams", "person"), ("John Paul Adams", "person")], "John Paul Adams"),
        ([("George W. Bush", "person"), ("George H. W. Bush", "person")], "George H. W. Bush"),
        # a blend fits one person only: not "Lindsay Lohan" for "LiMo"
        ([("Lindsay Lohan", "person"), ("LiMo", "person")], "LiMo"),
        # a sea named after a country is not the country
        ([("Japan", "place"), ("Japan Sea", "place")], "Japan Sea"),
    ],
)
def test_near_variants_of_different_things_stay_apart(article, apart):
    entities = merge(corpus(article), {})
    assert entity_with(entities, article[0][0]) != entity_with(entities, apart)


def test_an_entity_is_named_by_its_usual_full_spelling_not_one_odd_span():
    article = [("Ellen DeGeneres", "person")] * 3 + [("Comedian Ellen DeGeneres", "person")]
    entity = entity_with(merge(corpus(article), {}), "Ellen DeGeneres")
    assert entity.name == "Ellen DeGeneres"


def test_a_headline_run_on_before_a_name_is_not_shown_as_the_name():
    from collections import Counter

    from index.entities.display import _display_name

    # multi-source clusters: a photo caption and a video's title ran on into the name
    for counts, shown in (
        ({"Egypt Holds Final Round of Voting Mohammed Abed": 1, "Mohammed Abed": 1},
         "Mohammed Abed"),
        ({"Popcorn With Peter Travers": 3, "Peter Travers": 1, "Travers": 2}, "Peter Travers"),
        ({"Own: The Life of Mary Queen": 1, "Mary Queen": 1}, "Mary Queen"),
        # given names before a name are the name
        ({"Luiz Inacio Lula da Silva": 1, "Lula da Silva": 1}, "Luiz Inacio Lula da Silva"),
        ({"Joseph E. Van Wert": 1, "Van Wert": 1}, "Joseph E. Van Wert"),
    ):  # fmt: skip
        assert _display_name(Counter(counts), "person") == shown


def test_a_surname_opening_with_a_particle_is_shown_with_its_given_name():
    from collections import Counter

    from index.entities.display import _display_name

    # BBC News: "El Guerrouj" six times, "Hicham El Guerrouj" five
    shown = _display_name(Counter({"El Guerrouj": 6, "Hicham El Guerrouj": 5}), "person")
    assert shown == "Hicham El Guerrouj"
    assert _display_name(Counter({"De Vido": 2, "Julio De Vido": 1}), "person") == "Julio De Vido"
    # not with an initial, nor a title
    assert _display_name(Counter({"De Marigny": 8, "R de Marigny": 5}), "person") == "De Marigny"
    assert _display_name(Counter({"de Gaulle": 8, "Mr de Gaulle": 5}), "person") == "de Gaulle"
    # a surname without a particle stays as most written ("Mr Musk" is no given name)
    assert _display_name(Counter({"Musk": 9, "Mr Musk": 4}), "person") == "Musk"


def test_a_surname_with_its_suffix_is_no_full_name_to_show():
    from collections import Counter

    from index.entities.display import _display_name

    # multi-source clusters: "Trump Jr." 25 times, "Donald Trump Jr." 9
    counts = Counter({"Trump Jr.": 25, "Donald Trump Jr.": 9, "Trump Jr": 1})
    assert _display_name(counts, "person") == "Donald Trump Jr."
    assert _display_name(Counter({"Elizabeth II": 5, "Queen Elizabeth II": 2}), "person") == (
        "Elizabeth II"
    )


def test_a_place_written_in_capitals_is_named_as_the_text_writes_it():
    from collections import Counter

    from index.entities.display import _display_name

    assert _display_name(Counter({"WASHINGTON": 5, "Washington": 2}), "place") == "Washington"
    assert _display_name(Counter({"PANGKALAN BUN": 1}), "place") == "Pangkalan Bun"
    assert _display_name(Counter({"GAZA": 2, "Gaza": 1}), "place") == "Gaza"
    assert _display_name(Counter({"US": 3}), "place") == "US"
    # not the "Us" of one magazine's name, against 1,505 reports' "US"
    assert _display_name(Counter({"US": 1505, "Us": 1}), "place") == "US"
    assert _display_name(Counter({"SANA": 1}), "place") == "SANA"  # the Syrian agency


def test_a_person_is_named_without_the_description_before_the_name():
    """BBC News: "Wales physio Mark Davies" is named "Mark Davies"; a name's
    particle is no description ("Vincent van Gogh")."""
    from collections import Counter

    from index.entities.display import _display_name

    davies = Counter({"Wales physio Mark Davies": 2, "Mark Davies": 1, "Davies": 5})
    assert _display_name(davies, "person") == "Mark Davies"
    assert _display_name(Counter({"Vincent van Gogh": 3, "Gogh": 1}), "person") == (
        "Vincent van Gogh"
    )


def test_initials_written_apart_are_an_acronym_not_a_full_name():
    """ECB+ (the New York Times writes "F. B. I."): the agency is named in full,
    or as the other reports write its initials."""
    from collections import Counter

    from index.entities.display import _display_name

    fbi = Counter({"F. B. I.": 50, "FBI": 30, "Federal Bureau of Investigation": 8})
    assert _display_name(fbi, "organisation") == "Federal Bureau of Investigation"
    assert _display_name(Counter({"N. Y.": 2, "N.Y.": 1, "NY": 1}), "place") == "NY"
    assert _display_name(Counter({"F. B. I.": 3}), "organisation") == "F. B. I."


@pytest.mark.parametrize(
    ("spellings", "kind"),
    [
        # as the shared multi-source clusters, BBC News and ECB+ write them
        (("Mohamed Morsi", "Mohamed Mursi"), "person"),
        (("Reince Priebus", "Reince Preibus"), "person"),
        (("Duncan Rait", "Duncan Raite"), "person"),
        (("Kenya Wildlife Service", "Kenya Wildlife Services"), "organisation"),
        (("Electronic Frontier Foundation", "Electronic Fronter Foundation"), "organisation"),
        (("Thailand", "Thaliand"), "place"),
        (("Rip Guard", "RipGuard"), "organisation"),
        (("Office for National Statistics", "Office of National Statistics"), "organisation"),
        (
            (
                "Organization for Security and Co-operation",
                "Organisation for Security and Cooperation",
            ),
            "organisation",
        ),
    ],
)
def test_a_name_misspelt_by_one_letter_is_the_name_in_its_story(spellings, kind):
    right, wrong = spellings
    articles = [[(right, kind), (right, kind)], [(wrong, kind)]]
    together = merge(corpus(*articles), {}, groups={"a0": "s", "a1": "s"})
    assert entity_with(together, wrong) == entity_with(together, right)
    assert entity_with(together, right).name == right  # the more used spelling
    apart = merge(corpus(*articles), {}, groups={"a0": "s", "a1": "t"})
    assert entity_with(apart, wrong) != entity_with(apart, right)


@pytest.mark.parametrize(
    ("first", "second", "kind"),
    [
        ("North Korea", "South Korea", "place"),  # a word, not a letter
        ("Audi", "Aldi", "organisation"),  # too short to tell a slip from another name
        ("UNHCR", "UNHRC", "organisation"),  # acronyms: the refugee agency, the council
        ("Lagos", "Lages", "place"),  # two places the gazetteer knows
        ("Angola", "Angolan", "place"),  # a country and its people, both read as places
        ("Charles Manson", "Charles Hanson", "person"),  # another first letter
        ("Flight MH370", "Flight MH371", "other"),  # a digit
        ("Browne", "Brown", "person"),  # two people's bare surnames: only full names
        ("Chapter", "Charter", "other"),  # two words the corpus writes in lower case
        ("Vincent DelGiudice", "Vincent Del Giudice Jr.", "person"),  # father and son
    ],
)
def test_names_more_than_a_slip_apart_stay_apart(first, second, kind):
    text = "They read a chapter of the charter."
    names = f"{first} {first} {second}"  # the names in the body, not in a title
    passages = {
        "a0": [Passage("a0", 1, 0, len(names), names)],
        "a1": [Passage("a1", 1, 0, len(text), text)],
    }
    articles = [[(first, kind), (first, kind), (second, kind)], [("They", "other")]]
    found = merge(corpus(*articles), {}, passages, groups={"a0": "s", "a1": "s"})
    assert entity_with(found, first) != entity_with(found, second)


def test_two_people_whose_surnames_read_alike_stay_two():
    """ "Martyn" and "Martin" are one name to the romanisation rules, so each
    bare one is the person its own article names in full, not the other."""
    articles = [
        [("Nigel Martyn", "person"), ("Martyn", "person"), ("Martyn", "person")],
        [("Lee Martin", "person"), ("Martin", "person")],
    ]
    found = merge(corpus(*articles), {}, groups={"a0": "s", "a1": "s"})
    assert entity_with(found, "Nigel Martyn") != entity_with(found, "Lee Martin")


def test_a_spelling_off_from_two_entities_joins_neither():
    """ "Intelligence Committees" is a letter off from the House's "Intelligence
    Committee" and, by "Senate Intelligence Committees", from "Senate
    Intelligence Committee": the House's and the Senate's committees stay two."""
    articles = [
        [("House Intelligence Committee", "organisation")] * 3
        + [("Intelligence Committee", "organisation")],
        [("Senate Intelligence Committee", "organisation")] * 2,
        [("Senate Intelligence Committees", "organisation")]
        + [("Intelligence Committees", "organisation")],
    ]
    found = merge(corpus(*articles), {}, groups={"a0": "s", "a1": "s", "a2": "s"})
    house = entity_with(found, "House Intelligence Committee")
    assert entity_with(found, "Senate Intelligence Committee") != house


def test_a_bodys_name_is_not_shown_with_its_last_word_cut_off():
    """The wire's "National Hockey" (the model's span) beside one "National Hockey
    League", the shared clusters' "San Diego Police" beside "San Diego Police
    Department": the body's whole name; "Manchester United" keeps its name beside
    "Manchester United Football" (no body's last word)."""
    from collections import Counter

    from index.entities.display import _display_name

    counts = {"NHL": 9, "National Hockey": 3, "National Hockey League": 1}
    assert _display_name(Counter(counts), "organisation") == "National Hockey League"
    counts = {"San Diego Police": 4, "San Diego Police Department": 1}
    assert _display_name(Counter(counts), "organisation") == "San Diego Police Department"
    counts = {"Manchester United": 5, "Manchester United Football": 1}
    assert _display_name(Counter(counts), "organisation") == "Manchester United"


def test_a_name_written_in_capitals_is_shown_as_its_text_writes_it():
    """CoNLL-2003 wire: the NHL and NBA tables' "CHICAGO", "ST LOUIS" named the
    entities their reports write "Chicago", "St. Louis". An acronym keeps its
    capitals ("NATO" beside one "Nato"), and so does a table's "LA CLIPPERS" where
    a re-cased headline's "La Clippers" is the only other spelling."""
    org = "organisation"
    entities = merge(
        corpus(
            [("CHICAGO", org)] * 3 + [("Chicago", org)],
            [("ST LOUIS", org)] * 2 + [("St. Louis", org)],
            [("NATO", org)] * 3 + [("Nato", org)],
            [("LA CLIPPERS", org)] * 2 + [("La Clippers", org)],
        ),
        {},
    )
    names = {e.name for e in entities}
    assert {"Chicago", "St. Louis", "NATO", "LA CLIPPERS"} <= names


def test_a_word_of_a_table_written_in_capitals_is_no_entity():
    """CoNLL-2003 wire: "NBA BASKETBALL - FRIDAY 'S RESULTS", "STANDINGS" made
    entities "RESULTS" (17 mentions) and "STANDINGS"; the multi-source clusters'
    "EXTENDED" and "EXCLUSIVE" banners too. A word of six letters or more written
    only in capitals that the corpus writes in lower case is none; "EAGLES",
    written "Eagles" elsewhere, and the acronym "NATO" stay."""
    text = "The results of the standings were read; eagles flew over Nato."
    passages = {"a0": [Passage("a0", 1, 0, len(text), text)]}
    mentions = corpus(
        [("RESULTS", "other"), ("STANDINGS", "other"), ("EAGLES", "organisation")],
        [("Eagles", "organisation"), ("NATO", "organisation")],
    )
    names = {e.name for e in merge(mentions, {}, passages)}
    assert "RESULTS" not in names and "STANDINGS" not in names
    assert {"Eagles", "NATO"} <= names


def test_a_word_capitalised_only_where_it_opens_a_sentence_is_no_entity():
    """Multi-source clusters: the model made entities of "Outrage", "Millions"
    and "Keep" where they opened a sentence or a line, words the corpus writes
    in lower case. A word named at the start of a sentence stays a name where
    the corpus also writes it in a longer name ("Grant" of Cary Grant), inside
    quotes (a title, '"Glee" actress') or in capitals (an acronym, "ODD")."""
    texts = {
        "a0": "Outrage followed the vote.\nKeep reading for more. Millions of people "
        "watched, and millions more read. The outrage grew; keep calm.",
        "a1": 'Cary Grant starred. Grant said little. A grant was paid. "Glee" actress '
        "Heather Morris spoke. Glee is a word; glee is too. (ODD) is a diagnosis, odd as it is.",
    }
    mentions = {
        "a0": occurrences(texts["a0"], "Outrage", "Keep", "Millions", kind="other", label="ORG"),
        "a1": occurrences(texts["a1"], "Cary Grant", "Grant", "Glee", "ODD", kind="person"),
    }
    passages = {aid: passages_of(text, aid)[aid] for aid, text in texts.items()}
    entities = merge(mentions, {}, passages)
    names = {e.name for e in entities}
    assert names.isdisjoint({"Outrage", "Keep", "Millions"})
    assert {"Cary Grant", "Glee", "ODD"} <= names
    assert {a.text for a in entity_with(entities, "Cary Grant").aliases} == {"Cary Grant", "Grant"}
    # the same words named in the middle of a sentence are names
    text = "Readers of Outrage, the magazine, wrote in. The outrage was real."
    mentions = {"a0": occurrences(text, "Outrage", kind="other", label="ORG")}
    assert {e.name for e in merge(mentions, {}, passages_of(text))} == {"Outrage"}


def test_a_headline_noun_its_article_and_its_story_both_read_is_one_mention():
    """BBC News: "Police probe BNP mosque leaflet" is South Wales Police, as its
    own article says and as its story's other reports say; the entity listed
    that headline's "Police" twice."""
    text = (
        "Police probe BNP mosque leaflet\n\nAnti-racism campaigners in Swansea have "
        "handed copies to South Wales Police."
    )
    (force,) = occurrences(text, "South Wales Police")
    article = Reference(0, 6, "Police", force.start, force.end)
    story = StoryReference("a0", 0, 6, "Police", (("a0", force.start),))
    (entity,) = merge(
        {"a0": [force]}, {}, passages_of(text), groups={"a0": "s0"},
        references={"a0": [article]}, story_references=[story],
    )  # fmt: skip
    assert [(m.start, m.common) for m in entity.mentions] == [(0, True), (force.start, False)]
