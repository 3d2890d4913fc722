"""Common nouns that stand for a named entity within one article.

A headline calls people by what they are ("Woman Killed in Queens Hit-And-Run",
"Chargers' Receiver Arrested") and a sentence may open with "Police" for the
force its article names. Such a word is a mention of that entity (it belongs to
its mentions and its coverage) but never one of its names: the corpus-wide merge
(:func:`index.entities.merge`) adds it to the entity of its target without making
it an alias or the displayed name.

A common noun is linked only on evidence in its own article, and only where
exactly one candidate has it. The candidates are a headline's capitalised person
nouns ("Woman", "RECEIVER"), a person noun after a place's or a people's name
anywhere ("a Brownsville mother of 12"; the span takes the name in), or after an
organisation's where it opens its sentence ("A suspected Mafia boss arrested
..."), and "Police" or "Cops" in a headline or opening a passage. The evidence:

- the noun right before a person's name is that person's title ("President
  Obama"; before a one-word name only a title such as "President");
- the text calls one person by that noun: before the name ("wide receiver Vincent
  Jackson", "Lohan's attorney, Shawn Holley"), in an apposition that closes
  ("Robert Buckley, 32, a British climber,"), with a copula ("Jackson is a
  receiver"), "identified as", or a headline's "as" ("Hire Maurice Cheeks as Head
  Coach"); with a name before the noun ("Texas inmate"), that name must be there too;
- a teenager ("Teen") is the one person given an age from 13 to 19
  ("16-year-old Kimani Gray");
- a headline's noun the lead introduces ("A 32-year-old British climber"), or the
  lead's own subject ("A suspected Mafia boss arrested ... has been found dead"),
  is the person whose name opens the next sentence, where the lead brings in no
  other of the headline's nouns and not both a man and a woman;
- a headline's "Woman", "Mother", "Man" is the one person named with "she" or
  "her" ("he", "his") in the name's own sentence, where the body itself writes the
  noun in lower case;
- "Police" or "Cops" is the one police force the article names ("NYPD");
- a headline's capitalised noun that ends the one longer name of a thing its body
  names and writes in lower case is that thing ("Palin's Church": the Wasilla Bible
  Church), unless another word qualifies it ("Different Rehab Centre").

A headline's one word the model tagged as a name that a reference reads as a
common noun ("Church") is no name (:func:`common_nouns`).

Once stories are grouped, a headline's person noun that its own article calls no
one by ("Lawyer: Lindsay Lohan checks into rehab"), and "Police" in an article that
names no force, is read in the story's other articles (:func:`references_in_story`):
the people they call by that noun with the same evidence, or the forces they name.
The merge links it only where all of those are one entity.
"""

from __future__ import annotations

from .article import common_nouns, find_references
from .nouns import FEMALE, MALE, PERSON_NOUNS, POLICE_NOUNS, TEEN, Reference, StoryReference
from .story import references_in_story, without_story_nouns

__all__ = [
    "FEMALE",
    "MALE",
    "PERSON_NOUNS",
    "POLICE_NOUNS",
    "TEEN",
    "Reference",
    "StoryReference",
    "common_nouns",
    "find_references",
    "references_in_story",
    "without_story_nouns",
]
