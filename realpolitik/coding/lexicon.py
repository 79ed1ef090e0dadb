"""Trigger lexicon of the rules coder, written from the PLOVER definitions of each type.

One line per trigger: ``lemma  POS  TYPE  mode  cameo  frame  flags  contexts``; ``-`` means empty.

- POS: V (verb; a multiword lemma is a verb plus particle or preposition), N (event noun), L (light
  verb: no event of its own, it hands its subject to an event noun it governs, e.g. "imposed sanctions").
- frame: ``so`` subject acts on object; ``recv`` receipt (the subject gets, the ``from`` object gives);
  ``buy`` purchase (weapons bought = the seller's AID, other goods = the buyer's trade);
  ``sym`` joint action (coordinated subjects act on each other); ``say`` speech act (the target may be
  the subject of the reported clause: "warned that Tehran would ...").
- flags: W wrapper (the event that absorbs a trigger it governs for the same dyad, e.g. "agreed to
  supply"), w weak (yields to a trigger it governs, e.g. "signed a deal to share"), T needs an actor
  target, O needs an object or a target, F future cooperation is not turned into AGREE.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

_TABLE = """
# --- AGREE: intent, offers, promises, acceptance
agree V AGREE - 030 sym W -
pledge V AGREE - 033 so W -
promise V AGREE - 030 so W -
offer V AGREE - 030 so WO -
vow V AGREE - 030 so W -
commit V AGREE - 030 so W -
undertake V AGREE - 030 so W -
accept V AGREE - 038 so O diplomatic
consent V AGREE - 030 so W -
pledge N AGREE - 033 so W -
promise N AGREE - 030 so W -
offer N AGREE - 030 so W -
# --- CONSULT: meetings, visits, talks
welcome N CONSULT visit 043 so - diplomatic
reception N CONSULT visit 043 so - diplomatic
trip N CONSULT visit 042 so - diplomatic
tour N CONSULT visit 042 so - diplomatic
conference N CONSULT multilateral 040 sym - diplomatic
dialogue N CONSULT - 040 sym - diplomatic
discussion N CONSULT - 040 sym - diplomatic
meet_with V CONSULT - 040 sym T diplomatic
hold_talk V CONSULT - 040 sym T diplomatic
speak_with V CONSULT - 040 sym T diplomatic
meet V CONSULT - 040 sym T diplomatic
visit V CONSULT visit 042 so T diplomatic
host V CONSULT visit 043 so T diplomatic
welcome V CONSULT visit 043 so T diplomatic
receive V CONSULT visit 043 recv T diplomatic
negotiate V CONSULT - 046 sym - diplomatic
talk V CONSULT - 040 sym T diplomatic
discuss V CONSULT - 040 sym T diplomatic
mediate V CONSULT third-party 044 so - diplomatic
phone V CONSULT phone 041 so T diplomatic
call V CONSULT phone 041 so T diplomatic
arrive V CONSULT visit 042 so T diplomatic
talk N CONSULT - 040 sym - diplomatic
talks N CONSULT - 040 sym - diplomatic
meeting N CONSULT - 040 sym - diplomatic
visit N CONSULT visit 042 so - diplomatic
negotiation N CONSULT - 046 sym - diplomatic
summit N CONSULT multilateral 040 sym - diplomatic
mediation N CONSULT third-party 044 so - diplomatic
consultation N CONSULT - 040 sym - diplomatic
# --- SUPPORT: verbal backing, ties, signing
open_embassy V SUPPORT - 050 so i diplomatic
strike_deal V SUPPORT - 057 sym w diplomatic
strike_agreement V SUPPORT - 057 sym w diplomatic
strike_accord V SUPPORT - 057 sym w diplomatic
strike_pact V SUPPORT - 057 sym w diplomatic
reopen_embassy V SUPPORT - 050 so i diplomatic
strike_deal V SUPPORT - 057 sym w diplomatic
strike_agreement V SUPPORT - 057 sym w diplomatic
strike_accord V SUPPORT - 057 sym w diplomatic
strike_pact V SUPPORT - 057 sym w diplomatic
applaud V SUPPORT - 051 so T diplomatic
hail V SUPPORT - 051 so T diplomatic
welcome_decision V SUPPORT - 051 so T diplomatic
# welcoming a decision, statement or step backs whoever took it (CAMEO 051); 'welcome' alone is hosting
welcome_statement V SUPPORT - 051 so T diplomatic
welcome_move V SUPPORT - 051 so T diplomatic
welcome_announcement V SUPPORT - 051 so T diplomatic
welcome_plan V SUPPORT - 051 so T diplomatic
welcome_step V SUPPORT - 051 so T diplomatic
welcome_news V SUPPORT - 051 so T diplomatic
welcome_report V SUPPORT - 051 so T diplomatic
welcome_proposal V SUPPORT - 051 so T diplomatic
welcome_initiative V SUPPORT - 051 so T diplomatic
welcome_outcome V SUPPORT - 051 so T diplomatic
welcome_result V SUPPORT - 051 so T diplomatic
welcome_election V SUPPORT - 051 so T diplomatic
welcome_effort V SUPPORT - 051 so T diplomatic
welcome_progress V SUPPORT - 051 so T diplomatic
welcome_breakthrough V SUPPORT - 051 so T diplomatic
welcome_ceasefire V SUPPORT - 051 so T diplomatic
welcome_truce V SUPPORT - 051 so T diplomatic
welcome_agreement V SUPPORT - 051 so T diplomatic
welcome_deal V SUPPORT - 051 so T diplomatic
welcome_accord V SUPPORT - 051 so T diplomatic
welcome_vote V SUPPORT - 051 so T diplomatic
welcome_ruling V SUPPORT - 051 so T diplomatic
welcome_verdict V SUPPORT - 051 so T diplomatic
welcome_resolution V SUPPORT - 051 so T diplomatic
welcome_talk V SUPPORT - 051 so T diplomatic
endorsement N SUPPORT - 051 so T diplomatic
praise N SUPPORT - 051 so T diplomatic
recognition N SUPPORT - 054 so T diplomatic
support V SUPPORT - 051 so T diplomatic
back V SUPPORT - 051 so T diplomatic
endorse V SUPPORT - 051 so T diplomatic
praise V SUPPORT - 051 so T diplomatic
commend V SUPPORT - 051 so T diplomatic
defend V SUPPORT - 051 so T diplomatic
recognize V SUPPORT - 054 so T diplomatic
recognise V SUPPORT - 054 so T diplomatic
congratulate V SUPPORT - 051 so T diplomatic
thank V SUPPORT - 051 so T diplomatic
sign V SUPPORT - 057 sym w diplomatic
ratify V SUPPORT - 057 sym w diplomatic
upgrade V SUPPORT - 050 sym - diplomatic
establish V SUPPORT - 050 sym w diplomatic
restore V SUPPORT - 050 sym w diplomatic
veto V REJECT - 120 so W diplomatic
support N SUPPORT - 051 so T diplomatic
backing N SUPPORT - 051 so T diplomatic
solidarity N SUPPORT - 051 so T diplomatic
treaty N SUPPORT - 057 sym w diplomatic
agreement N SUPPORT - 057 sym w diplomatic
accord N SUPPORT - 057 sym w diplomatic
deal N SUPPORT - 057 sym w diplomatic
pact N SUPPORT - 057 sym w diplomatic
tie N SUPPORT - 050 sym w diplomatic
relation N SUPPORT - 050 sym w diplomatic
# --- CONCEDE
amnesty N CONCEDE - 0811 so - legal
pardon N CONCEDE - 0811 so - legal
apology N CONCEDE - 0832 so - -
acquit V CONCEDE - 0811 so T legal
loosen V CONCEDE - 080 so O -
remove V CONCEDE - 080 so O -
repeal V CONCEDE - 080 so O -
abolish V CONCEDE - 080 so O -
relax V CONCEDE - 080 so O -
call_off V CONCEDE - 080 so O -
apologize V CONCEDE - 0832 so T -
apologise V CONCEDE - 0832 so T -
pardon V CONCEDE - 0811 so T legal
lift V CONCEDE - 080 so O -
ease V CONCEDE - 080 so O -
# --- COOPERATE: joint action, sharing, trade
war_game N COOPERATE - 062 sym - military
extradite V COOPERATE - 063 so O legal
extradition N COOPERATE - 063 so - legal
export V AID - 070 so O economic
partner V COOPERATE - 060 sym T -
partnership N COOPERATE - 060 sym w -
cooperate V COOPERATE - 060 sym T -
collaborate V COOPERATE - 060 sym T -
share V COOPERATE - 060 sym T -
exchange V COOPERATE - 060 sym T -
trade V COOPERATE - 061 sym T economic
buy V COOPERATE - 061 buy O economic
purchase V COOPERATE - 061 buy O economic
import V COOPERATE - 061 buy O economic
exercise N COOPERATE - 062 sym - military
drill N COOPERATE - 062 sym - military
maneuver N COOPERATE - 062 sym - military
manoeuvre N COOPERATE - 062 sym - military
patrol N COOPERATE - 062 sym - military
cooperation N COOPERATE - 060 sym w -
purchase N COOPERATE - 061 buy - economic
import N COOPERATE - 061 buy - economic
# --- AID: resources handed over
contribute V AID - 070 so O -
dispatch V AID - 070 so O -
distribute V AID - 070 so O -
allocate V AID - 070 so O economic
rescue V AID - 073 so O human_security
airlift V AID - 073 so O human_security
forgive V AID - 071 so O economic
resettle V AID - 075 so O migration
donation N AID - 070 so - -
relief N AID - 073 so - human_security
funding N AID - 071 so - economic
rescue N AID - 073 so - human_security
evacuation N AID - 073 so - human_security
supply V AID - 070 so O -
deliver V AID - 070 so O -
provide V AID - 070 so O -
give V AID - 070 so O -
# 'gave in to pressure': yielding, a concession (PLOVER CONCEDE), not a gift
give_in V CONCEDE - 080 so - -
send V AID - 070 so O -
ship V AID - 070 so O -
sell V AID - 070 so O -
transfer V AID - 070 so O -
hand_over V AID - 070 so O -
turn_over V AID - 070 so O -
donate V AID - 070 so O -
grant V AID - 070 so O -
lend V AID - 071 so O economic
loan V AID - 071 so O economic
fund V AID - 071 so T economic
finance V AID - 071 so T economic
invest V AID - 071 so i economic
train V AID - 072 so T military
arm V AID - 072 so T military
help V AID - 070 so T -
assist V AID - 070 so T -
equip V AID - 072 so T military
evacuate V AID - 073 so - human_security
shelter V AID - 075 so - migration
get V AID - 070 recv O -
take_delivery V AID - 070 recv O -
build V AID - 070 so Oi -
construct V AID - 070 so Oi -
install V AID - 070 so Oi -
instal V AID - 070 so Oi -
obtain V AID - 070 recv O -
acquire V AID - 070 recv O -
aid N AID - 070 so - -
assistance N AID - 070 so - -
sale N AID - 070 so - -
delivery N AID - 070 so - -
shipment N AID - 070 so - -
transfer N AID - 070 so - -
supply N AID - 070 so - -
loan N AID - 071 so - economic
credit_line N AID - 071 so - economic
bailout N AID - 071 so - economic
grant N AID - 071 so - economic
investment N AID - 071 so - economic
asylum N AID - 075 so - asylum
# --- RETREAT
return V RETREAT - 0842 so O -
hand_back V RETREAT - 0842 so O -
pull_out V RETREAT withdraw 0872 so f military
pull_back V RETREAT withdraw 0872 so f military
retreat V RETREAT withdraw 0872 so f military
demobilize V RETREAT disarm 087 so - military
demobilise V RETREAT disarm 087 so - military
truce N RETREAT ceasefire 0871 sym - military
cessation N RETREAT ceasefire 0871 sym - military
lay_down V RETREAT disarm 087 so O military
allow_access V RETREAT access 0874 so - -
open_border V AID - 075 so - migration
cease-fire N RETREAT ceasefire 0871 sym - military
release N RETREAT release 0841 so - -
pullback N RETREAT withdraw 0872 so - military
pullout N RETREAT withdraw 0872 so - military
resignation N RETREAT resign 0832 so - executive
withdraw V RETREAT withdraw 0872 so f military
release V RETREAT release 0841 so O -
free V RETREAT release 0841 so O -
disarm V RETREAT disarm 087 so - military
resign V RETREAT resign 0832 so - executive
surrender V RETREAT disarm 087 so - military
withdrawal N RETREAT withdraw 0872 so - military
ceasefire N RETREAT ceasefire 0871 sym - military
# --- REQUEST
plead V REQUEST - 100 say W -
implore V REQUEST - 100 say WT -
petition V REQUEST - 100 say W -
urge V REQUEST - 100 say WT -
demand V REQUEST - 100 say W -
ask V REQUEST - 100 say WT -
appeal V REQUEST - 100 say W -
call_for V REQUEST - 100 say W -
push_for V REQUEST - 100 say WTO -
lobby_for V REQUEST - 100 say WTO -
call_on V REQUEST - 100 say W -
press V REQUEST - 100 say WT -
pressure V REQUEST - 100 say WT -
pressurise V REQUEST - 100 say WT -
pressurize V REQUEST - 100 say WT -
seek V REQUEST assist 101 so W -
request V REQUEST - 100 say W -
demand N REQUEST - 100 say W -
request N REQUEST - 100 say W -
appeal N REQUEST - 100 say W -
call N REQUEST - 100 say w -
# --- ACCUSE
convict V SANCTION convict - so T legal
probe V ACCUSE investigate 090 so T legal
inspect V ACCUSE investigate 090 so T -
prosecute V ACCUSE allege 1125 so T legal
allege V ACCUSE allege 112 so W -
slam V ACCUSE disapprove 111 so W -
lambaste V ACCUSE disapprove 111 so W -
rebuke V ACCUSE disapprove 111 so W -
decry V ACCUSE disapprove 111 so W -
deplore V ACCUSE disapprove 111 so W -
probe N ACCUSE investigate 090 so - legal
inquiry N ACCUSE investigate 090 so - legal
hearing N ACCUSE investigate 090 so - legal
inspection N ACCUSE investigate 090 so - -
lawsuit N ACCUSE allege 115 so - legal
legal_action N ACCUSE allege 115 so - legal
complaint N ACCUSE disapprove 111 so - -
accuse V ACCUSE allege 112 so WT -
blame V ACCUSE allege 112 so WT -
condemn V ACCUSE disapprove 111 so W -
criticize V ACCUSE disapprove 111 so W -
criticise V ACCUSE disapprove 111 so W -
denounce V ACCUSE disapprove 111 so W -
censure V ACCUSE disapprove 111 so W -
complain V ACCUSE disapprove 111 so W -
charge V ACCUSE allege 112 so WT legal
sue V ACCUSE allege 115 so T legal
indict V ACCUSE allege 1125 so T legal
investigate V ACCUSE investigate 090 so T legal
protest V ACCUSE disapprove 111 so T diplomatic
summon V ACCUSE disapprove 111 so T diplomatic
accusation N ACCUSE allege 112 so W -
condemnation N ACCUSE disapprove 111 so W -
criticism N ACCUSE disapprove 111 so W -
investigation N ACCUSE investigate 090 so - legal
# --- REJECT
spurn V REJECT - 120 so W -
snub V REJECT - 120 so WT -
veto N REJECT - 120 so W diplomatic
refusal N REJECT - 120 so W -
reject V REJECT - 120 so W -
refute V REJECT - 120 so - -
rebut V REJECT - 120 so - -
refuse V REJECT - 120 so W -
oppose V REJECT - 120 so W -
decline V REJECT - 120 so W -
dismiss V REJECT - 120 so W -
rebuff V REJECT - 120 so W -
deny V REJECT - 120 so W -
resist V REJECT - 120 so WT -
defy V REJECT - 120 so WT -
boycott V PROTEST boycott 143 so T -
rejection N REJECT - 120 so W -
# --- THREATEN
pressure N THREATEN - 130 so T -
menace V THREATEN - 130 so T -
deadline N THREATEN - 130 so - -
threaten V THREATEN - 130 so W -
warn V THREATEN - 130 say WT -
threat N THREATEN - 130 so W -
ultimatum N THREATEN - 130 so W -
warning N THREATEN - 130 say W -
# --- PROTEST
picket V PROTEST demo 141 so - -
walkout N PROTEST strike 140 so - -
sit-in N PROTEST demo 141 so - -
demonstrate V PROTEST demo 141 so - -
march V PROTEST demo 141 so T -
rally V PROTEST demo 141 so - -
riot V PROTEST riot 145 so - -
strike_work V PROTEST strike 140 so - -
block V PROTEST obstruct 144 so O -
blockade V THREATEN restrict 1312 so T -
protest N PROTEST demo 141 so - -
demonstration N PROTEST demo 141 so - -
rally N PROTEST demo 141 so - -
riot N PROTEST riot 145 so - -
hunger_strike N PROTEST hunger 142 so - -
general_strike N PROTEST strike 143 so - -
nationwide_strike N PROTEST strike 143 so - -
national_strike N PROTEST strike 143 so - -
labor_strike N PROTEST strike 143 so - -
labour_strike N PROTEST strike 143 so - -
# --- SANCTION
downgrade V SANCTION discontinue 161 so O diplomatic
boycott N PROTEST boycott 143 so - -
expulsion N SANCTION expel 166 so - diplomatic
sanction V SANCTION discontinue 163 so T economic
suspend V SANCTION discontinue 160 so O -
cut V SANCTION discontinue 160 so O -
halt V SANCTION discontinue 160 so O -
end V SANCTION discontinue 160 so O -
reduce V SANCTION discontinue 160 so O -
prohibit V SANCTION discontinue 160 so O -
cancel V SANCTION discontinue 160 so O -
recall V SANCTION withdraw 161 so Of diplomatic
expel V SANCTION expel 166 so Of diplomatic
force_out V SANCTION expel 166 so T -
drive_out V SANCTION expel 166 so T -
kick_out V SANCTION expel 166 so T -
sever V SANCTION discontinue 161 so O diplomatic
freeze V SANCTION discontinue 160 so O economic
ban V SANCTION discontinue 160 so O -
close V SANCTION discontinue 160 so O -
embargo N SANCTION discontinue 163 so - economic
sanction N SANCTION discontinue 163 so - economic
tariff N SANCTION discontinue 163 so - economic
suspension N SANCTION discontinue 160 so - -
# --- MOBILIZE
mobilize V MOBILIZE troops 152 so - military
mobilise V MOBILIZE troops 152 so - military
deploy V MOBILIZE troops 152 so - military
mass V MOBILIZE troops 152 so - military
reinforce V MOBILIZE troops 152 so - military
strengthen V MOBILIZE troops 152 so - military
build_up V MOBILIZE troops 152 so - military
deployment N MOBILIZE troops 152 so - military
buildup N MOBILIZE troops 152 so - military
# --- COERCE
outlaw V COERCE restrict 1724 so T -
demolish V COERCE seize 1712 so O -
raze V COERCE seize 1712 so O -
jail V COERCE arrest 173 so T legal
imprison V COERCE arrest 173 so T legal
censor V COERCE censor 1724 so T -
crack_down V COERCE restrict 175 so T -
crackdown N COERCE restrict 175 so - -
detention N COERCE arrest 173 so - legal
siege N COERCE restrict 191 so - military
arrest V COERCE arrest 173 so T legal
detain V COERCE arrest 173 so T legal
seize V COERCE seize 171 so O -
confiscate V COERCE seize 171 so O -
deport V COERCE deport 174 so T legal
hack V COERCE cyber 170 so - cyber
hack_into V COERCE cyber 170 so - cyber
break_into V COERCE cyber 170 so - cyber
impose_curfew V COERCE curfew 1723 so - -
curfew N COERCE curfew 1723 so - -
blockade N COERCE restrict 191 so - military
arrest N COERCE arrest 173 so - legal
cyberattack N COERCE cyber 170 so - cyber
# --- ASSAULT
pound V ASSAULT heavy-weapons 194 so T military
storm V ASSAULT - 190 so T military
clash V ASSAULT - 190 sym T military
fight V ASSAULT - 190 sym T military
wound V ASSAULT - 180 so T -
injure V ASSAULT - 180 so T -
massacre V ASSAULT - 180 so T -
behead V ASSAULT targeted 185 so T -
execute V ASSAULT targeted 185 so T -
hijack V ASSAULT abduct 181 so T -
clash N ASSAULT - 190 sym - military
fighting N ASSAULT - 190 sym - military
battle N ASSAULT - 190 sym - military
massacre N ASSAULT - 180 so - -
killing N ASSAULT - 180 so - -
execution N ASSAULT targeted 185 so - -
assassination N ASSAULT targeted 185 so - -
cleansing N ASSAULT - 201 so - -
ambush N ASSAULT - 190 so - military
bombardment N ASSAULT heavy-weapons 194 so - military
torture N ASSAULT torture 1822 so - -
open_fire V ASSAULT firearms 190 so T military
burn V ASSAULT destroy 190 so O -
destroy V ASSAULT destroy 190 so O military
capture V ASSAULT - 190 so O military
hit V ASSAULT - 190 so T military
target V ASSAULT - 190 so T military
bombard V ASSAULT heavy-weapons 194 so T military
blow_up V ASSAULT explosives 183 so O military
warfare N ASSAULT - 190 so - military
military_operation N ASSAULT - 190 so - military
ground_operation N ASSAULT - 190 so - military
violate_ceasefire V ASSAULT - 196 so T military
violate_truce V ASSAULT - 196 so T military
break_ceasefire V ASSAULT - 196 so T military
breach_ceasefire V ASSAULT - 196 so T military
set_fire V ASSAULT primitive 190 so T -
rocket_fire N ASSAULT heavy-weapons 194 so - military
artillery_fire N ASSAULT heavy-weapons 194 so - military
mortar_fire N ASSAULT heavy-weapons 194 so - military
tank_fire N ASSAULT heavy-weapons 194 so - military
sniper_fire N ASSAULT firearms 190 so - military
machine-gun_fire N ASSAULT firearms 190 so - military
attack V ASSAULT - 190 so T military
strike V ASSAULT - 190 so T military
bomb V ASSAULT explosives 183 so T military
shell V ASSAULT heavy-weapons 194 so T military
invade V ASSAULT - 190 so T military
kill V ASSAULT - 180 so T -
assassinate V ASSAULT targeted 185 so T -
kidnap V ASSAULT abduct 181 so T -
abduct V ASSAULT abduct 181 so T -
torture V ASSAULT torture 1822 so T -
fire_on V ASSAULT firearms 190 so T military
raid V ASSAULT - 190 so T military
ambush V ASSAULT - 190 so T military
occupy V ASSAULT - 1382 so T military
shoot V ASSAULT firearms 190 so T military
fire V ASSAULT - 190 so T military
beat V ASSAULT beat 182 so T -
ram V ASSAULT - 190 so T military
beat_up V ASSAULT beat 182 so T -
abuse V ASSAULT - 1821 so T -
attack N ASSAULT - 190 so - military
strike N ASSAULT - 190 so - military
airstrike N ASSAULT aerial 195 so - military
raid N ASSAULT - 190 so - military
invasion N ASSAULT - 190 so - military
offensive N ASSAULT - 190 so - military
bombing N ASSAULT explosives 183 so - military
shelling N ASSAULT heavy-weapons 194 so - military
assault N ASSAULT - 190 so - military
# --- light verbs: their event comes from the noun they govern
# ("stag": the parser's lemma of "staged"/"stages", a known en_core_web lemmatiser slip)
declare L - - - so - -
reimpose L - - - so - -
tighten L - - - so - -
expand L - - - so - -
widen L - - - so - -
toughen L - - - so - -
set L - - - so - -
reinstate L - - - so - -
open L - - - so - -
initiate L - - - so - -
organize L - - - so - -
organise L - - - so - -
speed_up L - - - so - -
step_up L - - - so - -
accelerate L - - - so - -
intensify L - - - so - -
escalate L - - - so - -
complete L - - - so - -
order L - - - so - -
file L - - - so - -
lodge L - - - so - -
go_on L - - - so - -
hold L - - - so - -
conduct L - - - so - -
launch L - - - so - -
stage L - - - so - -
stag L - - - so - -
fly L - - - so - -
perform L - - - so - -
attend L - - - so - -
carry_out L - - - so - -
impose L - - - so - -
begin L - - - so - -
start L - - - so - -
issue L - - - so - -
make L - - - so - -
reach L - - - so - -
conclude L - - - so - -
finalize L - - - so - -
finalise L - - - so - -
announce L - - - so - -
approve L - - - so - -
extend L - - - so - -
resume L - - - so - -
continue L - - - so - -
renew L - - - so - -
mount L - - - so - -
pay L - - - so - -
level L - - - so - -
express L - - - so - -
# A sense of a trigger verb that is no event: meeting a target, fighting inflation, a tax that hits buyers,
# 'ended up losing' (came to)
end_up L - - - so - -
# (light entries governing no event noun yield nothing)
meet_target L - - - so - -
meet_goal L - - - so - -
meet_deadline L - - - so - -
meet_criterion L - - - so - -
meet_requirement L - - - so - -
meet_standard L - - - so - -
meet_cost L - - - so - -
meet_need L - - - so - -
meet_expectation L - - - so - -
meet_obligation L - - - so - -
meet_forecast L - - - so - -
fight_price L - - - so - -
fight_inflation L - - - so - -
fight_crime L - - - so - -
fight_corruption L - - - so - -
fight_poverty L - - - so - -
fight_disease L - - - so - -
fight_unemployment L - - - so - -
fight_fraud L - - - so - -
fight_pollution L - - - so - -
fight_obesity L - - - so - -
fight_cancer L - - - so - -
hit_buyer L - - - so - -
hit_consumer L - - - so - -
hit_profit L - - - so - -
hit_sale L - - - so - -
hit_share L - - - so - -
hit_export L - - - so - -
hit_economy L - - - so - -
hit_price L - - - so - -
hit_market L - - - so - -
hit_growth L - - - so - -
hit_demand L - - - so - -
hit_taxpayer L - - - so - -
hit_household L - - - so - -
hit_family L - - - so - -
hit_earnings L - - - so - -
hit_output L - - - so - -
hit_investor L - - - so - -
hit_motorist L - - - so - -
combat_price L - - - so - -
combat_inflation L - - - so - -
combat_crime L - - - so - -
combat_corruption L - - - so - -
combat_poverty L - - - so - -
combat_disease L - - - so - -
combat_unemployment L - - - so - -
combat_fraud L - - - so - -
combat_pollution L - - - so - -
combat_obesity L - - - so - -
voice L - - - so - -
reaffirm L - - - so - -
reiterate L - - - so - -
"""


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry."""

    lemma: str
    pos: str  # V, N or L
    type: str | None
    mode: str | None
    cameo: str | None
    frame: str
    flags: str
    contexts: tuple[str, ...]

    @property
    def wrapper(self) -> bool:
        """Whether this event absorbs an event it governs for the same dyad."""
        return "W" in self.flags

    @property
    def weak(self) -> bool:
        """Whether this event yields to an event it governs for the same dyad."""
        return "w" in self.flags


def _none(x: str) -> str | None:
    return None if x == "-" else x


@lru_cache(maxsize=1)
def entries() -> dict[tuple[str, str], Trigger]:
    """(lemma, POS) -> trigger; multiword lemmas use '_' ("call_for")."""
    out: dict[tuple[str, str], Trigger] = {}
    for line in _TABLE.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, pos, type_, mode, cameo, frame, flags, ctx = line.split()
        out[(lemma, pos)] = Trigger(lemma, pos, _none(type_), _none(mode), _none(cameo), frame,
                                    "" if flags == "-" else flags, () if ctx == "-" else tuple(ctx.split(";")))
    return out


@lru_cache(maxsize=1)
def head_lemmas() -> frozenset[str]:
    """The first word of every trigger lemma: the fast per-sentence candidate filter."""
    return frozenset(k[0].split("_")[0] for k in entries())
