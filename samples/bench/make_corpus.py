#!/usr/bin/env python3
"""Writes samples/bench/corpus.jsonl: the coding-speed benchmark corpus.

Every sentence is made up here from the templates below (wire style: datelines,
titled officials, quotes, attributions, filler without events). Nothing is copied
from third-party data. The output is deterministic: the same script writes the same
bytes on every run (fixed seed, no clock, no hash ordering).

Usage: python3 samples/bench/make_corpus.py [ARTICLES] > samples/bench/corpus.jsonl
(default 320 articles: 5,406 sentences as herodotus splits them, about 420 KB).
"""

import json
import random
import sys

SEED = 20260101

# (actor phrase, short reference used later in the article, pronoun)
PEOPLE = [
    ("Russian Foreign Minister Sergei Lavrov", "Lavrov", "he"),
    ("Russian President Vladimir Putin", "Putin", "he"),
    ("Ukrainian President Volodymyr Zelensky", "Zelensky", "he"),
    ("US Secretary of State Antony Blinken", "Blinken", "he"),
    ("US Secretary of State Marco Rubio", "Rubio", "he"),
    ("Chinese President Xi Jinping", "Xi", "he"),
    ("Chinese Foreign Minister Wang Yi", "Wang", "he"),
    ("Israeli Prime Minister Benjamin Netanyahu", "Netanyahu", "he"),
    ("Turkish President Recep Tayyip Erdogan", "Erdogan", "he"),
    ("French President Emmanuel Macron", "Macron", "he"),
    ("German Chancellor Olaf Scholz", "Scholz", "he"),
    ("Indian Prime Minister Narendra Modi", "Modi", "he"),
    ("Iranian Foreign Minister Abbas Araghchi", "Araghchi", "he"),
    ("UN Secretary-General Antonio Guterres", "Guterres", "he"),
    ("Japanese Prime Minister Fumio Kishida", "Kishida", "he"),
    ("British Prime Minister Keir Starmer", "Starmer", "he"),
    ("Egyptian President Abdel Fattah al-Sisi", "Sisi", "he"),
    ("Brazilian President Luiz Inacio Lula da Silva", "Lula", "he"),
    ("European Commission President Ursula von der Leyen", "von der Leyen", "she"),
    ("Venezuelan President Nicolas Maduro", "Maduro", "he"),
]

COUNTRIES = [
    "Russia", "Ukraine", "the United States", "China", "Israel", "Iran", "Turkey",
    "France", "Germany", "India", "Pakistan", "Japan", "South Korea", "North Korea",
    "Egypt", "Saudi Arabia", "Syria", "Iraq", "Lebanon", "Sudan", "Ethiopia",
    "Kenya", "Nigeria", "Brazil", "Venezuela", "Colombia", "Mexico", "Poland",
    "Armenia", "Azerbaijan", "Serbia", "Kosovo", "Qatar", "Jordan", "Yemen",
]

ADJECTIVES = [
    "Russian", "Ukrainian", "American", "Chinese", "Israeli", "Iranian", "Turkish",
    "French", "German", "Indian", "Pakistani", "Japanese", "South Korean",
    "North Korean", "Egyptian", "Saudi", "Syrian", "Iraqi", "Lebanese", "Sudanese",
    "Ethiopian", "Kenyan", "Nigerian", "Brazilian", "Venezuelan", "Colombian",
    "Mexican", "Polish", "Armenian", "Azerbaijani", "Serbian",
]

AGENTS = [
    "troops", "forces", "police", "officials", "soldiers", "diplomats", "lawmakers",
    "rebels", "protesters", "authorities", "border guards", "warplanes", "navy",
    "government", "opposition", "military", "prosecutors", "security forces",
]

SEATS = [
    "the Pentagon", "the Kremlin", "the White House", "Moscow", "Washington",
    "Beijing", "Kyiv", "Tehran", "Ankara", "Brussels", "Downing Street", "Berlin",
    "Paris", "New Delhi", "Islamabad", "Cairo", "Riyadh", "Damascus",
]

ORGS = [
    "the United Nations", "NATO", "the European Union", "the African Union",
    "the World Health Organization", "the International Atomic Energy Agency",
    "the UN Security Council", "the International Monetary Fund", "the Red Cross",
    "the Arab League", "ASEAN", "the World Bank",
]

GROUPS = [
    "Hamas", "Hezbollah", "the Taliban", "the Houthis", "Islamic State",
    "al-Shabaab", "the Rapid Support Forces", "Boko Haram", "the Wagner Group",
]

PLACES = [
    "Kharkiv", "Pokrovsk", "Gaza City", "Rafah", "Khan Younis", "Aleppo", "Idlib",
    "El Fasher", "Khartoum", "Mogadishu", "Kabul", "Sanaa", "Hodeidah", "Tyre",
    "Goma", "Maiduguri", "Zaporizhzhia", "Kherson", "Mariupol", "Donetsk",
    "the Red Sea", "the South China Sea", "the Black Sea", "the Golan Heights",
]

CITIES = [
    "MOSCOW", "KYIV", "WASHINGTON", "BEIJING", "JERUSALEM", "TEHRAN", "ANKARA",
    "BRUSSELS", "GENEVA", "NEW YORK", "CAIRO", "BEIRUT", "KHARTOUM", "NAIROBI",
    "NEW DELHI", "ISLAMABAD", "TOKYO", "SEOUL", "BRASILIA", "CARACAS", "PARIS",
    "BERLIN", "LONDON", "DOHA", "RIYADH", "BAGHDAD", "DAMASCUS", "ADDIS ABABA",
]

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Event phrases: {s} source, {t} target, {p} place, {d} day, {n} number.
EVENTS = [
    "{s} held talks with {t} in {p} on {d}.",
    "{s} met {t} on the sidelines of a summit on {d}.",
    "{s} imposed sanctions on {t} over its role in the conflict.",
    "{s} imposed new sanctions on {t} on {d}, targeting banks and energy firms.",
    "{s} fired rockets at {t} overnight, officials said.",
    "{s} fired {n} missiles at {t} on {d}.",
    "{s} accused {t} of violating the ceasefire near {p}.",
    "{s} accused {t} of war crimes.",
    "{s} condemned {t} for the attack on {p}.",
    "{s} criticized {t} over its handling of the crisis.",
    "{s} attacked {t} near {p} on {d}.",
    "{s} shelled positions held by {t} near {p}.",
    "{s} launched an offensive against {t} in {p}.",
    "{s} signed an agreement with {t} on energy cooperation.",
    "{s} agreed to resume talks with {t}.",
    "{s} urged {t} to show restraint.",
    "{s} called on {t} to release the hostages.",
    "{s} called on {t} to withdraw its forces from {p}.",
    "{s} threatened {t} with retaliation.",
    "{s} warned {t} against any escalation.",
    "{s} pledged military aid to {t}.",
    "{s} promised humanitarian aid to {t}.",
    "{s} sent humanitarian aid to {t} on {d}.",
    "{s} praised {t} for its efforts to end the fighting.",
    "{s} expelled diplomats from {t}.",
    "{s} recalled its ambassador from {t}.",
    "{s} arrested {n} members of {t} in {p}.",
    "{s} denied the accusations made by {t}.",
    "{s} rejected a proposal from {t}.",
    "{s} welcomed the decision by {t}.",
    "{s} visited {t} on {d} for the first time since the war began.",
    "{s} hosted {t} for two days of meetings.",
    "{s} thanked {t} for its support.",
    "{s} demanded that {t} stop the attacks.",
    "{s} rejected demands by {t} for a ceasefire.",
    "{s} killed {n} members of {t} in an air strike near {p}.",
    "{s} seized a ship belonging to {t} in {p}.",
    "{s} blocked aid deliveries by {t} to {p}.",
    "{s} negotiated with {t} over a prisoner exchange.",
    "{s} apologized to {t} for the incident.",
    "{s} cut diplomatic ties with {t}.",
    "{s} expressed support for {t}.",
    "{s} investigated claims against {t}.",
    "{s} mediated between {t} and its neighbours.",
    "{t} was attacked by {s} near {p}, witnesses said.",
    "{t} was accused by {s} of spying.",
    "A drone launched by {s} struck {t} near {p}.",
    "{s} and {t} agreed to a prisoner swap.",
    "On {d}, {s} said it had intercepted {n} drones launched by {t}.",
    "{s} told reporters that {t} had broken its promises.",
]

QUOTES = [
    "\"We will not accept any agreement reached without us,\" {r} said.",
    "\"This is a dangerous escalation and it must stop,\" {r} told reporters.",
    "\"Our position has not changed,\" {r} said in a statement.",
    "\"There can be no military solution to this conflict,\" {r} said.",
    "\"We are ready to talk, but not under pressure,\" {r} told a news conference.",
    "\"The door to diplomacy remains open,\" {r} said on {d}.",
    "\"They will pay a heavy price,\" {r} said.",
    "{r} said the talks had been \"constructive and frank.\"",
    "\"We call on all sides to exercise maximum restraint,\" {r} said.",
]

FILLER = [
    "The meeting lasted about {n} hours, according to a person familiar with the talks.",
    "Details of the agreement were not immediately released.",
    "The statement gave no further details.",
    "It was not immediately possible to verify the report independently.",
    "Oil prices rose {n} percent in early trading after the news.",
    "The currency fell to a record low against the dollar on {d}.",
    "Heavy rain is expected across the region later in the week.",
    "Schools and shops remained closed for a second day.",
    "Some {n} people have been displaced since the fighting began, aid agencies estimate.",
    "The talks are expected to resume next month.",
    "Reporters were not allowed to attend the session.",
    "The ministry did not respond to a request for comment.",
    "Analysts said the move was largely symbolic.",
    "The vote is scheduled for {d}.",
    "Turnout in the capital was lower than in previous years.",
    "Stocks in the region closed mixed on {d}.",
    "Flights to the area were suspended until further notice.",
    "The announcement came hours before the deadline expired.",
    "Prices of bread and fuel have more than doubled this year.",
    "Electricity was restored to most homes by the evening.",
    "The summit will also discuss climate finance and trade.",
    "Officials said the death toll could rise.",
    "Residents described hearing several loud explosions before dawn.",
    "The report is due to be published in {m}.",
    "A spokesman declined to comment on the negotiations.",
]

BACKGROUND = [
    "The war in {p} has killed thousands of people since it began.",
    "Relations between the two countries have been strained for years.",
    "The ceasefire, agreed in {m}, has been repeatedly violated.",
    "The region has seen a sharp rise in violence since {y}.",
    "The two sides last met in {p} in {m} {y}.",
    "Previous rounds of talks ended without a deal.",
    "The sanctions were first imposed in {y}.",
]

SOURCES = ["Herodotus Wire", "Benchmark News", "Synthetic Press"]


def pick_actor(rng):
    """Returns (phrase, short reference, pronoun) for a random actor of any kind."""
    r = rng.random()
    if r < 0.25:
        return rng.choice(PEOPLE)
    if r < 0.45:
        c = rng.choice(COUNTRIES)
        return (c, c, "it")
    if r < 0.65:
        adj = rng.choice(ADJECTIVES)
        agent = rng.choice(AGENTS)
        return (f"{adj} {agent}", f"the {agent}" if agent != "government" else "the government", "they")
    if r < 0.78:
        s = rng.choice(SEATS)
        return (s, s, "it")
    if r < 0.89:
        o = rng.choice(ORGS)
        return (o, o, "it")
    g = rng.choice(GROUPS)
    return (g, g, "the group")


def cap(s):
    return s[0].upper() + s[1:]


def fill(rng, template, s, t, ref):
    return cap(
        template.format(
            s=s,
            t=t,
            r=ref,
            p=rng.choice(PLACES),
            d=rng.choice(DAYS),
            n=rng.choice([2, 3, 5, 7, 12, 15, 20, 36, 48, 150, 2000, 12000]),
            m=rng.choice(MONTHS),
            y=rng.randint(2012, 2024),
        )
    )


def article(rng, i):
    year = rng.randint(2015, 2026)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    date = f"{year:04d}-{month:02d}-{day:02d}"
    main_s = pick_actor(rng)
    main_t = pick_actor(rng)
    while main_t[0] == main_s[0]:
        main_t = pick_actor(rng)
    n_paras = rng.randint(4, 7)
    paras = []
    lead = fill(rng, rng.choice(EVENTS), main_s[0], main_t[0], main_s[1])
    dateline = f"{rng.choice(CITIES)}, {MONTHS[month - 1]} {day} ({rng.choice(SOURCES)}) - "
    paras.append([dateline + lead])
    for _ in range(n_paras - 1):
        para = []
        for _ in range(rng.randint(2, 5)):
            r = rng.random()
            if r < 0.40:
                # Another event, sometimes with the article's main actors by short reference.
                if rng.random() < 0.5:
                    s, t = pick_actor(rng), pick_actor(rng)
                    para.append(fill(rng, rng.choice(EVENTS), s[0], t[0], s[1]))
                else:
                    para.append(fill(rng, rng.choice(EVENTS), main_s[1], main_t[0], main_s[1]))
            elif r < 0.55:
                para.append(fill(rng, rng.choice(QUOTES), "", "", main_s[1]))
            elif r < 0.65:
                para.append(fill(rng, rng.choice(BACKGROUND), "", "", ""))
            elif r < 0.72:
                # A pronoun carried over from the previous sentence.
                para.append(fill(rng, rng.choice(EVENTS), main_s[2], main_t[0], main_s[1]))
            else:
                para.append(fill(rng, rng.choice(FILLER), "", "", ""))
        paras.append(para)
    text = "\n\n".join(" ".join(p) for p in paras)
    title = lead.split(",")[0].rstrip(".")
    if len(title) > 90:
        title = title[:87].rsplit(" ", 1)[0] + "..."
    return {
        "id": f"bench-{i:04d}",
        "date": date,
        "title": title,
        "source": "herodotus bench corpus (synthetic)",
        "text": text,
    }


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 320
    rng = random.Random(SEED)
    out = sys.stdout
    for i in range(n):
        out.write(json.dumps(article(rng, i), ensure_ascii=False))
        out.write("\n")


if __name__ == "__main__":
    main()
