package conflict

import "fmt"

// A source vouches only for what it could know: a bound of a relation, or
// an agreement, or an event, dated to a window that begins after a source's publication
// cannot rest on that source ([ErrAnachronism]). A forecast is not a claim
// of change. A source with no publication date is not checked.

// sourceRec returns the source with the given ID, in the batch or the
// store.
func (b *batch) sourceRec(id string) (Source, bool) {
	i, ok := b.source(id)
	switch {
	case !ok:
		return Source{}, false
	case int(i) < len(b.st.sources):
		return b.st.sources[i], true
	}
	return b.ds.Sources[int(i)-len(b.st.sources)], true
}

// predates reports whether a source published on pub was, whichever day of
// pub's window is the real one, published before the first day of d.
func predates(pub, d Date) bool {
	return !pub.IsZero() && !d.IsZero() && pub.lastDay() < d.first()
}

// boundSources is a bound of a record and the sources named for it; nil:
// the record's sources.
type boundSources struct {
	date Date
	ids  []string
}

// checkBoundSources checks the sources that the start and end of record i
// of section cite: each named among the record's sources, and none
// published before the bound it vouches for.
func (b *batch) checkBoundSources(section string, i int, label fmt.Stringer, sources []string, start, end boundSources) {
	bounds := []struct {
		field, key string
		boundSources
	}{
		{"start", "start_sources", start},
		{"end", "end_sources", end},
	}
	for _, bd := range bounds {
		ids := bd.ids
		if ids != nil {
			if bd.date.IsZero() {
				b.fail(section, i, label, bd.key, fmt.Sprint(ids), ErrMissing, "sources are given for the "+bd.field+", but there is no "+bd.field)
			}
			if len(ids) == 0 {
				b.fail(section, i, label, bd.key, "", ErrMissing, "a bound that names its sources names at least one")
			}
			for k, id := range ids {
				switch {
				case !contains(sources, id):
					b.fail(section, i, label, bd.key, id, ErrUnknownID, "not among its sources")
				case contains(ids[:k], id):
					b.fail(section, i, label, bd.key, id, ErrDuplicateID, "cited twice")
				}
			}
		} else {
			ids = sources
		}
		b.checkKnowable(section, i, label, bd.field, bd.date, ids)
	}
}

// checkKnowable reports each source in ids that was published before the
// window of d begins.
func (b *batch) checkKnowable(section string, i int, label fmt.Stringer, field string, d Date, ids []string) {
	for _, id := range ids {
		if s, ok := b.sourceRec(id); ok && predates(s.Published, d) {
			b.fail(section, i, label, field, d.String(), ErrAnachronism,
				fmt.Sprintf("%s, published %s, cannot vouch for %s", id, s.Published, d))
		}
	}
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
