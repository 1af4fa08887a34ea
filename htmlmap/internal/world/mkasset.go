//go:build ignore

// Mkasset makes countries-50m.json.gz from world-atlas's countries-50m.json:
// it drops the "land" object, which the map does not draw, and writes the
// rest as compact JSON, gzipped without a name or time so that the same input
// gives the same bytes. See README.md.
//
//	go run mkasset.go PATH/TO/world-atlas/countries-50m.json
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"log"
	"os"
)

func main() {
	log.SetFlags(0)
	if len(os.Args) != 2 {
		log.Fatal("usage: go run mkasset.go countries-50m.json")
	}
	in, err := os.ReadFile(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(in))
	dec.UseNumber()
	var topo map[string]any
	if err := dec.Decode(&topo); err != nil {
		log.Fatal(err)
	}
	objects, ok := topo["objects"].(map[string]any)
	if !ok || objects["countries"] == nil {
		log.Fatal("no countries object: not world-atlas's countries file")
	}
	delete(objects, "land")
	out, err := json.Marshal(topo)
	if err != nil {
		log.Fatal(err)
	}
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := zw.Write(out); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("countries-50m.json.gz", b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
