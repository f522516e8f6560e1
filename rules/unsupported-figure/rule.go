// Package unsupportedfigure holds the unsupported-figure rule: its
// documentation is doc.md beside it (citelint explain unsupported-figure),
// its fixtures are in testdata/.
package unsupportedfigure

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/linkrule"
	"github.com/citelint/citelint/rules/internal/ruledoc"
	"github.com/citelint/citelint/rules/internal/sourcepage"
	uncitednumber "github.com/citelint/citelint/rules/uncited-number"
	"github.com/citelint/citelint/verify"
)

// doc is the rule's documentation, doc.md beside this file; its first
// line is the summary.
//
//go:embed doc.md
var doc string

// Rule (unsupported-figure) reports a figure whose sentence cites a page
// that does not hold it in any equivalent form. The figures are the ones
// uncited-number judges, with its default options, so that both rules
// agree on what a figure is; the page's text comes from the same request
// that checks the link.
var Rule = &lint.Rule{
	ID:            "unsupported-figure",
	Summary:       ruledoc.Summary(doc),
	Doc:           ruledoc.Expand(doc),
	Severity:      lint.Warning,
	Network:       true,
	NeedsPageText: true,
	Requires:      append([]lint.Requirement{linkrule.LinksAnalysis}, uncitednumber.Rule.Requires...),
	Run:           run,
}

func run(p *lint.Pass) {
	pages := sourcepage.New(p)
	if pages == nil {
		return
	}
	uncitednumber.JudgeWith(p, uncitednumber.DefaultUncitedNumberOptions(), func(f uncitednumber.Figure) {
		check(p, pages, f)
	})
}

func check(p *lint.Pass, pages *sourcepage.Finder, f uncitednumber.Figure) {
	src, ok := pages.Cited(f.Block, f.Sentence, f.Start, f.End)
	if !ok {
		return
	}
	text := string(p.Doc.Source[f.Start:f.End])
	claim, ok := verify.ParseFigure(text)
	if !ok {
		return
	}
	d := lint.Diagnostic{Start: f.Start, End: f.End}
	if !src.Page.Readable {
		d.Severity = lint.Info
		d.Message = fmt.Sprintf("cannot check %q against the cited page: %s", text, src.Page.Reason)
		d.Suggestion = "check the figure against the source by hand"
		d.Evidence = &lint.Evidence{URL: src.URL}
		p.Report(d)
		return
	}
	match, _, nearest := verify.FindFigure(claim, pages.Figures(src))
	if match != nil {
		return
	}
	if src.Page.Partial {
		d.Severity = lint.Info
		d.Message = fmt.Sprintf("%q is not in what could be read of the cited page; %s", text, src.Page.Reason)
		d.Suggestion = "check the figure against the full source by hand"
		d.Evidence = &lint.Evidence{URL: src.URL}
		p.Report(d)
		return
	}
	d.Message = fmt.Sprintf("%q is not in the cited page", text)
	if len(nearest) > 0 {
		d.Message += " (it has " + listFigures(nearest) + ")"
		d.Evidence = sourcepage.Evidence(src, nearest[0].Start, nearest[0].End)
	} else {
		d.Message += " (it has no figure of that kind)"
		d.Evidence = &lint.Evidence{URL: src.URL}
	}
	d.Suggestion = "correct the figure to the source's, or cite the source that states it"
	p.Report(d)
}

// listFigures names figures as the page writes them: "54%" or "54% and
// 44.8%".
func listFigures(qs []verify.Quantity) string {
	names := make([]string, 0, len(qs))
	for _, q := range qs {
		n := strings.Join(strings.Fields(q.Text), " ")
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
