package claims

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/citelint/citelint/lint"
)

// Formats are the worksheet formats, as "citelint claims --format" names
// them.
var Formats = []string{"markdown", "csv", "json"}

// Write writes the worksheet of files in format (one of Formats).
func Write(w io.Writer, format string, files []File) error {
	switch format {
	case "markdown":
		return WriteMarkdown(w, files)
	case "csv":
		return WriteCSV(w, files)
	case "json":
		return WriteJSON(w, files)
	}
	return fmt.Errorf("unknown worksheet format %q: use %s", format, strings.Join(Formats, ", "))
}

// WriteMarkdown writes the worksheet as one Markdown table: a row per
// claim, with its file, line, kind, status, sentence, source, link status
// and findings. Text from the drafts is escaped, so that no cell breaks
// the table or renders as markup.
func WriteMarkdown(w io.Writer, files []File) error {
	head := "| File | Line | Kind | Status | Sentence | Source | Link status | Finding |\n" +
		"|---|---:|---|---|---|---|---|---|\n"
	if _, err := io.WriteString(w, head); err != nil {
		return err
	}
	var b strings.Builder
	for _, f := range files {
		for _, c := range f.Claims {
			b.Reset()
			cells := []string{f.Path, strconv.Itoa(c.Pos.Line), string(c.Kind), string(c.Status), c.Sentence, sourceText(c.Source), linkText(c), findingsText(c.Findings)}
			b.WriteString("|")
			for _, cell := range cells {
				b.WriteString(" ")
				b.WriteString(markdownCell(cell))
				b.WriteString(" |")
			}
			b.WriteString("\n")
			if _, err := io.WriteString(w, b.String()); err != nil {
				return err
			}
		}
	}
	return nil
}

// markdownCell escapes text for a Markdown table cell: one line, with
// the characters that make markup or end the cell backslash-escaped.
func markdownCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\|*_`[]<>~&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// sourceText says a source in words: "link: text <url>", "named: the
// Census Bureau", "none".
func sourceText(s Source) string {
	out := string(s.Kind)
	if s.Text != "" {
		out += ": " + s.Text
	}
	if s.URL != "" {
		if s.Text == "" {
			out += ":"
		}
		out += " " + s.URL
	}
	return out
}

// linkText is the link status with its evidence: "dead (HTTP 404)".
func linkText(c Claim) string {
	if c.LinkReason == "" {
		return c.LinkStatus
	}
	return c.LinkStatus + " (" + c.LinkReason + ")"
}

// findingsText lists findings as "rule: message", one after another.
func findingsText(ds []lint.Diagnostic) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = d.Rule + ": " + d.Message
	}
	return strings.Join(parts, "; ")
}

// csvHeader names the worksheet's CSV columns.
var csvHeader = []string{"file", "line", "column", "kind", "status", "text", "sentence", "source_kind", "source_text", "source_url", "link_status", "link_reason", "findings"}

// WriteCSV writes the worksheet as CSV (RFC 4180), a header row first, a
// row per claim. A cell that a spreadsheet would run as a formula (one
// starting with =, +, -, @, a tab or a carriage return) is prefixed with
// an apostrophe, since drafts and fetched pages are not to be trusted.
func WriteCSV(w io.Writer, files []File) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, f := range files {
		for _, c := range f.Claims {
			row := []string{f.Path, strconv.Itoa(c.Pos.Line), strconv.Itoa(c.Pos.Column), string(c.Kind), string(c.Status),
				c.Text, c.Sentence, string(c.Source.Kind), c.Source.Text, c.Source.URL, c.LinkStatus, c.LinkReason, findingsText(c.Findings)}
			for i := range row {
				row[i] = defuseFormula(row[i])
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// defuseFormula keeps a spreadsheet from reading a cell as a formula.
func defuseFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// The worksheet's JSON, documented in the README ("The claims
// worksheet").
type (
	jsonFile struct {
		Path   string      `json:"path"`
		Claims []jsonClaim `json:"claims"`
	}
	// jsonSpan locates a claim or a finding, as the findings' JSON does.
	jsonSpan struct {
		Line      int `json:"line"`
		Column    int `json:"column"`
		EndLine   int `json:"endLine"`
		EndColumn int `json:"endColumn"`
		Offset    int `json:"offset"`
		EndOffset int `json:"endOffset"`
	}
	jsonClaim struct {
		Kind   Kind   `json:"kind"`
		Status Status `json:"status"`
		jsonSpan
		Text       string        `json:"text"`
		Sentence   string        `json:"sentence"`
		Source     Source        `json:"source"`
		LinkStatus string        `json:"linkStatus,omitempty"`
		LinkReason string        `json:"linkReason,omitempty"`
		Findings   []jsonFinding `json:"findings"`
	}
	jsonFinding struct {
		Rule       string `json:"rule"`
		Severity   string `json:"severity"`
		Message    string `json:"message"`
		Suggestion string `json:"suggestion,omitempty"`
		jsonSpan
	}
)

// spanOf is the jsonSpan of [start, end) at pos and endPos.
func spanOf(pos, endPos lint.Position, start, end int) jsonSpan {
	return jsonSpan{Line: pos.Line, Column: pos.Column, EndLine: endPos.Line, EndColumn: endPos.Column, Offset: start, EndOffset: end}
}

// WriteJSON writes the worksheet as JSON: {"version": 1, "files": [...]},
// each file with its claims, each claim with its findings, as the README
// documents field by field. Files are encoded one at a time, so that a
// big run holds one file's copy at once, not the whole worksheet's twice.
func WriteJSON(w io.Writer, files []File) error {
	if _, err := io.WriteString(w, "{\n  \"version\": 1,\n  \"files\": ["); err != nil {
		return err
	}
	for i, f := range files {
		jf := jsonFile{Path: f.Path, Claims: make([]jsonClaim, 0, len(f.Claims))}
		for _, c := range f.Claims {
			jc := jsonClaim{
				Kind: c.Kind, Status: c.Status, jsonSpan: spanOf(c.Pos, c.EndPos, c.Start, c.End), Text: c.Text, Sentence: c.Sentence, Source: c.Source,
				LinkStatus: c.LinkStatus, LinkReason: c.LinkReason, Findings: make([]jsonFinding, 0, len(c.Findings)),
			}
			for _, d := range c.Findings {
				jc.Findings = append(jc.Findings, jsonFinding{
					Rule: d.Rule, Severity: d.Severity.String(), Message: d.Message, Suggestion: d.Suggestion,
					jsonSpan: spanOf(d.Pos, d.EndPos, d.Start, d.End),
				})
			}
			jf.Claims = append(jf.Claims, jc)
		}
		data, err := json.MarshalIndent(jf, "    ", "  ")
		if err != nil {
			return err
		}
		sep := ",\n    "
		if i == 0 {
			sep = "\n    "
		}
		if _, err := io.WriteString(w, sep); err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	end := "\n  ]\n}\n"
	if len(files) == 0 {
		end = "]\n}\n"
	}
	_, err := io.WriteString(w, end)
	return err
}
