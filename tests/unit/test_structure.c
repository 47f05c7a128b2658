/* SPDX-License-Identifier: ISC */
/*
 * The article's structure: photo credits split off captions, data tables
 * told from layout tables, list ids and depths, figures and their place
 * in the body, and inline spans counted in code points of NFC text.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artparse.h"
#include "arena.h"
#include "doc.h"
#include "writer.h"

/* Caption and credit of caption c (credit apart: cr), as "caption|credit". */
static const char *
split(const char *c, const char *cr)
{
	static char out[512];
	struct ap_arena a;
	jmp_buf oom;

	ap_arena_init(&a, &ap_default_allocator);
	a.oom = &oom;
	if (setjmp(oom) != 0)
		fail_msg("out of memory");
	ap_figure_credit(&a, &c, &cr);
	snprintf(out, sizeof(out), "%s|%s", c != NULL ? c : "(null)",
	    cr != NULL ? cr : "(null)");
	ap_arena_fini(&a);
	return out;
}

static void
credit_after_caption(void **state)
{
	(void)state;
	assert_string_equal(split("Une manifestation à Paris. Photo : Jean "
	    "Martin / AFP", NULL), "Une manifestation à Paris.|Jean Martin / AFP");
	assert_string_equal(split("Le maire (© Pierre Blanc)", NULL),
	    "Le maire|Pierre Blanc");
	assert_string_equal(split("Le port. Crédit photo : Reuters", NULL),
	    "Le port.|Reuters");
	assert_string_equal(split("Le stade (Photo by John Doe)", NULL),
	    "Le stade|John Doe");
	assert_string_equal(split("Le piquet de grève (C) Kab Niang", NULL),
	    "Le piquet de grève|Kab Niang");
}

static void
credit_alone_or_none(void **state)
{
	(void)state;
	assert_string_equal(split("Photo: AFP", NULL), "(null)|AFP");
	/* Prose that names a photo is no credit. */
	assert_string_equal(split("Il montre la photo : un chien.", NULL),
	    "Il montre la photo : un chien.|(null)");
	assert_string_equal(split("Un chien sur la plage.", NULL),
	    "Un chien sur la plage.|(null)");
}

static void
credit_marked_apart(void **state)
{
	(void)state;
	/* Repeated at the caption's end, or at its start. */
	assert_string_equal(split("Les câbles. Photo : Studio Rive",
	    "Photo : Studio Rive"), "Les câbles.|Studio Rive");
	assert_string_equal(split("Photo: Adil Boukind Le pont.",
	    "Photo: Adil Boukind"), "Le pont.|Adil Boukind");
}

static void
list_numbers(void **state)
{
	struct ap_wlist l;
	struct ap_body a = { .type = AP_BODY_LISTITEM, .list = 1, .depth = 1 };
	struct ap_body b = { .type = AP_BODY_LISTITEM, .list = 1, .depth = 2 };
	struct ap_body c = { .type = AP_BODY_LISTITEM, .list = 2, .depth = 1 };

	(void)state;
	memset(&l, 0, sizeof(l));
	assert_int_equal(ap_w_list_next(&l, &a), 1);
	assert_int_equal(ap_w_list_next(&l, &b), 1);
	assert_int_equal(ap_w_list_next(&l, &b), 2);
	assert_int_equal(ap_w_list_next(&l, &a), 2);
	/* A sub-list under the next item starts again at 1. */
	assert_int_equal(ap_w_list_next(&l, &b), 1);
	/* Another list starts again at 1. */
	assert_int_equal(ap_w_list_next(&l, &c), 1);
	b.depth = 1000;
	assert_int_equal(ap_w_list_depth(&b), AP_W_MAXDEPTH);
}

#define PARA "<p>Le conseil municipal a adopté jeudi soir le budget " \
	"primitif pour l’année, après trois heures de débats parfois " \
	"tendus entre la majorité et l’opposition municipale.</p>"

#define PARA2 "<p>Les travaux de la piscine commenceront au printemps, " \
	"pour une réouverture prévue à la rentrée de septembre, selon " \
	"l’adjoint chargé des sports et de la jeunesse.</p>"

static struct ap_doc *
parse(const char *html)
{
	struct ap_opts o;
	struct ap_doc *d = NULL;

	memset(&o, 0, sizeof(o));
	o.input = AP_INPUT_HTML;
	assert_int_equal(ap_parse(html, strlen(html), &o, &d), AP_OK);
	return d;
}

static const struct ap_body *
first_of(const struct ap_article *a, enum ap_btype t)
{
	size_t i;

	for (i = 0; i < a->nbody; i++)
		if (a->body[i].type == t)
			return &a->body[i];
	return NULL;
}

static void
data_table(void **state)
{
	struct ap_doc *d = parse("<html><body><article><h1>Le budget "
	    "adopté</h1>" PARA "<table><caption>Dépenses</caption><tr>"
	    "<th>Poste</th><th>Montant</th></tr><tr><td>Voirie</td>"
	    "<td>12 M€</td></tr><tr><td>Écoles</td></tr></table>" PARA
	    "</article></body></html>");
	const struct ap_body *t;

	(void)state;
	t = first_of(ap_doc_article(d), AP_BODY_TABLE);
	assert_non_null(t);
	assert_non_null(t->table);
	assert_int_equal(t->table->nrows, 3);
	assert_int_equal(t->table->ncols, 2);
	assert_string_equal(t->table->caption, "Dépenses");
	assert_true(t->table->rows[0].cells[1].header);
	assert_false(t->table->rows[1].cells[0].header);
	assert_string_equal(t->table->rows[1].cells[1].text, "12 M€");
	assert_string_equal(t->table->rows[2].cells[1].text, "");
	assert_string_equal(t->text,
	    "Poste | Montant\nVoirie | 12 M€\nÉcoles");
	ap_doc_free(d);
}

/* Whether a paragraph of the article's body holds s. */
static bool
body_has(const struct ap_article *a, const char *s)
{
	size_t i;

	for (i = 0; i < a->nbody; i++)
		if (strstr(a->body[i].text, s) != NULL)
			return true;
	return false;
}

#define ROW(n) "<tr><td>Poste " #n "</td><td>" #n "000 €</td><td>" #n \
	" %</td></tr>"
#define ROWS4(a) ROW(a##1) ROW(a##2) ROW(a##3) ROW(a##4)

/* A prose paragraph of the article's container, parted from the body's
 * run by a long table of figures, is still the article's; the footer
 * past the container is not. */
static void
body_widens_in_container(void **state)
{
	struct ap_doc *d = parse("<html><body><nav><a href=\"/\">Accueil"
	    "</a></nav><h1>Le conseil vote le budget</h1>"
	    "<div class=\"article-body\"><p>Le conseil municipal a voté "
	    "mardi soir le budget de la ville, après trois heures de débat "
	    "animé entre la majorité et l'opposition.</p><p>La majorité met "
	    "en avant la baisse de la dette, tandis que l'opposition dénonce "
	    "la hausse des tarifs de la cantine et des transports.</p><p>Le "
	    "maire a rappelé que les investissements prévus porteront "
	    "d'abord sur les écoles, la voirie et la piscine.</p>"
	    "<div class=\"chiffres\"><table>" ROWS4(1) ROWS4(2) ROWS4(3)
	    ROWS4(4) ROWS4(5) ROWS4(6) "</table></div><p>Le prochain "
	    "conseil, prévu au mois de juin, devra se prononcer sur la vente "
	    "de plusieurs terrains communaux situés près de la gare.</p>"
	    "</div><footer><p>Mentions légales</p></footer></body></html>");
	const struct ap_article *a = ap_doc_article(d);

	(void)state;
	assert_true(body_has(a, "Le prochain conseil"));
	assert_false(body_has(a, "Mentions"));
	ap_doc_free(d);
}

/* The box about the author after a blog post ("author-bio") is no part
 * of the post, though it is prose; a byline in the article stays. */
static void
author_box_dropped(void **state)
{
	struct ap_doc *d = parse("<html><body><h1>Le conseil vote le budget"
	    "</h1><article><p class=\"author\">Par Claire Martin</p>"
	    "<p>Le conseil municipal a voté mardi soir le budget de la ville, "
	    "après trois heures de débat animé entre la majorité et "
	    "l'opposition.</p><p>La majorité met en avant la baisse de la "
	    "dette, tandis que l'opposition dénonce la hausse des tarifs de "
	    "la cantine et des transports.</p><p>Le maire a rappelé que les "
	    "investissements prévus porteront d'abord sur les écoles, la "
	    "voirie et la piscine.</p><div class=\"author-bio\"><p>Claire "
	    "Martin suit la vie municipale depuis dix ans et anime chaque "
	    "semaine la chronique des quartiers du journal, où elle raconte "
	    "les projets, les débats et les habitants de la ville, des écoles "
	    "aux marchés et aux associations sportives.</p></div>"
	    "</article></body></html>");
	const struct ap_article *a = ap_doc_article(d);

	(void)state;
	assert_true(body_has(a, "Le maire"));
	assert_false(body_has(a, "suit la vie"));
	assert_int_equal(a->nauthors, 1);
	assert_string_equal(a->authors[0].name, "Claire Martin");
	ap_doc_free(d);
}

/* A publication line closing a long article dates it; it is no body. */
static void
closing_date_line(void **state)
{
	struct ap_doc *d = parse("<html><body><h1>Le conseil vote le budget"
	    "</h1><article><p>Le conseil municipal a voté mardi soir le "
	    "budget de la ville, après trois heures de débat animé.</p>"
	    "<p>La majorité met en avant la baisse de la dette, tandis que "
	    "l'opposition dénonce la hausse des tarifs de la cantine.</p>"
	    "<p>Le maire a rappelé que les investissements prévus porteront "
	    "sur les écoles, la voirie et la piscine.</p><p>Les travaux de la "
	    "piscine commenceront au printemps et dureront deux ans, selon la "
	    "mairie.</p><p>Une réunion publique est prévue le mois prochain "
	    "dans la salle des fêtes.</p><p>Les habitants pourront y poser "
	    "leurs questions aux élus de la majorité.</p><p>Mis à jour le 12 "
	    "mars 2024 à 10 h 05</p></article></body></html>");
	const struct ap_article *a = ap_doc_article(d);

	(void)state;
	assert_true(a->nbody >= 6);
	assert_non_null(strstr(a->body[a->nbody - 1].text, "Les habitants"));
	assert_false(body_has(a, "Mis à jour"));
	ap_doc_free(d);
}

/* A theme's default lang="en" on a page written in German does not
 * turn the German cues off: the text's own language counts too. */
static void
cues_of_the_text_language(void **state)
{
	struct ap_doc *d = parse("<html lang=\"en\"><body><h1>Die Stadt "
	    "beschließt den Haushalt</h1><article><p>Der Stadtrat hat am "
	    "Dienstagabend nach drei Stunden Debatte den Haushalt der Stadt "
	    "für das kommende Jahr beschlossen.</p><p>Die Mehrheit verweist "
	    "auf den Abbau der Schulden, während die Opposition die höheren "
	    "Gebühren für die Kantine kritisiert.</p><p>Der Bürgermeister "
	    "erinnerte daran, dass die Investitionen vor allem in die Schulen "
	    "und das Schwimmbad fließen werden.</p><p>Du musst angemeldet "
	    "sein, um einen Kommentar zu schreiben.</p></article></body>"
	    "</html>");
	const struct ap_article *a = ap_doc_article(d);

	(void)state;
	assert_int_equal(a->nbody, 3);
	assert_false(body_has(a, "angemeldet"));
	ap_doc_free(d);
}

/* A German figure's caption ("Abb. 2:", "Abbildung:") is no body. */
static void
german_figure_caption(void **state)
{
	struct ap_doc *d = parse("<html lang=\"de\"><body><h1>Die Stadt "
	    "beschließt den Haushalt</h1><article><p>Der Stadtrat hat am "
	    "Dienstagabend nach drei Stunden Debatte den Haushalt der Stadt "
	    "für das kommende Jahr beschlossen.</p><p>Die Mehrheit "
	    "verweist auf den Abbau der Schulden, während die Opposition die "
	    "höheren Gebühren für die Kantine kritisiert.</p><p>Abb. 2: Die "
	    "Schulden der Stadt seit 2010, in Millionen Euro.</p><p>Abbildung: "
	    "Die Investitionen nach Bereichen.</p><p>Der Bürgermeister "
	    "erinnerte daran, dass die Investitionen vor allem in die Schulen "
	    "und das Schwimmbad fließen werden.</p></article></body></html>");
	const struct ap_article *a = ap_doc_article(d);

	(void)state;
	assert_int_equal(a->nbody, 3);
	assert_false(body_has(a, "Abb."));
	assert_false(body_has(a, "Abbildung"));
	ap_doc_free(d);
}

/* React's streamed page: each boundary's fallback ("Loading…") gives
 * way to the hidden segment sent later, and a template "P:" is where a
 * segment goes, with or without the boundary's comments. */
static void
react_segments_read_in_place(void **state)
{
	struct ap_doc *d = parse("<html><body><article><h1>Le conseil vote "
	    "le budget</h1><div class=\"article-body\"><!--$?--><template "
	    "id=\"B:0\"></template><div>Loading paragraph...</div><!--/$-->"
	    "<template id=\"B:a\"></template><div>Loading paragraph...</div>"
	    "</div></article><div hidden id=\"S:0\"><p>Le conseil municipal "
	    "a voté mardi soir le budget de la ville, après trois heures de "
	    "débat animé.</p><template id=\"P:2\"></template></div><div hidden "
	    "id=\"S:a\"><p>Le maire a rappelé que les investissements prévus "
	    "porteront sur les écoles, la voirie et la piscine.</p></div><div "
	    "hidden id=\"S:2\"><p>La majorité met en avant la baisse de la "
	    "dette, tandis que l'opposition dénonce la hausse des tarifs de la "
	    "cantine.</p></div></body></html>");
	const struct ap_article *a = ap_doc_article(d);
	size_t i;

	(void)state;
	assert_int_equal(a->nbody, 3);
	assert_non_null(strstr(a->body[0].text, "Le conseil municipal"));
	assert_non_null(strstr(a->body[1].text, "La majorité"));
	assert_non_null(strstr(a->body[2].text, "Le maire"));
	for (i = 0; i < d->nblocks; i++)
		assert_null(strstr(d->blocks[i].text, "Loading"));
	ap_doc_free(d);
}

/* An accordion's closed panel (role "region", display: none) is read:
 * the reader opens it; a block hidden otherwise is not. */
static void
accordion_panel_read(void **state)
{
	struct ap_doc *d = parse("<html><body><h1>Le conseil vote le budget"
	    "</h1><article><p>Le conseil municipal a voté mardi soir le "
	    "budget de la ville, après trois heures de débat animé.</p>"
	    "<button aria-controls=\"p1\">1. Les écoles</button><div "
	    "id=\"p1\" role=\"region\" style=\"display:none;\"><p>La "
	    "majorité met en avant la rénovation des écoles, tandis que "
	    "l'opposition dénonce la hausse des tarifs de la cantine.</p>"
	    "</div><div style=\"display:none\"><p>Texte caché d'une version "
	    "de la page pour les téléphones, que personne ne voit ici.</p>"
	    "</div><p>Le maire a rappelé que les investissements prévus "
	    "porteront sur les écoles, la voirie et la piscine.</p></article>"
	    "</body></html>");
	const struct ap_article *a = ap_doc_article(d);

	(void)state;
	assert_true(body_has(a, "La majorité met en avant"));
	assert_false(body_has(a, "Texte caché"));
	ap_doc_free(d);
}

#define PLAN "<p>Échauffement de dix minutes, puis trois séries de " \
	"fractionné court et un retour au calme en marchant.</p>"
#define ARTICLE3 "<p>Le conseil municipal a voté mardi soir le budget de " \
	"la ville, après trois heures de débat animé.</p><p>La majorité " \
	"met en avant la baisse de la dette, tandis que l'opposition " \
	"dénonce la hausse des tarifs.</p><p>Le maire a rappelé que les " \
	"investissements prévus porteront sur les écoles et la piscine.</p>"

/* Number of body paragraphs holding s. */
static size_t
body_count(const struct ap_article *a, const char *s)
{
	size_t i, n = 0;

	for (i = 0; i < a->nbody; i++)
		n += strstr(a->body[i].text, s) != NULL;
	return n;
}

/* An article the page prints twice (a copy for each screen) is read
 * once; a few paragraphs the text itself repeats stay. */
static void
article_printed_twice(void **state)
{
	struct ap_doc *d = parse("<html><body><h1>Le conseil vote le budget"
	    "</h1><article><div class=\"desktop\">" ARTICLE3 "</div><div "
	    "class=\"mobile\">" ARTICLE3 "</div></article></body></html>");
	const struct ap_article *a = ap_doc_article(d);

	(void)state;
	assert_int_equal(body_count(a, "Le conseil municipal"), 1);
	assert_int_equal(body_count(a, "Le maire"), 1);
	ap_doc_free(d);
	d = parse("<html><body><h1>Dix semaines pour courir dix kilomètres"
	    "</h1><article><h2>Semaine 1</h2>" PLAN "<h2>Semaine 2</h2>" PLAN
	    "<p>La troisième semaine, la sortie longue passe à quarante "
	    "minutes, toujours à une allure où l'on peut parler.</p><p>La "
	    "quatrième semaine est plus légère, pour que le corps assimile le "
	    "travail des trois premières.</p><p>Les semaines suivantes "
	    "ajoutent une séance de côtes, courte et intense.</p>"
	    "</article></body></html>");
	a = ap_doc_article(d);
	assert_int_equal(body_count(a, "Échauffement"), 2);
	ap_doc_free(d);
}

/* An agency tag just below the article's container still signs it,
 * wherever the body's run stopped. */
static void
agency_after_container(void **state)
{
	struct ap_doc *d = parse("<html lang=\"fr\"><body>\n"
	    "<nav><a href=\"/\">Accueil</a> <a href=\"/be\">Belgique</a>"
	    "</nav>\n<h1>Le nouveau bourgmestre a prêté serment</h1>\n"
	    "<article>\n<p>Stéphane Moreau a prêté serment lundi soir devant "
	    "le gouverneur de la province, au terme d'une séance du conseil "
	    "communal suivie par de nombreux habitants.</p>\n<p>Le nouveau "
	    "bourgmestre a promis de poursuivre les projets de son "
	    "prédécesseur, dont la rénovation des écoles.</p>\n<p>Il devra "
	    "composer avec une majorité réduite, après le départ de deux "
	    "conseillers passés dans l'opposition.</p>\n</article>\n"
	    "<p>(Belga)</p>\n<footer><p>© 2012 Le Journal. Tous droits "
	    "réservés.</p></footer>\n</body></html>");
	const struct ap_article *a = ap_doc_article(d);

	(void)state;
	assert_int_equal(a->nauthors, 1);
	assert_string_equal(a->authors[0].name, "Belga");
	ap_doc_free(d);
}

/* A page's chapô is the lead: the body's first paragraph, set before a
 * photo caption, is no second chapô and stays in the body. */
static void
one_chapo(void **state)
{
	struct ap_doc *d = parse("<html><body><article><header><h1>Le "
	    "budget adopté</h1><p class=\"chapo\">La majorité a fait passer "
	    "son budget sans l’appui des élus de l’opposition, jeudi soir.</p>"
	    "<div class=\"meta\">Par Anne Rivière • <time>11/08/2023 17:19"
	    "</time></div></header><div class=\"content\">"
	    "<p>Premier paragraphe du corps, qui ouvre le compte rendu de "
	    "la séance et précède une photo de la salle du conseil.</p>"
	    "<figure><img src=a.jpg><figcaption>La salle du conseil "
	    "municipal.</figcaption></figure>" PARA PARA2 "</div></article>"
	    "</body></html>");
	const struct ap_article *a = ap_doc_article(d);

	(void)state;
	assert_non_null(a->standfirst);
	assert_string_equal(a->standfirst, "La majorité a fait passer son "
	    "budget sans l’appui des élus de l’opposition, jeudi soir.");
	assert_true(a->nbody >= 3);
	assert_string_equal(a->body[0].text, "Premier paragraphe du corps, "
	    "qui ouvre le compte rendu de la séance et précède une photo de "
	    "la salle du conseil.");
	ap_doc_free(d);
}

/* A post whose sentences end on ":" and "!" is no prose by shape, but
 * the content score is sure of it: the site's footer does not replace it. */
static void
sure_text_is_body(void **state)
{
	struct ap_doc *d = parse("<html><body><div class=\"post\"><h1>Gefällt "
	    "mir</h1><div class=\"entry\"><p>Manchmal überrascht einen der "
	    "Alltag ja mit kleinen Freuden. Neulich spazierte ich durch "
	    "Eimsbüttel, da baumelte vom Balkon im vierten Stock eine lange "
	    "Schnur mit einem Körbchen herunter:</p><p>Gut investierte zwanzig "
	    "Cent, wenn auch das Bild kein Meisterwerk war!</p></div></div>"
	    "<div class=\"sidebar\"><h3>Blogroll</h3><ul><li><a href=/a>Ein "
	    "Blog</a></li><li><a href=/b>Noch ein Blog</a></li></ul></div>"
	    "<footer class=\"footer\"><p>Die textuellen Inhalte dieses Blogs "
	    "stehen unter einer Creative-Commons-Lizenz, die eine Weitergabe "
	    "unter gleichen Bedingungen erlaubt.</p><p>Alle anderen Inhalte "
	    "sind ausdrücklich gekennzeichnet oder vollständig "
	    "urheberrechtlich geschützt, und ihre Nutzung bedarf einer "
	    "Genehmigung.</p></footer></body></html>");
	const struct ap_article *a = ap_doc_article(d);

	(void)state;
	assert_int_equal(a->nbody, 2);
	assert_non_null(strstr(a->body[1].text, "Meisterwerk"));
	ap_doc_free(d);
}

static void
layout_tables(void **state)
{
	/* One cell holding the article; a grid of links. */
	struct ap_doc *d = parse("<html><body><table><tr><td><a href=/a>A"
	    "</a></td><td><a href=/b>B</a></td></tr><tr><td><a href=/c>C</a>"
	    "</td><td><a href=/d>D</a></td></tr></table><table><tr><td>"
	    "<h1>Le budget adopté</h1>" PARA PARA PARA "</td></tr></table>"
	    "</body></html>");

	(void)state;
	assert_null(first_of(ap_doc_article(d), AP_BODY_TABLE));
	assert_non_null(first_of(ap_doc_article(d), AP_BODY_PARAGRAPH));
	ap_doc_free(d);
}

static void
nested_lists(void **state)
{
	struct ap_doc *d = parse("<html><body><article><h1>Les consignes "
	    "du jour</h1>" PARA "<ul><li>boire de l’eau régulièrement, sans "
	    "attendre la soif</li><li>en cas de malaise :<ol><li>mettre la "
	    "personne à l’ombre</li><li>appeler le quinze</li></ol></li></ul>"
	    PARA "<ul><li>une autre liste, après le paragraphe</li></ul>"
	    PARA "</article></body></html>");
	const struct ap_article *a = ap_doc_article(d);
	const struct ap_body *b[8];
	size_t i, n = 0;

	(void)state;
	for (i = 0; i < a->nbody && n < 8; i++)
		if (a->body[i].type == AP_BODY_LISTITEM)
			b[n++] = &a->body[i];
	assert_int_equal(n, 5);
	assert_int_equal(b[0]->list, 1);
	assert_int_equal(b[0]->depth, 1);
	assert_false(b[0]->ordered);
	assert_int_equal(b[2]->list, 1);
	assert_int_equal(b[2]->depth, 2);
	assert_true(b[2]->ordered);
	assert_int_equal(b[4]->list, 2);
	assert_int_equal(b[4]->depth, 1);
	ap_doc_free(d);
}

static void
figures_and_credits(void **state)
{
	struct ap_doc *d = parse("<html><head><link rel=canonical "
	    "href=\"https://x.example/a/b.html\"></head><body><article>"
	    "<h1>Le pont rouvre</h1><p class=byline>Par Hélène Roux</p>"
	    "<div class=texte><img src=\"/static/Logo-Site.png\">"
	    "<img src=\"https://cdn.example/authors/small/helene.jpg\">"
	    PARA PARA2 "<figure><img src=\"data:image/gif;"
	    "base64,R0lG\" data-src=\"img/p.jpg\" alt=\"Le pont\"><figcaption>"
	    "Le pont. <span class=credit>Photo : Jean Martin / AFP</span>"
	    "</figcaption></figure>" PARA "</div></article></body></html>");
	const struct ap_article *a = ap_doc_article(d);
	size_t i;

	(void)state;
	/* The logo and the author's portrait are page furniture. */
	assert_int_equal(a->nfigures, 1);
	assert_string_equal(a->figures[0].src, "https://x.example/a/img/p.jpg");
	assert_string_equal(a->figures[0].alt, "Le pont");
	assert_string_equal(a->figures[0].caption, "Le pont.");
	assert_string_equal(a->figures[0].credit, "Jean Martin / AFP");
	/* After the paragraph before it (the first is the standfirst). */
	assert_true(a->figures[0].after < a->nbody);
	assert_ptr_equal(strstr(a->body[a->figures[0].after].text,
	    "Les travaux"), a->body[a->figures[0].after].text);
	/* The credit is no author, the caption no body text. */
	for (i = 0; i < a->nauthors; i++)
		assert_null(strstr(a->authors[i].name, "Martin"));
	for (i = 0; i < a->nbody; i++)
		assert_null(strstr(a->body[i].text, "Le pont."));
	ap_doc_free(d);
}

/* The text of span sp of b, in code points. */
static char *
span_text(const struct ap_body *b, const struct ap_span *sp)
{
	const unsigned char *s = (const unsigned char *)b->text;
	size_t cp = 0, i, from = 0, to = 0;

	for (i = 0;; i++) {
		if (s[i] == '\0' || (s[i] & 0xC0) != 0x80) {
			if (cp == sp->start)
				from = i;
			if (cp == sp->end) {
				to = i;
				break;
			}
			if (s[i] == '\0')
				fail_msg("span past the text");
			cp++;
		}
	}
	return strndup(b->text + from, to - from);
}

static void
spans_in_code_points(void **state)
{
	struct ap_doc *d = parse("<html><head><base href=\"https://x.example"
	    "/p/\"></head><body><article><h1>Élections à Saint-Étienne</h1>"
	    "<p>Élue dès le premier tour, la liste « Ensemble » obtient <a "
	    "href=\"r.html\">52,3 % des voix</a>, et promet <em>une révision "
	    "<a href=\"/u/plu\">du plan d’urbanisme</a> avant l’été</em>, puis "
	    "<b>la gratuité</b> des transports pour les moins de vingt ans.</p>"
	    "</article></body></html>");
	const struct ap_body *b = first_of(ap_doc_article(d),
	    AP_BODY_PARAGRAPH);
	char *t;
	size_t i, links = 0;

	(void)state;
	assert_non_null(b);
	assert_int_equal(b->nspans, 4);
	for (i = 0; i < b->nspans; i++) {
		t = span_text(b, &b->spans[i]);
		switch (b->spans[i].kind) {
		case AP_SPAN_LINK:
			assert_string_equal(t, links++ == 0 ?
			    "52,3 % des voix" : "du plan d’urbanisme");
			assert_string_equal(b->spans[i].url, links == 1 ?
			    "https://x.example/p/r.html" :
			    "https://x.example/u/plu");
			break;
		case AP_SPAN_EM:
			assert_string_equal(t, "une révision du plan d’urbanisme "
			    "avant l’été");
			assert_null(b->spans[i].url);
			break;
		case AP_SPAN_STRONG:
			assert_string_equal(t, "la gratuité");
			break;
		}
		free(t);
	}
	/* "Élue dès … « Ensemble » obtient " is 56 code points, 60 bytes
	 * (É, è, « and » take two bytes each). */
	assert_int_equal(b->spans[0].start, 56);
	ap_doc_free(d);
}

struct mem {
	char	*p;
	size_t	 len;
};

static int
mem_write(void *arg, const char *p, size_t n)
{
	struct mem *m = arg;
	char *q = realloc(m->p, m->len + n + 1);

	if (q == NULL)
		return -1;
	memcpy(q + m->len, p, n);
	m->p = q;
	m->len += n;
	m->p[m->len] = '\0';
	return 0;
}

/* The output of writer "fmt" for d, to be freed. */
static char *
render(const struct ap_doc *d, const char *fmt, size_t width, bool spans)
{
	struct ap_wopts wo = { .width = width, .links = spans,
	    .formatting = spans };
	struct mem m = { NULL, 0 };
	struct ap_sink sink = { mem_write, &m };

	assert_int_equal(ap_render(d, ap_writer_find(fmt), &wo, &sink),
	    AP_OK);
	assert_non_null(m.p);
	return m.p;
}

#define WIDE_TABLE "<html><body><article><h1>Le budget adopté</h1>" PARA \
	"<table><tr><th>Ville</th><th>Montant</th></tr><tr><td>東京</td>" \
	"<td>12 M€</td></tr><tr><td>Lyon | Rhône</td><td>8 M€<br>net</td>" \
	"</tr></table>" PARA "</article></body></html>"

static void
text_table_by_display_width(void **state)
{
	struct ap_doc *d = parse(WIDE_TABLE);
	char *t;

	(void)state;
	/* 東京 takes four columns, as "Ville" would take five. */
	t = render(d, "text", 72, false);
	assert_non_null(strstr(t, "\nVille         Montant\n"
	    "----------------------\n"
	    "東京          12 M€\n"
	    "Lyon | Rhône  8 M€ net\n"));
	free(t);
	/* Narrower than the table: a paragraph of cells per row. */
	t = render(d, "text", 16, false);
	assert_non_null(strstr(t, "\nVille — Montant\n東京 — 12 M€\n"
	    "Lyon | Rhône — 8\n  M€ net\n"));
	free(t);
	ap_doc_free(d);
}

static void
markdown_table_escapes_cells(void **state)
{
	struct ap_doc *d = parse(WIDE_TABLE);
	char *t;

	(void)state;
	t = render(d, "markdown", 0, false);
	assert_non_null(strstr(t, "\n| Ville | Montant |\n| --- | --- |\n"
	    "| 東京 | 12 M€ |\n| Lyon \\| Rhône | 8 M€ net |\n"));
	free(t);
	ap_doc_free(d);
}

static void
markdown_spans_nest(void **state)
{
	struct ap_doc *d = parse("<html><head><base href=\"https://x.example"
	    "/p/\"></head><body><article><h1>Élections à Saint-Étienne</h1>"
	    "<p>Élue dès le premier tour, la liste obtient <a href=\"r.html\">"
	    "52,3 % des voix</a>, et promet <em>une révision <a href=\"/u/plu"
	    "\">du plan</a> avant l’été</em>, puis <b>la gratuité [totale]</b> "
	    "des transports pour les moins de vingt ans, dès la rentrée.</p>"
	    "</article></body></html>");
	char *t;

	(void)state;
	t = render(d, "markdown", 0, true);
	assert_non_null(strstr(t, "obtient [52,3 % des voix]"
	    "(https://x.example/p/r.html), et promet *une révision [du plan]"
	    "(https://x.example/u/plu) avant l’été*, puis **la gratuité "
	    "\\[totale\\]** des"));
	free(t);
	/* Without the options, no marker. */
	t = render(d, "markdown", 0, false);
	assert_null(strstr(t, "]("));
	assert_null(strstr(t, "*une"));
	free(t);
	/* Text output ignores them. */
	t = render(d, "text", 0, true);
	assert_null(strstr(t, "]("));
	assert_null(strstr(t, "*une"));
	free(t);
	ap_doc_free(d);
}

static void
markdown_lists_nest(void **state)
{
	struct ap_doc *d = parse("<html><body><article><h1>Les consignes "
	    "du jour</h1>" PARA "<ol><li>boire de l’eau régulièrement, sans "
	    "attendre la soif</li><li>en cas de malaise :<ul><li>mettre la "
	    "personne à l’ombre</li><li>appeler le quinze</li></ul></li></ol>"
	    "<ol><li>une autre liste, juste après</li></ol>"
	    PARA "</article></body></html>");
	char *t;

	(void)state;
	t = render(d, "markdown", 0, false);
	assert_non_null(strstr(t, "\n1. boire de l’eau régulièrement, sans "
	    "attendre la soif\n2. en cas de malaise :\n   - mettre la "
	    "personne à l’ombre\n   - appeler le quinze\n\n1) une autre "
	    "liste, juste après\n"));
	free(t);
	t = render(d, "text", 0, false);
	assert_non_null(strstr(t, "\n1. boire de l’eau régulièrement, sans "
	    "attendre la soif\n2. en cas de malaise :\n   - mettre la "
	    "personne à l’ombre\n   - appeler le quinze\n\n1. une autre "
	    "liste, juste après\n"));
	free(t);
	ap_doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(credit_after_caption),
		cmocka_unit_test(body_widens_in_container),
		cmocka_unit_test(credit_alone_or_none),
		cmocka_unit_test(credit_marked_apart),
		cmocka_unit_test(list_numbers),
		cmocka_unit_test(data_table),
		cmocka_unit_test(layout_tables),
		cmocka_unit_test(nested_lists),
		cmocka_unit_test(figures_and_credits),
		cmocka_unit_test(spans_in_code_points),
		cmocka_unit_test(text_table_by_display_width),
		cmocka_unit_test(markdown_table_escapes_cells),
		cmocka_unit_test(markdown_spans_nest),
		cmocka_unit_test(markdown_lists_nest),
		cmocka_unit_test(one_chapo),
		cmocka_unit_test(agency_after_container),
		cmocka_unit_test(author_box_dropped),
		cmocka_unit_test(closing_date_line),
		cmocka_unit_test(cues_of_the_text_language),
		cmocka_unit_test(german_figure_caption),
		cmocka_unit_test(react_segments_read_in_place),
		cmocka_unit_test(accordion_panel_read),
		cmocka_unit_test(article_printed_twice),
		cmocka_unit_test(sure_text_is_body),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
