"""Clauses that state no act (conditions, descriptions, purposes), on sentences written for these tests."""
import pytest

from realpolitik.coding import RulesCoder
from realpolitik.model import Article


@pytest.fixture(scope="module")
def coder():
    return RulesCoder()


def coded(coder, text):
    return sorted((e.source, e.target, e.type) for e in coder.code(Article.from_text(text)))


def test_a_multiword_condition_reports_no_act(coder):
    # "provided that", "on condition that", "as long as": like "if", the act is only a condition
    assert coded(coder, "The quota takes effect provided that Ghana and Togo cooperate on customs.") == []
    assert coded(coder, "The quota takes effect on condition that Ghana and Togo cooperate on customs.") == []
    assert coded(coder, "The quota takes effect as long as Ghana and Togo cooperate on customs.") == []
    # the verb "provide" and the act of the main clause are untouched
    assert coded(coder, "Ghana provided food aid to Togo.") == [("GHA", "TGO", "AID")]
    assert coded(coder, "Ghana and Togo cooperate on customs.") == [("GHA", "TGO", "COOPERATE"),
                                                                   ("TGO", "GHA", "COOPERATE")]
