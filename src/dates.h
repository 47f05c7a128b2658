/* SPDX-License-Identifier: ISC */
/*
 * French dates in running text: "3 mars 2024 à 14 h 30", "1er mai 2015",
 * "04.05.2015 à 13h36", "03/03/2024", "2024-03-03".
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

#endif /* AP_DATES_H */
