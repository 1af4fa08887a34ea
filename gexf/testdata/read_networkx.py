"""Reads GEXF files with networkx and prints what it read, as JSON.

Used by the tests of package gexf: python3 read_networkx.py FILE.gexf...
prints {"FILE.gexf": {"version": ..., "nodes": ..., "edges": ...}, ...}.
"""

import json
import sys

import networkx


def when(t):
    """An end of a spell or value as networkx reads it: "None" when open."""
    return None if t in (None, "None") else t


def spells(data):
    if "spells" not in data:
        return None
    return [[when(start), when(end)] for start, end in data["spells"]]


def dynamic(data, key):
    """A dynamic attribute, as networkx reads it: (value, start, end)."""
    if key not in data:
        return None
    return [[value, when(start), when(end)] for value, start, end in data[key]]


def graph(path):
    g = networkx.read_gexf(path)
    nodes = []
    for n, d in g.nodes(data=True):
        nodes.append({
            "id": n,
            "label": d.get("label"),
            "type": d.get("type"),
            "kind": d.get("kind"),
            "spells": spells(d),
        })
    edges = []
    for u, v, d in g.edges(data=True):
        edges.append({
            "id": d.get("id"),
            "source": u,
            "target": v,
            "label": d.get("label"),
            "kind": dynamic(d, "kind"),
            "spells": spells(d),
            "dates": dynamic(d, "dates"),
        })
    return {
        "version": networkx.__version__,
        "directed": g.is_directed(),
        "nodes": nodes,
        "edges": edges,
    }


if __name__ == "__main__":
    json.dump({path: graph(path) for path in sys.argv[1:]}, sys.stdout, ensure_ascii=False)
