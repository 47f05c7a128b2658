/* SPDX-License-Identifier: ISC */
/*
 * The article builder: from classified blocks to headline, authors with
 * their roles, publication date, body and related titles.  Each test runs
 * ap_features, ap_classify and ap_article_build on a short sequence.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"

#define HEAD "Valmont inaugure sa deuxième ligne de tramway avec six mois " \
	"de retard"
#define P1 "Les premières rames de la ligne B du tramway de Valmont ont " \
	"quitté le dépôt de la Croix-Verte samedi matin, sous les " \
	"applaudissements de quelques centaines d’habitants."
#define P2 "Le chantier, d’un montant de 27 millions d’euros, a permis de " \
	"mettre aux normes les bâtiments du XVIIe siècle et de créer un " \
	"auditorium."
#define P3 "L’entrée sera gratuite pendant tout le week-end d’ouverture, " \
	"puis pour les moins de 26 ans, a précisé la municipalité."

/* Author i's name, or "" past the last one. */
static const char *
author(const struct ap_article *a, size_t i)
{
	return i < a->nauthors ? a->authors[i].name : "";
}

static const char *
role(const struct ap_article *a, size_t i)
{
	return i < a->nauthors && a->authors[i].role != NULL ?
	    a->authors[i].role : "";
}

static void
headline_and_body(void **state)
{
	static const char *const lines[] = {
		HEAD, "Par Élodie Marchetti", P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_non_null(a->headline);
	assert_string_equal(a->headline, HEAD);
	assert_int_equal(a->nbody, 3);
	assert_int_equal(a->body[0].type, AP_BODY_PARAGRAPH);
	assert_string_equal(a->body[0].text, P1);
	assert_string_equal(a->body[2].text, P3);
}

static void
name_under_author_label(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2, P3, "Partager", "À propos de l'auteur",
		"Anne RoyAnne Roy", "Anne Roy", "Website", "L'auteur",
		"[logo]", "EN DIRECT", NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	/* The name alone under an author box's label is the author; the
	 * image's text doubled before it is not, nor a label in capitals. */
	assert_int_equal(a->nauthors, 1);
	assert_string_equal(author(a, 0), "Anne Roy");
}

static void
date_line_above_body(void **state)
{
	static const char *const lines[] = {
		"Accueil", "Vidéos", "Le 28 juin 2019", "Extrait",
		"Je m'abonne Je m'identifie", P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	/* No headline, no date line by one: the date line nearest above
	 * the body dates it. */
	assert_non_null(a->date);
	assert_string_equal(a->date, "2019-06-28");
}

static void
role_credit_closing_body(void **state)
{
	static const char *const lines[] = {
		HEAD, "Par Élodie Marchetti", P1, P2, P3,
		"Journaliste • Vincent Reynier", "Partager cet article", NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	/* A role, a bullet and a name closing the body credit a second
	 * author. */
	assert_int_equal(a->nauthors, 2);
	assert_string_equal(author(a, 0), "Élodie Marchetti");
	assert_string_equal(author(a, 1), "Vincent Reynier");
	assert_int_equal(a->nbody, 3);
}

static void
byline_capitals_name_then_role(void **state)
{
	/* Names in capitals, the second run into its role. */
	static const char *const lines[] = {
		HEAD, "Par LILIAN ALEMAGNA, LAURE BRETTON envoyés spéciaux",
		P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_int_equal(a->nauthors, 2);
	assert_string_equal(author(a, 0), "LILIAN ALEMAGNA");
	assert_string_equal(author(a, 1), "LAURE BRETTON");
	assert_non_null(a->authors[1].role);
	assert_string_equal(a->authors[1].role, "envoyés spéciaux");
}

static void
byline_site_name_with_domain(void **state)
{
	/* A desk credited by its site's name, domain and all. */
	static const char *const lines[] = {
		HEAD, "Le Monde.fr avec AFP", P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_int_equal(a->nauthors, 2);
	assert_string_equal(author(a, 0), "Le Monde.fr");
	assert_string_equal(author(a, 1), "AFP");
}

static void
byline_agency_beside_meta_author(void **state)
{
	/* The metadata names the desk; the visible byline adds the agency
	 * beside it.  Another byline (a teaser's) adds nothing. */
	static const char *const lines[] = {
		HEAD, "Par LIBERATION, AFP — 31 août 2017 à 13:03", P1, P2, P3,
		NULL
	};
	static const char *meta[] = { "LIBERATION", NULL };
	struct ap_doc *d = *state;
	const struct ap_article *a;

	d->meta.authors = meta;
	a = t_article(d, lines);
	assert_int_equal(a->nauthors, 2);
	assert_string_equal(author(a, 0), "LIBERATION");
	assert_string_equal(author(a, 1), "AFP");
}

static void
byline_over_site_as_meta_author(void **state)
{
	/* Metadata that credits the site itself gives way to the byline;
	 * the site stays where the byline names it alone. */
	static const char *const lines[] = {
		HEAD, "La Gazette.fr avec AFP | 05.07.2011 à 22h09", P1, P2, P3,
		NULL
	};
	static const char *const lines2[] = {
		HEAD, "Par GAZETTE, AFP — 31 août 2017 à 13:03", P1, P2, P3,
		NULL
	};
	static const char *meta[] = { "La Gazette", NULL };
	static const char *meta2[] = { "GAZETTE", NULL };
	struct ap_doc *d = *state;
	const struct ap_article *a;

	d->meta.authors = meta;
	d->meta.authors_site = true;
	a = t_article(d, lines);
	assert_int_equal(a->nauthors, 2);
	assert_string_equal(author(a, 0), "La Gazette.fr");
	assert_string_equal(author(a, 1), "AFP");

	t_doc_free(d);
	*state = d = t_doc_new();
	d->meta.authors = meta2;
	d->meta.authors_site = true;
	a = t_article(d, lines2);
	assert_int_equal(a->nauthors, 2);
	assert_string_equal(author(a, 0), "GAZETTE");
	assert_string_equal(author(a, 1), "AFP");
}

static void
byline_credit_box_beside_meta_author(void **state)
{
	/* A credit box closing the article names one more author than the
	 * metadata, with a role first. */
	static const char *const lines[] = {
		HEAD, P1, P2, P3, "Journaliste • Vincent Reynaud", NULL
	};
	static const char *meta[] = { "Marc Leroy", NULL };
	struct ap_doc *d = *state;
	const struct ap_article *a;

	d->meta.authors = meta;
	a = t_article(d, lines);
	assert_int_equal(a->nauthors, 2);
	assert_string_equal(author(a, 0), "Marc Leroy");
	assert_string_equal(author(a, 1), "Vincent Reynaud");
}

static void
byline_agency_needs_meta_author(void **state)
{
	static const char *const lines[] = {
		HEAD, "Par Jeanne Dupont et AFP", P1, P2, P3, NULL
	};
	static const char *meta[] = { "Marc Leroy", NULL };
	struct ap_doc *d = *state;
	const struct ap_article *a;

	d->meta.authors = meta;
	a = t_article(d, lines);
	assert_int_equal(a->nauthors, 1);
	assert_string_equal(author(a, 0), "Marc Leroy");
}

static void
byline_par_stripped(void **state)
{
	static const char *const lines[] = {
		HEAD, "Par Élodie Marchetti", P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_int_equal(a->nauthors, 1);
	assert_string_equal(author(a, 0), "Élodie Marchetti");
	assert_null(a->authors[0].role);
}

static void
byline_interview_stripped(void **state)
{
	static const char *const lines[] = {
		HEAD, "Propos recueillis par Louise Perrin", P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_int_equal(a->nauthors, 1);
	assert_string_equal(author(a, 0), "Louise Perrin");
}

static void
byline_two_authors(void **state)
{
	static const char *const lines[] = {
		HEAD, "Par Jeanne Dupont et Marc Lévesque", P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_int_equal(a->nauthors, 2);
	assert_string_equal(author(a, 0), "Jeanne Dupont");
	assert_string_equal(author(a, 1), "Marc Lévesque");
}

static void
byline_site_with_agency(void **state)
{
	static const char *const lines[] = {
		HEAD, "Le Monde avec AFP", "Publié le 14 mai 2024 à 06h00",
		P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_string_equal(a->headline, HEAD);
	assert_int_equal(a->nauthors, 2);
	assert_string_equal(author(a, 0), "Le Monde");
	assert_string_equal(author(a, 1), "AFP");
}

static void
byline_avec_in_parentheses(void **state)
{
	static const char *const lines[] = {
		HEAD, "Par Jeanne Dupont (avec Marc Lévesque et Paul Martin)",
		P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	/* parse_byline's own example: "Par A (avec B et C)". */
	assert_int_equal(a->nauthors, 3);
	assert_string_equal(author(a, 0), "Jeanne Dupont");
	assert_string_equal(role(a, 0), "");
	assert_string_equal(author(a, 1), "Marc Lévesque");
	assert_string_equal(author(a, 2), "Paul Martin");
}

static void
byline_dash_date(void **state)
{
	static const char *const lines[] = {
		HEAD, "Par Camille Renaud – 2 février 2024", P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	/* A dash between spaces ends the name. */
	assert_int_equal(a->nauthors, 1);
	assert_string_equal(author(a, 0), "Camille Renaud");
	assert_string_equal(a->date, "2024-02-02");
}

static void
byline_name_then_date(void **state)
{
	static const char *const lines[] = {
		HEAD, "Par Nicolas Guérin C. le 14.09.2020 à 11h46", P1, P2, P3,
		NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	/* The name ends where "le" and the date begin; an initial with
	 * its full stop is the name's. */
	assert_int_equal(a->nauthors, 1);
	assert_string_equal(author(a, 0), "Nicolas Guérin C.");
	assert_string_equal(a->date, "2020-09-14T11:46");
}

static void
byline_initials_over_copyright(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2, P3, "J. La.", "© La Gazette du Val 2011", NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	/* Initials sign too, and keep their last full stop. */
	assert_int_equal(a->nauthors, 1);
	assert_string_equal(author(a, 0), "J. La.");
}

static void
byline_labelled_name_over_copyright(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2, P3, "Interview >" NBSP "Patrick Laurin",
		"© La Gazette du Val 2012", NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	/* The genre before the ">" is no author. */
	assert_int_equal(a->nauthors, 1);
	assert_string_equal(author(a, 0), "Patrick Laurin");
}

static void
byline_site_date_then_par(void **state)
{
	static const char *const lines[] = {
		HEAD, "Le Monde | 04.05.2015 à 13h36 | Par Martin Untersinger "
		    "(avec Damien Leloup)", P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	/* The site named before the "Par" segment is not an author. */
	assert_int_equal(a->nauthors, 2);
	assert_string_equal(author(a, 0), "Martin Untersinger");
	assert_string_equal(author(a, 1), "Damien Leloup");
	assert_string_equal(a->date, "2015-05-04T13:36");
}

static void
byline_place_is_no_author(void **state)
{
	static const char *const lines[] = {
		HEAD, "Par Cécile Ducourtieux (Bruxelles, correspondante)",
		P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_int_equal(a->nauthors, 1);
	assert_string_equal(author(a, 0), "Cécile Ducourtieux");
}

static void
byline_comma_avec_agency(void **state)
{
	static const char *const lines[] = {
		HEAD, "Par Jeanne Dupont, avec AFP", P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_int_equal(a->nauthors, 2);
	assert_string_equal(author(a, 0), "Jeanne Dupont");
	assert_string_equal(role(a, 0), "");
	assert_string_equal(author(a, 1), "AFP");
}

static void
byline_agency_alone(void **state)
{
	static const char *const lines[] = {
		HEAD, "La Presse Canadienne", P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_int_equal(a->nauthors, 1);
	assert_string_equal(author(a, 0), "La Presse Canadienne");
}

static void
byline_role_after_comma(void **state)
{
	static const char *const lines[] = {
		HEAD, "Par Jeanne Dupont, journaliste", P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_int_equal(a->nauthors, 1);
	assert_string_equal(author(a, 0), "Jeanne Dupont");
	assert_string_equal(role(a, 0), "journaliste");
}

static void
author_box_deduplicated(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2, P3, "Catherine Morin", "Catherine Morin", NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_int_equal(a->nauthors, 1);
	assert_string_equal(author(a, 0), "Catherine Morin");
}

static void
author_dedup_ignores_case(void **state)
{
	static const char *const lines[] = {
		HEAD, "Par Catherine Morin", P1, P2, P3, "CATHERINE MORIN", NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_int_equal(a->nauthors, 1);
	assert_string_equal(author(a, 0), "Catherine Morin");
}

static void
author_role_line_attached(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2, P3, "Catherine Morin", "Catherine Morin",
		"Éditrice - Direction Informatique", NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_int_equal(a->nauthors, 1);
	assert_string_equal(author(a, 0), "Catherine Morin");
	assert_string_equal(role(a, 0), "Éditrice - Direction Informatique");
}

static void
date_from_published_line(void **state)
{
	static const char *const lines[] = {
		HEAD, "Par Élodie Marchetti", "Publié le 3 mars 2024 à 14 h 30",
		P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_non_null(a->date);
	assert_string_equal(a->date, "2024-03-03T14:30");
}

static void
date_not_the_updated_one(void **state)
{
	static const char *const lines[] = {
		HEAD, "Par Élodie Marchetti", "Publié le 3 mars 2024 à 14 h 30",
		"Mis à jour le 4 mars 2024 à 9 h 15", P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_non_null(a->date);
	assert_string_equal(a->date, "2024-03-03T14:30");
}

static void
date_update_by_headline_before_teaser_dates(void **state)
{
	/* Only the update's date by the headline; a teaser's date line
	 * after the body is not the article's. */
	static const char *const lines[] = {
		HEAD, "Mis à jour le 8 août 2023", P1, P2, P3,
		"5 mars 2026", NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_non_null(a->date);
	assert_string_equal(a->date, "2023-08-08");
}

static void
date_skips_updated_line_first(void **state)
{
	static const char *const lines[] = {
		HEAD, "Par Élodie Marchetti",
		"Mis à jour le 4 mars 2024 à 9 h 15",
		"Publié le 3 mars 2024 à 14 h 30", P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_non_null(a->date);
	assert_string_equal(a->date, "2024-03-03T14:30");
}

static void
date_published_and_modified_on_one_line(void **state)
{
	static const char *const lines[] = {
		HEAD, "Par Élodie Marchetti",
		"Publié le 14 mai 2024 à 06h00, modifié le 14 mai 2024 à 10h12",
		P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_non_null(a->date);
	assert_string_equal(a->date, "2024-05-14T06:00");
}

static void
date_published_after_updated_on_one_line(void **state)
{
	static const char *const lines[] = {
		HEAD, "Par Élodie Marchetti",
		"Mis à jour le 4 mars 2024 à 9 h 15, publié le 3 mars 2024 "
		    "à 14 h 30",
		P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_non_null(a->date);
	assert_string_equal(a->date, "2024-03-03T14:30");
}

static void
date_none_when_absent(void **state)
{
	static const char *const lines[] = {
		HEAD, "Par Élodie Marchetti", P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_null(a->date);
}

static void
related_insert_after_arrows(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2,
		">> A lire aussi : Les Bleus dans deux ans (ou deux mois) ?",
		P3,
		NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	/* The arrows a text browser drew, then the label, are no title. */
	assert_int_equal(a->nrelated, 1);
	assert_string_equal(a->related[0].title,
	    "Les Bleus dans deux ans (ou deux mois) ?");
	assert_int_equal(a->nbody, 3);
}

static void
related_title_with_summary(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2, P3,
		"Articles connexes",
		"Les entreprises québécoises lentes à adopter l’intelligence "
		    "artificielle",
		"Un sondage mené auprès de 800 PME révèle que moins d’une sur "
		    "cinq...",
		"Cybersécurité : les municipalités mal préparées",
		"Plusieurs villes de taille moyenne n’ont toujours pas de "
		    "plan de...",
		NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_int_equal(a->nrelated, 2);
	assert_string_equal(a->related[0].title, "Les entreprises québécoises "
	    "lentes à adopter l’intelligence artificielle");
	assert_non_null(a->related[0].summary);
	assert_string_equal(a->related[0].summary, "Un sondage mené auprès de "
	    "800 PME révèle que moins d’une sur cinq...");
	assert_string_equal(a->related[1].title,
	    "Cybersécurité : les municipalités mal préparées");
	assert_non_null(a->related[1].summary);
}

static void
related_titles_without_summary(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2, P3,
		"Sur le même sujet",
		"Patrimoine : les petites villes misent sur leurs musées",
		"Émile Darras, le peintre oublié des bords de Loire",
		NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_int_equal(a->nrelated, 2);
	assert_null(a->related[0].summary);
	assert_null(a->related[1].summary);
	assert_string_equal(a->related[1].title,
	    "Émile Darras, le peintre oublié des bords de Loire");
}

static void
related_insert_led_by_verb(void **state)
{
	static const char *const lines[] = {
		HEAD, P1,
		"Lire l'entretien : Léa Marchand : « Le tramway a changé le "
		    "quartier »",
		P2,
		"Voir nos explications : pourquoi la ligne a pris du retard",
		P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	/* The title after the lead; a lower-case clause is no title. */
	assert_int_equal(a->nrelated, 1);
	assert_string_equal(a->related[0].title,
	    "Léa Marchand : « Le tramway a changé le quartier »");
	assert_string_equal(a->body[1].text, P2);
}

static void
related_inline_title_stripped(void **state)
{
	static const char *const lines[] = {
		HEAD, P1,
		"Lire aussi : Les petits aéroports régionaux face à la fin des "
		    "subventions",
		P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_int_equal(a->nrelated, 1);
	assert_string_equal(a->related[0].title,
	    "Les petits aéroports régionaux face à la fin des subventions");
	assert_null(a->related[0].summary);
	/* The insert is not part of the body, which goes on after it. */
	assert_int_equal(a->nbody, 3);
	assert_string_equal(a->body[1].text, P2);
}

static void
related_inline_title_with_nbsp(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, "À lire aussi" NBSP ": Le plan neige activé dans le "
		    "département", P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_int_equal(a->nrelated, 1);
	assert_string_equal(a->related[0].title,
	    "Le plan neige activé dans le département");
}

/* Controls in a related box are no titles: fewer than four words. */
static void
related_controls_left_out(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2, P3, "Articles connexes",
		"Les entreprises québécoises lentes à adopter l’intelligence "
		    "artificielle",
		"Plus",
		"Sur le web",
		"[PHO5a02e98]Chine : les salaires du privé en hausse de 10 %",
		"Haut de la page",
		NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_int_equal(a->nrelated, 2);
	/* A text browser's image placeholder is no part of the title. */
	assert_string_equal(a->related[1].title,
	    "Chine : les salaires du privé en hausse de 10 %");
	assert_string_equal(a->related[0].title, "Les entreprises "
	    "québécoises lentes à adopter l’intelligence artificielle");
}

static void
standfirst_before_byline(void **state)
{
	static const char *const lines[] = {
		HEAD,
		"Installée depuis vingt ans sur le plateau de Vernois, Sylvie "
		    "Moreau a perdu près de la moitié de ses colonies.",
		"Propos recueillis par Louise Perrin", P1, P2, P3, NULL
	};
	const struct ap_article *a = t_article(*state, lines);

	assert_non_null(a->standfirst);
	assert_string_equal(a->standfirst, "Installée depuis vingt ans sur le "
	    "plateau de Vernois, Sylvie Moreau a perdu près de la moitié de "
	    "ses colonies.");
	assert_int_equal(a->nbody, 3);
}

static void
dropped_kind_after_body(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2, P3, "Partager sur Facebook", NULL
	};
	struct ap_doc *d = *state;
	const struct ap_article *a;

	a = t_article(d, lines);
	assert_int_equal(a->ndropped, 1);
	assert_string_equal(a->dropped[0].kind, "share");
	assert_string_equal(a->dropped[0].text, "Partager sur Facebook");
}

static void
dropped_kind_before_body(void **state)
{
	static const char *const lines[] = {
		HEAD, "Partager sur Facebook", "34 commentaires", P1, P2, P3,
		NULL
	};
	struct ap_doc *d = *state;
	const struct ap_article *a;

	/* The boilerplate rule's kind, as after the body, not "page". */
	a = t_article(d, lines);
	assert_int_equal(a->ndropped, 2);
	assert_string_equal(a->dropped[0].kind, "share");
	assert_string_equal(a->dropped[1].kind, "comments");
}

static void
meta_wins_over_text(void **state)
{
	static const char *const lines[] = {
		HEAD, "Par Élodie Marchetti", "Publié le 3 mars 2024 à 14 h 30",
		P1, P2, P3, NULL
	};
	static const char *metauthors[] = { "Élodie Marchetti", NULL };
	struct ap_doc *d = *state;
	const struct ap_article *a;

	d->meta.headline = "Le tramway de Valmont";
	d->meta.date = "2024-03-03T14:30:00+01:00";
	d->meta.authors = metauthors;
	a = t_article(d, lines);
	assert_string_equal(a->headline, "Le tramway de Valmont");
	assert_string_equal(a->date, "2024-03-03T14:30:00+01:00");
	assert_int_equal(a->nauthors, 1);
	assert_string_equal(author(a, 0), "Élodie Marchetti");
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		T_TEST(headline_and_body),
		T_TEST(byline_par_stripped),
		T_TEST(role_credit_closing_body),
		T_TEST(date_line_above_body),
		T_TEST(name_under_author_label),
		T_TEST(byline_capitals_name_then_role),
		T_TEST(byline_site_name_with_domain),
		T_TEST(byline_agency_beside_meta_author),
		T_TEST(byline_over_site_as_meta_author),
		T_TEST(byline_credit_box_beside_meta_author),
		T_TEST(byline_agency_needs_meta_author),
		T_TEST(byline_interview_stripped),
		T_TEST(byline_two_authors),
		T_TEST(byline_site_with_agency),
		T_TEST(byline_avec_in_parentheses),
		T_TEST(byline_comma_avec_agency),
		T_TEST(byline_dash_date),
		T_TEST(byline_name_then_date),
		T_TEST(byline_initials_over_copyright),
		T_TEST(byline_labelled_name_over_copyright),
		T_TEST(byline_site_date_then_par),
		T_TEST(byline_place_is_no_author),
		T_TEST(byline_agency_alone),
		T_TEST(byline_role_after_comma),
		T_TEST(author_box_deduplicated),
		T_TEST(author_dedup_ignores_case),
		T_TEST(author_role_line_attached),
		T_TEST(date_from_published_line),
		T_TEST(date_not_the_updated_one),
		T_TEST(date_skips_updated_line_first),
		T_TEST(date_update_by_headline_before_teaser_dates),
		T_TEST(date_published_and_modified_on_one_line),
		T_TEST(date_published_after_updated_on_one_line),
		T_TEST(date_none_when_absent),
		T_TEST(related_insert_after_arrows),
		T_TEST(related_title_with_summary),
		T_TEST(related_titles_without_summary),
		T_TEST(related_insert_led_by_verb),
		T_TEST(related_inline_title_stripped),
		T_TEST(related_inline_title_with_nbsp),
		T_TEST(related_controls_left_out),
		T_TEST(standfirst_before_byline),
		T_TEST(dropped_kind_after_body),
		T_TEST(dropped_kind_before_body),
		T_TEST(meta_wins_over_text),
	};

	return T_RUN(tests);
}
