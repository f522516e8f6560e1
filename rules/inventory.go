package rules

import (
	"fmt"
	"strings"

	"github.com/citelint/citelint/claims"
	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/prose"
	deadlink "github.com/citelint/citelint/rules/dead-link"
	"github.com/citelint/citelint/rules/internal/linkrule"
	"github.com/citelint/citelint/rules/internal/sourcing"
	unattributedquote "github.com/citelint/citelint/rules/unattributed-quote"
	uncitednumber "github.com/citelint/citelint/rules/uncited-number"
)

// Inventory returns the rows of doc's inventory, with no finding attached
// yet (claims.File.Attach does that): its figures as an active
// uncited-number judges them, its quotations as an active
// unattributed-quote judges them, with their configured options, and its
// web and relative links as the link rules list them, with the link
// checker's verdict from the run's values. pass makes a rule's pass over
// doc, as lint.Runner.Pass does, so that the rules' own code decides.
func Inventory(doc *lint.Document, active []lint.ActiveRule, pass func(lint.ActiveRule) *lint.Pass) []claims.Claim {
	inv := inventory{doc: doc}
	for _, a := range active {
		switch a.Rule {
		case uncitednumber.Rule:
			p := pass(a)
			inv.sources = lint.ResultOf(p, sourcing.SourcingAnalysis)
			uncitednumber.Judge(p, inv.figure)
		case unattributedquote.Rule:
			p := pass(a)
			inv.sources = lint.ResultOf(p, sourcing.SourcingAnalysis)
			unattributedquote.Judge(p, inv.quotation)
		}
	}
	// The links are listed whichever link rules run: the link pass's
	// values say what the checker found, when it ran.
	lp := pass(lint.ActiveRule{Rule: deadlink.Rule})
	inv.links(lp)
	inv.sourceLinks(linkrule.FactsOf(lp))
	claims.Sort(inv.rows)
	return inv.rows
}

// inventory collects the rows of one document.
type inventory struct {
	doc     *lint.Document
	sources *sourcing.Sourcing
	rows    []claims.Claim
}

// row returns a row over [start, end) of the document, its sentence being
// sentence si of block b (when b is not nil).
func (inv *inventory) row(kind claims.Kind, start, end int, b *lint.Block, si int) claims.Claim {
	doc := inv.doc
	c := claims.Claim{
		Path: doc.Path, Kind: kind, Start: start, End: end,
		Pos: doc.Lines.Position(start), EndPos: doc.Lines.Position(end),
		Text:     claims.Cut(string(doc.Source[start:end])),
		Sentence: lint.Excerpt(doc, start, end), SentenceStart: start, SentenceEnd: end,
	}
	if b != nil && si < len(b.Sentences) {
		s := b.Sentences[si]
		c.SentenceStart, c.SentenceEnd = b.SourceSpan(s.Start, s.End)
	}
	return c
}

func (inv *inventory) figure(f uncitednumber.Figure) {
	c := inv.row(claims.Figure, f.Start, f.End, f.Block, f.Sentence)
	switch {
	case f.Cover != uncitednumber.Uncited:
		c.Status, c.Source = claims.Sourced, inv.sourceOf(f.Block, f.Sentence, false)
		if c.Source.Text == "" && c.Source.URL == "" && (f.Cover == uncitednumber.BySentence || f.Cover == uncitednumber.ByParagraph) {
			c.Source = inv.nearestSource(f.Block, f.Sentence, f.Cover == uncitednumber.ByParagraph, c.Source)
		}
	default:
		c.Status, c.Source = claims.Unsourced, claims.Source{Kind: claims.SourceNone}
		if v, ok := inv.vague(f.Block, f.Sentence); ok {
			c.Status, c.Source = claims.VagueSource, v
		}
	}
	inv.rows = append(inv.rows, c)
}

func (inv *inventory) quotation(q unattributedquote.Quotation) {
	c := inv.row(claims.Quotation, q.Start, q.End, q.Block, q.Sentence)
	c.Status, c.Source = claims.Unattributed, claims.Source{Kind: claims.SourceNone}
	if q.Attributed {
		c.Status, c.Source = claims.Sourced, inv.sourceOf(q.Block, q.Sentence, true)
		if q.Linked && c.Source.Kind != claims.SourceLink && c.Source.Kind != claims.SourceFootnote {
			c.Source = claims.Source{Kind: claims.SourceLink}
		}
	}
	inv.rows = append(inv.rows, c)
}

// sourceOf says how sentence si of block b is sourced, for a claim the
// rules found sourced: the first link or footnote in it, else the named
// source an attribution gives it. A claim sourced from outside its
// sentence (a source note, a table caption, an earlier sentence) or by a
// "Source:" note or author–year reference is named, with no text.
//
// For a quotation (speaker), an attribution in the sentence to someone
// unnamed counts too: the rule asks for a speaker, not a name.
func (inv *inventory) sourceOf(b *lint.Block, si int, speaker bool) claims.Source {
	if b == nil || si >= len(b.Sentences) {
		return claims.Source{Kind: claims.SourceNamed}
	}
	for _, ct := range b.Citations {
		if ct.Sentence != si {
			continue
		}
		switch ct.Kind {
		case lint.FootnoteRef, lint.PandocCite:
			return claims.Source{Kind: claims.SourceFootnote, Text: claims.Cut(ct.Target)}
		default:
			return claims.Source{Kind: claims.SourceLink, Text: claims.Cut(lint.Plain(b.Text[ct.TextStart:ct.TextEnd])), URL: ct.Target}
		}
	}
	if inv.sources != nil {
		para := inv.sources.Paragraph(b)
		for _, a := range para.About(si) {
			if a.Kind == prose.Named {
				return claims.Source{Kind: claims.SourceNamed, Text: claims.Cut(lint.Plain(b.Text[a.Source.Start:a.Source.End]))}
			}
		}
		if speaker {
			// A quotation needs a speaker, not a name: "the mayor said".
			for _, a := range para.In(si) {
				if a.Kind != prose.Vague && !a.Source.Empty() {
					return claims.Source{Kind: claims.SourceNamed, Text: claims.Cut(lint.Plain(b.Text[a.Source.Start:a.Source.End]))}
				}
			}
		}
	}
	return claims.Source{Kind: claims.SourceNamed}
}

// nearestSource returns the source of the nearest sentence before
// sentence si of block b that names or links one (a figure that refers
// back: "This figure…"), then, when after, of the nearest sentence after
// it; or else when none does.
func (inv *inventory) nearestSource(b *lint.Block, si int, after bool, none claims.Source) claims.Source {
	for sj := si - 1; sj >= 0; sj-- {
		if s := inv.sourceOf(b, sj, false); s.Text != "" || s.URL != "" {
			return s
		}
	}
	for sj := si + 1; after && sj < len(b.Sentences); sj++ {
		if s := inv.sourceOf(b, sj, false); s.Text != "" || s.URL != "" {
			return s
		}
	}
	return none
}

// vague returns the vague attribution of sentence si of block b, as
// vague-source finds it, if any.
func (inv *inventory) vague(b *lint.Block, si int) (claims.Source, bool) {
	if inv.sources == nil || si >= len(b.Sentences) {
		return claims.Source{}, false
	}
	for _, a := range inv.sources.Paragraph(b).In(si) {
		if a.Sentence == si && a.Kind == prose.Vague {
			s := a.Cue
			if !a.Source.Empty() {
				s = prose.Span{Start: min(a.Source.Start, a.Cue.Start), End: max(a.Source.End, a.Cue.End)}
			}
			return claims.Source{Kind: claims.SourceVague, Text: claims.Cut(b.Text[s.Start:s.End])}, true
		}
	}
	return claims.Source{}, false
}

// links adds a row for each web link and relative link to a file.
func (inv *inventory) links(p *lint.Pass) {
	facts := linkrule.FactsOf(p)
	for _, l := range linkrule.Links(p) {
		if l.Kind != linkrule.WebLink && l.Kind != linkrule.LocalLink {
			continue
		}
		var b *lint.Block
		si := 0
		if b = inv.doc.BlockAt(l.Start); b != nil && len(b.Sentences) > 0 {
			si = b.SentenceAt(b.TextOffset(l.Start))
		} else {
			b = nil
		}
		c := inv.row(claims.Link, l.Start, l.End, b, si)
		c.Text = claims.Cut(l.Target)
		c.Source = claims.Source{Kind: claims.SourceLink, URL: l.Target}
		if l.Kind == linkrule.LocalLink {
			c.Status = claims.Sourced
			if facts.Files.Missing(p, l.File) {
				c.Status, c.LinkStatus, c.LinkReason = claims.Dead, linkcheck.Dead.String(), fmt.Sprintf("%s does not exist", l.File)
			}
			inv.rows = append(inv.rows, c)
			continue
		}
		c.Status, c.LinkStatus = claims.Unverified, linkcheck.NotChecked.String()
		if r, ok := facts.Result(l); ok {
			c.Status, c.LinkStatus, c.LinkReason = linkStatus(r.Verdict), r.Verdict.String(), r.Reason
		}
		inv.rows = append(inv.rows, c)
	}
}

// linkStatus is the row status of a link checker's verdict.
func linkStatus(v linkcheck.Verdict) claims.Status {
	switch v {
	case linkcheck.OK:
		return claims.Sourced
	case linkcheck.Dead:
		return claims.Dead
	case linkcheck.Paywalled:
		return claims.Paywalled
	case linkcheck.Redirected:
		return claims.Moved
	}
	return claims.Unverified // unverifiable, skipped, not checked
}

// sourceLinks gives the figures and quotations sourced by a web link that
// link's verdict: the fact-checker opens it next.
func (inv *inventory) sourceLinks(facts *linkrule.Facts) {
	for i := range inv.rows {
		c := &inv.rows[i]
		if c.Kind == claims.Link || c.Source.Kind != claims.SourceLink || c.Source.URL == "" {
			continue
		}
		if u := strings.ToLower(c.Source.URL); !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			continue
		}
		c.LinkStatus = linkcheck.NotChecked.String()
		if r, ok := facts.Result(linkrule.Link{Kind: linkrule.WebLink, Target: c.Source.URL}); ok {
			c.LinkStatus, c.LinkReason = r.Verdict.String(), r.Reason
		}
	}
}
