package linkcheck

import (
	"net/netip"
	"net/url"
	"strings"
	"testing"
)

// FuzzURL feeds link and redirect addresses through the link's identity
// (parseLink), the numeric host reader, the address guard and redirect
// resolution, checking the properties the checker relies on.
func FuzzURL(f *testing.F) {
	for _, seed := range [][2]string{
		{"https://example.com/a#frag", "/b"},
		{"http://127.1:8080/", "http://2130706433/"},
		{"http://0x7f.1/", "//0/x"},
		{"http://[::ffff:127.0.0.1]/", "http://[::127.0.0.1]:80/"},
		{"http://[fe80::1%25eth0]/", "http://[64:ff9b::a00:1]/"},
		{"HTTPS://EXAMPLE.com:443/", "https://example.com./"},
		{"http://0177.0.0.01/", "ftp://example.com/"},
		{"http://4294967296/", "javascript:alert(1)"},
		{"https://user:pass@example.com/", "https:///no-host"},
		{"http://example.com/%zz", "http://exa mple.com/"},
		{"http://1.2.3.4.5/", "\x00"},
		{"https://xn--nxasmq6b.example/", "../../../../etc/passwd"},
		{"http://[2002:7f00:1::1]/", "http://[fec0::1]/?" + strings.Repeat("a", 300)},
		{"mailto:a@example.com", "?q=1#x"},
	} {
		f.Add(seed[0], seed[1])
	}
	g := newAddressGuard()
	f.Fuzz(func(t *testing.T, raw, location string) {
		l := parseLink(raw)
		if l.url != nil && (l.url.Fragment != "" || l.url.Host != strings.ToLower(l.url.Host)) {
			t.Fatalf("parseLink(%q) kept a fragment or an uppercase host: %q", raw, l.key)
		}

		var host string
		if u, err := url.Parse(raw); err == nil {
			host = u.Hostname()
		}
		for _, h := range []string{host, raw} {
			addr, ok := numericIPv4Host(h)
			if !ok {
				continue
			}
			if !addr.Is4() {
				t.Fatalf("numericIPv4Host(%q) = %v, not IPv4", h, addr)
			}
			// The canonical form reads back as itself.
			if again, ok := numericIPv4Host(addr.String()); !ok || again != addr {
				t.Fatalf("numericIPv4Host(%q) = %v, but its canonical form reads as %v, %v", h, addr, again, ok)
			}
			// The guard judges an IPv4 address and its mapped form alike.
			if g.allowed(addr) != g.allowed(netip.AddrFrom16(addr.As16())) {
				t.Fatalf("guard: %v and its IPv4-mapped form judged differently", addr)
			}
		}
		if addr, err := netip.ParseAddr(host); err == nil {
			allowed := g.allowed(addr)
			if allowed && (addr.IsLoopback() || addr.IsPrivate() || addr.IsLinkLocalUnicast() || addr.IsMulticast() || addr.IsUnspecified() || !addr.Unmap().IsGlobalUnicast()) {
				t.Fatalf("guard allowed %v", addr)
			}
		}

		if l.url == nil || (l.url.Scheme != "http" && l.url.Scheme != "https") {
			return
		}
		if !sameOrigin(l.url, l.url) {
			t.Fatalf("%q is not of its own origin", l.key)
		}
		const maxURL = 256
		next, verdict, reason := nextHop(l.url, location, 302, maxURL)
		if next == nil {
			if verdict == OK || reason == "" || len(reason) > 200 {
				t.Fatalf("nextHop(%q, %q) stopped with %v %q", l.key, location, verdict, reason)
			}
			return
		}
		if next.Scheme != "http" && next.Scheme != "https" {
			t.Fatalf("nextHop(%q, %q) went to scheme %q", l.key, location, next.Scheme)
		}
		if next.Hostname() == "" || next.Fragment != "" || len(next.String()) > maxURL {
			t.Fatalf("nextHop(%q, %q) = %q", l.key, location, next)
		}
	})
}
