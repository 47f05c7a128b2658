/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for the HTML front end (html_src.c, html_meta.c): metadata
 * from JSON-LD, Open Graph and the title; the choice of the article
 * container; the blocks and their flags; hidden text; pathological trees
 * (deep nesting, many links); and the out-of-memory contract (the xmlDoc
 * is released through the arena's cleanup hook).
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

#include <libxml/HTMLparser.h>

#include "artparse.h"
#include "arena.h"
#include "buf.h"
#include "data_lines.h"
#include "doc.h"
#include "html.h"
#include "html_tree.h"

#define NBSP	"\xc2\xa0"
#define NNBSP	"\xe2\x80\xaf"

struct fx {
	struct ap_doc	 d;
	jmp_buf		 oom;
	bool		 live;
	char		*file;		/* fixture read from tests/html */
};

static int
setup(void **state)
{
	*state = calloc(1, sizeof(struct fx));
	return *state == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	if (f->live)
		ap_arena_fini(&f->d.arena);
	free(f->file);
	free(f);
	return 0;
}

/* Run ap_html_blocks on html; fails the test if memory runs out. */
static struct ap_doc *
parse_n(struct fx *f, const char *html, size_t len)
{
	if (f->live)	/* a second page in one test: the first goes */
		ap_arena_fini(&f->d.arena);
	memset(&f->d, 0, sizeof(f->d));
	ap_arena_init(&f->d.arena, NULL);
	f->live = true;
	f->d.arena.oom = &f->oom;
	if (setjmp(f->oom) != 0)
		fail_msg("out of memory");
	f->d.text = html;
	f->d.textlen = len;
	ap_html_blocks(&f->d);
	return &f->d;
}

static struct ap_doc *
parse(struct fx *f, const char *html)
{
	return parse_n(f, html, strlen(html));
}

static struct ap_doc *
parse_file(struct fx *f, const char *name)
{
	char path[256];
	FILE *fp;
	long n;

	snprintf(path, sizeof(path), "tests/html/%s", name);
	if ((fp = fopen(path, "rb")) == NULL) {
		snprintf(path, sizeof(path), "../../tests/html/%s", name);
		fp = fopen(path, "rb");
	}
	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	assert_true(n > 0);
	rewind(fp);
	f->file = malloc((size_t)n + 1);
	assert_non_null(f->file);
	assert_int_equal(fread(f->file, 1, (size_t)n, fp), (size_t)n);
	f->file[n] = '\0';
	fclose(fp);
	return parse_n(f, f->file, (size_t)n);
}

/* The first block whose text contains s, or NULL. */
static const struct ap_block *
find(const struct ap_doc *d, const char *s)
{
	size_t i;

	for (i = 0; i < d->nblocks; i++)
		if (strstr(d->blocks[i].text, s) != NULL)
			return &d->blocks[i];
	return NULL;
}

/* Index of the first block containing s; fails when there is none. */
static size_t
index_of(const struct ap_doc *d, const char *s)
{
	size_t i;

	for (i = 0; i < d->nblocks; i++)
		if (strstr(d->blocks[i].text, s) != NULL)
			return i;
	fail_msg("no block contains \"%s\"", s);
	return 0;
}

/* Whether any block contains s. */
static bool
any(const struct ap_doc *d, const char *s)
{
	return find(d, s) != NULL;
}

static size_t
nauthors(const struct ap_doc *d)
{
	size_t n = 0;

	if (d->meta.authors != NULL)
		while (d->meta.authors[n] != NULL)
			n++;
	return n;
}

/*
 * An arena for the helper functions, armed in the calling test's frame
 * (the jump target must be live while the arena is used).
 */
#define LOCAL_ARENA(a, oom) do {					\
	ap_arena_init(&(a), NULL);					\
	(a).oom = &(oom);						\
	if (setjmp(oom) != 0)						\
		fail_msg("out of memory");				\
} while (0)

/* Metadata --------------------------------------------------------- */

static void
jsonld_article(void **state)
{
	struct ap_doc *d = parse(*state,
	    "<html><head><title>x</title>"
	    "<script type=\"application/ld+json\">"
	    "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
	    "\"headline\":\"Grève à la SNCF : le trafic reprend\","
	    "\"description\":\"Le mouvement s'essouffle.\","
	    "\"datePublished\":\"2023-05-02T07:30:00+02:00\","
	    "\"dateModified\":\"2023-05-02T09:00:00+02:00\","
	    "\"author\":{\"@type\":\"Person\",\"name\":\"Jeanne Dupont\"},"
	    "\"publisher\":{\"@type\":\"Organization\","
	    "\"name\":\"Le Quotidien\"},"
	    "\"mainEntityOfPage\":{\"@id\":\"https://quotidien.example/a/1\"}}"
	    "</script></head><body><p>Texte.</p></body></html>");

	assert_string_equal(d->meta.headline,
	    "Grève à la SNCF : le trafic reprend");
	assert_string_equal(d->meta.date, "2023-05-02T07:30:00+02:00");
	assert_string_equal(d->meta.date_modified,
	    "2023-05-02T09:00:00+02:00");
	assert_string_equal(d->meta.site_name, "Le Quotidien");
	assert_string_equal(d->meta.description, "Le mouvement s'essouffle.");
	assert_string_equal(d->meta.url, "https://quotidien.example/a/1");
	assert_int_equal(nauthors(d), 1);
	assert_string_equal(d->meta.authors[0], "Jeanne Dupont");
	assert_false(d->meta.authors_site);
}

static void
jsonld_author_is_the_site(void **state)
{
	struct ap_doc *d = parse(*state,
	    "<html><head><title>x</title>"
	    "<meta property=\"og:site_name\" content=\"Le Quotidien.fr\">"
	    "<script type=\"application/ld+json\">"
	    "{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\","
	    "\"name\":\"Le Quotidien\"}}"
	    "</script></head><body><p>Texte.</p></body></html>");

	/* The site credited as the author: a byline may say more. */
	assert_int_equal(nauthors(d), 1);
	assert_true(d->meta.authors_site);
}

static void
jsonld_graph_authors(void **state)
{
	/* @graph, @type as an array, authors as an array with an @id
	 * reference, and a raw newline inside a string, as pages write. */
	struct ap_doc *d = parse(*state,
	    "<html><head><script type=\"application/ld+json\">/*<![CDATA[*/"
	    "{\"@graph\":[{\"@type\":\"WebPage\",\"name\":\"Accueil\"},"
	    "{\"@type\":\"Person\",\"@id\":\"#p\",\"name\":\"Marc Petit\"},"
	    "{\"@type\":[\"ReportageNewsArticle\"],\"headline\":\"Au cœur\n"
	    " de la forêt\",\"datePublished\":\"2022-11-30\","
	    "\"author\":[{\"name\":\"Anne Roy\"},{\"@id\":\"#p\"},"
	    "{\"name\":\"Anne Roy\"}]}]}/*]]>*/"
	    "</script></head><body><p>Texte.</p></body></html>");

	assert_string_equal(d->meta.headline, "Au cœur de la forêt");
	assert_string_equal(d->meta.date, "2022-11-30");
	assert_int_equal(nauthors(d), 2);
	assert_string_equal(d->meta.authors[0], "Anne Roy");
	assert_string_equal(d->meta.authors[1], "Marc Petit");
}

static void
jsonld_author_string_split(void **state)
{
	/* One string credit naming a desk and an agency. */
	struct ap_doc *d = parse(*state,
	    "<html><head><meta property=\"og:site_name\" content=\"Le Soir\">"
	    "<script type=\"application/ld+json\">[{\"@type\":\"BlogPosting\","
	    "\"author\":\"Par Rédaction en ligne avec Belga\"}]</script>"
	    "</head><body><p>Texte.</p></body></html>");

	assert_int_equal(nauthors(d), 2);
	assert_string_equal(d->meta.authors[0], "Rédaction en ligne");
	assert_string_equal(d->meta.authors[1], "Belga");
}

static void
jsonld_org_author(void **state)
{
	/* An organisation credited in JSON-LD is a desk credit, kept even
	 * when it is the site; a dc.creator section name is not a credit. */
	struct ap_doc *d = parse(*state,
	    "<html><head><meta property=\"og:site_name\" "
	    "content=\"Radio-Canada.ca\"><meta name=\"dc.creator\" "
	    "content=\"Zone Société - ICI.Radio-Canada.ca\">"
	    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"author\":{\"@type\":\"Organization\",\"name\":"
	    "\"Radio-Canada\"}}</script></head><body><p>x</p></body></html>");

	assert_int_equal(nauthors(d), 1);
	assert_string_equal(d->meta.authors[0], "Radio-Canada");
}

static void
byline_reconcile(void **state)
{
	struct fx *f = *state;
	static const char page[] =
	    "<html><head><script type=\"application/ld+json\">"
	    "{\"@type\":\"NewsArticle\",\"author\":{\"name\":"
	    "\"Elsa Provenzano\"}}</script></head><body><article>"
	    "<h1>La tempête approche des côtes</h1>"
	    "<div class=\"author-sign\">%s</div><div class=\"article-body\">"
	    "<p>La tempête, qui a déjà touché la Bretagne, devrait atteindre "
	    "les Landes dans la nuit, selon les prévisionnistes.</p>"
	    "<p>Les autorités appellent à la prudence, et déconseillent les "
	    "déplacements, en particulier sur le littoral.</p></div>"
	    "</article></body></html>";
	char buf[2048];
	struct ap_doc *d;

	/* The visible byline names the JSON-LD author and one more. */
	snprintf(buf, sizeof(buf), page, "Par Elsa Provenzano et "
	    "Mickaël Bosredon");
	d = parse(f, buf);
	assert_int_equal(nauthors(d), 2);
	assert_string_equal(d->meta.authors[0], "Elsa Provenzano");
	assert_string_equal(d->meta.authors[1], "Mickaël Bosredon");
	ap_arena_fini(&d->arena);
	/* A byline that does not name her changes nothing. */
	snprintf(buf, sizeof(buf), page, "Par Paul Durand et Luc Morel");
	d = parse(f, buf);
	assert_int_equal(nauthors(d), 1);
	assert_string_equal(d->meta.authors[0], "Elsa Provenzano");
	ap_arena_fini(&d->arena);
	/* The site before the "Par" is no second author. */
	d = parse(f, "<html><head><meta property=\"og:site_name\" "
	    "content=\"Le Littoral.fr\"><script type=\"application/ld+json\">"
	    "{\"@type\":\"NewsArticle\",\"author\":{\"name\":"
	    "\"Collectif\"}}</script></head><body><article>"
	    "<h1>La tempête approche des côtes</h1>"
	    "<p class=\"bloc_signature\"><span itemprop=\"Publisher\">Le "
	    "Littoral</span> | <time datetime=\"2011-06-20T13:32:32+02:00\" "
	    "itemprop=\"datePublished\">20.06.2011 à 13h32</time> | <span "
	    "class=\"signature_article\">Par <span itemprop=\"author\">"
	    "Collectif</span></span></p><div class=\"article-body\">"
	    "<p>La tempête, qui a déjà touché la Bretagne, devrait atteindre "
	    "les Landes dans la nuit, selon les prévisionnistes.</p>"
	    "<p>Les autorités appellent à la prudence, et déconseillent les "
	    "déplacements, en particulier sur le littoral.</p>"
	    "</div></article></body></html>");
	assert_int_equal(nauthors(d), 1);
	assert_string_equal(d->meta.authors[0], "Collectif");
}

static void
og_meta_fallbacks(void **state)
{
	struct ap_doc *d = parse(*state,
	    "<html lang=\"fr\"><head>"
	    "<meta property=\"og:title\" content=\"Le  marché   reprend\">"
	    "<meta property=\"og:site_name\" content=\"Éco Hebdo\">"
	    "<meta property=\"og:description\" content=\"Chapô OG.\">"
	    "<meta name=\"description\" content=\"Description.\">"
	    "<meta property=\"article:published_time\" "
	    "content=\"2021-06-01T10:00:00Z\">"
	    "<meta name=\"author\" content=\"Par Luc Bernard et Ana Sousa\">"
	    "<link rel=\"canonical\" href=\"/eco/marche.html\">"
	    "<meta property=\"og:url\" content=\"https://eco.example/x\">"
	    "</head><body><p>Texte.</p></body></html>");

	assert_string_equal(d->meta.headline, "Le marché reprend");
	assert_string_equal(d->meta.site_name, "Éco Hebdo");
	assert_string_equal(d->meta.description, "Chapô OG.");
	assert_string_equal(d->meta.date, "2021-06-01T10:00:00Z");
	assert_string_equal(d->meta.lang, "fr");
	/* The relative canonical URL is made absolute. */
	assert_string_equal(d->meta.url, "https://eco.example/eco/marche.html");
	assert_int_equal(nauthors(d), 2);
	assert_string_equal(d->meta.authors[0], "Luc Bernard");
	assert_string_equal(d->meta.authors[1], "Ana Sousa");
}

static void
meta_dates_and_site_author(void **state)
{
	/* dc.date in DD/MM/YYYY; the site's own name as sole author is a
	 * default, not a credit. */
	struct ap_doc *d = parse(*state,
	    "<html><head><meta name=\"DC.date\" content=\"05/04/2013\">"
	    "<meta property=\"og:site_name\" content=\"Le Figaro\">"
	    "<meta name=\"author\" content=\"Le Figaro\">"
	    "<meta property=\"og:locale\" content=\"fr_FR\">"
	    "</head><body><p>Texte.</p></body></html>");

	assert_string_equal(d->meta.date, "2013-04-05");
	assert_null(d->meta.authors);
	assert_string_equal(d->meta.lang, "fr-FR");
}

#define PARAS \
	"<p>Premier paragraphe assez long pour compter comme du texte, avec " \
	"des virgules, des mots, et encore des mots pour la longueur.</p>" \
	"<p>Second paragraphe assez long pour compter comme du texte, avec " \
	"des virgules, des mots, et le 3 avril 2023 dans une phrase.</p>" \
	"<p>Troisième paragraphe assez long pour compter comme du texte, " \
	"avec des virgules, des mots, et encore des mots.</p>"

static void
date_shown_by_title(void **state)
{
	/* No metadata date: the short date line after the title, outside
	 * the article's container; not the sidebar's nor the text's. */
	struct ap_doc *d = parse(*state,
	    "<html><body><nav><span>1 janvier 2020</span></nav>"
	    "<div class=\"haut\"><h1>Le conseil municipal vote le budget</h1>"
	    "<div class=\"infos\"><b>Marie Tremblay</b>"
	    "<span>Published on July 18, 2025</span></div></div>"
	    "<div><div><div><div><div class=\"texte\">" PARAS
	    "</div></div></div></div></div></body></html>");

	assert_non_null(d->meta.date_shown);
	assert_string_equal(d->meta.date_shown, "2025-07-18");
}

static void
date_shown_not_from_text_or_menu(void **state)
{
	/* The only dates are an update's, a menu's and one inside a
	 * paragraph. */
	struct ap_doc *d = parse(*state,
	    "<html><body><h1>Le conseil municipal vote le budget</h1>"
	    "<span>Mis à jour le 15 novembre 2024</span>"
	    "<nav><span>1 janvier 2020</span></nav>"
	    "<div class=\"texte\">" PARAS "</div></body></html>");

	assert_null(d->meta.date_shown);
}

static void
only_h1_is_headline(void **state)
{
	/* The page's one <h1>, far from the article's container, is its
	 * headline though og:title words it otherwise. */
	struct ap_doc *d = parse(*state,
	    "<html><head><meta property=\"og:title\" content=\"Budget : "
	    "définition et chiffres clés\"></head><body>"
	    "<div class=\"haut\"><h1>Le conseil municipal vote le budget "
	    "de la ville</h1></div>"
	    "<div><div><div><div><div><div class=\"texte\">" PARAS
	    "</div></div></div></div></div></div></body></html>");

	assert_non_null(d->meta.headline);
	assert_string_equal(d->meta.headline,
	    "Le conseil municipal vote le budget de la ville");
}

static void
time_in_article(void **state)
{
	/* Without metadata, the <time> of the article gives the date; the
	 * one in the sidebar does not. */
	struct ap_doc *d = parse(*state,
	    "<html><body><aside><time datetime=\"2001-01-01\">vieux</time>"
	    "</aside><article><h1>Titre de l'article du jour</h1>"
	    "<time datetime=\"2019-05-07T12:00:00+02:00\">7 mai</time>"
	    "<div class=\"texte\"><p>Premier paragraphe assez long pour compter"
	    " comme du texte, avec des virgules, des mots, et encore.</p>"
	    "<p>Second paragraphe assez long pour compter comme du texte, avec"
	    " des virgules, des mots, et encore des mots.</p></div></article>"
	    "</body></html>");

	assert_non_null(d->meta.date);
	assert_string_equal(d->meta.date, "2019-05-07T12:00:00+02:00");
}

static void
title_suffix(void **state)
{
	struct fx *f = *state;
	struct ap_arena arena, *a = &arena;
	struct ap_doc *d;
	jmp_buf oom;

	d = parse(f, "<html><head><title>Le budget adopté sans surprise - "
	    "Le Journal</title><meta property=\"og:site_name\" "
	    "content=\"Le Journal\"><meta property=\"og:type\" "
	    "content=\"article\"></head><body><p>x</p></body></html>");
	assert_string_equal(d->meta.headline,
	    "Le budget adopté sans surprise");
	LOCAL_ARENA(arena, oom);
	assert_string_equal(ap_html_clean_title(a,
	    "Titre de l’article | Lemonde.fr", NULL), "Titre de l’article");
	assert_string_equal(ap_html_clean_title(a,
	    "Un long titre d’article – Politique – Le Soir", "Le Soir"),
	    "Un long titre d’article");
	/* A colon is part of headlines, never a site separator. */
	assert_string_equal(ap_html_clean_title(a,
	    "Tempête Ciaran : ce qu’il faut savoir", "20 Minutes"),
	    "Tempête Ciaran : ce qu’il faut savoir");
	/* A long tail that is not the site is kept. */
	assert_string_equal(ap_html_clean_title(a,
	    "Trump - Xi : une rencontre sous haute tension diplomatique",
	    "Libération"),
	    "Trump - Xi : une rencontre sous haute tension diplomatique");
	ap_arena_fini(a);
}

static void
headline_agreement(void **state)
{
	/* The logo h1 and the article h1: the one agreeing with og:title
	 * wins, and is emitted as a level-1 heading. */
	struct ap_doc *d = parse(*state,
	    "<html><head><meta property=\"og:title\" "
	    "content=\"Les   abeilles  reviennent en ville\">"
	    "<title>Les abeilles reviennent en ville - Nature Mag</title>"
	    "</head><body><header><h1>Nature Mag</h1></header>"
	    "<div class=\"article\"><h1>Les abeilles reviennent"
	    " en <em>ville</em></h1><p>Un texte de paragraphe qui parle"
	    " des abeilles, des ruches, des apiculteurs et du miel.</p>"
	    "</div></body></html>");
	const struct ap_block *b;

	assert_string_equal(d->meta.headline,
	    "Les abeilles reviennent en ville");
	b = find(d, "Les abeilles reviennent");
	assert_non_null(b);
	assert_true(b->flags & AP_BF_HEADING);
	assert_int_equal(b->level, 1);
	assert_false(any(d, "Nature Mag"));
}

static void
h2_title(void **state)
{
	/* A blog post titled by an h2 agreeing with <title>: its headline,
	 * out of the body; a section h2 is no headline beside an h1. */
	struct ap_doc *d = parse(*state,
	    "<html><head><title>Progress report number 39</title></head>"
	    "<body><header><a href=\"/\"><h1>My blog</h1></a></header>"
	    "<article><h2>Progress report number 39</h2><p>Un texte de "
	    "paragraphe qui parle des abeilles, des ruches, des apiculteurs "
	    "et du miel, assez long pour faire un article.</p><h2>Next "
	    "steps</h2><p>Un autre paragraphe sur les ruches et le miel, "
	    "pour que la suite du billet ait aussi du texte.</p></article>"
	    "</body></html>");
	const struct ap_block *b;

	assert_string_equal(d->meta.headline, "Progress report number 39");
	b = find(d, "Progress report");
	assert_non_null(b);
	assert_int_equal(b->level, 1);
	b = find(d, "Next steps");
	assert_non_null(b);
	assert_int_equal(b->level, 2);
}

static void
h2_not_title_beside_h1(void **state)
{
	struct ap_doc *d = parse(*state,
	    "<html><head><title>What is a mobile app? Types and pros</title>"
	    "</head><body><article><h1>What is a mobile application?</h1>"
	    "<h2>What is a mobile app?</h2><p>Un texte de paragraphe qui "
	    "parle des abeilles, des ruches, des apiculteurs et du miel, "
	    "assez long pour faire un article.</p></article></body></html>");

	assert_string_equal(d->meta.headline, "What is a mobile application?");
}

/* A page with rel=author links: the author's, beside a "Weitere
 * Artikel" link, a commenter's, and what "extra" adds. */
#define AUTHOR_PAGE(extra) \
    "<html><head><title>Les abeilles</title></head><body>" \
    "<aside><a rel=\"author\" href=\"/a/jr\">Jeanne Roy</a>" \
    "<a rel=\"author\" href=\"/a/jr\">Weitere Artikel</a></aside>" \
    "<article><h1>Les abeilles</h1><p>Un texte de paragraphe qui " \
    "parle des abeilles, des ruches, des apiculteurs et du miel.</p>" \
    "</article><div class=\"comments\"><p><a rel=\"author external\"" \
    " href=\"/u/1\">Paul Martin</a> a dit : bravo pour cet article " \
    "sur les abeilles.</p></div>" extra "</body></html>"

static void
author_links(void **state)
{
	/* Without structured credits, rel=author links name the authors. */
	struct ap_doc *d = parse(*state, AUTHOR_PAGE(""));

	assert_int_equal(nauthors(d), 1);
	assert_string_equal(d->meta.authors[0], "Jeanne Roy");
}

static void
author_links_of_a_list(void **state)
{
	/* Four people are a list of posts, not one article's credit. */
	struct ap_doc *d = parse(*state, AUTHOR_PAGE(
	    "<ul><li><a rel=\"author\" "
	    "href=\"/b\">Anne Blanc</a></li><li><a rel=\"author\" "
	    "href=\"/c\">Marc Noir</a></li><li><a rel=\"author\" "
	    "href=\"/d\">Luc Vert</a></li></ul>"));

	assert_int_equal(nauthors(d), 0);
}

static void
no_article_headline(void **state)
{
	/* A "not found" shell: the h1s are sidebar titles after the content,
	 * the titles are the site's; nothing says it is an article. */
	struct ap_doc *d = parse(*state,
	    "<html><head><title>DH.be - Toute l'actualité belge</title>"
	    "<meta property=\"og:title\" content=\"Toute l'actualité belge\">"
	    "</head><body><div id=\"page\"><div class=\"maincontent\">"
	    "<p><strong>Désolé, cet article n'existe pas !</strong></p></div>"
	    "<div class=\"side\"><h1>Autres Informations</h1><ul><li><a "
	    "href=\"/a\">Un titre</a></li></ul></div></div></body></html>");

	assert_null(d->meta.headline);
	assert_int_equal(d->nblocks, 0);
}

/* Container and blocks ---------------------------------------------- */

#define POST_P "<p>La Justice de paix de Macenta a tenu mardi son audience " \
	"sur le cas de braconnage d’une espèce protégée, et la peine " \
	"prononcée est la plus lourde que prévoit la loi.</p>"

static void
header_above_container(void **state)
{
	/* No <h1>: a post's header (title link, date line) sits just above
	 * its text; a section's <h1> in the page's head does not. */
	static const char page[] =
	    "<html><head><title>Un braconnier condamné</title></head><body>"
	    "<div class=\"post\"><div class=\"top\"><h1>Actualités</h1>"
	    "</div><div class=\"post_header\"><h3><a "
	    "href=\"/p\">Un braconnier condamné</a></h3><div "
	    "class=\"post_detail\">27 Sep 2016</div></div>"
	    "<div class=\"post_excerpt\">" POST_P POST_P POST_P POST_P
	    "</div></div></body></html>";
	struct ap_doc *d = parse(*state, page);

	assert_non_null(find(d, "27 Sep 2016"));
	assert_non_null(find(d, "Un braconnier condamné"));
	assert_null(find(d, "Actualités"));
}

#define CARD_TEXT \
	"<p>Un résumé de l'autre article, long, avec des virgules, des " \
	"mots, encore, toujours, et puis, enfin, des mots, des mots, pour " \
	"que, comme, ainsi, ce texte, qui est un résumé, pèse plus lourd, " \
	"bien plus, que le texte de l'article lui-même, hélas.</p>" \
	"<p>Une seconde phrase de résumé, longue, avec, encore, des " \
	"virgules, des mots, et, pour finir, d'autres mots, ici, là.</p>"
#define CARD(n) \
	"<li><div class=\"item\"><a href=\"/autre-" #n "\">Titre d'un " \
	"autre article " #n "</a><div class=\"intro-" #n "0\">" CARD_TEXT \
	"</div></div></li>"

static void
teaser_cards_lose_to_article(void **state)
{
	/* Three teasers whose summaries share a class, digits aside, each
	 * under its own item beside the title's link, outscore the
	 * article: they are cards, ranked at half. */
	struct ap_doc *d = parse(*state,
	    "<html><body><h1>Le conseil municipal vote le budget</h1>"
	    "<div class=\"texte-5593\"><p>Le conseil municipal a voté le "
	    "budget de la ville mardi soir, après trois heures de débat.</p>"
	    "<p>La majorité met en avant la baisse de la dette, et "
	    "l'opposition dénonce la hausse des tarifs.</p></div>"
	    "<ul class=\"liste\">" CARD(1) CARD(2) CARD(3) "</ul>"
	    "</body></html>");

	assert_true(find(d, "Le conseil municipal a voté")->flags &
	    AP_BF_ARTICLE);
	assert_false(find(d, "Un résumé de l'autre")->flags & AP_BF_ARTICLE);
}

#define STEP(n) \
	"<div class=\"step\"><h2>Étape " #n "</h2><div class=\"step-" #n \
	"\">" CARD_TEXT "</div></div>"

static void
repeated_steps_are_no_cards(void **state)
{
	/* The same repeated shape with no link beside each piece: the
	 * steps of a how-to stay article, not the paragraph aside. */
	struct ap_doc *d = parse(*state,
	    "<html><body><h1>Comment faire un budget</h1>"
	    "<div class=\"aside\"><p>Le conseil, mardi, a voté, enfin, le "
	    "budget, long, lourd, discuté, de la ville, après, dit-on, "
	    "trois heures, ou quatre, de débat, vif, tendu, et la majorité, "
	    "elle, met en avant, encore, la dette, la baisse, les écoles, "
	    "les routes.</p></div>"
	    "<div class=\"steps\">" STEP(1) STEP(2) STEP(3) STEP(4) "</div>"
	    "</body></html>");
	size_t i, n = 0;

	for (i = 0; i < d->nblocks; i++)
		if (strncmp(d->blocks[i].text, "Un résumé", 10) == 0 &&
		    (d->blocks[i].flags & AP_BF_ARTICLE))
			n++;
	assert_int_equal(n, 4);
}

static void
container_split_by_ad(void **state)
{
	struct ap_doc *d = parse_file(*state, "split-article.html");
	static const char *const body[] = {
		"Le conseil municipal s’est réuni",
		"La majorité met en avant",
		"Une opposition divisée",
		"L’opposition, de son côté",
		"Le vote a eu lieu peu avant minuit",
		"« Ce budget prépare l’avenir",
		"Le prochain conseil, prévu en juin",
		NULL
	};
	const struct ap_block *b;
	size_t i, prev = 0;

	/* Every body paragraph, on both sides of the ad, in order. */
	for (i = 0; body[i] != NULL; i++) {
		size_t k = index_of(d, body[i]);
		b = &d->blocks[k];
		assert_true(b->flags & AP_BF_ARTICLE);
		if (i > 0)
			assert_true(k > prev);
		prev = k;
	}
	b = find(d, "Une opposition divisée");
	assert_true(b->flags & AP_BF_HEADING);
	assert_int_equal(b->level, 2);
	b = find(d, "« Ce budget");
	assert_true(b->flags & AP_BF_BLOCKQUOTE);
	/* The ad, if emitted at all, is not article text. */
	b = find(d, "Découvrez nos offres");
	assert_true(b == NULL || !(b->flags & AP_BF_ARTICLE));
	/* Navigation, sidebar and footer are not read. */
	assert_false(any(d, "Économie"));
	assert_false(any(d, "Un incendie ravage"));
	assert_false(any(d, "Mentions légales"));
	/* Headline, standfirst and byline come before the body, outside
	 * the article container. */
	b = find(d, "Le conseil municipal vote le budget 2024");
	assert_non_null(b);
	assert_true(b->flags & AP_BF_HEADING);
	assert_int_equal(b->level, 1);
	assert_true(index_of(d, "Après trois heures") <
	    index_of(d, "Le conseil municipal s’est réuni"));
	b = find(d, "Par Claire Dubois et Paul Martin");
	assert_non_null(b);
	assert_false(b->flags & AP_BF_ARTICLE);
	assert_non_null(b->cues);
	assert_non_null(strstr(b->cues, "byline"));
	/* Metadata of the same page. */
	assert_string_equal(d->meta.headline,
	    "Le conseil municipal vote le budget 2024");
	assert_string_equal(d->meta.date, "2024-03-12T18:05:00+01:00");
	assert_string_equal(d->meta.site_name, "La Gazette du Val");
	assert_string_equal(d->meta.lang, "fr-FR");
	assert_int_equal(nauthors(d), 2);
	assert_string_equal(d->meta.authors[0], "Claire Dubois");
	assert_string_equal(d->meta.authors[1], "Paul Martin");
}

static void
related_box(void **state)
{
	struct ap_doc *d = parse_file(*state, "split-article.html");
	const struct ap_block *l, *b;

	l = find(d, "À lire aussi");
	assert_non_null(l);
	assert_false(l->flags & AP_BF_ARTICLE);
	b = find(d, "La dette communale au plus haut");
	assert_non_null(b);
	assert_false(b->flags & AP_BF_ARTICLE);
	assert_true(b->flags & AP_BF_LINK);
	assert_true(b->flags & AP_BF_LISTITEM);
	assert_int_equal(b->link_chars, 46);
	assert_string_equal(b->href, "https://www.gazette-du-val.example/"
	    "politique/dette-communale.html");
	/* A relative path resolves against the canonical URL's folder. */
	b = find(d, "Trois écoles seront rénovées");
	assert_non_null(b);
	assert_string_equal(b->href, "https://www.gazette-du-val.example/"
	    "politique/politique/ecoles-renovation.html");
	assert_true(index_of(d, "À lire aussi") <
	    index_of(d, "La dette communale"));
	assert_true(index_of(d, "Le prochain conseil") <
	    index_of(d, "À lire aussi"));
}

static void
related_outside_article(void **state)
{
	/* A labelled related list in another branch of the page. */
	struct ap_doc *d = parse(*state,
	    "<html><body><div id=\"wrap\"><div class=\"story\">"
	    "<h1>La rivière déborde après les orages de la nuit</h1>"
	    "<p>La crue a surpris les habitants, qui ont dû quitter leurs"
	    " maisons en pleine nuit, sous une pluie battante.</p>"
	    "<p>Les pompiers, mobilisés jusqu'au matin, ont procédé à une"
	    " quarantaine d'évacuations, sans faire de blessé.</p></div></div>"
	    "<div class=\"col\"><div class=\"box\"><span>Sur le même sujet"
	    "</span><a href=\"https://x.example/1\">Inondations : l'état de "
	    "catastrophe naturelle demandé</a><a href=\"https://x.example/2\">"
	    "Les digues seront renforcées</a></div></div>"
	    "<div class=\"col\"><div class=\"box\"><span>Les plus lus</span>"
	    "<a href=\"/p\">Un autre sujet sans rapport</a><a href=\"/q\">"
	    "Encore un</a></div></div></body></html>");
	const struct ap_block *b;

	b = find(d, "Sur le même sujet");
	assert_non_null(b);
	assert_false(b->flags & AP_BF_ARTICLE);
	b = find(d, "Les digues seront renforcées");
	assert_non_null(b);
	assert_false(b->flags & AP_BF_ARTICLE);
	assert_string_equal(b->href, "https://x.example/2");
	/* The site-wide list has no related label: not read. */
	assert_false(any(d, "Les plus lus"));
	assert_true(find(d, "La crue a surpris")->flags & AP_BF_ARTICLE);
}

static void
links_become_uris(void **state)
{
	struct ap_doc *d = parse(*state,
	    "<html><head><link rel=\"canonical\" href=\"https://x.example/"
	    "économie/un «titre».html#s[2]\"><base href=\"https://b.example/"
	    "d/\"></head><body><ul><li><a href=\"/159908/article/été\">Un "
	    "lien vers l'été</a></li><li><a href=\"autre page.html\">Une "
	    "autre page</a></li></ul></body></html>");

	/* Raw UTF-8, spaces and [ ] are escaped in the written URL. */
	assert_string_equal(d->meta.url, "https://x.example/%C3%A9conomie/"
	    "un%20%C2%ABtitre%C2%BB.html#s%5B2%5D");
	/* Relative links resolve against <base href>, escaped first. */
	assert_string_equal(find(d, "Un lien vers")->href,
	    "https://b.example/159908/article/%C3%A9t%C3%A9");
	assert_string_equal(find(d, "Une autre page")->href,
	    "https://b.example/d/autre%20page.html");
}

static void
relative_link_without_base(void **state)
{
	struct ap_doc *d = parse(*state, "<html><body><ul><li><a href=\"/a/"
	    "été\">Un lien sans base</a></li></ul></body></html>");

	/* With nothing to resolve it against, it stays relative (and
	 * article.c writes no url for it). */
	assert_string_equal(find(d, "Un lien sans base")->href,
	    "/a/%C3%A9t%C3%A9");
}

static void
jsonld_character_references(void **state)
{
	struct ap_doc *d = parse(*state, "<html><head><script type=\""
	    "application/ld+json\">{\"@type\": \"NewsArticle\", "
	    "\"headline\": \"Tips &amp; Upgrades: l&#39;eau, l&#x2019;air "
	    "&eacute;t&eacute; &bogus; &#0; & co\"}</script></head><body>"
	    "<p>Texte.</p></body></html>");

	assert_string_equal(d->meta.headline, "Tips & Upgrades: l'eau, "
	    "l\xe2\x80\x99" "air été &bogus; &#0; & co");
}

static void
unclosed_tag_in_noscript(void **state)
{
	/* libxml2 would keep the <div> open and the page inside <noscript>. */
	struct ap_doc *d = parse(*state, "<html><head><title>T</title></head>"
	    "<body><noscript><div id=\"nojs\"></noscript><div id=\"main\">"
	    "<h1>Le titre de l'article</h1><p>Un paragraphe de texte assez "
	    "long pour faire un article, avec des mots.</p></div></body>"
	    "</html>");

	assert_non_null(find(d, "Un paragraphe de texte"));
}

static void
kicker_span_not_glued(void **state)
{
	struct ap_doc *d = parse(*state, "<html><body><h1><span class=\""
	    "kicker\">Économie</span><span class=\"visually-hidden\">: "
	    "</span><span>Le gouvernement taille dans les dépenses</span>"
	    "</h1><p>Texte.</p></body></html>");

	assert_string_equal(d->meta.headline,
	    "Économie Le gouvernement taille dans les dépenses");
}

static void
related_label_sibling(void **state)
{
	/* Label and list are siblings of the article text in one wrapper;
	 * comments are not article text. */
	struct ap_doc *d = parse(*state,
	    "<html><body><div id=\"wrap\"><h1>Le gel paralyse les routes du"
	    " pays ce matin</h1><div id=\"articleText\">Les routes sont "
	    "glissantes, et les camions bloqués dans les côtes, selon le centre"
	    " d'information.<br><br>Les transports en commun circulent avec des"
	    " retards, mais circulent, a indiqué la société.</div>"
	    "<p id=\"articleCopyright\">© Le Quotidien 2012</p>"
	    "<h2 id=\"readMore\">Sur le même sujet:</h2><ul class=\"links\">"
	    "<li><a href=\"/a\">Plan neige activé</a></li><li><a href=\"/b\">"
	    "Les trains roulent au ralenti</a></li></ul>"
	    "<div class=\"comments\"><p class=\"comment-author\">Soumis par "
	    "Paul, le 7 décembre</p><p>Quelle histoire.</p></div>"
	    "</div></body></html>");
	const struct ap_block *b;

	b = find(d, "Sur le même sujet");
	assert_non_null(b);
	assert_false(b->flags & AP_BF_ARTICLE);
	b = find(d, "Les trains roulent au ralenti");
	assert_non_null(b);
	assert_false(b->flags & AP_BF_ARTICLE);
	assert_true(b->flags & AP_BF_LINK);
	assert_true(find(d, "Les transports en commun")->flags &
	    AP_BF_ARTICLE);
	b = find(d, "Soumis par");
	assert_true(b == NULL || !(b->flags & AP_BF_ARTICLE));
}

static void
inline_insert_left_out(void **state)
{
	struct ap_doc *d = parse(*state,
	    "<html><body><div class=\"article\">"
	    "<p>Premier paragraphe du texte, avec assez de mots pour compter,"
	    " des virgules, et une phrase complète.</p>"
	    "<p>Lire aussi : <a href=\"/x\">Un autre article sur le même "
	    "thème</a></p>"
	    "<p>Deuxième paragraphe du texte, avec assez de mots pour compter,"
	    " des virgules, et une phrase complète.</p></div></body></html>");
	const struct ap_block *b;

	b = find(d, "Lire aussi");
	assert_non_null(b);
	assert_false(b->flags & AP_BF_ARTICLE);
	assert_true(find(d, "Deuxième paragraphe")->flags & AP_BF_ARTICLE);
}

static void
hidden_skipped(void **state)
{
	struct ap_doc *d = parse(*state,
	    "<html><body><div class=\"article-body\">"
	    "<p>Texte visible du paragraphe<span class=\"sr-only\"> (texte "
	    "pour lecteur d'écran)</span>, qui continue ici avec des mots.</p>"
	    "<p hidden>Paragraphe caché par l'attribut hidden du document.</p>"
	    "<p aria-hidden=\"true\">Paragraphe caché par aria-hidden.</p>"
	    "<div style=\"color: red; display : none\">Caché par le style "
	    "display none.</div>"
	    "<p style=\"visibility:hidden\">Caché par visibility.</p>"
	    "<script>var pub = 'script';</script>"
	    "<noscript>Activez JS</noscript>"
	    "<form><button>Bouton</button><input value=\"champ\"></form>"
	    "<template><p>Modèle</p></template>"
	    "<p>Deuxième paragraphe visible, assez long pour être du texte.</p>"
	    "</div></body></html>");

	assert_true(any(d, "Texte visible du paragraphe, qui continue ici"));
	assert_false(any(d, "lecteur d'écran"));
	assert_false(any(d, "attribut hidden"));
	assert_false(any(d, "aria-hidden"));
	assert_false(any(d, "display none"));
	assert_false(any(d, "visibility"));
	assert_false(any(d, "script"));
	assert_false(any(d, "Activez"));
	assert_false(any(d, "Bouton"));
	assert_false(any(d, "champ"));
	assert_false(any(d, "Modèle"));
	assert_true(any(d, "Deuxième paragraphe visible"));
}

static void
hidden_class_wrapper_read(void **state)
{
	/* A class that hides most of the page's text (a wrapper "hidden"
	 * that a script shows) hides nothing; the page is read with it.
	 * A menu classed so beside an article stays hidden. */
	struct ap_doc *d = parse(*state,
	    "<html><body><div class=\"hidden grow\"><nav>Menu</nav>"
	    "<div class=\"article-body\">" PARAS "</div></div>"
	    "</body></html>");

	assert_true(any(d, "Premier paragraphe assez long"));
	assert_true(find(d, "Premier paragraphe assez long")->flags &
	    AP_BF_ARTICLE);
	d = parse(*state,
	    "<html><body><div class=\"hidden\"><p>Le menu caché du site, "
	    "ses rubriques.</p></div><div class=\"article-body\">" PARAS
	    "</div></body></html>");
	assert_false(any(d, "Le menu caché"));
	assert_true(any(d, "Premier paragraphe assez long"));
}

static void
link_density(void **state)
{
	/* A link list inside the article is not article text; a paragraph
	 * with one inline link is, and counts its link characters. */
	struct ap_doc *d = parse(*state,
	    "<html><body><div class=\"content\">"
	    "<p>Le gouvernement a présenté son plan, <a href=\"/plan\">"
	    "détaillé ici</a>, devant les députés, mardi, à Paris.</p>"
	    "<div class=\"links\"><a href=\"/1\">Premier lien vers ailleurs</a>"
	    " <a href=\"/2\">Deuxième lien vers ailleurs</a> <a href=\"/3\">"
	    "Troisième lien vers ailleurs</a></div>"
	    "<p>Les syndicats, eux, dénoncent une réforme injuste, et "
	    "appellent à manifester, jeudi, dans toute la France.</p>"
	    "</div></body></html>");
	const struct ap_block *b;

	b = find(d, "Le gouvernement a présenté");
	assert_non_null(b);
	assert_true(b->flags & AP_BF_ARTICLE);
	assert_false(b->flags & AP_BF_LINK);
	assert_int_equal(b->link_chars, strlen("détaillé ici") - 2);
	assert_non_null(b->href);
	assert_string_equal(b->href, "/plan");	/* no base URL known */
	b = find(d, "Premier lien vers ailleurs");
	assert_non_null(b);
	assert_false(b->flags & AP_BF_ARTICLE);
	assert_true(find(d, "Les syndicats")->flags & AP_BF_ARTICLE);
}

static void
block_flags(void **state)
{
	struct ap_doc *d = parse(*state,
	    "<html><body><article class=\"post\">"
	    "<p><strong>Un chapô tout en gras, qui résume l'article en une "
	    "phrase, avec des virgules.</strong></p>"
	    "<p>Un paragraphe ordinaire, <b>en partie</b> en gras, avec des "
	    "virgules, et encore des mots.</p>"
	    "<ul><li>Premier point de la liste</li><li>Second point</li></ul>"
	    "<figure><img src=\"a.jpg\"><figcaption>Légende de la photo "
	    "(AFP)</figcaption></figure>"
	    "<h3 id=\"Inter-Titre\">Un intertitre</h3>"
	    "<div>Texte directement dans un div, long assez pour compter, avec "
	    "des virgules.<p>Un paragraphe dedans.</p>Et la suite du div.</div>"
	    "<p>Ligne un<br>ligne deux</p>"
	    "</article></body></html>");
	const struct ap_block *b;

	b = find(d, "Un chapô tout en gras");
	assert_true(b->flags & AP_BF_STRONG);
	assert_true(b->flags & AP_BF_ARTICLE);
	b = find(d, "Un paragraphe ordinaire, en partie en gras");
	assert_non_null(b);
	assert_false(b->flags & AP_BF_STRONG);
	assert_true(find(d, "Premier point")->flags & AP_BF_LISTITEM);
	assert_string_equal(find(d, "Second point")->text, "Second point");
	b = find(d, "Légende de la photo");
	assert_true(b->flags & AP_BF_FIGURE);
	b = find(d, "Un intertitre");
	assert_true(b->flags & AP_BF_HEADING);
	assert_int_equal(b->level, 3);
	assert_non_null(b->cues);
	assert_non_null(strstr(b->cues, "inter-titre"));
	assert_non_null(strstr(b->cues, "post"));
	/* Text directly in a div makes its own blocks around the <p>. */
	assert_true(index_of(d, "Texte directement") <
	    index_of(d, "Un paragraphe dedans"));
	assert_true(index_of(d, "Un paragraphe dedans") <
	    index_of(d, "Et la suite du div"));
	assert_string_equal(find(d, "Et la suite")->text,
	    "Et la suite du div.");
	/* A line break ends a block. */
	assert_string_equal(find(d, "Ligne un")->text, "Ligne un");
	assert_string_equal(find(d, "ligne deux")->text, "ligne deux");
	assert_true(find(d, "ligne deux")->line >= 1);
}

static void
entities_and_spaces(void **state)
{
	struct ap_doc *d = parse(*state,
	    "<html><body><div class=\"texte\">"
	    "<p>  Il a dit&nbsp;: &laquo;&#160;C&rsquo;est   fini&nbsp;&raquo;"
	    "\n\t &amp; il est parti&#8239;! Caf&eacute; cr&egrave;me &#x2014; "
	    "voil&agrave;,&#133; fin.  </p>"
	    "<p>&nbsp;</p>"
	    "<p>Zéro\xe2\x80\x8blargeur et\xef\xbb\xbf BOM, "
	    "do\xc2\xadmaine, doc&shy;trine, &#x202E;bidi&#x202C; "
	    "&#x200F;mark.</p>"
	    "</div></body></html>");
	const struct ap_block *b;

	b = find(d, "Il a dit");
	assert_non_null(b);
	assert_string_equal(b->text, "Il a dit" NBSP ": «" NBSP "C’est fini"
	    NBSP "» & il est parti" NNBSP "! Café crème — voilà,… fin.");
	assert_int_equal(b->len, strlen(b->text));
	/* A paragraph of one no-break space is empty: no block. */
	for (size_t i = 0; i < d->nblocks; i++)
		assert_true(d->blocks[i].len > 0 &&
		    strcmp(d->blocks[i].text, NBSP) != 0);
	/* Zero-width space, BOM, soft hyphen (raw or an entity) and bidi
	 * overrides dropped; the right-to-left mark kept. */
	assert_string_equal(find(d, "Zéro")->text,
	    "Zérolargeur et BOM, domaine, doctrine, bidi \xe2\x80\x8fmark.");
}

/* White space after an HTML5 inline element separates words, as in a
 * browser (libxml2's tree drops it after the elements it does not know). */
static void
html5_inline_spaces(void **state)
{
	struct ap_doc *d = parse(*state,
	    "<html><body><div class=\"texte\"><p>Le <mark>budget</mark> "
	    "<data value=\"1\">primitif</data> publié le <time>8 mai</time> "
	    "<a href=\"/p\">ici</a> par <x-auteur>Anne</x-auteur> "
	    "<b>Rivière</b>.</p></div></body></html>");

	assert_non_null(find(d, "Le budget"));
	assert_string_equal(find(d, "Le budget")->text,
	    "Le budget primitif publié le 8 mai ici par Anne Rivière.");
}

static void
declared_charset_ignored(void **state)
{
	/* d->text is UTF-8 whatever the page declares. */
	struct ap_doc *d = parse(*state,
	    "<html><head><meta charset=\"windows-1252\"><meta http-equiv="
	    "\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
	    "</head><body><p>Élève, œuvre, « guillemets », 20 €.</p>"
	    "</body></html>");

	assert_true(any(d, "Élève, œuvre, « guillemets », 20 €."));
}

/* The page tree against libxml2's own ---------------------------------- */

/* Elements the tree does not keep, among those the pages below use
 * (images it keeps, for the figures). */
static bool
dom_skipped(const char *name)
{
	static const char *const skip[] = { "script", "style", "title",
	    "meta", "link", "svg", "math", NULL };
	size_t i;

	for (i = 0; skip[i] != NULL; i++)
		if (strcmp(name, skip[i]) == 0)
			return true;
	return false;
}

static int
dom_tag(const char *name)
{
	static const struct { const char *name; int tag; } t[] = {
		{ "a", T_A }, { "b", T_B }, { "body", T_BODY }, { "br", T_BR },
		{ "div", T_DIV }, { "h1", T_H1 }, { "html", T_HTML },
		{ "i", T_EM }, { "img", T_IMG },
		{ "li", T_LI }, { "p", T_P }, { "pre", T_PRE }, { "ul", T_UL },
		{ NULL, 0 }
	};
	size_t i;

	for (i = 0; t[i].name != NULL; i++)
		if (strcmp(name, t[i].name) == 0)
			return t[i].tag;
	return T_OTHER;
}

/* A text node's content, or for blanks only their line breaks: the copy
 * libxml2 reads shortens blanks between tags (html_tree.c, put_gap()). */
static void
text_dump(struct ap_buf *b, int depth, long line, const char *p, size_t n)
{
	size_t i, nl = 0;

	for (i = 0; i < n && strchr(" \t\r\n", p[i]) != NULL; i++)
		nl += p[i] == '\n';
	if (i == n && n > 0)
		ap_buf_printf(b, "%d T %ld <blanks, %zu line breaks>\n",
		    depth, line, nl);
	else
		ap_buf_printf(b, "%d T %ld [%.*s]\n", depth, line, (int)n, p);
}

/* Elements (tag, class), text (line, content), by depth, in order. */
static void
dom_dump(struct ap_buf *b, xmlNode *n, int depth)
{
	xmlAttr *a;
	const char *cls;

	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->parent != NULL &&
		    strcmp((const char *)n->parent->name, "head") != 0) {
			text_dump(b, depth, xmlGetLineNo(n),
			    (const char *)n->content,
			    strlen((const char *)n->content));
			continue;
		}
		if (n->type != XML_ELEMENT_NODE ||
		    dom_skipped((const char *)n->name))
			continue;
		if (strcmp((const char *)n->name, "head") == 0)
			ap_buf_printf(b, "%d H\n", depth);
		else {
			for (cls = "-", a = n->properties; a != NULL;
			    a = a->next)
				if (strcmp((const char *)a->name, "class") == 0) {
					cls = a->children != NULL ? (const char *)
					    a->children->content : "";
					break;
				}
			ap_buf_printf(b, "%d E %d [%s]\n", depth,
			    dom_tag((const char *)n->name), cls);
		}
		dom_dump(b, n->children, depth + 1);
	}
}

static void
tree_dump(struct ap_buf *b, const struct ap_htree *t, uint32_t k, int depth)
{
	const struct ap_hnode *n;
	const struct ap_hel *e;

	for (; k != 0; k = t->n[k].next) {
		n = &t->n[k];
		if (n->type == AP_HN_TEXT) {
			text_dump(b, depth, (long)n->line, t->s + n->x, n->len);
			continue;
		}
		if (n->type == AP_HN_HEAD)
			ap_buf_printf(b, "%d H\n", depth);
		else {
			e = &t->el[n->x];
			ap_buf_printf(b, "%d E %d [%s]\n", depth, e->tag,
			    e->cls != 0 ? t->s + e->cls : "-");
		}
		tree_dump(b, t, n->first, depth + 1);
	}
}

static void
tree_matches_dom(void **state)
{
	/* White space kept or dropped as libxml2's tree does, elements
	 * after </html>, "o:p", text merged across references and split by
	 * comments, and the reduced copy libxml2 reads: script text and
	 * attributes left out (line breaks kept), junk attributes, raw
	 * text libxml2 may read otherwise, and a page the copy gets wrong
	 * (a doctype whose literal holds a '>'), parsed again. */
	char long_gap[1200];
	const char *const pages[] = {
		"<div><p>un <b>deux</b> <i>trois</i></p>\n  <p>x</p>  "
		"<img src=a> <span>y</span><ul>\n<li>z</li>\n</ul></div>",
		"<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">"
		"<html><body> <p>a</p> <div> b </div></body></html>",
		"<html><body><p>a</p></body></html><p>apr\xc3\xa8s</p>texte",
		"<!DOCTYPE html><html><body><p>a</p></body></html><p>b</p>",
		"<!-- c --><html><body><p>a</p></body></html><p>b</p>",
		"<p>a<o:p>x</o:p> <b>y</b><x:div> z </x:div></p>",
		"<p>a &amp; b<!-- c -->c&#32;<br>\n</p>",
		"<div class=\"a\" data-x=\"1\" onclick=\"f('<p>')\"\n"
		"  data-y=\"2\">t</div><script>\nvar s = \"<p>faux</p>\";\n"
		"</script><p data-z=\"3\"\nclass=\"b\">apr\xc3\xa8s</p>",
		"<!DOCTYPE html SYSTEM \"a><p data-x=1 class=c>faux</p>\">"
		"<p class=\"x\" data-y=\"2\">vrai</p>",
		"<div @click=\"a > b\" class=c data-q=1>t</div>"
		"<p a=\"1\"b=\"2\" class=d>u</p><p x=a/>v</p>",
		"<script>a</scriptx><p class=e data-x=1>p</p></script><p>q</p>",
		"<style>\x01<p class=f>s</p></style><p data-w=1>r</p>",
		/* Values the tree reads, kept aside or left to libxml2 (with
		 * a reference), duplicates (the first counts), names in
		 * capitals, no value, a line break in a value. */
		"<div CLASS=\"un\ndeux\" data-x=1 id=z>t</div>\n"
		"<p class='a&amp;b' class=c>u</p><p class=d class=\"e&amp;f\""
		" data-q>v</p><p data-a=\"1\nclass=x\" class=\"y\">w</p>"
		"<span lang class=\"\">x</span><b class=g/>y</b>"
		"<i class=h\tid=\"i\"lang=fr>z</i>",
		/* An <svg> left out of the copy (only elements libxml2 does
		 * not know in it), nested, or kept: a tag libxml2 knows, an
		 * end tag that closes what is outside, no end. */
		"<div><svg class=i><svg><g/></svg><g>\n<path d=\"M0\"/>"
		"</g></svg><p>a</p></div><svg><!-- </svg> --><use/></svg>"
		"<p>b<svg><text>z</text></svg>c</p>",
		"<div><svg><title>t</title><path/></svg><p>d</p>"
		"<svg><g></div></svg><p>e</p><math><mi>x</mi></math>"
		"<div><svg><g>f",
		/* Blanks between tags, shortened in the copy but for one
		 * inside <pre> and after it, and a run as long as libxml2's
		 * text buffer. */
		"<html><head>\n    <title>t</title>\n  </head><body>\n"
		"<div class=a>\n    <p>a</p>\n\t\t<p>b</p>    <span>c</span>"
		"      <b>d</b>\n  </div><!-- x -->     <p>e</p></body></html>",
		"<div class=b>    <pre>\n    <b>x</b>    <i class=c>y</i>\n"
		"</pre>     <p>z</p></div>",
		long_gap,
		/* References in values the tree reads: decoded aside when
		 * plain, else left to libxml2. */
		"<div class=\"a&amp;b &lt;&gt; &#233;&#xe9;&#X1F600; &eacute;\""
		" data-x=1>t</div><p class=\"x &unknown; &amp y &#39z\" "
		"data-y=2>u</p><p class=\"&#0; q\" data-z=3>v</p>"
		"<p class=\"&#x110000; &#1114111;\">w</p>"
		"<b class=\"&\xc3\xa9; &\" data-a=1>x</b>"
		"<i class=a&amp;b data-b=1>y</i><i class='&thetasym;&'>z</i>",
	};
	struct fx *f = *state;
	struct ap_htree t;
	struct ap_buf want, got;
	htmlDocPtr doc;
	xmlNode *root, *next, *n;
	size_t i;

	/* Blanks that fill libxml2's text buffer in <head>: the first part
	 * is not ignorable, and libxml2 opens a <p> for it. */
	memset(long_gap, ' ', sizeof(long_gap));
	memcpy(long_gap, "<html><head>", 12);
	memcpy(long_gap + 1100, "<title>t</title><p class=a>x</p>", 32);
	long_gap[1132] = '\0';
	memset(&f->d, 0, sizeof(f->d));
	ap_arena_init(&f->d.arena, NULL);
	f->live = true;
	f->d.arena.oom = &f->oom;
	if (setjmp(f->oom) != 0)
		fail_msg("out of memory");
	for (i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		ap_buf_init(&want, &f->d.arena);
		ap_buf_init(&got, &f->d.arena);
		doc = htmlReadMemory(pages[i], (int)strlen(pages[i]), NULL,
		    "UTF-8", HTML_PARSE_RECOVER | HTML_PARSE_NONET |
		    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		    HTML_PARSE_NOBLANKS | HTML_PARSE_IGNORE_ENC);
		assert_non_null(doc);
		/* Elements libxml2 leaves beside the root (after "</html>"
		 * when a doctype or comment came first) are read as the
		 * root's last children, as a browser shows them; text
		 * outside any element is not read. */
		root = xmlDocGetRootElement(doc);
		for (n = root->next; n != NULL; n = next) {
			next = n->next;
			if (n->type == XML_ELEMENT_NODE) {
				xmlUnlinkNode(n);
				xmlAddChild(root, n);
			}
		}
		next = root->next;
		root->next = NULL;
		dom_dump(&want, root, 0);
		root->next = next;
		xmlFreeDoc(doc);
		ap_htree_parse(&f->d.arena, pages[i], strlen(pages[i]), &t);
		tree_dump(&got, &t, t.root, 0);
		ap_htree_free(&t);
		assert_string_equal(got.p, want.p);
		ap_buf_fini(&want);
		ap_buf_fini(&got);
	}
}

static void
reduced_copy(void **state)
{
	/* What libxml2 is not given still counts where it must: line
	 * numbers after a long script and tags, link targets and cues of
	 * tags that lost attributes, a meta tag's content, a JSON script's
	 * type, and raw text that is not a tag. */
	struct ap_doc *d = parse(*state,
	    "<html><head><meta data-x=\"1\" property=\"og:site_name\"\n"
	    "  content=\"Le Site\"><script data-y=\"2\"\n"
	    "  type=\"application/ld+json\">"
	    "{\"@type\":\"NewsArticle\",\"headline\":\"Le titre </p> ici\"}"
	    "</script></head><body>\n"
	    "<script data-z=\"3\" async>\n"
	    "var a = '<p>Faux paragraphe du script</p>';\n"
	    "\n\n</script>\n"
	    "<div data-track=\"x\" class=\"article-body\"\n"
	    "  onclick=\"go('<a>')\" id=\"corps\">"
	    "<p data-n=\"1\">Le premier paragraphe de l'article, assez long "
	    "pour compter, avec des virgules, et des mots.</p>\n"
	    "<p><a data-x=\"2\" href=\"/suite\" target=\"_blank\">Lire la "
	    "suite</a></p>"
	    "<style>p > a { color: red; }</style>"
	    "</div></body></html>");
	const struct ap_block *b;

	assert_false(any(d, "Faux paragraphe"));
	assert_false(any(d, "color"));
	b = find(d, "Le premier paragraphe");
	assert_non_null(b);
	assert_int_equal(b->line, 10);
	assert_non_null(b->cues);
	assert_non_null(strstr(b->cues, "article-body"));
	assert_non_null(strstr(b->cues, "corps"));
	assert_null(strstr(b->cues, "data"));
	assert_string_equal(find(d, "Lire la suite")->href, "/suite");
	assert_string_equal(d->meta.headline, "Le titre </p> ici");
	assert_string_equal(d->meta.site_name, "Le Site");
}

/* Robustness -------------------------------------------------------- */

static void
deep_nesting(void **state)
{
	struct fx *f = *state;
	const size_t depth = 100000;
	const char *p = "<p>Le texte tout au fond, avec des virgules, des mots,"
	    " et une phrase assez longue pour compter.</p>";
	struct ap_buf b;
	struct ap_arena a;
	jmp_buf oom;
	struct ap_doc *d;
	size_t i;

	ap_arena_init(&a, NULL);
	a.oom = &oom;
	if (setjmp(oom) != 0)
		fail_msg("out of memory");
	ap_buf_init(&b, &a);
	ap_buf_puts(&b, "<html><body>");
	for (i = 0; i < depth; i++)
		ap_buf_puts(&b, "<div>");
	ap_buf_puts(&b, p);
	for (i = 0; i < depth; i++)
		ap_buf_puts(&b, "</div>");
	ap_buf_puts(&b, "<p>Après.</p></body></html>");
	d = parse_n(f, b.p, b.len);
	assert_true(any(d, "Le texte tout au fond"));
	assert_true(find(d, "Le texte tout au fond")->flags & AP_BF_ARTICLE);
	ap_arena_fini(&a);
}

static void
deep_unclosed(void **state)
{
	/* Unclosed inline elements nest as deep as the input is long. */
	struct fx *f = *state;
	struct ap_buf b;
	struct ap_arena a;
	jmp_buf oom;
	struct ap_doc *d;
	size_t i;

	ap_arena_init(&a, NULL);
	a.oom = &oom;
	if (setjmp(oom) != 0)
		fail_msg("out of memory");
	ap_buf_init(&b, &a);
	ap_buf_puts(&b, "<p>Début");
	for (i = 0; i < 100000; i++)
		ap_buf_puts(&b, "<span><b>x");
	d = parse_n(f, b.p, b.len);
	assert_true(d->nblocks >= 1);
	assert_int_equal(strncmp(d->blocks[0].text, "Débutxx", 7), 0);
	ap_arena_fini(&a);
}

static void
many_links(void **state)
{
	struct fx *f = *state;
	struct ap_buf b;
	struct ap_arena a;
	jmp_buf oom;
	struct ap_doc *d;
	size_t i;

	ap_arena_init(&a, NULL);
	a.oom = &oom;
	if (setjmp(oom) != 0)
		fail_msg("out of memory");
	ap_buf_init(&b, &a);
	ap_buf_puts(&b, "<html><head><base href=\"https://b.example/d/\">"
	    "</head><body><div class=\"article\"><p>Un vrai paragraphe, "
	    "assez long, avec des virgules, pour être l'article.</p>");
	for (i = 0; i < 10000; i++)
		ap_buf_printf(&b,
		    "<li><a href=\"l%zu\">Lire aussi %zu</a></li>", i, i);
	ap_buf_puts(&b, "</div></body></html>");
	d = parse_n(f, b.p, b.len);
	assert_true(any(d, "Un vrai paragraphe"));
	assert_true(d->nblocks >= 10000);
	assert_string_equal(find(d, "Lire aussi 9999")->href,
	    "https://b.example/d/l9999");
	ap_arena_fini(&a);
}

static void
empty_inputs(void **state)
{
	struct fx *f = *state;
	struct ap_doc *d;

	d = parse(f, "");
	assert_int_equal(d->nblocks, 0);
	ap_arena_fini(&d->arena);
	d = parse(f, "<html><head><title>Seul</title><meta name=\"date\" "
	    "content=\"2020-01-02\"></head></html>");
	assert_int_equal(d->nblocks, 0);
	assert_string_equal(d->meta.headline, "Seul");
	assert_string_equal(d->meta.date, "2020-01-02");
	ap_arena_fini(&d->arena);
	d = parse(f, "juste du texte, sans balise, mais assez long pour être "
	    "un article : une phrase, puis une autre, et encore une autre, "
	    "jusqu'à dépasser les cent cinquante caractères.");
	assert_int_equal(d->nblocks, 1);
	ap_arena_fini(&d->arena);
	d = parse(f, "<<<>>><p <a href=<\">&&#xFFFFFFF;&#0;</p><!--");
	assert_true(d->nblocks < 5);
}

/* Out of memory at every allocation: the xmlDoc and any jansson tree go
 * through the arena's cleanup hook; valgrind checks nothing leaks. */
struct failing {
	size_t	 n;		/* allocations left before failing */
	size_t	 calls;
};

static void *
f_malloc(size_t n, void *arg)
{
	struct failing *fa = arg;

	fa->calls++;
	if (fa->n == 0)
		return NULL;
	fa->n--;
	return malloc(n);
}

static void *
f_realloc(void *p, size_t n, void *arg)
{
	struct failing *fa = arg;

	fa->calls++;
	if (fa->n == 0)
		return NULL;
	fa->n--;
	return realloc(p, n);
}

static void
f_free(void *p, void *arg)
{
	(void)arg;
	free(p);
}

static int prev_cleanups;

static void
prev_cleanup(void *arg)
{
	(void)arg;
	prev_cleanups++;
}

static void
out_of_memory(void **state)
{
	struct fx *f = *state;
	struct failing fa;
	struct ap_allocator al = { f_malloc, f_realloc, f_free, &fa };
	struct ap_doc *d = &f->d;
	volatile size_t i;
	volatile bool done = false;
	volatile size_t failures = 0;

	(void)parse_file(f, "split-article.html");
	ap_arena_fini(&f->d.arena);
	f->live = false;
	for (i = 0; !done && i < 100000; i++) {
		memset(d, 0, sizeof(*d));
		fa.n = i;
		fa.calls = 0;
		ap_arena_init(&d->arena, &al);
		d->arena.oom = &f->oom;
		d->arena.cleanup = prev_cleanup;
		prev_cleanups = 0;
		d->text = f->file;
		d->textlen = strlen(f->file);
		if (setjmp(f->oom) == 0) {
			ap_html_blocks(d);
			done = true;
			/* The previous hook is back in place. */
			assert_ptr_equal(d->arena.cleanup, prev_cleanup);
			assert_true(d->nblocks > 10);
		} else
			failures++;
		ap_arena_fini(&d->arena);
		/* The hook that was there before is called exactly once. */
		assert_int_equal(prev_cleanups, 1);
	}
	assert_true(done);
	assert_true(failures > 10);
}

/* Helpers ------------------------------------------------------------ */

static void
dates(void **state)
{
	struct ap_arena arena, *a = &arena;
	jmp_buf oom;

	(void)state;
	LOCAL_ARENA(arena, oom);
	assert_string_equal(ap_html_date(a, "2015-05-04T13:36:31+02:00"),
	    "2015-05-04T13:36:31+02:00");
	assert_string_equal(ap_html_date(a, "2015-05-04 13:36"),
	    "2015-05-04T13:36");
	assert_string_equal(ap_html_date(a, "2020-08-25|00h23"), "2020-08-25");
	assert_string_equal(ap_html_date(a, " 2020-09-14T09:46:33.000Z"),
	    "2020-09-14T09:46:33.000Z");
	assert_string_equal(ap_html_date(a, "20170108"), "2017-01-08");
	assert_string_equal(ap_html_date(a, "08/01/2017"), "2017-01-08");
	assert_string_equal(ap_html_date(a, "Tue, 04 Nov 2023 10:00:00 GMT"),
	    "2023-11-04");
	assert_string_equal(ap_html_date(a, "5 mai 2015"), "2015-05-05");
	assert_string_equal(ap_html_date(a, "2015/05/04"), "2015-05-04");
	assert_null(ap_html_date(a, "2015-13-04"));
	assert_null(ap_html_date(a, "hier soir"));
	assert_null(ap_html_date(a, ""));
	assert_null(ap_html_date(a, NULL));
	ap_arena_fini(a);
}

static void
authors(void **state)
{
	struct ap_arena arena, *a = &arena;
	jmp_buf oom;
	const char *out[8];
	size_t n;

	(void)state;
	LOCAL_ARENA(arena, oom);
	n = 0;
	ap_html_authors(a, "Par Martin Untersinger (avec Damien Leloup et "
	    "Morgane Tual)", NULL, out, &n, 8);
	assert_int_equal(n, 3);
	assert_string_equal(out[0], "Martin Untersinger");
	assert_string_equal(out[1], "Damien Leloup");
	assert_string_equal(out[2], "Morgane Tual");
	n = 0;
	ap_html_authors(a, "Jeanne Martin, envoyée spéciale à Kyiv", NULL,
	    out, &n, 8);
	assert_int_equal(n, 1);
	assert_string_equal(out[0], "Jeanne Martin");
	n = 0;
	ap_html_authors(a, "By John Smith and Jane Doe", NULL, out, &n, 8);
	assert_int_equal(n, 2);
	assert_string_equal(out[1], "Jane Doe");
	/* A place in parentheses is no author; an agency's capitals are. */
	n = 0;
	ap_html_authors(a, "Cécile Ducourtieux(Bruxelles, bureau européen)",
	    NULL, out, &n, 8);
	assert_int_equal(n, 1);
	assert_string_equal(out[0], "Cécile Ducourtieux");
	n = 0;
	ap_html_authors(a, "Jean Dupont (AFP)", NULL, out, &n, 8);
	assert_int_equal(n, 2);
	assert_string_equal(out[1], "AFP");
	n = 0;
	ap_html_authors(a, "https://www.example.com/auteur/x", NULL, out, &n,
	    8);
	ap_html_authors(a, "Le Monde", "Le Monde", out, &n, 8);
	ap_html_authors(a, "AFP", NULL, out, &n, 8);
	ap_html_authors(a, "afp", NULL, out, &n, 8);	/* duplicate */
	ap_html_authors(a, "J. La.", NULL, out, &n, 8);
	assert_int_equal(n, 2);
	assert_string_equal(out[0], "AFP");
	assert_string_equal(out[1], "J. La.");
	/* Never more than max. */
	n = 0;
	ap_html_authors(a, "A Un, B Deux, C Trois", NULL, out, &n, 2);
	assert_int_equal(n, 2);
	ap_arena_fini(a);
}

/* Every label of data/related-labels.txt (run from the source tree) is
 * one, and every verb starts an insert's lead ("Lire l'entretien :"). */
static void
every_related_label(void)
{
	char line[256], text[300], *tab;
	size_t n = 0;
	FILE *fp;

	if ((fp = fopen("data/related-labels.txt", "r")) == NULL)
		skip();
	while (t_data_line(fp, line, sizeof(line)) != NULL) {
		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		snprintf(text, sizeof(text), "%s%s", tab + 1,
		    strncmp(line, "verb", 4) == 0 ? " l'article :" : "");
		if (!ap_html_related_label(text, strlen(text)))
			fail_msg("\"%s\" is no related label", text);
		n++;
	}
	fclose(fp);
	assert_true(n > 40);
}

static void
labels_and_folding(void **state)
{
	struct ap_arena arena, *a = &arena;
	jmp_buf oom;
	static const char *const yes[] = { "À lire aussi", "A LIRE AUSSI :",
	    "Lire aussi", "Sur le même sujet", "Articles connexes",
	    "Dans la même rubrique", "Voir aussi", "Articles liés",
	    "En relation", "La rédaction vous conseille :",
	    "Lire l'entretien :", "Nos articles sur la réforme", NULL };
	static const char *const no[] = { "Les plus lus", "À la une",
	    "Lire la suite de l'article, qui explique pourquoi la réforme "
	    "a échoué", "Dernières infos", "Populaires", "", NULL };
	size_t i;

	for (i = 0; yes[i] != NULL; i++)
		assert_true(ap_html_related_label(yes[i], strlen(yes[i])));
	for (i = 0; no[i] != NULL; i++)
		assert_false(ap_html_related_label(no[i], strlen(no[i])));
	every_related_label();
	(void)state;
	LOCAL_ARENA(arena, oom);
	assert_true(ap_html_same(a, "L’Élysée  répond",
	    "l'elysee repond!"));
	assert_true(ap_html_same(a, "Œuvre", "oeuvre"));
	assert_false(ap_html_same(a, "Une chose", "Une autre"));
	assert_false(ap_html_same(a, "", ""));
	assert_string_equal(ap_html_collapse(a, " a \n\t b" NBSP " ", 9),
	    "a b");
	ap_arena_fini(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(teaser_cards_lose_to_article,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(repeated_steps_are_no_cards,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(date_shown_by_title, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(date_shown_not_from_text_or_menu,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(only_h1_is_headline, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(jsonld_article, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(jsonld_author_is_the_site,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(jsonld_graph_authors, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(jsonld_author_string_split,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(jsonld_org_author, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(byline_reconcile, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(og_meta_fallbacks, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(meta_dates_and_site_author,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(time_in_article, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(title_suffix, setup, teardown),
		cmocka_unit_test_setup_teardown(headline_agreement, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(no_article_headline, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(h2_title, setup, teardown),
		cmocka_unit_test_setup_teardown(author_links, setup, teardown),
		cmocka_unit_test_setup_teardown(author_links_of_a_list, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(h2_not_title_beside_h1, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(container_split_by_ad, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(related_box, setup, teardown),
		cmocka_unit_test_setup_teardown(related_outside_article, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(related_label_sibling, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(inline_insert_left_out, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(hidden_class_wrapper_read,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(hidden_skipped, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(link_density, setup, teardown),
		cmocka_unit_test_setup_teardown(block_flags, setup, teardown),
		cmocka_unit_test_setup_teardown(html5_inline_spaces, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(entities_and_spaces, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(declared_charset_ignored, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(tree_matches_dom, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(reduced_copy, setup, teardown),
		cmocka_unit_test_setup_teardown(deep_nesting, setup, teardown),
		cmocka_unit_test_setup_teardown(deep_unclosed, setup, teardown),
		cmocka_unit_test_setup_teardown(many_links, setup, teardown),
		cmocka_unit_test_setup_teardown(empty_inputs, setup, teardown),
		cmocka_unit_test_setup_teardown(out_of_memory, setup, teardown),
		cmocka_unit_test_setup_teardown(dates, setup, teardown),
		cmocka_unit_test_setup_teardown(links_become_uris, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(relative_link_without_base,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(kicker_span_not_glued, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(unclosed_tag_in_noscript, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(jsonld_character_references,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(authors, setup, teardown),
		cmocka_unit_test_setup_teardown(header_above_container, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(labels_and_folding, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
