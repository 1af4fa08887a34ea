package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Progress reports: work that lasts longer than progressDelay shows, on a
// terminal, a line saying what phase it is in, rewritten at each change of
// phase and every progressEvery, and erased at the end. Tests shorten them.
var (
	progressDelay = time.Second
	progressEvery = 250 * time.Millisecond
)

// phase says, on stderr when it is a terminal, that the command's work is
// in a new phase, which status describes: "reading FILE: 3.0 MB of 9.0 MB
// read", "indexing". status is called from other goroutines; nil ends the
// phase and erases its line. phase may be called from any goroutine.
func (inv *invocation) phase(status func() string) {
	if !inv.progress {
		return
	}
	if inv.meter == nil {
		inv.meter = &meter{w: inv.stderr, prefix: "conflict " + inv.cmd.name + ": "}
	}
	inv.meter.set(status)
}

// showProgress reports the work that status describes, as a phase within
// the current one, and returns a func that ends it: the line shows the
// phase it interrupted again, or is erased if there was none.
func (inv *invocation) showProgress(status func() string) (stop func()) {
	if !inv.progress {
		return func() {}
	}
	var outer func() string
	if inv.meter != nil {
		outer = inv.meter.current()
	}
	inv.phase(status)
	return func() { inv.phase(outer) }
}

// stopProgress erases the progress line, if any, before the command says
// more on stderr or ends.
func (inv *invocation) stopProgress() { inv.phase(nil) }

// A meter shows the phase of a command's work on a line of a terminal. It
// is safe for concurrent use.
type meter struct {
	w      io.Writer
	prefix string // "conflict at: "

	mu     sync.Mutex
	start  time.Time     // when the first phase began
	status func() string // the phase's; nil between phases
	width  int           // of the line shown; 0 if none
	ticker *ticker       // nil when no phase is shown
}

// A ticker redraws the progress line until done is closed; then it closes
// stopped.
type ticker struct{ done, stopped chan struct{} }

// current returns the status of the phase shown, or nil.
func (m *meter) current() func() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.status
}

// set starts a phase, or ends the last one when status is nil. Once the
// work has lasted progressDelay, a new phase is shown at once.
func (m *meter) set(status func() string) {
	m.mu.Lock()
	if m.start.IsZero() {
		m.start = time.Now()
	}
	m.status = status
	var old *ticker
	switch {
	case status == nil:
		m.erase()
		old, m.ticker = m.ticker, nil
	case m.ticker == nil:
		m.ticker = &ticker{make(chan struct{}), make(chan struct{})}
		go m.tick(m.ticker)
		fallthrough
	default:
		m.draw()
	}
	m.mu.Unlock()
	if old != nil {
		close(old.done)
		<-old.stopped
	}
}

// tick redraws the line every progressEvery until t is done.
func (m *meter) tick(t *ticker) {
	defer close(t.stopped)
	tt := time.NewTicker(progressEvery)
	defer tt.Stop()
	for {
		select {
		case <-t.done:
			return
		case <-tt.C:
			m.mu.Lock()
			m.draw()
			m.mu.Unlock()
		}
	}
}

// draw shows the phase, once the work has lasted progressDelay. It is
// called with m.mu held.
func (m *meter) draw() {
	since := time.Since(m.start)
	if m.status == nil || since < progressDelay {
		return
	}
	line := fmt.Sprintf("%s%s (%s)", m.prefix, m.status(), since.Round(time.Second))
	fmt.Fprintf(m.w, "\r%-*s", m.width, line)
	m.width = max(m.width, utf8.RuneCountInString(line))
}

// erase erases the line shown, if any. It is called with m.mu held.
func (m *meter) erase() {
	if m.width > 0 {
		fmt.Fprintf(m.w, "\r%s\r", strings.Repeat(" ", m.width))
		m.width = 0
	}
}
