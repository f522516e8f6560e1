package ruledoc

import (
	"strings"
	"testing"

	"github.com/citelint/citelint/prose"
)

// testClasses stand in for the lexicon, so the expected text does not
// change when a word is added to the real one.
var testClasses = []prose.ClassDoc{
	{Name: "vague-thing", Doc: `Sources that name nobody: "studies show", "experts say".`,
		Members: []string{"studies", "research", "experts", "people familiar with the matter"}},
	{Name: "long", Doc: "Many members, wrapped.",
		Members: strings.Fields("alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa quebec")},
	{Name: "bare", Members: []string{"one"}},
}

func TestExpand(t *testing.T) {
	doc := "# a title\n\nThe words:\n\n{{lexicon vague-thing}}\n\nAnd more:\n\n  {{lexicon  long }}\n\n{{lexicon bare}}\n"
	want := "# a title\n\nThe words:\n\n" +
		"**vague-thing**: sources that name nobody: `studies show`, `experts say`.\n" +
		"\n" +
		"    studies, research, experts, people familiar with the matter\n" +
		"\nAnd more:\n\n" +
		"**long**: many members, wrapped.\n" +
		"\n" +
		"    alpha, bravo, charlie, delta, echo, foxtrot, golf, hotel, india,\n" +
		"    juliett, kilo, lima, mike, november, oscar, papa, quebec\n" +
		"\n" +
		"**bare**\n" +
		"\n" +
		"    one\n"
	if got := expand(doc, testClasses); got != want {
		t.Errorf("expand:\n%s\nwant:\n%s", got, want)
	}
	if err := check(doc, testClasses); err != nil {
		t.Errorf("check: %v", err)
	}
}

// TestExpandLeavesWhatItCannotFill: an unknown class or a placeholder
// inside a line stays as written, and Check names each with its line.
func TestExpandLeavesWhatItCannotFill(t *testing.T) {
	doc := "# t\n\n{{lexicon vague-thingy}}\n\nSee {{lexicon bare}} here.\n{{lexicon Bare}}\n"
	if got := expand(doc, testClasses); got != doc {
		t.Errorf("expand changed what it cannot fill:\n%s", got)
	}
	err := check(doc, testClasses)
	want := `line 3: no lexicon class "vague-thingy": the classes are the [sections] of prose/lexicon.txt
line 5: "See {{lexicon bare}} here.": a placeholder is a line of its own, {{lexicon CLASS}}
line 6: "{{lexicon Bare}}": a placeholder is a line of its own, {{lexicon CLASS}}`
	if err == nil || err.Error() != want {
		t.Errorf("check: %v\nwant:\n%s", err, want)
	}
}

// TestEveryLexiconClassExpands renders each class of the real lexicon:
// every one can be named in a doc, and its lines keep to the width the
// docs are wrapped at unless one member alone is longer.
func TestEveryLexiconClassExpands(t *testing.T) {
	classes := prose.Classes()
	if len(classes) == 0 {
		t.Fatal("the lexicon has no classes")
	}
	for _, c := range classes {
		doc := "{{lexicon " + c.Name + "}}"
		if err := Check(doc); err != nil {
			t.Errorf("%s: %v", c.Name, err)
		}
		got := Expand(doc)
		if strings.Contains(got, placeholderMark) {
			t.Errorf("%s: not expanded: %s", c.Name, got)
		}
		for _, m := range c.Members {
			if !strings.Contains(got, m) {
				t.Errorf("%s: member %q missing from\n%s", c.Name, m, got)
			}
		}
		for _, line := range strings.Split(got, "\n") {
			if n := len([]rune(line)); n > width && len(units(strings.TrimSpace(line))) > 1 {
				t.Errorf("%s: line of %d columns: %q", c.Name, n, line)
			}
		}
	}
}

func TestSummary(t *testing.T) {
	if got := Summary("# links a reader cannot open\n\nReports…"); got != "links a reader cannot open" {
		t.Errorf("Summary = %q", got)
	}
}
