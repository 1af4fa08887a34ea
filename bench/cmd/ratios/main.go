// Command ratios reads the output of go test -bench and prints, as a
// Markdown table, the median time per operation of each benchmark named
// <Benchmark>/<query>/<impl>/R=<n>, the fastest and the slowest run, and the
// ratio of the median to that of the same query and size of a base
// implementation (by default "conflict"):
//
//	go test -run '^$' -bench Peers -count 5 ./... > out.txt
//	go run ./cmd/ratios < out.txt
//
// Medians are over the runs that -count repeats. Benchmarks of other
// shapes (BenchmarkLoad/R=<n>) are left out, as are lines that are not
// results. A ratio above 1 means slower than the base.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	base := flag.String("base", "conflict", "the implementation the others are compared with")
	flag.Parse()
	rs, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ratios:", err)
		os.Exit(1)
	}
	if len(rs) == 0 {
		fmt.Fprintln(os.Stderr, "ratios: no benchmark results of the form <Benchmark>/<query>/<impl>/R=<n> in the input")
		os.Exit(1)
	}
	write(os.Stdout, rs, *base)
}

// A result is the times of one benchmark over its runs.
type result struct {
	bench, query, impl string
	r                  int
	ns                 []float64 // ns/op of each run
}

// key names the comparison a result belongs to.
func (r *result) key() string { return r.bench + "/" + r.query + "/R=" + strconv.Itoa(r.r) }

// parse reads go test -bench output and returns its results in the order
// they first appear.
func parse(in io.Reader) ([]*result, error) {
	var out []*result
	byName := map[string]*result{}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || f[3] != "ns/op" {
			continue
		}
		ns, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return nil, fmt.Errorf("line %d: ns/op %q: %w", line, f[2], err)
		}
		name := trimProcs(f[0])
		r, ok := byName[name]
		if !ok {
			if r, ok = split(name); !ok {
				continue
			}
			byName[name] = r
			out = append(out, r)
		}
		r.ns = append(r.ns, ns)
	}
	return out, sc.Err()
}

// trimProcs removes the -GOMAXPROCS suffix go test adds to a name.
func trimProcs(name string) string {
	i := strings.LastIndexByte(name, '-')
	if i < 0 {
		return name
	}
	if _, err := strconv.Atoi(name[i+1:]); err != nil {
		return name
	}
	return name[:i]
}

// split parses <Benchmark>/<query>/<impl>/R=<n>; the query may itself hold
// slashes.
func split(name string) (*result, bool) {
	parts := strings.Split(name, "/")
	if len(parts) < 4 {
		return nil, false
	}
	size, ok := strings.CutPrefix(parts[len(parts)-1], "R=")
	if !ok {
		return nil, false
	}
	r, err := strconv.Atoi(size)
	if err != nil {
		return nil, false
	}
	return &result{
		bench: parts[0],
		query: strings.Join(parts[1:len(parts)-2], "/"),
		impl:  parts[len(parts)-2],
		r:     r,
	}, true
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// write prints the table: one row per result, grouped by benchmark, query
// and size in the order first seen, the base first in each group.
func write(w io.Writer, rs []*result, base string) {
	var keys []string
	groups := map[string][]*result{}
	for _, r := range rs {
		k := r.key()
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], r)
	}
	fmt.Fprintln(w, "| benchmark | query | R | impl | runs | median | min – max | × "+base+" |")
	fmt.Fprintln(w, "|---|---|--:|---|--:|--:|--:|--:|")
	for _, k := range keys {
		g := groups[k]
		slices.SortStableFunc(g, func(a, b *result) int {
			switch {
			case a.impl == base && b.impl != base:
				return -1
			case b.impl == base && a.impl != base:
				return 1
			}
			return 0
		})
		var baseNs float64
		if g[0].impl == base {
			baseNs = median(g[0].ns)
		}
		for _, r := range g {
			m := median(r.ns)
			ratio := ""
			if baseNs > 0 {
				ratio = formatRatio(m / baseNs)
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %d | %s | %s – %s | %s |\n", r.bench, r.query, formatSize(r.r), r.impl, len(r.ns), formatNs(m),
				formatNs(slices.Min(r.ns)), formatNs(slices.Max(r.ns)), ratio)
		}
	}
}

// formatNs prints a time per operation with three significant digits.
func formatNs(ns float64) string {
	d := time.Duration(ns)
	switch {
	case ns < 1000:
		return strconv.FormatFloat(ns, 'g', 3, 64) + " ns"
	case d < time.Millisecond:
		return strconv.FormatFloat(ns/1e3, 'g', 3, 64) + " µs"
	case d < time.Second:
		return strconv.FormatFloat(ns/1e6, 'g', 3, 64) + " ms"
	}
	return strconv.FormatFloat(ns/1e9, 'g', 3, 64) + " s"
}

func formatRatio(x float64) string {
	if x >= 100 {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'g', 3, 64)
}

// formatSize prints 10000 as 10k and 1000000 as 1M.
func formatSize(r int) string {
	switch {
	case r >= 1_000_000 && r%1_000_000 == 0:
		return strconv.Itoa(r/1_000_000) + "M"
	case r >= 1000 && r%1000 == 0:
		return strconv.Itoa(r/1000) + "k"
	}
	return strconv.Itoa(r)
}
