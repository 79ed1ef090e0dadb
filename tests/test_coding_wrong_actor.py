"""Which named actor is the party, where a sentence names others beside it (made-up sentences)."""
import pytest

from realpolitik.coding import RulesCoder
from realpolitik.model import Article


@pytest.fixture(scope="module")
def coder():
    return RulesCoder()


def dyads(coder, text):
    return sorted((e.source, e.target, e.type) for e in coder.code(Article.from_text(text)))


def test_a_possessor_is_the_party_and_a_state_or_body_modifying_its_noun_the_topic(coder):
    # "Sweden's NATO bid": Sweden's bid is backed, NATO is what it bids for
    assert dyads(coder, "Hungary backed Sweden's NATO bid.") == [("HUN", "SWE", "SUPPORT")]
    assert dyads(coder, "Turkey blocked Finland's NATO membership bid.") == [("TUR", "FIN", "REJECT")]
    assert dyads(coder, "Poland opposes Ukraine's EU membership.") == [("POL", "UKR", "REJECT")]
    # a sector of the owner's own state still says which organ it is
    assert dyads(coder, "The US praised Mali's army spokesman.") == [("USA", "MLIGOV", "SUPPORT")]
    # with no possessor, the modifier is the party
    assert dyads(coder, "Hungary backed the NATO bid.") == [("HUN", "IGONAT", "SUPPORT")]
