/* SPDX-License-Identifier: ISC */
/*
 * The French cue lexicon (data/fr-cues.txt): phrases that mark bylines,
 * dates, related blocks and boilerplate, matched on case-folded text.
 */
#ifndef AP_LEXICON_H
#define AP_LEXICON_H

#include <stdbool.h>
#include <stddef.h>

enum ap_cue {
	CUE_BYLINE,
	CUE_AGENCY,
	CUE_DATE,
	CUE_UPDATED,
	CUE_MONTH,
	CUE_WEEKDAY,
	CUE_RELATED,
	CUE_SITEWIDE,
	CUE_JOB,
	CUE_NEWSLETTER,
	CUE_SHARE,
	CUE_COMMENTS,
	CUE_CREDIT,
	CUE_COOKIE,
	CUE_ROLE,
	CUE__MAX
};

/*
 * Fold "n" bytes of UTF-8 for matching: lower case, ’ ‘ ʼ to ', no-break
 * spaces to a space, runs of spaces to one.  Writes at most cap-1 bytes
 * and a NUL into out; returns the length written.
 */
size_t	 ap_fold(const char *s, size_t n, char *out, size_t cap);

/*
 * Length of the longest cue of class "c" that starts folded text "s" and
 * ends at a word boundary, or 0.
 */
size_t	 ap_cue_prefix(const char *s, enum ap_cue c);

/*
 * Classes (1 << enum ap_cue) of every cue that starts folded "s" at a word
 * boundary, in one look-up; *whole, when not NULL, gets the classes whose
 * cue is all of "s" but punctuation.
 */
unsigned ap_cue_classes(const char *s, unsigned *whole);
/* Classes of the cues starting at any word start of folded "s". */
unsigned ap_cue_classes_anywhere(const char *s);


/* Whether folded "s" is exactly a cue of class "c", give or take final
 * punctuation (":", ".", "›", "»"). */
bool	 ap_cue_whole(const char *s, enum ap_cue c);

#endif /* AP_LEXICON_H */
