package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// Defaults of the zero fields of [Limits].
const (
	DefaultMaxBytes     = 8 << 20
	DefaultMaxTextBytes = 4 << 20
	DefaultMaxPDFPages  = 500
	DefaultMaxElements  = 100_000
	DefaultTimeout      = 10 * time.Second
)

// Limits bound the work FromBody does on one body. A zero field takes
// its default.
type Limits struct {
	// MaxBytes is the largest body read; a larger one is not readable
	// ("too large"). Default 8 MiB.
	MaxBytes int64
	// MaxTextBytes caps the text kept in Main and in Full each; a page
	// with more is Partial. Default 4 MiB.
	MaxTextBytes int
	// MaxPDFPages caps the pages of a PDF that are read; a longer PDF is
	// Partial. Default 500.
	MaxPDFPages int
	// MaxElements caps the HTML elements handed to readability, whose
	// cost grows faster than the page; a larger page's main text is its
	// visible text outside navigation, headers, footers and asides.
	// Default 100,000.
	MaxElements int
	// Timeout bounds reading a PDF, whose parser may be slow on a hostile
	// file; a PDF not read by then is not readable. Default 10s.
	Timeout time.Duration
}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxTextBytes <= 0 {
		l.MaxTextBytes = DefaultMaxTextBytes
	}
	if l.MaxPDFPages <= 0 {
		l.MaxPDFPages = DefaultMaxPDFPages
	}
	if l.MaxElements <= 0 {
		l.MaxElements = DefaultMaxElements
	}
	if l.Timeout <= 0 {
		l.Timeout = DefaultTimeout
	}
	return l
}

// Page is the text read from one body.
type Page struct {
	// URL is the page's address (or a local file's path); ContentType is
	// its media type, without parameters.
	URL, ContentType string
	// Title is the page's title, "" when it has none.
	Title string
	// Main is the readable main text: the article without navigation,
	// share buttons, related stories or footers; blocks are separated by
	// "\n\n".
	Main string
	// Full is the page's full visible text: Main's and everything else a
	// reader sees, with table cells separated by " | " so that numbers
	// stay apart, figure captions and lists.
	Full string
	// Blocks are Main's paragraphs, headings, list items and table rows,
	// in order.
	Blocks []Block
	// Links are the links of Main, in order.
	Links []Link
	// Readable tells that there is text to check against.
	Readable bool
	// Reason says why the page is not readable, or which part of it was
	// read when it is Partial: "script-only page", "scanned PDF: no text
	// layer", "paywalled: only the free part was read (…)".
	Reason string
	// Partial tells that only part of the page was read: it was cut at a
	// limit, or it is paywalled.
	Partial bool
	// Hash is the hex SHA-256 of the body.
	Hash string
}

// Link is a link of Main: its text, where it points (absolute when the
// page's URL allows) and the span of its text in Main.
type Link struct {
	Text, URL  string
	Start, End int
}

// BlockKind says what a block of Main is.
type BlockKind int

// The kinds of block.
const (
	Paragraph BlockKind = iota
	Heading
	ListItem
	TableRow
	Preformatted
)

// Block is one block of Main.
type Block struct {
	Kind BlockKind
	// Level is a heading's level (1–6) or a list item's depth (1 at the
	// top).
	Level int
	// Quote tells that the block is inside a blockquote.
	Quote bool
	// Start and End span the block's text in Main.
	Start, End int
}

// MarkPaywalled records that the page is behind a paywall, with the
// evidence: what was read is only the free part.
func (p *Page) MarkPaywalled(evidence string) {
	p.Partial = true
	p.Reason = "paywalled: only the free part was read (" + evidence + ")"
}

// FromBody reads the text of body, served from url with contentType (an
// empty type is sniffed). The error is for a body that should have been
// readable and was not (a corrupt PDF); unreadable kinds of pages are a
// Page with Readable false and a Reason.
func FromBody(url, contentType string, body []byte, lim Limits) (*Page, error) {
	lim = lim.withDefaults()
	sum := sha256.Sum256(body)
	p := &Page{URL: url, Hash: hex.EncodeToString(sum[:])}
	p.ContentType = mediaType(contentType, body)
	if int64(len(body)) > lim.MaxBytes {
		p.Reason = fmt.Sprintf("too large: over %d bytes", lim.MaxBytes)
		return p, nil
	}
	switch p.ContentType {
	case "text/html", "application/xhtml+xml":
		fromHTML(p, toUTF8(body, contentType, true), lim)
	case "application/pdf":
		if err := fromPDF(p, body, lim); err != nil {
			p.Reason = "unreadable PDF: " + err.Error()
			return p, fmt.Errorf("read PDF %s: %w", url, err)
		}
	case "text/markdown", "text/x-markdown":
		fromMarkdown(p, toUTF8(body, contentType, false), lim)
	case "text/plain":
		fromPlain(p, toUTF8(body, contentType, false), lim)
	default:
		p.Reason = "unsupported type " + p.ContentType
	}
	return p, nil
}

// toUTF8 decodes body from the charset its Content-Type names, or, for
// HTML, that its byte order mark or meta tag names (windows-1252 when
// none does, as browsers assume); a body already in UTF-8, or in a
// charset no one names, is returned as it is. A quotation on a Latin-1
// page must read as the reader sees it.
func toUTF8(body []byte, contentType string, html bool) []byte {
	var enc encoding.Encoding
	if html {
		e, _, certain := charset.DetermineEncoding(body, contentType)
		if !certain && utf8.Valid(body) {
			return body // no header or byte order mark says otherwise: UTF-8 bytes are UTF-8
		}
		enc = e
	} else if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		enc, _ = charset.Lookup(params["charset"])
	}
	if enc == nil || isUTF8(enc) {
		return body
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return body
	}
	return out
}

func isUTF8(enc encoding.Encoding) bool { return enc == unicode.UTF8 || enc == encoding.Nop }

// mediaType returns the media type of contentType, or sniffs it from
// body when it is missing or unparsable. A ".md" address served as
// octet-stream is still binary to us: only the header or the content
// decide.
func mediaType(contentType string, body []byte) string {
	if mt, _, err := mime.ParseMediaType(contentType); err == nil && mt != "" {
		return strings.ToLower(mt)
	}
	mt, _, _ := mime.ParseMediaType(http.DetectContentType(body))
	return mt
}
