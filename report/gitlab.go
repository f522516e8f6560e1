package report

import (
	"encoding/json"
	"io"

	"github.com/citelint/citelint/fingerprint"
	"github.com/citelint/citelint/lint"
)

// GitLab writes a GitLab Code Quality report: a JSON array with one issue
// per diagnostic. Each fingerprint is a hash of the rule, the path, the
// text of the span and its sentence (and which of identical findings it
// is), not of line numbers, so GitLab keeps recognising a finding across
// runs and unrelated edits. Files that could not be checked are not listed
// (the format has no place for them); citelint reports them on standard
// error and exits with status 2.
type GitLab struct{}

type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
	End   int `json:"end"`
}

// Format implements Formatter.
func (GitLab) Format(w io.Writer, res *lint.Result) error {
	hashes := fingerprint.Hashes(res.Diagnostics)
	issues := make([]gitlabIssue, 0, len(res.Diagnostics))
	for i, d := range res.Diagnostics {
		issues = append(issues, gitlabIssue{
			Description: d.Message,
			CheckName:   d.Rule,
			Fingerprint: hashes[i],
			Severity:    gitlabSeverity(d.Severity),
			Location: gitlabLocation{Path: d.Path, Lines: gitlabLines{
				Begin: d.Pos.Line,
				End:   max(d.Pos.Line, d.EndPos.Line),
			}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}

func gitlabSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "major"
	case lint.Warning:
		return "minor"
	}
	return "info"
}
