package extract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// errStop ends a PDF's interpretation early: its text budget is spent or
// its time is up. The parser reports failures by panicking, so this one
// travels the same way and is recovered.
var errStop = errors.New("stop reading the PDF")

// errPDFTimeout is a PDF not read in Limits.Timeout.
var errPDFTimeout = errors.New("took too long to read")

// pdfSlots bounds the PDF parsers running at once in the process. The
// parser cannot be stopped from outside, and some malformed files make
// it loop without reading (an unterminated hex string in a content
// stream, say): such a parser keeps its slot, and its CPU, until the
// process ends, so that hostile files cost at most this many busy
// goroutines however many a run meets. It is process-wide on purpose:
// what it bounds is.
var pdfSlots = make(chan struct{}, 2)

// fromPDF reads a PDF's text layer, page by page, with hyphenated words
// rejoined. The parser runs in a goroutine with a deadline; its reads
// fail once the deadline passes, so a hostile file that keeps it reading
// stops soon after FromBody has returned, and one that keeps it looping
// holds one of pdfSlots.
func fromPDF(p *Page, body []byte, lim Limits) error {
	deadline := time.Now().Add(lim.Timeout)
	select {
	case pdfSlots <- struct{}{}:
	case <-time.After(time.Until(deadline)):
		p.Reason = "PDF not read: the PDF reader is still busy with earlier PDFs that took too long"
		return nil
	}
	src := &deadlineReaderAt{r: bytes.NewReader(body), deadline: deadline}
	type outcome struct {
		pages   []string
		partial bool
		err     error
	}
	done := make(chan outcome, 1)
	go func() {
		var o outcome
		defer func() {
			<-pdfSlots
			if r := recover(); r != nil {
				o.err = fmt.Errorf("malformed PDF: %v", r)
				if e, ok := r.(error); ok && (errors.Is(e, errStop) || errors.Is(e, errPDFTimeout)) {
					o.err = e
				}
			}
			done <- o
		}()
		o.pages, o.partial, o.err = readPDF(src, int64(len(body)), lim, deadline)
	}()
	var o outcome
	select {
	case o = <-done:
	case <-time.After(time.Until(deadline) + 100*time.Millisecond):
		src.expired.Store(true)
		o.err = errPDFTimeout
	}
	if errors.Is(o.err, errPDFTimeout) || (o.err != nil && src.refused.Load()) {
		// The parser turns a failed read into a message of its own: a
		// refused read is what tells a timeout.
		p.Reason = fmt.Sprintf("PDF not read: it took longer than %s", lim.Timeout)
		return nil
	}
	if o.err != nil {
		return o.err
	}
	paras := make([]string, len(o.pages))
	for i, page := range o.pages {
		paras[i] = joinPDFLines(page)
	}
	p.setParagraphs(paras)
	p.Readable = strings.TrimSpace(p.Main) != ""
	switch {
	case !p.Readable:
		p.Reason = "scanned PDF: no text layer"
	case o.partial:
		p.Partial, p.Reason = true, "too large: only the first part was read"
	}
	return nil
}

// readPDF returns the raw text of each page, at most lim.MaxPDFPages and
// lim.MaxTextBytes in all; partial tells that it stopped at a limit.
func readPDF(src *deadlineReaderAt, size int64, lim Limits, deadline time.Time) (pages []string, partial bool, err error) {
	r, err := pdf.NewReader(src, size)
	if err != nil {
		return nil, false, err
	}
	// The page tree is walked once: the reader's Page(i) starts from the
	// root for every page, which is quadratic in a flat tree.
	list, partial := pageList(r.Trailer().Key("Root").Key("Pages"), lim.MaxPDFPages)
	budget := lim.MaxTextBytes
	for _, page := range list {
		text, stopped := pageText(page, &budget, deadline)
		pages = append(pages, text)
		if stopped {
			return pages, true, nil
		}
	}
	return pages, partial, nil
}

// maxPageTreeDepth bounds the nesting of a PDF's page tree that is
// walked: real files nest a few levels; a loop would nest forever.
const maxPageTreeDepth = 32

// pageList returns the pages of a page tree in order, at most max of
// them; more tells that there were more (or that the tree went deeper
// than maxPageTreeDepth, or had more nodes than four per page allowed: a
// tree whose nodes point back at their parents is walked only so far).
func pageList(root pdf.Value, max int) (pages []pdf.Page, more bool) {
	visits := 4*max + 64
	var walk func(node pdf.Value, depth int)
	walk = func(node pdf.Value, depth int) {
		if depth > maxPageTreeDepth {
			more = true
			return
		}
		kids := node.Key("Kids")
		for i := 0; i < kids.Len(); i++ {
			if visits--; len(pages) >= max || visits < 0 {
				more = true
				return
			}
			kid := kids.Index(i)
			switch kid.Key("Type").Name() {
			case "Pages":
				walk(kid, depth+1)
			case "Page":
				pages = append(pages, pdf.Page{V: kid})
			}
		}
	}
	walk(root, 0)
	return pages, more
}

// pageText is a page's text as the content stream shows it: a line
// break for each text object and each "next line" operator. It stops
// when budget runs out, and panics with errPDFTimeout at the deadline.
func pageText(page pdf.Page, budget *int, deadline time.Time) (text string, stopped bool) {
	if page.V.IsNull() || page.V.Key("Contents").IsNull() {
		return "", false
	}
	fonts := make(map[string]pdf.TextEncoding)
	var sb strings.Builder
	var enc pdf.TextEncoding
	write := func(s string) {
		if *budget-len(s) < 0 {
			panic(errStop)
		}
		*budget -= len(s)
		sb.WriteString(s)
	}
	show := func(raw string) {
		if enc == nil {
			write(raw)
			return
		}
		write(enc.Decode(raw))
	}
	ops := 0
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok && errors.Is(e, errStop) {
				text, stopped = sb.String(), true
				return
			}
			panic(r)
		}
	}()
	pdf.Interpret(page.V.Key("Contents"), func(stk *pdf.Stack, op string) {
		if ops++; ops%1024 == 0 && time.Now().After(deadline) {
			panic(errPDFTimeout)
		}
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		switch op {
		case "BT", "T*", "Tm":
			write("\n")
		case "Td", "TD":
			// Many PDFs set each line (or each word) with a move inside one
			// text object: a move down is a new line, a move along the
			// line a space, so that words are not glued together.
			if len(args) == 2 {
				switch {
				case args[1].Float64() != 0:
					write("\n")
				case args[0].Float64() != 0:
					write(" ")
				}
			}
		case "Tf":
			if len(args) != 2 {
				return
			}
			name := args[0].Name()
			e, ok := fonts[name]
			if !ok {
				f := page.Font(name)
				e = f.Encoder()
				fonts[name] = e
			}
			enc = e
		case "'", "\"", "Tj":
			if len(args) > 0 {
				show(args[len(args)-1].RawString())
			}
		case "TJ":
			if len(args) != 1 {
				return
			}
			v := args[0]
			for i := 0; i < v.Len(); i++ {
				x := v.Index(i)
				switch x.Kind() {
				case pdf.String:
					show(x.RawString())
				case pdf.Integer, pdf.Real:
					// A large negative kern is how many PDFs write a space.
					if x.Float64() < -200 {
						write(" ")
					}
				}
			}
		}
	})
	return sb.String(), false
}

// joinPDFLines joins a page's lines into running text: a word hyphenated
// across lines ("distri-" + "bution") is rejoined, other line breaks
// become spaces, and white space is collapsed. A compound cut at its own
// hyphen ("well-" + "known") keeps the hyphen when the page writes the
// compound with a hyphen elsewhere and never without.
func joinPDFLines(page string) string {
	lines := strings.Split(page, "\n")
	var words map[string]bool // the page's words, made when first needed
	var out []byte
	for _, line := range lines {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			continue
		}
		switch {
		case len(out) == 0:
		case hyphenatedEnd(out) && startsLower(line):
			if words == nil {
				words = make(map[string]bool)
				for _, w := range strings.Fields(page) {
					words[strings.Trim(w, ".,;:!?()\"'")] = true
				}
			}
			head := lastWord(out[:len(out)-1])
			tail, _, _ := strings.Cut(line, " ")
			tail = strings.TrimRight(tail, ".,;:!?()\"'")
			if !words[head+"-"+tail] || words[head+tail] {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, ' ')
		}
		out = append(out, line...)
	}
	return string(out)
}

// lastWord returns the letters and hyphens that end s.
func lastWord(s []byte) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRune(s[:i])
		if !unicode.IsLetter(r) && r != '-' {
			break
		}
		i -= size
	}
	return string(s[i:])
}

// hyphenatedEnd tells text ending in a letter and a hyphen: a word cut at
// the line's end (not "--" nor a lone "-").
func hyphenatedEnd(s []byte) bool {
	if len(s) < 2 || s[len(s)-1] != '-' {
		return false
	}
	r, _ := utf8.DecodeLastRune(s[:len(s)-1])
	return unicode.IsLetter(r)
}

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

// deadlineReaderAt fails every read once expired is set or the deadline
// passes, so that the parser, left running after a timeout, stops soon.
type deadlineReaderAt struct {
	r        *bytes.Reader
	deadline time.Time
	expired  atomic.Bool
	// refused tells that a read was refused for the deadline.
	refused atomic.Bool
}

func (d *deadlineReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if d.expired.Load() || time.Now().After(d.deadline) {
		d.refused.Store(true)
		return 0, errPDFTimeout
	}
	return d.r.ReadAt(p, off)
}
