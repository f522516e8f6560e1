package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/citelint/citelint/lint"
)

// GitHub writes GitHub Actions workflow commands, one line per diagnostic,
// which the runner turns into annotations on the pull request:
//
//	::error file=F,line=L,endLine=E,col=C,endColumn=D,title=RULE::MESSAGE
//
// Errors become error annotations, warnings warning annotations and infos
// notices. col and endColumn are given only for spans on one line, as
// GitHub requires; endColumn is the span's last column. Files that could
// not be checked become error annotations on the file.
type GitHub struct{}

// Format implements Formatter.
func (GitHub) Format(w io.Writer, res *lint.Result) error {
	bw := bufio.NewWriter(w)
	for _, e := range res.Errors {
		fmt.Fprintf(bw, "::error file=%s,title=citelint::%s\n",
			escapeProperty(e.Path), escapeData("could not check this file: "+e.Err.Error()))
	}
	for _, d := range res.Diagnostics {
		props := []string{"file=" + escapeProperty(d.Path), fmt.Sprintf("line=%d", d.Pos.Line)}
		endLine := d.EndPos.Line
		if endLine > d.Pos.Line && d.EndPos.Column == 1 {
			endLine-- // the span ends with a line break
		}
		props = append(props, fmt.Sprintf("endLine=%d", endLine))
		if d.EndPos.Line == d.Pos.Line {
			props = append(props,
				fmt.Sprintf("col=%d", d.Pos.Column),
				fmt.Sprintf("endColumn=%d", max(d.Pos.Column, d.EndPos.Column-1)))
		}
		props = append(props, "title="+escapeProperty(d.Rule))
		fmt.Fprintf(bw, "::%s %s::%s\n", githubLevel(d.Severity), strings.Join(props, ","), escapeData(messageWithHelp(d)))
	}
	return bw.Flush()
}

func githubLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}

// escapeData escapes a workflow command's message as actions/toolkit does:
// '%', '\r' and '\n'.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value: as a message,
// and also ':' and ','.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
