package extract

import (
	"fmt"
	"strings"
	"testing"
)

// newsHTML is a news page of at least size bytes: navigation, paragraphs
// with figures and links, a table every ten paragraphs, a footer.
func newsHTML(size int) []byte {
	var sb strings.Builder
	sb.WriteString(`<!doctype html><html><head><title>Report</title><script>var x = 1;</script></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Harbour report</h1>`)
	for i := 0; sb.Len() < size; i++ {
		fmt.Fprintf(&sb, `<p>In quarter %d the port handled %d,%03d containers, %d.%d percent more than a year before, according to <a href="/source/%d">the authority</a>. "We expect growth to continue," the director said.</p>`, i, i%97, i%1000, i%13, i%10, i)
		if i%10 == 9 {
			fmt.Fprintf(&sb, `<table><tr><th>Cargo</th><th>Tonnes</th></tr><tr><td>Bulk</td><td>%d</td></tr><tr><td>Liquid</td><td>%d</td></tr></table>`, i*31, i*17)
		}
	}
	sb.WriteString(`</article><footer>© Example</footer></body></html>`)
	return []byte(sb.String())
}

// reportPDF is a PDF of at least size bytes: pages of 40 lines of prose,
// some of them hyphenated across lines.
func reportPDF(size int) []byte {
	var pages [][]string
	total := 0
	for p := 0; total < size; p++ {
		var lines []string
		for l := range 40 {
			line := fmt.Sprintf("Line %d of page %d: the port handled %d containers in the quar-", l, p, p*40+l)
			if l%2 == 1 {
				line = fmt.Sprintf("ter, %d.%d percent more than the year before it.", l%13, p%10)
			}
			lines = append(lines, line)
			total += len(line) + 40 // the text operators around each line
		}
		pages = append(pages, lines)
	}
	return makePDF(pages...)
}

// BenchmarkFromBody extracts HTML and PDF bodies of 100 KB and 1 MB; the
// MB/s column shows whether the cost grows with the size alone.
func BenchmarkFromBody(b *testing.B) {
	for _, kind := range []string{"html", "pdf"} {
		for _, size := range []int{100 << 10, 1 << 20} {
			body, contentType := newsHTML(size), "text/html"
			if kind == "pdf" {
				body, contentType = reportPDF(size), "application/pdf"
			}
			b.Run(fmt.Sprintf("%s-%dKB", kind, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				for b.Loop() {
					p, err := FromBody("https://bench.example/page", contentType, body, Limits{})
					if err != nil || !p.Readable {
						b.Fatalf("not readable: %v %q", err, p.Reason)
					}
				}
			})
		}
	}
}
