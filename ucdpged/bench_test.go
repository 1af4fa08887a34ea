package ucdpged_test

import (
	"io"
	"strconv"
	"testing"
	"time"

	"github.com/conflictgraph/conflict"
	"github.com/conflictgraph/conflict/internal/csvtest"
)

// newRows returns a generated file of n rows in GED's layout, written as
// it is read so that the input never sits in memory whole. Its events run
// over about nine years from 1989, 300 a day, among 500 actors (every tenth
// a government) in 50 countries of 20 regions each, at 20,000 places; a
// tenth of the events are one-sided; where_prec and date_prec follow GED's
// mix roughly (most events at a place and on a day). Text columns carry
// text of realistic length.
func newRows(n int) io.Reader { return csvtest.Generated(gedHeader+"\n", n, appendRow) }

var base = conflict.Day(1989, time.January, 1).Time()

// appendRow appends row i of the generated file, without fmt so that the
// input costs little next to the reading.
func appendRow(b []byte, i int) []byte {
	h := uint64(i)*0x9e3779b97f4a7c15 + 1
	h ^= h >> 29
	typ := 1 + int(h%10)%2
	if h%10 == 0 {
		typ = 3
	}
	a := int(h>>8) % 500
	bb := (a + 1 + int(h>>20)%499) % 500
	place := int(h>>32) % 20000
	country := place % 50
	region := place / 50 % 20
	wherePrec := []int{1, 1, 1, 1, 2, 2, 3, 4, 5, 6}[h>>40%10]
	datePrec := []int{1, 1, 1, 1, 1, 1, 2, 3, 4, 5}[h>>44%10]
	start := base.AddDate(0, 0, i/300)
	end := start
	switch datePrec {
	case 2:
		end = start.AddDate(0, 0, 3)
	case 3:
		end = start.AddDate(0, 0, 6)
	case 4:
		start = time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC)
		end = start.AddDate(0, 1, -1)
	case 5:
		start = time.Date(start.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		end = start.AddDate(1, 0, -1)
	}
	num := func(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }
	name := func(b []byte, x int) []byte {
		if x%10 == 0 {
			return num(append(b, "Government of Country "...), x/10%50)
		}
		return num(append(b, "Armed Group "...), x)
	}
	sideB := func(b []byte) []byte {
		if typ == 3 {
			return append(b, "Civilians"...)
		}
		return name(b, bb)
	}
	bID := bb
	if typ == 3 {
		bID = 1
	}
	coord := func(b []byte, tenths int) []byte {
		return strconv.AppendFloat(b, float64(tenths)/10+0.0123, 'f', 4, 64)
	}
	lat, lon := place%1800-900, place%3600-1800
	deaths := int(h>>50) % 30

	b = num(b, 1_000_000+i)
	b = num(append(b, ",C-"...), i)
	b = num(append(b, ','), start.Year())
	b = num(append(b, ",1,Clear,"...), typ)
	b = num(append(b, ','), a*7)
	b = num(append(b, ','), a*7)
	b = name(append(b, ",\""...), a)
	b = sideB(append(b, " - "...))
	b = num(append(b, "\","...), a*13)
	b = num(append(b, ','), a*13)
	b = name(append(b, ",\""...), a)
	b = sideB(append(b, " - "...))
	b = num(append(b, "\","...), a)
	b = num(append(b, ','), a)
	b = name(append(b, ','), a)
	b = num(append(b, ','), bID)
	b = num(append(b, ','), bID)
	b = sideB(append(b, ','))
	b = append(b, ",2,\"Agence France Presse,"...)
	b = start.AppendFormat(b, time.DateOnly)
	b = append(b, ",Fighting reported near the town as forces clash with armed groups\",,,,,"...)
	b = num(b, wherePrec)
	b = num(append(b, ",Place "...), place)
	b = num(append(b, " town,,Region "...), country)
	b = num(append(b, '-'), region)
	b = num(append(b, ",District "...), place/7)
	b = coord(append(b, ','), lat)
	b = coord(append(b, ','), lon)
	b = coord(append(b, ",POINT ("...), lon)
	b = coord(append(b, ' '), lat)
	b = num(append(b, "),"...), 100000+place)
	b = num(append(b, ",Country "...), country)
	b = num(append(b, ','), 600+country)
	b = num(append(b, ",Middle East,1,"...), datePrec)
	b = start.AppendFormat(append(b, ','), "2006-01-02 00:00:00.000")
	b = end.AppendFormat(append(b, ','), "2006-01-02 00:00:00.000")
	b = num(append(b, ','), deaths/2)
	b = num(append(b, ','), deaths-deaths/2)
	b = num(append(b, ",0,0,"...), deaths)
	b = num(append(b, ','), deaths+deaths/2)
	b = num(append(b, ','), deaths/2)
	b = num(append(b, ','), 600+country)
	return append(b, ",\n"...)
}

// BenchmarkInput drains the generated file alone: the part of
// BenchmarkRead's time that is not reading.
func BenchmarkInput(b *testing.B) { csvtest.BenchmarkInput(b, 1_000_000, newRows) }

// BenchmarkRead reads a generated file of a million events. It reports what
// csvtest's BenchmarkRead does (rows/s, peak heap and resident set, CPU
// time), and the relations and locations read.
func BenchmarkRead(b *testing.B) {
	importer.BenchmarkRead(b, 1_000_000, newRows, "relations", "locations")
}

// BenchmarkAdd adds what Read made of a million events to an empty
// Conflict and asks one question, which builds the index. rows/s counts
// rows of the file.
func BenchmarkAdd(b *testing.B) {
	importer.BenchmarkAdd(b, 1_000_000, newRows, func(c *conflict.Conflict) {
		c.At(conflict.Year(1990).Time()).Enemies("armed-group-1")
	})
}
