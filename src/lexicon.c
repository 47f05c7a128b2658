/* SPDX-License-Identifier: ISC */
/*
 * Look-ups in the generated word lists.  Every table is sorted bytewise:
 * the cue phrases that start a string all sort at or before it, and each
 * links to the longest cue that starts it, so one binary search and a
 * short walk find them; a stopword, folded into a stack buffer, is looked
 * up in a generated hash table.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "hash.h"
#include "html_tree.h"
#include "lexicon.h"
#include "table.h"

#define L_FR	(1u << AP_LANG_FR)
#define L_EN	(1u << AP_LANG_EN)
#define L_DE	(1u << AP_LANG_DE)
#define L_ES	(1u << AP_LANG_ES)
#define L_IT	(1u << AP_LANG_IT)
#define L_NL	(1u << AP_LANG_NL)
#define L_PT	(1u << AP_LANG_PT)
#define L_FI	(1u << AP_LANG_FI)
#define L_SV	(1u << AP_LANG_SV)
#define L_DA	(1u << AP_LANG_DA)
#define L_NO	(1u << AP_LANG_NO)
#define L_PL	(1u << AP_LANG_PL)
#define L_ANY	AP_LANG_ALL

struct cue {
	enum ap_cue	 cls;
	unsigned	 langs;		/* 1u << enum ap_lang */
	const char	*phrase;
	unsigned char	 len;
	short		 shorter;	/* a cue starting it, or -1 */
};

/* Languages whose cues match: one document at a time per thread. */
static _Thread_local unsigned cue_langs = L_FR;

/* cues[] and cue_from[], the range of each first byte. */
#include "lexicon.inc"

/* ’ ‘ ʼ to ', the Unicode hyphens to -, spaces to ' ', else lower case. */
static utf8proc_int32_t
fold_cp(utf8proc_int32_t cp)
{
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z')
			return cp + ('a' - 'A');
		return cp == '\t' || cp == '\n' ? ' ' : cp;
	}
	if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC)
		return '\'';
	if (cp == 0x2010 || cp == 0x2011)
		return '-';
	if (cp == 0xA0 || cp == 0x202F || cp == 0x2009)
		return ' ';
	return utf8proc_tolower(cp);
}

/* Code point at p (n > 0 bytes) and its length; 0 for a bad sequence.
 * Most text is ASCII: those bytes skip the decoder. */
static utf8proc_ssize_t
next_cp(const utf8proc_uint8_t *p, size_t n, utf8proc_int32_t *cp)
{
	if (*p < 0x80) {
		*cp = *p;
		return 1;
	}
	return utf8proc_iterate(p, (utf8proc_ssize_t)n, cp);
}

/* Write cp as UTF-8 at out; returns the bytes written. */
static size_t
put_cp(char *out, utf8proc_int32_t cp)
{
	if (cp < 0x80) {
		*out = (char)cp;
		return 1;
	}
	return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

size_t
ap_fold(const char *s, size_t n, char *out, size_t cap)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	size_t i = 0, o = 0;
	int space = 0;

	if (cap == 0)
		return 0;
	while (i < n && o + 5 < cap) {
		k = next_cp(p + i, n - i, &cp);
		if (k <= 0) {
			i++;
			continue;
		}
		i += (size_t)k;
		cp = fold_cp(cp);
		if (cp == ' ') {
			if (space || o == 0)
				continue;
			space = 1;
		} else
			space = 0;
		o += put_cp(out + o, cp);
	}
	out[o] = '\0';
	return o;
}

/* Latin-1 letters U+00C0..U+00FF without their accents; 0: dropped. */
static const char latin1[] =
	"aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
	"aaaaaaaceeeeiiiidnooooo\0ouuuuyty";

size_t
ap_fold_key(const char *s, size_t n, char *out, size_t cap)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)out;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	size_t len, i, o = 0;

	len = ap_fold(s, n, out, cap);
	for (i = 0; i < len; i += (size_t)k) {
		k = next_cp(p + i, len - i, &cp);
		if (k <= 0) {
			k = 1;
			continue;
		}
		if (cp < 0x80) {
			if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
				out[o++] = (char)cp;
		} else if (cp == 0xE6 || cp == 0x153) {
			out[o++] = cp == 0xE6 ? 'a' : 'o';
			out[o++] = 'e';
		} else if (cp >= 0xC0 && cp <= 0xFF) {
			if (latin1[cp - 0xC0] != '\0')
				out[o++] = latin1[cp - 0xC0];
		} else if (cp >= 0x100 && !(cp >= 0x2000 && cp <= 0x206F) &&
		    cp != 0xFEFF && cp != 0xFFFD) {
			memmove(out + o, out + i, (size_t)k);
			o += (size_t)k;
		}
	}
	out[o] = '\0';
	return o;
}

static bool
is_wordchar(const char *s)
{
	utf8proc_int32_t cp;
	utf8proc_category_t cat;

	if (utf8proc_iterate((const utf8proc_uint8_t *)s, 4, &cp) <= 0)
		return false;
	cat = utf8proc_category(cp);
	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
	    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

/* A phrase ending in a letter must end a word; "photo :" ends anywhere. */
static bool
word_end(const char *s, size_t len)
{
	unsigned char last = (unsigned char)s[len - 1];

	if (last < 0x80 && !is_wordchar(s + len - 1))
		return true;
	return s[len] == '\0' || !is_wordchar(s + len);
}

/*
 * Most places a cue is looked for start no cue.  A cue that starts s
 * starts with s's first word (its letters and digits up to the first
 * other character, maybe none), and its match ends at a word's end: the
 * hashes of the cues' first words rule out nearly all the others before
 * a search.
 */
#define FIRST_SLOTS	8192	/* a power of two, twice the cues or more */

static uint32_t first_words[FIRST_SLOTS];	/* hash | 1; 0 empty */
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;
static void tables_fill(void);

/* The length of s's first word. */
static size_t
first_word(const char *s)
{
	size_t i = 0;
	unsigned char c;

	while ((c = (unsigned char)s[i]) != '\0') {
		if (c < 0x80) {
			if (!isalnum(c))
				break;
			i++;
		} else if (is_wordchar(s + i))
			i += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
		else
			break;
	}
	return i;
}

static uint32_t
first_hash(const char *s, size_t n)
{
	return (uint32_t)ap_fnv(s, n) | 1;
}

static void
first_words_fill(void)
{
	size_t i, k;
	uint32_t h;

	for (i = 0; i < sizeof(cues) / sizeof(cues[0]); i++) {
		h = first_hash(cues[i].phrase, first_word(cues[i].phrase));
		for (k = h & (FIRST_SLOTS - 1); first_words[k] != 0 &&
		    first_words[k] != h; k = (k + 1) & (FIRST_SLOTS - 1))
			continue;
		first_words[k] = h;
	}
}

/* Whether some cue starts with s's first word. */
static bool
first_word_known(const char *s)
{
	uint32_t h = first_hash(s, first_word(s));
	size_t k;

	pthread_once(&tables_once, tables_fill);
	for (k = h & (FIRST_SLOTS - 1); first_words[k] != 0;
	    k = (k + 1) & (FIRST_SLOTS - 1))
		if (first_words[k] == h)
			return true;
	return false;
}

/*
 * Index of the longest cue that starts s, or -1; the others follow from
 * it by their shorter links.  A cue that starts s sorts between the last
 * cue at or before s and s, so it also starts that last cue.  Only the
 * cues of s's first byte can start it, and compare from their second.
 */
static int
longest_cue(const char *s)
{
	unsigned char c = (unsigned char)s[0];
	size_t first = cue_from[c], lo, hi, mid;
	int i;

	if (c == '\0' || !first_word_known(s))
		return -1;
	/* Sorted, the entries of one first byte are sorted by their second
	 * one: narrow to those of s[1] with byte comparisons first. */
	lo = ap_table_byte_bound(&cues[0].phrase, sizeof(cues[0]), first,
	    cue_from[c + 1], 1, (unsigned char)s[1], false);
	hi = ap_table_byte_bound(&cues[0].phrase, sizeof(cues[0]), lo,
	    cue_from[c + 1], 1, (unsigned char)s[1], true);
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(cues[mid].phrase + 1, s + 1) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == first)
		return -1;
	for (i = (int)lo - 1; i >= 0; i = cues[i].shorter)
		if (strncmp(s, cues[i].phrase, cues[i].len) == 0)
			break;
	return i;
}

void
ap_cue_langs(unsigned langs)
{
	cue_langs = langs;
}

size_t
ap_cue_prefix(const char *s, enum ap_cue c)
{
	int i;

	for (i = longest_cue(s); i >= 0; i = cues[i].shorter)
		if (cues[i].cls == c && (cues[i].langs & cue_langs) != 0 &&
		    word_end(s, cues[i].len))
			return cues[i].len;
	return 0;
}

unsigned
ap_cue_classes(const char *s, unsigned *whole)
{
	unsigned m = 0;
	const char *rest;
	int i;

	if (whole != NULL)
		*whole = 0;
	for (i = longest_cue(s); i >= 0; i = cues[i].shorter) {
		if ((cues[i].langs & cue_langs) == 0 ||
		    !word_end(s, cues[i].len))
			continue;
		m |= 1u << cues[i].cls;
		if (whole == NULL)
			continue;
		rest = s + cues[i].len;
		while (*rest != '\0' && !is_wordchar(rest))
			rest++;
		if (*rest == '\0')
			*whole |= 1u << cues[i].cls;
	}
	return m;
}

unsigned
ap_cue_classes_anywhere(const char *s)
{
	size_t i;
	unsigned m = 0;

	for (i = 0; s[i] != '\0'; i++)
		if (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\'' ||
		    s[i - 1] == '(' || s[i - 1] == '|')
			m |= ap_cue_classes(s + i, NULL);
	return m;
}

bool
ap_cue_whole(const char *s, enum ap_cue c)
{
	unsigned whole;

	ap_cue_classes(s, &whole);
	return (whole & (1u << c)) != 0;
}

struct word {
	const char	*w;
	unsigned	 langs;
};

/* stopwords[] and its hash table stopword_slot[]. */
#include "stopwords.inc"

#define WORD_MAX	24	/* longer folded words are no stopwords */
#define GUESS_BYTES	4096	/* sample ap_lang_guess reads */
#define GUESS_WORDS	12	/* fewer words: no guess */
#define GUESS_HITS	4	/* fewer stopwords of the best language: none */

struct count {
	unsigned	 mask;		/* languages counted */
	bool		 per_lang;	/* count them apart (per[]) */
	size_t		 hits;
	size_t		 per[AP_LANG__MAX];
};

/* Count the folded word w (hash h, ap_word_hash()) if a stopword. */
static void
count_one(struct count *c, const char *w, uint32_t h)
{
	size_t k = ap_table_find(stopword_slot, STOPWORD_SLOTS, &stopwords[0].w,
	    sizeof(stopwords[0]), w, h);
	unsigned l;

	if (k == SIZE_MAX || (l = stopwords[k].langs & c->mask) == 0)
		return;
	c->hits++;
	for (; c->per_lang && l != 0; l &= l - 1)
		c->per[__builtin_ctz(l)]++;
}

/*
 * Count the words of "s" (runs of letters, marks and digits), and the
 * stopwords among them when c->mask is set: each folded to lower case
 * into a stack buffer and hashed as it goes; words too long to be a
 * stopword are not looked up.  Returns the number of words.
 */
static size_t
count_words_in(const char *s, size_t n, struct count *c)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	utf8proc_category_t cat;
	char w[WORD_MAX + 4];
	size_t i = 0, o = 0, words = 0, b;
	uint32_t h = 0;
	bool in = false, over = false;
	unsigned char ch;

	while (i <= n) {
		bool wc;

		if (i == n) {
			wc = false;
			k = 1;
		} else if ((ch = p[i]) < 0x80) {
			wc = (ch >= 'a' && ch <= 'z') ||
			    (ch >= '0' && ch <= '9') ||
			    (ch >= 'A' && ch <= 'Z');
			cp = ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch;
			k = 1;
		} else {
			k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i),
			    &cp);
			if (k <= 0) {
				k = 1;
				wc = false;
			} else {
				cat = utf8proc_category(cp);
				wc = (cat >= UTF8PROC_CATEGORY_LU &&
				    cat <= UTF8PROC_CATEGORY_ME) ||
				    (cat >= UTF8PROC_CATEGORY_ND &&
				    cat <= UTF8PROC_CATEGORY_NO);
				if (wc)
					cp = utf8proc_tolower(cp);
			}
		}
		if (wc) {
			if (!in) {
				in = true;
				over = false;
				o = 0;
				h = 0;
			}
			if (over || o + 4 > WORD_MAX)
				over = true;
			else if (cp < 0x80) {
				w[o++] = (char)cp;
				h = h * 31 + (uint32_t)cp;
			} else
				for (b = o, o += put_cp(w + o, cp); b < o; b++)
					h = h * 31 + (unsigned char)w[b];
		} else if (in) {
			in = false;
			words++;
			if (!over && c->mask != 0) {
				w[o] = '\0';
				count_one(c, w, h);
			}
		}
		i += (size_t)k;
	}
	return words;
}

size_t
ap_stopword_count(const char *s, size_t n, unsigned langmask, size_t *words)
{
	struct count c;
	size_t nw;

	memset(&c, 0, sizeof(c));
	c.mask = langmask;
	nw = count_words_in(s, n, &c);
	if (words != NULL)
		*words = nw;
	return c.hits;
}

unsigned
ap_lang_guess(const char *text, size_t n)
{
	struct count c;
	size_t nw;
	int i, best = 0;

	if (text == NULL)
		return 0;
	if (n > GUESS_BYTES) {
		/* Cut at a character boundary, then at a space. */
		for (n = GUESS_BYTES; n > 0 &&
		    ((unsigned char)text[n] & 0xC0) == 0x80; n--)
			;
		while (n > 0 && text[n] != ' ' && text[n] != '\n' &&
		    n > GUESS_BYTES - 64)
			n--;
	}
	memset(&c, 0, sizeof(c));
	c.mask = AP_LANG_ALL;
	c.per_lang = true;
	nw = count_words_in(text, n, &c);
	for (i = 1; i < AP_LANG__MAX; i++)
		if (c.per[i] > c.per[best])
			best = i;
	if (nw < GUESS_WORDS || c.per[best] < GUESS_HITS)
		return 0;
	return 1u << best;
}

unsigned
ap_lang_from_tag(const char *tag)
{
	static const struct {
		const char	*code;
		enum ap_lang	 lang;
	} codes[] = {
		{ "da", AP_LANG_DA }, { "dan", AP_LANG_DA },
		{ "de", AP_LANG_DE }, { "deu", AP_LANG_DE },
		{ "dut", AP_LANG_NL }, { "en", AP_LANG_EN },
		{ "eng", AP_LANG_EN }, { "es", AP_LANG_ES },
		{ "fi", AP_LANG_FI }, { "fin", AP_LANG_FI },
		{ "fr", AP_LANG_FR }, { "fra", AP_LANG_FR },
		{ "fre", AP_LANG_FR }, { "ger", AP_LANG_DE },
		{ "it", AP_LANG_IT }, { "ita", AP_LANG_IT },
		{ "nb", AP_LANG_NO }, { "nl", AP_LANG_NL },
		{ "nld", AP_LANG_NL }, { "nn", AP_LANG_NO },
		{ "nno", AP_LANG_NO }, { "no", AP_LANG_NO },
		{ "nob", AP_LANG_NO }, { "nor", AP_LANG_NO },
		{ "pl", AP_LANG_PL }, { "pol", AP_LANG_PL },
		{ "por", AP_LANG_PT }, { "pt", AP_LANG_PT },
		{ "spa", AP_LANG_ES }, { "sv", AP_LANG_SV },
		{ "swe", AP_LANG_SV },
	};
	char code[4];
	size_t i, n = 0;

	if (tag == NULL)
		return 0;
	while (*tag == ' ')
		tag++;
	for (; tag[n] != '\0' && tag[n] != '-' && tag[n] != '_' &&
	    tag[n] != ' '; n++) {
		unsigned char c = (unsigned char)tag[n];

		if (n == 3 || !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
			return 0;
		code[n] = (char)(c | 0x20);
	}
	code[n] = '\0';
	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (strcmp(codes[i].code, code) == 0)
			return 1u << codes[i].lang;
	return 0;
}

/* Class and id cues ------------------------------------------------ */

/* Match modes (data/class-cues.txt); an affix is also a suffix. */
enum { CM_WORD, CM_PREFIX, CM_AFFIX, CM_SUFFIX, CM_CLASS, CM_CLASSPREFIX,
	CM_SCREEN };

/* Groups of the generated table, each sorted by pattern. */
enum { CG_TOKEN, CG_SUFFIX, CG_CLASS, CG_CLASSPREFIX, CG_SCREEN, CG__MAX };

struct ccue {
	const char	*pat;		/* tokens separated by one space */
	unsigned char	 len;
	unsigned char	 how;		/* CM_* */
	unsigned short	 bits;		/* C_* of html_tree.h */
};

/* ccues[] in groups: group n is [CCUE_ENDn-1, CCUE_ENDn); ccue_from[],
 * the range of each first byte in group 0. */
#include "class-cues.inc"

static const size_t ccue_group[CG__MAX + 1] = {
	0, CCUE_END0, CCUE_END1, CCUE_END2, CCUE_END3, CCUE_END4
};

#define NCCUES		(sizeof(ccues) / sizeof(ccues[0]))
#define CLASS_MAX	256	/* bytes of a value read */
#define TOKENS_MAX	32	/* tokens of a value read */

struct tokens {
	char		 low[CLASS_MAX];	/* the value, lower case */
	char		 tok[CLASS_MAX * 2];	/* tokens, each NUL-ended */
	unsigned short	 at[TOKENS_MAX];	/* offset in tok */
	unsigned char	 tlen[TOKENS_MAX];
	unsigned char	 cls[TOKENS_MAX];	/* class name it is in */
	size_t		 n, len;
};

static bool
is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool
is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_alnum(char c)
{
	return is_lower(c) || is_upper(c) || is_digit(c);
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Whether a token ends between v[i - 1] and v[i], both alphanumeric:
 * "navBar", "HTMLContent", "ad300". */
static bool
token_break(const char *v, size_t i)
{
	char a = v[i - 1], b = v[i];

	if (is_digit(a) != is_digit(b))
		return true;
	if (is_lower(a) && is_upper(b))
		return true;
	return is_upper(a) && is_upper(b) && is_lower(v[i + 1]);
}

/*
 * The classes a blog engine gives a post's element (WordPress's
 * post_class: "hentry", "type-post", "status-publish") come with one
 * class a category or tag of the post: "category-kommentare",
 * "tag-comments" say what the post is about, not what the element is.
 * Elsewhere "tag-container" is a class like any other.
 */
static bool
is_post_class(const char *v)
{
	return strstr(v, "hentry") != NULL || strstr(v, "type-post") != NULL ||
	    strstr(v, "status-publish") != NULL;
}

static bool
taxonomy(const char *name)
{
	return strncmp(name, "category-", 9) == 0 ||
	    strncmp(name, "tag-", 4) == 0;
}

static void
tokenize(struct tokens *t, const char *v)
{
	size_t i, o = 0, start = 0;
	unsigned cls = 0;
	bool in = false, skip = false, post = is_post_class(v);

	t->n = 0;
	for (i = 0; v[i] != '\0' && i < CLASS_MAX - 1; i++) {
		char c = v[i];

		t->low[i] = is_upper(c) ? (char)(c - 'A' + 'a') : c;
		if (is_space(c) && i > 0 && !is_space(v[i - 1]) && cls < 255)
			cls++;
		if (is_space(c))
			skip = false;
		else if (post && (i == 0 || is_space(v[i - 1])) &&
		    taxonomy(v + i))
			skip = true;
		if (skip)
			continue;
		if (in && (!is_alnum(c) || token_break(v, i))) {
			t->tok[o++] = '\0';
			t->tlen[t->n - 1] = (unsigned char)(o - 1 - start);
			in = false;
		}
		if (!is_alnum(c))
			continue;
		if (!in) {
			if (t->n == TOKENS_MAX)
				break;
			start = o;
			t->at[t->n] = (unsigned short)o;
			t->cls[t->n] = (unsigned char)cls;
			t->n++;
			in = true;
		}
		t->tok[o++] = t->low[i];
	}
	if (in) {
		t->tok[o++] = '\0';
		t->tlen[t->n - 1] = (unsigned char)(o - 1 - start);
	}
	t->low[i] = '\0';
	t->len = i;
}

/* Compare pattern p with the n bytes at s, as strcmp would with s[0..n)
 * NUL-ended. */
static int
cmpn(const char *p, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != s[i])
			return (unsigned char)p[i] - (unsigned char)s[i];
	return (unsigned char)p[n];
}

/* First entry of [lo, hi) not below s[0..n). */
static size_t
ccue_lower(size_t lo, size_t hi, const char *s, size_t n)
{
	size_t mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cmpn(ccues[mid].pat, s, n) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Most tokens of class names start no token pattern: pair_seen[] has a
 * bit for the first two bytes of each pattern of group 0, one_seen[] for
 * the first byte of those of one letter (or one letter, then a space).
 */
static uint64_t pair_seen[256 * 256 / 64];
static uint64_t one_seen[256 / 64];

/* The suffix patterns (group 1) by their last byte: bit i for the i-th. */
static uint64_t suffix_by_last[256];
_Static_assert(CCUE_END1 - CCUE_END0 <= 64, "suffixes fit a mask");

static bool
bit_of(const uint64_t *set, size_t i)
{
	return (set[i / 64] >> (i % 64) & 1) != 0;
}

static void
pairs_fill(void)
{
	const unsigned char *p;
	size_t i;

	for (i = 0; i < ccue_group[CG_SUFFIX]; i++) {
		p = (const unsigned char *)ccues[i].pat;
		if (p[1] == '\0' || p[1] == ' ')
			one_seen[p[0] / 64] |= 1ull << (p[0] % 64);
		else
			pair_seen[(p[0] * 256u + p[1]) / 64] |=
			    1ull << ((p[0] * 256u + p[1]) % 64);
	}
	for (i = ccue_group[CG_SUFFIX]; i < ccue_group[CG_SUFFIX + 1]; i++)
		suffix_by_last[(unsigned char)ccues[i].pat[ccues[i].len - 1]] |=
		    1ull << (i - ccue_group[CG_SUFFIX]);
}

static void
tables_fill(void)
{
	first_words_fill();
	pairs_fill();
}

/* Whether a token pattern may start with the token w (or start it). */
static bool
pair_known(const char *w)
{
	const unsigned char *u = (const unsigned char *)w;

	pthread_once(&tables_once, tables_fill);
	return bit_of(one_seen, u[0]) || bit_of(pair_seen, u[0] * 256u + u[1]);
}

/* Whether the words of "rest" (after the first, each after a space)
 * are the tokens following token k in its class name. */
static bool
ccue_rest(const struct tokens *t, size_t k, const char *rest, bool prefix)
{
	const char *w;
	size_t n;

	while (*rest == ' ') {
		rest++;
		if (++k >= t->n || t->cls[k] != t->cls[k - 1])
			return false;
		w = t->tok + t->at[k];
		for (n = 0; rest[n] != '\0' && rest[n] != ' '; n++)
			continue;
		if (strncmp(w, rest, n) != 0 ||
		    (w[n] != '\0' && !(prefix && rest[n] == '\0')))
			return false;
		rest += n;
	}
	return true;
}

/* Cues of the token patterns that start at token k: the token itself,
 * a few tokens from it, or (prefix, affix) a start of it. */
static unsigned
ccue_at(const struct tokens *t, size_t k)
{
	const char *w = t->tok + t->at[k], *p;
	unsigned char c = (unsigned char)w[0];
	size_t len = t->tlen[k], i, start;
	size_t lo = ccue_from[c], hi = ccue_from[c + 1];
	unsigned bits = 0;

	if (!pair_known(w))
		return 0;
	start = ccue_lower(lo, hi, w, len);
	for (i = start; i < hi && strncmp(ccues[i].pat, w, len) == 0; i++) {
		p = ccues[i].pat + len;
		if ((*p == '\0' || *p == ' ') &&
		    ccue_rest(t, k, p, ccues[i].how != CM_WORD))
			bits |= ccues[i].bits;
	}
	/* One-token patterns that start the token sort just before it. */
	for (i = start; i-- > lo;)
		if (ccues[i].how != CM_WORD && ccues[i].len < len &&
		    memcmp(w, ccues[i].pat, ccues[i].len) == 0)
			bits |= ccues[i].bits;
	return bits;
}

static bool
has_digit(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return true;
	return false;
}

/* Cues of the whole class name s[0..n). */
static unsigned
class_name_cues(const size_t *g, const char *s, size_t n)
{
	size_t i, k, pl;
	unsigned bits = 0;

	for (i = ccue_lower(g[CG_CLASS], g[CG_CLASS + 1], s, n);
	    i < g[CG_CLASS + 1] && cmpn(ccues[i].pat, s, n) == 0; i++)
		bits |= ccues[i].bits;
	for (i = g[CG_CLASSPREFIX]; i < g[CG_CLASSPREFIX + 1]; i++) {
		pl = ccues[i].len;
		if (pl >= n || memcmp(s, ccues[i].pat, pl) != 0)
			continue;
		/* "hidden-xs" only hides on small screens, and a generated
		 * name ("hidden-12t0irv": site builders' breakpoints, one
		 * copy of the text shown per screen size) on one of them. */
		for (k = g[CG_SCREEN]; k < g[CG_SCREEN + 1]; k++)
			if (pl + ccues[k].len <= n && memcmp(s + pl,
			    ccues[k].pat, ccues[k].len) == 0)
				break;
		if (k == g[CG_SCREEN + 1] && !has_digit(s + pl, n - pl))
			bits |= ccues[i].bits;
	}
	return bits;
}

unsigned
ap_class_cues(const char *v)
{
	struct tokens t;
	const size_t *g = ccue_group;
	size_t k, i, len, start;
	unsigned bits = 0;
	uint64_t m;
	const char *w;

	pthread_once(&tables_once, tables_fill);
	tokenize(&t, v);
	for (k = 0; k < t.n; k++) {
		w = t.tok + t.at[k];
		len = t.tlen[k];
		bits |= ccue_at(&t, k);
		/* Affixes may also end the token: "nodeheader". */
		for (m = suffix_by_last[(unsigned char)w[len - 1]]; m != 0;
		    m &= m - 1) {
			i = g[CG_SUFFIX] + (size_t)__builtin_ctzll(m);
			if (ccues[i].len < len && memcmp(w + len -
			    ccues[i].len, ccues[i].pat, ccues[i].len) == 0)
				bits |= ccues[i].bits;
		}
	}
	/* Whole class names. */
	for (i = 0; i < t.len; i = start) {
		while (i < t.len && is_space(t.low[i]))
			i++;
		for (start = i; start < t.len && !is_space(t.low[start]);
		    start++)
			continue;
		if (start > i)
			bits |= class_name_cues(g, t.low + i, start - i);
	}
	return bits;
}

/* Name particles ---------------------------------------------------- */

static const char *const particles[] = {
#include "name-particles.inc"
};

static int
cmpstr(const void *k, const void *e)
{
	return strcmp(k, *(const char *const *)e);
}

bool
ap_name_particle(const char *w)
{
	return bsearch(w, particles, sizeof(particles) / sizeof(particles[0]),
	    sizeof(particles[0]), cmpstr) != NULL;
}

bool
ap_name_particle_n(const char *w, size_t n)
{
	char buf[8];

	/* "d’": the typographic apostrophe as in the list. */
	if (n == 4 && memcmp(w, "d\xe2\x80\x99", 4) == 0)
		return true;
	if (n >= sizeof(buf))
		return false;
	memcpy(buf, w, n);
	buf[n] = '\0';
	return ap_name_particle(buf);
}
