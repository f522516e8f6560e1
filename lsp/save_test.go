package lsp

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
)

// While typing, links are judged from the cache only; saving checks them
// over the network (here a test server on 127.0.0.1) and republishes, and
// the results then serve the offline checks that follow.
func TestSaveChecksLinks(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusNotFound)
	}))
	defer srv.Close()
	c := startClient(t, Options{AllowPrivate: true})
	c.initialize(t.TempDir(), "utf-16")
	uri := pathURI(filepath.Join(t.TempDir(), "draft.md"))
	text := "See [the report](" + srv.URL + "/gone).\n"
	c.open(uri, text)
	equal(t, "before saving", ranges(c.next(uri)), nil)
	c.notify("textDocument/didSave", documentParams{TextDocument: textDocumentIdentifier{URI: uri}})
	// The finding spans the address.
	end := len(text) - len(").\n")
	want := []string{"dead-link 0:17-0:" + itoa(end)}
	equal(t, "after saving", ranges(c.next(uri)), want)
	c.change(uri, 2, map[string]any{"text": "Now: " + text})
	equal(t, "offline, from the cache", ranges(c.next(uri)), []string{"dead-link 0:22-0:" + itoa(end+5)})
}
