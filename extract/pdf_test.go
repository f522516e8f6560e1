package extract

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
)

// makePDF writes a small PDF whose pages show the given lines, one text
// object per line, in Helvetica. A page with no lines draws a rectangle
// only, as a scan's page shows an image and no text.
func makePDF(pages ...[]string) []byte {
	var objs []string
	n := len(pages)
	// 1 catalog, 2 pages, 3 font, then per page: page object, content stream.
	kids := make([]string, n)
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 4+2*i)
	}
	objs = append(objs,
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	for i, lines := range pages {
		var content strings.Builder
		if len(lines) == 0 {
			content.WriteString("0 0 0 rg 10 10 200 300 re f\n")
		}
		for j, line := range lines {
			esc := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(line)
			fmt.Fprintf(&content, "BT /F1 11 Tf 72 %d Td (%s) Tj ET\n", 720-14*j, esc)
		}
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i),
			fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()))
	}
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = buf.Len()
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return buf.Bytes()
}

func TestFromBodyPDF(t *testing.T) {
	body := makePDF(
		[]string{"Annual report 2025", "Ship calls rose to 1,204 as the distri-", "bution centre opened. Pre-", "Covid levels were passed."},
		[]string{"Containers: 461 thousand", "Bulk: 298 thousand"},
	)
	p, err := FromBody("https://port.example/report.pdf", "application/pdf", body, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Annual report 2025 Ship calls rose to 1,204 as the distribution centre opened. Pre- Covid levels were passed.\n\nContainers: 461 thousand Bulk: 298 thousand"
	if !p.Readable || p.Partial || p.Main != want || p.Full != want {
		t.Errorf("Readable %v, Partial %v, Reason %q\nMain %q\nwant %q", p.Readable, p.Partial, p.Reason, p.Main, want)
	}
	if len(p.Blocks) != 2 || p.Blocks[1].Start != strings.Index(want, "Containers") {
		t.Errorf("Blocks = %+v", p.Blocks)
	}
}

// A page whose lines are moves inside one text object, and whose words
// are set one move apart on the line, as many generators write them.
func TestFromBodyPDFMovesInOneTextObject(t *testing.T) {
	body := makePDF([]string{"placeholder"})
	old := "BT /F1 11 Tf 72 720 Td (placeholder) Tj ET\n"
	content := "BT /F1 11 Tf 72 720 Td (Exports rose) Tj 60 0 Td (4.5%) Tj -60 -14 Td (in the year to) Tj T* (March.) Tj ET\n"
	body = rewriteContent(t, body, old, content)
	p, err := FromBody("moves.pdf", "application/pdf", body, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Exports rose 4.5% in the year to March."; p.Main != want {
		t.Errorf("Main %q, want %q", p.Main, want)
	}
}

// rewriteContent replaces a page's content stream in a PDF makePDF wrote,
// fixing its /Length and the cross-reference offsets that follow.
func rewriteContent(t *testing.T, pdf []byte, old, content string) []byte {
	t.Helper()
	s := string(pdf)
	s = strings.Replace(s, fmt.Sprintf("<< /Length %d >>\nstream\n%s", len(old), old), fmt.Sprintf("<< /Length %d >>\nstream\n%s", len(content), content), 1)
	// Rebuild the xref from the objects' positions.
	body, _, ok := strings.Cut(s, "xref\n")
	if !ok {
		t.Fatal("no xref in the generated PDF")
	}
	var offsets []int
	for i := 1; ; i++ {
		at := strings.Index(body, fmt.Sprintf("\n%d 0 obj\n", i))
		if at < 0 {
			break
		}
		offsets = append(offsets, at+1)
	}
	var buf bytes.Buffer
	buf.WriteString(body)
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, len(body))
	return buf.Bytes()
}

func TestFromBodyPDFPageCap(t *testing.T) {
	body := makePDF([]string{"Page one."}, []string{"Page two."}, []string{"Page three."})
	p, err := FromBody("r.pdf", "application/pdf", body, Limits{MaxPDFPages: 2})
	if err != nil {
		t.Fatal(err)
	}
	if p.Main != "Page one.\n\nPage two." || !p.Partial || p.Reason != "too large: only the first part was read" {
		t.Errorf("Main %q, Partial %v, Reason %q", p.Main, p.Partial, p.Reason)
	}
}

func TestFromBodyScannedPDF(t *testing.T) {
	p, err := FromBody("https://port.example/scan.pdf", "application/pdf", makePDF(nil, nil), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Readable || p.Reason != "scanned PDF: no text layer" {
		t.Errorf("Readable %v, Reason %q", p.Readable, p.Reason)
	}
}

func TestFromBodyCorruptPDF(t *testing.T) {
	p, err := FromBody("https://port.example/bad.pdf", "application/pdf", []byte("%PDF-1.4\nnothing else"), Limits{})
	if err == nil || p.Readable || !strings.HasPrefix(p.Reason, "unreadable PDF: ") {
		t.Errorf("err %v, Readable %v, Reason %q", err, p.Readable, p.Reason)
	}
	if !strings.Contains(err.Error(), "read PDF https://port.example/bad.pdf: ") {
		t.Errorf("err = %v", err)
	}
}

func TestFromBodyPDFTimeout(t *testing.T) {
	lines := make([]string, 2000)
	for i := range lines {
		lines[i] = "A line of text that takes a moment to read."
	}
	body := makePDF(lines, lines, lines, lines, lines, lines, lines, lines)
	start := time.Now()
	p, err := FromBody("slow.pdf", "application/pdf", body, Limits{Timeout: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if p.Readable || p.Reason != "PDF not read: it took longer than 1ms" {
		t.Errorf("Readable %v, Reason %q", p.Readable, p.Reason)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %s", d)
	}
}

func TestJoinPDFLines(t *testing.T) {
	for in, want := range map[string]string{
		"a well-\nknown fact":             "a wellknown fact",
		"a well-\nknown fact, well-known": "a well-known fact, well-known",
		"a well-\nknown fact, wellknown":  "a wellknown fact, wellknown",
		"in-\ncrease":                     "increase",
		"COVID-\n19 cases":                "COVID- 19 cases",
		"the 2024-\n2025 year":            "the 2024- 2025 year",
		"pages 1 -\nlater":                "pages 1 - later",
		"  spaced   out  \n\n x":          "spaced out x",
	} {
		if got := joinPDFLines(in); got != want {
			t.Errorf("joinPDFLines(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPageTreeLoopIsBounded(t *testing.T) {
	// A Pages node whose kids are itself, twice: walked naively, 2^32
	// visits.
	obj1 := "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
	obj2 := "2 0 obj\n<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 2 >>\nendobj\n"
	body := []byte("%PDF-1.4\n" + obj1 + obj2)
	xref := len(body)
	body = append(body, fmt.Sprintf("xref\n0 3\n0000000000 65535 f \n%010d 00000 n \n%010d 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", 9, 9+len(obj1), xref)...)
	start := time.Now()
	p, err := FromBody("loop.pdf", "application/pdf", body, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Readable || p.Reason != "scanned PDF: no text layer" || time.Since(start) > 2*time.Second {
		t.Errorf("Readable %v, Reason %q, took %s", p.Readable, p.Reason, time.Since(start))
	}
}

// The PDF library loops forever on some malformed files, without reading
// (here, an unterminated hex string in a content stream): FromBody gives
// up at the timeout, the looping parser keeps one of the process's PDF
// slots, and once every slot is held, PDFs are refused rather than left
// to pile up. This test runs last in the package: the parser it strands
// keeps a CPU busy until the test binary exits.
func TestLoopingPDFParserIsContained(t *testing.T) {
	body := readTestdata(t, "unterminated-hex.pdf")
	start := time.Now()
	p, err := FromBody("loop.pdf", "application/pdf", body, Limits{Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if p.Readable || p.Reason != "PDF not read: it took longer than 200ms" || time.Since(start) > 2*time.Second {
		t.Fatalf("Readable %v, Reason %q, took %s", p.Readable, p.Reason, time.Since(start))
	}
	if n := len(pdfSlots); n != 1 {
		t.Fatalf("%d PDF slots held, want the looping parser's one", n)
	}
	pdfSlots <- struct{}{} // the other slot, as a second looping parser would
	defer func() { <-pdfSlots }()
	p, err = FromBody("fine.pdf", "application/pdf", makePDF([]string{"Fine."}), Limits{Timeout: 100 * time.Millisecond})
	if err != nil || p.Readable || p.Reason != "PDF not read: the PDF reader is still busy with earlier PDFs that took too long" {
		t.Errorf("with every slot held: err %v, Readable %v, Reason %q", err, p.Readable, p.Reason)
	}
}
