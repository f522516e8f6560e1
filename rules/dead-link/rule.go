// Package deadlink holds the dead-link rule: its documentation is doc.md
// beside it (citelint explain dead-link), its fixtures are in testdata/.
package deadlink

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/citelint/citelint/linkcheck"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules/internal/linkrule"
	"github.com/citelint/citelint/rules/internal/ruledoc"
)

// doc is the rule's documentation, doc.md beside this file; its first
// line is the summary.
//
//go:embed doc.md
var doc string

// Rule (dead-link) reports links a reader cannot open: pages that are gone
// (404, 410), domains that do not exist, refused connections, malformed
// URLs, redirect chains ending in one of these or in a loop, and relative
// links to files missing from the repository. Relative links are checked
// without the network.
var Rule = &lint.Rule{
	ID:       "dead-link",
	Summary:  ruledoc.Summary(doc),
	DocFunc:  ruledoc.Lazy(doc),
	Severity: lint.Error,
	Network:  true,
	Requires: []lint.Requirement{linkrule.LinksAnalysis},
	Run: func(p *lint.Pass) {
		facts := linkrule.FactsOf(p)
		for _, l := range linkrule.Links(p) {
			switch l.Kind {
			case linkrule.LocalLink:
				if facts.Files.Missing(p, l.File) {
					p.Report(missingFile(l, p.Doc.Source[l.Start:l.End]))
				}
			case linkrule.WebLink:
				if r, ok := facts.Result(l); ok && r.Verdict == linkcheck.Dead {
					p.Report(deadWebLink(l, r))
				}
			}
		}
	},
}

// deadWebLink reports a dead web link. When the archive named a capture
// of the page, linking to it is the fix; the fragment the link had is kept,
// since the capture holds the same anchors.
func deadWebLink(l linkrule.Link, r linkcheck.Result) lint.Diagnostic {
	d := lint.Diagnostic{
		Start:      l.Start,
		End:        l.End,
		Message:    deadMessage(r),
		Suggestion: "link to where the page lives now, or cite an archived copy: " + r.ArchiveURL,
	}
	if archived := r.ArchivedCopy(); archived != "" {
		if _, fragment, ok := strings.Cut(l.Target, "#"); ok && !strings.Contains(archived, "#") {
			archived += "#" + fragment
		}
		d.Suggestion = "link to where the page lives now, or to its archived copy: " + archived
		if linkrule.FitsDestination(archived) {
			d.Fix = []lint.Edit{{Start: l.Start, End: l.End, New: archived}}
		}
	}
	return d
}

// deadMessage states the evidence that a web link is dead, and where a
// redirect chain ended when there was one.
func deadMessage(r linkcheck.Result) string {
	if r.FinalURL != "" && r.FinalURL != r.URL {
		return fmt.Sprintf("dead link: %s after a redirect to %s", r.Reason, r.FinalURL)
	}
	return "dead link: " + r.Reason
}

// printablePath returns a path for a message: as it is, or quoted with
// escapes when percent-decoding made it invalid UTF-8 ("%80"), which no
// output format can carry.
func printablePath(p string) string {
	if utf8.ValidString(p) {
		return p
	}
	return strconv.Quote(p)
}

// missingFile reports a relative link to a file that does not exist. A
// destination written like an e-mail address, a web address without its
// scheme or wrapped in an extra pair of parentheses is a common slip that
// browsers also resolve as a missing file: say so, with the fix.
func missingFile(l linkrule.Link, dest []byte) lint.Diagnostic {
	d := lint.Diagnostic{
		Start:      l.Start,
		End:        l.End,
		Message:    fmt.Sprintf("dead link: %s does not exist", printablePath(l.File)),
		Suggestion: "correct the path, or remove the link if the file was deleted",
	}
	target := string(dest)
	switch {
	case strings.Contains(target, "@") && !strings.Contains(target, "/"):
		d.Message = fmt.Sprintf("dead link: %q is an e-mail address written as a file path", target)
		d.Suggestion = "write it as mailto:" + target
		d.Fix = []lint.Edit{{Start: l.Start, End: l.Start, New: "mailto:"}}
	case strings.HasPrefix(target, "(") && strings.HasSuffix(target, ")") && strings.Contains(target, "://"):
		d.Message = fmt.Sprintf("dead link: %q has parentheses around the address, so it is read as a file path", target)
		d.Suggestion = "remove the extra parentheses: " + target[1:len(target)-1]
		d.Fix = []lint.Edit{{Start: l.Start, End: l.Start + 1}, {Start: l.End - 1, End: l.End}}
	case strings.HasPrefix(target, "www."):
		d.Message = fmt.Sprintf("dead link: %q is a web address without https://, so it is read as a file path", target)
		d.Suggestion = "write it as https://" + target
		d.Fix = []lint.Edit{{Start: l.Start, End: l.Start, New: "https://"}}
	}
	return d
}
