/* SPDX-License-Identifier: ISC */
/*
 * Dates in running text, month names in every language with word lists:
 * "3 mars 2024 à 14 h 30", "1er mai 2015", "December 3, 2025",
 * "04.05.2015 à 13h36", "03/03/2024", "2024-03-03"; and in URLs.
 */
#ifndef AP_DATES_H
#define AP_DATES_H

#include <stdbool.h>
#include <stddef.h>

#define AP_DATE_MAX 17	/* "YYYY-MM-DDTHH:MM" and a NUL */

/*
 * Find the first date in folded text "s" (see ap_fold) and write it as
 * ISO 8601 into out: "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM" when a time
 * follows.  *at and *end get its byte span.  Returns false when none.
 */
bool	 ap_date_find(const char *s, char out[AP_DATE_MAX], size_t *at,
	    size_t *end);

/*
 * The publication date in folded text (a date or byline line): the first
 * date that does not follow a "Mis à jour" cue more closely than a
 * "Publié" one; false when none.
 */
bool	 ap_date_published(const char *fold, char out[AP_DATE_MAX]);

/*
 * The date in a URL's path ("/2017/01/24/", "/2017-01-24", "/20170124-"),
 * as "YYYY-MM-DD" into out; false when none.
 */
bool	 ap_date_in_url(const char *url, char out[AP_DATE_MAX]);

/* The n-digit decimal number at s ("0042" is 42), or -1 when one of its
 * n characters is not a digit. */
int	 ap_num_at(const char *s, size_t n);

#endif /* AP_DATES_H */
