package verify

import (
	"strings"
	"testing"
)

// benchParagraph is written for the benchmark: ordinary prose with figures
// in most of the forms the scanner reads, and codes it skips.
const benchParagraph = "Turnout rose to 45.2 % in 2020, up from 1,234,567 voters; about a third were " +
	"under thirty. Costs doubled to US$4.2 billion over eighteen months, and one in five " +
	"households (20 per cent) paid more than $1,200. COVID-19 cases fell 12% on 2021-03-04, " +
	"see page 45.\n| North | 54% | 3.4 million |\n"

// hostileParagraph is the worst the scanner sees: number words that keep
// almost making a number, digit groups, signs, fractions and codes.
const hostileParagraph = "one hundred and one thousand one hundred and one million and a half " +
	"1,234,567,890,123 −1.5 ½⅓¼ 1⁄2⁄3 3-2-1-0 a a a hundred and and 9x9x9 $$$5 US$US$ "

// measureParagraph is the worst for units: prefixes, powers, rates and
// hyphens that keep almost making a unit.
const measureParagraph = "5 sq sq ft 6 square square 7 cubic m 8m² 9 km2 10 km/h/h 11 miles per per hour " +
	"12 metric metric tons 13 kilowatt-hours-hours 14 sq. m. 15-mile-mile 16 feet a a day 17mph 18 GB/s "

func repeatTo(s string, n int) string {
	return strings.Repeat(s, n/len(s)+1)[:n]
}

// BenchmarkQuantities reads 1 KB and 1 MB of text: the time per byte is
// the same at both sizes (linear), for prose and for hostile text.
//
//	go test -run '^$' -bench Quantities -benchmem ./verify
func BenchmarkQuantities(b *testing.B) {
	for _, c := range []struct {
		name, para string
	}{{"prose", benchParagraph}, {"hostile", hostileParagraph}, {"measures", measureParagraph}} {
		for _, size := range []struct {
			name string
			n    int
		}{{"1KB", 1 << 10}, {"1MB", 1 << 20}} {
			text := repeatTo(c.para, size.n)
			b.Run(c.name+"/"+size.name, func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					Quantities(text)
				}
			})
		}
	}
}

// TestQuantitiesAllocationsLinear is the benchmark's claim as a test that
// cannot be fooled by a busy machine: allocations (one per figure value,
// and the token and result slices) grow with the text, 64 KB costing at
// most 64 times 1 KB plus a tenth.
func TestQuantitiesAllocationsLinear(t *testing.T) {
	for _, para := range []string{benchParagraph, hostileParagraph, measureParagraph} {
		small, large := repeatTo(para, 1<<10), repeatTo(para, 64<<10)
		a := testing.AllocsPerRun(5, func() { Quantities(small) })
		b := testing.AllocsPerRun(5, func() { Quantities(large) })
		if a < 10 || b > 64*a*1.1 {
			t.Errorf("allocations: %.0f for 1 KB, %.0f for 64 KB (over %.0f)", a, b, 64*a*1.1)
		}
	}
}
