package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/citelint/citelint/lint"
)

// JSON writes the stable, versioned JSON contract documented in the README.
type JSON struct {
	// Documents are the texts of checked documents that exist nowhere
	// else (a published page's extracted text), written as the
	// "documents" field so that findings' positions can be read in them.
	Documents []Document
}

type jsonReport struct {
	Version     int              `json:"version"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
	Errors      []jsonError      `json:"errors"`
	Summary     jsonSummary      `json:"summary"`
	Documents   []jsonDocument   `json:"documents,omitempty"`
}

// jsonDocument is a checked text that no file holds.
type jsonDocument struct {
	Path string `json:"path"`
	Text string `json:"text"`
	Note string `json:"note,omitempty"`
}

type jsonDiagnostic struct {
	Path       string     `json:"path"`
	Line       int        `json:"line"`
	Column     int        `json:"column"`
	EndLine    int        `json:"endLine"`
	EndColumn  int        `json:"endColumn"`
	Offset     int        `json:"offset"`
	EndOffset  int        `json:"endOffset"`
	Rule       string     `json:"rule"`
	Severity   string     `json:"severity"`
	Message    string     `json:"message"`
	Excerpt    string     `json:"excerpt"`
	Suggestion string     `json:"suggestion,omitempty"`
	Fix        []jsonEdit `json:"fix,omitempty"`
	// Evidence is the cited source's passage, for the rules that read it.
	Evidence *jsonEvidence `json:"evidence,omitempty"`
}

// jsonEvidence is lint.Evidence.
type jsonEvidence struct {
	URL  string `json:"url"`
	Text string `json:"text,omitempty"`
	Link string `json:"link,omitempty"`
}

// jsonEdit is one edit of a fix: replace the source bytes [Offset,
// EndOffset) with Text.
type jsonEdit struct {
	Offset    int    `json:"offset"`
	EndOffset int    `json:"endOffset"`
	Text      string `json:"text"`
}

type jsonError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

type jsonSummary struct {
	Files   int `json:"files"`
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

// Format implements Formatter.
func (j JSON) Format(w io.Writer, res *lint.Result) error {
	r := jsonReport{Version: 1, Diagnostics: make([]jsonDiagnostic, 0, len(res.Diagnostics)), Errors: []jsonError{}}
	for _, d := range res.Diagnostics {
		jd := jsonDiagnostic{
			Path: d.Path, Line: d.Pos.Line, Column: d.Pos.Column, EndLine: d.EndPos.Line, EndColumn: d.EndPos.Column,
			Offset: d.Start, EndOffset: d.End, Rule: d.Rule, Severity: d.Severity.String(),
			Message: d.Message, Excerpt: d.Excerpt, Suggestion: d.Suggestion,
		}
		for _, e := range d.Fix {
			jd.Fix = append(jd.Fix, jsonEdit{Offset: e.Start, EndOffset: e.End, Text: e.New})
		}
		if e := d.Evidence; e != nil {
			jd.Evidence = &jsonEvidence{URL: e.URL, Text: e.Text, Link: e.Link}
		}
		r.Diagnostics = append(r.Diagnostics, jd)
	}
	for _, e := range res.Errors {
		r.Errors = append(r.Errors, jsonError{Path: e.Path, Message: e.Err.Error()})
	}
	for _, d := range j.Documents {
		r.Documents = append(r.Documents, jsonDocument(d))
	}
	r.Summary.Files = res.Files
	r.Summary.Error, r.Summary.Warning, r.Summary.Info = Count(res.Diagnostics)
	return r.write(w)
}

// write writes the report as json.Encoder does with two spaces of
// indent, one diagnostic at a time: the output of a run with thousands
// of findings is never held whole, twice (encoded, then indented).
func (r *jsonReport) write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	// put writes to bw, which keeps its first error for Flush.
	put := func(parts ...string) {
		for _, s := range parts {
			_, _ = bw.WriteString(s)
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	// encode returns v as the encoder writes it at depth indent, without
	// its line end, in buf: valid until the next call (a finding's text
	// is written, not kept).
	encode := func(v any, indent string) ([]byte, error) {
		buf.Reset()
		enc.SetIndent(indent, "  ")
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
		return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
	}
	put("{\n")
	type field struct {
		name string
		v    any
	}
	fields := []field{{"version", r.Version}, {"diagnostics", nil}, {"errors", r.Errors}, {"summary", r.Summary}}
	if len(r.Documents) > 0 {
		fields = append(fields, field{"documents", r.Documents})
	}
	for i, f := range fields {
		put("  \"", f.name, "\": ")
		switch {
		case f.name != "diagnostics":
			out, err := encode(f.v, "  ")
			if err != nil {
				return err
			}
			_, _ = bw.Write(out)
		case len(r.Diagnostics) == 0:
			put("[]")
		default:
			put("[\n")
			for j := range r.Diagnostics {
				out, err := encode(&r.Diagnostics[j], "    ")
				if err != nil {
					return err
				}
				put("    ")
				_, _ = bw.Write(out)
				if j < len(r.Diagnostics)-1 {
					put(",")
				}
				put("\n")
			}
			put("  ]")
		}
		if i < len(fields)-1 {
			put(",")
		}
		put("\n")
	}
	put("}\n")
	return bw.Flush()
}
