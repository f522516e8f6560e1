package check

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citelint/citelint/claims"
)

// inventoryDraft holds a figure without a source and one with, a quotation
// with a speaker and one without, and a link to a page that is gone.
const inventoryDraft = `The town spent $4.2 million on roads.

The town spent $4.3 million on roads, according to the [annual report](%[1]s/report).

"We will not close the school this year or next," the mayor said.

"This is the end of an era for all of us who grew up here."

The [old minutes](%[1]s/gone) are no longer online.
`

// startPages serves /report and a 404 for everything else, on 127.0.0.1.
func startPages(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/report" {
			fmt.Fprint(w, "<html><head><title>Annual report</title></head><body>Roads: $4.3 million.</body></html>")
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// inventoryOf checks draft as draft.md, links over the network with no
// cache, and returns its inventory.
func inventoryOf(t *testing.T, draft string, opts Options) *Result {
	t.Helper()
	dir := files(t, map[string]string{".citelint.yml": "links:\n  cache: off\n  retries: 0\n  timeout: 5s\n  allow-private: true\n"})
	opts.ConfigPath = filepath.Join(dir, ".citelint.yml")
	opts.Documents = []Source{{Path: "draft.md", Text: []byte(draft)}}
	opts.Inventory = true
	res, err := Check(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// rowLine renders a row and its findings on one line, positions included.
func rowLine(c claims.Claim) string {
	s := fmt.Sprintf("%s %s [%d,%d) %d:%d-%d:%d %q source=%s:%q:%q link=%s:%q sentence=[%d,%d)",
		c.Kind, c.Status, c.Start, c.End, c.Pos.Line, c.Pos.Column, c.EndPos.Line, c.EndPos.Column, c.Text,
		c.Source.Kind, c.Source.Text, c.Source.URL, c.LinkStatus, c.LinkReason, c.SentenceStart, c.SentenceEnd)
	for _, d := range c.Findings {
		s += fmt.Sprintf(" {%s [%d,%d) %s}", d.Rule, d.Start, d.End, d.Message)
	}
	return s
}

func TestInventoryRows(t *testing.T) {
	srv := startPages(t)
	base := srv.URL
	draft := fmt.Sprintf(inventoryDraft, base)
	res := inventoryOf(t, draft, Options{})
	if len(res.Inventory) != 1 || res.Inventory[0].Path != "draft.md" || res.Inventory[0].Source != nil {
		t.Fatalf("inventory = %+v, want one file, draft.md, without its source", res.Inventory)
	}
	// Offsets depend on the server's address: compute them from the draft.
	at := func(s string) int { return strings.Index(draft, s) }
	second := at("$4.3")
	report := at(base + "/report")
	gone := at(base + "/gone")
	para5 := at("The [old")
	var got []string
	for _, c := range res.Inventory[0].Claims {
		got = append(got, rowLine(c))
	}
	// The draft is ASCII: a column is the offset from the line's start, plus one.
	col := func(off int) int { return off - strings.LastIndex(draft[:off], "\n") }
	we := `"We will not close the school this year or next,"`
	this := `"This is the end of an era for all of us who grew up here."`
	reportURL, goneURL := base+"/report", base+"/gone"
	want := []string{
		`figure unsourced [15,27) 1:16-1:28 "$4.2 million" source=none:"":"" link=:"" sentence=[0,37) {uncited-number [15,27) "$4.2 million" has no citation}`,
		fmt.Sprintf(`figure sourced [%d,%d) 3:16-3:28 "$4.3 million" source=link:"annual report":%q link=ok:"HTTP 200" sentence=[39,%d)`,
			second, second+12, reportURL, report+len(reportURL)+2),
		fmt.Sprintf(`link sourced [%d,%d) 3:%d-3:%d %q source=link:"":%q link=ok:"HTTP 200" sentence=[39,%d)`,
			report, report+len(reportURL), col(report), col(report)+len(reportURL), reportURL, reportURL, report+len(reportURL)+2),
		fmt.Sprintf(`quotation sourced [%d,%d) 5:1-5:%d %q source=named:"the mayor":"" link=:"" sentence=[%d,%d)`,
			at(we), at(we)+len(we), len(we)+1, we, at(we), at(" said.")+6),
		fmt.Sprintf(`quotation unattributed [%d,%d) 7:1-7:%d %q source=none:"":"" link=:"" sentence=[%[1]d,%[2]d) {unattributed-quote [%[1]d,%[2]d) quotation has no speaker or source: add who said it ("…," said NAME)}`,
			at(this), at(this)+len(this), len(this)+1, this),
		fmt.Sprintf(`link dead [%d,%d) 9:%d-9:%d %q source=link:"":%q link=dead:"HTTP 404" sentence=[%d,%d) {dead-link [%[1]d,%[2]d) dead link: HTTP 404}`,
			gone, gone+len(goneURL), col(gone), col(gone)+len(goneURL), goneURL, goneURL, para5, len(draft)-1),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// KeepSource keeps each file's text for a report; an Other row holds a
// finding about no claim; without Inventory there is none.
func TestInventoryKeepSource(t *testing.T) {
	draft := "Opens at TK.\n"
	res := inventoryOf(t, draft, Options{KeepSource: true, Links: LinksOffline})
	if len(res.Inventory) != 1 || string(res.Inventory[0].Source) != draft {
		t.Fatalf("inventory = %+v, want draft.md with its source", res.Inventory)
	}
	var got []string
	for _, c := range res.Inventory[0].Claims {
		got = append(got, rowLine(c))
	}
	want := `other finding [9,11) 1:10-1:12 "TK" source=none:"":"" link=:"" sentence=[9,11) {citation-needed-marker [9,11) placeholder "TK" left in the draft}`
	if strings.Join(got, "\n") != want {
		t.Errorf("rows:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	plain, err := Check(context.Background(), Options{Documents: []Source{{Path: "draft.md", Text: []byte(draft)}}, Links: LinksNone})
	if err != nil {
		t.Fatal(err)
	}
	if plain.Inventory != nil || len(plain.Diagnostics) != 1 {
		t.Errorf("without Inventory: inventory %v, %d findings", plain.Inventory, len(plain.Diagnostics))
	}
}

// One inventory per file checked, in path order whatever order the jobs
// finish in, holding that file's findings and no other's.
func TestInventoryPerFileInPathOrder(t *testing.T) {
	var docs []Source
	for _, name := range []string{"c.md", "a.md", "d.md", "b.md", "e.md", "f.md"} {
		docs = append(docs, Source{Path: name, Text: []byte("Sales rose 40% at " + name + ".\n\n\"This is the end of an era for all of us who grew up here.\"\n\nOpens at TK.\n")})
	}
	res, err := Check(context.Background(), Options{Documents: docs, Links: LinksNone, Jobs: 4, Inventory: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Inventory {
		row := f.Path + ":"
		for _, c := range f.Claims {
			row += " " + string(c.Kind)
			for _, d := range c.Findings {
				if d.Path != f.Path {
					t.Errorf("%s holds a finding of %s", f.Path, d.Path)
				}
				row += "/" + d.Rule
			}
		}
		got = append(got, row)
	}
	var want []string
	for _, name := range []string{"a.md", "b.md", "c.md", "d.md", "e.md", "f.md"} {
		want = append(want, name+": figure/uncited-number quotation/unattributed-quote other/citation-needed-marker")
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("inventory:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
