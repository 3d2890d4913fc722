"""A headline's common noun whose name is only in another article of its story
("Lawyer:" in one report, "lawyer Mark Heller" in another): after stories are
grouped, the story's articles are one context. Sentences from ECB+ news texts."""

from __future__ import annotations

from typing import Any

import pytest

from index.analysis import Analysis
from index.article_analysis import stored_parts
from index.corpus_pass import summarise
from index.readers import read_bytes

from .conftest import ROOT

HEADLINE = (
    "Lawyer: Lindsay Lohan checks into rehab facility\n"
    "Lindsay Lohan has checked into a rehab facility to comply with her sentence in a "
    "misdemeanor driving case, but her arrival there was not without drama.\n"
    '"My client is ensconced in the bosom of that facility right now," Heller argued after '
    "a prosecutor objected to Lohan's choice of rehab facilities.\n"
)
HELLER = (
    "Lindsay Lohan checks into rehab facility in Newport Beach\n"
    "Lohan lawyer Mark Heller told L. A. Superior Court Judge James R. Dabney that Lohan had "
    "checked into a rehab facility, but prosecutors have not signed off on the facility.\n"
    "Lindsay Lohan checked into Morningside Recovery in Newport Beach, Heller said.\n"
)
HOLLEY = (
    "Lindsay Lohan checks into rehab facility, rehires lawyer\n"
    "Lindsay Lohan has rehired her longtime lawyer, Shawn Holley, after checking into a rehab "
    "facility in Newport Beach.\n"
    "Lohan checked into Morningside Recovery on Thursday, Holley said.\n"
)


def state_of(*texts: str) -> dict[str, Any]:
    blobs = {}
    for number, text in enumerate(texts):
        (article,) = read_bytes(text.encode(), f"{number}.txt").articles
        (result,) = Analysis().analyse_here([article])
        blobs[article.id] = stored_parts(article, result)[0]
    state = summarise(blobs)
    assert len({state["story_of"][aid] for aid in blobs}) == 1  # one story
    return state


def common_mentions(state: dict[str, Any]) -> dict[str, list[str]]:
    """Each entity's common-noun mentions, by its name."""
    return {
        e["name"]: sorted(m["text"] for m in e["mentions"] if m.get("common"))
        for e in state["entities"]
        if any(m.get("common") for m in e["mentions"])
    }


def test_a_headline_noun_joins_the_one_person_its_story_calls_so():
    state = state_of(HEADLINE, HELLER)
    assert common_mentions(state) == {"Mark Heller": ["Lawyer"]}
    (heller,) = [e for e in state["entities"] if e["name"] == "Mark Heller"]
    assert "Lawyer" not in {a["text"] for a in heller["aliases"]}
    assert "lawyer" not in state["alias_index"]


def test_no_link_where_the_story_calls_two_people_so():
    # Heller and Holley are both Lohan's lawyer: "Lawyer:" could be either.
    assert common_mentions(state_of(HEADLINE, HELLER, HOLLEY)) == {}


def test_no_link_to_someone_the_headline_s_own_article_never_names():
    # A story may gather reports of several lawyers: the headline is about whom
    # its own body names.
    unnamed = HEADLINE.replace("Heller argued", "her lawyer argued")
    assert common_mentions(state_of(unnamed, HELLER)) == {}


def test_an_article_that_calls_someone_so_itself_is_not_overruled():
    own = HEADLINE.replace("Heller argued", "her lawyer, Shawn Holley, argued")
    assert common_mentions(state_of(own, HELLER)) == {"Shawn Holley": ["Lawyer"]}


ARREST = (
    "Police arrest suspect in fatal Bloomington hit and run\n"
    "The driver allegedly hit a 66-year-old woman near a Bloomington parking lot and fled "
    "the scene.\n"
    "Police said alcohol was a factor.\n"
)
CHARGES = (
    "Charges filed in fatal Bloomington hit and run\n"
    "The Hennepin County Attorney filed criminal charges Friday against the man who they say "
    "hit and killed a woman walking out of a store in Bloomington.\n"
    "Bloomington Police say he drank so much his blood-alcohol level was 0.41, more than five "
    "times the legal limit.\n"
)


def test_police_is_the_one_force_its_story_names():
    found = common_mentions(state_of(ARREST, CHARGES))
    assert found == {"Bloomington Police": ["Police", "Police"]}


def test_police_joins_no_force_where_the_story_names_two():
    two = CHARGES.replace(
        "limit.\n", "limit.\nMinneapolis Police Department officers joined the search.\n"
    )
    assert common_mentions(state_of(ARREST, two)) == {}


ECB = ROOT.parent / "shared" / "data" / "ecbplus-dev"


def test_a_headline_word_the_model_took_for_a_name_is_the_person_its_story_calls_so():
    """ECB+ dev topic 3: "Texas Prison Escapee Added to U. S. Marshals' ..." names
    Arcade Joseph Comeaux Jr. in its body without calling him an escapee; another
    report of the story writes "Texas prison escapee Arcade Joseph Comeaux Jr."."""
    folder = ECB / "topic03"
    if not folder.exists():
        pytest.skip(f"{folder} is not available")
    texts = [(folder / f"3_{n}ecbplus.txt").read_text(encoding="utf-8") for n in (4, 5)]
    state = state_of(*texts)
    comeaux = next(e for e in state["entities"] if e["name"].startswith("Arcade Joseph Comeaux"))
    common = [(m["id"], m["text"]) for m in comeaux["mentions"] if m.get("common")]
    assert ("0.txt", "Escapee") in common
    assert "Escapee" not in {a["text"] for a in comeaux["aliases"]}
    assert not any(e["name"] == "Escapee" for e in state["entities"])  # no longer a name


def test_an_update_reads_a_storys_headline_nouns_again_only_where_the_story_changed(monkeypatch):
    """A story's headline nouns are kept by what they are read from: an update
    that leaves the story as it was reads none again and joins the same person;
    one that adds a report calling another person so reads the story again, as
    a full comparison does."""
    from index import corpus_pass

    blobs = {}
    for number, text in enumerate((HEADLINE, HELLER, HOLLEY)):
        (article,) = read_bytes(text.encode(), f"{number}.txt").articles
        (result,) = Analysis().analyse_here([article])
        blobs[article.id] = stored_parts(article, result)[0]
    two = {aid: blobs[aid] for aid in ("0.txt", "1.txt")}
    first = summarise(two)
    assert common_mentions(first) == {"Mark Heller": ["Lawyer"]}

    real = corpus_pass.references_in_story
    read: list[list[str]] = []

    def counted(articles, mentions, members, references):
        read.append(list(members))
        return real(articles, mentions, members, references)

    monkeypatch.setattr(corpus_pass, "references_in_story", counted)
    again = summarise(two, memo=first["memo"])
    assert read == []
    assert again["entities"] == first["entities"]

    (other,) = read_bytes(HOLLEY.encode(), "1.txt").articles  # the same ids, another text
    (result,) = Analysis().analyse_here([other])
    rewritten = {**two, "1.txt": stored_parts(other, result)[0]}
    assert common_mentions(summarise(rewritten, memo=first["memo"])) == {}
    assert read == [["0.txt", "1.txt"]]
    read.clear()

    everything = summarise(blobs, memo=first["memo"])
    assert read == [["0.txt", "1.txt", "2.txt"]]
    assert common_mentions(everything) == {}  # Heller or Holley: no one
    assert everything["entities"] == summarise(blobs)["entities"]
