package ui

import (
	"fmt"
	"strings"
	"time"
)

// Clock writes a duration as h:mm:ss.
func Clock(d time.Duration) string {
	d = max(0, d).Truncate(time.Second)
	return fmt.Sprintf("%d:%02d:%02d", int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60)
}

// Plural picks the word for n things.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// WrapWords breaks plain text into lines of at most w cells at spaces; lines
// after the first start with indent. Style the lines after wrapping.
func WrapWords(text string, w int, indent string) []string {
	var out []string
	cur := ""
	for _, word := range strings.Fields(text) {
		switch {
		case cur == "":
			cur = word
			if len(out) > 0 {
				cur = indent + word
			}
		case TextWidth(cur)+1+TextWidth(word) <= w:
			cur += " " + word
		default:
			out = append(out, cur)
			cur = indent + word
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	for i := range out {
		out[i] = Cut(out[i], w)
	}
	return out
}

// Pack lays parts out on lines of at most w cells, joined by " · ": a part
// that does not fit on the line goes whole to the next one, so that a
// figure is never split from its words or cut (a part wider than a line
// alone is cut, keeping its numbers whole). Parts may be styled.
func Pack(parts []string, w int) []string {
	var out []string
	cur, curW := "", 0
	for _, part := range parts {
		if part == "" {
			continue
		}
		pw := TextWidth(part)
		switch {
		case cur == "":
			cur, curW = part, pw
		case curW+3+pw <= w:
			cur, curW = cur+" · "+part, curW+3+pw
		default:
			out = append(out, Cut(cur, w))
			cur, curW = part, pw
		}
	}
	if cur != "" {
		out = append(out, Cut(cur, w))
	}
	return out
}
