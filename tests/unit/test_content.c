/* SPDX-License-Identifier: ISC */
/*
 * The content scoring stage (content.c): every named feature of
 * content-features.def, on small pages parsed with ap_parse(), fires on a
 * chosen block and stays silent on another (blocks found by their text);
 * the names and the weight table; and the probabilities it gives.  The
 * features do not depend on the fitted weights, so a refit leaves these
 * tests alone.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "artparse.h"
#include "content.h"
#include "doc.h"

/*
 * An article page: a headline before the container, a byline and a date
 * marked by their classes, paragraphs of every shape in the container
 * (class "article-body"), and a related box after it.
 */
static const char page[] =
    "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
    "<title>Le marché couvert rouvre ses portes</title></head><body>"
    "<header class=\"site-header\"><nav class=\"menu\"><ul>"
    "<li><a href=\"/politique\">Politique</a></li>"
    "<li><a href=\"/sport\">Sport</a></li></ul></nav></header>"
    "<article>"
    "<h1>Le marché couvert rouvre ses portes</h1>"
    "<div class=\"byline\">Par Claire Dubois</div>"
    "<p class=\"date\">Publié le 12 mars 2024 à 18h05</p>"
    "<div class=\"article-body\">"
    "<p><strong>Après deux ans de travaux</strong>, le marché couvert de "
    "la place Carnot a rouvert samedi matin, sous les applaudissements "
    "des commerçants et des habitants du quartier.</p>"
    "<p>La halle, construite en 1898, a retrouvé sa charpente d’origine. "
    "Les étals ont été refaits. Le sol aussi.</p>"
    "<h2>Une rénovation attendue</h2>"
    "<p>« Nous avons attendu ce jour pendant des années », raconte une "
    "fromagère installée depuis trente ans sous la halle.</p>"
    "<blockquote><p>Le marché est le cœur battant de la ville, il fallait "
    "le sauver.</p></blockquote>"
    "<figure><img src=\"halle.jpg\" alt=\"\">"
    "<figcaption>La halle rénovée, samedi matin.</figcaption></figure>"
    "<p>Les travaux ont coûté <a href=\"/budget\">quatre millions "
    "d’euros</a>, financés par la ville et la région.</p>"
    "<ul><li>ouverture du mardi au dimanche</li>"
    "<li>parking gratuit le samedi</li></ul>"
    "<p><strong>La fête d’inauguration aura lieu le 30 mars sur la "
    "place.</strong></p>"
    "<p>Reste à savoir si la clientèle sera au rendez-vous dans les "
    "prochains mois…</p>"
    "<p>Combien de temps faudra-t-il pour retrouver les habitués du "
    "samedi matin ?</p>"
    "</div></article>"
    "<div class=\"related\"><p>À lire aussi</p><ul>"
    "<li><a href=\"/carnot\">La place Carnot bientôt piétonne</a></li>"
    "</ul></div>"
    "<footer><p>Mentions légales</p></footer>"
    "</body></html>";

/*
 * A container (class "story") holding what pages put inside the text:
 * a footer, a reader's comment, a share prompt, section and related
 * labels, a paragraph printed twice, a signature; an aside after it.
 * No <h1>.
 */
static const char inserts[] =
    "<html lang=\"fr\"><body><div class=\"story\">"
    "<p>Après deux ans de travaux, le marché couvert de la place Carnot "
    "a rouvert samedi matin, sous les applaudissements des commerçants."
    "</p>"
    "<p>Partager sur Facebook</p>"
    "<p>Les plus lus</p>"
    "<p>Lire aussi : La place Carnot bientôt piétonne</p>"
    "<p>La halle, construite en 1898, a retrouvé sa charpente d’origine "
    "et ses verrières, restaurées par un atelier de la région.</p>"
    "<p>La halle, construite en 1898, a retrouvé sa charpente d’origine "
    "et ses verrières, restaurées par un atelier de la région.</p>"
    "<footer><p>Une phrase de fin écrite dans le pied de l’article.</p>"
    "</footer>"
    "<p class=\"comment-text\">Très bonne nouvelle pour le quartier, "
    "j’irai samedi prochain avec mes enfants voir les nouveaux étals.</p>"
    "<p>Claire Dubois</p>"
    "<aside><p>Un encadré placé dans la marge de l’article, avec du "
    "texte.</p></aside>"
    "</div></body></html>";

/* Scraped text: a menu, a title, two paragraphs, a list. */
static const char text[] =
    "Accueil\n\nPolitique\n\nSport\n\nCulture\n\nMétéo\n\n"
    "Le marché couvert rouvre ses portes\n\n"
    "Après deux ans de travaux, le marché couvert de la place Carnot a "
    "rouvert samedi matin, sous les applaudissements des commerçants.\n\n"
    "La halle, construite en 1898, a retrouvé sa charpente d’origine et "
    "ses verrières, restaurées par un atelier de la région.\n\n"
    "- Ouverture du mardi au dimanche\n"
    "- Parking gratuit le samedi\n";

/* An English page: the page's language decides which words count. */
static const char english[] =
    "<html lang=\"en\"><body><article>"
    "<p>The covered market reopened on Saturday morning after two years "
    "of work, to the applause of the traders and of the people who live "
    "in the area.</p>"
    "<p>Wednesday</p>"
    "</article></body></html>";

enum want {
	FIRES,		/* nonzero on the block */
	SILENT,		/* zero on the block */
	ABOVE		/* greater on the block than on "other" */
};

struct fcase {
	enum ap_cfeat	 f;
	const char	*in;
	const char	*block;		/* part of the block's text */
	enum want	 want;
	const char	*other;		/* ABOVE: the block it beats */
};

#define F(f, in, b)		{ f, in, b, FIRES, NULL }
#define S(f, in, b)		{ f, in, b, SILENT, NULL }
#define A(f, in, b, o)		{ f, in, b, ABOVE, o }

/* Blocks of page and inserts used by many rows. */
#define H1	"Le marché couvert rouvre ses portes"
#define LEAD	"le marché couvert de la place Carnot"
#define TERSE	"Le sol aussi."
#define SUB	"Une rénovation attendue"
#define TEASER	"La place Carnot bientôt piétonne"

static const struct fcase cases[] = {
	/* The intercept is 1 on every block: it has no silent case. */
	F(CF_BIAS, page, LEAD),
	F(CF_BIAS, text, "Accueil"),

	F(CF_HTML, page, LEAD),
	S(CF_HTML, text, LEAD),

	/* Every block has characters: longer is more. */
	F(CF_TEXT_LEN_LOG, page, SUB),
	A(CF_TEXT_LEN_LOG, page, LEAD, SUB),

	F(CF_SHORT, page, SUB),
	S(CF_SHORT, page, LEAD),

	F(CF_LINK_DENSITY, page, "Les travaux ont coûté"),
	S(CF_LINK_DENSITY, page, LEAD),

	F(CF_WHOLE_LINK, page, TEASER),
	S(CF_WHOLE_LINK, page, "Les travaux ont coûté"),

	F(CF_COMMAS, page, LEAD),
	S(CF_COMMAS, page, "La fête d’inauguration"),

	F(CF_HAS_SENTENCE_END, page, LEAD),
	F(CF_HAS_SENTENCE_END, page, "Combien de temps"),
	S(CF_HAS_SENTENCE_END, page, SUB),

	F(CF_ENDS_FIRMLY, page, LEAD),
	F(CF_ENDS_FIRMLY, page, "Reste à savoir"),
	S(CF_ENDS_FIRMLY, page, "Combien de temps"),

	F(CF_ENDS_ELLIPSIS, page, "Reste à savoir"),
	S(CF_ENDS_ELLIPSIS, page, LEAD),

	F(CF_OPENS_QUOTE, page, "Nous avons attendu"),
	S(CF_OPENS_QUOTE, page, "Le marché est le cœur"),

	F(CF_STOPWORDS, page, LEAD),
	F(CF_STOPWORDS, english, "The covered market"),
	S(CF_STOPWORDS, inserts, "Claire Dubois"),
	S(CF_STOPWORDS, english, "Wednesday"),

	F(CF_STOPWORDS_LOG, page, LEAD),
	F(CF_STOPWORDS_LOG, english, "The covered market"),
	S(CF_STOPWORDS_LOG, inserts, "Claire Dubois"),

	/* Every block holds a sentence: three are more than one. */
	F(CF_SENTENCES_LOG, page, TERSE),
	A(CF_SENTENCES_LOG, page, TERSE, LEAD),

	F(CF_UPPER_SHARE, page, LEAD),
	S(CF_UPPER_SHARE, page, "ouverture du mardi"),

	F(CF_DIGIT_SHARE, page, "Publié le 12 mars"),
	S(CF_DIGIT_SHARE, page, LEAD),

	F(CF_TITLE_CASE, page, SUB),
	S(CF_TITLE_CASE, page, LEAD),

	F(CF_NAME_SHAPE, inserts, "Claire Dubois"),
	S(CF_NAME_SHAPE, page, SUB),

	F(CF_HAS_DATE, page, "Publié le 12 mars"),
	S(CF_HAS_DATE, page, LEAD),

	F(CF_HEADING, page, SUB),
	S(CF_HEADING, page, H1),
	S(CF_HEADING, page, LEAD),

	F(CF_H1, page, H1),
	S(CF_H1, page, SUB),

	F(CF_LIST_ITEM, page, "ouverture du mardi"),
	F(CF_LIST_ITEM, text, "Ouverture du mardi"),
	S(CF_LIST_ITEM, page, LEAD),

	F(CF_IN_BLOCKQUOTE, page, "Le marché est le cœur"),
	S(CF_IN_BLOCKQUOTE, page, "Nous avons attendu"),

	F(CF_IN_FIGURE, page, "La halle rénovée"),
	S(CF_IN_FIGURE, page, LEAD),

	F(CF_IN_NAV, inserts, "Une phrase de fin"),
	F(CF_IN_NAV, inserts, "Un encadré"),
	S(CF_IN_NAV, inserts, LEAD),

	F(CF_IN_ARTICLE, page, LEAD),
	S(CF_IN_ARTICLE, page, TEASER),
	S(CF_IN_ARTICLE, text, LEAD),

	F(CF_ALL_STRONG, page, "La fête d’inauguration"),
	S(CF_ALL_STRONG, page, LEAD),

	F(CF_CLASS_NEGATIVE, page, TEASER),
	S(CF_CLASS_NEGATIVE, page, LEAD),

	F(CF_CLASS_POSITIVE, page, LEAD),
	S(CF_CLASS_POSITIVE, page, TEASER),

	F(CF_CLASS_COMMENT, inserts, "Très bonne nouvelle"),
	S(CF_CLASS_COMMENT, inserts, LEAD),

	F(CF_CLASS_META, page, "Par Claire Dubois"),
	F(CF_CLASS_META, page, "Publié le 12 mars"),
	S(CF_CLASS_META, page, LEAD),

	F(CF_CLASS_RELATED, page, TEASER),
	S(CF_CLASS_RELATED, page, LEAD),

	F(CF_CUE_BOILERPLATE, inserts, "Partager sur Facebook"),
	F(CF_CUE_BOILERPLATE, page, "La halle rénovée"),
	S(CF_CUE_BOILERPLATE, inserts, LEAD),

	F(CF_CUE_SECTION, inserts, "Les plus lus"),
	S(CF_CUE_SECTION, inserts, "Partager sur Facebook"),

	F(CF_CUE_RELATED, inserts, "Lire aussi : "),
	F(CF_CUE_RELATED, page, "À lire aussi"),
	S(CF_CUE_RELATED, page, LEAD),

	F(CF_CUE_BYLINE, page, "Par Claire Dubois"),
	F(CF_CUE_BYLINE, page, "Publié le 12 mars"),
	S(CF_CUE_BYLINE, inserts, "Claire Dubois"),

	F(CF_PROSE, page, LEAD),
	S(CF_PROSE, page, SUB),
	S(CF_PROSE, page, "Reste à savoir"),

	F(CF_PREV_PROSE, page, SUB),
	S(CF_PREV_PROSE, page, "Par Claire Dubois"),

	F(CF_NEXT_PROSE, page, "Publié le 12 mars"),
	S(CF_NEXT_PROSE, page, "Par Claire Dubois"),

	F(CF_SIBLING_PROSE, page, SUB),
	S(CF_SIBLING_PROSE, text, "Accueil"),

	F(CF_REPEATED, inserts, "La halle, construite"),
	S(CF_REPEATED, inserts, LEAD),

	F(CF_POSITION, page, "Par Claire Dubois"),
	S(CF_POSITION, page, H1),

	F(CF_AFTER_ARTICLE, page, TEASER),
	F(CF_AFTER_ARTICLE, inserts, "Un encadré"),
	S(CF_AFTER_ARTICLE, page, LEAD),

	F(CF_BEFORE_ARTICLE, page, "Par Claire Dubois"),
	S(CF_BEFORE_ARTICLE, page, LEAD),
	S(CF_BEFORE_ARTICLE, text, "Accueil"),

	F(CF_AFTER_H1, page, LEAD),
	S(CF_AFTER_H1, page, H1),
	S(CF_AFTER_H1, inserts, LEAD),
};

/* A parsed input with its feature rows. */
struct fx {
	struct ap_doc	*d;
	double		*x;
};

static void
fx_free(struct fx *fx)
{
	free(fx->x);
	ap_doc_free(fx->d);
	fx->x = NULL;
	fx->d = NULL;
}

/* Parse "in" (text when it is the text sample), replacing what fx held. */
static void
fx_parse(struct fx *fx, const char *in)
{
	struct ap_opts o;
	int rc;

	fx_free(fx);
	memset(&o, 0, sizeof(o));
	o.input = in == text ? AP_INPUT_TEXT : AP_INPUT_HTML;
	rc = ap_parse(in, strlen(in), &o, &fx->d);
	if (rc != AP_OK)
		fail_msg("ap_parse: %s", ap_strerror(rc));
	fx->x = calloc(fx->d->nblocks * CF__MAX, sizeof(*fx->x));
	assert_non_null(fx->x);
	ap_content_features(fx->d, fx->x);
}

/* Each test gets an empty fixture; teardown frees it even after a
 * failed assertion. */
static int
setup(void **state)
{
	*state = calloc(1, sizeof(struct fx));
	return *state == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	fx_free(*state);
	free(*state);
	return 0;
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

static const char *
in_name(const char *in)
{
	return in == page ? "page" : in == inserts ? "inserts" :
	    in == text ? "text" : in == english ? "english" : "?";
}

/* Index of the first block whose text holds s; fails when none does. */
static size_t
find(const struct fx *fx, const char *in, const char *s)
{
	size_t i;

	for (i = 0; i < fx->d->nblocks; i++)
		if (strstr(fx->d->blocks[i].text, s) != NULL)
			return i;
	fail_msg("%s: no block holds \"%s\"", in_name(in), s);
	return 0;
}

static double
value(const struct fx *fx, size_t i, enum ap_cfeat f)
{
	return fx->x[i * CF__MAX + f];
}

/*
 * Every row of feature f holds; f has a firing row and a silent (or
 * ordering) row, so a feature added to the .def needs its cases here.
 */
static void
check_feature(struct fx *fx, enum ap_cfeat f)
{
	size_t r, i, j, fires = 0, silent = 0;
	double v, o;

	for (r = 0; r < sizeof(cases) / sizeof(cases[0]); r++) {
		const struct fcase *c = &cases[r];

		if (c->f != f)
			continue;
		fx_parse(fx, c->in);
		i = find(fx, c->in, c->block);
		v = value(fx, i, f);
		switch (c->want) {
		case FIRES:
			fires++;
			if (f == CF_BIAS ? v != 1.0 : v == 0.0)
				fail_msg("%s: %s: \"%s\": %g, want nonzero",
				    ap_cfeat_name(f), in_name(c->in),
				    c->block, v);
			break;
		case SILENT:
			silent++;
			if (v != 0.0)
				fail_msg("%s: %s: \"%s\": %g, want 0",
				    ap_cfeat_name(f), in_name(c->in),
				    c->block, v);
			break;
		case ABOVE:
			silent++;
			j = find(fx, c->in, c->other);
			o = value(fx, j, f);
			if (!(v > o))
				fail_msg("%s: %s: \"%s\" %g not above "
				    "\"%s\" %g", ap_cfeat_name(f),
				    in_name(c->in), c->block, v, c->other, o);
			break;
		}
	}
	if (fires == 0)
		fail_msg("%s: no case where it fires", ap_cfeat_name(f));
	if (silent == 0 && f != CF_BIAS)
		fail_msg("%s: no case where it is silent", ap_cfeat_name(f));
}

/* One test per feature, named after its id. */
#define AP_CFEAT(id, name, meaning)					\
static void								\
feature_##id(void **state)						\
{									\
	check_feature(*state, id);					\
}
#include "content-features.def"
#undef AP_CFEAT

/* Rows name features by id; none names one past the table. */
static void
cases_in_range(void **state)
{
	size_t r;

	(void)state;
	for (r = 0; r < sizeof(cases) / sizeof(cases[0]); r++)
		assert_true((unsigned)cases[r].f < CF__MAX);
}

static void
names_distinct(void **state)
{
	size_t i, k;
	const char *n;

	(void)state;
	for (i = 0; i < CF__MAX; i++) {
		n = ap_cfeat_name((enum ap_cfeat)i);
		assert_non_null(n);
		assert_true(n[0] != '\0');
		assert_string_not_equal(n, "?");
		assert_non_null(ap_cfeat_meaning((enum ap_cfeat)i));
		assert_true(ap_cfeat_meaning((enum ap_cfeat)i)[0] != '\0');
		for (k = 0; k < i; k++)
			if (strcmp(n, ap_cfeat_name((enum ap_cfeat)k)) == 0)
				fail_msg("features %zu and %zu are both "
				    "named %s", k, i, n);
	}
	assert_string_equal(ap_cfeat_name(CF__MAX), "?");
	assert_string_equal(ap_cfeat_meaning(CF__MAX), "?");
}

/*
 * The feature that most raises or lowers a block's score is a valid id,
 * and never the same on both sides.
 */
static void
top_valid(void **state)
{
	static const char *const ins[] = { page, inserts, text, english };
	struct fx *fx = *state;
	enum ap_cfeat up, down;
	size_t i, k;

	for (k = 0; k < sizeof(ins) / sizeof(ins[0]); k++) {
		fx_parse(fx, ins[k]);
		for (i = 0; i < fx->d->nblocks; i++) {
			up = ap_content_top(fx->d, fx->x + i * CF__MAX, 1);
			down = ap_content_top(fx->d, fx->x + i * CF__MAX, -1);
			assert_true((unsigned)up < CF__MAX);
			assert_true((unsigned)down < CF__MAX);
			assert_true(up == CF_BIAS || up != down);
			/* ap_content_score() stored the same answers. */
			assert_int_equal(fx->d->blocks[i].top_pos, up);
			assert_int_equal(fx->d->blocks[i].top_neg, down);
		}
	}
}

/*
 * A forest of two trees by hand: the first splits on link_density at
 * 0.5 (equal goes left), the second is one leaf.  The score is the base
 * and the leaves reached; link_density's share is the change of value
 * along its split, and no other feature has one.
 */
static void
forest_walk(void **state)
{
	static const struct ap_tnode nodes[] = {
		{ CF_LINK_DENSITY, 0.5, 1, 2, -0.5 },
		{ CF__MAX, 0, 0, 0, 1.0 },
		{ CF__MAX, 0, 0, 0, -2.0 },
		{ CF__MAX, 0, 0, 0, 0.25 },
	};
	static const unsigned roots[] = { 0, 3 };
	static const struct ap_forest f = { 0.1, nodes, roots, 2 };
	static const double at[] = { 0.2, 0.5, 0.9 };
	static const double want[] = { 1.35, 1.35, -1.65 };
	static const double share[] = { 1.5, 1.5, -1.5 };
	double x[CF__MAX], part[CF__MAX];
	size_t i, k;

	(void)state;
	for (i = 0; i < 3; i++) {
		memset(x, 0, sizeof(x));
		memset(part, 0, sizeof(part));
		x[CF_LINK_DENSITY] = at[i];
		assert_float_equal(ap_forest_logit(&f, x, part), want[i],
		    1e-12);
		for (k = 0; k < CF__MAX; k++)
			assert_float_equal(part[k], k == CF_LINK_DENSITY ?
			    share[i] : 0.0, 1e-12);
		assert_float_equal(ap_forest_logit(&f, x, NULL), want[i],
		    1e-12);
	}
}

/* Probabilities in [0, 1], text above a share bar. */
static void
score_probabilities(void **state)
{
	static const char share[] =
	    "<html lang=\"fr\"><body><article>"
	    "<h1>Le marché couvert rouvre ses portes</h1>"
	    "<p>Partager sur Facebook</p>"
	    "<p>Après deux ans de travaux, le marché couvert de la place "
	    "Carnot a rouvert samedi matin, sous les applaudissements des "
	    "commerçants et des habitants du quartier, venus nombreux malgré "
	    "la pluie. La halle, construite en 1898, a retrouvé sa charpente "
	    "d’origine et ses verrières, restaurées par un atelier de la "
	    "région.</p>"
	    "</article></body></html>";
	const char *const ins[] = { page, inserts, text, english, share };
	struct fx *fx = *state;
	const struct ap_cparams *p;
	size_t i, k, prose, bar;

	for (k = 0; k < sizeof(ins) / sizeof(ins[0]); k++) {
		fx_parse(fx, ins[k]);
		p = ap_content_params(fx->d);
		assert_non_null(p);
		assert_true(p->threshold >= 0 && p->threshold <= 1);
		assert_true(p->keep >= 0 && p->keep <= 1);
		for (i = 0; i < fx->d->nblocks; i++)
			fx->d->blocks[i].content = -1;
		ap_content_score(fx->d);
		for (i = 0; i < fx->d->nblocks; i++) {
			double c = fx->d->blocks[i].content;

			if (!(c >= 0 && c <= 1))
				fail_msg("%s: block %zu \"%.40s\": content %g",
				    in_name(ins[k]), i, fx->d->blocks[i].text,
				    c);
		}
	}
	fx_parse(fx, share);
	prose = find(fx, share, "Après deux ans");
	bar = find(fx, share, "Partager sur Facebook");
	assert_true(fx->d->blocks[prose].content >
	    fx->d->blocks[bar].content);
	assert_true(fx->d->blocks[prose].content >
	    ap_content_params(fx->d)->threshold);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define AP_CFEAT(id, name, meaning) T(feature_##id),
#include "content-features.def"
#undef AP_CFEAT
		T(cases_in_range),
		T(names_distinct),
		T(top_valid),
		T(forest_walk),
		T(score_probabilities),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
