/* SPDX-License-Identifier: ISC */
/*
 * Small UTF-8 helpers over already-valid text, and character classes the
 * classifier needs (letters, capitals, the spaces French typography uses).
 */
#ifndef AP_UTF8_H
#define AP_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define AP_NBSP		0x00A0u
#define AP_NNBSP	0x202Fu	/* narrow no-break space */

/* Code point at s (n bytes available); *k gets its length (>= 1). */
uint32_t ap_utf8_next(const char *s, size_t n, size_t *k);
/* Code point ending just before s + n; *k gets its length. */
uint32_t ap_utf8_prev(const char *s, size_t n, size_t *k);
/* Number of code points. */
size_t	 ap_utf8_count(const char *s, size_t n);

bool	 ap_is_letter(uint32_t cp);
bool	 ap_is_upper(uint32_t cp);
bool	 ap_is_lower(uint32_t cp);
bool	 ap_is_digit(uint32_t cp);
/* Space, tab, newline, NBSP, narrow NBSP, thin space. */
bool	 ap_is_space(uint32_t cp);
/*
 * Characters dropped from all text: soft hyphen, zero-width space, word
 * joiner, a BOM inside the text, and the bidi embeddings, overrides and
 * isolates.  NBSP, U+202F and the marks U+200E/U+200F are kept.
 */
bool	 ap_is_invisible(uint32_t cp);

/*
 * For the writers, which must emit valid UTF-8 even if a stage upstream
 * let a bad byte through.  Decode the code point at "s" (NUL-terminated,
 * *s != '\0') into *cp and return its length in bytes.  An invalid or
 * truncated sequence yields U+FFFD and the length of its maximal subpart
 * (at least 1), as the Unicode standard recommends, so decoding always
 * makes progress.
 */
size_t	 ap_utf8_get(const char *s, uint32_t *cp);

/*
 * The code point to show for "cp" in text meant for people: ASCII white
 * space becomes a space, other controls (C0, DEL, C1, which may drive a
 * terminal) become U+FFFD, anything else is itself.
 */
uint32_t ap_utf8_visible(uint32_t cp);

#endif /* AP_UTF8_H */
