"""Reading every supported format, and the inference plain-text seeds need."""

from __future__ import annotations

import hashlib
import json

import pytest

from index.readers import read, read_bytes

from .conftest import SEEDS


def seed(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    result, _ = read(str(path), path.name)
    assert not result.skipped
    (article,) = result.articles
    return article


def _one_article(tmp_path, *paragraphs: str):
    """The one article a plain-text file of ``paragraphs`` holds."""
    path = tmp_path / "article.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    result, _ = read(str(path), path.name)
    (article,) = result.articles
    return article


@pytest.mark.parametrize(
    ("prefix", "title", "source"),
    [
        (
            "000",
            "Ukraine and Russia end Istanbul peace talks in under an hour with no breakthrough",
            "EFE",
        ),
        ("001", None, "Al Jazeera"),
        (
            "004",
            "Russia, Ukraine Hold First Direct Talks In Istanbul In 3 Years Amid Low Hopes "
            "As Trump Pushes For Peace",
            None,
        ),
    ],
)
def test_seed_titles_and_outlets_are_inferred(prefix, title, source):
    article = seed(prefix)
    assert article.title == title
    assert article.source == source


def test_impossible_date_is_kept_raw_with_a_reason():
    article = seed("000")
    assert article.date is None
    assert article.date_raw == "Jul. 23, 3035"
    assert "future" in article.date_note


def test_captions_tags_and_sign_offs_stay_out_of_the_body():
    article = seed("000")
    body = " ".join(p.text for p in article.passages)
    assert "ERDEM SAHIN" not in body
    assert "int-seo" not in body
    assert not article.passages[-1].text.endswith("EFE")
    assert article.passages[0].text.startswith("Istanbul, Turkey (EFE)")
    assert "Source; Al Jazeera" not in " ".join(p.text for p in seed("001").passages)
    assert seed("004").passages[-1].text.endswith("President Putin.”")


@pytest.mark.parametrize(
    "credit",
    [
        "Photo by James Nielsen/AFP/Getty Images",
        "Brendan McDermid/Reuters",
        "Image credit: Seamus Murphy/VII Network",
    ],
)
def test_a_photographer_or_author_in_a_credit_is_not_taken_for_the_outlet(tmp_path, credit):
    path = tmp_path / "katrina.txt"
    path.write_text(
        f"{credit}\n\nTen years ago this morning, a National Weather Service forecaster in "
        "Slidell, Louisiana, faced a dilemma as Hurricane Katrina approached New Orleans.\n\n"
        "He wrote the most dire warning the office had ever issued.\n",
        encoding="utf-8",
    )
    result, _ = read(str(path), path.name)
    (article,) = result.articles
    assert article.source is None  # not "Nielsen", "McDermid", "Murphy" or "Woods"
    assert credit not in " ".join(p.text for p in article.passages)


KATRINA = (
    "Ten years ago this morning, a National Weather Service forecaster in Slidell, "
    "Louisiana, faced a dilemma as Hurricane Katrina approached New Orleans.\n\n"
    "He wrote the most dire warning the office had ever issued.\n"
)


@pytest.mark.parametrize(
    ("byline", "author", "outlet"),
    [
        ("By Hayes Hickman of the Knoxville News Sentinel", "Hayes Hickman", "Knoxville News Sentinel"),
        ("By Laura Woods/GoBankingRates", "Laura Woods", "GoBankingRates"),
        ("By Dan Collyns\n\nBBC News, Lima", "Dan Collyns", "BBC News"),
        ("By The Associated Press", None, "Associated Press"),
        ("By Fred Kiva", "Fred Kiva", None),
    ],
)  # fmt: skip
def test_a_byline_names_the_writer_and_outlet_and_is_no_headline(tmp_path, byline, author, outlet):
    path = tmp_path / "katrina.txt"
    path.write_text(f"{byline}\n\n{KATRINA}", encoding="utf-8")
    result, _ = read(str(path), path.name)
    (article,) = result.articles
    assert (article.author, article.source, article.title) == (author, outlet, None)
    assert article.passages[0].text.startswith("Ten years ago")


def test_a_byline_is_a_line_of_names_not_a_sentence(tmp_path):
    path = tmp_path / "lauten.txt"
    path.write_text(
        "By Monday, Ms. Lauten had resigned as communications director to Representative "
        "Stephen Fincher.\n\nShe is the latest cautionary tale about social media.\n",
        encoding="utf-8",
    )
    result, _ = read(str(path), path.name)
    (article,) = result.articles
    assert article.author is None and article.passages[0].text.startswith("By Monday")


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "(CNN) Wearing a nearly 5-inch coat of carbon-composite solar shields, NASA's "
            "Parker Solar Probe will explore the sun's atmosphere in a mission that begins "
            "in the summer of 2018.",
            "CNN",
        ),
        (
            "(Reuters Health) - One in seven colon and rectal cancers in the U.S. is "
            "diagnosed in adults younger than 50, a new study finds.",
            "Reuters Health",
        ),
        ("(Thread) — Alyssa Milano (@Alyssa_Milano) December 16, 2017", None),
        (
            "(Left to right) Nancy Reagan and her friends at a party in the garden of the "
            "house on Sunday afternoon.",
            None,
        ),
    ],
)
def test_an_agency_opening_the_text_is_its_outlet(tmp_path, text, outlet):
    path = tmp_path / "lead.txt"
    path.write_text(f"{text}\n\nThe rest of the report follows here.\n", encoding="utf-8")
    result, _ = read(str(path), path.name)
    (article,) = result.articles
    assert article.source == outlet
    assert any(p.text == text for p in article.passages) or article.title == text


def test_a_source_line_citing_a_study_is_no_outlet_and_stays_in_the_text(tmp_path):
    path = tmp_path / "screening.txt"
    citation = "SOURCE: bit.ly/23o5QvC Cancer, online January 25, 2016."
    path.write_text(
        "Colon cancer screening may need to start earlier\n\n"
        "Rates of colorectal cancer are rising among adults under 50, researchers said.\n\n"
        "It is not clear when screening should start, one doctor said by email.\n\n"
        f"{citation}\n",
        encoding="utf-8",
    )
    result, _ = read(str(path), path.name)
    (article,) = result.articles
    assert article.source is None
    assert article.passages[-1].text == citation


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_passage_offsets_slice_the_file_text(prefix):
    article = seed(prefix)
    raw = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    assert article.text == raw
    assert len(article.passages) >= 8
    for number, passage in enumerate(article.passages, 1):
        assert passage.number == number
        assert raw[passage.start : passage.end] == passage.text


def test_one_paragraph_per_line_files_split_on_lines():
    assert len(seed("001").passages) == 11  # 12 lines, less the "Source;" line


MARKDOWN_YAML = """---
title: Talks end early
source: Example Wire
date: 2025-05-16
author: A. Reporter
---
# A heading that is not the title

First paragraph about *prisoners*.

Second paragraph.
"""

MARKDOWN_TOML = """+++
title = "Toml title"
source = "Toml Times"
date = "2025-07-23"
+++

Body text here.
"""


def test_markdown_front_matter_wins_and_offsets_point_into_the_file():
    (article,) = read_bytes(MARKDOWN_YAML.encode(), "a.md").articles
    assert (article.title, article.source, article.date, article.author) == (
        "Talks end early",
        "Example Wire",
        "2025-05-16",
        "A. Reporter",
    )
    texts = [p.text for p in article.passages]
    assert texts == [
        "# A heading that is not the title",
        "First paragraph about *prisoners*.",
        "Second paragraph.",
    ]
    for passage in article.passages:
        assert MARKDOWN_YAML[passage.start : passage.end] == passage.text


def test_markdown_toml_front_matter_and_heading_title():
    (article,) = read_bytes(MARKDOWN_TOML.encode(), "b.md").articles
    assert (article.title, article.source, article.date) == (
        "Toml title",
        "Toml Times",
        "2025-07-23",
    )
    (article,) = read_bytes(b"# Just a heading\n\nAnd text.\n", "c.md").articles
    assert article.title == "Just a heading"


HTML = """<html><head><title>Peace talks end | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-05-16T10:00:00Z">
</head><body><nav>Home | World | Sport</nav>
<article><h1>Peace talks end in under two hours</h1>
<p>Russia and Ukraine agreed to exchange 1,000 prisoners of war each, officials said on Friday
in Istanbul after talks that lasted less than two hours.</p>
<p>The talks at the Dolmabahce Palace were the first direct negotiations in three years, and
both delegations said they would report back to their presidents.</p>
<p>Turkish Foreign Minister Hakan Fidan said the exchange was a humanitarian step.</p>
</article><footer>Copyright Example News</footer></body></html>"""


def test_html_main_text_and_metadata_are_extracted():
    (article,) = read_bytes(HTML.encode(), "page.html").articles
    assert "1,000 prisoners of war" in article.text
    assert "Home | World" not in article.text
    assert article.source == "Example News"
    assert article.date == "2025-05-16"
    assert "Peace talks end" in (article.title or "")
    for passage in article.passages:
        assert article.text[passage.start : passage.end] == passage.text


def test_json_object_list_and_lines():
    one = {
        "title": "T",
        "body": "Para one.\n\nPara two.",
        "outlet": "Wire",
        "date": "2025-05-16",
        "url": "https://example.org/a",
    }
    (article,) = read_bytes(json.dumps(one).encode(), "one.json").articles
    assert (article.id, article.title, article.source, article.url) == (
        "one.json",
        "T",
        "Wire",
        "https://example.org/a",
    )
    assert [p.text for p in article.passages] == ["Para one.", "Para two."]
    many = read_bytes(json.dumps([one, {"title": "no text"}, one]).encode(), "many.json")
    assert [a.id for a in many.articles] == ["many.json#1", "many.json#3"]
    assert many.skipped[0].path == "many.json#2" and "no article text" in many.skipped[0].reason
    lines = (json.dumps(one) + "\n{broken\n" + json.dumps({"content": "C"}) + "\n").encode()
    result = read_bytes(lines, "feed.jsonl")
    assert [a.id for a in result.articles] == ["feed.jsonl#1", "feed.jsonl#3"]
    assert result.skipped[0].path == "feed.jsonl#2"


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire Feed</title>
<item><title>First</title><link>https://example.org/1</link>
<pubDate>Fri, 16 May 2025 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Talks ended in Istanbul.&lt;/p&gt;&lt;p&gt;Prisoners will be exchanged.&lt;/p&gt;</description></item>
<item><title>Second</title><description>Another story.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title>Atom entry</title><link href="https://example.org/a"/>
<updated>2025-07-23T12:00:00Z</updated><content type="html">&lt;p&gt;Body of the entry.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_and_atom_entries_become_articles():
    result = read_bytes(RSS.encode(), "wire.rss")
    # An entry with a link is named by it (stable across copies); one without by its place.
    digest = hashlib.sha1(b"https://example.org/1").hexdigest()[:12]
    assert [a.id for a in result.articles] == [f"wire.rss#{digest}", "wire.rss#2"]
    first = result.articles[0]
    assert (first.title, first.source, first.date, first.url) == (
        "First",
        "Wire Feed",
        "2025-05-16",
        "https://example.org/1",
    )
    assert [p.text for p in first.passages] == [
        "Talks ended in Istanbul.",
        "Prisoners will be exchanged.",
    ]
    (entry,) = read_bytes(ATOM.encode(), "wire.atom").articles
    assert (entry.title, entry.source, entry.date) == ("Atom entry", "Atom Wire", "2025-07-23")
    assert entry.text == "Body of the entry."


def _read_text(tmp_path, text: str):
    path = tmp_path / "pasted.txt"
    path.write_text(text, encoding="utf-8")
    result, _ = read(str(path), path.name)
    (article,) = result.articles
    return article


TRUCKERS = (
    "Tractor-trailer drivers will intentionally clog the inner loop of the Washington, D.C., "
    "beltway beginning on the morning of Oct. 11, according to a coordinator of the rally."
)


@pytest.mark.parametrize(
    "credit",
    [
        "(Denis Charlet/AFP/Getty Images)",
        "(European Pressphoto Agency)",
        "Jeffrey Lord on CNN with Jake Tapper and Wolf Blitzer (CNN/YouTube)",
        "Members of Occupy Philadelphia remain on site at City Hall into the evening of Nov. 28. "
        "(David M Warren / Staff Photographer)",
        "Actors Alyssa Milano and Matt Damon (Photo: Getty Images, WireImage)",
    ],
)
def test_a_caption_closed_by_a_credit_in_parentheses_is_no_headline(tmp_path, credit):
    article = _read_text(tmp_path, f"{credit}\n\n{TRUCKERS}\n\nOrganizers want attention.\n")
    assert article.title is None
    assert credit not in " ".join(p.text for p in article.passages)
    assert article.passages[0].text == TRUCKERS


def test_the_headline_under_a_bracketed_photo_credit_is_the_title(tmp_path):
    article = _read_text(
        tmp_path,
        "The villager shows his injured leg after being attacked by a panda. "
        "[Photo/Lanzhou Evening News]\n\nVillager compensated for wild panda attack\n\n"
        "A villager in Gansu province has been compensated after a panda attacked him.\n\n"
        "The panda that attacked the villager.[Photo/Lanzhou Evening News]\n\n"
        "The forestry bureau paid for his treatment.\n",
    )
    assert article.title == "Villager compensated for wild panda attack"
    assert "Lanzhou" not in " ".join(p.text for p in article.passages)


def test_an_agency_file_photo_above_the_dateline_gives_the_outlet_not_the_date(tmp_path):
    article = _read_text(
        tmp_path,
        "FILE - In this Aug. 15, 2014 file photo, New York City real estate heir Robert Durst "
        "leaves a Houston courtroom. (Associated Press)\n\n"
        "NEW ORLEANS (AP) — A federal judge on Wednesday approved a plea agreement for Durst.\n\n"
        "Durst still faces a separate murder charge in Los Angeles.\n",
    )
    assert article.title is None and article.source == "AP"
    assert article.date_raw is None  # a file photo is older than the report
    assert article.passages[0].text.startswith("NEW ORLEANS (AP)")


@pytest.mark.parametrize(
    "headline",
    [
        "France v Wales (Sat)",
        "Russia, Ukraine Hold First Direct Talks In U.S. (VIDEO)",
        "Google shares fall as staff sell",
        "Watchdog probes e-mail deletions",
        "Hard act to follow for OutKast",
        "Close friends mourn the actor",  # not a video player's close button
        "CLOSE CALL FOR THE MAYOR",
        "Trump (Again)",  # not a dateline's agency
        "LONDON CALLING",
    ],
)
def test_headlines_like_a_note_a_button_a_caption_or_a_dateline_stay_titles(tmp_path, headline):
    article = _read_text(tmp_path, f"{headline}\n\n{TRUCKERS}\n\nOrganizers want attention.\n")
    assert article.title == headline


@pytest.mark.parametrize(
    "furniture",
    [  # the first lines of Multi-News pages (BBC, CNN, TODAY)
        "Media playback is unsupported on your device Media caption Rupert Wingfield-Hayes: "
        "Three reasons why the use of VX is so extraordinary",
        "Story highlights Hamas' Cabinet headquarters is destroyed, Hamas TV reports",
        "Get the latest from TODAY Sign up for our newsletter",
    ],
)
def test_a_pages_furniture_in_a_headlines_place_is_no_title(tmp_path, furniture):
    article = _read_text(tmp_path, f"{furniture}\n\n{TRUCKERS}\n\nOrganizers want attention.\n")
    assert article.title is None
    assert any(p.text == furniture for p in article.passages)  # kept, not lost


@pytest.mark.parametrize(
    ("head", "title", "date"),
    [  # the first lines of ECB+ pages
        (
            "May 2, 2013, 1:12 PM\n\nLawyer: Lindsay Lohan checks into rehab facility",
            "Lawyer: Lindsay Lohan checks into rehab facility",
            "2013-05-02",
        ),
        (
            "16 September 2013 Last updated at 12:42 GMT\n\n"
            "Briton dies in New Zealand's Aoraki Mount Cook National Park",
            "Briton dies in New Zealand's Aoraki Mount Cook National Park",
            "2013-09-16",
        ),
        (
            "Posted 11/27/2005 7:21 AM\n\nUpdated 11/27/2005 3:41 PM\n\n"
            "Strong earthquake jolts southern Iran, felt in Oman",
            "Strong earthquake jolts southern Iran, felt in Oman",
            None,
        ),
        (
            "Lindsay Lohan checks into rehab facility\n\nUpdated 4:08 p. m. ET",
            "Lindsay Lohan checks into rehab facility",
            None,
        ),
    ],
)
def test_a_pages_time_stamp_is_no_headline_and_no_text(tmp_path, head, title, date):
    article = _read_text(tmp_path, f"{head}\n\n{TRUCKERS}\n\nOrganizers want attention.\n")
    assert article.title == title
    assert article.date == date
    assert [p.text for p in article.passages] == [TRUCKERS, "Organizers want attention."]


@pytest.mark.parametrize(
    ("head", "title"),
    [  # ECB+ and Multi-News pages: a headline ending like a sentence by a time stamp
        ("MONDAY, MAY 23, 2005\n\nFIRED IN PHILLY!!", "FIRED IN PHILLY!!"),
        (
            "Colts clinch playoff berth with 20-13 win in K. C.\n\n"
            "Posted on December 23, 2012, 4:42 PM EDT",
            "Colts clinch playoff berth with 20-13 win in K. C.",
        ),
        ("Tuesday, October 16, 2018\n\n(News 12 at 11)", None),
        (  # a sentence of the report under a live blog's time
            "8: 24am:\n\nAccording to Michael Silverman of the Boston Herald, the Red Sox made "
            "an offer to Mark Teixeira.",
            None,
        ),
    ],
)
def test_a_short_line_by_a_time_stamp_is_the_headline(tmp_path, head, title):
    article = _read_text(tmp_path, f"{head}\n\n{TRUCKERS}\n\nOrganizers want attention.\n")
    assert article.title == title
    assert article.passages[-2].text == TRUCKERS
    assert not any(":" in p.text[:8] or "2005" in p.text for p in article.passages)


@pytest.mark.parametrize(
    "stamp",
    [  # ECB+ pages, under their headlines
        "First Published: June 13, 2013 4:59 PM EDT",
        "on Jul 7 2012, 5: 55p",
        "First Posted 23:37:00 05/05/2010",
        "7: 00pm UK, Wednesday 05 May 2010",
        "POSTED: 1052 GMT (1852 HKT), April 10, 2007",
        "Published: 09 Sep 2013 11:25 GMT+02: 00",
        "Jan 5, 2011 – 4:35 PM",
        "10:55 P. M. FEB. 2, 2009",
        "Release: 03/08/2013",
    ],
)
def test_time_stamps_written_many_ways_leave_the_text(tmp_path, stamp):
    article = _read_text(tmp_path, f"Waitrose fire\n\n{stamp}\n\n{TRUCKERS}\n")
    assert article.title == "Waitrose fire"
    assert [p.text for p in article.passages] == [TRUCKERS]


def test_an_image_toggle_and_its_credit_are_a_caption(tmp_path):
    """NPR's pages in Multi-News: the image's toggle and credit between paragraphs."""
    article = _read_text(
        tmp_path,
        "O.J. Simpson Parole Hearing Could Lead To His Release\n\n"
        f"{TRUCKERS}\n\n"
        "Enlarge this image toggle caption Ethan Miller/AP Ethan Miller/AP\n\n"
        "Organizers want attention.\n",
    )
    assert [p.text for p in article.passages] == [TRUCKERS, "Organizers want attention."]
    assert article.source is None  # the photographer's agency is not the outlet


@pytest.mark.parametrize(
    "caption",
    [  # opening Multi-News pages: a video player's close button, an image's enlarger,
        "CLOSE If the hearing goes as expected, Simpson would be eligible to leave prison "
        "on Oct. 1. USA TODAY Sports",
        "CLOSE Ariel Winter is tired of being told what to wear. USA TODAY",
        "Enlarge Image GoFundMe",
        "Photo",  # a page's labels
        "Article Excerpt",
        "LATEST HEADLINES",
    ],
)
def test_a_caption_or_a_pages_label_opening_a_page_is_no_headline(tmp_path, caption):
    article = _read_text(tmp_path, f"{caption}\n\n{TRUCKERS}\n\nOrganizers want attention.\n")
    assert article.title is None
    assert [p.text for p in article.passages] == [TRUCKERS, "Organizers want attention."]


@pytest.mark.parametrize(
    ("dateline", "outlet"),
    [  # a Multi-News page's first line
        ("NEW YORK (CNNMoney)", "CNNMoney"),
        ("CAIRO |", None),
        ("CHRISTCHURCH, New Zealand |", None),
    ],
)
def test_a_dateline_alone_on_the_first_line_is_no_headline(tmp_path, dateline, outlet):
    article = _read_text(tmp_path, f"{dateline}\n\n{TRUCKERS}\n\nOrganizers want attention.\n")
    assert article.title is None
    assert f"dateline '{dateline}' kept out of the text" in article.notes
    assert article.source == outlet
    assert [p.text for p in article.passages] == [TRUCKERS, "Organizers want attention."]


@pytest.mark.parametrize(
    "furniture",
    [  # between the paragraphs of Multi-News pages
        "___",
        "* * *",
        "Advertisement Continue reading the main story",
        "Story Continued Below",
        "Read More:",
        "Text Size -",
        "Latest Headlines",
    ],
)
def test_a_pages_furniture_between_paragraphs_is_no_text(tmp_path, furniture):
    article = _read_text(
        tmp_path,
        f"Truckers rally in the capital\n\n{TRUCKERS}\n\n{furniture}\n\n"
        "Organizers want attention.\n\nUPDATE:\n\nHe was 75.\n",
    )
    assert [p.text for p in article.passages] == [
        TRUCKERS,
        "Organizers want attention.",
        "UPDATE:",
        "He was 75.",
    ]


def test_a_headline_repeated_under_itself_is_said_once(tmp_path):
    """BASIL's Fox News pages: the file's headline, then the page's own."""
    article = _read_text(
        tmp_path,
        "Glenn Beck Rips Progressivism at CPAC\n\nGlenn Beck Rips Progressivism at CPAC\n\n"
        f"{TRUCKERS}\n\nOrganizers want attention.\n",
    )
    assert article.title == "Glenn Beck Rips Progressivism at CPAC"
    assert [p.text for p in article.passages] == [TRUCKERS, "Organizers want attention."]
    # A second headline that says something else stays (the print edition's).
    other = _read_text(tmp_path, f"Beck Wows the CPAC Crowd\n\nBeck at CPAC\n\n{TRUCKERS}\n")
    assert [p.text for p in other.passages] == ["Beck at CPAC", TRUCKERS]


def test_a_time_stamp_alone_above_the_text_is_no_title(tmp_path):
    article = _read_text(
        tmp_path,
        "Posted: Nov 27, 2005 8:20 AM ET Last Updated: Nov 27, 2005 8:10 PM ET\n\n"
        f"{TRUCKERS}\n\nOrganizers want attention.\n",
    )
    assert article.title is None
    assert article.date == "2005-11-27"
    assert len(article.passages) == 2


@pytest.mark.parametrize(
    "head",
    [  # a fixture's day under a match's title (BBC Sport), a headline with a date in it
        "Ireland v USA (Sat)\n\nSaturday 20 November",
        "Seacom operations fully restored: 4 November 2011",
    ],
)
def test_a_day_without_a_year_or_a_time_or_a_headline_with_a_date_stays(tmp_path, head):
    article = _read_text(tmp_path, f"{head}\n\n{TRUCKERS}\n\nOrganizers want attention.\n")
    assert article.title == head.split("\n")[0]
    assert article.date is None
    assert len(article.passages) == 2 + head.count("\n\n")


@pytest.mark.parametrize(
    "buttons",
    [
        "Click to email this to a friend (Opens in new window)\n\n"
        "Click to share on Twitter (Opens in new window)",
        "936 SHARES Share Tweet",
        "LISTEN TO ARTICLE 4:34 SHARE THIS ARTICLE Share Tweet Post Email",
        "Share On more Share On more",
    ],
)
def test_share_buttons_are_neither_headline_nor_text(tmp_path, buttons):
    article = _read_text(
        tmp_path,
        f"{buttons}\n\nThe fight over Kurt Cobain's most priceless guitar is heading for a "
        "bitter, multimillion-dollar court battle.\n\nLove has said of the guitar: "
        "\u201cIt's a treasured heirloom of the family.\u201d\n\n"
        "Read or Share this story: https://usat.ly/2Bwhqz3\n\n"
        "Follow us on Facebook, Twitter, Google+, Tumblr!\n",
    )
    assert article.title is None
    texts = [p.text for p in article.passages]
    assert texts[0].startswith("The fight over Kurt Cobain's")
    assert texts[-1].startswith("Love has said")
    assert len(texts) == 2


def test_a_comment_closed_by_lol_names_no_outlet(tmp_path):
    """A reader's comment at the foot of a BBC page ("... them was the days !
    LOL") is no agency's sign-off; "... said on Monday. EFE" is."""
    path = tmp_path / "gaming.txt"
    path.write_text(
        "Losing yourself in online gaming\n\n"
        "Online role playing games are time-consuming, but enthralling flights from reality.\n\n"
        "24hours, when i was a kid at school, Ultima Online was the game, ahhhh them was "
        "the days ! LOL\n",
        encoding="utf-8",
    )
    result, _ = read(str(path), path.name)
    (article,) = result.articles
    assert article.source is None
    assert article.passages[-1].text.endswith("LOL")


@pytest.mark.parametrize(
    "contact",
    [
        "-- Brussels Newsroom +32 2 287 6810, Fax +32 2 230 7710",
        "-- Wall Street Desk, 212-859-1734.",
        "-- Sandor Peto, Budapest newsroom (36 1) 327 4040",
        "-- Joan Gralla, 212-859-1654",
    ],
)
def test_a_desks_contact_closing_a_wire_report_is_no_part_of_it(tmp_path, contact):
    article = _one_article(
        tmp_path,
        "EU experts postpone talks on rice area aid",
        "BRUSSELS 1996-12-06",
        "EU experts postponed talks on Thursday on rice area aid, an official said.",
        contact,
    )
    assert article.passages[-1].text.endswith("an official said.")
    assert all(contact not in p.text for p in article.passages)
    assert any("contact line" in note for note in article.notes)


@pytest.mark.parametrize(
    "line",
    ["-- The desk said 2,000 people were moved.", "—Mary Jones, 2012-2014"],
)
def test_a_closing_line_after_a_dash_without_a_phone_number_stays_in_the_text(tmp_path, line):
    article = _one_article(
        tmp_path, "Rice talks postponed", "EU experts postponed talks on Thursday.", line
    )
    assert article.passages[-1].text == line


def test_a_dateline_of_a_place_and_an_iso_day_dates_the_report(tmp_path):
    article = _one_article(
        tmp_path,
        "SQUASH - EYLES WITHIN SIGHT OF FIFTH TITLE OF YEAR",
        "BOMBAY, India 1996-12-06",
        "World number two Rodney Eyles moved within sight of his fifth title of the year.",
    )
    assert article.date == "1996-12-06"
    assert [p.text for p in article.passages] == [
        "World number two Rodney Eyles moved within sight of his fifth title of the year."
    ]


@pytest.mark.parametrize("writer", ["Robert Kitson", "Simona de Logu", "K.T. Arasu"])
def test_a_writer_named_above_the_dateline_is_the_author(tmp_path, writer):
    """Agency archives (Reuters, 1996): headline, the writer's name alone, the
    dateline, the text. The name is who wrote it, not a sentence of the report."""
    article = _one_article(
        tmp_path,
        "RUGBY UNION - LITTLE TO MISS CAMPESE FAREWELL",
        writer,
        "LONDON 1996-12-06",
        "Centre Jason Little will miss Australia's end-of-tour fixture on Saturday.",
    )
    assert article.author == writer
    assert article.date == "1996-12-06"
    assert [p.text for p in article.passages] == [
        "Centre Jason Little will miss Australia's end-of-tour fixture on Saturday."
    ]


def test_a_short_line_above_no_dateline_stays_in_the_text(tmp_path):
    article = _one_article(
        tmp_path,
        "Rugby: Little to miss Campese farewell",
        "Robert Kitson",
        "Centre Jason Little will miss Australia's end-of-tour fixture on Saturday.",
    )
    assert article.author is None
    assert "Robert Kitson" in [p.text for p in article.passages]


def test_an_archive_headline_ending_with_a_full_stop_is_the_title(tmp_path):
    """Reuters, 1996: "Britain sets conditions to clear American alliance.", the
    writer, the dateline. Above an ISO dateline a line of its own is the
    headline, full stop or not; the day and place still date the report."""
    article = _one_article(
        tmp_path,
        "Britain sets conditions to clear American alliance.",
        "Edna Fernandes",
        "LONDON 1996-12-06",
        "Britain on Friday set conditions for clearing a proposed alliance, an official said.",
    )
    assert article.title == "Britain sets conditions to clear American alliance."
    assert (article.author, article.date) == ("Edna Fernandes", "1996-12-06")
    assert len(article.passages) == 1


@pytest.mark.parametrize(
    "first",
    [  # the first line of Multi-News pages, where a headline would stand
        "Play Facebook",
        "Please enable Javascript to watch this video",
        "You must enter the characters with black color that stand out from the other characters",
        "Get daily updates directly to your inbox + Subscribe Thank you for subscribing! Could "
        "not subscribe, try again later Invalid Email",
        "This story appears in the December 12, 2017 issue of Forbes. Subscribe",
        "× Close What is the Tomatometer®?",
        "Embed Urgent repairs needed on International Space Station 1:04 autoplay autoplay Copy "
        "this code to your website or blog",
        "Getty Images Elon Musk",
        "Getty Images House Speaker John Boehner",
        "Source: Jdarsie11 / Wikimedia Commons",
        "Lizandra Cosme, 32, of Chicago",
    ],
)
def test_a_pages_notice_credit_or_mug_shot_above_the_text_is_no_headline(tmp_path, first):
    article = _read_text(tmp_path, f"{first}\n\n{TRUCKERS}\n\nOrganizers want attention.\n")
    assert article.title is None
    assert [p.text for p in article.passages] == [TRUCKERS, "Organizers want attention."]


def test_a_numbered_lists_first_item_is_no_headline(tmp_path):
    article = _read_text(tmp_path, f"1. Anthony Scaramucci\n\n{TRUCKERS}\n\nHe was fired.\n")
    assert article.title is None
    assert article.passages[0].text == "1. Anthony Scaramucci"  # the list stays text


@pytest.mark.parametrize(
    "headline",
    [  # headlines that open as furniture, a credit or a list may
        "Close friends mourn the rally's organiser",
        "Play it again: truckers return to the beltway",
        "Source of the beltway protest remains unclear",
        "By the numbers: a rally on the beltway",
        "10 things to know about the truckers' rally",
        "Getting the latest on the beltway rally",
    ],
)
def test_headlines_that_open_like_furniture_stay_headlines(tmp_path, headline):
    article = _read_text(tmp_path, f"{headline}\n\n{TRUCKERS}\n\nOrganizers want attention.\n")
    assert article.title == headline


@pytest.mark.parametrize(
    ("byline", "author", "outlet", "date"),
    [  # Multi-News pages: a time stamp beside the byline
        (
            "By Alex Acquisto , BDN Staff • June 14, 2017 2:30 pm",
            "Alex Acquisto",
            "BDN",
            "2017-06-14",
        ),
        ("March 10, 2012 10:54 am ET by MMFA Staff", None, "MMFA", "2012-03-10"),
        ("By Jane Doe | Updated 4:08 p. m. ET", "Jane Doe", None, None),
    ],
)
def test_a_byline_with_a_time_stamp_names_the_writer_the_outlet_and_the_day(
    tmp_path, byline, author, outlet, date
):
    article = _read_text(
        tmp_path, f"{byline}\n\nUpdated: June 22, 2017 1:24 pm\n\n{TRUCKERS}\n\nOrganizers.\n"
    )
    assert article.title is None
    assert (article.author, article.source, article.date) == (author, outlet, date or "2017-06-22")
    assert [p.text for p in article.passages] == [TRUCKERS, "Organizers."]


def test_a_photo_credit_after_a_headline_is_kept_out_of_it(tmp_path):
    article = _read_text(
        tmp_path,
        f"Does the PCT have an overcrowding problem? Photo: Pete Brook\n\n{TRUCKERS}\n",
    )
    assert article.title == "Does the PCT have an overcrowding problem?"


def test_a_report_on_the_picture_agency_keeps_its_paragraphs(tmp_path):
    said = "Getty Images said on Tuesday that it would sell its archive to a fund."
    article = _read_text(tmp_path, f"Picture agency sold\n\n{said}\n\n{TRUCKERS}\n")
    assert [p.text for p in article.passages] == [said, TRUCKERS]


def test_a_transcripts_stage_direction_in_capitals_is_read_as_text(tmp_path):
    """A radio transcript's "(SOUNDBITE OF ARCHIVED RECORDING)" is no credit:
    the paragraph stays. A group of capitals once took seconds to turn down
    (15 s for this one; a longer one, hours), as every word split of it was
    tried; it is read at once."""
    direction = "(SOUNDBITE OF ARCHIVED RECORDING OF THE WHITE HOUSE BRIEFING ROOM)"
    article = _read_text(tmp_path, f"{TRUCKERS}\n\n{direction}\n\nOrganizers want attention.\n")
    assert [p.text for p in article.passages] == [
        TRUCKERS,
        direction,
        "Organizers want attention.",
    ]


def test_a_caption_closed_by_an_ap_photo_credit_is_kept_out_of_the_text(tmp_path):
    caption = (
        "In this Tuesday, Nov. 10, 2009 file photo Mikhail Kalashnikov, who invented the AK-47 "
        "assault rifle, attends festivities to celebrate his 90th birthday at the Kremlin in "
        "Moscow. (AP Photo/Natalia Kolesnikova, Pool, file)"
    )
    article = _read_text(tmp_path, f"{caption}\n\n{TRUCKERS}\n\nOrganizers want attention.\n")
    assert [p.text for p in article.passages] == [TRUCKERS, "Organizers want attention."]


@pytest.mark.parametrize(
    ("first", "title", "date"),
    [  # Multi-News pages: a video's or a post's headline with its time stamp
        (
            "An ICBM test by North Korea on Sept. 9? 9:04 PM ET Sun, 3 Sept 2017 | 02:51",
            "An ICBM test by North Korea on Sept. 9?",
            "2017-09-03",
        ),
        (
            "Classroom ‘terror’ adopted by loving teacher: ‘She just wouldn’t give up’ "
            "July 15, 2014 at 2:54 PM ET",
            "Classroom ‘terror’ adopted by loving teacher: ‘She just wouldn’t give up’",
            "2014-07-15",
        ),
        ("Polls close in Scotland at 10:30", "Polls close in Scotland at 10:30", None),
        ("Labour unveils its plans for 2005", "Labour unveils its plans for 2005", None),
    ],
)
def test_a_time_stamp_closing_a_headline_dates_the_article_not_titles_it(
    tmp_path, first, title, date
):
    article = _read_text(tmp_path, f"{first}\n\n{TRUCKERS}\n\nOrganizers want attention.\n")
    assert (article.title, article.date) == (title, date)
