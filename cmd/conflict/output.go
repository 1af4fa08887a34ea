package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// emit writes the command's output: to the file -o names, or to stdout.
// Writing to a file, or to a pipe, is the work's last phase.
func (inv *invocation) emit(stdout io.Writer) error {
	if inv.output.s == "" || inv.output.s == "-" {
		if isTerminal(stdout) {
			inv.stopProgress() // the output goes where the progress line is
		} else {
			inv.phase(status("writing to standard output"))
		}
		_, err := stdout.Write(inv.out.Bytes())
		return err
	}
	inv.phase(status("writing " + inv.output.s))
	return replaceFile(inv.output.s, inv.out.Bytes())
}

// replaceFile writes data to the file called name, replacing it whole or
// creating it, or leaves it as it was: it writes a temporary file in the same
// directory and renames it to name. A file it replaces keeps its
// permissions; one it creates gets 0644 (rw-r--r--).
func replaceFile(name string, data []byte) (err error) {
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(name); err == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("-o %s: not a regular file", name)
		}
		mode = fi.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return fmt.Errorf("-o %s: %w", name, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
			err = fmt.Errorf("-o %s: %w", name, err)
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Chmod(mode); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}
