"""Typed settings: the groups of `Options` (coding, clustering, fetching, web) and the one table of them.

Every setting is a field of one frozen dataclass below, declared with `setting(default, help)`; the
table (`table()`) is read from those fields, so the CLI `--help` text (`help_for`) and
docs/settings.md (`markdown()`, checked by tests/test_settings.py) cannot drift from the code.
Settings are named `group.field` ("coding.fastpath"); `parse()` builds them from a dict (nested or
dotted keys), JSON or `NAME=VALUE` strings and rejects an unknown name or a value of the wrong type.

Adding a setting: add a field to the group's dataclass with `setting(default, "help")` (a hashable
default: tuple/frozenset, not list/set), read it as `options.<group>.<field>`, then regenerate the
docs with `realpolitik settings --markdown > docs/settings.md`.
"""
from __future__ import annotations

import dataclasses
import difflib
import json
import logging
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Iterable, Literal, Mapping

from realpolitik.errors import SettingsError

log = logging.getLogger(__name__)

# --- defaults whose values were measured (kept here, next to the settings they are the defaults of) ---

# The actor-less best guesses measured below, for coding.best_guess_types; off by default (an empty set), since an
# event no actor is resolved for says nothing of who did what.
# Types whose best guess stands even where the actors are unresolved ("a court freed ...", "the agency
# delivered food to ...", "the group condemned ..."): material acts whose verb and object say their kind
# (aid, releases, joint exercises, mobilising troops) and speech acts whose verb says their kind (backing,
# accusing, rejecting). Measured on the dev sets with the main-verb guess (coding/rules.py _best_guess): on
# pentaclass_dev these guesses were right 79 times in 86 (AID 19/21, RETREAT 18/19, COOPERATE 2/2, MOBILIZE 4/5,
# SUPPORT 9/9, ACCUSE 11/13, REJECT 16/17), 3 were made on plover_manual_dev. Left out: REQUEST 6/27, SANCTION 2/18,
# CONCEDE 1/9, AGREE 14/16 and THREATEN 4/4 with 3 and 2 on plover_manual_dev, and ASSAULT, whose actor-less
# killings PLOVER leaves uncoded (manual, "Required entities").
# A guess is made only in a sentence that names an actor (a state, organisation or sector): allowing it in
# every sentence gained 0.010 pentaclass macro-F1 (0.742 against 0.732) but made two thirds of the events
# of 300 BBC articles actor-less guesses (618 events against 335) and halved throughput (1.3x spaCy, not 2x).
# Events between bare sectors (no state, IGO or NGO on either side) are dropped: in the blind BBC audits
# (benchmarks/audits/bbc1300-1700_main-after.jsonl, bbc1700-2225_after.jsonl) 31 of 33 such events were wrong,
# and the support-article target asks for no event lacking a country.
REQUIRE_PARTY = True
BEST_GUESS_TYPES = frozenset({"AID", "RETREAT", "COOPERATE", "MOBILIZE", "SUPPORT", "ACCUSE", "REJECT"})

# Clause fallbacks for a missing recipient stay on (coding.clause_roles): the trigger's own roles alone measured
# plover_manual_dev dyad+type F1 0.639 tune / 0.556 holdout against 0.797 / 0.713, and pentaclass_dev macro-F1
# 0.747 / 0.704 against 0.746 / 0.708; skipping only actors inside embedded clauses: 0.728-0.760 tune,
# 0.641-0.656 holdout. The gold sets code recipients named elsewhere in the trigger's clause.
CLAUSE_ROLES = True

# An article's desk (coding/desk.py) is read only from this many words: a BBC story has 150-1,000, a
# gold-set record one to three sentences (under 80), so sentence sets are never filtered.
DESK_MIN_WORDS = 120
# A non-political desk must beat politics by this many nats of log-likelihood per 100 words: the team's
# geo-economic articles (training/articles, tune part: energy deals, sanctions, trade statecraft) read as
# business by 1-14 nats, one by 25; BBC business copy (articles < 1300, holdout part) by a median of 35.
DESK_MARGIN = 15.0

# Coverage of one event by different outlets mostly appears on the day or the day after, and dates
# resolved from "on Tuesday" can be a day off either way, so +-2 days joins them; no gold set of
# cross-article event identity exists yet to tune it, so it is a setting (clustering.window_days).
WINDOW_DAYS = 2
# Overlap of evidence content words (shared / the smaller set). Not tuned on gold data (none exists
# for cross-article identity yet): set so that a paraphrase keeping the object ("drones", "radar
# parts") joins (overlap 0.5-1.0 in our tests) while sentences sharing only a verb
# ("struck", 1 word in 5+) do not; settings clustering.evidence_min / clustering.evidence_min_near.
EVIDENCE_MIN_NEAR = 0.2
EVIDENCE_MIN = 0.34
# Jaccard of 4-word shingles above which an article is a near-duplicate (corroborate/neardup.py): distinct
# BBC stories on one topic reach at most about 0.36, revised versions of one story 0.5-1.0 (benchmarks/dedup_bbc.py).
DUPLICATE_JACCARD = 0.5

# A news page is well under 2 MB of HTML and a feed under 5 MB; 10 MB leaves room and still
# bounds memory per fetch.
MAX_BYTES = 10 * 1024 * 1024
# Enough for http->https plus a canonical-host hop and a CMS redirect or two; browsers allow 20,
# but news sites that need more than 5 are misconfigured or hostile.
MAX_REDIRECTS = 5
# Seconds: 20 s of silence means a stuck server.
READ_TIMEOUT = 20.0

# 1 MiB: a long news article is about 50 KB of JSON, so this admits twenty of them in one request
# while bounding what a client can make the server buffer. Raise it with --max-body-bytes.
MAX_BODY_BYTES = 1024 * 1024
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


def setting(default: Any, help: str) -> Any:
    """A settings field: its default and the one-line help shown by `--help` and docs/settings.md."""
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class CoderSettings:
    """How the rules-based coders code (read by coding/rules.py and coding/hybrid.py)."""

    fastpath: bool | None = setting(
        None, "Parse only the sentences that can yield an event (default: on for rules.v1, off for other coders).")
    future_as_agree: bool = setting(
        True, "Code announced future cooperation as AGREE (PLOVER's rule); off keeps the type, factuality 'planned'.")
    learned_contexts: bool = setting(
        True, "Choose each event's contexts with the trained context model (coding/ctxmodel.py) from the trigger, "
              "the sentence's words and the cue contexts; off keeps the cue contexts (cues.contexts_for).")
    learned_modes: bool = setting(
        True, "Choose each event's mode with the trained mode model (coding/modemodel.py) from the type, the "
              "rules' mode, the trigger and the sentence's words; off keeps the rules' mode.")
    keep_model: bool = setting(
        False, "In texts of desk_min_words words or more, keep only the events the trained keep model "
               "(coding/keepmodel.py) reads as news the article reports; off by default: on BBC articles it never "
               "saw it did not raise precision (README, stop 33).")
    sourceless: bool | None = setting(
        None, "Give a best-guess event to sentences without an actor-resolved event "
              "(default: off for rules coders, on for hybrid).")
    recipientless: bool | None = setting(
        None, "Keep recipient-less and within-country events as actor-resolved events "
              "(default: on for rules coders, off for hybrid, which leaves them to its classifier).")
    best_guess_types: frozenset[str] = setting(
        frozenset(), "Event types of the actor-less best guess given with `sourceless` off (empty: none; "
                     "settings.BEST_GUESS_TYPES lists the measured ones).")
    classifier: bool = setting(True, "Hybrid coder: check best guesses with the quad-class classifier.")
    locate: bool = setting(True, "Give each event the place where it happened (realpolitik/geo).")
    past_events: Literal["drop", "undate", "keep"] = setting(
        "drop", "Acts dated before the article: drop, undate (no date of their own) or keep (dated to the article).")
    clause_roles: bool = setting(
        CLAUSE_ROLES, "An actor named elsewhere in the trigger's clause stands in for a missing recipient.")
    desk_filter: bool = setting(
        True, "In an article read as business, sport, entertainment or tech copy (coding/desk.py), keep only "
              "events with a political actor on one side.")
    require_party: bool = setting(
        REQUIRE_PARTY, "In texts of desk_min_words words or more, drop events whose actors are only bare sectors "
                       "of no known state, IGO or NGO ('rebels attacked soldiers'); one side unnamed: see one_sided.")
    one_sided: bool = setting(
        False, "In texts of desk_min_words words or more, keep events with one side unnamed ('Moscow condemned "
               "the decision'); off: an article's reader wants dyads, and these were right 2 of 105 times on the "
               "support articles' tune part and 6 of 60 in the blind BBC audit (benchmarks/audits).")
    desk_min_words: int = setting(
        DESK_MIN_WORDS,
        "Words a text needs before its desk is read (shorter texts, such as lone sentences, never are).")
    desk_margin: float = setting(
        DESK_MARGIN, "Log-likelihood (nats per 100 words) by which a non-political desk must beat politics.")


@dataclass(frozen=True)
class ClusterSettings:
    """Corroboration: near-duplicate linking and event clusters (read by corroborate/)."""

    corroborate: bool = setting(True, "Link near-duplicates and cluster events after every save.")
    window_days: int = setting(WINDOW_DAYS, "Days between reports of one event that still join one cluster.")
    evidence_min: float = setting(EVIDENCE_MIN, "Evidence word overlap needed to join a cluster beyond a day apart.")
    evidence_min_near: float = setting(EVIDENCE_MIN_NEAR, "Evidence word overlap needed to join within a day.")
    near_dup_threshold: float = setting(DUPLICATE_JACCARD, "Shingle Jaccard from which an article is a near-duplicate.")


@dataclass(frozen=True)
class FetchSettings:
    """Fetching web pages and feeds (read by ingest/web.py and live/watch.py)."""

    max_bytes: int = setting(MAX_BYTES, "Largest response body fetched, in bytes.")
    max_redirects: int = setting(MAX_REDIRECTS, "Redirects followed per fetch.")
    timeout: float = setting(READ_TIMEOUT, "Seconds of silence before a fetch is given up.")
    allow_hosts: tuple[str, ...] = setting(
        (), "Hosts fetched although private: HOST, HOST:PORT or a CIDR (other private addresses stay refused).")
    follow_links: bool = setting(False, "Fetch the linked page of feed entries that are only teasers.")
    follow_symlinks: bool = setting(False, "Read symlinks in an input directory that point outside it.")


@dataclass(frozen=True)
class WebSettings:
    """The HTTP server (read by web/app.py)."""

    require_token: bool = setting(False, "Reads need a bearer token too (writes always do).")
    max_body_bytes: int = setting(MAX_BODY_BYTES, "Refuse larger request bodies, in bytes.")
    cors_origins: tuple[str, ...] = setting((), "Browser origins allowed by CORS (empty: no CORS headers).")
    allowed_hosts: tuple[str, ...] | None = setting(
        None, "Host headers accepted ('*': any), against DNS rebinding "
              "(default: loopback names, any when listening on a public interface).")
    idle_release: float = setting(2.0, "Seconds without requests after which the store file is let go.")


# group name (the Options field) -> its dataclass
GROUPS: dict[str, type] = {"coding": CoderSettings, "clustering": ClusterSettings, "fetching": FetchSettings,
                           "web": WebSettings}


@dataclass(frozen=True)
class Setting:
    """One row of the settings table."""

    name: str  # group.field
    type: str
    default: Any
    help: str


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _type_text(tp: Any) -> str:
    text = str(tp).replace("typing.", "")
    return {"<class 'bool'>": "bool", "<class 'int'>": "int", "<class 'float'>": "float"}.get(text, text)


def table() -> list[Setting]:
    """Every setting: name, type, default and help, in declaration order."""
    rows = []
    for group, cls in GROUPS.items():
        hints = _hints(cls)
        for f in dataclasses.fields(cls):
            rows.append(Setting(f"{group}.{f.name}", _type_text(hints[f.name]), f.default, f.metadata["help"]))
    return rows


def help_for(name: str) -> str:
    """The help text of one setting (for a CLI option exposing it)."""
    for row in table():
        if row.name == name:
            return f"{row.help} [setting {row.name}]"
    raise SettingsError(f"unknown setting {name!r}")


def _unknown(name: str, known: Iterable[str]) -> SettingsError:
    close = difflib.get_close_matches(name, list(known), n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return SettingsError(f"unknown setting {name!r}{hint}; see docs/settings.md")


def _coerce(name: str, tp: Any, value: Any, from_text: bool) -> Any:
    """`value` as type `tp`, or a SettingsError saying what was expected."""
    args = typing.get_args(tp)
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        inner = [a for a in args if a is not type(None)]
        if value is None or (from_text and str(value).strip().lower() in ("", "none", "default")):
            return None
        return _coerce(name, inner[0], value, from_text)
    origin = typing.get_origin(tp)
    if origin is Literal:
        if value in typing.get_args(tp):
            return value
        raise SettingsError(f"setting {name}: expected one of {', '.join(map(str, typing.get_args(tp)))}, "
                            f"got {value!r}")
    if tp is bool:
        if isinstance(value, bool):
            return value
        if from_text and str(value).strip().lower() in ("true", "1", "yes", "on", "false", "0", "no", "off"):
            return str(value).strip().lower() in ("true", "1", "yes", "on")
        raise SettingsError(f"setting {name}: expected true or false, got {value!r}")
    if tp is int or tp is float:
        if isinstance(value, bool):
            raise SettingsError(f"setting {name}: expected a number, got {value!r}")
        if isinstance(value, int) or (tp is float and isinstance(value, float)):
            return tp(value)
        if from_text:
            try:
                return tp(str(value).strip())
            except ValueError:
                pass
        raise SettingsError(f"setting {name}: expected {'an integer' if tp is int else 'a number'}, got {value!r}")
    if origin in (tuple, frozenset):
        items = [v.strip() for v in value.split(",") if v.strip()] if from_text and isinstance(value, str) else value
        if isinstance(items, str) or not isinstance(items, (list, tuple, set, frozenset)) \
                or not all(isinstance(v, str) for v in items):
            raise SettingsError(f"setting {name}: expected a list of strings, got {value!r}")
        return origin(items)
    raise SettingsError(f"setting {name}: unsupported type {tp}")  # a new field with another type: add it here


def _flatten(values: Mapping[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, val in values.items():
        if key in GROUPS and isinstance(val, Mapping):
            flat.update({f"{key}.{k}": v for k, v in val.items()})
        else:
            flat[key] = val
    return flat


def parse(values: Mapping[str, Any], base: Mapping[str, Any] | None = None,
          from_text: bool = False) -> dict[str, Any]:
    """The settings groups from `values` (`{"coding.fastpath": False}` or `{"coding": {"fastpath": False}}`),
    starting from the groups in `base`; unknown names and ill-typed values raise SettingsError.

    `from_text`: values are strings (CLI `NAME=VALUE`): "false", "3", "a,b" are converted."""
    known = [row.name for row in table()]
    changes: dict[str, dict[str, Any]] = {}
    for key, val in _flatten(values).items():
        group, _, fname = key.partition(".")
        if group not in GROUPS or fname not in {f.name for f in dataclasses.fields(GROUPS[group])}:
            raise _unknown(key, known)
        changes.setdefault(group, {})[fname] = _coerce(key, _hints(GROUPS[group])[fname], val, from_text)
    out = {}
    for group, fields_ in changes.items():
        current = (base or {}).get(group) or GROUPS[group]()
        out[group] = dataclasses.replace(current, **fields_)
    return out


def parse_assignments(items: Iterable[str]) -> dict[str, str]:
    """`NAME=VALUE` strings (the CLI's `--set`) as a dict; a string without '=' raises SettingsError."""
    out = {}
    for item in items:
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            raise SettingsError(f"--set {item!r}: expected NAME=VALUE, e.g. coding.fastpath=false")
        out[name.strip()] = value
    return out


def plain(value: Any) -> Any:
    """A setting's value as JSON has it: a frozenset as a sorted list, a tuple as a list."""
    return sorted(value) if isinstance(value, frozenset) else list(value) if isinstance(value, tuple) else value


def as_dict(options: Any) -> dict[str, dict[str, Any]]:
    """The settings groups of `options` as JSON-ready dicts."""
    return {g: {k: plain(v) for k, v in dataclasses.asdict(getattr(options, g)).items()} for g in GROUPS}


def markdown() -> str:
    """docs/settings.md: the settings table and how to set and add settings."""
    lines = [
        "# Settings",
        "",
        "Generated from realpolitik/settings.py by `realpolitik settings --markdown > docs/settings.md`;",
        "tests/test_settings.py fails when this file and the code differ.",
        "",
        "Settings are grouped in `Options` (`options.coding`, `options.clustering`, `options.fetching`,",
        "`options.web`), each a frozen dataclass. Set them in Python with",
        "`Options().with_settings({\"coding.fastpath\": False})` (or `{\"coding\": {\"fastpath\": False}}`),",
        "or on the command line with `--set coding.fastpath=false` (commands that code or fetch: ingest, code,",
        "eval, watch, recode; serve for `web.*`). An unknown name or a value of the wrong type is an error.",
        "",
        "| setting | type | default | meaning |",
        "|---|---|---|---|",
    ]
    for row in table():
        default = json.dumps(plain(row.default))
        cells = (f"`{row.name}`", f"`{row.type}`", f"`{default}`", row.help)
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")  # a `|` inside a cell is escaped
    lines += [
        "",
        "## Adding a setting",
        "",
        "1. Add a field to the group's dataclass in realpolitik/settings.py:",
        "   `my_setting: bool = setting(False, \"One line saying what it does.\")`. The default must be",
        "   hashable (tuple or frozenset, not list or set): coder instances are cached by their settings.",
        "   A measured default gets its provenance comment next to its constant there.",
        "2. Read it where it is used: `options.coding.my_setting` (never a dict lookup).",
        "3. Expose it on the CLI only if needed, with `help=help_for(\"coding.my_setting\")`;",
        "   `--set coding.my_setting=VALUE` works without more code.",
        "4. Regenerate this file: `realpolitik settings --markdown > docs/settings.md`.",
        "",
        "A new group: a new frozen dataclass, an entry in `GROUPS` and a field of the same name on `Options`.",
        "",
    ]
    return "\n".join(lines)

