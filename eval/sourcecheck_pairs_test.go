package eval

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const PairsFile = "labels/sourcecheck/pairs.jsonl"

// Pairs2File is the second held-out set, labelled later from other citing
// posts (labels/sourcecheck/README.md, "Second held-out set").
const Pairs2File = "labels/sourcecheck/pairs2.jsonl"

// Pairs3File is the third held-out set, labelled later still from citing
// posts used by neither earlier set (labels/sourcecheck/README.md, "Third
// held-out set").
const Pairs3File = "labels/sourcecheck/pairs3.jsonl"

// Pairs4File is the fourth held-out set: corpus pairs from citing posts used
// by none of the earlier sets, and written paragraphs citing public-domain
// pages materialised outside the repository by scripts/sources4.sh
// (labels/sourcecheck/README.md, "Fourth held-out set").
const Pairs4File = "labels/sourcecheck/pairs4.jsonl"

// readSourcePairs parses the file strictly: unknown or missing keys fail,
// so a renamed field cannot silently empty a column.
func readSourcePairs(t *testing.T) []Pair {
	t.Helper()
	return readPairsFile(t, PairsFile)
}

func readPairsFile(t *testing.T, file string) []Pair {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var pairs []Pair
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		var keys map[string]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &keys); err != nil {
			t.Fatalf("%s:%d: %v", file, line, err)
		}
		if len(keys) != 12 {
			t.Errorf("%s:%d: %d keys, want the 12 of the README", file, line, len(keys))
		}
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		var p Pair
		if err := dec.Decode(&p); err != nil {
			t.Fatalf("%s:%d: %v", file, line, err)
		}
		pairs = append(pairs, p)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return pairs
}

// splitOf is the README's split rule: the first byte of the SHA-256 of the
// citing post's file name, below 0x80 for tune. One post's pairs stay
// together, so a tuned threshold never sees a held-out post's wording.
func splitOf(citing string) string {
	if sha256.Sum256([]byte(citing))[0] < 0x80 {
		return "tune"
	}
	return "heldout"
}

func TestSourcePairsSchema(t *testing.T) {
	// The table in labels/sourcecheck/README.md.
	want := map[string]int{
		"figure supported tune false": 14, "figure supported tune true": 6,
		"figure supported heldout false": 7, "figure supported heldout true": 4,
		"figure unsupported tune false": 19, "figure unsupported tune true": 17,
		"figure unsupported heldout false": 12, "figure unsupported heldout true": 8,
		"quotation supported tune false": 4, "quotation supported tune true": 1,
		"quotation supported heldout false": 10, "quotation supported heldout true": 5,
		"quotation unsupported tune false": 2, "quotation unsupported tune true": 4,
		"quotation unsupported heldout false": 5, "quotation unsupported heldout true": 12,
	}
	checkSourcePairs(t, readSourcePairs(t), `^sc-\d{3}$`, splitOf, want, 130)
}

// TestSourcePairs2Schema checks the second held-out set the same way; all
// of it is split "heldout2", since none of it may be tuned on.
func TestSourcePairs2Schema(t *testing.T) {
	// The table in labels/sourcecheck/README.md, "Second held-out set".
	want := map[string]int{
		"figure supported heldout2 false": 11, "figure supported heldout2 true": 9,
		"figure unsupported heldout2 false": 12, "figure unsupported heldout2 true": 16,
		"quotation supported heldout2 false": 2, "quotation supported heldout2 true": 3,
		"quotation unsupported heldout2 false": 3, "quotation unsupported heldout2 true": 5,
	}
	heldout2 := func(string) string { return "heldout2" }
	checkSourcePairs(t, readPairsFile(t, Pairs2File), `^sc2-\d{3}$`, heldout2, want, 61)
}

// TestSourcePairs3Schema checks the third held-out set the same way; all of
// it is split "heldout3", since none of it may be tuned on.
func TestSourcePairs3Schema(t *testing.T) {
	// The table in labels/sourcecheck/README.md, "Third held-out set".
	want := map[string]int{
		"figure supported heldout3 false": 17, "figure supported heldout3 true": 8,
		"figure unsupported heldout3 false": 7, "figure unsupported heldout3 true": 16,
		"quotation supported heldout3 false": 2, "quotation supported heldout3 true": 4,
		"quotation unsupported heldout3 false": 5, "quotation unsupported heldout3 true": 4,
	}
	heldout3 := func(string) string { return "heldout3" }
	checkSourcePairs(t, readPairsFile(t, Pairs3File), `^sc3-\d{3}$`, heldout3, want, 63)
}

// TestSourcePairs3Disjoint checks that the third set shares no id with the
// earlier two and cites from none of their posts, so no paragraph is shared.
func TestSourcePairs3Disjoint(t *testing.T) {
	ids := map[string]bool{}
	citing := map[string]string{} // citing post -> the earlier file holding it
	for _, file := range []string{PairsFile, Pairs2File} {
		for _, p := range readPairsFile(t, file) {
			ids[p.ID] = true
			citing[p.Citing] = file
		}
	}
	for _, p := range readPairsFile(t, Pairs3File) {
		if ids[p.ID] {
			t.Errorf("%s: id also in an earlier set", p.ID)
		}
		if f, ok := citing[p.Citing]; ok {
			t.Errorf("%s: citing post %s is also a citing post of %s", p.ID, p.Citing, f)
		}
	}
}

// TestSourcePairsDisjoint checks that no id is in both files and that the
// second set cites from none of the first set's posts, so no paragraph is
// shared between them.
func TestSourcePairsDisjoint(t *testing.T) {
	first := readSourcePairs(t)
	ids := map[string]bool{}
	citing := map[string]bool{}
	for _, p := range first {
		ids[p.ID] = true
		citing[p.Citing] = true
	}
	for _, p := range readPairsFile(t, Pairs2File) {
		if ids[p.ID] {
			t.Errorf("%s: id in both %s and %s", p.ID, PairsFile, Pairs2File)
		}
		if citing[p.Citing] {
			t.Errorf("%s: citing post %s is also a citing post of %s", p.ID, p.Citing, PairsFile)
		}
	}
}

// checkPairHead checks what every pair of a set shares: an id of the set's
// form that no other pair has (seen holds those read), the set's split,
// and the fields checkPairFields checks.
func checkPairHead(t *testing.T, p Pair, idRe *regexp.Regexp, split string, seen map[string]bool) {
	t.Helper()
	if !idRe.MatchString(p.ID) || seen[p.ID] {
		t.Errorf("%q: id malformed or repeated", p.ID)
	}
	seen[p.ID] = true
	if p.Split != split {
		t.Errorf("%s: split %q, want %s", p.ID, p.Split, split)
	}
	checkPairFields(t, p)
}

// checkPairFields checks what every pair file's schema asks of one pair:
// its kind and label, its claim and source URL in its paragraph, and its
// evidence: a supported pair shows the source's words; an unsupported one
// says in its note what the source has instead.
func checkPairFields(t *testing.T, p Pair) {
	t.Helper()
	if p.Kind != "figure" && p.Kind != "quotation" {
		t.Errorf("%s: kind %q", p.ID, p.Kind)
	}
	if p.Label != "supported" && p.Label != "unsupported" {
		t.Errorf("%s: label %q", p.ID, p.Label)
	}
	if p.Claim == "" || !strings.Contains(p.Paragraph, p.Claim) {
		t.Errorf("%s: claim %q is not in its paragraph", p.ID, p.Claim)
	}
	if p.SourceURL == "" || !strings.Contains(p.Paragraph, p.SourceURL) {
		t.Errorf("%s: source_url %q is not in its paragraph", p.ID, p.SourceURL)
	}
	if p.Label == "supported" && p.Evidence == "" {
		t.Errorf("%s: supported without evidence", p.ID)
	}
	if p.Label == "unsupported" && (p.Evidence != "" || p.Note == "") {
		t.Errorf("%s: unsupported needs empty evidence and a note", p.ID)
	}
}

// checkSourcePairs applies the README's schema to one file's pairs and
// compares its counts with the README's table.
func checkSourcePairs(t *testing.T, pairs []Pair, idPattern string, split func(string) string, want map[string]int, total int) {
	t.Helper()
	idRe := regexp.MustCompile(idPattern)
	fileRe := regexp.MustCompile(`^\d{4}__\d{2}__\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$`)
	seen := map[string]bool{}
	unaltered := map[string]bool{} // citing + source with an unaltered pair
	for _, p := range pairs {
		if !p.altered() {
			unaltered[p.Citing+"\x00"+p.SourceFile] = true
		}
	}
	counts := map[string]int{}
	for _, p := range pairs {
		where := p.ID
		if !idRe.MatchString(p.ID) || seen[p.ID] {
			t.Errorf("%q: id malformed or repeated", p.ID)
		}
		seen[p.ID] = true
		if p.Split != split(p.Citing) {
			t.Errorf("%s: split %q, the rule gives %q", where, p.Split, split(p.Citing))
		}
		checkPairFields(t, p)
		if !fileRe.MatchString(p.Citing) || !fileRe.MatchString(p.SourceFile) || p.Citing == p.SourceFile {
			t.Errorf("%s: citing %q / source_file %q are not two corpus file names", where, p.Citing, p.SourceFile)
		}
		if p.altered() && !unaltered[p.Citing+"\x00"+p.SourceFile] {
			t.Errorf("%s: altered copy without its unaltered pair", where)
		}
		counts[fmt.Sprintf("%s %s %s %t", p.Kind, p.Label, p.Split, p.altered())]++
	}
	for k, n := range want {
		if counts[k] != n {
			t.Errorf("%s: %d pairs, README says %d", k, counts[k], n)
		}
	}
	if len(counts) != len(want) || len(pairs) != total {
		t.Errorf("%d pairs in %d cells, README says %d in %d", len(pairs), len(counts), total, len(want))
	}
}

func (p Pair) altered() bool { return p.Altered != "" }

// TestSourcePairsAgainstCorpus checks, when the digitalgov corpus is
// present, for all three sets, that both files of a pair exist and that every
// unaltered paragraph is the citing post's own text, byte for byte.
func TestSourcePairsAgainstCorpus(t *testing.T) {
	dir, err := DigitalgovDir()
	if err == nil {
		_, err = os.Stat(dir)
	}
	if err != nil {
		t.Skipf("corpus absent (%v); set CITELINT_DIGITALGOV", err)
	}
	pairs := append(readSourcePairs(t), readPairsFile(t, Pairs2File)...)
	pairs = append(pairs, readPairsFile(t, Pairs3File)...)
	for _, p := range pairs {
		checkCorpusPair(t, dir, p)
	}
}

// checkCorpusPair checks a corpus pair against the corpus in dir: its
// source post exists, and its paragraph is in its citing post exactly when
// it was not altered.
func checkCorpusPair(t *testing.T, dir string, p Pair) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dir, p.SourceFile)); err != nil {
		t.Errorf("%s: source_file: %v", p.ID, err)
	}
	b, err := os.ReadFile(filepath.Join(dir, p.Citing))
	if err != nil {
		t.Errorf("%s: citing: %v", p.ID, err)
		return
	}
	if in := bytes.Contains(b, []byte(p.Paragraph)); in == p.altered() {
		t.Errorf("%s: paragraph in the citing post = %t, want %t (altered %q)", p.ID, in, !p.altered(), p.Altered)
	}
}

// TestSourcePairs4Schema checks the fourth held-out set: the README's schema,
// its counts table, and the two kinds of pair it holds. A corpus pair names
// two corpus files, as in the earlier sets; a written pair has no citing post
// (citing ""), a note saying so, and a source_file under the sources folder.
func TestSourcePairs4Schema(t *testing.T) {
	// The table in labels/sourcecheck/README.md, "Fourth held-out set":
	// kind, label, altered, origin.
	want := map[string]int{
		"figure supported false corpus": 11, "figure supported false written": 11,
		"figure supported true corpus": 4, "figure supported true written": 5,
		"figure unsupported true corpus": 7, "figure unsupported true written": 11,
		"quotation supported false written": 5, "quotation supported true written": 2,
		"quotation unsupported false corpus": 3, "quotation unsupported true written": 5,
	}
	pairs := readPairsFile(t, Pairs4File)
	idRe := regexp.MustCompile(`^sc4-\d{3}$`)
	fileRe := regexp.MustCompile(`^\d{4}__\d{2}__\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$`)
	writtenRe := regexp.MustCompile(`^[a-z0-9]+/[A-Za-z0-9._-]+\.md$`)
	unaltered := map[string]bool{}
	for _, p := range pairs {
		if !p.altered() {
			unaltered[p.Citing+"\x00"+p.SourceFile+"\x00"+p.SourceURL] = true
		}
	}
	counts := map[string]int{}
	seen := map[string]bool{}
	for _, p := range pairs {
		where := p.ID
		checkPairHead(t, p, idRe, "heldout4", seen)
		origin := "corpus"
		if p.Citing == "" {
			origin = "written"
			if !writtenRe.MatchString(p.SourceFile) || !strings.HasPrefix(p.Note, "written paragraph") ||
				!strings.HasPrefix(p.SourceURL, "https://") {
				t.Errorf("%s: a written pair needs a source_file under the sources folder (%q), an https source_url (%q) and a note starting \"written paragraph\"", where, p.SourceFile, p.SourceURL)
			}
		} else if !fileRe.MatchString(p.Citing) || !fileRe.MatchString(p.SourceFile) || p.Citing == p.SourceFile {
			t.Errorf("%s: citing %q / source_file %q are not two corpus file names", where, p.Citing, p.SourceFile)
		}
		if p.altered() && !unaltered[p.Citing+"\x00"+p.SourceFile+"\x00"+p.SourceURL] {
			t.Errorf("%s: altered copy without its unaltered pair", where)
		}
		counts[fmt.Sprintf("%s %s %t %s", p.Kind, p.Label, p.altered(), origin)]++
	}
	checkREADMECounts(t, counts, want, len(pairs), 64)
}

// TestSourcePairs4Disjoint checks that the fourth set shares no id with the
// earlier three and cites from none of their posts, so no paragraph is
// shared.
func TestSourcePairs4Disjoint(t *testing.T) {
	ids := map[string]bool{}
	citing := map[string]string{} // citing post -> the earlier file holding it
	for _, file := range []string{PairsFile, Pairs2File, Pairs3File} {
		for _, p := range readPairsFile(t, file) {
			ids[p.ID] = true
			citing[p.Citing] = file
		}
	}
	for _, p := range readPairsFile(t, Pairs4File) {
		if ids[p.ID] {
			t.Errorf("%s: id also in an earlier set", p.ID)
		}
		if f, ok := citing[p.Citing]; ok && p.Citing != "" {
			t.Errorf("%s: citing post %s is also a citing post of %s", p.ID, p.Citing, f)
		}
	}
}

// TestSourcePairs4AgainstSources checks, when the corpus and the
// materialised sources are present, that every pair's source_file exists and
// that every unaltered corpus paragraph is the citing post's own text, byte
// for byte. Each folder is checked only when present.
func TestSourcePairs4AgainstSources(t *testing.T) {
	pairs := readPairsFile(t, Pairs4File)
	dir, err := presentDir(DigitalgovDir)
	corpus := err == nil
	src, err2 := presentDir(SourcesDir)
	sources := err2 == nil
	if !corpus && !sources {
		t.Skipf("corpus absent (%v; set CITELINT_DIGITALGOV) and sources absent (%v; run scripts/sources4.sh)", err, err2)
	}
	checked := 0
	for _, p := range pairs {
		if p.Citing == "" {
			if !sources {
				continue
			}
			if _, err := os.Stat(filepath.Join(src, p.SourceFile)); err != nil {
				t.Errorf("%s: source_file: %v (run scripts/sources4.sh)", p.ID, err)
			}
			checked++
			continue
		}
		if !corpus {
			continue
		}
		checkCorpusPair(t, dir, p)
		checked++
	}
	if checked == 0 {
		t.Error("no pair checked although a folder is present")
	}
}

// Pairs5File is the fifth held-out set: paragraphs of 18F blog posts that
// cite another 18F post in the claim's own sentence, checked against the
// cited post, which scripts/sources5.sh materialises outside the repository
// (labels/sourcecheck/README.md, "Fifth held-out set").
const Pairs5File = "labels/sourcecheck/pairs5.jsonl"

// eighteenFSample is the 18F blog's labelled sample: none of its posts may be
// a citing post of the fifth set.
const eighteenFSample = "labels/18f/SAMPLE.txt"

var (
	// pairs5NoteRe takes the citing post's file name from a fifth-set note.
	pairs5NoteRe = regexp.MustCompile(`^18F paragraph from (\d{4}-\d{1,2}-\d{1,2}-[A-Za-z0-9._-]+\.md)[ ,]`)
	// pairs5URLRe is an 18F post's public URL; its last segment is the slug
	// the source file's name ends with.
	pairs5URLRe = regexp.MustCompile(`^https://18f\.gsa\.gov/\d{4}/\d{2}/\d{2}/([A-Za-z0-9._-]+)/$`)
)

// pairs5Citing returns the citing post a fifth-set pair names in its note,
// or "" when the note does not start as the README says.
func pairs5Citing(p Pair) string {
	m := pairs5NoteRe.FindStringSubmatch(p.Note)
	if m == nil {
		return ""
	}
	return m[1]
}

// check18FParagraph checks what an 18F-paragraph pair holds: a note
// naming the 18F post the paragraph comes from, an 18F post URL, and as
// source_file another post, under 18f/, whose slug is the URL's. It
// returns the citing post.
func check18FParagraph(t *testing.T, p Pair) string {
	t.Helper()
	citing := pairs5Citing(p)
	m := pairs5URLRe.FindStringSubmatch(p.SourceURL)
	if citing == "" || m == nil || !strings.HasPrefix(p.SourceFile, "18f/") ||
		!strings.HasSuffix(p.SourceFile, "-"+m[1]+".md") || "18f/"+citing == p.SourceFile {
		t.Errorf("%s: want a note starting \"18F paragraph from <post>\" (%q), an 18F post URL (%q) and another post's file 18f/<date>-<slug>.md (%q)",
			p.ID, p.Note, p.SourceURL, p.SourceFile)
	}
	return citing
}

// TestSourcePairs5Schema checks the fifth held-out set: the README's schema
// and counts table, and what an 18F-paragraph pair holds: no corpus citing
// post (citing ""), a note naming the 18F post the paragraph comes from, a
// source_file under 18f/ whose slug is the public URL's, and for each altered
// copy its unaltered pair.
func TestSourcePairs5Schema(t *testing.T) {
	// The table in labels/sourcecheck/README.md, "Fifth held-out set":
	// kind, label, altered.
	want := map[string]int{
		"figure supported false": 16, "figure supported true": 4,
		"figure unsupported false": 15, "figure unsupported true": 15,
		"quotation supported false": 9, "quotation supported true": 3,
		"quotation unsupported false": 4, "quotation unsupported true": 9,
	}
	pairs := readPairsFile(t, Pairs5File)
	idRe := regexp.MustCompile(`^sc5-\d{3}$`)
	unaltered := map[string]bool{}
	for _, p := range pairs {
		if !p.altered() {
			unaltered[pairs5Citing(p)+"\x00"+p.SourceFile] = true
		}
	}
	counts := map[string]int{}
	seen := map[string]bool{}
	for _, p := range pairs {
		where := p.ID
		checkPairHead(t, p, idRe, "heldout5", seen)
		if p.Citing != "" {
			t.Errorf("%s: citing %q, want \"\" (the paragraph is linted itself)", where, p.Citing)
		}
		citing := check18FParagraph(t, p)
		if p.altered() && !unaltered[citing+"\x00"+p.SourceFile] {
			t.Errorf("%s: altered copy without its unaltered pair", where)
		}
		counts[fmt.Sprintf("%s %s %t", p.Kind, p.Label, p.altered())]++
	}
	checkREADMECounts(t, counts, want, len(pairs), 75)
}

// TestSourcePairs5Disjoint checks that no id of the fifth set is in an
// earlier set, and that no citing post of it is a citing post of the fourth
// set or a post of the 18F blog's labelled sample.
func TestSourcePairs5Disjoint(t *testing.T) {
	ids := map[string]bool{}
	citing := map[string]string{} // citing post -> where it is used already
	for _, file := range []string{PairsFile, Pairs2File, Pairs3File, Pairs4File} {
		for _, p := range readPairsFile(t, file) {
			ids[p.ID] = true
			if p.Citing != "" {
				citing[p.Citing] = file
			}
		}
	}
	b, err := os.ReadFile(eighteenFSample)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		// The 18F samples heldout4 to heldout6 were drawn while pairs5 was
		// being labelled or after, by other labellers: a post may be in both.
		if f := strings.Fields(line); len(f) == 2 && f[0] != "heldout4" && f[0] != "heldout5" && f[0] != "heldout6" {
			citing[f[1]] = eighteenFSample
		}
	}
	if len(citing) < 60 {
		t.Fatalf("%d citing posts and sample posts read, want at least the sample's 60", len(citing))
	}
	for _, p := range readPairsFile(t, Pairs5File) {
		if ids[p.ID] {
			t.Errorf("%s: id also in an earlier set", p.ID)
		}
		if f, ok := citing[pairs5Citing(p)]; ok {
			t.Errorf("%s: citing post %s is already in %s", p.ID, pairs5Citing(p), f)
		}
	}
}

// TestSourcePairs5AgainstSources checks, when the materialised folders are
// present, that every pair's source_file exists (scripts/sources5.sh) and
// that every unaltered paragraph is its citing post's text (scripts/18f.sh)
// byte for byte, except that each link to the cited post reads as its public
// URL: the text around each URL is in the post in order, with a link to the
// same post between. An altered paragraph must not pass that check.
func TestSourcePairs5AgainstSources(t *testing.T) {
	pairs := readPairsFile(t, Pairs5File)
	src, err := presentDir(SourcesDir)
	blog, err2 := presentDir(EighteenFDir)
	if src == "" && blog == "" {
		t.Skipf("sources absent (%v; run scripts/sources5.sh) and 18F posts absent (%v; run scripts/18f.sh)", err, err2)
	}
	checked := 0
	for _, p := range pairs {
		checked += check18FPair(t, p, src, blog, "sources5.sh")
	}
	if checked == 0 {
		t.Error("no pair checked although a folder is present")
	}
}

// check18FPair checks an 18F paragraph's pair against the folders given
// (an empty one is absent): that its source_file is in the sources folder
// (which script materialises), and that the paragraph is its citing post's
// text with the link put back when unaltered, and not when altered. It
// returns how many checks it made.
func check18FPair(t *testing.T, p Pair, src, blog, script string) int {
	t.Helper()
	checked := 0
	if src != "" {
		if _, err := os.Stat(filepath.Join(src, p.SourceFile)); err != nil {
			t.Errorf("%s: source_file: %v (run scripts/%s)", p.ID, err, script)
		}
		checked++
	}
	if blog == "" {
		return checked
	}
	b, err := os.ReadFile(filepath.Join(blog, pairs5Citing(p)))
	if err != nil {
		t.Errorf("%s: citing post: %v", p.ID, err)
		return checked
	}
	if in := paragraphWithURL(string(b), p.Paragraph, p.SourceURL); in == p.altered() {
		t.Errorf("%s: paragraph in the citing post = %t, want %t (altered %q)", p.ID, in, !p.altered(), p.Altered)
	}
	return checked + 1
}

// paragraphWithURL reports whether para is in post once each occurrence of
// url in it is put back as the post wrote the link: the pieces around the
// URLs follow one another in post, and what stands between two pieces (a
// Liquid url filter, {{ site.baseurl }} or the URL itself, perhaps with an
// #anchor) names the post's /YYYY/MM/DD/slug/ path and is short.
func paragraphWithURL(post, para, url string) bool {
	path := strings.TrimPrefix(url, "https://18f.gsa.gov")
	pieces := strings.Split(para, url)
	if len(pieces) < 2 {
		return false
	}
	for from := 0; ; {
		at := strings.Index(post[from:], pieces[0])
		if at < 0 {
			return false
		}
		from += at + len(pieces[0])
		if followPieces(post[from:], pieces[1:], path) {
			return true
		}
	}
}

// followPieces reports whether text is a short link naming path followed by
// pieces[0], then another such link followed by pieces[1], and so on.
func followPieces(text string, pieces []string, path string) bool {
	for _, piece := range pieces {
		i := strings.Index(text, piece)
		if i < 0 || i > 200 || !strings.Contains(text[:i], path) {
			return false
		}
		text = text[i+len(piece):]
	}
	return true
}

// presentDir returns the folder dir names, or "" and an error when it
// cannot be named or does not exist, so that a test can skip what is
// absent.
func presentDir(dir func() (string, error)) (string, error) {
	d, err := dir()
	if err == nil {
		_, err = os.Stat(d)
	}
	if err != nil {
		return "", err
	}
	return d, nil
}

// checkREADMECounts compares a pair file's counts by cell with the
// README's table (want) and its number of pairs (n pairs of total).
func checkREADMECounts(t *testing.T, counts, want map[string]int, n, total int) {
	t.Helper()
	for k, w := range want {
		if counts[k] != w {
			t.Errorf("%s: %d pairs, README says %d", k, counts[k], w)
		}
	}
	if len(counts) != len(want) || n != total {
		t.Errorf("%d pairs in %d cells, README says %d in %d", n, len(counts), total, len(want))
	}
}

// Pairs6File is the sixth held-out set: digitalgov posts citing other
// digitalgov posts, as in the first sets, and 18F paragraphs citing other 18F
// posts, as in the fifth, whose cited posts scripts/sources6.sh materialises
// outside the repository (labels/sourcecheck/README.md, "Sixth held-out set").
const Pairs6File = "labels/sourcecheck/pairs6.jsonl"

// digitalgovSample is the digitalgov corpus's labelled sample: none of its
// posts may be a citing post of the sixth set.
const digitalgovSample = "labels/digitalgov/SAMPLE.txt"

// pairs6Origin is where a sixth-set pair comes from: "corpus" when it names a
// digitalgov citing post, "18f" when its paragraph is an 18F post's.
func pairs6Origin(p Pair) string {
	if p.Citing == "" {
		return "18f"
	}
	return "corpus"
}

// pairs6CitingPost is the post a sixth-set paragraph comes from: the corpus
// file for a corpus pair, the 18F file its note names for an 18F pair.
func pairs6CitingPost(p Pair) string {
	if p.Citing != "" {
		return p.Citing
	}
	return pairs5Citing(p)
}

// TestSourcePairs6Schema checks the sixth held-out set: the README's schema
// and counts table (kind, label, altered, origin), the split, and what each
// origin asks of a pair: two corpus file names for a corpus pair; for an 18F
// pair no citing post, a note naming the 18F post, its public URL and a
// source_file under 18f/ with the URL's slug. Every altered copy has its
// unaltered pair (same paragraph's post, source and URL).
func TestSourcePairs6Schema(t *testing.T) {
	// The table in labels/sourcecheck/README.md, "Sixth held-out set".
	want := map[string]int{
		"figure supported false corpus": 6, "figure supported true corpus": 6,
		"figure unsupported false corpus": 4, "figure unsupported true corpus": 6,
		"figure unsupported false 18f":  2,
		"quotation supported false 18f": 3, "quotation supported true 18f": 4,
		"quotation unsupported false 18f": 1, "quotation unsupported true 18f": 6,
	}
	pairs := readPairsFile(t, Pairs6File)
	idRe := regexp.MustCompile(`^sc6-\d{3}$`)
	fileRe := regexp.MustCompile(`^\d{4}__\d{2}__\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$`)
	key := func(p Pair) string { return pairs6CitingPost(p) + "\x00" + p.SourceFile + "\x00" + p.SourceURL }
	unaltered := map[string]bool{}
	for _, p := range pairs {
		if !p.altered() {
			unaltered[key(p)] = true
		}
	}
	counts := map[string]int{}
	seen := map[string]bool{}
	for _, p := range pairs {
		where := p.ID
		checkPairHead(t, p, idRe, "heldout6", seen)
		origin := pairs6Origin(p)
		if origin == "corpus" {
			if !fileRe.MatchString(p.Citing) || !fileRe.MatchString(p.SourceFile) || p.Citing == p.SourceFile {
				t.Errorf("%s: citing %q / source_file %q are not two corpus file names", where, p.Citing, p.SourceFile)
			}
		} else {
			check18FParagraph(t, p)
		}
		if p.altered() && !unaltered[key(p)] {
			t.Errorf("%s: altered copy without its unaltered pair", where)
		}
		counts[fmt.Sprintf("%s %s %t %s", p.Kind, p.Label, p.altered(), origin)]++
	}
	checkREADMECounts(t, counts, want, len(pairs), 38)
}

// TestSourcePairs6Disjoint checks that no id of the sixth set is in an
// earlier set, and that no citing post of it is a citing post of an earlier
// set (corpus files, or 18F posts named in fifth-set notes) or a post of the
// digitalgov or 18F labelled samples, whatever their split.
func TestSourcePairs6Disjoint(t *testing.T) {
	ids := map[string]bool{}
	citing := map[string]string{} // citing or sample post -> where it is used already
	for _, file := range []string{PairsFile, Pairs2File, Pairs3File, Pairs4File, Pairs5File} {
		for _, p := range readPairsFile(t, file) {
			ids[p.ID] = true
			if post := pairs6CitingPost(p); post != "" {
				citing[post] = file
			}
		}
	}
	samples := 0
	for _, sample := range []string{eighteenFSample, digitalgovSample} {
		b, err := os.ReadFile(sample)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if f := strings.Fields(line); len(f) == 2 {
				citing[f[1]] = sample
				samples++
			}
		}
	}
	if samples < 300 {
		t.Fatalf("%d sample posts read, want the two samples' 368", samples)
	}
	for _, p := range readPairsFile(t, Pairs6File) {
		if ids[p.ID] {
			t.Errorf("%s: id also in an earlier set", p.ID)
		}
		post := pairs6CitingPost(p)
		if post == "" {
			t.Errorf("%s: no citing post", p.ID)
		}
		if f, ok := citing[post]; ok {
			t.Errorf("%s: citing post %s is already in %s", p.ID, post, f)
		}
	}
}

// TestSourcePairs6AgainstSources checks, for each folder that is present,
// that every pair's source_file exists (the corpus for a corpus pair; the
// sources folder, scripts/sources6.sh, for an 18F pair) and that every
// unaltered paragraph is its citing post's text (byte for byte for a corpus
// pair; with the link put back for an 18F pair), and no altered one is.
func TestSourcePairs6AgainstSources(t *testing.T) {
	pairs := readPairsFile(t, Pairs6File)
	dir, err := presentDir(DigitalgovDir)
	corpus := err == nil
	src, err2 := presentDir(SourcesDir)
	blog, _ := presentDir(EighteenFDir)
	if !corpus && src == "" {
		t.Skipf("corpus absent (%v; set CITELINT_DIGITALGOV) and sources absent (%v; run scripts/sources6.sh)", err, err2)
	}
	checked := 0
	for _, p := range pairs {
		if pairs6Origin(p) == "corpus" {
			if corpus {
				checkCorpusPair(t, dir, p)
				checked++
			}
			continue
		}
		checked += check18FPair(t, p, src, blog, "sources6.sh")
	}
	if checked == 0 {
		t.Error("no pair checked although a folder is present")
	}
}

// Pairs7File is the seventh held-out set: paragraphs written by the labeller,
// each citing one 18F blog post by its public URL for one figure or
// quotation, the posts being ones no earlier set cites; scripts/sources7.sh
// materialises them outside the repository (labels/sourcecheck/README.md,
// "Seventh held-out set").
const Pairs7File = "labels/sourcecheck/pairs7.jsonl"

// writtenSet is one of the held-out sets of written paragraphs citing 18F
// posts (the seventh to the tenth, labels/sourcecheck/README.md), or
// digital.gov posts (the eleventh): what its README section says of it.
type writtenSet struct {
	file, split string
	// want is the README's counts table (kind, label, altered).
	want         map[string]int
	total, posts int
	// earlier are the pair files before it, holding earlierIDs ids.
	earlier    []string
	earlierIDs int
	// links tells that every paragraph links its source with a Markdown
	// link (the tenth set checks it), evidence that every supported pair's
	// evidence is its post's words (from the eighth set on; the seventh's
	// labeller shortened some).
	links, evidence bool
	// digitalgov tells that the set cites digital.gov posts, not 18F ones.
	digitalgov bool
}

// citesPost reports whether a written pair cites a post of its set's
// site: a public URL and the source file it names (its slug ending the
// file's name).
func (set writtenSet) citesPost(p Pair) bool {
	if set.digitalgov {
		u, f := pairs11URLRe.FindStringSubmatch(p.SourceURL), pairs11FileRe.FindStringSubmatch(p.SourceFile)
		return u != nil && f != nil && u[4] == f[4]
	}
	m := pairs5URLRe.FindStringSubmatch(p.SourceURL)
	return m != nil && strings.HasPrefix(p.SourceFile, "18f/") && strings.HasSuffix(p.SourceFile, "-"+m[1]+".md")
}

var writtenSets = []writtenSet{
	{file: Pairs7File, split: "heldout7", total: 86, posts: 32, earlierIDs: 431,
		want: map[string]int{"figure supported false": 24, "figure supported true": 13, "figure unsupported true": 22,
			"quotation supported false": 16, "quotation supported true": 2, "quotation unsupported true": 9},
		earlier: []string{PairsFile, Pairs2File, Pairs3File, Pairs4File, Pairs5File, Pairs6File}},
	{file: Pairs8File, split: "heldout8", total: 71, posts: 32, earlierIDs: 517, evidence: true,
		want: map[string]int{"figure supported false": 22, "figure supported true": 7, "figure unsupported true": 19,
			"quotation supported false": 16, "quotation supported true": 1, "quotation unsupported true": 6},
		earlier: []string{PairsFile, Pairs2File, Pairs3File, Pairs4File, Pairs5File, Pairs6File, Pairs7File}},
	{file: Pairs9File, split: "heldout9", total: 88, posts: 29, earlierIDs: 588, evidence: true,
		want: map[string]int{"figure supported false": 34, "figure supported true": 6, "figure unsupported true": 22,
			"quotation supported false": 13, "quotation supported true": 3, "quotation unsupported true": 10},
		earlier: []string{PairsFile, Pairs2File, Pairs3File, Pairs4File, Pairs5File, Pairs6File, Pairs7File, Pairs8File}},
	{file: Pairs10File, split: "heldout10", total: 88, posts: 35, earlierIDs: 676, links: true, evidence: true,
		want: map[string]int{"figure supported false": 27, "figure supported true": 10, "figure unsupported true": 23,
			"quotation supported false": 14, "quotation supported true": 3, "quotation unsupported true": 11},
		earlier: []string{PairsFile, Pairs2File, Pairs3File, Pairs4File, Pairs5File, Pairs6File, Pairs7File, Pairs8File, Pairs9File}},
}

// TestWrittenPairSets checks each set of written paragraphs:
//   - its schema and the README's counts table, the split, what a written
//     pair holds (no citing post, a note starting "written paragraph", an
//     18F post URL whose slug ends the source_file's name), that every
//     unaltered paragraph is supported, and that each altered copy changes
//     only the claim of an unaltered pair of the same kind and source;
//   - that no id of it is in an earlier set and none of its cited posts is
//     cited by an earlier set, by file or by URL: it is held out from every
//     source the matcher was tuned or tested on;
//   - when the sources folder is present (scripts/sources7.sh to
//     sources10.sh), that every source_file exists, that its URL carries
//     the post's public date (the front matter's, else the file name's) and,
//     from the eighth set on, that every supported pair's evidence is in the
//     post once markup is taken out.
func TestWrittenPairSets(t *testing.T) {
	src, srcErr := presentDir(SourcesDir)
	for _, set := range writtenSets {
		t.Run(set.split, func(t *testing.T) {
			pairs := readPairsFile(t, set.file)
			checkWrittenSchema(t, set, pairs)
			checkWrittenDisjoint(t, set, pairs)
			if srcErr != nil {
				t.Skipf("sources absent (%v; run scripts/sources7.sh to sources10.sh)", srcErr)
			}
			checkWrittenSources(t, src, pairs, set.evidence)
		})
	}
}

func checkWrittenSchema(t *testing.T, set writtenSet, pairs []Pair) {
	t.Helper()
	n := strings.TrimPrefix(set.split, "heldout")
	idRe := regexp.MustCompile(`^sc` + n + `-\d{3}$`)
	baseRe := regexp.MustCompile(`, altered copy of (sc` + n + `-\d{3})$`)
	byID := map[string]Pair{}
	for _, p := range pairs {
		byID[p.ID] = p
	}
	counts := map[string]int{}
	seen := map[string]bool{}
	posts := map[string]bool{}
	for _, p := range pairs {
		checkPairHead(t, p, idRe, set.split, seen)
		if p.Citing != "" || !strings.HasPrefix(p.Note, "written paragraph") || !set.citesPost(p) {
			t.Errorf("%s: want citing \"\" (%q), a note starting \"written paragraph\" (%q), a post URL (%q) and its file, the URL's slug ending its name (%q)",
				p.ID, p.Citing, p.Note, p.SourceURL, p.SourceFile)
		}
		if set.links && !strings.Contains(p.Paragraph, "]("+p.SourceURL+")") {
			t.Errorf("%s: paragraph has no Markdown link to %s", p.ID, p.SourceURL)
		}
		posts[p.SourceFile] = true
		if p.altered() {
			checkAlteredCopy(t, p, byID, baseRe)
		} else if p.Label != "supported" {
			t.Errorf("%s: an unaltered written paragraph states its source's figure or quotation: label %q", p.ID, p.Label)
		}
		counts[fmt.Sprintf("%s %s %t", p.Kind, p.Label, p.altered())]++
	}
	checkREADMECounts(t, counts, set.want, len(pairs), set.total)
	if len(posts) != set.posts {
		t.Errorf("%d cited posts, README says %d", len(posts), set.posts)
	}
}

func checkWrittenDisjoint(t *testing.T, set writtenSet, pairs []Pair) {
	t.Helper()
	ids := map[string]string{}
	cited := map[string]string{} // source file or URL -> the earlier file citing it
	for _, file := range set.earlier {
		for _, p := range readPairsFile(t, file) {
			ids[p.ID] = file
			cited[p.SourceFile] = file
			cited[p.SourceURL] = file
		}
	}
	if len(ids) != set.earlierIDs {
		t.Fatalf("%d ids read from the %d earlier files, want their %d", len(ids), len(set.earlier), set.earlierIDs)
	}
	for _, p := range pairs {
		if f, ok := ids[p.ID]; ok {
			t.Errorf("%s: id also in %s", p.ID, f)
		}
		for _, s := range []string{p.SourceFile, p.SourceURL} {
			if f, ok := cited[s]; ok {
				t.Errorf("%s: %s is already cited by %s", p.ID, s, f)
			}
		}
	}
}

func checkWrittenSources(t *testing.T, src string, pairs []Pair, evidence bool) {
	t.Helper()
	for _, p := range pairs {
		b, err := os.ReadFile(filepath.Join(src, p.SourceFile))
		if err != nil {
			t.Errorf("%s: source_file: %v", p.ID, err)
			continue
		}
		name := filepath.Base(p.SourceFile)
		date := name[:4] + "/" + name[5:7] + "/" + name[8:10]
		front := string(b)
		if parts := strings.SplitN(front, "---", 3); len(parts) == 3 {
			front = parts[1]
		}
		if m := writtenDateRe.FindStringSubmatch(front); m != nil {
			date = m[1] + "/" + m[2] + "/" + m[3]
		}
		if want := "https://18f.gsa.gov/" + date + "/"; !strings.HasPrefix(p.SourceURL, want) {
			t.Errorf("%s: source_url %q, want the post's date %q", p.ID, p.SourceURL, want)
		}
		if evidence && p.Label == "supported" && !strings.Contains(writtenPlain(string(b)), writtenPlain(p.Evidence)) {
			t.Errorf("%s: evidence %q is not in %s", p.ID, p.Evidence, p.SourceFile)
		}
	}
}

// checkAlteredCopy checks that an altered written-paragraph pair (seventh
// set on) copies the unaltered pair its note names, as baseRe takes it from
// the note: same kind, source file and URL, and a paragraph that is the
// base's with the base's claim replaced by its own somewhere, so the copy
// changed the claim and nothing else.
func checkAlteredCopy(t *testing.T, p Pair, byID map[string]Pair, baseRe *regexp.Regexp) {
	t.Helper()
	m := baseRe.FindStringSubmatch(p.Note)
	if m == nil {
		t.Errorf("%s: altered, but its note does not end \", altered copy of <id>\" (%s): %q", p.ID, baseRe, p.Note)
		return
	}
	base, ok := byID[m[1]]
	if !ok || base.altered() || base.Kind != p.Kind || base.SourceFile != p.SourceFile || base.SourceURL != p.SourceURL {
		t.Errorf("%s: %s is not an unaltered pair of the same kind and source", p.ID, m[1])
		return
	}
	if p.Paragraph == base.Paragraph || p.Claim == base.Claim {
		t.Errorf("%s: paragraph or claim unchanged from %s", p.ID, base.ID)
	}
	// The claims may share a prefix and suffix (an ellipsis or a changed
	// word inside a quotation): the paragraphs differ only within the claim.
	at := strings.Index(base.Paragraph, base.Claim)
	if at < 0 || base.Paragraph[:at]+p.Claim+base.Paragraph[at+len(base.Claim):] != p.Paragraph {
		t.Errorf("%s: paragraph is not %s's with %q in place of %q", p.ID, base.ID, p.Claim, base.Claim)
	}
}

// writtenDateRe is a post's front-matter date, quoted or not.
var writtenDateRe = regexp.MustCompile(`(?m)^date:\s*['"]?(\d{4})-(\d{2})-(\d{2})`)

// writtenLinkRe is a Markdown link or an HTML tag: the evidence keeps a link's
// text and drops the rest, as a reader of the page sees it.
var writtenLinkRe = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)|<[^>]+>|\*\*`)

// writtenPlain is text with links, tags and bold markers taken out and runs
// of white space (the post's line breaks) made one space.
func writtenPlain(s string) string {
	return strings.Join(strings.Fields(writtenLinkRe.ReplaceAllString(s, "$1")), " ")
}

// Pairs8File is the eighth held-out set: paragraphs written by the labeller,
// each citing one 18F blog post by its public URL for one figure or
// quotation, the posts being ones no earlier set cites; scripts/sources8.sh
// materialises them outside the repository (labels/sourcecheck/README.md,
// "Eighth held-out set").
const Pairs8File = "labels/sourcecheck/pairs8.jsonl"

// Pairs9File is the ninth held-out set: paragraphs written by the labeller,
// each citing one 18F blog post by its public URL for one figure or
// quotation, the posts being ones none of the eight earlier sets cites;
// scripts/sources9.sh materialises them outside the repository
// (labels/sourcecheck/README.md, "Ninth held-out set").
const Pairs9File = "labels/sourcecheck/pairs9.jsonl"

// Pairs10File is the tenth held-out set: paragraphs written by the labeller,
// each citing one 18F blog post by its public URL for one figure or
// quotation, the posts being ones none of the nine earlier sets cites;
// scripts/sources10.sh materialises them outside the repository
// (labels/sourcecheck/README.md, "Tenth held-out set").
const Pairs10File = "labels/sourcecheck/pairs10.jsonl"

// Pairs11File is the eleventh held-out set: paragraphs written by the
// labeller, each citing one digital.gov post by its public URL for one figure
// or quotation, the posts being ones no earlier set cites; scripts/sources11.sh
// copies them from the digitalgov corpus into the sources folder's
// digitalgov/ (labels/sourcecheck/README.md, "Eleventh held-out set").
const Pairs11File = "labels/sourcecheck/pairs11.jsonl"

var (
	// pairs11URLRe is a digital.gov post's public URL: its date and slug.
	pairs11URLRe = regexp.MustCompile(`^https://digital\.gov/(\d{4})/(\d{2})/(\d{2})/([a-z0-9-]+)/$`)
	// pairs11FileRe is a source_file: a corpus file name under digitalgov/,
	// its slug after the file name's date.
	pairs11FileRe = regexp.MustCompile(`^digitalgov/(\d{4})__(\d{2})__(\d{4}-\d{2}-\d{2})-([a-z0-9-]+)\.md$`)
	// pairs11Want is the README's counts table (kind, label, altered).
	pairs11Want = map[string]int{
		"figure supported false": 32, "figure supported true": 6, "figure unsupported true": 15,
		"quotation supported false": 18, "quotation supported true": 4, "quotation unsupported true": 13,
	}
)

// TestSourcePairs11Schema checks the eleventh set's fields: ids sc11-NNN,
// split heldout11, kinds and labels, a written pair's shape (no citing post,
// a note starting "written paragraph", a digital.gov URL whose slug is the
// source file's, a Markdown link to it in the paragraph), every unaltered
// paragraph supported, each altered copy changing only the claim of an
// unaltered pair of the same kind and source, the README's counts, and about
// a third of the pairs unsupported.
func TestSourcePairs11Schema(t *testing.T) {
	pairs := readPairsFile(t, Pairs11File)
	checkWrittenSchema(t, writtenSet{file: Pairs11File, split: "heldout11", want: pairs11Want, total: 88, posts: 41,
		links: true, digitalgov: true}, pairs)
	checkAboutAThirdUnsupported(t, pairs)
}

// checkAboutAThirdUnsupported checks that about a third of pairs (a quarter
// to 42 %) are unsupported.
func checkAboutAThirdUnsupported(t *testing.T, pairs []Pair) {
	t.Helper()
	unsupported := 0
	for _, p := range pairs {
		if p.Label == "unsupported" {
			unsupported++
		}
	}
	if share := float64(unsupported) / float64(len(pairs)); share < 0.25 || share > 0.42 {
		t.Errorf("%d of %d pairs unsupported (%.0f%%), want about a third", unsupported, len(pairs), 100*share)
	}
}

// TestSourcePairs11Disjoint checks that no id of the eleventh set is in an
// earlier set and that none of its posts is a citing or cited post of any
// earlier set, by file name, by the date and slug a {{< ref >}} shortcode
// holds, or by URL: it is held out from every source the matcher was tuned
// or tested on.
func TestSourcePairs11Disjoint(t *testing.T) {
	checkDigitalgovDisjoint(t, Pairs11File, []string{PairsFile, Pairs2File, Pairs3File, Pairs4File, Pairs5File,
		Pairs6File, Pairs7File, Pairs8File, Pairs9File, Pairs10File}, 764)
}

// TestSourcePairs11AgainstSources checks the eleventh set against its
// posts, as TestSourcePairs12AgainstSources does the twelfth.
func TestSourcePairs11AgainstSources(t *testing.T) {
	checkDigitalgovSources(t, Pairs11File, "scripts/sources11.sh")
}

// checkDigitalgovSources checks a set of written digital.gov pairs against
// the posts its script (named in the skip and error messages) copies into
// the sources folder's digitalgov/; see TestSourcePairs12AgainstSources.
func checkDigitalgovSources(t *testing.T, file, script string) {
	t.Helper()
	src, err := presentDir(SourcesDir)
	if err == nil {
		src = filepath.Join(src, "digitalgov")
		_, err = os.Stat(src)
	}
	if err != nil {
		t.Skipf("sources absent (%v; run %s)", err, script)
	}
	corpus, corpusErr := presentDir(DigitalgovDir)
	for _, p := range readPairsFile(t, file) {
		b, err := os.ReadFile(filepath.Join(src, filepath.Base(p.SourceFile)))
		if err != nil {
			t.Errorf("%s: source_file: %v (run %s)", p.ID, err, script)
			continue
		}
		if corpusErr == nil {
			if c, err := os.ReadFile(filepath.Join(corpus, filepath.Base(p.SourceFile))); err != nil || !bytes.Equal(b, c) {
				t.Errorf("%s: %s is not the corpus file (%v)", p.ID, p.SourceFile, err)
			}
		}
		if want := pairs11PublicURL(string(b), filepath.Base(p.SourceFile)); p.SourceURL != want {
			t.Errorf("%s: source_url %q, the post's front matter gives %q", p.ID, p.SourceURL, want)
		}
		post := pairs11Plain(string(b))
		folded := pairs11Fold(post)
		switch {
		case p.Label == "supported" && !strings.Contains(post, pairs11Plain(p.Evidence)):
			t.Errorf("%s: evidence %q is not in %s", p.ID, p.Evidence, p.SourceFile)
		case p.Label == "unsupported" && strings.Contains(folded, pairs11Fold(p.Claim)):
			t.Errorf("%s: unsupported, but its claim %q is in %s", p.ID, p.Claim, p.SourceFile)
		case p.Kind == "quotation" && !p.altered() && !strings.Contains(folded, pairs11Fold(p.Claim)):
			t.Errorf("%s: quotation %q is not in %s", p.ID, p.Claim, p.SourceFile)
		}
	}
}

var (
	pairs11DateRe = regexp.MustCompile(`(?m)^date:\s*['"]?(\d{4})-(\d{2})-(\d{2})`)
	pairs11SlugRe = regexp.MustCompile(`(?m)^slug:\s*['"]?([a-z0-9-]+)`)
	// pairs11LinkRe is a Markdown link (its text kept), pairs11TagRe an HTML
	// tag or the inside of a Hugo shortcode's {{< … >}}.
	pairs11LinkRe = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	pairs11TagRe  = regexp.MustCompile(`<[^>]+>`)
	pairs11Quotes = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`)
)

// pairs11PublicURL is a digital.gov post's public URL: the front matter's
// date and slug, else the file name's.
func pairs11PublicURL(post, name string) string {
	date := name[10:14] + "/" + name[15:17] + "/" + name[18:20] // YYYY__MM__YYYY-MM-DD-slug.md
	slug := strings.TrimSuffix(name[21:], ".md")
	front := post
	if parts := strings.SplitN(post, "---", 3); len(parts) == 3 {
		front = parts[1]
	}
	if m := pairs11DateRe.FindStringSubmatch(front); m != nil {
		date = m[1] + "/" + m[2] + "/" + m[3]
	}
	if m := pairs11SlugRe.FindStringSubmatch(front); m != nil {
		slug = m[1]
	}
	return "https://digital.gov/" + date + "/" + slug + "/"
}

// pairs11Plain is text as a reader of the page sees it: link markup (its
// text kept), HTML tags and bold markers taken out, HTML entities decoded,
// runs of white space (the post's line breaks) made one space. Bold inside
// link text goes too: links are taken out before bold markers.
func pairs11Plain(s string) string {
	s = pairs11LinkRe.ReplaceAllString(s, "$1")
	s = pairs11TagRe.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "**", "")
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}

// pairs11Fold is plain text compared without letter case and with curly
// quotation marks and apostrophes made straight.
func pairs11Fold(s string) string { return strings.ToLower(pairs11Quotes.Replace(s)) }

// Pairs12File is the twelfth held-out set: paragraphs written by the
// labeller, each citing one digital.gov post by its public URL for one figure
// or quotation, the posts being ones no earlier set cites; scripts/sources12.sh
// copies them from the digitalgov corpus into the sources folder's
// digitalgov/ (labels/sourcecheck/README.md, "Twelfth held-out set").
const Pairs12File = "labels/sourcecheck/pairs12.jsonl"

// pairs12Want is the README's counts table (kind, label, altered).
var pairs12Want = map[string]int{
	"figure supported false": 34, "figure supported true": 5, "figure unsupported true": 15,
	"quotation supported false": 17, "quotation supported true": 5, "quotation unsupported true": 14,
}

// TestSourcePairs12Schema checks the twelfth set's fields: ids sc12-NNN,
// split heldout12, kinds and labels, a written pair's shape (no citing post,
// a note starting "written paragraph", a digital.gov URL whose slug is the
// source file's, a Markdown link to it in the paragraph), every unaltered
// paragraph supported, each altered copy changing only the claim of an
// unaltered pair of the same kind and source, the README's counts, and about
// a third of the pairs unsupported.
func TestSourcePairs12Schema(t *testing.T) {
	pairs := readPairsFile(t, Pairs12File)
	checkWrittenSchema(t, writtenSet{file: Pairs12File, split: "heldout12", want: pairs12Want, total: 90, posts: 37,
		links: true, digitalgov: true}, pairs)
	checkAboutAThirdUnsupported(t, pairs)
}

// TestSourcePairs12Disjoint checks that no id of the twelfth set is in an
// earlier set and that none of its posts is a citing or cited post of any
// earlier set, by file name, by the date and slug a {{< ref >}} shortcode
// holds, or by URL: it is held out from every source the matcher was tuned
// or tested on.
func TestSourcePairs12Disjoint(t *testing.T) {
	checkDigitalgovDisjoint(t, Pairs12File, []string{PairsFile, Pairs2File, Pairs3File, Pairs4File, Pairs5File,
		Pairs6File, Pairs7File, Pairs8File, Pairs9File, Pairs10File, Pairs11File}, 852)
}

// checkDigitalgovDisjoint checks a set of written digital.gov pairs against
// the earlier files (holding earlierIDs ids): no id repeats, and no post it
// cites is named by an earlier pair's citing post, source file, source URL
// or note, by file name, by date and slug, or by URL path.
func checkDigitalgovDisjoint(t *testing.T, file string, earlierFiles []string, earlierIDs int) {
	t.Helper()
	var earlier []Pair
	for _, f := range earlierFiles {
		earlier = append(earlier, readPairsFile(t, f)...)
	}
	ids := map[string]bool{}
	for _, p := range earlier {
		ids[p.ID] = true
	}
	if len(ids) != earlierIDs {
		t.Fatalf("%d ids read from the %d earlier files, want their %d", len(ids), len(earlierFiles), earlierIDs)
	}
	for _, p := range readPairsFile(t, file) {
		if ids[p.ID] {
			t.Errorf("%s: id also in an earlier set", p.ID)
		}
		f := pairs11FileRe.FindStringSubmatch(p.SourceFile)
		u := pairs11URLRe.FindStringSubmatch(p.SourceURL)
		if f == nil || u == nil {
			t.Errorf("%s: source_file %q or source_url %q is not a digital.gov post's", p.ID, p.SourceFile, p.SourceURL)
			continue
		}
		keys := []string{filepath.Base(p.SourceFile), f[3] + "-" + f[4] + ".md", strings.TrimPrefix(p.SourceURL, "https://"),
			"/" + u[1] + "/" + u[2] + "/" + u[3] + "/" + u[4] + "/"}
		for _, q := range earlier {
			for _, field := range []string{q.Citing, q.SourceFile, q.SourceURL, q.Note} {
				for _, k := range keys {
					if field != "" && strings.Contains(field, k) {
						t.Errorf("%s: %s is already used by %s (%q)", p.ID, k, q.ID, field)
					}
				}
			}
		}
	}
}

// TestSourcePairs12AgainstSources checks, when scripts/sources12.sh has
// filled the sources folder's digitalgov/, that every source_file is there
// (and is the corpus file, when the corpus is present), that its URL carries
// the post's front-matter date and slug, that every supported pair's evidence
// is in the post once markup is taken out, that every unaltered quotation is
// in it word for word (case and quotation-mark style aside), and that no
// unsupported pair's claim is.
func TestSourcePairs12AgainstSources(t *testing.T) {
	checkDigitalgovSources(t, Pairs12File, "scripts/sources12.sh")
}
