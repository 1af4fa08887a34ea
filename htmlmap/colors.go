package htmlmap

import (
	"fmt"
	"hash/fnv"
	"slices"
)

// palette holds the parties' colours: strong, distinct from each other and
// from the map's pale land, sea and grey.
var palette = []string{
	"#d62728", // red
	"#1f77b4", // blue
	"#2ca02c", // green
	"#ff7f0e", // orange
	"#9467bd", // purple
	"#8c564b", // brown
	"#e377c2", // pink
	"#17becf", // cyan
	"#bcbd22", // olive
	"#393b79", // indigo
	"#252525", // black
	"#0b6e4f", // dark teal
	"#e6ab02", // gold
	"#7a0177", // plum
}

// unknownFill is the fill of a place that no claim covers.
const unknownFill = "#cfcfcf"

// assignColors gives each party of ids, which are sorted, a colour: fixed's,
// or the palette's colour that the hash of its ID picks, or the next one
// free when an earlier party took that.
func assignColors(ids []string, fixed map[string]string) map[string]string {
	colors := map[string]string{}
	taken := make([]bool, len(palette))
	free := len(palette)
	for _, id := range ids {
		if c := fixed[id]; c != "" {
			colors[id] = c
			continue
		}
		h := fnv.New32a()
		h.Write([]byte(id))
		i := int(h.Sum32() % uint32(len(palette)))
		for free > 0 && taken[i] {
			i = (i + 1) % len(palette)
		}
		if free > 0 {
			taken[i] = true
			free--
		}
		colors[id] = palette[i]
	}
	return colors
}

// A pattern is an SVG pattern that paints a marker in several colours, or
// hatched.
type pattern struct {
	id     string // "pat0", "pat1", ...
	key    string // the paint's key
	kind   paintKind
	colors []string
}

// definePatterns defines a pattern for every paint of the segments that is
// not one colour, named "pat0", "pat1", ... in the order of their keys.
func (p *page) definePatterns() {
	byKey := map[string]paint{}
	for _, pl := range p.Places {
		for _, s := range pl.Segs {
			for _, pt := range []paint{s.fill, s.ring} {
				if pt.kind == paintHatch || pt.kind == paintStripes || pt.kind == paintContest {
					byKey[pt.key()] = pt
				}
			}
		}
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i, k := range keys {
		q := pattern{id: fmt.Sprintf("pat%d", i), key: k, kind: byKey[k].kind}
		for _, id := range byKey[k].parties {
			q.colors = append(q.colors, p.Parties[id].Color)
		}
		p.patterns = append(p.patterns, q)
	}
}

// paint returns the CSS paint for pt: a colour, or a reference to the
// pattern definePatterns defined for it.
func (p *page) paint(pt paint) string {
	switch pt.kind {
	case paintNone, paintUnknown:
		return unknownFill
	case paintSolid:
		if len(pt.parties) == 1 {
			return p.Parties[pt.parties[0]].Color
		}
	}
	key := pt.key()
	for _, q := range p.patterns {
		if q.key == key {
			return "url(#" + q.id + ")"
		}
	}
	return unknownFill
}
