package lint

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
)

// Inspect sees each document once, with the findings Check returns; a
// pass made for it reads the runner's values and reports nowhere; a panic
// in it is that file's error, and the other files are still checked.
func TestRunnerInspect(t *testing.T) {
	type key struct{}
	r := testRunner(wordRule("word", "TK"))
	r.Values = map[any]any{key{}: "value"}
	var mu sync.Mutex
	var seen []string
	r.Inspect = func(doc *Document, diags []Diagnostic) {
		if doc.Path == "bad.md" {
			panic("inspect failed")
		}
		p := r.Pass(doc, r.Rules[0])
		p.Reportf(0, 1, "dropped")
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, doc.Path+" "+strings.Join(brief(diags), ",")+" "+p.Value(key{}).(string))
	}
	res := r.Run(context.Background(), []Input{input("a.md", "TK and TK\n"), input("bad.md", "TK\n"), input("b.md", "none\n")})
	slices.Sort(seen)
	want := []string{"a.md a.md:1:1-1:3 word,a.md:1:8-1:10 word value", "b.md  value"}
	if strings.Join(seen, "\n") != strings.Join(want, "\n") {
		t.Errorf("Inspect saw:\n%s\nwant\n%s", strings.Join(seen, "\n"), strings.Join(want, "\n"))
	}
	var ie *InternalError
	if len(res.Errors) != 1 || res.Errors[0].Path != "bad.md" || !errors.As(res.Errors[0].Err, &ie) || ie.Value != "inspect failed" {
		t.Errorf("errors = %v, want bad.md's internal error", res.Errors)
	}
	if got := strings.Join(brief(res.Diagnostics), ","); got != "a.md:1:1-1:3 word,a.md:1:8-1:10 word" {
		t.Errorf("diagnostics = %s", got)
	}
}

func TestExcerpt(t *testing.T) {
	doc, err := Parse("a.md", []byte("# Title\n\nFirst sentence. Sales rose 40% last year. Third.\n"), Markdown)
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(doc.Source), "40%")
	if got := Excerpt(doc, start, start+3); got != "Sales rose 40% last year." {
		t.Errorf("Excerpt = %q", got)
	}
	if got := Excerpt(doc, -5, 1<<20); got != "Title" {
		t.Errorf("Excerpt out of range = %q", got)
	}
}
