/* SPDX-License-Identifier: ISC */
/*
 * The word lists of data/, compiled in: cue phrases that mark bylines,
 * dates, related blocks and boilerplate, matched on case-folded text, and
 * the function words (stopwords) of each language, for guessing a text's
 * language and measuring how much it reads like prose.
 */
#ifndef AP_LEXICON_H
#define AP_LEXICON_H

#include <stdbool.h>
#include <stddef.h>

/* Languages with word lists; masks are 1u << enum ap_lang. */
enum ap_lang {
	AP_LANG_FR,
	AP_LANG_EN,
	AP_LANG_DE,
	AP_LANG_ES,
	AP_LANG_IT,
	AP_LANG_NL,
	AP_LANG_PT,
	AP_LANG_FI,
	AP_LANG_SV,
	AP_LANG_DA,
	AP_LANG_NO,		/* Norwegian: bokmål and nynorsk alike */
	AP_LANG_PL,
	AP_LANG__MAX
};

#define AP_LANG_ALL	((1u << AP_LANG__MAX) - 1)

/*
 * Mask of the language of a BCP 47 tag ("en-US", "fr", "de_CH", "por",
 * "nb-NO"),
 * or 0 when the tag is NULL or names no language with word lists.
 */
unsigned ap_lang_from_tag(const char *bcp47);

/*
 * Mask of the language whose stopwords are the most frequent in the first
 * 4 KiB or so of UTF-8 "text" (any case), or 0 when there are too few
 * words or stopwords to tell.
 */
unsigned ap_lang_guess(const char *text, size_t n);

/*
 * Number of words of UTF-8 "s" (any case; words are runs of letters and
 * digits, so "l'homme" is two) that are stopwords of a language in
 * "langmask"; the number of words goes to *words when not NULL.  Does not
 * allocate.
 */
size_t	 ap_stopword_count(const char *s, size_t n, unsigned langmask,
	    size_t *words);

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
	CUE_NOTFOUND,	/* "page introuvable": the page has no article */
	CUE_AUTHORBOX,	/* "à propos de l'auteur": a box on the author */
	CUE__MAX
};

/*
 * Fold "n" bytes of UTF-8 for matching: lower case, ’ ‘ ʼ to ', the
 * Unicode hyphens to -, no-break spaces to a space, runs of spaces to
 * one.  Writes at most cap-1 bytes and a NUL into out; returns the length
 * written.  The only case folding of the library: ap_fold_key() and the
 * quote finder's tokens build on it.
 */
size_t	 ap_fold(const char *s, size_t n, char *out, size_t cap);

/*
 * The loose key of "n" bytes of UTF-8, for comparing names and labels:
 * ap_fold(), then letters and digits only, Latin accents dropped ("À lire
 * aussi :" is "alireaussi", "Œuvre" is "oeuvre").  Same contract as
 * ap_fold(); a cap of 4 n + 6 always holds the whole key.
 */
size_t	 ap_fold_key(const char *s, size_t n, char *out, size_t cap);

/*
 * Languages (1u << enum ap_lang) whose cues the look-ups below match, for
 * the calling thread until the next call; French alone at first.
 * ap_features() sets it once per document.
 */
void	 ap_cue_langs(unsigned langs);

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

/*
 * Cue bits (C_* of html_tree.h) of a class, id, itemprop or role value
 * (its first 255 bytes), from data/class-cues.txt: whole tokens, split at
 * anything but ASCII letters and digits, at lower-to-upper case changes
 * and between letters and digits, or whole class names.
 */
unsigned ap_class_cues(const char *v);

/*
 * Whether w (NUL-ended, or its first n bytes) is a particle inside a
 * person's name (data/name-particles.txt): "de", "von", "ben"; case
 * matters, so "De" at a sentence start is not one.
 */
bool	 ap_name_particle(const char *w);
bool	 ap_name_particle_n(const char *w, size_t n);

#endif /* AP_LEXICON_H */
