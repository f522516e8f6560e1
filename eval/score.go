package eval

import "slices"

// Span is a byte range [Start, End) of a document.
type Span struct{ Start, End int }

// overlaps reports whether two spans share a byte; an empty span overlaps
// the span holding its position.
func (s Span) overlaps(o Span) bool {
	if s.Start == s.End {
		return o.Start <= s.Start && s.Start < o.End
	}
	if o.Start == o.End {
		return s.Start <= o.Start && o.Start < s.End
	}
	return max(s.Start, o.Start) < min(s.End, o.End)
}

// within reports whether s lies inside o.
func (s Span) within(o Span) bool { return o.Start <= s.Start && s.End <= o.End }

// Finding is one rule finding, as scored.
type Finding struct {
	Span
	Doc     string
	Line    int
	Warning bool // severity warning or above, else info
	Message string
	// Text is the document's bytes under the span, for listings.
	Text string
	// Why says why a false positive is one ("not a claim: date", …).
	Why string
}

// LabelledFigure is a labelled figure prepared for scoring.
type LabelledFigure struct {
	Span
	Doc      string
	Text     string
	Claim    bool
	Positive bool // a claim without a citation in reach: a finding is expected
	Warning  bool // the label's level is warning (only meaningful when Positive)
	Why      string
	// Quoted figures sit inside a quotation: the definition gives them to
	// the quote rule and the labellers disagree on them, so they are left
	// out of the score, and so are findings on them.
	Quoted bool
}

// FigureScore counts uncited-number's findings against figure labels.
// Each finding is a true positive (it overlaps a positive) or a false
// positive (it overlaps only non-positive labels, or no label at all);
// a positive no finding overlaps is a false negative.
type FigureScore struct {
	Positives int // labelled positives scored
	TP, FP    int // findings
	FN        int // positives no finding overlaps
	// LeftOutFigures and LeftOutFindings count figures inside quotations
	// and the findings that overlap only them.
	LeftOutFigures, LeftOutFindings int
	// Unlabelled counts the false positives that overlap no labelled
	// figure at all: they hint at gaps in the labels.
	Unlabelled int
	FPs        []Finding
	FNs        []LabelledFigure
}

// Precision is TP/(TP+FP), or 0 with no findings.
func (s FigureScore) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is the share of positives some finding overlaps.
func (s FigureScore) Recall() float64 { return ratio(s.Positives-s.FN, s.Positives) }

// Add accumulates another document's score.
func (s *FigureScore) Add(o FigureScore) {
	s.Positives += o.Positives
	s.TP += o.TP
	s.FP += o.FP
	s.FN += o.FN
	s.LeftOutFigures += o.LeftOutFigures
	s.LeftOutFindings += o.LeftOutFindings
	s.Unlabelled += o.Unlabelled
	s.FPs = append(s.FPs, o.FPs...)
	s.FNs = append(s.FNs, o.FNs...)
}

// ScoreFigures scores one document's findings against its figure labels.
// With warningOnly, only positives labelled warning and findings at
// warning count: a warning on a figure labelled info is a false positive
// there, as the rule raised it too high.
func ScoreFigures(figs []LabelledFigure, findings []Finding, warningOnly bool) FigureScore {
	var s FigureScore
	positive := func(f LabelledFigure) bool { return f.Positive && (!warningOnly || f.Warning) }
	found := make([]bool, len(figs))
	for _, f := range figs {
		if f.Quoted {
			s.LeftOutFigures++
		} else if positive(f) {
			s.Positives++
		}
	}
	for _, d := range findings {
		if warningOnly && !d.Warning {
			continue
		}
		hit, labelled, quoted := false, false, false
		why := ""
		for i, f := range figs {
			switch {
			case !d.overlaps(f.Span):
			case f.Quoted:
				quoted = true
			case positive(f):
				hit, labelled = true, true
				found[i] = true
			default:
				labelled = true
				if why == "" {
					why = figureWhy(f)
				}
			}
		}
		switch {
		case hit:
			s.TP++
		case !labelled && quoted:
			s.LeftOutFindings++
		default:
			s.FP++
			if !labelled {
				s.Unlabelled++
				why = "no labelled figure here"
			}
			d.Why = why
			s.FPs = append(s.FPs, d)
		}
	}
	for i, f := range figs {
		if !f.Quoted && positive(f) && !found[i] {
			s.FN++
			s.FNs = append(s.FNs, f)
		}
	}
	return s
}

func figureWhy(f LabelledFigure) string {
	switch {
	case f.Positive:
		return "labelled info, reported as warning"
	case f.Claim:
		return "labelled a sourced claim: " + f.Why
	}
	return "labelled not a claim: " + f.Why
}

// QuoteClass sorts quotations for scoring unattributed-quote.
type QuoteClass int

// Classes of quotations.
const (
	// Attributed quotations must not be flagged: flagging one is a false flag.
	Attributed QuoteClass = iota
	// Unattributed quotations should be flagged: recall.
	Unattributed
	// NoSpeakerNeeded spans (titles, terms, scare quotes, short
	// quotations) must not be flagged either; counted apart.
	NoSpeakerNeeded
	// Unscored quotations absorb findings without being counted (in
	// PolNeAR, quotations held only by a belief or intention cue).
	Unscored
	// OtherParagraph quotations (PolNeAR) have their speaker's cue only in
	// another paragraph and continue no open quotation: ../shared/CLAIMS.md
	// wants them flagged ("an editor asks for the he said"), while the
	// annotators linked them to a speaker. Counted apart, in neither rate.
	OtherParagraph
	numClasses
)

// LabelledQuote is a quotation prepared for scoring.
type LabelledQuote struct {
	Span
	Doc   string
	Text  string
	Class QuoteClass
}

// QuoteScore counts unattributed-quote's findings per class of quotation.
type QuoteScore struct {
	Count, Flagged [numClasses]int
	// Stray counts findings that overlap no quotation of any class.
	Stray int
	// Missed are unflagged Unattributed quotations; FalseFlags are flagged
	// Attributed and NoSpeakerNeeded ones; Strays the stray findings.
	Missed, FalseFlags []LabelledQuote
	Strays             []Finding
}

// Rate returns Flagged/Count for a class.
func (s QuoteScore) Rate(c QuoteClass) float64 { return ratio(s.Flagged[c], s.Count[c]) }

// Add accumulates another document's score.
func (s *QuoteScore) Add(o QuoteScore) {
	for c := range numClasses {
		s.Count[c] += o.Count[c]
		s.Flagged[c] += o.Flagged[c]
	}
	s.Stray += o.Stray
	s.Missed = append(s.Missed, o.Missed...)
	s.FalseFlags = append(s.FalseFlags, o.FalseFlags...)
	s.Strays = append(s.Strays, o.Strays...)
}

// ScoreQuotes scores one document's findings against its quotations: a
// quotation is flagged when a finding overlaps it.
func ScoreQuotes(quotes []LabelledQuote, findings []Finding) QuoteScore {
	var s QuoteScore
	flagged := make([]bool, len(quotes))
	for _, d := range findings {
		hit := false
		for i, q := range quotes {
			if d.overlaps(q.Span) {
				flagged[i], hit = true, true
			}
		}
		if !hit {
			s.Stray++
			s.Strays = append(s.Strays, d)
		}
	}
	for i, q := range quotes {
		s.Count[q.Class]++
		if flagged[i] {
			s.Flagged[q.Class]++
		}
		switch {
		case q.Class == Unattributed && !flagged[i]:
			s.Missed = append(s.Missed, q)
		case flagged[i] && (q.Class == Attributed || q.Class == NoSpeakerNeeded):
			s.FalseFlags = append(s.FalseFlags, q)
		}
	}
	return s
}

// markQuoted sets Quoted on every figure inside one of the quotation spans.
func markQuoted(figs []LabelledFigure, quotes []Span) {
	for i := range figs {
		figs[i].Quoted = slices.ContainsFunc(quotes, func(q Span) bool { return figs[i].within(q) })
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
