package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"maps"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/citelint/citelint/claims"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules"
	"golang.org/x/net/html"
)

// exampleDrafts are the repository's example drafts, from its root.
var exampleDrafts = []string{
	"testdata/drafts/links.md",
	"testdata/drafts/news-claims.md",
	"testdata/drafts/news-quotes.md",
	"testdata/drafts/placeholders.md",
}

// offlineCheck runs every rule, offline, over files (paths from the
// repository's root, where the test runs) and returns the result with the
// sources read.
func offlineCheck(t testing.TB, paths []string, extra map[string]string) (*lint.Result, map[string][]byte) {
	t.Helper()
	res, _, sources := check(t, paths, extra, false)
	return res, sources
}

// check runs every rule, offline, over the files (paths from the
// repository's root) and the extra drafts, as "citelint --offline
// --format html" does with no link cache (package check's run, which
// this package cannot import: check imports report). With inventory, it
// also takes each file's inventory, with its source, by the rules' own
// code as the run goes. It returns the findings, the inventory and the
// sources by path.
func check(t testing.TB, paths []string, extra map[string]string, inventory bool) (*lint.Result, []claims.File, map[string][]byte) {
	t.Helper()
	active, err := lint.Configure(rules.All(), nil, lint.Selection{})
	if err != nil {
		t.Fatal(err)
	}
	sources := map[string][]byte{}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sources[p] = src
	}
	for p, s := range extra {
		sources[p] = []byte(s)
	}
	var inputs []lint.Input
	for _, p := range slices.Sorted(maps.Keys(sources)) {
		src := sources[p]
		inputs = append(inputs, lint.Input{Path: p, Format: lint.FormatOf(p), Read: func() ([]byte, error) { return src, nil }})
	}
	runner := &lint.Runner{Rules: active, Known: rules.Known, Jobs: 1}
	var files []claims.File
	if inventory {
		runner.Inspect = func(doc *lint.Document, diags []lint.Diagnostic) {
			f := claims.File{Path: doc.Path, Source: doc.Source, Claims: rules.Inventory(doc, active, func(a lint.ActiveRule) *lint.Pass { return runner.Pass(doc, a) })}
			f.Attach(diags, doc.Source)
			files = append(files, f)
		}
	}
	out := runner.Run(t.Context(), inputs)
	slices.SortFunc(files, func(a, b claims.File) int { return strings.Compare(a.Path, b.Path) })
	return out, files, sources
}

// sourcedClaim is a claim the test adds to a draft's inventory by its
// text, so that every status shows: the inventory's own analysis is
// another branch's work.
type sourcedClaim struct {
	path, text string
	kind       claims.Kind
	status     claims.Status
	source     claims.Source
}

// inventoryFromFindings builds each file's inventory from the run's
// findings (a row per finding, its kind and status from its rule) and the
// claims above: the HTML report's input, until the inventory is wired.
func inventoryFromFindings(res *lint.Result, sources map[string][]byte, extra []sourcedClaim) []claims.File {
	var paths []string
	for p := range sources {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	var files []claims.File
	for _, p := range paths {
		src := sources[p]
		f := claims.File{Path: p, Source: src}
		for _, d := range res.Diagnostics {
			if d.Path != p {
				continue
			}
			c := claims.Claim{Path: p, Kind: claims.Other, Start: d.Start, End: d.End, Pos: d.Pos, EndPos: d.EndPos,
				Text: string(src[d.Start:d.End]), Status: claims.Finding, Findings: []lint.Diagnostic{d}}
			switch d.Rule {
			case "uncited-number":
				c.Kind, c.Status = claims.Figure, claims.Unsourced
			case "unattributed-quote":
				c.Kind, c.Status = claims.Quotation, claims.Unattributed
			case "dead-link", "broken-fragment":
				c.Kind, c.Status = claims.Link, claims.Dead
			}
			f.Claims = append(f.Claims, c)
		}
		for _, e := range extra {
			if e.path != p {
				continue
			}
			at := bytes.Index(src, []byte(e.text))
			if at < 0 {
				panic("no " + e.text + " in " + p)
			}
			f.Claims = append(f.Claims, claims.Claim{Path: p, Kind: e.kind, Start: at, End: at + len(e.text), Text: e.text, Status: e.status, Source: e.source})
		}
		slices.SortStableFunc(f.Claims, func(a, b claims.Claim) int { return a.Start - b.Start })
		files = append(files, f)
	}
	return files
}

// exampleReport renders the HTML report of the example drafts (and extra
// drafts) from the repository's root.
func exampleReport(t testing.TB, paths []string, extra map[string]string) ([]byte, *lint.Result, map[string][]byte) {
	t.Helper()
	res, inventory, sources := check(t, paths, extra, true)
	o := Options{ToolVersion: "v1.2.3", Rules: stableDocs(rules.All()), Files: slices.Sorted(mapsKeys(sources)),
		RuleURL: func(id string) string { return "https://example.com/rules/" + id + ".md" }}
	o.Inventory = inventory
	var buf bytes.Buffer
	if err := (&HTML{Options: o}).Format(&buf, res); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), res, sources
}

// stableDocs returns the rules with a short fixed documentation, so that
// the golden pages change with the report, not with the rules' prose.
func stableDocs(rs []*lint.Rule) []*lint.Rule {
	out := make([]*lint.Rule, len(rs))
	for i, r := range rs {
		c := *r
		c.Doc = "# " + r.Summary + "\n\nThe documentation of `" + r.ID + "`, with a [link](https://example.com/" + r.ID + ").\n\n## Example\n\n    code <b>\n"
		out[i] = &c
	}
	return out
}

func mapsKeys(m map[string][]byte) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// chdirRoot moves the test to the repository's root, where the example
// drafts' relative links resolve as they do for citelint's users.
func chdirRoot(t *testing.T) string {
	t.Helper()
	here, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir("..")
	return here
}

func TestHTMLGolden(t *testing.T) {
	res, o := fixture(t)
	noInventory := render(t, "html", o, res)
	withSource := o
	withSource.Inventory = []claims.File{{Path: "docs/a, b:c.md", Source: []byte(draft), Claims: []claims.Claim{
		{Kind: claims.Figure, Start: strings.Index(draft, "40%"), End: strings.Index(draft, "40%") + 3, Status: claims.Unsourced},
		{Kind: claims.Quotation, Start: strings.Index(draft, `"quoted"`), End: strings.Index(draft, `"quoted"`) + 8, Status: claims.Unattributed},
	}}}
	inventory := render(t, "html", withSource, res)
	here := chdirRoot(t)
	examples, _, _ := exampleReport(t, exampleDrafts, nil)
	single, _, _ := exampleReport(t, []string{"testdata/drafts/news-claims.md"}, nil)
	tricky, _, _ := exampleReport(t, nil, map[string]string{"testdata/drafts/tricky.md": trickyDraft})
	t.Chdir(here)
	golden(t, "html/tricky.html", tricky)
	golden(t, "html/fixture-no-inventory.html", noInventory)
	golden(t, "html/fixture.html", inventory)
	golden(t, "html/drafts.html", examples)
	golden(t, "html/news-claims.html", single)
}

// page parses a report.
func page(t testing.TB, b []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func attr(n *html.Node, key string) (string, bool) {
	if n == nil {
		return "", false
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// find returns every element below n that keep accepts, in document order.
func find(n *html.Node, keep func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for c := range n.Descendants() {
		if c.Type == html.ElementNode && keep(c) {
			out = append(out, c)
		}
	}
	return out
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	return slices.Contains(strings.Fields(v), class)
}

var spaces = regexp.MustCompile(`\s+`)

// checkAnchored asserts that every finding of res has one reference and
// one note in the page, and that the text marked for it is the text it
// concerns.
func checkAnchored(t *testing.T, doc *html.Node, res *lint.Result, sources map[string][]byte) {
	t.Helper()
	byID := map[string]*html.Node{}
	spansOf := map[string][]*html.Node{}
	for _, n := range find(doc, func(*html.Node) bool { return true }) {
		if id, ok := attr(n, "id"); ok {
			if byID[id] != nil {
				t.Errorf("two elements have the id %q", id)
			}
			byID[id] = n
		}
		if f, ok := attr(n, "data-f"); ok && hasClass(n, "fs") {
			spansOf[f] = append(spansOf[f], n)
		}
	}
	for i, d := range res.Diagnostics {
		is := itoa(i)
		ref, note := byID["f"+is], byID["n"+is]
		if ref == nil || !hasClass(ref, "fref") {
			t.Errorf("finding %d (%s %d:%d): no reference in the text", i, d.Rule, d.Pos.Line, d.Pos.Column)
			continue
		}
		if href, _ := attr(ref, "href"); href != "#n"+is {
			t.Errorf("finding %d: reference leads to %q", i, href)
		}
		if note == nil {
			t.Errorf("finding %d: no note", i)
			continue
		}
		if msg := find(note, func(n *html.Node) bool { return hasClass(n, "msg") }); len(msg) != 1 || nodeText(msg[0]) != d.Message {
			t.Errorf("finding %d: note does not say %q", i, d.Message)
		}
		if rule, _ := attr(note, "data-rule"); rule != d.Rule {
			t.Errorf("finding %d: note's rule %q, want %q", i, rule, d.Rule)
		}
		// The note sits beside the block holding the reference: the next
		// aside after the reference's top-level block.
		block := ref
		for block.Parent != nil && !hasClass(block.Parent, "draft") {
			block = block.Parent
		}
		aside := block.NextSibling
		for aside != nil && aside.Type != html.ElementNode {
			aside = aside.NextSibling
		}
		if aside == nil || aside.Data != "aside" || note.Parent != aside {
			t.Errorf("finding %d: its note is not beside the block holding its reference", i)
		}
		var marked strings.Builder
		for _, s := range spansOf[is] {
			marked.WriteString(nodeText(s))
		}
		want := string(sources[d.Path][d.Start:d.End])
		if marked.Len() == 0 {
			// A finding on markup (a link's destination) is marked by its
			// reference alone, placed right after the markup.
			prev := ref.PrevSibling
			for prev != nil && (prev.Type != html.ElementNode || hasClass(prev, "c")) {
				prev = prev.PrevSibling
			}
			if href, _ := attr(prev, "href"); prev == nil || prev.Data != "a" || !strings.HasSuffix(href, want) {
				t.Errorf("finding %d (%s): nothing marked for %q, and its reference follows no link to it", i, d.Rule, want)
			}
			continue
		}
		if got := spaces.ReplaceAllString(marked.String(), " "); got != spaces.ReplaceAllString(want, " ") {
			t.Errorf("finding %d (%s): marked %q, want %q", i, d.Rule, got, want)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestHTMLEveryFindingAnchored(t *testing.T) {
	chdirRoot(t)
	out, res, sources := exampleReport(t, exampleDrafts, map[string]string{"testdata/drafts/tricky.md": trickyDraft})
	if len(res.Diagnostics) < 40 {
		t.Fatalf("only %d findings", len(res.Diagnostics))
	}
	checkAnchored(t, page(t, out), res, sources)
}

// trickyDraft holds what a renderer can get wrong: a byte order mark and
// front matter before the text, findings in a table cell, a footnote,
// a link's destination and a link definition, raw HTML that must not run,
// a remote image that must not load and a javascript: link.
const trickyDraft = "\ufeff---\ntitle: Tricky\n---\n\n" +
	"# Library hours TK\n\n" +
	"A figure of 45% here, a [dead link](missing-file.md) and a [reference link][gone].\n\n" +
	"| Year | Count |\n|------|-------|\n| 2024 | 3,000 visitors |\n\n" +
	"A claim with a footnote.[^a] Raw <script>document.title=\"pwned\"</script> and " +
	"<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">.\n\n" +
	"<script>document.body.setAttribute(\"data-pwned\", \"2\")</script>\n\n" +
	"![remote image](http://example.com/i.png) and [a script](javascript:alert(1)).\n\n" +
	"Experts say the tide is rising,\r\nand the fishing fleet shrank by a\r\nthird over the decade.\r\n\n" +
	"[^a]: The note says 12% more [citation needed].\n\n" +
	"[gone]: another-missing.md\n"

// corpusDirs are where the 2,081-post corpus may be, from this package:
// beside the repository (../shared), or beside the folder of worktrees.
var corpusDirs = []string{
	filepath.Join("..", "..", "shared", "corpora", "digitalgov"),
	filepath.Join("..", "..", "..", "shared", "corpora", "digitalgov"),
}

// corpusReport checks the corpus offline and returns the HTML formatter's
// input: the result and the options, with an inventory from the findings.
func corpusReport(tb testing.TB) (*lint.Result, Options) {
	tb.Helper()
	var entries []os.DirEntry
	var corpusDir string
	for _, corpusDir = range corpusDirs {
		var err error
		if entries, err = os.ReadDir(corpusDir); err == nil {
			break
		}
	}
	if len(entries) == 0 {
		tb.Skipf("no corpus in %s", strings.Join(corpusDirs, " or "))
	}
	var paths []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".md") {
			paths = append(paths, filepath.Join(corpusDir, e.Name()))
		}
	}
	res, sources := offlineCheck(tb, paths, nil)
	return res, Options{Rules: rules.All(), Files: paths, Inventory: inventoryFromFindings(res, sources, nil)}
}

// BenchmarkHTMLCorpus formats the report of the 2,081-post corpus, every
// draft rendered: go test -run '^$' -bench HTMLCorpus ./report
func BenchmarkHTMLCorpus(b *testing.B) {
	res, o := corpusReport(b)
	f := &HTML{Options: o}
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := f.Format(&buf, res); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/1e6, "MB/report")
}

// themeColours reads the colour custom properties of the stylesheet's
// light theme (:root) and dark theme (the prefers-color-scheme block).
func themeColours(t *testing.T) (light, dark map[string]string) {
	t.Helper()
	darkAt := strings.Index(reportCSS, "@media (prefers-color-scheme: dark)")
	if darkAt < 0 {
		t.Fatal("the stylesheet has no dark theme")
	}
	prop := regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-f]{6});`)
	read := func(s string) map[string]string {
		m := map[string]string{}
		for _, p := range prop.FindAllStringSubmatch(s, -1) {
			m[p[1]] = p[2]
		}
		return m
	}
	end := strings.Index(reportCSS[darkAt:], "\n}\n")
	return read(reportCSS[:darkAt]), read(reportCSS[darkAt : darkAt+end])
}

// contrast is the WCAG 2 contrast ratio of two "#rrggbb" colours.
func contrast(a, b string) float64 {
	lum := func(hex string) float64 {
		var rgb [3]float64
		for i := range rgb {
			v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
			c := float64(v) / 255
			if c <= 0.04045 {
				rgb[i] = c / 12.92
			} else {
				rgb[i] = math.Pow((c+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestHTMLContrast checks that every pair of text and background colours
// the page uses meets WCAG AA (4.5:1) in both themes.
func TestHTMLContrast(t *testing.T) {
	if r := contrast("#777777", "#ffffff"); r < 4.47 || r > 4.49 {
		t.Fatalf("contrast(#777, #fff) = %.3f, want 4.48", r)
	}
	light, dark := themeColours(t)
	var pairs [][2]string
	for _, bg := range []string{"bg", "panel", "note", "current"} {
		for _, fg := range []string{"fg", "muted", "link", "error", "warning", "info"} {
			pairs = append(pairs, [2]string{fg, bg})
		}
	}
	for _, st := range statusStyles {
		// Text in a highlight, and a link in one (a cited link's text).
		pairs = append(pairs, [2]string{"fg", "st-" + st.class}, [2]string{"link", "st-" + st.class})
	}
	for name, theme := range map[string]map[string]string{"light": light, "dark": dark} {
		for _, p := range pairs {
			fg, bg := theme[p[0]], theme[p[1]]
			if fg == "" || bg == "" {
				t.Errorf("%s theme: no colour for --%s or --%s", name, p[0], p[1])
				continue
			}
			if r := contrast(fg, bg); r < 4.5 {
				t.Errorf("%s theme: --%s %s on --%s %s has contrast %.2f, under 4.5", name, p[0], fg, p[1], bg, r)
			}
		}
	}
}

// TestHTMLContentSecurityPolicy checks the policy in the page: the page's
// own stylesheet and script allowed by hash, nothing else, and no inline
// script or style anywhere else in the page.
func TestHTMLContentSecurityPolicy(t *testing.T) {
	res, o := fixture(t)
	doc := page(t, render(t, "html", o, res))
	metas := find(doc, func(n *html.Node) bool {
		v, _ := attr(n, "http-equiv")
		return n.Data == "meta" && v == "Content-Security-Policy"
	})
	if len(metas) != 1 {
		t.Fatalf("%d policy meta tags", len(metas))
	}
	if metas[0].Parent.Data != "head" || metas[0].PrevSibling == nil {
		t.Fatal("the policy is not in the head")
	}
	csp, _ := attr(metas[0], "content")
	sum := func(s string) string {
		h := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'"
	}
	scripts := find(doc, func(n *html.Node) bool { return n.Data == "script" })
	styles := find(doc, func(n *html.Node) bool { return n.Data == "style" })
	if len(scripts) != 1 || len(styles) != 1 {
		t.Fatalf("%d scripts and %d stylesheets, want one each", len(scripts), len(styles))
	}
	want := "default-src 'none'; style-src " + sum(nodeText(styles[0])) + "; script-src " + sum(nodeText(scripts[0])) + "; base-uri 'none'; form-action 'none'"
	if csp != want {
		t.Errorf("policy\n%s\nwant\n%s", csp, want)
	}
	for _, n := range find(doc, func(*html.Node) bool { return true }) {
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "style" || a.Key == "src" {
				t.Errorf("<%s %s=%q>: an inline handler, style or load", n.Data, a.Key, a.Val)
			}
		}
	}
}

// TestHTMLOverlapBounded gives one word a thousand findings: each piece of
// text is wrapped in at most MaxOverlap highlights, and every finding
// still has its reference and note.
func TestHTMLOverlapBounded(t *testing.T) {
	src := "Before the word TK and after.\n"
	at := strings.Index(src, "TK")
	res := &lint.Result{Files: 1}
	for i := range 1000 {
		res.Diagnostics = append(res.Diagnostics, lint.Diagnostic{Path: "a.md", Rule: "r", Severity: lint.Warning,
			Message: "finding " + strconv.Itoa(i), Start: at - i%10, End: at + 2 + i%7, Pos: lint.Position{Line: 1, Column: at + 1}})
	}
	o := Options{MaxOverlap: 3, Inventory: []claims.File{{Path: "a.md", Source: []byte(src)}}}
	out := render(t, "html", o, res)
	doc := page(t, out)
	for _, s := range find(doc, func(n *html.Node) bool { return hasClass(n, "fs") }) {
		depth := 0
		for p := s; p != nil; p = p.Parent {
			if hasClass(p, "fs") {
				depth++
			}
		}
		if depth > 3 {
			t.Fatalf("a piece of text is in %d highlights, over the bound of 3", depth)
		}
	}
	refs := find(doc, func(n *html.Node) bool { return hasClass(n, "fref") })
	notes := find(doc, func(n *html.Node) bool { return hasClass(n, "note") })
	if len(refs) != 1000 || len(notes) != 1000 {
		t.Errorf("%d references and %d notes, want 1000 each", len(refs), len(notes))
	}
	for _, r := range refs {
		if p := r.Parent; p.Data != "p" {
			t.Fatalf("a reference is in a <%s>, not in the paragraph of its text", p.Data)
		}
	}
	if len(out) > 1<<20 {
		t.Errorf("the page is %d bytes", len(out))
	}
}

// TestHTMLWithoutInventory lists findings with their lines when the
// draft's source is not given.
func TestHTMLWithoutInventory(t *testing.T) {
	res, o := fixture(t)
	doc := page(t, render(t, "html", o, res))
	if drafts := find(doc, func(n *html.Node) bool { return n.Data == "p" && n.Parent != nil && hasClass(n.Parent, "draft") }); len(drafts) != 0 {
		t.Errorf("%d paragraphs of a draft rendered without its source", len(drafts))
	}
	sources := map[string][]byte{"docs/a, b:c.md": []byte(draft)}
	byID := map[string]bool{}
	for _, n := range find(doc, func(n *html.Node) bool { return true }) {
		if id, ok := attr(n, "id"); ok {
			byID[id] = true
		}
	}
	for i, d := range res.Diagnostics {
		if !byID["f"+strconv.Itoa(i)] || !byID["n"+strconv.Itoa(i)] {
			t.Errorf("finding %d (%s): no reference or note", i, d.Rule)
		}
		var marked string
		for _, s := range find(doc, func(n *html.Node) bool { v, _ := attr(n, "data-f"); return hasClass(n, "fs") && v == strconv.Itoa(i) }) {
			marked += nodeText(s)
		}
		want := string(sources[d.Path][d.Start:d.End])
		if d.EndPos.Line != d.Pos.Line {
			want = want[:strings.IndexByte(want, '\n')] // the snippet is one line
		}
		if marked != want {
			t.Errorf("finding %d: marked %q, want %q", i, marked, want)
		}
	}
}
