package lint

import (
	"reflect"
	"testing"
)

func TestSuppressions(t *testing.T) {
	src := `XX one YY.

<!-- citelint-disable-next-line xx -- checked by the desk -->

XX two YY.
XX three <!-- citelint-disable-line -->
<!-- citelint-disable yy -->
XX four YY.
<!-- citelint-enable yy -->
XX five YY.
<!-- citelint-disable -->
XX six YY.
<!-- citelint-enable xx -->
XX seven YY.
<!-- citelint-enable -->
XX eight YY. <!-- citelint-disable-line nope, xx -->
<!-- citelint-frobnicate -->
`
	r := testRunner(wordRule("xx", "XX"), wordRule("yy", "YY"))
	r.Known = func(id string) bool { return id == "xx" || id == "yy" }
	// The problems are reported by a rule in package rules; here, read them.
	doc := mustParse(t, src)
	diags, err := r.Check(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"test.md:1:1-1:3 xx", "test.md:1:8-1:10 yy",
		"test.md:5:8-5:10 yy",
		"test.md:8:1-8:3 xx",
		"test.md:10:1-10:3 xx", "test.md:10:9-10:11 yy",
		"test.md:14:1-14:3 xx",
		"test.md:16:10-16:12 yy",
	}
	if got := brief(diags); !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics:\n got %q\nwant %q", got, want)
	}
	sup := ParseSuppressions(doc, r.Known)
	var problems []string
	for _, p := range sup.Problems {
		problems = append(problems, src[p.Start:p.End]+" => "+p.Message)
	}
	wantProblems := []string{
		`<!-- citelint-disable-line nope, xx --> => unknown rule "nope" in suppression comment: run "citelint rules" for the list`,
		`<!-- citelint-frobnicate --> => unknown directive "citelint-frobnicate": use citelint-disable, citelint-enable, citelint-disable-line, citelint-disable-next-line or citelint-disable-file`,
	}
	if !reflect.DeepEqual(problems, wantProblems) {
		t.Errorf("problems:\n got %q\nwant %q", problems, wantProblems)
	}
}

func TestSuppressFile(t *testing.T) {
	src := "XX YY\n\n<!-- citelint-disable-file yy -->\n"
	r := testRunner(wordRule("xx", "XX"), wordRule("yy", "YY"))
	diags, err := r.Check(mustParse(t, src))
	if err != nil {
		t.Fatal(err)
	}
	if got := brief(diags); !reflect.DeepEqual(got, []string{"test.md:1:1-1:3 xx"}) {
		t.Errorf("got %q", got)
	}
	diags, err = r.Check(mustParse(t, "<!-- citelint-disable-file -->\nXX YY\n"))
	if err != nil || len(diags) != 0 {
		t.Errorf("disable-file with no list: %q %v", brief(diags), err)
	}
}
