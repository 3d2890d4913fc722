"""The word-level diff behind the side-by-side view (pure, no Textual)."""

from __future__ import annotations

import pytest

from index.diffing import diff_words, tokens


@pytest.mark.parametrize(
    "left, right, notable_left, notable_right",
    [
        # a changed number, with its thousands separator kept whole
        (
            "Russia and Ukraine will exchange 1,000 prisoners.",
            "Russia and Ukraine will exchange 1,200 prisoners.",
            ["1,000"],
            ["1,200"],
        ),
        # a different spelling of a name
        (
            "Talks were held in Kyiv on Friday.",
            "Talks were held in Kiev on Friday.",
            ["Kyiv"],
            ["Kiev"],
        ),
        # case and curly quotes alone are not differences
        ("He said “no deal”.", 'he said "no deal".', [], []),
        # identical text
        ("The talks lasted under an hour.", "The talks lasted under an hour.", [], []),
        # a name only one side has
        (
            "Fidan said the talks were useful.",
            "Turkish minister Hakan Fidan said the talks were useful.",
            [],
            ["Turkish", "Hakan"],
        ),
        # a date and a number differ together
        (
            "On 2025-05-16, 500 were freed.",
            "On 2025-05-17, 500 were freed.",
            ["2025-05-16"],
            ["2025-05-17"],
        ),
        # one side empty
        ("", "Istanbul talks end.", [], ["Istanbul"]),
    ],
)
def test_notable_differences(left, right, notable_left, notable_right):
    assert diff_words(left, right).notable() == (notable_left, notable_right)


def test_offsets_point_into_each_text():
    left, right = (
        "Exchange of 1,000 prisoners in Istanbul",
        "Exchange of 1,200 prisoners in Istambul",
    )
    diff = diff_words(left, right)
    for text, side in ((left, diff.left), (right, diff.right)):
        for token in side:
            assert text[token.start : token.end] == token.text
    changed = [t.text for t in diff.right if t.changed]
    assert changed == ["1,200", "Istambul"]


def test_plain_changed_words_are_not_notable():
    diff = diff_words("the talks ended quickly", "the talks ended abruptly")
    assert [t.text for t in diff.right if t.changed] == ["abruptly"]
    assert diff.notable() == ([], [])
    assert 0 < diff.ratio < 1


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("1,200", ["number"]),
        ("Kyiv's", ["name"]),
        ("ceasefire-related", ["word"]),
        ("(EFE).-", ["punct", "name", "punct", "punct", "punct"]),
        ("3.5 hours", ["number", "word"]),
    ],
)
def test_token_kinds(text, kinds):
    assert [t[3] for t in tokens(text)] == kinds
