"""The article desk model (realpolitik/coding/desk.py) and the coder's filter of non-political copy, on
articles written for these tests."""

from realpolitik.coding import RulesCoder
from realpolitik.coding.desk import desk_of, fit, model
from realpolitik.model import Article
from realpolitik.options import Options

BUSINESS = (
    "Shares in the carmaker rose sharply on Tuesday after it reported record quarterly profits and raised "
    "its dividend for investors. Sales of its new hybrid models climbed by a fifth in the three months to "
    "September, the firm said, while costs fell thanks to cheaper steel and a weaker yen. Analysts at two "
    "investment banks said the results beat market forecasts and lifted their price targets for the stock. "
    "Japan backed the Korean battery makers in a long-running supply dispute, the company said, and its "
    "exports to China grew strongly despite a slowdown in consumer spending there. The group expects "
    "revenue to keep growing next year as demand for electric cars rises in Europe and North America, "
    "although it warned that higher interest rates could weigh on car loans. Its chief executive told "
    "shareholders that the firm would invest more in factories, software and new batteries to stay ahead "
    "of its rivals in the fast-moving market.")
POLITICS = (
    "The foreign minister of Japan met his Chinese counterpart in Beijing on Tuesday for talks on a disputed "
    "chain of islands, officials said. Japan backed South Korea in its call for new sanctions on North Korea "
    "after a missile test last week, and the two governments agreed to hold a joint security meeting next "
    "month. Opposition parties in parliament accused the prime minister of failing to consult them before "
    "the trip, and several lawmakers demanded a debate on the defence budget. The ruling coalition rejected "
    "the demand, saying the government had kept the cabinet and the parliamentary committee informed. "
    "Diplomats in Seoul said the visit was a sign that relations between the neighbours were improving after "
    "years of tension over history and territory, and the president welcomed the outcome of the talks. "
    "Protesters gathered outside the embassy in Tokyo, calling on the government to take a harder line.")
SPORT = (
    "The Portuguese sprinter and her coach have been charged by a Spanish prosecutor over missed doping "
    "tests before the indoor championships, and the Spanish sports minister criticised the national "
    "athletics federation for its handling of the case. The sprinter, who won relay and 200m medals at the "
    "last Olympics, denies any wrongdoing and says she will compete at the European championships in March. "
    "Her coach told reporters the squad had trained hard all winter and the athletes were in their best form "
    "for years. The federation said its team would travel to the stadium next week for the semi-final heats, "
    "where the hurdles and the marathon favourites will also run. The football league and the tennis "
    "tournament organisers said they backed tougher testing of players, and the rugby coach welcomed the "
    "decision, saying his squad had nothing to hide before the quarter-final. The marathon runner set a "
    "personal best in the final, the league said. The Spanish sports minister met his Portuguese counterpart "
    "in Madrid on Monday.")


def code(text, **settings):
    coder = RulesCoder(Options().with_settings({f"coding.{k}": v for k, v in settings.items()}))
    return sorted(((e.source, e.target, e.type) for e in coder.code(Article.from_text(text, published="2026-03-01"))),
                  key=str)


def test_desk_of_articles_and_never_of_a_sentence():
    assert desk_of(BUSINESS) == "business"
    assert desk_of(POLITICS) == "politics"
    assert desk_of("Japan backed the Korean battery makers in a long-running supply dispute.") is None
    assert desk_of(BUSINESS, min_words=200) is None  # 156 words


def test_a_desk_must_beat_politics_by_the_margin():
    logs, n = model().log_likelihoods(BUSINESS)
    per100 = (logs["business"] - logs["politics"]) * 100 / n
    assert desk_of(BUSINESS, margin=per100 - 1) == "business"
    assert desk_of(BUSINESS, margin=per100 + 1) == "politics"


def test_business_copy_keeps_only_events_with_a_political_actor():
    # a state read through its firms backing firms: commerce
    assert code(BUSINESS, desk_filter=False) == [("JPN", "KORBUS", "SUPPORT")]
    assert code(BUSINESS) == []


def test_sport_copy_keeps_only_events_between_political_actors():
    # a prosecutor charging an athlete is sport news (the athlete her own state's, as a verb of justice acts on her); two
    # ministers meeting is not
    assert code(SPORT, desk_filter=False) == [("ESPGOV", "PRTGOV", "CONSULT"), ("ESPJUD", "PRT", "ACCUSE")]
    assert code(SPORT) == [("ESPGOV", "PRTGOV", "CONSULT")]
    assert desk_of(SPORT) == "sport"


def test_political_copy_is_not_filtered():
    # the filter takes nothing from political copy, whatever the coder finds in it
    kept = code(POLITICS)
    assert kept == code(POLITICS, desk_filter=False)
    assert ("JPN", "KOR", "SUPPORT") in kept and ("KOR", "PRK", "SANCTION") in kept and len(kept) >= 6


def test_fit_learns_desks_from_weighted_rows():
    m = fit([("goal striker match goal", "sport", 1.0), ("minister vote parliament", "politics", 1.0),
             ("profit shares market", "business", 1.0), ("film actor award", "entertainment", 1.0),
             ("software phone users", "tech", 1.0)] * 3)
    s = m.scores("the striker scored a goal")
    assert max(s, key=s.get) == "sport"
    assert sorted(m.vocab) == sorted("goal striker match minister vote parliament profit shares market film "
                                     "actor award software phone users".split())


def test_stored_model_has_every_desk():
    assert model().desks == ("politics", "business", "sport", "entertainment", "tech")
    assert len(model().vocab) == 6000


def test_business_copy_drops_a_firms_litigation():
    # a court or prosecutor acting on a firm is the firm's litigation; two ministers meeting stays
    text = BUSINESS.replace(
        "Japan backed the Korean battery makers in a long-running supply dispute, the company said, and its",
        "US prosecutors charged the Korean battery makers with fixing prices, the company said. The Japanese "
        "trade minister met his Korean counterpart in Seoul on Monday. Its")
    assert desk_of(text) == "business"
    assert code(text, desk_filter=False) == [("JPNGOV", "KORGOV", "CONSULT"), ("USAJUD", "KORBUS", "ACCUSE")]
    assert code(text) == [("JPNGOV", "KORGOV", "CONSULT")]
