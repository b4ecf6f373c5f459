"""The --match query: words, phrases and entity names with AND, OR and NOT, on made-up text."""
from __future__ import annotations

import pytest

from briefing.errors import BriefingError
from briefing.query import Query


@pytest.mark.parametrize("query, text, expected", [
    ("militia OR airstrike", "Two militias clashed overnight.", True),
    ("militia OR airstrike", "The airstrike's target was a depot.", True),
    ("militia OR airstrike", "The military parade was cancelled.", False),  # a whole word, not a prefix
    ("strike", "An airstrike hit the depot.", False),
    ("milit*", "The military parade was cancelled.", True),
    ('"drone strike"', "A drone\nstrike was reported.", True),  # across a line break
    ('"drone strike"', "A drone-strike was reported.", True),
    ('"drone strike"', "The strike by a drone was reported.", False),  # words in order
    ("drone AND base", "A drone hit the base.", True),
    ("drone base", "A drone was seen.", False),  # side by side means AND
    ("drone NOT exercise", "A drone flew during the exercise.", False),
    ("drone AND NOT exercise", "A drone flew over the port.", True),
    ("(rocket OR drone) AND base", "Rockets hit the base.", True),
    ("(rocket OR drone) AND base", "Rockets hit the port.", False),
    ("rocket OR drone AND base", "Rockets hit the port.", True),  # AND binds tighter than OR
    ("US", "The US said it would respond.", True),
    ("US", "He told us it would respond.", False),  # an abbreviation matches only in capitals
    ("Halden", "HALDEN and halden are one word.", True),  # a name matches in any case
    ("Sadr", "Muqtada al-Ṣadr spoke.", True),  # accents ignored
    ('"United States"', "The U.S. embassy was closed.", True),  # another name of the entity (aliases.toml)
    ("ISIS", "Islamic State fighters were seen.", True),
])
def test_a_query_matches_as_a_reader_would_expect(query, text, expected):
    assert Query.parse(query).matches(text) is expected


@pytest.mark.parametrize("query, complaint", [
    ("", "empty"),
    ("   ", "empty"),
    ("militia OR", "ends with an operator"),
    ("(militia OR drone", "parenthesis is not closed"),
    ('"drone strike', "quote is not closed"),
    ("OR militia", "unexpected 'OR'"),
    ("militia)", "unexpected ')'"),
])
def test_a_query_that_cannot_be_read_is_one_line_naming_the_problem(query, complaint):
    with pytest.raises(BriefingError) as error:
        Query.parse(query)
    message = str(error.value)
    assert complaint in message and message.startswith("--match:") and "\n" not in message
