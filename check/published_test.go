package check

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/citelint/citelint/lint"
)

// newsServer serves a news article with a members-only wall after its
// third paragraph, and the pages it links to; it counts the requests.
type newsServer struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newNewsServer(t *testing.T) *newsServer {
	t.Helper()
	article, err := os.ReadFile("testdata/published-article.html")
	if err != nil {
		t.Fatal(err)
	}
	s := &newsServer{hits: make(map[string]int)}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		switch r.URL.Path {
		case "/news/harbour":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write(article)
		case "/reports/flood-risk":
			w.Header().Set("Content-Type", "text/html")
			_, _ = fmt.Fprint(w, "<html><body><p>Flood risk study.</p></body></html>")
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func TestPublishedPageCheckedAsDraft(t *testing.T) {
	srv := newNewsServer(t)
	dir := files(t, map[string]string{".citelint.yml": "links:\n  cache: .cache\n"})
	t.Chdir(dir)
	u := srv.URL + "/news/harbour"
	var notes []string
	res, err := Check(context.Background(), Options{
		Paths:        []string{u},
		AllowPrivate: true,
		Notify:       func(n Note) { notes = append(notes, n.Text) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %v", res.Errors)
	}
	findings := func(res *Result) []string {
		var got []string
		for _, d := range res.Diagnostics {
			got = append(got, fmt.Sprintf("%s:%d:%d-%d:%d %s %s", strings.TrimPrefix(d.Path, srv.URL), d.Pos.Line, d.Pos.Column, d.EndPos.Line, d.EndPos.Column, d.Rule, d.Message))
		}
		return got
	}
	// Only the article's three free paragraphs are checked: the figures
	// and the quotation of the navigation, share buttons, related stories,
	// members' wall and footer ($4 a month, 1,200 shares, 7%, "We will not
	// move", 25,000 readers, 90% of households) are not.
	want := []string{
		`/news/harbour:1:44-1:62 uncited-number "48 million dollars" has no citation`,
		`/news/harbour:5:1-5:70 unattributed-quote quotation has no speaker or source: add who said it ("…," said NAME)`,
	}
	if got := findings(res); !slices.Equal(got, want) {
		t.Errorf("findings:\n got %q\nwant %q", got, want)
	}
	wantText := "The city council voted on Tuesday to spend 48 million dollars on rebuilding the old harbour wall, ending a debate that has run since the storm of 2019.\n\n" +
		"Supporters said the project would protect about 3,400 homes in the low-lying east ward. The [flood-risk study](" + srv.URL + "/reports/flood-risk) behind the plan was published in January.\n\n" +
		"\"This is the most important vote this council will take in a decade.\" Work on the wall is due to start in the spring and to take 30 months.\n"
	wantNote := "paywalled: only the free part was checked (article:content_tier is locked)"
	if len(res.Published) != 1 || res.Published[0].URL != u || res.Published[0].Text != wantText || res.Published[0].Note != wantNote {
		t.Errorf("published: %+v", res.Published)
	}
	if !slices.Equal(notes, []string{u + ": " + wantNote}) {
		t.Errorf("notes: %q", notes)
	}
	if !slices.Equal(res.Paths, []string{u}) || res.Files != 1 {
		t.Errorf("paths %q, files %d", res.Paths, res.Files)
	}
	srv.mu.Lock()
	if srv.hits["/news/harbour"] != 1 || srv.hits["/reports/flood-risk"] != 1 {
		t.Errorf("first run requests: %v; want the page and its one link once each", srv.hits)
	}
	clear(srv.hits)
	srv.mu.Unlock()

	// Offline, from the cache: the same findings, no request.
	notes = nil
	again, err := Check(context.Background(), Options{Paths: []string{u}, Links: LinksOffline, Notify: func(n Note) { notes = append(notes, n.Text) }})
	if err != nil {
		t.Fatal(err)
	}
	if got := findings(again); !slices.Equal(got, want) || len(again.Errors) != 0 {
		t.Errorf("offline findings:\n got %q\nwant %q (errors %v)", got, want, again.Errors)
	}
	if len(again.Published) != 1 || again.Published[0].Text != wantText || !slices.Equal(notes, []string{u + ": " + wantNote}) {
		t.Errorf("offline: published %+v, notes %q", again.Published, notes)
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if len(srv.hits) != 0 {
		t.Errorf("offline run sent requests: %v", srv.hits)
	}
}

func TestPublishedPageUnreadable(t *testing.T) {
	srv := newNewsServer(t)
	dir := files(t, map[string]string{".citelint.yml": "links:\n  cache: off\n", "draft.md": "Fine.\n"})
	t.Chdir(dir)
	res, err := Check(context.Background(), Options{Paths: []string{srv.URL + "/gone", "draft.md"}, AllowPrivate: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || res.Errors[0].Path != srv.URL+"/gone" || res.Errors[0].Err.Error() != "page not checked: dead: HTTP 404" {
		t.Errorf("errors: %v", res.Errors)
	}
	if res.Files != 2 || len(res.Published) != 0 {
		t.Errorf("files %d, published %+v", res.Files, res.Published)
	}
	// The address guard applies to a published page as to any link.
	res, err = Check(context.Background(), Options{Paths: []string{srv.URL + "/news/harbour"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || !strings.HasPrefix(res.Errors[0].Err.Error(), "page not checked: skipped: refused to connect to 127.0.0.1") {
		t.Errorf("guarded: %v", res.Errors)
	}
}

// A rule that needs page text makes the link check keep it (in the
// cache's links-text folder); without one, no text is kept.
func TestNeedsPageTextKeepsText(t *testing.T) {
	srv := newNewsServer(t)
	for _, needs := range []bool{false, true} {
		dir := files(t, map[string]string{
			".citelint.yml": "links:\n  cache: .cache\n",
			"draft.md":      "The [study](" + srv.URL + "/reports/flood-risk) says so.\n",
		})
		t.Chdir(dir)
		probe := &lint.Rule{ID: "page-probe", Summary: "probe", Severity: lint.Info, Network: true, NeedsPageText: needs, Run: func(*lint.Pass) {}}
		res, err := Check(context.Background(), Options{Paths: []string{"draft.md"}, Rules: []*lint.Rule{probe}, AllowPrivate: true})
		if err != nil || len(res.Errors) > 0 {
			t.Fatalf("needs %v: %v %v", needs, err, res)
		}
		texts, _ := os.ReadDir(".cache/links-text")
		if kept := len(texts) == 1; kept != needs {
			t.Errorf("NeedsPageText %v: page texts kept %v", needs, texts)
		}
	}
}

// TestPublishedPageLinksDeadline checks that a published page's links are
// checked within publishedLinkDeadline when the config sets no deadline:
// the page decides how many links there are, and this one's all lead to a
// server that answers each in four seconds (two at a time, 40 links would
// take 80). Those not checked in time are unverifiable, never dead.
func TestPublishedPageLinksDeadline(t *testing.T) {
	defer func(d time.Duration) { publishedLinkDeadline = d }(publishedLinkDeadline)
	publishedLinkDeadline = 2 * time.Second
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/page" {
			w.Header().Set("Content-Type", "text/html")
			_, _ = fmt.Fprint(w, "<html><body><article><h1>Links</h1><p>")
			for i := range 40 {
				_, _ = fmt.Fprintf(w, `See <a href="/slow/%d">note %d</a>. `, i, i)
			}
			_, _ = fmt.Fprint(w, "</p></article></body></html>")
			return
		}
		select {
		case <-time.After(4 * time.Second):
		case <-release:
		}
		w.Header().Set("Content-Type", "text/html")
		_, _ = fmt.Fprint(w, "<html><body><p>A note.</p></body></html>")
	}))
	defer srv.Close()
	defer close(release)
	dir := files(t, map[string]string{".citelint.yml": "links:\n  cache: off\n"})
	t.Chdir(dir)
	var notes []string
	start := time.Now()
	res, err := Check(context.Background(), Options{
		Paths:        []string{srv.URL + "/page"},
		AllowPrivate: true,
		Notify:       func(n Note) { notes = append(notes, n.Text) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("took %v: the deadline did not hold", took)
	}
	unverifiable := 0
	for _, d := range res.Diagnostics {
		switch d.Rule {
		case "dead-link":
			t.Errorf("a link left unchecked was reported dead: %s", d.Message)
		case "unverifiable-link":
			unverifiable++
		}
	}
	if unverifiable < 30 {
		t.Errorf("%d links reported unverifiable, want the 30 or more the deadline left unchecked", unverifiable)
	}
	if !slices.ContainsFunc(notes, func(n string) bool { return strings.Contains(n, "the links deadline passed") }) {
		t.Errorf("notes %q: none says the deadline passed", notes)
	}
}
