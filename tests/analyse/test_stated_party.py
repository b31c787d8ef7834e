"""A person's party is the one the article states of them ('Tory MP', 'a Democrat', 'leader of
the Liberal Democrats'), never a party merely mentioned near their name (made-up sentences)."""

import pytest


@pytest.fixture(scope="module")
def parties(rules_nlp):
    def run(text: str) -> dict[str, str | None]:
        return {p.name: p.party for p in rules_nlp(text)._.people}

    return run


@pytest.mark.parametrize(
    ("text", "name", "party"),
    [
        ("Tory MP Orrin Fairbrook said he would vote for the bill.", "Orrin Fairbrook", "Conservative"),
        ("Nadia Quint, the Labour MP for Eastmoor, said it was right.", "Nadia Quint", "Labour"),
        ("Lib Dem leader Harold Penhallow said yes.", "Harold Penhallow", "Liberal Democrat"),
        ("Harold Penhallow, leader of the Liberal Democrats, said no.", "Harold Penhallow", "Liberal Democrat"),
        ("Amy Dunmore, a Democrat, said the vote was close.", "Amy Dunmore", "Democratic"),
        ("Labour's Nadia Quint said the plan would fail.", "Nadia Quint", "Labour"),
    ],
)
def test_a_party_stated_of_the_person(parties, text, name, party):
    assert parties(text)[name] == party


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jo Fenwick, a critic of the Tory plans, said no.", "Jo Fenwick"),
        ("The conference opened with an attack on Labour's record and party leader Orrin Fairbrook is due to speak later.", "Orrin Fairbrook"),
        ('"With the stealth taxes of Orrin Fairbrook, the unfairness of the system and the empty promises of the Conservative party, it is no surprise," she said.', "Orrin Fairbrook"),
        ("Voters believe Labour and Orrin Fairbrook are the future.", "Orrin Fairbrook"),
    ],
)
def test_a_party_merely_mentioned_near_the_name_is_not_theirs(parties, text, name):
    assert parties(text).get(name) is None
