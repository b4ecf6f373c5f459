"""Quotes with their speakers, the timeline and year discrepancies, on made-up sentences
parsed with the real model."""
from __future__ import annotations

import hashlib

import pytest

from briefing.analyze import analyze, load_model
from briefing.dates import find_dates, place
from briefing.extract.entities import entity_cards
from briefing.extract.events import date_discrepancies
from briefing.extract.quotes import extract_quotes, quote_spans
from briefing.extract.timeline import extract_timeline
from briefing.model import ParsedSource, Source


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def parse(nlp, text: str, published: str | None = None, sid: str = "S1") -> ParsedSource:
    source = Source(id=sid, path=f"{sid}.txt", sha256=hashlib.sha256(text.encode()).hexdigest(),
                    text=text, published=published)
    return analyze([source], nlp)[0]


def quotes_of(nlp, text: str) -> dict[str, str | None]:
    """{quoted words: speaker} for one made-up article."""
    p = parse(nlp, text)
    found = extract_quotes([p], entity_cards([p]))
    for q in found:
        assert p.source.text.find(q.text) >= 0  # verbatim
        for c in q.citations:  # each citation is a whole sentence of the source
            assert any((s.start, s.end) == (c.start, c.end) for s in p.sentences)
    return {q.text: q.speaker for q in found}


# --- finding quotations ---------------------------------------------------------------------------


def test_quote_spans_pair_curly_and_straight_marks_and_skip_nested_ones():
    text = ('He said “the port will reopen on time.” Then: "The "Big Four" are not here." '
            'And "an open quotation runs on to the end of its paragraph\nNext paragraph.')
    assert [text[s:e] for s, e in quote_spans(text)] == [
        "the port will reopen on time.",
        'The "Big Four" are not here.',
        "an open quotation runs on to the end of its paragraph",
    ]


def test_paragraphs_run_together_reopen_the_quotation():
    text = 'She said: "We tried very hard to win. "Obviously we failed in that." The cost is not known.'
    assert [text[s:e] for s, e in quote_spans(text)] == [
        "We tried very hard to win.", "Obviously we failed in that."]


def test_single_marks_quote_where_a_line_has_no_double_ones_and_apostrophes_do_not():
    text = ("'This is the real deal, and it deserves your attention,' the governor wrote. 'Be smart,' he said.\n"
            "He said: 'We've got to look at the fact he had two hours to run around the city.\n"
            "It's the drivers' fault, as in the '90s, he said.\n"
            "‘We were shocked,’ she said, \"and 'shaken' too.\"")
    assert [text[s:e] for s, e in quote_spans(text)] == [
        "This is the real deal, and it deserves your attention",
        "Be smart",
        "We've got to look at the fact he had two hours to run around the city.",
        "and 'shaken' too.",
    ]


def test_a_headline_repeating_part_of_a_quotation_is_not_a_quote_of_its_own(nlp):
    text = ('"My eyes were itchy"\n\n'
            '"My eyes were itchy, and I was feeling drowsy," said Ravi Kumar, who lives near the plant.')
    assert quotes_of(nlp, text) == {"My eyes were itchy, and I was feeling drowsy": "Ravi Kumar"}


# --- speakers -------------------------------------------------------------------------------------


def test_x_said(nlp):
    q = quotes_of(nlp, 'Defence minister Ali Karimi said: "The talks with the delegation will continue '
                       'next month in the capital."')
    assert q == {"The talks with the delegation will continue next month in the capital.": "Ali Karimi"}


def test_said_x_after_the_quotation(nlp):
    q = quotes_of(nlp, '"We will rebuild every bridge in the province before winter," said Maria Lopez, '
                       'the governor of the province.')
    assert q == {"We will rebuild every bridge in the province before winter": "Maria Lopez"}


def test_he_added_is_the_last_named_speaker(nlp):
    q = quotes_of(nlp, 'John Carter, a spokesman for the ministry, said in a statement that the port was '
                       'closed. "We expect to reopen it within days, once the damage is repaired," he added.')
    assert q == {"We expect to reopen it within days, once the damage is repaired": "John Carter"}


def test_a_group_named_in_apposition_speaks(nlp):
    q = quotes_of(nlp, 'Another militant group, Asaib Ahl al-Haq, warned the government that "any attack '
                       'will be answered with force" and called for calm.')
    assert q == {"any attack will be answered with force": "Asaib Ahl al-Haq"}


def test_according_to_the_groups_spokesman_is_the_group(nlp):
    q = quotes_of(nlp, 'The Ansar Brigades claimed the attack on Monday. According to the group\'s '
                       'spokesman, "the fighters had left the area before the strike began."')
    assert q == {"the fighters had left the area before the strike began.": "Ansar Brigades"}


def test_the_office_of_the_one_prime_minister_named(nlp):
    q = quotes_of(nlp, "Prime Minister Sara Okafor met the envoy on Monday. A statement from the prime "
                       'minister\'s office indicated, "The government will hold new elections within a year '
                       'of the agreement."')
    assert q == {"The government will hold new elections within a year of the agreement.": "Sara Okafor"}


def test_a_quotation_alone_continues_the_previous_speaker(nlp):
    q = quotes_of(nlp, 'Colin Webb, the hotel manager, said: "We have tried very hard to keep the guests here." '
                       '"Obviously we have failed in that, and the season is over."')
    assert set(q.values()) == {"Colin Webb"}
    assert len(q) == 2


def test_a_quotation_alone_in_newswire_marks_continues_the_previous_speaker(nlp):
    q = quotes_of(nlp, "``A lot of them rolled over in the night,'' Gray said. ``They've got hand, leg and "
                       "facial injuries, they really got pounded yesterday.''")
    assert set(q.values()) == {"Gray"} and len(q) == 2


def test_a_quotation_under_a_paragraph_that_ends_saying_so_is_that_speaker_s(nlp):
    q = quotes_of(nlp, 'Writing on her weblog, Rachel North says:\n\n"I know what happened, and I want to know why '
                       'nobody has answered us."')
    assert q == {"I know what happened, and I want to know why nobody has answered us.": "Rachel North"}


def test_who_was_quoted_as_saying_is_the_speaker_not_who_quoted_him(nlp):
    q = quotes_of(nlp, "Aslan Maskhadov said the deaths were a major blow. ``I am ready to answer before my people "
                       "for what happened,'' he was quoted as saying by the Interfax news agency.")
    assert q == {"I am ready to answer before my people for what happened": "Aslan Maskhadov"}


def test_nobody_identifiable_is_none(nlp):
    q = quotes_of(nlp, 'The words "never again for any of us" were painted on the wall of the school.')
    assert q == {"never again for any of us": None}


def test_a_hidden_speaker_is_not_guessed(nlp):
    q = quotes_of(nlp, 'Ali Karimi arrived in the city on Monday. Another member of the cabinet says she was '
                       'told: "You have had a very fast rise in this government."')
    assert q == {"You have had a very fast rise in this government.": None}


def test_scare_quotes_and_quoted_names_are_not_quotations(nlp):
    q = quotes_of(nlp, 'The minister called the plan "embarrassing" and warned of a “dangerous escalation” '
                       'by the group known as "The Free Army of the North".')
    assert q == {}


# --- timeline -------------------------------------------------------------------------------------


def test_timeline_is_chronological_and_cites_sentences(nlp):
    p = parse(nlp, "The rebels took the city in 2019. The war began in 2014. "
                   "The treaty was signed on March 3, 2016, in Geneva.")
    entries = extract_timeline([p])
    assert [e.date for e in entries] == ["2014", "2016-03-03", "2019"]
    for e in entries:
        c = e.citations[0]
        assert p.source.text[c.start:c.end] == e.text
        assert not e.relative


def test_relative_dates_are_placed_against_the_publication_date(nlp):
    # published on Friday, 2 February 2024
    p = parse(nlp, "A drone struck the base on Wednesday. Talks stalled last week. "
                   "The envoy resigned last month. He took office a year ago. "
                   "Yesterday, the border reopened.", published="2024-02-02")
    dates = {e.expression: e.date for e in extract_timeline([p])}
    assert dates == {
        "a year ago": "2023",
        "last month": "2024-01",
        "last week": "2024-W04",
        "Wednesday": "2024-01-31",
        "Yesterday": "2024-02-01",
    }
    assert [e.date for e in extract_timeline([p])] == ["2023", "2024-01", "2024-W04", "2024-01-31", "2024-02-01"]


def test_same_weekday_as_publication_is_that_day(nlp):
    p = parse(nlp, "The strikes were carried out on Friday.", published="2024-02-02")
    assert [e.date for e in extract_timeline([p])] == ["2024-02-02"]


def test_without_a_publication_date_relative_dates_stay_relative_and_come_last(nlp):
    p = parse(nlp, "The strikes were carried out on Friday. The militia was founded in 2014.")
    entries = extract_timeline([p])
    assert [(e.date, e.relative) for e in entries] == [("2014", False), ("Friday", True)]


def test_durations_and_ages_are_not_dates(nlp):
    p = parse(nlp, "The four-month-old war goes on. More than 20 years on, 2,500 troops remain. "
                   "Fighting over the last five years killed thousands.")
    assert extract_timeline([p]) == []


def test_one_entry_per_date_and_sentence(nlp):
    p = parse(nlp, "As of Saturday, the militia had not commented on the Friday night strikes, "
                   "which began on Friday.", published="2024-02-03")
    entries = extract_timeline([p])
    assert [e.date for e in entries] == ["2024-02-02", "2024-02-03"]


def test_month_names_are_read_into_iso_form():
    found = find_dates("The protests began in early October; on December 27th rockets fell; "
                       "May is a month, and she may come.")
    assert [(d.text, d.kind) for d in found] == [("early October", "month"), ("December 27th", "month_day")]
    assert place(found[0], "2020-01-05").date == "2019-10"
    assert place(found[1], "2020-01-05").date == "2019-12-27"
    assert place(found[1], None).relative


# --- year discrepancies ---------------------------------------------------------------------------


def two_sources(nlp, a: str, b: str) -> list[ParsedSource]:
    return [parse(nlp, a, sid="S1"), parse(nlp, b, sid="S2")]


def test_one_event_dated_to_two_years(nlp):
    parsed = two_sources(nlp, "After the Islamic State was defeated in Syria in 2017, the fighters joined the army.",
                         "The fighters joined the army with the defeat of ISIS in 2019 but kept their ties.")
    found = date_discrepancies(parsed)
    assert len(found) == 1
    d = found[0]
    assert d.values == (2017, 2019)
    assert d.label == "year of the defeat of Islamic State"
    assert {c.source for c in d.citations} == {"S1", "S2"}


def test_same_year_is_no_discrepancy(nlp):
    parsed = two_sources(nlp, "After ISIS was defeated in 2017, the fighters joined the army.",
                         "The fighters joined the army with the defeat of ISIS in 2017.")
    assert date_discrepancies(parsed) == []


def test_recurring_events_and_different_places_are_not_one_event(nlp):
    attacks = two_sources(nlp, "ISIS was attacked in 2017 by the coalition.",
                          "ISIS was attacked in 2019 by the coalition.")
    assert date_discrepancies(attacks) == []
    places = two_sources(nlp, "ISIS was defeated in Syria in 2019.", "ISIS was defeated in Iraq in 2017.")
    assert date_discrepancies(places) == []


def test_a_surname_the_tagger_took_for_a_common_noun_after_newswire_marks_is_the_speaker(nlp):
    text = ("Nine relief flights reached the valley on Monday, said Col. Martin Alvarado Barrios of the "
            "army's emergency task force. ``We can manage with the number of aircraft we have because there "
            "is little to distribute,'' Barrios said. More help was on the way.")
    found = quotes_of(nlp, text)
    assert found[next(q for q in found if q.startswith("We can manage"))] == "Martin Alvarado Barrios"


def test_he_after_a_speaker_whose_name_the_recogniser_mislabelled_is_that_speaker(nlp):
    text = ("\"We can say there is a little less uncertainty, so there is a little more optimism,\" "
            "Paul-Lois Arslanian, the leader of the French agency BEA, said. However, he added that "
            "\"it is premature for the time being to say what happened.\"")
    found = quotes_of(nlp, text)
    assert found[next(q for q in found if q.startswith("it is premature"))] == "Paul-Lois Arslanian"


def test_a_speaker_is_named_without_the_rank_the_model_took_into_the_name(nlp):
    assert quotes_of(nlp, "Chief Superintendent Steve Graham said: 'This is a crucial development.'") == {
        "This is a crucial development.": "Steve Graham"}


def test_a_speech_over_several_paragraphs_keeps_its_speaker_until_its_mark_closes(nlp):
    found = quotes_of(nlp, "The mayor, David Jamieson, said: 'What we want to know is how we avoid it.\n\n"
                           "'Everything will be done, and there will be a thorough investigation.\n\n"
                           "'But the police have acted very swiftly and very professionally.'\n\n"
                           "'It is a very sad day for the whole city of ours.'")
    assert found == {"What we want to know is how we avoid it.": "David Jamieson",
                     "Everything will be done, and there will be a thorough investigation.": "David Jamieson",
                     "But the police have acted very swiftly and very professionally.": "David Jamieson",
                     # the speech closed before it: another speaker's, unsaid
                     "It is a very sad day for the whole city of ours.": None}
