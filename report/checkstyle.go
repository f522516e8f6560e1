package report

import (
	"encoding/xml"
	"io"
	"strconv"

	"github.com/citelint/citelint/lint"
)

// Checkstyle writes checkstyle XML, read by reviewdog, Jenkins' Warnings
// plugin and many other CI tools: a <file> per file checked, holding an
// <error> per diagnostic. A file that could not be checked holds one
// <error> without a line.
type Checkstyle struct {
	// Files are the files checked, listed even when clean; see Options.Files.
	Files []string
}

type checkstyleReport struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     string `xml:"line,attr,omitempty"`
	Column   string `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Format implements Formatter.
func (c *Checkstyle) Format(w io.Writer, res *lint.Result) error {
	files := checkedFiles(res, c.Files)
	byName := make(map[string]*checkstyleFile, len(files))
	r := checkstyleReport{Version: "5.0", Files: make([]checkstyleFile, len(files))}
	for i, name := range files {
		r.Files[i].Name = name
		byName[name] = &r.Files[i]
	}
	for _, e := range res.Errors {
		f := byName[e.Path]
		f.Errors = append(f.Errors, checkstyleError{
			Severity: "error", Message: "could not check this file: " + e.Err.Error(), Source: "citelint",
		})
	}
	for _, d := range res.Diagnostics {
		f := byName[d.Path]
		f.Errors = append(f.Errors, checkstyleError{
			Line:     strconv.Itoa(d.Pos.Line),
			Column:   strconv.Itoa(d.Pos.Column),
			Severity: d.Severity.String(),
			Message:  d.Message,
			Source:   "citelint." + d.Rule,
		})
	}
	return writeXML(w, r)
}

// writeXML writes an XML declaration and v, indented, with a final newline.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
