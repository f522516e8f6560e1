package linkcheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/citelint/citelint/extract"
	"github.com/citelint/citelint/internal/safefile"
)

// textDirName is the cache's folder of page texts: one file per body
// hash, so the cache file itself stays small, and a page served at two
// addresses is kept once.
const textDirName = "links-text"

// maxTextFileBytes bounds a page text file read back: its Main and Full
// at most, with their blocks and links, as extract.DefaultMaxTextBytes
// allows, and room to spare.
const maxTextFileBytes = 64 << 20

// cachedPage is what links.json says of a kept page; Text tells that its
// text is in links-text/<Hash>.txt.
type cachedPage struct {
	ContentType string `json:"contentType,omitempty"`
	Title       string `json:"title,omitempty"`
	Readable    bool   `json:"readable,omitempty"`
	Reason      string `json:"reason,omitempty"`
	Partial     bool   `json:"partial,omitempty"`
	Hash        string `json:"hash,omitempty"`
	Text        bool   `json:"text,omitempty"`
	// TextHash is the text's TextHash, so that the verdicts about the
	// page are found without reading its text; "" in files written
	// before it was kept.
	TextHash string `json:"textHash,omitempty"`
}

// pageText is the content of a page text file.
type pageText struct {
	Main   string
	Full   string
	Blocks []extract.Block
	Links  []extract.Link
}

// textHeader is the first line of a page text file; Main's and Full's
// bytes follow it as they are, so that reading a page back copies its text
// rather than decoding it. A link's text is Main's bytes at its span.
type textHeader struct {
	MainBytes int              `json:"main"`
	FullBytes int              `json:"full"`
	Blocks    [][5]int         `json:"blocks,omitempty"` // kind, level, quote (0 or 1), start, end
	Links     []textHeaderLink `json:"links,omitempty"`
}

type textHeaderLink struct {
	URL   string `json:"u"`
	Start int    `json:"s"`
	End   int    `json:"e"`
}

// encodeText writes a page text file.
func encodeText(t pageText) ([]byte, error) {
	h := textHeader{MainBytes: len(t.Main), FullBytes: len(t.Full)}
	for _, b := range t.Blocks {
		quote := 0
		if b.Quote {
			quote = 1
		}
		h.Blocks = append(h.Blocks, [5]int{int(b.Kind), b.Level, quote, b.Start, b.End})
	}
	for _, l := range t.Links {
		h.Links = append(h.Links, textHeaderLink{URL: l.URL, Start: l.Start, End: l.End})
	}
	head, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(head)+1+len(t.Main)+len(t.Full))
	out = append(append(out, head...), '\n')
	out = append(out, t.Main...)
	return append(out, t.Full...), nil
}

// decodeText reads a page text file, refusing one whose lengths or spans
// do not fit (an edited or cut file must not send a rule out of range).
func decodeText(data []byte) (pageText, bool) {
	nl := bytes.IndexByte(data, '\n')
	if nl < 0 {
		return pageText{}, false
	}
	var h textHeader
	if err := json.Unmarshal(data[:nl], &h); err != nil {
		return pageText{}, false
	}
	rest := data[nl+1:]
	if h.MainBytes < 0 || h.FullBytes < 0 || h.MainBytes+h.FullBytes != len(rest) {
		return pageText{}, false
	}
	main, full := rest[:h.MainBytes], rest[h.MainBytes:]
	t := pageText{Main: string(main)}
	if bytes.Equal(main, full) {
		// A page whose full text is its main text (Markdown, plain text,
		// a bare article) keeps one copy: half the run's memory for it.
		t.Full = t.Main
	} else {
		t.Full = string(full)
	}
	for _, b := range h.Blocks {
		t.Blocks = append(t.Blocks, extract.Block{Kind: extract.BlockKind(b[0]), Level: b[1], Quote: b[2] == 1, Start: b[3], End: b[4]})
	}
	for _, l := range h.Links {
		if l.Start < 0 || l.Start > l.End || l.End > len(t.Main) {
			return pageText{}, false
		}
		t.Links = append(t.Links, extract.Link{Text: t.Main[l.Start:l.End], URL: l.URL, Start: l.Start, End: l.End})
	}
	return t, spansFit(t)
}

// validHash matches a body hash as extract writes it: a text file's name
// is never anything else.
var validHash = regexp.MustCompile(`^[0-9a-f]{64}$`)

// putPage returns what the cache file records of p, and queues its text
// to be written beside it.
func (f *cacheFile) putPage(p *extract.Page) *cachedPage {
	if p == nil {
		return nil
	}
	c := &cachedPage{ContentType: p.ContentType, Title: p.Title, Readable: p.Readable, Reason: p.Reason, Partial: p.Partial, Hash: p.Hash}
	if (p.Main != "" || p.Full != "") && validHash.MatchString(p.Hash) {
		c.Text, c.TextHash = true, TextHash(p)
		if f.texts == nil {
			f.texts = make(map[string]*extract.Page)
		}
		f.texts[p.Hash] = p
	}
	return c
}

// pageLoader returns what reads the page a cache entry describes, with
// its text, once, when first called: the text files are read only for the
// pages a rule reads. The loader returns nil when the text cannot be read
// back.
func (f *cacheFile) pageLoader(c *cachedPage) func() *extract.Page {
	meta := extract.Page{ContentType: c.ContentType, Title: c.Title, Readable: c.Readable, Reason: c.Reason, Partial: c.Partial, Hash: c.Hash}
	if !c.Text {
		return func() *extract.Page { p := meta; return &p }
	}
	if pending, ok := f.texts[c.Hash]; ok {
		return func() *extract.Page { return pending }
	}
	dir := f.dir
	return sync.OnceValue(func() *extract.Page {
		if dir == "" || !validHash.MatchString(meta.Hash) {
			return nil
		}
		data, err := safefile.ReadRegular(filepath.Join(dir, textDirName, meta.Hash+".txt"), maxTextFileBytes)
		if err != nil {
			return nil
		}
		t, ok := decodeText(data)
		if !ok {
			return nil
		}
		p := meta
		p.Main, p.Full, p.Blocks, p.Links = t.Main, t.Full, t.Blocks, t.Links
		return &p
	})
}

// pageMeta returns what reads a cache entry's page description without
// its text (see Result.PageMeta).
func (f *cacheFile) pageMeta(c *cachedPage) func() *PageMeta {
	m := &PageMeta{Readable: c.Readable, Partial: c.Partial, Reason: c.Reason}
	if c.Text {
		m.TextHash = c.TextHash
	}
	return func() *PageMeta { return m }
}

// spansFit reports whether a text file's blocks and links lie in its
// main text: an edited file must not send a rule out of range.
func spansFit(t pageText) bool {
	for _, b := range t.Blocks {
		if b.Start < 0 || b.Start > b.End || b.End > len(t.Main) {
			return false
		}
	}
	for _, l := range t.Links {
		if l.Start < 0 || l.Start > l.End || l.End > len(t.Main) {
			return false
		}
	}
	return true
}

// saveTexts writes the queued page texts (content-addressed: a file
// already there is the same text) and removes those no entry refers to
// any more. It runs under the cache's lock.
func (f *cacheFile) saveTexts() error {
	dir := filepath.Join(f.dir, textDirName)
	referenced := make(map[string]bool)
	for _, e := range f.Entries {
		if e.Page != nil && e.Page.Text {
			referenced[e.Page.Hash] = true
		}
	}
	if len(f.texts) > 0 {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("page texts: %w", err)
		}
	}
	for hash, p := range f.texts {
		if !referenced[hash] {
			continue
		}
		path := filepath.Join(dir, hash+".txt")
		if _, err := os.Lstat(path); err == nil {
			continue
		}
		data, err := encodeText(pageText{Main: p.Main, Full: p.Full, Blocks: p.Blocks, Links: p.Links})
		if err != nil {
			return fmt.Errorf("page text: encode: %w", err)
		}
		if err := writeViaTemp(dir, hash+".*.tmp", path, data); err != nil {
			return fmt.Errorf("page text: %w", err)
		}
	}
	entries, _ := os.ReadDir(dir) // a missing folder lists nothing to remove
	for _, e := range entries {
		name := e.Name()
		hash, _, _ := strings.Cut(name, ".")
		if e.Type().IsRegular() && validHash.MatchString(hash) && !referenced[hash] {
			_ = os.Remove(filepath.Join(dir, name)) // best effort: a leftover costs disk space only
		}
	}
	return nil
}
