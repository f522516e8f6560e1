package extract

import (
	"os"
	"testing"
	"time"
)

// FuzzFromBody feeds FromBody arbitrary bodies as each supported type:
// it must not panic, must finish within its limits, and the spans it
// returns must lie in the text they point into.
func FuzzFromBody(f *testing.F) {
	for _, name := range []string{"article.html", "app.html"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint8(0))
	}
	f.Add(makePDF([]string{"Rose by 4.5 per-", "cent in 2025."}), uint8(1))
	f.Add(makePDF(nil), uint8(1))
	f.Add([]byte("<p><a href=x>a<div>b</div>c</a></p><table><tr><td>1<td>2</table>"), uint8(0))
	f.Add([]byte("plain\n\ntext"), uint8(2))
	types := []string{"text/html", "application/pdf", "text/plain", ""}
	lim := Limits{MaxTextBytes: 1 << 16, Timeout: 2 * time.Second}
	f.Fuzz(func(t *testing.T, body []byte, kind uint8) {
		start := time.Now()
		p, _ := FromBody("https://fuzz.example/page", types[int(kind)%len(types)], body, lim)
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("took %s on %d bytes", d, len(body))
		}
		if len(p.Main) > lim.MaxTextBytes || len(p.Full) > lim.MaxTextBytes {
			t.Fatalf("text over the cap: %d, %d", len(p.Main), len(p.Full))
		}
		for _, l := range p.Links {
			if l.Start < 0 || l.Start > l.End || l.End > len(p.Main) || p.Main[l.Start:l.End] != l.Text {
				t.Fatalf("link %+v out of Main (%d bytes)", l, len(p.Main))
			}
		}
		for _, b := range p.Blocks {
			if b.Start < 0 || b.Start > b.End || b.End > len(p.Main) {
				t.Fatalf("block %+v out of Main (%d bytes)", b, len(p.Main))
			}
		}
		if !p.Readable && p.Reason == "" {
			t.Fatal("not readable with no reason")
		}
	})
}
