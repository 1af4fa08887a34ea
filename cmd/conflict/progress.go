package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// Progress reports: work that lasts longer than progressDelay shows, on a
// terminal, a line that is rewritten every progressEvery and erased at the
// end. Tests shorten them.
var (
	progressDelay = time.Second
	progressEvery = 250 * time.Millisecond
)

// showProgress starts reporting the work that status describes, on stderr
// when it is a terminal, and returns a func that stops the reports and
// erases the line. status is called from another goroutine.
func (inv *invocation) showProgress(status func() string) (stop func()) {
	if !inv.progress {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		start := time.Now()
		timer := time.NewTimer(progressDelay)
		defer timer.Stop()
		width := 0
		for {
			select {
			case <-done:
				if width > 0 {
					fmt.Fprintf(inv.stderr, "\r%s\r", strings.Repeat(" ", width))
				}
				return
			case <-timer.C:
				line := fmt.Sprintf("conflict %s: %s (%s)", inv.cmd.name, status(), time.Since(start).Round(time.Second))
				fmt.Fprintf(inv.stderr, "\r%-*s", width, line)
				width = max(width, len(line))
				timer.Reset(progressEvery)
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
	}
}
