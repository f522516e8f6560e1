package verify

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// benchQuote is a quotation of twenty words, none of them rare in the
// generated text, so that the filter has work to do.
const benchQuote = "the council will not accept a plan that leaves the river towns without water for another summer, the mayor said"

// benchText returns size bytes of generated prose with the quotation near
// the end. Dense text is made of the quotation's words and a few others,
// so the filter lets much of it through to be compared word by word;
// prose-like text mixes common function words with a few thousand made-up
// words of falling frequency, as running text does.
func benchText(size int, dense bool) string {
	function := strings.Fields("the a of and to in that will not for it with as on was by at is be from said")
	var words []string
	if dense {
		words = strings.Fields("the a of and to in that will not accept plan council river towns water summer mayor said " +
			"for another without leaves budget report city state year people local new after before more than its their " +
			"market school board voted members public health road bridge tax rate record rain season week")
	} else {
		syllables := strings.Fields("ka ri to men sal ver do lin pa gor es tu bra nel ci mo dan fe rus ot")
		for i := range 3000 {
			w := ""
			for j := i; ; j /= len(syllables) {
				w += syllables[j%len(syllables)]
				if j < len(syllables) {
					break
				}
			}
			words = append(words, w)
		}
		words = append(words, strings.Fields("council accept plan river towns water summer mayor another without leaves")...)
	}
	r := rand.New(rand.NewPCG(1, 2))
	pick := func() string {
		if dense {
			return words[r.IntN(len(words))]
		}
		if r.IntN(100) < 45 {
			return function[r.IntN(len(function))]
		}
		// Log-uniform ranks: a few words are common, most are rare.
		return words[int(math.Exp(r.Float64()*math.Log(float64(len(words)))))-1]
	}
	var b strings.Builder
	for b.Len() < size-len(benchQuote)-200 {
		b.WriteString(pick())
		if r.IntN(12) == 0 {
			b.WriteString(". ")
		} else {
			b.WriteByte(' ')
		}
	}
	b.WriteString("“The Council will not accept a plan that leaves the river towns without water for another summer,” the mayor said. ")
	for b.Len() < size {
		b.WriteString(pick() + " ")
	}
	return b.String()
}

func benchmarkMatchQuote(b *testing.B, size int, dense bool, quote string, want Verdict) {
	src := benchText(size, dense)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if m := MatchQuote(quote, src); m.Verdict != want {
			b.Fatalf("verdict %v, want %v", m.Verdict, want)
		}
	}
}

// BenchmarkMatchQuote matches a twenty-word quotation against 100 KB and
// 1 MB of text: found as it is near the end, found with two words
// changed, and absent. The time should grow tenfold, not a hundredfold.
func BenchmarkMatchQuote(b *testing.B) {
	near := strings.Replace(benchQuote, "another", "one more", 1)
	absent := "the board voted to raise the school tax rate before the rain season, members of the public said on record"
	for _, text := range []struct {
		name  string
		dense bool
	}{{"prose", false}, {"dense", true}} {
		for _, tc := range []struct {
			name    string
			quote   string
			verdict Verdict
		}{{"exact", benchQuote, Verbatim}, {"near", near, Near}, {"absent", absent, Absent}} {
			for _, size := range []struct {
				name string
				n    int
			}{{"100KB", 100 << 10}, {"1MB", 1 << 20}} {
				b.Run(text.name+"/"+tc.name+"/"+size.name, func(b *testing.B) {
					benchmarkMatchQuote(b, size.n, text.dense, tc.quote, tc.verdict)
				})
			}
		}
	}
}

func BenchmarkNormalize(b *testing.B) {
	src := benchText(1<<20, false)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Normalize(src)
	}
}
