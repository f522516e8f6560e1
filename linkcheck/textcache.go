package linkcheck

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

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
// text is in links-text/<Hash>.json.
type cachedPage struct {
	ContentType string `json:"contentType,omitempty"`
	Title       string `json:"title,omitempty"`
	Readable    bool   `json:"readable,omitempty"`
	Reason      string `json:"reason,omitempty"`
	Partial     bool   `json:"partial,omitempty"`
	Hash        string `json:"hash,omitempty"`
	Text        bool   `json:"text,omitempty"`
}

// pageText is the content of a page text file.
type pageText struct {
	Main   string          `json:"main"`
	Full   string          `json:"full"`
	Blocks []extract.Block `json:"blocks,omitempty"`
	Links  []extract.Link  `json:"links,omitempty"`
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
		c.Text = true
		if f.texts == nil {
			f.texts = make(map[string]*extract.Page)
		}
		f.texts[p.Hash] = p
	}
	return c
}

// getPage returns the page a cache entry describes, with its text; nil
// when the text cannot be read back (so the page is fetched again).
func (f *cacheFile) getPage(c *cachedPage) *extract.Page {
	p := &extract.Page{ContentType: c.ContentType, Title: c.Title, Readable: c.Readable, Reason: c.Reason, Partial: c.Partial, Hash: c.Hash}
	if !c.Text {
		return p
	}
	if pending, ok := f.texts[c.Hash]; ok {
		p.Main, p.Full, p.Blocks, p.Links = pending.Main, pending.Full, pending.Blocks, pending.Links
		return p
	}
	if f.dir == "" || !validHash.MatchString(c.Hash) {
		return nil
	}
	data, err := safefile.ReadRegular(filepath.Join(f.dir, textDirName, c.Hash+".json"), maxTextFileBytes)
	if err != nil {
		return nil
	}
	var t pageText
	if err := json.Unmarshal(data, &t); err != nil || !spansFit(t) {
		return nil
	}
	p.Main, p.Full, p.Blocks, p.Links = t.Main, t.Full, t.Blocks, t.Links
	return p
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
		path := filepath.Join(dir, hash+".json")
		if _, err := os.Lstat(path); err == nil {
			continue
		}
		data, err := json.Marshal(pageText{Main: p.Main, Full: p.Full, Blocks: p.Blocks, Links: p.Links})
		if err != nil {
			return fmt.Errorf("page text: encode: %w", err)
		}
		tmp, err := os.CreateTemp(dir, hash+".*.tmp")
		if err != nil {
			return fmt.Errorf("page text: %w", err)
		}
		_, err = tmp.Write(data)
		if closeErr := tmp.Close(); err == nil {
			err = closeErr
		}
		if err == nil {
			err = os.Rename(tmp.Name(), path)
		}
		if err != nil {
			_ = os.Remove(tmp.Name()) // best effort: the write already failed
			return fmt.Errorf("page text: write %s: %w", path, err)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil // no folder: nothing to remove
	}
	for _, e := range entries {
		name := e.Name()
		hash, _, _ := strings.Cut(name, ".")
		if e.Type().IsRegular() && validHash.MatchString(hash) && !referenced[hash] {
			_ = os.Remove(filepath.Join(dir, name)) // best effort: a leftover costs disk space only
		}
	}
	return nil
}
