package claims

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
)

func TestCut(t *testing.T) {
	long := strings.Repeat("é", MaxText+5)
	for _, tt := range []struct{ in, want string }{
		{"45%", "45%"},
		{"  two\nlines\r\n ", "two lines"},
		{long, strings.Repeat("é", MaxText) + "…"},
		{strings.Repeat("a", MaxText), strings.Repeat("a", MaxText)},
	} {
		if got := Cut(tt.in); got != tt.want {
			t.Errorf("Cut(%.20q…) = %.20q… (%d bytes), want %.20q… (%d bytes)", tt.in, got, len(got), tt.want, len(tt.want))
		}
	}
}

// A finding goes to the narrowest row holding it; a vague-source finding
// to the vague figure of its sentence; anything else to a row of its own.
func TestAttachAndKeep(t *testing.T) {
	src := []byte(`"Prices rose 40%," studies show. Opens at TK.`)
	f := File{Path: "a.md", Claims: []Claim{
		{Kind: Quotation, Start: 0, End: 18, SentenceStart: 0, SentenceEnd: 32, Status: Unattributed},
		{Kind: Figure, Start: 13, End: 16, SentenceStart: 0, SentenceEnd: 32, Status: VagueSource},
	}}
	d := func(rule string, start, end int) lint.Diagnostic {
		return lint.Diagnostic{Path: "a.md", Rule: rule, Start: start, End: end, Message: rule, Excerpt: "x"}
	}
	f.Attach([]lint.Diagnostic{
		d("uncited-number", 13, 16),
		d("unattributed-quote", 0, 18),
		d("vague-source", 19, 31),
		d("citation-needed-marker", 42, 44),
		d(lint.TooManyFindings, 13, 13),
	}, src)
	var got []string
	for _, c := range f.Claims {
		row := string(c.Kind) + " " + c.Text + ":"
		for _, d := range c.Findings {
			row += " " + d.Rule
		}
		got = append(got, row)
	}
	want := []string{
		"quotation : unattributed-quote",
		"figure : uncited-number vague-source",
		"other : too-many-findings",
		"other TK: citation-needed-marker",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("rows after Attach:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	f.Keep(func(d lint.Diagnostic) bool { return d.Rule == "vague-source" || d.Rule == "unattributed-quote" })
	got = got[:0]
	for _, c := range f.Claims {
		row := string(c.Kind) + " " + string(c.Status)
		for _, d := range c.Findings {
			row += " " + d.Rule
		}
		got = append(got, row)
	}
	want = []string{"quotation unattributed unattributed-quote", "figure vague-source vague-source"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("rows after Keep:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestWorksheetEscapes(t *testing.T) {
	files := []File{{Path: "a|b.md", Claims: []Claim{{
		Kind: Quotation, Status: Unattributed, Pos: lint.Position{Line: 3, Column: 1}, Text: "=HYPERLINK(1)",
		Sentence: "=HYPERLINK(\"x\") | *bold* <script>", Source: Source{Kind: SourceNone},
	}}}}
	var md bytes.Buffer
	if err := WriteMarkdown(&md, files); err != nil {
		t.Fatal(err)
	}
	wantMD := "| File | Line | Kind | Status | Sentence | Source | Link status | Finding |\n|---|---:|---|---|---|---|---|---|\n" +
		`| a\|b.md | 3 | quotation | unattributed | =HYPERLINK("x") \| \*bold\* \<script\> | none |  |  |` + "\n"
	if md.String() != wantMD {
		t.Errorf("markdown:\n%s\nwant\n%s", md.String(), wantMD)
	}
	var csv bytes.Buffer
	if err := WriteCSV(&csv, files); err != nil {
		t.Fatal(err)
	}
	wantCSV := "file,line,column,kind,status,text,sentence,source_kind,source_text,source_url,link_status,link_reason,findings\r\n" +
		`a|b.md,3,1,quotation,unattributed,'=HYPERLINK(1),"'=HYPERLINK(""x"") | *bold* <script>",none,,,,,` + "\r\n"
	if csv.String() != wantCSV {
		t.Errorf("csv:\n%q\nwant\n%q", csv.String(), wantCSV)
	}
	if err := Write(&csv, "yaml", files); err == nil || err.Error() != `unknown worksheet format "yaml": use markdown, csv, json` {
		t.Errorf("Write yaml: %v", err)
	}
}

// TestAttachNotInSource checks that a source check's warning makes its
// figure or quotation "not in source", while its info finding (the source
// could not be read) and its warning on another kind of row change no
// status.
func TestAttachNotInSource(t *testing.T) {
	src := []byte(`The survey found 45% and "we will not accept it," she said. See [x](https://e.example).`)
	at := func(s string) (int, int) {
		i := bytes.Index(src, []byte(s))
		return i, i + len(s)
	}
	fs, fe := at("45%")
	qs, qe := at(`"we will not accept it,"`)
	ls, le := at("https://e.example")
	f := File{Path: "d.md", Claims: []Claim{
		{Kind: Figure, Start: fs, End: fe, Status: Sourced},
		{Kind: Quotation, Start: qs, End: qe, Status: Sourced},
		{Kind: Link, Start: ls, End: le, Status: Sourced},
	}}
	f.Attach([]lint.Diagnostic{
		{Path: "d.md", Rule: "unsupported-figure", Severity: lint.Warning, Start: fs, End: fe},
		{Path: "d.md", Rule: "misquoted", Severity: lint.Info, Start: qs, End: qe},
		{Path: "d.md", Rule: "misquoted", Severity: lint.Warning, Start: ls, End: le},
	}, src)
	var got []Status
	for _, c := range f.Claims {
		got = append(got, c.Status)
	}
	want := []Status{NotInSource, Sourced, Sourced}
	if !slices.Equal(got, want) {
		t.Errorf("statuses %v, want %v", got, want)
	}
}
