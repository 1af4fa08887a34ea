package conflict

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFormatCoversEveryField checks that the table the reader walks has
// every exported field of Dataset and of every record type, under its json
// key, at its offset, with a codec: so a field with a tag is read as it is
// written.
func TestFormatCoversEveryField(t *testing.T) {
	formats := map[reflect.Type]*recordFormat{}
	var walk func(f *recordFormat)
	walk = func(f *recordFormat) {
		formats[f.typ] = f
		for _, ff := range f.fields {
			if ff.rec != nil {
				walk(ff.rec)
			}
		}
	}
	walk(datasetFormat)
	if formats[reflect.TypeFor[Point]()] == nil || pointFormat.typ != reflect.TypeFor[Point]() {
		t.Fatal("no format for Point")
	}
	for _, typ := range []reflect.Type{
		reflect.TypeFor[Dataset](), reflect.TypeFor[Source](), reflect.TypeFor[Actor](), reflect.TypeFor[Backer](),
		reflect.TypeFor[Location](), reflect.TypeFor[Point](), reflect.TypeFor[Relation](), reflect.TypeFor[Event](),
		reflect.TypeFor[Participant](), reflect.TypeFor[Figure](), reflect.TypeFor[Population](), reflect.TypeFor[Measure](),
	} {
		f := formats[typ]
		if f == nil {
			t.Errorf("no format for %v", typ)
			continue
		}
		type entry struct {
			Name, Key string
			Offset    uintptr
			Type      reflect.Type
		}
		var want, got []entry
		for sf := range typ.Fields() {
			if sf.IsExported() {
				key, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
				want = append(want, entry{sf.Name, key, sf.Offset, sf.Type})
			}
		}
		for _, ff := range f.fields {
			got = append(got, entry{ff.name, ff.key, ff.offset, ff.typ})
			if ff.codec == 0 {
				t.Errorf("%v.%s has no codec", typ, ff.name)
			}
		}
		if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b reflect.Type) bool { return a == b })); diff != "" {
			t.Errorf("format of %v (-fields +format)\n%s", typ, diff)
		}
	}

	// The sections are those the batch check names records by.
	var sections []string
	for _, ff := range datasetFormat.fields {
		if ff.codec == codecRecords {
			sections = append(sections, ff.key)
		}
	}
	want := []string{sectionSources, sectionActors, sectionBackers, sectionLocations, sectionRelations, sectionEvents, sectionAgreements, sectionMeasures}
	if diff := cmp.Diff(want, sections); diff != "" {
		t.Errorf("sections (-validate.go +format)\n%s", diff)
	}
}

func TestCodecOf(t *testing.T) {
	for typ, want := range map[reflect.Type]codec{
		reflect.TypeFor[string]():       codecString,
		reflect.TypeFor[[]string]():     codecStrings,
		reflect.TypeFor[Date]():         codecDate,
		reflect.TypeFor[ActorKind]():    codecText,
		reflect.TypeFor[RelationKind](): codecText,
		reflect.TypeFor[Support]():      codecSupport,
		reflect.TypeFor[float64]():      codecFloat,
		reflect.TypeFor[*float64]():     codecNumber,
		reflect.TypeFor[*Point]():       codecObject,
		reflect.TypeFor[[]Relation]():   codecRecords,
		reflect.TypeFor[int]():          0,
		reflect.TypeFor[[]int]():        0,
		reflect.TypeFor[Point]():        0,
	} {
		if got := codecOf(typ); got != want {
			t.Errorf("codecOf(%v) = %d, want %d", typ, got, want)
		}
	}
}

func TestFind(t *testing.T) {
	f := formatOf(reflect.TypeFor[Relation]())
	for i, ff := range f.fields {
		for from := range len(f.fields) {
			if got := f.find([]byte(ff.key), from); got != i {
				t.Errorf("find(%q, %d) = %d, want %d", ff.key, from, got, i)
			}
		}
	}
	for _, key := range []string{"", "Kind", "kinds", "point"} {
		if got := f.find([]byte(key), 3); got != -1 {
			t.Errorf("find(%q) = %d, want -1", key, got)
		}
	}
}

// BenchmarkDecode measures the reader alone on a file of many relations.
func BenchmarkDecode(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("{\n  \"name\": \"bench\",\n  \"relations\": [")
	for i := range 10000 {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString("\n    {\"kind\":\"controls\",\"from\":\"party-")
		sb.WriteString(string(rune('a' + i%26)))
		sb.WriteString("\",\"to\":\"town-")
		sb.WriteString(string(rune('a' + i%7)))
		sb.WriteString("\",\"start\":\"2015-08-05\",\"end\":\"2016-03\",\"sources\":[\"s1\",\"s2\"]}")
	}
	sb.WriteString("\n  ]\n}\n")
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := decode(data); err != nil {
			b.Fatal(err)
		}
	}
}
