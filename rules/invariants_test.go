package rules

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/citelint/citelint/internal/markdownspec"
	"github.com/citelint/citelint/lint"
)

// corpusDir holds real blog posts for benchmarks and noise reviews:
// $CITELINT_DIGITALGOV, or ../shared/corpora/digitalgov beside the module
// root. It is not part of the repository; tests and benchmarks that need
// it skip without it.
func corpusDir() string {
	if d := os.Getenv("CITELINT_DIGITALGOV"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "corpora", "digitalgov")
}

// corpus reads every Markdown file of the corpus, or skips.
func corpus(tb testing.TB) map[string][]byte {
	tb.Helper()
	dir := corpusDir()
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(paths) == 0 {
		tb.Skipf("corpus not found at %s", dir)
	}
	files := make(map[string][]byte, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		files[filepath.Base(p)] = b
	}
	return files
}

// offlineRunner runs every rule with its defaults and no link checker
// results, as "citelint --offline" does with an empty cache: the link
// rules check relative links and anchors only.
func offlineRunner(tb testing.TB) *lint.Runner {
	tb.Helper()
	active, err := lint.Configure(All(), nil, lint.Selection{})
	if err != nil {
		tb.Fatal(err)
	}
	return &lint.Runner{Rules: active, Known: Known, Jobs: 1}
}

// checkInvariants runs every offline rule over src and verifies what the
// document model and every diagnostic must satisfy, whatever the input
// (see documentInvariants and diagnosticsInvariants). It returns the
// diagnostics.
func checkInvariants(t testing.TB, r *lint.Runner, name string, src []byte) []lint.Diagnostic {
	t.Helper()
	diags, err := checkDocument(r, src, lint.FormatOf(name))
	if refused(err) {
		return nil
	}
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return diags
}

func TestCorpusInvariants(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus run skipped in -short mode")
	}
	files := corpus(t)
	r := offlineRunner(t)
	n := 0
	for name, src := range files {
		n += len(checkInvariants(t, r, name, src))
	}
	t.Logf("%d files, %d diagnostics", len(files), n)
}

// nasty is Markdown that has broken parsers and position mapping.
var nasty = []string{
	"",
	"\ufeff",
	"\r\n\r\n",
	"a\rb\rc TK",
	strings.Repeat(">", 5000) + " deep TK",
	strings.Repeat("- ", 60) + "TK",
	strings.Repeat("  ", 30) + "- [citation needed]",
	"| a | b |\n|---|---|\n" + strings.Repeat("| 1 TK | \"2\" |\n", 2000),
	strings.Repeat("*", 3000) + "TK" + strings.Repeat("_", 3000),
	strings.Repeat("[", 3000) + "TK" + strings.Repeat("]", 3000),
	strings.Repeat("`", 1000) + "TK",
	"[unclosed](http://x.y \"title\nTK",
	"<!-- citelint-disable\nTK\n",
	"<!-- citelint-disable-next-line -->",
	"***\n---\ntitle: x\n---\n",
	"---\ntitle: TK\n",
	"[^1]\n\n[^1]: TK [^1]\n",
	"[a]: <\n[a]\n",
	"&#x0; &#xFFFFFFFF; &amp TK",
	"\\" + strings.Repeat("\\", 500),
	"“" + strings.Repeat("‘", 200) + "TK" + strings.Repeat("”", 200),
	strings.Repeat("\"TK\" ", 500),
	strings.Repeat("In 2020 it cost $45 and 45% of 300 people said \"yes, TK\". ", 300),
	"1. a\n   2. b\n      3. [citation needed]\n",
	"<div>\n\nTK\n\n</div>\n",
	"https://example.com/TK_(x) www.TK.com TK@example.com",
	"Mr. TK. Dr. TK! U.S. TK? e.g. TK...",
	strings.Repeat("日本語\t", 500) + "TK",
}

// FuzzCheck runs every offline rule over any input, as Markdown or as
// plain text, and checks the document model and every diagnostic (see
// checkDocument). Input with no carriage return and no byte order mark
// is also checked with CRLF line endings and behind a byte order mark,
// which must yield the same findings. The seeds are the inputs that
// have broken parsers before and every CommonMark and GFM example.
func FuzzCheck(f *testing.F) {
	for _, s := range nasty {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	if examples, err := markdownspec.Examples(); err == nil {
		for _, ex := range examples {
			f.Add([]byte(ex.Markdown), false)
		}
	} else {
		f.Logf("seeding without the CommonMark and GFM examples: %v", err)
	}
	r := offlineRunner(f)
	f.Fuzz(func(t *testing.T, src []byte, plain bool) {
		format := lint.Markdown
		if plain {
			format = lint.PlainText
		}
		if bytes.IndexByte(src, '\r') >= 0 || bytes.HasPrefix(src, []byte("\ufeff")) {
			if _, err := checkDocument(r, src, format); err != nil && !refused(err) {
				t.Fatal(err)
			}
			return
		}
		if _, err := checkSpellings(r, src, format); err != nil && !refused(err) {
			t.Fatal(err)
		}
	})
}

// TestHostileInputs runs every offline rule over inputs built to find
// quadratic corners, and bounds each by time. The bound is loose enough
// for the race detector; a quadratic path would take minutes.
func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("hostile inputs skipped in -short mode")
	}
	figures := make([]string, 0, 100000)
	for i := range 100000 {
		figures = append(figures, fmt.Sprintf("The county spent $%03d million on repairs last year.", i%900+100))
	}
	tests := []struct {
		name  string
		src   string
		diags int // -1: any number
	}{
		{"100,000 placeholders on one line", strings.Repeat("TK ", 100000) + "\n", 100000},
		{"5 MB paragraph of 100,000 figures", strings.Join(figures, " ") + "\n", 100000},
		{"64-deep blockquote, the limit", strings.Repeat(">", lint.MaxListDepth) + " deep TK\n", 1},
		// Deeper is refused before parsing (NestingError): the parser's
		// time grows with the square of a line's block-quote depth.
		{"20,000-deep blockquote", strings.Repeat(">", 20000) + " deep TK\n", 0},
		{"100,000-row table", "| a | b |\n|---|---|\n" + strings.Repeat("| 1 TK | 2 |\n", 100000), 100000},
		{"100,000 straight quotation marks", strings.Repeat(`"`, 100000) + "\n", -1},
		{"50,000 curly quotation marks", strings.Repeat("“ ‘", 50000) + "\n", -1},
		{"straight and curly marks in one paragraph", strings.Repeat(`"`, 100000) + "\n" + strings.Repeat("“ ‘", 50000) + "\n", -1},
		{"50,000 quotations", strings.Repeat(`"We will not accept these terms at all." `, 50000) + "\n", -1},
		{"one sentence of 100,000 figures", strings.Repeat("45% and ", 100000) + "\n", 100000},
		{"one sentence of 25,000 vague sources", strings.Repeat("studies show that experts say ", 25000) + "\n", 50000}, // both attributions of each repeat
		// Each "and said" speaks for the clause's subject: its start and its
		// content's end were searched from every cue (minutes when quadratic).
		{"one sentence of 200,000 coordinated cues", "Trump " + strings.Repeat("took the stage and said ", 200000) + "\n", 0},
		{"one sentence of 100,000 quoted words", strings.Repeat(`"we said it" she said and `, 50000) + "\n", -1},
		{"100,000 links", strings.Repeat("[a](https://example.com/x) ", 100000) + "\n", 0},
		{"100,000 emphasis runs", strings.Repeat("*a* _b_ ", 100000) + "\n", 0},
		{"10,000 suppression regions and 100,000 findings",
			strings.Repeat("<!-- citelint-disable citation-needed-marker -->\n\nTK\n\n<!-- citelint-enable citation-needed-marker -->\n\n", 10000) +
				strings.Repeat("TK ", 100000) + "\n", 100000},
		{"20,000 identical headings", strings.Repeat("## Results\n\n", 20000) + "[last](#results-19999) and [none](#results-20000)\n", 1},
		{"50,000 sentences that refer back", strings.Repeat("About 40,000 people came, the Census Bureau said. This figure rose. ", 25000) + "\n", 0},
		{"10,000 footnotes", strings.Repeat("A claim.[^n]\n\n", 10000) + "[^n]: The source.\n", 0},
		{"50,000 reference links", strings.Repeat("[a][r] ", 50000) + "\n\n[r]: #missing\n", 1},
		// Each figure after "must" was once checked for a bound against
		// the whole text before it; each fragment quote for a third person
		// against its whole sentence; each vague lead-in against every link.
		{"50,000 figures after a requirement", "Teams must reach " + strings.Repeat("40 sites and ", 50000) + "more.\n", 50000},
		{"one sentence of 50,000 quoted fragments", strings.Repeat("he will “be the best one.” and ", 50000) + "\n", -1},
		// Each quotation searched its whole block for <cite> and <sup>,
		// and every citation of it.
		{"one sentence of 50,000 unattributed quotations", strings.Repeat("she will “be the best one in the whole town” and ", 50000) + "\n", 50000},
		{"50,000 vague attributions and links", strings.Repeat("studies show that [a rise](https://example.com/x) and ", 50000) + "\n", -1},
		// Each sentence opening on a count was once checked for being its
		// whole block by trimming the rest of the block.
		{"100,000 sentences that open on a count", strings.Repeat("6 Apples grew. ", 100000) + "\n", 0},
		{"100,000 owned forecasts", "The IMF met. " + strings.Repeat("It raised its forecast to 4 percent. ", 100000) + "\n", 0},
		// Each owned remark before a quotation is read for the verb that
		// makes it the quotation's subject; each colon lead-in for someone.
		{"one sentence of 50,000 owned remarks", strings.Repeat("Ruiz's remarks and ", 50000) + "his words were “a sign that the quay will close this winter.”\n", 0},
		// Each quotation read the text up to every template link after it
		// for a break (cubic in a paragraph with no stop); each asked
		// whether its paragraph's unclosed "**" opened a speaker's label.
		{"one sentence of 4,000 quotations each before a template link",
			strings.Repeat(`“alpha beta gamma delta epsilon” [x]({{< ref "y" >}}) , `, 4000) + "\n", -1},
		{"an unclosed bold label before 50,000 quotations",
			"** " + strings.Repeat(`The plan was "a total failure of the whole team here." Then more. `, 50000) + "\n", -1},
		// Each vague "call" lowered the whole paragraph before it to ask
		// whether "what" came last; each list item ending in a colon read
		// every item after it for a citation.
		{"100,000 vague sources that call", strings.Repeat("Experts call it a crisis. ", 100000) + "\n", 100000},
		{"200,000 list items that end in a colon before a cited one",
			strings.Repeat("- Experts say that these matter:\n", 200000) + "- [a report](https://example.com/r)\n", 0},
		// Each "and said" took the first "Authorities" as its source, and
		// its finding spanned the sentence up to it: message and excerpt
		// grew with the sentence (4,000 repeats: 45 s, 3.4 GB).
		{"one sentence of 10,000 coordinated vague cues",
			strings.Repeat("Authorities announced on Friday the arrest of a man and said the road would reopen and ", 10000) + "end.\n", 19999},
		{"one sentence of 50,000 colon lead-ins", strings.Repeat("and then a long time later there was this: “the quay will close this winter for good” ", 50000) + "\n", -1},
	}
	r := offlineRunner(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			diags := checkInvariants(t, r, "hostile.md", []byte(tt.src))
			if took := time.Since(start); took > 60*time.Second {
				t.Errorf("took %v", took)
			}
			if tt.diags >= 0 && len(diags) != tt.diags {
				t.Errorf("%d diagnostics, want %d", len(diags), tt.diags)
			}
		})
	}
}
