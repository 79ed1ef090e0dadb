"""Document structure: line items inherit their lead-in, question headings, contents, hedged titles."""
from __future__ import annotations

from realpolitik.factuality import assess, document_context
from realpolitik.nlp import get_nlp


def _at(text: str, trigger: str, nth: int = 0):
    doc = get_nlp()(text)
    tok = [t for t in doc if t.text == trigger][nth]
    return assess(doc, tok.sent, tok, document_context(doc)), doc


BULLETS = """Arms flows in the region

Reports indicate:
- Belarus shipped artillery to Serbia.
- Serbian crews trained on Belarusian radars.

Confirmed so far:
- Hungary closed its airspace to the flights.
"""


def test_bullets_inherit_reported_lead_in():
    for trig in ("shipped", "trained"):
        a, doc = _at(BULLETS, trig)
        assert a.factuality == "reported" and a.unattributed
        assert any(doc.text[c.start:c.end] == "Reports" for c in a.cues)


def test_bullet_under_plain_lead_in_stays_asserted():
    a, _ = _at(BULLETS, "closed")
    assert a.factuality == "asserted"


def test_bullets_inherit_planned_and_attributed_lead_in():
    text = ("Defence cooperation\n\nAccording to the Chilean navy, next year Santiago will:\n"
            "* send two corvettes to Peru\n* train Peruvian divers\n")
    a, _ = _at(text, "train")
    assert a.factuality == "planned"
    b, _ = _at(text, "send")
    assert b.factuality == "planned"


def test_bullets_inherit_denial():
    text = "Statement\n\nThe ministry denied that:\n1. Quito sold rifles to the cartel.\n2. Quito hosted the envoys.\n"
    a, _ = _at(text, "hosted")
    assert a.factuality == "denied"


def test_question_heading_asserts_nothing():
    text = "Will Hanoi arm Manila?\n\nVietnam delivered two patrol boats to the Philippines last week.\n"
    a, doc = _at(text, "arm")
    assert a.factuality == "question" and a.cues[0].text == "?"
    b, _ = _at(text, "delivered")
    assert b.factuality == "asserted"


def test_question_heading_inside_body():
    text = ("Gas deal\n\nQatar signed a supply contract with Egypt.\n\nWhy did Egypt turn to Qatar\n"
            "Officials cite price.\n")
    ctx = document_context(get_nlp()(text))
    assert not any(r.kind == "question_heading" for r in ctx.regions)  # no "?": an ordinary heading
    text2 = text.replace("to Qatar\n", "to Qatar?\n")
    a, _ = _at(text2, "turn")
    assert a.factuality == "question"


def test_table_of_contents_is_suppressed():
    text = ("Annual review\n\nContents\nChina arms Iran\nRussia trains Syrian pilots\nOutlook\n\n"
            "Russia trained Syrian pilots at two bases during the year, the review said.\n")
    a, _ = _at(text, "arms")
    assert a.suppress
    b, _ = _at(text, "trained")
    assert not b.suppress and b.factuality == "reported"


def test_dot_leader_contents_are_suppressed():
    text = "Report\n\nBackground ........ 2\nTurkey buys jets ........ 5\nSanctions ........ 9\n\nBody text follows.\n"
    doc = get_nlp()(text)
    ctx = document_context(doc)
    assert ctx.in_toc(text.index("Turkey"))
    assert not ctx.in_toc(text.index("Body"))


def test_title_hedge_colours_title_and_lead():
    text = ("Report: Minsk to buy Chinese drones\n\n"
            "Belarus signed a contract for forty Chinese drones in March.\n\n"
            "Belarus bought tanks in 2019.\n")
    a, doc = _at(text, "signed")
    assert a.factuality == "reported" and a.unattributed
    assert a.cues[0].text == "Report"
    later, _ = _at(text, "bought")
    assert later.factuality == "asserted"  # the hedge reaches the lead, not the whole story


def test_lead_hedge_colours_title():
    text = ("Seoul sends shells to Warsaw\n\n"
            "South Korea has reportedly shipped artillery shells to Poland. The shells left Busan in May.\n")
    a, _ = _at(text, "sends")
    assert a.factuality == "reported"


def test_attributed_title_hedge_stays_in_its_sentence():
    text = ("Oman hosts talks, ministry says\n\nIran and Saudi envoys met in Muscat on Sunday.\n")
    a, _ = _at(text, "met")
    assert a.factuality == "asserted"


def test_headline_infinitive_is_planned():
    text = "Seoul to lend Hanoi two frigates\n\nThe loan follows a year of talks.\n"
    a, _ = _at(text, "lend")
    assert a.factuality == "planned"


def test_single_sentence_has_no_structure():
    ctx = document_context(get_nlp()("Kenya sent troops to Somalia."))
    assert ctx.regions == () and ctx.title is None


def test_context_is_cached_on_the_doc():
    doc = get_nlp()("Title line\n\nBody of the text here.\n")
    assert document_context(doc) is document_context(doc)


def test_unknowns_lead_in_gives_questions():
    text = "Arms to Sudan\n\nWhat we don't know:\n- Chad shipped rifles to the army\n"
    a, _ = _at(text, "shipped")
    assert a.factuality == "question"
