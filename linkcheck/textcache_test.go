package linkcheck

import (
	"reflect"
	"testing"
	"unsafe"

	"github.com/citelint/citelint/extract"
)

// roundTrip encodes a page text, checks that it decodes to the same, and
// returns the encoding and what it decodes to.
func roundTrip(t *testing.T, in pageText) ([]byte, pageText) {
	t.Helper()
	data, err := encodeText(in)
	if err != nil {
		t.Fatal(err)
	}
	out, ok := decodeText(data)
	if !ok || !reflect.DeepEqual(in, out) {
		t.Fatalf("round trip: ok %v\n got %+v\nwant %+v", ok, out, in)
	}
	return data, out
}

func TestPageTextFileRoundTrip(t *testing.T) {
	in := pageText{
		Main:   "Heading\n\nSee the report, \u201cquoted\u201d.",
		Full:   "Home\n\nHeading\n\nSee the report, \u201cquoted\u201d.\n\nA | 1",
		Blocks: []extract.Block{{Kind: extract.Heading, Level: 2, Start: 0, End: 7}, {Kind: extract.Paragraph, Quote: true, Start: 9, End: 38}},
		Links:  []extract.Link{{Text: "the report", URL: "https://a.example/r", Start: 13, End: 23}},
	}
	data, _ := roundTrip(t, in)
	for name, bad := range map[string]string{
		"cut short":       string(data[:len(data)-1]),
		"no header":       "just text",
		"link past main":  `{"main":3,"full":0,"links":[{"u":"x","s":1,"e":9}]}` + "\nabc",
		"block past main": `{"main":3,"full":0,"blocks":[[0,0,0,0,4]]}` + "\nabc",
		"negative length": `{"main":-1,"full":4}` + "\nabc",
	} {
		if _, ok := decodeText([]byte(bad)); ok {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestPageTextFileSameMainAndFull checks that a page whose full text is
// its main text reads back as the same text, held once.
func TestPageTextFileSameMainAndFull(t *testing.T) {
	in := pageText{Main: "Heading\n\nBody text, 45%.", Full: "Heading\n\nBody text, 45%."}
	_, out := roundTrip(t, in)
	if unsafe.StringData(out.Main) != unsafe.StringData(out.Full) {
		t.Error("main and full text are two copies")
	}
}
