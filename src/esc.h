/* SPDX-License-Identifier: ISC */
/*
 * Escaping for the writers: JSON string literals, CommonMark text and link
 * destinations, and a defensive UTF-8 decoder so that every writer emits
 * valid UTF-8 even if a stage upstream let a bad byte through.
 */
#ifndef AP_ESC_H
#define AP_ESC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/*
 * Decode the code point at "s" (NUL-terminated, *s != '\0') into *cp and
 * return its length in bytes.  An invalid or truncated sequence yields
 * U+FFFD and the length of its maximal subpart (at least 1), as the
 * Unicode standard recommends, so decoding always makes progress.
 */
size_t	 ap_esc_u8next(const char *s, uint32_t *cp);

/*
 * The code point to show for "cp" in text meant for people: ASCII white
 * space becomes a space, other controls (C0, DEL, C1, which may drive a
 * terminal) become U+FFFD, anything else is itself.
 */
uint32_t ap_esc_visible(uint32_t cp);

/* Append "s" as a quoted JSON string, or null when s is NULL. */
void	 ap_esc_json(struct ap_buf *, const char *s);

/*
 * Append "s" as CommonMark inline text that renders as exactly "s", with
 * s starting a line (so "# ", "- ", "1. " are escaped).  Leading and
 * trailing white space is dropped and line breaks become spaces: the
 * writers emit one line per block.
 */
void	 ap_esc_md(struct ap_buf *, const char *s);

/* Append "url" as a CommonMark link destination (inside "(...)"). */
void	 ap_esc_md_url(struct ap_buf *, const char *url);

#endif /* AP_ESC_H */
