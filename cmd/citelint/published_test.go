package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// TestPublishedPageByURL checks a published news article by its address:
// the findings point into the extracted text, which the JSON output
// carries, and the paywall is reported on standard error.
func TestPublishedPageByURL(t *testing.T) {
	article, err := os.ReadFile("../../check/testdata/published-article.html")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/news/harbour":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write(article)
		case "/reports/flood-risk":
			_, _ = fmt.Fprint(w, "<html><body><p>Study.</p></body></html>")
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := files(t, map[string]string{".citelint.yml": linkConfig})
	u := srv.URL + "/news/harbour"

	r := citelint(t, dir, "", nil, "--allow-private", "--format", "json", u)
	if r.code != 0 {
		t.Fatalf("exit %d, want 0 (warnings only); stderr %q", r.code, r.stderr)
	}
	note := "citelint: " + u + ": paywalled: only the free part was checked (article:content_tier is locked)\n"
	if r.stderr != note {
		t.Errorf("stderr %q, want %q", r.stderr, note)
	}
	var out struct {
		Diagnostics []struct {
			Path              string
			Line, Column      int
			Offset, EndOffset int
			Rule              string
		}
		Documents []struct{ Path, Text, Note string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, r.stdout)
	}
	if len(out.Documents) != 1 || out.Documents[0].Path != u || !strings.HasPrefix(out.Documents[0].Note, "paywalled: only the free part was checked") {
		t.Fatalf("documents: %+v", out.Documents)
	}
	text := out.Documents[0].Text
	var got []string
	for _, d := range out.Diagnostics {
		if d.Path != u {
			t.Errorf("finding on path %q", d.Path)
		}
		got = append(got, fmt.Sprintf("%d:%d %s %q", d.Line, d.Column, d.Rule, text[d.Offset:d.EndOffset]))
	}
	equal(t, "findings", got, []string{
		`1:44 uncited-number "48 million dollars"`,
		`5:1 unattributed-quote "\"This is the most important vote this council will take in a decade.\""`,
	})

	// Without --format json the text is not printed; the findings are.
	r = citelint(t, dir, "", nil, "--allow-private", "--offline", u)
	if r.code != 0 || !strings.Contains(r.stdout, u+":1:44: ") || strings.Contains(r.stdout, "The city council voted") {
		t.Errorf("text output (exit %d):\n%s", r.code, r.stdout)
	}
}

func TestFixRefusesAPublishedPage(t *testing.T) {
	dir := files(t, map[string]string{})
	r := citelint(t, dir, "", nil, "fix", "https://news.example/a")
	want := "citelint: fix changes files, and https://news.example/a is a published page: check it with: citelint https://news.example/a\n"
	if r.code != exitError || r.stderr != want {
		t.Errorf("exit %d, stderr %q; want %d, %q", r.code, r.stderr, exitError, want)
	}
}
