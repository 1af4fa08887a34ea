package conflict

import (
	"bytes"
	"slices"
)

// SetParallelRead sets the size of a relations section from which Load
// reads it on several cores, and the least size of a part, and returns a
// func that puts them back.
func SetParallelRead(least, part int) (restore func()) {
	m, p := parallelMin, partMin
	parallelMin, partMin = least, part
	return func() { parallelMin, partMin = m, p }
}

// ReadsRelationsInParallel reports whether Load would read the relations
// section of the dataset file data on several cores.
func ReadsRelationsInParallel(data []byte) bool {
	at := bytes.Index(data, []byte(`"relations": [`))
	if at < 0 {
		return false
	}
	r := newReader(data, "dataset")
	r.rels = newRelTable()
	r.sc = *r.sc.Elements(at + len(`"relations": [`))
	i := slices.IndexFunc(datasetFormat.fields, func(f fieldFormat) bool { return f.key == sectionRelations })
	return r.relationsParallel(&datasetFormat.fields[i])
}
