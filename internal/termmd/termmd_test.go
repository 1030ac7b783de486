package termmd

import (
	"io"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// plain is a renderer without colour (NO_COLOR, or no terminal).
func plain() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	return r
}

// coloured is a renderer for a dark 256-colour terminal.
func coloured() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	r.SetHasDarkBackground(true)
	return r
}

func TestRenderWorkedExamples(t *testing.T) {
	for _, c := range []struct {
		name  string
		md    string
		width int
		want  string
	}{{
		name:  "headings and inline markup",
		md:    "# Brief\n\n## Contacts\n\n### Owed\n\nstage **bargain** and _(note)_ and `budget <item>` snake_case_name \\*kept\\*\n",
		width: 80,
		want: `
  Brief
  ═════

  Contacts
  ────────

  ▸ Owed

  stage bargain and (note) and budget <item> snake_case_name *kept*

`,
	}, {
		name:  "a closing # needs a blank before it",
		md:    "## Account C# ##\n#sku is a tag\n",
		width: 80,
		want:  "\n  Account C#\n  ──────────\n  #sku is a tag\n\n",
	}, {
		name:  "each line of a paragraph stays a line",
		md:    "Gap closed: 44%\nTheir offer: 23.40\n",
		width: 80,
		want:  "\n  Gap closed: 44%\n  Their offer: 23.40\n\n",
	}, {
		name:  "lists wrap under their text",
		md:    "- one two three four five six seven eight nine\n  - nested item with words enough to wrap\n1. first numbered item wraps here too\n- [ ] open action\n> a quote that is long enough to wrap\n\n---\n",
		width: 30,
		want: `
  • one two three four five
    six seven eight nine
    ◦ nested item with words
      enough to wrap
  1. first numbered item
     wraps here too
  • [ ] open action
  │ a quote that is long
  │ enough to wrap

  ───────────────────────────

`,
	}, {
		name:  "a table that fits is boxed, numbers aligned right",
		md:    "| Item | Note \\| pipe | Money |\n| --- | --- | --- |\n| Price | a\\|b | 1,250.00 |\n| Terms |  | — |\n",
		width: 80,
		want: `
  ┌───────┬─────────────┬──────────┐
  │ Item  │ Note | pipe │    Money │
  ├───────┼─────────────┼──────────┤
  │ Price │ a|b         │ 1,250.00 │
  │ Terms │             │        — │
  └───────┴─────────────┴──────────┘

`,
	}, {
		name:  "a table too wide is one block per row",
		md:    "| # | Item | Ours | Theirs | Note |\n| --- | --- | --- | --- | --- |\n| 1 | List price per case | 24.50 | 23.40 |  |\n| 2 | Payment terms | 45 | 60 | group floor at 60 days |\n",
		width: 40,
		want: `
  1 · List price per case
    Ours: 24.50 · Theirs: 23.40

  2 · Payment terms
    Ours: 45 · Theirs: 60 · Note: group
    floor at 60 days

`,
	}, {
		name:  "a fenced block is printed as it is",
		md:    "```\nfunc price() int {\n\treturn 42\n}\n```\n",
		width: 80,
		want:  "\n    func price() int {\n        return 42\n    }\n\n",
	}} {
		t.Run(c.name, func(t *testing.T) {
			if got := Render(c.md, c.width, plain()); got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s\n%q", got, c.want, got)
			}
		})
	}
}

// A number is never cut, even on a terminal 20 columns wide, and no line is
// wider than the terminal when its words fit.
func TestRenderKeepsALongNumberWholeAtWidth20(t *testing.T) {
	out := Render("Their offer: below the deal floor by 1,234,567,890.12 EUR\n\n| Item | Gap (EUR) |\n| --- | --- |\n| List price per case | 205,420.93 |\n", 20, plain())
	for _, n := range []string{"1,234,567,890.12", "205,420.93"} {
		if !regexp.MustCompile(`(?m)(^|\s)` + regexp.QuoteMeta(n) + `(\s|$)`).MatchString(out) {
			t.Errorf("%s is not whole:\n%s", n, out)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(l); w > 20 {
			t.Errorf("a line is %d wide: %q", w, l)
		}
	}
}

// Whatever the text holds (escape sequences, C1 controls, bidi overrides,
// bytes that are not UTF-8), the rendered brief shows it escaped; the only
// escape sequences out are the renderer's own colours.
func TestRenderEmitsNoControlSequenceFromTheText(t *testing.T) {
	hostile := "set title \x1b]0;pwned\x07 clear \x1b[2J csi \u009b31m del \x7f cr \r rtl \u202eevil\u202c iso \u2066x\u2069 bad \xff"
	md := "# Brief " + hostile + "\n\n" + hostile + "\n\n- " + hostile + "\n> " + hostile +
		"\n\n| Item | Note |\n| --- | --- |\n| **Price** | " + hostile + " |\n\n```\n" + hostile + "\n```\n"
	for _, width := range []int{200, 40} { // a box and blocks
		plainOut := Render(md, width, plain())
		if bad := unsafeIn(plainOut); bad != "" {
			t.Errorf("at %d columns without colour the text reached the terminal as %q:\n%q", width, bad, plainOut)
		}
		for _, shown := range []string{`\x1b]0;pwned\x07`, `\x1b[2J`, `\x9b31m`, `\u{202e}evil`, `\xff`} {
			if !strings.Contains(plainOut, shown) {
				t.Errorf("at %d columns %s is not shown escaped:\n%s", width, shown, plainOut)
			}
		}
		colourOut := Render(md, width, coloured())
		if !strings.Contains(colourOut, "\x1b[") {
			t.Fatalf("the coloured render has no colour; the test looks in the wrong place")
		}
		own := regexp.MustCompile(`\x1b\[[0-9;]*m`)
		if bad := unsafeIn(own.ReplaceAllString(colourOut, "")); bad != "" {
			t.Errorf("at %d columns in colour the text reached the terminal as %q", width, bad)
		}
		if got := own.ReplaceAllString(colourOut, ""); got != plainOut {
			t.Errorf("at %d columns colour changed the text:\n%s\nwithout colour:\n%s", width, got, plainOut)
		}
	}
}

// unsafeIn returns the first character of s a terminal would act on (other
// than a newline), or "".
func unsafeIn(s string) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	for _, r := range s {
		switch {
		case r < 0x20 && r != '\n', r == 0x7f, r >= 0x80 && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return string(r)
		}
	}
	return ""
}

// Without colour nothing but text is written; with it, headings are styled.
func TestRenderColourFollowsTheProfile(t *testing.T) {
	md := "# Brief\n\nstage **bargain**\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n"
	if out := Render(md, 80, plain()); strings.Contains(out, "\x1b") {
		t.Errorf("no colour, yet an escape sequence: %q", out)
	}
	dark := Render(md, 80, coloured())
	light := lipgloss.NewRenderer(io.Discard)
	light.SetColorProfile(termenv.ANSI256)
	light.SetHasDarkBackground(false)
	if !strings.Contains(dark, "\x1b[1m") || dark == Render(md, 80, light) {
		t.Errorf("the colours do not follow the background:\ndark  %q\nlight %q", dark, Render(md, 80, light))
	}
}
