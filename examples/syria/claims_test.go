package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
)

// claimsFile is the numbered list of every claim of the five articles,
// which lives beside the repository with the articles themselves (see
// TestNoSeedText).
var claimsFile = filepath.Join("..", "..", "..", "shared", "syria-claims.md")

// claimRow matches a claim's row in the list: "| DB10 | ... |".
var claimRow = regexp.MustCompile(`(?m)^\| ((?:DB|ISW|AM|TSG|BI)\d+) \|`)

// claimNumber matches a claim's number anywhere in a text.
var claimNumber = regexp.MustCompile(`\b(?:DB|ISW|AM|TSG|BI)\d+\b`)

// claimArticle is the source each series of claim numbers comes from.
var claimArticle = map[string]string{"DB": db, "ISW": isw, "AM": am, "TSG": tsg, "BI": bi}

// notHeld returns the claim numbers examples/syria/README.md explains as
// not held, from its section of them.
func notHeld(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "\n## Claims the record does not hold\n")
	if !ok {
		t.Fatal("README.md has no section \"Claims the record does not hold\"")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var ids []string
	for _, m := range regexp.MustCompile(`(?m)^- \*\*((?:DB|ISW|AM|TSG|BI)\d+)\*\*`).FindAllStringSubmatch(section, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// A tagged record is one record of the dataset whose note gives claim
// numbers, with every source it cites.
type tagged struct {
	what    string
	note    string
	sources []string
}

// taggedRecords returns every record of ds with a note, and its sources.
func taggedRecords(ds conflict.Dataset) []tagged {
	var out []tagged
	for _, s := range ds.Sources {
		out = append(out, tagged{"source " + s.ID, s.Note, []string{s.ID}})
	}
	for _, a := range ds.Actors {
		out = append(out, tagged{"actor " + a.ID, a.Note, nil})
	}
	for _, b := range ds.Backers {
		out = append(out, tagged{"backer " + b.ID, b.Note, nil})
	}
	for _, l := range ds.Locations {
		out = append(out, tagged{"location " + l.ID, l.Note, nil})
	}
	for _, r := range ds.Relations {
		out = append(out, tagged{"relation " + r.From + " " + r.Kind.String() + " " + r.To, r.Note, r.Sources})
	}
	for _, e := range ds.Events {
		srcs := slices.Clone(e.Sources)
		notes := []string{e.Note}
		for _, p := range e.Participants {
			srcs = append(srcs, p.Sources...)
			notes = append(notes, p.Note)
		}
		for _, f := range e.Figures {
			srcs = append(srcs, f.Sources...)
			notes = append(notes, f.Note)
		}
		out = append(out, tagged{"event " + e.ID, strings.Join(notes, " "), srcs})
	}
	for _, a := range ds.Agreements {
		out = append(out, tagged{"agreement " + a.ID, a.Note, a.Sources})
	}
	for _, m := range ds.Measures {
		out = append(out, tagged{"measure " + m.Party + " " + m.Date.String(), m.Note, m.Sources})
	}
	return out
}

// TestClaims checks the dataset against the numbered list of the articles'
// claims: every claim is held by a record whose note gives its number and
// that cites the article making it, or is among the few README.md explains
// as not held; no note gives a number the list does not have.
func TestClaims(t *testing.T) {
	b, err := os.ReadFile(claimsFile)
	if err != nil {
		t.Skipf("no list of the articles' claims to check against (%v); it lives beside the repository, as the articles do", err)
	}
	var claims []string
	for _, m := range claimRow.FindAllStringSubmatch(string(b), -1) {
		claims = append(claims, m[1])
	}
	if len(claims) < 100 {
		t.Fatalf("%s lists %d claims; the list has over a hundred", claimsFile, len(claims))
	}

	explained := notHeld(t)
	if len(explained) > 6 {
		t.Errorf("README.md explains %d claims as not held (%v); at most 6", len(explained), explained)
	}
	records := taggedRecords(mustLoad(t).Dataset())
	byClaim := map[string][]tagged{}
	for _, r := range records {
		for _, n := range claimNumber.FindAllString(r.note, -1) {
			if !slices.Contains(claims, n) {
				t.Errorf("%s gives claim %s, which the list does not have", r.what, n)
			}
			byClaim[n] = append(byClaim[n], r)
		}
	}
	for _, n := range explained {
		if !slices.Contains(claims, n) {
			t.Errorf("README.md explains claim %s, which the list does not have", n)
		}
	}
	for _, n := range claims {
		held := byClaim[n]
		article := claimArticle[strings.TrimRight(n, "0123456789")]
		cited := slices.ContainsFunc(held, func(r tagged) bool { return slices.Contains(r.sources, article) })
		switch {
		case len(held) == 0 && !slices.Contains(explained, n):
			t.Errorf("claim %s is held by no record and not explained in README.md", n)
		case len(held) > 0 && !cited:
			t.Errorf("claim %s is held only by records that do not cite %s: %v", n, article, held)
		}
	}
}
