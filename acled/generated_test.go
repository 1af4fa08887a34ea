package acled_test

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/acled"
	"github.com/conflictgraph/conflict/internal/csvtest"
)

// A generated ACLED file: many countries, regions and places, named as
// ACLED names them (place names shared across countries, regions named as
// towns), armed groups that take and retake the places of their front, on
// one day several groups taking one place in varied row orders, dates at
// every time precision, and the rest of ACLED's event types around them.
// The rows of one day come in a shuffled order; the generator is seeded, so
// a file is the same every time.
type generator struct {
	rng   *rand.Rand
	n     int      // rows still to write
	day   int      // days since genStart of the day being written
	queue []genRow // the rows of that day not yet written
	next  int      // the number of the next event ID
	holds map[int]int
	log   map[int][]capture // captures of each place, in the order of days
	pairs bool              // some places are taken by two groups on one day
}

// A genRow is one generated event.
type genRow struct {
	id                int
	day               int
	timePrec, geoPrec int
	kind              [3]string
	transfer, sameDay bool
	actor1, actor2    int
	assoc1            string
	country, pl       int
}

// A capture is a territory transfer of a place, as the generator wrote it.
type capture struct {
	day, captor, timePrec, geoPrec int
	id                             int
	sameDay                        bool // another group took the place on that day too
}

var genStart = time.Date(2015, time.January, 1, 0, 0, 0, 0, time.UTC)

// The world of the generated file.
var (
	genCountries = []string{"Syria", "Iraq", "Yemen", "Libya", "Mali", "Somalia", "Sudan", "Nigeria",
		"Afghanistan", "Myanmar", "Ukraine", "Ethiopia"}
	genRegions   = 14  // per country
	genPlaces    = 900 // per country
	genFront     = 120 // the places of a country that change hands
	genGroups    = 8   // armed groups per country, after its state forces
	genTownNames = 2500
)

func newGenerator(seed uint64, rows int, pairs bool) *generator {
	return &generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), n: rows,
		holds: map[int]int{}, log: map[int][]capture{}, pairs: pairs}
}

// place returns the index, over every country, of place pl of country c.
func place(c, pl int) int { return c*genPlaces + pl }

// townName returns the name of a place: names repeat across countries,
// and the first of a country's places are named as its regions.
func townName(c, pl int) string {
	if pl < genRegions {
		return regionName(c, pl)
	}
	return "Town " + strconv.Itoa((pl*7919+c*104729)%genTownNames)
}

func regionName(c, r int) string {
	if r == 0 {
		return genCountries[c] // a region named as its country
	}
	return "Province " + strconv.Itoa(r+c%3)
}

// actorName returns the name of actor a of country c: 0 is its state
// forces, 1 to genGroups its armed groups, then civilians and protesters.
func actorName(c, a int) (string, int) {
	switch {
	case a == 0:
		return "Military Forces of " + genCountries[c] + " (2000-)", 1
	case a <= genGroups/2:
		return "Rebel Group " + strconv.Itoa(a) + " (" + genCountries[c] + ")", 2
	case a <= genGroups:
		return "Militia " + strconv.Itoa(a) + " (" + genCountries[c] + ")", 3
	case a == genGroups+1:
		return "Civilians (" + genCountries[c] + ")", 7
	}
	return "Protesters (" + genCountries[c] + ")", 6
}

var genOther = [][3]string{
	{"Political violence", "Battles", "Armed clash"},
	{"Political violence", "Battles", "Armed clash"},
	{"Political violence", "Battles", "Armed clash"},
	{"Political violence", "Explosions/Remote violence", "Air/drone strike"},
	{"Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"},
	{"Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED"},
	{"Political violence", "Violence against civilians", "Attack"},
	{"Political violence", "Violence against civilians", "Abduction/forced disappearance"},
	{"Demonstrations", "Protests", "Peaceful protest"},
	{"Demonstrations", "Riots", "Mob violence"},
	{"Strategic developments", "Strategic developments", "Arrests"},
	{"Strategic developments", "Strategic developments", "Agreement"},
	{"Strategic developments", "Strategic developments", "Looting/property destruction"},
}

var genTransfers = [][3]string{
	{"Political violence", "Battles", "Non-state actor overtakes territory"},
	{"Political violence", "Battles", "Government regains territory"},
	{"Strategic developments", "Strategic developments", "Non-violent transfer of territory"},
	{"Strategic developments", "Strategic developments", "Headquarters or base established"},
}

// plan makes the rows of the next day: about 270 events, one in fifteen
// a territory transfer, and of those one in eight joined on the same day
// by another group's transfer of the same place; then shuffles them.
func (g *generator) plan() {
	r := g.rng
	g.queue = g.queue[:0]
	for range 240 + r.IntN(60) {
		c := r.IntN(len(genCountries))
		ev := genRow{id: g.next, day: g.day, country: c, timePrec: 1, geoPrec: 1}
		g.next++
		if r.IntN(15) == 0 {
			pl := r.IntN(genFront)
			ev.pl = pl
			ev.kind = genTransfers[r.IntN(len(genTransfers))]
			if ev.kind[2] == "Government regains territory" {
				ev.actor1 = 0
			} else {
				ev.actor1 = 1 + r.IntN(genGroups)
			}
			ev.actor2 = g.holds[place(c, pl)] // the holder before
			if ev.actor2 == ev.actor1 {
				ev.actor2 = (ev.actor1 + 1) % (genGroups + 1)
			}
			switch x := r.IntN(20); {
			case x == 0:
				ev.timePrec = 3
			case x < 3:
				ev.timePrec = 2
			}
			switch x := r.IntN(50); {
			case x == 0:
				ev.geoPrec = 3
			case x < 5:
				ev.geoPrec = 2
			}
			ev.transfer = true
			g.holds[place(c, pl)] = ev.actor1
			if r.IntN(8) == 0 && g.pairs { // another group takes the place the same day
				ev.sameDay = true
				ev2 := ev
				ev2.id = g.next
				g.next++
				ev2.actor1 = 1 + (ev.actor1+r.IntN(genGroups-1))%genGroups
				ev2.actor2 = ev.actor1
				ev2.kind = genTransfers[0]
				ev2.timePrec, ev2.geoPrec = 1, 1
				g.queue = append(g.queue, ev2)
				g.holds[place(c, pl)] = ev2.actor1
			}
			g.queue = append(g.queue, ev)
			continue
		}
		ev.kind = genOther[r.IntN(len(genOther))]
		ev.pl = r.IntN(genPlaces)
		switch ev.kind[1] {
		case "Violence against civilians":
			ev.actor1, ev.actor2 = r.IntN(genGroups+1), genGroups+1
		case "Protests", "Riots":
			ev.actor1, ev.actor2 = genGroups+2, -1
		default:
			ev.actor1, ev.actor2 = r.IntN(genGroups+1), r.IntN(genGroups+1)
			if ev.actor1 == ev.actor2 {
				ev.actor2 = -1
			}
		}
		if r.IntN(4) == 0 {
			ev.assoc1 = "Tribal Group " + strconv.Itoa(r.IntN(40)) + " (" + genCountries[c] + ")"
		}
		switch x := r.IntN(25); {
		case x < 2:
			ev.timePrec = 3
		case x < 5:
			ev.timePrec = 2
		}
		switch x := r.IntN(10); {
		case x == 0:
			ev.geoPrec = 3
		case x < 3:
			ev.geoPrec = 2
		}
		g.queue = append(g.queue, ev)
	}
	r.Shuffle(len(g.queue), func(i, j int) { g.queue[i], g.queue[j] = g.queue[j], g.queue[i] })
	g.day++
}

// record notes a transfer written to the file.
func (g *generator) record(ev genRow) {
	p := place(ev.country, ev.pl)
	g.log[p] = append(g.log[p], capture{day: ev.day, captor: ev.actor1, timePrec: ev.timePrec, geoPrec: ev.geoPrec, id: ev.id, sameDay: ev.sameDay})
}

// appendRow appends the next row; the rows are written in the order of
// days, a day's in the order plan shuffled them into.
func (g *generator) appendRow(b []byte, _ int) []byte {
	if len(g.queue) == 0 {
		g.plan()
	}
	ev := g.queue[0]
	g.queue = g.queue[1:]
	if ev.transfer {
		g.record(ev)
	}
	r := g.rng
	date := genStart.AddDate(0, 0, ev.day)
	c := ev.country
	num := func(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }
	cell := func(b []byte, s string) []byte { return appendCell(append(b, ','), s) }

	b = num(append(b, "GEN"...), ev.id)
	b = date.AppendFormat(append(b, ','), "2 January 2006")
	b = num(append(b, ','), date.Year())
	b = num(append(b, ','), ev.timePrec)
	for _, k := range ev.kind {
		b = cell(b, k)
	}
	name1, inter1 := actorName(c, ev.actor1)
	b = cell(b, name1)
	b = cell(b, ev.assoc1)
	b = num(append(b, ','), inter1)
	if ev.actor2 >= 0 {
		name2, inter2 := actorName(c, ev.actor2)
		b = cell(b, name2)
		b = num(append(b, ",,"...), inter2)
	} else {
		b = append(b, ",,,"...)
	}
	b = append(b, ",,,"...) // interaction, civilian_targeting, iso
	b = append(b, ",Middle East"...)
	b = cell(b, genCountries[c])
	region := ev.pl % genRegions
	b = cell(b, regionName(c, region))
	b = append(b, ",,"...) // admin2, admin3
	b = cell(b, townName(c, ev.pl))
	lat := float64((ev.pl*37+c*911)%1700)/10 - 85 + 0.0123
	lon := float64((ev.pl*53+c*577)%3500)/10 - 175 + 0.0456
	b = strconv.AppendFloat(append(b, ','), lat, 'f', 4, 64)
	b = strconv.AppendFloat(append(b, ','), lon, 'f', 4, 64)
	b = num(append(b, ','), ev.geoPrec)
	b = append(b, ",Local Monitor; International Agency,National-International,\"Reported near the town"...)
	if r.IntN(3) == 0 {
		b = append(b, `; sources say ""several"" were wounded`...)
	}
	b = append(b, ".\","...)
	b = num(b, r.IntN(12))
	return append(b, ",,1700000000\n"...)
}

// appendCell appends s as a cell of a CSV record, quoted if need be.
func appendCell(b []byte, s string) []byte {
	if !strings.ContainsAny(s, ",\"\r\n") {
		return append(b, s...)
	}
	b = append(b, '"')
	b = append(b, strings.ReplaceAll(s, `"`, `""`)...)
	return append(b, '"')
}

// A generated file of 300,000 rows (30,000 with -short) reads without
// error, and the Conflict takes it whole: no blocking error. Where the
// file has a place taken only on distinct days, to the day and at a known
// place, its last captor holds it after the last capture. The same holds
// of a file without same-day transfers of one place, of 30,000 rows.
func TestGeneratedFile(t *testing.T) {
	rows := 300_000
	if testing.Short() {
		rows = 30_000
	}
	t.Run("same-day transfers", func(t *testing.T) { testGenerated(t, newGenerator(2016, rows, true), rows) })
	t.Run("no same-day transfers", func(t *testing.T) { testGenerated(t, newGenerator(2017, 30_000, false), 30_000) })
}

func testGenerated(t *testing.T, g *generator, rows int) {
	in := csvtest.Generated(header, rows, g.appendRow)
	ds, err := acled.Read(in, &acled.Options{Source: acled.Source("2024-05-01")})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Events) != rows {
		t.Fatalf("%d events from %d rows", len(ds.Events), rows)
	}
	captures, sameDay := 0, 0
	for _, cs := range g.log {
		for _, c := range cs {
			captures++
			if c.sameDay {
				sameDay++
			}
		}
	}
	t.Logf("%d rows: %d actors, %d locations, %d territory transfers, %d of them on a day another group took the same place",
		rows, len(ds.Actors), len(ds.Locations), captures, sameDay)
	if (sameDay > 0) != g.pairs || captures < rows/30 {
		t.Fatalf("the file has %d transfers, %d on one day with another: the generator is broken", captures, sameDay)
	}

	var c conflict.Conflict
	if err := c.Add(ds); err != nil {
		problems := csvtest.Problems(err)
		t.Fatalf("Add: %d problems; the first: %v", len(problems), problems[0])
	}

	events := map[string]conflict.Event{}
	for _, e := range ds.Events {
		events[e.ID] = e
	}
	checked := 0
	for _, cs := range g.log {
		if !clean(cs) {
			continue
		}
		last := cs[len(cs)-1]
		e := events["acled-gen"+strconv.Itoa(last.id)]
		on := genStart.AddDate(0, 0, last.day+1)
		ctl := c.At(on).Controller(e.Location)
		if ctl.Holder != e.Actors[0] || ctl.Certainty != conflict.Definite {
			t.Errorf("%s on %s: held by %q (%v), want %s (definite), its last captor", e.Location, on.Format(time.DateOnly), ctl.Holder, ctl.Certainty, e.Actors[0])
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no place taken only on distinct days: the generator is broken")
	}
	t.Logf("%d places' last captors checked", checked)
}

// clean reports whether the captures of a place are all to the day, at
// a known place, on distinct days, with no other group on the same day.
func clean(cs []capture) bool {
	for i, c := range cs {
		if c.timePrec != 1 || c.geoPrec == 3 || c.sameDay || i > 0 && cs[i-1].day == c.day {
			return false
		}
	}
	return true
}
