/* SPDX-License-Identifier: ISC */
/*
 * Per-block features: counts and shapes of the text, cue phrases from the
 * lexicons of the page's languages, and whether it holds a date.  One pass
 * over each block.
 */
#include <string.h>

#include "dates.h"
#include "doc.h"
#include "lexicon.h"
#include "utf8.h"

#define FOLD_MAX 256	/* cues and dates are looked for near the start */
#define SAMPLE_MAX 4096	/* text the language guess reads */
#define PROSE_LEN 80	/* blocks this long sample the language first */

static bool
is_closer(uint32_t cp)
{
	return cp == 0xBB || cp == 0x201D || cp == '"' || cp == ')' ||
	    cp == 0x2019 || cp == '\'';
}

static bool
is_terminal(uint32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}


/*
 * A capitalised word: an upper-case letter then letters, with inner
 * hyphens or apostrophes ("Jean-Marc", "O'Neil") or an initial ("J.").
 */
static bool
is_name_word(const char *w, size_t n)
{
	size_t i = 0, k;
	uint32_t cp;
	bool upper_next = true;

	if (n == 0)
		return false;
	if (n == 2 && w[1] == '.')
		return ap_is_upper((unsigned char)w[0]);
	while (i < n) {
		cp = ap_utf8_next(w + i, n - i, &k);
		if (upper_next) {
			if (!ap_is_upper(cp))
				return false;
			upper_next = false;
		} else if (cp == '-' || cp == '\'' || cp == 0x2019) {
			upper_next = cp == '-';
			if (i + k == n)
				return false;
		} else if (!ap_is_letter(cp))
			return false;
		i += k;
	}
	return true;
}

/*
 * Bytes of a text browser's image placeholder at s: "[]", "[logo]",
 * "[media_xll_4820497]", "[PHO5a02e98]" -- one token naming a file.  Not
 * "[sic]", "[…]", "[1]" or "[Vidéo]", which are text.
 */
size_t
ap_image_marker(const char *s, size_t n)
{
	size_t i, lower = 0, upper = 0, digit = 0, other = 0;

	if (n < 2 || s[0] != '[')
		return 0;
	for (i = 1; i < n && i < 64 && s[i] != ']'; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			lower++;
		else if (s[i] >= 'A' && s[i] <= 'Z')
			upper++;
		else if (s[i] >= '0' && s[i] <= '9')
			digit++;
		else if (s[i] == '_' || s[i] == '-' || s[i] == '.')
			other++;
		else
			return 0;
	}
	if (i >= n || s[i] != ']')
		return 0;
	if (i == 1 || (lower + upper > 0 && (digit > 0 || other > 0)) ||
	    (upper == 0 && lower >= 4))
		return i + 1;
	return 0;
}

bool
ap_name_shape(const char *s, size_t n)
{
	size_t i = 0, j, words = 0, caps = 0;
	bool last_cap = false;

	while (i < n) {
		for (j = i; j < n && s[j] != ' '; j++)
			;
		words++;
		if (is_name_word(s + i, j - i)) {
			caps++;
			last_cap = true;
		} else if (ap_name_particle_n(s + i, j - i) && words > 1)
			last_cap = false;
		else
			return false;
		i = j + 1;
	}
	return words >= 2 && words <= 5 && caps >= 2 && last_cap;
}

/* ap_utf8_next(), with ASCII bytes decoded in place. */
static uint32_t
next_cp(const char *s, size_t n, size_t *k)
{
	if ((unsigned char)*s < 0x80) {
		*k = 1;
		return (unsigned char)*s;
	}
	return ap_utf8_next(s, n, k);
}

static bool
is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	return ap_is_letter(cp);
}

static bool
is_upper(uint32_t cp)
{
	return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : ap_is_upper(cp);
}

static bool
is_space(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || cp == '\t' || cp == '\n';
	return ap_is_space(cp);
}

static void
count_text(struct ap_feat *f, const char *s, size_t n)
{
	size_t i = 0, k;
	uint32_t cp, prev = ' ', prev2 = ' ';
	bool in_word = false, kicker = true;	/* first word all capitals */

	while (i < n) {
		cp = next_cp(s + i, n - i, &k);
		i += k;
		f->chars++;
		if (is_letter(cp)) {
			f->letters++;
			if (is_upper(cp))
				f->upper++;
			else if (f->words <= 1)
				kicker = false;
		} else if (cp >= '0' && cp <= '9')
			f->digits++;
		else if (cp == ',')
			f->commas++;
		if (is_space(cp)) {
			in_word = false;
			/* "VIDEO. France-Italie : …": a kicker's period. */
			if (is_terminal(prev) && !(f->words == 1 && kicker &&
			    f->upper >= 3)) {
				f->sentences++;
				if (f->sentences == 1) {
					f->ellipsis_break = prev == 0x2026 ||
					    (prev == '.' && prev2 == '.');
					f->exclaim_break = prev == '!' ||
					    prev == '?';
				}
			}
		} else if (!in_word) {
			in_word = true;
			f->words++;
		}
		if (cp == 0xAB || cp == 0x201C)
			f->has_quote = true;
		prev2 = prev;
		prev = cp;
	}
	if (f->chars > 0)
		f->sentences++;
	f->last = prev;
}

/* The first code point after opening quotation marks and spaces. */
static uint32_t
first_letter(const char *s, size_t n)
{
	size_t i = 0, k;
	uint32_t cp = 0;

	while (i < n) {
		cp = ap_utf8_next(s + i, n - i, &k);
		if (cp != 0xAB && cp != 0x201C && cp != '"' && cp != '\'' &&
		    cp != 0x2039 && !ap_is_space(cp))
			break;
		i += k;
	}
	return cp;
}

/* Text before a closing » ends with . ! ? or … (spaces skipped). */
static bool
ends_quote_firmly(const char *s, size_t n)
{
	size_t k;
	uint32_t cp;

	while (n > 0) {
		cp = ap_utf8_prev(s, n, &k);
		if (!ap_is_space(cp))
			return is_terminal(cp);
		n -= k;
	}
	return false;
}

static void
shape(struct ap_feat *f, const char *s, size_t n)
{
	size_t k, k2;
	uint32_t first, last, before;

	first = ap_utf8_next(s, n, &k);
	last = ap_utf8_prev(s, n, &k);
	before = n > k ? ap_utf8_prev(s, n - k, &k2) : 0;
	f->opens_quote = first == 0xAB || first == 0x201C ||
	    ((first == 0x2014 || first == 0x2013) && n > 4);
	f->ends_ellipsis = last == 0x2026 ||
	    (n >= 3 && strncmp(s + n - 3, "...", 3) == 0);
	f->ends_sentence = is_terminal(last) ||
	    (is_closer(last) && is_terminal(before)) ||
	    (last == 0xBB && (before == '.' || before == AP_NBSP ||
	    before == AP_NNBSP || before == ' '));
	/* "… fin. »" or "… fin." — not "… « sortie »" nor "… conflit ?". */
	f->ends_firmly = last == '.' || last == 0x2026 ||
	    (is_closer(last) && (before == '.' || before == 0x2026 ||
	    before == '!' || before == '?')) ||
	    (last == 0xBB && ends_quote_firmly(s, n - k));
	f->name_shape = ap_name_shape(s, n);
	/* Titles may ask, exclaim or open with a quotation mark, go on
	 * after an ellipsis ("Pluie, rafales… A quoi s'attendre ?") and end
	 * on a tag ("… répond ! (VIDEO)"). */
	f->title_case = ap_is_upper(first_letter(s, n)) && last != '.' &&
	    last != ':' && last != ',' && last != ';' && f->words <= 25 &&
	    (f->sentences <= 1 || (f->sentences == 2 && f->words <= 20 &&
	    (last == '?' || last == '!' || f->ellipsis_break ||
	    ((last == ')' || last == ']') && f->exclaim_break))));
}

static void
cues(struct ap_feat *f, const char *fold)
{
	f->cue_start = ap_cue_classes(fold, &f->cue_whole);
	if (f->chars <= 160)
		f->cue_any = ap_cue_classes_anywhere(fold);
}

/* Append up to the sample's end; false once it is full. */
static bool
sample_add(char *buf, size_t *n, const char *s, size_t len)
{
	size_t room = SAMPLE_MAX - *n;

	if (room < 2)
		return false;
	if (len > room - 1)
		len = room - 1;
	memcpy(buf + *n, s, len);
	*n += len;
	buf[(*n)++] = '\n';
	return true;
}

/*
 * The languages whose cues apply: French always, the page's declared
 * language and the one its text reads as (sampled from the long blocks
 * first, so menus do not outvote the prose): themes leave a default
 * lang="en" on pages written in another language.
 */
static unsigned
doc_langs(const struct ap_doc *d)
{
	char sample[SAMPLE_MAX];
	size_t i, n = 0;
	unsigned m = 1u << AP_LANG_FR;

	if (d->meta.lang != NULL && d->meta.lang[0] != '\0')
		m |= ap_lang_from_tag(d->meta.lang);
	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].len >= PROSE_LEN && !sample_add(sample, &n,
		    d->blocks[i].text, d->blocks[i].len))
			break;
	for (i = 0; i < d->nblocks && n < SAMPLE_MAX / 2; i++)
		if (d->blocks[i].len < PROSE_LEN && !sample_add(sample, &n,
		    d->blocks[i].text, d->blocks[i].len))
			break;
	return m | ap_lang_guess(sample, n);
}

void
ap_features(struct ap_doc *d)
{
	char fold[FOLD_MAX], date[AP_DATE_MAX];
	size_t i, at, end, flen;

	ap_cue_langs(doc_langs(d));
	for (i = 0; i < d->nblocks; i++) {
		struct ap_block *b = &d->blocks[i];
		struct ap_feat *f = &b->f;

		memset(f, 0, sizeof(*f));
		count_text(f, b->text, b->len);
		shape(f, b->text, b->len);
		flen = ap_fold(b->text, b->len, fold, sizeof(fold));
		f->fold = ap_strndup(&d->arena, fold, flen);
		cues(f, f->fold);
		f->has_date = ap_date_find(f->fold, date, &at, &end);
	}
}
