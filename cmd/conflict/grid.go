package main

import (
	"io"
	"strings"
	"unicode/utf8"
)

// A grid is a table of text output with its columns aligned, two spaces
// apart, as the tabwriter of table aligns them, but over the whole table: a
// row's last cell sets no column's width, so a row of fewer cells can hold
// a note that runs on past the columns after it without breaking the
// alignment of the rows around it.
type grid [][]string

// add adds a row of cells.
func (g *grid) add(cells ...string) { *g = append(*g, cells) }

// write writes the rows to w: each cell but a row's last padded to the
// width of its column — the widest of its cells that are not a row's
// last — and two spaces.
func (g grid) write(w io.Writer) error {
	var widths []int
	for _, row := range g {
		for i, cell := range row[:len(row)-1] {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	var b strings.Builder
	for _, row := range g {
		for i, cell := range row[:len(row)-1] {
			b.WriteString(cell)
			b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell)+2))
		}
		b.WriteString(row[len(row)-1])
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
