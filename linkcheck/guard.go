package linkcheck

import (
	"fmt"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"syscall"
)

// forbiddenAddressError is the error of a dial the address guard refused.
type forbiddenAddressError struct {
	addr netip.Addr
}

func (e *forbiddenAddressError) Error() string {
	return "address " + e.addr.String() + " is not allowed"
}

// addressGuard refuses connections to addresses a link checker has no
// business reaching: a public name may resolve to 127.0.0.1 or to a cloud
// metadata service, so the check is made on the address being dialled.
type addressGuard struct{}

func newAddressGuard() *addressGuard { return &addressGuard{} }

// IPv4 ranges that are not globally reachable, from the IANA IPv4
// Special-Purpose Address Registry (plus multicast and the reserved 240/4,
// which hold no unicast web servers). Ranges the registry marks globally
// reachable (192.31.196.0/24 AS112, 192.52.193.0/24 AMT, 192.175.48.0/24
// and the 192.0.0.9 and 192.0.0.10 anycast services) are allowed.
var nonGlobalIPv4 = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),          // "this network"
	netip.MustParsePrefix("10.0.0.0/8"),         // private
	netip.MustParsePrefix("100.64.0.0/10"),      // shared address space (CGNAT)
	netip.MustParsePrefix("127.0.0.0/8"),        // loopback
	netip.MustParsePrefix("169.254.0.0/16"),     // link-local, cloud metadata
	netip.MustParsePrefix("172.16.0.0/12"),      // private
	netip.MustParsePrefix("192.0.0.0/24"),       // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),       // documentation (TEST-NET-1)
	netip.MustParsePrefix("192.88.99.0/24"),     // deprecated 6to4 relay anycast
	netip.MustParsePrefix("192.168.0.0/16"),     // private
	netip.MustParsePrefix("198.18.0.0/15"),      // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"),    // documentation (TEST-NET-2)
	netip.MustParsePrefix("203.0.113.0/24"),     // documentation (TEST-NET-3)
	netip.MustParsePrefix("224.0.0.0/4"),        // multicast
	netip.MustParsePrefix("240.0.0.0/4"),        // reserved, and broadcast
	netip.MustParsePrefix("255.255.255.255/32"), // limited broadcast
}

// globalIPv4Exceptions are addresses inside nonGlobalIPv4 ranges that the
// registry marks globally reachable.
var globalIPv4Exceptions = []netip.Prefix{
	netip.MustParsePrefix("192.0.0.9/32"),  // Port Control Protocol anycast
	netip.MustParsePrefix("192.0.0.10/32"), // TURN anycast
}

// IPv6 ranges inside the global unicast space 2000::/3 that the IANA IPv6
// Special-Purpose Address Registry marks not globally reachable, or that
// lead somewhere the guard cannot judge.
var nonGlobalIPv6 = []netip.Prefix{
	netip.MustParsePrefix("2001::/23"),     // IETF protocol assignments (Teredo, benchmarking, ORCHID…)
	netip.MustParsePrefix("2001:db8::/32"), // documentation
	// 6to4 is refused whole: RFC 7526 deprecated it, and an address in it
	// tunnels to whatever IPv4 address it wraps, private ones included.
	netip.MustParsePrefix("2002::/16"),
	netip.MustParsePrefix("3fff::/20"), // documentation (RFC 9637)
}

// globalIPv6Exceptions are the parts of 2001::/23 the registry marks
// globally reachable.
var globalIPv6Exceptions = []netip.Prefix{
	netip.MustParsePrefix("2001:1::1/128"),   // Port Control Protocol anycast
	netip.MustParsePrefix("2001:1::2/128"),   // TURN anycast
	netip.MustParsePrefix("2001:1::3/128"),   // DNS-SD service registration anycast
	netip.MustParsePrefix("2001:3::/32"),     // AMT
	netip.MustParsePrefix("2001:4:112::/48"), // AS112-v6
	netip.MustParsePrefix("2001:20::/28"),    // ORCHIDv2
	netip.MustParsePrefix("2001:30::/28"),    // drone remote ID
}

var (
	globalUnicastIPv6 = netip.MustParsePrefix("2000::/3")
	// nat64 is the well-known NAT64 prefix: the address reached is the
	// IPv4 address in its last 32 bits, judged as such. (The local-use
	// 64:ff9b:1::/48 lies outside 2000::/3 and is refused.)
	nat64 = netip.MustParsePrefix("64:ff9b::/96")
)

// allowed reports whether addr may be connected to: only globally
// reachable unicast addresses per the IANA special-purpose registries.
// An IPv4-mapped address (::ffff:a.b.c.d) and a well-known NAT64 address
// (64:ff9b::a.b.c.d) are judged by the IPv4 address they carry. Every
// other IPv6 address outside 2000::/3 is refused: that covers loopback,
// IPv4-compatible (::a.b.c.d) and IPv4-translated (::ffff:0:a.b.c.d)
// forms, discard-only 100::/64, local-use NAT64 64:ff9b:1::/48, SRv6
// 5f00::/16, unique-local fc00::/7 (AWS's fd00:ec2::254 too), link-local
// fe80::/10, deprecated site-local fec0::/10 and multicast ff00::/8.
func (g *addressGuard) allowed(addr netip.Addr) bool {
	addr = addr.WithZone("")
	if addr.Is4In6() {
		return allowedIPv4(addr.Unmap())
	}
	if addr.Is4() {
		return allowedIPv4(addr)
	}
	if nat64.Contains(addr) {
		b := addr.As16()
		return allowedIPv4(netip.AddrFrom4([4]byte(b[12:])))
	}
	if !addr.Is6() || !globalUnicastIPv6.Contains(addr) {
		return false
	}
	return !inRanges(addr, nonGlobalIPv6) || inRanges(addr, globalIPv6Exceptions)
}

func allowedIPv4(addr netip.Addr) bool {
	return !inRanges(addr, nonGlobalIPv4) || inRanges(addr, globalIPv4Exceptions)
}

func inRanges(addr netip.Addr, ranges []netip.Prefix) bool {
	for _, p := range ranges {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

// control is a net.Dialer Control function: it runs after name resolution,
// before connecting, with the numeric address.
func (g *addressGuard) control(_, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("address guard: %w", err)
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("address guard: %w", err)
	}
	if !g.allowed(addr) {
		return &forbiddenAddressError{addr: addr}
	}
	return nil
}

// numericIPv4Host parses host the way inet_aton and browsers (the WHATWG
// URL standard) read an IPv4 address: one to four dot-separated parts, each
// decimal, octal (leading 0) or hexadecimal (0x), the last filling the
// remaining bytes, and one trailing dot allowed. So "127.1", "2130706433",
// "0" and "0x7f.1" are all loopback or "this network" addresses. It reports
// false for anything else, including canonical names.
func numericIPv4Host(host string) (netip.Addr, bool) {
	host = strings.TrimSuffix(host, ".")
	if host == "" {
		return netip.Addr{}, false
	}
	parts := strings.Split(host, ".")
	if len(parts) > 4 {
		return netip.Addr{}, false
	}
	nums := make([]uint64, len(parts))
	for i, p := range parts {
		n, ok := parseIPv4Part(p)
		if !ok {
			return netip.Addr{}, false
		}
		nums[i] = n
	}
	var v uint64
	for i, n := range nums[:len(nums)-1] {
		if n > 0xff {
			return netip.Addr{}, false
		}
		v |= n << (8 * (3 - i))
	}
	last := nums[len(nums)-1]
	if last >= 1<<(8*(5-len(nums))) {
		return netip.Addr{}, false
	}
	v |= last
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), true
}

// parseIPv4Part parses one part of a numeric IPv4 host; it bounds the
// digits so that the value fits in 32 bits.
func parseIPv4Part(p string) (uint64, bool) {
	base := 10
	switch {
	case len(p) >= 2 && (p[:2] == "0x" || p[:2] == "0X"):
		base, p = 16, p[2:]
		if p == "" { // "0x" alone is zero, as browsers read it
			return 0, true
		}
	case len(p) >= 2 && p[0] == '0':
		base, p = 8, p[1:]
	}
	if p == "" || len(p) > 32 {
		return 0, false
	}
	n, err := strconv.ParseUint(p, base, 64)
	if err != nil || n > 0xffffffff {
		return 0, false
	}
	return n, true
}
