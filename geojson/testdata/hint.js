// Checks GeoJSON files with @mapbox/geojsonhint and prints what it says of
// each, as JSON: {"FILE": [{"message": ..., "line": ..., "level": ...}]},
// an empty list for a file it has nothing to say about.
//
// Used by the tests of package geojson: node hint.js FILE..., with
// NODE_PATH the node_modules directory that holds @mapbox/geojsonhint.
'use strict';

const fs = require('fs');
const geojsonhint = require('@mapbox/geojsonhint');

const out = {};
for (const file of process.argv.slice(2)) {
  const said = geojsonhint.hint(fs.readFileSync(file, 'utf8'));
  out[file] = said.map(m => ({message: m.message, line: m.line ?? null, level: m.level ?? 'error'}));
}
process.stdout.write(JSON.stringify(out));
