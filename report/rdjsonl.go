package report

import (
	"bufio"
	"encoding/json"
	"io"
	"unicode/utf8"

	"github.com/citelint/citelint/lint"
)

// RDJSONL writes reviewdog's diagnostic format, one JSON object per line
// (rdjsonl), for "reviewdog -f=rdjsonl". Columns in this format count UTF-8
// bytes from 1, and a range's end is exclusive.
type RDJSONL struct {
	// RuleURL gives each diagnostic's code a documentation address; nil
	// gives none.
	RuleURL func(id string) string
}

type rdDiagnostic struct {
	Message     string         `json:"message"`
	Location    rdLocation     `json:"location"`
	Severity    string         `json:"severity"`
	Source      rdSource       `json:"source"`
	Code        *rdCode        `json:"code,omitempty"`
	Suggestions []rdSuggestion `json:"suggestions,omitempty"`
}

type rdLocation struct {
	Path  string   `json:"path"`
	Range *rdRange `json:"range,omitempty"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

// Format implements Formatter.
func (r *RDJSONL) Format(w io.Writer, res *lint.Result) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	source := rdSource{Name: "citelint", URL: InformationURI}
	for _, e := range res.Errors {
		if err := enc.Encode(rdDiagnostic{
			Message:  "could not check this file: " + e.Err.Error(),
			Location: rdLocation{Path: e.Path},
			Severity: "ERROR",
			Source:   source,
		}); err != nil {
			return err
		}
	}
	for _, d := range res.Diagnostics {
		rd := rdDiagnostic{
			Message: messageWithHelp(d),
			Location: rdLocation{Path: d.Path, Range: &rdRange{
				Start: rdPosition{Line: d.Pos.Line, Column: d.ByteColumn},
				End:   rdPosition{Line: d.EndPos.Line, Column: d.EndByteColumn},
			}},
			Severity: rdSeverity(d.Severity),
			Source:   source,
			Code:     &rdCode{Value: d.Rule},
		}
		if r.RuleURL != nil {
			rd.Code.URL = r.RuleURL(d.Rule)
		}
		rd.Suggestions = rdSuggestions(d)
		if err := enc.Encode(rd); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func rdSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "ERROR"
	case lint.Warning:
		return "WARNING"
	}
	return "INFO"
}

// rdSuggestions returns a diagnostic's fix as reviewdog suggestions when
// every edit lies on the span's first line within the part the snippet
// shows, where its byte columns are known; else none.
func rdSuggestions(d lint.Diagnostic) []rdSuggestion {
	if len(d.Fix) == 0 || d.ByteColumn < 1 {
		return nil
	}
	lineStart := d.Start - (d.ByteColumn - 1) // the line's first column
	// The snippet is a window on the line; find its byte offsets from the
	// code points it shows before Start.
	n, before := 0, d.Pos.Column-d.Snippet.Column
	for i := 0; i < before && n < len(d.Snippet.Text); i++ {
		_, size := utf8.DecodeRuneInString(d.Snippet.Text[n:])
		n += size
	}
	from := d.Start - n
	to := from + len(d.Snippet.Text)
	var out []rdSuggestion
	for _, e := range d.Fix {
		if e.Start < from || e.End > to || e.End < e.Start {
			return nil
		}
		out = append(out, rdSuggestion{
			Range: rdRange{
				Start: rdPosition{Line: d.Pos.Line, Column: e.Start - lineStart + 1},
				End:   rdPosition{Line: d.Pos.Line, Column: e.End - lineStart + 1},
			},
			Text: e.New,
		})
	}
	return out
}
