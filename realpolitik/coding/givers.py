"""Who gives and who receives when the parse does not say it directly: the giver of received goods ("obtained
Indian artillery", "from X" on the goods), the country of what an agentless passive sends, the party helped in
"help X do Y", the place of a protest standing for its protesters."""
from __future__ import annotations

import logging

from realpolitik import wordsets
from realpolitik.coding import cues
from realpolitik.coding.retype import FORCE_LEMMAS
from realpolitik.coding.roles import ActorIndex, child, has_country, prep_objects, subject_np, token_lemma
from realpolitik.model import ActorMention

log = logging.getLogger(__name__)
_words = wordsets.reader("realpolitik.coding", "givers")


def place_actors(tok, idx: ActorIndex) -> list[ActorMention]:
    """Actors named as the place of a protest ("protesters marched ... in Baghdad"): the protesters' country."""
    for t in tok.subtree:
        if t.dep_ == "prep" and t.lower_ in ("in", "across", "throughout"):
            for p in t.children:
                if p.dep_ == "pobj":
                    got = idx.np_conj(p)
                    if got:
                        return got[:1]
    return []


def from_actor(tok, idx: ActorIndex) -> list[ActorMention]:
    """The giver in a receipt or purchase: "from X" on the verb or its object."""
    holders = [tok] + [c for c in tok.children if c.dep_ in ("dobj",)]
    # "received a batch of fighters from X": the origin hangs on the thing inside the quantity noun
    holders += [q for h in holders[1:] for _, q in prep_objects(h, frozenset({"of"}))]
    for h in holders:
        for _prep, p in prep_objects(h, frozenset({"from"})):
            got = idx.np_conj(p)
            if got:
                return got
    return []


# Verbs crediting their object with a deed named in a "for" phrase ("thanked X for its support").
CREDIT_LEMMAS = _words("CREDIT_LEMMAS")
GOODS_LEMMAS = frozenset().union(*(v for _, v in cues.CHANNEL_CUES)) | _words("GOODS_LEMMAS")


def helped_subject(tok, idx: ActorIndex) -> list[ActorMention]:
    """The party helped in "help X do Y" when the parser reads X as the subject of "do Y"."""
    if token_lemma(tok) not in ("help", "assist") or child(tok, "dobj") is not None:
        return []
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB":
            s = child(c, "nsubj")
            if s is not None:
                return [m for m in idx.np_conj(s) if has_country(m)]
    return []


def origin_of_goods(tok, idx: ActorIndex) -> list[ActorMention]:
    """The country a received thing comes from, named by its modifier ("obtained Indian artillery",
    "took delivery of Turkish drones"); none when the object is itself an actor ("received the Turkish
    minister": a visit). The actor tables read "Indian artillery" as a military unit, so a goods noun
    (a support channel's cue word) counts as goods even under an actor mention."""
    heads = [c for c in tok.children if c.dep_ == "dobj"]
    heads += [q for h in heads for _, q in prep_objects(h, frozenset({"of"}))]
    return goods_origin(heads, idx)


def goods_origin(heads, idx: ActorIndex) -> list[ActorMention]:
    """The country named as the origin of the first of these goods nouns ("Indian artillery")."""
    for h in heads:
        goods = token_lemma(h) in GOODS_LEMMAS
        if not goods and any(m.start <= h.idx < m.end for m in idx.at_all(h)):
            return []  # the object is an actor, not goods
        for c in h.children:
            if c.dep_ in ("amod", "compound", "nmod", "poss"):
                got = [m for m in idx.at_all(c) if has_country(m)]
                if got:
                    return got[:1]
            if c.dep_ == "acl" and c.tag_ == "VBN":  # "the batteries promised/supplied by Germany"
                got = [m for _, q in prep_objects(c, frozenset({"by"})) for m in idx.np_conj(q) if has_country(m)]
                if got:
                    return got[:1]
    return []


def passive_theme_giver(tok, idx: ActorIndex, srcs, tgts, thow, mobilize: bool = False):
    """"North Korean soldiers were sent to Russia": with no agent, what is sent is the theme, not the recipient;
    its country gives it and the "to" phrase receives it (PRKMIL AID RUS). Forces deployed or sent to no party
    named (`mobilize`: a MOBILIZE trigger) are their own country's deployment."""
    sp = child(tok, "nsubjpass")
    if sp is None or child(tok, "agent") is not None:
        return srcs, tgts, thow
    theme = [m for m in subject_np(sp, idx) if has_country(m)]
    takers = [m for _, p in prep_objects(tok, frozenset({"to", "into"})) for m in idx.np_conj(p)]
    takers = [m for m in takers if has_country(m) and m.code[:3] not in {t.code[:3] for t in theme}]
    if theme and takers:
        return theme[:1], takers, "passive-theme"
    if theme and (mobilize or token_lemma(sp) in FORCE_LEMMAS):
        # "Kenyan troops were deployed along the border": forces deployed to no named party are their own
        # country's deployment, not something done to that country
        return theme[:1], [], "passive-theme"
    return srcs, tgts, thow
