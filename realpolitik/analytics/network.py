"""Alignment network: a signed, weighted graph of cooperation and conflict between actors, its blocs and bridges."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pandas as pd

from realpolitik.analytics.frame import CONFLICT, COOPERATION, Scope, alignable, count_info, load_events, records

log = logging.getLogger(__name__)

# An actor bridges blocs when at least this share of its cooperation goes to blocs other than its
# own: a quarter is a round figure chosen so one stray meeting does not make a bridge while a
# real second partner bloc does (docs/analytics.md, "Bridges").
BRIDGE_SHARE = 0.25
# Window-2 blocs are matched to window-1 blocs when their members overlap at least this much
# (Jaccard); one half means the majority of the union is shared.
MATCH_JACCARD = 0.5
EDGE_COLUMNS = ["a", "b", "cooperation", "conflict", "weight", "events", "a_to_b", "b_to_a", "distinct"]


@dataclass(frozen=True)
class Network:
    """The alignment network of a window: edges, blocs, bridges and each actor's bloc."""

    scope: Scope
    edges: pd.DataFrame
    blocs: tuple[tuple[str, ...], ...]
    bloc_of: dict[str, int]
    betweenness: dict[str, float]
    bridges: tuple[dict[str, Any], ...] = field(default=())

    def graph(self) -> nx.Graph:
        """The signed graph (edge attributes: weight = cooperation - conflict, cooperation, conflict, events)."""
        g = nx.Graph()
        g.add_nodes_from(sorted(self.bloc_of))
        for r in self.edges.itertuples(index=False):
            g.add_edge(r.a, r.b, weight=r.weight, cooperation=r.cooperation, conflict=r.conflict, events=r.events)
        return g

    def as_dict(self) -> dict[str, Any]:
        """JSON-able: nodes with bloc and betweenness, edges, blocs, bridges."""
        return {
            "scope": self.scope.as_dict(),
            "nodes": [{"id": n, "bloc": self.bloc_of[n], "betweenness": round(self.betweenness.get(n, 0.0), 4)}
                      for n in sorted(self.bloc_of)],
            "edges": records(self.edges),
            "blocs": [list(b) for b in self.blocs],
            "bridges": list(self.bridges),
        }


def edges(df: pd.DataFrame) -> pd.DataFrame:
    """Undirected edges between distinct actor nodes: weighted cooperation, conflict and their difference.

    cooperation = sum of w_f * w_c * intensity over cooperative events, conflict = sum of w_f * w_c * |intensity|
    over conflictual ones (w_f the factuality weight, w_c the cluster weight), both divided by 10 so one
    fully asserted AID event scores 1. `events` counts event records both ways (COUNT_DEFINITION),
    `a_to_b` and `b_to_a` each direction, `distinct` the events with a cluster's reports merged.
    """
    if not len(df):  # an empty frame's mapped columns are strings, not booleans, under pandas 3
        return pd.DataFrame(columns=EDGE_COLUMNS)
    # Nodes are states and organisations (IGOUNO); a bare sector code (GOV, MIL) has no country to align.
    df = df[df["src"].map(alignable) & df["tgt"].map(alignable) & (df["src"] != df["tgt"])]
    df = df[df["quad"].isin(COOPERATION + CONFLICT)]
    if not len(df):
        return pd.DataFrame(columns=EDGE_COLUMNS)
    w = df["weight"] * df["fact_weight"] * df["intensity"].abs() / 10.0
    pair = [tuple(sorted(p)) for p in zip(df["src"], df["tgt"])]
    e = pd.DataFrame({"a": [p[0] for p in pair], "b": [p[1] for p in pair],
                      "cooperation": w.where(df["quad"].isin(COOPERATION), 0.0).values,
                      "conflict": w.where(df["quad"].isin(CONFLICT), 0.0).values,
                      "events": 1, "a_to_b": [int(p[0] == s) for p, s in zip(pair, df["src"])],
                      "distinct": df["weight"].values})
    e["b_to_a"] = 1 - e["a_to_b"]
    e = e.groupby(["a", "b"], as_index=False).sum()
    e["weight"] = e["cooperation"] - e["conflict"]
    return e.sort_values(["a", "b"], ignore_index=True)[EDGE_COLUMNS]


def blocs_of(e: pd.DataFrame) -> tuple[tuple[str, ...], ...]:
    """Blocs: greedy modularity communities of the graph of net-cooperative ties; isolated actors alone.

    Sorted largest first, then by first member, so bloc numbers are stable for the same data.
    """
    nodes = sorted(set(e["a"]) | set(e["b"]))
    pos = nx.Graph()
    pos.add_nodes_from(nodes)
    for r in e[e["weight"] > 0].itertuples(index=False):
        pos.add_edge(r.a, r.b, weight=float(r.weight))
    if pos.number_of_edges():
        comms = nx.community.greedy_modularity_communities(pos, weight="weight")
    else:
        comms = [{n} for n in nodes]
    return tuple(sorted((tuple(sorted(c)) for c in comms), key=lambda c: (-len(c), c)))


def _bridges(e: pd.DataFrame, bloc_of: dict[str, int], betweenness: dict[str, float]) -> tuple[dict[str, Any], ...]:
    coop: dict[str, dict[int, float]] = {}
    for r in e[e["weight"] > 0].itertuples(index=False):
        coop.setdefault(r.a, {}).setdefault(bloc_of[r.b], 0.0)
        coop.setdefault(r.b, {}).setdefault(bloc_of[r.a], 0.0)
        coop[r.a][bloc_of[r.b]] += r.weight
        coop[r.b][bloc_of[r.a]] += r.weight
    out = []
    for node, by_bloc in coop.items():
        total = sum(by_bloc.values())
        outside = sum(v for b, v in by_bloc.items() if b != bloc_of[node])
        if total > 0 and outside / total >= BRIDGE_SHARE:
            out.append({"actor": node, "bloc": bloc_of[node], "outside_share": round(outside / total, 4),
                        "blocs": sorted(by_bloc), "betweenness": round(betweenness.get(node, 0.0), 4)})
    return tuple(sorted(out, key=lambda d: (-d["betweenness"], -d["outside_share"], d["actor"])))


def network(store, scope: Scope) -> Network:
    """The alignment network of the scope's window (a region or country scope keeps the edges touching it)."""
    return network_of(load_events(store, scope), scope)


def network_dict(store, scope: Scope) -> dict[str, Any]:
    """The network as JSON-able data with how its events are counted and how many undated ones it left out."""
    return {**network(store, scope).as_dict(), **count_info(store, scope)}


def network_of(df: pd.DataFrame, scope: Scope) -> Network:
    """The alignment network of an already loaded event frame."""
    e = edges(df)
    blocs = blocs_of(e)
    bloc_of = {n: i for i, b in enumerate(blocs) for n in b}
    pos = nx.Graph()
    pos.add_nodes_from(sorted(bloc_of))
    for r in e[e["weight"] > 0].itertuples(index=False):
        # Shortest paths run along strong cooperation: distance is the inverse of the tie's weight.
        pos.add_edge(r.a, r.b, distance=1.0 / float(r.weight))
    betw = nx.betweenness_centrality(pos, weight="distance", normalized=True) if len(pos) > 2 else \
        {n: 0.0 for n in pos}
    return Network(scope, e, blocs, bloc_of, betw, _bridges(e, bloc_of, betw))


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def compare(first: Network, second: Network) -> dict[str, Any]:
    """How blocs changed between two windows: matched blocs, actors who moved, blocs new and gone."""
    b1 = [set(b) for b in first.blocs]
    b2 = [set(b) for b in second.blocs]
    pairs = sorted(((_jaccard(x, y), i, j) for i, x in enumerate(b1) for j, y in enumerate(b2)), reverse=True)
    match: dict[int, int] = {}
    used: set[int] = set()
    for jac, i, j in pairs:
        if jac >= MATCH_JACCARD and i not in used and j not in match:
            match[j] = i
            used.add(i)
    moved = []
    for actor in sorted(set(first.bloc_of) & set(second.bloc_of)):
        was, now = first.bloc_of[actor], second.bloc_of[actor]
        if match.get(now) != was:
            moved.append({"actor": actor, "from": sorted(b1[was] - {actor}), "to": sorted(b2[now] - {actor})})
    return {
        "matched": [{"first": sorted(b1[i]), "second": sorted(b2[j]), "jaccard": round(_jaccard(b1[i], b2[j]), 4)}
                    for j, i in sorted(match.items(), key=lambda m: m[1])],
        "moved": moved,
        "new_blocs": [sorted(b2[j]) for j in range(len(b2)) if j not in match],
        "gone_blocs": [sorted(b1[i]) for i in range(len(b1)) if i not in used],
        "joined": sorted(set(second.bloc_of) - set(first.bloc_of)),
        "left": sorted(set(first.bloc_of) - set(second.bloc_of)),
    }


def compare_windows(store, first: Scope, second: Scope) -> dict[str, Any]:
    """Blocs of two windows and how they changed, as JSON-able data."""
    n1, n2 = network(store, first), network(store, second)
    return {"first": n1.as_dict(), "second": n2.as_dict(), "change": compare(n1, n2)}
