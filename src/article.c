/* SPDX-License-Identifier: ISC */
/*
 * From labelled blocks to the article: headline, authors with roles,
 * publication date, standfirst, body, related titles with summaries.
 * Structured metadata (HTML head, JSON-LD) wins over guesses from text.
 */
#include <string.h>

#include "buf.h"
#include "classify.h"
#include "dates.h"
#include "doc.h"
#include "lexicon.h"
#include "uri.h"
#include "utf8.h"

#define MAX_AUTHORS 16

struct authors {
	struct ap_author v[MAX_AUTHORS];
	size_t		 n;
};

static bool
same_name(const char *a, const char *b)
{
	char fa[128], fb[128];

	ap_fold(a, strlen(a), fa, sizeof(fa));
	ap_fold(b, strlen(b), fb, sizeof(fb));
	return strcmp(fa, fb) == 0;
}

static struct ap_author *
add_author(struct ap_doc *d, struct authors *as, const char *s, size_t n)
{
	char *name;
	size_t i;

	name = ap_strndup(&d->arena, s, n);
	for (i = 0; i < as->n; i++)
		if (same_name(as->v[i].name, name))
			return &as->v[i];
	if (as->n == MAX_AUTHORS)
		return NULL;
	as->v[as->n].name = name;
	as->v[as->n].role = NULL;
	return &as->v[as->n++];
}

/* Whether s[0..n) ends with an initial's letters ("B", "La") after a
 * space: a name's last initial, its full stop at s[n]. */
static bool
ends_initial(const char *s, size_t n)
{
	size_t i = n;

	while (i > 0 && n - i < 2 && s[i - 1] >= 'a' && s[i - 1] <= 'z')
		i--;
	return i >= 2 && s[i - 1] >= 'A' && s[i - 1] <= 'Z' &&
	    s[i - 2] == ' ';
}

/* Trim spaces and the punctuation that glues bylines together. */
static void
trim_piece(const char **s, size_t *n)
{
	size_t k;
	uint32_t cp;

	while (*n > 0) {
		cp = ap_utf8_next(*s, *n, &k);
		if (!ap_is_space(cp) && cp != ',' && cp != '(' && cp != ')' &&
		    cp != ';' && cp != ':' && cp != '-' && cp != 0x2013 &&
		    cp != 0x2014 && cp != '/')
			break;
		*s += k;
		*n -= k;
	}
	while (*n > 0) {
		cp = ap_utf8_prev(*s, *n, &k);
		if (!ap_is_space(cp) && cp != ',' && cp != '(' && cp != ')' &&
		    cp != ';' && cp != ':' && cp != '.' && cp != '-' &&
		    cp != 0x2013 && cp != 0x2014 && cp != '/')
			break;
		if (cp == '.' && ends_initial(*s, *n - 1))
			break;	/* "Karim B.", "J. La." keep their stop */
		*n -= k;
	}
}

/*
 * Byte length in s of a leading cue of class c.  Folding maps one code
 * point to one, and block text has single spaces, so the cue's length in
 * code points is its length in the original.
 */
static size_t
strip_cue(const char *s, size_t n, enum ap_cue c)
{
	char fold[256];
	size_t clen, cps, i, k;

	ap_fold(s, n, fold, sizeof(fold));
	if ((clen = ap_cue_prefix(fold, c)) == 0)
		return 0;
	cps = ap_utf8_count(fold, clen);
	for (i = 0; i < n && cps > 0; cps--) {
		ap_utf8_next(s + i, n - i, &k);
		i += k;
	}
	return i;
}

static bool
is_separator(const char *s, size_t n, size_t i, size_t *skip)
{
	static const char *const seps[] = {
		" et ", " and ", " avec ", ", ", " & ", " / ", " | ", " > ",
		" >\xc2\xa0",
		" \xe2\x80\xa2 ", " ; ", "(", ")",
		/* "Par A – 2 février 2024": dashes between spaces */
		" \xe2\x80\x93 ", " \xe2\x80\x94 ", " - ", NULL
	};
	size_t j, k;

	for (j = 0; seps[j] != NULL; j++) {
		k = strlen(seps[j]);
		if (i + k <= n && strncmp(s + i, seps[j], k) == 0) {
			*skip = k;
			return true;
		}
	}
	return false;
}

static bool
piece_is_role(const char *s, size_t n)
{
	char fold[128];
	size_t k;
	uint32_t first = ap_utf8_next(s, n, &k);

	ap_fold(s, n, fold, sizeof(fold));
	return ap_cue_prefix(fold, CUE_ROLE) > 0 || ap_is_lower(first);
}

/* Whether the '.' at s[i] ends "Le Monde.fr", "Slate.com": a domain's
 * last label, two or three lower-case letters closing the piece. */
static bool
site_suffix(const char *s, size_t n, size_t i)
{
	size_t k;

	if (s[i] != '.' || i == 0 || n - i - 1 < 2 || n - i - 1 > 3)
		return false;
	for (k = i + 1; k < n; k++)
		if (s[k] < 'a' || s[k] > 'z')
			return false;
	return true;
}

/* Whether the '.' at s[i] closes the piece after an initial: "Karim B.",
 * "J. La." */
static bool
closing_initial(const char *s, size_t n, size_t i)
{
	return s[i] == '.' && i + 1 == n && ends_initial(s, i);
}

/*
 * "Nicolas Gutierrez le 14.09.2020 à 11h46": the length of what comes
 * before the date and its "le", 0 when the piece opens with the date.
 */
static size_t
before_date(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && !(s[i] >= '0' && s[i] <= '9'))
		i++;
	while (i > 0 && s[i - 1] == ' ')
		i--;
	if (i >= 3 && (strncmp(s + i - 3, " le", 3) == 0 ||
	    strncmp(s + i - 3, " Le", 3) == 0))
		i -= 3;
	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == ','))
		i--;
	return i;
}

static bool
piece_is_name(const char *s, size_t n)
{
	char fold[128];
	size_t k, words = 1, i;
	uint32_t first = ap_utf8_next(s, n, &k);

	ap_fold(s, n, fold, sizeof(fold));
	if (ap_cue_whole(fold, CUE_AGENCY))
		return true;
	if (ap_cue_prefix(fold, CUE_UPDATED) > 0)
		return false;
	for (i = 0; i < n; i++) {
		if (s[i] == ' ')
			words++;
		if ((unsigned char)s[i] < 0x80 && strchr("0123456789@:.!?",
		    s[i]) != NULL && !(s[i] == '.' && i >= 1 && i + 1 < n &&
		    s[i + 1] == ' ') && !site_suffix(s, n, i) &&
		    !closing_initial(s, n, i))
			return false;
	}
	/* One capitalised word is a place or a desk, not a person. */
	return ap_is_upper(first) && words >= 2 && words <= 5;
}

/*
 * "LAURE BRETTON Envoyés spéciaux à Toulouse": the length of the name in
 * capitals (two words or more) that opens a piece going on in lower
 * case, its role; 0 when the piece is not so.
 */
static size_t
caps_name_len(const char *s, size_t n)
{
	size_t i = 0, k, words = 0, end = 0;
	uint32_t c;
	bool upper, letters;

	while (i < n) {
		upper = true;
		letters = false;
		while (i < n && s[i] != ' ') {
			c = ap_utf8_next(s + i, n - i, &k);
			upper &= !ap_is_lower(c);
			letters |= ap_is_upper(c);
			i += k > 0 ? k : 1;
		}
		if (!upper || !letters)
			break;
		words++;
		end = i;
		while (i < n && s[i] == ' ')
			i++;
	}
	return words >= 2 && end + 1 < n && s[end] == ' ' ? end : 0;
}

static size_t	cue_segment(const char *, size_t);
static void	parse_names(struct ap_doc *, struct authors *, const char *,
		    size_t);

/*
 * Split one byline into authors: "Par A et B", "A, journaliste",
 * "Le Monde avec AFP", "Site | 04.05.2015 | Par A (avec B et C)".
 */
static void
parse_byline(struct ap_doc *d, struct authors *as, const char *s, size_t n)
{
	size_t from = cue_segment(s, n);

	s += from;
	n -= from;
	parse_names(d, as, s, n);
}

/*
 * With authors from the metadata, a visible byline that names one of
 * them adds the agencies it credits beside them: "Par LIBERATION, AFP"
 * under a JSON-LD author "LIBERATION".
 */
static void
add_agencies(struct ap_doc *d, struct authors *as, const char *s, size_t n)
{
	struct authors seen = { .n = 0 };
	char line[256], name[128];
	size_t i, k;
	bool ours = false;

	ap_fold(s, n, line, sizeof(line));
	for (k = 0; k < as->n && !ours; k++) {
		ap_fold(as->v[k].name, strlen(as->v[k].name), name,
		    sizeof(name));
		ours = strlen(name) >= 3 && strstr(line, name) != NULL;
	}
	if (!ours)
		return;
	parse_byline(d, &seen, s, n);
	for (i = 0; i < seen.n; i++) {
		ap_fold(seen.v[i].name, strlen(seen.v[i].name), name,
		    sizeof(name));
		if (ap_cue_whole(name, CUE_AGENCY))
			(void)add_author(d, as, seen.v[i].name,
			    strlen(seen.v[i].name));
	}
}

/* Whether the folded line holds the name, folded. */
static bool
named_in(const char *line, const char *name)
{
	char f[128];

	ap_fold(name, strlen(name), f, sizeof(f));
	return strlen(f) >= 3 && strstr(line, f) != NULL;
}

/* Whether a name is part of one of the authors ("Le Monde" of "Le
 * Monde.fr"). */
static bool
within(const struct authors *as, const char *name)
{
	char f[128], g[128];
	size_t i;

	ap_fold(name, strlen(name), f, sizeof(f));
	for (i = 0; i < as->n; i++) {
		ap_fold(as->v[i].name, strlen(as->v[i].name), g, sizeof(g));
		if (strstr(g, f) != NULL)
			return true;
	}
	return false;
}

/* Put an author before the others, as the metadata named it first. */
static void
shown_first(struct authors *as, const struct ap_author *a)
{
	if (as->n == MAX_AUTHORS)
		return;
	memmove(as->v + 1, as->v, as->n * sizeof(as->v[0]));
	as->v[0] = *a;
	as->n++;
}

/* "Journaliste • Vincent Reynier": a role, then the credit's names. */
static bool
opens_with_role(const char *s, size_t n)
{
	size_t i = 0, skip;

	while (i < n && !is_separator(s, n, i, &skip))
		i++;
	return i < n && piece_is_role(s, i) && !piece_is_name(s, i);
}

/*
 * Metadata that credits only the site itself ("Le Monde") gives way to
 * the first visible byline with a cue ("Le Monde | 20.06.2011 | Par
 * Jeanne Roy", "Le Monde.fr avec AFP"), when that names anyone.
 */
static bool
credit_over_site(struct ap_doc *d, struct authors *as,
    const struct ap_block *b)
{
	struct authors shown = { .n = 0 };
	char line[256];
	size_t from = cue_segment(b->text, b->len), i;

	parse_byline(d, &shown, b->text, b->len);
	if (shown.n == 0)
		return false;
	/* The site stays where the byline names it on its own: "Par
	 * LIBERATION, AFP" (one word is no name to the parser). */
	ap_fold(b->text + from, b->len - from, line, sizeof(line));
	for (i = as->n; i-- > 0;)	/* first stays first */
		if (named_in(line, as->v[i].name) && !within(&shown,
		    as->v[i].name))
			shown_first(&shown, &as->v[i]);
	*as = shown;
	return true;
}

/*
 * In "Le Monde | 04.05.2015 | Par A (avec B)" the names follow the "Par"
 * cue: the site before it is not an author.  Returns the cue's offset.
 */
static size_t
cue_segment(const char *s, size_t n)
{
	size_t i;
	char fold[16];

	for (i = 1; i + 4 < n; i++) {
		if (s[i - 1] != ' ' || (s[i] != 'P' && s[i] != 'p'))
			continue;
		ap_fold(s + i, 4, fold, sizeof(fold));
		if (strcmp(fold, "par ") == 0 && (strstr(s, " | ") != NULL ||
		    strstr(s, " \xe2\x80\xa2 ") != NULL))
			return i;
	}
	return 0;
}

static void
parse_names(struct ap_doc *d, struct authors *as, const char *s, size_t n)
{
	struct ap_author *last = NULL;
	size_t i = 0, start, skip, len;
	const char *p;

	while (i <= n) {
		start = i;
		while (i < n && !is_separator(s, n, i, &skip))
			i++;
		p = s + start;
		len = i - start;
		trim_piece(&p, &len);
		/* Drop the "Par", "Propos recueillis par", "avec" lead-ins. */
		if (len > 5 && strncmp(p, "avec ", 5) == 0) {
			p += 5;
			len -= 5;
		}
		if ((skip = strip_cue(p, len, CUE_BYLINE)) > 0) {
			p += skip;
			len -= skip;
			trim_piece(&p, &len);
		}
		if (len > 0) {
			char fold[128];
			char date[AP_DATE_MAX];
			size_t at, end, k;

			ap_fold(p, len, fold, sizeof(fold));
			if (ap_cue_prefix(fold, CUE_UPDATED) > 0)
				last = NULL;
			else if (ap_date_find(fold, date, &at, &end)) {
				k = before_date(p, len);
				last = k > 0 && piece_is_name(p, k) ?
				    add_author(d, as, p, k) : NULL;
			}
			else if ((k = caps_name_len(p, len)) > 0 &&
			    piece_is_name(p, k)) {
				last = add_author(d, as, p, k);
				if (last != NULL && piece_is_role(p + k + 1,
				    len - k - 1))
					last->role = ap_strndup(&d->arena,
					    p + k + 1, len - k - 1);
			} else if (piece_is_name(p, len))
				last = add_author(d, as, p, len);
			else if (last != NULL && last->role == NULL &&
			    piece_is_role(p, len))
				last->role = ap_strndup(&d->arena, p, len);
		}
		if (i >= n)
			break;
		is_separator(s, n, i, &skip);
		i += skip;
	}
}

/* List ids in body order: an item opens a new list when the last body
 * item was no list item or was in another outermost list. */
struct lists {
	size_t		 id;
	unsigned	 last;		/* the front end's list of the last item */
	bool		 open;
};

static struct ap_body *
add_body(struct ap_doc *d, struct lists *ls, const struct ap_block *b,
    enum ap_btype t)
{
	struct ap_article *a = &d->art;
	struct ap_body *o = &a->body[a->nbody++];

	o->type = t;
	o->text = b->text;
	o->spans = b->spans;
	o->nspans = b->nspans;
	if (t != AP_BODY_LISTITEM) {
		ls->open = false;
		return o;
	}
	if (!ls->open || b->list != ls->last)
		ls->id++;
	ls->open = true;
	ls->last = b->list;
	o->list = ls->id;
	o->depth = b->depth > 0 ? b->depth : 1;
	o->ordered = b->ordered;
	return o;
}

static bool
body_kind(enum ap_kind k)
{
	return k == AP_KIND_PARAGRAPH || k == AP_KIND_QUOTE ||
	    k == AP_KIND_SUBHEAD || k == AP_KIND_LISTITEM;
}

/* The blocks [i, *end) of the data table block i opens; whether the
 * classifier put at least half of its cells in the body. */
static bool
table_in_body(const struct ap_doc *d, size_t i, size_t *end)
{
	unsigned t = d->blocks[i].table;
	size_t cells = 0, body = 0;

	for (; i < d->nblocks && d->blocks[i].table == t; i++) {
		if (d->blocks[i].row == 0)
			continue;
		cells++;
		body += body_kind(d->blocks[i].kind);
	}
	*end = i;
	return cells > 0 && body * 2 >= cells;
}

/* Text b appended to *s (cell text or caption), a space between. */
static void
join_text(struct ap_doc *d, const char **s, const struct ap_block *b)
{
	struct ap_buf buf;

	if (*s == NULL || **s == '\0') {
		*s = b->text;
		return;
	}
	ap_buf_init(&buf, &d->arena);
	ap_buf_puts(&buf, *s);
	ap_buf_putc(&buf, ' ');
	ap_buf_put(&buf, b->text, b->len);
	*s = ap_buf_strdup(&buf);
	ap_buf_fini(&buf);
}

/*
 * The body item for the data table of blocks [from, to): rows and cells
 * by their numbers (a cell with no text is ""), its caption, and a text
 * for readers of the text alone: a line per row, " | " between cells.
 */
static void
add_table(struct ap_doc *d, struct lists *ls, size_t from, size_t to)
{
	struct ap_table *t = ap_alloc(&d->arena, sizeof(*t));
	const struct ap_block *b;
	struct ap_cell *cell;
	struct ap_body *o;
	struct ap_buf buf;
	size_t i, r, k, n;

	for (i = from; i < to; i++) {
		b = &d->blocks[i];
		if (b->row > t->nrows)
			t->nrows = b->row;
		if (b->col > t->ncols)
			t->ncols = b->col;
	}
	t->rows = ap_allocarray(&d->arena, t->nrows ? t->nrows : 1,
	    sizeof(*t->rows));
	for (i = from; i < to; i++)
		if (d->blocks[i].row == 0)
			join_text(d, &t->caption, &d->blocks[i]);
	/* Every row as wide as the widest: trailing empty cells leave no
	 * block behind. */
	for (r = 0; r < t->nrows; r++) {
		t->rows[r].ncells = t->ncols;
		t->rows[r].cells = ap_allocarray(&d->arena,
		    t->ncols ? t->ncols : 1, sizeof(*t->rows[r].cells));
		for (k = 0; k < t->rows[r].ncells; k++)
			t->rows[r].cells[k].text = "";
	}
	for (i = from; i < to; i++) {
		b = &d->blocks[i];
		if (b->row == 0 || b->col == 0)
			continue;
		cell = &t->rows[b->row - 1].cells[b->col - 1];
		join_text(d, &cell->text, b);
		cell->header |= b->header;
	}
	ap_buf_init(&buf, &d->arena);
	for (r = 0; r < t->nrows; r++) {
		if (r > 0)
			ap_buf_putc(&buf, '\n');
		/* Up to the last cell with text: no trailing separator. */
		for (n = t->rows[r].ncells; n > 0 &&
		    *t->rows[r].cells[n - 1].text == '\0'; n--)
			continue;
		for (k = 0; k < n; k++)
			ap_buf_printf(&buf, "%s%s", k > 0 ? " | " : "",
			    t->rows[r].cells[k].text);
	}
	o = add_body(d, ls, &d->blocks[from], AP_BODY_TABLE);
	o->text = ap_buf_strdup(&buf);
	o->spans = NULL;
	o->nspans = 0;
	o->table = t;
	ap_buf_fini(&buf);
}

/*
 * The figures, each after the body item built from the blocks emitted
 * before it (nb[i]: body items built from blocks [0, i)).
 */
static void
add_figures(struct ap_doc *d, const size_t *nb)
{
	struct ap_article *a = &d->art;
	const struct ap_dfig *g;
	struct ap_figure *f;
	size_t i;

	a->figures = ap_allocarray(&d->arena, d->nfigs ? d->nfigs : 1,
	    sizeof(*a->figures));
	for (i = 0; i < d->nfigs; i++) {
		g = &d->figs[i];
		f = &a->figures[a->nfigures++];
		f->src = g->src;
		f->alt = g->alt;
		f->caption = g->caption;
		f->credit = g->credit;
		f->after = nb[g->block <= d->nblocks ? g->block : d->nblocks];
		f->after = f->after > 0 ? f->after - 1 : SIZE_MAX;
	}
}

/* The length of the separators and arrows that open p[0..n) (">>> "). */
static size_t
lead_marks(const char *p, size_t n)
{
	size_t i = 0, k;
	uint32_t cp;

	while (i < n) {
		cp = ap_utf8_next(p + i, n - i, &k);
		if (!ap_is_space(cp) && cp != ':' && cp != '>' && cp != '|' &&
		    cp != '-' && cp != 0x203A && cp != 0xBB && cp != 0x2192 &&
		    cp != 0x2013 && cp != 0x2014 && cp != 0x25BA &&
		    cp != 0x25B6)
			break;
		i += k;
	}
	return i;
}

/* "Lire aussi : Titre", ">> A lire aussi : Titre" → "Titre". */
static const char *
related_title(struct ap_doc *d, const struct ap_block *b)
{
	size_t skip = lead_marks(b->text, b->len), k;
	const char *p;
	size_t n;

	skip += strip_cue(b->text + skip, b->len - skip, CUE_RELATED);
	if (skip == 0)		/* "Lire l'entretien : Titre" */
		skip = ap_rule_verb_lead(b);
	p = b->text + skip;
	n = b->len - skip;
	/* "[PHO5a02e98]Chine : …": a text browser's image placeholder. */
	if ((k = ap_image_marker(p, n)) > 0 && k < n) {
		p += k;
		n -= k;
		skip += k;
	}
	/* The label's separator, or an arrow before a title (">>> …"). */
	k = lead_marks(p, n);
	p += k;
	n -= k;
	skip += k;
	if (skip == 0)
		return b->text;
	return ap_strndup(&d->arena, p, n);
}

/*
 * Related titles kept, each with its folded key, so that a title is folded
 * once; a page listing more than MAX_RELATED is a link farm, not a box.
 */
#define MAX_RELATED	100
#define KEY_MAX		128

struct related_keys {
	char	 key[MAX_RELATED][KEY_MAX];
};

/*
 * An article's title says something: "Plus", "À voir", "Sur le web",
 * "Haut de la page" are the page's controls.  Of the 408 related titles
 * the dev pages' readers marked, 2 have fewer than four words.
 */
#define MIN_TITLE_WORDS	4

static size_t
count_words(const char *s)
{
	size_t n = 0;
	bool in = false;

	for (; *s != '\0'; s++) {
		if (*s == ' ')
			in = false;
		else if (!in) {
			in = true;
			n++;
		}
	}
	return n;
}

static void
add_related(struct ap_doc *d, struct related_keys *rk, const struct ap_block *b)
{
	struct ap_article *a = &d->art;
	struct ap_related *prev = a->nrelated ? &a->related[a->nrelated - 1] :
	    NULL;
	const char *title;
	char key[KEY_MAX];
	size_t i;

	if (b->flags & AP_BF_SUMMARY) {
		if (prev != NULL && prev->summary == NULL)
			prev->summary = b->text;
		return;
	}
	if (a->nrelated == MAX_RELATED)
		return;
	title = related_title(d, b);
	if (count_words(title) < MIN_TITLE_WORDS)
		return;
	ap_fold(title, strlen(title), key, sizeof(key));
	for (i = 0; i < a->nrelated; i++)
		if (strcmp(rk->key[i], key) == 0)
			return;
	memcpy(rk->key[a->nrelated], key, sizeof(key));
	a->related[a->nrelated].title = title;
	/* A relative link with no base to resolve it is no URL to follow. */
	a->related[a->nrelated].url = b->href != NULL &&
	    ap_uri_is_absolute(b->href) ? b->href : NULL;
	a->nrelated++;
}

static void
add_dropped(struct ap_doc *d, const struct ap_block *b)
{
	struct ap_article *a = &d->art;

	a->dropped[a->ndropped].kind = b->drop != NULL ? b->drop : "other";
	a->dropped[a->ndropped].text = b->text;
	a->ndropped++;
}

static void
take_meta_authors(struct ap_doc *d, struct authors *as)
{
	size_t i;

	for (i = 0; d->meta.authors != NULL && d->meta.authors[i] != NULL;
	    i++)
		add_author(d, as, d->meta.authors[i],
		    strlen(d->meta.authors[i]));
}

/*
 * No date line was recognised: take a date printed between the headline
 * and the first body paragraph, as in "11/05/12 - 10h38 <caption>".
 */
static bool
date_near_headline(const struct ap_doc *d, char out[AP_DATE_MAX])
{
	size_t i;
	bool seen_head = false;

	for (i = 0; i < d->nblocks; i++) {
		const struct ap_block *b = &d->blocks[i];

		if (b->kind == AP_KIND_HEADLINE)
			seen_head = true;
		else if (b->kind == AP_KIND_PARAGRAPH ||
		    b->kind == AP_KIND_QUOTE)
			return false;
		else if (seen_head && b->f.has_date &&
		    ap_date_published(b->f.fold, out))
			return true;
	}
	return false;
}

#define DATE_BEFORE	30	/* blocks back from the body a date line may be */

/*
 * Nothing dated the article: the date line nearest above the body's
 * first block ("Le 28 juin 2019" under a menu), not a comment's nor a
 * teaser's.
 */
static bool
date_above_body(const struct ap_doc *d, char out[AP_DATE_MAX])
{
	size_t i, first;

	for (first = 0; first < d->nblocks; first++)
		if (d->blocks[first].kind == AP_KIND_PARAGRAPH)
			break;
	for (i = first; i-- > 0 && first - i <= DATE_BEFORE;) {
		const struct ap_block *b = &d->blocks[i];

		if (b->kind == AP_KIND_RELATED || (b->drop != NULL &&
		    strcmp(b->drop, "comments") == 0))
			continue;
		if (ap_rule_dateline(b) && ap_date_published(b->f.fold, out))
			return true;
	}
	return false;
}

/* The dates the date and byline blocks show, by where they stand; ""
 * while none. */
struct shown_dates {
	char	 head[AP_DATE_MAX];	/* a publication's, before the body */
	char	 late[AP_DATE_MAX];	/* ... once the body has begun */
	char	 upd[AP_DATE_MAX];	/* only an update's, before the body */
};

static void
note_date(struct shown_dates *sd, const struct ap_block *b, bool in_body)
{
	char out[AP_DATE_MAX];
	size_t at, end;

	if (ap_date_published(b->f.fold, out)) {
		if (!in_body && sd->head[0] == '\0')
			memcpy(sd->head, out, sizeof(out));
		else if (in_body && sd->late[0] == '\0')
			memcpy(sd->late, out, sizeof(out));
	} else if (!in_body && sd->upd[0] == '\0' &&
	    ap_date_find(b->f.fold, out, &at, &end))
		memcpy(sd->upd, out, sizeof(out));
}

/*
 * The publication date, best source first: the metadata's; a date line
 * by the headline; a date printed between headline and body; a short
 * date text by the title (HTML); the update's by the headline, as the
 * only date shown; a date line after the body began (a teaser card's as
 * often as the article's); the metadata's update; last the canonical
 * URL's /2017/01/24/.
 */
static const char *
pick_date(struct ap_doc *d, const struct shown_dates *sd)
{
	char date[AP_DATE_MAX];

	if (d->meta.date != NULL)
		return d->meta.date;
	if (sd->head[0] != '\0')
		return ap_strdup(&d->arena, sd->head);
	if (date_near_headline(d, date))
		return ap_strdup(&d->arena, date);
	if (d->meta.date_shown != NULL)
		return d->meta.date_shown;
	if (sd->upd[0] != '\0')
		return ap_strdup(&d->arena, sd->upd);
	if (date_above_body(d, date))
		return ap_strdup(&d->arena, date);
	if (sd->late[0] != '\0')
		return ap_strdup(&d->arena, sd->late);
	if (d->meta.date_modified != NULL)
		return d->meta.date_modified;
	if (d->meta.url != NULL && ap_date_in_url(d->meta.url, date))
		return ap_strdup(&d->arena, date);
	return NULL;
}

void
ap_article_build(struct ap_doc *d)
{
	struct ap_article *a = &d->art;
	struct authors as = { .n = 0 };
	struct related_keys *rk = ap_alloc(&d->arena, sizeof(*rk));
	struct shown_dates sd = { "", "", "" };
	bool in_body = false, credited = false;
	struct lists ls = { 0, 0, false };
	size_t i, end, *nb;
	unsigned table = 0;

	nb = ap_allocarray(&d->arena, d->nblocks + 1, sizeof(*nb));
	a->body = ap_allocarray(&d->arena, d->nblocks, sizeof(*a->body));
	a->related = ap_allocarray(&d->arena, d->nblocks, sizeof(*a->related));
	a->dropped = ap_allocarray(&d->arena, d->nblocks,
	    sizeof(*a->dropped));
	take_meta_authors(d, &as);
	for (i = 0; i < d->nblocks; nb[++i] = a->nbody) {
		const struct ap_block *b = &d->blocks[i];

		/* A data table in the body is one item; elsewhere its cells
		 * are read as blocks like any other. */
		if (b->table != 0 && b->table != table) {
			table = b->table;
			if (table_in_body(d, i, &end)) {
				add_table(d, &ls, i, end);
				for (; i + 1 < end; i++)
					nb[i + 1] = a->nbody;
				continue;
			}
		}
		in_body |= b->kind == AP_KIND_PARAGRAPH ||
		    b->kind == AP_KIND_QUOTE || b->kind == AP_KIND_SUBHEAD ||
		    b->kind == AP_KIND_LISTITEM;
		switch (b->kind) {
		case AP_KIND_HEADLINE:
			if (a->headline == NULL)
				a->headline = b->text;
			break;
		case AP_KIND_STANDFIRST:
			/* One chapô: a second lead is article text, not lost. */
			if (a->standfirst == NULL)
				a->standfirst = b->text;
			else
				add_body(d, &ls, b, AP_BODY_PARAGRAPH);
			break;
		case AP_KIND_BYLINE:
			if (b->flags & AP_BF_ROLE) {
				if (as.n > 0 && as.v[as.n - 1].role == NULL)
					as.v[as.n - 1].role = b->text;
			} else if (d->meta.authors == NULL)
				parse_byline(d, &as, b->text, b->len);
			else if (in_body && opens_with_role(b->text, b->len))
				/* A credit box closing the article names
				 * whom the metadata may leave out. */
				parse_byline(d, &as, b->text, b->len);
			else if (d->meta.authors_site && !credited &&
			    ap_rule_byline(b))
				credited = credit_over_site(d, &as, b);
			else
				add_agencies(d, &as, b->text, b->len);
			/* FALLTHROUGH */
		case AP_KIND_DATE:
			note_date(&sd, b, in_body);
			break;
		case AP_KIND_PARAGRAPH:
			add_body(d, &ls, b, AP_BODY_PARAGRAPH);
			break;
		case AP_KIND_QUOTE:
			add_body(d, &ls, b, AP_BODY_QUOTE);
			break;
		case AP_KIND_SUBHEAD:
			add_body(d, &ls, b, AP_BODY_HEADING);
			break;
		case AP_KIND_LISTITEM:
			add_body(d, &ls, b, AP_BODY_LISTITEM);
			break;
		case AP_KIND_RELATED:
			add_related(d, rk, b);
			break;
		case AP_KIND_BOILERPLATE:
			add_dropped(d, b);
			break;
		default:
			break;
		}
	}
	add_figures(d, nb);
	if (d->meta.headline != NULL)
		a->headline = d->meta.headline;
	a->date = pick_date(d, &sd);
	a->date_modified = d->meta.date_modified;
	a->site_name = d->meta.site_name;
	a->lang = d->meta.lang;
	a->url = d->meta.url;
	a->nauthors = as.n;
	a->authors = ap_allocarray(&d->arena, as.n ? as.n : 1,
	    sizeof(*a->authors));
	memcpy(a->authors, as.v, as.n * sizeof(*a->authors));
}
