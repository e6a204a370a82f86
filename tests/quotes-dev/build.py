#!/usr/bin/env python3
"""Writes articles.jsonl and gold.jsonl of the quote dev set from the texts below.

Articles are written for herodotus in wire style (fictional events around real
public figures); gold quotes are annotated by hand. Conventions:
* direct: the quoted words without marks, as in the text (split quotes are two quotes;
  a quote continued over paragraphs is one quote); partial quotes of >= 3 words count;
* indirect: the reported clause (after "that", without the final full stop);
* speaker: the full name as the article gives it, null for unnamed sources; an
  organisation described with a proper modifier ("Ukraine's air force") is named by that phrase.
Run: python3 tests/quotes-dev/build.py
"""
import json, os

A = {}
G = []

def art(aid, text, gold):
    A[aid] = text.strip("\n")
    for g in gold:
        q, spk, kind, verb = g
        G.append({"article_id": aid, "quote": q, "speaker": spk, "kind": kind, "verb": verb})

art("q01", '''MOSCOW (Reuters) - Russian Foreign Minister Sergei Lavrov said on Tuesday that Moscow would respond to any new sanctions imposed by the European Union.

"We will not leave such steps without an answer," Lavrov told reporters after talks with his Turkish counterpart. "Our patience is not unlimited."

He said the sanctions were "illegal and counterproductive" and would hurt European economies more than Russia's.

Turkish Foreign Minister Hakan Fidan, speaking at the same news conference, called for calm. "Dialogue is the only way forward," Fidan said. "Turkey is ready to host further talks between the parties."

The Kremlin said in a statement that President Vladimir Putin had been briefed on the talks.

"The president is following the situation closely," Kremlin spokesman Dmitry Peskov told journalists. "There is no reason for panic."
''', [
    ("Moscow would respond to any new sanctions imposed by the European Union", "Sergei Lavrov", "indirect", "said"),
    ("We will not leave such steps without an answer,", "Sergei Lavrov", "direct", "told"),
    ("Our patience is not unlimited.", "Sergei Lavrov", "direct", None),
    ("illegal and counterproductive", "Sergei Lavrov", "direct", "said"),
    ("Dialogue is the only way forward,", "Hakan Fidan", "direct", "said"),
    ("Turkey is ready to host further talks between the parties.", "Hakan Fidan", "direct", None),
    ("President Vladimir Putin had been briefed on the talks", "Kremlin", "indirect", "said"),
    ("The president is following the situation closely,", "Dmitry Peskov", "direct", "told"),
    ("There is no reason for panic.", "Dmitry Peskov", "direct", None),
])

art("q02", '''BRUSSELS (AP) — European Commission President Ursula von der Leyen on Wednesday unveiled a plan to boost defence spending across the bloc and said Europe could no longer rely on others for its security.

"The era of the peace dividend is over," von der Leyen told the European Parliament in Strasbourg. "We must be ready to defend ourselves."

She said the plan would mobilise up to 800 billion euros over four years.

The proposal drew a cautious response from Hungary. "We will study the details carefully," said Peter Szijjarto, the Hungarian foreign minister, "but we will not support anything that drags Europe into war."

The minister added that Budapest would insist on unanimity for any joint borrowing.

NATO Secretary-General Mark Rutte welcomed the move. "This is exactly what the alliance needs," he said.

According to diplomats, several northern member states want the plan to go further.
''', [
    ("Europe could no longer rely on others for its security", "Ursula von der Leyen", "indirect", "said"),
    ("The era of the peace dividend is over,", "Ursula von der Leyen", "direct", "told"),
    ("We must be ready to defend ourselves.", "Ursula von der Leyen", "direct", None),
    ("the plan would mobilise up to 800 billion euros over four years", "Ursula von der Leyen", "indirect", "said"),
    ("We will study the details carefully,", "Peter Szijjarto", "direct", "said"),
    ("but we will not support anything that drags Europe into war.", "Peter Szijjarto", "direct", "said"),
    ("Budapest would insist on unanimity for any joint borrowing", "Peter Szijjarto", "indirect", "added"),
    ("This is exactly what the alliance needs,", "Mark Rutte", "direct", "said"),
    ("several northern member states want the plan to go further", None, "indirect", "according to"),
])

art("q03", '''WASHINGTON (Reuters) - The United States will send additional air defence systems to Ukraine, two U.S. officials said on Thursday, speaking on condition of anonymity because the decision had not been announced.

Secretary of State Antony Blinken told reporters at the State Department that the package would be substantial.

"We have heard the Ukrainians loud and clear. They need more help to protect their cities from missile attacks.

"This package will make a real difference on the ground, and it will not be the last," Blinken said.

Asked about Russian warnings, Blinken said: "Moscow told us the weapons would 'change nothing.' We think the Ukrainians will prove them wrong."

A senior administration official said the systems could arrive within weeks.

Senator Lindsey Graham, a Republican from South Carolina, praised the decision. "It took too long, but it is the right call," Graham said in a statement.
''', [
    ("The United States will send additional air defence systems to Ukraine", None, "indirect", "said"),
    ("the package would be substantial", "Antony Blinken", "indirect", "told"),
    ("We have heard the Ukrainians loud and clear. They need more help to protect their cities from missile attacks. This package will make a real difference on the ground, and it will not be the last,", "Antony Blinken", "direct", "said"),
    ("Moscow told us the weapons would 'change nothing.' We think the Ukrainians will prove them wrong.", "Antony Blinken", "direct", "said"),
    ("the systems could arrive within weeks", None, "indirect", "said"),
    ("It took too long, but it is the right call,", "Lindsey Graham", "direct", "said"),
])

art("q04", '''NAIROBI, Kenya (AP) — Kenyan President William Ruto and Tanzanian President Samia Suluhu Hassan signed a border trade agreement on Monday, ending months of disputes over tariffs.

"Today we have removed the walls between our peoples," Ruto said at the signing ceremony in Nairobi.

Hassan struck a similar tone. "Our traders have waited too long for this day," she said. "Now they can cross the border freely."

Ruto said the deal would add billions of shillings to regional trade.

Opposition leader Raila Odinga criticised the timing of the agreement. "Why sign it now, weeks before the budget?" he asked. "The government owes Kenyans an explanation."

Trade would rise by a third within two years, according to the East African Business Council.
''', [
    ("Today we have removed the walls between our peoples,", "William Ruto", "direct", "said"),
    ("Our traders have waited too long for this day,", "Samia Suluhu Hassan", "direct", "said"),
    ("Now they can cross the border freely.", "Samia Suluhu Hassan", "direct", None),
    ("the deal would add billions of shillings to regional trade", "William Ruto", "indirect", "said"),
    ("Why sign it now, weeks before the budget?", "Raila Odinga", "direct", "asked"),
    ("The government owes Kenyans an explanation.", "Raila Odinga", "direct", None),
    ("Trade would rise by a third within two years", "East African Business Council", "indirect", "according to"),
])

art("q05", '''GENEVA (Reuters) - The World Health Organization warned on Friday that a cholera outbreak in eastern Congo was spreading faster than expected.

"We are seeing cases in areas that had been free of the disease for years," WHO spokeswoman Margaret Harris told a briefing in Geneva. "The next two weeks will be critical."

The spokeswoman said vaccine stocks were running low.

In a separate statement, the Congolese health ministry said it had opened 12 new treatment centres.

"Health workers are doing everything they can," a ministry official said. "But we need more doctors."

The WHO said it would release 2 million dollars from its emergency fund. It said the money would pay for clean water and vaccines.
''', [
    ("a cholera outbreak in eastern Congo was spreading faster than expected", "World Health Organization", "indirect", "warned"),
    ("We are seeing cases in areas that had been free of the disease for years,", "Margaret Harris", "direct", "told"),
    ("The next two weeks will be critical.", "Margaret Harris", "direct", None),
    ("vaccine stocks were running low", "Margaret Harris", "indirect", "said"),
    ("it had opened 12 new treatment centres", "Congolese health ministry", "indirect", "said"),
    ("Health workers are doing everything they can,", None, "direct", "said"),
    ("But we need more doctors.", None, "direct", None),
    ("it would release 2 million dollars from its emergency fund", "World Health Organization", "indirect", "said"),
    ("the money would pay for clean water and vaccines", "World Health Organization", "indirect", "said"),
])

art("q06", '''Former Brazilian President Jair Bolsonaro on Saturday denied any role in the plot. "I never signed anything. I never ordered anything," he told supporters at a rally in Sao Paulo.

Bolsonaro, who is barred from running for office until 2030, said he was the victim of political persecution.

Supreme Court Justice Alexandre de Moraes, who is overseeing the case, rejected that claim in a written ruling. "The evidence is abundant and consistent," de Moraes wrote.

Lawyers for Bolsonaro said they would appeal. "We are confident that justice will prevail in the end," attorney Paulo Cunha Bueno told the Folha de S.Paulo newspaper.

"He is calm and focused on his defence," said Michelle Bolsonaro, the former first lady.
''', [
    ("I never signed anything. I never ordered anything,", "Jair Bolsonaro", "direct", "told"),
    ("he was the victim of political persecution", "Jair Bolsonaro", "indirect", "said"),
    ("The evidence is abundant and consistent,", "Alexandre de Moraes", "direct", "wrote"),
    ("they would appeal", None, "indirect", "said"),
    ("We are confident that justice will prevail in the end,", "Paulo Cunha Bueno", "direct", "told"),
    ("He is calm and focused on his defence,", "Michelle Bolsonaro", "direct", "said"),
])

art("q07", '''JERUSALEM, Dec 3 (Reuters) – Israeli Prime Minister Benjamin Netanyahu said on Sunday the military campaign in Gaza would continue until all hostages were freed.

“We will not stop until we achieve all our goals,” Netanyahu said at the start of the weekly cabinet meeting. “Anyone who thinks otherwise is detached from reality.”

Hamas official Basem Naim told Reuters the group would not release more captives without a permanent ceasefire. “The occupation is not serious about a deal,” Naim said.

Qatar’s foreign ministry spokesman, Majed al-Ansari, said mediators were still in contact with both sides. “The window for a deal is narrowing, but it is not closed,” al-Ansari said.

“Our message to the families is clear: we are working day and night,” the prime minister said in a later statement.
''', [
    ("the military campaign in Gaza would continue until all hostages were freed", "Benjamin Netanyahu", "indirect", "said"),
    ("We will not stop until we achieve all our goals,", "Benjamin Netanyahu", "direct", "said"),
    ("Anyone who thinks otherwise is detached from reality.", "Benjamin Netanyahu", "direct", None),
    ("the group would not release more captives without a permanent ceasefire", "Basem Naim", "indirect", "told"),
    ("The occupation is not serious about a deal,", "Basem Naim", "direct", "said"),
    ("mediators were still in contact with both sides", "Majed al-Ansari", "indirect", "said"),
    ("The window for a deal is narrowing, but it is not closed,", "Majed al-Ansari", "direct", "said"),
    ("Our message to the families is clear: we are working day and night,", "Benjamin Netanyahu", "direct", "said"),
])

art("q08", '''The mayor of Lagos, Babajide Sanwo-Olu, says the city's new rail line will change the lives of millions of commuters.

"For the first time, a worker in Ikeja can get to Lagos Island in thirty minutes," Sanwo-Olu says.

Not everyone is convinced. "They promised us this ten years ago," says Adebayo Ogunlesi, a taxi driver. "I will believe it when I ride it."

Transport economist Funmi Adeyemi says fares will decide whether the line succeeds. "If a ticket costs more than a bus ride, people will not use it," she says.
''', [
    ("the city's new rail line will change the lives of millions of commuters", "Babajide Sanwo-Olu", "indirect", "says"),
    ("For the first time, a worker in Ikeja can get to Lagos Island in thirty minutes,", "Babajide Sanwo-Olu", "direct", "says"),
    ("They promised us this ten years ago,", "Adebayo Ogunlesi", "direct", "says"),
    ("I will believe it when I ride it.", "Adebayo Ogunlesi", "direct", None),
    ("fares will decide whether the line succeeds", "Funmi Adeyemi", "indirect", "says"),
    ("If a ticket costs more than a bus ride, people will not use it,", "Funmi Adeyemi", "direct", "says"),
])

art("q09", '''BEIJING (Reuters) - China's foreign ministry on Monday accused the United States of interfering in its internal affairs after Washington approved a new arms sale to Taiwan.

Foreign ministry spokesperson Mao Ning said at a regular briefing: "The U.S. side has seriously violated the one-China principle. China firmly opposes this and has lodged stern representations.

"We urge the U.S. to stop arming Taiwan and to stop creating factors that could lead to tensions in the Taiwan Strait."

Mao added that China would take "resolute and forceful measures" to defend its sovereignty.

Taiwan's defence ministry thanked Washington for the sale, which it said would help maintain peace and stability in the region.

"Our military will continue to strengthen its combat readiness," Defence Minister Wellington Koo told lawmakers in Taipei.
''', [
    ("The U.S. side has seriously violated the one-China principle. China firmly opposes this and has lodged stern representations. We urge the U.S. to stop arming Taiwan and to stop creating factors that could lead to tensions in the Taiwan Strait.", "Mao Ning", "direct", "said"),
    ("resolute and forceful measures", "Mao Ning", "direct", "added"),
    ("Our military will continue to strengthen its combat readiness,", "Wellington Koo", "direct", "told"),
])

art("q10", '''LONDON (Reuters) - British Finance Minister Rachel Reeves defended her budget on Sunday, saying the tax rises were needed to repair public finances.

"I was not going to gamble with people's jobs," Reeves told the BBC in an interview. "Stability is the foundation of growth, and that is what this budget delivers."

Business groups were less positive. The Confederation of British Industry said the higher payroll taxes would force firms to cut hiring.

"Companies will have no choice but to pass on the costs," CBI director general Rain Newton-Smith said.

Reeves rejected the criticism. Asked whether she would rule out further tax rises, she said: "I am not going to write five years of budgets today."

The opposition Conservatives said the budget broke Labour's election promises.
''', [
    ("I was not going to gamble with people's jobs,", "Rachel Reeves", "direct", "told"),
    ("Stability is the foundation of growth, and that is what this budget delivers.", "Rachel Reeves", "direct", None),
    ("the higher payroll taxes would force firms to cut hiring", "Confederation of British Industry", "indirect", "said"),
    ("Companies will have no choice but to pass on the costs,", "Rain Newton-Smith", "direct", "said"),
    ("I am not going to write five years of budgets today.", "Rachel Reeves", "direct", "said"),
    ("the budget broke Labour's election promises", "Conservatives", "indirect", "said"),
])

art("q11", '''KYIV (Reuters) - Russian forces launched more than 100 drones at Ukraine overnight, hitting energy facilities in at least five regions, Ukraine's air force said on Saturday.

The air force said it had shot down 84 of the drones. "The attack was aimed at our power grid ahead of winter," it said in a statement on Telegram.

Ukrainian President Volodymyr Zelenskiy called for more air defence systems from Western partners. "Every delay costs lives," Zelenskiy wrote on X.

Russia's defence ministry said its forces had struck "military-industrial facilities" and that all targets had been hit.

A Ukrainian military source, who asked not to be named, said two of the drones had crossed into Moldovan airspace.
''', [
    ("Russian forces launched more than 100 drones at Ukraine overnight, hitting energy facilities in at least five regions", "Ukraine's air force", "indirect", "said"),
    ("it had shot down 84 of the drones", "Ukraine's air force", "indirect", "said"),
    ("The attack was aimed at our power grid ahead of winter,", "Ukraine's air force", "direct", "said"),
    ("Every delay costs lives,", "Volodymyr Zelenskiy", "direct", "wrote"),
    ('its forces had struck "military-industrial facilities" and that all targets had been hit', "Russia's defence ministry", "indirect", "said"),
    ("two of the drones had crossed into Moldovan airspace", None, "indirect", "said"),
])

art("q12", '''PARIS (AFP) – French President Emmanuel Macron on Thursday urged European leaders to speed up joint arms purchases.

“Europe must wake up. We cannot remain spectators of our own history,” Macron said in a speech at the Sorbonne.

German Chancellor Friedrich Merz gave the plan a guarded welcome. “The direction is right,” Merz told AFP. “But the details matter, and we will look at them closely.”

Asked about the cost, he added: “Security is never cheap, but insecurity is far more expensive.”

Italian Prime Minister Giorgia Meloni was more sceptical. “Who will pay for all this?” she asked. “Not Italian pensioners!”

Macron’s office said he would host a summit on the plan in Paris next month.
''', [
    ("Europe must wake up. We cannot remain spectators of our own history,", "Emmanuel Macron", "direct", "said"),
    ("The direction is right,", "Friedrich Merz", "direct", "told"),
    ("But the details matter, and we will look at them closely.", "Friedrich Merz", "direct", None),
    ("Security is never cheap, but insecurity is far more expensive.", "Friedrich Merz", "direct", "added"),
    ("Who will pay for all this?", "Giorgia Meloni", "direct", "asked"),
    ("Not Italian pensioners!", "Giorgia Meloni", "direct", None),
    ("he would host a summit on the plan in Paris next month", "Macron’s office", "indirect", "said"),
])

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "articles.jsonl"), "w") as f:
    for aid, text in A.items():
        f.write(json.dumps({"id": aid, "date": "2025-01-15", "text": text}, ensure_ascii=False) + "\n")
with open(os.path.join(here, "gold.jsonl"), "w") as f:
    for g in G:
        f.write(json.dumps(g, ensure_ascii=False) + "\n")
print(len(A), "articles,", len(G), "gold quotes")
