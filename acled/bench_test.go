package acled_test

import (
	"io"
	"strconv"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/csvtest"
)

// newRows returns a generated file of n rows in ACLED's 2023 layout,
// written as it is read so that the input never sits in memory whole. Its
// events run over about nine years from 2015, 300 a day, among 2,000 actors
// in 30 countries of 20 regions each, at 30,000 places; about one in twenty
// is a territory transfer, and notes have a realistic length. The transfers
// are dated to the day and no place changes hands twice on one day.
func newRows(n int) io.Reader { return csvtest.Generated(header, n, appendRow) }

var base = conflict.Day(2015, time.January, 1).Time()

var kinds = [20][3]string{
	{"Political violence", "Battles", "Armed clash"},
	{"Political violence", "Battles", "Armed clash"},
	{"Political violence", "Battles", "Armed clash"},
	{"Political violence", "Battles", "Armed clash"},
	{"Political violence", "Battles", "Armed clash"},
	{"Political violence", "Battles", "Armed clash"},
	{"Political violence", "Battles", "Armed clash"},
	{"Political violence", "Battles", "Non-state actor overtakes territory"},
	{"Political violence", "Explosions/Remote violence", "Air/drone strike"},
	{"Political violence", "Explosions/Remote violence", "Air/drone strike"},
	{"Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"},
	{"Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED"},
	{"Political violence", "Violence against civilians", "Attack"},
	{"Political violence", "Violence against civilians", "Attack"},
	{"Political violence", "Violence against civilians", "Abduction/forced disappearance"},
	{"Demonstrations", "Protests", "Peaceful protest"},
	{"Demonstrations", "Protests", "Peaceful protest"},
	{"Demonstrations", "Riots", "Mob violence"},
	{"Strategic developments", "Strategic developments", "Arrests"},
	{"Strategic developments", "Strategic developments", "Looting/property destruction"},
}

// appendRow appends row i of the generated file, without fmt so that the
// input costs little next to the reading.
func appendRow(b []byte, i int) []byte {
	h := uint64(i)*0x9e3779b97f4a7c15 + 1
	h ^= h >> 29
	k := kinds[h%20]
	capture := k[2] == "Non-state actor overtakes territory"
	d := i / 300
	place := int(h>>8) % 30000
	if capture {
		place = (i * 7) % 30000 // no two captures of a place on one day
	}
	country, region := place%30, place/30%20
	a := int(h>>24) % 2000
	a2 := (a + 1 + int(h>>36)%1999) % 2000
	timePrec, geoPrec := 1, 1
	if !capture {
		timePrec = []int{1, 1, 1, 1, 1, 1, 1, 2, 2, 3}[h>>48%10]
		geoPrec = []int{1, 1, 1, 1, 1, 1, 2, 2, 2, 3}[h>>52%10]
	}
	num := func(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }
	actor := func(b []byte, x int) []byte {
		switch x % 4 {
		case 0:
			return append(num(append(b, "Military Forces of Country "...), x/4%30), " (2000-)"...)
		case 1:
			return append(num(append(b, "Armed Group "...), x), " (Country)"...)
		case 2:
			return append(num(append(b, "Militia "...), x), " (Country)"...)
		}
		return append(num(append(b, "Civilians (Country "...), x%30), ')')
	}
	inter := func(x int) int { return []int{1, 2, 3, 7}[x%4] }
	date := base.AddDate(0, 0, d)
	lat := float64(place%1700)/10 - 85 + 0.0123
	lon := float64(place%3500)/10 - 175 + 0.0456

	b = append(b, "CTY"...)
	b = num(b, 100000+i)
	b = date.AppendFormat(append(b, ','), "2 January 2006")
	b = num(append(b, ','), date.Year())
	b = num(append(b, ','), timePrec)
	b = append(append(b, ','), k[0]...)
	b = append(append(b, ','), k[1]...)
	b = append(append(b, ','), k[2]...)
	b = actor(append(b, ','), a)
	b = append(b, ',')
	if h>>40%3 == 0 {
		b = append(b, "\"Militia "...)
		b = num(b, a2+7)
		b = append(b, " (Country); Tribal Group "...)
		b = num(b, a%97)
		b = append(b, '"')
	}
	b = num(append(b, ','), inter(a))
	b = actor(append(b, ','), a2)
	b = num(append(b, ",,"...), inter(a2))
	b = num(append(b, ','), inter(a)*10+inter(a2))
	b = append(b, ",,"...)
	b = num(b, 400+country)
	b = append(b, ",Middle East,Country "...)
	b = num(b, country)
	b = num(append(b, ",Region "...), country)
	b = num(append(b, '-'), region)
	b = num(append(b, ",District "...), place/9)
	b = num(append(b, ",Subdistrict "...), place/3)
	b = num(append(b, ",Town "...), place)
	b = strconv.AppendFloat(append(b, ','), lat, 'f', 4, 64)
	b = strconv.AppendFloat(append(b, ','), lon, 'f', 4, 64)
	b = num(append(b, ','), geoPrec)
	b = append(b, ",Local Monitor; International Agency,National-International,\"On "...)
	b = date.AppendFormat(b, "2 January 2006")
	b = append(b, ", fighting was reported near the town; sources say several people were wounded and houses damaged. [size=no report]\","...)
	b = num(b, int(h>>56)%12)
	return append(b, ",,1700000000\n"...)
}

// BenchmarkInput drains the generated file alone: the part of
// BenchmarkRead's time that is not reading.
func BenchmarkInput(b *testing.B) { csvtest.BenchmarkInput(b, 1_000_000, newRows) }

// BenchmarkRead reads a generated file of a million events. It reports what
// csvtest's BenchmarkRead does (rows/s, peak heap and resident set, CPU
// time), and the actors and locations read.
func BenchmarkRead(b *testing.B) {
	importer.BenchmarkRead(b, 1_000_000, newRows, "actors", "locations")
}

// BenchmarkAdd adds what Read made of a million events to an empty
// Conflict and asks one question, which builds the index. rows/s counts
// rows of the file.
func BenchmarkAdd(b *testing.B) {
	importer.BenchmarkAdd(b, 1_000_000, newRows, func(c *conflict.Conflict) {
		c.At(conflict.Year(2016).Time()).Controller("town-1")
	})
}
