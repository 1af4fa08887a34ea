package conflict

import (
	"maps"
	"slices"

	"github.com/conflictgraph/conflict/internal/binfmt"
)

// The body of a binary snapshot (see binary.go) is the store's record as
// it stands, section by section, each a count and its items: the name and
// zone; the sources; the actors, backers and locations; the nodes and the
// names that find them; the source sets; the relations and their extras;
// the events with their source sets; the agreements; the measures. Strings
// are numbers in the body's string table, lists that may be nil are a byte
// (0 for nil) and then a count, and a Date is its 8-byte value.

// encodeStore appends the record of s to e.
func encodeStore(e *binfmt.Encoder, s *store) {
	e.Str(s.name)
	e.Str(s.zoneName())

	e.U32(uint32(len(s.sources)))
	for i := range s.sources {
		x := &s.sources[i]
		e.Str(x.ID)
		e.Str(x.Outlet)
		e.Str(x.Author)
		e.Str(x.Title)
		e.I64(x.Published.v)
		e.Str(x.URL)
		e.Str(x.Note)
	}
	e.U32(uint32(len(s.actors)))
	for i := range s.actors {
		a := &s.actors[i]
		encodeParty(e, a.ID, a.Name, uint8(a.Kind), a.Aliases, a.Note, a.Names)
	}
	e.U32(uint32(len(s.backers)))
	for i := range s.backers {
		b := &s.backers[i]
		encodeParty(e, b.ID, b.Name, uint8(b.Kind), b.Aliases, b.Note, b.Names)
	}
	e.U32(uint32(len(s.locations)))
	for i := range s.locations {
		encodeLocation(e, &s.locations[i])
	}
	e.U32(uint32(len(s.nodes)))
	for _, n := range s.nodes {
		e.Str(n.id)
		e.U8(uint8(n.typ))
		e.I32(n.ref)
		e.I32(n.within)
	}
	names := slices.Sorted(maps.Keys(s.names))
	e.U32(uint32(len(names)))
	for _, k := range names {
		e.Str(k)
		e.I32(s.names[k])
	}
	e.U32(uint32(len(s.srcSets)))
	for _, set := range s.srcSets {
		e.U32(uint32(len(set)))
		for _, x := range set {
			e.I32(x)
		}
	}
	e.U32(uint32(len(s.rels)))
	for i := range s.rels {
		r := &s.rels[i]
		e.I32(r.from)
		e.I32(r.to)
		e.I64(r.start.v)
		e.I64(r.end.v)
		e.I32(r.srcs)
		e.U8(uint8(r.kind))
		e.U16(uint16(r.support))
		e.Bool(r.alleged)
		e.U8(uint8(r.confidence))
	}
	e.U32(uint32(len(s.extras)))
	for i := range s.extras {
		x := &s.extras[i]
		e.I32(x.rel)
		e.I32(x.event)
		e.I32(x.startSrcs)
		e.I32(x.endSrcs)
		e.Str(x.note)
		encodeAttrs(e, x.attrs)
	}
	e.U32(uint32(len(s.events)))
	for i := range s.events {
		encodeEvent(e, &s.events[i])
		e.I32(s.evSrcs[i])
	}
	e.U32(uint32(len(s.agreements)))
	for i := range s.agreements {
		a := &s.agreements[i]
		e.Str(a.ID)
		e.U8(uint8(a.Kind))
		e.Str(a.Name)
		encodeStrings(e, a.Parties)
		encodeStrings(e, a.Excluded)
		encodeStrings(e, a.Guarantors)
		e.I64(a.Start.v)
		e.I64(a.End.v)
		encodeStrings(e, a.Sources)
		encodeStrings(e, a.StartSources)
		encodeStrings(e, a.EndSources)
		e.Str(a.Note)
	}
	e.U32(uint32(len(s.measures)))
	for i := range s.measures {
		m := &s.measures[i]
		e.Str(m.Party)
		e.U8(uint8(m.Quantity))
		e.F64(m.Value)
		e.I64(m.Date.v)
		encodeStrings(e, m.Sources)
		e.Str(m.Note)
	}
}

func encodeParty(e *binfmt.Encoder, id, name string, kind uint8, aliases []string, note string, names []DatedName) {
	e.Str(id)
	e.Str(name)
	e.U8(kind)
	encodeStrings(e, aliases)
	e.Str(note)
	e.Bool(names != nil)
	if names != nil {
		e.U32(uint32(len(names)))
		for i := range names {
			n := &names[i]
			e.Str(n.Name)
			e.I64(n.Start.v)
			e.I64(n.End.v)
			encodeStrings(e, n.Sources)
			e.Str(n.Note)
		}
	}
}

func encodeLocation(e *binfmt.Encoder, l *Location) {
	e.Str(l.ID)
	e.Str(l.Name)
	e.U8(uint8(l.Kind))
	encodeStrings(e, l.Aliases)
	e.Str(l.Within)
	e.Bool(l.Point != nil)
	if l.Point != nil {
		e.F64(l.Point.Lat)
		e.F64(l.Point.Lon)
	}
	e.Str(l.Note)
	e.F64(l.Area)
	e.Bool(l.Population != nil)
	if p := l.Population; p != nil {
		e.F64(p.Count)
		e.I64(p.Date.v)
		encodeStrings(e, p.Sources)
		e.Str(p.Note)
	}
}

func encodeEvent(e *binfmt.Encoder, ev *Event) {
	e.Str(ev.ID)
	e.U8(uint8(ev.Kind))
	e.I64(ev.Date.v)
	e.Str(ev.Location)
	encodeStrings(e, ev.Actors)
	encodeStrings(e, ev.Counterparts)
	e.U16(uint16(ev.Support))
	e.Str(ev.Name)
	encodeStrings(e, ev.Sources)
	e.Str(ev.Note)
	e.Bool(ev.Participants != nil)
	if ev.Participants != nil {
		e.U32(uint32(len(ev.Participants)))
		for i := range ev.Participants {
			p := &ev.Participants[i]
			e.Str(p.Party)
			e.U8(uint8(p.Role))
			e.U16(uint16(p.Support))
			encodeStrings(e, p.Sources)
			e.Str(p.Note)
		}
	}
	e.Bool(ev.Figures != nil)
	if ev.Figures != nil {
		e.U32(uint32(len(ev.Figures)))
		for i := range ev.Figures {
			f := &ev.Figures[i]
			e.U8(uint8(f.Quantity))
			e.Str(f.Party)
			for _, v := range [...]*float64{f.Low, f.Best, f.High} {
				e.Bool(v != nil)
				if v != nil {
					e.F64(*v)
				}
			}
			encodeStrings(e, f.Sources)
			e.Str(f.Note)
		}
	}
	e.Bool(ev.Alleged)
	e.U8(uint8(ev.Confidence))
	encodeAttrs(e, ev.Attributes)
}

// encodeStrings appends a list that may be nil.
func encodeStrings(e *binfmt.Encoder, l []string) {
	e.Bool(l != nil)
	if l != nil {
		e.U32(uint32(len(l)))
		for _, s := range l {
			e.Str(s)
		}
	}
}

// encodeAttrs appends a map that may be nil, its keys in order.
func encodeAttrs(e *binfmt.Encoder, m map[string]string) {
	e.Bool(m != nil)
	if m != nil {
		e.U32(uint32(len(m)))
		for _, k := range slices.Sorted(maps.Keys(m)) {
			e.Str(k)
			e.Str(m[k])
		}
	}
}
