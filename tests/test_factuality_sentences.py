"""Factuality of single sentences: every class, scope, and the trigger the coder would pass."""
from __future__ import annotations

import pytest

from realpolitik.factuality import assess, is_attribution_verb
from realpolitik.nlp import get_nlp


def _assess(text: str, trigger: str, nth: int = 0):
    """Assess the event whose trigger is the nth token with text `trigger`."""
    doc = get_nlp()(text)
    tok = [t for t in doc if t.text == trigger][nth]
    return assess(doc, tok.sent, tok), doc


CASES = [
    # asserted
    ("Vietnam shipped rice to Cuba on Monday.", "shipped", "asserted"),
    # a later reporting verb with its own content reports that content, not the trigger
    ("Peru accused Chile of arming rebels, while Bolivia said the region would stay calm.", "accused", "asserted"),
    ("Mali shelled the border town and the army said it would go on.", "shelled", "asserted"),
    ("Chile and Peru agreed to reopen their border crossings.", "agreed", "asserted"),
    ("Norway signed a pact to share radar data with Finland.", "signed", "asserted"),
    ("Ghana kept buying Nigerian fuel despite the dispute.", "kept", "asserted"),
    ("Mali vetoed a motion that would have censured Niger.", "vetoed", "asserted"),
    ("Quito rejects warnings from Lima.", "rejects", "asserted"),
    ("Quito rejects warnings from Lima.", "warnings", "asserted"),
    # an offer or a vow is itself the event, made as stated: asserted (what it promises stays planned)
    ("Lima offered to mediate between Quito and Bogota.", "offered", "asserted"),
    ("Lima offered to mediate between Quito and Bogota.", "mediate", "planned"),
    ("Hanoi vowed revenge for the sinking.", "vowed", "asserted"),
    # a later reporting verb with its own object attributes nothing: a reason, or an act of its own
    ("Ghana barred a Togolese firm from its ports on Monday, citing security concerns.", "barred", "asserted"),
    ("Chad shelled rebel camps in the north, and Niger recalled its envoy the next day.", "shelled", "asserted"),
    ("Chad shelled rebel camps in the north, and Niger recalled its envoy the next day.", "recalled", "asserted"),
    ("Peru expelled two Bolivian envoys, the minister told reporters.", "expelled", "reported"),
    ("Benin closed the border with Niger, the ministry said, without giving a reason.", "closed", "reported"),
    # a trailing participle of a speaker talking about itself is the speaker's own act, made as it speaks
    ("Oslo said it would expel the Russian envoy, accusing Moscow of spying.", "accusing", "asserted"),
    ("Tehran said it did not supply missiles to Moscow, calling the accusation baseless.", "calling", "asserted"),
    ("Officials said Russia shelled Kharkiv, killing 12 people.", "killing", "reported"),
    # reported
    ("Laos reportedly bought six patrol boats from Thailand.", "bought", "reported"),
    ("Kenya sent troops to Somalia, according to local officials.", "sent", "reported"),
    ("Brazilian advisers are training Bolivian pilots, three diplomats said.", "training", "reported"),
    ("Serbia is said to have received drones from Belarus.", "received", "reported"),
    ("The Ecuadorian ministry said it strongly supports the Peruvian bid.", "supports", "reported"),
    ("Officials in Oslo warned that Moscow would pay a price if it annexed more land.", "warned", "reported"),
    ("Morocco has agreed to lease ports to Spain, the Spanish cabinet said.", "agreed", "reported"),
    ("Amid reports that Chad armed the rebels, Sudan closed the border.", "armed", "reported"),
    # planned
    ("Canada will send two frigates to the Baltic next spring.", "send", "planned"),
    ("Oman is expected to host talks between Yemen and Saudi Arabia.", "host", "planned"),
    ("Qatar will fund the new Gaza clinic, the emir announced.", "fund", "planned"),
    ("Tokyo pledged fresh loans to Manila.", "pledged", "planned"),
    ("Indonesia plans to buy fighter jets from France.", "buy", "planned"),
    ("Sweden is set to join the exercise in June.", "join", "planned"),
    ("Minsk said it would host Russian bombers from next month.", "host", "planned"),
    # hypothetical
    ("Turkey could block Sweden's entry if the talks fail.", "block", "hypothetical"),
    ("Argentina may expel the ambassador over the remarks.", "expel", "hypothetical"),
    ("Hanoi might buy Indian missiles, analysts said.", "buy", "hypothetical"),
    ("Sanctions that would have been imposed on Caracas were dropped.", "imposed", "hypothetical"),
    ("Egypt is considering buying Chinese jets.", "buying", "hypothetical"),
    ("A possible sale of tanks to Morocco worries Algiers.", "sale", "hypothetical"),
    # denied
    ("Tehran denied that it had supplied rockets to the militia.", "supplied", "denied"),
    ("Lebanon did not sign the maritime accord.", "sign", "denied"),
    ("Hungary refused to send weapons to Kyiv.", "send", "denied"),
    ("Pakistan has never sold missiles to Libya.", "sold", "denied"),
    ("Officials said Cairo will not extradite the suspects.", "extradite", "denied"),
    ("Beijing dismissed reports that it trained Iranian hackers.", "trained", "denied"),
    # question
    ("Will Ankara extend its credit line to Cairo?", "extend", "question"),
    ("Did Caracas pay Havana for the oil?", "pay", "question"),
    ("Analysts asked whether Riyadh had funded the campaign.", "funded", "question"),
    # more scope: accusations, hedging raisers, adjectives, "yet to", "is to", talks
    ("Lima accused Quito of arming the guerrillas.", "arming", "reported"),
    ("Two Serbian firms are suspected of selling lasers to Belarus.", "selling", "reported"),
    ("Eritrea appears to have trained Sudanese militias.", "trained", "reported"),
    ("Athens is likely to buy more frigates from Paris.", "buy", "hypothetical"),
    ("Rwanda is ready to send police to Haiti.", "send", "planned"),
    ("Madrid has yet to deliver the promised tanks.", "deliver", "denied"),
    ("Seoul is to lend Warsaw two submarines.", "lend", "planned"),
    ("Ankara is in talks to buy gas from Baku.", "buy", "planned"),
    ("Iran hopes to acquire Chinese fighters.", "acquire", "planned"),
    ("Peru not only hosted the drills but also paid for them.", "hosted", "asserted"),
    ("No country has recognised the new junta.", "recognised", "denied"),
    ("Oslo did not sell the jets but leased them to Helsinki.", "leased", "asserted"),
    ("Oslo did not sell or lease jets to Helsinki.", "lease", "denied"),
]


@pytest.mark.parametrize("text,trigger,expected", CASES)
def test_factuality_class(text, trigger, expected):
    a, _ = _assess(text, trigger)
    assert a.factuality == expected, (a.factuality, a.reason)


@pytest.mark.parametrize("text,trigger,expected", CASES)
def test_cues_lie_inside_the_text(text, trigger, expected):
    a, doc = _assess(text, trigger)
    for cue in a.cues:
        assert doc.text[cue.start:cue.end] == cue.text and cue.text.strip()
    assert bool(a.cues) == (a.factuality != "asserted")


def test_denial_scope_event_is_the_complements():
    # the denial covers Y's supplying, not only the verb "denied"
    a, _ = _assess("Riga denied that Minsk supplied fuel to the rebels.", "supplied")
    assert a.factuality == "denied" and a.attributed_to == "Riga"
    assert [c.text for c in a.cues] == ["denied"]


def test_relative_clause_modal_does_not_reach_the_main_event():
    a, _ = _assess("Mali vetoed a motion that would have censured Niger.", "censured")
    assert a.factuality == "hypothetical"
    assert [c.text for c in a.cues] == ["would have"]


def test_adverbial_clause_keeps_main_event_asserted():
    a, _ = _assess("After Chad armed the rebels, Sudan will close the border.", "armed")
    assert a.factuality == "asserted"


@pytest.mark.parametrize("text,trigger,source", [
    ("Kenya sent troops to Somalia, according to local officials.", "sent", "local officials"),
    ("Brazilian advisers are training Bolivian pilots, three diplomats familiar with the plan said.",
     "training", "three diplomats familiar with the plan"),
    ("Colombian state television said Bogota expelled two Venezuelan envoys.", "expelled",
     "Colombian state television"),
    ("A spokesperson for the Kenyan foreign ministry told reporters that Nairobi recalled its envoy.",
     "recalled", "A spokesperson for the Kenyan foreign ministry"),
])
def test_attributed_to_names_the_source(text, trigger, source):
    a, _ = _assess(text, trigger)
    assert a.factuality == "reported"
    assert a.attributed_to == source and not a.unattributed


@pytest.mark.parametrize("text,trigger", [
    ("Laos reportedly bought six patrol boats from Thailand.", "bought"),
    ("Reports indicate that Chad armed the rebels.", "armed"),
    ("Sources say Fiji leased an island to a foreign navy.", "leased"),
    ("Serbia is believed to have received drones from Belarus.", "received"),
])
def test_unattributed_claims_are_flagged(text, trigger):
    a, _ = _assess(text, trigger)
    assert a.factuality == "reported"
    assert a.unattributed and a.attributed_to is None


def test_asserted_event_has_no_attribution():
    a, _ = _assess("Vietnam shipped rice to Cuba on Monday.", "shipped")
    assert (a.attributed_to, a.unattributed, a.cues) == (None, False, ())


def test_attribution_verbs():
    doc = get_nlp()("Officials said Peru denied the claim, according to the daily.")
    flags = {t.text: is_attribution_verb(t) for t in doc}
    assert flags["said"] and flags["denied"] and flags["according"]
    assert not flags["Peru"] and not flags["claim"]


def test_pronoun_source_resolves_to_the_named_actor():
    text = "The Kenyan foreign ministry issued a statement. It said Uganda had closed the border."
    a, _ = _assess(text, "closed")
    assert a.factuality == "reported" and a.attributed_to != "It" and not a.unattributed


def test_a_definite_report_is_a_source():
    a, _ = _assess("The report said Laotian firms had shipped timber to Vietnam.", "shipped")
    assert a.attributed_to == "The report" and not a.unattributed


def test_accuser_is_the_source():
    a, _ = _assess("Lima accused Quito of arming the guerrillas.", "arming")
    assert a.attributed_to == "Lima"
