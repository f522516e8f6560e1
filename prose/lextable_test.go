package prose

import (
	"fmt"
	"strings"
	"testing"
)

// TestLexTableFindsEveryWord fills a table with many words, so that slots
// share chains and hash bits, and asks for each in three spellings and
// for words it does not hold.
func TestLexTableFindsEveryWord(t *testing.T) {
	m := map[string]Entry{}
	for i := range 5000 {
		m[fmt.Sprintf("w%dx", i)] = Entry{Class: Class(i + 1)}
	}
	m["don't"] = Entry{Class: 1 << 40}
	tb := newLexTable(m)
	for w, e := range m {
		for _, v := range []string{w, strings.ToUpper(w), strings.ReplaceAll(w, "'", "’")} {
			if got := tb.lookup(v); got != e {
				t.Fatalf("lookup(%q) = %v, want %v", v, got, e)
			}
		}
	}
	for i := range 5000 {
		for _, v := range []string{fmt.Sprintf("w%dy", i), fmt.Sprintf("w%dxx", i), fmt.Sprintf("w%d’", i)} {
			if got := tb.lookup(v); got != (Entry{}) {
				t.Fatalf("lookup(%q) = %v, want none", v, got)
			}
		}
	}
}

// TestLexTableShapesKeepEverySpelling checks the shape filter in front of
// the hash: a member is found in every mix of straight and curly
// apostrophes, wherever they stand, and words of another length or with
// other end letters are not.
func TestLexTableShapesKeepEverySpelling(t *testing.T) {
	m := map[string]Entry{"'tis": {Class: 1}, "o'": {Class: 2}, "rock'n'roll": {Class: 4}, "a": {Class: 8}}
	tb := newLexTable(m)
	spellings := map[string]string{
		"'tis": "'tis", "’tis": "'tis", "’TIS": "'tis",
		"o'": "o'", "O’": "o'",
		"rock'n'roll": "rock'n'roll", "rock’n'roll": "rock'n'roll", "rock'n’roll": "rock'n'roll", "ROCK’N’ROLL": "rock'n'roll",
		"a": "a", "A": "a",
	}
	for v, w := range spellings {
		if got := tb.lookup(v); got != m[w] {
			t.Errorf("lookup(%q) = %v, want %v", v, got, m[w])
		}
	}
	for _, v := range []string{"tis", "’ti", "o", "rock’n’rol", "b", "aa", ""} {
		if got := tb.lookup(v); got != (Entry{}) {
			t.Errorf("lookup(%q) = %v, want none", v, got)
		}
	}
}
