package testutil

import (
	"fmt"
	"runtime"
	"testing"
)

// A Recorder is a testing.TB that records how a test helper ended the test,
// for the tests of test helpers. It has the methods Helper, Errorf, Fatal,
// Fatalf, Skip, Failed and Skipped; any other method panics.
type Recorder struct {
	testing.TB // nil

	failed, skipped bool
	msg             string
}

// Helper does nothing.
func (r *Recorder) Helper() {}

// Errorf records a failure.
func (r *Recorder) Errorf(format string, args ...any) {
	r.failed, r.msg = true, fmt.Sprintf(format, args...)
}

// Fatal records a failure and ends the goroutine, as testing's does.
func (r *Recorder) Fatal(args ...any) {
	r.failed, r.msg = true, fmt.Sprint(args...)
	runtime.Goexit()
}

// Fatalf records a failure and ends the goroutine, as testing's does.
func (r *Recorder) Fatalf(format string, args ...any) {
	r.failed, r.msg = true, fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// Skip records a skip and ends the goroutine, as testing's does.
func (r *Recorder) Skip(args ...any) {
	r.skipped, r.msg = true, fmt.Sprint(args...)
	runtime.Goexit()
}

// Failed reports whether Errorf, Fatal or Fatalf was called.
func (r *Recorder) Failed() bool { return r.failed }

// Skipped reports whether Skip was called.
func (r *Recorder) Skipped() bool { return r.skipped }

// Message returns the message of the last failure or skip, or "".
func (r *Recorder) Message() string { return r.msg }

// Record runs f with a Recorder, in a goroutine of its own so that Fatal,
// Fatalf and Skip can end it, and returns the Recorder.
func Record(f func(t testing.TB)) *Recorder {
	r := &Recorder{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r
}
