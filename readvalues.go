package conflict

import (
	"fmt"

	"github.com/conflictgraph/conflict/internal/jsonscan"
)

// Reading the values that are more than one token: attributes, lists of
// IDs, the words of support; and the strings the reader keeps once.

// attributes reads an object of strings; an empty one is nil.
func (r *reader) attributes(field string) map[string]string {
	var m map[string]string
	r.sc.Object()
	for {
		key, ok := r.sc.Key()
		if !ok {
			break
		}
		name := string(key)
		if _, dup := m[name]; dup {
			r.stop("", fmt.Sprintf("%q appears twice", field+"."+name))
			return nil
		}
		switch k := r.sc.Peek(); k {
		case jsonscan.String:
			b, _ := r.sc.ReadString()
			if m == nil {
				m = map[string]string{}
			}
			m[name] = r.interned(b)
		default:
			r.wrongType(field+"."+name, "string", k)
			return nil
		}
		if name == "" {
			r.problem(field, "", ErrMissing, "an attribute needs a name")
		}
	}
	r.syntax()
	return m
}

// wantKind is the JSON kind of each codec's values.
var wantKind = [...]jsonscan.Kind{
	codecString:  jsonscan.String,
	codecStrings: jsonscan.Array,
	codecDate:    jsonscan.String,
	codecText:    jsonscan.String,
	codecSupport: jsonscan.Array,
	codecFloat:   jsonscan.Number,
	codecObject:  jsonscan.Object,
	codecAttrs:   jsonscan.Object,
	codecBool:    jsonscan.Bool,
	codecRecords: jsonscan.Array,
	codecNumber:  jsonscan.Number,
}

// strings reads a list of strings; null in it is "". An empty list is nil.
func (r *reader) strings(field string) []string {
	r.list = r.list[:0]
	r.sc.Array()
	for r.sc.Next() {
		switch k := r.sc.Peek(); k {
		case jsonscan.String:
			b, _ := r.sc.ReadString()
			r.list = append(r.list, r.interned(b))
		case jsonscan.Null:
			r.sc.ReadNull()
			r.list = append(r.list, "")
		default:
			r.wrongType(field, "string", k)
			return nil
		}
	}
	r.syntax()
	if len(r.list) == 0 || r.err != nil {
		return nil
	}
	// Lists are carved from blocks, each with no room to grow, so
	// appending to one copies it and leaves its neighbours be.
	if cap(r.block)-len(r.block) < len(r.list) {
		r.block = make([]string, 0, max(1024, len(r.list)))
	}
	start := len(r.block)
	r.block = append(r.block, r.list...)
	return r.block[start:len(r.block):len(r.block)]
}

// support reads a list of words of support.
func (r *reader) support(field string) Support {
	var s Support
	r.sc.Array()
	for r.sc.Next() {
		var b []byte
		switch k := r.sc.Peek(); k {
		case jsonscan.String:
			b, _ = r.sc.ReadString()
		case jsonscan.Null:
			r.sc.ReadNull()
		default:
			r.wrongType(field, "string", k)
			return 0
		}
		k := supportOf(string(b))
		if k == 0 {
			r.problem(field, string(b), ErrKind, "")
		}
		s |= k
	}
	r.syntax()
	return s
}

// interned returns b as a string, the same string each time for short
// ones. Kinds, dates, sources and busy IDs repeat from record to record: a
// small cache in front of the map finds most of them.
func (r *reader) interned(b []byte) string {
	if len(b) > 64 {
		return string(b)
	}
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	slot := &r.recent[h&uint32(len(r.recent)-1)]
	if *slot == string(b) {
		return *slot
	}
	s, ok := r.shared[string(b)]
	if !ok {
		s, ok = r.intern[string(b)]
	}
	if !ok {
		s = string(b)
		r.intern[s] = s
	}
	*slot = s
	return s
}
