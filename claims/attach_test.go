package claims

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/citelint/citelint/lint"
)

// naiveHolder is Attach's choice of row written the plain way, a search of
// every row for every finding: the narrowest row holding the finding, the
// first of equals; for a vague-source finding with none, the first vague
// figure of its sentence.
func naiveHolder(cs []Claim, d lint.Diagnostic) int {
	best := -1
	if d.Rule != lint.TooManyFindings {
		for i := range cs {
			c := &cs[i]
			if c.Start <= d.Start && d.End <= c.End && (best < 0 || c.End-c.Start < cs[best].End-cs[best].Start) {
				best = i
			}
		}
	}
	if best < 0 && d.Rule == vagueSourceRule {
		best = slices.IndexFunc(cs, func(c Claim) bool {
			return c.Kind == Figure && c.Status == VagueSource && c.SentenceStart <= d.Start && d.End <= c.SentenceEnd
		})
	}
	return best
}

// TestAttachMatchesNaive checks the sweep Attach uses against the plain
// search on random files: rows nested and overlapping, in sentences that
// do not overlap, and findings of every kind, empty ones included.
func TestAttachMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(20261207, 10))
	kinds := []Kind{Figure, Quotation, Link}
	rules := []string{"uncited-number", vagueSourceRule, "unattributed-quote", lint.TooManyFindings}
	for range 500 {
		var cs []Claim
		for s := 0; s < 200; s += 10 + r.IntN(30) { // sentences [s, s+9)
			for range r.IntN(5) {
				a := s + r.IntN(9)
				b := a + r.IntN(s+10-a)
				st := Unsourced
				if r.IntN(2) == 0 {
					st = VagueSource
				}
				cs = append(cs, Claim{Kind: kinds[r.IntN(len(kinds))], Start: a, End: b, SentenceStart: s, SentenceEnd: s + 9, Status: st})
			}
		}
		r.Shuffle(len(cs), func(i, j int) { cs[i], cs[j] = cs[j], cs[i] })
		var diags []lint.Diagnostic
		for range r.IntN(30) {
			a := r.IntN(210)
			diags = append(diags, lint.Diagnostic{Rule: rules[r.IntN(len(rules))], Start: a, End: a + r.IntN(8)})
		}
		want := make([]int, len(diags))
		for k, d := range diags {
			want[k] = naiveHolder(cs, d)
		}
		holder, vague := holders(cs, diags), vagueSentences(cs)
		for k, d := range diags {
			got := holder[k]
			if got < 0 && d.Rule == vagueSourceRule {
				got = vague.at(cs, d)
			}
			if got != want[k] {
				t.Fatalf("finding %+v: row %d, want %d (rows %+v)", d, got, want[k], cs)
			}
		}
	}
}

// TestAttachLinear checks that attaching many findings to a file of many
// rows takes time linear in them: 10,000 findings over a line of 400,000
// figures took most of a minute when each finding searched every row.
func TestAttachLinear(t *testing.T) {
	if raceEnabled {
		t.Skip("timing under the race detector grows with memory touched, not with the work")
	}
	elapsed := func(n int) time.Duration {
		cs := make([]Claim, n)
		diags := make([]lint.Diagnostic, 0, n/4)
		for i := range cs {
			cs[i] = Claim{Kind: Figure, Start: 15 * i, End: 15*i + 3, SentenceStart: 0, SentenceEnd: 15 * n, Status: Unsourced}
			if i%4 == 0 {
				diags = append(diags, lint.Diagnostic{Rule: "uncited-number", Start: 15 * i, End: 15*i + 3})
			}
		}
		start := time.Now()
		f := File{Claims: cs}
		f.Attach(diags, nil)
		if got := len(f.Claims[0].Findings); got != 1 {
			t.Fatalf("the first row holds %d findings, want 1", got)
		}
		return time.Since(start)
	}
	// 20 times the rows and findings: linear takes about 20 times as long,
	// quadratic 400 times.
	if ts, tl := elapsed(5_000), elapsed(100_000); tl > 100*ts+20*time.Millisecond {
		t.Errorf("%v for 20x the rows, %v for 1x: not linear", tl, ts)
	}
}
