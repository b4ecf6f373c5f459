"""The numbers ledger: each reading rule and each reconciling rule, on sentences made up for the test."""
from __future__ import annotations

from dataclasses import replace

import pytest

from briefing.analyze import analyze, load_model
from briefing.extract.countries import country_of
from briefing.extract.figure_words import load_words
from briefing.extract.figures import readings
from briefing.extract.ledger import build_ledger
from briefing.model import Source
from briefing.summarize import DuplicateIndex


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def parse(nlp, *texts: str, published: tuple[str | None, ...] = ()):
    return analyze([Source(id=f"S{i}", path=f"s{i}.txt", sha256="0", text=text,
                           published=published[i - 1] if i <= len(published) else None)
                    for i, text in enumerate(texts, 1)], nlp)


def read(nlp, text: str) -> list[tuple[str, float]]:
    return [(r.kind, r.value) for r in readings(parse(nlp, text), load_words())]


def ledger(nlp, *texts: str, published: tuple[str | None, ...] = ()):
    parsed = parse(nlp, *texts, published=published)
    return build_ledger(readings(parsed, load_words()), parsed, load_words())


# -- what a figure counts ----------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # a casualty verb in the same clause wins over the troop noun
    ("At least 13 American troops who were killed in the blast were honoured on Friday.", [("killed", 13)]),
    # the verb decides, not the noun after "of"
    ("Two of the wounded died in hospital overnight.", [("killed", 2)]),
    # a count is a whole number: a magnitude before the noun measures the quake
    ("The 6.4 magnitude quake, which struck before dawn, left 31 villagers missing.", [("missing", 31)]),
    # a bare participle with its own subject after "with" is a passive: its subject is the victim
    ("The storm swept the coast on Monday, with at least 300 villagers killed.", [("killed", 300)]),
    # and a state word joined to it says what befell its own count; a verb whose subject is
    # what befalls keeps it so
    ("The ferry sank off the island, with 40 passengers drowned and 25 missing.",
     [("killed", 40), ("missing", 25)]),
    ("The gunmen fled the village, with 12 guards killed and 30 missing.", [("killed", 12), ("missing", 30)]),
    # verbs whose subject is the one counted
    ("Twenty people died when the roof collapsed.", [("killed", 20)]),
    ("Fifteen fishermen remain missing after the storm.", [("missing", 15)]),
    # a force among the dead is a part of the toll, not a force level
    ("Nine soldiers were among the dead.", [("killed", 9)]),
    ("Two of the deceased were from the north, officials said.", [("killed", 2)]),
    # (one of them who does something to others is someone told of, not a count)
    ("Police believe one of the deceased poisoned the others.", []),
    # a relative clause set off by commas after the parts says what befell the whole: the parser
    # hangs it on the last part
    ("Six people, including two tourists, who were found dead in a hotel room had drunk from the same cups.",
     [("killed", 6), ("killed", 2)]),
    # a verb joined after the first with no subject of its own says what befell the subject too,
    # as passive as the first when it has no auxiliary of its own; its doer is no victim
    ("Three gunmen were identified and were killed during the exchange.", [("killed", 3)]),
    ("Four guards were surrounded and killed at the gate.", [("killed", 4)]),
    ("Three gunmen entered the hotel and killed the guard.", []),
    # (one inside the parts' phrase is theirs alone)
    ("Six people, including two children who were found dead, were staying at the hotel.", [("killed", 2)]),
    # firefighters sent against a fire are a force deployed; hurt or killed, they are casualties
    ("Some 20 firefighters battled the blaze at the camp.", [("troops", 20)]),
    ("Three firefighters were injured fighting the blaze.", [("injured", 3)]),
    ("More than 4,000 homes have been incinerated in California alone.", [("destroyed", 4000)]),
    # what they "had to" or "needed to" undergo befell them
    ("Local reports said about 1,640 people had to be evacuated.", [("displaced", 1640)]),
    ("About 300 people needed to be hospitalised.", [("injured", 300)]),
    ("Four policemen were among the 23 people killed.", [("killed", 4), ("killed", 23)]),
    # lives lost or claimed are the dead; lives saved are not
    ("Eleven people lost their lives in the fire.", [("killed", 11)]),
    ("The explosion claimed the lives of 31 people.", [("killed", 31)]),
    ("Doctors saved the lives of 20 people.", []),
    # driven or forced from their homes is displaced; forced out of a square is not
    ("Floods have killed 23 people and forced 15,000 from their homes.", [("killed", 23), ("displaced", 15000)]),
    ("About 2,000 families were forced out of their homes.", [("displaced", 2000)]),
    ("The police forced 20 protesters out of the square.", []),
    # told or ordered to leave is the evacuation the news counts; told to leave a venue is not
    ("More than 300,000 coastal residents have been ordered to leave.", [("displaced", 300000)]),
    ("Officials told 80,000 people to evacuate the island.", [("displaced", 80000)]),
    ("About 2,000 fans were told to leave the stadium.", []),
    ("The governor ordered 40 officers to patrol the town.", [("troops", 40)]),
    # a count of events is no count of people, whatever befalls it
    ("At least one blaze in the state is being treated as suspected arson.", []),
    ("Two of the fires were treated as arson, and 12 people were treated for burns.", [("injured", 12)]),
    # kept under an order or an arrest
    ("Some 25,000 people were under evacuation orders on Sunday.", [("displaced", 25000)]),
    ("Three opposition leaders are under house arrest.", [("arrested", 3)]),
    # a number word opening a sentence, which the parser may take for a compound
    ("Thirteen people died when a bomb went off outside the police station.", [("killed", 13)]),
    # a part of a count: "N of them X", "including N X" on the verb
    ("The bombing killed 30 people, 12 of them children, and wounded 70.",
     [("killed", 30), ("killed", 12), ("injured", 70)]),
    ("At least 31 people were killed in the bombing, including 12 children.", [("killed", 31), ("killed", 12)]),
    ("The blast at the bank building in downtown Lagos killed 213 people, 12 of them Americans, and injured 5,400.",
     [("killed", 213), ("killed", 12), ("injured", 5400)]),
    # "the bodies of two girls": the dead, counted by whose bodies they are
    ("The bodies of two young girls were found in the ravine.", [("killed", 2)]),
    # what the lexicon lists, as the model lemmatises it: "Marines", "gutted"; a state on the noun
    ("About 150 Marines were sent to protect the embassy.", [("troops", 150)]),
    ("The fire gutted 40 homes.", [("destroyed", 40)]),
    ("Rescuers are still searching for 30 missing fishermen.", [("missing", 30)]),
    ("One of the missing yachts was found on Monday.", []),
    # "two dozen" is 24, however the parser hangs "dozen"
    ("Nearly two dozen people were killed.", [("killed", 24)]),
    # forces among the victims are no force level; a force's own make-up is
    ("The victims included 14 police officers.", []),
    # places and things a kind's verb acts on are no people: "captured three towns", "evacuated two villages"
    ("Rebels captured three towns last week.", []),
    ("Troops evacuated two villages near the volcano.", []),
    ("Troops captured 15 rebels.", [("arrested", 15)]),
    # people lost in an event are among its dead; jobs lost are not
    ("The town lost 35 college students in the crash.", [("killed", 35)]),
    # (kin are people too: "lost two of her cousins in the attack")
    ("She lost two of her nephews in the attack.", [("killed", 2)]),
    ("The regiment lost 40 men in the battle.", [("killed", 40)]),
    ("The company lost 200 jobs in the fire.", []),
    # craft are seized, not arrested; missing, they are missing with their crews
    ("Three small vessels and eight sailors were detained by the coast guard.", [("arrested", 8)]),
    ("Three yachts remain missing.", [("missing", 3)]),
    ("The convoy included 40 soldiers.", [("troops", 40)]),
    # a bare participle joined to a passive verb is passive too; "who remain missing" says the state
    ("Seven people were arrested and 28 police officers hurt in the unrest.", [("arrested", 7), ("injured", 28)]),
    ("Rescuers were searching for 12 who remain missing.", [("missing", 12)]),
    # rebels and police are forces too; a casualty verb still wins
    ("About 1,500 rebels are advancing on the town.", [("troops", 1500)]),
    ("Some 2,000 police were deployed across the capital.", [("troops", 2000)]),
    # people a verb deploys or dispatches are a force, whatever they are called
    ("The fire service dispatched a total of 1,200 people and 80 vehicles to the site.", [("troops", 1200)]),
    ("About 600 emergency workers were deployed in the flooded district.", [("troops", 600)]),
    ("The ambulance took 12 people to hospital after the crash.", [("injured", 12)]),
    ("The government called in 2,000 more officers to reinforce security.", [("troops", 2000)]),
    ("About 14,000 security force members were keeping order.", [("troops", 14000)]),
    ("Thirty rebels were killed in the clashes.", [("killed", 30)]),
    # "one" as a pronoun ("the first major one"), or the subject singled out ("was one of three
    # people arrested"), counts nothing; "there was one death" does
    ("The attack was the first major one in the city since 2009.", []),
    ("He was one of three people arrested on Friday.", [("arrested", 3)]),
    ("There was one death.", [("killed", 1)]),
    # what a quantity would suffice for is no count of it; facilities are captured on film, not arrested
    ("North Korea has made enough plutonium for one or two atomic bombs.", []),
    ("It may have enough plutonium to build six or more bombs.", []),
    ("The army had enough food for 10,000 soldiers.", []),
    ("Two underground facilities were captured on spy satellite photos.", []),
    # escaped prisoners caught again are arrested again
    ("More than 100 inmates escaped. About 30 had been recaptured by Sunday night.", [("arrested", 30)]),
    # a military's strength, as a unit's: "a 1.1 million-strong military"
    ("North Korea has a 1.1 million-strong military.", [("troops", 1_100_000)]),
    # members of a force are that force; members of a party are no force
    ("Authorities put 200,000 members of the police on duty.", [("troops", 200_000)]),
    ("About 5,000 members of the security forces were deployed.", [("troops", 5000)]),
    ("The party has 5,000 members in the capital.", []),
    # a verb of belief or fear hands its subject to the verb after it
    ("At least 40 people are believed to have died.", [("killed", 40)]),
    ("Twelve soldiers are thought to have been killed.", [("killed", 12)]),
    # a clause a speaker says of something else is no state of the speaker; a difference is no count
    ("One resident said the camp was burning.", []),
    ("The releases have meant 600 fewer inmate firefighters are available this season.", []),
    ("Some 500 people were left homeless.", [("displaced", 500)]),
    # people shot, not said to have died, were wounded; drones are shot down
    ("The gunman who shot two police officers was arrested.", [("injured", 2)]),
    ("The gunman shot and killed 49 people.", [("killed", 49)]),
    # and so were people stabbed; "stabbed to death" are the dead's
    ("At least eight people were stabbed in the town on Monday.", [("injured", 8)]),
    ("Three children were stabbed to death.", [("killed", 3)]),
    ("Troops shot down two drones.", [("munitions", 2)]),
    # drones listed with things no kind counts are kit, not munitions; with troops they are arms
    ("The authority dispatched a rescue team made up of nearly 900 people, 90 vehicles, 20 boats and 41 drones.", []),
    ("The rebels had deployed at least two surface-to-air missiles and more than 3,500 troops near the base.",
     [("munitions", 2), ("troops", 3500)]),
    # a level a toll could rise to is a projection, however the parser hangs "as high as"
    ("The death toll has climbed to more than 250 and could rise as high as 500, the UN warned.", [("killed", 250)]),
    ("The toll rose as high as 500 on Friday.", [("killed", 500)]),
    # a verb in the past the parser hung on its subject as a clause still says what its subject did,
    # and so for those "along with" it
    ("Jasper is being menaced by fires from the north and south, and the town’s 5,000 residents – along with "
     "20,000 more park visitors – fled on short notice late Monday night when the fires flared up.",
     [("displaced", 5000), ("displaced", 20000)]),
    # people forced out of the places they live in are displaced
    ("The heat has already forced another 7,500 people out of remote communities.", [("displaced", 7500)]),
    ("Officials denied that one of the planes had been shot down.", []),
    # a count corrected is brought to its new number
    ("Later, police corrected the number of people arrested to 25.", [("arrested", 25)]),
    # an offer is no figure, even of people something already befell
    ("The governor later offered to take in 1,000 refugees.", []),
    ("The country has taken in 1,000 refugees.", [("displaced", 1000)]),
    # a state right after the counted noun, wherever the parser hung it
    ("A vet is thought to be among 42 crew still missing from the capsized ship.", [("missing", 42)]),
    # a bare participle after it is a passive: they were killed, not killers
    ("The toll rose to 25 after seven people were reported killed in the mountains.", [("killed", 25), ("killed", 7)]),
    ("Three men are believed to have killed the guard.", []),
    # (but one buried under a building may be alive: a state that says nothing of death)
    ("Officials said four brothers were believed buried in the building.", []),
    ("Officials expect 300 people to return home.", []),
    # what a toll is said to be, however it is said
    ("The attack left a toll of 40.", [("killed", 40)]),
    ("The official toll is 52.", [("killed", 52)]),
    ("Officials revised the toll down to 38.", [("killed", 38)]),
    # how many times a verb of attack was done counts attacks
    ("Militias have attacked the bases more than 160 times since October.", [("attacks", 160)]),
    ("He has visited the city 20 times.", []),
    # prisoners freed are no longer held; soldiers on trial are defendants, not a force
    ("The government freed 250 of 750 prisoners it is to release under the accords.", []),
    ("A total of nine other soldiers were found guilty in the scandal.", []),
    ("Two soldiers at the prison stand accused in the hearing.", []),
    # money a visit costs is no damage; what a storm cost is
    ("The delegation will take over the hotel at a cost of half a million dollars.", []),
    ("The storm cost insurers $3 billion.", [("damage", 3_000_000_000)]),
    # the cost of an event, as a noun, or what a disaster cost; not the cost of a trip
    ("The bill is less than the $27bn cost of the hurricanes that hit the coast.", [("damage", 27_000_000_000)]),
    ("The disaster cost insurers $3 billion.", [("damage", 3_000_000_000)]),
    ("The cost of the trip was $500.", []),
    # a country's name between a sum and its currency word; a conversion in brackets is the same sum
    ("The quake caused about 20 billion U.S. dollars in economic loss.", [("damage", 20_000_000_000)]),
    ("Losses reached 3 billion Hong Kong dollars.", [("damage", 3_000_000_000)]),
    ("The fire caused C$2 billion ($1.5 billion) in damage.", [("damage", 2_000_000_000)]),
    # what a loss could reach is an estimate of it; on a condition, or what a storm could cost, is not
    ("One analyst estimated insurance losses could exceed C$9 billion.", [("damage", 9_000_000_000)]),
    ("Losses could reach $3 billion if the levees fail.", []),
    ("The hurricane could cost insurers $5 billion.", []),
    # buildings lost in an event, or lost to no one said, were destroyed; stores lost to rivals were not
    ("Some 1,600 structures are believed to have been lost.", [("destroyed", 1600)]),
    ("The town lost 300 homes in the flood.", [("destroyed", 300)]),
    ("Twenty stores were lost to competitors.", []),
    ("The chain lost 20 stores to competitors last year.", []),
    # a count of crimes against life is a toll
    ("The guard was convicted of three murders.", [("killed", 3)]),
    # a participle on a bare count gives it its state: "17 confirmed dead", "five reported missing"
    ("As many as 900 tourists are missing in the region. Norway has 17 confirmed dead, but more than 300 "
     "are still missing.", [("missing", 900), ("killed", 17), ("missing", 300)]),
    ("The flood left 100,000 people homeless.", [("displaced", 100000)]),
    ("More than 10,000 villagers fled the fighting.", [("displaced", 10000)]),
    ("Police arrested three suspects on Saturday.", [("arrested", 3)]),
    # the object of a causative does what the verb after it says; an appeal is no displacement
    ("The floods forced 600,000 people to flee their homes.", [("displaced", 600_000)]),
    ("Officials urged 600,000 people to flee their homes.", []),
    # a verb acting on its own subject counts the subject
    ("Fifty people were killed when four suicide bombers blew themselves up on the trains.",
     [("killed", 50), ("killed", 4)]),
    # a bare number joined to a verb's subject is a subject too; joined to its object, an object
    ("Six people died in southern Mexico and seven in Costa Rica.", [("killed", 6), ("killed", 7)]),
    ("The army keeps 300 troops in Niger and 1,200 in Mali.", [("troops", 300), ("troops", 1200)]),
    # a kind of particular objects wins: burned churches are destroyed, burned people injured
    ("The riot followed the burning and ransacking of 22 churches by mobs in the capital.", [("destroyed", 22)]),
    ("Fifteen people were burned in the blast.", [("injured", 15)]),
    # taken to hospital is hurt; taken elsewhere is not; bodies taken there are the dead
    ("Seven crew were winched aboard the helicopter and flown to the hospital in the town.", [("injured", 7)]),
    ("Police took 12 suspects to the station.", []),
    ("Twelve bodies were taken to the hospital.", [("killed", 12)]),
    # a verb with its particle
    ("Police rounded up at least six activists after the bombing.", [("arrested", 6)]),
    # how tolls move: a bare toll is the death toll, a subject noun of a kind is counted by what it reaches,
    # a count the recogniser took for a measurement is a count
    ("The toll has risen to more than 120,000.", [("killed", 120_000)]),
    ("The injured toll was lowered slightly to 180.", [("injured", 180)]),
    ("Deaths from the tsunami now exceed 120,000.", [("killed", 120_000)]),
    ("The confirmed death toll climbed to 9,000 overnight.", [("killed", 9000)]),
    ("The quake struck 10 kilometres southwest of the capital.", []),
    # the count a reaching verb measures: through "estimates of", from a participle, from an infinitive
    ("Some estimates of the death toll rise as high as 90,000.", [("killed", 90_000)]),
    ("The death toll continues to rise, passing 40,000 people according to officials.", [("killed", 40_000)]),
    ("The toll, as of Sunday, is estimated to be 70,000.", [("killed", 70_000)]),
    ("The storm claimed more than 900 victims.", [("killed", 900)]),
    # "a total of" counts what it is a total of
    ("A total of 140 people on board and on the ground were killed when the jet blew up.", [("killed", 140)]),
    # a word on the noun says what befell them, over the noun's own kind
    ("Medics drove 14 wounded fighters back to the town.", [("injured", 14)]),
    ("Villagers found three dead soldiers near the road.", [("killed", 3)]),
    ("Aid reached 45,000 displaced people last week.", [("displaced", 45_000)]),
    # where being kept counts them; a force by its noun
    ("Four suspects are in custody in the capital.", [("arrested", 4)]),
    ("Nine people remain in hospital.", [("injured", 9)]),
    ("About 2,000 peacekeepers are deployed in the region.", [("troops", 2000)]),
    # buildings: collapsed, set on fire, set fire to; homes lost
    ("Six buildings collapsed in the old town.", [("destroyed", 6)]),
    ("Rioters set fire to three churches after the match.", [("destroyed", 3)]),
    ("About 20,000 people have been left without homes.", [("displaced", 20_000)]),
    # verbs of care count the injured unless they say it was for something else
    ("Three hundred victims of the storm have been treated in the city so far.", [("injured", 300)]),
    ("Eleven people were treated at the clinic for burns.", [("injured", 11)]),
    ("The nurse has treated at least 80 children at the camp for diarrhea.", []),
    ("Twenty children arrived by bus; four of them were hospitalised for dehydration.", []),
    # a loss the sentence says a sum reached
    ("The loss suffered by farmers reached 3 million dollars.", [("damage", 3_000_000)]),
    ("The report put the loss, which reached 2 billion dollars, at a tenth of output.", [("damage", 2_000_000_000)]),
    # parts by inclusion, a country whatever the recogniser took it for, a participle saying what befell
    ("The dead included 20 children.", [("killed", 20)]),
    ("At least 1,000 foreigners were among the dead.", [("killed", 1000)]),
    ("The delegation included 20 ministers.", []),
    ("Officials said the number of people killed had risen to 200,000.", [("killed", 200_000)]),
    ("The number of people injured rose to 300.", [("injured", 300)]),
    # a fraction of a scale word
    ("More than half a million people were killed in the war.", [("killed", 500_000)]),
    # a town's population is no count of a kind
    ("Nearly 1 million refugees engulfed the border town, a town of 30,000.", [("displaced", 1_000_000)]),
    # a noun with a verb of its own is not the object of the verb before it
    ("At least 18 enemy soldiers were killed and 40 taken prisoner, the commander said.", [("killed", 18)]),
    # both ends of a range
    ("The bishop said that between 30 and 40 people were reportedly killed near the villages.",
     [("killed", 30), ("killed", 40)]),
    # a subject the parser hung on the auxiliary belongs to the verb: not another 26 injured
    ("The statement said that 22 people were injured and 26 were missing.", [("injured", 22), ("missing", 26)]),
    ("The storm caused $45 million in damage.", [("damage", 45_000_000)]),
    # a verb that puts a value on its subject: the damage it values
    ("Damage was estimated at $45 million.", [("damage", 45_000_000)]),
    ("Losses are put at 2 billion dollars.", [("damage", 2_000_000_000)]),
    ("The bridge was valued at $3 million.", []),
    # scales written short, the BBC's way, in their own word or joined to the number
    ("The hurricanes caused damage estimated at $27bn.", [("damage", 27_000_000_000)]),
    ("Physical damage was put at $1.3bn.", [("damage", 1_300_000_000)]),
    ("The damage cost £70m.", [("damage", 70_000_000)]),
    ("The prime minister put the damage at 20bn baht.", [("damage", 20_000_000_000)]),
    ("He won the 100m final.", []),
    ("The physical damage was put at $1.3 to $1.5bn.", [("damage", 1_300_000_000), ("damage", 1_500_000_000)]),
    # animals are no people; "several hundred" names no value; "the one" is a pronoun
    ("The hunts killed a total of 91 foxes.", []),
    ("Several hundred people were evacuated.", []),
    ("You will be the one imprisoned.", []),
    ("Only one person was arrested.", [("arrested", 1)]),
    # an event marked fatal kills those it is of (people only: not "the deadly shooting of three horses")
    ("She was haunted by the fatal 2003 shooting of two teenage girls.", [("killed", 2)]),
    ("The deadly shooting of three horses shocked the city.", []),
    ("The shooting of two girls shocked the city.", []),
    # jailing is an arrest; seizing is one only of people
    ("He spoke of the wrongful jailing of 11 people for the attacks.", [("arrested", 11)]),
    ("He was arrested with eight men seized at a hotel.", [("arrested", 8)]),
    ("The boat was like the two seized by the navy in March.", []),
    ("Police seized 3 tonnes of cocaine.", []),
    ("Officials said 190 people were taken to hospitals with injuries.", [("injured", 190)]),
    # a bare number as the object of a casualty verb counts people
    ("The blaze that killed 60 and injured 162 began near the stage.", [("killed", 60), ("injured", 162)]),
    # a toll moved from one value to another on a quantity noun
    ("Officials lowered the death toll from 7,000 to about 6,100 on Thursday.", [("killed", 7000), ("killed", 6100)]),
    ("The number of homeless dropped from 580,000 to 569,000 on Thursday.", [("displaced", 569000), ("displaced", 580000)]),
    # (with nothing after the range, the recogniser takes "60 to 67" for a date)
    ("The toll has risen from 60 to 67.", [("killed", 67), ("killed", 60)]),
    # "as were" stands for the verb before it; a participle after a joined count is that count's
    ("Ten soldiers were wounded, as were three civilians.", [("injured", 10), ("injured", 3)]),
    # an adjective right after "be" is what the subject is, even hung on a noun after it
    ("About 40,000 people are homeless and aid agencies say 2 million need food.", [("displaced", 40000)]),
    ("Ten people are skilled workers.", []),
    # soldiers who "stand accused" are defendants, however the parser splits the verb; vehicles are parked
    ("Two military police soldiers stand accused in the hearing.", []),
    ("About 3,000 soldiers stand guard at the border.", [("troops", 3000)]),
    ("Four armored personnel were parked outside the hall.", []),
    # a verb that frees people cancels the kind a participle on them gives: they are held no longer
    ("The minister promised to release 750 prisoners jailed for attacks.", []),
    ("The army freed 30 soldiers who were held for years.", []),
    # ... unless a relative clause of their own tells the arrest: an event, whatever befell them next
    ("Police released seven men who were arrested last week.", [("arrested", 7)]),
    ("Seven men who were arrested last week were released on Monday.", [("arrested", 7)]),
    # ... unless the participle names who took them: those are the captives of that capture
    ("The army freed 30 soldiers captured by rebels.", [("arrested", 30)]),
    ("Tehran said the 15 sailors detained by its navy would be released.", [("arrested", 15)]),
    # a participle after two joined nouns describes both, unless the second has a count of its own
    ("Iran delayed the release of 15 sailors and marines detained by its navy in March.", [("arrested", 15)]),
    ("Police arrested 20 people jailed last year for fraud.", [("arrested", 20)]),
    # a future of another verb leaves people the event already befell counted; a future of the
    # event's own verb is unreal
    ("Some of the 1,200 detainees will be moved to a new camp.", [("arrested", 1200)]),
    ("Police will arrest 50 people.", []),
    # villages burned or destroyed are destruction, like buildings
    ("Troops burned 12 villages during the offensive.", [("destroyed", 12)]),
    # the level a change is to reach is a projection; where it rises from, and a rise that happened, count
    ("The army plans to increase its troop strength from 38,000 to about 50,000 by March.", [("troops", 38000)]),
    ("The army will raise its force in the region to 5,000 soldiers.", []),
    ("The toll is expected to rise to 200.", []),
    ("The toll rose to 200 on Friday.", [("killed", 200)]),
    ("The toll may have risen to 300.", [("killed", 300)]),
    # the adjective a list of counted subjects hangs on is said of them all
    ("Ten years of war; 200 firemen and nurses, over 500 soldiers, more than 2,000 villagers dead.",
     [("killed", 200), ("killed", 500), ("killed", 2000)]),
    ("Police said 40 soldiers and 12 policemen were on patrol.", [("troops", 40), ("troops", 12)]),
    # a bare number counts what the same verb counted before it: here foxes, no people
    ("Some 270 hunts met on Saturday, killing a total of 91 foxes - only four were killed by hounds.", []),
    # a court that sends people to prison jails them; to death or to community service, no arrest is counted
    ("A court sentenced two leading dissidents to long prison terms.", [("arrested", 2)]),
    ("Three dissidents were sentenced to 13 years in prison.", [("arrested", 3)]),
    ("The court sentenced two men to death.", []),
    # a number between a day's name and a plural noun counts the noun; a day of the month stays a date
    ("Earlier on Friday 15 protesters from the campaign group were arrested.", [("arrested", 15)]),
    ("On Monday 30 people died in the floods.", [("killed", 30)]),
    ("The hearing is on Friday 15 October.", []),
    ("The July 7 bombings were a series of coordinated attacks.", []),
    # those arrested along with the subject were arrested
    ("He was arrested along with his driver and three other members of the group.", [("arrested", 3)]),
    # (also with "with" on the verb beside "along", and past a verb of saying set inside the clause;
    # a policeman killed with the bomber is a victim, not a force)
    ("The bomber died along with three policemen.", [("killed", 3)]),
    ("At least two civilians were killed, senior officials said, along with five assailants.",
     [("killed", 2), ("killed", 5)]),
    ("The minister arrived along with 200 soldiers.", [("troops", 200)]),
    # ("alongside" says so alone)
    ("The girl was killed alongside 11 other children when a rocket hit the pitch.", [("killed", 11)]),
    # a handful of officers in a scene no verb deploys or moves them in is no force level
    ("Two forensic officers behind a cordon near the restaurant on Sunday", []),
    ("The man walks around the car with two officers a step behind him.", []),
    ("She was escorted to the courthouse by three plainclothes officers.", [("troops", 3)]),
    ("As the two officers involved were placed on leave, the state launched a probe.", []),
    ("The 2,500 US troops in Iraq will stay.", [("troops", 2500)]),
    ("Police sent two officers to warn him.", [("troops", 2)]),
    # (the parser may hang "along with" on a count set beside the subject)
    ("Nine Germans were wounded in the blast, two of them seriously, along with one Norwegian and one Peruvian.",
     [("injured", 9), ("injured", 2), ("injured", 1), ("injured", 1)]),
    # soldiers rescued or searched for are no force
    ("Three soldiers were rescued from the water and were in stable condition at a hospital.", []),
    ("Rescuers were searching for six soldiers.", []),
    # (or sought by a deed a verb carries out, named by its noun)
    ("A search was being conducted for six soldiers, the army said.", []),
    ("The army deployed 500 troops for the search.", [("troops", 500)]),
    ("The army sent 300 soldiers to search for survivors.", [("troops", 300)]),
    # a verb joined to one that leaves its object in a state is that state: "and 53 others wounded"
    ("The shooting left 49 people dead and 53 others wounded.", [("killed", 49), ("injured", 53)]),
    ("Police arrested 20 people and soldiers killed three.", [("arrested", 20), ("killed", 3)]),
    # fleeing a room or a venue is escaping it; fleeing a home or a town is displacement
    ("Witnesses said the two fled a bathroom in the nightclub.", []),
    ("About 300 people fled the burning hotel.", []),
    ("Some 20,000 people fled their homes.", [("displaced", 20000)]),
    ("About 5,000 people fled from the town.", [("displaced", 5000)]),
    # a side that is missing players lacks them; others who were missing are missing
    ("The visitors are missing 14 players because of injuries.", []),
    ("Fifteen others were missing.", [("missing", 15)]),
    # damages a court orders are compensation, not damage
    ("He fled rather than pay the £5,000 damages ordered by a civil court.", []),
    ("The floods damaged crops worth $3 million.", [("damage", 3000000)]),
    # the severed heads of the dead are their bodies; heads of agencies are no toll
    ("The severed heads of four foreign hostages were found on a highway.", [("killed", 4)]),
    ("The heads of four agencies met on Monday.", []),
    # dwellings of every sort, in a headline too
    ("Record 6,000 shanties flattened in a day", [("destroyed", 6000)]),
    ("Officials demolished 39,000 shacks in the city.", [("destroyed", 39000)]),
    ("The flood cut off 30 villages.", []),
    # shots are munitions used, counted as bullets or as times a person was shot
    ("She was shot three times in the head.", [("munitions", 3)]),
    ("Police said two bullets hit the driver.", [("munitions", 2)]),
    ("He has been fired three times from jobs.", []),
    # one singled out by a name or a definite noun beside it is told of, not counted
    ("Last month the government arrested 12 members and supporters of the new union, one of whom, "
     "John Smith, is to go on trial May 17.", [("arrested", 12)]),
    ("The quake destroyed one of the town's oldest buildings, the post office, which was demolished in July.", []),
    ("Twelve people were killed, one of them a child.", [("killed", 12), ("killed", 1)]),
    # what a causative makes someone do, they did; a threat is no toll
    ("Police said anger drove him to kill nine people.", [("killed", 9)]),
    ("He threatened to kill nine people.", []),
    # one a superlative describes is told of; so is one instance a copula describes
    ("Crowds mourned the shooting death of one of the country's most prominent women.", []),
    ("The fire destroyed one of the city's oldest churches.", []),
    ("One of his arrests was in Boston during the protests in 1988.", []),
    ("One high-profile arrest was that of a teenager who confessed.", []),
    ("There was one death in the town, and one arrest was made.", [("killed", 1), ("arrested", 1)]),
    ("One of the wounded died later.", [("killed", 1)]),
    # a kind counted by its noun alone is counted by its set's size: one of them is one told of
    ("Police said one of the bombs contained about 400 kilograms of explosive.", []),
    ("Militants fired 12 rockets, and one of the rockets hit a school.", [("munitions", 12)]),
    # a relative clause about some of the noun ("12 of whom") says nothing of the whole
    ("Police arrested 40 people, 12 of whom were injured.", [("arrested", 40), ("injured", 12)]),
    ("The families of three citizens, of whom two disappeared and one was killed, filed suit.",
     [("missing", 2), ("killed", 1)]),
    # a breakdown "of the detainees" carries to the clauses joined to the first; a state after "be"
    ("Of the detainees, 700 were between 16 and 17 years old; 200 were between 13 and 15, and 80 were "
     "12 years old or younger.", [("arrested", 700), ("arrested", 200), ("arrested", 80)]),
    ("More than 5,000 respondents were political prisoners.", [("arrested", 5000)]),
    ("Almost 4,000 respondents were persons detained for political motives.", [("arrested", 4000)]),
    ("About 300 of the protesters were students.", []),
    # places and buildings a verb of attack acts on are targets; people never are
    ("Insurgents attacked four police stations in the city.", [("targets", 4)]),
    ("Fans attacked two players after the game.", []),
    ("Jets bombed 12 sites near the border.", [("sites", 12)]),
    # a verb that brings a count to a number: the number counts what the count's noun says
    ("The attack brought the number of people killed to 40.", [("killed", 40)]),
    ("Officials put the number of people injured at 120.", [("injured", 120)]),
    ("The company raised the number of workers to 400.", []),
    # what a causative makes its object do says what befell it
    ("Widespread flooding prompted more than 150,000 to flee their homes.", [("displaced", 150_000)]),
    ("The news prompted 300 people to protest.", []),
    # "among" before a clause of saying's copula, however the parser hung it
    ("The railway said among those seriously injured were the two train drivers.", [("injured", 2)]),
    # either number of a ratio is no count
    ('"One in every five inhabitants is either dead, injured or missing," an official said.', []),
    ("Three out of four victims were children.", []),
    ("Close to 80 protesters suffocated in army trucks.", [("killed", 80)]),
    # the possessor of an event noun is whom it befell
    ("Details of the fifteen sailors' capture and detention were revealed on Friday.", [("arrested", 15)]),
    ("The three miners' deaths shocked the town.", [("killed", 3)]),
    ("Five workers' homes were destroyed.", []),
    ("Iran announced the capture of 15 sailors on Friday.", [("arrested", 15)]),
    # speakers who tell what befell themselves are counted by what they tell
    ("Some 3,000 people were killed and another 30,000 said they were tortured or imprisoned.",
     [("killed", 3000), ("arrested", 30000)]),
    ("About 200 residents said they were injured in the blast.", [("injured", 200)]),
    ("About 200 residents said they were angry.", []),
    # moved to or kept in relief camps and shelters is displaced (an army's camp is not; nor the camps)
    ("More than 150,000 people have been moved to relief camps.", [("displaced", 150000)]),
    ("Some 54,000 people are now sheltering in 439 relief camps.", [("displaced", 54000)]),
    ("About 1,600 people were staying in temporary shelters.", [("displaced", 1600)]),
    # (sleeping or housed there: where they are kept)
    ("Some 23,500 people are sleeping in shelters.", [("displaced", 23500)]),
    ("About 4,000 people were housed in the shelter at the school.", [("displaced", 4000)]),
    ("The storm left 2,300 people sleeping in tents.", [("displaced", 2300)]),
    # the evacuation of people displaces them; a building is evacuated, not displaced
    ("The fire has prompted the evacuation of 88,000 people from the city.", [("displaced", 88000)]),
    ("The evacuation of three embassies was ordered.", []),
    ("About 100 homes were evacuated overnight.", []),
    ("About 100 homes were damaged and evacuated overnight.", []),
    ("Officials said 3,000 people sleeping in shelters needed food.", [("displaced", 3000)]),
    ("Three soldiers were in the camp.", [("troops", 3)]),
    # a sum of money as wire services write it
    ("The storm caused dlrs 45 million in damage.", [("damage", 45_000_000)]),
    # those in a grave condition are injured (a building in poor condition is not)
    ("Four inmates were in critical condition after setting themselves on fire.", [("injured", 4)]),
    ("The building was in poor condition.", []),
    # a unit's strength counts troops; a number of units does not; a crowd is no force
    ("The 1,500-strong battalion marched on the town.", [("troops", 1500)]),
    ("The army sent three battalions to the border.", []),
    ("A 300-strong crowd gathered outside.", []),
    # animals are counted by no kind; wounds and hospitals are no people; a force that served once is none now
    ("The flood killed 3,000 sheep and 40 people.", [("killed", 40)]),
    ("Officials said 71 of the cattle died on the ship.", []),
    ("He suffered a dozen cuts to the face.", []),
    ("In one hospital, nurses were holding down a patient.", []),
    ("About 250 former police officers came forward.", []),
    ("Three former soldiers were killed.", [("killed", 3)]),
    # a bare participle with its own subject, the complement of another verb, is a passive
    ("The crackdown has seen 20 members detained.", [("arrested", 20)]),
    # those an evacuation order affects or covers are under it, as "under evacuation orders" says;
    # what else affects them says nothing
    ("An evacuation order covers the town's 5,000 residents.", [("displaced", 5000)]),
    ("Officials issued an evacuation order for all of Eastville, which affects the town's 8,000 residents.",
     [("displaced", 8000)]),
    ("The new tax affects the town's 8,000 residents.", []),
    ("The storm affected 80,000 residents.", []),
    # a verb joined before the one with the object, with no object of its own, acts on it too
    ("Police have detained or questioned about 40 students linked to the protests.", [("arrested", 40)]),
    ("Officers detained and later questioned 12 men found near the scene.", [("arrested", 12)]),
    ("Police stopped and searched 50 cars.", []),
    # the verb of a kind acting on the noun wins over a participle that only describes it
    ("Peacekeepers have now arrested nine people wanted for war crimes.", [("arrested", 9)]),
    ("The strike killed 12 people gathered for a wedding.", [("killed", 12)]),
    # what any verb led to: "to death"; a sentence to death is not one
    ("One prisoner was beaten to death by the guards.", [("killed", 1)]),
    ("Three climbers froze to death on the mountain.", [("killed", 3)]),
    ("The mob stabbed two men to death.", [("killed", 2)]),
    ("The court sentenced three men to death.", []),
    # a range gives both its ends, whether the recogniser took it for a date or "between" governs the noun
    ("Between 50 and 60 people were killed.", [("killed", 50), ("killed", 60)]),
    ("The fire killed between 50 and 60 people.", [("killed", 50), ("killed", 60)]),
    ("Between 2001 and 2003 people were killed.", []),
    ("Rebels who took part in a 1994 massacre were killed.", []),
    # a bare number counts the objects a count before it counted, when the kind counts objects
    ("Some 40 houses were damaged and 12 destroyed.", [("destroyed", 12)]),
    ("The storm damaged 40 houses and destroyed 12.", [("destroyed", 12)]),
    ("Police found 20 cars and burned 12 people.", [("injured", 12)]),
    # care for what hurts people: smoke inhalation, cuts
    ("The hospital treated 65 people for smoke inhalation.", [("injured", 65)]),
    ("The hospital treated 65 people for dehydration.", []),
    # an event's toll is the death toll
    ("The government put the flood toll at 61 on Wednesday.", [("killed", 61)]),
    # what an attack was on counts targets; people are never targets
    ("The shelling of three villages continued.", [("targets", 3)]),
    ("The attack of 20 gunmen was repelled.", []),
    ("The bombing of 12 Americans was condemned.", []),
    # a count joined to one state has the state right after it, not the first one
    ("The clashes left 9 protesters dead and more than 100 injured.", [("killed", 9), ("injured", 100)]),
    ("The storm left 30 people dead and 2,000 homeless.", [("killed", 30), ("displaced", 2000)]),
    # a modal before a perfect guesses at what happened; before a bare verb, or "could have", it is unreal
    ("Up to 2,000 people may have died, the UN warned.", [("killed", 2000)]),
    ("The bomb could have killed 100 people.", []),
    ("The rebels may kill 20 hostages.", []),
    # a force a relative clause says killed or injured is the attackers, no force level; one that
    # attacked or arrested stays a force
    ("The seven militants who killed 20 people at a restaurant were local men, police said.", [("killed", 20)]),
    ("About 5,000 fighters who attacked the town last year remain in the area.", [("troops", 5000)]),
    # "could have" before an upper estimate guesses too, unless a condition says it did not happen
    ("Some officials have predicted as many as 40,000 could have died.", [("killed", 40000)]),
    ("Up to 100 people could have been killed if the bomb had exploded.", []),
    # a number a copula gives its subject counts that subject, never another count's noun
    ("At least one of his aides may have died in the raid, and total casualties were between 50 and 100.",
     [("killed", 1)]),
    ("Deaths were 300.", [("killed", 300)]),
    # "more" after a number says how many, not what they are
    ("The Pentagon said it would send about 3,000 more troops to the region.", [("troops", 3000)]),
    # "two dozen" whichever way the parser hangs "dozen"
    ("Police have harassed and briefly detained more than two dozen members, but until now the government "
     "had not leveled such allegations.", [("arrested", 24)]),
    ("The number of dead has climbed to 1,200, with another 3,400 hurt.", [("killed", 1200), ("injured", 3400)]),
    # people aboard a missing craft are missing
    ("Grave fears were held for the safety of the nine crew on the missing cutter.", [("missing", 9)]),
    ("The 12 passengers on the missing plane were Canadians.", [("missing", 12)]),
    ("The 300 passengers on the ferry were safe.", []),
    ("Fifty-two people were killed in the attacks, as were the four bombers, and about 700 injured.",
     [("killed", 52), ("killed", 4), ("injured", 700)]),
    # two digits after a year's mark are a year
    ("He denied committing the '93 killings in Alabama.", []),
    # the state a verb of counting gives after "as"
    ("More than 1,600 people were listed as seriously injured.", [("injured", 1600)]),
    ("Some 1,200 people have been confirmed dead and 3,400 others were reported as injured, the center said.",
     [("killed", 1200), ("injured", 3400)]),
    ("He listed 40 people as witnesses.", []),
    # the state after "to be", and those trapped are not yet accounted for
    ("Over 1,000 people are estimated to be still trapped in the ruins of the destroyed buildings.",
     [("missing", 1000)]),
    ("The landslide trapped 12 people in their homes.", [("missing", 12)]),
    # rounds and shots fired are munitions; rounds of talks are not
    ("The gunman fired 40 rounds from his handgun.", [("munitions", 40)]),
    ("The talks went through three rounds.", []),
    # those living in tents and tent cities are displaced
    ("Some 26,000 survivors are still living in tent cities.", [("displaced", 26000)]),
    ("Two million people live in the capital.", []),
    # a fire burns people and things: people burned were injured, city blocks burned are no count
    ("By Friday, the blaze had burned nearly 40 city blocks in the valley.", []),
    ("The fire burned 20 people in the village.", [("injured", 20)]),
    # a number standing for its noun under a verb of harm to people counts people
    ("Two were stabbed in the attack near the station.", [("injured", 2)]),
    ("The old poster in the gun shop read Shoot a Day or Two in large letters.", []),
    # with no object, the subject of "evacuate" is who left; with one, it is who moved them
    ("Around 12,000 people have evacuated, officials noted.", [("displaced", 12000)]),
    ("About 500 police evacuated the town.", [("troops", 500)]),
    ("At least one nursing home is evacuating, the governor said.", []),
    # a participle the model takes for a noun still says what befell its number
    ("The mayor praised the guards, including the four slain at the gate last week.", [("killed", 4)]),
    ("Relatives of the nine slain gathered outside the court.", [("killed", 9)]),
    # those an ambulance service transported to hospital were hurt
    ("The ambulance service said it had transported 31 patients to the hospital.", [("injured", 31)]),
    # officers dismissed or punished are no force
    ("He and three other officers were sacked over the death on Monday.", []),
    ("The department suspended four officers after the raid.", []),
    # a verb joined after another with no subject of its own that says how it ended counts them
    ("Two guards were injured and later died in hospital.", [("killed", 2)]),
    ("Three hikers were shot and later died of their wounds.", [("killed", 3)]),
    ("Four guards were injured and taken to hospital.", [("injured", 4)]),
    ("Two climbers are still missing, presumed dead.", [("missing", 2)]),
    # the object of a relative clause that the parser made a second subject of the main verb
    ("A blast near the consulate office in Haifa that killed at least one person early Friday is being "
     "investigated.", [("killed", 1)]),
    ("A blast that damaged the old market is being investigated by two teams.", []),
    # a clause joined to a passive one shares its "were", wherever the parser hangs it
    ("Two police officers were killed in the standoff, and 30 wounded, mostly from shrapnel, officials said. "
     "Television stations broadcast video of bloodied officers being carried on stretchers from the scene, until "
     "officials asked the networks to stop.",
     [("killed", 2), ("injured", 30)]),
    ("Two officers were killed, and the gunmen fled.", [("killed", 2)]),
])
def test_reading_rules(nlp, text, expected):
    assert sorted(read(nlp, text)) == sorted(expected)


def test_a_partitive_is_a_part_and_of_them_is_the_whole(nlp):
    (part,) = readings(parse(nlp, "Five of the dead were port workers."), load_words())
    assert part.subset and (part.kind, part.value) == ("killed", 5)
    (whole,) = readings(parse(nlp, "Rebels attacked the convoy, killing 67 of them."), load_words())
    assert not whole.subset


def test_a_count_the_recogniser_took_for_a_date_is_read(nlp):
    assert read(nlp, "Of the injured on Thursday night, 76 remain hospitalized.") == [("injured", 76)]
    assert read(nlp, "The attack happened on 12 March.") == []


def test_a_figure_of_a_past_event_carries_its_year(nlp):
    (r,) = readings(parse(nlp, "The worst fire was in 1978 in a small town, when 20 people died in a hotel."), load_words())
    assert "1978" in (r.when or "")


def test_demonyms_and_codes_name_one_country():
    assert country_of("American") == country_of("US") == country_of("U.S.") == country_of("United States")
    assert country_of("Hondurans") == country_of("Honduras")
    assert country_of("TT") is None  # an agency's initials, not Trinidad and Tobago
    # a three-letter code names its country only in capitals: "Ala" is a minister, "Sen." a senator
    assert country_of("USA") == country_of("US") and country_of("UAE") == country_of("United Arab Emirates")
    assert [country_of(w) for w in ("Ala", "Sen", "Ben", "and", "can", "per")] == [None] * 6


# -- one row per quantity ----------------------------------------------------------------------
def test_one_toll_named_many_ways_is_one_row_citing_every_source(nlp):
    led = ledger(nlp, "Seven service members were killed in the bombing.",
                 "Seven soldiers died in the bombing.",
                 "The bombing killed seven troops, officials said.")
    (row,) = led.rows
    (value,) = row.values
    assert (row.kind, value.value, value.sources) == ("killed", 7, ("S1", "S2", "S3"))


def test_a_toll_that_names_no_group_joins_the_named_one(nlp):
    led = ledger(nlp, "The bombing killed 12 soldiers.", "Officials said 12 were dead after the bombing.")
    (row,) = led.rows
    assert row.values[0].sources == ("S1", "S2") and "soldiers" in row.label


def test_values_that_differ_are_one_row_and_a_conflict(nlp):
    led = ledger(nlp, "Gunmen killed 12 soldiers at the checkpoint.", "Gunmen killed 13 soldiers at the checkpoint.")
    (row,) = led.rows
    (d,) = led.discrepancies
    assert {v.value for v in row.values} == {12, 13} and row.conflict and d.values == (12, 13)


def test_a_rising_toll_is_told_as_a_change_over_time(nlp):
    led = ledger(nlp, "At least 60 civilians were killed in the bombing.",
                 "As many as 170 civilians were killed in the bombing.",
                 published=("2024-08-26", "2024-08-28"))
    (d,) = led.discrepancies
    assert not d.conflict  # at least 60 and as many as 170 can both be right
    assert d.change.endswith("rose from at least 60 (26 Aug, S1) to as many as 170 (28 Aug, S2)")
    assert [v.value for v in led.rows[0].values] == [170, 60]  # the most recent first


def test_parts_sit_under_their_total_and_never_conflict(nlp):
    led = ledger(nlp, "Thirteen US service members were killed in the attack.",
                 "Ten Marines were killed in the attack.")
    total = next(r for r in led.rows if r.part_of is None)
    marines = next(r for r in led.rows if r.part_of)
    assert marines.part_of == total.id and marines.id in total.parts
    assert led.discrepancies == ()


def test_a_smaller_number_later_in_an_article_is_a_part_of_its_toll(nlp):
    led = ledger(nlp, "The fire killed 60 people. Police said 59 bodies were found at the scene.")
    total = next(r for r in led.rows if r.part_of is None)
    assert [v.value for v in total.values] == [60]
    assert [v.value for r in led.rows if r.part_of == total.id for v in r.values] == [59]
    assert led.discrepancies == ()


def test_a_revised_toll_keeps_both_values(nlp):
    led = ledger(nlp, "The fire killed 60 people. The death toll later rose to 67 from 60.")
    (d,) = led.discrepancies
    assert d.values == (60, 67)


def test_tolls_of_different_events_or_years_are_different_quantities(nlp):
    led = ledger(nlp, "The fire killed 60 people.", "In 1978, 20 people died in a hotel fire.")
    assert len([r for r in led.rows if r.part_of is None]) == 2 and led.discrepancies == ()
    led = ledger(nlp, "Militia officials said an airstrike killed 16 fighters.",
                 "Two explosions claimed by the group resulted in the loss of nearly 100 lives.")
    assert led.discrepancies == ()


def test_more_kinds_are_reconciled_too(nlp):
    led = ledger(nlp, "Air defences shot down six drones over the port.",
                 "Air defences shot down eight drones over the port.")
    (d,) = led.discrepancies
    assert d.values == (6, 8)


def test_every_figure_names_its_ledger_row(nlp):
    led = ledger(nlp, "The bombing killed 12 soldiers and wounded 30 civilians.")
    ids = {r.id for r in led.rows}
    assert led.figures and all(f.quantity in ids for f in led.figures)


# -- prose follows the ledger --------------------------------------------------------------------
def test_similar_in_never_joins_sentences_whose_numbers_differ(nlp):
    parsed = parse(nlp, "A suicide bomber killed 12 soldiers at a checkpoint near the city on Monday.",
                   "A suicide bomber killed 15 soldiers at a checkpoint near the city on Monday.",
                   "A suicide bomber killed 12 soldiers at the checkpoint near the city on Monday.")
    sentences = [s for p in parsed for s in p.sentences]
    _, near = DuplicateIndex(sentences).copies(sentences[0])
    assert [s.source for s in near] == ["S3"]


def test_people_of_one_country_are_a_part_of_an_unqualified_toll(nlp):
    led = ledger(nlp, "The bombing in the capital killed 213 people.", "The bombing in the capital killed 12 Americans.")
    assert led.discrepancies == ()  # 12 Americans are among the 213, not a rival count
    led = ledger(nlp, "The bombing killed 21 people.", "The bombing killed 21 Israelis.")
    (row,) = led.rows
    assert row.values[0].sources == ("S1", "S2")  # the same number is the same toll


def test_force_levels_that_say_neither_where_nor_whose_are_not_rivals(nlp):
    assert ledger(nlp, "Some 5,000 soldiers stood by to help.", "The army sent 475 soldiers to the coast.").discrepancies == ()


def test_a_force_sent_to_one_event_is_one_quantity_wherever_it_is_named(nlp):
    # firefighters at one fire are one force: two reports of them differ
    led = ledger(nlp, "A wildfire killed 20 people. Some 14,000 firefighters battled the blaze.",
                 "The wildfire has killed 20 people. About 14,800 firefighters continue to combat it.")
    (d,) = led.discrepancies
    assert d.values == (14_000, 14_800)
    # (also where the report names its one event only sentences before)
    led = ledger(nlp, "A wildfire killed 20 people. Some 14,000 firefighters battled the blaze.",
                 "The wildfire has killed 20 people. Officials met on Monday. The mayor spoke to reporters. "
                 "Residents waited in long lines. Shops were closed. More than 250 firefighters remained in the area.")
    (d,) = led.discrepancies
    assert d.values == (250, 14_000)
    # but not at two events, and soldiers stay a standing force
    assert ledger(nlp, "A wildfire killed 20 people. Some 14,000 firefighters battled the blaze.",
                  "A plane crashed, killing 20 people. About 800 firefighters worked at the site.").discrepancies == ()
    assert ledger(nlp, "A wildfire killed 20 people. Some 5,000 soldiers fought the blaze.",
                  "The wildfire has killed 20 people. About 4,000 soldiers fought it.").discrepancies == ()

def test_a_force_a_named_body_holds_is_one_quantity(nlp):
    # the same named force in two reports is one force, its size changing
    led = ledger(nlp, "The governor deployed 300 members of the Ohio National Guard on Friday.",
                 "The governor expects 600 members of the Ohio National Guard to help on Saturday.")
    (d,) = led.discrepancies
    assert d.values == (300, 600)
    # another body's members, or members of none, are no rival
    assert ledger(nlp, "The governor deployed 300 members of the Ohio National Guard on Friday.",
                  "The governor expects 600 members of the Texas National Guard to help on Saturday.").discrepancies == ()
    assert ledger(nlp, "The governor deployed 300 members of the National Guard on Friday.",
                  "The governor expects 600 members of the National Guard to help on Saturday.").discrepancies == ()


def test_a_count_whose_sentence_names_another_country_holds_no_part_of_a_city_there(nlp):
    # strikes "on Lebanon's southern coast" hurt 60, then 75; the drone attack in Haifa the day
    # before, 10: two tolls, and Haifa's no part of Lebanon's
    led = ledger(nlp, "A drone attack in Haifa injured at least 10 people on Friday. The army vowed to respond.",
                 "The strikes came a day after a drone attack in Haifa injured at least 10 others. The strikes "
                 "hit fuel tanks on Lebanon's southern coast and injured at least 60 people.",
                 "The strikes hit fuel tanks on Lebanon's southern coast, injuring 75 people.")
    rows = {tuple(v.value for v in r.values): r for r in led.rows}
    assert set(rows) == {(10,), (60, 75)}
    assert rows[(60, 75)].parts == () and rows[(10,)].part_of is None


def test_a_toll_across_two_countries_is_not_a_city_s_toll(nlp):
    led = ledger(nlp, "The two bombings killed 224 people in Kenya and Tanzania.",
                 "The bombing killed 213 people in Nairobi.")
    assert led.discrepancies == ()


def test_an_attacker_named_before_an_attack_noun_is_no_place(nlp):
    (r,) = readings(parse(nlp, "U.S. cruise missile strikes killed 26 people on Aug. 20."), load_words())
    assert not r.places


def test_an_events_toll_restated_weeks_later_is_the_same_toll(nlp):
    led = ledger(nlp, "The bombing killed 213 people in Nairobi.", "The bombing killed 213 people in Nairobi.",
                 published=("1998-10-23", "1998-11-12"))
    (row,) = led.rows
    assert row.values[0].sources == ("S1", "S2")


def test_a_toll_takes_the_event_the_sentences_before_name(nlp):
    parsed = parse(nlp, "The bombings killed 224 people.",
                   "The navy retaliated a week later, firing cruise missiles at camps in the mountains. "
                   "At least 26 people were killed.")
    led = build_ledger(readings(parsed, load_words()), parsed, load_words())
    # the 26 are the strike's dead, not a second value of the bombings' toll
    assert led.discrepancies == () and len(led.rows) == 2


def test_a_toll_in_a_disaster_that_caused_another_event_is_the_disaster_s(nlp):
    # "that disaster" names no class of event: the quake told before, not the landslides it triggered
    led = ledger(nlp, "The earthquake injured 300 people in Peru on Monday. It caused damage of $2 billion.",
                 "Rescuers searched the rubble after the earthquake on Monday. More than 40 people are missing and "
                 "about 400 were hurt in that disaster, which destroyed homes, triggered landslides and cut power. "
                 "The government put the damage at $2 billion.",
                 published=("2024-03-04", "2024-03-06"))
    injured = [r for r in led.rows if r.kind == "injured"]
    assert len(injured) == 1 and sorted(v.value for v in injured[0].values) == [300, 400]
    # nor is the landslide the event of what the next sentence counts
    (damage,) = [r for r in led.rows if r.kind == "damage"]
    assert damage.values[0].sources == ("S1", "S2")
    # an indefinite "disasters" points back to none: the attack is the event
    parsed = parse(nlp, "Europe suffered fewer natural disasters, but 191 people were killed after the bombing.")
    assert [r.event for r in readings(parsed, load_words())] == ["explosion"]


def test_a_toll_of_an_event_joins_a_group_s_toll_whose_event_no_source_names(nlp):
    # no source says what killed the customers: nothing makes the shooting's five another toll
    led = ledger(nlp, "Five customers were killed, the company said.",
                 "A gunman opened fire at the office, killing five.")
    (row,) = led.rows
    assert row.values[0].sources == ("S1", "S2")


def test_a_people_the_recogniser_takes_for_a_place_puts_no_toll_elsewhere(nlp):
    # "a Dutchman" is a person, not the Netherlands: the 24 wounded are still the attack's in Jakarta
    led = ledger(nlp, "Bombs exploded in Jakarta on Monday. Twenty people were wounded in the attacks, officials said.",
                 "Twenty-four people were seriously wounded, including an Austrian, a German and a Dutchman.",
                 published=("2016-01-14", "2016-01-15"))
    (injured,) = [r for r in led.rows if r.kind == "injured"]
    assert sorted(v.value for v in injured.values) == [20, 24] and injured.conflict


def test_a_count_a_definite_word_points_back_to_joins_its_toll_whatever_the_places_around_it(nlp):
    # "the 36 wounded" are the bombing's 36, though the sentences around name only Israel; a
    # second country's own count of the same number, unpointed, stays apart
    led = ledger(nlp, "A suicide bomber killed five people and wounded 36 in Istanbul on Saturday.",
                 "Israel has confirmed that three of its citizens died in the blast. Israel is trying to "
                 "determine whether they were targeted. Eleven of the 36 wounded were Israelis.",
                 published=("2016-03-19", "2016-03-20"))
    (wounded,) = [r for r in led.rows if r.kind == "injured" and r.part_of is None]
    assert [(v.value, v.sources) for v in wounded.values] == [(36, ("S1", "S2"))]
    led = ledger(nlp, "A suicide bomber killed five people and wounded 36 in Istanbul on Saturday.",
                 "Israel has confirmed that its citizens died in the blast. Israel is trying to "
                 "determine whether they were targeted. 36 people were wounded in riots on Sunday.",
                 published=("2016-03-19", "2016-03-20"))
    assert sorted(v.sources for r in led.rows if r.kind == "injured" for v in r.values) == [("S1",), ("S2",)]


def test_a_group_s_toll_given_on_its_own_is_the_part_another_source_singles_out(nlp):
    # the five assailants one report counts are the five of the seven dead another calls attackers
    led = ledger(nlp, "Explosions rocked Jakarta on Thursday. At least two civilians were killed along with five assailants.",
                 "Just seven people were killed in the siege, and five of the dead were the attackers themselves.",
                 "The bombings left all five attackers and two civilians dead on Thursday.",
                 published=("2016-01-14", "2016-01-15", "2016-01-17"))
    (total,) = [r for r in led.rows if r.kind == "killed" and r.values[0].value == 7]
    (attackers,) = [r for r in led.rows if r.label.startswith("attackers")]
    assert attackers.part_of == total.id and attackers.values[0].sources == ("S1", "S2", "S3")
    assert not total.conflict


def test_a_date_in_an_included_part_is_not_the_count_s(nlp):
    # 1996 dates the Olympics blast, one of the three: the three are one count with the three of 1996-97
    led = ledger(nlp, "He is wanted for questioning in three Atlanta bombings, including the 1996 Olympics blast.",
                 "He is wanted for three bombings in the Atlanta area.")
    (row,) = [r for r in led.rows if r.kind == "attacks"]
    assert row.values[0].sources == ("S1", "S2") and "1996" not in row.label


def test_a_count_of_others_than_the_people_its_clause_names_is_a_part(nlp):
    # the 29 are besides Xu, Qin and Wang: some of the 32 detained, not a toll that fell from 32
    led = ledger(nlp, "In three weeks, at least 32 people have been detained or questioned.",
                 "In the past month, authorities have arrested and convicted Xu, Qin and Wang and detained "
                 "or interrogated at least 29 other party members.",
                 published=("1998-12-20", "1998-12-24"))
    (total,) = [r for r in led.rows if r.part_of is None]
    (part,) = [r for r in led.rows if r.part_of is not None]
    assert [v.value for v in total.values] == [32] and [v.value for v in part.values] == [29]
    assert part.part_of == total.id and not led.discrepancies
    # with nobody named in its clause, "other" sets no part apart
    led = ledger(nlp, "Police detained the leader on Friday. Officers later detained 12 other members.")
    assert [(v.value, r.part_of) for r in led.rows for v in r.values] == [(12, None)]


def test_a_range_of_counts_is_revised_only_by_a_change_of_its_own(nlp):
    # "hoping to increase this to 6,000" changes nothing of "3,500 to 4,000": one range, no conflict
    led = ledger(nlp, "They are burying 3,500 to 4,000 bodies a day, hoping to increase this to 6,000 soon.",
                 "Officials were burying 3,500 to 4,000 bodies a day.")
    (row,) = led.rows
    assert [(v.value, v.upper, v.sources) for v in row.values] == [(3500, 4000, ("S1", "S2"))]
    assert not row.conflict and not any(d.conflict for d in led.discrepancies)
    led = ledger(nlp, "The toll rose from 50 to 60.")
    assert sorted(v.value for v in led.rows[0].values) == [50, 60]


def test_the_same_done_at_other_places_is_another_quantity(nlp):
    # the 2,600 were evacuated from two other prisons: no value of the 1,700 of the Ramsey Unit
    led = ledger(nlp, "The department began evacuating on Friday about 1,700 inmates at its Ramsey Unit due to "
                      "flooding. It evacuated about 2,600 inmates from two other facilities due to flooding.")
    assert sorted(tuple(v.value for v in r.values) for r in led.rows) == [(1700,), (2600,)]
    assert not any(r.conflict for r in led.rows)


def test_arrests_at_a_previous_protest_are_another_count_not_a_correction(nlp):
    # a gathering is no class of event a toll is told by, yet "previous" makes it another occasion
    led = ledger(nlp, "Police said 28 people had been arrested overnight. Later, police corrected the number of "
                      "people arrested to 25. A previous protest was peaceful though police arrested 22 people.")
    rows = sorted(tuple(sorted(v.value for v in r.values)) for r in led.rows)
    assert rows == [(22,), (25, 28)]


def test_a_sum_s_currency_is_labelled_with_the_country_that_names_it(nlp):
    # U.S. dollars are the dollars of "$": one quantity; Hong Kong dollars and C$ are sums apart
    led = ledger(nlp, "The quake caused about 20 billion U.S. dollars in damage.",
                 "The quake caused $25 billion in damage.",
                 "The quake caused 30 billion Hong Kong dollars in damage.",
                 "The quake caused C$9 billion in damage.")
    labels = sorted((r.label, tuple(sorted(v.value for v in r.values))) for r in led.rows)
    assert labels == [("damage in C$", (9_000_000_000,)), ("damage in Hong Kong dollars", (30_000_000_000,)),
                      ("damage in dollars", (20_000_000_000, 25_000_000_000))]


def test_an_estimate_s_modal_stays_in_its_hedge(nlp):
    led = ledger(nlp, "One analyst estimated insurance losses could exceed C$9 billion.")
    (row,) = led.rows
    assert row.label == "damage in C$" and row.values[0].hedge == "could exceed"


def test_a_place_a_size_is_compared_to_puts_no_toll_elsewhere(nlp):
    # Manhattan measures the fire; it is not where the 88,000 were evacuated
    led = ledger(nlp, "Residents fled the burning city. The fire covered an area about the size of the "
                      "island of Manhattan. Authorities said 88,000 people were evacuated amid the fire.",
                 "The fire prompted the evacuation of 88,000 people from Fort McMurray in Canada.",
                 published=("2016-05-04", "2016-05-07"))
    (row,) = [r for r in led.rows if r.kind == "displaced"]
    assert row.values[0].sources == ("S1", "S2")


def test_members_of_a_body_are_labelled_by_the_body(nlp):
    led = ledger(nlp, "Police arrested 32 members of the party on Sunday.")
    assert [r.label for r in led.rows] == ["members of the party arrested"]


def test_an_earlier_year_s_toll_is_another_event_and_others_are_more_of_a_toll(nlp):
    # reports of a 2016 quake recall the 1999 one: its 2,400 are no value of today's toll; "two
    # others died elsewhere" are more dead, not a second value of the toll before them
    led = ledger(nlp, "A powerful earthquake struck Taiwan on Saturday, killing at least two people. "
                      "Many residents lived through a massive 1999 tremor that killed about 2,400 people.",
                 "A major earthquake in central Taiwan killed about 2,400 people.",
                 "The earthquake on Saturday killed at least 39 people in a toppled building. "
                 "Two others died elsewhere in the city.",
                 published=("2016-02-06", "2016-02-06", "2016-02-09"))
    tolls = sorted(tuple(sorted(v.value for v in r.values)) for r in led.rows if r.kind == "killed" and r.part_of is None)
    assert tolls == [(2, 39), (2400,)]
    (others,) = [r for r in led.rows if r.part_of is not None]
    assert [v.value for v in others.values] == [2] and others.values[0].sources == ("S3",)


def test_others_a_place_sets_apart_are_that_place_s_toll(nlp):
    led = ledger(nlp, "The storm killed 32 people in Honduras. Eight others died in Nicaragua in flooding.",
                 "About 2,000 people were killed in Nicaragua, officials said.",
                 published=("1998-10-29", "1998-11-05"))
    (row,) = [r for r in led.rows if r.kind == "killed" and "Nicaragua" in r.label]
    assert sorted(v.value for v in row.values) == [8, 2000] and row.conflict


def test_a_retrospective_s_dated_toll_stays_with_the_reports_of_its_year(nlp):
    led = ledger(nlp, "The earthquake killed 15,000 people, officials said.",
                 "The August 1999 earthquake killed 17,000 people.",
                 published=("1999-08-25", "2000-08-15"))
    (row,) = [r for r in led.rows if r.kind == "killed"]
    assert sorted(v.value for v in row.values) == [15000, 17000]


def test_a_place_named_by_a_possessive_is_still_the_place_around_a_toll(nlp):
    # "in Istanbul's historic heart" is in Turkey: the toll is not one told around "from Syria" only
    led = ledger(nlp, "A suicide bomber thought to be from Syria killed at least 10 people, many of them tourists, "
                      "in Istanbul's historic heart on Tuesday.",
                 "Turkish police detained three people after a suicide bombing in Istanbul that killed 10 tourists.",
                 published=("2016-01-12", "2016-01-13"))
    (killed,) = [r for r in led.rows if r.kind == "killed" and r.part_of is None]
    assert killed.values[0].sources == ("S1", "S2")


def test_a_group_s_count_another_source_gives_as_its_toll_stays_its_value_beside_a_total(nlp):
    led = ledger(nlp, "At least two civilians were killed, officials said.",
                 "Seven people were killed in the siege, and five of the dead were the attackers themselves.",
                 "Police named the man behind the wave of bombings that left all five attackers and two civilians "
                 "dead on Thursday.")
    civilians = [r for r in led.rows if r.label == "civilians killed"]
    assert [(r.part_of, r.values[0].sources) for r in civilians] == [(None, ("S1", "S3"))]


def test_the_attack_and_the_bombing_of_one_place_are_one_toll(nlp):
    led = ledger(nlp, "The attack in Nairobi killed 213 people.", "The bombing in Nairobi killed 213 people.")
    (row,) = led.rows
    assert row.values[0].sources == ("S1", "S2")


def test_a_strike_s_dead_are_not_the_troops_an_attack_killed(nlp):
    led = ledger(nlp, "The drone attack on the base killed three soldiers and injured 41 soldiers.",
                 "At least 36 people were injured in the strikes on the militia headquarters.")
    assert led.discrepancies == ()


def test_people_described_by_nouns_the_lexicon_lacks_are_one_toll_when_the_number_is_the_same(nlp):
    led = ledger(nlp, "Kidnappers beheaded four hostages.", "The four men were beheaded by their kidnappers.",
                 "Four foreigners were beheaded, police said.")
    (row,) = led.rows
    assert row.values[0].sources == ("S1", "S2", "S3")
    # a different number of another undescribed group stays its own row: nothing says it is the same
    led = ledger(nlp, "Kidnappers beheaded four hostages.", "Gunmen killed two engineers.")
    assert len(led.rows) == 2 and led.discrepancies == ()


def test_a_part_that_does_something_else_is_no_figure(nlp):
    assert read(nlp, "One of four foreigners beheaded by kidnappers in Somalia claimed in a videotape shown "
                     "today that he was a spy.") \
        == [("killed", 4)]


def test_a_number_after_the_noun_it_modifies_is_a_name(nlp):
    assert read(nlp, "Flight 447 disappeared over the ocean with 228 people on board, and 12 were later found dead.") \
        == [("killed", 12)]


def test_bodies_found_so_far_are_a_part_of_the_toll_and_change_as_a_part(nlp):
    led = ledger(nlp, "The crash killed all 228 people on board.",
                 "Divers have recovered 16 bodies from the water.",
                 "Autopsies were done on the fifty or so bodies that have been found so far.",
                 published=("2009-06-02", "2009-06-08", "2009-06-18"))
    toll = next(r for r in led.rows if r.part_of is None)
    (part,) = [r for r in led.rows if r.part_of == toll.id]
    assert [v.value for v in toll.values] == [228] and sorted(v.value for v in part.values) == [16, 50]
    # the count of bodies found rose; the toll itself did not change
    (d,) = led.discrepancies
    assert d.quantity == part.id


def test_a_range_of_a_part_is_one_part(nlp):
    led = ledger(nlp, "The earthquake killed 300 people in the province. Rescuers in one town said they brought "
                      "out between seven and eight bodies on Tuesday.")
    (part,) = [r for r in led.rows if r.part_of is not None]
    assert [(v.value, v.upper) for v in part.values] == [(7, 8)]


def test_a_toll_in_a_region_is_the_story_s_own_toll(nlp):
    led = ledger(nlp, "The hurricane killed 9,000 people in Central America.",
                 "The hurricane killed 10,000 people, officials said.",
                 "The hurricane killed 231 people in Honduras.")
    by_values = {tuple(sorted(v.value for v in r.values)) for r in led.rows}
    assert by_values == {(9000, 10000), (231,)}


def test_a_toll_of_a_named_past_event_is_another_quantity(nlp):
    led = ledger(nlp, "Troops killed 40 villagers in the region on Tuesday.",
                 "He said 40,000 villagers were killed by soldiers for protecting commandos during World War II.")
    assert len(led.rows) == 2 and led.discrepancies == ()


def test_tolls_of_events_dated_to_different_days_are_different_quantities(nlp):
    led = ledger(nlp, "Soldiers killed 40 civilians on Nov. 20, witnesses said.",
                 "Soldiers killed one civilian on Friday, witnesses said.",
                 published=("1998-11-24", "1998-12-11"))
    assert len(led.rows) == 2 and led.discrepancies == ()
    # a date on the verb that reports or revises the toll dates the report, not the event
    led = ledger(nlp, "Soldiers killed 40 civilians, witnesses said on Tuesday.",
                 "The death toll rose to 45 on Friday.", published=("1998-11-24", "1998-11-28"))
    assert len(led.discrepancies) == 1


def test_a_toll_of_a_dated_past_event_carries_its_year(nlp):
    (r,) = readings(parse(nlp, "Militiamen took part in a 1994 genocide in which 800,000 people were killed."),
                    load_words())
    assert r.value == 800_000 and "1994" in (r.when or "")


def test_a_force_level_is_no_event_s_toll(nlp):
    led = ledger(nlp, "About 3,500 rebel troops surrounded the town after the strikes.",
                 "About 3,500 rebel troops closed in on the town after days of fighting.")
    (row,) = led.rows
    assert row.values[0].sources == ("S1", "S2")


def test_where_a_clause_says_it_happened_even_when_the_name_only_modifies_its_head(nlp):
    (r,) = readings(parse(nlp, "El Salvador _ where 140 people died in flash floods _ declared a state of "
                               "emergency Saturday."), load_words())
    assert [p.key for p in r.places] == ["el salvador"]


def test_a_town_a_where_clause_hangs_on_is_where_it_happened_through_a_verb_of_belief(nlp):
    found = readings(parse(nlp, "Floods hit the town of Jonesville, where 40 people died.",
                           "In Ruritania, where more than 2,000 people are thought to have died, the currency fell."),
                     load_words())
    assert [[p.key for p in r.places] for r in found] == [["jonesville"], ["ruritania"]]


def test_a_count_from_an_article_on_another_event_is_no_value_of_a_toll(nlp):
    # two unrelated articles in one folder: a plane crash is no value of an earthquake's toll
    led = ledger(nlp, "An earthquake struck the coast on Sunday. Around 140,000 people were killed.",
                 "The singer and eight others were killed on the plane. The crash shocked her fans.")
    assert led.discrepancies == () and sorted(len(r.values) for r in led.rows if r.kind == "killed") == [1, 1]


def test_a_count_from_an_article_naming_no_event_may_join_a_toll(nlp):
    led = ledger(nlp, "An earthquake struck the coast on Sunday. Around 140,000 people were killed.",
                 "Around 140,000 people were killed, officials said.")
    (row,) = [r for r in led.rows if r.kind == "killed"]
    assert row.values[0].sources == ("S1", "S2")


def test_attackers_who_died_are_counted_apart_from_their_victims(nlp):
    led = ledger(nlp, "Fifty people were killed when four suicide bombers blew themselves up on the trains.",
                 "The bombings killed 50 people.")
    rows = {tuple(v.value for v in r.values): r for r in led.rows}
    assert set(rows) == {(50,), (4,)} and rows[(50,)].values[0].sources == ("S1", "S2")
    # an unnamed toll that gives the attackers' own number is theirs
    led = ledger(nlp, "The two bombers were killed in the blast.", "Two people were killed in the blast.")
    (row,) = led.rows
    assert row.values[0].sources == ("S1", "S2")


def test_some_of_whom_or_of_them_are_labelled_by_the_noun_the_pronoun_stands_for(nlp):
    led = ledger(nlp, "Police arrested 40 people, 12 of whom were injured.")
    assert sorted(r.label for r in led.rows) == ["people arrested", "people injured"]
    led = ledger(nlp, "The derailment injured about 100 passengers, 20 of them seriously.")
    total = next(r for r in led.rows if r.part_of is None)
    (part,) = [r for r in led.rows if r.id in total.parts]
    assert part.label == "passengers injured" and part.values[0].value == 20


def test_two_parts_one_sentence_gives_are_two_rows_whatever_words_they_share(nlp):
    led = ledger(nlp, "Police detained 1,000 people in the crackdown.",
                 "Of the detainees, 700 were between 16 and 17 years old and 80 were 12 years old or younger.")
    parts = sorted(tuple(v.value for v in r.values) for r in led.rows if r.part_of is not None)
    assert parts == [(80,), (700,)] and led.discrepancies == ()


def ends(row) -> list[tuple]:
    """A row's values as a reader sees them: a number, or a range's (low, high)."""
    return sorted((v.value,) if v.upper is None else (v.value, v.upper) for v in row.values)


def test_the_ends_of_one_range_are_one_value_and_no_conflict(nlp):
    led = ledger(nlp, "Workers were burying 3,500 to 4,000 bodies a day.",
                 "Officials said workers were burying 3,500 to 4,000 bodies a day.")
    (row,) = led.rows
    assert ends(row) == [(3500, 4000)] and row.values[0].sources == ("S1", "S2") and not row.conflict
    # the flat figures and the discrepancy still give both ends, the values of the contract
    (d,) = led.discrepancies
    assert sorted(f.value for f in led.figures) == [3500, 4000] and d.values == (3500, 4000) and not d.conflict
    assert len(d.by_value) == 1 and d.change == ""
    # an end another source gives alone is a value of its own, and the range is shown once
    led = ledger(nlp, "Between 50 and 60 people were killed in the fire.", "The fire killed 60 people.")
    (row,) = led.rows
    assert ends(row) == [(50, 60), (60,)] and [v.sources for v in row.values if v.upper is None] == [("S2",)]
    (d,) = led.discrepancies
    assert not d.conflict and "50\u201360 (S1)" in d.change
    # rival values one sentence gives are a conflict
    (d,) = ledger(nlp, "The government says 30,000 people died, while aid agencies say 90,000 died.").discrepancies
    assert d.conflict
    # written out "150 to 200 bodies", however the parser split it, still one row of a rate
    (row,) = ledger(nlp, "Officials in the port city are burying 150 to 200 bodies a day, the minister said.").rows
    assert ends(row) == [(150, 200)] and row.label == "people killed a day"
    # and a source's own 200 lies in another's "150 to 200"
    (d,) = ledger(nlp, "Authorities say they are burying 200 bodies a day.",
                  "Officials in the port city are burying 150 to 200 bodies a day, the minister said.").discrepancies
    assert not d.conflict
    # a range is one interval against another source's value
    (d,) = ledger(nlp, "Between 30 and 40 people were killed in the clashes.",
                  "At least 35 people were killed in the clashes.").discrepancies
    assert not d.conflict
    (d,) = ledger(nlp, "Between 30 and 40 people were killed in the clashes.",
                  "At least 60 people were killed in the clashes.").discrepancies
    assert d.conflict


def test_a_bare_count_takes_no_noun_from_where_it_happened(nlp):
    led = ledger(nlp, "Rebels killed 20 in two attacks.")
    assert sorted((r.kind, r.label) for r in led.rows) == [("attacks", "attacks"), ("killed", "people killed")]


def test_a_part_that_says_nothing_more_is_labelled_in_the_sources_words(nlp):
    led = ledger(nlp, "Police detained 1,000 people in the crackdown.",
                 "Of the younger detainees, 766 were between 16 and 17 years old; 226 were between 13 and 15.")
    parts = [r.label for r in led.rows if r.part_of is not None]
    assert len(parts) == 2 and all(label.startswith("younger detainees") for label in parts)


def test_a_period_between_two_dates_is_told_whole(nlp):
    (row,) = ledger(nlp, "More than 18,000 respondents said they were detained between September and "
                         "December 1973.").rows
    assert row.label == "respondents arrested between September and December 1973"


def test_fire_a_gunman_opens_is_a_shooting_not_a_blaze(nlp):
    (r,) = readings(parse(nlp, "He opened fire again, killing five people at the firm."), load_words())
    assert r.event == "shooting"
    (r,) = readings(parse(nlp, "Arsonists set fire to the hall, killing 60 people."), load_words())
    assert r.event == "fire"


def test_a_shooting_toll_told_after_opened_fire_joins_the_shooting_s(nlp):
    led = ledger(nlp, "A gunman killed nine people in a shooting at two offices on Thursday, injuring 13 others.",
                 "The gunman sprayed fire with two handguns. In addition, 13 people were injured.")
    (row,) = [r for r in led.rows if r.kind == "injured"]
    assert row.values[0].sources == ("S1", "S2")


def test_a_toll_of_one_of_the_earlier_events_is_no_value_of_the_story_s(nlp):
    led = ledger(nlp, "A gunman opened fire at a trading firm on Thursday, killing five people.",
                 "The city is still reeling from earlier shootings, including a dispute that left seven people dead.")
    assert led.discrepancies == ()


def test_fire_by_what_fires_it_is_a_shooting_not_a_blaze(nlp):
    led = ledger(nlp, "Troops killed at least 12 insurgents Friday in a battle in western Mosul.",
                 "About 70 guerrillas tried to ambush a patrol with roadside bombs and small-arms fire. After "
                 "regrouping, forces launched an assault in Mosul, killing more than two dozen insurgents.")
    (row,) = [r for r in led.rows if r.kind == "killed"]
    assert sorted(v.value for v in row.values) == [12, 24]


def test_fighters_killed_in_a_battle_are_counted_apart_from_a_toll_that_names_nobody(nlp):
    led = ledger(nlp, "Troops killed at least 12 insurgents on Friday in a battle, the military said.",
                 "Thirty people were killed in attacks on Friday, officials said.")
    assert sorted(tuple(v.value for v in r.values) for r in led.rows) == [(12,), (30,)]
    assert led.discrepancies == ()
    # the same number is the same toll
    led = ledger(nlp, "Troops killed 12 insurgents in a battle on Friday.", "Twelve people were killed in the battle on Friday.")
    (row,) = led.rows
    assert row.values[0].sources == ("S1", "S2")


def test_a_country_that_acts_is_no_place_of_the_toll_but_one_that_reports_it_is(nlp):
    (r,) = readings(parse(nlp, "The United States retaliated by firing missiles at camps in the mountains, "
                               "killing 26 people."), load_words())
    assert not r.places
    (r,) = readings(parse(nlp, "Honduras reported 231 dead."), load_words())
    assert [p.key for p in r.places] == ["honduras"]


def test_a_toll_naming_no_place_joins_the_row_naming_every_country(nlp):
    led = ledger(nlp, "The two bombings killed 224 people in Kenya and Tanzania.",
                 "The bombing killed 213 people in Nairobi.",
                 "The bombing killed 11 people in Tanzania.",
                 "The bombings killed more than 250 people.")
    (row,) = [r for r in led.rows if len(r.values) > 1]
    assert sorted(v.value for v in row.values) == [224, 250]


def test_a_hedged_toll_naming_no_place_joins_the_one_place_whose_toll_it_allows(nlp):
    # "more than 200" cannot be the 11 of the other city: it is the first city's toll, the place unsaid
    led = ledger(nlp, "The bombing killed 213 people in Nairobi.",
                 "The bombing killed 11 people in Dar es Salaam.",
                 "The truck carried the bomb that killed more than 200 people.")
    (d,) = led.discrepancies
    assert d.values == (200, 213) or sorted(d.values) == [200, 213]
    # an exact number that no place gives stays the story's own toll: no conflict with a place
    led = ledger(nlp, "The bombing killed 213 people in Nairobi.",
                 "The bombing killed 11 people in Dar es Salaam.",
                 "The bombings killed 224 people.")
    assert led.discrepancies == ()


def test_people_of_a_country_are_set_apart_unless_they_are_the_place_s_own(nlp):
    led = ledger(nlp, "Twelve Americans were killed in the bombing in Nairobi.", "The bombing killed 26 people.")
    assert led.discrepancies == ()
    led = ledger(nlp, "The bombing in Jerusalem wounded 21 Israelis.", "The bombing wounded 24 people.")
    (d,) = led.discrepancies
    assert d.values == (21, 24)


def test_the_same_number_stated_for_a_city_and_for_its_country_and_another_is_one_value(nlp):
    led = ledger(nlp, "Twelve Americans were killed in the bombing in Nairobi.",
                 "The bombings in Kenya and Tanzania killed 12 Americans.")
    (row,) = led.rows
    assert row.values[0].sources == ("S1", "S2")


def test_a_number_included_in_another_count_is_its_part(nlp):
    # under the count of its own sentence, not the best-attested toll of the story
    led = ledger(nlp, "The drone attack on the base killed three soldiers.",
                 "The drone attack on the base killed three soldiers.",
                 "Officials confirmed the deaths of 16 fighters, including five medics reportedly killed when "
                 "an airstrike hit a base hospital.")
    rows = {r.values[0].value: r for r in led.rows}
    assert rows[5].part_of == rows[16].id and rows[16].part_of is None and led.discrepancies == ()


def test_a_past_event_s_toll_says_when_in_its_label(nlp):
    led = ledger(nlp, "Militiamen took part in a 1994 genocide in which 800,000 people were killed.",
                 "He said 40,000 villagers were killed by soldiers for protecting commandos during World War II.")
    assert {r.label for r in led.rows} == {"people killed in 1994", "villagers killed during World War II"}


def test_inclusion_makes_a_part_and_a_country_is_a_place_whatever_its_label(nlp):
    (r,) = readings(parse(nlp, "At least 1,000 foreigners were among the dead."), load_words())
    assert r.subset
    (r,) = readings(parse(nlp, "Sri Lanka reported 30,000 deaths."), load_words())
    assert [p.key for p in r.places] == ["sri lanka"]


@pytest.mark.parametrize("text, expected", [
    ("Sri Lanka reported 30,000 deaths, India 10,000 and Thailand 5,000.",
     [(30000, ["sri lanka"]), (10000, ["india"]), (5000, ["thailand"])]),
    ("In Indonesia, 80,000 people died; in Sri Lanka, 30,000.", [(80000, ["indonesia"]), (30000, ["sri lanka"])]),
    # a number after a nationality is no list item: a part of the toll, placed nowhere
    ("The bombing killed 213 people, 12 of them Americans.", [(213, []), (12, [])]),
])
def test_a_list_that_leaves_out_the_verb_counts_each_country(nlp, text, expected):
    found = [(r.value, [p.key for p in r.places]) for r in readings(parse(nlp, text), load_words())
             if r.kind == "killed"]
    assert found == expected


def test_a_place_with_a_bare_number_in_a_list_counts_what_the_list_began_with(nlp):
    # "with 95": what the list counts is left out after the first item, whatever the parse hangs it on
    found = {(r.value, tuple(p.key for p in r.places)) for r in readings(parse(
        nlp, "Kano state was worst hit with 412 deaths, followed by Kaduna with 230, Abuja with 95 and Lagos "
             "with 40, the agency said."), load_words()) if r.kind == "killed"}
    assert (95, ("abuja",)) in found
    # no count before it, no list: a team with ten men counts nobody
    assert readings(parse(nlp, "Leeds finished the game with 10 after Smith was sent off."), load_words()) == []


def test_a_disaster_s_tolls_by_country_and_across_the_region_are_rows_of_their_own(nlp):
    led = ledger(nlp,
                 "The tsunami killed more than 80,000 people across the region. "
                 "In Indonesia, 50,000 people died; in Sri Lanka, 20,000.",
                 "The death toll from the tsunami has risen to more than 120,000. "
                 "Indonesia reported 80,000 deaths, Sri Lanka 30,000 and India 10,000.",
                 "Deaths from the tsunami now exceed 150,000, the UN said.",
                 published=("2004-12-29", "2005-01-01", "2005-01-05"))
    rows = {r.label: sorted(v.value for v in r.values) for r in led.rows}
    assert rows == {"people killed in the region": [80000, 120000, 150000],
                    "people killed in Indonesia": [50000, 80000],
                    "people killed in Sri Lanka": [20000, 30000],
                    "people killed in India": [10000]}


def test_a_toll_naming_nobody_is_no_value_of_a_small_named_group_s_toll(nlp):
    led = ledger(nlp, "A powerful earthquake struck the capital on Tuesday. Four peacekeepers from Brazil were killed "
                      "when their base collapsed.",
                 "Officials estimate the earthquake killed about 200,000 people.",
                 "The government said the quake killed 222,570 people.",
                 published=("2010-01-13", "2010-01-20", "2010-03-18"))
    rows = {r.label: sorted(v.value for v in r.values) for r in led.rows}
    assert rows == {"peacekeepers killed": [4], "people killed": [200000, 222570]}


def test_an_earlier_estimate_is_another_value_of_the_count_and_place_it_revises(nlp):
    assert read(nlp, "The storm had killed 4,210 people in Ruritania, down from an earlier estimate of 5,000.") \
        == [("killed", 4210), ("killed", 5000)]
    led = ledger(nlp, "The storm had killed 4,210 people in Ruritania, down from an earlier estimate of 5,000.",
                 "The storm killed 8,000 people in Central America.")
    by_values = {tuple(sorted(v.value for v in r.values)) for r in led.rows}
    assert by_values == {(4210, 5000), (8000,)}


def test_a_region_s_toll_stays_the_region_s_when_a_country_shares_its_number(nlp):
    led = ledger(nlp, "The storm killed 3,000 people in Central America.",
                 "The storm had killed 300 people in Ruritania, down from an earlier estimate of 5,000.",
                 "The storm killed 5,000 people in Central America.")
    rows = {tuple(sorted(v.value for v in r.values)) for r in led.rows}
    assert rows == {(3000, 5000), (300, 5000)}


def test_verbs_joined_in_one_clause_share_where_it_happened(nlp):
    parsed = parse(nlp, "The blast at the market in Peshawar killed 40 people and injured 300.",
                   "The bomb in Zembla killed 9 people and wounded 120.")
    places = {(r.kind, r.value): {p.key for p in r.places} for r in readings(parsed, load_words())}
    assert places[("injured", 300)] == places[("killed", 40)] != set()
    assert places[("injured", 120)] == places[("killed", 9)] != set()
    # a count put elsewhere keeps its own place, and gives none to the clause it is joined to
    parsed = parse(nlp, "Officials said 14 people had died on the small island, and at least nine had died "
                        "elsewhere in the country.")
    places = {r.value: {p.key for p in r.places} for r in readings(parsed, load_words())}
    assert places[14] != places[9] or not places[14]


def test_a_list_under_a_line_saying_what_it_counts_gives_a_toll_per_country(nlp):
    text = ("Officials in several countries are still reporting the numbers of dead as best they can:\n\n"
            "    * Peru - approximately 1,200\n    * Ecuador - more than 700\n\n"
            "Aid is arriving slowly in the worst-hit villages, where roads remain closed and bridges are down.\n\n"
            "    * Bolivia - 300\n")
    found = {(r.kind, r.value, tuple(p.key for p in r.places)) for r in readings(parse(nlp, text), load_words())}
    assert ("killed", 1200, ("peru",)) in found and ("killed", 700, ("ecuador",)) in found
    assert not any(v == 300 for _, v, _ in found)  # prose ended the list
    # a hedge says how sure the number is, not which people it counts
    assert not any("approximately" in r.qualifier for r in readings(parse(nlp, text), load_words()))


def test_a_heading_over_a_list_says_what_its_items_count_and_who_reports_each(nlp):
    text = ("The flood is the worst in a century.\n\nEstimates of the death toll\n\n"
            "    * Reuters - \"at least 1,400 ... the Red Cross says the toll may rise.\"\n"
            "    * The Ministry of Health - \"the confirmed toll passed 1,350, and officials expect more bodies "
            "to be found as the water recedes from the villages in the south.\"\n"
            "    * AFP - about 1,500\n\nSchools in the capital\n\nThe 40 schools will open on Monday.\n")
    found = [(r.kind, r.value) for r in readings(parse(nlp, text), load_words())]
    assert ("killed", 1400) in found and ("killed", 1500) in found and ("killed", 1350) in found
    # a heading that counts nothing heads no count
    assert not any(v == 40 for _, v in found)


def test_a_modal_on_a_verb_of_counting_hedges_the_count_but_a_projection_is_unreal(nlp):
    assert read(nlp, "The northern province alone may have as many as 9,000 dead.") == [("killed", 9000)]
    assert read(nlp, "The final death toll could climb beyond 15,000.") == []


def test_a_country_is_known_by_its_key_in_lower_case():
    assert country_of("sri lanka") == country_of("Sri Lanka") == "sri lanka"
    assert country_of("south korea") == country_of("South Korea") is not None
    assert country_of("new york") is None


def test_a_toll_naming_no_place_is_the_story_s_whole_even_when_one_country_shares_its_number(nlp):
    led = ledger(nlp, "The wave killed 8,000 people in Indonesia.",
                 "The wave killed 900 people in India.",
                 "The death toll from the wave passed 8,000 people, agencies said.",
                 "The death toll from the wave rose to 12,000.")
    rows = {tuple(sorted(v.value for v in r.values)) for r in led.rows if r.kind == "killed"}
    assert (8000, 12000) in rows and (8000,) in rows


def test_counts_of_one_kind_a_sentence_lists_side_by_side_are_two_quantities(nlp):
    led = ledger(nlp, "The report said the quake left 400,000 refugees in camps and 90,000 displaced people.")
    rows = {tuple(v.value for v in r.values) for r in led.rows}
    assert rows == {(400_000,), (90_000,)} and not led.discrepancies
    # and a reader can tell the two rows apart
    assert len({r.label for r in led.rows}) == 2 and "refugees" in {r.label for r in led.rows}
    # a sentence that revises a toll still gives two values of it
    led = ledger(nlp, "The toll rose to 67 deaths from 60 people.")
    assert [tuple(sorted(v.value for v in r.values)) for r in led.rows] == [(60, 67)]
    # but what changed it is no earlier value: "after seven were killed" tells the seven's own count
    led = ledger(nlp, "The toll jumped to 25 after seven people were killed in the mountains.")
    assert {tuple(v.value for v in r.values) for r in led.rows} == {(25,), (7,)} and not led.discrepancies


def test_where_people_were_taken_for_care_is_not_where_it_happened(nlp):
    parsed = parse(nlp, "Five hundred victims of the quake have been treated in Florida so far.")
    (r,) = readings(parsed, load_words())
    assert (r.kind, r.value, r.places) == ("injured", 500, ())


def test_a_dated_toll_and_the_same_toll_undated_are_one_quantity(nlp):
    led = ledger(nlp, "A bomb destroyed the airliner over Scotland in 1994, killing all 180 people on board.",
                 "Investigators reopened the case of the airliner bombing, which killed 180 people.")
    (row,) = [r for r in led.rows if r.kind == "killed"]
    assert [v.value for v in row.values] == [180] and len(row.values[0].sources) == 2


def test_counts_a_sentence_gives_side_by_side_that_add_up_to_a_total_are_its_parts(nlp):
    led = ledger(nlp, "The 1994 bombing of the airliner killed 180 people.",
                 "All 172 people aboard and 8 people on the ground were killed.")
    totals = [r for r in led.rows if r.part_of is None and r.kind == "killed"]
    assert [[v.value for v in r.values] for r in totals] == [[180]]
    parts = sorted(v.value for r in led.rows if r.part_of == totals[0].id for v in r.values)
    assert parts == [8, 172] and not led.discrepancies


def test_different_counts_of_rockets_weeks_apart_are_two_attacks(nlp):
    led = ledger(nlp, "Seventeen rockets struck the air base on Friday.",
                 "Four rockets were launched at the airport in the strike.",
                 published=("2031-03-01", "2031-05-10"))
    assert sorted(tuple(v.value for v in r.values) for r in led.rows) == [(4,), (17,)] and not led.discrepancies


def test_a_toll_takes_the_event_a_verb_with_its_particle_named_just_before(nlp):
    led = ledger(nlp, "Panic during the funeral procession caused a stampede that resulted in at least 40 deaths.",
                 "The air force admitted it had shot down a passenger jet near the capital. "
                 "The 120 people on board were all killed.")
    assert sorted(tuple(v.value for v in r.values) for r in led.rows if r.kind == "killed") == [(40,), (120,)]


def test_two_numbers_several_articles_each_give_apart_are_two_counts(nlp):
    verdict = ("The court found the guard guilty of two murders. His commander was convicted of "
               "three murders.")
    led = ledger(nlp, verdict, verdict, verdict)
    assert led.discrepancies == ()
    assert sorted(v.value for r in led.rows for v in r.values) == [2, 3]



def test_groups_one_sentence_lists_that_add_up_to_a_toll_are_its_parts(nlp):
    led = ledger(nlp, "Gunmen stormed a school in the city, killing 132 children and nine staff members.",
                 "The attack on the school left 141 people dead, the army said.",
                 "At least 145 people were killed in the attack on the school.")
    rows = {v.value: r for r in led.rows for v in r.values}
    assert rows[132].part_of == rows[141].id and rows[9].part_of == rows[141].id
    assert rows[141] is rows[145] and rows[132].label == "children killed"
    (d,) = led.discrepancies
    assert d.values == (141, 145)


def test_a_place_the_parser_hangs_on_the_doer_is_where_the_deed_was(nlp):
    (r,) = readings(parse(nlp, "The group notes three pedestrians killed by drivers in Midtown last year."), load_words())
    assert [p.key for p in r.places] == ["midtown"]


def test_a_place_joined_by_and_is_kept_when_the_parser_hangs_it_elsewhere(nlp):
    (r,) = readings(parse(nlp, "The death toll from the earthquake in Turkey and Syria has passed 5,000, "
                               "officials said on Tuesday."), load_words())
    assert [p.key for p in r.places] == ["turkey", "syria"]


def test_n_of_them_and_including_on_the_verb_are_parts_of_the_toll(nlp):
    led = ledger(nlp, "The bombing killed 30 people, 12 of them children, and wounded 70.",
                 "At least 31 people were killed in the bombing, including 12 children.")
    rows = {v.value: r for r in led.rows for v in r.values}
    assert rows[12].part_of == rows[30].id and rows[12].values[0].sources == ("S1", "S2")


def test_those_treated_somewhere_are_a_part_of_the_injured_not_a_value_of_it(nlp):
    led = ledger(nlp, "The quake injured 3,000 people.",
                 "Five hundred victims of the quake have been treated in Florida so far.")
    rows = {v.value: r for r in led.rows for v in r.values}
    assert led.discrepancies == () and rows[500].part_of == rows[3000].id


def test_some_of_them_after_a_count_is_a_part_but_all_of_its_people_are_a_whole(nlp):
    found = readings(parse(nlp, "Officials said 173 people were injured, 20 of them severely, in the fire."), load_words())
    assert [(r.kind, r.value, r.subset) for r in found] == [("injured", 173, False), ("injured", 20, True)]
    found = readings(parse(nlp, "Peru reported 239 dead; Chile said 194 of its people had been killed."), load_words())
    assert [(r.value, r.subset) for r in found] == [(239, False), (194, False)]
    found = readings(parse(nlp, "Police arrested 30 people and later released 10 of them."), load_words())
    assert [(r.kind, r.value) for r in found] == [("arrested", 30)]


def test_bombings_two_days_apart_are_two_events_told_apart_by_their_day(nlp):
    led = ledger(nlp, "A car bomb killed 30 people at a market in Baghdad on Monday.",
                 "On Wednesday, another bombing killed 12 people at a mosque in Baghdad.",
                 "Monday's market bombing killed 32 people, officials said on Tuesday.",
                 published=("2024-01-01", "2024-01-03", "2024-01-02"))
    labels = {r.label: sorted(v.value for v in r.values) for r in led.rows}
    assert labels == {"people killed in Baghdad on Monday": [30, 32],
                      "people killed in Baghdad on Wednesday": [12]}
    (d,) = led.discrepancies
    assert d.values == (30, 32)


def test_a_people_s_toll_and_the_unqualified_toll_are_one_when_a_hedge_allows_both(nlp):
    led = ledger(nlp, "Since the war began, more than 25,000 Yemenis have been killed, the ministry said.",
                 "The ministry said 25,490 people had been killed since the war began.")
    (d,) = led.discrepancies
    assert d.values == (25000, 25490)
    # far apart, a hedge is no sign of one count
    led = ledger(nlp, "The fighting killed at least 47 Yemeni soldiers.",
                 "He told the court he had killed over 60 people.")
    assert led.discrepancies == ()


def test_a_raid_may_be_the_gun_battle_another_source_names(nlp):
    led = ledger(nlp, "Soldiers killed three Yemenis in a raid on the town on Thursday.",
                 "Three Yemeni gunmen were killed in a gun battle with soldiers in the town.")
    (row,) = led.rows
    assert row.values[0].sources == ("S1", "S2")


def test_among_them_after_a_toll_is_a_part_of_it(nlp):
    found = readings(parse(nlp, "40 people were killed, among them 12 women."), load_words())
    assert [(r.value, r.subset) for r in found] == [(40, False), (12, True)]


def test_a_country_s_people_are_its_troops_toll_whatever_names_the_attack(nlp):
    led = ledger(nlp, "Three Americans were killed in the drone strike on the base.",
                 "The drone attack killed three US troops and wounded 25.")
    killed = [r for r in led.rows if r.kind == "killed"]
    assert len(killed) == 1 and killed[0].values[0].sources == ("S1", "S2")


def test_the_toll_foreigners_were_among_is_a_value_of_the_toll_not_a_part(nlp):
    led = ledger(nlp, "Five foreigners were among the 20 people killed at the hotel.",
                 "The attack on the hotel killed 22 people, including five foreign guests.")
    (d,) = led.discrepancies
    assert d.values == (20, 22)
    (part,) = [r for r in led.rows if r.part_of]
    assert part.values[0].sources == ("S1", "S2") and "among" not in part.label


def test_a_city_s_far_smaller_toll_is_a_part_of_its_country_s_not_a_value(nlp):
    led = ledger(nlp, "The earthquake killed 300 people in Morocco.", "In Marrakesh alone, 40 people died.")
    rows = {v.value: r for r in led.rows for v in r.values}
    assert led.discrepancies == () and rows[40].part_of == rows[300].id
    # of the same size, a city's toll is a value of the country's
    led = ledger(nlp, "An airstrike killed 40 people in Aleppo on Sunday.", "The strike in Syria killed 43.")
    (d,) = led.discrepancies
    assert d.values == (40, 43)


def test_times_attacked_and_a_count_of_attacks_are_one_quantity(nlp):
    led = ledger(nlp, "Militias have attacked the bases more than 160 times since October.",
                 "There have been more than 165 attacks on the bases since October.")
    (row,) = led.rows
    assert row.label == "attacks" and sorted(v.value for v in row.values) == [160, 165]


def test_a_toll_that_passed_a_number_is_a_bound_so_a_rising_toll_is_no_conflict(nlp):
    (r,) = readings(parse(nlp, "The death toll passed 5,000 on Tuesday."), load_words())
    assert (r.hedge.words, r.hedge.bound) == ("passed", "lower")
    assert readings(parse(nlp, "The storm passed 30 villages."), load_words()) == []
    led = ledger(nlp, "The earthquake killed more than 1,300 people.", "The death toll from the earthquake passed 5,000.",
                 "The death toll from the earthquake climbed above 11,000.",
                 published=("2023-02-06", "2023-02-07", "2023-02-08"))
    (d,) = led.discrepancies
    assert d.values == (1300, 5000, 11000) and not d.conflict


def test_a_bare_number_borrows_the_toll_s_noun_not_the_part_s(nlp):
    found = readings(parse(nlp, "The attack killed 12 people, including three children, and wounded 40, "
                                "police said."), load_words())
    assert [(r.kind, r.value, r.subset) for r in found] == [
        ("killed", 12, False), ("killed", 3, True), ("injured", 40, False)]


def test_with_a_smaller_count_of_the_kind_is_some_of_them(nlp):
    found = readings(parse(nlp, "Hospital sources said the number of wounded had reached 75, "
                                "with 10 in serious condition."), load_words())
    assert [(r.value, r.subset) for r in found] == [(75, False), (10, True)]
    found = readings(parse(nlp, "The blast killed 20 people, with 30 wounded."), load_words())
    assert [(r.kind, r.subset) for r in found] == [("killed", False), ("injured", False)]


def test_a_country_whose_name_joins_others_holds_them(nlp):
    # "Yugoslavia" is known as Serbia and Montenegro: a toll told near it and one told near Belgrade
    # are of one country, so the same refugees are one count
    led = ledger(nlp, "The offensive in Yugoslavia has created more than 40,000 refugees.",
                 "Officials in Belgrade said the fighting had left some 40,000 refugees.")
    (row,) = led.rows
    assert row.values[0].sources == ("S1", "S2")


def test_a_country_s_people_under_two_totals_their_place_is_in_are_one_part(nlp):
    led = ledger(nlp, "A bomb at the embassy in Lima killed 213 people, including 12 Britons.",
                 "The bombings of the embassies in Peru and Chile killed 224 people, including 12 Britons.")
    parts = [r for r in led.rows if r.part_of]
    assert [(p.values[0].value, p.values[0].sources) for p in parts] == [(12, ("S1", "S2"))]
    # other people of that country under the other total stay apart
    led = ledger(nlp, "A bomb at the embassy in Lima killed 213 people, including 12 Britons.",
                 "The bombings of the embassies in Peru and Chile killed 224 people, including 12 Chileans.")
    assert len([r for r in led.rows if r.part_of]) == 2


@pytest.mark.parametrize("noun, country", [("Britons", "united kingdom"), ("Spaniard", "spain"), ("Serbs", "serbia")])
def test_nouns_for_a_country_s_people_that_countryinfo_lacks_name_it(noun, country):
    assert country_of(noun) == country


def test_a_number_on_a_people_s_name_taken_for_an_organisation_is_a_count(nlp):
    assert read(nlp, "The attack killed 213 people, including 12 Britons.") == [("killed", 213), ("killed", 12)]
    assert read(nlp, "Force 17 guarded the hall.") == []


def test_bodies_found_as_many_as_the_toll_are_the_toll_not_a_part_of_it(nlp):
    led = ledger(nlp, "The gunmen killed six hostages in the raid.", "Six bodies were recovered on Monday.")
    (row,) = led.rows
    assert row.values[0].sources == ("S1", "S2")
    # fewer than the toll, they are the part found so far
    led = ledger(nlp, "The gunmen killed nine hostages in the raid.", "Six bodies were recovered on Monday.")
    assert len([r for r in led.rows if r.part_of]) == 1


def test_a_source_telling_another_event_gives_its_count_not_another_value(nlp):
    led = ledger(nlp, "At least two villagers were injured on Sunday in a clash with police near the mine. "
                      "A day earlier, 27 villagers were injured in similar clashes across the province.")
    assert led.discrepancies == () and len(led.rows) == 2
    led = ledger(nlp, "Two people were killed in the attack on the market. "
                      "Five people were killed in another attack on the market.")
    assert led.discrepancies == () and len(led.rows) == 2
    # without a word that says so, one source's two numbers are still one toll that changed
    led = ledger(nlp, "Two people were killed in the attack on the market. "
                      "Police later said five people were killed in the attack on the market.")
    assert len(led.rows) == 1


def test_events_a_source_calls_others_are_not_the_count_with_the_one_at_hand(nlp):
    # "four earlier attacks" and "the five attacks" (this one too) are two counts, not a conflict
    led = ledger(nlp, "Police are investigating four earlier sniper attacks on doctors.",
                 "The five sniper attacks on doctors were all carried out in November.")
    assert led.discrepancies == () and len(led.rows) == 2
    # "since 1994" is a span up to now, no era: "four similar attacks since 1994" are the four earlier ones
    led = ledger(nlp, "Police are investigating four earlier sniper attacks on doctors.",
                 "There have been four similar sniper attacks on doctors since 1994.")
    (row,) = led.rows
    assert row.values[0].sources == ("S1", "S2")
    # without a word that sets them apart, two sources' numbers of attacks still disagree
    led = ledger(nlp, "Police are investigating four sniper attacks on doctors.",
                 "The five sniper attacks on doctors were all carried out in November.")
    assert len(led.discrepancies) == 1


def test_a_toll_of_a_noun_the_lexicon_lacks_that_a_source_calls_people_takes_other_tolls_of_people(nlp):
    led = ledger(nlp, "A government report said 1,200 dissidents died or disappeared during his rule.",
                 "The report said 1,200 people were killed or vanished during his rule.",
                 "Prosecutors say some 900 people were killed during his rule.")
    (row,) = led.rows
    assert {v.value for v in row.values} == {1200, 900} and row.conflict
    # without a source calling them people, a smaller toll of people may be a part: kept apart
    led = ledger(nlp, "A government report said 1,200 dissidents died or disappeared during his rule.",
                 "Prosecutors say some 900 people were killed during his rule.")
    assert len(led.rows) == 2


def test_one_person_told_of_beside_a_larger_count_of_them_is_a_case_among_them(nlp):
    led = ledger(nlp, "One prisoner was beaten to death by the guards.",
                 "One prisoner was beaten to death by the guards. The guards killed three prisoners that night.")
    assert led.discrepancies == ()
    (part,) = [r for r in led.rows if r.part_of]
    assert part.values[0].value == 1 and part.values[0].sources == ("S1", "S2")
    # from different sources alone, one and three are values that disagree
    led = ledger(nlp, "One prisoner was beaten to death by the guards.", "Three prisoners were beaten to death by the guards.")
    (d,) = led.discrepancies
    assert d.values == (1, 3)


def test_a_crime_a_court_counts_is_no_value_of_the_toll_the_news_tells(nlp):
    led = ledger(nlp, "Police said 12 villagers were killed in the fighting.",
                 "The court convicted the commander of killing nine villagers.")
    assert led.discrepancies == () and len(led.rows) == 2
    # naming the same places, a charge counts the event's dead
    led = ledger(nlp, "The bombings in Peru and Chile killed 224 people.",
                 "He was charged with murder in the deaths of more than 200 people in the bombings in Peru and Chile.")
    (d,) = led.discrepancies
    assert d.values == (200, 224)


def test_a_force_joins_one_of_its_size_whichever_event_its_sentence_names(nlp):
    led = ledger(nlp, "Hurricane Nora hit the coast of Louisiana on Thursday. A fire broke out at a chemical plant near "
                      "the coast. More than 1,500 search and rescue personnel were headed to the worst-hit places.",
                 "A chemical plant caught fire as Hurricane Nora flattened homes along the coast of Louisiana. Some 1,500 "
                 "people, including National Guard troops, are being deployed in rescue and clean-up missions.")
    (row,) = [r for r in led.rows if r.kind == "troops"]
    assert [v.sources for v in row.values] == [("S1", "S2")]


def test_a_number_a_source_repeats_is_one_quantity_and_its_revision_goes_with_it(nlp):
    led = ledger(nlp, "The storm killed 300 people across the region.",
                 "Officials lowered the confirmed death toll from 900 to about 800 on Thursday. "
                 "The storm killed 790 people in Peru, down from an earlier estimate of 900.")
    rows = {v.value: r for r in led.rows for v in r.values}
    assert rows[800] is rows[900] is rows[790] and rows[300] is not rows[900]


def test_between_and_make_a_range_however_the_parser_hangs_its_ends(nlp):
    # both numbers hung on the noun, and "from their homes" hung on the noun, not the verb
    for text in ("Between 3,000 and 4,000 people were killed in the fighting.",
                 "The floods forced between 3,000 and 4,000 villagers from their homes."):
        (row,) = ledger(nlp, text).rows
        assert [(v.value, v.upper, v.hedge) for v in row.values] == [(3000, 4000, "between")], text
    # "and" between two counts with no range word before them joins two counts
    led = ledger(nlp, "Rebels killed 20 soldiers and 30 civilians.")
    assert sorted((v.value, v.upper) for r in led.rows for v in r.values) == [(20, None), (30, None)]


def test_digits_joined_by_a_dash_before_a_plural_noun_are_a_range_and_a_model_stays_a_code(nlp):
    for text, kind in (("Police arrested 20-25 people after the march.", "arrested"),
                       ("The ministry sent 100-120 soldiers to the border.", "troops")):
        (row,) = ledger(nlp, text).rows
        assert (row.kind, [(v.value, v.upper) for v in row.values]) == (kind, [(20, 25) if kind == "arrested"
                                                                               else (100, 120)]), text
    assert ledger(nlp, "The airline lost two 737-800 jets in the storm.").rows == ()


def test_the_first_end_of_a_range_takes_the_scale_of_the_second(nlp):
    (row,) = ledger(nlp, "Between 1.1 and 1.5 million people, mainly civilians, were killed in the camps.").rows
    assert ends(row) == [(1_100_000, 1_500_000)]
    # but no end grows past the other: "from 800 to 1.2 million" is eight hundred
    found = readings(parse(nlp, "The number of refugees rose from 800 to 1.2 million within a year."), load_words())
    assert sorted(r.value for r in found) == [800, 1_200_000]


def test_both_ends_of_a_range_carry_its_hedge(nlp):
    for text in ("Between 50 and 60 people were killed.", "The fire killed between 50 and 60 people."):
        assert [(r.value, r.hedge and r.hedge.words) for r in readings(parse(nlp, text), load_words())] == [
            (50, "between"), (60, "between")]
    # one number after "between" is no range: "a link between the three killings" is exact
    found = readings(parse(nlp, "Police have not found a link between the three killings."), load_words())
    assert [(r.value, r.hedge) for r in found] == [(3, None)]


def test_a_number_with_only_a_degree_after_it_is_some_of_the_count_before_it(nlp):
    for text, whole in (("Officials said 19 men were wounded, eight seriously, and 26 others were missing.", 19),
                        ("The blast injured 40 people, six critically.", 40)):
        found = [(r.kind, r.value, r.subset) for r in readings(parse(nlp, text), load_words()) if r.kind == "injured"]
        assert found == [("injured", whole, False), ("injured", found[1][1], True)] and found[1][1] < whole


def test_the_town_of_a_name_is_that_place(nlp):
    (r,) = readings(parse(nlp, "In the town of Piura alone, 15 people died."), load_words())
    assert [p.key for p in r.places] == ["piura"]
    (r,) = readings(parse(nlp, "Floods killed 30 people in the city of the dead."), load_words())
    assert r.places == ()


def test_one_place_s_tolls_under_the_country_s_are_one_part(nlp):
    led = ledger(nlp, "Floods in Peru have killed at least 40 people. In the town of Piura alone, 15 people died.",
                 "The death toll from floods in Peru rose to 58. Most of the dead were in Piura, where 19 people were killed.",
                 published=("2024-03-04", "2024-03-05"))
    (part,) = [r for r in led.rows if r.part_of]
    assert sorted(v.value for v in part.values) == [15, 19]


def test_who_a_part_is_said_to_be_names_it(nlp):
    (part,) = [r for r in readings(parse(nlp, "Five of the dead were children."), load_words())]
    assert (part.kind, part.subset, part.noun) == ("killed", True, "child")
    led = ledger(nlp, "The bomb killed 27 people. Five of the dead were children.",
                 "The bomb killed 27 people, including five children.")
    (row,) = [r for r in led.rows if r.part_of]
    assert row.values[0].sources == ("S1", "S2")


def test_bringing_the_total_to_a_number_is_the_running_total_of_what_the_sentence_counted(nlp):
    found = readings(parse(nlp, "A further 15 bodies were recovered on Sunday, taking the total to 96."), load_words())
    assert [(r.value, r.subset, r.increment, r.qualifier) for r in found] == [
        (15, True, True, found[0].qualifier), (96, True, False, found[0].qualifier)]
    found = readings(parse(nlp, "The strike killed 12 people, bringing the total to 40."), load_words())
    assert [(r.kind, r.value, r.subset) for r in found] == [("killed", 12, False), ("killed", 40, False)]
    assert readings(parse(nlp, "The total was 40."), load_words()) == []


def test_people_released_from_hospital_are_some_of_the_injured(nlp):
    found = readings(parse(nlp, "Officials said 49 people were released from hospital."), load_words())
    assert [(r.kind, r.value, r.subset) for r in found] == [("injured", 49, True)]
    assert readings(parse(nlp, "Police released 20 protesters from custody."), load_words()) == []


def test_around_a_place_is_where_it_happened(nlp):
    (r,) = readings(parse(nlp, "About 100 victims had been buried around Lima."), load_words())
    assert [p.key for p in r.places] == ["lima"]


def test_a_place_s_toll_of_another_event_is_no_part_of_the_country_s(nlp):
    led = ledger(nlp, "Floods in Peru have killed at least 40 people. A day earlier, a landslide in Cusco killed seven people.")
    assert not any(r.part_of for r in led.rows) and len(led.rows) == 2
    led = ledger(nlp, "Floods in Peru have killed at least 40 people. In Cusco, seven people died.")
    assert len([r for r in led.rows if r.part_of]) == 1


def test_the_same_people_named_by_a_part_group_or_a_noun_of_no_group_are_one_count(nlp):
    led = ledger(nlp, "Fifteen British Royal Navy personnel have been detained by Iranian guards in the Gulf.",
                 "Iranian guards detained 15 British sailors on Friday.",
                 "The 15 British citizens were detained by Iranian guards.")
    (row,) = led.rows
    assert row.values[0].sources == ("S1", "S2", "S3")
    # a part of the group with another number stays a part
    led = ledger(nlp, "Fifteen British Royal Navy personnel have been detained by Iranian guards in the Gulf.",
                 "Iranian guards detained 15 British personnel, eight of them sailors.")
    assert len([r for r in led.rows if r.part_of]) == 1


def test_a_hedge_of_more_is_no_addition_to_a_count(nlp):
    def added(text):
        return [(r.value, r.increment) for r in readings(parse(nlp, text), load_words())]
    assert added("More than 100 people were killed.") == [(100, False)]
    assert added("Police found 12 more bodies.") == [(12, True)]


def test_an_official_figure_and_relief_groups_estimates_are_values_of_one_disputed_toll(nlp):
    led = ledger(nlp, "As many as 900,000 people may have died in the famine. Officials have acknowledged 150,000 deaths.",
                 "Up to 2 million people have starved to death in the famine. The government has put the death toll at 150,000.",
                 "The government says 150,000 people have died in the famine, while relief groups say 900,000 have "
                 "died. At least 900,000 people have died in the famine, a relief worker said.")
    (row,) = led.rows
    assert {v.value for v in row.values} == {150000, 900000, 2000000} and row.parts == ()
    assert next(v for v in row.values if v.value == 150000).sources == ("S1", "S2", "S3")


def test_a_date_before_a_reported_clause_s_subject_dates_the_saying(nlp):
    def dated(text):
        return [(r.value, r.on_day) for r in readings(parse(nlp, text), load_words())]
    assert dated("Police said on Monday they had arrested 21 people after the rally.") == [(21, None)]
    assert dated("Police said that on Monday they had arrested 21 people.") == [(21, "on Monday")]


def test_a_count_of_two_groups_is_a_value_of_either_group_s_count(nlp):
    led = ledger(nlp, "A rebel commander said at least 40 soldiers and police officers were killed in the fighting.",
                 "State media said 12 police officers were killed in the fighting.")
    (row,) = led.rows
    assert {v.value for v in row.values} == {40, 12} and row.conflict


def test_a_first_value_still_given_as_late_as_the_last_is_a_dispute_not_a_change(nlp):
    led = ledger(nlp, "Officials say 150,000 people have died in the famine.",
                 "Relief groups say up to 900,000 people have died in the famine.",
                 "The government still says 150,000 people have died in the famine.",
                 published=("1998-03-01", "1998-03-09", "1998-03-20"))
    (d,) = led.discrepancies
    assert d.change.endswith("sources give 150,000 (S1, S3), up to 900,000 (S2)")


def test_those_in_hospital_or_a_grave_condition_are_some_of_the_injured_not_a_rival_toll(nlp):
    for kept in ("Five people were in critical condition after the bombing.",
                 "Five people were in intensive care after the bombing."):
        led = ledger(nlp, "The bombing injured 30 people.", kept)
        assert led.discrepancies == ()
        (part,) = [r for r in led.rows if r.part_of]
        assert part.values[0].value == 5


def test_all_but_some_of_a_count_are_a_part_of_it(nlp):
    found = readings(parse(nlp, "Although the leader remains in custody, all but five of those arrested under the "
                                "security law for joining the protests have been freed."), load_words())
    assert [(r.kind, r.value, r.subset) for r in found] == [("arrested", 5, True)]


def test_years_on_a_period_date_the_count_to_it(nlp):
    found = readings(parse(nlp, "The group was responsible for the deaths of as many as 2 million people "
                                "during its 1975-79 rule of the country."), load_words())
    assert [(r.value, r.when) for r in found] == [(2_000_000, "during 1975-79")]
    # so a toll of that era is no value of today's toll
    led = ledger(nlp, "Police found more than 20 bodies after the crackdown.",
                 "The group was responsible for the deaths of as many as 2 million people during its 1975-79 rule.")
    assert led.discrepancies == ()


def test_digits_either_side_of_a_dash_are_a_range_not_one_number(nlp):
    found = readings(parse(nlp, "It is believed that around 20 - 25 arrests have been made."), load_words())
    assert sorted(r.value for r in found) == [20, 25]


CRASH = ("A passenger plane carrying 72 people crashed on approach to the city on Sunday, killing at least 68 of "
         "them, officials said. Rescuers pulled four people alive from the wreckage, but two of them later died "
         "in hospital.",
         "The death toll from Sunday's plane crash in Nepal rose to 70 on Monday, with two people still missing.",
         "The government said on Wednesday that all 72 people on board were killed, after the bodies of the last "
         "two victims were found in the gorge.")


def test_two_who_later_died_and_the_last_two_bodies_found_are_parts_of_the_crash_toll(nlp):
    led = ledger(nlp, *CRASH, published=("2024-01-15", "2024-01-16", "2024-01-18"))
    (toll,) = [r for r in led.rows if r.kind == "killed" and r.part_of is None]
    assert {v.value for v in toll.values} == {68, 70, 72}
    assert [v.value for r in led.rows if r.part_of == toll.id for v in r.values] == [2]
    # a pronoun or "toll" says no more than "people": no row is labelled "them" or "death toll"
    assert not any(w in r.label.split() for r in led.rows for w in ("them", "toll"))


def test_from_revises_only_a_number(nlp):
    def revised(text):
        return [r.revised for r in readings(parse(nlp, text), load_words())]
    assert revised("Rescuers pulled four people alive from the wreckage, but two of them later died.") == [False]
    assert revised("The toll rose to 67 from 60.") == [True, True]


def test_the_value_a_revision_goes_to_comes_before_the_one_it_leaves(nlp):
    for text, current in (("The quake killed 41 people, the agency said, revising its toll up from 39.", 41),
                          ("Officials lowered the toll from 900 to about 800.", 800)):
        (row,) = ledger(nlp, text).rows
        assert row.values[0].value == current


def test_some_of_those_a_participle_names_are_a_part_of_that_count(nlp):
    led = ledger(nlp, "Police arrested 30 people after the riot. Five of those arrested were charged with arson.")
    (whole,) = [r for r in led.rows if r.part_of is None]
    (part,) = [r for r in led.rows if r.part_of == whole.id]
    assert (whole.values[0].value, part.values[0].value) == (30, 5)


def test_a_date_on_the_verb_above_a_participle_dates_that_verb_not_the_event(nlp):
    led = ledger(nlp, "A gunman opened fire at the mall on Saturday, killing at least eight people.",
                 "Officials on Monday named the eight people killed in Saturday's shooting at the mall.",
                 published=("2023-05-07", "2023-05-08"))
    (row,) = led.rows
    assert row.values[0].sources == ("S1", "S2") or {s for v in row.values for s in v.sources} == {"S1", "S2"}


def test_a_part_is_never_larger_than_its_total(nlp):
    # more bodies found than protesters said killed: a count of its own, not a part of the three
    led = ledger(nlp, "At least three protesters were killed by soldiers on Sunday, witnesses said. "
                      "Human rights workers later discovered more than 15 bodies in the river near the square.")
    assert all(r.part_of is None for r in led.rows)
    assert sorted(v.value for r in led.rows for v in r.values) == [3, 15]


def test_a_date_on_a_verb_of_saying_above_a_clause_dates_the_report_not_the_event(nlp):
    led = ledger(nlp, "Coast guards arrested 15 fishermen near the island on Friday.",
                 "On Tuesday the minister said that if the 15 fishermen who were arrested by the coast guard "
                 "are not released, the talks will end.",
                 published=("2023-05-05", "2023-05-09"))
    (row,) = led.rows
    assert {s for v in row.values for s in v.sources} == {"S1", "S2"}


def test_a_count_per_day_is_a_rate_of_its_own_never_a_value_of_the_toll(nlp):
    led = ledger(nlp, "At least 138,000 people died across the region. Officials say they are burying 3,500 bodies a day.",
                 "Officials are burying 3,500 bodies a day - hoping to increase this to 6,000 - the minister said.")
    toll = next(r for r in led.rows if 138000 in [v.value for v in r.values])
    rate = next(r for r in led.rows if 3500 in [v.value for v in r.values])
    assert toll is not rate and [v.value for v in toll.values] == [138000]
    assert rate.label.endswith("a day") and rate.values[0].sources == ("S1", "S2")
    assert not led.discrepancies


def test_a_numbered_toll_list_that_a_flattened_page_runs_together_is_read_item_by_item(nlp):
    text = ("Rescue teams reached the islands on Monday.\n"
            "CONFIRMED DEATH TOLLS 1. Peru: 1,204\n2. Chile: 310\n3. Bolivia (inc border towns): 58\n"
            "4. Ecuador: 41 5. Colombia: 12")
    assert sorted(read(nlp, text)) == sorted([("killed", 1204), ("killed", 310), ("killed", 58), ("killed", 41),
                                              ("killed", 12)])
    labels = {r.label for r in ledger(nlp, text).rows}
    assert {"people killed in Peru", "people killed in Bolivia", "people killed in Ecuador"} <= labels


def test_a_row_is_never_labelled_by_a_word_that_points_back_or_a_unit_of_time(nlp):
    led = ledger(nlp, "The prisoners included children, and 41 of those detained were 14 years or younger.",
                 "Some 300 men testified. Of the latter, 120 were detained without charge.")
    assert len(led.rows) == 2
    for row in led.rows:
        assert not {"years", "latter"} & set(row.label.split()), row.label


def test_two_counts_of_one_sentence_that_say_different_things_of_those_counted_are_two(nlp):
    led = ledger(nlp, "More than 40,000 people have been forced from their homes, and 2,000 people were "
                      "evacuated from the islands.",
                 "The government says 30,000 people died, while aid agencies say 90,000 died.")
    displaced = [r for r in led.rows if r.kind == "displaced"]
    assert sorted(v.value for r in displaced for v in r.values) == [2000, 40000] and len(displaced) == 2
    # rival values of one count stay one disputed row, however likely each is said to be
    (killed,) = [r for r in led.rows if r.kind == "killed"]
    assert killed.conflict
    (row,) = ledger(nlp, "Experts agree that probably more than one million and perhaps as many as three million "
                         "have died since the famine began.").rows
    assert sorted(v.value for v in row.values) == [1_000_000, 3_000_000] and "million" not in row.label


def test_in_the_region_of_a_story_of_one_country_is_that_countrys_toll(nlp):
    led = ledger(nlp, "The cyclone killed at least 900 people in Myanmar, officials said.",
                 "Rescuers in Myanmar worked through the night. The cyclone has killed more than 1,400 people in the "
                 "region since Monday.",
                 published=("2031-05-02", "2031-05-04"))
    (row,) = [r for r in led.rows if r.kind == "killed"]
    assert sorted(v.value for v in row.values) == [900, 1400]


def test_an_articles_unplaced_toll_is_the_whole_of_the_region_it_also_gives(nlp):
    led = ledger(nlp, "The death toll from the cyclone in Myanmar has risen to 2,310, with 8,400 injured, the crisis "
                      "centre said early Friday. In Mandalay region, where the storm came ashore, 1,100 people were "
                      "killed and 3,900 injured.",
                 "Rescuers in Myanmar worked through the night. The cyclone has killed over 2,500 people and injured "
                 "over 9,000 others in the region since then.",
                 published=("2031-05-02", "2031-05-04"))
    for kind, whole, part in (("killed", [2310, 2500], 1100), ("injured", [8400, 9000], 3900)):
        rows = [r for r in led.rows if r.kind == kind]
        top = next(r for r in rows if r.part_of is None)
        assert sorted(v.value for v in top.values) == whole
        (sub,) = [r for r in rows if r.part_of == top.id]
        assert [v.value for v in sub.values] == [part]


def test_a_date_measured_from_the_event_does_not_date_it(nlp):
    text = ("Almost two weeks after the earthquake, which killed more than 1,300 people and left at least 9,000 "
            "homeless, officials are struggling to come up with a plan to house survivors who lost everything.")
    found = [r for r in readings(parse(nlp, text), load_words()) if r.kind == "killed"]
    assert [(r.value, r.when) for r in found] == [(1300, None)]


def test_that_event_after_a_second_one_is_the_second_ones_toll(nlp):
    led = ledger(nlp, "The cyclone killed 1,400 people in May.",
                 "A year on, survivors still live in camps. When a second, much weaker cyclone struck in November, "
                 "relief teams were quick. Although almost 90 people died in that cyclone, the rescue went well.")
    killed = [r for r in led.rows if r.kind == "killed"]
    assert len(killed) == 2 and not led.discrepancies


def test_a_toll_naming_no_place_joins_the_one_place_a_story_names(nlp):
    # every count of the story that names a place names the same city: the city's row is the
    # story's own, and "killed nine" is its nine, not a value of the five clients of one office
    led = ledger(nlp, "He killed nine people on Thursday.",
                 "A killing rampage in Atlanta left 12 people dead. Five clients were killed at the second "
                 "office. Five died there.",
                 "He killed nine people at two offices on Thursday.",
                 published=("2031-08-01", "2031-08-02", "2031-08-02"))
    (nine,) = [r for r in led.rows if r.kind == "killed" and any(v.value == 9 for v in r.values)]
    assert {s for v in nine.values if v.value == 9 for s in v.sources} == {"S1", "S3"}
    assert all(v.value != 9 for r in led.rows if r.kind == "killed" and r is not nine for v in r.values)


def test_slaughtering_and_gunning_down_are_killing(nlp):
    assert read(nlp, "Hours before slaughtering nine people, he wrote a letter.") == [("killed", 9)]
    assert read(nlp, "Police gunned down three robbers.") == [("killed", 3)]


def test_survivors_of_a_dated_event_are_one_count_however_the_date_is_written(nlp):
    led = ledger(nlp, "Some 26,000 survivors of the Aug. 17, 1999, quake are living in tent cities.",
                 "Some 26,000 survivors of the August 17, 1999 earthquake are still living in tents.",
                 published=("2000-08-15", "2000-08-17"))
    (row,) = [r for r in led.rows if r.kind == "displaced"]
    assert [v.sources for v in row.values] == [("S1", "S2")]
    assert row.label.endswith("(Aug. 17, 1999)") or row.label.endswith("(August 17, 1999)")


@pytest.mark.parametrize("text", [
    "Divers stood by on the ship in case one of those beneath got hurt.",
    "Rescuers waited in case two more miners were injured.",
    "If 20 people had been killed, the mayor would have resigned.",
    "Troops are on standby in case they need to help evacuate 300 citizens.",
])
def test_a_clause_of_a_condition_tells_no_event(nlp, text):
    assert read(nlp, text) == []


def test_a_town_before_a_noun_is_no_nation_of_the_people_counted(nlp):
    led = ledger(nlp, "Five Atlanta firefighters were killed on Monday.",
                 "Six firefighters were killed in Atlanta on Monday.", published=("1998-07-14", "1998-07-14"))
    (row,) = [r for r in led.rows if r.kind == "killed"]
    assert sorted(v.value for v in row.values) == [5, 6] and row.conflict


def test_a_count_of_events_is_of_its_own_nouns_class(nlp):
    (found,) = readings(parse(nlp, "The group carried out three bombings."), load_words())
    assert (found.kind, found.value, found.event) == ("attacks", 3, "explosion")


def test_two_numbers_one_article_gives_far_apart_are_two_quantities(nlp):
    led = ledger(nlp, "At least three people from Scotland died in the tsunami. The tsunami killed 150,000 people.",
                 "The tsunami killed 150,000 people.")
    killed = [r for r in led.rows if r.kind == "killed"]
    assert sorted(sorted(v.value for v in r.values) for r in killed) == [[3], [150000]]
    assert not led.discrepancies


def test_sums_in_different_currencies_are_never_one_quantity(nlp):
    led = ledger(nlp, "The prime minister put the damage at 20bn baht.", "Damage was estimated at $10bn.",
                 "Damage was estimated at 10 billion dollars.")
    rows = sorted((r.label, tuple(sorted(v.value for v in r.values))) for r in led.rows if r.kind == "damage")
    assert rows == [("damage in baht", (20_000_000_000,)), ("damage in dollars", (10_000_000_000,))]
    assert not led.discrepancies


def test_a_date_at_the_end_of_a_joined_clause_dates_the_verb_it_is_joined_to(nlp):
    led = ledger(nlp, "Hurricane Mitch killed about 10,000 people and caused damage of about $10bn in 1998.",
                 "The tsunami killed at least 10,000 people.")
    killed = sorted(r.label for r in led.rows if r.kind == "killed")
    assert len(killed) == 2 and any(label.endswith("in 1998") for label in killed)


def test_a_dated_toll_of_bombings_and_an_undated_one_of_the_attacks_are_one_toll(nlp):
    led = ledger(nlp, "Fifty-two people were killed and hundreds more injured on July 7th 2005 when four suicide "
                      "bombers blew themselves up on three trains and a bus.",
                 "Londoners are remembering the terrorist attacks that claimed 52 lives.")
    rows = [r for r in led.rows if r.kind == "killed" and any(v.value == 52 for v in r.values)]
    assert len(rows) == 1 and {s for v in rows[0].values for s in v.sources} == {"S1", "S2"}


def test_a_range_of_sums_stays_a_range_beside_a_word_of_revision_elsewhere(nlp):
    led = ledger(nlp, "Initial estimates put the physical damage at $1.3 to $1.5bn, but officials added that "
                      "the cost to the economy was much wider.")
    (row,) = [r for r in led.rows if r.kind == "damage"]
    assert ends(row) == [(1_300_000_000, 1_500_000_000)] and not row.conflict


def test_a_range_of_sums_whole_at_both_ends_is_one_value_of_one_row(nlp):
    led = ledger(nlp, "The governor said the floods caused between $4 billion and $6 billion of damage.",
                 "The governor said last week's floods had caused $4 billion to $6 billion of damage.")
    (row,) = [r for r in led.rows if r.kind == "damage"]
    assert ends(row) == [(4_000_000_000, 6_000_000_000)] and row.values[0].sources == ("S1", "S2")
    assert not row.conflict


def test_a_sum_of_damage_takes_the_date_of_its_verb_and_a_range_of_sums_is_no_conflict(nlp):
    led = ledger(nlp, "Hurricane Mitch killed about 10,000 people and caused damage of about $10bn in 1998.",
                 "The physical damage was put at $1.3 to $1.5bn.")
    damage = sorted((r.label, ends(r)) for r in led.rows if r.kind == "damage")
    assert damage == [("damage in dollars", [(1_300_000_000, 1_500_000_000)]),
                      ("damage in dollars in 1998", [(10_000_000_000,)])]
    assert not any(r.conflict for r in led.rows) and not any(d.conflict for d in led.discrepancies)


def test_a_date_on_the_verb_above_an_event_brought_in_by_a_preposition_is_not_the_events_day(nlp):
    led = ledger(nlp, "The governor flew home Sunday to lead the rescue after a cyclone killed at least 90 people.",
                 "Rescuers were losing hope of finding survivors on Tuesday from a cyclone which killed more than "
                 "150 people.", published=("2021-05-03", "2021-05-05"))
    (row,) = [r for r in led.rows if r.kind == "killed"]
    assert sorted(v.value for v in row.values) == [90, 150] and not row.conflict
    # the event's own verb keeps its day
    (found,) = readings(parse(nlp, "A car bomb which killed 20 people exploded on Tuesday."), load_words())
    assert found.on_day == "on Tuesday"
    (found,) = readings(parse(nlp, "Rescuers were losing hope on Tuesday from a cyclone which killed more than "
                                   "150 people."), load_words())
    assert found.on_day is None


def test_people_a_source_counts_beside_its_own_count_of_soldiers_are_not_the_soldiers_toll(nlp):
    led = ledger(nlp, "A military truck overturned in a flooded creek on Thursday, killing three soldiers. "
                      "Seven people were killed in the past week in the state due to severe weather.",
                 "At least two people were killed on Friday as severe flooding hit the state.",
                 "Five soldiers died when the truck overturned.")
    rows = sorted(tuple(sorted(v.value for v in r.values)) for r in led.rows if r.kind == "killed")
    assert rows == [(2, 7), (3, 5)]
    # with no count of people beside it, a group's toll still takes plain people of its size
    led = ledger(nlp, "The ambush killed 12 soldiers.", "Thirteen people were killed in the ambush.")
    assert [sorted(v.value for v in r.values) for r in led.rows if r.kind == "killed"] == [[12, 13]]


def test_smaller_floors_an_article_gives_for_its_toll_are_the_toll_told_before_not_parts(nlp):
    led = ledger(nlp, "A gunman killed at least 20 people in the town on Sunday, police said. Earlier, officials "
                      "said the death toll was more than 12. The police chief later told reporters that the gunman "
                      "had killed at least 15 people.")
    (row,) = [r for r in led.rows if r.kind == "killed"]
    assert sorted(v.value for v in row.values) == [12, 15, 20] and not row.parts
    # a smaller count the article singles out by place stays a part
    led = ledger(nlp, "The earthquake killed at least 300 people on Sunday. At least 40 people died in Marrakesh.")
    (whole,) = [r for r in led.rows if r.kind == "killed" and r.part_of is None]
    assert [v.value for v in whole.values] == [300] and len(whole.parts) == 1


def test_a_when_clause_right_after_a_date_happened_then_wherever_the_parser_hung_it(nlp):
    (found,) = readings(parse(nlp, "The toll exceeded that of a Montreal massacre in 1989 when a gunman killed "
                                   "15 women."), load_words())
    assert found.when == "1989"
    led = ledger(nlp, "The toll exceeded that of a Montreal massacre in 1989 when a gunman killed 15 women.",
                 "In 1989, a college shooting in Quebec left 14 women dead.",
                 published=("2020-04-19", "2020-04-20"))
    (row,) = [r for r in led.rows if r.kind == "killed"]
    assert sorted(v.value for v in row.values) == [14, 15] and row.label.endswith("in 1989")


def test_the_state_whose_office_reports_a_toll_is_where_it_happened(nlp):
    (found,) = readings(parse(nlp, "Oregon's Office of Emergency Management says the fires have killed six "
                                   "people."), load_words())
    assert [p.key for p in found.places] == ["oregon"]
    led = ledger(nlp, "Wildfires have killed at least four people in Oregon, officials said.",
                 "Oregon's Office of Emergency Management says the fires have killed six people.",
                 "Fires in California have killed at least 20 people since August.")
    rows = sorted(tuple(sorted(v.value for v in r.values)) for r in led.rows if r.kind == "killed")
    assert rows == [(4, 6), (20,)]


def test_a_count_put_elsewhere_is_no_value_of_the_story_s_toll(nlp):
    led = ledger(nlp, "Wildfires have killed at least four people in Oregon and 11 elsewhere, officials said.",
                 "The fires across the West have killed at least 25 people since August.")
    rows = [sorted(v.value for v in r.values) for r in led.rows if r.kind == "killed"]
    assert [11] in rows and not any(11 in values and len(values) > 1 for values in rows)
    assert not any(11 in d.values for d in led.discrepancies)


def test_reports_that_disagree_on_a_toll_of_a_past_year_disagree_they_do_not_tell_a_change(nlp):
    led = ledger(nlp, "The toll exceeded that of a Montreal massacre in 1989 when a gunman killed 15 women.",
                 "In 1989, a college shooting in Quebec left 14 women dead.",
                 published=("2020-04-19", "2020-04-20"))
    (row,) = [r for r in led.rows if r.kind == "killed"]
    assert ": sources give 14 (S2), 15 (S1)" in row.change
    # today's toll still rises from report to report
    led = ledger(nlp, "The gunman killed at least 10 people on Sunday.", "The gunman killed 16 people on Sunday.",
                 published=("2020-04-19", "2020-04-20"))
    (row,) = [r for r in led.rows if r.kind == "killed"]
    assert ": rose from at least 10 (19 Apr, S1) to 16 (20 Apr, S2)" in row.change


def test_a_region_is_known_by_the_countries_in_it():
    from briefing.extract.countries import region

    assert {"haiti", "cuba"} <= region("the Caribbean") and "united states" not in region("the Caribbean")
    assert "honduras" in region("Central America") and "kenya" in region("East Africa")
    assert region("the region") is None


def test_a_toll_in_a_region_is_no_value_of_a_toll_outside_it(nlp):
    # the storm's toll in the Caribbean and its toll in a US state are two rows, and neither is a
    # part of the other, whether the region is the count's place or only its sentence's
    for caribbean in ("Before reaching the US, the storm killed more than 20 people in the Caribbean.",
                      "The storm earlier hit the Caribbean, killing 24."):
        led = ledger(nlp, "Storm Ira made landfall in Louisiana on Thursday, killing at least four people.",
                     caribbean, "The deaths in Louisiana included four who died when trees fell on homes.",
                     published=("2021-08-27", "2021-08-28", "2021-08-28"))
        rows = [r for r in led.rows if r.kind == "killed"]
        assert len(rows) == 2 and all(r.part_of is None for r in rows) and not led.discrepancies
        assert [4] in [sorted({v.value for v in r.values}) for r in rows]


def test_a_toll_in_a_region_joins_the_agreeing_toll_of_countries_in_it(nlp):
    led = ledger(nlp, "The storm killed 24 people in Haiti and the Dominican Republic.",
                 "The storm had earlier killed more than 20 people in the Caribbean.")
    (row,) = [r for r in led.rows if r.kind == "killed"]
    assert sorted(v.value for v in row.values) == [20, 24]
    # (and a country outside it does not: the US toll stays apart)
    led = ledger(nlp, "The storm killed 24 people in Haiti and the Dominican Republic.",
                 "The storm had earlier killed more than 20 people in the Caribbean.",
                 "The storm killed 22 people in the United States.")
    assert sorted(sorted(v.value for v in r.values) for r in led.rows if r.kind == "killed") == [[20, 24], [22]]


def test_a_region_named_beside_a_country_outside_it_is_no_place_of_the_toll(nlp):
    # "the western Caribbean" is the sea here: the toll is Honduras's, and joins its later values
    led = ledger(nlp, "The storm paused in its path through the western Caribbean on Tuesday to batter Honduras with "
                      "strong winds, flooding towns and killing at least 32 people.",
                 "In Honduras, the storm has killed 231 people.", published=("1998-10-28", "1998-11-01"))
    (row,) = [r for r in led.rows if r.kind == "killed"]
    assert sorted(v.value for v in row.values) == [32, 231]


def test_a_count_without_a_noun_is_labelled_as_people(nlp):
    # "killed at least four in Oregon": the number is no word for whom it counts
    led = ledger(nlp, "The fires have killed at least 25 people since August. So far they have killed at least four "
                      "in Oregon.")
    assert sorted(r.label for r in led.rows) == ["people killed", "people killed in Oregon"]


@pytest.mark.parametrize("text, expected", [
    # a "one of" that a name identifies points to a person: no count
    ("One of those killed was Constable Anne Roy, a 23-year veteran.", []),
    ("One of those wounded, farmer Tom Hale, was flown to a hospital in the capital.", []),
    # one of them described, not named, is still one of the count
    ("Officials said one of the dead was British.", [("killed", 1)]),
    ("One of those killed was a police officer.", [("killed", 1)]),
])
def test_one_of_a_toll_named_as_a_person_counts_no_one(nlp, text, expected):
    assert read(nlp, text) == expected


def test_a_toll_that_names_no_place_joins_the_one_place_s_toll_whose_floor_allows_it(nlp):
    led = ledger(nlp, "A gunman killed at least 16 people in Nova Scotia on Sunday, police said.",
                 "Last year two teenagers killed three people in British Columbia.",
                 "The gunman killed 18 people, police said on Monday.")
    rows = sorted(sorted(v.value for v in r.values) for r in led.rows if r.kind == "killed")
    assert rows == [[3], [16, 18]]


def test_a_toll_that_names_no_place_joins_the_one_place_s_toll_that_states_it_unhedged(nlp):
    led = ledger(nlp, "A gunman killed at least 20 people and injured 42 others at a nightclub in Florida on Sunday.",
                 "Lynch spoke in Orlando after meeting with relatives of some of the 49 people killed and 53 wounded "
                 "in the rampage.",
                 "Two days after the shooting left 49 of his victims dead and 53 others wounded, survivors recalled "
                 "the night.")
    (row,) = [r for r in led.rows if r.kind == "injured" and any(v.value == 53 for v in r.values)]
    assert [(v.value, v.sources) for v in row.values] == [(53, ("S2", "S3"))]


def test_dwellers_are_placed_where_they_live_and_evacuees_where_they_are_told_to_leave(nlp):
    (texans,) = readings(parse(nlp, "More than 420,000 Texas residents have been ordered to leave."), load_words())
    assert texans.kind == "displaced" and [p.key for p in texans.places] == ["texas"]
    (parish,) = readings(parse(nlp, "Another 200,000 people were told to evacuate coastal parishes in Louisiana."),
                         load_words())
    assert [p.key for p in parish.places] == ["louisiana"]
    # a country before them says whose they are, as "US troops" does
    (iraqis,) = readings(parse(nlp, "About 3,000 Iraqi villagers fled their homes."), load_words())
    assert iraqis.places == ()
    # the count that borrows their noun is not of their state ("Texas residents ... in Louisiana")
    texans, others = readings(parse(nlp, "More than 420,000 Texas residents have been ordered to leave, while an "
                                         "additional 200,000 were told to evacuate a parish in Louisiana."), load_words())
    assert (texans.phrase, others.phrase) == ("Texas residents", "residents")
    # a toll of the whole, and the two states' shares of it, which add up to more than it
    led = ledger(nlp, "Half a million people have been told to leave. More than 420,000 Texas residents have been "
                      "ordered to leave, while an additional 200,000 were told to evacuate a parish in Louisiana.")
    rows = {r.id: r for r in led.rows}
    assert sorted((r.values[0].value, rows[r.part_of].values[0].value if r.part_of else None)
                  for r in rows.values()) == [(200000, 500000), (420000, 500000), (500000, None)]


def test_a_toll_right_after_a_sentence_dating_an_earlier_event_is_that_event_s(nlp):
    led = ledger(nlp, "A gas leak at a chemical plant killed at least 9 people on Thursday. "
                      "Photos drew parallels with a gas leak in the central Indian city of Bhopal in December 1984. "
                      "Nearly 3,500 people died in the immediate aftermath.",
                 "At least 12 people have been killed by a gas leak at a chemical plant in southern India.",
                 published=("2021-05-07", "2021-05-08"))
    rows = sorted(sorted(v.value for v in r.values) for r in led.rows if r.kind == "killed")
    assert rows == [[9, 12], [3500]]
    # not when that sentence gives the earlier event's toll itself, nor when the toll names its event
    led = ledger(nlp, "In 1978, 20 people died in a fire at a hotel in the town of Boras. Police said 59 bodies "
                      "were found at the scene.",
                 "Rescuers found 59 bodies at the scene of the dance hall fire on Friday.",
                 published=("1998-10-30", "1998-10-31"))
    assert [(v.value, v.sources) for r in led.rows for v in r.values if v.value == 59] == [(59, ("S1", "S2"))]
    led = ledger(nlp, "The powder was linked to the 1996 bombing at the park. The park bombing killed one person and "
                      "wounded more than 100 others.",
                 "That explosion killed one woman and injured 111 people.",
                 published=("1998-07-14", "1998-07-14"))
    (row,) = [r for r in led.rows if r.kind == "injured"]
    assert sorted(v.value for v in row.values) == [100, 111]
    # nor when the toll's verb is in the present perfect, which tells what has happened up to now
    led = ledger(nlp, "The park was named a World Heritage Site in 1984. Heat has already forced another 7,500 people "
                      "out of remote communities.",
                 "Heat has already forced another 7,500 people out of remote communities.",
                 published=("2024-07-25", "2024-07-26"))
    assert [(v.value, v.sources) for r in led.rows for v in r.values] == [(7500, ("S1", "S2"))]
    # (a verb that only tells of the deaths says nothing of when they happened)
    led = ledger(nlp, "A gas leak at a chemical plant killed at least 11 people on Thursday. "
                      "Photos drew parallels with a gas leak in the Indian city of Bhopal in December 1984. "
                      "Around 10,000 deaths have been blamed on that leak.",
                 "At least 13 people have been killed by a gas leak at a chemical plant in southern India.",
                 published=("2020-05-07", "2020-05-08"))
    assert sorted(sorted(v.value for v in r.values) for r in led.rows) == [[11, 13], [10000]]


def test_a_later_report_dating_a_toll_to_the_year_an_earlier_report_told_it_gives_the_same_count(nlp):
    led = ledger(nlp, "Earlier this week, two buildings exploded due to a gas leak, killing at least eight people.",
                 "Investigators have ended a probe into the gas explosion of March 2014, which killed eight people.",
                 published=("2014-03-14", "2015-11-20"))
    assert [(v.value, v.sources) for r in led.rows if r.kind == "killed" for v in r.values] == [(8, ("S1", "S2"))]
    # (a count the earlier report gave in another year is another event's)
    led = ledger(nlp, "Earlier this week, two buildings exploded due to a gas leak, killing at least eight people.",
                 "Investigators have ended a probe into the gas explosion of March 2012, which killed eight people.",
                 published=("2014-03-14", "2015-11-20"))
    assert len([r for r in led.rows if r.kind == "killed"]) == 2


def test_those_evacuated_and_rushed_to_hospital_are_counted_as_evacuated(nlp):
    assert read(nlp, "We evacuated around 600 people and rushed them to the hospital, an official said.") \
        == [("displaced", 600)]
    # a verb of moving that is no kind's own still takes them where they are counted
    assert read(nlp, "Rescuers winched 12 people aboard and flew them to hospital.") == [("injured", 12)]


def test_a_bare_count_holds_the_part_its_including_phrase_names(nlp):
    led = ledger(nlp, "At least six were injured, including three police officers, as guests fled the club.")
    rows = {r.id: r for r in led.rows}
    (officers,) = [r for r in rows.values() if r.values[0].value == 3]
    assert officers.part_of is not None and rows[officers.part_of].values[0].value == 6


def test_a_verb_that_says_how_they_died_names_the_event_over_what_else_the_sentence_names(nlp):
    led = ledger(nlp, "At least 13 people were crushed to death as guests fled a party raided for violating "
                      "coronavirus restrictions. The country has recorded 20,450 deaths from the virus.",
                 "At least 13 people died in a stampede at a nightclub. More than 20,000 have died of the virus.")
    rows = sorted(sorted((v.value, v.sources) for v in r.values) for r in led.rows if r.kind == "killed")
    assert rows == [[(13, ("S1", "S2"))], [(20000, ("S2",)), (20450, ("S1",))]]


def test_a_named_storm_s_toll_is_no_value_of_another_named_storm_s(nlp):
    led = ledger(nlp, "Typhoon Kanto is bearing down on the islands. Typhoon Kanto follows Typhoon Lumo, which "
                      "hit the coast on Thursday, leaving at least two dead.",
                 "Typhoon Kanto hit the islands on Monday. One person was confirmed dead after the typhoon.",
                 published=("2021-09-05", "2021-09-07"))
    rows = sorted(sorted(v.value for v in r.values) for r in led.rows if r.kind == "killed")
    assert rows == [[1], [2]]


def test_where_a_team_comes_from_is_no_place_of_the_events(nlp):
    led = ledger(nlp, "Rescuers searched the rubble of a building destroyed in the blast. About 50 volunteers, "
                      "including a team from Chile, have been at the scene. The blast killed about 190 people.",
                 "The explosion in Beirut killed almost 200 people.")
    rows = sorted(sorted(v.value for v in r.values) for r in led.rows if r.kind == "killed")
    assert rows == [[190, 200]]


def test_a_part_is_labelled_by_where_they_are_not_by_an_adverb(nlp):
    led = ledger(nlp, "Some 800 people were injured. At least 285 people are now in hospital, the director said.")
    (part,) = [r for r in led.rows if r.part_of is not None]
    assert part.label == "people in hospital"


def test_some_of_his_victims_are_a_part_of_the_toll_where_its_people_are_all_of_them(nlp):
    led = ledger(nlp, "The gunman killed nine people at two offices on Thursday.",
                 "He had not traded since April at the firm where five of his victims died.")
    (part,) = [r for r in led.rows if r.part_of is not None]
    assert part.values[0].value == 5 and led.discrepancies == ()
    assert [r.part_of for r in ledger(nlp, "The army shelled the town. 194 of its people were killed.").rows] == [None]


def test_a_group_s_toll_told_alone_is_the_part_another_source_joins_to_others(nlp):
    led = ledger(nlp, "Three gunmen were killed during the exchange, police said.",
                 "Nine people were killed in the shooting, including the three gunmen and a policeman.")
    (part,) = [r for r in led.rows if r.part_of is not None]
    assert [(v.value, v.sources) for v in part.values] == [(3, ("S1", "S2"))]
    assert len(led.rows) == 2


def test_an_object_taken_for_the_subject_of_saying_with_the_teller_beside_it_is_still_the_object(nlp):
    # the parse a long teller's name can give: "others" the subject of "said", the teller its apposition
    (parsed,) = parse(nlp, "The blast killed a man and injured at least eight others, the city's ambulance service said.")
    sentence = parsed.sentences[0]
    at = {t.text: i for i, t in enumerate(sentence.tokens)}
    shape = {"killed": ("ccomp", at["said"]), "injured": ("conj", at["killed"]), "others": ("nsubj", at["said"]),
             "service": ("appos", at["others"])}
    tokens = tuple(replace(t, dep=shape[t.text][0], head=shape[t.text][1]) if t.text in shape else t
                   for t in sentence.tokens)
    reparsed = replace(parsed, sentences=(replace(sentence, tokens=tokens),))
    assert [(r.kind, r.value) for r in readings([reparsed], load_words())] == [("injured", 8)]


def test_a_part_s_label_cut_inside_a_quotation_carries_no_stray_quotation_mark(nlp):
    led = ledger(nlp, "At least 30 deaths were confirmed, including nine people who died from "
                      "\u201cheat exposure due to power loss,\u201d the county said.")
    (part,) = [r for r in led.rows if r.part_of is not None]
    assert part.values[0].value == 9 and "\u201c" not in part.label and "heat exposure" in part.label


def test_a_named_storm_other_than_the_story_s_is_named_in_its_label(nlp):
    led = ledger(nlp, "Typhoon Kanto is bearing down on the islands. Typhoon Kanto follows Typhoon Lumo, which "
                      "hit the coast on Thursday, leaving at least two dead.")
    assert [r.label for r in led.rows if r.kind == "killed"] == ["people killed by Typhoon Lumo"]


@pytest.mark.parametrize("text, expected", [
    # the hour of a clock counts nothing
    ("Armed police detained the suspect in a dramatic 4am raid this morning.", []),
    # strikes of lightning or of hunger are no attacks
    ("Officials say the fires were started by more than 12,000 dry lightning strikes.", []),
    ("The prisoners began two hunger strikes last year.", []),
    # what burns is counted by no kind of people
    ("That's about 20 separate blazes burning in steep, rugged terrain. More than 85,000 acres have been charred "
     "and two people injured as of Wednesday morning.", [("injured", 2)]),
])
def test_clock_hours_lightning_and_blazes_count_nothing(nlp, text, expected):
    assert read(nlp, text) == expected


def test_what_most_of_a_count_were_arrested_for_sets_no_part_apart(nlp):
    led = ledger(nlp, "Nearly 300 people were arrested on Sunday. Police said at least 289 people were arrested, "
                      "mostly for unlawful assembly.")
    (row,) = led.rows
    assert sorted(v.value for v in row.values) == [289, 300]


def test_a_hyphenated_noun_the_parser_split_is_labelled_whole(nlp):
    led = ledger(nlp, "Over 10,000 fire-fighters are battling the blazes.")
    assert [r.label for r in led.rows] == ["fire-fighters"]


def test_last_year_dates_a_toll_to_the_year_before_its_report(nlp):
    led = ledger(nlp, "One firefighter was killed on Wednesday when his helicopter crashed while fighting the fires.",
                 "Last year, wildfires charred a total of 260,000 acres and killed three people, officials said.",
                 published=("2020-08-19", "2020-08-23"))
    assert sorted((r.label, [v.value for v in r.values]) for r in led.rows if r.kind == "killed") == [
        ("firefighter killed", [1]), ("people killed in 2019", [3])]


def test_a_day_after_an_event_is_a_span_not_a_rate(nlp):
    led = ledger(nlp, "Police raided his home this morning, a day after a stabbing spree that left a man dead and "
                      "seven injured.")
    assert [(r.label, [v.value for v in r.values]) for r in led.rows if r.kind == "injured"] == [
        ("people injured", [7])]


def test_n_of_them_right_after_a_count_is_a_part_of_it_however_the_parser_hung_it(nlp):
    assert read(nlp, "The spree left one man dead and seven people injured, two of them critically.") == [
        ("killed", 1), ("injured", 7), ("injured", 2)]


def test_a_bare_count_joined_to_a_group_s_count_of_another_kind_counts_that_group(nlp):
    led = ledger(nlp, "A truck overturned in a creek on Thursday, killing three soldiers and leaving six missing "
                      "as storms dumped more rain.")
    assert {(r.kind, r.label, r.values[0].value) for r in led.rows} == {
        ("killed", "soldiers killed", 3), ("missing", "soldiers missing", 6)}


def test_a_demonym_of_a_state_places_its_people_there(nlp):
    # "Oregonians" are people in Oregon: one quantity with the people a report counts in Oregon
    led = ledger(nlp, "Fewer than 100,000 Oregonians had been told to leave their homes.",
                 "In Oregon, 40,000 people are under mandatory evacuation orders.")
    (d,) = led.discrepancies
    assert d.values == (40_000, 100_000)


def test_a_count_a_dateline_runs_into_is_no_part(nlp):
    # "AUSTIN, Texas At least 12 people, including five soldiers": the parser hangs the count on the
    # dateline's name as an appositive, which is not "among them"
    led = ledger(nlp, "AUSTIN, Texas At least 12 people, including five soldiers, have died in Texas due to "
                      "torrential rain.", "Six people were killed in Texas due to severe weather.")
    (d,) = led.discrepancies
    assert d.values == (6, 12)


def test_a_small_detail_after_a_toll_leaves_the_toll_not_the_toll_the_row(nlp):
    # a detail two reports repeat ("one person drowned") is far smaller than one report's toll: the
    # detail leaves the toll's row, not the toll
    led = ledger(nlp, "At least 12 people have died in Texas in the floods. One person drowned in the floods in Texas.",
                 "Two people were killed in Texas in the floods. One person drowned in the floods in Texas.")
    total = next(r for r in led.rows if 12 in {v.value for v in r.values})
    assert {v.value for v in total.values} == {2, 12}


def test_a_toll_an_earlier_month_dates_is_another_event_s(nlp):
    # "November militant attacks in Paris that killed 130" in a report of March: not Tuesday's toll
    led = ledger(nlp, "Explosions tore through the airport on Tuesday, killing up to 10 people. The blasts occurred "
                      "four days after the arrest of a suspected participant in November militant attacks in Paris "
                      "that killed 130 people.", published=("2016-03-22",))
    assert len(led.rows) == 2 and led.discrepancies == ()


def test_a_town_and_the_state_the_story_names_it_in_are_one_place(nlp):
    # "Orlando, Florida" anywhere in a report puts its Orlando in Florida
    led = ledger(nlp, "A gunman injured 42 people at a nightclub in Florida on Sunday.",
                 "The gunman opened fire at a club in Orlando, Florida. He wounded 53 people in Orlando.")
    (d,) = led.discrepancies
    assert d.values == (42, 53)
    # a report that never says so leaves them apart
    assert ledger(nlp, "A gunman injured 42 people at a nightclub in Florida on Sunday.",
                  "He wounded 53 people in Orlando.").discrepancies == ()
    # unless they give the same number: the gazetteer puts a US town in its state
    led = ledger(nlp, "He is wanted for three bombings in Georgia.", "He is wanted for three bombings in Atlanta.")
    assert [sorted(v.sources) for r in led.rows if r.kind == "attacks" for v in r.values] == [["S1", "S2"]]
    # (not a town whose most populous namesake is abroad: Paris is no town of Texas here)
    led = ledger(nlp, "He is wanted for three bombings in Texas.", "He is wanted for three bombings in Paris.")
    assert len([r for r in led.rows if r.kind == "attacks"]) == 2
    # and a direction from a town is that town: "in mountains north of Sacramento, California"
    led = ledger(nlp, "Ten bodies were counted in California on Monday.",
                 "Seven people were killed in mountains north of Sacramento, California, on Friday.")
    (d,) = led.discrepancies
    assert d.values == (7, 10)


def test_a_count_told_among_other_towns_is_no_value_of_a_town_s_count(nlp):
    # the count names no place, but the sentences around it name another town than the row's
    led = ledger(nlp, "In Tulsa, protesters faced off with police on Sunday. Media, citing Tulsa police, reported "
                      "that at least 48 people were taken into custody after the march. In Omaha, 50 people "
                      "remained in jail on Monday after they were arrested on Saturday.")
    assert sorted(sorted(v.value for v in r.values) for r in led.rows) == [[48], [50]] and led.discrepancies == ()
    # told with no town around it, it is a value of the one town's count
    led = ledger(nlp, "Protesters faced off with police on Sunday. Media reported that at least 48 people were "
                      "taken into custody after the march. In Omaha, 50 people remained in jail on Monday after "
                      "they were arrested on Saturday.")
    (d,) = led.discrepancies
    assert d.values == (48, 50)


def test_the_sum_of_several_events_tolls_is_no_value_of_one_event_s(nlp):
    led = ledger(nlp, "A suicide car bombing in Ankara killed 37 people this month.",
                 "More than 80 people have now been killed in four suicide attacks so far this year in Turkey.")
    assert led.discrepancies == ()
    assert {v.value for r in led.rows if r.kind == "killed" for v in r.values} == {37, 80}
    # (a measure or a year on the event noun counts no events: "the 7.8 magnitude quake")
    led = ledger(nlp, "The 7.8 magnitude quake, which struck late Saturday, also left 231 people missing.",
                 "Ecuador's worst earthquake in nearly seven decades also injured 8,340 people, left 155 missing "
                 "and damaged close to 2,000 buildings.")
    (d,) = led.discrepancies
    assert d.values == (155, 231)


def test_one_report_s_counts_of_two_days_are_two_counts(nlp):
    led = ledger(nlp, "Police said 22 people were arrested on Friday night for curfew violations. "
                      "On Saturday night, 28 people were arrested.", published=("2020-09-27",))
    assert len(led.rows) == 2 and led.discrepancies == ()


def test_a_value_a_report_says_was_given_first_is_a_value_not_the_whole_of_a_place(nlp):
    # "initially said four people were injured, but ... two victims": an earlier value of the place's
    # toll the report gives, not a whole of which the place's two are a part
    led = ledger(nlp, "Two people were wounded in the attack in Paris on Friday.",
                 "Two people were wounded in the attack in Paris. The prime minister initially said four people "
                 "were injured, but the prosecutor later clarified that there were two victims.")
    (d,) = led.discrepancies
    assert d.values == (2, 4)


def test_a_smaller_value_the_next_sentence_revises_is_the_toll_as_it_stood(nlp):
    # "77 confirmed dead", then "the toll had risen to 80": the 77 is an earlier value of the toll
    # the report leads with, not a part of it
    led = ledger(nlp, "At least 80 dead as a truck plows into a crowd in the city. "
                      "At the time of the president's address, 77 people were confirmed dead. "
                      "A short time later, the interior minister said the death toll had risen to 80.",
                 "The truck attack in the city killed 84 people.", published=("2016-07-15", "2016-07-15"))
    (d,) = led.discrepancies
    assert d.values == (77, 80, 84)
    # (a smaller number no revision follows stays a part: "five of them were children")
    led = ledger(nlp, "At least 80 people were killed when a truck plowed into a crowd. "
                      "Police said 10 children were killed. The driver was shot dead.")
    assert led.discrepancies == ()


def test_a_count_included_in_a_bare_number_is_its_part_even_when_the_number_borrows_a_noun(nlp):
    # "One man died, while seven were injured, including two people": "seven" borrows "man" from the
    # clause before, yet the two are still seven's part, never a toll of their own
    led = ledger(nlp, "One man died in the stabbings, while seven were injured, including two people, a man and "
                      "a woman, who are in a critical condition in hospital.")
    (seven,) = [r for r in led.rows if r.kind == "injured" and r.part_of is None]
    assert [v.value for v in seven.values] == [7]
    assert [(r.values[0].value, r.part_of) for r in led.rows if r.kind == "injured" and r.part_of] == [(2, seven.id)]


def test_where_a_toll_s_event_happened_tells_it_from_another_place_s_toll(nlp):
    # "12 died after a bridge collapsed in Shaanxi": not a value of the floods' toll in Sichuan that
    # the report gives next, but of the bridge's toll another report gives
    led = ledger(nlp, "At least 12 people have died and 31 others are missing after a bridge collapsed in "
                      "China's northern province of Shaanxi. In the southwestern Sichuan province, more than 30 "
                      "people are also missing after flash floods hit a village.",
                 "At least 15 people have died after a bridge collapsed in China's Shaanxi province. In the "
                 "southwestern Sichuan province, more than 10 people were killed and 29 remained missing after "
                 "flash floods hit a village.", published=("2024-07-20", "2024-07-22"))
    assert sorted(d.values for d in led.discrepancies) == [(12, 15), (29, 30)]
    # (a place only the event's clause names makes no count a part of its report's own: "more than 100
    # were injured when a train derailed in Queensland", then "police said 128 people were injured")
    led = ledger(nlp, "More than 100 people were injured, five seriously, when seven carriages of a train "
                      "derailed in southern Queensland. Police said 128 people were injured.")
    assert [d.values for d in led.discrepancies] == [(100, 128)]


def test_a_date_opening_the_sentence_dates_every_count_in_it(nlp):
    # "In May, at least 16 people were killed and a further 35 wounded": the 35 are May's, no value of
    # the 80 and 87 wounded in this week's strikes
    led = ledger(nlp, "In May, at least 16 people were killed and a further 35 wounded by US-UK airstrikes in "
                      "Hodeidah targeting Houthi rebels.",
                 "The Israeli strikes targeted oil facilities in the port and injured at least 80 people.",
                 "The strikes targeted oil facilities in the port, killing at least three people and injuring 87.",
                 published=("2024-07-20", "2024-07-21", "2024-07-22"))
    assert [d.values for d in led.discrepancies] == [(80, 87)]
    # (and, a past event's toll, it holds no part of this week's: the place's count of the same report
    # stays a row of its own, not a part of May's 35)
    led = ledger(nlp, "Ten people were injured in Tel Aviv on Friday when a drone hit a building. In May, at least "
                      "16 people were killed and a further 35 wounded by airstrikes in the port.",
                 published=("2024-07-20",))
    assert led.discrepancies == () and all(r.part_of is None for r in led.rows)


def test_a_count_told_on_a_day_before_its_report_is_the_count_as_it_stood_then(nlp):
    # "Police said Monday two girls were killed" in Tuesday's report of three dead: the toll rose,
    # the two are no part of the three; and Monday's nine injured are no whole of the eight
    led = ledger(nlp, "Three children were stabbed to death and eight others were injured in a knife attack in "
                      "the town. Police said Monday two girls were killed and six of the nine that were injured "
                      "were in critical condition.", published=("2024-07-30",))
    assert sorted(d.values for d in led.discrepancies) == [(2, 3), (8, 9)]
    # (told on the report's own day, the smaller count is a part: "police said Tuesday two were girls")
    led = ledger(nlp, "Three children were stabbed to death and eight others were injured in a knife attack in "
                      "the town. Police said Tuesday two girls were killed.", published=("2024-07-30",))
    assert led.discrepancies == ()


def test_an_adverb_of_time_on_the_deed_tells_its_first_victims_not_a_first_told_toll(nlp):
    # "the truck initially killed two people and continued": two of the 84, never a value of the toll
    led = ledger(nlp, "At least 84 people were killed when a truck plowed into a crowd in Nice. "
                      "The truck initially killed two people and continued down the boulevard.")
    assert led.discrepancies == ()
    # (on a verb of telling it is a toll told first: "initially said four were injured")
    led = ledger(nlp, "Officials initially said four people were injured in the attack in Nice, "
                      "but later said two were hurt.")
    (d,) = led.discrepancies
    assert d.values == (2, 4)


def test_a_toll_in_incidents_of_another_kind_is_the_toll_of_the_report_s_own_event(nlp):
    # "killed in car crashes" in a report on a blizzard: incidents the storm caused, not an event of
    # their own, so one report's six and another's 18 are one rising toll
    led = ledger(nlp, "A heavy blizzard shut down airports across the region on Saturday. "
                      "At least six people were killed in car crashes on icy highways. "
                      "The storm is expected to last until Monday.",
                 "The storm has killed 18 people, officials said on Sunday.",
                 published=("2021-02-13", "2021-02-14"))
    (d,) = led.discrepancies
    assert d.values == (6, 18)
    # (the class the report names most, not the first it names: "a rescue operation is underway
    # after landslides killed 93" is a report on landslides)
    led = ledger(nlp, "A rescue operation is underway after landslides killed at least 43 people on Tuesday. "
                      "The landslides buried two villages.",
                 "The landslides have killed 93 people, officials said.", published=("2024-07-30", "2024-07-31"))
    (d,) = led.discrepancies
    assert d.values == (43, 93)
    # one crash is an event of its own: a plane crash's toll is no value of the storm's
    led = ledger(nlp, "A heavy blizzard shut down airports across the region on Saturday. "
                      "Six people were killed when a small plane crashed on a snowy runway.",
                 "The storm has killed 18 people, officials said on Sunday.",
                 published=("2021-02-13", "2021-02-14"))
    assert led.discrepancies == ()


def test_a_name_on_a_noun_names_no_place_of_the_counts_after_it(nlp):
    # "the Panama Papers investigation" is no place: the 12 killed five years ago are one toll in
    # both reports, the one that names Paris and the one that names an investigation
    led = ledger(nlp, "The agency won a prize for its work on the Panama Papers investigation. "
                      "It comes five years after the attack on the magazine which saw 12 killed.",
                 "The magazine lost 12 employees in an attack in Paris in 2015.")
    (row,) = [r for r in led.rows if r.kind == "killed"]
    assert {s for v in row.values for s in v.sources} == {"S1", "S2"}


def test_a_rampage_is_an_attack(nlp):
    # "the rampage which killed 12 people" and "an attack in 2015" that killed 12: one toll (an
    # undated toll joins a dated one of the same number when both name their kind of event)
    led = ledger(nlp, "Staff rushed to help the survivors after the rampage which killed 12 people.",
                 "Police are pictured at the scene after the attack at the offices in 2015 which left 12 people dead.")
    assert len([r for r in led.rows if r.kind == "killed"]) == 1


def test_men_arrested_and_people_detained_are_one_count_of_arrests(nlp):
    # those held are told by sex or suspicion, not by a group: "two men" and "seven people" are
    # values of one count of arrests, and "five of those in custody" held in one suburb are some of it
    led = ledger(nlp, "A man was hurt in a stabbing near the station on Friday. Police have arrested two men.",
                 "Seven people have been detained over the attack. "
                 "Five of those in custody were detained in a suburb of Lyon.",
                 published=("2022-03-04", "2022-03-06"))
    (d,) = led.discrepancies
    assert d.values == (2, 7)
    (five,) = [r for r in led.rows if r.kind == "arrested" and {v.value for v in r.values} == {5}]
    assert five.part_of is not None


@pytest.mark.parametrize("text, event", [
    ("In the ensuing shooting spree, five customers were killed.", "shooting"),
    ("The rampage killed five customers.", "attack"),
])
def test_a_broad_event_noun_says_no_more_than_its_modifier(nlp, text, event):
    (r,) = readings(parse(nlp, text), load_words())
    assert r.event == event


def test_a_date_on_the_event_noun_dates_the_toll(nlp):
    # "during the clashes in April 2016, around 110 were killed": that year's toll, no value of a
    # war's toll the report gives beside it
    led = ledger(nlp, "Fighting broke out again on Sunday. Around 30,000 people were killed in the war.",
                 "During the worst recent clashes in April 2016, around 110 people were killed.",
                 published=("2020-09-27", "2020-09-29"))
    assert led.discrepancies == ()
    assert {v.value for r in led.rows if r.kind == "killed" for v in r.values} == {110, 30000}


def test_a_territory_is_in_the_country_it_belongs_to():
    # Hong Kong is China's (ISO 3166-2 lists it among China's subdivisions): 300 arrested told near
    # Hong Kong and a count told near Beijing may be one quantity; Georgia the country is nobody's
    from briefing.extract.countries import within
    assert within("hong kong") == {"hong kong", "china"}
    assert within("puerto rico") == {"puerto rico", "united states"}
    assert within("georgia") == {"georgia"}
    assert within("somalia") == {"somalia"}


def test_a_toll_of_an_event_months_before_the_report_is_a_past_event_s(nlp):
    # "attacks in Paris in November that left 130 people dead", told in a July report on the day's
    # attack: no value of the 80 and 84 the reports give undated
    led = ledger(nlp, "A truck plowed into a crowd in Nice on Thursday, leaving at least 80 people dead. "
                      "France has been on edge since a series of attacks in Paris in November that left 130 "
                      "people dead.",
                 "A truck driver killed 84 people in Nice.", published=("2016-07-15", "2016-07-16"))
    (d,) = led.discrepancies
    assert d.values == (80, 84)
    # a date of the report's own days is the news: "early July 15, 2016, after at least 60 people
    # were killed" is a value of the toll, not a past year's count
    led = ledger(nlp, "A soldier secures the area early July 15, 2016, after at least 60 people were killed "
                      "when a truck ran into a crowd.",
                 "A truck driver killed 84 people.", published=("2016-07-15", "2016-07-16"))
    (d,) = led.discrepancies
    assert d.values == (60, 84)


def test_plain_people_join_a_part_s_row_that_holds_plain_people_too(nlp):
    # "12 young boys and girls" fill a row of children first; "12 people, including children" join it
    # by their number; "at least 11 people, including children", read before them, is a value of it
    led = ledger(nlp, "At least 11 people, including children, were killed when a rocket hit a village on Saturday.",
                 "At least 12 people, including children, were killed when a rocket hit a village. "
                 "The rocket caused the deaths of 12 young boys and girls, the mayor said.",
                 published=("2024-07-27", "2024-07-28"))
    (d,) = led.discrepancies
    assert d.values == (11, 12)
    # and a row most of whose values are of plain people is labelled so, not by the one wording
    # of a part ("young boys killed")
    assert d.label == "people killed"


def test_a_colon_that_runs_on_into_prose_leads_no_list_in(nlp):
    # bulleted paragraphs, each a title and its story: the first story's arrest is no count of the others
    text = ("• Woman accused of setting the forest fire is arrested: A suspect has been arrested on suspicion of "
            "throwing a lit flare into dry brush, police said.\n\n"
            "• Blaze doubles in size: By Friday morning, the fire had spread across an area of nearly 40 square miles "
            "since starting on Tuesday.\n\n"
            "• Second fire in the north: The Ridge Fire, which has burned an area larger than the city of Denver, "
            "started on July 12 near the state line.\n")
    assert not [(r.kind, r.value) for r in readings(parse(nlp, text), load_words()) if r.value in (40, 12)]
    # a colon that ends its line still says what the items under it count
    listed = ("Police gave the numbers of arrests by city:\n\n    * Lyon - 40\n    * Nantes - 12\n")
    assert {(r.kind, r.value) for r in readings(parse(nlp, listed), load_words())} >= {("arrested", 40), ("arrested", 12)}


def test_a_hyphen_inside_a_word_parts_no_item_s_name_from_its_count(nlp):
    # under a heading of a death, the area of a fire ("120-square-mile") counts nobody
    text = ("Pilot found dead near the blaze\n\n"
            "The pilot was found dead in a single-engine plane near the 120-square-mile Ridge Fire, officials said.\n")
    assert not [r for r in readings(parse(nlp, text), load_words()) if r.value == 120]


def test_a_toll_that_rose_takes_no_far_larger_count_of_a_longer_war_into_its_row(nlp):
    # "continued to rise ... 45 killed" is a revision, but no toll rises from 21,400 down to 45
    text = ("The death toll from the offensive continued to rise on Tuesday, as the media office said 45 people had "
            "been killed so far. A doctor at the city's main hospital told reporters that it had issued death "
            "certificates for 38 people killed since Monday. The war began in March. Air strikes in the province "
            "have since killed 21,400 people, according to the health ministry.")
    other = text.replace("have since killed 21,400 people", "have killed 21,400 people since the war began")
    led = ledger(nlp, text, other, published=("2024-07-23", "2024-07-24"))
    rows = [sorted({v.value for v in r.values}) for r in led.rows]
    # (the doctor's 38 is a rival count of the office's 45: `test_a_count_another_teller_gives_...`)
    assert [38, 45] in rows and [21400] in rows
    # a toll that rose far keeps its earlier value: "rose to 1,200" from "at least 40" the day before
    led = ledger(nlp, "At least 40 people were killed in the earthquake, officials said.",
                 "The death toll from the earthquake rose to 1,200 on Tuesday, officials said.",
                 published=("2024-02-05", "2024-02-06"))
    assert [sorted({v.value for v in r.values}) for r in led.rows] == [[40, 1200]]


def test_two_reports_of_a_war_s_toll_conflict_beside_the_day_s_counts_both_give(nlp):
    # both reports give the day's 30 and 90 (two counts); the war's toll is 19,450 in one, 19,612 in the next
    text = ("An air strike on a school in the town killed 30 people, officials said. Hospital officials said later "
            "that 90 people had been killed in strikes across the province on Saturday. The war began in October. "
            "Air strikes in the province have since killed 19,450 people, according to the health ministry.")
    led = ledger(nlp, text, text.replace("19,450", "19,612"), published=("2024-07-27", "2024-07-28"))
    rows = [sorted({v.value for v in r.values}) for r in led.rows]
    assert [19450, 19612] in rows and [30] in rows and [90] in rows


def test_another_count_a_report_adds_is_no_value_of_the_count_it_gave_before(nlp):
    # "another 6,200 people" forced out of other places adds to the town's 3,000; it is no rival value
    text = ("The town's 3,000 residents fled on short notice late Monday when the wildfire flared up, officials "
            "said. A record number of fires in 2023 forced more than 150,000 people across the country to evacuate. "
            "The province has been baking in a heat wave that has already forced another 6,200 people out of remote "
            "communities.")
    other = ("The wildfire roared into the town after its 3,000 residents fled late Monday. A record number of fires "
             "in 2023 forced more than 150,000 people across the country to evacuate.")
    led = ledger(nlp, text, other, published=("2024-07-23", "2024-07-24"))
    rows = [sorted({v.value for v in r.values}) for r in led.rows]
    assert [3000] in rows and [6200] in rows


def test_a_town_a_report_calls_a_town_in_a_province_is_in_that_province_s_country(nlp):
    # the gazetteer's most populous Hanna is elsewhere; the report says this one is in Alberta
    led = ledger(nlp, "In Hanna, a small farming town in Alberta, 2,500 residents and visitors were forced to evacuate "
                      "from a fast-moving grass fire, officials said on Thursday.",
                 "The grass fire remains out of control, officials in Alberta said on Monday. Around 1,700 people "
                 "have evacuated, officials noted.", published=("2024-07-25", "2024-07-29"))
    assert [sorted(v.value for v in r.values) for r in led.rows] == [[1700, 2500]]


def test_a_list_of_states_puts_no_state_inside_another(nlp):
    from briefing.extract.figure_places import Aliases, towns_in_states

    vocab = load_words()
    (p,) = parse(nlp, "Air quality alerts were issued for parts of Nevada, Utah, Arizona and New Mexico. "
                      "A man was shot in Tucson, Arizona, on Sunday.")
    found = set().union(*(towns_in_states(s, vocab, Aliases(vocab)) for s in p.sentences))
    assert found == {("tucson", "arizona")}


def test_another_after_a_count_of_another_kind_makes_no_increment(nlp):
    # "killed 12 and injured another 40": the 40 are the whole injured count, added to the dead
    found = readings(parse(nlp, "The blast killed 12 people and injured another 40, officials said."), load_words())
    assert [(r.kind, r.value, r.increment) for r in found] == [("killed", 12, False), ("injured", 40, False)]
    found = readings(parse(nlp, "At least 41 people died in the blaze. Police said another 120 people were injured, "
                                "15 of them critically."), load_words())
    assert ("injured", 120, False) in [(r.kind, r.value, r.increment) for r in found]
    # an increment of its own kind joins no toll as another value of it
    led = ledger(nlp, "A gunman killed 16 people across the province on Sunday, police said.",
                 "Police said on Monday that 18 people were killed in the rampage.",
                 "His dog was found unharmed. About an hour later, and after killing one more victim, the gunman was "
                 "shot dead by police at a petrol station.", published=("2024-04-19", "2024-04-20", "2024-04-21"))
    assert [16, 18] in [sorted(v.value for v in r.values) for r in led.rows]


def test_a_count_another_teller_gives_after_the_toll_is_a_rival_value(nlp):
    # the media office's 89, then a hospital's 75 killed "since Monday" (a span up to now): one toll, two values
    led = ledger(nlp, "The government media office said 89 people had been killed in the operation so far. "
                      "A hospital spokesman, Ahmed Karim, told reporters that the hospital had issued death "
                      "certificates for 75 people killed since Monday morning.")
    assert [sorted(v.value for v in r.values) for r in led.rows] == [[75, 89]]
    (d,) = led.discrepancies
    assert d.values == (75, 89) or d.values == (89, 75)
    # one teller's smaller count after its toll is still a detail of it
    led = ledger(nlp, "Police said 89 people had been killed in the operation. Police said 75 of the bodies "
                      "were found at the market.")
    assert led.discrepancies == ()
    # another teller's count of another day is another event's, not a rival
    led = ledger(nlp, "A magnitude-7.8 earthquake struck the coast on Saturday, leaving at least 77 people dead, "
                      "authorities said. At least 41 people were killed in an earthquake in another country on "
                      "Thursday, a national broadcaster reported.")
    assert [77] in [sorted(v.value for v in r.values) for r in led.rows]
    assert led.discrepancies == ()


def test_a_count_split_from_another_is_placed_where_its_own_sentences_place_it(nlp):
    # the operation's 89 dead and the 1,200 of October 7 leave the war's 39,090 "in Gaza": placed
    # nowhere, as their own sentences say, neither is labelled a toll in Gaza, nor a part of another
    text = ("Israeli forces pushed into eastern Khan Younis in southern Gaza on Monday. The death toll from the "
            "operation continued to rise on Tuesday, as the government media office said 89 people had been killed. "
            "Israel launched its military offensive on October 7 after Hamas attacked southern Israel. At least "
            "1,200 people were killed and more than 250 others abducted, according to Israeli authorities. Israeli "
            "strikes in Gaza have since killed 39,090 Palestinians, according to the health ministry.")
    led = ledger(nlp, text, text.replace("on Tuesday", "on Wednesday"), published=("2024-07-23", "2024-07-24"))
    by_value = {v.value: r for r in led.rows for v in r.values}
    assert "Gaza" in by_value[39090].label
    assert "Gaza" not in by_value[89].label and "Gaza" not in by_value[1200].label
    assert by_value[89].part_of is None and by_value[1200].part_of is None


@pytest.mark.parametrize("text, name", [
    # a name before a capitalised class noun, made definite
    ("The Oak Fire has destroyed 20 structures, officials said.", "Oak Fire"),
    ("California's Oak Fire has destroyed 20 structures, officials said.", "Oak Fire"),
    # an agency and another noun's modifier name no fire
    ("The fire has destroyed 20 structures, according to Cal Fire.", None),
    ("Cal Fire Captain Dan Collins said the fire had destroyed 20 structures.", None),
    ("The fire has destroyed 20 structures, the Department of Forestry and Fire Protection said.", None),
])
def test_a_fire_is_named_before_its_noun(nlp, text, name):
    (r,) = readings(parse(nlp, text), load_words())
    assert (r.kind, r.event_name) == ("destroyed", name)


def test_a_roundup_of_named_fires_keeps_each_fire_s_counts_apart(nlp):
    # each fire is told in its own paragraphs; "the fire" there is that paragraph's fire
    first = ("The Oak Fire has burned 100,000 acres. Cal Fire said more than 100 structures were destroyed by "
             "the Oak Fire.\n\nThe Pine Fire, which started on July 17, is the largest in the state. Three homes and "
             "12 other structures were destroyed as the fire spread.\n\nThe Pine Fire is 20% contained.")
    second = ("The Oak Fire has burned 150,000 acres. Crews have confirmed 20 structures destroyed by the Oak Fire."
              "\n\nThe Pine Fire is the largest in the state.\n\nThree homes and 19 other structures were destroyed as "
              "the fire spread, officials said. The Pine Fire is 40% contained.")
    led = ledger(nlp, first, second, published=("2024-07-26", "2024-07-28"))
    rows = sorted(sorted(v.value for v in r.values) for r in led.rows if r.kind == "destroyed")
    assert [12, 19] in rows and [20, 100] in rows
    assert sorted(sorted(d.values) for d in led.discrepancies) == [[12, 19], [20, 100]]
    # the fire other than the one each report tells most is named in its label
    (pine,) = [r for r in led.rows if 12 in {v.value for v in r.values}]
    assert pine.label == "structures destroyed by the Pine Fire"
    # an aside on a fire named once does not carry into the paragraphs after it
    led = ledger(nlp, "The Oak Fire has destroyed 20 structures. Crews are battling the blaze on two fronts.\n\n"
                      "The state's worst was the Elm Fire in 2018."
                      "\n\nOfficials said the fire had destroyed 30 structures by Saturday.")
    assert [sorted(v.value for v in r.values) for r in led.rows if r.kind == "destroyed"] == [[20, 30]]


def test_a_count_an_article_quotes_from_another_teller_is_a_rival_value(nlp):
    # "according to" names a teller as a verb of saying's subject does
    led = ledger(nlp, "The office said 45 people had been killed in the offensive. The hospital has received the bodies "
                      "of 38 people killed in the offensive, according to the Ministry of Health.")
    assert [sorted(v.value for v in r.values) for r in led.rows] == [[38, 45]]


def test_an_upper_guess_beside_a_toll_is_a_value_of_it(nlp):
    # "as many as 40,000 could have died" beside "has surpassed 12,000": one toll and its rival guess,
    # which seeds no row of its own that the other reports' counts would join
    led = ledger(nlp, "The earthquake killed at least 600 people in Turkey, officials said.",
                 "The death toll in the quake has surpassed 12,000 and some officials have predicted as many as "
                 "40,000 could have died.", "The quake's death toll rose to 14,000 on Sunday.",
                 published=("1999-08-17", "1999-08-22", "1999-08-23"))
    assert [sorted(v.value for v in r.values) for r in led.rows if r.kind == "killed"] == [[600, 12000, 14000, 40000]]


def test_a_named_event_set_beside_its_noun_names_the_count_s_event(nlp):
    # "the state's deadliest wildfire, the Camp Fire, killed 85": the apposition names the fire
    (r,) = [r for r in readings(parse(nlp, "The state's deadliest wildfire, the Camp Fire, killed more than 85 "
                                           "people in 2018."), load_words())]
    assert r.event_name == "Camp Fire"


def test_a_count_takes_the_one_name_its_own_sentence_gives_before_it(nlp):
    # an aside's fire, named once, is still the fire of the count its own sentence tells after it,
    # however the parser hangs the count; not the paragraph's main fire
    found = readings(parse(nlp, "The Oak Fire has burned 100,000 acres. The Oak Fire is 10% contained. After the Elm "
                                "Fire swept through the valley in 2018, officials said 85 people had died."), load_words())
    assert [(r.value, r.event_name) for r in found if r.kind == "killed"] == [(85, "Elm Fire")]


def test_this_district_is_the_place_just_named(nlp):
    # a demonstrative place noun points back to the place the sentences before name, however the
    # recogniser labelled the name ("Mansour, a Sunni neighbourhood")
    for first in ("Mansour, a Sunni neighbourhood, was where the first attack struck.",
                  "Witnesses said the attack hit the Mansour district of the capital."):
        found = readings(parse(nlp, first + " A car bomb exploded in this western district, killing 14 people."),
                         load_words())
        assert [(r.value, [p.key for p in r.places]) for r in found if r.kind == "killed"] == [(14, ["mansour"])]


def test_two_transliterations_of_a_place_are_one_place(nlp):
    # doubled letters and a final "h" are spelling, not another town
    led = ledger(nlp, "A car bomb killed 14 people in Hammadiya on Sunday.", "A car bomb killed 19 people in Hamadiyah on Sunday.")
    assert [sorted(v.value for v in r.values) for r in led.rows if r.kind == "killed"] == [[14, 19]]
    led = ledger(nlp, "A car bomb killed 14 people in Hammadiya on Sunday.", "A car bomb killed 19 people in Hamidiya on Sunday.")
    assert sorted(sorted(v.value for v in r.values) for r in led.rows if r.kind == "killed") == [[14], [19]]


def test_two_bombings_tolls_and_one_bomb_s_part(nlp):
    # "killed and 150 wounded in two bombings in Kabul": the place ends both clauses; "most of them in
    # a market" singles out no part; a teller joined to a day is the teller
    first = ("Bombs hit two crowded markets in Kabul, killing at least 20 people and wounding 50, officials said. "
             "Shortly afterward, a bomb went off in eastern Kabul, killing 4 people and wounding 9.")
    second = ("Nearly 90 people were killed and 150 wounded in two bombings overnight in Kabul, most of them in a "
              "busy market as families marked Eid, police and medical sources said on Sunday.")
    found = readings(parse(nlp, second), load_words())
    assert [(r.kind, r.value, [p.key for p in r.places], r.told_by) for r in found
            if r.kind in ("killed", "injured")] == [("killed", 90, ["kabul"], "police"), ("injured", 150, ["kabul"], "police")]
    assert [r.qualifier for r in found if r.kind == "killed"] == [()]
    led = ledger(nlp, first, second)
    rows = {r.id: r for r in led.rows}
    tolls = {r.kind: sorted(v.value for v in r.values) for r in led.rows if r.part_of is None and r.kind in ("killed", "injured")}
    assert tolls == {"killed": [20, 90], "injured": [50, 150]}
    parts = sorted((rows[r.part_of].kind, [v.value for v in r.values]) for r in led.rows if r.part_of)
    assert parts == [("injured", [9]), ("killed", [4])]


def test_a_number_an_article_states_once_beside_one_it_restates_is_another_count(nlp):
    # 30 told twice is the shrine attack's toll; 150, told once between, is the bombing's
    led = ledger(nlp, "The minister resigned after a series of bombings, including one at a mosque that killed 30 people. "
                      "Anger is high after a car bombing on Sunday that killed at least 150 people. A suicide bomber struck the "
                      "mosque on Thursday. In all, 30 people were killed and 62 wounded.")
    assert sorted(sorted(v.value for v in r.values) for r in led.rows if r.kind == "killed") == [[30], [150]]
    assert not led.discrepancies
    # a revision keeps its values one count
    led = ledger(nlp, "The attack killed 30 people. The toll later rose to 45. Officials said 30 people were killed "
                      "in the first hours.")
    assert [sorted(v.value for v in r.values) for r in led.rows if r.kind == "killed"] == [[30, 45]]


def test_a_place_that_locates_another_is_not_the_count_s_place(nlp):
    # "in Greenbrier County in southeast West Virginia": the second place says where the first is
    found = readings(parse(nlp, "The toll is the highest this year, with 12 deaths reported in Marion County in "
                                "southern Oregon, officials said."), load_words())
    assert [(r.value, [p.key for p in r.places]) for r in found if r.kind == "killed"] == [(12, ["marion county"])]
    # and a "where" the parser hangs on that wider place tells of the narrower one
    found = readings(parse(nlp, "The hardest-hit area was Marion County in the southern Oregon, where 12 deaths have "
                                "been reported, officials said."), load_words())
    assert [(r.value, [p.key for p in r.places]) for r in found if r.kind == "killed"] == [(12, ["marion county"])]


def test_a_place_spelt_with_two_letters_swapped_is_the_same_place(nlp):
    led = ledger(nlp, "Officials said 12 people died in Marion County.", "Officials said 14 people died in Mairon County.")
    assert [sorted(v.value for v in r.values) for r in led.rows if r.kind == "killed"] == [[12, 14]]


def test_members_of_the_national_guard_are_a_force(nlp):
    assert read(nlp, "The governor deployed 200 members of the Oregon National Guard on Friday.") == [("troops", 200)]


def test_fighters_a_clause_says_took_part_in_the_deed_are_no_force(nlp):
    assert read(nlp, "The group posted photos of five fighters it said were involved in the killings.") == []
    assert read(nlp, "Police are hunting the six militants who carried out the attack.") == []
    assert read(nlp, "A jury indicted one of the three police officers involved in the fatal shooting.") == []
    # a force sent to help is one
    assert read(nlp, "The army sent 300 soldiers who were involved in the rescue.") == [("troops", 300)]


def test_a_bare_participle_tagged_as_a_past_tense_is_still_a_passive(nlp):
    # "and 30 wounded, mostly from shrapnel": words after the participle make the tagger read a past tense
    assert read(nlp, "Two police officers were killed in the standoff, and 30 wounded, mostly from shrapnel, "
                     "officials said.") == [("killed", 2), ("injured", 30)]
    assert read(nlp, "In all, 37 people were killed and 62 wounded, according to police.") == [("killed", 37), ("injured", 62)]


def test_a_count_told_under_a_clause_about_another_event_is_that_event_s(nlp):
    # "a previous attack was smaller though police arrested 18": that attack's arrests are no value of
    # the arrests after the attack the report tells of
    led = ledger(nlp, "After the attack, 30 people had been arrested, the police department said. A previous attack on "
                      "Friday night was smaller though police arrested 18 people.")
    assert sorted(sorted(v.value for v in r.values) for r in led.rows if r.kind == "arrested") == [[18], [30]]
    assert not led.discrepancies


def test_in_the_intensive_care_unit_is_in_intensive_care(nlp):
    assert read(nlp, "Five people died and 12 others are in the intensive care unit.") == [("killed", 5), ("injured", 12)]


def test_a_number_one_report_gives_joins_the_count_told_in_its_words_when_two_counts_are_split(nlp):
    # two reports each give 20 injured and 17 received by a hospital: two counts; the third
    # report's "at least 35 injured in the attack" is the 20's rival, not a count of its own
    first = ("At least 20 people were injured in the attack, officials said. The town was in mourning on Sunday. "
             "The regional hospital said it had received 17 injured people.")
    led = ledger(nlp, first, "At least 35 people were injured in the attack.", first.replace("Sunday", "Monday"))
    assert sorted(sorted(v.value for v in r.values) for r in led.rows if r.kind == "injured" and r.part_of is None) \
        == [[17], [20, 35]]


def test_a_caption_s_older_toll_in_the_city_the_lead_names_is_that_toll_as_it_rose(nlp):
    # the lead names the city in its own sentence; a caption's "at least 40 killed in Boston" is the
    # same toll, earlier, not a part of it
    led = ledger(nlp, "A truck plowed into pedestrians during celebrations in the city of Boston on Thursday, leaving "
                      "at least 70 people dead. The driver was shot by police.\n\nA soldier secures the area on Friday "
                      "after at least 40 people were killed in Boston.",
                 "A truck driver killed 74 people in the attack in Boston.")
    assert [sorted(v.value for v in r.values) for r in led.rows if r.kind == "killed"] == [[40, 70, 74]]
    # a province's count under a country's toll stays a part of it
    led = ledger(nlp, "The earthquake killed 7,000 people in Turkey. In the Izmit region alone, 3,200 people were killed.")
    assert [[v.value for v in r.values] for r in led.rows if r.part_of] == [[3200]]


def test_a_companion_of_the_subject_shares_its_verb(nlp):
    # "the town's 5,000 residents — along with 20,000 visitors — fled": the parser makes the
    # residents the verb's subject, with the visitors under them
    assert read(nlp, "The hills had been menaced by fires from the north, and the town’s 3,000 full-time residents — "
                     "along with 12,000 visitors – fled on short notice late Monday night.") \
        == [("displaced", 3000), ("displaced", 12000)]


def test_one_number_two_deeds_share_counts_neither(nlp):
    # "killing and wounding more than 80 people": the dead and the wounded together
    assert read(nlp, "The group claimed responsibility for killing and wounding more than 80 people in the area.") == []
    assert read(nlp, "Gunmen killed 20 people and wounded 50.") == [("killed", 20), ("injured", 50)]
    # (not a verb with a count of its own: "with two people killed and one injured")
    assert read(nlp, "Protests turned violent, with two people killed and one injured on Tuesday night.") \
        == [("killed", 2), ("injured", 1)]


def test_people_a_risen_toll_includes_are_a_part_of_it(nlp):
    found = readings(parse(nlp, "The death toll rose to 20, including 13 civilians."), load_words())
    assert [(r.value, r.noun, r.subset) for r in found] == [(20, "death", False), (13, "civilian", True)]


def test_a_war_s_toll_is_not_a_value_of_today_s_attack(nlp):
    led = ledger(nlp, "Syrian state TV said more than 65 people had been killed in multiple attacks in the coastal "
                      "cities of Tartus and Jableh.",
                 "The blasts came as violence intensified in a war that has killed at least 250,000 people. "
                 "State media said 78 people had been killed in the attacks.")
    assert sorted(sorted(v.value for v in r.values) for r in led.rows if r.kind == "killed") == [[65, 78], [250000]]


def test_a_bare_count_after_a_sentence_that_placed_the_event_is_that_place_s(nlp):
    # "more than 20 were killed" right after "attacked a bus station in Tartus", in one paragraph, even
    # though the recogniser takes Tartus for an organisation there: Tartus's dead, a part of the toll
    # of both cities
    text = ("Syrian state TV said that more than 65 people had been killed in attacks in the coastal cities of Tartus "
            "and Jableh. The report said at least one suicide bomber on foot followed by a car bomber attacked a "
            "packed bus station in Tartus. An Interior Ministry official said more than 20 were killed.")
    found = readings(parse(nlp, text), load_words())
    assert [[p.key for p in r.places] for r in found if r.value == 20] == [["tartus"]]
    # (not from a sentence of another paragraph, nor one that names two places)
    for before in ("A car bomber attacked a packed bus station in Tartus.\n\n",
                   "A car bomber attacked a bus station in Tartus and a hospital in Jableh. "):
        found = readings(parse(nlp, before + "An Interior Ministry official said more than 20 were killed."),
                         load_words())
        assert [r.places for r in found if r.value == 20] == [()]


def test_the_place_an_event_struck_is_where_the_count_it_led_to_is(nlp):
    for text, where in (("A tornado hit Mississippi on Tuesday, killing three people.", ["mississippi"]),
                        ("Tornadoes that pummeled southern Louisiana and Mississippi on Tuesday claimed at least "
                         "three lives.", ["louisiana", "mississippi"])):
        found = readings(parse(nlp, text), load_words())
        assert [sorted(p.key for p in r.places) for r in found] == [where]
    # (a verb that strikes nothing places nothing: "a tornado killed three people, officials in Texas said")
    found = readings(parse(nlp, "A tornado touched down, killing three people."), load_words())
    assert [r.places for r in found] == [()]


def test_fatally_makes_any_deed_a_killing(nlp):
    assert read(nlp, "Four women were fatally shot outside the restaurant.") == [("killed", 4)]
    assert read(nlp, "Three soldiers were mortally wounded in the ambush.") == [("killed", 3)]
    assert read(nlp, "A gunman shot two officers.") == [("injured", 2)]


def test_a_participle_that_names_them_is_not_what_befell_them(nlp):
    # "four women identified as ...": the verb after says what befell them
    assert read(nlp, "About 15 minutes later four women identified as Mary Lou Nye, 62, of Baroda, Michigan; and "
                     "Dorothy Brown, 74; Barbara Hawthorne, 68; and Mary Jo Nye, 60, were fatally shot outside the "
                     "restaurant.") == [("killed", 4)]
    # (bodies identified are still a part of the toll found so far)
    found = readings(parse(nlp, "Officials said 22 bodies were identified."), load_words())
    assert [(r.kind, r.value, r.subset) for r in found] == [("killed", 22, True)]


def test_what_a_bomber_wears_is_a_munition(nlp):
    assert read(nlp, "The bombers detonated two explosive belts at the shrine.") == [("munitions", 2)]
    assert read(nlp, "Police defused two explosive devices near the station.") == [("munitions", 2)]
    assert read(nlp, "Two belts were found in the car.") == []


def test_a_toll_without_the_attackers_it_includes_is_its_victims_not_a_rival(nlp):
    led = ledger(nlp, "At least six people are dead following a shooting near a mosque, according to the police.",
                 "The police said on Tuesday that nine people were killed in the shooting, including the three "
                 "perpetrators and a policeman.")
    (toll,) = [r for r in led.rows if r.kind == "killed" and r.part_of is None]
    assert [v.value for v in toll.values] == [9] and not toll.conflict
    parts = sorted(v.value for r in led.rows if r.part_of == toll.id for v in r.values)
    assert parts == [3, 6]
    # (two tolls that differ by other than the attackers stay one changing toll)
    led = ledger(nlp, "At least five people are dead following a shooting near a mosque, according to the police.",
                 "The police said on Tuesday that nine people were killed in the shooting, including the three "
                 "perpetrators.")
    assert sorted(sorted(v.value for v in r.values) for r in led.rows if r.kind == "killed" and r.part_of is None) \
        == [[5, 9]]


def test_the_name_after_of_is_the_place_a_modifier_describes(nlp):
    found = readings(parse(nlp, "The group claimed an attack on a mosque in the Gulf Arab state of Oman that killed "
                                "six people."), load_words())
    assert [[p.key for p in r.places] for r in found] == [["oman"]]


def test_including_hung_on_the_event_is_a_part_of_the_verb_s_count(nlp):
    # the parser hangs "including" on "the shooting": the three are some of the nine all the same
    found = readings(parse(nlp, "Nine people were killed in the shooting, including three attackers."), load_words())
    assert [(r.kind, r.value, r.subset) for r in found] == [("killed", 9, False), ("killed", 3, True)]


def test_a_label_names_no_place_its_people_already_name(nlp):
    led = ledger(nlp, "At least four Pakistanis were among the dead, the ministry said.")
    assert [r.label for r in led.rows] == ["Pakistanis killed"]


def test_a_country_s_embassy_abroad_places_nothing_in_that_country(nlp):
    found = readings(parse(nlp, "One Indian citizen was killed and another injured, India’s embassy in Muscat "
                                "announced in a post on Tuesday."), load_words())
    assert [(r.kind, r.value, r.places) for r in found] == [("killed", 1, ())]
    # (a state's own office still places what it reports)
    found = readings(parse(nlp, "Oregon's Office of Emergency Management says the fires have killed six people."),
                     load_words())
    assert [[p.key for p in r.places] for r in found] == [["oregon"]]
    # nor does its foreign ministry, which speaks for it abroad (a health ministry reports at home)
    found = readings(parse(nlp, "Norway's foreign ministry said one Norwegian man was injured.",
                           "Iraq's health ministry said 20 people were killed."), load_words())
    assert [[p.key for p in r.places] for r in found] == [[], ["iraq"]]


def test_a_part_goes_under_a_total_larger_than_it(nlp):
    led = ledger(nlp, "At least six people are dead following a shooting near a mosque. At least one police officer "
                      "was among those killed. One Indian citizen was killed, the embassy said.",
                 "Six people were killed in the shooting. One Indian citizen was killed, the embassy said.")
    (officer,) = [r for r in led.rows if r.label == "police officer killed"]
    (parent,) = [r for r in led.rows if r.id == officer.part_of]
    assert [v.value for v in parent.values] == [6]


def test_a_label_names_the_day_once(nlp):
    # two rows alike are told apart by their day, unless the label names it already
    led = ledger(nlp, "The talks were about the 1988 bombing of a passenger plane over the village, which killed 270 people.",
                 "All 259 people aboard the plane and 11 people on the ground were killed in 1988.",
                 published=("1998-12-01", "1998-12-05"))
    labels = [r.label for r in led.rows]
    assert labels and all(label.count("1988") <= 1 for label in labels)


def test_a_count_an_article_calls_its_total_holds_its_smaller_counts(nlp):
    text = ("At least nine deaths in the city were confirmed to be storm-related, the coroner said. "
            "Crews worked through the night. Overall, more than 15 deaths in the region were attributed to the storm.")
    led = ledger(nlp, text, text.replace("the night", "Sunday night"))
    assert led.discrepancies == ()  # a part, not a rival value
    (total,) = [r for r in led.rows if r.part_of is None]
    assert [v.value for v in total.values] == [15] and len(total.parts) == 1
    # and the part says which in the article's words, not its total's label again
    (part,) = [r for r in led.rows if r.part_of == total.id]
    assert part.label != total.label and "deaths" in part.label


def test_a_part_labelled_as_its_total_says_which_in_its_source_s_words(nlp):
    text = ("At least 14 city-area deaths were confirmed to be storm-related, including seven people who died from "
            "heat exposure, according to the county institute. Crews worked through the night. Overall, more than 20 "
            "deaths in the county and nearby counties were attributed to the storm, according to local media.")
    led = ledger(nlp, text, text.replace("the night", "Sunday night"))
    labels = {r.values[0].value: r.label for r in led.rows}
    assert labels[14] == "city-area deaths" and labels[20] != labels[14]
