package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citelint/citelint/check"
	"github.com/citelint/citelint/lint"
)

// Rule IDs of the source checks: does the cited page hold the figure or
// the quotation?
const (
	UnsupportedFigure = "unsupported-figure"
	Misquoted         = "misquoted"
)

// SourceSets are the (claim, source) pair sets, as corpus:split.
// heldout2 is a second held-out set, labelled after heldout had been
// scored (eval/labels/sourcecheck/pairs2.jsonl), and heldout3 a third,
// labelled after heldout2 had been (pairs3.jsonl), heldout4 a fourth
// (pairs4.jsonl), whose written paragraphs cite public-domain pages that
// scripts/sources4.sh materialises outside the repository, and heldout5 a
// fifth (pairs5.jsonl): 18F paragraphs citing other 18F posts, which
// scripts/sources5.sh materialises, and heldout6 a sixth (pairs6.jsonl):
// digitalgov and 18F paragraphs citing posts of their own site
// (scripts/sources6.sh), and heldout7 a seventh (pairs7.jsonl): written
// paragraphs citing 18F posts (scripts/sources7.sh), and heldout8 to
// heldout10 an eighth to a tenth, made the same way (scripts/sources8.sh
// to scripts/sources10.sh), and heldout11 an eleventh: written paragraphs
// citing digitalgov posts (scripts/sources11.sh copies them from the
// corpus), and heldout12 a twelfth, made the same way
// (scripts/sources12.sh).
var SourceSets = []string{"sourcecheck:tune", "sourcecheck:heldout", "sourcecheck:heldout2", "sourcecheck:heldout3", "sourcecheck:heldout4", "sourcecheck:heldout5", "sourcecheck:heldout6", "sourcecheck:heldout7", "sourcecheck:heldout8", "sourcecheck:heldout9", "sourcecheck:heldout10", "sourcecheck:heldout11", "sourcecheck:heldout12"}

// Pair is one labelled (claim, source) pair of
// eval/labels/sourcecheck/pairs.jsonl: a paragraph of a real post (its
// figure or quotation altered in a copy for some pairs), the claim in it
// and the post it cites, with a labeller's verdict on whether the source
// holds the claim.
type Pair struct {
	ID         string `json:"id"`
	Split      string `json:"split"`
	Kind       string `json:"kind"`
	Citing     string `json:"citing"`
	Paragraph  string `json:"paragraph"`
	Claim      string `json:"claim"`
	SourceURL  string `json:"source_url"`
	SourceFile string `json:"source_file"`
	Label      string `json:"label"`
	Altered    string `json:"altered"`
	Evidence   string `json:"evidence"`
	Note       string `json:"note"`
}

// pairFiles are the pair files, in eval/labels/sourcecheck.
var pairFiles = []string{"pairs.jsonl", "pairs2.jsonl", "pairs3.jsonl", "pairs4.jsonl", "pairs5.jsonl", "pairs6.jsonl", "pairs7.jsonl", "pairs8.jsonl", "pairs9.jsonl", "pairs10.jsonl", "pairs11.jsonl", "pairs12.jsonl"}

// LoadPairs reads the pairs of one split ("tune", "heldout", "heldout2" to
// "heldout11", or "" for all) from every pair file.
func LoadPairs(split string) ([]Pair, error) {
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	var out []Pair
	for _, name := range pairFiles {
		b, err := readBounded(filepath.Join(root, "eval", "labels", "sourcecheck", name))
		if errors.Is(err, fs.ErrNotExist) && name != pairFiles[0] {
			continue // a checkout from before the second set
		}
		if err != nil {
			return nil, err
		}
		ps, err := parsePairs(name, b)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			if split == "" || p.Split == split {
				out = append(out, p)
			}
		}
	}
	return out, nil
}

// parsePairs reads one pair file.
func parsePairs(name string, b []byte) ([]Pair, error) {
	var out []Pair
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var p Pair
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if p.Kind != "figure" && p.Kind != "quotation" || p.Label != "supported" && p.Label != "unsupported" {
			return nil, fmt.Errorf("%s:%d (%s): kind %q, label %q: want figure|quotation and supported|unsupported", name, n, p.ID, p.Kind, p.Label)
		}
		if !strings.Contains(p.Paragraph, p.Claim) || !strings.Contains(p.Paragraph, p.SourceURL) {
			return nil, fmt.Errorf("%s:%d (%s): the paragraph holds not both the claim and the source URL", name, n, p.ID)
		}
		out = append(out, p)
	}
	return out, sc.Err()
}

// PairOutcome is what the source checks said of one pair.
type PairOutcome struct {
	Pair
	// Reported is true when a warning of the pair's rule covers its claim:
	// the check calls it unsupported.
	Reported bool
	// Unverifiable is true when the rule said instead that it could not
	// read the source.
	Unverifiable bool
	Messages     []string
	// Otherwise names the sourcing rule (uncited-number,
	// unattributed-quote) that flags the claim when the source check does
	// not: its sentence cites nothing, so there is no source to check.
	Otherwise string
}

// SourceScore is the score of one pair set.
type SourceScore struct {
	Set                 string
	Outcomes            []PairOutcome
	TP, FP, FN, TN, Unv int
	FigureTP, FigureFP  int
	FigureFN, QuoteTP   int
	QuoteFP, QuoteFN    int
	Figures, Quotations int
	// FNOtherwise counts the false negatives another sourcing rule flags.
	FNOtherwise int
}

// ScoreSources checks every pair of a split as a draft of its own, its
// link pointing at the cited post served from the corpus folder on a
// local server (as text/markdown, the corpus's own form), and scores the
// findings of unsupported-figure and misquoted against the labels: a
// positive is a pair labelled unsupported.
func ScoreSources(ctx context.Context, split string) (*SourceScore, error) {
	corpus, err := DigitalgovDir()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(corpus); err != nil {
		return nil, fmt.Errorf("the digitalgov corpus is not at %s (set CITELINT_DIGITALGOV): %w", corpus, err)
	}
	pairs, err := LoadPairs(split)
	if err != nil {
		return nil, err
	}
	if len(pairs) == 0 {
		return nil, fmt.Errorf("no pairs in split %q", split)
	}
	// A written paragraph (no citing post) cites a page materialised in
	// the sources folder; the others cite a corpus post.
	sources := ""
	for _, p := range pairs {
		if p.Citing == "" && sources == "" {
			if sources, err = SourcesDir(); err != nil {
				return nil, err
			}
			if _, err := os.Stat(sources); err != nil {
				return nil, fmt.Errorf("%s cites a page outside the corpus, and the sources folder is not at %s (run each scripts/sources*.sh, or set CITELINT_SOURCES): %w", p.ID, sources, err)
			}
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var file string
		if rest, ok := strings.CutPrefix(r.URL.Path, "/s/"); ok && sources != "" && !strings.Contains(rest, "..") {
			file = filepath.Join(sources, filepath.FromSlash(rest))
		} else {
			file = filepath.Join(corpus, path.Base(r.URL.Path))
		}
		b, err := readBounded(file)
		if err != nil || strings.Contains(r.URL.Path, "..") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		_, _ = io.Copy(w, bytes.NewReader(b))
	}))
	defer srv.Close()

	dir, err := os.MkdirTemp("", "citelint-sourcecheck-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	cfgPath := filepath.Join(dir, ".citelint.yml")
	if err := os.WriteFile(cfgPath, []byte("links:\n  cache: off\n"), 0o600); err != nil {
		return nil, err
	}
	docs := make([]check.Source, len(pairs))
	claimAt := make([][][2]int, len(pairs))
	for i, p := range pairs {
		local := srv.URL + "/f/" + p.SourceFile
		if p.Citing == "" {
			local = srv.URL + "/s/" + p.SourceFile
		}
		text := strings.ReplaceAll(p.Paragraph, p.SourceURL, local) + "\n"
		claimAt[i] = occurrences(text, p.Claim)
		if len(claimAt[i]) == 0 {
			return nil, fmt.Errorf("%s: the claim %q is lost when the link is pointed at the local server", p.ID, p.Claim)
		}
		docs[i] = check.Source{Path: p.ID + ".md", Text: []byte(text)}
	}
	res, err := check.Check(ctx, check.Options{
		Documents:    docs,
		ConfigPath:   cfgPath,
		Enable:       []string{UnsupportedFigure, Misquoted},
		Links:        check.LinksOnline,
		AllowPrivate: true,
		Jobs:         1,
	})
	if err != nil {
		return nil, err
	}
	if len(res.Errors) > 0 {
		return nil, fmt.Errorf("%s: %w", res.Errors[0].Path, res.Errors[0].Err)
	}
	byDoc := map[string][]lint.Diagnostic{}
	for _, d := range res.Diagnostics {
		byDoc[d.Path] = append(byDoc[d.Path], d)
	}
	s := &SourceScore{Set: "sourcecheck:" + split}
	for i, p := range pairs {
		rule := UnsupportedFigure
		if p.Kind == "quotation" {
			rule = Misquoted
			s.Quotations++
		} else {
			s.Figures++
		}
		o := PairOutcome{Pair: p}
		other := UncitedNumber
		if p.Kind == "quotation" {
			other = UnattributedQuote
		}
		for _, d := range byDoc[p.ID+".md"] {
			if d.Rule == other && slices.ContainsFunc(claimAt[i], func(at [2]int) bool { return d.Start < at[1] && at[0] < d.End }) {
				o.Otherwise = other
			}
			if d.Rule != rule || !slices.ContainsFunc(claimAt[i], func(at [2]int) bool { return d.Start < at[1] && at[0] < d.End }) {
				continue
			}
			o.Messages = append(o.Messages, d.Message)
			if d.Severity >= lint.Warning {
				o.Reported = true
			} else {
				o.Unverifiable = true
			}
		}
		s.Outcomes = append(s.Outcomes, o)
		positive := p.Label == "unsupported"
		switch {
		case o.Unverifiable && !o.Reported:
			s.Unv++
			if positive {
				s.FN++
				s.tally(p.Kind, "fn")
			} else {
				s.TN++
			}
		case o.Reported && positive:
			s.TP++
			s.tally(p.Kind, "tp")
		case o.Reported:
			s.FP++
			s.tally(p.Kind, "fp")
		case positive:
			s.FN++
			s.tally(p.Kind, "fn")
			if o.Otherwise != "" {
				s.FNOtherwise++
			}
		default:
			s.TN++
		}
	}
	return s, nil
}

// occurrences returns the spans of claim in text that stand as whole
// tokens: a label gives the claim's text, not its place, and "400" must
// not be found inside "4000". A claim written twice is found twice, and a
// finding on either counts.
func occurrences(text, claim string) [][2]int {
	var out [][2]int
	for from := 0; ; {
		i := strings.Index(text[from:], claim)
		if i < 0 {
			return out
		}
		at := from + i
		end := at + len(claim)
		before, _ := utf8.DecodeLastRuneInString(text[:at])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if !isAlnum(before) && !isAlnum(after) {
			out = append(out, [2]int{at, end})
		}
		from = at + 1
	}
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func (s *SourceScore) tally(kind, what string) {
	fig := kind == "figure"
	switch {
	case fig && what == "tp":
		s.FigureTP++
	case fig && what == "fp":
		s.FigureFP++
	case fig:
		s.FigureFN++
	case what == "tp":
		s.QuoteTP++
	case what == "fp":
		s.QuoteFP++
	default:
		s.QuoteFN++
	}
}

// PrintSources writes a pair set's score; verbose lists every wrong call.
func PrintSources(w io.Writer, s *SourceScore, verbose bool) {
	fmt.Fprintf(w, "== %s ==\n", s.Set)
	fmt.Fprintf(w, "pairs: %d (%d figures, %d quotations); positive = labelled unsupported\n", len(s.Outcomes), s.Figures, s.Quotations)
	fmt.Fprintf(w, "all:        TP %d  FP %d  FN %d  TN %d  precision %s  recall %s  (unverifiable: %d)\n", s.TP, s.FP, s.FN, s.TN, share(s.TP, s.TP+s.FP), share(s.TP, s.TP+s.FN), s.Unv)
	fmt.Fprintf(w, "missed but flagged as having no source by uncited-number or unattributed-quote: %d of %d\n", s.FNOtherwise, s.FN)
	fmt.Fprintf(w, "figures:    TP %d  FP %d  FN %d  precision %s  recall %s\n", s.FigureTP, s.FigureFP, s.FigureFN, share(s.FigureTP, s.FigureTP+s.FigureFP), share(s.FigureTP, s.FigureTP+s.FigureFN))
	fmt.Fprintf(w, "quotations: TP %d  FP %d  FN %d  precision %s  recall %s\n", s.QuoteTP, s.QuoteFP, s.QuoteFN, share(s.QuoteTP, s.QuoteTP+s.QuoteFP), share(s.QuoteTP, s.QuoteTP+s.QuoteFN))
	if !verbose {
		return
	}
	for _, o := range s.Outcomes {
		positive := o.Label == "unsupported"
		if o.Reported == positive && !o.Unverifiable {
			continue
		}
		what := "missed"
		switch {
		case o.Reported:
			what = "false alarm"
		case o.Unverifiable:
			what = "unverifiable"
		}
		if o.Otherwise != "" {
			what += " (" + o.Otherwise + " flags it)"
		}
		fmt.Fprintf(w, "  %s %s (%s, %s %q): %s\n", what, o.ID, o.Kind, o.Label, o.Claim, strings.Join(o.Messages, " | "))
	}
}

// share formats a/b to three places, or "-" when b is 0.
func share(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", float64(a)/float64(b))
}
