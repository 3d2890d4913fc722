"""What a fact is about: subjects, time frames, names and thresholds, speakers
that are organisations, and the rounding a reporter implies. One row per rule,
on short sentences written like the news they come from; a few rows read the
shared multi-source articles and are skipped where those are not on disk."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from index.facts import extract_facts
from index.intervals import AGREE, COMPATIBLE, DIFFER, relate
from index.model import Article, Mention, Passage
from index.subjects import describe

MULTISOURCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "multisource"


def article(text: str, date: str | None = "2025-07-24", article_id: str = "a") -> Article:
    passages, start = [], 0
    for number, block in enumerate(text.split("\n\n"), 1):
        passages.append(Passage(article_id, number, start, start + len(block), block))
        start += len(block) + 2
    return Article(
        article_id, f"{article_id}.txt", "text", text, date=date, passages=tuple(passages)
    )


def facts(text: str, kind: str, date: str | None = "2025-07-24", mentions=()):
    return [f for f in extract_facts(article(text, date), mentions) if f.kind == kind]


def one(text: str, kind: str, words: str, date: str | None = "2025-07-24", mentions=()):
    found = [f for f in facts(text, kind, date, mentions) if f.text.startswith(words)]
    assert len(found) == 1, [f.text for f in facts(text, kind, date, mentions)]
    return found[0]


KEYS = [
    # sentence, kind, fact starts with, key (None: never compared)
    ("Six people, including two officers, were injured in the attack.", "quantity", "Six",
     "people wounded"),
    ("A gunman opened fire, striking four people at the practice.", "quantity", "four",
     "people struck"),
    ("Both sides agreed to exchange 1,000 prisoners of war each.", "quantity", "1,000",
     "prisoners of war exchanged"),
    ("Four people are in custody, including two women.", "quantity", "Four", "people detained"),
    ("The 2008-2009 war killed more than 1,400 Palestinians.", "quantity", "more than 1,400",
     "palestinians killed in 2008"),
    ("Officials said 84 Palestinians were killed over the last 24 hours in Gaza.", "quantity",
     "84", "palestinians killed in the past 24 hours"),
    ("Southern Israel has been the target of more than 750 rockets fired this year.", "quantity",
     "more than 750", "rockets fired this year"),
    ("Some 2,000 athletes will participate in the Games.", "quantity", "Some 2,000",
     "athletes taking part"),
    # a possessive or a participle after "of" is not what is counted
    ("The department said it had received 55,000 pages of Clinton's emails.", "quantity",
     "55,000", "pages of emails"),
    ("Dozens of boxes filled with 50,000 pages of printed emails were delivered.", "quantity",
     "50,000", "pages of emails"),
    # a generic noun with no verb, a lone "one", a rate, thresholds: nothing to compare
    ("The rally drew 300 people on Sunday.", "quantity", "300", None),
    ("According to police, one man approached the victim.", "quantity", "one", None),
    ("The new tax adds 1.75 cents per ounce to the price.", "quantity", "1.75", None),
    ("He could be approved with a simple majority of 51 votes.", "quantity", "51", None),
    ("The rule requires 60 votes to overcome a filibuster.", "quantity", "60", None),
    # durations: what lasted
    ("The talks lasted just 40 minutes.", "duration", "just 40", "duration:talks"),
    ("The shutdown lasted 35 days.", "duration", "35", "duration:shutdown"),
    ("During the four days of hearings, nobody raised it.", "duration", "four",
     "duration:hearing"),
    ("Trump spoke at a 77-minute press conference on Thursday.", "duration", "77",
     "duration:press conference"),
    ("The shutdown left workers without pay for 35 days.", "duration", "35", "duration:shutdown"),
    # a weight in pounds, after "weighs" or a height; other pounds say of what or nothing
    ("She stands about 5 feet 8, weighs about 120 pounds and should be considered armed.",
     "quantity", "about 120", "weight"),
    ("The suspect, in her 20s or 30s, 5-foot-8 and 130 pounds, knocked over six stores.",
     "quantity", "130", "weight"),
    ("The fine was 300 pounds.", "quantity", "300", None),
    # what an extension extends: two extensions of different measures are two subjects
    ("The deal came under criticism over the two-year extension of tax cuts for the rich.",
     "duration", "two-year", "duration:extension of cuts"),
    ("The deal did not include money for a 13-month extension of unemployment insurance.",
     "duration", "13-month", "duration:extension of insurance"),
    ("The judge sentenced him to seven years in prison.", "duration", "seven",
     "duration:prison sentence"),
    ("Hikers walk 20 miles a day for five months.", "duration", "five", None),
    ("He has wasted the past nine years of his life.", "duration", "nine", None),
    ("The charge carries a maximum of three years in prison.", "duration", "a maximum", None),
    ("Clinton released eight years of tax returns.", "duration", "eight", None),
    # dates: of the event, not of a statement or of another meeting
    ("The delegations met in Istanbul on Tuesday for another round of negotiations.", "date",
     "Tuesday", "date:talks"),
    ("Before the NATO meeting in February, Mattis wrote Thursday.", "date", "Thursday", "date"),
    ("After her meeting with Morsi, Ashton met Tuesday with ElBaradei.", "date", "Tuesday",
     "date"),
    ("They made their first visit since their Dec. 11 meeting with Trump.", "date", "Dec. 11",
     "date"),
    ("Thursday night's meeting marks the second time in a week the two have met.", "date",
     "Thursday", "date"),
]  # fmt: skip


@pytest.mark.parametrize("sentence,kind,words,key", KEYS)
def test_what_a_fact_is_about(sentence, kind, words, key):
    assert one(sentence, kind, words).key == key


NOT_FACTS = [
    # sentence, kind: an ordinal, a number in a name, a year used as a modifier
    ("A second person was arrested on Friday.", "duration"),
    ("Israel struck Gaza for a second straight day.", "duration"),
    ("Jennifer Paterson and Clarissa Dickson Wright filming Two Fat Ladies in 1996.", "quantity"),
    ("WATCH: “48 Hours” looks at the case.", "duration"),
    ("The committee investigating the deadly 2012 attacks found the account.", "quantity"),
    # ECB+: a model's or a version's number, and a kind of flaw, read as figures that
    # "agreed" across reports about other things
    ("Hackers exploited a zero-day flaw in Internet Explorer.", "duration"),
]


@pytest.mark.parametrize(
    "sentence,counts",
    [
        ("During the operation, six AK 47 rifles and 12 magazines were found.", [12]),
        ("The ship has confiscated a total of 14 AK 47 Rifles, 31 Magazines and 923 rounds.",
         [31, 923]),
        ("The flaw hit Windows 2000 users and 300 users of Windows XP.", [300]),
    ],
)  # fmt: skip
def test_a_models_number_is_not_what_it_counts(sentence, counts):
    """ECB+: "AK 47 rifles" was read as 47 rifles, "agreeing" with another report's."""
    assert [f.value for f in facts(sentence, "quantity")] == counts


@pytest.mark.parametrize(
    "sentence,counts",
    [
        # ECB+ writes most thousands with a comma and a space, as tokenised text
        ("In Patras, around 20, 000 protesters were joined by workers.", [20000]),
        ("He averaged 2. 1 steals in 1, 101 career games.", [1101]),
        ("Police said 1, 250, 000 people were hurt.", [1250000]),
        ("Police said 1,500 people were hurt.", [1500]),
        # a list of numbers, not one number
        ("The scores were 272, 310 runs.", [310]),
    ],
)
def test_thousands_set_apart_by_a_comma_and_a_space_are_one_number(sentence, counts):
    """ "1, 101 career games" was 101 games, and "20, 000 protesters" no figure."""
    assert [f.value for f in facts(sentence, "quantity")] == counts


def test_a_count_after_a_headlines_capitalised_word_is_still_a_count():
    """A headline capitalises the word before a count ("Police Arrest 12 Men"): a
    model's name is read only where the counted word is in lower case or the
    name follows another number."""
    (fact,) = facts("Police Arrest 12 Men After Riot", "quantity")
    assert fact.value == 12


@pytest.mark.parametrize("sentence,kind", NOT_FACTS)
def test_ordinals_names_and_years_are_not_figures(sentence, kind):
    assert facts(sentence, kind) == []


def test_a_call_sign_in_quotation_marks_is_not_a_quote():
    text = "The jet flew under the call sign “Corsair” over the Black Sea, the ministry said."
    assert facts(text, "quote") == []
    said = "He called the envoy “a theater prop,” accusing Moscow of bad faith."
    assert [f.quote for f in facts(said, "quote")] == ["a theater prop,"]


TITLES = [
    # a programme, a film, a place: the sentence's comma or full stop inside the marks
    'Sen. Bob Corker, a Tennessee Republican, said on "Fox News Sunday."',
    "Obama will appear on “Meet the Press.”",
    'He starred in "Good Morning, Vietnam," and "Mrs. Doubtfire."',
    'Arpaio runs "Tent City," an outdoor jail, in Phoenix.',
]


@pytest.mark.parametrize("sentence", TITLES)
def test_a_title_with_the_sentences_stop_inside_the_marks_is_not_a_quote(sentence):
    assert [f.quote for f in facts(sentence, "quote")] == []


def test_a_word_said_alone_is_still_a_quote():
    said = '"Ah-hah," said one voter at the Ames straw poll.'
    assert [f.quote for f in facts(said, "quote")] == ["Ah-hah,"]


SPEAKERS = [
    # sentence, fact starts with, speaker
    ("The Kremlin said 1,000 prisoners were freed.", "1,000", "The Kremlin"),
    ("Russia's defence ministry said 300 soldiers were killed.", "300",
     "Russia's defence ministry"),
    ("The ministry said 12 civilians were killed in the strike.", "12", "The ministry"),
]  # fmt: skip


@pytest.mark.parametrize("sentence,words,speaker", SPEAKERS)
def test_organisations_and_offices_are_speakers(sentence, words, speaker):
    assert one(sentence, "quantity", words).speaker == speaker


def test_an_organisation_the_nlp_names_is_a_speaker():
    text = "Gazprom said 40 workers were evacuated."
    gazprom = Mention(0, 7, "Gazprom", "organisation", "ORG")
    assert one(text, "quantity", "40", mentions=[gazprom]).speaker == "Gazprom"


def test_a_sentence_length_in_two_units_is_one_figure():
    (fact,) = facts("The judge approved a deal for Durst to serve 7 years, 1 month in prison.",
                    "duration")  # fmt: skip
    assert fact.text == "7 years, 1 month" and fact.key == "duration:prison sentence"
    (months,) = facts("He was sentenced to an 85-month prison term.", "duration")
    assert relate(fact, months) == AGREE


def pair(a: str, b: str, kind: str, words_a: str, words_b: str) -> str | None:
    return relate(one(a, kind, words_a), one(b, kind, words_b))


RELATIONS = [
    # two reports, kind, the two facts, relation (None: not counterparts)
    ("The meeting lasted less than 40 minutes.", "The talks lasted just 40 minutes.", "duration",
     "less than 40", "just 40", COMPATIBLE),
    # "two-dozen" is 24, not a range from two to twelve
    ("The president, immediately after making his remarks, signed nearly two-dozen executive "
     "actions.", "The administration is supplementing its proposal with 23 executive actions.",
     "quantity", "nearly two-dozen", "23", COMPATIBLE),
    ("The president signed two dozen executive actions.",
     "The administration is supplementing its proposal with 19 executive actions.",
     "quantity", "two dozen", "19", DIFFER),
    ("The talks ended after less than two hours.", "The talks lasted three hours.", "duration",
     "less than two", "three", DIFFER),
    ("A judge sentenced Durst to seven years in prison.",
     "The judge approved a deal for Durst to serve 7 years, 1 month in prison.", "duration",
     "seven", "7 years", COMPATIBLE),  # a whole number of years, rounded
    ("The talks lasted three days.", "The talks lasted four days.", "duration", "three", "four",
     DIFFER),
    ("Both sides agreed to exchange about 1,000 prisoners of war.",
     "Both sides agreed to exchange 1,012 prisoners of war.", "quantity", "about", "1,012",
     COMPATIBLE),
    ("Both sides agreed to exchange 1,000 prisoners of war.",
     "Both sides agreed to exchange 1,012 prisoners of war.", "quantity", "1,000", "1,012",
     COMPATIBLE),
    # "about" a round number reaches as far as its rounding: tens for 20
    ("The studio has released about 20 games.",
     "The studio has released 24 games.", "quantity", "about", "24", COMPATIBLE),
    ("The studio has released about 24 games.",
     "The studio has released 28 games.", "quantity", "about", "28", DIFFER),
    ("Some 2,000 athletes will participate in the Games.",
     "At least 85 countries and 2,500 athletes will participate in the Games.", "quantity",
     "Some", "2,500", DIFFER),
    ("Both sides agreed to exchange 1,000 prisoners of war.",
     "Both sides agreed to exchange 1,200 prisoners of war.", "quantity", "1,000", "1,200",
     DIFFER),
    ("Six people, including two officers, were injured in the attack.",
     "A gunman opened fire, striking four people at the practice.", "quantity", "Six", "four",
     None),
    ("Three Israelis were killed on Thursday in Kiryat Malachi.",
     "The 2008-2009 war killed 13 Israelis.", "quantity", "Three", "13", None),
    ("Officials said 84 Palestinians were killed over the last 24 hours in Gaza.",
     "More than 1,300 Palestinians have been killed since July 8.", "quantity", "84",
     "More than", None),
    ("Four people are in custody, including two women.",
     "Malaysia has three people in custody over the death.", "quantity", "Four", "three",
     DIFFER),
    ("Republicans hold 33 Democrats to account.", "Of the 10 Democrats, six are on the ballot.",
     "quantity", "33", "10", None),
    ("Two soldiers were killed and a third wounded.", "Three soldiers are in prison.",
     "quantity", "Two", "Three", None),
]  # fmt: skip


@pytest.mark.parametrize("a,b,kind,words_a,words_b,expected", RELATIONS)
def test_counterparts_and_rounding(a, b, kind, words_a, words_b, expected):
    assert pair(a, b, kind, words_a, words_b) == expected
    assert pair(b, a, kind, words_b, words_a) == expected


CRUZ = "Cruz, his four half-siblings, their mother and her husband lived in a one-room lean-to."
CRUZ_TOO = "Cruz lived with his mother, stepfather and five half-siblings."
LONE = [
    # what each of two reports states (one line, one article), the two facts, relation
    ([CRUZ], [CRUZ_TOO], "four", "five", DIFFER),  # the one count of half-siblings each gives
    ([CRUZ, "He later met two half-siblings in Texas."], [CRUZ_TOO], "four", "five", None),
    (["Seven artefacts were found in the top layer."],
     ["The team recovered around 4,300 artefacts."], "Seven", "around", None),  # too far apart
    (["Officials said eight children were among the dead."],
     ["Kifah Rafati said her five children had been sleeping there."], "eight", "five", None),
]  # fmt: skip


@pytest.mark.parametrize("a,b,words_a,words_b,expected", LONE)
def test_a_bare_count_each_report_states_once_is_compared(a, b, words_a, words_b, expected):
    """A count named by one word and no verb ("five half-siblings") says too
    little to compare in general; when each report states it once, and the
    values are near, the two are the story's one figure of its kind."""
    from index.crossref import Comparable, group_pairs

    def members(lines: list[str], article_id: str) -> list[Comparable]:
        found = facts("\n\n".join(lines), "quantity")
        return [
            Comparable(
                replace(f, article=article_id, id=f"{article_id}:{n}"), {}, "k", "s", article_id
            )
            for n, f in enumerate(found)
            if f.key
        ]

    mine, theirs = members(a, "a"), members(b, "b")
    first = next(m for m in mine if m.fact.text.startswith(words_a))
    second = next(m for m in theirs if m.fact.text.startswith(words_b))
    pairs = {(x, y): r for x, y, r in group_pairs(mine + theirs)}
    assert pairs.get((first.fact.id, second.fact.id)) == expected


@pytest.mark.parametrize(
    "key,words",
    [
        ("duration:talks", "duration of the talks"),
        ("date:talks", "date of the talks"),
        ("duration:since", "time since it last happened"),
        ("prisoners of war exchanged|narrator", "prisoners of war exchanged"),
        ("people killed|the kremlin", "people killed (according to the kremlin)"),
        ("bodies|person:vladimir medinsky", "bodies (according to vladimir medinsky)"),
        ("bodies returned|The Kremlin", "bodies returned (according to the Kremlin)"),
        # the seeds: a count of another day than the story's is shown with its day
        ("prisoners of war exchanged on wednesday", "prisoners of war exchanged on Wednesday"),
        ("people killed in january", "people killed in January"),
        ("people on the march", "people on the march"),  # a word of the language
        (None, ""),
    ],
)
def test_keys_in_words_a_reader_understands(key, words):
    assert describe(key) == words


@pytest.mark.parametrize(
    "key,texts,words",
    [  # the facts' own words give the key's words their case
        ("palestinians killed in 2008", ["more than 1,400 Palestinians"],
         "Palestinians killed in 2008"),
        ("cases of afm on monday", ["62 cases of AFM"], "cases of AFM on Monday"),
        ("us troops deployed", ["5,200 US troops"], "US troops deployed"),
        # a capital a sentence's first word has says nothing
        ("soldiers killed", ["Soldiers"], "soldiers killed"),
    ],
)  # fmt: skip
def test_a_subject_takes_the_case_of_its_facts_words(key, texts, words):
    assert describe(key, texts) == words


# On the shared articles, where they are on disk ----------------------------

REAL = [
    # cluster, file, the fact's words, key: each a false "differ" before
    ("basil-2017-47a209b0", "fox.txt", "51 votes", None),  # a simple majority: a threshold
    ("basil-2017-47a209b0", "nyt.txt", "60 votes", None),  # cloture: a threshold
    ("multinews-e9aca7cfa87e", "01.txt", "nine to 33 years", "duration:prison sentence"),
    ("basil-2019-0d10341a", "hpo.txt", "90 minutes", None),  # nothing in the sentence lasted
]


@pytest.mark.parametrize("cluster,name,words,key", REAL)
def test_real_articles(cluster, name, words, key):
    path = MULTISOURCE / cluster / name
    if not path.exists():
        pytest.skip("the shared multi-source articles are not on this machine")
    text = path.read_text(encoding="utf-8")
    found = [f for f in extract_facts(article(text, None)) if f.text == words]
    assert found, f"{words!r} not found"
    assert {f.key for f in found} == {key}
    assert all(text[f.start : f.end] == f.text for f in found)


MEASUREMENTS = [
    # BBC business 144: two crudes, one fall each; the words after the number
    # say what unit it is in, not what was counted
    ("US light crude fell 32 cents to $51.43 a barrel.", "32 cents"),
    ("Excavation was undertaken using 5 cm spits, with a trowel and hand shovel.", "5 cm spits"),
    ("Curves were constructed using the first 0.17 s of each stimulation.", "0.17 s"),
]


@pytest.mark.parametrize("sentence,words", MEASUREMENTS)
def test_a_measurement_is_no_count_to_compare(sentence, words):
    assert one(sentence, "quantity", words).key is None


def test_a_measurement_of_something_keeps_its_subject():
    fact = one("The storm dropped 5 inches of rain on the city.", "quantity", "5 inches")
    assert fact.key == "inches of rain"


@pytest.mark.parametrize(
    "speakers,expected",
    [
        (("person:josh-devine", "person:josh-devine"), DIFFER),  # one spokesman, two counts
        (("", ""), None),  # the narrators': 11 and 19 are too far apart to be one figure
        (("officials", "officials"), None),  # words, not one named person
        (("person:josh-devine", ""), None),
    ],
)
def test_a_bare_count_one_named_speaker_gives_twice_is_compared(speakers, expected):
    """Multi-source (a search for a missing girl): the investigators' spokesman
    gives sightings "in 11 states" to one outlet and "in 19 states" to another.
    A one-word count ("states") each report states once is compared only when
    the values are near, unless one named person or body states both."""
    from index.crossref import Comparable, relate_pair

    lines = (
        "Spokesman Josh DeVine said authorities are pursuing possible sightings in 11 states.",
        "Law enforcement in 19 states are working on possible sightings, DeVine said.",
    )
    a, b = (
        Comparable(replace(one(line, "quantity", words), article=article), {}, "k", "s", article,
                   speaker=speaker)
        for line, words, article, speaker in zip(lines, ("11", "19"), "ab", speakers, strict=True)
    )  # fmt: skip
    assert relate_pair(a, b, {"a", "b"}) == expected
    assert relate_pair(b, a, {"a", "b"}) == expected
