"""Canonical entities: the one thing behind many spellings in many articles.

Sources spell names differently (Zelensky / Zelenskyy, Kyiv / Kiev, U.S. / the United
States) and the model's labels are noisy, so mentions are grouped by general rules,
never by lists of names: (1) mentions with one :func:`alias_key` form a node whose kind
is voted; (2) people: romanisation variants and middle initials, and a short form (a
surname, a blend such as "LiLo") joins the one full name it fits, preferring the same
story; (3) acronyms join the one name whose initials they spell; (4) places with the
same GeoNames id (names, alternate names, country codes) are one place, as are names
equal but for "Mt" or a sea's "Sea". The entity's kind is voted over all its mentions,
so one odd label from the model does not change what the user sees.

Keys and acronym initials come from :mod:`index.names`, places from :mod:`index.gazetteer`
(loaded on first use, so importing this module stays cheap).
"""

from __future__ import annotations

from ..names import alias_key
from .acronyms import CorpusText, common_words, spelled_out
from .display import slug
from .kinds import SHOWN_SHARE
from .merging import Named, linked, merge, named
from .nodes import NAME_DOMINANCE, NAMED_KINDS, SURNAME_DOMINANCE
from .people import HERE_DOMINANCE

__all__ = [
    "HERE_DOMINANCE",
    "NAME_DOMINANCE",
    "NAMED_KINDS",
    "SHOWN_SHARE",
    "SURNAME_DOMINANCE",
    "CorpusText",
    "Named",
    "alias_key",
    "common_words",
    "linked",
    "merge",
    "named",
    "slug",
    "spelled_out",
]
