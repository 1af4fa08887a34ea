package conflict

import (
	"fmt"
	"strings"
)

// Checking the actors, backers and locations of a batch: IDs, names and
// aliases unique across the record, kinds, places within places.

func (b *batch) checkNodes() {
	if n := len(b.ds.Actors) + len(b.ds.Backers) + len(b.ds.Locations); len(b.newNode) == 0 && n > 0 {
		b.newNode, b.newType = make(map[string]int32, n), make(map[string]NodeType, n)
		b.newName = make(map[string]string, 2*n)
	}
	next := int32(len(b.st.nodes))
	add := func(section string, i int, id, name string, aliases []string, dated []DatedName, typ NodeType) {
		label := quoted(id)
		if why := checkID(id); why != "" {
			b.fail(section, i, label, "id", id, ErrBadID, why)
			return
		}
		if _, _, ok := b.node(id); ok {
			b.fail(section, i, label, "id", id, ErrDuplicateID, "")
			return
		}
		if strings.TrimSpace(name) == "" {
			b.fail(section, i, label, "name", name, ErrMissing, "")
		}
		b.newNode[id], b.newType[id] = next, typ
		b.newIDs = append(b.newIDs, id)
		next++
		seen := map[string]bool{}
		names := append([]string{id, name}, aliases...)
		for _, dn := range dated {
			names = append(names, dn.Name)
		}
		b.checkNames(section, i, id, dated)
		for k, nm := range names {
			f := FoldName(nm)
			if f == "" {
				if k >= 2 && k < 2+len(aliases) {
					b.fail(section, i, label, "aliases", nm, ErrMissing, "empty alias")
				}
				continue
			}
			if seen[f] {
				continue
			}
			seen[f] = true
			field := [...]string{"id", "name"}[min(k, 1)]
			if k >= 2 {
				field = "aliases"
			}
			if k >= 2+len(aliases) {
				field = "names"
			}
			if other, ok := b.st.names[f]; ok {
				b.fail(section, i, label, field, nm, ErrName, "also names "+b.st.nodes[other].id)
				continue
			}
			if other, ok := b.newName[f]; ok {
				b.fail(section, i, label, field, nm, ErrName, "also names "+other)
				continue
			}
			b.newName[f] = id
		}
	}
	for i, a := range b.ds.Actors {
		add(sectionActors, i, a.ID, a.Name, a.Aliases, a.Names, NodeActor)
		if a.Kind >= ActorKind(len(actorKindWords)) {
			b.fail(sectionActors, i, quoted(a.ID), "kind", a.Kind.String(), ErrKind, "")
		}
	}
	for i, k := range b.ds.Backers {
		add(sectionBackers, i, k.ID, k.Name, k.Aliases, k.Names, NodeBacker)
		if k.Kind >= BackerKind(len(backerKindWords)) {
			b.fail(sectionBackers, i, quoted(k.ID), "kind", k.Kind.String(), ErrKind, "")
		}
	}
	for i, l := range b.ds.Locations {
		add(sectionLocations, i, l.ID, l.Name, l.Aliases, nil, NodeLocation)
		if l.Within != "" {
			b.within[l.ID] = l.Within
		}
	}
	for i, l := range b.ds.Locations {
		label := quoted(l.ID)
		if l.Kind >= LocationKind(len(locationKindWords)) {
			b.fail(sectionLocations, i, label, "kind", l.Kind.String(), ErrKind, "")
		}
		if p := l.Point; p != nil && !(p.Lat >= -90 && p.Lat <= 90 && p.Lon >= -180 && p.Lon <= 180) {
			b.fail(sectionLocations, i, label, "point", fmt.Sprintf("%g,%g", p.Lat, p.Lon), ErrFormat, "latitude must be in [-90, 90] and longitude in [-180, 180]")
		}
		if l.Within == "" {
			continue
		}
		_, typ, ok := b.node(l.Within)
		switch {
		case !ok:
			b.fail(sectionLocations, i, label, "within", l.Within, ErrUnknownID, "")
		case typ != NodeLocation:
			b.fail(sectionLocations, i, label, "within", l.Within, ErrEnds, "a location lies within a location, not a "+typ.String())
		default:
			if cyc := b.withinCycle(l.ID); cyc != nil {
				b.fail(sectionLocations, i, label, "within", l.Within, ErrCycle, "locations would lie within each other: "+strings.Join(cyc, " within "))
			}
		}
	}
}
