package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/citelint/citelint/lint"
)

// JUnit writes JUnit XML, which CI servers show as test results: a
// <testsuite> per file checked and a <testcase> per diagnostic. Only
// diagnostics at or above FailOn are failures, so that the report agrees
// with the exit status; the others pass, their text in <system-out>. A
// clean file holds one passing <testcase>; a file that could not be checked
// holds a <testcase> with an <error>.
type JUnit struct {
	// Files are the files checked, listed even when clean; see Options.Files.
	Files []string
	// FailOn is the least severity that fails a test case; 0 fails none.
	FailOn lint.Severity
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure"`
	Error     *junitProblem `xml:"error"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

// Format implements Formatter.
func (j *JUnit) Format(w io.Writer, res *lint.Result) error {
	files := checkedFiles(res, j.Files)
	suites := junitSuites{Name: "citelint", Suites: make([]junitSuite, len(files))}
	byName := make(map[string]*junitSuite, len(files))
	for i, name := range files {
		suites.Suites[i].Name = name
		byName[name] = &suites.Suites[i]
	}
	for _, e := range res.Errors {
		s := byName[e.Path]
		s.Errors++
		s.Cases = append(s.Cases, junitCase{
			Name: "citelint", Classname: e.Path,
			Error: &junitProblem{Message: "could not check this file: " + e.Err.Error(), Type: "file-error"},
		})
	}
	for _, d := range res.Diagnostics {
		s := byName[d.Path]
		c := junitCase{Name: fmt.Sprintf("%d:%d %s", d.Pos.Line, d.Pos.Column, d.Rule), Classname: d.Path}
		if j.FailOn != 0 && d.Severity >= j.FailOn {
			s.Failures++
			c.Failure = &junitProblem{Message: d.Message, Type: d.Rule, Body: junitBody(d)}
		} else {
			c.SystemOut = junitBody(d)
		}
		s.Cases = append(s.Cases, c)
	}
	for i := range suites.Suites {
		s := &suites.Suites[i]
		if len(s.Cases) == 0 {
			s.Cases = []junitCase{{Name: "citelint", Classname: s.Name}}
		}
		s.Tests = len(s.Cases)
		suites.Tests += s.Tests
		suites.Failures += s.Failures
		suites.Errors += s.Errors
	}
	return writeXML(w, suites)
}

// junitBody is the text of a failure: where, how serious, what, the
// sentence and the suggestion, as a person reads it in a CI test report.
func junitBody(d lint.Diagnostic) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: %s: %s [%s]", d.Path, d.Pos.Line, d.Pos.Column, d.Severity, d.Message, d.Rule)
	if d.Excerpt != "" {
		fmt.Fprintf(&b, "\n%s", d.Excerpt)
	}
	if d.Suggestion != "" {
		fmt.Fprintf(&b, "\nhelp: %s", d.Suggestion)
	}
	return b.String()
}
