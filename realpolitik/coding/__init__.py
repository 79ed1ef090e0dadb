"""Event coders: text in, PLOVER events out. Importing this package registers the built-in coders."""
from realpolitik.coding.base import Coder
from realpolitik.coding.hybrid import HybridCoder, make_hybrid_coder
from realpolitik.coding.rules import RulesCoder, make_rules_coder
from realpolitik.coding.scored import ScoredRulesCoder, make_scored_rules_coder

__all__ = ["Coder", "RulesCoder", "make_rules_coder", "HybridCoder", "make_hybrid_coder",
           "ScoredRulesCoder", "make_scored_rules_coder"]
