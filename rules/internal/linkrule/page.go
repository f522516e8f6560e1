package linkrule

import (
	"fmt"
	"path"
	"strings"

	"github.com/citelint/citelint/extract"
	"github.com/citelint/citelint/lint"
)

// Page returns the text of what l points to, and whether there is an
// answer: for a web link, the page the link checker kept (when the
// driver had it keep text, see lint.Rule.NeedsPageText); for a link to a
// local file (./report.pdf, other.md), the file read through the pass,
// at most Options.MaxLocalFileBytes, once per run. A page that could not
// be read is returned too, not readable, with the reason: that is an
// answer ("scanned PDF: no text layer"). Other links have none.
func (f *Facts) Page(p *lint.Pass, l Link) (*extract.Page, bool) {
	switch l.Kind {
	case WebLink:
		r, ok := f.Result(l)
		if !ok || r.Page() == nil {
			return nil, false
		}
		return r.Page(), true
	case LocalLink:
		return f.Files.Page(p, l.File), true
	}
	return nil, false
}

// localContentType is the media type of a local file, by its extension;
// "" lets extract sniff it.
func localContentType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".pdf":
		return "application/pdf"
	case ".md", ".markdown":
		return "text/markdown"
	case ".txt":
		return "text/plain"
	case ".html", ".htm":
		return "text/html"
	}
	return ""
}

// Page returns the text of the local file name, read once per run and
// bounded by the run's local file limit; a file that cannot be read is a
// page that is not readable, with the reason.
func (lf *localFiles) Page(p *lint.Pass, name string) *extract.Page {
	f := lf.get(name)
	f.pageOnce.Do(func() {
		src, err := p.ReadFile(name, lf.maxBytes)
		if err != nil {
			f.page = &extract.Page{URL: name, Reason: fmt.Sprintf("cannot read the file: %v", err)}
			return
		}
		// A local file's limit is the run's: extract must not refuse
		// what it was allowed to read.
		page, _ := extract.FromBody(name, localContentType(name), src, extract.Limits{MaxBytes: lf.maxBytes})
		f.page = page
	})
	return f.page
}
