package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// width is the widest line the report writes, in characters.
const width = 80

// printf writes to the report's output, as fmt.Fprintf does.
func (r *report) printf(format string, args ...any) { fmt.Fprintf(r.w, format, args...) }

// title writes s underlined with "=", as far as the report's width.
func (r *report) title(s string) {
	r.printf("%s\n%s\n", s, strings.Repeat("=", min(utf8.RuneCountInString(s), width)))
}

// heading writes the heading of a section, underlined with "-".
func (r *report) heading(s string) {
	r.printf("%s\n%s\n", s, strings.Repeat("-", utf8.RuneCountInString(s)))
}

// wrap writes text wrapped to the report's width: the first line starts with
// lead, the others are indented to its width.
func (r *report) wrap(lead, text string) {
	indent := strings.Repeat(" ", utf8.RuneCountInString(lead))
	line, n := lead, utf8.RuneCountInString(lead)
	empty := true
	for _, word := range strings.Fields(text) {
		wn := utf8.RuneCountInString(word)
		if !empty && n+1+wn > width {
			r.printf("%s\n", strings.TrimRight(line, " "))
			line, n, empty = indent, len(indent), true
		}
		if !empty {
			line += " "
			n++
		}
		line += word
		n += wn
		empty = false
	}
	r.printf("%s\n", strings.TrimRight(line, " "))
}

// table writes rows as aligned columns, two spaces apart.
func (r *report) table(rows [][]string) {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, cell := range row {
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell)+2))
			}
		}
		r.printf("%s\n", strings.TrimRight(b.String(), " "))
	}
}
