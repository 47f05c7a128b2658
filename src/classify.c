/* SPDX-License-Identifier: ISC */
/*
 * The section classifier.  Local rules (one function each, tested one by
 * one) say what a block could be; then the body is taken as the run of
 * blocks with the best prose score (a maximum-sum segment, so short
 * inserts inside it stay and menus around it go), and every block is
 * labelled by its rules and its place relative to that run.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "classify.h"
#include "html.h"
#include "content.h"
#include "hash.h"
#include "html_tree.h"
#include "lexicon.h"
#include "uri.h"
#include "utf8.h"

#define CUE(c)		(1u << (c))
#define HAS(mask, c)	(((mask) & CUE(c)) != 0)
/* Labels after which the article does not go on: a page section's, the
 * readers' comments', the author box's. */
#define SECTION_CUES	(CUE(CUE_SITEWIDE) | CUE(CUE_JOB) | \
			    CUE(CUE_COMMENTS) | CUE(CUE_AUTHORBOX))

static const struct {
	enum ap_cue	 cue;
	const char	*kind;
} drop_cues[] = {
	{ CUE_SHARE, "share" },
	{ CUE_COMMENTS, "comments" },
	{ CUE_AUTHORBOX, "comments" },
	{ CUE_NEWSLETTER, "newsletter" },
	{ CUE_COOKIE, "legal" },
	{ CUE_SITEWIDE, "navigation" },
	{ CUE_JOB, "job-ad" },
};

/* "[]", "[rechercher]", "|": text-browser remains of images and forms. */
static bool
is_widget(const struct ap_block *b)
{
	return b->len >= 2 && b->text[0] == '[' && b->text[b->len - 1] == ']';
}

/* "Elon Musk Elon Musk", "NW TeamNW Team": an image's alt text beside
 * its link text, with or without a space between. */
static bool
is_doubled(const struct ap_block *b)
{
	size_t half = b->len / 2;

	if (b->len < 5 || b->f.words > 16)
		return false;
	if (b->len % 2 == 1)
		return b->text[half] == ' ' &&
		    memcmp(b->text, b->text + half + 1, half) == 0;
	return memchr(b->text, ' ', b->len) != NULL &&
	    memcmp(b->text, b->text + half, half) == 0;
}

/* "12 commentaires", "3 réactions". */
static bool
is_counter(const struct ap_block *b)
{
	return b->f.words <= 3 && b->f.fold[0] >= '0' && b->f.fold[0] <= '9' &&
	    HAS(b->f.cue_any, CUE_COMMENTS);
}

/*
 * The signature line of an embedded social post, as the platforms'
 * embed code writes it: "— Téléfoot (@telefoot_TF1) June 1, 2018".
 */
static bool
is_embed_signature(const struct ap_block *b)
{
	const char *s = b->text;

	if (strncmp(s, "\xe2\x80\x94 ", 4) != 0 && strncmp(s, "- ", 2) != 0 &&
	    strncmp(s, "\xe2\x80\x93 ", 4) != 0)
		return false;
	return b->f.words <= 20 && strstr(s, "(@") != NULL &&
	    ap_is_digit(b->f.last);
}

#define SOURCE_MAX	48	/* bytes of a picture source's name */

/* "(Photo : X)", or a photographer and the picture's source:
 * "(mlharing / iStock.com)", "(Jean Dupont / Getty Images)". */
static bool
ends_with_credit(const char *fold)
{
	const char *open = strrchr(fold, '('), *slash, *p;
	char src[SOURCE_MAX];
	size_t n;

	if (open == NULL)
		return false;
	if (ap_cue_prefix(open, CUE_CREDIT) > 0)
		return true;
	for (slash = NULL, p = strstr(open, " / "); p != NULL;
	    p = strstr(p + 1, " / "))
		slash = p;
	if (slash == NULL || (p = strchr(slash, ')')) == NULL ||
	    (n = (size_t)(p - slash - 3)) == 0 || n >= sizeof(src))
		return false;
	memcpy(src, slash + 3, n);
	src[n] = '\0';
	return ap_cue_whole(src, CUE_CREDIT);
}

static bool	ends_with_agency(const char *);

/* "Nathan Alliard / Photononstop / AFP": a photographer, the agency
 * and the one that distributes it, as photo credits read; a byline has
 * at most its author and an agency ("Jeanne Dupont / Reuters"). */
static bool
photo_credit_chain(const struct ap_feat *f)
{
	const char *p = strstr(f->fold, " / ");

	return p != NULL && strstr(p + 3, " / ") != NULL && f->words <= 12 &&
	    !f->ends_sentence && ends_with_agency(f->fold);
}

const char *
ap_rule_boilerplate(const struct ap_block *b)
{
	const struct ap_feat *f = &b->f;
	size_t i;

	if (b->flags & AP_BF_FIGURE)
		return "caption";
	if (HAS(f->cue_start, CUE_CREDIT))
		return "credit";
	if (is_widget(b) || is_doubled(b))
		return "navigation";
	if (is_counter(b))
		return "comments";
	if (photo_credit_chain(f))
		return "credit";
	if ((b->flags & AP_BF_EMBED) || is_embed_signature(b))
		return "embed";
	for (i = 0; i < sizeof(drop_cues) / sizeof(drop_cues[0]); i++)
		if (HAS(f->cue_whole, drop_cues[i].cue))
			return drop_cues[i].kind;
	/* Short prompts: "Inscrivez-vous à notre infolettre", "Partager sur X". */
	if (f->words <= 6 && !f->ends_sentence &&
	    (f->cue_start & (CUE(CUE_SHARE) | CUE(CUE_COMMENTS) |
	    CUE(CUE_AUTHORBOX))) != 0)
		return "share";
	if (HAS(f->cue_start, CUE_NEWSLETTER) && f->words <= 40)
		return "newsletter";
	if (HAS(f->cue_any, CUE_NEWSLETTER) && f->chars <= 120 &&
	    !f->opens_quote)
		return "newsletter";
	if (HAS(f->cue_start, CUE_COOKIE) && f->words <= 60)
		return "legal";
	if (HAS(f->cue_any, CUE_COOKIE) && f->words <= 12 && !f->ends_sentence)
		return "legal";
	if (HAS(f->cue_any, CUE_CREDIT) && f->words <= 12)
		return "credit";
	/* A caption ending in its credit: "Le site, en amont. (Photo : X)". */
	if (f->last == ')' && f->words <= 60 && ends_with_credit(f->fold))
		return "caption";
	return NULL;
}

bool
ap_rule_related_label(const struct ap_block *b)
{
	return HAS(b->f.cue_whole, CUE_RELATED);
}

/*
 * In and after the body, a label also as a prefix and a few words more:
 * "À découvrir également", "Nos articles sur la tempête".  Not a
 * sentence, and not a title after a colon (an inline insert).  Before
 * the body such words are as often a menu's.
 */
static bool
related_label_after(const struct ap_doc *d, const struct ap_block *b)
{
	const struct ap_feat *f = &b->f;
	size_t n;

	if (ap_rule_related_label(b))
		return true;
	/* In text, the labels the page reader knows too ("SLATE CONSEILLE");
	 * a page's own are read with its markup. */
	if (!ap_doc_is_html(d) && f->words <= 6 && !f->ends_sentence &&
	    ap_html_related_label(b->text, b->len))
		return true;
	if (f->words > 6 || f->ends_sentence || f->opens_quote ||
	    (n = ap_cue_prefix(f->fold, CUE_RELATED)) == 0)
		return false;
	while (f->fold[n] == ' ')
		n++;
	return f->fold[n] != '\0' && f->fold[n] != ':';
}

/*
 * The code point of the text at offset n of its folded copy: both have
 * the same code points.
 */
static uint32_t
text_cp_at_fold(const struct ap_block *b, size_t n)
{
	size_t i, k, cps = ap_utf8_count(b->f.fold, n);

	for (i = 0; i < b->len && cps > 0; cps--) {
		ap_utf8_next(b->text + i, b->len - i, &k);
		i += k;
	}
	return ap_utf8_next(b->text + i, b->len - i, &k);
}

/* A related cue at fold offset "lead", set off from a title after it. */
static bool
related_inline_at(const struct ap_block *b, size_t lead)
{
	const char *s = b->f.fold;
	size_t n = ap_cue_prefix(s + lead, CUE_RELATED), k;

	/* "Lire : …", the bare form of "Lire aussi : …"; "Lire" alone is
	 * no label (a teaser's button). */
	if (n == 0 && strncmp(s + lead, "lire", 4) == 0) {
		for (k = lead + 4; s[k] == ' '; k++)
			;
		if (s[k] == ':')
			n = 4;
	}
	if (n == 0 || (lead == 0 && HAS(b->f.cue_whole, CUE_RELATED)))
		return false;
	n += lead;
	while (s[n] == ' ')
		n++;
	/* The label is set off from the title: "Lire aussi : …", "› …". */
	if (s[n] == ':' || s[n] == '>' || s[n] == '|' || s[n] == '-' ||
	    strncmp(s + n, "\xe2\x80\xba", 3) == 0 ||
	    strncmp(s + n, "\xc2\xbb", 2) == 0 ||
	    strncmp(s + n, "\xe2\x86\x92", 3) == 0 ||
	    strncmp(s + n, "\xe2\x80\x93", 3) == 0 ||
	    strncmp(s + n, "\xe2\x80\x94", 3) == 0)
		return true;
	/* Or only by the title's capital, as text dumps run them together:
	 * "À lire aussi La natalité russe menacée d'effondrement". */
	return b->f.words <= 25 && b->f.last != '.' && !b->f.ends_sentence &&
	    ap_is_upper(text_cp_at_fold(b, n));
}

bool
ap_rule_related_inline(const struct ap_block *b)
{
	return related_inline_at(b, 0);
}

#define INSERT_LEAD_MAX	48	/* bytes of "Lire notre entretien :" */

size_t
ap_rule_verb_lead(const struct ap_block *b)
{
	const char *colon = memchr(b->text, ':', strnlen(b->text,
	    INSERT_LEAD_MAX));
	size_t n;

	if (colon == NULL)
		return 0;
	n = (size_t)(colon - b->text) + 1;
	return ap_html_related_label(b->text, n) ? n : 0;
}

/*
 * In text, an insert led by a verb and a colon, as the page's markup
 * reads them: "Lire l'entretien : Fleur Pellerin : « … »", "Voir nos
 * explications : …"; the title after the colon opens with a capital.
 */
static bool
verb_related_insert(const struct ap_doc *d, const struct ap_block *b)
{
	const char *t;
	size_t n, k;

	if (ap_doc_is_html(d) || b->f.words > 30 || b->f.last == '.' ||
	    (n = ap_rule_verb_lead(b)) == 0)
		return false;
	for (t = b->text + n; *t == ' '; t++)
		;
	return ap_is_upper(ap_utf8_next(t, strlen(t), &k)) ||
	    strncmp(t, "\xc2\xab", 2) == 0;
}

/* The same after arrows a text browser drew: ">> A lire aussi : …". */
static bool
arrowed_related_inline(const struct ap_block *b)
{
	const char *s = b->f.fold;
	size_t lead = 0;

	while (s[lead] == '>' || (s[lead] == ' ' && lead > 0))
		lead++;
	return lead > 0 && related_inline_at(b, lead);
}

/* After "Par": a capitalised word that is not a sentence's subject. */
static bool
name_follows(const struct ap_block *b)
{
	const char *s = b->f.fold;
	size_t n = ap_cue_prefix(s, CUE_BYLINE);

	while (s[n] == ' ' || s[n] == ':')
		n++;
	return ap_is_upper(text_cp_at_fold(b, n)) && b->f.commas <= 2;
}

/* "Journaliste • Vincent Reynier", "Rédaction : Anne Roy": a role, a
 * separator, then a capitalised name. */
static bool
role_then_name(const struct ap_block *b)
{
	static const char *const seps[] = { "\xe2\x80\xa2", ":", "|",
	    "\xe2\x80\x93", "\xe2\x80\x94", "-", "/", NULL };
	const char *s = b->f.fold;
	size_t n = ap_cue_prefix(s, CUE_ROLE), i, k;

	if (n == 0 || s[n] != ' ')
		return false;
	while (s[n] == ' ')
		n++;
	for (i = 0; seps[i] != NULL; i++) {
		k = strlen(seps[i]);
		if (strncmp(s + n, seps[i], k) == 0 && s[n + k] == ' ')
			break;
	}
	if (seps[i] == NULL)
		return false;
	for (n += k; s[n] == ' '; n++)
		continue;
	return ap_is_upper(text_cp_at_fold(b, n));
}

static bool
ends_with_agency(const char *fold)
{
	static const char *const links[] = { " avec ", " / ", ", ", " et ",
	    NULL };
	const char *p;
	size_t i;

	for (i = 0; links[i] != NULL; i++)
		for (p = strstr(fold, links[i]); p != NULL;
		    p = strstr(p + 1, links[i]))
			if (ap_cue_whole(p + strlen(links[i]), CUE_AGENCY))
				return true;
	return false;
}

/* "D'après AFP", "par Belga": a byline cue, then an agency alone. */
static bool
agency_credit(const struct ap_feat *f)
{
	size_t n;

	if (f->words > 5 || !HAS(f->cue_start, CUE_BYLINE))
		return false;
	n = ap_cue_prefix(f->fold, CUE_BYLINE);
	while (f->fold[n] == ' ' || f->fold[n] == ':')
		n++;
	return ap_cue_whole(f->fold + n, CUE_AGENCY);
}

/* Whether the text before the first " | " or " • " is a short credit
 * ending with an agency. */
static bool
credit_before_bar(const char *fold)
{
	char seg[96];
	const char *bar = strstr(fold, " | "), *dot = strstr(fold,
	    " \xe2\x80\xa2 ");
	size_t n;

	if (bar == NULL || (dot != NULL && dot < bar))
		bar = dot;
	if (bar == NULL || (n = (size_t)(bar - fold)) >= sizeof(seg))
		return false;
	memcpy(seg, fold, n);
	seg[n] = '\0';
	return ends_with_agency(seg);
}

bool
ap_rule_byline(const struct ap_block *b)
{
	const struct ap_feat *f = &b->f;

	if (f->words > 30 || f->opens_quote)
		return false;
	if (HAS(f->cue_whole, CUE_AGENCY) || agency_credit(f))
		return true;
	/* "Par Jeanne Dupont": the cue must be followed by a name. */
	if (HAS(f->cue_start, CUE_BYLINE) && f->upper >= 2 &&
	    !f->ends_sentence && name_follows(b))
		return true;
	if (HAS(f->cue_any, CUE_BYLINE) && (f->has_date || strstr(f->fold,
	    " | ") != NULL) && f->upper >= 2)
		return true;
	if (HAS(f->cue_start, CUE_ROLE) && f->words <= 8 &&
	    !f->ends_sentence && f->upper >= 2 && role_then_name(b))
		return true;
	/* "Le Matin d’Armor avec AFP", "Jeanne Dupont / Reuters", also
	 * before the date: "Le Monde.fr avec AFP | 05.07.2011 à 22h09". */
	if (f->words <= 10 && !f->ends_sentence && ends_with_agency(f->fold))
		return true;
	if (f->has_date && credit_before_bar(f->fold))
		return true;
	return false;
}

bool
ap_rule_dateline(const struct ap_block *b)
{
	const struct ap_feat *f = &b->f;

	if (f->opens_quote)
		return false;
	/* "Publié à 0 h 23": a publication cue even without the day. */
	if (!f->has_date)
		return HAS(f->cue_start, CUE_DATE) && f->words <= 12 &&
		    strncmp(f->fold, "le ", 3) != 0 && !f->ends_sentence;
	return f->words <= 16 || (f->words <= 30 &&
	    (HAS(f->cue_start, CUE_DATE) || HAS(f->cue_start, CUE_WEEKDAY)));
}

bool
ap_rule_role(const struct ap_block *b)
{
	const struct ap_feat *f = &b->f;

	return HAS(f->cue_start, CUE_ROLE) && f->words <= 10 &&
	    !f->ends_sentence;
}

bool
ap_rule_titleish(const struct ap_block *b)
{
	const struct ap_feat *f = &b->f;

	/* A trailing "…" marks a teaser, unless the line is short. */
	return f->title_case && f->words >= 1 && f->words <= 25 &&
	    (!f->ends_ellipsis || f->words <= 6);
}

bool
ap_rule_prose(const struct ap_block *b)
{
	const struct ap_feat *f = &b->f;

	if (f->opens_quote && f->words >= 4)
		return true;
	if (!f->ends_sentence || f->ends_ellipsis || f->words < 8 ||
	    f->chars < 40)
		return false;
	/* A short line ending in "?" or in a quotation is likelier a title. */
	return f->ends_firmly || f->words >= 20;
}

bool
ap_rule_drop_label(const struct ap_block *b)
{
	const struct ap_feat *f = &b->f;

	return (f->cue_whole & SECTION_CUES) != 0;
}

/* A link inside a box the page marks as related ("meme_sujet"), not an
 * advertiser's "recommended for you". */
static bool
related_by_cue(const struct ap_block *b)
{
	return (b->href != NULL || (b->flags & AP_BF_LINK)) &&
	    !(b->flags & AP_BF_ARTICLE) && b->f.words >= 3 &&
	    b->f.words <= 40 && (b->hcues & C_RELATED) && !(b->hcues & C_AD);
}

/* ">>> Oscars 2016 : …", "► …": a link set off by an arrow. */
static bool
arrow_link(const struct ap_block *b)
{
	return (strncmp(b->text, ">>", 2) == 0 ||
	    strncmp(b->text, "\xe2\x96\xba", 3) == 0 ||
	    strncmp(b->text, "\xe2\x96\xb6", 3) == 0 ||
	    strncmp(b->text, "\xe2\x86\x92", 3) == 0) &&
	    b->href != NULL && b->link_chars * 2 >= b->f.chars;
}

/*
 * In text, a title a text browser set after arrows (">>> Oscars 2016 :
 * …"): no sentence's end, as the arrowed subheads of a live text have
 * (">> Mamma mia, quelle attaque !").
 */
static bool
arrow_title(const struct ap_doc *d, const struct ap_block *b)
{
	return !ap_doc_is_html(d) && strncmp(b->text, ">>", 2) == 0 &&
	    b->f.words >= 4 && b->f.words <= 30 &&
	    strchr(".!?", b->f.last) == NULL && !b->f.ends_ellipsis;
}

/* A related title set in the text by its label or an arrow. */
static bool
inline_insert(const struct ap_doc *d, const struct ap_block *b)
{
	return ap_rule_related_inline(b) || arrowed_related_inline(b) ||
	    arrow_link(b) || verb_related_insert(d, b) || arrow_title(d, b);
}

/* The chapô, as pages mark it ("chapo", "standfirst", "article__desc"). */
static bool
standfirst_by_cue(const struct ap_block *b)
{
	return b->f.words >= 8 && !b->f.opens_quote && (b->hcues & C_LEAD);
}

/*
 * What a block adds to the body region: its fitted content probability
 * (content.c) above the threshold, by its length, so that long prose
 * carries the short inserts between its paragraphs.
 */
static double
body_score(const struct ap_block *b, const struct ap_cparams *p)
{
	/* The page's <h1> is its headline, never body text. */
	if ((b->flags & AP_BF_HEADING) && b->level == 1)
		return -((double)b->f.chars + p->length_bias);
	return (b->content - p->threshold) *
	    ((double)b->f.chars + p->length_bias);
}

static bool
opens_as_title(const struct ap_block *b)
{
	return ap_rule_titleish(b) && !ap_rule_prose(b) && b->f.words >= 2 &&
	    !(b->flags & (AP_BF_LISTITEM | AP_BF_BLOCKQUOTE)) &&
	    !b->f.opens_quote;
}

static bool
closes_as_credit(const struct ap_block *b)
{
	return !ap_rule_prose(b) && (b->f.name_shape || ap_rule_byline(b) ||
	    ap_rule_role(b));
}

/* "de", "La" of "Jean-Marc de La Tour", "Van" of "Jelle Van Damme". */
static bool
particle_any_case(const char *w, size_t n)
{
	char low[8];
	size_t i;

	if (n >= sizeof(low))
		return false;
	for (i = 0; i < n; i++)
		low[i] = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] + 32) : w[i];
	return ap_name_particle_n(low, n);
}

/*
 * A word of the language's grammar that is not a name particle: "À
 * écouter aussi", "Mise à jour", "Oui Non" are labels and buttons, not
 * a person's name ("Jean-Marc de La Tour" has only particles).
 */
static bool
has_function_word(const char *s, size_t len)
{
	const char *e = s + len, *w;
	size_t n;

	for (w = s; w < e; w += n + 1) {
		n = strcspn(w, " ");
		if ((size_t)(e - w) < n)
			n = (size_t)(e - w);
		if (!particle_any_case(w, n) &&
		    ap_stopword_count(w, n, 1u << AP_LANG_FR, NULL) > 0)
			return true;
	}
	return false;
}

/* On a page, a block still in the related box its label heads. */
static bool
same_box(const struct ap_block *label, const struct ap_block *b)
{
	return !(label->hcues & C_RELATED) || (b->hcues & C_RELATED);
}

/*
 * The bullet after a bullet of a list under a label is the list's, even
 * when a title reads like a sentence ("« Sans accord, pas d'avancée »").
 */
static bool
list_continues(const struct ap_block *prev, const struct ap_block *b)
{
	return (prev->kind == AP_KIND_RELATED) &&
	    (prev->flags & AP_BF_LISTITEM) && (b->flags & AP_BF_LISTITEM) &&
	    b->f.words <= 25 && b->f.last != '.';
}

/* A content probability at which a block is the article's, whatever
 * its shape. */
#define ARTICLE_SURE	0.8

/* A short line that introduces what follows ("Kontakt:", "Mehr zum
 * Thema:"): at the body's end, what it introduces is not article text. */
static bool
closes_as_label(const struct ap_block *b)
{
	return b->f.last == ':' && b->f.words < 8 && !ap_rule_prose(b);
}

/*
 * A block of a link box: linked text, or a teaser's short summary; not
 * text the content score reads as the article's (a list of matches, a
 * table's rows: no sentence, yet article).
 */
static bool
box_item(const struct ap_block *b)
{
	return (b->href != NULL && b->link_chars * 2 >= b->f.chars) ||
	    (b->flags & AP_BF_LINK) ||
	    (!ap_rule_prose(b) && b->content < ARTICLE_SURE);
}

/*
 * The body does not end with a "related" label and its links: when only
 * link items follow the last such label in [from, to), the run stops
 * before it, and the tail labelling reads the box.
 */
static size_t
before_closing_box(const struct ap_doc *d, size_t from, size_t to)
{
	size_t k, j;

	for (k = to; k-- > from + 1;) {
		if (!ap_rule_related_label(&d->blocks[k]))
			continue;
		for (j = k + 1; j < to && box_item(&d->blocks[j]); j++)
			;
		return j == to ? k : to;
	}
	return to;
}

/* Block i is the first of a box the page marks as readers' comments. */
static bool
opens_comments(const struct ap_doc *d, size_t i)
{
	return (d->blocks[i].hcues & C_COMMENT) &&
	    (i == 0 || !(d->blocks[i - 1].hcues & C_COMMENT));
}

/*
 * The fallback score when the fitted one finds no running text at all (a
 * short or damaged text): prose by its length, anything else a cost.
 */
static double
prose_score(const struct ap_block *b)
{
	if ((b->flags & AP_BF_HEADING) && b->level == 1)
		return -(double)b->f.chars;
	return ap_rule_prose(b) ? (double)b->f.chars :
	    -(double)b->f.chars / 3 - 10;
}

#define PROSE_SURE	0.75	/* content score of words sure to be text */

/* Whether [from, to) holds running text: prose by its shape, or words
 * the model is sure of ("… kein Meisterwerk war!"), not code. */
static bool
any_prose(const struct ap_doc *d, size_t from, size_t to)
{
	for (; from < to; from++)
		if (ap_rule_prose(&d->blocks[from]) ||
		    (d->blocks[from].content >= PROSE_SURE &&
		    d->blocks[from].f.words >= 8 &&
		    d->blocks[from].f.letters * 4 >= d->blocks[from].f.chars * 3))
			return true;
	return false;
}

/* Whether text holds a time of day: "11:41", "12h10", "9 h 05". */
static bool
has_clock(const struct ap_block *b)
{
	const char *p, *q;

	for (p = b->text; *p != '\0'; p++) {
		if (*p < '0' || *p > '9' || (p > b->text && p[-1] >= '0' &&
		    p[-1] <= '9'))
			continue;
		for (q = p; *q >= '0' && *q <= '9'; q++)
			continue;
		if (q - p > 2)
			continue;
		if (*q == ' ' && q[1] == 'h')
			q++;
		if (*q != ':' && *q != 'h')
			continue;
		q += *q == ':' || q[1] != ' ' ? 1 : 2;
		if (q[0] >= '0' && q[0] <= '5' && q[1] >= '0' && q[1] <= '9' &&
		    !(q[2] >= '0' && q[2] <= '9'))
			return true;
	}
	return false;
}

/* A post's header in a text dump: a short dated line with a time on it
 * or on the line after ("mamba dit le 13/01/2013, 11:41"). */
static bool
dated_line(const struct ap_doc *d, size_t i)
{
	const struct ap_block *b = &d->blocks[i];

	return b->cues == NULL && b->f.has_date && b->f.words <= 10 &&
	    !ap_rule_prose(b) && (has_clock(b) || (i + 1 < d->nblocks &&
	    d->blocks[i + 1].f.words <= 3 && has_clock(&d->blocks[i + 1])));
}

#define COMMENT_SPAN	16	/* blocks from one comment header to the next */

/*
 * In a text dump, readers' comments are units under a header ("mamba dit
 * le 13/01/2013, 11:41", "craftylandry / 24 janvier 2017 / 12h10"): a
 * dated line with another within a few blocks.  Returns the next header
 * when block i is one, else 0: what lies between is a comment, no body.
 */
static size_t
next_comment(const struct ap_doc *d, size_t i)
{
	size_t k;

	if (!dated_line(d, i))
		return 0;
	for (k = i + 2; k < d->nblocks && k <= i + COMMENT_SPAN; k++)
		if (dated_line(d, k))
			return k;
	return 0;
}

/* Maximum-sum run of block scores: [*from, *to); returns its sum. */
static double
best_run(struct ap_doc *d, bool fallback, size_t *from, size_t *to)
{
	const struct ap_cparams *p = ap_content_params(d);
	double sum = 0, best = 0;
	size_t i, k, start = 0, comment_end = 0;
	bool comments = false;	/* the article has begun, comments follow */

	*from = *to = 0;
	for (i = 0; i < d->nblocks; i++) {
		/* "Commentaires", "Les plus lus": the article does not go on;
		 * nor does it into readers' comments once it has begun, nor
		 * into a text dump's comment units. */
		if (best > 0 && opens_comments(d, i))
			comments = true;
		if (i >= comment_end && (k = next_comment(d, i)) > 0)
			comment_end = k;	/* the comment runs to the next */
		if (ap_rule_drop_label(&d->blocks[i]) || (comments &&
		    (d->blocks[i].hcues & C_COMMENT)) || i < comment_end) {
			sum = 0;
			start = i + 1;
			continue;
		}
		if (sum <= 0) {
			sum = 0;
			start = i;
		}
		sum += fallback ? prose_score(&d->blocks[i]) :
		    body_score(&d->blocks[i], p);
		if (sum > best) {
			best = sum;
			*from = start;
			*to = i + 1;
		}
	}
	return best;
}

#define CONTAINER_SURE	0.75	/* p of a container block the body reaches */
#define CONTAINER_WORDS	6	/* ... and its words: no rating table's row */

/* A block of the page's article container the body may reach: not a
 * label ending the article, a related box, readers' comments or a cue. */
static bool
container_block(const struct ap_block *b)
{
	return (b->flags & AP_BF_ARTICLE) && !(b->hcues & C_COMMENT) &&
	    !ap_rule_drop_label(b) && !ap_rule_related_label(b) &&
	    ap_rule_boilerplate(b) == NULL;
}

static bool
reaches(const struct ap_block *b)
{
	return b->content >= CONTAINER_SURE && b->f.words >= CONTAINER_WORDS;
}

/*
 * Inside the page's article container, a block the model is sure of
 * belongs to the body though a box parted it from the best run: the body
 * widens to it over the container's blocks, never past one outside it.
 */
static void
widen_in_container(const struct ap_doc *d, size_t *from, size_t *to)
{
	size_t i, lo = *from, hi = *to;

	for (i = *from; i > 0 && container_block(&d->blocks[i - 1]); i--)
		if (reaches(&d->blocks[i - 1]))
			lo = i - 1;
	for (i = *to; i < d->nblocks && container_block(&d->blocks[i]); i++)
		if (reaches(&d->blocks[i]))
			hi = i + 1;
	*from = lo;
	*to = hi;
}

/* The body region [*from, *to). */
static void
body_region(struct ap_doc *d, size_t *from, size_t *to)
{
	d->body_sum = best_run(d, false, from, to);
	if (!any_prose(d, *from, *to) && any_prose(d, 0, d->nblocks))
		(void)best_run(d, true, from, to);
	if (*to > *from)
		widen_in_container(d, from, to);
	/* The body opens with text, not with a title line: that one is
	 * the headline, or a kicker above the first paragraph. */
	while (*from + 1 < *to && opens_as_title(&d->blocks[*from]) &&
	    !(*from > 0 && d->blocks[*from].f.last == '?'))
		(*from)++;
	/* Nor does it end with its author's name or role: the tail
	 * labelling reads the author box. */
	while (*to > *from + 1 && (closes_as_credit(&d->blocks[*to - 1]) ||
	    closes_as_label(&d->blocks[*to - 1])))
		(*to)--;
	*to = before_closing_box(d, *from, *to);
}

static void
label(struct ap_block *b, enum ap_kind k, const char *why)
{
	b->kind = k;
	b->why = why;
}

static void
drop(struct ap_block *b, const char *kind, const char *why)
{
	b->kind = AP_KIND_BOILERPLATE;
	b->drop = kind;
	b->why = why;
}

/* Prose, or a sentence that introduces a list: "… a annoncé :". */
static bool
is_running_text(const struct ap_block *b)
{
	return ap_rule_prose(b) || (b->f.words >= 8 && b->f.last == ':');
}

static bool
is_subhead(const struct ap_doc *d, size_t i, size_t to)
{
	const struct ap_block *b = &d->blocks[i];

	if (b->flags & AP_BF_HEADING)
		return b->level != 1;
	return ap_rule_titleish(b) && b->f.words <= 15 && i + 1 < to &&
	    b->f.last != '?' && b->f.last != '!' &&
	    !(b->flags & AP_BF_LISTITEM) && !b->f.opens_quote &&
	    is_running_text(&d->blocks[i + 1]);
}

/* What a text browser leaves of a teaser's image: "[IMG_9974-3]". */
static bool
is_image_remains(const struct ap_block *b)
{
	return is_widget(b) || is_doubled(b);
}

/* A card may link its title and its summary (a sentence) to the same
 * article. */
static bool
same_target(const struct ap_block *b, const char *href)
{
	return b->href != NULL && href != NULL && strcmp(b->href, href) == 0;
}

/*
 * Related titles and their summaries, from a label to the end of the box:
 * the next label, boilerplate, or running text.  Kickers ("Reportage")
 * and the teasers' own bylines are skipped.
 */
static size_t
related_run(struct ap_doc *d, size_t i, size_t end)
{
	bool html = ap_doc_is_html(d);
	bool after_title = false, tight = false;
	size_t items = 0, k;
	uint32_t first;
	const char *title_href = NULL;

	for (; i < end && items < 30; i++) {
		struct ap_block *b = &d->blocks[i];
		bool linked = b->href != NULL || (b->flags & AP_BF_LINK);

		/* A teaser's image, as a text browser writes it, is no end
		 * of the list. */
		if (is_doubled(b)) {
			drop(b, "navigation", "image of a teaser");
			continue;
		}
		if (ap_rule_drop_label(b) || ap_rule_related_label(b) ||
		    ap_rule_boilerplate(b) != NULL || b->f.words > 60)
			break;
		first = ap_utf8_next(b->text, b->len, &k);
		if (b->f.words < 3 || ap_rule_byline(b) ||
		    ap_rule_dateline(b) || ap_is_lower(first)) {
			drop(b, "related-meta", "kicker or byline of a teaser");
			continue;
		}
		/*
		 * A teaser's summary follows its title: truncated ("…") in
		 * text, or on a page the text beside the link.
		 */
		if (after_title && (b->f.ends_ellipsis || (html && (!linked ||
		    (b->f.last == '.' && same_target(b, title_href)))))) {
			label(b, AP_KIND_RELATED, "summary of a teaser");
			b->flags |= AP_BF_SUMMARY;
			after_title = false;
			continue;
		}
		/* On a page, teasers are links; the box ends where they do. */
		if (html && !linked && items > 0)
			break;
		/* In text a sentence is a teaser's kicker or summary: titles
		 * end with no full stop. */
		if (!html && b->f.last == '.' && !b->f.ends_ellipsis) {
			drop(b, "related-meta", "sentence of a teaser");
			continue;
		}
		/* Text: titles written line after line end at a blank line. */
		if (items == 1 && !html && !(b->flags & AP_BF_GAP_BEFORE))
			tight = true;
		else if (tight && (b->flags & AP_BF_GAP_BEFORE))
			break;
		label(b, AP_KIND_RELATED, "under related label");
		after_title = true;
		title_href = b->href;
		items++;
	}
	return i;
}

/*
 * Whether block i of the body is still in the box the insert label
 * opened: a link item or a bullet of its list, not prose, not a prompt
 * ("Vous possédez déjà un compte ?").
 */
static bool
in_label_box(const struct ap_doc *d, const struct ap_block *box, size_t i)
{
	const struct ap_block *b = &d->blocks[i];

	return ((!ap_rule_prose(b) && box_item(b)) ||
	    list_continues(&d->blocks[i - 1], b)) && same_box(box, b) &&
	    (ap_rule_boilerplate(b) == NULL || is_image_remains(b));
}

/* Whether block i is among the last three of the body [.., to) and no
 * prose follows it there: a credit closing the article, not a
 * teaser's byline over its summary. */
static bool
closing(const struct ap_doc *d, size_t i, size_t to)
{
	size_t k;

	if (to - i > 3)
		return false;
	for (k = i + 1; k < to; k++)
		if (ap_rule_prose(&d->blocks[k]))
			return false;
	return true;
}

/* A line of names and nothing else: "Alain Lorfèvre". */
static bool
bare_name(const struct ap_block *b)
{
	return b->f.name_shape && !ap_rule_prose(b) &&
	    !(b->flags & AP_BF_LISTITEM) && !has_function_word(b->text, b->len);
}

/* One initial: "J.", "La.", "J.-P."; returns its length, 0 if none. */
static size_t
initial_len(const char *s)
{
	size_t n = 0, k;

	do {
		if (n > 0)
			n++;	/* the hyphen of "J.-P." */
		if (s[n] < 'A' || s[n] > 'Z')
			return 0;
		for (k = n + 1; k < n + 3 && s[k] >= 'a' && s[k] <= 'z'; k++)
			;
		if (s[k] != '.')
			return 0;
		n = k + 1;
	} while (s[n] == '-');
	return n;
}

/* A signature in initials: "J. La.", "J.-P. D.". */
static bool
initials(const struct ap_block *b)
{
	const char *s = b->text;
	size_t n, count = 0;

	while ((n = initial_len(s)) > 0) {
		count++;
		s += n;
		if (*s == ' ')
			s++;
	}
	return *s == '\0' && count >= 2 && count <= 4;
}

/* A genre label then a name: "Interview > Patrick Laurent". */
static bool
labelled_name(const struct ap_block *b)
{
	const char *p = strrchr(b->text, '>'), *w;
	size_t words = 0, k;

	if (p == NULL || p == b->text || p[-1] != ' ' || b->f.words > 8)
		return false;
	if (p[1] == ' ')
		p += 2;
	else if (strncmp(p + 1, "\xc2\xa0", 2) == 0)	/* no-break space */
		p += 3;
	else
		return false;
	for (w = p; *w != '\0'; w += k) {
		if (!ap_is_upper(ap_utf8_next(w, strlen(w), &k)))
			return false;
		words++;
		k = strcspn(w, " ");
		k += w[k] == ' ';
	}
	return words >= 2 && words <= 4 && strpbrk(p, "0123456789") == NULL &&
	    !has_function_word(p, strlen(p));
}

static size_t	word_len(const char *);
static bool	has_word(const char *, const char *, size_t);

/* Whether the first word of a name is in another block: the site's
 * name over its own copyright line ("BONDY BLOG", "© 2019 BONDY BLOG"). */
static bool
name_in(const struct ap_block *name, const struct ap_block *b)
{
	char w[64];
	size_t n = word_len(name->f.fold);

	if (n == 0 || n >= sizeof(w))
		return false;
	memcpy(w, name->f.fold, n);
	w[n] = '\0';
	return has_word(b->f.fold, w, n);
}

/* A bare name, initials or a labelled name just above the site's
 * copyright line ("© La Dernière Heure 2013"): the article's signature. */
static bool
signs_over_copyright(const struct ap_doc *d, size_t i)
{
	/* The copyright line first: most blocks have none under them. */
	return i + 1 < d->nblocks &&
	    strncmp(d->blocks[i + 1].text, "\xc2\xa9", 2) == 0 &&
	    (bare_name(&d->blocks[i]) || initials(&d->blocks[i]) ||
	    labelled_name(&d->blocks[i])) &&
	    !name_in(&d->blocks[i], &d->blocks[i + 1]);
}

/* "(Belga)", "AFP" alone: the agency credit closing a dispatch. */
static bool
is_agency_credit(const struct ap_block *b)
{
	char inner[64];
	const char *s = b->f.fold;
	size_t n = strlen(s);

	if (b->f.words > 4 || n < 2 || n >= sizeof(inner) + 2)
		return false;
	if (s[0] == '(' && s[n - 1] == ')') {
		memcpy(inner, s + 1, n - 2);
		inner[n - 2] = '\0';
		return ap_cue_whole(inner, CUE_AGENCY);
	}
	return ap_cue_whole(s, CUE_AGENCY);
}

/* A paragraph printed twice in a row (a teaser above its article). */
static bool
repeats_previous(const struct ap_doc *d, size_t from, size_t i)
{
	const struct ap_block *b = &d->blocks[i], *p;

	if (i == from || b->f.words < 8)
		return false;
	p = &d->blocks[i - 1];
	return p->len == b->len && memcmp(p->text, b->text, b->len) == 0;
}

/*
 * "Par Jacques Munier" alone in its paragraph: a signature wherever it
 * stands in the body (often at its end, before the related links).
 */
static bool
signature(const struct ap_block *b)
{
	return b->f.words <= 6 && HAS(b->f.cue_start, CUE_BYLINE) &&
	    ap_rule_byline(b);
}

/*
 * Whether the body region [from, to) holds one signature past its first
 * blocks: several are the bylines of teasers under the article.
 */
static bool
one_signature(const struct ap_doc *d, size_t from, size_t to)
{
	size_t i, n = 0;

	for (i = from + 3; i < to && n < 2; i++)
		n += signature(&d->blocks[i]);
	return n == 1;
}

#define TITLE_WORDS_MIN	4	/* words of an article's title */
#define TITLE_WORDS_MAX	20
#define AUTHOR_BOX_WORDS 12	/* a bio, not a name and role */
#define WIDGET_TITLES	5	/* bullets of a widget of titles, at most */

/* A bullet that reads as an article's title: capitalised, a few
 * words, no sentence's full stop. */
static bool
title_bullet(const struct ap_block *b)
{
	return (b->flags & AP_BF_LISTITEM) && b->f.words >= TITLE_WORDS_MIN &&
	    b->f.words <= TITLE_WORDS_MAX && b->f.last != '.' &&
	    b->f.last != ':' &&
	    b->f.last != ';' && b->f.last != ',' && !b->f.ends_ellipsis &&
	    ap_is_upper(text_cp_at_fold(b, 0));
}

static long	topic_words_shared(const struct ap_doc *,
		    const struct ap_block *, size_t);

/*
 * In text, a short line naming the article's topic over bulleted titles
 * after the body ("Loi sur le renseignement", then "• Pourquoi la loi
 * sur le renseignement…"): the box of articles on that topic.
 */
static bool
topic_label(const struct ap_doc *d, size_t from, size_t i)
{
	const struct ap_block *b = &d->blocks[i];

	return !ap_doc_is_html(d) && b->f.words <= 6 && !b->f.ends_sentence &&
	    !(b->flags & AP_BF_LISTITEM) && i + 2 < d->nblocks &&
	    title_bullet(&d->blocks[i + 1]) && title_bullet(&d->blocks[i + 2]) &&
	    topic_words_shared(d, b, from) > 0;
}

/* The body's run does not close on a topic's box of titles: it ends
 * before the label, and the tail reads the box. */
static size_t
before_topic_box(const struct ap_doc *d, size_t from, size_t to)
{
	size_t k = to;

	while (k > from && title_bullet(&d->blocks[k - 1]))
		k--;
	return k < to && k > from + 1 && topic_label(d, from, k - 1) ?
	    k - 1 : to;
}

/*
 * In text, a widget of linked titles the dump set as bullets in the
 * middle of the body, with no label: two to five title bullets between
 * prose paragraphs, the one before not announcing a list with a colon.
 * Returns the number of bullets at block i, or 0.
 */
static size_t
title_bullets(const struct ap_doc *d, size_t i, size_t to)
{
	size_t k;

	if (ap_doc_is_html(d) || i == 0 || !ap_rule_prose(&d->blocks[i - 1]) ||
	    d->blocks[i - 1].f.last == ':' ||
	    (d->blocks[i - 1].flags & AP_BF_LISTITEM))
		return 0;
	for (k = i; k < to && k - i <= WIDGET_TITLES &&
	    title_bullet(&d->blocks[k]); k++)
		;
	if (k - i < 2 || k - i > WIDGET_TITLES || k >= to ||
	    !ap_rule_prose(&d->blocks[k]) ||
	    (d->blocks[k].flags & AP_BF_LISTITEM))
		return 0;
	return k - i;
}

/* Label blocks [i, i + n) related titles; returns the last one. */
static size_t
label_titles(struct ap_doc *d, size_t i, size_t n, const char *why)
{
	size_t k;

	for (k = i; k < i + n; k++)
		label(&d->blocks[k], AP_KIND_RELATED, why);
	return i + n - 1;
}

/*
 * The box about the author a blog or magazine sets by the article
 * ("author-bio", "about-author"): an author's class beside a boilerplate
 * one, holding prose about that person rather than the byline itself.
 */
static bool
author_box(const struct ap_block *b)
{
	return (b->hcues & C_BYLINE) && (b->hcues & C_NEG) &&
	    !(b->hcues & C_BODY) && b->f.words >= AUTHOR_BOX_WORDS;
}

static void
label_body(struct ap_doc *d, size_t from, size_t to)
{
	double keep = ap_content_params(d)->keep;
	bool signed_once = one_signature(d, from, to);
	size_t i, k;
	const char *bp;

	for (i = from; i < to; i++) {
		struct ap_block *b = &d->blocks[i];

		if ((bp = ap_rule_boilerplate(b)) != NULL)
			drop(b, bp, "boilerplate cue");
		else if (inline_insert(d, b))
			label(b, AP_KIND_RELATED, "inline related insert");
		else if (related_by_cue(b))
			label(b, AP_KIND_RELATED, "link in a related box");
		else if ((k = title_bullets(d, i, to)) > 0)
			i = label_titles(d, i, k,
			    "titles bulleted between paragraphs");
		else if (related_label_after(d, b)) {
			label(b, AP_KIND_RELATED_LABEL, "related label");
			/* Titles under an insert label, up to the next prose
			 * or the end of its box. */
			while (i + 1 < to && in_label_box(d, b, i + 1)) {
				i++;
				if (is_image_remains(&d->blocks[i]))
					drop(&d->blocks[i], "navigation",
					    "image of a teaser");
				else
					label(&d->blocks[i], AP_KIND_RELATED,
					    "under related label");
			}
		} else if ((i - from < 3 || closing(d, i, to)) &&
		    ap_rule_byline(b))
			label(b, AP_KIND_BYLINE, "byline cue");
		else if (signed_once && signature(b))
			label(b, AP_KIND_BYLINE, "signature in body");
		else if (is_agency_credit(b))
			label(b, AP_KIND_BYLINE, "agency credit in body");
		else if (signs_over_copyright(d, i))
			label(b, AP_KIND_BYLINE, "name over the copyright");
		else if (i - from < 5 && ap_rule_dateline(b) &&
		    !ap_rule_prose(b))
			label(b, AP_KIND_DATE, "date line");
		else if (b->f.has_date && HAS(b->f.cue_start, CUE_DATE) &&
		    ap_rule_dateline(b) && closing(d, i, to))
			label(b, AP_KIND_DATE, "closing date line");
		else if (author_box(b))
			drop(b, "page", "author's box");
		else if (b->content < keep && b->table == 0)
			/* A data table's cells are short by nature: a table
			 * inside the body is kept whole. */
			drop(b, "page", "low content score in body region");
		else if (repeats_previous(d, from, i))
			drop(b, "duplicate", "same text as the block before");
		else if ((b->flags & AP_BF_BLOCKQUOTE) &&
		    (b->flags & AP_BF_LINK))
			/* A blog's card for another post: one link set in a
			 * blockquote says nothing of its own. */
			label(b, AP_KIND_RELATED, "link card in a blockquote");
		else if (b->f.opens_quote || (b->flags & AP_BF_BLOCKQUOTE))
			label(b, AP_KIND_QUOTE, "opens with a quotation");
		else if (b->flags & AP_BF_LISTITEM)
			label(b, AP_KIND_LISTITEM, "list item");
		else if (is_subhead(d, i, to))
			label(b, AP_KIND_SUBHEAD, "short title line in body");
		else
			label(b, AP_KIND_PARAGRAPH, "in body region");
	}
}

/* "Elsa Provenzano et Mickaël Bosredon": person names and nothing else. */
static bool
names_only(const struct ap_block *b)
{
	const char *s = b->text, *e = b->text + b->len, *p;
	size_t n = 0;

	if (b->f.words > 12 || b->f.ends_sentence)
		return false;
	while (s < e) {
		p = strstr(s, " et ");
		if (p == NULL || p > e)
			p = e;
		if (!ap_name_shape(s, (size_t)(p - s)) ||
		    has_function_word(s, (size_t)(p - s)))
			return false;
		n++;
		s = p == e ? e : p + 4;
	}
	return n > 0;
}

/* The next block that is not boilerplate, or NULL before "end". */
static const struct ap_block *
next_kept(const struct ap_doc *d, size_t i, size_t end)
{
	for (i++; i < end; i++)
		if (ap_rule_boilerplate(&d->blocks[i]) == NULL)
			return &d->blocks[i];
	return NULL;
}

/* Bytes of a folded word: letters, digits and any non-ASCII byte. */
static size_t
word_len(const char *s)
{
	size_t n = 0;

	while ((unsigned char)s[n] >= 0x80 || (s[n] >= 'a' && s[n] <= 'z') ||
	    (s[n] >= '0' && s[n] <= '9'))
		n++;
	return n;
}

/* Whether folded "hay" holds the word w[0..n) whole. */
static bool
has_word(const char *hay, const char *w, size_t n)
{
	const char *p;

	for (p = hay; (p = strstr(p, w)) != NULL; p++)
		if ((p == hay || word_len(p - 1) == 0) && word_len(p) == n)
			return true;
	return false;
}

/* Words under four bytes and function words say nothing of a topic. */
#define TOPIC_WORD	4
#define TOPIC_MAX	3	/* shared topic words counted */
#define TOPIC_BONUS	8	/* headline score a shared topic word adds */

/*
 * Topic words of a title line that the body's first blocks repeat: a
 * headline announces what the lead is about; a menu line or an
 * advertising slot does not.
 */
static long
topic_words_shared(const struct ap_doc *d, const struct ap_block *b,
    size_t from)
{
	char w[64];
	const char *p = b->f.fold;
	size_t n, k, shared = 0;

	if (p == NULL)
		return 0;
	while (*p != '\0' && shared < TOPIC_MAX) {
		if ((n = word_len(p)) == 0) {
			p++;
			continue;
		}
		if (n >= TOPIC_WORD && n < sizeof(w) &&
		    ap_stopword_count(p, n, AP_LANG_ALL, NULL) == 0) {
			memcpy(w, p, n);
			w[n] = '\0';
			for (k = from; k < d->nblocks && k < from + 3; k++)
				if (d->blocks[k].f.fold != NULL &&
				    has_word(d->blocks[k].f.fold, w, n)) {
					shared++;
					break;
				}
		}
		p += n;
	}
	return (long)shared;
}

/* The fitted table: hweights[2][HF__MAX], pages then text. */
#define weights hweights
#include "headline-weights.inc"
#undef weights

static const char *const hfeat_names[HF__MAX] = {
#define AP_HFEAT(id, name, meaning) [id] = name,
#include "headline-features.def"
#undef AP_HFEAT
};

static ap_headline_trace_fn headline_trace;
static void *headline_trace_arg;

const char *
ap_hfeat_name(enum ap_hfeat f)
{
	return (unsigned)f < HF__MAX ? hfeat_names[f] : "?";
}

void
ap_headline_trace(ap_headline_trace_fn fn, void *arg)
{
	headline_trace = fn;
	headline_trace_arg = arg;
}

/*
 * "10 Tips to Successfully Complete Online Courses", "5 choses à savoir
 * sur la réforme": a title that opens with its number, four words or
 * more, one sentence, no final period.
 */
static bool
numbered_title(const struct ap_block *b)
{
	const struct ap_feat *f = &b->f;
	size_t i = 0;

	while (i < b->len && b->text[i] >= '0' && b->text[i] <= '9')
		i++;
	return i > 0 && i < b->len && b->text[i] == ' ' && f->words >= 4 &&
	    f->words <= 25 && f->sentences <= 1 && f->last != '.' &&
	    f->last != ':' && f->last != ',' && !f->ends_ellipsis;
}

/* Whether block i may be the headline at all: a page's <h1>, or a
 * title-like line of two words or more that is no credit nor label. */
static bool
headline_candidate(const struct ap_block *b)
{
	if ((b->flags & AP_BF_HEADING) && b->level == 1)
		return true;
	return (ap_rule_titleish(b) || numbered_title(b)) &&
	    b->f.words >= 2 && !ap_rule_byline(b) && !ap_rule_dateline(b) &&
	    !ap_rule_drop_label(b);
}

/* Whether another block of d has exactly b's text. */
static bool
repeated_in_doc(const struct ap_doc *d, const struct ap_block *b)
{
	size_t k;

	for (k = 0; k < d->nblocks; k++)
		if (&d->blocks[k] != b && d->blocks[k].len == b->len &&
		    memcmp(d->blocks[k].text, b->text, b->len) == 0)
			return true;
	return false;
}

/* Whether b's text holds one of the strings "any". */
static bool
holds_any(const struct ap_block *b, const char *const *any)
{
	size_t i, n;

	for (; *any != NULL; any++)
		for (n = strlen(*any), i = 0; i + n <= b->len; i++)
			if (memcmp(b->text + i, *any, n) == 0)
				return true;
	return false;
}

/* Whether a byline, a date or a names line is among the next three
 * blocks kept before the body. */
static bool
credit_follows(const struct ap_doc *d, size_t i, size_t from)
{
	const struct ap_block *n = &d->blocks[i];
	size_t k;

	for (k = 0; k < 3 && (n = next_kept(d, (size_t)(n - d->blocks),
	    from)) != NULL; k++)
		if (ap_rule_byline(n) || ap_rule_dateline(n) || names_only(n))
			return true;
	return false;
}

/*
 * A title the page cut with "…" right over the article's date line
 * ("Quand on comprend que les grenades… l'ordre…", "Publié le 29 juin
 * 2019"): a teaser's cut title has no date of the page under it.
 */
static bool
cut_title_over_date(const struct ap_doc *d, size_t i, size_t from)
{
	const struct ap_block *b = &d->blocks[i], *n;

	return b->f.ends_ellipsis && b->f.title_case && b->f.words <= 25 &&
	    !(b->flags & AP_BF_LISTITEM) &&
	    (n = next_kept(d, i, from)) != NULL && ap_rule_dateline(n);
}

/* Whether a byline or a date line is among the three blocks before i. */
static bool
credit_precedes(const struct ap_doc *d, size_t i)
{
	size_t k;

	for (k = i; k > 0 && k + 3 > i; k--)
		if (ap_rule_byline(&d->blocks[k - 1]) ||
		    ap_rule_dateline(&d->blocks[k - 1]))
			return true;
	return false;
}

/*
 * The first, hand-set title score (kept as one feature, as the fit still
 * finds it useful): a title-like line, best when a byline or date line
 * follows it, when it is close to the body and when the body's lead
 * repeats its topic words.  In tens; x holds the other features.
 */
static double
title_rules(const struct ap_block *b, size_t dist, const double *x)
{
	long s = 10;

	s += 60 * (long)x[HF_H1] - 40 * (long)x[HF_LIST_NAV] -
	    30 * (long)x[HF_NAME] + 15 * (long)x[HF_FIRST] +
	    10 * (long)x[HF_SET_APART] + TOPIC_BONUS * (long)x[HF_TOPIC];
	if (x[HF_TITLE_LENGTH] > 0)
		s += 10 + (long)(b->f.words > 15 ? 15 : b->f.words) / 2;
	/* A title over its credit stays the headline across a carousel or
	 * a menu before the text. */
	s += x[HF_CREDIT_AFTER] > 0 ? 25 - (long)dist / 8 : -(long)dist / 2;
	return (double)s / 10;
}

/* What the headline features of a candidate need from its page. */
struct head_ctx {
	size_t	 from;		/* the body's first block */
	size_t	 rivals;	/* title-like blocks between it and the body */
	bool	 gaps;		/* the text parts paragraphs by blank lines */
};

/* Whether any block of d follows a blank line. */
static bool
has_gaps(const struct ap_doc *d)
{
	size_t i;

	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].flags & AP_BF_GAP_BEFORE)
			return true;
	return false;
}

/* The headline features of candidate block i (headline-features.def). */
static void
headline_features(const struct ap_doc *d, size_t i,
    const struct head_ctx *c, double *x)
{
	size_t from = c->from;
	static const char *const seps[] = { " | ", " - ",
	    " \xe2\x80\x93 ", " \xe2\x80\x94 ", NULL };	/* – — */
	static const char *const crumbs[] = { " > ", " \xc2\xbb ",
	    " \xe2\x80\xba ", " / ", NULL };			/* » › */
	const struct ap_block *b = &d->blocks[i], *n = next_kept(d, i,
	    d->nblocks);
	const char *m = d->meta.headline;
	size_t lead = i < from ? from : i + 1;	/* the text it heads */
	size_t dist = i < from ? from - i : 0;	/* blocks to the body */

	memset(x, 0, HF__MAX * sizeof(*x));
	x[HF_BIAS] = 1;
	x[HF_H1] = (b->flags & AP_BF_HEADING) && b->level == 1;
	x[HF_HEADING] = (b->flags & AP_BF_HEADING) && b->level > 1;
	x[HF_LIST_NAV] = (b->flags & (AP_BF_LISTITEM | AP_BF_NAV)) != 0;
	x[HF_NAME] = b->f.name_shape || names_only(b);
	x[HF_FIRST] = i == 0 && b->cues == NULL;
	x[HF_TITLE_LENGTH] = b->f.words >= 5 && b->f.words <= 25;
	x[HF_WORDS_LOG] = log1p((double)b->f.words);
	x[HF_SET_APART] = !c->gaps || ((b->flags & AP_BF_GAP_BEFORE) &&
	    i + 1 < d->nblocks &&
	    (d->blocks[i + 1].flags & AP_BF_GAP_BEFORE));
	x[HF_TOPIC] = (double)topic_words_shared(d, b, lead);
	x[HF_CREDIT_AFTER] = credit_follows(d, i, i < from ? from :
	    lead + 3 < d->nblocks ? lead + 3 : d->nblocks);
	x[HF_CREDIT_BEFORE] = credit_precedes(d, i);
	x[HF_OPENS_BODY] = i == from;
	x[HF_DISTANCE_LOG] = log1p((double)dist);
	x[HF_DISTANCE] = (double)(dist > 60 ? 60 : dist) / 10;
	x[HF_RIVALS_LOG] = log1p((double)c->rivals);
	x[HF_REPEATED] = repeated_in_doc(d, b);
	x[HF_ENDS_FIRMLY] = b->f.ends_firmly;
	x[HF_ENDS_ELLIPSIS] = b->f.ends_ellipsis;
	x[HF_ENDS_ASKING] = b->f.last == '?' || b->f.last == '!';
	x[HF_SEPARATOR] = holds_any(b, seps);
	x[HF_BREADCRUMB] = holds_any(b, crumbs);
	x[HF_WIDGET] = memchr(b->text, '[', b->len) != NULL &&
	    memchr(b->text, ']', b->len) != NULL;
	x[HF_UPPER_SHARE] = ap_share(b->f.upper, b->f.letters);
	x[HF_DIGIT_SHARE] = ap_share(b->f.digits, b->f.chars);
	x[HF_HAS_DATE] = b->f.has_date;
	x[HF_CUE] = (b->f.cue_any | b->f.cue_start) != 0;
	x[HF_CONTENT] = b->content;
	x[HF_NEXT_CONTENT] = n != NULL ? n->content : 0;
	x[HF_COMMAS] = log1p((double)b->f.commas);
	x[HF_META_TITLE] = m != NULL && strlen(m) == b->len &&
	    memcmp(m, b->text, b->len) == 0;
	x[HF_LINK_DENSITY] = ap_share(b->link_chars, b->f.chars);
	x[HF_TITLE_RULES] = title_rules(b, dist, x);
}

/*
 * How likely block i is the headline, from weights fitted on the dev
 * corpora (data/headline-weights.txt); a headline scores above 0.
 */
static double
headline_score(const struct ap_doc *d, size_t i, const struct head_ctx *c)
{
	const double *w = hweights[ap_doc_is_html(d) ? 0 : 1];
	double x[HF__MAX], s = 0;
	size_t k;

	headline_features(d, i, c, x);
	if (headline_trace != NULL)
		headline_trace(d, i, x, headline_trace_arg);
	for (k = 0; k < HF__MAX; k++)
		s += w[k] * x[k];
	return s;
}

/* The page's own summary (og:description) shown under the headline. */
static bool
is_meta_description(const struct ap_doc *d, const struct ap_block *b)
{
	const char *m = d->meta.description;

	return m != NULL && b->f.words >= 8 && strlen(m) >= b->len / 2 &&
	    strncmp(m, b->text, b->len < strlen(m) ? b->len : strlen(m)) == 0;
}

/*
 * Before the body: related boxes under their label, then the headline,
 * with the byline, date and names between it and the body.
 */
/* Whether block i, between the headline and the body, touches a date. */
static bool
beside_dateline(const struct ap_doc *d, size_t i, size_t head, size_t from)
{
	return (i + 1 < from && ap_rule_dateline(&d->blocks[i + 1])) ||
	    (i > head + 1 && ap_rule_dateline(&d->blocks[i - 1]));
}

/*
 * Why block i won, for the tree view: "title before body" and the two
 * features that raised its score most ("+topic_words +credit_after").
 */
static const char *
headline_evidence(struct ap_doc *d, size_t i, const struct head_ctx *c)
{
	const double *w = hweights[ap_doc_is_html(d) ? 0 : 1];
	double x[HF__MAX], top[2] = { 0, 0 };
	size_t k, best[2] = { HF__MAX, HF__MAX };
	char why[96];

	headline_features(d, i, c, x);
	for (k = 0; k < HF__MAX; k++) {
		double v = w[k] * x[k];

		if (k == HF_BIAS || v <= top[1])
			continue;
		if (v > top[0]) {
			top[1] = top[0], best[1] = best[0];
			top[0] = v, best[0] = k;
		} else
			top[1] = v, best[1] = k;
	}
	snprintf(why, sizeof(why), "title before body%s%s%s%s",
	    best[0] < HF__MAX ? " +" : "",
	    best[0] < HF__MAX ? hfeat_names[best[0]] : "",
	    best[1] < HF__MAX ? " +" : "",
	    best[1] < HF__MAX ? hfeat_names[best[1]] : "");
	return ap_strdup(&d->arena, why);
}

#define DATE_ABOVE	3	/* kept blocks above the headline searched */

/*
 * A date line just above the headline ("Publié le …" over the title, or
 * over a kicker the title was not told from), when none follows it.
 */
static void
label_date_above(struct ap_doc *d, size_t head, size_t lim)
{
	size_t i, seen = 0;

	for (i = head; i-- > lim && seen < DATE_ABOVE;) {
		struct ap_block *b = &d->blocks[i];

		if (ap_rule_boilerplate(b) != NULL)
			continue;
		if (b->kind == AP_KIND_UNKNOWN && ap_rule_dateline(b)) {
			label(b, AP_KIND_DATE, "date above headline");
			return;
		}
		seen++;
	}
}

static void
label_head(struct ap_doc *d, size_t from)
{
	struct head_ctx c = { from, 0, has_gaps(d) };
	size_t i, head = SIZE_MAX, lim = from > 200 ? from - 200 : 0;
	double best = -HUGE_VAL, sc;
	bool after_meta = false, lead = false, dated = false;

	for (i = 0; i < from; i++)
		if (ap_rule_related_label(&d->blocks[i])) {
			label(&d->blocks[i], AP_KIND_RELATED_LABEL,
			    "related label");
			i = related_run(d, i + 1, from) - 1;
		} else if (related_by_cue(&d->blocks[i]))
			label(&d->blocks[i], AP_KIND_RELATED,
			    "link in a related box");
	/* Scraped text may open its body region with the title itself. */
	if (!ap_doc_is_html(d) && from < d->nblocks &&
	    (d->blocks[from].kind == AP_KIND_SUBHEAD ||
	    d->blocks[from].kind == AP_KIND_PARAGRAPH) &&
	    headline_candidate(&d->blocks[from])) {
		best = headline_score(d, from, &c);
		head = from;
	}
	for (i = from; i-- > lim;) {
		const struct ap_block *b = &d->blocks[i];

		if (b->kind != AP_KIND_UNKNOWN ||
		    ap_rule_boilerplate(b) != NULL || (!headline_candidate(b) &&
		    !cut_title_over_date(d, i, from)))
			continue;
		if ((sc = headline_score(d, i, &c)) > best) {
			best = sc;
			head = i;
		}
		c.rivals++;
	}
	if (head == SIZE_MAX)
		return;
	/* Under the bar the best title-like line is no headline, but the
	 * credits and the lead still follow it. */
	if (best > 0)
		label(&d->blocks[head], AP_KIND_HEADLINE,
		    headline_evidence(d, head, &c));
	for (i = head + 1; i < from; i++) {
		struct ap_block *b = &d->blocks[i];

		if (b->kind != AP_KIND_UNKNOWN ||
		    ap_rule_boilerplate(b) != NULL)
			continue;
		if (!lead && (standfirst_by_cue(b) ||
		    is_meta_description(d, b)))
			label(b, AP_KIND_STANDFIRST, "lead marked by the page");
		else if (after_meta && !lead && ap_rule_prose(b) &&
		    b->f.words >= 15)
			label(b, AP_KIND_STANDFIRST, "lead after byline");
		else if (!lead && ap_rule_prose(b) && i + 1 < from &&
		    (ap_rule_byline(&d->blocks[i + 1]) ||
		    ap_rule_dateline(&d->blocks[i + 1])))
			label(b, AP_KIND_STANDFIRST, "lead before byline");
		else if (ap_rule_byline(b) || (names_only(b) &&
		    !(b->flags & AP_BF_LISTITEM) &&
		    (i - head <= 4 || from - i <= 3 ||
		    beside_dateline(d, i, head, from))))
			label(b, AP_KIND_BYLINE, "byline after headline");
		else if (ap_rule_dateline(b))
			label(b, AP_KIND_DATE, "date after headline");
		after_meta |= b->kind == AP_KIND_BYLINE ||
		    b->kind == AP_KIND_DATE;
		dated |= b->kind == AP_KIND_DATE;
		lead |= b->kind == AP_KIND_STANDFIRST;
	}
	if (!dated)
		label_date_above(d, head, lim);
}

#define AUTHOR_BOX_REACH	3	/* blocks under an author label */

/* "NW Team", "Titiou Lecoq": a short name-shaped line, not a sentence,
 * not a label in capitals ("EN DIRECT") and not an image's alt text
 * doubled ("NW TeamNW Team"). */
static bool
box_name(const struct ap_block *b)
{
	return b->f.name_shape && b->f.words <= 5 && !b->f.ends_sentence &&
	    b->f.upper < b->f.letters && !is_doubled(b) && !is_widget(b);
}

/* After the body: the author box, related lists, then the page's rest. */
static void
label_tail(struct ap_doc *d, size_t from, size_t to)
{
	size_t i = to, box = SIZE_MAX;	/* the author label's block */
	bool after_name = false, dropping = false;

	while (i < d->nblocks) {
		struct ap_block *b = &d->blocks[i];
		const char *bp;

		/* "À propos de l'auteur", then the author's name alone. */
		if (box != SIZE_MAX && i <= box + AUTHOR_BOX_REACH &&
		    box_name(b)) {
			label(b, AP_KIND_BYLINE, "name under an author label");
			box = SIZE_MAX;
			i++;
			continue;
		}
		if (HAS(b->f.cue_whole, CUE_AUTHORBOX))
			box = i;

		if (related_label_after(d, b) ||
		    (!dropping && topic_label(d, from, i))) {
			label(b, AP_KIND_RELATED_LABEL, "related label");
			i = related_run(d, i + 1, d->nblocks);
			dropping = false;
			continue;
		}
		if (related_by_cue(b)) {
			label(b, AP_KIND_RELATED, "link in a related box");
			i++;
			continue;
		}
		if (ap_rule_drop_label(b))
			dropping = true;
		if (b->hcues & C_COMMENT) {
			drop(b, "comments", "in readers' comments");
		} else if (!dropping && i - to < 3 && is_agency_credit(b)) {
			/* "(Belga)" the body's run stopped short of. */
			label(b, AP_KIND_BYLINE, "agency credit after body");
		} else if (dropping || (bp = ap_rule_boilerplate(b)) != NULL) {
			drop(b, dropping ? "section" : bp, "after body");
		} else if (inline_insert(d, b)) {
			label(b, AP_KIND_RELATED, "inline related insert after body");
		} else if (after_name && ap_rule_role(b)) {
			/* "Journaliste - Le Courrier": the name's role, not
			 * a second credit. */
			label(b, AP_KIND_BYLINE, "author role");
			b->flags |= AP_BF_ROLE;
		} else if ((i - to < 6 && (ap_rule_byline(b) || bare_name(b))) ||
		    signs_over_copyright(d, i)) {
			label(b, AP_KIND_BYLINE, "author after body");
			after_name = true;
		} else if (i - to < 6 && ap_rule_dateline(b)) {
			label(b, AP_KIND_DATE, "date after body");
		} else
			drop(b, "page", "after body");
		i++;
	}
}

/*
 * A first paragraph set apart by the byline or date that follows it is
 * the standfirst (chapô): headline, chapô, byline, body.
 */
static bool
is_lead_separator(const struct ap_block *b)
{
	return b->kind == AP_KIND_BYLINE || b->kind == AP_KIND_DATE ||
	    (b->kind == AP_KIND_BOILERPLATE && b->drop != NULL &&
	    (strcmp(b->drop, "caption") == 0 || strcmp(b->drop, "credit") == 0));
}

/* A kind of running body text (headings aside). */
static bool
body_kind(enum ap_kind k)
{
	return k == AP_KIND_PARAGRAPH || k == AP_KIND_QUOTE ||
	    k == AP_KIND_LISTITEM;
}

/* Whether body text follows block i in the region: a lead needs a body. */
static bool
body_after(const struct ap_doc *d, size_t i, size_t to)
{
	for (i++; i < to; i++)
		if (body_kind(d->blocks[i].kind))
			return true;
	return false;
}

static void
find_standfirst(struct ap_doc *d, size_t from, size_t to)
{
	struct ap_block *b;
	size_t i;

	for (i = 0; i < from; i++)
		if (d->blocks[i].kind == AP_KIND_STANDFIRST)
			return;	/* the head has its chapô already */
	for (i = from; i < to && i < from + 2 && body_after(d, i, to); i++) {
		b = &d->blocks[i];
		/* A chapô set as a heading (<h2>) but marked by the page. */
		if (b->kind == AP_KIND_SUBHEAD && b->f.ends_firmly &&
		    (standfirst_by_cue(b) || is_meta_description(d, b))) {
			label(b, AP_KIND_STANDFIRST, "lead marked by the page");
			break;
		}
		if (b->kind != AP_KIND_PARAGRAPH)
			continue;
		if (standfirst_by_cue(b) || is_meta_description(d, b)) {
			label(b, AP_KIND_STANDFIRST, "lead marked by the page");
			break;
		}
		if (i + 2 < to && is_lead_separator(&d->blocks[i + 1]))
			label(b, AP_KIND_STANDFIRST, "lead before byline");
		break;
	}
}

/* Longest text of an embedded post: a tweet is 280 characters. */
#define EMBED_MAX	600

/*
 * An embedded post is its text, then its signature line: the text is
 * the block just before the signature (in the same <blockquote> on a
 * page).  Neither is article text.
 */
static void
mark_embeds(struct ap_doc *d)
{
	struct ap_block *b, *t;
	size_t i;

	for (i = 1; i < d->nblocks; i++) {
		b = &d->blocks[i];
		if (!is_embed_signature(b))
			continue;
		b->flags |= AP_BF_EMBED;
		b->content = 0;
		t = &d->blocks[i - 1];
		if (!(t->flags & AP_BF_HEADING) && t->f.chars <= EMBED_MAX &&
		    (t->flags & AP_BF_BLOCKQUOTE) ==
		    (b->flags & AP_BF_BLOCKQUOTE)) {
			t->flags |= AP_BF_EMBED;
			t->content = 0;
		}
	}
}

/* A title line: a few words, no sentence, no quotation, no list item. */
static bool
title_line(const struct ap_block *t)
{
	return t->f.words >= 3 && t->f.words <= 20 && !t->f.ends_sentence &&
	    t->f.last != '.' && !t->f.opens_quote &&
	    !(t->flags & AP_BF_LISTITEM) && ap_rule_boilerplate(t) == NULL;
}

/* The characters of the blocks [from, to). */
static size_t
chars_in(const struct ap_doc *d, size_t from, size_t to)
{
	size_t n = 0;

	for (; from < to; from++)
		n += d->blocks[from].f.chars;
	return n;
}

/*
 * In text, a body region holding a title line and its publication line
 * ("Putsh en cours à Radio Kaléidoscope" / "Publié le 9 juin 2019")
 * starts after them, with most of its text still after: what came
 * before was a sidebar; the title and its date are label_head's.
 */
static size_t
past_title_line(const struct ap_doc *d, size_t from, size_t to)
{
	const struct ap_block *m;
	size_t k;

	if (ap_doc_is_html(d))
		return from;	/* the page's markup placed the title */
	for (k = from; k + 2 < to && k < from + 60; k++) {
		m = &d->blocks[k + 1];
		if (!title_line(&d->blocks[k]) || !m->f.has_date ||
		    !HAS(m->f.cue_start, CUE_DATE) || !ap_rule_dateline(m))
			continue;
		if (chars_in(d, k + 2, to) > chars_in(d, from, k))
			return k + 2;
		break;
	}
	return from;
}

/*
 * A "page not found" shell: a short line says so ("Désolé, cet article
 * n'existe pas", "Seite nicht gefunden") before the body region, and the
 * region holds no text the content score is sure of (what is left is the
 * site's ads and teasers).  Such a page has no article.
 */
static bool
not_found_shell(const struct ap_doc *d, size_t from, size_t to)
{
	size_t i;
	bool said = false;

	for (i = 0; i < from && !said; i++)
		said = HAS(d->blocks[i].f.cue_start, CUE_NOTFOUND) &&
		    d->blocks[i].f.words <= 15;
	if (!said)
		return false;
	for (i = from; i < to; i++)
		if (d->blocks[i].content >= ARTICLE_SURE)
			return false;
	return true;
}

/* A related entry that is a link to a site's front: a service or a
 * partner's home ("Lire le journal numérique"), not an article. */
static void
drop_front_links(struct ap_doc *d)
{
	size_t i;

	for (i = 0; i < d->nblocks; i++) {
		struct ap_block *b = &d->blocks[i];

		if (b->kind == AP_KIND_RELATED && b->href != NULL &&
		    !(b->flags & AP_BF_SUMMARY) &&
		    b->link_chars * 2 >= b->f.chars && ap_uri_is_front(b->href))
			drop(b, "navigation", "link to a site's front page");
	}
}

#define REPEAT_WORDS	10	/* a paragraph, not a refrain or a label */
#define REPEATS_MIN	3	/* repeats that make a second copy */

/*
 * The page printed its article twice or more (a copy for each screen
 * size): when a third of the body's paragraphs repeat earlier ones word
 * for word, the repeats go.  A few repeats are the text's own (a week's
 * plan in a training schedule, a refrain).  Body blocks go in a hash set
 * of their indices, 0 for an empty slot; *rep marks the repeats.
 */
static size_t
mark_repeats(struct ap_doc *d, size_t from, size_t to, bool *rep)
{
	size_t *set, cap = 16, i, k, mask, n = 0;
	const struct ap_block *b, *o;

	while (cap < 2 * (to - from))
		cap *= 2;
	set = ap_allocarray(&d->arena, cap, sizeof(*set));
	memset(set, 0, cap * sizeof(*set));
	mask = cap - 1;
	for (i = from; i < to; i++) {
		b = &d->blocks[i];
		if (!body_kind(b->kind) || b->f.words < REPEAT_WORDS)
			continue;
		for (k = ap_fnv(b->text, b->len) & mask; set[k] != 0;
		    k = (k + 1) & mask) {
			o = &d->blocks[set[k] - 1];
			if (o->len == b->len &&
			    memcmp(o->text, b->text, b->len) == 0)
				break;
		}
		if (set[k] != 0) {
			rep[i - from] = true;
			n++;
		} else
			set[k] = i + 1;
	}
	return n;
}

static void
drop_repeated_body(struct ap_doc *d, size_t from, size_t to)
{
	bool *rep = ap_allocarray(&d->arena, to - from, sizeof(*rep));
	size_t i, n, body = 0;

	memset(rep, 0, (to - from) * sizeof(*rep));
	n = mark_repeats(d, from, to, rep);
	for (i = from; i < to; i++)
		body += body_kind(d->blocks[i].kind);
	if (n < REPEATS_MIN || n * 3 < body)
		return;
	for (i = from; i < to; i++)
		if (rep[i - from])
			drop(&d->blocks[i], "duplicate",
			    "the article printed twice");
}

void
ap_classify(struct ap_doc *d)
{
	size_t i, from, to;

	ap_content_score(d);
	mark_embeds(d);
	body_region(d, &from, &to);
	from = past_title_line(d, from, to);
	to = before_topic_box(d, from, to);
	if (not_found_shell(d, from, to))
		from = to = 0;
	for (i = 0; i < d->nblocks; i++)
		d->blocks[i].kind = AP_KIND_UNKNOWN;
	label_body(d, from, to);
	if (to > from)
		drop_repeated_body(d, from, to);
	label_head(d, from);
	find_standfirst(d, from, to);
	label_tail(d, from, to);
	drop_front_links(d);
	for (i = 0; i < from; i++) {
		struct ap_block *b = &d->blocks[i];
		const char *bp = ap_rule_boilerplate(b);

		if (b->kind == AP_KIND_UNKNOWN)
			drop(b, bp != NULL ? bp : "page", "before body");
	}
}
