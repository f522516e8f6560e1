package eval

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// Print writes a set's scores as tables; verbose adds every false
// positive, false negative, false flag and stray finding.
func Print(w io.Writer, r *Result, verbose bool) {
	fmt.Fprintf(w, "== %s ==\n", r.Set)
	if r.Figures != nil {
		fmt.Fprintf(w, "uncited-number against figure labels (%d documents; figures inside quotations left out)\n", r.FigureDocs)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "rule\tlevels\tpositives\tfindings\tTP\tFP\tFN\tprecision\trecall\t")
		for _, row := range []struct {
			name string
			s    *FigureScore
		}{{"warning+info", r.Figures}, {"warning only", r.FiguresWarning}} {
			s := row.s
			fmt.Fprintf(tw, "uncited-number\t%s\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t\n", row.name, s.Positives, s.TP+s.FP, s.TP, s.FP, s.FN,
				frac(s.TP, s.TP+s.FP), frac(s.Positives-s.FN, s.Positives))
		}
		tw.Flush()
		fmt.Fprintf(w, "  left out: %d figures inside quotations, %d findings only on them; %d false positives on no labelled figure\n",
			r.Figures.LeftOutFigures, r.Figures.LeftOutFindings, r.Figures.Unlabelled)
		if verbose {
			for _, f := range r.Figures.FPs {
				fmt.Fprintf(w, "  FP %s:%d %q (%s; %s)\n", f.Doc, f.Line, f.Text, levelName(f.Warning), f.Why)
			}
			for _, f := range r.Figures.FNs {
				fmt.Fprintf(w, "  FN %s@%d %q (%s)\n", f.Doc, f.Start, f.Text, f.Why)
			}
		}
	}
	if r.Quotes != nil {
		fmt.Fprintf(w, "unattributed-quote on %s (%d documents)\n", r.QuoteLabels, r.QuoteDocs)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "rule\tquotations\tcount\tflagged\trate\tmeasure\t")
		s := r.Quotes
		attributedName, otherName := "needs speaker, attributed", "no speaker needed"
		if r.QuotesRemoved != nil {
			attributedName, otherName = "4+ words, speech/report cue", "under 4 words"
		}
		row := func(name string, c QuoteClass, measure string) {
			fmt.Fprintf(tw, "unattributed-quote\t%s\t%d\t%d\t%s\t%s\t\n", name, s.Count[c], s.Flagged[c], frac(s.Flagged[c], s.Count[c]), measure)
		}
		row(attributedName, Attributed, "false-flag rate")
		if r.QuotesRemoved != nil {
			row("4+ words, no attribution", Unattributed, "recall")
			row(otherName, NoSpeakerNeeded, "false-flag rate")
			row("4+ words, belief/intent cue only", Unscored, "(not scored)")
			row("4+ words, speaker only in another paragraph", OtherParagraph, "(not scored; CLAIMS: flag)")
			rs := r.QuotesRemoved
			fmt.Fprintf(tw, "unattributed-quote\t%s\t%d\t%d\t%s\t%s\t\n", "attribution removed", rs.Count[Unattributed], rs.Flagged[Unattributed], frac(rs.Flagged[Unattributed], rs.Count[Unattributed]), "recall")
			if ra := r.QuotesRemovedAll; ra != nil {
				fmt.Fprintf(tw, "unattributed-quote\t%s\t%d\t%d\t%s\t%s\t\n", "every attribution of the paragraph removed", ra.Count[Unattributed], ra.Flagged[Unattributed], frac(ra.Flagged[Unattributed], ra.Count[Unattributed]), "recall")
			}
		} else {
			row("needs speaker, unattributed", Unattributed, "recall")
			row(otherName, NoSpeakerNeeded, "false-flag rate")
		}
		tw.Flush()
		fmt.Fprintf(w, "  findings on no quotation: %d\n", s.Stray)
		if verbose {
			for _, q := range s.FalseFlags {
				fmt.Fprintf(w, "  false flag %s@%d %q\n", q.Doc, q.Start, q.Text)
			}
			for _, q := range s.Missed {
				fmt.Fprintf(w, "  missed %s@%d %q\n", q.Doc, q.Start, q.Text)
			}
			for _, f := range s.Strays {
				fmt.Fprintf(w, "  stray %s:%d %q\n", f.Doc, f.Line, f.Text)
			}
			if r.QuotesRemoved != nil {
				for _, q := range r.QuotesRemoved.Missed {
					fmt.Fprintf(w, "  missed after removal %s %q\n", q.Doc, q.Text)
				}
			}
			if r.QuotesRemovedAll != nil {
				for _, q := range r.QuotesRemovedAll.Missed {
					fmt.Fprintf(w, "  missed after removing every attribution %s %q\n", q.Doc, q.Text)
				}
			}
		}
	}
	fmt.Fprintln(w)
}

// frac formats a/b with three decimals, or "-" when b is 0.
func frac(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", float64(a)/float64(b))
}

func levelName(warning bool) string {
	if warning {
		return "warning"
	}
	return "info"
}
