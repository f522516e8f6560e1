package report

import (
	"cmp"
	"encoding/json"
	"io"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/citelint/citelint/fingerprint"
	"github.com/citelint/citelint/lint"
)

// SARIF writes a SARIF 2.1.0 log for GitHub code scanning and other SARIF
// readers: one run whose tool.driver lists the rules, one result per
// diagnostic, and files that could not be checked as tool execution
// notifications. Relative paths are given relative to the %SRCROOT% base,
// the folder citelint ran in, which should be the repository root.
type SARIF struct {
	Options Options
}

// sarifSchemaURI is the address of the SARIF 2.1.0 schema (OASIS errata 01).
const sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// srcRoot is the uriBaseId of relative artifact locations.
const srcRoot = "%SRCROOT%"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string              `json:"id"`
	ShortDescription     *sarifMessage       `json:"shortDescription,omitempty"`
	FullDescription      *sarifMessage       `json:"fullDescription,omitempty"`
	Help                 *sarifHelp          `json:"help,omitempty"`
	HelpURI              string              `json:"helpUri,omitempty"`
	DefaultConfiguration *sarifConfiguration `json:"defaultConfiguration,omitempty"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
	// RelatedLocations holds, for a finding about a cited source, the
	// source's passage: its address, with a text fragment when known, and
	// the sentence as the message.
	RelatedLocations []sarifRelated `json:"relatedLocations,omitempty"`
}

type sarifRelated struct {
	ID               int                   `json:"id"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          sarifMessage          `json:"message"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int           `json:"startLine"`
	StartColumn int           `json:"startColumn"`
	EndLine     int           `json:"endLine"`
	EndColumn   int           `json:"endColumn"`
	Snippet     *sarifMessage `json:"snippet,omitempty"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifByteRegion `json:"deletedRegion"`
	InsertedContent sarifMessage    `json:"insertedContent"`
}

// sarifByteRegion is a region in bytes: fixes carry byte offsets.
type sarifByteRegion struct {
	ByteOffset int `json:"byteOffset"`
	ByteLength int `json:"byteLength"`
}

// sarifFingerprintKey names citelint's line-independent fingerprint among
// a result's partial fingerprints.
const sarifFingerprintKey = "citelintFinding/v1"

// Format implements Formatter.
func (s *SARIF) Format(w io.Writer, res *lint.Result) error {
	rules, index := s.rules(res.Diagnostics)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "citelint",
			Version:        s.Options.ToolVersion,
			InformationURI: InformationURI,
			Rules:          rules,
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: len(res.Errors) == 0}},
		ColumnKind:  "unicodeCodePoints",
		Results:     make([]sarifResult, 0, len(res.Diagnostics)),
	}
	for _, e := range res.Errors {
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications, sarifNotification{
			Level:     "error",
			Message:   sarifMessage{Text: "could not check " + e.Path + ": " + e.Err.Error()},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: artifactLocation(e.Path)}}},
		})
	}
	hashes := fingerprint.Hashes(res.Diagnostics)
	for i, d := range res.Diagnostics {
		loc := artifactLocation(d.Path)
		r := sarifResult{
			RuleID:    d.Rule,
			RuleIndex: index[d.Rule],
			Level:     sarifLevel(d.Severity),
			Message:   sarifMessage{Text: messageWithHelp(d)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: loc,
				Region: &sarifRegion{
					StartLine:   d.Pos.Line,
					StartColumn: d.Pos.Column,
					EndLine:     d.EndPos.Line,
					EndColumn:   d.EndPos.Column,
				},
			}}},
			PartialFingerprints: map[string]string{sarifFingerprintKey: hashes[i]},
		}
		if len(d.Fix) > 0 {
			desc := d.Suggestion
			if desc == "" {
				desc = "apply citelint's fix"
			}
			change := sarifArtifactChange{ArtifactLocation: loc}
			for _, e := range d.Fix {
				change.Replacements = append(change.Replacements, sarifReplacement{
					DeletedRegion:   sarifByteRegion{ByteOffset: e.Start, ByteLength: e.End - e.Start},
					InsertedContent: sarifMessage{Text: e.New},
				})
			}
			r.Fixes = []sarifFix{{Description: sarifMessage{Text: desc}, ArtifactChanges: []sarifArtifactChange{change}}}
		}
		if e := d.Evidence; e != nil {
			uri, text := e.URL, e.Text
			if e.Link != "" {
				uri = e.Link
			}
			if text == "" {
				text = "the cited source"
			}
			r.RelatedLocations = []sarifRelated{{ID: 1, PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: uri}}, Message: sarifMessage{Text: text}}}
		}
		run.Results = append(run.Results, r)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchemaURI, Version: "2.1.0", Runs: []sarifRun{run}})
}

// rules returns the rule descriptors, in the order of s.Options.Rules with
// any rule reported but not described there appended by ID, and the index
// of each rule ID.
func (s *SARIF) rules(ds []lint.Diagnostic) ([]sarifRule, map[string]int) {
	index := map[string]int{}
	out := []sarifRule{}
	for _, r := range s.Options.Rules {
		if _, dup := index[r.ID]; dup {
			continue
		}
		index[r.ID] = len(out)
		out = append(out, sarifRule{
			ID:                   r.ID,
			ShortDescription:     &sarifMessage{Text: r.Summary},
			FullDescription:      &sarifMessage{Text: cmp.Or(firstParagraph(r.Documentation()), r.Summary)},
			Help:                 &sarifHelp{Text: r.Documentation(), Markdown: r.Documentation()},
			HelpURI:              s.Options.ruleURL(r.ID),
			DefaultConfiguration: &sarifConfiguration{Level: sarifLevel(r.Severity)},
		})
	}
	var extra []string
	for _, d := range ds {
		if _, ok := index[d.Rule]; !ok && !slices.Contains(extra, d.Rule) {
			extra = append(extra, d.Rule)
		}
	}
	slices.Sort(extra)
	for _, id := range extra {
		index[id] = len(out)
		out = append(out, sarifRule{ID: id, HelpURI: s.Options.ruleURL(id)})
	}
	return out, index
}

// firstParagraph returns the first paragraph of a rule's Markdown doc after
// its heading, joined into one line.
func firstParagraph(doc string) string {
	var para []string
	for _, line := range strings.Split(doc, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "#") && len(para) == 0:
			continue
		case line == "" && len(para) > 0:
			return strings.Join(para, " ")
		case line != "":
			para = append(para, line)
		}
	}
	return strings.Join(para, " ")
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

// artifactLocation returns the SARIF location of a path: relative paths
// percent-encoded against %SRCROOT%, absolute ones as file URIs.
func artifactLocation(p string) sarifArtifactLocation {
	if path.IsAbs(p) || isWindowsAbs(p) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p
		}
		return sarifArtifactLocation{URI: (&url.URL{Scheme: "file", Path: p}).String()}
	}
	return sarifArtifactLocation{URI: (&url.URL{Path: p}).String(), URIBaseID: srcRoot}
}

func isWindowsAbs(p string) bool {
	return len(p) >= 3 && p[1] == ':' && p[2] == '/' &&
		(p[0] >= 'a' && p[0] <= 'z' || p[0] >= 'A' && p[0] <= 'Z')
}
