package conflict

// Checking the events of a batch: their IDs first, so that relations may
// name them, then each event against its kind.

// checkEventIDs registers the batch's events before relations are checked,
// so a relation may name any event of the batch.
func (b *batch) checkEventIDs() {
	for i := range b.ds.Events {
		e := &b.ds.Events[i]
		label := quoted(e.ID)
		if why := checkID(e.ID); why != "" {
			b.fail(sectionEvents, i, label, "id", e.ID, ErrBadID, why)
			continue
		}
		if _, ok := b.event(e.ID); ok {
			b.fail(sectionEvents, i, label, "id", e.ID, ErrDuplicateID, "")
			continue
		}
		b.newEvent[e.ID] = int32(len(b.st.events) + i)
	}
}

func (b *batch) checkEvents() []happening {
	var evs []happening
	for i := range b.ds.Events {
		e := &b.ds.Events[i]
		label := quoted(e.ID)
		bad := b.problems
		if e.Kind == 0 || e.Kind > EventOther {
			b.fail(sectionEvents, i, label, "kind", e.Kind.String(), ErrKind, "")
		}
		if e.Date.IsZero() {
			b.fail(sectionEvents, i, label, "date", "", ErrMissing, "")
		}
		needLoc, needActors, needCounterparts := e.Kind.needs()
		h := happening{kind: e.Kind, date: e.Date, loc: -1, support: e.Support, id: int32(len(b.st.events) + i), name: e.ID}
		switch n, typ, ok := b.node(e.Location); {
		case e.Location == "":
			if needLoc {
				b.fail(sectionEvents, i, label, "location", "", ErrMissing, "a "+e.Kind.String()+" happens at a location")
			}
		case !ok:
			b.fail(sectionEvents, i, label, "location", e.Location, ErrUnknownID, "")
		case typ != NodeLocation:
			b.fail(sectionEvents, i, label, "location", e.Location, ErrEnds, e.Location+" is a "+typ.String())
		default:
			h.loc = n
		}
		parties := func(field string, ids []string, need bool) []int32 {
			if len(ids) == 0 && need {
				b.fail(sectionEvents, i, label, field, "", ErrMissing, "a "+e.Kind.String()+" needs "+field)
			}
			var out []int32
			for _, id := range ids {
				if n, ok := b.checkParty(sectionEvents, i, label, field, id); ok {
					out = append(out, n)
				}
			}
			return out
		}
		h.actors = parties("actors", e.Actors, needActors)
		h.counterparts = parties("counterparts", e.Counterparts, needCounterparts)
		if e.Kind == EventIntervention {
			for _, c := range h.counterparts {
				if b.typeOf(c) != NodeActor {
					b.fail(sectionEvents, i, label, "counterparts", b.idOf(c), ErrEnds, "an intervention supports actors")
				}
			}
		}
		if e.Support != 0 && e.Kind != EventIntervention {
			b.fail(sectionEvents, i, label, "support", e.Support.String(), ErrKind, "only interventions have kinds of support")
		}
		if e.Support>>numSupportBits != 0 {
			b.fail(sectionEvents, i, label, "support", e.Support.String(), ErrKind, "")
		}
		b.checkSourceList(sectionEvents, i, label, e.Sources)
		b.checkAttributes(sectionEvents, i, label, e.Attributes)
		b.checkKnowable(sectionEvents, i, label, "date", e.Date, e.Sources)
		b.checkLineage(i, label, e, &h)
		if b.problems == bad {
			evs = append(evs, h)
		}
	}
	return evs
}
