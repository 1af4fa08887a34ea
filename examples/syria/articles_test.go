package main

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/conflictgraph/conflict"
	"github.com/google/go-cmp/cmp"
)

// The tests here pin the record kinds the articles need beyond who held
// what: the sides, the truces, the names of the day, the participants of
// an event by source, allegations, numbers, the territory measured, and the
// places.

// TestSides checks that no split of the parties into sides puts the United
// States, Turkey or Saudi Arabia with the government, which all three oppose
// (Soufan Group), on any day of 2015 and 2016.
func TestSides(t *testing.T) {
	c := mustLoad(t)
	for _, k := range []int{0, 3} {
		periods, err := c.SidesOver(day("2015-01-01"), day("2017-01-01"), conflict.SidesOptions{MaxBlocs: k})
		if err != nil {
			t.Fatal(err)
		}
		if len(periods) < 5 {
			t.Fatalf("SidesOver with at most %d blocs: %d periods; the sides change more often", k, len(periods))
		}
		for _, p := range periods {
			for _, b := range p.Sides.Blocs {
				for _, o := range []string{"united-states", "turkey", "saudi-arabia"} {
					if slices.Contains(b, gov) && slices.Contains(b, o) {
						t.Errorf("at most %d blocs, from %s: %s on the government's side %v", k, p.From.Format("2006-01-02"), o, b)
					}
				}
			}
		}
	}
	// Opposition is hostile without fighting: the US is no enemy of the
	// government, but its opponent.
	m := c.At(day("2016-04-06"))
	if slices.ContainsFunc(m.Enemies(gov), func(p conflict.Party) bool { return p.ID == "united-states" }) {
		t.Error("the US fights the government")
	}
	var opp []string
	for _, p := range m.Opponents(gov) {
		opp = append(opp, p.ID)
	}
	if diff := cmp.Diff([]string{"saudi-arabia", "turkey", "united-states"}, opp); diff != "" {
		t.Errorf("Opponents(government) (-want +got):\n%s", diff)
	}
}

// agreementOn is the part of an agreement in force the tests pin.
type agreementOn struct {
	ID, Certainty                 string
	Parties, Excluded, Guarantors []string
}

// TestTruces pins the three truces of 2016: whom each covered and left out,
// who guaranteed it, and when it held.
func TestTruces(t *testing.T) {
	c := mustLoad(t)
	feb := func(cert string) agreementOn {
		return agreementOn{"cessation-of-hostilities-2016-02-27", cert,
			[]string{"russia", gov, rebels}, []string{"isis", nusra}, []string{"russia", "united-states"}}
	}
	sep := agreementOn{"truce-2016-09-12", "definite", []string{gov, rebels}, []string{"isis", nusra}, []string{"russia", "united-states"}}
	dec := agreementOn{"ceasefire-2016-12-30", "definite", []string{gov, rebels}, []string{"isis", nusra}, []string{"russia", "turkey"}}
	tests := []struct {
		day  string
		want []agreementOn
	}{
		{"2016-02-26", nil},
		{"2016-02-27", []agreementOn{feb("definite")}},
		{"2016-03-15", []agreementOn{feb("definite")}},
		{"2016-04-17", []agreementOn{feb("definite")}},
		// Declared over by the opposition on 18 April, replaced on 12
		// September: in between it may still hold.
		{"2016-04-18", []agreementOn{feb("possible")}},
		{"2016-09-11", []agreementOn{feb("possible")}},
		{"2016-09-12", []agreementOn{sep}},
		{"2016-09-18", []agreementOn{sep}},
		{"2016-09-19", nil},
		{"2016-12-29", nil},
		{"2016-12-30", []agreementOn{dec}},
	}
	for _, tt := range tests {
		var got []agreementOn
		for _, a := range c.At(day(tt.day)).Agreements() {
			x := a.Agreement
			for _, l := range [][]string{x.Parties, x.Excluded, x.Guarantors} {
				slices.Sort(l)
			}
			got = append(got, agreementOn{x.ID, a.Certainty.String(), x.Parties, x.Excluded, x.Guarantors})
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Agreements() on %s (-want +got):\n%s", tt.day, diff)
		}
	}
}

// TestNames checks that Jabhat al-Nusra goes by the name of the day, and
// its lineage: renamed and out of al-Qaeda on 2016-07-28, merged into
// Hay'at Tahrir al-Sham on 2017-01-28.
func TestNames(t *testing.T) {
	c := mustLoad(t)
	for d, want := range map[string]string{
		"2016-07-27": "Jabhat al-Nusra", "2016-07-28": "Jabhat Fateh al-Sham", "2016-12-31": "Jabhat Fateh al-Sham",
	} {
		if got := c.At(day(d)).Name(nusra); got != want {
			t.Errorf("Name(%s) on %s = %q, want %q", nusra, d, got, want)
		}
	}
	var got []string
	for _, l := range c.Lineage(nusra) {
		got = append(got, l.Date.String()+" "+l.Kind.String()+" "+strings.Join(l.After, ","))
	}
	want := []string{
		"2016-07-28 left al-qaeda",
		"2016-07-28 renamed jabhat-al-nusra",
		"2017-01-28 merged hayat-tahrir-al-sham",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Lineage(%s) (-want +got):\n%s", nusra, diff)
	}
	// al-Qaeda's affiliate until the split (Soufan Group, Business Insider).
	m := c.At(day("2016-07-27"))
	if !slices.ContainsFunc(m.Allies(nusra), func(p conflict.Party) bool { return p.ID == "al-qaeda" }) {
		t.Errorf("on 2016-07-27 Nusra is not part of al-Qaeda: %v", m.Allies(nusra))
	}
	if a := c.At(day("2016-07-28")).Allies(nusra); len(a) != 0 {
		t.Errorf("on 2016-07-28 Nusra still has allies %v", a)
	}
}

// TestParticipants pins who took part in the March 2016 offensive on
// Palmyra, on whose word, and checks that the militias the Daily Beast saw
// there are participants, not supporters for ever.
func TestParticipants(t *testing.T) {
	c := mustLoad(t)
	e, ok := c.Event(retakeEvent)
	if !ok {
		t.Fatalf("event %s missing", retakeEvent)
	}
	var got []string
	for _, p := range e.Participants {
		s := p.Party + " " + p.Role.String()
		if p.Support != 0 {
			s += " " + p.Support.String()
		}
		got = append(got, s+" "+strings.Join(cmpOr(p.Sources, e.Sources), ","))
	}
	want := []string{
		"russia supporter air-power " + db + "," + am + "," + tsg,
		"russia alongside " + tsg,
		"national-ideological-resistance alongside " + db,
		"navy-seals-regiment alongside " + db,
		"hezbollah alongside " + tsg,
		"iranian-backed-shia-militias alongside " + tsg,
		"iran supporter advisers " + tsg,
		"isis defender " + db + "," + am + "," + tsg,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("participants of %s (-want +got):\n%s", retakeEvent, diff)
	}
	for _, id := range []string{"national-ideological-resistance", "navy-seals-regiment"} {
		if ch := c.Timeline(id); len(ch) != 0 {
			t.Errorf("%s has ties that change: %v", id, ch)
		}
		if hs := c.Events(conflict.EventQuery{Party: id}); len(hs) != 1 || hs[0].Event.ID != retakeEvent {
			t.Errorf("%s takes part in %v, want only %s", id, hs, retakeEvent)
		}
	}
}

// TestAllegations checks that what Al-Masdar only alleges — Turkey's
// tolerance of ISIS's oil trade, US backing for the coup attempt — is kept,
// graded, and left out of the answers unless asked for.
func TestAllegations(t *testing.T) {
	c := mustLoad(t)
	at := day("2015-07-01")
	if slices.ContainsFunc(c.At(at).Supporters("isis"), func(s conflict.Supporter) bool { return s.ID == "turkey" }) {
		t.Error("Turkey backs ISIS in the answers, on an allegation")
	}
	var found bool
	for _, s := range c.WithAlleged().At(at).Supporters("isis") {
		if s.ID == "turkey" {
			found = true
			if s.Support != conflict.SupportTerritory {
				t.Errorf("alleged support %v, want territory", s.Support)
			}
		}
	}
	if !found {
		t.Error("asked for allegations, the record has no Turkish support of ISIS")
	}
	if slices.ContainsFunc(c.WithAlleged().At(day("2016-07-01")).Supporters("isis"), func(s conflict.Supporter) bool { return s.ID == "turkey" }) {
		t.Error("the alleged patronage still holds in July 2016, after Al-Masdar says it ended")
	}
	for _, id := range []string{"us-backing-of-turkish-coup-alleged", "suruc-bombing-2015-07-20", "ankara-bombing-2015-10-10"} {
		e, ok := c.Event(id)
		switch {
		case !ok:
			t.Errorf("event %s missing", id)
		case !e.Alleged || e.Confidence == 0:
			t.Errorf("event %s: alleged %v, confidence %q", id, e.Alleged, e.Confidence)
		}
		if slices.ContainsFunc(c.Events(conflict.EventQuery{}), func(h conflict.Happening) bool { return h.Event.ID == id }) {
			t.Errorf("event %s is among the answers unasked", id)
		}
	}
}

// TestFigures pins the numbers the articles give.
func TestFigures(t *testing.T) {
	c := mustLoad(t)
	tests := map[string]string{
		"deir-al-asafir-airstrike-2016-03-31": "at least 23 fatalities",         // TSG22
		"russian-airstrikes-palmyra-2016-03":  "russia: at least 900 air-raids", // DB10
		"nusra-massing-claim-2016-04":         "jabhat-al-nusra: 8000 fighters", // BI10
	}
	for id, want := range tests {
		e, ok := c.Event(id)
		if !ok || len(e.Figures) != 1 {
			t.Errorf("event %s: %d figures, want 1", id, len(e.Figures))
			continue
		}
		if got := e.Figures[0].String(); got != want {
			t.Errorf("figure of %s = %q, want %q", id, got, want)
		}
	}
}

// TestTerritory pins the Islamic State's territory as IHS measured it: past
// its height, so that its greatest extent in 2015 is the first measure, not
// one of late 2015.
func TestTerritory(t *testing.T) {
	c := mustLoad(t)
	var got []string
	for _, m := range c.Series("isis", conflict.QuantityAreaKm2) {
		got = append(got, m.String())
	}
	want := []string{
		"2015-01-01 isis area-km2 90800",
		"2015-12-14 isis area-km2 78000",
		"2016-07-04 isis area-km2 68300",
		"2016-10-03 isis area-km2 65500",
		"2016-12-21/2016-12-31 isis area-km2 60400",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Series(isis, area-km2) (-want +got):\n%s", diff)
	}
	for _, tt := range []struct{ from, to, want string }{
		{"2015-01-01", "2016-01-01", "2015-01-01"},
		{"2015-06-01", "2016-01-01", "2015-12-14"},
		{"2016-01-01", "2017-01-01", "2016-07-04"},
	} {
		p, ok := c.Peak("isis", conflict.QuantityAreaKm2, day(tt.from), day(tt.to))
		if !ok || p.Date.String() != tt.want {
			t.Errorf("Peak from %s to %s is of %s, want %s", tt.from, tt.to, p.Date, tt.want)
		}
	}
	for d, want := range map[string]float64{"2015-12-13": 90800, "2015-12-14": 78000, "2015-12-31": 78000, "2016-12-20": 65500} {
		if l := c.Latest("isis", conflict.QuantityAreaKm2, day(d)); len(l) != 1 || l[0].Value != want {
			t.Errorf("Latest on %s = %v, want %v", d, l, want)
		}
	}
}

// distance returns the great-circle distance between two points, in km.
func distance(a, b conflict.Point) float64 {
	rad := func(d float64) float64 { return d * math.Pi / 180 }
	dlat, dlon := rad(b.Lat-a.Lat), rad(b.Lon-a.Lon)
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(rad(a.Lat))*math.Cos(rad(b.Lat))*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * 6371 * math.Asin(math.Sqrt(h))
}

// TestPlaces checks the places the articles name: where they are, what lies
// within what, and the areas of the governorates.
func TestPlaces(t *testing.T) {
	c := mustLoad(t)
	point := func(id string) conflict.Point {
		l, ok := c.Location(id)
		if !ok || l.Point == nil {
			t.Fatalf("location %s missing, or without a point", id)
		}
		return *l.Point
	}
	// About 100 km west of Palmyra (Soufan Group).
	if d := distance(point("palmyra"), point("al-qaryatayn")); d < 90 || d > 110 {
		t.Errorf("al-Qaryatayn is %.0f km from Palmyra, want about 100", d)
	}
	if p, q := point("palmyra"), point("al-qaryatayn"); q.Lon >= p.Lon {
		t.Errorf("al-Qaryatayn (%v) is not west of Palmyra (%v)", q, p)
	}
	// T4 lies between Palmyra and Homs city (ISW).
	if p, t4, h := point("palmyra"), point("t4-airbase"), point("homs"); !(h.Lon < t4.Lon && t4.Lon < p.Lon) {
		t.Errorf("T4 (%v) is not between Homs (%v) and Palmyra (%v)", t4, h, p)
	}
	// Points from the gazetteers, for the places the dossier confirmed.
	for id, want := range map[string]conflict.Point{
		"idlib": {Lat: 35.9306, Lon: 36.6339}, "menagh-airbase": {Lat: 36.52194, Lon: 37.04111},
		"jarabulus": {Lat: 36.8175, Lon: 38.0111},
	} {
		if got := point(id); got != want {
			t.Errorf("point of %s = %v, want %v", id, got, want)
		}
	}
	// The places whose position no gazetteer confirmed have none; nor do the
	// citadel and Tal Rifaat, whose markers would hide Palmyra's and crowd out
	// a neighbour's name on the map (their notes give their positions).
	for _, id := range []string{"palmyra-oil-and-gas-fields", "jazal-oil-field", "palmyra-heights", "tal-abyad",
		"aleppo-turkey-road", "palmyra-citadel", "tal-rifaat"} {
		if l, _ := c.Location(id); l.Point != nil {
			t.Errorf("%s has a point", id)
		}
	}
	// Within: the citadel is one of the heights over Palmyra, in Homs
	// Governorate.
	for id, want := range map[string]string{
		"palmyra-citadel": "palmyra-heights", "palmyra-heights": "palmyra-environs", "palmyra-environs": "homs-governorate",
		"menagh-airbase": "north-aleppo-countryside", "azaz": "north-aleppo-countryside",
	} {
		if l, _ := c.Location(id); l.Within != want {
			t.Errorf("%s lies within %q, want %q", id, l.Within, want)
		}
	}
	// Every governorate has its area; the eleven add up to Syria's, near
	// enough (Damascus, its own governorate, has none here).
	sum := 0.0
	for l := range c.Locations() {
		if strings.HasSuffix(l.ID, "-governorate") {
			if l.Area <= 0 {
				t.Errorf("%s has no area", l.ID)
			}
			sum += l.Area
		}
	}
	if l, _ := c.Location("syria"); sum > l.Area || sum < 0.8*l.Area {
		t.Errorf("the governorates listed cover %.0f km2 of Syria's %.0f", sum, l.Area)
	}
	// Raqqa and Mosul are the only cities ISIS holds in September 2016
	// (Al-Masdar).
	var cities []string
	for _, ctl := range c.At(day("2016-09-15")).Holdings("isis") {
		if l, _ := c.Location(ctl.Location); l.Kind == conflict.LocationCity {
			cities = append(cities, l.ID)
		}
	}
	if diff := cmp.Diff([]string{"mosul", "raqqa"}, cities); diff != "" {
		t.Errorf("cities ISIS holds on 2016-09-15 (-want +got):\n%s", diff)
	}
}

// TestDayJSON pins the day object's keys the articles need: the names of
// the day, the truces in force, who opposes whom, the fights a truce does
// not hold off, the day's events and the latest territory.
func TestDayJSON(t *testing.T) {
	type object struct {
		conflict.Summary
		Events []struct {
			ID, Kind, Place string
			Parties         []string
		} `json:"events"`
		Territory map[string]struct {
			Km2          float64
			Date, Source string
		} `json:"territory"`
	}
	get := func(d string) object {
		t.Helper()
		code, out, errOut := runProgram(t, "-at", d, "-json")
		if code != 0 || errOut != "" {
			t.Fatalf("-at %s -json: exit %d, stderr %q", d, code, errOut)
		}
		var o object
		if err := json.Unmarshal([]byte(out), &o); err != nil {
			t.Fatal(err)
		}
		return o
	}
	if got := get("2016-08-15").Names[nusra]; got != "Jabhat Fateh al-Sham" {
		t.Errorf("names[%s] on 2016-08-15 = %q", nusra, got)
	}
	mar := get("2016-03-15")
	if len(mar.Agreements) != 1 || !slices.Equal(mar.Agreements[0].Excluded, []string{"isis", nusra}) {
		t.Errorf("agreements on 2016-03-15: %+v; want the cessation, excluding exactly ISIS and Nusra", mar.Agreements)
	}
	if !slices.Contains(mar.Opposes, [2]string{gov, "united-states"}) {
		t.Errorf("opposes on 2016-03-15: %v lacks the US and the government", mar.Opposes)
	}
	if slices.Contains(mar.Fights, [2]string{gov, rebels}) || !slices.Contains(mar.Fights, [2]string{"isis", gov}) {
		t.Errorf("fights on 2016-03-15: %v; want ISIS and the government, not the rebels under the truce", mar.Fights)
	}
	if a, ok := get("2015-12-31").Territory["isis"]; !ok || a.Km2 != 78000 || a.Date != "2015-12-14" || a.Source != "ihs-2015-12-21-territory" {
		t.Errorf("territory of ISIS on 2015-12-31: %+v", a)
	}
	var events []string
	for _, e := range get("2016-12-11").Events {
		events = append(events, e.ID+" "+e.Kind+" "+e.Place+" "+strings.Join(e.Parties, ","))
	}
	want := []string{
		"isis-captures-palmyra-2016-12-11 capture palmyra isis,ndf,russia,syrian-government",
		"pro-regime-forces-withdraw-palmyra-2016-12-11 withdrawal palmyra syrian-government",
	}
	if diff := cmp.Diff(want, events); diff != "" {
		t.Errorf("events on 2016-12-11 (-want +got):\n%s", diff)
	}
	if o := get("2016-04-07"); o.Events == nil || len(o.Events) != 0 || o.Territory == nil {
		t.Errorf("a day without events: events %v, territory %v; want [] and an object", o.Events, o.Territory)
	}
}

// TestChart checks -chart: an SVG chart of the territory measured, alone or
// with -svg.
func TestChart(t *testing.T) {
	code, out, errOut := runProgram(t, "-chart", "-")
	if code != 0 || errOut != "" {
		t.Fatalf("-chart -: exit %d, stderr %q", code, errOut)
	}
	if !strings.HasPrefix(out, "<?xml") && !strings.HasPrefix(out, "<svg") {
		t.Errorf("-chart - writes no SVG: %.60q", out)
	}
	for _, want := range []string{"90,800", "60,400", "Islamic State"} {
		if !strings.Contains(out, want) {
			t.Errorf("the chart lacks %q", want)
		}
	}
	chart := t.TempDir() + "/territory.svg"
	code, svg, errOut := runProgram(t, "-svg", "-", "-chart", chart)
	if code != 0 || errOut != "" || !strings.Contains(svg, "Palmyra") {
		t.Errorf("-svg - -chart FILE: exit %d, stderr %q", code, errOut)
	}
}
