package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// onePagePDF writes a PDF of one page showing lines, one text object per
// line in Helvetica: enough for the PDF reader, written here so that the
// test data is ours.
func onePagePDF(lines ...string) []byte {
	var content strings.Builder
	for i, l := range lines {
		fmt.Fprintf(&content, "BT /F1 11 Tf 72 %d Td (%s) Tj ET\n", 720-14*i, l)
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// TestSourceChecksOnlineThenOffline runs the source checks end to end: a
// draft citing an HTML page and a PDF on a local server is checked online,
// each page fetched once for the link rules and the source checks alike;
// a second run --offline gives the same findings, evidence included, from
// the cache, with no request.
func TestSourceChecksOnlineThenOffline(t *testing.T) {
	var (
		mu   sync.Mutex
		hits = map[string]int{}
	)
	report := onePagePDF("Port of Example annual report", "Ship calls rose to 1,204 last year.", "The harbour master said: We will dredge the channel in spring.")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		switch r.URL.Path {
		case "/survey":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<!doctype html><html><head><title>Renters survey</title></head><body><main>
<p>Of the renters who answered, 54% had moved at least once in five years.</p>
<p>“We cannot accept rents rising faster than wages,” the mayor said.</p></main></body></html>`)
		case "/report.pdf":
			w.Header().Set("Content-Type", "application/pdf")
			_, _ = w.Write(report)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	u := srv.URL
	draft := strings.ReplaceAll(`# Harbour and housing

A [survey](U/survey) found that 45% of renters moved.

"We will not accept rents rising faster than wages," the mayor said, [according to the survey](U/survey).

The [port's report](U/report.pdf) counts 1,240 ship calls.

"We will dredge the channel in spring," said the harbour master in [the report](U/report.pdf).
`, "U", u)
	dir := files(t, map[string]string{"draft.md": draft, ".citelint.yml": linkConfig})
	want := []string{
		span(t, draft, "45%", 0) + ` unsupported-figure warning: "45%" is not in the cited page (it has 54%)`,
		span(t, draft, `"We will not accept rents rising faster than wages,"`, 0) + ` misquoted warning: the quotation “We will not accept rents rising faster than wages” is not in the cited page; the nearest passage differs: "will not" — the source says "cannot"`,
		span(t, draft, "1,240 ship calls", 0) + ` unsupported-figure warning: "1,240 ship calls" is not in the cited page (it has 1,204)`,
	}
	wantEvidence := []string{
		u + "/survey | Of the renters who answered, 54% had moved at least once in five years. | " + u + "/survey#:~:text=Of%20the%20renters%20who,once%20in%20five%20years.",
		u + "/survey | “We cannot accept rents rising faster than wages,” the mayor said. | " + u + "/survey#:~:text=%E2%80%9CWe%20cannot%20accept%20rents,wages%2C%E2%80%9D%20the%20mayor%20said.",
		u + "/report.pdf | Port of Example annual report Ship calls rose to 1,204 last year. | " + u + "/report.pdf#:~:text=Port%20of%20Example%20annual,to%201%2C204%20last%20year.",
	}
	check := func(name string, r result) {
		t.Helper()
		if r.code != 0 {
			t.Errorf("%s: exit %d, want 0 (warnings only); stderr %q", name, r.code, r.stderr)
		}
		equal(t, name, findings(decode(t, r.stdout)), want)
		var out struct {
			Diagnostics []struct {
				Evidence *struct{ URL, Text, Link string }
			}
		}
		if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range out.Diagnostics {
			if e := d.Evidence; e != nil {
				got = append(got, e.URL+" | "+e.Text+" | "+e.Link)
			}
		}
		equal(t, name+" evidence", got, wantEvidence)
	}

	online := citelint(t, dir, "", nil, "--allow-private", "--format", "json", "draft.md")
	check("online run", online)
	mu.Lock()
	equal(t, "online run's requests", hitList(hits), []string{"/report.pdf=1", "/survey=1"})
	hits = map[string]int{}
	mu.Unlock()

	offline := citelint(t, dir, "", nil, "--allow-private", "--offline", "--format", "json", "draft.md")
	check("offline run", offline)
	if offline.stderr != "" {
		t.Errorf("offline stderr %q", offline.stderr)
	}
	mu.Lock()
	equal(t, "offline run's requests", hitList(hits), nil)
	mu.Unlock()

	// A cache filled by a run that read no page's text (the source checks
	// off) answers the links offline but holds no text: the source checks
	// then say nothing, rather than that the pages cannot be read.
	dir = files(t, map[string]string{"draft.md": draft, ".citelint.yml": linkConfig})
	first := citelint(t, dir, "", nil, "--allow-private", "--disable", "unsupported-figure,misquoted", "--format", "json", "draft.md")
	equal(t, "run without the source checks", findings(decode(t, first.stdout)), nil)
	mu.Lock()
	hits = map[string]int{}
	mu.Unlock()
	textless := citelint(t, dir, "", nil, "--allow-private", "--offline", "--format", "json", "draft.md")
	equal(t, "offline run over a cache without text", findings(decode(t, textless.stdout)), nil)
	if textless.code != 0 || textless.stderr != "" {
		t.Errorf("offline run over a cache without text: exit %d, stderr %q", textless.code, textless.stderr)
	}
	mu.Lock()
	equal(t, "offline run's requests", hitList(hits), nil)
	mu.Unlock()
}
