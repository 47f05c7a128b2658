/* SPDX-License-Identifier: ISC */
/*
 * Direct quotations in the headline, standfirst and body, and who said
 * them.  Each text is cut into word and punctuation tokens once; quote
 * spans are found on the tokens, then the speaker is read from an incise
 * after the quote, an incise inside it, or a lead-in before it, and a
 * pronoun or a bare surname is resolved against the people named so far.
 * Every look-back is bounded (a few paragraphs, fixed-size tables), so the
 * work stays linear in the size of the text.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "artparse.h"
#include "arena.h"
#include "buf.h"
#include "doc.h"
#include "hash.h"
#include "lexicon.h"
#include "quotes.h"
#include "table.h"
#include "utf8.h"

/* verbs[] of data/fr-reporting-verbs.txt, sorted, and verbs_slot[], its
 * hash table. */
#include "fr-reporting-verbs.inc"

#define NPERSON		64	/* people remembered for pronouns, surnames */
#define NROLE		32	/* "le maire" → the last person called maire */
#define WINDOW		3	/* paragraphs back a pronoun may reach */
#define CONT_WINDOW	4	/* paragraphs a speaker carries over to */
#define ROLE_WINDOW	8	/* paragraphs back "le journaliste" may reach */
#define MAXCLAUSE	16	/* tokens in a role or a noun phrase */
#define MAXNAME		8	/* words in a name */
#define MAXREACH	96	/* tokens a sentence is read over, either way */

#define TK_WORD		0x01u
#define TK_CAP		0x02u	/* starts with a capital */
#define TK_ALLCAP	0x04u	/* two letters or more, none lower case */
#define TK_SPACE	0x08u	/* white space before it */
#define TK_DIGIT	0x10u

#define PF_SUBJECT	0x01u	/* opened a sentence or clause */
#define PF_SPEAKER	0x02u	/* spoke, or was cited ("selon X") */
#define PF_QUOTED	0x04u	/* named inside quotation marks */

enum inv {
	INV_NONE = 0,
	INV_IL,			/* -t-il, -il */
	INV_ELLE,		/* -t-elle, -elle */
	INV_PLUR,		/* -ils, -elles */
	INV_ON			/* -t-on, -on */
};

enum how {
	WHO_NONE = 0,		/* no attribution found */
	WHO_NOBODY,		/* attributed to no one named: "un proche" */
	WHO_SOME
};

struct tok {
	size_t		 off;	/* bytes into the text */
	size_t		 len;
	size_t		 foff;	/* folded form in qs.fold, NUL-terminated */
	uint32_t	 cp;	/* punctuation: its code point, else 0 */
	unsigned	 fl;
	unsigned	 qw;	/* the QW_* lists its folded form is in */
};

struct span {
	size_t		 o;	/* token of «; SIZE_MAX: opened earlier */
	size_t		 c;	/* token of »; SIZE_MAX: still open */
	size_t		 ts;	/* bytes of the text between the marks */
	size_t		 te;
};

struct who {
	enum how	 how;
	const char	*name;
	size_t		 len;
	const char	*role;	/* NULL when none */
	size_t		 rlen;
	bool		 person; /* a proper name, remembered for pronouns */
	bool		 resolved; /* from a pronoun or a role, not the text */
	bool		 guessed; /* no cue at all: the subject nearby */
};

struct person {
	const char	*name;
	size_t		 len;
	const char	*role;
	size_t		 rlen;
	size_t		 pos;	/* text of the last mention */
	size_t		 off;	/* and its byte offset there */
	size_t		 fpos;	/* the last mention as subject or speaker */
	size_t		 foff;
	unsigned	 fl;	/* PF_* of that mention; 0: none yet */
	unsigned	 nwords;
	char		 gender;	/* 'm', 'f', or 0 when unknown */
	bool		 seen;	/* mentioned outside quotation marks */
};

struct role {
	char		 head[32];	/* folded: "maire", "porte-parole" */
	const char	*name;
	size_t		 len;
	const char	*role;
	size_t		 rlen;
	bool		 body;	/* "le quotidien De Morgen": not a person */
};

struct vgroup {
	size_t		 end;	/* first token after the verb */
	enum inv	 inv;
};

struct qs {
	struct ap_arena	*a;
	struct ap_buf	 fold;
	struct tok	*t;
	size_t		 nt;
	size_t		 capt;
	struct span	*sp;
	size_t		 nsp;
	size_t		 capsp;
	const char	*s;	/* the current text */
	size_t		 n;
	size_t		 pos;	/* 0 headline, 1 standfirst, 2 + body index */
	size_t		 block;
	struct person	 pp[NPERSON];
	size_t		 npp;
	struct role	 rr[NROLE];
	size_t		 nrr;
	size_t		 rnext;
	struct ap_quote	*q;
	size_t		 nq;
	size_t		 capq;
	size_t		 qoff;	/* offset of the quote being attributed */
	const char	*qtext;	/* the quote being attributed, or NULL */
	size_t		 qlen;
	struct who	 last;	/* speaker of the latest quote */
	size_t		 lastpos;
	bool		 haslast;
	bool		 open;	/* a « still open at the end of a paragraph */
	struct ap_buf	 carry;
	size_t		 cblock;
	size_t		 cpos;
	struct who	 cwho;
	struct who	 colon;	/* subject of a text ending with ":" */
	bool		 after_verb;	/* reading the subject of an incise */
	bool		 adds;	/* that incise's verb is "ajouter" */
	size_t		 colonpos;	/* that text's pos */
	bool		 hascolon;
	bool		 lastguess;	/* the last quote's speaker is a guess */
};

/* The word lists of data/fr-quote-words.txt: one sorted table whose
 * entries carry a QW_* bit for each list they are in, and its hash table
 * qw_slot[]. */
struct qw_word {
	const char	*w;
	unsigned	 lists;
};

#include "fr-quote-words.inc"

#define NQW	(sizeof(qw_words) / sizeof(qw_words[0]))

/* The QW_* lists folded word w is in, 0 when none. */
static unsigned
lists_of(const char *w)
{
	size_t k = ap_table_find(qw_slot, QW_SLOTS, &qw_words[0].w,
	    sizeof(qw_words[0]), w, ap_word_hash(w));

	return k != SIZE_MAX ? qw_words[k].lists : 0;
}

unsigned
ap_quotes_word_lists(const char *folded)
{
	return lists_of(folded);
}

/* Whether folded word w is in the lists of mask "lists". */
static bool
inlist(const char *w, unsigned lists)
{
	return (lists_of(w) & lists) != 0;
}

bool
ap_quotes_is_verb(const char *folded)
{
	return ap_table_find(verbs_slot, VERBS_SLOTS, &verbs[0],
	    sizeof(verbs[0]), folded, ap_word_hash(folded)) != SIZE_MAX;
}

/*
 * Characters.
 */

static int32_t
cp_at(const char *s, size_t n, size_t i, size_t *k)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t r;

	if ((unsigned char)s[i] < 0x80) {
		*k = 1;
		return (unsigned char)s[i];
	}
	r = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	    (utf8proc_ssize_t)(n - i), &c);
	if (r < 1) {
		*k = 1;
		return 0xFFFD;
	}
	*k = (size_t)r;
	return c;
}

static bool
is_space(int32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == 0xA0 || c == 0x202F || c == 0x2009 || c == 0x2007 ||
	    c == 0x200A || c == 0x2002 || c == 0x2003 || c == 0x200B;
}

static bool
is_alnum(int32_t c)
{
	utf8proc_category_t k;

	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');
	k = utf8proc_category(c);
	return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_NO);
}

/* utf8proc's category of c, without its look-up for ASCII letters and
 * digits, nearly every character of a word. */
static utf8proc_category_t
ascii_category(int32_t c)
{
	if (c >= 'a' && c <= 'z')
		return UTF8PROC_CATEGORY_LL;
	if (c >= 'A' && c <= 'Z')
		return UTF8PROC_CATEGORY_LU;
	if (c >= '0' && c <= '9')
		return UTF8PROC_CATEGORY_ND;
	return utf8proc_category(c);
}

static bool
is_apos(int32_t c)
{
	return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static bool
is_hyphen(int32_t c)
{
	return c == '-' || c == 0x2010 || c == 0x2011;
}

/*
 * Tokens.
 */

/* Append the folded form of s[0..n) to the fold buffer; return its offset. */
static size_t
fold_into(struct qs *q, const char *s, size_t n)
{
	size_t start = q->fold.len, o;

	/* A lower-case code point never takes more than 4 bytes. */
	if (n > (SIZE_MAX - 8) / 4)
		ap_arena_oom(q->a);
	ap_buf_reserve(&q->fold, 4 * n + 7);
	o = ap_fold(s, n, q->fold.p + start, 4 * n + 6);
	q->fold.p[start + o + 1] = '\0';
	q->fold.len = start + o + 1;
	return start;
}

static const char *
F(const struct qs *q, size_t j)
{
	return j < q->nt ? q->fold.p + q->t[j].foff : "";
}

/* Whether token j is a word of the lists of mask "lists": looked up
 * once, when the token is made, as these tests run by the million. */
static bool
tok_in(const struct qs *q, size_t j, unsigned lists)
{
	return j < q->nt && (q->t[j].qw & lists) != 0;
}

static bool
is_word(const struct qs *q, size_t j)
{
	return j < q->nt && (q->t[j].fl & TK_WORD);
}

static bool
is_cap(const struct qs *q, size_t j)
{
	return j < q->nt && (q->t[j].fl & TK_CAP);
}

static uint32_t
punct(const struct qs *q, size_t j)
{
	return j < q->nt ? q->t[j].cp : 0;
}

static struct tok *
newtok(struct qs *q)
{
	if (q->nt == q->capt) {
		q->capt = q->capt ? q->capt * 2 : 256;
		if (q->capt > SIZE_MAX / sizeof(*q->t))
			ap_arena_oom(q->a);
		q->t = ap_big_realloc(q->a, q->t, q->capt * sizeof(*q->t));
	}
	return &q->t[q->nt++];
}

/* Elided words that are cut off the word they precede. */
static bool
is_elision(struct qs *q, const char *s, size_t n)
{
	size_t mark = q->fold.len, at;
	bool r;

	if (n > 8)
		return false;
	at = fold_into(q, s, n);	/* may move q->fold.p */
	r = inlist(q->fold.p + at, QW_ELISIONS);
	ap_buf_truncate(&q->fold, mark);
	return r;
}

/*
 * "M’jid": a capital before the apostrophe and a small letter after it,
 * within a sentence (after a word or a comma), make one name, not an
 * elision; "L’Avenir", "D’après" at a sentence's start are cut.
 */
static bool
name_with_apostrophe(const struct qs *q, size_t b, size_t after)
{
	size_t k;
	const struct tok *t;

	if (!ap_is_upper((uint32_t)cp_at(q->s, q->n, b, &k)) ||
	    utf8proc_category(cp_at(q->s, q->n, after, &k)) !=
	    UTF8PROC_CATEGORY_LL || q->nt == 0)
		return false;
	t = &q->t[q->nt - 1];
	return t->cp == 0 || t->cp == ',';
}

static void
addword(struct qs *q, size_t b, size_t e, bool sp)
{
	struct tok *t = newtok(q);
	size_t i, k, letters = 0, lower = 0;
	utf8proc_category_t cat;
	int32_t c;

	t->off = b;
	t->len = e - b;
	t->cp = 0;
	t->fl = TK_WORD | (sp ? TK_SPACE : 0);
	for (i = b; i < e; i += k) {
		c = cp_at(q->s, q->n, i, &k);
		cat = ascii_category(c);
		if (i == b && (cat == UTF8PROC_CATEGORY_LU ||
		    cat == UTF8PROC_CATEGORY_LT))
			t->fl |= TK_CAP;
		if (i == b && cat == UTF8PROC_CATEGORY_ND)
			t->fl |= TK_DIGIT;
		if (cat == UTF8PROC_CATEGORY_LL)
			lower++;
		if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO)
			letters++;
	}
	if (letters >= 2 && lower == 0)
		t->fl |= TK_ALLCAP;
	t->foff = fold_into(q, q->s + b, e - b);
	t->qw = lists_of(q->fold.p + t->foff);
}

/*
 * Cut q->s into tokens: words keep inner hyphens and apostrophes ("Jean-
 * Marc", "aujourd’hui", "1,4") except that elisions ("l’", "qu’") stand
 * alone; every other non-space character is a token of its own.
 */
static void
tokenize(struct qs *q)
{
	size_t i = 0, k, k2, b, n = q->n;
	bool sp = true;
	struct tok *t;
	int32_t c, c2;

	q->nt = 0;
	ap_buf_truncate(&q->fold, 0);
	while (i < n) {
		c = cp_at(q->s, n, i, &k);
		if (is_space(c)) {
			sp = true;
			i += k;
			continue;
		}
		if (!is_alnum(c)) {
			t = newtok(q);
			t->off = i;
			t->len = k;
			t->cp = (uint32_t)c;
			t->fl = sp ? TK_SPACE : 0;
			t->foff = fold_into(q, q->s + i, k);
			t->qw = lists_of(q->fold.p + t->foff);
			sp = false;
			i += k;
			continue;
		}
		b = i;
		i += k;
		while (i < n) {
			c = cp_at(q->s, n, i, &k);
			if (is_alnum(c)) {
				i += k;
				continue;
			}
			if (i + k >= n)
				break;
			c2 = cp_at(q->s, n, i + k, &k2);
			if (!is_alnum(c2))
				break;
			if (is_apos(c) && is_elision(q, q->s + b, i - b) &&
			    !name_with_apostrophe(q, b, i + k)) {
				addword(q, b, i + k, sp);
				sp = false;
				b = i + k;
			} else if (!is_apos(c) && !is_hyphen(c) &&
			    !((c == ',' || c == '.') && c2 >= '0' &&
			    c2 <= '9' && q->s[i - 1] >= '0' &&
			    q->s[i - 1] <= '9'))
				break;
			i += k + k2;
		}
		addword(q, b, i, sp);
		sp = false;
	}
}

/*
 * Names.
 */

static bool
is_func(const struct qs *q, size_t j)
{
	return tok_in(q, j, QW_FUNCWORDS);
}

/* Tokens of a title before a name ("M." "Mme"), or 0. */
static size_t
title_len(const struct qs *q, size_t j)
{
	size_t k;

	if (!is_cap(q, j))
		return 0;
	/* "M^me", "M^lle": superscripts flattened by a scraper. */
	if (strcmp(F(q, j), "m") == 0 && punct(q, j + 1) == '^' &&
	    (strcmp(F(q, j + 2), "me") == 0 ||
	    strcmp(F(q, j + 2), "lle") == 0))
		k = 3;
	else if (tok_in(q, j, QW_TITLES))
		k = punct(q, j + 1) == '.' ? 2 : 1;
	else
		return 0;
	if (!is_cap(q, j + k))
		return 0;
	if (is_func(q, j + k) && (!ap_name_particle(F(q, j + k)) ||
	    !is_cap(q, j + k + 1) || is_func(q, j + k + 1)))
		return 0;
	return k;
}

/* "P." of "Marsha P. Johnson": one capital, a period, then a name. */
static bool
middle_initial(const struct qs *q, size_t j)
{
	return is_cap(q, j) && q->t[j].len == 1 && punct(q, j + 1) == '.' &&
	    is_cap(q, j + 2) && !is_func(q, j + 2) &&
	    !(q->t[j + 2].fl & TK_DIGIT);
}

/*
 * Whether a first name and a surname start at token j: after "de" they
 * are someone else ("le compte Twitter de Didier Reynders"), while a
 * particle's surname is one word ("Charles de Gaulle") or opens with
 * an article ("Jean de La Fontaine").
 */
static bool
full_name_at(const struct qs *q, size_t j)
{
	return is_cap(q, j) && !is_func(q, j) && is_cap(q, j + 1) &&
	    !is_func(q, j + 1) && (q->t[j + 1].fl & TK_SPACE);
}

/*
 * Whether the capitalised word at token j is a complement glued before a
 * full name, "à Pékin Andy Rothman", "le maire de Lyon Paul Roux", "du
 * Village Anne Chau": it follows "à", "de", "du", "de la" and two
 * capitalised words or more follow it.  "de" before a name of two words
 * makes that name someone else's ("le fils de Jean Roux"), so the run
 * must hold three words.
 */
static bool
place_before_name(const struct qs *q, size_t j)
{
	const char *f;

	if (j == 0 || !is_cap(q, j) || is_func(q, j) || !full_name_at(q,
	    j + 1) || (q->t[j].fl & TK_DIGIT) || middle_initial(q, j))
		return false;
	f = F(q, j - 1);
	if (strcmp(f, "la") == 0 || strcmp(f, "l'") == 0)
		f = j >= 2 ? F(q, j - 2) : "";
	return strcmp(f, "à") == 0 || strcmp(f, "de") == 0 ||
	    strcmp(f, "du") == 0 || strcmp(f, "d'") == 0;
}

/*
 * Whether the two capitals at token j are a first name's initials ("JD
 * Vance", "AJ Tracey") rather than an acronym: a name follows, and no
 * article or "de" before makes them a body ("du PS Olivier Faure").
 */
static bool
initials_name(const struct qs *q, size_t j, unsigned nw)
{
	const char *f;

	if (nw < 2 || q->t[j].len != 2 || tok_in(q, j, QW_PERSONNOUNS))
		return false;
	if (j == 0 || !is_word(q, j - 1))
		return true;
	f = F(q, j - 1);
	return !tok_in(q, j - 1, QW_ARTICLES) && strcmp(f, "de") != 0 &&
	    strcmp(f, "d'") != 0 && strcmp(f, "des") != 0;
}

/*
 * The end of the name starting at token j: capitalised words, with
 * particles between them ("Jean-Marc de La Tour").  j itself when none.
 */
static size_t
name_run(const struct qs *q, size_t j, unsigned *nw)
{
	size_t e, k;

	*nw = 0;
	if (!is_cap(q, j) || (q->t[j].fl & TK_DIGIT))
		return j;
	/* "M. De Mey", "Mme Le Pen": a particle may open a surname. */
	if (is_func(q, j) && (j == 0 || title_len(q, j - 1 -
	    (punct(q, j - 1) == '.')) == 0 || !ap_name_particle(F(q, j)) ||
	    !is_cap(q, j + 1) || is_func(q, j + 1)))
		return j;
	e = j + 1;
	*nw = 1;
	while (*nw < MAXNAME) {
		if (middle_initial(q, e)) {
			e += 2;
			(*nw)++;
			continue;
		}
		if (is_cap(q, e) && (q->t[e].fl & TK_SPACE) &&
		    !is_func(q, e)) {
			e++;
			(*nw)++;
			continue;
		}
		if (!is_word(q, e) || !ap_name_particle(F(q, e)))
			break;
		k = e + 1;
		if (strcmp(F(q, e), "de") == 0 && strcmp(F(q, k), "la") == 0)
			k++;
		if (!is_cap(q, k) || (q->t[k].fl & TK_DIGIT) ||
		    full_name_at(q, k))
			break;
		e = k;
	}
	return e;
}

static size_t
tok_end(const struct qs *q, size_t j)
{
	return q->t[j].off + q->t[j].len;
}

static void
who_set(struct who *w, const char *s, size_t b, size_t e, bool person)
{
	w->how = WHO_SOME;
	w->name = s + b;
	w->len = e - b;
	w->role = NULL;
	w->rlen = 0;
	w->person = person;
	w->guessed = false;
}

/* Bytes of the space (" ", NBSP, U+202F) ending s[0..n), or 0. */
static size_t
space_before(const char *s, size_t n)
{
	if (n >= 1 && s[n - 1] == ' ')
		return 1;
	if (n >= 2 && memcmp(s + n - 2, "\xc2\xa0", 2) == 0)
		return 2;
	if (n >= 3 && memcmp(s + n - 3, "\xe2\x80\xaf", 3) == 0)
		return 3;
	return 0;
}

/* Bytes of the space starting s[0..n), or 0. */
static size_t
space_after(const char *s, size_t n)
{
	if (n >= 1 && s[0] == ' ')
		return 1;
	if (n >= 2 && memcmp(s, "\xc2\xa0", 2) == 0)
		return 2;
	if (n >= 3 && memcmp(s, "\xe2\x80\xaf", 3) == 0)
		return 3;
	return 0;
}

/* Whether s[0..n) is one word: a name that was not expanded. */
static bool
one_word(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (space_after(s + i, n - i) > 0)
			return false;
	return true;
}

static bool
pos_before(size_t p1, size_t o1, size_t p2, size_t o2)
{
	return p1 < p2 || (p1 == p2 && o1 < o2);
}

/*
 * The full name ending (a surname) or, for one word, starting (a first
 * name) with s[0..n), among the people named before; NULL when none.
 */
static struct person *
expand(struct qs *q, const char *s, size_t n, bool title)
{
	struct person *p, *best = NULL;
	size_t i;
	bool hit;

	for (i = 0; i < q->npp; i++) {
		p = &q->pp[i];
		if (p->nwords < 2 || p->len <= n)
			continue;
		hit = memcmp(p->name + p->len - n, s, n) == 0 &&
		    space_before(p->name, p->len - n) > 0;
		if (!hit && !title && one_word(s, n))
			hit = memcmp(p->name, s, n) == 0 &&
			    space_after(p->name + n, p->len - n) > 0;
		if (hit && (best == NULL ||
		    pos_before(best->pos, best->off, p->pos, p->off)))
			best = p;
	}
	return best;
}

/*
 * Remember a mention of a person; the table forgets the one mentioned
 * least recently.  PF_QUOTED mentions only serve to expand surnames.
 */
static void
add_person(struct qs *q, const char *name, size_t len, unsigned nwords,
    size_t off, unsigned fl, const char *role, size_t rlen, char gender)
{
	struct person *p = NULL;
	size_t i;

	for (i = 0; i < q->npp; i++)
		if (q->pp[i].len == len &&
		    memcmp(q->pp[i].name, name, len) == 0) {
			p = &q->pp[i];
			break;
		}
	if (p == NULL) {
		if (q->npp < NPERSON)
			p = &q->pp[q->npp++];
		else {
			p = &q->pp[0];
			for (i = 1; i < NPERSON; i++)
				if (pos_before(q->pp[i].pos, q->pp[i].off,
				    p->pos, p->off))
					p = &q->pp[i];
		}
		memset(p, 0, sizeof(*p));
		p->name = name;
		p->len = len;
		p->nwords = nwords;
		p->pos = q->pos;
		p->off = off;
	}
	if (nwords > p->nwords)
		p->nwords = nwords;
	if (gender != 0)
		p->gender = gender;
	if (role != NULL) {
		p->role = role;
		p->rlen = rlen;
	}
	if (fl & PF_QUOTED)
		return;
	p->seen = true;
	p->pos = q->pos;
	p->off = off;
	if (fl != 0) {
		p->fl = fl;
		p->fpos = q->pos;
		p->foff = off;
	}
}

static void
add_role(struct qs *q, const char *head, const char *name, size_t len,
    const char *role, size_t rlen, bool body)
{
	struct role *r;

	if (strlen(head) >= sizeof(r->head))
		return;
	r = &q->rr[q->rnext];
	q->rnext = (q->rnext + 1) % NROLE;
	if (q->nrr < NROLE)
		q->nrr++;
	strcpy(r->head, head);
	r->name = name;
	r->len = len;
	r->role = role;
	r->rlen = rlen;
	r->body = body;
}

/*
 * The person last given the role "role" ("juge en chef"): one whose role
 * starts with it, else one with the same head noun.
 */
static const struct role *
find_role(const struct qs *q, const char *head, const char *role,
    size_t rlen)
{
	const struct role *r, *byhead = NULL;
	size_t i;

	for (i = 0; i < q->nrr; i++) {
		r = &q->rr[(q->rnext + NROLE - 1 - i) % NROLE];
		if (strcmp(r->head, head) != 0)
			continue;
		if (r->rlen >= rlen && memcmp(r->role, role, rlen) == 0)
			return r;
		if (byhead == NULL)
			byhead = r;
	}
	return byhead;
}

/* A role written as an acronym: "le PDG", "la DRH". */
static bool
role_acronym(const struct qs *q, size_t j)
{
	return (q->t[j].fl & TK_ALLCAP) && tok_in(q, j, QW_PERSONNOUNS);
}

static bool
is_content(const struct qs *q, size_t j)
{
	return is_word(q, j) && (!is_cap(q, j) || role_acronym(q, j)) &&
	    !is_func(q, j) && !(q->t[j].fl & TK_DIGIT);
}

/* The head noun of a noun phrase starting after its determiner at j. */
static size_t
np_head(const struct qs *q, size_t j)
{
	if (tok_in(q, j, QW_ADJECTIVES) && is_content(q, j + 1))
		return j + 1;
	return j;
}

/* Closing punctuation of a clause. */
static bool
is_clause_end(const struct qs *q, size_t j)
{
	uint32_t c = punct(q, j);

	return j >= q->nt || c == ',' || c == '.' || c == ';' || c == ':' ||
	    c == '!' || c == '?' || c == '(' || c == ')' || c == 0xBB ||
	    c == 0xAB || c == 0x201C || c == 0x201D || c == 0x201E ||
	    c == '"' || c == 0x2026 || c == 0x2014 || c == 0x2013;
}

/* Whether the token before j makes it a noun ("la pointe", "à l’avance"). */
static bool
noun_context(const struct qs *q, size_t j)
{
	if (j == 0)
		return false;
	/* "nous le raconte": "le" is a pronoun there. */
	if (tok_in(q, j - 1, QW_DETS) && j >= 2 && tok_in(q, j - 2, QW_SUBJECTS))
		return false;
	return tok_in(q, j - 1, QW_DETERMINERS) || tok_in(q, j - 1, QW_PREPS);
}

/*
 * A role right after a name and a comma ("Jeff Zhang, président de …,")
 * runs from j to the end of the clause.  Returns false when what follows
 * the comma is not a role ("Jeff Zhang, dans un communiqué").
 */
static bool
role_after(const struct qs *q, size_t j, size_t *rb, size_t *re,
    size_t *head)
{
	size_t e;

	if (tok_in(q, j, QW_SDETS) && is_content(q, j + 1)) {
		*head = np_head(q, j + 1);
		*rb = j + 1;
	} else if (is_content(q, j) && !ap_quotes_is_verb(F(q, j))) {
		*head = np_head(q, j);
		*rb = j;
	} else
		return false;
	for (e = *rb; e < q->nt && e - *rb < MAXCLAUSE &&
	    !is_clause_end(q, e); e++)
		/* "Pour Anne Roy, la police est …": a clause, no role. */
		if (is_word(q, e) && tok_in(q, e, QW_AUXES))
			return false;
	if (!is_clause_end(q, e))
		return false;
	*re = e;
	return true;
}

/*
 * A role just before a name, inside the same clause ("le président russe
 * Vladimir Poutine") or before a comma ("le porte-parole du Kremlin,
 * Dmitri Peskov").  Searches back from token e (exclusive).
 */
static bool
role_before(const struct qs *q, size_t e, size_t *rb, size_t *re,
    size_t *head)
{
	size_t j, lim, at = SIZE_MAX;
	const char *f;

	if (e == 0)
		return false;
	if (punct(q, e - 1) == ',')
		e--;
	else if (!is_content(q, e - 1))
		return false;
	/* The article that opens the noun phrase, not "l’" in "de l’impôt". */
	lim = e > MAXCLAUSE ? e - MAXCLAUSE : 0;
	for (j = e; j > lim && is_word(q, j - 1); j--) {
		f = F(q, j - 1);
		if (tok_in(q, j - 1, QW_AUXES | QW_RELATIVES) ||
		    (is_func(q, j - 1) && !tok_in(q, j - 1, QW_NPGLUE)) ||
		    (ap_quotes_is_verb(f) && !noun_context(q, j - 1)))
			break;
		if (tok_in(q, j - 1, QW_SDETS) && j < e && is_content(q, j))
			at = j;
	}
	/* "dans le bâtiment B2, Marie Dubois": a complement, not a role. */
	if (at == SIZE_MAX || (at >= 2 && tok_in(q, at - 2, QW_ALLPREPS)))
		return false;
	*rb = at;
	*re = e;
	*head = np_head(q, at);
	return true;
}

/*
 * The gender a role gives a person: its article ("la porte-parole"), else
 * the ending of its head noun ("directrice", "chargée").
 */
static char
role_gender(const struct qs *q, size_t rb, size_t head)
{
	const char *f = F(q, head), *e;
	size_t n = strlen(f), k;

	if (rb > 0 && strcmp(F(q, rb - 1), "la") == 0)
		return 'f';
	if (rb > 0 && strcmp(F(q, rb - 1), "le") == 0)
		return 'm';
	for (k = 0; k < NQW; k++) {
		e = qw_words[k].w;
		if ((qw_words[k].lists & QW_FEMSUFFIXES) && n > strlen(e) &&
		    strcmp(f + n - strlen(e), e) == 0)
			return 'f';
	}
	return 0;
}

static char
title_gender(const struct qs *q, size_t j)
{
	const char *f = F(q, j);

	if (punct(q, j + 1) == '^')	/* "M^me", "M^lle" */
		return 'f';
	if (strcmp(f, "m") == 0 || strcmp(f, "mm") == 0)
		return 'm';
	if (strcmp(f, "mme") == 0 || strcmp(f, "mmes") == 0 ||
	    strcmp(f, "mlle") == 0)
		return 'f';
	return 0;
}

/* Whether token j opens a clause: first, or after a punctuation mark. */
static bool
clause_opens(const struct qs *q, size_t j)
{
	uint32_t c;

	if (j == 0)
		return true;
	c = punct(q, j - 1);
	return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
	    c == '?' || c == 0xAB || c == 0xBB || c == '(' || c == 0x2014 ||
	    c == 0x2013;
}

static bool
is_orgnoun(const struct qs *q, size_t j)
{
	return is_word(q, j) && !is_cap(q, j) && tok_in(q, j, QW_ORGNOUNS);
}

/*
 * The body's noun the name at token j follows, "le cabinet X" or
 * "l'agence de notation X"; SIZE_MAX when none.
 */
static size_t
orgnoun_before(const struct qs *q, size_t j)
{
	if (j > 0 && is_orgnoun(q, j - 1))
		return j - 1;
	if (j >= 3 && is_orgnoun(q, j - 3) && (strcmp(F(q, j - 2), "de") ==
	    0 || strcmp(F(q, j - 2), "d'") == 0) && is_content(q, j - 1))
		return j - 3;
	return SIZE_MAX;
}


/*
 * Whether the name at token j follows a "Pour" opening its clause: "Pour
 * Bertrand Olivier, analyste …, l’enjeu est …" gives that person's view.
 */
static bool
pour_opens(const struct qs *q, size_t j)
{
	return j > 0 && strcmp(F(q, j - 1), "pour") == 0 &&
	    clause_opens(q, j - 1);
}

/* How a mention at token j (a name starting there) stands in its clause. */
static unsigned
mention_flags(const struct qs *q, size_t j)
{
	size_t rb, re, head;

	if (clause_opens(q, j))
		return PF_SUBJECT;
	if (pour_opens(q, j))
		return PF_SPEAKER;
	/* "Le juge Bocock estime" */
	if (role_before(q, j, &rb, &re, &head) && re == j &&
	    clause_opens(q, rb - 1))
		return PF_SUBJECT;
	/* "selon Javier López", "raconte Antoine" */
	if (strcmp(F(q, j - 1), "selon") == 0 ||
	    (j >= 2 && strcmp(F(q, j - 1), "après") == 0 &&
	    strcmp(F(q, j - 2), "d'") == 0) ||
	    (is_word(q, j - 1) && ap_quotes_is_verb(F(q, j - 1)) &&
	    !noun_context(q, j - 1)))
		return PF_SPEAKER;
	return 0;
}

/*
 * Record the names in tokens [b, e) of the current text: people for
 * pronouns and surnames, and the roles given with them.  Names inside
 * quotation marks ("quoted") only help to expand surnames later.
 */
static void possessive_source(struct qs *, size_t);

static void
scan_mentions(struct qs *q, size_t b, size_t e, bool quoted)
{
	size_t j, k, r, tl, rb, re, head, nlen;
	const struct person *p;
	const char *role, *name;
	unsigned nw, fl;

	for (j = b; j < e; j++) {
		if (!quoted && tok_in(q, j, QW_POSSESSIVES))
			possessive_source(q, j);
		if (!is_cap(q, j))
			continue;
		fl = quoted ? PF_QUOTED : mention_flags(q, j);
		tl = title_len(q, j);
		if (tl > 0 && (r = name_run(q, j + tl, &nw)) > j + tl) {
			name = q->s + q->t[j + tl].off;
			nlen = tok_end(q, r - 1) - q->t[j + tl].off;
			p = expand(q, name, nlen, true);
			if (p != NULL)
				add_person(q, p->name, p->len, p->nwords,
				    q->t[j].off, fl, NULL, 0,
				    title_gender(q, j));
			else
				add_person(q, name, nlen, nw, q->t[j].off, fl,
				    NULL, 0, title_gender(q, j));
			j = r - 1;
			continue;
		}
		r = name_run(q, j, &nw);
		if (r == j || ((q->t[j].fl & TK_ALLCAP) &&
		    !initials_name(q, j, nw)))
			continue;
		/* "à Pékin Andy Rothman": the name starts after the place. */
		if (nw >= 3 && place_before_name(q, j))
			continue;
		for (k = j; k < r && strpbrk(F(q, k), "0123456789") == NULL;
		    k++)
			;
		if (k < r) {
			j = r - 1;
			continue;
		}
		name = q->s + q->t[j].off;
		nlen = tok_end(q, r - 1) - q->t[j].off;
		/* "la société Transports Aubry": a body, not a person; "la
		 * société" later is that body. */
		if ((k = orgnoun_before(q, j)) != SIZE_MAX) {
			if (!quoted)
				add_role(q, F(q, k), name, nlen,
				    q->s + q->t[k].off,
				    tok_end(q, j - 1) - q->t[k].off, true);
			j = r - 1;
			continue;
		}
		if (nw == 1) {
			p = expand(q, name, nlen, false);
			if (p != NULL)
				add_person(q, p->name, p->len, p->nwords,
				    q->t[j].off, fl, NULL, 0, 0);
			else if ((fl & PF_SPEAKER) && !pour_opens(q, j) &&
			    !tok_in(q, j, QW_PLACEWORDS))
				add_person(q, name, nlen, 1, q->t[j].off, fl,
				    NULL, 0, 0);
			continue;
		}
		if ((j > 0 && tok_in(q, j - 1, QW_ARTICLES)) ||
		    tok_in(q, j, QW_PLACEWORDS)) {
			j = r - 1;
			continue;
		}
		role = NULL;
		rb = re = head = 0;
		if (role_before(q, j, &rb, &re, &head) ||
		    (punct(q, r) == ',' && role_after(q, r + 1, &rb, &re,
		    &head))) {
			role = q->s + q->t[rb].off;
			add_role(q, F(q, head), name, nlen, role,
			    tok_end(q, re - 1) - q->t[rb].off, false);
		}
		add_person(q, name, nlen, nw, q->t[j].off, fl, role,
		    role != NULL ? tok_end(q, re - 1) - q->t[rb].off : 0,
		    role != NULL ? role_gender(q, rb, head) : 0);
		j = r - 1;
	}
}

/*
 * The person a singular "il"/"elle" in the quote being attributed refers
 * to: the latest named in this text or the WINDOW before it, preferring
 * one who spoke or opened a sentence, then one given a role ("Bertrand
 * Olivier, analyste …": surely a person), and not one known to be of the
 * other gender ('m', 'f'; 0 when the pronoun does not tell).
 */
/*
 * Whether the quote being attributed names p ("je connais le tempérament
 * de Jelle", "Van Damme doit m'appeler"): one speaks of others so, not of
 * oneself.
 */
static bool
named_in_quote(const struct qs *q, const char *name, size_t len)
{
	const char *w = name, *e = name + len, *h, *end;
	size_t n;

	if (q->qtext == NULL)
		return false;
	end = q->qtext + q->qlen;
	for (; w < e; w += n + 1) {
		n = (size_t)((h = memchr(w, ' ', (size_t)(e - w))) != NULL ?
		    h - w : e - w);
		if (n < 3 || !ap_is_upper(ap_utf8_next(w, n, &(size_t){0})))
			continue;
		for (h = q->qtext; h + n <= end && (h = memchr(h, w[0],
		    (size_t)(end - h) - n + 1)) != NULL; h++)
			if (memcmp(h, w, n) == 0 && (h == q->qtext ||
			    !is_alnum((int32_t)ap_utf8_prev(q->qtext,
			    (size_t)(h - q->qtext), &(size_t){0}))) &&
			    (h + n == end || !is_alnum((int32_t)ap_utf8_next(
			    h + n, (size_t)(end - h - n), &(size_t){0}))))
				return true;
	}
	return false;
}

static void
resolve_within(const struct qs *q, struct who *w, char gender,
    size_t window)
{
	const struct person *p, *any = NULL, *anyrole = NULL, *best = NULL;
	size_t i;

	for (i = 0; i < q->npp; i++) {
		p = &q->pp[i];
		if (!p->seen || (p->nwords < 2 && !(p->fl & PF_SPEAKER)) ||
		    (gender != 0 && p->gender != 0 && p->gender != gender) ||
		    named_in_quote(q, p->name, p->len))
			continue;
		if (pos_before(p->pos, p->off, q->pos, q->qoff) &&
		    p->pos + window >= q->pos && (any == NULL ||
		    pos_before(any->pos, any->off, p->pos, p->off)))
			any = p;
		if (p->role != NULL && pos_before(p->pos, p->off, q->pos,
		    q->qoff) && p->pos + window >= q->pos && (anyrole == NULL ||
		    pos_before(anyrole->pos, anyrole->off, p->pos, p->off)))
			anyrole = p;
		if (p->fl != 0 && pos_before(p->fpos, p->foff, q->pos,
		    q->qoff) && p->fpos + window >= q->pos && (best == NULL ||
		    pos_before(best->fpos, best->foff, p->fpos, p->foff)))
			best = p;
	}
	if (best == NULL)
		best = anyrole != NULL ? anyrole : any;
	if (best == NULL)
		return;
	w->how = WHO_SOME;
	w->name = best->name;
	w->len = best->len;
	w->role = best->role;
	w->rlen = best->rlen;
	w->person = true;
	w->resolved = true;
}

static void
resolve_pronoun(const struct qs *q, struct who *w, char gender)
{
	resolve_within(q, w, gender, WINDOW);
}

/* Whether a one-word name is someone already met ("Zineb", "Lunar"). */
static bool
known_person(const struct qs *q, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < q->npp; i++)
		if (q->pp[i].len == n && memcmp(q->pp[i].name, s, n) == 0 &&
		    q->pp[i].seen)
			return true;
	return false;
}

/* Whether an article elides before s: a vowel, "h", "é", "É", "à" … */
static bool
elides_before(const char *s)
{
	return strchr("aeiouhAEIOUH", s[0]) != NULL ||
	    (unsigned char)s[0] == 0xC3;
}

/*
 * "sa famille", "son avocat" at the possessive j, said of the person it
 * refers to: "la famille de Boris Faure", "l'avocat d'Anne Roy".  False
 * when no such person is at hand.
 */
static bool
possessive_who(struct qs *q, size_t j, const struct who *owner,
    struct who *w, size_t *endp)
{
	const char *f = F(q, j), *art, *noun;
	size_t nlen, alen, dlen, len;
	struct who o;
	char *p;

	if ((strcmp(f, "sa") != 0 && strcmp(f, "son") != 0 &&
	    strcmp(f, "ses") != 0) || !is_content(q, j + 1) ||
	    ap_quotes_is_verb(F(q, j + 1)))
		return false;
	noun = q->s + q->t[j + 1].off;	/* a token there: is_content() */
	nlen = q->t[j + 1].len;
	memset(&o, 0, sizeof(o));
	if (owner != NULL)
		o = *owner;
	else
		resolve_pronoun(q, &o, 0);
	if (o.how != WHO_SOME || !o.person)
		return false;
	art = strcmp(f, "ses") == 0 ? "les " : elides_before(noun) ? "l'" :
	    strcmp(f, "sa") == 0 ? "la " : "le ";
	alen = strlen(art);
	dlen = elides_before(o.name) ? 3 : 4;
	len = alen + nlen + dlen + o.len;
	p = ap_alloc(q->a, len + 1);
	memcpy(p, art, alen);
	memcpy(p + alen, noun, nlen);
	memcpy(p + alen + nlen, dlen == 3 ? " d'" : " de ", dlen);
	memcpy(p + alen + nlen + dlen, o.name, o.len);
	p[len] = '\0';
	memset(w, 0, sizeof(*w));
	w->how = WHO_SOME;
	w->name = p;
	w->len = len;
	w->resolved = true;
	*endp = j + 2;
	return true;
}

static size_t sentence_start(const struct qs *, size_t, size_t);

/*
 * "a indiqué sa famille": the relation cited as a source is remembered
 * as a role, so that "la famille" later is the same.  It is that of the
 * first person the sentence names, its topic ("Boris Faure, …, est
 * hospitalisé après l'agression par M. X, a indiqué sa famille"), else
 * of the one a pronoun would stand for.
 */
static void
possessive_source(struct qs *q, size_t j)
{
	struct who w, o;
	size_t end, k, r, qoff = q->qoff;
	unsigned nw;
	bool found = false;

	if (j == 0 || !is_word(q, j - 1) || !ap_quotes_is_verb(F(q, j - 1)) ||
	    noun_context(q, j - 1))
		return;
	for (k = sentence_start(q, j, j > MAXREACH ? j - MAXREACH : 0);
	    k < j && !found; k++) {
		if ((r = name_run(q, k, &nw)) == k || nw < 2)
			continue;
		who_set(&o, q->s, q->t[k].off, tok_end(q, r - 1), true);
		found = known_person(q, o.name, o.len);
		k = r - 1;
	}
	q->qoff = q->t[j].off;
	if (possessive_who(q, j, found ? &o : NULL, &w, &end))
		add_role(q, F(q, j + 1), w.name, w.len,
		    q->s + q->t[j + 1].off, q->t[j + 1].len, true);
	q->qoff = qoff;
}

/*
 * Verbs.
 */

/* Strip an inverted subject pronoun off a folded word. */
static enum inv
split_inv(const char *f, size_t *base)
{
	static const struct {
		const char	*suf;
		enum inv	 inv;
	} sufs[] = {
		{ "-t-elle", INV_ELLE }, { "-t-il", INV_IL },
		{ "-t-on", INV_ON }, { "-elles", INV_PLUR },
		{ "-elle", INV_ELLE }, { "-ils", INV_PLUR },
		{ "-il", INV_IL }, { "-on", INV_ON }
	};
	size_t i, n = strlen(f), m;

	for (i = 0; i < sizeof(sufs) / sizeof(sufs[0]); i++) {
		m = strlen(sufs[i].suf);
		if (n > m && strcmp(f + n - m, sufs[i].suf) == 0) {
			*base = n - m;
			return sufs[i].inv;
		}
	}
	*base = n;
	return INV_NONE;
}

/*
 * Whether a reporting verb starts at token j, whose folded form without
 * its inverted pronoun is base[0..bn); *nw gets the words it spans
 * ("met en garde" is three).
 */
static bool
verb_at(const struct qs *q, size_t j, const char *base, size_t bn,
    size_t *nw)
{
	char key[128];
	size_t len, k, w;

	if (bn >= sizeof(key))
		return false;
	memcpy(key, base, bn);
	key[bn] = '\0';
	/* Longest entry first: "fait valoir" before "fait". */
	for (w = 3; w > 1; w--) {
		len = bn;
		for (k = 1; k < w; k++) {
			if (!is_word(q, j + k) ||
			    len + 1 + strlen(F(q, j + k)) >= sizeof(key))
				break;
			key[len++] = ' ';
			strcpy(key + len, F(q, j + k));
			len += strlen(F(q, j + k));
		}
		if (k == w && ap_quotes_is_verb(key)) {
			*nw = w;
			return true;
		}
		key[bn] = '\0';
	}
	*nw = 1;
	return ap_quotes_is_verb(key);
}

/*
 * Tokens of the adverb at token j: one ("aussi"), two for one the
 * tokenizer cut at its elision ("d’ailleurs"), 0 when none.
 */
static size_t
adverb_len(const struct qs *q, size_t j)
{
	char key[40];
	const char *f;

	if (!is_word(q, j))
		return 0;
	if (tok_in(q, j, QW_ADVERBS))
		return 1;
	f = F(q, j + 1);
	if (strcmp(F(q, j), "d'") != 0 || !is_word(q, j + 1) ||
	    strlen(f) + 3 > sizeof(key))
		return 0;
	memcpy(key, "d'", 2);
	strcpy(key + 2, f);
	return inlist(key, QW_ADVERBS) ? 2 : 0;
}

/*
 * A reporting verb group at token j: [se|s’] [auxiliary[-t-il]] [adverbs]
 * verb[-t-il].  "a-t-il ajouté", "s’est défendu", "explique-t-elle".
 */
static bool
verb_group(const struct qs *q, size_t j, struct vgroup *vg)
{
	enum inv inv, inv2;
	size_t bn, nw, k, n;
	const char *f;

	if (!is_word(q, j))
		return false;
	if (strcmp(F(q, j), "se") == 0 || strcmp(F(q, j), "s'") == 0)
		j++;
	f = F(q, j);
	if (!is_word(q, j) || (is_cap(q, j) && j > 0 &&
	    !is_clause_end(q, j - 1)))
		return false;
	inv = split_inv(f, &bn);
	if (verb_at(q, j, f, bn, &nw) && (nw == 1 || inv == INV_NONE)) {
		vg->end = j + nw;
		vg->inv = inv;
		return true;
	}
	{
		char aux[16];

		if (bn >= sizeof(aux))
			return false;
		memcpy(aux, f, bn);
		aux[bn] = '\0';
		if (!inlist(aux, QW_AUXES))
			return false;
	}
	for (k = j + 1, n = 0; k < j + 5 && (n = adverb_len(q, k)) > 0;
	    k += n)
		;
	f = F(q, k);
	if (!is_word(q, k))
		return false;
	inv2 = split_inv(f, &bn);
	if (!verb_at(q, k, f, bn, &nw))
		return false;
	vg->end = k + nw;
	vg->inv = inv != INV_NONE ? inv : inv2;
	return true;
}

/*
 * Subjects and noun phrases.
 */


/* The gender of the pronoun at token j: "elle", "celle-ci", "lui". */
static char
pronoun_gender(const struct qs *q, size_t j)
{
	const char *f = F(q, j);

	if (strcmp(f, "elle") == 0 || strcmp(f, "celle-ci") == 0 ||
	    strcmp(F(q, j + 1), "dernière") == 0)
		return 'f';
	return 'm';
}

/*
 * A name at token j, after an optional title: the speaker, expanded to a
 * full name met earlier, with a role given right after it.
 */
static bool
name_who(struct qs *q, size_t j, struct who *w, size_t *endp)
{
	size_t tl, r, b, rb, re, head;
	const struct person *p;
	unsigned nw;

	tl = title_len(q, j);
	b = j + tl;
	r = name_run(q, b, &nw);
	if (r == b || (tl == 0 && (q->t[b].fl & TK_ALLCAP) && nw == 1 &&
	    !is_clause_end(q, r)) || (nw == 1 && q->t[b].len == 1))
		return false;
	who_set(w, q->s, q->t[b].off, tok_end(q, r - 1), true);
	if (tl > 0 || nw == 1) {
		p = expand(q, w->name, w->len, tl > 0);
		if (p != NULL) {
			w->name = p->name;
			w->len = p->len;
			w->role = p->role;
			w->rlen = p->rlen;
		}
	}
	if (punct(q, r) == ',' && role_after(q, r + 1, &rb, &re, &head)) {
		w->role = q->s + q->t[rb].off;
		w->rlen = tok_end(q, re - 1) - q->t[rb].off;
		r = re;
	}
	*endp = r;
	return true;
}

/*
 * The person noun that heads [b, e): "ministre" in "la Vice première
 * ministre cdH", within the first words, before any "de".
 */
static size_t
person_noun(const struct qs *q, size_t b, size_t e)
{
	size_t k;

	for (k = b; k < e && k < b + 4; k++) {
		if (tok_in(q, k, QW_PERSONNOUNS))
			return k;
		if (tok_in(q, k, QW_NPSTOPS) || strcmp(F(q, k), "de") == 0 ||
		    strcmp(F(q, k), "d'") == 0)
			break;
	}
	return SIZE_MAX;
}

static void strip_article(const char **, size_t *);

/* Whether s[0..n), after its article, starts with a capital. */
static bool
cap_name(const char *s, size_t n)
{
	strip_article(&s, &n);
	return n > 0 && ap_is_upper(ap_utf8_next(s, n, &(size_t){0}));
}

/*
 * "souligne le quotidien", "précise l'hebdomadaire": the paper cited
 * last as a source, a body named with capitals quoted within the WINDOW
 * ("La Libre") or a one-word name after "selon" or a reporting verb
 * within the ROLE_WINDOW ("Selon Marianne, …"), whichever came last.
 */
static bool
media_source(const struct qs *q, struct who *w)
{
	const struct person *p, *best = NULL;
	size_t i;

	for (i = 0; i < q->npp; i++) {
		p = &q->pp[i];
		if (p->nwords == 1 && (p->fl & PF_SPEAKER) && p->seen &&
		    pos_before(p->fpos, p->foff, q->pos, q->qoff) &&
		    p->fpos + ROLE_WINDOW >= q->pos && (best == NULL ||
		    pos_before(best->fpos, best->foff, p->fpos, p->foff)))
			best = p;
	}
	if (q->haslast && q->last.how == WHO_SOME && !q->last.person &&
	    q->lastpos + WINDOW >= q->pos &&
	    cap_name(q->last.name, q->last.len) &&
	    (best == NULL || best->fpos <= q->lastpos)) {
		*w = q->last;
		w->resolved = true;
		return true;
	}
	if (best == NULL)
		return false;
	who_set(w, best->name, 0, best->len, false);
	w->resolved = true;
	return true;
}

/* Whether folded word f looks like a past participle: "situé", "basées". */
static bool
participle(const char *f)
{
	static const char *const ends[] = {
		"é", "ée", "és", "ées"
	};
	size_t i, n = strlen(f), m;

	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		m = strlen(ends[i]);
		if (n > m + 2 && strcmp(f + n - m, ends[i]) == 0)
			return true;
	}
	return false;
}

static bool np_who(struct qs *, size_t, struct who *, size_t *);
static bool subject_who(struct qs *, size_t, struct who *, size_t *);

/* "du centre Perex", "du procureur" named on its own: "le …". */
static void
du_as_le(struct qs *q, struct who *w)
{
	char *p;

	if (w->len <= 2)
		return;
	p = ap_alloc(q->a, w->len + 1);
	memcpy(p, "le", 2);
	memcpy(p + 2, w->name + 2, w->len - 2);
	p[w->len] = '\0';
	w->name = p;
}

/*
 * "en la personne de", "par la voix de" at token e: the one who speaks
 * for the body before follows; the token of its "de", "du" or "d'", or
 * SIZE_MAX.
 */
static size_t
voice_of(const struct qs *q, size_t e)
{
	const char *f = F(q, e + 3);

	if (strcmp(F(q, e + 1), "la") != 0 || !((strcmp(F(q, e), "en") == 0 &&
	    strcmp(F(q, e + 2), "personne") == 0) ||
	    (strcmp(F(q, e), "par") == 0 && strcmp(F(q, e + 2), "voix") == 0)))
		return SIZE_MAX;
	if (strcmp(f, "de") != 0 && strcmp(f, "du") != 0 &&
	    strcmp(f, "d'") != 0)
		return SIZE_MAX;
	return e + 3;
}

/*
 * The speaker after the "de" at token k: "de Marie Roux", "du procureur
 * d’Albi" (said "le procureur d’Albi").
 */
static bool
of_who(struct qs *q, size_t k, struct who *w, size_t *endp)
{
	if (strcmp(F(q, k), "du") != 0)
		return subject_who(q, k + 1, w, endp);
	if (!np_who(q, k, w, endp))
		return false;
	/* Named by its role right here: not someone named before. */
	if (w->resolved && *endp > k + 1)
		who_set(w, q->s, q->t[k].off, tok_end(q, *endp - 1), false);
	if (w->name == q->s + q->t[k].off)
		du_as_le(q, w);
	return true;
}

/*
 * A noun phrase at the determiner j: "le ministère des Armées" is the
 * speaker itself; "le ministre Paul Girard" and "le porte-parole, Dmitri
 * Peskov" give a name and its role; "le maire" alone is the last person
 * called maire, "l’élu" the person last named.
 */
static bool
np_who(struct qs *q, size_t j, struct who *w, size_t *endp)
{
	size_t b = j + 1, head, e, k, r, rb, re, ne;
	const struct person *p;
	const struct role *ro;
	const char *role;
	size_t rlen;
	unsigned nw;

	if (!is_word(q, b))
		return false;
	if (is_cap(q, b) && !is_func(q, b) && !role_acronym(q, b)) {
		/* "le Hamas", "L’Avenir": a body named with its article. */
		r = name_run(q, b, &nw);
		if (!is_content(q, r)) {
			who_set(w, q->s, q->t[j].off, tok_end(q, r - 1), false);
			*endp = r;
			return true;
		}
	}
	head = np_head(q, b);
	for (e = b; e < q->nt && e - b < MAXCLAUSE; e++) {
		if (is_clause_end(q, e) || !is_word(q, e) ||
		    (q->t[e].fl & TK_DIGIT))
			break;
		/* "les autorités en la personne du procureur" */
		if (e > b && (k = voice_of(q, e)) != SIZE_MAX)
			return of_who(q, k, w, endp);
		/* "le maire de Lyon Paul Roux" */
		if (e > b + 1 && place_before_name(q, e) &&
		    (r = name_run(q, e, &nw)) > e && nw >= 3) {
			who_set(w, q->s, q->t[e + 1].off, tok_end(q, r - 1),
			    true);
			w->role = q->s + q->t[b].off;
			w->rlen = tok_end(q, e) - q->t[b].off;
			*endp = r;
			return true;
		}
		if (is_cap(q, e) && e > b && is_content(q, e - 1) &&
		    !is_func(q, e)) {
			r = name_run(q, e, &nw);
			p = nw == 1 && e == head + 1 &&
			    !tok_in(q, e - 1, QW_ORGNOUNS) ?
			    expand(q, q->s + q->t[e].off, q->t[e].len, true) :
			    NULL;
			if (nw >= 2 || p != NULL) {
				/* "le cabinet Energia Conseil": a body. */
				who_set(w, q->s, q->t[e].off, tok_end(q, r - 1),
				    !tok_in(q, e - 1, QW_ORGNOUNS));
				if (p != NULL) {
					w->name = p->name;
					w->len = p->len;
				}
				w->role = q->s + q->t[b].off;
				w->rlen = tok_end(q, e - 1) - q->t[b].off;
				*endp = r;
				return true;
			}
		}
		/* "la vice-première ministre et ministre de l’Intérieur" */
		if (e > b && strcmp(F(q, e), "et") == 0 &&
		    tok_in(q, e + 1, QW_PERSONNOUNS))
			continue;
		if (e > b && tok_in(q, e, QW_NPSTOPS)) {
			/* "le commissaire à l’économie Pierre Moscovici" */
			if (strcmp(F(q, e), "à") != 0)
				break;
			for (k = e + 1; k < e + 5 && is_word(q, k) &&
			    !is_cap(q, k); k++)
				;
			if (name_run(q, k, &nw) == k || nw < 2)
				break;
		}
	}
	if (e == b)
		return false;
	*endp = e;
	/* "l’aéroport situé à Gosselies": a participle opening a
	 * complement the phrase stopped before is no part of it. */
	ne = e;
	if (e > head + 1 && e < q->nt && tok_in(q, e, QW_NPSTOPS) &&
	    !is_cap(q, e - 1) && participle(F(q, e - 1)))
		ne = e - 1;
	role = q->s + q->t[b].off;
	rlen = tok_end(q, ne - 1) - q->t[b].off;
	/* "le porte-parole du Kremlin, Dmitri Peskov," */
	if (punct(q, e) == ',' && is_cap(q, e + 1)) {
		r = name_run(q, e + 1, &nw);
		if (r > e + 1 && (nw >= 2 || is_clause_end(q, r))) {
			who_set(w, q->s, q->t[e + 1].off, tok_end(q, r - 1),
			    true);
			p = nw == 1 ? expand(q, w->name, w->len, false) : NULL;
			if (p != NULL) {
				w->name = p->name;
				w->len = p->len;
			}
			w->role = role;
			w->rlen = rlen;
			if (punct(q, r) == ',' &&
			    role_after(q, r + 1, &rb, &re, &k))
				r = re;
			*endp = r;
			return true;
		}
	}
	if (!is_cap(q, head) && strcmp(F(q, j), "les") != 0 &&
	    (ro = find_role(q, F(q, head), role, rlen)) != NULL) {
		w->how = WHO_SOME;
		w->name = ro->name;
		w->len = ro->len;
		w->role = role;
		w->rlen = rlen;
		w->person = !ro->body;
		w->resolved = true;
		return true;
	}
	if (e == head + 1 && tok_in(q, head, QW_MEDIANOUNS) &&
	    media_source(q, w)) {
		w->role = role;
		w->rlen = rlen;
		return true;
	}
	/* "d’après le récit qu’elle livre": the one telling it. */
	if ((strcmp(F(q, e), "qu'") == 0 || strcmp(F(q, e), "que") == 0) &&
	    (strcmp(F(q, e + 1), "il") == 0 ||
	    strcmp(F(q, e + 1), "elle") == 0)) {
		resolve_pronoun(q, w, pronoun_gender(q, e + 1));
		if (w->how == WHO_SOME)
			return true;
	}
	if (strcmp(F(q, j), "les") != 0 &&
	    (k = person_noun(q, b, e)) != SIZE_MAX) {
		/* "a dévoilé le journaliste": after a reporting verb, one the
		 * article is about, named further back than a pronoun
		 * reaches. */
		resolve_pronoun(q, w, role_gender(q, b, k));
		if (w->how != WHO_SOME && q->after_verb)
			resolve_within(q, w, role_gender(q, b, k), ROLE_WINDOW);
		if (w->how == WHO_SOME) {
			w->role = role;
			w->rlen = rlen;
			return true;
		}
	}
	who_set(w, q->s, q->t[j].off, tok_end(q, ne - 1), false);
	return true;
}

/* Any subject: a name, a noun phrase, an indefinite ("un proche"). */
static bool
subject_who(struct qs *q, size_t j, struct who *w, size_t *endp)
{
	if (j >= q->nt)
		return false;
	if (tok_in(q, j, QW_INDEFINITES)) {
		w->how = WHO_NOBODY;
		*endp = j + 1;
		return true;
	}
	if (tok_in(q, j, QW_DETS))
		return np_who(q, j, w, endp);
	if (tok_in(q, j, QW_POSSESSIVES))
		return possessive_who(q, j, NULL, w, endp);
	return name_who(q, j, w, endp);
}

/*
 * After "-on": "a-t-on expliqué du côté de Brussels Airport" names the
 * source; otherwise nobody is named.
 */
static bool
on_side(struct qs *q, size_t j, struct who *w, size_t *endp)
{
	size_t k;

	for (k = j; k < j + 4 && is_word(q, k); k++) {
		if (strcmp(F(q, k), "côté") != 0)
			continue;
		if (strcmp(F(q, k + 1), "de") == 0 ||
		    strcmp(F(q, k + 1), "d'") == 0)
			return subject_who(q, k + 2, w, endp);
		/* "du côté du centre Perex": "le centre Perex" */
		if (strcmp(F(q, k + 1), "du") == 0 &&
		    np_who(q, k + 1, w, endp) && w->len > 2 && !w->person) {
			du_as_le(q, w);
			return true;
		}
		break;
	}
	w->how = WHO_NOBODY;
	*endp = j;
	return true;
}

/*
 * The subject after a reporting verb, at token j: "mardi le ministre",
 * "à CNBC le porte-parole"; after an inverted pronoun, whom it stands for.
 */
static bool
after_verb(struct qs *q, size_t j, enum inv inv, struct who *w,
    size_t *endp)
{
	size_t k, n;
	unsigned nw;
	bool r;

	*endp = j;
	if (inv == INV_IL || inv == INV_ELLE) {
		resolve_pronoun(q, w, inv == INV_IL ? 'm' : 'f');
		return w->how != WHO_NONE;
	}
	if (inv == INV_PLUR)
		return false;
	if (inv == INV_ON)
		return on_side(q, j, w, endp);
	for (k = 0; k < 6 && j < q->nt; k++) {
		if ((n = adverb_len(q, j)) > 0)
			j += n;
		else if (tok_in(q, j, QW_TIMEWORDS) ||
		    (q->t[j].fl & TK_DIGIT))
			j++;
		else if ((strcmp(F(q, j), "ce") == 0 ||
		    strcmp(F(q, j), "cette") == 0) &&
		    tok_in(q, j + 1, QW_TIMEWORDS))
			j += 2;
		else
			break;
	}
	if (tok_in(q, j, QW_PREPS)) {
		/* "à CBC", "sur Facebook", "à l’AFP": one word. */
		j++;
		if (tok_in(q, j, QW_DETS) || tok_in(q, j, QW_INDEFINITES))
			j += is_word(q, j + 1) ? 2 : 1;
		else if (is_cap(q, j))
			j++;
		else
			return false;
		if (!tok_in(q, j, QW_DETS) && name_run(q, j, &nw) == j &&
		    title_len(q, j) == 0)
			return false;
	}
	q->after_verb = true;
	r = subject_who(q, j, w, endp);
	q->after_verb = false;
	return r;
}

/*
 * Attribution.
 */

/*
 * An incise at token k, right after a closing mark or a comma:
 * "», a indiqué Jeff Zhang", "», explique-t-elle", "», selon X".
 */
static bool
incise_at(struct qs *q, size_t k, struct who *w, size_t *endp,
    enum inv *inv)
{
	struct vgroup vg;

	*inv = INV_NONE;
	if (strcmp(F(q, k), "selon") == 0)
		return subject_who(q, k + 1, w, endp);
	if (strcmp(F(q, k), "d'") == 0 && strcmp(F(q, k + 1), "après") == 0)
		return subject_who(q, k + 2, w, endp);
	if (!verb_group(q, k, &vg))
		return false;
	*inv = vg.inv;
	q->adds = strncmp(F(q, vg.end - 1), "ajout", 5) == 0;
	return after_verb(q, vg.end, vg.inv, w, endp);
}

/*
 * After the closing mark at token c: an incise, or a clause whose subject
 * comes first ("Contre « … », la Jordanie a annoncé …").
 */
static bool
after_incise(struct qs *q, size_t c, struct who *w)
{
	size_t k = c + 1, end;
	struct vgroup vg;
	enum inv inv;

	memset(w, 0, sizeof(*w));
	if (punct(q, k) == ',')
		k++;
	else if (!is_word(q, k) || is_cap(q, k))
		return false;
	if (incise_at(q, k, w, &end, &inv))
		return true;
	memset(w, 0, sizeof(*w));
	if (punct(q, c + 1) == ',' && subject_who(q, k, w, &end) &&
	    w->how == WHO_SOME && verb_group(q, end, &vg) &&
	    vg.inv == INV_NONE)
		return true;
	memset(w, 0, sizeof(*w));
	return false;
}

/*
 * Whether an incise may start after token k: after a comma, or after a
 * "?" or "!" when a lower-case word follows ("— Où ? demande la juge.",
 * where a capital would open a new sentence).
 */
static bool
incise_mark(const struct qs *q, size_t k)
{
	uint32_t c = punct(q, k);

	if (c == ',')
		return true;
	return (c == '?' || c == '!') && is_word(q, k + 1) &&
	    !is_cap(q, k + 1);
}

/* An incise between commas inside the quote: "…, affirme-t-elle. …". */
static bool
inner_incise(struct qs *q, size_t o, size_t c, struct who *w)
{
	size_t k, end;
	enum inv inv;

	for (k = o + 1; k < c && k < q->nt; k++) {
		if (!incise_mark(q, k))
			continue;
		memset(w, 0, sizeof(*w));
		if (incise_at(q, k + 1, w, &end, &inv) && w->how == WHO_SOME &&
		    (inv != INV_NONE || end >= c || is_clause_end(q, end)))
			return true;
	}
	memset(w, 0, sizeof(*w));
	return false;
}

/* The first token of the sentence holding token o, not before lo. */
static size_t
sentence_start(const struct qs *q, size_t o, size_t lo)
{
	size_t j;
	uint32_t c;

	for (j = o; j > lo; j--) {
		c = punct(q, j - 1);
		if (c != '.' && c != '!' && c != '?' && c != 0x2026)
			continue;
		/* "M. Zhang", "J. Smith" */
		if (c == '.' && j >= 2 && is_cap(q, j - 2) &&
		    (q->t[j - 2].len == 1 || title_len(q, j - 2) > 0))
			continue;
		return j;
	}
	return lo;
}

/*
 * "« … », rapporte le ministère de la Défense.  Il précise que …": the
 * pronoun is the body quoted last in this paragraph, when its article
 * agrees and no person was named in the paragraph.
 */
static bool
body_spoke_here(const struct qs *q, char gender)
{
	const char *s = q->last.name;
	size_t i;

	if (!q->haslast || q->lastpos != q->pos || q->last.how != WHO_SOME ||
	    q->last.person || s == NULL)
		return false;
	if (!((gender == 'm' && (strncmp(s, "le ", 3) == 0 ||
	    strncmp(s, "Le ", 3) == 0)) || (gender == 'f' &&
	    (strncmp(s, "la ", 3) == 0 || strncmp(s, "La ", 3) == 0))))
		return false;
	for (i = 0; i < q->npp; i++)
		if (q->pp[i].seen && q->pp[i].pos == q->pos)
			return false;
	return true;
}

/*
 * What the chunk [b, e) of a clause (commas cut chunks) says of its
 * subject: 1 with *w when it names it, 0 when it is transparent (an
 * adverbial, an apposition, a quote), -1 when the subject is there but
 * no one is named ("ils").  ss is where the sentence starts.
 */
static int
chunk_who(struct qs *q, size_t b, size_t e, size_t ss, struct who *w)
{
	size_t j = b, end, k;
	const char *f;

	memset(w, 0, sizeof(*w));
	while (j < e && (strcmp(F(q, j), "mais") == 0 ||
	    strcmp(F(q, j), "et") == 0 || strcmp(F(q, j), "puis") == 0 ||
	    strcmp(F(q, j), "alors") == 0 || strcmp(F(q, j), "donc") == 0))
		j++;
	if (j >= e || !is_word(q, j))
		return 0;
	/* ", en la personne de Anne Vidal," speaks for the body before. */
	if ((k = voice_of(q, j)) != SIZE_MAX)
		return of_who(q, k, w, &end) && w->how == WHO_SOME ? 1 : 0;
	f = F(q, j);
	if (strcmp(f, "il") == 0 || strcmp(f, "elle") == 0 ||
	    strcmp(f, "celui-ci") == 0 || strcmp(f, "celle-ci") == 0 ||
	    ((strcmp(f, "ce") == 0 || strcmp(f, "cette") == 0) &&
	    (strcmp(F(q, j + 1), "dernier") == 0 ||
	    strcmp(F(q, j + 1), "dernière") == 0))) {
		if (body_spoke_here(q, pronoun_gender(q, j))) {
			*w = q->last;
			w->resolved = true;
			return 1;
		}
		resolve_pronoun(q, w, pronoun_gender(q, j));
		return w->how == WHO_SOME ? 1 : -1;
	}
	if (strcmp(f, "ils") == 0 || strcmp(f, "elles") == 0)
		return -1;
	if (strcmp(f, "on") == 0) {
		w->how = WHO_NOBODY;
		return 1;
	}
	if (tok_in(q, j, QW_INDEFINITES)) {
		if (tok_in(q, j + 1, QW_TIMENOUNS))
			return 0;
		w->how = WHO_NOBODY;
		return 1;
	}
	if (tok_in(q, j, QW_DETS))
		return np_who(q, j, w, &end) ? 1 : 0;
	if (title_len(q, j) == 0 && (!is_cap(q, j) || is_func(q, j)))
		return 0;
	if (!name_who(q, j, w, &end))
		return 0;
	/* "Mi-mars, …": one capitalised word opening a sentence. */
	if (j == ss && title_len(q, j) == 0 && one_word(w->name, w->len) &&
	    !known_person(q, w->name, w->len)) {
		memset(w, 0, sizeof(*w));
		return 0;
	}
	return 1;
}

#define MAXCHUNK	12

/* A name the text gives, not one found through a pronoun or a role. */
static bool
named(const struct who *w)
{
	return w->person && !w->resolved;
}

/* "le porte-parole" → "porte-parole", for a role. */
static void
strip_article(const char **s, size_t *n)
{
	static const char *const arts[] = {
		"le ", "la ", "les ", "l'", "l’", "Le ", "La ",
		"Les ", "L'", "L’", NULL
	};
	size_t i, k;

	if (*s == NULL)
		return;
	for (i = 0; arts[i] != NULL; i++) {
		k = strlen(arts[i]);
		if (*n > k && memcmp(*s, arts[i], k) == 0) {
			*s += k;
			*n -= k;
			return;
		}
	}
}

/*
 * Two neighbouring chunks, one a name and the other a noun phrase: the
 * name is the speaker and the phrase its role ("Le chef de la diplomatie,
 * Josep Borrell,").  *w gets the result.
 */
static void
apposition(struct who *w, const struct who *o)
{
	const struct who *name = named(w) ? w : o, *np = named(w) ? o : w;
	const char *role;
	size_t rlen;

	if (np->resolved) {
		role = np->role;
		rlen = np->rlen;
	} else {
		role = np->name;
		rlen = np->len;
		strip_article(&role, &rlen);
	}
	if (name != w)
		*w = *name;
	if (w->role == NULL || name == o) {
		w->role = role;
		w->rlen = rlen;
	}
}

/*
 * The subject of the clause [b, e), read chunk by chunk: backward from a
 * verb at e ("Depuis Washington, Christine Lagarde, directrice …, a
 * jugé"), or forward from the start of a sentence.  A name next to a noun
 * phrase in apposition wins over it ("Le chef de la diplomatie, Josep
 * Borrell,").
 */
static bool
clause_subject(struct qs *q, size_t b, size_t e, size_t ss, bool backward,
    struct who *w)
{
	size_t cb[MAXCHUNK], ce[MAXCHUNK], nc = 0, j, start = b, i, nt;
	unsigned depth = 0, low9 = 0;	/* low9: „ still open */
	struct who o;
	uint32_t c;
	int r = 0;

	while (e > b && is_word(q, e - 1) && tok_in(q, e - 1, QW_CLITICS))
		e--;
	for (j = b; j <= e; j++) {
		c = j < e ? punct(q, j) : ',';
		/* “ closes a German „ and opens an English “…”. */
		if (c == 0x201C && low9 > 0 && depth > 0) {
			low9--;
			depth--;
		} else if (c == '(' || c == 0xAB || c == 0x201C ||
		    c == 0x201E) {
			depth++;
			low9 += c == 0x201E;
		} else if ((c == ')' || c == 0xBB || c == 0x201D) &&
		    depth > 0) {
			depth--;
			if (c == 0x201D && low9 > 0)
				low9--;
		}
		if (c != ',' || (depth > 0 && j < e))
			continue;
		if (nc == MAXCHUNK) {
			if (!backward)
				break;
			memmove(cb, cb + 1, (MAXCHUNK - 1) * sizeof(cb[0]));
			memmove(ce, ce + 1, (MAXCHUNK - 1) * sizeof(ce[0]));
			nc--;
		}
		cb[nc] = start;
		ce[nc++] = j;
		start = j + 1;
	}
	/* The noun phrase parsers must not run past the clause. */
	nt = q->nt;
	q->nt = e;
	for (i = 0; i < nc; i++) {
		j = backward ? nc - 1 - i : i;
		r = chunk_who(q, cb[j], ce[j], ss, w);
		if (r == 0)
			continue;
		if (r > 0 && backward && j > 0 && w->how == WHO_SOME &&
		    chunk_who(q, cb[j - 1], ce[j - 1], ss, &o) > 0 &&
		    o.how == WHO_SOME) {
			if (named(&o) != named(w))
				apposition(w, &o);
			else if (w->role == NULL && o.len == w->len &&
			    memcmp(o.name, w->name, w->len) == 0) {
				/* The phrase before already took the name. */
				w->role = o.role;
				w->rlen = o.rlen;
			}
		}
		break;
	}
	q->nt = nt;
	if (r <= 0)
		memset(w, 0, sizeof(*w));
	return r > 0;
}

static bool
is_bullet(int32_t c)
{
	return is_hyphen(c) || c == 0x2013 || c == 0x2014 || c == 0x2022;
}

/* Whether the tokens before o are only list dashes ("- « … »"). */
static bool
only_bullets(const struct qs *q, size_t o)
{
	size_t j;

	for (j = 0; j < o; j++)
		if (!is_bullet(q->t[j].cp))
			return false;
	return true;
}

/*
 * A text made of one quotation and nothing else but list dashes and a
 * final stop: the next such text may go on with the same speaker.
 */
static bool
quote_only(const struct qs *q)
{
	size_t b = 0, e = q->nt;

	while (b < e && is_bullet(q->t[b].cp))
		b++;
	if (e > b && (punct(q, e - 1) == '.' || punct(q, e - 1) == ','))
		e--;
	if (e < b + 2)
		return false;
	return (q->t[b].cp == 0xAB && q->t[e - 1].cp == 0xBB) ||
	    (q->t[b].cp == 0x201C && q->t[e - 1].cp == 0x201D) ||
	    (q->t[b].cp == '"' && q->t[e - 1].cp == '"');
}

/*
 * "Voici ses principales déclarations." announces the quotations that
 * follow as said by the one "ses" stands for.
 */
static bool
announces_quotes(struct qs *q, size_t lo, struct who *w)
{
	size_t ss = sentence_start(q, q->nt - 1, lo);

	memset(w, 0, sizeof(*w));
	if (strcmp(F(q, ss), "voici") != 0 && strcmp(F(q, ss), "voilà") != 0)
		return false;
	if (!tok_in(q, ss + 1, QW_POSSESSIVES))
		return false;
	q->qoff = q->t[ss].off;
	resolve_pronoun(q, w, 0);
	return w->how == WHO_SOME;
}

/*
 * After a name, its party or place in brackets, "Pierre Gielen (Ecolo)":
 * the token after the closing bracket, else j.
 */
static size_t
skip_paren(const struct qs *q, size_t j)
{
	size_t k;

	if (punct(q, j) != '(')
		return j;
	for (k = j + 1; k < q->nt && k < j + MAXCLAUSE; k++)
		if (punct(q, k) == ')')
			return k + 1;
		else if (is_clause_end(q, k) && punct(q, k) != ',')
			break;
	return j;
}

/*
 * "Et d’ajouter qu’« … »", "Et de conclure : « … »": a sentence opening
 * with a reporting verb's narrative infinitive, between rs and the
 * opening mark o, goes on with the one quoted just before.
 */
static bool
narrative_infinitive(const struct qs *q, size_t rs, size_t o)
{
	size_t j = rs;

	if (strcmp(F(q, j), "et") == 0)
		j++;
	if (strcmp(F(q, j), "de") != 0 && strcmp(F(q, j), "d'") != 0)
		return false;
	return j + 1 < o && tok_in(q, j + 1, QW_NARRATIVE);
}

/*
 * The document a noun phrase at determiner d names, said with the
 * definite article: "cette brochure" → "la brochure", "le rapport".
 * Stops at the clause's end or a function word; false when no noun.
 */
static bool
document_at(struct qs *q, size_t d, size_t o, struct who *w)
{
	static const struct {
		const char	*det;
		const char	*art;
	} arts[] = {
		{ "le", "le " }, { "la", "la " }, { "l'", "l'" },
		{ "ce", "le " }, { "cette", "la " }, { "cet", "l'" }
	};
	size_t i, e, b, n;
	char *p;

	for (i = 0; i < sizeof(arts) / sizeof(arts[0]); i++)
		if (strcmp(F(q, d), arts[i].det) == 0)
			break;
	if (i == sizeof(arts) / sizeof(arts[0]) || !is_content(q, d + 1))
		return false;
	/* The noun, and its complement: "projet de loi", "rapport
	 * d’enquête"; a verb may follow it ("Le texte énonce"). */
	e = d + 2;
	if (e + 1 < o && (strcmp(F(q, e), "de") == 0 ||
	    strcmp(F(q, e), "d'") == 0) && is_content(q, e + 1))
		e += 2;
	b = q->t[d + 1].off;
	n = strlen(arts[i].art);
	p = ap_alloc(q->a, n + tok_end(q, e - 1) - b + 1);
	memcpy(p, arts[i].art, n);
	memcpy(p + n, q->s + b, tok_end(q, e - 1) - b);
	p[n + tok_end(q, e - 1) - b] = '\0';
	memset(w, 0, sizeof(*w));
	w->how = WHO_SOME;
	w->name = p;
	w->len = n + tok_end(q, e - 1) - b;
	return true;
}

/*
 * A quotation of a document's wording: the subject of its sentence (from
 * ss, the quote at o) or of the sentence before is a document ("Le
 * projet de loi énonce les domaines …  Il s’agit de « … »").
 */
static void
document_subject(struct qs *q, size_t ss, size_t o, struct who *w)
{
	size_t ps;

	if (!(tok_in(q, ss + 1, QW_DOCNOUNS) &&
	    document_at(q, ss, o, w)) && ss > 0) {
		ps = sentence_start(q, ss - 1, 0);
		if (tok_in(q, ps + 1, QW_DOCNOUNS))
			(void)document_at(q, ps, ss, w);
	}
	/* A guess: it never makes a title a quotation. */
	w->guessed = w->how == WHO_SOME;
}

/*
 * "Sur cette brochure, on peut lire « … »", "on peut lire dans le
 * rapport : « … »": the document read, between rs and the opening mark
 * o, is the speaker.
 */
static bool
read_in(struct qs *q, size_t rs, size_t o, struct who *w)
{
	size_t j, k;

	for (j = rs; j < o; j++) {
		if (strcmp(F(q, j), "lire") != 0 && strcmp(F(q, j), "lit") != 0)
			continue;
		if (!(j >= 1 && (strcmp(F(q, j - 1), "peut-on") == 0 ||
		    strcmp(F(q, j - 1), "on") == 0)) && !(j >= 2 &&
		    strcmp(F(q, j - 2), "on") == 0 &&
		    (strcmp(F(q, j - 1), "peut") == 0 ||
		    strcmp(F(q, j - 1), "pouvait") == 0)))
			continue;
		k = j + 1;
		if ((strcmp(F(q, k), "dans") == 0 ||
		    strcmp(F(q, k), "sur") == 0) && document_at(q, k + 1, o, w))
			return true;
		k = rs;
		if ((strcmp(F(q, k), "dans") == 0 ||
		    strcmp(F(q, k), "sur") == 0) && document_at(q, k + 1, o, w))
			return true;
		return false;
	}
	return false;
}

/*
 * "selon lui", "selon Marie Roux" inside the sentence, between rs and
 * the opening mark o: the view quoted is theirs.
 */
static bool
selon_inside(struct qs *q, size_t rs, size_t o, struct who *w)
{
	size_t j, end;

	for (j = rs + 1; j + 1 < o; j++) {
		if (strcmp(F(q, j), "selon") != 0)
			continue;
		if (strcmp(F(q, j + 1), "lui") == 0 ||
		    strcmp(F(q, j + 1), "elle") == 0) {
			resolve_pronoun(q, w, pronoun_gender(q, j + 1));
			return w->how == WHO_SOME;
		}
		if ((title_len(q, j + 1) > 0 || is_cap(q, j + 1)) &&
		    name_who(q, j + 1, w, &end) && end < o)
			return true;
		memset(w, 0, sizeof(*w));
		return false;
	}
	return false;
}

/*
 * A lead-in before the opening mark at token o, looking no further back
 * than the end of the previous quote, lo: "Marie Dubois a déclaré : «",
 * "Selon Marie Dubois, … «", "Didier Reynders : «".  prev is the speaker
 * of the previous quote of the same paragraph.
 */
static bool
lead_in(struct qs *q, size_t o, size_t lo, const struct who *prev,
    struct who *w)
{
	size_t ss, rs, j, vj = SIZE_MAX, end;
	struct vgroup vg, last = { 0, INV_NONE };
	struct who side;
	unsigned nw;

	memset(w, 0, sizeof(*w));
	/* A text opening with the quote: the one before led in with ":". */
	if (only_bullets(q, o) && q->hascolon && q->colonpos + 1 == q->pos) {
		*w = q->colon;
		return true;
	}
	ss = sentence_start(q, o, o > 96 ? o - 96 : 0);
	rs = ss > lo ? ss : lo;
	if (rs >= o)
		return false;
	if (narrative_infinitive(q, rs, o)) {
		if (prev->how != WHO_NONE)
			*w = *prev;
		else if (q->haslast && q->lastpos + CONT_WINDOW >= q->pos)
			*w = q->last;
		return w->how != WHO_NONE;
	}
	/* "Didier Reynders : « … »" */
	if (punct(q, o - 1) == ':' && name_who(q, rs, w, &end) &&
	    end == o - 1)
		return true;
	memset(w, 0, sizeof(*w));
	for (j = rs; j < o; j++) {
		if (!is_word(q, j) || noun_context(q, j))
			continue;
		if (verb_group(q, j, &vg) && vg.end <= o) {
			vj = j;
			last = vg;
			j = vg.end - 1;
		}
	}
	if (vj != SIZE_MAX) {
		switch (last.inv) {
		case INV_IL:
		case INV_ELLE:
			resolve_pronoun(q, w, last.inv == INV_IL ? 'm' : 'f');
			return w->how != WHO_NONE;
		case INV_PLUR:
			return false;
		case INV_ON:
			w->how = WHO_NOBODY;
			return true;
		default:
			break;
		}
		if (clause_subject(q, rs, vj, ss, true, w)) {
			/* "Du côté du club, on estime « … »" */
			memset(&side, 0, sizeof(side));
			if (w->how == WHO_NOBODY && strcmp(F(q, ss),
			    "du") == 0 && strcmp(F(q, ss + 1), "côté") == 0 &&
			    on_side(q, ss, &side, &end) && side.how == WHO_SOME)
				*w = side;
			return true;
		}
		/* "«A», a martelé Trump, assurant que «B»" */
		if (rs > ss && prev->how != WHO_NONE) {
			*w = *prev;
			return true;
		}
		if (rs > ss && clause_subject(q, ss, vj, ss, true, w))
			return true;
	}
	/* "Selon X, … «", "Pour le maire, Jean Roy, «", "Pour elle, «" */
	j = rs;
	if (strcmp(F(q, j), "et") == 0 || strcmp(F(q, j), "mais") == 0)
		j++;
	if (strcmp(F(q, j), "selon") == 0 || strcmp(F(q, j), "pour") == 0)
		j++;
	else if (strcmp(F(q, j), "d'") == 0 &&
	    strcmp(F(q, j + 1), "après") == 0)
		j += 2;
	else if ((strcmp(F(q, j), "à") == 0 || strcmp(F(q, j), "a") == 0) &&
	    (strcmp(F(q, j + 1), "ses") == 0 ||
	    strcmp(F(q, j + 1), "son") == 0) &&
	    is_word(q, j + 2) && punct(q, j + 3) == ',') {
		/* "A ses yeux, «", "À son avis, «" */
		resolve_pronoun(q, w, 0);
		return w->how != WHO_NONE;
	} else
		j = SIZE_MAX;
	if (j != SIZE_MAX) {
		if (strcmp(F(q, j), "lui") == 0 ||
		    strcmp(F(q, j), "elle") == 0) {
			resolve_pronoun(q, w, pronoun_gender(q, j));
			return w->how != WHO_NONE;
		}
		if ((tok_in(q, j, QW_DETS) || title_len(q, j) > 0 ||
		    name_run(q, j, &nw) > j) && subject_who(q, j, w, &end) &&
		    w->how == WHO_SOME && (end = skip_paren(q, end)) < o &&
		    punct(q, end) == ',')
			return true;
		memset(w, 0, sizeof(*w));
	}
	/* "illustrerait selon lui l’expression d’un « … »" */
	if (selon_inside(q, rs, o, w))
		return true;
	/* "Sur cette brochure, on peut lire « … »" */
	if (read_in(q, rs, o, w))
		return true;
	if (punct(q, o - 1) != ':')
		return false;
	/* "l’enseignement est pour lui une vocation : « … »" */
	for (j = rs; j + 1 < o; j++)
		if ((strcmp(F(q, j), "pour") == 0 ||
		    strcmp(F(q, j), "selon") == 0) &&
		    (strcmp(F(q, j + 1), "lui") == 0 ||
		    strcmp(F(q, j + 1), "elle") == 0)) {
			resolve_pronoun(q, w, pronoun_gender(q, j + 1));
			return w->how != WHO_NONE;
		}
	/* "Sebastian Kurz, …, dans un entretien : « … »" */
	if (clause_subject(q, ss, o - 1, ss, false, w) && w->how == WHO_SOME)
		return true;
	memset(w, 0, sizeof(*w));
	return false;
}

/*
 * Output.
 */

/* The code point ending at byte e of s. */
static int32_t
cp_before(const char *s, size_t e, size_t *k)
{
	size_t b = e - 1;

	while (b > 0 && e - b < 4 && ((unsigned char)s[b] & 0xC0) == 0x80)
		b--;
	return cp_at(s, e, b, k);
}

/* Count words: runs of non-space holding a letter or a digit. */
static size_t
count_words(const char *s, size_t n)
{
	size_t i, k, nw = 0;
	bool in = false, alnum = false;
	int32_t c;

	for (i = 0; i < n; i += k) {
		c = cp_at(s, n, i, &k);
		if (is_space(c)) {
			if (in && alnum)
				nw++;
			in = alnum = false;
			continue;
		}
		in = true;
		if (is_alnum(c))
			alnum = true;
	}
	return nw + (in && alnum);
}

/* Trim spaces, then a trailing comma, then spaces again. */
static void
trim(const char *s, size_t *b, size_t *e)
{
	size_t k;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		while (*b < *e && is_space(cp_at(s, *e, *b, &k)))
			*b += k;
		while (*e > *b && is_space(cp_before(s, *e, &k)))
			*e -= k;
		if (*e > *b && s[*e - 1] == ',')
			(*e)--;
		else
			break;
	}
}

static const char *
dup_or_null(struct qs *q, const char *s, size_t n)
{
	return s != NULL && n > 0 ? ap_strndup(q->a, s, n) : NULL;
}

/* Remember who spoke last, for the quotes that follow without a name. */
static void
note_speaker(struct qs *q, const struct who *w)
{
	if (w->how == WHO_NONE)
		return;
	q->last = *w;
	q->lastpos = q->pos;
	q->haslast = true;
	if (w->how == WHO_SOME && w->person)
		add_person(q, w->name, w->len, one_word(w->name, w->len) ?
		    1 : 2, q->qoff, PF_SPEAKER, w->role, w->rlen, 0);
}

/* "je", "nous", or "j'" eliding it ("j’ai"): the one speaking. */
static bool
speaking(char *w)
{
	char *ap = strchr(w, '\'');
	char c;
	bool r;

	if (ap == NULL)
		return inlist(w, QW_SPEAKING);
	c = ap[1];
	ap[1] = '\0';
	r = inlist(w, QW_SPEAKING);
	ap[1] = c;
	return r;
}

/* Whether a word of s[0..n) is an auxiliary ("est", "sont", "a"), an
 * imperative with its pronoun ("Rendez-nous") or a pronoun of the one
 * speaking ("Je connais …"): the span says something. */
static bool
has_verb(const char *s, size_t n)
{
	char w[32];
	const char *h;
	size_t i = 0, j;

	while (i < n) {
		for (j = i; j < n && s[j] != ' ' && s[j] != '\''; j++)
			continue;
		if (j - i > 0 && j - i < sizeof(w) / 2) {
			ap_fold(s + i, j - i, w, sizeof(w));
			if (inlist(w, QW_AUXES) || ((h = strrchr(w, '-')) !=
			    NULL && h > w && inlist(h + 1, QW_CLITICS)) ||
			    speaking(w))
				return true;
		}
		i = j + 1;
	}
	return false;
}

/* How a speaker was found, as the tree view names it. */
static const char *
evidence_of(const struct who *w)
{
	if (w->how != WHO_SOME)
		return NULL;
	if (w->guessed)
		return "the speaker nearby, no cue";
	if (w->resolved)
		return "a pronoun or a noun resolved to a name";
	return "named with a reporting cue";
}

/*
 * « De rouille et d'os », « Dead Man Talking »: a short capitalised span
 * with no punctuation and no verb we can see is the title of a film, a
 * book or a show; said by nobody, it is no quotation.
 */
static bool
names_a_work(const char *s, size_t n)
{
	size_t i, k;
	uint32_t c;

	if (count_words(s, n) > 6 || !ap_is_upper(ap_utf8_next(s, n, &k)))
		return false;
	for (i = 0; i < n; i += k) {
		c = (uint32_t)cp_at(s, n, i, &k);
		if (c == '.' || c == '!' || c == '?' || c == ',' || c == ';' ||
		    c == ':' || c == 0x2026)
			return false;
	}
	return !has_verb(s, n);
}

static void
emit(struct qs *q, const char *s, size_t b, size_t e, size_t block,
    const struct who *w)
{
	struct ap_quote *qq;
	size_t i;

	trim(s, &b, &e);
	if (count_words(s + b, e - b) < AP_QUOTE_MINWORDS)
		return;
	if ((w->how != WHO_SOME || w->guessed) && !quote_only(q) &&
	    names_a_work(s + b, e - b))
		return;
	/* The standfirst's quote, said again in the body, is one quote. */
	for (i = 0; block < AP_QUOTE_STANDFIRST && i < q->nq && i < 8 &&
	    q->q[i].block >= AP_QUOTE_STANDFIRST; i++)
		if (strlen(q->q[i].text) == e - b &&
		    memcmp(q->q[i].text, s + b, e - b) == 0)
			return;
	if (q->nq == q->capq) {
		q->capq = q->capq ? q->capq * 2 : 16;
		if (q->capq > SIZE_MAX / sizeof(*q->q))
			ap_arena_oom(q->a);
		q->q = ap_big_realloc(q->a, q->q, q->capq * sizeof(*q->q));
	}
	qq = &q->q[q->nq++];
	qq->text = ap_strndup(q->a, s + b, e - b);
	qq->speaker = w->how == WHO_SOME ? dup_or_null(q, w->name, w->len) :
	    NULL;
	qq->speaker_role = qq->speaker != NULL ?
	    dup_or_null(q, w->role, w->rlen) : NULL;
	qq->evidence = qq->speaker != NULL ? evidence_of(w) : NULL;
	qq->block = block;
	q->lastguess = w->guessed;
}

/*
 * A quote with nothing to say who spoke, standing as a sentence of its
 * own: journalists leave the speaker implicit when it is the one just
 * quoted in this paragraph, the subject of an earlier sentence of it, or
 * the one quoted in the paragraphs just before.
 */
/*
 * No one quoted lately: a paragraph that is one quotation (an
 * interview's answer) after the paragraphs that present someone ("Didier
 * Reynders vient d’être élu …") is the words of the person last named as
 * a subject or a speaker within the WINDOW, not one the quote names.
 */
static void
subject_nearby(struct qs *q, struct who *w)
{
	struct who r;

	memset(&r, 0, sizeof(r));
	resolve_pronoun(q, &r, 0);
	if (r.how == WHO_SOME) {
		*w = r;
		w->guessed = true;
	}
}

/*
 * A body named with capitals at token j, after its article if any: "La
 * Libre", "Le Soir", "De Morgen", "Samsung"; the token after it in *endp.
 */
static bool
named_body(struct qs *q, size_t j, struct who *w, size_t *endp)
{
	size_t b = j, r, k;
	unsigned nw;

	if (is_word(q, j) && (tok_in(q, j, QW_ARTICLES) ||
	    ap_name_particle(F(q, j))) && is_cap(q, j + 1))
		j++;
	if (!is_cap(q, j) || is_func(q, j) || tok_in(q, j, QW_PLACEWORDS) ||
	    (r = name_run(q, j, &nw)) == j)
		return false;
	/* "La Dernière heure n’élude pas": small words up to a "ne" or a
	 * reflexive "se", which only a verb follows, are still the name. */
	for (k = r; k < r + 2 && is_content(q, k) && !is_cap(q, k); k++)
		if (strcmp(F(q, k + 1), "ne") == 0 ||
		    strcmp(F(q, k + 1), "n'") == 0 ||
		    strcmp(F(q, k + 1), "se") == 0 ||
		    strcmp(F(q, k + 1), "s'") == 0) {
			r = k + 1;
			break;
		}
	who_set(w, q->s, q->t[b].off, tok_end(q, r - 1), false);
	*endp = r;
	return true;
}

/*
 * The source a sentence [b, e) names without quoting it: an incise
 * ending it ("…, relève le quotidien.", "… que Michel Daerden constate De
 * Morgen.", the comma left out before a name), else a body named with
 * capitals that opens it ("La Libre préfère chercher …").
 */
static bool
closing_source(struct qs *q, size_t b, size_t e, struct who *w)
{
	struct vgroup vg;
	size_t k, end;
	enum inv inv;

	for (k = b + 1; k + 1 < e; k++) {
		memset(w, 0, sizeof(*w));
		if (punct(q, k - 1) == ',' && incise_at(q, k, w, &end, &inv) &&
		    w->how == WHO_SOME && end + 1 == e)
			return true;
		memset(w, 0, sizeof(*w));
		if (is_word(q, k - 1) && verb_group(q, k, &vg) &&
		    vg.inv == INV_NONE && named_body(q, vg.end, w, &end) &&
		    end + 1 == e)
			return true;
	}
	memset(w, 0, sizeof(*w));
	return false;
}

static bool
sentence_source(struct qs *q, size_t b, size_t e, struct who *w)
{
	size_t end;

	if (closing_source(q, b, e, w))
		return true;
	/* With its article: a capitalised word opening a sentence alone
	 * may be any word ("Chacun", "Fort"). */
	memset(w, 0, sizeof(*w));
	if (tok_in(q, b, QW_ARTICLES) && named_body(q, b, w, &end) &&
	    is_word(q, end) && !is_cap(q, end))
		return true;
	memset(w, 0, sizeof(*w));
	return false;
}

static void
implicit(struct qs *q, size_t ss, struct who *w)
{
	size_t e = ss, b, floor = ss > 200 ? ss - 200 : 0, n;

	if (q->haslast && q->lastpos == q->pos) {
		*w = q->last;
		return;
	}
	for (n = 0; n < 3 && e > floor; n++) {
		b = sentence_start(q, e - 1, floor);
		if (clause_subject(q, b, e, b, false, w) &&
		    w->how == WHO_SOME && w->person)
			return;
		if (sentence_source(q, b, e, w))
			return;
		e = b;
	}
	memset(w, 0, sizeof(*w));
	if (q->haslast && q->lastpos + CONT_WINDOW >= q->pos)
		*w = q->last;
	else if (quote_only(q))
		subject_nearby(q, w);
}

/* Emit the quote that ran over several paragraphs. */
static void
flush_carry(struct qs *q, const struct who *after)
{
	struct who w = *after;

	if (!q->open)
		return;
	q->open = false;
	if (w.how == WHO_NONE)
		w = q->cwho;
	if (w.how == WHO_NONE && q->haslast &&
	    q->lastpos + CONT_WINDOW >= q->cpos)
		w = q->last;
	note_speaker(q, &w);
	emit(q, q->carry.p, 0, q->carry.len, q->cblock, &w);
	ap_buf_truncate(&q->carry, 0);
}

/*
 * Spans.
 */

static void
push_span(struct qs *q, const struct span *s)
{
	if (q->nsp == q->capsp) {
		q->capsp = q->capsp ? q->capsp * 2 : 16;
		if (q->capsp > SIZE_MAX / sizeof(*q->sp))
			ap_arena_oom(q->a);
		q->sp = ap_big_realloc(q->a, q->sp, q->capsp * sizeof(*q->sp));
	}
	q->sp[q->nsp++] = *s;
}

/*
 * Quote spans of the current text.  Inside a span only its own closing
 * mark counts (nested “ ” or ‹ › stay part of it); straight double quotes
 * count only when there is an even number of them outside other spans.
 * "inside": the text continues a « opened in the previous paragraph.
 */
static void
find_spans(struct qs *q, bool inside)
{
	size_t j, depth, nstraight = 0;
	uint32_t c, op = 0, cl = 0;
	struct span cur;
	int pass;

	q->nsp = 0;
	for (pass = 0; pass < 2; pass++) {
		depth = 0;
		memset(&cur, 0, sizeof(cur));
		if (inside) {
			depth = 1;
			op = 0xAB;
			cl = 0xBB;
			cur.o = SIZE_MAX;
			cur.ts = 0;
		}
		for (j = 0; j < q->nt; j++) {
			c = q->t[j].cp;
			if (c == 0)
				continue;
			if (depth == 0) {
				if (c == 0xAB)
					op = 0xAB, cl = 0xBB;
				else if (c == 0x201C)
					op = 0x201C, cl = 0x201D;
				else if (c == 0x201E)	/* „…“ and „…” */
					op = 0x201E, cl = 0x201C;
				else if (c == '"' && pass == 0) {
					nstraight++;
					continue;
				} else if (c == '"' && nstraight % 2 == 0)
					op = cl = '"';
				else
					continue;
				depth = 1;
				cur.o = j;
				cur.ts = tok_end(q, j);
				continue;
			}
			if (c == cl || (op == 0x201E && c == 0x201D)) {
				if (--depth > 0)
					continue;
				cur.c = j;
				cur.te = q->t[j].off;
				if (pass == 1)
					push_span(q, &cur);
			} else if (c == op)
				depth++;
		}
		if (depth > 0 && pass == 1) {
			cur.c = SIZE_MAX;
			cur.te = q->n;
			push_span(q, &cur);
		}
	}
}

/*
 * A paragraph with no quotation marks that is speech all the same: it
 * opens with a dialogue dash, or is a blockquote with an incise.  The
 * quote runs up to the incise ("— Nous partirons demain, a-t-elle dit.",
 * "— Où ? demande la juge.", the "?" kept) and, when speech goes on
 * after it, a second quote holds the rest.
 */
static bool
speech_para(struct qs *q, size_t from, bool need_incise)
{
	size_t k, end = 0, r;
	struct who w;
	enum inv inv;

	memset(&w, 0, sizeof(w));
	q->qoff = q->t[from].off;
	for (k = from; k < q->nt; k++) {
		if (!incise_mark(q, k))
			continue;
		if (incise_at(q, k + 1, &w, &end, &inv) && w.how != WHO_NONE &&
		    (inv != INV_NONE || is_clause_end(q, end)))
			break;
		memset(&w, 0, sizeof(w));
	}
	if (k >= q->nt) {
		if (need_incise)
			return false;
		/* "La juge demande :" then "— Où est l’argent ?" */
		if (q->hascolon && q->colonpos + 1 == q->pos)
			w = q->colon;
		emit(q, q->s, q->t[from].off, q->n, q->block, &w);
		scan_mentions(q, 0, q->nt, true);
		return true;
	}
	emit(q, q->s, q->t[from].off, punct(q, k) == ',' ? q->t[k].off :
	    tok_end(q, k), q->block, &w);
	scan_mentions(q, 0, k, true);
	note_speaker(q, &w);
	for (r = end; r < q->nt; r++)
		if (punct(q, r) == '.' || punct(q, r) == '!' ||
		    punct(q, r) == '?')
			break;
	scan_mentions(q, k, r, false);
	if (r + 1 < q->nt) {
		emit(q, q->s, q->t[r + 1].off, q->n, q->block, &w);
		scan_mentions(q, r + 1, q->nt, true);
	}
	return true;
}

/*
 * Whether a paragraph opening with a dash is a line of dialogue: it ends
 * like a sentence.  Not a signature ("— Elon Musk (@elonmusk) March 16,
 * 2020" under an embedded tweet), a caption or a title.
 */
static bool
dialogue(const struct qs *q)
{
	size_t j;
	uint32_t c = q->t[q->nt - 1].cp;

	for (j = 0; j < q->nt; j++)
		if (q->t[j].cp == '@')
			return false;
	return c == '.' || c == '!' || c == '?' || c == 0x2026 ||
	    c == 0xBB || c == 0x201D;
}

/*
 * "« … » Cette petite phrase d'Arnaud Montebourg": the sentence after the
 * quote names the words' owner.  c is the quote's closing mark.
 */
static bool
words_of(struct qs *q, size_t c, struct who *w)
{
	size_t j = c + 1, end;

	while (j < q->nt && !is_word(q, j) && j < c + 3)
		j++;
	if (!tok_in(q, j, QW_DEMONSTRATIVES))
		return false;
	if (tok_in(q, ++j, QW_ADJECTIVES))
		j++;
	if (!tok_in(q, j, QW_SPEECHNOUNS))
		return false;
	j++;
	if (strcmp(F(q, j), "d'") != 0 && strcmp(F(q, j), "de") != 0)
		return false;
	if (!name_who(q, j + 1, w, &end)) {
		memset(w, 0, sizeof(*w));
		return false;
	}
	return true;
}

/*
 * "« … » sanitaire (…), note aussi la Drees.": a quote inside a sentence
 * that ends with an incise after a comma is said by that incise's
 * subject.  c is the quote's closing mark; a later quote of the sentence
 * has its own incise.
 */
static bool
sentence_incise(struct qs *q, size_t c, struct who *w)
{
	size_t k, e, end;
	enum inv inv;
	uint32_t p;

	for (e = c + 1; e < q->nt && e < c + MAXREACH; e++) {
		p = punct(q, e);
		if (p == '.' || p == '!' || p == '?' || p == 0x2026)
			break;
		if (p == 0xAB || p == 0x201C || p == 0x201E || p == '"')
			return false;
	}
	if (e == c + MAXREACH)
		return false;
	for (k = c + 1; k < e; k++) {
		if (punct(q, k) != ',')
			continue;
		memset(w, 0, sizeof(*w));
		if (incise_at(q, k + 1, w, &end, &inv) && w->how == WHO_SOME &&
		    end == e)
			return true;
	}
	memset(w, 0, sizeof(*w));
	return false;
}

/*
 * "Elle s’est posée en faveur d’une « intégration … »": with no cue at
 * all, words quoted inside a sentence that opens with "il" or "elle"
 * are those of the person it stands for.  A guess.
 */
static void
pronoun_holder(struct qs *q, size_t ss, struct who *w)
{
	static const char *const impersonal[] = {
		"s'", "faut", "fallait", "y", "semble", "semblait", "reste",
		"restait", "suffit", "paraît", NULL
	};
	const char *f = F(q, ss);
	size_t i;

	if (strcmp(f, "il") != 0 && strcmp(f, "elle") != 0)
		return;
	/* "Il s’agit de « … »", "Il faut « … »": no one. */
	for (i = 0; strcmp(f, "il") == 0 && impersonal[i] != NULL; i++)
		if (strcmp(F(q, ss + 1), impersonal[i]) == 0)
			return;
	resolve_pronoun(q, w, pronoun_gender(q, ss));
	if (w->how == WHO_SOME)
		w->guessed = true;
}

/* "C’est …", "Cela …": a sentence opening with "ce" as its subject. */
static bool
goes_on_about(const struct qs *q, size_t ss)
{
	const char *f = F(q, ss);

	return strcmp(f, "c'") == 0 || strcmp(f, "ce") == 0 ||
	    strcmp(f, "cela") == 0 || strcmp(f, "ça") == 0;
}

/*
 * Attribute and emit span i of this paragraph; lo is the first token
 * after the previous span, prev its speaker.
 */
/*
 * An interview's topic run into the answer: "Sur la réforme de l'État
 * « Je pense … »", words with no verb and no punctuation before the
 * quotation; the answer is the one interviewed, as if the quotation
 * opened the sentence.
 */
static bool
topic_lead(const struct qs *q, size_t ss, size_t o)
{
	struct vgroup vg;
	size_t j;

	if (o <= ss + 1 || o - ss > 12 || strcmp(F(q, ss), "sur") != 0)
		return false;
	/* A heading: words only, no clause ("Sur le budget, il a …"). */
	for (j = ss + 1; j < o; j++)
		if (!is_word(q, j) || tok_in(q, j, QW_AUXES) ||
		    tok_in(q, j, QW_SUBJECTS) ||
		    (!noun_context(q, j) && verb_group(q, j, &vg)))
			return false;
	return true;
}

/* "En revanche, « … »": only a connective and its comma before the span. */
static bool
connective_lead(const struct qs *q, size_t ss, size_t o)
{
	size_t j;
	bool seen = false;

	if (o < ss + 2 || o - ss > 4 || punct(q, o - 1) != ',')
		return false;
	for (j = ss; j + 1 < o; j++) {
		if (!is_word(q, j))
			return false;
		if (tok_in(q, j, QW_CONNECTIVES))
			seen = true;
		else if (!tok_in(q, j, QW_FUNCWORDS))
			return false;
	}
	return seen;
}

/*
 * "« … », a ajouté X": X said the quotation before too, when that one,
 * in the same paragraph, has no speaker ("sans nouvelles « de plus de
 * 200 » personnes. « … », a ajouté Laurent Fabius").
 */
static void
added_to(struct qs *q, const struct who *w)
{
	struct ap_quote *p;

	if (q->nq == 0)
		return;
	p = &q->q[q->nq - 1];
	if (p->block != q->block || (p->speaker != NULL && !q->lastguess))
		return;
	p->speaker = dup_or_null(q, w->name, w->len);
	p->speaker_role = p->speaker != NULL ?
	    dup_or_null(q, w->role, w->rlen) : NULL;
	p->evidence = p->speaker != NULL ?
	    "an incise after the next quotation" : NULL;
}

static void
do_span(struct qs *q, size_t i, size_t lo, struct who *prev)
{
	const struct span *sp = &q->sp[i];
	size_t o = sp->o, k, ss, nw;
	struct who w;
	bool inner = false, guess = false;

	q->qoff = q->t[o].off;
	q->qtext = q->s + sp->ts;
	q->qlen = sp->te - sp->ts;
	q->adds = false;
	if (sp->c == SIZE_MAX || !after_incise(q, sp->c, &w))
		if (!(inner = inner_incise(q, o, sp->c, &w)))
			lead_in(q, o, lo, prev, &w);
	/* «A» et «B», dit X: a later incise of the same sentence. */
	for (k = i + 1; w.how == WHO_NONE && k < q->nsp && k < i + 8; k++) {
		if (q->sp[k].c == SIZE_MAX || sentence_start(q, q->sp[k].o,
		    q->sp[k - 1].c + 1) != q->sp[k - 1].c + 1)
			break;
		after_incise(q, q->sp[k].c, &w);
	}
	if (w.how == WHO_NONE && sp->c != SIZE_MAX)
		(void)words_of(q, sp->c, &w);
	if (w.how == WHO_NONE && sp->c != SIZE_MAX)
		(void)sentence_incise(q, sp->c, &w);
	nw = count_words(q->s + sp->ts, sp->te - sp->ts);
	if (w.how == WHO_NONE) {
		ss = sentence_start(q, o, lo);
		if (i > 0 && ss == lo && lo < o)
			w = *prev;	/* same sentence as the last quote */
		else if ((ss == o || topic_lead(q, ss, o) ||
		    connective_lead(q, ss, o) ||
		    punct(q, o - 1) == ':') && nw >= AP_QUOTE_MINWORDS) {
			implicit(q, ss, &w);
			guess = true;
		}
		if (w.how == WHO_NONE)
			document_subject(q, ss, o, &w);
		/* "…, disait Esope. C’est la source « … »": a sentence
		 * that goes on about the words before, not one with a
		 * subject of its own; a guess, which an "a ajouté X"
		 * after it overrides. */
		if (w.how == WHO_NONE && ss < o)
			pronoun_holder(q, ss, &w);
		if (w.how == WHO_NONE && ss < o && ss > 0 &&
		    goes_on_about(q, ss) &&
		    closing_source(q, sentence_start(q, ss - 1,
		    ss > MAXREACH ? ss - MAXREACH : 0), ss, &w))
			w.guessed = true;
	}
	/* Not when the incise inside the span names the speaker. */
	if (!inner && w.how == WHO_SOME && w.person &&
	    named_in_quote(q, w.name, w.len)) {
		memset(&w, 0, sizeof(w));
		/* A paragraph that is one quotation naming the one quoted
		 * before answers them: the other person named nearby. */
		if (guess && quote_only(q))
			subject_nearby(q, &w);
	}
	q->qtext = NULL;
	if (q->adds && w.how == WHO_SOME)
		added_to(q, &w);
	note_speaker(q, &w);
	*prev = w;
	if (nw >= AP_QUOTE_MINWORDS)
		emit(q, q->s, sp->ts, sp->te, q->block, &w);
}

/* Append a part of a quote running over paragraphs. */
static void
carry_put(struct qs *q, size_t b, size_t e)
{
	trim(q->s, &b, &e);
	if (b >= e)
		return;
	if (q->carry.len > 0)
		ap_buf_putc(&q->carry, ' ');
	ap_buf_put(&q->carry, q->s + b, e - b);
}

/* Quotes of one text: the headline, the standfirst or a body item. */
static void
text_quotes(struct qs *q, const char *s, size_t pos, size_t block,
    bool body, enum ap_btype type)
{
	size_t i, j, lo, o, end;
	const struct span *sp;
	struct who w, none, prev;
	bool inside = false, cont = false;

	q->s = s;
	q->n = strlen(s);
	q->pos = pos;
	q->block = block;
	tokenize(q);
	memset(&none, 0, sizeof(none));
	memset(&prev, 0, sizeof(prev));
	if (q->nt == 0)
		return;
	if (q->open) {
		/* Continued: opens with «, or closes a » before any «. */
		if (q->t[0].cp == 0xAB)
			cont = true;
		else {
			for (j = 0; j < q->nt; j++)
				if (q->t[j].cp == 0xAB || q->t[j].cp == 0xBB)
					break;
			inside = cont = j < q->nt && q->t[j].cp == 0xBB;
		}
		if (!cont)
			flush_carry(q, &none);
	}
	if (body && !cont && (q->t[0].cp == 0x2014 || q->t[0].cp == 0x2013) &&
	    q->nt > 1 && (q->t[1].fl & TK_SPACE) && !quote_only(q)) {
		if (dialogue(q))
			speech_para(q, 1, false);
		else
			scan_mentions(q, 0, q->nt, false);
		return;
	}
	find_spans(q, inside);
	if (body && type == AP_BODY_QUOTE && q->nsp == 0 &&
	    speech_para(q, 0, true))
		return;
	lo = 0;
	for (i = 0; i < q->nsp; i++) {
		sp = &q->sp[i];
		o = sp->o == SIZE_MAX ? 0 : sp->o;
		scan_mentions(q, lo, o, false);
		end = sp->c == SIZE_MAX ? q->nt : sp->c;
		q->qoff = q->t[o].off;
		if (i == 0 && cont) {
			carry_put(q, sp->ts, sp->te);
			if (q->cwho.how == WHO_NONE)
				inner_incise(q, o, end, &q->cwho);
			if (sp->c != SIZE_MAX) {
				after_incise(q, sp->c, &w);
				flush_carry(q, &w);
			}
		} else if (sp->c == SIZE_MAX && body && q->t[o].cp == 0xAB) {
			/* Runs on into the next paragraph, maybe. */
			q->open = true;
			q->cpos = pos;
			q->cblock = block;
			ap_buf_truncate(&q->carry, 0);
			carry_put(q, sp->ts, sp->te);
			if (!inner_incise(q, o, q->nt, &q->cwho) &&
			    !lead_in(q, o, lo, &prev, &q->cwho) &&
			    sentence_start(q, o, lo) == o)
				implicit(q, o, &q->cwho);
		} else
			do_span(q, i, lo, &prev);
		scan_mentions(q, sp->o == SIZE_MAX ? 0 : o + 1, end, true);
		lo = end < q->nt ? end + 1 : q->nt;
	}
	scan_mentions(q, lo, q->nt, false);
	/*
	 * "Mardi, la principale, Hélène Marchand, a lu une déclaration :"
	 * leads in the quote opening the next text, like a ":" before «.
	 */
	if (!q->open && lo < q->nt && punct(q, q->nt - 1) == ':') {
		q->qoff = q->t[q->nt - 1].off;
		if (lead_in(q, q->nt, lo, &prev, &w) && w.how != WHO_NONE) {
			q->colon = w;
			q->colonpos = pos;
			q->hascolon = true;
		}
	} else if (!q->open && lo < q->nt && body &&
	    announces_quotes(q, lo, &w)) {
		q->colon = w;
		q->colonpos = pos;
		q->hascolon = true;
	}
	/* Only body paragraphs run on into the next. */
	if (!body)
		flush_carry(q, &none);
}

/* Quotes of one text, and whether a list of quotations goes on. */
static void
do_text(struct qs *q, const char *s, size_t pos, size_t block, bool body,
    enum ap_btype type)
{
	bool led = q->hascolon && q->colonpos + 1 == pos;

	text_quotes(q, s, pos, block, body, type);
	/* A list of quotations after "Voici ses déclarations :" */
	if (led && q->colonpos + 1 == pos && q->nt > 0 && quote_only(q))
		q->colonpos = pos;
}

/*
 * A speaker given by surname only ("Milquet", "Van Damme") before the
 * article names the person in full (a quote in the headline, named in
 * the body) gets the full name, once every person of the article is
 * known.
 */
static void
complete_surnames(struct qs *q)
{
	const struct person *p;
	struct ap_quote *qt;
	size_t i, n;
	uint32_t cp;

	for (i = 0; i < q->nq; i++) {
		qt = &q->q[i];
		if (qt->speaker == NULL)
			continue;
		n = strlen(qt->speaker);
		cp = ap_utf8_next(qt->speaker, n, &(size_t){0});
		if (!ap_is_upper(cp) || count_words(qt->speaker, n) > 2)
			continue;
		p = expand(q, qt->speaker, n, true);
		if (p != NULL)
			qt->speaker = ap_strndup(q->a, p->name, p->len);
	}
}

/*
 * Whether the words from token j spell the acronym a[0..n) ("Parti
 * socialiste" for "PS", "La République En Marche" for "LREM"): each
 * letter the initial of the next word, small words between them
 * skipped.  The end of the words in *endp.
 */
static bool
spells(const struct qs *q, size_t j, const char *a, size_t n, size_t *endp)
{
	size_t i = 0, k = j;

	if (!is_cap(q, j) || (q->t[j].fl & TK_ALLCAP))
		return false;
	while (i < n && is_word(q, k)) {
		if (F(q, k)[0] == (char)(a[i] - 'A' + 'a'))
			i++;
		else if (i == 0 || !is_func(q, k))
			return false;
		k++;
	}
	*endp = k;
	return i == n && k > j + 1;
}

/*
 * The name an acronym a[0..n) stands for in text s, NULL when none or
 * when two names do: one the words spell, that no person holds.
 */
static const char *
spelled_in(struct qs *q, const char *s, const char *a, size_t n,
    const char *found, size_t *flen)
{
	size_t j, e, len;
	const char *name;

	q->s = s;
	q->n = strlen(s);
	tokenize(q);
	for (j = 0; j < q->nt; j++) {
		if (!spells(q, j, a, n, &e))
			continue;
		name = s + q->t[j].off;
		len = tok_end(q, e - 1) - q->t[j].off;
		if (known_person(q, name, len))
			continue;
		if (found != NULL && (len != *flen ||
		    memcmp(found, name, len) != 0))
			return NULL;
		found = name;
		*flen = len;
	}
	return found;
}

/* Text b of the article: 0 headline, 1 standfirst, 2 + body index. */
static const char *
text_at(const struct ap_article *art, size_t b)
{
	if (b == 0)
		return art->headline;
	if (b == 1)
		return art->standfirst;
	return b - 2 < art->nbody ? art->body[b - 2].text : NULL;
}

#define NACRONYM	16	/* acronyms spelled out per article */

/* What the texts read so far spell an acronym out with. */
struct spelling {
	char		 acr[8];
	size_t		 done;	/* texts read (text_at() indices) */
	const char	*name;	/* NULL: none yet, or two when "two" */
	size_t		 len;
	bool		 two;
};

/*
 * The name the article spells acronym sp->acr out with in its texts
 * before "upto", NULL when none or when it spells two.  Reads on from
 * where the last call stopped, so each acronym reads the article once.
 */
static const char *
spelled_out(struct qs *q, const struct ap_article *art, struct spelling *sp,
    size_t upto)
{
	const char *t, *got;
	size_t n = strlen(sp->acr);

	for (; sp->done < upto && !sp->two; sp->done++) {
		if ((t = text_at(art, sp->done)) == NULL)
			continue;
		got = spelled_in(q, t, sp->acr, n, sp->name, &sp->len);
		if (got == NULL && sp->name != NULL)
			sp->two = true;
		else
			sp->name = got;
	}
	return sp->two ? NULL : sp->name;
}

/* The spelling state of acronym a[0..n), NULL when the table is full. */
static struct spelling *
spelling_of(struct spelling *tab, size_t *ntab, const char *a, size_t n)
{
	size_t i;

	for (i = 0; i < *ntab; i++)
		if (strlen(tab[i].acr) == n && memcmp(tab[i].acr, a, n) == 0)
			return &tab[i];
	if (*ntab == NACRONYM)
		return NULL;
	memset(&tab[*ntab], 0, sizeof(tab[*ntab]));
	memcpy(tab[*ntab].acr, a, n);
	return &tab[(*ntab)++];
}

/*
 * "écrit le PS": a speaker given as an acronym after its article takes
 * the name the article spells it out with up to the quote ("le Parti
 * socialiste"), when it gives one and only one.
 */
static void
expand_acronyms(struct qs *q, const struct ap_article *art)
{
	struct spelling tab[NACRONYM], *sp;
	struct ap_quote *qt;
	const char *acr, *name;
	size_t i, n, k, len, art_len, ntab = 0;
	char *out;

	for (i = 0; i < q->nq; i++) {
		qt = &q->q[i];
		if (qt->speaker == NULL)
			continue;
		acr = qt->speaker;
		n = strlen(acr);
		strip_article(&acr, &n);
		art_len = (size_t)(acr - qt->speaker);
		if (art_len == 0 || n < 2 || n > 6)
			continue;
		for (k = 0; k < n && acr[k] >= 'A' && acr[k] <= 'Z'; k++)
			;
		if (k < n || (sp = spelling_of(tab, &ntab, acr, n)) == NULL)
			continue;
		name = spelled_out(q, art, sp, qt->block == AP_QUOTE_HEADLINE ?
		    1 : qt->block == AP_QUOTE_STANDFIRST ? 2 : qt->block + 3);
		if (name == NULL)
			continue;
		len = sp->len;
		/* "La République En Marche" brings its own article. */
		k = len;
		strip_article(&(const char *){name}, &k);
		if (k != len)
			art_len = 0;
		out = ap_alloc(q->a, art_len + len + 1);
		memcpy(out, qt->speaker, art_len);
		memcpy(out + art_len, name, len);
		out[art_len + len] = '\0';
		qt->speaker = out;
	}
}

#define PULL_WORDS	15	/* words of a subhead that pulls a quote */
#define PULL_REACH	8	/* body items its source may lie ahead */

/*
 * Whether body item i is a subhead made of a quotation ("« Un animal
 * politique »", "« Peu de garanties » sur l’emploi"): short, for a pull
 * quote repeats words the article quotes further down.
 */
static bool
pull_quote_at(const struct ap_article *art, size_t i)
{
	const char *s;

	if (i >= art->nbody || (s = art->body[i].text) == NULL)
		return false;
	return art->body[i].type == AP_BODY_HEADING ||
	    count_words(s, strlen(s)) <= PULL_WORDS;
}

/* Whether b[0..bn) holds the word w[0..n) whole. */
static bool
holds_word(const char *b, size_t bn, const char *w, size_t n)
{
	size_t at, k;

	for (at = 0; at + n <= bn; at++)
		if (memcmp(b + at, w, n) == 0 &&
		    (at == 0 || !is_alnum(cp_before(b, at, &k))) &&
		    (at + n == bn || !is_alnum(cp_at(b, bn, at + n, &k))))
			return true;
	return false;
}

/*
 * Whether folded text b holds every word of four bytes or more of folded
 * text a, and a has two such words at least: "un animal politique, une
 * bête de scène" in "l'animal politique … avec la bête de scène".
 */
static bool
holds_words(const char *a, const char *b)
{
	size_t an = strlen(a), bn = strlen(b), i = 0, j, k, nw = 0;

	while (i < an) {
		for (j = i; j < an && is_alnum(cp_at(a, an, j, &k)); j += k)
			;
		if (j == i) {
			(void)cp_at(a, an, i, &k);
			i += k;
			continue;
		}
		if (j - i >= 4) {
			if (!holds_word(b, bn, a + i, j - i))
				return false;
			nw++;
		}
		i = j;
	}
	return nw >= 2;
}

/*
 * A pull quote is said by whoever says its words in the paragraphs below
 * it: the first later quotation holding them (case aside) gives the
 * speaker, whatever was carried over to the subhead itself; failing
 * that, the first one holding all its longer words (a pull quote may
 * abridge the words it repeats).
 */
static void
pull_quotes(struct qs *q, const struct ap_article *art)
{
	struct ap_quote *p, *src, *loose;
	size_t i, k, at, bt;

	for (i = 0; i < q->nq; i++) {
		p = &q->q[i];
		if (!pull_quote_at(art, p->block))
			continue;
		loose = NULL;
		for (k = i + 1; k < q->nq; k++) {
			src = &q->q[k];
			if (src->block >= art->nbody ||
			    src->block > p->block + PULL_REACH)
				break;
			if (src->block == p->block || src->speaker == NULL)
				continue;
			ap_buf_truncate(&q->fold, 0);
			at = fold_into(q, p->text, strlen(p->text));
			bt = fold_into(q, src->text, strlen(src->text));
			if (strstr(q->fold.p + bt, q->fold.p + at) == NULL) {
				if (loose == NULL && holds_words(q->fold.p +
				    at, q->fold.p + bt))
					loose = src;
				continue;
			}
			loose = src;
			break;
		}
		if (loose != NULL) {
			p->speaker = loose->speaker;
			p->speaker_role = loose->speaker_role;
			p->evidence = "a pull quote of a quotation below";
		}
	}
}

void
ap_quotes_find(struct ap_doc *d)
{
	struct ap_article *art = &d->art;
	struct qs q;
	struct who none;
	size_t i;

	memset(&q, 0, sizeof(q));
	memset(&none, 0, sizeof(none));
	q.a = &d->arena;
	ap_buf_init(&q.fold, q.a);
	ap_buf_init(&q.carry, q.a);
	if (art->headline != NULL)
		do_text(&q, art->headline, 0, AP_QUOTE_HEADLINE, false,
		    AP_BODY_HEADING);
	if (art->standfirst != NULL)
		do_text(&q, art->standfirst, 1, AP_QUOTE_STANDFIRST, false,
		    AP_BODY_PARAGRAPH);
	for (i = 0; i < art->nbody; i++)
		if (art->body[i].text != NULL)
			do_text(&q, art->body[i].text, i + 2, i, true,
			    art->body[i].type);
	flush_carry(&q, &none);
	pull_quotes(&q, art);
	complete_surnames(&q);
	expand_acronyms(&q, art);
	art->quotes = q.q;
	art->nquotes = q.nq;
	ap_buf_fini(&q.fold);
	ap_buf_fini(&q.carry);
	ap_big_free(q.a, q.t);
	ap_big_free(q.a, q.sp);
}
