package lsp

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// draft5000 is a 5,000-word draft with figures, quotes, citations and
// links, so that every prose rule has work to do.
func draft5000() string {
	paragraphs := []string{
		"The council spent 4.2 million dollars on the bridge last year, according to its annual report, and a further 310,000 on repairs that nobody had planned for.",
		"\"We built it twice,\" said Mara Lind, who chairs the works committee. Experts say the second span will last longer, though 23 percent of inspections found cracks.",
		"Residents filed 1,400 complaints in March [citation needed]. Many people believe the tolls will rise again, and some critics argue the numbers were never audited.",
		"A survey of 812 commuters by the [transport office](https://example.org/survey) found that two thirds cross the river daily; the rest use the ferry or the old tunnel.",
		"Officials said the work would finish by June. \"It is the last delay,\" one engineer told the paper, while the mayor promised 12 new buses and a cheaper fare for students.",
	}
	var b strings.Builder
	words := 0
	for i := 0; words < 5000; i++ {
		p := paragraphs[i%len(paragraphs)]
		b.WriteString(p)
		b.WriteString("\n\n")
		words += len(strings.Fields(p))
	}
	return b.String()
}

// BenchmarkRecheckAfterChange measures one edit of a 5,000-word draft:
// the change sent, the draft checked again and its diagnostics received.
func BenchmarkRecheckAfterChange(b *testing.B) {
	c := startClient(b, Options{})
	c.initialize(b.TempDir(), "utf-16")
	uri := pathURI(filepath.Join(b.TempDir(), "draft.md"))
	c.open(uri, draft5000())
	c.next(uri)
	b.ResetTimer()
	for i := range b.N {
		// Type one character at the start, then take it away.
		text, r := "x", rng(0, 0, 0, 0)
		if i%2 == 1 {
			text, r = "", rng(0, 0, 0, 1)
		}
		c.change(uri, i+2, map[string]any{"range": r, "text": text})
		if p := c.next(uri); *p.Version != i+2 {
			b.Fatalf("version %d, want %d", *p.Version, i+2)
		}
	}
}

// Memory stays flat over 1,000 edits: nothing per edit is kept once its
// check is published.
func TestMemoryFlatOverEdits(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000 checks of a long draft")
	}
	c := startClient(t, Options{})
	c.initialize(t.TempDir(), "utf-16")
	uri := pathURI(filepath.Join(t.TempDir(), "draft.md"))
	draft := draft5000()[:8000]
	c.open(uri, draft)
	c.next(uri)
	heap := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	var after100 uint64
	for i := range 1000 {
		text, r := "word ", rng(0, 0, 0, 0)
		if i%2 == 1 {
			text, r = "", rng(0, 0, 0, 5)
		}
		c.change(uri, i+2, map[string]any{"range": r, "text": text})
		c.next(uri)
		if i == 99 {
			after100 = heap()
		}
	}
	after1000 := heap()
	t.Logf("heap after 100 edits %d KB, after 1,000 edits %d KB", after100>>10, after1000>>10)
	if after1000 > after100+4<<20 {
		t.Errorf("heap grew from %d KB to %d KB over 900 edits", after100>>10, after1000>>10)
	}
}

// Changes closer together than the delay are checked once, at the last.
func TestChangesDebounced(t *testing.T) {
	c := startClient(t, Options{Delay: 100 * time.Millisecond})
	c.initialize(t.TempDir(), "utf-16")
	uri := pathURI(filepath.Join(t.TempDir(), "draft.md"))
	c.open(uri, "a\n")
	c.next(uri)
	for v := 2; v <= 4; v++ {
		c.change(uri, v, map[string]any{"range": rng(0, 0, 0, 0), "text": "[citation needed] "})
	}
	p := c.next(uri)
	if *p.Version != 4 || len(p.Diagnostics) != 3 {
		t.Fatalf("first publish after the changes: version %d, %d diagnostics; want version 4, 3", *p.Version, len(p.Diagnostics))
	}
	select {
	case p := <-c.diags:
		t.Fatalf("published again: %+v", p)
	case <-time.After(300 * time.Millisecond):
	}
}
