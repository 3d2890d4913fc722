"""The analysis's version: what each one changed, and the version now.

An index keeps each article's analysis under the key ``model/VERSION`` (see
:meth:`index.analysis.Analysis.key`): raise ``VERSION`` with a line below
whenever a change would change what an article's analysis holds, and every
index analyses its articles again on its next update. Kept apart from the
analysis's code so that this record reads whole; a shell search checks this
file's size and time, not the analysis's code (see
:data:`index.kept_listing.CODE`)."""

# 2: entity mentions in headlines and repeats; 3: fact subjects; 4: both;
# 5: headline spans cut to the body's names, teams on sports table lines;
# 7: counted words read past a possessive after "of"; another story's figures
# are context in the stored views, never compared
# 8: a headline run-on after a name that is no person's is cut;
# 9: speakers, quotes and units read more strictly; 10: another story's fact is
# listed in a view only when it is a counterpart; 12: sports teams' full names
# and nicknames are organisations (index/teams.py); 13: a speaker's figure is
# compared with the narrator's, "two dozen" is 24, weights read after "weighs";
# 14: a name the model cut short is the whole name, whatever its kind; a town
# with a result beside it is the team its article names; 15: common nouns that
# stand for a named entity ("Woman" in a headline, "Police"), index/references.py;
# 16: who states a figure (a surname two people share, runs the model missed);
# 17: a photo credit's word that ends a name ("Photo by James Nielsen/AFP"), and a
# "Source:" line with a link or a year (a study cited), are no outlet
# 18: the stored views and matrices hold an article's outlet or None, never the
# placeholder a reader is shown for none; a caption closed by a credit in
# parentheses ("(Denis Charlet/AFP/Getty Images)") and rows of share or follow
# buttons are kept out of titles and passages
# 19: a byline on a line of its own ("By Hayes Hickman of the Knoxville News
# Sentinel") and an agency opening the text ("(CNN) Wearing...") name the writer
# and outlet, and a byline is no headline; each town of a dateline
# "GAZA/JERUSALEM" is a place of its own, with or without agency
# 20: a speaker named with a title after a quote ("Mr. Gowdy said"), and after a
# quoted question opening its sentence (“Why speculate?” Mr. Gowdy added.), and
# one named before a description of him (“...,” Michael Elliott, the director, said)
# 31: capitals closing a reader's comment ("them was the days ! LOL") are no
# outlet's sign-off; a name the model reads as a person that the text writes as
# a company's or a club's ("oil giant Yukos", "Manchester United striker") is an
# organisation
# 32: a figure in a paragraph after one opening with a time told from an earlier
# year ("A year later, he was convicted ...") is framed by that year
# 33: a name after a person's title is a person's ("Mr Kilroy-Silk" read as a
# place); surnames with an apostrophe, a hyphen or a capital inside ("O'Gara",
# "Kilroy-Silk", "McIlroy") are found and voted as others are; "Blu-ray" is no person;
# British football and rugby clubs are teams; a name is cut at a bracket; a
# one-word "person" written after "the" or "a" half the times is a thing's name
# 34: a page's furniture in a headline's place ("Media playback is unsupported on
# your device", "Story highlights", a newsletter's sign-up box) is no title
# 35, 36: a one-word person's mention is marked where the text shows a person
# (a title or a role before it, "he" or "she" after it), which the merge reads
# 37: a one-word "place" its article writes as a company's is an organisation
# ("BT chief executive", "gas giant Gazprom")
# 38: the words before a name that show a person are names.ROLES and the titles,
# less those that also come before a thing's name ("singer", "Dr", "King", "Pope")
# 39: a one-word place's mentions labelled where the text shows a place ("in
# Kashmir", "Zimbabwe and Burma"), for the merge's place rule
# 40: so are places' names of several words ("at Ground Zero")
# 41: a desk's contact closing a wire report ("-- London Newsroom +44 171 542
# 7717") is no part of the text; a rank ("world number two") and a score
# ("15-12") are no counts; a dateline of a place and an ISO day ("LONDON
# 1996-12-06") on a line of its own dates the report and leaves the text
# 42: "about" a round number reaches half its rounding step (10% to 20%)
# 43: a time zone is no name ("1430 GMT"); "a bid from" a name shows no place
# 44: an archive's head (a headline above an ISO dateline, a writer's name) is
# read as the title, date and author
# 45: a page's furniture ("Hide Caption", "Photos", "Replay More Videos",
# "Enlarge Image") is no name
# 46: nor is a paper's figure ("Supplementary Fig. 3")
# 47: a person named with a nickname between given name and surname ("Luis
# Gerardo (Jerry) Ortiz", 'John "Jay" Rockefeller') is one mention
# 48: the hashed word counts story grouping reads of the text and lead are kept
# 49: a name spanning a verb of speech is two ("Lackey told The Associated Press")
# 50: a day after a quote is no surname of a nickname's ('Trump "Yes" Monday')
# 51: a nickname is looked for from each person's first word ("Chief of Staff
# William "Mo" Cowan")
# 52: more nouns a headline calls a person by ("Swimmer", "Brother", "Accused")
# 53: a person's name and "administration", "campaign", "team" ... is an
# organisation ("the Obama administration")
# 54: a name spanning any verb the speakers are found by is two ("Smith denied
# Jones")
# 55: police ranks before a name are what the person is ("Const. Fanning",
# "Det Supt Smith")
# 56: a person's given name is no other name of a city in the gazetteer ("Saul"
# for Seoul, "Rafa" for Rafah)
# 57: one function word of no kind is no name ("Last" of "Last updated", "Twelve"
# of "Ocean's Twelve"), nor function words labelling a line ("Subs Not Used:");
# a name ends at a dash before a word in lower case ("Arsene Wenger - he")
# 58: capitalised words the model left untagged are one name over "of the" ("Top
# of the Pops")
# 59: "P.M." after a time of day is no name; a day's name keeps its possessive
# ("New Year's Eve")
# 60: nor does a name start with it ("12:39 A.M. Israel and Hamas")
# 61: a person's span ending with a style runs on over the name after it ("Tory
# Treasurer Lord" before "Ashcroft")
# 62: a title alone before a name is no name of another kind ("Sgt." of "Sgt.
# Shayne La Croix"), nor a department in an office's title ("Secretary of State")
# 63: a department in an office's title is a name again (the State Department's
# "Secretary of State")
# 64: a title alone is one of the words only a person's name follows
# (mentions.PERSON_BEFORE), not every word of names.ROLES but a department
# 65: a span's trailing word in lower case that is a function word, a day's adverb
# or an ordinal is cut ("Mary be", "Christie today", "ITV1 show"), and so is a
# title written short ("Las Vegas Police Sgt")
# 66: two names joined by "and" are two where each is named on its own or is the
# last word of a longer name ("Locke and Salazar" after "Gary Locke")
# 67: a spaced dash or a quote not closed in a span splits it, less a slug's word
# ("CRICKET - LARA", '"New" Labour'); two people's full names joined by "and" are
# two people ("Ernie Els and Retief Goosen"), so are two titles ("Midnight Express
# and The Commitments"); a surname in capitals is its person
# 68: an initial or a company's legal form alone is no name ("(R., Ohio)", "Inc.")
# 69: a one-word person's royal style and regnal number are part of the name
# ("Prince Charles", "Charles I"), no bare given name that joins a namesake
# 70, 71: a surname in capitals is its person unless labelled a place: never a
# dateline's "WASHINGTON" beside Denzel Washington
# 72: a state as agencies abbreviate it, right after its town, is a place
# ("Schenectady, N. Y."), whatever the model read
# 73: words in lower case between two names, neither a name's particle nor a
# title's small word, break the span ("Balco boss Victor Conte", "Blewett b Warne")
# 74: a figure and what it counts run on after a name are cut ("Barrick 75
# percent", "Varig 2bn"); two names joined by "or" are two where each is named
# alone ("Hartlepool or Boston")
# 75: a case's "v." between two names parts them as a list does ("Gonzales v. Raich")
# 76: a town after "in" or "back to" is the place, though the model read an
# organisation ("the win in KC", "back to Manchester")
# 77: a function word written in title case is no place ("Us magazine" is not the US)
# 78: a town is its team only where the text shows no place there, as places are
# shown ("at the Indy 14-yard line" too); "back to" shows a place
# 79: a street named by its number keeps it ("117th Street", "10 Downing Street"),
# where "Street" alone was left
# 80: a passage that writes longer words in lower case is prose, not a headline
# to re-case ("Gary Speed scored ..." kept "Speed"); a run the model missed that
# opens with a given name keeps it at a line's head ("- Tony Underwood") and is
# a person's name
# 81: that run is a person's name only as an item of a list whose words the
# text never writes in lower case ("the Flora Lite 5K road race" is no person)
# 82: a word after a given name keeps its capital in a line of names of the
# body, not in the headline ("Perry Wins" is Perry winning)
# 83: a person's span leaves out what the person is before a full name
# ("Defender Hassan Abbas") and a score or a rank after it ("Ijaz Ahmad 0.1-0-0-0")
# 84: a version or a frequency stays part of a name ("Guccifer 2.0", "Power 105.1");
# only a score with a dash is cut after one
# 85: a rank is cut only after a person's name ("Carl 44th"), not a day's
# ordinal from an event's ("September 11th")
# 86: the person noun that opens a lead ("A suspected Mafia boss ...") stands for
# the name that opens the next sentence, as a headline's noun does; "boss" and
# "leader" are person nouns ("Tory leader Michael Howard")
# 87: a page's time stamp above or under the headline ("May 2, 2013, 1:12 PM",
# "Updated 4:08 p. m. ET") is neither its title nor its text, and dates it
# 88: a short line ending like a sentence by such a stamp is the headline
# ("FIRED IN PHILLY!!"); a time written "8: 24am" is a stamp's
# 89: stamps written "First Posted ...", "5: 55p", "7: 00pm UK", "GMT+02: 00",
# "1052 GMT (1852 HKT)", "Jan 5, 2011 – 4:35 PM"
# 90: a headline repeated under itself (a page scraped below its file's
# headline) is said once
# 91: stamps in capitals with spaced initials ("10:55 P. M. FEB. 2, 2009") or
# headed "Release:"
# 92: an image's toggle and credit ("Enlarge this image toggle caption Ethan
# Miller/AP") is a caption, not text
# 93: a page's furniture between paragraphs ("___", "Story Continued Below",
# "Advertisement Continue reading the main story") is not text
# 94: brackets in a name's span: an editor's ("[Barack] Obama") belongs to the
# name, a word of the language so capitalised ("[W]e") is none; a footnote's
# mark ("South Australia.[66]") or a bracket the span did not open ("(Nasa)
# Ames Research Center") ends the name before it
# 95: "Plus" and "Following" before a person's name open the sentence ("Plus
# Obama is nominating"), no part of the name
# 96: an editor's bracket followed by no capitalised word ends the name
# ("[at Morningside Recovery] in"), where it was read over
# 97: two names around "in", "to" or "for", the first named alone in the article,
# are two ("Durst in New York", "Arsenal to Real Madrid")
# 98: a video player's buttons are page furniture ("Full Screen Autoplay Close Skip
# Ad", "CLOSE" before a caption's name)
# 99: an advertisement's label is "Ad", while the era "AD" is part of a date ("614 AD"
# stays, which 98 dropped)
# 100: a caption's label is page furniture ("Media caption"); a possessive after
# "Children", "Women", "Men" or "People" is part of an institution's name
# ("Children's Hospital Colorado"); two furniture words or more after a name are
# cut ("AP Buy Photo" is AP); a name ends before the marks its span ran on into
# ("The Wolfman’’", "'Radical Islam'", "Comey &", "Jim Hollander/") or a verb of
# speech ("Shahrazad Mir Gholikhan told")
# 101: a page's button and the word completing it are no name ("Read" of "Read
# more", "Sign" of "Sign up"), nor part of the name before them ("Weinstein Read
# more")
# 102: a video player's close button before its clip's summary ("CLOSE United says
# ... USA TODAY") and "Enlarge Image" before a credit open a caption, not a headline
# 103: a dateline alone on the first line ("NEW YORK (CNNMoney)", "CAIRO |") and a
# page's label ("Article Excerpt", "LATEST HEADLINES", "Photo") are no headline; the
# dateline's agency names the outlet, the label is dropped as furniture
# 104: a page's notice in a headline's place ("Please enable Javascript to watch
# this video", a captcha's, a newsletter box's, a video's embedding box, "× Close")
# is furniture; "Play" is a button's word ("Play Facebook"); a credit before its
# caption ("Getty Images Elon Musk", "Source: X / Wikimedia Commons") and a mug
# shot's caption ("Lizandra Cosme, 32, of Chicago") are captions; a list's first
# item is no headline; a time stamp beside a byline dates the article and the
# byline still names the writer ("By Alex Acquisto , BDN Staff • June 14, 2017
# 2:30 pm"; "March 10, 2012 10:54 am ET by MMFA Staff"); a photo credit closing a
# headline is kept out of it, and so is a time stamp closing it ("... on Sept. 9?
# 9:04 PM ET Sun, 3 Sept 2017 | 02:51"), which dates the article. A person's name
# the model cut in two at a space is one where the article writes its end whole
# ("Enrique Peña" and "Nieto", with "Peña Nieto" elsewhere). A minister's
# portfolio the model tags as an organisation of its own is no mention ("Defense"
# of "Defense Secretary James Mattis", "State" of "Secretary of State")
# 105: a bare surname two people of the article share, each named in full as
# often, is the one named first where its given name opens a sentence ("Donald
# Trump assumed ...", not Melania Trump named later mid-sentence)
# 106: straight quotation marks are paired by their sides: a quote still open at
# the next opening mark ended there (paragraphs of one quote run into a line),
# so the words between two quotes ("He continued:") are no quote, and an inch
# mark opens none
# 107: a town in capitals before any agency or station in brackets and a dash is
# a dateline's place ("LANCASTER (CBSLA) —", "BOSTON (CBS) –"); a quote left
# open ends at its last word, not at the space before the next quote; a given
# name the model read as a place or a thing is the person's where the article
# names that person in full and writes the surname alone ("Autumn" beside
# "Autumn Veatch" and "Veatch")
# 108: a number after a capitalised word inside a sentence is a model's or a
# version's ("six AK 47 rifles", "Windows 2000 users"), not a count; a
# "zero-day" flaw is no duration
# 109: thousands set apart by a comma and a space are one number ("20, 000
# protesters", "1, 101 career games"), not a list ("scores of 272, 310")
VERSION = "109"
