"""The words every step of :mod:`index.mentions` reads: the kinds a name may
have, what a word is, English function words, and a spelling without its
possessive."""

from __future__ import annotations

import re
from functools import cache

NAMED_KINDS = ("person", "organisation", "place", "group", "event", "other")
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")


@cache
def _function_words() -> frozenset[str]:
    """spaCy's English stop words ("sometimes", "meanwhile", "however"), less the
    two that are given names too ("Will", "May"): read where the model runs."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) - {"will", "may"}


def _bare(text: str) -> str:
    """A spelling without a possessive ending."""
    return re.sub(r"['’]s?$", "", " ".join(text.split()))


# Verbs that report what someone said (:mod:`index.speakers` finds speakers by them).
SPEECH_VERBS = (
    r"(?:said|says|told|tells|stressed|added|adds|noted|stated|emphasi[sz]ed|explained|warned|"
    r"insisted|acknowledged|argued|declared|announced|confirmed|described|wrote|asked|replied|"
    r"urged|claimed|saying|telling|adding|noting|stressing|warning|signaled|signalled|expressed|"
    r"tweeted|denied|maintained|estimated|alleged)"
)
