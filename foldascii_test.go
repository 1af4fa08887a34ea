package conflict

import (
	"strings"
	"testing"
)

// TestFoldASCII checks the ASCII path of FoldName against the general one.
func TestFoldASCII(t *testing.T) {
	names := []string{"", "isis", "ISIS", "Jabhat al-Nusra", "jabhat_al nusra", "  --a__b  ", "a\tb\nc\vd\fe\rf", "x\x01y\x1fz\x7f", "-", "Ab-", "1st Brigade", "al-Qaryatayn"}
	for c := range 0x80 {
		names = append(names, string(rune(c)), "a"+string(rune(c))+"B", string(rune(c))+"z")
	}
	for _, name := range names {
		got, ok := foldASCII(name)
		if !ok {
			t.Fatalf("foldASCII(%q): not taken", name)
		}
		if want := foldUnicode(name); got != want {
			t.Errorf("foldASCII(%q) = %q, want %q", name, got, want)
		}
	}
	for _, name := range []string{"Ünal", "ḲAZAN", "a\u00a0b", "\u212a", "\xff"} {
		if _, ok := foldASCII(name); ok {
			t.Errorf("foldASCII(%q): taken, for a name not of ASCII", name)
		}
	}
}

func FuzzFoldASCII(f *testing.F) {
	f.Add("Jabhat al-Nusra")
	f.Add(strings.Repeat("A_b ", 10))
	f.Fuzz(func(t *testing.T, name string) {
		got, ok := foldASCII(name)
		if ok && got != foldUnicode(name) {
			t.Errorf("foldASCII(%q) = %q, want %q", name, got, foldUnicode(name))
		}
	})
}
