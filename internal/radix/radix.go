// Package radix sorts unsigned integer keys by their bytes: in O(n) time
// per 11 significant bits, with a scratch buffer of the same length, several
// times faster than a comparison sort on the millions of keys the index
// and the loader sort. A caller packs what orders its items, and the item's
// number, into one key, so that sorting the keys sorts the items.
package radix

import (
	"math/bits"
	"slices"
)

const (
	digitBits = 11
	digits    = 1 << digitBits
	mask      = digits - 1
	small     = 1 << 8 // below this many keys a comparison sort is faster
)

// Bits returns the number of bits needed to write x: 0 for 0.
func Bits(x uint64) int { return bits.Len64(x) }

// Sort sorts keys in increasing order. buf, if at least as long as keys,
// is used as scratch; otherwise Sort allocates its own. It takes time in
// proportion to len(keys) for each 11 bits in which the keys differ.
func Sort(keys, buf []uint64) {
	n := len(keys)
	if n < small {
		slices.Sort(keys)
		return
	}
	var or, and uint64 = 0, ^uint64(0)
	for _, k := range keys {
		or |= k
		and &= k
	}
	diff := or ^ and // the bits in which some keys differ
	if diff == 0 {
		return
	}
	lo := bits.TrailingZeros64(diff)
	hi := bits.Len64(diff)
	passes := (hi - lo + digitBits - 1) / digitBits
	if len(buf) < n {
		buf = make([]uint64, n)
	}
	buf = buf[:n]
	counts := make([][digits]int32, passes)
	for _, k := range keys {
		k >>= lo
		for p := range passes {
			counts[p][k&mask]++
			k >>= digitBits
		}
	}
	src, dst := keys, buf
	for p := range passes {
		c := &counts[p]
		shift := uint(lo + p*digitBits)
		if int(c[(keys[0]>>shift)&mask]) == n {
			continue // every key has this digit
		}
		var off [digits]int32
		sum := int32(0)
		for d := range c {
			off[d] = sum
			sum += c[d]
		}
		for _, k := range src {
			d := (k >> shift) & mask
			dst[off[d]] = k
			off[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}
