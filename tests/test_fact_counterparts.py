"""When two reports' figures are the same thing told two ways, and when they
only look so: the rules that keep a "✗ differ" from comparing different things
(two players' statistics, a season against a few games, a distance off the
coast against one from a warship), each on sentences of the kind that misled it."""

from __future__ import annotations

import pytest

from index.crossref import Comparable, off_day_facts, relate_pair, torn_articles
from index.facts import extract_facts
from index.intervals import COMPATIBLE, DIFFER, relate
from index.model import Article, Passage
from index.subjects import hypothetical, period_of, unsettled

from .test_facts import make_article


def _figure(sentence: str, article_id: str = "a.txt", kind: str = "quantity", value=None):
    facts = [f for f in extract_facts(make_article(sentence, article_id)) if f.kind == kind]
    if value is not None:
        facts = [f for f in facts if f.value == value]
    assert facts, f"no {kind} in {sentence!r}"
    return facts[0]


def _item(sentence: str, article_id: str, value=None, holders=(), kind="quantity") -> Comparable:
    """A figure of one story as the comparison sees it, with the people and
    bodies its passage names and the periods its sentence names."""
    passage = Passage(article_id, 1, 0, len(sentence), sentence)
    article = Article(article_id, article_id, "text", sentence, passages=(passage,))
    facts = [f for f in extract_facts(article) if f.kind == kind]
    fact = next(f for f in facts if value is None or f.value == value)
    return Comparable(
        fact,
        fact.to_json(),
        fact.key or "",
        "s1",
        article_id,
        holders=frozenset(holders),
        period=period_of(sentence, fact.start, fact.end, (0, len(sentence))),
        hypothetical=unsettled(sentence, fact.start, fact.end, fact.kind, (0, len(sentence))),
    )


def test_a_stay_of_three_months_fits_a_ninety_day_stay():
    """Months are not a whole number of days: "three-month" is any of 89 to 92."""
    months = _figure("She checked in for what is to be a three-month stay.", kind="duration")
    days = _figure("She has to finish a court-ordered 90-day stay.", "b.txt", kind="duration")
    assert months.key == days.key
    assert relate(months, days) == COMPATIBLE


def test_hours_of_deliberation_fit_within_days_of_it_but_not_beyond():
    days = _figure("The jury was deadlocked after four days of deliberation.", kind="duration")
    hours = _figure("The jury was deadlocked after 30 hours of deliberation.", "b", "duration")
    more = _figure("The jury was deadlocked after 130 hours of deliberation.", "c", "duration")
    assert days.key == hours.key == more.key
    assert relate(days, hours) == COMPATIBLE
    assert relate(days, more) == DIFFER  # 130 hours do not fit in four days
    assert relate(days, hours, spans=False) == DIFFER  # yet they are two lengths


def test_an_order_of_magnitude_never_contradicts_a_figure():
    vague = _figure("Attackers have compromised millions of Windows users so far.")
    exact = _figure("Attackers have compromised 500 Windows users so far.", "b.txt")
    assert vague.key == exact.key
    assert relate(vague, exact) is None
    thousands = _figure("Criminals infected thousands of Web sites this week.")
    about = _figure("Criminals infected about 10,000 Web sites this week.", "b.txt")
    assert relate(thousands, about) != DIFFER


def test_a_measure_that_does_not_say_of_what_can_agree_but_never_differ():
    """ "13 nautical miles" from the warship and "150 nautical miles" off the
    coast are two distances; two reports of "150 nautical miles" agree."""
    off_coast = _figure("The attack took place about 150 nautical miles off the coast.")
    again = _figure("The incident took place about 150 nautical miles off the coast.", "b")
    from_ship = _figure("The merchant ship was 13 nautical miles from the warship.", "c")
    assert relate(off_coast, from_ship) is None
    assert relate(off_coast, again) == "agree"


def test_a_share_of_users_and_a_number_split_by_a_space_are_not_counts():
    share = extract_facts(make_article("One in every 500 Windows users was exposed to it."))
    assert all(f.value != 500 for f in share)
    split = extract_facts(make_article("In 2003 more than 31, 000 people were killed in Bam."))
    assert all(f.value != 0 for f in split if f.kind == "quantity")


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        # a rank before a name, and a squash score run on into the next result
        (
            "World number two Rodney Eyles moved within sight of his fifth title of the year.",
            [],
        ),
        (
            "Peter Nicol (Scotland) beat Simon Parke (England) 15-7 15-12 15-12 Rodney Eyles "
            "(Australia) beat Mark Cairns (England) 15-7 15-6 15-8.",
            [],
        ),
        ("The No. 2 seed lost to a team of 12 players.", [12.0]),
        ("Some 12-15 people were hurt in the blast.", [12.0]),
    ],
)
def test_a_rank_and_a_score_are_not_counts(sentence, counts):
    found = [f.value for f in extract_facts(make_article(sentence)) if f.kind == "quantity"]
    assert found == counts


def test_an_article_stating_two_figures_under_one_key_contradicts_no_one():
    """One report gives both the conviction's deliberation and the penalty's:
    which of them another report's "30 hours" is about cannot be told."""
    first = _item(
        "The jury convicted him after 12 hours of deliberation.", "a.txt", kind="duration"
    )
    second = _item("The penalty came after four days of deliberation.", "a.txt", kind="duration")
    other = _item("The jury gave up after 30 hours of deliberation.", "b.txt", kind="duration")
    members = [first, second, other]
    torn = torn_articles(members)
    assert torn == {"a.txt"}
    assert relate_pair(first, other, set()) == DIFFER  # alone, they would differ
    assert relate_pair(first, other, set(), torn) is None
    # the same article stating one figure twice is not torn
    twice = _item("The jury deliberated 30 hours in all.", "c.txt", kind="duration")
    assert torn_articles([other, twice]) == set()


def test_figures_whose_passages_name_different_people_never_differ():
    """ "Bowe (45-1, 33 KOs)" and "Rahman (45-7-2, 36 KOs)" are two boxers'
    records; the same figure around different names may still agree."""
    bowe = _item("Bowe has won 33 knockouts in all.", "a.txt", holders={"bowe"})
    rahman = _item("Rahman has won 36 knockouts in all.", "b.txt", holders={"rahman"})
    nobody = _item("He has won 36 knockouts in all.", "c.txt")
    again = _item("Rahman has won 33 knockouts in all.", "d.txt", holders={"rahman"})
    assert bowe.fact.key == rahman.fact.key
    lone = {"a.txt", "b.txt", "c.txt", "d.txt"}  # each states one count of knockouts
    assert relate_pair(bowe, rahman, lone) is None
    assert relate_pair(bowe, nobody, lone) == DIFFER  # nothing says whose it is
    assert relate_pair(bowe, again, lone) == "agree"


@pytest.mark.parametrize(
    ("sentence", "figure", "period"),
    [
        ("He has 548 rushing yards and 258 receiving yards this season.", "258", "this season"),
        ("Since Week 11, Thomas has 176 receiving yards.", "176", "since week 11"),
        ("There were over 50 arrests over four nights of protest.", "50", "over four nights"),
        ("He improves to a career record of 58 wins.", "58", "career"),
        ("By the end, 46 people had been arrested.", "46", "by the end"),
        ("He was serving a 12-year sentence for a conviction in 1997.", "12-year", "1997"),
        ("Police said 46 people had been arrested. It was calm this week.", "46", ""),
        ("Some 2,000 athletes will take part in the Games.", "2,000", ""),
        # ... and clause: "so far" is when nothing credible came, not the states'
        (
            "Law enforcement in 19 states are also working on possible sightings, but DeVine "
            "says so far they have had nothing credible.",
            "19",
            "",
        ),
        (
            "Since Week 11, Thomas has 176 receiving yards; he had 40 in all of 2012.",
            "176",
            "since week 11",
        ),
        ("He has 258 receiving yards this season, while Smith has 90.", "258", "this season"),
        # a time of day: a crowd counted at 3 a.m. is not the crowd of the afternoon
        (
            "Troops used water cannons to subdue about 120 students sitting in at the junction "
            "at about 3 a.m.",
            "120",
            "3 a.m.",
        ),
        ("By 10:30 pm, 46 people had been arrested.", "46", "10:30 pm"),
    ],
)
def test_the_period_a_figure_is_counted_over_is_read_from_its_own_sentence(
    sentence, figure, period
):
    start = sentence.index(figure)
    assert period_of(sentence, start, start + len(figure), (0, len(sentence))) == period


def test_running_counts_of_different_periods_never_differ():
    season = _item("He has 258 receiving yards this season.", "a.txt")
    since = _item("Since Week 11, he has 176 receiving yards.", "b.txt")
    plain = _item("He has 176 receiving yards.", "c.txt")
    same = _item("He has 258 receiving yards this season, his best.", "d.txt")
    assert season.fact.key == since.fact.key == plain.fact.key
    assert relate_pair(season, since, set()) is None
    assert relate_pair(season, plain, set()) is None
    assert relate_pair(season, same, set()) == "agree"


def test_the_highest_for_a_span_and_a_race_time_are_no_lengths_to_compare():
    """ "four-month highs" is the highest price for that long, not a length of
    anything; a relay won "in 38.07 seconds" is no time since anything."""
    highs = _figure("Cold weather pushed US crude prices to four-month highs.", kind="duration")
    assert highs.key is None
    relay = _figure(
        "They won Britain's first relay medal since 1912 in 38.07 seconds.", kind="duration"
    )
    assert relay.key is None
    since = _figure("It was the first win in three years.", kind="duration")
    assert since.key == "duration:since"


def test_what_could_be_never_contradicts_what_was_done():
    """A rule's maximum ("could receive a maximum one-year suspension") against
    the ban imposed ("two-year suspensions") is no contradiction."""
    imposed = _item(
        "The federation imposed two-year suspensions on the pair.", "a", kind="duration"
    )
    could = _item(
        "Under the rules, the athletes could receive a maximum one-year suspension.",
        "b",
        kind="duration",
    )
    assert imposed.fact.key == could.fact.key
    assert could.hypothetical and not imposed.hypothetical
    assert relate_pair(imposed, could, set()) is None
    imposed_again = _item("They were given one-year suspensions.", "c", kind="duration")
    assert relate_pair(imposed, imposed_again, set()) == DIFFER


def test_what_someone_seeks_never_contradicts_what_was_given():
    """The sentence prosecutors sought is not the one the judge gave, nor the
    contract a player seeks the one he is offered; whom the police seek is
    still a count."""
    sought = _item("Prosecutors sought a 10-year prison sentence for him.", "a", kind="duration")
    given = _item("He was sentenced to eight years in prison.", "b", kind="duration")
    again = _item("He was sentenced to ten years in prison.", "c", kind="duration")
    assert sought.fact.key == given.fact.key == again.fact.key
    assert sought.hypothetical and not given.hypothetical
    assert relate_pair(given, sought, set()) is None
    assert relate_pair(given, again, set()) == DIFFER
    wanted = "Police are seeking two men in the attack."
    assert not hypothetical(wanted, wanted.index("two"), (0, len(wanted)))


def test_a_term_mostly_suspended_never_contradicts_the_time_served():
    """ "Sentenced to one to three years, with all but six months suspended" is
    no contradiction of "most of a six-month sentence" (two reports of one
    Watergate figure); the same terms without the suspension still differ, and
    players suspended are still counted."""
    cut = _item(
        "He pleaded guilty to one count of conspiracy to obstruct justice and was "
        "sentenced to one to three years, with all but six months suspended.",
        "a",
        kind="duration",
    )
    served = _item(
        "He served most of a six-month sentence before returning to Mississippi.",
        "b",
        kind="duration",
    )
    whole = _item(
        "He pleaded guilty to one count of conspiracy to obstruct justice and was "
        "sentenced to one to three years.",
        "c",
        kind="duration",
    )
    assert cut.fact.key == served.fact.key == whole.fact.key
    assert cut.hypothetical and not whole.hypothetical and not served.hypothetical
    assert relate_pair(cut, served, set()) is None
    assert relate_pair(whole, served, set()) == DIFFER
    players = "Three players were suspended for the rest of the season."
    fact = _figure(players)
    assert not unsettled(players, fact.start, fact.end, fact.kind, (0, len(players)))


def test_an_event_named_around_a_figure_is_not_whose_figure_it_is():
    """ "For the Sochi Games, the firm will have five aircraft" is the firm's
    figure, as "Global Rescue has six aircraft" is: the Games, which the model
    may tag as an organisation, hold nothing."""
    from index.pass_views import _EVENT_NAME

    assert _EVENT_NAME.search("Sochi Games") and _EVENT_NAME.search("Venice Film Festival")
    assert not _EVENT_NAME.search("Global Rescue") and not _EVENT_NAME.search("Gazprom")


def test_time_served_is_not_the_sentence_given():
    served = _figure("He served four months in federal prison for conspiracy.", kind="duration")
    given = _figure("He was sentenced to one to three years in prison.", "b", kind="duration")
    serving = _figure("He was serving a 12-year sentence for racketeering.", "c", kind="duration")
    assert served.key == "duration:time served"
    assert given.key == serving.key == "duration:prison sentence"
    assert relate(served, given) is None
    again = _figure("He served five months in federal prison.", "d", kind="duration")
    assert relate(served, again) == DIFFER


def test_figures_an_order_of_magnitude_apart_never_differ():
    """ "more than 300 crew members" held by all pirates this year and the
    "Sixteen crew members" aboard one trawler are two counts, not two reports of
    one; figures a few times apart are still compared."""
    held = _item(
        "They still hold at least 14 foreign vessels and more than 300 crew members to ransom.",
        "a.txt",
        value=300,
    )
    aboard = _item("Sixteen crew members were aboard the ship, the owner said.", "b.txt")
    also = _item("Sixty crew members were aboard the ship, the owner said.", "c.txt")
    lone = {"a.txt", "b.txt", "c.txt"}
    assert held.fact.key == aboard.fact.key == also.fact.key
    assert relate_pair(held, aboard, lone) is None
    assert relate_pair(aboard, also, lone) == DIFFER


def test_figures_tied_to_different_organisations_never_differ():
    """The Orioles' seven-year offer and the Red Sox's eight-year one are two
    offers, though both sentences name the player they were made to."""
    orioles = _item(
        "The Orioles have offered Teixeira a seven-year deal worth $140 million.",
        "a.txt",
        holders={"organisation:baltimore-orioles", "teixeira"},
        kind="duration",
    )
    red_sox = _item(
        "The Red Sox offered Teixeira an eight-year deal worth $184 million.",
        "b.txt",
        holders={"organisation:red-sox", "teixeira"},
        kind="duration",
    )
    reported = _item(
        "The Red Sox offered Teixeira a seven-year deal worth $184 million.",
        "c.txt",
        holders={"organisation:red-sox", "teixeira"},
        kind="duration",
    )
    lone = {"a.txt", "b.txt", "c.txt"}
    assert orioles.fact.key == red_sox.fact.key
    assert relate_pair(orioles, red_sox, lone) is None
    assert relate_pair(red_sox, reported, lone) == DIFFER  # one club's offer, told two ways


def test_a_toll_of_another_day_than_the_storys_never_differs():
    """Three reports give Sunday's toll of a quake in Iran; one adds that on
    Saturday a quake in eastern China killed more than a dozen. That figure is
    of another day's event: not a contradiction of "10 people were killed"."""
    iran = [
        _item("State television said 10 people were killed on Sunday.", "a.txt"),
        _item("At least 10 people were killed on Sunday, officials said.", "b.txt"),
        _item("The governor said three people were killed.", "c.txt"),
    ]
    china = _item(
        "On Saturday, more than a dozen people were killed by a quake in eastern China.",
        "d.txt",
    )
    members = [*iran, china]
    lone = {m.fact.article for m in members}
    off_day = off_day_facts(members)
    assert off_day == {china.fact.id}
    assert relate_pair(iran[2], china, lone, off_day=off_day) is None
    assert relate_pair(iran[2], iran[0], lone, off_day=off_day) == DIFFER


def test_the_storys_own_day_is_compared_with_reports_naming_none():
    """ "Shot 11 times by police on Saturday", in the one report that names the
    day, and "shot seven times" in another: the day is the story's own, and
    the counts differ."""
    saturday = _item("Kimani Gray was shot 11 times by police on Saturday.", "a.txt")
    autopsy = _item("The autopsy showed Gray had been shot seven times.", "b.txt")
    members = [saturday, autopsy]
    off_day = off_day_facts(members)
    assert off_day == set()
    assert relate_pair(saturday, autopsy, {"a.txt", "b.txt"}, off_day=off_day) == DIFFER


def test_a_group_is_named_by_the_figures_that_differ_on_the_storys_day():
    """Under the counted noun "people", tolls that differ and woundings that
    agree: the group is named after the tolls, with the day the story's
    reports give, not the day of another quake one of them recalls."""
    from dataclasses import replace

    from index.crossref import FactIndex, groups

    sentences = [
        ("State television said 10 people were killed on Sunday.", "a.txt"),
        ("At least 10 people were killed on Sunday, officials said.", "b.txt"),
        ("The governor said three people were killed.", "c.txt"),
        ("On Saturday, more than a dozen people were killed by a quake in China.", "d.txt"),
    ]
    index = FactIndex()
    for sentence, article in sentences:
        index.add(replace(_item(sentence, article), ckey="people", source_group=article))
    for article in ("e.txt", "f.txt"):
        wounded = _item("Officials said 50 people were wounded.", article)
        index.add(replace(wounded, ckey="people", source_group=article))
    (group,) = groups(index)
    assert group["relation"] == DIFFER
    assert group["subject"] == "people killed on Sunday"


def test_a_month_told_in_the_past_perfect_is_a_period_before_the_event():
    """ "Early November, the British Royal Navy had captured eight pirates" is
    an earlier capture than the Indian navy's 23; a month named for the event
    itself ("Finally, in December, ... 50,000 pages ... were delivered") is no
    period, nor a past perfect that names no month."""
    earlier = _item(
        "Early November, the British Royal Navy had captured eight pirates, who were "
        "handed over to Kenya.",
        "a.txt",
    )
    caught = _item("The Indian navy captured 23 pirates in the Gulf of Aden.", "b.txt")
    assert earlier.period == "before, in november"
    assert relate_pair(earlier, caught, {"a.txt", "b.txt"}) is None
    delivered = "Finally, in December, boxes filled with 50,000 pages of emails were delivered."
    assert period_of(delivered, 40, 46, (0, len(delivered))) == ""
    had = "Police said the navy had captured eight pirates."
    assert period_of(had, 37, 49, (0, len(had))) == ""


def test_a_sentence_told_from_an_earlier_year_is_framed_by_it():
    """A mobster's obituary: "Mr. Gigante was acquitted in 1958 ... / A year
    later, he was convicted ... / Mr. Gigante ... was sentenced to seven years
    in prison." The seven years are of the 1950s, not the 12 of his 1997
    conviction that other reports give."""
    text = (
        "Vincent Gigante died on Monday in prison.\n"
        "Mr. Gigante was acquitted in 1958 on charges of attempted murder.\n"
        "A year later, he was convicted with Mr. Genovese on charges of heroin trafficking.\n"
        "Mr. Gigante, a superintendent of a tenement, was sentenced to seven years in prison.\n"
        "In 2005 he was again in the news.\n"
    )
    passages = []
    at = 0
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        passages.append(Passage("a.txt", number, at, at + len(line) - 1, line.strip()))
        at += len(line)
    article = Article("a.txt", "a.txt", "text", text, passages=tuple(passages))
    (seven,) = [f for f in extract_facts(article) if f.kind == "duration" and f.value == 7]
    assert seven.key == "duration:prison sentence in 1958"
    alone = make_article("Mr. Gigante was sentenced to seven years in prison.")
    (plain,) = [f for f in extract_facts(alone) if f.kind == "duration"]
    assert plain.key == "duration:prison sentence"


def _relations_in_one_story(tmp_path, texts: dict[str, str]) -> dict[tuple[str, str], str | None]:
    """The relation the cross-source view gives each pair of counts of
    ``texts`` (file name -> text), all read as one story, by their words."""
    from unittest.mock import patch

    from index import corpus_pass

    from .test_stories import analysed

    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    analyses = analysed([(tmp_path / name, name) for name in texts])
    with patch.object(
        corpus_pass, "group_by_component", lambda inputs, *_: [[i.id for i in inputs]]
    ):
        state = corpus_pass.summarise(analyses)
    found = {}
    for views in state["views"].values():
        for view in views.values():
            for item in view["facts"]:
                for other in item["others"]:
                    found[(item["fact"]["text"], other["fact"]["text"])] = other["relation"]
    return found


def test_tolls_placed_in_different_countries_never_differ(tmp_path):
    """Two plane crashes of one Friday, one in South Africa and one in
    Newfoundland, put in one story: their tolls are two tolls. Two reports of
    one crash placed in one country ("Kyiv", "Ukraine") still differ."""
    found = _relations_in_one_story(
        tmp_path,
        {
            "crop.txt": "Five people were killed when a crop-spraying plane crashed into a "
            "light delivery vehicle in South Africa's North West region on Friday.\n",
            "jet.txt": "Two people were killed when an executive jet en route to Ireland from "
            "Michigan crashed on approach to an airport in Stephenville on Friday.\n",
        },
    )
    assert found[("Five people", "Two people")] is None
    found = _relations_in_one_story(
        tmp_path,
        {
            "kyiv.txt": "Five people were killed when a missile hit a building in Kyiv on Friday.\n",
            "ukraine.txt": "Seven people were killed when a missile hit a building in Ukraine on "
            "Friday.\n",
        },
    )
    assert found[("Five people", "Seven people")] == DIFFER


def test_crowds_counted_at_different_times_of_day_never_differ(tmp_path):
    """Reuters (1996): troops dispersed "about 120 university students" at a
    junction at about 3 a.m.; later "about 300 university students" were still
    gathered at their campus gates. Two counts of two moments, not a
    contradiction; counts that name no time still differ."""
    students = {
        "junction.txt": "Troops used water cannons to subdue about 120 university students "
        "sitting in at the junction at about 3 a.m., witnesses said.\n",
        "gates.txt": "But about 300 university students were still gathered outside the gates "
        "of their campus, witnesses said.\n",
    }
    found = _relations_in_one_story(tmp_path, students)
    assert found[("about 120 university students", "about 300 university students")] is None
    students["junction.txt"] = students["junction.txt"].replace(" at about 3 a.m.", "")
    found = _relations_in_one_story(tmp_path, students)
    assert found[("about 120 university students", "about 300 university students")] == DIFFER
