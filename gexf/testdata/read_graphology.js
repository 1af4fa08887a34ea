// Reads GEXF files with graphology-gexf and prints what it read, as JSON.
//
// Used by the tests of package gexf: node read_graphology.js FILE.gexf...,
// with NODE_PATH the node_modules directory that holds graphology and
// graphology-gexf, prints {"FILE.gexf": {"type": ..., "nodes": ...}, ...}.
'use strict';

const fs = require('fs');
const Graph = require('graphology');
const gexf = require('graphology-gexf');

function read(path) {
  const graph = gexf.parse(Graph, fs.readFileSync(path, 'utf8'));
  const out = {type: graph.type, multi: graph.multi, nodes: [], edges: []};
  graph.forEachNode((id, a) => {
    out.nodes.push({id, label: a.label, type: a.type, kind: a.kind ?? null, spells: a.spells ?? null});
  });
  graph.forEachEdge((id, a, source, target, _s, _t, undirected) => {
    out.edges.push({id, source, target, undirected, label: a.label, kind: a.kind, spells: a.spells ?? null});
  });
  return out;
}

const out = {};
for (const path of process.argv.slice(2)) {
  out[path] = read(path);
}
process.stdout.write(JSON.stringify(out));
