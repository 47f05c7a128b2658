/* SPDX-License-Identifier: ISC */
/*
 * The classifier: one group of tests per local rule (classify.h), each
 * block judged alone after ap_features, then short block sequences run
 * through ap_classify to check the labels given in context.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"
#include "classify.h"

/* Boilerplate kind of one block, "" when none, for readable failures. */
static const char *
bp(struct ap_doc *d, const char *text)
{
	const char *k = ap_rule_boilerplate(t_block(d, text));

	return k != NULL ? k : "";
}

#define PROSE "La compagnie régionale Air Atlantis a annoncé mardi la " \
	"suppression de la ligne reliant l’aéroport à Paris-Orly."

/* --- ap_rule_boilerplate ------------------------------------------ */

static void
boilerplate_photo_credit(void **state)
{
	struct ap_doc *d = *state;

	assert_string_equal(bp(d, "Photo : Jean Martin / AFP"), "credit");
	assert_string_equal(bp(d, "Photo" NBSP ": Jean Martin / AFP"),
	    "credit");
	assert_string_equal(bp(d, "© Jean Martin"), "credit");
	/* Photographer / agency / distributor; a byline has two parts. */
	assert_string_equal(bp(d, "Nathan Alliard / Photononstop / AFP"),
	    "credit");
	assert_string_equal(bp(d, "Jeanne Dupont / Reuters"), "");
}

static void
boilerplate_share_prompt(void **state)
{
	struct ap_doc *d = *state;

	assert_string_equal(bp(d, "Partager sur Facebook"), "share");
	assert_string_equal(bp(d, "Partager"), "share");
	/* English buttons on French pages ("by" likewise stays French). */
	assert_string_equal(bp(d, "Share Button"), "share");
	assert_string_equal(bp(d, "Retourner en haut de la page"),
	    "navigation");
	assert_string_equal(bp(d, "Copier le lien"), "share");
	/* A prompt to follow the site, not a sentence that starts alike. */
	assert_string_equal(bp(d, "Suivez-nous sur Instagram"), "share");
	assert_string_equal(bp(d, "Suivez-nous sur le terrain, où la crise "
	    "s'aggrave de jour en jour."), "");
}

static void
boilerplate_doubled_alt_text(void **state)
{
	struct ap_doc *d = *state;

	/* An image's alt text beside its link text, as text browsers dump. */
	assert_string_equal(bp(d, "Elon Musk Elon Musk"), "navigation");
	/* ... also glued to it, as w3m writes them. */
	assert_string_equal(bp(d, "NW TeamNW Team"), "navigation");
	assert_string_equal(bp(d, "Elon Musk, Tesla"), "");
	/* A long paragraph that repeats itself is still text. */
	assert_string_equal(bp(d, PROSE " " PROSE), "");
}

static void
boilerplate_newsletter_prompt(void **state)
{
	struct ap_doc *d = *state;

	assert_string_equal(bp(d, "Inscrivez-vous à notre infolettre"),
	    "newsletter");
	assert_string_equal(bp(d, "Recevez gratuitement notre newsletter "
	    "chaque matin."), "newsletter");
	assert_string_equal(bp(d, "Pour ne rien manquer de l’actualité "
	    "économique"), "newsletter");
	/* A notice over an old article is no part of it. */
	assert_string_equal(bp(d, "Prenez note que cet article publié en "
	    "2017 pourrait contenir des informations qui ne sont plus à "
	    "jour."), "newsletter");
}

static void
boilerplate_comment_counter(void **state)
{
	struct ap_doc *d = *state;

	assert_string_equal(bp(d, "12 commentaires"), "comments");
	assert_string_equal(bp(d, "1 commentaire"), "comments");
}

static void
boilerplate_job_ads(void **state)
{
	struct ap_doc *d = *state;

	assert_string_equal(bp(d, "Emplois en vedette"), "job-ad");
	assert_string_equal(bp(d, "Offres d’emploi"), "job-ad");
}

static void
boilerplate_cookie_line(void **state)
{
	struct ap_doc *d = *state;

	assert_string_equal(bp(d, "En poursuivant votre navigation sur ce "
	    "site, vous acceptez l’utilisation de cookies."), "legal");
	assert_string_equal(bp(d, "Tous droits réservés"), "legal");
	/* An ad network's notice. */
	assert_string_equal(bp(d, "Ces annonces sont générées automatiquement "
	    "au regard du contenu de la page."), "legal");
}

static void
boilerplate_signup_consent(void **state)
{
	struct ap_doc *d = *state;

	/* The consent under a sign-up form, however long, in the page's
	 * language; placeholder text in any. */
	d->meta.lang = "en";
	assert_string_equal(bp(d, "By signing up, you agree to receive "
	    "recurring automated SMS marketing messages from Example Deals "
	    "at the number provided. Msg and data rates may apply. Up to 2 "
	    "messages a day. Reply STOP to opt out, HELP for help. Consent "
	    "is not a condition of purchase. See Terms and Privacy Policy."),
	    "legal");
	assert_string_equal(bp(d, "The following content is brought to you "
	    "by our partners. If you buy a product featured here, we may "
	    "earn an affiliate commission."), "legal");
	assert_string_equal(bp(d, "Disclaimer: news articles on this site "
	    "may contain the opinions of their authors."), "legal");
	assert_string_equal(bp(d, "Never miss a single post. Get our blog "
	    "posts sent to your inbox weekly."), "newsletter");
	assert_string_equal(bp(d, "Lorem ipsum dolor sit amet, consectetur "
	    "adipiscing elit."), "legal");
	/* A sentence that opens alike is text. */
	assert_string_equal(bp(d, "By signature, the mayor agreed to the "
	    "budget on Tuesday."), "");
}

static void
boilerplate_german_and_spanish_cues(void **state)
{
	struct ap_doc *d = *state;

	/* Interface wording in the page's language: a credit, a consent,
	 * a table of contents, an embed's placeholder, a prompt. */
	d->meta.lang = "de";
	assert_string_equal(bp(d, "Titelbild: Anna Muster/picture-alliance"),
	    "credit");
	assert_string_equal(bp(d, "Ich bin mit der Verarbeitung meiner Daten "
	    "nach Datenschutzerklärung einverstanden."), "legal");
	assert_string_equal(bp(d, "Inhaltsverzeichnis"), "share");
	assert_string_equal(bp(d, "Externer Inhalt"), "share");
	assert_string_equal(bp(d, "Lust auf mehr? Lass dir die besten "
	    "Geschichten jede Woche in deinen Posteingang schicken."),
	    "newsletter");
	assert_true(ap_rule_related_label(t_block(d, "Schon gelesen?")));
	assert_string_equal(bp(d, "2023 nichts mehr versäumen!"),
	    "newsletter");
	assert_true(ap_rule_related_label(t_block(d, "Mehr lesen:")));
	assert_true(ap_rule_related_label(t_block(d, "Redaktionstipp")));
	/* English interface lines on pages in any language. */
	assert_string_equal(bp(d, "SUGGESTED CITATION Sauer, Heiko: "
	    "Expertinnen in der Krise, VerfBlog, 2020/4/09"), "legal");
	assert_string_equal(bp(d, "If you enjoyed reading this post, would "
	    "you consider supporting our work?"), "newsletter");
	assert_true(ap_rule_related_label(t_block(d,
	    "Artikel und Videos zum Thema")));
	assert_string_equal(bp(d, "Merkblatt PDF | 38 KB | Datei ist nicht "
	    "barrierefrei"), "legal");
	assert_string_equal(bp(d, "Bildnachweis: Anna Muster"), "credit");
	assert_string_equal(bp(d, "Kontakt:"), "navigation");
	assert_string_equal(bp(d, "Du musst eingeloggt sein, um Kommentare "
	    "zu schreiben!"), "newsletter");
	/* A sentence about a table of contents is text. */
	assert_string_equal(bp(d, "Das Inhaltsverzeichnis des Berichts nennt "
	    "zwölf Kapitel."), "");
	d->meta.lang = "es";
	assert_string_equal(bp(d, "Síguenos en Telegram, Instagram y Twitter "
	    "para recibir todas nuestras actualizaciones."), "newsletter");
}

static void
boilerplate_navigation(void **state)
{
	struct ap_doc *d = *state;

	assert_string_equal(bp(d, "Les plus lus"), "navigation");
	assert_string_equal(bp(d, "[rechercher]"), "navigation");
}

static void
boilerplate_caption_with_source(void **state)
{
	struct ap_doc *d = *state;

	/* A caption ending in its photographer and the picture's source;
	 * an agency tag closing a paragraph signs it, no caption. */
	assert_string_equal(bp(d, "Le tram traverse le pont de la Croix-Verte "
	    "pour la première fois, samedi. (Jean Dupont / iStock.com)"),
	    "caption");
	assert_string_equal(bp(d, "Le tram traverse le pont de la Croix-Verte "
	    "pour la première fois, samedi. (Jean Dupont / Getty Images)"),
	    "caption");
	assert_string_equal(bp(d, PROSE " (AFP)"), "");
	assert_string_equal(bp(d, PROSE " (Marie / Paul)"), "");
}

static void
boilerplate_figure_flag(void **state)
{
	struct ap_doc *d = *state;
	const struct ap_block *b;

	b = t_block_flags(d, "Les premières rames au dépôt de la "
	    "Croix-Verte, samedi.", AP_BF_FIGURE);
	assert_non_null(ap_rule_boilerplate(b));
	assert_string_equal(ap_rule_boilerplate(b), "caption");
}

static void
boilerplate_not_prose(void **state)
{
	struct ap_doc *d = *state;

	assert_string_equal(bp(d, PROSE), "");
	/* Cue words inside running text. */
	assert_string_equal(bp(d, "Partager les richesses, c’est le cœur du "
	    "programme présenté mardi par le candidat."), "");
	assert_string_equal(bp(d, "Le maire a publié un long message sur "
	    "Facebook pour annoncer la fermeture du pont."), "");
	assert_string_equal(bp(d, "Sécheresse : les restrictions d’eau "
	    "étendues à quarante communes"), "");
}

static void
boilerplate_not_quote_with_cue(void **state)
{
	struct ap_doc *d = *state;

	/* A short quotation that happens to hold a newsletter cue. */
	assert_string_equal(bp(d, "« Recevez nos remerciements »"), "");
}

/* --- ap_rule_related_label ---------------------------------------- */

static void
related_label_alone(void **state)
{
	struct ap_doc *d = *state;

	assert_true(ap_rule_related_label(t_block(d, "Articles connexes")));
	assert_true(ap_rule_related_label(t_block(d, "À lire aussi :")));
	assert_true(ap_rule_related_label(t_block(d, "Sur le même sujet")));
	assert_true(ap_rule_related_label(t_block(d, "LIRE AUSSI")));
}

static void
related_label_not_with_title(void **state)
{
	struct ap_doc *d = *state;

	assert_false(ap_rule_related_label(t_block(d,
	    "Lire aussi : Les petits aéroports régionaux")));
	assert_false(ap_rule_related_label(t_block(d, PROSE)));
}

/* --- ap_rule_related_inline --------------------------------------- */

static void
related_inline_with_colon(void **state)
{
	struct ap_doc *d = *state;

	assert_true(ap_rule_related_inline(t_block(d, "Lire aussi : Les "
	    "petits aéroports régionaux face à la fin des subventions")));
	assert_true(ap_rule_related_inline(t_block(d,
	    "À lire aussi" NBSP ": Le prix du gaz")));
	/* The bare form; "Lire la suite" is a button, not "Lire :". */
	assert_true(ap_rule_related_inline(t_block(d, "Lire : Que sont les "
	    "IMSI-catchers, ces valises qui espionnent les téléphones ?")));
	assert_false(ap_rule_related_inline(t_block(d, "Lire le journal")));
}

static void
related_inline_with_arrow(void **state)
{
	struct ap_doc *d = *state;

	assert_true(ap_rule_related_inline(t_block(d,
	    "Lire aussi › Le prix du gaz s’envole")));
	assert_true(ap_rule_related_inline(t_block(d,
	    "Voir aussi - Le prix du gaz s’envole")));
}

static void
related_inline_not_plain_label(void **state)
{
	struct ap_doc *d = *state;

	assert_false(ap_rule_related_inline(t_block(d, "Lire aussi")));
	assert_false(ap_rule_related_inline(t_block(d, "À lire aussi :")));
}

static void
related_inline_not_running_text(void **state)
{
	struct ap_doc *d = *state;

	/* No separator after the cue: the sentence goes on. */
	assert_false(ap_rule_related_inline(t_block(d, "Lire aussi la "
	    "tribune de notre chroniqueur sur le sujet.")));
	assert_false(ap_rule_related_inline(t_block(d, PROSE)));
}

/* --- ap_rule_byline ----------------------------------------------- */

static void
byline_par_name(void **state)
{
	struct ap_doc *d = *state;

	assert_true(ap_rule_byline(t_block(d, "Par Jeanne Dupont")));
	assert_true(ap_rule_byline(t_block(d,
	    "Par Jeanne Dupont et Marc Lévesque")));
	assert_true(ap_rule_byline(t_block(d, "PAR JEANNE DUPONT")));
}

static void
byline_agency_alone(void **state)
{
	struct ap_doc *d = *state;

	assert_true(ap_rule_byline(t_block(d, "La Presse Canadienne")));
	assert_true(ap_rule_byline(t_block(d, "AFP")));
	assert_true(ap_rule_byline(t_block(d, "Agence France-Presse")));
	/* A byline cue, then the agency alone. */
	assert_true(ap_rule_byline(t_block(d, "d’après afp")));
	assert_true(ap_rule_byline(t_block(d, "par Belga")));
	assert_false(ap_rule_byline(t_block(d, "D’après l’AFP, le ministre a "
	    "démissionné hier soir.")));
}

static void
byline_interview(void **state)
{
	struct ap_doc *d = *state;

	assert_true(ap_rule_byline(t_block(d,
	    "Propos recueillis par Louise Perrin")));
}

static void
byline_with_date_and_bar(void **state)
{
	struct ap_doc *d = *state;

	assert_true(ap_rule_byline(t_block(d,
	    "Le Courrier | 04.05.2015 | Par Jeanne Dupont")));
}

static void
byline_not_word_starting_with_par(void **state)
{
	struct ap_doc *d = *state;

	assert_false(ap_rule_byline(t_block(d, "Parmi les députés de la "
	    "majorité, le texte est soutenu par 200 élus")));
	assert_false(ap_rule_byline(t_block(d, "Parmi les Verts")));
}

static void
byline_not_par_lower_case_phrase(void **state)
{
	struct ap_doc *d = *state;

	/* A headline: the word after "Par" is not a name. */
	assert_false(ap_rule_byline(t_block(d,
	    "Par crainte des crues, Valmont évacue le quartier de la Gare")));
	assert_false(ap_rule_byline(t_block(d,
	    "Par 52 voix contre 12, le Sénat adopte la réforme")));
}

static void
byline_not_par_ailleurs(void **state)
{
	struct ap_doc *d = *state;

	/* The cue must be followed by a name, not running text. */
	assert_false(ap_rule_byline(t_block(d,
	    "Par ailleurs, la ville a annoncé des travaux.")));
}

static void
byline_not_quote(void **state)
{
	struct ap_doc *d = *state;

	assert_false(ap_rule_byline(t_block(d, "« Par Toutatis ! »")));
}

/* --- ap_rule_dateline --------------------------------------------- */

static void
dateline_published(void **state)
{
	struct ap_doc *d = *state;

	assert_true(ap_rule_dateline(t_block(d,
	    "Publié le 3 mars 2024 à 14 h 30")));
	assert_true(ap_rule_dateline(t_block(d,
	    "Mis à jour le 3 mars 2024 à 18 h 05")));
}

static void
dateline_numeric(void **state)
{
	struct ap_doc *d = *state;

	assert_true(ap_rule_dateline(t_block(d, "03/03/2024")));
	assert_true(ap_rule_dateline(t_block(d, "Le 12 janvier 2023")));
}

static void
dateline_not_without_date(void **state)
{
	struct ap_doc *d = *state;

	assert_false(ap_rule_dateline(t_block(d, "28 milliards d’euros")));
	assert_false(ap_rule_dateline(t_block(d, "Le ministre a parlé")));
}

static void
dateline_publication_cue_without_year(void **state)
{
	struct ap_doc *d = *state;

	/* The cue makes it a date line even when the date is incomplete. */
	assert_true(ap_rule_dateline(t_block(d, "Publié le 3 mars")));
	assert_true(ap_rule_dateline(t_block(d, "Publié à 0 h 23")));
}

static void
dateline_not_long_paragraph(void **state)
{
	struct ap_doc *d = *state;

	/* Over 16 words without a date cue in front. */
	assert_false(ap_rule_dateline(t_block(d, "La compagnie régionale Air "
	    "Atlantis a annoncé la suppression, à compter du 3 mars 2024, de "
	    "la ligne reliant l’aéroport à Paris-Orly.")));
	/* Over 30 words even with one. */
	assert_false(ap_rule_dateline(t_block(d, "Le 3 mars 2024, la "
	    "compagnie régionale Air Atlantis a annoncé la suppression de la "
	    "ligne reliant l’aéroport de Saint-Rémy-les-Landes à Paris-Orly, "
	    "la seule liaison régulière encore assurée depuis la plateforme "
	    "de la ville.")));
}

static void
dateline_not_quote(void **state)
{
	struct ap_doc *d = *state;

	assert_false(ap_rule_dateline(t_block(d,
	    "« Le 3 mars 2024, tout a changé »")));
}

/* --- ap_rule_role ------------------------------------------------- */

static void
role_after_name(void **state)
{
	struct ap_doc *d = *state;

	assert_true(ap_rule_role(t_block(d,
	    "Éditrice - Direction Informatique")));
	assert_true(ap_rule_role(t_block(d,
	    "Journaliste - Le Courrier numérique")));
	assert_true(ap_rule_role(t_block(d, "Correspondante à Bruxelles")));
}

static void
role_not_sentence(void **state)
{
	struct ap_doc *d = *state;

	assert_false(ap_rule_role(t_block(d,
	    "Journaliste depuis vingt ans, elle a couvert trois guerres.")));
}

static void
role_not_other_words(void **state)
{
	struct ap_doc *d = *state;

	assert_false(ap_rule_role(t_block(d, "Sophie Lavoie")));
	assert_false(ap_rule_role(t_block(d, "Articles connexes")));
}

/* --- ap_rule_titleish --------------------------------------------- */

static void
titleish_short_line(void **state)
{
	struct ap_doc *d = *state;

	assert_true(ap_rule_titleish(t_block(d,
	    "Le train comme solution de repli")));
	assert_true(ap_rule_titleish(t_block(d, "Valmont inaugure sa deuxième "
	    "ligne de tramway avec six mois de retard")));
	assert_true(ap_rule_titleish(t_block(d, "Un budget modeste")));
}

/* A title may ask its question after an ellipsis; two statements are
 * no title. */
static void
titleish_question_after_ellipsis(void **state)
{
	struct ap_doc *d = *state;

	assert_true(ap_rule_titleish(t_block(d, "Tempête Ciaran : pluie, "
	    "rafales de vent… A quoi s’attendre en Nouvelle-Aquitaine ?")));
	assert_false(ap_rule_titleish(t_block(d, "La pluie arrive. Le vent "
	    "souffle fort")));
	/* A kicker's period ends no sentence; an ellipsis may go on. */
	assert_true(ap_rule_titleish(t_block(d, "VIDEO. France-Italie : les "
	    "Bleus s'ambiancent... On va essayer de pas trop s'enflammer")));
	assert_int_equal(t_block(d, "VIDEO. Les Bleus gagnent")->f.sentences,
	    1);
	/* A tag after an exclamation; not a caption's credit. */
	assert_true(ap_rule_titleish(t_block(d, "Charlotte Rampling "
	    "répond ! (VIDEO)")));
	assert_false(ap_rule_titleish(t_block(d, "Le président salue la "
	    "foule. (Eric Tschaen/Pool)")));
}

static void
titleish_not_sentence(void **state)
{
	struct ap_doc *d = *state;

	assert_false(ap_rule_titleish(t_block(d, "Le train est en retard.")));
	assert_false(ap_rule_titleish(t_block(d, "Les mesures :")));
}

static void
titleish_not_ellipsis(void **state)
{
	struct ap_doc *d = *state;

	assert_false(ap_rule_titleish(t_block(d,
	    "Un sondage mené auprès de 800 PME révèle que...")));
	assert_false(ap_rule_titleish(t_block(d,
	    "Un sondage mené auprès de 800 PME révèle que…")));
	/* A short title may trail off. */
	assert_true(ap_rule_titleish(t_block(d,
	    "Avancer ensemble vers la contribution…")));
}

static void
titleish_not_lower_case(void **state)
{
	struct ap_doc *d = *state;

	assert_false(ap_rule_titleish(t_block(d, "et la suite du programme")));
}

static void
titleish_not_too_long(void **state)
{
	struct ap_doc *d = *state;

	assert_false(ap_rule_titleish(t_block(d, "Un deux trois quatre cinq "
	    "six sept huit neuf dix onze douze treize quatorze quinze seize "
	    "dix-sept dix-huit dix-neuf vingt vingt-et-un vingt-deux "
	    "vingt-trois vingt-quatre vingt-cinq vingt-six")));
}

/* --- ap_rule_prose ------------------------------------------------ */

static void
prose_sentence(void **state)
{
	struct ap_doc *d = *state;

	assert_true(ap_rule_prose(t_block(d, PROSE)));
	assert_true(ap_rule_prose(t_block(d, "Le Monde a-t-il raison de "
	    "s’inquiéter de la montée des eaux dans les communes du littoral "
	    "comme le font depuis des années les associations ?")));
}

static void
prose_not_short_question_or_quote_title(void **state)
{
	struct ap_doc *d = *state;

	/* Headlines end in "?" or in a quotation without a final period. */
	assert_false(ap_rule_prose(t_block(d, "Grève à Radio France : vers "
	    "une sortie du conflit ?")));
	assert_false(ap_rule_prose(t_block(d, "Décès de Michel Daerden : "
	    "« Il méritait une meilleure sortie »")));
	assert_true(ap_rule_prose(t_block(d, "Le maire a conclu la séance "
	    "par ces mots : « Nous tiendrons nos engagements. »")));
}

static void
prose_quote_closing(void **state)
{
	struct ap_doc *d = *state;

	assert_true(ap_rule_prose(t_block(d, "Sa directrice, Valérie Combes, "
	    "se veut rassurante : « Nous ne fermons pas." NBSP "»")));
	assert_true(ap_rule_prose(t_block(d, "Sa directrice, Valérie Combes, "
	    "a parlé d’une « rupture durable pour les voyageurs ».")));
}

static void
prose_opens_with_quotation(void **state)
{
	struct ap_doc *d = *state;

	assert_true(ap_rule_prose(t_block(d,
	    "« Nous ne fermons pas, a-t-elle assuré")));
	assert_true(ap_rule_prose(t_block(d, "— Oui, vers onze heures.")));
}

static void
prose_not_short(void **state)
{
	struct ap_doc *d = *state;

	assert_false(ap_rule_prose(t_block(d, "Il pleut.")));
	assert_false(ap_rule_prose(t_block(d, "Par Jeanne Dupont")));
}

static void
prose_not_unterminated(void **state)
{
	struct ap_doc *d = *state;

	assert_false(ap_rule_prose(t_block(d, "Valmont inaugure sa deuxième "
	    "ligne de tramway avec six mois de retard")));
}

static void
prose_not_teaser(void **state)
{
	struct ap_doc *d = *state;

	assert_false(ap_rule_prose(t_block(d, "Un sondage mené auprès de 800 "
	    "PME révèle que moins d’une sur cinq...")));
}

/* --- ap_rule_drop_label ------------------------------------------- */

static void
drop_label_sections(void **state)
{
	struct ap_doc *d = *state;

	assert_true(ap_rule_drop_label(t_block(d, "Les plus lus")));
	assert_true(ap_rule_drop_label(t_block(d, "Emplois en vedette")));
	assert_true(ap_rule_drop_label(t_block(d, "Commentaires")));
	/* A blog's widget of recent posts ends the article too. */
	assert_true(ap_rule_drop_label(t_block(d, "Articles récents")));
	assert_true(ap_rule_drop_label(t_block(d, "Derniers articles")));
	assert_true(ap_rule_drop_label(t_block(d, "Fil d'infos")));
}

static void
drop_label_not_related_or_text(void **state)
{
	struct ap_doc *d = *state;

	assert_false(ap_rule_drop_label(t_block(d, "Articles connexes")));
	assert_false(ap_rule_drop_label(t_block(d,
	    "Les plus lus de la semaine ont tous parlé du budget.")));
}

/* --- ap_classify in context --------------------------------------- */

#define P1 "L’éditeur de logiciels Nordikode a inauguré jeudi un " \
	"laboratoire de recherche en intelligence artificielle à Bellerive."
#define P2 "Le laboratoire se concentrera sur les modèles de langage " \
	"adaptés au français et sur l’automatisation des tâches comptables."
#define P3 "L’entreprise a obtenu un prêt de 15 millions de dollars du " \
	"Fonds régional d’innovation pour financer le projet."
#define P4 "Nordikode emploie actuellement 450 personnes au Québec et en " \
	"Ontario, et son chiffre d’affaires a augmenté de 12 %."
#define HEAD "Nordikode ouvre un laboratoire d’intelligence artificielle " \
	"à Bellerive"

static void
classify_article_with_author_box_and_footer(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2, P3,
		"Sophie Lavoie",
		"Journaliste - Le Courrier numérique",
		"Articles connexes",
		"Les entreprises québécoises lentes à adopter l’intelligence "
		    "artificielle",
		"Un sondage mené auprès de 800 PME révèle que moins d’une sur "
		    "cinq...",
		"Cybersécurité : les municipalités mal préparées face aux "
		    "rançongiciels",
		"Plusieurs villes de taille moyenne n’ont toujours pas de plan "
		    "de...",
		"Emplois en vedette",
		"Analyste principal - Banque du Nord",
		NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, lines);
	assert_kind(d, 0, AP_KIND_HEADLINE);
	assert_kind(d, 1, AP_KIND_PARAGRAPH);
	assert_kind(d, 2, AP_KIND_PARAGRAPH);
	assert_kind(d, 3, AP_KIND_PARAGRAPH);
	assert_kind(d, 4, AP_KIND_BYLINE);
	assert_kind(d, 5, AP_KIND_BYLINE);
	assert_true(d->blocks[5].flags & AP_BF_ROLE);
	assert_false(d->blocks[4].flags & AP_BF_ROLE);
	assert_kind(d, 6, AP_KIND_RELATED_LABEL);
	assert_kind(d, 7, AP_KIND_RELATED);
	assert_kind(d, 8, AP_KIND_RELATED);
	assert_kind(d, 9, AP_KIND_RELATED);
	assert_kind(d, 10, AP_KIND_RELATED);
	assert_kind(d, 11, AP_KIND_BOILERPLATE);
	assert_kind(d, 12, AP_KIND_BOILERPLATE);
}

static void
classify_labels_are_not_authors(void **state)
{
	static const char *const lines[] = {
		HEAD, "MISE À JOUR", P1, P2, P3,
		"Jean-Marc de La Tour",
		"À ÉCOUTER AUSSI",
		"Oui Non",
		NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, lines);
	assert_int_not_equal(d->blocks[1].kind, AP_KIND_BYLINE);
	assert_kind(d, 5, AP_KIND_BYLINE);
	assert_int_not_equal(d->blocks[6].kind, AP_KIND_BYLINE);
	assert_int_not_equal(d->blocks[7].kind, AP_KIND_BYLINE);
}

static void
classify_embedded_post_dropped(void **state)
{
	static const char *const lines[] = {
		HEAD, P1,
		"Il y a beaucoup de lâches qui insultent, cachés derrière leur "
		    "anonymat.",
		"\xe2\x80\x94 Nadine Morano (@nadine__morano) June 4, 2012",
		P2, P3,
		NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, lines);
	assert_kind(d, 1, AP_KIND_PARAGRAPH);
	assert_kind(d, 2, AP_KIND_BOILERPLATE);
	assert_string_equal(d->blocks[2].drop, "embed");
	assert_kind(d, 3, AP_KIND_BOILERPLATE);
	assert_string_equal(d->blocks[3].drop, "embed");
	assert_kind(d, 4, AP_KIND_PARAGRAPH);
	assert_kind(d, 5, AP_KIND_PARAGRAPH);
}

static void
classify_body_not_ending_on_label(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2, P3,
		"Weitere Informationen zum Thema:",
		"Kontakt:",
		NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, lines);
	assert_kind(d, 3, AP_KIND_PARAGRAPH);
	assert_int_not_equal(d->blocks[4].kind, AP_KIND_PARAGRAPH);
	assert_int_not_equal(d->blocks[5].kind, AP_KIND_PARAGRAPH);
}

static void
classify_head_byline_and_date(void **state)
{
	static const char *const lines[] = {
		HEAD,
		"Par Élodie Marchetti",
		"Publié le 3 mars 2024 à 14 h 30",
		"Mis à jour le 3 mars 2024 à 18 h 05",
		P1, P2, P3,
		NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, lines);
	assert_kind(d, 0, AP_KIND_HEADLINE);
	assert_kind(d, 1, AP_KIND_BYLINE);
	assert_kind(d, 2, AP_KIND_DATE);
	assert_kind(d, 3, AP_KIND_DATE);
	assert_kind(d, 4, AP_KIND_PARAGRAPH);
	assert_kind(d, 6, AP_KIND_PARAGRAPH);
}

static void
classify_menu_before_headline_dropped(void **state)
{
	static const char *const lines[] = {
		"Accueil", "Politique", "Économie", "Faits divers", "Sports",
		HEAD,
		"Par Élodie Marchetti",
		P1, P2, P3, P4,
		NULL
	};
	struct ap_doc *d = *state;
	size_t i;

	t_classify(d, lines);
	for (i = 0; i < 5; i++)
		assert_kind(d, i, AP_KIND_BOILERPLATE);
	assert_kind(d, 5, AP_KIND_HEADLINE);
	assert_kind(d, 6, AP_KIND_BYLINE);
	assert_kind(d, 7, AP_KIND_PARAGRAPH);
}

static void
classify_headline_across_carousel(void **state)
{
	/* A title over its date line stays the headline though a carousel
	 * of title-like teasers stands between it and the text. */
	const char *lines[4 + 2 * 24 + 4 + 1];
	char teaser[24][64];
	struct ap_doc *d = *state;
	size_t i, n = 0;

	lines[n++] = "C à vous : accusée de racisme, l'actrice répond ! "
	    "(VIDEO)";
	lines[n++] = "Partager";
	lines[n++] = "Publié le 22 janv. 2016 à 20:06";
	lines[n++] = "Vidéos à ne pas manquer";
	for (i = 0; i < 24; i++) {
		snprintf(teaser[i], sizeof(teaser[i]), "Le Tube : un "
		    "animateur fait des infidélités, épisode %zu", i + 1);
		lines[n++] = teaser[i];
		lines[n++] = "Partager";
	}
	lines[n++] = P1;
	lines[n++] = P2;
	lines[n++] = P3;
	lines[n++] = P4;
	lines[n] = NULL;
	t_classify(d, lines);
	assert_kind(d, 0, AP_KIND_HEADLINE);
	assert_kind(d, 2, AP_KIND_DATE);
	for (i = 3; i < n - 4; i++)
		assert_int_not_equal(d->blocks[i].kind, AP_KIND_HEADLINE);
}

static void
classify_share_bar_before_body_dropped(void **state)
{
	static const char *const lines[] = {
		HEAD,
		"Par Benoît Lagarde",
		"Partager sur Facebook",
		"Partager sur X",
		"34 commentaires",
		P1, P2, P3,
		NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, lines);
	assert_kind(d, 0, AP_KIND_HEADLINE);
	assert_kind(d, 1, AP_KIND_BYLINE);
	assert_kind(d, 2, AP_KIND_BOILERPLATE);
	assert_kind(d, 3, AP_KIND_BOILERPLATE);
	assert_kind(d, 4, AP_KIND_BOILERPLATE);
	assert_kind(d, 5, AP_KIND_PARAGRAPH);
}

static void
classify_inline_related_in_body(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2,
		"Lire aussi : Les petits aéroports régionaux face à la fin des "
		    "subventions publiques",
		P3, P4,
		NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, lines);
	assert_kind(d, 2, AP_KIND_PARAGRAPH);
	assert_kind(d, 3, AP_KIND_RELATED);
	assert_kind(d, 4, AP_KIND_PARAGRAPH);
	assert_kind(d, 5, AP_KIND_PARAGRAPH);
}

static void
classify_related_label_in_body(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2,
		"À lire aussi",
		"Les petits aéroports régionaux face à la fin des subventions",
		P3, P4,
		NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, lines);
	assert_kind(d, 3, AP_KIND_RELATED_LABEL);
	assert_kind(d, 4, AP_KIND_RELATED);
	assert_kind(d, 5, AP_KIND_PARAGRAPH);
	assert_kind(d, 6, AP_KIND_PARAGRAPH);
}

static void
classify_name_beside_date_is_byline(void **state)
{
	/* A text dump: the name far from the headline and from the body,
	 * but on the line before the date. */
	static const char *const lines[] = {
		HEAD,
		"Photo: Adil Boukind Archives Le Devoir",
		"Montréal",
		"Société",
		"Transports",
		"Jeanne Corriveau",
		"19 février 2020",
		"Partager",
		"Facebook",
		"Twitter",
		"Courriel",
		P1, P2, P3, P4,
		NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, lines);
	assert_kind(d, 5, AP_KIND_BYLINE);
	assert_kind(d, 6, AP_KIND_DATE);
}

static void
classify_tag_after_body_is_no_author(void **state)
{
	struct ap_doc *d = *state;
	static const char *const lines[] = { HEAD, P1, P2, P3, P4, NULL };
	size_t i;

	for (i = 0; lines[i] != NULL; i++)
		t_add(d, lines[i]);
	/* A list of topics under the article: place names, not people. */
	t_add_flags(d, "Société", AP_BF_LISTITEM);
	t_add_flags(d, "Nouvelle Aquitaine", AP_BF_LISTITEM);
	t_add_flags(d, "Tempête", AP_BF_LISTITEM);
	ap_features(d);
	ap_classify(d);
	assert_int_not_equal(d->blocks[6].kind, AP_KIND_BYLINE);
}

static void
classify_signature_in_body(void **state)
{
	static const char *const one[] = {
		HEAD, P1, P2, P3, "Par Jacques Munier", P4,
		NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, one);
	assert_kind(d, 4, AP_KIND_BYLINE);
	assert_kind(d, 5, AP_KIND_PARAGRAPH);
}

static void
classify_teaser_bylines_are_no_signature(void **state)
{
	/* Teasers under the article, each with its byline. */
	static const char *const teasers[] = {
		HEAD, P1, P2, P3, "Par Philippe Douroux", P4,
		"Par Hervé Hinopay", P1, P2,
		NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, teasers);
	assert_kind(d, 8, AP_KIND_PARAGRAPH);
	assert_int_not_equal(d->blocks[4].kind, AP_KIND_BYLINE);
	assert_int_not_equal(d->blocks[6].kind, AP_KIND_BYLINE);
}

static void
classify_label_prefix_after_body(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2, P3, P4,
		"À découvrir également",
		"Björk appelle à l'indépendance du Groenland",
		"Accusé de trafic de drogue, Maduro plaide non coupable",
		NULL
	};
	struct ap_doc *d = *state;

	/* A label's words and one more: still the label. */
	t_classify(d, lines);
	assert_kind(d, 5, AP_KIND_RELATED_LABEL);
	assert_kind(d, 6, AP_KIND_RELATED);
	assert_kind(d, 7, AP_KIND_RELATED);
}

static void
byline_agency_before_date(void **state)
{
	static const char *const lines[] = {
		HEAD, "Le Monde.fr avec AFP | 05.07.2011 à 22h09 • Mis à jour "
		"le 05.07.2011 à 22h09", P1, P2, P3, NULL
	};
	struct ap_doc *d = *state;

	/* A desk and its agency before the date, set off by a bar: a
	 * byline (its date is still read). */
	t_classify(d, lines);
	assert_kind(d, 1, AP_KIND_BYLINE);
}

static void
date_and_section_no_byline(void **state)
{
	static const char *const lines[] = {
		HEAD, "Mis à jour le 05.07.2011 à 22h09 | Économie", P1, P2, P3,
		NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, lines);
	assert_kind(d, 1, AP_KIND_DATE);
}

static void
classify_recommends_label_in_text(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2, P3, P4,
		"PARTAGER",
		"SLATE CONSEILLE",
		"Taxe Google: ce que ne vous disent pas les patrons de presse",
		"Comment le Qatar a acheté la France",
		NULL
	};
	struct ap_doc *d = *state;

	/* "Slate conseille" names no topic: a label by its verb. */
	t_classify(d, lines);
	assert_kind(d, 6, AP_KIND_RELATED_LABEL);
	assert_kind(d, 7, AP_KIND_RELATED);
	assert_kind(d, 8, AP_KIND_RELATED);
}

static void
classify_teaser_image_in_related_run(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2, P3, P4,
		"Articles en relation",
		"The Pirate Bay LogoThe Pirate Bay Logo",
		"Le blocage des sites pirates par Cogent était une erreur",
		"Site de téléchargementSite de téléchargement",
		"Classement des sites warez les plus visités en février",
		NULL
	};
	struct ap_doc *d = *state;

	/* An image's text between teasers does not end their list. */
	t_classify(d, lines);
	assert_kind(d, 5, AP_KIND_RELATED_LABEL);
	assert_kind(d, 7, AP_KIND_RELATED);
	assert_kind(d, 9, AP_KIND_RELATED);
	assert_int_not_equal(d->blocks[6].kind, AP_KIND_RELATED);
}

static void
classify_link_card_in_blockquote(void **state)
{
	struct ap_doc *d = *state;
	static const char *const lines[] = { HEAD, P1, P2, NULL };
	size_t i;

	for (i = 0; lines[i] != NULL; i++)
		t_add(d, lines[i]);
	/* A blog's card for another post, then a real quotation. */
	t_add_flags(d, "Nordikode recrute vingt chercheurs à Bellerive",
	    AP_BF_BLOCKQUOTE | AP_BF_LINK);
	t_add_flags(d, "Nous voulons former ici les chercheurs dont le "
	    "Québec aura besoin dans dix ans, a dit la directrice.",
	    AP_BF_BLOCKQUOTE);
	t_add(d, P3);
	t_add(d, P4);
	ap_features(d);
	ap_classify(d);
	assert_kind(d, 3, AP_KIND_RELATED);
	assert_kind(d, 4, AP_KIND_QUOTE);
}

/* A linked block: its text and its target. */
struct t_link {
	const char	*text, *href;
};

/* HEAD, P1 to P3, a "À lire aussi" label, then n linked blocks. */
static void
t_label_then_links(struct ap_doc *d, const struct t_link *links, size_t n,
    unsigned flags)
{
	size_t i;

	t_add(d, HEAD);
	t_add(d, P1);
	t_add(d, P2);
	t_add(d, P3);
	t_add(d, "À lire aussi");
	for (i = 0; i < n; i++) {
		struct ap_block *b = t_add_flags(d, links[i].text,
		    AP_BF_LINK | flags);

		b->href = links[i].href;
		b->link_chars = strlen(links[i].text);
	}
	ap_features(d);
	ap_classify(d);
}

/* Links to a site's front under a related label are services. */
static void
classify_front_link_is_no_related_title(void **state)
{
	struct ap_doc *d = *state;
	static const struct t_link links[] = {
		{ "Nordikode recrute vingt chercheurs à Bellerive",
		    "https://www.courrier.example/techno/nordikode-recrute" },
		{ "Lire le journal numérique", "https://journal.courrier.example/" },
		{ "Toute l'actualité du cinéma", "https://www.cine.example/fr" },
		{ "La bibliothèque rouvre ses portes en octobre",
		    "https://www.courrier.example/archives?id=2019-10-04" },
	};

	t_label_then_links(d, links, sizeof(links) / sizeof(links[0]),
	    AP_BF_LISTITEM);
	assert_kind(d, 4, AP_KIND_RELATED_LABEL);
	assert_kind(d, 5, AP_KIND_RELATED);
	assert_kind(d, 6, AP_KIND_BOILERPLATE);
	assert_kind(d, 7, AP_KIND_BOILERPLATE);
	assert_kind(d, 8, AP_KIND_RELATED);
}

/* An insert label's box in the body ends at a prompt; a text browser's
 * image placeholder does not end it. */
static void
classify_label_box_ends_at_prompt(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2,
		"Lire aussi :",
		"[IMG_9974-3]",
		"Les digues de la Sorne seront renforcées avant l'hiver",
		"Vous possédez déjà un compte ?",
		P3, P4,
		NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, lines);
	assert_kind(d, 3, AP_KIND_RELATED_LABEL);
	assert_kind(d, 4, AP_KIND_BOILERPLATE);
	assert_kind(d, 5, AP_KIND_RELATED);
	assert_kind(d, 6, AP_KIND_BOILERPLATE);
	assert_kind(d, 7, AP_KIND_PARAGRAPH);
}

/* A card links its title and its one-sentence summary alike. */
static void
classify_card_summary_shares_the_link(void **state)
{
	struct ap_doc *d = *state;
	static const struct t_link card[] = {
		{ "Trottinettes : Valmont sévira contre les loueurs délinquants",
		    "https://www.courrier.example/valmont/trottinettes" },
		{ "La période de grâce se terminera le 21 octobre.",
		    "https://www.courrier.example/valmont/trottinettes" },
		{ "Plus de 300 contraventions aux usagers des trottinettes",
		    "https://www.courrier.example/valmont/contraventions" },
		{ "Le port du casque a été la principale infraction relevée.",
		    "https://www.courrier.example/valmont/contraventions" },
	};
	size_t i;

	d->art.source_type = "html";	/* a page's blocks */
	t_label_then_links(d, card, sizeof(card) / sizeof(card[0]), 0);
	for (i = 5; i < 9; i++)
		assert_kind(d, i, AP_KIND_RELATED);
	assert_false(d->blocks[5].flags & AP_BF_SUMMARY);
	assert_true(d->blocks[6].flags & AP_BF_SUMMARY);
	assert_false(d->blocks[7].flags & AP_BF_SUMMARY);
	assert_true(d->blocks[8].flags & AP_BF_SUMMARY);
}

/* A name over the copyright line signs the article, however far below
 * the body; the site's own name there does not. */
static void
classify_name_over_copyright(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2, P3,
		"MEILLEUR FILM : « La Rive » de Jean Roux",
		"MEILLEURE ACTRICE : Anne Petit dans « La Rive »",
		"MEILLEUR ACTEUR : Paul Marin dans « Le Quai »",
		"MEILLEUR COURT METRAGE : « Le Cri » de Luc Noël",
		"MEILLEUR DOCUMENTAIRE : « Le Fleuve » de Marc Blanc",
		"MEILLEURE MUSIQUE : Lise Durand pour « La Rive »",
		"MEILLEUR SON : Hugo Martin pour « Le Quai »",
		"MEILLEUR MONTAGE : Léa Morel pour « Le Cri »",
		"Alain Lorrain",
		"© La Gazette du Val 2013",
		"GAZETTE DU VAL",
		"© 2019 GAZETTE DU VAL TOUS DROITS RESERVES",
		NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, lines);
	assert_kind(d, 12, AP_KIND_BYLINE);
	assert_kind(d, 13, AP_KIND_BOILERPLATE);
	assert_kind(d, 14, AP_KIND_BOILERPLATE);
}

static void
classify_inline_related_after_body(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2, P3,
		"Sophie Lavoie",
		">> A lire aussi : Les digues de la Sorne seront renforcées "
		    "avant l'hiver",
		"Voir aussi : Le marché couvert retrouve ses halles",
		"Newsletter",
		NULL
	};
	struct ap_doc *d = *state;

	/* The inserts the body's run stopped short of are still titles. */
	t_classify(d, lines);
	assert_kind(d, 4, AP_KIND_BYLINE);
	assert_kind(d, 5, AP_KIND_RELATED);
	assert_kind(d, 6, AP_KIND_RELATED);
	assert_kind(d, 7, AP_KIND_BOILERPLATE);
}

#define LONG1 "Les pêcheurs de la Sorne, qui attendaient ces mesures " \
	"depuis des années, ont salué une décision qu’ils jugent tardive " \
	"mais nécessaire, et demandent que les contrôles soient renforcés " \
	"dès le printemps prochain, avant la saison de la reproduction."
#define LONG2 "Selon la municipalité, les travaux coûteront près de " \
	"deux millions d’euros, financés pour moitié par la région, et " \
	"devraient s’achever avant l’été, si la météo le permet et si les " \
	"entreprises retenues tiennent les délais fixés par le contrat."
#define LONG3 "Les associations de riverains, de leur côté, restent " \
	"prudentes : elles rappellent que les précédents chantiers avaient " \
	"pris plusieurs mois de retard, et réclament un calendrier précis, " \
	"publié sur le site de la ville et mis à jour chaque semaine."

static void
classify_title_bullets_between_paragraphs(void **state)
{
	struct ap_doc *d = *state;

	/* Titles bulleted between paragraphs are a widget's links; a list
	 * the text announces with a colon is the text's. */
	t_text_blocks(d, HEAD "\n\n" P1 "\n\n" P2 "\n\n"
	    "  \xe2\x80\xa2 Les requins de la Sorne : une espèce en danger\n"
	    "  \xe2\x80\xa2 Pourquoi les brochets reviennent-ils dans le lac ?"
	    "\n\n" LONG1 "\n\n"
	    "Le projet se fera en trois étapes, selon la municipalité :\n\n"
	    "  \xe2\x80\xa2 Une étude des berges pendant tout l'hiver\n"
	    "  \xe2\x80\xa2 Des travaux de renforcement au printemps\n\n"
	    LONG2 "\n\n" LONG3 "\n");
	ap_features(d);
	ap_classify(d);
	assert_int_equal(d->nblocks, 11);
	assert_kind(d, 3, AP_KIND_RELATED);
	assert_kind(d, 4, AP_KIND_RELATED);
	assert_kind(d, 5, AP_KIND_PARAGRAPH);
	assert_kind(d, 7, AP_KIND_LISTITEM);
	assert_kind(d, 8, AP_KIND_LISTITEM);
}

static void
classify_topic_label_over_titles(void **state)
{
	struct ap_doc *d = *state;

	/* After the body, a line naming the article's topic over title
	 * bullets heads a box of related articles; another line does not. */
	t_text_blocks(d, HEAD "\n\n" P1 "\n\n" P2 "\n\n" LONG1 "\n\n"
	    LONG2 "\n\n"
	    "[]\n\n"
	    "Laboratoire Nordikode\n\n"
	    "  \xe2\x80\xa2 Nordikode recrute vingt chercheurs à Bellerive\n"
	    "  \xe2\x80\xa2 Pourquoi Nordikode a choisi le Québec\n\n"
	    "Notre sélection\n\n"
	    "  \xe2\x80\xa2 Les plus belles plages de la côte basque\n"
	    "  \xe2\x80\xa2 Dix recettes de tartes pour l'automne\n");
	ap_features(d);
	ap_classify(d);
	assert_int_equal(d->nblocks, 12);
	assert_kind(d, 6, AP_KIND_RELATED_LABEL);
	assert_kind(d, 7, AP_KIND_RELATED);
	assert_kind(d, 8, AP_KIND_RELATED);
	assert_kind(d, 10, AP_KIND_BOILERPLATE);
	assert_kind(d, 11, AP_KIND_BOILERPLATE);
}

static void
classify_arrow_title_in_text(void **state)
{
	static const char *const lines[] = {
		HEAD, P1,
		">>> Nordikode ouvre un second laboratoire à Québec",
		P2,
		">> Un chantier de six ans, enfin terminé.",
		P3, P4,
		NULL
	};
	struct ap_doc *d = *state;

	/* A title after arrows is an insert; a sentence after them is
	 * the text's own. */
	t_classify(d, lines);
	assert_kind(d, 2, AP_KIND_RELATED);
	assert_kind(d, 4, AP_KIND_PARAGRAPH);
}

static void
classify_label_run_over_bullets(void **state)
{
	struct ap_doc *d = *state;
	static const char *const lines[] = { HEAD, P1, P2, P3, NULL };
	size_t i;

	for (i = 0; lines[i] != NULL; i++)
		t_add(d, lines[i]);
	t_add(d, "Sur le même sujet");
	t_add_flags(d, "Universités : le défi de la rentrée 2018",
	    AP_BF_LISTITEM);
	/* A title that reads like a sentence stays in the list. */
	t_add_flags(d, "« Sans accord entre la France et l’Allemagne, il n’y "
	    "aura pas d’avancée en Europe »", AP_BF_LISTITEM);
	t_add(d, P4);
	ap_features(d);
	ap_classify(d);
	assert_kind(d, 4, AP_KIND_RELATED_LABEL);
	assert_kind(d, 5, AP_KIND_RELATED);
	assert_kind(d, 6, AP_KIND_RELATED);
	assert_kind(d, 7, AP_KIND_PARAGRAPH);
}

static void
classify_inline_related_without_colon(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2,
		"À lire aussi La natalité russe menacée d’effondrement",
		P3, P4,
		NULL
	};
	struct ap_doc *d = *state;

	/* Text dumps run the label into the title: its capital parts them. */
	t_classify(d, lines);
	assert_kind(d, 3, AP_KIND_RELATED);
	assert_kind(d, 4, AP_KIND_PARAGRAPH);
}

static void
classify_headline_shares_the_lead_topic(void **state)
{
	/* A short title, then an advertising line nearer the text: the
	 * title's words (laboratoire, Nordikode, Bellerive) open the lead. */
	static const char *const lines[] = {
		"Accueil",
		"Le laboratoire de Nordikode à Bellerive",
		"Les plus belles croisières en Méditerranée et en mer Baltique "
		    "au départ de Marseille",
		P1, P2, P3, NULL
	};
	struct ap_doc *d = *state;
	const struct ap_article *a = t_article(d, lines);

	assert_non_null(a->headline);
	assert_string_equal(a->headline,
	    "Le laboratoire de Nordikode à Bellerive");
	/* The tree view names the evidence. */
	assert_kind(d, 1, AP_KIND_HEADLINE);
	assert_non_null(strstr(d->blocks[1].why, "+topic_words"));
}

static void
classify_cut_headline_over_date(void **state)
{
	/* A title the page cut with "…" over the date line is the
	 * headline; a teaser's cut title above it is not. */
	static const char *const lines[] = {
		"Accueil",
		"Les riverains de la Sorne s’inquiètent pour leurs jardins…",
		"Quand Nordikode s’installe à Bellerive, c’est tout un quartier "
		    "qui change…",
		"Publié le 29 juin 2019",
		P1, P2, P3, NULL
	};
	struct ap_doc *d = *state;
	const struct ap_article *a = t_article(d, lines);

	assert_non_null(a->headline);
	assert_string_equal(a->headline, lines[2]);
	assert_kind(d, 1, AP_KIND_BOILERPLATE);
}

/* --- the headline candidates' features (classify.c, fitted weights) -- */

#define SEEN_MAX	16

struct seen_features {
	double	 x[SEEN_MAX][HF__MAX];
	bool	 seen[SEEN_MAX];
};

static void
keep_features(const struct ap_doc *d, size_t i, const double *x, void *arg)
{
	struct seen_features *s = arg;

	(void)d;
	if (i < SEEN_MAX) {
		memcpy(s->x[i], x, sizeof(s->x[i]));
		s->seen[i] = true;
	}
}

static void
headline_features_of_title_lines(void **state)
{
	static const char *const lines[] = {
		"Économie > Technologie > Intelligence artificielle",
		"Le laboratoire de Nordikode [image]",
		"Nordikode à Bellerive | Le Journal de Bellerive",
		"Publié le 9 juin 2019",
		HEAD,
		"Par Marie Tremblay",
		P1, P2, P3, P4, NULL
	};
	static struct seen_features s;
	struct ap_doc *d = *state;
	int i;

	memset(&s, 0, sizeof(s));
	ap_headline_trace(keep_features, &s);
	t_classify(d, lines);
	ap_headline_trace(NULL, NULL);
	for (i = 0; i <= 4; i++)
		if (i != 3 && !s.seen[i])
			fail_msg("block %d is no candidate", i);
	assert_false(s.seen[3]);	/* a date line is no title */
	assert_true(s.x[0][HF_BREADCRUMB] == 1 && s.x[4][HF_BREADCRUMB] == 0);
	assert_true(s.x[1][HF_WIDGET] == 1 && s.x[4][HF_WIDGET] == 0);
	assert_true(s.x[2][HF_SEPARATOR] == 1 && s.x[4][HF_SEPARATOR] == 0);
	/* The title under its date line, over its byline, repeats the
	 * lead's topic words (Nordikode, laboratoire, Bellerive). */
	assert_true(s.x[4][HF_CREDIT_BEFORE] == 1);
	assert_true(s.x[4][HF_CREDIT_AFTER] == 1);
	assert_true(s.x[4][HF_TOPIC] == 3);
	assert_true(s.x[4][HF_DISTANCE_LOG] < s.x[0][HF_DISTANCE_LOG]);
	assert_true(s.x[4][HF_RIVALS_LOG] == 0 && s.x[0][HF_RIVALS_LOG] > 0);
	assert_kind(d, 4, AP_KIND_HEADLINE);
	assert_kind(d, 3, AP_KIND_DATE);
	assert_kind(d, 5, AP_KIND_BYLINE);
}

static void
classify_numbered_headline(void **state)
{
	/* A title that opens with its number is a title. */
	static const char *const lines[] = {
		"Accueil",
		"5 choses à savoir sur le laboratoire de Nordikode",
		P1, P2, P3, P4, NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, lines);
	assert_kind(d, 1, AP_KIND_HEADLINE);
	assert_kind(d, 2, AP_KIND_PARAGRAPH);
}

static void
classify_date_above_headline(void **state)
{
	/* The publication line over the title, none under it. */
	static const char *const lines[] = {
		"Publié le 9 juin 2019", HEAD, P1, P2, P3, P4, NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, lines);
	assert_kind(d, 1, AP_KIND_HEADLINE);
	assert_kind(d, 0, AP_KIND_DATE);
}

static void
classify_text_comment_units(void **state)
{
	/* A text dump's readers' comments under "name, date, time" headers
	 * (the time on the header or on the line after) are no body. */
	static const char *const lines[] = {
		HEAD, P1, P2, P3, P4,
		"1. marc_b dit le 13/01/2013, 11:41",
		"Je ne vois pas bien ce que ce laboratoire changera pour les "
		    "habitants de Bellerive, qui attendent surtout des emplois.",
		"Signaler un abus",
		"julie74",
		"14 janvier 2013",
		"09h12",
		"Les prêts de l’État à une entreprise privée me semblent une "
		    "mauvaise idée, surtout quand les comptes publics sont à sec.",
		"3. pierre dit le 14/01/2013, 10:05",
		"Très bonne nouvelle pour la région, enfin des investissements "
		    "qui ne partent pas tous vers la capitale.",
		NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, lines);
	assert_kind(d, 4, AP_KIND_PARAGRAPH);
	assert_true(d->blocks[6].kind != AP_KIND_PARAGRAPH);
	assert_true(d->blocks[11].kind != AP_KIND_PARAGRAPH);
	assert_true(d->blocks[13].kind != AP_KIND_PARAGRAPH);
}

static void
classify_not_found_shell(void **state)
{
	/* A text dump of a removed article: the site's menus, the notice,
	 * then its ads' disclaimers, which no rule is sure are text. */
	static const char *const lines[] = {
		"Accueil", "Sports", "Météo",
		"Désolé, cet article n'existe pas !",
		"Liens publicitaires",
		"Ces annonces sont générées automatiquement au regard du contenu "
		    "de la page et ne sont pas choisies par la rédaction.",
		"Nous ne pourrions être tenus responsables ni garantir la qualité "
		    "de ces annonces.",
		NULL
	};
	struct ap_doc *d = *state;

	assert_int_equal(t_article(d, lines)->nbody, 0);
}

static void
classify_not_found_link_above_article(void **state)
{
	/* The notice's words in a menu above a real article do nothing. */
	static const char *const lines[] = {
		"Accueil", "Page introuvable ? Plan du site",
		HEAD, P1, P2, P3, P4, NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, lines);
	assert_kind(d, 3, AP_KIND_PARAGRAPH);
	assert_kind(d, 6, AP_KIND_PARAGRAPH);
}

static void
classify_standfirst_after_byline(void **state)
{
	/* Headline, byline, date, then the chapô, then boxes, then the
	 * text: the first prose after the byline is the chapô. */
	static const char *const lines[] = {
		HEAD,
		"Veronique Lamquin",
		"Samedi 12 janvier 2013, 18h42",
		"Le vice-Premier ministre est devenu ce samedi le patron du "
		    "parti à Bruxelles. Il veut donner de l’ambition et un projet "
		    "à la Région.",
		"Lire aussi",
		"Didier Reynders est le nouveau patron du MR bruxellois",
		"Partager",
		P1, P2, P3, P4,
		NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, lines);
	assert_kind(d, 1, AP_KIND_BYLINE);
	assert_kind(d, 2, AP_KIND_DATE);
	assert_kind(d, 3, AP_KIND_STANDFIRST);
	assert_kind(d, 7, AP_KIND_PARAGRAPH);
}

static void
classify_teaser_sentences_are_no_titles(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2, P3, P4,
		"Partager sur Facebook", "Twitter", "Courriel", "Imprimer",
		"À lire aussi",
		"L’administration municipale en a assez des trottinettes "
		    "abandonnées.",
		"Trottinettes en libre-service: Montréal sévira contre Lime",
		"La période de grâce se terminera le 21 octobre.",
		"110 constats en deux semaines pour les trottinettes",
		NULL
	};
	struct ap_doc *d = *state;

	/* After the body: kicker, title, summary, title; in text only the
	 * titles lack a full stop. */
	t_classify(d, lines);
	assert_kind(d, 9, AP_KIND_RELATED_LABEL);
	assert_kind(d, 10, AP_KIND_BOILERPLATE);
	assert_kind(d, 11, AP_KIND_RELATED);
	assert_kind(d, 12, AP_KIND_BOILERPLATE);
	assert_kind(d, 13, AP_KIND_RELATED);
}

/*
 * A text dump: a glossary from the sidebar reads like prose, then the
 * article's title and publication line, then the article.  The region
 * starts at the title while the article holds most of its text, with
 * "lines" sidebar lines before it.
 */
static void
sidebar_before_dated_title(size_t lines)
{
	struct ap_doc *d = t_doc_new();
	static const char *const sidebar[] = {
		"Présentation C’est un système de domination dans lequel il "
		    "existe une hiérarchie entre les personnes.",
		"Les formes actuelles du racisme sont toujours issues de "
		    "l’héritage colonial, et elles se transforment.",
		"Le glossaire du site explique les mots des luttes, de "
		    "l’antispécisme à l’écologie, pour les nouveaux venus.",
	};
	const char *page[16];
	size_t i, n = 0;

	for (i = 0; i < lines; i++)
		page[n++] = sidebar[i];
	page[n++] = "Putsh en cours à Radio Kaléidoscope";
	page[n++] = "Publié le 9 juin 2019";
	page[n++] = P1;
	page[n++] = P2;
	page[n++] = P3;
	page[n++] = P4;
	page[n] = NULL;
	t_classify(d, page);
	for (i = 0; i < lines; i++)
		assert_kind(d, i, AP_KIND_BOILERPLATE);
	assert_kind(d, lines, AP_KIND_HEADLINE);
	assert_kind(d, lines + 1, AP_KIND_DATE);
	assert_kind(d, lines + 2, AP_KIND_PARAGRAPH);
	t_doc_free(d);
}

static void
classify_sidebar_before_dated_title(void **state)
{
	(void)state;
	sidebar_before_dated_title(2);
	/* A longer sidebar, the article still most of the region. */
	sidebar_before_dated_title(3);
}

static void
classify_standfirst_before_byline(void **state)
{
	static const char *const lines[] = {
		"Entretien avec Sylvie Moreau, apicultrice qui a vu ses ruches "
		    "décliner",
		"Installée depuis vingt ans sur le plateau de Vernois, Sylvie "
		    "Moreau a perdu près de la moitié de ses colonies.",
		"Propos recueillis par Louise Perrin",
		"Publié le 8 avril 2024 à 07h00",
		P1, P2, P3,
		NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, lines);
	assert_kind(d, 0, AP_KIND_HEADLINE);
	assert_kind(d, 1, AP_KIND_STANDFIRST);
	assert_kind(d, 2, AP_KIND_BYLINE);
	assert_kind(d, 3, AP_KIND_DATE);
	assert_kind(d, 4, AP_KIND_PARAGRAPH);
}

static void
classify_subhead_quote_and_list(void **state)
{
	static const char *const lines[] = {
		HEAD, P1, P2,
		"Le train comme solution de repli",
		P3,
		"« Nous ne fermons pas, nous allons chercher de nouvelles "
		    "compagnies », a-t-elle assuré.",
		P4,
		NULL
	};
	struct ap_doc *d = *state;

	t_classify(d, lines);
	assert_kind(d, 3, AP_KIND_SUBHEAD);
	assert_kind(d, 4, AP_KIND_PARAGRAPH);
	assert_kind(d, 5, AP_KIND_QUOTE);
	assert_kind(d, 6, AP_KIND_PARAGRAPH);
}

static void
classify_list_items_in_body(void **state)
{
	struct ap_doc *d = *state;

	t_add(d, HEAD);
	t_add(d, P1);
	t_add(d, "Les principales mesures :");
	t_add_flags(d, "Gel des loyers", AP_BF_LISTITEM);
	t_add_flags(d, "Baisse de la TVA sur l’énergie", AP_BF_LISTITEM);
	t_add(d, P2);
	t_add(d, P3);
	ap_features(d);
	ap_classify(d);
	assert_kind(d, 2, AP_KIND_PARAGRAPH);
	assert_kind(d, 3, AP_KIND_LISTITEM);
	assert_kind(d, 4, AP_KIND_LISTITEM);
	assert_kind(d, 5, AP_KIND_PARAGRAPH);
}

static void
classify_every_block_labelled(void **state)
{
	static const char *const lines[] = {
		"Menu", HEAD, "Par Élodie Marchetti", P1, "Lire aussi", P2,
		"12 commentaires", "Les plus lus", "Un autre article", NULL
	};
	struct ap_doc *d = *state;
	size_t i;

	t_classify(d, lines);
	for (i = 0; i < d->nblocks; i++) {
		assert_int_not_equal(d->blocks[i].kind, AP_KIND_UNKNOWN);
		assert_non_null(d->blocks[i].why);
	}
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		T_TEST(boilerplate_photo_credit),
		T_TEST(boilerplate_share_prompt),
		T_TEST(boilerplate_doubled_alt_text),
		T_TEST(boilerplate_newsletter_prompt),
		T_TEST(boilerplate_comment_counter),
		T_TEST(boilerplate_job_ads),
		T_TEST(boilerplate_cookie_line),
		T_TEST(boilerplate_caption_with_source),
		T_TEST(boilerplate_german_and_spanish_cues),
		T_TEST(boilerplate_signup_consent),
		T_TEST(boilerplate_navigation),
		T_TEST(boilerplate_figure_flag),
		T_TEST(boilerplate_not_prose),
		T_TEST(boilerplate_not_quote_with_cue),
		T_TEST(related_label_alone),
		T_TEST(related_label_not_with_title),
		T_TEST(related_inline_with_colon),
		T_TEST(related_inline_with_arrow),
		T_TEST(related_inline_not_plain_label),
		T_TEST(related_inline_not_running_text),
		T_TEST(byline_par_name),
		T_TEST(byline_agency_alone),
		T_TEST(byline_agency_before_date),
		T_TEST(date_and_section_no_byline),
		T_TEST(byline_interview),
		T_TEST(byline_with_date_and_bar),
		T_TEST(byline_not_word_starting_with_par),
		T_TEST(byline_not_par_lower_case_phrase),
		T_TEST(byline_not_par_ailleurs),
		T_TEST(byline_not_quote),
		T_TEST(dateline_published),
		T_TEST(dateline_numeric),
		T_TEST(dateline_not_without_date),
		T_TEST(dateline_publication_cue_without_year),
		T_TEST(dateline_not_long_paragraph),
		T_TEST(dateline_not_quote),
		T_TEST(role_after_name),
		T_TEST(role_not_sentence),
		T_TEST(role_not_other_words),
		T_TEST(titleish_short_line),
		T_TEST(titleish_question_after_ellipsis),
		T_TEST(titleish_not_sentence),
		T_TEST(titleish_not_ellipsis),
		T_TEST(titleish_not_lower_case),
		T_TEST(titleish_not_too_long),
		T_TEST(prose_sentence),
		T_TEST(prose_not_short_question_or_quote_title),
		T_TEST(prose_quote_closing),
		T_TEST(prose_opens_with_quotation),
		T_TEST(prose_not_short),
		T_TEST(prose_not_unterminated),
		T_TEST(prose_not_teaser),
		T_TEST(drop_label_sections),
		T_TEST(drop_label_not_related_or_text),
		T_TEST(classify_article_with_author_box_and_footer),
		T_TEST(classify_body_not_ending_on_label),
		T_TEST(classify_embedded_post_dropped),
		T_TEST(classify_labels_are_not_authors),
		T_TEST(classify_head_byline_and_date),
		T_TEST(classify_menu_before_headline_dropped),
		T_TEST(classify_headline_across_carousel),
		T_TEST(classify_share_bar_before_body_dropped),
		T_TEST(classify_inline_related_in_body),
		T_TEST(classify_related_label_in_body),
		T_TEST(classify_name_beside_date_is_byline),
		T_TEST(classify_tag_after_body_is_no_author),
		T_TEST(classify_signature_in_body),
		T_TEST(classify_teaser_bylines_are_no_signature),
		T_TEST(classify_label_prefix_after_body),
		T_TEST(classify_recommends_label_in_text),
		T_TEST(classify_link_card_in_blockquote),
		T_TEST(classify_teaser_image_in_related_run),
		T_TEST(classify_front_link_is_no_related_title),
		T_TEST(classify_label_box_ends_at_prompt),
		T_TEST(classify_card_summary_shares_the_link),
		T_TEST(classify_name_over_copyright),
		T_TEST(classify_inline_related_after_body),
		T_TEST(classify_arrow_title_in_text),
		T_TEST(classify_title_bullets_between_paragraphs),
		T_TEST(classify_topic_label_over_titles),
		T_TEST(classify_label_run_over_bullets),
		T_TEST(classify_inline_related_without_colon),
		T_TEST(classify_headline_shares_the_lead_topic),
		T_TEST(classify_cut_headline_over_date),
		T_TEST(headline_features_of_title_lines),
		T_TEST(classify_date_above_headline),
		T_TEST(classify_numbered_headline),
		T_TEST(classify_text_comment_units),
		T_TEST(classify_not_found_shell),
		T_TEST(classify_not_found_link_above_article),
		T_TEST(classify_standfirst_after_byline),
		T_TEST(classify_teaser_sentences_are_no_titles),
		T_TEST(classify_sidebar_before_dated_title),
		T_TEST(classify_standfirst_before_byline),
		T_TEST(classify_subhead_quote_and_list),
		T_TEST(classify_list_items_in_body),
		T_TEST(classify_every_block_labelled),
	};

	return T_RUN(tests);
}
