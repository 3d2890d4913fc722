"""The words of a query that "Did you mean" may correct, each in the field the
search reads it in and at the characters it was typed with (no index needed)."""

from __future__ import annotations

import pytest

from index.suggest import slots_of

TEXT = "text"


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("Istambul talks", [(TEXT, "Istambul"), (TEXT, "talks")]),
        ('"talks in Istambul"', [(TEXT, "talks"), (TEXT, "Istambul")]),
        ("Istambul-talks, Kyv", [(TEXT, "Istambul"), (TEXT, "talks"), (TEXT, "Kyv")]),
        ("title:Istambul", [("title", "Istambul")]),
        ('title:"Istambul talks"', [("title", "Istambul"), ("title", "talks")]),
        (
            "title:(Istambul OR talks) Kyv",
            [("title", "Istambul"), ("title", "talks"), (TEXT, "Kyv")],
        ),
        ("source:Jazera", [("source", "Jazera")]),
        ("person:Umarov", [("person", "Umarov")]),
        ('person:"Hakan Fidna" OR place:Kyv', [("person", "Hakan Fidna"), ("place", "Kyv")]),
        ("person:' Istambul", [(TEXT, "Istambul")]),  # a quote alone is no name
        # What the user chose to match, numbers and short words: never corrected.
        ("pris* pr?s prisonrs~ talks^2 1,201 of Kyv", [(TEXT, "Kyv")]),
        ("date:[2025-05-01 TO 2025-05-31] story:abcd Istambul", [(TEXT, "Istambul")]),
        # An operator, even where Whoosh reads it as a word.
        ("AND Istambul NOT", [(TEXT, "Istambul")]),
        ("Istambul NOT talks", [(TEXT, "Istambul"), (TEXT, "talks")]),
        # A query that cannot be searched has nothing to correct.
        ('"talks in Istambul', []),
        ("colour:Istambul", []),
        ("Istambul~9", []),
        # Read as the search reads them: a field written with a capital is that
        # field, an entity field before parentheses names each word in them, a
        # field after a dot is that field, and a quoted name in a group is a name.
        ("Title:Istambul", [("title", "Istambul")]),
        ("person:(Umarov)", [("person", "Umarov")]),
        (
            'person:(Umarov OR "Hakan Fidna") talks',
            [("person", "Umarov"), ("person", "Hakan Fidna"), (TEXT, "talks")],
        ),
        ("x.title:Istambul", [("title", "Istambul")]),
        ('entity:("Hakan Fidna")', [("entity", "Hakan Fidna")]),
    ],
)
def test_the_words_a_suggestion_may_correct(query, words):
    slots = slots_of(query)
    assert [(slot.field, slot.text) for slot in slots] == words
    assert all(query[slot.start : slot.end] == slot.text for slot in slots)


def test_a_quoted_name_stays_quoted_and_a_bare_one_bare():
    """A correction of several words is put in quotes only where the name had none."""
    assert [s.quoted for s in slots_of('person:"Hakan Fidna" person:Fidna')] == [True, False]
