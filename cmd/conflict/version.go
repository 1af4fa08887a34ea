package main

import (
	"runtime/debug"
	"strings"
)

// versionText is what conflict -version prints, from the build information
// of the binary (nil if it has none): the module's version — "(devel)" for
// a build in a checkout, which Go 1.24 on stamps as a pseudo-version — and
// the version control settings the build recorded, as "vcs.revision=…",
// one a line.
func versionText(bi *debug.BuildInfo) string {
	var b strings.Builder
	b.WriteString("conflict ")
	switch {
	case bi == nil:
		b.WriteString("(unknown: built without module information)\n")
		return b.String()
	case bi.Main.Version == "":
		b.WriteString("(devel)")
	default:
		b.WriteString(bi.Main.Version)
	}
	if bi.GoVersion != "" {
		b.WriteString(" " + bi.GoVersion)
	}
	b.WriteByte('\n')
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision", "vcs.time", "vcs.modified":
			b.WriteString(s.Key + "=" + s.Value + "\n")
		}
	}
	return b.String()
}

// buildInfo returns the binary's build information, or nil.
func buildInfo() *debug.BuildInfo {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return nil
	}
	return bi
}
