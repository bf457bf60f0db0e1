"""The country and city gazetteers: lookups the extractor relies on, and file hygiene."""

from __future__ import annotations

import unicodedata
from importlib import resources

import pytest

from orgkg.lexicon import (
    City,
    Country,
    cities,
    city_by_surface,
    countries,
    country_by_adjective,
    country_by_iso2,
    country_by_surface,
)


def tsv_rows(filename: str) -> list[list[str]]:
    text = resources.files("orgkg.lexicon").joinpath(filename).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines()]


# --- countries -------------------------------------------------------------


@pytest.mark.parametrize(
    ("adjective", "name"),
    [
        ("Kazakh", "Kazakhstan"),
        ("Kazakhstani", "Kazakhstan"),
        ("Kyrgyz", "Kyrgyzstan"),
        ("Kirghiz", "Kyrgyzstan"),
        ("Tajik", "Tajikistan"),
        ("Turkmen", "Turkmenistan"),
        ("Uzbek", "Uzbekistan"),
        ("Azeri", "Azerbaijan"),
        ("Belarusian", "Belarus"),
        ("Belarussian", "Belarus"),
        ("Byelorussian", "Belarus"),
        ("Moldovan", "Moldova"),
        ("Ukrainian", "Ukraine"),
        ("Russian", "Russia"),
        ("Jordanian", "Jordan"),
        ("Filipino", "Philippines"),
        ("Philippine", "Philippines"),
        ("Afghan", "Afghanistan"),
        ("Chinese", "China"),
        ("American", "United States"),
        ("U.S.", "United States"),
        ("British", "United Kingdom"),
        ("Emirati", "United Arab Emirates"),
        ("UAE", "United Arab Emirates"),
        ("Dutch", "Netherlands"),
        ("Ivorian", "Ivory Coast"),
        ("Dominican", "Dominican Republic"),
        ("Nigerien", "Niger"),
        ("Nigerian", "Nigeria"),
        ("South Sudanese", "South Sudan"),
        ("Palestinian", "Palestine"),
        ("Kosovar", "Kosovo"),
        ("Taiwanese", "Taiwan"),
        ("Lao", "Laos"),
    ],
)
def test_adjective_lookup(adjective: str, name: str) -> None:
    assert country_by_adjective()[adjective].name == name


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Russian Federation", "Russia"),
        ("Republic of Kazakhstan", "Kazakhstan"),
        ("Kyrgyz Republic", "Kyrgyzstan"),
        ("Viet Nam", "Vietnam"),
        ("Socialist Republic of Vietnam", "Vietnam"),
        ("People's Republic of China", "China"),
        ("PRC", "China"),
        ("Republic of Moldova", "Moldova"),
        ("Islamic Republic of Iran", "Iran"),
        ("Syrian Arab Republic", "Syria"),
        ("Lao PDR", "Laos"),
        ("Lao People's Democratic Republic", "Laos"),
        ("Plurinational State of Bolivia", "Bolivia"),
        ("United Republic of Tanzania", "Tanzania"),
        ("Republic of Korea", "South Korea"),
        ("Korea", "South Korea"),
        ("DPRK", "North Korea"),
        ("Democratic People's Republic of Korea", "North Korea"),
        ("USA", "United States"),
        ("US", "United States"),
        ("U.S.", "United States"),
        ("United States of America", "United States"),
        ("UK", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("Great Britain", "United Kingdom"),
        ("Czechia", "Czech Republic"),
        ("Türkiye", "Turkey"),
        ("Turkiye", "Turkey"),
        ("Côte d'Ivoire", "Ivory Coast"),
        ("Cote d'Ivoire", "Ivory Coast"),
        ("Kingdom of Saudi Arabia", "Saudi Arabia"),
        ("Hashemite Kingdom of Jordan", "Jordan"),
        ("Republic of Uzbekistan", "Uzbekistan"),
        ("Islamic Republic of Afghanistan", "Afghanistan"),
        ("Islamic Republic of Pakistan", "Pakistan"),
        ("Republic of India", "India"),
        ("Federal Republic of Germany", "Germany"),
        ("French Republic", "France"),
        ("Swaziland", "Eswatini"),
        ("Burma", "Myanmar"),
        ("Macedonia", "North Macedonia"),
        ("Holy See", "Vatican City"),
        ("State of Palestine", "Palestine"),
        ("Chinese Taipei", "Taiwan"),
        ("DRC", "Democratic Republic of the Congo"),
        ("Congo-Brazzaville", "Republic of the Congo"),
        ("Timor-Leste", "East Timor"),
        ("Cabo Verde", "Cape Verde"),
    ],
)
def test_surface_lookup(surface: str, name: str) -> None:
    assert country_by_surface()[surface].name == name


def test_leading_the_is_stripped() -> None:
    table = country_by_surface()
    assert table["The Gambia"] is table["Gambia"]
    assert table["The Bahamas"] is table["Bahamas"]
    assert table["The Philippines"] is table["Philippines"]
    # every alias written with an article is also reachable without it
    for country in countries():
        for alias in country.aliases:
            if alias.lower().startswith("the "):
                assert table[alias[4:]] is country


def test_recognised_countries_present() -> None:
    by_iso = country_by_iso2()
    assert len(countries()) == len(by_iso) == 197
    for iso2, name in [("PS", "Palestine"), ("XK", "Kosovo"), ("TW", "Taiwan"), ("VA", "Vatican City")]:
        assert by_iso[iso2].name == name
    assert all(isinstance(c, Country) for c in countries())


def test_no_key_maps_to_two_countries() -> None:
    # rebuilt from the raw rows, so the check does not depend on the loader's own guard
    owners: dict[str, set[str]] = {}
    for country in countries():
        surfaces = [country.name, *country.aliases]
        surfaces += [s[4:] for s in surfaces if s.lower().startswith("the ")]
        for key in surfaces:
            owners.setdefault(key, set()).add(country.iso2)
    adjective_owners: dict[str, set[str]] = {}
    for country in countries():
        for adjective in country.adjectives:
            adjective_owners.setdefault(adjective, set()).add(country.iso2)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}
    assert {k: v for k, v in adjective_owners.items() if len(v) > 1} == {}
    # an adjective of one country is never another country's name or alias
    clashes = {k for k, v in adjective_owners.items() if k in owners and owners[k] != v}
    assert clashes == set()


def test_every_country_has_an_adjective() -> None:
    assert [c.iso2 for c in countries() if not c.adjectives] == []


def test_aliases_are_not_iso_codes_or_native_names() -> None:
    keys = set(country_by_surface())
    short_codes = {k for k in keys if len(k) == 2 and k.isupper()}
    assert short_codes == {"US", "UK"}
    for unwanted in ["KZ", "KAZ", "RUS", "Qazaqstan", "Rossiya", "Deutschland", "Nippon", "Congo", "Island"]:
        assert unwanted not in keys
    for key in keys:
        assert all(not ch.isalpha() or "LATIN" in unicodedata.name(ch) for ch in key), key


def test_lookups_are_cached() -> None:
    assert countries() is countries()
    assert country_by_surface() is country_by_surface()
    assert city_by_surface() is city_by_surface()


# --- cities ----------------------------------------------------------------


def test_renamed_capitals_are_one_city() -> None:
    table = city_by_surface()
    assert table["Astana"] is table["Nur-Sultan"] is table["Akmola"]
    assert table["Astana"].iso2 == "KZ"
    assert table["Kyiv"] is table["Kiev"]
    assert table["Almaty"] is table["Alma-Ata"]
    assert table["Chisinau"] is table["Kishinev"]
    assert table["Ashgabat"] is table["Ashkhabad"]
    assert table["Mumbai"] is table["Bombay"]
    assert table["Yangon"] is table["Rangoon"]
    assert table["Beijing"] is table["Peking"]


def test_diacritics_folded_with_original_kept() -> None:
    table = city_by_surface()
    assert table["Zurich"] is table["Zürich"]
    assert table["Zurich"].name == "Zurich"
    assert table["Lodz"] is table["Łódź"]
    assert all(c.name.isascii() for c in cities())


@pytest.mark.parametrize(
    ("name", "iso2"),
    [
        ("Bishkek", "KG"),
        ("Dushanbe", "TJ"),
        ("Tashkent", "UZ"),
        ("Baku", "AZ"),
        ("Tbilisi", "GE"),
        ("Yerevan", "AM"),
        ("Minsk", "BY"),
        ("Kabul", "AF"),
        ("Amman", "JO"),
        ("Manila", "PH"),
        ("Jakarta", "ID"),
        ("Vientiane", "LA"),
        ("Pristina", "XK"),
        ("Vaduz", "LI"),
        ("Funafuti", "TV"),
        ("Geneva", "CH"),
        ("The Hague", "NL"),
        ("Davos", "CH"),
        ("Sochi", "RU"),
        ("Cholpon-Ata", "KG"),
        ("Burabay", "KZ"),
        ("Sharm el-Sheikh", "EG"),
        ("Nusa Dua", "ID"),
        ("Bali", "ID"),
    ],
)
def test_capitals_and_venues_present(name: str, iso2: str) -> None:
    assert city_by_surface()[name].iso2 == iso2


def test_every_country_has_a_city() -> None:
    with_city = {c.iso2 for c in cities()}
    assert [c.iso2 for c in countries() if c.iso2 not in with_city] == []


@pytest.mark.parametrize(
    "name", ["Male", "Nice", "Split", "Reading", "Mobile", "Victoria", "Hamilton", "Lincoln", "Jackson"]
)
def test_ambiguous_names_flagged(name: str) -> None:
    assert city_by_surface()[name].ambiguous


@pytest.mark.parametrize("name", ["Astana", "Bishkek", "Florence", "Moscow", "Kyiv", "Geneva", "Tashkent"])
def test_plain_city_names_not_flagged(name: str) -> None:
    assert not city_by_surface()[name].ambiguous


def test_country_names_used_as_city_names_are_ambiguous() -> None:
    surfaces = set(country_by_surface()) | set(country_by_adjective())
    for city in cities():
        if city.name in surfaces:
            assert city.ambiguous, city


def test_shared_name_goes_to_most_populous() -> None:
    table = city_by_surface()
    assert table["Tripoli"].iso2 == "LY"
    assert table["Hyderabad"].iso2 == "IN"
    assert table["London"].iso2 == "GB"
    assert table["St. Petersburg"].iso2 == "RU"  # alias of Saint Petersburg beats St. Petersburg, FL
    best: dict[str, int] = {}
    for c in cities():
        for surface in (c.name, *c.aliases):
            best[surface] = max(best.get(surface, -1), c.population)
    assert best.keys() == table.keys()
    assert all(table[s].population == pop for s, pop in best.items())


def test_city_aliases_are_few_and_latin() -> None:
    for city in cities():
        assert isinstance(city, City)
        assert len(city.aliases) <= 6, city
        for alias in city.aliases:
            assert all(not ch.isalpha() or "LATIN" in unicodedata.name(ch) for ch in alias), alias
        assert city.name not in city.aliases
        assert len(set(city.aliases)) == len(city.aliases)


# --- the files -------------------------------------------------------------


def test_countries_file_sorted_and_unique() -> None:
    header, *rows = tsv_rows("countries.tsv")
    assert header == ["iso2", "name", "aliases", "adjectives"]
    assert all(len(r) == 4 for r in rows)
    assert len({tuple(r) for r in rows}) == len(rows)
    codes = [r[0] for r in rows]
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes)
    assert len({r[1] for r in rows}) == len(rows)


def test_cities_file_sorted_and_unique() -> None:
    header, *rows = tsv_rows("cities.tsv")
    assert header == ["name", "aliases", "iso2", "population", "ambiguous"]
    assert all(len(r) == 5 for r in rows)
    assert len({tuple(r) for r in rows}) == len(rows)
    assert len({(r[0], r[2]) for r in rows}) == len(rows)
    keys = [(r[0].casefold(), r[0], r[2]) for r in rows]
    assert keys == sorted(keys)
    for name, aliases, iso2, population, ambiguous in rows:
        assert name and name == name.strip()
        assert "" not in aliases.split("|") or aliases == ""
        assert len(iso2) == 2 and iso2.isupper()
        assert int(population) >= 0
        assert ambiguous in {"0", "1"}


def test_files_are_small() -> None:
    root = resources.files("orgkg.lexicon")
    assert len(root.joinpath("cities.tsv").read_bytes()) < 1_500_000
    assert len(root.joinpath("countries.tsv").read_bytes()) < 100_000
    assert len(cities()) > 3000
