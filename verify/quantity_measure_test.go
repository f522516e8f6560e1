package verify

import (
	"strings"
	"testing"

	"github.com/citelint/citelint/prose"
)

// TestMeasures: units of measure spelled out and abbreviated, singular and
// plural, US and UK spellings, glued and hyphenated, each read to its
// canonical unit with the span, value and step of the figure.
func TestMeasures(t *testing.T) {
	tests := []struct{ in, want string }{
		{"100 feet", `[0,8) "100 feet" 100 measure step=1 measure=foot`},
		{"100 ft", `[0,6) "100 ft" 100 measure step=1 measure=foot`},
		{"1 foot", `[0,6) "1 foot" 1 measure step=1 measure=foot`},
		{"10 yards", `[0,8) "10 yards" 10 measure step=1 measure=yard`},
		{"10 yd", `[0,5) "10 yd" 10 measure step=1 measure=yard`},
		{"12 inches", `[0,9) "12 inches" 12 measure step=1 measure=inch`},
		{"5 km", `[0,4) "5 km" 5 measure step=1 measure=kilometre`},
		{"5km", `[0,3) "5km" 5 measure step=1 measure=kilometre`},
		{"5 kilometers", `[0,12) "5 kilometers" 5 measure step=1 measure=kilometre`},
		{"5 Kilometres", `[0,12) "5 Kilometres" 5 measure step=1 measure=kilometre`},
		{"3.2 miles", `[0,9) "3.2 miles" 3.2 measure step=0.1 measure=mile`},
		{"1,500 metres", `[0,12) "1,500 metres" 1500 measure step=1 measure=metre`},
		{"1,500 meters", `[0,12) "1,500 meters" 1500 measure step=1 measure=metre`},
		{"40 pounds", `[0,9) "40 pounds" 40 measure step=1 measure=pound`},
		{"40 lbs", `[0,6) "40 lbs" 40 measure step=1 measure=pound`},
		{"18 kg", `[0,5) "18 kg" 18 measure step=1 measure=kilogram`},
		{"18 kilos", `[0,8) "18 kilos" 18 measure step=1 measure=kilogram`},
		{"250 grams", `[0,9) "250 grams" 250 measure step=1 measure=gram`},
		{"2 tons", `[0,6) "2 tons" 2 measure step=1 measure=ton`},
		{"2 tonnes", `[0,8) "2 tonnes" 2 measure step=1 measure=tonne`},
		{"2,000 metric tons", `[0,17) "2,000 metric tons" 2000 measure step=1 measure=tonne`},
		{"5 million tonnes", `[0,16) "5 million tonnes" 5000000 measure step=1000000 measure=tonne`},
		{"500 acres", `[0,9) "500 acres" 500 measure step=1 measure=acre`},
		{"40 hectares", `[0,11) "40 hectares" 40 measure step=1 measure=hectare`},
		{"800 square feet", `[0,15) "800 square feet" 800 measure step=1 measure=square foot`},
		{"800 sq ft", `[0,9) "800 sq ft" 800 measure step=1 measure=square foot`},
		{"800 sq. ft.", `[0,10) "800 sq. ft" 800 measure step=1 measure=square foot`},
		{"800 sqft", `[0,8) "800 sqft" 800 measure step=1 measure=square foot`},
		{"250 square miles", `[0,16) "250 square miles" 250 measure step=1 measure=square mile`},
		{"75 m²", `[0,6) "75 m²" 75 measure step=1 measure=square metre`},
		{"75m²", `[0,5) "75m²" 75 measure step=1 measure=square metre`},
		{"75 sq m", `[0,7) "75 sq m" 75 measure step=1 measure=square metre`},
		{"40 km2", `[0,6) "40 km2" 40 measure step=1 measure=square kilometre`},
		{"3 m³", `[0,5) "3 m³" 3 measure step=1 measure=cubic metre`},
		{"3 cubic feet", `[0,12) "3 cubic feet" 3 measure step=1 measure=cubic foot`},
		{"12 gallons", `[0,10) "12 gallons" 12 measure step=1 measure=gallon`},
		{"2 litres", `[0,8) "2 litres" 2 measure step=1 measure=litre`},
		{"2 liters", `[0,8) "2 liters" 2 measure step=1 measure=litre`},
		{"60 mph", `[0,6) "60 mph" 60 measure step=1 measure=mph`},
		{"60mph", `[0,5) "60mph" 60 measure step=1 measure=mph`},
		{"60 miles per hour", `[0,17) "60 miles per hour" 60 measure step=1 measure=mph`},
		{"60 miles an hour", `[0,16) "60 miles an hour" 60 measure step=1 measure=mph`},
		{"90 km/h", `[0,7) "90 km/h" 90 measure step=1 measure=km/h`},
		{"90 km/hr", `[0,8) "90 km/hr" 90 measure step=1 measure=km/h`},
		{"90 kph", `[0,6) "90 kph" 90 measure step=1 measure=km/h`},
		{"90 kilometres per hour", `[0,22) "90 kilometres per hour" 90 measure step=1 measure=km/h`},
		{"2,500 gallons per minute", `[0,24) "2,500 gallons per minute" 2500 measure step=1 measure=gallon per minute`},
		{"3.2 miles a day", `[0,15) "3.2 miles a day" 3.2 measure step=0.1 measure=mile per day`},
		{"30 miles per gallon", `[0,19) "30 miles per gallon" 30 measure step=1 measure=mile per gallon`},
		// A rate's period after what is measured and whom it is shared by.
		{"36 pounds of food per person each month", `[0,39) "36 pounds of food per person each month" 36 measure step=1 measure=pound per month`},
		{"10 gallons of water every day", `[0,29) "10 gallons of water every day" 10 measure step=1 measure=gallon per day`},
		{"10 gallons per household a week", `[0,31) "10 gallons per household a week" 10 measure step=1 measure=gallon per week`},
		{"36 pounds of food per person", `[0,9) "36 pounds" 36 measure step=1 measure=pound`},
		{"36 pounds of food each", `[0,9) "36 pounds" 36 measure step=1 measure=pound`},
		{"73 hours a month", `[0,16) "73 hours a month" 73 duration step=1 measure=hour per month`},
		{"2 hours of exercise every day", `[0,29) "2 hours of exercise every day" 2 duration step=1 measure=hour per day`},
		{"36 hours", `[0,8) "36 hours" 36 duration step=1 measure=hour`},
		{"36 pounds of 20 items each week", "[0,9) \"36 pounds\" 36 measure step=1 measure=pound\n[13,15) \"20\" 20 count step=1"},
		{"2 GB", `[0,4) "2 GB" 2 measure step=1 measure=gigabyte`},
		{"2GB", `[0,3) "2GB" 2 measure step=1 measure=gigabyte`},
		{"2 gigabytes", `[0,11) "2 gigabytes" 2 measure step=1 measure=gigabyte`},
		{"2 GiB", `[0,5) "2 GiB" 2 measure step=1 measure=gibibyte`},
		{"100 Mbps", `[0,8) "100 Mbps" 100 measure step=1 measure=megabit per second`},
		{"100 megabits per second", `[0,23) "100 megabits per second" 100 measure step=1 measure=megabit per second`},
		{"5 megawatts", `[0,11) "5 megawatts" 5 measure step=1 measure=megawatt`},
		{"3 kilowatt-hours", `[0,16) "3 kilowatt-hours" 3 measure step=1 measure=kilowatt hour`},
		{"3 kWh", `[0,5) "3 kWh" 3 measure step=1 measure=kilowatt hour`},
		// Adjectives: the singular, hyphenated or not.
		{"a 3-mile walk", `[2,8) "3-mile" 3 measure step=1 measure=mile`},
		{"a 100-foot tower", `[2,10) "100-foot" 100 measure step=1 measure=foot`},
		{"a 5 mile walk", `[2,8) "5 mile" 5 measure step=1 measure=mile`},
		// Number words and halves.
		{"forty feet", `[0,10) "forty feet" 40 measure step=1 measure=foot`},
		{"two and a half miles", `[0,20) "two and a half miles" 2.5 measure step=0.5 measure=mile`},
		{"1.2 million acres", `[0,17) "1.2 million acres" 1200000 measure step=100000 measure=acre`},
		// What follows the unit and is not part of it is left out.
		{"12 kg per person", `[0,5) "12 kg" 12 measure step=1 measure=kilogram`},
		{"5 feet a mile", `[0,6) "5 feet" 5 measure step=1 measure=foot`},
		{"5 miles per cent", `[0,7) "5 miles" 5 measure step=1 measure=mile`},
	}
	for _, tt := range tests {
		if got := showAll(Quantities(tt.in)); got != tt.want {
			t.Errorf("Quantities(%q):\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

// TestMeasuresNotUnits: ambiguous letters are not units, and a square or
// a cube needs a length.
func TestMeasuresNotUnits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a 5 m drop", `[2,3) "5" 5 count step=1`},         // "m" alone may be a million
		{"1.2m", `[0,4) "1.2m" 1200000 count step=100000`}, // glued, it is one
		{"5G and 3D", ""}, // no "g" for grams
		{"1 in 5", `[0,6) "1 in 5" 0.2 ratio step=0`}, // no "in" for inches
		{"5m2", ""}, // a code
		{"5h", ""},  // "h" is an hour only in a rate
		{"5 square acres", `[0,1) "5" 5 count step=1`},   // an area is not squared
		{"5 metric gallons", `[0,1) "5" 5 count step=1`}, // only tons are metric
		{"5 square", `[0,1) "5" 5 count step=1`},
		{"5 km/x", `[0,4) "5 km" 5 measure step=1 measure=kilometre`}, // no rate
		{"5 degrees", `[0,1) "5" 5 count step=1`},                     // Fahrenheit, Celsius or an angle
	}
	for _, tt := range tests {
		if got := showAll(Quantities(tt.in)); got != tt.want {
			t.Errorf("Quantities(%q):\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

// TestCompareMeasures: one rule, two measures compare only in the same
// canonical unit, with no conversions, and never with a count.
func TestCompareMeasures(t *testing.T) {
	tests := []struct {
		claim, source string
		want          Support
	}{
		{"100 ft", "100 feet", Exact},
		{"100 feet", "100 yards", None},
		{"5 feet", "5 yards", None},
		{"5 km", "5 kilometres", Exact},
		{"5 kilometers", "5km", Exact},
		{"1.5 km", "1,500 metres", None}, // no conversion
		{"1,500 metres", "1.5 km", None},
		{"3 miles", "3.2 miles", Rounded},
		{"3.2 miles", "3 miles", None},
		{"2 GB", "2 gigabytes", Exact},
		{"2 GB", "2 GiB", None},
		{"2 GB", "2,000 MB", None},
		{"2 tons", "2 tonnes", None},
		{"2,000 metric tons", "2,000 tonnes", Exact},
		{"60 mph", "60 miles per hour", Exact},
		{"60 mph", "60 miles an hour", Exact},
		{"60 mph", "60 km/h", None},
		{"36 pounds of food per person each week", "36 pounds of food per person each month", None},
		{"36 pounds of food per person each month", "36 pounds of food a month", Exact},
		{"36 pounds of food per person each month", "36 pounds", None},
		{"73 hours a week", "73 hours a month", None},
		{"73 hours a week", "73 hours per week", Exact},
		{"73 hours a week", "73 hours", Exact}, // a period stated on one side only
		{"73 hours", "73 hours a month", Exact},
		{"2 days a week", "48 hours a week", Exact},
		{"90 kph", "90 km/h", Exact},
		{"800 sq ft", "800 square feet", Exact},
		{"800 sq ft", "800 feet", None},
		{"75 m²", "75 square metres", Exact},
		{"3 kWh", "3 kilowatt hours", Exact},
		{"3 kWh", "3 kilowatts", None},
		{"a 3-mile walk", "3 miles", Exact},
		{"1.2 million acres", "1,234,567 acres", Rounded},
		{"40 pounds", "£40", None},
		{"100 feet", "100", None},        // a measure never matches a count
		{"100", "100 feet", None},        // nor a count a measure
		{"100 feet", "100 people", None}, // of another noun
		{"100 feet", "100%", None},
		{"100 feet", "$100", None},
		{"18 kg", "18 months", None},
	}
	for _, tt := range tests {
		claim, source := mustFigure(t, tt.claim), mustFigure(t, tt.source)
		if got := Compare(claim, source); got != tt.want {
			t.Errorf("Compare(%q, %q) = %s, want %s", tt.claim, tt.source, got, tt.want)
		}
	}
}

// TestFindFigureMeasures: within 100 feet is not supported by 100 yards,
// and the nearest figures offered are in feet only.
func TestFindFigureMeasures(t *testing.T) {
	source := Quantities("Ads reach phones within 100 yards, up to 120 feet away for 100 people, " +
		"and 95 ft indoors; towers stand 100 metres apart.")
	match, how, nearest := FindFigure(mustFigure(t, "100 feet"), source)
	if match != nil || how != None {
		t.Fatalf("FindFigure(100 feet) = %s %s, want no match", show(*match), how)
	}
	want := "[75,80) \"95 ft\" 95 measure step=1 measure=foot\n[41,49) \"120 feet\" 120 measure step=1 measure=foot"
	if got := showAll(nearest); got != want {
		t.Errorf("nearest:\n%s\nwant:\n%s", got, want)
	}
	match, how, _ = FindFigure(mustFigure(t, "100 yd"), source)
	if match == nil || how != Exact || match.Text != "100 yards" {
		t.Errorf("FindFigure(100 yd) = %v %s, want 100 yards, exact", match, how)
	}
	// A count is offered no measure, a measure no count.
	if _, _, nearest := FindFigure(mustFigure(t, "100 visitors"), Quantities("within 100 yards")); nearest != nil {
		t.Errorf("nearest for a count = %s, want none", showAll(nearest))
	}
	if _, _, nearest := FindFigure(mustFigure(t, "5 km"), Quantities("5 runners ran 5,000 metres")); nearest != nil {
		t.Errorf("nearest for 5 km = %s, want none", showAll(nearest))
	}
}

// TestMeasureWordsAgreeWithLexicon keeps the units here and the prose
// lexicon's [unit] class from drifting: each unit word of the lexicon is
// read here as a measure or a currency, or is one of the few left out on
// purpose.
func TestMeasureWordsAgreeWithLexicon(t *testing.T) {
	notMeasures := map[string]string{
		"degree": "Fahrenheit, Celsius or an angle", "degrees": "Fahrenheit, Celsius or an angle",
		"yen": "a currency verify does not name", "cent": "money", "cents": "money",
	}
	words := prose.WordsOf(prose.UnitWord)
	if len(words) < 30 {
		t.Fatalf("the lexicon has only %d unit words: %v", len(words), words)
	}
	for _, w := range words {
		switch vocabulary().words[w].kind {
		case wMeasure, wCurrencyWord, wCurrencyCode:
			continue
		}
		if _, ok := notMeasures[w]; !ok {
			t.Errorf("%q is a unit of the lexicon but not a measure or currency here", w)
		}
	}
	for canonical, ws := range measureWords {
		for _, w := range ws {
			if w != strings.ToLower(w) || len(w) > maxVocabWord {
				t.Errorf("%s: %q is not lowercase or longer than %d bytes", canonical, w, maxVocabWord)
			}
			if info := vocabulary().words[w]; info.kind != wMeasure || info.measure != canonical {
				t.Errorf("%q reads as %+v, want the measure %s", w, info, canonical)
			}
		}
	}
}
