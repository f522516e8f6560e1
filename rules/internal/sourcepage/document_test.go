package sourcepage

import (
	"reflect"
	"testing"

	"github.com/citelint/citelint/lint"
)

// A document's findings read back exactly as they were kept, whatever
// their strings hold, and a record that is not whole reads as a miss.
func TestFindingsRecord(t *testing.T) {
	for _, fs := range [][]finding{
		nil,
		{{Start: 3, End: 7, Severity: lint.Warning, Message: `"45%" is not in the cited page (it has 54% and 44.8%)`, Suggestion: "correct the figure"}},
		{
			{Start: 0, End: 1, Message: "line\nbreak, \"quotes\", a tab\t, \\ and bad \xff\xfe bytes", Evidence: &lint.Evidence{URL: "https://example.gov/a b", Text: "It has 54%.", Link: "https://example.gov/a#:~:text=It%20has"}},
			{Start: 10, End: 12, Severity: lint.Info, Message: "ünïcödé \u2028 -", Suggestion: " - ", Evidence: &lint.Evidence{URL: "https://example.gov/b"}},
		},
	} {
		rec := string(appendFindings(nil, fs))
		got, ok := parseFindings(rec)
		if !ok || len(got) != len(fs) || (len(fs) > 0 && !reflect.DeepEqual(got, fs)) {
			t.Errorf("%q read back as %#v, %v; want %#v", rec, got, ok, fs)
		}
		for _, c := range rec {
			if c == '\n' {
				t.Errorf("%q: a record must be one line", rec)
			}
		}
		for cut := range len(rec) {
			if got, ok := parseFindings(rec[:cut]); ok {
				t.Errorf("%q, cut at %d, read back as %#v", rec, cut, got)
			}
		}
	}
	for _, bad := range []string{"", `[{"s":1}]`, "f2 x", "f2 2 1 2 3 1:a 1:b -", "f2 1 1 2 3 1:a 1:b - trailing", "f2 99999999999 ",
		"f2 1 1 2 3 2:a 1:b -", "f2 1 1 2 3 1:ab 1:b -", "f2 1 1 2 3 -1:a 1:b -", "f2 1 1 2 3 1:a\"b\" -",
		"f1 1 1 2 3 \"a\" \"b\" -", // the last version's record is a miss
	} {
		if got, ok := parseFindings(bad); ok {
			t.Errorf("%q read back as %#v", bad, got)
		}
	}
}

// A document's record reads back section by section, whatever the
// sections hold, and a record that is not whole reads as a miss.
func TestSectionsRecord(t *testing.T) {
	for _, sections := range [][]section{
		{},
		{{"misquoted/4", "f2 0"}},
		{{"", " "}, {"misquoted/4", "f2 0"}, {"unsupported-figure/5", string(appendFindings(nil, []finding{{Start: 1, End: 2, Message: "a\nb 3:x"}}))}},
	} {
		rec := string(appendSections(nil, sections))
		got, ok := parseSections(rec)
		if !ok || len(got) != len(sections) || len(got) > 0 && !reflect.DeepEqual(got, sections) {
			t.Errorf("%q read back as %q, %v; want %q", rec, got, ok, sections)
		}
		for cut := range len(rec) {
			if got, ok := parseSections(rec[:cut]); ok {
				t.Errorf("%q, cut at %d, read back as %q", rec, cut, got)
			}
		}
	}
	for _, bad := range []string{"", "d1", "d1x 0", "d2 1 1:a 1:b", "f2 0", "d1 1 1:a", "d1 1 1:a 2:b", "d1 1 1:a 1:b extra", "d1 2 1:a 1:b", "d1 2 1:a 1:b 1:a 1:c", "d1 2 1:b 1:x 1:a 1:y", "d1 -1", "d1 x"} {
		if got, ok := parseSections(bad); ok {
			t.Errorf("%q read back as %q", bad, got)
		}
	}
}

// A document key's fields are each written with their length first, as
// 8 bytes big-endian, whether written whole (appendField) or in parts
// (openField, closeField), so that no two lists of fields make the same
// bytes.
func TestKeyFields(t *testing.T) {
	b := appendField(nil, "ab")
	b, at := openField(b)
	b = closeField(append(append(b, "c "...), "de"...), at)
	b = appendField(b, "")
	want := "\x00\x00\x00\x00\x00\x00\x00\x02ab" + "\x00\x00\x00\x00\x00\x00\x00\x04c de" + "\x00\x00\x00\x00\x00\x00\x00\x00"
	if string(b) != want {
		t.Errorf("fields written as %q, want %q", b, want)
	}
	if a, c := appendField(appendField(nil, "a"), "bc"), appendField(appendField(nil, "ab"), "c"); string(a) == string(c) {
		t.Errorf("fields a, bc and ab, c both written as %q", a)
	}
}
