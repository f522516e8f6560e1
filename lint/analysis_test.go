package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

// wordCount is a shared analysis for the tests: how often it ran.
func wordCount(runs *int) *Analysis[int] {
	return &Analysis[int]{Name: "word count", Run: func(d *Document) int {
		*runs++
		return len(strings.Fields(string(d.Source)))
	}}
}

// An analysis runs once per document however many rules read it, and a
// rule reading one it did not require is an internal error naming it.
func TestAnalysisIsSharedAndDeclared(t *testing.T) {
	runs := 0
	words := wordCount(&runs)
	var got []int
	reader := func(id string, requires ...Requirement) *Rule {
		return &Rule{ID: id, Severity: Warning, Requires: requires, Run: func(p *Pass) { got = append(got, ResultOf(p, words)) }}
	}
	doc, err := Parse("a.md", []byte("one two three\n"), Markdown)
	if err != nil {
		t.Fatal(err)
	}
	r := &Runner{Rules: []ActiveRule{{Rule: reader("a", words), Severity: Warning}, {Rule: reader("b", words), Severity: Warning}}}
	if _, err := r.Check(doc); err != nil {
		t.Fatal(err)
	}
	if runs != 1 || len(got) != 2 || got[0] != 3 || got[1] != 3 {
		t.Errorf("analysis ran %d times, rules read %v; want once, [3 3]", runs, got)
	}
	r = &Runner{Rules: []ActiveRule{{Rule: reader("undeclared"), Severity: Warning}}}
	_, err = r.Check(doc)
	var ie *InternalError
	if !errors.As(err, &ie) || ie.Stage != "rule undeclared" || !strings.Contains(err.Error(), "reads the word count analysis without listing it in Requires") {
		t.Errorf("undeclared analysis: %v", err)
	}
}

// fakeFiles serves one file from memory.
type fakeFiles map[string]string

func (f fakeFiles) Stat(name string) (fs.FileInfo, error) {
	if _, ok := f[name]; ok {
		return nil, nil
	}
	return nil, fs.ErrNotExist
}

func (f fakeFiles) ReadFile(name string, maxBytes int64) ([]byte, error) {
	s, ok := f[name]
	if !ok || int64(len(s)) > maxBytes {
		return nil, fs.ErrNotExist
	}
	return []byte(s), nil
}

// Rules read other files through the driver's Files, bounds included.
func TestPassReadsThroughFiles(t *testing.T) {
	var got []string
	rule := &Rule{ID: "reader", Severity: Warning, Run: func(p *Pass) {
		for _, limit := range []int64{100, 3} {
			b, err := p.ReadFile("notes/b.md", limit)
			got = append(got, string(b)+"|"+errString(err))
		}
		_, err := p.Stat("missing.md")
		got = append(got, errString(err))
	}}
	doc, err := Parse("a.md", []byte("text\n"), Markdown)
	if err != nil {
		t.Fatal(err)
	}
	r := &Runner{Rules: []ActiveRule{{Rule: rule, Severity: Warning}}, Files: fakeFiles{"notes/b.md": "# Title\n"}}
	if _, err := r.Check(doc); err != nil {
		t.Fatal(err)
	}
	want := "# Title\n|;|file does not exist;file does not exist"
	if strings.Join(got, ";") != want {
		t.Errorf("got %q, want %q", strings.Join(got, ";"), want)
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// memoTestKey keys the tests' Memo values.
type memoTestKey struct{ name string }

// A Memo value is computed once per document for every rule that asks
// with the same key, may read the run's values and ask for another key,
// and a computation that panics fails every rule that asks.
func TestMemo(t *testing.T) {
	runs := 0
	var got []string
	asker := func(id string) *Rule {
		return &Rule{ID: id, Severity: Warning, Run: func(p *Pass) {
			got = append(got, Memo(p, memoTestKey{"outer"}, func() string {
				runs++
				inner := Memo(p, memoTestKey{"inner"}, func() int { return len(p.Doc.Source) })
				return p.Value("greeting").(string) + " " + strings.Repeat("x", inner)
			}))
		}}
	}
	doc, err := Parse("a.md", []byte("abc\n"), Markdown)
	if err != nil {
		t.Fatal(err)
	}
	r := &Runner{Rules: []ActiveRule{{Rule: asker("a"), Severity: Warning}, {Rule: asker("b"), Severity: Warning}}, Values: map[any]any{"greeting": "hi"}}
	if _, err := r.Check(doc); err != nil {
		t.Fatal(err)
	}
	if runs != 1 || strings.Join(got, "|") != "hi xxxx|hi xxxx" {
		t.Errorf("computed %d times, rules read %q; want once, \"hi xxxx|hi xxxx\"", runs, got)
	}
	failing := func(id string) *Rule {
		return &Rule{ID: id, Severity: Warning, Run: func(p *Pass) {
			Memo(p, memoTestKey{"failing"}, func() int { panic("broken") })
		}}
	}
	for _, id := range []string{"first", "second"} {
		r := &Runner{Rules: []ActiveRule{{Rule: failing(id), Severity: Warning}}}
		_, err := r.Check(doc)
		var ie *InternalError
		if !errors.As(err, &ie) || ie.Stage != "rule "+id || !strings.Contains(err.Error(), "broken") {
			t.Errorf("%s: %v; want the rule's internal error saying \"broken\"", id, err)
		}
	}
}

// A document keeps its memo values apart however many keys its rules ask
// for, past the entries the Document holds inside itself: each key's value
// is computed once, and every later ask returns it.
func TestMemoManyKeys(t *testing.T) {
	doc, err := Parse("a.md", []byte("abc\n"), Markdown)
	if err != nil {
		t.Fatal(err)
	}
	const keys = 3*len(doc.memoBuf) + 1
	runs := make([]int, keys)
	r := &Runner{Rules: []ActiveRule{{Rule: &Rule{ID: "many", Severity: Warning, Run: func(p *Pass) {
		for round := range 2 {
			for k := range keys {
				got := Memo(p, memoTestKey{fmt.Sprint(k)}, func() int { runs[k]++; return k * 10 })
				if got != k*10 {
					t.Errorf("round %d: key %d gave %d, want %d", round, k, got, k*10)
				}
			}
		}
	}}, Severity: Warning}}}
	if _, err := r.Check(doc); err != nil {
		t.Fatal(err)
	}
	for k, n := range runs {
		if n != 1 {
			t.Errorf("key %d computed %d times, want once", k, n)
		}
	}
	if doc.memoN != len(doc.memoBuf) || len(doc.memoMore) != keys-len(doc.memoBuf) {
		t.Errorf("%d entries inside, %d outside; want %d and %d", doc.memoN, len(doc.memoMore), len(doc.memoBuf), keys-len(doc.memoBuf))
	}
}
