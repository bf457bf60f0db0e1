"""Synthetic press releases about official bodies, for benchmarking a large knowledge base.

    .venv/bin/python benchmarks/generate.py --articles 3000 --seed 1 > articles.jsonl

Each article is written from templates in the genre of the dev corpus: a body (or one of
its organs: Board, Council, Secretariat...) holds a meeting in a city on a date, officials
of bodies and countries take part, sometimes a memorandum is signed between two parties and
by whom, sometimes a former or newly appointed official is named. Names are synthetic:
people combine given names and surnames, bodies combine regions and themes in several
forms ("Council of Baltic Ports", "Sahel Energy Commission", "Andean Development Bank"),
countries and cities come from orgkg's own lexicon (so the extractor knows them).

Entities recur: a fixed population of people, each with a home post in one body or country,
is drawn from with skewed (Zipf-like) popularity, so the graph is connected like a real
knowledge base, while any one body, person or date range stays small (its queries answer
well under 1,000 rows). Output is deterministic for a seed. :func:`facts` also returns the
sample of parameter values the benchmark uses.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass

GIVEN = """Ivan Maria Amina Kofi Li Omar Elena Rashid Sofia Tomas Aigerim Bakyt Chen Dmitri
Esther Farid Gulnara Hana Ines Jamal Karin Leila Marat Nadia Olga Pavel Qadir Rosa Samir Tatiana
Umar Vera Wei Yusuf Zara Anton Beatriz Carlos Daria Emil Fatima George Helga Igor Julia Kamal
Lars Mei Nikolai Oksana Pedro Ruslan Sergio Timur Ulla Viktor Xenia Yara Zoltan Alisher Bianca
Daniyar Erik Fiona Hassan Irina Jonas Kirill Lucia Mikhail Nuria Oleg Priya Rustam Selma Talgat
Akmal Dilnoza Rafael Svetlana Arman Ingrid""".split()

SURNAMES = """Petrescu Okafor Mensah Varga Haddad Lindqvist Abenov Kowalski Moreau Novak Ibrahim
Tanaka Rossi Silva Horvat Nazarov Sokolov Karimov Mirzaev Aliyev Bekov Dubois Fischer Jensen
Kovacs Larsen Mendes Nguyen Orlov Popescu Quispe Rahman Schmidt Tkachenko Usmanov Vasquez Wagner
Yilmaz Zhukov Akhmetov Baranov Castillo Demir Eriksen Ferreira Garcia Hoffmann Ismailov Jovanovic
Kim Lebedev Morozov Nurlanov Ortega Pavlov Qureshi Romanov Sadykov Toure Umarov Volkov Wojcik
Yusupov Zaitsev Abdullaev Bondarenko Chukwu Diallo Egorov Farah Gomes Hakimov Ivanova Juarez
Kuznetsov Mamedov Nikolaev Osei Rustamov Safarov Tokayev Vlasov Zhakenov Asante Boateng Danso
Kamara Sesay Banda Phiri Mwangi Otieno Kiprop Achieng""".split()

REGIONS = """Baltic Andean Sahel Pacific Caspian Danube Alpine Arctic Atlantic Mekong Adriatic
Carpathian Amazon Balkan Caribbean Iberian Nordic Levant Aral Ionian Andaman Tasman Zambezi
Euphrates Volga Orinoco Rhine Limpopo Nile Niger Indus Ganges""".split()

THEMES = """Trade Energy Customs Transport Water Fisheries Health Digital Railway Tourism
Investment Statistics Maritime Climate Agricultural Labour Education Aviation Mining Postal""".split()

FORMS = (
    "{region} {theme} Commission",
    "Council of {region} States",
    "{region} {theme} Council",
    "{region} Development Bank",
    "{region} {theme} Agency",
    "{region} Economic Union",
    "{region} {theme} Organization",
)

ORGANS = ("Board", "Council", "Secretariat", "Executive Committee", "Assembly")
BODY_POSTS = ("Chairman", "Secretary General", "Deputy Chairman", "Executive Secretary", "Director General")
ORGAN_POSTS = ("Chairman", "Member", "Deputy Chairman")
COUNTRY_POSTS = (
    "Prime Minister",
    "Deputy Prime Minister",
    "Minister of Foreign Affairs",
    "Minister of Finance",
    "Minister of Economy",
    "Minister of Trade",
    "Minister of Energy",
    "Minister of Transport",
    "Minister of Health",
)
MEETINGS = ("meeting", "session", "summit", "forum", "conference")
DOCUMENTS = ("memorandum of cooperation", "memorandum of understanding", "cooperation agreement")
MONTHS = "January February March April May June July August September October November December".split()


def _lexicon_countries() -> list[str]:
    from orgkg import lexicon

    names = sorted({c.name for c in lexicon.country_by_surface().values()})
    # short, unambiguous single names read best in running text
    return [n for n in names if " " not in n and "," not in n and len(n) <= 12]


def _lexicon_cities() -> list[str]:
    from orgkg import lexicon

    cities = {c.name: c for c in lexicon.city_by_surface().values()}
    out = [
        name
        for name, c in sorted(cities.items())
        if not c.ambiguous and (getattr(c, "population", 0) or 0) >= 1_500_000 and " " not in name
    ]
    return out or sorted(cities)[:200]


@dataclass(frozen=True)
class Person:
    name: str
    post: str  # "Chairman", "Minister of Finance"...
    where: str  # a body, an organ of a body ("Board of the X Commission") or a country
    body: str  # the body (or country) itself
    is_country: bool

    def mention(self, former: bool = False) -> str:
        """`Chairman of the Board of the Baltic Trade Commission Ivan Petrescu`."""
        of = self.where if self.is_country else f"the {self.where}"
        lead = f"former {self.post}" if former else self.post
        return f"{lead} of {of} {self.name}"


class Zipf:
    """Draw items with weight 1/(rank+offset)**s: a few popular, a long tail."""

    def __init__(self, items: list, rng: random.Random, s: float = 0.9, offset: int = 3):
        self.items = list(items)
        rng.shuffle(self.items)
        weights = [1.0 / (i + offset) ** s for i in range(len(self.items))]
        self.cum = list(itertools.accumulate(weights))
        self.rng = rng

    def draw(self):
        return self.items[bisect.bisect(self.cum, self.rng.random() * self.cum[-1])]

    def sample(self, k: int) -> list:
        out: list = []
        for _ in range(k * 10):
            x = self.draw()
            if x not in out:
                out.append(x)
            if len(out) == k:
                break
        return out


class World:
    """The fixed population that articles are written about."""

    def __init__(self, n_articles: int, seed: int):
        rng = random.Random(seed)
        self.rng = rng
        self.countries = _lexicon_countries()
        self.cities = _lexicon_cities()
        # bodies: about one per 12 articles, at least 40
        n_bodies = max(40, n_articles // 12)
        combos = [
            f.format(region=r, theme=t)
            for r in REGIONS
            for t in THEMES
            for f in FORMS
            if "{theme}" in f or t == THEMES[0]
        ]
        combos = list(dict.fromkeys(combos))
        rng.shuffle(combos)
        self.bodies = combos[:n_bodies]
        # each body has two or three organs (not a "Council" of a "... Council")
        self.organs = {
            b: rng.sample([o for o in ORGANS if not b.endswith(o)], rng.randint(2, 3)) for b in self.bodies
        }
        # people: about 1.5 per article, each with a home post
        n_people = max(200, int(n_articles * 1.5))
        names = [f"{g} {s}" for g in GIVEN for s in SURNAMES]
        rng.shuffle(names)
        if n_people > len(names):  # a middle initial widens the pool
            pairs = enumerate(itertools.product(GIVEN, SURNAMES))
            names += [f"{g} {chr(65 + i % 26)}. {s}" for i, (g, s) in pairs]
        people = []
        home_countries = self.countries[:80]
        for name in names[:n_people]:
            if rng.random() < 0.45:
                country = rng.choice(home_countries)
                people.append(Person(name, rng.choice(COUNTRY_POSTS), country, country, True))
            else:
                body = rng.choice(self.bodies)
                if rng.random() < 0.5:
                    organ = rng.choice(self.organs[body])
                    where = f"{organ} of the {body}"
                    people.append(Person(name, rng.choice(ORGAN_POSTS), where, body, False))
                else:
                    people.append(Person(name, rng.choice(BODY_POSTS), body, body, False))
        self.people = people
        self.by_body: dict[str, list[Person]] = {}
        for p in people:
            self.by_body.setdefault(p.body, []).append(p)
        self.body_pick = Zipf(self.bodies, rng, s=0.8, offset=5)
        self.people_pick = Zipf(people, rng, s=0.7, offset=20)
        self.city_pick = Zipf(self.cities, rng, s=1.0, offset=3)
        self.country_pick = Zipf(home_countries, rng, s=0.8, offset=3)
        self.start = dt.date(2005, 1, 1)
        self.days = (dt.date(2024, 12, 31) - self.start).days


def _day(d: dt.date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


FILLER = (
    "The parties discussed the prospects of cooperation in {theme_l}, customs administration and "
    "the digital agenda.",
    "Following the talks, the sides agreed to hold the next round of consultations in {year2}.",
    "The agenda included {k} items, among them the budget for {year2} and a plan of joint projects.",
    "Participants noted the growth of mutual trade and the need to remove remaining barriers.",
    "A joint statement on the results of the meeting was adopted.",
    "Special attention was paid to the harmonisation of technical regulations and standards.",
)


def article(world: World, i: int) -> dict:
    """One press release, as a JSON Lines record."""
    rng = world.rng
    body = world.body_pick.draw()
    organ = rng.choice(world.organs[body]) if rng.random() < 0.6 else None
    host = f"{organ} of the {body}" if organ else body
    when = world.start + dt.timedelta(days=rng.randrange(world.days))
    published = when + dt.timedelta(days=rng.randint(0, 3))
    city = world.city_pick.draw()
    kind = rng.choice(MEETINGS)
    theme_l = rng.choice(THEMES).lower()
    # people: some from the host body, some from elsewhere
    own = [p for p in world.by_body.get(body, []) if rng.random() < 0.5][:3]
    others = world.people_pick.sample(rng.randint(2, 4))
    attendees = list(dict.fromkeys(own + others))[:6]
    paras: list[str] = []
    signed = rng.random() < 0.4
    if signed:
        if rng.random() < 0.5:
            party2 = world.country_pick.draw()
        else:
            party2 = world.body_pick.draw()
            if party2 == body:
                party2 = world.country_pick.draw()
        doc = rng.choice(DOCUMENTS)
        p2 = party2 if party2 in world.countries else f"the {party2}"
        title = f"{body} and {party2} sign {doc}"
    else:
        title = rng.choice(
            (
                f"{body} holds {kind} in {city}",
                f"Results of the {kind} of the {host}",
                f"{host} meets in {city}",
            )
        )
    paras.append(
        f"{city.upper()}, {_day(published).upper()}. "
        + rng.choice(
            (
                f"The {kind} of the {host} took place on {_day(when)} in {city}.",
                f"The {host} held a {kind} in {city} on {_day(when)}.",
                f"A {kind} of the {host} was held on {_day(when)} in {city}.",
            )
        )
        + " "
        + rng.choice(FILLER).format(theme_l=theme_l, year2=when.year + 1, k=rng.randint(5, 30))
    )
    paras.append(f"Taking part were {_join([p.mention() for p in attendees])}.")
    if signed:
        signers = [p for p in attendees if p.body in (body, party2)][:2] or attendees[:2]
        paras.append(
            f"A {doc} between the {body} and {p2} was signed on {_day(when)} in {city}. "
            f"The document was signed by {_join([p.mention() for p in signers])}."
        )
    r = rng.random()
    if r < 0.25:
        p = world.people_pick.draw()
        paras.append(f"{_cap(p.mention(former=True))} also attended the {kind}.")
    elif r < 0.45:
        p = rng.choice(attendees)
        said = f"told reporters the decisions would be implemented by {when.year + 1}"
        paras.append(f"{_cap(p.mention())} {said}.")
    paras.append(rng.choice(FILLER).format(theme_l=theme_l, year2=when.year + 1, k=rng.randint(5, 30)))
    return {
        "id": f"synthetic-{i:07d}",
        "title": title,
        "date": published.isoformat(),
        "url": f"https://example.org/press/{published.year}/{i:07d}",
        "text": "\n\n".join(paras),
    }


def articles(n: int, seed: int = 1) -> Iterator[dict]:
    world = World(n, seed)
    for i in range(n):
        yield article(world, i)


def samples(n: int, seed: int = 1) -> dict:
    """Parameter values for the named queries, drawn from the same world the articles use."""
    world = World(n, seed)
    top = world.body_pick.items[0]  # the most written-about body
    mid = world.body_pick.items[len(world.bodies) // 10]
    person = world.people_pick.items[0]
    country = world.country_pick.items[0]
    return {"body": top, "body_mid": mid, "country": country, "person": person.name}


def write(path: str, n: int, seed: int = 1) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for rec in articles(n, seed):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", default="-")
    args = ap.parse_args()
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
    for rec in articles(args.articles, args.seed):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
