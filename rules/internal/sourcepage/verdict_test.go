package sourcepage_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/linkrule"
	misquoted "github.com/citelint/citelint/rules/misquoted"
	unsupportedfigure "github.com/citelint/citelint/rules/unsupported-figure"
)

// verdictRun is one citelint-like run of the source checks over a draft:
// online (the links fetched) or offline (answered by the cache alone).
type verdictRun struct {
	t       *testing.T
	dir     string
	draft   string
	offline bool
	refresh bool
	// only, when set, names the one source rule the run runs.
	only string
}

// run returns the findings, one line each, and how many verdicts came
// from the cache.
func (r verdictRun) run() ([]string, int) {
	t := r.t
	t.Helper()
	doc, err := lint.Parse("draft.md", []byte(r.draft), lint.Markdown)
	if err != nil {
		t.Fatal(err)
	}
	c, err := linkcheck.New(linkcheck.Config{CacheDir: r.dir, KeepText: true, AllowPrivate: true, Offline: r.offline, Refresh: r.refresh, MinInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	var values map[any]any
	if r.offline {
		lookup, warning := c.CachedLookup()
		if warning != "" {
			t.Fatal(warning)
		}
		values = linkrule.CachedValues(lookup, linkrule.Options{})
	} else {
		results, _ := c.Check(context.Background(), linkrule.Targets(doc))
		values = linkrule.Values(results, linkrule.Options{})
	}
	rules := []lint.ActiveRule{{Rule: unsupportedfigure.Rule, Severity: lint.Warning}, {Rule: misquoted.Rule, Severity: lint.Warning}}
	if r.only != "" {
		rules = slices.DeleteFunc(rules, func(a lint.ActiveRule) bool { return a.Rule.ID != r.only })
	}
	runner := &lint.Runner{Rules: rules, Values: values}
	diags, err := runner.Check(doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.SaveVerdicts(); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range diags {
		line := fmt.Sprintf("%d-%d %s %s: %s", d.Start, d.End, d.Rule, d.Severity, d.Message)
		if e := d.Evidence; e != nil {
			line += " | " + e.URL + " | " + e.Text + " | " + e.Link
		}
		out = append(out, line)
	}
	return out, c.Verdicts().Hits()
}

func sameLines(t *testing.T, name string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got %q\nwant %q", name, got, want)
	}
}

// TestVerdictCache checks that a second run over an unchanged draft and
// an unchanged cached page replays each rule's findings from the verdict
// cache, and one over an edited draft serves each claim's verdict, both
// without reading the page's text (the text files are deleted, and the
// findings are the same); that a page whose text changed misses; and
// that a corrupt verdict file is a miss, not an error.
func TestVerdictCache(t *testing.T) {
	var body atomic.Value
	body.Store(`<!doctype html><html><head><title>Renters survey</title></head><body><main>
<p>Of the renters who answered, 54% had moved at least once in five years.</p>
<p>“We cannot accept rents rising faster than wages,” the mayor said.</p></main></body></html>`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body.Load().(string))
	}))
	defer srv.Close()
	u := srv.URL + "/survey"
	draft := strings.ReplaceAll(`A [survey](U) found that 45% of renters moved.

The [survey](U) says 54% of renters moved.

"We will not accept rents rising faster than wages," the mayor said, [according to the survey](U).
`, "U", u)
	dir := t.TempDir()
	r := verdictRun{t: t, dir: dir, draft: draft}
	want := []string{
		`53-56 unsupported-figure warning: "45%" is not in the cited page (it has 54%) | ` + u + ` | Of the renters who answered, 54% had moved at least once in five years. | ` + u + `#:~:text=Of%20the%20renters%20who,once%20in%20five%20years.`,
		`148-200 misquoted warning: the quotation “We will not accept rents rising faster than wages” is not in the cited page; the nearest passage differs: "will not" — the source says "cannot" | ` + u + ` | “We cannot accept rents rising faster than wages,” the mayor said. | ` + u + `#:~:text=%E2%80%9CWe%20cannot%20accept%20rents,wages%2C%E2%80%9D%20the%20mayor%20said.`,
	}
	got, hits := r.run()
	sameLines(t, "online run", got, want)
	if hits != 0 {
		t.Errorf("online run: %d verdicts from an empty cache", hits)
	}

	// The second run, offline, reads verdicts only: with the page texts
	// gone, reading one would make the findings "cannot check".
	if err := os.RemoveAll(filepath.Join(dir, "links-text")); err != nil {
		t.Fatal(err)
	}
	r.offline = true
	got, hits = r.run()
	sameLines(t, "offline run without page texts", got, want)
	if hits != 1 {
		t.Errorf("offline run: %d verdicts from the cache, want 1 (the draft's findings, both rules')", hits)
	}
	edited := r
	edited.draft += "\nA paragraph added at the end.\n"
	got, hits = edited.run()
	sameLines(t, "offline run over the edited draft without page texts", got, want)
	if hits != 3 {
		t.Errorf("offline run over the edited draft: %d verdicts from the cache, want 3 (two figures, one quotation)", hits)
	}

	// A claim judged for the first time while the texts are gone cannot
	// be checked; once the texts are back, it is, though nothing else
	// changed: the findings of a run that missed a text are not kept.
	added := r
	added.draft += "\nThe [survey](" + u + ") counts 31% of renters.\n"
	wantAdded := append(slices.Clone(want), `327-330 unsupported-figure info: cannot check "31%" against the cited page: the page's text is missing from the link cache; check the links again with: citelint links --refresh | `+u+` |  | `)
	got, _ = added.run()
	sameLines(t, "offline run over a new claim without page texts", got, wantAdded)
	r.offline, r.refresh = false, true
	r.run()
	r.offline, r.refresh = true, false
	wantAdded[len(wantAdded)-1] = `327-330 unsupported-figure warning: "31%" is not in the cited page (it has 54%) | ` + u + ` | Of the renters who answered, 54% had moved at least once in five years. | ` + u + `#:~:text=Of%20the%20renters%20who,once%20in%20five%20years.`
	got, _ = added.run()
	sameLines(t, "offline run over the new claim with the texts back", got, wantAdded)

	// A verdict file gone bad (a flipped byte, a cut line, a line of
	// another kind) is a miss: the claims are judged again, from the
	// text, which the online run puts back.
	path := filepath.Join(dir, "links-verdicts.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	// Four claims, and the findings of each of three drafts.
	if len(lines) != 8 || lines[0] != "citelint-verdicts 2" {
		t.Fatalf("verdict file: %q", lines)
	}
	for i := 1; i < len(lines); i++ {
		switch i % 3 {
		case 0:
			lines[i] = strings.Replace(lines[i], `"`, `'`, 1)
		case 1:
			lines[i] = lines[i][:len(lines[i])-3]
		case 2:
			lines[i] = "not a verdict"
		}
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r.offline, r.refresh = false, true
	got, hits = r.run()
	sameLines(t, "run with a corrupt verdict file", got, want)
	if hits != 0 {
		t.Errorf("run with a corrupt verdict file: %d verdicts from the cache", hits)
	}
	r.offline, r.refresh = true, false
	if _, hits = r.run(); hits != 1 {
		t.Errorf("run after the corrupt file was replaced: %d verdicts from the cache, want 1", hits)
	}

	// The page changes: its text hash does too, and no verdict about the
	// old text answers for the new.
	body.Store(`<!doctype html><html><head><title>Renters survey</title></head><body><main>
<p>Of the renters who answered, 45% had moved at least once in five years.</p></main></body></html>`)
	r.offline, r.refresh = false, true
	got, hits = r.run()
	sameLines(t, "run over the changed page", got, []string{
		`125-128 unsupported-figure warning: "54%" is not in the cited page (it has 45%) | ` + u + ` | Of the renters who answered, 45% had moved at least once in five years. | ` + u + `#:~:text=Of%20the%20renters%20who,once%20in%20five%20years.`,
		`148-200 misquoted warning: the quotation “We will not accept rents rising faster than wages” is not in the cited page | ` + u + ` |  | `,
	})
	if hits != 0 {
		t.Errorf("run over the changed page: %d verdicts from the cache", hits)
	}
}

// surveyServer serves, at every address, a survey page whose main text
// has one figure and, after it, more; it returns the server's address.
func surveyServer(t *testing.T, more string) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = io.WriteString(w, `<!doctype html><html><head><title>Renters survey</title></head><body><main>
<p>Of the renters who answered, 54% had moved at least once in five years.</p>`+more+`</main></body></html>`)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// A draft with a link to a local file that does not exist replays its
// findings as any other: the missing file is no source, and its absence
// is part of the key.
func TestVerdictCacheMissingLocalLink(t *testing.T) {
	base := surveyServer(t, "")
	draft := "A [survey](" + base + "/survey) found that 45% of renters moved. See [the notes](no-such-notes.md).\n"
	dir := t.TempDir()
	r := verdictRun{t: t, dir: dir, draft: draft}
	want, _ := r.run()
	if len(want) != 1 || !strings.Contains(want[0], `"45%" is not in the cited page`) {
		t.Fatalf("online run: %q, want the one unsupported figure", want)
	}
	if err := os.RemoveAll(filepath.Join(dir, "links-text")); err != nil {
		t.Fatal(err)
	}
	r.offline = true
	got, hits := r.run()
	sameLines(t, "offline run without page texts", got, want)
	if hits != 1 {
		t.Errorf("offline run: %d verdicts from the cache, want 1 (the draft's findings, both rules')", hits)
	}
}

// The draft's record holds each source rule's findings in a section of
// its own: a run of one rule keeps that rule's, a later run of both
// replays it, judges the other's claims and adds its section, and the
// next run replays both from the one record.
func TestVerdictCacheSections(t *testing.T) {
	u := surveyServer(t, "\n<p>“We cannot accept rents rising faster than wages,” the mayor said.</p>") + "/survey"
	draft := "A [survey](" + u + ") found that 45% of renters moved, and the mayor said: \"We will not accept rents rising faster than wages\" ([survey](" + u + ")).\n"
	dir := t.TempDir()
	figures := verdictRun{t: t, dir: dir, draft: draft, only: "unsupported-figure"}
	got, hits := figures.run()
	at := func(s string) string { // the span of s in the draft, as the lines give it
		i := strings.Index(draft, s)
		return fmt.Sprintf("%d-%d", i, i+len(s))
	}
	figure := at("45%") + ` unsupported-figure warning: "45%" is not in the cited page (it has 54%) | ` + u + ` | Of the renters who answered, 54% had moved at least once in five years. | ` + u + `#:~:text=Of%20the%20renters%20who,once%20in%20five%20years.`
	sameLines(t, "online run of unsupported-figure", got, []string{figure})
	if hits != 0 {
		t.Errorf("online run: %d verdicts from an empty cache", hits)
	}
	if err := os.RemoveAll(filepath.Join(dir, "links-text")); err != nil {
		t.Fatal(err)
	}
	// Offline, without the page's text: misquoted cannot judge its claim,
	// so the run keeps nothing new.
	both := verdictRun{t: t, dir: dir, draft: draft, offline: true}
	quoted := `"We will not accept rents rising faster than wages"`
	quoteUnread := at(quoted) + ` misquoted info: cannot check the quotation “We will not accept rents rising faster than wages” against the cited page: the page's text is missing from the link cache; check the links again with: citelint links --refresh | ` + u + ` |  | `
	got, hits = both.run()
	sameLines(t, "offline run of both without the text", got, []string{figure, quoteUnread})
	if hits != 1 {
		t.Errorf("offline run of both without the text: %d records from the cache, want 1 (unsupported-figure's section)", hits)
	}
	// With the text back, misquoted judges the quotation and its section
	// joins the record.
	online := both
	online.offline, online.refresh = false, true
	online.run()
	quote := at(quoted) + ` misquoted warning: the quotation “We will not accept rents rising faster than wages” is not in the cited page; the nearest passage differs: "will not" — the source says "cannot" | ` + u + ` | “We cannot accept rents rising faster than wages,” the mayor said. | ` + u + `#:~:text=%E2%80%9CWe%20cannot%20accept%20rents,wages%2C%E2%80%9D%20the%20mayor%20said.`
	if err := os.RemoveAll(filepath.Join(dir, "links-text")); err != nil {
		t.Fatal(err)
	}
	got, hits = both.run()
	sameLines(t, "offline run of both, the text gone again", got, []string{figure, quote})
	if hits != 1 {
		t.Errorf("offline run of both: %d records from the cache, want 1 (both sections in one record)", hits)
	}
	figures.offline = true
	got, hits = figures.run()
	sameLines(t, "offline run of unsupported-figure alone", got, []string{figure})
	if hits != 1 {
		t.Errorf("offline run of unsupported-figure alone: %d records from the cache, want 1", hits)
	}
}
