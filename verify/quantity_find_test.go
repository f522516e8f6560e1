package verify

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestFindFigureLongPage checks that looking for many claims in a page of
// many figures stays cheap: most of the page's figures are passed over by
// their floats, with no exact arithmetic, and the nearest are selected
// without sorting the page for every claim.
func TestFindFigureLongPage(t *testing.T) {
	var b strings.Builder
	for i := range 60_000 {
		fmt.Fprintf(&b, "In district %d, %d.%d%% of %d,%03d households voted. ", i, i%100, i%10, i%900+1, i%1000)
	}
	page := Quantities(b.String())
	if len(page) < 150_000 {
		t.Fatalf("the page has %d figures, want at least 150,000", len(page))
	}
	claims := []string{"45.5%", "1.2 million", "$4.2bn", "doubled", "12 miles", "three years"}
	start := time.Now()
	for i := range 200 {
		c, ok := ParseFigure(claims[i%len(claims)])
		if !ok {
			t.Fatalf("ParseFigure(%q) failed", claims[i%len(claims)])
		}
		FindFigure(c, page)
	}
	elapsed := time.Since(start)
	t.Logf("200 claims against %d figures: %v", len(page), elapsed)
	if elapsed > 30*time.Second {
		t.Errorf("200 claims against %d figures took %v", len(page), elapsed)
	}
	// The answers are those of the exact comparison.
	c, _ := ParseFigure("45.5%")
	m, how, _ := FindFigure(c, page)
	if m == nil || how != Exact || m.Text != "45.5%" {
		t.Errorf("FindFigure(45.5%%) = %v, %v", m, how)
	}
	c, _ = ParseFigure("45.55%")
	if m, _, near := FindFigure(c, page); m != nil || len(near) != 2 || near[0].Text != "45.5%" && near[0].Text != "45.6%" {
		t.Errorf("FindFigure(45.55%%) = %v, nearest %v", m, near)
	}
}
