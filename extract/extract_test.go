package extract

import (
	"os"
	"strings"
	"testing"
)

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestFromBodyHTMLArticle(t *testing.T) {
	p, err := FromBody("https://news.example/2026/harbour", "text/html; charset=utf-8", readTestdata(t, "article.html"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Readable || p.Partial || p.Reason != "" {
		t.Fatalf("Readable %v, Partial %v, Reason %q", p.Readable, p.Partial, p.Reason)
	}
	if p.ContentType != "text/html" {
		t.Errorf("ContentType = %q", p.ContentType)
	}
	if p.Title != "Harbour traffic report | The Coastal Ledger" {
		t.Errorf("Title = %q", p.Title)
	}
	for _, want := range []string{
		"The port authority counted 1,204 ship calls in 2025, up from 1,031 the year before, according to its annual report.",
		"Container volumes rose by 12.5 percent. \u201cWe have never been this busy,\u201d the harbour master said at a briefing on Tuesday, adding that night shifts would continue.",
		"Cruise calls fell slightly, to 88, as two lines moved to a rival port.",
	} {
		if !strings.Contains(p.Main, want+"\n\n") {
			t.Errorf("Main lacks paragraph %q:\n%s", want, p.Main)
		}
	}
	for _, unwanted := range []string{"Home", "Related stories", "Ferry fares", "rights reserved", "hidden", "tracking"} {
		if strings.Contains(p.Main, unwanted) {
			t.Errorf("Main holds %q:\n%s", unwanted, p.Main)
		}
	}
	for _, want := range []string{"Cargo | 2024 | 2025", "Containers | 410 | 461", "Bulk | 302 | 298", "Ship calls by cargo type, 2024 and 2025", "Ferry fares rise 7%"} {
		if !strings.Contains(p.Full, want) {
			t.Errorf("Full lacks %q:\n%s", want, p.Full)
		}
	}
	for _, unwanted := range []string{"hidden", "tracking", "color: red"} {
		if strings.Contains(p.Full, unwanted) {
			t.Errorf("Full holds %q", unwanted)
		}
	}
	wantLinks := []Link{
		{Text: "annual report", URL: "https://news.example/reports/annual-2025.pdf"},
		{Text: "a rival port", URL: "https://example.org/rival"},
	}
	if len(p.Links) != len(wantLinks) {
		t.Fatalf("Links = %+v", p.Links)
	}
	for i, l := range p.Links {
		if l.Text != wantLinks[i].Text || l.URL != wantLinks[i].URL || p.Main[l.Start:l.End] != l.Text {
			t.Errorf("link %d = %+v, want text %q url %q", i, l, wantLinks[i].Text, wantLinks[i].URL)
		}
	}
	var kinds []BlockKind
	for _, b := range p.Blocks {
		kinds = append(kinds, b.Kind)
	}
	if len(p.Blocks) == 0 || p.Blocks[0].Kind != Heading || p.Main[p.Blocks[0].Start:p.Blocks[0].End] != "Harbour traffic grew last year" {
		t.Errorf("first block = %+v (kinds %v)", p.Blocks, kinds)
	}
	last := p.Blocks[len(p.Blocks)-1]
	if last.Kind != ListItem || last.Level != 1 || p.Main[last.Start:last.End] != "A new berth opens in 2027" {
		t.Errorf("last block = %+v %q", last, p.Main[last.Start:last.End])
	}
	if len(p.Hash) != 64 {
		t.Errorf("Hash = %q", p.Hash)
	}
}

func TestFromBodyScriptOnly(t *testing.T) {
	p, err := FromBody("https://app.example/", "text/html", readTestdata(t, "app.html"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Readable || p.Reason != "script-only page" {
		t.Errorf("Readable %v, Reason %q", p.Readable, p.Reason)
	}
}

func TestFromBodyShortPageIsNotScriptOnly(t *testing.T) {
	body := `<html><head><script>x()</script></head><body><p>Only 3 of 10 applied.</p></body></html>`
	p, err := FromBody("https://a.example/", "text/html", []byte(body), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Readable || p.Main != "Only 3 of 10 applied." || p.Full != "Only 3 of 10 applied." {
		t.Errorf("Readable %v, Reason %q, Main %q, Full %q", p.Readable, p.Reason, p.Main, p.Full)
	}
}

func TestFromBodyPaywallBoxLeftOut(t *testing.T) {
	body := `<html><body><article><p>The first paragraph is free to read for everyone.</p>
<div class="paywall"><p>Subscribe for $1 a week to keep reading.</p></div>
<aside class="gh-post-upgrade-cta"><h2>This post is for paying subscribers only</h2></aside>
</article></body></html>`
	p, err := FromBody("https://a.example/", "text/html", []byte(body), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Main != "The first paragraph is free to read for everyone." || p.Full != p.Main {
		t.Errorf("Main %q, Full %q", p.Main, p.Full)
	}
}

func TestFromBodyPlainText(t *testing.T) {
	p, err := FromBody("file.txt", "text/plain; charset=utf-8", []byte("First line\nof one paragraph.\r\n\r\n\n  Second.  \n"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Readable || p.Main != "First line\nof one paragraph.\n\nSecond." || len(p.Blocks) != 2 || p.Blocks[1].Start != 30 {
		t.Errorf("Main %q, Blocks %+v", p.Main, p.Blocks)
	}
}

func TestFromBodyUnsupportedAndTooLarge(t *testing.T) {
	p, err := FromBody("https://a.example/x.zip", "application/zip", []byte("PK\x03\x04"), Limits{})
	if err != nil || p.Readable || p.Reason != "unsupported type application/zip" {
		t.Errorf("zip: err %v, Readable %v, Reason %q", err, p.Readable, p.Reason)
	}
	p, err = FromBody("https://a.example/", "text/html", []byte(strings.Repeat("<p>word</p>", 100)), Limits{MaxBytes: 1000})
	if err != nil || p.Readable || p.Reason != "too large: over 1000 bytes" {
		t.Errorf("large: err %v, Readable %v, Reason %q", err, p.Readable, p.Reason)
	}
	p, err = FromBody("https://a.example/", "", []byte("<!DOCTYPE html><p>Sniffed as HTML.</p>"), Limits{})
	if err != nil || p.ContentType != "text/html" || p.Main != "Sniffed as HTML." {
		t.Errorf("sniffed: err %v, type %q, Main %q", err, p.ContentType, p.Main)
	}
}

func TestFromBodyTextCap(t *testing.T) {
	body := "<html><body>" + strings.Repeat("<p>twelve bytes</p>", 50) + "</body></html>"
	p, err := FromBody("https://a.example/", "text/html", []byte(body), Limits{MaxTextBytes: 100})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Readable || !p.Partial || p.Reason != "too large: only the first part was read" || len(p.Main) > 100 || len(p.Full) > 100 {
		t.Errorf("Readable %v, Partial %v, Reason %q, len(Main) %d", p.Readable, p.Partial, p.Reason, len(p.Main))
	}
}

func TestMarkPaywalled(t *testing.T) {
	p := &Page{Readable: true}
	p.MarkPaywalled("schema.org isAccessibleForFree is false")
	if !p.Partial || p.Reason != "paywalled: only the free part was read (schema.org isAccessibleForFree is false)" {
		t.Errorf("Partial %v, Reason %q", p.Partial, p.Reason)
	}
}

func TestFromBodyCharsets(t *testing.T) {
	// windows-1252: curly quotes are 0x93 and 0x94, é is 0xE9.
	latin := []byte("<html><head><meta charset=\"windows-1252\"></head><body><p>\x93Caf\xe9 prices rose,\x94 she said.</p></body></html>")
	want := "\u201cCaf\u00e9 prices rose,\u201d she said."
	for name, tt := range map[string]struct {
		contentType string
		body        []byte
	}{
		"meta":   {"text/html", latin},
		"header": {"text/html; charset=iso-8859-1", []byte("<p>Caf\xe9 prices rose.</p>")},
		"utf-8":  {"text/html", []byte("<p>\u201cCaf\u00e9 prices rose,\u201d she said.</p>")},
		"plain":  {"text/plain; charset=windows-1252", []byte("\x93Caf\xe9 prices rose,\x94 she said.")},
	} {
		p, err := FromBody("https://a.example/", tt.contentType, tt.body, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		w := want
		if name == "header" {
			w = "Caf\u00e9 prices rose."
		}
		if p.Main != w {
			t.Errorf("%s: Main %q, want %q", name, p.Main, w)
		}
	}
}

// TestFromBodyMarkdown checks that a Markdown source is read as its
// reader sees it: a link's address, emphasis marks and the tags of a
// paragraph written in HTML do not stand between its words, and a table's
// cells stay apart.
func TestFromBodyMarkdown(t *testing.T) {
	body := "---\ntitle: Summit\n---\n\nGo to [Citizen Services Summit 2015](https://crowdhall.example/h/299/). Go **there** now!\n\n" +
		"<p>More than <a href=\"/x\">40 feds</a> from 19 agencies came.</p>\n\n| Year | Visits |\n|---|---|\n| 2015 | 1,204 |\n"
	p, err := FromBody("notes.md", "text/markdown", []byte(body), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Go to Citizen Services Summit 2015. Go there now!", "More than 40 feds from 19 agencies came.", "2015 | 1,204"} {
		if !p.Readable || !strings.Contains(p.Full, want) {
			t.Errorf("Full lacks %q: readable %v, Full %q", want, p.Readable, p.Full)
		}
	}
	if strings.Contains(p.Full, "crowdhall") || strings.Contains(p.Full, "**") || strings.Contains(p.Full, "<p>") {
		t.Errorf("Full holds markup: %q", p.Full)
	}
}
