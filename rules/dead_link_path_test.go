package rules

import (
	"testing"

	"github.com/citelint/citelint/lint"
)

// A relative link whose percent-decoded path is not UTF-8 is named with
// escapes: every output format carries the message. Found by FuzzCheck.
func TestMissingFileMessageIsUTF8(t *testing.T) {
	src := []byte("[a](%80x.md) and [b](caf%C3%A9.md)\n")
	doc, err := lint.Parse("draft.md", src, lint.Markdown)
	if err != nil {
		t.Fatal(err)
	}
	diags, err := offlineRunner(t).Check(doc)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags {
		if d.Rule == "dead-link" {
			got = append(got, d.Message)
		}
	}
	want := []string{`dead link: "\x80x.md" does not exist`, "dead link: café.md does not exist"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %q, want %q", got, want)
	}
}
