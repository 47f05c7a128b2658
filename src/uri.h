/* SPDX-License-Identifier: ISC */
/*
 * IRIs to URIs (RFC 3987, section 3.1): what a page writes in href or
 * its canonical link may hold raw UTF-8 or characters a URI cannot, and
 * both libxml2's resolver and the "format: uri" of the JSON schema want
 * a URI.
 */
#ifndef AP_URI_H
#define AP_URI_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/*
 * The URI for the IRI s[0..n), in the arena: bytes outside ASCII and
 * ASCII characters no URI holds (controls, space, " < > \ ^ ` { | }, and
 * [ ] outside the host) percent-encoded, a % that starts no escape
 * written %25, tabs and newlines dropped (as browsers do).
 */
char	*ap_uri_from_iri(struct ap_arena *, const char *s, size_t n);

/*
 * The absolute URI for a path from the root ("/a/b?c") on base's host,
 * joined without parsing either: NULL when href has a dot segment, a
 * second '#' or a character a URI parser might reject or rewrite, or
 * base has no authority; the caller then resolves it in full.
 */
char	*ap_uri_join_root(struct ap_arena *, const char *base,
	    const char *href);

/* Whether s starts with a scheme ("https:", "mailto:"): an absolute URI. */
bool	 ap_uri_is_absolute(const char *s);
/*
 * Whether the absolute URI u leads to a site's front: its home page or
 * a one-word section ("https://journal.lemonde.fr/", "…/fr"), no query.
 */
bool	 ap_uri_is_front(const char *u);

#endif /* AP_URI_H */
