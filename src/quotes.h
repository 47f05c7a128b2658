/* SPDX-License-Identifier: ISC */
/*
 * Direct quotations and their speakers (quotes.c).  ap_quotes_find() is
 * declared in doc.h with the other stages; this header holds what its
 * callers and tests need to read the result.
 */
#ifndef AP_QUOTES_H
#define AP_QUOTES_H

#include <stdbool.h>
#include <stdint.h>

/*
 * struct ap_quote.block is the index in body[] of the paragraph the quote
 * starts in, or one of these for a quote in the headline or standfirst.
 */
#define AP_QUOTE_HEADLINE	SIZE_MAX
#define AP_QUOTE_STANDFIRST	(SIZE_MAX - 1)

/* Fewer words than this between the marks: scare quotes or a title. */
#define AP_QUOTE_MINWORDS	3

/*
 * Whether "folded" (lower case, apostrophes as ') is a form listed in
 * data/fr-reporting-verbs.txt, e.g. "déclaré" or "met en garde".
 */
bool	 ap_quotes_is_verb(const char *folded);

/* The lists of data/fr-quote-words.txt "folded" is in, one bit a list
 * (QW_* of fr-quote-words.inc); 0 when none. */
unsigned ap_quotes_word_lists(const char *folded);

#endif /* AP_QUOTES_H */
