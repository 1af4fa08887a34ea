package world

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"
)

// BenchmarkDecode decodes the whole asset, as the first page written in a
// process does.
func BenchmarkDecode(b *testing.B) {
	zr, err := gzip.NewReader(bytes.NewReader(asset))
	if err != nil {
		b.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(data, "countries"); err != nil {
			b.Fatal(err)
		}
	}
}
