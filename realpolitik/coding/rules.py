"""The rules coder (`rules.v1`): lexicon triggers plus dependency walks, one pass per sentence.

`RulesCoder.coded` is the composition of the stages (coding/stages.py: candidates, combination,
readings; here: `roles` (its pairs: coding/pairing.py), `events` (`drafts.draft`); then factuality,
confidence and selection); the actors and the document's structure come from the pipeline's steps
(realpolitik/steps.py), in the article context.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from typing import Iterable, Iterator

from realpolitik import steps, wordsets
from realpolitik.coding import desk, domain, figurative, keepmodel, pairing, readings, stages
from realpolitik.coding.candidates import Candidate
from realpolitik.coding.clauses import is_background
from realpolitik.coding.drafts import draft
from realpolitik.coding.reactions import resolve_reaction_targets
from realpolitik.coding.roles import ActorIndex, has_country, token_lemma
from realpolitik.coding.styles import domestic_fight_pairs, without_repeated_title
from realpolitik.model import ActorMention, Article, Event
from realpolitik.options import Options
from realpolitik.registry import coders
from realpolitik.steps import ArticleContext

log = logging.getLogger(__name__)
_words = wordsets.reader("realpolitik.coding", "rules")

NAME, VERSION = "rules", "1"
# CLAUSE_ROLES (the default of coding.clause_roles) and its measurements: realpolitik/settings.py.
SOURCELESS_CONFIDENCE = 0.2  # below every actor-resolved event (their floor is 0.35)
UNNAMED_CONFIDENCE = 0.3  # an act by an unnamed agent on a named recipient (`pairing.unnamed_agent`): below them too
# Verbs of helping whose best guess needs someone helped ("helped the refugees"): alone they say what serves.
HELP_LEMMAS = _words("HELP_LEMMAS")


def _confidence(c: Candidate, target: ActorMention | None, source: ActorMention | None = None,
                factuality: str | None = None) -> float:
    """A score in [0,1] from how directly the roles were read off the parse (`stages.confidence`)."""
    return stages.confidence(c, target, source, factuality)


class RulesCoder:
    """PLOVER events from lexicon triggers and dependency roles: a composition of the stages (`coded`)."""

    name = NAME
    version = VERSION
    # The coder's own defaults of the settings coding.sourceless and coding.recipientless (None there).
    SOURCELESS = False
    RECIPIENTLESS = True

    def __init__(self, options: Options | None = None):
        self.options = options or Options()
        # future_as_agree: PLOVER's rule (announced future cooperation is AGREE); off keeps the type, factuality
        # says "planned".
        # best_guess_types: types of the actor-less best guess given even with `sourceless` off: none by default
        # (an event no actor is resolved for says nothing of who did what); settings.BEST_GUESS_TYPES restores
        # the sentence-class guesses measured there.
        # past_events: acts dated before the article (background.past_marker: "in 2019", "last year", "had
        # signed"): "drop" (default) leaves them out: the store's analytics date an event without its own date
        # by its article, so a past act would count as a new one on the article's day in every series; "undate"
        # codes them with no date of their own (coding/when.py then gives them a date their sentence names,
        # else none); "keep" dates them to the article as before. Measured: dropping them costs the
        # sentence-class set (pentaclass_dev macro-F1 0.740 against 0.746 tune, 0.692 against 0.708 holdout:
        # its labels class a sentence by its act, whenever it happened); plover_manual_dev tune 0.793 against
        # 0.797 (one event), holdout unchanged.
        # clause_roles: on, an actor named elsewhere in the trigger's clause stands in for a missing recipient.
        # recipientless: off, recipient-less and within-country events are not actor-resolved events
        # (see pairing.drop_targetless).
        self.settings = stages.CoderSettings.of(self.options, self.name, self.version, self.SOURCELESS,
                                                self.RECIPIENTLESS)

    @property
    def future_as_agree(self) -> bool:
        """Setting coding.future_as_agree."""
        return self.settings.future_as_agree

    @property
    def sourceless(self) -> bool:
        """Setting coding.sourceless, or the coder's default."""
        return self.settings.sourceless

    @property
    def best_guess_types(self) -> frozenset[str]:
        """Setting coding.best_guess_types."""
        return self.settings.best_guess_types

    @property
    def past_events(self) -> str:
        """Setting coding.past_events."""
        return self.settings.past_events

    @property
    def clause_roles(self) -> bool:
        """Setting coding.clause_roles."""
        return self.settings.clause_roles

    @property
    def recipientless(self) -> bool:
        """Setting coding.recipientless, or the coder's default."""
        return self.settings.recipientless

    # -- per sentence ---------------------------------------------------------------------
    def context(self, doc, sent, sent_index: int, mentions: Iterable[ActorMention], article_id: str,
                date: str | None = None, article: ArticleContext | None = None,
                carried: Iterable[ActorMention] | None = None,
                previous: Iterable[ActorMention] | None = None) -> stages.SentenceContext:
        """The typed context of one parsed sentence for this coder's settings."""
        return stages.SentenceContext(doc, sent, sent_index, tuple(mentions), article_id, date, self.settings,
                                      article, tuple(carried or ()), tuple(previous or ()))

    def code_sentence(self, doc, sent, sent_index: int, mentions: list[ActorMention], article_id: str,
                      date: str | None = None, fctx=None, carried: list[ActorMention] | None = None,
                      previous: list[ActorMention] | None = None) -> list[Event]:
        """The events of one parsed sentence, given the actor mentions inside it (and, for a bullet, the
        actors its lead-in names as subject: `carried`; the previous sentence's subject actors: `previous`);
        `fctx` is the article's factuality structure (`steps.structure`)."""
        art = ArticleContext(doc, None, tuple(mentions), fctx)
        return self.sentence(self.context(doc, sent, sent_index, mentions, article_id, date, art, carried,
                                          previous))

    def sentence(self, ctx: stages.SentenceContext) -> list[Event]:
        """The events of one sentence context."""
        return [c.event for c in self.coded(ctx)]

    def coded(self, ctx: stages.SentenceContext) -> list[stages.Coded]:
        """The sentence's events with their candidates: the stages in order (coding/stages.py)."""
        found = stages.candidates(ctx)
        if found is None:
            return []
        cands = stages.readings(ctx, found.idx, stages.combine(found.cands))
        read = roles(ctx, found.idx, cands)
        made = stages.finish(ctx, events(ctx, read.dyads))
        # an unnamed crowd's protest has no actor of its own in the text: below every actor-resolved event, so the
        # act it frames ("police detained students during a protest") stays the sentence's main event
        made = [stages.Coded(replace(c.event, confidence=min(UNNAMED_CONFIDENCE, c.event.confidence)), c.cand)
                if stages.unnamed_crowd(c) else c for c in made]
        if not made:  # "civilians were killed when troops opened fire": the named attacker's event comes first
            made = [stages.without_source(c) for c in stages.finish(ctx, events(ctx, read.agentless))]
            # an unnamed agent's act says less of who did it than any actor-resolved event: below their floor
            made = [c if pairing.agentless_killing(c.cand) else
                    stages.Coded(replace(c.event, confidence=min(UNNAMED_CONFIDENCE, c.event.confidence)), c.cand)
                    for c in made]
        made, scene_only = stages.foreground(made)
        s = ctx.settings
        if scene_only and s.best_guess_types and not s.sourceless and found.guessable:
            # only scene-setting events were resolved ("X was freed after Y pardoned him"): the main clause's
            # best guess, when there is one, is the sentence's reported event
            guess = self._best_guess(ctx, read.cands)
            if guess is not None:
                return [guess] + [c for c in made if stages.unnamed_crowd(c)]
        if made and not all(stages.unnamed_crowd(c) for c in made):
            return stages.select(made)
        made = stages.select(made)  # an unnamed crowd's protest alone: the sentence's best guess may stand beside it
        if s.sourceless:
            guess = self._sourceless_event(ctx, read.cands)
        elif s.best_guess_types and found.guessable:
            guess = self._best_guess(ctx, read.cands)
        else:
            guess = None
        return made + [guess] if guess is not None else made

    def _sourceless_event(self, ctx: stages.SentenceContext, cands: list[Candidate]) -> stages.Coded | None:
        """The sentence's one best-guess event when no actor-resolved event came out of it.

        Its source is the trigger's actor when one was resolved (a bare sector such as "police" included),
        else none; it may lack a recipient. It says what kind of event the sentence reports, for
        sentence-level classes and for readers, at a confidence below every actor-resolved event.
        """
        return self._first_event(ctx, sorted(cands, key=fallback_rank))

    def _best_guess(self, ctx: stages.SentenceContext, cands: list[Candidate]) -> stages.Coded | None:
        """The sentence's best-guess event when its type is one of `best_guess_types` (option `sourceless` off).

        Only verbs and the event nouns of light verbs, and never a scene-setting trigger ("following the
        relief operation", "a report sent to X"), are guesses here: a bare event noun is often a topic
        ("sections on economic cooperation")."""
        ranked = [c for c in sorted(cands, key=fallback_rank) if fallback_rank(c)[0] <= 2 and not is_background(c.tok)]
        got = self._first_event(ctx, ranked[:1])
        if got is None:
            return None
        ev = got.event
        if ev.factuality == "hypothetical":
            return None  # "the government should invest in clinics": an opinion of what ought to happen, no act
        if ev.source is None and ev.target is None and ranked[0].trig.lemma in HELP_LEMMAS:
            return None  # "cheap loans helped", "new engines help power boats": no one named helps or is helped
        return got if ev.type in ctx.settings.best_guess_types else None

    def _first_event(self, ctx: stages.SentenceContext, ranked: list[Candidate]) -> stages.Coded | None:
        """The best-guess event of the first candidate (in `ranked` order) that yields one, else None."""
        for c in ranked:
            tok = c.tok
            src = c.sources[0] if c.sources else ActorMention(text="", start=tok.idx, end=tok.idx, code="",
                                                                kind="group")
            tgt = next((m for m in c.targets if m.code[:3] != src.code[:3]), None)
            d = draft(ctx, c, src, tgt, fallback=True)
            if d is None:
                continue
            [got] = stages.finish(ctx, [d])
            if not c.sources:
                got = stages.without_source(got)
            return stages.Coded(replace(got.event, channel=None, fronts=(), confidence=SOURCELESS_CONFIDENCE), c)
        return None

    # -- per article ----------------------------------------------------------------------
    def code_article(self, art: ArticleContext) -> list[Event]:
        """The events of an article whose actors and document structure the pipeline's steps have read
        (`steps.prepare`): each sentence through the stages, then the domain filters."""
        doc, article = art.doc, art.article
        mentions = list(art.mentions)
        hits = domain.sport_hits(article.text)
        carry = readings.bullet_sources(doc, mentions, art.structure)
        out: list[Event] = []
        previous: list[ActorMention] = []
        sourceless = self.settings.sourceless
        for i, sent in enumerate(doc.sents):
            inside = [m for m in mentions if m.start >= sent.start_char and m.end <= sent.end_char]
            carried = carry.get(sent.start_char)
            if not inside and not carried and not sourceless:
                evs = []  # the candidates stage's own gate, checked before a context is built (most sentences)
            else:
                evs = self.sentence(self.context(doc, sent, i, inside, article.id, article.published, art,
                                                 carried, previous))
            # the subject a pronoun in the next sentence may stand for (unparsed sentences have none)
            previous = readings.subject_actors(doc, sent, inside) if inside else []
            if evs and domain.sporting(hits, sent.text):
                # teams and players are no political actors: "Norway beat Chile 3-1" is a match
                evs = [e for e in evs if domain.political_in_sport(e.source, e.source_text)
                       or domain.political_in_sport(e.target, e.target_text)]
            # firms and media among themselves: commerce, not politics (PLOVER's actors are political);
            # a firm's "attack" or "crackdown" is commerce too, and violence a kind of actor might commit
            # ("terrorists could attack") is speculation
            out += [e for e in evs if not domain.commercial_only(e.source, e.target)
                    and not figurative.firm_agent(e.type, e.source)
                    and not figurative.speculative_force(e.type, e.factuality, e.source, e.source_text)]
        # a reaction ("condemned the strike") takes its target from the act reported earlier in the article
        out = resolve_reaction_targets(doc, out)
        out = without_repeated_title(doc, out)  # a headline's event the body codes again
        if out and self.options.coding.desk_filter:
            out = desk.desk_events(out, article.text, self.options.coding)  # sport, arts, tech, firms' copy
        in_article = len(article.text.split()) >= self.options.coding.desk_min_words
        if out and self.options.coding.require_party and in_article:
            # an article's document step gave its sector mentions the country in focus: one still bare names
            # no party; a lone sentence has no document to read it from, and its event still tells its class
            out = [e for e in out if not domain.stateless(e.source, e.target)]
        if not self.options.coding.one_sided and in_article:
            # in an article the document step had its chance to name both sides (settings.one_sided says how often
            # the rest were right); a lone sentence's one-sided event still tells its class (pentaclass_dev)
            out = [e for e in out if e.source and e.target]
        # a party acting on a bare sector of no known country ("Latvia expelled ... the ministry": GOV), or a bare
        # sector on a party, names a dyad no one can follow and rarely matches a gold event (tune: 6 true of 84).
        # It goes where its sentence keeps another event, or in an article (where require_party's document step
        # already had its chance); a lone sentence's only event still tells its class (pentaclass_dev).
        # Measured (holdout): team P 0.561 -> 0.566, corpus 0.367 -> 0.375, articles 0.320 -> 0.328.
        kept = {e.sentence_index for e in out if not domain.half_stateless(e.source, e.target)}
        out = [e for e in out if not domain.half_stateless(e.source, e.target)
               or not in_article and e.sentence_index not in kept]
        out = stages.once_per_article(out, article.published)  # one act told again in later sentences is one event
        if out and in_article and self.options.coding.keep_model:
            out = keepmodel.kept(doc, out, article.text)  # background, opinion, copy that is no news (learned)
        return out

    def code_doc(self, doc, article: Article) -> list[Event]:
        """The events of an article already parsed into `doc` (the pipeline's steps after the parse)."""
        return steps.code_parsed(self, doc, article)

    def _fastpath(self) -> bool:
        """Whether to parse only what can yield (coding/fastpath.py): on for rules.v1, where both paths
        give the same events on the dev sets; the setting `coding.fastpath` decides for any coder."""
        fastpath = self.options.coding.fastpath
        return self.name == NAME if fastpath is None else fastpath

    def code(self, article: Article) -> list[Event]:
        """The events of one article."""
        from realpolitik.nlp import get_nlp

        if self._fastpath():
            return next(self.code_many([article]))
        return steps.code_parsed(self, get_nlp()(article.text), article)

    def code_many(self, articles: Iterable[Article]) -> Iterator[list[Event]]:
        """The events of each article, in order, parsing in batches."""
        from realpolitik.nlp import get_nlp

        if self._fastpath():
            from realpolitik.coding.fastpath import code_many

            yield from code_many(self, articles)
            return
        nlp = get_nlp()
        arts = iter(articles)
        while True:
            batch = [a for _, a in zip(range(self.options.batch_size), arts)]
            if not batch:
                return
            for art, doc in zip(batch, nlp.pipe((a.text for a in batch), batch_size=self.options.batch_size)):
                yield steps.code_parsed(self, doc, art)


def roles(ctx: stages.SentenceContext, idx: ActorIndex, cands: list[Candidate]) -> stages.Roles:
    """Stage 4: the (source, recipient) pairs of every candidate: every source with every recipient, joint
    acts pairing coordinated actors, a clause's actor standing in for a missing or bare recipient, a place's
    country bearing an attack, fights both ways; a venue or a firm's place is no party."""
    s = ctx.settings
    out, dyads, agentless = [], [], []
    one = pairing.one_state(idx)
    if one is None and not any(m.country for m in idx.mentions) and any(
            readings.bare_civil(m) for c in cands for m in (*c.sources, *c.targets)):
        # no state named, but a place ("protesters blocked a highway north of <city>"): the place's state
        one = pairing.place_state(ctx.sent, stages.article_of(ctx).places())
    for c in cands:
        if one is not None and any(readings.bare_civil(m) or m.code == "MIL" for m in (*c.sources, *c.targets)):
            # not where the state is the act's other party ("rebels attacked the French embassy"): whose the bare
            # side is, the text does not say (as crowds.py leaves a crowd whose verb governs the state)
            c = replace(c, sources=[pairing.of_state(m, one, c.targets) for m in c.sources],
                        targets=[pairing.of_state(m, one, c.sources) for m in c.targets])
        crowd = pairing.unnamed_crowd(c, one, cands, ctx.date) if not c.sources and c.type == "PROTEST" else None
        if crowd is not None:
            # "police detained students during a protest", "curfew imposed amid protests": the protest of the one
            # state's people, against its own government (readings.own_government below)
            c = replace(c, sources=[crowd], how=c.how + "+crowd")
        srcs = c.sources
        if not srcs:
            if pairing.agentless_killing(c) or pairing.unnamed_agent(c):
                agentless += [stages.Dyad(c, pairing.NOBODY, t, True) for t in c.targets[:1]]
            else:
                victims = pairing.placed_victims(c, idx)  # "13 people were killed in a blast in X"
                if victims is not None:
                    agentless.append(stages.Dyad(c, pairing.NOBODY, victims, True))
            out.append(c)
            continue
        pairs, how = pairing.pairs(c, srcs, idx, s.clause_roles, s.recipientless)
        pairs = domestic_fight_pairs(c, srcs, pairs)
        if how != c.how:
            c = replace(c, how=how)
        if c.type in pairing.PLACE_TARGET_TYPES and all(t is None or not has_country(t) for _, t in pairs):
            # no party, or only a bare one ("rebel positions near <a town of another state>")
            where = pairing.place_target(ctx.doc, c, srcs, stages.article_of(ctx).places())
            if where is not None:
                pairs = [(a, where) for a in srcs if a.country and a.country != where.country] or pairs
        if (c.type in pairing.SPEAKER_TARGET_TYPES and pairs and all(t is None or not t.country for _, t in pairs)
                and s.keeps_one_sided(ctx.doc)):
            # "Poland says Russian drones entered its airspace": the speaker's state bears the act, and owns the bare
            # sector it was done to ("X's ministry said hackers broke into government networks": X's GOV) (only where
            # one-sided events are kept: an article drops them, and the guess would slip past that filter)
            who = pairing.speaker_target(c, srcs, idx)
            if who is not None:
                pairs = [(a, who if t is None else replace(t, code=who.country + t.code, country=who.country))
                         for a, t in pairs]
        if c.type == "PROTEST" and c.how == "place":
            # "thousands marched in <city>": the crowd is the civilians of the place's state (a city that stands for
            # a body, "in Brussels", is still its host state's place)
            pairs = [(pairing.place_crowd(ctx.doc, a, stages.article_of(ctx).places()), t) for a, t in pairs]
        if c.type == "PROTEST":  # a crowd's protest at no one named: its own government
            pairs = [(a, t if t is not None else readings.own_government(a, c.tok.idx, idx.mentions))
                     for a, t in pairs]
        if c.mutual:  # a fight both ways: "A exchanged fire with B" is B's attack on A too
            pairs += [(t, a) for a, t in pairs if t is not None and (t, a) not in pairs]
        for a, t in pairs:
            if t is None and not s.recipientless and pairing.drop_targetless(c):
                continue
            if t is not None and (pairing.venue(ctx.sent, t, pairing.GATHERING_NOUNS) or (
                    "clause" in c.how and token_lemma(c.tok) in pairing.GATHERING_NOUNS
                    and pairing.venue(ctx.sent, t))):
                # "the OPEC meeting in Vienna", "sent a delegation to the conference in Switzerland": a place
                continue
            if t is not None and pairing.scene(ctx.sent, c, t, idx.mentions):
                continue  # "signed the treaty in <capital>", "met counterparts in <state>": where, not with whom
            if t is not None and "clause" in c.how and domain.is_business(a.code):
                continue  # "a firm settled a bribery case in <state>": the state is a place, not a party
            if (t is not None and domain.is_business(a.code) and len(t.code) == 3 and c.type in pairing.COMMERCE_TYPES
                    and not pairing.STATE_OWNED.search(a.text or "") and pairing.named_in_passing(ctx.sent, t)):
                # "a chipmaker will invest in US plants", "sell its Ghanaian unit": a firm's deal, no state's
                # (a state's own companies building abroad are its aid: "Chinese state companies built a port in X")
                continue
            dyads.append(stages.Dyad(c, a, t))
        out.append(c)
    return stages.Roles(out, dyads, agentless)


def events(ctx: stages.SentenceContext, dyads: list[stages.Dyad]) -> list[stages.Draft]:
    """Stage 5: the drafts of the dyads that make an event (see `draft`), in order."""
    out = []
    for y in dyads:
        d = draft(ctx, y.cand, y.source, y.target)
        if d is not None:
            out.append(d)
    return out


def _main_clause(tok) -> bool:
    """Whether a trigger heads its sentence (`stages.main_clause`)."""
    return stages.main_clause(tok)


def fallback_rank(c: Candidate) -> tuple:
    """Order of candidates for a sentence's best-guess event: main-clause verbs first, then other verbs,
    then event nouns; a strong trigger before a weak one; earlier before later."""
    tok = c.tok
    root = tok.dep_ == "ROOT" or (tok.dep_ in ("conj", "xcomp", "ccomp") and tok.head.dep_ == "ROOT")
    noun_of_root = c.trig.pos == "N" and c.how == "light"
    level = 0 if root and c.trig.pos == "V" else 1 if noun_of_root else 2 if c.trig.pos == "V" else 3
    return (level, c.trig.weak, tok.i)


@coders.register("rules.v1")
def make_rules_coder(options: Options | None = None) -> RulesCoder:
    """Factory of the rules coder."""
    return RulesCoder(options)
