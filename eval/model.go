package eval

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/citelint/citelint/prose"
)

// AttributionModel names the attribution model of package prose as a
// thing the harness scores (with -rule).
const AttributionModel = "attribution-model"

// ModelScore scores the attribution model against PolNeAR's gold
// attributions.
//
// A predicted attribution matches a gold one when their cues share a byte;
// matching is one to one, in text order. Cue precision is matched
// predictions over predictions, cue recall matched gold over gold (also
// over gold attributions whose cue is a speech or report cue, SpeechCue).
// Content is scored in bytes other than white space, over matched pairs:
// precision is the predicted content's bytes inside the gold content
// fragments over the predicted content's bytes, recall the same overlap over
// the gold content's bytes. Source agreement counts matched pairs whose
// source spans share a byte, or are both empty.
type ModelScore struct {
	Docs                    int
	Predicted, Gold         int
	Matched                 int
	SpeechGold, SpeechFound int
	ContentOverlap          int
	ContentPredicted        int
	ContentGold             int
	SourceAgree             int
	// Missed and Extra sample gold attributions not found and predictions
	// matching none (for -v).
	Missed, Extra []ModelExample
}

// ModelExample is one attribution shown in the verbose output.
type ModelExample struct {
	Doc         string
	Cue, Source string
	Sentence    string
}

// maxExamples bounds the examples kept for -v.
const maxExamples = 50000

// ScoreModel runs the attribution model over every paragraph of the
// split's articles and scores it against their gold attributions.
func ScoreModel(root, split string) (*ModelScore, error) {
	names, err := PolnearDocs(root, split)
	if err != nil {
		return nil, err
	}
	s := &ModelScore{}
	for _, name := range names {
		d, err := ReadPolnearDoc(root, name)
		if err != nil {
			return nil, err
		}
		s.scoreDoc(d)
	}
	return s, nil
}

type predicted struct {
	a       prose.Attribution // in bytes of the document's text
	matched bool
}

func (s *ModelScore) scoreDoc(d *PolnearDoc) {
	s.Docs++
	var preds []predicted
	named := false
	for _, para := range Paragraphs(d.Text) {
		text := string(d.Text[para.Start:para.End])
		p := prose.Analyze(text, prose.SplitSentences(text), prose.FindQuotes(text), named)
		named = p.Names()
		for _, a := range p.Attributions() {
			shift := func(sp prose.Span) prose.Span {
				return prose.Span{Start: sp.Start + para.Start, End: sp.End + para.Start}
			}
			a.Source, a.Cue, a.Content = shift(a.Source), shift(a.Cue), shift(a.Content)
			preds = append(preds, predicted{a: a})
		}
	}
	s.Predicted += len(preds)
	for _, g := range d.Attributions {
		s.Gold++
		speech := SpeechCue(g.CueText)
		if speech {
			s.SpeechGold++
		}
		found := -1
		for i := range preds {
			if !preds[i].matched && overlapsAny(Span(preds[i].a.Cue), g.Cue) {
				found = i
				break
			}
		}
		if found < 0 {
			if len(s.Missed) < maxExamples {
				s.Missed = append(s.Missed, ModelExample{Doc: d.Name, Cue: g.CueText, Source: joinSpans(d.Text, g.Source), Sentence: around(d.Text, g.Cue)})
			}
			continue
		}
		preds[found].matched = true
		a := preds[found].a
		s.Matched++
		if speech {
			s.SpeechFound++
		}
		pc := Span(a.Content)
		s.ContentPredicted += solidBytes(d.Text, pc)
		for _, f := range g.Content {
			s.ContentGold += solidBytes(d.Text, f)
			if lo, hi := max(f.Start, pc.Start), min(f.End, pc.End); lo < hi {
				s.ContentOverlap += solidBytes(d.Text, Span{lo, hi})
			}
		}
		if a.Source.Empty() && len(g.Source) == 0 || overlapsAny(Span(a.Source), g.Source) {
			s.SourceAgree++
		}
	}
	for _, p := range preds {
		if !p.matched && len(s.Extra) < maxExamples {
			s.Extra = append(s.Extra, ModelExample{Doc: d.Name, Cue: string(d.Text[p.a.Cue.Start:p.a.Cue.End]),
				Source: string(d.Text[p.a.Source.Start:p.a.Source.End]), Sentence: around(d.Text, []Span{Span(p.a.Cue)})})
		}
	}
}

func overlapsAny(s Span, spans []Span) bool {
	for _, o := range spans {
		if s.Start < o.End && o.Start < s.End {
			return true
		}
	}
	return false
}

// solidBytes counts the bytes of text[s] that are not white space.
func solidBytes(text []byte, s Span) int {
	n := 0
	for _, c := range text[s.Start:s.End] {
		if c != ' ' && c != '\n' && c != '\t' && c != '\r' {
			n++
		}
	}
	return n
}

func joinSpans(text []byte, spans []Span) string {
	out := ""
	for i, s := range spans {
		if i > 0 {
			out += " … "
		}
		out += string(text[s.Start:s.End])
	}
	return out
}

// around returns up to 80 bytes either side of the first span, on one line.
func around(text []byte, spans []Span) string {
	if len(spans) == 0 {
		return ""
	}
	s := spans[0]
	return excerptOf(text, Span{max(0, s.Start-80), min(len(text), s.End+80)})
}

// PrintModel writes a model score as a table; verbose lists missed and
// extra attributions.
func PrintModel(w io.Writer, set string, s *ModelScore, verbose bool) {
	fmt.Fprintf(w, "attribution model against PolNeAR gold attributions on %s (%d documents)\n", set, s.Docs)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "measure\tcount\tof\tvalue\t")
	fmt.Fprintf(tw, "cue precision\t%d\t%d\t%s\t\n", s.Matched, s.Predicted, frac(s.Matched, s.Predicted))
	fmt.Fprintf(tw, "cue recall, all cues\t%d\t%d\t%s\t\n", s.Matched, s.Gold, frac(s.Matched, s.Gold))
	fmt.Fprintf(tw, "cue recall, speech/report cues\t%d\t%d\t%s\t\n", s.SpeechFound, s.SpeechGold, frac(s.SpeechFound, s.SpeechGold))
	fmt.Fprintf(tw, "content precision (bytes, matched)\t%d\t%d\t%s\t\n", s.ContentOverlap, s.ContentPredicted, frac(s.ContentOverlap, s.ContentPredicted))
	fmt.Fprintf(tw, "content recall (bytes, matched)\t%d\t%d\t%s\t\n", s.ContentOverlap, s.ContentGold, frac(s.ContentOverlap, s.ContentGold))
	fmt.Fprintf(tw, "source agreement (matched)\t%d\t%d\t%s\t\n", s.SourceAgree, s.Matched, frac(s.SourceAgree, s.Matched))
	tw.Flush()
	if verbose {
		for _, m := range s.Missed {
			fmt.Fprintf(w, "  missed %s cue %q source %q: %s\n", m.Doc, m.Cue, m.Source, m.Sentence)
		}
		for _, m := range s.Extra {
			fmt.Fprintf(w, "  extra %s cue %q source %q: %s\n", m.Doc, m.Cue, m.Source, m.Sentence)
		}
	}
	fmt.Fprintln(w)
}
