#!/usr/bin/env python3
"""Writes crates/herodotus-core/dict/actors/places.txt from our own gazetteer.

Issue 10 item 3, class "actors named by a place below the country": "Arizona officials",
"the governor of Texas", "police in Lagos", "Guangdong authorities", "Texas sued ...".
A first-level division (state, province, region) or a city of 300,000 people or more
(population class 1-3 in crates/herodotus-enrich/gazetteer/cities-*.tsv) becomes an
actor coded with its country's bare code, so it composes with an agent as a country
does ("Ohio police" -> USACOP) and, alone, stands for its country (the PETRARCH
CountryInfo convention: regions and cities are coded as their country).

A name is left out when it is ambiguous (see docs/DICTIONARIES.md, "Places"):
  * it names places in two countries anywhere in the gazetteer, any population
    ("Punjab": India and Pakistan; "Victoria": Australia, Canada, Seychelles;
    "Cordoba": Spain and Argentina), or it is also a country's name or adjective
    ("Georgia");
  * the built-in dictionaries already define it (capitals as metonyms: "Washington",
    "Beijing"; people; groups; organisations; media: "Washington state" is kept in
    capitals.txt so that the state is not the federal government);
  * it is contested or held by another state than its de jure one (CONTESTED);
  * it is a common English word or a common personal name (STOP), or made only of
    generic words ("Central Region", "Federal District"), or shorter than four letters.

Usage: python3 tools/gen-places-dict.py  (from the repository root; rewrites the file).
"""

import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GAZ = os.path.join(ROOT, "crates/herodotus-enrich/gazetteer")
DICT = os.path.join(ROOT, "crates/herodotus-core/dict")
OUT = os.path.join(DICT, "actors/places.txt")

# Cities up to this population class (3: 300,000 people or more).
MAX_CITY_CLASS = 3

# Held by another state than the gazetteer's country, or claimed by two: the actor's
# country is a political judgement the coder must not make from a place name.
CONTESTED = {
    "Crimea", "Republic of Crimea", "Sevastopol", "Donetsk", "Donetsk Oblast", "Luhansk",
    "Luhansk Oblast", "Lugansk", "Kashmir", "Jammu and Kashmir", "Azad Kashmir",
    "Gilgit-Baltistan", "Ladakh", "Abkhazia", "South Ossetia", "Transnistria",
    "Nagorno-Karabakh", "Western Sahara", "Northern Cyprus", "Golan Heights",
    "Jerusalem", "East Jerusalem", "Kosovo", "Taiwan", "Arunachal Pradesh", "Tibet",
    "Somaliland", "Puntland", "Sanaa", "Sana'a",
}

# Common words (a capitalised sentence start would match) and common personal names
# or surnames: such a word is more often not the place.
STOP = {
    "Mobile", "Reading", "Nice", "Split", "Bath", "Sale", "Orange", "Independence",
    "Providence", "Concord", "Phoenix", "Aurora", "Lincoln", "Madison", "Jackson",
    "Austin", "Houston", "Charlotte", "Columbus", "Raleigh", "Florence", "Regina",
    "Hamilton", "Kingston", "Victoria", "Wellington", "Durham", "Eugene", "Salem",
    "Arlington", "Norman", "Irving", "Garland", "Sherman", "Denver", "Tyler",
    "Lafayette", "Alexandria", "Hyderabad", "Santa Cruz", "San Jose", "Georgetown",
    "Richmond", "Springfield", "Cleveland", "Buffalo", "Memphis", "Paris", "Troy",
    "Male", "Mesa", "Plano", "Temple", "Union", "Liberty", "Marion", "Darwin",
    "Indiana", "Montana", "Nevada", "Virginia", "Carolina", "Georgia", "Washington",
    "Para", "Pará", "Acre", "Meta", "Lara", "Miranda", "Bolivar", "Bolívar", "Sucre",
    "Santander", "Guerrero", "Hidalgo", "Mendoza", "Amazonas", "Distrito Federal",
    "Federal District", "Capital", "Central", "Mexico", "Mexico State",
    "State of Mexico", "Borneo", "Java", "Bengal", "Macedonia", "Galicia", "Punjab",
    "Kurdistan", "Papua", "Cordoba", "Córdoba", "Canton", "Cesar", "Natal", "Santos",
    "Salvador", "Surrey", "Concepcion", "Concepción", "Santiago", "Solo", "Oral",
    "Perm", "Kirov", "Magdalena", "Tanganyika", "Constantine", "Kobe", "Lori", "Vinh",
    "Sana", "Medina", "Free State", "Washington, D.C.", "Falcon", "Portuguesa",
    "Unity State", "Gaya", "Kota", "Tula", "Trujillo", "Roma", "Lyons", "Hail", "Free",
    "Chin", "Karen", "Shan", "Sahel", "Cascades", "Holy Cross", "Unity", "Guantanamo",
    "Lake Chad", "Tete",
}

# A part of a name that marks a contested place ("Donetsk region", "Indian Kashmir").
CONTESTED_PARTS = (
    "Crimea", "Donetsk", "Luhansk", "Lugansk", "Sevastopol", "Simferopol", "Makiivka",
    "Makiyivka", "Kashmir", "Karabakh", "Tskhinvali", "Ossetia", "Abkhaz", "Golan",
    "Jerusalem", "Quds", "Transnistria", "Sahara",
)

# Words that name no place by themselves; a name made only of them is left out.
GENERIC = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "north-east", "north-west", "south-east", "south-west", "northeast",
    "northwest", "southeast", "southwest", "north-eastern", "north-western",
    "south-eastern", "south-western", "upper", "lower", "greater", "middle", "federal",
    "capital", "district", "region", "province", "territory", "state", "coast",
    "coastal", "island", "islands", "lakes", "lake", "highlands", "mountain", "valley",
    "of", "the", "and", "new", "national", "city", "regional", "special", "autonomous",
    "metropolitan", "great", "high", "plateau", "interior", "littoral", "oriental",
    "occidental", "sea", "red", "white", "blue", "black", "river", "rivers", "delta",
    "nord", "sud", "est", "ouest", "centre", "center", "norte", "sur", "governorate",
    "department", "county", "division", "oblast", "prefecture", "voivodeship", "krai",
}

# The kind of a first-level division after its name, dropped for a short name.
SUFFIX = re.compile(
    r"\s+(Governorate|Province|province|Region|region|State|state|Oblast|Prefecture|"
    r"County|Department|Division|District|Municipality|Voivodeship|Krai|Canton)$"
)

# Adjectives of places below the country, written by hand from their meaning
# ("Bavarian police" -> DEUCOP). An adjective shared by places in two countries
# ("Basque", "Tamil", "Punjabi", "Kurdish") is left out.
ADJECTIVES = [
    ("Bavaria", "DEU", ["Bavarian", "Bavarians"]),
    ("Catalonia", "ESP", ["Catalan", "Catalans", "Catalonian"]),
    ("Andalusia", "ESP", ["Andalusian", "Andalusians"]),
    ("Texas", "USA", ["Texan", "Texans"]),
    ("California", "USA", ["Californian", "Californians"]),
    ("Sicily", "ITA", ["Sicilian", "Sicilians"]),
    ("Sardinia", "ITA", ["Sardinian", "Sardinians"]),
    ("Chechnya", "RUS", ["Chechen", "Chechens"]),
    ("Dagestan", "RUS", ["Dagestani", "Dagestanis"]),
    ("Flanders", "BEL", ["Flemish"]),
    ("Wallonia", "BEL", ["Walloon", "Walloons"]),
    ("Quebec", "CAN", ["Quebecois", "Québécois", "Quebecer", "Quebecers"]),
    ("Ontario", "CAN", ["Ontarian", "Ontarians"]),
    ("Xinjiang", "CHN", []),
    # Regions that are no first-level division but name the scene of many reports.
    ("Darfur", "SDN", []),
    ("Kordofan", "SDN", []),
    ("Siberia", "RUS", ["Siberian"]),
    ("Mindanao", "PHL", []),
    ("Sinai", "EGY", []),
]


def rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def dictionary_names():
    """Every name (head and `+` alias) of the built-in actor files but places.txt."""
    names = set()
    actors = os.path.join(DICT, "actors")
    for dirpath, _, files in os.walk(actors):
        for fn in files:
            p = os.path.join(dirpath, fn)
            if not fn.endswith(".txt") or os.path.abspath(p) == os.path.abspath(OUT):
                continue
            with open(p, encoding="utf-8") as f:
                for line in f:
                    s = line.split("#", 1)[0].rstrip()
                    if not s.strip() or s.startswith("@"):
                        continue
                    if not s[0].isspace():
                        names.add(s.strip())
                    elif s.strip().startswith("+"):
                        names.add(s.strip()[1:].strip())
    return names


def norm(name):
    return re.sub(r"[\s\-]+", " ", name.strip())


def main():
    # name -> set of countries, over the whole gazetteer (any size).
    where = {}
    # name -> (country, source) for the candidates.
    cand = {}

    def see(name, iso, candidate):
        name = norm(name)
        if not name:
            return
        where.setdefault(name, set()).add(iso)
        if candidate:
            cand.setdefault(name, iso)

    for r in rows(os.path.join(GAZ, "countries.tsv")):
        iso = r[0]
        for n in [r[2]] + [x for x in (r[5] if len(r) > 5 else "").split("|")] + [
            x for x in (r[6] if len(r) > 6 else "").split("|")
        ]:
            see(n, iso, False)
    for r in rows(os.path.join(GAZ, "admin1.tsv")):
        iso = r[0]
        for n in [r[2]] + (r[5].split("|") if len(r) > 5 else []):
            see(n, iso, True)
            # News names a division without its kind: "Idlib Governorate" is "Idlib".
            short = SUFFIX.sub("", norm(n))
            if short != norm(n):
                see(short, iso, True)
    for i in range(1, 5):
        for r in rows(os.path.join(GAZ, f"cities-{i}.tsv")):
            iso, cls = r[1], int(r[5]) if len(r) > 5 and r[5].isdigit() else 9
            for n in [r[0]] + (r[6].split("|") if len(r) > 6 else []):
                see(n, iso, cls <= MAX_CITY_CLASS)

    known = {norm(n) for n in dictionary_names()}
    folded_stop = {norm(s) for s in STOP | CONTESTED}
    kept = {}
    for name, iso in cand.items():
        if len(where[name]) > 1 or name in known or name in folded_stop:
            continue
        if len(name) < 4 or any(p in name for p in CONTESTED_PARTS):
            continue
        words = name.lower().split()
        if all(w in GENERIC for w in words):
            continue
        if not name[0].isupper():
            continue
        kept.setdefault(iso, {})[name] = []
    for head, iso, adjs in ADJECTIVES:
        head = norm(head)
        if head in known or len(where.get(head, {iso})) > 1:
            continue
        kept.setdefault(iso, {}).setdefault(head, [])
        kept[iso][head].extend(a for a in adjs if a not in known)

    out = [
        "@kind country",
        "# GENERATED by tools/gen-places-dict.py from crates/herodotus-enrich/gazetteer;",
        "# edit the generator (its STOP, CONTESTED and ADJECTIVES lists), not this file.",
        "#",
        "# Places below the country (issue 10 item 3): first-level divisions and cities of",
        "# 300,000 people or more, coded with their country's bare code so that they compose",
        "# with an agent like a country (\"Arizona officials\" -> USAGOV, \"the governor of",
        "# Texas\" -> USAGOV, \"police in Lagos\" -> NGACOP) and, alone, stand for their",
        "# country (\"Texas sued ...\" -> USA). Ambiguous names are left out: see the",
        "# generator and docs/DICTIONARIES.md, \"Places\".",
        "",
    ]
    for iso in sorted(kept):
        out.append(f"# -- {iso} --")
        for name in sorted(kept[iso]):
            out.append(name)
            for a in kept[iso][name]:
                out.append(f"  + {a}")
            out.append(f"  {iso}")
        out.append("")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(out).rstrip("\n") + "\n")
    n = sum(len(v) for v in kept.values())
    print(f"wrote {OUT}: {n} places", file=sys.stderr)


if __name__ == "__main__":
    main()
